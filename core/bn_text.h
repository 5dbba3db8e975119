/* Text at the edge: UTF-8 validation, cleaning to NFC with a byte map back
 * to the original, folding keys for matching, and word tokens.
 *
 * Inside biennien text is valid NFC UTF-8.  Every clean byte keeps the byte
 * offset of the original byte it came from, so spans found on clean text are
 * reported on the original. */
#ifndef BN_TEXT_H
#define BN_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "bn_arena.h"
#include "bn_error.h"

typedef struct bn_text {
    const char *s;          /* clean text, NUL-terminated */
    size_t len;
    const uint32_t *orig;   /* orig[i]: offset in the original of clean byte i; orig[len] = original length */
    size_t replaced;        /* invalid sequences replaced by U+FFFD (lenient mode) */
    const uint32_t *glued;  /* spaces inserted between glued words (bn_glue.h), ascending */
    size_t nglued;
} bn_text;

/* Offset of the first byte of the first ill-formed UTF-8 sequence, or
 * (size_t)-1 when `s` is valid. */
size_t bn_utf8_check(const char *s, size_t len);

/* ICU's U8_NEXT(p, *i, n, c) as a function: the code point at p[*i]
 * (*i < n), or a negative value for an ill-formed sequence, and *i moved
 * past what it read. */
int32_t bn_u8_next_icu(const uint8_t *p, int32_t *i, int32_t n);

/* The same, with the forms of two and three bytes whose lead byte needs
 * no more than continuation bytes to be well formed (C2..DF; E1..EC,
 * EE, EF) read here, and the rest by ICU. */
static inline int32_t bn_u8_next(const uint8_t *p, int32_t *i, int32_t n)
{
    int32_t k = *i;
    uint8_t b = p[k];
    if (b < 0x80) {
        *i = k + 1;
        return b;
    }
    if (b >= 0xC2 && b <= 0xDF && k + 1 < n && (p[k + 1] & 0xC0) == 0x80) {
        *i = k + 2;
        return (int32_t)(b & 0x1F) << 6 | (p[k + 1] & 0x3F);
    }
    if (b >= 0xE1 && b <= 0xEF && b != 0xED && k + 2 < n && (p[k + 1] & 0xC0) == 0x80 &&
        (p[k + 2] & 0xC0) == 0x80) {
        *i = k + 3;
        return (int32_t)(b & 0x0F) << 12 | (int32_t)(p[k + 1] & 0x3F) << 6 | (p[k + 2] & 0x3F);
    }
    return bn_u8_next_icu(p, i, n);
}

/* Cleans `raw` into `out` (memory from `arena`): BOM and zero-width
 * characters dropped, CRLF and CR to LF, NBSP and other spaces to ' ',
 * control characters to ' ', NFC.  Invalid UTF-8 fails with BN_ERR_UTF8 and
 * *bad_offset set, unless `lenient`, which writes U+FFFD instead.  raw[len]
 * is read (a NUL there makes the cleaning quicker). */
bn_status bn_text_clean(bn_arena *arena, const char *raw, size_t len, int lenient,
                        bn_text *out, size_t *bad_offset);

/* bn_text_clean without its fast path for runs of plain text (every code
 * point through the segment logic): the same result, for tests. */
bn_status bn_text_clean_by_segment(bn_arena *arena, const char *raw, size_t len, int lenient,
                                   bn_text *out, size_t *bad_offset);

/* Maps a clean span [start, end) to the original text. */
static inline void bn_text_orig_span(const bn_text *t, size_t start, size_t end,
                                     uint32_t *offset, uint32_t *length)
{
    *offset = t->orig[start];
    *length = t->orig[end] - t->orig[start];
}

typedef enum bn_fold_mode {
    /* Case folded; diacritics kept, the tone mark moved to the end of the
     * syllable, so "hoà" and "hòa", "Thuỵ" and "Thụy" give one key. */
    BN_FOLD_TONE,
    /* Case folded, every diacritic removed and "đ" mapped to "d". */
    BN_FOLD_ASCII,
} bn_fold_mode;

/* Folds one word (no spaces expected, but any text works) into `out`
 * (NUL-terminated, truncated to `cap`).  Returns the key's length. */
size_t bn_fold_word(const char *s, size_t len, bn_fold_mode mode, char *out, size_t cap);

/* Folds a whole string word by word, single spaces between words;
 * punctuation dropped.  Returns a string from `arena`. */
char *bn_fold_string(bn_arena *arena, const char *s, size_t len, bn_fold_mode mode);

/* The id of a name the knowledge base does not know: folded to ASCII,
 * anything but letters and digits to a single '-' ("Anušauskas" ->
 * "anusauskas", "O'Brien" -> "o-brien").  From `arena`; NULL when out of
 * memory. */
char *bn_name_id(bn_arena *arena, const char *s, size_t len);

enum {
    BN_TOK_UPPER = 1,  /* first letter is upper case */
    BN_TOK_DIGIT = 2,  /* all digits */
};

typedef struct bn_token {
    uint32_t start, end;   /* clean-text byte span */
    uint32_t key;          /* offset of the BN_FOLD_TONE key in the key buffer */
    uint16_t key_len;
    uint8_t flags;
    uint32_t hash;         /* bn_hash of the key */
} bn_token;

typedef struct bn_tokens {
    bn_token *v;
    size_t n;
    const char *keys;  /* key buffer; keys are NUL-terminated */
} bn_tokens;

/* Splits clean text into words (letters, digits and marks) and folds each
 * once. */
bn_status bn_tokenize(bn_arena *arena, const char *s, size_t len, bn_tokens *out);

/* The class of a code point for cutting glued words (bn_glue.h): 0 when it
 * is no part of a word; else BN_CP_WORD, its case or digit in the bits of
 * BN_CP_CASE (BN_CP_LOWER, BN_CP_UPPER, BN_CP_DIGIT, BN_CP_OTHER), and
 * BN_CP_VOWEL for an ASCII vowel (a, e, i, o, u, y) or BN_CP_MARKED_VOWEL
 * for a vowel with Vietnamese marks only ("ơ", "ặ"; not "ç", "ö"). */
enum { BN_CP_LOWER, BN_CP_UPPER, BN_CP_DIGIT, BN_CP_OTHER };
enum { BN_CP_CASE = 3, BN_CP_VOWEL = 4, BN_CP_MARKED_VOWEL = 8, BN_CP_WORD = 16 };
uint8_t bn_cp_class(int32_t c);

/* What bn_tokenize_shaped tells of a token: the tests bn_glue makes of a
 * word before it looks at its letters one by one, made in the same pass
 * as the tokens. */
enum {
    /* 3 to BN_SHAPE_MAX code points and one of: a small letter and a
     * capital after the first code point (as a capital right after a small
     * letter needs), a digit and a letter (as a letter right after a digit
     * or a digit right after a letter needs), a small "đ" after the first
     * code point (as one from the third on needs), or (4 code points or
     * more) two groups of vowels and two vowels with Vietnamese marks.
     * bn_glue looks closer. */
    BN_SHAPE_SPLIT = 1,
    /* at most BN_SHAPE_MAX code points, the last a small letter or a
     * digit, and followed by something else than a space or a comma */
    BN_SHAPE_STOP = 2,
    BN_SHAPE_MAX = 48,
};

/* bn_tokenize, and a shape (BN_SHAPE_ bits) for each token in *shapes
 * (from `arena`).  s[len] is read: the text is a bn_text's, NUL-ended. */
bn_status bn_tokenize_shaped(bn_arena *arena, const char *s, size_t len, bn_tokens *out, uint8_t **shapes);

/* bn_fold_string(arena, s, len, BN_FOLD_TONE) made from the tokens of s
 * (bn_tokenize's): their keys joined by spaces, or s folded again when a
 * word is too long for its key to be whole. */
char *bn_tokens_key(bn_arena *arena, const char *s, size_t len, const bn_tokens *t);

/* The tokens of x's text, a space and y's text (bn_tokenize's of each;
 * shift: the length of x's text and the space), made from theirs: the
 * words of each, y's moved by shift, keys and all. */
bn_status bn_tokens_join(bn_arena *arena, const bn_tokens *x, const bn_tokens *y, uint32_t shift, bn_tokens *out);

/* Index of the first token whose start is >= offset (n if none). */
size_t bn_tokens_at(const bn_tokens *t, size_t offset);

/* bn_tokens_at(t, offset), answered at once when it is `hint` (as the end
 * of the line or sentence before often is the start of the next). */
static inline size_t bn_tokens_at_hint(const bn_tokens *t, size_t hint, size_t offset)
{
    if (hint <= t->n && (hint == t->n || t->v[hint].start >= offset) && (hint == 0 || t->v[hint - 1].start < offset))
        return hint;
    return bn_tokens_at(t, offset);
}

/* FNV-1a, 32 bits. */
static inline uint32_t bn_hash(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

/* bn_hash of a NUL-terminated string, in one pass (no strlen first). */
static inline uint32_t bn_hash_str(const char *s)
{
    uint32_t h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        h = (h ^ *p) * 16777619u;
    return h;
}

/* FNV-1a, 64 bits (several bytes a turn: whole texts go through it). */
static inline uint64_t bn_hash64(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    uint64_t h = 14695981039346656037ull;
    size_t i = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* eight bytes a turn, each XORed into the low byte of h alone (all a
     * byte changes): one instruction with its load, where h ^ p[i] takes
     * two (the text hash 21.5 M -> 15.2 M instructions on the slice) */
    for (; i + 8 <= len; i += 8)
        for (int k = 0; k < 8; k++) {
            union {
                uint64_t u;
                uint8_t b[8];
            } x = {h};
            x.b[0] ^= p[i + k];
            h = x.u * 1099511628211ull;
        }
#endif
    for (; i + 4 <= len; i += 4) {
        h = (h ^ p[i]) * 1099511628211ull;
        h = (h ^ p[i + 1]) * 1099511628211ull;
        h = (h ^ p[i + 2]) * 1099511628211ull;
        h = (h ^ p[i + 3]) * 1099511628211ull;
    }
    for (; i < len; i++)
        h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

/* Punctuation around a sentence's end in s[i..end): the length in bytes
 * of a closing quote or bracket (" ' ) ] ” ’ ») at i, or 0; of a final
 * mark (. ! ? …), or 0; and the position after a run of closers. */
static inline size_t bn_closer_len(const char *s, size_t i, size_t end)
{
    const unsigned char *u = (const unsigned char *)s;
    if (i < end && (s[i] == '"' || s[i] == '\'' || s[i] == ')' || s[i] == ']'))
        return 1;
    if (i + 3 <= end && u[i] == 0xE2 && u[i + 1] == 0x80 && (u[i + 2] == 0x9D || u[i + 2] == 0x99))
        return 3; /* ” ’ */
    if (i + 2 <= end && u[i] == 0xC2 && u[i + 1] == 0xBB)
        return 2; /* » */
    return 0;
}

static inline size_t bn_final_punct_len(const char *s, size_t i, size_t end)
{
    const unsigned char *u = (const unsigned char *)s;
    if (i < end && (s[i] == '.' || s[i] == '!' || s[i] == '?'))
        return 1;
    if (i + 3 <= end && u[i] == 0xE2 && u[i + 1] == 0x80 && u[i + 2] == 0xA6)
        return 3; /* … */
    return 0;
}

/* Whether s[i..end) may open with closers and final punctuation: when
 * it does not, bn_final_punct_len(s, bn_skip_closers(s, i, end), end) is
 * 0 (its first byte starts neither). */
/* 0xFF for a byte that may start the end of a sentence: . ! ? " ' ) ]
 * and the lead bytes of … ” ’ (E2) and » (C2); else 0 (a mask: no
 * branch on the byte). */
static const uint8_t bn_may_end_sentence_mask[256] = {
    ['.'] = 0xFF, ['!'] = 0xFF, ['?'] = 0xFF, ['"'] = 0xFF, ['\''] = 0xFF, [')'] = 0xFF, [']'] = 0xFF,
    [0xE2] = 0xFF, [0xC2] = 0xFF,
};

static inline int bn_may_end_sentence(const char *s, size_t i, size_t end)
{
    return i < end && bn_may_end_sentence_mask[(unsigned char)s[i]];
}

static inline size_t bn_skip_closers(const char *s, size_t i, size_t end)
{
    size_t n;
    while ((n = bn_closer_len(s, i, end)))
        i += n;
    return i;
}

/* 1 for an opening curly quote “ at p, 2 for a closing one ”, 0 for
 * anything else (e: where the text ends). */
static inline int bn_curly_quote(const char *p, const char *e)
{
    if (e - p < 3 || (unsigned char)p[0] != 0xE2 || (unsigned char)p[1] != 0x80)
        return 0;
    return (unsigned char)p[2] == 0x9C ? 1 : (unsigned char)p[2] == 0x9D ? 2 : 0;
}

/* Whether the code point starting at s[i] is upper case (decodes UTF-8). */
int bn_is_upper_at(const char *s, size_t len, size_t i);

/* What bytes that are not UTF-8 most likely are, for the message that
 * refuses them: "UTF-16LE", "UTF-16BE" (a byte-order mark, or a NUL every
 * other byte), "VISCII", "Windows-1258", "TCVN3" (the legacy Vietnamese
 * encodings, told apart by the bytes only each uses), or NULL when the text
 * is mostly UTF-8 with a few bad bytes or nothing fits.  The name is also
 * the one iconv takes, but for TCVN3 ("TCVN"). */
const char *bn_guess_encoding(const char *s, size_t len);

/* Replaces each invalid UTF-8 sequence by U+FFFD; returns a malloc'd,
 * NUL-terminated copy (NULL when out of memory). */
char *bn_utf8_repair(const char *s, size_t len, size_t *out_len);

/* a, the byte sep and b into out (cap bytes), cut as snprintf(out, cap,
 * "%s<sep>%s", a, b) cuts them (sep not NUL). */
void bn_str_join(char *out, size_t cap, const char *a, char sep, const char *b);

#endif
