#include "bn_model.h"

#include <limits.h>
#include <stdio.h>
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
NAME_TABLE(bn_year_source_name, bn_year_source_parse, bn_year_source, 5,
           "text", "dct", "inferred", "cross-article", "unknown")
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

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int bn_date_valid(const char *s)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1)
        return 0;
    int max = mdays[m - 1] + (m == 2 && is_leap(y));
    return d <= max && y >= 1;
}

long bn_days_from_civil(int y, int m, int d)
{
    /* H. Hinnant's algorithm */
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void bn_civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

long bn_date_days(const char *s)
{
    return bn_days_from_civil(atoi(s), atoi(s + 5), atoi(s + 8));
}

int bn_timex_days(const bn_timex *t, long *lo, long *hi)
{
    int y, m, w;
    const char *v = t->value;
    if (t->year_source == BN_YEAR_UNKNOWN || strlen(v) < 4 || sscanf(v, "%4d", &y) != 1)
        return 0;
    switch (t->precision) {
    case BN_PREC_DAY:
        if (!bn_date_valid(v))
            return 0;
        *lo = *hi = bn_date_days(v);
        if (t->end[0]) {
            if (!bn_date_valid(t->end) || bn_date_days(t->end) < *lo)
                return 0;
            *hi = bn_date_days(t->end);
        }
        return 1;
    case BN_PREC_WEEK: /* ISO: week 1 holds the year's first Thursday */
        if (sscanf(v + 4, "-W%2d", &w) != 1 || w < 1 || w > 53)
            return 0;
        {
            long jan4 = bn_days_from_civil(y, 1, 4);
            long monday = jan4 - ((jan4 + 3) % 7 + 7) % 7; /* 1970-01-01 was a Thursday */
            *lo = monday + 7L * (w - 1);
            *hi = *lo + 6;
        }
        return 1;
    case BN_PREC_MONTH:
        if (sscanf(v + 4, "-%2d", &m) != 1 || m < 1 || m > 12)
            return 0;
        *lo = bn_days_from_civil(y, m, 1);
        *hi = (m == 12 ? bn_days_from_civil(y + 1, 1, 1) : bn_days_from_civil(y, m + 1, 1)) - 1;
        return 1;
    case BN_PREC_QUARTER:
    case BN_PREC_HALF: {
        int q = v[5] == 'Q' || v[5] == 'H' ? atoi(v + 6) : 0, months = t->precision == BN_PREC_HALF ? 6 : 3;
        if (q < 1 || q * months > 12)
            return 0;
        *lo = bn_days_from_civil(y, (q - 1) * months + 1, 1);
        *hi = (q * months == 12 ? bn_days_from_civil(y + 1, 1, 1) : bn_days_from_civil(y, q * months + 1, 1)) - 1;
        return 1;
    }
    case BN_PREC_YEAR:
        *lo = bn_days_from_civil(y, 1, 1);
        *hi = bn_days_from_civil(y, 12, 31);
        return 1;
    }
    return 0;
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
