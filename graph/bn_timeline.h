/* The resolved timeline across articles: every article's actors and events
 * are copied in; resolve() merges the events that report one real event
 * and orders them.  Owns all its memory (articles can be freed after
 * bn_timeline_add). */
#ifndef BN_TIMELINE_H
#define BN_TIMELINE_H

#include <stddef.h>

#include "bn_error.h"
#include "bn_id_map.h"
#include "bn_model.h"

/* An article's contribution to an actor's counts: a replaced copy takes
 * it back, and merged actors are counted from it. */
typedef struct bn_tl_share {
    size_t actor;
    unsigned mentions;
} bn_tl_share;

/* What became of an input article. */
typedef enum bn_article_status {
    BN_ARTICLE_OK,       /* read, with article text */
    BN_ARTICLE_EMPTY,    /* read, but all page furniture: no sentence */
    BN_ARTICLE_SKIPPED,  /* could not be read or extracted; `reason` says why */
} bn_article_status;

const char *bn_article_status_name(bn_article_status s);

typedef struct bn_tl_article {
    const char *id, *path, *url, *title;
    int line;                 /* of the record in its input */
    bn_article_status status;
    const char *reason;       /* why it was skipped, or NULL */
    bn_date dct;              /* a day; year 0 when not known */
    bn_dct_source dct_source;
    bn_date written_since;    /* bn_article.written_since */
    bn_date written_from, written_to; /* bn_article's */
    uint32_t *body;  /* pairs: offset, length in the original bytes */
    size_t nbody;
    size_t nsentences;
    size_t nevents;  /* events extracted from it, before merging */
    char text_hash[17];
    bn_tl_share *shares;  /* what it added to each actor's counts */
    size_t nshares;
} bn_tl_article;

typedef struct bn_tl_actor {
    const char *id, *name;
    const char *name_local; /* in the language of the articles (bn_actor.name_local) */
    bn_actor_kind kind;
    const char *affiliation; /* a person's, as the latest dated article that gives one says */
    long affiliation_day;  /* that article's publication day (LONG_MIN: undated) */
    int known;             /* in the knowledge base */
    const char **aliases;  /* surface forms seen, in order of first sight */
    size_t naliases, aliases_cap;
    unsigned mentions;
    unsigned articles;
    unsigned events;       /* events it takes part in, after merging */
} bn_tl_actor;

typedef struct bn_tl_event {
    char id[16];       /* "ev-" + 12 hex: from its content and all its sources, unique in the timeline */
    bn_event ev;
    unsigned articles; /* distinct articles among the sources */
    size_t origin;     /* the article it was extracted from */
} bn_tl_event;

typedef struct bn_timeline {
    bn_arena arena;
    bn_tl_article *articles;
    size_t narticles, articles_cap;
    bn_tl_actor *actors;  /* in order of first sight */
    size_t nactors, actors_cap;
    bn_tl_event *events;  /* after resolve: in date order */
    size_t nevents, events_cap;
    bn_id_map *actor_index;    /* id -> actor */
    bn_id_map *article_index;  /* id -> article */
} bn_timeline;

/* What bn_timeline_add did with an article. */
typedef enum bn_add_result {
    BN_ADDED,
    BN_DUPLICATE_SKIPPED,   /* the same text under the same id was already there */
    BN_DUPLICATE_REPLACED,  /* ... but this copy knows its publication date better */
} bn_add_result;

bn_timeline *bn_timeline_new(void);
void bn_timeline_free(bn_timeline *tl);

/* Copies the article's metadata, actors and events.  An article read twice
 * (same id, same text: a page and its JSON Lines record, say) is kept once:
 * the copy whose publication date comes from the better source (the record,
 * then a time stamp, then --dct), else the first.  *res says which. */
bn_status bn_timeline_add(bn_timeline *tl, const bn_article *a, bn_add_result *res);

/* Records an input that could not be read or extracted, so that every
 * input shows in the timeline: id "PATH:LINE" (or PATH), with the reason. */
bn_status bn_timeline_add_skipped(bn_timeline *tl, const char *path, int line, const char *reason);

/* Merges the events of one real event across articles (docs/resolve.md),
 * orders events by date and gives them stable ids.  Call once, after the
 * last add. */
bn_status bn_timeline_resolve(bn_timeline *tl);

/* Index of an actor by id, or -1. */
long bn_timeline_actor(const bn_timeline *tl, const char *id);

/* What a run counts: the command line's last line and the report page's
 * header say these, and only these, so that they always agree. */
typedef struct bn_timeline_counts {
    size_t articles;          /* every input article, skipped ones too: timeline.json articles[] */
    size_t by_status[3];      /* ... by bn_article_status: ok, empty, skipped */
    size_t events;            /* timeline.json events[] */
    size_t actors;            /* every actor named in an article: timeline.json actors[], graph.graphml's nodes */
    size_t actors_in_events;  /* ... of them, those that take part in an event */
} bn_timeline_counts;

/* Counts a resolved (and maybe filtered) timeline. */
void bn_timeline_count(const bn_timeline *tl, bn_timeline_counts *c);

#endif
