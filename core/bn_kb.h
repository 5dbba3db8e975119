/* The knowledge base of actors (data/kb/actors.json, format in
 * docs/formats.md) and its compiled name matcher. */
#ifndef BN_KB_H
#define BN_KB_H

#include <stddef.h>

#include "bn_error.h"
#include "bn_model.h"
#include "bn_phrase.h"

typedef struct bn_kb_actor {
    char *id;
    char *name;      /* canonical, English */
    char *name_vi;
    bn_actor_kind kind;
    char **forms;    /* every name the matcher knows it by */
    size_t nforms;
} bn_kb_actor;

typedef struct bn_kb bn_kb;

bn_kb *bn_kb_new(void);
void bn_kb_free(bn_kb *kb);

/* Loads a file; an actor whose id is already known replaces the old entry,
 * so a user's file loaded after the built-in one extends and overrides it. */
bn_status bn_kb_load(bn_kb *kb, const char *path, bn_error *err);

/* Builds the matcher; call after the last load. */
bn_status bn_kb_compile(bn_kb *kb);

size_t bn_kb_count(const bn_kb *kb);
const bn_kb_actor *bn_kb_get(const bn_kb *kb, size_t i);
/* Index of the actor with this id, or -1. */
long bn_kb_find(const bn_kb *kb, const char *id);
/* Payloads are actor indices. */
const bn_phrases *bn_kb_matcher(const bn_kb *kb);

#endif
