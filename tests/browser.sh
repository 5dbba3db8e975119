#!/bin/sh
# The report page in a real browser: headless Chromium loads
# timeline.html built from examples/, both pictures render, a filter given
# in the address (#actor=…&type=…) narrows the table to exactly the rows
# it should, and a screenshot is kept for a person to look at. Hostile
# input (tests/injection/) runs no script in the report or the SVGs.
# Skipped (exit 77) with a message only when no Chromium is found and none
# can be installed.
# usage: browser.sh BIENNIEN EXAMPLES SCREENSHOT.png
bin=$1
examples=$2
shot=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/tap.sh"

browser=$(find_browser)
if [ -z "$browser" ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1
    browser=$(find_browser)
fi
if [ -z "$browser" ]; then
    echo "SKIP: no Chromium (chromium, chromium-browser or google-chrome) found, and none could be installed"
    exit 77
fi

chrome() { # URL, more flags...
    url=$1
    shift
    timeout 120 "$browser" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
        --user-data-dir="$tmp/profile" "$@" "$url" 2>/dev/null
}

"$bin" build -q "$examples/corpus" -o "$tmp/o" >/dev/null 2>&1
check "build: timeline.html written" test -s "$tmp/o/timeline.html"
page="file://$tmp/o/timeline.html"

chrome "$page#actor=nga&type=meeting" --dump-dom >"$tmp/dom.html"
body=$(grep -o '<body[^>]*>' "$tmp/dom.html")
attr() { echo "$body" | sed -n "s/.*data-$1=\"\\([^\"]*\\)\".*/\\1/p"; }
check "script ran to the end" test "$(attr ready)" = 1
check "both pictures rendered (non-empty boxes)" test "$(attr svgs)" = 2
total=$(grep -c '^<tr id="ev-' "$tmp/dom.html")
check "every event has a row" test "$(attr total)" = "$total" -a "$total" -gt 0
grep '^<tr id="ev-' "$tmp/dom.html" | grep -v 'hidden=""' >"$tmp/shown"
shown=$(wc -l <"$tmp/shown")
check "the filter keeps some rows and hides others" test "$shown" -gt 0 -a "$shown" -lt "$total"
check "the count shown is the rows kept" test "$(attr rows)" = "$shown"
check "every row kept is a meeting" test -z "$(grep -v 'data-type="meeting"' "$tmp/shown")"
check "every row kept names Russia" test -z "$(grep -v 'data-actors="[^"]*Nga' "$tmp/shown")"
# every meeting naming Russia is kept
expected=$(grep '^<tr id="ev-' "$tmp/dom.html" | grep 'data-type="meeting"' | grep -c 'data-actors="[^"]*Nga')
check "no matching row hidden" test "$shown" = "$expected"

# the pictures as a reader sees them at 1400 px (hooks of report.js)
chrome "$page" --dump-dom --window-size=1400,1000 >"$tmp/dom3.html"
body=$(grep -o '<body[^>]*>' "$tmp/dom3.html")
check "network labels at least 10 px on screen ($(attr net-font) px)" \
    awk -v f="$(attr net-font)" 'BEGIN { exit !(f + 0 >= 10) }'
check "the timeline opens with no box cut at its edges" test "$(attr cut)" = 0
check "the timeline's legend stands beside it" test "$(attr legend)" = beside
check "the timeline opens scrolled to its end" \
    test "$(grep -o 'class="figure"[^>]*data-scroll="[0-9]*"' "$tmp/dom3.html" | grep -o '[0-9]*"$' | tr -d '"')" -gt 0

"$bin" build -q --vertical "$examples/corpus" -o "$tmp/v" >/dev/null 2>&1
chrome "file://$tmp/v/timeline.html" --dump-dom --window-size=1400,1000 >"$tmp/dom4.html"
body=$(grep -o '<body[^>]*>' "$tmp/dom4.html")
check "--vertical: opens at the latest rows, no box cut" test "$(attr cut)" = 0 -a \
    "$(grep -o 'class="figure"[^>]*data-scroll="[0-9]*"' "$tmp/dom4.html" | grep -o '[0-9]*"$' | tr -d '"')" -gt 0

chrome "$page#actor=no-such-actor" --dump-dom >"$tmp/dom2.html"
body=$(grep -o '<body[^>]*>' "$tmp/dom2.html")
check "a filter matching nothing shows no row" test "$(attr rows)" = 0

# hostile input (tests/injection/: script and HTML in titles, texts, ids,
# --kb actor names, javascript: urls): no script of the data runs in the
# report or in the SVGs opened alone; the page as the browser leaves it
# has no link but http(s) and #fragments (tests/outputs_check.py --dom).
# A payload sets data-pwned on the root element when it runs: a control
# page that runs one shows the probe sees it.
inj="$(dirname "$0")/injection"
root_tag() { # file, root element name: its start tag in the dumped DOM
    grep -o -m1 "<$2[ >][^>]*>\\|<$2>" "$1" | head -1
}
printf '<!DOCTYPE html><html><body><script>document.documentElement.setAttribute("data-pwned", "control")</script></body></html>\n' >"$tmp/control.html"
chrome "file://$tmp/control.html" --dump-dom >"$tmp/control.dom"
check "injection: the probe sees a script that ran (control)" grep -q 'data-pwned="control"' "$tmp/control.dom"
"$bin" build -q --kb "$inj/kb.json" --format json,svg,html "$inj/articles.jsonl" -o "$tmp/inj" >/dev/null 2>&1
check "injection: report built" test -s "$tmp/inj/timeline.html"
for f in timeline.html timeline.svg graph.svg; do
    chrome "file://$tmp/inj/$f" --dump-dom >"$tmp/inj-$f.dom"
    case $f in *.html) r=html ;; *) r=svg ;; esac
    t=$(root_tag "$tmp/inj-$f.dom" $r)
    check "injection: $f loaded" test -n "$t"
    check "injection: $f: no script of the data ran" test -n "$t" -a -z "$(echo "$t" | grep pwned)"
done
body=$(grep -o '<body[^>]*>' "$tmp/inj-timeline.html.dom")
check "injection: the report's own script ran to the end" test "$(attr ready)" = 1
check "injection: a row per event (5)" test "$(grep -c '^<tr id="ev-' "$tmp/inj-timeline.html.dom")" = 5
python3 "$(dirname "$0")/outputs_check.py" --dom "$tmp/inj-timeline.html.dom" "$tmp/inj" >"$tmp/inj.tap"
check "injection: the page in the browser: one script, no link but http(s)" test $? -eq 0
grep '^not ok' "$tmp/inj.tap"

chrome "$page" --screenshot="$shot" --window-size=1400,2400 >/dev/null
check "screenshot taken" test -s "$shot"

echo "1..$n"
[ $fails -eq 0 ]
