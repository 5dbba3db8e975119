#include "bn_array.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int bn_grow(void **v, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap * 2 : 16;
    while (ncap < need)
        ncap *= 2;
    if (elem && ncap > SIZE_MAX / elem)
        return -1;
    void *nv = realloc(*v, ncap * elem);
    if (!nv)
        return -1;
    *v = nv;
    *cap = ncap;
    return 0;
}

void bn_sort(void *v, size_t n, size_t elem, int (*cmp)(const void *, const void *))
{
    if (n > 1)
        qsort(v, n, elem, cmp);
}

/* Bottom-up: runs of `width` from `from` merged in pairs into `to`; of two
 * equal elements the one of the left run goes first. */
static inline void merge_pass(const unsigned char *from, unsigned char *to, size_t n, size_t elem, size_t width,
                              int (*cmp)(const void *, const void *, void *), void *ctx)
{
    for (size_t lo = 0; lo < n; lo += 2 * width) {
        size_t mid = lo + width < n ? lo + width : n;
        size_t hi = mid + width < n ? mid + width : n;
        size_t a = lo, b = mid, k = lo;
        while (a < mid && b < hi) {
            size_t take = cmp(from + b * elem, from + a * elem, ctx) < 0 ? b++ : a++;
            memcpy(to + k++ * elem, from + take * elem, elem);
        }
        memcpy(to + k * elem, from + a * elem, (mid - a) * elem);
        k += mid - a;
        memcpy(to + k * elem, from + b * elem, (hi - b) * elem);
    }
}

/* Runs of RUN elements sorted in place by insertion (stable: an element
 * moves only past greater ones) before the merges: three merge passes
 * fewer, and with them most of the merge's calls to memcpy for the rest
 * of a run (two per pair of runs, a pass: as many as there are elements
 * in the first pass).  `hold` has room for an element. */
enum { RUN = 8 };

static inline void insertion_runs(unsigned char *v, size_t n, size_t elem, unsigned char *hold,
                                  int (*cmp)(const void *, const void *, void *), void *ctx)
{
    for (size_t lo = 0; lo < n; lo += RUN) {
        size_t hi = lo + RUN < n ? lo + RUN : n;
        for (size_t i = lo + 1; i < hi; i++) {
            if (cmp(v + (i - 1) * elem, v + i * elem, ctx) <= 0)
                continue;
            memcpy(hold, v + i * elem, elem);
            size_t j = i;
            do {
                memcpy(v + j * elem, v + (j - 1) * elem, elem);
                j--;
            } while (j > lo && cmp(v + (j - 1) * elem, hold, ctx) > 0);
            memcpy(v + j * elem, hold, elem);
        }
    }
}

int bn_sort_r(void *v, size_t n, size_t elem, int (*cmp)(const void *, const void *, void *), void *ctx)
{
    if (n < 2 || !elem)
        return 0;
    if (n > SIZE_MAX / elem)
        return -1;
    unsigned char *tmp = malloc(n * elem);
    if (!tmp)
        return -1;
    unsigned char *from = v, *to = tmp;
    size_t width = 1;
    unsigned char hold[16];
    if (elem == 8) {
        insertion_runs(from, n, 8, hold, cmp, ctx);
        width = RUN;
    } else if (elem <= sizeof hold) {
        insertion_runs(from, n, elem, hold, cmp, ctx);
        width = RUN;
    }
    for (; width < n; width *= 2) {
        /* (eight bytes, an index or a pointer, or four: the copies
         * inlined) */
        if (elem == 8)
            merge_pass(from, to, n, 8, width, cmp, ctx);
        else if (elem == 4)
            merge_pass(from, to, n, 4, width, cmp, ctx);
        else
            merge_pass(from, to, n, elem, width, cmp, ctx);
        unsigned char *t = from;
        from = to;
        to = t;
    }
    if (from != v)
        memcpy(v, from, n * elem);
    free(tmp);
    return 0;
}
