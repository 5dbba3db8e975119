/* The date tagger: the body's time expressions (docs/dates.md) as TIMEX3
 * values, each with where its year came from.  One pass over the tokens
 * with the compiled patterns of data/lang/vi/dates.json, then the values:
 * the year from the text, else the publication date (with the sentence's
 * tense), else what the article's own dates say of when it was written,
 * else XXXX. */
#ifndef BN_DATES_H
#define BN_DATES_H

#include "bn_error.h"
#include "bn_lang.h"
#include "bn_model.h"

/* Fills a->timexes (in text order) from the body sentences. */
bn_status bn_tag_dates(bn_article *a, const bn_lang *lang);

/* The days from another act to the act of period pd, a time read as no
 * date of its own that counts from another event ("một ngày trước khi"
 * -1, "hai tuần sau khi" +14): 1 and *days, else 0. */
int bn_date_period_offset(const bn_article *a, const bn_lang *lang, const bn_span *pd, long *days);

/* ISO 8601 week of a day: its year and week number. */
void bn_iso_week(long days, int *year, int *week);

#endif
