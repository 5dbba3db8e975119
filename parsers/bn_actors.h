/* Actor recognition: names from the knowledge base found in the body
 * sentences, one article actor per knowledge-base actor. */
#ifndef BN_ACTORS_H
#define BN_ACTORS_H

#include "bn_error.h"
#include "bn_fuzzy.h"
#include "bn_kb.h"
#include "bn_lang.h"
#include "bn_model.h"
#include "bn_phrase.h"

/* Fills a->mentions (in text order) and a->actors (in order of first
 * mention). */
bn_status bn_find_actors(bn_article *a, const bn_kb *kb, const bn_lang *lang);

/* Which of the phrase sets the stage looks up at every token may start
 * at a word (bn_phrase_starts of the knowledge base's and the language's
 * sets), made once for a knowledge base and a language; released with
 * bn_phrase_starts_clear. */
bn_status bn_actor_starts_init(bn_phrase_starts *starts, const bn_kb *kb, const bn_lang *lang);

/* The same as bn_find_actors, with the misspelt names looked up through
 * `memo` (made with bn_kb_fuzzy(kb); NULL: remembered for this article
 * only) and the sets' starts made by bn_actor_starts_init, which a thread
 * keeps from article to article. */
bn_status bn_find_actors_memo(bn_article *a, const bn_kb *kb, const bn_lang *lang, bn_fuzzy_memo *memo,
                              const bn_phrase_starts *starts);

/* After the dates: an office named without a name ("Tổng thư ký NATO")
 * becomes a mention of whoever held it when the article was written (the
 * DCT, or the window its dates give, inside one term), and every person
 * gets an affiliation ("cựu" before the title: not the holder then): the organisation or state of the office held then,
 * else of all their offices when they share one, else their nationality. */
bn_status bn_link_offices(bn_article *a, const bn_kb *kb, const bn_lang *lang);

#endif
