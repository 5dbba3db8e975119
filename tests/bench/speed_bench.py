#!/usr/bin/env python3
"""Speed and memory of `biennien extract` and `build` against the floor.

    python3 tests/bench/speed_bench.py [--biennien build/tools/biennien]
        [--floor build/tests/bench_floor] [--corpus FILE.jsonl] [--runs 3]
        [--memory] [--check]

Prints, per command: articles/s, MB/s of article text (the UTF-8 bytes of
the records' title and text), peak RSS, and the ratio to the floor
(tests/bench/floor.c: read the same records, validate UTF-8, NFC and case
fold with ICU, nothing else), each the best of --runs runs.  Also the
start-up time (an input without articles), and with --memory the peak RSS
of `extract` on the corpus repeated 4 and 16 times (ids changed).  --check
exits 1 unless the targets of issue 9 hold: single-threaded extract at least
25 MB/s and at least 0.25 of the floor, start-up under 50 ms, -j 2 at least
1.7 times -j 1, and (with --memory) peak RSS at 16 times the corpus within
20% of 1 time.  The corpus is ../shared/corpus/bulk/articles.jsonl, or one
of about 20 MB generated when that file is absent.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import kb_scale  # noqa: E402  (its corpus generator)
import merge_bench  # noqa: E402  (the timed run with peak RSS)

TIME = "/usr/bin/time"


def timed(cmd, stdout=subprocess.DEVNULL):
    """(wall s, peak RSS KB or None) of one run; exits when it fails."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        full = ([TIME, "-f", "%M", "-o", tf.name] if os.access(TIME, os.X_OK) else []) + cmd
        t0 = time.perf_counter()
        p = subprocess.run(full, stdout=stdout, stderr=subprocess.PIPE)
        wall = time.perf_counter() - t0
        if p.returncode not in (0, 1):
            sys.exit("speed_bench: %s exited %d\n%s" % (" ".join(cmd), p.returncode, p.stderr.decode()[-2000:]))
        rss = None
        lines = [l for l in tf.read().split("\n") if l.strip()]
        if lines:
            rss = int(lines[-1])
    return wall, rss


def best(cmd, runs):
    results = [timed(cmd) for _ in range(runs)]
    wall = min(r[0] for r in results)
    rss = max((r[1] or 0) for r in results) or None
    return wall, rss


def libraries(exe):
    try:
        out = subprocess.run(["ldd", exe], capture_output=True, text=True).stdout
        return sum(1 for l in out.splitlines() if "=>" in l or l.strip().startswith("/"))
    except OSError:
        return 0


def text_bytes(path):
    articles = nbytes = 0
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            try:
                r = json.loads(line)
            except ValueError:
                continue
            articles += 1
            for k in ("title", "text"):
                if isinstance(r.get(k), str):
                    nbytes += len(r[k].encode("utf-8", "surrogatepass"))
    return articles, nbytes


def repeat(src, dst, times):
    """The corpus `times` over, each copy's ids changed, so that nothing is
    a duplicate."""
    with open(dst, "w", encoding="utf-8") as out:
        for k in range(times):
            with open(src, encoding="utf-8") as f:
                for line in f:
                    try:
                        r = json.loads(line)
                    except ValueError:
                        continue
                    r["id"] = "%s~%d" % (r.get("id", "rec"), k)
                    out.write(json.dumps(r, ensure_ascii=False) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--biennien", default=os.path.join(ROOT, "build", "tools", "biennien"))
    ap.add_argument("--floor", default=os.path.join(ROOT, "build", "tests", "bench_floor"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus", "bulk", "articles.jsonl"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--memory", action="store_true", help="also peak RSS at 4x and 16x the corpus")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    scratch = tempfile.mkdtemp(prefix="speed_bench.")
    try:
        exe = os.path.join(scratch, "biennien")
        merge_bench.snapshot_binary(args.biennien, exe)
        data = os.path.join(ROOT, "data")
        corpus = args.corpus
        if not os.path.isfile(corpus):
            corpus = os.path.join(scratch, "generated.jsonl")
            kb_scale.generate_corpus(corpus)
        articles, nbytes = text_bytes(corpus)
        mb = nbytes / 1e6
        print("corpus:  %s: %d articles, %.1f MB of text" % (corpus, articles, mb))
        print("machine: %d CPUs, load %.2f" % (os.cpu_count() or 0, os.getloadavg()[0]))
        empty = os.path.join(scratch, "empty.jsonl")
        with open(empty, "w") as f:
            f.write("\n")
        start, _ = best([exe, "extract", "-q", "--data-dir", data, empty], max(args.runs, 5))
        # loading and compiling the knowledge base and lexicons, as the
        # program itself times it (BIENNIEN_TIMINGS)
        loads = []
        for _ in range(max(args.runs, 5)):
            p = subprocess.run([exe, "extract", "-q", "--data-dir", data, empty], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, env=dict(os.environ, BIENNIEN_TIMINGS="1"))
            for line in p.stderr.decode().splitlines():
                if "timings: load" in line:
                    loads.append(float(line.split("load ")[1].split(" ms")[0]) / 1000)
        load = min(loads) if loads else start
        print("start-up: %.1f ms to load and compile the data; %.1f ms for the whole process on an input "
              "without articles (exec and dynamic linking of %d libraries included)"
              % (load * 1000, start * 1000, libraries(exe)))
        rows = []
        floor_wall, floor_rss = best([args.floor, corpus], args.runs)
        rows.append(("floor (read, UTF-8, NFC, fold)", floor_wall, floor_rss))
        runs = {}
        for name, cmd in [
            ("extract -j 1", [exe, "extract", "-q", "-j", "1", "--data-dir", data, corpus]),
            ("extract -j %d" % args.jobs, [exe, "extract", "-q", "-j", str(args.jobs), "--data-dir", data, corpus]),
            ("build -j 1 (json)", [exe, "build", "-q", "-j", "1", "--format", "json", "--data-dir", data, corpus,
                                   "-o", os.path.join(scratch, "out")]),
            ("build -j %d (json)" % args.jobs, [exe, "build", "-q", "-j", str(args.jobs), "--format", "json",
                                                "--data-dir", data, corpus, "-o", os.path.join(scratch, "out")]),
        ]:
            wall, rss = best(cmd, args.runs)
            runs[name] = wall
            rows.append((name, wall, rss))
        print("%-32s %8s %10s %8s %10s %9s" % ("command", "wall s", "articles/s", "MB/s", "peak RSS", "vs floor"))
        for name, wall, rss in rows:
            print("%-32s %8.2f %10.0f %8.1f %10s %9.3f" % (name, wall, articles / wall, mb / wall,
                                                          "%.1f MB" % (rss / 1024) if rss else "?",
                                                          floor_wall / wall))
        j1 = runs["extract -j 1"]
        jn = runs["extract -j %d" % args.jobs]
        print("speed-up of -j %d over -j 1: %.2f" % (args.jobs, j1 / jn))
        failures = []
        if mb / j1 < 25:
            failures.append("single-threaded extract %.1f MB/s < 25" % (mb / j1))
        if floor_wall / j1 < 0.25:
            failures.append("single-threaded extract %.3f of the floor < 0.25" % (floor_wall / j1))
        if load >= 0.050:
            failures.append("start-up (loading the data) %.1f ms >= 50" % (load * 1000))
        if args.jobs >= 2 and j1 / jn < 1.7:
            failures.append("-j %d only %.2f times -j 1" % (args.jobs, j1 / jn))
        if args.memory:
            peaks = {}
            for times in (1, 4, 16):
                path = corpus if times == 1 else os.path.join(scratch, "x%d.jsonl" % times)
                if times > 1:
                    repeat(corpus, path, times)
                wall, rss = timed([exe, "extract", "-q", "-j", str(args.jobs), "--data-dir", data, path])
                peaks[times] = rss
                print("extract -j %d on %2dx the corpus: %.1f s, peak RSS %s" % (
                    args.jobs, times, wall, "%.1f MB" % (rss / 1024) if rss else "?"))
                if times > 1:
                    os.remove(path)
            if peaks[1] and peaks[16]:
                growth = peaks[16] / peaks[1] - 1
                print("peak RSS 16x / 1x: %+.1f%%" % (100 * growth))
                if abs(growth) >= 0.20:
                    failures.append("peak RSS grew %.0f%% from 1x to 16x" % (100 * growth))
        if args.check:
            for f in failures:
                print("check: " + f)
            print("check: " + ("ok" if not failures else "%d target(s) missed" % len(failures)))
            return 1 if failures else 0
        return 0
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
