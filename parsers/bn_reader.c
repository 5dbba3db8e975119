#include "bn_reader.h"

#include <stdio.h>
#include <string.h>

typedef struct line {
    uint32_t start, end;  /* clean text, without the newline, trimmed */
    size_t tok_begin, tok_end;
} line;

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* "19:51:57 21/02/2025" or "08:15 12/01/2022": a time stamp line.  Writes
 * the date as YYYY-MM-DD into `date` when it finds one. */
static int time_stamp(const char *s, size_t len, char date[11])
{
    int h, mi, sec = 0, d, mo, y, n = 0;
    char buf[64];
    if (len >= sizeof buf)
        return 0;
    memcpy(buf, s, len);
    buf[len] = '\0';
    if (sscanf(buf, "%2d:%2d:%2d %2d/%2d/%4d%n", &h, &mi, &sec, &d, &mo, &y, &n) != 6 &&
        sscanf(buf, "%2d:%2d %2d/%2d/%4d%n", &h, &mi, &d, &mo, &y, &n) != 5)
        return 0;
    if ((size_t)n != len)
        return 0;
    snprintf(date, 11, "%04d-%02d-%02d", y, mo, d);
    if (!bn_date_valid(date))
        date[0] = '\0';
    return 1;
}

/* A markup line: "<image>...</image>" and its kin. */
static int markup_line(const char *s, size_t len)
{
    return len >= 3 && s[0] == '<' && s[len - 1] == '>';
}

/* A headline printed twice on one line: "A A". */
static int doubled_line(const char *s, size_t len)
{
    if (len < 21 || len % 2 == 0)
        return 0;
    size_t h = len / 2;
    return s[h] == ' ' && memcmp(s, s + h + 1, h) == 0;
}

/* Whether the line's words are exactly one cue of the given kind, or (for
 * widgets) start with one and are short. */
static int cue_line(const bn_article *a, const line *ln, const bn_lang *lang, bn_page_cue kind)
{
    if (ln->tok_begin >= ln->tok_end)
        return 0;
    int payload;
    size_t m = bn_phrases_match(lang->page_cues, a->text.s, &a->tokens, ln->tok_begin, ln->tok_end,
                                &payload);
    if (m == 0 || payload != (int)kind)
        return 0;
    if (kind == BN_CUE_LIST_HEADING)
        return ln->tok_begin + m == ln->tok_end;
    return ln->tok_end - ln->tok_begin <= 8;
}

/* A line that reads like running text rather than a headline: it ends a
 * sentence and is long enough. */
static int prose_line(const bn_article *a, const line *ln)
{
    const char *s = a->text.s;
    uint32_t e = ln->end;
    while (e > ln->start && (s[e - 1] == '"' || s[e - 1] == ')' ||
                             (e >= 3 && (unsigned char)s[e - 3] == 0xE2 && (unsigned char)s[e - 2] == 0x80 &&
                              (unsigned char)s[e - 1] == 0x9D)))
        e -= (unsigned char)s[e - 1] == 0x9D ? 3 : 1;
    return e > ln->start && s[e - 1] == '.' && ln->tok_end - ln->tok_begin >= 12;
}

static bn_status add_body(bn_article *a, size_t *cap, uint32_t start, uint32_t end)
{
    bn_span *v = bn_arena_grow(&a->arena, a->body, cap, a->nbody + 1, sizeof *v);
    if (!v)
        return BN_ERR_NOMEM;
    a->body = v;
    a->body[a->nbody].start = start;
    a->body[a->nbody].end = end;
    a->nbody++;
    return BN_OK;
}

static bn_status classify_lines(bn_article *a, const bn_lang *lang)
{
    const char *s = a->text.s;
    size_t len = a->text.len, cap = 0, pos = 0;
    int in_list = 0, have_title = 0;
    while (pos <= len) {
        size_t nl = pos;
        while (nl < len && s[nl] != '\n')
            nl++;
        line ln = {(uint32_t)pos, (uint32_t)nl, 0, 0};
        while (ln.start < ln.end && is_blank(s[ln.start]))
            ln.start++;
        while (ln.end > ln.start && is_blank(s[ln.end - 1]))
            ln.end--;
        pos = nl + 1;
        if (ln.start == ln.end)
            continue;
        ln.tok_begin = bn_tokens_at(&a->tokens, ln.start);
        ln.tok_end = bn_tokens_at(&a->tokens, ln.end);
        const char *t = s + ln.start;
        size_t tl = ln.end - ln.start;
        char date[11];
        if (markup_line(t, tl) || doubled_line(t, tl) || cue_line(a, &ln, lang, BN_CUE_WIDGET))
            continue;
        if (time_stamp(t, tl, date)) {
            if (a->dct_source == BN_DCT_NONE && date[0]) {
                memcpy(a->dct, date, 11);
                a->dct_source = BN_DCT_TEXT;
            }
            continue;
        }
        if (cue_line(a, &ln, lang, BN_CUE_LIST_HEADING)) {
            in_list = 1;
            continue;
        }
        if (in_list && !prose_line(a, &ln))
            continue;
        in_list = 0;
        if (!have_title) {
            have_title = 1;
            a->title_span.start = ln.start;
            a->title_span.end = ln.end;
        }
        bn_status st = add_body(a, &cap, ln.start, ln.end);
        if (st != BN_OK)
            return st;
    }
    return BN_OK;
}

bn_status bn_read_article(bn_article *a, const bn_record *rec, const bn_lang *lang,
                          const bn_read_options *opts, bn_error *err)
{
    bn_arena *ar = &a->arena;
    a->path = bn_arena_strdup(ar, rec->path);
    a->id = bn_arena_strdup(ar, rec->id);
    a->url = rec->url ? bn_arena_strdup(ar, rec->url) : NULL;
    a->raw = bn_arena_strndup(ar, rec->text, rec->len);
    a->raw_len = rec->len;
    if (!a->path || !a->id || !a->raw || (rec->url && !a->url))
        return bn_error_set(err, BN_ERR_NOMEM, rec->path, rec->line, 1, 0, "out of memory");
    if (rec->date && strlen(rec->date) >= 10) {
        memcpy(a->dct, rec->date, 10);
        a->dct[10] = '\0';
        if (bn_date_valid(a->dct))
            a->dct_source = BN_DCT_INPUT;
        else
            a->dct[0] = '\0';
    }
    if (a->dct_source == BN_DCT_NONE && opts->dct && bn_date_valid(opts->dct)) {
        memcpy(a->dct, opts->dct, 11);
        a->dct_source = BN_DCT_OPTION;
    }

    size_t bad = 0;
    bn_status st = bn_text_clean(ar, a->raw, a->raw_len, opts->lenient, &a->text, &bad);
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
    uint64_t h = 14695981039346656037ull;
    for (size_t i = 0; i < a->text.len; i++) {
        h ^= (unsigned char)a->text.s[i];
        h *= 1099511628211ull;
    }
    snprintf(a->text_hash, sizeof a->text_hash, "%016llx", (unsigned long long)h);
    st = bn_tokenize(ar, a->text.s, a->text.len, &a->tokens);
    if (st != BN_OK)
        return bn_error_set(err, st, rec->path, rec->line, 1, 0, "out of memory");
    if (a->tokens.n == 0)
        return bn_error_set(err, BN_ERR_EMPTY, rec->path, rec->line, 1, 0, "empty article \"%s\": no text; skipped",
                            rec->id);
    st = classify_lines(a, lang);
    if (st != BN_OK)
        return bn_error_set(err, st, rec->path, rec->line, 1, 0, "out of memory");
    if (rec->title && *rec->title)
        a->title = bn_arena_strdup(ar, rec->title);
    else if (a->nbody)
        a->title = bn_arena_strndup(ar, a->text.s + a->title_span.start,
                                    a->title_span.end - a->title_span.start);
    a->body_offsets = bn_arena_alloc(ar, (a->nbody ? a->nbody : 1) * 2 * sizeof(uint32_t));
    if (!a->body_offsets || (!a->title && a->nbody))
        return bn_error_set(err, BN_ERR_NOMEM, rec->path, rec->line, 1, 0, "out of memory");
    for (size_t i = 0; i < a->nbody; i++)
        bn_text_orig_span(&a->text, a->body[i].start, a->body[i].end, &a->body_offsets[2 * i],
                          &a->body_offsets[2 * i + 1]);
    return BN_OK;
}
