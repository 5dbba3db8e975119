#include "bn_page.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "bn_pieces.h"
#include "bn_sentences.h"

typedef enum kind {
    K_SHORT,      /* a short line: headline, caption, subheading, name */
    K_PROSE,      /* running text: long, or a sentence with its final punctuation */
    K_FURNITURE,  /* markup, widget, breadcrumb, a headline printed twice on one line */
    K_DATELINE,   /* a date (and time) alone on a line */
    K_HEADING,    /* "Tin liên quan": a list of other articles follows */
    K_END,        /* "Nguồn: ...", "(theo Reuters)", "Q.C (tổng hợp)": the article ends */
    K_AUTHOR,     /* two to four capitalised words alone: a byline or a signature */
    K_TRAIL,      /* a navigation trail glued to the title: "Trang chủThế giớiNATO họp…" */
} kind;

typedef enum label {
    L_DROP,
    L_BODY,
    L_TITLE,
} label;

typedef struct line {
    uint32_t start, end; /* clean text, trimmed */
    size_t tok_begin, tok_end;
    kind kind;
    label label;
    int dup_next;        /* the next line is the same text */
    int sentence_end;    /* ends with . ! ? (before closing quotes) */
    int full_stop;       /* ends with a full stop: how a paragraph ends, not a headline */
    char final;          /* its last character before closing quotes: '.', '!', '?', 'E' (an ellipsis) ... */
    int caption;         /* ends with a photo credit: "(Ảnh: AFP)", "- Ảnh: Reuters", "(Nguồn: TASS)" */
    uint32_t rest;       /* K_TRAIL: where the text after the trail starts */
    bn_date date;        /* K_DATELINE: the date */
    uint32_t row;        /* the line of the page this piece was cut from */
    bn_piece_kind piece; /* what cutting the line found it to be */
    int before_credit;   /* a photo credit follows it: a caption */
    int alone;           /* the only piece of its row: a line of the page */
    int lone;            /* running text dropped as a teaser for standing alone */
    int row_teaser;      /* the row (the page's line) ends with an ellipsis: a teaser cut short */
} line;

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static int has(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    if (n == 0)
        return 1;
    /* memchr to each place the first byte is (memmem is not POSIX) */
    for (const char *p = s, *e = s + len; (size_t)(e - p) >= n && (p = memchr(p, needle[0], (size_t)(e - p) - n + 1));
         p++)
        if (memcmp(p, needle, n) == 0)
            return 1;
    return 0;
}

/* "A A": one headline printed twice on a line. */
static int printed_twice(const char *t, size_t tl)
{
    return tl >= 21 && tl % 2 == 1 && t[tl / 2] == ' ' && memcmp(t, t + tl / 2 + 1, tl / 2) == 0;
}

/* The last character that is not a closing quote or bracket; 'E' for an
 * ellipsis. */
static char final_char(const char *s, size_t len)
{
    while (len > 0) {
        unsigned char c = (unsigned char)s[len - 1];
        if (c == '"' || c == ')' || c == '\'' || c == ']' || c == ' ') {
            len--;
        } else if (len >= 3 && (unsigned char)s[len - 3] == 0xE2 && (unsigned char)s[len - 2] == 0x80 &&
                   (c == 0x9D || c == 0x99)) { /* ” ’ */
            len -= 3;
        } else if (len >= 3 && (unsigned char)s[len - 3] == 0xE2 && (unsigned char)s[len - 2] == 0x80 &&
                   c == 0xA6) { /* … */
            return 'E';
        } else if (c == '.' && len >= 3 && s[len - 2] == '.' && s[len - 3] == '.') {
            return 'E'; /* "...": a teaser cut short, not a sentence's end */
        } else {
            return (char)c;
        }
    }
    return 0;
}

/* has(s, len, "<image") || has(s, len, "<img") || has(s, len,
 * "data:image/"), looking only where a '<' or a ':' is (rare in text). */
static int has_image(const char *s, size_t len)
{
    const char *e = s + len;
    for (const char *p = s; (p = memchr(p, '<', (size_t)(e - p))); p++)
        if ((e - p >= 6 && memcmp(p, "<image", 6) == 0) || (e - p >= 4 && memcmp(p, "<img", 4) == 0))
            return 1;
    for (const char *p = s; (p = memchr(p, ':', (size_t)(e - p))); p++)
        if (p - s >= 4 && e - p >= 7 && memcmp(p - 4, "data:image/", 11) == 0)
            return 1;
    return 0;
}

/* Whether the clean-text byte at `pos` is a space inserted between glued
 * words (bn_glue.h). */
static int inserted_space(const bn_text *t, size_t pos)
{
    size_t lo = 0, hi = t->nglued;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->glued[mid] < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < t->nglued && t->glued[lo] == pos;
}

/* Words glued by a scraper that dropped the separators of a navigation
 * trail: "Trang chủNewsThế giớiTổng thư ký…" has a lower-case letter
 * followed by a capital inside a word (or words cut apart there, see
 * bn_glue.h) more than once in its second and third words (a line
 * starting with a name like "RealClearPolitics" is not a trail).  `from`
 * is where the second word starts.  Returns where the last glued word
 * starts (the title, when the trail is glued to it), or 0. */
static inline int upper_cp(UChar32 c)
{
    return c < 0x80 ? c >= 'A' && c <= 'Z' : u_isupper(c);
}

static inline int lower_cp(UChar32 c)
{
    return c < 0x80 ? c >= 'a' && c <= 'z' : u_islower(c);
}

static size_t glued_trail(const bn_text *t, size_t from, size_t end)
{
    int glued = 0, spaces = 0;
    size_t last = 0;
    UChar32 prev = 0;
    const char *s = t->s;
    for (int32_t i = (int32_t)from; i < (int32_t)end && i < (int32_t)from + 120;) {
        int32_t at = i;
        UChar32 c;
        U8_NEXT(s, i, (int32_t)end, c);
        if (c < 0)
            return 0;
        if (c == ' ' && inserted_space(t, (size_t)at)) {
            /* a cut between a lower-case letter and a capital only (not
             * "15/4thông", "báocấm") */
            int32_t k = i;
            UChar32 next = 0;
            if (k < (int32_t)end)
                U8_NEXT(s, k, (int32_t)end, next);
            if (lower_cp(prev) && upper_cp(next)) {
                glued++;
                last = (size_t)i;
            }
        } else if (c == ' ' && ++spaces == 2) {
            break;
        } else if (upper_cp(c) && lower_cp(prev)) {
            glued++;
            last = (size_t)at;
        }
        prev = c;
    }
    return glued >= 2 ? last : 0;
}

/* A photo credit near the end of a line: a word of page.json
 * "credit_markers" followed by a colon ("Ảnh:", "Nguồn:", "Photo:"), or
 * one of several words ("Ảnh minh họa"). */
static int credit(const bn_article *a, const bn_lang *lang, const line *ln)
{
    const bn_token *t = a->tokens.v;
    /* the first of the line's tokens in its last 48 bytes: a few words
     * back from its end */
    uint32_t from = ln->end > ln->start + 48 ? ln->end - 48 : ln->start;
    size_t first = ln->tok_end;
    while (first > ln->tok_begin && t[first - 1].start >= from)
        first--;
    for (size_t i = first; i < ln->tok_end; i++) {
        int payload = -1;
        size_t m = bn_phrases_match(lang->page_inline, a->text.s, &a->tokens, i, ln->tok_end, &payload);
        if (!m || payload != BN_CUE_CREDIT)
            continue;
        uint32_t after = t[i + m - 1].end, next = i + m < ln->tok_end ? t[i + m].start : ln->end;
        if (m >= 2 || memchr(a->text.s + after, ':', next - after))
            return 1;
    }
    return 0;
}

/* A short piece made of names and titles alone, with no number and no
 * clause: "Tổng thống Ukraine Petro Poroshenko.", "Ngoại trưởng Nga Sergei
 * Lavrov (Ảnh: Reuters)" (every word a capitalised name or inside a title
 * or honorific of data/lang/<code>/actors.json).  As a photo caption it
 * says nothing; a caption that states an event ("... gặp ... hôm 12/4")
 * is text. */
static int names_only(const bn_article *a, const bn_lang *lang, const line *ln)
{
    size_t ntok = ln->tok_end - ln->tok_begin;
    if (ntok < 2 || ntok > 10 || memchr(a->text.s + ln->start, ',', ln->end - ln->start))
        return 0;
    for (size_t i = ln->tok_begin; i < ln->tok_end;) {
        const bn_token *t = &a->tokens.v[i];
        int payload = -1;
        size_t m = bn_phrases_match(lang->actor_words, a->text.s, &a->tokens, i, ln->tok_end, &payload);
        if (m && (payload == BN_AW_TITLE || payload == BN_AW_HONORIFIC || payload == BN_AW_ORG_WORD ||
                  payload == BN_AW_PLACE_NOUN)) {
            i += m;
            continue;
        }
        if ((t->flags & BN_TOK_DIGIT) || !(t->flags & BN_TOK_UPPER))
            return 0;
        i++;
    }
    return 1;
}

static int cue_at(const bn_article *a, const bn_phrases *p, size_t i, size_t end, int *payload)
{
    return bn_phrases_match(p, a->text.s, &a->tokens, i, end, payload) > 0;
}

/* Whether the line ends with a cue of `kind` from the suffix list. */
static int cue_suffix(const bn_article *a, const bn_lang *lang, const line *ln, bn_page_cue kind)
{
    for (size_t k = 1; k <= 4 && k <= ln->tok_end - ln->tok_begin; k++) {
        int payload;
        size_t m = bn_phrases_match(lang->page_suffixes, a->text.s, &a->tokens, ln->tok_end - k, ln->tok_end,
                                    &payload);
        if (m == k && payload == (int)kind)
            return 1;
    }
    return 0;
}

static int valid_ymd(int y, int m, int d, bn_date *out)
{
    if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31)
        return 0;
    *out = bn_date_day(y, m, d);
    return bn_date_real_day(out);
}

/* A line made of a full date, times, numbers and dateline words only. */
static int dateline(const bn_article *a, const bn_lang *lang, const line *ln, bn_date *out)
{
    const char *s = a->text.s;
    int found = 0;
    size_t n = ln->tok_end - ln->tok_begin;
    if (n < 3 || n > 14)
        return 0;
    for (size_t i = ln->tok_begin; i < ln->tok_end; i++) {
        const bn_token *t = &a->tokens.v[i];
        int payload;
        if (t->flags & BN_TOK_DIGIT) {
            /* D/M/YYYY, D-M-YYYY, D.M.YYYY or YYYY-MM-DD starting here */
            if (!found && i + 2 < ln->tok_end) {
                const bn_token *t2 = &a->tokens.v[i + 1], *t3 = &a->tokens.v[i + 2];
                char sep = s[t->end];
                if ((t2->flags & BN_TOK_DIGIT) && (t3->flags & BN_TOK_DIGIT) && t2->start == t->end + 1 &&
                    t3->start == t2->end + 1 && s[t2->end] == sep && (sep == '/' || sep == '-' || sep == '.')) {
                    int x = atoi(s + t->start), y = atoi(s + t2->start), z = atoi(s + t3->start);
                    if (t3->end - t3->start == 4)
                        found = valid_ymd(z, y, x, out);
                    else if (t->end - t->start == 4)
                        found = valid_ymd(x, y, z, out);
                    if (found)
                        i += 2;
                }
            }
            continue;
        }
        if (!cue_at(a, lang->dateline_words, i, i + 1, &payload))
            return 0;
    }
    return found;
}

/* may_image: whether the whole text has what has_image looks for (when
 * it has not, no line has: has_image is not asked of each). */
static kind classify(const bn_article *a, const bn_lang *lang, line *ln, int may_image)
{
    const char *t = a->text.s + ln->start;
    size_t tl = ln->end - ln->start, ntok = ln->tok_end - ln->tok_begin;
    int payload = -1;
    if ((tl >= 3 && t[0] == '<' && t[tl - 1] == '>') || (may_image && has_image(t, tl)))
        return K_FURNITURE;
    if (printed_twice(t, tl))
        return K_FURNITURE; /* "A A": a headline printed twice */
    if (ntok == 0)
        return K_FURNITURE; /* punctuation only */
    if (ntok >= 2) {
        size_t rest = glued_trail(&a->text, a->tokens.v[ln->tok_begin + 1].start, ln->end);
        if (rest) {
            ln->rest = (uint32_t)rest;
            return K_TRAIL;
        }
    }
    char fc = final_char(t, tl);
    ln->sentence_end = fc == '.' || fc == '!' || fc == '?' || fc == 'E';
    ln->full_stop = fc == '.';
    ln->final = fc;
    if (dateline(a, lang, ln, &ln->date))
        return K_DATELINE;
    size_t m = bn_phrases_match(lang->page_cues, a->text.s, &a->tokens, ln->tok_begin, ln->tok_end, &payload);
    if (m > 0) {
        if (payload == BN_CUE_BREADCRUMB)
            return K_FURNITURE;
        if (payload == BN_CUE_WIDGET && ntok <= 12 && !ln->sentence_end)
            return K_FURNITURE; /* "Theo dõi Báo X trên Google News" */
        if (payload == BN_CUE_LIST_HEADING && m == ntok)
            return K_HEADING;
        if (payload == BN_CUE_END && (ntok <= 6 || has(t, tl, "://")))
            return K_END;
    }
    if (ntok <= 6 && t[tl - 1] == ')' && cue_suffix(a, lang, ln, BN_CUE_END_SUFFIX))
        return K_END; /* "Q.C (tổng hợp)", not a caption "Ảnh: X - CNN tổng hợp" */
    ln->caption = credit(a, lang, ln);
    if (!ln->alone && (ln->full_stop || ln->caption || ln->before_credit) && names_only(a, lang, ln))
        return K_FURNITURE; /* a photo caption inside a crawled line that says nothing (on a line
                             * of its own, a caption keeps its place: readers count it as body) */
    /* a question or an exclamation is often a headline; a full stop ends a
     * sentence, however short */
    if (ntok >= 20 || (ntok >= 8 && ln->sentence_end) || (ntok >= 4 && ln->full_stop))
        return K_PROSE;
    if (ntok >= 2 && ntok <= 4 && !ln->sentence_end) {
        int names = 1;
        for (size_t i = ln->tok_begin; i < ln->tok_end; i++)
            names &= (a->tokens.v[i].flags & BN_TOK_UPPER) && !(a->tokens.v[i].flags & BN_TOK_DIGIT);
        for (size_t i = 0; i < tl && names; i++)
            names = !(t[i] == ',' || t[i] == ':' || t[i] == '"' || t[i] == '?');
        if (names)
            return K_AUTHOR;
    }
    return K_SHORT;
}

/* Whether line x begins with the text of line y, an ellipsis at y's end
 * left out (a trail cuts a long title: "Tổng thư ký NATO tự tin…"). */
static int starts_like(const bn_article *a, const line *x, const line *y)
{
    const char *s = a->text.s;
    uint32_t ye = y->end;
    while (ye > y->start && (s[ye - 1] == '.' || s[ye - 1] == ' '))
        ye--;
    if (ye >= y->start + 3 && (unsigned char)s[ye - 1] == 0xA6 && (unsigned char)s[ye - 2] == 0x80 &&
        (unsigned char)s[ye - 3] == 0xE2)
        ye -= 3;
    uint32_t n = ye - y->start;
    return n >= 10 && x->end - x->start >= n && memcmp(s + x->start, s + y->start, n) == 0;
}

static int same_text(const bn_article *a, const line *x, const line *y)
{
    return x->end - x->start == y->end - y->start &&
           memcmp(a->text.s + x->start, a->text.s + y->start, x->end - x->start) == 0;
}

/* Whether the clean-text line [start, end) is to be kept whole: a
 * headline printed twice ("A A"), or the title the record gives
 * (title_len: its length). */
static int keep_whole(const bn_article *a, size_t title_len, uint32_t start, uint32_t end)
{
    const char *t = a->text.s + start;
    size_t tl = end - start;
    return printed_twice(t, tl) || (a->title && title_len == tl && memcmp(a->title, t, tl) == 0);
}

/* Splits the clean text into trimmed non-blank lines, and each line into
 * pieces (bn_pieces.h): the units classified below. */
static line *split_lines(bn_article *a, const bn_lang *lang, size_t *count)
{
    size_t title_len = a->title ? strlen(a->title) : 0;
    const char *s = a->text.s;
    size_t len = a->text.len, cap = 0, n = 0, pos = 0, pcap = 0, pn = 0, tok = 0; /* (tok: the last piece's end) */
    line *v = NULL;
    bn_piece *pieces = NULL;
    uint32_t row = 0;
    while (pos < len) {
        const char *e = memchr(s + pos, '\n', len - pos);
        size_t nl = e ? (size_t)(e - s) : len;
        uint32_t start = (uint32_t)pos, end = (uint32_t)nl;
        pos = nl + 1;
        while (start < end && is_blank(s[start]))
            start++;
        while (end > start && is_blank(s[end - 1]))
            end--;
        if (start == end)
            continue;
        pn = 0;
        if (keep_whole(a, title_len, start, end)) {
            bn_piece *p = bn_arena_grow(&a->arena, pieces, &pcap, 1, sizeof *p);
            if (!p)
                return NULL;
            pieces = p;
            pieces[pn++] = (bn_piece){start, end, BN_PIECE_TEXT, 0, bn_tokens_at_hint(&a->tokens, tok, start),
                                      bn_tokens_at(&a->tokens, end)};
        } else if (bn_line_pieces(a, lang, start, end, tok, &pieces, &pcap, &pn) != BN_OK) {
            return NULL;
        }
        line *nv = bn_arena_grow(&a->arena, v, &cap, n + pn, sizeof *v);
        if (!nv)
            return NULL;
        v = nv;
        for (size_t k = 0; k < pn; k++) {
            line ln = {.start = pieces[k].start, .end = pieces[k].end, .tok_begin = pieces[k].tok_begin,
                       .tok_end = pieces[k].tok_end, .kind = K_SHORT, .label = L_DROP, .row = row,
                       .piece = pieces[k].kind, .before_credit = pieces[k].before_credit, .alone = pn == 1};
            tok = ln.tok_end;
            v[n++] = ln;
        }
        row++;
    }
    *count = n;
    return v ? v : bn_arena_alloc(&a->arena, sizeof *v);
}

/* A paragraph beyond doubt: long running text ending with a full stop. */
static int strong(const line *ln)
{
    return ln->kind == K_PROSE && ln->full_stop && !ln->row_teaser && ln->tok_end - ln->tok_begin >= 15;
}

/* The zones of a page, in order. */
enum zone { Z_HEADER, Z_BODY, Z_AFTER };

static void label_lines(bn_article *a, line *v, size_t n, const char *given_title)
{
    size_t title_len = given_title ? strlen(given_title) : 0;
    enum zone zone = Z_HEADER;
    int in_list = 0, teaser_next = 0, have_title = 0;
    line *trail_title = NULL; /* a title cut out of a navigation trail */
    size_t prose = 0; /* body paragraphs so far */
    for (size_t i = 0; i < n; i++) {
        line *ln = &v[i];
        ln->label = L_DROP;
        if (i + 1 < n && same_text(a, ln, &v[i + 1])) {
            if (v[i + 1].row == ln->row)
                v[i + 1].kind = K_FURNITURE; /* a caption printed twice inside a crawled line: one copy */
            else
                ln->dup_next = 1;
        }
        switch (ln->kind) {
        case K_FURNITURE:
            continue;
        case K_TRAIL:
            /* the title glued to the trail, unless it is printed again */
            if (zone == Z_HEADER && !have_title && !given_title) {
                have_title = 1;
                trail_title = ln;
                ln->start = ln->rest;
                ln->label = L_TITLE;
            }
            continue;
        case K_DATELINE:
            /* only a date line near the title dates the page: the time
             * stamps of lists are other articles' */
            if (a->dct_source < BN_DCT_PAGE && zone == Z_HEADER) {
                a->dct = ln->date;
                a->dct_source = BN_DCT_PAGE;
            }
            continue;
        case K_HEADING:
            in_list = 1;
            continue;
        case K_END:
            if (zone == Z_BODY && prose > 0)
                zone = Z_AFTER;
            continue;
        case K_AUTHOR:
            if (zone == Z_BODY && prose >= 2)
                zone = Z_AFTER;
            if (zone == Z_HEADER && !have_title && !given_title)
                break; /* a short title */
            continue;
        default:
            break;
        }
        if (zone == Z_AFTER) {
            /* two long paragraphs in a row: the end marker was not the end
             * (teasers of other articles come one at a time) */
            if (!(strong(ln) && i + 1 < n && strong(&v[i + 1])))
                continue;
            zone = Z_BODY;
            in_list = 0;
        }
        /* the title: the record's, else the first headline of the page (a
         * sentence with its full stop is the body already; a question is a
         * fine headline) */
        int is_title = given_title ? ln->end - ln->start == title_len &&
                                         memcmp(a->text.s + ln->start, given_title, title_len) == 0
                                   : !ln->full_stop && ln->tok_end - ln->tok_begin <= 40;
        if (trail_title && zone == Z_HEADER && starts_like(a, ln, trail_title)) {
            /* the title printed on its own line too: that line is the title */
            trail_title->label = L_DROP;
            trail_title = NULL;
            ln->label = L_TITLE;
            if (ln->dup_next)
                i++;
            continue;
        }
        if (!have_title && zone == Z_HEADER && is_title) {
            have_title = 1;
            ln->label = L_TITLE;
            if (ln->dup_next)
                i++;
            in_list = 0;
            continue;
        }
        if (ln->dup_next) {
            /* a headline printed twice, then its teaser: another article */
            i++;
            teaser_next = 1;
            continue;
        }
        if (teaser_next) {
            teaser_next = 0;
            if (ln->kind == K_PROSE || ln->kind == K_SHORT)
                continue;
        }
        if (zone == Z_HEADER) {
            if (ln->kind != K_PROSE)
                continue; /* metadata: byline, category, sapo label */
            zone = Z_BODY;
        }
        if (in_list) {
            /* a paragraph ends the list; a headline, even a long question,
             * does not */
            if (ln->kind != K_PROSE || !ln->full_stop || ln->row_teaser)
                continue;
            in_list = 0;
        }
        ln->label = L_BODY;
        prose += ln->kind == K_PROSE;
    }

    /* context: the body ends with its last paragraph (a headline ends with
     * no full stop); a short line is body only between body lines (a
     * caption, a subheading); running text alone among boilerplate is a
     * teaser */
    size_t last_prose = n, last_any = n;
    for (size_t i = 0; i < n; i++) {
        if (v[i].label == L_BODY && v[i].kind == K_PROSE && v[i].full_stop)
            last_prose = i;
        if (v[i].label == L_BODY && v[i].kind == K_PROSE)
            last_any = i;
    }
    if (last_prose == n)
        last_prose = last_any; /* no full stop anywhere: a page of questions */
    for (size_t i = 0; i < n; i++) {
        line *ln = &v[i];
        if (ln->label != L_BODY)
            continue;
        if (last_prose == n || (i > last_prose && !(ln->row == v[last_prose].row && (ln->final == '.' ||
                                                                                      ln->final == '!' || ln->final == '?')))) {
            /* after the last paragraph, but for the last sentences of its
             * own line: a byline glued to the body ends it */
            ln->label = L_DROP;
            continue;
        }
        int prev_body = i > 0 && v[i - 1].label != L_DROP;
        int next_body = i + 1 < n && v[i + 1].label != L_DROP;
        if (ln->kind == K_SHORT && !prev_body && !next_body && !ln->caption)
            ln->label = L_DROP; /* a caption keeps its place between a picture and a widget */
        else if (ln->kind == K_PROSE && !prev_body && !next_body && n > 1 &&
                 (!ln->full_stop || (i > 0 && v[i - 1].kind == K_SHORT))) {
            ln->label = L_DROP; /* (a record whose text is one sentence is that sentence) */
            ln->lone = 1;
        }
    }
    /* a teaser of another article stands beside a body: when none is
     * left, the lone sentences with their full stop were the article
     * ("Tin ngắn\n\nMột câu."; not a headline asking a question) */
    int body = 0;
    for (size_t i = 0; i < n && !body; i++)
        body = v[i].label == L_BODY;
    for (size_t i = 0; i < n && !body; i++)
        if (v[i].lone && v[i].full_stop)
            v[i].label = L_BODY;
}

bn_status bn_page_layout(bn_article *a, const bn_lang *lang)
{
    size_t n = 0, cap = 0, ccap = 0;
    line *v = split_lines(a, lang, &n);
    if (!v)
        return BN_ERR_NOMEM;
    int may_image = has_image(a->text.s, a->text.len);
    for (size_t i = 0; i < n; i++)
        v[i].kind = v[i].piece == BN_PIECE_TEXT ? classify(a, lang, &v[i], may_image)
                    : v[i].piece == BN_PIECE_END ? K_END
                                                 : K_FURNITURE;
    for (size_t i = n; i-- > 0;)
        v[i].row_teaser = i + 1 < n && v[i + 1].row == v[i].row ? v[i + 1].row_teaser : v[i].final == 'E';
    label_lines(a, v, n, a->title);
    for (size_t i = 0; i < n; i++) {
        if (v[i].label == L_DROP)
            continue;
        /* body pieces next to each other on one line make one span */
        uint32_t start = v[i].start, end = v[i].end;
        while (v[i].label == L_BODY && i + 1 < n && v[i + 1].label == L_BODY && v[i + 1].row == v[i].row)
            end = v[++i].end;
        bn_span *nb = bn_arena_grow(&a->arena, a->body, &cap, a->nbody + 1, sizeof *nb);
        if (!nb)
            return BN_ERR_NOMEM;
        a->body = nb;
        a->body[a->nbody].start = start;
        a->body[a->nbody].end = end;
        a->nbody++;
        /* (a photo's credit, "Ảnh:AP", not a "Video:" link to another page) */
        if (v[i].label == L_BODY && v[i].before_credit && i + 1 < n &&
            bn_credit_at(a, lang, v[i + 1].tok_begin, v[i + 1].tok_end)) {
            uint32_t *cc = bn_arena_grow(&a->arena, a->credit_cuts, &ccap, a->ncredit_cuts + 1, sizeof *cc);
            if (!cc)
                return BN_ERR_NOMEM;
            a->credit_cuts = cc;
            a->credit_cuts[a->ncredit_cuts++] = end;
        }
        if (v[i].label == L_TITLE) {
            a->title_span.start = v[i].start;
            a->title_span.end = v[i].end;
        }
    }
    return BN_OK;
}

int bn_url_date(const char *url, bn_date *out)
{
    if (!url)
        return 0;
    size_t n = strlen(url);
    for (size_t i = 0; i < n; i++) {
        if (url[i] < '0' || url[i] > '9' || (i > 0 && url[i - 1] >= '0' && url[i - 1] <= '9'))
            continue;
        size_t j = i;
        while (j < n && url[j] >= '0' && url[j] <= '9')
            j++;
        int y, m, d;
        if (j - i >= 8 && (url[i] == '1' || url[i] == '2') && j - i <= 17) {
            /* YYYYMMDD, possibly followed by a time: -20220110093512345 */
            y = (url[i] - '0') * 1000 + (url[i + 1] - '0') * 100 + (url[i + 2] - '0') * 10 + (url[i + 3] - '0');
            m = (url[i + 4] - '0') * 10 + (url[i + 5] - '0');
            d = (url[i + 6] - '0') * 10 + (url[i + 7] - '0');
            if (valid_ymd(y, m, d, out))
                return 1;
        }
        if (j - i == 4 && j < n && (url[j] == '/' || url[j] == '-')) {
            /* /YYYY/MM/DD/ or YYYY-MM-DD */
            char sep = url[j];
            y = atoi(url + i);
            char *e;
            m = (int)strtol(url + j + 1, &e, 10);
            if (e > url + j + 1 && e - (url + j + 1) <= 2 && *e == sep) {
                char *e2;
                d = (int)strtol(e + 1, &e2, 10);
                if (e2 > e + 1 && e2 - (e + 1) <= 2 && (*e2 < '0' || *e2 > '9') && valid_ymd(y, m, d, out))
                    return 1;
            }
        }
        i = j;
    }
    return 0;
}
