/* Years across articles: "cuộc họp Hội đồng Nga-NATO diễn ra hôm 12/1" in
 * one article, "vào ngày 12/1/2022" in another. */
#include "bn_resolve.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* A day of a known year, for the unknown years of other articles. */
typedef struct dated_day {
    int md;        /* month * 100 + day */
    int year;
    size_t event;
} dated_day;

static int dated_order(const void *va, const void *vb)
{
    const dated_day *a = va, *b = vb;
    if (a->md != b->md)
        return a->md - b->md;
    return a->year - b->year;
}

static int is_day(const bn_timex *t)
{
    return t->value.precision == BN_PREC_DAY;
}

/* A year known, found or given: not XXXX, nor a count still to make. */
static int known_year(const bn_timex *t)
{
    return t->year_source != BN_YEAR_UNKNOWN && t->year_source != BN_YEAR_DEFERRED;
}

static int unknown_day(const bn_timex *t)
{
    return is_day(t) && t->year_source == BN_YEAR_UNKNOWN && !t->value.year;
}

static int unknown_month(const bn_timex *t)
{
    return t->value.precision == BN_PREC_MONTH && t->year_source == BN_YEAR_UNKNOWN && !t->value.year;
}

static int fits(const bn_timex *t, int y)
{
    return (!t->year_lo || y >= t->year_lo) && (!t->year_hi || y <= t->year_hi);
}

/* Whether events a and b name one person: on one day and month, a
 * person's meeting and their statement are of one year ("Putin gặp
 * Lukashenko hôm 12/4", "ông Putin khẳng định trong họp báo ngày 12-4"). */
static int shares_person(const bn_timeline *tl, const bn_event *a, const bn_event *b)
{
    for (size_t i = 0; i < a->nactors; i++) {
        long k = bn_timeline_actor(tl, a->actors[i].id);
        if (k < 0 || tl->actors[k].kind != BN_KIND_PERSON)
            continue;
        for (size_t j = 0; j < b->nactors; j++)
            if (strcmp(a->actors[i].id, b->actors[j].id) == 0)
                return 1;
    }
    return 0;
}

/* Gives event e the year y; a span's end moves with it. */
static void set_year(bn_timex *t, int y)
{
    t->value.year = y;
    if (t->has_end && !t->end.year) {
        const bn_date *v = &t->value, *e = &t->end;
        int next = e->month * 100 + e->day < v->month * 100 + v->day; /* "28/12-2/1": the end is in the next year */
        t->end.year = y + next;
    }
    t->year_source = BN_YEAR_CROSS;
    t->year_lo = t->year_hi = 0;
}

/* Whether day t of article k is history for it: more than a year
 * before its writing or after it (publication date, else the inferred
 * range).  "vào ngày 5/9/1962" in a page of 2017 lends no other page's
 * "ngày 5/9" its year. */
static int history(const bn_timeline *tl, size_t k, const bn_timex *t)
{
    const bn_tl_article *a = &tl->articles[k];
    const bn_date *from = a->dct.year ? &a->dct : &a->written_from, *to = a->dct.year ? &a->dct : &a->written_to;
    long day = bn_days_from_civil(t->value.year, t->value.month, t->value.day);
    long lo = from->year ? bn_days_from_civil(from->year, from->month ? from->month : 1, from->day ? from->day : 1)
                         : LONG_MIN;
    long hi = to->year ? bn_days_from_civil(to->year, to->month ? to->month : 12, to->day ? to->day : 28) : LONG_MAX;
    return (lo != LONG_MIN && day < lo - 366) || (hi != LONG_MAX && day > hi + 366);
}

/* The days of a known year, sorted by month and day; how many. */
static size_t dated_days(const bn_timeline *tl, dated_day *days)
{
    size_t nd = 0;
    for (size_t i = 0; i < tl->nevents; i++) {
        const bn_timex *t = &tl->events[i].ev.date;
        if (is_day(t) && known_year(t) && !history(tl, tl->events[i].origin, t))
            days[nd++] = (dated_day){t->value.month * 100 + t->value.day, t->value.year, i};
    }
    bn_sort(days, nd, sizeof *days, dated_order);
    return nd;
}

/* The first of days[0..nd) of month and day md (nd when none). */
static size_t first_of(const dated_day *days, size_t nd, int md)
{
    size_t lo = 0, hi = nd;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (days[mid].md < md)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* How event o, of day d, may give event e, of a day without a year
 * (`date`), its year: another article's, a year the date allows, and
 * naming one person (any types: LINK_STRONG), or of one family with two
 * actors in common (LINK_STRONG) or one (LINK_WEAK: "Nga" on a 19 April
 * of 2021 and of 2022); 0 when it may not. */
enum { LINK_WEAK = 1, LINK_STRONG = 2 };

static int may_give(const bn_timeline *tl, const bn_tl_event *e, const bn_timex *date, const dated_day *d)
{
    const bn_tl_event *o = &tl->events[d->event];
    if (o->origin == e->origin || !fits(date, d->year))
        return 0;
    if (shares_person(tl, &e->ev, &o->ev))
        return LINK_STRONG;
    if (bn_event_family(o->ev.type) != bn_event_family(e->ev.type))
        return 0;
    int common = 0;
    for (size_t i = 0; i < e->ev.nactors && common < 2; i++)
        for (size_t j = 0; j < o->ev.nactors; j++)
            if (strcmp(e->ev.actors[i].id, o->ev.actors[j].id) == 0) {
                common++;
                break;
            }
    return common >= 2 ? LINK_STRONG : common ? LINK_WEAK : 0;
}

/* The one year, of those event e's date admits, that the corpus knows
 * month and day md in (days[f..nd)), 0 when none or several; *others:
 * how many other articles know it in that year, counted to two. */
static int admitted_year(const bn_timeline *tl, const bn_tl_event *e, const dated_day *days, size_t f, size_t nd,
                         int md, size_t *others)
{
    int year = 0;
    size_t other = SIZE_MAX;
    *others = 0;
    for (size_t d = f; d < nd && days[d].md == md; d++) {
        if (!fits(&e->ev.date, days[d].year))
            continue;
        if (year && days[d].year != year) {
            *others = 0;
            return 0;
        }
        year = days[d].year;
        size_t from = tl->events[days[d].event].origin;
        if (from != e->origin && from != other && *others < 2) {
            (*others)++;
            other = from;
        }
    }
    return year;
}

/* Notes that article k is offered `year`: 0 none yet, -1 two years. */
static void offer(int *offered, size_t k, int year)
{
    if (year < 0 || (offered[k] && offered[k] != year))
        offered[k] = -1;
    else if (!offered[k])
        offered[k] = year;
}

/* "hồi tháng 12/2025" ... "hôm 28/1", and no other article dates it: an
 * article whose days all still lack a year and that names a past day
 * as the only bound of its writing was written within a year after it;
 * each day takes the one year that puts it there (inferred).  Whether
 * any did. */
static int years_since(bn_timeline *tl)
{
    int done = 0;
    unsigned char *dated = calloc(tl->narticles ? tl->narticles : 1, 1);
    if (!dated)
        return 0;
    for (size_t i = 0; i < tl->nevents; i++) {
        const bn_timex *t = &tl->events[i].ev.date;
        if (is_day(t) && known_year(t) && t->year_source != BN_YEAR_TEXT)
            dated[tl->events[i].origin] = 1;
    }
    for (size_t i = 0; i < tl->nevents; i++) {
        bn_tl_event *e = &tl->events[i];
        const bn_date *since = &tl->articles[e->origin].written_since;
        if (!unknown_day(&e->ev.date) || !since->year || dated[e->origin])
            continue;
        long lo = bn_days_from_civil(since->year, since->month, since->day), hi = lo + 365;
        int year = 0, several = 0;
        for (int y = since->year - 1; y <= since->year + 1; y++) {
            if (e->ev.date.value.month == 2 && e->ev.date.value.day == 29 && bn_days_in_month(y, 2) < 29)
                continue;
            long t = bn_days_from_civil(y, e->ev.date.value.month, e->ev.date.value.day);
            if (t >= lo - 180 && t <= hi && fits(&e->ev.date, y)) {
                several |= year != 0;
                year = y;
            }
        }
        if (year && !several) {
            set_year(&e->ev.date, year);
            e->ev.date.year_source = BN_YEAR_INFERRED;
            done = 1;
        }
    }
    free(dated);
    return done;
}

/* Once every year is given: an article whose days, as extracted without
 * a year, the other articles' days now offer two different years took
 * one by the order years spread in: it gets none (its extracted dates
 * back). */
static void undo_torn(bn_timeline *tl, dated_day *days, int *offered, const bn_timex *orig)
{
    size_t n = tl->nevents, nd = dated_days(tl, days);
    for (size_t k = 0; k < tl->narticles; k++)
        offered[k] = 0;
    for (size_t i = 0; i < n; i++) {
        const bn_tl_event *e = &tl->events[i];
        if (e->ev.date.year_source != BN_YEAR_CROSS || !unknown_day(&orig[i]))
            continue;
        int md = orig[i].value.month * 100 + orig[i].value.day;
        for (size_t d = first_of(days, nd, md); d < nd && days[d].md == md; d++)
            if (may_give(tl, e, &orig[i], &days[d]))
                offer(offered, e->origin, days[d].year);
    }
    for (size_t i = 0; i < n; i++)
        if (offered[tl->events[i].origin] < 0 && tl->events[i].ev.date.year_source == BN_YEAR_CROSS)
            tl->events[i].ev.date = orig[i];
}

/* Day t (a month and day, its year unknown) in the year that puts it
 * nearest a day with its year of events [lo, hi) of one article, within
 * 90 days; LONG_MIN when there is none. */
static long nearest_day(const bn_timeline *tl, size_t lo, size_t hi, const bn_date *t)
{
    long from = LONG_MIN, best = 91;
    for (size_t j = lo; j < hi; j++) {
        const bn_timex *o = &tl->events[j].ev.date;
        if (!is_day(o) || !known_year(o) || history(tl, tl->events[j].origin, o))
            continue;
        long day = bn_days_from_civil(o->value.year, o->value.month, o->value.day);
        for (int y = o->value.year - 1; y <= o->value.year + 1; y++) {
            long d = bn_days_from_civil(y, t->month, t->day);
            if (t->day <= bn_days_in_month(y, t->month) && labs(d - day) < best)
                best = labs(d - day), from = d;
        }
    }
    return from;
}

/* "tuần trước" in a page without a publication date, whose lead's day
 * (`value`, year unknown when extracted) now has a year from the page's
 * other days (nearest_day).  Counted from that day, and from each of the
 * days of its lag after it (the page was written on one of them), the
 * expression takes the date all give; else, or with no such year, the
 * event is dropped, as it would have been with a publication date that
 * gave no date.  Returns how many events are kept. */
static size_t count_deferred(bn_timeline *tl)
{
    size_t n = tl->nevents, kept = 0;
    for (size_t lo = 0, hi; lo < n; lo = hi) {
        for (hi = lo; hi < n && tl->events[hi].origin == tl->events[lo].origin; hi++)
            ;
        for (size_t i = lo; i < hi; i++) {
            bn_timex *t = &tl->events[i].ev.date;
            if (t->year_source == BN_YEAR_DEFERRED) {
                long from = nearest_day(tl, lo, hi, &t->value);
                bn_date on;
                if (from == LONG_MIN || !bn_shift_apply(&t->deferred, from, &on))
                    continue; /* dropped */
                t->value = on;
                t->year_source = BN_YEAR_INFERRED;
                memset(&t->deferred, 0, sizeof t->deferred);
            }
            tl->events[kept++] = tl->events[i];
        }
    }
    return kept;
}

/* "cuộc họp Hội đồng Nga-NATO diễn ra hôm 12/1" in one article, "vào ngày
 * 12/1/2022" in another: a day without a year takes the year of the same
 * day and month in another article when the events are of one family and
 * share an actor, or of any types and name one person, or, with no such
 * link, when two other articles know the day in one year only and the
 * article's own bounds (its offices) admit it; and every such day agrees
 * on the year.  The article's other days without a year then
 * take the year that puts them nearest a day so fixed, within 90 days;
 * repeated until nothing changes. */
bn_status bn_resolve_years(bn_timeline *tl)
{
    size_t n = tl->nevents;
    dated_day *days = malloc((n ? n : 1) * sizeof *days);
    long *anchor = malloc((tl->narticles ? tl->narticles : 1) * sizeof *anchor);
    int *offered = malloc((tl->narticles ? tl->narticles : 1) * sizeof *offered); /* 0 none, -1 several */
    int *pick = malloc((n ? n : 1) * sizeof *pick);
    bn_timex *orig = malloc((n ? n : 1) * sizeof *orig); /* the dates as extracted */
    unsigned char *sure = malloc(tl->narticles ? tl->narticles : 1);
    size_t *giver = malloc((tl->narticles ? tl->narticles : 1) * sizeof *giver); /* the one article offering a weak link */
    if (!days || !anchor || !offered || !pick || !orig || !sure || !giver) {
        free(sure);
        free(giver);
        free(orig);
        free(days);
        free(anchor);
        free(offered);
        free(pick);
        return BN_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++)
        orig[i] = tl->events[i].ev.date;
    for (int changed = 1, hinted = 0; changed || !hinted;) {
        if (!changed) { /* other articles have said what they can */
            hinted = 1;
            if (!years_since(tl))
                break;
        }
        changed = 0;
        size_t nd = dated_days(tl, days);
        for (size_t k = 0; k < tl->narticles; k++) {
            anchor[k] = LONG_MIN;
            offered[k] = 0;
            sure[k] = 0;
            giver[k] = SIZE_MAX;
        }
        /* the year each day without one is offered; an article offered
         * two years by its days takes none of them (an article is of one
         * period: Shoigu speaks on 22/4 of 2021 and of 2022).  A weak link
         * (one actor in common) is a coin toss on a corpus of several
         * periods: the article takes its year only when the corpus knows
         * that day in one year only, or when two articles offer it, or
         * along a strong link */
        for (size_t i = 0; i < n; i++) {
            bn_tl_event *e = &tl->events[i];
            pick[i] = 0;
            if (!unknown_day(&e->ev.date))
                continue;
            int md = e->ev.date.value.month * 100 + e->ev.date.value.day;
            int year = 0, clash = 0;
            size_t f = first_of(days, nd, md);
            size_t others; /* other articles that know the day in that year: 0, 1, 2 for two or more */
            int one_year = admitted_year(tl, e, days, f, nd, md, &others);
            for (size_t d = f; d < nd && days[d].md == md; d++) {
                int how = may_give(tl, e, &e->ev.date, &days[d]);
                if (!how)
                    continue;
                clash |= year && year != days[d].year;
                year = days[d].year;
                size_t from = tl->events[days[d].event].origin;
                if (how == LINK_STRONG || one_year)
                    sure[e->origin] = 1;
                else if (giver[e->origin] == SIZE_MAX)
                    giver[e->origin] = from;
                else if (giver[e->origin] != from)
                    sure[e->origin] = 1; /* two articles say so */
            }
            /* no link, but two other articles know the day, in one year
             * only, which the article's own bounds admit */
            if (!year && one_year && others >= 2 && e->ev.date.year_lo && e->ev.date.year_hi) {
                year = one_year;
                sure[e->origin] = 1;
            }
            if (!year)
                continue;
            offer(offered, e->origin, clash ? -1 : year);
            pick[i] = year;
        }
        for (size_t i = 0; i < n; i++) {
            bn_tl_event *e = &tl->events[i];
            if (!pick[i] || offered[e->origin] != pick[i] || !sure[e->origin])
                continue;
            int md = e->ev.date.value.month * 100 + e->ev.date.value.day;
            set_year(&e->ev.date, pick[i]);
            anchor[e->origin] = bn_days_from_civil(pick[i], md / 100, md % 100);
            changed = 1;
        }
        /* the article's other days, near the day fixed, and its months
         * ("cuối tháng 3" beside "hôm 19/4": March of that year) */
        for (size_t i = 0; i < n; i++) {
            bn_tl_event *e = &tl->events[i];
            if (!(unknown_day(&e->ev.date) || unknown_month(&e->ev.date)) || anchor[e->origin] == LONG_MIN)
                continue;
            int ay, am, ad, m = e->ev.date.value.month, d = is_day(&e->ev.date) ? e->ev.date.value.day : 15;
            bn_civil_from_days(anchor[e->origin], &ay, &am, &ad);
            for (int y = ay - 1; y <= ay + 1; y++) {
                long t = bn_days_from_civil(y, m, d);
                if (labs(t - anchor[e->origin]) <= 90 && fits(&e->ev.date, y)) {
                    set_year(&e->ev.date, y);
                    changed = 1;
                    break;
                }
            }
        }
    }
    undo_torn(tl, days, offered, orig);
    tl->nevents = count_deferred(tl);
    free(sure);
    free(giver);
    free(days);
    free(anchor);
    free(offered);
    free(pick);
    free(orig);
    return BN_OK;
}

