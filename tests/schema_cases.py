#!/usr/bin/python3
"""The schema and tests/validate_timeline.py against the examples'
timeline.json and copies of it made invalid in Python: the schema is a
valid Draft 2020-12 schema, the timeline passes, and each broken copy is
refused (exit status 1) with python3-jsonschema's message at the right
place.  Prints TAP.

usage: schema_cases.py BIENNIEN CORPUS OUTDIR SCHEMA VALIDATE_TIMELINE_PY
"""
import copy
import json
import os
import subprocess
import sys

if len(sys.argv) != 6:
    sys.exit(__doc__.split("\n\n")[1])
biennien, corpus, outdir, schema_path, helper = sys.argv[1:]

try:
    from jsonschema import Draft202012Validator
except ImportError as e:
    print(f"Bail out! python3-jsonschema is missing for {sys.executable} ({e}); "
          "install it with 'apt-get install python3-jsonschema' (scripts/dev.sh test does)")
    sys.exit(1)

n = 0
fails = 0


def report(ok, what, details=()):
    global n, fails
    n += 1
    print(f"{'ok' if ok else 'not ok'} {n} - {what}")
    if not ok:
        fails += 1
        for line in details:
            print(f"#   {line}")


def validate(*files, schema=schema_path):
    r = subprocess.run([sys.executable, helper, schema, *files], capture_output=True, text=True)
    return r.returncode, r.stdout + r.stderr


def expect(what, status, files, lines, schema=schema_path):
    """the helper exits with STATUS and prints exactly LINES (each a
    prefix of one line of its output, in order)"""
    got, out = validate(*files, schema=schema)
    problems = []
    if got != status:
        problems.append(f"exit status {got}, expected {status}")
    out_lines = out.splitlines()
    if len(out_lines) != len(lines):
        problems.append(f"{len(out_lines)} lines of output, expected {len(lines)}")
    for want, line in zip(lines, out_lines):
        if not line.startswith(want):
            problems.append(f"expected a line starting: {want}")
    if problems:
        problems += [f"output: {line}" for line in out_lines]
    report(not problems, what, problems)


with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
try:
    Draft202012Validator.check_schema(schema)
    report(True, "the schema is a valid Draft 2020-12 schema")
except Exception as e:  # SchemaError, or a $schema it does not know
    report(False, "the schema is a valid Draft 2020-12 schema", [str(e).splitlines()[0]])

os.makedirs(outdir, exist_ok=True)
r = subprocess.run([biennien, "build", "-q", "--format", "json", corpus, "-o", os.path.join(outdir, "examples")],
                   capture_output=True, text=True)
if r.returncode != 0:
    print(f"Bail out! biennien build exited {r.returncode}: {r.stderr.strip()}")
    sys.exit(1)
valid = os.path.join(outdir, "examples", "timeline.json")
with open(valid, encoding="utf-8") as f:
    timeline = json.load(f)
expect("the examples' timeline is valid", 0, [valid], [])


def broken(name, edit):
    """a copy of the examples' timeline, edited by EDIT, under OUTDIR"""
    d = copy.deepcopy(timeline)
    edit(d)
    path = os.path.join(outdir, name + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(d, f, ensure_ascii=False, indent=1)
    return path


ev0 = timeline["events"][0]


def wrong_type(d):
    d["events"][0]["type"] = "party"


doc = broken("wrong_type", wrong_type)
expect("an event type not in the list", 1, [doc],
       [f"{doc}: $.events[0].type: 'party' is not one of ['statement', 'appeal',"])


def no_sources(d):
    del d["events"][0]["sources"]


doc = broken("no_sources", no_sources)
expect("an event without sources", 1, [doc], [f"{doc}: $.events[0]: 'sources' is a required property"])


def duplicate_id(d):
    d["events"][2]["id"] = d["events"][0]["id"]


doc = broken("duplicate_id", duplicate_id)
expect("a duplicate event id (x-uniqueMember)", 1, [doc],
       [f"{doc}: $.events[2].id: '{ev0['id']}' is already the 'id' of item 0: no two items may share it (x-uniqueMember)"])


def duplicate_ids(d):
    d["events"][3]["id"] = d["events"][1]["id"]
    d["events"][4]["id"] = d["events"][1]["id"]
    d["actors"][1]["id"] = d["actors"][0]["id"]


doc = broken("duplicate_ids", duplicate_ids)
expect("every repeat of an id is one error, actors too", 1, [doc],
       [f"{doc}: $.actors[1].id: '{timeline['actors'][0]['id']}' is already the 'id' of item 0",
        f"{doc}: $.events[3].id: '{timeline['events'][1]['id']}' is already the 'id' of item 1",
        f"{doc}: $.events[4].id: '{timeline['events'][1]['id']}' is already the 'id' of item 1"])


def bad_date(d):
    d["events"][0]["date"]["value"] = "12/01/2022"


doc = broken("bad_date", bad_date)
expect("an event date that is no TIMEX3 value", 1, [doc],
       [f"{doc}: $.events[0].date.value: '12/01/2022' does not match '^([0-9]{{4}}|XXXX)"])


def bad_dct(d):
    d["articles"][0]["dct"]["value"] = "2022-1-12"


doc = broken("bad_dct", bad_dct)
expect("a publication date that is not YYYY-MM-DD", 1, [doc],
       [f"{doc}: $.articles[0].dct.value: '2022-1-12' does not match '^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}$'"])

# several files: the valid one says nothing, the invalid one is named
expect("a valid and an invalid file: only the invalid one named", 1, [valid, doc],
       [f"{doc}: $.articles[0].dct.value: "])

truncated = os.path.join(outdir, "truncated.json")
with open(truncated, "w", encoding="utf-8") as f:
    f.write('{"schema": ')
expect("a file that is not JSON", 1, [truncated], [f"{truncated}: not JSON: "])

# a schema whose x-uniqueMember is not a member name is refused
bad_schema = copy.deepcopy(schema)
bad_schema["properties"]["events"]["x-uniqueMember"] = 1
bad_schema_path = os.path.join(outdir, "bad_unique.schema.json")
with open(bad_schema_path, "w", encoding="utf-8") as f:
    json.dump(bad_schema, f)
expect("x-uniqueMember that is not a string: exit 2", 2, [valid],
       [f"{bad_schema_path}: x-uniqueMember must be a string (a member name), not 1"], schema=bad_schema_path)

print(f"1..{n}")
sys.exit(1 if fails else 0)
