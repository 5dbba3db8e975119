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

/* Whether an event word of a kind in `kinds` (a bit 1 << bn_event_word
 * each) ends right before token tok: "so với cùng kỳ" before "năm 2019",
 * "kể từ" before "tháng 7". */
int bn_word_before(const bn_article *a, const bn_lang *lang, size_t tok, unsigned kinds);

#endif
