/* libFuzzer harness: the bytes are `biennien extract` output, one record
 * per line (the seeds are one line each), and this is what `merge` does
 * with it (tools/biennien.c, cmd_merge): each line is a skipped input's
 * record (bn_json_read_skipped, bn_timeline_add_skipped) or an article's
 * (bn_json_read_extract, bn_timeline_add to a fresh timeline; a line that
 * does not read is added as skipped); then bn_timeline_resolve and the
 * actor network (bn_network_build). */
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

/* One line, as merge reads it; 0, or -1 when the timeline cannot go on
 * (merge stops reading then). */
static int merge_line(bn_timeline *tl, const char *line, size_t n, int lineno)
{
    if (n == 0 || (n == 1 && line[0] == '\n'))
        return 0;
    char *spath = NULL, *reason = NULL;
    int sline = 0;
    if (bn_json_read_skipped(line, n, &spath, &sline, &reason)) {
        bn_status st = bn_timeline_add_skipped(tl, spath, sline, reason);
        free(spath);
        free(reason);
        return st == BN_OK ? 0 : -1;
    }
    bn_article *a = NULL;
    bn_error err;
    bn_error_clear(&err);
    if (bn_json_read_extract(line, n, "fuzz.x.jsonl", lineno, &a, &err) != BN_OK) {
        if (a || err.status == BN_OK)
            abort(); /* on failure: no article, and an error saying why */
        return bn_timeline_add_skipped(tl, "fuzz.x.jsonl", lineno, err.text) == BN_OK ? 0 : -1;
    }
    bn_add_result res;
    bn_timeline_add(tl, a, &res); /* a failure is reported, and merge goes on */
    bn_article_free(a);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bn_timeline *tl = bn_timeline_new();
    if (!tl)
        abort();
    size_t pos = 0;
    int lineno = 0;
    while (pos < size && lineno < MAX_LINES) {
        const uint8_t *nl = memchr(data + pos, '\n', size - pos);
        size_t n = nl ? (size_t)(nl - (data + pos)) + 1 : size - pos;
        lineno++;
        /* each line its own exact allocation, as getline's would be but
         * with no slack, so a read past it is seen */
        char *line = fuzz_copy(data + pos, n);
        pos += n;
        int r = merge_line(tl, line, n, lineno);
        free(line);
        if (r != 0)
            break;
    }
    if (bn_timeline_resolve(tl) == BN_OK) {
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
