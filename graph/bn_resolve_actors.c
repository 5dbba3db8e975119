/* Actors across articles.  Actors of the knowledge base already share an
 * id; people it does not know get an id from their name as written
 * (bn_actors.c), so the same name spelt the same way is one actor
 * already.  What is left: a name spelt two ways ("Arvydas Anušauskas",
 * "Arvydas Anusauskas" fold alike, "Arvydas Anušauskos" does not), and a
 * person named only by a surname ("ông Sullivan") where another article
 * gives the full name.  The survivor of a group is a knowledge-base actor
 * if there is one, else the longest name, the most mentioned, the smallest
 * id; it takes every alias and count.  Actors end ordered by id, so the
 * order of the input does not show. */
#include "bn_resolve.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "bn_fuzzy.h"
#include "bn_text.h"

static size_t words_in(const char *s)
{
    size_t n = 1;
    for (; *s; s++)
        n += *s == ' ';
    return n;
}

/* A word of a name as bn_actors.c makes ids.  In the timeline's arena. */
static const char *slug(bn_timeline *tl, const char *s, size_t len)
{
    return bn_name_id(&tl->arena, s, len);
}

static void join(size_t *parent, size_t a, size_t b)
{
    size_t ra = bn_uf_root(parent, a), rb = bn_uf_root(parent, b);
    if (ra != rb)
        parent[ra > rb ? ra : rb] = ra > rb ? rb : ra;
}

/* Spelling variants: each name a knowledge base does not know, against
 * every person's name (bn_fuzzy's distances). */
static bn_status typos(const bn_timeline *tl, size_t *parent)
{
    bn_fuzzy *f = bn_fuzzy_new();
    if (!f)
        return BN_ERR_NOMEM;
    bn_status st = BN_OK;
    for (size_t i = 0; st == BN_OK && i < tl->nactors; i++)
        if (tl->actors[i].kind == BN_KIND_PERSON)
            st = bn_fuzzy_add(f, tl->actors[i].name, (int)i);
    if (st == BN_OK)
        st = bn_fuzzy_compile(f);
    for (size_t i = 0; st == BN_OK && i < tl->nactors; i++) {
        const bn_tl_actor *a = &tl->actors[i];
        if (a->kind != BN_KIND_PERSON || a->known || words_in(a->name) < 2)
            continue;
        int other = bn_fuzzy_find_except(f, a->name, strlen(a->name), (int)i, NULL);
        if (other >= 0)
            join(parent, i, (size_t)other);
    }
    bn_fuzzy_free(f);
    return st;
}

/* Surnames: a one-word person the knowledge base does not know is the one
 * person of the corpus whose name ends with that word ("Sullivan": "Jake
 * Sullivan") or begins with it ("Vương": "Vương Nghị"). */
static bn_status surnames(bn_timeline *tl, size_t *parent)
{
    bn_id_map *by_word = bn_id_map_new();
    if (!by_word)
        return BN_ERR_NOMEM;
    bn_status st = BN_OK;
    for (size_t i = 0; st == BN_OK && i < tl->nactors; i++) {
        const char *name = tl->actors[i].name;
        if (tl->actors[i].kind != BN_KIND_PERSON || words_in(name) < 2)
            continue;
        const char *last = strrchr(name, ' ') + 1, *first_end = strchr(name, ' ');
        const char *w[2] = {slug(tl, name, (size_t)(first_end - name)), slug(tl, last, strlen(last))};
        for (int k = 0; k < 2 && st == BN_OK; k++) {
            if (!w[k]) {
                st = BN_ERR_NOMEM;
                break;
            }
            long seen = bn_id_map_get(by_word, w[k]);
            long root = (long)bn_uf_root(parent, i);
            if (seen == -1 || seen == root)
                st = bn_id_map_put(by_word, w[k], root) ? BN_ERR_NOMEM : BN_OK;
            else if (seen >= 0)
                st = bn_id_map_put(by_word, w[k], -2) ? BN_ERR_NOMEM : BN_OK; /* two people: ambiguous */
        }
    }
    for (size_t i = 0; st == BN_OK && i < tl->nactors; i++) {
        const bn_tl_actor *a = &tl->actors[i];
        if (a->kind != BN_KIND_PERSON || a->known || words_in(a->name) != 1)
            continue;
        long r = bn_id_map_get(by_word, a->id);
        if (r >= 0)
            join(parent, i, (size_t)r);
    }
    bn_id_map_free(by_word);
    return st;
}

/* Whether actor a should stand for its group rather than b. */
static int better(const bn_tl_actor *a, const bn_tl_actor *b)
{
    if (a->known != b->known)
        return a->known;
    size_t wa = words_in(a->name), wb = words_in(b->name);
    if (wa != wb)
        return wa > wb;
    if (a->mentions != b->mentions)
        return a->mentions > b->mentions;
    return strcmp(a->id, b->id) < 0;
}

static int add_alias(bn_timeline *tl, bn_tl_actor *t, const char *alias)
{
    for (size_t j = 0; j < t->naliases; j++)
        if (strcmp(t->aliases[j], alias) == 0)
            return 0;
    const char **v = bn_arena_grow(&tl->arena, t->aliases, &t->aliases_cap, t->naliases + 1, sizeof *v);
    if (!v)
        return -1;
    t->aliases = v;
    t->aliases[t->naliases++] = alias;
    return 0;
}

static int str_order(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int actor_order(const void *a, const void *b)
{
    return strcmp(((const bn_tl_actor *)a)->id, ((const bn_tl_actor *)b)->id);
}

/* Moves every member's aliases and affiliation into its group's
 * survivor, and keeps only survivors, ordered by id; *newidx maps the old
 * index of every actor to its survivor's new index. */
static bn_status collapse(bn_timeline *tl, size_t *parent, size_t **newidx)
{
    size_t n = tl->nactors;
    size_t *best = malloc((n ? n : 1) * sizeof *best);
    size_t *map = malloc((n ? n : 1) * sizeof *map);
    if (!best || !map) {
        free(best);
        free(map);
        return BN_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++)
        best[i] = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        size_t r = bn_uf_root(parent, i);
        if (best[r] == SIZE_MAX || better(&tl->actors[i], &tl->actors[best[r]]))
            best[r] = i;
    }
    for (size_t i = 0; i < n; i++) {
        size_t s = best[bn_uf_root(parent, i)];
        map[i] = s;
        if (s == i)
            continue;
        bn_tl_actor *to = &tl->actors[s], *from = &tl->actors[i];
        if (add_alias(tl, to, from->name)) {
            free(best);
            free(map);
            return BN_ERR_NOMEM;
        }
        for (size_t k = 0; k < from->naliases; k++)
            if (add_alias(tl, to, from->aliases[k])) {
                free(best);
                free(map);
                return BN_ERR_NOMEM;
            }
        if (from->affiliation && (!to->affiliation || from->affiliation_day > to->affiliation_day ||
                                  (from->affiliation_day == to->affiliation_day &&
                                   strcmp(from->affiliation, to->affiliation) < 0))) {
            to->affiliation = from->affiliation;
            to->affiliation_day = from->affiliation_day;
        }
    }
    /* survivors first, then by id */
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (map[i] == i) {
            best[i] = kept;               /* old survivor index -> compacted index */
            tl->actors[kept++] = tl->actors[i];
        }
    for (size_t i = 0; i < n; i++)
        map[i] = best[map[i]];
    /* sorting needs the compacted index -> sorted index */
    size_t *order = malloc((kept ? kept : 1) * sizeof *order);
    if (!order) {
        free(best);
        free(map);
        return BN_ERR_NOMEM;
    }
    bn_tl_actor *sorted = malloc((kept ? kept : 1) * sizeof *sorted);
    if (!sorted) {
        free(order);
        free(best);
        free(map);
        return BN_ERR_NOMEM;
    }
    if (kept)
        memcpy(sorted, tl->actors, kept * sizeof *sorted);
    bn_sort(sorted, kept, sizeof *sorted, actor_order);
    bn_id_map *index = bn_id_map_new();
    bn_status st = index ? BN_OK : BN_ERR_NOMEM;
    for (size_t i = 0; st == BN_OK && i < kept; i++)
        if (bn_id_map_put(index, sorted[i].id, (long)i))
            st = BN_ERR_NOMEM;
    for (size_t i = 0; st == BN_OK && i < kept; i++)
        order[i] = (size_t)bn_id_map_get(index, tl->actors[i].id);
    if (st == BN_OK) {
        for (size_t i = 0; i < n; i++)
            map[i] = order[map[i]];
        if (kept)
            memcpy(tl->actors, sorted, kept * sizeof *sorted);
        tl->nactors = kept;
        tl->actor_index = index; /* the caller frees the old one */
        for (size_t i = 0; i < kept; i++)
            bn_sort(tl->actors[i].aliases, tl->actors[i].naliases, sizeof *tl->actors[i].aliases, str_order);
    } else {
        bn_id_map_free(index);
    }
    free(sorted);
    free(order);
    free(best);
    if (st != BN_OK) {
        free(map);
        return st;
    }
    *newidx = map;
    return BN_OK;
}

/* Event actors take their survivor's id (each actor once per event, the
 * first role kept); actor counts are recomputed from the articles' shares. */
static bn_status rename_actors(bn_timeline *tl, const size_t *map, bn_id_map *old_index)
{
    size_t *last = malloc((tl->nactors ? tl->nactors : 1) * sizeof *last);
    if (!last)
        return BN_ERR_NOMEM;
    for (size_t i = 0; i < tl->nevents; i++) {
        bn_event *e = &tl->events[i].ev;
        size_t kept = 0;
        for (size_t k = 0; k < e->nactors; k++) {
            long old = bn_id_map_get(old_index, e->actors[k].id);
            const char *id = old >= 0 ? tl->actors[map[old]].id : e->actors[k].id;
            size_t m;
            for (m = 0; m < kept; m++)
                if (e->actors[m].id == id)
                    break;
            if (m < kept)
                continue;
            e->actors[kept] = e->actors[k];
            e->actors[kept++].id = id;
        }
        e->nactors = kept;
    }
    for (size_t i = 0; i < tl->nactors; i++) {
        tl->actors[i].mentions = 0;
        tl->actors[i].articles = 0;
        last[i] = SIZE_MAX;
    }
    for (size_t k = 0; k < tl->narticles; k++) {
        bn_tl_article *a = &tl->articles[k];
        for (size_t s = 0; s < a->nshares; s++) {
            size_t ai = map[a->shares[s].actor];
            a->shares[s].actor = ai;
            tl->actors[ai].mentions += a->shares[s].mentions;
            if (last[ai] != k)
                tl->actors[ai].articles++;
            last[ai] = k;
        }
    }
    free(last);
    return BN_OK;
}

bn_status bn_resolve_actors(bn_timeline *tl)
{
    size_t n = tl->nactors;
    size_t *parent = malloc((n ? n : 1) * sizeof *parent), *map = NULL;
    if (!parent)
        return BN_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        parent[i] = i;
    bn_id_map *old_index = tl->actor_index;
    bn_status st = typos(tl, parent);
    if (st == BN_OK)
        st = surnames(tl, parent);
    if (st == BN_OK)
        st = collapse(tl, parent, &map);
    if (st == BN_OK) {
        st = rename_actors(tl, map, old_index);
        bn_id_map_free(old_index);
    }
    free(map);
    free(parent);
    return st;
}
