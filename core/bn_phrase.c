#include "bn_phrase.h"

#include <stdlib.h>
#include <string.h>

typedef struct phrase {
    char *keys;       /* folded words, each NUL-terminated, back to back */
    uint32_t *hashes; /* per word */
    int ntok;
    int payload;
    int need_upper;
} phrase;

struct bn_phrases {
    phrase *v;
    size_t n, cap;
    /* open addressing: first-word hash -> range [lo, hi) of v, after sort */
    struct slot {
        uint32_t hash;
        uint32_t lo, hi;
        int used;
    } *table;
    size_t tsize;
    int compiled;
};

bn_phrases *bn_phrases_new(void)
{
    return calloc(1, sizeof(bn_phrases));
}

void bn_phrases_free(bn_phrases *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n; i++) {
        free(p->v[i].keys);
        free(p->v[i].hashes);
    }
    free(p->v);
    free(p->table);
    free(p);
}

size_t bn_phrases_count(const bn_phrases *p)
{
    return p->n;
}

bn_status bn_phrases_add(bn_phrases *p, const char *text, int payload, unsigned flags)
{
    bn_arena a;
    bn_arena_init(&a, 4096);
    bn_tokens toks;
    size_t len = strlen(text);
    bn_status st = bn_tokenize(&a, text, len, &toks);
    if (st != BN_OK || toks.n == 0) {
        bn_arena_destroy(&a);
        return st;
    }
    phrase ph = {0};
    size_t klen = 0;
    for (size_t i = 0; i < toks.n; i++)
        klen += toks.v[i].key_len + 1u;
    ph.keys = malloc(klen);
    ph.hashes = malloc(toks.n * sizeof *ph.hashes);
    if (!ph.keys || !ph.hashes) {
        free(ph.keys);
        free(ph.hashes);
        bn_arena_destroy(&a);
        return BN_ERR_NOMEM;
    }
    size_t k = 0;
    for (size_t i = 0; i < toks.n; i++) {
        memcpy(ph.keys + k, toks.keys + toks.v[i].key, toks.v[i].key_len + 1u);
        k += toks.v[i].key_len + 1u;
        ph.hashes[i] = toks.v[i].hash;
    }
    ph.ntok = (int)toks.n;
    ph.payload = payload;
    ph.need_upper = (flags & BN_PHRASE_CASE) && (toks.v[0].flags & BN_TOK_UPPER);
    bn_arena_destroy(&a);
    if (bn_grow((void **)&p->v, &p->cap, p->n + 1, sizeof *p->v)) {
        free(ph.keys);
        free(ph.hashes);
        return BN_ERR_NOMEM;
    }
    p->v[p->n++] = ph;
    p->compiled = 0;
    return BN_OK;
}

static int keys_cmp(const phrase *a, const phrase *b)
{
    /* compare word sequences */
    const char *x = a->keys, *y = b->keys;
    for (int i = 0; i < a->ntok && i < b->ntok; i++) {
        int c = strcmp(x, y);
        if (c)
            return c;
        x += strlen(x) + 1;
        y += strlen(y) + 1;
    }
    return (a->ntok > b->ntok) - (a->ntok < b->ntok);
}

static int phrase_order(const void *va, const void *vb)
{
    const phrase *a = va, *b = vb;
    if (a->hashes[0] != b->hashes[0])
        return a->hashes[0] < b->hashes[0] ? -1 : 1;
    int c = strcmp(a->keys, b->keys);
    if (c)
        return c;
    if (a->ntok != b->ntok)
        return b->ntok - a->ntok; /* longest first */
    return keys_cmp(a, b);
}

bn_status bn_phrases_compile(bn_phrases *p)
{
    /* A stable bottom-up merge sort of indices (qsort is not stable), so
     * that of two equal phrases the first added wins. */
    size_t n = p->n;
    size_t *idx = malloc((n ? n : 1) * sizeof *idx);
    size_t *tmp = malloc((n ? n : 1) * sizeof *tmp);
    phrase *sorted = malloc((n ? n : 1) * sizeof *sorted);
    if (!idx || !tmp || !sorted) {
        free(idx);
        free(tmp);
        free(sorted);
        return BN_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++)
        idx[i] = i;
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t a = lo, b = mid, k = lo;
            while (a < mid && b < hi)
                tmp[k++] = phrase_order(&p->v[idx[b]], &p->v[idx[a]]) < 0 ? idx[b++] : idx[a++];
            while (a < mid)
                tmp[k++] = idx[a++];
            while (b < hi)
                tmp[k++] = idx[b++];
        }
        memcpy(idx, tmp, n * sizeof *idx);
    }
    /* drop exact duplicates (first added wins) */
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        phrase *ph = &p->v[idx[i]];
        if (m > 0 && phrase_order(&sorted[m - 1], ph) == 0) {
            free(ph->keys);
            free(ph->hashes);
            continue;
        }
        sorted[m++] = *ph;
    }
    free(idx);
    free(tmp);
    free(p->v);
    p->v = sorted;
    p->n = m;
    p->cap = n ? n : 1;

    size_t tsize = 16;
    while (tsize < m * 2)
        tsize *= 2;
    free(p->table);
    p->table = calloc(tsize, sizeof *p->table);
    if (!p->table)
        return BN_ERR_NOMEM;
    p->tsize = tsize;
    for (size_t i = 0; i < m;) {
        size_t j = i + 1;
        while (j < m && p->v[j].hashes[0] == p->v[i].hashes[0])
            j++;
        size_t h = p->v[i].hashes[0] & (tsize - 1);
        while (p->table[h].used)
            h = (h + 1) & (tsize - 1);
        p->table[h].used = 1;
        p->table[h].hash = p->v[i].hashes[0];
        p->table[h].lo = (uint32_t)i;
        p->table[h].hi = (uint32_t)j;
        i = j;
    }
    p->compiled = 1;
    return BN_OK;
}

/* Words of a phrase may be separated by spaces or a hyphen only. */
static int gap_ok(const char *text, uint32_t from, uint32_t to)
{
    for (uint32_t i = from; i < to; i++)
        if (text[i] != ' ' && text[i] != '-')
            return 0;
    return to - from <= 3;
}

size_t bn_phrases_match(const bn_phrases *p, const char *text, const bn_tokens *toks,
                        size_t i, size_t end, int *payload)
{
    if (!p->compiled || i >= end || p->tsize == 0)
        return 0;
    const bn_token *t0 = &toks->v[i];
    size_t h = t0->hash & (p->tsize - 1);
    while (p->table[h].used && p->table[h].hash != t0->hash)
        h = (h + 1) & (p->tsize - 1);
    if (!p->table[h].used)
        return 0;
    for (uint32_t k = p->table[h].lo; k < p->table[h].hi; k++) {
        const phrase *ph = &p->v[k];
        if ((size_t)ph->ntok > end - i)
            continue;
        if (ph->need_upper && !(t0->flags & BN_TOK_UPPER))
            continue;
        const char *key = ph->keys;
        int ok = 1;
        for (int w = 0; w < ph->ntok; w++) {
            const bn_token *t = &toks->v[i + (size_t)w];
            if (t->hash != ph->hashes[w] || strcmp(toks->keys + t->key, key) != 0 ||
                (w > 0 && !gap_ok(text, toks->v[i + (size_t)w - 1].end, t->start))) {
                ok = 0;
                break;
            }
            key += strlen(key) + 1;
        }
        if (ok) {
            *payload = ph->payload;
            return (size_t)ph->ntok;
        }
    }
    return 0;
}
