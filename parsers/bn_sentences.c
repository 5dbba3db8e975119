#include "bn_sentences.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

struct bn_splitter {
    UBreakIterator *bi;
};

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
    return sp;
}

void bn_splitter_free(bn_splitter *sp)
{
    if (!sp)
        return;
    ubrk_close(sp->bi);
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
    sn->tok_begin = (uint32_t)bn_tokens_at(&a->tokens, start);
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

bn_status bn_split_sentences(bn_splitter *sp, bn_article *a, const bn_lang *lang)
{
    size_t cap = 0;
    UText *ut = NULL;
    for (size_t i = 0; i < a->nbody; i++) {
        bn_span b = a->body[i];
        if (b.start == a->title_span.start && b.end == a->title_span.end)
            continue;
        UErrorCode st = U_ZERO_ERROR;
        ut = utext_openUTF8(ut, a->text.s + b.start, (int64_t)(b.end - b.start), &st);
        ubrk_setUText(sp->bi, ut, &st);
        if (U_FAILURE(st)) {
            utext_close(ut);
            return BN_ERR_LIBRARY;
        }
        int32_t prev = ubrk_first(sp->bi);
        for (int32_t next = ubrk_next(sp->bi); next != UBRK_DONE; next = ubrk_next(sp->bi)) {
            if (b.start + (uint32_t)next < b.end && false_stop(a, lang, b.start + (uint32_t)prev, b.start + (uint32_t)next))
                continue; /* the sentence goes on */
            bn_status s2 = add_sentence(a, &cap, b.start + (uint32_t)prev, b.start + (uint32_t)next);
            if (s2 != BN_OK) {
                utext_close(ut);
                return s2;
            }
            prev = next;
        }
    }
    utext_close(ut);
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
    for (size_t i = sn->tok_begin; i < sn->tok_end; i++)
        if (bn_credit_at(a, lang, i, sn->tok_end))
            return 1;
    return k + 1 < a->nsentences && bn_credit_at(a, lang, a->sentences[k + 1].tok_begin, a->sentences[k + 1].tok_end);
}
