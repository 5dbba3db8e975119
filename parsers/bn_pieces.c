#include "bn_pieces.h"

#include <string.h>

/* A quote, bracket or dash that opens what follows. */
static size_t opener(const char *s, size_t i, size_t end)
{
    const unsigned char *u = (const unsigned char *)s;
    if (i < end && (s[i] == '"' || s[i] == '\'' || s[i] == '(' || s[i] == '[' || s[i] == '-'))
        return 1;
    if (i + 3 <= end && u[i] == 0xE2 && u[i + 1] == 0x80 &&
        (u[i + 2] == 0x9C || u[i + 2] == 0x98 || u[i + 2] == 0x93 || u[i + 2] == 0x94))
        return 3; /* “ ‘ – — */
    if (i + 2 <= end && u[i] == 0xC2 && u[i + 1] == 0xAB)
        return 2; /* « */
    return 0;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Where a sentence ends in the gap [g0, g1) between two words, or 0:
 * (closers,) final punctuation, closers, then spaces, opening quotes and
 * dashes only.  (A full stop glued to a capital, "đấu.Cơ", has had a
 * space put after it by bn_text_unglue.) */
static uint32_t sentence_break_at(const char *s, uint32_t g0, uint32_t g1);

static inline uint32_t sentence_break(const char *s, uint32_t g0, uint32_t g1)
{
    if (!bn_may_end_sentence(s, g0, g1))
        return 0; /* a space or a comma: most gaps */
    return sentence_break_at(s, g0, g1);
}

static uint32_t sentence_break_at(const char *s, uint32_t g0, uint32_t g1)
{
    size_t i = bn_skip_closers(s, g0, g1), n;
    if (!bn_final_punct_len(s, i, g1))
        return 0;
    while ((n = bn_final_punct_len(s, i, g1)))
        i += n;
    if (i + 2 <= g1 && s[i] == '/' && s[i + 1] == '.')
        i += 2; /* "./.": how some agencies end a story */
    i = bn_skip_closers(s, i, g1);
    uint32_t brk = (uint32_t)i;
    if (i == g1)
        return 0;
    if (!is_blank(s[i]))
        return 0;
    while (i < g1) {
        if (is_blank(s[i]))
            i++;
        else if ((n = opener(s, i, g1)))
            i += n;
        else
            return 0;
    }
    return brk;
}

static int gap_has(const char *s, uint32_t g0, uint32_t g1, char c)
{
    return memchr(s + g0, c, g1 - g0) != NULL;
}

/* A full stop after token t that ends no sentence: after an initial
 * ("George W. Bush") or an abbreviation ("TP. Hồ Chí Minh"). */
static int false_stop(const bn_article *a, const bn_lang *lang, size_t t)
{
    const bn_token *tok = &a->tokens.v[t];
    if (a->text.s[tok->end] != '.' || !(tok->flags & BN_TOK_UPPER))
        return 0;
    unsigned char c0 = (unsigned char)a->text.s[tok->start];
    size_t cp_len = c0 < 0xC0 ? 1 : c0 >= 0xF0 ? 4 : c0 >= 0xE0 ? 3 : 2;
    if (tok->end - tok->start == cp_len)
        return 1;
    int payload;
    return bn_phrases_match(lang->page_suffixes, a->text.s, &a->tokens, t, t + 1, &payload) == 1 &&
           payload == BN_CUE_ABBREVIATION;
}

static int opens(const bn_token *t)
{
    return (t->flags & (BN_TOK_UPPER | BN_TOK_DIGIT)) != 0;
}

/* All capitals and at least two letters: an agency ("TTXVN", "AFP"). */
static int acronym(const bn_article *a, const bn_token *t)
{
    if (t->end - t->start < 2)
        return 0;
    for (uint32_t i = t->start; i < t->end; i++) {
        unsigned char c = (unsigned char)a->text.s[i];
        if (c >= 0x80 || !(c >= 'A' && c <= 'Z'))
            return 0;
    }
    return 1;
}

typedef struct cutter {
    bn_article *a;
    bn_piece **v;
    size_t *cap, *n;
    uint32_t from;     /* where the open piece starts */
    size_t from_tok;   /* its first token */
} cutter;

/* Closes the open piece at `to` with `kind`; the next starts at `to`.
 * tok: bn_tokens_at(to), which every caller knows (`to` is a token's
 * start, or in the gap before it; the blanks trimmed from a piece hold
 * no token start, so its tokens are from_tok to tok). */
static bn_status cut(cutter *c, uint32_t to, size_t tok, bn_piece_kind kind)
{
    const char *s = c->a->text.s;
    uint32_t start = c->from, end = to;
    size_t tok_begin = c->from_tok;
    c->from = to;
    c->from_tok = tok;
    while (start < end && is_blank(s[start]))
        start++;
    while (end > start && is_blank(s[end - 1]))
        end--;
    if (start == end)
        return BN_OK;
    bn_piece *v = bn_arena_grow(&c->a->arena, *c->v, c->cap, *c->n + 1, sizeof *v);
    if (!v)
        return BN_ERR_NOMEM;
    *c->v = v;
    v[*c->n] = (bn_piece){start, end, kind, 0, tok_begin, tok};
    if (kind == BN_PIECE_CREDIT && *c->n > 0 && v[*c->n - 1].kind == BN_PIECE_TEXT)
        v[*c->n - 1].before_credit = 1;
    (*c->n)++;
    return BN_OK;
}

/* The end of an unbracketed credit that starts at token i (its marker m
 * tokens long): the names after the colon, up to a lower-case word.  When
 * names run into the next sentence ("Ảnh: Reuters Nga và Mỹ ..."), the
 * last capitalised word before the lower-case one starts that sentence,
 * unless an agency ends the credit ("Ảnh:TTXVN Hai bên"). */
static size_t credit_end(const bn_article *a, const bn_lang *lang, size_t i, size_t m, size_t te)
{
    const bn_token *t = a->tokens.v;
    const char *s = a->text.s;
    size_t j = i + m, run = 0;
    /* a news agency (actors.json "media") alone ends it: "Ảnh: Reuters
     * Dakota Johnson ..." (not "Reuters/AFP") */
    int payload = -1;
    size_t k = j < te ? bn_phrases_match(lang->actor_words, s, &a->tokens, j, te, &payload) : 0;
    if (k && payload == BN_AW_MEDIA && j + k < te && opens(&t[j + k]) &&
        !gap_has(s, t[j + k - 1].end, t[j + k].start, '/') && !gap_has(s, t[j + k - 1].end, t[j + k].start, ','))
        return j + k;
    while (j < te && run < 5 && opens(&t[j])) {
        if (j > i + m && (sentence_break(s, t[j - 1].end, t[j].start) || gap_has(s, t[j - 1].end, t[j].start, ':')))
            break;
        if (run > 0 && acronym(a, &t[j - 1]) && !acronym(a, &t[j]))
            return j; /* "TTXVN Hai bên" */
        j++;
        run++;
    }
    if (run >= 2 && j < te && !opens(&t[j]) && !sentence_break(s, t[j - 1].end, t[j].start))
        return j - 1; /* "Reuters Nga và": "Nga" starts the sentence */
    return j;
}

/* Token i opens a credit that stays with the caption before it: one in
 * brackets ("Mark Rutte. (Nguồn: TASS)") or one that ends the line
 * ("... gần Warsaw. Ảnh: AFP"). */
static int caption_credit(const bn_article *a, const bn_lang *lang, size_t i, size_t te)
{
    const bn_token *t = a->tokens.v;
    int payload;
    size_t m = bn_phrases_match(lang->page_inline, a->text.s, &a->tokens, i, te, &payload);
    if (!m || payload != BN_CUE_CREDIT || i + m >= te || !gap_has(a->text.s, t[i + m - 1].end, t[i + m].start, ':'))
        return 0;
    return (i > 0 && gap_has(a->text.s, t[i - 1].end, t[i].start, '(')) || credit_end(a, lang, i, m, te) >= te;
}

bn_status bn_line_pieces(bn_article *a, const bn_lang *lang, uint32_t start, uint32_t end, size_t hint, bn_piece **v,
                         size_t *cap, size_t *n)
{
    const char *s = a->text.s;
    const bn_token *t = a->tokens.v;
    size_t tb = bn_tokens_at_hint(&a->tokens, hint, start), te = bn_tokens_at(&a->tokens, end);
    cutter c = {a, v, cap, n, start, tb};
    bn_status st = BN_OK;
    size_t i = tb;
    while (i < te && st == BN_OK) {
        /* a word with no capital and no sentence break after it before
         * one that opens a sentence (most words) does nothing below:
         * those are passed over in a loop of their own, with one branch
         * a word (the gap's first byte says whether it may end a
         * sentence, as bn_may_end_sentence) */
        if (i + 1 < te) {
            const bn_token *w = t + i, *last = t + te - 1;
            unsigned f = w->flags;
            while (w < last) {
                unsigned g = w[1].flags;
                if ((f & BN_TOK_UPPER) |
                    (g & (BN_TOK_UPPER | BN_TOK_DIGIT) & bn_may_end_sentence_mask[(unsigned char)s[w->end]]))
                    break;
                f = g;
                w++;
            }
            i = (size_t)(w - t);
        }
        int payload = -1;
        size_t m = (t[i].flags & BN_TOK_UPPER)
                       ? bn_phrases_match(lang->page_inline, s, &a->tokens, i, te, &payload)
                       : 0;
        uint32_t after = m ? t[i + m - 1].end : 0; /* the gap after the phrase */
        uint32_t next = i + m < te ? t[i + m].start : end;
        if (m && (payload == BN_CUE_FURNITURE || payload == BN_CUE_INLINE_END)) {
            st = cut(&c, t[i].start, i, BN_PIECE_TEXT);
            uint32_t e = (uint32_t)bn_skip_closers(s, after, next);
            while (e < next && (s[e] == ':' || s[e] == '.'))
                e++;
            if (st == BN_OK)
                st = cut(&c, e, i + m, payload == BN_CUE_FURNITURE ? BN_PIECE_FURNITURE : BN_PIECE_END);
            i += m;
            continue;
        }
        /* (a line that starts with a credit, "Nguồn: https://...", is the
         * line classifier's) */
        if (m && payload == BN_CUE_CREDIT && i > tb && gap_has(s, after, next, ':')) {
            if (i > tb && gap_has(s, t[i - 1].end, t[i].start, '(')) {
                /* "(Ảnh: Reuters)": the caption keeps its credit; the next
                 * sentence starts after the bracket */
                size_t j = i + m;
                while (j < te && j < i + m + 12 && !gap_has(s, t[j - 1].end, t[j].start, ')'))
                    j++;
                if (j >= te || j >= i + m + 12) {
                    i += m; /* no closing bracket: read on */
                    continue;
                }
                if (opens(&t[j])) {
                    const char *close = memchr(s + t[j - 1].end, ')', t[j].start - t[j - 1].end);
                    uint32_t e = (uint32_t)(close - s) + 1;
                    while (e < t[j].start && (bn_final_punct_len(s, e, t[j].start) || bn_closer_len(s, e, t[j].start)))
                        e++; /* "(Ảnh: Reuters). Hai bên": the full stop is the caption's */
                    st = cut(&c, e, j, BN_PIECE_TEXT);
                }
                i = j;
                continue;
            }
            size_t j = credit_end(a, lang, i, m, te);
            if (j == i + m) {
                i += m; /* no name after the colon ("Ảnh: internet"): no credit to cut */
                continue;
            }
            if (j >= te) {
                i = te; /* a credit ending the line stays with its caption */
                continue;
            }
            st = cut(&c, t[i].start, i, BN_PIECE_TEXT);
            uint32_t e = (uint32_t)bn_skip_closers(s, t[j - 1].end, j < te ? t[j].start : end);
            while (j < te && e < t[j].start && (s[e] == '.' || s[e] == ')'))
                e++;
            if (st == BN_OK)
                st = cut(&c, e, j, BN_PIECE_CREDIT);
            i = j;
            continue;
        }
        if (m && payload == BN_CUE_LIST_HEADING && (i + m == te || opens(&t[i + m]) || gap_has(s, after, next, ':'))) {
            /* "Tin liên quan" followed by other headlines (the headings of
             * page.json "inline_headings": none that begins a sentence too,
             * as "Chủ đề" or "Nổi bật" can) */
            st = cut(&c, t[i].start, i, BN_PIECE_TEXT);
            uint32_t e = after;
            while (e < next && (s[e] == ':' || is_blank(s[e])))
                e++;
            if (st == BN_OK)
                st = cut(&c, e, i + m, BN_PIECE_TEXT);
            i += m;
            continue;
        }
        if (i + 1 < te) {
            uint32_t brk = sentence_break(s, t[i].end, t[i + 1].start);
            if (brk && opens(&t[i + 1]) && !false_stop(a, lang, i) && !caption_credit(a, lang, i + 1, te))
                st = cut(&c, brk, i + 1, BN_PIECE_TEXT);
        }
        i++;
    }
    if (st == BN_OK)
        st = cut(&c, end, te, BN_PIECE_TEXT);
    return st;
}
