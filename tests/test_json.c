/* Extract records round-trip: what `extract` writes, `merge` reads back
 * unchanged.  Data files: a semantic error names its real line. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "support.h"
#include "bn_json.h"
#include "bn_labels.h"

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
    assert_true(bn_date_equal(&b->dct, &a->dct));
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
        assert_int_equal(bn_timex_date_cmp(&x->date, &y->date), 0);
        assert_int_equal(x->date.mod, y->date.mod);
        assert_int_equal(x->modality, y->modality);
        assert_int_equal(x->nactors, y->nactors);
        assert_string_equal(x->sources[0].sentence, y->sources[0].sentence);
        assert_int_equal(x->sources[0].offset, y->sources[0].offset);
        assert_int_equal(x->sources[0].trigger_length, y->sources[0].trigger_length);
    }
    assert_string_equal(TX_END(&b->events[1].date), "2022-01-13");
    bn_article_free(b);
    bn_article_free(a);

    /* the record's TIMEX3 text is read where it enters: a value that is
     * no date, a precision its value does not have, an unknown mod */
    static const char *const wrong[][2] = {
        {"\"value\":\"2022-01-10\",\"year_range\"", "\"value\":\"2022-13-10\",\"year_range\""},
        {"\"precision\":\"day\"", "\"precision\":\"month\""},
        {"\"end\":\"2022-01-13\"", "\"end\":\"13/1\""},
        {"\"mod\":null", "\"mod\":\"LATE\""},
    };
    for (size_t k = 0; k < sizeof wrong / sizeof wrong[0]; k++) {
        char *at = strstr(buf, wrong[k][0]);
        assert_non_null(at);
        size_t from = (size_t)(at - buf), old_len = strlen(wrong[k][0]), new_len = strlen(wrong[k][1]);
        char *bad = malloc(len + new_len + 1);
        assert_non_null(bad);
        memcpy(bad, buf, from);
        memcpy(bad + from, wrong[k][1], new_len);
        memcpy(bad + from + new_len, at + old_len, len - from - old_len + 1);
        bn_error_clear(&err);
        b = NULL;
        assert_int_equal(bn_json_read_extract(bad, strlen(bad), "x.jsonl", 1, &b, &err), BN_ERR_PARSE);
        assert_null(b);
        if (!strstr(err.text, "event date"))
            fail_msg("case %zu: %s", k, err.text);
        free(bad);
    }
    free(buf);
}

/* With no DCT and a lead day of unknown year, "tuần trước" travels as a
 * count still to make ("deferred") from that day; merge reads it back,
 * and refuses a count it cannot make. */
static void extract_record_keeps_a_deferred_count(void **state)
{
    bn_article *a = test_extract(*state,
                                 "Tiêu đề\n"
                                 "Ngoại trưởng Nga Sergei Lavrov hôm 20/4 tuyên bố Nga sẽ đáp trả.\n"
                                 "Tuần trước, Mỹ đã trừng phạt Nga.\n",
                                 NULL);
    const bn_event *e = NULL;
    for (size_t i = 0; i < a->nevents; i++)
        if (a->events[i].type == BN_EV_SANCTION)
            e = &a->events[i];
    assert_non_null(e);
    assert_int_equal(e->date.year_source, BN_YEAR_DEFERRED);
    assert_string_equal(TX(e->date.value), "XXXX-04-20");
    assert_int_equal(e->date.deferred.unit, BN_SHIFT_WEEK);
    assert_int_equal(e->date.deferred.count, -1);
    assert_int_equal(e->date.deferred.lag, BN_WRITING_LAG);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    bn_error err;
    bn_error_clear(&err);
    assert_int_equal(bn_json_write_extract(f, a, &err), BN_OK);
    fclose(f);
    char *line = NULL; /* and the one-buffer writer of `extract` */
    size_t line_len = 0;
    assert_int_equal(bn_json_extract_line(a, &line, &line_len, &err), BN_OK);
    bn_article *c = NULL;
    assert_int_equal(bn_json_read_extract(line, line_len, "x.jsonl", 1, &c, &err), BN_OK);
    assert_int_equal(c->nevents, a->nevents);
    for (size_t i = 0; i < a->nevents; i++)
        assert_int_equal(bn_timex_date_cmp(&a->events[i].date, &c->events[i].date), 0);
    bn_article_free(c);
    free(line);
    bn_article *b = NULL;
    assert_int_equal(bn_json_read_extract(buf, len, "x.jsonl", 1, &b, &err), BN_OK);
    assert_int_equal(b->nevents, a->nevents);
    for (size_t i = 0; i < a->nevents; i++) {
        assert_int_equal(bn_timex_date_cmp(&a->events[i].date, &b->events[i].date), 0);
        assert_int_equal(bn_shift_cmp(&a->events[i].date.deferred, &b->events[i].date.deferred), 0);
    }
    bn_article_free(b);
    char *at = strstr(buf, "\"unit\":\"week\"");
    assert_non_null(at);
    memcpy(at + 8, "wook", 4);
    b = NULL;
    bn_error_clear(&err);
    assert_int_equal(bn_json_read_extract(buf, len, "x.jsonl", 1, &b, &err), BN_ERR_PARSE);
    assert_null(b);
    assert_non_null(strstr(err.text, "deferred"));
    free(buf);
    bn_article_free(a);
}

/* With no DCT, the latest past day the article writes travels with the
 * record ("dct": {"since": ...}) so that merge can take it; a value that
 * is no day is refused. */
static void extract_record_keeps_written_since(void **state)
{
    bn_article *a = test_extract(*state,
                                 "Tiêu đề\n"
                                 "Hồi tháng 12/2025, Israel và Mỹ đã họp tại Washington.\n"
                                 "Ngày 28/1, Iran đã cảnh báo Israel.\n",
                                 NULL);
    char day[BN_TIMEX_MAX];
    assert_string_equal(bn_date_format(&a->written_since, day), "2025-12-01");
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    bn_error err;
    bn_error_clear(&err);
    assert_int_equal(bn_json_write_extract(f, a, &err), BN_OK);
    fclose(f);
    bn_article *b = NULL;
    assert_int_equal(bn_json_read_extract(buf, len, "x.jsonl", 1, &b, &err), BN_OK);
    assert_true(bn_date_equal(&b->written_since, &a->written_since));
    bn_article_free(b);
    char *at = strstr(buf, "\"since\":\"2025-12-01\"");
    assert_non_null(at);
    memcpy(at + 9, "2025-13", 7);
    b = NULL;
    bn_error_clear(&err);
    assert_int_equal(bn_json_read_extract(buf, len, "x.jsonl", 1, &b, &err), BN_ERR_PARSE);
    assert_null(b);
    assert_non_null(strstr(err.text, "dct since"));
    free(buf);
    bn_article_free(a);
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

/* ---- where a data file is wrong (bn_json_locate, bn_json_error_place) -- */

static void locate_values(void **state)
{
    (void)state;
    static const char text[] = "{\"a\": [1, \"x,]\", {\"b\": 2}],\n"
                               " \"c\\\"\": {},\n"
                               "  \"actors\": [\n"
                               "    {\"id\": \"x\", \"roles\": [{}, {\"t\": 1}]}]}";
    bn_json_pos p;
    assert_int_equal(bn_json_locate(text, sizeof text - 1, "a", &p), 0);
    assert_int_equal(p.offset, 1); /* a key: its opening quote */
    assert_int_equal(bn_json_locate(text, sizeof text - 1, "a/2", &p), 0);
    assert_int_equal(text[p.offset], '{'); /* past a string holding ",]" */
    assert_int_equal(bn_json_locate(text, sizeof text - 1, "a/2/b", &p), 0);
    assert_int_equal(text[p.offset + 1], 'b');
    assert_int_equal(bn_json_locate(text, sizeof text - 1, "actors/0", &p), 0);
    assert_int_equal(p.line, 4);
    assert_int_equal(p.column, 5);
    assert_int_equal(bn_json_locate(text, sizeof text - 1, "actors/0/roles/1/t", &p), 0);
    assert_int_equal(p.line, 4);
    assert_int_equal(text[p.offset + 1], 't');
    assert_int_equal(bn_json_locate(text, sizeof text - 1, "actors/1", &p), -1);
    assert_int_equal(bn_json_locate(text, sizeof text - 1, "a/3", &p), -1);
    assert_int_equal(bn_json_locate(text, sizeof text - 1, "nothing", &p), -1);
    assert_int_equal(bn_json_locate(text, sizeof text - 1, "a/0/x", &p), -1); /* 1 has no members */
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Loads `text` as a KB file at `path`, which must fail as bad data; the
 * error is left in *err for the caller's checks. */
static void kb_refused(const char *path, const char *text, bn_error *err)
{
    write_file(path, text);
    bn_kb *kb = bn_kb_new();
    bn_error_clear(err);
    assert_int_equal(bn_kb_load(kb, path, err), BN_ERR_DATA);
    bn_kb_free(kb);
}

/* Errors that jansson cannot place name the line of what is wrong, not
 * the file's first. */
static void data_errors_name_the_line(void **state)
{
    (void)state;
    char path[] = "/tmp/bn-test-kb-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    bn_error err;

    /* an unknown top-level field on line 3 */
    kb_refused(path, "{\n  \"actors\": [],\n  \"colour\": 1\n}\n", &err);
    assert_int_equal(err.line, 3);
    assert_int_equal(err.column, 3);
    assert_int_equal(err.offset, 20);
    assert_non_null(strstr(err.text, "colour"));

    /* the third actor, on line 5 */
    kb_refused(path, "{\"actors\": [\n"
                     "  {\"id\": \"a\", \"name\": \"A\", \"kind\": \"country\"},\n"
                     "  {\"id\": \"b\", \"name\": \"B\",\n"
                     "   \"kind\": \"country\"},\n"
                     "  {\"id\": \"c\", \"kind\": \"country\"}]}\n", &err);
    assert_int_equal(err.line, 5);
    assert_int_equal(err.column, 3); /* the actor's '{', after two spaces */

    /* inside an actor: its unknown field, its role, a bad alias */
    kb_refused(path, "{\"actors\": [\n"
                     "  {\"id\": \"a\", \"name\": \"A\", \"kind\": \"person\",\n"
                     "   \"roles\": [{\"org\": \"o\", \"title\": \"t\", \"from\": \"2020-01-01\"},\n"
                     "             {\"org\": \"o\", \"title\": \"t\", \"from\": \"2020-01-01\",\n"
                     "              \"to\": \"2019-01-01\"}]}]}\n", &err);
    assert_int_equal(err.line, 4); /* the second role */
    kb_refused(path, "{\"actors\": [\n"
                     "  {\"id\": \"a\", \"name\": \"A\", \"kind\": \"person\",\n"
                     "   \"aliases\": {\"vi\": [\"x\",\n"
                     "                         7]}}]}\n", &err);
    assert_int_equal(err.line, 4); /* the alias that is not a string */
    kb_refused(path, "{\"actors\": [\n"
                     "  {\"id\": \"a\", \"name\": \"A\", \"kind\": \"person\",\n"
                     "   \"colour\": \"red\"}]}\n", &err);
    assert_int_equal(err.line, 3); /* the unknown field, not the actor's first line */

    /* a list that is not one, in a lexicon's words */
    kb_refused(path, "{\"titles\": [\n {\"title\": \"x\",\n  \"variants\": [\"y\", 3]}]}", &err);
    assert_int_equal(err.line, 2);

    /* the steps are made without snprintf: an actor of two digits, its
     * aliases in a third language, its metonyms, its parties */
    static const char *const bad[] = {"\"aliases\": {\"vi\": [\"x\"], \"fr\": [\"y\",\n 7]}",
                                      "\"aliases\": {\"en\": [\n 7]}", "\"metonyms\": [\"m\",\n 7]",
                                      "\"parties\": [\n 7]"};
    for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++) {
        char text[4096];
        size_t k = (size_t)snprintf(text, sizeof text, "{\"actors\": [\n");
        for (int i = 0; i < 12; i++)
            k += (size_t)snprintf(text + k, sizeof text - k, "  {\"id\": \"a%d\", \"name\": \"A\", \"kind\": \"person\"%s%s},\n",
                                  i, i == 11 ? ", " : "", i == 11 ? bad[b] : "");
        snprintf(text + k - 2, sizeof text - k + 2, "]}\n");
        kb_refused(path, text, &err);
        assert_int_equal(err.line, 14); /* the 12th actor (line 13), its bad value on the next line */
    }
    unlink(path);
}

/* bn_json_load_file reads a file whole and parses the buffer (faster
 * than jansson's getc-by-getc reading): the same values and the same
 * errors as json_load_file, the reference, on good and broken files. */
static void data_file_read_as_jansson_reads_it(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        size_t len; /* 0: strlen */
    } cases[] = {
        {"{\"actors\": [{\"id\": \"a\", \"name\": \"\u00c1 \\\"x\\\"\"}], \"n\": 3.5}\n", 0},
        {"[1, 2, 3]", 0},
        {"{\"actors\": [\n  {\"id\": \"a\"},\n ]}\n", 0},  /* a trailing comma, line 3 */
        {"{\"a\": 1} x", 0},                                    /* something after the value */
        {"", 0},                                                /* empty */
        {"   \n\n", 0},
        {"{\"a\": \"\xff\"}", 0},                                /* invalid UTF-8 */
        {"{\"a\": 1, \"a\": 2}", 0},                             /* a duplicate key */
        {"{\"a\": \"b\0c\"}", 12},                               /* a NUL byte */
        {"{\"a\": [1, 2", 0},                                    /* cut short */
        {"\xef\xbb\xbf{}", 0},                                    /* a byte order mark */
        /* what the data files' own reader takes, and what it leaves to
         * jansson: the same values, in the same order, or the same error */
        {"[\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\", {\"k\\\"\": \"\\\\\"}]", 0}, /* escapes */
        {"[\"\\u0041\\u00e9\\ud83d\\ude00\"]", 0},
        {"[1, -0, 0, -1, 1.5e3, 1E-2, -0.0, 2e+5, 1e-400, -9223372036854775808, 9223372036854775807]", 0},
        {"[01]", 0},
        {"[1.]", 0},
        {"[1e400]", 0},
        {"[9223372036854775808]", 0},
        {"[1e+]", 0},
        {"[-]", 0},
        {"[true, false, null]", 0},
        {"[truex]", 0},
        {"[nul]", 0},
        {"{\"k\\n\": [{\"x\": \"y\"}, {}, []], \"\": 1, \"b\": {\"c\": null}}", 0},
        {"{\"a\": 1, \"b\": 2, \"a\": 3}", 0},
        {"{\"a\\n\": 1, \"b\": 2, \"b\": 3}", 0},
        {"{\"k1\":1,\"k2\":1,\"k3\":1,\"k4\":1,\"k5\":1,\"k6\":1,\"k7\":1,\"k8\":1,\"k9\":1,\"k10\":1,"
         "\"k11\":1,\"k12\":1,\"k13\":1,\"k14\":1,\"k15\":1,\"k16\":1,\"k17\":1,\"k1\":2}", 0},
        {"{\"a\": 1,}", 0},
        {"[1,]", 0},
        {"{\"a\"}", 0},
        {"[1 2]", 0},
        {"[\"\xc3\xa9 \xe1\xbb\x87 \xf0\x9f\x98\x80 \x7f\"]", 0},
        {"[\"\xed\xa0\x80\"]", 0}, /* a surrogate */
        {"[\"\xf4\x90\x80\x80\"]", 0}, /* above U+10FFFF */
        {"[\"\xe0\x80\x80\"]", 0}, /* overlong */
        {"[\"\xc3\"]", 0},
        {"[\"a\nb\"]", 0},
        {"[\"a\tb\"]", 0},
        {"[\"abc", 0},
        {"\"s\"", 0},
    };
    char path[] = "/tmp/bn-test-json-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t len = cases[i].len ? cases[i].len : strlen(cases[i].text);
        FILE *f = fopen(path, "wb");
        assert_non_null(f);
        assert_int_equal(fwrite(cases[i].text, 1, len, f), len);
        fclose(f);
        json_error_t je;
        json_t *want = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
        json_t *got = NULL;
        bn_error err;
        bn_error_clear(&err);
        bn_status st = bn_json_load_file(path, &got, &err);
        if (want) {
            assert_int_equal(st, BN_OK);
            assert_non_null(got);
            assert_true(json_equal(got, want));
            char *g = json_dumps(got, JSON_ENCODE_ANY), *w = json_dumps(want, JSON_ENCODE_ANY);
            assert_string_equal(g, w); /* the members in the same order */
            free(g);
            free(w);
        } else {
            assert_int_equal(st, BN_ERR_DATA);
            assert_null(got);
            assert_int_equal(err.line, je.line > 0 ? je.line : 1);
            assert_int_equal(err.column, je.column > 0 ? je.column : 1);
            assert_int_equal(err.offset, (size_t)(je.position > 0 ? je.position : 0));
            assert_string_equal(err.text, je.text);
        }
        json_decref(want);
        bn_json_free(got);
    }
    unlink(path);
    /* not there: the same error as before */
    json_t *got = NULL;
    bn_error err;
    bn_error_clear(&err);
    assert_int_equal(bn_json_load_file("/nonexistent/bn-test.json", &got, &err), BN_ERR_IO);
}

/* An actor's names per language: "names": {"vi": …}, or the older
 * "name_vi" (users' own --kb files), the same; a bad "names" is placed. */
static void kb_names_per_language(void **state)
{
    (void)state;
    char path[] = "/tmp/bn-test-kb-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    bn_error err;

    write_file(path, "{\"actors\": [\n"
                     "  {\"id\": \"ru\", \"name\": \"Russia\", \"names\": {\"vi\": \"Nga\", \"en\": \"Russia\"}, \"kind\": \"country\"},\n"
                     "  {\"id\": \"de\", \"name\": \"Germany\", \"name_vi\": \"Đức\", \"kind\": \"country\"},\n"
                     "  {\"id\": \"fi\", \"name\": \"Finland\", \"kind\": \"country\",\n"
                     "   \"aliases\": {\"fr\": [\"Finlande\"], \"vi\": [\"Phần Lan\"]}}]}\n");
    bn_kb *kb = bn_kb_new();
    bn_error_clear(&err);
    assert_int_equal(bn_kb_load(kb, path, &err), BN_OK);
    assert_int_equal(bn_kb_compile(kb), BN_OK);
    const bn_kb_actor *ru = bn_kb_get(kb, (size_t)bn_kb_find(kb, "ru"));
    const bn_kb_actor *de = bn_kb_get(kb, (size_t)bn_kb_find(kb, "de"));
    const bn_kb_actor *fi = bn_kb_get(kb, (size_t)bn_kb_find(kb, "fi"));
    assert_string_equal(bn_kb_actor_name(ru, "vi"), "Nga");
    assert_string_equal(bn_kb_actor_name(ru, "en"), "Russia");
    assert_string_equal(bn_kb_actor_name(de, "vi"), "Đức"); /* name_vi: names.vi */
    assert_string_equal(bn_kb_actor_name(de, "en"), "Germany"); /* none: the canonical name */
    assert_string_equal(bn_kb_actor_name(fi, "vi"), "Finland");
    /* aliases of any language are forms, "vi" first then the others */
    assert_int_equal(fi->nnames, 3);
    assert_string_equal(fi->forms[1], "Phần Lan");
    assert_string_equal(fi->forms[2], "Finlande");
    /* every name is a form the matcher knows */
    int found = 0;
    for (size_t i = 0; i < de->nnames; i++)
        found |= strcmp(de->forms[i], "Đức") == 0;
    assert_true(found);
    bn_kb_free(kb);

    /* "names" that is not an object: its key, line 3 column 4 */
    kb_refused(path, "{\"actors\": [\n"
                     "  {\"id\": \"a\", \"name\": \"A\", \"kind\": \"country\",\n"
                     "   \"names\": [\"Nga\"]}]}\n", &err);
    assert_int_equal(err.line, 3);
    assert_int_equal(err.column, 4);
    assert_non_null(strstr(err.text, "\"names\""));

    /* a name that is not a string: its language's key, line 4 */
    kb_refused(path, "{\"actors\": [\n"
                     "  {\"id\": \"a\", \"name\": \"A\", \"kind\": \"country\",\n"
                     "   \"names\": {\"vi\": \"Nga\",\n"
                     "             \"en\": 7}}]}\n", &err);
    assert_int_equal(err.line, 4);
    assert_int_equal(err.column, 14);
    assert_non_null(strstr(err.text, "\"en\""));

    /* aliases under what is no language code */
    kb_refused(path, "{\"actors\": [\n"
                     "  {\"id\": \"a\", \"name\": \"A\", \"kind\": \"country\",\n"
                     "   \"aliases\": {\"vi\": [], \"v i\": [\"x\"]}}]}\n", &err);
    assert_int_equal(err.line, 3);
    assert_int_equal(err.column, 26);

    /* both spellings at once: the old one is pointed at */
    kb_refused(path, "{\"actors\": [\n"
                     "  {\"id\": \"a\", \"name\": \"A\", \"kind\": \"country\", \"names\": {\"vi\": \"X\"},\n"
                     "   \"name_vi\": \"Y\"}]}\n", &err);
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.text, "name_vi"));
    unlink(path);
}

/* A labels.json text: `head`, then the first `ntypes` event types one a
 * line, each labelled "L<n>" but the one numbered `null_at` (null), then
 * `tail`. */
static void labels_text(char *text, size_t cap, const char *head, size_t ntypes, size_t null_at, const char *tail)
{
    size_t n = (size_t)snprintf(text, cap, "%s", head);
    for (size_t t = 0; t < ntypes; t++)
        n += (size_t)snprintf(text + n, cap - n, t == null_at ? "%s\n  \"%s\": null" : "%s\n  \"%s\": \"L%zu\"",
                              t ? "," : "", bn_event_type_name((bn_event_type)t), t);
    snprintf(text + n, cap - n, "%s", tail);
}

/* labels.json: a label for every type of event, or an error with the
 * file's line and column; the labels of data/lang/vi are read whole. */
static void labels_name_every_type(void **state)
{
    (void)state;
    char dir[] = "/tmp/bn-test-labels-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char sub[256], path[300];
    snprintf(sub, sizeof sub, "%s/lang", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    snprintf(sub, sizeof sub, "%s/lang/xx", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    snprintf(path, sizeof path, "%s/labels.json", sub);
    char text[2048];
    bn_error err;
    bn_labels *l = NULL;

    /* all but "military": the error points at "event_types", line 2 */
    labels_text(text, sizeof text, "{\"format\": \"biennien-labels/1\",\n \"event_types\": {", BN_EV_COUNT - 1,
                SIZE_MAX, "}}\n");
    write_file(path, text);
    bn_error_clear(&err);
    assert_int_equal(bn_labels_load(&l, dir, "xx", &err), BN_ERR_DATA);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 2);
    assert_non_null(strstr(err.text, "military"));

    /* then "military" and a type there is not, on line 15 */
    labels_text(text, sizeof text, "{\"event_types\": {", BN_EV_COUNT, SIZE_MAX, ",\n  \"protest\": \"biểu tình\"}}\n");
    write_file(path, text);
    bn_error_clear(&err);
    assert_int_equal(bn_labels_load(&l, dir, "xx", &err), BN_ERR_DATA);
    assert_int_equal(err.line, 14);
    assert_int_equal(err.column, 3);
    assert_non_null(strstr(err.text, "protest"));

    /* a label that is no string */
    labels_text(text, sizeof text, "{\"event_types\": {", BN_EV_COUNT, 3, "}}\n");
    write_file(path, text);
    bn_error_clear(&err);
    assert_int_equal(bn_labels_load(&l, dir, "xx", &err), BN_ERR_DATA);
    assert_int_equal(err.line, 5);
    assert_non_null(strstr(err.text, "meeting"));
    unlink(path);
    rmdir(sub);
    snprintf(sub, sizeof sub, "%s/lang", dir);
    rmdir(sub);
    rmdir(dir);

    /* the shipped ones */
    bn_error_clear(&err);
    assert_int_equal(bn_labels_load(&l, bn_datadir(), "vi", &err), BN_OK);
    assert_string_equal(bn_labels_type(l, BN_EV_MEETING), "họp");
    for (size_t t = 0; t < BN_EV_COUNT; t++)
        assert_true(*bn_labels_type(l, (bn_event_type)t));
    assert_string_equal(bn_labels_type(l, BN_EV_COUNT), "");
    bn_labels_free(l);
}

/* The extract record's integers as "%lld" writes them: the edges of long
 * long and 200,000 values of every size, both signs. */
static void format_int_as_printf(void **state)
{
    (void)state;
    char want[32], got[32];
    static const long long edges[] = {0, 1, -1, 9, 10, -10, 99, 100, 2147483647LL, -2147483648LL,
                                      4294967296LL, 9223372036854775807LL, -9223372036854775807LL - 1};
    for (size_t k = 0; k < sizeof edges / sizeof edges[0]; k++) {
        int n = snprintf(want, sizeof want, "%lld", edges[k]);
        assert_int_equal(bn_json_format_int(got, edges[k]), (size_t)n);
        assert_string_equal(got, want);
    }
    uint64_t r = 88172645463325252ull;
    for (int k = 0; k < 200000; k++) {
        r ^= r << 13, r ^= r >> 7, r ^= r << 17;
        long long v = (long long)(r >> (r % 64)); /* every magnitude */
        if (k & 1)
            v = -v;
        int n = snprintf(want, sizeof want, "%lld", v);
        assert_int_equal(bn_json_format_int(got, v), (size_t)n);
        assert_string_equal(got, want);
    }
}

/* The record's strings escaped as jansson escapes them: a title holding
 * every control byte, quotes, backslashes, DEL and Vietnamese is written
 * as json_dumps writes the string, and reads back the same. */
static void strings_escaped_as_jansson(void **state)
{
    bn_article *a = test_extract(*state, "Tiêu đề\nNga và Mỹ họp ngày 10/7.\n", "2024-07-10");
    char title[128];
    size_t n = 0;
    for (int c = 1; c < 0x20; c++)
        title[n++] = (char)c;
    const char *rest = "\"a\\b\\\"\x7FViệt \xF0\x9F\x98\x80 \xC3\xA0\"";
    memcpy(title + n, rest, strlen(rest) + 1);
    a->title = title;
    char *line = NULL;
    size_t len = 0;
    bn_error err;
    bn_error_clear(&err);
    assert_int_equal(bn_json_extract_line(a, &line, &len, &err), BN_OK);
    json_t *js = json_string(title);
    char *want = json_dumps(js, JSON_ENCODE_ANY);
    assert_non_null(want);
    char key[1024];
    snprintf(key, sizeof key, "\"title\":%s", want);
    assert_non_null(strstr(line, key));
    json_error_t je;
    json_t *back = json_loadb(line, len, 0, &je);
    assert_non_null(back);
    assert_string_equal(json_string_value(json_object_get(json_object_get(back, "article"), "title")), title);
    json_decref(back);
    json_decref(js);
    free(want);
    free(line);
    /* a string json_string refuses (invalid UTF-8, wherever it is) fails
     * the record */
    static const char *const bad[] = {"\xFF", "Vi\xE1\xBB", "a\"b\xC3", "\xC3(", "\xF0\x9F\x98", "\xED\xA0\x80x", "\n\xC0\x80"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        a->title = bad[i];
        line = NULL;
        assert_int_not_equal(bn_json_extract_line(a, &line, &len, &err), BN_OK);
        assert_null(line);
    }
    a->title = NULL;
    bn_article_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(format_int_as_printf),
        cmocka_unit_test(extract_record_round_trip),
        cmocka_unit_test(strings_escaped_as_jansson),
        cmocka_unit_test(extract_record_keeps_written_since),
        cmocka_unit_test(extract_record_keeps_a_deferred_count),
        cmocka_unit_test(bad_records_name_the_line),
        cmocka_unit_test(locate_values),
        cmocka_unit_test(data_errors_name_the_line),
        cmocka_unit_test(data_file_read_as_jansson_reads_it),
        cmocka_unit_test(kb_names_per_language),
        cmocka_unit_test(labels_name_every_type),
    };
    return cmocka_run_group_tests(tests, test_env_setup, test_env_teardown);
}
