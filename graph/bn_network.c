#include "bn_network.h"

#include <stdlib.h>
#include <string.h>

#include <igraph.h>

#include "bn_arena.h"

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
    free(net->degree);
    free(net->pagerank);
    free(net);
}

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

static long rel_find(rel_builder *b, size_t s, size_t t, int create)
{
    if (create && (b->net->nrelations + 1) * 2 > b->tsize) {
        size_t nsize = b->tsize ? b->tsize * 2 : 256;
        struct rslot *nt = calloc(nsize, sizeof *nt);
        if (!nt)
            return -2;
        for (size_t i = 0; i < b->tsize; i++)
            if (b->table[i].used) {
                size_t h = (b->table[i].s * 31 + b->table[i].t) & (nsize - 1);
                while (nt[h].used)
                    h = (h + 1) & (nsize - 1);
                nt[h] = b->table[i];
            }
        free(b->table);
        b->table = nt;
        b->tsize = nsize;
    }
    if (!b->tsize)
        return -1;
    size_t h = (s * 31 + t) & (b->tsize - 1);
    while (b->table[h].used && !(b->table[h].s == s && b->table[h].t == t))
        h = (h + 1) & (b->tsize - 1);
    if (b->table[h].used)
        return (long)b->table[h].idx;
    if (!create)
        return -1;
    bn_network *net = b->net;
    if (bn_grow((void **)&net->relations, &b->cap, net->nrelations + 1, sizeof *net->relations))
        return -2;
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
    long i = rel_find(b, s, t, 1);
    if (i < 0)
        return -1;
    bn_relation *r = &b->net->relations[i];
    const bn_event *e = &tl->events[ev].ev;
    r->count++;
    r->goldstein += e->goldstein;
    r->types[e->type]++;
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
            size_t s = (size_t)bn_timeline_actor(tl, e->actors[i].id);
            size_t t = (size_t)bn_timeline_actor(tl, e->actors[j].id);
            if (add_interaction(b, tl, s, t, ev))
                return -1;
        }
    }
    return 0;
}

/* Actors are indexed in order of first sight, which follows the input
 * order, so this order is deterministic. */
static int relation_order(const void *va, const void *vb)
{
    const bn_relation *a = va, *b = vb;
    if (a->source != b->source)
        return a->source < b->source ? -1 : 1;
    return (a->target > b->target) - (a->target < b->target);
}

static bn_status metrics(const bn_timeline *tl, bn_network *net, bn_error *err)
{
    igraph_t g;
    igraph_vector_int_t edges;
    igraph_vector_t weights, pr, deg;
    igraph_vs_t all = igraph_vss_all();
    size_t nv = tl->nactors;
    if (igraph_vector_int_init(&edges, (igraph_integer_t)(2 * net->nrelations)))
        return bn_error_set(err, BN_ERR_NOMEM, "", 0, 0, 0, "out of memory");
    if (igraph_vector_init(&weights, (igraph_integer_t)net->nrelations)) {
        igraph_vector_int_destroy(&edges);
        return bn_error_set(err, BN_ERR_NOMEM, "", 0, 0, 0, "out of memory");
    }
    for (size_t i = 0; i < net->nrelations; i++) {
        VECTOR(edges)[2 * i] = (igraph_integer_t)net->relations[i].source;
        VECTOR(edges)[2 * i + 1] = (igraph_integer_t)net->relations[i].target;
        VECTOR(weights)[i] = net->relations[i].count;
    }
    igraph_error_t ie = igraph_create(&g, &edges, (igraph_integer_t)nv, IGRAPH_DIRECTED);
    igraph_vector_int_destroy(&edges);
    if (ie) {
        igraph_vector_destroy(&weights);
        return bn_error_set(err, BN_ERR_LIBRARY, "", 0, 0, 0, "igraph: %s", igraph_strerror(ie));
    }
    igraph_vector_init(&pr, 0);
    igraph_vector_init(&deg, 0);
    igraph_vector_int_t degi;
    igraph_vector_int_init(&degi, 0);
    ie = igraph_pagerank(&g, IGRAPH_PAGERANK_ALGO_PRPACK, &pr, NULL, all, IGRAPH_DIRECTED, 0.85,
                         net->nrelations ? &weights : NULL, NULL);
    if (!ie) {
        /* distinct neighbours, either direction */
        igraph_t und;
        ie = igraph_copy(&und, &g);
        if (!ie) {
            ie = igraph_to_undirected(&und, IGRAPH_TO_UNDIRECTED_COLLAPSE, NULL);
            if (!ie)
                ie = igraph_degree(&und, &degi, all, IGRAPH_ALL, IGRAPH_NO_LOOPS);
            igraph_destroy(&und);
        }
    }
    if (!ie) {
        for (size_t i = 0; i < nv; i++) {
            net->pagerank[i] = VECTOR(pr)[i];
            net->degree[i] = (double)VECTOR(degi)[i];
        }
    }
    igraph_vector_int_destroy(&degi);
    igraph_vector_destroy(&deg);
    igraph_vector_destroy(&pr);
    igraph_vector_destroy(&weights);
    igraph_destroy(&g);
    if (ie)
        return bn_error_set(err, BN_ERR_LIBRARY, "", 0, 0, 0, "igraph: %s", igraph_strerror(ie));
    return BN_OK;
}

bn_status bn_network_build(const bn_timeline *tl, bn_network **out, bn_error *err)
{
    *out = NULL;
    bn_network *net = calloc(1, sizeof *net);
    if (!net)
        return BN_ERR_NOMEM;
    net->degree = calloc(tl->nactors + 1, sizeof *net->degree);
    net->pagerank = calloc(tl->nactors + 1, sizeof *net->pagerank);
    rel_builder b = {.net = net};
    bn_status st = (net->degree && net->pagerank) ? BN_OK : BN_ERR_NOMEM;
    for (size_t i = 0; i < tl->nevents && st == BN_OK; i++)
        if (add_event(&b, tl, i))
            st = BN_ERR_NOMEM;
    free(b.table);
    if (st == BN_OK) {
        qsort(net->relations, net->nrelations, sizeof *net->relations, relation_order);
        st = metrics(tl, net, err);
    }
    if (st != BN_OK) {
        bn_network_free(net);
        return st == BN_ERR_NOMEM ? bn_error_set(err, st, "", 0, 0, 0, "out of memory building the network") : st;
    }
    *out = net;
    return BN_OK;
}
