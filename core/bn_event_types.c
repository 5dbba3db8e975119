#include "bn_event_types.h"

#include <string.h>

static const bn_event_type_record records[] = {
    [BN_EV_STATEMENT] = {"statement", "01", BN_FAMILY_SPEECH, 0, 0},
    [BN_EV_APPEAL] = {"appeal", "02", BN_FAMILY_SPEECH, 1, 0},
    [BN_EV_PROPOSAL] = {"proposal", "03", BN_FAMILY_SPEECH, 1, 0},
    [BN_EV_MEETING] = {"meeting", "04", BN_FAMILY_GATHERING, 0, 0},
    [BN_EV_AGREEMENT] = {"agreement", "05", BN_FAMILY_GATHERING, 0, 0},
    [BN_EV_AID] = {"aid", "07", BN_FAMILY_AID, 0, 1},
    [BN_EV_DEMAND] = {"demand", "10", BN_FAMILY_SPEECH, 1, 0},
    [BN_EV_CRITICISM] = {"criticism", "11", BN_FAMILY_SPEECH, 1, 0},
    [BN_EV_REJECTION] = {"rejection", "12", BN_FAMILY_SPEECH, 1, 0},
    [BN_EV_WARNING] = {"warning", "13", BN_FAMILY_SPEECH, 1, 0},
    [BN_EV_SANCTION] = {"sanction", "16", BN_FAMILY_SANCTION, 0, 1},
    [BN_EV_MILITARY] = {"military", "19 15", BN_FAMILY_MILITARY, 0, 1},
};

_Static_assert(sizeof records / sizeof records[0] == BN_EV_COUNT, "one record per event type");

static const bn_event_type_record unknown = {"?", "", BN_FAMILY_SPEECH, 0, 0};

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
