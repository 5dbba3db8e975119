#!/usr/bin/python3
"""scripts/biennien-dask on a LocalCluster of 2 worker processes: on
examples/ and on a generated corpus of about 20 MB (our own example
articles, their paragraphs shuffled, with new ids and dates, and a few
records without an id, not JSON, with invalid UTF-8, and blank lines), its
timeline.json compared with one `biennien build` of the same input
(identical but for the articles' "path"; checked whole too).  Then once
more with one worker process killed while partitions run: Dask runs them
again, the timeline is the same.  Also: --help names every option, and a
bad scheduler address is one line and exit 2.

Needs Debian's python3-distributed (scripts/dev.sh test installs it): when
it is missing the test fails, it does not skip.

usage: dask_runner.py BIENNIEN SOURCE_ROOT WORKDIR
"""

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time

try:
    from distributed import Client, LocalCluster
except ImportError:
    print("FAIL: Dask's distributed scheduler is not installed for /usr/bin/python3: "
          "apt-get install python3-distributed (scripts/dev.sh test does)")
    sys.exit(1)

# set by main(): the module is imported again in the worker processes
binary = root = work = runner = examples = None

n = 0
fails = 0


def check(what, ok, detail=""):
    global n, fails
    n += 1
    print(f"{'ok' if ok else 'not ok'} {n} - {what}", flush=True)
    if not ok:
        fails += 1
        if detail:
            print("# " + detail.replace("\n", "\n# ")[:4000])


def without_paths(doc):
    for a in doc.get("articles", []):
        a.pop("path", None)
    return doc


def build(inputs, out):
    r = subprocess.run([binary, "build", "-j", "2", "--format", "json", *inputs, "-o", out],
                       capture_output=True, text=True)
    return r.returncode, r.stderr


def dask(args, inputs, out, **kw):
    return subprocess.run([runner, "--biennien", binary, "--format", "json", *args, *inputs, "-o", out],
                          capture_output=True, text=True, **kw)


def compare(what, a, b):
    with open(a, encoding="utf-8") as f:
        da = json.load(f)
    with open(b, encoding="utf-8") as f:
        db = json.load(f)
    check(f"{what}: timeline.json as build's, but for the paths", without_paths(da) == without_paths(db))
    check(f"{what}: and the paths too (the inputs', not the shards')", open(a, "rb").read() == open(b, "rb").read())


SAVED_TEXT = "Tin\n\nNgoại trưởng Mỹ Marco Rubio ngày 30/1 đã điện đàm với người đồng cấp Ấn Độ.\n"
SAVED_ON = 1748779200  # 2025-06-01T12:00:00Z


def corpus(path, size):
    """About `size` bytes of JSON Lines from the example articles."""
    ex = os.path.join(examples, "corpus")
    dates = dict(line.rstrip("\n").split("\t") for line in open(os.path.join(examples, "dct.tsv"), encoding="utf-8")
                 if "\t" in line)
    articles = []
    for name in sorted(os.listdir(ex)):
        p = os.path.join(ex, name)
        if name.endswith(".txt"):
            articles.append((open(p, encoding="utf-8").read(), dates.get(name, "2020-01-01")))
        else:
            for line in open(p, encoding="utf-8"):
                r = json.loads(line)
                articles.append((r["text"], r.get("date", "2020-01-01")))
    rnd = random.Random(25)
    written = 0
    i = 0
    with open(path, "wb") as f:
        while written < size:
            text, date = articles[i % len(articles)]
            paras = [p for p in text.split("\n\n") if p.strip()]
            head, body = paras[0], paras[1:]
            rnd.shuffle(body)
            year = int(date[:4]) + (i // len(articles)) % 5
            rec = {"id": f"gen-{i:06d}", "date": f"{year}{date[4:]}", "title": head,
                   "text": "\n\n".join([head] + body)}
            if i % 97 == 5:
                del rec["id"]  # named FILE:LINE, as build names it
            line = json.dumps(rec, ensure_ascii=False).encode("utf-8") + b"\n"
            if i % 211 == 7:
                line = b"{not json}\n" + line
            if i % 307 == 11:
                line = line.replace("NATO".encode(), b"NA\xffTO", 1)  # invalid UTF-8: skipped, named
            if i % 50 == 3:
                line += b"\n  \n"
            if i % 101 == 9:
                # no date: the file's modification day ends the writing
                # (Rubio, Secretary of State from 2025-01-21, saved on
                # 2025-06-01: 2025-01-30), which every partition must keep
                line += json.dumps({"id": f"saved-{i:06d}", "text": SAVED_TEXT}, ensure_ascii=False).encode() + b"\n"
            f.write(line)
            written += len(line)
            i += 1
    os.utime(path, (SAVED_ON, SAVED_ON))
    return i


def main():
    global binary, root, work, runner, examples, shards2
    binary, root, work = sys.argv[1], sys.argv[2], sys.argv[3]
    runner = os.path.join(root, "scripts", "biennien-dask")
    examples = os.path.join(root, "examples")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    # --help explains every option; a bad scheduler is one line, exit 2
    h = subprocess.run([runner, "--help"], capture_output=True, text=True)
    opts = ["--scheduler", "--local", "--blocksize", "--shards", "--biennien", "--retries", "--timeout", "-j",
            "--dct", "--kb", "--lenient", "--max-article-bytes", "--data-dir", "--lang", "--format", "--lanes",
            "--vertical", "--bin", "--layout", "--max-actors", "--actor", "--since", "--until", "--min-confidence",
            "-o", "-q", "--progress", "--log", "--help", "--version"]
    check("--help: exit 0, every option", h.returncode == 0 and all(o in h.stdout for o in opts),
          h.stdout + h.stderr)
    r = dask(["--scheduler", "tcp://127.0.0.1:9", "--timeout", "2"], [examples], os.path.join(work, "bad"))
    check("a bad scheduler address: one line, exit 2",
          r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and r.stdout == "",
          f"status {r.returncode}: {r.stderr}")
    r = dask(["--no-such-option"], [examples], os.path.join(work, "bad"))
    check("an unknown option: one line, exit 2", r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1,
          r.stderr)
    r = dask(["--since", "yesterday"], [examples], os.path.join(work, "bad"))
    check("a bad value of a build option: one line, exit 2", r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1,
          r.stderr)

    # examples/: the .txt pages given to extract as they are, wire.jsonl cut
    st, _ = build([os.path.join(examples, "corpus")], os.path.join(work, "ex-build"))
    r = dask(["--local", "2", "--blocksize", "4KiB"], [os.path.join(examples, "corpus")], os.path.join(work, "ex-dask"))
    check("examples: biennien-dask --local 2, exit as build's", r.returncode == st == 0, r.stderr)
    compare("examples", os.path.join(work, "ex-dask", "timeline.json"), os.path.join(work, "ex-build", "timeline.json"))

    # the generated corpus, on a cluster of the test's own: its address given
    # with --scheduler, so that one of its worker processes can be killed
    gen = os.path.join(work, "gen.jsonl")
    records = corpus(gen, 20 * 10 ** 6)
    print(f"# generated {os.path.getsize(gen) / 1e6:.1f} MB, {records} records", flush=True)
    t0 = time.monotonic()
    bst, berr = build([gen], os.path.join(work, "gen-build"))
    print(f"# build -j 2: {time.monotonic() - t0:.1f} s, status {bst}", flush=True)
    check("build of the generated corpus: status 1 (some records skipped)", bst == 1, berr)
    with open(os.path.join(work, "gen-build", "timeline.json"), encoding="utf-8") as f:
        dates = {e["date"]["value"] for e in json.load(f)["events"]
                 if any(s["article"].startswith("saved-") for s in e["sources"])}
    check("records without a date: the file's day ends their writing", dates == {"2025-01-30"}, str(dates))

    t0 = time.monotonic()
    r = dask(["--local", "2", "--shards", os.path.join(work, "shards")], [gen], os.path.join(work, "gen-dask"))
    print(f"# biennien-dask --local 2: {time.monotonic() - t0:.1f} s, status {r.returncode}", flush=True)
    check("generated corpus: biennien-dask exits as build, 1", r.returncode == bst, r.stderr)
    compare("generated corpus", os.path.join(work, "gen-dask", "timeline.json"),
            os.path.join(work, "gen-build", "timeline.json"))
    nparts = len([f for f in os.listdir(os.path.join(work, "shards")) if f.endswith(".x.jsonl")])
    check("generated corpus: several partitions (8 or more)", nparts >= 8, str(nparts))
    skipped_build = sorted(l for l in berr.splitlines() if "record skipped" in l)
    skipped_dask = sorted(l for l in r.stderr.splitlines() if "record skipped" in l)
    check("every skipped record named on stderr, at its file and line, as build names it",
          skipped_build == skipped_dask and len(skipped_build) > 0,
          "\n".join(sorted(set(skipped_build) ^ set(skipped_dask))[:10]))
    last = berr.strip().splitlines()[-1:]
    check("the last line: build's count of articles", r.stderr.strip().splitlines()[-1:] == last
          and "articles read" in last[0], r.stderr[-500:])

    # a worker process killed (SIGKILL) while partitions run
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=50)
    client = Client(cluster)
    killed = {}


    def killer():
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not killed:
            busy = {w: keys for w, keys in client.processing().items()
                    if any("run_partition" in str(k) or "map" in str(k) for k in keys)}
            done = sum(1 for f in os.listdir(shards2) if f.endswith(".x.jsonl")) if os.path.isdir(shards2) else 0
            if busy and done >= 2:
                pids = client.run(os.getpid)
                worker = sorted(busy)[0]
                time.sleep(0.3)  # well inside the partition
                os.kill(pids[worker], signal.SIGKILL)
                killed[worker] = (pids[worker], done)
                return
            time.sleep(0.05)


    shards2 = os.path.join(work, "shards-kill")
    t = threading.Thread(target=killer)
    t.start()
    r = dask(["--scheduler", cluster.scheduler_address, "--blocksize", "512KiB", "--shards", shards2], [gen],
             os.path.join(work, "gen-kill"))
    t.join()
    print(f"# killed: {killed}", flush=True)
    check("a worker process was killed while it ran a partition", bool(killed))
    check("killed worker: biennien-dask exits as build", r.returncode == bst, r.stderr[-2000:])
    compare("killed worker", os.path.join(work, "gen-kill", "timeline.json"), os.path.join(work, "gen-build", "timeline.json"))
    client.close()
    cluster.close()

    print(f"1..{n}")
    if fails == 0:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
