/* The resolver: one event per real event across articles, nothing merged
 * across days or types; stable ids and order. */
#include <string.h>

#include "support.h"
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
    assert_string_equal(meeting->ev.date.value, "2022-01-12");
    assert_int_equal(meeting->articles, 2); /* and then one event with a.txt's */
    const bn_tl_event *rejection = event_from(tl, "b.txt", BN_EV_REJECTION);
    assert_non_null(rejection);
    assert_string_equal(rejection->ev.date.value, "2022-01-07");
    assert_int_equal(rejection->ev.date.year_source, BN_YEAR_CROSS);
    const bn_tl_event *drill = event_from(tl, "b.txt", BN_EV_MILITARY);
    assert_non_null(drill);
    assert_string_equal(drill->ev.date.value, "XXXX-09-03");
    const bn_tl_event *sanction = event_from(tl, "c.txt", BN_EV_SANCTION);
    assert_non_null(sanction);
    assert_string_equal(sanction->ev.date.value, "XXXX-01-12");
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
    assert_string_equal(e->ev.date.value, "2022-01-12");
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
    assert_string_equal(tl->events[0].ev.date.value, "2022-01-12");
    assert_string_equal(tl->events[3].ev.date.value, "2022-01-13");
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
    assert_string_equal(tl->events[0].ev.date.value, "2022-01-12"); /* from the copy with the date */
    assert_string_equal(tl->articles[0].path, "x.jsonl");
    long ru = bn_timeline_actor(tl, "russia");
    assert_true(ru >= 0);
    assert_int_equal(tl->actors[ru].articles, 2); /* counted once per article, not per copy */
    assert_int_equal(tl->actors[ru].mentions, 2);
    bn_timeline_free(tl);
}

int main(void)
{
    bn_network_global_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_event_in_two_articles_is_one),
        cmocka_unit_test(year_from_another_article),
        cmocka_unit_test(different_days_or_types_stay_apart),
        cmocka_unit_test(network_relations),
        cmocka_unit_test(an_article_read_twice_is_kept_once),
    };
    return cmocka_run_group_tests(tests, test_env_setup, test_env_teardown);
}
