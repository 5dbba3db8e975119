/* libFuzzer harness: the bytes are one .txt article (read leniently);
 * it is read, split into sentences, and its dates are tagged
 * (bn_tag_dates, no publication date given: years come from the page's
 * own date line or the article's dates, else XXXX). */
#include <stdlib.h>

#include "bn_dates.h"
#include "bn_model.h"
#include "bn_sentences.h"
#include "fuzz_common.h"

static bn_lang *lang;
static bn_splitter *splitter;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    lang = fuzz_load_lang();
    splitter = bn_splitter_new(lang->locale);
    if (!splitter)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bn_article *a = fuzz_read_split(data, size, lang, splitter);
    if (a && bn_tag_dates(a, lang) == BN_OK)
        fuzz_check_article(a, FUZZ_READ | FUZZ_SPLIT | FUZZ_DATES);
    bn_article_free(a);
    return 0;
}
