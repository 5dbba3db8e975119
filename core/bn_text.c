#include "bn_text.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>
#include <unicode/utf16.h>

static const UNormalizer2 *nfc_instance(void)
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *n = unorm2_getNFCInstance(&st);
    return U_SUCCESS(st) ? n : NULL;
}

static const UNormalizer2 *nfd_instance(void)
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *n = unorm2_getNFDInstance(&st);
    return U_SUCCESS(st) ? n : NULL;
}

int32_t bn_u8_next_icu(const uint8_t *p, int32_t *i, int32_t n)
{
    int32_t k = *i;
    UChar32 c;
    U8_NEXT(p, k, n, c);
    *i = k;
    return c;
}

size_t bn_utf8_check(const char *s, size_t len)
{
    const uint8_t *p = (const uint8_t *)s;
    int32_t i = 0, n = (int32_t)len;
    if (len > INT32_MAX)
        n = INT32_MAX;
    while (i < n) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        int32_t at = i;
        if (bn_u8_next(p, &i, n) < 0)
            return (size_t)at;
    }
    return (size_t)-1;
}

/* Vietnamese tone marks, in NFD. */
static int is_tone_mark(UChar32 c)
{
    return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
}

static size_t put_cp(char *out, size_t cap, size_t k, UChar32 c)
{
    if (c < 0x80) {
        if (k + 1 < cap)
            out[k++] = (char)c;
        return k;
    }
    if (k + (size_t)U8_LENGTH(c) < cap) {
        int32_t kk = (int32_t)k;
        U8_APPEND_UNSAFE(out, kk, c);
        k = (size_t)kk;
    }
    return k;
}

/* What folding makes of one code point: the bytes it adds in each mode
 * and the tone mark it carries.  ICU's answer (case folding, canonical
 * decomposition, mark classes) worked out once per code point below
 * FOLD_CACHE, which holds Vietnamese and the rest of Latin script: with
 * it a word is folded without calling ICU. */
enum { FOLD_CACHE = 0x2000, FOLD_BYTES = 15 };

enum { CP_UPPER = 1, CP_NFC_BOUNDARY = 2, CP_NFC_ALONE = 4 };

typedef struct folded_cp {
    uint8_t word;                  /* a letter, digit or mark: part of a word */
    uint8_t n[2];                  /* bytes of s[BN_FOLD_TONE], s[BN_FOLD_ASCII] */
    uint8_t props;                 /* CP_UPPER: u_isupper; CP_NFC_BOUNDARY: an NFC
                                    * boundary before it; CP_NFC_ALONE: NFC on its own */
    uint8_t cls;                   /* bn_cp_class */
    uint64_t shape;                /* its SH_ counts, for the shapes of tokens */
    UChar32 tone;                  /* its tone mark, or 0 */
    char s[2][FOLD_BYTES];
} folded_cp;

static folded_cp *fold_cache;
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;
/* The tokeniser's view of ASCII, filled with the cache: the byte a letter
 * or digit folds to (0: no part of a word). */
static uint8_t ascii_fold[128];
static uint64_t ascii_shape[128]; /* and its shape counts */

/* The tokeniser's view of the letters below FOLD_CACHE that are not
 * ASCII, filled with the cache: what a word's loop needs to fold one with
 * no branch on how many bytes its key has or on whether it has a tone
 * (the loop over the bytes of its key and the test of its tone, in the
 * cache's entry, mispredicted 0.5 M times on the slice). */
typedef struct tok_cp {
    uint64_t shape;  /* its SH_ counts */
    uint32_t m2, m3; /* bn_hash's multiplier for the key's second and third
                      * byte, or 1 past the key's end (the byte there 0:
                      * no step) */
    uint8_t key[4];  /* its BN_FOLD_TONE key, 0 past its end */
    uint16_t tone;   /* its tone mark, or 0 */
    int8_t keep;     /* -1 when it has no tone mark (the word's stays), else 0 */
    uint8_t key_n;   /* its key's length, 1 to 3; 0: not a letter, or a key
                      * of another length (folded from the cache's entry) */
} tok_cp;

static tok_cp tok_view[FOLD_CACHE];

static void tok_view_init(const folded_cp *v)
{
    for (UChar32 c = 0x80; c < FOLD_CACHE; c++) {
        const folded_cp *f = &v[c];
        tok_cp *t = &tok_view[c];
        size_t n = f->n[BN_FOLD_TONE];
        if (!f->word || n < 1 || n > 3)
            continue;
        t->key_n = (uint8_t)n;
        memcpy(t->key, f->s[BN_FOLD_TONE], n);
        t->m2 = n >= 2 ? 16777619u : 1;
        t->m3 = n >= 3 ? 16777619u : 1;
        t->tone = (uint16_t)f->tone;
        t->keep = f->tone ? 0 : -1;
        t->shape = f->shape;
    }
}

static int is_word_cp_icu(UChar32 c)
{
    if (c < 0x80)
        return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
    int8_t t = u_charType(c);
    return u_isalnum(c) || t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK ||
           t == U_ENCLOSING_MARK;
}

/* c (not ASCII) case folded and canonically decomposed: its parts (at
 * most 8) in parts; returns their number. */
static int fold_parts_icu(const UNormalizer2 *nfd, UChar32 c, UChar32 parts[8])
{
    c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
    UChar dec[16];
    int32_t dn = -1;
    if (nfd) {
        UErrorCode st = U_ZERO_ERROR;
        dn = unorm2_getDecomposition(nfd, c, dec, 16, &st);
        if (U_FAILURE(st))
            dn = -1;
    }
    int np = 0;
    if (dn < 0) {
        parts[np++] = c;
    } else {
        for (int32_t j = 0; j < dn && np < 8;) {
            UChar32 d;
            U16_NEXT(dec, j, dn, d);
            parts[np++] = d;
        }
    }
    return np;
}

/* A part's kind: a tone mark (moved to the end of the syllable), another
 * mark (kept in BN_FOLD_TONE only), or a base (kept; "đ" to "d" in
 * BN_FOLD_ASCII). */
enum { PART_BASE, PART_MARK, PART_TONE };

static int part_kind(UChar32 d)
{
    if (is_tone_mark(d))
        return PART_TONE;
    return u_getCombiningClass(d) > 0 || u_charType(d) == U_NON_SPACING_MARK ? PART_MARK : PART_BASE;
}

/* Appends to `out` (k bytes so far) what folding in `mode` makes of part
 * d of kind `kind` (not a tone mark). */
static size_t put_part(char *out, size_t cap, size_t k, UChar32 d, int kind, bn_fold_mode mode)
{
    if (kind == PART_MARK)
        return mode == BN_FOLD_TONE ? put_cp(out, cap, k, d) : k;
    return put_cp(out, cap, k, mode == BN_FOLD_ASCII && d == 0x0111 ? 'd' : d);
}

/* Appends to `out` (k bytes so far) what folding in `mode` makes of c;
 * *tone gets its tone mark, if any. */
static size_t fold_cp_icu(const UNormalizer2 *nfd, UChar32 c, bn_fold_mode mode, char *out, size_t cap, size_t k,
                          UChar32 *tone)
{
    if (c < 0x80) {
        if (c >= 'A' && c <= 'Z')
            c += 32;
        return put_cp(out, cap, k, c);
    }
    UChar32 parts[8];
    int np = fold_parts_icu(nfd, c, parts);
    for (int j = 0; j < np; j++) {
        int kind = part_kind(parts[j]);
        if (kind == PART_TONE)
            *tone = parts[j];
        else
            k = put_part(out, cap, k, parts[j], kind, mode);
    }
    return k;
}

/* fold_cp_icu of c in both modes into the cache's entry: ICU asked once
 * (the cache is 8 K code points, made at start-up). */
static void fold_cp_both_icu(const UNormalizer2 *nfd, UChar32 c, folded_cp *f)
{
    size_t k[2] = {0, 0};
    UChar32 tone = 0;
    if (c < 0x80) {
        for (int m = 0; m < 2; m++)
            k[m] = fold_cp_icu(nfd, c, (bn_fold_mode)m, f->s[m], FOLD_BYTES, 0, &tone);
    } else {
        UChar32 parts[8];
        int np = fold_parts_icu(nfd, c, parts);
        for (int j = 0; j < np; j++) {
            int kind = part_kind(parts[j]);
            if (kind == PART_TONE) {
                tone = parts[j];
                continue;
            }
            for (int m = 0; m < 2; m++)
                k[m] = put_part(f->s[m], FOLD_BYTES, k[m], parts[j], kind, (bn_fold_mode)m);
        }
    }
    f->n[0] = (uint8_t)k[0];
    f->n[1] = (uint8_t)k[1];
    f->tone = tone;
}

/* Whether c is a, e, i, o, u or y with Vietnamese marks only (breve,
 * circumflex, horn; the five tones): "ơ", "ặ", not "ç", "ł" or "ö". */
static int marked_vowel_icu(UChar32 c)
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&st);
    UChar d[8];
    int32_t n = U_SUCCESS(st) ? unorm2_getDecomposition(nfd, c, d, 8, &st) : -1;
    if (U_FAILURE(st) || n < 2)
        return 0;
    UChar base = (UChar)(d[0] | 0x20);
    if (!(base == 'a' || base == 'e' || base == 'i' || base == 'o' || base == 'u' || base == 'y'))
        return 0;
    for (int32_t k = 1; k < n; k++)
        if (d[k] != 0x300 && d[k] != 0x301 && d[k] != 0x303 && d[k] != 0x309 && d[k] != 0x323 && d[k] != 0x302 &&
            d[k] != 0x306 && d[k] != 0x31B)
            return 0;
    return 1;
}

/* bn_cp_class asked of ICU.  Vowels with Vietnamese marks are sought in
 * Latin letters below U+0250 and in Latin Extended Additional's
 * U+1EA0..U+1EF9 (all Vietnamese, capital and small in turn). */
static uint8_t cp_class_of_word(UChar32 c)
{
    if (c < 0x80) {
        char l = (char)(c | 0x20);
        int vowel = l == 'a' || l == 'e' || l == 'i' || l == 'o' || l == 'u' || l == 'y';
        return (uint8_t)(BN_CP_WORD | (c >= 'a' ? BN_CP_LOWER : c >= 'A' ? BN_CP_UPPER : BN_CP_DIGIT) |
                         (vowel ? BN_CP_VOWEL : 0));
    }
    if (c >= 0x1EA0 && c <= 0x1EF9)
        return (uint8_t)(BN_CP_WORD | BN_CP_MARKED_VOWEL | (c & 1 ? BN_CP_LOWER : BN_CP_UPPER));
    int cls = u_isupper(c) ? BN_CP_UPPER : u_islower(c) ? BN_CP_LOWER : u_isdigit(c) ? BN_CP_DIGIT : BN_CP_OTHER;
    return (uint8_t)(BN_CP_WORD | cls | (c >= 0xC0 && c < 0x250 && marked_vowel_icu(c) ? BN_CP_MARKED_VOWEL : 0));
}

static uint8_t cp_class_icu(UChar32 c)
{
    return c < 0 || !is_word_cp_icu(c) ? 0 : cp_class_of_word(c);
}

/* What a token's shape is made of: counts, one byte each, summed over its
 * code points with one addition per code point (a word of more than
 * BN_SHAPE_MAX code points gets no shape, so no count overflows into the
 * next before it matters): small letters, capitals, digits, vowels
 * (marked or not), vowels with Vietnamese marks, small "đ"s; and ASCII
 * digits, whose count tells a word of digits alone, and code points (a
 * word of up to 255 bytes: no count of it overflows). */
#define SH_LOWER ((uint64_t)1)
#define SH_UPPER ((uint64_t)1 << 8)
#define SH_DIGIT ((uint64_t)1 << 16)
#define SH_VOWEL ((uint64_t)1 << 24)
#define SH_MARKED ((uint64_t)1 << 32)
#define SH_DBAR ((uint64_t)1 << 40)
#define SH_ADIGIT ((uint64_t)1 << 48)
#define SH_CP ((uint64_t)1 << 56)
#define SH_COUNT(x, f) ((unsigned)((x) / (f)) & 0xFF)

static uint64_t shape_bits(UChar32 c, uint8_t cls)
{
    static const uint64_t by_case[4] = {SH_LOWER, SH_UPPER, SH_DIGIT, 0};
    if (!(cls & BN_CP_WORD))
        return 0;
    return by_case[cls & BN_CP_CASE] | (cls & (BN_CP_VOWEL | BN_CP_MARKED_VOWEL) ? SH_VOWEL : 0) |
           (cls & BN_CP_MARKED_VOWEL ? SH_MARKED : 0) | (c == 0x111 ? SH_DBAR : 0) |
           (c >= '0' && c <= '9' ? SH_ADIGIT : 0) | SH_CP;
}

static void run_tables_init(const folded_cp *v);

static void fold_cache_init(void)
{
    folded_cp *v = calloc(FOLD_CACHE, sizeof *v);
    if (!v)
        return; /* folding then asks ICU every time */
    const UNormalizer2 *nfd = nfd_instance(), *nfc = nfc_instance();
    for (UChar32 c = 0; c < FOLD_CACHE; c++) {
        folded_cp *f = &v[c];
        f->word = (uint8_t)is_word_cp_icu(c);
        f->cls = f->word ? cp_class_of_word(c) : 0;
        f->shape = shape_bits(c, f->cls);
        f->props = u_isupper(c) ? CP_UPPER : 0;
        if (nfc) {
            if (unorm2_hasBoundaryBefore(nfc, c))
                f->props |= CP_NFC_BOUNDARY;
            /* a code point alone is NFC unless its NFC quick check says
             * "no" (checked against unorm2_isNormalized for every code
             * point of ICU 72; a "maybe" composes only with one before
             * it), and the property costs an eighth of the call */
            if (u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_NO)
                f->props |= CP_NFC_ALONE;
        }
        fold_cp_both_icu(nfd, c, f);
    }
    for (int c = 0; c < 128; c++) {
        ascii_fold[c] = v[c].word ? (uint8_t)v[c].s[BN_FOLD_TONE][0] : 0;
        ascii_shape[c] = v[c].shape;
    }
    tok_view_init(v);
    run_tables_init(v);
    fold_cache = v;
}

static const folded_cp *folded(void)
{
    pthread_once(&fold_once, fold_cache_init);
    return fold_cache;
}

uint8_t bn_cp_class(int32_t c)
{
    const folded_cp *cache = folded();
    return cache && c >= 0 && c < FOLD_CACHE ? cache[c].cls : cp_class_icu(c);
}

/* Output buffers of the cleaner, growing in the arena. */
typedef struct clean_out {
    bn_arena *arena;
    char *s;
    uint32_t *orig;
    size_t len, cap_s, cap_o;
    int failed;
} clean_out;

/* Makes room for n more bytes (and their offsets) and the final NUL. */
static int out_grow(clean_out *o, size_t n)
{
    if (o->failed)
        return 0;
    char *s = bn_arena_grow(o->arena, o->s, &o->cap_s, o->len + n + 1, 1);
    uint32_t *m = bn_arena_grow(o->arena, o->orig, &o->cap_o, o->len + n + 1, sizeof *m);
    if (!s || !m) {
        o->failed = 1;
        return 0;
    }
    o->s = s;
    o->orig = m;
    return 1;
}

static inline int out_room(clean_out *o, size_t n)
{
    return (o->len + n + 1 <= o->cap_s && o->len + n + 1 <= o->cap_o) || out_grow(o, n);
}

static void out_bytes(clean_out *o, const char *b, size_t n, uint32_t orig)
{
    if (!out_room(o, n))
        return;
    memcpy(o->s + o->len, b, n);
    for (size_t i = 0; i < n; i++)
        o->orig[o->len + i] = orig;
    o->len += n;
}

static inline void out_cp(clean_out *o, UChar32 c, uint32_t orig)
{
    if (!out_room(o, 4))
        return;
    if (c < 0x80) {
        o->s[o->len] = (char)c;
        o->orig[o->len++] = orig;
        return;
    }
    int32_t n = 0;
    U8_APPEND_UNSAFE(o->s + o->len, n, c);
    for (int32_t i = 0; i < n; i++)
        o->orig[o->len + (size_t)i] = orig;
    o->len += (size_t)n;
}

/* A normalisation segment: a starter and the marks that follow it. */
#define SEG_MAX 32
typedef struct segment {
    UChar32 cp[SEG_MAX];
    uint32_t orig[SEG_MAX];
    int n;
} segment;

static void flush_segment_icu(clean_out *o, segment *seg, const UNormalizer2 *nfc)
{
    int normalized = 1;
    UChar u16[SEG_MAX * 2];
    int32_t u16n = 0;
    if (seg->n > 1 || seg->cp[0] >= 0x300) {
        for (int i = 0; i < seg->n; i++)
            U16_APPEND_UNSAFE(u16, u16n, seg->cp[i]);
        UErrorCode st = U_ZERO_ERROR;
        normalized = unorm2_isNormalized(nfc, u16, u16n, &st);
        if (U_FAILURE(st))
            normalized = 1;
    }
    if (normalized) {
        for (int i = 0; i < seg->n; i++)
            out_cp(o, seg->cp[i], seg->orig[i]);
    } else {
        UChar norm[SEG_MAX * 4];
        UErrorCode st = U_ZERO_ERROR;
        int32_t nn = unorm2_normalize(nfc, u16, u16n, norm, SEG_MAX * 4, &st);
        if (U_FAILURE(st)) {
            for (int i = 0; i < seg->n; i++)
                out_cp(o, seg->cp[i], seg->orig[i]);
        } else {
            /* The composed characters all map to the segment's start. */
            for (int32_t i = 0; i < nn;) {
                UChar32 c;
                U16_NEXT(norm, i, nn, c);
                out_cp(o, c, seg->orig[0]);
            }
        }
    }
    seg->n = 0;
}

/* Writes out the segment: a code point alone that is NFC by itself (the
 * fold cache knows, below FOLD_CACHE) as it is, anything else through
 * ICU. */
static inline void flush_segment(clean_out *o, segment *seg, const UNormalizer2 *nfc, const folded_cp *cache)
{
    if (seg->n == 0)
        return;
    if (seg->n == 1) {
        UChar32 c = seg->cp[0];
        if (c < 0x80 && o->len + 2 <= o->cap_s && o->len + 2 <= o->cap_o) {
            o->s[o->len] = (char)c;
            o->orig[o->len++] = seg->orig[0];
            seg->n = 0;
            return;
        }
        if (c < 0x300 || (cache && c < FOLD_CACHE && (cache[c].props & CP_NFC_ALONE))) {
            out_cp(o, c, seg->orig[0]);
            seg->n = 0;
            return;
        }
    }
    flush_segment_icu(o, seg, nfc);
}

static int is_dropped(UChar32 c)
{
    return c == 0xFEFF || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 ||
           c == 0x00AD || c == 0x200E || c == 0x200F;
}

static int is_space_like(UChar32 c)
{
    return c == '\t' || c == '\v' || c == '\f' || c == 0xA0 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x202F || c == 0x205F || c == 0x3000 || c == 0x1680;
}

/* Whether the byte at p[i] (i < n) begins a code point that opens a
 * segment of its own and is written as it is or flushes the segment
 * before it: ASCII, U+00C0..U+02FF (lead bytes C3..CB: none dropped or
 * replaced), the Vietnamese letters U+1E80..U+1EFF (E1 BA, E1 BB), or a
 * bad byte there (U+FFFD: a boundary too, or refused). */
static inline int opens_segment(const uint8_t *p, int32_t i, int32_t n)
{
    return p[i] < 0x80 || (p[i] >= 0xC3 && p[i] <= 0xCB) ||
           (p[i] == 0xE1 && i + 1 < n && (p[i + 1] == 0xBA || p[i + 1] == 0xBB));
}

/* For the cleaner's runs: a bit per continuation byte (80..BF) of each
 * lead byte C3..CB, and of E1 BA and E1 BB, set when the code point they
 * make is NFC on its own with a boundary before it (the fold cache's
 * CP_NFC_ALONE and CP_NFC_BOUNDARY).  Filled with the cache. */
static uint64_t run2[9], run3[2];

/* The same as an automaton over bytes, for run_end: a state for the
 * start of a code point (RUN_START), one for each lead byte C3..CB, one for
 * E1, one for each of E1 BA and E1 BB; run_dfa[state << 8 | byte] is the
 * next state, RUN_FAIL where the run ends, and run_depth[state] the bytes
 * of the code point read before that state.  A byte a step, with no branch
 * on what kind of code point it is in: in Vietnamese ASCII, two-byte and
 * three-byte letters alternate at random, and the branches on them
 * mispredicted 1.27 M times on the slice. */
enum { RUN_START = 0, RUN_LEAD2 = 1, RUN_E1 = 10, RUN_E1_BA = 11, RUN_ENDED = 13, RUN_STATES = 14 };
/* (the states times 256; RUN_ENDED's row leads to itself: once ended, a
 * run stays ended, and eight steps are checked at once) */
enum { RUN_FAIL = RUN_ENDED << 8 };
static uint16_t run_dfa[RUN_STATES << 8];
static const uint8_t run_depth[RUN_STATES] = {0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 0};

static void run_dfa_init(void)
{
    for (size_t k = 0; k < RUN_STATES << 8; k++)
        run_dfa[k] = RUN_FAIL;
    for (int b = 0x20; b < 0x7F; b++)
        run_dfa[RUN_START << 8 | b] = RUN_START << 8;
    for (int lead = 0xC3; lead <= 0xCB; lead++) {
        run_dfa[RUN_START << 8 | lead] = (uint16_t)((RUN_LEAD2 + lead - 0xC3) << 8);
        for (int t = 0x80; t < 0xC0; t++)
            if (run2[lead - 0xC3] >> (t - 0x80) & 1)
                run_dfa[(RUN_LEAD2 + lead - 0xC3) << 8 | t] = RUN_START << 8;
    }
    run_dfa[RUN_START << 8 | 0xE1] = RUN_E1 << 8;
    for (int t1 = 0xBA; t1 <= 0xBB; t1++) {
        run_dfa[RUN_E1 << 8 | t1] = (uint16_t)((RUN_E1_BA + t1 - 0xBA) << 8);
        for (int t = 0x80; t < 0xC0; t++)
            if (run3[t1 - 0xBA] >> (t - 0x80) & 1)
                run_dfa[(RUN_E1_BA + t1 - 0xBA) << 8 | t] = RUN_START << 8;
    }
}

static void run_tables_init(const folded_cp *v)
{
    for (int lead = 0xC3; lead <= 0xCB; lead++)
        for (int t = 0x80; t < 0xC0; t++) {
            UChar32 c = (UChar32)(lead & 0x1F) << 6 | (t & 0x3F);
            if ((v[c].props & (CP_NFC_ALONE | CP_NFC_BOUNDARY)) == (CP_NFC_ALONE | CP_NFC_BOUNDARY))
                run2[lead - 0xC3] |= (uint64_t)1 << (t - 0x80);
        }
    for (int t1 = 0xBA; t1 <= 0xBB; t1++)
        for (int t = 0x80; t < 0xC0; t++) {
            UChar32 c = 0x1000 | (UChar32)(t1 & 0x3F) << 6 | (t & 0x3F);
            if ((v[c].props & (CP_NFC_ALONE | CP_NFC_BOUNDARY)) == (CP_NFC_ALONE | CP_NFC_BOUNDARY))
                run3[t1 - 0xBA] |= (uint64_t)1 << (t - 0x80);
        }
    run_dfa_init();
}

/* The end of a run from p[j] (see clean_run) before lim, by run_dfa.
 * Each byte is given the offset of its code point's first byte, those of
 * a last code point the run does not hold too (room the text has).  Eight
 * bytes a turn, the end looked for once a turn (the offsets written once
 * the eight are known to be the run's), then a byte a turn to the end
 * (text_clean 69.1 -> 50.7 M instructions on the slice).  A code point
 * cut at lim is left out, as one the automaton fails on. */
/* The offsets of the eight bytes at p[j] (`j` their position) into o:
 * in a run (code points of one to three bytes) a byte's code point
 * starts as many bytes back as the byte ends a row of continuation
 * bytes, of one or two: c + (c & the c before) a byte, c 1 for a
 * continuation byte; *cont_before: c of the byte before (0 before a run,
 * whose first byte starts a code point).  With SSE2 (x86-64's baseline)
 * the eight subtractions are made in two vector registers, with no
 * look-up a byte (text_clean 52.0 -> 43.9 M instructions on the slice). */
static inline void run_offsets(const uint8_t *p, int32_t j, uint64_t *cont_before, uint32_t *o)
{
    uint64_t x;
    memcpy(&x, p + j, 8);
    uint64_t c = (x >> 7) & ~(x >> 6) & 0x0101010101010101ull;
    uint64_t depth = c + (c & (c << 8 | *cont_before));
    *cont_before = c >> 56;
#if defined(__SSE2__)
    __m128i z = _mm_setzero_si128();
    __m128i d16 = _mm_unpacklo_epi8(_mm_cvtsi64_si128((long long)depth), z);
    __m128i at = _mm_add_epi32(_mm_set1_epi32(j), _mm_setr_epi32(0, 1, 2, 3));
    _mm_storeu_si128((__m128i *)o, _mm_sub_epi32(at, _mm_unpacklo_epi16(d16, z)));
    _mm_storeu_si128((__m128i *)(o + 4), _mm_sub_epi32(_mm_add_epi32(at, _mm_set1_epi32(4)), _mm_unpackhi_epi16(d16, z)));
#else
    for (int k = 0; k < 8; k++)
        o[k] = (uint32_t)(j + k) - (uint32_t)(depth >> (8 * k) & 0xFF);
#endif
}

static inline int32_t run_end(const uint8_t *p, int32_t j, int32_t lim, uint32_t *w)
{
    int32_t from = j;
    unsigned s = RUN_START; /* (states times 256, as run_dfa holds them) */
    uint64_t cont_before = 0;
    while (lim - j >= 8) {
        unsigned st[9];
        st[0] = s;
        for (int k = 0; k < 8; k++)
            st[k + 1] = run_dfa[st[k] + p[j + k]];
        if (st[8] == RUN_FAIL)
            break;
        run_offsets(p, j, &cont_before, w + (j - from));
        s = st[8];
        j += 8;
    }
    for (; j < lim; j++) {
        unsigned next = run_dfa[s + p[j]];
        if (next == RUN_FAIL)
            break;
        w[j - from] = (uint32_t)j - run_depth[s >> 8];
        s = next;
    }
    return j - run_depth[s >> 8];
}

/* The cleaner's run of plain text: from p[i] while there is no segment
 * open, every code point that is NFC on its own and followed by one that
 * opens a segment is written as it is, as the code below would write it
 * one at a time: printable ASCII, and the letters of Latin-1 to IPA and
 * of Vietnamese with CP_NFC_ALONE and CP_NFC_BOUNDARY (run2, run3).
 * Each of those opens a segment, so within a run only the last one's
 * follower is looked at (for ASCII, opens_segment; for a letter, a byte
 * below CC or E1 BA/BB, as in bn_text_clean).  Each byte gets the offset
 * of its code point's first byte, and the bytes are copied at once.
 * Returns the new i. */
static inline int32_t clean_run(clean_out *o, const uint8_t *p, int32_t i, int32_t n)
{
    size_t room = (o->cap_s < o->cap_o ? o->cap_s : o->cap_o) - o->len - 1;
    int32_t lim = (size_t)(n - i) < room ? n : i + (int32_t)room;
    /* each byte's offset is written as the run is read (past the run's
     * end when its last code point is given back: room the text has) */
    uint32_t *w = o->orig + o->len;
    int32_t j = run_end(p, i, lim, w);
    if (j == i)
        return i;
    /* the start of the run's last code point (found once, at the end:
     * kept at every code point it cost two instructions each) */
    int32_t last = j - 1;
    while ((p[last] & 0xC0) == 0x80)
        last--;
    int ascii = p[last] < 0x80;
    /* the last code point's follower */
    if (j < n && (ascii ? !opens_segment(p, j, n)
                        : !(p[j] < 0xCC || (p[j] == 0xE1 && j + 1 < n && (p[j + 1] == 0xBA || p[j + 1] == 0xBB)))))
        j = last;
    memcpy(o->s + o->len, p + i, (size_t)(j - i));
    o->len += (size_t)(j - i);
    return j;
}

static inline bn_status text_clean(bn_arena *arena, const char *raw, size_t len, int lenient, bn_text *out,
                                   size_t *bad_offset, int runs)
{
    const UNormalizer2 *nfc = nfc_instance();
    const uint8_t *p = (const uint8_t *)raw;
    if (!nfc)
        return BN_ERR_LIBRARY;
    if (len > INT32_MAX)
        return BN_ERR_NOMEM; /* articles over 2 GiB are refused */
    const folded_cp *cache = folded();
    clean_out o = {.arena = arena};
    segment seg = {.n = 0};
    /* clean text is about as long as the raw: room for it at once, grown
     * only when something expands (U+FFFD for a bad byte) */
    o.cap_s = o.cap_o = len + 16;
    o.s = bn_arena_alloc(arena, o.cap_s);
    o.orig = bn_arena_alloc(arena, o.cap_o * sizeof *o.orig);
    if (!o.s || !o.orig)
        return BN_ERR_NOMEM;
    size_t replaced = 0;
    int32_t i = 0, n = (int32_t)len;
    while (i < n) {
        if (runs && seg.n == 0 && cache) {
            i = clean_run(&o, p, i, n);
            if (i >= n)
                break;
        }
        uint32_t at = (uint32_t)i;
        UChar32 c;
        if (p[i] >= 0x20 && p[i] < 0x7F) { /* printable ASCII: kept, and a segment of its own */
            flush_segment(&o, &seg, nfc, cache);
            /* one followed by an ASCII byte is written at once (nothing
             * after it can join its segment), as many as there is room
             * for */
            size_t room = (o.cap_s < o.cap_o ? o.cap_s : o.cap_o) - o.len - 1;
            int32_t lim = n - 1;
            if ((size_t)(lim - i) > room)
                lim = i + (int32_t)room;
            char *os = o.s + o.len;
            uint32_t *oo = o.orig + o.len;
            int32_t from = i;
            while (i < lim && (uint8_t)(p[i] - 0x20) < 0x5F && p[i + 1] < 0x80) {
                os[i - from] = (char)p[i];
                oo[i - from] = (uint32_t)i;
                i++;
            }
            o.len += (size_t)(i - from);
            if (i == (int32_t)at) {
                seg.cp[0] = p[i++];
                seg.orig[0] = at;
                seg.n = 1;
            }
            continue;
        }
        if (p[i] < 0x80) {
            c = p[i++];
        } else {
            U8_NEXT(p, i, n, c);
            if (c < 0) {
                if (!lenient) {
                    if (bad_offset)
                        *bad_offset = at;
                    return BN_ERR_UTF8;
                }
                c = 0xFFFD;
                replaced++;
            }
        }
        if (c >= 0xC0 && c < FOLD_CACHE && c != 0x1680) {
            /* a letter or mark of Latin, Greek, Cyrillic ... (Vietnamese):
             * none of the characters dropped or replaced below */
            if (cache && (c < 0x300 || (cache[c].props & CP_NFC_BOUNDARY))) {
                flush_segment(&o, &seg, nfc, cache);
                /* NFC alone and followed by a code point that begins a
                 * segment (below U+0300, or in U+1E80..U+1EFF, the
                 * Vietnamese letters, all with a boundary before them;
                 * or a bad byte, replaced by U+FFFD or refused): its
                 * bytes are written at once */
                int next_starts = i >= n || p[i] < 0xCC || (p[i] == 0xE1 && i + 1 < n && (p[i + 1] == 0xBA || p[i + 1] == 0xBB));
                if (next_starts && (cache[c].props & CP_NFC_ALONE) && o.len + (size_t)(i - (int32_t)at) + 1 <= o.cap_s &&
                    o.len + (size_t)(i - (int32_t)at) + 1 <= o.cap_o) {
                    char *os = o.s + o.len;
                    uint32_t *oo = o.orig + o.len;
                    os[0] = (char)p[at];
                    oo[0] = at;
                    for (int32_t k = 1; k < i - (int32_t)at; k++) {
                        os[k] = (char)p[at + (uint32_t)k];
                        oo[k] = at;
                    }
                    o.len += (size_t)(i - (int32_t)at);
                    continue;
                }
                seg.cp[0] = c;
                seg.orig[0] = at;
                seg.n = 1;
                continue;
            }
        } else if (c == '\r') {
            if (i < n && p[i] == '\n')
                i++; /* CRLF is one LF, at the CR's offset */
            c = '\n';
        } else if (is_dropped(c)) {
            continue;
        } else if (is_space_like(c)) {
            c = ' ';
        } else if (c == 0x2028 || c == 0x2029 || c == 0x85) { /* line and paragraph separators, NEL */
            c = '\n';
        } else if ((c < 0x20 && c != '\n') || c == 0x7F) {
            c = ' ';
        }
        if (c < 0x300 ||
            (cache && c < FOLD_CACHE ? (cache[c].props & CP_NFC_BOUNDARY) != 0 : unorm2_hasBoundaryBefore(nfc, c)) ||
            seg.n == SEG_MAX)
            flush_segment(&o, &seg, nfc, cache);
        seg.cp[seg.n] = c;
        seg.orig[seg.n] = at;
        seg.n++;
    }
    flush_segment(&o, &seg, nfc, cache);
    out_bytes(&o, "", 0, (uint32_t)len);
    if (o.failed || !o.s) {
        /* empty input: still hand back a valid empty text */
        if (o.failed)
            return BN_ERR_NOMEM;
    }
    if (!o.s) {
        o.s = bn_arena_alloc(arena, 1);
        o.orig = bn_arena_alloc(arena, sizeof *o.orig);
        if (!o.s || !o.orig)
            return BN_ERR_NOMEM;
    }
    o.s[o.len] = '\0';
    o.orig[o.len] = (uint32_t)len;
    out->s = o.s;
    out->len = o.len;
    out->orig = o.orig;
    out->replaced = replaced;
    out->glued = NULL;
    out->nglued = 0;
    return BN_OK;
}

bn_status bn_text_clean(bn_arena *arena, const char *raw, size_t len, int lenient,
                        bn_text *out, size_t *bad_offset)
{
    return text_clean(arena, raw, len, lenient, out, bad_offset, 1);
}

bn_status bn_text_clean_by_segment(bn_arena *arena, const char *raw, size_t len, int lenient,
                                   bn_text *out, size_t *bad_offset)
{
    return text_clean(arena, raw, len, lenient, out, bad_offset, 0);
}

size_t bn_fold_word(const char *s, size_t len, bn_fold_mode mode, char *out, size_t cap)
{
    const folded_cp *cache = folded();
    const UNormalizer2 *nfd = cache ? NULL : nfd_instance();
    const uint8_t *p = (const uint8_t *)s;
    size_t k = 0;
    UChar32 tone = 0;
    int32_t i = 0, n = (int32_t)len;
    if (cap == 0)
        return 0;
    while (i < n) {
        UChar32 c;
        if (p[i] < 0x80) {
            c = p[i++];
            if (c >= 'A' && c <= 'Z')
                c += 32;
            k = put_cp(out, cap, k, c);
            continue;
        }
        U8_NEXT(p, i, n, c);
        if (c < 0)
            c = 0xFFFD;
        if (cache && c < FOLD_CACHE) {
            const folded_cp *f = &cache[c];
            size_t fn = f->n[mode];
            if (k + fn < cap) {
                for (size_t j = 0; j < fn; j++) /* a byte or three: no call to memcpy */
                    out[k + j] = f->s[mode][j];
                k += fn;
            }
            if (f->tone)
                tone = f->tone;
            continue;
        }
        k = fold_cp_icu(nfd ? nfd : nfd_instance(), c, mode, out, cap, k, &tone);
    }
    if (tone && mode == BN_FOLD_TONE)
        k = put_cp(out, cap, k, tone);
    out[k] = '\0';
    return k;
}

static inline int is_word_cp(const folded_cp *cache, UChar32 c)
{
    if (c < 0x80)
        return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
    return cache && c < FOLD_CACHE ? cache[c].word : is_word_cp_icu(c);
}

/* Calls `fn` for every word span of s. */
typedef int (*word_fn)(void *ctx, size_t start, size_t end);

static inline int for_each_word(const char *s, size_t len, word_fn fn, void *ctx)
{
    const folded_cp *cache = folded();
    const uint8_t *p = (const uint8_t *)s;
    int32_t i = 0, n = (int32_t)len;
    int32_t start = -1;
    while (i < n) {
        int32_t at = i;
        UChar32 c;
        if (p[i] < 0x80)
            c = p[i++];
        else {
            U8_NEXT(p, i, n, c);
        }
        int w = c >= 0 && is_word_cp(cache, c);
        if (w && start < 0)
            start = at;
        else if (!w && start >= 0) {
            if (fn(ctx, (size_t)start, (size_t)at))
                return 1;
            start = -1;
        }
    }
    if (start >= 0)
        return fn(ctx, (size_t)start, (size_t)n);
    return 0;
}

typedef struct fold_string_ctx {
    const char *s;
    bn_fold_mode mode;
    char *buf;
    size_t len, cap;
} fold_string_ctx;

static int fold_string_word(void *vctx, size_t start, size_t end)
{
    fold_string_ctx *c = vctx;
    if (c->len && c->len + 1 < c->cap)
        c->buf[c->len++] = ' ';
    c->len += bn_fold_word(c->s + start, end - start, c->mode, c->buf + c->len, c->cap - c->len);
    return 0;
}

char *bn_fold_string(bn_arena *arena, const char *s, size_t len, bn_fold_mode mode)
{
    /* Folding never more than triples a word (a mark may be re-encoded). */
    size_t cap = len * 3 + 16;
    char *buf = bn_arena_alloc(arena, cap);
    if (!buf)
        return NULL;
    fold_string_ctx c = {.s = s, .mode = mode, .buf = buf, .len = 0, .cap = cap};
    buf[0] = '\0';
    for_each_word(s, len, fold_string_word, &c);
    buf[c.len] = '\0';
    return buf;
}

char *bn_tokens_key(bn_arena *arena, const char *s, size_t len, const bn_tokens *t)
{
    size_t n = 0;
    for (size_t i = 0; i < t->n; i++) {
        if (t->v[i].end - t->v[i].start > 80) /* a key cut short: fold the text */
            return bn_fold_string(arena, s, len, BN_FOLD_TONE);
        n += t->v[i].key_len + 1u;
    }
    char *out = bn_arena_alloc(arena, n + 1);
    if (!out)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < t->n; i++) {
        if (i)
            out[k++] = ' ';
        memcpy(out + k, t->keys + t->v[i].key, t->v[i].key_len);
        k += t->v[i].key_len;
    }
    out[k] = '\0';
    return out;
}

bn_status bn_tokens_join(bn_arena *arena, const bn_tokens *x, const bn_tokens *y, uint32_t shift, bn_tokens *out)
{
    size_t kx = x->n ? x->v[x->n - 1].key + x->v[x->n - 1].key_len + 1u : 0;
    size_t ky = y->n ? y->v[y->n - 1].key + y->v[y->n - 1].key_len + 1u : 0;
    bn_token *v = bn_arena_alloc(arena, (x->n + y->n + 1) * sizeof *v);
    char *keys = bn_arena_alloc(arena, kx + ky + 1);
    if (!v || !keys)
        return BN_ERR_NOMEM;
    memcpy(keys, x->keys, kx);
    memcpy(keys + kx, y->keys, ky);
    keys[kx + ky] = '\0';
    if (x->n)
        memcpy(v, x->v, x->n * sizeof *v);
    for (size_t i = 0; i < y->n; i++) {
        v[x->n + i] = y->v[i];
        v[x->n + i].start += shift;
        v[x->n + i].end += shift;
        v[x->n + i].key += (uint32_t)kx;
    }
    out->v = v;
    out->n = x->n + y->n;
    out->keys = keys;
    return BN_OK;
}

typedef struct tokenize_ctx {
    bn_arena *arena;
    const folded_cp *cache;
    const char *s;
    bn_token *v;
    size_t n, cap;
    uint8_t *shapes; /* with `shaped`: a shape per token, room for cap */
    char *keys;
    size_t keys_len, keys_cap;
    int failed;
} tokenize_ctx;

enum { KEY_MAX = 256 }; /* a key's bytes with its NUL, at most */

static int tokenize_word(void *vctx, size_t start, size_t end)
{
    tokenize_ctx *c = vctx;
    size_t wlen = end - start;
    if (wlen > 80)
        wlen = 80; /* very long "words" (URLs, base64) are cut for the key */
    if (c->n + 1 > c->cap || c->keys_len + KEY_MAX > c->keys_cap) {
        bn_token *v = bn_arena_grow(c->arena, c->v, &c->cap, c->n + 1, sizeof *v);
        char *keys = bn_arena_grow(c->arena, c->keys, &c->keys_cap, c->keys_len + KEY_MAX, 1);
        if (!v || !keys) {
            c->failed = 1;
            return 1;
        }
        c->v = v;
        c->keys = keys;
    }
    char *key = c->keys + c->keys_len;
    size_t klen = bn_fold_word(c->s + start, wlen, BN_FOLD_TONE, key, KEY_MAX);
    bn_token *t = &c->v[c->n++];
    t->start = (uint32_t)start;
    t->end = (uint32_t)end;
    t->key = (uint32_t)c->keys_len;
    t->key_len = (uint16_t)klen;
    t->hash = bn_hash(key, klen);
    t->flags = 0;
    const uint8_t *p = (const uint8_t *)c->s;
    if (p[start] < 0x80) {
        if (p[start] >= 'A' && p[start] <= 'Z')
            t->flags |= BN_TOK_UPPER;
    } else {
        int32_t j = (int32_t)start;
        UChar32 cp;
        U8_NEXT(p, j, (int32_t)end, cp);
        if (cp >= 0 && (c->cache && cp < FOLD_CACHE ? (c->cache[cp].props & CP_UPPER) != 0 : u_isupper(cp)))
            t->flags |= BN_TOK_UPPER;
    }
    int digits = 1;
    for (size_t i = start; i < end; i++)
        if (c->s[i] < '0' || c->s[i] > '9') {
            digits = 0;
            break;
        }
    if (digits)
        t->flags |= BN_TOK_DIGIT;
    c->keys_len += klen + 1;
    return 0;
}

/* The groups of vowels in the word p[ws, we) (a vowel after no vowel
 * starts one), by the SH_VOWEL of the code points' shape counts.  Asked
 * of a few words only (four code points or more, two vowels with
 * Vietnamese marks): counted for every word in tokenize_cached they cost
 * 14.5 M instructions on the slice. */
static unsigned vowel_groups(const folded_cp *cache, const uint8_t *p, int32_t ws, int32_t we)
{
    unsigned groups = 0;
    uint64_t prev = 0;
    for (int32_t i = ws; i < we;) {
        UChar32 ch = bn_u8_next(p, &i, we);
        uint64_t cl = ch < 0x80 ? ascii_shape[ch] : ch < FOLD_CACHE ? cache[ch].shape : shape_bits(ch, cp_class_icu(ch));
        groups += (cl & ~prev & SH_VOWEL) != 0;
        prev = cl;
    }
    return groups;
}

/* One pass over the text with the fold cache: each code point is decoded
 * once, to find the words and to fold them, and a word's flags (and, when
 * `shaped`, its shape) come out of the same pass.  The same tokens as
 * tokenize_word over for_each_word. */
static inline __attribute__((always_inline)) bn_status tokenize_cached(tokenize_ctx *c, const char *s, size_t len,
                                                                     int shaped, int nul_ended)
{
    const folded_cp *cache = c->cache;
    const uint8_t *p = (const uint8_t *)s;
    int32_t i = 0, n = (int32_t)len;
    while (i < n) {
        int32_t ws = i;
        UChar32 ch;
        if (p[i] < 0x80) {
            /* (ascii_fold: 0 for what is no part of a word, as is_word_cp) */
            if (!ascii_fold[p[i]]) {
                i++;
                continue;
            }
            ch = p[i++];
        } else {
            /* (through a copy: i, its address not taken, can stay in a
             * register) */
            int32_t next = i;
            ch = bn_u8_next(p, &next, n);
            i = next;
            if (ch < 0 || !is_word_cp(cache, ch))
                continue;
        }
        if (c->n + 1 > c->cap || c->keys_len + KEY_MAX > c->keys_cap) {
            size_t cap = c->cap;
            bn_token *v = bn_arena_grow(c->arena, c->v, &c->cap, c->n + 1, sizeof *v);
            uint8_t *shapes = NULL;
            if (v && shaped) {
                size_t scap = cap;
                shapes = bn_arena_grow(c->arena, c->shapes, &scap, c->cap, 1);
            }
            char *keys = bn_arena_grow(c->arena, c->keys, &c->keys_cap, c->keys_len + KEY_MAX, 1);
            if (!v || !keys || (shaped && !shapes))
                return BN_ERR_NOMEM;
            c->v = v;
            c->keys = keys;
            if (shaped)
                c->shapes = shapes;
        }
        char *key = c->keys + c->keys_len;
        size_t k = 0;
        UChar32 tone = 0;
        uint8_t flags = 0;
        if (ch < 0x80 ? ch >= 'A' && ch <= 'Z' : ch < FOLD_CACHE ? (cache[ch].props & CP_UPPER) != 0 : u_isupper(ch))
            flags |= BN_TOK_UPPER;
        uint32_t h = 2166136261u; /* bn_hash of the key, as it is written */
        int32_t we = n;
        /* the shape: the SH_ counts summed over the code points (the
         * vowel groups are counted, by vowel_groups, only for the words
         * whose shape hangs on them) */
        uint64_t sum = 0, prev = 0, first = 0;
        if (shaped)
            first = ch < FOLD_CACHE ? cache[ch].shape : shape_bits(ch, cp_class_icu(ch));
        for (;;) {
            uint64_t cl = 0;
            /* fold ch as bn_fold_word does */
            if (ch < 0x80) {
                if (k + 1 < KEY_MAX) {
                    uint8_t lc = ascii_fold[ch];
                    key[k++] = (char)lc;
                    h = (h ^ lc) * 16777619u;
                }
                if (shaped)
                    cl = ascii_shape[ch];
            } else if (ch < FOLD_CACHE && tok_view[ch].key_n && k + 3 < KEY_MAX) {
                /* (four bytes written, as many kept as the key has; the
                 * hash stepped three times, with a multiplier of 1 and a
                 * byte of 0 past the key: no step) */
                const tok_cp *e = &tok_view[ch];
                memcpy(key + k, e->key, 4);
                h = (h ^ e->key[0]) * 16777619u;
                h = (h ^ e->key[1]) * e->m2;
                h = (h ^ e->key[2]) * e->m3;
                k += e->key_n;
                tone = (tone & e->keep) | e->tone;
                if (shaped)
                    cl = e->shape;
            } else if (ch < FOLD_CACHE) {
                const folded_cp *f = &cache[ch];
                size_t fn = f->n[BN_FOLD_TONE];
                if (k + fn < KEY_MAX) {
                    for (size_t j = 0; j < fn; j++) {
                        key[k + j] = f->s[BN_FOLD_TONE][j];
                        h = (h ^ (unsigned char)f->s[BN_FOLD_TONE][j]) * 16777619u;
                    }
                    k += fn;
                }
                if (f->tone)
                    tone = f->tone;
                if (shaped)
                    cl = f->shape;
            } else {
                size_t k0 = k;
                k = fold_cp_icu(nfd_instance(), ch, BN_FOLD_TONE, key, KEY_MAX, k, &tone);
                for (size_t j = k0; j < k; j++)
                    h = (h ^ (unsigned char)key[j]) * 16777619u;
                if (shaped)
                    cl = shape_bits(ch, cp_class_icu(ch));
            }
            if (shaped) {
                sum += cl;
                prev = cl;
            }
            /* (nul_ended: s[len] is a NUL, no part of a word, which ends
             * the word there without this test at every code point) */
            if (!nul_ended && i >= n)
                break;
            int32_t at = i;
            if (p[i] < 0x80) {
                if (!ascii_fold[p[i]]) {
                    we = at;
                    i = at + 1; /* (no part of a word: no need to look again) */
                    break;
                }
                ch = p[i++];
            } else {
                int32_t next = i;
                ch = bn_u8_next(p, &next, n);
                i = next;
                if (ch < 0 || !is_word_cp(cache, ch)) {
                    we = at; /* (the code point after the word is no word's start) */
                    break;
                }
            }
        }
        if (we - ws > 80) {
            /* very long "words" (URLs, base64) are cut for the key */
            k = bn_fold_word(s + ws, 80, BN_FOLD_TONE, key, KEY_MAX);
            h = bn_hash(key, k);
        } else {
            if (tone && k + 2 < KEY_MAX) {
                /* a tone mark, U+0300..U+0323: two bytes, as put_cp writes them */
                key[k++] = (char)0xCC;
                key[k++] = (char)(0x80 | (tone & 0x3F));
                h = (h ^ 0xCCu) * 16777619u;
                h = (h ^ (0x80u | ((unsigned)tone & 0x3F))) * 16777619u;
            }
            key[k] = '\0';
        }
        /* all digits: as many ASCII digits as bytes (shaped, up to 255
         * bytes), else (rare) looked at when the first byte is one */
        int digits;
        if (shaped && we - ws <= 255) {
            digits = SH_COUNT(sum, SH_ADIGIT) == (unsigned)(we - ws);
        } else {
            digits = p[ws] >= '0' && p[ws] <= '9';
            for (int32_t j = ws + 1; digits && j < we; j++)
                digits = p[j] >= '0' && p[j] <= '9';
        }
        if (shaped) {
            /* (a capital after a small letter needs a capital after the
             * first code point and a small letter; a digit next to a
             * letter, both; a "đ" from the third code point on, one after
             * the first) */
            uint8_t shape = 0;
            uint64_t after = sum - first; /* the counts after the first code point */
            /* (a word of more than 255 bytes has more than BN_SHAPE_MAX
             * code points: 64 at least) */
            unsigned ncp = we - ws <= 255 ? SH_COUNT(sum, SH_CP) : 255;
            /* (the rare counts first, each test then mostly failing as
             * the branch predicts: the size first, it mispredicted 0.4 M
             * times as the words go; a capital, a digit or a "đ" is
             * needed by the first three tests, two vowels with marks and
             * four code points by the last) */
            uint64_t rare = (after & (SH_UPPER | SH_DBAR) * 0xFF) | (sum & SH_DIGIT * 0xFF);
            if ((rare && ncp >= 3 && ncp <= BN_SHAPE_MAX &&
                 ((SH_COUNT(after, SH_UPPER) && SH_COUNT(sum, SH_LOWER)) ||
                  (SH_COUNT(sum, SH_DIGIT) && (SH_COUNT(sum, SH_LOWER) || SH_COUNT(sum, SH_UPPER))) ||
                  SH_COUNT(after, SH_DBAR))) ||
                (SH_COUNT(sum, SH_MARKED) >= 2 && ncp >= 4 && ncp <= BN_SHAPE_MAX && vowel_groups(cache, p, ws, we) == 2))
                shape |= BN_SHAPE_SPLIT;
            if (ncp <= BN_SHAPE_MAX && (prev & (SH_LOWER | SH_DIGIT)) && we < n && p[we] != ' ' && p[we] != ',')
                shape |= BN_SHAPE_STOP;
            c->shapes[c->n] = shape;
        }
        bn_token *t = &c->v[c->n++];
        t->start = (uint32_t)ws;
        t->end = (uint32_t)we;
        t->key = (uint32_t)c->keys_len;
        t->key_len = (uint16_t)k;
        t->hash = h;
        t->flags = flags | (digits ? BN_TOK_DIGIT : 0);
        c->keys_len += k + 1;
    }
    return BN_OK;
}

static bn_status tokenize_plain(tokenize_ctx *c, const char *s, size_t len)
{
    return tokenize_cached(c, s, len, 0, 0);
}

/* With shapes, the text is most often a bn_text's, NUL-ended (s[len] is
 * read to know). */
static bn_status tokenize_with_shapes(tokenize_ctx *c, const char *s, size_t len)
{
    return s[len] == '\0' ? tokenize_cached(c, s, len, 1, 1) : tokenize_cached(c, s, len, 1, 0);
}

static bn_status tokenize(bn_arena *arena, const char *s, size_t len, bn_tokens *out, uint8_t **shapes)
{
    tokenize_ctx c = {.arena = arena, .cache = folded(), .s = s};
    /* room for a word every four bytes and their keys at once (Vietnamese
     * runs about six; numbers, initials and short words more, and a grown
     * array is copied); grown when a text has more */
    c.cap = len / 4 + 8;
    c.keys_cap = len + len / 4 + KEY_MAX;
    c.v = bn_arena_alloc(arena, c.cap * sizeof *c.v);
    c.keys = bn_arena_alloc(arena, c.keys_cap);
    if (shapes && !(c.shapes = bn_arena_alloc(arena, c.cap)))
        return BN_ERR_NOMEM;
    if (!c.v || !c.keys)
        return BN_ERR_NOMEM;
    c.keys[0] = '\0';
    if (c.cache) {
        if ((shapes ? tokenize_with_shapes(&c, s, len) : tokenize_plain(&c, s, len)) != BN_OK)
            return BN_ERR_NOMEM;
    } else {
        /* without the fold cache (out of memory at its making), no shapes:
         * every word is looked at closely */
        for_each_word(s, len, tokenize_word, &c);
        if (c.failed)
            return BN_ERR_NOMEM;
        if (shapes) {
            if (!(c.shapes = bn_arena_alloc(arena, c.n ? c.n : 1)))
                return BN_ERR_NOMEM;
            memset(c.shapes, BN_SHAPE_SPLIT | BN_SHAPE_STOP, c.n);
        }
    }
    out->v = c.v;
    out->n = c.n;
    out->keys = c.keys;
    if (shapes)
        *shapes = c.shapes;
    return BN_OK;
}

bn_status bn_tokenize(bn_arena *arena, const char *s, size_t len, bn_tokens *out)
{
    return tokenize(arena, s, len, out, NULL);
}

bn_status bn_tokenize_shaped(bn_arena *arena, const char *s, size_t len, bn_tokens *out, uint8_t **shapes)
{
    return tokenize(arena, s, len, out, shapes);
}

size_t bn_tokens_at(const bn_tokens *t, size_t offset)
{
    size_t lo = 0, hi = t->n;
    if (hi > 32) {
        /* words are spread about evenly over the text: start where the
         * offset would fall and widen by doubling steps until the answer
         * is bracketed (all before lo start before offset, none from hi) */
        uint64_t end = t->v[hi - 1].end ? t->v[hi - 1].end : 1;
        size_t g = (size_t)((uint64_t)offset * hi / end), step = 4;
        if (g >= hi)
            g = hi - 1;
        if (t->v[g].start < offset) {
            lo = g + 1;
            while (lo + step - 1 < hi && t->v[lo + step - 1].start < offset) {
                lo += step;
                step *= 2;
            }
            if (lo + step - 1 < hi)
                hi = lo + step - 1;
        } else {
            hi = g;
            while (hi >= step && t->v[hi - step].start >= offset) {
                hi -= step;
                step *= 2;
            }
            lo = hi >= step ? hi - step + 1 : 0;
        }
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->v[mid].start < offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}



int bn_is_upper_at(const char *s, size_t len, size_t i)
{
    const uint8_t *p = (const uint8_t *)s;
    if (i >= len)
        return 0;
    if (p[i] < 0x80)
        return p[i] >= 'A' && p[i] <= 'Z';
    int32_t j = (int32_t)i;
    UChar32 c;
    U8_NEXT(p, j, (int32_t)len, c);
    return c >= 0 && u_isupper(c);
}

char *bn_name_id(bn_arena *arena, const char *s, size_t len)
{
    char *f = bn_fold_string(arena, s, len, BN_FOLD_ASCII);
    if (!f)
        return NULL;
    size_t w = 0;
    for (size_t r = 0; f[r]; r++) {
        unsigned char ch = (unsigned char)f[r];
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch >= 0x80)
            f[w++] = (char)ch;
        else if (w > 0 && f[w - 1] != '-')
            f[w++] = '-';
    }
    while (w > 0 && f[w - 1] == '-')
        w--;
    f[w] = 0;
    return f;
}

const char *bn_guess_encoding(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE)
        return "UTF-16LE";
    if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF)
        return "UTF-16BE";
    size_t n = len < 65536 ? len : 65536; /* the start says enough */
    size_t nul_even = 0, nul_odd = 0, high = 0, viscii = 0, tone_after_letter = 0, bad = 0;
    /* the bytes of the commonest letters (à á â ê ô ơ ư đ ạ ...) in each:
     * TCVN3 puts them at 0xA8-0xB9, VISCII where Latin-1 has them */
    size_t tcvn_letters = 0, viscii_letters = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (c == 0)
            *(i % 2 ? &nul_odd : &nul_even) += 1;
        if (c >= 0x80)
            high++;
        if ((c >= 0xA8 && c <= 0xAE) || c == 0xB5 || c == 0xB8 || c == 0xB9)
            tcvn_letters++;
        if (c == 0xE0 || c == 0xE1 || c == 0xE2 || c == 0xEA || c == 0xF4 || c == 0xF0 || c == 0xDF || c == 0xBD ||
            c == 0xD5 || c == 0xE9 || c == 0xED || c == 0xF3)
            viscii_letters++;
        /* VISCII puts six letters in the C0 controls */
        if (c == 0x02 || c == 0x05 || c == 0x06 || c == 0x14 || c == 0x19 || c == 0x1E)
            viscii++;
        /* Windows-1258 writes tones as combining marks after the letter */
        if ((c == 0xCC || c == 0xEC || c == 0xDE || c == 0xD2 || c == 0xF2) && i > 0 &&
            ((p[i - 1] | 32) >= 'a' && (p[i - 1] | 32) <= 'z'))
            tone_after_letter++;
    }
    if (nul_odd > n / 4 && nul_even < n / 50)
        return "UTF-16LE";
    if (nul_even > n / 4 && nul_odd < n / 50)
        return "UTF-16BE";
    /* how much of it is not UTF-8 at all */
    for (size_t i = 0; i < n;) {
        size_t b = bn_utf8_check(s + i, n - i);
        if (b == (size_t)-1)
            break;
        bad++;
        i += b + 1;
    }
    if (high == 0 || bad * 4 < high)
        return NULL; /* UTF-8 with a few broken bytes */
    if (viscii >= 2)
        return "VISCII";
    if (tone_after_letter >= 2 && tone_after_letter * 20 >= high)
        return "Windows-1258";
    if (high * 50 < n)
        return NULL;
    return tcvn_letters > viscii_letters ? "TCVN3" : "VISCII";
}

char *bn_utf8_repair(const char *s, size_t len, size_t *out_len)
{
    size_t n = 0;
    char *out = malloc(len * 3 + 1);
    if (!out)
        return NULL;
    size_t i = 0;
    while (i < len) {
        size_t bad = bn_utf8_check(s + i, len - i);
        size_t good = bad == (size_t)-1 ? len - i : bad;
        memcpy(out + n, s + i, good);
        n += good;
        i += good;
        if (i < len) {
            memcpy(out + n, "\xEF\xBF\xBD", 3);
            n += 3;
            i++; /* skip one byte; the rest of a broken sequence is caught next round */
        }
    }
    out[n] = '\0';
    *out_len = n;
    return out;
}

void bn_str_join(char *out, size_t cap, const char *a, char sep, const char *b)
{
    if (cap == 0)
        return;
    size_t la = strlen(a), lb = strlen(b);
    size_t k = la < cap - 1 ? la : cap - 1;
    memcpy(out, a, k);
    if (k < cap - 1)
        out[k++] = sep;
    size_t n = lb < cap - 1 - k ? lb : cap - 1 - k;
    memcpy(out + k, b, n);
    out[k + n] = '\0';
}
