/* libFuzzer harness: the bytes are one .txt article; bn_read_article reads
 * it (UTF-8 check, cleaning to NFC, tokens, page layout: title, date line,
 * body, furniture).  Invalid UTF-8 is read again leniently, as --lenient
 * does. */
#include <stdlib.h>

#include "bn_model.h"
#include "bn_reader.h"
#include "fuzz_common.h"

static bn_lang *lang;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    lang = fuzz_load_lang();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_copy(data, size);
    bn_record rec = fuzz_text_record(text, size, NULL, NULL);
    for (int lenient = 0; lenient < 2; lenient++) {
        bn_read_options ro = {.lenient = lenient};
        bn_article *a = bn_article_new();
        if (!a)
            abort();
        bn_error err;
        bn_error_clear(&err);
        bn_status st = bn_read_article(a, &rec, lang, &ro, &err);
        if (st == BN_OK)
            fuzz_check_article(a, FUZZ_READ);
        else if (err.status == BN_OK)
            abort(); /* a failure must say why */
        bn_article_free(a);
        if (st != BN_ERR_UTF8)
            break;
    }
    free(text);
    return 0;
}
