/* JSON in and out: the timeline (timeline.json, docs/timeline.schema.json),
 * and the per-article records of `biennien extract`, which `merge` reads
 * back. */
#ifndef BN_JSON_H
#define BN_JSON_H

#include <stdio.h>

#include "bn_error.h"
#include "bn_model.h"
#include "bn_network.h"
#include "bn_timeline.h"

#define BN_TIMELINE_SCHEMA "biennien-timeline/3"
#define BN_EXTRACT_SCHEMA "biennien-extract/2"

bn_status bn_json_write_timeline(const bn_timeline *tl, const bn_network *net, const char *path,
                                 bn_error *err);

/* One line of JSON for one article. */
bn_status bn_json_write_extract(FILE *f, const bn_article *a, bn_error *err);

/* The same line, newline included, as a new string (malloc) in *out. */
bn_status bn_json_extract_line(const bn_article *a, char **out, size_t *len, bn_error *err);

/* Reads one extract line back into a new article (no text; metadata,
 * actors and events).  Errors name source:line:col. */
bn_status bn_json_read_extract(const char *line, size_t len, const char *source, int lineno,
                               bn_article **out, bn_error *err);

#endif
