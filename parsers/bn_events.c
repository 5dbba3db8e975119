#include "bn_events.h"

#include <stdlib.h>
#include <string.h>

typedef struct trig {
    size_t tok, ntok;
    int index;  /* into lang->triggers */
} trig;

/* Modality from the few words before the trigger, and "nếu" anywhere
 * before it in the sentence. */
static bn_modality modality_of(const bn_article *a, const bn_lang *lang, const bn_sentence *sn,
                               size_t trig_tok)
{
    bn_modality mod = BN_MOD_ASSERTED;
    size_t from = sn->tok_begin;
    for (size_t i = from; i < trig_tok;) {
        int payload;
        size_t n = bn_phrases_match(lang->modality_matcher, a->text.s, &a->tokens, i, trig_tok, &payload);
        if (n == 0) {
            i++;
            continue;
        }
        if (payload == BN_MOD_HYPOTHETICAL)
            return BN_MOD_HYPOTHETICAL;
        if (trig_tok - i <= 3)
            mod = (bn_modality)payload;
        i += n;
    }
    return mod;
}

static bn_status add_event(bn_article *a, size_t *cap, const bn_sentence *sn, const trig *tr,
                           const bn_trigger *lex, const bn_timex *date, size_t m_lo, size_t m_hi,
                           bn_modality mod)
{
    bn_arena *ar = &a->arena;
    bn_event *v = bn_arena_grow(ar, a->events, cap, a->nevents + 1, sizeof *v);
    if (!v)
        return BN_ERR_NOMEM;
    a->events = v;
    bn_event *e = &a->events[a->nevents];
    memset(e, 0, sizeof *e);
    e->type = lex->type;
    memcpy(e->cameo, lex->cameo, sizeof e->cameo);
    e->goldstein = lex->goldstein;
    e->date = *date;
    e->modality = mod;
    uint32_t trig_start = a->tokens.v[tr->tok].start;
    uint32_t trig_end = a->tokens.v[tr->tok + tr->ntok - 1].end;

    e->actors = bn_arena_alloc(ar, (m_hi - m_lo) * sizeof *e->actors);
    if (!e->actors)
        return BN_ERR_NOMEM;
    int has_source = 0;
    for (size_t k = m_lo; k < m_hi; k++) {
        const bn_mention *mn = &a->mentions[k];
        const char *id = a->actors[mn->actor].id;
        bn_role role = mn->start < trig_start ? BN_ROLE_SOURCE : BN_ROLE_TARGET;
        size_t j;
        for (j = 0; j < e->nactors; j++)
            if (strcmp(e->actors[j].id, id) == 0)
                break;
        if (j < e->nactors)
            continue; /* the first mention decides the role */
        e->actors[e->nactors].id = id;
        e->actors[e->nactors].role = role;
        e->nactors++;
        has_source |= role == BN_ROLE_SOURCE;
    }
    /* A first guess: a trigger with its actor before it and a date is the
     * common "X làm Y ngày D" construction. */
    e->confidence = has_source ? 0.6 : 0.4;

    bn_source *src = bn_arena_calloc(ar, 1, sizeof *src);
    if (!src)
        return BN_ERR_NOMEM;
    src->article = a->id;
    src->sentence = bn_arena_strndup(ar, a->text.s + sn->start, sn->end - sn->start);
    src->trigger = bn_arena_strndup(ar, a->text.s + trig_start, trig_end - trig_start);
    if (!src->sentence || !src->trigger)
        return BN_ERR_NOMEM;
    bn_text_orig_span(&a->text, sn->start, sn->end, &src->offset, &src->length);
    bn_text_orig_span(&a->text, trig_start, trig_end, &src->trigger_offset, &src->trigger_length);
    e->sources = src;
    e->nsources = 1;
    a->nevents++;
    return BN_OK;
}

bn_status bn_find_events(bn_article *a, const bn_lang *lang)
{
    size_t cap = 0, mi = 0, ti = 0;
    for (size_t k = 0; k < a->nsentences; k++) {
        const bn_sentence *sn = &a->sentences[k];
        /* the sentence's mentions [m_lo, m_hi) and dates [t_lo, t_hi) */
        while (mi < a->nmentions && a->mentions[mi].start < sn->start)
            mi++;
        size_t m_lo = mi, m_hi = mi;
        while (m_hi < a->nmentions && a->mentions[m_hi].start < sn->end)
            m_hi++;
        while (ti < a->ntimexes && a->timexes[ti].start < sn->start)
            ti++;
        size_t t_lo = ti, t_hi = ti;
        while (t_hi < a->ntimexes && a->timexes[t_hi].start < sn->end)
            t_hi++;
        if (m_lo == m_hi || t_lo == t_hi)
            continue;

        /* the first trigger after an actor; else the first trigger */
        trig first = {0, 0, -1}, chosen = {0, 0, -1};
        size_t mk = m_lo;
        for (size_t i = sn->tok_begin; i < sn->tok_end;) {
            int payload;
            /* a word of a name or a title is no trigger ("ký" of "Tổng thư ký") */
            size_t nt = bn_phrases_match(lang->actor_words, a->text.s, &a->tokens, i, sn->tok_end, &payload);
            if (nt && payload == BN_AW_TITLE) {
                i += nt;
                continue;
            }
            while (mk < m_hi && a->mentions[mk].end <= a->tokens.v[i].start)
                mk++;
            if (mk < m_hi && a->mentions[mk].start <= a->tokens.v[i].start) {
                i++;
                continue;
            }
            size_t n = bn_phrases_match(lang->trigger_matcher, a->text.s, &a->tokens, i, sn->tok_end, &payload);
            if (n == 0) {
                i++;
                continue;
            }
            trig t = {i, n, payload};
            if (first.index < 0)
                first = t;
            if (a->mentions[m_lo].tok < i) {
                chosen = t;
                break;
            }
            i += n;
        }
        if (chosen.index < 0)
            chosen = first;
        if (chosen.index < 0)
            continue;

        /* the date nearest the trigger */
        uint32_t tpos = a->tokens.v[chosen.tok].start;
        const bn_timex *date = &a->timexes[t_lo];
        for (size_t j = t_lo + 1; j < t_hi; j++) {
            long d_best = labs((long)date->start - (long)tpos);
            long d_j = labs((long)a->timexes[j].start - (long)tpos);
            if (d_j < d_best)
                date = &a->timexes[j];
        }
        bn_status st = add_event(a, &cap, sn, &chosen, &lang->triggers[chosen.index], date, m_lo, m_hi,
                                 modality_of(a, lang, sn, chosen.tok));
        if (st != BN_OK)
            return st;
    }
    return BN_OK;
}
