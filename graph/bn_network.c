#include "bn_network.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <igraph.h>

#include "bn_array.h"

struct bn_network_graph {
    igraph_t g;
};

/* Louvain's vertex order is random: a fixed seed keeps outputs stable. */
enum { COMMUNITY_SEED = 20220112 };

enum { BETWEENNESS_FULL = 20000, BETWEENNESS_CUTOFF = 4 };

void bn_network_global_init(void)
{
    igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
    igraph_set_attribute_table(&igraph_cattribute_table);
}

void bn_network_free(bn_network *net)
{
    if (!net)
        return;
    for (size_t i = 0; i < net->nrelations; i++)
        free(net->relations[i].events);
    free(net->relations);
    free(net->metrics);
    if (net->graph) {
        igraph_destroy(&net->graph->g);
        free(net->graph);
    }
    free(net);
}

/* ---- relations ------------------------------------------------------ */

typedef struct rel_builder {
    bn_network *net;
    size_t cap;
    /* (source, target) -> relation index, open addressing */
    struct rslot {
        size_t s, t, idx;
        int used;
    } *table;
    size_t tsize;
} rel_builder;

static size_t slot_of(size_t s, size_t t, size_t mask)
{
    uint64_t h = (uint64_t)s * 0x9e3779b97f4a7c15ull ^ (uint64_t)t * 0xff51afd7ed558ccdull;
    return (size_t)(h ^ (h >> 29)) & mask;
}

static long rel_find(rel_builder *b, size_t s, size_t t)
{
    if ((b->net->nrelations + 1) * 2 > b->tsize) {
        size_t nsize = b->tsize ? b->tsize * 2 : 256;
        struct rslot *nt = calloc(nsize, sizeof *nt);
        if (!nt)
            return -1;
        for (size_t i = 0; i < b->tsize; i++)
            if (b->table[i].used) {
                size_t h = slot_of(b->table[i].s, b->table[i].t, nsize - 1);
                while (nt[h].used)
                    h = (h + 1) & (nsize - 1);
                nt[h] = b->table[i];
            }
        free(b->table);
        b->table = nt;
        b->tsize = nsize;
    }
    size_t h = slot_of(s, t, b->tsize - 1);
    while (b->table[h].used && !(b->table[h].s == s && b->table[h].t == t))
        h = (h + 1) & (b->tsize - 1);
    if (b->table[h].used)
        return (long)b->table[h].idx;
    bn_network *net = b->net;
    if (bn_grow((void **)&net->relations, &b->cap, net->nrelations + 1, sizeof *net->relations))
        return -1;
    bn_relation *r = &net->relations[net->nrelations];
    memset(r, 0, sizeof *r);
    r->source = s;
    r->target = t;
    b->table[h] = (struct rslot){s, t, net->nrelations, 1};
    return (long)net->nrelations++;
}

static int add_interaction(rel_builder *b, const bn_timeline *tl, size_t s, size_t t, size_t ev)
{
    if (s == t)
        return 0;
    long i = rel_find(b, s, t);
    if (i < 0)
        return -1;
    bn_relation *r = &b->net->relations[i];
    if (r->nevents && r->events[r->nevents - 1] == ev)
        return 0; /* one event, one interaction, however many times an actor is named */
    const bn_event *e = &tl->events[ev].ev;
    r->count++;
    r->goldstein += e->goldstein;
    r->types[e->type]++;
    const bn_date *d = &e->date.value;
    if (d->year) {
        if (!r->first || bn_date_cmp(d, r->first) < 0)
            r->first = d;
        const bn_date *end = e->date.has_end ? &e->date.end : d;
        if (!r->last || bn_date_cmp(end, r->last) > 0)
            r->last = end;
    }
    if (bn_grow((void **)&r->events, &r->events_cap, r->nevents + 1, sizeof *r->events))
        return -1;
    r->events[r->nevents++] = ev;
    return 0;
}

/* Sources act on targets; an event without targets links its sources to
 * one another (a meeting of several), and likewise for targets only. */
static int add_event(rel_builder *b, const bn_timeline *tl, size_t ev)
{
    const bn_event *e = &tl->events[ev].ev;
    size_t ns = 0, nt = 0;
    for (size_t i = 0; i < e->nactors; i++)
        e->actors[i].role == BN_ROLE_TARGET ? nt++ : ns++;
    for (size_t i = 0; i < e->nactors; i++) {
        for (size_t j = 0; j < e->nactors; j++) {
            bn_role ri = e->actors[i].role == BN_ROLE_TARGET ? BN_ROLE_TARGET : BN_ROLE_SOURCE;
            bn_role rj = e->actors[j].role == BN_ROLE_TARGET ? BN_ROLE_TARGET : BN_ROLE_SOURCE;
            int link = (ns && nt) ? (ri == BN_ROLE_SOURCE && rj == BN_ROLE_TARGET) : (i < j);
            if (!link)
                continue;
            long s = bn_timeline_actor(tl, e->actors[i].id), t = bn_timeline_actor(tl, e->actors[j].id);
            if (s < 0 || t < 0)
                continue;
            if (add_interaction(b, tl, (size_t)s, (size_t)t, ev))
                return -1;
        }
    }
    return 0;
}

/* Actors are ordered by id, so this order does not depend on the input. */
static int relation_order(const void *va, const void *vb)
{
    const bn_relation *a = va, *b = vb;
    if (a->source != b->source)
        return a->source < b->source ? -1 : 1;
    return (a->target > b->target) - (a->target < b->target);
}

/* ---- the igraph graph and its metrics -------------------------------- */

static igraph_error_t set_numeric(igraph_t *g, const char *name, const double *v, size_t n, int vertex)
{
    igraph_vector_t vec;
    IGRAPH_CHECK(igraph_vector_init(&vec, (igraph_integer_t)n));
    IGRAPH_FINALLY(igraph_vector_destroy, &vec);
    for (size_t i = 0; i < n; i++)
        VECTOR(vec)[i] = v[i];
    IGRAPH_CHECK(vertex ? SETVANV(g, name, &vec) : SETEANV(g, name, &vec));
    igraph_vector_destroy(&vec);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

/* The graph with the relations as edges and what we know as attributes. */
static igraph_error_t make_graph(igraph_t *g, const bn_timeline *tl, const bn_network *net)
{
    size_t nv = tl->nactors, ne = net->nrelations;
    igraph_vector_int_t edges;
    IGRAPH_CHECK(igraph_vector_int_init(&edges, (igraph_integer_t)(2 * ne)));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &edges);
    for (size_t i = 0; i < ne; i++) {
        VECTOR(edges)[2 * i] = (igraph_integer_t)net->relations[i].source;
        VECTOR(edges)[2 * i + 1] = (igraph_integer_t)net->relations[i].target;
    }
    IGRAPH_CHECK(igraph_create(g, &edges, (igraph_integer_t)nv, IGRAPH_DIRECTED));
    igraph_vector_int_destroy(&edges);
    IGRAPH_FINALLY_CLEAN(1);
    IGRAPH_FINALLY(igraph_destroy, g);
    double *num = malloc(((nv > ne ? nv : ne) + 1) * sizeof *num);
    IGRAPH_CHECK_OOM(num, "attributes");
    IGRAPH_FINALLY(free, num);
    for (size_t i = 0; i < nv; i++) {
        const bn_tl_actor *a = &tl->actors[i];
        igraph_integer_t v = (igraph_integer_t)i;
        IGRAPH_CHECK(SETVAS(g, "id", v, a->id));
        IGRAPH_CHECK(SETVAS(g, "label", v, a->name));
        IGRAPH_CHECK(SETVAS(g, "name_vi", v, a->name_local));
        IGRAPH_CHECK(SETVAS(g, "kind", v, bn_kind_name(a->kind)));
        IGRAPH_CHECK(SETVAS(g, "affiliation", v, a->affiliation ? a->affiliation : ""));
    }
#define VERTEX_NUM(NAME, EXPR)                          \
    do {                                                \
        for (size_t i = 0; i < nv; i++)                 \
            num[i] = (EXPR);                            \
        IGRAPH_CHECK(set_numeric(g, NAME, num, nv, 1)); \
    } while (0)
    VERTEX_NUM("known", tl->actors[i].known);
    VERTEX_NUM("mentions", tl->actors[i].mentions);
    VERTEX_NUM("articles", tl->actors[i].articles);
    VERTEX_NUM("events", tl->actors[i].events);
#define EDGE_NUM(NAME, EXPR)                            \
    do {                                                \
        for (size_t i = 0; i < ne; i++)                 \
            num[i] = (EXPR);                            \
        IGRAPH_CHECK(set_numeric(g, NAME, num, ne, 0)); \
    } while (0)
    EDGE_NUM("weight", net->relations[i].count);
    EDGE_NUM("goldstein", net->relations[i].goldstein);
    for (int t = 0; t < BN_EV_COUNT; t++)
        EDGE_NUM(bn_event_type_name((bn_event_type)t), net->relations[i].types[t]);
    for (size_t i = 0; i < ne; i++) {
        const bn_relation *r = &net->relations[i];
        char first[BN_TIMEX_MAX] = "", last[BN_TIMEX_MAX] = "";
        IGRAPH_CHECK(SETEAS(g, "first", (igraph_integer_t)i, r->first ? bn_date_format(r->first, first) : first));
        IGRAPH_CHECK(SETEAS(g, "last", (igraph_integer_t)i, r->last ? bn_date_format(r->last, last) : last));
    }
    free(num);
    IGRAPH_FINALLY_CLEAN(2); /* g goes to the caller */
    return IGRAPH_SUCCESS;
}

typedef struct community {
    size_t id, size, first;
} community;

static int community_order(const void *va, const void *vb)
{
    const community *a = va, *b = vb;
    if (a->size != b->size)
        return a->size > b->size ? -1 : 1;
    return (a->first > b->first) - (a->first < b->first);
}

/* Communities renumbered by size (0 the largest), then by first member;
 * actors without relations get -1. */
static int number_communities(bn_network *net, const igraph_vector_int_t *membership, size_t nv)
{
    community *c = calloc(nv + 1, sizeof *c);
    size_t *rank = malloc((nv + 1) * sizeof *rank);
    if (!c || !rank) {
        free(c);
        free(rank);
        return -1;
    }
    for (size_t k = 0; k < nv; k++)
        c[k] = (community){k, 0, SIZE_MAX};
    for (size_t i = 0; i < nv; i++) {
        igraph_integer_t m = VECTOR(*membership)[i];
        if (net->metrics[i].degree == 0 || m < 0 || (size_t)m >= nv)
            continue;
        if (!c[m].size++)
            c[m].first = i;
    }
    bn_sort(c, nv, sizeof *c, community_order);
    net->ncommunities = 0;
    for (size_t k = 0; k < nv && c[k].size; k++) {
        rank[c[k].id] = k;
        net->ncommunities++;
    }
    for (size_t i = 0; i < nv; i++) {
        igraph_integer_t m = VECTOR(*membership)[i];
        net->metrics[i].community =
            net->metrics[i].degree == 0 || m < 0 || (size_t)m >= nv ? -1 : (long)rank[m];
    }
    free(rank);
    free(c);
    return 0;
}

/* Degree, strengths, PageRank, betweenness and communities, kept in
 * net->metrics and set as vertex attributes. */
static igraph_error_t compute_metrics(igraph_t *g, bn_network *net, size_t nv)
{
    size_t ne = net->nrelations;
    igraph_vector_t w, res;
    igraph_vector_int_t ires;
    igraph_vs_t all = igraph_vss_all();
    IGRAPH_VECTOR_INIT_FINALLY(&w, (igraph_integer_t)ne);
    IGRAPH_VECTOR_INIT_FINALLY(&res, 0);
    IGRAPH_CHECK(igraph_vector_int_init(&ires, 0));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &ires);
    for (size_t i = 0; i < ne; i++)
        VECTOR(w)[i] = net->relations[i].count;
    /* distinct neighbours, either direction */
    igraph_t und;
    IGRAPH_CHECK(igraph_copy(&und, g));
    IGRAPH_FINALLY(igraph_destroy, &und);
    IGRAPH_CHECK(igraph_to_undirected(&und, IGRAPH_TO_UNDIRECTED_COLLAPSE, NULL));
    IGRAPH_CHECK(igraph_degree(&und, &ires, all, IGRAPH_ALL, IGRAPH_NO_LOOPS));
    for (size_t i = 0; i < nv; i++)
        net->metrics[i].degree = (double)VECTOR(ires)[i];
    igraph_destroy(&und);
    IGRAPH_FINALLY_CLEAN(1);
    IGRAPH_CHECK(igraph_strength(g, &res, all, IGRAPH_IN, IGRAPH_NO_LOOPS, &w));
    for (size_t i = 0; i < nv; i++)
        net->metrics[i].in_strength = VECTOR(res)[i];
    IGRAPH_CHECK(igraph_strength(g, &res, all, IGRAPH_OUT, IGRAPH_NO_LOOPS, &w));
    for (size_t i = 0; i < nv; i++)
        net->metrics[i].out_strength = VECTOR(res)[i];
    IGRAPH_CHECK(igraph_pagerank(g, IGRAPH_PAGERANK_ALGO_PRPACK, &res, NULL, all, IGRAPH_DIRECTED, 0.85,
                                 ne ? &w : NULL, NULL));
    for (size_t i = 0; i < nv; i++)
        net->metrics[i].pagerank = VECTOR(res)[i];
    /* unweighted: Dijkstra from every actor costs several times more than
     * breadth-first search, for a ranking that hardly differs; past
     * BETWEENNESS_FULL actors only paths of up to BETWEENNESS_CUTOFF steps
     * count (the full measure grows with actors times relations) */
    IGRAPH_CHECK(igraph_betweenness_cutoff(g, &res, all, IGRAPH_UNDIRECTED, NULL,
                                           nv <= BETWEENNESS_FULL ? -1 : BETWEENNESS_CUTOFF));
    for (size_t i = 0; i < nv; i++)
        net->metrics[i].betweenness = VECTOR(res)[i];
    /* Louvain wants an undirected graph: each relation an edge, so a pair
     * acting both ways counts both */
    IGRAPH_CHECK(igraph_copy(&und, g));
    IGRAPH_FINALLY(igraph_destroy, &und);
    IGRAPH_CHECK(igraph_to_undirected(&und, IGRAPH_TO_UNDIRECTED_EACH, NULL));
    igraph_real_t q = 0;
    IGRAPH_CHECK(igraph_rng_seed(igraph_rng_default(), COMMUNITY_SEED));
    IGRAPH_CHECK(igraph_community_multilevel(&und, ne ? &w : NULL, 1.0, &ires, NULL, NULL));
    if (ne)
        IGRAPH_CHECK(igraph_modularity(&und, &ires, &w, 1.0, IGRAPH_UNDIRECTED, &q));
    net->modularity = ne ? q : 0;
    igraph_destroy(&und);
    IGRAPH_FINALLY_CLEAN(1);
    if (number_communities(net, &ires, nv) != 0)
        IGRAPH_ERROR("communities", IGRAPH_ENOMEM);
    double *num = malloc((nv + 1) * sizeof *num);
    IGRAPH_CHECK_OOM(num, "attributes");
    IGRAPH_FINALLY(free, num);
#define METRIC(NAME, FIELD)                             \
    do {                                                \
        for (size_t i = 0; i < nv; i++)                 \
            num[i] = (double)net->metrics[i].FIELD;     \
        IGRAPH_CHECK(set_numeric(g, NAME, num, nv, 1)); \
    } while (0)
    METRIC("degree", degree);
    METRIC("in_strength", in_strength);
    METRIC("out_strength", out_strength);
    METRIC("pagerank", pagerank);
    METRIC("betweenness", betweenness);
    METRIC("community", community);
    free(num);
    IGRAPH_FINALLY_CLEAN(1);
    igraph_vector_int_destroy(&ires);
    igraph_vector_destroy(&res);
    igraph_vector_destroy(&w);
    IGRAPH_FINALLY_CLEAN(3);
    return IGRAPH_SUCCESS;
}

static bn_status igraph_failed(bn_error *err, igraph_error_t ie, const char *what)
{
    return bn_error_set(err, ie == IGRAPH_ENOMEM ? BN_ERR_NOMEM : BN_ERR_LIBRARY, "", 0, 0, 0, "igraph, %s: %s",
                        what, igraph_strerror(ie));
}

bn_status bn_network_build(const bn_timeline *tl, bn_network **out, bn_error *err)
{
    *out = NULL;
    bn_network *net = calloc(1, sizeof *net);
    if (!net)
        return bn_error_set(err, BN_ERR_NOMEM, "", 0, 0, 0, "out of memory building the network");
    net->metrics = calloc(tl->nactors + 1, sizeof *net->metrics);
    net->graph = calloc(1, sizeof *net->graph);
    rel_builder b = {.net = net};
    bn_status st = net->metrics && net->graph ? BN_OK : BN_ERR_NOMEM;
    for (size_t i = 0; i < tl->nevents && st == BN_OK; i++)
        if (add_event(&b, tl, i))
            st = BN_ERR_NOMEM;
    free(b.table);
    if (st != BN_OK) {
        free(net->graph);
        net->graph = NULL;
        bn_network_free(net);
        return bn_error_set(err, st, "", 0, 0, 0, "out of memory building the network");
    }
    bn_sort(net->relations, net->nrelations, sizeof *net->relations, relation_order);
    igraph_error_t ie = make_graph(&net->graph->g, tl, net);
    if (ie) {
        free(net->graph);
        net->graph = NULL;
        bn_network_free(net);
        return igraph_failed(err, ie, "building the network");
    }
    ie = compute_metrics(&net->graph->g, net, tl->nactors);
    if (ie) {
        bn_network_free(net);
        return igraph_failed(err, ie, "network metrics");
    }
    *out = net;
    return BN_OK;
}

/* ---- GraphML ---------------------------------------------------------- */

static bn_status write_graph(const igraph_t *g, FILE *f, const char *path, bn_error *err)
{
    igraph_error_t ie = igraph_write_graph_graphml(g, f, 0);
    if (ie == IGRAPH_EFILE)
        return bn_error_set(err, BN_ERR_IO, path, 0, 0, 0, "cannot write: %s", strerror(errno));
    if (ie)
        return bn_error_set(err, BN_ERR_LIBRARY, path, 0, 0, 0, "igraph: %s", igraph_strerror(ie));
    return BN_OK;
}

bn_status bn_network_write_graphml(const bn_network *net, FILE *f, const char *path, bn_error *err)
{
    return write_graph(&net->graph->g, f, path, err);
}

static igraph_error_t make_bipartite(igraph_t *g, const bn_timeline *tl)
{
    size_t na = tl->nactors, nv = na + tl->nevents, ne = 0;
    for (size_t i = 0; i < tl->nevents; i++)
        ne += tl->events[i].ev.nactors;
    igraph_vector_int_t edges;
    IGRAPH_CHECK(igraph_vector_int_init(&edges, (igraph_integer_t)(2 * ne)));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &edges);
    size_t k = 0;
    for (size_t i = 0; i < tl->nevents; i++)
        for (size_t j = 0; j < tl->events[i].ev.nactors; j++) {
            long a = bn_timeline_actor(tl, tl->events[i].ev.actors[j].id);
            VECTOR(edges)[2 * k] = a < 0 ? 0 : (igraph_integer_t)a;
            VECTOR(edges)[2 * k + 1] = (igraph_integer_t)(na + i);
            k++;
        }
    IGRAPH_CHECK(igraph_create(g, &edges, (igraph_integer_t)nv, IGRAPH_UNDIRECTED));
    igraph_vector_int_destroy(&edges);
    IGRAPH_FINALLY_CLEAN(1);
    IGRAPH_FINALLY(igraph_destroy, g);
    for (size_t i = 0; i < na; i++) {
        igraph_integer_t v = (igraph_integer_t)i;
        IGRAPH_CHECK(SETVAN(g, "type", v, 0));
        IGRAPH_CHECK(SETVAS(g, "id", v, tl->actors[i].id));
        IGRAPH_CHECK(SETVAS(g, "label", v, tl->actors[i].name));
        IGRAPH_CHECK(SETVAS(g, "kind", v, bn_kind_name(tl->actors[i].kind)));
        IGRAPH_CHECK(SETVAS(g, "date", v, ""));
        IGRAPH_CHECK(SETVAN(g, "articles", v, tl->actors[i].articles));
    }
    for (size_t i = 0; i < tl->nevents; i++) {
        const bn_tl_event *e = &tl->events[i];
        igraph_integer_t v = (igraph_integer_t)(na + i);
        char label[96], date[BN_TIMEX_MAX];
        bn_date_format(&e->ev.date.value, date);
        snprintf(label, sizeof label, "%s %s", bn_event_type_name(e->ev.type), date);
        IGRAPH_CHECK(SETVAN(g, "type", v, 1));
        IGRAPH_CHECK(SETVAS(g, "id", v, e->id));
        IGRAPH_CHECK(SETVAS(g, "label", v, label));
        IGRAPH_CHECK(SETVAS(g, "kind", v, bn_event_type_name(e->ev.type)));
        IGRAPH_CHECK(SETVAS(g, "date", v, date));
        IGRAPH_CHECK(SETVAN(g, "articles", v, e->articles));
    }
    k = 0;
    for (size_t i = 0; i < tl->nevents; i++)
        for (size_t j = 0; j < tl->events[i].ev.nactors; j++)
            IGRAPH_CHECK(SETEAS(g, "role", (igraph_integer_t)k++, bn_role_name(tl->events[i].ev.actors[j].role)));
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

bn_status bn_network_write_bipartite_graphml(const bn_timeline *tl, FILE *f, const char *path, bn_error *err)
{
    igraph_t g;
    igraph_error_t ie = make_bipartite(&g, tl);
    if (ie)
        return bn_error_set(err, BN_ERR_LIBRARY, path, 0, 0, 0, "igraph: %s", igraph_strerror(ie));
    bn_status st = write_graph(&g, f, path, err);
    igraph_destroy(&g);
    return st;
}
