#include "bn_json.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "bn_config.h"
#include "bn_outfile.h"
#include "bn_text.h"

/* Decimal quantities (Goldstein values, confidences) have few digits, so
 * ten significant digits print them short and read them back exactly. */
#define DUMP_FLAGS (JSON_SORT_KEYS | JSON_REAL_PRECISION(10))

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *body_json(const uint32_t *pairs, size_t n)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(arr, json_pack("{s:I,s:I}", "offset", (json_int_t)pairs[2 * i], "length",
                                             (json_int_t)pairs[2 * i + 1]));
    return arr;
}

/* A date's TIMEX3 text, or null. */
static json_t *date_or_null(const bn_date *d)
{
    char buf[BN_TIMEX_MAX];
    return d ? json_string(bn_date_format(d, buf)) : json_null();
}

/* {"value": "2023-07-10" or null, "source": "given|page|url|none"}; with
 * no DCT, "source": "inferred" and "range" when the article's clues bound
 * its writing, "since" when only a past day does */
/* Whether an article's dct is "inferred": no DCT, and its clues bound
 * the writing on one side at least. */
static int dct_inferred(const bn_date *dct, const bn_date *from, const bn_date *to)
{
    return !dct->year && (from->year || to->year);
}

static json_t *dct_json(const bn_date *dct, bn_dct_source source, const bn_date *since, const bn_date *from,
                        const bn_date *to)
{
    int inferred = dct_inferred(dct, from, to);
    json_t *o = json_pack("{s:o,s:s}", "value", date_or_null(dct->year ? dct : NULL), "source",
                          inferred ? "inferred" : bn_dct_source_name(source));
    if (o && inferred)
        json_object_set_new(o, "range", json_pack("[o,o]", date_or_null(from->year ? from : NULL),
                                                  date_or_null(to->year ? to : NULL)));
    if (o && since->year) /* "written after this day": only with no DCT */
        json_object_set_new(o, "since", date_or_null(since));
    return o;
}

static json_t *year_or_null(int y)
{
    return y ? json_integer(y) : json_null();
}

/* A deferred count's integer fields, as extract records name them, with
 * the values a record may give them. */
enum { SHIFT_INTS = 6 };
static const struct {
    const char *key;
    int min, max;
} shift_fields[SHIFT_INTS] = {
    {"count", -1000, 1000}, {"weekday", 0, 7}, {"toward", -1, 1}, {"month", 0, 12}, {"day", 0, 31}, {"lag", 0, 31},
};

/* The fields of s, in shift_fields' order. */
static void shift_ints(bn_shift *s, int *v[SHIFT_INTS])
{
    v[0] = &s->count, v[1] = &s->weekday, v[2] = &s->toward, v[3] = &s->month, v[4] = &s->day, v[5] = &s->lag;
}

static json_t *date_json(const bn_timex *t)
{
    json_t *range = t->year_lo || t->year_hi ? json_pack("[o,o]", year_or_null(t->year_lo), year_or_null(t->year_hi))
                                             : json_null();
    const char *mod = bn_date_mod_name(t->mod);
    json_t *o = json_pack("{s:o,s:o,s:s,s:s,s:o,s:o}", "value", date_or_null(&t->value), "end",
                          date_or_null(t->has_end ? &t->end : NULL), "precision", bn_precision_name(t->value.precision),
                          "year_source", bn_year_source_name(t->year_source), "mod",
                          mod ? json_string(mod) : json_null(), "year_range", range);
    if (o && t->year_source == BN_YEAR_DEFERRED) { /* counted from `value` (or the days of its lag after) */
        bn_shift sh = t->deferred;
        int *v[SHIFT_INTS];
        shift_ints(&sh, v);
        json_t *d = json_pack("{s:s}", "unit", bn_shift_unit_name(sh.unit));
        for (size_t i = 0; d && i < SHIFT_INTS; i++)
            json_object_set_new(d, shift_fields[i].key, json_integer(*v[i]));
        json_object_set_new(o, "deferred", d);
    }
    return o;
}

static json_t *event_json(const bn_event *e)
{
    json_t *actors = json_array(), *sources = json_array();
    for (size_t i = 0; i < e->nactors; i++)
        json_array_append_new(actors, json_pack("{s:s,s:s}", "id", e->actors[i].id, "role",
                                                bn_role_name(e->actors[i].role)));
    for (size_t i = 0; i < e->nsources; i++) {
        const bn_source *s = &e->sources[i];
        json_array_append_new(sources,
                              json_pack("{s:s,s:s,s:I,s:I,s:s,s:I,s:I}", "article", s->article, "sentence",
                                        s->sentence, "offset", (json_int_t)s->offset, "length",
                                        (json_int_t)s->length, "trigger", s->trigger, "trigger_offset",
                                        (json_int_t)s->trigger_offset, "trigger_length",
                                        (json_int_t)s->trigger_length));
        if (s->date) /* the date its article gives a merged event */
            json_object_set_new(json_array_get(sources, i), "date",
                                json_pack("{s:o,s:o}", "value", date_or_null(&s->date->value), "end",
                                          date_or_null(s->date->has_end ? &s->date->end : NULL)));
    }
    json_t *date = date_json(&e->date);
    json_object_set_new(date, "source", json_string(bn_date_source_name(e->date_source)));
    return json_pack("{s:s,s:s,s:f,s:o,s:o,s:o,s:o,s:s,s:f}", "type", bn_event_type_name(e->type), "cameo",
                     e->cameo, "goldstein", e->goldstein, "date", date, "location",
                     e->location ? json_string(e->location) : json_null(), "actors", actors, "sources", sources,
                     "modality", bn_modality_name(e->modality), "confidence", e->confidence);
}

static json_t *aliases_json(const char *const *v, size_t n)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(arr, json_string(v[i]));
    return arr;
}

/* One compact line (JSON Lines). */
static bn_status dump_line(json_t *root, FILE *f, bn_error *err)
{
    if (!root)
        return bn_error_set(err, BN_ERR_NOMEM, "<stdout>", 0, 0, 0, "out of memory building JSON");
    int r = json_dumpf(root, f, DUMP_FLAGS | JSON_COMPACT);
    if (r == 0 && fputc('\n', f) == EOF)
        r = -1;
    json_decref(root);
    if (r != 0)
        return bn_error_set(err, BN_ERR_IO, "<stdout>", 0, 0, 0, "cannot write JSON");
    return BN_OK;
}

/* timeline.json is written one element at a time, so that memory holds
 * one event's JSON at a time, not the whole document's (which, in jansson,
 * is several times the size of the text).  The layout is what
 * json_dump_file with JSON_INDENT(1) would give the whole document: each
 * element is dumped on its own and indented by its depth. */
typedef struct json_out {
    FILE *f;
    int failed;
} json_out;

static void put(json_out *o, const char *s)
{
    if (!o->failed && fputs(s, o->f) == EOF)
        o->failed = 1;
}

/* Writes v (consumed) with every line after the first indented by
 * `depth` spaces. */
static void put_value(json_out *o, json_t *v, int depth)
{
    char *s = v ? json_dumps(v, DUMP_FLAGS | JSON_INDENT(1) | JSON_ENCODE_ANY) : NULL;
    json_decref(v);
    if (!s) {
        o->failed = 1;
        return;
    }
    static const char pad[] = "                ";
    for (char *p = s, *nl; !o->failed && *p; p = nl + 1) {
        nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p + 1) : strlen(p);
        if (fwrite(p, 1, n, o->f) != n || (nl && fwrite(pad, 1, (size_t)depth, o->f) != (size_t)depth))
            o->failed = 1;
        if (!nl)
            break;
    }
    free(s);
}

/* "key": [ ... ] at depth 1; `item(ctx, i)` makes element i. */
static void put_array(json_out *o, const char *key, size_t n, json_t *(*item)(const void *ctx, size_t i),
                      const void *ctx, int last)
{
    put(o, " \"");
    put(o, key);
    put(o, n ? "\": [\n" : "\": []");
    for (size_t i = 0; i < n; i++) {
        put(o, "  ");
        put_value(o, item(ctx, i), 2);
        put(o, i + 1 < n ? ",\n" : "\n ]");
    }
    put(o, last ? "\n" : ",\n");
}

static void put_member(json_out *o, const char *key, json_t *v, int last)
{
    put(o, " \"");
    put(o, key);
    put(o, "\": ");
    put_value(o, v, 1);
    put(o, last ? "\n" : ",\n");
}

typedef struct timeline_ctx {
    const bn_timeline *tl;
    const bn_network *net;
} timeline_ctx;

static json_t *article_item(const void *ctx, size_t i)
{
    const bn_tl_article *a = &((const timeline_ctx *)ctx)->tl->articles[i];
    json_t *o = json_pack("{s:s,s:s,s:o,s:s,s:o,s:o,s:I,s:I,s:s,s:s,s:I}", "id", a->id, "path", a->path, "url",
                          str_or_null(a->url), "title", a->title, "dct",
                          dct_json(&a->dct, a->dct_source, &a->written_since, &a->written_from, &a->written_to), "body",
                          body_json(a->body, a->nbody), "sentences", (json_int_t)a->nsentences, "events",
                          (json_int_t)a->nevents, "text_hash", a->text_hash, "status",
                          bn_article_status_name(a->status), "line", (json_int_t)a->line);
    if (o && a->reason)
        json_object_set_new(o, "reason", json_string(a->reason));
    return o;
}

static json_t *actor_item(const void *ctx, size_t i)
{
    const timeline_ctx *c = ctx;
    const bn_tl_actor *a = &c->tl->actors[i];
    const bn_actor_metrics *m = c->net ? &c->net->metrics[i] : NULL;
    json_t *o = json_pack("{s:s,s:s,s:s,s:s,s:s?,s:b,s:o,s:I,s:I,s:I}", "id", a->id, "name", a->name, "name_vi",
                          a->name_local, "kind", bn_kind_name(a->kind), "affiliation", a->affiliation, "known", a->known,
                          "aliases", aliases_json(a->aliases, a->naliases), "mentions", (json_int_t)a->mentions,
                          "articles", (json_int_t)a->articles, "events", (json_int_t)a->events);
    if (o && m)
        json_object_update_new(o, json_pack("{s:f,s:f,s:f,s:f,s:f,s:o}", "degree", m->degree, "in_strength",
                                            m->in_strength, "out_strength", m->out_strength, "pagerank", m->pagerank,
                                            "betweenness", m->betweenness, "community",
                                            m->community >= 0 ? json_integer(m->community) : json_null()));
    return o;
}

static json_t *event_item(const void *ctx, size_t i)
{
    const bn_tl_event *e = &((const timeline_ctx *)ctx)->tl->events[i];
    json_t *o = event_json(&e->ev);
    json_object_set_new(o, "id", json_string(e->id));
    json_object_set_new(o, "articles", json_integer(e->articles));
    return o;
}

static json_t *relation_item(const void *ctx, size_t i)
{
    const timeline_ctx *c = ctx;
    const bn_relation *r = &c->net->relations[i];
    json_t *types = json_object(), *evs = json_array();
    for (int t = 0; t < BN_EV_COUNT; t++)
        if (r->types[t])
            json_object_set_new(types, bn_event_type_name((bn_event_type)t), json_integer(r->types[t]));
    for (size_t k = 0; k < r->nevents; k++)
        json_array_append_new(evs, json_string(c->tl->events[r->events[k]].id));
    return json_pack("{s:s,s:s,s:I,s:f,s:o,s:o,s:o,s:o}", "source", c->tl->actors[r->source].id, "target",
                     c->tl->actors[r->target].id, "count", (json_int_t)r->count, "goldstein", r->goldstein, "types",
                     types, "events", evs, "first", date_or_null(r->first), "last", date_or_null(r->last));
}

bn_status bn_json_write_timeline(const bn_output_ctx *ctx, bn_error *err)
{
    const bn_timeline *tl = ctx->tl;
    const bn_network *net = ctx->net;
    bn_outfile out;
    bn_status st = bn_outfile_open(&out, ctx->paths[0], err);
    if (st != BN_OK)
        return st;
    json_out o = {out.f, 0};
    timeline_ctx c = {tl, net};
    /* members in key order, as JSON_SORT_KEYS would have them */
    put(&o, "{\n");
    put_array(&o, "actors", tl->nactors, actor_item, &c, 0);
    put_array(&o, "articles", tl->narticles, article_item, &c, 0);
    put_array(&o, "events", tl->nevents, event_item, &c, 0);
    put_member(&o, "generator", json_string("biennien " BN_VERSION), 0);
    put_member(&o, "network",
               net ? json_pack("{s:I,s:I,s:I,s:f}", "actors", (json_int_t)tl->nactors, "relations",
                               (json_int_t)net->nrelations, "communities", (json_int_t)net->ncommunities,
                               "modularity", net->modularity)
                   : json_null(),
               0);
    put_array(&o, "relations", net ? net->nrelations : 0, relation_item, &c, 0);
    put_member(&o, "schema", json_string(BN_TIMELINE_SCHEMA), 1);
    put(&o, "}");
    return bn_outfile_commit(&out, o.failed, err);
}

static json_t *extract_root(const bn_article *a)
{
    json_t *actors = json_array(), *events = json_array();
    for (size_t i = 0; i < a->nactors; i++) {
        const bn_actor *ac = &a->actors[i];
        json_array_append_new(actors, json_pack("{s:s,s:s,s:s,s:s,s:s?,s:b,s:o,s:I}", "id", ac->id, "name", ac->name,
                                                "name_vi", ac->name_local ? ac->name_local : ac->name, "kind",
                                                bn_kind_name(ac->kind), "affiliation", ac->affiliation, "known",
                                                !ac->from_text, "aliases",
                                                aliases_json(ac->aliases, ac->naliases), "mentions",
                                                (json_int_t)ac->mentions));
    }
    for (size_t i = 0; i < a->nevents; i++)
        json_array_append_new(events, event_json(&a->events[i]));
    json_t *article = json_pack(
        "{s:s,s:s,s:o,s:s,s:o,s:o,s:I,s:I,s:s,s:I}", "id", a->id, "path", a->path, "url", str_or_null(a->url),
        "title", a->title ? a->title : "", "dct",
        dct_json(&a->dct, a->dct_source, &a->written_since, &a->written_from, &a->written_to), "body",
        body_json(a->body_offsets, a->nbody), "sentences",
        (json_int_t)a->nsentences, "events", (json_int_t)a->nevents, "text_hash", a->text_hash, "line",
        (json_int_t)a->line);
    return json_pack("{s:s,s:o,s:o,s:o}", "schema", BN_EXTRACT_SCHEMA, "article", article, "actors",
                             actors, "events", events);
}

bn_status bn_json_write_extract(FILE *f, const bn_article *a, bn_error *err)
{
    return dump_line(extract_root(a), f, err);
}

bn_status bn_json_skipped_line(const char *path, int line, const char *reason, char **out, size_t *len)
{
    /* a message may quote the bad bytes it is about, a path may hold any
     * bytes: JSON wants UTF-8 */
    size_t n;
    char *r = bn_utf8_repair(reason, strlen(reason), &n), *p = bn_utf8_repair(path, strlen(path), &n);
    json_t *root = r && p ? json_pack("{s:s,s:{s:s,s:i,s:s}}", "schema", BN_EXTRACT_SCHEMA, "skipped", "path", p,
                                      "line", line, "reason", r)
                          : NULL;
    free(r);
    free(p);
    char *s = root ? json_dumps(root, JSON_COMPACT) : NULL;
    json_decref(root);
    n = s ? strlen(s) : 0;
    char *l = s ? realloc(s, n + 2) : NULL;
    if (!l) {
        free(s);
        return BN_ERR_NOMEM;
    }
    l[n] = '\n';
    l[n + 1] = 0;
    *out = l;
    *len = n + 1;
    return BN_OK;
}

int bn_json_read_skipped(const char *text, size_t len, char **path, int *line, char **reason)
{
    json_error_t je;
    json_t *root = json_loadb(text, len, 0, &je);
    const json_t *sk = json_object_get(root, "skipped");
    const char *p = json_string_value(json_object_get(sk, "path")), *r = json_string_value(json_object_get(sk, "reason"));
    int ok = json_is_object(sk) && p && r;
    if (ok) {
        *path = strdup(p);
        *reason = strdup(r);
        *line = (int)json_integer_value(json_object_get(sk, "line"));
        if (!*path || !*reason) {
            free(*path);
            free(*reason);
            ok = 0;
        }
    }
    json_decref(root);
    return ok;
}

/* ---- the extract record, written straight into a buffer ---------------
 *
 * The bytes are those json_dumps(extract_root(a), JSON_REAL_PRECISION(10) |
 * JSON_COMPACT) gives, without building the tree: keys in the order they
 * are built, not sorted (sorting every object of every record costs more
 * than it helps a reader of an intermediate format).  What jansson refuses
 * is refused alike: a string that is NULL or not UTF-8 fails the element
 * that holds it (json_pack fails), and an element of an array that fails
 * is left out (json_array_append_new of NULL), an alias alone, an actor or
 * event whole; the article's own fields fail the record. */

typedef struct jbuf {
    char *s;
    size_t n, cap;
    int nomem;
} jbuf;

static void jb_grow(jbuf *b, size_t n);

static inline void jb_put(jbuf *b, const char *s, size_t n)
{
    if (b->n + n + 2 > b->cap) { /* room for a '\n' and a NUL after it all */
        jb_grow(b, n);
        if (b->n + n + 2 > b->cap)
            return;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
}

/* Makes room for n more bytes, the '\n' and the NUL (or sets nomem). */
static void jb_grow(jbuf *b, size_t n)
{
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->n + n + 2)
        cap *= 2;
    char *ns = b->nomem ? NULL : realloc(b->s, cap);
    if (!ns) {
        b->nomem = 1;
        return;
    }
    b->s = ns;
    b->cap = cap;
}

static inline void jb_lit(jbuf *b, const char *s)
{
    jb_put(b, s, strlen(s));
}

/* The bytes a JSON string escapes: controls, '"' and '\\'. */
static const uint8_t needs_escape[256] = {
    [0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1, [0x07] = 1,
    [0x08] = 1, [0x09] = 1, [0x0A] = 1, [0x0B] = 1, [0x0C] = 1, [0x0D] = 1, [0x0E] = 1, [0x0F] = 1,
    [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1,
    [0x18] = 1, [0x19] = 1, [0x1A] = 1, [0x1B] = 1, [0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x1F] = 1,
    ['"'] = 1, ['\\'] = 1,
};

/* A JSON string as jansson writes it; -1 (nothing written) for what
 * json_string refuses (invalid UTF-8).  One pass: the bytes are checked
 * as they are copied, and what was written is taken back at a bad one. */
static int jb_str(jbuf *b, const char *s)
{
    if (!s)
        return -1;
    size_t at = b->n;
    int nomem = b->nomem;
    jb_put(b, "\"", 1);
    const uint8_t *p = (const uint8_t *)s;
    size_t from = 0, i = 0;
    for (;;) {
        /* (the bytes written as they are, a table look-up each; a
         * multi-byte form is checked whole: the NUL after the string is
         * no continuation byte, so none is read past it) */
        if (p[i] >= 0x80) {
            int32_t k = 0;
            if (bn_u8_next(p + i, &k, INT32_MAX) < 0) {
                b->n = at;
                b->nomem = nomem;
                return -1;
            }
            i += (size_t)k;
            continue;
        }
        if (!needs_escape[p[i]]) {
            i++;
            continue;
        }
        unsigned char c = p[i];
        if (c == 0)
            break;
        jb_put(b, s + from, i - from);
        char esc[8];
        switch (c) {
        case '"': jb_put(b, "\\\"", 2); break;
        case '\\': jb_put(b, "\\\\", 2); break;
        case '\b': jb_put(b, "\\b", 2); break;
        case '\f': jb_put(b, "\\f", 2); break;
        case '\n': jb_put(b, "\\n", 2); break;
        case '\r': jb_put(b, "\\r", 2); break;
        case '\t': jb_put(b, "\\t", 2); break;
        default:
            snprintf(esc, sizeof esc, "\\u%04X", (unsigned)c);
            jb_put(b, esc, 6);
        }
        from = ++i;
    }
    jb_put(b, s + from, i - from);
    jb_put(b, "\"", 1);
    return 0;
}

/* "key": */
static inline void jb_key(jbuf *b, const char *key)
{
    jb_put(b, "\"", 1);
    jb_lit(b, key);
    jb_put(b, "\":", 2);
}

static int jb_key_str(jbuf *b, const char *key, const char *v)
{
    jb_key(b, key);
    return jb_str(b, v);
}

/* a string, or null for NULL (json_pack's "s?") */
static int jb_key_str_or_null(jbuf *b, const char *key, const char *v)
{
    jb_key(b, key);
    if (!v) {
        jb_lit(b, "null");
        return 0;
    }
    return jb_str(b, v);
}

/* v in decimal, as "%lld" writes it, into num (room for 21 bytes and a
 * NUL); returns its length. */
size_t bn_json_format_int(char *num, long long v)
{
    char tmp[24];
    size_t n = 0, k = 0;
    /* the magnitude as unsigned: -LLONG_MIN does not fit a long long */
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        num[k++] = '-';
    while (n)
        num[k++] = tmp[--n];
    num[k] = '\0';
    return k;
}

static void jb_key_int(jbuf *b, const char *key, long long v)
{
    char num[32];
    jb_key(b, key);
    jb_put(b, num, bn_json_format_int(num, v));
}

/* A real as jansson writes it with JSON_REAL_PRECISION(10) (the program
 * runs in the C locale): "%.10g", ".0" added to what would read as an
 * integer, the exponent without '+' or leading zeros.  -1 for what
 * json_real refuses (NaN, infinities). */
static int jb_key_real(jbuf *b, const char *key, double v)
{
    if (v != v || v - v != 0)
        return -1;
    char num[40];
    int n = snprintf(num, sizeof num, "%.10g", v);
    if (n < 0 || (size_t)n + 3 >= sizeof num)
        return -1;
    if (!strchr(num, '.') && !strchr(num, 'e')) {
        memcpy(num + n, ".0", 3);
        n += 2;
    }
    char *e = strchr(num, 'e');
    if (e) {
        char *start = e + 1, *end = e + 2;
        if (*start == '-')
            start++;
        while (*end == '0')
            end++;
        if (end != start) {
            memmove(start, end, (size_t)(num + n + 1 - end));
            n -= (int)(end - start);
        }
    }
    jb_key(b, key);
    jb_put(b, num, (size_t)n);
    return 0;
}

static int jb_key_date(jbuf *b, const char *key, const bn_date *d)
{
    char buf[BN_TIMEX_MAX];
    return jb_key_str_or_null(b, key, d ? bn_date_format(d, buf) : NULL);
}

/* A day's TIMEX3 text in quotes, or null. */
static int jb_date_or_null(jbuf *b, const bn_date *d)
{
    char buf[BN_TIMEX_MAX];
    if (!d) {
        jb_lit(b, "null");
        return 0;
    }
    return jb_str(b, bn_date_format(d, buf));
}

static void jb_year(jbuf *b, int y)
{
    char num[16];
    if (y)
        jb_put(b, num, bn_json_format_int(num, y));
    else
        jb_lit(b, "null");
}

/* An array element: its comma, then fn; when fn fails, nothing of it. */
#define JB_ELEMENT(b, first, call)                                                                                     \
    do {                                                                                                               \
        size_t mark_ = (b)->n;                                                                                         \
        if (!(first))                                                                                                  \
            jb_put((b), ",", 1);                                                                                       \
        if ((call) == 0)                                                                                               \
            (first) = 0;                                                                                               \
        else                                                                                                           \
            (b)->n = mark_;                                                                                            \
    } while (0)

static int jb_date(jbuf *b, const bn_timex *t, bn_date_source source)
{
    jb_put(b, "{", 1);
    int bad = jb_key_date(b, "value", &t->value);
    jb_put(b, ",", 1);
    bad |= jb_key_date(b, "end", t->has_end ? &t->end : NULL);
    jb_put(b, ",", 1);
    bad |= jb_key_str(b, "precision", bn_precision_name(t->value.precision));
    jb_put(b, ",", 1);
    bad |= jb_key_str(b, "year_source", bn_year_source_name(t->year_source));
    jb_put(b, ",", 1);
    bad |= jb_key_str_or_null(b, "mod", bn_date_mod_name(t->mod));
    jb_put(b, ",", 1);
    jb_key(b, "year_range");
    if (t->year_lo || t->year_hi) {
        jb_put(b, "[", 1);
        jb_year(b, t->year_lo);
        jb_put(b, ",", 1);
        jb_year(b, t->year_hi);
        jb_put(b, "]", 1);
    } else {
        jb_lit(b, "null");
    }
    if (t->year_source == BN_YEAR_DEFERRED) {
        /* counted from `value` (or the days of its lag after), once it has a year */
        jb_put(b, ",", 1);
        jb_key(b, "deferred");
        jb_put(b, "{", 1);
        bad |= jb_key_str(b, "unit", bn_shift_unit_name(t->deferred.unit));
        bn_shift sh = t->deferred;
        int *v[SHIFT_INTS];
        shift_ints(&sh, v);
        for (size_t i = 0; i < SHIFT_INTS; i++) {
            jb_put(b, ",", 1);
            jb_key_int(b, shift_fields[i].key, *v[i]);
        }
        jb_put(b, "}", 1);
    }
    /* "source" is set after the pack: a name json_string refuses is left out */
    size_t mark = b->n;
    jb_put(b, ",", 1);
    if (jb_key_str(b, "source", bn_date_source_name(source)))
        b->n = mark;
    jb_put(b, "}", 1);
    return bad ? -1 : 0;
}

static int jb_event_actor(jbuf *b, const bn_event_actor *ea)
{
    jb_put(b, "{", 1);
    int bad = jb_key_str(b, "id", ea->id);
    jb_put(b, ",", 1);
    bad |= jb_key_str(b, "role", bn_role_name(ea->role));
    jb_put(b, "}", 1);
    return bad ? -1 : 0;
}

static int jb_source(jbuf *b, const bn_source *s)
{
    jb_put(b, "{", 1);
    int bad = jb_key_str(b, "article", s->article);
    jb_put(b, ",", 1);
    bad |= jb_key_str(b, "sentence", s->sentence);
    jb_put(b, ",", 1);
    jb_key_int(b, "offset", (long long)s->offset);
    jb_put(b, ",", 1);
    jb_key_int(b, "length", (long long)s->length);
    jb_put(b, ",", 1);
    bad |= jb_key_str(b, "trigger", s->trigger);
    jb_put(b, ",", 1);
    jb_key_int(b, "trigger_offset", (long long)s->trigger_offset);
    jb_put(b, ",", 1);
    jb_key_int(b, "trigger_length", (long long)s->trigger_length);
    jb_put(b, "}", 1);
    return bad ? -1 : 0;
}

static int jb_event(jbuf *b, const bn_event *e)
{
    jb_put(b, "{", 1);
    int bad = jb_key_str(b, "type", bn_event_type_name(e->type));
    jb_put(b, ",", 1);
    bad |= jb_key_str(b, "cameo", e->cameo);
    jb_put(b, ",", 1);
    bad |= jb_key_real(b, "goldstein", e->goldstein);
    jb_put(b, ",", 1);
    jb_key(b, "date");
    bad |= jb_date(b, &e->date, e->date_source);
    jb_put(b, ",", 1);
    bad |= jb_key_str_or_null(b, "location", e->location);
    jb_put(b, ",", 1);
    jb_key(b, "actors");
    jb_put(b, "[", 1);
    int first = 1;
    for (size_t i = 0; i < e->nactors; i++)
        JB_ELEMENT(b, first, jb_event_actor(b, &e->actors[i]));
    jb_put(b, "],", 2);
    jb_key(b, "sources");
    jb_put(b, "[", 1);
    first = 1;
    for (size_t i = 0; i < e->nsources; i++)
        JB_ELEMENT(b, first, jb_source(b, &e->sources[i]));
    jb_put(b, "],", 2);
    bad |= jb_key_str(b, "modality", bn_modality_name(e->modality));
    jb_put(b, ",", 1);
    bad |= jb_key_real(b, "confidence", e->confidence);
    jb_put(b, "}", 1);
    return bad ? -1 : 0;
}

static int jb_actor(jbuf *b, const bn_actor *ac)
{
    jb_put(b, "{", 1);
    int bad = jb_key_str(b, "id", ac->id);
    jb_put(b, ",", 1);
    bad |= jb_key_str(b, "name", ac->name);
    jb_put(b, ",", 1);
    bad |= jb_key_str(b, "name_vi", ac->name_local ? ac->name_local : ac->name);
    jb_put(b, ",", 1);
    bad |= jb_key_str(b, "kind", bn_kind_name(ac->kind));
    jb_put(b, ",", 1);
    bad |= jb_key_str_or_null(b, "affiliation", ac->affiliation);
    jb_put(b, ",", 1);
    jb_key(b, "known");
    jb_lit(b, ac->from_text ? "false" : "true");
    jb_put(b, ",", 1);
    jb_key(b, "aliases");
    jb_put(b, "[", 1);
    int first = 1;
    for (size_t i = 0; i < ac->naliases; i++)
        JB_ELEMENT(b, first, jb_str(b, ac->aliases[i]));
    jb_put(b, "],", 2);
    jb_key_int(b, "mentions", (long long)ac->mentions);
    jb_put(b, "}", 1);
    return bad ? -1 : 0;
}

static int jb_article(jbuf *b, const bn_article *a)
{
    jb_put(b, "{", 1);
    int bad = jb_key_str(b, "id", a->id);
    jb_put(b, ",", 1);
    bad |= jb_key_str(b, "path", a->path);
    jb_put(b, ",", 1);
    bad |= jb_key_str_or_null(b, "url", a->url);
    jb_put(b, ",", 1);
    bad |= jb_key_str(b, "title", a->title ? a->title : "");
    jb_put(b, ",", 1);
    jb_key(b, "dct");
    jb_put(b, "{", 1);
    bad |= jb_key_date(b, "value", a->dct.year ? &a->dct : NULL);
    jb_put(b, ",", 1);
    int inferred = dct_inferred(&a->dct, &a->written_from, &a->written_to);
    bad |= jb_key_str(b, "source", inferred ? "inferred" : bn_dct_source_name(a->dct_source));
    if (inferred) {
        jb_put(b, ",", 1);
        jb_key(b, "range");
        jb_put(b, "[", 1);
        bad |= jb_date_or_null(b, a->written_from.year ? &a->written_from : NULL);
        jb_put(b, ",", 1);
        bad |= jb_date_or_null(b, a->written_to.year ? &a->written_to : NULL);
        jb_put(b, "]", 1);
    }
    if (a->written_since.year) { /* "written after this day": only with no DCT */
        size_t mark = b->n;
        jb_put(b, ",", 1);
        if (jb_key_date(b, "since", &a->written_since))
            b->n = mark;
    }
    jb_put(b, "},", 2);
    jb_key(b, "body");
    jb_put(b, "[", 1);
    for (size_t i = 0; i < a->nbody; i++) {
        if (i)
            jb_put(b, ",", 1);
        jb_put(b, "{", 1);
        jb_key_int(b, "offset", (long long)a->body_offsets[2 * i]);
        jb_put(b, ",", 1);
        jb_key_int(b, "length", (long long)a->body_offsets[2 * i + 1]);
        jb_put(b, "}", 1);
    }
    jb_put(b, "],", 2);
    jb_key_int(b, "sentences", (long long)a->nsentences);
    jb_put(b, ",", 1);
    jb_key_int(b, "events", (long long)a->nevents);
    jb_put(b, ",", 1);
    bad |= jb_key_str(b, "text_hash", a->text_hash);
    jb_put(b, ",", 1);
    jb_key_int(b, "line", (long long)a->line);
    jb_put(b, "}", 1);
    return bad ? -1 : 0;
}

bn_status bn_json_extract_line(const bn_article *a, char **out, size_t *len, bn_error *err)
{
    jbuf b = {0};
    jb_lit(&b, "{\"schema\":\"" BN_EXTRACT_SCHEMA "\",\"article\":");
    int bad = jb_article(&b, a);
    jb_lit(&b, ",\"actors\":[");
    int first = 1;
    for (size_t i = 0; i < a->nactors; i++)
        JB_ELEMENT(&b, first, jb_actor(&b, &a->actors[i]));
    jb_lit(&b, "],\"events\":[");
    first = 1;
    for (size_t i = 0; i < a->nevents; i++)
        JB_ELEMENT(&b, first, jb_event(&b, &a->events[i]));
    jb_lit(&b, "]}\n");
    if (bad || b.nomem) {
        free(b.s);
        return bn_error_set(err, BN_ERR_NOMEM, a->path, 0, 0, 0, "out of memory writing JSON");
    }
    b.s[b.n] = '\0';
    *out = b.s;
    *len = b.n;
    return BN_OK;
}

/* ---- reading extract records ---------------------------------------- */

typedef struct reader {
    bn_article *a;
    const char *source;
    int line;
    bn_error *err;
} reader;

static bn_status bad(reader *r, const char *what)
{
    return bn_error_set(r->err, BN_ERR_PARSE, r->source, r->line, 1, 0, "not a biennien extract record: %s", what);
}

/* A string member copied into the article's arena; NULL when absent. */
static const char *get_str(reader *r, const json_t *o, const char *key, int required, bn_status *st)
{
    const json_t *v = json_object_get(o, key);
    if (json_is_string(v)) {
        const char *s = bn_arena_strndup(&r->a->arena, json_string_value(v), json_string_length(v));
        if (!s)
            *st = BN_ERR_NOMEM;
        return s;
    }
    if (required && *st == BN_OK)
        *st = bad(r, key);
    return NULL;
}

static bn_status read_event(reader *r, const json_t *o, bn_event *e)
{
    bn_status st = BN_OK;
    bn_arena *ar = &r->a->arena;
    const char *type = json_string_value(json_object_get(o, "type"));
    const char *cameo = json_string_value(json_object_get(o, "cameo"));
    const char *mod = json_string_value(json_object_get(o, "modality"));
    const json_t *date = json_object_get(o, "date");
    const json_t *actors = json_object_get(o, "actors"), *sources = json_object_get(o, "sources");
    memset(e, 0, sizeof *e);
    if (!type || !bn_event_type_parse(type, &e->type))
        return bad(r, "event type");
    if (!cameo || strlen(cameo) >= sizeof e->cameo)
        return bad(r, "event cameo");
    strcpy(e->cameo, cameo);
    if (!mod || !bn_modality_parse(mod, &e->modality))
        return bad(r, "event modality");
    e->goldstein = json_number_value(json_object_get(o, "goldstein"));
    e->confidence = json_number_value(json_object_get(o, "confidence"));
    const char *value = json_string_value(json_object_get(date, "value"));
    const char *end = json_string_value(json_object_get(date, "end"));
    const char *prec = json_string_value(json_object_get(date, "precision"));
    const char *ys = json_string_value(json_object_get(date, "year_source"));
    const char *tmod = json_string_value(json_object_get(date, "mod"));
    bn_precision precision;
    /* the TIMEX3 text is read here, once; its precision is the one written beside it */
    if (!value || !bn_date_parse(value, strlen(value), &e->date.value) || !prec ||
        !bn_precision_parse(prec, &precision) || precision != e->date.value.precision ||
        (end && !bn_date_parse(end, strlen(end), &e->date.end)) ||
        (tmod && !bn_date_mod_parse(tmod, &e->date.mod)) || !ys || !bn_year_source_parse(ys, &e->date.year_source))
        return bad(r, "event date");
    e->date.has_end = end != NULL;
    const char *dsrc = json_string_value(json_object_get(date, "source"));
    if (dsrc && !bn_date_source_parse(dsrc, &e->date_source))
        return bad(r, "event date source");
    const json_t *loc = json_object_get(o, "location");
    if (json_is_string(loc) && !(e->location = bn_arena_strdup(ar, json_string_value(loc))))
        return BN_ERR_NOMEM;
    const json_t *range = json_object_get(date, "year_range");
    e->date.year_lo = (int)json_integer_value(json_array_get(range, 0));
    e->date.year_hi = (int)json_integer_value(json_array_get(range, 1));
    if (e->date.year_source == BN_YEAR_DEFERRED) {
        const json_t *df = json_object_get(date, "deferred");
        const char *unit = json_string_value(json_object_get(df, "unit"));
        bn_shift *sh = &e->date.deferred;
        if (!unit || !bn_shift_unit_parse(unit, &sh->unit) || e->date.value.precision != BN_PREC_DAY ||
            e->date.value.year || e->date.has_end)
            return bad(r, "event date deferred");
        int *v[SHIFT_INTS];
        shift_ints(sh, v);
        for (size_t i = 0; i < SHIFT_INTS; i++) {
            json_int_t x = json_integer_value(json_object_get(df, shift_fields[i].key));
            if (x < shift_fields[i].min || x > shift_fields[i].max)
                return bad(r, "event date deferred");
            *v[i] = (int)x;
        }
        if ((sh->unit == BN_SHIFT_WEEKDAY) != (sh->weekday != 0))
            return bad(r, "event date deferred");
    }
    if (!json_is_array(actors) || !json_is_array(sources) || json_array_size(sources) == 0)
        return bad(r, "event actors and sources");
    e->actors = bn_arena_calloc(ar, json_array_size(actors) + 1, sizeof *e->actors);
    e->sources = bn_arena_calloc(ar, json_array_size(sources), sizeof *e->sources);
    if (!e->actors || !e->sources)
        return BN_ERR_NOMEM;
    size_t i;
    const json_t *v;
    json_array_foreach(actors, i, v) {
        const char *role = json_string_value(json_object_get(v, "role"));
        bn_event_actor *ea = &e->actors[e->nactors];
        ea->id = get_str(r, v, "id", 1, &st);
        if (st != BN_OK)
            return st;
        if (!role || !bn_role_parse(role, &ea->role))
            return bad(r, "actor role");
        e->nactors++;
    }
    json_array_foreach(sources, i, v) {
        bn_source *s = &e->sources[e->nsources];
        s->article = get_str(r, v, "article", 1, &st);
        s->sentence = get_str(r, v, "sentence", 1, &st);
        s->trigger = get_str(r, v, "trigger", 1, &st);
        if (st != BN_OK)
            return st;
        s->offset = (uint32_t)json_integer_value(json_object_get(v, "offset"));
        s->length = (uint32_t)json_integer_value(json_object_get(v, "length"));
        s->trigger_offset = (uint32_t)json_integer_value(json_object_get(v, "trigger_offset"));
        s->trigger_length = (uint32_t)json_integer_value(json_object_get(v, "trigger_length"));
        e->nsources++;
    }
    return BN_OK;
}

static bn_status read_record(reader *r, const json_t *root)
{
    bn_article *a = r->a;
    bn_status st = BN_OK;
    const char *schema = json_string_value(json_object_get(root, "schema"));
    if (!schema || strcmp(schema, BN_EXTRACT_SCHEMA) != 0)
        return bad(r, "missing or different \"schema\" (expected " BN_EXTRACT_SCHEMA ")");
    const json_t *art = json_object_get(root, "article");
    const json_t *actors = json_object_get(root, "actors"), *events = json_object_get(root, "events");
    if (!json_is_object(art) || !json_is_array(actors) || !json_is_array(events))
        return bad(r, "needs \"article\", \"actors\" and \"events\"");
    a->id = get_str(r, art, "id", 1, &st);
    a->path = get_str(r, art, "path", 1, &st);
    a->url = get_str(r, art, "url", 0, &st);
    a->title = get_str(r, art, "title", 0, &st);
    const json_t *dcto = json_object_get(art, "dct");
    const char *dct = json_string_value(json_object_get(dcto, "value"));
    const char *dcts = json_string_value(json_object_get(dcto, "source"));
    const char *since = json_string_value(json_object_get(dcto, "since"));
    const char *hash = json_string_value(json_object_get(art, "text_hash"));
    if (st != BN_OK)
        return st;
    if (!hash || strlen(hash) != 16)
        return bad(r, "article text_hash");
    memcpy(a->text_hash, hash, 17);
    if (dct && !bn_date_parse_day(dct, &a->dct))
        return bad(r, "article dct");
    const json_t *range = json_object_get(dcto, "range");
    const char *from = json_string_value(json_array_get(range, 0)), *to = json_string_value(json_array_get(range, 1));
    if (dcts && strcmp(dcts, "inferred") == 0)
        a->dct_source = BN_DCT_NONE; /* the range says what the clues gave */
    else if (!dcts || !bn_dct_source_parse(dcts, &a->dct_source))
        return bad(r, "article dct source");
    if ((from && !bn_date_parse_day(from, &a->written_from)) || (to && !bn_date_parse_day(to, &a->written_to)))
        return bad(r, "article dct range");
    if (since && !bn_date_parse_day(since, &a->written_since))
        return bad(r, "article dct since");
    a->nsentences = (size_t)json_integer_value(json_object_get(art, "sentences"));
    a->line = (int)json_integer_value(json_object_get(art, "line")); /* 0 when absent */
    const json_t *body = json_object_get(art, "body");
    size_t nb = json_array_size(body);
    a->body_offsets = bn_arena_calloc(&a->arena, 2 * (nb + 1), sizeof *a->body_offsets);
    if (!a->body_offsets)
        return BN_ERR_NOMEM;
    for (size_t i = 0; i < nb; i++) {
        const json_t *sp = json_array_get(body, i);
        a->body_offsets[2 * i] = (uint32_t)json_integer_value(json_object_get(sp, "offset"));
        a->body_offsets[2 * i + 1] = (uint32_t)json_integer_value(json_object_get(sp, "length"));
    }
    a->nbody = nb;

    a->actors = bn_arena_calloc(&a->arena, json_array_size(actors) + 1, sizeof *a->actors);
    a->events = bn_arena_calloc(&a->arena, json_array_size(events) + 1, sizeof *a->events);
    if (!a->actors || !a->events)
        return BN_ERR_NOMEM;
    size_t i;
    const json_t *v;
    json_array_foreach(actors, i, v) {
        bn_actor *ac = &a->actors[a->nactors];
        const char *kind = json_string_value(json_object_get(v, "kind"));
        ac->id = get_str(r, v, "id", 1, &st);
        ac->name = get_str(r, v, "name", 1, &st);
        ac->name_local = get_str(r, v, "name_vi", 0, &st);
        ac->affiliation = get_str(r, v, "affiliation", 0, &st);
        ac->from_text = json_is_false(json_object_get(v, "known"));
        if (st != BN_OK)
            return st;
        if (!kind || !bn_kind_parse(kind, &ac->kind))
            return bad(r, "actor kind");
        ac->mentions = (unsigned)json_integer_value(json_object_get(v, "mentions"));
        const json_t *al = json_object_get(v, "aliases");
        ac->aliases = bn_arena_calloc(&a->arena, json_array_size(al) + 1, sizeof *ac->aliases);
        if (!ac->aliases)
            return BN_ERR_NOMEM;
        size_t k;
        const json_t *s;
        json_array_foreach(al, k, s) {
            if (!json_is_string(s))
                return bad(r, "actor aliases");
            if (!(ac->aliases[ac->naliases++] = bn_arena_strdup(&a->arena, json_string_value(s))))
                return BN_ERR_NOMEM;
        }
        a->nactors++;
    }
    json_array_foreach(events, i, v) {
        st = read_event(r, v, &a->events[a->nevents]);
        if (st != BN_OK)
            return st;
        a->nevents++;
    }
    return BN_OK;
}

bn_status bn_json_read_extract(const char *line, size_t len, const char *source, int lineno,
                               bn_article **out, bn_error *err)
{
    *out = NULL;
    json_error_t je;
    json_t *root = json_loadb(line, len, JSON_REJECT_DUPLICATES, &je);
    if (!root)
        return bn_error_set(err, BN_ERR_PARSE, source, lineno, je.column > 0 ? je.column : 1,
                            (size_t)(je.position > 0 ? je.position : 0), "not JSON: %s", je.text);
    bn_article *a = bn_article_new();
    if (!a) {
        json_decref(root);
        return BN_ERR_NOMEM;
    }
    reader r = {a, source, lineno, err};
    bn_status st = read_record(&r, root);
    json_decref(root);
    if (st != BN_OK) {
        if (st == BN_ERR_NOMEM)
            bn_error_set(err, st, source, lineno, 1, 0, "out of memory");
        bn_article_free(a);
        return st;
    }
    *out = a;
    return BN_OK;
}
