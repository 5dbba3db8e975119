/* A compiled set of multi-word phrases matched on folded word tokens:
 * "Liên bang Nga", "đạt được thỏa thuận", "Tin liên quan".  Phrases are
 * folded the same way as the text (BN_FOLD_TONE), so tone placement and case
 * do not matter; a phrase written with an upper-case initial only matches a
 * word with an upper-case initial when BN_PHRASE_CASE is given. */
#ifndef BN_PHRASE_H
#define BN_PHRASE_H

#include <stddef.h>

#include "bn_error.h"
#include "bn_text.h"

typedef struct bn_phrases bn_phrases;

/* BN_PHRASE_PUNCT: the phrase's words may be separated by punctuation as
 * well ("Nguồn: [Link nguồn]"), not by letters or digits. */
enum { BN_PHRASE_CASE = 1, BN_PHRASE_PUNCT = 2 };

bn_phrases *bn_phrases_new(void);
void bn_phrases_free(bn_phrases *p);

/* Adds a phrase with its payload.  A phrase already present keeps its first
 * payload (returns BN_OK).  Phrases with no word are ignored. */
bn_status bn_phrases_add(bn_phrases *p, const char *phrase, int payload, unsigned flags);

/* The same for a phrase already tokenized (bn_tokenize of its text). */
bn_status bn_phrases_add_tokens(bn_phrases *p, const bn_tokens *toks, int payload, unsigned flags);

/* Must be called after the last add and before the first match. */
bn_status bn_phrases_compile(bn_phrases *p);

size_t bn_phrases_count(const bn_phrases *p);

/* The head of every bn_phrases, for the inline test below: a bit per
 * first-word hash (modulo fmask + 1) of the compiled set, every bit set
 * before bn_phrases_compile. */
typedef struct bn_phrases_head {
    const uint64_t *first;
    uint32_t fmask;
} bn_phrases_head;

size_t bn_phrases_match_at(const bn_phrases *p, const char *text, const bn_tokens *toks,
                           size_t i, size_t end, int *payload);

/* Longest phrase that starts at token `i` and ends before token `end`.
 * `text` is the clean text the tokens were made from.  Returns the number of
 * tokens matched (0: none) and sets *payload.  Most tokens start no phrase
 * of a set: those are turned away here, with one load. */
static inline size_t bn_phrases_match(const bn_phrases *p, const char *text, const bn_tokens *toks,
                                      size_t i, size_t end, int *payload)
{
    const bn_phrases_head *h = (const bn_phrases_head *)p;
    if (i >= end)
        return 0;
    uint32_t b = toks->v[i].hash & h->fmask;
    if (!(h->first[b / 64] >> (b % 64) & 1))
        return 0;
    return bn_phrases_match_at(p, text, toks, i, end, payload);
}

/* Which of up to eight phrase sets may start at a word, for a stage that
 * looks several sets up at every token: one load of a byte per word, not
 * a filter per set.  Bit k of bn_phrase_starts_at is set when a first word
 * of sets[k] has the hash's low bits (never for a NULL set; always for one
 * not compiled): 0 means that set starts no phrase there. */
typedef struct bn_phrase_starts {
    uint8_t *bits;
    uint32_t mask;
} bn_phrase_starts;

bn_status bn_phrase_starts_init(bn_phrase_starts *s, const bn_phrases *const *sets, size_t n);
void bn_phrase_starts_clear(bn_phrase_starts *s);

static inline unsigned bn_phrase_starts_at(const bn_phrase_starts *s, uint32_t hash)
{
    return s->bits[hash & s->mask];
}

#endif
