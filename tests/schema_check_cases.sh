#!/usr/bin/env bash
# schema_check against timeline.json and mutated copies of it: the valid
# document passes, each mutation fails with its one expected message, and
# schemas schema_check cannot apply are refused.  Prints TAP.
# usage: schema_check_cases.sh SCHEMA_CHECK SCHEMA.json VALID_TIMELINE.json
set -u
if [ $# -ne 3 ]; then
    echo "usage: $0 SCHEMA_CHECK SCHEMA.json VALID_TIMELINE.json" >&2
    exit 2
fi
checker=$1
schema=$2
valid=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
fails=0

# edit IN OUT PYTHON: OUT is IN after running PYTHON on it as `d`
edit() {
    python3 - "$1" "$2" "$3" <<'EOF'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    d = json.load(f)
exec(sys.argv[3])
with open(sys.argv[2], "w", encoding="utf-8") as f:
    json.dump(d, f, ensure_ascii=False)
EOF
}

mutate() { # name, python editing the document
    edit "$valid" "$tmp/$1.json" "$2"
}

mutate_schema() { # name, python editing the schema
    edit "$schema" "$tmp/$1.schema.json" "$2"
}

report() { # ok?, description, diagnostics...
    n=$((n + 1))
    if [ "$1" = ok ]; then
        echo "ok $n - $2"
    else
        echo "not ok $n - $2"
        fails=$((fails + 1))
        shift 2
        for line in "$@"; do
            printf '#   %s\n' "$line"
        done
        sed 's/^/#   stderr: /' "$tmp/stderr"
    fi
}

# expect DESCRIPTION STATUS SCHEMA DOC [MESSAGE...]: schema_check exits with
# STATUS and stderr holds each MESSAGE; with STATUS 1, one line per MESSAGE,
# each "DOC: /pointer: what (schema at /pointer)".
expect() {
    local what=$1 want=$2 sch=$3 doc=$4
    shift 4
    if [ ! -f "$doc" ] && [ "$want" != 2 ]; then
        : >"$tmp/stderr"
        report "not ok" "$what" "no such test document $doc"
        return
    fi
    "$checker" "$sch" "$doc" 2>"$tmp/stderr" >/dev/null
    local got=$? problems=()
    [ "$got" = "$want" ] || problems+=("exit status $got, expected $want")
    local message
    for message in "$@"; do
        grep -qF -- "$message" "$tmp/stderr" || problems+=("no line with: $message")
    done
    if [ "$want" = 0 ] && [ -s "$tmp/stderr" ]; then
        problems+=("unexpected output on stderr")
    fi
    if [ "$want" = 1 ]; then
        local lines
        lines=$(wc -l <"$tmp/stderr")
        [ "$lines" -eq $# ] || problems+=("$lines lines on stderr, expected $#")
        local line shape='^(/[^:]*|\(root\)): .+ \(schema at [^)]*\)$'
        while IFS= read -r line; do
            if [[ $line != "$doc: "* ]] || ! [[ ${line#"$doc: "} =~ $shape ]]; then
                problems+=("not shaped 'DOC: /pointer: what (schema at /pointer)': $line")
            fi
        done <"$tmp/stderr"
    fi
    if [ ${#problems[@]} -eq 0 ]; then
        report ok "$what"
    else
        report "not ok" "$what" "${problems[@]}"
    fi
}

ev='d["events"][0]'

expect "the valid timeline passes" 0 "$schema" "$valid"

mutate missing_required "del $ev[\"id\"]"
expect "missing required member" 1 "$schema" "$tmp/missing_required.json" \
    '/events/0: required member "id" is missing (schema at /properties/events/items/required)'

mutate wrong_type 'd["articles"][0]["sentences"] = "12"'
expect "wrong type" 1 "$schema" "$tmp/wrong_type.json" \
    '/articles/0/sentences: is a string ("12"), expected integer (schema at /properties/articles/items/properties/sentences/type)'

mutate enum_outside "$ev[\"type\"] = \"party\""
expect "enum value outside the list" 1 "$schema" "$tmp/enum_outside.json" \
    '/events/0/type: "party" is not one of ["statement","appeal","proposal","meeting","agreement","aid","demand","criticism","rejection","warning","sanction","military"] (schema at /properties/events/items/properties/type/enum)'

mutate bad_pattern "$ev[\"id\"] = \"ev-xyz\""
expect "pattern violation (event id ev-xyz)" 1 "$schema" "$tmp/bad_pattern.json" \
    '/events/0/id: "ev-xyz" does not match the pattern ^ev-[0-9a-f]{12}$ (schema at /properties/events/items/properties/id/pattern)'

# event and actor ids are unique (x-uniqueMember, our own keyword)
mutate duplicate_id 'd["events"][2]["id"] = d["events"][0]["id"]'
expect "a duplicate event id is refused, naming both events" 1 "$schema" "$tmp/duplicate_id.json" \
    '/events/2/id: "'"$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["events"][0]["id"])' "$valid")"'" is already the "id" of /events/0: no two items may share it (schema at /properties/events/x-uniqueMember)'

mutate duplicate_ids 'd["events"][3]["id"] = d["events"][1]["id"]; d["events"][4]["id"] = d["events"][1]["id"]; d["actors"][1]["id"] = d["actors"][0]["id"]'
expect "every repeat of an id is one violation, actors too" 1 "$schema" "$tmp/duplicate_ids.json" \
    '/actors/1/id: ' '/events/3/id: ' '/events/4/id: '

mutate distinct_ids 'd["events"][0]["id"] = "ev-000000000000"; d["events"][1]["id"] = "ev-000000000001"'
expect "ids that differ by one digit pass" 0 "$schema" "$tmp/distinct_ids.json"

mutate_schema bad_unique 'd["properties"]["events"]["x-uniqueMember"] = 1'
expect "x-uniqueMember that is not a member name exits 2" 2 "$tmp/bad_unique.schema.json" "$valid" \
    '/properties/events/x-uniqueMember: x-uniqueMember must be a string (a member name)'

mutate null_string 'd["articles"][0]["title"] = None'
expect "null where a string is required" 1 "$schema" "$tmp/null_string.json" \
    '/articles/0/title: is null, expected string (schema at /properties/articles/items/properties/title/type)'

# timeline.schema.json has no additionalProperties false: tighten a copy
mutate_schema closed_dct 'd["properties"]["articles"]["items"]["properties"]["dct"]["additionalProperties"] = False'
expect "the valid timeline passes the schema with a closed dct" 0 "$tmp/closed_dct.schema.json" "$valid"
mutate extra_member 'd["articles"][0]["dct"]["extra"] = 1'
expect "extra member where additionalProperties is false" 1 "$tmp/closed_dct.schema.json" "$tmp/extra_member.json" \
    '/articles/0/dct/extra: unexpected member: not in "properties" and additionalProperties is false (schema at /properties/articles/items/properties/dct/additionalProperties)'

mutate additional_schema 'd["relations"][0]["types"]["bogus"] = "many"'
expect "additionalProperties schema applies to unlisted members" 1 "$schema" "$tmp/additional_schema.json" \
    '/relations/0/types/bogus: is a string ("many"), expected integer (schema at /properties/relations/items/properties/types/additionalProperties/type)'

mutate below_minimum "$ev[\"articles\"] = 0"
expect "integer below minimum" 1 "$schema" "$tmp/below_minimum.json" \
    '/events/0/articles: 0 is less than the minimum 1 (schema at /properties/events/items/properties/articles/minimum)'

mutate above_maximum "$ev[\"goldstein\"] = 10.5"
expect "number above maximum" 1 "$schema" "$tmp/above_maximum.json" \
    '/events/0/goldstein: 10.5 is greater than the maximum 10 (schema at /properties/events/items/properties/goldstein/maximum)'

mutate oneof_none "$ev[\"date\"][\"end\"] = \"soon\""
expect "oneOf matched by none" 1 "$schema" "$tmp/oneof_none.json" \
    '/events/0/date/end: "soon" matches none of the 2 oneOf alternatives (schema at /properties/events/items/properties/date/properties/end/oneOf)'

mutate oneof_items "$ev[\"date\"][\"year_range\"] = [2020, 2021, 2022]"
expect "oneOf: three years where maxItems is 2" 1 "$schema" "$tmp/oneof_items.json" \
    '/events/0/date/year_range: [2020,2021,2022] matches none of the 2 oneOf alternatives'

mutate ref_pattern "$ev[\"date\"][\"value\"] = \"24-01-02\""
expect "\$ref to #/\$defs/timex" 1 "$schema" "$tmp/ref_pattern.json" \
    '/events/0/date/value: "24-01-02" does not match the pattern ^([0-9]{4}|XXXX)(-([0-9]{2}|H[12]|Q[1-4]|W[0-9]{2})(-[0-9]{2})?)?$ (schema at /$defs/timex/pattern)'

mutate min_items "$ev[\"sources\"] = []"
expect "array below minItems" 1 "$schema" "$tmp/min_items.json" \
    '/events/0/sources: has 0 items, fewer than minItems 1 (schema at /properties/events/items/properties/sources/minItems)'

mutate const_schema 'd["schema"] = "biennien-timeline/2"'
expect "const" 1 "$schema" "$tmp/const_schema.json" \
    '/schema: "biennien-timeline/2" is not the required value "biennien-timeline/4" (schema at /properties/schema/const)'

mutate integral_real 'd["articles"][0]["sentences"] = 2.0'
expect "an integer-valued real (2.0) is an integer" 0 "$schema" "$tmp/integral_real.json"

mutate three_faults "del $ev[\"id\"]; d[\"articles\"][0][\"title\"] = None; d[\"relations\"][0][\"count\"] = 0"
expect "every violation, one line each" 1 "$schema" "$tmp/three_faults.json" \
    '/articles/0/title: is null, expected string' \
    '/events/0: required member "id" is missing' \
    '/relations/0/count: 0 is less than the minimum 1'

mutate_schema unknown_keyword 'd["properties"]["events"]["uniqueItems"] = True'
expect "a schema with an unknown keyword exits 2 naming it" 2 "$tmp/unknown_keyword.schema.json" "$valid" \
    '/properties/events/uniqueItems: keyword "uniqueItems" is not implemented by schema_check'

mutate_schema lookahead 'd["$defs"]["timex"]["pattern"] = "^(?=[0-9])"'
expect "a pattern POSIX cannot express exits 2" 2 "$tmp/lookahead.schema.json" "$valid" \
    '/$defs/timex/pattern: pattern ^(?=[0-9]) cannot be translated to POSIX'

mutate_schema remote_ref 'd["properties"]["network"] = {"$ref": "https://example.org/network.json"}'
expect "a remote \$ref exits 2" 2 "$tmp/remote_ref.schema.json" "$valid" \
    '/properties/network/$ref: $ref "https://example.org/network.json": only references within the schema'

printf '{"schema": ' >"$tmp/truncated.json"
expect "an unparsable document exits 2" 2 "$schema" "$tmp/truncated.json" \
    "$tmp/truncated.json: cannot read:"

echo "1..$n"
[ "$fails" -eq 0 ] || exit 1
exit 0
