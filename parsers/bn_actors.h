/* Actor recognition: names from the knowledge base found in the body
 * sentences, one article actor per knowledge-base actor. */
#ifndef BN_ACTORS_H
#define BN_ACTORS_H

#include "bn_error.h"
#include "bn_kb.h"
#include "bn_lang.h"
#include "bn_model.h"

/* Fills a->mentions (in text order) and a->actors (in order of first
 * mention). */
bn_status bn_find_actors(bn_article *a, const bn_kb *kb, const bn_lang *lang);

#endif
