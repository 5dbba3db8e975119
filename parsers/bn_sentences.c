#include "bn_sentences.h"

#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

/* The break iterator reads each body span as UTF-16, and of a run of
 * code points of one Sentence_Break class among Lower, Upper, OLetter,
 * Numeric, Other, Sp and Close only the first; and of a word class (the
 * first five) followed by spaces and the same class again ("ngày 15
 * tháng" is Lower Sp Numeric Sp Lower; "cho biết" Lower Sp Lower), only
 * the first.  No rule of UAX #29 breaks inside such a stretch (a break
 * needs a terminator, or a closer or space after one, or a separator
 * before it), the rules take runs of closers and spaces as one (Close*,
 * Sp*), and every rule that looks at a word class (SB6 to SB8) looks at
 * the class of the code point next to a terminator or of the first
 * letter after one, which the stretch kept keeps.  The breaks, at the
 * starts of the code points kept, are the same (ICU's rules are UAX #29's;
 * checked on random text of every class), and the iterator reads a
 * fraction of the text.  Past the first letter after a terminator, the
 * text up to the next terminator or separator is not read at all but for
 * its last code point (to_utf16). */
enum { SB_TABLE = 0x3000, RUN_OF = 0x80, WORD_OF = 0x40, SB_CLASS = 0x3F };

/* The break iterator reads each body span as UTF-16, converted here with
 * the UTF-8 offset of every UTF-16 unit: ICU reads a UTF-8 UText through
 * a small UTF-16 buffer it refills and maps back every few dozen
 * characters, which cost more than the breaking itself.  The breaks, at
 * code point boundaries either way, are the same. */
struct bn_splitter {
    UBreakIterator *bi;
    UChar *u16;
    int32_t *off8;  /* off8[k]: byte offset in the span of UTF-16 unit k; off8[n] = the span's length */
    size_t cap;
    uint8_t sb[SB_TABLE]; /* Sentence_Break of each code point below SB_TABLE, with RUN_OF for those a run of
                           * which breaks like one */
    uint8_t stop1[128]; /* ASCII terminators and separators (to_utf16) */
    /* bytes the quiet stretch passes over without a look: ASCII but
     * terminators and separators, continuation bytes, and the lead bytes
     * of two-byte forms none of which is a terminator, a separator, a mark
     * or a format character (C3..CB: Latin letters) */
    uint8_t plain[256];
    /* two-byte forms (lead C2..DF, by continuation byte): terminators and
     * separators, and marks and format characters */
    uint64_t stop2[0xDF - 0xC2 + 1], mark2[0xDF - 0xC2 + 1];
};


/* The Sentence_Break class of c, with RUN_OF when a run of them breaks as
 * one of them does. */
static uint8_t sb_class(UChar32 c)
{
    int v = u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK);
    int word = v == U_SB_LOWER || v == U_SB_UPPER || v == U_SB_OLETTER || v == U_SB_NUMERIC || v == U_SB_OTHER;
    int run = word || v == U_SB_SP || v == U_SB_CLOSE;
    return (uint8_t)((v & SB_CLASS) | (run ? RUN_OF : 0) | (word ? WORD_OF : 0));
}

static inline int is_letter_class(unsigned cl)
{
    cl &= SB_CLASS;
    return cl == U_SB_LOWER || cl == U_SB_UPPER || cl == U_SB_OLETTER;
}

/* A terminator or a paragraph separator: where a sentence may end. */
static inline int is_stop_class(unsigned cl)
{
    cl &= SB_CLASS;
    return cl == U_SB_ATERM || cl == U_SB_STERM || cl == U_SB_SEP || cl == U_SB_CR || cl == U_SB_LF;
}

bn_splitter *bn_splitter_new(const char *locale)
{
    bn_splitter *sp = calloc(1, sizeof *sp);
    if (!sp)
        return NULL;
    UErrorCode st = U_ZERO_ERROR;
    sp->bi = ubrk_open(UBRK_SENTENCE, locale, NULL, 0, &st);
    if (U_FAILURE(st)) {
        free(sp);
        return NULL;
    }
    for (UChar32 c = 0; c < SB_TABLE; c++)
        sp->sb[c] = sb_class(c);
    for (UChar32 c = 0; c < 0x80; c++)
        sp->stop1[c] = (uint8_t)is_stop_class(sp->sb[c]);
    for (UChar32 c = 0x80; c < 0x800; c++) {
        unsigned cl = sp->sb[c] & SB_CLASS;
        if (is_stop_class(cl))
            sp->stop2[(c >> 6) - 2] |= (uint64_t)1 << (c & 0x3F);
        if (cl == U_SB_EXTEND || cl == U_SB_FORMAT)
            sp->mark2[(c >> 6) - 2] |= (uint64_t)1 << (c & 0x3F);
    }
    for (int b = 0; b < 0x80; b++)
        sp->plain[b] = !sp->stop1[b];
    for (int b = 0x80; b < 0xC0; b++)
        sp->plain[b] = 1;
    for (int b = 0xC2; b <= 0xDF; b++)
        sp->plain[b] = !sp->stop2[b - 0xC2] && !sp->mark2[b - 0xC2];
    /* (the quiet stretch reads the Vietnamese letters E1 BA xx, E1 BB xx
     * as neither: all are) */
    for (UChar32 c = 0x1E80; c < 0x1F00; c++)
        if (is_stop_class(sp->sb[c]) || (sp->sb[c] & SB_CLASS) == U_SB_EXTEND || (sp->sb[c] & SB_CLASS) == U_SB_FORMAT) {
            bn_splitter_free(sp);
            return NULL;
        }
#if defined(__SSE2__)
    /* (quiet_mask passes over, unread, the ASCII bytes but controls and
     * . ! ?, the continuation bytes and the lead bytes C3..CB: all must
     * be plain) */
    for (int b = 0; b < 0xCC; b++)
        if (!sp->plain[b] && !(b < 0x20 || b == '.' || b == '!' || b == '?' || (b >= 0xC0 && b < 0xC3))) {
            bn_splitter_free(sp);
            return NULL;
        }
#endif
    return sp;
}

void bn_splitter_free(bn_splitter *sp)
{
    if (!sp)
        return;
    ubrk_close(sp->bi);
    free(sp->u16);
    free(sp->off8);
    free(sp);
}

static int is_space(char c)
{
    return c == ' ' || c == '\n' || c == '\t';
}

static bn_status add_sentence(bn_article *a, size_t *cap, uint32_t start, uint32_t end)
{
    const char *s = a->text.s;
    while (start < end && is_space(s[start]))
        start++;
    while (end > start && is_space(s[end - 1]))
        end--;
    if (start == end)
        return BN_OK;
    bn_sentence *v = bn_arena_grow(&a->arena, a->sentences, cap, a->nsentences + 1, sizeof *v);
    if (!v)
        return BN_ERR_NOMEM;
    a->sentences = v;
    bn_sentence *sn = &a->sentences[a->nsentences];
    sn->start = start;
    sn->end = end;
    /* (the sentence before often ends where this one starts) */
    size_t hint = a->nsentences ? a->sentences[a->nsentences - 1].tok_end : 0;
    sn->tok_begin = (uint32_t)bn_tokens_at_hint(&a->tokens, hint, start);
    sn->tok_end = (uint32_t)bn_tokens_at(&a->tokens, end);
    if (sn->tok_begin < sn->tok_end)
        a->nsentences++;
    return BN_OK;
}

/* Whether the text [start, end) ends with a full stop that ends no
 * sentence: after an abbreviation or a single capital letter. */
static int false_stop(const bn_article *a, const bn_lang *lang, uint32_t start, uint32_t end)
{
    const char *s = a->text.s;
    while (end > start && is_space(s[end - 1]))
        end--;
    if (end == start || s[end - 1] != '.')
        return 0;
    size_t t = bn_tokens_at(&a->tokens, end);
    if (t == 0)
        return 0;
    const bn_token *tok = &a->tokens.v[t - 1];
    if (tok->end != end - 1 || tok->start < start)
        return 0;
    /* an initial: one capital letter */
    size_t cp_len = 1;
    unsigned char c0 = (unsigned char)s[tok->start];
    if (c0 >= 0xC0)
        cp_len = c0 >= 0xF0 ? 4 : c0 >= 0xE0 ? 3 : 2;
    if ((tok->flags & BN_TOK_UPPER) && tok->end - tok->start == cp_len)
        return 1;
    int payload;
    return bn_phrases_match(lang->page_suffixes, s, &a->tokens, t - 1, t, &payload) == 1 &&
           payload == BN_CUE_ABBREVIATION && (tok->flags & BN_TOK_UPPER);
}

/* s[0..len) (valid UTF-8: clean text) into sp->u16 with sp->off8; the
 * number of UTF-16 units, or -1 when out of memory. */
/* What to_utf16 has written so far, and the state of its runs. */
typedef struct u16_out {
    int32_t n;
    unsigned prev;  /* the class of the code point before, or 0 */
    unsigned word;  /* the word class before the spaces being read, or 0 */
    int32_t spaces; /* where those spaces are in u16 */
} u16_out;

/* Reads code point c (class cl) at byte `at`: the first of a run stands
 * for it, and a word class after spaces and the same class again for it
 * all. */
static inline void push_cp(bn_splitter *sp, u16_out *o, UChar32 c, unsigned cl, int32_t at)
{
    if (cl == o->prev && (cl & RUN_OF))
        return; /* the run goes on: its first stands for it */
    if (cl == o->word && (o->prev & SB_CLASS) == U_SB_SP) {
        o->n = o->spaces; /* the word class again after spaces: the first stands for it all */
        o->prev = cl;
        return;
    }
    if ((cl & SB_CLASS) == U_SB_SP) {
        if (o->prev & WORD_OF) {
            o->word = o->prev;
            o->spaces = o->n;
        }
    } else {
        o->word = 0;
    }
    o->prev = cl;
    if (c <= 0xFFFF) {
        sp->off8[o->n] = at;
        sp->u16[o->n++] = (UChar)c;
    } else {
        sp->off8[o->n] = sp->off8[o->n + 1] = at;
        sp->u16[o->n++] = U16_LEAD(c);
        sp->u16[o->n++] = U16_TRAIL(c);
    }
}

static inline UChar32 next_cp(bn_splitter *sp, const uint8_t *p, int32_t *i, int32_t len, unsigned *cl)
{
    UChar32 c;
    if (p[*i] < 0x80) {
        c = p[(*i)++];
    } else {
        c = bn_u8_next(p, i, len);
        if (c < 0)
            c = 0xFFFD;
    }
    *cl = c < SB_TABLE ? sp->sb[c] : sb_class(c);
    return c;
}

/* The words of the text to_utf16 reads: the article's tokens from the
 * first at or after the span's start, to `end`; their offsets less `base`
 * are the span's.  Words hold letters, decimal digits and marks only, and
 * none of those is a terminator or a separator (Unicode 15: test_sentences
 * checks every code point), so a quiet stretch passes over each at once
 * (not even the byte table below reads them). */
typedef struct span_words {
    const bn_token *v, *end;
    uint32_t base;
} span_words;

/* The start of word w in the span (len when there is none before it). */
static inline int32_t next_word(const bn_token *w, const bn_token *wend, uint32_t base, int32_t len)
{
    return w < wend && (int32_t)(w->start - base) < len ? (int32_t)(w->start - base) : len;
}

/* The bytes of the quiet code point at p[i] (a plain byte, or a
 * Vietnamese letter of three), 0 when it needs a look. */
static inline int32_t quiet_bytes(const uint8_t *plain, const uint8_t *p, int32_t i, int32_t len)
{
    uint8_t b = p[i];
    if (plain[b])
        return 1;
    if (b == 0xE1 && i + 2 < len && (p[i + 1] == 0xBA || p[i + 1] == 0xBB) && (p[i + 2] & 0xC0) == 0x80)
        return 3; /* a Vietnamese letter */
    return 0;
}

/* From p[i] in the quiet stretch to the next byte that needs a look (or
 * len): the words from w on passed over whole (word: where *w starts, as
 * next_word gives it), the text between them a byte at a time. */
static inline int32_t quiet_run(const uint8_t *plain, const uint8_t *p, int32_t i, int32_t len, const bn_token **w,
                                const bn_token *wend, uint32_t base, int32_t *word)
{
    for (;;) {
        while (i < *word) {
            int32_t n = quiet_bytes(plain, p, i, len);
            if (!n)
                return i;
            i += n;
        }
        if (i >= len)
            return len;
        int32_t e = (int32_t)((*w)->end - base);
        i = e < len ? e : len;
        *word = next_word(++*w, wend, base, len);
    }
}

#if defined(__SSE2__)
/* A bit for each of the sixteen bytes at q that quiet_run's byte test
 * may stop at (a superset, the byte test decides): controls, . ! ?, and
 * lead bytes (C0..FF) but those of Latin letters (C3..CB) and an E1
 * before BA or BB (a Vietnamese letter).  q[16] is read too. */
static inline unsigned quiet_mask(const uint8_t *q)
{
    __m128i v = _mm_loadu_si128((const __m128i *)q), v1 = _mm_loadu_si128((const __m128i *)(q + 1));
    __m128i ctrl = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0x1F)), _mm_set1_epi8(0x1F));
    __m128i stop = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')), _mm_cmpeq_epi8(v, _mm_set1_epi8('!'))),
                                _mm_cmpeq_epi8(v, _mm_set1_epi8('?')));
    __m128i lead = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8((char)0xC0)), v);
    __m128i t = _mm_sub_epi8(v, _mm_set1_epi8((char)0xC3));
    __m128i latin = _mm_cmpeq_epi8(_mm_max_epu8(t, _mm_set1_epi8(8)), _mm_set1_epi8(8));
    __m128i viet = _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE1)),
                                 _mm_or_si128(_mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0xBA)),
                                              _mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0xBB))));
    __m128i look = _mm_or_si128(_mm_or_si128(ctrl, stop), _mm_andnot_si128(_mm_or_si128(latin, viet), lead));
    return (unsigned)_mm_movemask_epi8(look);
}

/* quiet_run without the words: from p[i] to the next byte that needs a
 * look (or len), sixteen bytes a step by quiet_mask while `readable`
 * bytes from p allow (past the span: its text goes on), then a byte a
 * step; a byte quiet_mask marks is tested as quiet_run tests it (words
 * hold no terminator or separator, so reading theirs finds none: to_utf16
 * 28.6 -> 20.7 M instructions on the slice, where the words were passed over
 * one by one). */
static inline int32_t quiet_scan(const uint8_t *plain, const uint8_t *p, int32_t i, int32_t len, int32_t readable)
{
    while (i < len) {
        if (i + 17 <= readable) {
            unsigned m = quiet_mask(p + i);
            if (!m) {
                i += 16;
                continue;
            }
            i += __builtin_ctz(m);
            if (i >= len)
                break;
        }
        int32_t n = quiet_bytes(plain, p, i, len);
        if (!n)
            return i;
        i += n;
    }
    return len;
}
#endif

/* The start of the last code point in p[from, end) (whole code points)
 * that is neither a mark nor a format character, or -1. */
static inline int32_t last_base_cp(const bn_splitter *sp, const uint8_t *p, int32_t from, int32_t end)
{
    if (end <= from)
        return -1;
    if (p[end - 1] < 0x80)
        return end - 1;
    if (end - 3 >= from && p[end - 3] == 0xE1 && (p[end - 2] == 0xBA || p[end - 2] == 0xBB))
        return end - 3; /* a Vietnamese letter */
    while (end > from) {
        int32_t k = end - 1;
        while (k > from && (p[k] & 0xC0) == 0x80)
            k--;
        int32_t j = k;
        UChar32 c = bn_u8_next(p, &j, end);
        unsigned cl = c < 0          ? U_SB_OTHER
                      : c < SB_TABLE ? sp->sb[c] & SB_CLASS
                                     : (unsigned)u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK);
        if (cl != U_SB_EXTEND && cl != U_SB_FORMAT)
            return k;
        end = k;
    }
    return -1;
}

/* s[0..len) (valid UTF-8: clean text) into sp->u16 with sp->off8; the
 * number of UTF-16 units, or -1 when out of memory.
 *
 * Past the first letter after a terminator (or the span's start), UAX #29
 * breaks nowhere before the next terminator or paragraph separator, and
 * its rules read nothing of what lies between but the code point right
 * before a terminator (SB7: a letter before a full stop, ignoring marks
 * and format characters, SB5).  So that stretch is skipped, and only its
 * last code point other than a mark or a format character is read, once
 * the terminator is found, looking back from it; from the terminator to
 * the next letter, everything is read (SB6 to SB11 look there).  With
 * `words`, the stretch passes over each word at once, and the text between
 * words by the plain byte table (to_utf16 47.0 M -> 28.5 M instructions on
 * the slice: a word cost some 50 instructions when its last code point
 * was sought for each, and the text between words ran through the tests
 * of every kind of byte). */
static int32_t to_utf16(bn_splitter *sp, const char *s, int32_t len, int32_t readable, const span_words *words)
{
    /* (words: the next word not wholly before i, if any) */
    const bn_token *w = words ? words->v : NULL, *wend = words ? words->end : NULL;
    uint32_t base = words ? words->base : 0;
    const uint8_t *plain = sp->plain;
    if ((size_t)len + 1 > sp->cap) {
        size_t cap = (size_t)len + 1 + (size_t)len / 2;
        UChar *u = realloc(sp->u16, cap * sizeof *u);
        if (u)
            sp->u16 = u;
        int32_t *o = u ? realloc(sp->off8, cap * sizeof *o) : NULL;
        if (o)
            sp->off8 = o;
        if (!u || !o)
            return -1;
        sp->cap = cap;
    }
    const uint8_t *p = (const uint8_t *)s;
    int32_t i = 0;
    u16_out o = {0, 0, 0, 0};
    while (i < len) {
        unsigned cl;
        int32_t at = i;
        UChar32 c = next_cp(sp, p, &i, len, &cl);
        push_cp(sp, &o, c, cl, at);
        if (!is_letter_class(cl))
            continue;
        /* the quiet stretch: to the next terminator or separator; the
         * code point before it is looked for once there, backwards */
        int32_t from = i;
#if defined(__SSE2__)
        (void)w, (void)wend, (void)base;
        for (;;) {
            i = quiet_scan(plain, p, i, len, readable);
#else
        (void)readable;
        while (w < wend && (int32_t)(w->end - base) <= i)
            w++;
        int32_t word = next_word(w, wend, base, len); /* where the next word starts */
        for (;;) {
            i = quiet_run(plain, p, i, len, &w, wend, base, &word);
#endif
            if (i >= len)
                break;
            at = i;
            c = next_cp(sp, p, &i, len, &cl);
            if (is_stop_class(cl)) {
                int32_t last = last_base_cp(sp, p, from, at);
                if (last >= 0) {
                    int32_t k = last;
                    unsigned lcl;
                    UChar32 lc = next_cp(sp, p, &k, len, &lcl);
                    push_cp(sp, &o, lc, lcl, last);
                }
                push_cp(sp, &o, c, cl, at);
                break;
            }
        }
    }
    sp->off8[o.n] = len;
    return o.n;
}

size_t bn_splitter_breaks(bn_splitter *sp, const char *s, size_t len, const bn_tokens *tokens, uint32_t *out,
                          size_t max)
{
    UErrorCode st = U_ZERO_ERROR;
    if (len > INT32_MAX / 2)
        return (size_t)-1;
    span_words w = {.v = tokens ? tokens->v : NULL, .end = tokens ? tokens->v + tokens->n : NULL};
    int32_t n = to_utf16(sp, s, (int32_t)len, (int32_t)len, tokens ? &w : NULL);
    if (n < 0)
        return (size_t)-1;
    ubrk_setText(sp->bi, sp->u16, n, &st);
    if (U_FAILURE(st))
        return (size_t)-1;
    size_t k = 0;
    for (int32_t b = ubrk_first(sp->bi); b != UBRK_DONE; b = ubrk_next(sp->bi), k++)
        if (k < max)
            out[k] = (uint32_t)sp->off8[b];
    return k;
}

bn_status bn_split_sentences(bn_splitter *sp, bn_article *a, const bn_lang *lang)
{
    size_t cap = 0;
    for (size_t i = 0; i < a->nbody; i++) {
        bn_span b = a->body[i];
        if (b.start == a->title_span.start && b.end == a->title_span.end)
            continue;
        UErrorCode st = U_ZERO_ERROR;
        if (b.end - b.start > INT32_MAX / 2)
            return BN_ERR_NOMEM;
        /* (the text goes on past the span, to its NUL) */
        int32_t readable = a->text.len + 1 - b.start < INT32_MAX ? (int32_t)(a->text.len + 1 - b.start) : INT32_MAX;
#if defined(__SSE2__)
        const span_words *words = NULL; /* (quiet_scan reads the words' bytes) */
#else
        span_words w = {.v = a->tokens.v + bn_tokens_at(&a->tokens, b.start), .end = a->tokens.v + a->tokens.n,
                        .base = b.start};
        const span_words *words = &w;
#endif
        int32_t n = to_utf16(sp, a->text.s + b.start, (int32_t)(b.end - b.start), readable, words);
        if (n < 0)
            return BN_ERR_NOMEM;
        ubrk_setText(sp->bi, sp->u16, n, &st);
        if (U_FAILURE(st))
            return BN_ERR_LIBRARY;
        int32_t prev = sp->off8[ubrk_first(sp->bi)];
        for (int32_t next16 = ubrk_next(sp->bi); next16 != UBRK_DONE; next16 = ubrk_next(sp->bi)) {
            int32_t next = sp->off8[next16];
            if (b.start + (uint32_t)next < b.end && false_stop(a, lang, b.start + (uint32_t)prev, b.start + (uint32_t)next))
                continue; /* the sentence goes on */
            bn_status s2 = add_sentence(a, &cap, b.start + (uint32_t)prev, b.start + (uint32_t)next);
            if (s2 != BN_OK)
                return s2;
            prev = next;
        }
    }
    return BN_OK;
}

int bn_credit_at(const bn_article *a, const bn_lang *lang, size_t i, size_t end)
{
    int payload;
    size_t n = i < end ? bn_phrases_match(lang->event_words, a->text.s, &a->tokens, i, end, &payload) : 0;
    if (!n || payload != BN_EW_CAPTION || i + n >= end)
        return 0;
    const bn_token *before = &a->tokens.v[i + n - 1], *after = &a->tokens.v[i + n];
    return memchr(a->text.s + before->end, ':', after->start - before->end) != NULL;
}

int bn_sentence_is_caption(const bn_article *a, const bn_lang *lang, size_t k)
{
    const bn_sentence *sn = &a->sentences[k];
    /* (a credit's colon comes before the sentence's last word: none there,
     * no credit) */
    const bn_token *t = a->tokens.v;
    if (sn->tok_end - sn->tok_begin >= 2 &&
        memchr(a->text.s + t[sn->tok_begin].end, ':', t[sn->tok_end - 1].start - t[sn->tok_begin].end))
        for (size_t i = sn->tok_begin; i < sn->tok_end; i++)
            if (bn_credit_at(a, lang, i, sn->tok_end))
                return 1;
    if (k + 1 < a->nsentences && bn_credit_at(a, lang, a->sentences[k + 1].tok_begin, a->sentences[k + 1].tok_end))
        return 1;
    /* its credit cut out of the body by the page layout: the sentence
     * that ends where it was */
    for (size_t c = 0; c < a->ncredit_cuts; c++) {
        uint32_t cut = a->credit_cuts[c];
        if (sn->start < cut && (k + 1 == a->nsentences || a->sentences[k + 1].start >= cut))
            return 1;
    }
    return 0;
}
