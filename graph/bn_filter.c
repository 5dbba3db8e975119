#include "bn_filter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bn_text.h"

int bn_filter_active(const bn_filter *f)
{
    return f && (f->nactors || f->since || f->until || f->min_confidence > 0);
}

static int digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

int bn_filter_date_valid(const char *s)
{
    size_t n = strlen(s);
    if (n == 4)
        return digits(s, 4);
    if (n == 7)
        return digits(s, 4) && s[4] == '-' && digits(s + 5, 2) && atoi(s + 5) >= 1 && atoi(s + 5) <= 12;
    return n == 10 && bn_date_valid(s);
}

/* The days a --since/--until value covers (validated by
 * bn_filter_date_valid). */
static int bound_days(const char *v, long *lo, long *hi)
{
    bn_timex t;
    memset(&t, 0, sizeof t);
    snprintf(t.value, sizeof t.value, "%s", v);
    size_t n = strlen(v);
    t.precision = n == 4 ? BN_PREC_YEAR : n == 7 ? BN_PREC_MONTH : BN_PREC_DAY;
    t.year_source = BN_YEAR_TEXT;
    return bn_timex_days(&t, lo, hi);
}

/* Whether any day of t lies in [since, until]; a date without a year
 * never does. */
static int in_range(const bn_timex *t, const char *since, const char *until)
{
    long lo, hi, blo, bhi;
    if (!bn_timex_days(t, &lo, &hi))
        return 0;
    if (since && bound_days(since, &blo, &bhi) && hi < blo)
        return 0;
    if (until && bound_days(until, &blo, &bhi) && lo > bhi)
        return 0;
    return 1;
}

/* The actors a name given by the user means: every actor whose id, name,
 * Vietnamese name or an alias folds to the same letters. */
static bn_status wanted_actors(bn_timeline *tl, const bn_filter *f, unsigned char *want, bn_error *err)
{
    bn_arena scratch;
    bn_arena_init(&scratch, 4096);
    bn_status st = BN_OK;
    for (size_t q = 0; st == BN_OK && q < f->nactors; q++) {
        const char *fq = bn_fold_string(&scratch, f->actors[q], strlen(f->actors[q]), BN_FOLD_ASCII);
        if (!fq) {
            st = BN_ERR_NOMEM;
            break;
        }
        int found = 0;
        for (size_t i = 0; i < tl->nactors; i++) {
            const bn_tl_actor *a = &tl->actors[i];
            int hit = strcmp(a->id, f->actors[q]) == 0;
            const char *names[3] = {a->name, a->name_local, NULL};
            for (size_t k = 0; !hit && k < 2 + a->naliases; k++) {
                const char *nm = k < 2 ? names[k] : a->aliases[k - 2];
                const char *fn = bn_fold_string(&scratch, nm, strlen(nm), BN_FOLD_ASCII);
                if (!fn) {
                    st = BN_ERR_NOMEM;
                    break;
                }
                hit = strcmp(fn, fq) == 0;
            }
            if (hit) {
                want[i] = 1;
                found = 1;
            }
        }
        if (st == BN_OK && !found)
            st = bn_error_set(err, BN_ERR_ARGUMENT, "", 0, 0, 0, "--actor '%s': no actor of the timeline has that id or name",
                              f->actors[q]);
    }
    bn_arena_destroy(&scratch);
    return st;
}

bn_status bn_timeline_filter(bn_timeline *tl, const bn_filter *f, bn_error *err)
{
    if (!bn_filter_active(f))
        return BN_OK;
    unsigned char *want = calloc(tl->nactors + 1, 1), *used = calloc(tl->nactors + 1, 1);
    bn_status st = want && used ? BN_OK : BN_ERR_NOMEM;
    if (st == BN_OK && f->nactors)
        st = wanted_actors(tl, f, want, err);
    if (st != BN_OK) {
        free(want);
        free(used);
        return st == BN_ERR_NOMEM ? bn_error_set(err, st, "", 0, 0, 0, "out of memory") : st;
    }
    size_t kept = 0;
    for (size_t i = 0; i < tl->nevents; i++) {
        const bn_event *e = &tl->events[i].ev;
        int ok = e->confidence >= f->min_confidence;
        if (ok && (f->since || f->until))
            ok = in_range(&e->date, f->since, f->until);
        if (ok && f->nactors) {
            ok = 0;
            for (size_t k = 0; !ok && k < e->nactors; k++)
                ok = want[bn_timeline_actor(tl, e->actors[k].id)];
        }
        if (!ok)
            continue;
        for (size_t k = 0; k < e->nactors; k++)
            used[bn_timeline_actor(tl, e->actors[k].id)] = 1;
        tl->events[kept++] = tl->events[i];
    }
    tl->nevents = kept;
    /* the actors that take part in what is left, in the same order */
    bn_id_map *index = bn_id_map_new();
    size_t n = 0;
    for (size_t i = 0; index && i < tl->nactors; i++) {
        if (!used[i])
            continue;
        tl->actors[n] = tl->actors[i];
        if (bn_id_map_put(index, tl->actors[n].id, (long)n)) {
            bn_id_map_free(index);
            index = NULL;
            break;
        }
        n++;
    }
    free(want);
    free(used);
    if (!index)
        return bn_error_set(err, BN_ERR_NOMEM, "", 0, 0, 0, "out of memory");
    tl->nactors = n;
    bn_id_map_free(tl->actor_index);
    tl->actor_index = index;
    for (size_t i = 0; i < n; i++)
        tl->actors[i].events = 0;
    for (size_t i = 0; i < tl->nevents; i++)
        for (size_t k = 0; k < tl->events[i].ev.nactors; k++)
            tl->actors[bn_timeline_actor(tl, tl->events[i].ev.actors[k].id)].events++;
    return BN_OK;
}
