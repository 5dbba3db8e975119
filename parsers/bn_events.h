/* Event extraction: in each body sentence, a trigger from the lexicon, the
 * actors around it and the date the sentence gives make an event. */
#ifndef BN_EVENTS_H
#define BN_EVENTS_H

#include "bn_error.h"
#include "bn_lang.h"
#include "bn_model.h"

/* Needs sentences, timexes and mentions; fills a->events. */
bn_status bn_find_events(bn_article *a, const bn_lang *lang);

#endif
