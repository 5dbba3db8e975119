#include "bn_model.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define NAME_TABLE(fn_name, fn_parse, type, count, ...)              \
    static const char *const fn_name##_names[] = {__VA_ARGS__};      \
    const char *fn_name(type v)                                      \
    {                                                                \
        return (unsigned)v < (count) ? fn_name##_names[v] : "?";     \
    }                                                                \
    int fn_parse(const char *s, type *out)                           \
    {                                                                \
        for (unsigned i = 0; i < (count); i++)                       \
            if (s && strcmp(s, fn_name##_names[i]) == 0) {           \
                *out = (type)i;                                      \
                return 1;                                            \
            }                                                        \
        return 0;                                                    \
    }

/* These names are the JSON schema's vocabulary (docs/timeline.schema.json). */
NAME_TABLE(bn_precision_name, bn_precision_parse, bn_precision, 6,
           "day", "week", "month", "quarter", "half", "year")
NAME_TABLE(bn_year_source_name, bn_year_source_parse, bn_year_source, 6,
           "text", "dct", "inferred", "cross-article", "unknown", "deferred")
NAME_TABLE(bn_kind_name, bn_kind_parse, bn_actor_kind, 4,
           "country", "organization", "person", "group")
NAME_TABLE(bn_modality_name, bn_modality_parse, bn_modality, 4,
           "asserted", "planned", "negated", "hypothetical")
NAME_TABLE(bn_role_name, bn_role_parse, bn_role, 3, "source", "target", "other")
NAME_TABLE(bn_date_source_name, bn_date_source_parse, bn_date_source, 3, "clause", "sentence", "dct")
NAME_TABLE(bn_dct_source_name, bn_dct_source_parse, bn_dct_source, 4,
           "none", "url", "page", "given")

bn_article *bn_article_new(void)
{
    bn_article *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    bn_arena_init(&a->arena, 64 * 1024);
    a->written_after = LONG_MIN;
    a->written_before = LONG_MAX;
    return a;
}

void bn_article_free(bn_article *a)
{
    if (!a)
        return;
    bn_arena_destroy(&a->arena);
    free(a);
}

int bn_timex_days(const bn_timex *t, long *lo, long *hi)
{
    if (t->year_source == BN_YEAR_UNKNOWN || !bn_date_days(&t->value, lo, hi))
        return 0;
    if (t->value.precision == BN_PREC_DAY && t->has_end) { /* the end of a span of weeks or months is not counted */
        long elo, ehi;
        if (!bn_date_days(&t->end, &elo, &ehi) || t->end.precision != BN_PREC_DAY || elo < *lo)
            return 0;
        *hi = elo;
    }
    return 1;
}

int bn_timex_date_cmp(const bn_timex *a, const bn_timex *b)
{
    int c = bn_date_cmp(&a->value, &b->value);
    if (c || a->has_end != b->has_end)
        return c ? c : a->has_end - b->has_end;
    if (a->has_end && (c = bn_date_cmp(&a->end, &b->end)))
        return c;
    if ((a->year_source == BN_YEAR_DEFERRED) != (b->year_source == BN_YEAR_DEFERRED))
        return a->year_source == BN_YEAR_DEFERRED ? 1 : -1;
    return a->year_source == BN_YEAR_DEFERRED ? bn_shift_cmp(&a->deferred, &b->deferred) : 0;
}

/* Actor ids are interned within a timeline and shared with the knowledge
 * base within an article: equal pointers are the common case. */
static int same_id(const char *x, const char *y)
{
    return x == y || strcmp(x, y) == 0;
}

static int shares(const bn_event *a, const bn_event *b, int sources_only)
{
    for (size_t i = 0; i < a->nactors; i++) {
        if (sources_only && a->actors[i].role != BN_ROLE_SOURCE)
            continue;
        for (size_t j = 0; j < b->nactors; j++)
            if ((!sources_only || b->actors[j].role == BN_ROLE_SOURCE) && same_id(a->actors[i].id, b->actors[j].id))
                return 1;
    }
    return 0;
}

static int has_source(const bn_event *e)
{
    for (size_t i = 0; i < e->nactors; i++)
        if (e->actors[i].role == BN_ROLE_SOURCE)
            return 1;
    return 0;
}

int bn_event_shares_actor(const bn_event *a, const bn_event *b)
{
    return shares(a, b, 0);
}

enum { MAX_SIDES = 32 };

/* The distinct sides of e's actors, at most MAX_SIDES. */
static size_t sides_of(const bn_event *e, bn_side_fn side, const void *ctx, const char **out)
{
    size_t n = 0;
    for (size_t i = 0; i < e->nactors && n < MAX_SIDES; i++) {
        const char *s = side ? side(ctx, e->actors[i].id) : NULL;
        if (!s)
            s = e->actors[i].id;
        size_t k;
        for (k = 0; k < n; k++)
            if (same_id(out[k], s))
                break;
        if (k == n)
            out[n++] = s;
    }
    return n;
}

/* Two gatherings are one when they share two sides, or when all the sides
 * of one are among the other's ("NATO họp" and "NATO và Nga họp"): NATO
 * meeting the EU and NATO meeting Russia on one day are two. */
static int same_gathering(const bn_event *a, const bn_event *b, bn_side_fn side, const void *ctx)
{
    const char *sa[MAX_SIDES], *sb[MAX_SIDES];
    size_t na = sides_of(a, side, ctx, sa), nb = sides_of(b, side, ctx, sb), common = 0;
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (same_id(sa[i], sb[j])) {
                common++;
                break;
            }
    return common >= 2 || (common >= 1 && (common == na || common == nb));
}

int bn_event_same_parties(const bn_event *a, const bn_event *b, bn_side_fn side, const void *ctx)
{
    if (bn_event_family(a->type) == BN_FAMILY_GATHERING)
        return same_gathering(a, b, side, ctx);
    if (!has_source(a) || !has_source(b))
        return shares(a, b, 0);
    return shares(a, b, 1);
}

bn_status bn_event_absorb(bn_arena *arena, bn_event *into, const bn_event *from)
{
    bn_event_actor *acts = bn_arena_alloc(arena, (into->nactors + from->nactors) * sizeof *acts);
    bn_source *srcs = bn_arena_alloc(arena, (into->nsources + from->nsources) * sizeof *srcs);
    if (!acts || !srcs)
        return BN_ERR_NOMEM;
    memcpy(acts, into->actors, into->nactors * sizeof *acts);
    size_t n = into->nactors;
    for (size_t j = 0; j < from->nactors; j++) {
        size_t k;
        for (k = 0; k < n; k++)
            if (same_id(acts[k].id, from->actors[j].id))
                break;
        if (k == n)
            acts[n++] = from->actors[j];
    }
    into->actors = acts;
    into->nactors = n;
    memcpy(srcs, into->sources, into->nsources * sizeof *srcs);
    memcpy(srcs + into->nsources, from->sources, from->nsources * sizeof *srcs);
    into->sources = srcs;
    into->nsources += from->nsources;
    if (from->modality == BN_MOD_ASSERTED)
        into->modality = BN_MOD_ASSERTED; /* reported as done somewhere: done */
    if (from->confidence > into->confidence)
        into->confidence = from->confidence;
    if (!into->location)
        into->location = from->location;
    if (from->date_source < into->date_source)
        into->date_source = from->date_source;
    return BN_OK;
}
