#!/bin/sh
# A 13th event type must not compile without every field of its row
# (core/bn_event_types.c): a copy of the table gets a new type, with and
# without its colour, its dark flag, its row, a colour that is not
# "#RRGGBB".  (Its label is language data: data/lang/<code>/labels.json,
# checked when loaded, tests/cli.sh.)
# Usage: event_types_compile.sh CC SOURCE_ROOT
set -u
cc=$1
core=$2/core
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0

# try NAME EXPECT(ok|fail) ROW: a new type BN_EV_PROTEST with ROW appended
try() {
    sed 's/^    BN_EV_COUNT$/    BN_EV_PROTEST,\n    BN_EV_COUNT/' "$core/bn_event_types.h" >"$tmp/bn_event_types.h"
    if [ -n "$3" ]; then
        sed "s|^\(    TYPE(BN_EV_MILITARY, .*\)\$|\1 \\\\\n    $3|" "$core/bn_event_types.c" >"$tmp/bn_event_types.c"
    else
        cp "$core/bn_event_types.c" "$tmp/bn_event_types.c"
    fi
    if "$cc" -std=c17 -fsyntax-only -I"$tmp" "$tmp/bn_event_types.c" 2>"$tmp/err"; then got=ok; else got=fail; fi
    if [ "$got" = "$2" ]; then
        echo "ok: $1"
    else
        echo "FAIL: $1 (compiled: $got, expected $2)"
        cat "$tmp/err"
        fails=$((fails + 1))
    fi
}

try "a full row compiles" ok 'TYPE(BN_EV_PROTEST, "protest", "14", BN_FAMILY_SPEECH, 0, 0, "#DDDDDD", 0)'
try "no colour" fail 'TYPE(BN_EV_PROTEST, "protest", "14", BN_FAMILY_SPEECH, 0, 0, 0)'
try "no dark flag" fail 'TYPE(BN_EV_PROTEST, "protest", "14", BN_FAMILY_SPEECH, 0, 0, "#DDDDDD")'
try "NULL colour" fail 'TYPE(BN_EV_PROTEST, "protest", "14", BN_FAMILY_SPEECH, 0, 0, NULL, 0)'
try "empty colour" fail 'TYPE(BN_EV_PROTEST, "protest", "14", BN_FAMILY_SPEECH, 0, 0, "", 0)'
try "no row" fail ''
exit $((fails > 0))
