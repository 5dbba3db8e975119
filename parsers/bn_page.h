/* Finding the article inside a scraped page: each line classified as
 * title, metadata, body or boilerplate, from cue words (data/lang/vi/
 * page.json) and from structure: length, final punctuation, repetition,
 * position relative to the body, and the lines around it. */
#ifndef BN_PAGE_H
#define BN_PAGE_H

#include "bn_error.h"
#include "bn_lang.h"
#include "bn_model.h"

/* Fills a->title_span, a->body (title first) and, when the page has a date
 * line near the title and no better date is known, a->dct. */
bn_status bn_page_layout(bn_article *a, const bn_lang *lang);

/* A publication date in a URL (/2023/07/10/, -20230710..., 2023-07-10):
 * fills *out (a day) and returns 1, or returns 0. */
int bn_url_date(const char *url, bn_date *out);

#endif
