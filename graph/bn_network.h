/* The actor network: who acts on whom, how often, how cooperatively.
 * Built on igraph from a resolved timeline; the igraph objects stay inside
 * this module, callers see plain arrays. */
#ifndef BN_NETWORK_H
#define BN_NETWORK_H

#include <stddef.h>

#include "bn_error.h"
#include "bn_timeline.h"

/* Process-wide set-up of igraph (error handler, attribute table); call
 * once before any other bn_ function that uses igraph. */
void bn_network_global_init(void);

typedef struct bn_relation {
    size_t source, target;   /* actor indices in the timeline */
    unsigned count;          /* events */
    double goldstein;        /* sum over the events */
    unsigned types[BN_EV_COUNT];
    size_t *events;          /* event indices in the timeline */
    size_t nevents, events_cap;
} bn_relation;

typedef struct bn_network {
    bn_relation *relations;  /* ordered by source then target index */
    size_t nrelations;
    double *degree;          /* per timeline actor: distinct neighbours */
    double *pagerank;        /* per timeline actor, weighted by count */
} bn_network;

bn_status bn_network_build(const bn_timeline *tl, bn_network **out, bn_error *err);
void bn_network_free(bn_network *net);

#endif
