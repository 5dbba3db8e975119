/* Writing the outputs of `build` and `merge` into one directory. */
#ifndef BN_OUTPUTS_H
#define BN_OUTPUTS_H

#include "bn_dot.h"
#include "bn_error.h"
#include "bn_network.h"
#include "bn_timeline.h"

/* The formats, for a bit mask. */
typedef enum bn_format {
    BN_FMT_JSON = 1 << 0,      /* timeline.json */
    BN_FMT_DOT = 1 << 1,       /* timeline.dot, graph.dot */
    BN_FMT_SVG = 1 << 2,       /* timeline.svg, graph.svg */
    BN_FMT_GRAPHML = 1 << 3,   /* graph.graphml */
    BN_FMT_BIPARTITE = 1 << 4, /* actors-events.graphml */
    BN_FMT_CSV = 1 << 5,       /* events.csv */
    BN_FMT_VIS = 1 << 6,       /* vis.json */
    BN_FMT_TIMELINEJS = 1 << 7, /* timelinejs.json */
    BN_FMT_GEXF = 1 << 8,      /* graph.gexf */
    BN_FMT_HTML = 1 << 9,      /* timeline.html */
} bn_format;

#define BN_FMT_DEFAULT (BN_FMT_JSON | BN_FMT_DOT | BN_FMT_SVG | BN_FMT_GRAPHML | BN_FMT_HTML)

/* Parses a comma-separated list of format names ("json,graphml") into
 * *mask; returns 0, or -1 with *bad pointing at the unknown name (up to
 * the next comma). */
int bn_formats_parse(const char *list, unsigned *mask, const char **bad);

/* The names, comma-separated, for help texts. */
const char *bn_formats_known(void);

typedef struct bn_output_options {
    unsigned formats;            /* bn_format bits */
    bn_picture_options picture;  /* timeline.svg, graph.svg */
} bn_output_options;

/* Creates outdir if needed and makes sure a file can be written there:
 * called before any work, so that a run that cannot write its outputs
 * stops at once. */
bn_status bn_outputs_prepare(const char *outdir, bn_error *err);

/* Creates outdir if needed and writes the outputs opt->formats selects.
 * Stops at the first failure. */
bn_status bn_write_outputs(const bn_timeline *tl, const bn_network *net, const char *outdir,
                           const bn_output_options *opt, bn_error *err);

/* Removes from outdir the files biennien writes for the formats that are
 * not in `formats` (an events.csv left by an earlier run with csv), and
 * nothing else.  *count: how many were removed; `names` (of `cap` bytes)
 * lists them ("events.csv, vis.json").  Returns BN_OK, or BN_ERR_IO for
 * the first that cannot be removed (the others are still tried). */
bn_status bn_outputs_remove_stale(const char *outdir, unsigned formats, char *names, size_t cap, size_t *count,
                                  bn_error *err);

#endif
