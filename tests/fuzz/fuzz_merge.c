/* libFuzzer harness: the bytes are `biennien extract` output, one record
 * per line (the seeds are one line each); what `merge` does with it:
 * bn_json_read_extract on each line, bn_timeline_add of each record read
 * to a fresh timeline, bn_timeline_resolve, and the actor network
 * (bn_network_build). */
#include <stdlib.h>
#include <string.h>

#include "bn_json.h"
#include "bn_model.h"
#include "bn_network.h"
#include "bn_timeline.h"
#include "fuzz_common.h"

#define MAX_LINES 16

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    bn_network_global_init();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bn_timeline *tl = bn_timeline_new();
    if (!tl)
        abort();
    size_t pos = 0, added = 0;
    int lineno = 0;
    bn_status st = BN_OK;
    while (pos < size && lineno < MAX_LINES && st == BN_OK) {
        const uint8_t *nl = memchr(data + pos, '\n', size - pos);
        size_t n = nl ? (size_t)(nl - (data + pos)) + 1 : size - pos;
        lineno++;
        /* each line its own exact allocation, as getline's would be but
         * with no slack, so a read past it is seen */
        char *line = fuzz_copy(data + pos, n);
        pos += n;
        bn_article *a = NULL;
        bn_error err;
        bn_error_clear(&err);
        if (bn_json_read_extract(line, n, "fuzz.jsonl", lineno, &a, &err) == BN_OK) {
            bn_add_result res;
            st = bn_timeline_add(tl, a, &res);
            added += st == BN_OK;
            bn_article_free(a);
        } else if (a || err.status == BN_OK) {
            abort(); /* on failure: no article, and an error saying why */
        }
        free(line);
    }
    if (st == BN_OK && added > 0 && bn_timeline_resolve(tl) == BN_OK) {
        bn_network *net = NULL;
        bn_error err;
        bn_error_clear(&err);
        if (bn_network_build(tl, &net, &err) == BN_OK && !net)
            abort();
        bn_network_free(net);
    }
    bn_timeline_free(tl);
    return 0;
}
