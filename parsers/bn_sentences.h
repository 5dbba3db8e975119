/* Splitting an article's body into sentences, each with its token range:
 * ICU's sentence rules, repaired where they fail on Vietnamese news (a full
 * stop after an abbreviation or an initial ends no sentence: "TP. Hồ Chí
 * Minh", "GS. Nguyễn", "U.S. Army", "John F. Kennedy").  Each body line is
 * split on its own, so a line without final punctuation (a caption) is a
 * sentence.  The title is not a body sentence. */
#ifndef BN_SENTENCES_H
#define BN_SENTENCES_H

#include "bn_error.h"
#include "bn_lang.h"
#include "bn_model.h"

typedef struct bn_splitter bn_splitter;

/* One splitter per thread: it holds an ICU break iterator for `locale`
 * (the language's, bn_lang.locale). */
bn_splitter *bn_splitter_new(const char *locale);
void bn_splitter_free(bn_splitter *sp);

bn_status bn_split_sentences(bn_splitter *sp, bn_article *a, const bn_lang *lang);

/* The sentence breaks ICU finds in the clean text s[0, len), as
 * bn_split_sentences reads them (before its repairs): byte offsets, 0 first
 * and len last, at most `max` of them written to `out`.  With `tokens`
 * (bn_tokenize's of s), words are passed over whole between terminators,
 * as bn_split_sentences does; without, read byte by byte.  Returns how many
 * there are, or (size_t)-1 when out of memory or ICU fails. */
size_t bn_splitter_breaks(bn_splitter *sp, const char *s, size_t len, const bn_tokens *tokens, uint32_t *out,
                          size_t max);

/* Whether a caption credit begins at token i (before `end`): one of the
 * language's caption_credits followed by a colon ("Ảnh: AFP", "(Nguồn:
 * Reuters)"). */
int bn_credit_at(const bn_article *a, const bn_lang *lang, size_t i, size_t end);

/* Whether sentence k is a photo's caption: it holds a credit, or the
 * sentence after it is one ("... chủ trì cuộc họp. (Ảnh: TASS)"). */
int bn_sentence_is_caption(const bn_article *a, const bn_lang *lang, size_t k);

#endif
