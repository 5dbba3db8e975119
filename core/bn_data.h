/* Loading the data files (knowledge base, lexicons): JSON read with jansson,
 * errors with file:line:col, and where the data directory is. */
#ifndef BN_DATA_H
#define BN_DATA_H

#include <jansson.h>

#include "bn_error.h"

/* The data directory: $BIENNIEN_DATADIR if set; the source tree's data/
 * when the running program lives in the build tree; else the installed
 * one. */
const char *bn_datadir(void);

/* Loads a JSON file; parse errors name the file, line and column. */
bn_status bn_json_load_file(const char *path, json_t **out, bn_error *err);

/* The byte offset of the k-th element of the top-level array `key`, found by
 * scanning the text, so semantic errors can name a line.  Returns 0 when it
 * cannot tell. */
int bn_json_element_line(const char *path, const char *key, size_t k);

/* Every string of a JSON array, or none if `arr` is not an array; a
 * non-string element is an error. */
typedef bn_status (*bn_string_fn)(void *ctx, const char *s);
bn_status bn_json_each_string(const json_t *arr, bn_string_fn fn, void *ctx,
                              const char *path, const char *what, bn_error *err);

#endif
