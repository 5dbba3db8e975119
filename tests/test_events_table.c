/* Event extraction against tests/events_cases.tsv: one case per line,
 * dct, text, events, note.  Events: "-" for none, else events separated by
 * " ; ", each "TYPE DATE [s=ID,ID] [t=ID,ID] [m=MODALITY] [l=PLACE]":
 * DATE is a TIMEX3 value, START/END for a span, or "dct" (no date written:
 * the publication date, date.source dct); s= sources and t= targets that
 * must be among the event's; m= its modality (asserted when not given);
 * l= its location, '_' for a space.  The article's events must be exactly
 * these, in any order.  Cases whose note starts with "gap:" are known gaps. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"

typedef struct want {
    bn_event_type type;
    char value[BN_TIMEX_MAX], end[BN_TIMEX_MAX];
    int dct;
    char *sources, *targets, *location;
    bn_modality modality;
} want;

static int has_role(const bn_event *e, const char *id, size_t len, bn_role role)
{
    for (size_t i = 0; i < e->nactors; i++)
        if (e->actors[i].role == role && strlen(e->actors[i].id) == len && memcmp(e->actors[i].id, id, len) == 0)
            return 1;
    return 0;
}

/* Whether every id of the comma-separated `ids` has `role` in e. */
static int has_all(const bn_event *e, const char *ids, bn_role role)
{
    while (ids && *ids) {
        size_t len = strcspn(ids, ",");
        if (!has_role(e, ids, len, role))
            return 0;
        ids += len + (ids[len] == ',');
    }
    return 1;
}

static int matches(const bn_article *a, const bn_event *e, const want *w)
{
    if (e->type != w->type || e->modality != w->modality)
        return 0;
    if (w->dct) {
        if (e->date_source != BN_DATE_DCT || !bn_date_equal(&e->date.value, &a->dct))
            return 0;
    } else if (strcmp(TX(e->date.value), w->value) != 0 || strcmp(TX_END(&e->date), w->end) != 0) {
        return 0;
    }
    if (!has_all(e, w->sources, BN_ROLE_SOURCE) || !has_all(e, w->targets, BN_ROLE_TARGET))
        return 0;
    if (w->location && (!e->location || strcmp(e->location, w->location) != 0))
        return 0;
    return 1;
}

/* Reads one event of the events column; 0 when it is malformed. */
static int parse_want(char *spec, want *w)
{
    memset(w, 0, sizeof *w);
    char *save = NULL, *type = strtok_r(spec, " ", &save), *date = strtok_r(NULL, " ", &save);
    if (!type || !date || !bn_event_type_parse(type, &w->type))
        return 0;
    char *slash = strchr(date, '/');
    if (slash)
        *slash = 0;
    if (strcmp(date, "dct") == 0)
        w->dct = 1;
    else if (strlen(date) >= sizeof w->value || (slash && strlen(slash + 1) >= sizeof w->end))
        return 0;
    snprintf(w->value, sizeof w->value, "%s", date);
    if (slash)
        snprintf(w->end, sizeof w->end, "%s", slash + 1);
    w->modality = BN_MOD_ASSERTED;
    for (char *x = strtok_r(NULL, " ", &save); x; x = strtok_r(NULL, " ", &save)) {
        if (strncmp(x, "s=", 2) == 0)
            w->sources = x + 2;
        else if (strncmp(x, "t=", 2) == 0)
            w->targets = x + 2;
        else if (strncmp(x, "l=", 2) == 0) {
            w->location = x + 2;
            for (char *p = w->location; *p; p++)
                if (*p == '_')
                    *p = ' ';
        } else if (strncmp(x, "m=", 2) != 0 || !bn_modality_parse(x + 2, &w->modality))
            return 0;
    }
    return 1;
}

static void print_event(const bn_event *e)
{
    printf("      got %s %s%s%s [%s] %s", bn_event_type_name(e->type), TX(e->date.value), e->date.has_end ? "/" : "",
           TX_END(&e->date), bn_date_source_name(e->date_source), bn_modality_name(e->modality));
    for (size_t i = 0; i < e->nactors; i++)
        printf(" %s:%c", e->actors[i].id, bn_role_name(e->actors[i].role)[0]);
    if (e->location)
        printf(" l=%s", e->location);
    printf(" (%s)\n", e->sources[0].trigger);
}

static int check_case(test_env *env, int lineno, char **f, int nf)
{
    (void)nf;
    bn_article *a = test_extract_case(env, lineno, f[0], f[1]);
    if (!a)
        return TEST_CASE_FAILED;
    want w[16];
    size_t nw = 0;
    int bad = 0, gap = strncmp(f[3], "gap:", 4) == 0;
    if (strcmp(f[2], "-") != 0) {
        char *rest = f[2];
        while (rest && nw < sizeof w / sizeof w[0]) {
            char *sep = strstr(rest, " ; ");
            if (sep)
                *sep = 0;
            if (!parse_want(rest, &w[nw])) {
                printf("line %d: cannot read the expected event \"%s\"\n", lineno, rest);
                bn_article_free(a);
                return TEST_CASE_FAILED;
            }
            nw++;
            rest = sep ? sep + 3 : NULL;
        }
    }
    int used[64] = {0};
    for (size_t k = 0; k < nw; k++) {
        size_t i;
        for (i = 0; i < a->nevents && i < 64; i++)
            if (!used[i] && matches(a, &a->events[i], &w[k]))
                break;
        if (i < a->nevents && i < 64) {
            used[i] = 1;
            continue;
        }
        printf("line %d: missing %s %s%s%s%s\n", lineno, bn_event_type_name(w[k].type), w[k].dct ? "dct" : w[k].value,
               w[k].end[0] ? "/" : "", w[k].end, w[k].modality != BN_MOD_ASSERTED ? " (modality)" : "");
        bad = 1;
    }
    for (size_t i = 0; i < a->nevents && i < 64; i++)
        if (!used[i]) {
            printf("line %d: unexpected event\n", lineno);
            bad = 1;
            break;
        }
    if (bad) {
        for (size_t i = 0; i < a->nevents; i++)
            print_event(&a->events[i]);
        printf("    (%s)\n", f[3]);
    } else if (gap) {
        printf("line %d: a known gap now passes: drop \"gap:\" from its note\n", lineno);
    }
    bn_article_free(a);
    return !bad ? TEST_CASE_OK : gap ? TEST_CASE_GAP : TEST_CASE_FAILED;
}

int main(int argc, char **argv)
{
    return test_table_main(argc, argv, "events", 0, 4, 80, check_case);
}
