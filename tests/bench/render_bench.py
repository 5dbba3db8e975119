#!/usr/bin/env python3
"""Cost of drawing: timeline.svg, graph.svg and timeline.html for about 500
events and 300 actors (synthetic extract records, as merge_bench.py makes
them), with the default outputs of `biennien merge`, and each picture
format alone.  Prints wall time and peak RSS; --check exits 1 unless the
default run takes under 10 s.

    python3 tests/bench/render_bench.py [--biennien build/tools/biennien] [--events 500] [--actors 300] [--check]
"""
import argparse
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import merge_bench  # noqa: E402  (the generator and the timed run)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap.add_argument("--biennien", default=os.path.join(root, "build", "tools", "biennien"))
    ap.add_argument("--events", type=int, default=500, help="events wanted after merging (default 500)")
    ap.add_argument("--actors", type=int, default=300, help="actors with events wanted (default 300)")
    ap.add_argument("--seed", type=int, default=20240617)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    scratch = tempfile.mkdtemp(prefix="render_bench.")
    try:
        exe = os.path.join(scratch, "biennien")
        merge_bench.snapshot_binary(args.biennien, exe)
        # re-reports merge: draw more input events until enough remain
        n_in, pool, out, actors = args.events, args.actors, 0, 0
        for _ in range(8):
            shards = [os.path.join(scratch, "shard-%d.jsonl" % k) for k in range(2)]
            merge_bench.generate(n_in, pool, args.seed, shards)
            probe = os.path.join(scratch, "probe")
            merge_bench.run_merge([exe, "merge", "-q", "--format", "json"] + shards + ["-o", probe], probe, scratch)
            with open(os.path.join(probe, "timeline.json"), encoding="utf-8") as f:
                doc = json.load(f)
            out, actors = len(doc["events"]), sum(1 for a in doc["actors"] if a["events"])
            if out >= args.events and actors >= args.actors:
                break
            # popularity is Zipf-like: a larger pool to draw from for more actors in use
            if out < args.events:
                n_in = int(n_in * args.events / max(out, 1)) + 10
            if actors < args.actors:
                pool = int(pool * args.actors / max(actors, 1)) + 10
        print("input: %d events generated, %d after merging, %d actors with events, %d relations"
              % (n_in, out, actors, len(doc["relations"])))
        print("%-32s %8s %12s" % ("outputs", "wall s", "peak RSS MB"))
        default_wall = None
        for fmt in [None, "json,svg", "json,html", "json,graphml"]:
            outdir = os.path.join(scratch, "out")
            cmd = [exe, "merge", "-q"] + (["--format", fmt] if fmt else []) + shards + ["-o", outdir]
            wall, _cpu, rss, _err = merge_bench.run_merge(cmd, outdir, scratch)
            name = fmt or "default (json,dot,svg,graphml,html)"
            print("%-32s %8.2f %12s" % (name, wall, "%.1f" % (rss / 1024) if rss else "?"))
            if fmt is None:
                default_wall = wall
                for f in ("timeline.svg", "graph.svg", "timeline.html"):
                    print("    %-16s %8.1f KB" % (f, os.path.getsize(os.path.join(outdir, f)) / 1024))
        if args.check and default_wall >= 10:
            print("check: default outputs took %.2f s, not under 10 s" % default_wall)
            return 1
        if args.check:
            print("check: ok")
        return 0
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
