#include "bn_glue.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "bn_data.h"

/* A list of folded words. */
typedef struct word_list {
    char **v;
    size_t n;
} word_list;

/* A code point's case or digit: bn_cp_class's (bn_text.h). */
enum { C_LOWER = BN_CP_LOWER, C_UPPER = BN_CP_UPPER, C_DIGIT = BN_CP_DIGIT, C_OTHER = BN_CP_OTHER };

struct bn_glue {
    word_list before_names, after_words, names, initials, finals, abbreviations;
};

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

#define WORD_MAX BN_SHAPE_MAX /* longer runs (URLs, hashes) are left alone */

typedef struct word {
    const char *s;
    int n;
    uint32_t off[WORD_MAX + 1]; /* byte offset of each code point; off[n] = the end */
    uint8_t cls[WORD_MAX];
    uint8_t vowel[WORD_MAX];    /* 1: a vowel, 2: a vowel with a Vietnamese mark */
} word;

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

/* Reads the code points of the word s[at, end) into w (the first
 * WORD_MAX of them); returns how many there are, with the class of the
 * last and whether all are ASCII small letters. */
static int read_word(word *w, const char *s, int32_t at, int32_t end, unsigned *last, int *ascii_lower)
{
    int n = 0;
    *ascii_lower = 1;
    *last = C_OTHER;
    w->s = s;
    for (int32_t x = at; x < end; n++) {
        int32_t k0 = x;
        UChar32 d;
        U8_NEXT(s, x, end, d);
        uint8_t f = bn_cp_class(d);
        if (n < WORD_MAX) {
            w->off[n] = (uint32_t)k0;
            w->cls[n] = f & BN_CP_CASE;
            w->vowel[n] = f & BN_CP_MARKED_VOWEL ? 2 : f & BN_CP_VOWEL ? 1 : 0;
        }
        *ascii_lower &= d < 0x80 && (f & BN_CP_CASE) == C_LOWER;
        *last = f & BN_CP_CASE;
    }
    if (n <= WORD_MAX)
        w->off[n] = (uint32_t)end;
    w->n = n < WORD_MAX ? n : WORD_MAX;
    return n;
}

/* The tokens of the text once spaces were inserted at `cuts` (ascending,
 * offsets before the insertion): a token with no cut inside is the same
 * word, moved by the spaces before it; one with cuts is tokenised again
 * from its new bytes, and its pieces' keys go after the others. */
static bn_status move_tokens(bn_arena *arena, const bn_text *t, bn_tokens *tokens, const uint32_t *cuts, size_t ncuts)
{
    typedef struct split {
        size_t tok;
        bn_tokens pieces;
        size_t keys_len;
    } split;
    const bn_tokens old = *tokens;
    if (old.n == 0)
        return BN_OK; /* (cuts are made in words) */
    split *sp = bn_arena_alloc(arena, ncuts * sizeof *sp);
    if (!sp)
        return BN_ERR_NOMEM;
    size_t nsp = 0, npieces = 0, extra = 0;
    /* the words with cuts inside, found from the cuts (a few) and not by
     * looking at every word: a cut at a word's start (after a glued stop)
     * is in none */
    for (size_t c = 0; c < ncuts;) {
        size_t i = bn_tokens_at(&old, cuts[c]);
        if (i == 0 || old.v[i - 1].end <= cuts[c]) {
            c++;
            continue;
        }
        i--;
        uint32_t s0 = old.v[i].start, e0 = old.v[i].end;
        size_t c2 = c; /* (the cuts before this one are at or before s0) */
        while (c2 < ncuts && cuts[c2] < e0)
            c2++;
        bn_tokens pt;
        bn_status st = bn_tokenize(arena, t->s + s0 + c, (e0 + c2) - (s0 + c), &pt);
        if (st != BN_OK)
            return st;
        sp[nsp].tok = i;
        sp[nsp].pieces = pt;
        sp[nsp].keys_len = pt.n ? pt.v[pt.n - 1].key + pt.v[pt.n - 1].key_len + 1u : 0;
        extra += sp[nsp].keys_len;
        npieces += pt.n;
        nsp++;
        c = c2;
    }
    size_t keys_len = old.v[old.n - 1].key + old.v[old.n - 1].key_len + 1u;
    size_t n = old.n - nsp + npieces;
    bn_token *v = bn_arena_alloc(arena, (n ? n : 1) * sizeof *v);
    char *keys = bn_arena_alloc(arena, keys_len + extra);
    if (!v || !keys)
        return BN_ERR_NOMEM;
    memcpy(keys, old.keys, keys_len);
    size_t j = 0, kl = keys_len, c = 0, i = 0;
    for (size_t q = 0;; q++) {
        /* the words up to the next split one: each moved by the spaces
         * before it, a stretch between two cuts at a time */
        size_t upto = q < nsp ? sp[q].tok : old.n;
        while (i < upto) {
            while (c < ncuts && cuts[c] <= old.v[i].start)
                c++;
            uint32_t next = c < ncuts ? cuts[c] : UINT32_MAX, shift = (uint32_t)c;
            for (; i < upto && old.v[i].start < next; i++, j++) {
                v[j] = old.v[i];
                v[j].start += shift;
                v[j].end += shift;
            }
        }
        if (q == nsp)
            break;
        /* the split word: its pieces */
        while (c < ncuts && cuts[c] <= old.v[i].start)
            c++;
        const bn_tokens *pt = &sp[q].pieces;
        uint32_t base = old.v[i].start + (uint32_t)c;
        for (size_t k = 0; k < pt->n; k++) {
            v[j] = pt->v[k];
            v[j].start += base;
            v[j].end += base;
            v[j].key += (uint32_t)kl;
            j++;
        }
        memcpy(keys + kl, pt->keys, sp[q].keys_len);
        kl += sp[q].keys_len;
        i++;
    }
    tokens->v = v;
    tokens->n = n;
    tokens->keys = keys;
    return BN_OK;
}

bn_status bn_text_unglue(bn_arena *arena, bn_text *t, const bn_glue *g)
{
    bn_tokens toks;
    uint8_t *shapes;
    bn_status st = bn_tokenize_shaped(arena, t->s, t->len, &toks, &shapes);
    return st == BN_OK ? bn_text_unglue_tokens(arena, t, &toks, shapes, g) : st;
}

bn_status bn_text_unglue_tokens(bn_arena *arena, bn_text *t, bn_tokens *tokens, const uint8_t *shapes,
                                const bn_glue *g)
{
    if (!g)
        return BN_OK;
    const char *s = t->s;
    int32_t len = (int32_t)t->len;
    uint32_t *cuts = NULL;
    size_t ncuts = 0, cap = 0;
    word w;
    /* a word is looked at closely only when its shape says it may be cut
     * (a few in a thousand) or it is followed by a glued stop */
    size_t ntok = tokens->n;
    for (size_t ti = 0; ti < ntok; ti++) {
        while (ti < ntok && !shapes[ti])
            ti++; /* (the common word, in a loop of its own) */
        if (ti == ntok)
            break;
        uint8_t shape = shapes[ti];
        int32_t at = (int32_t)tokens->v[ti].start, end = (int32_t)tokens->v[ti].end;
        uint32_t found[9];
        size_t k = 0;
        int n = -1, ascii_lower;
        unsigned last;
        if (shape & BN_SHAPE_SPLIT) {
            n = read_word(&w, s, at, end, &last, &ascii_lower);
            if (n <= WORD_MAX && n >= 3 && !ascii_lower) /* nothing to cut in "nga", "the"; URLs are left alone */
                k = word_cuts(g, &w, found, 8);
        }
        uint32_t stop = shape & BN_SHAPE_STOP ? glued_stop(s, (size_t)end, (size_t)len) : 0;
        if (stop && n < 0)
            n = read_word(&w, s, at, end, &last, &ascii_lower);
        if (stop && !(n <= WORD_MAX && (last == C_LOWER || last == C_DIGIT)))
            stop = 0;
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
    return move_tokens(arena, t, tokens, cuts, ncuts);
}
