#!/usr/bin/env python3
"""Cost of `biennien merge` against the number of input events.

Checks the claim "merge scales near-linearly in the number of events":

1. generates synthetic `biennien extract` records (schema
   "biennien-extract/2", as output/bn_json.c writes and reads them) for each
   size given with --events: about 8 events per article, publication dates
   over 2021-2023, each event dated 0-10 days before its article, ~5% of the
   events with a day and month but no year ("XXXX-MM-DD", year_source
   "unknown") for the cross-article year pass, --actors actors of Zipf-like
   popularity (10% countries, 20% organisations, 70% people, some of them
   unknown to the knowledge base), and ~30% of the events "re-reports" of an
   earlier event (same day, type, CAMEO code and actors) in a later article,
   for the merging pass.  The records of one size are split into 4 JSONL
   files.  Everything comes from random.Random with a fixed seed;
2. runs `biennien merge -q MERGE_ARGS shard-1.jsonl ... shard-4.jsonl -o
   OUT` under /usr/bin/time for each size (wall time, CPU time, peak RSS),
   checks the exit status and timeline.json, and counts its events;
3. prints a table and the growth from the smallest to the largest size,
   "near-linear" when time ratio / size ratio < 1.5.

The binary is copied to the temporary directory first, so a rebuild of the
build tree during the run changes nothing.

Usage: python3 tests/bench/merge_bench.py [--events N...] [--actors A]
           [--seed S] [--biennien build/tools/biennien]
           [--merge-args="--format json,graphml"] [--runs R] [--keep] [--check]

Python 3 standard library only; Linux/Unix.
"""

import argparse
import bisect
import datetime
import hashlib
import json
import os
import random
import resource
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kb_scale import snapshot_binary  # noqa: E402  (the same copying of the binary)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TIME = "/usr/bin/time"
SCHEMA = "biennien-extract/2"
SEED = 20240617
SHARDS = 4
CHECK_WALL_S = 30.0
CHECK_RSS_KB = 1024 * 1024  # 1 GB

FIRST_DAY = datetime.date(2021, 1, 1).toordinal()
LAST_DAY = datetime.date(2023, 12, 31).toordinal()
EVENTS_PER_ARTICLE = (4, 12)   # uniform: 8 on average
MAX_LAG_DAYS = 10              # an event is 0-10 days before its article
P_REREPORT = 0.30
P_NO_YEAR = 0.05
P_SECOND_SOURCE = 0.20
P_LOCATION = 0.10
P_PLANNED = 0.05

# type: weight, [(cameo, goldstein, trigger)], as in data/lang/vi/events.json
TYPES = {
    "statement": (24, [("010", 0.0, "cho biết"), ("010", 0.0, "tuyên bố"), ("010", 0.0, "khẳng định")]),
    "appeal": (8, [("020", 3.0, "kêu gọi"), ("020", 3.0, "thúc giục")]),
    "proposal": (6, [("030", 4.0, "đề xuất"), ("030", 4.0, "đề nghị")]),
    "meeting": (12, [("040", 1.0, "hội đàm"), ("040", 1.0, "điện đàm"), ("036", 4.0, "nhất trí gặp"),
                     ("046", 7.0, "đàm phán")]),
    "agreement": (7, [("057", 8.0, "ký"), ("057", 8.0, "nhất trí")]),
    "aid": (5, [("070", 7.0, "viện trợ"), ("072", 8.3, "cung cấp vũ khí")]),
    "demand": (5, [("100", -5.0, "yêu cầu")]),
    "criticism": (10, [("111", -2.0, "chỉ trích"), ("112", -2.0, "lên án")]),
    "rejection": (5, [("120", -4.0, "bác bỏ"), ("120", -4.0, "từ chối")]),
    "warning": (6, [("130", -4.4, "cảnh báo")]),
    "sanction": (6, [("163", -8.0, "cấm vận"), ("161", -4.0, "trừng phạt")]),
    "military": (6, [("190", -10.0, "tấn công"), ("150", -7.2, "tập trận")]),
}
TYPE_NAMES = list(TYPES)
TYPE_CUM = []
for _t in TYPE_NAMES:
    TYPE_CUM.append((TYPE_CUM[-1] if TYPE_CUM else 0) + TYPES[_t][0])

ONSETS = ["b", "c", "ch", "d", "g", "gi", "h", "k", "kh", "l", "m", "n", "ng", "nh", "ph", "qu", "r", "s",
          "t", "th", "tr", "v", "x", ""]
RHYMES = ["a", "ai", "am", "an", "ang", "anh", "ao", "at", "au", "ay", "e", "em", "en", "eo", "i", "ia", "iem",
          "ien", "in", "inh", "o", "oa", "oan", "oi", "om", "on", "ong", "u", "ua", "uan", "ui", "um", "un",
          "ung", "uoc", "uon", "uong", "uy", "uyen"]
LATIN = ["vel", "mor", "tan", "dri", "kas", "lum", "bra", "zen", "tor", "vin", "sel", "gar", "nor", "pal",
         "rik", "dun", "mel", "os", "ar", "ia", "en", "ov", "ist", "ane"]
ORG_HEADS = [("Council", "Hoi dong"), ("Union", "Lien minh"), ("Forum", "Dien dan"), ("Bank", "Ngan hang"),
             ("Ministry", "Bo"), ("Agency", "Co quan"), ("Front", "Mat tran"), ("Party", "Dang")]


# ---------------------------------------------------------------- words

class Words:
    """Invented words: Vietnamese-looking ASCII syllables for the running
    text, Latin-looking ones for names."""

    def __init__(self, rnd):
        self.rnd = rnd
        self.syllables = sorted({o + r for o in ONSETS for r in RHYMES})

    def syllable(self):
        return self.rnd.choice(self.syllables)

    def latin(self, parts=None):
        parts = parts or self.rnd.randint(2, 3)
        return "".join(self.rnd.choice(LATIN) for _ in range(parts)).capitalize()

    def viet_name(self, n):
        return " ".join(self.syllable().capitalize() for _ in range(n))

    def filler(self, target_chars):
        out, n = [], 0
        while n < target_chars:
            w = self.syllable()
            out.append(w)
            n += len(w) + 1
        return out


# ---------------------------------------------------------------- actors

def make_actors(rnd, words, count):
    """count actors: (id, record without "mentions"), in order of
    popularity (rank 0 is the most popular)."""
    width = max(4, len(str(count)))
    kinds = []
    for i in range(count):
        x = rnd.random()
        kinds.append("country" if x < 0.10 else "organization" if x < 0.30 else "person")
    actors = []
    seen = set()
    for i, kind in enumerate(kinds):
        while True:
            if kind == "country":
                name = words.latin()
                name_vi = words.viet_name(2)
                aliases = [name_vi, "nuoc " + name_vi]
            elif kind == "organization":
                head, head_vi = rnd.choice(ORG_HEADS)
                core = words.latin()
                name = "%s %s" % (core, head)
                name_vi = "%s %s" % (head_vi, core)
                aliases = [name_vi, core.upper()[:4]]
            else:
                first, last = words.latin(2), words.latin()
                name = name_vi = "%s %s" % (first, last)
                aliases = [name, last]
            if name not in seen:
                seen.add(name)
                break
        aid = "synth-a%0*d" % (width, i + 1)
        actors.append([aid, {"affiliation": None, "aliases": aliases, "id": aid, "kind": kind,
                             "known": True, "name": name, "name_vi": name_vi}])
    # popularity: rank r is drawn with weight 1/(r+1) (Zipf, s = 1); the
    # order is random, with countries, then organisations, more likely
    # near the top (as in the news: "Nga", "Mỹ", "NATO")
    lift = {"country": 0.15, "organization": 0.5, "person": 1.0}
    actors.sort(key=lambda a: rnd.random() * lift[a[1]["kind"]])
    # some people are not in the knowledge base (found in the text only):
    # a third of those outside the top 10%
    for rank, (_, rec) in enumerate(actors):
        if rec["kind"] == "person" and rank >= count // 10 and rnd.random() < 1 / 3:
            rec["known"] = False
    return actors


class Popularity:
    def __init__(self, rnd, n, s=1.0):
        self.rnd = rnd
        self.cum = []
        total = 0.0
        for r in range(n):
            total += 1.0 / (r + 1) ** s
            self.cum.append(total)
        self.total = total

    def draw(self, k):
        """k distinct ranks."""
        got = []
        while len(got) < k:
            r = bisect.bisect_left(self.cum, self.rnd.random() * self.total)
            r = min(r, len(self.cum) - 1)
            if r not in got:
                got.append(r)
        return got


# ---------------------------------------------------------------- records

def iso(day):
    return datetime.date.fromordinal(day).isoformat()


def utf8_len(s):
    return len(s.encode("utf-8"))


def generate(n_events, n_actors, seed, paths):
    """Writes the extract records of n_events events to the files `paths`
    (the articles shuffled, then cut into len(paths) runs).  Returns a dict
    of what was generated."""
    rnd = random.Random(seed * 1_000_003 + n_events)
    words = Words(random.Random(seed))
    actors = make_actors(random.Random(seed + 1), words, n_actors)
    pop = Popularity(rnd, n_actors)

    # articles: how many events each, and their publication days in order
    sizes, left = [], n_events
    while left > 0:
        k = min(left, rnd.randint(*EVENTS_PER_ARTICLE))
        sizes.append(k)
        left -= k
    days = sorted(rnd.randint(FIRST_DAY, LAST_DAY) for _ in sizes)
    width = max(6, len(str(len(sizes))))

    # the originals an article may re-report: (article index, article day,
    # event day, type, cameo, goldstein, trigger, actors, location); articles come in
    # order of day, so those before `start` are too old for every article
    # still to come
    originals, start = [], 0
    lines, used = [], set()
    stats = {"rereports": 0, "no_year": 0, "unknown_actors": set()}
    places = [words.latin() for _ in range(40)]

    for ai, (k, aday) in enumerate(zip(sizes, days)):
        art_id = "synth-%0*d" % (width, ai + 1)
        cutoff = aday - MAX_LAG_DAYS
        while start < len(originals) and originals[start][1] < cutoff:
            start += 1
        texts = []          # sentences (and the title) of the article, in order
        pos = 0             # byte offset of the next sentence
        body = []
        mentions = {}
        events = []
        mine = []
        taken = set()

        def add_text(s, new_paragraph):
            nonlocal pos
            if texts:
                pos += 2 if new_paragraph else 1   # "\n\n" or " "
            off = pos
            n = utf8_len(s)
            texts.append(s)
            if new_paragraph or not body:
                body.append([off, n])
            else:
                body[-1][1] = off + n - body[-1][0]
            pos += n
            return off, n

        title = " ".join(words.filler(50)).capitalize()
        add_text(title, True)

        for _ in range(k):
            orig = None
            if rnd.random() < P_REREPORT and start < len(originals):
                for _try in range(4):
                    ci = rnd.randrange(start, len(originals))
                    if originals[ci][2] >= cutoff and ci not in taken:
                        orig = originals[ci]
                        taken.add(ci)
                        break
            if orig:
                _, _, eday, etype, cameo, gold, trig, ev_actors, loc = orig
                stats["rereports"] += 1
            else:
                eday = aday - rnd.randint(0, MAX_LAG_DAYS)
                etype = TYPE_NAMES[bisect.bisect_right(TYPE_CUM, rnd.random() * TYPE_CUM[-1])]
                cameo, gold, trig = rnd.choice(TYPES[etype][1])
                ranks = pop.draw(rnd.choice((1, 2, 2, 2, 3, 3)))
                ev_actors = []
                for j, r in enumerate(ranks):
                    role = "source" if j == 0 or (j == 1 and len(ranks) == 3 and rnd.random() < 0.15) \
                        else "target"
                    ev_actors.append((actors[r][0], role, r))
                loc = rnd.choice(places) if rnd.random() < P_LOCATION else None
                mine.append((ai, aday, eday, etype, cameo, gold, trig, ev_actors, loc))
            for aid, _, r in ev_actors:
                mentions[r] = mentions.get(r, 0) + 1

            value = iso(eday)
            year_source = "text"
            if rnd.random() < P_NO_YEAR:
                value, year_source = "XXXX" + value[4:], "unknown"
                stats["no_year"] += 1
            sources = []
            for si in range(2 if rnd.random() < P_SECOND_SOURCE else 1):
                who = [actors[r][1]["name_vi"] for _, role, r in ev_actors if role == "source"]
                whom = [actors[r][1]["name_vi"] for _, role, r in ev_actors if role == "target"]
                head = words.filler(rnd.randint(10, 40))
                lead = " ".join(head + [" va ".join(who)]) + " "
                tail = " " + " ".join([" va ".join(whom)] + words.filler(40) if whom else words.filler(40)) + "."
                # a second sentence may name the act with another word of its type
                trig_s = rnd.choice(TYPES[etype][1])[2] if si else trig
                sentence = (lead + trig_s + tail)
                sentence = sentence[0].upper() + sentence[1:]
                off, n = add_text(sentence, len(texts) == 1 or rnd.random() < 0.4)
                sources.append({"article": art_id, "length": n, "offset": off, "sentence": sentence,
                                "trigger": trig_s, "trigger_length": utf8_len(trig_s),
                                "trigger_offset": off + utf8_len(lead)})
                if rnd.random() < 0.3:   # a sentence with no event
                    add_text(" ".join(words.filler(rnd.randint(60, 160))).capitalize() + ".",
                             rnd.random() < 0.4)
            events.append({
                "actors": [{"id": aid, "role": role} for aid, role, _ in ev_actors],
                "cameo": cameo,
                "confidence": rnd.choice((0.45, 0.55, 0.65, 0.75)),
                "date": {"end": None, "mod": None, "precision": "day",
                         "source": rnd.choice(("clause", "sentence")), "value": value,
                         "year_range": None, "year_source": year_source},
                "goldstein": gold,
                "location": loc,
                "modality": "planned" if rnd.random() < P_PLANNED else "asserted",
                "sources": sources,
                "type": etype,
            })
        originals.extend(mine)

        art_actors = []
        for r in sorted(mentions):
            rec = dict(actors[r][1])
            rec["mentions"] = mentions[r] + rnd.randint(0, 2)
            art_actors.append(rec)
            used.add(r)
            if not rec["known"]:
                stats["unknown_actors"].add(r)
        h = hashlib.sha256(("\n".join(texts)).encode("utf-8")).hexdigest()[:16]
        record = {
            "actors": art_actors,
            "article": {"body": [{"length": n, "offset": o} for o, n in body],
                        "dct": {"source": "page", "value": iso(aday)},
                        "events": len(events), "id": art_id,
                        "path": "synth/%s/%s.txt" % (iso(aday)[:7], art_id),
                        "sentences": len(texts), "text_hash": h, "title": title,
                        "url": "https://tin.example.vn/the-gioi/%s.html" % art_id},
            "events": events,
            "schema": SCHEMA,
        }
        lines.append(json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")))

    rnd.shuffle(lines)
    per = -(-len(lines) // len(paths))
    nbytes = 0
    for i, path in enumerate(paths):
        with open(path, "w", encoding="utf-8") as f:
            for line in lines[i * per:(i + 1) * per]:
                f.write(line)
                f.write("\n")
        nbytes += os.path.getsize(path)
    return {"events": n_events, "articles": len(sizes), "actors": len(used),
            "unknown_actors": len(stats["unknown_actors"]), "rereports": stats["rereports"],
            "no_year": stats["no_year"], "bytes": nbytes}


# ---------------------------------------------------------------- running

def run_merge(cmd, outdir, scratch):
    """One run: (wall s, CPU s, peak RSS KB or None, stderr text).
    Exits when merge fails or writes no timeline.json."""
    if os.path.isdir(outdir):
        shutil.rmtree(outdir)
    timefile = os.path.join(scratch, "time.txt")
    errfile = os.path.join(scratch, "stderr.txt")
    use_time = os.access(TIME, os.X_OK)
    full = ([TIME, "-f", "%e %M", "-o", timefile] if use_time else []) + cmd
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(errfile, "wb") as err:
        t0 = time.perf_counter()
        p = subprocess.run(full, stdout=subprocess.DEVNULL, stderr=err)
        wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    with open(errfile, encoding="utf-8", errors="replace") as f:
        stderr = f.read()
    if p.returncode != 0:
        sys.exit("merge_bench: %s exited %d\n%s" % (" ".join(cmd), p.returncode, stderr[-4000:]))
    if not os.path.isfile(os.path.join(outdir, "timeline.json")):
        sys.exit("merge_bench: %s wrote no %s/timeline.json\n%s" % (" ".join(cmd), outdir, stderr[-4000:]))
    rss_kb = None
    if use_time:
        with open(timefile) as f:
            last = f.read().split("\n")
        fields = [l for l in last if l.strip()][-1].split()  # "Command exited ..." lines come first
        wall_time = float(fields[0])
        rss_kb = int(fields[1])
        # /usr/bin/time's %e has 10 ms steps; ours is the same span, finer
        if abs(wall_time - wall) > 0.05 + 0.05 * wall:
            print("merge_bench: note: /usr/bin/time says %.2f s, perf_counter %.3f s" % (wall_time, wall),
                  file=sys.stderr)
    return wall, cpu, rss_kb, stderr


def timeline_events(path):
    """The events of timeline.json, one at a time.  jansson writes it with
    JSON_INDENT(1): a top-level member per line at one space, an event from
    "  {" to "  }" at two; each event is decoded alone, so that a timeline of
    100,000 events (~100 MB) does not become ~600 MB of Python objects.
    Anything else: the whole file through json.load."""
    with open(path, encoding="utf-8") as f:
        state, buf = 0, []
        for line in f:
            if state == 0:
                if line.startswith(' "events": ['):
                    if line.rstrip().rstrip(",").endswith("[]"):
                        return
                    state = 1
            elif line.startswith("  }"):
                buf.append("}")
                yield json.loads("".join(buf))
                buf = []
            elif line.startswith(" ]"):
                return
            else:
                buf.append(line)
    if state == 0:
        with open(path, encoding="utf-8") as f:
            yield from json.load(f).get("events", [])


def timeline_counts(path):
    out = {"events_out": 0, "out_no_year": 0, "out_cross": 0, "out_multi": 0}
    for e in timeline_events(path):
        out["events_out"] += 1
        out["out_no_year"] += e["date"]["value"].startswith("XXXX")
        out["out_cross"] += e["date"].get("year_source") == "cross-article"
        out["out_multi"] += e.get("articles", 1) > 1
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, nargs="+", default=[10000, 20000, 50000, 100000],
                    metavar="N", help="input sizes in events (default 10000 20000 50000 100000)")
    ap.add_argument("--actors", type=int, default=2000, metavar="A", help="actors to draw from (default 2000)")
    ap.add_argument("--seed", type=int, default=SEED, help="random seed (default %d)" % SEED)
    ap.add_argument("--biennien", default=os.path.join(ROOT, "build", "tools", "biennien"),
                    help="the binary (default build/tools/biennien; copied before use)")
    ap.add_argument("--merge-args", default="--format json,graphml",
                    help='extra merge options, one string (default "--format json,graphml"; '
                         'write --merge-args="..." when it starts with "-" and has no space)')
    ap.add_argument("--runs", type=int, default=1, help="best wall time of R runs per size (default 1)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    ap.add_argument("--check", action="store_true",
                    help="exit 1 unless the largest size takes < %g s wall and < 1 GB peak RSS" % CHECK_WALL_S)
    args = ap.parse_args()
    sizes = sorted(set(args.events))
    if not sizes or sizes[0] < 1 or args.actors < 3 or args.runs < 1:
        ap.error("sizes and runs must be >= 1, actors >= 3")
    src_exe = os.path.abspath(args.biennien)
    if not os.path.exists(src_exe):
        sys.exit("merge_bench: no biennien binary at %s (ninja -C build)" % src_exe)
    merge_args = shlex.split(args.merge_args)

    tmp = tempfile.mkdtemp(prefix="merge_bench.")
    rows, noisy = [], False
    try:
        exe = os.path.join(tmp, "biennien")
        mtime = snapshot_binary(src_exe, exe)
        version = subprocess.run([exe, "--version"], capture_output=True, text=True).stdout.strip()
        print("binary:    %s (copy of %s, built %s)" % (
            version, src_exe, time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(mtime))))
        print("command:   biennien merge -q %s shard-1..%d.jsonl -o OUT" % (
            " ".join(shlex.quote(a) for a in merge_args) or "(no extra args)", SHARDS))
        print("measured:  %s; seed %d, %d actors, best of %d run(s)" % (
            "wall = perf_counter, CPU = RUSAGE_CHILDREN delta, peak RSS = /usr/bin/time %M"
            if os.access(TIME, os.X_OK) else
            "wall = perf_counter, CPU = RUSAGE_CHILDREN delta; peak RSS unknown (no /usr/bin/time)",
            args.seed, args.actors, args.runs))
        load0 = os.getloadavg()
        for n in sizes:
            d = os.path.join(tmp, "n%d" % n)
            os.makedirs(d)
            shards = [os.path.join(d, "shard-%d.jsonl" % (i + 1)) for i in range(SHARDS)]
            t0 = time.perf_counter()
            gen = generate(n, args.actors, args.seed, shards)
            gen_s = time.perf_counter() - t0
            outdir = os.path.join(tmp, "out-%d" % n)
            cmd = [exe, "merge", "-q"] + merge_args + shards + ["-o", outdir]
            best = None
            rss = None
            for _ in range(args.runs):
                wall, cpu, rss_kb, stderr = run_merge(cmd, outdir, d)
                if stderr.strip():
                    noisy = True
                    print("merge_bench: merge wrote to stderr for %d events:\n%s" % (n, stderr[-2000:]),
                          file=sys.stderr)
                if best is None or wall < best[0]:
                    best = (wall, cpu)
                if rss_kb is not None:
                    rss = max(rss or 0, rss_kb)
            row = dict(gen)
            row.update(timeline_counts(os.path.join(outdir, "timeline.json")))
            row.update({"wall": best[0], "cpu": best[1], "rss_kb": rss, "gen_s": gen_s})
            rows.append(row)
            print("generated: %7d events, %6d articles, %5d actors (%d unknown), %6d re-reports, "
                  "%5d without year, %.1f MB in %d files, %.1f s; merged: %d events, %d from >1 article, "
                  "%d years from other articles, %d still without year" % (
                      n, gen["articles"], gen["actors"], gen["unknown_actors"], gen["rereports"],
                      gen["no_year"], gen["bytes"] / 1e6, SHARDS, gen_s, row["events_out"], row["out_multi"],
                      row["out_cross"], row["out_no_year"]))
            sys.stdout.flush()
            if not args.keep:
                shutil.rmtree(d)
                shutil.rmtree(outdir)
        load1 = os.getloadavg()

        print()
        print("%9s %9s %7s %9s %8s %12s %9s %11s" % (
            "events", "articles", "actors", "wall s", "CPU s", "peak RSS MB", "us/event", "events out"))
        for r in rows:
            print("%9d %9d %7d %9.3f %8.3f %12s %9.2f %11d" % (
                r["events"], r["articles"], r["actors"], r["wall"], r["cpu"],
                "%.1f" % (r["rss_kb"] / 1024) if r["rss_kb"] is not None else "unknown",
                r["wall"] / r["events"] * 1e6, r["events_out"]))
        print()
        small, large = rows[0], rows[-1]
        if len(rows) > 1:
            size_ratio = large["events"] / small["events"]
            time_ratio = large["wall"] / small["wall"] if small["wall"] > 0 else float("inf")
            growth = time_ratio / size_ratio
            print("growth:    %d -> %d events: size x%.2f, time x%.2f, time/size %.2f: %s" % (
                small["events"], large["events"], size_ratio, time_ratio, growth,
                "near-linear" if growth < 1.5 else "NOT near-linear (>= 1.5)"))
        else:
            print("growth:    one size only, no ratio")
        print("load:      %.2f before, %.2f after (%d CPUs)" % (load0[0], load1[0], os.cpu_count() or 0))
        if args.keep:
            print("kept:      %s" % tmp)

        if args.check:
            problems = []
            if large["wall"] >= CHECK_WALL_S:
                problems.append("wall %.2f s >= %g s" % (large["wall"], CHECK_WALL_S))
            if large["rss_kb"] is None:
                problems.append("peak RSS unknown")
            elif large["rss_kb"] >= CHECK_RSS_KB:
                problems.append("peak RSS %.0f MB >= 1024 MB" % (large["rss_kb"] / 1024))
            if noisy:
                problems.append("merge wrote to stderr")
            print("check:     %d events: %s" % (large["events"], "; ".join(problems) if problems else "ok"))
            if problems:
                return 1
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
