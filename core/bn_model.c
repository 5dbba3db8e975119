#include "bn_model.h"

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
NAME_TABLE(bn_event_type_name, bn_event_type_parse, bn_event_type, BN_EV_COUNT,
           "statement", "appeal", "proposal", "meeting", "agreement", "aid", "demand",
           "criticism", "rejection", "warning", "sanction", "military")
NAME_TABLE(bn_modality_name, bn_modality_parse, bn_modality, 4,
           "asserted", "planned", "negated", "hypothetical")
NAME_TABLE(bn_role_name, bn_role_parse, bn_role, 3, "source", "target", "other")
NAME_TABLE(bn_dct_source_name, bn_dct_source_parse, bn_dct_source, 4,
           "none", "url", "page", "given")

bn_article *bn_article_new(void)
{
    bn_article *a = calloc(1, sizeof *a);
    if (a)
        bn_arena_init(&a->arena, 64 * 1024);
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
