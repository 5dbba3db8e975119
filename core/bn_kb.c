#include "bn_kb.h"

#include <stdlib.h>
#include <string.h>

#include "bn_data.h"

struct bn_kb {
    bn_kb_actor *v;
    size_t n, cap;
    bn_phrases *matcher;
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
    memset(a, 0, sizeof *a);
}

void bn_kb_free(bn_kb *kb)
{
    if (!kb)
        return;
    for (size_t i = 0; i < kb->n; i++)
        actor_clear(&kb->v[i]);
    free(kb->v);
    bn_phrases_free(kb->matcher);
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
    for (size_t i = 0; i < kb->n; i++)
        if (strcmp(kb->v[i].id, id) == 0)
            return (long)i;
    return -1;
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
    return st;
}

bn_status bn_kb_load(bn_kb *kb, const char *path, bn_error *err)
{
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

bn_status bn_kb_compile(bn_kb *kb)
{
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
