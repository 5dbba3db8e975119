/* Extraction over all inputs on N threads, results in input order.
 *
 * The calling thread reads raw records (bn_input_next_raw); N - 1 worker
 * threads and the calling thread, when the oldest record is not done yet,
 * decode and extract them, each with its own extractor, and may turn each
 * article into bytes (the `render` callback: the JSON line of `extract`);
 * the calling thread hands articles, in input order, to `emit`.  At most a
 * window of a few records per thread is in flight, so memory does not grow
 * with the input.  Output is the same for any number of threads. */
#ifndef BN_PIPELINE_H
#define BN_PIPELINE_H

#include <signal.h>
#include <stddef.h>

#include "bn_error.h"
#include "bn_input.h"
#include "bn_kb.h"
#include "bn_lang.h"
#include "bn_model.h"
#include "bn_reader.h"

typedef struct bn_pipeline_stats {
    size_t articles;     /* extracted */
    size_t failed;       /* inputs or records skipped */
    size_t bytes;        /* of records read */
    size_t total_bytes;  /* of all input files, when known (0: not) */
    double seconds;      /* since the start */
} bn_pipeline_stats;

typedef struct bn_pipeline_sink {
    void *ctx;
    /* On a worker thread, may be NULL: the article's bytes (*out malloc'd)
     * for emit.  A failure is reported like an input error. */
    bn_status (*render)(void *ctx, const bn_article *a, char **out, size_t *len, bn_error *err);
    /* On the calling thread, in input order: an article extracted, and
     * what render made of it (NULL without render).  With render, the
     * article was released on the worker once rendered: emit sees only its
     * header (id, path, line, warning, nsentences; every other field
     * zero).  Non-zero: a failure (the run goes on and reports it in its
     * status). */
    int (*emit)(void *ctx, const bn_article *a, const char *bytes, size_t len);
    /* On the calling thread, in input order: an input or record that could
     * not be read or extracted (it is skipped). */
    void (*error)(void *ctx, const bn_error *err);
    /* On the calling thread, about once every quarter second and at the
     * end, may be NULL: progress. */
    void (*progress)(void *ctx, const bn_pipeline_stats *stats, int done);
} bn_pipeline_sink;

typedef struct bn_pipeline_options {
    int threads;                  /* threads that extract, the calling thread among them (1: no other
                                     thread); <= 0: the number of online CPUs */
    volatile sig_atomic_t *stop;  /* when it turns non-zero (a signal handler's flag), no more records are
                                     read; those in flight are finished; may be NULL */
    const bn_input_options *input;
    const bn_read_options *read;
    size_t heap_prefault;         /* bytes of each worker's malloc heap made at once before its first record
                                     (bn_heap_prefault); 0: none */
} bn_pipeline_options;

/* Runs every input through extraction (until *opt->stop).  Returns BN_OK when every record was
 * read and extracted and every emit succeeded; BN_ERR_IO when some input
 * or record failed (each reported through sink->error); BN_ERR_NOMEM when
 * the run itself could not go on.  *stats (may be NULL) gets the totals. */
bn_status bn_pipeline_run(const char *const *paths, size_t npaths, const bn_kb *kb, const bn_lang *lang,
                          const bn_pipeline_options *opt, const bn_pipeline_sink *sink, bn_pipeline_stats *stats);

/* The number of online CPUs (at least 1). */
int bn_cpu_count(void);

#endif
