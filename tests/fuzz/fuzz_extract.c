/* libFuzzer harness: the whole per-article pipeline, bn_extract, on a .txt
 * record built from the bytes, then its `biennien extract` JSON line, which
 * must read back (bn_json_read_extract, what `merge` does).
 *
 * The first byte chooses the record's options, the rest is the text:
 *   bit 0     the record has a publication date ("date")
 *   bits 1-2  which one (a day, a time stamp cut to its day, a leap day)
 *   bit 3     lenient: invalid UTF-8 becomes U+FFFD instead of an error
 *   bits 4-5  the URL: none, /YYYY/MM/DD/, -YYYYMMDDhhmmss, no date in it
 *   bit 6     a --dct for records without a date
 * A record that fails must still give the `skipped` line extract writes
 * for it (fuzz_check_skipped). */
#include <stdio.h>
#include <stdlib.h>

#include "bn_extract.h"
#include "bn_json.h"
#include "bn_model.h"
#include "fuzz_common.h"

static bn_lang *lang;
static bn_kb *kb;
static bn_extractor *ex[4]; /* by lenient, dct option */

static const char *const dates[4] = {"2014-04-02", "2022-01-12", "2023-07-10T08:00:00Z", "2024-02-29"};
static const char *const urls[4] = {NULL, "https://example.org/the-gioi/2016/04/21/hoi-dong-nato-nga",
                                    "https://example.org/nato-nga-20220110093512345.htm",
                                    "https://example.org/the-gioi/nato"};

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    lang = fuzz_load_lang();
    kb = fuzz_load_kb();
    for (int i = 0; i < 4; i++) {
        bn_read_options ro = {i & 1, (i & 2) ? bn_date_day(2019, 12, 3) : (bn_date){0}};
        if (!(ex[i] = bn_extractor_new(kb, lang, &ro)))
            abort();
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned flags = size ? data[0] : 0;
    const uint8_t *body = size ? data + 1 : data;
    size_t len = size ? size - 1 : 0;
    char *text = fuzz_copy(body, len);
    bn_record rec = fuzz_text_record(text, len, (flags & 1) ? dates[(flags >> 1) & 3] : NULL, urls[(flags >> 4) & 3]);
    bn_extractor *x = ex[((flags >> 3) & 1) | (((flags >> 6) & 1) << 1)];

    bn_article *a = NULL;
    bn_error err;
    bn_error_clear(&err);
    bn_status st = bn_extract(x, &rec, &a, &err);
    if (st == BN_OK) {
        fuzz_check_article(a, FUZZ_READ | FUZZ_SPLIT | FUZZ_DATES | FUZZ_ACTORS | FUZZ_EVENTS);
        char *line = NULL;
        size_t n = 0;
        st = bn_json_extract_line(a, &line, &n, &err);
        if (st == BN_OK) {
            bn_article *back = NULL;
            bn_error err2;
            bn_error_clear(&err2);
            if (bn_json_read_extract(line, n, "fuzz.jsonl", 1, &back, &err2) != BN_OK) {
                char buf[1200];
                bn_error_format(&err2, buf, sizeof buf);
                fprintf(stderr, "fuzz: the extract line does not read back: %s\n%.*s", buf, (int)(n > 4000 ? 4000 : n),
                        line);
                abort();
            }
            if (back->nevents != a->nevents || back->nactors != a->nactors) {
                fprintf(stderr, "fuzz: the extract line reads back with %zu events, %zu actors (not %zu, %zu)\n",
                        back->nevents, back->nactors, a->nevents, a->nactors);
                abort();
            }
            bn_article_free(back);
        } else if (st != BN_ERR_NOMEM) {
            char buf[1200];
            bn_error_format(&err, buf, sizeof buf);
            fprintf(stderr, "fuzz: bn_json_extract_line failed: %s\n", buf);
            abort();
        }
        free(line);
        bn_article_free(a);
    } else if (a || err.status == BN_OK) {
        abort(); /* on failure: no article, and an error saying why */
    } else {
        fuzz_check_skipped(&err);
    }
    free(text);
    return 0;
}
