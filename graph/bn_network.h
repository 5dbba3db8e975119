/* The actor network: who acts on whom, how often, how cooperatively.
 * Built on igraph from a resolved timeline: one directed igraph_t whose
 * vertices are the timeline's actors (same indices) and whose edges are
 * the relations, with every attribute attached through igraph's C
 * attribute handler.  The igraph objects stay inside this module; callers
 * see plain arrays, and GraphML is written from here. */
#ifndef BN_NETWORK_H
#define BN_NETWORK_H

#include <stddef.h>
#include <stdio.h>

#include "bn_error.h"
#include "bn_timeline.h"

/* Process-wide set-up of igraph (error handler, attribute table); call
 * once before any other bn_ function that uses igraph. */
void bn_network_global_init(void);

/* source -> target, aggregated over the events where source acts on
 * target (an event without targets links its sources to one another). */
typedef struct bn_relation {
    size_t source, target;   /* actor indices in the timeline */
    unsigned count;          /* events */
    double goldstein;        /* sum over the events: > 0 cooperation, < 0 conflict */
    unsigned types[BN_EV_COUNT];
    const bn_date *first, *last; /* earliest and latest event date (an event's), NULL when no event has a year */
    size_t *events;          /* event indices in the timeline */
    size_t nevents, events_cap;
} bn_relation;

/* Per actor, indexed like the timeline's actors. */
typedef struct bn_actor_metrics {
    double degree;        /* distinct neighbours, either direction */
    double in_strength;   /* events where it is acted on (relation counts in) */
    double out_strength;  /* events where it acts */
    double pagerank;      /* weighted by relation counts */
    double betweenness;   /* undirected, unweighted (paths of up to 4 steps past 20,000 actors) */
    long community;       /* Louvain (igraph_community_multilevel), 0 the largest; -1 without relations */
} bn_actor_metrics;

typedef struct bn_network_graph bn_network_graph; /* the igraph_t, private */

typedef struct bn_network {
    bn_relation *relations;  /* ordered by source then target index */
    size_t nrelations;
    bn_actor_metrics *metrics;
    size_t ncommunities;
    double modularity;
    bn_network_graph *graph;
} bn_network;

bn_status bn_network_build(const bn_timeline *tl, bn_network **out, bn_error *err);
void bn_network_free(bn_network *net);

/* The actor network as GraphML (igraph's writer): every vertex and edge
 * attribute, for Gephi, igraph or networkx. */
bn_status bn_network_write_graphml(const bn_network *net, FILE *f, const char *path, bn_error *err);

/* The bipartite actor-event graph as GraphML: actors, then events
 * (vertex attribute "type": 0 actor, 1 event, igraph's convention), an
 * edge per event actor with its role. */
bn_status bn_network_write_bipartite_graphml(const bn_timeline *tl, FILE *f, const char *path, bn_error *err);

#endif
