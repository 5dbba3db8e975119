#!/usr/bin/env python3
"""Years found without a publication date, checked against those found with it.

Runs `biennien extract` on a JSON Lines corpus twice: as given (with each
record's "date" and "url") and stripped of both, then compares the date of
every event found in both runs (same article, same trigger offset).  A year
found without the DCT that differs from the DCT run's is a wrong year (the
issue's defect); XXXX without the DCT is allowed.

With --build, both runs are `biennien build` over the whole corpus, so the
years one article lends another (year_source "cross-article") are checked
too.

Only records with a "date" are checked: without one, the DCT run has no
firm year either (their events are counted apart).

usage: scripts/year_check.py BIENNIEN CORPUS.jsonl [--build] [--kb FILE] [-v]
"""
import json
import subprocess
import sys
import tempfile


def built_events(biennien, path, extra):
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([biennien, "build", "-q", *extra, "-o", out, path], check=True, capture_output=True)
        with open(f"{out}/timeline.json", encoding="utf-8") as f:
            tl = json.load(f)
    found = {}
    for e in tl["events"]:
        for s in e["sources"]:
            found[(s["article"], s["trigger_offset"])] = (e["date"], s["sentence"])
    return found


def events(biennien, path, extra):
    out = subprocess.run([biennien, "extract", "-q", *extra, path], check=True,
                         capture_output=True, text=True).stdout
    found = {}
    for line in out.splitlines():
        rec = json.loads(line)
        art = rec.get("article", {}).get("id")
        for e in rec.get("events", []):
            for s in e["sources"]:
                found[(art, s["trigger_offset"])] = (e["date"], s["sentence"])
    return found


def main():
    args = [a for a in sys.argv[1:] if a not in ("-v", "--build")]
    verbose = "-v" in sys.argv
    run = built_events if "--build" in sys.argv else events
    biennien, corpus, extra = args[0], args[1], args[2:]
    dated = set()  # records with a publication date: the only ones a DCT run can check
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as tmp:
        for line in open(corpus, encoding="utf-8"):
            rec = json.loads(line)
            if rec.get("date"):
                dated.add(rec["id"])
            tmp.write(json.dumps({"id": rec["id"], "text": rec["text"]}, ensure_ascii=False) + "\n")
    with_dct = run(biennien, corpus, extra)
    without = run(biennien, tmp.name, extra)
    same = wrong = unknown = unchecked = 0
    for key, (d, sent) in without.items():
        if key not in with_dct:
            continue
        if key[0] not in dated:
            unchecked += 1  # no date in the corpus: the DCT run's year is itself inferred
            continue
        ref = with_dct[key][0]
        v, r = d["value"], ref["value"]
        if v.startswith("XXXX"):
            unknown += 1
        elif v[:4] == r[:4]:
            same += 1
        else:
            wrong += 1
            if verbose:
                print(f"{key[0]}: {v} ({d.get('year_source')}) vs {r} with DCT: {sent[:150]}")
    total = same + wrong + unknown
    print(f"events in both runs of dated records: {total}; year without DCT: same {same}, wrong {wrong}"
          f" ({100.0 * wrong / max(total, 1):.1f} %), XXXX {unknown} ({100.0 * unknown / max(total, 1):.1f} %);"
          f" events of records without a date (not checked): {unchecked}")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
