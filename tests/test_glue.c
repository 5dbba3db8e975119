/* Glued words cut apart (core/bn_glue.h), with the lists of
 * data/lang/vi/page.json: where a space is inserted, where it is not, and
 * that every byte still maps to the original. */
#include <stdlib.h>
#include <string.h>

#include "support.h"

/* The clean text of `raw` after cutting. */
static void unglued(void **state, const char *raw, const char *want)
{
    test_env *env = *state;
    bn_arena ar;
    bn_arena_init(&ar, 1024);
    bn_text t;
    assert_int_equal(bn_text_clean(&ar, raw, strlen(raw), 0, &t, NULL), BN_OK);
    bn_text t2 = t;
    assert_int_equal(bn_text_unglue(&ar, &t, env->lang->glue), BN_OK);
    /* the tokens the reader keeps (shaped, moved past the cuts, made
     * again where a word was cut) are those of the new text */
    bn_tokens moved, fresh;
    uint8_t *shapes;
    assert_int_equal(bn_tokenize_shaped(&ar, t2.s, t2.len, &moved, &shapes), BN_OK);
    assert_int_equal(bn_text_unglue_tokens(&ar, &t2, &moved, shapes, env->lang->glue), BN_OK);
    assert_string_equal(t2.s, t.s);
    assert_int_equal(bn_tokenize(&ar, t.s, t.len, &fresh), BN_OK);
    assert_int_equal(moved.n, fresh.n);
    for (size_t i = 0; i < fresh.n; i++) {
        const bn_token *a = &moved.v[i], *b = &fresh.v[i];
        assert_int_equal(a->start, b->start);
        assert_int_equal(a->end, b->end);
        assert_int_equal(a->hash, b->hash);
        assert_int_equal(a->flags, b->flags);
        assert_int_equal(a->key_len, b->key_len);
        assert_string_equal(moved.keys + a->key, fresh.keys + b->key);
    }
    if (strcmp(t.s, want) != 0) {
        char got[512];
        snprintf(got, sizeof got, "%s", t.s);
        bn_arena_destroy(&ar);
        fail_msg("\"%s\" became \"%s\", not \"%s\"", raw, got, want);
    }
    /* every clean byte maps into the original, in order */
    for (size_t i = 0; i < t.len; i++)
        assert_true(t.orig[i] <= t.orig[i + 1] && t.orig[i] < strlen(raw));
    assert_int_equal(t.orig[t.len], strlen(raw));
    bn_arena_destroy(&ar);
}

static void capital_after_a_vietnamese_word(void **state)
{
    unglued(state, "hỗ trợ quân sựUkraine", "hỗ trợ quân sự Ukraine");
    unglued(state, "ông cho biếtNga sẽ đáp trả", "ông cho biết Nga sẽ đáp trả");
    unglued(state, "Bộ Quốc phòngTrung Quốc", "Bộ Quốc phòng Trung Quốc");
    /* a part in Latin letters alone is not known to be a word: left */
    unglued(state, "Bộ Ngoại giaoTrung Quốc", "Bộ Ngoại giaoTrung Quốc");
    unglued(state, "Tin thế giớiNATO họp", "Tin thế giới NATO họp");
}

static void cue_words_around_a_name(void **state)
{
    unglued(state, "TheoRIA Novosti, hai bên", "Theo RIA Novosti, hai bên");
    unglued(state, "Minh ThủyTheo Reuters", "Minh Thủy Theo Reuters");
    unglued(state, "Văn CaoẢnh: TTXVN", "Văn Cao Ảnh: TTXVN");
    /* "đ" only ever begins a syllable */
    unglued(state, "NATOđã họp, ông Trumpđã nói", "NATO đã họp, ông Trump đã nói");
}

static void numbers_and_words(void **state)
{
    unglued(state, "hôm 15/4thông báo", "hôm 15/4 thông báo");
    unglued(state, "năm 2022Nga sáp nhập", "năm 2022 Nga sáp nhập");
    unglued(state, "sáng ngày15/4", "sáng ngày 15/4");
    /* units and models stay */
    unglued(state, "mạng 5G và 4K, tiêm kích Su-35, 10km, 9h30", "mạng 5G và 4K, tiêm kích Su-35, 10km, 9h30");
}

static void syllables_run_together(void **state)
{
    unglued(state, "Nga thông báocấm tàu", "Nga thông báo cấm tàu");
    unglued(state, "cuộc điều độngquân đội", "cuộc điều động quân đội");
    unglued(state, "Thế giớinên", "Thế giới nên");
    /* one syllable, or a foreign word: left alone */
    unglued(state, "Nguyễn Phú Trọng, Matxcơva, Rosé, café, Beyoncé, Pérez", "Nguyễn Phú Trọng, Matxcơva, Rosé, café, Beyoncé, Pérez");
}

static void full_stops_glued_to_a_capital(void **state)
{
    unglued(state, "trận đấu.Cơ hội lớn", "trận đấu. Cơ hội lớn");
    unglued(state, "năm 2022.Ông nói", "năm 2022. Ông nói");
    unglued(state, "ông nói \"đồng ý\".Hai bên", "ông nói \"đồng ý\". Hai bên");
    /* abbreviations, numbers, addresses */
    unglued(state, "TP.HCM, 3.5 lần, baoquocte.vn", "TP.HCM, 3.5 lần, baoquocte.vn");
    unglued(state, "Tp.HCM, www.Example.com, index.php?Id=5", "Tp.HCM, www.Example.com, index.php?Id=5");
}

static void names_written_with_a_capital_inside(void **state)
{
    unglued(state, "McDonald, iPhone, TikTok, YouTube, LinkedIn, DeSantis, McCain, VinFast, eBay, OpenAI",
            "McDonald, iPhone, TikTok, YouTube, LinkedIn, DeSantis, McCain, VinFast, eBay, OpenAI");
    unglued(state, "ông DeSantis và ông MacArthur", "ông DeSantis và ông MacArthur");
    /* acronyms with Đ, names in other Latin alphabets */
    unglued(state, "LĐLĐ, BCĐ, Tuđman, Đorđević, Međugorje, Łódź, Gökçe", "LĐLĐ, BCĐ, Tuđman, Đorđević, Međugorje, Łódź, Gökçe");
}

static void nothing_glued_leaves_the_text(void **state)
{
    test_env *env = *state;
    bn_arena ar;
    bn_arena_init(&ar, 1024);
    bn_text t;
    static const char raw[] = "Ngày 12/1, Hội đồng NATO-Nga họp tại Brussels.";
    assert_int_equal(bn_text_clean(&ar, raw, sizeof raw - 1, 0, &t, NULL), BN_OK);
    const char *before = t.s;
    assert_int_equal(bn_text_unglue(&ar, &t, env->lang->glue), BN_OK);
    assert_ptr_equal(t.s, before);
    assert_int_equal(t.nglued, 0);
    bn_arena_destroy(&ar);
}

static void offsets_point_into_the_original(void **state)
{
    test_env *env = *state;
    bn_arena ar;
    bn_arena_init(&ar, 1024);
    bn_text t;
    static const char raw[] = "quân sựUkraine";
    assert_int_equal(bn_text_clean(&ar, raw, sizeof raw - 1, 0, &t, NULL), BN_OK);
    assert_int_equal(bn_text_unglue(&ar, &t, env->lang->glue), BN_OK);
    assert_string_equal(t.s, "quân sự Ukraine");
    assert_int_equal(t.nglued, 1);
    size_t space = (size_t)(strchr(t.s + 6, ' ') - t.s);
    assert_int_equal(t.glued[0], space);
    /* "Ukraine" starts at the same original byte as in the raw text */
    uint32_t off, len;
    bn_text_orig_span(&t, space + 1, t.len, &off, &len);
    assert_int_equal(off, (uint32_t)(strstr(raw, "Ukraine") - raw));
    assert_int_equal(len, 7);
    /* "sự" ends where it ends in the raw text */
    bn_text_orig_span(&t, space - 4, space, &off, &len);
    assert_int_equal(off + len, (uint32_t)(strstr(raw, "Ukraine") - raw));
    bn_arena_destroy(&ar);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(capital_after_a_vietnamese_word),
        cmocka_unit_test(cue_words_around_a_name),
        cmocka_unit_test(numbers_and_words),
        cmocka_unit_test(syllables_run_together),
        cmocka_unit_test(full_stops_glued_to_a_capital),
        cmocka_unit_test(names_written_with_a_capital_inside),
        cmocka_unit_test(nothing_glued_leaves_the_text),
        cmocka_unit_test(offsets_point_into_the_original),
    };
    return cmocka_run_group_tests(tests, test_env_setup, test_env_teardown);
}
