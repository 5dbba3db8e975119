/* graph.graphml for Gephi and igraph, written by igraph's own writer. */
#ifndef BN_GRAPHML_H
#define BN_GRAPHML_H

#include "bn_error.h"
#include "bn_network.h"
#include "bn_timeline.h"

/* Needs bn_network_global_init (igraph's attribute table). */
bn_status bn_write_graphml(const bn_timeline *tl, const bn_network *net, const char *path, bn_error *err);

#endif
