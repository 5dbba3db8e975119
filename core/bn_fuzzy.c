#include "bn_fuzzy.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "bn_array.h"
#include "bn_text.h"

enum {
    FZ_MAX = 64,                /* code points of a key, spaces included */
    FZ_MAX_WORDS = FZ_MAX / 2 + 1, /* in a key of FZ_MAX code points */
    FZ_MIN_LETTERS = 7,
    FZ_LONG_LETTERS = 12,       /* from here two edits are allowed */
    FZ_WORD_BYTES = 4 * FZ_MAX, /* longer words are refused unfolded */
    FZ_BUCKETS = (FZ_MAX_WORDS + 1) * (FZ_MAX + 1),
    FZ_MASK_BITS = 32,
    FZ_HIST = 32,               /* bins of a key's histogram (hist_of) */
};

typedef struct fz_name {
    uint32_t off;  /* first code point in cps */
    uint8_t n;     /* code points, spaces included */
    uint8_t words;
    uint8_t letters;
    uint8_t bits;   /* bits set in mask */
    int payload;
    uint32_t mask;  /* see mask_of */
} fz_name;

struct bn_fuzzy {
    fz_name *v;
    size_t n, cap;
    uint32_t *masks; /* v[i].mask, once compiled: a find scans these */
    uint8_t (*hists)[FZ_HIST]; /* v[i]'s histogram (hist_of), once compiled */
    uint32_t *cps;
    size_t ncps, cps_cap;
    /* names of bucket b (words * (FZ_MAX + 1) + letters) are
     * v[start[b]] .. v[start[b + 1] - 1], once compiled */
    uint32_t start[FZ_BUCKETS + 1];
    /* for a bucket b with names, by_bits[bits_at[b] + j] (j from 0 to
     * FZ_MASK_BITS + 1) is the first of its names with j bits or more
     * set in its mask: a find reads its run of bits there */
    uint32_t bits_at[FZ_BUCKETS];
    uint32_t *by_bits;
    int compiled;
};

typedef struct fz_key {
    uint32_t cp[FZ_MAX];
    int n, words, letters;
    uint32_t mask;
} fz_key;

bn_fuzzy *bn_fuzzy_new(void)
{
    return calloc(1, sizeof(bn_fuzzy));
}

void bn_fuzzy_free(bn_fuzzy *f)
{
    if (!f)
        return;
    free(f->v);
    free(f->masks);
    free(f->hists);
    free(f->by_bits);
    free(f->cps);
    free(f);
}

/* The same word boundaries as bn_fold_string. */
static int is_word_cp(UChar32 c)
{
    if (c < 0x80)
        return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
    int8_t t = u_charType(c);
    return u_isalnum(c) || t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK ||
           t == U_ENCLOSING_MARK;
}

/* The letters a key holds, one bit each for a-z, other characters sharing
 * the last bits.  One edit adds at most one letter to a key that the other
 * lacks, so more than d such letters either way rule out distance d. */
static uint32_t mask_of(uint32_t c)
{
    return c >= 'a' && c <= 'z' ? 1u << (c - 'a') : 1u << (26 + c % 6);
}

/* The bits set in x. */
static int bits_of(uint32_t x)
{
    int n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
}

/* Whether x has more than k bits set (k is 0 to 2: clearing the lowest bit
 * k times is cheaper than counting them). */
static inline int more_bits(uint32_t x, int k)
{
    /* k is a distance, at most 2 in a find: the lowest bits cleared
     * without a loop */
    uint32_t y = x & (x - 1), z = y & (y - 1);
    if (k <= 2)
        return (k <= 0 ? x : k == 1 ? y : z) != 0;
    for (int i = 0; i < k && x; i++)
        x &= x - 1;
    return x != 0;
}

int bn_fuzzy_more_bits(uint32_t x, int k)
{
    return more_bits(x, k);
}

/* Appends the folded word s[0..len) to the key; returns -1 when the key
 * would be too long. */
static int key_add_word(fz_key *k, const char *s, size_t len)
{
    char buf[FZ_WORD_BYTES * 3 + 8];
    if (len > FZ_WORD_BYTES)
        return -1;
    int32_t blen = (int32_t)bn_fold_word(s, len, BN_FOLD_ASCII, buf, sizeof buf);
    if (blen == 0)
        return 0;
    if (k->words > 0) {
        if (k->n >= FZ_MAX)
            return -1;
        k->cp[k->n++] = ' ';
    }
    const uint8_t *p = (const uint8_t *)buf;
    for (int32_t i = 0; i < blen;) {
        UChar32 c;
        U8_NEXT(p, i, blen, c);
        if (k->n >= FZ_MAX)
            return -1;
        k->cp[k->n++] = (uint32_t)c;
        k->letters++;
        k->mask |= mask_of((uint32_t)c);
    }
    k->words++;
    return 0;
}

/* Folds s into words of code points with one space between words; returns
 * -1 when the key would be too long. */
static int make_key(const char *s, size_t len, fz_key *k)
{
    const uint8_t *p = (const uint8_t *)s;
    size_t i = 0, start = 0;
    int in_word = 0;
    k->n = k->words = k->letters = 0;
    k->mask = 0;
    while (i < len) {
        size_t at = i;
        UChar32 c;
        if (p[i] < 0x80) {
            c = p[i++];
        } else {
            int32_t ii = 0, nn = len - i > INT32_MAX ? INT32_MAX : (int32_t)(len - i);
            U8_NEXT(p + i, ii, nn, c);
            i += (size_t)ii;
        }
        int w = c >= 0 && is_word_cp(c);
        if (w && !in_word) {
            start = at;
            in_word = 1;
        } else if (!w && in_word) {
            if (key_add_word(k, s + start, at - start))
                return -1;
            in_word = 0;
        }
    }
    if (in_word && key_add_word(k, s + start, len - start))
        return -1;
    return 0;
}

/* The code points of a key counted by bin (a letter a-z its own, the others
 * sharing the last six, as mask_of; spaces too): a key of at most FZ_MAX
 * code points, so a count fits a byte. */
static void hist_of(const uint32_t *cp, int n, uint8_t h[FZ_HIST])
{
    memset(h, 0, FZ_HIST);
    for (int i = 0; i < n; i++)
        h[cp[i] >= 'a' && cp[i] <= 'z' ? cp[i] - 'a' : 26 + cp[i] % 6]++;
}

typedef uint8_t fz_u8x16 __attribute__((vector_size(16)));

/* The sum of |a[b] - b[b]| over the bins of two histograms: an edit
 * changes it by two at most (a substitution; an insertion or a deletion
 * by one, a transposition not at all), so a sum over 2k rules distance k
 * out.  Sixteen bins at a time; the sum of eight bytes by a multiply (it
 * is 2 x FZ_MAX at most, under 256). */
static inline int hist_distance(const uint8_t *a, const uint8_t *b)
{
    int sum = 0;
    for (int k = 0; k < FZ_HIST; k += 16) {
        fz_u8x16 x, y;
        memcpy(&x, a + k, sizeof x);
        memcpy(&y, b + k, sizeof y);
        fz_u8x16 gt = (fz_u8x16)(x > y);
        fz_u8x16 d = ((x - y) & gt) | ((y - x) & ~gt);
        uint64_t half[2];
        memcpy(half, &d, sizeof half);
        sum += (int)((half[0] * 0x0101010101010101ull) >> 56) + (int)((half[1] * 0x0101010101010101ull) >> 56);
    }
    return sum;
}

static int limit_for(int letters)
{
    return letters < FZ_MIN_LETTERS ? 0 : letters < FZ_LONG_LETTERS ? 1 : 2;
}

bn_status bn_fuzzy_add(bn_fuzzy *f, const char *name, int payload)
{
    fz_key k;
    if (make_key(name, strlen(name), &k) || k.letters < FZ_MIN_LETTERS)
        return BN_OK;
    if (bn_grow((void **)&f->v, &f->cap, f->n + 1, sizeof *f->v) ||
        bn_grow((void **)&f->cps, &f->cps_cap, f->ncps + (size_t)k.n, sizeof *f->cps))
        return BN_ERR_NOMEM;
    memcpy(f->cps + f->ncps, k.cp, (size_t)k.n * sizeof *k.cp);
    f->v[f->n++] = (fz_name){
        .off = (uint32_t)f->ncps,
        .n = (uint8_t)k.n,
        .words = (uint8_t)k.words,
        .letters = (uint8_t)k.letters,
        .bits = (uint8_t)bits_of(k.mask),
        .payload = payload,
        .mask = k.mask,
    };
    f->ncps += (size_t)k.n;
    f->compiled = 0;
    return BN_OK;
}

static size_t bucket_of(int words, int letters)
{
    return (size_t)words * (FZ_MAX + 1) + (size_t)letters;
}

/* by_bits and bits_at of the compiled buckets. */
static bn_status compile_by_bits(bn_fuzzy *f)
{
    size_t used = 0;
    for (size_t b = 0; b < FZ_BUCKETS; b++)
        used += f->start[b] < f->start[b + 1];
    free(f->by_bits);
    if (!(f->by_bits = malloc((used ? used : 1) * (FZ_MASK_BITS + 2) * sizeof *f->by_bits)))
        return BN_ERR_NOMEM;
    used = 0;
    for (size_t b = 0; b < FZ_BUCKETS; b++) {
        if (f->start[b] == f->start[b + 1])
            continue;
        uint32_t *by = f->by_bits + used * (FZ_MASK_BITS + 2), i = f->start[b];
        f->bits_at[b] = (uint32_t)(used++ * (FZ_MASK_BITS + 2));
        for (int j = 0; j <= FZ_MASK_BITS + 1; j++) {
            while (i < f->start[b + 1] && f->v[i].bits < j)
                i++;
            by[j] = i;
        }
    }
    f->compiled = 1;
    return BN_OK;
}

/* A counting sort of the names by bucket, and within a bucket by the bits
 * set in their masks (the answer of a find does not depend on the order
 * within a bucket; a find reads only the names whose count of bits is
 * within its distance of the query's). */
bn_status bn_fuzzy_compile(bn_fuzzy *f)
{
    fz_name *sorted = malloc((f->n ? f->n : 1) * sizeof *sorted);
    if (!sorted)
        return BN_ERR_NOMEM;
    uint32_t nbits[33 + 1] = {0}; /* first by bits: the stable sort by bucket keeps that order */
    for (size_t i = 0; i < f->n; i++)
        nbits[f->v[i].bits + 1]++;
    for (size_t b = 0; b < 33; b++)
        nbits[b + 1] += nbits[b];
    for (size_t i = 0; i < f->n; i++)
        sorted[nbits[f->v[i].bits]++] = f->v[i];
    if (f->n)
        memcpy(f->v, sorted, f->n * sizeof *sorted);
    memset(f->start, 0, sizeof f->start);
    for (size_t i = 0; i < f->n; i++)
        f->start[bucket_of(f->v[i].words, f->v[i].letters) + 1]++;
    for (size_t b = 0; b < FZ_BUCKETS; b++)
        f->start[b + 1] += f->start[b];
    uint32_t fill[FZ_BUCKETS];
    memcpy(fill, f->start, sizeof fill);
    for (size_t i = 0; i < f->n; i++)
        sorted[fill[bucket_of(f->v[i].words, f->v[i].letters)]++] = f->v[i];
    free(f->v);
    f->v = sorted;
    f->cap = f->n ? f->n : 1;
    free(f->masks);
    free(f->hists);
    f->hists = NULL;
    if (!(f->masks = malloc(f->cap * sizeof *f->masks)) || !(f->hists = malloc(f->cap * sizeof *f->hists)))
        return BN_ERR_NOMEM;
    for (size_t i = 0; i < f->n; i++) {
        f->masks[i] = f->v[i].mask;
        hist_of(f->cps + f->v[i].off, f->v[i].n, f->hists[i]);
    }
    return compile_by_bits(f);
}

/* Optimal string alignment distance of a[0..n) and b[0..m), or k + 1 when it
 * is over k.  Only the band |i - j| <= k is computed (cells outside are over
 * k anyway), and row minima never decrease, so a row whose minimum is over k
 * ends the computation.  Three rows rotate; each row also writes the cells
 * just outside its band, the only ones the next two rows read besides it. */
static int osa_within(const uint32_t *a, int n, const uint32_t *b, int m, int k)
{
    int rows[3][FZ_MAX + 2];
    int *pp = rows[0], *p = rows[1], *c = rows[2];
    int big = k + 1;
    if (n - m > k || m - n > k)
        return big;
    for (int j = 0; j <= m && j <= k + 1; j++)
        p[j] = j <= k ? j : big;
    for (int i = 1; i <= n; i++) {
        int lo = i - k > 1 ? i - k : 1;
        int hi = i + k < m ? i + k : m;
        c[lo - 1] = lo == 1 && i <= k ? i : big;
        int row_min = c[lo - 1];
        for (int j = lo; j <= hi; j++) {
            int v = p[j - 1] + (a[i - 1] != b[j - 1]);
            if (p[j] + 1 < v)
                v = p[j] + 1;
            if (c[j - 1] + 1 < v)
                v = c[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                pp[j - 2] + 1 < v)
                v = pp[j - 2] + 1;
            if (v > big)
                v = big;
            c[j] = v;
            if (v < row_min)
                row_min = v;
        }
        if (hi < m)
            c[hi + 1] = big;
        if (row_min > k)
            return big;
        int *t = pp;
        pp = p;
        p = c;
        c = t;
    }
    return p[m];
}

int bn_fuzzy_find(const bn_fuzzy *f, const char *s, size_t len, int *dist)
{
    return bn_fuzzy_find_except(f, s, len, -1, dist);
}

/* Whether mask m is within d letters of q both ways (d known where
 * inlined). */
static inline __attribute__((always_inline)) int close_mask(uint32_t q, uint32_t m, int d)
{
    return !more_bits(q & ~m, d) && !more_bits(m & ~q, d);
}

/* Four masks at a time (GCC's vector extensions: SSE2 on x86-64). */
typedef uint32_t fz_u32x4 __attribute__((vector_size(16)));

/* The first index in [from, to) of a name whose mask is close_mask to q,
 * or `to`: most names of a bucket are turned away here, so the test is
 * made on the masks alone, four at once, in one loop per d (2.4 M names
 * on the slice, 1 % pass: 17 instructions a name one by one). */
static inline __attribute__((always_inline)) uint32_t close_masks_d(const uint32_t *masks, uint32_t from,
                                                                   uint32_t to, uint32_t q, int d)
{
    const fz_u32x4 qv = {q, q, q, q}, one = {1, 1, 1, 1};
    uint32_t i = from;
    for (; to - i >= 4; i += 4) {
        fz_u32x4 m, x, y;
        memcpy(&m, masks + i, sizeof m);
        x = qv & ~m, y = m & ~qv;
        if (d >= 1)
            x &= x - one, y &= y - one;
        if (d >= 2)
            x &= x - one, y &= y - one;
        fz_u32x4 pass = (x | y) == 0;
        uint64_t half[2];
        memcpy(half, &pass, sizeof half);
        if (half[0] | half[1])
            break;
    }
    for (; i < to; i++)
        if (close_mask(q, masks[i], d))
            return i;
    return to;
}

static uint32_t next_close_mask(const uint32_t *masks, uint32_t from, uint32_t to, uint32_t q, int d)
{
    switch (d) {
    case 0:
        return close_masks_d(masks, from, to, q, 0);
    case 1:
        return close_masks_d(masks, from, to, q, 1);
    default:
        return close_masks_d(masks, from, to, q, 2);
    }
}

int bn_fuzzy_find_except(const bn_fuzzy *f, const char *s, size_t len, int except, int *dist)
{
    fz_key q;
    if (dist)
        *dist = -1;
    /* a code point of n bytes folds to n letters at most (to one, but for
     * Hangul syllables and a few others), so fewer bytes than
     * FZ_MIN_LETTERS are fewer letters too, and need no folding */
    if (!f->compiled || len < FZ_MIN_LETTERS || make_key(s, len, &q) || q.letters < FZ_MIN_LETTERS)
        return -1;
    int best = -1, payload = -1, ambiguous = 0, q_bits = bits_of(q.mask);
    uint8_t q_hist[FZ_HIST];
    hist_of(q.cp, q.n, q_hist);
    for (int letters = q.letters - 2; letters <= q.letters + 2; letters++) {
        if (letters < FZ_MIN_LETTERS || letters > FZ_MAX)
            continue;
        int limit = limit_for(letters < q.letters ? letters : q.letters);
        if (abs(letters - q.letters) > limit)
            continue;
        size_t b = bucket_of(q.words, letters);
        /* the names whose masks have from q_bits - limit to q_bits + limit
         * bits: more or fewer leave more than limit letters on one side */
        if (f->start[b] == f->start[b + 1])
            continue;
        const uint32_t *by = f->by_bits + f->bits_at[b];
        uint32_t from = by[q_bits > limit ? q_bits - limit : 0];
        uint32_t to = by[q_bits + limit < FZ_MASK_BITS ? q_bits + limit + 1 : FZ_MASK_BITS + 1];
        for (uint32_t i = from; i < to; i++) {
            /* ties are still needed, to see ambiguity */
            int k = best >= 0 && best < limit ? best : limit;
            if ((i = next_close_mask(f->masks, i, to, q.mask, k)) == to)
                break;
            const fz_name *nm = &f->v[i];
            /* the histograms rule out 93 % of the names the masks leave
             * (slice), for a few instructions, not the distance's hundreds */
            if ((except >= 0 && nm->payload == except) || hist_distance(q_hist, f->hists[i]) > 2 * k)
                continue;
            int d = osa_within(q.cp, q.n, f->cps + nm->off, nm->n, k);
            if (d > k)
                continue;
            if (d == 0) {
                if (dist)
                    *dist = 0;
                return -1;
            }
            if (best < 0 || d < best) {
                best = d;
                payload = nm->payload;
                ambiguous = 0;
            } else if (nm->payload != payload) {
                ambiguous = 1;
            }
        }
    }
    if (dist)
        *dist = best;
    return best > 0 && !ambiguous ? payload : -1;
}

/* ---- answers remembered ------------------------------------------------ */

enum { MEMO_SIZE = 16384, MEMO_TEXT = 52 };

typedef struct memo_entry {
    uint32_t hash;
    int32_t hit;
    uint8_t len; /* 0: empty */
    char text[MEMO_TEXT];
} memo_entry;

struct bn_fuzzy_memo {
    const bn_fuzzy *f;
    memo_entry v[MEMO_SIZE];
};

bn_fuzzy_memo *bn_fuzzy_memo_new(const bn_fuzzy *f)
{
    bn_fuzzy_memo *m = calloc(1, sizeof *m);
    if (m)
        m->f = f;
    return m;
}

void bn_fuzzy_memo_free(bn_fuzzy_memo *m)
{
    free(m);
}

int bn_fuzzy_memo_find(bn_fuzzy_memo *m, const char *s, size_t len)
{
    /* too short for any name of the index (bn_fuzzy_find's first test):
     * not hashed nor remembered (a fifth of the look-ups on the slice,
     * and one miss in three) */
    if (len < FZ_MIN_LETTERS)
        return -1;
    if (len > MEMO_TEXT)
        return bn_fuzzy_find(m->f, s, len, NULL);
    uint32_t h = bn_hash(s, len);
    memo_entry *e = &m->v[h % MEMO_SIZE];
    if (e->len == len && e->hash == h && memcmp(e->text, s, len) == 0)
        return e->hit;
    e->hash = h;
    e->len = (uint8_t)len;
    memcpy(e->text, s, len);
    e->hit = bn_fuzzy_find(m->f, s, len, NULL);
    return e->hit;
}
