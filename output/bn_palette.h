/* Colours of the pictures. Event types use Paul Tol's colour-blind-safe
 * "muted" scheme extended with four tones of his "light" scheme. */
#ifndef BN_PALETTE_H
#define BN_PALETTE_H

#include "bn_model.h"

static const char *const bn_type_colors[BN_EV_COUNT] = {
    "#88CCEE", /* statement */
    "#44AA99", /* appeal */
    "#117733", /* proposal */
    "#332288", /* meeting */
    "#999933", /* agreement */
    "#DDCC77", /* aid */
    "#CC6677", /* demand */
    "#AA4499", /* criticism */
    "#882255", /* rejection */
    "#EE8866", /* warning */
    "#BBCC33", /* sanction */
    "#4D4D4D", /* military */
};

/* Whether text on the type's colour should be white. */
static inline int bn_type_dark(bn_event_type t)
{
    return t == BN_EV_MEETING || t == BN_EV_REJECTION || t == BN_EV_PROPOSAL || t == BN_EV_CRITICISM || t == BN_EV_MILITARY;
}

#endif
