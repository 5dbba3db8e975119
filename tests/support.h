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

/* Whether a body span holds `needle` (in the original bytes); the title's
 * span is left out when `skip_title`. */
int test_body_has(const bn_article *a, const char *needle, int skip_title);

/* Checks one case of a table: returns 1 when it fails (after printing why),
 * 0 when it holds.  Fields are the line's tab-separated columns. */
typedef int (*test_case_fn)(test_env *env, int lineno, char **fields, int nfields);

/* Runs `check` on every case of a tab-separated table: blank lines and
 * '#' comments are skipped, and so is a first line that does not start
 * with '#' when `header`; "\n" written as two characters in a field is a
 * line break.  A line without `nfields` fields fails.  Returns the number
 * of failed cases; *cases gets the number of cases. */
int test_table_run(test_env *env, const char *path, int header, int nfields, test_case_fn check, int *cases);

#endif
