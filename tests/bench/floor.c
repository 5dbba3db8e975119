/* The floor of speed_bench.py: the least any Unicode-correct pipeline
 * does with the same records.  Reads JSON Lines records (jansson, as
 * biennien does), and for the title and text of each: validates the
 * UTF-8, normalises to NFC and case-folds (ICU, through UTF-16, as ICU
 * works).  Nothing else.  Prints "articles bytes" on stdout.
 * usage: bench_floor FILE.jsonl... */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

typedef struct buffers {
    UChar *u, *nfc, *fold;
    int32_t cap;
} buffers;

static int grow(buffers *b, int32_t need)
{
    if (need <= b->cap)
        return 0;
    int32_t cap = need * 2 + 64;
    UChar *u = realloc(b->u, (size_t)cap * sizeof *u), *n = u ? realloc(b->nfc, (size_t)cap * 2 * sizeof *n) : NULL,
          *f = n ? realloc(b->fold, (size_t)cap * 4 * sizeof *f) : NULL;
    if (u)
        b->u = u;
    if (n)
        b->nfc = n;
    if (f)
        b->fold = f;
    if (!u || !n || !f)
        return -1;
    b->cap = cap;
    return 0;
}

/* UTF-8 -> UTF-16 (invalid input is an error), NFC, case fold. */
static int normalise(const UNormalizer2 *nfc, buffers *b, const char *s, int32_t len, uint64_t *sink)
{
    if (grow(b, len + 1))
        return -1;
    UErrorCode st = U_ZERO_ERROR;
    int32_t ulen = 0;
    u_strFromUTF8(b->u, b->cap, &ulen, s, len, &st);
    if (U_FAILURE(st))
        return -1;
    st = U_ZERO_ERROR;
    int32_t nlen = unorm2_normalize(nfc, b->u, ulen, b->nfc, b->cap * 2, &st);
    if (U_FAILURE(st))
        return -1;
    st = U_ZERO_ERROR;
    int32_t flen = u_strFoldCase(b->fold, b->cap * 4, b->nfc, nlen, U_FOLD_CASE_DEFAULT, &st);
    if (U_FAILURE(st))
        return -1;
    *sink += (uint64_t)flen + (flen ? b->fold[flen - 1] : 0); /* the work is used */
    return 0;
}

int main(int argc, char **argv)
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    if (U_FAILURE(st) || argc < 2) {
        fprintf(stderr, "usage: bench_floor FILE.jsonl...\n");
        return 2;
    }
    buffers b = {0};
    char *line = NULL;
    size_t cap = 0, articles = 0, bytes = 0;
    uint64_t sink = 0;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            perror(argv[i]);
            return 1;
        }
        ssize_t n;
        while ((n = getline(&line, &cap, f)) > 0) {
            json_error_t e;
            json_t *r = json_loadb(line, (size_t)n, 0, &e);
            if (!r)
                continue;
            static const char *const fields[] = {"title", "text"};
            for (int k = 0; k < 2; k++) {
                const json_t *t = json_object_get(r, fields[k]);
                if (!json_is_string(t))
                    continue;
                size_t len = json_string_length(t);
                if (len < INT32_MAX / 4 && normalise(nfc, &b, json_string_value(t), (int32_t)len, &sink) == 0)
                    bytes += len;
            }
            articles++;
            json_decref(r);
        }
        fclose(f);
    }
    printf("%zu %zu %llu\n", articles, bytes, (unsigned long long)(sink & 1));
    free(line);
    free(b.u);
    free(b.nfc);
    free(b.fold);
    return 0;
}
