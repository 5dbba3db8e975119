/* Event extraction: type, date, actors and roles, modality, source. */
#include <string.h>

#include "support.h"

static int role_of(const bn_event *e, const char *id)
{
    for (size_t i = 0; i < e->nactors; i++)
        if (strcmp(e->actors[i].id, id) == 0)
            return (int)e->actors[i].role;
    return -1;
}

static void gathering_is_no_place_name(void **state)
{
    /* "tại Hội nghị an ninh Munich": the place is not "Hội" (issue 19) */
    bn_article *a = test_extract(*state,
                                 "Tiêu đề\n"
                                 "Tại Hội nghị an ninh Munich ngày 10/2/2007, Tổng thống Nga Vladimir Putin chỉ trích Mỹ.\n"
                                 "Ngày 12/2/2007, Ngoại trưởng Nga hội đàm với Ngoại trưởng Đức tại Berlin.\n",
                                 "2007-02-13");
    int berlin = 0;
    for (size_t i = 0; i < a->nevents; i++) {
        const char *loc = a->events[i].location;
        if (loc && strcmp(loc, "Hội") == 0)
            fail_msg("a gathering's first word as the place");
        berlin |= loc && strcmp(loc, "Berlin") == 0;
    }
    assert_true(a->nevents >= 2);
    assert_true(berlin);
    bn_article_free(a);
}

static void warning_with_roles(void **state)
{
    bn_article *a = test_extract(*state,
                                 "Tiêu đề\n"
                                 "Ngày 10-1, Tổng thư ký NATO Jens Stoltenberg cảnh báo Nga về Ukraine.\n",
                                 "2022-01-10");
    assert_int_equal(a->nevents, 1);
    const bn_event *e = &a->events[0];
    assert_int_equal(e->type, BN_EV_WARNING);
    assert_string_equal(e->cameo, "130");
    assert_string_equal(TX(e->date.value), "2022-01-10");
    assert_int_equal(role_of(e, "nato"), BN_ROLE_SOURCE);
    assert_int_equal(role_of(e, "jens-stoltenberg"), BN_ROLE_SOURCE);
    assert_int_equal(role_of(e, "russia"), BN_ROLE_TARGET);
    assert_int_equal(role_of(e, "ukraine"), BN_ROLE_TARGET);
    assert_int_equal(e->modality, BN_MOD_ASSERTED);
    assert_string_equal(e->sources[0].trigger, "cảnh báo");
    assert_string_equal(e->sources[0].article, "t.txt");
    assert_non_null(strstr(e->sources[0].sentence, "Jens Stoltenberg cảnh báo"));
    bn_article_free(a);
}

static void longest_trigger_and_planned(void **state)
{
    bn_article *a = test_extract(*state,
                                 "Tiêu đề\n"
                                 "Ngày 10/7, NATO đã đạt được thỏa thuận với Thổ Nhĩ Kỳ.\n"
                                 "NATO sẽ họp tại Vilnius vào ngày 11/7.\n",
                                 "2023-07-10");
    assert_int_equal(a->nevents, 2);
    assert_int_equal(a->events[0].type, BN_EV_AGREEMENT);
    assert_string_equal(a->events[0].sources[0].trigger, "đạt được thỏa thuận");
    assert_int_equal(a->events[1].type, BN_EV_MEETING);
    assert_string_equal(TX(a->events[1].date.value), "2023-07-11");
    assert_int_equal(a->events[1].modality, BN_MOD_PLANNED);
    bn_article_free(a);
}

static void undated_takes_publication_date_and_no_actor_no_event(void **state)
{
    bn_article *a = test_extract(*state,
                                 "Tiêu đề\n"
                                 "NATO cảnh báo Nga về những hậu quả nghiêm trọng.\n"
                                 "Ngày 12/1, các bên cho biết họ sẽ tiếp tục thảo luận.\n",
                                 "2022-01-13");
    assert_int_equal(a->nevents, 1);
    assert_int_equal(a->events[0].type, BN_EV_WARNING);
    assert_string_equal(TX(a->events[0].date.value), "2022-01-13");
    assert_int_equal(a->events[0].date_source, BN_DATE_DCT);
    assert_true(a->events[0].confidence < 0.5);
    bn_article_free(a);
    /* without a publication date an undated event has no date at all */
    a = test_extract(*state, "Tiêu đề\nNATO cảnh báo Nga về những hậu quả nghiêm trọng.\n", NULL);
    assert_int_equal(a->nevents, 0);
    bn_article_free(a);
    /* nor the older day of its sentence, when its own time ("hôm qua")
     * is told and left undated; with a publication date it is that time */
    const char *text = "Tiêu đề\nNga, nước đã rút khỏi hiệp ước vào tháng 3/2019, hôm qua cảnh báo Mỹ về hậu quả.\n";
    a = test_extract(*state, text, NULL);
    assert_int_equal(a->nevents, 0);
    bn_article_free(a);
    a = test_extract(*state, text, "2022-01-13");
    assert_int_equal(a->nevents, 1);
    assert_string_equal(TX(a->events[0].date.value), "2022-01-12");
    bn_article_free(a);
}

static void tone_variant_trigger(void **state)
{
    /* "thoả thuận" with the old tone placement is the same trigger */
    bn_article *a = test_extract(*state,
                                 "Tiêu đề\n"
                                 "Ngày 4/4, Phần Lan và NATO đạt được thoả thuận.\n",
                                 "2023-04-04");
    assert_int_equal(a->nevents, 1);
    assert_int_equal(a->events[0].type, BN_EV_AGREEMENT);
    bn_article_free(a);
}

/* Find the event of type t, or NULL. */
static const bn_event *event_of(const bn_article *a, bn_event_type t)
{
    for (size_t i = 0; i < a->nevents; i++)
        if (a->events[i].type == t)
            return &a->events[i];
    return NULL;
}

static void each_clause_its_date(void **state)
{
    /* the statement of 5/3 and the meeting of 6-7/3 it speaks of */
    bn_article *a = test_extract(*state,
                                 "Tiêu đề\n"
                                 "Phát biểu với báo giới ngày 5/3, Ngoại trưởng Pháp Catherine Colonna cho biết "
                                 "EU sẵn sàng, trước thềm cuộc họp của các bộ trưởng ngoại giao EU tại Brussels vào ngày 6-7/3.\n",
                                 "2023-03-05");
    const bn_event *st = event_of(a, BN_EV_STATEMENT), *mt = event_of(a, BN_EV_MEETING);
    assert_non_null(st);
    assert_non_null(mt);
    assert_string_equal(TX(st->date.value), "2023-03-05");
    assert_string_equal(TX(mt->date.value), "2023-03-06");
    assert_string_equal(TX_END(&mt->date), "2023-03-07");
    assert_int_equal(role_of(mt, "european-union"), BN_ROLE_SOURCE);
    bn_article_free(a);
}

static void reported_type_and_date(void **state)
{
    /* "cho biết X đã đề nghị": a proposal, dated when it was said; the
     * meeting proposed for later is no event of its own */
    bn_article *a = test_extract(*state,
                                 "Tiêu đề\n"
                                 "Hôm 3/2, ông Blinken cho biết Mỹ đã đề nghị Nga tổ chức một cuộc gặp vào đầu tháng 3.\n",
                                 "2022-02-04");
    assert_int_equal(a->nevents, 1);
    assert_int_equal(a->events[0].type, BN_EV_PROPOSAL);
    assert_string_equal(TX(a->events[0].date.value), "2022-02-03");
    assert_int_equal(role_of(&a->events[0], "russia"), BN_ROLE_TARGET);
    bn_article_free(a);
}

static void frame_date_and_subjectless_adverbial(void **state)
{
    /* the date of a clause without a trigger frames the event after it;
     * "Phát biểu ..." with no actor before it is no event of its own */
    bn_article *a = test_extract(*state,
                                 "Tiêu đề\n"
                                 "Ngày 18/5, sau nhiều tháng tranh luận, Phần Lan và Thụy Điển đã ký đơn xin gia nhập NATO.\n"
                                 "Phát biểu tại Washington hôm 19/5, Tổng thống Mỹ Joe Biden nhấn mạnh sự ủng hộ của Mỹ.\n",
                                 "2022-05-20");
    assert_int_equal(a->nevents, 2);
    assert_int_equal(a->events[0].type, BN_EV_AGREEMENT);
    assert_string_equal(TX(a->events[0].date.value), "2022-05-18");
    assert_int_equal(a->events[1].type, BN_EV_STATEMENT);
    assert_string_equal(TX(a->events[1].date.value), "2022-05-19");
    assert_string_equal(a->events[1].sources[0].trigger, "nhấn mạnh");
    bn_article_free(a);
}

static void one_event_per_real_event(void **state)
{
    /* the same meeting in two sentences: one event, two sources */
    bn_article *a = test_extract(*state,
                                 "Tiêu đề\n"
                                 "Ngày 12/1, Hội đồng Nga-NATO đã họp tại Brussels.\n"
                                 "Cuộc họp của Hội đồng Nga-NATO ngày 12/1 kéo dài bốn giờ.\n",
                                 "2022-01-13");
    assert_int_equal(a->nevents, 1);
    assert_int_equal(a->events[0].type, BN_EV_MEETING);
    assert_int_equal(a->events[0].nsources, 2);
    bn_article_free(a);
}

/* The table of event types: a complete record per type, names that read
 * back, and every trigger of the lexicon of its type's CAMEO root. */
static void type_records(void **state)
{
    test_env *env = *state;
    for (int t = 0; t < BN_EV_COUNT; t++) {
        const bn_event_type_record *r = bn_event_type_record_of((bn_event_type)t);
        assert_non_null(r->name);
        assert_non_null(r->cameo_roots);
        assert_int_equal(strlen(r->cameo_roots) % 3, 2); /* "NN" or "NN NN" */
        bn_event_type back;
        assert_true(bn_event_type_parse(r->name, &back));
        assert_int_equal(back, t);
        assert_int_equal(r->verbal, r->family == BN_FAMILY_SPEECH && t != BN_EV_STATEMENT);
        assert_false(r->enactable && r->family == BN_FAMILY_SPEECH); /* what is signed is done, not said */
    }
    assert_string_equal(bn_event_type_name(BN_EV_COUNT), "?");
    assert_true(bn_event_type_cameo_fits(BN_EV_MILITARY, "190"));
    assert_true(bn_event_type_cameo_fits(BN_EV_MILITARY, "154"));
    assert_false(bn_event_type_cameo_fits(BN_EV_MILITARY, "16"));
    assert_false(bn_event_type_cameo_fits(BN_EV_WARNING, "1"));
    for (size_t i = 0; i < env->lang->ntriggers; i++)
        assert_true(bn_event_type_cameo_fits(env->lang->triggers[i].type, env->lang->triggers[i].cameo));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(gathering_is_no_place_name),
        cmocka_unit_test(type_records),
        cmocka_unit_test(warning_with_roles),
        cmocka_unit_test(longest_trigger_and_planned),
        cmocka_unit_test(undated_takes_publication_date_and_no_actor_no_event),
        cmocka_unit_test(tone_variant_trigger),
        cmocka_unit_test(each_clause_its_date),
        cmocka_unit_test(reported_type_and_date),
        cmocka_unit_test(frame_date_and_subjectless_adverbial),
        cmocka_unit_test(one_event_per_real_event),
    };
    return cmocka_run_group_tests(tests, test_env_setup, test_env_teardown);
}
