#include "bn_kb.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bn_data.h"
#include "bn_id_map.h"

/* The roles one title phrase stands for. */
typedef struct title_group {
    bn_kb_title_ref *refs;
    size_t n, cap;
} title_group;

struct bn_kb {
    bn_kb_actor *v;
    size_t n, cap;
    bn_id_map *index;        /* id -> actor */
    bn_phrases *matcher;
    bn_phrases *titles;
    title_group *groups;
    size_t ngroups, groups_cap;
    bn_id_map *group_index;  /* folded title phrase -> group */
    char **group_keys;       /* owned keys of group_index */
};

bn_kb *bn_kb_new(void)
{
    return calloc(1, sizeof(bn_kb));
}

static void actor_clear(bn_kb_actor *a)
{
    free(a->id);
    free(a->name);
    free(a->name_vi);
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

static void titles_clear(bn_kb *kb)
{
    for (size_t i = 0; i < kb->ngroups; i++) {
        free(kb->groups[i].refs);
        free(kb->group_keys[i]);
    }
    free(kb->groups);
    free(kb->group_keys);
    kb->groups = NULL;
    kb->group_keys = NULL;
    kb->ngroups = kb->groups_cap = 0;
    bn_id_map_free(kb->group_index);
    kb->group_index = NULL;
    bn_phrases_free(kb->titles);
    kb->titles = NULL;
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
    titles_clear(kb);
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

const bn_phrases *bn_kb_titles(const bn_kb *kb)
{
    return kb->titles;
}

const bn_kb_title_ref *bn_kb_title(const bn_kb *kb, int payload, size_t *count)
{
    if (payload < 0 || (size_t)payload >= kb->ngroups) {
        *count = 0;
        return NULL;
    }
    *count = kb->groups[payload].n;
    return kb->groups[payload].refs;
}

const bn_phrases *bn_kb_matcher(const bn_kb *kb)
{
    return kb->matcher;
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

static bn_status load_actor(const json_t *o, bn_kb_actor *a, const char *path, bn_error *err)
{
    const char *id = json_string_value(json_object_get(o, "id"));
    const char *name = json_string_value(json_object_get(o, "name"));
    const char *name_vi = json_string_value(json_object_get(o, "name_vi"));
    const char *kind = json_string_value(json_object_get(o, "kind"));
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
    a->name_vi = strdup(name_vi ? name_vi : name);
    if (!a->id || !a->name || !a->name_vi)
        return BN_ERR_NOMEM;
    bn_status st = add_form(a, name);
    if (st == BN_OK)
        st = add_form(a, a->name_vi);
    const json_t *aliases = json_object_get(o, "aliases");
    if (st == BN_OK && aliases && !json_is_object(aliases))
        return bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0,
                            "actor \"%s\": \"aliases\" must be {\"vi\": [...], \"en\": [...]}", id);
    if (st == BN_OK)
        st = bn_json_each_string(json_object_get(aliases, "vi"), add_form, a, path, "aliases.vi", err);
    if (st == BN_OK)
        st = bn_json_each_string(json_object_get(aliases, "en"), add_form, a, path, "aliases.en", err);
    if (st == BN_OK)
        st = bn_json_each_string(json_object_get(o, "metonyms"), add_form, a, path, "metonyms", err);
    if (st == BN_OK)
        st = bn_json_each_string(json_object_get(o, "parties"), add_party, a, path, "parties", err);
    const char *nat = json_string_value(json_object_get(o, "nationality"));
    if (st == BN_OK && nat && !(a->nationality = strdup(nat)))
        st = BN_ERR_NOMEM;
    const json_t *roles = json_object_get(o, "roles");
    if (st == BN_OK && roles && !json_is_array(roles))
        return bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0, "actor \"%s\": \"roles\" must be a list", id);
    size_t i, cap = 0;
    const json_t *r;
    json_array_foreach(roles, i, r) {
        if (st != BN_OK)
            break;
        const char *org = json_string_value(json_object_get(r, "org"));
        const char *title = json_string_value(json_object_get(r, "title"));
        const char *from = json_string_value(json_object_get(r, "from"));
        const json_t *to = json_object_get(r, "to");
        if (!org || !title || !from || !bn_date_valid(from) ||
            !(json_is_null(to) || !to || (json_is_string(to) && bn_date_valid(json_string_value(to)))))
            return bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0,
                                "actor \"%s\": role %zu needs \"org\", \"title\", \"from\" (YYYY-MM-DD) and \"to\" (a date or null)",
                                id, i);
        if (bn_grow((void **)&a->roles, &cap, a->nroles + 1, sizeof *a->roles))
            return BN_ERR_NOMEM;
        bn_kb_role *role = &a->roles[a->nroles++];
        memset(role, 0, sizeof *role);
        role->org = strdup(org);
        role->title = strdup(title);
        role->from = bn_date_days(from);
        role->to = json_is_string(to) ? bn_date_days(json_string_value(to)) : LONG_MAX;
        if (!role->org || !role->title)
            return BN_ERR_NOMEM;
        if (role->to < role->from)
            return bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0, "actor \"%s\": role %zu ends before it begins", id, i);
    }
    return st;
}

bn_status bn_kb_load(bn_kb *kb, const char *path, bn_error *err)
{
    bn_id_map_free(kb->index); /* rebuilt by bn_kb_compile */
    kb->index = NULL;
    json_t *root;
    bn_status st = bn_json_load_file(path, &root, err);
    if (st != BN_OK)
        return st;
    const json_t *actors = json_object_get(root, "actors");
    if (!json_is_array(actors)) {
        json_decref(root);
        return bn_error_set(err, BN_ERR_DATA, path, 1, 1, 0, "expected an object with an \"actors\" list");
    }
    size_t i;
    const json_t *o;
    json_array_foreach(actors, i, o) {
        bn_kb_actor a = {0};
        st = load_actor(o, &a, path, err);
        if (st != BN_OK) {
            actor_clear(&a);
            if (err && err->status == BN_ERR_DATA && err->line == 0) {
                /* the line is looked up only when there is an error */
                err->line = bn_json_element_line(path, "actors", i);
                err->column = 1;
            }
            json_decref(root);
            return st;
        }
        long old = bn_kb_find(kb, a.id);
        if (old >= 0) {
            actor_clear(&kb->v[old]);
            kb->v[old] = a;
            continue;
        }
        if (bn_grow((void **)&kb->v, &kb->cap, kb->n + 1, sizeof *kb->v)) {
            actor_clear(&a);
            json_decref(root);
            return BN_ERR_NOMEM;
        }
        kb->v[kb->n++] = a;
    }
    json_decref(root);
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

/* Adds a title phrase for role `role` of actor `actor`. */
static bn_status add_title(bn_kb *kb, const char *phrase, size_t actor, size_t role)
{
    bn_arena a;
    bn_arena_init(&a, 1024);
    char *key = bn_fold_string(&a, phrase, strlen(phrase), BN_FOLD_TONE);
    bn_status st = key ? BN_OK : BN_ERR_NOMEM;
    long g = key ? bn_id_map_get(kb->group_index, key) : -1;
    if (st == BN_OK && g < 0) {
        if (bn_grow((void **)&kb->groups, &kb->groups_cap, kb->ngroups + 1, sizeof *kb->groups)) {
            bn_arena_destroy(&a);
            return BN_ERR_NOMEM;
        }
        char **keys = realloc(kb->group_keys, kb->groups_cap * sizeof *keys);
        if (!keys) {
            bn_arena_destroy(&a);
            return BN_ERR_NOMEM;
        }
        kb->group_keys = keys;
        g = (long)kb->ngroups;
        memset(&kb->groups[g], 0, sizeof kb->groups[g]);
        kb->group_keys[g] = strdup(key);
        kb->ngroups++;
        if (!kb->group_keys[g] || bn_id_map_put(kb->group_index, kb->group_keys[g], g))
            st = BN_ERR_NOMEM;
        else
            st = bn_phrases_add(kb->titles, phrase, (int)g, 0);
    }
    bn_arena_destroy(&a);
    if (st != BN_OK)
        return st;
    title_group *tg = &kb->groups[g];
    if (bn_grow((void **)&tg->refs, &tg->cap, tg->n + 1, sizeof *tg->refs))
        return BN_ERR_NOMEM;
    tg->refs[tg->n++] = (bn_kb_title_ref){actor, role};
    return BN_OK;
}

/* Every title with each name of its organisation after it, and alone. */
static bn_status compile_titles(bn_kb *kb)
{
    titles_clear(kb);
    kb->titles = bn_phrases_new();
    kb->group_index = bn_id_map_new();
    if (!kb->titles || !kb->group_index)
        return BN_ERR_NOMEM;
    for (size_t i = 0; i < kb->n; i++) {
        for (size_t r = 0; r < kb->v[i].nroles; r++) {
            const bn_kb_role *role = &kb->v[i].roles[r];
            bn_status st = add_title(kb, role->title, i, r);
            long org = bn_kb_find(kb, role->org);
            for (size_t f = 0; st == BN_OK && org >= 0 && f < kb->v[org].nforms; f++) {
                char phrase[512];
                snprintf(phrase, sizeof phrase, "%s %s", role->title, kb->v[org].forms[f]);
                st = add_title(kb, phrase, i, r);
            }
            if (st != BN_OK)
                return st;
        }
    }
    return bn_phrases_compile(kb->titles);
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
    if (cst != BN_OK)
        return cst;
    bn_phrases_free(kb->matcher);
    kb->matcher = bn_phrases_new();
    if (!kb->matcher)
        return BN_ERR_NOMEM;
    for (size_t i = 0; i < kb->n; i++)
        for (size_t j = 0; j < kb->v[i].nforms; j++) {
            bn_status st = bn_phrases_add(kb->matcher, kb->v[i].forms[j], (int)i, BN_PHRASE_CASE);
            if (st != BN_OK)
                return st;
        }
    return bn_phrases_compile(kb->matcher);
}
