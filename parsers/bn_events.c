#include "bn_events.h"
#include "bn_dates.h"
#include "bn_sentences.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* A trigger found in a sentence. */
typedef struct trig {
    size_t tok, ntok;
    int index;      /* into lang->triggers */
    size_t clause;  /* index into the sentence's clauses */
    int noun;       /* a noun ("việc phê chuẩn"): never dated by the publication date */
    int marked;     /* a noun by a marker before it ("các lệnh trừng phạt"): owns only a date close after it */
    int undated;    /* after "trước đó", "thường": likewise */
    size_t passive; /* the token of "được"/"bị" before it, or SIZE_MAX: the actors before that are acted on */
    int setting;    /* a gathering right after "tại", "bên lề": where another event happens */
    int after_quote;/* its clause opens after a closing quote: "“...”, ông X nói hôm 1/2" */
    int coordinated;/* right after "và": a second act of its clause's subject ("họp và lên án") */
    size_t owner;   /* the first token of the actor whose act a noun names ("cuộc tấn công của Iran"), or SIZE_MAX */
    size_t reach;   /* where its places end: the next act of another clause ("..., trong một lễ ký tại Istanbul") */
    size_t skip_lo, skip_hi; /* tokens whose actors are not its own: another act's objects */
} trig;

/* The sentence being read: its clauses (token ranges), mentions, dates
 * and triggers. */
typedef struct sent {
    const bn_sentence *sn;
    size_t m_lo, m_hi;  /* mentions */
    size_t t_lo, t_hi;  /* timexes */
    size_t p_lo, p_hi;  /* places */
    const bn_timex *dct; /* the publication date as a date, or NULL */
    int caption;         /* "... (Nguồn: Reuters)": a photo's caption */
    size_t *clause_at;  /* per token of the sentence: its clause */
    size_t nclauses;
    trig *trigs;
    size_t ntrigs;
    struct counted *counted; /* events dated from another act of the article, to date at the end */
    size_t ncounted, ccap;
} sent;

/* An event whose day is counted from another act ("Một ngày trước khi Nga
 * tuyên bố các lệnh trừng phạt, Tổng thống Mỹ Joe Biden đã ký ..."): dated
 * once the article's events are known, from the one event of that act's
 * kind and doer that has a day of its own. */
#define COUNTED_ACTORS 8
typedef struct counted {
    uint32_t trigger;  /* the event's trigger (clean-text offset): its key */
    long days;         /* from the other act to it */
    int by_dct;        /* dated by the publication date when no act is found, else dropped */
    unsigned types;    /* the other act's kinds: a bit per event type of its clause's triggers */
    const char *ids[COUNTED_ACTORS]; /* the actors named in its clause */
    size_t nids;
} counted;

static int verbal(bn_event_type t)
{
    return bn_event_type_record_of(t)->verbal;
}

/* A statement or a verbal act: something said. */
static int spoken(bn_event_type t)
{
    return bn_event_family(t) == BN_FAMILY_SPEECH;
}

/* Modality: "không" in the few words before the trigger, "sẽ" and the
 * hypothetical words ("nếu", "cân nhắc") anywhere before it in its clause. */
static bn_modality modality_of(const bn_article *a, const bn_lang *lang, size_t from, size_t trig_tok)
{
    bn_modality mod = BN_MOD_ASSERTED;
    for (size_t i = from; i < trig_tok;) {
        int payload;
        size_t n = bn_phrases_match(lang->modality_matcher, a->text.s, &a->tokens, i, trig_tok, &payload);
        if (n == 0) {
            i++;
            continue;
        }
        if (payload == BN_MOD_HYPOTHETICAL || payload == BN_MOD_CONDITIONAL)
            return BN_MOD_HYPOTHETICAL;
        if (payload == BN_MOD_ASSERTED) { /* "không người lái" */
            i += n;
            continue;
        }
        /* "sẽ" holds for its whole clause ("EU sẽ sớm bắt đầu xem xét vòng
         * trừng phạt"); "không" only for the verb right after it */
        if (trig_tok - i <= 3 || payload == BN_MOD_PLANNED)
            mod = (bn_modality)payload;
        i += n;
    }
    return mod;
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Whether a colon or an opening quote comes right before token i: what a
 * speech verb before it says ("nói: “Nga đã tấn công ...”"). */
static int quote_opens(const bn_article *a, size_t i)
{
    if (i == 0)
        return 0;
    for (uint32_t q = a->tokens.v[i - 1].end; q < a->tokens.v[i].start; q++) {
        if (a->text.s[q] == ':' || bn_curly_quote(a->text.s + q, a->text.s + a->tokens.v[i].start) == 1)
            return 1;
        if (a->text.s[q] == '"' && (q + 1 == a->tokens.v[i].start || a->text.s[q + 1] != ' '))
            return 1;
    }
    return 0;
}

/* Whether the text between tokens i-1 and i closes a quotation: ” or a
 * '"' right after the quote's last word ("...", ông X nói). */
static int closes_quote(const bn_article *a, size_t i)
{
    const char *b = a->text.s + a->tokens.v[i - 1].end, *e = a->text.s + a->tokens.v[i].start;
    for (const char *p = b; p < e; p++) {
        if (*p == '"' && (p == b || p[-1] != ' '))
            return 1;
        if (bn_curly_quote(p, e) == 2)
            return 1;
    }
    return 0;
}

/* The words between trigger t and date x after it; with `skip_names`,
 * not counting those of actors' names. */
static size_t words_between(const bn_article *a, const sent *s, const trig *t, const bn_timex *x, int skip_names)
{
    size_t gap = 0, m = s->m_lo;
    for (size_t i = t->tok + t->ntok; i < s->sn->tok_end && a->tokens.v[i].start < x->start; i++) {
        while (skip_names && m < s->m_hi && a->mentions[m].end <= a->tokens.v[i].start)
            m++;
        gap += !(skip_names && m < s->m_hi && a->mentions[m].start <= a->tokens.v[i].start);
    }
    return gap;
}

static size_t clause_of_offset(const bn_article *a, const sent *s, uint32_t off)
{
    const bn_sentence *sn = s->sn;
    size_t lo = sn->tok_begin, hi = sn->tok_end;
    while (lo < hi) { /* the last token starting at or before off */
        size_t mid = lo + (hi - lo) / 2;
        if (a->tokens.v[mid].start <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t t = lo > sn->tok_begin ? lo - 1 : sn->tok_begin;
    return s->clause_at[t - sn->tok_begin];
}

/* Whether date x of sentence s dates no act: after a since_words phrase
 * ("kể từ"), or in a clause one opens, a point things are counted from
 * ("vụ phóng đầu tiên kể từ tháng 7"); right after a compare_words phrase
 * ("so với cùng kỳ"), a point compared with; a year after a year_nouns
 * phrase, the name of what it follows. */
static int dates_no_act(const bn_article *a, const bn_lang *lang, const sent *s, const bn_timex *x)
{
    size_t lo = bn_tokens_at(&a->tokens, x->start);
    if (bn_word_before(a, lang, lo, 1u << BN_EW_SINCE | 1u << BN_EW_COMPARE))
        return 1;
    /* "Kể từ khi mở chiến dịch quân sự ở Ukraine ngày 24/2, Nga nhiều lần
     * khẳng định": a date in a clause a since_words phrase opens */
    size_t c = clause_of_offset(a, s, x->start), f = s->sn->tok_begin;
    while (f < s->sn->tok_end && s->clause_at[f - s->sn->tok_begin] != c)
        f++;
    for (size_t n = 0; n <= 3 && n <= f - s->sn->tok_begin; n++) {
        int payload;
        size_t m = bn_phrases_match(lang->event_words, a->text.s, &a->tokens, f - n, s->sn->tok_end, &payload);
        if (m && payload == BN_EW_SINCE && m >= n)
            return 1;
    }
    /* "Từ năm 2014, ...": a year after "từ" that ends its clause */
    if (x->value.precision == BN_PREC_YEAR && lo > 0 && x->end_off < a->text.len &&
        a->text.s[x->end_off] == ',') {
        int payload;
        if (bn_phrases_match(lang->event_words, a->text.s, &a->tokens, lo - 1, lo, &payload) == 1 &&
            payload == BN_EW_SINCE_YEAR)
            return 1;
    }
    /* "cuộc bầu cử tổng thống Mỹ năm 2016", "Công ước Montreux năm 1936" */
    for (size_t n = 1; x->value.precision == BN_PREC_YEAR && n <= 6 && n <= lo; n++) {
        int payload;
        size_t m = bn_phrases_match(lang->event_words, a->text.s, &a->tokens, lo - n, lo, &payload);
        if (m && payload == BN_EW_YEAR_NOUN)
            return 1;
    }
    return 0;
}

/* Whether the clause before the one starting at token cstart opens a
 * condition after its last trigger ("cảnh báo nếu phương Tây tiếp tục leo
 * thang, Nga sẽ tấn công"): the clause at cstart is what would follow. */
static int conditional_before(const bn_article *a, const bn_lang *lang, const sent *s, size_t cstart)
{
    if (cstart == s->sn->tok_begin)
        return 0;
    size_t prev = s->clause_at[cstart - 1 - s->sn->tok_begin], from = cstart - 1;
    while (from > s->sn->tok_begin && s->clause_at[from - 1 - s->sn->tok_begin] == prev)
        from--;
    for (size_t k = 0; k < s->ntrigs; k++)
        if (s->trigs[k].clause == prev && s->trigs[k].tok + s->trigs[k].ntok > from)
            from = s->trigs[k].tok + s->trigs[k].ntok;
    for (size_t i = from; i < cstart; i++) {
        int payload;
        if (bn_phrases_match(lang->modality_matcher, a->text.s, &a->tokens, i, cstart, &payload) &&
            payload == BN_MOD_CONDITIONAL)
            return 1;
    }
    return 0;
}

/* Whether no planned or hypothetical word lies in tokens [from, to): an
 * undated event there is told as done or as not done ("Nga sẽ hạn chế các
 * cuộc tập trận" is neither). */
static int plain_clause(const bn_article *a, const bn_lang *lang, size_t from, size_t to)
{
    int payload;
    for (size_t i = from; i < to; i++)
        if (bn_phrases_match(lang->modality_matcher, a->text.s, &a->tokens, i, to, &payload) &&
            payload != BN_MOD_NEGATED && payload != BN_MOD_ASSERTED)
            return 0;
    return 1;
}

/* clause_break over the text from `from` to token i. */
static int clause_break_in(const bn_article *a, size_t i, uint32_t from)
{
    for (uint32_t p = from; p < a->tokens.v[i].start; p++) {
        unsigned char c = (unsigned char)a->text.s[p];
        if (c == ',' && p > 0 && is_digit(a->text.s[p - 1]) && is_digit(a->text.s[p + 1]))
            continue; /* "20,9 tỷ" */
        if (c == ',' || c == ';' || c == ':' || c == '"')
            return 1;
        if (bn_curly_quote(a->text.s + p, a->text.s + a->tokens.v[i].start))
            return 1;
    }
    return 0;
}

/* Whether the text between tokens i-1 and i ends a clause: , ; : or a
 * quotation mark.  Brackets do not: "tại Brussels (Bỉ) vào ngày 17/10"
 * is one clause.  (Inline for most gaps, one space.) */
static inline int clause_break(const bn_article *a, size_t i)
{
    uint32_t from = a->tokens.v[i - 1].end;
    if (a->tokens.v[i].start - from == 1 && a->text.s[from] == ' ')
        return 0;
    return clause_break_in(a, i, from);
}

/* Whether a past marker ("đã", "vừa") ends right before token i. */
static int past_marker_before(const bn_article *a, const bn_lang *lang, size_t i)
{
    for (size_t n = 1; n <= 2 && n <= i; n++) {
        int payload;
        if (bn_phrases_match(lang->dates->tense, a->text.s, &a->tokens, i - n, i, &payload) == n && payload == -1)
            return 1;
    }
    return 0;
}

/* Whether a force follows token i, past counts and counters ("hai",
 * "thêm", "chiếc", "các"): what a deploying verb moves ("điều thêm hai
 * tàu chiến"), unless a force_results word soon after says it is made
 * into something ("thành"). */
static int force_after(const bn_article *a, const bn_lang *lang, size_t i, size_t end)
{
    for (size_t stop = i + 5; i < end && i < stop;) {
        int payload;
        size_t n = bn_phrases_match(lang->force_words, a->text.s, &a->tokens, i, end, &payload);
        if (n && payload == 1) {
            /* "đưa quân đội nước này thành một thế lực": made into, not moved */
            for (size_t k = i + n; k < end && k < i + n + 4; k++)
                if (bn_phrases_match(lang->force_words, a->text.s, &a->tokens, k, end, &payload) && payload == 3)
                    return 0;
            return 1;
        }
        if (!n && !(n = bn_phrases_match(lang->dates->numbers, a->text.s, &a->tokens, i, end, &payload)) &&
            !is_digit(a->text.s[a->tokens.v[i].start])) {
            n = bn_phrases_match(lang->event_words, a->text.s, &a->tokens, i, end, &payload);
            if (!n || payload != BN_EW_NOUN)
                return 0;
        }
        i += n ? n : 1;
    }
    return 0;
}

/* Splits the sentence into clauses and finds its triggers (not inside a
 * name, a title or a news outlet's name). */
static bn_status read_sentence(bn_article *a, const bn_lang *lang, sent *s, size_t *tcap)
{
    const bn_sentence *sn = s->sn;
    size_t ntok = sn->tok_end - sn->tok_begin;
    s->clause_at = bn_arena_alloc(&a->arena, (ntok ? ntok : 1) * sizeof *s->clause_at);
    if (!s->clause_at)
        return BN_ERR_NOMEM;
    s->nclauses = 1;
    s->ntrigs = 0;
    s->caption = 0;
    /* mark_end: the token after a run of noun markers, after a light verb
     * when `light` ("đưa ra các yêu cầu"); passive_end: after "được" */
    size_t mk = s->m_lo, mark_end = SIZE_MAX, generic_end = SIZE_MAX, passive_end = SIZE_MAX, place_end = SIZE_MAX,
           and_end = SIZE_MAX;
    int undated = 0, light = 0, quote_closed = 0;
    size_t joined = SIZE_MAX; /* the token after a content word: no clause break before it */
    for (size_t i = sn->tok_begin; i < sn->tok_end;) {
        int payload;
        while (mk < s->m_hi && a->mentions[mk].end <= a->tokens.v[i].start)
            mk++;
        int in_name = mk < s->m_hi && a->mentions[mk].start <= a->tokens.v[i].start;
        /* "gia hạn thêm 6 tháng các biện pháp trừng phạt": how long, between
         * a light verb and what it applies */
        if (light && i == mark_end && i + 2 < sn->tok_end && !clause_break(a, i) && !clause_break(a, i + 1) &&
            (is_digit(a->text.s[a->tokens.v[i].start]) ||
             bn_phrases_match(lang->dates->numbers, a->text.s, &a->tokens, i, i + 1, &payload))) {
            s->clause_at[i - sn->tok_begin] = s->clause_at[i + 1 - sn->tok_begin] = s->nclauses - 1;
            mark_end = i + 2;
            i += 2;
            continue;
        }
        size_t nc = bn_phrases_match(lang->event_words, a->text.s, &a->tokens, i, sn->tok_end, &payload);
        int opens = nc && (payload == BN_EW_CLAUSE || payload == BN_EW_CONTENT || payload == BN_EW_PURPOSE);
        if (nc && payload == BN_EW_PURPOSE)
            generic_end = i + nc; /* "nhằm thảo luận các đề xuất": what the meeting is for */
        if (nc && (payload == BN_EW_DOCUMENT || payload == BN_EW_SINCE_YEAR || (in_name && !opens)))
            nc = 0; /* read by enacted() or dates_no_act(), may begin a trigger ("lệnh trừng phạt", "từ chối");
                     * "Bản" of "Nhật Bản" */
        if (nc && !opens) { /* a word that says how to read a trigger after it */
            if (i > sn->tok_begin && i != joined && clause_break(a, i))
                s->nclauses++;
            for (size_t k = 0; k < nc; k++)
                s->clause_at[i + k - sn->tok_begin] = s->nclauses - 1;
            if (payload == BN_EW_LIGHT || payload == BN_EW_NOUN) {
                if (i != mark_end)
                    light = payload == BN_EW_LIGHT;
                mark_end = i + nc;
            } else if (payload == BN_EW_PASSIVE)
                passive_end = i + nc;
            else if (payload == BN_EW_SETTING)
                place_end = i + nc;
            else if (payload == BN_EW_GENERIC)
                generic_end = i + nc;
            else if (payload == BN_EW_AND)
                and_end = i + nc;
            else if (payload == BN_EW_UNDATED)
                undated = 1;
            else if (payload == BN_EW_CAPTION && bn_credit_at(a, lang, i, sn->tok_end))
                s->caption = 1;
            i += nc;
            continue;
        }
        if (i > sn->tok_begin && ((i != joined && clause_break(a, i)) || nc))
            s->nclauses++;
        if (nc && payload == BN_EW_CONTENT)
            joined = i + nc; /* "nói rằng, Nga đã ...": what is said goes on past the comma */
        if (i > sn->tok_begin && closes_quote(a, i)) {
            quote_closed = 1; /* the next trigger is the speech's: "“...”, ông X, cố vấn ..., cho biết hôm 16/4" */
            undated = 0;      /* a word of the quote ("“Đó là ...”") says nothing of the speech */
        }
        s->clause_at[i - sn->tok_begin] = s->nclauses - 1;
        if (nc) {
            for (size_t k = 1; k < nc; k++)
                s->clause_at[i + k - sn->tok_begin] = s->nclauses - 1;
            i += nc;
            continue;
        }
        /* a word of a title or of a news outlet's name is no trigger ("ký"
         * of "Tổng thư ký") */
        size_t nw = bn_phrases_match(lang->actor_words, a->text.s, &a->tokens, i, sn->tok_end, &payload);
        if (nw && payload == BN_AW_LOCATION) {
            place_end = i + nw;
            i += nw;
            continue;
        }
        if (nw && (payload == BN_AW_TITLE || payload == BN_AW_MEDIA)) {
            for (size_t k = 1; k < nw; k++)
                s->clause_at[i + k - sn->tok_begin] = s->nclauses - 1;
            i += nw;
            continue;
        }
        if (in_name) {
            i++;
            continue;
        }
        size_t n = bn_phrases_match(lang->trigger_matcher, a->text.s, &a->tokens, i, sn->tok_end, &payload);
        if (n == 0) {
            i++;
            continue;
        }
        for (size_t k = 1; k < n; k++)
            s->clause_at[i + k - sn->tok_begin] = s->nclauses - 1;
        int noun = i == mark_end && !light, after;
        if (i + n < sn->tok_end &&
            bn_phrases_match(lang->event_words, a->text.s, &a->tokens, i + n, sn->tok_end, &after) &&
            after == BN_EW_NOUN_AFTER)
            noun = 1; /* "yêu cầu của ba nước" */
        /* "những đề xuất của Nga", "mối đe dọa": what was said, named */
        if (payload >= 0 && noun && spoken(lang->triggers[payload].type))
            payload = -1;
        if (generic_end != SIZE_MAX && i <= generic_end + 2)
            payload = -1; /* "bất kỳ cuộc đàm phán nào" */
        if (payload >= 0 && lang->triggers[payload].deploys && !force_after(a, lang, i + n, sn->tok_end))
            payload = -1; /* "điều này", "đưa tin" */
        if (payload >= 0) {
            trig *v = bn_arena_grow(&a->arena, s->trigs, tcap, s->ntrigs + 1, sizeof *v);
            if (!v)
                return BN_ERR_NOMEM;
            s->trigs = v;
            /* "Nga bị trừng phạt", "Nga bị Mỹ trừng phạt": the passive word
             * shortly before it, in its clause */
            size_t pas = passive_end != SIZE_MAX && i >= passive_end && i - passive_end <= 3 &&
                                 s->clause_at[passive_end - 1 - sn->tok_begin] == s->nclauses - 1
                             ? passive_end - 1
                             : SIZE_MAX;
            bn_event_type ty = lang->triggers[payload].type;
            /* a gathering noun ("tại cuộc họp", "ở hội nghị"), not a verb ("đang ở thăm Ukraine") */
            int setting = (ty == BN_EV_MEETING || ty == BN_EV_STATEMENT) && i == place_end && n > 1;
            /* "Tillerson đang ở thăm Ukraine đã lên tiếng hối thúc Nga": a
             * past verb after an act of its clause is a second act too */
            int second = i == and_end || (!noun && s->ntrigs > 0 && s->trigs[s->ntrigs - 1].clause == s->nclauses - 1 &&
                                          !spoken(lang->triggers[s->trigs[s->ntrigs - 1].index].type) &&
                                          past_marker_before(a, lang, i));
            s->trigs[s->ntrigs++] = (trig){i,       n,       payload,      s->nclauses - 1, noun, i == mark_end && !light,
                                           undated, pas,     setting,      quote_closed,    second,  SIZE_MAX,
                                           SIZE_MAX, SIZE_MAX, SIZE_MAX};
            quote_closed = 0;
        }
        i += n;
    }
    return BN_OK;
}


/* The actor whose act trigger t names, after it: "cuộc tấn công hôm 13/4
 * của Iran" (after "của", a date may come between), "Hội nghị thượng đỉnh
 * NATO" (a gathering with no subject before it, its convener right after
 * it).  Its first token, or SIZE_MAX. */
static size_t owner_of(const bn_article *a, const bn_lang *lang, const sent *s, const trig *t, int subject)
{
    size_t i = t->tok + t->ntok, end = s->sn->tok_end;
    size_t m = s->m_lo;
    while (m < s->m_hi && a->mentions[m].tok < i)
        m++;
    if (m < s->m_hi && a->mentions[m].tok == i)
        return !subject && lang->triggers[t->index].type == BN_EV_MEETING ? i : SIZE_MAX;
    for (size_t x = s->t_lo; x < s->t_hi && i < end; x++)
        if (a->timexes[x].start == a->tokens.v[i].start) /* "hôm 13/4" */
            while (i < end && a->tokens.v[i].start < a->timexes[x].end_off)
                i++;
    int payload;
    size_t n;
    if (i >= end || s->clause_at[i - s->sn->tok_begin] != t->clause ||
        !(n = bn_phrases_match(lang->event_words, a->text.s, &a->tokens, i, end, &payload)) ||
        payload != BN_EW_NOUN_AFTER)
        return SIZE_MAX;
    while (m < s->m_hi && a->mentions[m].tok < i + n)
        m++;
    return m < s->m_hi && a->mentions[m].tok == i + n ? i + n : SIZE_MAX;
}

static bn_status add_event(bn_article *a, size_t *cap, const sent *s, const trig *tr, const bn_trigger *lex,
                           const bn_timex *date, bn_date_source dsrc, size_t src_lo, size_t tgt_hi, bn_modality mod,
                           double confidence)
{
    bn_arena *ar = &a->arena;
    const bn_sentence *sn = s->sn;
    uint32_t trig_start = a->tokens.v[tr->tok].start;
    uint32_t trig_end = a->tokens.v[tr->tok + tr->ntok - 1].end;
    /* the mentions between the start of its subject and the end of its
     * objects */
    size_t m_lo = s->m_lo, m_hi = s->m_lo;
    while (m_lo < s->m_hi && a->mentions[m_lo].tok < src_lo)
        m_lo++;
    m_hi = m_lo;
    while (m_hi < s->m_hi && a->mentions[m_hi].tok < tgt_hi)
        m_hi++;
    if (m_lo == m_hi)
        return BN_OK; /* no actor: no event */

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
    e->date_source = dsrc;
    e->location = NULL;
    /* where: the first place after the trigger within its reach, else the
     * last one before it in the sentence ("Tại Geneva, hai bên đã hội đàm") */
    uint32_t reach = tr->reach < sn->tok_end ? a->tokens.v[tr->reach].start : sn->end;
    /* what a speaker says is not where it is said: after a verbal act
     * only a place of the verb's own clause is its own ("cho biết tại
     * cuộc họp báo ở Brussels", not "cho biết, phái bộ ... đặt tại
     * Wiesbaden") */
    if (spoken(lex->type)) {
        size_t said = tr->tok + tr->ntok;
        while (said < sn->tok_end && s->clause_at[said - sn->tok_begin] == tr->clause)
            said++;
        if (said < sn->tok_end && a->tokens.v[said].start < reach)
            reach = a->tokens.v[said].start;
    }
    const bn_span *where = NULL;
    for (size_t p = s->p_lo; p < s->p_hi && a->places[p].start < reach; p++) {
        where = &a->places[p];
        if (where->start >= trig_start)
            break;
    }
    if (where && !(e->location = bn_arena_strndup(ar, a->text.s + where->start, where->end - where->start)))
        return BN_ERR_NOMEM;
    e->modality = mod;
    e->actors = bn_arena_alloc(ar, (m_hi - m_lo) * sizeof *e->actors);
    if (!e->actors)
        return BN_ERR_NOMEM;
    int has_source = 0;
    for (size_t k = m_lo; k < m_hi; k++) {
        const bn_mention *mn = &a->mentions[k];
        if (mn->tok >= tr->skip_lo && mn->tok < tr->skip_hi)
            continue;
        const char *id = a->actors[mn->actor].id;
        bn_role role = (mn->start < trig_start && (tr->passive == SIZE_MAX || mn->tok > tr->passive)) ||
                               mn->tok == tr->owner
                           ? BN_ROLE_SOURCE
                           : BN_ROLE_TARGET;
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
    /* said by no actor ("được công bố"; "một bài báo cho rằng Trung
     * Quốc ...", about the ones named): nobody's act; no actor left but
     * another act's objects: none */
    if ((!has_source && spoken(lex->type)) || e->nactors == 0)
        return BN_OK;
    e->confidence = confidence - (has_source ? 0.0 : 0.15);

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

/* The first token of trigger k's clause. */
static size_t clause_start(const sent *s, size_t k)
{
    size_t i = s->trigs[k].tok;
    while (i > s->sn->tok_begin && s->clause_at[i - 1 - s->sn->tok_begin] == s->trigs[k].clause)
        i--;
    return i;
}

/* The clause word ("trong khi", "rằng") at token i: BN_EW_CLAUSE,
 * BN_EW_CONTENT, or 0. */
static int clause_word_at(const bn_article *a, const bn_lang *lang, size_t i)
{
    int payload;
    if (bn_phrases_match(lang->event_words, a->text.s, &a->tokens, i, a->tokens.n, &payload) &&
        (payload == BN_EW_CLAUSE || payload == BN_EW_CONTENT))
        return payload;
    return 0;
}

static int mention_between(const bn_article *a, const sent *s, size_t from, size_t to)
{
    for (size_t m = s->m_lo; m < s->m_hi; m++)
        if (a->mentions[m].tok >= from && a->mentions[m].tok < to)
            return 1;
    return 0;
}

/* The start of the names listed before clause start cstart: earlier
 * clauses of nothing but names, titles and "và" ("Tổng thống Mỹ Joe
 * Biden, Tổng thống Hàn Quốc Yoon Suk-yeol và ..."). */
static size_t list_start(const bn_article *a, const bn_lang *lang, const sent *s, size_t cstart)
{
    const size_t b = s->sn->tok_begin;
    while (cstart > b) {
        size_t c = s->clause_at[cstart - 1 - b], from = cstart - 1;
        while (from > b && s->clause_at[from - 1 - b] == c)
            from--;
        size_t m = s->m_lo, i = from;
        int names = 0;
        while (i < cstart) {
            int payload;
            size_t n;
            while (m < s->m_hi && a->mentions[m].tok < i)
                m++;
            if (m < s->m_hi && a->mentions[m].tok == i) {
                names = 1;
                while (i < cstart && a->tokens.v[i].start < a->mentions[m].end)
                    i++;
            } else if ((n = bn_phrases_match(lang->actor_words, a->text.s, &a->tokens, i, cstart, &payload)) &&
                       (payload == BN_AW_TITLE || payload == BN_AW_HONORIFIC)) {
                i += n;
            } else if ((n = bn_phrases_match(lang->event_words, a->text.s, &a->tokens, i, cstart, &payload)) &&
                       payload == BN_EW_AND) {
                i += n;
            } else {
                break;
            }
        }
        if (i < cstart || !names)
            break;
        cstart = from;
    }
    return cstart;
}

/* The first trigger of trigger k's clause. */
static size_t first_in_clause(const sent *s, size_t k)
{
    while (k > 0 && s->trigs[k - 1].clause == s->trigs[k].clause)
        k--;
    return k;
}

/* Whether trigger k, not the first of its clause, is inside what the
 * clause's first trigger (a statement or a verbal act with a speaker)
 * says or asks: "đề nghị Nga tổ chức một cuộc họp". */
static int reported_in(const bn_article *a, const bn_lang *lang, const sent *s, size_t k)
{
    size_t f = first_in_clause(s, k);
    if (f == k)
        return 0;
    bn_event_type ft = lang->triggers[s->trigs[f].index].type;
    return spoken(ft) &&
           (clause_start(s, f) < s->trigs[f].tok || mention_between(a, s, s->sn->tok_begin, s->trigs[f].tok));
}

/* Whether a date of sentence s starts before token i ("Sáng 17/5, ...,
 * ông X phát biểu tại Hội nghị ... năm 2017": the speech's). */
static int date_before(const bn_article *a, const sent *s, size_t i)
{
    return s->t_lo < s->t_hi && a->timexes[s->t_lo].start < a->tokens.v[i].start;
}

/* Whether setting k ("trong cuộc họp trực tuyến ngày 20/4") is where the
 * speech verb first in its clause is said: the gathering ends the
 * sentence, or what is said follows it ("... rằng"), or the quote before
 * the verb is what is said; and no date comes before the verb (that one
 * is the speech's: "Sáng 17/5, ông X phát biểu tại Hội nghị ... năm
 * 2017").  After it, a clause of its own is what is said about the
 * gathering ("cho biết trong cuộc gặp ... tuần trước, ông đã yêu cầu
 * ..."): a gathering told of, not the place of the saying. */
static int said_at(const bn_article *a, const bn_lang *lang, const sent *s, size_t k)
{
    size_t f = first_in_clause(s, k);
    if (f == k || !s->trigs[k].setting || !spoken(lang->triggers[s->trigs[f].index].type) ||
        date_before(a, s, s->trigs[f].tok))
        return 0;
    /* right after the verb, past its addressee ("nói với Thủ tướng Ấn
     * Độ Narendra Modi trong cuộc điện đàm"): not a gathering of what is
     * said ("cho biết ông muốn nêu vấn đề ... tại hội nghị thượng đỉnh") */
    for (size_t j = f + 1; j < k; j++)
        if (!s->trigs[j].setting)
            return 0;
    size_t words = 0, m = s->m_lo;
    for (size_t i = s->trigs[f].tok + s->trigs[f].ntok; i < s->trigs[k].tok; i++) {
        while (m < s->m_hi && a->mentions[m].end <= a->tokens.v[i].start)
            m++;
        words += !(m < s->m_hi && a->mentions[m].start <= a->tokens.v[i].start);
    }
    if (words > 3)
        return 0;
    size_t e = s->trigs[k].tok;
    while (e < s->sn->tok_end && s->clause_at[e - s->sn->tok_begin] == s->trigs[k].clause)
        e++;
    return s->trigs[f].after_quote || e == s->sn->tok_end || clause_word_at(a, lang, e) == BN_EW_CONTENT;
}

/* "NATO cho biết vào ngày 12/1, tổ chức này sẽ tiến hành một cuộc họp":
 * a date right after reporting verb k that ends its clause, before a
 * clause with a subject and a trigger of its own, is that clause's date
 * (fronted, as Vietnamese puts it).  Returns that clause's first trigger,
 * or SIZE_MAX. */
static size_t fronted_for(const bn_article *a, const sent *s, size_t k, const bn_timex *x)
{
    const trig *t = &s->trigs[k];
    if (x->start < a->tokens.v[t->tok].start || k + 1 >= s->ntrigs)
        return SIZE_MAX;
    const trig *n = &s->trigs[k + 1];
    /* a speaker's verb, not a gathering named before the subject ("Trong
     * cuộc họp báo ngày 12-4, Tổng thống Putin mô tả các cuộc đàm phán") */
    if (n->clause == t->clause || !mention_between(a, s, clause_start(s, k), t->tok))
        return SIZE_MAX;
    /* the date ends the verb's clause: the next token is in another one */
    size_t i = t->tok + t->ntok;
    while (i < s->sn->tok_end && a->tokens.v[i].start < x->end_off)
        i++;
    if (i >= s->sn->tok_end || s->clause_at[i - s->sn->tok_begin] == t->clause)
        return SIZE_MAX;
    /* and the next clause names a subject before its trigger */
    return mention_between(a, s, i, n->tok) ? k + 1 : SIZE_MAX;
}

/* Whether every actor named in tokens [from, to) is one of those named in
 * [subj_lo, subj_hi), or the state or organisation one of them speaks for
 * ("ông Stoltenberg ... NATO"). */
static int speaker_side(const bn_article *a, const sent *s, size_t subj_lo, size_t subj_hi, size_t from, size_t to)
{
    for (size_t m = s->m_lo; m < s->m_hi; m++) {
        if (a->mentions[m].tok < from || a->mentions[m].tok >= to)
            continue;
        const bn_actor *x = &a->actors[a->mentions[m].actor];
        int ok = 0;
        for (size_t p = s->m_lo; !ok && p < s->m_hi; p++) {
            if (a->mentions[p].tok < subj_lo || a->mentions[p].tok >= subj_hi)
                continue;
            const bn_actor *y = &a->actors[a->mentions[p].actor];
            ok = x == y || (y->affiliation && strcmp(y->affiliation, x->id) == 0) ||
                 (x->affiliation && strcmp(x->affiliation, y->id) == 0);
        }
        if (!ok)
            return 0;
    }
    return 1;
}

/* The trigger whose act enacting or publishing trigger t performs, or -1:
 * for "ký", "phê duyệt" (enacts) a sanction, aid or military act with
 * nothing but numbers, noun markers and document words between them ("ký
 * sắc lệnh trừng phạt", "phê duyệt gói viện trợ"; not "ký thỏa thuận viện
 * trợ"), and after a document's name up to two words that say how it acts
 * ("ký một sắc lệnh đe dọa áp thuế"); for "công bố" (presents) also a
 * verbal act named as a noun ("công bố hai bản dự thảo thỏa thuận" is a
 * proposal). */
static int enacted(const bn_article *a, const bn_lang *lang, const sent *s, const trig *t)
{
    const bn_trigger *lex = &lang->triggers[t->index];
    if (!lex->enacts && !lex->presents)
        return -1;
    size_t i = t->tok + t->ntok, end = s->sn->tok_end, stop = i + 4;
    int seen_doc = 0, loose = 0;
    while (i < end && i < stop && s->clause_at[i - s->sn->tok_begin] == t->clause) {
        int payload;
        size_t n = bn_phrases_match(lang->trigger_matcher, a->text.s, &a->tokens, i, end, &payload);
        if (n && payload >= 0) {
            bn_event_type nt = lang->triggers[payload].type;
            if (bn_event_type_record_of(nt)->enactable || (lex->presents && verbal(nt)))
                return payload;
            if (!seen_doc || loose >= 3)
                return -1;
            /* "sắc lệnh đe dọa áp thuế": how the document acts */
            loose++;
            i += n;
            stop += n;
            continue;
        }
        size_t m = bn_phrases_match(lang->event_words, a->text.s, &a->tokens, i, end, &payload);
        if (m && payload == BN_EW_DOCUMENT) {
            /* "sắc lệnh" may run into the trigger "lệnh trừng phạt" */
            n = bn_phrases_match(lang->trigger_matcher, a->text.s, &a->tokens, i + m - 1, end, &payload);
            size_t skip = n && payload >= 0 ? m - 1 : m;
            i += skip;
            stop += skip; /* "sắc lệnh hành pháp trừng phạt": the document's name is not counted */
            seen_doc = 1;
            continue;
        }
        /* "ký sắc lệnh hành pháp dọa áp thuế", "sắc lệnh cho phép Mỹ áp
         * thuế": up to three words after the document's name may say how
         * it acts */
        if (!lex->presents && seen_doc && loose < 3) {
            loose++;
            i++;
            stop++;
            continue;
        }
        /* after numbers and noun markers ("ký một sắc lệnh", "công bố hai
         * bản dự thảo") */
        if (m && payload == BN_EW_NOUN)
            i += m;
        else if (is_digit(a->text.s[a->tokens.v[i].start]) ||
                 bn_phrases_match(lang->dates->numbers, a->text.s, &a->tokens, i, end, &payload))
            i++;
        else
            return -1;
    }
    return -1;
}

/* "gặp ông Lukashenko tại sân bay vũ trụ Vostochny, vùng Viễn Đông Nga hôm
 * 12/4": the sentence's first date x, in clause c, which has no trigger
 * and opens with no clause word, goes on the clause before: the date of
 * its last act (not of what a speaker says).  That trigger, or SIZE_MAX. */
static size_t trailing_date_of(const bn_article *a, const bn_lang *lang, const sent *s, size_t c, const bn_timex *x)
{
    if (c == 0 || a->timexes[s->t_lo].start < x->start)
        return SIZE_MAX; /* "Ngày 6/7, ... pháo kích ..., tính đến ngày 7/7": the act has its date */
    size_t last = SIZE_MAX, at = SIZE_MAX; /* the clause's last act; its last gathering after a speech verb */
    for (size_t k = 0; k < s->ntrigs; k++) {
        if (s->trigs[k].clause == c)
            return SIZE_MAX;
        if (s->trigs[k].clause == c - 1 && !s->trigs[k].setting)
            last = k, at = SIZE_MAX;
        else if (s->trigs[k].clause == c - 1 && last != SIZE_MAX && spoken(lang->triggers[s->trigs[last].index].type))
            at = k;
    }
    /* "ông X nói trong cuộc họp báo ... tại sân bay Vostochny, vùng Viễn
     * Đông hôm 12/4": the day of the gathering the speech is said at, past
     * its place */
    if (at != SIZE_MAX)
        last = at;
    else if (last == SIZE_MAX || spoken(lang->triggers[s->trigs[last].index].type))
        return SIZE_MAX;
    size_t cs = s->sn->tok_begin;
    while (cs < s->sn->tok_end && s->clause_at[cs - s->sn->tok_begin] != c)
        cs++;
    return cs < s->sn->tok_end && !clause_word_at(a, lang, cs) ? last : SIZE_MAX;
}

/* Dates: each date of the sentence belongs to the nearest trigger of its
 * clause, except that a date well after a reporting verb is what is
 * reported ("cho biết Mỹ sẵn sàng đàm phán vào đầu năm 2022"), not when it
 * was said.  Sets *out to each trigger's own date or NULL. */
static bn_status own_dates(bn_article *a, const bn_lang *lang, const sent *s, const bn_timex ***out)
{
    const bn_timex **own = bn_arena_calloc(&a->arena, s->ntrigs ? s->ntrigs : 1, sizeof *own);
    long *own_d = bn_arena_calloc(&a->arena, s->ntrigs ? s->ntrigs : 1, sizeof *own_d);
    if (!own || !own_d)
        return BN_ERR_NOMEM;
    for (size_t j = s->t_lo; j < s->t_hi; j++) {
        const bn_timex *x = &a->timexes[j];
        size_t c = clause_of_offset(a, s, x->start), best = SIZE_MAX;
        long best_d = 0;
        int dates_act = !dates_no_act(a, lang, s, x);
        for (size_t k = 0; dates_act && k < s->ntrigs; k++) {
            const trig *t = &s->trigs[k];
            uint32_t tpos = a->tokens.v[t->tok].start;
            /* a gathering where something happens owns a date after it
             * ("tại hội nghị ngày 5/3"), not one before ("gặp ông Biden vào
             * ngày 12/7 bên lề hội nghị") */
            if (t->clause != c || (t->setting && x->start < tpos))
                continue;
            /* "bắn thử ... hồi tháng 10 năm ngoái và tuyên bố": a date
             * before "và" is the first act's, the second is dated as it */
            if (t->coordinated && x->start < tpos && k > 0 && s->trigs[k - 1].clause == c)
                continue;
            bn_event_type tt = lang->triggers[t->index].type;
            /* "các lệnh trừng phạt ... khiến ... suy giảm trong năm 2022":
             * not its date; "các cuộc họp của Hội đồng NATO-Nga vào ngày
             * 12/1" is (names are not counted) */
            if (t->marked && x->start > tpos && words_between(a, s, t, x, 1) > 3)
                continue;
            /* well after a reporting verb: what is said or asked */
            if (spoken(tt) && x->start > tpos && !t->after_quote && words_between(a, s, t, x, 0) > 3)
                continue;
            /* the gap between them: from the trigger's end to a date after
             * it, from the date's end to a trigger after it */
            uint32_t tend = a->tokens.v[t->tok + t->ntok - 1].end;
            long d = x->start >= tend ? (long)x->start - (long)tend : tpos >= x->end_off ? (long)tpos - (long)x->end_off : 0;
            if (best == SIZE_MAX || d < best_d) {
                best = k;
                best_d = d;
            }
        }
        if (best == SIZE_MAX && dates_act && (best = trailing_date_of(a, lang, s, c, x)) != SIZE_MAX)
            best_d = LONG_MAX; /* only when its own clause gives it none */
        if (best != SIZE_MAX && lang->triggers[s->trigs[best].index].type == BN_EV_STATEMENT) {
            size_t next = fronted_for(a, s, best, x);
            if (next != SIZE_MAX)
                best = next, best_d = 0;
        }
        /* two dates for one trigger: the nearer is its own ("ngày 25/12 đưa
         * tin ... triệu tập cuộc họp vào ngày 12/1/2022") */
        if (best != SIZE_MAX && (!own[best] || best_d < own_d[best])) {
            own[best] = x;
            own_d[best] = best_d;
        }
    }
    *out = own;
    return BN_OK;
}

/* Whether gathering k, where the speech verb first in its clause is said
 * (said_at), names someone besides the speaker's side in its clause:
 * "cho biết trong cuộc họp với các ngoại trưởng EU ngày 20/4" is a meeting
 * too; "nói trong cuộc họp trực tuyến ngày 20/4" only the speech's
 * setting. */
static int met_others(const bn_article *a, const sent *s, size_t k)
{
    size_t f = first_in_clause(s, k), lo = clause_start(s, f);
    const trig *g = &s->trigs[k];
    for (size_t m = s->m_lo; m < s->m_hi; m++) {
        const bn_mention *mn = &a->mentions[m];
        if (mn->tok < g->tok + g->ntok || s->clause_at[mn->tok - s->sn->tok_begin] != g->clause)
            continue;
        const bn_actor *o = &a->actors[mn->actor];
        int own = 0;
        for (size_t j = s->m_lo; j < s->m_hi && !own; j++) {
            const bn_mention *sp = &a->mentions[j];
            if (sp->tok < lo || sp->tok >= s->trigs[f].tok)
                continue;
            const bn_actor *x = &a->actors[sp->actor];
            own = x == o || (x->affiliation && strcmp(x->affiliation, o->id) == 0) ||
                  (o->affiliation && strcmp(o->affiliation, x->id) == 0) ||
                  (x->affiliation && o->affiliation && strcmp(x->affiliation, o->affiliation) == 0);
        }
        if (!own)
            return 1;
    }
    return 0;
}

/* What the walk over a sentence's triggers carries from one to the next. */
typedef struct walk {
    const bn_timex *const *own; /* each trigger's own date (own_dates) */
    size_t made;                /* events made */
    size_t prev_end;            /* the end of the last event's trigger */
    size_t signed_act;          /* a trigger told by the enacting verb before it */
    size_t speech_clause, speech_end; /* the sentence's last speech act: its clause, its end */
    const bn_timex *carry;      /* the date of an adverbial before */
    size_t report_k, report_ev; /* the last statement made: its trigger, its event */
    size_t talks;               /* an adverbial meeting with a counterpart named, dated by the event after it */
    size_t last_k;              /* the trigger of the last event made (or the one it enacts) */
    bn_timex shifted;           /* a day counted from another act's written day */
    bn_timex sitting;           /* the day of a sitting the clause names */
    int count_from;             /* the event made is counted from the act of clause count_clause */
    size_t count_clause;
    long count_days;
    int count_by_dct;
} walk;

/* The trigger the walk is at. */
typedef struct at {
    size_t k;       /* its index in s->trigs */
    int first;      /* the clause's first trigger but for settings ("tại hội nghị") */
    size_t cstart;  /* its clause's first token */
    int subject;    /* an actor named in its clause before it */
    int any_before; /* an actor named in the sentence before it */
} at;

static int first_of_clause(const sent *s, size_t k)
{
    for (size_t j = k; j-- > 0 && s->trigs[j].clause == s->trigs[k].clause;)
        if (!s->trigs[j].setting)
            return 0;
    return 1;
}

/* "Tổng bí thư ... tại hội nghị ngoại giao mới đây đã nhận định": a
 * gathering after "tại" is where the event is, an event of its own only
 * with a date of its own, which it passes on.  Whether it is an event. */
static int setting_is_event(const bn_lang *lang, const trig *t, const bn_timex *date, walk *w)
{
    if (!date)
        return 0;
    if (!w->carry)
        w->carry = date;
    /* "Phát biểu tại cuộc họp báo hôm 5/3, ông X nói": the statement is
     * the later one's */
    return lang->triggers[t->index].type == BN_EV_MEETING;
}

/* Whether trigger t is followed by a counterpart word and an actor ("hội
 * đàm với Tổng thống Belarus Alexander Lukashenko"). */
static int counterpart_after(const bn_article *a, const bn_lang *lang, const sent *s, const trig *t)
{
    size_t i = t->tok + t->ntok, n;
    int word;
    if (i >= s->sn->tok_end ||
        !(n = bn_phrases_match(lang->counterpart_words, a->text.s, &a->tokens, i, s->sn->tok_end, &word)) ||
        s->clause_at[i - s->sn->tok_begin] != t->clause)
        return 0;
    size_t stop = i + n + 4 < s->sn->tok_end ? i + n + 4 : s->sn->tok_end;
    return mention_between(a, s, i + n, stop);
}

/* "Phát biểu tại Washington hôm 19/5, Tổng thống Biden nhấn mạnh": no
 * actor before it and a later clause's trigger to serve: an adverbial,
 * whose date is the later event's.  Whether the trigger is one and makes
 * no event. */
static int adverbial(const bn_article *a, const bn_lang *lang, const sent *s, const at *p, walk *w)
{
    const trig *t = &s->trigs[p->k];
    size_t next = p->k + 1; /* the next trigger but for settings */
    while (next < s->ntrigs && s->trigs[next].setting)
        next++;
    if (!p->first || p->any_before || next >= s->ntrigs || s->trigs[next].clause == t->clause)
        return 0;
    const bn_timex *date = w->own[p->k];
    int meeting = lang->triggers[t->index].type == BN_EV_MEETING;
    /* "trước thềm cuộc họp ... vào ngày 17-18/10": a meeting dated apart
     * is its own event, and its date passes on only when no clause word
     * puts the later event before or after it */
    if (date && (!meeting || (!w->carry && !clause_word_at(a, lang, p->cstart))))
        w->carry = date;
    /* "Trong cuộc họp báo sau hội đàm với Tổng thống Lukashenko, ông Putin
     * khẳng định": talks with someone named are an event too, of the day
     * of what follows */
    if (meeting && !date && counterpart_after(a, lang, s, t))
        w->talks = p->k;
    return !(meeting && date);
}

/* Whether a period the date stage read as no date ("trong những năm gần
 * đây", "8 năm qua", "Một tuần sau" with nothing to count from) lies in
 * trigger t's clause, or opens the sentence in a clause of its own with
 * no act, just before t's ("Một tuần sau, ông ... ký"): "đàm phán với một
 * số công ty năng lượng trong những năm gần đây" is of no one day. */
static int period_in_clause(const bn_article *a, const sent *s, const trig *t)
{
    uint32_t at = a->tokens.v[t->tok].start;
    for (size_t i = 0; i < a->nperiods && a->periods[i].start < s->sn->end; i++) { /* in text order */
        const bn_period *pd = &a->periods[i];
        if (pd->start < s->sn->start)
            continue;
        size_t pc = clause_of_offset(a, s, pd->start);
        if (pc != t->clause) {
            /* the period first in the sentence, at most a word before it
             * ("Trong những tháng gần đây, ..."), not in a quotation */
            size_t first = bn_tokens_at(&a->tokens, pd->start);
            int fronted = pc + 1 == t->clause && s->clause_at[0] == pc && first <= s->sn->tok_begin + 1;
            for (size_t k = 0; k < s->ntrigs && fronted; k++)
                fronted = s->trigs[k].clause != pc;
            if (!fronted)
                continue;
        }
        /* the period of the nearest act and those joined to it by "và"
         * ("điện đàm ... và đề nghị tổ chức một cuộc gặp thượng đỉnh trong
         * những tháng tới": the summit's) */
        int between = 0;
        for (size_t k = 0; k < s->ntrigs && !between; k++) {
            uint32_t o = a->tokens.v[s->trigs[k].tok].start;
            between = &s->trigs[k] != t && !s->trigs[k].coordinated &&
                      ((o > at && o < pd->start) || (o < at && o > pd->start));
        }
        if (!between)
            return 1;
    }
    return 0;
}

/* Whether a time told with no date (not one counted from another act)
 * lies in trigger t's clause after day x and before the act. */
static int undated_after(const bn_article *a, const sent *s, const trig *t, const bn_timex *x)
{
    uint32_t at = a->tokens.v[t->tok].start;
    for (size_t i = 0; i < a->nperiods && a->periods[i].start < at; i++) {
        const bn_period *pd = &a->periods[i];
        if (!pd->counted && pd->start >= x->end_off && pd->start >= s->sn->start &&
            clause_of_offset(a, s, pd->start) == t->clause)
            return 1;
    }
    return 0;
}

/* A time counted from another act in trigger t's sentence, outside t's
 * clause: "Một ngày trước khi Nga tuyên bố ..., Biden đã ký" (the clause
 * word of the period opens the other act's clause).  1 with that clause
 * and the days from it to t's act, else 0. */
static int counted_from(const bn_article *a, const sent *s, const trig *t, size_t *clause,
                        long *days)
{
    for (size_t i = 0; i < a->nperiods && a->periods[i].start < s->sn->end; i++) {
        const bn_period *pd = &a->periods[i];
        if (pd->start < s->sn->start || !pd->counted)
            continue;
        *days = pd->days;
        size_t last = bn_tokens_at(&a->tokens, pd->end - 1);
        if (last < s->sn->tok_begin || last >= s->sn->tok_end)
            continue;
        *clause = s->clause_at[last - s->sn->tok_begin];
        return *clause != t->clause;
    }
    return 0;
}

/* The day of the one sitting of a series of the knowledge base that
 * clause c of sentence s names ("ông Putin đọc Thông điệp Liên bang"),
 * held on one day in the two weeks up to the publication date: what the
 * article tells of as just done.  1 and *out, else 0 (no publication
 * date, no such sitting, or two). */
static int sitting_of(const bn_article *a, const sent *s, size_t c, bn_timex *out)
{
    if (!s->dct)
        return 0;
    size_t k = (size_t)(s->sn - a->sentences);
    long dct = bn_days_from_civil(s->dct->value.year, s->dct->value.month, s->dct->value.day), day = LONG_MIN;
    for (size_t g = 0; g < a->ngatherings; g++) {
        const bn_gathering_ref *gr = &a->gatherings[g];
        if (gr->sentence != k || !gr->series || gr->at < s->sn->start || gr->at >= s->sn->end ||
            gr->to != gr->from || clause_of_offset(a, s, gr->at) != c || gr->from > dct || gr->from < dct - 14)
            continue;
        if (day != LONG_MIN && day != gr->from)
            return 0;
        day = gr->from;
    }
    if (day == LONG_MIN)
        return 0;
    memset(out, 0, sizeof *out);
    out->value = bn_date_of_days(day);
    out->year_source = BN_YEAR_DCT;
    return 1;
}

/* Day x moved by `days` (its year unknown: within its year alone), into
 * *out; 0 when x is no single day. */
static int shift_day(const bn_timex *x, long days, bn_timex *out)
{
    if (x->value.precision != BN_PREC_DAY || x->has_end || x->mod)
        return 0;
    int y = x->value.year ? x->value.year : 2000; /* a leap year: 29/2 is a day */
    bn_date d = bn_date_of_days(bn_days_from_civil(y, x->value.month, x->value.day) + days);
    if (!x->value.year && d.year != y)
        return 0;
    *out = *x;
    out->value = d;
    if (!x->value.year)
        out->value.year = 0;
    return 1;
}

/* The date of the event of trigger p->k: its own, else one it is given;
 * returns 0 when it makes no event. */
static int event_date(const bn_article *a, const bn_lang *lang, const sent *s, const at *p, walk *w,
                      const bn_timex **out, bn_date_source *dsrc)
{
    const trig *t = &s->trigs[p->k];
    w->count_from = 0;
    const bn_timex *date = w->own[p->k];
    /* "tuyên bố cấm tàu quân sự ... từ 24/4 tới hết tháng 10": what a
     * verb enacts or publishes is dated by the act's own date */
    if (!date && p->k + 1 < s->ntrigs && w->own[p->k + 1] && s->trigs[p->k + 1].clause == t->clause &&
        enacted(a, lang, s, t) == s->trigs[p->k + 1].index)
        date = w->own[p->k + 1];
    *dsrc = date ? BN_DATE_CLAUSE : BN_DATE_SENTENCE;
    if (!date) {
        /* a first trigger takes the date of the clause's later trigger
         * that makes no event of its own ("nói trong cuộc họp báo ngày
         * 19/4"); something said, that of the gathering it is said at
         * ("nói trong cuộc họp trực tuyến ngày 20/4": what is said there
         * is said that day) */
        for (size_t j = p->k + 1; p->first && !date && j < s->ntrigs && s->trigs[j].clause == t->clause; j++)
            if (w->own[j] &&
                ((lang->triggers[s->trigs[j].index].type == BN_EV_STATEMENT && reported_in(a, lang, s, j)) ||
                 said_at(a, lang, s, j)))
                date = w->own[j], *dsrc = BN_DATE_CLAUSE;
    }
    /* what a statement or warning before it says ("cảnh báo rằng Nga
     * đã quyết định tấn công"): dated only by what it says ("cho biết
     * rằng vào tuần tới, ... sẽ yêu cầu NATO"), not by when it was
     * said, nor by the publication date */
    int content = w->speech_clause != SIZE_MAX && t->clause > w->speech_clause &&
                  (clause_word_at(a, lang, p->cstart) == BN_EW_CONTENT ||
                   (t->clause == w->speech_clause + 1 && quote_opens(a, p->cstart)));
    if (!date) {
        /* a noun ("bao gồm các biện pháp trừng phạt của Mỹ") is an event
         * only with a date of its own */
        if (!p->first || (w->made > 0 && !p->subject) || t->noun)
            return 0;
        date = content ? NULL : w->carry; /* else the nearest date before
                                           * it, but not one inside the
                                           * quote a speech verb follows */
        for (size_t j = s->t_lo; (content || !w->carry) && !t->after_quote && j < s->t_hi; j++)
            if (a->timexes[j].start < a->tokens.v[t->tok].start && !dates_no_act(a, lang, s, &a->timexes[j]) &&
                (!content || a->timexes[j].start > a->tokens.v[w->speech_end - 1].end))
                date = &a->timexes[j];
        /* "vào tháng 3/2019, hôm qua thông báo": a time told with no date
         * in the act's clause, after the day, is the act's time */
        if (date && undated_after(a, s, t, date))
            return 0;
        size_t other = 0;
        long days = 0;
        int counted = !content && counted_from(a, s, t, &other, &days);
        /* "Hai ngày sau khi Nga tuyên bố hôm 16/4, Mỹ ...": the other
         * act's day, moved */
        if (date && counted && clause_of_offset(a, s, date->start) == other) {
            if (!shift_day(date, days, &w->shifted))
                return 0;
            date = &w->shifted;
        }
        /* "ông Putin đọc Thông điệp Liên bang", "một ngày sau khi ông Putin
         * đọc Thông điệp Liên bang": the day of the sitting named, for
         * what is done */
        int done = p->subject && !content && !t->noun && !t->undated && !s->caption &&
                   plain_clause(a, lang, p->cstart, t->tok);
        if (!date && done && sitting_of(a, s, t->clause, &w->sitting)) {
            *out = &w->sitting;
            *dsrc = BN_DATE_SENTENCE;
            return 1;
        }
        if (!date && done && counted && sitting_of(a, s, other, &w->sitting) &&
            shift_day(&w->sitting, days, &w->shifted)) {
            *out = &w->shifted;
            *dsrc = BN_DATE_SENTENCE;
            return 1;
        }
        if (!date) {
            /* stated without a date: the publication date, for what is
             * done (not what is planned or might be), and less trusted */
            int plain = done && !clause_word_at(a, lang, p->cstart);
            int by_dct = plain && s->dct && !period_in_clause(a, s, t);
            /* counted from another act: dated at the end from that act's
             * day, if the article gives it */
            if (plain && counted) {
                static const bn_timex none = {.year_source = BN_YEAR_UNKNOWN};
                w->count_from = 1;
                w->count_clause = other;
                w->count_days = days;
                w->count_by_dct = by_dct;
                *out = by_dct ? s->dct : &none;
                *dsrc = by_dct ? BN_DATE_DCT : BN_DATE_SENTENCE;
                return 1;
            }
            if (!by_dct)
                return 0; /* nor for a clause of "trước khi", "rằng" …, nor over a period */
            date = s->dct;
            *dsrc = BN_DATE_DCT;
        }
    }
    *out = date;
    return 1;
}

/* What the event of trigger p->k is: what an enacting verb enacts ("ký
 * thỏa thuận"), and a statement of the speaker's own verbal act has its
 * type ("ông Stoltenberg cho biết NATO đã đề nghị Nga ..."); one of
 * another's stays a statement ("khẳng định ... như Kiev cáo buộc"). */
static const bn_trigger *event_lexeme(const bn_article *a, const bn_lang *lang, const sent *s, const at *p,
                                      size_t src_lo, walk *w)
{
    const trig *t = &s->trigs[p->k];
    const bn_trigger *lex = &lang->triggers[t->index];
    int act = enacted(a, lang, s, t);
    if (act >= 0) {
        lex = &lang->triggers[act];
        if (p->k + 1 < s->ntrigs && s->trigs[p->k + 1].clause == t->clause && s->trigs[p->k + 1].index == act)
            w->signed_act = p->k + 1;
    }
    if (lex->type == BN_EV_STATEMENT)
        for (size_t j = p->k + 1; j < s->ntrigs && s->trigs[j].clause == t->clause; j++)
            if (verbal(lang->triggers[s->trigs[j].index].type)) {
                /* "nhấn mạnh Nga không phản đối ...": what is said is no criticism */
                if (speaker_side(a, s, src_lo, t->tok, t->tok + t->ntok, s->trigs[j].tok) &&
                    modality_of(a, lang, t->tok + t->ntok, s->trigs[j].tok) != BN_MOD_NEGATED)
                    lex = &lang->triggers[s->trigs[j].index];
                break;
            }
    return lex;
}

/* Whether trigger k repeats the act of the trigger before it in its
 * clause, after "và": "trục xuất phó tùy viên hải quân Italy và trục xuất
 * một nhà ngoại giao Ukraine" are two expulsions. */
static int repeated_act(const bn_article *a, const bn_lang *lang, const sent *s, size_t k)
{
    int word;
    size_t i = s->trigs[k].tok;
    return k > 0 && s->trigs[k].coordinated && s->trigs[k - 1].clause == s->trigs[k].clause &&
           lang->triggers[s->trigs[k].index].type == lang->triggers[s->trigs[k - 1].index].type && i > 0 &&
           bn_phrases_match(lang->event_words, a->text.s, &a->tokens, i - 1, i, &word) == 1 && word == BN_EW_AND;
}

/* Makes the event of trigger p->k, dated `date`. */
static bn_status make_event(bn_article *a, const bn_lang *lang, const sent *s, size_t *cap, const at *p, walk *w,
                            const bn_timex *date, bn_date_source dsrc)
{
    const bn_sentence *sn = s->sn;
    const trig *t = &s->trigs[p->k];
    /* its subject: its clause's (with the names listed before it:
     * "Tổng thống Mỹ Joe Biden, Tổng thống Hàn Quốc ... và ... đã có cuộc
     * gặp"), else back to the previous event */
    size_t src_lo = p->subject ? list_start(a, lang, s, p->cstart) : w->prev_end;
    const bn_trigger *lex = event_lexeme(a, lang, s, p, src_lo, w);
    /* its objects: up to the next trigger of another clause */
    size_t tgt_hi = sn->tok_end;
    for (size_t j = p->k + 1; j < s->ntrigs; j++)
        if (s->trigs[j].clause != t->clause || repeated_act(a, lang, s, j)) {
            tgt_hi = s->trigs[j].tok; /* "trục xuất X và trục xuất Y": X alone is the first's */
            break;
        }
    double conf = dsrc == BN_DATE_CLAUSE ? 0.8 : dsrc == BN_DATE_SENTENCE ? 0.65 : 0.45;
    if (date->year_source == BN_YEAR_UNKNOWN)
        conf -= 0.1;
    size_t before = a->nevents;
    bn_modality mod = modality_of(a, lang, p->cstart, t->tok);
    if (mod != BN_MOD_NEGATED && !clause_word_at(a, lang, p->cstart) && conditional_before(a, lang, s, p->cstart))
        mod = BN_MOD_HYPOTHETICAL;
    trig tw = *t;
    if (repeated_act(a, lang, s, p->k)) { /* the first act's objects are not the second's */
        tw.skip_lo = s->trigs[p->k - 1].tok + s->trigs[p->k - 1].ntok;
        tw.skip_hi = t->tok;
    }
    tw.owner = owner_of(a, lang, s, t, p->subject);
    tw.reach = sn->tok_end;
    for (size_t j = p->k + 1; j < s->ntrigs; j++)
        if (s->trigs[j].clause != t->clause && !s->trigs[j].noun && !s->trigs[j].setting) {
            tw.reach = s->trigs[j].tok;
            break;
        }
    if (tw.owner != SIZE_MAX && tw.owner > t->tok)
        src_lo = t->tok; /* the actors before are another act's */
    bn_status st = add_event(a, cap, s, &tw, lex, date, dsrc, src_lo, tgt_hi, mod, conf);
    if (st == BN_OK && a->nevents > before) {
        w->made++;
        w->prev_end = t->tok + t->ntok;
        w->last_k = w->signed_act == p->k + 1 ? p->k + 1 : p->k;
        if (spoken(lex->type)) {
            w->speech_clause = t->clause;
            w->speech_end = t->tok + t->ntok;
        }
        if (lex->type == BN_EV_STATEMENT) {
            w->report_k = p->k;
            w->report_ev = before;
        }
    }
    return st;
}

/* The reporting statement of trigger k when k is an act (not something
 * said) that the report tells with a day of its own, done by the time of
 * the report, else SIZE_MAX.  An act asked or proposed ("cho biết Mỹ đã
 * đề nghị Nga tổ chức một cuộc gặp vào đầu tháng 3") is none. */
static size_t told_by(const bn_lang *lang, const sent *s, size_t k, const bn_timex *const *own)
{
    size_t f = first_in_clause(s, k);
    if (lang->triggers[s->trigs[f].index].type != BN_EV_STATEMENT || spoken(lang->triggers[s->trigs[k].index].type) ||
        !own[k] || own[k] == own[f] || s->trigs[k].noun)
        return SIZE_MAX;
    for (size_t j = f + 1; j < k; j++)
        if (spoken(lang->triggers[s->trigs[j].index].type))
            return SIZE_MAX;
    const bn_timex *said = own[f] ? own[f] : s->dct;
    long lo, hi, slo, shi;
    if (!said || !bn_timex_days(own[k], &lo, &hi) || !bn_timex_days(said, &slo, &shi) || hi > shi)
        return SIZE_MAX;
    return f;
}

/* Notes the event just made when event_date counted it from another act:
 * that act's kinds and the actors of its clause. */
static bn_status note_counted(bn_article *a, const bn_lang *lang, sent *s, walk *w, size_t before)
{
    if (!w->count_from)
        return BN_OK;
    w->count_from = 0;
    if (a->nevents == before)
        return BN_OK;
    counted *v = bn_arena_grow(&a->arena, s->counted, &s->ccap, s->ncounted + 1, sizeof *v);
    if (!v)
        return BN_ERR_NOMEM;
    s->counted = v;
    counted *c = &v[s->ncounted++];
    memset(c, 0, sizeof *c);
    c->trigger = a->events[a->nevents - 1].sources[0].trigger_offset;
    c->days = w->count_days;
    c->by_dct = w->count_by_dct;
    for (size_t k = 0; k < s->ntrigs; k++)
        if (s->trigs[k].clause == w->count_clause)
            c->types |= 1u << lang->triggers[s->trigs[k].index].type;
    for (size_t m = s->m_lo; m < s->m_hi; m++) {
        const bn_mention *mn = &a->mentions[m];
        if (s->clause_at[mn->tok - s->sn->tok_begin] != w->count_clause)
            continue;
        const char *id = a->actors[mn->actor].id;
        size_t j = 0;
        while (j < c->nids && strcmp(c->ids[j], id) != 0)
            j++;
        if (j == c->nids && c->nids < COUNTED_ACTORS)
            c->ids[c->nids++] = id;
    }
    return BN_OK;
}

/* The events of one sentence.
 *
 * Dates: own_dates.
 *
 * Events: a trigger that owns a date ("cuộc họp ... vào ngày 17-18/10");
 * and the first trigger of a clause with a subject of its own, dated by
 * the nearest date before it in the sentence ("Ngày 10/7, ..., các nước
 * đã đạt được thỏa thuận").  A trigger with no actor before it in the
 * sentence ("Phát biểu bên lề hội nghị hôm 14/5, ông X nhấn mạnh") is an
 * adverbial of a later one.  Later triggers of a clause are what the
 * first one says or does ("bác bỏ lời kêu gọi của Nga"), but a reporting
 * verb takes the type of what it reports ("cho biết NATO đã đề nghị Nga
 * ..." is a proposal). */
static bn_status sentence_events(bn_article *a, const bn_lang *lang, sent *s, size_t *cap)
{
    const bn_timex **own = NULL;
    bn_status st = own_dates(a, lang, s, &own);
    walk w = {.own = own, .prev_end = s->sn->tok_begin, .signed_act = SIZE_MAX, .speech_clause = SIZE_MAX,
              .report_k = SIZE_MAX, .report_ev = SIZE_MAX, .talks = SIZE_MAX, .last_k = SIZE_MAX};
    size_t before = a->nevents;
    for (size_t k = 0; st == BN_OK && k < s->ntrigs; k++) {
        const trig *t = &s->trigs[k];
        if (k == w.signed_act)
            continue; /* told by the enacting verb before it */
        at p = {k, first_of_clause(s, k), 0, 0, 0};
        const bn_timex *date;
        bn_date_source dsrc;
        if (t->setting && !setting_is_event(lang, t, own[k], &w))
            continue;
        /* the gathering a speech is said at, with no one else named: the
         * speech's setting, whose day it took */
        if (t->setting && said_at(a, lang, s, k) && !met_others(a, s, k))
            continue;
        p.cstart = clause_start(s, k);
        /* "thông báo trục xuất ... Italy và trục xuất ... Ukraine": the
         * second act is the first one's kind, of its day */
        if (repeated_act(a, lang, s, k) && w.last_k == k - 1 && a->nevents > before) {
            bn_timex same = a->events[a->nevents - 1].date;
            p.first = p.subject = p.any_before = 1;
            st = make_event(a, lang, s, cap, &p, &w, &same, a->events[a->nevents - 1].date_source);
            continue;
        }
        p.subject = mention_between(a, s, p.cstart, t->tok);
        p.any_before = mention_between(a, s, s->sn->tok_begin, t->tok);
        /* a meeting inside what is said or asked ("đề nghị Nga tổ chức một
         * cuộc họp vào đầu năm 2022"): reported, not an event of its own;
         * but an act a report tells with a day of its own ("tiết lộ tướng
         * Zamir đã họp kín với tướng Caine hôm 30/1") is one */
        if (!p.first && !said_at(a, lang, s, k) && reported_in(a, lang, s, k)) {
            size_t f = told_by(lang, s, k, own);
            if (f == SIZE_MAX)
                continue;
            /* done by those named after the report, else by the reporter
             * ("cho biết trong cuộc gặp với Ngoại trưởng Blinken tuần
             * trước") */
            p.first = 1;
            if (mention_between(a, s, s->trigs[f].tok + s->trigs[f].ntok, t->tok))
                p.cstart = s->trigs[f].tok + s->trigs[f].ntok;
            p.subject = mention_between(a, s, p.cstart, t->tok);
            if (!p.subject)
                continue;
            size_t before = a->nevents;
            if (!event_date(a, lang, s, &p, &w, &date, &dsrc) ||
                (st = make_event(a, lang, s, cap, &p, &w, date, dsrc)) != BN_OK ||
                (st = note_counted(a, lang, s, &w, before)) != BN_OK || a->nevents == before)
                continue;
            /* the act is the event: the report of it is not another */
            if (w.report_k == f && w.report_ev < before) {
                memmove(&a->events[w.report_ev], &a->events[w.report_ev + 1],
                        (a->nevents - w.report_ev - 1) * sizeof *a->events);
                a->nevents--;
                w.report_k = SIZE_MAX;
            }
            continue;
        }
        /* "G7 họp trực tuyến và lên án cuộc tấn công": a second act of the
         * clause's subject, dated as the first */
        if (t->coordinated && !t->noun)
            p.first = 1;
        if (adverbial(a, lang, s, &p, &w))
            continue;
        size_t made = a->nevents;
        if (event_date(a, lang, s, &p, &w, &date, &dsrc) &&
            (st = make_event(a, lang, s, cap, &p, &w, date, dsrc)) == BN_OK)
            st = note_counted(a, lang, s, &w, made);
    }
    /* the talks an adverbial names, dated as the sentence's first event */
    if (st == BN_OK && w.talks != SIZE_MAX && a->nevents > before) {
        bn_timex date = a->events[before].date; /* make_event may move the array */
        bn_date_source dsrc = a->events[before].date_source;
        at p = {w.talks, 1, clause_start(s, w.talks), 1, 0};
        w.talks = SIZE_MAX;
        st = make_event(a, lang, s, cap, &p, &w, &date, dsrc);
    }
    return st;
}

static int same_date(const bn_timex *x, const bn_timex *y)
{
    return bn_timex_date_cmp(x, y) == 0;
}

/* Whether event e may be the act c counts from: one of its kinds, done by
 * one of the actors of its clause (a person by the side they speak for). */
static int counted_act(const bn_article *a, const counted *c, const bn_event *e)
{
    if (!(c->types >> e->type & 1))
        return 0;
    for (size_t i = 0; i < e->nactors; i++) {
        if (e->actors[i].role != BN_ROLE_SOURCE)
            continue;
        const char *side = NULL;
        for (size_t k = 0; k < a->nactors; k++)
            if (strcmp(a->actors[k].id, e->actors[i].id) == 0)
                side = a->actors[k].affiliation;
        for (size_t j = 0; j < c->nids; j++)
            if (strcmp(c->ids[j], e->actors[i].id) == 0 || (side && strcmp(c->ids[j], side) == 0))
                return 1;
    }
    return 0;
}

/* Dates the events counted from another act: from the day of the one act
 * of the article that may be it ("Tại cuộc họp báo ngày 16/4, ... Lavrov
 * tuyên bố Moscow sẽ trục xuất ..." for "Một ngày trước khi Nga tuyên bố
 * các lệnh trừng phạt"); with none, or several days, by the publication
 * date as before, or not at all. */
static void date_counted(bn_article *a, const sent *s)
{
    size_t w = 0;
    for (size_t i = 0; i < a->nevents; i++) {
        bn_event *e = &a->events[i];
        const counted *c = NULL;
        for (size_t k = 0; k < s->ncounted && !c; k++)
            if (s->counted[k].trigger == e->sources[0].trigger_offset)
                c = &s->counted[k];
        if (c) {
            const bn_timex *from = NULL;
            int clash = 0;
            for (size_t j = 0; j < a->nevents && !clash; j++) {
                const bn_event *o = &a->events[j];
                int other = 0;
                for (size_t k = 0; k < s->ncounted && !other; k++)
                    other = s->counted[k].trigger == o->sources[0].trigger_offset;
                if (other || o->date_source == BN_DATE_DCT || o->date.value.precision != BN_PREC_DAY ||
                    !counted_act(a, c, o))
                    continue;
                if (from && !same_date(from, &o->date))
                    clash = 1;
                from = &o->date;
            }
            bn_timex day;
            if (from && !clash && shift_day(from, c->days, &day)) {
                day.start = e->date.start;
                day.end_off = e->date.end_off;
                e->confidence += e->date_source == BN_DATE_DCT ? 0.2 : 0.0;
                e->date = day;
                e->date_source = BN_DATE_SENTENCE;
            } else if (!c->by_dct)
                continue; /* no day to count from: no event */
        }
        a->events[w++] = *e;
    }
    a->nevents = w;
}

/* 1 when x is a week, month or longer holding y's days ("tuần này"
 * around "từ ngày 11-12/7"): the same event, less exactly dated.  Days
 * and spans of days are never coarser than one another: a meeting on the
 * 12th and one on the 12th-13th are two. */
static int coarser(const bn_timex *x, const bn_timex *y)
{
    long xl, xh, yl, yh;
    bn_precision xp = x->value.precision, yp = y->value.precision;
    return xp > yp && xp != BN_PREC_DAY && bn_timex_days(x, &xl, &xh) && bn_timex_days(y, &yl, &yh) && xl <= yl &&
           yh <= xh;
}

/* Whether written date x reaches within a month of the publication date
 * dct: an undated report is of a recent event, not of one told as years
 * back ("Tại Hội nghị ... năm 2008, Tổng thống Putin đã nói"). */
static int near_dct(const bn_timex *x, const bn_timex *dct)
{
    long xl, xh, dl, dh;
    return bn_timex_days(x, &xl, &xh) && bn_timex_days(dct, &dl, &dh) && xh >= dl - 31 && xl <= dh + 31;
}

/* A person's side within the article: the affiliation its title gives. */
static const char *article_side(const void *ctx, const char *id)
{
    const bn_article *a = ctx;
    for (size_t i = 0; i < a->nactors; i++)
        if (a->actors[i].id == id || strcmp(a->actors[i].id, id) == 0)
            return a->actors[i].affiliation;
    return NULL;
}

/* Whether two reports can tell one act: the same type family, unless
 * they are of different types in one sentence ("thảo luận ... và nhất
 * trí", "tổ chức họp báo, kêu gọi đối thoại": two acts told together). */
static int kin(const bn_event *k, const bn_event *e)
{
    if (bn_event_family(k->type) != bn_event_family(e->type))
        return 0;
    if (k->type == e->type)
        return 1;
    for (size_t i = 0; i < k->nsources; i++)
        for (size_t j = 0; j < e->nsources; j++)
            if (k->sources[i].offset == e->sources[j].offset)
                return 0;
    return 1;
}

/* Whether acts k and e (not said: a sanction, aid, force) each have a
 * target and share none: expelling an Italian and a Ukrainian diplomat
 * are two acts. */
static int other_targets(const bn_event *k, const bn_event *e)
{
    if (spoken(k->type) || bn_event_family(k->type) == BN_FAMILY_GATHERING)
        return 0;
    int kt = 0, et = 0;
    for (size_t i = 0; i < k->nactors; i++)
        kt |= k->actors[i].role == BN_ROLE_TARGET;
    for (size_t j = 0; j < e->nactors; j++)
        et |= e->actors[j].role == BN_ROLE_TARGET;
    if (!kt || !et)
        return 0;
    for (size_t i = 0; i < k->nactors; i++)
        for (size_t j = 0; j < e->nactors; j++)
            if (k->actors[i].role == BN_ROLE_TARGET && e->actors[j].role == BN_ROLE_TARGET &&
                strcmp(k->actors[i].id, e->actors[j].id) == 0)
                return 0;
    return 1;
}

/* One event per real event of the article: the same meeting in the title,
 * the lead and a later paragraph is one event with several sentences.
 * Same type family, the same parties, the same date or one within the
 * other (the exact one stays), or no date written for one of them (the
 * written one stays); never two different days. */
static bn_status merge_within(bn_article *a)
{
    size_t w = 0;
    for (size_t i = 0; i < a->nevents; i++) {
        bn_event *e = &a->events[i];
        size_t j;
        int finer = 0;
        for (j = 0; j < w; j++) {
            bn_event *k = &a->events[j];
            /* "nếu Tehran từ chối" and what Iran did say: not one act */
            if (!kin(k, e) || k->modality != e->modality || !bn_event_same_parties(k, e, article_side, a) ||
                other_targets(k, e))
                continue;
            /* signed in Berlin and in Paris the same day: two */
            if (k->location && e->location && strcmp(k->location, e->location) != 0)
                continue;
            /* an undated report ("Theo đó, Moskva yêu cầu NATO ...") is of
             * the dated event of its parties told before or after */
            if (k->date_source == BN_DATE_DCT && e->date_source != BN_DATE_DCT && near_dct(&e->date, &k->date)) {
                finer = 1; /* a written date ("trong tuần này") wins over the publication date's guess */
                break;
            }
            if (same_date(&k->date, &e->date) || coarser(&e->date, &k->date) ||
                (e->date_source == BN_DATE_DCT && near_dct(&k->date, &e->date)))
                break;
            if (coarser(&k->date, &e->date) || (k->date_source == BN_DATE_DCT && near_dct(&e->date, &k->date))) {
                finer = 1;
                break;
            }
        }
        if (j == w) {
            a->events[w++] = *e;
            continue;
        }
        bn_event keep = a->events[j];
        if (finer) { /* the exact date and its type win */
            keep = *e;
            e = &a->events[j];
        }
        bn_status st = bn_event_absorb(&a->arena, &keep, e);
        if (st != BN_OK)
            return st;
        a->events[j] = keep;
    }
    a->nevents = w;
    return BN_OK;
}

bn_status bn_find_events(bn_article *a, const bn_lang *lang)
{
    size_t cap = 0, mi = 0, ti = 0, pi = 0, di = 0, tcap = 0;
    sent s = {0};
    bn_timex dct = {0};
    if (bn_date_real_day(&a->dct)) {
        dct.value = a->dct;
        dct.year_source = BN_YEAR_DCT;
        s.dct = &dct;
    }
    for (size_t k = 0; k < a->nsentences; k++) {
        const bn_sentence *sn = &a->sentences[k];
        s.sn = sn;
        while (mi < a->nmentions && a->mentions[mi].start < sn->start)
            mi++;
        s.m_lo = s.m_hi = mi;
        while (s.m_hi < a->nmentions && a->mentions[s.m_hi].start < sn->end)
            s.m_hi++;
        while (ti < a->ntimexes && a->timexes[ti].start < sn->start)
            ti++;
        s.t_lo = s.t_hi = ti;
        while (s.t_hi < a->ntimexes && a->timexes[s.t_hi].start < sn->end)
            s.t_hi++;
        while (pi < a->nplaces && a->places[pi].start < sn->start)
            pi++;
        s.p_lo = s.p_hi = pi;
        while (s.p_hi < a->nplaces && a->places[s.p_hi].start < sn->end)
            s.p_hi++;
        /* a sentence with no date may still count one from another act */
        while (di < a->nperiods && a->periods[di].start < sn->start)
            di++;
        int period = di < a->nperiods && a->periods[di].start < sn->end;
        if (s.m_lo == s.m_hi || (s.t_lo == s.t_hi && !s.dct && !period) || sn->tok_end == sn->tok_begin)
            continue;
        bn_status st = read_sentence(a, lang, &s, &tcap);
        /* "... chủ trì cuộc họp. (Ảnh: TASS)": the caption's credit may
         * stand as a sentence of its own */
        if (k + 1 < a->nsentences && bn_credit_at(a, lang, a->sentences[k + 1].tok_begin, a->sentences[k + 1].tok_end))
            s.caption = 1;
        if (st == BN_OK)
            st = sentence_events(a, lang, &s, &cap);
        if (st != BN_OK)
            return st;
    }
    date_counted(a, &s);
    return merge_within(a);
}
