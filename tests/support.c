#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int test_env_setup(void **state)
{
    test_env *env = calloc(1, sizeof *env);
    bn_error err;
    bn_error_clear(&err);
    char path[4096];
    snprintf(path, sizeof path, "%s/kb", bn_datadir());
    env->kb = bn_kb_new();
    if (bn_kb_load_dir(env->kb, path, &err) != BN_OK || bn_kb_compile(env->kb) != BN_OK ||
        bn_lang_load(&env->lang, bn_datadir(), "vi", &err) != BN_OK) {
        char buf[1200];
        bn_error_format(&err, buf, sizeof buf);
        fprintf(stderr, "test setup: %s\n", buf);
        return -1;
    }
    bn_read_options ro = {0};
    env->ex = bn_extractor_new(env->kb, env->lang, &ro);
    *state = env;
    return env->ex ? 0 : -1;
}

int test_env_teardown(void **state)
{
    test_env *env = *state;
    bn_extractor_free(env->ex);
    bn_lang_free(env->lang);
    bn_kb_free(env->kb);
    free(env);
    return 0;
}

bn_article *test_extract(test_env *env, const char *text, const char *dct)
{
    bn_record rec = {.path = "t.txt", .id = "t.txt", .date = dct, .text = text, .len = strlen(text), .line = 1};
    bn_article *a = NULL;
    bn_error err;
    bn_error_clear(&err);
    bn_status st = bn_extract(env->ex, &rec, &a, &err);
    if (st != BN_OK) {
        char buf[1200];
        bn_error_format(&err, buf, sizeof buf);
        fail_msg("extract failed: %s", buf);
    }
    return a;
}

bn_article *test_extract_case(test_env *env, int lineno, const char *dct, const char *body)
{
    char page[8192];
    snprintf(page, sizeof page, "Tin thời sự\n\n%s\n", body);
    bn_record rec = {.path = "case.txt", .id = "case.txt", .date = strcmp(dct, "-") == 0 ? NULL : dct,
                     .text = page, .len = strlen(page), .line = 1};
    bn_article *a = NULL;
    bn_error err;
    bn_error_clear(&err);
    if (bn_extract(env->ex, &rec, &a, &err) != BN_OK) {
        printf("line %d: extraction failed: %s\n", lineno, err.text);
        return NULL;
    }
    return a;
}

int test_body_has(const bn_article *a, const char *needle, int skip_title)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i < a->nbody; i++) {
        if (skip_title && a->title_span.end > a->title_span.start && a->body[i].start == a->title_span.start &&
            a->body[i].end == a->title_span.end)
            continue;
        const char *s = a->raw + a->body_offsets[2 * i];
        size_t n = a->body_offsets[2 * i + 1];
        for (size_t j = 0; j + k <= n; j++)
            if (memcmp(s + j, needle, k) == 0)
                return 1;
    }
    return 0;
}

/* Splits a line on tabs in place; returns the number of fields. */
static int split(char *line, char **f, int max)
{
    int n = 0;
    f[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == '\t') {
            *p = '\0';
            f[n++] = p + 1;
        }
    return n;
}

/* "\n" written as two characters becomes a line break. */
static void unescape(char *s)
{
    char *w = s;
    for (char *r = s; *r; r++) {
        if (r[0] == '\\' && r[1] == 'n') {
            *w++ = '\n';
            r++;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
}

typedef struct table {
    const char *path, *name;
    int header, nfields, min_cases;
    test_case_fn check;
} table;

static table the_table;

static void run_table(void **state)
{
    const table *t = &the_table;
    FILE *f = fopen(t->path, "r");
    assert_non_null(f);
    char *line = NULL;
    size_t cap = 0;
    int lineno = 0, cases = 0, failed = 0, gaps = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0) {
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if ((t->header && lineno == 1 && line[0] != '#') || n == 0 || line[0] == '#')
            continue;
        char *fields[16];
        int got = split(line, fields, 16);
        if (got != t->nfields) {
            printf("line %d: expected %d tab-separated fields, got %d\n", lineno, t->nfields, got);
            failed++;
            continue;
        }
        for (int i = 0; i < got; i++)
            unescape(fields[i]);
        cases++;
        int r = t->check(*state, lineno, fields, got);
        failed += r == TEST_CASE_FAILED;
        gaps += r == TEST_CASE_GAP;
    }
    free(line);
    fclose(f);
    printf("%s table: %d cases, %d failed, %d known gaps\n", t->name, cases, failed, gaps);
    assert_true(cases >= t->min_cases);
    assert_int_equal(failed, 0);
}

int test_table_main(int argc, char **argv, const char *name, int header, int nfields, int min_cases,
                    test_case_fn check)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s CASES.tsv\n", argv[0]);
        return 2;
    }
    the_table = (table){argv[1], name, header, nfields, min_cases, check};
    const struct CMUnitTest tests[] = {cmocka_unit_test(run_table)};
    return cmocka_run_group_tests(tests, test_env_setup, test_env_teardown);
}
