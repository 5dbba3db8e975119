#!/usr/bin/python3
"""Validate timeline.json files against docs/timeline.schema.json.

usage: validate_timeline.py SCHEMA FILE...

The validator is python3-jsonschema's Draft 2020-12 one (Debian 12 ships
4.10), with format checking on, extended by our own keyword
"x-uniqueMember": NAME on an array: no two items that are objects with a
member NAME have equal values of it.  JSON Schema cannot say so
(uniqueItems compares whole items); other validators ignore the keyword.

exit 0  every FILE is valid
     1  some FILE is invalid or not JSON; each error is one line on stderr,
        FILE: $.json.path: message
     2  usage error, python3-jsonschema missing, or a SCHEMA that cannot be
        read or is not a valid Draft 2020-12 schema

Run it with Debian's /usr/bin/python3: the python3 first on PATH may be
another interpreter, without Debian's packages.
"""
import json
import sys

try:
    from jsonschema import Draft202012Validator, SchemaError, ValidationError, validators
except ImportError as e:
    print(f"validate_timeline.py: python3-jsonschema is missing for {sys.executable} ({e}); "
          "install it with 'apt-get install python3-jsonschema' (scripts/dev.sh test does)",
          file=sys.stderr)
    sys.exit(2)


def unique_member(validator, name, instance, schema):
    """x-uniqueMember: each repeat of a value is one error, at the later
    item's member, naming the first item that has the value."""
    if not isinstance(name, str):
        raise SchemaError(f"x-uniqueMember must be a string (a member name), not {name!r}")
    if not validator.is_type(instance, "array"):
        return
    first = {}
    for i, item in enumerate(instance):
        if not validator.is_type(item, "object") or name not in item:
            continue
        # compared as compact JSON text, so 1 and true differ
        key = json.dumps(item[name], sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        if key in first:
            yield ValidationError(
                f"{item[name]!r} is already the {name!r} of item {first[key]}: "
                "no two items may share it (x-uniqueMember)",
                path=[i, name], instance=item[name])
        else:
            first[key] = i


TimelineValidator = validators.extend(Draft202012Validator, {"x-uniqueMember": unique_member})


def path_key(error):
    # members by name, items by number: a key that sorts mixed paths
    return [(isinstance(p, str), p) for p in error.absolute_path]


def main(argv):
    if len(argv) < 3:
        print("usage: validate_timeline.py SCHEMA FILE...", file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            schema = json.load(f)
        TimelineValidator.check_schema(schema)
    except (OSError, ValueError) as e:
        print(f"{argv[1]}: cannot read the schema: {e}", file=sys.stderr)
        return 2
    except SchemaError as e:
        print(f"{argv[1]}: not a valid Draft 2020-12 schema: {e.json_path}: {e.message}", file=sys.stderr)
        return 2
    validator = TimelineValidator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    status = 0
    for name in argv[2:]:
        try:
            with open(name, encoding="utf-8") as f:
                doc = json.load(f)
        except (OSError, ValueError) as e:
            print(f"{name}: not JSON: {e}", file=sys.stderr)
            status = 1
            continue
        try:
            errors = sorted(validator.iter_errors(doc), key=path_key)
        except SchemaError as e:
            print(f"{argv[1]}: {e.message}", file=sys.stderr)
            return 2
        for error in errors:
            print(f"{name}: {error.json_path}: {error.message}", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
