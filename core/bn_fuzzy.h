/* A typo-tolerant index of names, for the names pages misspell: "Zelenksy",
 * "Lithuuania", "Gitanas Nausea", "Stoltenbreg".
 *
 * Names and queries are folded with BN_FOLD_ASCII (case and every diacritic
 * removed, "đ" to "d"), word by word with a single space between words, and
 * compared by Damerau-Levenshtein distance (optimal string alignment) over
 * code points.  A query is only compared with names of as many words.  The
 * distance allowed depends on the shorter of the two, in letters (spaces not
 * counted): 1 from 7 to 11 letters, 2 from 12. */
#ifndef BN_FUZZY_H
#define BN_FUZZY_H

#include <stddef.h>
#include <stdint.h>

#include "bn_error.h"

typedef struct bn_fuzzy bn_fuzzy;

bn_fuzzy *bn_fuzzy_new(void);
void bn_fuzzy_free(bn_fuzzy *f);

/* Adds a name (UTF-8, any case and diacritics) with a payload >= 0.  Names
 * of fewer than 7 letters once folded are ignored (too short to correct
 * safely: "Nga" must never match "Na"), and so are names of more than 64
 * code points.  Both return BN_OK. */
bn_status bn_fuzzy_add(bn_fuzzy *f, const char *name, int payload);

/* Must be called after the last add and before the first find. */
bn_status bn_fuzzy_compile(bn_fuzzy *f);

/* The payload of the one name within the allowed distance of the `len`
 * bytes of `s` (one to a few words of the text), or -1: when no name is
 * that close, when the closest are two names with different payloads, or
 * when the closest is at distance 0 (an exact name is not a typo: the exact
 * matcher's job).  *dist (may be NULL) gets the closest distance, also when
 * -1 is returned for an exact or ambiguous match, or -1 when no name is
 * within the limit.  Does not allocate. */
int bn_fuzzy_find(const bn_fuzzy *f, const char *s, size_t len, int *dist);

/* The same, ignoring the names added with payload `except`: a name's
 * closest other name in an index that holds it. */
int bn_fuzzy_find_except(const bn_fuzzy *f, const char *s, size_t len, int except, int *dist);

/* bn_fuzzy_find's answers for one index remembered, for one thread: the
 * same misspelt names come back from article to article.  A fixed table
 * (about 1 MB); a text of more than 52 bytes is looked up each time. */
typedef struct bn_fuzzy_memo bn_fuzzy_memo;

bn_fuzzy_memo *bn_fuzzy_memo_new(const bn_fuzzy *f);
void bn_fuzzy_memo_free(bn_fuzzy_memo *m);

/* bn_fuzzy_find(f, s, len, NULL) for the memo's f, remembered. */
int bn_fuzzy_memo_find(bn_fuzzy_memo *m, const char *s, size_t len);

/* Whether x has more than k bits set (the letter-mask test of a find),
 * for tests. */
int bn_fuzzy_more_bits(uint32_t x, int k);

#endif
