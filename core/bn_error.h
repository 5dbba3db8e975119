/* Status codes and the error record every fallible function fills.
 *
 * An error names where the problem is (source, 1-based line and column,
 * byte offset) so the program can print `FILE:LINE:COL: text`.  The first
 * error set wins, as in jansson's json_error_t. */
#ifndef BN_ERROR_H
#define BN_ERROR_H

#include <stddef.h>

typedef enum bn_status {
    BN_OK = 0,
    BN_ERR_IO,       /* a file could not be opened or read */
    BN_ERR_UTF8,     /* invalid UTF-8 */
    BN_ERR_EMPTY,    /* an article with no text */
    BN_ERR_PARSE,    /* malformed JSON or record */
    BN_ERR_DATA,     /* a data file (knowledge base, lexicon) is invalid */
    BN_ERR_NOMEM,
    BN_ERR_LIBRARY,  /* an error reported by ICU, igraph or Graphviz */
    BN_ERR_ARGUMENT, /* a caller's argument names nothing there is (an actor to filter by) */
} bn_status;

typedef struct bn_error {
    bn_status status;
    char source[512];  /* file name, or "" */
    int line;          /* 1-based; 0 when unknown */
    int column;        /* 1-based; 0 when unknown */
    size_t offset;     /* byte offset in the source */
    char text[512];
} bn_error;

void bn_error_clear(bn_error *err);

/* Sets the error unless one is already set; returns status for chaining. */
bn_status bn_error_set(bn_error *err, bn_status status, const char *source,
                       int line, int column, size_t offset, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;

/* "source:line:col: text", or "source: text" when the line is unknown. */
void bn_error_format(const bn_error *err, char *buf, size_t size);

/* Line and column (1-based, column in bytes) of byte `offset` in `text`. */
void bn_line_col(const char *text, size_t len, size_t offset, int *line, int *column);

const char *bn_status_name(bn_status status);

#endif
