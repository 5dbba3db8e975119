#include "bn_date_rules.h"

#include <stdlib.h>
#include <string.h>

#include "bn_array.h"
#include "bn_data.h"
#include "bn_text.h"

void bn_date_rules_free(bn_date_rules *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n; i++) {
        for (size_t k = 0; k < r->v[i].nitems; k++) {
            free(r->v[i].items[k].word);
            free(r->v[i].items[k].gap);
        }
        free(r->v[i].items);
    }
    free(r->v);
    bn_phrases_free(r->day_words);
    bn_phrases_free(r->month_words);
    bn_phrases_free(r->weekdays);
    bn_phrases_free(r->numbers);
    bn_phrases_free(r->tense);
    bn_phrases_free(r->span_words);
    bn_phrases_free(r->weekday_words);
    bn_phrases_free(r->office_words);
    for (int s = 0; s <= BN_DS_Q; s++) {
        free(r->first_slot[s]);
        free(r->by_second[s].any);
        free(r->by_second[s].digits);
        free(r->by_second[s].word);
    }
    free(r->first_word);
    free(r->word_pair);
    free(r->word_other);
    free(r);
}

static const struct {
    const char *name;
    bn_date_slot slot;
} slot_names[] = {
    {"D", BN_DS_D},   {"D2", BN_DS_D2}, {"M", BN_DS_M},   {"M2", BN_DS_M2}, {"Y", BN_DS_Y},   {"N", BN_DS_N},
    {"MW", BN_DS_MW}, {"WD", BN_DS_WD}, {"DW", BN_DS_DW}, {"Q", BN_DS_Q},
};

static const char *const kind_names[] = {"day", "range", "span", "month", "year",
                                         "half", "quarter", "relative", "weekday", "same-day", "not-a-date"};
static const char *const unit_names[] = {"day", "week", "month", "year"};

static int push_item(bn_date_rule *r, size_t *cap, bn_date_item it)
{
    if (bn_grow((void **)&r->items, cap, r->nitems + 1, sizeof *r->items))
        return -1;
    r->items[r->nitems++] = it;
    return 0;
}

/* "{DW} {D}/{M}/{Y}" -> items; punctuation between items is the gap the
 * text must have (spaces in it are not required); plain spaces are any
 * spaces. */
static int parse_pattern(const char *p, bn_date_rule *r)
{
    size_t cap = 0;
    char gap[16];
    size_t gl = 0;
    int have_gap_punct = 0;
    while (*p) {
        if (*p == ' ') {
            p++;
            continue;
        }
        bn_date_item it = {BN_DS_WORD, NULL, 0, NULL};
        const char *start = p;
        if (*p == '{') {
            const char *close = strchr(p, '}');
            if (!close)
                return -1;
            size_t n = (size_t)(close - p - 1);
            int found = 0;
            for (size_t k = 0; k < sizeof slot_names / sizeof slot_names[0]; k++)
                if (strlen(slot_names[k].name) == n && strncmp(p + 1, slot_names[k].name, n) == 0) {
                    it.slot = slot_names[k].slot;
                    found = 1;
                }
            if (!found)
                return -1;
            p = close + 1;
        } else if ((unsigned char)*p >= 0x80 || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                   (*p >= '0' && *p <= '9')) {
            while (*p && *p != ' ' && *p != '{' && !strchr("/-.,()", *p))
                p++;
            char key[128];
            size_t kl = bn_fold_word(start, (size_t)(p - start), BN_FOLD_TONE, key, sizeof key);
            it.word = strdup(key);
            if (!it.word)
                return -1;
            it.hash = bn_hash(key, kl);
        } else {
            /* punctuation: part of the gap before the next item */
            if (gl + 1 < sizeof gap)
                gap[gl++] = *p;
            have_gap_punct = 1;
            p++;
            continue;
        }
        if (have_gap_punct) {
            gap[gl] = '\0';
            it.gap = strdup(gap);
            if (!it.gap)
                return -1;
        }
        gl = 0;
        have_gap_punct = 0;
        if (push_item(r, &cap, it)) {
            free(it.word);
            free(it.gap);
            return -1;
        }
    }
    return r->nitems ? 0 : -1;
}

typedef struct map_ctx {
    bn_phrases *p;
} map_ctx;

/* {"phrase": value, ...} into a matcher with the values as payloads. */
static bn_status load_map(bn_phrases **out, const json_t *obj, const char *path, const char *what, bn_error *err)
{
    *out = bn_phrases_new();
    if (!*out)
        return BN_ERR_NOMEM;
    if (obj && !json_is_object(obj))
    {
        bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0, "\"%s\" must map words to numbers", what);
        bn_json_error_place(err, path, what);
        return BN_ERR_DATA;
    }
    const char *k;
    const json_t *v;
    json_object_foreach((json_t *)obj, k, v) {
        if (!json_is_integer(v)) {
            char where[256];
            snprintf(where, sizeof where, "%s/%s", what, k);
            bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0, "\"%s\": \"%s\" must be a number", what, k);
            bn_json_error_place(err, path, where);
            return BN_ERR_DATA;
        }
        bn_status st = bn_phrases_add(*out, k, (int)json_integer_value(v), 0);
        if (st != BN_OK)
            return st;
    }
    return bn_phrases_compile(*out);
}

static bn_status add_words(void *ctx, const char *s)
{
    map_ctx *c = ctx;
    return bn_phrases_add(c->p, s, 0, 0);
}

static int find_name(const char *const *names, size_t n, const char *s)
{
    for (size_t i = 0; s && i < n; i++)
        if (strcmp(names[i], s) == 0)
            return (int)i;
    return -1;
}

static bn_status load_rule(const json_t *o, bn_date_rule *r, const char *path, int line, bn_error *err)
{
    const char *match = json_string_value(json_object_get(o, "match"));
    const char *kind = json_string_value(json_object_get(o, "kind"));
    const char *unit = json_string_value(json_object_get(o, "unit"));
    const char *mod = json_string_value(json_object_get(o, "mod"));
    int k = find_name(kind_names, sizeof kind_names / sizeof kind_names[0], kind);
    r->line = line;
    if (!match || parse_pattern(match, r) != 0)
        return bn_error_set(err, BN_ERR_DATA, path, line, 1, 0, "pattern \"%s\" cannot be read",
                            match ? match : "(none)");
    if (k < 0)
        return bn_error_set(err, BN_ERR_DATA, path, line, 1, 0, "pattern \"%s\": unknown kind \"%s\"", match,
                            kind ? kind : "(none)");
    r->kind = (bn_date_kind)k;
    if (unit) {
        int u = find_name(unit_names, 4, unit);
        if (u < 0)
            return bn_error_set(err, BN_ERR_DATA, path, line, 1, 0, "pattern \"%s\": unknown unit \"%s\"", match, unit);
        r->unit = (bn_date_unit)u;
    }
    if (mod && !bn_date_mod_parse(mod, &r->mod))
        return bn_error_set(err, BN_ERR_DATA, path, line, 1, 0, "pattern \"%s\": mod is START, MID or END", match);
    const json_t *off = json_object_get(o, "offset");
    r->has_offset = json_is_integer(off);
    r->offset = (int)json_integer_value(off);
    r->half = (int)json_integer_value(json_object_get(o, "half"));
    r->context = json_is_true(json_object_get(o, "context"));
    r->not_before_name = json_is_true(json_object_get(o, "not_before_name"));
    r->month_end = json_is_true(json_object_get(o, "month_end"));
    r->after_previous = json_is_true(json_object_get(o, "after_previous"));
    if (r->kind == BN_DK_REL && !r->has_offset)
        return bn_error_set(err, BN_ERR_DATA, path, line, 1, 0, "pattern \"%s\": a relative date needs an offset",
                            match);
    return BN_OK;
}

static int word_order(const void *va, const void *vb)
{
    const struct bn_first_word *a = va, *b = vb;
    if (a->hash != b->hash)
        return a->hash < b->hash ? -1 : 1;
    return (a->rule > b->rule) - (a->rule < b->rule);
}

static int word_rule_order(const void *va, const void *vb)
{
    const struct bn_word_rule *a = va, *b = vb;
    if (a->hash != b->hash)
        return a->hash < b->hash ? -1 : 1;
    if (a->hash2 != b->hash2)
        return a->hash2 < b->hash2 ? -1 : 1;
    return (a->rule > b->rule) - (a->rule < b->rule);
}

static int is_digit_slot(bn_date_slot s)
{
    return s == BN_DS_D || s == BN_DS_D2 || s == BN_DS_M || s == BN_DS_M2 || s == BN_DS_Y;
}

/* The index of first items, so the tagger tries at a token only the rules
 * that can start there. */
static bn_status index_rules(bn_date_rules *r)
{
    size_t caps[BN_DS_Q + 1] = {0}, wcap = 0;
    for (size_t i = 0; i < r->n; i++) {
        const bn_date_item *it = &r->v[i].items[0];
        if (it->slot == BN_DS_WORD) {
            if (bn_grow((void **)&r->first_word, &wcap, r->nfirst_word + 1, sizeof *r->first_word))
                return BN_ERR_NOMEM;
            r->first_word[r->nfirst_word].hash = it->hash;
            r->first_word[r->nfirst_word++].rule = i;
            r->first_bits[(it->hash & 1023) / 64] |= (uint64_t)1 << (it->hash % 64);
        } else {
            size_t s = it->slot;
            if (bn_grow((void **)&r->first_slot[s], &caps[s], r->nfirst_slot[s] + 1, sizeof *r->first_slot[s]))
                return BN_ERR_NOMEM;
            r->first_slot[s][r->nfirst_slot[s]++] = i;
        }
    }
    qsort(r->first_word, r->nfirst_word, sizeof *r->first_word, word_order);
    /* first_slot[s] by the second item */
    for (int s = 0; s <= BN_DS_Q; s++) {
        struct bn_slot_rules *b = &r->by_second[s];
        size_t n = r->nfirst_slot[s];
        if (n == 0)
            continue;
        b->any = malloc(n * sizeof *b->any);
        b->digits = malloc(n * sizeof *b->digits);
        b->word = malloc(n * sizeof *b->word);
        if (!b->any || !b->digits || !b->word)
            return BN_ERR_NOMEM;
        for (size_t k = 0; k < n; k++) {
            size_t i = r->first_slot[s][k];
            const bn_date_rule *rule = &r->v[i];
            bn_date_slot second = rule->nitems < 2 ? BN_DS_N : rule->items[1].slot;
            if (second == BN_DS_WORD)
                b->word[b->nword++] = (struct bn_first_word){rule->items[1].hash, i};
            else if (is_digit_slot(second))
                b->digits[b->ndigits++] = i;
            else
                b->any[b->nany++] = i;
        }
        qsort(b->word, b->nword, sizeof *b->word, word_order);
    }
    /* first_word by the second item */
    if (r->nfirst_word) {
        r->word_pair = malloc(r->nfirst_word * sizeof *r->word_pair);
        r->word_other = malloc(r->nfirst_word * sizeof *r->word_other);
        if (!r->word_pair || !r->word_other)
            return BN_ERR_NOMEM;
    }
    for (size_t k = 0; k < r->nfirst_word; k++) {
        const bn_date_rule *rule = &r->v[r->first_word[k].rule];
        bn_date_slot second = rule->nitems < 2 ? BN_DS_N : rule->items[1].slot;
        if (second == BN_DS_WORD)
            r->word_pair[r->nword_pair++] =
                (struct bn_word_rule){r->first_word[k].hash, rule->items[1].hash, r->first_word[k].rule, 0};
        else
            r->word_other[r->nword_other++] =
                (struct bn_word_rule){r->first_word[k].hash, 0, r->first_word[k].rule, is_digit_slot(second)};
    }
    if (r->nword_pair)
        qsort(r->word_pair, r->nword_pair, sizeof *r->word_pair, word_rule_order);
    if (r->nword_other)
        qsort(r->word_other, r->nword_other, sizeof *r->word_other, word_rule_order);
    /* the four sets' first-word bits, modulo BN_DATE_STARTS; a set with
     * no bits (none compiled) may start at any token */
    const bn_phrases *sets[4] = {r->day_words, r->weekdays, r->month_words, r->numbers};
    for (int k = 0; k < 4; k++) {
        const bn_phrases_head *h = (const bn_phrases_head *)sets[k];
        size_t bits = h->first ? (size_t)h->fmask + 1 : 0;
        for (size_t c = 0; c < (bits > BN_DATE_STARTS ? bits : BN_DATE_STARTS); c++)
            if (!h->first || (h->first[(c & h->fmask) / 64] >> ((c & h->fmask) % 64) & 1))
                r->starts[c % BN_DATE_STARTS] |= (uint8_t)(1u << k);
    }
    /* (BN_DATE_STARTS is a multiple of first_bits' 1024) */
    for (uint32_t c = 0; c < BN_DATE_STARTS; c++)
        if (bn_date_rules_may_start(r, c))
            r->starts[c] |= BN_DATE_STARTS_RULE;
    return BN_OK;
}

bn_status bn_date_rules_load(bn_date_rules **out, const char *path, bn_error *err)
{
    json_t *root;
    bn_status st = bn_json_load_file(path, &root, err);
    if (st != BN_OK)
        return st;
    bn_date_rules *r = calloc(1, sizeof *r);
    if (!r) {
        bn_json_free(root);
        return BN_ERR_NOMEM;
    }
    map_ctx c = {bn_phrases_new()};
    r->day_words = c.p;
    st = c.p ? bn_json_each_string(json_object_get(root, "day_words"), add_words, &c, path, "day_words", "day_words", err)
             : BN_ERR_NOMEM;
    if (st == BN_OK)
        st = bn_phrases_compile(r->day_words);
    if (st == BN_OK && !(r->weekday_words = c.p = bn_phrases_new()))
        st = BN_ERR_NOMEM;
    if (st == BN_OK)
        st = bn_json_each_string(json_object_get(root, "weekday_words"), add_words, &c, path, "weekday_words",
                                 "weekday_words", err);
    if (st == BN_OK)
        st = bn_phrases_compile(r->weekday_words);
    if (st == BN_OK)
        st = load_map(&r->month_words, json_object_get(root, "month_words"), path, "month_words", err);
    if (st == BN_OK)
        st = load_map(&r->weekdays, json_object_get(root, "weekdays"), path, "weekdays", err);
    if (st == BN_OK)
        st = load_map(&r->numbers, json_object_get(root, "numbers"), path, "numbers", err);
    if (st == BN_OK)
        st = load_map(&r->tense, json_object_get(root, "tense"), path, "tense", err);
    if (st == BN_OK)
        st = load_map(&r->span_words, json_object_get(root, "span_words"), path, "span_words", err);
    if (st == BN_OK)
        st = load_map(&r->office_words, json_object_get(root, "office_words"), path, "office_words", err);
    const json_t *pats = json_object_get(root, "patterns");
    if (st == BN_OK && !json_is_array(pats)) {
        st = bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0, "expected a \"patterns\" list");
        bn_json_error_place(err, path, "patterns");
    }
    size_t i;
    const json_t *o;
    if (st == BN_OK)
        json_array_foreach(pats, i, o) {
            if (bn_grow((void **)&r->v, &r->cap, r->n + 1, sizeof *r->v)) {
                st = BN_ERR_NOMEM;
                break;
            }
            memset(&r->v[r->n], 0, sizeof r->v[r->n]);
            r->n++; /* counted first, so that free() sees its items */
            st = load_rule(o, &r->v[r->n - 1], path, 0, err);
            if (st != BN_OK) {
                char where[64]; /* looked up only when there is an error */
                snprintf(where, sizeof where, "patterns/%zu", i);
                bn_json_error_place(err, path, where);
                break;
            }
        }
    bn_json_free(root);
    if (st == BN_OK)
        st = index_rules(r);
    if (st != BN_OK) {
        bn_date_rules_free(r);
        return st;
    }
    *out = r;
    return BN_OK;
}
