#include "bn_id_map.h"

#include <stdlib.h>
#include <string.h>

#include "bn_text.h"

typedef struct slot {
    const char *key;
    long value;
} slot;

struct bn_id_map {
    slot *v;
    size_t size, used;
};

bn_id_map *bn_id_map_new(void)
{
    bn_id_map *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->size = 64;
    m->v = calloc(m->size, sizeof *m->v);
    if (!m->v) {
        free(m);
        return NULL;
    }
    return m;
}

void bn_id_map_free(bn_id_map *m)
{
    if (!m)
        return;
    free(m->v);
    free(m);
}

static size_t find(const slot *v, size_t size, const char *key)
{
    size_t h = bn_hash(key, strlen(key)) & (size - 1);
    while (v[h].key && strcmp(v[h].key, key) != 0)
        h = (h + 1) & (size - 1);
    return h;
}

long bn_id_map_get(const bn_id_map *m, const char *key)
{
    size_t h = find(m->v, m->size, key);
    return m->v[h].key ? m->v[h].value : -1;
}

int bn_id_map_put(bn_id_map *m, const char *key, long value)
{
    if ((m->used + 1) * 2 > m->size) {
        size_t nsize = m->size * 2;
        slot *nv = calloc(nsize, sizeof *nv);
        if (!nv)
            return -1;
        for (size_t i = 0; i < m->size; i++)
            if (m->v[i].key)
                nv[find(nv, nsize, m->v[i].key)] = m->v[i];
        free(m->v);
        m->v = nv;
        m->size = nsize;
    }
    size_t h = find(m->v, m->size, key);
    if (!m->v[h].key)
        m->used++;
    m->v[h].key = key;
    m->v[h].value = value;
    return 0;
}
