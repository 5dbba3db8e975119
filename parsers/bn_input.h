/* Inputs: files, directories (walked recursively, *.txt and *.jsonl, in
 * name order) and "-" for stdin, read as a stream of article records.
 *
 * A .txt file is one article; a .jsonl file holds one article per line:
 * {"id", "url", "date", "title", "text"}, only "text" required. */
#ifndef BN_INPUT_H
#define BN_INPUT_H

#include <stddef.h>

#include "bn_date.h"
#include "bn_error.h"
#include "bn_text.h"

typedef struct bn_record {
    const char *path;   /* the input file ("-" for stdin) */
    const char *id;     /* the article's name in the output */
    const char *url;    /* or NULL */
    const char *title;  /* or NULL */
    const char *date;   /* publication date as given, or NULL */
    const char *text;   /* original bytes (not NUL-terminated for .txt) */
    size_t len;
    int line;           /* line of the record in its file (1 for .txt) */
    bn_date saved;      /* the day its file was last written (UTC), today for stdin; year 0: unknown */
} bn_record;

typedef struct bn_input bn_input;

typedef struct bn_input_options {
    int lenient;  /* replace invalid UTF-8 in JSON Lines instead of skipping the record */
    size_t max_article_bytes; /* a longer record or text file is skipped, unread; 0: BN_MAX_ARTICLE_BYTES */
} bn_input_options;

/* Far above any article (the longest in 11,344 real ones is under 1 MB),
 * far below what would exhaust memory. */
#define BN_MAX_ARTICLE_BYTES ((size_t)64 << 20)

bn_input *bn_input_new(const char *const *paths, size_t npaths, const bn_input_options *opts);
void bn_input_free(bn_input *in);

/* The next record: returns 1 and fills *rec (valid until the next call),
 * 0 at the end, or -1 with *err set for an input or record that could not be
 * read; the caller reports it and calls again to go on. */
int bn_input_next(bn_input *in, bn_record *rec, bn_error *err);

/* A record as read, before it is decoded, so that decoding (JSON parsing,
 * UTF-8 checks) can run on worker threads while one thread reads. */
typedef struct bn_raw_record {
    const char *path;  /* the input file; valid until bn_input_free */
    int line;
    int jsonl;         /* a JSON Lines record; else a whole text file */
    char *bytes;       /* malloc'd, owned by the record */
    size_t len;
    bn_date saved;     /* as bn_record's */
} bn_raw_record;

/* The size of all input files, for progress (0 when some size is unknown:
 * stdin). */
size_t bn_input_total_bytes(const bn_input *in);

/* Like bn_input_next, but the record undecoded; the caller frees it with
 * bn_raw_record_free. */
int bn_input_next_raw(bn_input *in, bn_raw_record *raw, bn_error *err);
void bn_raw_record_free(bn_raw_record *raw);

/* Decodes a raw record into *rec, which points into raw and into *owner
 * (released with bn_record_release).  Errors name file:line:col.  Safe to
 * call from several threads at once on different records. */
bn_status bn_record_decode(const bn_raw_record *raw, int lenient, bn_record *rec, void **owner, bn_error *err);
void bn_record_release(void *owner);

/* Whether a file name is one the directory walk picks up. */
int bn_input_is_article_file(const char *name);

/* Reads a whole file (or stdin for "-"); *buf is malloc'd. */
bn_status bn_read_file(const char *path, char **buf, size_t *len, bn_error *err);


#endif
