#include "bn_actors.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>


/* The phrase sets the stage looks up at every token, by their bit in the
 * article's per-token starts (token_starts); and two bits of the token
 * itself, for the main pass (AT_UPPER: capitalised; AT_QUOTE: see
 * mark_quote_gaps). */
enum { AT_KB = 1, AT_ACTOR_WORDS = 2, AT_NAMES = 4, AT_OFFICE_WORDS = 8, AT_VISIT_WORDS = 16, AT_UPPER = 32,
       AT_QUOTE = 64 };
enum { AT_PAD = 8 }; /* zeros after the last token's (next_start) */

/* Sets AT_QUOTE at the tokens whose gap (from the end of the token before
 * it, or the text's start) holds a '"' or a 0xE2 byte, the first of the
 * curly quotes': quote_edge finds no quote before the others, and need
 * not look (slice: 20 M instructions and 0.1 M mispredicts at every token
 * read, for the few gaps with a quote). */
static void mark_quote_gaps(const bn_article *a, uint8_t *at)
{
    const bn_token *t = a->tokens.v;
    size_t n = a->tokens.n, len = a->text.len;
    const char *s = a->text.s;
    for (int k = 0; k < 2; k++) {
        int ch = k ? '"' : 0xE2;
        for (const char *q = memchr(s, ch, len); q; q = memchr(q + 1, ch, len - (size_t)(q + 1 - s))) {
            /* the first token that starts after it */
            size_t lo = 0, hi = n;
            while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (t[mid].start <= (uint32_t)(q - s))
                    lo = mid + 1;
                else
                    hi = mid;
            }
            if (lo < n)
                at[lo] |= AT_QUOTE;
        }
    }
}

/* The sets of the AT_ bits, in their order. */
bn_status bn_actor_starts_init(bn_phrase_starts *starts, const bn_kb *kb, const bn_lang *lang)
{
    const bn_phrases *sets[] = {bn_kb_matcher(kb), lang->actor_words, bn_kb_gathering_names(kb),
                                lang->dates->office_words, lang->visit_words};
    return bn_phrase_starts_init(starts, sets, sizeof sets / sizeof *sets);
}

/* Per token, which of the sets of AT_ may start a phrase there: a byte of
 * the sets' filter (bn_actor_starts_init) a token, read once, not a
 * filter per set at each look-up (slice: 4 M look-ups, most at tokens
 * that start none).  With AT_UPPER and AT_QUOTE.  NULL when out of
 * memory. */
static const uint8_t *token_starts(bn_article *a, const bn_phrase_starts *starts)
{
    uint8_t *at = bn_arena_alloc(&a->arena, a->tokens.n + AT_PAD);
    if (!at)
        return NULL;
    for (size_t i = 0; i < a->tokens.n; i++) {
        const bn_token *t = &a->tokens.v[i];
        at[i] = (uint8_t)(bn_phrase_starts_at(starts, t->hash) | ((t->flags & BN_TOK_UPPER) ? AT_UPPER : 0));
    }
    memset(at + a->tokens.n, 0, AT_PAD);
    mark_quote_gaps(a, at);
    return at;
}

/* bn_phrases_match of set p, whose bit in the per-token starts `at` is
 * `bit` (AT_): turned away there when it starts no phrase at token i. */
static inline size_t match_set(const bn_article *a, const uint8_t *at, unsigned bit, const bn_phrases *p, size_t i,
                               size_t end, int *payload)
{
    return i < end && (at[i] & bit) ? bn_phrases_match_at(p, a->text.s, &a->tokens, i, end, payload) : 0;
}

/* The first token from i on, before end, at which the set of `bit` may
 * start a phrase (its bit in `at`), or end: the passes that look one set
 * up at every token of a sentence skip the others eight at a time, not
 * with a test and a branch each (most tokens start no phrase of it), and
 * with no loop for the last few (at holds AT_PAD bytes of 0 after the
 * last token's: the bytes after end are read, not used).  Slice: 14 M
 * instructions fewer, 0.24 M mispredicts more with that loop. */
static inline size_t next_start(const uint8_t *at, unsigned bit, size_t i, size_t end)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t bits = 0x0101010101010101ull * bit;
    for (; i < end; i += 8) {
        uint64_t w;
        memcpy(&w, at + i, sizeof w);
        if (w & bits) {
            i += (size_t)__builtin_ctzll(w & bits) / 8;
            return i < end ? i : end;
        }
    }
    return end;
#else
    while (i < end && !(at[i] & bit))
        i++;
    return i;
#endif
}

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

/* Whether a "former" word (office_words -1: "cựu", "nguyên") is among
 * the `back` tokens before token k, from token `from` on. */
enum { FORMER_BACK = 10 }; /* "cựu Bộ trưởng Quốc phòng Mỹ dưới thời": the former word's reach */

static int former_before(const bn_article *a, const uint8_t *at, const bn_phrases *office_words, size_t from, size_t k,
                         size_t back)
{
    for (size_t j = k; j-- > from && k - j <= back;) {
        int q;
        if (match_set(a, at, AT_OFFICE_WORDS, office_words, j, j + 1, &q) == 1 && q == -1)
            return 1;
    }
    return 0;
}

/* The days the offices named leave for the writing, as a union of
 * intervals rather than one: "Tổng thống Trump" is 2017-2021 or from
 * 2025, and with "Tổng thư ký NATO Jens Stoltenberg" (2014-2024) only
 * the first term remains, where the bounds of each office (2017 on)
 * would leave 2017-2024.  Each office's terms narrow it (office_narrow);
 * when no day is left, or the union would grow past its room, it stops
 * (`off`) and the bounds alone stand. */
enum { OFFICE_SPANS = 8 };
typedef struct office_union {
    long from[OFFICE_SPANS], to[OFFICE_SPANS];
    size_t n;
    int off;
} office_union;

static void office_narrow(office_union *u, const long *from, const long *to, size_t n)
{
    if (u->off)
        return;
    office_union out = {{0}, {0}, 0, 0};
    for (size_t i = 0; i < u->n; i++)
        for (size_t j = 0; j < n; j++) {
            long lo = u->from[i] > from[j] ? u->from[i] : from[j], hi = u->to[i] < to[j] ? u->to[i] : to[j];
            if (lo > hi)
                continue;
            if (out.n == OFFICE_SPANS) {
                u->off = 1;
                return;
            }
            out.from[out.n] = lo;
            out.to[out.n++] = hi;
        }
    if (out.n == 0)
        u->off = 1; /* the offices disagree: the bounds say so */
    else
        *u = out;
}

/* "cựu Tổng thống Mỹ Donald Trump", "cựu Ngoại trưởng Mike Pompeo": a
 * former holder of the title (payload of the titles index) was out of it
 * when the article was written: after the end of their first term with
 * it, and before the start of a term with it still running (Trump's
 * second, from 2025-01-20: "cựu Tổng thống Trump" is of 2021-2025).  A
 * title they still hold in every term the knowledge base lists says
 * nothing. */
static void date_by_former_office(bn_article *a, office_union *u, const bn_kb_actor *p, const bn_kb *kb, int payload,
                                  size_t person)
{
    size_t nrefs;
    const bn_kb_ref *refs = bn_kb_title(kb, payload, &nrefs);
    long first_end = LONG_MAX, running = LONG_MAX; /* the start of a term still running */
    for (size_t r = 0; r < nrefs; r++) {
        if (refs[r].item != person)
            continue;
        const bn_kb_role *role = &p->roles[refs[r].sub];
        if (role->to == LONG_MAX)
            running = role->from;
        else if (role->to < first_end)
            first_end = role->to;
    }
    if (first_end == LONG_MAX)
        return;
    if (first_end > a->written_after)
        a->written_after = first_end;
    long hi = running != LONG_MAX && running > first_end ? running : LONG_MAX;
    if (hi < a->written_before)
        a->written_before = hi;
    office_narrow(u, &first_end, &hi, 1);
}

/* "Tổng thư ký NATO Jens Stoltenberg", "Ngoại trưởng Nga Sergei Lavrov",
 * "Tổng thư ký Tổ chức Hiệp ước Bắc Đại Tây Dương (NATO) Mark Rutte": a
 * title of the person's just before the name (a bracket or a country
 * name between allowed) says the article was written while they held it;
 * "Tân" before the title, early in the term; "cựu", "nguyên": no longer.
 * "cựu cố vấn an ninh quốc gia dưới thời Phó Tổng thống Kamala Harris":
 * the time ("thời", office_words -3) a former official served in may be
 * over, so it bounds the writing from below only (the press also writes
 * "dưới thời Tổng thống X" of the sitting president: without the former
 * official, the office bounds as usual). */
static void date_by_office(bn_article *a, const uint8_t *at, office_union *u, const bn_kb *kb,
                           const bn_phrases *office_words, size_t person, size_t from_tok, size_t name_tok)
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
        if (k > from_tok && match_set(a, at, AT_OFFICE_WORDS, office_words, k - 1, k, &qualifier) != 1)
            qualifier = 0;
        int since_only = qualifier == -3 && former_before(a, at, office_words, from_tok, k - 1, FORMER_BACK);
        if (qualifier == -1) {
            date_by_former_office(a, u, p, kb, payload, person);
            return;
        }
        if (qualifier < 0 && qualifier != -3)
            return;
        /* a title held twice (Trump's two terms) bounds by the first
         * start and the last end */
        size_t nrefs, held = 0;
        long from = LONG_MAX, to = LONG_MIN, terms_from[OFFICE_SPANS], terms_to[OFFICE_SPANS];
        const bn_kb_ref *refs = bn_kb_title(kb, payload, &nrefs);
        for (size_t r = 0; r < nrefs; r++) {
            if (refs[r].item != person)
                continue;
            const bn_kb_role *role = &p->roles[refs[r].sub];
            long end = role->to;
            if (qualifier > 0 && role->from + 183 < end)
                end = role->from + 183;
            if (since_only)
                end = LONG_MAX;
            from = role->from < from ? role->from : from;
            to = end > to ? end : to;
            if (held < OFFICE_SPANS) {
                terms_from[held] = role->from;
                terms_to[held] = end;
            }
            held++;
        }
        if (held) {
            if (from > a->written_after)
                a->written_after = from;
            if (!since_only && to < a->written_before)
                a->written_before = to;
            if (held <= OFFICE_SPANS)
                office_narrow(u, terms_from, terms_to, held);
            else
                u->off = 1;
            return;
        }
    }
}

/* "Tân Tổng thư ký NATO" without a name: whoever holds the office took it
 * less than half a year ago.  Of the holders, the one whose first months
 * fit what is known already dates the article. */
static void date_by_new_office(bn_article *a, const bn_kb *kb, const bn_phrases *office_words, const uint8_t *at)
{
    const bn_phrases *titles = bn_kb_titles(kb);
    for (size_t k = 0; titles && k < a->nsentences; k++) {
        const bn_sentence *sn = &a->sentences[k];
        for (size_t i = sn->tok_begin; i + 1 < sn->tok_end; i++) {
            int payload, qualifier;
            if ((i = next_start(at, AT_OFFICE_WORDS, i, sn->tok_end - 1)) + 1 >= sn->tok_end)
                break;
            if (match_set(a, at, AT_OFFICE_WORDS, office_words, i, i + 1, &qualifier) != 1 || qualifier <= 0 ||
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

/* "chiến dịch quân sự đặc biệt", "32 nước thành viên NATO": a page that
 * names an era was written within it. */
static void date_by_era(bn_article *a, const bn_kb_gathering *g)
{
    if (g->from > a->written_after)
        a->written_after = g->from;
    if (g->to < a->written_before)
        a->written_before = g->to;
}

/* Notes that sentence k may speak of gathering g; `series`: named with
 * no place, one sitting of several (series_window's, not a day's). */
static bn_status add_gathering(bn_article *a, size_t *cap, size_t k, const bn_kb_gathering *g, int series, size_t tok)
{
    bn_gathering_ref *v = bn_arena_grow(&a->arena, a->gatherings, cap, a->ngatherings + 1, sizeof *v);
    if (!v)
        return BN_ERR_NOMEM;
    a->gatherings = v;
    /* of an era, its first day alone: "Ngày 24/2, Nga tuyên bố mở chiến
     * dịch quân sự đặc biệt" is that day */
    long to = strcmp(g->kind, "era") == 0 ? g->from : g->to;
    a->gatherings[a->ngatherings++] = (bn_gathering_ref){(uint32_t)k, g->from, to, series, a->tokens.v[tok].start};
    return BN_OK;
}

/* The summits a sentence took by their organiser alone ("Hội nghị Cấp
 * cao ASEAN"): the organiser, and where they are in a->gatherings. */
typedef struct org_sittings {
    const char *org;
    size_t begin, end;
} org_sittings;

/* Drops the summits of by_org[o] from a->gatherings, moving those after
 * them (and the marks of by_org) down. */
static void drop_org_sittings(bn_article *a, org_sittings *by_org, size_t norgs, size_t o)
{
    size_t b = by_org[o].begin, n = by_org[o].end - b;
    memmove(&a->gatherings[b], &a->gatherings[b + n], (a->ngatherings - b - n) * sizeof *a->gatherings);
    a->ngatherings -= n;
    for (size_t q = 0; q < norgs; q++)
        if (by_org[q].begin > b)
            by_org[q].begin -= n, by_org[q].end -= n;
    by_org[o].end = by_org[o].begin = b;
}

/* Whether a gathering word ends right before token i ("Hội nghị G7",
 * "thượng đỉnh NATO"). */
static int gathering_before(const bn_article *a, const uint8_t *at, const bn_lang *lang, size_t i)
{
    for (size_t n = 1; n <= 4 && n <= i; n++) {
        int payload;
        if (match_set(a, at, AT_ACTOR_WORDS, lang->actor_words, i - n, i, &payload) == n &&
            payload == BN_AW_GATHERING)
            return 1;
    }
    return 0;
}

/* "Lãnh đạo các nước thành viên NATO tham dự Hội nghị thượng đỉnh tại
 * Vilnius": a sentence with a gathering word and the place of a gathering
 * of the knowledge base whose organiser the article names may speak of it;
 * the date stage takes the year when the sentence's day and month fall in
 * it. */
/* The actor words at each token to its sentence's end, as the actors'
 * pass found them, for find_gatherings to read again: n (AW_UNKNOWN:
 * not looked up there) and the payload. */
enum { AW_UNKNOWN = 0xFF };
typedef struct aw_seen {
    uint8_t *n;
    int *payload;
} aw_seen;

static inline size_t actor_words_at(const bn_article *a, const uint8_t *at, const bn_lang *lang, const aw_seen *seen,
                                    size_t i, size_t end, int *payload)
{
    if (seen->n && seen->n[i] != AW_UNKNOWN) {
        *payload = seen->payload[i];
        return seen->n[i];
    }
    return match_set(a, at, AT_ACTOR_WORDS, lang->actor_words, i, end, payload);
}

/* The article actor of each knowledge-base actor named: its index + 1 by
 * the knowledge-base index (0: none yet).  An open-addressed table from
 * the arena that grows with the actors: an article names a few dozen of
 * the knowledge base's ten thousand, and a zeroed array of them all was
 * 4.8 M instructions on the slice and 40 KB of stores through the cache
 * an article. */
typedef struct kb_slots {
    struct kb_slot {
        uint32_t k; /* knowledge-base index + 1; 0: a free entry */
        uint32_t v;
    } *v;
    size_t size, n; /* size: a power of two */
} kb_slots;

static size_t kb_slot_at(const kb_slots *s, uint32_t k)
{
    size_t h = (k * 0x9E3779B1u) & (s->size - 1);
    while (s->v[h].k && s->v[h].k != k)
        h = (h + 1) & (s->size - 1);
    return h;
}

static uint32_t kb_slot_get(const kb_slots *s, size_t k)
{
    return s->v[kb_slot_at(s, (uint32_t)k + 1)].v;
}

static bn_status kb_slots_init(bn_arena *arena, kb_slots *s, size_t size)
{
    s->v = bn_arena_calloc(arena, size, sizeof *s->v);
    s->size = size;
    s->n = 0;
    return s->v ? BN_OK : BN_ERR_NOMEM;
}

static bn_status kb_slot_put(bn_arena *arena, kb_slots *s, size_t k, uint32_t v)
{
    if ((s->n + 1) * 2 > s->size) {
        kb_slots old = *s;
        if (kb_slots_init(arena, s, old.size * 2) != BN_OK)
            return BN_ERR_NOMEM;
        for (size_t i = 0; i < old.size; i++)
            if (old.v[i].k) {
                s->v[kb_slot_at(s, old.v[i].k)] = old.v[i];
                s->n++;
            }
    }
    struct kb_slot *e = &s->v[kb_slot_at(s, (uint32_t)k + 1)];
    s->n += e->k == 0;
    *e = (struct kb_slot){(uint32_t)k + 1, v};
    return BN_OK;
}

/* Whether sentence sn holds a phrase of `words`. */
static int has_phrase(const bn_article *a, const bn_phrases *words, const bn_sentence *sn)
{
    for (size_t i = sn->tok_begin; words && i < sn->tok_end; i++) {
        int payload;
        if (bn_phrases_match(words, a->text.s, &a->tokens, i, sn->tok_end, &payload))
            return 1;
    }
    return 0;
}

/* Whether sentence sn, whose mentions begin at mentions[mlo], names the
 * knowledge-base actor `id`. */
static int names_in_sentence(const bn_article *a, const bn_sentence *sn, size_t mlo, const char *id)
{
    for (size_t m = mlo; m < a->nmentions && a->mentions[m].tok < sn->tok_end; m++) {
        const bn_actor *act = &a->actors[a->mentions[m].actor];
        if (act->id && strcmp(act->id, id) == 0)
            return 1;
    }
    return 0;
}

/* How many tokens may come between a visit word and the word before the
 * place visited ("chuyến thăm làm việc chính thức ba ngày tại Mỹ"). */
enum { VISIT_GAP = 8 };

/* Whether text between tokens b and e (b < e) holds a comma, semicolon or
 * colon: a clause ends between them. */
static int clause_break(const bn_article *a, size_t b, size_t e)
{
    for (uint32_t o = a->tokens.v[b].end; o < a->tokens.v[e].start; o++)
        if (a->text.s[o] == ',' || a->text.s[o] == ';' || a->text.s[o] == ':')
            return 1;
    return 0;
}

/* Notes the visits of sentence k (its mentions from mentions[mlo]) at
 * the place that begins at token p, if any, of a visitor it names. */
static bn_status visits_at(bn_article *a, const bn_kb *kb, size_t k, size_t mlo, size_t p, size_t *cap)
{
    const bn_sentence *sn = &a->sentences[k];
    int payload;
    if (p >= sn->tok_end || !bn_phrases_match(bn_kb_places(kb), a->text.s, &a->tokens, p, sn->tok_end, &payload))
        return BN_OK;
    size_t nrefs;
    const bn_kb_ref *refs = bn_kb_place(kb, payload, &nrefs);
    for (size_t r = 0; r < nrefs; r++) {
        const bn_kb_gathering *g = bn_kb_gathering_get(kb, refs[r].item);
        if (strcmp(g->kind, "visit") == 0 && names_in_sentence(a, sn, mlo, g->org) &&
            add_gathering(a, cap, k, g, 1, p) != BN_OK)
            return BN_ERR_NOMEM;
    }
    return BN_OK;
}

/* "Tổng thống Putin thăm Trung Quốc": sentence k, with a visit word and
 * right after it, or after a word of going to or being at ("tới", "tại")
 * within VISIT_GAP tokens of it, a place of a visit of the knowledge base
 * whose visitor the sentence names, may speak of any of that visitor's
 * visits there; a visit is one of a series, its year series_window's.
 * ("... trong chuyến thăm kéo dài 3 ngày mà Bắc Kinh hẳn sẽ theo sát":
 * Beijing is no place visited.)  Not after an invitation in its clause
 * ("mời người đồng cấp Donald Trump tới thăm Hàn Quốc", "chấp nhận lời
 * mời đến thăm Seoul": a visit to come, whose days the article's need not
 * be near; "Theo lời mời của ..., Tổng thống Putin thăm" is one made). */
static bn_status find_visits(bn_article *a, const bn_kb *kb, const bn_lang *lang, const uint8_t *at, size_t k,
                             size_t mlo, size_t *cap)
{
    const bn_sentence *sn = &a->sentences[k];
    size_t invited = SIZE_MAX; /* the last invitation word */
    if (!bn_kb_places(kb) || !lang->visit_words)
        return BN_OK;
    for (size_t i = sn->tok_begin; i < sn->tok_end; i++) {
        int payload;
        if ((i = next_start(at, AT_VISIT_WORDS, i, sn->tok_end)) == sn->tok_end)
            break;
        size_t n = match_set(a, at, AT_VISIT_WORDS, lang->visit_words, i, sn->tok_end, &payload);
        if (!n)
            continue;
        if (payload == 3)
            invited = i;
        i += n - 1;
        if (payload != 1 || (invited != SIZE_MAX && !clause_break(a, invited, i - n + 1)))
            continue; /* "thăm dò"; an invitation's */
        if (visits_at(a, kb, k, mlo, i + 1, cap) != BN_OK)
            return BN_ERR_NOMEM;
        for (size_t q = i + 1; q < sn->tok_end && q <= i + 1 + VISIT_GAP; q++) {
            size_t nq = match_set(a, at, AT_VISIT_WORDS, lang->visit_words, q, sn->tok_end, &payload);
            if (nq && payload == 4) {
                if (visits_at(a, kb, k, mlo, q + nq, cap) != BN_OK)
                    return BN_ERR_NOMEM;
                break;
            }
            if (nq)
                q += nq - 1;
        }
    }
    return BN_OK;
}

static bn_status find_gatherings(bn_article *a, const bn_kb *kb, const bn_lang *lang, const kb_slots *slot,
                                 const aw_seen *seen, const uint8_t *at)
{
    const bn_phrases *places = bn_kb_places(kb), *names = bn_kb_gathering_names(kb);
    size_t cap = 0, mfirst = 0, vfirst = 0;
    if ((!places || bn_phrases_count(places) == 0) && (!names || bn_phrases_count(names) == 0))
        return BN_OK;
    for (size_t k = 0; k < a->nsentences; k++) {
        const bn_sentence *sn = &a->sentences[k];
        size_t first = a->ngatherings;
        int cue = 0, fighting = -1; /* a word of fighting in the sentence (-1: not looked for yet) */
        const bn_kb_gathering *wars[4];
        size_t nwars = 0, war_tok[4];
        size_t after_word = SIZE_MAX; /* the token after a location or gathering word */
        org_sittings by_org[4];
        size_t norgs = 0;
        for (size_t i = sn->tok_begin; i < sn->tok_end; i++) {
            int payload;
            /* (no actor word where the set starts none) */
            if (i != after_word && (i = next_start(at, AT_ACTOR_WORDS, i, sn->tok_end)) == sn->tok_end)
                break;
            size_t n = actor_words_at(a, at, lang, seen, i, sn->tok_end, &payload);
            if (n > 0) {
                cue |= payload == BN_AW_GATHERING;
                if (payload == BN_AW_GATHERING || payload == BN_AW_LOCATION || payload == BN_AW_PLACE_NOUN)
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
                if (org < 0 || !kb_slot_get(slot, (size_t)org) || strcmp(g->kind, "visit") == 0)
                    continue; /* a visit is cued by a visit word (find_visits) */
                if (strcmp(g->kind, "war") == 0) {
                    /* "giao tranh ... tại Nagorno-Karabakh": an episode of
                     * a war is cued by fighting, not by a gathering word */
                    if (fighting < 0)
                        fighting = has_phrase(a, lang->conflict_words, sn);
                    if (fighting && nwars < sizeof wars / sizeof *wars) {
                        war_tok[nwars] = i;
                        wars[nwars++] = g;
                    }
                } else if (add_gathering(a, &cap, k, g, 0, i) != BN_OK)
                    return BN_ERR_NOMEM;
            }
            i += n - 1;
        }
        if (!cue)
            a->ngatherings = first; /* no gathering word: the places were not of one */
        else if (a->ngatherings == first) {
            /* "trước thềm Hội nghị G7": no place, the organiser named
             * right after the gathering word; any of its summits */
            while (mfirst < a->nmentions && a->mentions[mfirst].tok < sn->tok_begin)
                mfirst++;
            for (size_t mi = mfirst; mi < a->nmentions && a->mentions[mi].tok < sn->tok_end; mi++) {
                const bn_mention *mn = &a->mentions[mi];
                if (a->actors[mn->actor].kind != BN_KIND_ORGANIZATION || !gathering_before(a, at, lang, mn->tok))
                    continue;
                size_t begin = a->ngatherings;
                for (size_t g = 0; g < bn_kb_gathering_count(kb); g++) {
                    const bn_kb_gathering *kg = bn_kb_gathering_get(kb, g);
                    if (strcmp(kg->org, a->actors[mn->actor].id) != 0 || strcmp(kg->kind, "summit") != 0)
                        continue;
                    if (add_gathering(a, &cap, k, kg, 1, mn->tok) != BN_OK)
                        return BN_ERR_NOMEM;
                }
                if (a->ngatherings > begin && norgs < sizeof by_org / sizeof *by_org) {
                    by_org[norgs].org = a->actors[mn->actor].id;
                    by_org[norgs].begin = begin;
                    by_org[norgs++].end = a->ngatherings;
                }
            }
        }
        for (size_t w = 0; w < nwars; w++)
            if (add_gathering(a, &cap, k, wars[w], 0, war_tok[w]) != BN_OK)
                return BN_ERR_NOMEM;
        /* "Thông điệp Liên bang": a sitting of a series named by what it
         * is, anywhere in the sentence */
        for (size_t i = sn->tok_begin; names && i < sn->tok_end; i++) {
            int payload;
            if ((i = next_start(at, AT_NAMES, i, sn->tok_end)) == sn->tok_end)
                break;
            size_t n = match_set(a, at, AT_NAMES, names, i, sn->tok_end, &payload);
            if (!n)
                continue;
            size_t nrefs;
            const bn_kb_ref *refs = bn_kb_named(kb, payload, &nrefs);
            for (size_t r = 0; r < nrefs; r++) {
                const bn_kb_gathering *g = bn_kb_gathering_get(kb, refs[r].item);
                int era = strcmp(g->kind, "era") == 0;
                if (era)
                    date_by_era(a, g);
                if ((!era || g->first_day) && add_gathering(a, &cap, k, g, !era, i) != BN_OK)
                    return BN_ERR_NOMEM;
                /* "Hội nghị Cấp cao ASEAN lần thứ 36": the sitting its
                 * number names, not any summit of its organiser */
                for (size_t o = 0; !era && o < norgs; o++)
                    if (by_org[o].end > by_org[o].begin && strcmp(by_org[o].org, g->org) == 0)
                        drop_org_sittings(a, by_org, norgs, o);
            }
            i += n - 1;
        }
        /* a visit needs its visitor, a person, named in the sentence */
        while (vfirst < a->nmentions && a->mentions[vfirst].tok < sn->tok_begin)
            vfirst++;
        int person = 0;
        for (size_t mi = vfirst; !person && mi < a->nmentions && a->mentions[mi].tok < sn->tok_end; mi++)
            person = a->actors[a->mentions[mi].actor].kind == BN_KIND_PERSON;
        if (person && find_visits(a, kb, lang, at, k, vfirst, &cap) != BN_OK)
            return BN_ERR_NOMEM;
    }
    return BN_OK;
}

/* The article's growing actor and mention lists. */
typedef struct find_ctx {
    kb_slots slot;       /* knowledge-base index -> article actor index + 1 */
    const uint8_t *at;   /* the article's per-token starts (token_starts) */
    size_t *alias_cap;   /* per article actor */
    size_t alias_caps_cap, mcap, acap;
    long last_org, last_country;  /* article actors named last, for "liên minh này", "nước này" */
    long last_person, last_subject; /* persons named last, or -1, for "Ông cho biết"; the second not as an
                                     * object ("gặp ông X", "với Ngoại trưởng X") */
    size_t person_sentence, subject_sentence; /* the sentences that named them */
    size_t sentence;        /* the sentence being read */
    int object;             /* the mention being recorded is named as an object */
    const char *lang;    /* the language's code: actors are named in it */
    struct fuzzy_memo {  /* misspelt names looked up in the article, by their text (e == 0: none) */
        uint32_t s, e;
        int hit;
    } *memo;             /* FUZZY_MEMO entries, NULL until the first look-up */
    bn_fuzzy_memo *shared; /* or the caller's, kept across articles (NULL: none) */
} find_ctx;

enum { FUZZY_MEMO = 1024 };

/* Appends an empty actor to the article. */
static bn_actor *append_actor(bn_article *a, size_t *acap)
{
    bn_actor *v = bn_arena_grow(&a->arena, a->actors, acap, a->nactors + 1, sizeof *v);
    if (!v)
        return NULL;
    a->actors = v;
    memset(&v[a->nactors], 0, sizeof *v);
    return &v[a->nactors++];
}

/* Appends knowledge-base actor ka to the article. */
static bn_actor *append_kb_actor(bn_article *a, size_t *acap, const bn_kb_actor *ka, const char *lang)
{
    bn_actor *act = append_actor(a, acap);
    if (act) {
        act->id = ka->id; /* the knowledge base outlives the article */
        act->name = ka->name;
        act->name_local = bn_kb_actor_name(ka, lang);
        act->kind = ka->kind;
    }
    return act;
}

/* Keeps the per-actor alias capacities as long as the actor list. */
static bn_status grow_alias_caps(bn_article *a, find_ctx *c)
{
    size_t *v = bn_arena_grow(&a->arena, c->alias_cap, &c->alias_caps_cap, a->nactors, sizeof *v);
    if (!v)
        return BN_ERR_NOMEM;
    c->alias_cap = v;
    v[a->nactors - 1] = 0;
    return BN_OK;
}

/* Records a mention of article actor `ai` at [start, end); `named`: the
 * text there is one of its names (not a body it is a side of, not "liên
 * minh này"). */
static bn_status mention(bn_article *a, find_ctx *c, uint32_t ai, uint32_t start, uint32_t end, size_t tok, int named)
{
    bn_actor *act = &a->actors[ai];
    act->mentions++;
    bn_status st = named ? add_alias(a, act, &c->alias_cap[ai], a->text.s + start, end - start) : BN_OK;
    if (st != BN_OK)
        return st;
    bn_mention *mv = bn_arena_grow(&a->arena, a->mentions, &c->mcap, a->nmentions + 1, sizeof *mv);
    if (!mv)
        return BN_ERR_NOMEM;
    a->mentions = mv;
    a->mentions[a->nmentions++] = (bn_mention){start, end, ai, (uint32_t)tok};
    if (act->kind == BN_KIND_PERSON && named) {
        c->last_person = ai;
        c->person_sentence = c->sentence;
        if (!c->object) {
            c->last_subject = ai;
            c->subject_sentence = c->sentence;
        }
    }
    if (act->kind == BN_KIND_ORGANIZATION)
        c->last_org = ai;
    else if (act->kind == BN_KIND_COUNTRY)
        c->last_country = ai;
    return BN_OK;
}

/* Records a mention of knowledge-base actor `k`. */
static bn_status add_mention(bn_article *a, const bn_kb *kb, find_ctx *c, size_t k, uint32_t start, uint32_t end,
                             size_t tok, int named)
{
    uint32_t ai = kb_slot_get(&c->slot, k);
    if (!ai) {
        if (!append_kb_actor(a, &c->acap, bn_kb_get(kb, k), c->lang))
            return BN_ERR_NOMEM;
        bn_status st = grow_alias_caps(a, c);
        if (st != BN_OK)
            return st;
        ai = (uint32_t)a->nactors;
        if (kb_slot_put(&a->arena, &c->slot, k, ai) != BN_OK)
            return BN_ERR_NOMEM;
    }
    return mention(a, c, ai - 1, start, end, tok, named);
}

static int capitalised(const bn_article *a, size_t i)
{
    return (a->tokens.v[i].flags & BN_TOK_UPPER) != 0; /* its first letter, found when tokenised */
}

/* "CIA", "IAEA": all capitals, two letters or more; never part of a
 * person's name. */
static int acronym(const bn_article *a, size_t i)
{
    const bn_token *t = &a->tokens.v[i];
    if (t->end - t->start < 2)
        return 0;
    for (uint32_t p = t->start; p < t->end; p++)
        if (a->text.s[p] < 'A' || a->text.s[p] > 'Z')
            return 0;
    return 1;
}

/* Whether the text between tokens i-1 and i holds character ch. */
static int gap_has(const bn_article *a, size_t i, char ch)
{
    if (i == 0 || i >= a->tokens.n)
        return 0;
    for (uint32_t p = a->tokens.v[i - 1].end; p < a->tokens.v[i].start; p++)
        if (a->text.s[p] == ch)
            return 1;
    return 0;
}

/* Whether a clause may begin at token i of a sentence beginning at
 * `begin`: the sentence's start, or after , ; : or a quotation mark. */
static int clause_opens(const bn_article *a, size_t begin, size_t i)
{
    if (i == begin)
        return 1;
    const char *e = a->text.s + a->tokens.v[i].start;
    for (const char *p = a->text.s + a->tokens.v[i - 1].end; p < e; p++)
        if (*p == ',' || *p == ';' || *p == ':' || *p == '"' || bn_curly_quote(p, e))
            return 1;
    return 0;
}

/* "Ông cho biết", "“...”, bà nói", "chính trị gia này": the person a
 * pronoun stands for, the last one named in its sentence or in the three
 * before it, but one named as an object ("gặp ông X") only when no other
 * is; or -1. */
static long person_referred(const find_ctx *c, size_t sentence)
{
    if (c->last_subject >= 0 && sentence - c->subject_sentence <= 3)
        return c->last_subject;
    return c->last_person >= 0 && sentence - c->person_sentence <= 3 ? c->last_person : -1;
}

/* Whether an object word ("với", "gặp") ends right before token i. */
static int object_before(const bn_article *a, const uint8_t *at, const bn_lang *lang, size_t begin, size_t i)
{
    for (size_t n = 1; n <= 2 && i >= begin + n; n++) {
        int word;
        if (match_set(a, at, AT_ACTOR_WORDS, lang->actor_words, i - n, i, &word) == n &&
            word == BN_AW_OBJECT_WORD)
            return 1;
    }
    return 0;
}

/* Whether the text between tokens i-1 and i (from `begin` when i is the
 * sentence's first) opens a quotation (1), closes one (0), or neither
 * (-1). */
static int quote_edge(const bn_article *a, uint32_t begin, size_t i)
{
    /* (most gaps: one space after a word of the sentence) */
    uint32_t to = a->tokens.v[i].start;
    if (i > 0 && a->tokens.v[i - 1].end + 1 == to && a->tokens.v[i - 1].end >= begin && a->text.s[to - 1] == ' ')
        return -1;
    int edge = -1;
    uint32_t from = i > 0 && a->tokens.v[i - 1].end >= begin ? a->tokens.v[i - 1].end : begin;
    const char *e = a->text.s + a->tokens.v[i].start;
    for (uint32_t p = from; a->text.s + p < e; p++) {
        if (a->text.s[p] == ' ')
            continue; /* most gaps: a space, no quote */
        int curly = bn_curly_quote(a->text.s + p, e);
        if (a->text.s[p] == '"')
            edge = p > 0 && a->text.s[p - 1] != ' ' && p != begin ? 0 : 1;
        else if (curly)
            edge = curly == 1;
    }
    return edge;
}

/* Whether only spaces or hyphens lie between tokens i-1 and i. */
static int spaced(const bn_article *a, size_t i)
{
    for (uint32_t p = a->tokens.v[i - 1].end; p < a->tokens.v[i].start; p++)
        if (a->text.s[p] != ' ' && a->text.s[p] != '-')
            return 0;
    return 1;
}

/* "tại Brussels (Bỉ)", "ở thủ đô Vilnius", "tại thành phố Geneva, Thụy
 * Sĩ": after a location word, the place and the country it is in are
 * where something happens, not actors.  Returns the token after them (i
 * when nothing there is a place); organisations and people after "tại"
 * stay actors. */
static size_t skip_place(const bn_article *a, const uint8_t *at, const bn_kb *kb, const bn_lang *lang, size_t i,
                         size_t end, size_t *name_end)
{
    int payload;
    size_t n, j = i;
    if ((n = match_set(a, at, AT_ACTOR_WORDS, lang->actor_words, j, end, &payload)) && payload == BN_AW_PLACE_NOUN)
        j += n;
    size_t name = j;
    /* "tại Hội nghị an ninh Munich", "tại Quốc hội": a gathering or a body,
     * not a place's name (the gathering is where it happens, for the events) */
    if ((n = match_set(a, at, AT_ACTOR_WORDS, lang->actor_words, j, end, &payload)) &&
        (payload == BN_AW_GATHERING || payload == BN_AW_ORG_WORD))
        return i;
    n = match_set(a, at, AT_KB, bn_kb_matcher(kb), j, end, &payload);
    if (n) {
        if (bn_kb_get(kb, (size_t)payload)->kind != BN_KIND_COUNTRY)
            return i;
        j += n;
    } else {
        /* a name's words, not across punctuation ("tại Brussels, Tổng thư
         * ký", "tại Ramstein (Đức)") */
        while (j < end && j - name < 4 && capitalised(a, j) && (j == name || spaced(a, j)) &&
               !match_set(a, at, AT_KB, bn_kb_matcher(kb), j, end, &payload))
            j++;
        if (j == name)
            return i;
    }
    if (name_end)
        *name_end = j;
    /* the country of the place: "Geneva, Thụy Sĩ", "Brussels (Bỉ)" */
    if (j < end && (gap_has(a, j, ',') || gap_has(a, j, '(')) &&
        (n = match_set(a, at, AT_KB, bn_kb_matcher(kb), j, end, &payload)) &&
        bn_kb_get(kb, (size_t)payload)->kind == BN_KIND_COUNTRY)
        j += n;
    return j;
}

/* An id for a person the knowledge base does not know (bn_name_id). */
static char *person_id(bn_article *a, uint32_t start, uint32_t end)
{
    return bn_name_id(&a->arena, a->text.s + start, end - start);
}

/* The state or organisation a title before token `upto` names: "Người Phát
 * ngôn của Bộ Quốc phòng Lithuania, ông ...", "Đại sứ Nga tại Anh Andrei
 * Kelin": the first country or organisation mentioned after the nearest
 * title word that is followed by one, within 12 tokens (the head of the phrase; a place after "tại" is not
 * a mention). */
static const char *title_affiliation(const bn_article *a, const uint8_t *at, const bn_lang *lang, size_t from,
                                     size_t upto)
{
    size_t lo = upto > from + 12 ? upto - 12 : from;
    /* the nearest title that names one: "Ngoại trưởng Trung Quốc X và
     * Ngoại trưởng Iran Y"; "Trưởng phái đoàn Việt Nam tại LHQ, Đại sứ Y" */
    for (size_t k = upto; k-- > lo;) {
        int payload;
        size_t n = match_set(a, at, AT_ACTOR_WORDS, lang->actor_words, k, upto, &payload);
        if (!n || payload != BN_AW_TITLE)
            continue;
        const char *aff = NULL;
        for (size_t m = a->nmentions; m-- > 0;) {
            const bn_mention *mn = &a->mentions[m];
            if (mn->tok < k)
                break;
            const bn_actor *act = &a->actors[mn->actor];
            if (mn->tok < upto && (act->kind == BN_KIND_COUNTRY || act->kind == BN_KIND_ORGANIZATION))
                aff = act->id;
        }
        if (aff)
            return aff;
    }
    return NULL;
}

/* "Gabrielius Landsbergis, Ngoại trưởng Lithuania, ...": a title in
 * apposition after the name at token j, and the country or organisation
 * just after it. */
static const char *apposition_affiliation(const bn_article *a, const uint8_t *at, const bn_kb *kb, const bn_lang *lang,
                                          size_t j, size_t end)
{
    int payload;
    size_t n;
    if (j >= end || !gap_has(a, j, ',') ||
        !(n = match_set(a, at, AT_ACTOR_WORDS, lang->actor_words, j, end, &payload)) ||
        payload != BN_AW_TITLE)
        return NULL;
    for (size_t k = j + n; k < end && k <= j + n + 3; k++)
        if (match_set(a, at, AT_KB, bn_kb_matcher(kb), k, end, &payload)) {
            const bn_kb_actor *ka = bn_kb_get(kb, (size_t)payload);
            return ka->kind == BN_KIND_COUNTRY || ka->kind == BN_KIND_ORGANIZATION ? ka->id : NULL;
        }
    return NULL;
}

/* Whether tokens j-1 and j are joined as the words of one name are: one
 * space ("Arvydas Anušauskas"), or a hyphen or an apostrophe with no space
 * ("Jae-in", "O'Brien"); a colon, a comma or a line break ends a name. */
static int name_joint(const bn_article *a, size_t j)
{
    const char *p = a->text.s + a->tokens.v[j - 1].end;
    uint32_t len = a->tokens.v[j].start - a->tokens.v[j - 1].end;
    return (len == 1 && (*p == ' ' || *p == '-' || *p == '\'')) ||
           (len == 2 && memcmp(p, "\xC2\xA0", 2) == 0) ||  /* no-break space */
           (len == 3 && memcmp(p, "\xE2\x80\x99", 3) == 0); /* ’ */
}

static int hyphen_joint(const bn_article *a, size_t j)
{
    return a->tokens.v[j].start - a->tokens.v[j - 1].end == 1 && a->text.s[a->tokens.v[j - 1].end] == '-';
}

/* Whether name (two words or more) begins with the word w. */
static int first_word_is(const char *name, const char *w, size_t wl)
{
    return strncmp(name, w, wl) == 0 && name[wl] == ' ';
}

/* Whether the word at token i stands alone elsewhere in the article: then it is a place or a body before a name ("thị trưởng
 * Bucha Anatoli Fedoruk" with "rút khỏi Bucha" earlier), not the name's
 * first word.  Linear in the article; only asked of runs of three words
 * or more. */
static int place_word(const bn_article *a, const uint8_t *at, const bn_lang *lang, size_t i)
{
    const bn_token *t = &a->tokens.v[i];
    uint32_t tl = t->end - t->start;
    for (size_t k = 0; k < a->tokens.n; k++) {
        const bn_token *x = &a->tokens.v[k];
        /* the same word has the same key, so the same hash: that first
         * (slice: 84 K mispredicts on the lengths) */
        if (x->hash != t->hash || k == i || x->end - x->start != tl ||
            memcmp(a->text.s + x->start, a->text.s + t->start, tl) != 0)
            continue;
        /* alone there: not followed by another capitalised word of a name
         * ("Nguyễn Chí Vịnh" says nothing of "Nguyễn Phú Trọng") */
        int word;
        if (k > 0 && match_set(a, at, AT_ACTOR_WORDS, lang->actor_words, k - 1, k, &word) == 1 &&
            word == BN_AW_HONORIFIC)
            continue; /* "ông Kim": a surname alone */
        if (k + 1 >= a->tokens.n || !name_joint(a, k + 1) || !capitalised(a, k + 1))
            return 1;
    }
    return 0;
}

static size_t misspelt(bn_article *a, find_ctx *c, const bn_kb *kb, const bn_lang *lang, size_t i, size_t end,
                       int *payload);

/* Whether the one-word person p (a surname: "ông Sullivan") is the person
 * whose id is `id`: its last word, or its first ("ông Vương", "Vương
 * Nghị"). */
static int surname_of(const bn_actor *p, const char *id)
{
    if (p->kind != BN_KIND_PERSON || !p->from_text || strchr(p->name, ' '))
        return 0;
    size_t il = strlen(id), pl = strlen(p->id);
    return il > pl + 1 && ((id[il - pl - 1] == '-' && strcmp(id + il - pl, p->id) == 0) ||
                           (id[pl] == '-' && strncmp(id, p->id, pl) == 0));
}

/* "ông Mindaugas Neimontas", "bà Neimontas" later: capitalised words after
 * an honorific that the knowledge base does not know are a person of the
 * article; a single word that is the last word of one already named is
 * that person.  A single word after an honorific (`honorific`) that names
 * no one yet is a person known by the surname ("ông Sullivan"): the full
 * name, later in the article or in another one, takes it over.  Returns
 * the tokens taken (0: none). */
static size_t new_person(bn_article *a, const bn_kb *kb, const bn_lang *lang, find_ctx *c, size_t from, size_t i,
                         size_t end, int honorific, bn_status *st)
{
    const uint8_t *at = c->at;
    int payload;
    size_t j = i;
    if (i > 0 && hyphen_joint(a, i))
        return 0; /* the end of a compound: "Trung tâm Carnegie Nga-Á-Âu" */
    int state_in_name = 0;
    while (j < end && j - i < 4) {
        if (j > i && !name_joint(a, j))
            break;
        if (j > i && hyphen_joint(a, j) && !capitalised(a, j)) { /* "Moon Jae-in" */
            j++;
            continue;
        }
        if (!capitalised(a, j) || acronym(a, j) ||
            match_set(a, at, AT_ACTOR_WORDS, lang->actor_words, j, end, &payload))
            break;
        size_t kn = match_set(a, at, AT_KB, bn_kb_matcher(kb), j, end, &payload);
        if (kn) {
            /* "bà Nguyễn Thị Nga", "ông Trần Đức Lương": a one-word state
             * inside a name already begun is a word of the name */
            if (j == i || kn != 1 || state_in_name || bn_kb_get(kb, (size_t)payload)->kind != BN_KIND_COUNTRY)
                break;
            state_in_name = 1;
        }
        j++;
    }
    if (j == i || (j < end && name_joint(a, j) && capitalised(a, j)))
        return 0; /* nothing, or a longer run that is not all a name */
    size_t words = 0;
    for (size_t k = i; k < j; k++)
        words += k == i || !hyphen_joint(a, k);
    if (words >= 3 && place_word(a, at, lang, i))
        i++; /* "thị trưởng Bucha Anatoli Fedoruk" */
    uint32_t start = a->tokens.v[i].start, stop = a->tokens.v[j - 1].end;
    char *id = person_id(a, start, stop);
    if (!id || !*id) {
        *st = id ? BN_OK : BN_ERR_NOMEM;
        return 0;
    }
    /* the same person: the same name, or the last word of the name */
    for (size_t k = 0; k < a->nactors; k++) {
        const bn_actor *p = &a->actors[k];
        if (p->kind != BN_KIND_PERSON)
            continue;
        size_t il = strlen(id), pl = strlen(p->id);
        if (strcmp(p->id, id) == 0 || (j - i == 1 && pl > il + 1 && p->id[pl - il - 1] == '-' &&
                                       strcmp(p->id + pl - il, id) == 0)) {
            *st = mention(a, c, (uint32_t)k, start, stop, i, 1);
            return j - i;
        }
    }
    /* "ông Vương" after "Vương Nghị", "ông Tập": the surname comes first
     * in Chinese, Korean and Vietnamese names; the only person of the
     * article whose name seen begins with the word */
    if (j - i == 1) {
        long only = -1;
        for (size_t k = 0; k < a->nactors && only != -2; k++) {
            const bn_actor *p = &a->actors[k];
            for (size_t n = 0; p->kind == BN_KIND_PERSON && n < p->naliases; n++)
                if (first_word_is(p->aliases[n], a->text.s + start, stop - start)) {
                    only = only == -1 ? (long)k : -2;
                    break;
                }
        }
        if (only >= 0) {
            *st = mention(a, c, (uint32_t)only, start, stop, i, 1);
            return 1;
        }
    }
    if (j - i < 2 && !honorific)
        return 0; /* a lone word never seen in full: perhaps not a name */
    if (j - i < 2 && misspelt(a, c, kb, lang, i, end, &payload))
        return 0; /* "ông Zelenksy": a known name misspelt, the caller's */
    if (j - i < 2) { /* "ông V.Putin": an initial is no surname */
        size_t cps = 0;
        for (uint32_t b = a->tokens.v[i].start; b < a->tokens.v[i].end; b++)
            cps += ((unsigned char)a->text.s[b] & 0xC0) != 0x80;
        if (cps < 2)
            return 0;
    }
    /* the full name of a person first named by the surname */
    for (size_t k = 0; j - i >= 2 && k < a->nactors; k++) {
        bn_actor *p = &a->actors[k];
        if (!surname_of(p, id))
            continue;
        p->id = id;
        p->name = p->name_local = bn_arena_strndup(&a->arena, a->text.s + start, stop - start);
        if (!p->name) {
            *st = BN_ERR_NOMEM;
            return 0;
        }
        if (!p->affiliation)
            p->affiliation = title_affiliation(a, at, lang, from, i);
        *st = mention(a, c, (uint32_t)k, start, stop, i, 1);
        return j - i;
    }
    bn_actor *p = append_actor(a, &c->acap);
    if (!p || (*st = grow_alias_caps(a, c)) != BN_OK) {
        *st = p ? *st : BN_ERR_NOMEM;
        return 0;
    }
    uint32_t ai = (uint32_t)(a->nactors - 1);
    p->id = id;
    p->name = p->name_local = bn_arena_strndup(&a->arena, a->text.s + start, stop - start);
    if (!p->name) {
        *st = BN_ERR_NOMEM;
        return 0;
    }
    p->kind = BN_KIND_PERSON;
    p->from_text = 1;
    p->affiliation = title_affiliation(a, at, lang, from, i);
    if (!p->affiliation)
        p->affiliation = apposition_affiliation(a, at, kb, lang, j, end);
    *st = mention(a, c, ai, start, stop, i, 1);
    return j - i;
}

/* "Zelenksy", "Tổng thống Lithuuania Gitanas Nausea": capitalised words
 * the knowledge base does not know, close to one of its names (the longest
 * run of up to three words first).  Returns the tokens taken (0: none). */
/* The known name the text [s, e) misspells (bn_fuzzy_find), remembered
 * for the article: a page writes the same unknown name again and again. */
static int fuzzy_find(bn_article *a, find_ctx *c, const bn_kb *kb, uint32_t s, uint32_t e)
{
    const char *t = a->text.s;
    if (c->shared)
        return bn_fuzzy_memo_find(c->shared, t + s, e - s);
    if (!c->memo)
        c->memo = bn_arena_calloc(&a->arena, FUZZY_MEMO, sizeof *c->memo);
    if (!c->memo) /* no room to remember: look it up each time */
        return bn_fuzzy_find(bn_kb_fuzzy(kb), t + s, e - s, NULL);
    uint32_t h = 2166136261u;
    for (uint32_t k = s; k < e; k++)
        h = (h ^ (unsigned char)t[k]) * 16777619u;
    struct fuzzy_memo *m = &c->memo[h % FUZZY_MEMO];
    if (m->e && m->e - m->s == e - s && memcmp(t + m->s, t + s, e - s) == 0)
        return m->hit;
    *m = (struct fuzzy_memo){s, e, bn_fuzzy_find(bn_kb_fuzzy(kb), t + s, e - s, NULL)};
    return m->hit;
}

static size_t misspelt(bn_article *a, find_ctx *c, const bn_kb *kb, const bn_lang *lang, size_t i, size_t end,
                       int *payload)
{
    const uint8_t *at = c->at;
    size_t run = 0;
    int p;
    while (i + run < end && run < 3 && capitalised(a, i + run) &&
           (run == 0 || (!match_set(a, at, AT_KB, bn_kb_matcher(kb), i + run, end, &p) &&
                         !match_set(a, at, AT_ACTOR_WORDS, lang->actor_words, i + run, end, &p))))
        run++;
    for (size_t n = run; n > 0; n--) {
        uint32_t s = a->tokens.v[i].start, e = a->tokens.v[i + n - 1].end;
        int hit = fuzzy_find(a, c, kb, s, e);
        if (hit >= 0) {
            *payload = hit;
            return n;
        }
    }
    return 0;
}

/* "thỏa thuận Minsk", "thượng đỉnh Bucharest", "Hiệp định Paris": a
 * capital or seat of n tokens at token i right after a gathering word or
 * a word that takes a place's name names the agreement or the meeting,
 * not its state. */
static int names_agreement(const bn_article *a, const uint8_t *at, const bn_kb *kb, const bn_lang *lang, size_t begin,
                           size_t i, size_t n)
{
    int word, payload;
    if (i == begin || !name_joint(a, i) || /* "Sau thượng đỉnh, Moskva ...": not a name */
        bn_phrases_match(bn_kb_metonyms(kb), a->text.s, &a->tokens, i, i + n, &payload) != n)
        return 0;
    for (size_t k = i; k-- > begin && k + 4 > i;)
        if (match_set(a, at, AT_ACTOR_WORDS, lang->actor_words, k, i, &word) == i - k &&
            (word == BN_AW_NAMED_FOR_PLACE || word == BN_AW_GATHERING))
            return 1;
    return 0;
}

bn_status bn_find_actors(bn_article *a, const bn_kb *kb, const bn_lang *lang)
{
    bn_phrase_starts starts;
    bn_status st = bn_actor_starts_init(&starts, kb, lang);
    if (st == BN_OK)
        st = bn_find_actors_memo(a, kb, lang, NULL, &starts);
    bn_phrase_starts_clear(&starts);
    return st;
}

bn_status bn_find_actors_memo(bn_article *a, const bn_kb *kb, const bn_lang *lang, bn_fuzzy_memo *memo,
                              const bn_phrase_starts *starts)
{
    const bn_phrases *m = bn_kb_matcher(kb);
    find_ctx ctx = {0};
    office_union offices = {{LONG_MIN}, {LONG_MAX}, 1, 0};
    ctx.shared = memo;
    size_t pcap = 0;
    ctx.last_org = ctx.last_country = ctx.last_person = ctx.last_subject = -1;
    ctx.lang = lang->code;
    if (kb_slots_init(&a->arena, &ctx.slot, 64) != BN_OK)
        return BN_ERR_NOMEM;
    const uint8_t *at = ctx.at = token_starts(a, starts);
    if (!at)
        return BN_ERR_NOMEM;
    /* (no room for them: find_gatherings looks the words up again) */
    aw_seen seen = {bn_arena_alloc(&a->arena, a->tokens.n + 1), bn_arena_alloc(&a->arena, (a->tokens.n + 1) * sizeof(int))};
    if (!seen.n || !seen.payload)
        seen.n = NULL;
    else
        memset(seen.n, AW_UNKNOWN, a->tokens.n + 1);
    for (size_t k = 0; k < a->nsentences; k++) {
        const bn_sentence *sn = &a->sentences[k];
        size_t title_end = SIZE_MAX; /* the token after the title being read */
        size_t title_lead = SIZE_MAX; /* its first token */
        int quoted = 0; /* inside a quotation: "ông ấy" is someone the speaker means */
        ctx.sentence = k;
        for (size_t i = sn->tok_begin; i < sn->tok_end;) {
            int payload, word;
            /* a word in lower case that starts no name and no actor word
             * and has no quote before it is nothing here (find_gatherings,
             * finding it not in seen, turns it away by at): stepped over
             * with the others, eight at a time (slice: a mispredict in
             * three of them, one by one) */
            if ((i = next_start(at, AT_KB | AT_ACTOR_WORDS | AT_UPPER | AT_QUOTE, i, sn->tok_end)) == sn->tok_end)
                break;
            if (at[i] & AT_QUOTE) {
                int edge = quote_edge(a, sn->start, i);
                quoted = edge >= 0 ? edge : quoted;
            }
            if (!(at[i] & (AT_KB | AT_ACTOR_WORDS | AT_UPPER))) {
                i++;
                continue;
            }
            size_t n = match_set(a, at, AT_KB, m, i, sn->tok_end, &payload);
            size_t nw = match_set(a, at, AT_ACTOR_WORDS, lang->actor_words, i, sn->tok_end, &word);
            if (seen.n && nw < AW_UNKNOWN) {
                seen.n[i] = (uint8_t)nw;
                seen.payload[i] = nw ? word : 0;
            }
            bn_status st = BN_OK;
            if (nw && (word == BN_AW_NOT_ACTOR || word == BN_AW_MEDIA) && nw >= n) {
                title_end = SIZE_MAX;
                i += nw;
                continue;
            }
            if (nw && word == BN_AW_TITLE && nw >= n) {
                if (i != title_end)
                    title_lead = i;
                title_end = i + nw;
                i += nw;
                continue;
            }
            if (nw && !n && word == BN_AW_LOCATION) {
                size_t name_end = i + nw;
                size_t j = skip_place(a, at, kb, lang, i + nw, sn->tok_end, &name_end);
                if (j > i + nw) { /* where something happens, for the events: its name */
                    bn_span *v = bn_arena_grow(&a->arena, a->places, &pcap, a->nplaces + 1, sizeof *v);
                    if (!v)
                        return BN_ERR_NOMEM;
                    a->places = v;
                    a->places[a->nplaces++] = (bn_span){a->tokens.v[i + nw].start, a->tokens.v[name_end - 1].end};
                }
                j = j > i + nw ? j : i + nw;
                if (title_end == i) /* "Đại sứ Nga tại Anh Andrei Kelin" */
                    title_end = j;
                i = j;
                continue;
            }
            if (nw && !n && (word == BN_AW_ANAPHOR_ORG || word == BN_AW_ANAPHOR_COUNTRY)) {
                long ai = word == BN_AW_ANAPHOR_ORG ? ctx.last_org : ctx.last_country;
                if (ai >= 0 && (st = mention(a, &ctx, (uint32_t)ai, a->tokens.v[i].start,
                                             a->tokens.v[i + nw - 1].end, i, 0)) != BN_OK)
                    return st;
                i += nw;
                continue;
            }
            /* a pronoun: an honorific with no name after it that opens a
             * clause ("Ông cho biết", "“...”, bà nói"), or an anaphor
             * ("nhà lãnh đạo này") */
            if (nw && !n && !quoted &&
                ((word == BN_AW_HONORIFIC && clause_opens(a, sn->tok_begin, i) &&
                  (i + nw == sn->tok_end || !capitalised(a, i + nw))) ||
                 word == BN_AW_ANAPHOR_PERSON)) {
                long ai = person_referred(&ctx, k);
                if (ai >= 0 && (st = mention(a, &ctx, (uint32_t)ai, a->tokens.v[i].start,
                                             a->tokens.v[i + nw - 1].end, i, 0)) != BN_OK)
                    return st;
                i += nw;
                continue;
            }
            if (nw && !n && word == BN_AW_HONORIFIC && i + nw < sn->tok_end &&
                !match_set(a, at, AT_KB, m, i + nw, sn->tok_end, &payload)) {
                ctx.object = object_before(a, at, lang, sn->tok_begin, i);
                size_t taken = new_person(a, kb, lang, &ctx, sn->tok_begin, i + nw, sn->tok_end, 1, &st);
                if (st != BN_OK)
                    return st;
                i += nw + taken;
                continue;
            }
            if (n == 0 && !nw && capitalised(a, i))
                n = misspelt(a, &ctx, kb, lang, i, sn->tok_end, &payload);
            /* "Bộ trưởng Quốc phòng Lithuania Arvydas Anušauskas": a name
             * the knowledge base does not know right after a title and
             * the state or organisation it names */
            if (n == 0 && !nw && i == title_end && acronym(a, i))
                title_end = i + 1; /* "Giám đốc CIA ..." */
            else if (n == 0 && !nw && i == title_end && capitalised(a, i)) {
                ctx.object = object_before(a, at, lang, sn->tok_begin, title_lead != SIZE_MAX ? title_lead : i);
                size_t taken = new_person(a, kb, lang, &ctx, sn->tok_begin, i, sn->tok_end, 0, &st);
                if (st != BN_OK)
                    return st;
                if (taken) {
                    title_end = SIZE_MAX;
                    i += taken;
                    continue;
                }
            }
            if (n == 0) {
                i++;
                continue;
            }
            if (names_agreement(a, at, kb, lang, sn->tok_begin, i, n)) {
                i += n;
                continue;
            }
            const bn_kb_actor *ka = bn_kb_get(kb, (size_t)payload);
            uint32_t start = a->tokens.v[i].start, end = a->tokens.v[i + n - 1].end;
            /* named as an object: "gặp Ngoại trưởng Mỹ Antony Blinken", "với ông Putin" */
            size_t lead = title_end != SIZE_MAX && title_lead != SIZE_MAX && i >= title_lead && i <= title_end + 3
                              ? title_lead
                              : i;
            if (lead > sn->tok_begin &&
                match_set(a, at, AT_ACTOR_WORDS, lang->actor_words, lead - 1, lead, &word) == 1 &&
                word == BN_AW_HONORIFIC)
                lead--;
            ctx.object = object_before(a, at, lang, sn->tok_begin, lead);
            st = add_mention(a, kb, &ctx, (size_t)payload, start, end, i, 1);
            /* a body of two sides acts through them too */
            for (size_t p = 0; st == BN_OK && p < ka->nparties; p++) {
                long side = bn_kb_find(kb, ka->parties[p]);
                if (side >= 0)
                    st = add_mention(a, kb, &ctx, (size_t)side, start, end, i, 0);
            }
            if (st != BN_OK)
                return st;
            /* the title goes on through the state or organisation it
             * names ("Bộ trưởng Quốc phòng Lithuania", "Người phát ngôn
             * Bộ Ngoại giao Trung Quốc") and ends at a person */
            if (ka->kind == BN_KIND_PERSON) {
                title_end = SIZE_MAX;
                date_by_office(a, at, &offices, kb, lang->dates->office_words, (size_t)payload, sn->tok_begin, i);
            } else if (title_end != SIZE_MAX && i >= title_end && i <= title_end + 3) {
                title_end = i + n;
            }
            /* a person the knowledge base knows no office of: the title
             * before the name says whom they speak for */
            bn_actor *act = &a->actors[kb_slot_get(&ctx.slot, (size_t)payload) - 1];
            if (ka->kind == BN_KIND_PERSON && ka->nroles == 0 && !act->affiliation)
                act->affiliation = title_affiliation(a, at, lang, sn->tok_begin, i);
            i += n;
        }
    }
    /* the terms of the offices named, together, may bound the writing
     * closer than each office's first start and last end */
    if (!offices.off) {
        long first = LONG_MAX, last = LONG_MIN;
        for (size_t q = 0; q < offices.n; q++) {
            first = offices.from[q] < first ? offices.from[q] : first;
            last = offices.to[q] > last ? offices.to[q] : last;
        }
        if (first > a->written_after)
            a->written_after = first;
        if (last < a->written_before)
            a->written_before = last;
    }
    date_by_new_office(a, kb, lang->dates->office_words, at);
    return find_gatherings(a, kb, lang, &ctx.slot, &seen, at);
}

/* The article's actor for knowledge-base actor k, added when new (with no
 * mention yet). */
static long actor_of(bn_article *a, const bn_kb *kb, const char *lang, size_t k, size_t *acap)
{
    const bn_kb_actor *ka = bn_kb_get(kb, k);
    for (size_t i = 0; i < a->nactors; i++)
        if (a->actors[i].id == ka->id)
            return (long)i;
    return append_kb_actor(a, acap, ka, lang) ? (long)a->nactors - 1 : -1;
}

/* Whether person p holds one of the roles refs (sorted by person) over
 * [lo, hi]. */
/* Whether a role is of one of the states or organisations `orgs` (the
 * names written inside the title: "ông chủ Nhà Trắng"); any when none. */
static int of_orgs(const bn_kb_role *role, const char *const *orgs, size_t norgs)
{
    for (size_t k = 0; k < norgs; k++)
        if (strcmp(role->org, orgs[k]) == 0)
            return 1;
    return norgs == 0;
}

static int holds(const bn_kb *kb, const bn_kb_ref *refs, size_t nrefs, size_t p, long lo, long hi,
                 const char *const *orgs, size_t norgs)
{
    size_t l = 0, h = nrefs;
    while (l < h) {
        size_t mid = l + (h - l) / 2;
        if (refs[mid].item < p)
            l = mid + 1;
        else
            h = mid;
    }
    for (; l < nrefs && refs[l].item == p; l++) {
        const bn_kb_role *role = &bn_kb_get(kb, p)->roles[refs[l].sub];
        if (role->from <= lo && hi < role->to && of_orgs(role, orgs, norgs))
            return 1;
    }
    return 0;
}

/* Whether the article names the actor with this id: an office named alone
 * ("Thái tử", "Tổng thư ký") is of an organisation or state the article
 * speaks of. */
static int names_actor(const bn_article *a, const char *id)
{
    for (size_t i = 0; i < a->nactors; i++)
        if (strcmp(a->actors[i].id, id) == 0)
            return 1;
    return 0;
}

static int mention_order(const void *va, const void *vb)
{
    const bn_mention *x = va, *y = vb;
    return (x->start > y->start) - (x->start < y->start);
}

/* The days the article was written in: [lo, hi]; 0 when unknown or wider
 * than a year. */
static int writing_window(const bn_article *a, long *lo, long *hi)
{
    if (a->dct.year)
        return bn_date_days(&a->dct, lo, hi);
    if (a->written_after == LONG_MIN || a->written_before == LONG_MAX || a->written_before - a->written_after > 366)
        return 0;
    *lo = a->written_after;
    *hi = a->written_before;
    return 1;
}

static const char *affiliation(const bn_kb *kb, const bn_kb_actor *p, int dated, long lo, long hi)
{
    if (dated)
        for (size_t r = 0; r < p->nroles; r++)
            if (p->roles[r].from <= lo && hi < p->roles[r].to)
                return p->roles[r].org;
    for (size_t r = 1; r < p->nroles; r++)
        if (strcmp(p->roles[r].org, p->roles[0].org) != 0)
            return p->nationality;
    (void)kb;
    return p->nroles ? p->roles[0].org : p->nationality;
}

/* The days a dated expression covers: a day, or a whole month or year
 * with its year known ("Năm 2016, Tổng thư ký NATO khi đó": held all of
 * 2016 by one person).  0 for anything else. */
static int timex_days(const bn_timex *t, long *lo, long *hi)
{
    bn_precision p = t->value.precision;
    if (t->has_end || t->mod != BN_DATE_MOD_NONE || (p != BN_PREC_DAY && p != BN_PREC_MONTH && p != BN_PREC_YEAR))
        return 0;
    return bn_timex_days(t, lo, hi);
}

bn_status bn_link_offices(bn_article *a, const bn_kb *kb, const bn_lang *lang)
{
    long wlo = 0, whi = 0;
    int dated = writing_window(a, &wlo, &whi);
    size_t acap = a->nactors, mcap = a->nmentions, added = 0;
    const bn_phrases *titles = bn_kb_titles(kb);
    size_t nm = a->nmentions; /* those found by name, in text order; the offices come after */
    size_t tx = 0, next = 0;  /* the first date, the first mention, not before the sentence */
    /* the knowledge-base index of each person named so far, looked up once:
     * each office asks it of every person named before it */
    size_t nnamed = a->nactors;
    long *kbi = bn_arena_alloc(&a->arena, (nnamed + 1) * sizeof *kbi);
    if (!kbi)
        return BN_ERR_NOMEM;
    for (size_t i = 0; i < nnamed; i++)
        kbi[i] = a->actors[i].kind == BN_KIND_PERSON && !a->actors[i].from_text ? bn_kb_find(kb, a->actors[i].id) : -1;
    for (size_t k = 0; titles && k < a->nsentences; k++) {
        const bn_sentence *sn = &a->sentences[k];
        /* a day of the sentence with its year dates the office better
         * than the writing: "Ngày 24/2/2022, Tổng thống Nga tuyên bố" */
        long lo = wlo, hi = whi;
        int when = dated;
        uint32_t frame = UINT32_MAX; /* where a month or a year of the sentence is written */
        while (tx < a->ntimexes && a->timexes[tx].start < sn->start)
            tx++;
        for (size_t t = tx; t < a->ntimexes && a->timexes[t].start < sn->end; t++)
            if (timex_days(&a->timexes[t], &lo, &hi)) {
                if (a->timexes[t].value.precision != BN_PREC_DAY)
                    frame = a->timexes[t].start;
                when = 1;
                break;
            }
        if (!when)
            continue;
        for (size_t i = sn->tok_begin; i < sn->tok_end;) {
            int payload;
            size_t n = bn_phrases_match(titles, a->text.s, &a->tokens, i, sn->tok_end, &payload);
            if (n < 2) {
                i++;
                continue;
            }
            /* a month or a year dates an office written after it ("Năm
             * 2016, Tổng thư ký NATO khi đó"); one after the office is
             * often another clause's ("Tổng thống Mỹ rút khỏi thỏa thuận
             * ký năm 2015"): then the writing dates it */
            long olo = lo, ohi = hi;
            if (frame != UINT32_MAX && a->tokens.v[i].start < frame) {
                if (!dated) {
                    i += n;
                    continue;
                }
                olo = wlo;
                ohi = whi;
            }
            /* a person named right after it is the holder already */
            while (next < nm && a->mentions[next].tok < i + n)
                next++;
            int named = next < nm && a->mentions[next].tok <= i + n + 3 &&
                        a->actors[a->mentions[next].actor].kind == BN_KIND_PERSON;
            int qualifier = 0; /* "cựu Tổng thống Mỹ": not the holder then */
            if (i > sn->tok_begin &&
                bn_phrases_match(lang->dates->office_words, a->text.s, &a->tokens, i - 1, i, &qualifier) == 1 &&
                qualifier < 0)
                named = 1;
            /* "Ngoại trưởng Lithuania", "Người đứng đầu Bộ Ngoại giao":
             * qualified by a name the phrase does not hold, not this office */
            if (i + n < sn->tok_end && name_joint(a, i + n) && capitalised(a, i + n))
                named = 1;
            size_t nrefs, holder = SIZE_MAX, holders = 0, named_before = SIZE_MAX, nnamed_before = 0;
            const char *holder_org = NULL;
            const bn_kb_ref *refs = bn_kb_title(kb, payload, &nrefs);
            /* a state or organisation named inside the title ("ông chủ
             * Nhà Trắng", "Tổng thống Nga"): only its office */
            const char *orgs[4];
            size_t norgs = 0;
            for (size_t m = 0; m < nm && a->mentions[m].tok < i + n; m++) {
                const bn_actor *o = &a->actors[a->mentions[m].actor];
                if (a->mentions[m].tok >= i && o->kind != BN_KIND_PERSON && norgs < 4)
                    orgs[norgs++] = o->id;
            }
            /* the holders then, up to two: enough to know there is one */
            for (size_t r = 0; !named && r < nrefs && holders < 2; r++) {
                const bn_kb_role *role = &bn_kb_get(kb, refs[r].item)->roles[refs[r].sub];
                if (role->from <= olo && ohi < role->to && refs[r].item != holder && of_orgs(role, orgs, norgs)) {
                    holder = refs[r].item;
                    holder_org = role->org;
                    holders++;
                }
            }
            /* the people named before it who held it then: the article's
             * few, each looked up in the refs (sorted by person), so the
             * cost does not grow with the knowledge base */
            for (size_t m = 0; !named && m < nm && a->mentions[m].tok < i; m++) {
                long p = a->mentions[m].actor < nnamed ? kbi[a->mentions[m].actor] : -1;
                if (p < 0 || (size_t)p == named_before || !holds(kb, refs, nrefs, (size_t)p, olo, ohi, orgs, norgs))
                    continue;
                if (nnamed_before == 0 || (size_t)p != named_before)
                    nnamed_before++;
                named_before = (size_t)p;
            }
            /* "Nhà lãnh đạo Nga", "người đứng đầu Ukraine", "Nhà lãnh đạo"
             * alone: of those who held it then, the one the article named
             * before; else the only one */
            if (nnamed_before == 1) {
                holder = named_before;
                holders = 1;
            } else if (holders == 1 && !names_actor(a, holder_org)) {
                holders = 0; /* "Thái tử" alone in an article on no kingdom of the KB's */
            }
            if (holders == 1) {
                long ai = actor_of(a, kb, lang->code, holder, &acap);
                /* a person read inside the title is its first word taken
                 * for a pronoun ("Ông chủ Nhà Trắng"): the holder instead */
                size_t in = 0;
                while (ai >= 0 && in < nm &&
                       !(a->mentions[in].tok == i && a->actors[a->mentions[in].actor].kind == BN_KIND_PERSON))
                    in++;
                if (ai >= 0 && in < nm) {
                    a->actors[a->mentions[in].actor].mentions--;
                    a->mentions[in].actor = (uint32_t)ai;
                    a->mentions[in].start = a->tokens.v[i].start;
                    a->mentions[in].end = a->tokens.v[i + n - 1].end;
                    a->actors[ai].mentions++;
                    i += n;
                    continue;
                }
                bn_mention *mv = ai < 0 ? NULL : bn_arena_grow(&a->arena, a->mentions, &mcap, a->nmentions + 1, sizeof *mv);
                if (!mv)
                    return BN_ERR_NOMEM;
                a->mentions = mv;
                a->mentions[a->nmentions++] = (bn_mention){a->tokens.v[i].start, a->tokens.v[i + n - 1].end,
                                                           (uint32_t)ai, (uint32_t)i};
                a->actors[ai].mentions++;
                added++;
            }
            i += n;
        }
    }
    if (added)
        qsort(a->mentions, a->nmentions, sizeof *a->mentions, mention_order);
    for (size_t i = 0; i < a->nactors; i++) {
        bn_actor *act = &a->actors[i];
        long k = act->kind == BN_KIND_PERSON && !act->from_text ? bn_kb_find(kb, act->id) : -1;
        if (k >= 0 && !(act->affiliation && bn_kb_get(kb, (size_t)k)->nroles == 0))
            act->affiliation = affiliation(kb, bn_kb_get(kb, (size_t)k), dated, wlo, whi);
    }
    return BN_OK;
}
