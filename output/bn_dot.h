/* The pictures: DOT graphs built with cgraph, rendered to SVG in-process
 * with gvc.  Agraph_t never leaves this module. */
#ifndef BN_DOT_H
#define BN_DOT_H

#include "bn_error.h"
#include "bn_network.h"
#include "bn_timeline.h"

/* timeline.dot and timeline.svg: events in date order along a date axis,
 * coloured by type. */
bn_status bn_render_timeline(const bn_timeline *tl, const char *dot_path, const char *svg_path,
                             bn_error *err);

/* graph.dot and graph.svg: actors sized by PageRank, shaped by kind; edges
 * by number of interactions, green (cooperation) to red (conflict). */
bn_status bn_render_network(const bn_timeline *tl, const bn_network *net, const char *dot_path,
                            const char *svg_path, bn_error *err);

#endif
