/* The steps of bn_timeline_resolve (bn_resolve.c), one file each, private
 * to graph/.  They run in this order, on a timeline whose articles and
 * events are in canonical order (by article id and position), so that the
 * result does not depend on the order the articles were added in.  The
 * steps call bn_timeline.c, never bn_resolve.c nor one another. */
#ifndef BN_RESOLVE_H
#define BN_RESOLVE_H

#include <stddef.h>

#include "bn_timeline.h"

/* Union-find with path halving: the root of i. */
static inline size_t bn_uf_root(size_t *parent, size_t i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

/* One actor per real actor: people the knowledge base does not know are
 * merged with a close spelling of their name or, named by one word, with
 * the one full name of the corpus that word ends or begins; event actors
 * are renamed; actors end up ordered by id. */
bn_status bn_resolve_actors(bn_timeline *tl);

/* Days without a year take the year of the same event in another article;
 * the article's other days follow.  Runs to a fixed point; then the counts
 * deferred from a lead day without a year ("tuần trước") are made, or
 * their events dropped. */
bn_status bn_resolve_years(bn_timeline *tl);

/* Merges the events of different articles that report one real event. */
bn_status bn_resolve_events(bn_timeline *tl);

/* Gives every event its id, from its content and all its sources, unique
 * within the timeline (bn_event_ids.c).  Sources must be in order. */
bn_status bn_assign_event_ids(bn_timeline *tl);

/* A total order of sources: article, offsets, then the text as written. */
int bn_source_cmp(const bn_source *a, const bn_source *b);

/* A total order of events by everything written of them. */
int bn_event_content_cmp(const bn_event *a, const bn_event *b);

#endif
