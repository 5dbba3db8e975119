#!/bin/sh
# Set-up, build, and run on a fresh Debian 12 machine.
#   scripts/dev.sh demo   install what is missing, build, run on examples/corpus
#   scripts/dev.sh test   install what is missing, build, run the test suite,
#                         then again built with AddressSanitizer + UBSan,
#                         then the fuzz harnesses for a bounded time
set -eu
cd "$(dirname "$0")/.."

packages="gcc pkg-config meson ninja-build python3 valgrind libigraph-dev libjansson-dev libicu-dev libgraphviz-dev libcmocka-dev"
# the report page's test runs it in a real browser; the scale-out test
# shards with GNU parallel; the graph files are read by networkx; the XML
# outputs of hostile input are checked by xmllint too; every timeline.json
# is validated against its schema by python3-jsonschema; scripts/biennien-dask
# runs on Dask's distributed scheduler (tests/dask_runner.py)
test_packages="chromium fonts-dejavu-core parallel python3-networkx libxml2-utils python3-jsonschema python3-distributed"

install_missing() {
    missing=""
    for p in $packages; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    echo "installing:$missing"
    if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

# the JavaScript clients that tests/clients.sh opens vis.json and
# timelinejs.json in, from npm, at the versions tests/clients/package-lock.json
# pins, into .cache/clients (not committed); again only when the lock changed
clients() {
    dir=.cache/clients
    if [ -d "$dir/node_modules" ] && cmp -s tests/clients/package-lock.json "$dir/package-lock.json"; then
        return 0
    fi
    if ! command -v npm >/dev/null 2>&1; then
        echo "no npm: the vis-timeline and TimelineJS tests will be skipped"
        return 0
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    cp tests/clients/package.json tests/clients/package-lock.json "$dir/"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) ||
        echo "npm ci failed: the vis-timeline and TimelineJS tests will be skipped"
}

build() { # dir, extra meson options...
    dir=$1
    shift
    if [ ! -f "$dir/build.ninja" ]; then
        meson setup "$dir" "$@" >/dev/null
    fi
    meson compile -C "$dir" >/dev/null
}

case "${1:-}" in
demo)
    install_missing
    build build
    build/tools/biennien build examples/corpus -o out
    ;;
test)
    packages="$packages $test_packages"
    # npm for the client tests: Debian's package, unless an npm is there
    command -v npm >/dev/null 2>&1 || packages="$packages npm"
    install_missing
    clients
    build build
    meson test -C build --print-errorlogs
    build build-asan -Db_sanitize=address,undefined -Dbuildtype=debug
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 meson test -C build-asan --print-errorlogs
    # every entry point that takes outside bytes, fuzzed for a bounded time
    # (FUZZ_SECONDS each, 30 by default): a crash, leak or hang fails
    scripts/fuzz.sh "${FUZZ_SECONDS:-30}"
    ;;
*)
    echo "usage: scripts/dev.sh demo|test" >&2
    exit 2
    ;;
esac
