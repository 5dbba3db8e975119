/* The pictures: DOT graphs built with cgraph, rendered to SVG in-process
 * with gvc.  Agraph_t never leaves this module. */
#ifndef BN_DOT_H
#define BN_DOT_H

#include "bn_error.h"
#include "bn_labels.h"
#include "bn_network.h"
#include "bn_output_ctx.h"
#include "bn_timeline.h"

/* The formats "dot" (timeline.dot, graph.dot) and "svg" (timeline.svg,
 * graph.svg, and the DOT files too when ctx->also_paths names them: each
 * picture is laid out once for both). */
bn_status bn_write_dot(const bn_output_ctx *ctx, bn_error *err);
bn_status bn_write_svg(const bn_output_ctx *ctx, bn_error *err);

/* timeline.dot and timeline.svg: one swimlane per main actor, events in
 * date order along a date axis, coloured by type and named by `labels`,
 * with a legend.  Either path may be NULL; with svg_out, *svg_out gets the
 * SVG too (malloc). */
bn_status bn_render_timeline(const bn_timeline *tl, const bn_labels *labels, const bn_picture_options *opt,
                             const char *dot_path, const char *svg_path, char **svg_out, bn_error *err);

/* graph.dot and graph.svg: the actors that take part in events (at most
 * opt->max_actors, those with relations first, then by PageRank), sized
 * by PageRank, shaped by kind, coloured by community; the first ones by
 * PageRank labelled in a size that reads when the picture is shown
 * BN_NETWORK_WIDTH points wide, the others named by their tooltip; edges
 * by number of interactions, green (cooperation) to red (conflict). */
/* How many actors graph.svg draws (*drawn) of those that take part in
 * events (*acting). */
bn_status bn_network_picture_count(const bn_timeline *tl, const bn_network *net, const bn_picture_options *opt,
                                   size_t *drawn, size_t *acting);

bn_status bn_render_network(const bn_timeline *tl, const bn_network *net, const bn_picture_options *opt,
                            const char *dot_path, const char *svg_path, char **svg_out, bn_error *err);

#endif
