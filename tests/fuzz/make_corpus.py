#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz harnesses, tests/fuzz/corpus/<harness>/.

    python3 tests/fuzz/make_corpus.py [BIENNIEN]

Seeds come from the project's own material only: examples/corpus (the
articles, cut to a few KB), the texts of tests/*_cases.tsv, excerpts of
data/kb/*.json, the `biennien extract` lines of examples/corpus (BIENNIEN,
default build/tools/biennien; without it the merge seeds made before are
kept), and hand-made hostile cases.  The output is the same bytes on every
run; the whole directory stays well under 1 MB.
"""
import glob
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
OUT = os.path.join(HERE, "corpus")
MAX_ARTICLE = 4096
MAX_KB_SEED = 20000

written = {}


def put(harness, name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    d = os.path.join(OUT, harness)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)
    written[harness] = written.get(harness, 0) + len(data)


def cut(data, limit=MAX_ARTICLE):
    """The first `limit` bytes, ending at a line end (a whole UTF-8 text)."""
    if len(data) <= limit:
        return data
    i = data.rfind(b"\n", 0, limit)
    return data[: i + 1 if i > 0 else limit]


def articles():
    out = []
    for p in sorted(glob.glob(os.path.join(ROOT, "examples", "corpus", "*.txt"))):
        with open(p, "rb") as f:
            out.append((os.path.splitext(os.path.basename(p))[0], cut(f.read())))
    return out


def case_texts(table):
    """The text column of a tests/*_cases.tsv table ("\\n" is a line break)."""
    texts = []
    with open(os.path.join(ROOT, "tests", table), encoding="utf-8") as f:
        for i, line in enumerate(f):
            line = line.rstrip("\n")
            if not line or line.startswith("#") or (i == 0 and table == "dates_cases.tsv"):
                continue
            fields = line.split("\t")
            if len(fields) >= 2:
                texts.append(fields[1].replace("\\n", "\n"))
    return texts


def case_pages(table, per_page, title="Tin thời sự"):
    """The case texts gathered into short articles under a title line."""
    texts = case_texts(table)
    pages = []
    for k in range(0, len(texts), per_page):
        pages.append((title + "\n\n" + "\n\n".join(texts[k : k + per_page]) + "\n").encode("utf-8"))
    return pages


# ---- hostile texts (articles) -------------------------------------------

TITLE = "Nga và NATO: các cuộc họp\n\n".encode("utf-8")


def u(s):
    return s.encode("utf-8")


HOSTILE_TEXTS = {
    "empty": b"",
    "one-byte": b"N",
    "newlines-only": b"\n" * 64,
    "spaces-only": u(" \t\u00a0\u2003\u200b") * 40,
    "nul-bytes": TITLE + u("Ngày 1/4, NATO\0 họp\0\0 với Nga tại Brussels.\0\n\0\n") + b"\0" * 16,
    "invalid-utf8": TITLE + b"Ng\xe0y 1/4, NATO \xff\xfe h\xe1\xbb\x8dp v\xe1 Nga.\n\xc3\n\xe1\xbb",
    "overlong": TITLE + b"Ng\xc0\xafy 1\xc0\xaf4, NATO \xe0\x80\xaf h\xf0\x80\x80\xafp v\xc1\xbf Nga.\n",
    "surrogates": TITLE + b"Ngay 1/4 \xed\xa0\x80\xed\xb0\x80 NATO \xed\xbf\xbf hop \xf4\x90\x80\x80 Nga \xf8\x88\x80\x80\x80.\n",
    "crlf": (TITLE + u("Minh Châu\n07:42:10 02/04/2014\n\nHôm 1/4, NATO đã nhất trí tạm ngừng hợp tác với Nga.\n\n"
                       "Tổng thư ký NATO Anders Fogh Rasmussen cho biết liên minh chưa ghi nhận dấu hiệu nào.\n"))
    .replace(b"\n", b"\r\n"),
    "lone-cr": u("Tiêu đề\r\rNgày 5/6, Nga cảnh báo NATO.\rMỹ bác bỏ.\r\r\r"),
    "bom-zero-width": u("\ufeffNATO\u200b họp\n\n\ufeffNgày\u200d 1/4,\u2060 Nga\u00ad phản đối NATO.\n"),
    "controls": TITLE + bytes(range(1, 32)) + b"\x7f" + u("\u0085\u2028\u2029 Ngày 1/4 Nga họp.\n"),
    "long-word": TITLE + b"NATO" * 2000 + b"\n",
    "long-line-words": TITLE + u("ngày ") * 1500 + b"\n",
    "long-line-dates": TITLE + u("ngày 1/4, ") * 500 + u("Nga họp.\n"),
    "combining-marks": TITLE + u("Nga") + u("\u0301\u0323\u0309") * 200 + u(" ho\u0323p vơ\u0301i NATO nga\u0300y 1/4.\n"),
    "decomposed-vietnamese": TITLE + u("Nga\u0300y 1/4, To\u0302\u0309ng thu\u031b\u0301 ky\u0301 NATO Jens Stoltenberg ho\u0323p.\n"),
    "dates-impossible": TITLE + u(
        "Ngày 99/99/99999, Nga họp với NATO. Tháng 13 năm 2022, Mỹ cảnh báo Nga. Ngày 31/2/2023 NATO họp.\n\n"
        "Ngày 0/0/0, Ukraine kêu gọi NATO. Ngày 29/2/1900 và ngày 29/2/2000, Pháp họp với Đức.\n\n"
        "Quý 5 năm 2022, tuần thứ 60 năm 2021, nửa cuối năm 0, thế kỷ 99, năm 99999999999999999999.\n\n"
        "Từ ngày 5 đến ngày 3/4, từ tháng 12/2022 đến tháng 1/2022, ngày 1-2-3/4/2014, ngày 32/1.\n\n"
        "Ngày 4294967296/4, ngày -1/4, năm -2022, ngày 1/4/2022/2023, hôm 14-5-2023-2024, 9.1.2022.\n"),
    "unbalanced": TITLE + u(
        "“Nga (NATO [họp] « với » Mỹ ‘ngày 1/4”), (((( Ukraine \"kêu gọi\" ]]]] NATO)) « «\n\n"
        "Ông Putin nói: \"Chúng tôi (sẽ không [chấp nhận\n\n\"\"\"\"\"\"((((((\n\n))))))\n"),
    "abbreviations": TITLE + u("TP. Hồ Chí Minh, GS. Nguyễn Văn A. và U.S. Army. John F. Kennedy. Ô. ... .. . .\n"
                               "Ngày 1/4. Nga. NATO. Mỹ. Tin liên quan\nTrang chủ > Thế giới\nNguồn: Reuters\n"),
    "furniture-only": u("Trang chủ > Thế giới > Châu Âu\nTin liên quan\nNATO họp\nNga cảnh báo\n"
                        "Theo dõi Tin Thế Giới Online trên Google News\nPhiên bản di động\n(theo Reuters)\n"),
    "punctuation-only": u("!?.,;:…–—-\n") * 30,
    "c1-and-nonchars": TITLE + u("\ufffe\uffff\U0010ffff\U000e0001 Ngày 1/4 Nga \ufffd họp.\n"),
}


def text_seeds(harness, extra_pages=()):
    for name, data in articles():
        put(harness, "example-" + name, data)
    for name, data in HOSTILE_TEXTS.items():
        put(harness, "hostile-" + name, data)
    for i, page in enumerate(extra_pages):
        put(harness, "cases-%02d" % i, page)


# ---- JSON Lines records -------------------------------------------------


def jsonl_seeds():
    h = "fuzz_jsonl"
    with open(os.path.join(ROOT, "examples", "corpus", "wire.jsonl"), "rb") as f:
        for i, line in enumerate(f.read().splitlines()):
            put(h, "wire-%d" % i, line + b"\n")
    dates = ["2014-04-02", None, "2023-07-10T08:00:00Z", "2022-02-30", ""]
    for i, (name, data) in enumerate(articles()):
        rec = {"id": name, "url": "https://example.org/the-gioi/%d/04/01/%s" % (2014 + i, name),
               "date": dates[i % len(dates)], "title": data.split(b"\n", 1)[0].decode("utf-8"),
               "text": data.decode("utf-8")}
        if rec["date"] is None:
            del rec["date"]
        put(h, "example-" + name, json.dumps(rec, ensure_ascii=i % 2 == 0).encode("utf-8") + b"\n")
    pages = case_pages("events_cases.tsv", 20)
    for i, page in enumerate(pages[:3]):
        put(h, "cases-%02d" % i, json.dumps({"text": page.decode("utf-8"), "date": "2022-02-24"},
                                              ensure_ascii=False).encode("utf-8") + b"\n")
    hostile = {
        "empty": b"",
        "empty-object": b"{}",
        "null": b"null",
        "array": b'[{"text": "Nga h\\u1ecdp"}]',
        "string": b'"text"',
        "text-number": b'{"text": 5}',
        "text-empty": b'{"text": ""}',
        "text-spaces": b'{"text": "   \\n\\n\\t  "}',
        "all-null": b'{"id": null, "url": null, "date": null, "title": null, "text": "Ng\\u00e0y 1/4, Nga h\\u1ecdp."}',
        "wrong-types": b'{"id": 1, "url": [], "date": {}, "title": true, "text": "Ng\\u00e0y 1/4 Nga h\\u1ecdp v\\u1edbi NATO."}',
        "dates-bad": u('{"date": "9999-99-99", "url": "https://x.org/2022/13/45/a-99999999999999999.htm", '
                       '"text": "Ngày 99/99/99999, tháng 13, Nga họp với NATO."}'),
        "date-short": u('{"date": "2022-1-1", "text": "Hôm qua Nga cảnh báo NATO."}'),
        "url-digits": u('{"url": "https://x.org/20221301-20220229-29991231235959999-/1999/02/29/", '
                        '"text": "Ngày 1/4 Nga họp."}'),
        "lone-surrogate-escape": b'{"text": "Nga \\ud800 h\\udc00p \\udbff"}',
        "nul-escape": b'{"text": "Nga\\u0000 h\\u1ecdp"}',
        "invalid-utf8": b'{"text": "Ng\xe0y 1/4, NATO h\xff\xfep v\xe1\xbb Nga.", "title": "\xc3"}',
        "overlong": b'{"text": "Ng\xc0\xafy 1\xe0\x80\xaf4 Nga h\xf0\x80\x80\xafp."}',
        "utf8-surrogates": b'{"text": "Nga \xed\xa0\x80 h\xed\xbf\xbfp \xf4\x90\x80\x80"}',
        "duplicate-keys": u('{"text": "Nga họp.", "text": "NATO họp."}'),
        "crlf": u('{"text": "Tiêu đề\\r\\n\\r\\nNgày 1/4, Nga họp với NATO.\\r\\n"}\r\n'),
        "bom": b"\xef\xbb\xbf" + u('{"text": "Ngày 1/4 Nga họp."}'),
        "trailing-garbage": u('{"text": "Ngày 1/4 Nga họp."} {"text": "x"}'),
        "truncated": u('{"id": "a", "text": "Ngày 1/4 Nga h'),
        "deep-nesting": b'{"x": ' + b"[" * 5000 + b"]" * 5000 + b', "text": "Nga"}',
        "deep-nesting-unclosed": b"[" * 4000,
        "huge-numbers": b'{"id": 1e999999, "line": 123456789012345678901234567890, "date": -0.0e-99999, "text": "x"}',
        "long-id": b'{"id": "' + b"a" * 6000 + b'", "text": "Ng\\u00e0y 1/4 Nga h\\u1ecdp."}',
        "escapes": u('{"text": "\\"Nga\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u00e0\\u0300 \\ud83d\\ude00 (NATO [\\u201c"}'),
        "unbalanced": u('{"text": "“Nga (NATO [họp] « với » Mỹ ‘ngày 1/4”), (((( \\"kêu gọi ]]]]"}'),
        "long-word": b'{"text": "' + b"NATO" * 3000 + b'"}',
    }
    for name, data in hostile.items():
        put(h, "hostile-" + name, data)
    # found by fuzzing (tests/fuzz/README.md): an error message cut inside a character
    put(h, "finding-invalid-escape", u('{"text": "\\ệ"}\n'))
    put(h, "finding-invalid-escape-lenient", b'"\xc4\x91\xe1\xbb\x81\\\xff')


# ---- knowledge-base files ----------------------------------------------


def kb_dump(obj):
    return (json.dumps(obj, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def kb_seeds():
    h = "fuzz_kb"
    files = {}
    for p in sorted(glob.glob(os.path.join(ROOT, "data", "kb", "*.json"))):
        with open(p, encoding="utf-8") as f:
            files[os.path.basename(p)] = json.load(f)
    for name, doc in files.items():
        excerpt = {"format": doc.get("format", "biennien-kb/1")}
        for key in ("actors", "events", "titles"):
            if key in doc:
                n = len(doc[key])
                while n > 1:
                    excerpt[key] = doc[key][:n]
                    if len(kb_dump(excerpt)) <= MAX_KB_SEED:
                        break
                    n = max(1, n * 2 // 3)
                excerpt[key] = doc[key][: min(n, 12)]
        put(h, "excerpt-" + name, kb_dump(excerpt))
    # the actors, titles and gatherings of fuzz_kb's fixed article together
    every_actor = {a["id"]: a for doc in files.values() for a in doc.get("actors", [])}
    want = ["nato", "russia", "nato-russia-council", "anders-fogh-rasmussen", "jens-stoltenberg", "barack-obama",
            "vladimir-putin", "united-states", "ukraine", "belgium"]
    events = [e for doc in files.values() for e in doc.get("events", []) if e.get("from", "").startswith("2014")]
    titles = [t for doc in files.values() for t in doc.get("titles", [])][:6]
    put(h, "article-actors.json", kb_dump({"actors": [every_actor[i] for i in want if i in every_actor],
                                           "events": events[:6], "titles": titles}))
    person = {"id": "p", "name": "Anders Fogh Rasmussen", "kind": "person", "nationality": "x",
              "aliases": {"vi": ["Rasmussen"], "en": []},
              "roles": [{"org": "nato", "title": "Tổng thư ký", "from": "2009-08-01", "to": "2014-10-01"}]}
    hostile = {
        "empty": b"",
        "empty-object": b"{}",
        "null": b"null",
        "array": b"[]",
        "actors-not-list": b'{"actors": 5}',
        "events-not-list": b'{"actors": [], "events": {}}',
        "empty-lists": b'{"actors": [], "events": [], "titles": []}',
        "actor-empty-object": b'{"actors": [{}]}',
        "actor-not-object": b'{"actors": [1, "x", null]}',
        "actor-no-kind": b'{"actors": [{"id": "a", "name": "A"}]}',
        "actor-bad-kind": b'{"actors": [{"id": "a", "name": "A", "kind": "planet"}]}',
        "actor-empty-strings": b'{"actors": [{"id": "a", "name": "", "kind": "country"}]}',
        "aliases-list": b'{"actors": [{"id": "a", "name": "A", "kind": "country", "aliases": ["A"]}]}',
        "aliases-numbers": b'{"actors": [{"id": "a", "name": "A", "kind": "country", "aliases": {"vi": [1, 2], "en": "x"}}]}',
        "forms-punctuation": u(json.dumps({"actors": [
            {"id": "a", "name": ".", "name_vi": " ", "kind": "country", "aliases": {"vi": ["", "...", "-", "(", "“”"],
                                                                                  "en": ["\u0301", "\u200b"]},
             "metonyms": ["", " ", "Nga"]},
            {"id": "b", "name": "Nga", "kind": "country", "metonyms": ["Nga", "Nga"], "parties": ["a", "b", "zz"]}]},
            ensure_ascii=False)),
        "roles-bad": u(json.dumps({"actors": [dict(person, roles=[{"org": "nato", "title": "Tổng thư ký",
                                                                    "from": "2022-02-30", "to": None}])]},
                                  ensure_ascii=False)),
        "roles-backwards": u(json.dumps({"actors": [dict(person, roles=[{"org": "nato", "title": "Tổng thư ký",
                                                                         "from": "2014-10-01", "to": "2009-08-01"}])]},
                                        ensure_ascii=False)),
        "roles-not-list": u(json.dumps({"actors": [dict(person, roles={"org": "nato"})]}, ensure_ascii=False)),
        "roles-extreme-dates": u(json.dumps({"actors": [dict(person, roles=[
            {"org": "nato", "title": "Tổng thư ký", "from": "0000-01-01", "to": "9999-12-31"},
            {"org": "", "title": "", "from": "1970-01-01"},
            {"org": "p", "title": "Tổng thư ký NATO", "from": "2014-10-01", "to": None}])]}, ensure_ascii=False)),
        "role-unknown-org": u(json.dumps({"actors": [dict(person, roles=[{"org": "no-such", "title": "Tổng thống",
                                                                           "from": "2009-08-01"}])]},
                                         ensure_ascii=False)),
        "duplicate-ids": u(json.dumps({"actors": [person, dict(person, name="Rasmussen B"), person],
                                       "events": [{"id": "e", "org": "nato", "from": "2014-04-01", "places": ["Brussels"]},
                                                  {"id": "e", "org": "nato", "from": "2014-04-02", "places": ["Bỉ"]}]},
                                      ensure_ascii=False)),
        "duplicate-keys": b'{"actors": [], "actors": []}',
        "events-bad": u(json.dumps({"events": [{"id": "e", "org": "nato", "from": "2014-04-05", "to": "2014-04-01",
                                                "places": ["Brussels"]}]}, ensure_ascii=False)),
        "events-no-places": u(json.dumps({"events": [{"id": "e", "org": "nato", "from": "2014-04-01", "places": []}]})),
        "events-empty-places": u(json.dumps({"events": [{"id": "e", "org": "x", "from": "2014-04-01",
                                                         "places": ["", " ", "tại", "Brussels Brussels Brussels"]}]},
                                            ensure_ascii=False)),
        "titles-bad": b'{"titles": [{"title": "T"}, {"variants": ["x"]}, 5]}',
        "titles-empty": u(json.dumps({"titles": [{"title": "", "variants": ["", " ", "Tổng thư ký"]}]},
                                     ensure_ascii=False)),
        "deep-nesting": b'{"actors": ' + b"[" * 5000 + b"]" * 5000 + b"}",
        "deep-nesting-unclosed": b"{\"a\":" * 3000,
        "huge-numbers": b'{"actors": [{"id": 1e999999, "name": 123456789012345678901234567890, "kind": -1e-99999}]}',
        "invalid-utf8": b'{"actors": [{"id": "a\xff", "name": "N\xc3", "kind": "country"}]}',
        "overlong": b'{"actors": [{"id": "a", "name": "N\xc0\xaf", "kind": "country"}]}',
        "lone-surrogate": b'{"actors": [{"id": "a", "name": "\\ud800", "kind": "country"}]}',
        "nul-escape": b'{"actors": [{"id": "a\\u0000b", "name": "A", "kind": "country"}]}',
        "nul-byte": b'{"actors": [{"id": "a", "name": "A\x00", "kind": "country"}]}',
        "long-name": u(json.dumps({"actors": [{"id": "a", "name": "NATO " * 1500, "kind": "organization"},
                                              {"id": "b", "name": "A" * 6000, "kind": "country"}]})),
        "many-forms": u(json.dumps({"actors": [{"id": "a%d" % i, "name": "Nga %d" % i, "kind": "group",
                                                "aliases": {"vi": ["N%d" % i, "Nga"], "en": []}} for i in range(150)]})),
        "crlf": kb_dump({"actors": [person]}).replace(b"\n", b"\r\n"),
    }
    for name, data in hostile.items():
        put(h, "hostile-" + name, data)
    # found by fuzzing (tests/fuzz/README.md): an unknown top-level field
    put(h, "finding-unknown-field", b'{"x": 1, "actors": []}')
    put(h, "finding-unknown-field-2", b'{"":[],"titles":[]}')


# ---- extract lines (merge) ----------------------------------------------


def merge_seeds(biennien):
    h = "fuzz_merge"
    d = os.path.join(OUT, h)
    if not biennien or not os.access(biennien, os.X_OK):
        print("make_corpus: no %s: the merge seeds are left as they are" % biennien, file=sys.stderr)
        if os.path.isdir(d):
            written[h] = sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d))
        return
    shutil.rmtree(d, ignore_errors=True)
    env = dict(os.environ, BIENNIEN_DATADIR=os.path.join(ROOT, "data"))
    out = subprocess.run([biennien, "extract", "-q", "-j", "1", "examples/corpus"], cwd=ROOT, env=env,
                         check=True, stdout=subprocess.PIPE).stdout
    lines = out.splitlines(keepends=True)
    for i, line in enumerate(lines):
        put(h, "extract-%02d" % i, line)
    recs = [json.loads(l) for l in lines]
    # the variants' base: a short record, cut to two events and three body spans
    base = json.loads(json.dumps(min((r for r in recs if len(r["events"]) >= 2), key=lambda r: len(json.dumps(r)))))
    base["events"] = base["events"][:2]
    base["article"]["body"] = base["article"]["body"][:3]

    def variant(name, fn):
        r = json.loads(json.dumps(base))
        fn(r)
        put(h, "variant-" + name, json.dumps(r, ensure_ascii=False).encode("utf-8") + b"\n")

    def ev(r):
        return r["events"][0]

    variant("schema", lambda r: r.update(schema="biennien-extract/1"))
    variant("no-events", lambda r: r.update(events=[]))
    variant("unknown-actor", lambda r: ev(r)["actors"].append({"id": "no-such-actor", "role": "source"}))
    variant("offsets-huge", lambda r: [s.update(offset=4294967296, length=-1, trigger_offset=1e300,
                                                trigger_length=-9223372036854775808) for s in ev(r)["sources"]])
    variant("year-range", lambda r: ev(r)["date"].update(year_range=[-2147483649, 9223372036854775807]))
    variant("date-xxxx", lambda r: ev(r)["date"].update(value="XXXX-13-99", year_source="unknown", precision="day"))
    variant("date-deferred", lambda r: ev(r)["date"].update(
        value="XXXX-04-20", end=None, precision="day", year_source="deferred",
        deferred={"unit": "week", "count": -1, "weekday": 0, "toward": 0, "month": 0, "day": 0, "lag": 2}))
    variant("date-deferred-huge", lambda r: ev(r)["date"].update(
        value="XXXX-02-29", end=None, precision="day", year_source="deferred",
        deferred={"unit": "weekday", "count": 2147483648, "weekday": 9, "toward": -2, "month": 13, "day": 32,
                  "lag": 1e300}))
    variant("date-week", lambda r: ev(r)["date"].update(value="2022-W60", precision="week", end="2022-W99",
                                                        mod="START"))
    variant("date-empty", lambda r: ev(r)["date"].update(value="", end="", precision="year"))
    variant("date-long", lambda r: ev(r)["date"].update(value="9" * 23, end="X" * 23, mod="MIDDLE"))
    variant("date-quarter", lambda r: ev(r)["date"].update(value="2014-Q7", precision="quarter"))
    variant("date-half", lambda r: ev(r)["date"].update(value="2014-H3", precision="half", year_source="cross"))
    variant("no-dct", lambda r: r["article"]["dct"].update(value=None, source="none"))
    variant("dct-bad", lambda r: r["article"]["dct"].update(value="2022-02-30"))
    variant("hash-short", lambda r: r["article"].update(text_hash="0"))
    variant("body-huge", lambda r: r["article"].update(sentences=-1, body=[{"offset": -5, "length": 1e20}] * 3))
    variant("kind-bad", lambda r: r["actors"][0].update(kind="planet"))
    variant("cameo-long", lambda r: ev(r).update(cameo="12345678"))
    variant("no-sources", lambda r: ev(r).update(sources=[]))
    variant("goldstein-huge", lambda r: ev(r).update(goldstein=1e308, confidence=-1e308))
    variant("same-ids", lambda r: [a.update(id="nato") for a in r["actors"]])
    variant("affiliation-self", lambda r: [a.update(affiliation=a["id"]) for a in r["actors"]])
    variant("empty-strings", lambda r: [a.update(id="", name="", aliases=[""]) for a in r["actors"]])
    # two lines: the same article twice, once dated from the record
    twin = json.loads(json.dumps(base))
    twin["article"]["dct"] = {"value": "2014-04-02", "source": "given"}
    put(h, "twice-same-article", json.dumps(base, ensure_ascii=False).encode("utf-8") + b"\n" + json.dumps(twin, ensure_ascii=False).encode("utf-8") + b"\n")
    # two articles that report one event (years passed across articles)
    undated = json.loads(json.dumps(recs[1]))
    undated["article"]["dct"] = {"value": None, "source": "none"}
    for e in undated["events"]:
        e["date"]["value"] = "XXXX" + e["date"]["value"][4:]
        e["date"]["year_source"] = "unknown"
    put(h, "two-articles", lines[0] + json.dumps(undated, ensure_ascii=False).encode("utf-8") + b"\n")
    skipped = (b'{"schema":"biennien-extract/2","skipped":{"path":"corpus/wire.jsonl","line":3,'
               b'"reason":"invalid UTF-8 at byte 5 of the line; record skipped (--lenient replaces it)"}}\n')
    put(h, "skipped", skipped)
    put(h, "skipped-and-article", skipped + lines[2])
    put(h, "hostile-skipped-types", b'{"schema":"x","skipped":{"path":"","line":1e99,"reason":"\\u00e0\\ud800"}}\n'
        b'{"skipped":{"path":["a"],"line":-1,"reason":null}}\n{"skipped":{"path":"p","reason":""}}\n')
    put(h, "hostile-empty", b"")
    put(h, "hostile-newlines", b"\n\n\n")
    put(h, "hostile-deep-nesting", b'{"schema": ' + b"[" * 5000 + b"]" * 5000 + b"}\n")
    put(h, "hostile-huge-numbers", b'{"schema": "biennien-extract/2", "article": 1e999999, "actors": [], "events": []}\n')
    put(h, "hostile-invalid-utf8", lines[0].replace(b'"actors"', b'"act\xff\xc3rs"', 1))


def main():
    biennien = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "tools", "biennien")
    for h in ("fuzz_reader", "fuzz_dates", "fuzz_actors", "fuzz_extract", "fuzz_jsonl", "fuzz_kb"):
        shutil.rmtree(os.path.join(OUT, h), ignore_errors=True)
    text_seeds("fuzz_reader", case_pages("dates_cases.tsv", 40)[:2])
    text_seeds("fuzz_dates", case_pages("dates_cases.tsv", 25))
    text_seeds("fuzz_actors", case_pages("actors_cases.tsv", 20))
    # fuzz_extract: the first byte chooses the record's options (fuzz_extract.c)
    h = "fuzz_extract"
    flags = [0x00, 0x01, 0x03, 0x05, 0x17, 0x28, 0x40, 0x7F]
    for i, (name, data) in enumerate(articles()):
        put(h, "example-" + name, bytes([flags[i % len(flags)]]) + data)
    for i, (name, data) in enumerate(HOSTILE_TEXTS.items()):
        put(h, "hostile-" + name, bytes([flags[i % len(flags)] | 0x08]) + data)
    for i, page in enumerate(case_pages("events_cases.tsv", 12)):
        put(h, "cases-%02d" % i, bytes([flags[i % len(flags)]]) + page)
    jsonl_seeds()
    kb_seeds()
    merge_seeds(biennien)
    total = 0
    for h in sorted(written):
        print("%-14s %7d bytes" % (h, written[h]))
        total += written[h]
    print("%-14s %7d bytes" % ("total", total))
    if total >= 1 << 20:
        sys.exit("make_corpus: the corpus is over 1 MB")


if __name__ == "__main__":
    main()
