/* Actor recognition against the built-in knowledge base. */
#include <string.h>

#include "support.h"

static const bn_actor *actor(const bn_article *a, const char *id)
{
    for (size_t i = 0; i < a->nactors; i++)
        if (strcmp(a->actors[i].id, id) == 0)
            return &a->actors[i];
    return NULL;
}

static void names_and_metonyms_are_one_actor(void **state)
{
    bn_article *a = test_extract(*state,
                                 "Tiêu đề\n"
                                 "Nga, Liên bang Nga, Moskva và Điện Kremlin đều là một.\n"
                                 "Mỹ, Hoa Kỳ và Washington cũng vậy.\n",
                                 NULL);
    const bn_actor *ru = actor(a, "russia"), *us = actor(a, "united-states");
    assert_non_null(ru);
    assert_non_null(us);
    assert_int_equal(ru->mentions, 4);
    assert_int_equal(ru->naliases, 4);
    assert_string_equal(ru->aliases[1], "Liên bang Nga"); /* longest match, not "Nga" */
    assert_int_equal(us->mentions, 3);
    assert_int_equal(a->nactors, 2);
    assert_int_equal(a->nmentions, 7);
    bn_article_free(a);
}

static void tone_placement_and_case(void **state)
{
    bn_article *a = test_extract(*state,
                                 "Tiêu đề\n"
                                 "Thuỵ Điển và Thụy Điển là một nước; thiên nga không phải là Nga.\n",
                                 NULL);
    const bn_actor *se = actor(a, "sweden");
    assert_non_null(se);
    assert_int_equal(se->mentions, 2);
    const bn_actor *ru = actor(a, "russia");
    assert_non_null(ru);
    assert_int_equal(ru->mentions, 1); /* "thiên nga" is a swan */
    bn_article_free(a);
}

static void person_names(void **state)
{
    bn_article *a = test_extract(*state,
                                 "Tiêu đề\n"
                                 "Tổng thư ký NATO Jens Stoltenberg gặp ông Lavrov; ông Stoltenberg nói rõ lập trường.\n",
                                 NULL);
    const bn_actor *js = actor(a, "jens-stoltenberg");
    assert_non_null(js);
    assert_int_equal(js->kind, BN_KIND_PERSON);
    assert_int_equal(js->mentions, 2);
    assert_non_null(actor(a, "sergei-lavrov"));
    assert_non_null(actor(a, "nato"));
    bn_article_free(a);
}

static void a_body_of_two_sides(void **state)
{
    bn_article *a = test_extract(*state, "Tiêu đề\nHội đồng Nga-NATO họp tại Brussels ngày 12/1/2022.\n", NULL);
    assert_non_null(actor(a, "nato-russia-council"));
    const bn_actor *nato = actor(a, "nato"), *ru = actor(a, "russia");
    assert_non_null(nato);
    assert_non_null(ru);
    assert_int_equal(nato->naliases, 0); /* a side, not a name of NATO */
    assert_int_equal(a->nevents, 1);
    bn_article_free(a);
}

/* The coverage the actors issue asks of the built-in knowledge base. */
static void knowledge_base_coverage(void **state)
{
    const test_env *env = *state;
    static const char *const ids[] = {
        /* NATO members */
        "albania", "belgium", "bulgaria", "canada", "croatia", "czech-republic", "denmark", "estonia", "finland",
        "france", "germany", "greece", "hungary", "iceland", "italy", "latvia", "lithuania", "luxembourg",
        "montenegro", "netherlands", "north-macedonia", "norway", "poland", "portugal", "romania", "slovakia",
        "slovenia", "spain", "sweden", "turkey", "united-kingdom", "united-states",
        /* the other sides, the Gulf, the G20, partners */
        "russia", "belarus", "ukraine", "china", "north-korea", "south-korea", "iran", "israel", "saudi-arabia",
        "united-arab-emirates", "qatar", "kuwait", "bahrain", "oman", "argentina", "australia", "brazil", "india",
        "indonesia", "japan", "mexico", "south-africa", "georgia", "moldova",
        /* organisations */
        "nato", "european-union", "european-commission", "european-council", "united-nations",
        "un-security-council", "osce", "csto", "sco", "brics", "g7", "g20", "asean", "african-union", "iaea", "icc",
        "wagner",
        /* offices of 2014-2025 */
        "jens-stoltenberg", "mark-rutte", "philip-breedlove", "christopher-cavoli", "vladimir-putin",
        "sergei-lavrov", "maria-zakharova", "volodymyr-zelensky", "joe-biden", "donald-trump", "antony-blinken",
        "xi-jinping", "wang-yi", "emmanuel-macron", "olaf-scholz", "recep-tayyip-erdogan", "antonio-guterres",
        "ursula-von-der-leyen", "josep-borrell",
    };
    assert_true(bn_kb_count(env->kb) >= 250);
    for (size_t i = 0; i < sizeof ids / sizeof *ids; i++)
        if (bn_kb_find(env->kb, ids[i]) < 0)
            fail_msg("the knowledge base has no \"%s\"", ids[i]);
    assert_true(bn_kb_gathering_count(env->kb) >= 100);
}

/* A gathering named by its place after a gathering or location word, and
 * read from the actor words the actors' pass found at each token: the NATO
 * summit in Warsaw (2016-07-08/09) when the sentence has a gathering word,
 * none when it has not; and a place not right after such a word is no
 * gathering's. */
static void gathering_by_place(void **state)
{
    bn_article *a = test_extract(*state,
                                 "Tiêu đề\n"
                                 "Tổng thư ký NATO dự hội nghị thượng đỉnh Warsaw hôm qua.\n"
                                 "Ông Stoltenberg nói NATO đoàn kết tại Warsaw.\n",
                                 "2016-07-09");
    size_t in_first = 0;
    for (size_t g = 0; g < a->ngatherings; g++) {
        const bn_gathering_ref *r = &a->gatherings[g];
        assert_int_equal(r->sentence, 0); /* the second sentence has no gathering word */
        if (r->from == bn_days_from_civil(2016, 7, 8) && r->to == bn_days_from_civil(2016, 7, 9))
            in_first++;
    }
    assert_int_equal(in_first, 1);
    bn_article_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names_and_metonyms_are_one_actor),
        cmocka_unit_test(tone_placement_and_case),
        cmocka_unit_test(person_names),
        cmocka_unit_test(a_body_of_two_sides),
        cmocka_unit_test(knowledge_base_coverage),
        cmocka_unit_test(gathering_by_place),
    };
    return cmocka_run_group_tests(tests, test_env_setup, test_env_teardown);
}
