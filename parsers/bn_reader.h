/* Reading one article out of a scraped page: clean text, title, the body
 * as spans (page furniture left out), publication date, sentences. */
#ifndef BN_READER_H
#define BN_READER_H

#include "bn_error.h"
#include "bn_input.h"
#include "bn_lang.h"
#include "bn_model.h"

typedef struct bn_read_options {
    int lenient;          /* invalid UTF-8 becomes U+FFFD instead of an error */
    bn_date dct;          /* the day of records without a date; year 0: none */
    /* --saved: the day no input article was written after, instead of
     * each file's modification day (year 0: no such bound) */
    int saved_given;
    bn_date saved;
} bn_read_options;

/* Fills the article from a record.  Errors (invalid UTF-8, empty article)
 * name the record's file, line and column. */
bn_status bn_read_article(bn_article *a, const bn_record *rec, const bn_lang *lang,
                          const bn_read_options *opts, bn_error *err);

#endif
