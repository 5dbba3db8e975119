/* The date tagger: day expressions of the body as TIMEX3 values. */
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "bn_date_rules.h"
#include "bn_dates.h"
#include "bn_model.h"
#include "support.h"

/* The clean text of a timex's span. */
static void assert_span(const bn_article *a, const bn_timex *t, const char *want)
{
    assert_true(t->start < t->end_off);
    assert_true(t->end_off <= a->text.len);
    assert_int_equal(t->end_off - t->start, strlen(want));
    assert_memory_equal(a->text.s + t->start, want, strlen(want));
}

/* Extracts `text` and checks it has exactly one timex. */
static bn_article *one_timex(void **state, const char *text, const char *dct)
{
    bn_article *a = test_extract(*state, text, dct);
    assert_non_null(a);
    if (a->ntimexes != 1) {
        size_t n = a->ntimexes;
        bn_article_free(a);
        fail_msg("expected one timex, found %zu", n);
    }
    return a;
}

static void no_timex(void **state, const char *text, const char *dct)
{
    bn_article *a = test_extract(*state, text, dct);
    assert_non_null(a);
    size_t n = a->ntimexes, nsentences = a->nsentences;
    char first[BN_TIMEX_MAX] = "";
    if (n)
        bn_date_format(&a->timexes[0].value, first);
    bn_article_free(a);
    /* the body was read: the expression was looked at */
    assert_int_equal(nsentences, 1);
    if (n)
        fail_msg("expected no timex, found %zu (first: %s)", n, first);
}

static void day_month_dct_year(void **state)
{
    bn_article *a = one_timex(state,
                              "NATO họp thượng đỉnh\n"
                              "\n"
                              "Ngày 10/7, NATO cho biết sẽ tăng cường hiện diện ở sườn đông.\n",
                              "2023-07-10");
    const bn_timex *t = &a->timexes[0];
    assert_string_equal(TX(t->value), "2023-07-10");
    assert_string_equal(TX_END(t), "");
    assert_int_equal(t->value.precision, BN_PREC_DAY);
    assert_int_equal(t->year_source, BN_YEAR_DCT);
    assert_span(a, t, "Ngày 10/7");
    bn_article_free(a);

    /* lower case day word in the middle of a sentence */
    a = one_timex(state,
                  "Nga cảnh báo NATO\n"
                  "\n"
                  "Bộ Ngoại giao Nga ngày 10/7 cho biết sẽ đáp trả NATO.\n",
                  "2023-07-10");
    assert_string_equal(TX(a->timexes[0].value), "2023-07-10");
    assert_int_equal(a->timexes[0].year_source, BN_YEAR_DCT);
    assert_span(a, &a->timexes[0], "ngày 10/7");
    bn_article_free(a);
}

static void hom_day_month(void **state)
{
    bn_article *a = one_timex(state,
                              "Mỹ và Nga\n"
                              "\n"
                              "Ngoại trưởng Mỹ hôm 14/5 cho biết Washington sẵn sàng đối thoại với Nga.\n",
                              "2023-05-20");
    const bn_timex *t = &a->timexes[0];
    assert_string_equal(TX(t->value), "2023-05-14");
    assert_int_equal(t->value.precision, BN_PREC_DAY);
    assert_int_equal(t->year_source, BN_YEAR_DCT);
    assert_span(a, t, "hôm 14/5");
    bn_article_free(a);

    /* a two-word day word */
    a = one_timex(state,
                  "Nga tấn công Ukraine\n"
                  "\n"
                  "Nga mở chiến dịch quân sự ở Ukraine vào rạng sáng 24/2.\n",
                  "2022-02-25");
    assert_string_equal(TX(a->timexes[0].value), "2022-02-24");
    assert_int_equal(a->timexes[0].year_source, BN_YEAR_DCT);
    assert_span(a, &a->timexes[0], "rạng sáng 24/2");
    bn_article_free(a);
}

static void day_dash_month(void **state)
{
    bn_article *a = one_timex(state,
                              "Đàm phán an ninh\n"
                              "\n"
                              "Ngày 10-1, Mỹ và Nga bắt đầu đàm phán an ninh tại Geneva.\n",
                              "2022-01-10");
    const bn_timex *t = &a->timexes[0];
    assert_string_equal(TX(t->value), "2022-01-10");
    assert_string_equal(TX_END(t), "");
    assert_int_equal(t->year_source, BN_YEAR_DCT);
    assert_span(a, t, "Ngày 10-1");
    bn_article_free(a);
}

static void day_month_year_in_text(void **state)
{
    /* the written year wins over the publication date */
    bn_article *a = one_timex(state,
                              "Nhìn lại đàm phán\n"
                              "\n"
                              "Ngày 12/1/2022, NATO và Nga họp tại Brussels.\n",
                              "2023-07-10");
    const bn_timex *t = &a->timexes[0];
    assert_string_equal(TX(t->value), "2022-01-12");
    assert_int_equal(t->value.precision, BN_PREC_DAY);
    assert_int_equal(t->year_source, BN_YEAR_TEXT);
    assert_span(a, t, "Ngày 12/1/2022");
    bn_article_free(a);
}

static void bare_full_date(void **state)
{
    bn_article *a = one_timex(state,
                              "Hội nghị Geneva\n"
                              "\n"
                              "Hội nghị 12/1/2022 giữa Mỹ và Nga kết thúc mà không có đột phá.\n",
                              NULL);
    const bn_timex *t = &a->timexes[0];
    assert_string_equal(TX(t->value), "2022-01-12");
    assert_int_equal(t->year_source, BN_YEAR_TEXT);
    assert_span(a, t, "12/1/2022");
    bn_article_free(a);

    /* a bare day and month is not enough */
    no_timex(state,
             "Hội nghị Geneva\n"
             "\n"
             "Hội nghị 12/1 giữa Mỹ và Nga kết thúc mà không có đột phá.\n",
             "2022-01-14");
}

static void nearest_year(void **state)
{
    /* mid-December read in January is last year's */
    bn_article *a = one_timex(state,
                              "Đề xuất an ninh\n"
                              "\n"
                              "Ngày 17/12, Nga đưa ra đề xuất an ninh với Mỹ và NATO.\n",
                              "2022-01-10");
    assert_string_equal(TX(a->timexes[0].value), "2021-12-17");
    assert_int_equal(a->timexes[0].year_source, BN_YEAR_DCT);
    bn_article_free(a);

    /* and early January read in December is next year's */
    a = one_timex(state,
                  "Lịch họp\n"
                  "\n"
                  "Ngày 5/1, NATO sẽ họp với Nga tại Brussels.\n",
                  "2021-12-20");
    assert_string_equal(TX(a->timexes[0].value), "2022-01-05");
    assert_int_equal(a->timexes[0].year_source, BN_YEAR_DCT);
    bn_article_free(a);
}

static void no_dct(void **state)
{
    bn_article *a = one_timex(state,
                              "NATO họp thượng đỉnh\n"
                              "\n"
                              "Ngày 10/7, NATO cho biết sẽ tăng cường hiện diện ở sườn đông.\n",
                              NULL);
    assert_int_equal(a->dct.year, 0);
    assert_int_equal(a->dct_source, BN_DCT_NONE);
    const bn_timex *t = &a->timexes[0];
    assert_string_equal(TX(t->value), "XXXX-07-10");
    assert_string_equal(TX_END(t), "");
    assert_int_equal(t->value.precision, BN_PREC_DAY);
    assert_int_equal(t->year_source, BN_YEAR_UNKNOWN);
    bn_article_free(a);
}

/* The timex whose span is `text`, else NULL. */
static const bn_timex *timex_of(const bn_article *a, const char *text)
{
    for (size_t i = 0; i < a->ntimexes; i++) {
        const bn_timex *t = &a->timexes[i];
        if (t->end_off - t->start == strlen(text) && memcmp(a->text.s + t->start, text, strlen(text)) == 0)
            return t;
    }
    return NULL;
}

/* Without a DCT, "Chiều nay (26/5/2017)" says the page was written on
 * 26/5/2017: "hôm qua" and "tuần trước" are counted from it alone.
 * Without it, the lead's day leaves the writing open by two days: "hôm
 * qua" is no date, "tuần trước" is one (a Friday: Fri-Sun one week).  Two
 * such pairs that disagree say nothing. */
static void the_day_a_page_says_it_was_written(void **state)
{
    static const char *const body = "Hôm qua, Tổng thống Pháp Emmanuel Macron đã cảnh báo Nga.\n"
                                    "Tuần trước, Mỹ đã trừng phạt Iran.\n";
    char text[512];
    snprintf(text, sizeof text, "Tin\n\nChiều nay (26/5/2017), ông Abe đã hội đàm với ông Trump tại Sicily.\n%s", body);
    bn_article *a = test_extract(*state, text, NULL);
    const bn_timex *t = timex_of(a, "Hôm qua");
    assert_non_null(t);
    assert_string_equal(TX(t->value), "2017-05-25");
    assert_int_equal(t->year_source, BN_YEAR_INFERRED);
    assert_non_null(t = timex_of(a, "Tuần trước"));
    assert_string_equal(TX(t->value), "2017-W20");
    bn_article_free(a);

    snprintf(text, sizeof text, "Tin\n\nNgày 26/5/2017, ông Abe đã hội đàm với ông Trump tại Sicily.\n%s", body);
    a = test_extract(*state, text, NULL);
    assert_null(timex_of(a, "Hôm qua"));
    assert_non_null(t = timex_of(a, "Tuần trước"));
    assert_string_equal(TX(t->value), "2017-W20");
    bn_article_free(a);

    snprintf(text, sizeof text, "Tin\n\nChiều nay (26/5), ông Abe đã hội đàm với ông Trump tại Sicily.\n%s", body);
    a = test_extract(*state, text, NULL); /* no year: counted once the resolver gives 26/5 one */
    assert_non_null(t = timex_of(a, "Hôm qua"));
    assert_int_equal(t->year_source, BN_YEAR_DEFERRED);
    assert_string_equal(TX(t->value), "XXXX-05-26");
    assert_int_equal(t->deferred.unit, BN_SHIFT_DAY);
    assert_int_equal(t->deferred.count, -1);
    assert_int_equal(t->deferred.lag, 0);
    bn_article_free(a);

    snprintf(text, sizeof text,
             "Tin\n\nChiều nay (26/5/2017), ông Abe đã hội đàm với ông Trump tại Sicily.\n"
             "Sáng nay (28/5/2017), ông Trump đã rời Sicily.\n%s",
             body);
    a = test_extract(*state, text, NULL);
    assert_null(timex_of(a, "Hôm qua"));
    bn_article_free(a);
}

/* "Một tuần sau" counts from the time told last: a day ("Ngày 5/3"), or,
 * when a time with no date came after it ("Vài ngày sau cuộc hội đàm"),
 * nothing it can count from. */
static void counted_from_the_time_told_last(void **state)
{
    bn_article *a = test_extract(*state,
                                 "Tin\n\nNgày 5/3/2021, Ngoại trưởng Trung Quốc đã hội đàm với Ngoại trưởng Mỹ.\n"
                                 "Một tuần sau, ông bay đến Iran và ký một thỏa thuận hợp tác.\n",
                                 "2021-04-20");
    const bn_timex *t = timex_of(a, "Một tuần sau");
    assert_non_null(t);
    assert_string_equal(TX(t->value), "2021-W10");
    bn_article_free(a);
    a = test_extract(*state,
                     "Tin\n\nNgày 5/3/2021, Ngoại trưởng Trung Quốc đã hội đàm với Ngoại trưởng Mỹ.\n"
                     "Vài ngày sau cuộc hội đàm, ông tiếp Ngoại trưởng Nga.\n"
                     "Một tuần sau, ông bay đến Iran và ký một thỏa thuận hợp tác.\n",
                     "2021-04-20");
    assert_null(timex_of(a, "Một tuần sau"));
    bn_article_free(a);
    a = test_extract(*state,
                     "Tin\n\nNgày 5/3/2021, Ngoại trưởng Trung Quốc đã hội đàm với Ngoại trưởng Mỹ.\n"
                     "Hồi tháng 1, ông đã thăm Nga.\n"
                     "Một tuần sau, ông bay đến Iran và ký một thỏa thuận hợp tác.\n",
                     "2021-04-20");
    assert_null(timex_of(a, "Một tuần sau"));
    bn_article_free(a);
}

/* A tense word inside a quotation says nothing of a day outside it: the
 * "sẽ" of the quote leaves "nói ... ngày 20/4" a past day of the lead, from
 * which "tuần trước" is counted (deferred: the day has no year yet). */
static void a_quotation_lends_no_tense(void **state)
{
    bn_article *a = test_extract(*state,
                                 "Tin\n\n\"Điều này không có nghĩa họ sẽ dừng lại\", Ngoại trưởng Ukraine Dmytro Kuleba "
                                 "nói trong cuộc họp trực tuyến ngày 20/4.\n"
                                 "Mỹ tuần trước đã công bố các lệnh trừng phạt Nga.\n",
                                 NULL);
    const bn_timex *t = timex_of(a, "tuần trước");
    assert_non_null(t);
    assert_int_equal(t->year_source, BN_YEAR_DEFERRED);
    assert_string_equal(TX(t->value), "XXXX-04-20");
    bn_article_free(a);
}

/* The lead's three sentences are counted past the caption and past those
 * wholly inside a quotation: four quoted sentences, then "ông X nói ...
 * ngày 20/4" gives the day "tuần trước" is counted from. */
static void a_lead_past_a_quotation(void **state)
{
    bn_article *a = test_extract(*state,
                                 "Tin\n\nNgoại trưởng Ukraine tại một cuộc họp báo (Ảnh: Reuters).\n"
                                 "\"Chúng tôi muốn hòa bình. Không ai muốn chiến tranh. Nhưng chúng tôi sẵn sàng. "
                                 "Biên giới vẫn căng thẳng\", Ngoại trưởng Ukraine Dmytro Kuleba nói tại Kiev ngày 20/4.\n"
                                 "Tuần trước, Mỹ đã trừng phạt Nga.\n",
                                 NULL);
    const bn_timex *t = timex_of(a, "Tuần trước");
    assert_non_null(t);
    assert_int_equal(t->year_source, BN_YEAR_DEFERRED);
    assert_string_equal(TX(t->value), "XXXX-04-20");
    bn_article_free(a);
}

/* A lead day without its year after the latest one with it is the later:
 * "ngày 1/2" beside "hôm 19/12/2025" is 1/2/2026, and "cuối năm ngoái"
 * counted from it is 2025. */
static void a_later_lead_day_without_its_year(void **state)
{
    bn_article *a = test_extract(*state,
                                 "Tin\n\nNgày 1/2, Tổng thống Mỹ thông báo một kế hoạch mới. Công nhân đã sửa mặt tiền "
                                 "tòa nhà hôm 19/12/2025. Cuối năm ngoái, Nhà Trắng đã công bố dự án.\n",
                                 NULL);
    const bn_timex *t = timex_of(a, "Cuối năm ngoái");
    assert_non_null(t);
    assert_string_equal(TX(t->value), "2025");
    assert_int_equal(t->year_source, BN_YEAR_INFERRED);
    bn_article_free(a);
}

static void range_dct_year(void **state)
{
    bn_article *a = one_timex(state,
                              "Thượng đỉnh Vilnius\n"
                              "\n"
                              "NATO họp thượng đỉnh từ ngày 11-12/7 tại Vilnius.\n",
                              "2023-07-10");
    const bn_timex *t = &a->timexes[0];
    assert_string_equal(TX(t->value), "2023-07-11");
    assert_string_equal(TX_END(t), "2023-07-12");
    assert_int_equal(t->value.precision, BN_PREC_DAY);
    assert_int_equal(t->year_source, BN_YEAR_DCT);
    assert_span(a, t, "ngày 11-12/7");
    bn_article_free(a);

    /* no publication date: both ends without a year */
    a = one_timex(state,
                  "Thượng đỉnh\n"
                  "\n"
                  "NATO họp thượng đỉnh từ ngày 11-12/7 tại một thành phố ven biển.\n",
                  NULL);
    assert_string_equal(TX(a->timexes[0].value), "XXXX-07-11");
    assert_string_equal(TX_END(&a->timexes[0]), "XXXX-07-12");
    assert_int_equal(a->timexes[0].year_source, BN_YEAR_UNKNOWN);
    bn_article_free(a);

    /* the knowledge base knows the summit held at Vilnius on those days */
    a = one_timex(state,
                  "Thượng đỉnh Vilnius\n"
                  "\n"
                  "NATO họp thượng đỉnh từ ngày 11-12/7 tại Vilnius.\n",
                  NULL);
    assert_string_equal(TX(a->timexes[0].value), "2023-07-11");
    assert_string_equal(TX_END(&a->timexes[0]), "2023-07-12");
    assert_int_equal(a->timexes[0].year_source, BN_YEAR_INFERRED);
    bn_article_free(a);
}

static void range_text_year(void **state)
{
    bn_article *a = one_timex(state,
                              "Đàm phán Geneva\n"
                              "\n"
                              "Các cuộc đàm phán diễn ra ngày 12-13/1/2022 tại Geneva giữa Mỹ và Nga.\n",
                              "2023-07-10");
    const bn_timex *t = &a->timexes[0];
    assert_string_equal(TX(t->value), "2022-01-12");
    assert_string_equal(TX_END(t), "2022-01-13");
    assert_int_equal(t->year_source, BN_YEAR_TEXT);
    assert_span(a, t, "ngày 12-13/1/2022");
    bn_article_free(a);
}

static void several_in_order(void **state)
{
    bn_article *a = test_extract(*state,
                                 "Chuỗi đàm phán\n"
                                 "\n"
                                 "Ngày 10/1, Mỹ và Nga họp tại Geneva.\n"
                                 "\n"
                                 "Sau đó NATO họp với Nga ngày 12/1 tại Brussels, rồi OSCE họp hôm 13-1 tại Vienna.\n",
                                 "2022-01-14");
    assert_int_equal(a->ntimexes, 3);
    assert_string_equal(TX(a->timexes[0].value), "2022-01-10");
    assert_string_equal(TX(a->timexes[1].value), "2022-01-12");
    assert_string_equal(TX(a->timexes[2].value), "2022-01-13");
    assert_true(a->timexes[0].start < a->timexes[1].start);
    assert_true(a->timexes[1].start < a->timexes[2].start);
    assert_span(a, &a->timexes[2], "hôm 13-1");
    bn_article_free(a);
}

static void title_is_not_tagged(void **state)
{
    no_timex(state,
             "Ngày 10/7 NATO họp thượng đỉnh\n"
             "\n"
             "Các nhà lãnh đạo NATO cho biết liên minh sẽ tăng cường phòng thủ.\n",
             "2023-07-10");
}

static void not_dates(void **state)
{
    no_timex(state,
             "Bóng đá\n\nTrận đấu kết thúc với tỷ số 2-1 cho đội chủ nhà.\n",
             "2023-07-10");
    no_timex(state,
             "Phòng không\n\nNga triển khai hệ thống S-400 tới Belarus.\n",
             "2023-07-10");
    no_timex(state,
             "Đại dịch\n\nĐại dịch Covid-19 làm chậm các cuộc đàm phán giữa Mỹ và Trung Quốc.\n",
             "2023-07-10");
    no_timex(state,
             "Báo cáo\n\nBáo cáo dài 4.000 trang đã được gửi tới NATO.\n",
             "2023-07-10");
    no_timex(state,
             "Ngày không có\n\nNga cho biết ngày 32/1 sẽ không có cuộc họp nào với NATO.\n",
             "2023-07-10");
    no_timex(state,
             "Tháng không có\n\nNga cho biết ngày 10/13 sẽ không có cuộc họp nào với NATO.\n",
             "2023-07-10");
    /* a range whose end is before its start */
    no_timex(state,
             "Lịch họp\n\nNATO họp từ ngày 12-11/7 tại Vilnius.\n",
             "2023-07-10");
    /* "10/7/2023/..." is a path or a code, not a date */
    no_timex(state,
             "Văn bản\n\nVăn bản số 10/7/2023/QĐ của Bộ Ngoại giao đã được công bố.\n",
             "2023-07-10");
}

static void leap_day(void **state)
{
    bn_article *a = one_timex(state,
                              "Lịch sử\n"
                              "\n"
                              "Ngày 29/2, NATO cho biết đã tổ chức tập trận.\n",
                              "2024-03-05");
    assert_string_equal(TX(a->timexes[0].value), "2024-02-29");
    assert_int_equal(a->timexes[0].year_source, BN_YEAR_DCT);
    bn_article_free(a);

    /* a publication date in 2022: no leap year within one year of it, so
     * the nearest leap year (2021-2023 were skipped, then the DCT year was
     * used, giving "2022-02-29": a bug, fixed) */
    a = one_timex(state,
                  "Lịch sử\n"
                  "\n"
                  "Ngày 29/2, NATO cho biết đã tổ chức tập trận.\n",
                  "2022-06-01");
    char value[BN_TIMEX_MAX];
    bn_date_format(&a->timexes[0].value, value);
    bn_article_free(a);
    assert_string_equal(value, "2024-02-29");
}

static void days_from_civil(void **state)
{
    (void)state;
    assert_int_equal(bn_days_from_civil(1970, 1, 1), 0);
    assert_int_equal(bn_days_from_civil(1970, 1, 2), 1);
    assert_int_equal(bn_days_from_civil(1969, 12, 31), -1);
    assert_int_equal(bn_days_from_civil(2000, 3, 1), 11017);
    assert_int_equal(bn_days_from_civil(2000, 2, 29), 11016);
    assert_int_equal(bn_days_from_civil(2022, 1, 10), 19002);
    assert_int_equal(bn_days_from_civil(2100, 3, 1), 47541);
    assert_int_equal(bn_days_from_civil(1600, 3, 1), -135080);
    /* a year has 365 or 366 days */
    assert_int_equal(bn_days_from_civil(2023, 1, 1) - bn_days_from_civil(2022, 1, 1), 365);
    assert_int_equal(bn_days_from_civil(2025, 1, 1) - bn_days_from_civil(2024, 1, 1), 366);
}

/* An unknown year still says what the article allows, for the resolver. */
static void year_range_of_unknown_year(void **state)
{
    bn_article *a = test_extract(*state,
                                 "Tin\n\nNăm 2024, Thụy Điển đã chính thức gia nhập NATO.\n"
                                 "NATO sẽ họp tại Washington vào ngày 10/7.\n",
                                 NULL);
    assert_int_equal(a->ntimexes, 2);
    const bn_timex *t = &a->timexes[1];
    assert_string_equal(TX(t->value), "XXXX-07-10");
    assert_int_equal(t->year_source, BN_YEAR_UNKNOWN);
    assert_int_equal(t->year_lo, 2024); /* a coming day, written after 2024 began */
    assert_int_equal(t->year_hi, 0);
    assert_int_equal(a->timexes[0].year_lo, 0); /* a known year has no range */
    bn_article_free(a);
    /* per day: written from 2022-02-24 (the special military operation),
     * a past 19/4 is of 2022 at the earliest, not of 2021 (more than half
     * a year before); a past 10/12 may be of 2021 */
    a = test_extract(*state,
                     "Tin\n\nHôm 19/4, Nga cho biết chiến dịch quân sự đặc biệt tiếp diễn.\n"
                     "Hồi tháng 12, Nga đã đưa ra đề xuất về an ninh.\n",
                     NULL);
    assert_int_equal(a->ntimexes, 2);
    assert_string_equal(TX(a->timexes[0].value), "XXXX-04-19");
    assert_int_equal(a->timexes[0].year_lo, 2022);
    assert_int_equal(a->timexes[0].year_hi, 0);
    assert_string_equal(TX(a->timexes[1].value), "XXXX-12");
    assert_int_equal(a->timexes[1].year_lo, 2021);
    bn_article_free(a);
}

/* Without a DCT, the office of a person named dates the article: "Tân
 * Tổng thư ký NATO Mark Rutte" is early in his term (from 2024-10-01). */
static void office_dates_the_article(void **state)
{
    bn_article *a = one_timex(state,
                              "Tin\n\nNgày 16/10, Tân Tổng thư ký NATO Mark Rutte cho biết liên minh ủng hộ Ukraine.\n",
                              NULL);
    assert_string_equal(TX(a->timexes[0].value), "2024-10-16");
    assert_int_equal(a->timexes[0].year_source, BN_YEAR_INFERRED);
    bn_article_free(a);
    /* a former holder dates nothing; a ten-year term is too long to tell */
    a = one_timex(state, "Tin\n\nNgày 16/10, cựu Tổng thư ký NATO Mark Rutte cho biết như vậy.\n", NULL);
    assert_string_equal(TX(a->timexes[0].value), "XXXX-10-16");
    bn_article_free(a);
    a = one_timex(state, "Tin\n\nNgày 16/10, Tổng thư ký NATO Jens Stoltenberg cho biết như vậy.\n", NULL);
    assert_string_equal(TX(a->timexes[0].value), "XXXX-10-16");
    bn_article_free(a);
    /* "Tân Tổng thư ký NATO" alone: of the holders, the one whose first
     * months fit what the article says already (Rutte took office then) */
    a = one_timex(state,
                  "Tin\n\nTổng thư ký NATO Mark Rutte cho biết liên minh ủng hộ Ukraine ngày 17/10.\n"
                  "Tân Tổng thư ký NATO nói thêm rằng các đồng minh đoàn kết.\n",
                  NULL);
    assert_string_equal(TX(a->timexes[0].value), "2024-10-17");
    bn_article_free(a);
}

/* "cựu Bộ trưởng Quốc phòng Mỹ dưới thời Tổng thống Barack Obama": the
 * time a former official served in may be over, so Obama's office bounds
 * the writing from below only and Rutte's first months date the day;
 * without the former official, the two offices disagree and date
 * nothing. */
static void a_former_officials_time_may_be_over(void **state)
{
    bn_article *a = one_timex(state,
                              "Tin\n\nNgày 16/10, Tân Tổng thư ký NATO Mark Rutte gặp một cựu Bộ trưởng Quốc phòng Mỹ "
                              "dưới thời Tổng thống Barack Obama.\n",
                              NULL);
    assert_string_equal(TX(a->timexes[0].value), "2024-10-16");
    bn_article_free(a);
    a = one_timex(state,
                  "Tin\n\nNgày 16/10, Tân Tổng thư ký NATO Mark Rutte gặp Bộ trưởng Quốc phòng Mỹ "
                  "dưới thời Tổng thống Barack Obama.\n",
                  NULL);
    assert_string_equal(TX(a->timexes[0].value), "XXXX-10-16");
    bn_article_free(a);
}

/* "cựu Tổng thống Mỹ Donald Trump": written between his terms
 * (2021-01-20 .. 2025-01-20), where of the years a Wednesday 10 March
 * is 2021's; Mark Rutte, still in his one term, "cựu" dates nothing. */
static void a_former_holder_was_out_of_office(void **state)
{
    bn_article *a = one_timex(state, "Tin\n\nHôm thứ Tư (10/3), cựu Tổng thống Mỹ Donald Trump chỉ trích chính quyền.\n",
                              NULL);
    assert_string_equal(TX(a->timexes[0].value), "2021-03-10");
    assert_int_equal(a->written_from.year, 2021);
    assert_int_equal(a->written_to.year, 2025);
    bn_article_free(a);
    a = one_timex(state, "Tin\n\nHôm thứ Tư (10/3), cựu Tổng thư ký NATO Mark Rutte chỉ trích chính quyền.\n", NULL);
    assert_string_equal(TX(a->timexes[0].value), "XXXX-03-10");
    bn_article_free(a);
}

/* "Tổng thống đắc cử Pháp Emmanuel Macron": his days as president-elect
 * (2017-05-07 .. 2017-05-14, a role of the knowledge base) date the page;
 * as president alone (from 2017-05-14, still in office) nothing. */
static void a_president_elect_dates_the_article(void **state)
{
    bn_article *a = one_timex(state, "Tin\n\nHôm 8/5, Tổng thống đắc cử Pháp Emmanuel Macron cho biết ông sẽ bổ nhiệm "
                                     "thủ tướng.\n",
                              NULL);
    assert_string_equal(TX(a->timexes[0].value), "2017-05-08");
    bn_article_free(a);
    a = one_timex(state, "Tin\n\nHôm 8/5, Tổng thống Pháp Emmanuel Macron cho biết ông sẽ bổ nhiệm thủ tướng.\n", NULL);
    assert_string_equal(TX(a->timexes[0].value), "XXXX-05-08");
    bn_article_free(a);
    /* no day in the lead: "tháng này" takes the month every day of the
     * window gives it */
    a = one_timex(state, "Tin\n\nTổng thống đắc cử Pháp Emmanuel Macron đã gặp các cố vấn trong tháng này.\n", NULL);
    assert_string_equal(TX(a->timexes[0].value), "2017-05");
    assert_int_equal(a->timexes[0].year_source, BN_YEAR_INFERRED);
    bn_article_free(a);
}

/* The offices' terms together, not each office's first start and last
 * end: Trump (2017-2021, from 2025) with Stoltenberg (2014-2024) leaves
 * Trump's first term; Trump alone, 2017 on. */
static void offices_narrow_by_their_terms(void **state)
{
    bn_article *a = one_timex(state,
                              "Tin\n\nNgày 10/7, Tổng thống Mỹ Donald Trump gặp Tổng thư ký NATO Jens Stoltenberg.\n",
                              NULL);
    assert_int_equal(a->written_from.year, 2017);
    assert_int_equal(a->written_to.year, 2021);
    bn_article_free(a);
    a = one_timex(state, "Tin\n\nNgày 10/7, Tổng thống Mỹ Donald Trump phát biểu.\n", NULL);
    assert_int_equal(a->written_from.year, 2017);
    assert_int_equal(a->written_to.year, 0); /* unbounded */
    bn_article_free(a);
}

/* "Cùng ngày" after a day far from the writing (more than a year before
 * the window the clues leave: Tô Lâm as General Secretary, from
 * 2024-08-03) is not that day: history, as with a DCT. */
static void same_day_is_not_historys_day(void **state)
{
    bn_article *a = one_timex(state,
                              "Tin\n\nNgày 7/1/1979, quân đội Việt Nam giúp nhân dân Campuchia lật đổ chế độ diệt "
                              "chủng.\nCùng ngày, Tổng Bí thư Tô Lâm đã hội kiến Thủ tướng Campuchia Hun Manet.\n",
                              NULL);
    assert_string_equal(TX(a->timexes[0].value), "1979-01-07");
    bn_article_free(a);
}

/* A war's episode of the knowledge base (43-wars.json): a day inside it
 * in a sentence with a word of fighting and its place, the side named,
 * takes its year (the Second Nagorno-Karabakh War, 2020-09-27 ..
 * 2020-11-10); the article's next day follows it.  The place without
 * fighting ("họp tại") is no episode. */
static void a_war_episode_dates_its_days(void **state)
{
    bn_article *a = test_extract(*state,
                                 "Tin\n\nVào ngày 27/9, giao tranh đã nổ ra giữa Azerbaijan và Armenia tại "
                                 "Nagorno-Karabakh.\nNgày 29/9, Armenia từ chối đối thoại với Azerbaijan.\n",
                                 NULL);
    assert_int_equal(a->ntimexes, 2);
    assert_string_equal(TX(a->timexes[0].value), "2020-09-27");
    assert_int_equal(a->timexes[0].year_source, BN_YEAR_INFERRED);
    assert_string_equal(TX(a->timexes[1].value), "2020-09-29");
    bn_article_free(a);
    a = one_timex(state, "Tin\n\nNgày 27/9, Azerbaijan và Armenia họp tại Nagorno-Karabakh.\n", NULL);
    assert_string_equal(TX(a->timexes[0].value), "XXXX-09-27");
    bn_article_free(a);
}

/* A year compared with ("so với cùng kỳ năm 2019") in a coming sentence
 * is no coming year: it does not end the writing in 2019, which with
 * COVID-19 (from 2019-12-31) would have left one day and put 29/4 in
 * 2020. */
static void a_compared_year_bounds_nothing(void **state)
{
    bn_article *a = test_extract(*state,
                                 "Tin\n\nNgày 29/4, ông Quốc cho biết thị xã sẽ đón 65.000 khách, bằng 70% so với "
                                 "cùng kỳ năm 2019.\nDịch Covid-19 vẫn diễn biến phức tạp.\n",
                                 NULL);
    assert_string_equal(TX(a->timexes[0].value), "XXXX-04-29");
    bn_article_free(a);
}

/* A clue that ends the writing before 1990 was misread (no page read
 * here is that old): "sẽ khôi phục ... trước tháng 8/1968" bounds
 * nothing, and 18/4 is not 1968's. */
static void no_writing_before_the_web(void **state)
{
    bn_article *a = test_extract(*state,
                                 "Tin\n\nNgày 18/4, Nga công bố trục xuất 20 nhà ngoại giao Séc.\nThành phố dự kiến "
                                 "sẽ khôi phục khu đất giống hiện trạng trước tháng 8/1968.\n",
                                 NULL);
    assert_string_equal(TX(a->timexes[0].value), "XXXX-04-18");
    bn_article_free(a);
}

/* A past day of the lead is at most a month older than the writing: Rex
 * Tillerson, Secretary of State from 2017-02-01, and "Ngày 10/12" in the
 * lead is 2017-12-10 (2016-12-10 is two months before his term); the
 * same day past the lead may be older, and 2016 stays open. */
static void a_lead_day_near_the_offices(void **state)
{
    bn_article *a = one_timex(state,
                              "Tin\n\nNgày 10/12, Ngoại trưởng Mỹ Rex Tillerson cho biết Washington sẵn sàng đối "
                              "thoại.\n",
                              NULL);
    assert_string_equal(TX(a->timexes[0].value), "2017-12-10");
    assert_int_equal(a->timexes[0].year_source, BN_YEAR_INFERRED);
    bn_article_free(a);
    a = test_extract(*state,
                     "Tin\n\nNgoại trưởng Mỹ Rex Tillerson cho biết Washington sẵn sàng đối thoại.\n"
                     "Ông nói thêm rằng các đồng minh đoàn kết.\nÔng cũng nói về kinh tế.\n"
                     "Ông nhấn mạnh vai trò của ngoại giao.\nNgày 10/12, ông Tillerson đã gặp các đồng minh.\n",
                     NULL);
    assert_int_equal(a->ntimexes, 1);
    assert_string_equal(TX(a->timexes[0].value), "XXXX-12-10");
    bn_article_free(a);
}

/* The article read from a file saved on day `saved` (YYYY-MM-DD, or
 * NULL: not known). */
static bn_article *saved_extract(void **state, const char *text, const char *saved)
{
    test_env *env = *state;
    bn_record rec = {.path = "t.txt", .id = "t.txt", .text = text, .len = strlen(text), .line = 1};
    if (saved)
        assert_true(bn_date_parse_day(saved, &rec.saved));
    bn_article *a = NULL;
    bn_error err;
    bn_error_clear(&err);
    assert_int_equal(bn_extract(env->ex, &rec, &a, &err), BN_OK);
    return a;
}

/* A photo was taken before the page that shows it was written: a
 * caption's date bounds the writing from below.  With Trump in office
 * again (from 2025-01-20) and a file saved on 2026-12-07, "ngày 3/1 đã"
 * fits 2025 and 2026; after a photo of December 2025 only 2026 (a past
 * day is not after the saving).  The caption's credit may be bracketed
 * in the sentence or, in a body crawled as one line, cut out of the body
 * after it ("... tháng 12/2025. Ảnh:AP Venezuela ..."); a "Video:" link
 * makes no caption.  Without the saved day (or with a coming day) the
 * window stays open at its end. */
static void a_caption_dates_the_photo_before_the_page(void **state)
{
    const char *bracketed = "Tin\n\nTổng thống Mỹ Donald Trump ngày 3/1 đã tuyên bố Mỹ sẽ mua dầu của Venezuela.\n"
                            "Một nhà máy lọc dầu ở Venezuela tháng 12/2025 (Ảnh: AP).\n";
    const char *cut = "Tin\n\nTổng thống Mỹ Donald Trump ngày 3/1 đã tuyên bố Mỹ sẽ mua dầu của Venezuela. "
                      "Một nhà máy lọc dầu ở Venezuela tháng 12/2025. Ảnh:AP Venezuela có trữ lượng dầu mỏ "
                      "lớn nhất thế giới, theo các số liệu được công bố.\n";
    const char *texts[] = {bracketed, cut};
    for (size_t i = 0; i < 2; i++) {
        bn_article *a = saved_extract(state, texts[i], "2026-12-07");
        assert_string_equal(TX(a->written_from), "2025-12-01");
        assert_string_equal(TX(a->timexes[0].value), "2026-01-03");
        assert_int_equal(a->timexes[0].year_source, BN_YEAR_INFERRED);
        bn_article_free(a);
        a = saved_extract(state, texts[i], NULL);
        assert_string_equal(TX(a->written_from), "2025-12-01");
        assert_string_equal(TX(a->timexes[0].value), "XXXX-01-03");
        bn_article_free(a);
    }
    /* the same line with a link to a video: no caption, and "tháng
     * 12/2025" untensed puts the writing a year before it at most */
    bn_article *a = saved_extract(state,
                                  "Tin\n\nTổng thống Mỹ Donald Trump ngày 3/1 đã tuyên bố Mỹ sẽ mua dầu của "
                                  "Venezuela. Một nhà máy lọc dầu ở Venezuela tháng 12/2025. Video: Venezuela có "
                                  "trữ lượng dầu mỏ lớn nhất thế giới, theo các số liệu được công bố.\n",
                                  "2026-12-07");
    assert_string_equal(TX(a->written_from), "2024-12-01");
    assert_string_equal(TX(a->timexes[0].value), "XXXX-01-03");
    bn_article_free(a);
}

/* The day the file was saved ends the writing: Marco Rubio is Secretary
 * of State from 2025-01-21, so "ngày 30/1" in a file saved on 2025-06-01
 * is 2025-01-30 (2026-01-30 is after the saving); saved on 2026-12-07,
 * both years stay open.  Saved before Rubio's term (two clues that
 * disagree), the saving says nothing; nor does it close a window wider
 * than four years (Tillerson's 2017 and a file of 2026 would leave
 * every year between).  A date that starts the writing after the saving
 * ("đến hết ngày 31/12/2030", untensed) is misread: the offices' start
 * stands. */
static void saved_day_ends_the_writing(void **state)
{
    const char *rubio = "Tin\n\nNgoại trưởng Mỹ Marco Rubio ngày 30/1 đã điện đàm với người đồng cấp Ấn Độ.\n";
    bn_article *a = saved_extract(state, rubio, "2025-06-01");
    assert_string_equal(TX(a->timexes[0].value), "2025-01-30");
    assert_int_equal(a->timexes[0].year_source, BN_YEAR_INFERRED);
    assert_string_equal(TX(a->written_to), "2025-06-02");
    bn_article_free(a);
    a = saved_extract(state, rubio, "2026-12-07");
    assert_string_equal(TX(a->timexes[0].value), "XXXX-01-30");
    assert_int_equal(a->timexes[0].year_lo, 2025);
    assert_int_equal(a->timexes[0].year_hi, 2026);
    bn_article_free(a);
    const char *no_bound[] = {NULL, "2024-01-01", "1980-01-01"};
    for (size_t i = 0; i < 3; i++) {
        a = saved_extract(state, rubio, no_bound[i]);
        assert_string_equal(TX(a->timexes[0].value), "XXXX-01-30");
        assert_int_equal(a->timexes[0].year_hi, 0);
        assert_int_equal(a->written_to.year, 0);
        bn_article_free(a);
    }
    a = saved_extract(state, "Tin\n\nNgày 30/1, Tổng thống Mỹ Donald Trump cho biết ông sẽ gặp Chủ tịch Trung Quốc.\n",
                      "2026-12-07");
    assert_int_equal(a->written_to.year, 0);
    bn_article_free(a);
    a = saved_extract(state,
                      "Tin\n\nNgoại trưởng Mỹ Marco Rubio ngày 30/1 đã điện đàm với người đồng cấp Ấn Độ.\n"
                      "Hai bên tiếp tục áp dụng thỏa thuận này đến hết ngày 31/12/2030.\n",
                      "2025-06-01");
    assert_string_equal(TX(a->timexes[0].value), "2025-01-30");
    assert_string_equal(TX(a->written_from), "2025-01-21");
    bn_article_free(a);
    /* with no office named, a start after the saving leaves no window:
     * the file's day is a fact, "hồi tháng 12/2025" a reading */
    a = saved_extract(state, "Tin\n\nHồi tháng 12/2025, hai bên đã ký thỏa thuận hợp tác.\n", "2025-06-01");
    assert_int_equal(a->written_from.year, 0);
    assert_int_equal(a->written_to.year, 0);
    assert_int_equal(a->written_since.year, 0);
    bn_article_free(a);
    a = saved_extract(state, "Tin\n\nHồi tháng 12/2025, hai bên đã ký thỏa thuận hợp tác.\n", NULL);
    assert_string_equal(TX(a->written_from), "2025-12-01");
    bn_article_free(a);
    /* a file's time from before the web (a zip's 1980) is made up: the
     * article's own start stands */
    a = saved_extract(state, "Tin\n\nHai bên tiếp tục áp dụng thỏa thuận này đến hết ngày 31/12/2030.\n", "1980-01-01");
    assert_string_equal(TX(a->written_from), "2029-12-31");
    bn_article_free(a);
}

/* An era of the knowledge base (42-eras.json) bounds the writing too:
 * "32 nước thành viên NATO" from Sweden's accession (2024-03-07) with
 * Jens Stoltenberg in office (to 2024-10-01) leaves 2024 alone.  Two
 * clues that disagree (30 members, 2020-2023, and Mark Rutte, from
 * 2024-10-01) leave the year open rather than pick one. */
static void era_dates_the_article(void **state)
{
    bn_article *a = one_timex(state,
                              "Tin\n\nNgày 10/7, Tổng thư ký NATO Jens Stoltenberg cho biết 32 nước thành viên NATO "
                              "đã đồng ý.\n",
                              NULL);
    assert_string_equal(TX(a->timexes[0].value), "2024-07-10");
    assert_int_equal(a->timexes[0].year_source, BN_YEAR_INFERRED);
    bn_article_free(a);
    a = one_timex(state,
                  "Tin\n\nNgày 10/7, Tổng thư ký NATO Mark Rutte cho biết 30 nước thành viên NATO đã đồng ý.\n",
                  NULL);
    assert_string_equal(TX(a->timexes[0].value), "XXXX-07-10");
    assert_int_equal(a->timexes[0].year_source, BN_YEAR_UNKNOWN);
    bn_article_free(a);
    /* a coming "năm 2019" disagrees with the knowledge base's window
     * (Stoltenberg and 32 members: 2024): the window, a fact, stands */
    a = test_extract(*state,
                     "Tin\n\nNgày 10/7, Tổng thư ký NATO Jens Stoltenberg cho biết 32 nước thành viên NATO đã "
                     "đồng ý.\nNăm 2019, liên minh sẽ mở rộng.\n",
                     NULL);
    assert_string_equal(TX(a->timexes[0].value), "2024-07-10");
    bn_article_free(a);
    /* the era's first day, named with it, is that day */
    a = one_timex(state, "Tin\n\nNgày 24/2, Nga tuyên bố mở chiến dịch quân sự đặc biệt ở Ukraine.\n", NULL);
    assert_string_equal(TX(a->timexes[0].value), "2022-02-24");
    bn_article_free(a);
    /* not an era whose first day is no act the press dates (COVID-19's
     * 2019-12-31: case counts every year end) */
    a = one_timex(state, "Tin\n\nNgày 31/12, Bộ Y tế cho biết đã ghi nhận thêm 20 ca Covid-19.\n", NULL);
    assert_string_equal(TX(a->timexes[0].value), "XXXX-12-31");
    bn_article_free(a);
    /* an era without an end bounds from below alone */
    a = one_timex(state,
                  "Tin\n\nNgày 3/4, Ngoại trưởng Nga Sergei Lavrov nói về chiến dịch quân sự đặc biệt.\n", NULL);
    assert_string_equal(TX(a->timexes[0].value), "XXXX-04-03");
    assert_int_equal(a->timexes[0].year_lo, 2022); /* 2021-04-03 is over half a year before 2022-02-24 */
    bn_article_free(a);
    /* a lunar year's Tết or spring ("Xuân Đinh Dậu", Tết on 2017-01-28):
     * from four months before it to two months after the next Tết
     * (2018-02-16), for the pages that compare with last year's; not
     * "Tết Mậu Thân", a name of 1968 as well (the list ends in 2027) */
    a = one_timex(state, "Tin\n\nSáng 6/2, lãnh đạo tỉnh đã gặp mặt các doanh nghiệp nhân dịp Xuân Đinh Dậu.\n",
                  NULL);
    assert_string_equal(TX(a->written_from), "2016-09-30");
    assert_string_equal(TX(a->written_to), "2018-04-17");
    bn_article_free(a);
    a = one_timex(state, "Tin\n\nNgày 31/1, nhiều cựu chiến binh đã kể lại ký ức về Tết Mậu Thân.\n", NULL);
    assert_int_equal(a->written_from.year, 0);
    bn_article_free(a);
}

/* A numbered sitting of a series (44-sessions.json) is a clue like an
 * address: "Hội nghị COP26" puts "Ngày 2/11" in 2021, the conference of
 * 31 October - 13 November 2021.  Named by its number, an ASEAN summit
 * is that one, not any summit of ASEAN's ("Hội nghị Cấp cao ASEAN" alone
 * is within a week of a 26 June in 2019 and 2020); a day far from the
 * sitting takes no year from it, and neither does a session of the
 * National Assembly written with a comma before its term, nor a Party
 * congress. */
static void numbered_sitting_dates_the_article(void **state)
{
    bn_article *a = one_timex(state, "Tin\n\nNgày 2/11, Thủ tướng phát biểu tại Hội nghị COP26.\n", NULL);
    assert_string_equal(TX(a->timexes[0].value), "2021-11-02");
    assert_int_equal(a->timexes[0].year_source, BN_YEAR_INFERRED);
    bn_article_free(a);
    a = one_timex(state, "Tin\n\nNgày 26/6, các nhà lãnh đạo dự Hội nghị Cấp cao ASEAN lần thứ 36 trực tuyến.\n", NULL);
    assert_string_equal(TX(a->timexes[0].value), "2020-06-26");
    bn_article_free(a);
    a = one_timex(state, "Tin\n\nNgày 26/6, các nhà lãnh đạo dự Hội nghị Cấp cao ASEAN trực tuyến.\n", NULL);
    assert_string_equal(TX(a->timexes[0].value), "XXXX-06-26");
    bn_article_free(a);
    a = one_timex(state, "Tin\n\nNgày 2/3, Thủ tướng nhắc lại cam kết tại Hội nghị COP26.\n", NULL);
    assert_string_equal(TX(a->timexes[0].value), "XXXX-03-02");
    bn_article_free(a);
    a = one_timex(state, "Tin\n\nSáng 25/10, đại biểu thảo luận tại Kỳ họp thứ 8 Quốc hội khóa XV.\n", NULL);
    assert_string_equal(TX(a->timexes[0].value), "2024-10-25");
    bn_article_free(a);
    a = one_timex(state, "Tin\n\nSáng 25/10, đại biểu thảo luận tại Kỳ họp thứ 8, Quốc hội khóa XV.\n", NULL);
    assert_string_equal(TX(a->timexes[0].value), "XXXX-10-25");
    bn_article_free(a);
    /* no Party congress: the Party's anniversary is within a week of the
     * XIII's end (1 February 2021), and its pages name the congress every
     * year */
    a = one_timex(state,
                  "Tin\n\nNgày 3/2, lãnh đạo tỉnh dâng hương kỷ niệm ngày thành lập Đảng, quyết tâm thực hiện "
                  "Nghị quyết Đại hội XIII của Đảng.\n",
                  NULL);
    assert_string_equal(TX(a->timexes[0].value), "XXXX-02-03");
    bn_article_free(a);
}

/* A leader's visit (45-visits.json) is a sitting of a series: a sentence
 * with a visit word, the visitor named and a place of the visit puts a day
 * and month of the article within a week of one visit, in one year alone,
 * in that year ("Putin ... thăm Triều Tiên": 18-19 June 2024, his one visit
 * there).  Not with the visitor unnamed, a day far from the visits, a poll
 * ("thăm dò") for a visit, a visit someone is invited to (in the clause of
 * the invitation: "Theo lời mời của ..., Putin thăm" is one made), a place
 * that is not where the visit goes, or a place after a location word with a gathering
 * word (a summit's cue, not a visit's); and Xi Jinping's visits
 * to Russia of 8-10 May 2015 and 7-10 May 2025 leave "ngày 9/5" no year,
 * as his to Vietnam of 5-6 November 2015 and 10-13 November 2017 leave
 * "ngày 5/11". */
static void visit_dates_the_article(void **state)
{
    static const struct {
        const char *text, *value;
    } cases[] = {
        {"Tin\n\nTổng thống Nga Vladimir Putin bắt đầu chuyến thăm cấp nhà nước tới Triều Tiên.\n\n"
         "Ngày 19/6, ông Putin đã hội đàm với nhà lãnh đạo Kim Jong-un.\n",
         "2024-06-19"},
        {"Tin\n\nNgày 12/12, Chủ tịch Trung Quốc Tập Cận Bình bắt đầu chuyến thăm cấp nhà nước tới Hà Nội.\n",
         "2023-12-12"},
        {"Tin\n\nPhái đoàn bắt đầu chuyến thăm Triều Tiên.\n\nNgày 19/6, ông Putin đã hội đàm với nhà lãnh đạo "
         "Kim Jong-un.\n",
         "XXXX-06-19"},
        {"Tin\n\nNgày 2/3, Tổng thống Nga Vladimir Putin thăm Triều Tiên.\n",
         "XXXX-03-02"},
        {"Tin\n\nNgày 19/6, cuộc thăm dò cho thấy ông Putin được ủng hộ ở Triều Tiên.\n",
         "XXXX-06-19"},
        {"Tin\n\nNgày 30/6, Tổng thống Hàn Quốc Moon Jae-in mời người đồng cấp Donald Trump tới thăm Hàn Quốc.\n",
         "XXXX-06-30"},
        {"Tin\n\nNgày 19/6, ông Putin bắt đầu chuyến thăm kéo dài ba ngày mà báo chí "
         "Triều Tiên ca ngợi.\n",
         "XXXX-06-19"},
        {"Tin\n\nNgày 30/6, ông Trump chấp nhận lời mời đến thăm Seoul.\n",
         "XXXX-06-30"},
        {"Tin\n\nTheo lời mời của Tổng Bí thư Nguyễn Phú Trọng, ngày 19/6, Tổng thống Nga Vladimir Putin "
         "thăm cấp nhà nước Việt Nam.\n",
         "2024-06-19"},
        {"Tin\n\nNgày 19/6, ông Putin phát biểu tại hội nghị ở Triều Tiên.\n",
         "XXXX-06-19"},
        {"Tin\n\nNgày 9/5, Chủ tịch Tập Cận Bình thăm Nga.\n",
         "XXXX-05-09"},
        {"Tin\n\nNgày 5/11, Chủ tịch Trung Quốc Tập Cận Bình bắt đầu chuyến thăm cấp nhà nước tới Hà Nội.\n",
         "XXXX-11-05"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bn_article *a = one_timex(state, cases[i].text, NULL);
        assert_string_equal(TX(a->timexes[0].value), cases[i].value);
        if (cases[i].value[0] != 'X') /* a year the visits give */
            assert_int_equal(a->timexes[0].year_source, BN_YEAR_INFERRED);
        bn_article_free(a);
    }
}

static int same_gap(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* The tagger's tree of the rules' items: every rule found by walking its
 * items from the root, by one edge an item, and listed once, at the node
 * its last item leads to, the lists in rule order; and the one table of
 * which of the four word sets a token may start: bit for bit the sets' own
 * first-word bits, folded to BN_DATE_STARTS. */
static void rules_tree(void **state)
{
    const bn_date_rules *R = ((test_env *)*state)->lang->dates;
    for (size_t i = 0; i < R->n; i++) {
        const bn_date_rule *r = &R->v[i];
        uint32_t node = r->items[0].slot == BN_DS_WORD
                            ? bn_date_rules_first_word(R, r->items[0].hash, r->items[0].word)
                            : R->root_slot[r->items[0].slot];
        assert_true(node > 0);
        for (size_t k = 1; k < r->nitems; k++) {
            const struct bn_date_node *nd = &R->nodes[node];
            size_t found = 0;
            for (uint32_t e = nd->edge; e < nd->edge + nd->nedges; e++) {
                const struct bn_date_edge *ed = &R->edges[e];
                if (ed->slot == r->items[k].slot && same_gap(ed->word, r->items[k].word) &&
                    same_gap(ed->gap, r->items[k].gap)) {
                    found++;
                    node = ed->node;
                }
            }
            assert_int_equal(found, 1);
        }
        const struct bn_date_node *nd = &R->nodes[node];
        size_t listed = 0;
        for (uint32_t e = nd->end; e < nd->end + nd->nends; e++) {
            listed += R->ends[e] == i;
            if (e > nd->end)
                assert_true(R->ends[e - 1] < R->ends[e]);
        }
        assert_int_equal(listed, 1);
        assert_true(R->starts[r->items[0].hash % BN_DATE_STARTS] & BN_DATE_STARTS_RULE ||
                    r->items[0].slot != BN_DS_WORD);
    }
    assert_int_equal(R->nends, R->n);
    for (size_t k = 0; k < R->nnodes; k++) {
        const struct bn_date_node *nd = &R->nodes[k];
        for (uint32_t e = nd->edge + 1; e < nd->edge + nd->nedges; e++)
            assert_true(R->edges[e - 1].slot <= R->edges[e].slot);
        /* the edges of words first, each with its bit in the node's mask */
        for (uint32_t e = nd->edge; e < nd->edge + nd->nedges; e++) {
            assert_int_equal(R->edges[e].slot == BN_DS_WORD, e < nd->edge + nd->nwords);
            if (R->edges[e].slot == BN_DS_WORD)
                assert_true(nd->words >> (R->edges[e].hash % 64) & 1);
        }
    }
    assert_true(R->nedges == R->nnodes - 1); /* each node but the root has one edge in */
    assert_true(R->nnodes < R->n * 2); /* rules share their openings: "{DW} {D}/{M}" ... */
    /* the one table of what a token may start: a bucket of a set's bit is
     * one of the set's own first-word bits (folded to BN_DATE_STARTS), and
     * the first words of the data have theirs */
    const bn_phrases *sets[4] = {R->day_words, R->weekdays, R->month_words, R->numbers};
    const unsigned bits[4] = {BN_DATE_STARTS_DW, BN_DATE_STARTS_WD, BN_DATE_STARTS_MW, BN_DATE_STARTS_N};
    size_t none = 0;
    for (int k = 0; k < 4; k++) {
        const bn_phrases_head *h = (const bn_phrases_head *)sets[k];
        assert_non_null(h->first);
        size_t nbits = (size_t)h->fmask + 1;
        for (size_t c = 0; c < BN_DATE_STARTS; c++) {
            int want = 0;
            for (size_t c2 = c; c2 < (nbits > BN_DATE_STARTS ? nbits : BN_DATE_STARTS); c2 += BN_DATE_STARTS)
                want |= (int)(h->first[(c2 & h->fmask) / 64] >> ((c2 & h->fmask) % 64) & 1);
            assert_true(!(R->starts[c] & bits[k]) || want);
        }
    }
    const struct {
        const char *word;
        unsigned bits;
    } starting[] = {
        {"ngày", BN_DATE_STARTS_DW | BN_DATE_STARTS_RULE}, {"thứ", BN_DATE_STARTS_WD},
        {"giêng", BN_DATE_STARTS_MW}, {"năm", BN_DATE_STARTS_N | BN_DATE_STARTS_RULE | BN_DATE_STARTS_MW},
        {"tháng", BN_DATE_STARTS_RULE}, {"những", BN_DATE_STARTS_RULE},
    };
    for (size_t k = 0; k < sizeof starting / sizeof starting[0]; k++) {
        char key[32];
        size_t n = bn_fold_word(starting[k].word, strlen(starting[k].word), BN_FOLD_TONE, key, sizeof key);
        assert_int_equal(R->starts[bn_hash(key, n) % BN_DATE_STARTS] & starting[k].bits, starting[k].bits);
    }
    for (uint32_t c = 0; c < BN_DATE_STARTS; c++)
        none += R->starts[c] == 0;
    const char *const romans[] = {"i", "ii", "iii", "iv"};
    for (int q = 0; q < 4; q++)
        assert_true(R->starts[bn_hash_str(romans[q]) % BN_DATE_STARTS] & BN_DATE_STARTS_Q);
    assert_true(none > BN_DATE_STARTS - 200); /* most words start none of them */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(day_month_dct_year),
        cmocka_unit_test(year_range_of_unknown_year),
        cmocka_unit_test(era_dates_the_article),
        cmocka_unit_test(numbered_sitting_dates_the_article),
        cmocka_unit_test(visit_dates_the_article),
        cmocka_unit_test(a_lead_day_near_the_offices),
        cmocka_unit_test(a_war_episode_dates_its_days),
        cmocka_unit_test(a_compared_year_bounds_nothing),
        cmocka_unit_test(no_writing_before_the_web),
        cmocka_unit_test(office_dates_the_article),
        cmocka_unit_test(hom_day_month),
        cmocka_unit_test(day_dash_month),
        cmocka_unit_test(day_month_year_in_text),
        cmocka_unit_test(bare_full_date),
        cmocka_unit_test(nearest_year),
        cmocka_unit_test(no_dct),
        cmocka_unit_test(saved_day_ends_the_writing),
        cmocka_unit_test(a_caption_dates_the_photo_before_the_page),
        cmocka_unit_test(the_day_a_page_says_it_was_written),
        cmocka_unit_test(counted_from_the_time_told_last),
        cmocka_unit_test(a_quotation_lends_no_tense),
        cmocka_unit_test(a_lead_past_a_quotation),
        cmocka_unit_test(a_later_lead_day_without_its_year),
        cmocka_unit_test(range_dct_year),
        cmocka_unit_test(range_text_year),
        cmocka_unit_test(several_in_order),
        cmocka_unit_test(a_former_officials_time_may_be_over),
        cmocka_unit_test(same_day_is_not_historys_day),
        cmocka_unit_test(a_former_holder_was_out_of_office),
        cmocka_unit_test(a_president_elect_dates_the_article),
        cmocka_unit_test(offices_narrow_by_their_terms),
        cmocka_unit_test(title_is_not_tagged),
        cmocka_unit_test(not_dates),
        cmocka_unit_test(leap_day),
        cmocka_unit_test(days_from_civil),
        cmocka_unit_test(rules_tree),
    };
    return cmocka_run_group_tests(tests, test_env_setup, test_env_teardown);
}
