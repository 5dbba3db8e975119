#!/usr/bin/env python3
"""Check actor recognition on a scored corpus (issue 5's seed check).

usage: aliases_check.py TIMELINE.json ARTICLE_DIR ALIASES.json BODY.json

For every gold actor of ALIASES.json that the body lines of BODY.json name
(any surface form, folded, on word boundaries), report the system actors
that match it (name, id or alias equal to a surface form after folding):
exactly one is right. Then list the system actors whose aliases occur only
in boilerplate lines (not in any body line): there should be none.
Affiliations are printed for persons so a reader can judge them.
"""
import json
import re
import sys
import unicodedata


def fold(s):
    s = unicodedata.normalize("NFD", s.casefold())
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return s.replace("đ", "d")


def names(text, forms):
    t = fold(text)
    for f in forms:
        if re.search(r"(?<!\w)" + re.escape(fold(f)) + r"(?!\w)", t):
            return True
    return False


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    timeline, art_dir, aliases_path, body_path = sys.argv[1:]
    sys_actors = json.load(open(timeline, encoding="utf-8"))["actors"]
    gold = json.load(open(aliases_path, encoding="utf-8"))["actors"]
    body = json.load(open(body_path, encoding="utf-8"))["articles"]
    # Neutral lines (teasers of other articles, captions) may go either way:
    # naming an actor there neither requires it nor makes it boilerplate.
    body_text, neutral_text, boiler_text = [], [], []
    for name, spec in body.items():
        lines = open(f"{art_dir}/{name}", encoding="utf-8").read().split("\n")
        own, neutral = set(spec["body"]), set(spec.get("neutral", []))
        for i, line in enumerate(lines, 1):
            (body_text if i in own else
             neutral_text if i in neutral else boiler_text).append(line)
    body_all = "\n".join(body_text)
    kept_all = "\n".join(body_text + neutral_text)
    boiler_all = "\n".join(boiler_text)

    bad = 0
    for gname, forms in gold.items():
        if not names(body_all, forms):
            continue
        ff = {fold(f) for f in forms}
        hits = [a for a in sys_actors
                if {fold(a["id"]), fold(a["name"])} & ff
                or any(fold(x) in ff for x in a.get("aliases", []))]
        ok = len(hits) == 1
        bad += not ok
        desc = ", ".join(f'{a["id"]} (aff {a.get("affiliation")})' for a in hits)
        print(f'{"ok " if ok else "BAD"} {gname}: {desc or "not found"}')

    for a in sys_actors:
        forms = [a["name"]] + a.get("aliases", [])
        if not names(kept_all, forms) and names(boiler_all, forms):
            bad += 1
            print(f'BAD boilerplate-only actor: {a["id"]} {forms}')
    print(f"{bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
