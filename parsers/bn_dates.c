#include "bn_dates.h"
#include "bn_sentences.h"

#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- calendar ---------------------------------------------------------- */

/* A real day of month m of year y (0: a year not known, 29/2 allowed). */
static int valid_day(int y, int m, int d)
{
    return m >= 1 && m <= 12 && d >= 1 && d <= bn_days_in_month(y, m);
}

/* ---- recognition --------------------------------------------------------- */

/* A pattern matched in the text, before its value is worked out. */
typedef struct rawx {
    const bn_date_rule *rule;
    int d, d2, m, m2, y, n, q, wd; /* 0: not in the match */
    size_t tok_begin, tok_end;
    size_t sentence;
    int tense;                     /* -1 past, +1 future, 0 neither */
    int y_known;                   /* y is not written: a known gathering's */
} rawx;

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int token_number(const bn_article *a, size_t i, int max_len)
{
    const bn_token *t = &a->tokens.v[i];
    if (!(t->flags & BN_TOK_DIGIT) || (int)(t->end - t->start) > max_len)
        return -1;
    int v = 0; /* all digits, at most four: what atoi gives */
    for (uint32_t k = t->start; k < t->end; k++)
        v = v * 10 + (a->text.s[k] - '0');
    return v;
}

/* gap_is for a gap other than one space. */
static int gap_is_other(const char *s, uint32_t from, uint32_t to, const char *gap)
{
    if (to - from > 8)
        return 0;
    size_t k = 0;
    for (uint32_t p = from; p < to; p++) {
        if (s[p] == ' ')
            continue;
        if (!gap || gap[k] != s[p])
            return 0;
        k++;
    }
    return gap ? gap[k] == '\0' : 1;
}

/* The text between two tokens, spaces left out, equals `gap` (NULL: the
 * text is spaces only).  Inline for most gaps, one space (290 K calls on
 * 1,400 articles). */
static inline int gap_is(const bn_article *a, size_t i, const char *gap)
{
    const char *s = a->text.s;
    uint32_t from = a->tokens.v[i - 1].end, to = a->tokens.v[i].start;
    if (to - from == 1 && s[from] == ' ')
        return gap ? gap[0] == '\0' : 1;
    return gap_is_other(s, from, to, gap);
}

static const char *const romans[] = {"i", "ii", "iii", "iv"};

/* Where in a rawx an item's value goes, by the item's slot (-1: none). */
static const int value_at[BN_DS_Q + 1] = {
    [BN_DS_WORD] = -1,
    [BN_DS_D] = (int)offsetof(rawx, d),
    [BN_DS_D2] = (int)offsetof(rawx, d2),
    [BN_DS_M] = (int)offsetof(rawx, m),
    [BN_DS_M2] = (int)offsetof(rawx, m2),
    [BN_DS_Y] = (int)offsetof(rawx, y),
    [BN_DS_N] = (int)offsetof(rawx, n),
    [BN_DS_MW] = (int)offsetof(rawx, m),
    [BN_DS_WD] = (int)offsetof(rawx, wd),
    [BN_DS_DW] = -1,
    [BN_DS_Q] = (int)offsetof(rawx, q),
};

/* The text between token t - 1 and token t, as gap_is reads it: whether
 * it is one space (most are), else where it is. */
typedef struct gap_at {
    int space;
    uint32_t from, to;
} gap_at;

static gap_at gap_before(const bn_article *a, size_t t)
{
    uint32_t from = a->tokens.v[t - 1].end, to = a->tokens.v[t].start;
    return (gap_at){to - from == 1 && a->text.s[from] == ' ', from, to};
}

/* The tokens the item of edge e takes at token t (0: it does not match
 * there), its value in *v: the tests of a rule's items after the first,
 * the text before t (g: gap_before's, read once for a node's edges)
 * first. */
static size_t take_item(const bn_article *a, const bn_date_rules *R, const struct bn_date_edge *e, size_t t,
                        size_t end, gap_at g, int *v)
{
    /* (an edge's gap is never "": one space is its gap when it has none) */
    if (g.space ? e->gap != NULL : !gap_is_other(a->text.s, g.from, g.to, e->gap))
        return 0;
    const bn_token *tok = &a->tokens.v[t];
    const char *key = a->tokens.keys + tok->key;
    if (e->slot == BN_DS_WORD) /* (most edges: tested before the switch) */
        return tok->hash == e->hash && strcmp(key, e->word) == 0;
    switch ((bn_date_slot)e->slot) {
    case BN_DS_WORD:
        break;
    case BN_DS_D:
    case BN_DS_D2:
        return (*v = token_number(a, t, 2)) >= 1 && *v <= 31;
    case BN_DS_M:
    case BN_DS_M2:
        return (*v = token_number(a, t, 2)) >= 1 && *v <= 12;
    case BN_DS_Y:
        return tok->end - tok->start == 4 && (*v = token_number(a, t, 4)) >= 1900 && *v <= 2100;
    case BN_DS_N:
        if ((*v = token_number(a, t, 3)) > 0)
            return 1;
        return bn_phrases_match(R->numbers, a->text.s, &a->tokens, t, end, v);
    case BN_DS_MW:
        return bn_phrases_match(R->month_words, a->text.s, &a->tokens, t, end, v);
    case BN_DS_WD:
        return bn_phrases_match(R->weekdays, a->text.s, &a->tokens, t, end, v);
    case BN_DS_DW:
        return bn_phrases_match(R->day_words, a->text.s, &a->tokens, t, end, v);
    case BN_DS_Q:
        *v = token_number(a, t, 1);
        for (int q = 0; q < 4 && *v < 0; q++)
            if (strcmp(key, romans[q]) == 0)
                *v = q + 1;
        return *v >= 1 && *v <= 4;
    }
    return 0;
}

/* Whether a number or code goes on past the expression [i, t): "10/7/23/5",
 * "2-1-0", "1/10/7", "10/7/2023/QĐ" are no dates. */
static int number_goes_on(const bn_article *a, size_t i, size_t t)
{
    const char *s = a->text.s;
    uint32_t after = a->tokens.v[t - 1].end, before = a->tokens.v[i].start;
    if (after + 1 < a->text.len && is_digit(s[after - 1]) &&
        ((s[after] == '/' && s[after + 1] != ' ' && s[after + 1] != '\n') ||
         ((s[after] == '-' || s[after] == '.' || s[after] == ',') && is_digit(s[after + 1]))))
        return 1;
    return before >= 2 && (s[before - 1] == '/' || s[before - 1] == '-' || s[before - 1] == '.') &&
           is_digit(s[before - 2]) && is_digit(s[before]);
}

/* Whether a rule needs a date just before it: "ngày 10/7 và 11/7". */
static int context_ok(const rawx *prev, size_t i)
{
    return prev && prev->tok_end <= i && i - prev->tok_end <= 3;
}

/* The quotation mark at s[p] (e: the text's end): 1 one that opens, 2 one
 * that closes, 0 none; a straight '"' opens or closes as `open` says. */
static int quote_mark(const char *s, const char *e, uint32_t p, int open)
{
    return s[p] == '"' ? (open ? 2 : 1) : bn_curly_quote(s + p, e);
}

/* Whether a quotation mark stands between tokens k and l (k < l). */
static int quote_between(const bn_article *a, size_t k, size_t l)
{
    for (uint32_t p = a->tokens.v[k].end; p < a->tokens.v[l].start; p++)
        if (quote_mark(a->text.s, a->text.s + a->text.len, p, 0))
            return 1;
    return 0;
}

/* The tense at the expression [i, j) of a sentence: that of the nearest
 * marker, before or after it ("vào ngày 12/1, tổ chức này sẽ họp"), not
 * across a quotation mark. */
static int tense_at(const bn_article *a, const bn_date_rules *R, const bn_sentence *sn, size_t i, size_t j)
{
    int tense = 0;
    size_t best = SIZE_MAX;
    for (size_t t = sn->tok_begin; t < sn->tok_end;) {
        int payload;
        size_t n = bn_phrases_match(R->tense, a->text.s, &a->tokens, t, sn->tok_end, &payload);
        if (n == 0) {
            t++;
            continue;
        }
        if (payload == -2) {
            /* a reporting verb dates its own saying, after the day
             * ("ngày 14/5 cho biết"), not the clause it introduces */
            if (t < j) {
                t += n;
                continue;
            }
            payload = -1;
        }
        if (t + n <= i ? quote_between(a, t + n - 1, i) : t >= j && quote_between(a, j - 1, t)) {
            t += n; /* "…họ sẽ dừng lại", ông X nói ngày 20/4: the quotation's tense is not the day's */
            continue;
        }
        size_t dist = t < i ? i - (t + n) : t >= j ? t - j : 0;
        if (dist < best || (dist == best && t >= j)) { /* a tie goes to the verb after it */
            best = dist;
            tense = payload;
        }
        t += n;
    }
    return tense;
}

/* A time with no date at [start, end) of the clean text, added to the
 * article's periods, which stay in text order (cap: their room); NULL
 * when out of memory. */
static bn_period *add_period(bn_article *a, size_t *cap, uint32_t start, uint32_t end)
{
    bn_period *v = bn_arena_grow(&a->arena, a->periods, cap, a->nperiods + 1, sizeof *v);
    if (!v)
        return NULL;
    a->periods = v;
    size_t at = a->nperiods++;
    for (; at > 0 && v[at - 1].start > start; at--)
        v[at] = v[at - 1];
    v[at] = (bn_period){start, end, 0, 0};
    return &v[at];
}

/* Whether token t may start a rule: a word that starts none of the four
 * sets, no rule and no quarter ("i" .. "iv") starts nothing (most
 * words). */
static inline int may_start_rule(const bn_date_rules *R, const bn_token *t)
{
    return R->starts[t->hash % BN_DATE_STARTS] || (t->flags & BN_TOK_DIGIT);
}

/* A walk of the rules' tree from a token: the longest match so far, and
 * for a tie the first rule. */
typedef struct walk {
    const bn_article *a;
    const bn_date_rules *R;
    size_t i, end;     /* the first token; the sentence's end */
    const rawx *prev;  /* the date before in the sentence */
    rawx x;            /* the values read on the way to the node walked (all 0 between walks) */
    rawx best;         /* read when best_n is not 0 */
    size_t best_n;
} walk;

/* At node `node`, the expression read so far being [w->i, t): the first
 * of the rules ending there that may be taken, as the best when it is. */
static void take_rules(walk *w, const struct bn_date_node *node, size_t t)
{
    size_t n = t - w->i;
    if (n < w->best_n)
        return;
    const uint32_t *r = w->R->ends + node->end, *e = r + node->nends;
    while (r < e && w->R->v[*r].context && !context_ok(w->prev, w->i))
        r++;
    if (r == e || (n == w->best_n && *r >= (size_t)(w->best.rule - w->R->v)) || number_goes_on(w->a, w->i, t))
        return;
    w->best = w->x;
    w->best.rule = &w->R->v[*r];
    w->best.tok_begin = w->i;
    w->best.tok_end = t;
    w->best_n = n;
}

static void walk_from(walk *w, uint32_t node, size_t t);

/* walk_from with the value v of an item of slot `slot` in w->x while it
 * walks (and the value before put back after). */
static void walk_with(walk *w, uint32_t node, size_t t, int slot, int v)
{
    if (value_at[slot] < 0) {
        walk_from(w, node, t);
        return;
    }
    int *field = (int *)((char *)&w->x + value_at[slot]), before = *field;
    *field = v;
    walk_from(w, node, t);
    *field = before;
}

/* The rules under node `node` from token t on; node 0, the root, where a
 * slot or word opens no rule: none. */
static void walk_from(walk *w, uint32_t node, size_t t)
{
    if (node == 0)
        return;
    const struct bn_date_node *nd = &w->R->nodes[node];
    if (nd->nends)
        take_rules(w, nd, t);
    if (t >= w->end || nd->nedges == 0)
        return;
    const struct bn_date_edge *e = w->R->edges + nd->edge, *stop = e + nd->nedges;
    if (!(nd->words >> (w->a->tokens.v[t].hash % 64) & 1))
        e += nd->nwords; /* the word at t is none of the edges' words (they come first) */
    gap_at g = gap_before(w->a, t);
    for (; e < stop; e++) {
        int v = 0;
        size_t n = take_item(w->a, w->R, e, t, w->end, g, &v);
        if (n)
            walk_with(w, e->node, t + n, e->slot, v);
    }
}

/* The rules that start at token i, which may_start_rule: by the slots
 * the token fills as a first item, then by its word. */
static void walk_at(walk *w)
{
    const bn_article *a = w->a;
    const bn_date_rules *R = w->R;
    size_t i = w->i, end = w->end;
    const bn_token *t = &a->tokens.v[i];
    unsigned may = R->starts[t->hash % BN_DATE_STARTS];
    int payload;
    size_t n;
    if (t->flags & BN_TOK_DIGIT) {
        /* the tests of an item of each slot, done once: "2023" starts no
         * rule of a day, "45" none of a month */
        int len = (int)(t->end - t->start), v = token_number(a, i, 4);
        if (len <= 2 && v >= 1 && v <= 31) {
            walk_with(w, R->root_slot[BN_DS_D], i + 1, BN_DS_D, v);
            walk_with(w, R->root_slot[BN_DS_D2], i + 1, BN_DS_D2, v);
        }
        if (len <= 2 && v >= 1 && v <= 12) {
            walk_with(w, R->root_slot[BN_DS_M], i + 1, BN_DS_M, v);
            walk_with(w, R->root_slot[BN_DS_M2], i + 1, BN_DS_M2, v);
        }
        if (len == 4 && v >= 1900 && v <= 2100)
            walk_with(w, R->root_slot[BN_DS_Y], i + 1, BN_DS_Y, v);
        if (len <= 3 && v > 0)
            walk_with(w, R->root_slot[BN_DS_N], i + 1, BN_DS_N, v);
        else if ((n = bn_phrases_match(R->numbers, a->text.s, &a->tokens, i, end, &payload)) > 0)
            walk_with(w, R->root_slot[BN_DS_N], i + n, BN_DS_N, payload);
        if (len == 1 && v >= 1 && v <= 4)
            walk_with(w, R->root_slot[BN_DS_Q], i + 1, BN_DS_Q, v);
    } else {
        /* the four sets a word may start: `may` */
        if ((may & BN_DATE_STARTS_DW) &&
            (n = bn_phrases_match_at(R->day_words, a->text.s, &a->tokens, i, end, &payload)) > 0)
            walk_from(w, R->root_slot[BN_DS_DW], i + n);
        if ((may & BN_DATE_STARTS_WD) &&
            (n = bn_phrases_match_at(R->weekdays, a->text.s, &a->tokens, i, end, &payload)) > 0)
            walk_with(w, R->root_slot[BN_DS_WD], i + n, BN_DS_WD, payload);
        if ((may & BN_DATE_STARTS_MW) &&
            (n = bn_phrases_match_at(R->month_words, a->text.s, &a->tokens, i, end, &payload)) > 0)
            walk_with(w, R->root_slot[BN_DS_MW], i + n, BN_DS_MW, payload);
        if ((may & BN_DATE_STARTS_N) &&
            (n = bn_phrases_match_at(R->numbers, a->text.s, &a->tokens, i, end, &payload)) > 0)
            walk_with(w, R->root_slot[BN_DS_N], i + n, BN_DS_N, payload);
        const char *key = a->tokens.keys + t->key;
        for (int q = 0; q < 4 && (may & BN_DATE_STARTS_Q); q++)
            if (strcmp(key, romans[q]) == 0)
                walk_with(w, R->root_slot[BN_DS_Q], i + 1, BN_DS_Q, q + 1);
    }
    uint32_t node;
    if ((may & BN_DATE_STARTS_RULE) && (node = bn_date_rules_first_word(R, t->hash, a->tokens.keys + t->key)))
        walk_from(w, node, i + 1);
}

typedef struct rawv {
    rawx *v;
    size_t n, cap;
} rawv;

/* The days from another act to the act of a period read as no date of
 * its own, by the rule that read it ("một ngày trước khi" -1, "hai tuần
 * sau khi" +14): 1 and *days, or 0 (no offset, or months and years, which
 * no day can be counted from). */
static int counted_days(const rawx *x, long *days)
{
    const bn_date_rule *r = x->rule;
    if (!r->has_offset || (r->unit != BN_DU_DAY && r->unit != BN_DU_WEEK))
        return 0;
    *days = (long)(x->n ? x->n : 1) * r->offset * (r->unit == BN_DU_WEEK ? 7 : 1);
    return 1;
}

/* Whether a weekday standing alone is an ordinal: "gói trừng phạt thứ
 * sáu", "lần thứ hai".  News capitalises a weekday's number ("hôm thứ
 * Sáu", "Nga thứ Hai cho biết"); an ordinal after a common word has it
 * in lower case; so has the point of a list that opens a sentence.  A
 * number in digits has no case: after a common word it is an ordinal
 * ("lần thứ 3", "kỳ họp thứ 2", "người phát ngôn thứ 2"), after a name a
 * weekday ("Nga thứ 2 cho biết"), and after a weekday_word ("vào thứ
 * 5", "từ thứ 2").  A weekday not ending in a number ("chủ nhật") is
 * none. */
static int ordinal(const bn_article *a, const bn_date_rules *R, const bn_sentence *sn, const rawx *x)
{
    if (x->rule->kind != BN_DK_WEEKDAY || x->rule->nitems != 1 || x->rule->items[0].slot != BN_DS_WD)
        return 0;
    const bn_token *last = &a->tokens.v[x->tok_end - 1];
    if (x->tok_begin == sn->tok_begin) {
        /* "Thứ hai, Bắc Kinh phản đối ...": the second point of a list,
         * its number in lower case and a comma after it ("Thứ Hai, ông
         * X cho biết" is a Monday) */
        int payload;
        return !(last->flags & (BN_TOK_UPPER | BN_TOK_DIGIT)) && last->end < a->text.len &&
               a->text.s[last->end] == ',' && bn_phrases_match(R->numbers, a->text.s, &a->tokens, x->tok_end - 1, x->tok_end, &payload) == 1;
    }
    const bn_token *before = &a->tokens.v[x->tok_begin - 1];
    if ((last->flags & BN_TOK_UPPER) || (before->flags & (BN_TOK_UPPER | BN_TOK_DIGIT)))
        return 0;
    for (uint32_t p = before->end; p < a->tokens.v[x->tok_begin].start; p++)
        if (a->text.s[p] != ' ')
            return 0;
    int payload;
    if (last->flags & BN_TOK_DIGIT)
        return bn_phrases_match(R->weekday_words, a->text.s, &a->tokens, x->tok_begin - 1, x->tok_begin, &payload) != 1;
    return bn_phrases_match(R->numbers, a->text.s, &a->tokens, x->tok_end - 1, x->tok_end, &payload) == 1;
}

static bn_status recognise(bn_article *a, const bn_date_rules *R, rawv *out)
{
    size_t pcap = 0;
    walk w = {.a = a, .R = R};
    for (size_t k = 0; k < a->nsentences; k++) {
        const bn_sentence *sn = &a->sentences[k];
        const rawx *prev = NULL;
        for (size_t i = sn->tok_begin; i < sn->tok_end;) {
            /* the words that start nothing passed over in a loop of their
             * own (six tokens in seven on the slice) */
            while (i < sn->tok_end && !may_start_rule(R, &a->tokens.v[i]))
                i++;
            if (i == sn->tok_end)
                break;
            w.i = i, w.end = sn->tok_end, w.prev = prev, w.best_n = 0;
            walk_at(&w);
            rawx best = w.best;
            size_t best_n = w.best_n;
            if (best_n == 0) {
                i++;
                continue;
            }
            /* "Chuyến công du 4 ngày tới Bắc Kinh": "tới" is "to" */
            if (best.rule->not_before_name && i + best_n < sn->tok_end &&
                (a->tokens.v[i + best_n].flags & BN_TOK_UPPER)) {
                i += best_n;
                continue;
            }
            if (best.rule->kind == BN_DK_NOT || ordinal(a, R, sn, &best)) {
                if (best.rule->kind == BN_DK_NOT) { /* "hai ngày sau khi ...": no date of its own */
                    bn_period *p = add_period(a, &pcap, a->tokens.v[i].start, a->tokens.v[i + best_n - 1].end);
                    if (!p)
                        return BN_ERR_NOMEM;
                    p->counted = counted_days(&best, &p->days);
                }
                i += best_n;
                continue;
            }
            best.sentence = k;
            best.tense = tense_at(a, R, sn, best.tok_begin, best.tok_end);
            rawx *v = bn_arena_grow(&a->arena, out->v, &out->cap, out->n + 1, sizeof *v);
            if (!v)
                return BN_ERR_NOMEM;
            out->v = v;
            out->v[out->n++] = best;
            prev = &out->v[out->n - 1];
            i += best_n;
        }
    }
    return BN_OK;
}


/* ---- values ---------------------------------------------------------------- */


/* When the article was written, as days: known exactly (the DCT), or
 * bounded by its own dates. */
typedef struct when {
    int known;       /* lo == hi: the DCT */
    long lo, hi;     /* LONG_MIN / LONG_MAX when unbounded */
    int hi_is_day;   /* hi comes from a coming day or month, not a year */
    bn_year_source source;
    int hi_firm;     /* the offices of people named bound the writing: it is not after hi */
    int lo_is_day;   /* lo is a past day or month the article writes (not a year, not an office) */
    long named_lo;   /* a year before the latest day or month with a year the article names untensed */
    long shot_lo;    /* the latest day a photo's caption dates: the page is not older */
    int hi_saved;    /* hi is the day after the file was saved */
} when;

/* The one year that puts month m, day d (0: mid-month) in [from, to]
 * days: 0 when none does, -1 when several do. */
static int one_year(int m, int d, long from, long to)
{
    int ylo, yhi, mm, dd, found = 0;
    bn_civil_from_days(from, &ylo, &mm, &dd);
    bn_civil_from_days(to, &yhi, &mm, &dd);
    for (int y = ylo; y <= yhi; y++) {
        if (d && !valid_day(y, m, d))
            continue;
        long t = bn_days_from_civil(y, m, d ? d : 15);
        if (t >= from && t <= to) {
            if (found)
                return -1;
            found = y;
        }
    }
    return found;
}

/* How old a past day of the lead may be: of the past days in the first
 * 700 bytes of the dated bulk pages, 96 % are at most 30 days old. */
enum { LEAD_AGE = 30 };
/* how far before or after the window of its writing an article's days
 * fall, when they have no year (half a year) */
enum { WINDOW_SLACK = 180 };

/* The year of month m, day d (d = 0: the month as a whole) given when the
 * article was written, the sentence's tense and whether it is in the
 * lead; 0 when it cannot be told. */
static int year_of(const when *w, int m, int d, int tense, int lead, bn_year_source *src)
{
    int mid = d ? d : 15;
    int slack = d ? 7 : 20;
    if (w->known) {
        int y0, mm, dd;
        bn_civil_from_days(w->lo, &y0, &mm, &dd);
        int best = 0;
        long best_dist = LONG_MAX;
        for (int y = y0 - 4; y <= y0 + 4; y++) {
            if (d && !valid_day(y, m, d))
                continue;
            long dist = labs(bn_days_from_civil(y, m, mid) - w->lo);
            if (dist < best_dist) {
                best = y;
                best_dist = dist;
            }
        }
        if (!best)
            return 0;
        long t = bn_days_from_civil(best, m, mid);
        if (tense < 0 && t > w->lo + slack && (!d || valid_day(best - 1, m, d)))
            best--;
        else if (tense > 0 && t < w->lo - slack && (!d || valid_day(best + 1, m, d)))
            best++;
        *src = w->source;
        return best;
    }
    /* where the article's dates can fall: around the window (half a year
     * either side) when it is bounded on both sides; up to a year before
     * a coming day it names (news speaks of what is weeks ahead, not
     * years) */
    long from, to;
    int bounded = w->lo != LONG_MIN && w->hi != LONG_MAX;
    if (bounded) {
        from = w->lo - WINDOW_SLACK;
        to = w->hi + WINDOW_SLACK;
    } else if (w->hi != LONG_MAX && w->hi_is_day) {
        from = w->hi - 365;
        to = w->hi + WINDOW_SLACK;
    } else {
        return 0;
    }
    int found = 0;
    /* a past day of the lead is days old when the page is written, which
     * the offices named put in [lo, hi]: Rex Tillerson (from 2017-02-01)
     * and "ngày 10/12" in the lead is 2017-12-10, not 2016 */
    if (lead && d && tense <= 0 && bounded && w->hi_firm)
        found = one_year(m, d, w->lo - LEAD_AGE, w->hi);
    if (found <= 0)
        found = one_year(m, d, from, to);
    /* two years fit: when the offices named bound the writing, a past or
     * untensed act is before its end, a coming one after its start
     * (Tillerson as Secretary of State, 2017-02 .. 2018-03: "9/7" is
     * 2017) */
    if (found < 0 && bounded && w->hi_firm)
        found = tense > 0 ? one_year(m, d, w->lo, w->hi + WINDOW_SLACK) : one_year(m, d, w->lo - WINDOW_SLACK, w->hi);
    if (found <= 0)
        return 0;
    *src = BN_YEAR_INFERRED;
    return found;
}

/* The years a day or month x without its year may be in, for the
 * resolver, from the window w the article's clues leave: a past or
 * untensed time no more than WINDOW_SLACK days before the writing's
 * earliest day, a coming one no earlier than a week before it; a coming
 * time within a year after the writing's latest day, a past one no later
 * than a week after it, an untensed one WINDOW_SLACK days.  Counted per
 * day, not per year: "hôm 19/4" in a page written from 2022-02-24 on is
 * of 2022, not 2021 (a year before the window's start, as the year alone
 * would allow). */
static void day_years(const when *w, const rawx *x, bn_timex *t)
{
    int m = x->m, first = x->d ? x->d : 1, y, mm, dd;
    if (w->lo != LONG_MIN) {
        long from = x->tense > 0 ? w->lo - 7 : w->lo - WINDOW_SLACK;
        bn_civil_from_days(from, &y, &mm, &dd);
        /* the first year whose day (a month's last day) is not before `from` */
        for (;; y++) {
            int last = x->d ? x->d : bn_days_in_month(y, m);
            if (valid_day(y, m, last) && bn_days_from_civil(y, m, last) >= from)
                break;
        }
        t->year_lo = y;
    }
    if (w->hi != LONG_MAX) {
        long to = x->tense < 0 ? w->hi + 7 : x->tense > 0 ? w->hi + 366 : w->hi + WINDOW_SLACK;
        bn_civil_from_days(to, &y, &mm, &dd);
        /* the last year whose day (a month's first day) is not after `to` */
        for (;; y--)
            if (valid_day(y, m, first) && bn_days_from_civil(y, m, first) <= to)
                break;
        t->year_hi = y;
    }
}

/* The days an expression with a written year covers. */
static int span_of(const rawx *x, long *s, long *e)
{
    const bn_date_rule *r = x->rule;
    if (!x->y)
        return 0;
    switch (r->kind) {
    case BN_DK_DAY:
        if (!valid_day(x->y, x->m, x->d))
            return 0;
        *s = *e = bn_days_from_civil(x->y, x->m, x->d);
        return 1;
    case BN_DK_RANGE:
    case BN_DK_SPAN:
        if (!valid_day(x->y, x->m, x->d))
            return 0;
        *s = bn_days_from_civil(x->y, x->m, x->d);
        *e = *s;
        return 1;
    case BN_DK_MONTH:
        *s = bn_days_from_civil(x->y, x->m, 1);
        *e = bn_days_from_civil(x->y, x->m, bn_days_in_month(x->y, x->m));
        return 1;
    case BN_DK_YEAR:
    case BN_DK_HALF:
    case BN_DK_QUARTER:
        *s = bn_days_from_civil(x->y, 1, 1);
        *e = bn_days_from_civil(x->y, 12, 31);
        return 1;
    default:
        return 0;
    }
}

/* A day and month without a year in a sentence that names a known
 * gathering ("Hội nghị thượng đỉnh tại Vilnius từ ngày 11-12/7") take the
 * year of the gathering they fall in, when all such gatherings agree. */
static void years_of_gatherings(const bn_article *a, rawv *raws)
{
    for (size_t i = 0; i < raws->n && a->ngatherings; i++) {
        rawx *x = &raws->v[i];
        if (x->y || !x->d || !x->m)
            continue;
        int year = 0, clash = 0;
        for (size_t g = 0; g < a->ngatherings; g++) {
            const bn_gathering_ref *gr = &a->gatherings[g];
            if (gr->sentence != x->sentence || gr->series)
                continue; /* a sitting of a series is series_window's */
            int y0, y1, mm, dd;
            bn_civil_from_days(gr->from, &y0, &mm, &dd);
            bn_civil_from_days(gr->to, &y1, &mm, &dd);
            for (int y = y0; y <= y1; y++) {
                if (!valid_day(y, x->m, x->d))
                    continue;
                long t = bn_days_from_civil(y, x->m, x->d);
                /* not a gathering years away from when the offices of the
                 * people named say the article was written */
                if (t < gr->from || t > gr->to || (a->written_after != LONG_MIN && t < a->written_after - 365) ||
                    (a->written_before != LONG_MAX && t > a->written_before + 365))
                    continue;
                if (year && year != y)
                    clash = 1;
                year = y;
            }
        }
        if (year && !clash) {
            x->y = year;
            x->y_known = 1;
        }
    }
}

int bn_word_before(const bn_article *a, const bn_lang *lang, size_t tok, unsigned kinds)
{
    for (size_t n = 1; n <= 4 && n <= tok; n++) {
        int payload;
        if (bn_phrases_match(lang->event_words, a->text.s, &a->tokens, tok - n, tok, &payload) == n &&
            payload > 0 && (kinds & 1u << payload))
            return 1;
    }
    return 0;
}

/* Without a DCT: a written date in a future sentence was ahead of the
 * writer; in a past one, behind. */
static when estimate(const bn_article *a, const bn_lang *lang, const rawv *raws)
{
    when w = {0, LONG_MIN, LONG_MAX, 0, BN_YEAR_INFERRED, 0, 0, LONG_MIN, LONG_MIN, 0};
    size_t seen = SIZE_MAX;
    int caption = 0;
    for (size_t i = 0; i < raws->n; i++) {
        long s, e;
        if (!span_of(&raws->v[i], &s, &e))
            continue;
        if (raws->v[i].sentence != seen) {
            seen = raws->v[i].sentence;
            caption = bn_sentence_is_caption(a, lang, seen);
        }
        /* not a point compared with ("so với cùng kỳ năm 2019"), whose
         * tense is the sentence's, not its own */
        if (bn_word_before(a, lang, raws->v[i].tok_begin, 1u << BN_EW_COMPARE))
            continue;
        /* a photo's caption: "Thủy thủ đoàn ... hồi tháng 2/2012 (Ảnh:
         * Reuters)" dates the photo, often years old, but a photo was
         * taken before the page that shows it was written: its start
         * bounds from below, and is no day the writing follows closely
         * (not lo_is_day) */
        if (caption) {
            if (raws->v[i].tense <= 0 && s > w.shot_lo)
                w.shot_lo = s;
            continue;
        }
        /* a day or month with its year and no tense ("tháng 12/2025"): a
         * page is seldom written more than a year before the days it
         * names (a year alone may be a target: "đến năm 2030") */
        if (!raws->v[i].tense) {
            if (e - s < 31 && s - 365 > w.named_lo)
                w.named_lo = s - 365;
            continue;
        }
        /* a coming "năm 2018" may be written during 2018: its end bounds */
        if (raws->v[i].tense > 0 && e < w.hi) {
            w.hi = e;
            w.hi_is_day = e - s < 31;
        } else if (raws->v[i].tense < 0 && s > w.lo) {
            w.lo = s;
            w.lo_is_day = e - s < 31;
        }
    }
    if (w.lo != LONG_MIN && w.hi != LONG_MAX && w.lo > w.hi)
        w.lo = LONG_MIN, w.hi = LONG_MAX; /* the article's dates disagree: no estimate */
    if (w.hi != LONG_MAX && w.hi < bn_days_from_civil(BN_WRITING_EPOCH_YEAR, 1, 1))
        w.hi = LONG_MAX, w.hi_is_day = 0; /* misread: no page is that old */
    return w;
}

/* "trước thềm Hội nghị G7" in an article of "hôm 26/5" and "sáng 29/5":
 * a summit named by its organiser alone is the sitting that a day and
 * month of the article fall within a week of, when one year alone puts
 * one there; the writing is within three months of it. */
static void series_window(const bn_article *a, const rawv *raws, when *w)
{
    const bn_gathering_ref *pick = NULL;
    int year = 0;
    for (size_t i = 0; i < raws->n; i++) {
        const rawx *x = &raws->v[i];
        if (x->y || !x->d || !x->m)
            continue;
        for (size_t g = 0; g < a->ngatherings; g++) {
            const bn_gathering_ref *gr = &a->gatherings[g];
            if (!gr->series)
                continue;
            int y, mm, dd;
            bn_civil_from_days(gr->from, &y, &mm, &dd);
            if (!valid_day(y, x->m, x->d))
                continue;
            /* near the sitting, and where the article's dates may be */
            long t = bn_days_from_civil(y, x->m, x->d);
            if (t < gr->from - 7 || t > gr->to + 7 || (w->lo != LONG_MIN && t < w->lo - WINDOW_SLACK) ||
                (w->hi != LONG_MAX && t > w->hi + WINDOW_SLACK) || (w->lo != LONG_MIN && w->hi != LONG_MAX && (t < w->lo || t > w->hi)))
                continue;
            if (year && year != y)
                return; /* sittings of two years: no clue */
            year = y;
            pick = gr;
        }
    }
    if (!pick)
        return;
    long lo = pick->from - 90 > w->lo ? pick->from - 90 : w->lo;
    long hi = pick->to + 90 < w->hi ? pick->to + 90 : w->hi;
    if (lo > hi)
        return; /* the other clues say otherwise */
    if (hi < w->hi)
        w->hi_is_day = 0;
    w->lo = lo;
    w->hi = hi;
}

/* Day precision value of the first absolute day of the sentence, to anchor
 * its relative expressions ("hôm nay" in a quote dated by the sentence). */
typedef struct anchor {
    int ok;
    long day;
    bn_year_source source;
} anchor;

static bn_status add_timex(bn_article *a, size_t *cap, const rawx *x, bn_timex **out)
{
    bn_timex *v = bn_arena_grow(&a->arena, a->timexes, cap, a->ntimexes + 1, sizeof *v);
    if (!v)
        return BN_ERR_NOMEM;
    a->timexes = v;
    bn_timex *t = &a->timexes[a->ntimexes++];
    memset(t, 0, sizeof *t);
    t->start = a->tokens.v[x->tok_begin].start;
    t->end_off = a->tokens.v[x->tok_end - 1].end;
    t->mod = x->rule->mod;
    *out = t;
    return BN_OK;
}

/* Works out an absolute expression; returns 0 when it is not a date after
 * all (30/2). */
static int absolute(const rawx *x, const when *w, int lead, bn_timex *t)
{
    const bn_date_rule *r = x->rule;
    bn_year_source src = x->y_known ? BN_YEAR_INFERRED : BN_YEAR_TEXT;
    int y = x->y;
    switch (r->kind) {
    case BN_DK_DAY:
    case BN_DK_RANGE:
    case BN_DK_SPAN:
        if (y && r->kind == BN_DK_SPAN && x->m2 < x->m)
            y--; /* "28/12-2/1/2024": the written year is the end's */
        if (!y && !(y = year_of(w, x->m, x->d, x->tense, lead, &src)))
            src = BN_YEAR_UNKNOWN;
        if (!valid_day(y, x->m, x->d))
            return 0;
        t->value = bn_date_day(y, x->m, x->d);
        if (r->kind == BN_DK_RANGE) {
            if (x->d2 <= x->d || !valid_day(y, x->m, x->d2))
                return 0;
            t->end = bn_date_day(y, x->m, x->d2);
            t->has_end = 1;
        } else if (r->kind == BN_DK_SPAN) {
            int y2 = y && x->m2 < x->m ? y + 1 : y;
            int d2 = r->month_end ? bn_days_in_month(y2, x->m2) : x->d2;
            if (!valid_day(y2, x->m2, d2) || (x->m2 == x->m && d2 <= x->d))
                return 0;
            t->end = bn_date_day(y2, x->m2, d2);
            t->has_end = 1;
        }
        break;
    case BN_DK_MONTH:
        if (!y && !(y = year_of(w, x->m, 0, x->tense, 0, &src)))
            src = BN_YEAR_UNKNOWN;
        t->value = bn_date_month(y, x->m);
        break;
    case BN_DK_YEAR:
        t->value = bn_date_year(y);
        break;
    case BN_DK_HALF:
    case BN_DK_QUARTER:
        if (!y) {
            /* "quý IV", "nửa đầu năm nay": the year of the anchor */
            if (!w->known)
                return 0;
            int mm, dd;
            bn_civil_from_days(w->lo, &y, &mm, &dd);
            src = w->source;
        }
        t->value = r->kind == BN_DK_HALF ? bn_date_half(y, r->half == 2 ? 2 : 1) : bn_date_quarter(y, x->q);
        break;
    default:
        return 0;
    }
    /* "thứ Hai (12/4)" in a year the clues infer where 12/4 is no
     * Monday: the clues disagree, the year is left open */
    int disagree = src == BN_YEAR_INFERRED && x->wd && r->kind == BN_DK_DAY && !x->y &&
                   bn_weekday(bn_days_from_civil(y, x->m, x->d)) != x->wd;
    if (disagree) {
        src = BN_YEAR_UNKNOWN;
        t->value.year = 0;
    }
    t->year_source = src;
    if (src == BN_YEAR_UNKNOWN) {
        /* what the article's own dates say of the year, for the resolver:
         * a past event is no later than the writing, a coming one no
         * earlier, and near it per day (day_years: Marco Rubio as
         * Secretary of State "hôm 28/1": 2025 at the earliest, not 2017) */
        day_years(w, x, t);
        /* "thứ Hai (12/4)": of the years the clues leave, the one where
         * 12 April is a Monday */
        if (x->wd && r->kind == BN_DK_DAY && !disagree && t->year_lo && t->year_hi && t->year_hi - t->year_lo <= 10) {
            int found = 0, n = 0;
            for (int yy2 = t->year_lo; yy2 <= t->year_hi; yy2++)
                if (valid_day(yy2, x->m, x->d) && bn_weekday(bn_days_from_civil(yy2, x->m, x->d)) == x->wd) {
                    found = yy2;
                    n++;
                }
            if (n == 1) {
                t->value.year = found;
                t->year_source = BN_YEAR_INFERRED;
                t->year_lo = t->year_hi = 0;
            }
        }
        /* a past day or month the bounds per day leave one year for,
         * the day the file was saved ending the window: the page was
         * written by then, and the day before the writing ("ngày 3/1 đã"
         * with a photo of December 2025, saved on 2026-12-07, is 2026:
         * 2027-01-03 is after the saving) -- not when a coming year ends
         * it ("sẽ cao hơn mức của năm 2018" is often misread), nor for an
         * untensed day, which may be ahead */
        if (t->year_source == BN_YEAR_UNKNOWN && t->year_lo && t->year_lo == t->year_hi && !disagree &&
            x->tense < 0 && w->hi_saved && (r->kind == BN_DK_DAY || r->kind == BN_DK_MONTH)) {
            t->value.year = t->year_lo;
            t->year_source = BN_YEAR_INFERRED;
            t->year_lo = t->year_hi = 0;
        }
    }
    return 1;
}

/* Works out a relative expression from its anchor; 0 when it has none. */
/* The arithmetic of relative expression x (a unit and offset, or a
 * weekday) counted from a day; 0 for "vài ngày trước" (some days). */
static int shift_of(const rawx *x, bn_shift *sh)
{
    const bn_date_rule *r = x->rule;
    memset(sh, 0, sizeof *sh);
    if (r->kind == BN_DK_WEEKDAY) {
        sh->unit = BN_SHIFT_WEEKDAY;
        sh->weekday = x->wd;
        sh->count = r->has_offset ? r->offset : 0;
        sh->toward = r->has_offset ? 0 : x->tense > 0 ? 1 : -1;
        return 1;
    }
    int n = x->n ? x->n : 1;
    if (n < 0)
        return 0; /* "vài ngày trước": some days */
    sh->count = r->offset * n;
    switch (r->unit) {
    case BN_DU_DAY:
        sh->unit = BN_SHIFT_DAY;
        break;
    case BN_DU_WEEK:
        sh->unit = BN_SHIFT_WEEK;
        break;
    case BN_DU_MONTH:
        sh->unit = BN_SHIFT_MONTH;
        break;
    case BN_DU_YEAR:
        /* "tháng 10 năm ngoái", "ngày 5/3 năm nay": the month (and day)
         * written, in the year counted from the anchor's */
        sh->unit = BN_SHIFT_YEAR;
        sh->month = x->m;
        sh->day = x->m ? x->d : 0;
        break;
    }
    return 1;
}

static int relative(const rawx *x, const anchor *an, const bn_timex *before, bn_timex *t)
{
    const bn_date_rule *r = x->rule;
    if (r->kind == BN_DK_REF) {
        if (before) {
            t->value = before->value;
            t->year_source = before->year_source;
            return 1;
        }
        if (!an->ok)
            return 0;
        t->value = bn_date_of_days(an->day);
        t->year_source = an->source;
        return 1;
    }
    anchor from = *an;
    if (r->after_previous) { /* "Một tuần sau, ...": after the day just told */
        if (!before || !before->value.year)
            return 0;
        from.ok = 1;
        from.day = bn_days_from_civil(before->value.year, before->value.month, before->value.day);
        from.source = before->year_source;
        an = &from;
    }
    if (!an->ok)
        return 0;
    t->year_source = an->source;
    bn_shift sh;
    if (!shift_of(x, &sh))
        return 0;
    return bn_shift_apply(&sh, an->day, &t->value);
}

static int is_relative(const rawx *x)
{
    return x->rule->kind == BN_DK_REL || x->rule->kind == BN_DK_WEEKDAY || x->rule->kind == BN_DK_REF;
}

/* Whether the one word at token i is a word of `words` with this payload. */
static int word_is(const bn_article *a, const bn_phrases *words, size_t i, int want)
{
    int payload;
    return bn_phrases_match(words, a->text.s, &a->tokens, i, i + 1, &payload) == 1 && payload == want;
}

static int timex_order(const void *va, const void *vb)
{
    const bn_timex *x = va, *y = vb;
    return (x->start > y->start) - (x->start < y->start);
}

/* "Hôm 14/5 ... ông X ngày 14/5 cho biết": a day still without a year
 * that is within a week of a day of the article that has one takes the
 * year that puts it nearest; none when two dated days disagree. */
static void years_of_neighbours(bn_article *a)
{
    for (size_t i = 0; i < a->ntimexes; i++) {
        bn_timex *t = &a->timexes[i];
        if (t->year_source != BN_YEAR_UNKNOWN || t->value.precision != BN_PREC_DAY)
            continue;
        int m = t->value.month, d = t->value.day;
        int year = 0, clash = 0;
        long best = 8;
        for (size_t k = 0; k < a->ntimexes; k++) {
            const bn_timex *c = &a->timexes[k];
            if (c->year_source == BN_YEAR_UNKNOWN || c->value.precision != BN_PREC_DAY)
                continue;
            int cy = c->value.year;
            long cday = bn_days_from_civil(cy, c->value.month, c->value.day);
            for (int y = cy - 1; y <= cy + 1; y++) {
                if (!valid_day(y, m, d) || (t->year_lo && y < t->year_lo) || (t->year_hi && y > t->year_hi))
                    continue;
                long dist = labs(bn_days_from_civil(y, m, d) - cday);
                if (dist < best) {
                    best = dist;
                    clash = 0;
                    year = y;
                } else if (dist == best && y != year) {
                    clash = 1;
                }
            }
        }
        if (!year || clash)
            continue;
        t->value.year = year;
        if (t->has_end)
            t->end.year = t->end.month < m ? year + 1 : year;
        t->year_source = BN_YEAR_INFERRED;
        t->year_lo = t->year_hi = 0;
    }
}

/* The lead: the sentences that tell the news, whose day is the news day:
 * the first three past the photo captions a page opens with, not counting
 * those wholly inside a quotation (four quoted sentences, then "ông X nói
 * ngày 20/4" are one utterance and its saying).  Returns the index after
 * the lead's last sentence. */
enum { LEAD_SENTENCES = 3, LEAD_MAX = 8 };

static size_t lead_of(const bn_article *a, const bn_lang *lang)
{
    const char *s = a->text.s, *e = s + a->text.len;
    size_t k = 0, counted = 0;
    while (k < a->nsentences && k < 3 && bn_sentence_is_caption(a, lang, k))
        k++;
    int open = 0; /* inside a quotation */
    for (size_t first = k; k < a->nsentences && counted < LEAD_SENTENCES && k - first < LEAD_MAX; k++) {
        const bn_sentence *sn = &a->sentences[k];
        int inside = open || quote_mark(s, e, sn->start, open) == 1, closed = 0;
        /* a mark is a '"' or opens with 0xE2 (“ ”): the bytes between
         * them passed over by memchr, the next of each kind kept */
        const char *stop = s + sn->end;
        const char *dq = memchr(s + sn->start, '"', sn->end - sn->start);
        const char *cq = memchr(s + sn->start, 0xE2, sn->end - sn->start);
        while (dq || cq) {
            const char *m = !cq || (dq && dq < cq) ? dq : cq;
            int q = quote_mark(s, e, (uint32_t)(m - s), open);
            if (q) {
                closed |= q == 2;
                open = q == 1;
            }
            if (m == dq)
                dq = memchr(m + 1, '"', (size_t)(stop - m - 1));
            else
                cq = memchr(m + 1, 0xE2, (size_t)(stop - m - 1));
        }
        counted += !(inside && open && !closed); /* wholly inside a quotation */
    }
    return k;
}

/* Without a DCT, the article was most likely written on the latest past
 * day its lead names or a day or two after (news of Europe and America
 * reaches a Vietnamese page the next morning; a day further in the body
 * may be weeks old): a relative expression with no day before it in its
 * sentence ("tuần trước", "tháng này", "hôm thứ Hai") takes the value it
 * has from each of those days (BN_WRITING_LAG), when they agree; "hôm
 * qua" (several values) stays undated.  A page that writes its day beside
 * "hôm nay" ("Chiều nay (26/5)", "hôm qua (25/5)") was written that day:
 * the expressions are counted from it alone.  `writing` is that day (its
 * year 0 when not known: the expression is deferred, and the resolver
 * counts it once other articles have given the day its year); the first
 * `n` of raws are the expressions. */
typedef struct writing_day {
    bn_date day; /* precision 0 and month 0: none */
    int lag;
} writing_day;

/* An expression the writing's day leaves undated is a time told with no
 * date: its acts get none, not an older day of the sentence ("... đình
 * chỉ các chuyến bay vào tháng 3/2019, hôm qua thông báo ..."). */
static bn_status undated(bn_article *a, size_t *pcap, const rawx *x)
{
    return add_period(a, pcap, a->tokens.v[x->tok_begin].start, a->tokens.v[x->tok_end - 1].end) ? BN_OK
                                                                                                : BN_ERR_NOMEM;
}

static bn_status relative_to_writing(bn_article *a, size_t *cap, size_t *pcap, const rawv *raws, size_t n,
                                     const writing_day *w)
{
    if (!w->day.month) {
        for (size_t i = 0; i < n; i++)
            if (undated(a, pcap, &raws->v[i]) != BN_OK)
                return BN_ERR_NOMEM;
        return BN_OK;
    }
    long from = bn_days_from_civil(w->day.year ? w->day.year : 2000, w->day.month, w->day.day);
    size_t first = a->ntimexes;
    for (size_t i = 0; i < n; i++) {
        bn_shift sh;
        bn_date one;
        /* "hôm nay", "hôm qua": a day, which the lag leaves open */
        int dated = shift_of(&raws->v[i], &sh) && !(w->lag && sh.unit == BN_SHIFT_DAY);
        sh.lag = w->lag;
        if (dated && w->day.year)
            dated = bn_shift_apply(&sh, from, &one);
        if (!dated) {
            if (undated(a, pcap, &raws->v[i]) != BN_OK)
                return BN_ERR_NOMEM;
            continue;
        }
        bn_timex *t;
        bn_status st = add_timex(a, cap, &raws->v[i], &t);
        if (st != BN_OK)
            return st;
        if (w->day.year) {
            t->value = one;
            t->year_source = BN_YEAR_INFERRED;
        } else {
            t->value = w->day;
            t->year_source = BN_YEAR_DEFERRED;
            t->deferred = sh;
        }
    }
    if (a->ntimexes > first)
        qsort(a->timexes, a->ntimexes, sizeof *a->timexes, timex_order);
    return BN_OK;
}

/* The day a page without a DCT was written, from what its lead says:
 * the day "hôm nay (26/5)" names (`now`, month 0: none), else the latest
 * past day of the lead with its year (`latest`) or without it (`lead`, in
 * 2000; LONG_MIN: none, LONG_MAX: two far apart), up to BN_WRITING_LAG
 * days before.  A day without its year after the latest one with it, in
 * the year nearest it, is the later ("hôm 19/12/2025" ... "ngày 1/2":
 * 1/2/2026). */
static writing_day writing_of(const bn_date *now, long latest, long lead)
{
    writing_day wr = {{0}, BN_WRITING_LAG};
    int has_lead = lead != LONG_MIN && lead != LONG_MAX;
    if (now->month) {
        wr.day = *now;
        wr.lag = 0;
        return wr;
    }
    if (latest != LONG_MIN && has_lead) {
        int y, m, d, ly, lm, ld;
        bn_civil_from_days(latest, &ly, &lm, &ld);
        bn_civil_from_days(lead, &y, &m, &d);
        for (int yy = ly; yy <= ly + 1; yy++) {
            long day = bn_days_from_civil(yy, m, d);
            if (d <= bn_days_in_month(yy, m) && day > latest && day - latest <= 183)
                latest = day;
        }
    }
    if (latest != LONG_MIN) {
        wr.day = bn_date_of_days(latest);
    } else if (has_lead) {
        wr.day = bn_date_of_days(lead);
        wr.day.year = 0;
    }
    return wr;
}

/* "Chiều nay (26/5)", "ngày hôm qua (25/5)": relative day x (no count)
 * written just before absolute day t, alone or in brackets: the day the
 * page was written (its year 0 when t has none), into *out; else 0. */
static int day_of_writing(const bn_article *a, const rawx *x, const rawx *next, const bn_timex *t, bn_date *out)
{
    const bn_date_rule *r = x->rule;
    if (r->kind != BN_DK_REL || r->unit != BN_DU_DAY || x->n || r->after_previous || next->tok_begin != x->tok_end ||
        !(gap_is(a, next->tok_begin, NULL) || gap_is(a, next->tok_begin, "(")) ||
        t->value.precision != BN_PREC_DAY || t->has_end || t->mod)
        return 0;
    int y = t->value.year ? t->value.year : 2000; /* a leap year: 29/2 is a day */
    *out = bn_date_of_days(bn_days_from_civil(y, t->value.month, t->value.day) - r->offset);
    if (!t->value.year)
        out->year = 0;
    return 1;
}

/* Whether a time is told between day k of the timexes and offset `at`
 * that is no day: another expression ("tháng 3"), a time counted from an
 * act ("hai ngày sau khi ..."), or one counted from the time before that
 * got no date (at `undated`: "Vài ngày sau cuộc hội đàm").  What counts
 * from "the time before" then counts from that, not from day k. */
static int told_since(const bn_article *a, size_t k, uint32_t at, long undated)
{
    uint32_t from = a->timexes[k].end_off;
    if (undated >= (long)from && undated < (long)at)
        return 1;
    for (size_t j = k + 1; j < a->ntimexes; j++)
        if (a->timexes[j].start >= from && a->timexes[j].start < at)
            return 1;
    for (size_t p = 0; p < a->nperiods; p++)
        if (a->periods[p].counted && a->periods[p].start >= from && a->periods[p].start < at)
            return 1;
    return 0;
}

/* Whether day `day` is more than a year from the writing: the DCT, or
 * without one the window the clues leave ("ngày 7/1/1979" in a page
 * naming Tô Lâm as General Secretary is history, not the day "Cùng
 * ngày" speaks of). */
static int far_from_writing(const when *w, long day)
{
    return (w->lo != LONG_MIN && day < w->lo - 366) || (w->hi != LONG_MAX && day > w->hi + 366);
}

/* How long a window the day an article was saved may close: a page
 * bounded from 2019 on gains nothing from a file saved in 2026, and a
 * window closed that wide would let other articles lend it any year. */
#ifndef SAVED_REACH
#define SAVED_REACH 1461
#endif

/* The day the article's file was saved (--saved) ends its writing: a
 * page on which Trump is President again (from 2025-01-20), saved on
 * 2026-03-01, says "ngày 30/1" of 2026.  Not a firm bound as an office's
 * end is (the rules that place a day inside an office's window leave it
 * out), and taken only when it leaves a window of at most SAVED_REACH
 * days after the clues' start. */
static void saved_bound(bn_article *a, when *w)
{
    /* (a time before the web is a file's made-up one: a zip's 1980, a
     * reproducible archive's 1970) */
    if (a->saved.year < BN_WRITING_EPOCH_YEAR || w->lo == LONG_MIN)
        return;
    long saved = bn_days_from_civil(a->saved.year, a->saved.month, a->saved.day);
    if (saved < w->lo && a->written_after <= saved) {
        /* the article's dates (or a sitting they were matched to) start
         * the writing after the file was saved, its offices do not: a
         * date misread ("hợp đồng kéo dài đến năm 2027" in a page of
         * 2026), and the window of the offices stands, as when tensed
         * dates disagree with them (an open one when none is named) */
        w->lo = a->written_after;
        w->hi = a->written_before;
        w->lo_is_day = w->hi_is_day = 0;
        a->written_since = (bn_date){0};
        if (w->lo == LONG_MIN)
            return;
    }
    /* (the file's day is UTC's; the page's own may be a day later) */
    long s = saved + 1;
    if (s >= w->hi || saved < w->lo || saved - w->lo > SAVED_REACH)
        return;
    w->hi = s;
    w->hi_is_day = 0;
    w->hi_saved = 1;
}

/* "từ ngày 1/3 đến ngày 5/3": two days make one span. */
static void join_spans(bn_article *a, const bn_date_rules *R, size_t from)
{
    size_t kept = from;
    for (size_t i = from; i < a->ntimexes; i++) {
        bn_timex *t = &a->timexes[i];
        if (kept > from) {
            bn_timex *p = &a->timexes[kept - 1];
            size_t pb = bn_tokens_at(&a->tokens, p->start), pe = bn_tokens_at(&a->tokens, p->end_off);
            size_t tb = bn_tokens_at(&a->tokens, t->start);
            if (pb > 0 && word_is(a, R->span_words, pb - 1, 1) && tb == pe + 1 && word_is(a, R->span_words, pe, 2) &&
                p->value.precision == t->value.precision &&
                !p->has_end && bn_date_cmp(&t->value, &p->value) > 0) {
                p->end = t->value;
                p->has_end = 1;
                p->end_off = t->end_off;
                continue;
            }
        }
        a->timexes[kept++] = *t;
    }
    a->ntimexes = kept;
}

bn_status bn_tag_dates(bn_article *a, const bn_lang *lang)
{
    const bn_date_rules *R = lang->dates;
    rawv raws = {0};
    bn_status st = recognise(a, R, &raws);
    if (st != BN_OK)
        return st;
    when w = {0, LONG_MIN, LONG_MAX, 0, BN_YEAR_DCT, 0, 0, LONG_MIN, LONG_MIN, 0};
    if (a->dct.year) {
        w.known = 1;
        w.lo = w.hi = bn_days_from_civil(a->dct.year, a->dct.month, a->dct.day);
    } else {
        years_of_gatherings(a, &raws);
        w = estimate(a, lang, &raws);
        /* the offices of the people named bound it too */
        if (a->written_after > w.lo) {
            w.lo = a->written_after;
            w.lo_is_day = 0;
        }
        if (a->written_before < w.hi) {
            w.hi = a->written_before;
            w.hi_is_day = 0;
        }
        w.hi_firm = a->written_before != LONG_MAX;
        if (w.named_lo > w.lo && w.named_lo <= w.hi)
            w.lo = w.named_lo, w.lo_is_day = 0;
        if (w.lo != LONG_MIN && w.hi != LONG_MAX && w.lo > w.hi) {
            /* the article's tensed dates disagree with the offices and
             * eras it names: the knowledge base's window, a fact, stands
             * (a tense read wrong is likelier than an office) */
            w.lo = a->written_after, w.hi = a->written_before;
            w.lo_is_day = w.hi_is_day = 0;
            if (w.lo != LONG_MIN && w.hi != LONG_MAX && w.lo > w.hi)
                w.lo = LONG_MIN, w.hi = LONG_MAX; /* they disagree: no estimate */
        } else
            series_window(a, &raws, &w);
        /* only a past day bounds the writing: a hint for the resolver,
         * which takes it when no other article gives this one a year */
        if (w.lo_is_day && w.lo != LONG_MIN && w.hi == LONG_MAX) {
            int y, m, d;
            bn_civil_from_days(w.lo, &y, &m, &d);
            a->written_since = bn_date_day(y, m, d);
        }
        /* a photo shown was taken by then (after the hint, which a
         * caption's day, often a file photo's, does not give) */
        if (w.shot_lo > w.lo && (w.hi == LONG_MAX || w.shot_lo <= w.hi)) {
            w.lo = w.shot_lo;
            w.lo_is_day = 0;
        }
        /* (after the hint: its pages are those the saved day helps) */
        saved_bound(a, &w);
    }
    size_t cap = 0, pending = 0; /* relative expressions kept for the writing's day, at the front of raws */
    long latest = LONG_MIN;      /* without a DCT: the latest past day of the lead, not in a caption */
    long lead_day = LONG_MIN;    /* the same among its days without a year, counted in 2000 (LONG_MAX: two far apart) */
    long last_undated = -1;      /* where the last time counted from the one before ("vài ngày sau") got no date */
    size_t pcap = a->nperiods;   /* room of a->periods, as far as known here */
    size_t lead_end = w.known ? 0 : lead_of(a, lang);
    bn_date now = {0};           /* the day "hôm nay (26/5)" says the page was written (month 0: none, or two) */
    int now_seen = 0;
    for (size_t lo = 0; lo < raws.n;) {
        size_t hi = lo, first = a->ntimexes;
        while (hi < raws.n && raws.v[hi].sentence == raws.v[lo].sentence)
            hi++;
        int caption = !w.known && bn_sentence_is_caption(a, lang, raws.v[lo].sentence);
        /* absolute expressions first: the first day written before a
         * relative one in its sentence anchors it ("Ngày 10/4, ông X cho
         * biết tuần trước ..."), else the publication date; a day after it
         * is another clause's ("tuần trước ..., dù ... vào ngày 14/4") */
        for (size_t i = lo; i < hi; i++) {
            if (is_relative(&raws.v[i]))
                continue;
            bn_timex *t;
            if ((st = add_timex(a, &cap, &raws.v[i], &t)) != BN_OK)
                return st;
            if (!absolute(&raws.v[i], &w, !caption && raws.v[i].sentence < lead_end, t)) {
                a->ntimexes--;
                continue;
            }
            bn_date wd;
            if (!w.known && i > lo && day_of_writing(a, &raws.v[i - 1], &raws.v[i], t, &wd)) {
                if (!now_seen) /* every such pair of the page must agree */
                    now = wd;
                else if (!bn_date_equal(&now, &wd))
                    now.month = 0;
                now_seen = 1;
            }
            if (!w.known && !caption && raws.v[i].sentence < lead_end && raws.v[i].tense <= 0 &&
                t->value.precision == BN_PREC_DAY && !t->mod && !t->has_end) {
                long day = bn_days_from_civil(t->value.year ? t->value.year : 2000, t->value.month, t->value.day);
                if (t->value.year)
                    latest = day > latest ? day : latest;
                else if (lead_day == LONG_MIN || labs(day - lead_day) <= 60)
                    lead_day = day > lead_day ? day : lead_day;
                else
                    lead_day = LONG_MAX; /* days of the lead far apart, year unknown: which is latest? */
            }
        }
        for (size_t i = lo; i < hi; i++) {
            if (!is_relative(&raws.v[i]))
                continue;
            anchor an = {w.known, w.lo, w.source};
            for (size_t k = first; k < a->ntimexes; k++) {
                const bn_timex *c = &a->timexes[k];
                if (c->value.precision == BN_PREC_DAY && c->year_source != BN_YEAR_UNKNOWN &&
                    c->start < a->tokens.v[raws.v[i].tok_begin].start) {
                    an.ok = 1;
                    an.day = bn_days_from_civil(c->value.year, c->value.month, c->value.day);
                    an.source = c->year_source;
                    break;
                }
            }
            /* the day last written before it, in this sentence or earlier;
             * a date far from the writing is history, not "that day" */
            uint32_t at = a->tokens.v[raws.v[i].tok_begin].start;
            const bn_timex *before = NULL;
            size_t kb = 0;
            for (size_t k = a->ntimexes; k-- > 0;) {
                const bn_timex *c = &a->timexes[k];
                if (c->start >= at || c->value.precision != BN_PREC_DAY || c->year_source == BN_YEAR_DEFERRED)
                    continue;
                if (c->year_source != BN_YEAR_UNKNOWN &&
                    far_from_writing(&w, bn_days_from_civil(c->value.year, c->value.month, c->value.day)))
                    continue;
                before = c;
                kb = k;
                break;
            }
            if (before && raws.v[i].rule->after_previous && told_since(a, kb, at, last_undated))
                before = NULL; /* "Vài ngày sau cuộc hội đàm ... Một tuần sau": after no day */
            if (!an.ok && !w.known && raws.v[i].rule->kind != BN_DK_REF && !raws.v[i].rule->after_previous) {
                raws.v[pending++] = raws.v[i]; /* after every absolute day: the writing's */
                continue;
            }
            bn_timex *t;
            bn_timex copy;
            if (before)
                copy = *before; /* add_timex may move the array */
            if ((st = add_timex(a, &cap, &raws.v[i], &t)) != BN_OK)
                return st;
            if (!relative(&raws.v[i], &an, before ? &copy : NULL, t)) {
                /* "vài ngày trước", "Một tuần sau" with nothing to count
                 * from: a time told, with no date (its acts get none) */
                a->ntimexes--;
                if (raws.v[i].rule->after_previous)
                    last_undated = at;
                if (!add_period(a, &pcap, at, a->tokens.v[raws.v[i].tok_end - 1].end))
                    return BN_ERR_NOMEM;
            }
        }
        if (a->ntimexes > first) /* none: a sentence of relative expressions kept for later */
            qsort(a->timexes + first, a->ntimexes - first, sizeof *a->timexes, timex_order);
        join_spans(a, R, first);
        lo = hi;
    }
    if (!w.known) {
        years_of_neighbours(a);
        writing_day wr = writing_of(&now, latest, lead_day);
        /* no day in the lead: a window within a year still gives "năm
         * nay", "năm ngoái" (and "tháng này" within a month) the value
         * each of its days gives, when they all agree */
        if (!wr.day.month && w.lo != LONG_MIN && w.hi != LONG_MAX && w.lo <= w.hi && w.hi - w.lo <= 366) {
            wr.day = bn_date_of_days(w.lo);
            wr.lag = (int)(w.hi - w.lo);
        }
        if ((st = relative_to_writing(a, &cap, &pcap, &raws, pending, &wr)) != BN_OK)
            return st;
        /* what the dates said of the writing, for the offices named alone */
        a->written_after = w.lo;
        a->written_before = w.hi;
        if (w.lo != LONG_MIN)
            a->written_from = bn_date_of_days(w.lo);
        if (w.hi != LONG_MAX)
            a->written_to = bn_date_of_days(w.hi);
    }
    return BN_OK;
}
