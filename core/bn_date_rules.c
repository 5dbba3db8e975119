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
    free(r->nodes);
    free(r->edges);
    free(r->ends);
    free(r->first_words);
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

/* The tree of items while it is built: a node's children (each with the
 * item that leads to it) and the rules that end there. */
typedef struct tnode {
    const bn_date_item *via;
    size_t *kid, nkid, kcap;
    uint32_t *end;
    size_t nend, ecap;
} tnode;

typedef struct tree {
    tnode *v;
    size_t n, cap;
} tree;

static void tree_free(tree *t)
{
    for (size_t i = 0; i < t->n; i++) {
        free(t->v[i].kid);
        free(t->v[i].end);
    }
    free(t->v);
}

static int same_text(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* Whether two items ask the same of the text: a first item's gap is never
 * read (the root's edges ignore it). */
static int same_item(const bn_date_item *a, const bn_date_item *b, int first)
{
    return a->slot == b->slot && same_text(a->word, b->word) && (first || same_text(a->gap, b->gap));
}

/* The child of node `at` that item `it` leads to, made when there is none:
 * its index, or (size_t)-1 when out of memory. */
static size_t child_of(tree *t, size_t at, const bn_date_item *it)
{
    for (size_t k = 0; k < t->v[at].nkid; k++)
        if (same_item(t->v[t->v[at].kid[k]].via, it, at == 0))
            return t->v[at].kid[k];
    if (bn_grow((void **)&t->v, &t->cap, t->n + 1, sizeof *t->v))
        return (size_t)-1;
    tnode *p = &t->v[at];
    if (bn_grow((void **)&p->kid, &p->kcap, p->nkid + 1, sizeof *p->kid))
        return (size_t)-1;
    p->kid[p->nkid++] = t->n;
    t->v[t->n] = (tnode){.via = it};
    return t->n++;
}

/* A node's edges by slot, then word: the walk tests the same kind of item
 * in a row. */
static int edge_order(const void *va, const void *vb)
{
    const struct bn_date_edge *a = va, *b = vb;
    if (a->slot != b->slot)
        return a->slot < b->slot ? -1 : 1;
    if (a->hash != b->hash)
        return a->hash < b->hash ? -1 : 1;
    return (a->node > b->node) - (a->node < b->node);
}

/* The built tree laid out flat: nodes in the order made, each node's edges
 * contiguous, the root's by slot and by first word. */
static bn_status flatten(bn_date_rules *r, tree *t)
{
    size_t nedges = 0, nends = 0, nwords = 0;
    for (size_t i = 0; i < t->n; i++) {
        nedges += t->v[i].nkid;
        nends += t->v[i].nend;
    }
    for (size_t k = 0; k < t->v[0].nkid; k++)
        nwords += t->v[t->v[0].kid[k]].via->slot == BN_DS_WORD;
    size_t size = 2;
    while (size < 2 * nwords)
        size *= 2;
    r->nodes = calloc(t->n, sizeof *r->nodes);
    r->edges = calloc(nedges ? nedges : 1, sizeof *r->edges);
    r->ends = calloc(nends ? nends : 1, sizeof *r->ends);
    r->first_words = calloc(size, sizeof *r->first_words);
    if (!r->nodes || !r->edges || !r->ends || !r->first_words)
        return BN_ERR_NOMEM;
    r->first_mask = (uint32_t)(size - 1);
    for (size_t i = 0; i < t->n; i++) {
        tnode *p = &t->v[i];
        r->nodes[i] = (struct bn_date_node){(uint32_t)r->nedges, (uint32_t)p->nkid, (uint32_t)r->nends,
                                            (uint32_t)p->nend, 0, 0};
        for (size_t k = 0; k < p->nkid; k++) {
            const bn_date_item *it = t->v[p->kid[k]].via;
            if (it->slot == BN_DS_WORD) {
                r->nodes[i].nwords++;
                r->nodes[i].words |= (uint64_t)1 << (it->hash % 64);
            }
            /* (a gap of "" is none, as gap_is reads it: NULL, so that the
             * tagger tests the pointer alone after one space) */
            const char *gap = i && it->gap && it->gap[0] ? it->gap : NULL;
            r->edges[r->nedges++] = (struct bn_date_edge){(uint8_t)it->slot, it->hash, (uint32_t)p->kid[k], it->word, gap};
        }
        qsort(r->edges + r->nodes[i].edge, p->nkid, sizeof *r->edges, edge_order);
        if (p->nend)
            memcpy(r->ends + r->nends, p->end, p->nend * sizeof *p->end);
        r->nends += p->nend;
    }
    r->nnodes = t->n;
    for (size_t k = 0; k < t->v[0].nkid; k++) {
        const struct bn_date_edge *e = &r->edges[k];
        if (e->slot != BN_DS_WORD) {
            r->root_slot[e->slot] = e->node;
            continue;
        }
        uint32_t p = e->hash & r->first_mask;
        while (r->first_words[p].node)
            p = (p + 1) & r->first_mask;
        r->first_words[p] = (struct bn_date_first){e->hash, e->node, e->word};
        r->starts[e->hash % BN_DATE_STARTS] |= BN_DATE_STARTS_RULE;
    }
    return BN_OK;
}

/* The bit `bit` of starts for the first word of phrase `ph`: its hash as
 * the set's matcher has it (bn_phrases_add tokenizes a phrase alike). */
static bn_status start_bit(bn_date_rules *r, uint8_t bit, const char *ph, bn_arena *a)
{
    bn_tokens toks;
    if (bn_tokenize(a, ph, strlen(ph), &toks) != BN_OK)
        return BN_ERR_NOMEM;
    if (toks.n)
        r->starts[toks.v[0].hash % BN_DATE_STARTS] |= bit;
    return BN_OK;
}

/* start_bit for each phrase of `list`: an array of strings, or an object
 * whose keys are the phrases. */
static bn_status set_starts(bn_date_rules *r, uint8_t bit, const json_t *list)
{
    bn_arena a;
    bn_arena_init(&a, 1024);
    bn_status st = BN_OK;
    size_t i;
    const char *ph;
    const json_t *v;
    if (json_is_array(list))
        json_array_foreach(list, i, v) {
            if ((ph = json_string_value(v)) && (st = start_bit(r, bit, ph, &a)) != BN_OK)
                break;
        }
    else if (json_is_object(list))
        json_object_foreach((json_t *)list, ph, v) {
            if ((st = start_bit(r, bit, ph, &a)) != BN_OK)
                break;
        }
    bn_arena_destroy(&a);
    return st;
}

/* The tree of the rules' items (bn_date_rules' nodes), so the tagger
 * matches at a token only the rules that can start there, and what rules
 * share once; and starts, from the rules and the word sets of the data
 * file's `root`. */
static bn_status index_rules(bn_date_rules *r, const json_t *root)
{
    tree t = {0};
    bn_status st = BN_OK;
    if (bn_grow((void **)&t.v, &t.cap, 1, sizeof *t.v))
        return BN_ERR_NOMEM;
    t.v[t.n++] = (tnode){0};
    for (size_t i = 0; i < r->n && st == BN_OK; i++) {
        size_t at = 0;
        for (size_t k = 0; k < r->v[i].nitems && at != (size_t)-1; k++)
            at = child_of(&t, at, &r->v[i].items[k]);
        tnode *p = at == (size_t)-1 ? NULL : &t.v[at];
        if (!p || bn_grow((void **)&p->end, &p->ecap, p->nend + 1, sizeof *p->end))
            st = BN_ERR_NOMEM;
        else
            p->end[p->nend++] = (uint32_t)i;
    }
    if (st == BN_OK)
        st = flatten(r, &t);
    tree_free(&t);
    if (st != BN_OK)
        return st;
    /* the first words of the four sets' phrases (the sets' own first-word
     * bits, 512 of them, would let eight times as many buckets through) */
    const char *const names[4] = {"day_words", "weekdays", "month_words", "numbers"};
    for (int k = 0; k < 4 && st == BN_OK; k++)
        st = set_starts(r, (uint8_t)(1u << k), json_object_get(root, names[k]));
    if (st != BN_OK)
        return st;
    static const char *const romans[] = {"i", "ii", "iii", "iv"};
    for (int q = 0; q < 4; q++)
        r->starts[bn_hash_str(romans[q]) % BN_DATE_STARTS] |= BN_DATE_STARTS_Q;
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
    if (st == BN_OK)
        st = index_rules(r, root);
    bn_json_free(root);
    if (st != BN_OK) {
        bn_date_rules_free(r);
        return st;
    }
    *out = r;
    return BN_OK;
}
