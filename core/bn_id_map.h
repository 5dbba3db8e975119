/* A string -> index hash map (open addressing; keys are borrowed and must
 * outlive the map). */
#ifndef BN_ID_MAP_H
#define BN_ID_MAP_H

#include <stddef.h>

typedef struct bn_id_map bn_id_map;

bn_id_map *bn_id_map_new(void);
void bn_id_map_free(bn_id_map *m);
/* Returns the index stored for key, or -1. */
long bn_id_map_get(const bn_id_map *m, const char *key);
/* Stores key -> value; returns 0, or -1 when out of memory. */
int bn_id_map_put(bn_id_map *m, const char *key, long value);
/* The index stored for key; when there is none, stores key -> value
 * (value >= 0), sets *added and returns value: one look-up for both.
 * -1 when out of memory. */
long bn_id_map_get_or_put(bn_id_map *m, const char *key, long value, int *added);

#endif
