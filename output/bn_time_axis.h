/* The time axis of timeline.svg: which columns there are, where each
 * stands along time, and where the axis is broken.
 *
 * A column holds the events of one period: a day, an ISO week or a month
 * (the bin), or a coarser period when that is all a date says (a year,
 * "1936"; a quarter).  Columns close in time form a run; within a run a
 * column stands at a distance from the run's first proportional to the
 * time between them (one column step per bin unit).  Runs further apart
 * than BN_AXIS_MAX_GAP units are separated by a break of fixed width,
 * drawn "≈" with the length of the gap.  Dates without a known year go to
 * a last column, after a break of its own.  Pure arithmetic: no Graphviz,
 * so that it can be tested alone. */
#ifndef BN_TIME_AXIS_H
#define BN_TIME_AXIS_H

#include <stddef.h>

#include "bn_dot.h"
#include "bn_model.h"

enum {
    BN_AXIS_MAX_DAY_COLUMNS = 40, /* auto bin: days while there are at most this many, then weeks, then months */
    BN_AXIS_MAX_GAP = 2,          /* bin units: a larger gap between two columns breaks the axis */
    BN_AXIS_BREAK = 56,           /* points: the width of a break */
};

#define BN_AXIS_UNKNOWN_YEAR 0x7fffffffL /* the key of the column of dates without a known year */

typedef struct bn_axis_col {
    long key;           /* the first day of its period; BN_AXIS_UNKNOWN_YEAR: no known year */
    bn_precision prec;  /* the period: the bin's, or coarser */
    double t;           /* its centre along time, in points from the axis start */
    size_t run;
} bn_axis_col;

/* A break between two runs, or a unit of a run that holds no event. */
typedef struct bn_axis_mark {
    double t;           /* its centre along time */
    long key;           /* a tick: the first day of its period; a break: the days skipped (-1 before the unknown year) */
} bn_axis_mark;

typedef struct bn_time_axis {
    bn_bin bin;         /* the bin used (never BN_BIN_AUTO) */
    double step;        /* points between the centres of two adjacent units */
    bn_axis_col *cols;
    size_t ncols;
    bn_axis_mark *breaks;
    size_t nbreaks;
    bn_axis_mark *ticks; /* empty units inside runs */
    size_t nticks;
    double length;      /* of the whole axis */
} bn_time_axis;

/* Columns for the given dates (dates without a known year included).
 * `want`: the bin, or BN_BIN_AUTO; `step`: the width of one unit, at
 * least a box's.  BN_ERR_NOMEM or BN_OK; destroy it either way. */
bn_status bn_time_axis_init(bn_time_axis *ax, const bn_timex *const *dates, size_t n, bn_bin want, double step);
void bn_time_axis_destroy(bn_time_axis *ax);

/* The column of a date given to init. */
size_t bn_time_axis_column(const bn_time_axis *ax, const bn_timex *d);

/* The label of a period by its precision: "12/1/2022", "W15/2021",
 * "3/2021", "Q2/2021", "H1/2021", "1936"; "năm chưa rõ". */
void bn_axis_label(long key, bn_precision prec, char *buf, size_t size);

/* The length of a break: "≈ 10 năm", "≈ 3 tháng", "≈ 5 tuần", "≈ 9 ngày". */
void bn_axis_gap_label(long days, char *buf, size_t size);

#endif
