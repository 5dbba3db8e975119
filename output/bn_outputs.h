/* Writing the outputs of `build` and `merge` into one directory. */
#ifndef BN_OUTPUTS_H
#define BN_OUTPUTS_H

#include <stddef.h>

#include "bn_error.h"
#include "bn_network.h"
#include "bn_output_ctx.h"
#include "bn_timeline.h"

enum { BN_FORMAT_FILES = 2 }; /* at most this many files per format */

/* An output format: one row of the table, the one place that names it. */
typedef struct bn_output_format {
    const char *name;                        /* in --format */
    const char *files[BN_FORMAT_FILES + 1];  /* written in the output directory, NULL-terminated */
    const char *labels[BN_FORMAT_FILES];     /* each file's name in the list of files written, or
                                              * NULL: not listed */
    int by_default;                          /* written when --format is not given */
    bn_output_write_fn write;
    const char *also;                        /* a format whose files this one writes too when both
                                              * are asked (svg lays out the DOT it writes), or NULL */
} bn_output_format;

/* The table, in the order outputs are written and listed; *count gets
 * its length.  Format i is bit 1u << i of bn_output_options.formats. */
const bn_output_format *bn_output_formats(size_t *count);

/* The formats written when --format is not given. */
unsigned bn_formats_default(void);

/* Parses a comma-separated list of format names ("json,graphml") into
 * *mask; returns 0, or -1 with *bad pointing at the unknown name (up to
 * the next comma). */
int bn_formats_parse(const char *list, unsigned *mask, const char **bad);

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
