#!/bin/sh
# vis.json and timelinejs.json in their real clients: headless Chromium
# opens a local page that loads the vis-timeline standalone build, or
# TimelineJS, from disk (npm packages installed by `scripts/dev.sh test`
# into .cache/clients; tests/clients/package-lock.json pins them) and our
# file, offline. It counts what the library drew: vis-timeline, one item
# in the DOM per item of vis.json; TimelineJS, one slide and one marker per
# event of timelinejs.json; both, one per event of timeline.json with a
# known year. Any error (a script error, console.error, a refused data set,
# a resource that does not load) or request off the disk fails the test,
# and so does a script of the data that runs (the suite runs it again on
# the hostile input of tests/injection/, whose scripts set data-pwned on
# the root element).
# Skipped (exit 77) with a message when Chromium or the packages are
# missing.
# usage: clients.sh BIENNIEN INPUT CLIENTS_DIR [SCREENSHOT_DIR [BUILD OPTION...]]
#   CLIENTS_DIR: where node_modules is (BIENNIEN_CLIENTS overrides it)
#   INPUT: what to build (examples/corpus in the suite; any corpus by
#   hand), or an output directory holding vis.json, timelinejs.json and
#   timeline.json, to check as they are
bin=$1
input=$2
clients=${BIENNIEN_CLIENTS:-$3} # the environment overrides the argument
shots=${4:-}
if [ $# -gt 4 ]; then shift 4; else set --; fi # the rest: options of the build
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/tap.sh"

browser=$(find_browser)
if [ -z "$browser" ]; then
    echo "SKIP: no Chromium (chromium, chromium-browser or google-chrome) found"
    exit 77
fi
nm="$clients/node_modules"
vis_js="$nm/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js"
vis_css="$nm/vis-timeline/styles/vis-timeline-graph2d.min.css"
tljs_js="$nm/@knight-lab/timelinejs/dist/js/timeline.js"
tljs_css="$nm/@knight-lab/timelinejs/dist/css/timeline.css"
for f in "$vis_js" "$vis_css" "$tljs_js" "$tljs_css"; do
    if [ ! -s "$f" ]; then
        echo "SKIP: $f missing: scripts/dev.sh test installs it (npm ci in $clients from tests/clients/)"
        exit 77
    fi
done
abs() { (cd "$(dirname "$1")" && printf '%s/%s' "$(pwd)" "$(basename "$1")"); }

# The page records in <body data-…> what was drawn and every error, so
# --dump-dom shows it. No network: every host name resolves to nothing.
chrome() { # page, more flags...
    page=$1
    shift
    timeout 180 "$browser" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
        --disable-background-networking --disable-component-update --no-first-run \
        --host-resolver-rules="MAP * ~NOTFOUND" --user-data-dir="$tmp/profile" \
        --virtual-time-budget=30000 --window-size=1400,900 "$@" "file://$page" 2>/dev/null
}
cat >"$tmp/probe.js" <<'JS'
var errors = [];
window.addEventListener("error", function (e) {
  errors.push("error: " + (e.message || (e.target && (e.target.src || e.target.href)) || "?"));
}, true);
window.addEventListener("unhandledrejection", function (e) { errors.push("rejection: " + e.reason); });
(function () {
  var ce = console.error;
  console.error = function () { errors.push("console.error: " + Array.prototype.join.call(arguments, " ")); ce.apply(console, arguments); };
})();
function report(drawn, expected, extra) {
  var remote = performance.getEntriesByType("resource").filter(function (r) { return r.name.indexOf("file:") !== 0; });
  var b = document.body;
  b.setAttribute("data-drawn", drawn);
  b.setAttribute("data-expected", expected);
  b.setAttribute("data-errors", errors.length);
  b.setAttribute("data-remote", remote.length);
  for (var k in extra) b.setAttribute("data-" + k, extra[k]);
  var pre = document.createElement("pre");
  pre.id = "log";
  pre.textContent = errors.concat(remote.map(function (r) { return "remote: " + r.name; })).join("\n");
  b.appendChild(pre);
  b.setAttribute("data-ready", "1");
}
JS

if [ -f "$input/vis.json" ]; then # an output directory: its files, as they are
    out=$input
else
    out=$tmp/o
    "$bin" build -q "$@" --format json,vis,timelinejs "$input" -o "$out" >/dev/null 2>"$tmp/build.err"
fi
check "build: vis.json, timelinejs.json and timeline.json written" \
    test -s "$out/vis.json" -a -s "$out/timelinejs.json" -a -s "$out/timeline.json"
# events with a known year: what both clients must show
dated=$(python3 -c '
import json, sys
t = json.load(open(sys.argv[1], encoding="utf-8"))
print(sum(1 for e in t["events"] if (e["date"].get("value") or "X")[:4].isdigit()))' "$out/timeline.json")
{ printf 'var DATA = '; cat "$out/vis.json"; printf ';\n'; } >"$tmp/vis-data.js"
{ printf 'var DATA = '; cat "$out/timelinejs.json"; printf ';\n'; } >"$tmp/tljs-data.js"

# vis-timeline: new vis.Timeline(container, data.items, data.groups), as
# docs/formats.md says; data-id on each item drawn, to count them
cat >"$tmp/vis.html" <<HTML
<!doctype html><html><head><meta charset="utf-8"><title>vis.json</title>
<link rel="stylesheet" href="file://$(abs "$vis_css")">
<script src="probe.js"></script>
<script src="file://$(abs "$vis_js")"></script>
<script src="vis-data.js"></script></head>
<body><div id="tl"></div>
<script>
var done = false;
function finish() {
  if (done) return;
  done = true;
  var ids = {};
  document.querySelectorAll("#tl .vis-item[data-id]").forEach(function (el) { ids[el.getAttribute("data-id")] = 1; });
  var known = {};
  DATA.items.forEach(function (it) { known[it.id] = 1; });
  var drawn = Object.keys(ids);
  report(drawn.length, DATA.items.length, {
    unknown: drawn.filter(function (id) { return !known[id]; }).length,
    groups: document.querySelectorAll("#tl .vis-label").length,
    "groups-expected": DATA.groups.length
  });
}
try {
  var timeline = new vis.Timeline(document.getElementById("tl"), DATA.items, DATA.groups, { dataAttributes: ["id"] });
  timeline.once("changed", function () { setTimeout(finish, 500); });
} catch (e) {
  errors.push("new vis.Timeline: " + e.message);
}
setTimeout(finish, 10000);
</script></body></html>
HTML
chrome "$tmp/vis.html" --dump-dom >"$tmp/vis-dom.html"
body=$(grep -o '<body[^>]*>' "$tmp/vis-dom.html")
attr() { echo "$body" | sed -n "s/.*data-$1=\"\\([^\"]*\\)\".*/\\1/p"; }
pwned() { # the root element of a dumped page: set by no script of the data
    test -z "$(grep -o -m1 '<html[ >][^>]*>' "$1" | grep pwned)"
}
log() { # the page's errors and requests off the disk, as comments
    sed -n '/<pre id="log">/,/<\/pre>/p' "$1" | sed 's/<[^>]*>//g; /^$/d; s/^/# /' | head -5
}
echo "# vis-timeline: $(attr drawn) items drawn of $(attr expected) in vis.json; $dated events with a known year; $(attr errors) errors; groups $(attr groups)/$(attr groups-expected)"
check "vis-timeline: the page ran to the end" test "$(attr ready)" = 1
check "vis-timeline: vis.json has an item per event with a known year" test "$(attr expected)" = "$dated"
check "vis-timeline: one item drawn per item of vis.json" test "$(attr drawn)" = "$(attr expected)" -a "$(attr unknown)" = 0
check "vis-timeline: one lane per group" test "$(attr groups)" = "$(attr groups-expected)"
check "vis-timeline: no error" test "$(attr errors)" = 0
log "$tmp/vis-dom.html"
check "vis-timeline: nothing fetched off the disk" test "$(attr remote)" = 0
check "vis-timeline: no script of the data ran" pwned "$tmp/vis-dom.html"

# TimelineJS: new TL.Timeline(element, data); one slide per event (and the
# title slide), one marker per event on the time navigation
cat >"$tmp/tljs.html" <<HTML
<!doctype html><html><head><meta charset="utf-8"><title>timelinejs.json</title>
<link rel="stylesheet" href="file://$(abs "$tljs_css")">
<script src="probe.js"></script>
<script src="file://$(abs "$tljs_js")"></script>
<script src="tljs-data.js"></script></head>
<body><div id="tl" style="width: 1400px; height: 800px"></div>
<script>
var done = false;
function finish() {
  if (done) return;
  done = true;
  var slides = document.querySelectorAll("#tl .tl-slide:not(.tl-slide-titleslide)");
  var ids = {};
  slides.forEach(function (el) { ids[el.id] = 1; });
  var missing = DATA.events.filter(function (e) { return !ids[e.unique_id]; }).length;
  var links = document.querySelectorAll("#tl .tl-slide a[href]");
  var out = Array.prototype.filter.call(links, function (a) { return /^https?:\/\//i.test(a.getAttribute("href")); });
  report(slides.length, DATA.events.length, {
    links: out.length,
    "links-expected": linksExpected,
    "links-other": links.length - out.length,
    markers: document.querySelectorAll("#tl .tl-timemarker").length,
    title: document.querySelectorAll("#tl .tl-slide-titleslide").length,
    missing: missing
  });
}
/* counted before TimelineJS sees the data (it sanitizes it in place) */
var linksExpected = DATA.events.reduce(function (n, e) { return n + (e.text.text.match(/<a href="https?:/g) || []).length; }, 0);
try {
  // offline: the library's own folder for anything it loads (not the CDN);
  // no web font (the default one is Google's)
  var timeline = new TL.Timeline("tl", DATA, { script_path: "file://$(abs "$tljs_js" | sed 's,/[^/]*$,/,')",
                                               font: null, language: "en" });
  timeline.on("loaded", function () { setTimeout(finish, 1000); });
} catch (e) {
  errors.push("new TL.Timeline: " + e.message);
}
setTimeout(finish, 15000);
</script></body></html>
HTML
chrome "$tmp/tljs.html" --dump-dom >"$tmp/tljs-dom.html"
body=$(grep -o '<body[^>]*>' "$tmp/tljs-dom.html")
echo "# TimelineJS: $(attr drawn) slides of $(attr expected) events in timelinejs.json, $(attr markers) markers; $dated events with a known year; $(attr errors) errors; $(attr links) links out ($(attr links-expected) expected)"
check "TimelineJS: the page ran to the end" test "$(attr ready)" = 1
check "TimelineJS: timelinejs.json has an event per event with a known year" test "$(attr expected)" = "$dated"
check "TimelineJS: one slide per event, each with its unique_id, and the title slide" \
    test "$(attr drawn)" = "$(attr expected)" -a "$(attr missing)" = 0 -a "$(attr title)" = 1
check "TimelineJS: one marker per event" test "$(attr markers)" = "$(attr expected)"
check "TimelineJS: a link to each http(s) article, and no other link in the slides" \
    test "$(attr links)" = "$(attr links-expected)" -a "$(attr links-other)" = 0
check "TimelineJS: no error" test "$(attr errors)" = 0
log "$tmp/tljs-dom.html"
check "TimelineJS: nothing fetched off the disk" test "$(attr remote)" = 0
check "TimelineJS: no script of the data ran" pwned "$tmp/tljs-dom.html"

if [ -n "$shots" ]; then
    mkdir -p "$shots"
    chrome "$tmp/vis.html" --screenshot="$shots/vis-screenshot.png" >/dev/null
    chrome "$tmp/tljs.html" --screenshot="$shots/timelinejs-screenshot.png" >/dev/null
    check "screenshots taken" test -s "$shots/vis-screenshot.png" -a -s "$shots/timelinejs-screenshot.png"
fi

echo "1..$n"
[ $fails -eq 0 ]
