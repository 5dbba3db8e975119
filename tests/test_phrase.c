/* Multi-word phrases matched on folded word tokens. */
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "bn_arena.h"
#include "bn_error.h"
#include "bn_phrase.h"
#include "bn_text.h"

enum {
    P_LIEN_BANG_NGA = 1,
    P_NGA = 2,
    P_HOI_DONG_NGA_NATO = 3,
    P_CHO_BIET = 4,
    P_THUY_DIEN = 5,
    P_HOI_DONG = 6,
};

/* A compiled phrase set and a sentence tokenized by the test. */
typedef struct fixture {
    bn_phrases *p;
    bn_arena ar;
    const char *text;
    bn_tokens toks;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->p = bn_phrases_new();
    if (!f->p)
        return -1;
    bn_arena_init(&f->ar, 4096);
    bn_phrases *p = f->p;
    if (bn_phrases_add(p, "Liên bang Nga", P_LIEN_BANG_NGA, BN_PHRASE_CASE) != BN_OK ||
        bn_phrases_add(p, "Nga", P_NGA, BN_PHRASE_CASE) != BN_OK ||
        bn_phrases_add(p, "Hội đồng Nga-NATO", P_HOI_DONG_NGA_NATO, BN_PHRASE_CASE) != BN_OK ||
        bn_phrases_add(p, "cho biết", P_CHO_BIET, BN_PHRASE_CASE) != BN_OK ||
        bn_phrases_add(p, "Thụy Điển", P_THUY_DIEN, BN_PHRASE_CASE) != BN_OK ||
        bn_phrases_add(p, "Hội đồng", P_HOI_DONG, BN_PHRASE_CASE) != BN_OK ||
        /* duplicates: the first payload stays */
        bn_phrases_add(p, "Nga", 90, BN_PHRASE_CASE) != BN_OK ||
        bn_phrases_add(p, "Liên  bang   Nga", 91, BN_PHRASE_CASE) != BN_OK ||
        bn_phrases_add(p, "Thuỵ Điển", 92, BN_PHRASE_CASE) != BN_OK ||
        /* no word: ignored */
        bn_phrases_add(p, "", 93, BN_PHRASE_CASE) != BN_OK ||
        bn_phrases_add(p, " - , !", 94, BN_PHRASE_CASE) != BN_OK ||
        bn_phrases_compile(p) != BN_OK)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    bn_phrases_free(f->p);
    bn_arena_destroy(&f->ar);
    free(f);
    return 0;
}

static void tokenize(fixture *f, const char *text)
{
    f->text = text;
    assert_int_equal(bn_tokenize(&f->ar, text, strlen(text), &f->toks), BN_OK);
}

/* Index of the token that starts at the first occurrence of `word`. */
static size_t tok_of(const fixture *f, const char *word)
{
    const char *at = strstr(f->text, word);
    assert_non_null(at);
    size_t i = bn_tokens_at(&f->toks, (size_t)(at - f->text));
    assert_true(i < f->toks.n);
    assert_int_equal(f->toks.v[i].start, (uint32_t)(at - f->text));
    return i;
}

/* Match at the token of `word` up to the end of the text. */
static size_t match_at(const fixture *f, const char *word, int *payload)
{
    *payload = -1;
    return bn_phrases_match(f->p, f->text, &f->toks, tok_of(f, word), f->toks.n, payload);
}

static void count_after_compile(void **state)
{
    fixture *f = *state;
    /* six distinct phrases; the duplicates and the empty ones are gone */
    assert_int_equal(bn_phrases_count(f->p), 6);
}

static void longest_wins(void **state)
{
    fixture *f = *state;
    int payload;
    tokenize(f, "Tổng thống Liên bang Nga cho biết hôm nay.");
    assert_int_equal(match_at(f, "Liên", &payload), 3);
    assert_int_equal(payload, P_LIEN_BANG_NGA);
    /* "Nga" alone where the match starts at "Nga" */
    assert_int_equal(match_at(f, "Nga", &payload), 1);
    assert_int_equal(payload, P_NGA);
    assert_int_equal(match_at(f, "cho", &payload), 2);
    assert_int_equal(payload, P_CHO_BIET);
    assert_int_equal(match_at(f, "Tổng", &payload), 0);
    assert_int_equal(match_at(f, "bang", &payload), 0);

    /* two phrases with the same first word: the longer one wins */
    tokenize(f, "Hội đồng Nga-NATO họp còn Hội đồng Bảo an thì không.");
    size_t first = tok_of(f, "Hội");
    assert_int_equal(bn_phrases_match(f->p, f->text, &f->toks, first, f->toks.n, &payload), 4);
    assert_int_equal(payload, P_HOI_DONG_NGA_NATO);
    size_t second = tok_of(f, "Hội đồng Bảo");
    assert_int_equal(bn_phrases_match(f->p, f->text, &f->toks, second, f->toks.n, &payload), 2);
    assert_int_equal(payload, P_HOI_DONG);
}

static void end_bounds_the_match(void **state)
{
    fixture *f = *state;
    int payload = -1;
    tokenize(f, "Liên bang Nga");
    assert_int_equal(f->toks.n, 3);
    assert_int_equal(bn_phrases_match(f->p, f->text, &f->toks, 0, 3, &payload), 3);
    assert_int_equal(payload, P_LIEN_BANG_NGA);
    /* the phrase does not fit before token 2 */
    assert_int_equal(bn_phrases_match(f->p, f->text, &f->toks, 0, 2, &payload), 0);
    /* i at or past end */
    assert_int_equal(bn_phrases_match(f->p, f->text, &f->toks, 2, 2, &payload), 0);
    assert_int_equal(bn_phrases_match(f->p, f->text, &f->toks, 2, 3, &payload), 1);
    assert_int_equal(payload, P_NGA);

    /* "Hội đồng Nga-NATO" cut before NATO falls back to "Hội đồng" */
    tokenize(f, "Hội đồng Nga-NATO");
    assert_int_equal(bn_phrases_match(f->p, f->text, &f->toks, 0, 3, &payload), 2);
    assert_int_equal(payload, P_HOI_DONG);
}

static void case_flag(void **state)
{
    fixture *f = *state;
    int payload;
    /* "thiên nga" (swan) is not Russia */
    tokenize(f, "Đàn thiên nga bay qua hồ.");
    assert_int_equal(match_at(f, "nga", &payload), 0);
    /* upper case initial: matches */
    tokenize(f, "Đàn thiên Nga bay qua hồ.");
    assert_int_equal(match_at(f, "Nga", &payload), 1);
    assert_int_equal(payload, P_NGA);
    /* a lower-case phrase matches lower and upper case */
    tokenize(f, "Ông ấy cho biết như vậy.");
    assert_int_equal(match_at(f, "cho", &payload), 2);
    assert_int_equal(payload, P_CHO_BIET);
    tokenize(f, "Cho biết thêm, ông nói.");
    assert_int_equal(match_at(f, "Cho", &payload), 2);
    assert_int_equal(payload, P_CHO_BIET);
    /* all upper case is upper case */
    tokenize(f, "LIÊN BANG NGA");
    assert_int_equal(match_at(f, "LIÊN", &payload), 3);
    assert_int_equal(payload, P_LIEN_BANG_NGA);
    /* the phrase's upper-case initial needs one in the text */
    tokenize(f, "liên bang Nga");
    assert_int_equal(match_at(f, "liên", &payload), 0);
}

static void no_case_flag(void **state)
{
    (void)state;
    bn_phrases *p = bn_phrases_new();
    assert_non_null(p);
    assert_int_equal(bn_phrases_add(p, "Nga", 7, 0), BN_OK);
    assert_int_equal(bn_phrases_compile(p), BN_OK);
    bn_arena ar;
    bn_arena_init(&ar, 1024);
    bn_tokens t;
    const char *s = "thiên nga";
    assert_int_equal(bn_tokenize(&ar, s, strlen(s), &t), BN_OK);
    int payload = -1;
    assert_int_equal(bn_phrases_match(p, s, &t, 1, t.n, &payload), 1);
    assert_int_equal(payload, 7);
    bn_arena_destroy(&ar);
    bn_phrases_free(p);
}

static void hyphen_and_separators(void **state)
{
    fixture *f = *state;
    int payload;
    /* a hyphen between words is allowed */
    tokenize(f, "Cuộc họp của Hội đồng Nga-NATO kết thúc.");
    assert_int_equal(match_at(f, "Hội", &payload), 4);
    assert_int_equal(payload, P_HOI_DONG_NGA_NATO);
    /* so is a space where the phrase has a hyphen */
    tokenize(f, "Hội đồng Nga NATO");
    assert_int_equal(match_at(f, "Hội", &payload), 4);
    assert_int_equal(payload, P_HOI_DONG_NGA_NATO);
    /* and a hyphen where the phrase has a space */
    tokenize(f, "Liên-bang-Nga");
    assert_int_equal(match_at(f, "Liên", &payload), 3);
    assert_int_equal(payload, P_LIEN_BANG_NGA);
    /* a comma between words breaks the phrase */
    tokenize(f, "Liên bang, Nga");
    assert_int_equal(match_at(f, "Liên", &payload), 0);
    assert_int_equal(match_at(f, "Nga", &payload), 1);
    assert_int_equal(payload, P_NGA);
    /* a slash or a full stop too */
    tokenize(f, "Liên bang/Nga");
    assert_int_equal(match_at(f, "Liên", &payload), 0);
    tokenize(f, "cho. biết");
    assert_int_equal(match_at(f, "cho", &payload), 0);
    /* two spaces are still a gap */
    tokenize(f, "cho  biết");
    assert_int_equal(match_at(f, "cho", &payload), 2);
    assert_int_equal(payload, P_CHO_BIET);
}

static void tone_placement(void **state)
{
    fixture *f = *state;
    int payload;
    /* added as "Thụy Điển"; the old placement matches too */
    tokenize(f, "Thuỵ Điển và Phần Lan.");
    assert_int_equal(match_at(f, "Thuỵ", &payload), 2);
    assert_int_equal(payload, P_THUY_DIEN);
    tokenize(f, "Thụy Điển và Phần Lan.");
    assert_int_equal(match_at(f, "Thụy", &payload), 2);
    assert_int_equal(payload, P_THUY_DIEN);
    /* a different tone does not */
    tokenize(f, "Thùy Điển");
    assert_int_equal(match_at(f, "Thùy", &payload), 0);
    /* decomposed text folds to the same key */
    tokenize(f, "Thu\xCC\xA3y \xC4\x90ie\xCC\x82\xCC\x89n");
    assert_int_equal(bn_phrases_match(f->p, f->text, &f->toks, 0, f->toks.n, &payload), 2);
    assert_int_equal(payload, P_THUY_DIEN);
}

static void duplicate_keeps_first(void **state)
{
    fixture *f = *state;
    int payload;
    tokenize(f, "Nga và Liên bang Nga, Thuỵ Điển");
    assert_int_equal(match_at(f, "Nga", &payload), 1);
    assert_int_equal(payload, P_NGA);
    assert_int_equal(match_at(f, "Liên", &payload), 3);
    assert_int_equal(payload, P_LIEN_BANG_NGA);
    assert_int_equal(match_at(f, "Thuỵ", &payload), 2);
    assert_int_equal(payload, P_THUY_DIEN);
}

static void duplicate_many(void **state)
{
    (void)state;
    /* enough phrases for the merge sort to take several passes; the first
     * added of each pair keeps its payload */
    bn_phrases *p = bn_phrases_new();
    assert_non_null(p);
    static const char *const words[] = {"Mỹ", "Nga", "Trung Quốc", "Pháp", "Đức", "Anh", "Nhật Bản", "Ấn Độ"};
    for (int round = 0; round < 3; round++)
        for (int i = 0; i < 8; i++)
            assert_int_equal(bn_phrases_add(p, words[i], round * 100 + i, 0), BN_OK);
    assert_int_equal(bn_phrases_compile(p), BN_OK);
    assert_int_equal(bn_phrases_count(p), 8);
    bn_arena ar;
    bn_arena_init(&ar, 1024);
    for (int i = 0; i < 8; i++) {
        bn_tokens t;
        assert_int_equal(bn_tokenize(&ar, words[i], strlen(words[i]), &t), BN_OK);
        int payload = -1;
        assert_int_equal(bn_phrases_match(p, words[i], &t, 0, t.n, &payload), t.n);
        assert_int_equal(payload, i);
    }
    bn_arena_destroy(&ar);
    bn_phrases_free(p);
}

static void empty_and_uncompiled(void **state)
{
    (void)state;
    bn_arena ar;
    bn_arena_init(&ar, 1024);
    bn_tokens t;
    const char *s = "Nga";
    assert_int_equal(bn_tokenize(&ar, s, strlen(s), &t), BN_OK);
    int payload = -1;

    /* an empty set, compiled */
    bn_phrases *p = bn_phrases_new();
    assert_non_null(p);
    assert_int_equal(bn_phrases_count(p), 0);
    assert_int_equal(bn_phrases_compile(p), BN_OK);
    assert_int_equal(bn_phrases_count(p), 0);
    assert_int_equal(bn_phrases_match(p, s, &t, 0, t.n, &payload), 0);
    bn_phrases_free(p);

    /* not compiled: no match */
    p = bn_phrases_new();
    assert_non_null(p);
    assert_int_equal(bn_phrases_add(p, "Nga", 1, 0), BN_OK);
    assert_int_equal(bn_phrases_count(p), 1);
    assert_int_equal(bn_phrases_match(p, s, &t, 0, t.n, &payload), 0);
    assert_int_equal(payload, -1);
    assert_int_equal(bn_phrases_compile(p), BN_OK);
    assert_int_equal(bn_phrases_match(p, s, &t, 0, t.n, &payload), 1);
    assert_int_equal(payload, 1);
    /* an add after compile needs another compile */
    assert_int_equal(bn_phrases_add(p, "Mỹ", 2, 0), BN_OK);
    payload = -1;
    assert_int_equal(bn_phrases_match(p, s, &t, 0, t.n, &payload), 0);
    assert_int_equal(bn_phrases_compile(p), BN_OK);
    assert_int_equal(bn_phrases_count(p), 2);
    assert_int_equal(bn_phrases_match(p, s, &t, 0, t.n, &payload), 1);
    assert_int_equal(payload, 1);
    bn_phrases_free(p);

    bn_phrases_free(NULL);
    bn_arena_destroy(&ar);
}

/* Words whose keys hash alike are still told apart: FNV-1a gives
 * "costarring" and "liquid", "altarage" and "zinke", "altarages" and
 * "zinkes" one hash each, so only the comparison of the words themselves
 * turns them away (as first words, as later words, and as a prefix of a
 * longer key). */
static void same_hash_other_word(void **state)
{
    (void)state;
    assert_int_equal(bn_hash("costarring", 10), bn_hash("liquid", 6));
    assert_int_equal(bn_hash("altarage", 8), bn_hash("zinke", 5));
    assert_int_equal(bn_hash("altarages", 9), bn_hash("zinkes", 6));
    bn_phrases *p = bn_phrases_new();
    assert_non_null(p);
    assert_int_equal(bn_phrases_add(p, "liquid", 1, 0), BN_OK);
    assert_int_equal(bn_phrases_add(p, "cho liquid", 2, 0), BN_OK);
    assert_int_equal(bn_phrases_add(p, "zinke nga", 3, 0), BN_OK);
    assert_int_equal(bn_phrases_add(p, "zinkes", 4, 0), BN_OK);
    assert_int_equal(bn_phrases_compile(p), BN_OK);
    bn_arena ar;
    bn_arena_init(&ar, 4096);
    static const char *const texts[] = {"costarring", "cho costarring", "altarage nga", "altarages"};
    for (int k = 0; k < 4; k++) {
        bn_tokens t;
        assert_int_equal(bn_tokenize(&ar, texts[k], strlen(texts[k]), &t), BN_OK);
        for (size_t i = 0; i < t.n; i++) {
            int payload = -1;
            assert_int_equal(bn_phrases_match(p, texts[k], &t, i, t.n, &payload), 0);
        }
    }
    /* and the words themselves still match */
    static const char *const hits[] = {"liquid", "cho liquid", "zinke nga", "zinkes"};
    for (int k = 0; k < 4; k++) {
        bn_tokens t;
        int payload = -1;
        assert_int_equal(bn_tokenize(&ar, hits[k], strlen(hits[k]), &t), BN_OK);
        assert_int_equal(bn_phrases_match(p, hits[k], &t, 0, t.n, &payload), t.n);
        assert_int_equal(payload, k + 1);
    }
    bn_arena_destroy(&ar);
    bn_phrases_free(p);
}

/* A phrase added as its tokens is the phrase added as text: two sets,
 * one of each, give every token of a text the same match. */
static void add_tokens_as_text(void **state)
{
    (void)state;
    static const char *const phrases[] = {"Tổng thống Mỹ", "Bộ trưởng Ngoại giao", "Nga", "Liên bang Nga",
                                          "Hội đồng Bảo an", "ông", "Bộ trưởng"};
    bn_phrases *a = bn_phrases_new(), *b = bn_phrases_new();
    assert_non_null(a);
    assert_non_null(b);
    bn_arena ar;
    bn_arena_init(&ar, 4096);
    for (int k = 0; k < 7; k++) {
        unsigned flags = k % 2 ? BN_PHRASE_CASE : 0;
        assert_int_equal(bn_phrases_add(a, phrases[k], k + 1, flags), BN_OK);
        bn_tokens t;
        assert_int_equal(bn_tokenize(&ar, phrases[k], strlen(phrases[k]), &t), BN_OK);
        assert_int_equal(bn_phrases_add_tokens(b, &t, k + 1, flags), BN_OK);
    }
    assert_int_equal(bn_phrases_compile(a), BN_OK);
    assert_int_equal(bn_phrases_compile(b), BN_OK);
    assert_int_equal(bn_phrases_count(a), bn_phrases_count(b));
    static const char text[] = "Tổng thống Mỹ gặp Bộ trưởng Ngoại giao Liên bang Nga, ông nói tại Hội đồng Bảo an; "
                               "bộ trưởng nga";
    bn_tokens t;
    assert_int_equal(bn_tokenize(&ar, text, sizeof text - 1, &t), BN_OK);
    size_t hits = 0;
    for (size_t i = 0; i < t.n; i++) {
        int pa = -1, pb = -1;
        size_t na = bn_phrases_match(a, text, &t, i, t.n, &pa), nb = bn_phrases_match(b, text, &t, i, t.n, &pb);
        assert_int_equal(na, nb);
        assert_int_equal(pa, pb);
        hits += na > 0;
    }
    assert_true(hits >= 6);
    bn_arena_destroy(&ar);
    bn_phrases_free(a);
    bn_phrases_free(b);
}

/* Compiled, a set keeps its phrases in one pool; phrases added after a
 * compile are copied in at the next: a set compiled after every few adds
 * (duplicates across the steps too) matches every token of a text as the
 * same set compiled once. */
static void compiled_in_steps_as_at_once(void **state)
{
    (void)state;
    static const char *const phrases[] = {"Tổng thống Mỹ", "Bộ trưởng Ngoại giao", "Nga", "Liên bang Nga",
                                          "Hội đồng Bảo an", "ông", "Bộ trưởng", "Nga", "Tổng thống",
                                          "Liên bang", "Bảo an", "Tổng thống Mỹ", "nói tại", "Hội đồng"};
    enum { N = sizeof phrases / sizeof phrases[0] };
    bn_phrases *once = bn_phrases_new(), *steps = bn_phrases_new();
    assert_non_null(once);
    assert_non_null(steps);
    for (int k = 0; k < N; k++) {
        unsigned flags = k % 3 == 1 ? BN_PHRASE_CASE : 0;
        assert_int_equal(bn_phrases_add(once, phrases[k], k + 1, flags), BN_OK);
        assert_int_equal(bn_phrases_add(steps, phrases[k], k + 1, flags), BN_OK);
        if (k % 3 == 2)
            assert_int_equal(bn_phrases_compile(steps), BN_OK);
    }
    assert_int_equal(bn_phrases_compile(once), BN_OK);
    assert_int_equal(bn_phrases_compile(steps), BN_OK);
    assert_int_equal(bn_phrases_compile(steps), BN_OK); /* again, nothing added */
    assert_int_equal(bn_phrases_count(once), bn_phrases_count(steps));
    bn_arena ar;
    bn_arena_init(&ar, 4096);
    static const char text[] = "Tổng thống Mỹ gặp Bộ trưởng Ngoại giao Liên bang Nga, ông nói tại Hội đồng Bảo an; "
                               "bộ trưởng nga, tổng thống Liên bang";
    bn_tokens t;
    assert_int_equal(bn_tokenize(&ar, text, sizeof text - 1, &t), BN_OK);
    size_t hits = 0;
    for (size_t i = 0; i < t.n; i++) {
        int pa = -1, pb = -1;
        size_t na = bn_phrases_match(once, text, &t, i, t.n, &pa), nb = bn_phrases_match(steps, text, &t, i, t.n, &pb);
        assert_int_equal(na, nb);
        assert_int_equal(pa, pb);
        hits += na > 0;
    }
    assert_true(hits >= 8);
    bn_arena_destroy(&ar);
    bn_phrases_free(once);
    bn_phrases_free(steps);
}

/* bn_phrase_starts: at every token a set's phrase starts at, its bit is
 * set (a filter: other tokens may have it too); never a NULL set's; always
 * a set's not compiled. */
static void starts_of_sets(void **state)
{
    (void)state;
    bn_phrases *a = bn_phrases_new(), *b = bn_phrases_new(), *u = bn_phrases_new();
    assert_true(a && b && u);
    assert_int_equal(bn_phrases_add(a, "Liên bang Nga", 1, 0), BN_OK);
    assert_int_equal(bn_phrases_add(a, "Mỹ", 2, 0), BN_OK);
    assert_int_equal(bn_phrases_add(b, "cho biết", 3, 0), BN_OK);
    assert_int_equal(bn_phrases_add(u, "Mỹ", 4, 0), BN_OK);
    assert_int_equal(bn_phrases_compile(a), BN_OK);
    assert_int_equal(bn_phrases_compile(b), BN_OK);
    const bn_phrases *sets[] = {a, NULL, b, u};
    bn_phrase_starts st;
    assert_int_equal(bn_phrase_starts_init(&st, sets, 4), BN_OK);
    bn_arena ar;
    bn_arena_init(&ar, 4096);
    const char *s = "Liên bang Nga và Mỹ cho biết hôm nay";
    bn_tokens t;
    assert_int_equal(bn_tokenize(&ar, s, strlen(s), &t), BN_OK);
    for (size_t i = 0; i < t.n; i++) {
        unsigned bits = bn_phrase_starts_at(&st, t.v[i].hash);
        int payload;
        assert_int_equal(bits & 2u, 0);
        assert_int_equal(bits & 8u, 8u);
        if (bn_phrases_match(a, s, &t, i, t.n, &payload))
            assert_int_equal(bits & 1u, 1u);
        if (bn_phrases_match(b, s, &t, i, t.n, &payload))
            assert_int_equal(bits & 4u, 4u);
    }
    bn_phrase_starts_clear(&st);
    bn_arena_destroy(&ar);
    bn_phrases_free(a);
    bn_phrases_free(b);
    bn_phrases_free(u);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(count_after_compile, setup, teardown),
        cmocka_unit_test_setup_teardown(longest_wins, setup, teardown),
        cmocka_unit_test_setup_teardown(end_bounds_the_match, setup, teardown),
        cmocka_unit_test_setup_teardown(case_flag, setup, teardown),
        cmocka_unit_test(no_case_flag),
        cmocka_unit_test(same_hash_other_word),
        cmocka_unit_test(add_tokens_as_text),
        cmocka_unit_test(compiled_in_steps_as_at_once),
        cmocka_unit_test_setup_teardown(hyphen_and_separators, setup, teardown),
        cmocka_unit_test_setup_teardown(tone_placement, setup, teardown),
        cmocka_unit_test_setup_teardown(duplicate_keeps_first, setup, teardown),
        cmocka_unit_test(duplicate_many),
        cmocka_unit_test(empty_and_uncompiled),
        cmocka_unit_test(starts_of_sets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
