#include "bn_time_axis.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "bn_arena.h"

static bn_precision bin_precision(bn_bin bin)
{
    return bin == BN_BIN_WEEK ? BN_PREC_WEEK : bin == BN_BIN_MONTH ? BN_PREC_MONTH : BN_PREC_DAY;
}

/* The first day of the period of `prec` that holds `day`. */
static long period_start(long day, bn_precision prec)
{
    int y, m, d;
    bn_civil_from_days(day, &y, &m, &d);
    switch (prec) {
    case BN_PREC_DAY:
        return day;
    case BN_PREC_WEEK:
        return day - ((day + 3) % 7 + 7) % 7; /* the Monday; 1970-01-01 was a Thursday */
    case BN_PREC_MONTH:
        return bn_days_from_civil(y, m, 1);
    case BN_PREC_QUARTER:
        return bn_days_from_civil(y, (m - 1) / 3 * 3 + 1, 1);
    case BN_PREC_HALF:
        return bn_days_from_civil(y, (m - 1) / 6 * 6 + 1, 1);
    case BN_PREC_YEAR:
    default:
        return bn_days_from_civil(y, 1, 1);
    }
}

/* A date's column: its key and period, for the given bin. */
static bn_axis_col column_for(bn_bin bin, const bn_timex *d)
{
    long lo, hi;
    if (!bn_timex_days(d, &lo, &hi))
        return (bn_axis_col){BN_AXIS_UNKNOWN_YEAR, BN_PREC_YEAR, 0, 0};
    bn_precision p = d->value.precision > bin_precision(bin) ? d->value.precision : bin_precision(bin);
    return (bn_axis_col){period_start(lo, p), p, 0, 0};
}

/* By key, the coarser period first (a year before its first day). */
static int col_order(const void *va, const void *vb)
{
    const bn_axis_col *a = va, *b = vb;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return (int)b->prec - (int)a->prec;
}

static size_t distinct(bn_axis_col *v, size_t n)
{
    bn_sort(v, n, sizeof *v, col_order);
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (!w || col_order(&v[w - 1], &v[i]) != 0)
            v[w++] = v[i];
    return w;
}

/* Where a day stands in bin units. */
static double unit_of(bn_bin bin, long day)
{
    if (bin == BN_BIN_MONTH) {
        int y, m, d;
        bn_civil_from_days(day, &y, &m, &d);
        return (double)y * 12 + (m - 1) + (d - 1) / 31.0;
    }
    return bin == BN_BIN_WEEK ? (double)day / 7 : (double)day;
}

/* The first day of the unit at `u` (an integer). */
static long day_of_unit(bn_bin bin, double u)
{
    long k = lround(u);
    if (bin == BN_BIN_MONTH)
        return bn_days_from_civil((int)(k / 12), (int)(k % 12) + 1, 1);
    return bin == BN_BIN_WEEK ? k * 7 : k;
}

static size_t count_columns(const bn_timex *const *dates, size_t n, bn_bin bin, bn_axis_col *tmp)
{
    for (size_t i = 0; i < n; i++)
        tmp[i] = column_for(bin, dates[i]);
    return distinct(tmp, n);
}

static int push_mark(bn_axis_mark **v, size_t *n, size_t *cap, double t, long key)
{
    if (bn_grow((void **)v, cap, *n + 1, sizeof **v))
        return -1;
    (*v)[(*n)++] = (bn_axis_mark){t, key};
    return 0;
}

bn_status bn_time_axis_init(bn_time_axis *ax, const bn_timex *const *dates, size_t n, bn_bin want, double step)
{
    *ax = (bn_time_axis){.bin = want, .step = step};
    ax->cols = malloc((n + 1) * sizeof *ax->cols);
    if (!ax->cols)
        return BN_ERR_NOMEM;
    if (want == BN_BIN_AUTO) {
        ax->bin = BN_BIN_MONTH;
        for (bn_bin b = BN_BIN_DAY; b <= BN_BIN_WEEK; b++) {
            size_t k = count_columns(dates, n, b, ax->cols);
            k -= k && ax->cols[k - 1].key == BN_AXIS_UNKNOWN_YEAR;
            if (k <= BN_AXIS_MAX_DAY_COLUMNS) {
                ax->bin = b;
                break;
            }
        }
    }
    ax->ncols = count_columns(dates, n, ax->bin, ax->cols);
    size_t bcap = 0, tcap = 0;
    double base = 0, u0 = 0, shift = 0;
    for (size_t c = 0; c < ax->ncols; c++) {
        bn_axis_col *col = &ax->cols[c];
        int unknown = col->key == BN_AXIS_UNKNOWN_YEAR;
        double u = unknown ? 0 : unit_of(ax->bin, col->key);
        if (c == 0) {
            base = step / 2;
            u0 = u;
            col->t = base;
            col->run = 0;
            continue;
        }
        bn_axis_col *prev = col - 1;
        double up = unit_of(ax->bin, prev->key);
        if (unknown || u - up > BN_AXIS_MAX_GAP) { /* a break, then a new run */
            double mid = prev->t + step / 2 + BN_AXIS_BREAK / 2.0;
            if (push_mark(&ax->breaks, &ax->nbreaks, &bcap, mid, unknown ? -1 : col->key - prev->key))
                return BN_ERR_NOMEM;
            base = col->t = prev->t + step + BN_AXIS_BREAK;
            u0 = u;
            shift = 0;
            col->run = prev->run + 1;
            continue;
        }
        col->run = prev->run;
        col->t = base + (u - u0) * step + shift;
        if (col->t < prev->t + step) { /* a period and a coarser one beginning on the same day */
            shift += prev->t + step - col->t;
            col->t = prev->t + step;
        }
        /* the units in between that hold no event */
        for (double v = floor(up) + 1; v < u - 1e-9; v++)
            if (v > up + 1e-9 && push_mark(&ax->ticks, &ax->nticks, &tcap, base + (v - u0) * step + shift,
                                           day_of_unit(ax->bin, v)))
                return BN_ERR_NOMEM;
    }
    ax->length = ax->ncols ? ax->cols[ax->ncols - 1].t + step / 2 : 0;
    return BN_OK;
}

void bn_time_axis_destroy(bn_time_axis *ax)
{
    free(ax->cols);
    free(ax->breaks);
    free(ax->ticks);
    *ax = (bn_time_axis){0};
}

size_t bn_time_axis_column(const bn_time_axis *ax, const bn_timex *d)
{
    bn_axis_col key = column_for(ax->bin, d);
    size_t a = 0, b = ax->ncols;
    while (a < b) {
        size_t mid = (a + b) / 2;
        if (col_order(&ax->cols[mid], &key) < 0)
            a = mid + 1;
        else
            b = mid;
    }
    return a < ax->ncols ? a : ax->ncols - 1;
}

void bn_axis_label(long key, bn_precision prec, char *buf, size_t size)
{
    if (key == BN_AXIS_UNKNOWN_YEAR) {
        snprintf(buf, size, "năm chưa rõ");
        return;
    }
    int y, m, d;
    bn_civil_from_days(key, &y, &m, &d);
    switch (prec) {
    case BN_PREC_DAY:
        snprintf(buf, size, "%d/%d/%d", d, m, y);
        return;
    case BN_PREC_WEEK: { /* ISO: the week's Thursday gives the year */
        int ty, tm, td;
        long thursday = period_start(key, BN_PREC_WEEK) + 3;
        bn_civil_from_days(thursday, &ty, &tm, &td);
        snprintf(buf, size, "W%ld/%d", (thursday - bn_days_from_civil(ty, 1, 1)) / 7 + 1, ty);
        return;
    }
    case BN_PREC_MONTH:
        snprintf(buf, size, "%d/%d", m, y);
        return;
    case BN_PREC_QUARTER:
        snprintf(buf, size, "Q%d/%d", (m - 1) / 3 + 1, y);
        return;
    case BN_PREC_HALF:
        snprintf(buf, size, "H%d/%d", (m - 1) / 6 + 1, y);
        return;
    case BN_PREC_YEAR:
    default:
        snprintf(buf, size, "%d", y);
        return;
    }
}

void bn_axis_gap_label(long days, char *buf, size_t size)
{
    if (days < 0)
        snprintf(buf, size, "≈");
    else if (days >= 730)
        snprintf(buf, size, "≈ %ld năm", lround(days / 365.25));
    else if (days >= 61)
        snprintf(buf, size, "≈ %ld tháng", lround(days / 30.44));
    else if (days >= 14)
        snprintf(buf, size, "≈ %ld tuần", lround(days / 7.0));
    else
        snprintf(buf, size, "≈ %ld ngày", days);
}
