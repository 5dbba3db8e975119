#!/usr/bin/env bash
# Command-line behaviour: exit statuses and one-line error messages.
# Every timeline.json written is then validated against the schema by
# VALIDATE... (tests/meson.build: /usr/bin/python3 tests/validate_timeline.py).
# usage: cli.sh BIENNIEN EXAMPLES_DIR SCHEMA VALIDATE...
set -u
if [ $# -lt 4 ]; then
    echo "usage: $0 BIENNIEN EXAMPLES_DIR SCHEMA VALIDATE..." >&2
    exit 2
fi
bin=$1
examples=$2
schema=$3
shift 3
validate=("$@")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
n=0

check() { # name, condition...
    local name=$1
    shift
    n=$((n + 1))
    if "$@"; then
        echo "ok $n - $name"
    else
        echo "not ok $n - $name"
        fails=$((fails + 1))
    fi
}

# every timeline.json written, kept in $tmp/written before a later run can
# overwrite it, for the schema check at the end: those written since the
# last call (run calls it before and after biennien, which catches the
# runs made without run)
mkdir -p "$tmp/written"
touch "$tmp/written/.since"
kept=0
keep_timelines() {
    local f rel
    while IFS= read -r f; do
        kept=$((kept + 1))
        rel=${f#"$tmp/"}
        cp "$f" "$tmp/written/$kept-${rel//\//_}"
    done < <(find "$tmp" -path "$tmp/written" -prune -o -name timeline.json -newer "$tmp/written/.since" -print | sort)
    touch "$tmp/written/.since"
}

run() { # runs biennien, keeps stdout, stderr and status
    keep_timelines
    "$bin" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    status=$?
    keep_timelines
}

good="$examples/corpus/01_nato_tam_ngung_hop_tac_nga.txt"
mkdir -p "$tmp/in" "$tmp/empty_dir"
cp "$good" "$tmp/in/good.txt"
printf 'Ti\xc3\xaau \xc4\x91\xe1\xbb\x81\nNg\xc3\xa0y 12/1, NATO \xff h\xe1\xbb\x8dp.\n' >"$tmp/in/bad.txt"
: >"$tmp/in/empty.txt"

# --version and --help everywhere
run --version
check "--version" test $status -eq 0 -a -n "$(grep -E '^biennien [0-9]+\.[0-9]+' "$tmp/out")"
for c in build extract merge; do
    run $c --help
    check "$c --help" test $status -eq 0 -a -n "$(grep "usage: biennien $c" "$tmp/out")"
done
run --help
check "--help" test $status -eq 0

# usage errors: 2
run build --no-such-option "$good" -o "$tmp/o"
check "unknown option: status 2" test $status -eq 2
check "unknown option: one line" test "$(wc -l <"$tmp/err")" -eq 1
check "unknown option: names it" grep -q "^biennien: unknown option '--no-such-option'" "$tmp/err"
run frobnicate
check "unknown command: status 2" test $status -eq 2
run build "$good"
check "build without -o: status 2" test $status -eq 2
run build -o "$tmp/o"
check "build without input: status 2" test $status -eq 2
run build --dct 2022-13-01 "$good" -o "$tmp/o"
check "bad --dct: status 2" test $status -eq 2

# bad inputs: 1, one line each, the rest still processed
run build "$tmp/in" "$tmp/missing.txt" "$tmp/empty_dir" -o "$tmp/o1"
check "bad inputs: status 1" test $status -eq 1
check "bad inputs: four error lines" test "$(grep -vc 'articles read' "$tmp/err")" -eq 4
check "bad inputs: the summary counts them" grep -q "^biennien: 4 articles read: 1 ok, 0 empty, 3 skipped;" "$tmp/err"
check "bad inputs: every input in the timeline" test "$(grep -c '"status": "skipped"' "$tmp/o1/timeline.json")" -eq 3
check "invalid UTF-8: file:line:col" grep -q "^biennien: $tmp/in/bad.txt:2:18: invalid UTF-8 at byte 29" "$tmp/err"
check "empty file: file:line:col" grep -q "^biennien: $tmp/in/empty.txt:1:1: empty article" "$tmp/err"
check "missing file" grep -q "^biennien: $tmp/missing.txt: cannot open: No such file or directory" "$tmp/err"
check "directory with no articles" grep -q "^biennien: $tmp/empty_dir: no articles" "$tmp/err"
check "good article still in the output" grep -q '"id": "good.txt"' "$tmp/o1/timeline.json"
check "bad article not in the output" test -z "$(grep '"id": "bad.txt"' "$tmp/o1/timeline.json")"
check "all six outputs" test -s "$tmp/o1/timeline.svg" -a -s "$tmp/o1/graph.svg" -a -s "$tmp/o1/graph.graphml" -a -s "$tmp/o1/timeline.dot" -a -s "$tmp/o1/graph.dot"

# a page that is all furniture: a warning, and exit 0
printf 'Tin liên quan\nMỹ cảnh báo Nga hôm 28/11\nĐọc thêm\n<image>src="a.jpg"</image>\nTheo dõi Báo Mẫu trên\n' >"$tmp/furniture.txt"
run build "$tmp/furniture.txt" "$good" -o "$tmp/o5"
check "all furniture: status 0" test $status -eq 0
check "all furniture: one warning line" test "$(grep -c "^biennien: $tmp/furniture.txt:1:1: warning: no article text" "$tmp/err")" -eq 1
check "all furniture: no event from it" test -z "$(grep '"article": "furniture.txt"' "$tmp/o5/timeline.json")"

# the same warning for many articles: one line with their number, each
# article in --log FILE; errors about inputs still one line each, at once
for k in 1 2 3; do cp "$tmp/furniture.txt" "$tmp/furniture$k.txt"; done
run build "$tmp/furniture1.txt" "$tmp/furniture2.txt" "$tmp/furniture3.txt" "$good" "$tmp/missing.txt" -o "$tmp/o6"
check "many warnings: status 1 (a missing input)" test $status -eq 1
check "many warnings: no line per article" test -z "$(grep 'furniture[123].txt' "$tmp/err")"
check "many warnings: one line with their number" test "$(grep -c "^biennien: 3 articles had no article text: all page furniture (details: timeline.json articles\[\].status, or --log FILE)$" "$tmp/err")" -eq 1
check "many warnings: the missing input still named" grep -q "^biennien: $tmp/missing.txt: cannot open" "$tmp/err"
check "many warnings: timeline.json has their status" test "$(grep -c '"status": "empty"' "$tmp/o6/timeline.json")" -eq 3
run build --log "$tmp/o6.log" "$tmp/furniture1.txt" "$tmp/furniture2.txt" "$tmp/furniture3.txt" "$good" "$tmp/missing.txt" -o "$tmp/o6"
check "--log: the summary names the log" grep -q "^biennien: 3 articles had no article text: all page furniture (details: timeline.json articles\[\].status, and $tmp/o6.log)$" "$tmp/err"
check "--log: a line per article, FILE:LINE:COL" test "$(grep -c "^$tmp/furniture[123].txt:1:1: warning: no article text found in \"furniture[123].txt\"" "$tmp/o6.log")" -eq 3
check "--log: errors about inputs too" grep -q "^$tmp/missing.txt: cannot open: No such file" "$tmp/o6.log"
check "--log: nothing else" test "$(wc -l <"$tmp/o6.log")" -eq 4
run build -q --log "$tmp/o6q.log" "$tmp/furniture1.txt" "$tmp/furniture2.txt" "$good" -o "$tmp/o6"
check "--log with -q: nothing on stderr, all in the log" test $status -eq 0 -a ! -s "$tmp/err" -a "$(wc -l <"$tmp/o6q.log")" -eq 2
run extract --log "$tmp/x6.log" "$tmp/furniture1.txt" "$tmp/furniture2.txt" "$good"
check "extract --log: one line on stderr, a line per article in the log" test "$(grep -c 'articles had no article text: all page furniture (details: '"$tmp"'/x6.log)$' "$tmp/err")" -eq 1 -a "$(wc -l <"$tmp/x6.log")" -eq 2
cp "$tmp/out" "$tmp/x6.jsonl"
run merge --log "$tmp/m6.log" "$tmp/x6.jsonl" "$tmp/x6.jsonl" -o "$tmp/m6"
check "merge --log: each copy read twice in the log, one line on stderr" test "$(grep -c 'was already read; this copy is skipped' "$tmp/m6.log")" -eq 3 -a "$(grep -c '^biennien: 3 articles were read twice' "$tmp/err")" -eq 1
run build --log "$tmp/nodir/x.log" "$good" -o "$tmp/o6"
check "--log that cannot be written: status 2, named" test $status -eq 2 -a -n "$(grep "^biennien: $tmp/nodir/x.log: cannot open the log" "$tmp/err")"

# the report's header and the command line's last line count the same
# things in the same order: articles (ok, empty, skipped), events, actors
# (those in events); here with one of each status and an actor without
# an event ("Mỹ" of the furniture's teaser is not read; the good article's
# actors: some without events)
run build "$tmp/furniture.txt" "$good" "$tmp/in/bad.txt" -o "$tmp/o7"
numbers() { grep -o '[0-9][0-9]*' | tr '\n' ' '; }
cli_counts=$(grep 'articles read' "$tmp/err" | sed 's/^biennien: //' | numbers)
page_counts=$(grep -o '<p class="meta">[^<]*' "$tmp/o7/timeline.html" | sed 's/ · từ .*//; s/ · biennien .*//' | numbers)
check "header and command line: the same counts ($cli_counts)" test -n "$cli_counts" -a "$cli_counts" = "$page_counts"
check "header: the same words" grep -q '<p class="meta">3 bài báo: 1 đọc được, 1 không có nội dung, 1 bỏ qua · [0-9]* sự kiện · [0-9]* chủ thể ([0-9]* tham gia sự kiện)' "$tmp/o7/timeline.html"
check "command line: the same words" grep -q '^biennien: 3 articles read: 1 ok, 1 empty, 1 skipped; [0-9]* events, [0-9]* actors ([0-9]* in events)$' "$tmp/err"

# --lenient keeps the article with invalid bytes
run build --lenient "$tmp/in/bad.txt" "$tmp/in/good.txt" -o "$tmp/o2"
check "--lenient: status 0" test $status -eq 0
check "--lenient: article kept" grep -q '"id": "bad.txt"' "$tmp/o2/timeline.json"

# JSON Lines: a broken record in the middle is reported, the others kept
{
    echo '{"id": "r1", "date": "2022-01-12", "text": "Tin\nNgày 12/1, NATO và Nga họp tại Brussels."}'
    echo '{"id": "r2", "text": '
    echo '{"id": "r3", "date": "2022-01-10", "text": "Tin\nNgày 10/1, NATO cảnh báo Nga."}'
    echo '{"id": "r4"}'
} >"$tmp/recs.jsonl"
run build "$tmp/recs.jsonl" -o "$tmp/o3"
check "jsonl: status 1" test $status -eq 1
check "jsonl: broken record named by line" grep -q "^biennien: $tmp/recs.jsonl:2:[0-9]*: not a JSON object" "$tmp/err"
check "jsonl: record without text named" grep -q "^biennien: $tmp/recs.jsonl:4:1: record has no \"text\"" "$tmp/err"
check "jsonl: other records kept" test "$(grep -c '"id": "r[13]"' "$tmp/o3/timeline.json")" -eq 2

# stdin
"$bin" build - -o "$tmp/o4" <"$good" >/dev/null 2>&1
check "stdin: status 0" test $? -eq 0

# extract | merge gives the same timeline.json as build
"$bin" build -q "$examples/corpus" -o "$tmp/b" 2>/dev/null
"$bin" extract "$examples/corpus" >"$tmp/x.jsonl" 2>/dev/null
check "extract: one line per article" test "$(wc -l <"$tmp/x.jsonl")" -eq 10
"$bin" merge -q "$tmp/x.jsonl" -o "$tmp/m" 2>/dev/null
check "extract | merge == build" cmp -s "$tmp/b/timeline.json" "$tmp/m/timeline.json"
"$bin" extract "$examples/corpus" 2>/dev/null | "$bin" merge -q - -o "$tmp/m2" 2>/dev/null
check "extract | merge - == build" cmp -s "$tmp/b/timeline.json" "$tmp/m2/timeline.json"
# no publication date: the writing's bounds from the article's clues, read back by merge
printf 'Tin\nNgày 15/4/2021, Ngoại trưởng Mỹ Antony Blinken cho biết Mỹ đã trừng phạt Nga.\n' >"$tmp/inf.txt"
"$bin" extract "$tmp/inf.txt" >"$tmp/inf.jsonl" 2>/dev/null
check "no DCT: inferred range (a past day .. Blinken's last day)" \
    grep -q '"dct":{"value":null,"source":"inferred","range":\["2021-04-15","2025-01-20"\]}' "$tmp/inf.jsonl"
"$bin" build -q "$tmp/inf.txt" -o "$tmp/inf-b" 2>/dev/null
"$bin" merge -q "$tmp/inf.jsonl" -o "$tmp/inf-m" 2>/dev/null
check "no DCT: extract | merge == build" cmp -s "$tmp/inf-b/timeline.json" "$tmp/inf-m/timeline.json"
# the file's modification day ends the writing (Rubio: Secretary of State
# from 2025-01-21); --saved gives another day, or none
printf 'Tin\nNgoại trưởng Mỹ Marco Rubio ngày 30/1 đã điện đàm với người đồng cấp Ấn Độ.\n' >"$tmp/saved.txt"
touch -d 2025-06-01T12:00:00Z "$tmp/saved.txt"
check "no DCT: the file's day ends the writing" \
    sh -c "'$bin' extract '$tmp/saved.txt' 2>/dev/null | grep -q '\"range\":\[\"2025-01-21\",\"2025-06-02\"\].*\"value\":\"2025-01-30\"'"
check "--saved none: the year stays open" \
    sh -c "'$bin' extract --saved none '$tmp/saved.txt' 2>/dev/null | grep -q '\"value\":\"XXXX-01-30\"'"
check "--saved DATE instead of the file's day" \
    sh -c "'$bin' extract --saved 2026-01-01 '$tmp/saved.txt' 2>/dev/null | grep -q '\"range\":\[\"2025-01-21\",\"2026-01-02\"\]'"
run extract --saved 2025-13-01 "$tmp/saved.txt"
check "bad --saved: status 2" test $status -eq 2
# merge reads shards in any order: the same result
sed -n '1,3p' "$tmp/x.jsonl" >"$tmp/s1.jsonl"
sed -n '4,7p' "$tmp/x.jsonl" >"$tmp/s2.jsonl"
sed -n '8,$p' "$tmp/x.jsonl" >"$tmp/s3.jsonl"
"$bin" merge -q "$tmp/s3.jsonl" "$tmp/s1.jsonl" "$tmp/s2.jsonl" -o "$tmp/m3" 2>/dev/null
check "merge of shards, shuffled == build" cmp -s "$tmp/b/timeline.json" "$tmp/m3/timeline.json"
# the records themselves reversed within and across shards
awk '{ l[NR] = $0 } END { for (i = NR; i > 0; i--) print l[i] }' "$tmp/x.jsonl" >"$tmp/rev.jsonl"
"$bin" merge -q "$tmp/rev.jsonl" -o "$tmp/m4" 2>/dev/null
check "merge of reversed records == build" cmp -s "$tmp/b/timeline.json" "$tmp/m4/timeline.json"
check "merge: same graph.graphml" cmp -s "$tmp/b/graph.graphml" "$tmp/m4/graph.graphml"

# --format, filters
run merge --format json,bipartite "$tmp/x.jsonl" -o "$tmp/f1"
check "--format: status 0" test $status -eq 0
check "--format: only what was asked" test -s "$tmp/f1/timeline.json" -a -s "$tmp/f1/actors-events.graphml" -a ! -e "$tmp/f1/timeline.svg" -a ! -e "$tmp/f1/graph.graphml"
run merge --format csv,vis,timelinejs,gexf "$tmp/x.jsonl" -o "$tmp/f7"
check "dashboard formats: status 0" test $status -eq 0
check "csv: GDELT-like header after a BOM" test "$(head -1 "$tmp/f7/events.csv" | cut -c4-63)" = "date,actor1,actor2,type,cameo,goldstein,articles,source,date"
check "csv: a row per event (the event id, then the url)" test "$(grep -c ',ev-[0-9a-f]*,\(https://[^,]*\)\?.$' "$tmp/f7/events.csv")" -eq 47
check "timelinejs: events with start_date and text" grep -q '"start_date"' "$tmp/f7/timelinejs.json"
check "vis: items and groups" grep -q '"groups"' "$tmp/f7/vis.json"
check "gexf: dynamic, with spells" grep -q '<spell start="2014-' "$tmp/f7/graph.gexf"
check "gexf: 1.2draft, as networkx and Gephi read it" grep -q '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">' "$tmp/f7/graph.gexf"
check "gexf: interactions by run of days, a dynamic attribute" grep -q '<attvalue for="interactions" value="[0-9]*" start="2014-' "$tmp/f7/graph.gexf"
check "gexf: only what was asked" test ! -e "$tmp/f7/timeline.json"
run merge --format json,pdf "$tmp/x.jsonl" -o "$tmp/f2"
check "--format unknown: status 2" test $status -eq 2
run merge --actor "No Such Actor" "$tmp/x.jsonl" -o "$tmp/f3"
check "--actor unknown: status 2" test $status -eq 2
check "--actor unknown: named" grep -q "No Such Actor" "$tmp/err"
run merge --since 2014 --until 2014-12 --actor nga --format json "$tmp/x.jsonl" -o "$tmp/f4"
check "filters: status 0" test $status -eq 0
# event dates: the "value" lines inside "date" objects (not articles' "dct")
awk '/"date": \{/ { d = 1 } /"dct": \{/ { d = 0 } d && /"value":/ { print }' "$tmp/f4/timeline.json" >"$tmp/f4.dates"
check "filters: some events left" test -s "$tmp/f4.dates"
check "filters: only 2014 events" test -z "$(grep -v '"value": "2014' "$tmp/f4.dates")"
run merge --since 2014-13 "$tmp/x.jsonl" -o "$tmp/f5"
check "--since bad: status 2" test $status -eq 2
run merge --min-confidence 2 "$tmp/x.jsonl" -o "$tmp/f6"
check "--min-confidence bad: status 2" test $status -eq 2

# links back to the source: an article's http(s) url is a link in the
# report's table and TimelineJS, in the SVG tooltip, vis.json's and
# events.csv's "url"; a javascript: or relative url is text in the
# report, and nowhere else
cat >"$tmp/urls.jsonl" <<'EOF'
{"id": "a-http", "url": "https://example.org/tin/nato-nga.html?x=1&y=2", "date": "2022-01-10", "text": "Tin\n\nNgày 12/1, NATO và Nga họp tại Brussels.\n"}
{"id": "a-http2", "url": "http://example.net/b", "date": "2022-01-11", "text": "Tin\n\nNgày 12/1, NATO và Nga họp tại Brussels.\n"}
{"id": "a-js", "url": "javascript:alert(1)", "date": "2022-01-10", "text": "Tin\n\nNgày 13/1, Nga cảnh báo NATO.\n"}
{"id": "a-rel", "url": "/tin/mot-bai.html", "date": "2022-01-10", "text": "Tin\n\nNgày 14/1, Mỹ chỉ trích Nga.\n"}
EOF
run build --format json,svg,html,csv,vis,timelinejs "$tmp/urls.jsonl" -o "$tmp/urls"
check "urls: status 0" test $status -eq 0
u='https://example.org/tin/nato-nga.html?x=1&amp;y=2'
a1="<a href=\"$u\" rel=\"noopener noreferrer\" target=\"_blank\">a-http</a>"
a2='<a href="http://example.net/b" rel="noopener noreferrer" target="_blank">a-http2</a>'
check "urls: report, each http(s) article of an event a link" \
    grep -qF "<td class=\"article\">$a1 <small>(+1 bài: $a2)</small></td>" "$tmp/urls/timeline.html"
check "urls: report, javascript: as text" grep -qF '<td class="article">a-js <small class="url">javascript:alert(1)</small></td>' "$tmp/urls/timeline.html"
check "urls: report, a relative url as text" grep -qF '<td class="article">a-rel <small class="url">/tin/mot-bai.html</small></td>' "$tmp/urls/timeline.html"
check "urls: report, no other link out" test "$(grep -o '<a href="http' "$tmp/urls/timeline.html" | wc -l)" -eq 2
check "urls: SVG tooltip, the first source's" grep -qF "— a&#45;http (và các bài khác)&#10;https://example.org/tin/nato&#45;nga.html?x=1&amp;y=2\"" "$tmp/urls/timeline.svg"
check "urls: events.csv, the url last" grep -qF ',https://example.org/tin/nato-nga.html?x=1&y=2' "$tmp/urls/events.csv"
check "urls: events.csv, the others without" test "$(grep -c ',ev-[0-9a-f]*,.$' "$tmp/urls/events.csv")" -eq 2
check "urls: vis.json" grep -qF '"url": "https://example.org/tin/nato-nga.html?x=1&y=2"' "$tmp/urls/vis.json"
check "urls: timelinejs.json, a link to each article" \
    grep -qF "<small>$(echo "$a1, $a2" | sed 's/"/\\"/g') · meeting · nhiều nguồn</small>" "$tmp/urls/timelinejs.json"
check "urls: javascript: and the relative url nowhere but the report" \
    test -z "$(grep -l 'javascript:\|mot-bai' "$tmp/urls/timeline.svg" "$tmp/urls/events.csv" "$tmp/urls/vis.json" "$tmp/urls/timelinejs.json")"

# hostile input (tests/injection/: HTML and script in titles, texts,
# article ids and --kb actor names; javascript:, data: and quote-breaking
# urls) in every format: every XML output well-formed, no link but http(s),
# no markup made of the data (tests/outputs_check.py); the same checks on
# the examples
all_formats=json,dot,svg,graphml,html,bipartite,csv,vis,timelinejs,gexf
injection="$(dirname "$0")/injection"
run build --kb "$injection/kb.json" --format $all_formats "$injection/articles.jsonl" -o "$tmp/inj"
check "injection: status 0" test $status -eq 0
check "injection: an event from each of the five articles" test "$(grep -c '"id": "ev-' "$tmp/inj/timeline.json")" -eq 5
check "injection: one link out, its quotes escaped" \
    test "$(grep -c "<a href=\"https://example.org/a?x=1&amp;y=&#39;onmouseover=&#39;document" "$tmp/inj/timeline.html")" -eq 1
python3 "$(dirname "$0")/outputs_check.py" --payload pwned "$tmp/inj" >"$tmp/inj.tap"
check "injection: every output escaped, well-formed, no link but http(s)" test $? -eq 0
grep '^not ok' "$tmp/inj.tap"
"$bin" build -q --format $all_formats "$examples/corpus" -o "$tmp/allf" 2>/dev/null
python3 "$(dirname "$0")/outputs_check.py" "$tmp/allf" >"$tmp/allf.tap"
check "examples: every output well-formed, no link but http(s)" test $? -eq 0
grep '^not ok' "$tmp/allf.tap"

# a write error (file size limit): non-zero, the old outputs untouched,
# no temporary file left
cp -r "$tmp/b" "$tmp/wfull"
(trap '' XFSZ; ulimit -f 40; "$bin" build -q "$examples/corpus" -o "$tmp/wfull" >/dev/null 2>"$tmp/werr")
wstatus=$?
check "write error: status non-zero" test $wstatus -ne 0
check "write error: named" grep -q "cannot write" "$tmp/werr"
check "write error: old outputs untouched" diff -r -q "$tmp/b" "$tmp/wfull"
check "write error: no temporary file left" test -z "$(ls -A "$tmp/wfull" | grep '^\.')"

# other encodings and binary files: refused by name, one line each, the
# rest still read
mkdir -p "$tmp/enc"
cp "$good" "$tmp/enc/good.txt"
for e in UTF-16 VISCII TCVN WINDOWS-1258; do
    iconv -f UTF-8 -t $e "$good" >"$tmp/enc/$e.txt"
done
printf 'abc\000def\n' >"$tmp/enc/nul.txt"
run extract "$tmp/enc"
check "encodings: status 1" test $status -eq 1
check "UTF-16 named" grep -q "UTF-16.txt:1:1: not UTF-8: looks like UTF-16LE" "$tmp/err"
check "VISCII named" grep -q "VISCII.txt:1:1: not UTF-8: looks like VISCII" "$tmp/err"
check "TCVN3 named" grep -q "TCVN.txt:1:1: not UTF-8: looks like TCVN3.*iconv -f TCVN" "$tmp/err"
check "Windows-1258 named" grep -q "WINDOWS-1258.txt:1:1: not UTF-8: looks like Windows-1258" "$tmp/err"
check "NUL bytes named" grep -q "nul.txt:1:4: a NUL byte at byte 3" "$tmp/err"
check "encodings: the good article still extracted" grep -q '"id":"good.txt"' "$tmp/out"
check "encodings: a skipped record for each of the five" test "$(grep -c '"skipped":' "$tmp/out")" -eq 5
run extract --lenient "$tmp/enc/VISCII.txt"
check "--lenient does not read VISCII as garbage" grep -q "VISCII.txt:1:1: not UTF-8: looks like VISCII" "$tmp/err"

# a record over --max-article-bytes: skipped unread, the others kept; and
# a text file over it
{
    printf '{"id": "small", "text": "Ngày 12/1, NATO và Nga họp tại Brussels."}\n'
    printf '{"id": "huge", "text": "'
    head -c 300000 /dev/zero | tr '\0' 'a'
    printf '"}\n'
    printf '{"id": "after", "text": "Ngày 13/1, Nga cảnh báo NATO."}\n'
} >"$tmp/big.jsonl"
head -c 300000 /dev/zero | tr '\0' 'b' >"$tmp/big.txt"
run extract --max-article-bytes 100000 "$tmp/big.jsonl" "$tmp/big.txt"
check "too long: status 1" test $status -eq 1
check "too long record: named with the limit" grep -q "big.jsonl:2:1: a record of 300027 bytes, over the limit of 100000" "$tmp/err"
check "too long text file: named with the limit" grep -q "big.txt: 300000 bytes, over the limit of 100000" "$tmp/err"
check "too long: the records around it kept" test "$(grep -c '"id":"small"\|"id":"after"' "$tmp/out")" -eq 2
run extract --max-article-bytes 12 "$good"
check "--max-article-bytes too small: status 2" test $status -eq 2

# a record with a "date" that is no date: a warning, the article kept
printf '{"id": "d1", "date": "2022-13-45", "text": "Ngày 12/1, NATO và Nga họp tại Brussels."}\n' >"$tmp/baddate.jsonl"
run extract "$tmp/baddate.jsonl"
check "bad date: status 0" test $status -eq 0
check "bad date: a warning naming it" grep -q "baddate.jsonl:1:1: warning: the record's \"date\" \"2022-13-45\" is not a date" "$tmp/err"
check "bad date: the article kept, undated" grep -q '"id":"d1".*"dct":{"value":null' "$tmp/out"

# a knowledge-base file with an unknown field: named
printf '{"actors": [{"id": "x", "name": "X", "kind": "country", "colour": "red"}]}\n' >"$tmp/kbunk.json"
run extract --kb "$tmp/kbunk.json" "$good"
check "--kb unknown field: status 1" test $status -eq 1
check "--kb unknown field: named with file and line" grep -q "kbunk.json:1:57: actor \"x\": unknown field \"colour\"" "$tmp/err"
printf '{"x": 1, "actors": []}\n' >"$tmp/kbtop.json"
run extract --kb "$tmp/kbtop.json" "$good"
check "--kb unknown top-level field: named (found by fuzzing: read after free)" grep -q "kbtop.json:1:2: unknown field \"x\"" "$tmp/err"

# found by fuzzing: a message quoting bad bytes still makes a valid
# skipped record and timeline entry; a file name that is not UTF-8 still
# makes an article; a timeline without actors or without articles
printf '{"text": "\xc4\x91\xe1\xbb\x81\\q"}\n' >"$tmp/badescape.jsonl"
run extract "$tmp/badescape.jsonl"
check "bad escape: one skipped record, valid JSON" test "$(grep -c '^{.*"skipped":{.*}}$' "$tmp/out")" -eq 1
cp "$tmp/out" "$tmp/badescape.x.jsonl"
run merge "$tmp/badescape.x.jsonl" "$tmp/x.jsonl" -o "$tmp/be"
check "bad escape: merged, the input accounted for" grep -q '"status": "skipped"' "$tmp/be/timeline.json"
mkdir -p "$tmp/names"
cp "$good" "$(printf '%s/names/t\377n.txt' "$tmp")"
run build "$tmp/names" -o "$tmp/nm"
check "a file name that is not UTF-8: the article kept" test "$(grep -c '"status": "ok"' "$tmp/nm/timeline.json")" -eq 1
: >"$tmp/empty.x.jsonl"
run merge "$tmp/empty.x.jsonl" -o "$tmp/em"
check "merge of an empty file: status 2, nothing written" test $status -eq 2 -a ! -e "$tmp/em"
printf 'Tin\n\nHôm nay trời mưa to ở Hà Nội.\n' >"$tmp/noactor.txt"
run build "$tmp/noactor.txt" -o "$tmp/na"
check "an article without actors: status 0" test $status -eq 0

# links: a loop back to a directory, a dangling link, a loop of links
mkdir -p "$tmp/links/a/b"
cp "$good" "$tmp/links/a/good.txt"
ln -s .. "$tmp/links/a/b/up"
ln -s nowhere.txt "$tmp/links/a/dangling.txt"
ln -s loop2.txt "$tmp/links/a/loop1.txt"
ln -s loop1.txt "$tmp/links/a/loop2.txt"
run extract "$tmp/links"
check "links: status 1" test $status -eq 1
check "links: the directory loop named, not followed" grep -q "a/b/up: a link back to a directory being read" "$tmp/err"
check "links: the dangling link named" grep -q "dangling.txt: cannot open: No such file" "$tmp/err"
check "links: the loop of links named" grep -q "loop1.txt: cannot open: Too many levels of symbolic links" "$tmp/err"
check "links: the article read once" test "$(grep -c '"id":"good.txt"' "$tmp/out")" -eq 1

# an output directory that cannot be made or written: 2, before any work
printf 'x' >"$tmp/afile"
run build "$good" -o "$tmp/afile/out"
check "output under a file: status 2" test $status -eq 2
check "output under a file: named" grep -q "^biennien: $tmp/afile/out: cannot create the output directory" "$tmp/err"
check "output under a file: no work done (no summary)" test -z "$(grep 'articles read' "$tmp/err")"
mkdir -p "$tmp/ro"
chmod 555 "$tmp/ro"
if [ ! -w "$tmp/ro" ]; then # root writes anywhere: then this cannot be tested
    run build "$good" -o "$tmp/ro"
    check "read-only output directory: status 2" test $status -eq 2
    check "read-only output directory: named" grep -q "cannot write in the output directory" "$tmp/err"
fi
chmod 755 "$tmp/ro"

# SIGINT and SIGTERM: stop, 128 + the signal, no output written, no
# temporary file left
python3 - "$examples/corpus" "$tmp/many.jsonl" <<'PY'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
texts = [open(os.path.join(src, n), encoding="utf-8").read() for n in sorted(os.listdir(src))]
with open(out, "w", encoding="utf-8") as f:
    for k in range(600):
        for i, t in enumerate(texts):
            f.write(json.dumps({"id": "a%d-%d" % (k, i), "date": "2016-07-10", "text": t}, ensure_ascii=False) + "\n")
PY
for sig in INT TERM; do
    "$bin" build -q -j 1 "$tmp/many.jsonl" -o "$tmp/sig$sig" 2>"$tmp/sigerr" &
    pid=$!
    # signal it once it reads its input (its handlers are set before),
    # not after a fixed delay: on a loaded machine it may not have started
    for _ in $(seq 200); do
        ls -l /proc/$pid/fd 2>/dev/null | grep -q many.jsonl && break
        sleep 0.05
    done
    sleep 0.1
    kill -$sig $pid
    wait $pid
    st=$?
    want=$((128 + $(kill -l $sig)))
    check "SIG$sig: status $want" test $st -eq $want
    check "SIG$sig: said" grep -q "interrupted (SIG$sig): stopped, no output written" "$tmp/sigerr"
    check "SIG$sig: no output, no temporary file" test -z "$(ls -A "$tmp/sig$sig")"
done

# --lang: the language's folder; the default is vi
"$bin" build -q --lang vi "$examples/corpus" -o "$tmp/lang-vi" 2>/dev/null
"$bin" build -q "$examples/corpus" -o "$tmp/lang-default" 2>/dev/null
check "--lang vi: the same outputs as the default" diff -r -q "$tmp/lang-vi" "$tmp/lang-default"
run build --lang xx "$examples/corpus" -o "$tmp/lang-xx"
check "--lang xx: status 1" test $status -eq 1
check "--lang xx: names the missing file" grep -q "lang/xx/language.json: cannot open data file" "$tmp/err"
# with more than one job the language's data is loaded on a thread of its
# own while the knowledge base is: the same outputs, the same first error
# (the knowledge base's, when both are broken)
"$bin" extract -j 1 "$examples/corpus" >"$tmp/j1.jsonl" 2>/dev/null
"$bin" extract -j 2 "$examples/corpus" >"$tmp/j2.jsonl" 2>/dev/null
check "-j 2: the records of -j 1" cmp -s "$tmp/j1.jsonl" "$tmp/j2.jsonl"
printf '{"actors": [}' >"$tmp/broken-kb.json"
for j in 1 2; do
    run extract -j $j --lang xx "$examples/corpus"
    cp "$tmp/err" "$tmp/lang-xx-j$j.err"
    run extract -j $j --lang xx --kb "$tmp/broken-kb.json" "$examples/corpus"
    cp "$tmp/err" "$tmp/kb-lang-j$j.err"
done
check "--lang xx: the same message with -j 1 and -j 2" cmp -s "$tmp/lang-xx-j1.err" "$tmp/lang-xx-j2.err"
check "--lang xx, a broken --kb: the knowledge base's error, -j 1 and -j 2" \
    grep -q "broken-kb.json:1:13" "$tmp/kb-lang-j2.err"
check "--lang xx, a broken --kb: the same message with -j 1 and -j 2" cmp -s "$tmp/kb-lang-j1.err" "$tmp/kb-lang-j2.err"
run build --lang ../vi "$examples/corpus" -o "$tmp/lang-bad"
check "--lang ../vi: status 2" test $status -eq 2

# progress: none when stderr is not a terminal, a line with --progress
run extract "$examples/corpus"
check "no progress line off a terminal" test -z "$(grep 'articles ·' "$tmp/err")"
run extract --progress "$examples/corpus"
check "--progress: the final count" grep -q 'biennien: 10 articles · .* MB/s' "$tmp/err"
run extract -j 0 "$examples/corpus"
check "-j 0: status 2" test $status -eq 2

# deterministic outputs
"$bin" build -q "$examples/corpus" -o "$tmp/b2" 2>/dev/null
check "two runs give the same files" diff -r -q "$tmp/b" "$tmp/b2"
echo 'not json' >"$tmp/bad.jsonl"
run merge "$tmp/bad.jsonl" -o "$tmp/m3"
check "merge: only a bad record, status 2 (no article read)" test $status -eq 2
check "merge: names the line" grep -q "^biennien: $tmp/bad.jsonl:1:[0-9]*: not JSON" "$tmp/err"
head -1 "$tmp/x.jsonl" >>"$tmp/bad.jsonl"
run merge "$tmp/bad.jsonl" -o "$tmp/m3"
check "merge: a bad record and a good one, status 1" test $status -eq 1 -a -s "$tmp/m3/timeline.json"

# --kb: a user's file extends the knowledge base; its errors name file and line
cat >"$tmp/kb.json" <<'KB'
{"actors": [
  {"id": "ruritania", "name": "Ruritania", "name_vi": "Ruritania", "kind": "country"}
 ],
 "events": [
  {"id": "ok-summit", "org": "nato", "places": ["Zenda"], "from": "2031-05-02", "to": "2031-05-03"},
  {"id": "bad-summit", "org": "nato", "places": ["Zenda"], "from": "2031-05-09"},
  {"id": "no-date", "org": "nato", "places": ["Zenda"]}
 ]}
KB
run extract --kb "$tmp/kb.json" "$good"
check "--kb: bad event, status 1" test $status -eq 1
check "--kb: names file and line of the event" grep -q "^biennien: $tmp/kb.json:7:3: event \"no-date\"" "$tmp/err"
printf '{"actors": [{"id": "ruritania", "name": "Ruritania", "kind": "country"}]}\n' >"$tmp/kb2.json"
printf 'Tin\n\nNgày 3/5, Ruritania họp với NATO tại Brussels.\n' >"$tmp/in2.txt"
run extract --kb "$tmp/kb2.json" "$tmp/in2.txt"
check "--kb: a new actor is found" grep -q '"id":"ruritania"' "$tmp/out"
# a sitting of a series named by what it is, with no place: a day and month
# within a week of it, in one year alone, takes that year (--saved none:
# the sittings are invented, in 2031, and a file saved today would say the
# page is older than they are)
printf '{"actors": [{"id": "ruritania", "name": "Ruritania", "kind": "country"}], "events": [{"id": "zenda-feast-2031", "org": "ruritania", "kind": "address", "names": ["Lễ hội Zenda"], "from": "2031-05-02"}, {"id": "zenda-feast-2033", "org": "ruritania", "kind": "address", "names": ["Lễ hội Zenda"], "from": "2033-09-12"}]}\n' >"$tmp/kb3.json"
printf 'Tin\n\nNgày 3/5, Ruritania họp với NATO bên lề Lễ hội Zenda.\n' >"$tmp/in3.txt"
run extract --saved none --kb "$tmp/kb3.json" "$tmp/in3.txt"
check "--kb: a named sitting gives the year" grep -q '"value":"2031-05-03"' "$tmp/out"
printf '{"events": [{"id": "nowhere", "org": "nato", "from": "2031-05-02"}]}\n' >"$tmp/kb4.json"
run extract --kb "$tmp/kb4.json" "$tmp/in3.txt"
check "--kb: an event with neither places nor names, status 1" test $status -eq 1
check "--kb: says what it lacks" grep -q 'event "nowhere": no "places" nor "names"' "$tmp/err"

# never overwrite with nothing: when not one article can be read, nothing
# is written, the old outputs stay byte for byte, status 2, one line why
run build -q --format json,csv,html,svg "$examples/corpus" -o "$tmp/keep"
echo "the user's own notes" >"$tmp/keep/notes.txt"
keep_sums() { (cd "$tmp/keep" && ls -A && sha256sum -- *); }
keep_sums >"$tmp/keep.before"
for case in missing empty_dir unreadable merge_missing merge_empty merge_skipped; do
    case $case in
    missing) run build "$tmp/missing.jsonl" -o "$tmp/keep" ;;
    empty_dir) run build "$tmp/empty_dir" -o "$tmp/keep" ;;
    unreadable) run build "$tmp/in/bad.txt" "$tmp/in/empty.txt" "$tmp/missing.txt" -o "$tmp/keep" ;;
    merge_missing) run merge "$tmp/missing.x.jsonl" -o "$tmp/keep" ;;
    merge_empty) run merge "$tmp/empty.x.jsonl" -o "$tmp/keep" ;;
    merge_skipped) run merge "$tmp/badescape.x.jsonl" -o "$tmp/keep" ;;
    esac
    check "nothing read ($case): status 2" test $status -eq 2
    check "nothing read ($case): one line saying why" test "$(grep -c "^biennien: no article could be read from the [0-9]* inputs\? given; nothing written, $tmp/keep left as it was$" "$tmp/err")" -eq 1
    check "nothing read ($case): no summary, no paths" test -z "$(grep 'articles read' "$tmp/err")" -a ! -s "$tmp/out"
    keep_sums >"$tmp/keep.after"
    check "nothing read ($case): the old outputs byte-identical" cmp -s "$tmp/keep.before" "$tmp/keep.after"
done
run build "$tmp/missing.jsonl" -o "$tmp/never/made"
check "nothing read into a new directory: status 2, no directory made" test $status -eq 2 -a ! -e "$tmp/never"
check "nothing read into a new directory: said" grep -q "nothing written, $tmp/never/made not made$" "$tmp/err"
# some inputs missing, others read: the run goes on as before
run build "$tmp/missing.jsonl" "$good" -o "$tmp/keep" --format json,csv,html,svg
check "some inputs missing: status 1, outputs written" test $status -eq 1 -a "$(grep -c '"status": "ok"' "$tmp/keep/timeline.json")" -eq 1
# outputs of formats not asked for this time are removed, in one line;
# nothing else in the directory is touched
run build --format json "$good" -o "$tmp/keep"
check "stale outputs: status 0" test $status -eq 0
check "stale outputs: removed" test ! -e "$tmp/keep/events.csv" -a ! -e "$tmp/keep/timeline.html" -a ! -e "$tmp/keep/timeline.svg" -a ! -e "$tmp/keep/graph.svg"
check "stale outputs: the new one written, the user's file kept" test -s "$tmp/keep/timeline.json" -a -s "$tmp/keep/notes.txt"
check "stale outputs: one line naming them" test "$(grep -c "^biennien: $tmp/keep: removed timeline.svg, graph.svg, events.csv, timeline.html, left by an earlier run (formats not asked for this time)$" "$tmp/err")" -eq 1
run build -q --format json "$good" -o "$tmp/keep"
check "stale outputs: none the second time, nothing said" test $status -eq 0 -a ! -s "$tmp/err"

# every timeline.json these tests wrote follows docs/timeline.schema.json
keep_timelines
all_timelines=("$tmp"/written/*timeline.json)
check "timeline.json files to validate" test -s "${all_timelines[0]}"
check "every timeline.json valid against the schema (${#all_timelines[@]} files)" "${validate[@]}" "$schema" "${all_timelines[@]}"

echo "1..$n"
[ $fails -eq 0 ]
