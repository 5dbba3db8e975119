/* The date tagger against tests/dates_cases.tsv: one case per line,
 * dct, text, target, value, end, year_source (docs/dates.md is the
 * contract).  Every failing case is listed; the test fails if any does. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"

static int check_case(test_env *env, int lineno, char **f, int nf)
{
    (void)nf;
    const char *target = f[2], *value = f[3], *end = f[4], *ys = f[5];
    bn_article *a = test_extract_case(env, lineno, f[0], f[1]);
    if (!a)
        return TEST_CASE_FAILED;
    const char *at = strstr(a->raw, target);
    int bad = 0;
    if (!at) {
        printf("line %d: target \"%s\" not in text\n", lineno, target);
        bad = 1;
    } else {
        uint32_t ts = (uint32_t)(at - a->raw), te = ts + (uint32_t)strlen(target);
        const bn_timex *hit = NULL;
        for (size_t i = 0; i < a->ntimexes && !hit; i++) {
            uint32_t s = a->text.orig[a->timexes[i].start], e = a->text.orig[a->timexes[i].end_off];
            if (s < te && e > ts)
                hit = &a->timexes[i];
        }
        if (strcmp(value, "-") == 0) {
            if (hit) {
                printf("line %d: \"%s\" should not be a date, got %s\n", lineno, target, TX(hit->value));
                bad = 1;
            }
        } else if (!hit) {
            printf("line %d: \"%s\" not tagged, expected %s\n", lineno, target, value);
            bad = 1;
        } else {
            const char *got = TX(hit->value), *got_end = hit->has_end ? TX(hit->end) : "-";
            const char *got_ys = bn_year_source_name(hit->year_source);
            if (strcmp(got, value) != 0 || strcmp(got_end, end) != 0 ||
                (strcmp(ys, "-") != 0 && strcmp(ys, got_ys) != 0)) {
                printf("line %d: \"%s\" (dct %s): expected %s %s %s, got %s %s %s\n", lineno, target,
                       f[0], value, end, ys, got, got_end, got_ys);
                bad = 1;
            }
        }
    }
    bn_article_free(a);
    return bad;
}

int main(int argc, char **argv)
{
    return test_table_main(argc, argv, "dates", 1, 6, 120, check_case);
}
