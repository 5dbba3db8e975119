/* The data model: what one article yields, stage by stage.
 *
 * article -> sentences -> time expressions and actor mentions -> events.
 * All of an article's objects live in the article's arena.  Offsets named
 * `start`/`end` are into the clean text; `offset`/`length` are into the
 * article's original bytes. */
#ifndef BN_MODEL_H
#define BN_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "bn_arena.h"
#include "bn_array.h"
#include "bn_date.h"
#include "bn_error.h"
#include "bn_event_types.h"
#include "bn_text.h"

/* ---- dates ---------------------------------------------------------- */

/* bn_precision, bn_date_mod and bn_date, the date as a value: bn_date.h */

/* Where the year of a date came from. */
typedef enum bn_year_source {
    BN_YEAR_TEXT,      /* written in the expression */
    BN_YEAR_DCT,       /* the publication date */
    BN_YEAR_INFERRED,  /* when the article was written, from its own dates */
    BN_YEAR_CROSS,     /* the same event in another article */
    BN_YEAR_UNKNOWN,   /* XXXX */
    BN_YEAR_DEFERRED,  /* counted from the writing's day, not known yet: extract records only */
} bn_year_source;

/* A page without a publication date was most likely written on the
 * latest past day its lead names or within this many days after it:
 * what is counted from its writing ("tuần trước") is dated only when
 * every one of those days gives the same date. */
#define BN_WRITING_LAG 2

/* No page read here was written before 1990 (news on the web began in the
 * mid-1990s): clues that end the writing earlier were misread ("sẽ khôi
 * phục hiện trạng trước tháng 8/1968"), and bound nothing. */
#define BN_WRITING_EPOCH_YEAR 1990

typedef struct bn_timex {
    bn_date value;             /* the date, or a span's first */
    bn_date end;               /* a span's last, when has_end */
    int has_end;
    bn_date_mod mod;
    bn_year_source year_source;
    int year_lo, year_hi;      /* unknown year: the years it may be (0: unbounded); for the resolver */
    bn_shift deferred;         /* year_source DEFERRED: the date is `deferred` counted from `value`, a
                                * day without its year (the lead's, with the writing's lag); the
                                * resolver counts it once that day has a year */
    uint32_t start, end_off;   /* clean-text span of the expression */
} bn_timex;

const char *bn_precision_name(bn_precision p);
int bn_precision_parse(const char *s, bn_precision *out);
const char *bn_year_source_name(bn_year_source s);
int bn_year_source_parse(const char *s, bn_year_source *out);

/* ---- actors --------------------------------------------------------- */

typedef enum bn_actor_kind {
    BN_KIND_COUNTRY,
    BN_KIND_ORGANIZATION,
    BN_KIND_PERSON,
    BN_KIND_GROUP,
} bn_actor_kind;

const char *bn_kind_name(bn_actor_kind k);
int bn_kind_parse(const char *s, bn_actor_kind *out);

/* An actor as one article knows it. */
typedef struct bn_actor {
    const char *id;       /* knowledge-base id */
    const char *name;     /* canonical (English) */
    const char *name_local; /* in the article's language: the knowledge base's name in it, else `name`;
                             * the outputs write it as "name_vi" (docs/architecture.md) */
    bn_actor_kind kind;
    const char **aliases; /* surface forms seen in the article, distinct */
    size_t naliases;
    unsigned mentions;
    const char *affiliation; /* a person's: the id of the state or organisation they speak for, or NULL */
    int from_text;        /* a person the knowledge base does not know, named in the article */
} bn_actor;

/* One occurrence of an actor in the text. */
typedef struct bn_mention {
    uint32_t start, end;  /* clean text */
    uint32_t actor;       /* index into the article's actors */
    uint32_t tok;         /* first token */
} bn_mention;

/* ---- events --------------------------------------------------------- */

/* bn_event_type, its record, names and families: bn_event_types.h */

typedef enum bn_modality {
    BN_MOD_ASSERTED,
    BN_MOD_PLANNED,
    BN_MOD_NEGATED,
    BN_MOD_HYPOTHETICAL,
} bn_modality;

const char *bn_modality_name(bn_modality m);
int bn_modality_parse(const char *s, bn_modality *out);

typedef enum bn_role {
    BN_ROLE_SOURCE,  /* who acts */
    BN_ROLE_TARGET,  /* who is acted on */
    BN_ROLE_OTHER,   /* named, role unclear */
} bn_role;

const char *bn_role_name(bn_role r);
int bn_role_parse(const char *s, bn_role *out);

typedef struct bn_event_actor {
    const char *id;
    bn_role role;
} bn_event_actor;

/* Where an event is stated. */
typedef struct bn_source {
    const char *article;   /* the article's id (input file name) */
    const char *sentence;  /* the sentence, clean text */
    uint32_t offset, length;  /* the sentence in the original bytes */
    const char *trigger;   /* the trigger as written */
    uint32_t trigger_offset, trigger_length;  /* original bytes */
    /* The date this source's article gives the event, when the timeline
     * merged reports that give it different dates (an announcement on
     * 15/4, "in force from 24/4" in another article); NULL otherwise.
     * Only the resolver sets it (in the timeline's arena). */
    const bn_timex *date;
} bn_source;

/* Where an event's date came from. */
typedef enum bn_date_source {
    BN_DATE_CLAUSE,    /* a date of its own clause (or "cùng ngày", the date before) */
    BN_DATE_SENTENCE,  /* a date earlier in its sentence */
    BN_DATE_DCT,       /* none written: the publication date */
} bn_date_source;

const char *bn_date_source_name(bn_date_source s);
int bn_date_source_parse(const char *s, bn_date_source *out);

typedef struct bn_event {
    bn_event_type type;
    char cameo[8];
    double goldstein;
    bn_timex date;
    bn_date_source date_source;
    const char *location;  /* where it happened as written ("Geneva"), or NULL */
    bn_event_actor *actors;
    size_t nactors;
    bn_source *sources;
    size_t nsources;
    bn_modality modality;
    double confidence;
} bn_event;

/* Whether two events name an actor in common. */
int bn_event_shares_actor(const bn_event *a, const bn_event *b);

/* The side an actor stands for: a person's state or organisation when it
 * is known, else NULL (the actor itself). */
typedef const char *(*bn_side_fn)(const void *ctx, const char *id);

/* Whether two reports of one type family can be of one event by their
 * actors: a meeting or agreement, two sides in common or all the sides of
 * one among the other's (its sides are written in either order; a person
 * counts as the side `side` gives, which may be NULL); the rest, the same
 * doer when both name one (two statements of one day by different
 * speakers stay two). */
int bn_event_same_parties(const bn_event *a, const bn_event *b, bn_side_fn side, const void *ctx);

/* Merges `from` into `into`, one real event reported twice: its actors
 * (each once) and sources join, asserted wins over planned, the higher
 * confidence stays, a location fills a missing one.  New arrays come from `arena`. */
bn_status bn_event_absorb(bn_arena *arena, bn_event *into, const bn_event *from);

/* ---- articles ------------------------------------------------------- */

/* Where the publication date came from, most trusted last. */
typedef enum bn_dct_source {
    BN_DCT_NONE,
    BN_DCT_URL,     /* a date in the article's URL */
    BN_DCT_PAGE,    /* a date line near the title */
    BN_DCT_GIVEN,   /* the record's "date", or --dct */
} bn_dct_source;

const char *bn_dct_source_name(bn_dct_source s);
int bn_dct_source_parse(const char *s, bn_dct_source *out);

typedef struct bn_span {
    uint32_t start, end;  /* clean text */
} bn_span;

typedef struct bn_sentence {
    uint32_t start, end;         /* clean text */
    uint32_t tok_begin, tok_end; /* tokens */
} bn_sentence;

/* A dated gathering of the knowledge base a sentence names ("Hội nghị
 * thượng đỉnh tại Vilnius"): the days it was held. */
typedef struct bn_gathering_ref {
    uint32_t sentence;
    long from, to;  /* days since 1970-01-01 */
    int series;     /* named by its organiser alone ("Hội nghị G7"): one sitting of a series */
    uint32_t at;    /* where the sentence names it (clean-text offset of its name, place or organiser) */
} bn_gathering_ref;

/* A time the date stage read as no date of its own (bn_article.periods). */
typedef struct bn_period {
    uint32_t start, end; /* clean-text span */
    int counted;         /* a time counted from another act: "một ngày trước khi" */
    long days;           /* then the days from that act to this one (-1; "hai tuần sau khi" +14) */
} bn_period;

typedef struct bn_article {
    bn_arena arena;
    const char *id;     /* name in the output: file name or record id */
    const char *path;   /* the input it came from */
    int line;           /* of the record in that input (1 for a text file) */
    const char *warning; /* something the user should hear of that did not stop the article, or NULL */
    const char *url;
    const char *title;
    bn_date dct;        /* a day; year 0 when not known */
    bn_dct_source dct_source;
    /* With no DCT and no other bound (but the day its file was saved):
     * the latest past day the article writes ("hồi tháng 12/2025"), after
     * which it was written; year 0 when none.  A hint for the resolver,
     * taken only when other articles give the article no year (a history
     * date may be the latest one).  Set before the saved day closes the
     * window: set after, bulk.jsonl without dates fell 0.532 -> 0.277. */
    bn_date written_since;
    /* With no DCT: the days the article's own clues put its writing
     * between (its past and coming dates, the offices of the people it
     * names), "dct": {"source": "inferred", "range": [from, to]}; year 0
     * on an unbounded side. */
    bn_date written_from, written_to;
    /* The day the article's file was saved (or --saved): it was not
     * written later.  Year 0 when unknown. */
    bn_date saved;
    char text_hash[17]; /* FNV-1a 64 of the clean text, hex: tells copies of one article apart */

    const char *raw;    /* original bytes */
    size_t raw_len;
    bn_text text;       /* clean text with map to raw */
    bn_tokens tokens;

    bn_span title_span;
    bn_span *body;      /* clean-text spans of the body, in order */
    size_t nbody;
    /* Where a photo credit was cut out of a line of the body ("... tháng
     * 12/2025. Ảnh:AP Venezuela có ..."), in clean text, in order: the
     * sentence ending there is a caption, its credit no longer after it. */
    uint32_t *credit_cuts;
    size_t ncredit_cuts;
    bn_sentence *sentences;
    size_t nsentences;
    bn_timex *timexes;
    size_t ntimexes;
    bn_actor *actors;
    size_t nactors;
    bn_mention *mentions;
    size_t nmentions;
    bn_event *events;
    size_t nevents;

    /* When the article was written, as far as the offices of the people
     * it names tell ("Tổng thư ký NATO Jens Stoltenberg": between
     * 2014-10-01 and 2024-10-01), in days; LONG_MIN/LONG_MAX unbounded.
     * Filled by the actor stage, used by the date stage. */
    long written_after, written_before;
    /* Filled by the actor stage, used by the date stage: a day and month
     * of the sentence that fall in one of them take its year. */
    bn_gathering_ref *gatherings;
    size_t ngatherings;
    /* Places named after "tại", "ở" (filled by the actor stage, which
     * takes them for no actor): where events happen. */
    bn_span *places;
    size_t nplaces;
    /* Periods and times counted from another event the date stage read
     * as no date ("trong những năm gần đây", "8 năm qua", "một ngày trước
     * khi ..."): an act in their clause is of no one day. */
    bn_period *periods;
    size_t nperiods;

    /* Body spans as original offsets, filled by the reader (and by the
     * extract-output reader, which has no text). */
    uint32_t *body_offsets;  /* pairs: offset, length */
} bn_article;

bn_article *bn_article_new(void);
void bn_article_free(bn_article *a);

/* The days a date covers, first and last (a week, month, quarter, half
 * or year whole, whatever its mod; a span from its first day to its
 * end's); 0 when its year is unknown or its days are not in the
 * calendar. */
int bn_timex_days(const bn_timex *t, long *lo, long *hi);
/* The order of two dates by their TIMEX3 value, then end (none first),
 * then what is still to be counted (none first). */
int bn_timex_date_cmp(const bn_timex *a, const bn_timex *b);

#endif
