#!/bin/sh
# Builds the libFuzzer harnesses of tests/fuzz (clang, AddressSanitizer,
# UndefinedBehaviorSanitizer, LeakSanitizer) in build-fuzz and runs each on a
# copy of its seed corpus (tests/fuzz/corpus/<harness>).
#
#   scripts/fuzz.sh [SECONDS]     seconds per harness: SECONDS, else
#                                 $FUZZ_SECONDS, else 30
#
# FUZZ_HARNESSES="fuzz_dates fuzz_kb" runs only those.  Corpus copies, logs
# and crash files go to a temporary directory (kept, and named, when a
# harness fails).  Prints each harness's last libFuzzer line (executions,
# coverage, exec/s); exits 1 when a harness crashed, leaked, timed out or
# ran out of memory, with the crash file and the first lines of the report.
# Needs the project's build dependencies (scripts/dev.sh installs them);
# installs clang and libclang-rt-14-dev when missing.
set -eu
cd "$(dirname "$0")/.."

seconds=${1:-${FUZZ_SECONDS:-30}}
case "$seconds" in
'' | *[!0-9]*)
    echo "usage: scripts/fuzz.sh [SECONDS]" >&2
    exit 2
    ;;
esac
harnesses=${FUZZ_HARNESSES:-"fuzz_reader fuzz_dates fuzz_actors fuzz_extract fuzz_jsonl fuzz_kb fuzz_merge"}
builddir="build-fuzz"

install_missing() {
    missing=""
    for p in clang libclang-rt-14-dev; do
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

# the longest input libFuzzer makes for a harness
max_len() {
    case "$1" in
    fuzz_kb) echo 32768 ;;
    fuzz_merge) echo 32768 ;;
    *) echo 65536 ;;
    esac
}

install_missing
if [ ! -f "$builddir/build.ninja" ]; then
    # -O1: libFuzzer's usual level (debug's -O0 runs several times slower);
    # fuzzer-no-link: the library's coverage; no-recover: UBSan findings stop
    # the run like the others
    CC=clang meson setup "$builddir" -Dfuzz=true -Dtests=false -Dbuildtype=debug -Doptimization=1 \
        -Db_sanitize=address,undefined -Db_lundef=false \
        -Dc_args="-fsanitize=fuzzer-no-link -fno-sanitize-recover=undefined" >/dev/null
fi
meson compile -C "$builddir" >/dev/null

work=$(mktemp -d "${TMPDIR:-/tmp}/biennien-fuzz.XXXXXX")
failed=""
export BIENNIEN_DATADIR="$PWD/data"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"

for h in $harnesses; do
    exe="$builddir/tests/fuzz/$h"
    if [ ! -x "$exe" ]; then
        echo "$h: no $exe" >&2
        failed="$failed $h"
        continue
    fi
    mkdir -p "$work/$h/corpus" "$work/$h/artifacts"
    if [ -d "tests/fuzz/corpus/$h" ]; then
        cp -R "tests/fuzz/corpus/$h/." "$work/$h/corpus/"
    fi
    log="$work/$h/log"
    rc=0
    "$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$(max_len "$h")" \
        -print_final_stats=1 -artifact_prefix="$work/$h/artifacts/" "$work/$h/corpus" >"$log" 2>&1 || rc=$?
    done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -n 1 || true)
    [ -n "$done_line" ] || done_line=$(grep -E '^#[0-9]+[[:space:]]' "$log" | tail -n 1 || true)
    crashes=$(find "$work/$h/artifacts" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
        -o -name 'oom-*' \) | sort)
    if [ "$rc" -eq 0 ] && [ -z "$crashes" ]; then
        printf '%-13s ok      %s\n' "$h" "$done_line"
        continue
    fi
    failed="$failed $h"
    printf '%-13s FAILED  (exit %s) %s\n' "$h" "$rc" "$done_line"
    for c in $crashes; do
        echo "    input: $c"
    done
    echo "    log:   $log"
    first=$(grep -n -m 1 -E '==[0-9]+==ERROR|runtime error:|ERROR: libFuzzer|ALARM: working on the last Unit|fuzz(_kb)?: ' \
        "$log" | cut -d: -f1 || true)
    [ -n "$first" ] || first=1
    sed -n "${first},$((first + 29))p" "$log" | sed 's/^/    | /'
done

if [ -n "$failed" ]; then
    echo "fuzz: failed:$failed (logs and inputs in $work)"
    exit 1
fi
rm -rf "$work"
echo "fuzz: every harness ran ${seconds}s without a crash, leak or timeout"
