/* The date patterns of a language (data/lang/<code>/dates.json), compiled:
 * each pattern is a sequence of words and slots ({D}/{M}/{Y}, {DW} {D}-{M},
 * tháng {MW} năm {Y}, {N} ngày trước …) with the separators the text must
 * have between them, and a rule saying what value it makes.  The tagger
 * (parsers/bn_dates.c) runs them; docs/dates.md is their contract. */
#ifndef BN_DATE_RULES_H
#define BN_DATE_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "bn_date.h"
#include "bn_error.h"
#include "bn_phrase.h"

typedef enum bn_date_slot {
    BN_DS_WORD,  /* a literal word */
    BN_DS_D,     /* day 1-31 */
    BN_DS_D2,    /* second day of a range */
    BN_DS_M,     /* month 1-12 in digits */
    BN_DS_M2,    /* second month of a span */
    BN_DS_Y,     /* four-digit year */
    BN_DS_N,     /* a count: digits or a number word */
    BN_DS_MW,    /* a month word: Giêng, Mười Một, Chạp */
    BN_DS_WD,    /* a weekday: thứ Hai, thứ 2, Chủ nhật */
    BN_DS_DW,    /* a day word: ngày, hôm, sáng, chiều … */
    BN_DS_Q,     /* a quarter: I-IV or 1-4 */
} bn_date_slot;

typedef enum bn_date_kind {
    BN_DK_DAY,      /* D M [Y] */
    BN_DK_RANGE,    /* D-D2 M [Y] */
    BN_DK_SPAN,     /* D M - D2 M2 [Y] */
    BN_DK_MONTH,    /* M or MW [Y] */
    BN_DK_YEAR,     /* Y */
    BN_DK_HALF,     /* half [Y] */
    BN_DK_QUARTER,  /* Q [Y] */
    BN_DK_REL,      /* unit and offset from the anchor (offset * N when a count is there) */
    BN_DK_WEEKDAY,  /* WD, in the anchor's week plus offset weeks */
    BN_DK_REF,      /* the same day as the date before */
    BN_DK_NOT,      /* read and dropped: a time relative to another event ("một ngày trước khi") */
} bn_date_kind;

typedef enum bn_date_unit { BN_DU_DAY, BN_DU_WEEK, BN_DU_MONTH, BN_DU_YEAR } bn_date_unit;

typedef struct bn_date_item {
    bn_date_slot slot;
    char *word;       /* BN_DS_WORD: folded key */
    uint32_t hash;
    char *gap;        /* text required before the item ("/", " (", ...); NULL: spaces */
} bn_date_item;

typedef struct bn_date_rule {
    bn_date_item *items;
    size_t nitems;
    bn_date_kind kind;
    bn_date_mod mod;  /* START, MID, END or none */
    int half;         /* 1 or 2 */
    bn_date_unit unit;
    int offset;
    int has_offset;   /* weekday: a week offset is given */
    int context;      /* only right after another date ("ngày 10/7 và 11/7") */
    int not_before_name; /* none when a capitalised word follows: "4 ngày tới Bắc Kinh" is a trip to a place */
    int month_end;    /* a span that ends with its month {M2}: "từ 24/4 tới hết tháng 10" */
    int after_previous; /* counted from the day last written, not the publication date ("Hai ngày sau, ...") */
    int line;         /* in the data file, for messages */
} bn_date_rule;

typedef struct bn_date_rules {
    bn_date_rule *v;
    size_t n, cap;
    bn_phrases *day_words;    /* payload 0 */
    bn_phrases *month_words;  /* payload: month */
    bn_phrases *weekdays;     /* payload: 1 (Monday) .. 7 */
    bn_phrases *numbers;      /* payload: value */
    bn_phrases *tense;        /* payload: +1 future, -1 past */
    bn_phrases *span_words;   /* payload: 1 "từ" opens a span, 2 "đến" closes it */
    bn_phrases *weekday_words; /* payload 0: before "thứ 5", a weekday, not an ordinal ("vào thứ 5") */
    bn_phrases *office_words; /* before a title; payload: 1 "tân" new in office, -1 "cựu" former */
    /* which rules can start at a token: by the slot of their first item,
     * and for a first word by its hash (sorted, for a binary search) */
    size_t *first_slot[BN_DS_Q + 1];
    size_t nfirst_slot[BN_DS_Q + 1];
    struct bn_first_word {
        uint32_t hash;
        size_t rule;
    } *first_word;
    size_t nfirst_word;
    uint64_t first_bits[16]; /* a bit per first word's hash modulo 1024: most tokens start no rule */
    /* the rules of first_slot[s] by what their second item asks of the
     * token after the first (a rule's index is in one list): `any`
     * (one item, or a slot of words), `digits` (a day, month or year),
     * `word` (a word: by its hash, sorted, for a binary search) */
    struct bn_slot_rules {
        size_t *any, *digits;
        size_t nany, ndigits;
        struct bn_first_word *word;
        size_t nword;
    } by_second[BN_DS_Q + 1];
    /* the rules of first_word the same way: those whose second item is
     * a word by the pair of hashes (sorted by first, then second), the
     * others by the first word's hash, with whether the second asks for
     * digits */
    struct bn_word_rule {
        uint32_t hash, hash2;
        size_t rule;
        int digits;
    } *word_pair, *word_other;
    size_t nword_pair, nword_other;
    /* which of day_words, weekdays, month_words and numbers a token may
     * start (BN_DATE_STARTS_DW, _WD, _MW, _N), by its hash modulo
     * BN_DATE_STARTS: those sets' first-word bits in one byte; and
     * BN_DATE_STARTS_RULE, first_bits' (bn_date_rules_may_start) */
    uint8_t starts[4096];
} bn_date_rules;

enum { BN_DATE_STARTS = 4096, BN_DATE_STARTS_DW = 1, BN_DATE_STARTS_WD = 2, BN_DATE_STARTS_MW = 4, BN_DATE_STARTS_N = 8,
       BN_DATE_STARTS_RULE = 16 };

/* Whether a rule may start with the word of this hash (when it may not,
 * first_word holds no entry of it). */
static inline int bn_date_rules_may_start(const bn_date_rules *r, uint32_t hash)
{
    return (int)(r->first_bits[(hash & 1023) / 64] >> (hash % 64) & 1);
}

/* Loads and compiles the "patterns" and word lists of a dates.json. */
bn_status bn_date_rules_load(bn_date_rules **out, const char *path, bn_error *err);
void bn_date_rules_free(bn_date_rules *r);

#endif
