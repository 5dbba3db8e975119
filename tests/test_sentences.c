/* Sentence splitting: ICU's rules, repaired for Vietnamese news. */
#include <stdio.h>
#include <string.h>

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
    };
    return cmocka_run_group_tests(tests, test_env_setup, test_env_teardown);
}
