/* Text at the edge: UTF-8 validation, cleaning to NFC with the byte map back
 * to the original, folding keys and word tokens. */
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "bn_arena.h"
#include "bn_array.h"
#include "bn_error.h"
#include "bn_text.h"

#define NOT_FOUND ((size_t)-1)

/* ---- bn_utf8_check ---------------------------------------------------- */

static void utf8_valid(void **state)
{
    (void)state;
    const char *vi = "Việt Nam – Liên bang Nga, Thụy Điển 😀";
    assert_int_equal(bn_utf8_check(vi, strlen(vi)), NOT_FOUND);
    assert_int_equal(bn_utf8_check("", 0), NOT_FOUND);
    assert_int_equal(bn_utf8_check("plain ascii", 11), NOT_FOUND);
    /* the length bounds the check: an invalid byte past it is not seen */
    assert_int_equal(bn_utf8_check("abc\xFF", 3), NOT_FOUND);
}

static void utf8_lone_ff(void **state)
{
    (void)state;
    static const char s[] = "abc\xFF" "def";
    assert_int_equal(bn_utf8_check(s, sizeof s - 1), 3);
}

static void utf8_truncated(void **state)
{
    (void)state;
    /* the first two bytes of "ộ" (E1 BB 99), at the end and mid-text */
    static const char end[] = "ab\xE1\xBB";
    static const char mid[] = "ab\xE1\xBB" "cd";
    assert_int_equal(bn_utf8_check(end, sizeof end - 1), 2);
    assert_int_equal(bn_utf8_check(mid, sizeof mid - 1), 2);
    /* a continuation byte with no lead */
    static const char cont[] = "x\x80";
    assert_int_equal(bn_utf8_check(cont, sizeof cont - 1), 1);
}

static void utf8_overlong(void **state)
{
    (void)state;
    /* '/' written in two bytes */
    static const char s[] = "a\xC0\xAF" "b";
    assert_int_equal(bn_utf8_check(s, sizeof s - 1), 1);
}

static void utf8_surrogate(void **state)
{
    (void)state;
    /* U+D800 encoded as UTF-8 */
    static const char s[] = "xy\xED\xA0\x80" "z";
    assert_int_equal(bn_utf8_check(s, sizeof s - 1), 2);
    /* above U+10FFFF */
    static const char big[] = "\xF4\x90\x80\x80";
    assert_int_equal(bn_utf8_check(big, sizeof big - 1), 0);
}

/* ---- bn_text_clean ---------------------------------------------------- */

static void clean_newlines_spaces_dropped(void **state)
{
    (void)state;
    /* offsets: BOM 0-2, a 3, CR 4, LF 5, b 6, CR 7, c 8, NBSP 9-10, d 11,
     * ZWSP 12-14, e 15, ZWJ 16-18, f 19; length 20.  CRLF becomes one LF at
     * the CR's offset. */
    static const char raw[] = "\xEF\xBB\xBF" "a\r\nb\rc\xC2\xA0" "d\xE2\x80\x8B" "e\xE2\x80\x8D" "f";
    assert_int_equal(sizeof raw - 1, 20);
    bn_arena ar;
    bn_arena_init(&ar, 1024);
    bn_text t;
    size_t bad = 12345;
    assert_int_equal(bn_text_clean(&ar, raw, sizeof raw - 1, 0, &t, &bad), BN_OK);
    assert_string_equal(t.s, "a\nb\nc def");
    assert_int_equal(t.len, 9);
    assert_int_equal(t.replaced, 0);
    static const uint32_t want[] = {3, 4, 6, 7, 8, 9, 11, 15, 19, 20};
    for (size_t i = 0; i <= t.len; i++)
        assert_int_equal(t.orig[i], want[i]);
    /* explicitly: the LF of CRLF, the NBSP and the letter after the ZWJ */
    assert_int_equal(t.orig[1], 4);
    assert_int_equal(t.orig[3], 7); /* lone CR */
    assert_int_equal(t.orig[5], 9);
    assert_int_equal(t.orig[8], 19);
    assert_int_equal(t.orig[t.len], sizeof raw - 1);

    uint32_t off, len;
    /* "def" in the clean text is "d" .. "f" with the dropped characters */
    bn_text_orig_span(&t, 6, 9, &off, &len);
    assert_int_equal(off, 11);
    assert_int_equal(len, 9);
    bn_arena_destroy(&ar);
}

static void clean_tabs_and_controls(void **state)
{
    (void)state;
    static const char raw[] = "a\tb\x01" "c\r\n\r\nd";
    bn_arena ar;
    bn_arena_init(&ar, 1024);
    bn_text t;
    assert_int_equal(bn_text_clean(&ar, raw, sizeof raw - 1, 0, &t, NULL), BN_OK);
    assert_string_equal(t.s, "a b c\n\nd");
    assert_int_equal(t.len, 8);
    assert_int_equal(t.orig[5], 5);  /* first CRLF */
    assert_int_equal(t.orig[6], 7);  /* second CRLF */
    assert_int_equal(t.orig[7], 9);  /* d */
    assert_int_equal(t.orig[8], 10);
    bn_arena_destroy(&ar);
}

static void clean_nfd_to_nfc(void **state)
{
    (void)state;
    bn_arena ar;
    bn_arena_init(&ar, 1024);
    bn_text t;

    /* "hòa" as o + U+0300 + a */
    static const char hoa[] = "ho\xCC\x80" "a";
    assert_int_equal(bn_text_clean(&ar, hoa, sizeof hoa - 1, 0, &t, NULL), BN_OK);
    assert_string_equal(t.s, "hòa");
    assert_string_equal(t.s, "h\xC3\xB2" "a");
    assert_int_equal(t.len, 4);
    assert_int_equal(t.orig[0], 0);
    assert_int_equal(t.orig[1], 1); /* both bytes of ò come from the o */
    assert_int_equal(t.orig[2], 1);
    assert_int_equal(t.orig[3], 4); /* a */
    assert_int_equal(t.orig[4], 5);

    /* "Việt" fully decomposed: e + dot below + circumflex */
    static const char viet[] = "Vie\xCC\xA3\xCC\x82t Nam";
    assert_int_equal(bn_text_clean(&ar, viet, sizeof viet - 1, 0, &t, NULL), BN_OK);
    assert_string_equal(t.s, "Việt Nam");
    assert_string_equal(t.s, "Vi\xE1\xBB\x87t Nam");
    assert_int_equal(t.orig[2], 2);
    assert_int_equal(t.orig[4], 2);
    assert_int_equal(t.orig[5], 7); /* t */
    assert_int_equal(t.orig[t.len], sizeof viet - 1);

    /* marks in non-canonical order compose to the same letter */
    static const char viet2[] = "Vie\xCC\x82\xCC\xA3t";
    assert_int_equal(bn_text_clean(&ar, viet2, sizeof viet2 - 1, 0, &t, NULL), BN_OK);
    assert_string_equal(t.s, "Việt");

    /* e + circumflex then precomposed text: only the first part changes */
    static const char mixed[] = "e\xCC\x82 ệ";
    assert_int_equal(bn_text_clean(&ar, mixed, sizeof mixed - 1, 0, &t, NULL), BN_OK);
    assert_string_equal(t.s, "ê ệ");

    /* a letter beyond ASCII with a mark after it composes with the mark
     * (ê + acute, ư + grave, â + dot below, a Cyrillic letter + breve),
     * one before a letter of U+1E80..U+1EFF or ASCII stays as it is */
    static const char marked[] = "\xC3\xAA\xCC\x81 \xC6\xB0\xCC\x80 \xC3\xA2\xCC\xA3 \xD0\xB8\xCC\x86 \xC6\xB0\xE1\xBB\x9Di \xC3\xAAn";
    assert_int_equal(bn_text_clean(&ar, marked, sizeof marked - 1, 0, &t, NULL), BN_OK);
    assert_string_equal(t.s, "ế ừ ậ й ười ên");
    assert_int_equal(t.orig[0], 0); /* ế: its three bytes from the ê */
    assert_int_equal(t.orig[2], 0);
    assert_int_equal(t.orig[3], 4);

    /* already NFC text comes out byte for byte; every byte of a character
     * maps to the character's first byte */
    const char *nfc = "Thụy Điển và Liên bang Nga";
    assert_int_equal(bn_text_clean(&ar, nfc, strlen(nfc), 0, &t, NULL), BN_OK);
    assert_string_equal(t.s, nfc);
    size_t lead = 0;
    for (size_t i = 0; i < t.len; i++) {
        if (((unsigned char)nfc[i] & 0xC0) != 0x80)
            lead = i;
        assert_int_equal(t.orig[i], lead);
    }
    assert_int_equal(t.orig[t.len], strlen(nfc));
    assert_int_equal(t.orig[3], 2); /* last byte of "ụ" */
    assert_int_equal(t.orig[5], 5); /* space after "Thụy" */
    bn_arena_destroy(&ar);
}

static void clean_invalid_strict(void **state)
{
    (void)state;
    static const char raw[] = "ab\xFF" "cd";
    bn_arena ar;
    bn_arena_init(&ar, 1024);
    bn_text t;
    size_t bad = 0;
    assert_int_equal(bn_text_clean(&ar, raw, sizeof raw - 1, 0, &t, &bad), BN_ERR_UTF8);
    assert_int_equal(bad, 2);

    static const char trunc[] = "Vi\xE1\xBB";
    bad = 0;
    assert_int_equal(bn_text_clean(&ar, trunc, sizeof trunc - 1, 0, &t, &bad), BN_ERR_UTF8);
    assert_int_equal(bad, 2);
    bn_arena_destroy(&ar);
}

static void clean_invalid_lenient(void **state)
{
    (void)state;
    static const char raw[] = "ab\xFF" "cd";
    bn_arena ar;
    bn_arena_init(&ar, 1024);
    bn_text t;
    size_t bad = 777;
    assert_int_equal(bn_text_clean(&ar, raw, sizeof raw - 1, 1, &t, &bad), BN_OK);
    assert_string_equal(t.s, "ab\xEF\xBF\xBD" "cd");
    assert_int_equal(t.len, 7);
    assert_int_equal(t.replaced, 1);
    assert_int_equal(t.orig[2], 2);
    assert_int_equal(t.orig[4], 2);
    assert_int_equal(t.orig[5], 3);
    assert_int_equal(t.orig[7], 5);

    static const char two[] = "\xC0\xAF" "x\xED\xA0\x80";
    assert_int_equal(bn_text_clean(&ar, two, sizeof two - 1, 1, &t, &bad), BN_OK);
    /* one U+FFFD per maximal ill-formed subpart: C0, AF, ED, A0, 80 */
    assert_int_equal(t.replaced, 5);
    assert_int_equal(t.len, 16);
    assert_int_equal(bn_utf8_check(t.s, t.len), NOT_FOUND);
    assert_int_equal(t.s[6], 'x');
    assert_int_equal(t.orig[6], 2);
    bn_arena_destroy(&ar);
}

static void clean_empty(void **state)
{
    (void)state;
    bn_arena ar;
    bn_arena_init(&ar, 1024);
    bn_text t;
    memset(&t, 0xAB, sizeof t);
    assert_int_equal(bn_text_clean(&ar, "", 0, 0, &t, NULL), BN_OK);
    assert_int_equal(t.len, 0);
    assert_non_null(t.s);
    assert_string_equal(t.s, "");
    assert_non_null(t.orig);
    assert_int_equal(t.orig[0], 0);
    assert_int_equal(t.replaced, 0);

    /* only dropped characters: empty too, orig[0] is the original length */
    static const char bom[] = "\xEF\xBB\xBF\xE2\x80\x8B";
    assert_int_equal(bn_text_clean(&ar, bom, sizeof bom - 1, 0, &t, NULL), BN_OK);
    assert_int_equal(t.len, 0);
    assert_string_equal(t.s, "");
    assert_int_equal(t.orig[0], 6);
    bn_arena_destroy(&ar);
}

/* The cleaner's fast path for runs of plain text against the same cleaner
 * taking every code point through its segments: random strings of pieces
 * that open, join or break segments (combining marks after ASCII and
 * after Vietnamese letters, dropped and replaced characters, bad bytes,
 * cut sequences) give the same text, byte map, count of replacements and
 * refusals. */
static void clean_runs_as_segments(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "a", "Z", "n", " ", "  ", "\n", "\r", "\r\n", "\t", "1", ".", ",", "\x01", "\x7F",
        "\xC3\xA0", "\xC3\x80", "\xC6\xB0", "\xC4\x91", "\xC6\xA1", "\xCB\x86", "\xC3\xB6",
        "\xE1\xBA\xA1", "\xE1\xBB\x87", "\xE1\xBA\xBF", "\xE1\xBB\xB9", "\xE1\xBA\x9E", "\xE1\xB8\x80",
        "\xCC\x81", "\xCC\xA3", "\xCC\x89", "\xCC\x83", "\xCC\x80", "\xCC\x9B", "\xCC\x82", "\xCD\x85",
        "\xC2\xAD", "\xE2\x80\x8B", "\xEF\xBB\xBF", "\xC2\xA0", "\xE2\x80\x83", "\xE2\x80\xA8", "\xC2\x85",
        "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x93", "\xCE\xB1", "\xE1\xBE\xB3", "\xD0\x96",
        "\xF0\x9F\x98\x80", "\xE0\xA4\x95", "\xE0\xA4\xBC", "\xEA\xB0\x80",
        "\xFF", "\x80", "\xC3", "\xE1\xBA", "\xE1", "\xC3\x41", "\xE1\xBA\x41", "\xCC",
        "Vi\xE1\xBB\x87t Nam ", "ti\xC3\xAA\xCC\x81ng ", "c\xE1\xBB\xA7" "a ",
    };
    enum { NPIECES = sizeof pieces / sizeof pieces[0] };
    uint32_t r = 12345;
    char buf[512];
    bn_arena ar;
    bn_arena_init(&ar, 1 << 16);
    size_t runs = 0;
    for (int round = 0; round < 40000; round++) {
        size_t len = 0;
        r = r * 1103515245u + 12345u;
        int count = 1 + (int)(r >> 16) % 40;
        for (int k = 0; k < count; k++) {
            r = r * 1103515245u + 12345u;
            const char *pc = pieces[(r >> 16) % NPIECES];
            size_t pl = strlen(pc);
            if (len + pl >= sizeof buf)
                break;
            memcpy(buf + len, pc, pl);
            len += pl;
        }
        buf[len] = round % 2 ? '\0' : 'a'; /* (bn_text_clean reads it: a NUL there, its quicker runs) */
        for (int lenient = 0; lenient < 2; lenient++) {
            bn_text a, b;
            size_t bad_a = 0, bad_b = 0;
            bn_status sa = bn_text_clean(&ar, buf, len, lenient, &a, &bad_a);
            bn_status sb = bn_text_clean_by_segment(&ar, buf, len, lenient, &b, &bad_b);
            assert_int_equal(sa, sb);
            if (sa != BN_OK) {
                assert_int_equal(bad_a, bad_b);
                continue;
            }
            assert_int_equal(a.len, b.len);
            assert_memory_equal(a.s, b.s, a.len + 1);
            assert_memory_equal(a.orig, b.orig, (a.len + 1) * sizeof *a.orig);
            assert_int_equal(a.replaced, b.replaced);
            runs++;
        }
        if (round % 64 == 63) {
            bn_arena_destroy(&ar);
            bn_arena_init(&ar, 1 << 16);
        }
    }
    assert_true(runs > 40000);
    /* and a known answer: NFD after a run of plain text is composed, its
     * bytes mapped to the letter's start */
    static const char nfd[] = "ab e\xCC\x82\xCC\x81 \xE1\xBB\x87";
    bn_text t;
    assert_int_equal(bn_text_clean(&ar, nfd, sizeof nfd - 1, 0, &t, NULL), BN_OK);
    assert_string_equal(t.s, "ab \xE1\xBA\xBF \xE1\xBB\x87");
    static const uint32_t orig[] = {0, 1, 2, 3, 3, 3, 8, 9, 9, 9, 12};
    assert_memory_equal(t.orig, orig, sizeof orig);
    bn_arena_destroy(&ar);
}

/* ---- folding ---------------------------------------------------------- */

static const char *fold(const char *s, bn_fold_mode mode, char *buf, size_t cap)
{
    size_t n = bn_fold_word(s, strlen(s), mode, buf, cap);
    assert_int_equal(n, strlen(buf));
    return buf;
}

static void fold_tone_same_key(void **state)
{
    (void)state;
    char a[64], b[64];
    assert_string_equal(fold("hoà", BN_FOLD_TONE, a, sizeof a), fold("hòa", BN_FOLD_TONE, b, sizeof b));
    /* the tone mark goes to the end of the syllable */
    assert_string_equal(a, "hoa\xCC\x80");
    assert_string_equal(fold("Thuỵ", BN_FOLD_TONE, a, sizeof a), fold("Thụy", BN_FOLD_TONE, b, sizeof b));
    assert_string_equal(a, "thuy\xCC\xA3");
    assert_string_equal(fold("thoả", BN_FOLD_TONE, a, sizeof a), fold("thỏa", BN_FOLD_TONE, b, sizeof b));
    assert_string_equal(fold("NGA", BN_FOLD_TONE, a, sizeof a), fold("nga", BN_FOLD_TONE, b, sizeof b));
    assert_string_equal(a, "nga");
    /* upper case with a tone */
    assert_string_equal(fold("HÒA", BN_FOLD_TONE, a, sizeof a), fold("hoà", BN_FOLD_TONE, b, sizeof b));
    /* decomposed input gives the same key as precomposed */
    assert_string_equal(fold("ho\xCC\x80" "a", BN_FOLD_TONE, a, sizeof a), fold("hòa", BN_FOLD_TONE, b, sizeof b));
    /* a non-tone diacritic stays in place */
    assert_string_equal(fold("Việt", BN_FOLD_TONE, a, sizeof a), "vie\xCC\x82t\xCC\xA3");
}

static void fold_tone_different_keys(void **state)
{
    (void)state;
    char a[64], b[64];
    assert_string_not_equal(fold("hòa", BN_FOLD_TONE, a, sizeof a), fold("hoa", BN_FOLD_TONE, b, sizeof b));
    assert_string_not_equal(fold("Mỹ", BN_FOLD_TONE, a, sizeof a), fold("My", BN_FOLD_TONE, b, sizeof b));
    assert_string_not_equal(fold("hòa", BN_FOLD_TONE, a, sizeof a), fold("hóa", BN_FOLD_TONE, b, sizeof b));
    /* đ is a letter of its own, kept in tone mode */
    assert_string_not_equal(fold("Đà", BN_FOLD_TONE, a, sizeof a), fold("Dà", BN_FOLD_TONE, b, sizeof b));
    /* ơ and o differ */
    assert_string_not_equal(fold("hơn", BN_FOLD_TONE, a, sizeof a), fold("hon", BN_FOLD_TONE, b, sizeof b));
}

static void fold_ascii(void **state)
{
    (void)state;
    char a[64];
    assert_string_equal(fold("Đà", BN_FOLD_ASCII, a, sizeof a), "da");
    assert_string_equal(fold("Nẵng", BN_FOLD_ASCII, a, sizeof a), "nang");
    assert_string_equal(fold("Điện", BN_FOLD_ASCII, a, sizeof a), "dien");
    assert_string_equal(fold("Thụy", BN_FOLD_ASCII, a, sizeof a), "thuy");
    assert_string_equal(fold("Thuỵ", BN_FOLD_ASCII, a, sizeof a), "thuy");
    assert_string_equal(fold("Người", BN_FOLD_ASCII, a, sizeof a), "nguoi");
    assert_string_equal(fold("Mỹ", BN_FOLD_ASCII, a, sizeof a), "my");
}

static void fold_truncates(void **state)
{
    (void)state;
    char a[4];
    size_t n = bn_fold_word("NATO", 4, BN_FOLD_TONE, a, sizeof a);
    assert_int_equal(n, 3);
    assert_string_equal(a, "nat");
    /* a two-byte letter that does not fit is left out whole */
    char b[3];
    n = bn_fold_word("aĐ", strlen("aĐ"), BN_FOLD_TONE, b, sizeof b);
    assert_int_equal(n, 1);
    assert_string_equal(b, "a");
}

static void fold_string_words(void **state)
{
    (void)state;
    bn_arena ar;
    bn_arena_init(&ar, 1024);
    const char *s = "Liên bang Nga!";
    char *f = bn_fold_string(&ar, s, strlen(s), BN_FOLD_ASCII);
    assert_non_null(f);
    assert_string_equal(f, "lien bang nga");

    char w[64];
    char want[128];
    strcpy(want, fold("Liên", BN_FOLD_TONE, w, sizeof w));
    strcat(want, " bang nga");
    f = bn_fold_string(&ar, s, strlen(s), BN_FOLD_TONE);
    assert_string_equal(f, want);

    /* runs of spaces and punctuation give one space; none at the ends */
    const char *messy = "  «Liên   bang,  Nga!»  ";
    f = bn_fold_string(&ar, messy, strlen(messy), BN_FOLD_TONE);
    assert_string_equal(f, want);

    const char *dn = "Đà Nẵng";
    f = bn_fold_string(&ar, dn, strlen(dn), BN_FOLD_ASCII);
    assert_string_equal(f, "da nang");

    f = bn_fold_string(&ar, "...", 3, BN_FOLD_ASCII);
    assert_string_equal(f, "");
    bn_arena_destroy(&ar);
}

/* ids of names the knowledge base does not know */
static void name_ids(void **state)
{
    (void)state;
    bn_arena ar;
    bn_arena_init(&ar, 1024);
    const char *cases[][2] = {
        {"Arvydas Anušauskas", "arvydas-anusauskas"},
        {"O’Brien", "o-brien"},
        {"Jens-Frederik Nielsen", "jens-frederik-nielsen"},
        {"Đặng Hoàng Giang", "dang-hoang-giang"},
        {"  (Neimontas) ", "neimontas"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *id = bn_name_id(&ar, cases[i][0], strlen(cases[i][0]));
        assert_non_null(id);
        assert_string_equal(id, cases[i][1]);
    }
    bn_arena_destroy(&ar);
}

/* ---- tokens ----------------------------------------------------------- */

static const char *tok_key(const bn_tokens *t, size_t i)
{
    return t->keys + t->v[i].key;
}

static void tokenize_spans_and_flags(void **state)
{
    (void)state;
    /* "Ngày" [0,5) "10" [6,8) "7" [9,10) "NATO" [12,16) "cho" [17,20)
     * "biết" [21,27) */
    const char *s = "Ngày 10/7, NATO cho biết.";
    assert_int_equal(strlen(s), 28);
    bn_arena ar;
    bn_arena_init(&ar, 1024);
    bn_tokens t;
    assert_int_equal(bn_tokenize(&ar, s, strlen(s), &t), BN_OK);
    assert_int_equal(t.n, 6);
    static const uint32_t starts[] = {0, 6, 9, 12, 17, 21};
    static const uint32_t ends[] = {5, 8, 10, 16, 20, 27};
    static const uint8_t flags[] = {BN_TOK_UPPER, BN_TOK_DIGIT, BN_TOK_DIGIT, BN_TOK_UPPER, 0, 0};
    for (size_t i = 0; i < t.n; i++) {
        assert_int_equal(t.v[i].start, starts[i]);
        assert_int_equal(t.v[i].end, ends[i]);
        assert_int_equal(t.v[i].flags, flags[i]);
        assert_int_equal(t.v[i].key_len, strlen(tok_key(&t, i)));
        assert_int_equal(t.v[i].hash, bn_hash(tok_key(&t, i), t.v[i].key_len));
    }
    /* "10/7": two tokens */
    assert_memory_equal(s + t.v[1].start, "10", 2);
    assert_memory_equal(s + t.v[2].start, "7", 1);
    assert_string_equal(tok_key(&t, 1), "10");
    assert_string_equal(tok_key(&t, 2), "7");
    assert_string_equal(tok_key(&t, 3), "nato");
    assert_string_equal(tok_key(&t, 4), "cho");
    char w[64];
    assert_string_equal(tok_key(&t, 0), fold("Ngày", BN_FOLD_TONE, w, sizeof w));
    assert_string_equal(tok_key(&t, 5), fold("biết", BN_FOLD_TONE, w, sizeof w));

    /* bn_tokens_at: first token starting at or after an offset */
    assert_int_equal(bn_tokens_at(&t, 0), 0);
    assert_int_equal(bn_tokens_at(&t, 1), 1);
    assert_int_equal(bn_tokens_at(&t, 6), 1);
    assert_int_equal(bn_tokens_at(&t, 7), 2);
    assert_int_equal(bn_tokens_at(&t, 12), 3);
    assert_int_equal(bn_tokens_at(&t, 21), 5);
    assert_int_equal(bn_tokens_at(&t, 22), 6);
    assert_int_equal(bn_tokens_at(&t, strlen(s)), t.n);
    /* bn_tokens_at_hint: the same answer from any hint, right or not */
    for (size_t off = 0; off <= strlen(s); off++)
        for (size_t hint = 0; hint <= t.n + 1; hint++)
            assert_int_equal(bn_tokens_at_hint(&t, hint, off), bn_tokens_at(&t, off));
    bn_arena_destroy(&ar);
}

static void tokenize_upper_non_ascii(void **state)
{
    (void)state;
    const char *s = "Đà Nẵng ông Ông S-400 A1 2023";
    bn_arena ar;
    bn_arena_init(&ar, 1024);
    bn_tokens t;
    assert_int_equal(bn_tokenize(&ar, s, strlen(s), &t), BN_OK);
    assert_int_equal(t.n, 8);
    assert_int_equal(t.v[0].flags, BN_TOK_UPPER); /* Đà */
    assert_int_equal(t.v[1].flags, BN_TOK_UPPER); /* Nẵng */
    assert_int_equal(t.v[2].flags, 0);            /* ông */
    assert_int_equal(t.v[3].flags, BN_TOK_UPPER); /* Ông */
    assert_string_equal(tok_key(&t, 2), tok_key(&t, 3));
    assert_int_equal(t.v[4].flags, BN_TOK_UPPER); /* S */
    assert_int_equal(t.v[5].flags, BN_TOK_DIGIT); /* 400 */
    assert_int_equal(t.v[6].flags, BN_TOK_UPPER); /* A1: not all digits */
    assert_int_equal(t.v[7].flags, BN_TOK_DIGIT); /* 2023 */
    assert_memory_equal(s + t.v[1].start, "Nẵng", strlen("Nẵng"));
    assert_int_equal(t.v[1].end - t.v[1].start, strlen("Nẵng"));
    bn_arena_destroy(&ar);
}

static void tokenize_empty(void **state)
{
    (void)state;
    bn_arena ar;
    bn_arena_init(&ar, 1024);
    bn_tokens t;
    assert_int_equal(bn_tokenize(&ar, " ,. -", 5, &t), BN_OK);
    assert_int_equal(t.n, 0);
    assert_non_null(t.keys);
    assert_int_equal(bn_tokens_at(&t, 0), 0);
    assert_int_equal(bn_tokenize(&ar, "", 0, &t), BN_OK);
    assert_int_equal(t.n, 0);
    bn_arena_destroy(&ar);
}

static void is_upper_at(void **state)
{
    (void)state;
    const char *s = "aĐb";
    assert_int_equal(bn_is_upper_at(s, strlen(s), 0), 0);
    assert_int_equal(bn_is_upper_at(s, strlen(s), 1), 1);
    assert_int_equal(bn_is_upper_at(s, strlen(s), 3), 0);
    assert_int_equal(bn_is_upper_at(s, strlen(s), 4), 0); /* past the end */
}

/* bn_str_join cuts as snprintf does: every length of both parts against
 * every size of buffer from 1 to 12. */
static void str_join_as_snprintf(void **state)
{
    (void)state;
    static const char *const parts[] = {"", "a", "ab", "T\xE1\xBB\x95ng", "Ngo\xE1\xBA\xA1i tr\xC6\xB0\xE1\xBB\x9Fng M\xE1\xBB\xB9"};
    char want[64], got[64];
    for (size_t i = 0; i < 5; i++)
        for (size_t j = 0; j < 5; j++)
            for (size_t cap = 1; cap <= 40; cap++) {
                memset(got, 'x', sizeof got);
                snprintf(want, cap, "%s\x1f%s", parts[i], parts[j]);
                bn_str_join(got, cap, parts[i], '\x1f', parts[j]);
                assert_string_equal(got, want);
                assert_int_equal(got[cap], 'x'); /* nothing written past cap */
            }
}

/* bn_may_end_sentence turns away only gaps that bn_skip_closers and
 * bn_final_punct_len find no final punctuation in: every first byte, with
 * every second byte of the closers and marks that start with E2 80 or C2,
 * and the empty gap; and it lets through each that has it. */
static void may_end_sentence_as_punct(void **state)
{
    (void)state;
    static const unsigned char tails[] = {0x80, 0x99, 0x9D, 0xA6, 0xBB, 'a', ' ', '.', 0};
    size_t let_through = 0;
    for (int c0 = 0; c0 < 256; c0++)
        for (size_t a = 0; a < sizeof tails; a++)
            for (size_t b = 0; b < sizeof tails; b++)
                for (size_t len = 0; len <= 4; len++) {
                    char g[5] = {(char)c0, (char)0x80, (char)tails[a], (char)tails[b], '.'};
                    if (c0 == 0xC2)
                        g[1] = (char)tails[a], g[2] = (char)tails[b];
                    size_t i = bn_skip_closers(g, 0, len);
                    int punct = bn_final_punct_len(g, i, len) != 0;
                    if (!bn_may_end_sentence(g, 0, len))
                        assert_false(punct);
                    else
                        let_through += punct;
                }
    assert_true(let_through > 0);
    assert_false(bn_may_end_sentence(" .", 0, 2));
    assert_true(bn_may_end_sentence("\xE2\x80\x9D.", 0, 4));
    assert_true(bn_may_end_sentence(".", 0, 1));
    assert_false(bn_may_end_sentence(".", 0, 0));
}

/* bn_u8_next reads what ICU's U8_NEXT reads: every lead byte, with every
 * second byte and a spread of third and fourth ones, cut at every length. */
static void u8_next_as_icu(void **state)
{
    (void)state;
    static const uint8_t thirds[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xE1, 0xFF};
    size_t inline_read = 0;
    for (int b0 = 0; b0 < 256; b0++)
        for (int b1 = 0; b1 < 256; b1++)
            for (size_t k2 = 0; k2 < sizeof thirds; k2++)
                for (size_t k3 = 0; k3 < sizeof thirds; k3 += 3)
                    for (int32_t n = 1; n <= 4; n++) {
                        const uint8_t p[4] = {(uint8_t)b0, (uint8_t)b1, thirds[k2], thirds[k3]};
                        int32_t i = 0, j = 0;
                        int32_t c = bn_u8_next(p, &i, n), want = bn_u8_next_icu(p, &j, n);
                        assert_int_equal(c, want);
                        assert_int_equal(i, j);
                        inline_read += c >= 0x80 && i > 1;
                    }
    assert_true(inline_read > 10000);
    /* and from the middle of a text */
    static const char viet[] = "Vi\xE1\xBB\x87t \xC4\x91\xC3\xA0";
    int32_t i = 2;
    assert_int_equal(bn_u8_next((const uint8_t *)viet, &i, (int32_t)sizeof viet - 1), 0x1EC7);
    assert_int_equal(i, 5);
}

/* bn_tokens_key gives bn_fold_string's key: random strings of words,
 * marks, punctuation, bad bytes and words over 80 bytes (whose keys the
 * tokeniser cuts: then the text is folded again). */
static void tokens_key_as_fold_string(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "T\xE1\xBB\x95ng", "th\xE1\xBB\x91ng", "M\xE1\xBB\xB9", " ", "  ", "-", ", ", ".", "B\xE1\xBB\x99",
        "tr\xC6\xB0\xE1\xBB\x9Fng", "NATO", "e\xCC\x81", "\xCC\x81", "\xFF", "\xE1\xBA", "x1", "2024",
        "\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1", "\xE4\xB8\xAD\xE5\x9B\xBD", "\xF0\x9F\x98\x80",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    };
    enum { NP = sizeof pieces / sizeof pieces[0] };
    uint32_t r = 777;
    char buf[400];
    size_t long_words = 0;
    for (int round = 0; round < 5000; round++) {
        bn_arena ar;
        bn_arena_init(&ar, 4096);
        size_t len = 0;
        r = r * 1103515245u + 12345u;
        int count = (int)(r >> 16) % 12;
        for (int k = 0; k < count; k++) {
            r = r * 1103515245u + 12345u;
            const char *pc = pieces[(r >> 16) % NP];
            size_t pl = strlen(pc);
            if (len + pl >= sizeof buf)
                break;
            memcpy(buf + len, pc, pl);
            len += pl;
        }
        buf[len] = round % 2 ? '\0' : 'a'; /* (bn_text_clean reads it: a NUL there, its quicker runs) */
        buf[len] = '\0';
        bn_tokens t;
        assert_int_equal(bn_tokenize(&ar, buf, len, &t), BN_OK);
        const char *got = bn_tokens_key(&ar, buf, len, &t), *want = bn_fold_string(&ar, buf, len, BN_FOLD_TONE);
        assert_non_null(got);
        assert_string_equal(got, want);
        for (size_t i = 0; i < t.n; i++)
            long_words += t.v[i].end - t.v[i].start > 80;
        bn_arena_destroy(&ar);
    }
    assert_true(long_words > 0);
}

/* bn_tokens_join gives the tokens of "x y": random pairs of strings
 * (words, marks, punctuation at the edges, none at all), field by field
 * and key by key. */
static void tokens_join_as_tokenize(void **state)
{
    (void)state;
    static const char *const pieces[] = {"T\xE1\xBB\x95ng", "th\xE1\xBB\x91ng", "M\xE1\xBB\xB9", " ", "-", ".",
                                         "B\xE1\xBB\x99", "NATO", "e\xCC\x81", "2024", "\xE4\xB8\xAD", "(", "\xE2\x80\x9C"};
    enum { NP = sizeof pieces / sizeof pieces[0] };
    uint32_t r = 4242;
    for (int round = 0; round < 3000; round++) {
        char x[128], y[128], xy[260];
        char *parts[2] = {x, y};
        for (int w = 0; w < 2; w++) {
            size_t len = 0;
            r = r * 1103515245u + 12345u;
            int count = (int)(r >> 16) % 6;
            for (int k = 0; k < count; k++) {
                r = r * 1103515245u + 12345u;
                const char *pc = pieces[(r >> 16) % NP];
                memcpy(parts[w] + len, pc, strlen(pc));
                len += strlen(pc);
            }
            parts[w][len] = '\0';
        }
        snprintf(xy, sizeof xy, "%s %s", x, y);
        bn_arena ar;
        bn_arena_init(&ar, 4096);
        bn_tokens tx, ty, want, got;
        assert_int_equal(bn_tokenize(&ar, x, strlen(x), &tx), BN_OK);
        assert_int_equal(bn_tokenize(&ar, y, strlen(y), &ty), BN_OK);
        assert_int_equal(bn_tokenize(&ar, xy, strlen(xy), &want), BN_OK);
        assert_int_equal(bn_tokens_join(&ar, &tx, &ty, (uint32_t)strlen(x) + 1, &got), BN_OK);
        assert_int_equal(got.n, want.n);
        for (size_t i = 0; i < want.n; i++) {
            assert_int_equal(got.v[i].start, want.v[i].start);
            assert_int_equal(got.v[i].end, want.v[i].end);
            assert_int_equal(got.v[i].key, want.v[i].key);
            assert_int_equal(got.v[i].key_len, want.v[i].key_len);
            assert_int_equal(got.v[i].flags, want.v[i].flags);
            assert_int_equal(got.v[i].hash, want.v[i].hash);
            assert_string_equal(got.keys + got.v[i].key, want.keys + want.v[i].key);
        }
        bn_arena_destroy(&ar);
    }
}

/* The tokeniser against words found one code point at a time: every
 * ASCII byte and a spread of other code points (letters with marks,
 * marks, digits of other scripts, symbols, bad bytes) in random strings;
 * each token a maximal run of code points bn_cp_class calls word, its key
 * bn_fold_word's (BN_FOLD_TONE), its hash bn_hash's, its flags from its
 * first code point and its bytes. */
static void tokenize_as_words_by_code_point(void **state)
{
    (void)state;
    static const char *const others[] = {"\xC3\xA0", "\xC3\x80", "\xC4\x91", "\xC4\x90", "\xE1\xBB\x87", "\xE1\xBA\xA0",
                                         "\xCC\x81", "\xCC\xA3", "\xD9\xA3", "\xE2\x80\x9C", "\xC2\xA0", "\xE4\xB8\xAD",
                                         "\xF0\x9F\x98\x80", "\xFF", "\xCE\xA9", "\xC6\xAF"};
    uint32_t r = 99;
    size_t tokens = 0;
    for (int round = 0; round < 4000; round++) {
        char buf[256];
        size_t len = 0;
        r = r * 1103515245u + 12345u;
        int count = 1 + (int)(r >> 16) % 40;
        for (int k = 0; k < count && len + 4 < sizeof buf; k++) {
            r = r * 1103515245u + 12345u;
            unsigned x = (r >> 16) % 200;
            if (x < 128) {
                buf[len++] = (char)(x ? x : ' ');
            } else if (x < 176) {
                buf[len++] = (char)('a' + x % 26);
            } else {
                const char *o = others[x % (sizeof others / sizeof others[0])];
                memcpy(buf + len, o, strlen(o));
                len += strlen(o);
            }
        }
        bn_arena ar;
        bn_arena_init(&ar, 4096);
        bn_tokens t;
        assert_int_equal(bn_tokenize(&ar, buf, len, &t), BN_OK);
        /* the words, a code point at a time */
        size_t want = 0;
        int32_t i = 0, start = -1;
        while (i <= (int32_t)len) {
            int32_t at = i, c = -1;
            if (i < (int32_t)len)
                c = bn_u8_next_icu((const uint8_t *)buf, &i, (int32_t)len);
            else
                i++;
            int w = c >= 0 && (bn_cp_class(c) & BN_CP_WORD);
            if (w && start < 0)
                start = at;
            if (!w && start >= 0) {
                assert_true(want < t.n);
                const bn_token *tk = &t.v[want++];
                assert_int_equal(tk->start, (uint32_t)start);
                assert_int_equal(tk->end, (uint32_t)at);
                char key[256];
                size_t kl = bn_fold_word(buf + start, (size_t)(at - start), BN_FOLD_TONE, key, sizeof key);
                assert_int_equal(tk->key_len, kl);
                assert_string_equal(t.keys + tk->key, key);
                assert_int_equal(tk->hash, bn_hash(key, kl));
                int digits = 1;
                for (int32_t j = start; j < at; j++)
                    digits &= buf[j] >= '0' && buf[j] <= '9';
                assert_int_equal((tk->flags & BN_TOK_DIGIT) != 0, digits);
                assert_int_equal((tk->flags & BN_TOK_UPPER) != 0, bn_is_upper_at(buf, len, (size_t)start));
                start = -1;
            }
        }
        assert_int_equal(t.n, want);
        tokens += want;
        bn_arena_destroy(&ar);
    }
    assert_true(tokens > 10000);
}

/* ---- bn_sort_r (bn_array.h) ------------------------------------------ */

/* Indices into a table of keys, by key: the table is the context. */
static int by_key(const void *va, const void *vb, void *ctx)
{
    const int *key = ctx;
    int a = key[*(const int *)va], b = key[*(const int *)vb];
    return (a > b) - (a < b);
}

static int by_key_z(const void *va, const void *vb, void *ctx)
{
    const int *key = ctx;
    int a = key[*(const size_t *)va], b = key[*(const size_t *)vb];
    return (a > b) - (a < b);
}

static void sort_r_stable_with_context(void **state)
{
    (void)state;
    /* 37 elements: runs of every width, and a last run cut short */
    int key[37], idx[37];
    for (int i = 0; i < 37; i++) {
        key[i] = (i * 7) % 5;
        idx[i] = i;
    }
    assert_int_equal(bn_sort_r(idx, 37, sizeof *idx, by_key, key), 0);
    for (int i = 1; i < 37; i++) {
        assert_true(key[idx[i - 1]] <= key[idx[i]]);
        if (key[idx[i - 1]] == key[idx[i]])
            assert_true(idx[i - 1] < idx[i]); /* equal keys keep their order */
    }
    /* eight-byte elements (indices, pointers) take their own copy path:
     * 1,000 of them, keys with many ties, stable */
    size_t big[1000];
    int bkey[1000];
    for (int i = 0; i < 1000; i++) {
        bkey[i] = (i * 7919) % 13;
        big[i] = (size_t)i;
    }
    assert_int_equal(bn_sort_r(big, 1000, sizeof *big, by_key_z, bkey), 0);
    for (int i = 1; i < 1000; i++) {
        assert_true(bkey[big[i - 1]] <= bkey[big[i]]);
        if (bkey[big[i - 1]] == bkey[big[i]])
            assert_true(big[i - 1] < big[i]);
    }
    /* nothing to sort: an empty array may be NULL */
    assert_int_equal(bn_sort_r(NULL, 0, sizeof *idx, by_key, key), 0);
    int one = 3;
    assert_int_equal(bn_sort_r(&one, 1, sizeof one, by_key, key), 0);
    assert_int_equal(one, 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(utf8_valid),
        cmocka_unit_test(name_ids),
        cmocka_unit_test(utf8_lone_ff),
        cmocka_unit_test(utf8_truncated),
        cmocka_unit_test(utf8_overlong),
        cmocka_unit_test(utf8_surrogate),
        cmocka_unit_test(clean_newlines_spaces_dropped),
        cmocka_unit_test(clean_tabs_and_controls),
        cmocka_unit_test(clean_nfd_to_nfc),
        cmocka_unit_test(clean_invalid_strict),
        cmocka_unit_test(clean_invalid_lenient),
        cmocka_unit_test(clean_empty),
        cmocka_unit_test(clean_runs_as_segments),
        cmocka_unit_test(fold_tone_same_key),
        cmocka_unit_test(fold_tone_different_keys),
        cmocka_unit_test(fold_ascii),
        cmocka_unit_test(fold_truncates),
        cmocka_unit_test(fold_string_words),
        cmocka_unit_test(tokenize_spans_and_flags),
        cmocka_unit_test(tokenize_upper_non_ascii),
        cmocka_unit_test(tokenize_empty),
        cmocka_unit_test(is_upper_at),
        cmocka_unit_test(sort_r_stable_with_context),
        cmocka_unit_test(str_join_as_snprintf),
        cmocka_unit_test(may_end_sentence_as_punct),
        cmocka_unit_test(u8_next_as_icu),
        cmocka_unit_test(tokens_key_as_fold_string),
        cmocka_unit_test(tokens_join_as_tokenize),
        cmocka_unit_test(tokenize_as_words_by_code_point),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
