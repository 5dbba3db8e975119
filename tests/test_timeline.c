/* The resolver: one event per real event across articles, nothing merged
 * across days or types; stable ids and order. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <igraph.h>

#include "support.h"
#include "bn_filter.h"
#include "bn_json.h"
#include "bn_network.h"
#include "bn_timeline.h"

/* dates[i] "" : no publication date */
static bn_timeline *timeline_dated(test_env *env, const char *const *texts, const char *const *names,
                                   const char *const *dates, size_t n)
{
    bn_timeline *tl = bn_timeline_new();
    for (size_t i = 0; i < n; i++) {
        bn_record rec = {.path = names[i], .id = names[i], .date = dates ? dates[i] : "2022-01-13", .text = texts[i],
                         .len = strlen(texts[i]), .line = 1};
        bn_article *a = NULL;
        bn_error err;
        bn_error_clear(&err);
        assert_int_equal(bn_extract(env->ex, &rec, &a, &err), BN_OK);
        bn_add_result res;
        assert_int_equal(bn_timeline_add(tl, a, &res), BN_OK);
        assert_int_equal(res, BN_ADDED);
        bn_article_free(a);
    }
    assert_int_equal(bn_timeline_resolve(tl), BN_OK);
    return tl;
}

static bn_timeline *timeline_of(test_env *env, const char *const *texts, const char *const *names, size_t n)
{
    return timeline_dated(env, texts, names, NULL, n);
}

static const bn_tl_event *event_from(const bn_timeline *tl, const char *article, bn_event_type type)
{
    for (size_t i = 0; i < tl->nevents; i++)
        for (size_t k = 0; k < tl->events[i].ev.nsources; k++)
            if (tl->events[i].ev.type == type && strcmp(tl->events[i].ev.sources[k].article, article) == 0)
                return &tl->events[i];
    return NULL;
}

/* A day without a year takes the year of the same day in another article
 * (same family of types, a shared actor); the article's days near it
 * follow; far days and unrelated events keep XXXX. */
static void year_from_another_article(void **state)
{
    const char *texts[] = {
        "Tin A\nNgày 12/1, NATO và Nga họp tại Brussels.\n",
        "Tin B\nNgày 12/1, NATO và Nga đã họp tại Brussels.\nHôm 7/1, NATO đã bác yêu cầu của Nga.\n"
        "Ngày 3/9, Nga đã tập trận gần biên giới.\n",
        "Tin C\nNgày 12/1, Mỹ đã trừng phạt Iran.\n",
    };
    const char *names[] = {"a.txt", "b.txt", "c.txt"};
    const char *dates[] = {"2022-01-13", "", ""};
    bn_timeline *tl = timeline_dated(*state, texts, names, dates, 3);
    const bn_tl_event *meeting = event_from(tl, "b.txt", BN_EV_MEETING);
    assert_non_null(meeting);
    assert_string_equal(TX(meeting->ev.date.value), "2022-01-12");
    assert_int_equal(meeting->articles, 2); /* and then one event with a.txt's */
    const bn_tl_event *rejection = event_from(tl, "b.txt", BN_EV_REJECTION);
    assert_non_null(rejection);
    assert_string_equal(TX(rejection->ev.date.value), "2022-01-07");
    assert_int_equal(rejection->ev.date.year_source, BN_YEAR_CROSS);
    const bn_tl_event *drill = event_from(tl, "b.txt", BN_EV_MILITARY);
    assert_non_null(drill);
    assert_string_equal(TX(drill->ev.date.value), "XXXX-09-03");
    const bn_tl_event *sanction = event_from(tl, "c.txt", BN_EV_SANCTION);
    assert_non_null(sanction);
    assert_string_equal(TX(sanction->ev.date.value), "XXXX-01-12");
    bn_timeline_free(tl);
}

static void same_event_in_two_articles_is_one(void **state)
{
    const char *texts[] = {
        "Tin A\nNgày 12/1, NATO và Nga họp tại Brussels.\n",
        "Tin B\nHội đồng NATO-Nga đã họp hôm 12/1/2022 tại Brussels với sự tham dự của Nga.\n",
    };
    const char *names[] = {"a.txt", "b.txt"};
    bn_timeline *tl = timeline_of(*state, texts, names, 2);
    assert_int_equal(tl->nevents, 1);
    const bn_tl_event *e = &tl->events[0];
    assert_int_equal(e->ev.type, BN_EV_MEETING);
    assert_string_equal(TX(e->ev.date.value), "2022-01-12");
    assert_int_equal(e->ev.nsources, 2);
    assert_int_equal(e->articles, 2);
    assert_string_equal(e->ev.sources[0].article, "a.txt");
    assert_string_equal(e->ev.sources[1].article, "b.txt");
    assert_int_equal(strncmp(e->id, "ev-", 3), 0);
    assert_int_equal(tl->narticles, 2);
    bn_timeline_free(tl);
}

static void different_days_or_types_stay_apart(void **state)
{
    const char *texts[] = {
        "Tin A\nNgày 12/1, NATO và Nga họp tại Brussels.\nNgày 13/1, NATO và Nga họp tại Vienna.\n",
        "Tin B\nNgày 12/1, NATO cảnh báo Nga.\nNgày 12/1, Mỹ và Ukraine họp tại Kiev.\n",
    };
    const char *names[] = {"a.txt", "b.txt"};
    bn_timeline *tl = timeline_of(*state, texts, names, 2);
    assert_int_equal(tl->nevents, 4);
    /* date order, then type order */
    assert_string_equal(TX(tl->events[0].ev.date.value), "2022-01-12");
    assert_string_equal(TX(tl->events[3].ev.date.value), "2022-01-13");
    for (size_t i = 0; i < tl->nevents; i++)
        assert_int_equal(tl->events[i].ev.nsources, 1);
    bn_timeline_free(tl);
}

static void network_relations(void **state)
{
    const char *texts[] = {
        "Tin A\nNgày 10/1, NATO cảnh báo Nga.\nNgày 11/1, NATO chỉ trích Nga.\n",
    };
    const char *names[] = {"a.txt"};
    bn_timeline *tl = timeline_of(*state, texts, names, 1);
    bn_network *net = NULL;
    bn_error err;
    bn_error_clear(&err);
    assert_int_equal(bn_network_build(tl, &net, &err), BN_OK);
    assert_int_equal(net->nrelations, 1);
    const bn_relation *r = &net->relations[0];
    assert_string_equal(tl->actors[r->source].id, "nato");
    assert_string_equal(tl->actors[r->target].id, "russia");
    assert_int_equal(r->count, 2);
    assert_true(r->goldstein < -6.0 && r->goldstein > -7.0); /* -4.4 + -2.0 */
    assert_int_equal(r->types[BN_EV_WARNING], 1);
    assert_int_equal(r->types[BN_EV_CRITICISM], 1);
    /* the target of both gets the higher PageRank */
    assert_true(net->metrics[r->target].pagerank > net->metrics[r->source].pagerank);
    assert_true(net->metrics[r->source].degree == 1.0);
    bn_network_free(net);
    bn_timeline_free(tl);
}

static void an_article_read_twice_is_kept_once(void **state)
{
    test_env *env = *state;
    const char *text = "Tin A\nNgày 12/1, NATO và Nga họp tại Brussels.\n";
    bn_timeline *tl = bn_timeline_new();
    /* first without a publication date, then as a record with one */
    const char *dates[] = {NULL, "2022-01-12", NULL};
    const bn_add_result expect[] = {BN_ADDED, BN_DUPLICATE_REPLACED, BN_DUPLICATE_SKIPPED};
    for (int i = 0; i < 3; i++) {
        bn_record rec = {.path = i == 1 ? "x.jsonl" : "a.txt", .id = "a.txt", .date = dates[i], .text = text,
                         .len = strlen(text), .line = 1};
        bn_article *a = NULL;
        bn_error err;
        bn_error_clear(&err);
        assert_int_equal(bn_extract(env->ex, &rec, &a, &err), BN_OK);
        bn_add_result res;
        assert_int_equal(bn_timeline_add(tl, a, &res), BN_OK);
        assert_int_equal(res, expect[i]);
        bn_article_free(a);
    }
    /* a different text under the same name is another article */
    const char *other = "Tin B\nNgày 13/1, NATO cảnh báo Nga.\n";
    bn_record rec = {.path = "b/a.txt", .id = "a.txt", .date = "2022-01-13", .text = other, .len = strlen(other),
                     .line = 1};
    bn_article *a = NULL;
    bn_error err;
    bn_error_clear(&err);
    assert_int_equal(bn_extract(env->ex, &rec, &a, &err), BN_OK);
    bn_add_result res;
    assert_int_equal(bn_timeline_add(tl, a, &res), BN_OK);
    assert_int_equal(res, BN_ADDED);
    bn_article_free(a);
    assert_int_equal(bn_timeline_resolve(tl), BN_OK);
    assert_int_equal(tl->narticles, 2);
    assert_int_equal(tl->nevents, 2);
    assert_string_equal(TX(tl->events[0].ev.date.value), "2022-01-12"); /* from the copy with the date */
    assert_string_equal(tl->articles[0].path, "x.jsonl");
    long ru = bn_timeline_actor(tl, "russia");
    assert_true(ru >= 0);
    assert_int_equal(tl->actors[ru].articles, 2); /* counted once per article, not per copy */
    assert_int_equal(tl->actors[ru].mentions, 2);
    bn_timeline_free(tl);
}

/* Seven articles of our own: a meeting dated in full and a warning by a
 * state (a), the same meeting without a year and a rejection by a named
 * speaker (b, no publication date), the rejection again and an earlier
 * warning (c, no publication date), two gatherings of the same day and the
 * state's warning again (d), and one spokesman named in full (e), by the
 * surname (f) and misspelt (g). */
static const char *const set_texts[] = {
    "Tin A\nNgày 12/1/2022, Hội đồng NATO-Nga đã họp tại Brussels với sự tham gia của Mỹ.\n"
    "Cùng ngày, Nga cảnh báo NATO.\n",
    "Tin B\nNgày 12/1, NATO và Nga đã họp tại Brussels.\n"
    "Hôm 7/1, Tổng thư ký NATO Jens Stoltenberg đã bác bỏ yêu cầu của Nga.\n",
    "Tin C\nHôm 7/1, ông Stoltenberg bác bỏ yêu cầu của Nga về việc ngừng mở rộng.\n"
    "Ngày 3/1, Nga đã cảnh báo NATO.\n",
    "Tin D\nNgày 12/1/2022, các ngoại trưởng NATO và Liên minh châu Âu (EU) đã họp trực tuyến.\n"
    "Ngày 12/1/2022, NATO và Nga cũng họp tại Vienna.\nNgày 12/1/2022, Nga cảnh báo NATO.\n",
    "Tin E\nNgày 3/4, Phát ngôn viên Bộ Quốc phòng Lithuania Mindaugas Neimontas cho biết Vilnius sẽ mua thêm "
    "pháo.\n",
    "Tin F\nNgày 4/4, ông Neimontas cho biết Lithuania sẽ tăng quân ở biên giới.\n",
    "Tin G\nNgày 5/4, Phát ngôn viên Bộ Quốc phòng Lithuania Mindaugas Neimontes cho biết các cuộc tập trận sẽ "
    "kéo dài.\n",
};
static const char *const set_names[] = {"a", "b", "c", "d", "e", "f", "g"};
static const char *const set_dates[] = {"2022-01-13", "", "", "2022-01-13", "2023-04-05", "2023-04-06", "2023-04-07"};
enum { SET_N = 7 };

static bn_timeline *set_in_order(test_env *env, const int *order)
{
    const char *texts[SET_N], *names[SET_N], *dates[SET_N];
    for (int i = 0; i < SET_N; i++) {
        texts[i] = set_texts[order[i]];
        names[i] = set_names[order[i]];
        dates[i] = set_dates[order[i]];
    }
    return timeline_dated(env, texts, names, dates, SET_N);
}

static const int forward[SET_N] = {0, 1, 2, 3, 4, 5, 6};
static const int shuffled[SET_N] = {5, 2, 6, 0, 3, 1, 4};

/* A person's statement and that person's meeting on one day and month
 * are of one year, though of different types; a state alone on that day
 * does not pass its year on. */
static void year_from_one_person(void **state)
{
    const char *texts[] = {
        "Tin A\nNgày 12/4, Tổng thống Nga Vladimir Putin tuyên bố chiến dịch sẽ tiếp tục.\n",
        "Tin B\nNgày 12/4, Tổng thống Nga Vladimir Putin đã gặp Tổng thống Belarus Alexander Lukashenko.\n",
        "Tin C\nNgày 12/4, Nga đã tập trận gần biên giới.\n",
    };
    const char *names[] = {"a.txt", "b.txt", "c.txt"};
    const char *dates[] = {"2022-04-13", "", ""};
    bn_timeline *tl = timeline_dated(*state, texts, names, dates, 3);
    const bn_tl_event *meeting = event_from(tl, "b.txt", BN_EV_MEETING);
    assert_non_null(meeting);
    assert_string_equal(TX(meeting->ev.date.value), "2022-04-12");
    assert_int_equal(meeting->ev.date.year_source, BN_YEAR_CROSS);
    const bn_tl_event *drill = event_from(tl, "c.txt", BN_EV_MILITARY);
    assert_non_null(drill);
    assert_string_equal(TX(drill->ev.date.value), "XXXX-04-12");
    bn_timeline_free(tl);
}

/* With no DCT and no office to bound it, the latest past day an article
 * writes ("Hồi tháng 12/2025") is after what it says it was written: its
 * days take the one year within a year after it, but only when no other
 * article gives it a year: a history date ("hồi tháng 3/2014") is the
 * latest past day of b, and c dates b's sanction. */
static void year_since_a_past_day(void **state)
{
    const char *texts[] = {
        "Tin A\nHồi tháng 12/2025, Israel và Mỹ đã họp tại Washington.\nNgày 28/1, Iran đã cảnh báo Israel.\n",
        "Tin B\nSau khi Nga sáp nhập Crimea hồi tháng 3/2014, quan hệ xấu đi.\nNgày 15/4, Mỹ đã trừng phạt Nga.\n",
        "Tin C\nNgày 15/4, Mỹ đã trừng phạt Nga.\n",
    };
    const char *names[] = {"a.txt", "b.txt", "c.txt"};
    const char *dates[] = {"", "", "2021-04-16"};
    bn_timeline *tl = timeline_dated(*state, texts, names, dates, 3);
    assert_int_equal(tl->articles[0].written_since.year, 2025);
    const bn_tl_event *warning = event_from(tl, "a.txt", BN_EV_WARNING);
    assert_non_null(warning);
    assert_string_equal(TX(warning->ev.date.value), "2026-01-28");
    assert_int_equal(warning->ev.date.year_source, BN_YEAR_INFERRED);
    const bn_tl_event *sanction = event_from(tl, "b.txt", BN_EV_SANCTION);
    assert_non_null(sanction);
    assert_string_equal(TX(sanction->ev.date.value), "2021-04-15");
    bn_timeline_free(tl);
}

/* A day written without a year is within half a year of the writing:
 * with Marco Rubio as Secretary of State (from 2025-01-21), b's "ngày
 * 28/1" is of 2025 at the earliest (28/1/2024 is a year before), so a's Trump statement of 28/1/2017 does not
 * give it its year, though it names the same person. */
static void year_within_a_year_of_the_offices(void **state)
{
    const char *texts[] = {
        "Tin A\nNgày 28/1/2017, Tổng thống Mỹ Donald Trump tuyên bố sẽ xây bức tường ở biên giới.\n",
        "Tin B\nNgày 28/1, Ngoại trưởng Mỹ Marco Rubio và Tổng thống Mỹ Donald Trump tuyên bố sẽ gây sức ép với "
        "Iran.\n",
    };
    const char *names[] = {"a.txt", "b.txt"};
    const char *dates[] = {"", ""};
    bn_timeline *tl = timeline_dated(*state, texts, names, dates, 2);
    const bn_tl_event *b = event_from(tl, "b.txt", BN_EV_STATEMENT);
    assert_non_null(b);
    assert_string_equal(TX(b->ev.date.value), "XXXX-01-28");
    assert_int_equal(b->ev.date.year_lo, 2025);
    bn_timeline_free(tl);
}

/* A day or month the article names with its year and no tense ("trong
 * tháng 12/2025") means it was written at most a year before: Trump's
 * 27/1 of that article is not the 27/1/2017 of another (both terms
 * leave 2017 open), and its year stays unknown from 2025 on (written
 * from December 2024: 27/1/2024 is over half a year before). */
static void year_not_before_a_named_month(void **state)
{
    const char *texts[] = {
        "Tin A\nNgày 27/1/2017, Tổng thống Mỹ Donald Trump tuyên bố cấm công dân 7 nước nhập cảnh.\n",
        "Tin B\nKế hoạch rút quân được công bố trong tháng 12/2025.\nNgày 27/1, Tổng thống Mỹ Donald Trump tuyên "
        "bố Iran sắp hết thời gian đàm phán.\n",
    };
    const char *names[] = {"a.txt", "b.txt"};
    const char *dates[] = {"", ""};
    bn_timeline *tl = timeline_dated(*state, texts, names, dates, 2);
    const bn_tl_event *b = event_from(tl, "b.txt", BN_EV_STATEMENT);
    assert_non_null(b);
    assert_string_equal(TX(b->ev.date.value), "XXXX-01-27");
    assert_int_equal(b->ev.date.year_lo, 2025);
    bn_timeline_free(tl);
}

/* A day far from its own article's writing is history: "ngày 5/9/1962"
 * in a page of 2017 gives no other page's "ngày 5/9" the year 1962. */
static void history_lends_no_year(void **state)
{
    const char *texts[] = {
        "Tin A\nNgày 5/9/1962, Việt Nam và Lào ký kết thỏa thuận thiết lập quan hệ ngoại giao.\n",
        "Tin B\nNgày 5/9, Việt Nam và Lào ký kết thỏa thuận hợp tác về giáo dục.\n",
    };
    const char *names[] = {"a.txt", "b.txt"};
    const char *dates[] = {"2017-09-06", ""};
    bn_timeline *tl = timeline_dated(*state, texts, names, dates, 2);
    const bn_tl_event *a = event_from(tl, "a.txt", BN_EV_AGREEMENT), *b = event_from(tl, "b.txt", BN_EV_AGREEMENT);
    assert_non_null(a);
    assert_non_null(b);
    assert_string_equal(TX(a->ev.date.value), "1962-09-05");
    assert_string_equal(TX(b->ev.date.value), "XXXX-09-05");
    bn_timeline_free(tl);
}

/* A month without a year takes the year that puts it near the day
 * another article dates: "cuối tháng 3" beside "hôm 19/4" (of 2021,
 * from a) is March 2021. */
static void a_month_near_a_day_dated_elsewhere(void **state)
{
    const char *texts[] = {
        "Tin A\nNgày 19/4/2021, Ngoại trưởng Nga Sergei Lavrov tuyên bố Nga sẽ đáp trả các lệnh trừng phạt.\n",
        "Tin B\nNgoại trưởng Nga Sergei Lavrov hôm 19/4 tuyên bố Nga sẽ đáp trả.\nCuối tháng 3, Ngoại trưởng Sergei "
        "Lavrov đã hội đàm với Ngoại trưởng Trung Quốc Vương Nghị tại Quế Lâm.\n",
    };
    const char *names[] = {"a.txt", "b.txt"};
    const char *dates[] = {"", ""};
    bn_timeline *tl = timeline_dated(*state, texts, names, dates, 2);
    const bn_tl_event *m = event_from(tl, "b.txt", BN_EV_MEETING);
    assert_non_null(m);
    assert_string_equal(TX(m->ev.date.value), "2021-03");
    assert_int_equal(m->ev.date.year_source, BN_YEAR_CROSS);
    bn_timeline_free(tl);
}

/* "Tuần trước" in a page without a publication date whose lead day (20/4)
 * has no year of its own: once another article gives that day its year,
 * the week is counted from it (20/4/2021 a Tuesday, the writing up to two
 * days later: week 15).  From a Sunday lead day (18/4) the writing may be
 * in the next week, so "tuần trước" is no date; and a page whose days
 * never get a year keeps no date for it either. */
static void last_week_counted_once_the_lead_day_has_a_year(void **state)
{
    const char *texts[] = {
        "Tin A\nNgày 20/4/2021, Ngoại trưởng Nga Sergei Lavrov tuyên bố Nga sẽ đáp trả các lệnh trừng phạt.\n"
        "Ngày 18/4/2021, Tổng thống Ukraine Volodymyr Zelensky tuyên bố Ukraine sẵn sàng đàm phán.\n",
        "Tin B\nNgoại trưởng Nga Sergei Lavrov hôm 20/4 tuyên bố Nga sẽ đáp trả.\nTuần trước, Mỹ đã trừng phạt Nga.\n",
        "Tin C\nTổng thống Ukraine Volodymyr Zelensky hôm 18/4 tuyên bố Ukraine sẵn sàng đàm phán.\n"
        "Tuần trước, Mỹ đã trừng phạt Nga.\n",
        "Tin D\nTổng thống Brazil hôm 20/4 đã phát biểu tại hội nghị.\nTuần trước, Anh đã trừng phạt Iran.\n",
    };
    const char *names[] = {"a.txt", "b.txt", "c.txt", "d.txt"};
    const char *dates[] = {"", "", "", ""};
    bn_timeline *tl = timeline_dated(*state, texts, names, dates, 4);
    const bn_tl_event *s = event_from(tl, "b.txt", BN_EV_SANCTION);
    assert_non_null(s);
    assert_string_equal(TX(s->ev.date.value), "2021-W15");
    assert_int_equal(s->ev.date.year_source, BN_YEAR_INFERRED);
    const bn_tl_event *said = event_from(tl, "c.txt", BN_EV_STATEMENT);
    assert_non_null(said);
    assert_string_equal(TX(said->ev.date.value), "2021-04-18"); /* c's day has its year ... */
    assert_null(event_from(tl, "c.txt", BN_EV_SANCTION));       /* ... but its week is open */
    assert_null(event_from(tl, "d.txt", BN_EV_SANCTION));
    for (size_t i = 0; i < tl->nevents; i++)
        assert_int_not_equal(tl->events[i].ev.date.year_source, BN_YEAR_DEFERRED);
    bn_timeline_free(tl);
}

/* A link of one actor in common ("Nga") is a coin toss when the corpus
 * knows the day in two years: c's 19/4 takes no year from a's alone;
 * when a second article (d) says 2021 too, it takes 2021. */
static void a_weak_link_in_a_corpus_of_two_periods(void **state)
{
    const char *texts[] = {
        "Tin A\nNgày 19/4/2021, Nga tuyên bố nước này không đe dọa ai.\n",
        "Tin B\nNgày 19/4/2022, Ukraine tuyên bố mở hành lang nhân đạo.\n",
        "Tin C\nNgày 19/4, Nga tuyên bố đóng cửa không phận.\n",
        "Tin D\nNgày 19/4/2021, Nga cho biết đã điều thêm tàu chiến.\n",
    };
    const char *names[] = {"a.txt", "b.txt", "c.txt", "d.txt"};
    const char *dates[] = {"", "", "", ""};
    bn_timeline *tl = timeline_dated(*state, texts, names, dates, 3);
    const bn_tl_event *c = event_from(tl, "c.txt", BN_EV_STATEMENT);
    assert_non_null(c);
    assert_string_equal(TX(c->ev.date.value), "XXXX-04-19");
    bn_timeline_free(tl);

    tl = timeline_dated(*state, texts, names, dates, 4);
    c = event_from(tl, "c.txt", BN_EV_STATEMENT);
    assert_non_null(c);
    assert_string_equal(TX(c->ev.date.value), "2021-04-19");
    assert_int_equal(c->ev.date.year_source, BN_YEAR_CROSS);
    bn_timeline_free(tl);
}

/* A weak link is sure when the corpus knows the day in one year of
 * those the article's own bounds admit: b's 19/4/2015 is no year for c,
 * with Antony Blinken as Secretary of State (2021-2025), so a's 2021 is
 * the only one. */
static void a_weak_link_within_the_article_bounds(void **state)
{
    const char *texts[] = {
        "Tin A\nNgày 19/4/2021, Nga tuyên bố nước này không đe dọa ai.\n",
        "Tin B\nNgày 19/4/2015, Nga tuyên bố đóng cửa không phận.\n",
        "Tin C\nNgày 19/4, Ngoại trưởng Mỹ Antony Blinken cho biết Nga tuyên bố rút quân.\n",
    };
    const char *names[] = {"a.txt", "b.txt", "c.txt"};
    const char *dates[] = {"", "", ""};
    bn_timeline *tl = timeline_dated(*state, texts, names, dates, 3);
    const bn_tl_event *c = event_from(tl, "c.txt", BN_EV_STATEMENT);
    assert_non_null(c);
    assert_string_equal(TX(c->ev.date.value), "2021-04-19");
    assert_int_equal(c->ev.date.year_source, BN_YEAR_CROSS);
    bn_timeline_free(tl);
}

/* No link at all (another family, no actor in common), but two other
 * articles know 16/4 in 2021 alone, and c's own bounds (Heiko Maas as
 * German foreign minister, 2018-2021) admit it: c takes 2021.  One
 * other article is not enough, nor an article its own clues leave
 * unbounded (a page of any year may name a 16 April). */
static void a_day_two_articles_know_in_one_year(void **state)
{
    const char *texts[] = {
        "Tin A\nNgày 16/4/2021, Mỹ đã trừng phạt 32 thực thể của Nga.\n",
        "Tin B\nNgày 16/4/2021, Nga đã trục xuất 10 nhà ngoại giao Mỹ.\n",
        "Tin C\nNgày 16/4, Ngoại trưởng Đức Heiko Maas cho biết Berlin muốn đối thoại.\n",
        "Tin D\nNgày 16/4, Thủ tướng Ấn Độ cho biết New Delhi muốn đối thoại.\n",
    };
    const char *names[] = {"a.txt", "b.txt", "c.txt", "d.txt"};
    const char *dates[] = {"", "", "", ""};
    const char *const two[] = {texts[0], texts[2]};
    const char *const two_names[] = {"a.txt", "c.txt"};
    bn_timeline *tl = timeline_dated(*state, two, two_names, dates, 2);
    const bn_tl_event *c = event_from(tl, "c.txt", BN_EV_STATEMENT);
    assert_non_null(c);
    assert_string_equal(TX(c->ev.date.value), "XXXX-04-16");
    bn_timeline_free(tl);

    tl = timeline_dated(*state, texts, names, dates, 4);
    c = event_from(tl, "c.txt", BN_EV_STATEMENT);
    assert_non_null(c);
    assert_string_equal(TX(c->ev.date.value), "2021-04-16");
    assert_int_equal(c->ev.date.year_source, BN_YEAR_CROSS);
    const bn_tl_event *d = event_from(tl, "d.txt", BN_EV_STATEMENT);
    assert_non_null(d);
    assert_string_equal(TX(d->ev.date.value), "XXXX-04-16");
    bn_timeline_free(tl);
}

/* An article is of one period: c's days are offered 2021 by a (22/4)
 * and 2022 by b (19/4), Sergei Shoigu speaking in both: it takes
 * neither. */
static void no_year_when_an_article_is_offered_two(void **state)
{
    const char *texts[] = {
        "Tin A\nNgày 22/4/2021, Bộ trưởng Quốc phòng Nga Sergei Shoigu tuyên bố rút quân khỏi biên giới.\n",
        "Tin B\nNgày 19/4/2022, Bộ trưởng Quốc phòng Nga Sergei Shoigu tuyên bố chiến dịch sẽ tiếp tục.\n",
        "Tin C\nNgày 22/4, Bộ trưởng Quốc phòng Nga Sergei Shoigu tuyên bố rút quân.\n"
        "Ngày 19/4, ông Shoigu tuyên bố chiến dịch sẽ tiếp tục.\n",
    };
    const char *names[] = {"a.txt", "b.txt", "c.txt"};
    const char *dates[] = {"", "", ""};
    bn_timeline *tl = timeline_dated(*state, texts, names, dates, 3);
    size_t undated = 0;
    for (size_t i = 0; i < tl->nevents; i++)
        if (strcmp(tl->articles[tl->events[i].origin].id, "c.txt") == 0 && tl->events[i].articles == 1) {
            assert_int_equal(tl->events[i].ev.date.value.year, 0);
            undated++;
        }
    assert_int_equal(undated, 2);
    bn_timeline_free(tl);
}

/* Years spread in rounds: c takes 2021 from a's 22/4 in the first, its
 * 19/4 with it; b's 19/4 gets 2022 only in the second, through e.  Once
 * every year is given, c's days are offered two years: c gets none,
 * whichever came first. */
static void year_taken_by_order_is_undone(void **state)
{
    const char *texts[] = {
        "Tin A\nNgày 22/4/2021, Bộ trưởng Quốc phòng Nga Sergei Shoigu tuyên bố rút quân khỏi biên giới.\n",
        "Tin B\nNgày 20/4, Bộ trưởng Quốc phòng Nga Sergei Shoigu tuyên bố Nga sẽ tấn công Mariupol.\n"
        "Ngày 19/4, ông Shoigu tuyên bố chiến dịch sẽ tiếp tục.\n",
        "Tin C\nNgày 22/4, Bộ trưởng Quốc phòng Nga Sergei Shoigu tuyên bố rút quân.\n"
        "Ngày 19/4, ông Shoigu tuyên bố chiến dịch sẽ tiếp tục.\n",
        "Tin E\nNgày 20/4/2022, Bộ trưởng Quốc phòng Nga Sergei Shoigu tuyên bố Nga sẽ tấn công Mariupol.\n",
    };
    const char *names[] = {"a.txt", "b.txt", "c.txt", "e.txt"};
    const char *dates[] = {"", "", "", ""};
    bn_timeline *tl = timeline_dated(*state, texts, names, dates, 4);
    size_t c_days = 0;
    for (size_t i = 0; i < tl->nevents; i++) {
        const bn_tl_event *e = &tl->events[i];
        if (strcmp(tl->articles[e->origin].id, "c.txt") == 0 && e->articles == 1) {
            assert_int_equal(e->ev.date.value.year, 0);
            c_days++;
        }
    }
    assert_true(c_days >= 1);
    bn_timeline_free(tl);
}

/* A photo caption's date ("hồi tháng 2/2012 (Ảnh: Reuters)") dates the
 * photo, not the writing: no dct.since from it (a body crawled as one
 * line, the caption inside it). */
static void caption_date_bounds_no_writing(void **state)
{
    const char *texts[] = {
        "Tin A\nNgày 22/4, Hải quân Indonesia đã tuyên bố mất liên lạc với một tàu ngầm trong cuộc diễn tập. "
        "Thủy thủ đoàn con tàu tại Đông Java hồi tháng 2/2012 (Ảnh: Reuters) Con tàu được đóng tại Đức.\n",
        "Tin B\nNgày 22/4, Hải quân Indonesia đã tuyên bố mất liên lạc với một tàu ngầm.\n"
        "Hồi tháng 2/2012, con tàu đã được nâng cấp.\n",
    };
    const char *names[] = {"a.txt", "b.txt"};
    const char *dates[] = {"", ""};
    bn_timeline *tl = timeline_dated(*state, texts, names, dates, 2);
    assert_int_equal(tl->articles[0].written_since.year, 0);
    assert_int_equal(tl->articles[1].written_since.year, 2012); /* not a caption: the body says it */
    bn_timeline_free(tl);
}

/* c's rejection has no year; b's gets one from a's meeting (the same
 * day, 90 days around it); c's then gets it from b's: a chain of two. */
static void years_pass_along_a_chain(void **state)
{
    bn_timeline *tl = set_in_order(*state, forward);
    const bn_tl_event *rej = event_from(tl, "c", BN_EV_REJECTION);
    assert_non_null(rej);
    assert_string_equal(TX(rej->ev.date.value), "2022-01-07");
    assert_int_equal(rej->ev.date.year_source, BN_YEAR_CROSS);
    assert_int_equal(rej->articles, 2); /* one event with b's */
    assert_ptr_equal(rej, event_from(tl, "b", BN_EV_REJECTION));
    const bn_tl_event *warn = event_from(tl, "c", BN_EV_WARNING);
    assert_non_null(warn);
    assert_string_equal(TX(warn->ev.date.value), "2022-01-03"); /* c's other day follows */
    bn_timeline_free(tl);
}

static int names(const bn_event *e, const char *id)
{
    for (size_t i = 0; i < e->nactors; i++)
        if (strcmp(e->actors[i].id, id) == 0)
            return 1;
    return 0;
}

/* The NATO-Russia meeting of a and b is one; d's NATO-EU meeting of the
 * same day is another, and d's NATO-Russia meeting in Vienna a third. */
static void gatherings_of_one_day_stay_apart(void **state)
{
    bn_timeline *tl = set_in_order(*state, forward);
    size_t meetings = 0;
    for (size_t i = 0; i < tl->nevents; i++) {
        const bn_event *e = &tl->events[i].ev;
        if (e->type != BN_EV_MEETING)
            continue;
        meetings++;
        assert_string_equal(TX(e->date.value), "2022-01-12");
        if (names(e, "european-union")) {
            assert_false(names(e, "russia"));
            assert_int_equal(tl->events[i].articles, 1);
        } else if (e->location && strcmp(e->location, "Vienna") == 0) {
            assert_int_equal(tl->events[i].articles, 1);
            assert_string_equal(e->sources[0].article, "d");
        } else {
            assert_int_equal(tl->events[i].articles, 2);
            assert_string_equal(e->sources[0].article, "a");
            assert_string_equal(e->sources[1].article, "b");
        }
    }
    assert_int_equal(meetings, 3);
    bn_timeline_free(tl);
}

/* "Nga cảnh báo NATO" in a and in d, the same day: a state says many
 * things a day, so without a named speaker the two stay two. */
static void speech_without_a_speaker_stays_apart(void **state)
{
    bn_timeline *tl = set_in_order(*state, forward);
    size_t warnings = 0;
    for (size_t i = 0; i < tl->nevents; i++) {
        const bn_tl_event *e = &tl->events[i];
        if (e->ev.type != BN_EV_WARNING || strcmp(TX(e->ev.date.value), "2022-01-12") != 0)
            continue;
        warnings++;
        assert_int_equal(e->articles, 1);
    }
    assert_int_equal(warnings, 2);
    bn_timeline_free(tl);
}

/* The date source `k` of e carries, as TIMEX3 text ("" when none). */
static const char *source_date(const bn_tl_event *e, const char *article, char buf[BN_TIMEX_MAX])
{
    for (size_t k = 0; k < e->ev.nsources; k++)
        if (strcmp(e->ev.sources[k].article, article) == 0)
            return e->ev.sources[k].date ? bn_date_format(&e->ev.sources[k].date->value, buf) : "";
    return NULL;
}

/* A day and "đầu tháng này", and a person and the state it acts for
 * ("ông Biden ký" and "Washington trừng phạt ... tuần trước"): one
 * sanction when they share a count ("32 cá nhân", "32 thực thể"); it
 * takes the day, and each source says the date its article gives. */
static void a_day_and_its_month_or_week_with_a_count(void **state)
{
    const char *texts[] = {
        "Tin A\nNgày 15/4, Tổng thống Mỹ Joe Biden ký sắc lệnh trừng phạt 32 cá nhân Nga.\n",
        "Tin B\nĐầu tháng này, Mỹ đã áp lệnh trừng phạt 32 thực thể Nga.\n",
        "Tin C\nTuần trước, Washington trừng phạt 32 thực thể Nga.\n",
    };
    const char *names[] = {"a", "b", "c"};
    const char *dates[] = {"2021-04-16", "2021-04-25", "2021-04-21"};
    bn_timeline *tl = timeline_dated(*state, texts, names, dates, 3);
    assert_int_equal(tl->nevents, 1);
    const bn_tl_event *e = &tl->events[0];
    assert_int_equal(e->ev.type, BN_EV_SANCTION);
    assert_int_equal(e->articles, 3);
    assert_string_equal(TX(e->ev.date.value), "2021-04-15"); /* a precise date never gives way */
    char buf[BN_TIMEX_MAX];
    assert_string_equal(source_date(e, "a", buf), "2021-04-15");
    assert_string_equal(source_date(e, "b", buf), "2021-04");
    assert_string_equal(source_date(e, "c", buf), "2021-W15");
    bn_timeline_free(tl);
}

/* A measure announced on one day and in force from a later one ("từ
 * ngày 24/4 đến ngày 31/10"), with a count in common: one event on the
 * day it was announced; the start stays on its source. */
static void an_announcement_and_its_start(void **state)
{
    const char *texts[] = {
        "Tin A\nNgày 15/4, Bộ Quốc phòng Nga cấm 12 tàu chiến nước ngoài đi qua eo biển Kerch.\n",
        "Tin B\nNga cấm 12 tàu chiến nước ngoài đi qua eo biển Kerch từ ngày 24/4 đến ngày 31/10.\n",
    };
    const char *names[] = {"a", "b"};
    const char *dates[] = {"2021-04-15", "2021-04-22"};
    bn_timeline *tl = timeline_dated(*state, texts, names, dates, 2);
    assert_int_equal(tl->nevents, 1);
    const bn_tl_event *e = &tl->events[0];
    assert_int_equal(e->articles, 2);
    assert_string_equal(TX(e->ev.date.value), "2021-04-15");
    assert_false(e->ev.date.has_end);
    char buf[BN_TIMEX_MAX];
    assert_string_equal(source_date(e, "b", buf), "2021-04-24");
    for (size_t k = 0; k < e->ev.nsources; k++)
        if (strcmp(e->ev.sources[k].article, "b") == 0)
            assert_string_equal(TX(e->ev.sources[k].date->end), "2021-10-31");
    bn_timeline_free(tl);
}

/* Five articles tell one address five ways (a warning, reading the
 * address, "hôm qua", a plain statement, an emphasis): one event, a
 * warning, with five articles and no source date (they agree). */
static void five_wordings_of_one_speech(void **state)
{
    const char *texts[] = {
        "Tin 1\nTrong Thông điệp Liên bang ngày 21/4, Tổng thống Vladimir Putin cảnh báo phương Tây không được "
        "vượt qua lằn ranh đỏ của Nga.\n",
        "Tin 2\nTổng thống Nga Vladimir Putin ngày 21/4 đã đọc Thông điệp Liên bang trước Quốc hội.\n",
        "Tin 3\nTổng thống Putin hôm qua cảnh báo Nga sẽ đáp trả mạnh mẽ bất cứ nước nào vượt qua lằn ranh đỏ.\n",
        "Tin 4\nNgày 21/4, Tổng thống Nga Vladimir Putin nói Nga muốn có quan hệ tốt với mọi quốc gia.\n",
        "Tin 5\nTổng thống Putin ngày 21/4 nhấn mạnh Moscow sẽ đáp trả nhanh chóng và cứng rắn.\n",
    };
    const char *names[] = {"p1", "p2", "p3", "p4", "p5"};
    const char *dates[] = {"2021-04-22", "2021-04-22", "2021-04-22", "2021-04-23", "2021-04-24"};
    bn_timeline *tl = timeline_dated(*state, texts, names, dates, 5);
    assert_int_equal(tl->nevents, 1);
    const bn_tl_event *e = &tl->events[0];
    assert_int_equal(e->ev.type, BN_EV_WARNING);
    assert_int_equal(e->articles, 5);
    assert_string_equal(TX(e->ev.date.value), "2021-04-21");
    for (size_t k = 0; k < e->ev.nsources; k++)
        assert_null(e->ev.sources[k].date);
    bn_timeline_free(tl);
}

/* The announcement and the start with no count in common: the words of
 * the measure ("cấm tàu quân sự nước ngoài", "Biển Đen") are the
 * evidence. */
static void an_announcement_and_its_start_in_words(void **state)
{
    const char *texts[] = {
        "Tin A\nNgày 15/4, Nga thông báo cấm tàu quân sự nước ngoài đi qua một số khu vực của Biển Đen.\n",
        "Tin B\nNga cấm tàu quân sự nước ngoài qua lại một số khu vực ở Biển Đen từ ngày 24/4 đến ngày 31/10.\n",
    };
    const char *names[] = {"a", "b"};
    const char *dates[] = {"2021-04-15", "2021-04-22"};
    bn_timeline *tl = timeline_dated(*state, texts, names, dates, 2);
    assert_int_equal(tl->nevents, 1);
    assert_int_equal(tl->events[0].ev.type, BN_EV_SANCTION); /* the most specific type */
    assert_string_equal(TX(tl->events[0].ev.date.value), "2021-04-15");
    char buf[BN_TIMEX_MAX];
    assert_string_equal(source_date(&tl->events[0], "a", buf), "2021-04-15");
    assert_string_equal(source_date(&tl->events[0], "b", buf), "2021-04-24");
    bn_timeline_free(tl);
}

/* A statement and the sanction it announces, one day, one doer and the
 * same object ("eo biển Kerch trong 6 tháng"), are one sanction; a
 * statement of that day about something else stays apart. */
static void a_statement_and_the_sanction_it_announces(void **state)
{
    const char *texts[] = {
        "Tin C\nNgày 15/5, Nga thông báo sẽ chặn eo biển Kerch trong 6 tháng.\n",
        "Tin D\nNgày 15/5, Nga cấm tàu nước ngoài qua eo biển Kerch trong 6 tháng.\n",
        "Tin E\nNgày 15/6, Nga thông báo tăng lương hưu cho người cao tuổi.\n",
        "Tin F\nNgày 15/6, Nga cấm tàu nước ngoài qua eo biển Kerch.\n",
    };
    const char *names[] = {"c", "d", "e", "f"};
    const char *dates[] = {"2021-05-16", "2021-05-16", "2021-06-16", "2021-06-16"};
    bn_timeline *tl = timeline_dated(*state, texts, names, dates, 4);
    assert_int_equal(tl->nevents, 3);
    const bn_tl_event *e = event_from(tl, "c", BN_EV_SANCTION);
    assert_non_null(e);
    assert_int_equal(e->articles, 2);
    assert_non_null(event_from(tl, "e", BN_EV_STATEMENT));
    e = event_from(tl, "f", BN_EV_SANCTION);
    assert_non_null(e);
    assert_int_equal(e->articles, 1);
    bn_timeline_free(tl);
}

/* One measure whose announcement two outlets date a day apart ("ngày
 * 8/3" and "ngày 9/3", both "thông báo"), told by a third with its start
 * ("từ ngày 20/3"): one sanction, each source keeping its own day.  The
 * same two announcements with no start to tie them stay two. */
static void announcements_a_day_apart_and_their_start(void **state)
{
    const char *texts[] = {
        "Tin A\nNgày 8/3, Thổ Nhĩ Kỳ thông báo đóng eo biển Bosphorus với tàu chiến nước ngoài trong 3 tháng.\n",
        "Tin B\nThổ Nhĩ Kỳ ngày 9/3 thông báo đóng eo biển Bosphorus với tàu chiến nước ngoài trong 3 tháng.\n",
        "Tin C\nThổ Nhĩ Kỳ cấm tàu chiến nước ngoài qua eo biển Bosphorus từ ngày 20/3 đến ngày 20/6.\n",
    };
    const char *names[] = {"a", "b", "c"};
    const char *dates[] = {"2023-03-08", "2023-03-10", "2023-03-15"};
    bn_timeline *tl = timeline_dated(*state, texts, names, dates, 3);
    assert_int_equal(tl->nevents, 1);
    const bn_tl_event *e = &tl->events[0];
    assert_int_equal(e->ev.type, BN_EV_SANCTION);
    assert_int_equal(e->articles, 3);
    char buf[BN_TIMEX_MAX];
    assert_string_equal(source_date(e, "a", buf), "2023-03-08");
    assert_string_equal(source_date(e, "b", buf), "2023-03-09");
    assert_string_equal(source_date(e, "c", buf), "2023-03-20");
    bn_timeline_free(tl);

    tl = timeline_dated(*state, texts, names, dates, 2);
    assert_int_equal(tl->nevents, 2);
    bn_timeline_free(tl);
}

/* A meeting told with one side could be any meeting of that side that
 * day: Trump's cabinet meeting does not join the US-Israel talks of the
 * same day, but a meeting of Trump's with no other side named joins the
 * one where he met Netanyahu (a person in common). */
static void a_meeting_told_with_one_side(void **state)
{
    const char *texts[] = {
        "Tin A\nNgày 30/1, Tổng thống Mỹ Donald Trump chủ trì cuộc họp nội các.\n",
        "Tin B\nNgày 30/1, Mỹ và Israel đã họp kín về chương trình hạt nhân của Iran.\n",
        "Tin C\nNgày 5/2, Tổng thống Mỹ Donald Trump hội đàm với Thủ tướng Israel Benjamin Netanyahu.\n",
        "Tin D\nNgày 5/2, Tổng thống Mỹ Donald Trump có cuộc hội đàm kéo dài hai giờ.\n",
    };
    const char *names[] = {"a", "b", "c", "d"};
    const char *dates[] = {"2026-01-31", "2026-01-31", "2026-02-06", "2026-02-06"};
    bn_timeline *tl = timeline_dated(*state, texts, names, dates, 4);
    const bn_tl_event *a = event_from(tl, "a", BN_EV_MEETING), *c = event_from(tl, "c", BN_EV_MEETING);
    assert_non_null(a);
    assert_non_null(c);
    assert_int_equal(a->articles, 1);
    assert_int_equal(c->articles, 2);
    bn_timeline_free(tl);
}

/* One speaker's words of one Monday told three ways: with the day, with
 * "đầu tuần này", and with no day (the publication day, two days later).
 * The week and the day are one (the same person about the same party
 * within the week); the undated report joins them by the count it shares
 * with the week ("100.000"): a day from the publication date may be a
 * few days older. */
static void a_day_its_week_and_an_undated_report(void **state)
{
    const char *texts[] = {
        "Tin A\nNgày 19/4, Cao ủy Josep Borrell cho biết Nga đã đưa 150.000 quân tới gần Ukraine.\n",
        "Tin B\nĐầu tuần này, ông Josep Borrell nói Nga đã đưa hơn 100.000 quân tới sát Ukraine.\n",
        "Tin C\nÔng Josep Borrell ước tính Nga có hơn 100.000 quân ở gần Ukraine.\n",
    };
    const char *names[] = {"a", "b", "c"};
    const char *dates[] = {"2021-04-20", "2021-04-22", "2021-04-21"};
    bn_timeline *tl = timeline_dated(*state, texts, names, dates, 3);
    assert_int_equal(tl->nevents, 1);
    assert_int_equal(tl->events[0].articles, 3);
    assert_string_equal(TX(tl->events[0].ev.date.value), "2021-04-19");
    char buf[BN_TIMEX_MAX];
    assert_string_equal(source_date(&tl->events[0], "b", buf), "2021-W16");
    assert_string_equal(source_date(&tl->events[0], "c", buf), "2021-04-21");
    bn_timeline_free(tl);
}

/* What must stay apart: the same acts of the same actors on consecutive
 * days, even with a count in common; a meeting planned for one day and
 * the one held on another; two sanctions packages of one month ("đầu
 * tháng này" joins the one whose count it gives, not the other), and a
 * month with nothing in common with either. */
static void near_events_that_stay_apart(void **state)
{
    const char *texts[] = {
        "Tin A\nNgày 12/4, Mỹ trừng phạt 10 công ty Nga.\n",
        "Tin B\nNgày 13/4, Mỹ trừng phạt 10 công ty Nga.\n",
        "Tin C\nNgoại trưởng Sergei Lavrov sẽ gặp Ngoại trưởng Vương Nghị vào ngày 10/6.\n",
        "Tin D\nNgày 12/6, Ngoại trưởng Sergei Lavrov và Ngoại trưởng Vương Nghị đã hội đàm tại Bắc Kinh.\n",
        "Tin E\nNgày 2/3, Mỹ trừng phạt 7 quan chức Nga.\n",
        "Tin F\nNgày 20/3, Mỹ trừng phạt 14 thực thể Nga.\n",
        "Tin G\nĐầu tháng này, Mỹ đã trừng phạt 7 quan chức Nga.\n",
        "Tin H\nTrong tháng này, Mỹ cũng trừng phạt Nga.\n",
    };
    const char *names[] = {"a", "b", "c", "d", "e", "f", "g", "h"};
    const char *dates[] = {"2021-04-13", "2021-04-14", "2021-06-05", "2021-06-13",
                           "2021-03-03", "2021-03-21", "2021-03-25", "2021-03-26"};
    bn_timeline *tl = timeline_dated(*state, texts, names, dates, 8);
    assert_int_equal(tl->nevents, 7);
    const char *alone[] = {"a", "b", "c", "d", "f", "h"};
    for (size_t i = 0; i < sizeof alone / sizeof *alone; i++) {
        const bn_tl_event *e = event_from(tl, alone[i], i == 2 || i == 3 ? BN_EV_MEETING : BN_EV_SANCTION);
        assert_non_null(e);
        assert_int_equal(e->articles, 1);
    }
    const bn_tl_event *e = event_from(tl, "g", BN_EV_SANCTION);
    assert_non_null(e);
    assert_int_equal(e->articles, 2);
    assert_non_null(source_date(e, "e", (char[BN_TIMEX_MAX]){0}));
    assert_string_equal(TX(e->ev.date.value), "2021-03-02");
    bn_timeline_free(tl);
}

/* "Neimontes" is a typo of "Neimontas"; "ông Neimontas" is the same man:
 * one actor, with every spelling as an alias. */
static void actors_merge_by_typo_and_surname(void **state)
{
    bn_timeline *tl = set_in_order(*state, forward);
    long p = bn_timeline_actor(tl, "mindaugas-neimontas");
    assert_true(p >= 0);
    assert_true(bn_timeline_actor(tl, "mindaugas-neimontes") < 0);
    assert_true(bn_timeline_actor(tl, "neimontas") < 0);
    const bn_tl_actor *a = &tl->actors[p];
    assert_int_equal(a->articles, 3);
    assert_int_equal(a->events, 3);
    int typo = 0, surname = 0;
    for (size_t i = 0; i < a->naliases; i++) {
        typo |= strcmp(a->aliases[i], "Mindaugas Neimontes") == 0;
        surname |= strcmp(a->aliases[i], "Neimontas") == 0;
    }
    assert_true(typo && surname);
    for (const char *const *art = (const char *const[]){"e", "f", "g", NULL}; *art; art++) {
        const bn_tl_event *e = event_from(tl, *art, BN_EV_STATEMENT);
        assert_non_null(e);
        assert_true(names(&e->ev, "mindaugas-neimontas"));
    }
    /* actors are ordered by id */
    for (size_t i = 1; i < tl->nactors; i++)
        assert_true(strcmp(tl->actors[i - 1].id, tl->actors[i].id) < 0);
    bn_timeline_free(tl);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    assert_non_null(s);
    assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
    s[n] = 0;
    fclose(f);
    return s;
}

static char *timeline_json_of(test_env *env, const int *order, const char *path)
{
    bn_timeline *tl = set_in_order(env, order);
    bn_network *net = NULL;
    bn_error err;
    bn_error_clear(&err);
    assert_int_equal(bn_network_build(tl, &net, &err), BN_OK);
    const char *paths[] = {path, NULL};
    bn_output_options opt = {0};
    bn_output_ctx ctx = {.tl = tl, .net = net, .opt = &opt, .paths = paths};
    assert_int_equal(bn_json_write_timeline(&ctx, &err), BN_OK);
    bn_network_free(net);
    bn_timeline_free(tl);
    char *s = slurp(path);
    remove(path);
    return s;
}

/* The same articles in another order give the same timeline.json, byte
 * for byte: actors, events, ids, relations, metrics. */
static void input_order_does_not_show(void **state)
{
    char *a = timeline_json_of(*state, forward, "test_timeline_order_a.json");
    char *b = timeline_json_of(*state, shuffled, "test_timeline_order_b.json");
    assert_string_equal(a, b);
    free(a);
    free(b);
}

/* graph.graphml read back by igraph: the same vertices, edges and
 * attributes. */
static void graphml_reads_back(void **state)
{
    bn_timeline *tl = set_in_order(*state, forward);
    bn_network *net = NULL;
    bn_error err;
    bn_error_clear(&err);
    assert_int_equal(bn_network_build(tl, &net, &err), BN_OK);
    assert_true(net->nrelations > 0);
    const char *path = "test_timeline_graph.graphml";
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    assert_int_equal(bn_network_write_graphml(net, f, path, &err), BN_OK);
    fclose(f);
    igraph_t g;
    f = fopen(path, "r");
    assert_non_null(f);
    assert_int_equal(igraph_read_graph_graphml(&g, f, 0), IGRAPH_SUCCESS);
    fclose(f);
    remove(path);
    assert_int_equal(igraph_vcount(&g), (igraph_integer_t)tl->nactors);
    assert_int_equal(igraph_ecount(&g), (igraph_integer_t)net->nrelations);
    assert_true(igraph_is_directed(&g));
    for (size_t i = 0; i < tl->nactors; i++) {
        assert_string_equal(VAS(&g, "id", (igraph_integer_t)i), tl->actors[i].id);
        assert_string_equal(VAS(&g, "kind", (igraph_integer_t)i), bn_kind_name(tl->actors[i].kind));
        /* igraph prints numbers with %g's six digits */
        assert_true(fabs(VAN(&g, "pagerank", (igraph_integer_t)i) - net->metrics[i].pagerank) <
                    1e-5 * net->metrics[i].pagerank + 1e-12);
        assert_true(VAN(&g, "community", (igraph_integer_t)i) == (double)net->metrics[i].community);
    }
    for (size_t i = 0; i < net->nrelations; i++) {
        igraph_integer_t from, to;
        assert_int_equal(igraph_edge(&g, (igraph_integer_t)i, &from, &to), IGRAPH_SUCCESS);
        assert_int_equal(from, (igraph_integer_t)net->relations[i].source);
        assert_int_equal(to, (igraph_integer_t)net->relations[i].target);
        assert_true(EAN(&g, "weight", (igraph_integer_t)i) == net->relations[i].count);
        assert_true(fabs(EAN(&g, "goldstein", (igraph_integer_t)i) - net->relations[i].goldstein) < 1e-4);
        assert_true(EAN(&g, "meeting", (igraph_integer_t)i) == net->relations[i].types[BN_EV_MEETING]);
        assert_string_equal(EAS(&g, "first", (igraph_integer_t)i),
                            net->relations[i].first ? TX(*net->relations[i].first) : "");
    }
    igraph_destroy(&g);
    bn_network_free(net);
    bn_timeline_free(tl);
}

/* ---- event ids ------------------------------------------------------ */

enum { NEAR_EVENTS = 48 };

/* Event k of an article of near-identical events: all meetings of one day
 * stated by one sentence (one type, date and first source, which alone
 * made the id before).  0-15 differ by their trigger's offset, 16-31 by
 * their place; 32-47 are equal in everything. */
static void near_event(bn_article *a, size_t k, bn_event *e)
{
    memset(e, 0, sizeof *e);
    e->type = BN_EV_MEETING;
    strcpy(e->cameo, "040");
    e->goldstein = 1.0;
    e->date.value = bn_date_day(2022, 1, 12);
    e->modality = BN_MOD_ASSERTED;
    e->confidence = 0.8;
    e->location = k >= 16 && k < 32 ? bn_arena_strdup(&a->arena, (char[]){'A', (char)('a' + k - 16), 0}) : NULL;
    e->nactors = 1;
    e->actors = bn_arena_calloc(&a->arena, 1, sizeof *e->actors);
    e->actors[0].id = "alpha";
    e->actors[0].role = BN_ROLE_SOURCE;
    e->nsources = 1;
    e->sources = bn_arena_calloc(&a->arena, 1, sizeof *e->sources);
    e->sources[0] = (bn_source){.article = "near", .sentence = "Alpha họp.", .offset = 10, .length = 40, .trigger = "họp",
                                .trigger_offset = k < 16 ? 12 + (uint32_t)k : 11, .trigger_length = 4};
}

/* The article "near" with the events of `which` (indexes into 0..47), in
 * that order. */
static bn_timeline *near_timeline(const size_t *which, size_t n)
{
    bn_article *a = bn_article_new();
    assert_non_null(a);
    a->id = a->path = "near";
    a->line = 1;
    a->dct = bn_date_day(2022, 1, 13);
    a->dct_source = BN_DCT_GIVEN;
    strcpy(a->text_hash, "0123456789abcdef");
    a->nsentences = 1;
    static const char *const aliases[] = {"Alpha"};
    bn_actor actor = {"alpha", "Alpha", "Alpha", BN_KIND_COUNTRY, (const char **)aliases, 1, 1, NULL, 0};
    a->actors = &actor;
    a->nactors = 1;
    a->events = bn_arena_calloc(&a->arena, n, sizeof *a->events);
    a->nevents = n;
    for (size_t i = 0; i < n; i++)
        near_event(a, which[i], &a->events[i]);
    bn_timeline *tl = bn_timeline_new();
    bn_add_result res;
    assert_int_equal(bn_timeline_add(tl, a, &res), BN_OK);
    a->actors = NULL;
    bn_article_free(a);
    assert_int_equal(bn_timeline_resolve(tl), BN_OK);
    return tl;
}

static int id_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* 48 events that the old id (type, date, first source) named alike: 48
 * ids, each "ev-" and 12 hex digits; the same whatever the order they come
 * in; an event's id does not change when others join it. */
static void near_identical_events_get_unique_stable_ids(void **state)
{
    (void)state;
    size_t forward_k[NEAR_EVENTS], backward_k[NEAR_EVENTS];
    for (size_t i = 0; i < NEAR_EVENTS; i++) {
        forward_k[i] = i;
        backward_k[i] = NEAR_EVENTS - 1 - i;
    }
    bn_timeline *tl = near_timeline(forward_k, NEAR_EVENTS);
    assert_int_equal(tl->nevents, NEAR_EVENTS); /* one article's events are never merged */
    const char *ids[NEAR_EVENTS];
    for (size_t i = 0; i < NEAR_EVENTS; i++) {
        ids[i] = tl->events[i].id;
        assert_int_equal(strlen(ids[i]), 15);
        assert_int_equal(strncmp(ids[i], "ev-", 3), 0);
        assert_int_equal(strspn(ids[i] + 3, "0123456789abcdef"), 12);
    }
    qsort(ids, NEAR_EVENTS, sizeof *ids, id_cmp);
    for (size_t i = 1; i < NEAR_EVENTS; i++)
        assert_string_not_equal(ids[i - 1], ids[i]);

    /* the other order: the same events in the same order with the same ids */
    bn_timeline *back = near_timeline(backward_k, NEAR_EVENTS);
    assert_int_equal(back->nevents, NEAR_EVENTS);
    for (size_t i = 0; i < NEAR_EVENTS; i++) {
        assert_string_equal(back->events[i].id, tl->events[i].id);
        assert_int_equal(back->events[i].ev.sources[0].trigger_offset, tl->events[i].ev.sources[0].trigger_offset);
        assert_true((back->events[i].ev.location == NULL) == (tl->events[i].ev.location == NULL));
        if (tl->events[i].ev.location)
            assert_string_equal(back->events[i].ev.location, tl->events[i].ev.location);
    }
    bn_timeline_free(back);

    /* alone, events 5 (a trigger offset of its own) and 20 (a place of its
     * own) keep the id they have among the others */
    for (size_t k = 5; k <= 20; k += 15) {
        bn_timeline *one = near_timeline(&k, 1);
        assert_int_equal(one->nevents, 1);
        size_t i;
        for (i = 0; i < NEAR_EVENTS; i++)
            if (strcmp(tl->events[i].id, one->events[0].id) == 0)
                break;
        assert_true(i < NEAR_EVENTS);
        assert_int_equal(tl->events[i].ev.sources[0].trigger_offset, one->events[0].ev.sources[0].trigger_offset);
        bn_timeline_free(one);
    }
    bn_timeline_free(tl);
}

/* The id comes from all the sources: the meeting reported by a alone and
 * by a and b together are two ids. */
static void event_id_names_every_source(void **state)
{
    const char *texts[] = {
        "Tin A\nNgày 12/1, NATO và Nga họp tại Brussels.\n",
        "Tin B\nHội đồng NATO-Nga đã họp hôm 12/1/2022 tại Brussels với sự tham dự của Nga.\n",
    };
    const char *names[] = {"a.txt", "b.txt"};
    bn_timeline *alone = timeline_of(*state, texts, names, 1);
    bn_timeline *both = timeline_of(*state, texts, names, 2);
    assert_int_equal(alone->nevents, 1);
    assert_int_equal(both->nevents, 1);
    assert_int_equal(both->events[0].ev.nsources, 2);
    assert_string_equal(alone->events[0].ev.sources[0].article, both->events[0].ev.sources[0].article);
    assert_string_not_equal(alone->events[0].id, both->events[0].id);
    bn_timeline_free(alone);
    bn_timeline_free(both);
}

/* An article "name" naming one person the knowledge base does not know,
 * as `written` (no events). */
static bn_article *naming(const char *name, const char *id, const char *written)
{
    bn_article *a = bn_article_new();
    assert_non_null(a);
    a->id = a->path = name;
    a->line = 1;
    snprintf(a->text_hash, sizeof a->text_hash, "%016llx", (unsigned long long)strlen(name) + strlen(written));
    a->nsentences = 1;
    a->actors = bn_arena_calloc(&a->arena, 1, sizeof *a->actors);
    a->actors[0] = (bn_actor){id, written, written, BN_KIND_PERSON, NULL, 0, 1, NULL, 1};
    a->nactors = 1;
    return a;
}

/* One id written two ways ("Lam-Son Vy", "Lam Son Vy"): the name does not
 * depend on which article comes first, nor then whether "ông Lam" (the
 * first word of one way only) joins the person: shards in any order give
 * the same actors, hence the same event ids. */
static void actor_name_does_not_depend_on_order(void **state)
{
    (void)state;
    for (int order = 0; order < 2; order++) {
        bn_article *v[3] = {naming("p1", "lam-son-vy", "Lam-Son Vy"), naming("p2", "lam-son-vy", "Lam Son Vy"),
                            naming("p3", "lam", "Lam")};
        bn_timeline *tl = bn_timeline_new();
        for (int k = 0; k < 3; k++) {
            bn_add_result res;
            assert_int_equal(bn_timeline_add(tl, v[order ? 2 - k : k], &res), BN_OK);
        }
        for (int k = 0; k < 3; k++)
            bn_article_free(v[k]);
        assert_int_equal(bn_timeline_resolve(tl), BN_OK);
        long p = bn_timeline_actor(tl, "lam-son-vy");
        assert_true(p >= 0);
        assert_string_equal(tl->actors[p].name, "Lam Son Vy");
        assert_int_equal(tl->nactors, 1); /* "Lam" is the first word of "Lam Son Vy" */
        assert_int_equal(tl->actors[p].articles, 3);
        bn_timeline_free(tl);
    }
}

/* --actor, --since/--until, --min-confidence. */
static void filters_narrow_the_timeline(void **state)
{
    bn_timeline *tl = set_in_order(*state, forward);
    bn_error err;
    bn_error_clear(&err);
    const char *who[] = {"liên minh châu âu"}; /* a name, any case, diacritics kept or not */
    bn_filter f = {.actors = who, .nactors = 1};
    assert_int_equal(bn_timeline_filter(tl, &f, &err), BN_OK);
    assert_int_equal(tl->nevents, 1);
    assert_true(names(&tl->events[0].ev, "european-union"));
    assert_true(bn_timeline_actor(tl, "lithuania") < 0); /* actors of the events left only */
    assert_true(bn_timeline_actor(tl, "nato") >= 0);
    bn_timeline_free(tl);

    tl = set_in_order(*state, forward);
    bn_filter range = {0};
    assert_true(bn_filter_date_parse("2022-01-05", &range.since) && bn_filter_date_parse("2022-01", &range.until));
    assert_false(bn_filter_date_parse("2022-02-30", &range.until) || bn_filter_date_parse("2022-W03", &range.until) ||
                 bn_filter_date_parse("XXXX-01", &range.until) || bn_filter_date_parse("2022-13", &range.until));
    assert_int_equal(bn_timeline_filter(tl, &range, &err), BN_OK);
    for (size_t i = 0; i < tl->nevents; i++) {
        assert_true(strcmp(TX(tl->events[i].ev.date.value), "2022-01-05") >= 0);
        assert_true(strcmp(TX(tl->events[i].ev.date.value), "2022-01-31") <= 0);
    }
    assert_int_equal(tl->nevents, 6); /* the rejection, three meetings, two warnings; not the warning of 3/1 */
    bn_timeline_free(tl);

    tl = set_in_order(*state, forward);
    const char *nobody[] = {"Atlantis"};
    bn_filter bad = {.actors = nobody, .nactors = 1};
    bn_error_clear(&err);
    assert_int_equal(bn_timeline_filter(tl, &bad, &err), BN_ERR_ARGUMENT);
    assert_non_null(strstr(err.text, "Atlantis"));
    bn_filter sure = {.min_confidence = 1.01};
    assert_int_equal(bn_timeline_filter(tl, &sure, &err), BN_OK);
    assert_int_equal(tl->nevents, 0);
    bn_timeline_free(tl);
}

int main(void)
{
    bn_network_global_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_event_in_two_articles_is_one),
        cmocka_unit_test(year_from_another_article),
        cmocka_unit_test(year_from_one_person),
        cmocka_unit_test(year_since_a_past_day),
        cmocka_unit_test(year_within_a_year_of_the_offices),
        cmocka_unit_test(year_not_before_a_named_month),
        cmocka_unit_test(history_lends_no_year),
        cmocka_unit_test(last_week_counted_once_the_lead_day_has_a_year),
        cmocka_unit_test(a_month_near_a_day_dated_elsewhere),
        cmocka_unit_test(a_weak_link_in_a_corpus_of_two_periods),
        cmocka_unit_test(a_weak_link_within_the_article_bounds),
        cmocka_unit_test(a_day_two_articles_know_in_one_year),
        cmocka_unit_test(no_year_when_an_article_is_offered_two),
        cmocka_unit_test(caption_date_bounds_no_writing),
        cmocka_unit_test(year_taken_by_order_is_undone),
        cmocka_unit_test(different_days_or_types_stay_apart),
        cmocka_unit_test(network_relations),
        cmocka_unit_test(an_article_read_twice_is_kept_once),
        cmocka_unit_test(years_pass_along_a_chain),
        cmocka_unit_test(gatherings_of_one_day_stay_apart),
        cmocka_unit_test(speech_without_a_speaker_stays_apart),
        cmocka_unit_test(a_day_and_its_month_or_week_with_a_count),
        cmocka_unit_test(an_announcement_and_its_start),
        cmocka_unit_test(an_announcement_and_its_start_in_words),
        cmocka_unit_test(a_statement_and_the_sanction_it_announces),
        cmocka_unit_test(announcements_a_day_apart_and_their_start),
        cmocka_unit_test(a_meeting_told_with_one_side),
        cmocka_unit_test(a_day_its_week_and_an_undated_report),
        cmocka_unit_test(five_wordings_of_one_speech),
        cmocka_unit_test(near_events_that_stay_apart),
        cmocka_unit_test(actors_merge_by_typo_and_surname),
        cmocka_unit_test(input_order_does_not_show),
        cmocka_unit_test(graphml_reads_back),
        cmocka_unit_test(near_identical_events_get_unique_stable_ids),
        cmocka_unit_test(event_id_names_every_source),
        cmocka_unit_test(actor_name_does_not_depend_on_order),
        cmocka_unit_test(filters_narrow_the_timeline),
    };
    return cmocka_run_group_tests(tests, test_env_setup, test_env_teardown);
}
