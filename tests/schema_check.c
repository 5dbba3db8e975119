/*
 * schema_check: validate JSON documents against a JSON Schema (2020-12),
 * for the subset of keywords that docs/timeline.schema.json uses.
 *
 * usage: schema_check SCHEMA.json DOC.json...
 *
 * exit 0  every document is valid
 *      1  some document is invalid; every violation is one line on stderr:
 *         DOC: /instance/pointer: what is wrong (schema at /schema/pointer)
 *      2  usage error, a file that cannot be read or parsed, or a schema the
 *         checker cannot apply faithfully: a keyword it does not implement, a
 *         $ref that is not a local "#..." pointer, a pattern it cannot
 *         translate to POSIX.  A keyword is never silently ignored, except
 *         the annotations $schema, $id, title, description, $comment,
 *         examples and default.
 *
 * Implemented: type, properties, required, additionalProperties, items (a
 * schema), minItems, maxItems, enum, const, minimum, maximum, pattern, oneOf,
 * anyOf, allOf, $ref (local JSON Pointer), $defs, and the schemas true/false.
 *
 * And one keyword of our own, which JSON Schema cannot say (uniqueItems
 * compares whole items; other validators ignore a keyword they do not
 * know): "x-uniqueMember": NAME on an array schema: no two items that are
 * objects with a member NAME have equal values of it (compared as compact
 * JSON text: strings by their characters).  Each repeat is one violation,
 * at the later item's member, naming the first item that has the value.
 *
 * The schema is compiled once into a graph of struct schema nodes (children
 * linked directly, $ref resolved, patterns translated and compiled), so that
 * validation is a single pass over the document: no copying, no lookups in
 * the schema's JSON, time linear in the document's size.
 *
 * Build: gcc -std=c17 -Wall -Wextra -O2 -o schema_check schema_check.c \
 *            $(pkg-config --cflags --libs jansson)
 */
#define _POSIX_C_SOURCE 200809L

#include <jansson.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <regex.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* Memory and growable strings                                              */

static _Noreturn void out_of_memory(void)
{
    fputs("schema_check: out of memory\n", stderr);
    exit(2);
}

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        out_of_memory();
    return q;
}

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n, size);
    if (!p)
        out_of_memory();
    return p;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xrealloc(NULL, n), s, n);
}

struct strbuf {
    char *s;
    size_t len, cap;
};

static void sb_reserve(struct strbuf *b, size_t more)
{
    if (b->len + more + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + more + 1)
        cap *= 2;
    b->s = xrealloc(b->s, cap);
    b->cap = cap;
}

static void sb_append(struct strbuf *b, const char *s, size_t n)
{
    sb_reserve(b, n);
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void sb_puts(struct strbuf *b, const char *s) { sb_append(b, s, strlen(s)); }
static void sb_putc(struct strbuf *b, char c) { sb_append(b, &c, 1); }

static void sb_truncate(struct strbuf *b, size_t len)
{
    b->len = len;
    if (b->s)
        b->s[len] = '\0';
}

static const char *sb_str(const struct strbuf *b) { return b->s ? b->s : ""; }

static void sb_vprintf(struct strbuf *b, const char *fmt, va_list ap)
{
    char small[256]; /* most messages: one vsnprintf */
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    if (n > 0 && (size_t)n < sizeof small) {
        sb_append(b, small, (size_t)n);
    } else if (n > 0) {
        sb_reserve(b, (size_t)n);
        vsnprintf(b->s + b->len, (size_t)n + 1, fmt, again);
        b->len += (size_t)n;
    }
    va_end(again);
}

static void sb_free(struct strbuf *b)
{
    free(b->s);
    *b = (struct strbuf){0};
}

/* ------------------------------------------------------------------------ */
/* JSON Pointers (RFC 6901), built in place: push a step, pop back to a mark */

static size_t pointer_push_key(struct strbuf *p, const char *key)
{
    size_t mark = p->len;
    sb_putc(p, '/');
    while (*key) {
        size_t plain = strcspn(key, "~/");
        sb_append(p, key, plain);
        key += plain;
        if (*key)
            sb_append(p, *key++ == '~' ? "~0" : "~1", 2);
    }
    return mark;
}

static size_t pointer_push_index(struct strbuf *p, size_t index)
{
    size_t mark = p->len;
    char step[32];
    int n = snprintf(step, sizeof step, "/%zu", index);
    sb_append(p, step, (size_t)n);
    return mark;
}

/* The empty pointer (the whole document) would print as nothing. */
static const char *pointer_text(const char *pointer)
{
    return pointer[0] ? pointer : "(root)";
}

/* ------------------------------------------------------------------------ */
/* Numbers: JSON Schema compares by mathematical value, 1 == 1.0            */

static bool real_is_integral(double d)
{
    if (!isfinite(d))
        return false;
    if (d >= 9007199254740992.0 || d <= -9007199254740992.0)
        return true; /* beyond 2^53 every double is an integer */
    return d == (double)(long long)d;
}

/* <0, 0, >0 as i is below, equal to or above d; exact for every long long,
   which a conversion of i to double is not. */
static int compare_int_real(long long i, double d)
{
    if (d >= 9223372036854775808.0)
        return -1;
    if (d < -9223372036854775808.0)
        return 1;
    long long whole = (long long)d; /* truncates toward zero; fits */
    if (i != whole)
        return i < whole ? -1 : 1;
    double frac = d - (double)whole; /* exact */
    return frac > 0 ? -1 : frac < 0 ? 1 : 0;
}

static int compare_numbers(const json_t *a, const json_t *b)
{
    if (json_is_integer(a) && json_is_integer(b)) {
        json_int_t x = json_integer_value(a), y = json_integer_value(b);
        return (x > y) - (x < y);
    }
    if (json_is_integer(a))
        return compare_int_real(json_integer_value(a), json_real_value(b));
    if (json_is_integer(b))
        return -compare_int_real(json_integer_value(b), json_real_value(a));
    double x = json_real_value(a), y = json_real_value(b);
    return (x > y) - (x < y);
}

/* Deep equality as JSON Schema defines it (enum, const): json_equal, except
   that numbers are equal by value whatever their JSON spelling. */
static bool values_equal(const json_t *a, const json_t *b)
{
    if (json_is_number(a) && json_is_number(b))
        return compare_numbers(a, b) == 0;
    if (json_is_array(a) && json_is_array(b)) {
        size_t n = json_array_size(a);
        if (n != json_array_size(b))
            return false;
        for (size_t i = 0; i < n; i++)
            if (!values_equal(json_array_get(a, i), json_array_get(b, i)))
                return false;
        return true;
    }
    if (json_is_object(a) && json_is_object(b)) {
        if (json_object_size(a) != json_object_size(b))
            return false;
        const char *key;
        json_t *member;
        json_object_foreach((json_t *)a, key, member) {
            const json_t *other = json_object_get(b, key);
            if (!other || !values_equal(member, other))
                return false;
        }
        return true;
    }
    return json_equal(a, b);
}

/* ------------------------------------------------------------------------ */
/* Short descriptions of values, for messages                               */

struct bounded_out {
    char *buf;
    size_t len, room;
    bool cut;
};

static int bounded_write(const char *data, size_t size, void *arg)
{
    struct bounded_out *o = arg;
    size_t n = size;
    if (n > o->room - o->len) {
        n = o->room - o->len;
        while (n > 0 && ((unsigned char)data[n] & 0xC0) == 0x80)
            n--; /* do not cut a UTF-8 sequence */
        o->cut = true;
    }
    memcpy(o->buf + o->len, data, n);
    o->len += n;
    return o->cut ? -1 : 0;
}

/* Shortest %g form that reads back as the same double: 0.65, not the
   0.65000000000000002 that jansson writes; 2.0 stays 2.0. */
static void describe_real(double d, char *buf, size_t size)
{
    for (int precision = 1; precision <= 17; precision++) {
        snprintf(buf, size, "%.*g", precision, d);
        if (strtod(buf, NULL) == d)
            break;
    }
    if (!strpbrk(buf, ".eEni") && strlen(buf) + 3 <= size)
        strcat(buf, ".0");
}

/* Compact JSON of v, cut to fit buf with "..." (the only allocation-free way
   to show a value that may be a large subtree). */
static const char *describe(const json_t *v, char *buf, size_t size)
{
    if (json_is_real(v)) {
        describe_real(json_real_value(v), buf, size);
        return buf;
    }
    struct bounded_out o = {buf, 0, size - 4, false};
    json_dump_callback(v, bounded_write, &o, JSON_ENCODE_ANY | JSON_COMPACT);
    if (o.cut)
        memcpy(o.buf + o.len, "...", 3), o.len += 3;
    buf[o.len] = '\0';
    return buf;
}

/* ------------------------------------------------------------------------ */
/* Compiled schemas                                                          */

enum {
    T_NULL = 1 << 0,
    T_BOOLEAN = 1 << 1,
    T_OBJECT = 1 << 2,
    T_ARRAY = 1 << 3,
    T_NUMBER = 1 << 4,
    T_STRING = 1 << 5,
    T_INTEGER = 1 << 6,
};

static const struct {
    const char *name;
    unsigned bit;
} type_names[] = {
    {"null", T_NULL},     {"boolean", T_BOOLEAN}, {"object", T_OBJECT},   {"array", T_ARRAY},
    {"number", T_NUMBER}, {"string", T_STRING},   {"integer", T_INTEGER},
};

struct schema;

struct schema_list {
    struct schema **v;
    size_t n;
};

struct property {
    const char *name; /* points into the schema's JSON */
    struct schema *schema;
};

/* One schema: true, false or an object.  A pointer member is NULL (a count
   0, a limit -1) when its keyword is absent. */
struct schema {
    char *path;    /* JSON Pointer of this schema in the schema file */
    json_t *json;  /* the schema's JSON: true, false or an object */
    unsigned types; /* "type" as T_* bits; 0 when absent */
    json_t *type_json;
    struct property *props; /* "properties", sorted by name for bsearch */
    size_t nprops;
    const char **required;
    size_t nrequired;
    struct schema *additional; /* additionalProperties */
    struct schema *items;
    long long min_items, max_items;
    json_t *enum_values, *const_value;
    json_t *minimum, *maximum;
    const char *pattern; /* as written, ECMA-262 */
    regex_t regex;       /* its POSIX ERE translation, compiled */
    bool has_regex;
    const char *unique_member; /* "x-uniqueMember" (ours), or NULL */
    struct schema_list all_of, any_of, one_of;
    const char *ref_text; /* "$ref" as written */
    struct schema *ref;   /* ... and what it points at */
    int loop_mark;        /* $ref loop check: 0 new, 1 on the path, 2 done */
    struct schema *next;  /* every node, in one list, for freeing */
};

/* Schema objects by address of their JSON, to resolve $ref to the node
   already compiled for the target.  Open addressing, power-of-two size. */
struct ptrmap {
    const json_t **keys;
    struct schema **vals;
    size_t cap, len;
};

static size_t ptrmap_slot(const struct ptrmap *m, const json_t *key)
{
    uint64_t h = (uint64_t)(uintptr_t)key * 0x9E3779B97F4A7C15u;
    size_t i = (size_t)(h >> 32) & (m->cap - 1);
    while (m->keys[i] && m->keys[i] != key)
        i = (i + 1) & (m->cap - 1);
    return i;
}

static struct schema *ptrmap_get(const struct ptrmap *m, const json_t *key)
{
    if (m->cap == 0)
        return NULL;
    size_t i = ptrmap_slot(m, key);
    return m->keys[i] ? m->vals[i] : NULL;
}

static void ptrmap_put(struct ptrmap *m, const json_t *key, struct schema *val);

static void ptrmap_grow(struct ptrmap *m)
{
    struct ptrmap old = *m;
    m->cap = old.cap ? old.cap * 2 : 64;
    m->len = 0;
    m->keys = xcalloc(m->cap, sizeof *m->keys);
    m->vals = xcalloc(m->cap, sizeof *m->vals);
    for (size_t i = 0; i < old.cap; i++)
        if (old.keys[i])
            ptrmap_put(m, old.keys[i], old.vals[i]);
    free(old.keys);
    free(old.vals);
}

static void ptrmap_put(struct ptrmap *m, const json_t *key, struct schema *val)
{
    if (2 * (m->len + 1) > m->cap)
        ptrmap_grow(m);
    size_t i = ptrmap_slot(m, key);
    if (!m->keys[i])
        m->len++;
    m->keys[i] = key;
    m->vals[i] = val;
}

static void ptrmap_free(struct ptrmap *m)
{
    free(m->keys);
    free(m->vals);
    *m = (struct ptrmap){0};
}

/* The compiler's and validator's shared context: the schema and its nodes. */
struct checker {
    const char *schema_file;
    json_t *root;
    struct schema *top;
    struct schema *nodes;      /* every node (list through ->next) */
    struct ptrmap by_json;     /* schema object -> node */
    struct schema **pending;   /* nodes whose $ref is to resolve */
    size_t npending, pending_cap;
    struct strbuf path;        /* where the compiler is, in the schema */
    unsigned errors;           /* problems found in the schema */
    bool utf8;                 /* regexes match by UTF-8 character */
};

static void schema_error(struct checker *c, const char *at, const char *fmt, ...)
{
    struct strbuf msg = {0};
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(&msg, fmt, ap);
    va_end(ap);
    fprintf(stderr, "%s: %s: %s\n", c->schema_file, pointer_text(at), sb_str(&msg));
    sb_free(&msg);
    c->errors++;
}

/* ------------------------------------------------------------------------ */
/* ECMA-262 patterns to POSIX ERE                                            */
/*
 * Only constructs whose meaning carries over exactly are translated; any
 * other is refused with a reason, so a pattern is never checked against
 * something else than what it says.  A pattern is a search, not a full
 * match, in both dialects, and ^ $ mean start and end of the string in both
 * (no REG_NEWLINE, no ECMA "m" flag).  Lazy quantifiers lose their "?": it
 * changes which match is found, never whether there is one.
 */

/* ECMA \s: WhiteSpace and LineTerminator (UTF-8; only in a UTF-8 locale),
   U+2000..U+200A one by one: see translate_class on ranges. */
#define ECMA_SPACES \
    " \t\n\v\f\r" \
    "\xC2\xA0" \
    "\xE1\x9A\x80" \
    "\xE2\x80\x80\xE2\x80\x81\xE2\x80\x82\xE2\x80\x83\xE2\x80\x84\xE2\x80\x85" \
    "\xE2\x80\x86\xE2\x80\x87\xE2\x80\x88\xE2\x80\x89\xE2\x80\x8A" \
    "\xE2\x80\xA8" \
    "\xE2\x80\xA9" \
    "\xE2\x80\xAF" \
    "\xE2\x81\x9F" \
    "\xE3\x80\x80" \
    "\xEF\xBB\xBF"
/* ECMA ".": anything but a LineTerminator. */
#define ECMA_DOT "[^\n\r\xE2\x80\xA8\xE2\x80\xA9]"

struct translation {
    const char *p;     /* next character of the ECMA pattern */
    bool utf8;         /* the regex library works on characters */
    struct strbuf out; /* the ERE so far */
    const char *why;   /* set when the pattern cannot be translated */
};

static bool refuse(struct translation *t, const char *why)
{
    t->why = why;
    return false;
}

static size_t utf8_length(unsigned char lead)
{
    return lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

static bool needs_utf8(struct translation *t)
{
    return t->utf8 || refuse(t, "needs a UTF-8 locale (C.UTF-8) to match by character");
}

/* The control character of \n \t \r \f \v, or 0. */
static char control_escape(char c)
{
    switch (c) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case 'f': return '\f';
    case 'v': return '\v';
    default: return 0;
    }
}

static bool is_ascii_punct(char c)
{
    return c > 0x20 && c < 0x7F && !(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z') &&
           !(c >= 'a' && c <= 'z');
}

/* A character to match literally, outside a bracket expression. */
static void emit_literal(struct translation *t, char c)
{
    if (strchr(".[\\()*+?{|^$", c))
        sb_putc(&t->out, '\\');
    else if (c == ']' || c == '}') {
        /* literal in both dialects, but POSIX leaves "\]" undefined */
        sb_putc(&t->out, '[');
        sb_putc(&t->out, c);
        sb_putc(&t->out, ']');
        return;
    }
    sb_putc(&t->out, c);
}

/* \X outside a class; t->p is at the backslash. */
static bool translate_escape(struct translation *t)
{
    char c = t->p[1];
    const char *set = NULL;
    switch (c) {
    case 'd': set = "[0-9]"; break;
    case 'w': set = "[A-Za-z0-9_]"; break;
    case 'D': set = "[^0-9]"; break;
    case 'W': set = "[^A-Za-z0-9_]"; break;
    case 's': set = "[" ECMA_SPACES "]"; break;
    case 'S': set = "[^" ECMA_SPACES "]"; break;
    default: break;
    }
    if (set) {
        if (c != 'd' && c != 'w' && !needs_utf8(t))
            return false;
        sb_puts(&t->out, set);
    } else if (control_escape(c)) {
        sb_putc(&t->out, control_escape(c));
    } else if (is_ascii_punct(c)) {
        emit_literal(t, c);
    } else {
        return refuse(t, "an escape other than \\d \\D \\w \\W \\s \\S, \\n \\t \\r \\f \\v or an "
                         "escaped punctuation character (no \\b, \\uXXXX, \\xXX, back-references)");
    }
    t->p += 2;
    return true;
}

/* One element of a class: a single character (copied to ch, ch_len bytes),
   or a set from \d \w \s (appended to items). */
static bool class_atom(struct translation *t, char ch[5], size_t *ch_len, struct strbuf *items)
{
    const char *p = t->p;
    *ch_len = 0;
    if (*p != '\\') {
        size_t n = utf8_length((unsigned char)*p);
        if (n > 1 && !needs_utf8(t))
            return false;
        for (size_t i = 0; i < n; i++)
            if (!p[i])
                return refuse(t, "a truncated UTF-8 sequence");
        memcpy(ch, p, n);
        ch[n] = '\0';
        *ch_len = n;
        t->p += n;
        return true;
    }
    char c = p[1];
    if (c == 'd')
        sb_puts(items, "0-9");
    else if (c == 'w')
        sb_puts(items, "A-Za-z0-9_");
    else if (c == 's') {
        if (!needs_utf8(t))
            return false;
        sb_puts(items, ECMA_SPACES);
    } else if (c == 'D' || c == 'W' || c == 'S')
        return refuse(t, "\\D, \\W or \\S inside [...] has no POSIX equivalent");
    else if (c == 'b' || control_escape(c) || is_ascii_punct(c)) {
        ch[0] = c == 'b' ? '\b' : control_escape(c) ? control_escape(c) : c;
        ch[1] = '\0';
        *ch_len = 1;
    } else
        return refuse(t, "an escape inside [...] other than \\d \\w \\s, a control escape or "
                         "an escaped punctuation character");
    t->p += 2;
    return true;
}

/* Characters with a place of their own in a POSIX bracket expression. */
static bool bracket_special(const char *ch, size_t len)
{
    return len == 1 && strchr("]-[^", ch[0]);
}

/* [...] ; t->p is at the '['.  In a POSIX bracket expression a backslash is
   literal and ] - ^ [ are special by position, so the elements are gathered
   first and written in an order where each means itself. */
static bool translate_class(struct translation *t)
{
    t->p++;
    bool negated = *t->p == '^';
    if (negated) {
        if (!needs_utf8(t))
            return false;
        t->p++;
    }
    if (*t->p == ']')
        return refuse(t, "the empty classes [] and [^] have no POSIX equivalent");
    struct strbuf items = {0};
    bool rbracket = false, hyphen = false, caret = false, lbracket = false, ok = true;
    while (ok && *t->p != ']') {
        char lo[5], hi[5];
        size_t lo_len, hi_len;
        if (!*t->p) {
            ok = refuse(t, "an unterminated [...]");
        } else if (!(ok = class_atom(t, lo, &lo_len, &items)) || lo_len == 0) {
            /* refused, or a set already added */
        } else if (t->p[0] == '-' && t->p[1] && t->p[1] != ']') {
            t->p++;
            if (!(ok = class_atom(t, hi, &hi_len, &items)))
                break;
            if (hi_len == 0 || bracket_special(lo, lo_len) || bracket_special(hi, hi_len)) {
                ok = refuse(t, "a range in [...] whose end is a class or one of ] - [ ^");
                break;
            }
            if (lo_len > 1 || hi_len > 1) {
                /* POSIX orders such ranges by the locale's collation, not by
                   code point, and glibc's C.UTF-8 refuses them */
                ok = refuse(t, "a range in [...] with a non-ASCII end");
                break;
            }
            sb_append(&items, lo, lo_len);
            sb_putc(&items, '-');
            sb_append(&items, hi, hi_len);
        } else if (lo_len == 1 && lo[0] == ']') {
            rbracket = true;
        } else if (lo_len == 1 && lo[0] == '-') {
            hyphen = true;
        } else if (lo_len == 1 && lo[0] == '^') {
            caret = true;
        } else if (lo_len == 1 && lo[0] == '[') {
            lbracket = true;
        } else {
            sb_append(&items, lo, lo_len);
        }
    }
    if (ok) {
        t->p++; /* the closing ] */
        /* ] first, [ late (so that no "[:" "[." "[=" forms), ^ not first, - last */
        bool caret_alone_first = caret && !negated && !rbracket && items.len == 0 && !lbracket;
        if (caret_alone_first && !hyphen) {
            sb_puts(&t->out, "\\^");
        } else {
            sb_puts(&t->out, negated ? "[^" : "[");
            if (rbracket)
                sb_putc(&t->out, ']');
            if (caret_alone_first)
                sb_puts(&t->out, "-^");
            sb_append(&t->out, sb_str(&items), items.len);
            if (lbracket)
                sb_putc(&t->out, '[');
            if (caret && !caret_alone_first)
                sb_putc(&t->out, '^');
            if (hyphen && !caret_alone_first)
                sb_putc(&t->out, '-');
            sb_putc(&t->out, ']');
        }
    }
    sb_free(&items);
    return ok;
}

/* Length of a {n}, {n,} or {n,m} quantifier at p, else 0 (ECMA then reads
   the brace literally). */
static size_t brace_quantifier_length(const char *p)
{
    const char *q = p + 1;
    size_t digits = strspn(q, "0123456789");
    if (digits == 0)
        return 0;
    q += digits;
    if (*q == ',')
        q += 1 + strspn(q + 1, "0123456789");
    return *q == '}' ? (size_t)(q + 1 - p) : 0;
}

static bool translate_pattern(struct translation *t)
{
    bool after_quantifier = false;
    while (*t->p) {
        char c = *t->p;
        if (after_quantifier && c == '?') { /* lazy: same yes/no answer */
            t->p++;
            after_quantifier = false;
            continue;
        }
        after_quantifier = false;
        size_t n;
        if (c == '\\') {
            if (!translate_escape(t))
                return false;
        } else if (c == '[') {
            if (!translate_class(t))
                return false;
        } else if (c == '(') {
            if (t->p[1] == '?' && t->p[2] != ':')
                return refuse(t, "lookaround and named groups have no POSIX equivalent");
            sb_putc(&t->out, '(');
            t->p += t->p[1] == '?' ? 3 : 1; /* (?: groups like ( */
        } else if (c == '.') {
            if (!needs_utf8(t))
                return false;
            sb_puts(&t->out, ECMA_DOT);
            t->p++;
        } else if (c == '*' || c == '+' || c == '?') {
            sb_putc(&t->out, c);
            t->p++;
            after_quantifier = true;
        } else if (c == '{' && (n = brace_quantifier_length(t->p)) > 0) {
            sb_append(&t->out, t->p, n);
            t->p += n;
            after_quantifier = true;
        } else if (c == '{' || c == '}' || c == ']') {
            emit_literal(t, c);
            t->p++;
        } else {
            n = utf8_length((unsigned char)c);
            if (n > 1 && !needs_utf8(t))
                return false;
            for (size_t i = 0; i < n; i++)
                if (!t->p[i])
                    return refuse(t, "a truncated UTF-8 sequence");
            sb_append(&t->out, t->p, n);
            t->p += n;
        }
    }
    return true;
}

/* ------------------------------------------------------------------------ */
/* Compiling the schema                                                      */

static struct schema *compile(struct checker *c, json_t *json);

static bool require_schema_array(struct checker *c, const json_t *v, const char *keyword)
{
    if (json_is_array(v) && json_array_size(v) > 0)
        return true;
    schema_error(c, sb_str(&c->path), "%s must be a non-empty array of schemas", keyword);
    return false;
}

static void compile_list(struct checker *c, struct schema_list *list, json_t *v, const char *keyword)
{
    if (!require_schema_array(c, v, keyword))
        return;
    list->n = json_array_size(v);
    list->v = xrealloc(NULL, list->n * sizeof *list->v);
    for (size_t i = 0; i < list->n; i++) {
        size_t mark = pointer_push_index(&c->path, i);
        list->v[i] = compile(c, json_array_get(v, i));
        sb_truncate(&c->path, mark);
    }
}

/* A count (minItems, maxItems): a non-negative integer, 2.0 allowed. */
static long long compile_count(struct checker *c, const json_t *v, const char *keyword)
{
    if (json_is_integer(v) && json_integer_value(v) >= 0)
        return json_integer_value(v);
    if (json_is_real(v) && real_is_integral(json_real_value(v)) && json_real_value(v) >= 0 &&
        json_real_value(v) < 9e18)
        return (long long)json_real_value(v);
    schema_error(c, sb_str(&c->path), "%s must be a non-negative integer", keyword);
    return -1;
}

static unsigned type_bit(const json_t *name)
{
    for (size_t i = 0; i < sizeof type_names / sizeof type_names[0]; i++)
        if (json_is_string(name) && strcmp(json_string_value(name), type_names[i].name) == 0)
            return type_names[i].bit;
    return 0;
}

static void kw_type(struct checker *c, struct schema *s, json_t *v)
{
    s->type_json = v;
    if (json_is_string(v)) {
        s->types = type_bit(v);
    } else if (json_is_array(v) && json_array_size(v) > 0) {
        size_t i;
        json_t *name;
        json_array_foreach(v, i, name) {
            unsigned bit = type_bit(name);
            if (!bit || (s->types & bit)) {
                s->types = 0;
                break;
            }
            s->types |= bit;
        }
    }
    if (!s->types)
        schema_error(c, sb_str(&c->path),
                     "type must be one of null, boolean, object, array, number, string, "
                     "integer, or a non-empty array of distinct ones");
}

static int property_order(const void *a, const void *b)
{
    return strcmp(((const struct property *)a)->name, ((const struct property *)b)->name);
}

static void kw_properties(struct checker *c, struct schema *s, json_t *v)
{
    if (!json_is_object(v)) {
        schema_error(c, sb_str(&c->path), "properties must be an object of schemas");
        return;
    }
    s->props = xrealloc(NULL, json_object_size(v) * sizeof *s->props);
    const char *name;
    json_t *sub;
    json_object_foreach(v, name, sub) {
        size_t mark = pointer_push_key(&c->path, name);
        s->props[s->nprops++] = (struct property){name, compile(c, sub)};
        sb_truncate(&c->path, mark);
    }
    qsort(s->props, s->nprops, sizeof *s->props, property_order);
}

static void kw_required(struct checker *c, struct schema *s, json_t *v)
{
    size_t i;
    json_t *name;
    if (!json_is_array(v)) {
        schema_error(c, sb_str(&c->path), "required must be an array of strings");
        return;
    }
    s->required = xrealloc(NULL, json_array_size(v) * sizeof *s->required);
    json_array_foreach(v, i, name) {
        if (!json_is_string(name)) {
            schema_error(c, sb_str(&c->path), "required must be an array of strings");
            return;
        }
        s->required[s->nrequired++] = json_string_value(name);
    }
}

static void kw_additional(struct checker *c, struct schema *s, json_t *v)
{
    s->additional = compile(c, v);
}

static void kw_items(struct checker *c, struct schema *s, json_t *v)
{
    if (json_is_array(v))
        schema_error(c, sb_str(&c->path),
                     "items must be a schema in 2020-12 (its array form is now prefixItems, "
                     "which schema_check does not implement)");
    else
        s->items = compile(c, v);
}

static void kw_unique_member(struct checker *c, struct schema *s, json_t *v)
{
    if (!json_is_string(v))
        schema_error(c, sb_str(&c->path), "x-uniqueMember must be a string (a member name)");
    else
        s->unique_member = json_string_value(v);
}

static void kw_min_items(struct checker *c, struct schema *s, json_t *v)
{
    s->min_items = compile_count(c, v, "minItems");
}

static void kw_max_items(struct checker *c, struct schema *s, json_t *v)
{
    s->max_items = compile_count(c, v, "maxItems");
}

static void kw_enum(struct checker *c, struct schema *s, json_t *v)
{
    if (json_is_array(v))
        s->enum_values = v;
    else
        schema_error(c, sb_str(&c->path), "enum must be an array");
}

static void kw_const(struct checker *c, struct schema *s, json_t *v)
{
    (void)c;
    s->const_value = v;
}

static void kw_minimum(struct checker *c, struct schema *s, json_t *v)
{
    if (json_is_number(v))
        s->minimum = v;
    else
        schema_error(c, sb_str(&c->path), "minimum must be a number");
}

static void kw_maximum(struct checker *c, struct schema *s, json_t *v)
{
    if (json_is_number(v))
        s->maximum = v;
    else
        schema_error(c, sb_str(&c->path), "maximum must be a number");
}

static void kw_pattern(struct checker *c, struct schema *s, json_t *v)
{
    if (!json_is_string(v)) {
        schema_error(c, sb_str(&c->path), "pattern must be a string");
        return;
    }
    s->pattern = json_string_value(v);
    struct translation t = {.p = s->pattern, .utf8 = c->utf8};
    if (!translate_pattern(&t)) {
        schema_error(c, sb_str(&c->path), "pattern %s cannot be translated to POSIX: %s",
                     s->pattern, t.why);
    } else {
        int rc = regcomp(&s->regex, sb_str(&t.out), REG_EXTENDED | REG_NOSUB);
        if (rc == 0) {
            s->has_regex = true;
        } else {
            char why[256];
            regerror(rc, &s->regex, why, sizeof why);
            schema_error(c, sb_str(&c->path), "pattern %s (POSIX: %s) does not compile: %s",
                         s->pattern, sb_str(&t.out), why);
        }
    }
    sb_free(&t.out);
}

static void kw_all_of(struct checker *c, struct schema *s, json_t *v)
{
    compile_list(c, &s->all_of, v, "allOf");
}

static void kw_any_of(struct checker *c, struct schema *s, json_t *v)
{
    compile_list(c, &s->any_of, v, "anyOf");
}

static void kw_one_of(struct checker *c, struct schema *s, json_t *v)
{
    compile_list(c, &s->one_of, v, "oneOf");
}

static void kw_ref(struct checker *c, struct schema *s, json_t *v)
{
    if (!json_is_string(v)) {
        schema_error(c, sb_str(&c->path), "$ref must be a string");
        return;
    }
    s->ref_text = json_string_value(v);
    if (c->npending == c->pending_cap) {
        c->pending_cap = c->pending_cap ? 2 * c->pending_cap : 16;
        c->pending = xrealloc(c->pending, c->pending_cap * sizeof *c->pending);
    }
    c->pending[c->npending++] = s; /* resolved once the whole schema is compiled */
}

static void kw_defs(struct checker *c, struct schema *s, json_t *v)
{
    (void)s;
    if (!json_is_object(v)) {
        schema_error(c, sb_str(&c->path), "$defs must be an object of schemas");
        return;
    }
    const char *name;
    json_t *sub;
    json_object_foreach(v, name, sub) {
        size_t mark = pointer_push_key(&c->path, name);
        compile(c, sub); /* reached through $ref; kept in c->nodes */
        sb_truncate(&c->path, mark);
    }
}

static void kw_schema_uri(struct checker *c, struct schema *s, json_t *v)
{
    (void)s;
    const char *uri = json_string_value(v);
    if (!uri || (strcmp(uri, "https://json-schema.org/draft/2020-12/schema") != 0 &&
                 strcmp(uri, "https://json-schema.org/draft/2020-12/schema#") != 0))
        schema_error(c, sb_str(&c->path),
                     "$schema is not https://json-schema.org/draft/2020-12/schema, the only "
                     "dialect schema_check implements");
}

/* A nested $id starts a new schema resource, which changes what "#..."
   references inside it mean: not supported, rather than resolved wrongly. */
static void kw_id(struct checker *c, struct schema *s, json_t *v)
{
    (void)v;
    if (s->path[0])
        schema_error(c, sb_str(&c->path),
                     "$id below the root (an embedded schema resource) is not supported");
}

typedef void keyword_compiler(struct checker *c, struct schema *s, json_t *v);

static const struct {
    const char *name;
    keyword_compiler *compile; /* NULL: an annotation, no effect on validity */
} keywords[] = {
    {"$schema", kw_schema_uri},
    {"$id", kw_id},
    {"title", NULL},
    {"description", NULL},
    {"$comment", NULL},
    {"examples", NULL},
    {"default", NULL},
    {"$defs", kw_defs},
    {"$ref", kw_ref},
    {"type", kw_type},
    {"enum", kw_enum},
    {"const", kw_const},
    {"minimum", kw_minimum},
    {"maximum", kw_maximum},
    {"pattern", kw_pattern},
    {"minItems", kw_min_items},
    {"maxItems", kw_max_items},
    {"items", kw_items},
    {"required", kw_required},
    {"properties", kw_properties},
    {"additionalProperties", kw_additional},
    {"allOf", kw_all_of},
    {"anyOf", kw_any_of},
    {"oneOf", kw_one_of},
    {"x-uniqueMember", kw_unique_member},
};

static void compile_keyword(struct checker *c, struct schema *s, const char *name, json_t *v)
{
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++) {
        if (strcmp(name, keywords[i].name) == 0) {
            if (keywords[i].compile)
                keywords[i].compile(c, s, v);
            return;
        }
    }
    schema_error(c, sb_str(&c->path), "keyword \"%s\" is not implemented by schema_check", name);
}

static struct schema *new_schema(struct checker *c, json_t *json)
{
    struct schema *s = xcalloc(1, sizeof *s);
    s->path = xstrdup(sb_str(&c->path));
    s->json = json;
    s->min_items = s->max_items = -1;
    s->next = c->nodes;
    c->nodes = s;
    return s;
}

/* The schema json, at c->path in the schema file. */
static struct schema *compile(struct checker *c, json_t *json)
{
    struct schema *s = new_schema(c, json);
    if (json_is_boolean(json))
        return s;
    if (!json_is_object(json)) {
        schema_error(c, sb_str(&c->path), "a schema must be an object or a boolean");
        return s;
    }
    ptrmap_put(&c->by_json, json, s);
    const char *name;
    json_t *v;
    json_object_foreach(json, name, v) {
        size_t mark = pointer_push_key(&c->path, name);
        compile_keyword(c, s, name, v);
        sb_truncate(&c->path, mark);
    }
    return s;
}

static int hex_value(char h)
{
    if (h >= '0' && h <= '9')
        return h - '0';
    if (h >= 'a' && h <= 'f')
        return h - 'a' + 10;
    if (h >= 'A' && h <= 'F')
        return h - 'A' + 10;
    return -1;
}

/* The JSON Pointer in a "#..." URI fragment: percent-decoded into out. */
static bool decode_fragment(const char *fragment, struct strbuf *out)
{
    for (const char *p = fragment; *p; p++) {
        if (*p != '%') {
            sb_putc(out, *p);
            continue;
        }
        int hi = hex_value(p[1]), lo = hi < 0 ? -1 : hex_value(p[2]);
        if (lo < 0 || (hi == 0 && lo == 0))
            return false;
        sb_putc(out, (char)(hi * 16 + lo));
        p += 2;
    }
    return true;
}

/* The value a JSON Pointer names in root, or NULL. */
static json_t *pointer_lookup(json_t *root, const char *pointer)
{
    json_t *at = root;
    struct strbuf token = {0};
    const char *p = pointer;
    while (at && *p == '/') {
        p++;
        sb_truncate(&token, 0);
        for (; *p && *p != '/'; p++) {
            if (*p == '~' && (p[1] == '0' || p[1] == '1'))
                sb_putc(&token, *++p == '0' ? '~' : '/');
            else if (*p == '~')
                at = NULL; /* "~" not followed by 0 or 1 */
            else
                sb_putc(&token, *p);
        }
        const char *name = sb_str(&token);
        if (!at) {
            break;
        } else if (json_is_object(at)) {
            at = json_object_get(at, name);
        } else if (json_is_array(at) && name[0] && strspn(name, "0123456789") == strlen(name) &&
                   (name[0] != '0' || !name[1])) {
            at = json_array_get(at, strtoull(name, NULL, 10));
        } else {
            at = NULL;
        }
    }
    sb_free(&token);
    return *p ? NULL : at;
}

static void resolve_ref(struct checker *c, struct schema *s)
{
    struct strbuf at = {0}, pointer = {0};
    sb_puts(&at, s->path);
    sb_puts(&at, "/$ref");
    const char *ref = s->ref_text;
    json_t *target = NULL;
    if (ref[0] != '#') {
        schema_error(c, sb_str(&at),
                     "$ref \"%s\": only references within the schema (\"#...\") are supported",
                     ref);
    } else if (ref[1] && ref[1] != '/') {
        schema_error(c, sb_str(&at),
                     "$ref \"%s\": plain-name fragments ($anchor) are not supported", ref);
    } else if (!decode_fragment(ref + 1, &pointer) ||
               !(target = pointer_lookup(c->root, sb_str(&pointer)))) {
        schema_error(c, sb_str(&at), "$ref \"%s\": no such location in the schema", ref);
    } else if (!(s->ref = ptrmap_get(&c->by_json, target))) {
        /* a location not compiled as a schema yet (or true/false) */
        sb_truncate(&c->path, 0);
        sb_puts(&c->path, sb_str(&pointer));
        s->ref = compile(c, target);
    }
    sb_free(&at);
    sb_free(&pointer);
}

/* A loop of $ref (or allOf/anyOf/oneOf) that comes back to a schema
   without going down into the document would never end. */
static bool in_place_loop(struct checker *c, struct schema *s);

static bool list_loops(struct checker *c, const struct schema_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        if (in_place_loop(c, l->v[i]))
            return true;
    return false;
}

static bool in_place_loop(struct checker *c, struct schema *s)
{
    if (s->loop_mark == 2)
        return false;
    if (s->loop_mark == 1) {
        schema_error(c, s->path,
                     "$ref loop: this schema applies itself to the same value, forever");
        return true;
    }
    s->loop_mark = 1;
    bool loop = (s->ref && in_place_loop(c, s->ref)) || list_loops(c, &s->all_of) ||
                list_loops(c, &s->any_of) || list_loops(c, &s->one_of);
    s->loop_mark = 2;
    return loop;
}

static bool checker_compile(struct checker *c)
{
    c->top = compile(c, c->root);
    for (size_t i = 0; i < c->npending; i++) /* may grow as it goes */
        resolve_ref(c, c->pending[i]);
    if (c->errors == 0)
        for (struct schema *s = c->nodes; s; s = s->next)
            if (in_place_loop(c, s))
                break;
    return c->errors == 0;
}

static void free_schema(struct schema *s)
{
    free(s->path);
    free(s->props);
    free(s->required);
    free(s->all_of.v);
    free(s->any_of.v);
    free(s->one_of.v);
    if (s->has_regex)
        regfree(&s->regex);
    free(s);
}

static void checker_free(struct checker *c)
{
    while (c->nodes) {
        struct schema *next = c->nodes->next;
        free_schema(c->nodes);
        c->nodes = next;
    }
    ptrmap_free(&c->by_json);
    free(c->pending);
    sb_free(&c->path);
    json_decref(c->root);
}

/* ------------------------------------------------------------------------ */
/* Validation                                                                */

/* One document's check. */
struct run {
    const struct checker *chk;
    const char *doc_name;
    struct strbuf path; /* where we are in the document */
    struct strbuf msg;  /* scratch for one message */
    int quiet;          /* > 0 while trying oneOf/anyOf alternatives */
    unsigned long violations;
};

static void put_sanitized(const char *s)
{
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch < 0x20 || ch == 0x7F) /* keep one violation on one line */
            fprintf(stderr, "\\x%02x", ch);
        else
            putc(ch, stderr);
    }
}

/* Report a violation of keyword (NULL: of the schema false) of schema s at
   the current place in the document.  Returns false, for "return
   violation(...)".  In quiet mode callers return before calling this. */
static bool violation(struct run *r, const struct schema *s, const char *keyword,
                      const char *fmt, ...)
{
    r->violations++;
    sb_truncate(&r->msg, 0);
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(&r->msg, fmt, ap);
    va_end(ap);
    put_sanitized(r->doc_name);
    fputs(": ", stderr);
    put_sanitized(pointer_text(sb_str(&r->path)));
    fputs(": ", stderr);
    put_sanitized(sb_str(&r->msg));
    fputs(" (schema at ", stderr);
    if (keyword) {
        put_sanitized(s->path);
        fprintf(stderr, "/%s", keyword);
    } else {
        put_sanitized(pointer_text(s->path));
    }
    fputs(")\n", stderr);
    return false;
}

static bool validate(struct run *r, const struct schema *s, json_t *v);

static unsigned instance_types(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return T_OBJECT;
    case JSON_ARRAY: return T_ARRAY;
    case JSON_STRING: return T_STRING;
    case JSON_INTEGER: return T_INTEGER | T_NUMBER;
    case JSON_REAL: return T_NUMBER | (real_is_integral(json_real_value(v)) ? T_INTEGER : 0);
    case JSON_TRUE:
    case JSON_FALSE: return T_BOOLEAN;
    case JSON_NULL: return T_NULL;
    }
    return 0;
}

/* "a string ("12")", "null", "an object"... */
static const char *describe_kind(const json_t *v, char *buf, size_t size)
{
    char value[64];
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_NULL: return "null";
    case JSON_STRING: snprintf(buf, size, "a string (%s)", describe(v, value, sizeof value)); break;
    case JSON_INTEGER: snprintf(buf, size, "an integer (%s)", describe(v, value, sizeof value)); break;
    case JSON_REAL: snprintf(buf, size, "a number (%s)", describe(v, value, sizeof value)); break;
    default: snprintf(buf, size, "a boolean (%s)", describe(v, value, sizeof value)); break;
    }
    return buf;
}

/* The names in "type", joined: "integer or null". */
static const char *expected_types(const json_t *type_json, char *buf, size_t size)
{
    if (json_is_string(type_json))
        return json_string_value(type_json);
    size_t used = 0, i;
    json_t *name;
    buf[0] = '\0';
    json_array_foreach(type_json, i, name) {
        int n = snprintf(buf + used, size - used, "%s%s", i == 0 ? "" : " or ",
                         json_string_value(name));
        if (n < 0 || (size_t)n >= size - used)
            break;
        used += (size_t)n;
    }
    return buf;
}

static bool check_type(struct run *r, const struct schema *s, json_t *v)
{
    if (!s->types || (s->types & instance_types(v)))
        return true;
    if (r->quiet)
        return false;
    char got[96], want[128];
    return violation(r, s, "type", "is %s, expected %s", describe_kind(v, got, sizeof got),
                     expected_types(s->type_json, want, sizeof want));
}

static bool check_const_enum(struct run *r, const struct schema *s, json_t *v)
{
    char got[96], allowed[256];
    bool ok = true;
    if (s->const_value && !values_equal(v, s->const_value)) {
        if (r->quiet)
            return false;
        ok = violation(r, s, "const", "%s is not the required value %s",
                       describe(v, got, sizeof got), describe(s->const_value, allowed, sizeof allowed));
    }
    if (s->enum_values) {
        size_t i;
        json_t *option;
        json_array_foreach(s->enum_values, i, option)
            if (values_equal(v, option))
                return ok;
        if (r->quiet)
            return false;
        ok = violation(r, s, "enum", "%s is not one of %s", describe(v, got, sizeof got),
                       describe(s->enum_values, allowed, sizeof allowed));
    }
    return ok;
}

static bool check_bounds(struct run *r, const struct schema *s, json_t *v)
{
    char got[64], bound[64];
    bool ok = true;
    if (s->minimum && compare_numbers(v, s->minimum) < 0) {
        if (r->quiet)
            return false;
        ok = violation(r, s, "minimum", "%s is less than the minimum %s",
                       describe(v, got, sizeof got), describe(s->minimum, bound, sizeof bound));
    }
    if (s->maximum && compare_numbers(v, s->maximum) > 0) {
        if (r->quiet)
            return false;
        ok = violation(r, s, "maximum", "%s is greater than the maximum %s",
                       describe(v, got, sizeof got), describe(s->maximum, bound, sizeof bound));
    }
    return ok;
}

static bool pattern_matches(const regex_t *re, const json_t *v)
{
#ifdef REG_STARTEND
    /* by length: strings may hold NUL, and no strlen over long strings */
    regmatch_t span = {.rm_so = 0, .rm_eo = (regoff_t)json_string_length(v)};
    return regexec(re, json_string_value(v), 1, &span, REG_STARTEND) == 0;
#else
    return regexec(re, json_string_value(v), 0, NULL, 0) == 0;
#endif
}

static bool check_pattern(struct run *r, const struct schema *s, json_t *v)
{
    if (!s->has_regex || pattern_matches(&s->regex, v))
        return true;
    if (r->quiet)
        return false;
    char got[96];
    return violation(r, s, "pattern", "%s does not match the pattern %s",
                     describe(v, got, sizeof got), s->pattern);
}

/* One item's value of the x-uniqueMember member, as compact JSON. */
struct keyed_item {
    char *key;
    size_t index;
};

static int keyed_order(const void *a, const void *b)
{
    const struct keyed_item *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

static int repeat_order(const void *a, const void *b)
{
    const size_t *x = a, *y = b; /* pairs: the repeat, the first */
    return (x[0] > y[0]) - (x[0] < y[0]);
}

/* x-uniqueMember: sorted by value, so the cost is n log n. */
static bool check_unique_member(struct run *r, const struct schema *s, json_t *v)
{
    const char *name = s->unique_member;
    size_t n = json_array_size(v), nkeyed = 0;
    struct keyed_item *items = xcalloc(n ? n : 1, sizeof *items);
    for (size_t i = 0; i < n; i++) {
        json_t *m = json_object_get(json_array_get(v, i), name);
        if (!m)
            continue;
        char *key = json_dumps(m, JSON_ENCODE_ANY | JSON_COMPACT | JSON_SORT_KEYS);
        if (!key)
            out_of_memory();
        items[nkeyed++] = (struct keyed_item){key, i};
    }
    qsort(items, nkeyed, sizeof *items, keyed_order);
    size_t *repeats = xcalloc(nkeyed ? 2 * nkeyed : 1, sizeof *repeats), nrepeats = 0;
    for (size_t k = 1, first = 0; k < nkeyed; k++) {
        if (strcmp(items[k].key, items[first].key) != 0) {
            first = k;
            continue;
        }
        repeats[2 * nrepeats] = items[k].index;
        repeats[2 * nrepeats + 1] = items[first].index;
        nrepeats++;
    }
    for (size_t k = 0; k < nkeyed; k++)
        free(items[k].key);
    free(items);
    bool ok = nrepeats == 0;
    if (!ok && !r->quiet) {
        /* in document order */
        qsort(repeats, nrepeats, 2 * sizeof *repeats, repeat_order);
        char *array = xstrdup(sb_str(&r->path));
        for (size_t k = 0; k < nrepeats; k++) {
            size_t mark = pointer_push_index(&r->path, repeats[2 * k]);
            pointer_push_key(&r->path, name);
            json_t *m = json_object_get(json_array_get(v, repeats[2 * k]), name);
            char got[160];
            violation(r, s, "x-uniqueMember", "%s is already the \"%s\" of %s/%zu: no two items may share it",
                      describe(m, got, sizeof got), name, array, repeats[2 * k + 1]);
            sb_truncate(&r->path, mark);
        }
        free(array);
    }
    free(repeats);
    return ok;
}

static bool check_array(struct run *r, const struct schema *s, json_t *v)
{
    size_t n = json_array_size(v);
    bool ok = true;
    if (s->min_items >= 0 && n < (unsigned long long)s->min_items) {
        if (r->quiet)
            return false;
        ok = violation(r, s, "minItems", "has %zu item%s, fewer than minItems %lld", n,
                       n == 1 ? "" : "s", s->min_items);
    }
    if (s->max_items >= 0 && n > (unsigned long long)s->max_items) {
        if (r->quiet)
            return false;
        ok = violation(r, s, "maxItems", "has %zu item%s, more than maxItems %lld", n,
                       n == 1 ? "" : "s", s->max_items);
    }
    if (s->unique_member && !check_unique_member(r, s, v)) {
        if (r->quiet)
            return false;
        ok = false;
    }
    if (!s->items)
        return ok;
    for (size_t i = 0; i < n; i++) {
        size_t mark = pointer_push_index(&r->path, i);
        bool item_ok = validate(r, s->items, json_array_get(v, i));
        sb_truncate(&r->path, mark);
        if (!item_ok) {
            ok = false;
            if (r->quiet)
                return false;
        }
    }
    return ok;
}

static const struct schema *property_schema(const struct schema *s, const char *name)
{
    if (s->nprops == 0)
        return NULL;
    struct property key = {.name = name};
    const struct property *p = bsearch(&key, s->props, s->nprops, sizeof *s->props, property_order);
    return p ? p->schema : NULL;
}

/* One member, against its "properties" schema or else additionalProperties. */
static bool check_member(struct run *r, const struct schema *s, const char *key, json_t *member)
{
    const struct schema *sub = property_schema(s, key);
    if (!sub)
        sub = s->additional;
    if (!sub)
        return true;
    size_t mark = pointer_push_key(&r->path, key);
    bool ok;
    if (sub == s->additional && json_is_false(sub->json))
        ok = r->quiet ? false
                      : violation(r, s, "additionalProperties",
                                  "unexpected member: not in \"properties\" and "
                                  "additionalProperties is false");
    else
        ok = validate(r, sub, member);
    sb_truncate(&r->path, mark);
    return ok;
}

static bool check_object(struct run *r, const struct schema *s, json_t *v)
{
    bool ok = true;
    for (size_t i = 0; i < s->nrequired; i++) {
        if (json_object_get(v, s->required[i]))
            continue;
        if (r->quiet)
            return false;
        char name[96];
        json_t *name_json = json_string(s->required[i]);
        ok = violation(r, s, "required", "required member %s is missing",
                       describe(name_json, name, sizeof name));
        json_decref(name_json);
    }
    if (s->nprops == 0 && !s->additional)
        return ok;
    const char *key;
    json_t *member;
    json_object_foreach(v, key, member) {
        if (!check_member(r, s, key, member)) {
            ok = false;
            if (r->quiet)
                return false;
        }
    }
    return ok;
}

static bool check_all_of(struct run *r, const struct schema *s, json_t *v)
{
    bool ok = true;
    for (size_t i = 0; i < s->all_of.n; i++) {
        if (!validate(r, s->all_of.v[i], v)) {
            ok = false;
            if (r->quiet)
                return false;
        }
    }
    return ok;
}

/* Alternatives are tried quietly: their own violations are not the
   document's; only the outcome is reported. */
static bool check_any_of(struct run *r, const struct schema *s, json_t *v)
{
    if (s->any_of.n == 0)
        return true;
    r->quiet++;
    bool matched = false;
    for (size_t i = 0; i < s->any_of.n && !matched; i++)
        matched = validate(r, s->any_of.v[i], v);
    r->quiet--;
    if (matched || r->quiet)
        return matched;
    char got[96];
    return violation(r, s, "anyOf", "%s matches none of the %zu anyOf alternatives",
                     describe(v, got, sizeof got), s->any_of.n);
}

static bool check_one_of(struct run *r, const struct schema *s, json_t *v)
{
    if (s->one_of.n == 0)
        return true;
    size_t matched = 0, first = 0, second = 0;
    r->quiet++;
    for (size_t i = 0; i < s->one_of.n && matched < 2; i++) {
        if (validate(r, s->one_of.v[i], v)) {
            if (matched++ == 0)
                first = i;
            else
                second = i;
        }
    }
    r->quiet--;
    if (matched == 1)
        return true;
    if (r->quiet)
        return false;
    char got[96];
    if (matched == 0)
        return violation(r, s, "oneOf", "%s matches none of the %zu oneOf alternatives",
                         describe(v, got, sizeof got), s->one_of.n);
    return violation(r, s, "oneOf",
                     "%s matches more than one oneOf alternative (/oneOf/%zu and /oneOf/%zu)",
                     describe(v, got, sizeof got), first, second);
}

/* Every keyword applies; in quiet mode the first failure settles it. */
static bool validate(struct run *r, const struct schema *s, json_t *v)
{
    if (json_is_true(s->json))
        return true;
    if (json_is_false(s->json))
        return r->quiet ? false : violation(r, s, NULL, "no value is allowed here (schema false)");
    bool ok = true;
#define APPLY(check) \
    do { \
        if (!(check)) { \
            ok = false; \
            if (r->quiet) \
                return false; \
        } \
    } while (0)
    APPLY(check_type(r, s, v));
    APPLY(check_const_enum(r, s, v));
    if (json_is_number(v))
        APPLY(check_bounds(r, s, v));
    else if (json_is_string(v))
        APPLY(check_pattern(r, s, v));
    else if (json_is_array(v))
        APPLY(check_array(r, s, v));
    else if (json_is_object(v))
        APPLY(check_object(r, s, v));
    if (s->ref)
        APPLY(validate(r, s->ref, v));
    APPLY(check_all_of(r, s, v));
    APPLY(check_any_of(r, s, v));
    APPLY(check_one_of(r, s, v));
#undef APPLY
    return ok;
}

static void report_load_error(const char *file, const json_error_t *err)
{
    if (err->line > 0)
        fprintf(stderr, "%s: cannot read: %s (line %d, column %d)\n", file, err->text, err->line,
                err->column);
    else
        fprintf(stderr, "%s: cannot read: %s\n", file, err->text);
}

/* 0 valid, 1 invalid, 2 unreadable. */
static int check_document(const struct checker *c, const char *file)
{
    json_error_t err;
    size_t flags = JSON_DECODE_ANY | JSON_REJECT_DUPLICATES;
#ifdef REG_STARTEND
    flags |= JSON_ALLOW_NUL; /* pattern_matches handles NUL in strings */
#endif
    json_t *doc = json_load_file(file, flags, &err);
    if (!doc) {
        report_load_error(file, &err);
        return 2;
    }
    struct run r = {.chk = c, .doc_name = file};
    validate(&r, c->top, doc);
    sb_free(&r.path);
    sb_free(&r.msg);
    json_decref(doc);
    return r.violations ? 1 : 0;
}

/* Patterns match by character (ECMA "." is one character, not one byte)
   only in a UTF-8 locale; without one, patterns that would notice are
   refused. */
static bool use_utf8_locale(void)
{
    const char *names[] = {"C.UTF-8", "C.utf8", "en_US.UTF-8"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (setlocale(LC_CTYPE, names[i]))
            return strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
    return false;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fputs("usage: schema_check SCHEMA.json DOC.json...\n"
              "exit 0: all valid; 1: some document invalid (violations on stderr); "
              "2: usage, unreadable file or unsupported schema\n",
              stderr);
        return 2;
    }
    setvbuf(stderr, NULL, _IOFBF, 1 << 16); /* many violations: few writes */

    struct checker c = {.schema_file = argv[1], .utf8 = use_utf8_locale()};
    json_error_t err;
    c.root = json_load_file(c.schema_file, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &err);
    if (!c.root) {
        report_load_error(c.schema_file, &err);
        return 2;
    }
    if (!checker_compile(&c)) {
        checker_free(&c);
        return 2;
    }
    int status = 0;
    for (int i = 2; i < argc; i++) {
        int doc_status = check_document(&c, argv[i]);
        if (doc_status > status)
            status = doc_status;
    }
    checker_free(&c);
    return status;
}
