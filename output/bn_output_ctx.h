/* What every output format's writer takes: the model, the options of the
 * run, the language's labels and where the format's files go.  One
 * signature, bn_output_write_fn, for the table of formats (bn_outputs.c). */
#ifndef BN_OUTPUT_CTX_H
#define BN_OUTPUT_CTX_H

#include "bn_error.h"
#include "bn_labels.h"
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

typedef struct bn_output_options {
    unsigned formats;            /* a bit per format: 1u << its index in the table */
    bn_picture_options picture;  /* timeline.svg, graph.svg */
    const bn_labels *labels;     /* what the language (--lang) calls each type of event */
} bn_output_options;

/* What a format's writer gets: the model, the options, and where each of
 * its files goes (NULL-terminated like bn_output_format.files). */
typedef struct bn_output_ctx {
    const bn_timeline *tl;
    const bn_network *net;
    const bn_output_options *opt;
    const char *outdir;
    const char *const *paths;
    /* the files of the format bn_output_format.also names, when it is asked
     * too (the DOT of the pictures svg lays out), else NULLs */
    const char *const *also_paths;
} bn_output_ctx;

/* A format's writer: writes the files ctx->paths names. */
typedef bn_status (*bn_output_write_fn)(const bn_output_ctx *ctx, bn_error *err);

#endif
