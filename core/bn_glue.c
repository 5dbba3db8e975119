#include "bn_glue.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf8.h>

#include "bn_data.h"

/* A list of folded words. */
typedef struct word_list {
    char **v;
    size_t n;
} word_list;

enum { C_LOWER, C_UPPER, C_DIGIT, C_OTHER };

/* Latin letters below U+0250 that are Vietnamese vowels (a base vowel
 * with Vietnamese marks only), found once with ICU's decompositions. */
#define LATIN_END 0x250

struct bn_glue {
    word_list before_names, after_words, names, initials, finals, abbreviations;
    uint8_t vowel[LATIN_END];
    uint8_t cls[LATIN_END];   /* C_LOWER, C_UPPER, C_DIGIT or C_OTHER, asked of ICU once */
    uint8_t info[LATIN_END];  /* what cp_info says of each, worked out once */
};

/* A code point's class in one byte: its C_ class, its vowel (1: an ASCII
 * vowel, 2: a vowel with a Vietnamese mark) and whether it is part of a
 * word. */
enum { I_CLS = 3, I_VOWEL_SHIFT = 2, I_WORD = 16 };

static void list_free(word_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
}

void bn_glue_free(bn_glue *g)
{
    if (!g)
        return;
    list_free(&g->before_names);
    list_free(&g->after_words);
    list_free(&g->names);
    list_free(&g->initials);
    list_free(&g->finals);
    list_free(&g->abbreviations);
    free(g);
}

static bn_status list_add(void *ctx, const char *s)
{
    word_list *l = ctx;
    char key[128];
    bn_fold_word(s, strlen(s), BN_FOLD_TONE, key, sizeof key);
    char **v = realloc(l->v, (l->n + 1) * sizeof *v);
    if (!v)
        return BN_ERR_NOMEM;
    l->v = v;
    if (!(l->v[l->n] = strdup(key)))
        return BN_ERR_NOMEM;
    l->n++;
    return BN_OK;
}

static int listed(const word_list *l, const char *s, size_t len)
{
    char key[128];
    size_t k = bn_fold_word(s, len, BN_FOLD_TONE, key, sizeof key);
    for (size_t i = 0; i < l->n; i++)
        if (strlen(l->v[i]) == k && memcmp(l->v[i], key, k) == 0)
            return 1;
    return 0;
}

/* Whether c is a, e, i, o, u or y with Vietnamese marks only (breve,
 * circumflex, horn; the five tones): "ơ", "ặ", not "ç", "ł" or "ö". */
static int vietnamese_vowel_by_icu(UChar32 c)
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

/* ---- the code points of one word ------------------------------------- */

#define WORD_MAX 48 /* longer runs (URLs, hashes) are left alone */

typedef struct word {
    const char *s;
    int n;
    uint32_t off[WORD_MAX + 1]; /* byte offset of each code point; off[n] = the end */
    uint8_t cls[WORD_MAX];
    uint8_t vowel[WORD_MAX];    /* 1: a vowel, 2: a vowel with a Vietnamese mark */
} word;

/* A Vietnamese vowel beyond ASCII: one with marks (Latin Extended
 * Additional holds only Vietnamese ones). */
static int viet_vowel(const bn_glue *g, UChar32 c)
{
    return c < LATIN_END ? c >= 0xC0 && g->vowel[c] : c >= 0x1EA0 && c <= 0x1EF9;
}

static void classify_cp(const bn_glue *g, word *w, int k, UChar32 c)
{
    if (c < 0x80) {
        w->cls[k] = c >= 'a' && c <= 'z' ? C_LOWER : c >= 'A' && c <= 'Z' ? C_UPPER : c >= '0' && c <= '9' ? C_DIGIT : C_OTHER;
        char l = (char)(c | 0x20);
        w->vowel[k] = l == 'a' || l == 'e' || l == 'i' || l == 'o' || l == 'u' || l == 'y';
        return;
    }
    w->vowel[k] = viet_vowel(g, c) ? 2 : 0;
    if (c < LATIN_END)
        w->cls[k] = g->cls[c];
    else if (c >= 0x1EA0 && c <= 0x1EF9) /* Vietnamese letters with two marks: capital, small, in turn */
        w->cls[k] = c & 1 ? C_LOWER : C_UPPER;
    else
        w->cls[k] = u_isupper(c) ? C_UPPER : u_islower(c) ? C_LOWER : u_isdigit(c) ? C_DIGIT : C_OTHER;
}

static int word_cp_icu(UChar32 c)
{
    return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK);
}

static inline int word_cp(UChar32 c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if ((c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x1EA0 && c <= 0x1EF9))
        return 1; /* Latin letters, the Vietnamese ones among them: no need to ask ICU */
    return word_cp_icu(c);
}

/* The class byte of c (I_ bits), as classify_cp and word_cp answer. */
static uint8_t info_of(const bn_glue *g, UChar32 c)
{
    if (c < 0 || !word_cp(c))
        return 0;
    word w;
    classify_cp(g, &w, 0, c);
    return (uint8_t)(I_WORD | w.cls[0] | (w.vowel[0] << I_VOWEL_SHIFT));
}

/* The same from the tables: a look-up for Latin script. */
static inline uint8_t cp_info(const bn_glue *g, UChar32 c)
{
    if (c >= 0 && c < LATIN_END)
        return g->info[c];
    if (c >= 0x1EA0 && c <= 0x1EF9) /* Vietnamese letters with two marks: capital, small, in turn */
        return (uint8_t)(I_WORD | (2 << I_VOWEL_SHIFT) | (c & 1 ? C_LOWER : C_UPPER));
    return info_of(g, c);
}

bn_status bn_glue_load(bn_glue **out, const json_t *root, const char *path, bn_error *err)
{
    *out = NULL;
    const json_t *obj = json_object_get(root, "glued_words");
    if (!obj)
        return BN_OK;
    bn_glue *g = calloc(1, sizeof *g);
    if (!g)
        return BN_ERR_NOMEM;
    static const char *const keys[] = {"before_names", "after_words", "names", "initials", "finals"};
    word_list *lists[] = {&g->before_names, &g->after_words, &g->names, &g->initials, &g->finals};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        char where[64];
        snprintf(where, sizeof where, "glued_words/%s", keys[i]);
        bn_status st = bn_json_each_string(json_object_get(obj, keys[i]), list_add, lists[i], path, keys[i], where, err);
        if (st != BN_OK) {
            bn_glue_free(g);
            return st;
        }
    }
    bn_status st = bn_json_each_string(json_object_get(root, "abbreviations"), list_add, &g->abbreviations, path,
                                       "abbreviations", "abbreviations", err);
    if (st != BN_OK) {
        bn_glue_free(g);
        return st;
    }
    for (UChar32 c = 0; c < LATIN_END; c++) {
        g->vowel[c] = c >= 0xC0 && vietnamese_vowel_by_icu(c);
        g->cls[c] = u_isupper(c) ? C_UPPER : u_islower(c) ? C_LOWER : u_isdigit(c) ? C_DIGIT : C_OTHER;
    }
    for (UChar32 c = 0; c < LATIN_END; c++)
        g->info[c] = info_of(g, c);
    *out = g;
    return BN_OK;
}

static int is_letter(const word *w, int k)
{
    return w->cls[k] == C_LOWER || w->cls[k] == C_UPPER;
}

/* The code point k is đ or Đ (small: `small_only`). */
static int is_d_bar(const word *w, int k, int small_only)
{
    const unsigned char *p = (const unsigned char *)w->s + w->off[k];
    return w->off[k + 1] - w->off[k] == 2 && p[0] == 0xC4 && (p[1] == 0x91 || (!small_only && p[1] == 0x90));
}

/* A Vietnamese syllable starts at k with "đ": a vowel right after it, one
 * group of vowels, Vietnamese letters only, to the end of the part
 * ("đã", "được"; not "đman", "đević", "đugorje"). */
static int d_syllable(const word *w, int k, int end)
{
    if (!is_d_bar(w, k, 1) || k + 1 >= end || !w->vowel[k + 1])
        return 0;
    int groups = 0;
    for (int j = k + 1; j < end; j++) {
        if (w->cls[j] != C_LOWER)
            return 0;
        unsigned char c0 = (unsigned char)w->s[w->off[j]];
        if (c0 >= 0x80 && !w->vowel[j])
            return 0; /* a letter beyond ASCII that is no Vietnamese vowel: "ć" */
        groups += w->vowel[j] && !w->vowel[j - 1];
    }
    return groups == 1;
}

/* Whether code points [a, b) hold a Vietnamese letter beyond ASCII. */
static int vietnamese(const word *w, int a, int b)
{
    for (int k = a; k < b; k++) {
        if (w->vowel[k] == 2)
            return 1;
        if (is_d_bar(w, k, 0))
            return 1;
    }
    return 0;
}

static int listed_cps(const word_list *l, const word *w, int a, int b)
{
    return listed(l, w->s + w->off[a], w->off[b] - w->off[a]);
}

/* The end of the run of letters of one case pattern starting at k: up to
 * a capital after a lower-case letter, a digit or the end. */
static int part_end(const word *w, int k)
{
    int j = k + 1;
    while (j < w->n && is_letter(w, j) && !(w->cls[j] == C_UPPER && w->cls[j - 1] == C_LOWER))
        j++;
    return j;
}

/* Two syllables run together in [a, b): where the second starts, or -1. */
static int syllable_cut(const bn_glue *g, const word *w, int a, int b)
{
    int groups = 0, marked[3] = {0, 0, 0}, g1_end = -1, g2_start = -1;
    for (int k = a; k < b; k++) {
        if (!is_letter(w, k) || (k > a && w->cls[k] == C_UPPER))
            return -1;
        if (w->vowel[k] && (k == a || !w->vowel[k - 1])) {
            if (++groups > 2)
                return -1;
            if (groups == 2)
                g2_start = k;
        }
        if (!w->vowel[k] && k > a && w->vowel[k - 1] && groups == 1)
            g1_end = k;
        if (w->vowel[k] == 2)
            marked[groups] = 1;
    }
    if (groups != 2 || !marked[1] || !marked[2] || g1_end < 0 || g1_end >= g2_start)
        return -1;
    /* the longest initial that leaves a final (or nothing) before it */
    for (int q = g1_end; q < g2_start; q++)
        if ((q == g1_end || listed_cps(&g->finals, w, g1_end, q)) && listed_cps(&g->initials, w, q, g2_start))
            return q;
    return -1;
}

/* Appends the cut places of the word to cuts (byte offsets). */
static size_t word_cuts(const bn_glue *g, const word *w, uint32_t *cuts, size_t max)
{
    size_t n = 0;
    int seg = 0, checked_names = 0;
    for (int k = 1; k < w->n && n < max; k++) {
        int cut = 0;
        uint8_t p = w->cls[k - 1], c = w->cls[k];
        if (p == C_LOWER && c == C_UPPER && k - seg >= 2) {
            int r = part_end(w, k);
            cut = vietnamese(w, seg, k) || listed_cps(&g->before_names, w, seg, k) ||
                  listed_cps(&g->after_words, w, k, r);
        } else if (p == C_DIGIT && is_letter(w, k)) {
            int r = part_end(w, k), lower_rest = 1;
            for (int j = k + 1; j < r; j++)
                lower_rest &= w->cls[j] == C_LOWER;
            cut = (r - k >= 2 && vietnamese(w, k, r)) || (c == C_UPPER && r - k >= 3 && lower_rest);
        } else if (is_letter(w, k - 1) && c == C_DIGIT) {
            cut = k - seg >= 2 && vietnamese(w, seg, k);
        } else if (is_letter(w, k - 1) && k - seg >= 2 && d_syllable(w, k, part_end(w, k))) {
            cut = 1; /* "đ" only ever begins a syllable: "NATOđã", "Trumpđã" */
        }
        if (cut && !checked_names) {
            if (listed_cps(&g->names, w, 0, w->n))
                return 0;
            checked_names = 1;
        }
        if (cut) {
            cuts[n++] = w->off[k];
            seg = k;
        }
    }
    /* two syllables run together, in a part that is not cut already */
    if (n == 0 && w->n >= 4) {
        int q = syllable_cut(g, w, 0, w->n);
        if (q > 0 && n < max && !listed_cps(&g->names, w, 0, w->n))
            cuts[n++] = w->off[q];
    }
    return n;
}

/* ---- the text ---------------------------------------------------------- */

/* A word of an address or a dotted name: a '.', '/' or '@' before the
 * word at `i` ("index.php?Id=5"), or, for the word at `i` after a full
 * stop, a '.' and a letter after it ("www.Example.com"). */
static int dotted_before(const char *s, size_t i)
{
    return i > 0 && (s[i - 1] == '.' || s[i - 1] == '/' || s[i - 1] == '@');
}

static int dotted_after(const char *s, size_t i, size_t len)
{
    while (i < len && ((unsigned char)s[i] >= 0x80 || (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
                       (s[i] >= '0' && s[i] <= '9')))
        i++;
    return i + 1 < len && s[i] == '.' && (((unsigned char)s[i + 1] | 0x20) >= 'a' && ((unsigned char)s[i + 1] | 0x20) <= 'z');
}

/* A sentence's final punctuation right after a word (closing quotes around
 * it) and glued to a capital: "đấu.Cơ hội", "năm 2022.Ông".  Returns where
 * the capital starts, or 0.  (Not "TP.HCM": the word before ends with a
 * capital; not "3.5".) */
static uint32_t glued_stop(const char *s, size_t i, size_t len)
{
    if (i < len && (s[i] == ' ' || s[i] == ','))
        return 0; /* the common case, said at once */
    i = bn_skip_closers(s, i, len);
    if (i >= len || (s[i] != '.' && s[i] != '!' && s[i] != '?'))
        return 0;
    while (i < len && (s[i] == '.' || s[i] == '!' || s[i] == '?'))
        i++;
    i = bn_skip_closers(s, i, len);
    if (i >= len)
        return 0;
    int32_t j = (int32_t)i;
    UChar32 c;
    U8_NEXT(s, j, (int32_t)len, c);
    return c >= 0 && (c < 0x80 ? c >= 'A' && c <= 'Z' : u_isupper(c)) ? (uint32_t)i : 0;
}

bn_status bn_text_unglue(bn_arena *arena, bn_text *t, const bn_glue *g)
{
    if (!g)
        return BN_OK;
    const char *s = t->s;
    int32_t len = (int32_t)t->len, i = 0;
    uint32_t *cuts = NULL;
    size_t ncuts = 0, cap = 0;
    word w;
    w.s = s;
    /* pairs of classes, the first before the second, where word_cuts may
     * cut: a capital after a small letter, a letter after a digit and a
     * digit after a letter */
    enum {
        CUT_PAIRS = 1u << (C_LOWER * 4 + C_UPPER) | 1u << (C_DIGIT * 4 + C_LOWER) | 1u << (C_DIGIT * 4 + C_UPPER) |
                    1u << (C_LOWER * 4 + C_DIGIT) | 1u << (C_UPPER * 4 + C_DIGIT)
    };
    while (i < len) {
        /* one word: a run of letters, digits and marks, its classes
         * summed up on the way (the pairs of classes met, the vowel
         * groups, a "đ"), so that word_cuts runs only on a word where it
         * may cut */
        int32_t at = i;
        UChar32 c;
        uint8_t f;
        if ((unsigned char)s[i] < 0x80) { /* ASCII, most of the text: no decoding */
            f = g->info[(unsigned char)s[i++]];
        } else {
            U8_NEXT(s, i, len, c);
            f = cp_info(g, c);
        }
        if (!(f & I_WORD))
            continue;
        int n = 0, nonascii = 0, groups = 0, marked = 0, dbar = 0;
        unsigned pairs = 0, classes = 0, prev = 0;
        int32_t end = at, j = at;
        while (j < len) {
            int32_t k0 = j;
            if ((unsigned char)s[j] < 0x80) {
                f = g->info[(unsigned char)s[j]];
                if (!(f & I_WORD))
                    break;
                j++;
            } else {
                U8_NEXT(s, j, len, c);
                f = cp_info(g, c);
                if (!(f & I_WORD)) {
                    j = k0;
                    break;
                }
                nonascii = 1;
                dbar |= n >= 2 && c == 0x111;
            }
            unsigned cls = f & I_CLS, vowel = f >> I_VOWEL_SHIFT & 3;
            if (n > 0)
                pairs |= 1u << ((prev & I_CLS) * 4 + cls);
            groups += vowel && !(n > 0 && (prev >> I_VOWEL_SHIFT & 3));
            marked += vowel == 2;
            classes |= 1u << cls;
            prev = f;
            n++;
            end = j;
        }
        i = end > i ? end : i;
        uint32_t found[9];
        size_t k = 0;
        int ascii_lower = !nonascii && classes == 1u << C_LOWER;
        /* nothing to cut in "nga", "the"; URLs are left alone */
        if (n <= WORD_MAX && n >= 3 && !ascii_lower &&
            ((pairs & CUT_PAIRS) || dbar || (n >= 4 && groups == 2 && marked >= 2))) {
            int q = 0;
            for (int32_t x = at; x < end; q++) {
                UChar32 d;
                w.off[q] = (uint32_t)x;
                U8_NEXT(s, x, end, d);
                uint8_t fd = cp_info(g, d);
                w.cls[q] = fd & I_CLS;
                w.vowel[q] = fd >> I_VOWEL_SHIFT & 3;
            }
            w.n = n;
            w.off[n] = (uint32_t)end;
            k = word_cuts(g, &w, found, 8);
        }
        unsigned last = prev & I_CLS;
        uint32_t stop = n <= WORD_MAX && (last == C_LOWER || last == C_DIGIT)
                            ? glued_stop(s, (size_t)end, (size_t)len)
                            : 0;
        if (stop && (dotted_before(s, (size_t)at) || dotted_after(s, stop, (size_t)len) ||
                     listed(&g->abbreviations, s + at, (size_t)(end - at))))
            stop = 0;
        if (stop)
            found[k++] = stop;
        if (k == 0)
            continue;
        uint32_t *nc = bn_arena_grow(arena, cuts, &cap, ncuts + k, sizeof *nc);
        if (!nc)
            return BN_ERR_NOMEM;
        cuts = nc;
        memcpy(cuts + ncuts, found, k * sizeof *found);
        ncuts += k;
    }
    if (ncuts == 0)
        return BN_OK;
    size_t nlen = t->len + ncuts;
    char *ns = bn_arena_alloc(arena, nlen + 1);
    uint32_t *norig = bn_arena_alloc(arena, (nlen + 1) * sizeof *norig);
    uint32_t *glued = bn_arena_alloc(arena, ncuts * sizeof *glued);
    if (!ns || !norig || !glued)
        return BN_ERR_NOMEM;
    size_t from = 0, o = 0;
    for (size_t k = 0; k <= ncuts; k++) {
        size_t to = k < ncuts ? cuts[k] : t->len;
        memcpy(ns + o, s + from, to - from);
        memcpy(norig + o, t->orig + from, (to - from) * sizeof *norig);
        o += to - from;
        from = to;
        if (k < ncuts) {
            glued[k] = (uint32_t)o;
            norig[o] = t->orig[to]; /* the space stands where the next word starts */
            ns[o++] = ' ';
        }
    }
    ns[o] = '\0';
    norig[o] = t->orig[t->len];
    t->s = ns;
    t->len = nlen;
    t->orig = norig;
    t->glued = glued;
    t->nglued = ncuts;
    return BN_OK;
}
