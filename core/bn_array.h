/* Arrays on the heap (memory that outlives articles): growing them and
 * sorting them.  Arrays that die with an article grow in its arena
 * (bn_arena_grow, bn_arena.h). */
#ifndef BN_ARRAY_H
#define BN_ARRAY_H

#include <stddef.h>

/* Grows the malloc'd array *v to at least `need` elements of `elem`
 * bytes.  Returns 0, or -1 with *v unchanged. */
int bn_grow(void **v, size_t *cap, size_t need, size_t elem);

/* qsort, except that an empty array may be NULL (qsort's may not). */
void bn_sort(void *v, size_t n, size_t elem, int (*cmp)(const void *, const void *));

/* A stable sort (a merge sort) whose comparison gets `ctx`, for orders that
 * need more than the two elements (indices into a table, say).  Returns 0,
 * or -1 with v unchanged when memory is exhausted. */
int bn_sort_r(void *v, size_t n, size_t elem, int (*cmp)(const void *, const void *, void *), void *ctx);

#endif
