#include "bn_markup.h"

#include <stdlib.h>
#include <string.h>

static const char *entity(char c)
{
    switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    default: return NULL;
    }
}

int bn_markup_put(FILE *f, const char *s)
{
    if (!s)
        return 0;
    const char *run = s;
    for (; *s; s++) {
        const char *ent = entity(*s);
        if (!ent)
            continue;
        if (fwrite(run, 1, (size_t)(s - run), f) != (size_t)(s - run) || fputs(ent, f) == EOF)
            return -1;
        run = s + 1;
    }
    size_t n = (size_t)(s - run);
    return fwrite(run, 1, n, f) == n ? 0 : -1;
}

char *bn_markup_escape(const char *s)
{
    if (!s)
        s = "";
    size_t n = 0;
    for (const char *p = s; *p; p++) {
        const char *ent = entity(*p);
        n += ent ? strlen(ent) : 1;
    }
    char *out = malloc(n + 1), *w = out;
    if (!out)
        return NULL;
    for (const char *p = s; *p; p++) {
        const char *ent = entity(*p);
        if (ent) {
            size_t k = strlen(ent);
            memcpy(w, ent, k);
            w += k;
        } else {
            *w++ = *p;
        }
    }
    *w = 0;
    return out;
}
