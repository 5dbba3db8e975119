#include "bn_phrase.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bn_array.h"

/* A phrase as added: its hashes and keys are one block (the tail of its
 * block in the pool, below), in the staging arena until compiled. */
typedef struct phrase {
    uint32_t *hashes; /* per word; their keys' lengths (uint16_t) and the
                       * keys follow in the same block */
    char *keys;       /* folded words, each NUL-terminated, back to back */
    uint32_t klen;    /* their bytes, NULs included */
    int payload;
    int ntok;
    uint8_t need_upper;
    uint8_t punct_gaps; /* BN_PHRASE_PUNCT */
    uint32_t off;       /* once compiled: its block in the pool */
    /* hashes[0] and hashes[1] (0 for a word alone), here: the sorts of a
     * compile read them, at random, for every phrase (the titles' blocks
     * are half a megabyte) */
    uint32_t h0, h1;
} phrase;

/* A phrase compiled: all a match reads of it, in one block of the pool,
 * the blocks in the order of v, so that the phrases a match compares (the
 * same first word) are next to each other, and a phrase is one place in
 * memory (a cache line, most often), not an entry of v and a block (slice:
 * half the misses of a match were these two). */
typedef struct block {
    int32_t payload;
    uint16_t ntok;
    uint8_t need_upper;
    uint8_t punct_gaps;
    uint32_t hashes[]; /* ntok; then their keys' lengths (uint16_t) and the
                        * keys, as in a phrase's block */
} block;

/* The bytes of a phrase's block. */
static size_t block_size(const phrase *ph)
{
    return (size_t)ph->ntok * (sizeof *ph->hashes + sizeof(uint16_t)) + ph->klen;
}

/* The 4-byte words of its block in the pool, head included. */
static size_t block_words(size_t ntok, size_t klen)
{
    return (sizeof(block) + ntok * (sizeof(uint32_t) + sizeof(uint16_t)) + klen + 3) / 4;
}

struct bn_phrases {
    bn_phrases_head head; /* first: bn_phrases_match reads it */
    phrase *v;
    size_t n, cap;
    uint32_t *pool; /* the blocks of the phrases compiled (see block) */
    /* the blocks of the phrases added since: copied into the pool at
     * compile, so one arena, not a malloc and a free each (the titles
     * are 10 K phrases) */
    bn_arena staged;
    /* open addressing: first-word hash -> the one-word phrases of the
     * word, [single, hi) of the pool (the blocks of the end of v's range,
     * after sort), and in `aux` a bit per second word of its longer
     * phrases (second_bit: 0, none), so that most pairs of words that
     * begin with a phrase's first word and with none of its phrases are
     * turned away by the slot itself, not by pfirst, a load elsewhere
     * (slice: 200 K look-ups).  A range is never empty: hi == 0 marks a
     * free slot (16 bytes a slot, four to a cache line: a probe is a miss
     * more often than not).  Twice as many slots as first words, not as
     * phrases: the titles' 9,300 phrases begin with 36 words */
    struct slot {
        uint32_t hash;
        uint32_t aux; /* table: the second words' bits; ptable: lo */
        uint32_t hi, single;
    } *table;
    size_t tsize;
    /* phrases of two words or more by the hash of their first two words:
     * range [aux, hi) of pairs (their blocks, longest first), so that a
     * match looks at the few phrases that begin with both words, not at
     * every phrase that begins with the first ("Bộ trưởng …") */
    struct slot *ptable;
    size_t ptsize;
    uint32_t *pairs;
    /* the tail of pairs[k]'s phrase (tail_sig), for the phrases of three
     * words or more (a range's first, longest first; ptable's `single` is
     * where its phrases of two words begin): a match scans these, four
     * bytes each in a row, not the phrases' blocks.  Of all the words
     * after the pair, not of the third alone: the titles' phrases of a
     * pair are hundreds, dozens with one third word ("Bộ trưởng Quốc
     * phòng …"), and each looked at was a block read (slice: 84 K for
     * 1.6 K matches) */
    uint32_t *tails;
    /* a bit per pair hash (modulo pmask + 1) of the phrases of two words
     * or more, as head.first is of the first words: most pairs of words
     * that begin with a phrase's first word begin none ("Bộ" and what
     * follows), and the titles' ptable is half a megabyte */
    uint64_t *pfirst;
    uint32_t pmask;
    /* head.first: a bit per first-word hash (head.fmask + 1 bits), so
     * that a token that starts no phrase is turned away with one load,
     * not a probe of the table: most tokens start none of a set's phrases */
    uint64_t *first;
    int compiled;
};

static uint32_t pair_hash(uint32_t h0, uint32_t h1)
{
    uint32_t h = h0 * 0x9E3779B1u ^ (h1 + 0x7F4A7C15u + (h0 << 6) + (h0 >> 2));
    return h ^ (h >> 15);
}

/* The bit of a first-word slot's aux for a second word. */
static inline uint32_t second_bit(uint32_t h1)
{
    return (uint32_t)1 << (h1 >> 27);
}

/* A phrase's tail is its words from the third to the TAIL_WORDS-th (or
 * its last): tail_sig is their hashes mixed, in the low 28 bits, and the
 * number of words up to the tail's last, less one, in the top four; so
 * that a match compares it with the tail of as many tokens, with one
 * load and no test of the length (tail_sigs). */
enum { TAIL_WORDS = 16 };

static inline uint32_t tail_mix(uint32_t h, uint32_t word)
{
    h = (h ^ word) * 0x01000193u;
    return h ^ (h >> 13);
}

static uint32_t tail_sig(const uint32_t *hashes, size_t ntok)
{
    size_t last = ntok < TAIL_WORDS ? ntok : TAIL_WORDS;
    uint32_t h = 0x811C9DC5u;
    for (size_t w = 2; w < last; w++)
        h = tail_mix(h, hashes[w]);
    return (h & 0x0FFFFFFFu) | (uint32_t)(last - 1) << 28;
}

/* head.first until compiled: every bit set, so that bn_phrases_match
 * need not test for none (bn_phrases_match_at answers 0 then). */
static const uint64_t all_first[1] = {UINT64_MAX};

/* The first-word filter's bits per first word: 128 (one token in 128
 * that starts no phrase gets as far as the table).  By the words, not the
 * phrases: the titles' 9,300 phrases begin with 36 words, and their
 * filter, 32 KB when it had sixteen bits a phrase, is a kilobyte (slice:
 * 1,834.9 -> 1,826.9 M instructions, 18.53 -> 18.21 M mispredicts,
 * D1 read misses 5.25 -> 5.44 M; 64 bits: 1,830.5, 18.37, 5.16) */
enum { FIRST_BITS = 128 };

bn_phrases *bn_phrases_new(void)
{
    bn_phrases *p = calloc(1, sizeof(bn_phrases));
    if (p) {
        bn_arena_init(&p->staged, 16 * 1024);
        p->head.first = all_first;
        p->head.fmask = 63;
    }
    return p;
}

void bn_phrases_free(bn_phrases *p)
{
    if (!p)
        return;
    bn_arena_destroy(&p->staged);
    free(p->pool);
    free(p->v);
    free(p->table);
    free(p->ptable);
    free(p->pairs);
    free(p->tails);
    free(p->pfirst);
    free(p->first);
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
    if (st == BN_OK)
        st = bn_phrases_add_tokens(p, &toks, payload, flags);
    bn_arena_destroy(&a);
    return st;
}

bn_status bn_phrases_add_tokens(bn_phrases *p, const bn_tokens *tokens, int payload, unsigned flags)
{
    const bn_tokens toks = *tokens;
    if (toks.n == 0)
        return BN_OK;
    if (toks.n > UINT16_MAX)
        return BN_ERR_NOMEM; /* (a block's ntok) */
    phrase ph = {0};
    size_t klen = 0;
    for (size_t i = 0; i < toks.n; i++)
        klen += toks.v[i].key_len + 1u;
    if (klen > UINT32_MAX / 2 ||
        !(ph.hashes = bn_arena_alloc(&p->staged, toks.n * (sizeof *ph.hashes + sizeof(uint16_t)) + klen)))
        return BN_ERR_NOMEM;
    uint16_t *lens = (uint16_t *)(ph.hashes + toks.n);
    ph.keys = (char *)(lens + toks.n);
    size_t k = 0;
    for (size_t i = 0; i < toks.n; i++) {
        memcpy(ph.keys + k, toks.keys + toks.v[i].key, toks.v[i].key_len + 1u);
        lens[i] = toks.v[i].key_len;
        k += toks.v[i].key_len + 1u;
        ph.hashes[i] = toks.v[i].hash;
    }
    ph.klen = (uint32_t)klen;
    ph.ntok = (int)toks.n;
    ph.h0 = ph.hashes[0];
    ph.h1 = toks.n > 1 ? ph.hashes[1] : 0;
    ph.payload = payload;
    ph.need_upper = (flags & BN_PHRASE_CASE) && (toks.v[0].flags & BN_TOK_UPPER);
    ph.punct_gaps = (flags & BN_PHRASE_PUNCT) != 0;
    if (bn_grow((void **)&p->v, &p->cap, p->n + 1, sizeof *p->v))
        return BN_ERR_NOMEM;
    p->v[p->n++] = ph;
    p->compiled = 0;
    return BN_OK;
}

static int keys_cmp(const phrase *a, const phrase *b)
{
    /* compare word sequences: word by word as strcmp compares, which is
     * the bytes of the keys back to back, NULs included (a word that is
     * a prefix of the other ends first, and its NUL is the smaller) */
    size_t n = a->klen < b->klen ? a->klen : b->klen;
    int c = memcmp(a->keys, b->keys, n);
    if (c)
        return c;
    return (a->ntok > b->ntok) - (a->ntok < b->ntok);
}

static int phrase_order(const void *va, const void *vb)
{
    const phrase *a = va, *b = vb;
    if (a->h0 != b->h0)
        return a->h0 < b->h0 ? -1 : 1;
    int c = strcmp(a->keys, b->keys);
    if (c)
        return c;
    if (a->ntok != b->ntok)
        return b->ntok - a->ntok; /* longest first */
    return keys_cmp(a, b);
}

/* Sorts v (n elements) stably by the top 32 bits of each, unsigned:
 * four passes of a byte, through tmp (n more).  A sort of integers, no
 * call to compare two: the phrases' sorts put their first key, a hash,
 * there and their index below it, and look closer only at the runs of one
 * hash (the title index's 10 K phrases are 150 K calls of a comparison
 * in a comparison sort). */
static void sort_by_top32(uint64_t *v, uint64_t *tmp, size_t n)
{
    for (int shift = 32; shift < 64; shift += 8) {
        size_t count[257] = {0};
        for (size_t i = 0; i < n; i++)
            count[((v[i] >> shift) & 0xFF) + 1]++;
        for (int b = 0; b < 256; b++)
            count[b + 1] += count[b];
        for (size_t i = 0; i < n; i++)
            tmp[count[(v[i] >> shift) & 0xFF]++] = v[i];
        memcpy(v, tmp, n * sizeof *v);
    }
}

/* Sorts idx (n indices into p->v) stably by hash(p, index), unsigned,
 * with sort_by_top32; then each run of one hash by run_sort, when given.
 * Returns -1 when out of memory. */
static int sort_hash_first(const bn_phrases *p, uint32_t *idx, size_t n, uint32_t (*hash)(const bn_phrases *, uint32_t),
                           int (*run_sort)(const bn_phrases *, uint32_t *, size_t))
{
    uint64_t *v = malloc((2 * n + 1) * sizeof *v);
    if (!v)
        return -1;
    for (size_t i = 0; i < n; i++)
        v[i] = (uint64_t)hash(p, idx[i]) << 32 | idx[i];
    sort_by_top32(v, v + n, n);
    for (size_t i = 0; i < n; i++)
        idx[i] = (uint32_t)v[i];
    int st = 0;
    for (size_t lo = 0; run_sort && lo < n && st == 0;) {
        size_t hi = lo + 1;
        while (hi < n && v[hi] >> 32 == v[lo] >> 32)
            hi++;
        if (hi - lo > 1)
            st = run_sort(p, idx + lo, hi - lo);
        lo = hi;
    }
    free(v);
    return st;
}

/* Sorts idx (n indices into p->v) stably by their number of words,
 * longest first: a counting sort, no comparisons.  -1 when out of
 * memory. */
static int by_length(const bn_phrases *p, uint32_t *idx, size_t n)
{
    size_t most = 0;
    for (size_t i = 0; i < n; i++)
        if ((size_t)p->v[idx[i]].ntok > most)
            most = (size_t)p->v[idx[i]].ntok;
    size_t *count = calloc(most + 2, sizeof *count);
    uint32_t *tmp = malloc(n * sizeof *tmp);
    if (!count || !tmp) {
        free(count);
        free(tmp);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        count[most - (size_t)p->v[idx[i]].ntok + 1]++;
    for (size_t b = 0; b < most + 1; b++)
        count[b + 1] += count[b];
    for (size_t i = 0; i < n; i++)
        tmp[count[most - (size_t)p->v[idx[i]].ntok]++] = idx[i];
    memcpy(idx, tmp, n * sizeof *idx);
    free(count);
    free(tmp);
    return 0;
}

static uint32_t first_hash(const bn_phrases *p, uint32_t i)
{
    return p->v[i].h0;
}

static uint32_t pair_of(const bn_phrases *p, uint32_t i)
{
    return pair_hash(p->v[i].h0, p->v[i].h1);
}

static bn_status compile_pairs(bn_phrases *p)
{
    size_t np = 0;
    for (size_t i = 0; i < p->n; i++)
        np += p->v[i].ntok >= 2;
    free(p->pairs);
    free(p->tails);
    free(p->ptable);
    free(p->pfirst);
    p->pfirst = NULL;
    p->ptable = NULL;
    p->pairs = malloc((np ? np : 1) * sizeof *p->pairs);
    p->tails = malloc((np ? np : 1) * sizeof *p->tails);
    if (!p->pairs || !p->tails)
        return BN_ERR_NOMEM;
    np = 0;
    for (size_t i = 0; i < p->n; i++)
        if (p->v[i].ntok >= 2)
            p->pairs[np++] = (uint32_t)i;
    /* by pair, then longest first, then in the order of v (of two alike,
     * the first added): both sorts stable, neither compares */
    if (by_length(p, p->pairs, np) || sort_hash_first(p, p->pairs, np, pair_of, NULL))
        return BN_ERR_NOMEM;
    size_t ndistinct = 0;
    for (size_t i = 0; i < np; i++)
        ndistinct += i == 0 || pair_of(p, p->pairs[i]) != pair_of(p, p->pairs[i - 1]);
    size_t tsize = 16;
    while (tsize < ndistinct * 2)
        tsize *= 2;
    if (!(p->ptable = calloc(tsize, sizeof *p->ptable)))
        return BN_ERR_NOMEM;
    p->ptsize = tsize;
    for (size_t i = 0; i < np;) {
        const phrase *ph = &p->v[p->pairs[i]];
        uint32_t key = pair_hash(ph->h0, ph->h1);
        size_t j = i + 1, two = i;
        while (j < np && pair_of(p, p->pairs[j]) == key)
            j++;
        for (size_t k = i; k < j; k++) {
            p->tails[k] = tail_sig(p->v[p->pairs[k]].hashes, (size_t)p->v[p->pairs[k]].ntok);
            two += p->v[p->pairs[k]].ntok > 2;
        }
        size_t h = key & (tsize - 1);
        while (p->ptable[h].hi)
            h = (h + 1) & (tsize - 1);
        p->ptable[h] = (struct slot){key, (uint32_t)i, (uint32_t)j, (uint32_t)two};
        i = j;
    }
    for (size_t k = 0; k < np; k++)
        p->pairs[k] = p->v[p->pairs[k]].off;
    size_t pbits = 512;
    while (pbits < ndistinct * FIRST_BITS)
        pbits *= 2;
    if (!(p->pfirst = calloc(pbits / 64, sizeof *p->pfirst)))
        return BN_ERR_NOMEM;
    p->pmask = (uint32_t)(pbits - 1);
    for (size_t h = 0; h < tsize; h++)
        if (p->ptable[h].hi) {
            uint32_t b = p->ptable[h].hash & p->pmask;
            p->pfirst[b / 64] |= (uint64_t)1 << (b % 64);
        }
    return BN_OK;
}

/* Indices into p->v, by their phrases. */
static int index_order(const void *va, const void *vb, void *ctx)
{
    const bn_phrases *p = ctx;
    return phrase_order(&p->v[*(const uint32_t *)va], &p->v[*(const uint32_t *)vb]);
}

/* The same for phrases of one first word and one length: phrase_order's
 * last key alone. */
static int keys_order(const void *va, const void *vb, void *ctx)
{
    const bn_phrases *p = ctx;
    return keys_cmp(&p->v[*(const uint32_t *)va], &p->v[*(const uint32_t *)vb]);
}

/* Sorts a run of one first-word hash (idx, n indices) stably by
 * phrase_order.  Such a run is most often one first word ("bộ" of the
 * titles' "Bộ trưởng …", a thousand phrases): then by length, counted,
 * and each length by its keys, so that the comparisons are of keys alone
 * and within shorter runs (titles: 88 K calls of index_order, 6.5 M
 * instructions, before). */
static int sort_run(const bn_phrases *p, uint32_t *idx, size_t n)
{
    const char *first = p->v[idx[0]].keys;
    for (size_t i = 1; i < n; i++)
        if (strcmp(p->v[idx[i]].keys, first) != 0)
            return bn_sort_r(idx, n, sizeof *idx, index_order, (void *)p);
    if (by_length(p, idx, n))
        return -1;
    int st = 0;
    for (size_t lo = 0; lo < n && st == 0;) {
        size_t hi = lo + 1;
        while (hi < n && p->v[idx[hi]].ntok == p->v[idx[lo]].ntok)
            hi++;
        if (hi - lo > 1)
            st = bn_sort_r(idx + lo, hi - lo, sizeof *idx, keys_order, (void *)p);
        lo = hi;
    }
    return st;
}

bn_status bn_phrases_compile(bn_phrases *p)
{
    /* A stable sort of indices (qsort is not stable), so that of two equal
     * phrases the first added wins. */
    size_t n = p->n;
    if (n > UINT32_MAX)
        return BN_ERR_NOMEM;
    uint32_t *idx = malloc((n ? n : 1) * sizeof *idx);
    phrase *sorted = malloc((n ? n : 1) * sizeof *sorted);
    for (size_t i = 0; idx && i < n; i++)
        idx[i] = (uint32_t)i;
    if (!idx || !sorted || sort_hash_first(p, idx, n, first_hash, sort_run)) {
        free(idx);
        free(sorted);
        return BN_ERR_NOMEM;
    }
    /* drop exact duplicates (first added wins) */
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        phrase *ph = &p->v[idx[i]];
        if (m > 0 && phrase_order(&sorted[m - 1], ph) == 0)
            continue;
        sorted[m++] = *ph;
    }
    free(idx);
    free(p->v);
    p->v = sorted;
    p->n = m;
    p->cap = n ? n : 1;
    /* the blocks into one pool, in this order (see block) */
    size_t words = 0;
    for (size_t i = 0; i < m; i++)
        words += block_words((size_t)p->v[i].ntok, p->v[i].klen);
    uint32_t *pool = words < UINT32_MAX ? malloc((words ? words : 1) * sizeof *pool) : NULL;
    if (!pool)
        return BN_ERR_NOMEM;
    words = 0;
    for (size_t i = 0; i < m; i++) {
        phrase *ph = &p->v[i];
        block *b = (block *)(pool + words);
        *b = (block){ph->payload, (uint16_t)ph->ntok, ph->need_upper, ph->punct_gaps};
        memcpy(b->hashes, ph->hashes, block_size(ph));
        ph->off = (uint32_t)words;
        words += block_words((size_t)ph->ntok, ph->klen);
        ph->hashes = b->hashes;
        ph->keys = (char *)((uint16_t *)(b->hashes + ph->ntok) + ph->ntok);
    }
    free(p->pool);
    p->pool = pool;
    bn_arena_destroy(&p->staged);

    size_t nfirst = 0; /* distinct first words (hashes) */
    for (size_t i = 0; i < m; i++)
        nfirst += i == 0 || p->v[i].h0 != p->v[i - 1].h0;
    size_t tsize = 16;
    while (tsize < nfirst * 2)
        tsize *= 2;
    free(p->table);
    p->table = calloc(tsize, sizeof *p->table);
    if (!p->table)
        return BN_ERR_NOMEM;
    p->tsize = tsize;
    for (size_t i = 0; i < m;) {
        size_t j = i + 1;
        while (j < m && p->v[j].h0 == p->v[i].h0)
            j++;
        size_t h = p->v[i].h0 & (tsize - 1);
        while (p->table[h].hi)
            h = (h + 1) & (tsize - 1);
        uint32_t hi = j < m ? p->v[j].off : (uint32_t)words;
        size_t single = j; /* the range is longest first */
        while (single > i && p->v[single - 1].ntok == 1)
            single--;
        uint32_t seconds = 0;
        for (size_t k = i; k < single; k++)
            seconds |= second_bit(p->v[k].h1);
        p->table[h] = (struct slot){p->v[i].h0, seconds, hi, single < j ? p->v[single].off : hi};
        i = j;
    }
    size_t fbits = 512;
    while (fbits < nfirst * FIRST_BITS)
        fbits *= 2;
    free(p->first);
    p->head.first = all_first;
    p->head.fmask = 63;
    p->first = calloc(fbits / 64, sizeof *p->first);
    if (!p->first)
        return BN_ERR_NOMEM;
    for (size_t i = 0; i < m; i++) {
        uint32_t b = p->v[i].h0 & (uint32_t)(fbits - 1);
        p->first[b / 64] |= (uint64_t)1 << (b % 64);
    }
    p->head.first = p->first;
    p->head.fmask = (uint32_t)(fbits - 1);
    return compile_pairs(p) == BN_OK ? (p->compiled = 1, BN_OK) : BN_ERR_NOMEM;
}

/* Words of a phrase may be separated by spaces or a hyphen only, or by an
 * apostrophe alone, inside a name ("O'Brien", "O’Brien"); or, for a phrase
 * that allows it, by a few bytes of punctuation: tokens are words, so a
 * gap holds no letter or digit. */
static int gap_ok(const char *text, uint32_t from, uint32_t to, int punct)
{
    if (punct)
        return to - from <= 6;
    if ((to - from == 1 && text[from] == '\'') || (to - from == 3 && memcmp(text + from, "\xE2\x80\x99", 3) == 0))
        return 1;
    for (uint32_t i = from; i < to; i++)
        if (text[i] != ' ' && text[i] != '-')
            return 0;
    return to - from <= 3;
}

static inline uint64_t load64(const char *s)
{
    uint64_t x;
    memcpy(&x, s, sizeof x);
    return x;
}

static inline uint32_t load32(const char *s)
{
    uint32_t x;
    memcpy(&x, s, sizeof x);
    return x;
}

static inline uint16_t load16(const char *s)
{
    uint16_t x;
    memcpy(&x, s, sizeof x);
    return x;
}

/* Whether the n bytes (n >= 1) at a and b are the same: from 4 to 12
 * bytes (most keys, a syllable and its NUL), three loads of four, the
 * first, the middle and the last, overlapping, with no branch on n; not a
 * loop per byte (its end was a mispredict a word). */
static inline int same_bytes(const char *a, const char *b, size_t n)
{
    if (n - 4 <= 8) {
        size_t m = n / 2 - 2;
        return ((load32(a) ^ load32(b)) | (load32(a + m) ^ load32(b + m)) |
                (load32(a + n - 4) ^ load32(b + n - 4))) == 0;
    }
    if (n > 12) {
        for (; n > 8; n -= 8, a += 8, b += 8)
            if (load64(a) != load64(b))
                return 0;
        return load64(a + n - 8) == load64(b + n - 8);
    }
    if (n >= 2)
        return ((load16(a) ^ load16(b)) | (load16(a + n - 2) ^ load16(b + n - 2))) == 0;
    return *a == *b;
}

/* Whether the phrase of block ph is at token i (end: the first token it
 * may not use). */
static inline __attribute__((always_inline)) int phrase_at(const block *ph, const char *text, const bn_tokens *toks,
                                                            size_t i, size_t end)
{
    if ((size_t)ph->ntok > end - i)
        return 0;
    const bn_token *t0 = &toks->v[i];
    if (ph->need_upper && !(t0->flags & BN_TOK_UPPER))
        return 0;
    /* the words' hashes first: comparing strings costs more */
    for (int w = 0; w < ph->ntok; w++)
        if (toks->v[i + (size_t)w].hash != ph->hashes[w])
            return 0;
    const uint16_t *lens = (const uint16_t *)(ph->hashes + ph->ntok);
    const char *key = (const char *)(lens + ph->ntok);
    for (int w = 0; w < ph->ntok; w++) {
        const bn_token *t = &toks->v[i + (size_t)w];
        /* the words themselves, with their NULs (the phrase's next word
         * is after this one's) */
        if (t->key_len != lens[w] || !same_bytes(toks->keys + t->key, key, (size_t)lens[w] + 1) ||
            (w > 0 && !gap_ok(text, toks->v[i + (size_t)w - 1].end, t->start, ph->punct_gaps)))
            return 0;
        key += lens[w] + 1;
    }
    return 1;
}

/* tails[l], for l from 2 to most (< TAIL_WORDS), is the tail_sig of
 * tokens i to i + l when there are so many before end (that of a phrase
 * of l + 1 words there, or more when l + 1 is TAIL_WORDS); 0 when not,
 * which is no tail_sig (its top bits are 2 at least). */
static inline void tail_sigs(const bn_tokens *toks, size_t i, size_t end, uint32_t *tails, size_t most)
{
    uint32_t h = 0x811C9DC5u;
    size_t l = 2;
    for (; l <= most && i + l < end; l++) {
        h = tail_mix(h, toks->v[i + l].hash);
        tails[l] = (h & 0x0FFFFFFFu) | (uint32_t)l << 28;
    }
    for (; l <= most; l++)
        tails[l] = 0;
}

static const struct slot *probe(const struct slot *table, size_t tsize, uint32_t hash)
{
    size_t h = hash & (tsize - 1);
    while (table[h].hi && table[h].hash != hash)
        h = (h + 1) & (tsize - 1);
    return table[h].hi ? &table[h] : NULL;
}

size_t bn_phrases_match_at(const bn_phrases *p, const char *text, const bn_tokens *toks,
                           size_t i, size_t end, int *payload)
{
    if (!p->compiled || i >= end || p->tsize == 0)
        return 0;
    const bn_token *t0 = &toks->v[i];
    const struct slot *first = probe(p->table, p->tsize, t0->hash);
    if (!first)
        return 0;
    /* the longest phrase that begins with these two words, else one word */
    if (i + 1 < end && (first->aux & second_bit(toks->v[i + 1].hash))) {
        uint32_t key = pair_hash(t0->hash, toks->v[i + 1].hash), b = key & p->pmask;
        const struct slot *two = p->pfirst[b / 64] >> (b % 64) & 1 ? probe(p->ptable, p->ptsize, key) : NULL;
        if (two && two->aux < two->single && i + 2 < end) {
            /* the phrases of a pair differ from the third word on ("Bộ
             * trưởng Quốc phòng …", "Bộ trưởng Ngoại giao …": the titles'
             * pairs are hundreds of phrases long), so their tails turn
             * most away before phrase_at looks at their words */
            uint32_t tails[TAIL_WORDS];
            tail_sigs(toks, i, end, tails, p->tails[two->aux] >> 28); /* the longest first */
            for (uint32_t k = two->aux; k < two->single; k++) {
                if (p->tails[k] != tails[p->tails[k] >> 28])
                    continue;
                const block *ph = (const block *)(p->pool + p->pairs[k]);
                if (phrase_at(ph, text, toks, i, end)) {
                    *payload = ph->payload;
                    return (size_t)ph->ntok;
                }
            }
        }
        if (two) {
            for (uint32_t k = two->single; k < two->hi; k++) {
                const block *ph = (const block *)(p->pool + p->pairs[k]);
                if (phrase_at(ph, text, toks, i, end)) {
                    *payload = ph->payload;
                    return 2;
                }
            }
        }
    }
    /* the one-word phrases, block after block */
    for (uint32_t k = first->single; k < first->hi;) {
        const block *ph = (const block *)(p->pool + k);
        if (phrase_at(ph, text, toks, i, end)) {
            *payload = ph->payload;
            return 1;
        }
        k += (uint32_t)block_words(1, *(const uint16_t *)(ph->hashes + 1) + 1u);
    }
    return 0;
}

/* 64 bytes a first word of the sets together, modulo a power of two: the
 * actor stage's five sets, 1,900 words, fill 128 KB, and one token in 64
 * that starts no phrase of a set gets as far as its table (slice, cost
 * Ir + 25 x mispredicts + 10 x D1 read misses: 16 bytes 2,306.9 M, 32
 * 2,304.9, 64 2,302.8, 128 2,302.2). */
enum { STARTS_BYTES = 64 };

bn_status bn_phrase_starts_init(bn_phrase_starts *s, const bn_phrases *const *sets, size_t n)
{
    size_t words = 0;
    for (size_t k = 0; k < n && k < 8; k++)
        for (size_t h = 0; sets[k] && sets[k]->compiled && h < sets[k]->tsize; h++)
            words += sets[k]->table[h].hi != 0;
    size_t size = 1024;
    while (size < words * STARTS_BYTES)
        size *= 2;
    s->bits = calloc(size, 1);
    s->mask = (uint32_t)(size - 1);
    if (!s->bits)
        return BN_ERR_NOMEM;
    for (size_t k = 0; k < n && k < 8; k++) {
        const bn_phrases *p = sets[k];
        if (p && !p->compiled)
            for (size_t b = 0; b < size; b++)
                s->bits[b] |= (uint8_t)(1u << k);
        for (size_t h = 0; p && p->compiled && h < p->tsize; h++)
            if (p->table[h].hi)
                s->bits[p->table[h].hash & s->mask] |= (uint8_t)(1u << k);
    }
    return BN_OK;
}

void bn_phrase_starts_clear(bn_phrase_starts *s)
{
    free(s->bits);
    s->bits = NULL;
}
