#include "bn_data.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bn_config.h"

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *bn_datadir(void)
{
    static char exe[PATH_MAX];
    const char *env = getenv("BIENNIEN_DATADIR");
    if (env && *env)
        return env;
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        size_t bl = strlen(BN_BUILDDIR);
        if (strncmp(exe, BN_BUILDDIR, bl) == 0 && exe[bl] == '/' && is_dir(BN_DATADIR_SOURCE))
            return BN_DATADIR_SOURCE;
    }
    if (is_dir(BN_DATADIR_INSTALLED))
        return BN_DATADIR_INSTALLED;
    return BN_DATADIR_SOURCE;
}

bn_status bn_json_load_file(const char *path, json_t **out, bn_error *err)
{
    json_error_t je;
    *out = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
    if (!*out) {
        FILE *f = fopen(path, "rb");
        if (!f)
            return bn_error_set(err, BN_ERR_IO, path, 0, 0, 0, "cannot open data file");
        fclose(f);
        return bn_error_set(err, BN_ERR_DATA, path, je.line > 0 ? je.line : 1,
                            je.column > 0 ? je.column : 1, (size_t)(je.position > 0 ? je.position : 0),
                            "%s", je.text);
    }
    return BN_OK;
}

int bn_json_element_line(const char *path, const char *key, size_t k)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    char pat[128];
    snprintf(pat, sizeof pat, "\"%s\"", key);
    int line = 1, depth = 0, in_str = 0, esc = 0, found_key = 0, arr_depth = -1;
    size_t elem = 0;
    size_t pl = strlen(pat), match = 0;
    int c, result = 0;
    while ((c = fgetc(f)) != EOF) {
        if (c == '\n')
            line++;
        if (in_str) {
            if (!found_key) {
                match = (match < pl && c == pat[match]) ? match + 1 : 0;
            }
            if (esc)
                esc = 0;
            else if (c == '\\')
                esc = 1;
            else if (c == '"') {
                in_str = 0;
                if (!found_key && match == pl && depth == 1)
                    found_key = 1;
                match = 0;
            }
            continue;
        }
        if (c == '"') {
            in_str = 1;
            match = 1;
            continue;
        }
        if (c == '[' || c == '{') {
            depth++;
            if (found_key == 1 && c == '[' && arr_depth < 0) {
                arr_depth = depth;
                continue;
            }
            if (arr_depth > 0 && depth == arr_depth + 1) {
                if (elem == k) {
                    result = line;
                    break;
                }
                elem++;
            }
        } else if (c == ']' || c == '}') {
            if (depth == arr_depth)
                break;
            depth--;
        }
    }
    fclose(f);
    return result;
}

bn_status bn_json_each_string(const json_t *arr, bn_string_fn fn, void *ctx,
                              const char *path, const char *what, bn_error *err)
{
    if (!arr)
        return BN_OK;
    if (!json_is_array(arr))
        return bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0, "%s: expected a list of strings", what);
    size_t i;
    const json_t *v;
    json_array_foreach(arr, i, v) {
        if (!json_is_string(v))
            return bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0, "%s[%zu]: expected a string", what, i);
        bn_status st = fn(ctx, json_string_value(v));
        if (st != BN_OK)
            return st;
    }
    return BN_OK;
}
