#!/usr/bin/env python3
"""How much of each article biennien reads as body, per source.

    python3 tests/bench/body_stats.py [--biennien build/tools/biennien]
        [--corpus FILE.jsonl] [--check 0.90] [--samples N]

Runs `biennien extract` on a JSON Lines corpus and prints one row per id
prefix (the text before the first '-') and one per outlet (the host of
`url`): articles, MB of text, the share of the text's non-space characters
that lies inside a body span (the title excluded: the record gives it), the
articles that lose more than half, and the body spans that hold a phrase of
page furniture (`furniture_phrases` of data/lang/vi/page.json: 24h's
wrapper, "Tin liên quan", "Đọc thêm" ...).  --samples N prints, for N
articles of each outlet, what was dropped, to check by eye.  --check X exits
1 when a row with at least 20 articles keeps less than X, or when any body
span holds a furniture phrase.  The corpus is
../shared/corpus/bulk/articles.jsonl by default.
"""
import argparse
import collections
import json
import os
import random
import re
import subprocess
import sys
import unicodedata
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def furniture_phrases():
    """Patterns of the phrases no body may hold: page.json's furniture and
    end phrases, and the list headings "Tin liên quan", "Đọc thêm" as
    headings: whole words with their capital (not "thông tin liên quan"),
    followed by a capital, a digit, a colon or nothing (not "Đọc thêm
    những giải đáp")."""
    page = json.load(open(os.path.join(ROOT, "data", "lang", "vi", "page.json"), encoding="utf-8"))
    out = page.get("furniture_phrases", []) + page.get("inline_end", []) + ["Tin liên quan", "Đọc thêm"]
    return [re.compile(r"(?<!\w)" + re.escape(unicodedata.normalize("NFC", p)) + r"(?=\s*[:|-]?\s*(?:[^\w\s]\s*)?[A-ZĐÀ-ỸÁ-Ỹ0-9]|\s*$)")
            for p in out]


def kept_chars(text_b, spans):
    """(non-space characters, of them inside a span) of the UTF-8 bytes."""
    inside = bytearray(len(text_b))
    for o, n in spans:
        inside[o:o + n] = b"\1" * n
    total = kept = 0
    for i, c in enumerate(text_b):
        if c & 0xC0 == 0x80 or c in b" \t\r\n":
            continue  # a continuation byte or a space: not a character counted
        total += 1
        kept += inside[i]
    return total, kept


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--biennien", default=os.path.join(ROOT, "build", "tools", "biennien"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus", "bulk", "articles.jsonl"))
    ap.add_argument("--check", type=float, default=None)
    ap.add_argument("--samples", type=int, default=0)
    args = ap.parse_args()

    records = {}
    with open(args.corpus, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                records[r.get("id")] = r
    p = subprocess.run([args.biennien, "extract", "-q", "--data-dir", os.path.join(ROOT, "data"), args.corpus],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode not in (0, 1):
        sys.exit("body_stats: extract exited %d\n%s" % (p.returncode, p.stderr.decode()[-2000:]))
    phrases = furniture_phrases()
    rows = collections.defaultdict(lambda: [0, 0, 0, 0, 0, 0])  # articles, bytes, chars, kept, lost half, furniture
    samples = collections.defaultdict(list)
    for line in p.stdout.decode("utf-8").split("\n"):
        if not line.strip():
            continue
        x = json.loads(line)
        art = x.get("article") or {}
        r = records.get(art.get("id"))
        if r is None:
            continue
        text_b = (r.get("text") or "").encode("utf-8")
        spans = [(s["offset"], s["length"]) for s in art.get("body") or []]
        total, kept = kept_chars(text_b, spans)
        furn = 0
        for o, n in spans:
            body = unicodedata.normalize("NFC", text_b[o:o + n].decode("utf-8", "replace"))
            furn += sum(1 for ph in phrases if ph.search(body))
        host = urllib.parse.urlparse(r.get("url") or "").netloc or "-"
        prefix = (r.get("id") or "-").split("-")[0]
        for key in (prefix + "-", prefix + "- " + host):
            row = rows[key]
            row[0] += 1
            row[1] += len(text_b)
            row[2] += total
            row[3] += kept
            row[4] += total > 0 and kept * 2 < total
            row[5] += furn
        samples[host].append((r, spans))
    print("%-36s %8s %8s %7s %12s %10s" % ("source", "articles", "MB", "body", "lose > half", "furniture"))
    failures = []
    for key in sorted(rows, key=lambda k: (k.split(" ")[0], " " in k, -rows[k][0])):
        a, b, t, k, half, furn = rows[key]
        share = k / t if t else 1.0
        print("%-36s %8d %8.1f %6.1f%% %12d %10d" % (key, a, b / 1e6, 100 * share, half, furn))
        if args.check is not None and a >= 20 and share < args.check:
            failures.append("%s keeps %.1f%% < %.0f%%" % (key, 100 * share, 100 * args.check))
        if args.check is not None and furn:
            failures.append("%s: %d body spans hold a furniture phrase" % (key, furn))
    if args.samples:
        rnd = random.Random(7)
        for host, lst in sorted(samples.items()):
            for r, spans in rnd.sample(lst, min(args.samples, len(lst))):
                text_b = (r.get("text") or "").encode("utf-8")
                inside = bytearray(len(text_b))
                for o, n in spans:
                    inside[o:o + n] = b"\1" * n
                dropped, run = [], bytearray()
                for i, c in enumerate(text_b):
                    if inside[i]:
                        if run.strip():
                            dropped.append(run.decode("utf-8", "replace").strip())
                        run = bytearray()
                    else:
                        run.append(c)
                if run.strip():
                    dropped.append(run.decode("utf-8", "replace").strip())
                print("\n== %s %s: dropped %d pieces" % (host, r.get("id"), len(dropped)))
                for d in dropped:
                    print("   - " + (d if len(d) < 300 else d[:140] + " ... " + d[-140:]))
    for f in failures:
        print("body_stats: " + f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
