#include "bn_dates.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

long bn_days_from_civil(int y, int m, int d)
{
    /* H. Hinnant's algorithm */
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Reads 1..max digits at s[*i]; returns the number or -1. */
static int read_num(const char *s, size_t len, size_t *i, int max)
{
    int v = 0, n = 0;
    while (*i < len && is_digit(s[*i]) && n < max) {
        v = v * 10 + (s[*i] - '0');
        (*i)++;
        n++;
    }
    if (n == 0 || (*i < len && is_digit(s[*i])))
        return -1;
    return v;
}

static int valid_dm(int d, int m)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m >= 1 && m <= 12 && d >= 1 && d <= mdays[m - 1];
}

typedef struct parsed {
    int d, m, y;    /* y = 0 when not written */
    int d2;         /* end day of "D1-D2/M", else 0 */
    size_t end;     /* clean offset after the expression */
} parsed;

/* D/M, D-M, D/M/YYYY, D-M-YYYY, D1-D2/M[/YYYY] at s[i]. */
static int parse_day_month(const char *s, size_t len, size_t i, parsed *p)
{
    memset(p, 0, sizeof *p);
    int d = read_num(s, len, &i, 2);
    if (d < 0 || i >= len || (s[i] != '/' && s[i] != '-'))
        return 0;
    char sep = s[i++];
    int m = read_num(s, len, &i, 2);
    if (m < 0)
        return 0;
    if (sep == '-' && i < len && s[i] == '/') {
        /* D1-D2/M */
        size_t j = i + 1;
        int m2 = read_num(s, len, &j, 2);
        if (m2 < 0 || !valid_dm(d, m2) || !valid_dm(m, m2) || m <= d)
            return 0;
        p->d2 = m;
        m = m2;
        i = j;
        sep = '/';
    }
    if (!valid_dm(d, m))
        return 0;
    if (i + 1 < len && s[i] == sep && is_digit(s[i + 1])) {
        size_t j = i + 1;
        int y = read_num(s, len, &j, 4);
        if (y < 1000 || j - i - 1 != 4)
            return 0; /* "10/7/23" and other forms are left to later rules */
        p->y = y;
        i = j;
    }
    /* "10/7/2023/..." or "2-1-0" are not dates */
    if (i < len && (s[i] == '/' || (s[i] == '-' && i + 1 < len && is_digit(s[i + 1]))))
        return 0;
    p->d = d;
    p->m = m;
    p->end = i;
    return 1;
}

/* The year that puts day/month closest to the publication date.  Four
 * years either side, so that 29/2 finds a leap year. */
static int nearest_year(const char *dct, int m, int d)
{
    int y = atoi(dct), dm = atoi(dct + 5), dd = atoi(dct + 8);
    long ref = bn_days_from_civil(y, dm, dd);
    int best = y;
    long best_dist = -1;
    for (int cand = y - 4; cand <= y + 4; cand++) {
        if (m == 2 && d == 29 && !((cand % 4 == 0 && cand % 100 != 0) || cand % 400 == 0))
            continue;
        long dist = labs(bn_days_from_civil(cand, m, d) - ref);
        if (best_dist < 0 || dist < best_dist) {
            best = cand;
            best_dist = dist;
        }
    }
    return best;
}

static void format_day(char *out, int y, int m, int d)
{
    if (y > 0)
        snprintf(out, BN_TIMEX_MAX, "%04d-%02d-%02d", y, m, d);
    else
        snprintf(out, BN_TIMEX_MAX, "XXXX-%02d-%02d", m, d);
}

static bn_status add_timex(bn_article *a, size_t *cap, const parsed *p, uint32_t start)
{
    bn_timex *v = bn_arena_grow(&a->arena, a->timexes, cap, a->ntimexes + 1, sizeof *v);
    if (!v)
        return BN_ERR_NOMEM;
    a->timexes = v;
    bn_timex *t = &a->timexes[a->ntimexes++];
    memset(t, 0, sizeof *t);
    int y = p->y;
    if (y)
        t->year_source = BN_YEAR_TEXT;
    else if (a->dct[0]) {
        y = nearest_year(a->dct, p->m, p->d);
        t->year_source = BN_YEAR_DCT;
    } else
        t->year_source = BN_YEAR_UNKNOWN;
    format_day(t->value, y, p->m, p->d);
    if (p->d2)
        format_day(t->end, y, p->m, p->d2);
    t->precision = BN_PREC_DAY;
    t->start = start;
    t->end_off = (uint32_t)p->end;
    return BN_OK;
}

bn_status bn_tag_dates(bn_article *a, const bn_lang *lang)
{
    const char *s = a->text.s;
    size_t len = a->text.len, cap = 0;
    for (size_t k = 0; k < a->nsentences; k++) {
        const bn_sentence *sn = &a->sentences[k];
        for (size_t i = sn->tok_begin; i < sn->tok_end; i++) {
            const bn_token *t = &a->tokens.v[i];
            parsed p;
            int payload;
            size_t m = bn_phrases_match(lang->date_words, s, &a->tokens, i, sn->tok_end, &payload);
            if (m > 0) {
                /* a day word, then the day: "ngày 10/7", "hôm 14-5" */
                size_t at = a->tokens.v[i + m - 1].end;
                while (at < sn->end && s[at] == ' ')
                    at++;
                if (at < sn->end && parse_day_month(s, sn->end, at, &p)) {
                    bn_status st = add_timex(a, &cap, &p, t->start);
                    if (st != BN_OK)
                        return st;
                    i = bn_tokens_at(&a->tokens, p.end) - 1;
                }
                continue;
            }
            /* a full date on its own: "12/1/2022" */
            if ((t->flags & BN_TOK_DIGIT) && (t->start == 0 || !is_digit(s[t->start - 1])) &&
                parse_day_month(s, len < sn->end ? len : sn->end, t->start, &p) && p.y &&
                s[t->end] == '/') {
                bn_status st = add_timex(a, &cap, &p, t->start);
                if (st != BN_OK)
                    return st;
                i = bn_tokens_at(&a->tokens, p.end) - 1;
            }
        }
    }
    return BN_OK;
}
