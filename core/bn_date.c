#include "bn_date.h"

#include <stdio.h>
#include <string.h>

bn_date bn_date_day(int year, int month, int day)
{
    return (bn_date){.year = year, .month = month, .day = day, .precision = BN_PREC_DAY};
}

bn_date bn_date_month(int year, int month)
{
    return (bn_date){.year = year, .month = month, .precision = BN_PREC_MONTH};
}

bn_date bn_date_year(int year)
{
    return (bn_date){.year = year, .precision = BN_PREC_YEAR};
}

bn_date bn_date_week(int year, int week)
{
    return (bn_date){.year = year, .week = week, .precision = BN_PREC_WEEK};
}

bn_date bn_date_quarter(int year, int quarter)
{
    return (bn_date){.year = year, .part = quarter, .precision = BN_PREC_QUARTER};
}

bn_date bn_date_half(int year, int half)
{
    return (bn_date){.year = year, .part = half, .precision = BN_PREC_HALF};
}

bn_date bn_date_of_days(long days)
{
    int y, m, d;
    bn_civil_from_days(days, &y, &m, &d);
    return bn_date_day(y, m, d);
}

/* ---- TIMEX3 text ------------------------------------------------------ */

/* The n digits at s as a number, or -1. */
static int digits(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int bn_date_parse(const char *s, size_t len, bn_date *out)
{
    if (!s || len < 4)
        return 0;
    int unknown = memcmp(s, "XXXX", 4) == 0;
    int y = unknown ? 0 : digits(s, 4);
    if (y == 0 && !unknown) /* "0000": no year of ours */
        return 0;
    if (y < 0)
        return 0;
    bn_date d = {0};
    if (len == 4) {
        d = bn_date_year(y);
    } else if (s[4] != '-') {
        return 0;
    } else if (len == 7 && (s[5] == 'Q' || s[5] == 'H')) {
        int p = digits(s + 6, 1);
        if (p < 1 || p > (s[5] == 'Q' ? 4 : 2))
            return 0;
        d = s[5] == 'Q' ? bn_date_quarter(y, p) : bn_date_half(y, p);
    } else if (len == 8 && s[5] == 'W') {
        int w = digits(s + 6, 2);
        if (w < 1 || w > 53)
            return 0;
        d = bn_date_week(y, w);
    } else if (len == 7 || (len == 10 && s[7] == '-')) {
        int m = digits(s + 5, 2), day = len == 10 ? digits(s + 8, 2) : 0;
        if (m < 1 || m > 12 || (len == 10 && (day < 1 || day > 31)))
            return 0;
        d = len == 10 ? bn_date_day(y, m, day) : bn_date_month(y, m);
    } else {
        return 0;
    }
    if (unknown && d.precision != BN_PREC_DAY && d.precision != BN_PREC_MONTH)
        return 0;
    *out = d;
    return 1;
}

int bn_date_parse_day(const char *s, bn_date *out)
{
    bn_date d;
    if (!s || !bn_date_parse(s, strlen(s), &d) || d.precision != BN_PREC_DAY || !bn_date_real_day(&d))
        return 0;
    *out = d;
    return 1;
}

/* bn_date_format's fast way for fields that printf would write as plain
 * digits (none negative): 0 when it does not apply. */
static int format_digits(const bn_date *d, char *buf)
{
    int y = d->year % 10000, m = d->month % 100, day = d->day % 100, w = d->week % 100, part = d->part % 10;
    if (y < 0 || m < 0 || day < 0 || w < 0 || part < 0)
        return 0;
    char *o = buf;
    if (d->year) {
        *o++ = (char)('0' + y / 1000);
        *o++ = (char)('0' + y / 100 % 10);
        *o++ = (char)('0' + y / 10 % 10);
        *o++ = (char)('0' + y % 10);
    } else {
        memcpy(o, "XXXX", 4);
        o += 4;
    }
    switch (d->precision) {
    case BN_PREC_DAY:
        *o++ = '-';
        *o++ = (char)('0' + m / 10);
        *o++ = (char)('0' + m % 10);
        *o++ = '-';
        *o++ = (char)('0' + day / 10);
        *o++ = (char)('0' + day % 10);
        break;
    case BN_PREC_WEEK:
        memcpy(o, "-W", 2);
        o += 2;
        *o++ = (char)('0' + w / 10);
        *o++ = (char)('0' + w % 10);
        break;
    case BN_PREC_MONTH:
        *o++ = '-';
        *o++ = (char)('0' + m / 10);
        *o++ = (char)('0' + m % 10);
        break;
    case BN_PREC_QUARTER:
    case BN_PREC_HALF:
        *o++ = '-';
        *o++ = d->precision == BN_PREC_QUARTER ? 'Q' : 'H';
        *o++ = (char)('0' + part);
        break;
    case BN_PREC_YEAR:
    default:
        break;
    }
    *o = '\0';
    return 1;
}

const char *bn_date_format(const bn_date *d, char buf[BN_TIMEX_MAX])
{
    if (format_digits(d, buf))
        return buf;
    char year[8] = "XXXX";
    if (d->year)
        snprintf(year, sizeof year, "%04d", d->year % 10000);
    switch (d->precision) {
    case BN_PREC_DAY:
        snprintf(buf, BN_TIMEX_MAX, "%s-%02d-%02d", year, d->month % 100, d->day % 100);
        break;
    case BN_PREC_WEEK:
        snprintf(buf, BN_TIMEX_MAX, "%s-W%02d", year, d->week % 100);
        break;
    case BN_PREC_MONTH:
        snprintf(buf, BN_TIMEX_MAX, "%s-%02d", year, d->month % 100);
        break;
    case BN_PREC_QUARTER:
    case BN_PREC_HALF:
        snprintf(buf, BN_TIMEX_MAX, "%s-%c%d", year, d->precision == BN_PREC_QUARTER ? 'Q' : 'H', d->part % 10);
        break;
    case BN_PREC_YEAR:
    default:
        snprintf(buf, BN_TIMEX_MAX, "%s", year);
        break;
    }
    return buf;
}

/* ---- order -------------------------------------------------------------- */

uint64_t bn_date_key(const bn_date *d)
{
    /* after the year, the text goes on with nothing (a year), a month's
     * digits, 'H', 'Q' or 'W': in that order */
    uint64_t rank, a = 0, b = 0;
    switch (d->precision) {
    case BN_PREC_YEAR:
        rank = 0;
        break;
    case BN_PREC_MONTH:
    case BN_PREC_DAY:
        rank = 1, a = (uint64_t)d->month, b = d->precision == BN_PREC_DAY ? (uint64_t)d->day : 0;
        break;
    case BN_PREC_HALF:
        rank = 2, a = (uint64_t)d->part;
        break;
    case BN_PREC_QUARTER:
        rank = 3, a = (uint64_t)d->part;
        break;
    case BN_PREC_WEEK:
    default:
        rank = 4, a = (uint64_t)d->week;
        break;
    }
    uint64_t year = d->year ? (uint64_t)(d->year % 10000) : 0xffff; /* "XXXX" after the digits */
    return year << 24 | rank << 16 | (a & 0xff) << 8 | (b & 0xff);
}

int bn_date_cmp(const bn_date *a, const bn_date *b)
{
    uint64_t x = bn_date_key(a), y = bn_date_key(b);
    return (x > y) - (x < y);
}

int bn_date_equal(const bn_date *a, const bn_date *b)
{
    return bn_date_key(a) == bn_date_key(b);
}

/* ---- days --------------------------------------------------------------- */

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int bn_days_in_month(int y, int m)
{
    static const int md[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return md[m - 1] + (m == 2 && (y == 0 || is_leap(y)));
}

int bn_date_real_day(const bn_date *d)
{
    return d->precision == BN_PREC_DAY && d->year >= 1 && d->month >= 1 && d->month <= 12 && d->day >= 1 &&
           d->day <= bn_days_in_month(d->year, d->month);
}

long bn_days_from_civil(int y, int m, int d)
{
    /* H. Hinnant's algorithm */
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void bn_civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int bn_weekday(long days)
{
    long w = (days + 3) % 7; /* 1970-01-01 was a Thursday */
    if (w < 0)
        w += 7;
    return (int)w + 1;
}

void bn_iso_week(long days, int *year, int *week)
{
    long thursday = days - bn_weekday(days) + 4; /* the week's Thursday decides its year */
    int y, m, d;
    bn_civil_from_days(thursday, &y, &m, &d);
    *year = y;
    *week = (int)((thursday - bn_days_from_civil(y, 1, 1)) / 7) + 1;
}

static int shift_one(const bn_shift *s, long from, bn_date *out);

int bn_shift_apply(const bn_shift *s, long from, bn_date *out)
{
    if (!shift_one(s, from, out))
        return 0;
    for (long lag = 1; lag <= s->lag; lag++) {
        bn_date other;
        if (!shift_one(s, from + lag, &other) || !bn_date_equal(out, &other))
            return 0;
    }
    return 1;
}

static int shift_one(const bn_shift *s, long from, bn_date *out)
{
    int y, m, d;
    bn_civil_from_days(from, &y, &m, &d);
    switch (s->unit) {
    case BN_SHIFT_DAY:
        *out = bn_date_of_days(from + s->count);
        return 1;
    case BN_SHIFT_WEEK: {
        int wy, wk;
        bn_iso_week(from + 7L * s->count, &wy, &wk);
        *out = bn_date_week(wy, wk);
        return 1;
    }
    case BN_SHIFT_MONTH: {
        int mi = y * 12 + (m - 1) + s->count;
        *out = bn_date_month(mi / 12, mi % 12 + 1);
        return 1;
    }
    case BN_SHIFT_YEAR:
        if (s->month && s->day) {
            if (s->day > bn_days_in_month(y + s->count, s->month))
                return 0;
            *out = bn_date_day(y + s->count, s->month, s->day);
        } else if (s->month) {
            *out = bn_date_month(y + s->count, s->month);
        } else {
            *out = bn_date_year(y + s->count);
        }
        return 1;
    case BN_SHIFT_WEEKDAY: {
        int wd = bn_weekday(from);
        long day = s->toward > 0   ? from + (s->weekday - wd + 7) % 7
                   : s->toward < 0 ? from - (wd - s->weekday + 7) % 7
                                   : from - wd + s->weekday + 7L * s->count;
        *out = bn_date_of_days(day);
        return 1;
    }
    case BN_SHIFT_NONE:
        break;
    }
    return 0;
}

static const char *const shift_units[] = {NULL, "day", "week", "month", "year", "weekday"};

const char *bn_shift_unit_name(bn_shift_unit u)
{
    return (unsigned)u < sizeof shift_units / sizeof *shift_units ? shift_units[u] : NULL;
}

int bn_shift_unit_parse(const char *s, bn_shift_unit *out)
{
    for (size_t i = 1; i < sizeof shift_units / sizeof *shift_units; i++)
        if (strcmp(s, shift_units[i]) == 0) {
            *out = (bn_shift_unit)i;
            return 1;
        }
    return 0;
}

int bn_shift_cmp(const bn_shift *a, const bn_shift *b)
{
    const int x[] = {(int)a->unit, a->count, a->weekday, a->toward, a->month, a->day, a->lag};
    const int y[] = {(int)b->unit, b->count, b->weekday, b->toward, b->month, b->day, b->lag};
    for (size_t i = 0; i < sizeof x / sizeof *x; i++)
        if (x[i] != y[i])
            return x[i] < y[i] ? -1 : 1;
    return 0;
}

/* The day before the first of month m of year y (m may be 13). */
static long before_month(int y, int m)
{
    return (m > 12 ? bn_days_from_civil(y + 1, 1, 1) : bn_days_from_civil(y, m, 1)) - 1;
}

int bn_date_days(const bn_date *d, long *first, long *last)
{
    int y = d->year;
    if (!y)
        return 0;
    switch (d->precision) {
    case BN_PREC_DAY:
        if (!bn_date_real_day(d))
            return 0;
        *first = *last = bn_days_from_civil(y, d->month, d->day);
        return 1;
    case BN_PREC_WEEK: { /* ISO: week 1 holds the year's first Thursday */
        long jan4 = bn_days_from_civil(y, 1, 4);
        long monday = jan4 - ((jan4 + 3) % 7 + 7) % 7; /* 1970-01-01 was a Thursday */
        *first = monday + 7L * (d->week - 1);
        *last = *first + 6;
        return 1;
    }
    case BN_PREC_MONTH:
        *first = bn_days_from_civil(y, d->month, 1);
        *last = before_month(y, d->month + 1);
        return 1;
    case BN_PREC_QUARTER:
    case BN_PREC_HALF: {
        int months = d->precision == BN_PREC_HALF ? 6 : 3;
        *first = bn_days_from_civil(y, (d->part - 1) * months + 1, 1);
        *last = before_month(y, d->part * months + 1);
        return 1;
    }
    case BN_PREC_YEAR:
        *first = bn_days_from_civil(y, 1, 1);
        *last = bn_days_from_civil(y, 12, 31);
        return 1;
    }
    return 0;
}

/* ---- mod ------------------------------------------------------------------ */

static const char *const mod_names[] = {NULL, "START", "MID", "END"};

const char *bn_date_mod_name(bn_date_mod m)
{
    return (unsigned)m < sizeof mod_names / sizeof mod_names[0] ? mod_names[m] : NULL;
}

int bn_date_mod_parse(const char *s, bn_date_mod *out)
{
    for (unsigned i = 1; s && i < sizeof mod_names / sizeof mod_names[0]; i++)
        if (strcmp(s, mod_names[i]) == 0) {
            *out = (bn_date_mod)i;
            return 1;
        }
    return 0;
}

int bn_date_mod_cmp(bn_date_mod a, bn_date_mod b)
{
    static const int rank[] = {0, 3, 2, 1}; /* "", "END", "MID", "START" */
    return (rank[a] > rank[b]) - (rank[a] < rank[b]);
}
