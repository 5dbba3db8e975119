#include "bn_event_types.h"

#include <string.h>

/* The rows, one per type: TYPE(type, name, CAMEO roots, family, verbal,
 * enactable, colour, dark).  TYPE wants every field, so a row without one
 * does not compile; a colour must be "#RRGGBB".  What a language calls the
 * type is in data/lang/<code>/labels.json (core/bn_labels.c). */
#define EVENT_TYPES(TYPE) \
    TYPE(BN_EV_STATEMENT, "statement", "01", BN_FAMILY_SPEECH, 0, 0, "#88CCEE", 0) \
    TYPE(BN_EV_APPEAL, "appeal", "02", BN_FAMILY_SPEECH, 1, 0, "#44AA99", 0) \
    TYPE(BN_EV_PROPOSAL, "proposal", "03", BN_FAMILY_SPEECH, 1, 0, "#117733", 1) \
    TYPE(BN_EV_MEETING, "meeting", "04", BN_FAMILY_GATHERING, 0, 0, "#332288", 1) \
    TYPE(BN_EV_AGREEMENT, "agreement", "05", BN_FAMILY_GATHERING, 0, 0, "#999933", 0) \
    TYPE(BN_EV_AID, "aid", "07", BN_FAMILY_AID, 0, 1, "#DDCC77", 0) \
    TYPE(BN_EV_DEMAND, "demand", "10", BN_FAMILY_SPEECH, 1, 0, "#CC6677", 0) \
    TYPE(BN_EV_CRITICISM, "criticism", "11", BN_FAMILY_SPEECH, 1, 0, "#AA4499", 1) \
    TYPE(BN_EV_REJECTION, "rejection", "12", BN_FAMILY_SPEECH, 1, 0, "#882255", 1) \
    TYPE(BN_EV_WARNING, "warning", "13", BN_FAMILY_SPEECH, 1, 0, "#EE8866", 0) \
    TYPE(BN_EV_SANCTION, "sanction", "16", BN_FAMILY_SANCTION, 0, 1, "#BBCC33", 0) \
    TYPE(BN_EV_MILITARY, "military", "19 15", BN_FAMILY_MILITARY, 0, 1, "#4D4D4D", 1)

/* A string literal ("" c is one only if c is) of 7 characters, else an
 * array of negative size. */
#define COLOUR(c) (("" c) + 0 * sizeof(char[sizeof("" c) == sizeof "#RRGGBB" ? 1 : -1]))

#define RECORD(type, name_, roots_, family_, verbal_, enactable_, colour_, dark_) \
    [type] = {.name = name_,                                                            \
              .cameo_roots = roots_,                                                    \
              .family = family_,                                                        \
              .verbal = verbal_,                                                        \
              .enactable = enactable_,                                                  \
              .dark = dark_,                                                            \
              .colour = COLOUR(colour_)},

static const bn_event_type_record records[] = {EVENT_TYPES(RECORD)};

#define ONE(...) +1
/* as many rows as types (so no type is a hole of zeros), and the last type has one */
_Static_assert(0 EVENT_TYPES(ONE) == BN_EV_COUNT, "one row per event type");
_Static_assert(sizeof records / sizeof records[0] == BN_EV_COUNT, "one record per event type");

static const bn_event_type_record unknown = {
    .name = "?", .cameo_roots = "", .family = BN_FAMILY_SPEECH, .colour = "#E0E0E0"};

const bn_event_type_record *bn_event_type_record_of(bn_event_type t)
{
    return (unsigned)t < BN_EV_COUNT ? &records[t] : &unknown;
}

const char *bn_event_type_name(bn_event_type t)
{
    return bn_event_type_record_of(t)->name;
}

int bn_event_type_parse(const char *s, bn_event_type *out)
{
    for (unsigned i = 0; s && i < BN_EV_COUNT; i++)
        if (strcmp(s, records[i].name) == 0) {
            *out = (bn_event_type)i;
            return 1;
        }
    return 0;
}

bn_family bn_event_family(bn_event_type t)
{
    return bn_event_type_record_of(t)->family;
}

int bn_event_type_cameo_fits(bn_event_type t, const char *cameo)
{
    for (const char *r = bn_event_type_record_of(t)->cameo_roots; *r; r += r[2] ? 3 : 2)
        if (strncmp(cameo, r, 2) == 0)
            return 1;
    return 0;
}
