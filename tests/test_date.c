/* The date value (core/bn_date.c): TIMEX3 text read and written back,
 * what is not read, the order of the text kept by the values, and the days
 * each precision covers. */
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "bn_model.h"

/* Every form the program writes, in strcmp order. */
static const char *const forms[] = {
    "0999-01-01", "1936", "1936-07", "2020-W53", "2021", "2021-12", "2021-12-31", "2022",
    "2022-01",    "2022-01-05", "2022-01-12", "2022-02", "2022-02-29", "2022-12-31", "2022-H1", "2022-H2",
    "2022-Q1",    "2022-Q4", "2022-W01", "2022-W03", "2022-W52", "XXXX-01", "XXXX-01-12", "XXXX-02-29",
    "XXXX-07",    "XXXX-07-10",
};
enum { NFORMS = sizeof forms / sizeof forms[0] };

static bn_date parsed(const char *s)
{
    bn_date d;
    if (!bn_date_parse(s, strlen(s), &d))
        fail_msg("\"%s\" not read", s);
    return d;
}

static void round_trip(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        bn_precision precision;
        int year, month, day, week, part;
    } cases[] = {
        {"2022-01-12", BN_PREC_DAY, 2022, 1, 12, 0, 0},  {"XXXX-07-10", BN_PREC_DAY, 0, 7, 10, 0, 0},
        {"2021-12", BN_PREC_MONTH, 2021, 12, 0, 0, 0},   {"XXXX-07", BN_PREC_MONTH, 0, 7, 0, 0, 0},
        {"2022", BN_PREC_YEAR, 2022, 0, 0, 0, 0},        {"2021-W03", BN_PREC_WEEK, 2021, 0, 0, 3, 0},
        {"2020-W53", BN_PREC_WEEK, 2020, 0, 0, 53, 0},   {"2022-Q4", BN_PREC_QUARTER, 2022, 0, 0, 0, 4},
        {"2022-H1", BN_PREC_HALF, 2022, 0, 0, 0, 1},     {"2022-H2", BN_PREC_HALF, 2022, 0, 0, 0, 2},
        {"0999-01-01", BN_PREC_DAY, 999, 1, 1, 0, 0},    {"2023-02-29", BN_PREC_DAY, 2023, 2, 29, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bn_date d = parsed(cases[i].text);
        assert_int_equal(d.precision, cases[i].precision);
        assert_int_equal(d.year, cases[i].year);
        assert_int_equal(d.month, cases[i].month);
        assert_int_equal(d.day, cases[i].day);
        assert_int_equal(d.week, cases[i].week);
        assert_int_equal(d.part, cases[i].part);
    }
    for (size_t i = 0; i < NFORMS; i++) {
        char buf[BN_TIMEX_MAX];
        bn_date d = parsed(forms[i]);
        assert_string_equal(bn_date_format(&d, buf), forms[i]);
    }
    /* the makers write what the tagger used to print */
    char buf[BN_TIMEX_MAX];
    bn_date d = bn_date_day(0, 7, 10);
    assert_string_equal(bn_date_format(&d, buf), "XXXX-07-10");
    d = bn_date_day(2022, 1, 5);
    assert_string_equal(bn_date_format(&d, buf), "2022-01-05");
    d = bn_date_week(2022, 3);
    assert_string_equal(bn_date_format(&d, buf), "2022-W03");
    d = bn_date_quarter(2022, 2);
    assert_string_equal(bn_date_format(&d, buf), "2022-Q2");
    d = bn_date_half(2022, 2);
    assert_string_equal(bn_date_format(&d, buf), "2022-H2");
    d = bn_date_month(2022, 9);
    assert_string_equal(bn_date_format(&d, buf), "2022-09");
    d = bn_date_year(2022);
    assert_string_equal(bn_date_format(&d, buf), "2022");
    d = bn_date_of_days(bn_days_from_civil(2024, 2, 29));
    assert_string_equal(bn_date_format(&d, buf), "2024-02-29");
    /* the length is the text's: a prefix is read as what it is */
    assert_true(bn_date_parse("2022-01-12", 7, &d) && d.precision == BN_PREC_MONTH);
    assert_true(bn_date_parse("2022-01-12", 4, &d) && d.precision == BN_PREC_YEAR);
}

static void invalid_rejected(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "",           "202",        "20220",      "2022-",      "2022-1",     "2022-13",    "2022-00",
        "2022-01-32", "2022-01-00", "2022-01-1",  "2022-1-12",  "2022-01-1x", "2022/01/12", "2022-01-12T08",
        "2022-W00",   "2022-W54",   "2022-W1",    "2022-Q0",    "2022-Q5",    "2022-H0",    "2022-H3",
        "2022-Q12",   "XXXX",       "XXXX-W01",   "XXXX-Q1",    "XXXX-H2",    "0000",       "0000-01-01",
        "XXX-01-12",  " 2022",      "2022 ",      "YYYY-MM-DD", "2022-M01",   "-2022",      "2022--01",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        bn_date d = bn_date_year(1234);
        if (bn_date_parse(bad[i], strlen(bad[i]), &d))
            fail_msg("\"%s\" read as a date", bad[i]);
        assert_int_equal(d.year, 1234); /* left alone */
    }
    bn_date d;
    assert_false(bn_date_parse(NULL, 0, &d));
    /* a day of the calendar, of a known year */
    assert_true(bn_date_parse_day("2024-02-29", &d));
    assert_int_equal(d.day, 29);
    assert_false(bn_date_parse_day("2023-02-29", &d));
    assert_false(bn_date_parse_day("2022-04-31", &d));
    assert_false(bn_date_parse_day("XXXX-02-10", &d));
    assert_false(bn_date_parse_day("2022-01", &d));
    assert_false(bn_date_parse_day("2022", &d));
    assert_false(bn_date_parse_day(NULL, &d));
    assert_true(bn_date_parse_day("1900-03-01", &d));
}

static int sign(int x)
{
    return (x > 0) - (x < 0);
}

/* The values sort as their text did when dates were strings, so the
 * outputs keep their order. */
static void order_is_the_texts(void **state)
{
    (void)state;
    for (size_t i = 0; i < NFORMS; i++)
        for (size_t j = 0; j < NFORMS; j++) {
            bn_date a = parsed(forms[i]), b = parsed(forms[j]);
            int want = sign(strcmp(forms[i], forms[j]));
            if (sign(bn_date_cmp(&a, &b)) != want)
                fail_msg("%s vs %s: %d, strcmp says %d", forms[i], forms[j], bn_date_cmp(&a, &b), want);
            assert_int_equal(bn_date_equal(&a, &b), want == 0);
            assert_int_equal(bn_date_key(&a) == bn_date_key(&b), want == 0);
        }
    /* a span's end after its start; none first */
    bn_timex x = {.value = parsed("2022-01-12")}, y = x;
    assert_int_equal(bn_timex_date_cmp(&x, &y), 0);
    y.has_end = 1;
    y.end = parsed("2022-01-13");
    assert_true(bn_timex_date_cmp(&x, &y) < 0 && bn_timex_date_cmp(&y, &x) > 0);
    x.end = parsed("2022-01-14"); /* not a span: its end is not looked at */
    assert_true(bn_timex_date_cmp(&x, &y) < 0);
    x.has_end = 1;
    assert_true(bn_timex_date_cmp(&x, &y) > 0);
}

static void days_of(const char *text, const char *first, const char *last)
{
    bn_date d = parsed(text), f, l;
    long lo, hi;
    if (!bn_date_days(&d, &lo, &hi))
        fail_msg("%s: no days", text);
    assert_true(bn_date_parse_day(first, &f) && bn_date_parse_day(last, &l));
    if (lo != bn_days_from_civil(f.year, f.month, f.day) || hi != bn_days_from_civil(l.year, l.month, l.day))
        fail_msg("%s: days %ld-%ld, want %s-%s", text, lo, hi, first, last);
}

static void first_and_last_days(void **state)
{
    (void)state;
    days_of("2022-01-12", "2022-01-12", "2022-01-12");
    days_of("2024-02-29", "2024-02-29", "2024-02-29");
    days_of("2021-W01", "2021-01-04", "2021-01-10"); /* ISO: the week of the year's first Thursday */
    days_of("2020-W53", "2020-12-28", "2021-01-03");
    days_of("2022-W52", "2022-12-26", "2023-01-01");
    days_of("2024-02", "2024-02-01", "2024-02-29");
    days_of("2023-02", "2023-02-01", "2023-02-28");
    days_of("2022-12", "2022-12-01", "2022-12-31");
    days_of("2022-Q1", "2022-01-01", "2022-03-31");
    days_of("2022-Q4", "2022-10-01", "2022-12-31");
    days_of("2022-H1", "2022-01-01", "2022-06-30");
    days_of("2022-H2", "2022-07-01", "2022-12-31");
    days_of("2022", "2022-01-01", "2022-12-31");
    long lo, hi;
    bn_date d = parsed("2023-02-29"); /* a year given to "29/2" that does not have it */
    assert_false(bn_date_days(&d, &lo, &hi));
    assert_false(bn_date_real_day(&d));
    d = parsed("XXXX-07-10");
    assert_false(bn_date_days(&d, &lo, &hi));
    d = parsed("XXXX-07");
    assert_false(bn_date_days(&d, &lo, &hi));

    /* a time expression: the whole period whatever its mod; a span of
     * days to its end */
    static const char *const periods[] = {"2022-01-12", "2022-W03", "2022-01", "2022-Q1", "2022-H1", "2022"};
    for (size_t i = 0; i < sizeof periods / sizeof periods[0]; i++)
        for (bn_date_mod m = BN_DATE_MOD_NONE; m <= BN_DATE_MOD_END; m++) {
            bn_timex t = {.value = parsed(periods[i]), .mod = m, .year_source = BN_YEAR_TEXT};
            long plo, phi;
            assert_true(bn_date_days(&t.value, &plo, &phi));
            assert_true(bn_timex_days(&t, &lo, &hi));
            assert_true(lo == plo && hi == phi);
        }
    bn_timex t = {.value = parsed("2022-01-12"), .end = parsed("2022-01-14"), .has_end = 1};
    assert_true(bn_timex_days(&t, &lo, &hi));
    assert_int_equal(hi - lo, 2);
    t.end = parsed("2022-01-11"); /* ends before it begins */
    assert_false(bn_timex_days(&t, &lo, &hi));
    t.end = parsed("XXXX-01-14");
    assert_false(bn_timex_days(&t, &lo, &hi));
    t = (bn_timex){.value = parsed("2022-03"), .end = parsed("2022-05"), .has_end = 1};
    assert_true(bn_timex_days(&t, &lo, &hi)); /* a span of months counts its first */
    assert_int_equal(hi - lo, 30);
    t = (bn_timex){.value = parsed("2022-01-12"), .year_source = BN_YEAR_UNKNOWN};
    assert_false(bn_timex_days(&t, &lo, &hi));
}

static const char *shifted(bn_shift_unit unit, int count, int lag, int y, int m, int d)
{
    static char buf[BN_TIMEX_MAX];
    bn_shift s = {unit, count, 0, 0, 0, 0, lag};
    bn_date out;
    if (!bn_shift_apply(&s, bn_days_from_civil(y, m, d), &out))
        return "none";
    return bn_date_format(&out, buf);
}

/* A count from a day: weeks (ISO, across a year's end), months, years,
 * weekdays; with a lag, a date only when every day of it gives the same. */
static void shifts(void **state)
{
    (void)state;
    assert_string_equal(shifted(BN_SHIFT_WEEK, -1, 0, 2021, 4, 20), "2021-W15");
    assert_string_equal(shifted(BN_SHIFT_WEEK, -1, 0, 2021, 1, 5), "2020-W53");
    assert_string_equal(shifted(BN_SHIFT_MONTH, -1, 0, 2021, 1, 5), "2020-12");
    assert_string_equal(shifted(BN_SHIFT_YEAR, -1, 0, 2021, 1, 5), "2020");
    assert_string_equal(shifted(BN_SHIFT_DAY, -1, 0, 2021, 3, 1), "2021-02-28");
    assert_string_equal(shifted(BN_SHIFT_WEEK, -1, 2, 2021, 4, 20), "2021-W15"); /* Tue-Thu: one week */
    assert_string_equal(shifted(BN_SHIFT_WEEK, -1, 2, 2021, 4, 18), "none");     /* Sun-Tue: two */
    assert_string_equal(shifted(BN_SHIFT_MONTH, -1, 2, 2021, 1, 30), "none");    /* 30/1-1/2 */
    assert_string_equal(shifted(BN_SHIFT_DAY, -1, 1, 2021, 4, 20), "none");      /* "hôm qua" */
    bn_shift in_october = {BN_SHIFT_YEAR, -1, 0, 0, 10, 0, 2}, leap_day = {BN_SHIFT_YEAR, 0, 0, 0, 2, 29, 0};
    bn_shift monday = {BN_SHIFT_WEEKDAY, 0, 1, -1, 0, 0, 0}, next_fri = {BN_SHIFT_WEEKDAY, 1, 5, 0, 0, 0, 0};
    bn_date out;
    char buf[BN_TIMEX_MAX];
    assert_true(bn_shift_apply(&in_october, bn_days_from_civil(2021, 4, 20), &out));
    assert_string_equal(bn_date_format(&out, buf), "2020-10");
    assert_false(bn_shift_apply(&leap_day, bn_days_from_civil(2021, 4, 20), &out)); /* no 29/2 in 2021 */
    assert_true(bn_shift_apply(&monday, bn_days_from_civil(2021, 4, 22), &out)); /* a Thursday */
    assert_string_equal(bn_date_format(&out, buf), "2021-04-19");
    assert_true(bn_shift_apply(&next_fri, bn_days_from_civil(2021, 4, 22), &out));
    assert_string_equal(bn_date_format(&out, buf), "2021-04-30");
    assert_int_equal(bn_weekday(bn_days_from_civil(1970, 1, 1)), 4);
    bn_shift_unit u;
    assert_true(bn_shift_unit_parse("weekday", &u));
    assert_int_equal(u, BN_SHIFT_WEEKDAY);
    assert_string_equal(bn_shift_unit_name(BN_SHIFT_MONTH), "month");
    assert_false(bn_shift_unit_parse("fortnight", &u));
}

static void mods(void **state)
{
    (void)state;
    static const char *const names[] = {"", "END", "MID", "START"}; /* strcmp order */
    bn_date_mod m[4] = {BN_DATE_MOD_NONE};
    assert_null(bn_date_mod_name(BN_DATE_MOD_NONE));
    for (int i = 1; i < 4; i++) {
        assert_true(bn_date_mod_parse(names[i], &m[i]));
        assert_string_equal(bn_date_mod_name(m[i]), names[i]);
    }
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++)
            assert_int_equal(bn_date_mod_cmp(m[i], m[j]), sign(strcmp(names[i], names[j])));
    bn_date_mod x = BN_DATE_MOD_MID;
    assert_false(bn_date_mod_parse("", &x) || bn_date_mod_parse("start", &x) || bn_date_mod_parse(NULL, &x));
    assert_int_equal(x, BN_DATE_MOD_MID);
}

/* bn_date_format writes what its printf formats write, fast for plain
 * digits: every precision, years from -12000 to 12000 by odd steps (and
 * none), months, days, weeks and parts over their ranges and past them,
 * negatives included. */
static void format_as_printf(void **state)
{
    (void)state;
    static const bn_precision precs[] = {BN_PREC_DAY, BN_PREC_WEEK, BN_PREC_MONTH, BN_PREC_QUARTER, BN_PREC_HALF,
                                         BN_PREC_YEAR};
    static const int small[] = {-150, -101, -100, -7, -1, 0, 1, 5, 9, 10, 12, 31, 53, 99, 100, 101, 199};
    char buf[BN_TIMEX_MAX], want[BN_TIMEX_MAX], year[8];
    size_t checked = 0;
    for (size_t p = 0; p < sizeof precs / sizeof precs[0]; p++)
        for (int y = -12001; y <= 12001; y += 397)
            for (size_t a = 0; a < sizeof small / sizeof small[0]; a++)
                for (size_t b = 0; b < sizeof small / sizeof small[0]; b += 2) {
                    for (int none = 0; none < 2; none++) {
                        bn_date d;
                        memset(&d, 0, sizeof d);
                        d.precision = precs[p];
                        d.year = none ? 0 : y;
                        d.month = small[a];
                        d.day = small[b];
                        d.week = small[a];
                        d.part = small[b];
                        strcpy(year, "XXXX");
                        if (d.year)
                            snprintf(year, sizeof year, "%04d", d.year % 10000);
                        switch (d.precision) {
                        case BN_PREC_DAY:
                            snprintf(want, sizeof want, "%s-%02d-%02d", year, d.month % 100, d.day % 100);
                            break;
                        case BN_PREC_WEEK:
                            snprintf(want, sizeof want, "%s-W%02d", year, d.week % 100);
                            break;
                        case BN_PREC_MONTH:
                            snprintf(want, sizeof want, "%s-%02d", year, d.month % 100);
                            break;
                        case BN_PREC_QUARTER:
                        case BN_PREC_HALF:
                            snprintf(want, sizeof want, "%s-%c%d", year, d.precision == BN_PREC_QUARTER ? 'Q' : 'H',
                                     d.part % 10);
                            break;
                        default:
                            snprintf(want, sizeof want, "%s", year);
                            break;
                        }
                        assert_string_equal(bn_date_format(&d, buf), want);
                        checked++;
                    }
                }
    assert_true(checked > 10000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(round_trip),
        cmocka_unit_test(format_as_printf),
        cmocka_unit_test(invalid_rejected),
        cmocka_unit_test(order_is_the_texts),
        cmocka_unit_test(first_and_last_days),
        cmocka_unit_test(mods),
        cmocka_unit_test(shifts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
