#include "bn_kb.h"

#include <dirent.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bn_array.h"
#include "bn_data.h"
#include "bn_id_map.h"

/* Phrases that stand for lists of references: titles (roles of people),
 * places (gatherings held there).  Each distinct folded phrase is a group,
 * and the group's index is the phrase's payload. */
typedef struct ref_group {
    bn_kb_ref *refs;
    size_t n, cap;
} ref_group;

typedef struct phrase_index {
    bn_phrases *phrases;
    ref_group *groups;
    size_t ngroups, groups_cap;
    bn_id_map *group_index;  /* folded phrase -> group */
    bn_arena mem;            /* the keys of group_index and the groups'
                              * refs (10 K groups for titles: blocks, not
                              * a malloc and a free each) */
} phrase_index;

struct bn_kb {
    bn_kb_actor *v;
    size_t n, cap;
    bn_id_map *index;        /* id -> actor */
    bn_phrases *matcher;
    bn_phrases *metonyms;    /* the metonym forms alone, payload: actor */
    bn_fuzzy *fuzzy;
    phrase_index titles;
    bn_kb_gathering *gv;
    size_t ng, gcap;
    bn_id_map *gindex;       /* id -> gathering (458 of them: not a scan
                              * of those loaded so far for each) */
    phrase_index places;
    phrase_index names;      /* of gatherings: "Thông điệp Liên bang" */
    char **variants;         /* pairs: a role's title, another way the press writes it */
    size_t nvariants, vcap;  /* strings, two per pair */
};

bn_kb *bn_kb_new(void)
{
    return calloc(1, sizeof(bn_kb));
}

static void actor_clear(bn_kb_actor *a)
{
    free(a->id);
    free(a->name);
    for (size_t i = 0; i < a->nlangs; i++)
        free(a->names[i].name);
    free(a->names);
    for (size_t i = 0; i < a->nforms; i++)
        free(a->forms[i]);
    free(a->forms);
    for (size_t i = 0; i < a->nroles; i++) {
        free(a->roles[i].org);
        free(a->roles[i].title);
    }
    free(a->roles);
    free(a->nationality);
    for (size_t i = 0; i < a->nparties; i++)
        free(a->parties[i]);
    free(a->parties);
    memset(a, 0, sizeof *a);
}

static void index_clear(phrase_index *x)
{
    free(x->groups);
    bn_arena_destroy(&x->mem);
    bn_id_map_free(x->group_index);
    bn_phrases_free(x->phrases);
    memset(x, 0, sizeof *x);
}

static void gathering_clear(bn_kb_gathering *g)
{
    free(g->id);
    free(g->name);
    free(g->org);
    free(g->kind);
    for (size_t i = 0; i < g->nplaces; i++)
        free(g->places[i]);
    free(g->places);
    for (size_t i = 0; i < g->nnames; i++)
        free(g->names[i]);
    free(g->names);
    memset(g, 0, sizeof *g);
}

void bn_kb_free(bn_kb *kb)
{
    if (!kb)
        return;
    for (size_t i = 0; i < kb->n; i++)
        actor_clear(&kb->v[i]);
    free(kb->v);
    bn_id_map_free(kb->index);
    bn_phrases_free(kb->matcher);
    bn_phrases_free(kb->metonyms);
    bn_fuzzy_free(kb->fuzzy);
    index_clear(&kb->titles);
    for (size_t i = 0; i < kb->ng; i++)
        gathering_clear(&kb->gv[i]);
    free(kb->gv);
    bn_id_map_free(kb->gindex);
    index_clear(&kb->places);
    index_clear(&kb->names);
    for (size_t i = 0; i < kb->nvariants; i++)
        free(kb->variants[i]);
    free(kb->variants);
    free(kb);
}

size_t bn_kb_count(const bn_kb *kb)
{
    return kb->n;
}

const bn_kb_actor *bn_kb_get(const bn_kb *kb, size_t i)
{
    return i < kb->n ? &kb->v[i] : NULL;
}

long bn_kb_find(const bn_kb *kb, const char *id)
{
    if (kb->index)
        return bn_id_map_get(kb->index, id);
    for (size_t i = 0; i < kb->n; i++)
        if (strcmp(kb->v[i].id, id) == 0)
            return (long)i;
    return -1;
}

static const bn_kb_ref *index_refs(const phrase_index *x, int payload, size_t *count)
{
    if (payload < 0 || (size_t)payload >= x->ngroups) {
        *count = 0;
        return NULL;
    }
    *count = x->groups[payload].n;
    return x->groups[payload].refs;
}

const bn_phrases *bn_kb_titles(const bn_kb *kb)
{
    return kb->titles.phrases;
}

const bn_kb_ref *bn_kb_title(const bn_kb *kb, int payload, size_t *count)
{
    return index_refs(&kb->titles, payload, count);
}

size_t bn_kb_gathering_count(const bn_kb *kb)
{
    return kb->ng;
}

const bn_kb_gathering *bn_kb_gathering_get(const bn_kb *kb, size_t i)
{
    return i < kb->ng ? &kb->gv[i] : NULL;
}

const bn_phrases *bn_kb_places(const bn_kb *kb)
{
    return kb->places.phrases;
}

const bn_kb_ref *bn_kb_place(const bn_kb *kb, int payload, size_t *count)
{
    return index_refs(&kb->places, payload, count);
}

const bn_phrases *bn_kb_gathering_names(const bn_kb *kb)
{
    return kb->names.phrases;
}

const bn_kb_ref *bn_kb_named(const bn_kb *kb, int payload, size_t *count)
{
    return index_refs(&kb->names, payload, count);
}

const bn_phrases *bn_kb_matcher(const bn_kb *kb)
{
    return kb->matcher;
}

const bn_phrases *bn_kb_metonyms(const bn_kb *kb)
{
    return kb->metonyms;
}

const bn_fuzzy *bn_kb_fuzzy(const bn_kb *kb)
{
    return kb->fuzzy;
}

_Static_assert(sizeof((bn_kb_name *)0)->code == BN_LANG_CODE_MAX, "a language code fits bn_kb_name.code");

const char *bn_kb_actor_name(const bn_kb_actor *a, const char *code)
{
    for (size_t i = 0; i < a->nlangs; i++)
        if (strcmp(a->names[i].code, code) == 0)
            return a->names[i].name;
    return a->name;
}

static bn_status add_form(void *ctx, const char *s)
{
    bn_kb_actor *a = ctx;
    for (size_t i = 0; i < a->nforms; i++)
        if (strcmp(a->forms[i], s) == 0)
            return BN_OK;
    char **nf = realloc(a->forms, (a->nforms + 1) * sizeof *nf);
    if (!nf)
        return BN_ERR_NOMEM;
    a->forms = nf;
    if (!(a->forms[a->nforms] = strdup(s)))
        return BN_ERR_NOMEM;
    a->nforms++;
    return BN_OK;
}

static bn_status add_party(void *ctx, const char *s)
{
    bn_kb_actor *a = ctx;
    char **np = realloc(a->parties, (a->nparties + 1) * sizeof *np);
    if (!np)
        return BN_ERR_NOMEM;
    a->parties = np;
    if (!(a->parties[a->nparties] = strdup(s)))
        return BN_ERR_NOMEM;
    a->nparties++;
    return BN_OK;
}

/* The members of o that `known` names (NULL-terminated) into v, in the
 * order of `known` (NULL where missing, all NULL when o is no object), in
 * one pass over o, not a hashed look-up each; returns the first member
 * that `known` does not name, or NULL: a misspelt field of a
 * knowledge-base file must not pass unseen. */
static const char *object_fields(const json_t *o, const char *const *known, const json_t **v)
{
    size_t n = 0;
    while (known[n])
        v[n++] = NULL;
    const char *key, *bad = NULL;
    json_t *value;
    json_object_foreach((json_t *)o, key, value) {
        size_t k;
        for (k = 0; known[k] && (known[k][0] != key[0] || strcmp(known[k], key) != 0); k++)
            ;
        if (known[k])
            v[k] = value;
        else if (!bad)
            bad = key;
    }
    return bad;
}

static const char *const actor_fields[] = {"id", "name", "names", "name_vi", "kind", "aliases", "metonyms", "parties",
                                           "nationality", "roles", NULL};
enum { A_ID, A_NAME, A_NAMES, A_NAME_VI, A_KIND, A_ALIASES, A_METONYMS, A_PARTIES, A_NATIONALITY, A_ROLES, A_N };
static const char *const role_fields[] = {"org", "title", "title_en", "from", "to", NULL};
enum { R_ORG, R_TITLE, R_TITLE_EN, R_FROM, R_TO, R_N };
static const char *const gathering_fields[] = {"id", "name", "kind", "org", "places", "names", "from", "to", "first_day", NULL};
enum { G_ID, G_NAME, G_KIND, G_ORG, G_PLACES, G_NAMES, G_FROM, G_TO, G_FIRST_DAY, G_N };
static const char *const file_fields[] = {"format", "about", "actors", "events", "titles", NULL};

/* Places an error set without a line at the member `sub` (a printf
 * format) of the value at `at` (bn_json_locate's steps). */
static void place_in(bn_error *err, const char *path, const char *at, const char *sub, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static void place_in(bn_error *err, const char *path, const char *at, const char *sub, ...)
{
    char where[256], rest[200];
    va_list ap;
    va_start(ap, sub);
    vsnprintf(rest, sizeof rest, sub, ap);
    va_end(ap);
    snprintf(where, sizeof where, "%s/%s", at, rest);
    bn_json_error_place(err, path, where);
}

/* The steps of bn_json_locate are made for every actor, read only when
 * there is an error: made with copies, not snprintf (a few thousand of
 * them were 3 % of the start-up).  Each writes what snprintf would, cut
 * alike. */

/* snprintf(out, cap, "%s", s) */
static void copy_str(char *out, size_t cap, const char *s)
{
    size_t n = strlen(s);
    if (n > cap - 1)
        n = cap - 1;
    memcpy(out, s, n);
    out[n] = '\0';
}

/* snprintf(out, cap, "%s/%zu", list, i) */
static void index_step(char *out, size_t cap, const char *list, size_t i)
{
    char digits[24], *d = digits + sizeof digits;
    *--d = '\0';
    do
        *--d = (char)('0' + i % 10);
    while ((i /= 10) != 0);
    bn_str_join(out, cap, list, '/', d);
}

static bn_status add_name(bn_kb_actor *a, const char *code, const char *name)
{
    bn_kb_name *nv = realloc(a->names, (a->nlangs + 1) * sizeof *nv);
    if (!nv)
        return BN_ERR_NOMEM;
    a->names = nv;
    copy_str(nv[a->nlangs].code, sizeof nv[a->nlangs].code, code);
    if (!(nv[a->nlangs].name = strdup(name)))
        return BN_ERR_NOMEM;
    a->nlangs++;
    return BN_OK;
}

/* The names of actor `o` per language: "names": {"vi": "Nga", "en": …},
 * or "name_vi": "Nga", the older spelling of {"vi": …}, not both. */
static bn_status load_names(const json_t *const *f, bn_kb_actor *a, const char *path, const char *at, bn_error *err)
{
    const json_t *names = f[A_NAMES];
    const json_t *old = f[A_NAME_VI];
    if (json_is_null(old))
        old = NULL;
    if (old && names) {
        bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0,
                     "actor \"%s\": \"name_vi\" is the older spelling of \"names\": {\"vi\": ...}; give one", a->id);
        place_in(err, path, at, "name_vi");
        return BN_ERR_DATA;
    }
    if (old) {
        if (!json_is_string(old) || !*json_string_value(old)) {
            bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0, "actor \"%s\": \"name_vi\" must be a name", a->id);
            place_in(err, path, at, "name_vi");
            return BN_ERR_DATA;
        }
        return add_name(a, "vi", json_string_value(old));
    }
    if (names && !json_is_object(names)) {
        bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0,
                     "actor \"%s\": \"names\" must be {\"vi\": \"...\", ...}: a name per language code", a->id);
        place_in(err, path, at, "names");
        return BN_ERR_DATA;
    }
    const char *code;
    const json_t *v;
    json_object_foreach((json_t *)names, code, v) {
        if (!bn_lang_code_valid(code) || !json_is_string(v) || !*json_string_value(v)) {
            bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0,
                         "actor \"%s\": \"names\": \"%s\" must be a language code (letters, digits, '-') "
                         "with a name",
                         a->id, code);
            place_in(err, path, at, "names/%s", code);
            return BN_ERR_DATA;
        }
        bn_status st = add_name(a, code, json_string_value(v));
        if (st != BN_OK)
            return st;
    }
    return BN_OK;
}

/* The other names of an actor, per language ("aliases": {"vi": [...],
 * "en": [...], ...}): all of them are forms the matcher knows, whatever
 * the language of the run; "vi" first, then "en", then the others in the
 * file's order. */
static bn_status load_aliases(const json_t *aliases, bn_kb_actor *a, const char *path, const char *at, bn_error *err)
{
    static const char *const first[] = {"vi", "en"};
    bn_status st = BN_OK;
    for (size_t i = 0; st == BN_OK && i < 2; i++) {
        char what[64], where[160], aliases_at[160];
        bn_str_join(what, sizeof what, "aliases", '.', first[i]);
        bn_str_join(aliases_at, sizeof aliases_at, at, '/', "aliases");
        bn_str_join(where, sizeof where, aliases_at, '/', first[i]);
        st = bn_json_each_string(json_object_get(aliases, first[i]), add_form, a, path, what, where, err);
    }
    const char *code;
    const json_t *v;
    json_object_foreach((json_t *)aliases, code, v) {
        if (st != BN_OK)
            break;
        if (strcmp(code, "vi") == 0 || strcmp(code, "en") == 0)
            continue;
        char what[64], where[160], aliases_at[160];
        bn_str_join(what, sizeof what, "aliases", '.', code);
        bn_str_join(aliases_at, sizeof aliases_at, at, '/', "aliases");
        bn_str_join(where, sizeof where, aliases_at, '/', code);
        st = bn_json_each_string(v, add_form, a, path, what, where, err);
    }
    return st;
}

/* A "YYYY-MM-DD" of the file as days; 0 when it is not a real day. */
static int day_of(const char *s, long *days)
{
    bn_date d;
    long last;
    return s && bn_date_parse_day(s, &d) && bn_date_days(&d, days, &last);
}

/* The actor `o`, at `at` ("actors/3") in the file. */
static bn_status load_actor(const json_t *o, bn_kb_actor *a, const char *path, const char *at, bn_error *err)
{
    const json_t *f[A_N];
    const char *bad = object_fields(o, actor_fields, f);
    const char *who = json_string_value(f[A_ID]);
    if (!who)
        who = "?";
    if (bad) {
        bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0, "actor \"%s\": unknown field \"%s\"", who, bad);
        place_in(err, path, at, "%s", bad);
        return BN_ERR_DATA;
    }
    const json_t *al = f[A_ALIASES];
    const json_t *v;
    json_object_foreach((json_t *)(json_is_object(al) ? al : NULL), bad, v) {
        if (!bn_lang_code_valid(bad)) {
            bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0,
                         "actor \"%s\": unknown field \"aliases.%s\" (a language code: vi, en, ...)", who, bad);
            place_in(err, path, at, "aliases/%s", bad);
            return BN_ERR_DATA;
        }
    }
    const json_t *rl;
    size_t ri;
    const json_t *rf[R_N];
    json_array_foreach(f[A_ROLES], ri, rl) {
        if ((bad = object_fields(rl, role_fields, rf))) {
            bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0, "actor \"%s\": role %zu: unknown field \"%s\"", who, ri + 1,
                         bad);
            place_in(err, path, at, "roles/%zu/%s", ri, bad);
            return BN_ERR_DATA;
        }
    }
    const char *id = json_string_value(f[A_ID]);
    const char *name = json_string_value(f[A_NAME]);
    const char *kind = json_string_value(f[A_KIND]);
    if (!json_is_object(o))
        return bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0, "an actor must be an object");
    if (!id || !*id)
        return bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0, "actor without \"id\"");
    if (!name || !*name)
        return bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0, "actor \"%s\": no \"name\"", id);
    if (!kind || !bn_kind_parse(kind, &a->kind))
        return bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0,
                            "actor \"%s\": \"kind\" must be country, organization, person or group", id);
    a->id = strdup(id);
    a->name = strdup(name);
    if (!a->id || !a->name)
        return BN_ERR_NOMEM;
    bn_status st = add_form(a, name);
    if (st == BN_OK)
        st = load_names(f, a, path, at, err);
    for (size_t i = 0; st == BN_OK && i < a->nlangs; i++)
        st = add_form(a, a->names[i].name);
    const json_t *aliases = f[A_ALIASES];
    if (st == BN_OK && aliases && !json_is_object(aliases))
        return bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0,
                            "actor \"%s\": \"aliases\" must be {\"vi\": [...], \"en\": [...]}", id);
    char where[2][128];
    bn_str_join(where[0], sizeof where[0], at, '/', "metonyms");
    bn_str_join(where[1], sizeof where[1], at, '/', "parties");
    if (st == BN_OK)
        st = load_aliases(aliases, a, path, at, err);
    a->nnames = a->nforms;
    if (st == BN_OK)
        st = bn_json_each_string(f[A_METONYMS], add_form, a, path, "metonyms", where[0], err);
    if (st == BN_OK)
        st = bn_json_each_string(f[A_PARTIES], add_party, a, path, "parties", where[1], err);
    const char *nat = json_string_value(f[A_NATIONALITY]);
    if (st == BN_OK && nat && !(a->nationality = strdup(nat)))
        st = BN_ERR_NOMEM;
    const json_t *roles = f[A_ROLES];
    if (st == BN_OK && roles && !json_is_array(roles))
        return bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0, "actor \"%s\": \"roles\" must be a list", id);
    size_t i, cap = 0;
    const json_t *r;
    json_array_foreach(roles, i, r) {
        if (st != BN_OK)
            break;
        object_fields(r, role_fields, rf);
        const char *org = json_string_value(rf[R_ORG]);
        const char *title = json_string_value(rf[R_TITLE]);
        const char *from = json_string_value(rf[R_FROM]);
        const json_t *to = rf[R_TO];
        long from_day, to_day = LONG_MAX;
        if (!org || !title || !day_of(from, &from_day) ||
            !(json_is_null(to) || !to || (json_is_string(to) && day_of(json_string_value(to), &to_day)))) {
            bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0,
                         "actor \"%s\": role %zu needs \"org\", \"title\", \"from\" (YYYY-MM-DD) and \"to\" (a date or null)",
                         id, i);
            place_in(err, path, at, "roles/%zu", i);
            return BN_ERR_DATA;
        }
        if (bn_grow((void **)&a->roles, &cap, a->nroles + 1, sizeof *a->roles))
            return BN_ERR_NOMEM;
        bn_kb_role *role = &a->roles[a->nroles++];
        memset(role, 0, sizeof *role);
        role->org = strdup(org);
        role->title = strdup(title);
        role->from = from_day;
        role->to = to_day;
        if (!role->org || !role->title)
            return BN_ERR_NOMEM;
        if (role->to < role->from) {
            bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0, "actor \"%s\": role %zu ends before it begins", id, i);
            place_in(err, path, at, "roles/%zu", i);
            return BN_ERR_DATA;
        }
    }
    return st;
}

/* Appends a copy of s to a string list. */
static bn_status add_string(char ***v, size_t *n, const char *s)
{
    char **nv = realloc(*v, (*n + 1) * sizeof *nv);
    if (!nv)
        return BN_ERR_NOMEM;
    *v = nv;
    if (!(nv[*n] = strdup(s)))
        return BN_ERR_NOMEM;
    (*n)++;
    return BN_OK;
}

static bn_status add_place(void *ctx, const char *s)
{
    bn_kb_gathering *g = ctx;
    return add_string(&g->places, &g->nplaces, s);
}

static bn_status add_gathering_name(void *ctx, const char *s)
{
    bn_kb_gathering *g = ctx;
    return add_string(&g->names, &g->nnames, s);
}

/* The gathering `o`, f its fields (object_fields). */
static bn_status load_gathering(const json_t *o, const json_t *const *f, bn_kb_gathering *g, const char *path,
                                bn_error *err)
{
    if (!json_is_object(o))
        return bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0, "an event must be an object");
    const char *id = json_string_value(f[G_ID]);
    const char *name = json_string_value(f[G_NAME]);
    const char *org = json_string_value(f[G_ORG]);
    const char *kind = json_string_value(f[G_KIND]);
    const char *from = json_string_value(f[G_FROM]);
    const char *to = json_string_value(f[G_TO]);
    if (!id || !*id)
        return bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0, "event without \"id\"");
    long from_day, to_day = 0;
    if (!org || !day_of(from, &from_day) || (to && !day_of(to, &to_day)))
        return bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0,
                            "event \"%s\": needs \"org\" and \"from\" (YYYY-MM-DD), \"to\" a date when given", id);
    g->id = strdup(id);
    g->name = strdup(name ? name : id);
    g->org = strdup(org);
    g->kind = strdup(kind ? kind : "");
    if (!g->id || !g->name || !g->org || !g->kind)
        return BN_ERR_NOMEM;
    g->from = from_day;
    /* an era without an end is not over: pages name it to this day */
    g->to = to ? to_day : strcmp(g->kind, "era") == 0 ? LONG_MAX : g->from;
    g->first_day = json_is_true(f[G_FIRST_DAY]);
    if (g->to < g->from)
        return bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0, "event \"%s\" ends before it begins", id);
    bn_status st = bn_json_each_string(f[G_PLACES], add_place, g, path, "places", NULL, err);
    if (st == BN_OK)
        st = bn_json_each_string(f[G_NAMES], add_gathering_name, g, path, "names", NULL, err);
    if (st == BN_OK && g->nplaces == 0 && g->nnames == 0)
        return bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0, "event \"%s\": no \"places\" nor \"names\"", id);
    return st;
}

typedef struct variant_ctx {
    bn_kb *kb;
    const char *title;
} variant_ctx;

static bn_status add_variant(void *ctx, const char *s)
{
    variant_ctx *c = ctx;
    bn_kb *kb = c->kb;
    if (bn_grow((void **)&kb->variants, &kb->vcap, kb->nvariants + 2, sizeof *kb->variants))
        return BN_ERR_NOMEM;
    kb->variants[kb->nvariants] = strdup(c->title);
    kb->variants[kb->nvariants + 1] = strdup(s);
    kb->nvariants += 2;
    return kb->variants[kb->nvariants - 2] && kb->variants[kb->nvariants - 1] ? BN_OK : BN_ERR_NOMEM;
}

/* Gives an error about the i-th element of the list `list` its position
 * (the line is looked up only when there is an error). */
static void place_error(bn_error *err, const char *path, const char *list, size_t i)
{
    char where[64];
    snprintf(where, sizeof where, "%s/%zu", list, i);
    bn_json_error_place(err, path, where);
}

/* A file's "titles": other ways the press writes a role's title. */
static bn_status load_titles(bn_kb *kb, const json_t *titles, const char *path, bn_error *err)
{
    size_t i;
    const json_t *o;
    json_array_foreach(titles, i, o) {
        variant_ctx c = {kb, json_string_value(json_object_get(o, "title"))};
        bn_status st = c.title ? bn_json_each_string(json_object_get(o, "variants"), add_variant, &c, path, "variants", NULL, err)
                               : bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0, "a title needs \"title\" and \"variants\"");
        if (st != BN_OK) {
            place_error(err, path, "titles", i);
            return st;
        }
    }
    return BN_OK;
}

/* The gatherings of a file's "events" list. */
static bn_status load_gatherings(bn_kb *kb, const json_t *events, const char *path, bn_error *err)
{
    size_t i;
    const json_t *o;
    json_array_foreach(events, i, o) {
        bn_kb_gathering g = {0};
        const json_t *f[G_N];
        const char *bad = object_fields(o, gathering_fields, f);
        bn_status st = bad ? bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0, "event \"%s\": unknown field \"%s\"",
                                          json_string_value(f[G_ID]) ? json_string_value(f[G_ID]) : "?", bad)
                           : load_gathering(o, f, &g, path, err);
        if (st != BN_OK) {
            gathering_clear(&g);
            place_error(err, path, "events", i);
            return st;
        }
        long k = bn_id_map_get(kb->gindex, g.id);
        if (k >= 0) {
            /* the index borrows the old entry's id: keep that string */
            free(g.id);
            g.id = kb->gv[k].id;
            kb->gv[k].id = NULL;
            gathering_clear(&kb->gv[k]);
            kb->gv[k] = g;
            continue;
        }
        if (bn_grow((void **)&kb->gv, &kb->gcap, kb->ng + 1, sizeof *kb->gv) ||
            bn_id_map_put(kb->gindex, g.id, (long)kb->ng)) {
            gathering_clear(&g);
            return BN_ERR_NOMEM;
        }
        kb->gv[kb->ng++] = g;
    }
    return BN_OK;
}

bn_status bn_kb_load(bn_kb *kb, const char *path, bn_error *err)
{
    /* the id index grows with the loads: finding a repeated id must not
     * scan every actor loaded so far */
    if ((!kb->index && !(kb->index = bn_id_map_new())) || (!kb->gindex && !(kb->gindex = bn_id_map_new())))
        return BN_ERR_NOMEM;
    json_t *root;
    bn_status st = bn_json_load_file(path, &root, err);
    if (st != BN_OK)
        return st;
    const json_t *actors = json_object_get(root, "actors");
    const json_t *events = json_object_get(root, "events");
    const json_t *titles = json_object_get(root, "titles");
    if (!(json_is_array(actors) || json_is_array(events) || json_is_array(titles)) ||
        (actors && !json_is_array(actors)) || (events && !json_is_array(events)) || (titles && !json_is_array(titles))) {
        bn_json_free(root);
        return bn_error_set(err, BN_ERR_DATA, path, 1, 1, 0,
                            "expected an object with an \"actors\", \"events\" or \"titles\" list");
    }
    const json_t *ff[sizeof file_fields / sizeof *file_fields];
    const char *bad = object_fields(root, file_fields, ff);
    if (bad) {
        /* the message first: `bad` is a key of root */
        bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0, "unknown field \"%s\" (format, about, actors, events, titles)", bad);
        bn_json_error_place(err, path, bad);
        bn_json_free(root);
        return BN_ERR_DATA;
    }
    if ((st = load_gatherings(kb, events, path, err)) != BN_OK || (st = load_titles(kb, titles, path, err)) != BN_OK) {
        bn_json_free(root);
        return st;
    }
    size_t i;
    const json_t *o;
    json_array_foreach(actors, i, o) {
        bn_kb_actor a = {0};
        char at[64];
        index_step(at, sizeof at, "actors", i);
        st = load_actor(o, &a, path, at, err);
        if (st != BN_OK) {
            actor_clear(&a);
            place_error(err, path, "actors", i);
            bn_json_free(root);
            return st;
        }
        long old = bn_kb_find(kb, a.id);
        if (old >= 0) {
            /* the index borrows the old entry's id: keep that string */
            free(a.id);
            a.id = kb->v[old].id;
            kb->v[old].id = NULL;
            actor_clear(&kb->v[old]);
            kb->v[old] = a;
            continue;
        }
        if (bn_grow((void **)&kb->v, &kb->cap, kb->n + 1, sizeof *kb->v) ||
            bn_id_map_put(kb->index, a.id, (long)kb->n)) {
            actor_clear(&a);
            bn_json_free(root);
            return BN_ERR_NOMEM;
        }
        kb->v[kb->n++] = a;
    }
    bn_json_free(root);
    return BN_OK;
}

static int json_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

bn_status bn_kb_load_dir(bn_kb *kb, const char *dir, bn_error *err)
{
    struct dirent **names;
    int n = scandir(dir, &names, NULL, json_name);
    if (n < 0)
        return bn_error_set(err, BN_ERR_IO, dir, 0, 0, 0, "cannot read the knowledge base directory");
    bn_status st = BN_OK;
    size_t loaded = 0;
    for (int i = 0; i < n; i++) {
        const char *nm = names[i]->d_name;
        size_t len = strlen(nm);
        if (st == BN_OK && nm[0] != '.' && len > 5 && strcmp(nm + len - 5, ".json") == 0) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", dir, nm);
            st = bn_kb_load(kb, path, err);
            loaded++;
        }
        free(names[i]);
    }
    free(names);
    if (st == BN_OK && loaded == 0)
        st = bn_error_set(err, BN_ERR_DATA, dir, 0, 0, 0, "no knowledge base files (*.json)");
    return st;
}

/* The group of a phrase given with its tokens (bn_tokenize's, or joined
 * from its parts': bn_tokens_join), created on first sight: *g gets its
 * index.  The key is made in the index's arena, kept when the group is
 * new (a key already there is left in the arena: one look-up, not a
 * look-up, a copy and an insertion). */
static bn_status index_group_tokens(phrase_index *x, const char *phrase, size_t plen, const bn_tokens *toks, long *g)
{
    char *key = bn_tokens_key(&x->mem, phrase, plen, toks);
    int added = 0;
    *g = key ? bn_id_map_get_or_put(x->group_index, key, (long)x->ngroups, &added) : -1;
    if (*g < 0)
        return BN_ERR_NOMEM;
    if (!added)
        return BN_OK;
    if (bn_grow((void **)&x->groups, &x->groups_cap, x->ngroups + 1, sizeof *x->groups))
        return BN_ERR_NOMEM;
    memset(&x->groups[*g], 0, sizeof x->groups[*g]);
    x->ngroups++;
    return bn_phrases_add_tokens(x->phrases, toks, (int)*g, 0);
}

/* The group of a phrase (created on first sight): *g gets its index. */
static bn_status index_group(phrase_index *x, const char *phrase, long *g)
{
    bn_arena a;
    bn_arena_init(&a, 1024);
    /* tokenized once: the group's key and the phrase come from the tokens */
    bn_tokens toks;
    size_t plen = strlen(phrase);
    bn_status st = bn_tokenize(&a, phrase, plen, &toks);
    if (st == BN_OK)
        st = index_group_tokens(x, phrase, plen, &toks, g);
    else
        *g = -1;
    bn_arena_destroy(&a);
    return st;
}

static bn_status group_add_ref(phrase_index *x, long g, bn_kb_ref ref)
{
    ref_group *rg = &x->groups[g];
    bn_kb_ref *v = bn_arena_grow(&x->mem, rg->refs, &rg->cap, rg->n + 1, sizeof *rg->refs);
    if (!v)
        return BN_ERR_NOMEM;
    rg->refs = v;
    rg->refs[rg->n++] = ref;
    return BN_OK;
}

static bn_status index_add(phrase_index *x, const char *phrase, bn_kb_ref ref)
{
    long g;
    bn_status st = index_group(x, phrase, &g);
    return st == BN_OK ? group_add_ref(x, g, ref) : st;
}

static bn_status index_init(phrase_index *x)
{
    index_clear(x);
    bn_arena_init(&x->mem, 64 * 1024);
    x->phrases = bn_phrases_new();
    x->group_index = bn_id_map_new();
    return x->phrases && x->group_index ? BN_OK : BN_ERR_NOMEM;
}

/* The groups of a title written alone and with each name of its
 * organisation after it.  Many people share a title and an organisation
 * ("Tổng thống" of "Mỹ"): each pair is folded and looked up once
 * (`memo`: "title\x1forg" -> index into `combos`). */
typedef struct title_combos {
    bn_id_map *memo;
    bn_arena arena;
    long **groups;   /* per combo: its group indices, -1 at the end */
    size_t n, cap;
    bn_tokens **forms; /* per actor, the tokens of each name of it, made when first wanted */
    bn_id_map *titles; /* title -> index into title_toks: 248 titles in 1,050 combos */
    bn_tokens *title_toks;
    size_t ntitles, tcap;
} title_combos;

/* The tokens of a title, made when first wanted (in tc->arena). */
static bn_status title_tokens(title_combos *tc, const char *title, size_t tlen, const bn_tokens **out)
{
    long t = bn_id_map_get(tc->titles, title);
    if (t < 0) {
        bn_tokens toks;
        if (bn_tokenize(&tc->arena, title, tlen, &toks) != BN_OK ||
            bn_grow((void **)&tc->title_toks, &tc->tcap, tc->ntitles + 1, sizeof *tc->title_toks) ||
            bn_id_map_put(tc->titles, title, (long)tc->ntitles))
            return BN_ERR_NOMEM;
        tc->title_toks[t = (long)tc->ntitles++] = toks;
    }
    *out = &tc->title_toks[t];
    return BN_OK;
}

static bn_status combo_groups(bn_kb *kb, title_combos *tc, const char *title, const char *org_id, const long **out)
{
    char key[1024];
    bn_str_join(key, sizeof key, title, '\x1f', org_id ? org_id : "");
    long c = bn_id_map_get(tc->memo, key);
    if (c >= 0) {
        *out = tc->groups[c];
        return BN_OK;
    }
    long org = org_id ? bn_kb_find(kb, org_id) : -1;
    size_t nforms = org >= 0 ? kb->v[org].nforms : 0;
    long *v = bn_arena_alloc(&tc->arena, (nforms + 2) * sizeof *v);
    char *k = bn_arena_strdup(&tc->arena, key);
    if (!v || !k || bn_grow((void **)&tc->groups, &tc->cap, tc->n + 1, sizeof *tc->groups))
        return BN_ERR_NOMEM;
    size_t n = 0;
    /* "title form" tokenized as the title's tokens and the form's: the
     * same tokens, each part tokenized once */
    bn_arena a;
    bn_arena_init(&a, 4096);
    const bn_tokens *tt;
    size_t tlen = strlen(title);
    bn_status st = title_tokens(tc, title, tlen, &tt);
    if (st == BN_OK)
        st = index_group_tokens(&kb->titles, title, tlen, tt, &v[n++]);
    if (st == BN_OK && nforms && !tc->forms[org]) {
        bn_tokens *ft = bn_arena_alloc(&tc->arena, nforms * sizeof *ft);
        for (size_t f = 0; ft && f < nforms; f++)
            if (bn_tokenize(&tc->arena, kb->v[org].forms[f], strlen(kb->v[org].forms[f]), &ft[f]) != BN_OK)
                ft = NULL;
        if (!ft)
            st = BN_ERR_NOMEM;
        tc->forms[org] = ft;
    }
    for (size_t f = 0; st == BN_OK && f < nforms; f++) {
        char phrase[512];
        bn_str_join(phrase, sizeof phrase, title, ' ', kb->v[org].forms[f]);
        size_t plen = strlen(phrase);
        bn_tokens pt;
        /* (a phrase cut to fit `phrase` is tokenized as it is) */
        if (plen == tlen + 1 + strlen(kb->v[org].forms[f]))
            st = bn_tokens_join(&a, tt, &tc->forms[org][f], (uint32_t)tlen + 1, &pt);
        else
            st = bn_tokenize(&a, phrase, plen, &pt);
        if (st == BN_OK)
            st = index_group_tokens(&kb->titles, phrase, plen, &pt, &v[n++]);
    }
    bn_arena_destroy(&a);
    if (st != BN_OK)
        return st;
    v[n] = -1;
    tc->groups[tc->n] = v;
    if (bn_id_map_put(tc->memo, k, (long)tc->n))
        return BN_ERR_NOMEM;
    tc->n++;
    *out = v;
    return BN_OK;
}

static bn_status index_add_role(bn_kb *kb, title_combos *tc, const char *title, const char *org_id, bn_kb_ref ref)
{
    const long *groups;
    bn_status st = combo_groups(kb, tc, title, org_id, &groups);
    for (size_t k = 0; st == BN_OK && groups[k] >= 0; k++) {
        /* one ref per group: a title and its variant may fold alike */
        ref_group *rg = &kb->titles.groups[groups[k]];
        if (rg->n && rg->refs[rg->n - 1].item == ref.item && rg->refs[rg->n - 1].sub == ref.sub)
            continue;
        st = group_add_ref(&kb->titles, groups[k], ref);
    }
    return st;
}

/* Pairs (indices into kb->variants) by title, then in the order they
 * were given. */
static int variant_order(const void *va, const void *vb, void *ctx)
{
    const bn_kb *kb = ctx;
    size_t a = *(const size_t *)va, b = *(const size_t *)vb;
    int c = strcmp(kb->variants[2 * a], kb->variants[2 * b]);
    return c ? c : (a > b) - (a < b);
}

/* Every title and its variants, with each name of its organisation after
 * it, and alone. */
static bn_status compile_titles(bn_kb *kb)
{
    if (index_init(&kb->titles) != BN_OK)
        return BN_ERR_NOMEM;
    title_combos tc = {bn_id_map_new(), {0}, NULL, 0, 0, calloc(kb->n ? kb->n : 1, sizeof(bn_tokens *)), bn_id_map_new(),
                       NULL, 0, 0};
    bn_arena_init(&tc.arena, 64 * 1024);
    /* the variants of each title: the pairs in `order` sorted by title,
     * variant_of maps a title to its first place there */
    size_t np = kb->nvariants / 2;
    size_t *order = malloc((np + 1) * sizeof *order);
    bn_id_map *variant_of = bn_id_map_new();
    bn_status st = tc.memo && tc.forms && tc.titles && order && variant_of ? BN_OK : BN_ERR_NOMEM;
    for (size_t v = 0; st == BN_OK && v < np; v++)
        order[v] = v;
    if (st == BN_OK && bn_sort_r(order, np, sizeof *order, variant_order, kb))
        st = BN_ERR_NOMEM;
    for (size_t k = 0; st == BN_OK && k < np; k++)
        if ((k == 0 || strcmp(kb->variants[2 * order[k]], kb->variants[2 * order[k - 1]]) != 0) &&
            bn_id_map_put(variant_of, kb->variants[2 * order[k]], (long)k))
            st = BN_ERR_NOMEM;
    for (size_t i = 0; st == BN_OK && i < kb->n; i++) {
        for (size_t r = 0; st == BN_OK && r < kb->v[i].nroles; r++) {
            const bn_kb_role *role = &kb->v[i].roles[r];
            bn_kb_ref ref = {i, r};
            st = index_add_role(kb, &tc, role->title, role->org, ref);
            long k0 = st == BN_OK ? bn_id_map_get(variant_of, role->title) : -1;
            for (size_t k = k0 >= 0 ? (size_t)k0 : np;
                 st == BN_OK && k < np && strcmp(kb->variants[2 * order[k]], role->title) == 0; k++)
                st = index_add_role(kb, &tc, kb->variants[2 * order[k] + 1], role->org, ref);
        }
    }
    free(order);
    bn_id_map_free(variant_of);
    bn_id_map_free(tc.memo);
    free(tc.groups);
    free(tc.forms);
    bn_id_map_free(tc.titles);
    free(tc.title_toks);
    bn_arena_destroy(&tc.arena);
    return st == BN_OK ? bn_phrases_compile(kb->titles.phrases) : st;
}

/* Every place and every name of every gathering. */
static bn_status compile_places(bn_kb *kb)
{
    if (index_init(&kb->places) != BN_OK || index_init(&kb->names) != BN_OK)
        return BN_ERR_NOMEM;
    for (size_t i = 0; i < kb->ng; i++) {
        const bn_kb_gathering *g = &kb->gv[i];
        for (size_t p = 0; p < g->nplaces; p++) {
            bn_status st = index_add(&kb->places, g->places[p], (bn_kb_ref){i, 0});
            if (st != BN_OK)
                return st;
        }
        for (size_t p = 0; p < g->nnames; p++) {
            bn_status st = index_add(&kb->names, g->names[p], (bn_kb_ref){i, 0});
            if (st != BN_OK)
                return st;
        }
    }
    bn_status st = bn_phrases_compile(kb->places.phrases);
    return st == BN_OK ? bn_phrases_compile(kb->names.phrases) : st;
}

bn_status bn_kb_compile(bn_kb *kb)
{
    bn_id_map_free(kb->index);
    kb->index = bn_id_map_new();
    if (!kb->index)
        return BN_ERR_NOMEM;
    for (size_t i = 0; i < kb->n; i++)
        if (bn_id_map_put(kb->index, kb->v[i].id, (long)i))
            return BN_ERR_NOMEM;
    bn_status cst = compile_titles(kb);
    if (cst == BN_OK)
        cst = compile_places(kb);
    if (cst != BN_OK)
        return cst;
    bn_phrases_free(kb->matcher);
    kb->matcher = bn_phrases_new();
    if (!kb->matcher)
        return BN_ERR_NOMEM;
    bn_phrases_free(kb->metonyms);
    kb->metonyms = bn_phrases_new();
    bn_fuzzy_free(kb->fuzzy);
    kb->fuzzy = bn_fuzzy_new();
    if (!kb->fuzzy || !kb->metonyms)
        return BN_ERR_NOMEM;
    for (size_t i = 0; i < kb->n; i++)
        for (size_t j = 0; j < kb->v[i].nforms; j++) {
            bn_status st = bn_phrases_add(kb->matcher, kb->v[i].forms[j], (int)i, BN_PHRASE_CASE);
            if (st == BN_OK)
                st = bn_fuzzy_add(kb->fuzzy, kb->v[i].forms[j], (int)i);
            if (st == BN_OK && j >= kb->v[i].nnames)
                st = bn_phrases_add(kb->metonyms, kb->v[i].forms[j], (int)i, BN_PHRASE_CASE);
            if (st != BN_OK)
                return st;
        }
    bn_status st = bn_fuzzy_compile(kb->fuzzy);
    if (st == BN_OK)
        st = bn_phrases_compile(kb->metonyms);
    return st == BN_OK ? bn_phrases_compile(kb->matcher) : st;
}
