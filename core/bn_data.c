#include "bn_data.h"

#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bn_arena.h"
#include "bn_config.h"

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *bn_datadir(void)
{
    static char exe[PATH_MAX];
    const char *env = getenv("BIENNIEN_DATADIR");
    if (env && *env)
        return env;
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        size_t bl = strlen(BN_BUILDDIR);
        if (strncmp(exe, BN_BUILDDIR, bl) == 0 && exe[bl] == '/' && is_dir(BN_DATADIR_SOURCE))
            return BN_DATADIR_SOURCE;
    }
    if (is_dir(BN_DATADIR_INSTALLED))
        return BN_DATADIR_INSTALLED;
    return BN_DATADIR_SOURCE;
}

void bn_json_threads_init(void)
{
    json_object_seed(0);
}

/* The whole of a regular file in a new buffer (*len its bytes), or NULL
 * (not a regular file, a read error, out of memory). */
static char *read_whole(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct stat st;
    char *buf = NULL;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0 &&
        (unsigned long long)st.st_size < (unsigned long long)INT_MAX &&
        (buf = malloc((size_t)st.st_size + 1)) != NULL) {
        size_t n = fread(buf, 1, (size_t)st.st_size + 1, f);
        if (ferror(f) || n != (size_t)st.st_size) { /* changed while read: let jansson read it */
            free(buf);
            buf = NULL;
        } else {
            buf[n] = '\0'; /* (fast_string's end) */
            *len = n;
        }
    }
    fclose(f);
    return buf;
}

/* ---- documents in arenas ------------------------------------------------
 * jansson makes a document of many small allocations (an object is a hash
 * table with its buckets, a string a copy): the start-up's data files are
 * 90 K mallocs, and as many frees when they are released, a third of what
 * reading them costs.  jansson's allocator (json_set_alloc_funcs, process
 * wide) is ours: while a document of bn_json_load_file is parsed, on the
 * thread that parses it, its memory comes from the document's arena, and
 * bn_json_free drops the arena whole.  Everything else is malloc and free
 * as before (a free looks at the live documents' arenas first, only when
 * there are some). */
typedef struct json_doc {
    bn_arena arena;
    const json_t *root;
    struct json_doc *next;
} json_doc;

static json_doc *docs; /* live documents, under docs_lock */
static atomic_int ndocs;
static pthread_mutex_t docs_lock = PTHREAD_MUTEX_INITIALIZER;
static _Thread_local json_doc *parsing; /* the document this thread parses */
static pthread_once_t alloc_once = PTHREAD_ONCE_INIT;

static void *doc_malloc(size_t n)
{
    json_doc *d = parsing;
    return d ? bn_arena_alloc(&d->arena, n) : malloc(n);
}

static void doc_free(void *p)
{
    if (!p)
        return;
    if (atomic_load_explicit(&ndocs, memory_order_acquire) > 0) {
        int owned = 0;
        pthread_mutex_lock(&docs_lock);
        for (const json_doc *d = docs; d && !owned; d = d->next)
            owned = bn_arena_owns(&d->arena, p);
        pthread_mutex_unlock(&docs_lock);
        if (owned)
            return; /* dropped with its arena */
    }
    free(p);
}

static void alloc_init(void)
{
    json_set_alloc_funcs(doc_malloc, doc_free);
}

static json_doc *doc_open(size_t len)
{
    json_doc *d = malloc(sizeof *d);
    if (!d)
        return NULL;
    /* (a block of eight times the text holds the document of most files
     * whole: few blocks, so a free during the parse looks at few) */
    bn_arena_init(&d->arena, len * 8 > 64 * 1024 ? len * 8 : 64 * 1024);
    d->root = NULL;
    pthread_mutex_lock(&docs_lock);
    d->next = docs;
    docs = d;
    atomic_fetch_add_explicit(&ndocs, 1, memory_order_release);
    pthread_mutex_unlock(&docs_lock);
    return d;
}

static void doc_close(json_doc *d)
{
    pthread_mutex_lock(&docs_lock);
    json_doc **at = &docs;
    while (*at != d)
        at = &(*at)->next;
    *at = d->next;
    atomic_fetch_sub_explicit(&ndocs, 1, memory_order_release);
    pthread_mutex_unlock(&docs_lock);
    bn_arena_destroy(&d->arena);
    free(d);
}

void bn_json_free(json_t *root)
{
    json_doc *d = NULL;
    if (root && atomic_load_explicit(&ndocs, memory_order_acquire) > 0) {
        pthread_mutex_lock(&docs_lock);
        for (d = docs; d && d->root != root; d = d->next)
            ;
        pthread_mutex_unlock(&docs_lock);
    }
    if (d)
        doc_close(d);
    else
        json_decref(root);
}

/* ---- the data files read without jansson's lexer ---------------------
 * jansson lexes a byte at a time (a call to read it, a call to save it
 * into a growing buffer, a second pass to decode the string): ~174
 * instructions a byte, half of the start-up's 202 M on the 560 KB of
 * data/.  Our files are plain JSON, so a reader that scans a string to
 * its closing quote in one loop builds the same values with jansson's own
 * constructors, in the same order (json_object_setn_new_nocheck, as
 * jansson's parser does).  It takes what it knows to be valid and leaves
 * anything else (a \u escape, a number jansson might reject, any syntax
 * error, a duplicate key) to json_loadb, which reads the file again with
 * its errors and positions: the same values, the same errors. */
typedef struct fast_reader {
    const unsigned char *p, *end;
    char *scratch; /* a string with escapes, decoded */
    size_t scap;
    int depth;
} fast_reader;

/* jansson's JSON_PARSER_MAX_DEPTH is 2048: deeper is left to it */
enum { FAST_MAX_DEPTH = 512, FAST_KEYS = 16 };

typedef struct fast_key {
    const char *s;
    size_t len;
} fast_key;

static void fast_space(fast_reader *r)
{
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t'))
        r->p++;
}

/* After an array's or object's item: 1 at its closing bracket (passed),
 * 0 at a comma (passed, and the space after it), -1 at anything else. */
static int fast_after_item(fast_reader *r, char close)
{
    fast_space(r);
    if (r->p >= r->end)
        return -1;
    if (*r->p == (unsigned char)close) {
        r->p++;
        return 1;
    }
    if (*r->p++ != ',')
        return -1;
    fast_space(r);
    return 0;
}

/* The length of the valid UTF-8 sequence at p (lead byte >= 0x80), 0 when
 * it is not one (jansson's utf8_check_first and utf8_check_full: no
 * overlong form, no surrogate, nothing above U+10FFFF). */
static size_t utf8_seq(const unsigned char *p, const unsigned char *end)
{
    unsigned c = p[0];
    size_t n;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2, v = c & 0x1F, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 3, v = c & 0x0F, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 4, v = c & 0x07, min = 0x10000;
    else
        return 0;
    if ((size_t)(end - p) < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        v = v << 6 | (p[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    return n;
}

/* The bytes a string holds as they are: printable ASCII but the quote and
 * the backslash. */
static const unsigned char plain[256] = {
    [0x20] = 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x22 '"' */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, /* 0x5C '\\' */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* The string at r->p (its opening quote): *s and *len its bytes, in the
 * text or, when it has escapes, in r->scratch.  0 when not read.  It
 * holds no NUL (a control character is refused, \u left to jansson). */
static int fast_string(fast_reader *r, const char **s, size_t *len)
{
    const unsigned char *start = ++r->p, *q = start;
    int escaped = 0;
    for (;;) {
        /* (the text ends in a NUL, not plain: no bound to test here) */
        while (plain[*q])
            q++;
        if (q >= r->end || *q < 0x20)
            return 0; /* unterminated, or a control character */
        if (*q == '"')
            break;
        if (*q == '\\') {
            if (q + 1 >= r->end || !q[1] || !strchr("\"\\/bfnrt", q[1]))
                return 0; /* \u and anything else: jansson's */
            escaped = 1;
            q += 2;
            continue;
        }
        size_t n = utf8_seq(q, r->end);
        if (!n)
            return 0;
        q += n;
    }
    r->p = q + 1;
    if (!escaped) {
        *s = (const char *)start;
        *len = (size_t)(q - start);
        return 1;
    }
    size_t need = (size_t)(q - start) + 1;
    if (need > r->scap) {
        char *ns = realloc(r->scratch, need);
        if (!ns)
            return 0;
        r->scratch = ns;
        r->scap = need;
    }
    char *o = r->scratch;
    for (const unsigned char *c = start; c < q; c++) {
        if (*c != '\\') {
            *o++ = (char)*c;
            continue;
        }
        switch (*++c) {
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        default: *o++ = (char)*c; break; /* " \ / */
        }
    }
    *s = r->scratch;
    *len = (size_t)(o - r->scratch);
    return 1;
}

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* A number as jansson lexes it: an integer (no '.', no exponent) that
 * strtoll reads whole, or a real that strtod reads without overflow in a
 * locale whose decimal point is '.'.  NULL otherwise. */
static json_t *fast_number(fast_reader *r)
{
    const unsigned char *q = r->p;
    if (q < r->end && *q == '-')
        q++;
    if (q >= r->end || !is_digit(*q) || (*q == '0' && q + 1 < r->end && is_digit(q[1])))
        return NULL;
    while (q < r->end && is_digit(*q))
        q++;
    int real = 0;
    if (q < r->end && *q == '.') {
        if (q + 1 >= r->end || !is_digit(q[1]))
            return NULL;
        for (q++; q < r->end && is_digit(*q); q++)
            ;
        real = 1;
    }
    if (q < r->end && (*q == 'e' || *q == 'E')) {
        q++;
        if (q < r->end && (*q == '+' || *q == '-'))
            q++;
        if (q >= r->end || !is_digit(*q))
            return NULL;
        while (q < r->end && is_digit(*q))
            q++;
        real = 1;
    }
    char text[64];
    size_t n = (size_t)(q - r->p);
    if (n >= sizeof text)
        return NULL;
    memcpy(text, r->p, n);
    text[n] = '\0';
    r->p = q;
    char *end;
    errno = 0;
    if (!real) {
        long long v = strtoll(text, &end, 10);
        return errno == ERANGE || end != text + n ? NULL : json_integer(v);
    }
    if (strcmp(localeconv()->decimal_point, ".") != 0)
        return NULL;
    double d = strtod(text, &end);
    if (end != text + n || ((d == HUGE_VAL || d == -HUGE_VAL) && errno == ERANGE))
        return NULL;
    return json_real(d);
}

/* A literal word: jansson reads the whole run of letters. */
static json_t *fast_word(fast_reader *r)
{
    const unsigned char *q = r->p;
    while (q < r->end && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z')))
        q++;
    size_t n = (size_t)(q - r->p);
    const char *w = (const char *)r->p;
    r->p = q;
    if (n == 4 && memcmp(w, "true", 4) == 0)
        return json_true();
    if (n == 5 && memcmp(w, "false", 5) == 0)
        return json_false();
    if (n == 4 && memcmp(w, "null", 4) == 0)
        return json_null();
    return NULL;
}

static json_t *fast_value(fast_reader *r);

static json_t *fast_array(fast_reader *r)
{
    json_t *a = json_array();
    r->p++;
    fast_space(r);
    if (a && r->p < r->end && *r->p == ']') {
        r->p++;
        return a;
    }
    while (a) {
        json_t *v = fast_value(r);
        if (!v || json_array_append_new(a, v))
            break;
        int next = fast_after_item(r, ']');
        if (next > 0)
            return a;
        if (next < 0)
            break;
    }
    json_decref(a);
    return NULL;
}

/* Whether the key k (klen bytes, in the text) is one of the n keys seen. */
static int seen_key(const fast_key *seen, size_t n, const char *k, size_t klen)
{
    for (size_t i = 0; i < n; i++)
        if (seen[i].len == klen && memcmp(seen[i].s, k, klen) == 0)
            return 1;
    return 0;
}

static json_t *fast_object(fast_reader *r)
{
    json_t *o = json_object();
    r->p++;
    fast_space(r);
    if (o && r->p < r->end && *r->p == '}') {
        r->p++;
        return o;
    }
    /* JSON_REJECT_DUPLICATES: the keys of a small object compared with
     * the ones before, in the text; jansson's look-up (a hash, 290
     * instructions a key) once there are many or one had escapes */
    fast_key seen[FAST_KEYS];
    size_t nseen = 0;
    int many = 0;
    while (o) {
        const char *k;
        size_t klen;
        if (r->p >= r->end || *r->p != '"' || !fast_string(r, &k, &klen))
            break;
        char small[256], *key = (char *)k;
        if (k == r->scratch) { /* out of the scratch buffer: the value may need it */
            if (!(key = klen < sizeof small ? small : malloc(klen)))
                break;
            memcpy(key, k, klen);
            many = 1;
        }
        int dup;
        if (!many && nseen < FAST_KEYS) {
            dup = seen_key(seen, nseen, key, klen);
            seen[nseen++] = (fast_key){key, klen};
        } else {
            many = 1;
            dup = json_object_getn(o, key, klen) != NULL;
        }
        json_t *v = NULL;
        fast_space(r);
        if (r->p < r->end && *r->p == ':' && !dup) {
            r->p++;
            fast_space(r);
            v = fast_value(r);
        }
        int bad = !v || json_object_setn_new_nocheck(o, key, klen, v);
        if (key != k && key != small)
            free(key);
        if (bad)
            break;
        int next = fast_after_item(r, '}');
        if (next > 0)
            return o;
        if (next < 0)
            break;
    }
    json_decref(o);
    return NULL;
}

static json_t *fast_value(fast_reader *r)
{
    if (r->p >= r->end)
        return NULL;
    unsigned char c = *r->p;
    json_t *v = NULL;
    if (c == '{' || c == '[') {
        if (r->depth >= FAST_MAX_DEPTH)
            return NULL;
        r->depth++;
        v = c == '{' ? fast_object(r) : fast_array(r);
        r->depth--;
    } else if (c == '"') {
        const char *s;
        size_t len;
        if (fast_string(r, &s, &len))
            v = json_stringn_nocheck(s, len);
    } else if (c == '-' || is_digit(c)) {
        v = fast_number(r);
    } else {
        v = fast_word(r);
    }
    return v;
}

/* The document of a whole file, as json_loadb(buf, len,
 * JSON_REJECT_DUPLICATES) would make it, or NULL: left to jansson.
 * buf[len] is a NUL. */
static json_t *fast_load(const char *buf, size_t len)
{
    fast_reader r = {(const unsigned char *)buf, (const unsigned char *)buf + len, NULL, 0, 0};
    fast_space(&r);
    json_t *root = NULL;
    if (r.p < r.end && (*r.p == '{' || *r.p == '['))
        root = fast_value(&r);
    fast_space(&r);
    if (root && r.p != r.end) {
        json_decref(root);
        root = NULL;
    }
    free(r.scratch);
    return root;
}

/* json_loadb or json_load_file (buf NULL) into a document of its own. */
static json_t *load_doc(const char *path, const char *buf, size_t len, json_error_t *je)
{
    pthread_once(&alloc_once, alloc_init);
    json_doc *d = doc_open(len);
    json_doc *outer = parsing;
    parsing = d; /* (NULL when out of memory: malloc as before) */
    json_t *root = buf ? fast_load(buf, len) : NULL;
    if (!root && buf && d) { /* left to jansson: in a new arena */
        doc_close(d);
        parsing = d = doc_open(len);
    }
    if (!root)
        root = buf ? json_loadb(buf, len, JSON_REJECT_DUPLICATES, je)
                   : json_load_file(path, JSON_REJECT_DUPLICATES, je);
    parsing = outer;
    if (d && root)
        d->root = root;
    else if (d)
        doc_close(d); /* (what the failed parse left is in the arena) */
    return root;
}

bn_status bn_json_load_file(const char *path, json_t **out, bn_error *err)
{
    json_error_t je;
    /* from a buffer: jansson reads a FILE a byte at a time through getc
     * (7 M instructions of the start-up's 211 M); the same parser, the
     * same errors */
    size_t len = 0;
    char *buf = read_whole(path, &len);
    if (buf) {
        *out = load_doc(path, buf, len, &je);
        free(buf);
    } else {
        *out = load_doc(path, NULL, 0, &je);
    }
    if (!*out) {
        FILE *f = fopen(path, "rb");
        if (!f)
            return bn_error_set(err, BN_ERR_IO, path, 0, 0, 0, "cannot open data file");
        fclose(f);
        return bn_error_set(err, BN_ERR_DATA, path, je.line > 0 ? je.line : 1,
                            je.column > 0 ? je.column : 1, (size_t)(je.position > 0 ? je.position : 0),
                            "%s", je.text);
    }
    return BN_OK;
}

/* ---- where a value is: jansson gives positions for parse errors only -- */

typedef struct scan {
    const char *s;
    size_t n, i;
} scan;

static void skip_space(scan *sc)
{
    while (sc->i < sc->n && strchr(" \t\r\n", sc->s[sc->i]))
        sc->i++;
}

/* Skips the string at sc->i (its opening quote). */
static void skip_string(scan *sc)
{
    for (sc->i++; sc->i < sc->n && sc->s[sc->i] != '"'; sc->i++)
        if (sc->s[sc->i] == '\\')
            sc->i++;
    sc->i++;
}

/* Skips the value at sc->i: a string, or anything up to the bracket that
 * closes it or the comma or bracket that ends it. */
static void skip_value(scan *sc)
{
    int depth = 0;
    while (sc->i < sc->n) {
        char c = sc->s[sc->i];
        if (c == '"') {
            skip_string(sc);
            if (!depth)
                return;
            continue;
        }
        if (c == '[' || c == '{')
            depth++;
        else if (c == ']' || c == '}') {
            if (!depth)
                return;
            if (!--depth) {
                sc->i++;
                return;
            }
        } else if (c == ',' && !depth)
            return;
        sc->i++;
    }
}

/* Moves from the value at sc->i to its member or element `step` (a key,
 * or an index when the value is an array): to the member's key, the
 * element's first byte.  Returns 1 at a member, 0 at an element, -1 when
 * there is none. */
static int enter(scan *sc, const char *step, size_t len)
{
    skip_space(sc);
    if (sc->i >= sc->n || (sc->s[sc->i] != '{' && sc->s[sc->i] != '['))
        return -1;
    int array = sc->s[sc->i++] == '[';
    size_t k = 0, want = array ? strtoul(step, NULL, 10) : 0;
    for (;;) {
        skip_space(sc);
        if (sc->i >= sc->n || sc->s[sc->i] == ']' || sc->s[sc->i] == '}')
            return -1;
        size_t at = sc->i;
        if (array) {
            if (k++ == want)
                return 0;
        } else {
            skip_string(sc);
            if (sc->i - at == len + 2 && memcmp(sc->s + at + 1, step, len) == 0) {
                sc->i = at;
                return 1;
            }
            skip_space(sc);
            sc->i++; /* the colon */
            skip_space(sc);
        }
        skip_value(sc);
        skip_space(sc);
        if (sc->i < sc->n && sc->s[sc->i] == ',')
            sc->i++;
    }
}

int bn_json_locate(const char *text, size_t len, const char *where, bn_json_pos *pos)
{
    scan sc = {text, len, 0};
    skip_space(&sc);
    while (*where) {
        size_t l = strcspn(where, "/");
        int member = enter(&sc, where, l);
        if (member < 0)
            return -1;
        where += l + (where[l] == '/');
        if (*where && member) { /* on to the member's value */
            skip_string(&sc);
            skip_space(&sc);
            sc.i++;
        }
    }
    if (sc.i >= len)
        return -1;
    pos->offset = sc.i;
    bn_line_col(text, len, sc.i, &pos->line, &pos->column);
    return 0;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0, r;
    do {
        if (n + 4096 > cap) {
            char *nb = realloc(buf, cap = cap * 2 + 8192);
            if (!nb) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nb;
        }
        r = fread(buf + n, 1, cap - n, f);
        n += r;
    } while (r > 0);
    fclose(f);
    *len = n;
    return buf;
}

void bn_json_error_place(bn_error *err, const char *path, const char *where)
{
    if (!err || err->status != BN_ERR_DATA || err->line != 0)
        return;
    size_t len;
    char *text = read_all(path, &len);
    bn_json_pos pos;
    if (text && bn_json_locate(text, len, where, &pos) == 0) {
        err->line = pos.line;
        err->offset = pos.offset;
        err->column = pos.column;
    }
    free(text);
}

bn_status bn_json_each_string(const json_t *arr, bn_string_fn fn, void *ctx, const char *path, const char *what,
                              const char *where, bn_error *err)
{
    if (!arr)
        return BN_OK;
    if (!json_is_array(arr)) {
        bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0, "%s: expected a list of strings", what);
        if (where)
            bn_json_error_place(err, path, where);
        return BN_ERR_DATA;
    }
    size_t i;
    const json_t *v;
    json_array_foreach(arr, i, v) {
        if (!json_is_string(v)) {
            bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0, "%s[%zu]: expected a string", what, i);
            if (where) {
                char at[256];
                snprintf(at, sizeof at, "%s/%zu", where, i);
                bn_json_error_place(err, path, at);
            }
            return BN_ERR_DATA;
        }
        bn_status st = fn(ctx, json_string_value(v));
        if (st != BN_OK)
            return st;
    }
    return BN_OK;
}

int bn_lang_code_valid(const char *code)
{
    size_t n = strlen(code);
    if (n == 0 || n >= BN_LANG_CODE_MAX)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((code[i] >= 'a' && code[i] <= 'z') || (code[i] >= 'A' && code[i] <= 'Z') ||
              (code[i] >= '0' && code[i] <= '9') || code[i] == '-'))
            return 0;
    return 1;
}
