#include "bn_actors.h"

#include <limits.h>
#include <string.h>


static bn_status add_alias(bn_article *a, bn_actor *act, size_t *cap, const char *s, size_t len)
{
    for (size_t i = 0; i < act->naliases; i++)
        if (strlen(act->aliases[i]) == len && memcmp(act->aliases[i], s, len) == 0)
            return BN_OK;
    const char **v = bn_arena_grow(&a->arena, act->aliases, cap, act->naliases + 1, sizeof *v);
    char *copy = bn_arena_strndup(&a->arena, s, len);
    if (!v || !copy)
        return BN_ERR_NOMEM;
    act->aliases = v;
    act->aliases[act->naliases++] = copy;
    return BN_OK;
}

/* "Tổng thư ký NATO Jens Stoltenberg", "Ngoại trưởng Nga Sergei Lavrov",
 * "Tổng thư ký Tổ chức Hiệp ước Bắc Đại Tây Dương (NATO) Mark Rutte": a
 * title of the person's just before the name (a bracket or a country
 * name between allowed) says the article was written while they held it;
 * "Tân" before the title, early in the term; "cựu", "nguyên": no longer. */
static void date_by_office(bn_article *a, const bn_kb *kb, const bn_phrases *office_words, size_t person,
                           size_t from_tok, size_t name_tok)
{
    const bn_phrases *titles = bn_kb_titles(kb);
    const bn_kb_actor *p = bn_kb_get(kb, person);
    if (!titles || !p || p->nroles == 0)
        return;
    size_t lo = name_tok > from_tok + 12 ? name_tok - 12 : from_tok;
    for (size_t k = lo; k < name_tok; k++) {
        int payload;
        size_t n = bn_phrases_match(titles, a->text.s, &a->tokens, k, name_tok, &payload);
        if (n == 0 || name_tok - (k + n) > 3)
            continue;
        int qualifier = 0; /* "tân" +1, "cựu" -1, the word before the title */
        if (k > from_tok && bn_phrases_match(office_words, a->text.s, &a->tokens, k - 1, k, &qualifier) != 1)
            qualifier = 0;
        if (qualifier < 0)
            return;
        /* a title held twice (Trump's two terms) bounds by the first
         * start and the last end */
        size_t nrefs, held = 0;
        long from = LONG_MAX, to = LONG_MIN;
        const bn_kb_ref *refs = bn_kb_title(kb, payload, &nrefs);
        for (size_t r = 0; r < nrefs; r++) {
            if (refs[r].item != person)
                continue;
            const bn_kb_role *role = &p->roles[refs[r].sub];
            long end = role->to;
            if (qualifier > 0 && role->from + 183 < end)
                end = role->from + 183;
            from = role->from < from ? role->from : from;
            to = end > to ? end : to;
            held++;
        }
        if (held) {
            if (from > a->written_after)
                a->written_after = from;
            if (to < a->written_before)
                a->written_before = to;
            return;
        }
    }
}

/* "Tân Tổng thư ký NATO" without a name: whoever holds the office took it
 * less than half a year ago.  Of the holders, the one whose first months
 * fit what is known already dates the article. */
static void date_by_new_office(bn_article *a, const bn_kb *kb, const bn_phrases *office_words)
{
    const bn_phrases *titles = bn_kb_titles(kb);
    for (size_t k = 0; titles && k < a->nsentences; k++) {
        const bn_sentence *sn = &a->sentences[k];
        for (size_t i = sn->tok_begin; i + 1 < sn->tok_end; i++) {
            int payload, qualifier;
            if (bn_phrases_match(office_words, a->text.s, &a->tokens, i, i + 1, &qualifier) != 1 || qualifier <= 0 ||
                bn_phrases_match(titles, a->text.s, &a->tokens, i + 1, sn->tok_end, &payload) < 2)
                continue;
            size_t nrefs, fits = 0;
            long lo = 0, hi = 0;
            const bn_kb_ref *refs = bn_kb_title(kb, payload, &nrefs);
            for (size_t r = 0; r < nrefs; r++) {
                const bn_kb_role *role = &bn_kb_get(kb, refs[r].item)->roles[refs[r].sub];
                long from = role->from > a->written_after ? role->from : a->written_after;
                long to = role->from + 183 < a->written_before ? role->from + 183 : a->written_before;
                if (from <= to && (fits == 0 || from != lo)) {
                    fits++;
                    lo = from;
                    hi = to;
                }
            }
            if (fits == 1) {
                a->written_after = lo;
                a->written_before = hi;
            }
        }
    }
}

/* "Lãnh đạo các nước thành viên NATO tham dự Hội nghị thượng đỉnh tại
 * Vilnius": a sentence with a gathering word and the place of a gathering
 * of the knowledge base whose organiser the article names may speak of it;
 * the date stage takes the year when the sentence's day and month fall in
 * it. */
static bn_status find_gatherings(bn_article *a, const bn_kb *kb, const bn_lang *lang, const uint32_t *slot)
{
    const bn_phrases *places = bn_kb_places(kb);
    size_t cap = 0;
    if (!places || bn_phrases_count(places) == 0)
        return BN_OK;
    for (size_t k = 0; k < a->nsentences; k++) {
        const bn_sentence *sn = &a->sentences[k];
        size_t first = a->ngatherings;
        int cue = 0;
        size_t after_word = SIZE_MAX; /* the token after a location or gathering word */
        for (size_t i = sn->tok_begin; i < sn->tok_end; i++) {
            int payload;
            size_t n = bn_phrases_match(lang->actor_words, a->text.s, &a->tokens, i, sn->tok_end, &payload);
            if (n > 0) {
                cue |= payload == BN_AW_GATHERING;
                after_word = i + n;
                i += n - 1;
                continue;
            }
            /* the place is where it is held ("tại Vilnius", "thượng đỉnh
             * Vilnius"), not a capital speaking for its state */
            if (i != after_word || !(n = bn_phrases_match(places, a->text.s, &a->tokens, i, sn->tok_end, &payload)))
                continue;
            size_t nrefs;
            const bn_kb_ref *refs = bn_kb_place(kb, payload, &nrefs);
            for (size_t r = 0; r < nrefs; r++) {
                const bn_kb_gathering *g = bn_kb_gathering_get(kb, refs[r].item);
                long org = bn_kb_find(kb, g->org);
                if (org < 0 || !slot[org])
                    continue;
                bn_gathering_ref *v = bn_arena_grow(&a->arena, a->gatherings, &cap, a->ngatherings + 1, sizeof *v);
                if (!v)
                    return BN_ERR_NOMEM;
                a->gatherings = v;
                a->gatherings[a->ngatherings++] = (bn_gathering_ref){(uint32_t)k, g->from, g->to};
            }
            i += n - 1;
        }
        if (!cue)
            a->ngatherings = first; /* no gathering word: the places were not of one */
    }
    return BN_OK;
}

/* The article's growing actor and mention lists. */
typedef struct find_ctx {
    uint32_t *slot;      /* knowledge-base index -> article actor index + 1 */
    size_t *alias_cap;   /* per knowledge-base actor */
    size_t mcap, acap;
} find_ctx;

/* Records a mention of knowledge-base actor `k` at [start, end); `named`:
 * the text there is one of its names (not a body it is a side of). */
static bn_status add_mention(bn_article *a, const bn_kb *kb, find_ctx *c, size_t k, uint32_t start, uint32_t end,
                             size_t tok, int named)
{
    const bn_kb_actor *ka = bn_kb_get(kb, k);
    if (!c->slot[k]) {
        bn_actor *v = bn_arena_grow(&a->arena, a->actors, &c->acap, a->nactors + 1, sizeof *v);
        if (!v)
            return BN_ERR_NOMEM;
        a->actors = v;
        bn_actor *act = &a->actors[a->nactors];
        memset(act, 0, sizeof *act);
        act->id = ka->id; /* the knowledge base outlives the article */
        act->name = ka->name;
        act->name_vi = ka->name_vi;
        act->kind = ka->kind;
        c->slot[k] = (uint32_t)++a->nactors;
    }
    uint32_t ai = c->slot[k] - 1;
    bn_actor *act = &a->actors[ai];
    act->mentions++;
    bn_status st = named ? add_alias(a, act, &c->alias_cap[k], a->text.s + start, end - start) : BN_OK;
    if (st != BN_OK)
        return st;
    bn_mention *mv = bn_arena_grow(&a->arena, a->mentions, &c->mcap, a->nmentions + 1, sizeof *mv);
    if (!mv)
        return BN_ERR_NOMEM;
    a->mentions = mv;
    a->mentions[a->nmentions++] = (bn_mention){start, end, ai, (uint32_t)tok};
    return BN_OK;
}

bn_status bn_find_actors(bn_article *a, const bn_kb *kb, const bn_lang *lang)
{
    const bn_phrases *m = bn_kb_matcher(kb);
    size_t nkb = bn_kb_count(kb);
    find_ctx ctx = {0};
    ctx.slot = bn_arena_calloc(&a->arena, nkb ? nkb : 1, sizeof *ctx.slot);
    ctx.alias_cap = bn_arena_calloc(&a->arena, nkb ? nkb : 1, sizeof *ctx.alias_cap);
    if (!ctx.slot || !ctx.alias_cap)
        return BN_ERR_NOMEM;
    for (size_t k = 0; k < a->nsentences; k++) {
        const bn_sentence *sn = &a->sentences[k];
        for (size_t i = sn->tok_begin; i < sn->tok_end;) {
            int payload;
            size_t n = bn_phrases_match(m, a->text.s, &a->tokens, i, sn->tok_end, &payload);
            if (n == 0) {
                i++;
                continue;
            }
            const bn_kb_actor *ka = bn_kb_get(kb, (size_t)payload);
            uint32_t start = a->tokens.v[i].start, end = a->tokens.v[i + n - 1].end;
            bn_status st = add_mention(a, kb, &ctx, (size_t)payload, start, end, i, 1);
            /* a body of two sides acts through them too */
            for (size_t p = 0; st == BN_OK && p < ka->nparties; p++) {
                long side = bn_kb_find(kb, ka->parties[p]);
                if (side >= 0)
                    st = add_mention(a, kb, &ctx, (size_t)side, start, end, i, 0);
            }
            if (st != BN_OK)
                return st;
            if (ka->kind == BN_KIND_PERSON)
                date_by_office(a, kb, lang->dates->office_words, (size_t)payload, sn->tok_begin, i);
            i += n;
        }
    }
    date_by_new_office(a, kb, lang->dates->office_words);
    return find_gatherings(a, kb, lang, ctx.slot);
}
