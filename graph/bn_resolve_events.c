/* Events across articles: the same real event reported by several
 * articles becomes one event with every source (docs/resolve.md, "3.
 * Events").
 *
 * Two reports can be one event when they come from different articles,
 * nothing they say disagrees (compatible(): types, dates, parties, place)
 * and, when their dates are not the same day (a day inside a week or
 * month, a week inside a month, a measure's announcement and its start),
 * or when one is a statement and the other the sanction it announces,
 * something beyond the date and an actor says they are one (evidence(): a
 * count in common, rare pairs of words in common for measures, the same
 * principal speaker about the same party within a week, the same two
 * people at a meeting).  Two announcements of a measure a day apart are
 * one only in a group that holds its start (all_compatible()).
 * Candidates come from keys
 * per (day, week or month; actor or the side a person stands for; type
 * family), sorted, so the cost grows with n log n, not with all pairs.
 * Links are then taken in a fixed order (same type and same date first,
 * then the same date, then near dates by evidence), and a link joins two
 * groups only when all their members can be one (complete linkage); two
 * events of one article never do: each article's extraction already
 * merged what it repeats.  A group takes its most precise date, and when
 * its members' dates differ every source keeps its own (sources[].date). */
#include "bn_resolve.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum {
    SPAN_MAX_DAYS = 31, /* longer spans only merge with the same span, or as a measure's start */
    ANNOUNCE_DAYS = 21, /* a measure announced at most this many days before it starts */
    MAX_NUMS = 16,      /* object numbers kept per event */
    MAX_WORDS = 24,     /* pairs of words kept per event */
    DCT_DAYS = 6,       /* a day taken from the publication date: the event may be up to this many days older */
};

/* What a date lets an event be compared with. */
typedef enum date_kind {
    K_DAYS,   /* a day or a short span of days of a known year: lo..hi */
    K_PERIOD, /* a week or a month of a known year: the days it covers, lo..hi */
    K_FROM,   /* a measure's long span of days (in force "từ 24/4 tới hết tháng 10"): lo..hi */
    K_OTHER,  /* anything else that is not vague (a day without a year): only the same date */
    K_VAGUE,  /* a quarter, half or year: too wide to tell two events apart, never merged */
} date_kind;

/* How two dates relate. */
enum {
    DATE_APART = 0,
    DATE_SAME = 1,
    DATE_NEAR = 2,     /* one inside the other, or announced before: needs evidence */
    DATE_ADJACENT = 3, /* consecutive days: for measures, may be one event but never linked alone */
};

typedef struct ev_info {
    date_kind kind;
    long lo, hi;
    uint64_t coarse;         /* hash of the date as written */
    uint64_t nums[MAX_NUMS]; /* object numbers of its sentences ("32 cá nhân") */
    size_t nnums;
    int dct;                 /* its day is the publication date (none written) */
    bn_event_type type;      /* compared as: its type, or the sanction its group's statement announces */
    size_t w0, nw;           /* its rare pairs of words: words[w0 .. w0 + nw), sorted */
} ev_info;

typedef struct cand_key {
    uint64_t h;
    size_t ev;
    int bucket; /* B_DAY ... */
    int wide;   /* a week, month or measure start among days: pairs only with the days */
} cand_key;

typedef struct cand_pair {
    size_t i, j;
    int prio;
} cand_pair;

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdull;
}

/* A day of a known year, as days (not checked against its month's length:
 * "2023-02-29" counts as the day after the 28th). */
static int full_day(const bn_date *d, long *days)
{
    if (d->precision != BN_PREC_DAY || !d->year)
        return 0;
    *days = bn_days_from_civil(d->year, d->month, d->day);
    return 1;
}

static int is_measure(bn_event_type t)
{
    bn_family f = bn_event_family(t);
    return f == BN_FAMILY_SANCTION || f == BN_FAMILY_MILITARY || f == BN_FAMILY_AID;
}

/* ---- object numbers ------------------------------------------------- */

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Words after which a number is a date, a time or a rank, not a count. */
static const char *const not_counts[] = {"ngày", "tháng", "năm", "hôm", "lúc", "thứ", "quý", "tuần", "sáng", "chiều",
                                         "tối", "trưa", "đêm", "khóa", "số", "điều", "lần", "kỳ", "phiên", "hạng",
                                         "đến", "tới", "từ", "và", "hoặc", NULL};

static int word_before_is(const char *s, size_t at, const char *const *words)
{
    if (at < 2 || s[at - 1] != ' ')
        return 0;
    size_t end = at - 1, b = end;
    while (b > 0 && s[b - 1] != ' ' && s[b - 1] != ',' && s[b - 1] != '(' && s[b - 1] != '"')
        b--;
    char w[16];
    size_t n = end - b;
    if (n == 0 || n >= sizeof w)
        return 0;
    memcpy(w, s + b, n);
    w[n] = 0;
    if (w[0] >= 'A' && w[0] <= 'Z')
        w[0] = (char)(w[0] - 'A' + 'a');
    for (const char *const *x = words; *x; x++)
        if (strcmp(w, *x) == 0)
            return 1;
    return 0;
}

/* The counts a sentence gives ("32 cá nhân", "10 nhà ngoại giao", "150.000
 * binh sĩ", "6 tháng", "88%"): numbers standing alone, not a date, a time,
 * a year, a range or part of a name ("Covid-19", "F-16").  A count under 10
 * is told apart by the word after it. */
static void numbers_of(const char *s, ev_info *in)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++) {
        if (!is_digit(s[i]))
            continue;
        size_t start = i;
        int ok = start == 0 || s[start - 1] == ' ' || s[start - 1] == '(';
        uint64_t v = 0;
        size_t ndig = 0;
        for (;;) {
            while (i < n && is_digit(s[i])) {
                if (v < 1000000000000ull)
                    v = v * 10 + (uint64_t)(s[i] - '0');
                ndig++;
                i++;
            }
            /* a thousands group: "150.000", "100,000" */
            if (i + 3 < n && (s[i] == '.' || s[i] == ',') && is_digit(s[i + 1]) &&
                is_digit(s[i + 2]) && is_digit(s[i + 3]) && (i + 4 == n || !is_digit(s[i + 4]))) {
                i++;
                continue;
            }
            break;
        }
        if (!ok)
            continue;
        int percent = i < n && s[i] == '%';
        int ends = i >= n || s[i] == ' ' ||
                   ((s[i] == '.' || s[i] == ',' || s[i] == ')' || s[i] == ';') && (i + 1 >= n || !is_digit(s[i + 1])));
        if (!percent && !ends)
            continue; /* "15/4", "11-12", "9h", "1,5", "3km" */
        if (v < 2 || (ndig == 4 && v >= 1900 && v <= 2100 && !percent))
            continue;
        if (word_before_is(s, start, not_counts))
            continue;
        uint64_t alone = mix(v, (uint64_t)percent), with_word = alone;
        if (!percent) { /* "10 nhà ngoại giao": the number and the word after */
            size_t b = i + 1, e = b;
            while (e < n && s[e] != ' ' && s[e] != ',' && s[e] != '.')
                e++;
            for (size_t k = b; k < e; k++)
                with_word = mix(with_word, (unsigned char)s[k]);
        }
        /* the low bit says which: with its word (or a percentage), or
         * alone (from 10 up: "32 cá nhân" and "32 thực thể") */
        uint64_t keys[2] = {with_word | 1, v >= 10 && !percent ? alone & ~1ull : 0};
        for (int t = 0; t < 2; t++) {
            size_t k;
            for (k = 0; k < in->nnums && in->nums[k] != keys[t]; k++)
                ;
            if (keys[t] && k == in->nnums && in->nnums < MAX_NUMS)
                in->nums[in->nnums++] = keys[t];
        }
    }
}

/* 2: a number with the word after it in common; 1: a number alone; 0. */
static int shares_number(const ev_info *x, const ev_info *y)
{
    int best = 0;
    for (size_t i = 0; i < x->nnums; i++)
        for (size_t j = 0; j < y->nnums; j++)
            if (x->nums[i] == y->nums[j] && best < 1 + (int)(x->nums[i] & 1))
                best = 1 + (int)(x->nums[i] & 1);
    return best;
}

/* ---- object words --------------------------------------------------- */

enum { WORDS_MIN = 4 }; /* rare pairs of words in common that make evidence */

typedef uint32_t word_pair; /* a pair of words, hashed */

/* Whether e's words are compared: measures and the statements that may
 * announce one, and gatherings (one told with one side, below). */
static int wordy(const bn_event *e)
{
    return is_measure(e->type) || e->type == BN_EV_STATEMENT || bn_event_family(e->type) == BN_FAMILY_GATHERING;
}

static int is_edge_punct(unsigned char c)
{
    return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '(' || c == ')' ||
           c == '"' || c == '\'';
}

/* The pairs of consecutive words of s, hashed, added to v (distinct, at
 * most MAX_WORDS). */
static void word_pairs(const char *s, word_pair *v, size_t *n)
{
    uint64_t prev = 0;
    for (size_t i = 0; s[i] && *n < MAX_WORDS;) {
        while (s[i] == ' ')
            i++;
        size_t b = i;
        while (s[i] && s[i] != ' ')
            i++;
        size_t e = i;
        while (b < e && is_edge_punct((unsigned char)s[b]))
            b++;
        int cut = e > b && is_edge_punct((unsigned char)s[e - 1]);
        while (e > b && is_edge_punct((unsigned char)s[e - 1]))
            e--;
        int dated = 0; /* a number or a date word: no pair ("ngày 30/1", "tuần này") */
        for (size_t k = b; k < e && !dated; k++)
            dated = is_digit(s[k]);
        if (!dated && e - b < 16) {
            char w[16];
            memcpy(w, s + b, e - b);
            w[e - b] = 0;
            if (w[0] >= 'A' && w[0] <= 'Z')
                w[0] = (char)(w[0] - 'A' + 'a');
            for (const char *const *x = not_counts; *x && !dated; x++)
                dated = strcmp(w, *x) == 0;
        }
        if (b == e || dated) {
            prev = 0;
            continue;
        }
        uint64_t h = 1469598103934665603ull;
        for (size_t k = b; k < e; k++) {
            unsigned char c = (unsigned char)s[k];
            h = (h ^ (c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c)) * 1099511628211ull;
        }
        if (prev) {
            word_pair p = (word_pair)(mix(prev, h) >> 32);
            size_t k;
            for (k = 0; k < *n && v[k] != p; k++)
                ;
            if (k == *n)
                v[(*n)++] = p;
        }
        prev = cut ? 0 : h;
    }
}

static int pair_hash_order(const void *va, const void *vb)
{
    word_pair a = *(const word_pair *)va, b = *(const word_pair *)vb;
    return (a > b) - (a < b);
}

/* How many events of the sorted v hold w. */
static size_t count_of(const word_pair *v, size_t n, word_pair w)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t m = lo + (hi - lo) / 2;
        if (v[m] < w)
            lo = m + 1;
        else
            hi = m;
    }
    size_t c = 0;
    while (lo + c < n && v[lo + c] == w)
        c++;
    return c;
}

/* Each event's rare pairs of words: in 2 to max(8, 1%) of the events
 * compared, so that "trừng phạt" or "cho biết" is no evidence but "cấm
 * tàu" or "Biển Đen" is.  *out: the pool info[].w0/nw point into. */
static bn_status object_words(const bn_timeline *tl, ev_info *info, word_pair **out)
{
    size_t n = tl->nevents, np = 0, cap = 0, nwordy = 0;
    word_pair *pool = NULL;
    for (size_t i = 0; i < n; i++) {
        const bn_event *e = &tl->events[i].ev;
        info[i].w0 = np;
        info[i].nw = 0;
        if (!wordy(e) || info[i].kind == K_VAGUE)
            continue;
        word_pair v[MAX_WORDS];
        size_t nv = 0;
        for (size_t k = 0; k < e->nsources; k++)
            word_pairs(e->sources[k].sentence, v, &nv);
        if (bn_grow((void **)&pool, &cap, np + nv + 1, sizeof *pool)) {
            free(pool);
            return BN_ERR_NOMEM;
        }
        bn_sort(v, nv, sizeof *v, pair_hash_order);
        memcpy(pool + np, v, nv * sizeof *v);
        info[i].nw = nv;
        np += nv;
        nwordy++;
    }
    word_pair *all = malloc((np ? np : 1) * sizeof *all);
    if (!all) {
        free(pool);
        return BN_ERR_NOMEM;
    }
    if (np) /* none: pool may still be NULL */
        memcpy(all, pool, np * sizeof *all);
    bn_sort(all, np, sizeof *all, pair_hash_order);
    size_t most = nwordy / 100 > 8 ? nwordy / 100 : 8;
    for (size_t i = 0; i < n; i++) {
        size_t kept = 0;
        for (size_t k = 0; k < info[i].nw; k++) {
            size_t c = count_of(all, np, pool[info[i].w0 + k]);
            if (c >= 2 && c <= most)
                pool[info[i].w0 + kept++] = pool[info[i].w0 + k];
        }
        info[i].nw = kept;
    }
    free(all);
    *out = pool;
    return BN_OK;
}

/* 1 when x and y have WORDS_MIN rare pairs of words in common, else 0. */
static int shares_words(const ev_info *x, const ev_info *y, const word_pair *words)
{
    if (!words)
        return 0;
    size_t i = 0, j = 0, common = 0;
    const word_pair *a = words + x->w0, *b = words + y->w0;
    while (i < x->nw && j < y->nw) {
        if (a[i] == b[j]) {
            common++;
            i++;
            j++;
        } else if (a[i] < b[j]) {
            i++;
        } else {
            j++;
        }
    }
    return common >= WORDS_MIN;
}

/* ---- dates ---------------------------------------------------------- */

static ev_info info_of(const bn_event *e)
{
    const bn_timex *t = &e->date;
    ev_info in;
    memset(&in, 0, sizeof in);
    in.kind = K_OTHER;
    in.lo = 1;
    in.hi = 0;
    for (size_t k = 0; k < e->nsources; k++)
        numbers_of(e->sources[k].sentence, &in);
    in.dct = e->date_source == BN_DATE_DCT;
    in.type = e->type;
    if (t->value.precision > BN_PREC_MONTH) {
        in.kind = K_VAGUE;
        return in;
    }
    long lo, hi;
    if (full_day(&t->value, &lo) && (!t->has_end || full_day(&t->end, &hi))) {
        if (!t->has_end)
            hi = lo;
        if (hi >= lo && hi - lo <= SPAN_MAX_DAYS) {
            in.kind = K_DAYS;
            in.lo = lo;
            in.hi = hi;
            return in;
        }
        if (hi > lo && is_measure(e->type)) {
            in.kind = K_FROM;
            in.lo = lo;
            in.hi = hi;
        }
    } else if (!t->has_end && t->value.year && (t->value.precision == BN_PREC_WEEK ||
                                                t->value.precision == BN_PREC_MONTH) &&
               bn_timex_days(t, &lo, &hi)) {
        in.kind = K_PERIOD;
        in.lo = lo;
        in.hi = hi;
    }
    uint64_t end = t->has_end ? bn_date_key(&t->end) + 1 : 0;
    in.coarse = mix(mix(bn_date_key(&t->value), end), (uint64_t)t->value.precision);
    return in;
}

/* How the dates of x and y relate, for events of family `fam`. */
static int date_relation(const ev_info *x, const ev_info *y)
{
    if (x->kind == K_VAGUE || y->kind == K_VAGUE)
        return DATE_APART;
    if (x->kind > y->kind) {
        const ev_info *t = x;
        x = y;
        y = t;
    }
    switch (x->kind) {
    case K_DAYS:
        if (y->kind == K_DAYS) {
            if (!(x->hi < y->lo || y->hi < x->lo))
                return DATE_SAME;
            /* a day told without one, dated by the publication: the
             * event may be a few days older */
            if ((x->dct && y->hi < x->lo && x->lo - y->hi <= DCT_DAYS) ||
                (y->dct && x->hi < y->lo && y->lo - x->hi <= DCT_DAYS))
                return DATE_NEAR;
            return !x->dct && !y->dct && (x->hi + 1 == y->lo || y->hi + 1 == x->lo) ? DATE_ADJACENT : DATE_APART;
        }
        if (y->kind == K_PERIOD) /* a day of the week or month: "ngày 19/4", "đầu tuần này" */
            return x->lo >= y->lo && x->hi <= y->hi ? DATE_NEAR : DATE_APART;
        if (y->kind == K_FROM) /* announced, then in force: "ngày 15/4 thông báo", "từ 24/4" */
            return x->hi <= y->lo && y->lo - x->hi <= ANNOUNCE_DAYS ? DATE_NEAR : DATE_APART;
        return DATE_APART;
    case K_PERIOD: /* the same week or month, or a week of the month */
        if (y->kind == K_PERIOD)
            return x->hi < y->lo || y->hi < x->lo ? DATE_APART : DATE_NEAR;
        return DATE_APART;
    default:
        return x->kind == y->kind && x->coarse == y->coarse ? DATE_SAME : DATE_APART;
    }
}

static int pair_order(const void *va, const void *vb)
{
    const cand_pair *a = va, *b = vb;
    if (a->prio != b->prio)
        return a->prio - b->prio;
    if (a->i != b->i)
        return a->i < b->i ? -1 : 1;
    return (a->j > b->j) - (a->j < b->j);
}

/* A statement and the sanction it announces ("Nga thông báo sẽ chặn eo
 * biển", "Nga cấm tàu ..."): of two families, one only on evidence. */
static int announces(bn_event_type a, bn_event_type b)
{
    return (a == BN_EV_STATEMENT && bn_event_family(b) == BN_FAMILY_SANCTION) ||
           (b == BN_EV_STATEMENT && bn_event_family(a) == BN_FAMILY_SANCTION);
}

static int types_compatible(bn_event_type a, bn_event_type b)
{
    if (a == b || announces(a, b))
        return 1;
    if (bn_event_family(a) != bn_event_family(b) || bn_event_family(a) != BN_FAMILY_SPEECH)
        return 0;
    return a == BN_EV_STATEMENT || b == BN_EV_STATEMENT;
}

static const char *timeline_side(const void *ctx, const char *id)
{
    const bn_timeline *tl = ctx;
    long i = bn_timeline_actor(tl, id);
    return i < 0 ? NULL : tl->actors[i].affiliation;
}

/* The principal speaker of e: its first source that is a person, or
 * NULL.  An article's extraction may have merged two speakers' words into
 * one event; the first is the one the event is about. */
static const char *principal_person(const bn_timeline *tl, const bn_event *e)
{
    for (size_t i = 0; i < e->nactors; i++) {
        long ai = bn_timeline_actor(tl, e->actors[i].id);
        if (e->actors[i].role == BN_ROLE_SOURCE && ai >= 0 && tl->actors[ai].kind == BN_KIND_PERSON)
            return e->actors[i].id;
    }
    return NULL;
}

/* What is said is told more loosely than what is done, and a state says
 * many things a day through many mouths: two reports of verbal acts are
 * one only when they name the same person as the principal speaker ("Điện Kremlin
 * cho biết" in one article and "Nga khẳng định" in another are not known
 * to be one), are of one type unless one is a plain statement, and do not
 * both take their day from the publication date (then the day is a guess).
 * A speech reported twice without its speaker stays twice: a duplicate is
 * less harm than an event lost inside another. */
static int same_speech(const bn_timeline *tl, const bn_event *a, const bn_event *b)
{
    const char *pa = principal_person(tl, a), *pb = principal_person(tl, b);
    if (!pa || !pb || strcmp(pa, pb) != 0)
        return 0;
    if (a->date_source == BN_DATE_DCT && b->date_source == BN_DATE_DCT)
        return 0;
    return 1;
}

/* The side an actor stands for: a person's state or organisation, else
 * the actor itself ("Tổng thống Biden" stands for the United States). */
static const char *side_of(const bn_timeline *tl, const char *id)
{
    const char *s = timeline_side(tl, id);
    return s ? s : id;
}

static int has_role(const bn_event *e, bn_role r)
{
    for (size_t i = 0; i < e->nactors; i++)
        if (e->actors[i].role == r)
            return 1;
    return 0;
}

/* Whether an actor of a and one of b in role r (any role when r < 0) are
 * one actor or stand for one side. */
static int sides_meet(const bn_timeline *tl, const bn_event *a, const bn_event *b, int r)
{
    for (size_t i = 0; i < a->nactors; i++) {
        if (r >= 0 && a->actors[i].role != (bn_role)r)
            continue;
        const char *sa = side_of(tl, a->actors[i].id);
        for (size_t j = 0; j < b->nactors; j++) {
            if (r >= 0 && b->actors[j].role != (bn_role)r)
                continue;
            if (strcmp(a->actors[i].id, b->actors[j].id) == 0 || strcmp(sa, side_of(tl, b->actors[j].id)) == 0)
                return 1;
        }
    }
    return 0;
}

/* Aid, sanctions and force: the same doer, a person counting as the side
 * it acts for ("Tổng thống Biden ký" and "Mỹ áp lệnh trừng phạt"), when
 * both name one, else an actor in common; and when both name whom it is done to, one of
 * them (EU sanctions on Russia and on China in one month are two). */
static int same_measure_parties(const bn_timeline *tl, const bn_event *a, const bn_event *b)
{
    int doers = has_role(a, BN_ROLE_SOURCE) && has_role(b, BN_ROLE_SOURCE);
    if (doers ? !sides_meet(tl, a, b, BN_ROLE_SOURCE) : !bn_event_shares_actor(a, b))
        return 0;
    if (has_role(a, BN_ROLE_TARGET) && has_role(b, BN_ROLE_TARGET) && !sides_meet(tl, a, b, BN_ROLE_TARGET))
        return 0;
    return 1;
}

/* People both events name (distinct), up to 2. */
static int people_in_common(const bn_timeline *tl, const bn_event *a, const bn_event *b)
{
    int n = 0;
    for (size_t i = 0; i < a->nactors && n < 2; i++) {
        long ai = bn_timeline_actor(tl, a->actors[i].id);
        if (ai < 0 || tl->actors[ai].kind != BN_KIND_PERSON)
            continue;
        for (size_t j = 0; j < b->nactors; j++)
            if (strcmp(a->actors[i].id, b->actors[j].id) == 0) {
                n++;
                break;
            }
    }
    return n;
}

/* Whether e names one side only (a person counting as the side it
 * stands for). */
static int one_side(const bn_timeline *tl, const bn_event *e)
{
    const char *first = NULL;
    for (size_t i = 0; i < e->nactors; i++) {
        const char *s = side_of(tl, e->actors[i].id);
        if (!first)
            first = s;
        else if (strcmp(first, s) != 0)
            return 0;
    }
    return 1;
}

/* Whether events i and j can be one event (nothing they say disagrees):
 * DATE_SAME, DATE_NEAR (then it takes evidence, see evidence()),
 * DATE_ADJACENT (measures a day apart: only beside their start, see
 * all_compatible()), or 0. */
static int compatible(const bn_timeline *tl, const ev_info *info, const word_pair *words, size_t i, size_t j)
{
    const bn_tl_event *x = &tl->events[i], *y = &tl->events[j];
    const bn_event *a = &x->ev, *b = &y->ev;
    bn_event_type ta = info[i].type, tb = info[j].type;
    if (x->origin == y->origin || !types_compatible(ta, tb))
        return 0;
    int rel = date_relation(&info[i], &info[j]);
    if (rel == DATE_APART || (rel == DATE_ADJACENT && !announces(ta, tb) && !(is_measure(ta) && is_measure(tb))))
        return 0;
    if (a->location && b->location && strcmp(a->location, b->location) != 0)
        return 0;
    if (announces(ta, tb)) { /* whose measure: the doers'; not two guessed days */
        if (!same_measure_parties(tl, a, b) || (info[i].dct && info[j].dct))
            return 0;
        return rel == DATE_ADJACENT ? DATE_ADJACENT : DATE_NEAR;
    }
    if (is_measure(ta) ? !same_measure_parties(tl, a, b) : !bn_event_same_parties(a, b, timeline_side, tl))
        return 0;
    if (bn_event_family(ta) == BN_FAMILY_SPEECH && !same_speech(tl, a, b))
        return 0;
    /* a meeting told with one side ("các quan chức Mỹ nói cuộc gặp diễn
     * ra ngày 30/1") could be any of that side's meetings of the day: it
     * joins another only by a person, the place or its words in common
     * ("Hội nghị các quan chức cao cấp APEC lần thứ hai") */
    if (bn_event_family(ta) == BN_FAMILY_GATHERING && (one_side(tl, a) || one_side(tl, b)) &&
        !people_in_common(tl, a, b) && !(a->location && b->location) && !shares_words(&info[i], &info[j], words))
        return 0;
    /* a war has attacks every day: two reports of one attack name its place */
    if (bn_event_family(ta) == BN_FAMILY_MILITARY && (!a->location || !b->location))
        return 0;
    return rel;
}

/* Whether a and b share a target that is not the side of a's principal
 * speaker (a president speaks of his own country every day). */
static int foreign_target_meets(const bn_timeline *tl, const bn_event *a, const bn_event *b)
{
    const char *p = principal_person(tl, a);
    const char *own = p ? side_of(tl, p) : NULL;
    for (size_t i = 0; i < a->nactors; i++) {
        if (a->actors[i].role != BN_ROLE_TARGET)
            continue;
        const char *sa = side_of(tl, a->actors[i].id);
        if (own && strcmp(sa, own) == 0)
            continue;
        for (size_t j = 0; j < b->nactors; j++)
            if (b->actors[j].role == BN_ROLE_TARGET && strcmp(sa, side_of(tl, b->actors[j].id)) == 0)
                return 1;
    }
    return 0;
}


/* Two reports whose dates differ in precision (a day and "đầu tháng
 * này"), that are a measure's announcement and its start, or a statement
 * and the sanction it announces, are one event only on evidence beyond
 * the date and the actor: a count in common ("32 cá nhân" and "32 thực
 * thể"); for a measure, WORDS_MIN rare pairs of words in common ("cấm
 * tàu", "công vụ", "Biển Đen"); for what is said, the same person (which
 * compatible() asks) about the same party within one week; for a
 * meeting, the same two people.  2 for a count with its word, 1 for
 * the rest, 0 for none. */
static int evidence(const bn_timeline *tl, const ev_info *info, const word_pair *words, size_t i, size_t j)
{
    int num = shares_number(&info[i], &info[j]);
    if (num)
        return num;
    const bn_event *a = &tl->events[i].ev, *b = &tl->events[j].ev;
    if (announces(a->type, b->type) || is_measure(a->type))
        return shares_words(&info[i], &info[j], words);
    switch (bn_event_family(a->type)) {
    case BN_FAMILY_SPEECH: {
        long wide = info[i].hi - info[i].lo > info[j].hi - info[j].lo ? info[i].hi - info[i].lo
                                                                      : info[j].hi - info[j].lo;
        /* a day taken from the publication date is a guess: no week of it */
        return info[i].kind != K_FROM && info[j].kind != K_FROM && wide <= 6 && a->date_source != BN_DATE_DCT &&
               b->date_source != BN_DATE_DCT && foreign_target_meets(tl, a, b);
    }
    case BN_FAMILY_GATHERING:
        return people_in_common(tl, a, b) >= 2;
    default:
        return 0;
    }
}

/* The members of each group, chained from its root: a link joins two
 * groups only when every member of one can be one event with every member
 * of the other (complete linkage), so that no chain of near matches puts
 * two different acts together, nor two events of one article. */
typedef struct groups {
    size_t *next; /* the next member, SIZE_MAX at the end */
    size_t *tail; /* a root's last member */
} groups;

static int all_compatible(const bn_timeline *tl, const ev_info *info, const word_pair *words, const groups *g,
                          size_t ri, size_t rj)
{
    /* announcements of a measure told a day apart ("ngày 14/4 thông báo",
     * "ngày 15/4 thông báo") are one only beside the start they announce
     * ("từ 24/4"): the day of a measure's news varies by a day between
     * outlets, its start does not */
    int start = 0;
    for (size_t r = 0; r < 2 && !start; r++)
        for (size_t x = r ? rj : ri; x != SIZE_MAX && !start; x = g->next[x])
            start = info[x].kind == K_FROM;
    for (size_t x = ri; x != SIZE_MAX; x = g->next[x])
        for (size_t y = rj; y != SIZE_MAX; y = g->next[y]) {
            int rel = compatible(tl, info, words, x, y);
            if (!rel || (rel == DATE_ADJACENT && !start))
                return 0;
        }
    return 1;
}

/* Joins group `from` into group `into`.  A statement in a group with the
 * sanction it announces ("Nga thông báo sẽ chặn eo biển") is from then on
 * compared as that sanction: two announcements of one measure are two
 * reports of the measure, not two speeches. */
static void groups_join(groups *g, ev_info *info, size_t into, size_t from)
{
    g->next[g->tail[into]] = from;
    g->tail[into] = g->tail[from];
    size_t measure = SIZE_MAX;
    for (size_t x = into; x != SIZE_MAX && measure == SIZE_MAX; x = g->next[x])
        if (bn_event_family(info[x].type) == BN_FAMILY_SANCTION)
            measure = x;
    for (size_t x = into; x != SIZE_MAX && measure != SIZE_MAX; x = g->next[x])
        if (info[x].type == BN_EV_STATEMENT)
            info[x].type = info[measure].type;
}

/* A plain statement merged with a warning is the warning: the most
 * frequent specific type of the group (the first seen on a tie). */
static void settle_type(bn_timeline *tl, size_t root, const size_t *next)
{
    bn_event *r = &tl->events[root].ev;
    if (r->type != BN_EV_STATEMENT)
        return;
    unsigned count[BN_EV_COUNT] = {0};
    size_t first[BN_EV_COUNT];
    for (size_t i = next[root]; i != SIZE_MAX; i = next[i]) {
        if (tl->events[i].ev.type == BN_EV_STATEMENT)
            continue;
        if (!count[tl->events[i].ev.type]++)
            first[tl->events[i].ev.type] = i;
    }
    int best = -1;
    for (int t = 0; t < BN_EV_COUNT; t++)
        if (count[t] && (best < 0 || count[t] > count[best] || (count[t] == count[best] && first[t] < first[best])))
            best = t;
    if (best < 0)
        return;
    const bn_event *w = &tl->events[first[best]].ev;
    r->type = w->type;
    memcpy(r->cameo, w->cameo, sizeof r->cameo);
    r->goldstein = w->goldstein;
}

/* What a key's bucket holds: the events of one day, week or month, or of
 * one date as written, for one actor and one family of types. */
enum { B_DAY = 1, B_WEEK, B_MONTH, B_EXACT };

typedef struct key_buf {
    cand_key *v;
    size_t n, cap;
} key_buf;

static int add_key(key_buf *k, int bucket, uint64_t value, long actor, bn_family fam, size_t ev, int wide)
{
    if (bn_grow((void **)&k->v, &k->cap, k->n + 1, sizeof *k->v))
        return -1;
    uint64_t h = mix(mix(mix((uint64_t)bucket, value), (uint64_t)actor), (uint64_t)fam);
    k->v[k->n++] = (cand_key){h, ev, bucket, wide};
    return 0;
}

static long monday_of(long d)
{
    return d - ((d + 3) % 7 + 7) % 7; /* 1970-01-01 was a Thursday */
}

static long month_of(long d)
{
    int y, m, dd;
    bn_civil_from_days(d, &y, &m, &dd);
    return (long)y * 12 + m;
}

/* The keys of one event for one actor. */
static int event_keys(key_buf *k, const ev_info *in, long actor, bn_family fam, size_t ev)
{
    int r = 0;
    switch (in->kind) {
    case K_DAYS:
        for (long d = in->lo; r == 0 && d <= in->hi; d++) {
            r |= add_key(k, B_DAY, (uint64_t)d, actor, fam, ev, 0);
            if (d == in->lo || monday_of(d) != monday_of(d - 1))
                r |= add_key(k, B_WEEK, (uint64_t)monday_of(d), actor, fam, ev, 0);
            if (d == in->lo || month_of(d) != month_of(d - 1))
                r |= add_key(k, B_MONTH, (uint64_t)month_of(d), actor, fam, ev, 0);
        }
        return r;
    case K_PERIOD:
        if (in->hi - in->lo <= 6)
            r |= add_key(k, B_WEEK, (uint64_t)in->lo, actor, fam, ev, 1);
        r |= add_key(k, B_MONTH, (uint64_t)month_of(in->lo), actor, fam, ev, 1);
        if (month_of(in->hi) != month_of(in->lo))
            r |= add_key(k, B_MONTH, (uint64_t)month_of(in->hi), actor, fam, ev, 1);
        return r;
    case K_FROM: /* the days it may have been announced on */
        for (long d = in->lo - ANNOUNCE_DAYS; r == 0 && d <= in->lo; d++)
            r |= add_key(k, B_DAY, (uint64_t)d, actor, fam, ev, 1);
        return r | add_key(k, B_EXACT, in->coarse, actor, fam, ev, 0);
    case K_OTHER:
        return add_key(k, B_EXACT, in->coarse, actor, fam, ev, 0);
    default:
        return 0;
    }
}

/* The actors an event is keyed by: its own and, for a measure, the
 * sides its doers stand for (indices into the timeline's actors,
 * distinct). */
static size_t key_actors(const bn_timeline *tl, const bn_event *e, long *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < e->nactors; i++) {
        long v[2] = {bn_timeline_actor(tl, e->actors[i].id), -1};
        const char *side = timeline_side(tl, e->actors[i].id);
        if (side && is_measure(e->type) && e->actors[i].role == BN_ROLE_SOURCE)
            v[1] = bn_timeline_actor(tl, side);
        for (int t = 0; t < 2; t++) {
            size_t k;
            for (k = 0; k < n && out[k] != v[t]; k++)
                ;
            if (v[t] >= 0 && k == n && n < max)
                out[n++] = v[t];
        }
    }
    return n;
}

static int key_order(const void *va, const void *vb)
{
    const cand_key *a = va, *b = vb;
    if (a->h != b->h)
        return a->h < b->h ? -1 : 1;
    if (a->wide != b->wide)
        return b->wide - a->wide; /* the wide ones first */
    return (a->ev > b->ev) - (a->ev < b->ev);
}

static int add_pair(const bn_timeline *tl, const ev_info *info, const word_pair *words, size_t i, size_t j,
                    cand_pair **pairs, size_t *np, size_t *cap)
{
    if (i == j)
        return 0;
    int rel = compatible(tl, info, words, i, j), ev = rel == DATE_NEAR ? evidence(tl, info, words, i, j) : 0;
    if (!rel || rel == DATE_ADJACENT || (rel == DATE_NEAR && !ev))
        return 0;
    if (bn_grow((void **)pairs, cap, *np + 1, sizeof **pairs))
        return -1;
    const bn_event *a = &tl->events[i].ev, *b = &tl->events[j].ev;
    /* links of the same date first, then the best evidence */
    int prio = rel == DATE_NEAR ? 4 - ev : !(a->type == b->type && bn_timex_date_cmp(&a->date, &b->date) == 0);
    (*pairs)[(*np)++] = (cand_pair){i < j ? i : j, i < j ? j : i, prio};
    return 0;
}

/* Candidates come from keys per (day, week or month, actor, family),
 * sorted: events of the same bucket are compared, days with days, a
 * week or month (or a measure's start) with the days and the weeks and
 * months it holds, never all pairs. */
static bn_status candidates(const bn_timeline *tl, const ev_info *info, const word_pair *words, cand_pair **out,
                            size_t *nout)
{
    size_t n = tl->nevents;
    key_buf k = {NULL, 0, 0};
    enum { MAX_KEY_ACTORS = 64 };
    long acts[MAX_KEY_ACTORS];
    for (size_t i = 0; i < n; i++) {
        const bn_event *e = &tl->events[i].ev;
        if (info[i].kind == K_VAGUE)
            continue;
        size_t na = key_actors(tl, e, acts, MAX_KEY_ACTORS);
        for (size_t a = 0; a < na; a++)
            if (event_keys(&k, &info[i], acts[a], bn_event_family(e->type), i) ||
                /* a statement meets the sanctions it may announce */
                (e->type == BN_EV_STATEMENT && event_keys(&k, &info[i], acts[a], BN_FAMILY_SANCTION, i))) {
                free(k.v);
                return BN_ERR_NOMEM;
            }
    }
    bn_sort(k.v, k.n, sizeof *k.v, key_order);
    cand_pair *pairs = NULL;
    size_t np = 0, pcap = 0;
    int fail = 0;
    for (size_t lo = 0; lo < k.n && !fail;) {
        size_t hi = lo + 1, w = k.v[lo].wide;
        while (hi < k.n && k.v[hi].h == k.v[lo].h)
            w += (size_t)k.v[hi++].wide;
        /* the wide ones are [lo, lo + w): in a day's bucket, the days pair
         * with one another and with them; in a week's or month's, only
         * they pair (with everything); a date as written, all pairs */
        int bucket = k.v[lo].bucket;
        for (size_t p = lo; p < hi && !fail; p++) {
            int wide = p < lo + w;
            size_t q0 = p + 1;
            if (bucket == B_WEEK || bucket == B_MONTH) {
                if (!wide)
                    break;
            } else if (bucket == B_DAY && wide && q0 < lo + w) {
                q0 = lo + w;
            }
            for (size_t q = q0; q < hi && !fail; q++)
                if (k.v[p].ev != k.v[q].ev)
                    fail = add_pair(tl, info, words, k.v[p].ev, k.v[q].ev, &pairs, &np, &pcap);
        }
        lo = hi;
    }
    free(k.v);
    if (fail) {
        free(pairs);
        return BN_ERR_NOMEM;
    }
    bn_sort(pairs, np, sizeof *pairs, pair_order);
    *out = pairs;
    *nout = np;
    return BN_OK;
}

/* A precise date never gives way to a vaguer one: a day first, then a
 * span of days, a measure's start, a week, a month, the rest (a day
 * taken from the publication date among them). */
static int date_rank(const bn_event *e, const ev_info *in)
{
    if (e->date_source == BN_DATE_DCT) /* no date written: the publication day, a guess */
        return 5;
    switch (in->kind) {
    case K_DAYS:
        return in->lo == in->hi ? 0 : 1;
    case K_FROM:
        return 2;
    case K_PERIOD:
        return e->date.value.precision == BN_PREC_WEEK ? 3 : 4;
    default:
        return 5;
    }
}

/* When the members of a group give it different dates, every source
 * keeps the date its article gives (sources[].date) and the group takes
 * the most precise one; of those, the one most members give, then the
 * earliest. */
static bn_status source_dates(bn_timeline *tl, size_t root, const size_t *next)
{
    const bn_timex *d0 = &tl->events[root].ev.date;
    int differ = 0;
    for (size_t m = next[root]; m != SIZE_MAX && !differ; m = next[m])
        differ = bn_timex_date_cmp(&tl->events[m].ev.date, d0) != 0;
    if (!differ)
        return BN_OK;
    for (size_t m = root; m != SIZE_MAX; m = next[m]) {
        bn_event *e = &tl->events[m].ev;
        bn_timex *d = bn_arena_alloc(&tl->arena, sizeof *d);
        if (!d)
            return BN_ERR_NOMEM;
        *d = e->date;
        for (size_t k = 0; k < e->nsources; k++)
            e->sources[k].date = d;
    }
    return BN_OK;
}

static size_t best_date(const bn_timeline *tl, const ev_info *info, size_t root, const size_t *next)
{
    size_t best = root;
    int best_rank = date_rank(&tl->events[root].ev, &info[root]), best_count = 0;
    for (size_t m = root; m != SIZE_MAX; m = next[m]) {
        const bn_event *e = &tl->events[m].ev;
        int rank = date_rank(e, &info[m]), count = 0;
        if (rank > best_rank)
            continue;
        for (size_t o = root; o != SIZE_MAX; o = next[o])
            count += bn_timex_date_cmp(&tl->events[o].ev.date, &e->date) == 0;
        int c = bn_timex_date_cmp(&e->date, &tl->events[best].ev.date);
        if (rank < best_rank || count > best_count || (count == best_count && c < 0)) {
            best = m;
            best_rank = rank;
            best_count = count;
        }
    }
    return best;
}

bn_status bn_resolve_events(bn_timeline *tl)
{
    size_t n = tl->nevents;
    if (n < 2)
        return BN_OK;
    ev_info *info = malloc(n * sizeof *info);
    size_t *parent = malloc(n * sizeof *parent), *best = malloc(n * sizeof *best);
    groups g = {malloc(n * sizeof *g.next), malloc(n * sizeof *g.tail)};
    cand_pair *pairs = NULL;
    word_pair *words = NULL;
    size_t np = 0;
    bn_status st = info && parent && best && g.next && g.tail ? BN_OK : BN_ERR_NOMEM;
    for (size_t i = 0; st == BN_OK && i < n; i++) {
        info[i] = info_of(&tl->events[i].ev);
        parent[i] = i;
        g.next[i] = SIZE_MAX;
        g.tail[i] = i;
    }
    if (st == BN_OK)
        st = object_words(tl, info, &words);
    if (st == BN_OK)
        st = candidates(tl, info, words, &pairs, &np);
    for (size_t k = 0; st == BN_OK && k < np; k++) {
        size_t ri = bn_uf_root(parent, pairs[k].i), rj = bn_uf_root(parent, pairs[k].j);
        if (ri == rj || !all_compatible(tl, info, words, &g, ri, rj))
            continue;
        size_t r = ri < rj ? ri : rj, o = ri < rj ? rj : ri;
        groups_join(&g, info, r, o);
        parent[o] = r;
    }
    /* every member points at its root, the earliest event of the group */
    for (size_t i = 0; st == BN_OK && i < n; i++)
        parent[i] = bn_uf_root(parent, i);
    for (size_t i = 0; st == BN_OK && i < n; i++)
        if (parent[i] == i && g.next[i] != SIZE_MAX) {
            settle_type(tl, i, g.next);
            st = source_dates(tl, i, g.next);
            best[i] = best_date(tl, info, i, g.next);
        }
    for (size_t i = 0; st == BN_OK && i < n; i++)
        if (parent[i] != i)
            st = bn_event_absorb(&tl->arena, &tl->events[parent[i]].ev, &tl->events[i].ev);
    for (size_t i = 0; st == BN_OK && i < n; i++)
        if (parent[i] == i && g.next[i] != SIZE_MAX && best[i] != i) {
            tl->events[i].ev.date = tl->events[best[i]].ev.date;
            tl->events[i].ev.date_source = tl->events[best[i]].ev.date_source;
        }
    if (st == BN_OK) {
        size_t kept = 0;
        for (size_t i = 0; i < n; i++)
            if (parent[i] == i)
                tl->events[kept++] = tl->events[i];
        tl->nevents = kept;
    }
    free(g.next);
    free(g.tail);
    free(pairs);
    free(words);
    free(best);
    free(parent);
    free(info);
    return st;
}
