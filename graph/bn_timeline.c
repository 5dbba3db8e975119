#include "bn_timeline.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *bn_article_status_name(bn_article_status s)
{
    static const char *const names[] = {"ok", "empty", "skipped"};
    return (unsigned)s < 3 ? names[s] : "ok";
}

bn_timeline *bn_timeline_new(void)
{
    bn_timeline *tl = calloc(1, sizeof *tl);
    if (!tl)
        return NULL;
    bn_arena_init(&tl->arena, 256 * 1024);
    tl->actor_index = bn_id_map_new();
    tl->article_index = bn_id_map_new();
    if (!tl->actor_index || !tl->article_index) {
        bn_id_map_free(tl->actor_index);
        bn_id_map_free(tl->article_index);
        free(tl);
        return NULL;
    }
    return tl;
}

void bn_timeline_free(bn_timeline *tl)
{
    if (!tl)
        return;
    bn_id_map_free(tl->actor_index);
    bn_id_map_free(tl->article_index);
    free(tl->articles);
    free(tl->actors);
    free(tl->events);
    bn_arena_destroy(&tl->arena);
    free(tl);
}

long bn_timeline_actor(const bn_timeline *tl, const char *id)
{
    return bn_id_map_get(tl->actor_index, id);
}

void bn_timeline_count(const bn_timeline *tl, bn_timeline_counts *c)
{
    memset(c, 0, sizeof *c);
    c->articles = tl->narticles;
    for (size_t i = 0; i < tl->narticles; i++)
        if ((unsigned)tl->articles[i].status < 3)
            c->by_status[tl->articles[i].status]++;
    c->events = tl->nevents;
    c->actors = tl->nactors;
    for (size_t i = 0; i < tl->nactors; i++)
        c->actors_in_events += tl->actors[i].events > 0;
}

static char *dup(bn_timeline *tl, const char *s)
{
    return s ? bn_arena_strdup(&tl->arena, s) : NULL;
}

/* A copy that is valid UTF-8 (file names and messages are bytes; the
 * timeline's JSON wants UTF-8: one bad name must not lose an article). */
static char *dup_utf8(bn_timeline *tl, const char *s)
{
    if (!s || bn_utf8_check(s, strlen(s)) == (size_t)-1)
        return dup(tl, s);
    size_t n;
    char *clean = bn_utf8_repair(s, strlen(s), &n);
    char *d = clean ? dup(tl, clean) : NULL;
    free(clean);
    return d;
}

/* Whether sighting `a` should name the actor rather than what `t` holds:
 * one id can be written two ways ("Rịa Vũng Tàu", "Rịa-Vũng Tàu"), and
 * which comes first must not matter (the name decides which surname
 * joins it): the knowledge base's entry, else the smaller name. */
static int names_better(const bn_actor *a, const bn_tl_actor *t)
{
    if ((!a->from_text) != t->known)
        return !a->from_text;
    const char *local = a->name_local ? a->name_local : a->name;
    int c = strcmp(a->name, t->name);
    if (!c)
        c = strcmp(local, t->name_local);
    if (!c)
        c = (int)a->kind - (int)t->kind;
    return c < 0;
}

/* `day`: when the article was published (LONG_MIN: unknown); a person's
 * affiliation is that of the latest dated article, else of the first. */
static bn_status add_actor(bn_timeline *tl, const bn_actor *a, long day, bn_tl_share *share)
{
    long i = bn_id_map_get(tl->actor_index, a->id);
    if (i >= 0 && names_better(a, &tl->actors[i])) {
        bn_tl_actor *t = &tl->actors[i];
        t->name = dup(tl, a->name);
        t->name_local = dup(tl, a->name_local ? a->name_local : a->name);
        t->kind = a->kind;
        t->known = !a->from_text;
        if (!t->name || !t->name_local)
            return BN_ERR_NOMEM;
    }
    if (i < 0) {
        if (bn_grow((void **)&tl->actors, &tl->actors_cap, tl->nactors + 1, sizeof *tl->actors))
            return BN_ERR_NOMEM;
        bn_tl_actor *t = &tl->actors[tl->nactors];
        memset(t, 0, sizeof *t);
        t->id = dup(tl, a->id);
        t->name = dup(tl, a->name);
        t->name_local = dup(tl, a->name_local ? a->name_local : a->name);
        t->kind = a->kind;
        t->known = !a->from_text;
        t->affiliation_day = LONG_MIN;
        if (!t->id || !t->name || !t->name_local || bn_id_map_put(tl->actor_index, t->id, (long)tl->nactors))
            return BN_ERR_NOMEM;
        i = (long)tl->nactors++;
    }
    bn_tl_actor *t = &tl->actors[i];
    /* the latest article's; on a tie, the first by name, whatever the input order */
    if (a->affiliation && (!t->affiliation || day > t->affiliation_day ||
                           (day == t->affiliation_day && strcmp(a->affiliation, t->affiliation) < 0))) {
        if (!t->affiliation || strcmp(t->affiliation, a->affiliation) != 0)
            if (!(t->affiliation = dup(tl, a->affiliation)))
                return BN_ERR_NOMEM;
        t->affiliation_day = day;
    }
    t->mentions += a->mentions;
    t->articles++;
    share->actor = (size_t)i;
    share->mentions = a->mentions;
    for (size_t k = 0; k < a->naliases; k++) {
        size_t j;
        for (j = 0; j < t->naliases; j++)
            if (strcmp(t->aliases[j], a->aliases[k]) == 0)
                break;
        if (j < t->naliases)
            continue;
        const char **v = bn_arena_grow(&tl->arena, t->aliases, &t->aliases_cap, t->naliases + 1, sizeof *v);
        if (!v)
            return BN_ERR_NOMEM;
        t->aliases = v;
        if (!(t->aliases[t->naliases] = dup(tl, a->aliases[k])))
            return BN_ERR_NOMEM;
        t->naliases++;
    }
    return BN_OK;
}

static bn_status copy_event(bn_timeline *tl, const bn_event *src, bn_event *dst)
{
    *dst = *src;
    dst->actors = bn_arena_alloc(&tl->arena, (src->nactors ? src->nactors : 1) * sizeof *dst->actors);
    dst->sources = bn_arena_alloc(&tl->arena, (src->nsources ? src->nsources : 1) * sizeof *dst->sources);
    if (!dst->actors || !dst->sources)
        return BN_ERR_NOMEM;
    for (size_t i = 0; i < src->nactors; i++) {
        long ai = bn_id_map_get(tl->actor_index, src->actors[i].id);
        if (ai < 0)
            return BN_ERR_PARSE; /* an event actor that is not among the article's actors */
        dst->actors[i].id = tl->actors[ai].id;
        dst->actors[i].role = src->actors[i].role;
    }
    for (size_t i = 0; i < src->nsources; i++) {
        bn_source *d = &dst->sources[i];
        *d = src->sources[i];
        d->article = dup_utf8(tl, src->sources[i].article); /* as the article's id */
        d->sentence = dup(tl, src->sources[i].sentence);
        d->trigger = dup(tl, src->sources[i].trigger);
        if (!d->article || !d->sentence || !d->trigger)
            return BN_ERR_NOMEM;
    }
    if (src->location && !(dst->location = dup(tl, src->location)))
        return BN_ERR_NOMEM;
    return BN_OK;
}

/* Takes back what article `k` added: its actor counts and its events. */
static void withdraw(bn_timeline *tl, size_t k)
{
    bn_tl_article *ta = &tl->articles[k];
    for (size_t i = 0; i < ta->nshares; i++) {
        tl->actors[ta->shares[i].actor].mentions -= ta->shares[i].mentions;
        tl->actors[ta->shares[i].actor].articles--;
    }
    size_t kept = 0;
    for (size_t i = 0; i < tl->nevents; i++)
        if (tl->events[i].origin != k)
            tl->events[kept++] = tl->events[i];
    tl->nevents = kept;
}

bn_status bn_timeline_add(bn_timeline *tl, const bn_article *a, bn_add_result *res)
{
    *res = BN_ADDED;
    long old = bn_id_map_get(tl->article_index, a->id);
    size_t k = tl->narticles;
    if (old >= 0 && strcmp(tl->articles[old].text_hash, a->text_hash) == 0) {
        if (a->dct_source <= tl->articles[old].dct_source) { /* the enum is in order of trust */
            *res = BN_DUPLICATE_SKIPPED;
            return BN_OK;
        }
        *res = BN_DUPLICATE_REPLACED;
        k = (size_t)old;
        withdraw(tl, k);
    } else if (bn_grow((void **)&tl->articles, &tl->articles_cap, tl->narticles + 1, sizeof *tl->articles)) {
        return BN_ERR_NOMEM;
    }
    bn_tl_article *ta = &tl->articles[k];
    memset(ta, 0, sizeof *ta);
    ta->id = dup_utf8(tl, a->id);
    ta->path = dup_utf8(tl, a->path);
    ta->url = dup_utf8(tl, a->url);
    ta->title = dup_utf8(tl, a->title ? a->title : "");
    ta->line = a->line;
    ta->status = a->nsentences ? BN_ARTICLE_OK : BN_ARTICLE_EMPTY;
    ta->dct = a->dct;
    memcpy(ta->text_hash, a->text_hash, sizeof ta->text_hash);
    ta->dct_source = a->dct_source;
    ta->written_since = a->written_since;
    ta->written_from = a->written_from;
    ta->written_to = a->written_to;
    ta->nbody = a->nbody;
    ta->nsentences = a->nsentences;
    ta->nevents = a->nevents;
    ta->body = bn_arena_alloc(&tl->arena, (a->nbody ? a->nbody : 1) * 2 * sizeof *ta->body);
    ta->shares = bn_arena_alloc(&tl->arena, (a->nactors ? a->nactors : 1) * sizeof *ta->shares);
    if (!ta->id || !ta->path || !ta->title || !ta->body || !ta->shares)
        return BN_ERR_NOMEM;
    if (a->nbody)
        memcpy(ta->body, a->body_offsets, a->nbody * 2 * sizeof *ta->body);
    if (k == tl->narticles) {
        if (bn_id_map_put(tl->article_index, ta->id, (long)k))
            return BN_ERR_NOMEM;
        tl->narticles++;
    }
    long written = a->dct.year ? bn_days_from_civil(a->dct.year, a->dct.month, a->dct.day) : LONG_MIN;
    for (size_t i = 0; i < a->nactors; i++) {
        bn_status st = add_actor(tl, &a->actors[i], written, &ta->shares[ta->nshares]);
        if (st != BN_OK)
            return st;
        ta->nshares++;
    }
    if (bn_grow((void **)&tl->events, &tl->events_cap, tl->nevents + a->nevents, sizeof *tl->events))
        return BN_ERR_NOMEM;
    for (size_t i = 0; i < a->nevents; i++) {
        /* what did not happen or only might ("không tấn công", "nếu ... tấn
         * công") stays in the article's record, off the timeline */
        if (a->events[i].modality == BN_MOD_NEGATED || a->events[i].modality == BN_MOD_HYPOTHETICAL) {
            ta->nevents--;
            continue;
        }
        bn_tl_event *te = &tl->events[tl->nevents];
        memset(te, 0, sizeof *te);
        te->origin = k;
        bn_status st = copy_event(tl, &a->events[i], &te->ev);
        if (st != BN_OK)
            return st;
        tl->nevents++;
    }
    return BN_OK;
}

bn_status bn_timeline_add_skipped(bn_timeline *tl, const char *path, int line, const char *reason)
{
    if (bn_grow((void **)&tl->articles, &tl->articles_cap, tl->narticles + 1, sizeof *tl->articles))
        return BN_ERR_NOMEM;
    bn_tl_article *ta = &tl->articles[tl->narticles];
    memset(ta, 0, sizeof *ta);
    char id[4200];
    if (line > 0)
        snprintf(id, sizeof id, "%s:%d", path, line);
    else
        snprintf(id, sizeof id, "%s", path);
    ta->id = dup_utf8(tl, id);
    ta->path = dup_utf8(tl, path);
    ta->title = dup(tl, "");
    ta->reason = dup_utf8(tl, reason); /* a message may quote the bad bytes it is about */
    ta->line = line;
    ta->status = BN_ARTICLE_SKIPPED;
    ta->body = bn_arena_alloc(&tl->arena, 2 * sizeof *ta->body);
    ta->shares = bn_arena_alloc(&tl->arena, sizeof *ta->shares);
    if (!ta->id || !ta->path || !ta->title || !ta->reason || !ta->body || !ta->shares)
        return BN_ERR_NOMEM;
    tl->narticles++; /* not indexed by id: nothing can be its duplicate */
    return BN_OK;
}
