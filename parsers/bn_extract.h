/* The per-article pipeline: record -> article -> sentences -> dates and
 * actors -> events.  Stateless between articles, so it can run on shards
 * and on several threads (one extractor per thread). */
#ifndef BN_EXTRACT_H
#define BN_EXTRACT_H

#include "bn_error.h"
#include "bn_input.h"
#include "bn_kb.h"
#include "bn_lang.h"
#include "bn_model.h"
#include "bn_reader.h"

typedef struct bn_extractor bn_extractor;

/* kb and lang are borrowed and must outlive the extractor. */
bn_extractor *bn_extractor_new(const bn_kb *kb, const bn_lang *lang, const bn_read_options *opts);
void bn_extractor_free(bn_extractor *ex);

/* Runs every stage on one record.  On success *out is a new article the
 * caller frees with bn_article_free; on failure *out is NULL and err says
 * why (file:line:col). */
bn_status bn_extract(bn_extractor *ex, const bn_record *rec, bn_article **out, bn_error *err);

#endif
