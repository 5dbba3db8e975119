#!/usr/bin/env python3
"""What every output of a run must hold, whatever the input (the hostile
input of tests/injection/ in the suite: HTML and script in titles, texts,
article ids and --kb actor names; javascript:, data: and quote-breaking
urls):

- every XML output (SVG, GraphML, GEXF) is well-formed (Python's expat
  parser; xmllint --noout as well when it is installed);
- no link anywhere but http(s) ones and the page's own #fragments: href,
  src, xlink:href, action and the like in the report page and the SVGs,
  "url" in vis.json, links in TimelineJS's text, the url column of
  events.csv;
- no markup made of the data: the report page has its own one <script>
  and one event handler (onsubmit="return false") and no other; the SVGs
  have none; the HTML fields of vis.json and timelinejs.json hold only the
  tags biennien writes (TimelineJS: p, small, a);
- with --payload WORD: WORD (a string of the hostile input) reached every
  file, escaped or not, so the checks above were not vacuous.

Standard library only. usage: outputs_check.py [--payload WORD] [--dom FILE] OUTDIR
  --dom FILE: also check FILE (the report page as a browser left it,
  Chromium's --dump-dom) like timeline.html
Prints TAP; exit status 1 when a check fails."""
import csv
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

LINK = re.compile(r"^https?://[^/\x00-\x20\x7f]", re.IGNORECASE)
LINK_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset",
              "srcdoc", "ping", "cite", "codebase", "manifest", "lowsrc", "dynsrc"}
n = 0
fails = 0


def check(what, ok, detail=""):
    global n, fails
    n += 1
    print("%s %d - %s%s" % ("ok" if ok else "not ok", n, what, "" if ok or not detail else ": " + str(detail)[:300]))
    if not ok:
        fails += 1


def is_link(url):
    """As output/bn_links.c: http(s), a host, no space, control character
    or character RFC 3986 never allows unencoded."""
    return bool(LINK.match(url)) and not re.search(r"[\x00-\x20\x7f\"<>\\^`{|}]", url)


def fine_link(value):
    """A link attribute's value is fine when it is http(s) or a #fragment of the page."""
    return value.startswith("#") or is_link(value)


class Markup(html.parser.HTMLParser):
    """Tags, event handlers and links of an HTML (or SVG-in-HTML) text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.handlers, self.links = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for k, v in attrs:
            if k.startswith("on"):
                self.handlers.append((tag, k, v))
            if k in LINK_ATTRS:
                self.links.append((tag, k, v or ""))

    handle_startendtag = handle_starttag


def markup(text):
    p = Markup()
    p.feed(text)
    p.close()
    return p


def check_page(name, text):
    m = markup(text)
    check(name + ": one <script>, biennien's", m.tags.count("script") == 1, m.tags.count("script"))
    check(name + ": one event handler, the form's", m.handlers == [("form", "onsubmit", "return false")], m.handlers)
    bad = [l for l in m.links if not fine_link(l[2])]
    check(name + ": every link http(s) or #fragment (%d links)" % len(m.links), not bad, bad)
    for t in ("iframe", "object", "embed", "img", "details", "foreignobject", "base", "meta http-equiv"):
        if t in m.tags:
            check(name + ": no <%s>" % t, False)


def check_xml(path):
    name = os.path.basename(path)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        check(name + ": well-formed XML", False, e)
        return
    check(name + ": well-formed XML", True)
    if shutil.which("xmllint"):
        r = subprocess.run(["xmllint", "--noout", path], capture_output=True, text=True)
        check(name + ": xmllint --noout", r.returncode == 0, r.stderr)
    scripts, handlers, links = [], [], []
    for el in root.iter():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag in ("script", "foreignObject", "iframe", "handler", "listener"):
            scripts.append(tag)
        for k, v in el.attrib.items():
            local = k.rsplit("}", 1)[-1]
            if local.startswith("on"):
                handlers.append((tag, local))
            if local in LINK_ATTRS:
                links.append(v)
    check(name + ": no script element", not scripts, scripts)
    check(name + ": no event handler", not handlers, handlers)
    bad = [v for v in links if not fine_link(v)]
    check(name + ": every link http(s) or #fragment (%d links)" % len(links), not bad, bad)


def check_vis(path):
    d = json.load(open(path, encoding="utf-8"))
    bad = [it.get("url") for it in d["items"] if "url" in it and not is_link(it["url"])]
    check("vis.json: every url http(s)", not bad, bad)
    tags = [t for it in d["items"] for k in ("content", "title") for t in markup(it.get(k, "")).tags]
    tags += [t for g in d["groups"] for t in markup(g.get("content", "")).tags]
    check("vis.json: content and title are text (no tag)", not tags, tags)


def check_timelinejs(path):
    d = json.load(open(path, encoding="utf-8"))
    tags, links, handlers = [], [], []
    for e in d["events"] + [d.get("title", {})]:
        t = e.get("text", {})
        head = markup(t.get("headline", ""))
        body = markup(t.get("text", ""))
        tags += head.tags + [x for x in body.tags if x not in ("p", "small", "a")]
        links += body.links
        handlers += head.handlers + body.handlers
    check("timelinejs.json: only the tags biennien writes", not tags, tags)
    check("timelinejs.json: no event handler", not handlers, handlers)
    bad = [l for l in links if l[1] != "href" or not is_link(l[2])]
    check("timelinejs.json: every link http(s) (%d links)" % len(links), not bad, bad)


def check_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    bad = [r["url"] for r in rows if r.get("url") and not is_link(r["url"])]
    check("events.csv: every url http(s) or empty (%d rows)" % len(rows), "url" in (rows[0] if rows else {"url": 1})
          and not bad, bad)


def main(argv):
    payload, dom = None, None
    while argv and argv[0].startswith("--"):
        if argv[0] == "--payload":
            payload, argv = argv[1], argv[2:]
        elif argv[0] == "--dom":
            dom, argv = argv[1], argv[2:]
        else:
            break
    out = argv[0]
    files = sorted(os.listdir(out))
    check("outputs to check in " + out, bool(files))
    for f in files:
        p = os.path.join(out, f)
        if payload is not None:
            check(f + ": the payload reached it", payload in open(p, encoding="utf-8").read())
        if f.endswith((".svg", ".graphml", ".gexf")):
            check_xml(p)
        elif f == "timeline.html":
            check_page(f, open(p, encoding="utf-8").read())
        elif f == "vis.json":
            check_vis(p)
        elif f == "timelinejs.json":
            check_timelinejs(p)
        elif f == "events.csv":
            check_csv(p)
    if dom:
        check_page("the page in the browser", open(dom, encoding="utf-8").read())
    print("1..%d" % n)
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
