/* A bump allocator: everything that dies with one article (or with one
 * timeline) is allocated here and released by one bn_arena_destroy. */
#ifndef BN_ARENA_H
#define BN_ARENA_H

#include <stddef.h>

typedef struct bn_arena_block bn_arena_block;

typedef struct bn_arena {
    bn_arena_block *head;
    size_t block_size;
    size_t total;  /* bytes handed out, for statistics */
} bn_arena;

void bn_arena_init(bn_arena *a, size_t block_size);
void bn_arena_destroy(bn_arena *a);

/* Returns NULL when memory is exhausted.  Memory is 16-byte aligned. */
void *bn_arena_alloc(bn_arena *a, size_t size);
void *bn_arena_calloc(bn_arena *a, size_t n, size_t size);
char *bn_arena_strndup(bn_arena *a, const char *s, size_t len);
char *bn_arena_strdup(bn_arena *a, const char *s);
/* Whether p points into memory the arena handed out (or its blocks' free
 * room). */
int bn_arena_owns(const bn_arena *a, const void *p);
/* Grows an array living in the arena to at least `need` elements; the old
 * storage is abandoned to the arena. Returns NULL on failure. */
void *bn_arena_grow_to(bn_arena *a, void *ptr, size_t *cap, size_t need, size_t elem);
static inline void *bn_arena_grow(bn_arena *a, void *ptr, size_t *cap, size_t need, size_t elem)
{
    return need <= *cap ? ptr : bn_arena_grow_to(a, ptr, cap, need, elem);
}

/* Makes `bytes` of the calling thread's malloc heap at once, in 2 MB
 * pages where the system gives them (transparent huge pages on request),
 * and gives them back to malloc: the next allocations of this thread come
 * from memory already there.  A block touched a 4 KB page at a time costs
 * a page fault a page (a few microseconds each on a virtual machine); a
 * new thread's heap, or the start-up's, is hundreds of them.  Call it
 * only where the heap is not trimmed below `bytes` (glibc:
 * M_TRIM_THRESHOLD above it) and the block is not mapped on its own
 * (M_MMAP_THRESHOLD above it), or it is lost again. */
void bn_heap_prefault(size_t bytes);

#endif
