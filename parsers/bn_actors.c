#include "bn_actors.h"

#include <string.h>

static bn_status add_alias(bn_article *a, bn_actor *act, size_t *cap, const char *s, size_t len)
{
    for (size_t i = 0; i < act->naliases; i++)
        if (strlen(act->aliases[i]) == len && memcmp(act->aliases[i], s, len) == 0)
            return BN_OK;
    const char **v = bn_arena_grow(&a->arena, act->aliases, cap, act->naliases + 1, sizeof *v);
    char *copy = bn_arena_strndup(&a->arena, s, len);
    if (!v || !copy)
        return BN_ERR_NOMEM;
    act->aliases = v;
    act->aliases[act->naliases++] = copy;
    return BN_OK;
}

bn_status bn_find_actors(bn_article *a, const bn_kb *kb)
{
    const bn_phrases *m = bn_kb_matcher(kb);
    size_t nkb = bn_kb_count(kb);
    /* knowledge-base index -> article actor index + 1 */
    uint32_t *slot = bn_arena_calloc(&a->arena, nkb ? nkb : 1, sizeof *slot);
    size_t *alias_cap = bn_arena_calloc(&a->arena, nkb ? nkb : 1, sizeof *alias_cap);
    size_t mcap = 0, acap = 0;
    if (!slot || !alias_cap)
        return BN_ERR_NOMEM;
    for (size_t k = 0; k < a->nsentences; k++) {
        const bn_sentence *sn = &a->sentences[k];
        for (size_t i = sn->tok_begin; i < sn->tok_end;) {
            int payload;
            size_t n = bn_phrases_match(m, a->text.s, &a->tokens, i, sn->tok_end, &payload);
            if (n == 0) {
                i++;
                continue;
            }
            const bn_kb_actor *ka = bn_kb_get(kb, (size_t)payload);
            if (!slot[payload]) {
                bn_actor *v = bn_arena_grow(&a->arena, a->actors, &acap, a->nactors + 1, sizeof *v);
                if (!v)
                    return BN_ERR_NOMEM;
                a->actors = v;
                bn_actor *act = &a->actors[a->nactors];
                memset(act, 0, sizeof *act);
                act->id = ka->id; /* the knowledge base outlives the article */
                act->name = ka->name;
                act->name_vi = ka->name_vi;
                act->kind = ka->kind;
                slot[payload] = (uint32_t)++a->nactors;
            }
            uint32_t ai = slot[payload] - 1;
            bn_actor *act = &a->actors[ai];
            uint32_t start = a->tokens.v[i].start, end = a->tokens.v[i + n - 1].end;
            act->mentions++;
            bn_status st = add_alias(a, act, &alias_cap[payload], a->text.s + start, end - start);
            if (st != BN_OK)
                return st;
            bn_mention *mv = bn_arena_grow(&a->arena, a->mentions, &mcap, a->nmentions + 1, sizeof *mv);
            if (!mv)
                return BN_ERR_NOMEM;
            a->mentions = mv;
            a->mentions[a->nmentions++] = (bn_mention){start, end, ai, (uint32_t)i};
            i += n;
        }
    }
    return BN_OK;
}
