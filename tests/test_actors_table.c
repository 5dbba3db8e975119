/* Actor recognition against tests/actors_cases.tsv: one case per line,
 * dct, text, expectations, note.  Expectations: ID (found), ID=N (found,
 * N mentions), !ID (not found), ID@AFF (a person affiliated to AFF),
 * ID~ALIAS (ALIAS, '_' for a space, seen as one of its names), #N (N actors
 * in all).  Every failing case is listed; the test fails if any does,
 * except the known gaps: cases whose note starts with "gap:", listed too
 * (and reported when they come to pass). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"

static const bn_actor *find(const bn_article *a, const char *id, size_t len)
{
    for (size_t i = 0; i < a->nactors; i++)
        if (strlen(a->actors[i].id) == len && memcmp(a->actors[i].id, id, len) == 0)
            return &a->actors[i];
    return NULL;
}

static int has_alias(const bn_actor *ac, const char *alias)
{
    for (size_t i = 0; i < ac->naliases; i++)
        if (strcmp(ac->aliases[i], alias) == 0)
            return 1;
    return 0;
}

/* Checks one expectation; prints and returns 1 when it does not hold. */
static int expect(const bn_article *a, int lineno, const char *x)
{
    if (x[0] == '#') {
        if (a->nactors == (size_t)atoi(x + 1))
            return 0;
        printf("line %d: %s: %zu actors\n", lineno, x, a->nactors);
        return 1;
    }
    int negated = x[0] == '!';
    const char *id = x + negated;
    size_t len = strcspn(id, "=@~");
    const bn_actor *ac = find(a, id, len);
    if (negated) {
        if (!ac)
            return 0;
        printf("line %d: %s: found (%u mentions)\n", lineno, x, ac->mentions);
        return 1;
    }
    if (!ac) {
        printf("line %d: %s: not found\n", lineno, x);
        return 1;
    }
    const char *arg = id + len + (id[len] != 0);
    switch (id[len]) {
    case '=':
        if (ac->mentions == (unsigned)atoi(arg))
            return 0;
        printf("line %d: %s: %u mentions\n", lineno, x, ac->mentions);
        return 1;
    case '@':
        if (ac->affiliation && strcmp(ac->affiliation, arg) == 0)
            return 0;
        printf("line %d: %s: affiliation %s\n", lineno, x, ac->affiliation ? ac->affiliation : "none");
        return 1;
    case '~': {
        char alias[256];
        snprintf(alias, sizeof alias, "%s", arg);
        for (char *p = alias; *p; p++)
            if (*p == '_')
                *p = ' ';
        if (has_alias(ac, alias))
            return 0;
        printf("line %d: %s: aliases seen:", lineno, x);
        for (size_t i = 0; i < ac->naliases; i++)
            printf(" \"%s\"", ac->aliases[i]);
        printf("\n");
        return 1;
    }
    default:
        return 0;
    }
}

static int check_case(test_env *env, int lineno, char **f, int nf)
{
    (void)nf;
    bn_article *a = test_extract_case(env, lineno, f[0], f[1]);
    if (!a)
        return TEST_CASE_FAILED;
    int bad = 0, gap = strncmp(f[3], "gap:", 4) == 0;
    char *save = NULL;
    for (char *x = strtok_r(f[2], " ", &save); x; x = strtok_r(NULL, " ", &save))
        bad |= expect(a, lineno, x);
    if (bad)
        printf("    (%s)\n", f[3]);
    else if (gap)
        printf("line %d: a known gap now passes: drop \"gap:\" from its note\n", lineno);
    bn_article_free(a);
    return !bad ? TEST_CASE_OK : gap ? TEST_CASE_GAP : TEST_CASE_FAILED;
}

int main(int argc, char **argv)
{
    return test_table_main(argc, argv, "actors", 0, 4, 100, check_case);
}
