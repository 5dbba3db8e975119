/* The article reader: title, body spans, page furniture, time stamps. */
#include <string.h>

#include "support.h"

static int body_has(const bn_article *a, const char *needle)
{
    return test_body_has(a, needle, 0);
}

static void title_and_body(void **state)
{
    bn_article *a = test_extract(*state,
                                 "NATO họp ở Brussels\n"
                                 "\n"
                                 "Ngày 12/1, NATO và Nga họp tại Brussels.\n"
                                 "\n"
                                 "Hai bên không đạt được đột phá.\n",
                                 "2022-01-12");
    assert_string_equal(a->title, "NATO họp ở Brussels");
    assert_int_equal(a->nbody, 3);
    assert_int_equal(a->nsentences, 2); /* the title is not a body sentence */
    assert_true(body_has(a, "Hai bên không"));
    assert_string_equal(TX(a->dct), "2022-01-12");
    assert_int_equal(a->dct_source, BN_DCT_GIVEN);
    bn_article_free(a);
}

static void furniture_is_dropped(void **state)
{
    bn_article *a = test_extract(*state,
                                 "Tiêu đề bài viết\n"
                                 "08:15:32 12/01/2022\n"
                                 "Theo dõi Báo Mẫu trên\n"
                                 "Ngày 12/1, NATO và Nga họp tại Brussels để bàn về an ninh châu Âu.\n"
                                 "<image>src=\"anh-1.jpg\" alt=\"Ảnh minh họa\"</image>\n"
                                 "Tin liên quan\n"
                                 "Mỹ cảnh báo Nga hôm 28/11 về Ukraine\n"
                                 "Điểm tin sáng nay của chúng tôi Điểm tin sáng nay của chúng tôi\n"
                                 "Ông Stoltenberg cho biết liên minh luôn sẵn sàng đối thoại với Nga nếu Moskva thực lòng muốn giảm căng thẳng.\n",
                                 NULL);
    /* the time stamp gives the publication date */
    assert_string_equal(TX(a->dct), "2022-01-12");
    assert_int_equal(a->dct_source, BN_DCT_PAGE);
    assert_false(body_has(a, "Theo dõi"));
    assert_false(body_has(a, "<image>"));
    assert_false(body_has(a, "Tin liên quan"));
    assert_false(body_has(a, "hôm 28/11"));
    assert_false(body_has(a, "Điểm tin sáng nay"));
    assert_true(body_has(a, "họp tại Brussels"));
    /* the list ends at running text */
    assert_true(body_has(a, "sẵn sàng đối thoại"));
    /* nothing from the list is an event */
    for (size_t i = 0; i < a->nevents; i++)
        assert_null(strstr(a->events[i].sources[0].sentence, "28/11"));
    bn_article_free(a);
}

static void offsets_point_into_the_original(void **state)
{
    /* CRLF, a BOM and a decomposed "ọ" (o + U+0323) change byte positions
     * between the original and the clean text */
    const char *raw = "\xEF\xBB\xBFTi\xC3\xAAu \xC4\x91\xE1\xBB\x81\r\n\r\n"
                      "Ng\xC3\xA0y 12/1, NATO h" "o\xCC\xA3" "p v\xE1\xBB\x9Bi Nga.\r\n";
    bn_article *a = test_extract(*state, raw, "2022-01-12");
    assert_int_equal(a->nbody, 2);
    /* the second body span is the sentence line in the original bytes */
    uint32_t off = a->body_offsets[2], len = a->body_offsets[3];
    const char *line = strstr(raw, "Ng\xC3\xA0y");
    assert_int_equal(off, (uint32_t)(line - raw));
    assert_int_equal(len, strlen(line) - 2); /* without the CRLF */
    /* the clean text is NFC: "họp" precomposed */
    assert_non_null(strstr(a->text.s, "h\xE1\xBB\x8Dp"));
    assert_int_equal(a->nevents, 1);
    const bn_source *s = &a->events[0].sources[0];
    assert_int_equal(s->offset, off);
    assert_int_equal(s->length, len);
    assert_memory_equal(raw + s->trigger_offset, "ho\xCC\xA3p", s->trigger_length);
    bn_article_free(a);
}

static void caption_between_picture_and_widget(void **state)
{
    bn_article *a = test_extract(*state,
                                 "NATO tăng quân ở Romania\n\n"
                                 "Ngày 1/3/2022, NATO cho biết sẽ tăng cường lực lượng ở Romania để bảo vệ sườn đông.\n"
                                 "<image>src=\"a.jpg\"</image>\n"
                                 "Binh sĩ Mỹ tham gia tập trận ở Romania - Ảnh: Reuters\n"
                                 "Video đang HOT\n"
                                 "Các nước thành viên nhất trí gửi thêm quân tới khu vực trong những tuần tới.\n",
                                 NULL);
    assert_true(body_has(a, "Binh sĩ Mỹ tham gia tập trận"));
    assert_false(body_has(a, "Video đang HOT"));
    assert_int_equal(a->nbody, 4);
    bn_article_free(a);
}

static void empty_article_is_an_error(void **state)
{
    test_env *env = *state;
    bn_record rec = {.path = "empty.txt", .id = "empty.txt", .text = " \n\n", .len = 3, .line = 1};
    bn_article *a = NULL;
    bn_error err;
    bn_error_clear(&err);
    assert_int_equal(bn_extract(env->ex, &rec, &a, &err), BN_ERR_EMPTY);
    assert_null(a);
    assert_string_equal(err.source, "empty.txt");
    assert_int_equal(err.line, 1);
}

static void invalid_utf8_names_line_and_column(void **state)
{
    test_env *env = *state;
    const char *raw = "Tiêu đề\nNgày 12/1, NATO \xFF họp.\n";
    bn_record rec = {.path = "bad.txt", .id = "bad.txt", .text = raw, .len = strlen(raw), .line = 1};
    bn_article *a = NULL;
    bn_error err;
    bn_error_clear(&err);
    assert_int_equal(bn_extract(env->ex, &rec, &a, &err), BN_ERR_UTF8);
    assert_null(a);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 18);
    assert_int_equal(err.offset, (size_t)(strchr(raw, '\xFF') - raw));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(title_and_body),
        cmocka_unit_test(furniture_is_dropped),
        cmocka_unit_test(offsets_point_into_the_original),
        cmocka_unit_test(caption_between_picture_and_widget),
        cmocka_unit_test(empty_article_is_an_error),
        cmocka_unit_test(invalid_utf8_names_line_and_column),
    };
    return cmocka_run_group_tests(tests, test_env_setup, test_env_teardown);
}
