/* graph.graphml (the actor network) and actors-events.graphml (the
 * bipartite actor-event graph) for Gephi, igraph and networkx, written by
 * igraph's own writer. */
#ifndef BN_GRAPHML_H
#define BN_GRAPHML_H

#include "bn_error.h"
#include "bn_output_ctx.h"

/* The formats "graphml" and "bipartite", at ctx->paths[0]; both need
 * bn_network_global_init (igraph's attribute table). */
bn_status bn_write_graphml(const bn_output_ctx *ctx, bn_error *err);
bn_status bn_write_bipartite_graphml(const bn_output_ctx *ctx, bn_error *err);

#endif
