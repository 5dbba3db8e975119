#include "bn_filter.h"

#include <stdlib.h>
#include <string.h>

#include "bn_text.h"

int bn_filter_active(const bn_filter *f)
{
    return f && (f->nactors || f->since.year || f->until.year || f->min_confidence > 0);
}

int bn_filter_date_parse(const char *s, bn_date *out)
{
    bn_date d;
    if (!s || !bn_date_parse(s, strlen(s), &d) || !d.year ||
        (d.precision != BN_PREC_YEAR && d.precision != BN_PREC_MONTH && d.precision != BN_PREC_DAY) ||
        (d.precision == BN_PREC_DAY && !bn_date_real_day(&d)))
        return 0;
    *out = d;
    return 1;
}

/* Whether any day of t lies in [since, until]; a date without a year
 * never does. */
static int in_range(const bn_timex *t, const bn_date *since, const bn_date *until)
{
    long lo, hi, blo, bhi;
    if (!bn_timex_days(t, &lo, &hi))
        return 0;
    if (since->year && bn_date_days(since, &blo, &bhi) && hi < blo)
        return 0;
    if (until->year && bn_date_days(until, &blo, &bhi) && lo > bhi)
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
        if (ok && (f->since.year || f->until.year))
            ok = in_range(&e->date, &f->since, &f->until);
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
