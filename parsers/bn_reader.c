#include "bn_reader.h"

#include <stdio.h>
#include <string.h>

#include "bn_page.h"

/* FNV-1a 64 of the clean text, in hex: two copies of one article have the
 * same, whatever their encoding or line ends. */
static void text_hash(const bn_text *t, char out[17])
{
    snprintf(out, 17, "%016llx", (unsigned long long)bn_hash64(t->s, t->len));
}

/* The publication date given with the record or on the command line. */
static void given_dct(bn_article *a, const bn_record *rec, const bn_read_options *opts)
{
    if (rec->date && strlen(rec->date) >= 10) {
        char day[11];
        memcpy(day, rec->date, 10); /* "2023-07-10T08:00:00Z" is cut to the day */
        day[10] = '\0';
        if (bn_date_parse_day(day, &a->dct)) {
            a->dct_source = BN_DCT_GIVEN;
            return;
        }
    }
    if (rec->date && *rec->date) {
        char buf[200];
        snprintf(buf, sizeof buf, "the record's \"date\" \"%.40s\" is not a date (YYYY-MM-DD): left out", rec->date);
        a->warning = bn_arena_strdup(&a->arena, buf); /* NULL when out of memory: then unsaid */
    }
    if (opts->dct.year) {
        a->dct = opts->dct;
        a->dct_source = BN_DCT_GIVEN;
    }
}

bn_status bn_read_article(bn_article *a, const bn_record *rec, const bn_lang *lang,
                          const bn_read_options *opts, bn_error *err)
{
    bn_arena *ar = &a->arena;
    a->path = bn_arena_strdup(ar, rec->path);
    a->id = bn_arena_strdup(ar, rec->id);
    a->line = rec->line;
    a->url = rec->url ? bn_arena_strdup(ar, rec->url) : NULL;
    a->title = rec->title && *rec->title ? bn_arena_strdup(ar, rec->title) : NULL;
    a->raw = bn_arena_strndup(ar, rec->text, rec->len);
    a->raw_len = rec->len;
    if (!a->path || !a->id || !a->raw || (rec->url && !a->url) || (rec->title && *rec->title && !a->title))
        return bn_error_set(err, BN_ERR_NOMEM, rec->path, rec->line, 1, 0, "out of memory");
    given_dct(a, rec, opts);
    a->saved = opts->saved_given ? opts->saved : rec->saved;

    /* a binary file, or text in another encoding, is refused by name;
     * the guess is made only for text that is not valid UTF-8 (or holds
     * NULs: UTF-16 without a byte-order mark), not for every article */
    const char *nul = memchr(a->raw, 0, a->raw_len);
    size_t bad = 0;
    bn_status st = nul ? BN_ERR_UTF8 : bn_text_clean(ar, a->raw, a->raw_len, opts->lenient, &a->text, &bad);
    /* (--lenient repairs a few bad bytes, not a whole text in VISCII) */
    int repaired = st == BN_OK && a->text.replaced;
    const char *enc = st == BN_ERR_UTF8 || repaired ? bn_guess_encoding(a->raw, a->raw_len) : NULL;
    if (enc)
        return bn_error_set(err, BN_ERR_UTF8, rec->path, rec->line, 1, 0,
                            "not UTF-8: looks like %s; article skipped (convert it first: iconv -f %s -t UTF-8)", enc,
                            strcmp(enc, "TCVN3") == 0 ? "TCVN" : enc);
    if (nul) {
        int l, c;
        size_t at = (size_t)(nul - a->raw);
        bn_line_col(a->raw, a->raw_len, at, &l, &c);
        return bn_error_set(err, BN_ERR_UTF8, rec->path, rec->line > 1 ? rec->line : l, c, at,
                            "a NUL byte at byte %zu: not text (a binary file?); article skipped", at);
    }
    if (st == BN_ERR_UTF8) {
        int l, c;
        bn_line_col(a->raw, a->raw_len, bad, &l, &c);
        /* JSON Lines records were checked line by line when read, so this
         * is a text file and the position is the file's */
        return bn_error_set(err, st, rec->path, l, c, bad,
                            "invalid UTF-8 at byte %zu; article skipped (--lenient replaces it)", bad);
    }
    if (st != BN_OK)
        return bn_error_set(err, st, rec->path, rec->line, 1, 0, "cannot clean the text");
    text_hash(&a->text, a->text_hash);
    /* tokens first, with the shapes that say which words may be glued;
     * the text is cut where they are, and tokenised again if it was */
    uint8_t *shapes;
    st = bn_tokenize_shaped(ar, a->text.s, a->text.len, &a->tokens, &shapes);
    if (st == BN_OK)
        st = bn_text_unglue_tokens(ar, &a->text, &a->tokens, shapes, lang->glue);
    if (st != BN_OK)
        return bn_error_set(err, st, rec->path, rec->line, 1, 0, "out of memory");
    if (a->tokens.n == 0)
        return bn_error_set(err, BN_ERR_EMPTY, rec->path, rec->line, 1, 0, "empty article \"%s\": no text; skipped",
                            rec->id);
    st = bn_page_layout(a, lang);
    if (st != BN_OK)
        return bn_error_set(err, st, rec->path, rec->line, 1, 0, "out of memory");
    bn_date url_date;
    if (a->dct_source < BN_DCT_URL && bn_url_date(a->url, &url_date)) {
        a->dct = url_date;
        a->dct_source = BN_DCT_URL;
    }
    if (!a->title)
        a->title = a->title_span.end > a->title_span.start
                       ? bn_arena_strndup(ar, a->text.s + a->title_span.start, a->title_span.end - a->title_span.start)
                       : "";
    a->body_offsets = bn_arena_alloc(ar, (a->nbody ? a->nbody : 1) * 2 * sizeof(uint32_t));
    if (!a->body_offsets || !a->title)
        return bn_error_set(err, BN_ERR_NOMEM, rec->path, rec->line, 1, 0, "out of memory");
    for (size_t i = 0; i < a->nbody; i++)
        bn_text_orig_span(&a->text, a->body[i].start, a->body[i].end, &a->body_offsets[2 * i],
                          &a->body_offsets[2 * i + 1]);
    return BN_OK;
}
