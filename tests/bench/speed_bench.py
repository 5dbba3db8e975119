#!/usr/bin/env python3
"""Speed and memory of `biennien extract` and `build` against the floor.

    python3 tests/bench/speed_bench.py [--biennien build/tools/biennien]
        [--floor build/tests/bench_floor] [--corpus FILE.jsonl] [--runs 3]
        [--prefix unc-] [--memory] [--check]

Prints, per command: articles/s, MB/s of input (the UTF-8 bytes of the
records' title and text), MB/s of body (the bytes of the text that extract
reads as body: its `body` spans), peak RSS, and the ratio to the floor
(tests/bench/floor.c: read the same records, validate UTF-8, NFC and case
fold with ICU, nothing else), each the best of --runs runs taken in turns,
so that the floor and the commands share the machine's state.  The CPU
ratio is the floor's user + system time over the command's (every thread
counted): steadier than wall time when other work loads the machine, and
what a -j 1 run costs.  It does so
on the whole corpus and on the records whose id starts with --prefix (the
`unc-` records of the bulk corpus, almost all body).  Also the start-up
time (an input without articles), and with --memory the peak RSS of
`extract` on the corpus repeated 4 and 16 times (ids changed).  --check
exits 1 unless the targets hold: of issue 24, single-threaded extract at
least 0.5 of the floor on the whole corpus and on the prefix's part, -j 2
at least 1.8 times -j 1, and (with --memory) peak RSS at 16 times the
corpus within 20% of 1 time; of issue 9, start-up under 50 ms.  The corpus
is ../shared/corpus/bulk/articles.jsonl, or one of about 20 MB generated
when that file is absent.
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
    wall, rss, _ = timed_cpu(cmd, stdout)
    return wall, rss


def timed_cpu(cmd, stdout=subprocess.DEVNULL):
    """(wall s, peak RSS KB or None, user + system CPU s or None) of one
    run; exits when it fails."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        full = ([TIME, "-f", "%M %U %S", "-o", tf.name] if os.access(TIME, os.X_OK) else []) + cmd
        t0 = time.perf_counter()
        p = subprocess.run(full, stdout=stdout, stderr=subprocess.PIPE)
        wall = time.perf_counter() - t0
        if p.returncode not in (0, 1):
            sys.exit("speed_bench: %s exited %d\n%s" % (" ".join(cmd), p.returncode, p.stderr.decode()[-2000:]))
        rss = cpu = None
        lines = [l for l in tf.read().split("\n") if l.strip()]
        if lines:
            f = lines[-1].split()
            rss = int(f[0])
            if len(f) >= 3:
                cpu = float(f[1]) + float(f[2])
    return wall, rss, cpu


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


def part(src, dst, prefix):
    """The records of src whose id starts with prefix, as they are; how many."""
    n = 0
    with open(src, encoding="utf-8", errors="surrogateescape") as f, \
            open(dst, "w", encoding="utf-8", errors="surrogateescape") as out:
        for line in f:
            try:
                r = json.loads(line)
            except ValueError:
                continue
            if isinstance(r, dict) and str(r.get("id", "")).startswith(prefix):
                out.write(line)
                n += 1
    return n


def body_bytes(exe, data, corpus, jobs, prefix):
    """Bytes of body text extract reads: (all, of the ids with prefix)."""
    p = subprocess.run([exe, "extract", "-q", "-j", str(jobs), "--data-dir", data, corpus], stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL)
    total = pre = 0
    for line in p.stdout.decode("utf-8", "replace").splitlines():
        try:
            a = json.loads(line).get("article")
        except ValueError:
            continue
        if not isinstance(a, dict):
            continue
        n = sum(b.get("length", 0) for b in a.get("body") or [])
        total += n
        if str(a.get("id", "")).startswith(prefix):
            pre += n
    return total, pre


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
    ap.add_argument("--prefix", default="unc-", help="the part measured on its own: ids that start with this")
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
        sub = os.path.join(scratch, "part.jsonl")
        nsub = part(corpus, sub, args.prefix)
        body_all, body_sub = body_bytes(exe, data, corpus, args.jobs, args.prefix)
        parts = [("all", corpus, body_all)] + ([(args.prefix, sub, body_sub)] if nsub else [])
        sizes = {}
        for name, path, body in parts:
            articles, nbytes = text_bytes(path)
            sizes[name] = (articles, nbytes / 1e6, body / 1e6)
            print("corpus %-5s %s: %d articles, %.1f MB of input, %.1f MB of body (%.0f%%)"
                  % (name + ":", path if name == "all" else "the records whose id starts with " + name, articles,
                     nbytes / 1e6, body / 1e6, 100 * body / nbytes if nbytes else 0))
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
        # every command of a part once per round, the floor first: the
        # ratios compare runs made under the same load
        cmds = []
        for name, path, _ in parts:
            cmds.append((name, "floor (read, UTF-8, NFC, fold)", [args.floor, path]))
            cmds.append((name, "extract -j 1", [exe, "extract", "-q", "-j", "1", "--data-dir", data, path]))
            cmds.append((name, "extract -j %d" % args.jobs,
                         [exe, "extract", "-q", "-j", str(args.jobs), "--data-dir", data, path]))
            if name == "all":
                out = os.path.join(scratch, "out")
                cmds.append((name, "build -j 1 (json)", [exe, "build", "-q", "-j", "1", "--format", "json",
                                                         "--data-dir", data, path, "-o", out]))
                cmds.append((name, "build -j %d (json)" % args.jobs,
                             [exe, "build", "-q", "-j", str(args.jobs), "--format", "json", "--data-dir", data, path,
                              "-o", out]))
        walls, rsss, cpus = {}, {}, {}
        for _ in range(args.runs):
            for name, label, cmd in cmds:
                wall, rss, cpu = timed_cpu(cmd)
                key = (name, label)
                walls[key] = min(walls.get(key, wall), wall)
                rsss[key] = max(rsss.get(key) or 0, rss or 0) or None
                if cpu:
                    cpus[key] = min(cpus.get(key, cpu), cpu)
        failures = []
        for name, _, _ in parts:
            articles, mb, body = sizes[name]
            floor_wall = walls[(name, "floor (read, UTF-8, NFC, fold)")]
            floor_cpu = cpus.get((name, "floor (read, UTF-8, NFC, fold)"))
            print()
            print("%-5s %-31s %7s %10s %9s %9s %9s %9s %6s %9s" % (
                name, "command", "wall s", "articles/s", "input MB/s", "body MB/s", "peak RSS", "vs floor", "CPU s",
                "CPU ratio"))
            for n2, label, _ in cmds:
                if n2 != name:
                    continue
                wall, rss, cpu = walls[(name, label)], rsss[(name, label)], cpus.get((name, label))
                print("%-5s %-31s %7.2f %10.0f %9.1f %9.1f %9s %9.3f %6s %9s" % (
                    name, label, wall, articles / wall, mb / wall, body / wall,
                    "%.1f MB" % (rss / 1024) if rss else "?", floor_wall / wall,
                    "%.2f" % cpu if cpu else "?", "%.3f" % (floor_cpu / cpu) if cpu and floor_cpu else "?"))
            j1 = walls[(name, "extract -j 1")]
            jn = walls[(name, "extract -j %d" % args.jobs)]
            print("%-5s speed-up of -j %d over -j 1: %.2f" % (name, args.jobs, j1 / jn))
            if floor_wall / j1 < 0.5:
                failures.append("%s: single-threaded extract %.3f of the floor < 0.5" % (name, floor_wall / j1))
            if name == "all" and args.jobs >= 2 and j1 / jn < 1.8:
                failures.append("-j %d only %.2f times -j 1" % (args.jobs, j1 / jn))
        if load >= 0.050:
            failures.append("start-up (loading the data) %.1f ms >= 50" % (load * 1000))
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
