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

/* Whether `code` can name a language, the folder data/lang/<code>/:
 * letters, digits and '-', 1 to BN_LANG_CODE_MAX - 1 of them. */
enum { BN_LANG_CODE_MAX = 16 };
int bn_lang_code_valid(const char *code);

/* Call before JSON is read on two threads at once: jansson seeds its hash
 * function on first use (json_object_seed), not from two threads. */
void bn_json_threads_init(void);

/* Loads a JSON file; parse errors name the file, line and column.  The
 * document lives in an arena of its own (jansson's allocations while it
 * is parsed): release it with bn_json_free, not json_decref. */
bn_status bn_json_load_file(const char *path, json_t **out, bn_error *err);

/* Releases a document of bn_json_load_file at once, its arena; any other
 * value (or NULL) is json_decref'd. */
void bn_json_free(json_t *root);

/* Where a value is in a JSON text, for the errors jansson cannot place
 * (it gives positions for parse errors only). */
typedef struct bn_json_pos {
    int line, column; /* 1-based; the column in bytes */
    size_t offset;
} bn_json_pos;

/* Finds `where` in `text`: steps separated by '/', each a key of an
 * object or an index of an array ("actors/3/roles/0"); a last step that
 * is a key gives the key's position, an index its element's first byte.
 * Keys are compared as written in the text (escapes are not decoded).
 * Returns 0, or -1 when `where` is not there. */
int bn_json_locate(const char *text, size_t len, const char *where, bn_json_pos *pos);

/* Gives a data error (BN_ERR_DATA) set without a line the position of
 * `where` in the file `path`, read again now (only when there is an
 * error); none when it cannot be found, so that a caller can place the
 * error at what holds `where`. */
void bn_json_error_place(bn_error *err, const char *path, const char *where);

/* Every string of a JSON array (none if `arr` is NULL); anything else is
 * an error naming `what`, placed at `where` (the array's steps from the
 * root, see bn_json_locate) or, when `where` is NULL, left for the caller
 * to place. */
typedef bn_status (*bn_string_fn)(void *ctx, const char *s);
bn_status bn_json_each_string(const json_t *arr, bn_string_fn fn, void *ctx, const char *path, const char *what,
                              const char *where, bn_error *err);

#endif
