/* libFuzzer harness: the bytes are one raw JSON Lines record
 * ({"id", "url", "date", "title", "text"}); bn_record_decode decodes it
 * (strictly, and again leniently when its UTF-8 is invalid, as --lenient
 * does) and, when it decodes, bn_extract runs the pipeline on it.  A
 * record refused at either step must still give the `skipped` line extract
 * writes for it (fuzz_check_skipped). */
#include <stdlib.h>

#include "bn_extract.h"
#include "bn_input.h"
#include "bn_model.h"
#include "fuzz_common.h"

static bn_lang *lang;
static bn_kb *kb;
static bn_extractor *ex;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    lang = fuzz_load_lang();
    kb = fuzz_load_kb();
    bn_read_options ro = {0};
    if (!(ex = bn_extractor_new(kb, lang, &ro)))
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bn_raw_record raw = {.path = "fuzz.jsonl", .line = 1, .jsonl = 1, .bytes = fuzz_copy(data, size), .len = size};
    for (int lenient = 0; lenient < 2; lenient++) {
        bn_record rec;
        void *owner = NULL;
        bn_error err;
        bn_error_clear(&err);
        bn_status st = bn_record_decode(&raw, lenient, &rec, &owner, &err);
        if (st == BN_OK) {
            bn_article *a = NULL;
            bn_error_clear(&err);
            if (bn_extract(ex, &rec, &a, &err) == BN_OK)
                fuzz_check_article(a, FUZZ_READ | FUZZ_SPLIT | FUZZ_DATES | FUZZ_ACTORS | FUZZ_EVENTS);
            else if (a || err.status == BN_OK)
                abort();
            else
                fuzz_check_skipped(&err);
            bn_article_free(a);
        } else if (owner || err.status == BN_OK) {
            abort(); /* on failure: nothing to release, and an error saying why */
        } else {
            fuzz_check_skipped(&err);
        }
        bn_record_release(owner);
        if (st != BN_ERR_UTF8)
            break;
    }
    bn_raw_record_free(&raw);
    return 0;
}
