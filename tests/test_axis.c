/* The time axis of timeline.svg (output/bn_time_axis.c): columns
 * proportional to time within a run, breaks between runs far apart,
 * labels by precision. */
#include <math.h>
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "bn_time_axis.h"

enum { STEP = 100 };

static bn_timex date(const char *value, bn_precision p)
{
    bn_timex t;
    memset(&t, 0, sizeof t);
    assert_true(bn_date_parse(value, strlen(value), &t.value));
    assert_int_equal(t.value.precision, p);
    t.year_source = strncmp(value, "XXXX", 4) == 0 ? BN_YEAR_UNKNOWN : BN_YEAR_TEXT;
    return t;
}

static void axis_of(bn_time_axis *ax, const bn_timex *d, size_t n, bn_bin bin)
{
    const bn_timex *p[16];
    for (size_t i = 0; i < n; i++)
        p[i] = &d[i];
    assert_int_equal(bn_time_axis_init(ax, p, n, bin, STEP), BN_OK);
}

static const char *label(const bn_time_axis *ax, size_t c)
{
    static char buf[64];
    bn_axis_label(ax->cols[c].key, ax->cols[c].prec, buf, sizeof buf);
    return buf;
}

/* Days 10, 11 and 13 January 2022 are one run, one step per day; 1 March
 * and 1936 are runs of their own; dates without a year come last. */
static void days_proportional_within_a_run(void **state)
{
    (void)state;
    bn_timex d[] = {
        date("2022-01-11", BN_PREC_DAY), date("2022-01-10", BN_PREC_DAY), date("2022-01-13", BN_PREC_DAY),
        date("2022-03-01", BN_PREC_DAY), date("1936", BN_PREC_YEAR),      date("XXXX-07-07", BN_PREC_DAY),
        date("2022-01-10", BN_PREC_DAY),
    };
    bn_time_axis ax;
    axis_of(&ax, d, sizeof d / sizeof d[0], BN_BIN_AUTO);
    assert_int_equal(ax.bin, BN_BIN_DAY);
    assert_int_equal(ax.ncols, 6);
    assert_string_equal(label(&ax, 0), "1936");
    assert_string_equal(label(&ax, 1), "10/1/2022");
    assert_string_equal(label(&ax, 2), "11/1/2022");
    assert_string_equal(label(&ax, 3), "13/1/2022");
    assert_string_equal(label(&ax, 4), "1/3/2022");
    assert_string_equal(label(&ax, 5), "năm chưa rõ");
    /* proportional within the run */
    assert_true(fabs(ax.cols[2].t - ax.cols[1].t - STEP) < 1e-9);
    assert_true(fabs(ax.cols[3].t - ax.cols[1].t - 3 * STEP) < 1e-9);
    assert_int_equal(ax.cols[1].run, ax.cols[3].run);
    /* one empty day inside the run, 12/1, between 11/1 and 13/1 */
    assert_int_equal(ax.nticks, 1);
    assert_true(fabs(ax.ticks[0].t - ax.cols[1].t - 2 * STEP) < 1e-9);
    char buf[64];
    bn_axis_label(ax.ticks[0].key, BN_PREC_DAY, buf, sizeof buf);
    assert_string_equal(buf, "12/1/2022");
    /* three breaks: after 1936, after 13/1, before the unknown year; each
     * between the two columns it parts, of fixed width */
    assert_int_equal(ax.nbreaks, 3);
    assert_int_not_equal(ax.cols[0].run, ax.cols[1].run);
    assert_int_not_equal(ax.cols[3].run, ax.cols[4].run);
    assert_true(ax.breaks[1].t > ax.cols[3].t && ax.breaks[1].t < ax.cols[4].t);
    assert_true(fabs(ax.cols[4].t - ax.cols[3].t - (STEP + BN_AXIS_BREAK)) < 1e-9);
    assert_int_equal(ax.breaks[1].key, 47); /* 13 January to 1 March */
    bn_axis_gap_label(ax.breaks[0].key, buf, sizeof buf);
    assert_string_equal(buf, "≈ 86 năm");
    bn_axis_gap_label(ax.breaks[1].key, buf, sizeof buf);
    assert_string_equal(buf, "≈ 7 tuần");
    assert_int_equal(ax.breaks[2].key, -1);
    /* every date finds its column */
    assert_int_equal(bn_time_axis_column(&ax, &d[3]), 4);
    assert_int_equal(bn_time_axis_column(&ax, &d[4]), 0);
    assert_int_equal(bn_time_axis_column(&ax, &d[5]), 5);
    assert_int_equal(bn_time_axis_column(&ax, &d[6]), 1);
    assert_true(fabs(ax.length - (ax.cols[5].t + STEP / 2.0)) < 1e-9);
    bn_time_axis_destroy(&ax);
}

/* Months: a year-only date stands before its January, one step apart;
 * months two apart are one run, three apart are broken. */
static void months_and_a_year(void **state)
{
    (void)state;
    bn_timex d[] = {
        date("2021-01", BN_PREC_MONTH), date("2021", BN_PREC_YEAR),   date("2021-03-12", BN_PREC_DAY),
        date("2021-06", BN_PREC_MONTH), date("2021-W15", BN_PREC_WEEK), date("2021-Q4", BN_PREC_QUARTER),
    };
    bn_time_axis ax;
    axis_of(&ax, d, sizeof d / sizeof d[0], BN_BIN_MONTH);
    assert_int_equal(ax.ncols, 6);
    assert_string_equal(label(&ax, 0), "2021");
    assert_string_equal(label(&ax, 1), "1/2021");
    assert_string_equal(label(&ax, 2), "3/2021");
    assert_string_equal(label(&ax, 3), "4/2021"); /* week 15 of 2021 is in April */
    assert_string_equal(label(&ax, 4), "6/2021");
    assert_string_equal(label(&ax, 5), "Q4/2021");
    assert_true(fabs(ax.cols[1].t - ax.cols[0].t - STEP) < 1e-9);
    assert_true(fabs(ax.cols[2].t - ax.cols[1].t - 2 * STEP) < 1e-9); /* February between, empty */
    assert_true(fabs(ax.cols[3].t - ax.cols[2].t - STEP) < 1e-9);
    assert_true(fabs(ax.cols[4].t - ax.cols[3].t - 2 * STEP) < 1e-9);
    assert_int_equal(ax.cols[0].run, ax.cols[4].run);
    assert_int_not_equal(ax.cols[4].run, ax.cols[5].run); /* June to October */
    assert_int_equal(ax.nbreaks, 1);
    assert_int_equal(ax.nticks, 2); /* February and May */
    char buf[64];
    bn_axis_label(ax.ticks[0].key, BN_PREC_MONTH, buf, sizeof buf);
    assert_string_equal(buf, "2/2021");
    bn_time_axis_destroy(&ax);
}

static void labels_by_precision(void **state)
{
    (void)state;
    char buf[64];
    bn_axis_label(bn_days_from_civil(2021, 4, 12), BN_PREC_WEEK, buf, sizeof buf);
    assert_string_equal(buf, "W15/2021");
    bn_axis_label(bn_days_from_civil(2021, 1, 1), BN_PREC_WEEK, buf, sizeof buf); /* ISO week 53 of 2020 */
    assert_string_equal(buf, "W53/2020");
    bn_axis_label(bn_days_from_civil(2021, 3, 1), BN_PREC_MONTH, buf, sizeof buf);
    assert_string_equal(buf, "3/2021");
    bn_axis_label(bn_days_from_civil(2022, 1, 12), BN_PREC_DAY, buf, sizeof buf);
    assert_string_equal(buf, "12/1/2022");
    bn_axis_label(bn_days_from_civil(1936, 1, 1), BN_PREC_YEAR, buf, sizeof buf);
    assert_string_equal(buf, "1936");
    bn_axis_label(bn_days_from_civil(2021, 7, 1), BN_PREC_HALF, buf, sizeof buf);
    assert_string_equal(buf, "H2/2021");
    bn_axis_gap_label(3653, buf, sizeof buf);
    assert_string_equal(buf, "≈ 10 năm");
    bn_axis_gap_label(92, buf, sizeof buf);
    assert_string_equal(buf, "≈ 3 tháng");
    bn_axis_gap_label(9, buf, sizeof buf);
    assert_string_equal(buf, "≈ 9 ngày");
}

/* Weeks: the auto bin takes weeks past 40 days. */
static void weeks_past_forty_days(void **state)
{
    (void)state;
    bn_timex d[16];
    char v[16];
    for (int i = 0; i < 16; i++) {
        snprintf(v, sizeof v, "2022-%02d-%02d", 1 + i / 4 * 2, 1 + i % 4 * 3); /* 16 days over 7 months */
        d[i] = date(v, BN_PREC_DAY);
    }
    bn_time_axis ax;
    axis_of(&ax, d, 16, BN_BIN_AUTO);
    assert_int_equal(ax.bin, BN_BIN_DAY); /* 16 days: days */
    bn_time_axis_destroy(&ax);
    axis_of(&ax, d, 16, BN_BIN_WEEK);
    for (size_t c = 1; c < ax.ncols; c++)
        if (ax.cols[c].run == ax.cols[c - 1].run) /* within a run, one step a week */
            assert_true(fabs(ax.cols[c].t - ax.cols[c - 1].t - STEP * (ax.cols[c].key - ax.cols[c - 1].key) / 7.0) <
                        1e-9);
    assert_string_equal(label(&ax, 0), "W52/2021"); /* 1 January 2022, a Saturday */
    bn_time_axis_destroy(&ax);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(days_proportional_within_a_run),
        cmocka_unit_test(months_and_a_year),
        cmocka_unit_test(labels_by_precision),
        cmocka_unit_test(weeks_past_forty_days),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
