/* Event ids: "ev-" and 12 hex digits, from the event's content and every
 * one of its sources, unique within the timeline by construction.
 *
 * The content hashed is what tells one reported act from another: type,
 * CAMEO code, date (value, end, precision, mod), place, modality, actors
 * with their roles, and every source (article, sentence offset and
 * length, trigger offset and length, the sentence and trigger as
 * written).  Numbers are hashed as decimal text, so the ids are the same
 * on every machine.  What is derived from that content (Goldstein value,
 * confidence, where the year came from) is left out: a better scorer
 * does not rename events.
 *
 * Two events can still hash alike: one sentence can state two acts that
 * differ in nothing hashed, or two different events can share 48 bits of
 * hash.  So the events are taken in a fixed order (by hash, then by their
 * whole content) and the first of each hash keeps it; each later one is
 * rehashed with "#1", "#2"... after its content until the id is free.
 * The order depends on content only, never on input order, -j or shards;
 * events equal in everything are interchangeable, so which one gets which
 * id does not show in any output. */
#include "bn_resolve.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bn_text.h"

#define ID_MASK 0xffffffffffffull

static uint64_t feed(uint64_t h, const char *s)
{
    if (s)
        for (; *s; s++) {
            h ^= (unsigned char)*s;
            h *= 1099511628211ull;
        }
    /* a separator no string holds: ("ab","c") and ("a","bc") differ */
    h ^= 0xffu;
    h *= 1099511628211ull;
    return h;
}

static uint64_t feed_num(uint64_t h, unsigned long long v)
{
    char buf[24];
    snprintf(buf, sizeof buf, "%llu", v);
    return feed(h, buf);
}

static uint64_t content_hash(const bn_event *ev)
{
    uint64_t h = 14695981039346656037ull;
    char value[BN_TIMEX_MAX], end[BN_TIMEX_MAX] = "";
    const char *mod = bn_date_mod_name(ev->date.mod);
    h = feed(h, bn_event_type_name(ev->type));
    h = feed(h, ev->cameo);
    h = feed(h, bn_date_format(&ev->date.value, value)); /* the date as the JSON writes it */
    h = feed(h, ev->date.has_end ? bn_date_format(&ev->date.end, end) : end);
    h = feed(h, bn_precision_name(ev->date.value.precision));
    h = feed(h, mod ? mod : "");
    h = feed(h, ev->location ? ev->location : "\x01");
    h = feed(h, bn_modality_name(ev->modality));
    h = feed_num(h, ev->nactors);
    for (size_t i = 0; i < ev->nactors; i++) {
        h = feed(h, ev->actors[i].id);
        h = feed(h, bn_role_name(ev->actors[i].role));
    }
    h = feed_num(h, ev->nsources);
    for (size_t i = 0; i < ev->nsources; i++) {
        const bn_source *s = &ev->sources[i];
        h = feed(h, s->article);
        h = feed_num(h, s->offset);
        h = feed_num(h, s->length);
        h = feed_num(h, s->trigger_offset);
        h = feed_num(h, s->trigger_length);
        h = feed(h, s->sentence);
        h = feed(h, s->trigger);
    }
    return h;
}

static int cmp_num(double a, double b)
{
    return (a > b) - (a < b);
}

static int cmp_str(const char *a, const char *b)
{
    if (!a || !b)
        return (a != NULL) - (b != NULL);
    return strcmp(a, b);
}

int bn_source_cmp(const bn_source *a, const bn_source *b)
{
    int c = strcmp(a->article, b->article);
    if (!c)
        c = cmp_num(a->offset, b->offset);
    if (!c)
        c = cmp_num(a->trigger_offset, b->trigger_offset);
    if (!c)
        c = cmp_num(a->length, b->length);
    if (!c)
        c = cmp_num(a->trigger_length, b->trigger_length);
    if (!c)
        c = cmp_str(a->sentence, b->sentence);
    if (!c)
        c = cmp_str(a->trigger, b->trigger);
    return c;
}

int bn_event_content_cmp(const bn_event *a, const bn_event *b)
{
    int c = cmp_num(a->type, b->type);
    if (!c)
        c = strcmp(a->cameo, b->cameo);
    if (!c)
        c = bn_timex_date_cmp(&a->date, &b->date);
    if (!c)
        c = cmp_num(a->date.value.precision, b->date.value.precision);
    if (!c)
        c = bn_date_mod_cmp(a->date.mod, b->date.mod);
    if (!c)
        c = cmp_str(a->location, b->location);
    if (!c)
        c = cmp_num(a->modality, b->modality);
    if (!c)
        c = cmp_num((double)a->nactors, (double)b->nactors);
    for (size_t i = 0; !c && i < a->nactors; i++) {
        c = strcmp(a->actors[i].id, b->actors[i].id);
        if (!c)
            c = cmp_num(a->actors[i].role, b->actors[i].role);
    }
    if (!c)
        c = cmp_num((double)a->nsources, (double)b->nsources);
    for (size_t i = 0; !c && i < a->nsources; i++)
        c = bn_source_cmp(&a->sources[i], &b->sources[i]);
    /* then what is derived, so that the order is total over what is written */
    if (!c)
        c = cmp_num(a->goldstein, b->goldstein);
    if (!c)
        c = cmp_num(a->confidence, b->confidence);
    if (!c)
        c = cmp_num(a->date.year_source, b->date.year_source);
    if (!c)
        c = cmp_num(a->date.year_lo, b->date.year_lo);
    if (!c)
        c = cmp_num(a->date.year_hi, b->date.year_hi);
    if (!c)
        c = cmp_num(a->date_source, b->date_source);
    return c;
}

typedef struct hashed {
    uint64_t h;
    const bn_event *ev;
    size_t i;
} hashed;

static int hashed_order(const void *va, const void *vb)
{
    const hashed *a = va, *b = vb;
    uint64_t x = a->h & ID_MASK, y = b->h & ID_MASK;
    if (x != y)
        return x < y ? -1 : 1;
    return bn_event_content_cmp(a->ev, b->ev);
}

static void set_id(bn_tl_event *e, uint64_t id)
{
    snprintf(e->id, sizeof e->id, "ev-%012llx", (unsigned long long)(id & ID_MASK));
}

bn_status bn_assign_event_ids(bn_timeline *tl)
{
    size_t n = tl->nevents;
    hashed *v = malloc((n ? n : 1) * sizeof *v);
    bn_id_map *used = bn_id_map_new(); /* keys: the events' own id arrays */
    bn_status st = v && used ? BN_OK : BN_ERR_NOMEM;
    for (size_t i = 0; st == BN_OK && i < n; i++)
        v[i] = (hashed){content_hash(&tl->events[i].ev), &tl->events[i].ev, i};
    if (st == BN_OK)
        bn_sort(v, n, sizeof *v, hashed_order);
    /* the first of each hash keeps it */
    for (size_t k = 0; st == BN_OK && k < n; k++)
        if (k == 0 || (v[k].h & ID_MASK) != (v[k - 1].h & ID_MASK)) {
            bn_tl_event *e = &tl->events[v[k].i];
            set_id(e, v[k].h);
            if (bn_id_map_put(used, e->id, (long)v[k].i))
                st = BN_ERR_NOMEM;
        }
    /* the j-th of a hash tries "#j" first, so that many equal events
     * cost one try each */
    size_t j = 0;
    for (size_t k = 1; st == BN_OK && k < n; k++) {
        if ((v[k].h & ID_MASK) != (v[k - 1].h & ID_MASK)) {
            j = 0;
            continue;
        }
        bn_tl_event *e = &tl->events[v[k].i];
        for (unsigned long long round = ++j;; round++) {
            char suffix[24];
            snprintf(suffix, sizeof suffix, "#%llu", round);
            set_id(e, feed(v[k].h, suffix));
            if (bn_id_map_get(used, e->id) < 0)
                break;
        }
        if (bn_id_map_put(used, e->id, (long)v[k].i))
            st = BN_ERR_NOMEM;
    }
    bn_id_map_free(used);
    free(v);
    return st;
}
