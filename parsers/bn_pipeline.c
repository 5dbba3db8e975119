#include "bn_pipeline.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "bn_arena.h"
#include "bn_extract.h"

/* A window of 8 records a thread; when it has nothing to extract, the
 * calling thread sleeps until all but the last 2 a thread are done (unc-
 * with one worker: 431 waits, not 663 waiting for the first half).  A window of 32 waited less still but its records'
 * memory in flight cost more L2 misses than the wake-ups cost: slice DLmr
 * 0.709 -> 0.796 M with the articles in flight; 16, with only their lines
 * and renderings, 0.499 -> 0.553 M (cost +0.3 %). */
enum { WINDOW_PER_WORKER = 8, MARGIN_PER_WORKER = 2, MAX_THREADS = 256 };

typedef enum slot_state { SLOT_READY, SLOT_DONE } slot_state;

/* One record in flight. */
typedef struct slot {
    slot_state state;
    bn_raw_record raw;
    int failed;          /* err says why */
    bn_error err;
    void *owner;         /* what the decoded record points into */
    bn_article *article; /* NULL once released on the worker (render) */
    bn_article head;     /* then what emit still sees of it (keep_header) */
    char *head_strings;  /* head's id, path and warning */
    char *bytes;
    size_t len;
} slot;

typedef struct pipeline {
    const bn_kb *kb;
    const bn_lang *lang;
    const bn_pipeline_options *opt;
    const bn_pipeline_sink *sink;
    slot *slots;
    size_t window;
    size_t head, tail, next_job; /* sequence numbers: emitted, filled, taken */
    /* who sleeps, so that a wake-up is sent only to one who waits (each
     * is a system call, and the costliest part of handing a record over) */
    int idle;                    /* workers waiting for a job */
    size_t waiting_for;          /* the calling thread waits for this record; SIZE_MAX: does not */
    int stop;
    int nomem;
    pthread_mutex_t lock;
    pthread_cond_t work, done;
} pipeline;

int bn_cpu_count(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > MAX_THREADS ? MAX_THREADS : (int)n;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Keeps of s's rendered article only its header, which emit still reads
 * (tools/biennien.c: the messages of an empty article or one with a
 * warning), and releases the rest on this worker: its arena's blocks go
 * back to this thread's heap and make its next article, still in its
 * cache.  Released by the calling thread after emit instead, 8 articles a
 * worker in flight, they were new memory for every article: slice L2
 * write misses 0.969 -> 0.343 M, read misses 0.680 -> 0.503 M. */
static void keep_header(slot *s)
{
    const bn_article *a = s->article;
    size_t id = strlen(a->id) + 1, path = strlen(a->path) + 1, warning = a->warning ? strlen(a->warning) + 1 : 0;
    char *m = malloc(id + path + warning);
    if (!m)
        return; /* out of memory: the article is kept whole */
    memset(&s->head, 0, sizeof s->head);
    s->head.id = memcpy(m, a->id, id);
    s->head.path = memcpy(m + id, a->path, path);
    s->head.warning = warning ? memcpy(m + id + path, a->warning, warning) : NULL;
    s->head.line = a->line;
    s->head.nsentences = a->nsentences;
    s->head_strings = m;
    bn_article_free(s->article);
    s->article = NULL;
}

/* Decodes and extracts one record (a worker's job). */
static void process(pipeline *p, bn_extractor *ex, slot *s)
{
    if (s->failed)
        return; /* an input that could not be read: nothing to do but report it */
    bn_record rec;
    bn_error_clear(&s->err);
    int bad = bn_record_decode(&s->raw, p->opt->input ? p->opt->input->lenient : 0, &rec, &s->owner, &s->err) != BN_OK ||
              bn_extract(ex, &rec, &s->article, &s->err) != BN_OK;
    /* the article holds copies of what it takes from the record: the
     * decoded record is released here, by the thread that made it (its
     * many small blocks go back to this thread's cache for the next
     * record, not to another thread's and then to this heap under its
     * lock) */
    bn_record_release(s->owner);
    s->owner = NULL;
    if (bad) {
        s->failed = 1;
    } else if (p->sink->render) {
        if (p->sink->render(p->sink->ctx, s->article, &s->bytes, &s->len, &s->err) != BN_OK)
            s->failed = 1;
        else
            keep_header(s);
    }
}

/* Extracts the record of slot s, taken under the lock, which is not held
 * here; ex NULL: out of memory. */
static void run_job(pipeline *p, bn_extractor *ex, slot *s)
{
    if (ex)
        process(p, ex, s);
    else if (!s->failed) {
        s->failed = 1;
        bn_error_set(&s->err, BN_ERR_NOMEM, s->raw.path, s->raw.line, 0, 0, "out of memory");
    }
}

static void *worker(void *arg)
{
    pipeline *p = arg;
    if (p->opt->heap_prefault)
        bn_heap_prefault(p->opt->heap_prefault);
    bn_extractor *ex = bn_extractor_new(p->kb, p->lang, p->opt->read);
    /* the calling thread waits for the record just done: it is woken once
     * the lock is let go (woken under it, it would wake only to wait for
     * the lock: two switches, not one) */
    int wake = 0;
    pthread_mutex_lock(&p->lock);
    if (!ex)
        p->nomem = 1;
    for (;;) {
        while (!p->stop && p->next_job == p->tail) {
            if (wake)
                pthread_cond_signal(&p->done);
            wake = 0;
            p->idle++;
            pthread_cond_wait(&p->work, &p->lock);
            p->idle--;
        }
        if (p->next_job == p->tail) /* stopping, nothing left */
            break;
        size_t seq = p->next_job++;
        slot *s = &p->slots[seq % p->window];
        pthread_mutex_unlock(&p->lock);
        if (wake)
            pthread_cond_signal(&p->done);
        run_job(p, ex, s);
        pthread_mutex_lock(&p->lock);
        s->state = SLOT_DONE;
        wake = p->waiting_for == seq;
    }
    pthread_mutex_unlock(&p->lock);
    if (wake)
        pthread_cond_signal(&p->done);
    bn_extractor_free(ex);
    return NULL;
}

/* The calling thread takes the next record not taken and extracts it
 * with its own extractor ex (called and returning with the lock held). */
static void take_job(pipeline *p, bn_extractor *ex)
{
    slot *s = &p->slots[p->next_job++ % p->window];
    p->waiting_for = SIZE_MAX; /* nobody waits: no worker need wake it */
    pthread_mutex_unlock(&p->lock);
    run_job(p, ex, s);
    pthread_mutex_lock(&p->lock);
    s->state = SLOT_DONE;
}

/* Hands the oldest finished record to the sink, in order. */
static int emit(pipeline *p, slot *s, bn_pipeline_stats *stats)
{
    int bad = 0;
    if (s->failed) {
        if (p->sink->error)
            p->sink->error(p->sink->ctx, &s->err);
        stats->failed++;
        bad = 1;
    } else {
        stats->articles++;
        if (p->sink->emit && p->sink->emit(p->sink->ctx, s->article ? s->article : &s->head, s->bytes, s->len) != 0)
            bad = 1;
    }
    bn_article_free(s->article);
    free(s->head_strings);
    free(s->bytes);
    bn_record_release(s->owner);
    bn_raw_record_free(&s->raw);
    memset(s, 0, sizeof *s);
    return bad;
}

bn_status bn_pipeline_run(const char *const *paths, size_t npaths, const bn_kb *kb, const bn_lang *lang,
                          const bn_pipeline_options *opt, const bn_pipeline_sink *sink, bn_pipeline_stats *out_stats)
{
    bn_pipeline_stats stats = {0};
    int nthreads = opt->threads > 0 ? opt->threads : bn_cpu_count();
    if (nthreads > MAX_THREADS)
        nthreads = MAX_THREADS;
    pipeline p = {.kb = kb, .lang = lang, .opt = opt, .sink = sink, .waiting_for = SIZE_MAX};
    p.window = (size_t)nthreads * WINDOW_PER_WORKER;
    size_t margin = (size_t)nthreads * MARGIN_PER_WORKER;
    p.slots = calloc(p.window, sizeof *p.slots);
    bn_input *in = bn_input_new(paths, npaths, opt->input);
    if (!p.slots || !in) {
        free(p.slots);
        bn_input_free(in);
        return BN_ERR_NOMEM;
    }
    stats.total_bytes = bn_input_total_bytes(in);
    /* jansson seeds its hash function on first use; not from two threads */
    json_object_seed(0);
    pthread_mutex_init(&p.lock, NULL);
    pthread_cond_init(&p.work, NULL);
    pthread_cond_init(&p.done, NULL);
    /* the calling thread is one of the nthreads: it reads, emits and,
     * when the oldest record is not done, extracts the next one itself
     * (at -j 1 it does everything, with no hand-over at all) */
    pthread_t *threads = calloc((size_t)nthreads, sizeof *threads);
    int started = 0;
    for (int i = 0; threads && i < nthreads - 1; i++)
        if (pthread_create(&threads[started], NULL, worker, &p) == 0)
            started++;
    bn_extractor *self_ex = bn_extractor_new(kb, lang, opt->read);
    if (!self_ex)
        p.nomem = 1;
    int bad = 0, eof = !threads;
    double t0 = now(), last = t0;
    pthread_mutex_lock(&p.lock);
    for (;;) {
        /* keep the window full */
        while (!eof && p.tail - p.head < p.window) {
            if (opt->stop && *opt->stop) {
                eof = 1; /* interrupted: what is in flight is finished, nothing more read */
                break;
            }
            slot *s = &p.slots[p.tail % p.window];
            pthread_mutex_unlock(&p.lock);
            bn_error_clear(&s->err);
            int r = bn_input_next_raw(in, &s->raw, &s->err);
            pthread_mutex_lock(&p.lock);
            if (r == 0) {
                eof = 1;
                break;
            }
            s->failed = r < 0;
            s->state = SLOT_READY;
            stats.bytes += r > 0 ? s->raw.len : 0;
            p.tail++;
            if (p.idle)
                pthread_cond_signal(&p.work);
        }
        if (p.head == p.tail)
            break;
        slot *s = &p.slots[p.head % p.window];
        if (s->state != SLOT_DONE && p.next_job < p.tail) {
            /* a record no worker has taken: this thread does it rather
             * than sleep (it is one of the N threads), then emits what is
             * done and refills the window, so that the workers do not run
             * dry and sleep (each wake-up is a system call) */
            take_job(&p, self_ex);
            continue;
        }
        while (s->state != SLOT_DONE) {
            /* wait for a batch, not for each record (every wake-up is a
             * system call): for the last record not yet done but the
             * `margin` last read, which keep the workers busy while this
             * thread wakes and refills the window; the head at least */
            size_t w = p.tail - p.head > margin ? p.tail - margin : p.head + 1;
            while (w > p.head + 1 && p.slots[(w - 1) % p.window].state == SLOT_DONE)
                w--;
            p.waiting_for = w > p.head + 1 ? w - 1 : p.head;
            pthread_cond_wait(&p.done, &p.lock);
        }
        p.waiting_for = SIZE_MAX;
        pthread_mutex_unlock(&p.lock);
        bad |= emit(&p, s, &stats);
        double t = now();
        if (sink->progress && t - last >= 0.25) {
            stats.seconds = t - t0;
            sink->progress(sink->ctx, &stats, 0);
            last = t;
        }
        pthread_mutex_lock(&p.lock);
        p.head++;
    }
    p.stop = 1;
    pthread_cond_broadcast(&p.work);
    pthread_mutex_unlock(&p.lock);
    for (int i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    stats.seconds = now() - t0;
    if (sink->progress)
        sink->progress(sink->ctx, &stats, 1);
    int nomem = p.nomem || !threads;
    bn_extractor_free(self_ex);
    free(threads);
    free(p.slots);
    bn_input_free(in);
    pthread_mutex_destroy(&p.lock);
    pthread_cond_destroy(&p.work);
    pthread_cond_destroy(&p.done);
    if (out_stats)
        *out_stats = stats;
    return nomem ? BN_ERR_NOMEM : bad ? BN_ERR_IO : BN_OK;
}
