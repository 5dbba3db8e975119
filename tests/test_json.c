/* Extract records round-trip: what `extract` writes, `merge` reads back
 * unchanged. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"
#include "bn_json.h"

static void extract_record_round_trip(void **state)
{
    bn_article *a = test_extract(*state,
                                 "Tiêu đề\n"
                                 "Ngày 10-1, Tổng thư ký NATO Jens Stoltenberg cảnh báo Nga.\n"
                                 "NATO sẽ họp với Nga từ ngày 12-13/1.\n",
                                 "2022-01-10");
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    bn_error err;
    bn_error_clear(&err);
    assert_int_equal(bn_json_write_extract(f, a, &err), BN_OK);
    fclose(f);
    assert_int_equal(buf[len - 1], '\n');
    assert_null(memchr(buf, '\n', len - 1)); /* one line */

    bn_article *b = NULL;
    assert_int_equal(bn_json_read_extract(buf, len, "x.jsonl", 1, &b, &err), BN_OK);
    assert_string_equal(b->id, a->id);
    assert_string_equal(b->dct, a->dct);
    assert_int_equal(b->dct_source, a->dct_source);
    assert_int_equal(b->nbody, a->nbody);
    assert_memory_equal(b->body_offsets, a->body_offsets, 2 * a->nbody * sizeof(uint32_t));
    assert_int_equal(b->nactors, a->nactors);
    assert_int_equal(b->nevents, a->nevents);
    assert_int_equal(a->nevents, 2);
    for (size_t i = 0; i < a->nevents; i++) {
        const bn_event *x = &a->events[i], *y = &b->events[i];
        assert_int_equal(x->type, y->type);
        assert_string_equal(x->cameo, y->cameo);
        assert_true(x->goldstein == y->goldstein);
        assert_true(x->confidence == y->confidence);
        assert_string_equal(x->date.value, y->date.value);
        assert_string_equal(x->date.end, y->date.end);
        assert_int_equal(x->modality, y->modality);
        assert_int_equal(x->nactors, y->nactors);
        assert_string_equal(x->sources[0].sentence, y->sources[0].sentence);
        assert_int_equal(x->sources[0].offset, y->sources[0].offset);
        assert_int_equal(x->sources[0].trigger_length, y->sources[0].trigger_length);
    }
    assert_string_equal(b->events[1].date.end, "2022-01-13");
    bn_article_free(b);
    bn_article_free(a);
    free(buf);
}

static void bad_records_name_the_line(void **state)
{
    (void)state;
    bn_article *b = NULL;
    bn_error err;
    bn_error_clear(&err);
    const char *broken = "{\"schema\": \"biennien-extract/2\", ";
    assert_int_equal(bn_json_read_extract(broken, strlen(broken), "x.jsonl", 7, &b, &err), BN_ERR_PARSE);
    assert_null(b);
    assert_string_equal(err.source, "x.jsonl");
    assert_int_equal(err.line, 7);
    bn_error_clear(&err);
    const char *other = "{\"schema\": \"something-else\"}";
    assert_int_equal(bn_json_read_extract(other, strlen(other), "x.jsonl", 2, &b, &err), BN_ERR_PARSE);
    assert_non_null(strstr(err.text, "schema"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(extract_record_round_trip),
        cmocka_unit_test(bad_records_name_the_line),
    };
    return cmocka_run_group_tests(tests, test_env_setup, test_env_teardown);
}
