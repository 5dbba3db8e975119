/* Test support: the built-in resources, and an article extracted from a
 * string, for tests of the stages. */
#ifndef BN_TEST_SUPPORT_H
#define BN_TEST_SUPPORT_H

#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "bn_data.h"
#include "bn_extract.h"
#include "bn_kb.h"
#include "bn_lang.h"

typedef struct test_env {
    bn_kb *kb;
    bn_lang *lang;
    bn_extractor *ex;
} test_env;

/* Loads data/ (BIENNIEN_DATADIR is set by meson test). */
int test_env_setup(void **state);
int test_env_teardown(void **state);

/* Extracts `text` as an article named "t.txt" with publication date `dct`
 * (or NULL); fails the test if extraction fails. */
bn_article *test_extract(test_env *env, const char *text, const char *dct);

/* Extracts a table case: `body` under a title line, publication date
 * `dct` ("-" for none); prints why and returns NULL when it fails. */
bn_article *test_extract_case(test_env *env, int lineno, const char *dct, const char *body);

/* Whether a body span holds `needle` (in the original bytes); the title's
 * span is left out when `skip_title`. */
int test_body_has(const bn_article *a, const char *needle, int skip_title);

/* A date's TIMEX3 text (the writer's), for comparing with a string:
 * TX(t->value); valid to the end of the enclosing block. */
#define TX(d) bn_date_format(&(d), (char[BN_TIMEX_MAX]){0})
/* A time expression's end as text, "" when it has none. */
#define TX_END(t) ((t)->has_end ? TX((t)->end) : "")

/* What a case of a table came to. */
enum { TEST_CASE_OK, TEST_CASE_FAILED, TEST_CASE_GAP /* failed, and known to */ };

/* Checks one case of a table (printing why when it fails).  Fields are the
 * line's tab-separated columns. */
typedef int (*test_case_fn)(test_env *env, int lineno, char **fields, int nfields);

/* The main() of a table runner: `argv[1]` is the table; runs `check` on
 * every case (blank lines and '#' comments skipped, and a first line that
 * does not start with '#' when `header`; "\n" written as two characters in a
 * field is a line break; a line without `nfields` fields fails), prints
 * "NAME table: N cases, F failed, G known gaps", and fails when a case
 * failed or there are fewer than `min_cases`. */
int test_table_main(int argc, char **argv, const char *name, int header, int nfields, int min_cases,
                    test_case_fn check);

#endif
