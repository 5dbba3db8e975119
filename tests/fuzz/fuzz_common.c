#include "fuzz_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bn_json.h"
#include "bn_reader.h"
#include "bn_text.h"

#ifndef BN_FUZZ_DATADIR
#error "BN_FUZZ_DATADIR must name the source tree's data/ (tests/fuzz/meson.build sets it)"
#endif

const char *fuzz_datadir(void)
{
    const char *env = getenv("BIENNIEN_DATADIR");
    return env && *env ? env : BN_FUZZ_DATADIR;
}

static void die(const char *what, const bn_error *err)
{
    char buf[1200] = "";
    if (err)
        bn_error_format(err, buf, sizeof buf);
    fprintf(stderr, "fuzz: cannot load %s from %s: %s\n", what, fuzz_datadir(), buf);
    exit(1);
}

bn_lang *fuzz_load_lang(void)
{
    bn_error err;
    bn_error_clear(&err);
    bn_lang *lang = NULL;
    if (bn_lang_load(&lang, fuzz_datadir(), "vi", &err) != BN_OK || !lang)
        die("the language data", &err);
    return lang;
}

bn_kb *fuzz_load_kb(void)
{
    bn_error err;
    bn_error_clear(&err);
    char path[4096];
    snprintf(path, sizeof path, "%s/kb", fuzz_datadir());
    bn_kb *kb = bn_kb_new();
    if (!kb)
        die("the knowledge base", NULL);
    if (bn_kb_load_dir(kb, path, &err) != BN_OK)
        die("the knowledge base", &err);
    if (bn_kb_compile(kb) != BN_OK)
        die("the knowledge base (compile)", NULL);
    return kb;
}

char *fuzz_copy(const uint8_t *data, size_t size)
{
    char *p = malloc(size ? size : 1);
    if (!p) {
        fprintf(stderr, "fuzz: out of memory\n");
        abort();
    }
    if (size)
        memcpy(p, data, size);
    return p;
}

bn_record fuzz_text_record(const char *text, size_t len, const char *date, const char *url)
{
    bn_record rec = {.path = "fuzz.txt", .id = "fuzz.txt", .url = url, .title = NULL, .date = date,
                     .text = text, .len = len, .line = 1};
    return rec;
}

static void fail(const bn_article *a, const char *what, size_t i)
{
    fprintf(stderr, "fuzz: article invariant broken: %s (item %zu; raw %zu bytes, clean %zu bytes)\n", what, i,
            a->raw_len, a->text.len);
    abort();
}

#define CHECK(cond, what, i) \
    do {                     \
        if (!(cond))         \
            fail(a, what, i);\
    } while (0)

static int terminated(const char *s, size_t cap)
{
    return memchr(s, '\0', cap) != NULL;
}

/* A date the writer writes and the reader reads back the same. */
static int reads_back(const bn_date *d)
{
    char buf[BN_TIMEX_MAX];
    bn_date back;
    bn_date_format(d, buf);
    return bn_date_parse(buf, strlen(buf), &back) && bn_date_equal(&back, d);
}

void fuzz_check_article(const bn_article *a, unsigned stages)
{
    const size_t tlen = a->text.len, rlen = a->raw_len;
    if (stages & FUZZ_READ) {
        CHECK(a->text.s && a->text.orig, "no clean text", 0);
        CHECK(a->text.s[tlen] == '\0', "clean text not NUL-terminated", tlen);
        CHECK(a->text.orig[tlen] == rlen, "orig[len] is not the original length", tlen);
        for (size_t i = 0; i < tlen; i++)
            CHECK(a->text.orig[i] < rlen, "clean byte maps past the original", i);
        for (size_t i = 0; i < a->tokens.n; i++) {
            const bn_token *t = &a->tokens.v[i];
            CHECK(t->start < t->end && t->end <= tlen, "token outside the clean text", i);
            CHECK(i == 0 || a->tokens.v[i - 1].end <= t->start, "tokens out of order", i);
        }
        CHECK(a->title_span.start <= a->title_span.end && a->title_span.end <= tlen, "title span", 0);
        CHECK(a->id && a->path && a->title, "id, path or title missing", 0);
        CHECK(a->dct.year == 0 || bn_date_real_day(&a->dct), "dct not a valid date", 0);
        for (size_t i = 0; i < a->nbody; i++) {
            CHECK(a->body[i].start <= a->body[i].end && a->body[i].end <= tlen, "body span outside the clean text", i);
            uint64_t off = a->body_offsets[2 * i], len = a->body_offsets[2 * i + 1];
            CHECK(off + len <= rlen, "body offsets outside the original", i);
        }
    }
    if (stages & FUZZ_SPLIT) {
        for (size_t i = 0; i < a->nsentences; i++) {
            const bn_sentence *s = &a->sentences[i];
            CHECK(s->start < s->end && s->end <= tlen, "sentence outside the clean text", i);
            CHECK(s->tok_begin < s->tok_end && s->tok_end <= a->tokens.n, "sentence tokens", i);
        }
    }
    if (stages & FUZZ_DATES) {
        for (size_t i = 0; i < a->ntimexes; i++) {
            const bn_timex *t = &a->timexes[i];
            CHECK(t->start <= t->end_off && t->end_off <= tlen, "timex outside the clean text", i);
            CHECK(reads_back(&t->value) && (!t->has_end || reads_back(&t->end)), "timex date does not read back", i);
            CHECK(bn_date_mod_name(t->mod) || t->mod == BN_DATE_MOD_NONE, "timex mod out of range", i);
        }
    }
    if (stages & FUZZ_ACTORS) {
        for (size_t i = 0; i < a->nactors; i++) {
            CHECK(a->actors[i].id && a->actors[i].name, "actor without id or name", i);
            for (size_t k = 0; k < a->actors[i].naliases; k++)
                CHECK(a->actors[i].aliases[k], "NULL alias", i);
        }
        for (size_t i = 0; i < a->nmentions; i++) {
            const bn_mention *m = &a->mentions[i];
            CHECK(m->start <= m->end && m->end <= tlen, "mention outside the clean text", i);
            CHECK(m->actor < a->nactors, "mention of no actor", i);
        }
        for (size_t i = 0; i < a->nplaces; i++)
            CHECK(a->places[i].start <= a->places[i].end && a->places[i].end <= tlen, "place outside the clean text",
                  i);
    }
    if (stages & FUZZ_EVENTS) {
        for (size_t i = 0; i < a->nevents; i++) {
            const bn_event *e = &a->events[i];
            CHECK((unsigned)e->type < BN_EV_COUNT, "event type", i);
            CHECK(terminated(e->cameo, sizeof e->cameo), "cameo not terminated", i);
            CHECK(reads_back(&e->date.value) && (!e->date.has_end || reads_back(&e->date.end)),
                  "event date does not read back", i);
            CHECK(e->nsources >= 1, "event without a source", i);
            for (size_t k = 0; k < e->nactors; k++)
                CHECK(e->actors[k].id, "event actor without id", i);
            for (size_t k = 0; k < e->nsources; k++) {
                const bn_source *s = &e->sources[k];
                CHECK(s->article && s->sentence && s->trigger, "source strings missing", i);
                CHECK((uint64_t)s->offset + s->length <= rlen, "source sentence outside the original", i);
                CHECK((uint64_t)s->trigger_offset + s->trigger_length <= rlen, "trigger outside the original", i);
            }
        }
    }
}

void fuzz_check_skipped(const bn_error *err)
{
    if (err->status == BN_ERR_NOMEM)
        return;
    /* as tools/biennien.c does: skip_reason() and the record's source */
    const char *path = err->source[0] ? err->source : "-";
    const char *reason = err->text[0] ? err->text : bn_status_name(err->status);
    char *line = NULL;
    size_t len = 0;
    if (bn_json_skipped_line(path, err->line, reason, &line, &len) != BN_OK) {
        fprintf(stderr, "fuzz: bn_json_skipped_line fails for the error \"%s: %s\" (%zu bytes of reason)\n", path,
                reason, strlen(reason));
        abort();
    }
    char *p = NULL, *r = NULL;
    int l = 0;
    if (!bn_json_read_skipped(line, len, &p, &l, &r)) {
        fprintf(stderr, "fuzz: the skipped line does not read back: %.*s", (int)len, line);
        abort();
    }
    /* bytes that are not UTF-8 may come back as U+FFFD */
    size_t n;
    char *want_p = bn_utf8_repair(path, strlen(path), &n), *want_r = bn_utf8_repair(reason, strlen(reason), &n);
    if (!want_p || !want_r)
        abort();
    if ((strcmp(p, path) != 0 && strcmp(p, want_p) != 0) || (strcmp(r, reason) != 0 && strcmp(r, want_r) != 0) ||
        l != err->line) {
        fprintf(stderr, "fuzz: the skipped line reads back different: %.*s", (int)len, line);
        abort();
    }
    free(want_p);
    free(want_r);
    free(p);
    free(r);
    free(line);
}

bn_article *fuzz_read_split(const uint8_t *data, size_t size, const bn_lang *lang, bn_splitter *sp)
{
    char *text = fuzz_copy(data, size);
    bn_record rec = fuzz_text_record(text, size, NULL, NULL);
    bn_read_options ro = {.lenient = 1};
    bn_article *a = bn_article_new();
    if (!a)
        abort();
    bn_error err;
    bn_error_clear(&err);
    bn_status st = bn_read_article(a, &rec, lang, &ro, &err);
    if (st == BN_OK)
        st = bn_split_sentences(sp, a, lang);
    free(text); /* the article keeps its own copy of the text */
    if (st != BN_OK) {
        bn_article_free(a);
        return NULL;
    }
    return a;
}
