/* Dates as values.  A time expression's date, a span's end and the
 * publication date travel as bn_date; TIMEX3 text ("2022-01-12",
 * "XXXX-07-10", "2021-W03", "2022-Q4") is read only where it enters
 * (bn_date_parse: extract records, --since/--until, the knowledge base,
 * records' dates) and written only where it leaves (bn_date_format: JSON,
 * CSV, HTML, ids).  Everything between compares, counts days and fills in
 * years on the fields. */
#ifndef BN_DATE_H
#define BN_DATE_H

#include <stddef.h>
#include <stdint.h>

typedef enum bn_precision {
    BN_PREC_DAY,
    BN_PREC_WEEK,
    BN_PREC_MONTH,
    BN_PREC_QUARTER,
    BN_PREC_HALF,
    BN_PREC_YEAR,
} bn_precision;

/* TIMEX3 mod: which part of the period ("đầu năm 2022": 2022, START). */
typedef enum bn_date_mod {
    BN_DATE_MOD_NONE,
    BN_DATE_MOD_START,
    BN_DATE_MOD_MID,
    BN_DATE_MOD_END,
} bn_date_mod;

/* Room for the longest TIMEX3 text written, with its NUL. */
#define BN_TIMEX_MAX 24

/* A date as precise as its expression: the fields below the precision
 * are 0.  The forms and their TIMEX3 text:
 *   day      2022-01-12, XXXX-01-12   year (or 0), month, day
 *   week     2022-W03                 year (ISO week-numbering), week
 *   month    2022-01, XXXX-01         year (or 0), month
 *   quarter  2022-Q4                  year, part 1-4
 *   half     2022-H1                  year, part 1-2
 *   year     2022                     year
 * A day is 1-31 whatever its month: "2023-02-29" (a year given to
 * "29/2") is a value, with no days (bn_date_days). */
typedef struct bn_date {
    int year;    /* 1-9999; 0: unknown (XXXX), for a day or month only */
    int month;   /* 1-12 */
    int day;     /* 1-31 */
    int week;    /* 1-53 */
    int part;    /* quarter 1-4, half 1-2 */
    bn_precision precision;
} bn_date;

/* Makers; the arguments are in range (a caller's own arithmetic). */
bn_date bn_date_day(int year, int month, int day);
bn_date bn_date_month(int year, int month);
bn_date bn_date_year(int year);
bn_date bn_date_week(int year, int week);
bn_date bn_date_quarter(int year, int quarter);
bn_date bn_date_half(int year, int half);
/* The day `days` days after 1970-01-01. */
bn_date bn_date_of_days(long days);

/* Reads TIMEX3 text of one of the forms above, exactly (len bytes of s);
 * returns 1, or 0 when it is not one. */
int bn_date_parse(const char *s, size_t len, bn_date *out);
/* Reads "YYYY-MM-DD" that is a real day of a known year; returns 1, or 0. */
int bn_date_parse_day(const char *s, bn_date *out);
/* Writes d's TIMEX3 text into buf; returns buf. */
const char *bn_date_format(const bn_date *d, char buf[BN_TIMEX_MAX]);

/* The order of the dates' TIMEX3 text (strcmp's): by year, unknown
 * last; in a year, the year, its months and their days, halves,
 * quarters, weeks.  The outputs are sorted by it. */
int bn_date_cmp(const bn_date *a, const bn_date *b);
int bn_date_equal(const bn_date *a, const bn_date *b);
/* A number that orders like bn_date_cmp and is one per date: a key to
 * hash or sort on. */
uint64_t bn_date_key(const bn_date *d);

/* Whether d is a day of a known year that the calendar has. */
int bn_date_real_day(const bn_date *d);
/* The first and last day d covers, as days since 1970-01-01 (a week,
 * month, quarter, half or year whole); 0 when its year is unknown or it
 * is a day the calendar does not have. */
int bn_date_days(const bn_date *d, long *first, long *last);

/* "START", "MID", "END"; NULL for none. */
const char *bn_date_mod_name(bn_date_mod m);
/* Reads "START", "MID" or "END"; returns 1, or 0. */
int bn_date_mod_parse(const char *s, bn_date_mod *out);
/* The order of their TIMEX3 text: none, END, MID, START. */
int bn_date_mod_cmp(bn_date_mod a, bn_date_mod b);

/* Days since 1970-01-01 of a proleptic Gregorian date, and back. */
long bn_days_from_civil(int y, int m, int d);
void bn_civil_from_days(long days, int *y, int *m, int *d);
/* Days in month m of year y (y 0: any year, February 29 days). */
int bn_days_in_month(int y, int m);
/* 1 = Monday .. 7 = Sunday. */
int bn_weekday(long days);
/* The ISO week (its year and number) of a day. */
void bn_iso_week(long days, int *year, int *week);

/* A date counted from a day ("tuần trước", "tháng 10 năm ngoái", "hôm thứ
 * Hai"): the arithmetic of a relative expression, kept apart from the day
 * it counts from, which in a page without a publication date is known only
 * once other articles have given the page's days their year. */
typedef enum bn_shift_unit {
    BN_SHIFT_NONE,
    BN_SHIFT_DAY,     /* the day `count` days on */
    BN_SHIFT_WEEK,    /* the ISO week `count` weeks on */
    BN_SHIFT_MONTH,   /* the month `count` months on */
    BN_SHIFT_YEAR,    /* the year `count` years on; with `month` (and `day`) written, that month (day) in it */
    BN_SHIFT_WEEKDAY, /* day `weekday` of the week `count` weeks on (toward 0), else the nearest on or before
                       * (toward -1) or on or after (toward +1) */
} bn_shift_unit;

typedef struct bn_shift {
    bn_shift_unit unit;
    int count;
    int weekday;    /* WEEKDAY: 1-7 */
    int toward;     /* WEEKDAY: -1, 0, +1 */
    int month, day; /* YEAR: written, or 0 */
    int lag;        /* the day counted from is known only to within this many days after the one given
                     * (a page's writing, after its lead's day): a date only when all of them give it */
} bn_shift;

/* The date shift s gives counted from day `from` (days since 1970-01-01),
 * into *out; 0 when it gives none (a month and day that is no day of the
 * year, or days of its lag that give different dates). */
int bn_shift_apply(const bn_shift *s, long from, bn_date *out);
/* "day", "week", "month", "year", "weekday"; NULL for none. */
const char *bn_shift_unit_name(bn_shift_unit u);
/* Reads one of those names; returns 1, or 0. */
int bn_shift_unit_parse(const char *s, bn_shift_unit *out);
/* A total order (for comparing dates not yet counted). */
int bn_shift_cmp(const bn_shift *a, const bn_shift *b);

#endif
