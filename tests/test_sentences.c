/* Sentence splitting: ICU's rules, repaired for Vietnamese news. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "bn_sentences.h"
#include "support.h"

/* The article's body sentences as text, joined by " | ". */
static void sentences_of(test_env *env, const char *body, char *out, size_t size)
{
    char page[4096];
    snprintf(page, sizeof page, "Tiêu đề bài báo\n%s\n", body);
    bn_article *a = test_extract(env, page, "2024-01-01");
    size_t n = 0;
    out[0] = '\0';
    for (size_t i = 0; i < a->nsentences && n < size; i++)
        n += (size_t)snprintf(out + n, size - n, "%s%.*s", i ? " | " : "",
                              (int)(a->sentences[i].end - a->sentences[i].start), a->text.s + a->sentences[i].start);
    bn_article_free(a);
}

static void plain_sentences(void **state)
{
    char s[1024];
    sentences_of(*state, "NATO họp tại Brussels. Nga phản đối quyết định này! Liệu hai bên có đối thoại?", s, sizeof s);
    assert_string_equal(s, "NATO họp tại Brussels. | Nga phản đối quyết định này! | Liệu hai bên có đối thoại?");
}

static void abbreviations(void **state)
{
    char s[1024];
    sentences_of(*state, "Hội thảo diễn ra tại TP. Hồ Chí Minh ngày 10/7. GS. Nguyễn Văn A và ThS. Trần Thị B phát biểu.",
                 s, sizeof s);
    assert_string_equal(s, "Hội thảo diễn ra tại TP. Hồ Chí Minh ngày 10/7. | GS. Nguyễn Văn A và ThS. Trần Thị B phát biểu.");
    sentences_of(*state, "Đoàn đến Tp. Đà Nẵng hôm qua. PGS. TS. Lê Văn C cho biết hội nghị thành công.", s, sizeof s);
    assert_string_equal(s, "Đoàn đến Tp. Đà Nẵng hôm qua. | PGS. TS. Lê Văn C cho biết hội nghị thành công.");
    sentences_of(*state, "Trụ sở ở Q. 1 và P. Bến Nghé. Ông nói vậy.", s, sizeof s);
    assert_string_equal(s, "Trụ sở ở Q. 1 và P. Bến Nghé. | Ông nói vậy.");
}

static void initials(void **state)
{
    char s[1024];
    sentences_of(*state, "Cựu Tổng thống John F. Kennedy từng tới Berlin. Lục quân U.S. Army tham gia tập trận.", s,
                 sizeof s);
    assert_string_equal(s, "Cựu Tổng thống John F. Kennedy từng tới Berlin. | Lục quân U.S. Army tham gia tập trận.");
}

static void numbers_with_dots(void **state)
{
    char s[1024];
    sentences_of(*state, "Bản kế hoạch dày 4.000 trang. Ngân sách là 20,9 tỷ USD cho năm 2024. Hãng tin ngày 11.12 cho biết vậy.",
                 s, sizeof s);
    assert_string_equal(s, "Bản kế hoạch dày 4.000 trang. | Ngân sách là 20,9 tỷ USD cho năm 2024. | Hãng tin ngày 11.12 cho biết vậy.");
}

static void closing_quotes(void **state)
{
    char s[1024];
    sentences_of(*state, "“Chúng tôi sẵn sàng đối thoại.” Ông Stoltenberg nói thêm rằng liên minh đoàn kết.", s, sizeof s);
    assert_string_equal(s, "“Chúng tôi sẵn sàng đối thoại.” | Ông Stoltenberg nói thêm rằng liên minh đoàn kết.");
    sentences_of(*state, "Ông nói: \"Đây là lựa chọn của Nga.\" Sau đó ông rời phòng họp.", s, sizeof s);
    assert_string_equal(s, "Ông nói: \"Đây là lựa chọn của Nga.\" | Sau đó ông rời phòng họp.");
}

static void lines_without_punctuation(void **state)
{
    char s[1024];
    sentences_of(*state,
                 "Đại sứ Nga phát biểu tại cuộc họp báo ngày 10/7. Các bên sẽ tiếp tục thảo luận.\n"
                 "Tổng thư ký NATO Jens Stoltenberg tại Vilnius (Ảnh: AFP)\n"
                 "Hội nghị kéo dài hai ngày và kết thúc bằng một tuyên bố chung.",
                 s, sizeof s);
    assert_string_equal(s, "Đại sứ Nga phát biểu tại cuộc họp báo ngày 10/7. | Các bên sẽ tiếp tục thảo luận. | "
                           "Tổng thư ký NATO Jens Stoltenberg tại Vilnius (Ảnh: AFP) | "
                           "Hội nghị kéo dài hai ngày và kết thúc bằng một tuyên bố chung.");
}

static void offsets_are_kept(void **state)
{
    const char *raw = "Tiêu đề\r\nGS. Lê phát biểu tại TP. Huế. Hội nghị bế mạc.\r\n";
    bn_article *a = test_extract(*state, raw, "2024-01-01");
    assert_int_equal(a->nsentences, 2);
    const char *second = strstr(raw, "Hội nghị");
    assert_int_equal(a->text.orig[a->sentences[1].start], (uint32_t)(second - raw));
    assert_int_equal(a->text.orig[a->sentences[0].start], (uint32_t)(strstr(raw, "GS.") - raw));
    bn_article_free(a);
}

/* The splitter hands ICU runs of one class as one code point (and a word
 * class after spaces and the same class again): on random text of every
 * Sentence_Break class its breaks are those ICU finds in the whole text. */
static void breaks_as_icu_finds_them(void **state)
{
    (void)state;
    static const UChar32 alphabet[] = {
        'a', 'b', 'A', 'B', '1', '2', '.', '?', '!', ' ', ' ', '\n', '"', '\'', '(', ')', ',', ';', ':', '-', '/', '%',
        0xE0, 0x1EBF, 0x1EA0, 0x111, 0x110, 0x300, 0x301, 0x2019, 0x201D, 0x201C, 0x3002, 0x5B57, 0x2026, 0xA0,
        0x2029, 0x85, 0x1F600, 0x2E2E, 0xFF0E, 0x3A9, 0x3C9, 0xAB, 0xBB, '[', ']', 0x200D, 0xAD, '\r', '\t'};
    enum { NA = sizeof alphabet / sizeof alphabet[0], CPS = 40 };
    bn_splitter *sp = bn_splitter_new("vi");
    UErrorCode st = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, "vi", NULL, 0, &st);
    assert_non_null(sp);
    assert_true(U_SUCCESS(st));
    unsigned seed = 24;
    for (int it = 0; it < 100000; it++) {
        char s[CPS * 4 + 1];
        UChar u[CPS * 2];
        int32_t off[CPS * 2 + 1], n8 = 0, n16 = 0;
        int n = 1 + (int)(rand_r(&seed) % CPS);
        for (int k = 0; k < n; k++) {
            unsigned r = rand_r(&seed) % (NA + 8);
            UChar32 c = r < NA ? alphabet[r] : (UChar32) "aA1 .a b"[r - NA];
            /* every other text mostly small letters (ASCII, two- and
             * three-byte) and spaces: the splitter reads those runs apart */
            static const UChar32 small[] = {'a', 'z', ' ', ' ', 0xE0, 0x1EBF, 0x1EA1, 0x111, 0x1B0, 0x3C9, 0x1EA0, 'N', '.'};
            if (it % 2 && rand_r(&seed) % 4)
                c = small[rand_r(&seed) % (sizeof small / sizeof small[0])];
            off[n16] = n8;
            if (c > 0xFFFF)
                off[n16 + 1] = n8;
            U8_APPEND_UNSAFE(s, n8, c);
            U16_APPEND_UNSAFE(u, n16, c);
        }
        off[n16] = n8;
        uint32_t got[CPS + 2], want[CPS + 2];
        size_t ngot = bn_splitter_breaks(sp, s, (size_t)n8, NULL, got, CPS + 2), nwant = 0;
        ubrk_setText(bi, u, n16, &st);
        for (int32_t b = ubrk_first(bi); b != UBRK_DONE; b = ubrk_next(bi))
            want[nwant++] = (uint32_t)off[b];
        assert_int_equal(ngot, nwant);
        for (size_t k = 0; k < nwant; k++)
            assert_int_equal(got[k], want[k]);
        /* and with the words passed over whole */
        bn_arena arena;
        bn_arena_init(&arena, 4096);
        bn_tokens t;
        assert_int_equal(bn_tokenize(&arena, s, (size_t)n8, &t), BN_OK);
        ngot = bn_splitter_breaks(sp, s, (size_t)n8, &t, got, CPS + 2);
        assert_int_equal(ngot, nwant);
        for (size_t k = 0; k < nwant; k++)
            assert_int_equal(got[k], want[k]);
        bn_arena_destroy(&arena);
    }
    ubrk_close(bi);
    bn_splitter_free(sp);
}

/* No code point a word is made of (a letter, a decimal digit or a mark:
 * bn_tokenize) is a terminator or a separator, so the splitter passes over
 * words whole. */
static void words_hold_no_stop(void **state)
{
    (void)state;
    for (UChar32 c = 0; c <= 0x10FFFF; c++) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;
        if (!(bn_cp_class(c) & BN_CP_WORD))
            continue;
        int sb = u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK);
        if (sb == U_SB_STERM || sb == U_SB_ATERM || sb == U_SB_SEP || sb == U_SB_CR || sb == U_SB_LF)
            fail_msg("U+%04X is part of a word and Sentence_Break %d", (unsigned)c, sb);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_sentences),
        cmocka_unit_test(abbreviations),
        cmocka_unit_test(initials),
        cmocka_unit_test(numbers_with_dots),
        cmocka_unit_test(closing_quotes),
        cmocka_unit_test(lines_without_punctuation),
        cmocka_unit_test(offsets_are_kept),
        cmocka_unit_test(breaks_as_icu_finds_them),
        cmocka_unit_test(words_hold_no_stop),
    };
    return cmocka_run_group_tests(tests, test_env_setup, test_env_teardown);
}
