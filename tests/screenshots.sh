#!/bin/sh
# Screenshots of the report page at 1400 px, for a person to look at (not
# run by meson test): each NAME=INPUT is built into OUTDIR/NAME and shot
# at the top (the timeline, opened at its end, with its legend) and at
# the network, with the hooks of report.js printed (smallest network
# label in px, timeline boxes cut by the box's edges, legend beside).
# usage: screenshots.sh BIENNIEN OUTDIR NAME=INPUT...
# e.g.   tests/screenshots.sh build/tools/biennien build/tests/screenshots \
#            examples=examples/corpus world=../shared/corpus/world/world.jsonl
bin=$1
outdir=$2
shift 2
. "$(dirname "$0")/tap.sh"
browser=$(find_browser) || {
    echo "no Chromium" >&2
    exit 77
}
mkdir -p "$outdir"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chrome() {
    timeout 120 "$browser" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
        --user-data-dir="$profile" --hide-scrollbars=false "$@" 2>/dev/null
}
for arg in "$@"; do
    name=${arg%%=*}
    input=${arg#*=}
    "$bin" build -q "$input" -o "$outdir/$name" >/dev/null 2>&1
    page="file://$(cd "$outdir/$name" && pwd)/timeline.html"
    chrome --window-size=1400,1100 --screenshot="$outdir/$name-timeline.png" "$page" >/dev/null
    # the network at the top of the window: a copy of the page without the timeline
    sed 's|</head>|<style>#timeline { display: none }</style></head>|' "$outdir/$name/timeline.html" \
        >"$outdir/$name/network-only.html"
    chrome --window-size=1400,1500 --screenshot="$outdir/$name-network.png" \
        "file://$(cd "$outdir/$name" && pwd)/network-only.html" >/dev/null
    chrome --window-size=1400,3200 --screenshot="$outdir/$name-page.png" "$page" >/dev/null
    hooks=$(chrome --window-size=1400,1100 --dump-dom "$page" | grep -o '<body[^>]*>' |
        grep -o 'data-\(net-font\|cut\|legend\|total\)="[^"]*"' | tr '\n' ' ')
    echo "$name: $hooks"
done
