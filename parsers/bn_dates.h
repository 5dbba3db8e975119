/* The date tagger: time expressions of the body as TIMEX3 values, with the
 * year taken from the text, else from the publication date. */
#ifndef BN_DATES_H
#define BN_DATES_H

#include "bn_error.h"
#include "bn_lang.h"
#include "bn_model.h"

/* Fills a->timexes (in text order) from the body sentences. */
bn_status bn_tag_dates(bn_article *a, const bn_lang *lang);

/* Days since 1970-01-01 of a proleptic Gregorian date. */
long bn_days_from_civil(int y, int m, int d);

#endif
