#!/bin/sh
# Scaling out: `extract` is a pure function of each article, so shards of a
# JSON Lines corpus can be extracted anywhere, in parallel, and `merge`d.
# Here with GNU parallel: the examples as one JSON Lines file, split into
# shards, extracted by four jobs, merged in another order; the
# timeline must equal one `build`.  Also -j: any number of threads gives
# the same bytes.  GNU parallel is installed when missing; the parallel
# part is skipped (exit 77) only when it cannot be.
# usage: parallel.sh BIENNIEN EXAMPLES
bin=$1
examples=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
fails=0
check() {
    n=$((n + 1))
    d=$1
    shift
    if "$@"; then echo "ok $n - $d"; else echo "not ok $n - $d"; fails=$((fails + 1)); fi
}

# the examples as JSON Lines, with their publication dates
python3 - "$examples" "$tmp/corpus.jsonl" <<'PY'
import json, os, sys
ex, out = sys.argv[1], sys.argv[2]
dates = dict(l.rstrip("\n").split("\t") for l in open(os.path.join(ex, "dct.tsv"), encoding="utf-8") if "\t" in l)
with open(out, "w", encoding="utf-8") as f:
    for name in sorted(os.listdir(os.path.join(ex, "corpus"))):
        text = open(os.path.join(ex, "corpus", name), encoding="utf-8").read()
        rec = {"id": name, "text": text}
        if name in dates:
            rec["date"] = dates[name]
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
PY
check "corpus: one record per example" test "$(wc -l <"$tmp/corpus.jsonl")" -eq "$(ls "$examples/corpus" | wc -l)"

# -j: the same bytes for any number of threads
for j in 1 2 3 8; do
    "$bin" extract -q -j $j "$tmp/corpus.jsonl" "$examples/corpus" >"$tmp/x$j.jsonl" 2>"$tmp/e$j"
done
check "extract -j 2 == -j 1" cmp -s "$tmp/x1.jsonl" "$tmp/x2.jsonl"
check "extract -j 3 == -j 1" cmp -s "$tmp/x1.jsonl" "$tmp/x3.jsonl"
check "extract -j 8 == -j 1" cmp -s "$tmp/x1.jsonl" "$tmp/x8.jsonl"
check "extract -j 8: the same messages, in order" cmp -s "$tmp/e1" "$tmp/e8"
"$bin" build -q -j 1 --format json "$tmp/corpus.jsonl" -o "$tmp/b1" 2>/dev/null
"$bin" build -q -j 4 --format json "$tmp/corpus.jsonl" -o "$tmp/b4" 2>/dev/null
check "build -j 4 == -j 1" cmp -s "$tmp/b1/timeline.json" "$tmp/b4/timeline.json"

# GNU parallel: shards extracted by separate processes, merged
if ! command -v parallel >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends parallel >/dev/null 2>&1
fi
if ! command -v parallel >/dev/null 2>&1; then
    echo "1..$n"
    echo "SKIP: GNU parallel is not installed and cannot be: the sharded run was not tested"
    [ $fails -eq 0 ] && exit 77
    exit 1
fi
mkdir "$tmp/shards"
# shards of three whole records each
split -l 3 -d --additional-suffix=.jsonl "$tmp/corpus.jsonl" "$tmp/shards/part-"
nshards=$(ls "$tmp/shards" | wc -l)
check "three shards or more" test "$nshards" -ge 3
parallel --will-cite -j 4 "\"$bin\" extract -q -j 1 {} > {.}.x.jsonl 2>/dev/null; true" ::: "$tmp"/shards/part-*.jsonl
check "every shard extracted" test "$(ls "$tmp"/shards/*.x.jsonl | wc -l)" -eq "$nshards"
# merge in another order than the shards'
"$bin" merge -q --format json $(ls "$tmp"/shards/*.x.jsonl | sort -r) -o "$tmp/m" 2>/dev/null
# the same, but for each article's "path" and "line": the shard it was
# read from, and its line there
grep -v '"path":\|"line":' "$tmp/b1/timeline.json" >"$tmp/single"
grep -v '"path":\|"line":' "$tmp/m/timeline.json" >"$tmp/sharded"
check "sharded with GNU parallel, merged == one build (but the input paths and lines)" cmp -s "$tmp/single" "$tmp/sharded"
check "the articles' paths are the shards'" grep -q '"path": ".*/shards/part-0[0-3].jsonl"' "$tmp/m/timeline.json"

echo "1..$n"
[ $fails -eq 0 ]
