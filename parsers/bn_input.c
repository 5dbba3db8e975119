#include "bn_input.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <jansson.h>

#include "bn_array.h"
#include "bn_text.h"

/* ---- one input file, by format ------------------------------------- */

typedef struct source source;

/* An input format: how to read records out of one file. */
typedef struct bn_format {
    const char *name;
    const char *ext;
    bn_status (*open)(source *s, bn_error *err);
    int (*next)(source *s, bn_raw_record *raw, bn_error *err);
} bn_format;

struct source {
    char *path;
    const bn_input_options *opts;
    /* txt */
    char *buf;
    size_t len;
    int done;
    /* jsonl */
    FILE *f;
    char *line;
    size_t line_cap;
    int lineno;
    char rbuf[65536];  /* read_line's block */
    size_t rpos, rlen;
    bn_date saved;     /* the file's modification day, today for stdin */
};

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

bn_status bn_read_file(const char *path, char **buf, size_t *len, bn_error *err)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f)
        return bn_error_set(err, BN_ERR_IO, path, 0, 0, 0, "cannot open: %s", strerror(errno));
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    if (!b) {
        if (!is_stdin)
            fclose(f);
        return BN_ERR_NOMEM;
    }
    for (;;) {
        if (n == cap) {
            char *nb = cap > ((size_t)1 << 40) ? NULL : realloc(b, cap * 2);
            if (!nb) {
                free(b);
                if (!is_stdin)
                    fclose(f);
                return bn_error_set(err, BN_ERR_NOMEM, path, 0, 0, 0, "out of memory reading the file");
            }
            b = nb;
            cap *= 2;
        }
        size_t r = fread(b + n, 1, cap - n, f);
        n += r;
        if (r == 0)
            break;
    }
    int failed = ferror(f);
    if (!is_stdin)
        fclose(f);
    if (failed) {
        free(b);
        return bn_error_set(err, BN_ERR_IO, path, 0, 0, 0, "cannot read: %s",
                            errno ? strerror(errno) : "read error");
    }
    *buf = b;
    *len = n;
    return BN_OK;
}

static size_t max_bytes(const source *s)
{
    return s->opts->max_article_bytes ? s->opts->max_article_bytes : BN_MAX_ARTICLE_BYTES;
}

static bn_status txt_open(source *s, bn_error *err)
{
    struct stat st;
    if (strcmp(s->path, "-") != 0 && stat(s->path, &st) == 0 && S_ISREG(st.st_mode) &&
        (size_t)st.st_size > max_bytes(s))
        return bn_error_set(err, BN_ERR_IO, s->path, 0, 0, 0,
                            "%lld bytes, over the limit of %zu for one article (--max-article-bytes); skipped",
                            (long long)st.st_size, max_bytes(s));
    return bn_read_file(s->path, &s->buf, &s->len, err);
}

/* Reads a line like getline, but never keeps more than `max` bytes of it:
 * a longer line is read to its end and dropped (*over set), so that a
 * 200 MB line costs time, not memory.  Reads through the source's own
 * block buffer (a NUL byte is just a byte).  Returns the line's length, or
 * -1 at the end or on an error. */
static ssize_t read_line(source *s, size_t max, int *over)
{
    size_t n = 0;
    *over = 0;
    for (;;) {
        if (s->rpos == s->rlen) {
            s->rlen = fread(s->rbuf, 1, sizeof s->rbuf, s->f);
            s->rpos = 0;
            if (s->rlen == 0)
                return n || *over ? (ssize_t)n : -1;
        }
        const char *from = s->rbuf + s->rpos;
        const char *nl = memchr(from, '\n', s->rlen - s->rpos);
        size_t take = nl ? (size_t)(nl - from) + 1 : s->rlen - s->rpos;
        if (!*over && n + take > max)
            *over = 1;
        if (!*over) {
            if (n + take + 1 > s->line_cap) {
                size_t ncap = s->line_cap ? s->line_cap : 4096;
                while (ncap < n + take + 1)
                    ncap *= 2;
                char *nb = realloc(s->line, ncap);
                if (!nb)
                    return -1;
                s->line = nb;
                s->line_cap = ncap;
            }
            memcpy(s->line + n, from, take);
            s->line[n + take] = 0;
        }
        n += take;
        s->rpos += take;
        if (nl)
            return (ssize_t)n;
    }
}

static int txt_next(source *s, bn_raw_record *raw, bn_error *err)
{
    (void)err;
    if (s->done)
        return 0;
    s->done = 1;
    *raw = (bn_raw_record){s->path, 1, 0, s->buf, s->len, s->saved};
    s->buf = NULL; /* the raw record owns it now */
    return 1;
}

static bn_status jsonl_open(source *s, bn_error *err)
{
    s->f = strcmp(s->path, "-") == 0 ? stdin : fopen(s->path, "rb");
    if (!s->f)
        return bn_error_set(err, BN_ERR_IO, s->path, 0, 0, 0, "cannot open: %s", strerror(errno));
    return BN_OK;
}

/* The next non-blank line, handed over to the raw record (the next
 * getline allocates anew). */
static int jsonl_next(source *s, bn_raw_record *raw, bn_error *err)
{
    for (;;) {
        errno = 0;
        int over = 0;
        ssize_t n = read_line(s, max_bytes(s), &over);
        if (n < 0) {
            if (ferror(s->f)) {
                bn_error_set(err, BN_ERR_IO, s->path, s->lineno + 1, 1, 0, "cannot read: %s",
                             errno ? strerror(errno) : "read error");
                clearerr(s->f);
                s->done = 1;
                return -1;
            }
            if (s->lineno == 0 && !s->done) {
                s->done = 1;
                bn_error_set(err, BN_ERR_EMPTY, s->path, 1, 1, 0, "empty file: no articles");
                return -1;
            }
            return 0;
        }
        s->lineno++;
        s->done = 1; /* the file had a line */
        if (over) {
            bn_error_set(err, BN_ERR_IO, s->path, s->lineno, 1, 0,
                         "a record of %zd bytes, over the limit of %zu for one article (--max-article-bytes); "
                         "skipped", n, max_bytes(s));
            return -1;
        }
        size_t len = (size_t)n, i = 0;
        while (i < len && (s->line[i] == ' ' || s->line[i] == '\t' || s->line[i] == '\n' || s->line[i] == '\r'))
            i++;
        if (i == len)
            continue; /* blank line */
        *raw = (bn_raw_record){s->path, s->lineno, 1, s->line, len, s->saved};
        s->line = NULL;
        s->line_cap = 0;
        return 1;
    }
}

static const char *opt_string(const json_t *o, const char *key)
{
    const json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* What a decoded JSON Lines record points into. */
typedef struct decoded {
    json_t *obj;
    char id_buf[64];
} decoded;

void bn_record_release(void *owner)
{
    decoded *d = owner;
    if (!d)
        return;
    json_decref(d->obj);
    free(d);
}

void bn_raw_record_free(bn_raw_record *raw)
{
    free(raw->bytes);
    raw->bytes = NULL;
}

bn_status bn_record_decode(const bn_raw_record *raw, int lenient, bn_record *rec, void **owner, bn_error *err)
{
    *owner = NULL;
    memset(rec, 0, sizeof *rec);
    rec->path = raw->path;
    rec->line = raw->line;
    rec->saved = raw->saved;
    if (!raw->jsonl) {
        rec->id = strcmp(raw->path, "-") == 0 ? "stdin" : base_name(raw->path);
        rec->text = raw->bytes;
        rec->len = raw->len;
        return BN_OK;
    }
    decoded *d = calloc(1, sizeof *d);
    if (!d)
        return bn_error_set(err, BN_ERR_NOMEM, raw->path, raw->line, 1, 0, "out of memory");
    /* jansson checks the UTF-8 as it parses; only a record it refuses is
     * looked at again, to say where the bad byte is or to repair it */
    json_error_t je;
    d->obj = json_loadb(raw->bytes, raw->len, JSON_REJECT_DUPLICATES, &je);
    size_t bad = d->obj ? (size_t)-1 : bn_utf8_check(raw->bytes, raw->len);
    if (bad != (size_t)-1) {
        const char *enc = bn_guess_encoding(raw->bytes, raw->len);
        if (enc) {
            free(d);
            return bn_error_set(err, BN_ERR_UTF8, raw->path, raw->line, (int)bad + 1, bad,
                                "not UTF-8: looks like %s; record skipped (convert it first: iconv -f %s -t UTF-8)",
                                enc, strcmp(enc, "TCVN3") == 0 ? "TCVN" : enc);
        }
        if (!lenient) {
            free(d);
            return bn_error_set(err, BN_ERR_UTF8, raw->path, raw->line, (int)bad + 1, bad,
                                "invalid UTF-8 at byte %zu of the line; record skipped (--lenient replaces it)", bad);
        }
        size_t len;
        char *repaired = bn_utf8_repair(raw->bytes, raw->len, &len);
        if (!repaired) {
            free(d);
            return bn_error_set(err, BN_ERR_NOMEM, raw->path, raw->line, 1, 0, "out of memory");
        }
        d->obj = json_loadb(repaired, len, JSON_REJECT_DUPLICATES, &je);
        free(repaired);
    }
    if (!d->obj) {
        free(d);
        return bn_error_set(err, BN_ERR_PARSE, raw->path, raw->line, je.column > 0 ? je.column : 1,
                            (size_t)(je.position > 0 ? je.position : 0), "not a JSON object: %s; record skipped",
                            je.text);
    }
    const json_t *t = json_object_get(d->obj, "text");
    if (!json_is_object(d->obj) || !json_is_string(t)) {
        bn_record_release(d);
        return bn_error_set(err, BN_ERR_PARSE, raw->path, raw->line, 1, 0,
                            "record has no \"text\" string; record skipped");
    }
    rec->id = opt_string(d->obj, "id");
    if (!rec->id || !*rec->id) {
        snprintf(d->id_buf, sizeof d->id_buf, "%s:%d", base_name(raw->path), raw->line);
        rec->id = d->id_buf;
    }
    rec->url = opt_string(d->obj, "url");
    rec->title = opt_string(d->obj, "title");
    rec->date = opt_string(d->obj, "date");
    rec->text = json_string_value(t);
    rec->len = json_string_length(t);
    *owner = d;
    return BN_OK;
}

static const bn_format formats[] = {
    {"text", ".txt", txt_open, txt_next},
    {"jsonl", ".jsonl", jsonl_open, jsonl_next},
};

static int has_ext(const char *name, const char *ext)
{
    size_t n = strlen(name), e = strlen(ext);
    return n > e && strcmp(name + n - e, ext) == 0;
}

int bn_input_is_article_file(const char *name)
{
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (has_ext(name, formats[i].ext))
            return 1;
    return 0;
}

static const bn_format *format_of(const char *path)
{
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (has_ext(path, formats[i].ext))
            return &formats[i];
    return &formats[0]; /* any other named file is read as text */
}

/* ---- the list of inputs --------------------------------------------- */

typedef struct entry {
    char *path;
    int error;  /* errno of a failed stat, or -1: directory with no articles */
} entry;

struct bn_input {
    entry *v;
    size_t n, cap, pos;
    bn_input_options opts;
    source cur;
    const bn_format *fmt;
    int open;
    bn_raw_record raw;  /* bn_input_next's current record and what it points into */
    void *owner;
};

static int push(bn_input *in, const char *path, int error)
{
    if (bn_grow((void **)&in->v, &in->cap, in->n + 1, sizeof *in->v))
        return -1;
    in->v[in->n].path = strdup(path);
    if (!in->v[in->n].path)
        return -1;
    in->v[in->n].error = error;
    in->n++;
    return 0;
}

static int name_order(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

/* The directories being walked, to tell a symbolic link back to one of
 * them (a loop) from a new directory. */
typedef struct walk_path {
    dev_t dev[64];
    ino_t ino[64];
    int n;
} walk_path;

enum { WALK_LOOP = -2 }; /* an entry's error: a directory loop */

/* Adds the article files under dir; returns how many (problems found on
 * the way count: each is reported). */
static size_t walk(bn_input *in, const char *dir, walk_path *wp)
{
    struct dirent **names;
    int n = scandir(dir, &names, NULL, name_order);
    size_t found = 0;
    if (n < 0) {
        push(in, dir, errno ? errno : EACCES);
        return 1;
    }
    for (int i = 0; i < n; i++) {
        const char *nm = names[i]->d_name;
        if (nm[0] == '.') {
            free(names[i]);
            continue;
        }
        size_t len = strlen(dir) + strlen(nm) + 2;
        char *p = malloc(len);
        if (p) {
            snprintf(p, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", nm);
            struct stat st;
            if (stat(p, &st) != 0) {
                /* a dangling link, a loop of links, no permission: said,
                 * not silently passed over */
                if (bn_input_is_article_file(nm) || errno == ELOOP)
                    found += push(in, p, errno ? errno : ENOENT) == 0;
            } else if (S_ISDIR(st.st_mode)) {
                int k;
                for (k = 0; k < wp->n; k++)
                    if (wp->dev[k] == st.st_dev && wp->ino[k] == st.st_ino)
                        break;
                if (k < wp->n || wp->n == 64) {
                    found += push(in, p, WALK_LOOP) == 0;
                } else {
                    wp->dev[wp->n] = st.st_dev;
                    wp->ino[wp->n++] = st.st_ino;
                    found += walk(in, p, wp);
                    wp->n--;
                }
            } else if (S_ISREG(st.st_mode) && bn_input_is_article_file(nm) && push(in, p, 0) == 0) {
                found++;
            }
            free(p);
        }
        free(names[i]);
    }
    free(names);
    return found;
}

bn_input *bn_input_new(const char *const *paths, size_t npaths, const bn_input_options *opts)
{
    bn_input *in = calloc(1, sizeof *in);
    if (!in)
        return NULL;
    if (opts)
        in->opts = *opts;
    for (size_t i = 0; i < npaths; i++) {
        struct stat st;
        if (strcmp(paths[i], "-") == 0) {
            push(in, "-", 0);
        } else if (stat(paths[i], &st) != 0) {
            push(in, paths[i], errno ? errno : ENOENT);
        } else if (S_ISDIR(st.st_mode)) {
            walk_path wp = {.n = 1};
            wp.dev[0] = st.st_dev;
            wp.ino[0] = st.st_ino;
            if (walk(in, paths[i], &wp) == 0)
                push(in, paths[i], -1);
        } else {
            push(in, paths[i], 0);
        }
    }
    return in;
}

static void close_source(bn_input *in)
{
    source *s = &in->cur;
    free(s->buf);
    if (s->f && s->f != stdin)
        fclose(s->f);
    free(s->line);
    memset(s, 0, sizeof *s);
    in->open = 0;
}

void bn_input_free(bn_input *in)
{
    if (!in)
        return;
    close_source(in);
    bn_raw_record_free(&in->raw);
    bn_record_release(in->owner);
    for (size_t i = 0; i < in->n; i++)
        free(in->v[i].path);
    free(in->v);
    free(in);
}

size_t bn_input_total_bytes(const bn_input *in)
{
    size_t total = 0;
    for (size_t i = 0; i < in->n; i++) {
        struct stat st;
        if (in->v[i].error)
            continue;
        if (strcmp(in->v[i].path, "-") == 0 || stat(in->v[i].path, &st) != 0 || !S_ISREG(st.st_mode))
            return 0;
        total += (size_t)st.st_size;
    }
    return total;
}

/* The UTC day a file was last written (its modification time), or today
 * for stdin: no article in it was written later.  Year 0 when unknown. */
static bn_date saved_day(const char *path)
{
    struct stat st;
    time_t t = strcmp(path, "-") == 0 ? time(NULL) : stat(path, &st) == 0 ? st.st_mtime : (time_t)-1;
    struct tm tm;
    if (t == (time_t)-1 || !gmtime_r(&t, &tm))
        return (bn_date){0};
    return bn_date_day(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* "-" is JSON Lines when it starts with '{', else one text article. */
static const bn_format *sniff_stdin(source *s)
{
    int c;
    while ((c = getc(stdin)) == ' ' || c == '\n' || c == '\r' || c == '\t')
        ;
    if (c != EOF)
        ungetc(c, stdin);
    (void)s;
    return c == '{' ? &formats[1] : &formats[0];
}

int bn_input_next(bn_input *in, bn_record *rec, bn_error *err)
{
    bn_raw_record_free(&in->raw);
    bn_record_release(in->owner);
    in->owner = NULL;
    int r = bn_input_next_raw(in, &in->raw, err);
    if (r <= 0)
        return r;
    return bn_record_decode(&in->raw, in->opts.lenient, rec, &in->owner, err) == BN_OK ? 1 : -1;
}

int bn_input_next_raw(bn_input *in, bn_raw_record *raw, bn_error *err)
{
    for (;;) {
        if (in->open) {
            int r = in->fmt->next(&in->cur, raw, err);
            if (r != 0)
                return r;
            close_source(in);
            in->pos++;
            continue;
        }
        if (in->pos >= in->n)
            return 0;
        entry *e = &in->v[in->pos];
        if (e->error) {
            in->pos++;
            if (e->error == WALK_LOOP)
                bn_error_set(err, BN_ERR_IO, e->path, 0, 0, 0,
                             "a link back to a directory being read (a loop), or directories nested too deep: not followed");
            else if (e->error < 0)
                bn_error_set(err, BN_ERR_IO, e->path, 0, 0, 0, "no articles (*.txt, *.jsonl) in this directory");
            else
                bn_error_set(err, BN_ERR_IO, e->path, 0, 0, 0, "cannot open: %s", strerror(e->error));
            return -1;
        }
        memset(&in->cur, 0, sizeof in->cur);
        in->cur.path = e->path;
        in->cur.opts = &in->opts;
        in->cur.saved = saved_day(e->path);
        in->fmt = strcmp(e->path, "-") == 0 ? sniff_stdin(&in->cur) : format_of(e->path);
        if (in->fmt->open(&in->cur, err) != BN_OK) {
            close_source(in);
            in->pos++;
            return -1;
        }
        in->open = 1;
    }
}

