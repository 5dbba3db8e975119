#!/usr/bin/python3
"""The graph files in a real client: networkx (Debian's python3-networkx,
2.8) reads graph.graphml, actors-events.graphml and graph.gexf built from
examples/, and what it reads agrees with timeline.json: node and edge
counts, and the attributes of every node and edge.

usage: graph_clients.py BIENNIEN CORPUS WORKDIR
Skipped (exit 77) with a message when networkx cannot be imported."""
import json
import os
import shutil
import subprocess
import sys

try:
    import networkx as nx
except ImportError:
    print("SKIP: networkx cannot be imported by %s (Debian: apt-get install python3-networkx)" % sys.executable)
    sys.exit(77)

n = 0
fails = 0


def check(what, ok, detail=""):
    global n, fails
    n += 1
    if ok:
        print("ok %d - %s" % (n, what))
    else:
        fails += 1
        print("not ok %d - %s%s" % (n, what, (": " + detail) if detail else ""))


def close(a, b, rel=1e-5):
    return abs(a - b) <= rel * max(1.0, abs(a), abs(b))


def mismatches(pairs):
    """The first few (key, what networkx read, what timeline.json says) that differ."""
    bad = [p for p in pairs if not (close(p[1], p[2]) if isinstance(p[2], float) else p[1] == p[2])]
    return len(bad) == 0, "%d mismatches, e.g. %s" % (len(bad), bad[:3])


bin_, corpus, work = sys.argv[1:4]
shutil.rmtree(work, ignore_errors=True)
r = subprocess.run([bin_, "build", "-q", "--format", "json,graphml,bipartite,gexf", corpus, "-o", work],
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
check("build: status 0", r.returncode == 0, r.stderr.decode(errors="replace"))
tl = json.load(open(os.path.join(work, "timeline.json"), encoding="utf-8"))
actors = {a["id"]: a for a in tl["actors"]}
for a in actors.values():  # no community (an actor without relations): null in JSON, -1 in the graphs
    if a.get("community") is None:
        a["community"] = -1
relations = {(r["source"], r["target"]): r for r in tl["relations"]}
check("the examples give actors, events and relations",
      len(actors) > 10 and len(tl["events"]) > 10 and len(relations) > 10)

# graph.graphml: one node per actor, one edge per relation
g = nx.read_graphml(os.path.join(work, "graph.graphml"))
check("graph.graphml: a directed graph", g.is_directed())
check("graph.graphml: nodes = actors (%d)" % len(actors), g.number_of_nodes() == len(actors),
      str(g.number_of_nodes()))
check("graph.graphml: edges = relations (%d)" % len(relations), g.number_of_edges() == len(relations),
      str(g.number_of_edges()))
check("graph.graphml: node ids are the actors'", {d["id"] for _, d in g.nodes(data=True)} == set(actors))
pairs = []
for _, d in g.nodes(data=True):
    a = actors.get(d["id"], {})
    for key in ("name", "kind", "mentions", "events", "degree", "pagerank", "betweenness", "community"):
        got = d.get("label" if key == "name" else key)
        want = a.get(key)
        if isinstance(want, (int, float)) and not isinstance(want, bool):
            got, want = float(got), float(want)
        pairs.append((d["id"] + "." + key, got, want))
ok, why = mismatches(pairs)
check("graph.graphml: every actor's name, kind, counts and metrics", ok, why)
ids = {v: d["id"] for v, d in g.nodes(data=True)}
pairs = []
for u, v, d in g.edges(data=True):
    rel = relations.get((ids[u], ids[v]))
    if rel is None:
        pairs.append(((ids[u], ids[v]), "an edge", "no relation"))
        continue
    pairs += [((ids[u], ids[v], "weight"), float(d["weight"]), float(rel["count"])),
              ((ids[u], ids[v], "goldstein"), float(d["goldstein"]), float(rel["goldstein"])),
              # no dated event: null in JSON, no value in GraphML
              ((ids[u], ids[v], "first"), d.get("first") or None, rel["first"]),
              ((ids[u], ids[v], "last"), d.get("last") or None, rel["last"])]
    for t, c in rel["types"].items():
        pairs.append(((ids[u], ids[v], t), float(d[t]), float(c)))
ok, why = mismatches(pairs)
check("graph.graphml: every relation's direction, count, Goldstein sum, dates and types", ok, why)

# actors-events.graphml: actors and events, an edge per actor of an event
b = nx.read_graphml(os.path.join(work, "actors-events.graphml"))
roles = sum(len(e["actors"]) for e in tl["events"])
check("actors-events.graphml: nodes = actors + events (%d + %d)" % (len(actors), len(tl["events"])),
      b.number_of_nodes() == len(actors) + len(tl["events"]), str(b.number_of_nodes()))
check("actors-events.graphml: edges = actors named by events (%d)" % roles, b.number_of_edges() == roles,
      str(b.number_of_edges()))
kinds = [d.get("type") for _, d in b.nodes(data=True)]
check("actors-events.graphml: the two sides by 'type' (0 actors, 1 events)",
      kinds.count(0.0) == len(actors) and kinds.count(1.0) == len(tl["events"]))
bid = {v: d["id"] for v, d in b.nodes(data=True)}
events = {e["id"]: e for e in tl["events"]}
got = sorted(tuple(sorted((bid[u], bid[v]))) + (d["role"],) for u, v, d in b.edges(data=True))
want = sorted(tuple(sorted((a["id"], e["id"]))) + (a["role"],) for e in tl["events"] for a in e["actors"])
check("actors-events.graphml: each edge an actor of an event, with its role", got == want)
pairs = [(bid[v], (d["kind"], d.get("date")), (events[bid[v]]["type"], events[bid[v]]["date"]["value"]))
         for v, d in b.nodes(data=True) if d.get("type") == 1.0]
ok, why = mismatches(pairs)
check("actors-events.graphml: every event's type and date", ok, why)

# graph.gexf: GEXF 1.2draft; the actors who take part in events, every relation
x = nx.read_gexf(os.path.join(work, "graph.gexf"))
acting = {i for i, a in actors.items() if a["events"] > 0}
check("graph.gexf: read, directed, dynamic", x.is_directed() and x.graph.get("mode") == "dynamic")
check("graph.gexf: nodes = actors with events (%d)" % len(acting), set(x.nodes) == acting, str(x.number_of_nodes()))
check("graph.gexf: edges = relations (%d)" % len(relations),
      x.number_of_edges() == len(relations) and set(x.edges) == set(relations), str(x.number_of_edges()))
pairs = []
for v, d in x.nodes(data=True):
    a = actors.get(v, {})
    pairs += [((v, "label"), d["label"], a.get("name")), ((v, "kind"), d["kind"], a.get("kind")),
              ((v, "events"), d["events"], a.get("events")), ((v, "community"), d["community"], a.get("community")),
              ((v, "pagerank"), d["pagerank"], float(a.get("pagerank", 0)))]
ok, why = mismatches(pairs)
check("graph.gexf: every actor's name, kind, events, community and PageRank", ok, why)


def days(e):
    """The first and last day of an event's date, as graph.gexf spells them; None when unplaced."""
    import calendar
    d = e["date"]
    v = d["value"]
    if not v or v[:4] == "XXXX" or d["precision"] not in ("day", "month", "year") or len(v) not in (4, 7, 10):
        return None
    end = d.get("end") or v
    lo = v + {4: "-01-01", 7: "-01", 10: ""}[len(v)]
    y, m = int(end[:4]), int(end[5:7]) if len(end) >= 7 else 12
    hi = end if len(end) == 10 else "%04d-%02d-%02d" % (y, m, calendar.monthrange(y, m)[1])
    return lo, hi


pairs = []
for (s, t), d in x.edges.items():
    rel = relations[(s, t)]
    inter = d.get("interactions", [])
    pairs += [((s, t, "weight"), d["weight"], float(rel["count"])),
              ((s, t, "goldstein"), d["goldstein"], float(rel["goldstein"])),
              ((s, t, "spells = interactions' runs"), [(a, b) for _, a, b in inter], d.get("spells", [])),
              ((s, t, "interactions <= count"), sum(c for c, _, _ in inter) <= rel["count"], True)]
    # every dated event of the relation lies in one run
    for ev in rel["events"]:
        span = days(events[ev])
        if span:
            pairs.append(((s, t, ev), any(a <= span[0] and span[1] <= b for _, a, b in inter), True))
ok, why = mismatches(pairs)
check("graph.gexf: every relation's weight, Goldstein sum, spells, and interactions by run", ok, why)
total = sum(c for d in x.edges.values() for c, _, _ in d.get("interactions", []))
check("graph.gexf: some interactions dated", total > 0)

print("# networkx %s: graph.graphml %d nodes %d edges; actors-events.graphml %d nodes %d edges; "
      "graph.gexf %d nodes %d edges, %d dated interactions"
      % (nx.__version__, g.number_of_nodes(), g.number_of_edges(), b.number_of_nodes(), b.number_of_edges(),
         x.number_of_nodes(), x.number_of_edges(), total))
print("1..%d" % n)
sys.exit(1 if fails else 0)
