/* The date patterns of a language (data/lang/<code>/dates.json), compiled:
 * each pattern is a sequence of words and slots ({D}/{M}/{Y}, {DW} {D}-{M},
 * tháng {MW} năm {Y}, {N} ngày trước …) with the separators the text must
 * have between them, and a rule saying what value it makes.  The tagger
 * (parsers/bn_dates.c) runs them; docs/dates.md is their contract. */
#ifndef BN_DATE_RULES_H
#define BN_DATE_RULES_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

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
    /* the rules as a tree of their items, so that rules that open alike
     * match what they share once ("{DW} {D}/{M}" and 31 more open with
     * a day word and a day): node 0 is the root; a node's edges (the
     * items that may come next) are contiguous, and the rules that end at
     * it are listed in rule order (bn_date_node) */
    struct bn_date_node {
        uint32_t edge, nedges; /* edges[edge ..] */
        uint32_t end, nends;   /* ends[end ..]: the rules matched when the walk gets here */
        uint32_t nwords;       /* the edges of words, first */
        uint64_t words;        /* a bit per their hash modulo 64: most next words are none of them */
    } *nodes;
    struct bn_date_edge {
        uint8_t slot;     /* bn_date_slot */
        uint32_t hash;    /* BN_DS_WORD: the word's */
        uint32_t node;    /* where it leads */
        const char *word; /* BN_DS_WORD: folded key (the rule item's) */
        const char *gap;  /* as bn_date_item's, but never "" (NULL: spaces) */
    } *edges;
    uint32_t *ends;
    size_t nnodes, nedges, nends;
    /* the root's edges: by the slot of a rule's first item (0: no rule
     * opens with it), and by its first word, in an open-addressed table
     * of first_mask + 1 entries (node 0: an empty entry) */
    uint32_t root_slot[BN_DS_Q + 1];
    struct bn_date_first {
        uint32_t hash, node;
        const char *word;
    } *first_words;
    uint32_t first_mask;
    /* what a token may start, by its hash modulo BN_DATE_STARTS: a phrase
     * of day_words, weekdays, month_words or numbers (BN_DATE_STARTS_DW,
     * _WD, _MW, _N), a rule (BN_DATE_STARTS_RULE: it opens with the word)
     * or a quarter ("i" .. "iv": BN_DATE_STARTS_Q); set from the hashes
     * of those first words themselves (47 buckets of 4,096: most tokens
     * start nothing) */
    uint8_t starts[4096];
} bn_date_rules;

enum { BN_DATE_STARTS = 4096, BN_DATE_STARTS_DW = 1, BN_DATE_STARTS_WD = 2, BN_DATE_STARTS_MW = 4, BN_DATE_STARTS_N = 8,
       BN_DATE_STARTS_RULE = 16, BN_DATE_STARTS_Q = 32 };

/* The node a rule's first word `key` (of hash `hash`) leads to from the
 * root: 0 when no rule opens with it. */
static inline uint32_t bn_date_rules_first_word(const bn_date_rules *r, uint32_t hash, const char *key)
{
    for (uint32_t p = hash & r->first_mask; r->first_words[p].node; p = (p + 1) & r->first_mask)
        if (r->first_words[p].hash == hash && strcmp(r->first_words[p].word, key) == 0)
            return r->first_words[p].node;
    return 0;
}

/* Loads and compiles the "patterns" and word lists of a dates.json. */
bn_status bn_date_rules_load(bn_date_rules **out, const char *path, bn_error *err);
void bn_date_rules_free(bn_date_rules *r);

#endif
