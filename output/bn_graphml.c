#include "bn_graphml.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <igraph.h>

static igraph_error_t build(igraph_t *g, const bn_timeline *tl, const bn_network *net)
{
    igraph_vector_int_t edges;
    IGRAPH_CHECK(igraph_vector_int_init(&edges, (igraph_integer_t)(2 * net->nrelations)));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &edges);
    for (size_t i = 0; i < net->nrelations; i++) {
        VECTOR(edges)[2 * i] = (igraph_integer_t)net->relations[i].source;
        VECTOR(edges)[2 * i + 1] = (igraph_integer_t)net->relations[i].target;
    }
    IGRAPH_CHECK(igraph_create(g, &edges, (igraph_integer_t)tl->nactors, IGRAPH_DIRECTED));
    IGRAPH_FINALLY(igraph_destroy, g);
    for (size_t i = 0; i < tl->nactors; i++) {
        const bn_tl_actor *a = &tl->actors[i];
        igraph_integer_t v = (igraph_integer_t)i;
        IGRAPH_CHECK(SETVAS(g, "id", v, a->id));
        IGRAPH_CHECK(SETVAS(g, "label", v, a->name));
        IGRAPH_CHECK(SETVAS(g, "name_vi", v, a->name_vi));
        IGRAPH_CHECK(SETVAS(g, "kind", v, bn_kind_name(a->kind)));
        IGRAPH_CHECK(SETVAN(g, "mentions", v, a->mentions));
        IGRAPH_CHECK(SETVAN(g, "events", v, a->events));
        IGRAPH_CHECK(SETVAN(g, "degree", v, net->degree[i]));
        IGRAPH_CHECK(SETVAN(g, "pagerank", v, net->pagerank[i]));
    }
    for (size_t i = 0; i < net->nrelations; i++) {
        const bn_relation *r = &net->relations[i];
        igraph_integer_t e = (igraph_integer_t)i;
        char types[256];
        size_t n = 0;
        types[0] = '\0';
        for (int t = 0; t < BN_EV_COUNT; t++)
            if (r->types[t] && n < sizeof types)
                n += (size_t)snprintf(types + n, sizeof types - n, "%s%s:%u", n ? " " : "",
                                      bn_event_type_name((bn_event_type)t), r->types[t]);
        IGRAPH_CHECK(SETEAN(g, "weight", e, r->count));
        IGRAPH_CHECK(SETEAN(g, "goldstein", e, r->goldstein));
        IGRAPH_CHECK(SETEAS(g, "types", e, types));
    }
    IGRAPH_FINALLY_CLEAN(1); /* g goes to the caller */
    igraph_vector_int_destroy(&edges);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

bn_status bn_write_graphml(const bn_timeline *tl, const bn_network *net, const char *path, bn_error *err)
{
    igraph_t g;
    igraph_error_t ie = build(&g, tl, net);
    if (ie)
        return bn_error_set(err, BN_ERR_LIBRARY, path, 0, 0, 0, "igraph: %s", igraph_strerror(ie));
    FILE *f = fopen(path, "w");
    if (!f) {
        igraph_destroy(&g);
        return bn_error_set(err, BN_ERR_IO, path, 0, 0, 0, "cannot write: %s", strerror(errno));
    }
    ie = igraph_write_graph_graphml(&g, f, 0);
    int close_failed = fclose(f) != 0;
    igraph_destroy(&g);
    if (ie)
        return bn_error_set(err, BN_ERR_LIBRARY, path, 0, 0, 0, "igraph: %s", igraph_strerror(ie));
    if (close_failed)
        return bn_error_set(err, BN_ERR_IO, path, 0, 0, 0, "cannot write the file");
    return BN_OK;
}
