/* Events across articles: the same real event reported by several
 * articles becomes one event with every source.
 *
 * Two reports can be one event when they come from different articles, are
 * of one type (or one is a plain statement and the other a verbal act of
 * the same speaker: "cho biết" and "cảnh báo" for one speech; verbal acts
 * only when both name the same person as speaker, see same_speech;
 * military acts only when both name the same place), fall on the
 * same day (a day inside the other's span counts) or in the same week or
 * month when that is all either says (a quarter or a year is too wide),
 * name the same parties (bn_event_same_parties: for meetings, two sides in
 * common or one's sides all among the other's, so NATO meeting the EU and
 * NATO meeting Russia on one day stay two), and do not name two different
 * places.  Candidates come from a key per (day, type family, actor), sorted,
 * so the cost grows with n log n, not with all pairs.  Links are then
 * taken in a fixed order (same type and same date first), and a link joins
 * two groups only when all their members pair up (complete linkage); two
 * events of one article never do: each article's extraction already
 * merged what it repeats. */
#include "bn_resolve.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { SPAN_MAX_DAYS = 31 }; /* longer spans only merge with the same span */

typedef struct ev_info {
    long lo, hi;     /* days, when a day or a short span of days; lo > hi otherwise */
    uint64_t coarse; /* hash of the date as written, otherwise */
    int vague;       /* a quarter, half or year: too wide to tell two events apart, never merged */
} ev_info;

typedef struct cand_key {
    uint64_t h;
    size_t ev;
} cand_key;

typedef struct cand_pair {
    size_t i, j;
    int prio;
} cand_pair;

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdull;
}

/* A day of a known year, as days (not checked against its month's length:
 * "2023-02-29" counts as the day after the 28th). */
static int full_day(const bn_date *d, long *days)
{
    if (d->precision != BN_PREC_DAY || !d->year)
        return 0;
    *days = bn_days_from_civil(d->year, d->month, d->day);
    return 1;
}

static ev_info info_of(const bn_event *e)
{
    const bn_timex *t = &e->date;
    ev_info in = {1, 0, 0, t->value.precision > BN_PREC_MONTH};
    long lo, hi;
    if (full_day(&t->value, &lo) && (!t->has_end || full_day(&t->end, &hi))) {
        if (!t->has_end)
            hi = lo;
        if (hi >= lo && hi - lo <= SPAN_MAX_DAYS) {
            in.lo = lo;
            in.hi = hi;
            return in;
        }
    }
    uint64_t end = t->has_end ? bn_date_key(&t->end) + 1 : 0;
    in.coarse = mix(mix(bn_date_key(&t->value), end), (uint64_t)t->value.precision);
    return in;
}

static int is_span(const ev_info *in)
{
    return in->lo <= in->hi;
}

static int key_order(const void *va, const void *vb)
{
    const cand_key *a = va, *b = vb;
    if (a->h != b->h)
        return a->h < b->h ? -1 : 1;
    return (a->ev > b->ev) - (a->ev < b->ev);
}

static int pair_order(const void *va, const void *vb)
{
    const cand_pair *a = va, *b = vb;
    if (a->prio != b->prio)
        return a->prio - b->prio;
    if (a->i != b->i)
        return a->i < b->i ? -1 : 1;
    return (a->j > b->j) - (a->j < b->j);
}

static int types_compatible(bn_event_type a, bn_event_type b)
{
    if (a == b)
        return 1;
    if (bn_event_family(a) != bn_event_family(b) || bn_event_family(a) != BN_FAMILY_SPEECH)
        return 0;
    return a == BN_EV_STATEMENT || b == BN_EV_STATEMENT;
}

static const char *timeline_side(const void *ctx, const char *id)
{
    const bn_timeline *tl = ctx;
    long i = bn_timeline_actor(tl, id);
    return i < 0 ? NULL : tl->actors[i].affiliation;
}

/* Whether some source of e is a person; *shared: one that o names as a
 * source too. */
static int person_source(const bn_timeline *tl, const bn_event *e, const bn_event *o, int *shared)
{
    int any = 0;
    *shared = 0;
    for (size_t i = 0; i < e->nactors; i++) {
        long ai = bn_timeline_actor(tl, e->actors[i].id);
        if (e->actors[i].role != BN_ROLE_SOURCE || ai < 0 || tl->actors[ai].kind != BN_KIND_PERSON)
            continue;
        any = 1;
        for (size_t k = 0; k < o->nactors; k++)
            if (o->actors[k].role == BN_ROLE_SOURCE && strcmp(o->actors[k].id, e->actors[i].id) == 0)
                *shared = 1;
    }
    return any;
}

/* What is said is told more loosely than what is done, and a state says
 * many things a day through many mouths: two reports of verbal acts are
 * one only when they name the same person as the speaker ("Điện Kremlin
 * cho biết" in one article and "Nga khẳng định" in another are not known
 * to be one), are of one type unless one is a plain statement, and do not
 * both take their day from the publication date (then the day is a guess).
 * A speech reported twice without its speaker stays twice: a duplicate is
 * less harm than an event lost inside another. */
static int same_speech(const bn_timeline *tl, const bn_event *a, const bn_event *b)
{
    int shared;
    if (!person_source(tl, a, b, &shared) || !shared)
        return 0;
    if (a->date_source == BN_DATE_DCT && b->date_source == BN_DATE_DCT)
        return 0;
    return 1;
}

static int compatible(const bn_timeline *tl, const ev_info *info, size_t i, size_t j)
{
    const bn_tl_event *x = &tl->events[i], *y = &tl->events[j];
    const bn_event *a = &x->ev, *b = &y->ev;
    if (x->origin == y->origin || info[i].vague || info[j].vague || !types_compatible(a->type, b->type))
        return 0;
    if (is_span(&info[i]) != is_span(&info[j]))
        return 0;
    if (is_span(&info[i]) ? (info[i].hi < info[j].lo || info[j].hi < info[i].lo) : info[i].coarse != info[j].coarse)
        return 0;
    if (a->location && b->location && strcmp(a->location, b->location) != 0)
        return 0;
    if (!bn_event_same_parties(a, b, timeline_side, tl))
        return 0;
    if (bn_event_family(a->type) == BN_FAMILY_SPEECH && !same_speech(tl, a, b))
        return 0;
    /* a war has attacks every day: two reports of one attack name its place */
    if (bn_event_family(a->type) == BN_FAMILY_MILITARY && (!a->location || !b->location))
        return 0;
    return 1;
}

/* The members of each group, chained from its root: a link joins two
 * groups only when every member of one can be one event with every member
 * of the other (complete linkage), so that no chain of near matches puts
 * two different acts together, nor two events of one article. */
typedef struct groups {
    size_t *next; /* the next member, SIZE_MAX at the end */
    size_t *tail; /* a root's last member */
} groups;

static int all_compatible(const bn_timeline *tl, const ev_info *info, const groups *g, size_t ri, size_t rj)
{
    for (size_t x = ri; x != SIZE_MAX; x = g->next[x])
        for (size_t y = rj; y != SIZE_MAX; y = g->next[y])
            if (!compatible(tl, info, x, y))
                return 0;
    return 1;
}

static void groups_join(groups *g, size_t into, size_t from)
{
    g->next[g->tail[into]] = from;
    g->tail[into] = g->tail[from];
}

/* A plain statement merged with a warning is the warning: the most
 * frequent specific type of the group (the first seen on a tie). */
static void settle_type(bn_timeline *tl, size_t root, const size_t *next)
{
    bn_event *r = &tl->events[root].ev;
    if (r->type != BN_EV_STATEMENT)
        return;
    unsigned count[BN_EV_COUNT] = {0};
    size_t first[BN_EV_COUNT];
    for (size_t i = next[root]; i != SIZE_MAX; i = next[i]) {
        if (tl->events[i].ev.type == BN_EV_STATEMENT)
            continue;
        if (!count[tl->events[i].ev.type]++)
            first[tl->events[i].ev.type] = i;
    }
    int best = -1;
    for (int t = 0; t < BN_EV_COUNT; t++)
        if (count[t] && (best < 0 || count[t] > count[best] || (count[t] == count[best] && first[t] < first[best])))
            best = t;
    if (best < 0)
        return;
    const bn_event *w = &tl->events[first[best]].ev;
    r->type = w->type;
    memcpy(r->cameo, w->cameo, sizeof r->cameo);
    r->goldstein = w->goldstein;
}

static bn_status candidates(const bn_timeline *tl, const ev_info *info, cand_pair **out, size_t *nout)
{
    size_t n = tl->nevents, nk = 0, cap = 0;
    cand_key *keys = NULL;
    for (size_t i = 0; i < n; i++) {
        const bn_event *e = &tl->events[i].ev;
        if (info[i].vague)
            continue;
        long lo = is_span(&info[i]) ? info[i].lo : 0, hi = is_span(&info[i]) ? info[i].hi : 0;
        for (size_t k = 0; k < e->nactors; k++) {
            long ai = bn_timeline_actor(tl, e->actors[k].id);
            for (long d = lo; d <= hi; d++) {
                if (bn_grow((void **)&keys, &cap, nk + 1, sizeof *keys)) {
                    free(keys);
                    return BN_ERR_NOMEM;
                }
                uint64_t h = mix(mix(is_span(&info[i]) ? (uint64_t)d : info[i].coarse, (uint64_t)ai),
                                 (uint64_t)bn_event_family(e->type) * 2 + (uint64_t)is_span(&info[i]));
                keys[nk++] = (cand_key){h, i};
            }
        }
    }
    bn_sort(keys, nk, sizeof *keys, key_order);
    cand_pair *pairs = NULL;
    size_t np = 0, pcap = 0;
    for (size_t lo = 0; lo < nk;) {
        size_t hi = lo + 1;
        while (hi < nk && keys[hi].h == keys[lo].h)
            hi++;
        for (size_t p = lo; p < hi; p++)
            for (size_t q = p + 1; q < hi; q++) {
                size_t i = keys[p].ev, j = keys[q].ev;
                if (i == j || !compatible(tl, info, i, j))
                    continue;
                if (bn_grow((void **)&pairs, &pcap, np + 1, sizeof *pairs)) {
                    free(keys);
                    free(pairs);
                    return BN_ERR_NOMEM;
                }
                const bn_event *a = &tl->events[i].ev, *b = &tl->events[j].ev;
                int exact = a->type == b->type && bn_timex_date_cmp(&a->date, &b->date) == 0;
                pairs[np++] = (cand_pair){i < j ? i : j, i < j ? j : i, !exact};
            }
        lo = hi;
    }
    free(keys);
    bn_sort(pairs, np, sizeof *pairs, pair_order);
    *out = pairs;
    *nout = np;
    return BN_OK;
}

bn_status bn_resolve_events(bn_timeline *tl)
{
    size_t n = tl->nevents;
    if (n < 2)
        return BN_OK;
    ev_info *info = malloc(n * sizeof *info);
    size_t *parent = malloc(n * sizeof *parent);
    groups g = {malloc(n * sizeof *g.next), malloc(n * sizeof *g.tail)};
    cand_pair *pairs = NULL;
    size_t np = 0;
    bn_status st = info && parent && g.next && g.tail ? BN_OK : BN_ERR_NOMEM;
    for (size_t i = 0; st == BN_OK && i < n; i++) {
        info[i] = info_of(&tl->events[i].ev);
        parent[i] = i;
        g.next[i] = SIZE_MAX;
        g.tail[i] = i;
    }
    if (st == BN_OK)
        st = candidates(tl, info, &pairs, &np);
    for (size_t k = 0; st == BN_OK && k < np; k++) {
        size_t ri = bn_uf_root(parent, pairs[k].i), rj = bn_uf_root(parent, pairs[k].j);
        if (ri == rj || !all_compatible(tl, info, &g, ri, rj))
            continue;
        size_t r = ri < rj ? ri : rj, o = ri < rj ? rj : ri;
        groups_join(&g, r, o);
        parent[o] = r;
    }
    /* every member points at its root, the earliest event of the group */
    for (size_t i = 0; st == BN_OK && i < n; i++)
        parent[i] = bn_uf_root(parent, i);
    for (size_t i = 0; st == BN_OK && i < n; i++)
        if (parent[i] == i && g.next[i] != SIZE_MAX)
            settle_type(tl, i, g.next);
    for (size_t i = 0; st == BN_OK && i < n; i++)
        if (parent[i] != i)
            st = bn_event_absorb(&tl->arena, &tl->events[parent[i]].ev, &tl->events[i].ev);
    if (st == BN_OK) {
        size_t kept = 0;
        for (size_t i = 0; i < n; i++)
            if (parent[i] == i)
                tl->events[kept++] = tl->events[i];
        tl->nevents = kept;
    }
    free(g.next);
    free(g.tail);
    free(pairs);
    free(parent);
    free(info);
    return st;
}
