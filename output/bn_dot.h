/* The pictures: DOT graphs built with cgraph, rendered to SVG in-process
 * with gvc.  Agraph_t never leaves this module. */
#ifndef BN_DOT_H
#define BN_DOT_H

#include "bn_error.h"
#include "bn_network.h"
#include "bn_timeline.h"

/* How events are grouped along the time axis. */
typedef enum bn_bin {
    BN_BIN_AUTO,  /* days while there are few, else weeks, else months */
    BN_BIN_DAY,
    BN_BIN_WEEK,
    BN_BIN_MONTH,
} bn_bin;

enum {
    BN_NETWORK_MAX_ACTORS = 60, /* default of bn_picture_options.max_actors */
    BN_NETWORK_WIDTH = 1000,    /* graph.svg is at most this wide, in points (the report's width) */
    BN_NETWORK_MIN_FONT = 8,    /* points: the smallest label of graph.svg at that width (10.7 px) */
};

typedef struct bn_picture_options {
    int lanes;          /* swimlanes of the timeline: the N actors with most events (0: the default, 6) */
    int vertical;       /* time runs down instead of right */
    bn_bin bin;
    const char *layout; /* the network's Graphviz layout, or NULL: chosen by size */
    int max_actors;     /* actors drawn in the network, by PageRank (0: the default, 60) */
    int page_legends;   /* the report page draws the legends beside the pictures: none in the SVG */
} bn_picture_options;

/* timeline.dot and timeline.svg: one swimlane per main actor, events in
 * date order along a date axis, coloured by type, with a legend.  Either
 * path may be NULL; with svg_out, *svg_out gets the SVG too (malloc). */
bn_status bn_render_timeline(const bn_timeline *tl, const bn_picture_options *opt, const char *dot_path,
                             const char *svg_path, char **svg_out, bn_error *err);

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
