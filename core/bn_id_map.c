#include "bn_id_map.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bn_text.h"

/* A slot keeps its key's hash: a probe compares hashes before strings,
 * and growing the table rehashes no key (the knowledge base's title index
 * grows to 16 K slots, 10 K keys of 30 bytes). */
typedef struct slot {
    const char *key;
    long value;
    uint32_t hash;
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

static size_t find(const slot *v, size_t size, const char *key, uint32_t hash)
{
    size_t h = hash & (size - 1);
    while (v[h].key && (v[h].hash != hash || strcmp(v[h].key, key) != 0))
        h = (h + 1) & (size - 1);
    return h;
}

long bn_id_map_get(const bn_id_map *m, const char *key)
{
    size_t h = find(m->v, m->size, key, bn_hash_str(key));
    return m->v[h].key ? m->v[h].value : -1;
}

/* Room for one more key: the table doubled when half full. */
static int make_room(bn_id_map *m)
{
    if ((m->used + 1) * 2 <= m->size)
        return 0;
    size_t nsize = m->size * 2;
    slot *nv = calloc(nsize, sizeof *nv);
    if (!nv)
        return -1;
    /* the keys are distinct: each goes to the first free slot */
    for (size_t i = 0; i < m->size; i++)
        if (m->v[i].key) {
            size_t h = m->v[i].hash & (nsize - 1);
            while (nv[h].key)
                h = (h + 1) & (nsize - 1);
            nv[h] = m->v[i];
        }
    free(m->v);
    m->v = nv;
    m->size = nsize;
    return 0;
}

long bn_id_map_get_or_put(bn_id_map *m, const char *key, long value, int *added)
{
    *added = 0;
    if (make_room(m))
        return -1;
    uint32_t hash = bn_hash_str(key);
    size_t h = find(m->v, m->size, key, hash);
    if (m->v[h].key)
        return m->v[h].value;
    m->v[h] = (slot){key, value, hash};
    m->used++;
    *added = 1;
    return value;
}

int bn_id_map_put(bn_id_map *m, const char *key, long value)
{
    if (make_room(m))
        return -1;
    uint32_t hash = bn_hash_str(key);
    size_t h = find(m->v, m->size, key, hash);
    if (!m->v[h].key)
        m->used++;
    m->v[h].key = key;
    m->v[h].value = value;
    m->v[h].hash = hash;
    return 0;
}
