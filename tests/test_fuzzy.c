/* The typo-tolerant name index. */
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "bn_error.h"
#include "bn_fuzzy.h"
#include "bn_text.h"

enum {
    F_ZELENSKY = 1,
    F_LITHUANIA,
    F_NAUSEDA,
    F_STOLTENBERG,
    F_JENS_STOLTENBERG,
    F_THUY_DIEN,
    F_NGA,
    F_NA,
    F_AUSTRALIA,
    F_SLOVAKIA,
    F_MARTINEZ,
    F_MARTINES,
    F_NGUYEN_PHU_TRONG,
    F_ZELENSKYY, /* another spelling of F_ZELENSKY's name */
};

static int setup(void **state)
{
    bn_fuzzy *f = bn_fuzzy_new();
    if (!f)
        return -1;
    if (bn_fuzzy_add(f, "Zelensky", F_ZELENSKY) != BN_OK ||
        bn_fuzzy_add(f, "Lithuania", F_LITHUANIA) != BN_OK ||
        bn_fuzzy_add(f, "Gitanas Nausėda", F_NAUSEDA) != BN_OK ||
        bn_fuzzy_add(f, "Stoltenberg", F_STOLTENBERG) != BN_OK ||
        bn_fuzzy_add(f, "Jens Stoltenberg", F_JENS_STOLTENBERG) != BN_OK ||
        bn_fuzzy_add(f, "Thụy Điển", F_THUY_DIEN) != BN_OK ||
        /* too short: ignored */
        bn_fuzzy_add(f, "Nga", F_NGA) != BN_OK ||
        bn_fuzzy_add(f, "Na", F_NA) != BN_OK ||
        bn_fuzzy_add(f, "Australia", F_AUSTRALIA) != BN_OK ||
        bn_fuzzy_add(f, "Slovakia", F_SLOVAKIA) != BN_OK ||
        bn_fuzzy_add(f, "Martinez", F_MARTINEZ) != BN_OK ||
        bn_fuzzy_add(f, "Martines", F_MARTINES) != BN_OK ||
        bn_fuzzy_add(f, "Nguyễn Phú Trọng", F_NGUYEN_PHU_TRONG) != BN_OK ||
        bn_fuzzy_compile(f) != BN_OK)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    bn_fuzzy_free(*state);
    return 0;
}

static int find(const bn_fuzzy *f, const char *s, int *dist)
{
    return bn_fuzzy_find(f, s, strlen(s), dist);
}

static void typos_found(void **state)
{
    const bn_fuzzy *f = *state;
    int d;
    /* a transposition is one edit */
    assert_int_equal(find(f, "Zelenksy", &d), F_ZELENSKY);
    assert_int_equal(d, 1);
    assert_int_equal(find(f, "Lithuuania", &d), F_LITHUANIA);
    assert_int_equal(d, 1);
    assert_int_equal(find(f, "Lituania", &d), F_LITHUANIA);
    assert_int_equal(d, 1);
    assert_int_equal(find(f, "Gitanas Nausea", &d), F_NAUSEDA);
    assert_int_equal(d, 1);
    assert_int_equal(find(f, "Stoltenbreg", &d), F_STOLTENBERG);
    assert_int_equal(d, 1);
    /* case does not matter */
    assert_int_equal(find(f, "STOLTENBREG", &d), F_STOLTENBERG);
    assert_int_equal(d, 1);
}

static void distance_limits(void **state)
{
    const bn_fuzzy *f = *state;
    int d;
    /* 7 to 11 letters: one edit, not two */
    assert_int_equal(find(f, "Lituana", &d), -1);
    assert_int_equal(d, -1);
    assert_int_equal(find(f, "Austria", &d), -1);
    assert_int_equal(d, -1);
    assert_int_equal(find(f, "Slovenia", &d), -1);
    assert_int_equal(d, -1);
    /* 12 letters and more: two edits */
    assert_int_equal(find(f, "Jens Stoltenbreg", &d), F_JENS_STOLTENBERG);
    assert_int_equal(d, 1);
    assert_int_equal(find(f, "Jens Stolltenbreg", &d), F_JENS_STOLTENBERG);
    assert_int_equal(d, 2);
    assert_int_equal(find(f, "Jans Stolltenbreg", &d), -1);
    /* the shorter side sets the limit: 6 letters never match 7 */
    assert_int_equal(find(f, "Slovak", &d), -1);
}

static void short_names_never(void **state)
{
    const bn_fuzzy *f = *state;
    int d;
    assert_int_equal(find(f, "Nga", &d), -1);
    assert_int_equal(find(f, "Na", &d), -1);
    assert_int_equal(find(f, "Ngaa", &d), -1);
    assert_int_equal(d, -1);
}

static void exact_is_not_a_typo(void **state)
{
    const bn_fuzzy *f = *state;
    int d;
    assert_int_equal(find(f, "Zelensky", &d), -1);
    assert_int_equal(d, 0);
    assert_int_equal(find(f, "gitanas NAUSĖDA", &d), -1);
    assert_int_equal(d, 0);
    /* diacritics removed: "Thuy Dien" is "Thụy Điển" exactly */
    assert_int_equal(find(f, "Thuy Dien", &d), -1);
    assert_int_equal(d, 0);
    assert_int_equal(find(f, "Thuỵ Điễn", &d), -1);
    assert_int_equal(d, 0);
    assert_int_equal(find(f, "Nguyen Phu Trong", &d), -1);
    assert_int_equal(d, 0);
    /* a typo on top of missing diacritics is still one edit */
    assert_int_equal(find(f, "Nguyen Phu Tronng", &d), F_NGUYEN_PHU_TRONG);
    assert_int_equal(d, 1);
    assert_int_equal(find(f, "Thuy Dienn", &d), F_THUY_DIEN);
    assert_int_equal(d, 1);
}

static void ambiguous(void **state)
{
    const bn_fuzzy *f = *state;
    int d;
    /* one edit from both "Martinez" and "Martines" */
    assert_int_equal(find(f, "Martinex", &d), -1);
    assert_int_equal(d, 1);
    /* the query is exactly one of them */
    assert_int_equal(find(f, "Martinez", &d), -1);
    assert_int_equal(d, 0);
}

static void same_payload_is_not_ambiguous(void **state)
{
    (void)state;
    bn_fuzzy *f = bn_fuzzy_new();
    assert_non_null(f);
    assert_int_equal(bn_fuzzy_add(f, "Zelensky", F_ZELENSKY), BN_OK);
    assert_int_equal(bn_fuzzy_add(f, "Zelenskyy", F_ZELENSKY), BN_OK);
    assert_int_equal(bn_fuzzy_add(f, "Zelenskyi", F_ZELENSKY), BN_OK);
    /* before compile: nothing */
    int d;
    assert_int_equal(find(f, "Zelenskky", &d), -1);
    assert_int_equal(bn_fuzzy_compile(f), BN_OK);
    assert_int_equal(find(f, "Zelenskky", &d), F_ZELENSKY);
    assert_int_equal(d, 1);
    /* a name added later needs another compile */
    assert_int_equal(bn_fuzzy_add(f, "Zelenskky", F_ZELENSKYY), BN_OK);
    assert_int_equal(bn_fuzzy_compile(f), BN_OK);
    assert_int_equal(find(f, "Zelenskky", &d), -1);
    assert_int_equal(d, 0);
    assert_int_equal(find(f, "Zelenskkyy", &d), -1); /* Zelenskky and Zelenskyy */
    assert_int_equal(d, 1);
    bn_fuzzy_free(f);
}

static void words_must_agree(void **state)
{
    const bn_fuzzy *f = *state;
    int d;
    /* spaces and punctuation between words are one space */
    assert_int_equal(find(f, "Gitanas   Nausea", &d), F_NAUSEDA);
    assert_int_equal(find(f, " Gitanas\nNausea.", &d), F_NAUSEDA);
    assert_int_equal(find(f, "Jens-Stoltenbreg", &d), F_JENS_STOLTENBERG);
    /* one word against one-word names only, and two against two */
    assert_int_equal(find(f, "Stolten berg", &d), -1);
    assert_int_equal(d, -1);
    assert_int_equal(find(f, "GitanasNauseda", &d), -1);
    assert_int_equal(find(f, "Stoltenbreg said", &d), -1);
    /* only part of the string: len bytes */
    const char *s = "Lithuuania, Latvia";
    assert_int_equal(bn_fuzzy_find(f, s, 10, &d), F_LITHUANIA);
    assert_int_equal(bn_fuzzy_find(f, "", 0, &d), -1);
    assert_int_equal(find(f, " ,.- ", NULL), -1);
}

static void long_names_skipped(void **state)
{
    (void)state;
    bn_fuzzy *f = bn_fuzzy_new();
    assert_non_null(f);
    char name[200];
    memset(name, 'a', sizeof name - 1);
    name[sizeof name - 1] = '\0';
    assert_int_equal(bn_fuzzy_add(f, name, 1), BN_OK);
    assert_int_equal(bn_fuzzy_compile(f), BN_OK);
    name[0] = 'b';
    assert_int_equal(find(f, name, NULL), -1);
    bn_fuzzy_free(f);
}

/* Plain optimal string alignment distance, for the random test. */
static int osa(const char *a, const char *b)
{
    int n = (int)strlen(a), m = (int)strlen(b);
    int d[40][40];
    for (int i = 0; i <= n; i++)
        d[i][0] = i;
    for (int j = 0; j <= m; j++)
        d[0][j] = j;
    for (int i = 1; i <= n; i++)
        for (int j = 1; j <= m; j++) {
            int v = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < v)
                v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    return d[n][m];
}

/* Few letters, so that names are close; two digits, which share a bit of
 * the letter masks. */
#define ALPHABET "abcd17"

/* 5 to 14 letters, sometimes in two words. */
static void random_words(char *s, unsigned *seed)
{
    int n = 5 + (int)(rand_r(seed) % 10), k = 0;
    int space = rand_r(seed) % 4 == 0 ? 2 + (int)(rand_r(seed) % (unsigned)(n - 3)) : 0;
    for (int i = 0; i < n; i++) {
        if (i == space)
            s[k++] = ' ';
        s[k++] = ALPHABET[rand_r(seed) % (sizeof ALPHABET - 1)];
    }
    s[k] = '\0';
}

/* One or two edits of letters in s (spaces stay where they are). */
static void mutate(char *s, unsigned *seed)
{
    for (int e = 1 + (int)(rand_r(seed) % 2); e > 0; e--) {
        int n = (int)strlen(s), i = (int)(rand_r(seed) % (unsigned)n);
        int op = (int)(rand_r(seed) % 4);
        if (s[i] == ' ' || (op == 3 && (i + 1 >= n || s[i + 1] == ' ')))
            continue;
        if (op == 0) {
            s[i] = ALPHABET[rand_r(seed) % (sizeof ALPHABET - 1)];
        } else if (op == 1) {
            memmove(s + i + 1, s + i, (size_t)(n - i + 1));
            s[i] = ALPHABET[rand_r(seed) % (sizeof ALPHABET - 1)];
        } else if (op == 2 && i > 0 && s[i - 1] != ' ') {
            memmove(s + i, s + i + 1, (size_t)(n - i));
        } else if (op == 3) {
            char t = s[i];
            s[i] = s[i + 1];
            s[i + 1] = t;
        }
    }
}

static int letters(const char *s, int *words)
{
    int n = 0;
    *words = 1;
    for (; *s; s++)
        if (*s == ' ')
            ++*words;
        else
            n++;
    return n;
}

/* The banded, cut-off search agrees with a plain scan of all names. */
static void agrees_with_a_plain_scan(void **state)
{
    (void)state;
    enum { NAMES = 300, QUERIES = 3000 };
    static char names[NAMES][20];
    unsigned seed = 12345;
    bn_fuzzy *f = bn_fuzzy_new();
    assert_non_null(f);
    for (int i = 0; i < NAMES; i++) {
        random_words(names[i], &seed);
        assert_int_equal(bn_fuzzy_add(f, names[i], i), BN_OK);
    }
    assert_int_equal(bn_fuzzy_compile(f), BN_OK);
    /* answers remembered are the same answers, the first time and again */
    bn_fuzzy_memo *memo = bn_fuzzy_memo_new(f);
    assert_non_null(memo);
    int found = 0, found2 = 0;
    for (int k = 0; k < QUERIES; k++) {
        char q[24];
        if (k % 2) {
            random_words(q, &seed);
        } else {
            strcpy(q, names[rand_r(&seed) % NAMES]);
            mutate(q, &seed);
        }
        int qw, nw, ql = letters(q, &qw), best = -1, payload = -1, ties = 0;
        for (int i = 0; i < NAMES; i++) {
            int nl = letters(names[i], &nw);
            if (nl < 7 || ql < 7 || nw != qw)
                continue;
            int shorter = nl < ql ? nl : ql;
            int d = osa(q, names[i]);
            if (d > (shorter < 12 ? 1 : 2))
                continue;
            if (best < 0 || d < best) {
                best = d;
                payload = i;
                ties = 0;
            } else if (d == best) {
                ties = 1; /* every name has its own payload */
            }
        }
        int want = best > 0 && !ties ? payload : -1;
        int d;
        assert_int_equal(find(f, q, &d), want);
        assert_int_equal(d, best);
        assert_int_equal(bn_fuzzy_memo_find(memo, q, strlen(q)), want);
        assert_int_equal(bn_fuzzy_memo_find(memo, q, strlen(q)), want);
        found += want >= 0;
        found2 += want >= 0 && best == 2;
    }
    /* the test does exercise matches */
    assert_true(found > 500);
    assert_true(found2 > 50);
    bn_fuzzy_memo_free(memo);
    bn_fuzzy_free(f);
}

/* A find refuses a text of fewer bytes than a name's least letters
 * without folding it: that holds while no code point folds (as the index
 * folds) to more code points than its UTF-8 bytes. */
static void folds_to_no_more_letters_than_bytes(void **state)
{
    (void)state;
    for (UChar32 c = 0x80; c <= 0x10FFFF; c++) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;
        char in[4], out[64];
        int32_t n = 0;
        U8_APPEND_UNSAFE(in, n, c);
        size_t k = bn_fold_word(in, (size_t)n, BN_FOLD_ASCII, out, sizeof out);
        int cps = 0;
        for (size_t i = 0; i < k; i++)
            cps += ((unsigned char)out[i] & 0xC0) != 0x80;
        if (cps > n)
            fail_msg("U+%04X: %d bytes fold to %d code points", (unsigned)c, (int)n, cps);
    }
}

/* The letter-mask test: more than k bits set, for every k from 0 to 33
 * and masks of every count of bits (none, one, all, random). */
static void more_bits_counts(void **state)
{
    (void)state;
    uint64_t r = 0x9E3779B97F4A7C15ull;
    for (int it = 0; it < 20000; it++) {
        r ^= r << 13, r ^= r >> 7, r ^= r << 17;
        uint32_t x = (uint32_t)r;
        if (it % 4 == 1)
            x &= (uint32_t)(r >> 32); /* fewer bits */
        if (it % 4 == 2)
            x &= (uint32_t)(r >> 32) & (uint32_t)(r >> 16);
        if (it == 0)
            x = 0;
        if (it == 1)
            x = 0xFFFFFFFFu;
        if (it == 2)
            x = 0x80000000u;
        int bits = 0;
        for (uint32_t y = x; y; y >>= 1)
            bits += (int)(y & 1);
        for (int k = 0; k <= 33; k++)
            assert_int_equal(bn_fuzzy_more_bits(x, k), bits > k);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(more_bits_counts),
        cmocka_unit_test_setup_teardown(typos_found, setup, teardown),
        cmocka_unit_test_setup_teardown(distance_limits, setup, teardown),
        cmocka_unit_test_setup_teardown(short_names_never, setup, teardown),
        cmocka_unit_test_setup_teardown(exact_is_not_a_typo, setup, teardown),
        cmocka_unit_test_setup_teardown(ambiguous, setup, teardown),
        cmocka_unit_test(same_payload_is_not_ambiguous),
        cmocka_unit_test_setup_teardown(words_must_agree, setup, teardown),
        cmocka_unit_test(long_names_skipped),
        cmocka_unit_test(agrees_with_a_plain_scan),
        cmocka_unit_test(folds_to_no_more_letters_than_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
