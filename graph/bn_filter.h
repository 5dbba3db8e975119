/* Narrowing a resolved timeline to what a user asked for: events that
 * name given actors, fall in a date range, or are confident enough.  The
 * network built afterwards covers only what is left. */
#ifndef BN_FILTER_H
#define BN_FILTER_H

#include <stddef.h>

#include "bn_error.h"
#include "bn_timeline.h"

typedef struct bn_filter {
    const char *const *actors; /* ids or names, any case, with or without diacritics; an event must name one */
    size_t nactors;
    bn_date since, until;      /* a year, month or day, both ends included; year 0: open */
    double min_confidence;     /* 0: all */
} bn_filter;

/* Whether any part of the filter is set. */
int bn_filter_active(const bn_filter *f);

/* Reads a date bn_filter takes for since/until: YYYY, YYYY-MM or a real
 * day YYYY-MM-DD; returns 1, or 0 when s is none of them. */
int bn_filter_date_parse(const char *s, bn_date *out);

/* Keeps the events the filter lets through, and the actors that take part
 * in them.  An event's date is kept when any day of it lies in the range;
 * a date without a year is dropped by any range.  When an actor name
 * matches no actor, returns BN_ERR_ARGUMENT with err naming it. */
bn_status bn_timeline_filter(bn_timeline *tl, const bn_filter *f, bn_error *err);

#endif
