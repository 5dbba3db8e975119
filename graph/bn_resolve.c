/* bn_timeline_resolve: puts the timeline in canonical order, runs the
 * steps of bn_resolve.h in turn and orders the result.  The steps use the
 * timeline (bn_timeline.c); nothing there calls back here. */
#include "bn_resolve.h"

#include <stdlib.h>
#include <string.h>

static int same_day_key(const bn_event *a, const bn_event *b)
{
    int c = bn_timex_date_cmp(&a->date, &b->date);
    if (c)
        return c;
    return (int)a->type - (int)b->type;
}

static int source_order(const bn_source *a, const bn_source *b)
{
    int c = strcmp(a->article, b->article);
    if (c)
        return c;
    return (a->offset > b->offset) - (a->offset < b->offset);
}

/* Date, type, first source; then all the content, then the id (unique):
 * a total order, so that ties never depend on the input order. */
static int event_order(const void *va, const void *vb)
{
    const bn_tl_event *a = va, *b = vb;
    int c = same_day_key(&a->ev, &b->ev);
    if (!c)
        c = source_order(&a->ev.sources[0], &b->ev.sources[0]);
    if (!c)
        c = bn_event_content_cmp(&a->ev, &b->ev);
    return c ? c : strcmp(a->id, b->id);
}

static int sources_cmp(const void *va, const void *vb)
{
    return bn_source_cmp(va, vb);
}

/* The order of the input must not show in the result: articles by id
 * (then text), events by article and position. */
typedef struct placed_article {
    bn_tl_article a;
    size_t old;
} placed_article;

static int article_order(const void *va, const void *vb)
{
    const bn_tl_article *a = &((const placed_article *)va)->a, *b = &((const placed_article *)vb)->a;
    int c = strcmp(a->id, b->id);
    return c ? c : strcmp(a->text_hash, b->text_hash);
}

static int position_order(const void *va, const void *vb)
{
    const bn_tl_event *a = va, *b = vb;
    if (a->origin != b->origin)
        return a->origin < b->origin ? -1 : 1;
    const bn_source *x = &a->ev.sources[0], *y = &b->ev.sources[0];
    if (x->offset != y->offset)
        return x->offset < y->offset ? -1 : 1;
    if (x->trigger_offset != y->trigger_offset)
        return x->trigger_offset < y->trigger_offset ? -1 : 1;
    if (a->ev.type != b->ev.type)
        return (int)a->ev.type - (int)b->ev.type;
    int c = bn_date_cmp(&a->ev.date.value, &b->ev.date.value);
    return c ? c : bn_event_content_cmp(&a->ev, &b->ev);
}

/* Articles by id, events by article and position: the order of the input
 * must not show in the result. */
static bn_status canonical_order(bn_timeline *tl)
{
    size_t n = tl->narticles;
    placed_article *v = malloc((n ? n : 1) * sizeof *v);
    size_t *now = malloc((n ? n : 1) * sizeof *now);
    bn_id_map *index = bn_id_map_new();
    bn_status st = v && now && index ? BN_OK : BN_ERR_NOMEM;
    if (st == BN_OK) {
        for (size_t i = 0; i < n; i++)
            v[i] = (placed_article){tl->articles[i], i};
        bn_sort(v, n, sizeof *v, article_order);
        for (size_t i = 0; i < n; i++) {
            tl->articles[i] = v[i].a;
            now[v[i].old] = i;
            if (bn_id_map_get(index, v[i].a.id) < 0 && bn_id_map_put(index, v[i].a.id, (long)i))
                st = BN_ERR_NOMEM;
        }
        for (size_t i = 0; i < tl->nevents; i++)
            tl->events[i].origin = now[tl->events[i].origin];
    }
    if (st == BN_OK) {
        bn_id_map_free(tl->article_index);
        tl->article_index = index;
        index = NULL;
        for (size_t i = 0; i < tl->nevents; i++)
            bn_sort(tl->events[i].ev.sources, tl->events[i].ev.nsources, sizeof *tl->events[i].ev.sources,
                  sources_cmp);
        bn_sort(tl->events, tl->nevents, sizeof *tl->events, position_order);
    }
    bn_id_map_free(index);
    free(now);
    free(v);
    return st;
}

bn_status bn_timeline_resolve(bn_timeline *tl)
{
    bn_status st = canonical_order(tl);
    if (st == BN_OK)
        st = bn_resolve_actors(tl);
    if (st == BN_OK)
        st = bn_resolve_years(tl);
    if (st == BN_OK)
        st = bn_resolve_events(tl);
    if (st != BN_OK)
        return st;
    size_t kept = tl->nevents;
    for (size_t i = 0; i < kept; i++) {
        bn_tl_event *e = &tl->events[i];
        bn_sort(e->ev.sources, e->ev.nsources, sizeof *e->ev.sources, sources_cmp);
        e->articles = 0;
        for (size_t k = 0; k < e->ev.nsources; k++)
            if (k == 0 || strcmp(e->ev.sources[k].article, e->ev.sources[k - 1].article) != 0)
                e->articles++;
        for (size_t k = 0; k < e->ev.nactors; k++)
            tl->actors[bn_timeline_actor(tl, e->ev.actors[k].id)].events++;
    }
    st = bn_assign_event_ids(tl);
    if (st == BN_OK)
        bn_sort(tl->events, kept, sizeof *tl->events, event_order);
    return st;
}
