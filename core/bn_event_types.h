/* Event types: one record each, in one table (bn_event_types.c).
 *
 * Adding a type is one enum value and one row, then its triggers in
 * data/lang/<code>/events.json and tests.  A row names every field (a row
 * short of one, its colour say, does not compile), and the rows are
 * counted against BN_EV_COUNT when it compiles.  The pictures and pages
 * under output/ take a type's colour from here, and what the language
 * calls it from data/lang/<code>/labels.json (bn_labels.h), which must
 * name every type. */
#ifndef BN_EVENT_TYPES_H
#define BN_EVENT_TYPES_H

typedef enum bn_event_type {
    BN_EV_STATEMENT,
    BN_EV_APPEAL,
    BN_EV_PROPOSAL,
    BN_EV_MEETING,
    BN_EV_AGREEMENT,
    BN_EV_AID,
    BN_EV_DEMAND,
    BN_EV_CRITICISM,
    BN_EV_REJECTION,
    BN_EV_WARNING,
    BN_EV_SANCTION,
    BN_EV_MILITARY,
    BN_EV_COUNT
} bn_event_type;

/* Types whose reports can be of one real event (bn_event_same_parties,
 * graph/bn_resolve_events.c).  The values are hashed into the resolver's
 * keys: keep them. */
typedef enum bn_family {
    BN_FAMILY_SPEECH = 0,    /* statement and the verbal acts */
    BN_FAMILY_GATHERING = 1, /* meeting, agreement */
    BN_FAMILY_AID = 2,
    BN_FAMILY_SANCTION = 3,
    BN_FAMILY_MILITARY = 4,
} bn_family;

typedef struct bn_event_type_record {
    const char *name;        /* the JSON schema's word (docs/timeline.schema.json) */
    const char *cameo_roots; /* CAMEO root codes a trigger's code starts with, the usual first: "19 15" */
    bn_family family;
    unsigned verbal : 1;     /* a verbal act other than the plain statement (a warning, a demand) */
    unsigned enactable : 1;  /* an act a signature enacts ("ký sắc lệnh trừng phạt"): a trigger that
                              * enacts, followed by it, is an event of this type */
    unsigned dark : 1;       /* text on `colour` is white */
    const char *colour;      /* "#RRGGBB": Paul Tol's colour-blind-safe "muted" scheme and four tones of
                              * his "light" one */
} bn_event_type_record;

/* The record of `t`; a record named "?" for a value out of range. */
const bn_event_type_record *bn_event_type_record_of(bn_event_type t);

const char *bn_event_type_name(bn_event_type t);
/* Whether `s` names a type; then *out is it. */
int bn_event_type_parse(const char *s, bn_event_type *out);
bn_family bn_event_family(bn_event_type t);
/* Whether the CAMEO code `cameo` is of type `t` (starts with a root of it). */
int bn_event_type_cameo_fits(bn_event_type t, const char *cameo);

#endif
