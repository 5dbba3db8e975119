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

#endif
