/* libFuzzer harness: the bytes are one .txt article (read leniently);
 * it is read and split, then the actor stage runs as bn_extract runs it:
 * bn_find_actors, the dates (which the offices of people need), then
 * bn_link_offices. */
#include <stdlib.h>

#include "bn_actors.h"
#include "bn_dates.h"
#include "bn_model.h"
#include "bn_sentences.h"
#include "fuzz_common.h"

static bn_lang *lang;
static bn_kb *kb;
static bn_splitter *splitter;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    lang = fuzz_load_lang();
    kb = fuzz_load_kb();
    splitter = bn_splitter_new(lang->locale);
    if (!splitter)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bn_article *a = fuzz_read_split(data, size, lang, splitter);
    bn_status st = a ? bn_find_actors(a, kb, lang) : BN_ERR_EMPTY;
    if (st == BN_OK)
        st = bn_tag_dates(a, lang);
    if (st == BN_OK)
        st = bn_link_offices(a, kb, lang);
    if (st == BN_OK)
        fuzz_check_article(a, FUZZ_READ | FUZZ_SPLIT | FUZZ_DATES | FUZZ_ACTORS);
    bn_article_free(a);
    return 0;
}
