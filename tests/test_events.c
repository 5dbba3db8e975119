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
    assert_string_equal(e->date.value, "2022-01-10");
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
    assert_string_equal(a->events[1].date.value, "2023-07-11");
    assert_int_equal(a->events[1].modality, BN_MOD_PLANNED);
    bn_article_free(a);
}

static void no_event_without_date_or_actor(void **state)
{
    bn_article *a = test_extract(*state,
                                 "Tiêu đề\n"
                                 "NATO cảnh báo Nga về những hậu quả nghiêm trọng.\n"
                                 "Ngày 12/1, các bên cho biết họ sẽ tiếp tục thảo luận.\n",
                                 "2022-01-12");
    assert_int_equal(a->nevents, 0);
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(warning_with_roles),
        cmocka_unit_test(longest_trigger_and_planned),
        cmocka_unit_test(no_event_without_date_or_actor),
        cmocka_unit_test(tone_variant_trigger),
    };
    return cmocka_run_group_tests(tests, test_env_setup, test_env_teardown);
}
