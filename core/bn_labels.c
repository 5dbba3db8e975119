#include "bn_labels.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bn_data.h"

struct bn_labels {
    char *type[BN_EV_COUNT];
};

void bn_labels_free(bn_labels *labels)
{
    if (!labels)
        return;
    for (size_t t = 0; t < BN_EV_COUNT; t++)
        free(labels->type[t]);
    free(labels);
}

const char *bn_labels_type(const bn_labels *labels, bn_event_type t)
{
    return (unsigned)t < BN_EV_COUNT ? labels->type[t] : "";
}

/* An error of the file `path` at `where` (bn_json_locate's steps), or at
 * its first byte when `where` is not there. */
static bn_status data_error(bn_error *err, const char *path, const char *where, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static bn_status data_error(bn_error *err, const char *path, const char *where, const char *fmt, ...)
{
    char text[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    if (err && err->status == BN_OK) {
        bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0, "%s", text);
        bn_json_error_place(err, path, where);
        if (err->line == 0)
            err->line = err->column = 1;
    }
    return BN_ERR_DATA;
}

static bn_status read_types(bn_labels *l, const json_t *root, const char *path, bn_error *err)
{
    const json_t *types = json_object_get(root, "event_types");
    if (!json_is_object(types))
        return data_error(err, path, "event_types", "expected \"event_types\": {\"<type>\": \"<label>\", ...}");
    const char *key;
    const json_t *v;
    json_object_foreach((json_t *)types, key, v) {
        char where[128];
        snprintf(where, sizeof where, "event_types/%s", key);
        bn_event_type t;
        if (!bn_event_type_parse(key, &t))
            return data_error(err, path, where, "\"%s\" is no type of event (docs/timeline.schema.json)", key);
        if (!json_is_string(v) || !*json_string_value(v))
            return data_error(err, path, where, "the label of \"%s\" must be a non-empty string", key);
        if (!(l->type[t] = strdup(json_string_value(v))))
            return BN_ERR_NOMEM;
    }
    for (size_t t = 0; t < BN_EV_COUNT; t++)
        if (!l->type[t])
            return data_error(err, path, "event_types", "no label for the type \"%s\"",
                              bn_event_type_name((bn_event_type)t));
    return BN_OK;
}

bn_status bn_labels_load(bn_labels **out, const char *datadir, const char *code, bn_error *err)
{
    if (!bn_lang_code_valid(code))
        return bn_error_set(err, BN_ERR_DATA, code, 0, 0, 0,
                            "a language code is letters, digits and '-', at most 15 (data/lang/<code>/)");
    char path[4096];
    snprintf(path, sizeof path, "%s/lang/%s/labels.json", datadir, code);
    json_t *root;
    bn_status st = bn_json_load_file(path, &root, err);
    if (st != BN_OK)
        return st;
    bn_labels *l = calloc(1, sizeof *l);
    st = l ? read_types(l, root, path, err) : BN_ERR_NOMEM;
    bn_json_free(root);
    if (st != BN_OK) {
        bn_labels_free(l);
        return st;
    }
    *out = l;
    return BN_OK;
}
