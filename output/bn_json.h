/* JSON in and out: the timeline (timeline.json, docs/timeline.schema.json),
 * and the per-article records of `biennien extract`, which `merge` reads
 * back. */
#ifndef BN_JSON_H
#define BN_JSON_H

#include <stdio.h>

#include "bn_error.h"
#include "bn_model.h"
#include "bn_network.h"
#include "bn_output_ctx.h"
#include "bn_timeline.h"

#define BN_TIMELINE_SCHEMA "biennien-timeline/4"
#define BN_EXTRACT_SCHEMA "biennien-extract/2"

/* The format "json": timeline.json, at ctx->paths[0]. */
bn_status bn_json_write_timeline(const bn_output_ctx *ctx, bn_error *err);

/* One line of JSON for one article. */
bn_status bn_json_write_extract(FILE *f, const bn_article *a, bn_error *err);

/* The same line, newline included, as a new string (malloc) in *out. */
bn_status bn_json_extract_line(const bn_article *a, char **out, size_t *len, bn_error *err);

/* v in decimal as "%lld" writes it, into num (at least 21 bytes and the
 * NUL); returns its length.  The extract record's integers. */
size_t bn_json_format_int(char *num, long long v);

/* The line `extract` writes for an input it had to skip, so that merge
 * still accounts for it: {"schema", "skipped": {"path", "line", "reason"}}. */
bn_status bn_json_skipped_line(const char *path, int line, const char *reason, char **out, size_t *len);

/* Whether an extract line is such a record; then *path and *reason are
 * new strings (malloc) the caller frees. */
int bn_json_read_skipped(const char *text, size_t len, char **path, int *line, char **reason);

/* Reads one extract line back into a new article (no text; metadata,
 * actors and events).  Errors name source:line:col. */
bn_status bn_json_read_extract(const char *line, size_t len, const char *source, int lineno,
                               bn_article **out, bn_error *err);

#endif
