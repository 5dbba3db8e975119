/* Words a scraper glued together by dropping the space between two blocks
 * of a page ("sựUkraine", "TheoRIA", "cho biếtNga", "15/4thông", "báocấm")
 * are cut apart again by inserting a space into the clean text; the byte
 * map keeps every span pointing into the original bytes.
 *
 * A place is cut only when the parts are words: a lower-case letter
 * followed by a capital, when the part before it is Vietnamese (holds a
 * Vietnamese letter, or is one of `before_names`) or the part after it is
 * a cue (`after_words`: "Ảnh", "Theo"); before "đ", which only begins a
 * syllable ("NATOđã"; one vowel group of Vietnamese letters after it, so
 * not "Tuđman"); a number followed by a word or a
 * word by a number ("15/4thông", "ngày15"); two Vietnamese syllables run
 * together ("báocấm": two vowel groups, both with Vietnamese marks, and a
 * consonant run between them that is a final plus an initial of
 * `finals` and `initials`); after a sentence's final punctuation glued to
 * a capital ("đấu.Cơ hội", "năm 2022.Ông"; not "TP.HCM", "Tp.HCM" of
 * `abbreviations`, "www.Example.com").  Never inside a word of `names` ("DeSantis"),
 * nor after a single letter ("iPhone"), nor after a part in Latin letters
 * alone ("McCain", "YouTube", "TikTok").  The lists are data
 * (data/lang/<code>/page.json, "glued_words"). */
#ifndef BN_GLUE_H
#define BN_GLUE_H

#include <jansson.h>

#include "bn_error.h"
#include "bn_text.h"

typedef struct bn_glue bn_glue;

/* From the root object of data/lang/<code>/page.json at `path`: its
 * "glued_words" (none: no cutting) and "abbreviations". */
bn_status bn_glue_load(bn_glue **out, const json_t *obj, const char *path, bn_error *err);
void bn_glue_free(bn_glue *g);

/* Inserts a space at every glued place of `t` (memory from `arena`); `t`
 * is left as it is when there is none.  The positions of the inserted
 * spaces are kept in t->glued. */
bn_status bn_text_unglue(bn_arena *arena, bn_text *t, const bn_glue *g);

/* The same for a text tokenised by bn_tokenize_shaped into `tokens` with
 * `shapes`: only the words whose shape allows a cut are looked at, and
 * `tokens` is made again when a space was inserted. */
bn_status bn_text_unglue_tokens(bn_arena *arena, bn_text *t, bn_tokens *tokens, const uint8_t *shapes,
                                const bn_glue *g);

#endif
