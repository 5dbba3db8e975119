#include "bn_arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

struct bn_arena_block {
    bn_arena_block *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
};

void bn_arena_init(bn_arena *a, size_t block_size)
{
    a->head = NULL;
    a->block_size = block_size ? block_size : 64 * 1024;
    a->total = 0;
}

void bn_arena_destroy(bn_arena *a)
{
    bn_arena_block *b = a->head;
    while (b) {
        bn_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->total = 0;
}

void *bn_arena_alloc(bn_arena *a, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    if (size == 0)
        size = 16;
    bn_arena_block *b = a->head;
    if (!b || b->size - b->used < size) {
        size_t cap = size > a->block_size ? size : a->block_size;
        if (cap > SIZE_MAX - sizeof *b)
            return NULL;
        bn_arena_block *nb = malloc(sizeof *nb + cap);
        if (!nb)
            return NULL;
        nb->size = cap;
        nb->used = 0;
        /* A block bigger than the usual size goes behind the head, so the
         * head's free room is not wasted. */
        if (b && cap > a->block_size) {
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            a->head = nb;
        }
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += size;
    a->total += size;
    return p;
}

void *bn_arena_calloc(bn_arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    void *p = bn_arena_alloc(a, n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

char *bn_arena_strndup(bn_arena *a, const char *s, size_t len)
{
    char *p = bn_arena_alloc(a, len + 1);
    if (!p)
        return NULL;
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *bn_arena_strdup(bn_arena *a, const char *s)
{
    return bn_arena_strndup(a, s, strlen(s));
}

int bn_arena_owns(const bn_arena *a, const void *p)
{
    uintptr_t q = (uintptr_t)p;
    for (const bn_arena_block *b = a->head; b; b = b->next)
        if (q >= (uintptr_t)b->data && q < (uintptr_t)b->data + b->size)
            return 1;
    return 0;
}

void *bn_arena_grow_to(bn_arena *a, void *ptr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return ptr;
    size_t ncap = *cap ? *cap * 2 : 8;
    while (ncap < need)
        ncap *= 2;
    if (elem && ncap > SIZE_MAX / elem)
        return NULL;
    void *np = bn_arena_alloc(a, ncap * elem);
    if (!np)
        return NULL;
    if (ptr && *cap)
        memcpy(np, ptr, *cap * elem);
    *cap = ncap;
    return np;
}

void bn_heap_prefault(size_t bytes)
{
    enum { HUGE_PAGE = 2 << 20, PAGE = 4096 };
    char *p = malloc(bytes);
    if (!p)
        return;
    uintptr_t lo = ((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
    uintptr_t hi = ((uintptr_t)p + bytes) & ~(uintptr_t)(HUGE_PAGE - 1);
#ifdef MADV_HUGEPAGE
    if (hi > lo)
        madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
#endif
    lo = ((uintptr_t)p + PAGE - 1) & ~(uintptr_t)(PAGE - 1);
    hi = ((uintptr_t)p + bytes) & ~(uintptr_t)(PAGE - 1);
#ifdef MADV_POPULATE_WRITE
    if (hi > lo && madvise((void *)lo, hi - lo, MADV_POPULATE_WRITE) == 0)
        lo = hi;
#endif
    /* before Linux 5.14: a write per page (a fault per huge page) */
    for (uintptr_t a = lo; a < hi; a += PAGE)
        *(volatile char *)a = 0;
    free(p);
}
