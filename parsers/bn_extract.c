#include "bn_extract.h"

#include <stdlib.h>

#include "bn_actors.h"
#include "bn_dates.h"
#include "bn_events.h"
#include "bn_sentences.h"

struct bn_extractor {
    const bn_kb *kb;
    const bn_lang *lang;
    bn_read_options opts;
    bn_splitter *splitter;
    bn_fuzzy_memo *fuzzy; /* misspelt names, remembered across this thread's articles */
    bn_phrase_starts starts; /* of the actor stage's sets (bn_actor_starts_init) */
};

bn_extractor *bn_extractor_new(const bn_kb *kb, const bn_lang *lang, const bn_read_options *opts)
{
    bn_extractor *ex = calloc(1, sizeof *ex);
    if (!ex)
        return NULL;
    ex->kb = kb;
    ex->lang = lang;
    if (opts)
        ex->opts = *opts;
    ex->splitter = bn_splitter_new(lang->locale);
    ex->fuzzy = bn_fuzzy_memo_new(bn_kb_fuzzy(kb));
    if (!ex->splitter || !ex->fuzzy || bn_actor_starts_init(&ex->starts, kb, lang) != BN_OK) {
        bn_extractor_free(ex);
        return NULL;
    }
    return ex;
}

void bn_extractor_free(bn_extractor *ex)
{
    if (!ex)
        return;
    bn_splitter_free(ex->splitter);
    bn_fuzzy_memo_free(ex->fuzzy);
    bn_phrase_starts_clear(&ex->starts);
    free(ex);
}

bn_status bn_extract(bn_extractor *ex, const bn_record *rec, bn_article **out, bn_error *err)
{
    *out = NULL;
    bn_article *a = bn_article_new();
    if (!a)
        return bn_error_set(err, BN_ERR_NOMEM, rec->path, rec->line, 1, 0, "out of memory");
    bn_status st = bn_read_article(a, rec, ex->lang, &ex->opts, err);
    if (st == BN_OK && (st = bn_split_sentences(ex->splitter, a, ex->lang)) != BN_OK)
        bn_error_set(err, st, rec->path, rec->line, 1, 0, "cannot split \"%s\" into sentences", rec->id);
    /* actors first: the offices they hold date the article for the dates */
    if (st == BN_OK && (st = bn_find_actors_memo(a, ex->kb, ex->lang, ex->fuzzy, &ex->starts)) != BN_OK)
        bn_error_set(err, st, rec->path, rec->line, 1, 0, "out of memory finding actors");
    if (st == BN_OK && (st = bn_tag_dates(a, ex->lang)) != BN_OK)
        bn_error_set(err, st, rec->path, rec->line, 1, 0, "out of memory tagging dates");
    if (st == BN_OK && (st = bn_link_offices(a, ex->kb, ex->lang)) != BN_OK)
        bn_error_set(err, st, rec->path, rec->line, 1, 0, "out of memory linking offices");
    if (st == BN_OK && (st = bn_find_events(a, ex->lang)) != BN_OK)
        bn_error_set(err, st, rec->path, rec->line, 1, 0, "out of memory finding events");
    if (st != BN_OK) {
        bn_article_free(a);
        return st;
    }
    *out = a;
    return BN_OK;
}
