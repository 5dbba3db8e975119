/* graph.gexf: GEXF 1.2draft (gexf.net) for Gephi, in dynamic mode.  1.2draft,
 * not 1.3: it is what Gephi, networkx (Debian's 2.8 reads no 1.3) and most
 * other readers accept.  Each actor and each relation has a spell for each
 * run of days on which it acts (an event's days: a day, a span, a whole month
 * for "tháng 3/2022"), so Gephi's timeline slider replays who acted on whom;
 * a relation's dynamic attribute "interactions" gives its number of events
 * in each run.  Events without a known year give no spell.  igraph has no
 * GEXF writer, so this one is ours. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bn_config.h"
#include "bn_formats.h"
#include "bn_markup.h"
#include "bn_outfile.h"

typedef struct span {
    long lo, hi;
    unsigned count; /* events in the run */
} span;

typedef struct spans {
    span *v;
    size_t n, cap;
} spans;

static int span_order(const void *a, const void *b)
{
    const span *x = a, *y = b;
    if (x->lo != y->lo)
        return x->lo < y->lo ? -1 : 1;
    return (x->hi > y->hi) - (x->hi < y->hi);
}

static int spans_add(spans *s, long lo, long hi)
{
    if (bn_grow((void **)&s->v, &s->cap, s->n + 1, sizeof *s->v))
        return -1;
    s->v[s->n++] = (span){lo, hi, 1};
    return 0;
}

/* Sorted, with overlapping and touching runs joined. */
static void spans_close(spans *s)
{
    bn_sort(s->v, s->n, sizeof *s->v, span_order);
    size_t w = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (w && s->v[i].lo <= s->v[w - 1].hi + 1) {
            if (s->v[i].hi > s->v[w - 1].hi)
                s->v[w - 1].hi = s->v[i].hi;
            s->v[w - 1].count += s->v[i].count;
        } else {
            s->v[w++] = s->v[i];
        }
    }
    s->n = w;
}

/* start="…" end="…" of a run: days, both ends inclusive. */
static void put_interval(FILE *f, const span *r)
{
    int y0, m0, d0, y1, m1, d1;
    bn_civil_from_days(r->lo, &y0, &m0, &d0);
    bn_civil_from_days(r->hi, &y1, &m1, &d1);
    fprintf(f, "start=\"%04d-%02d-%02d\" end=\"%04d-%02d-%02d\"", y0, m0, d0, y1, m1, d1);
}

static void put_spells(FILE *f, const spans *s, const char *indent)
{
    if (!s->n)
        return;
    fprintf(f, "%s<spells>\n", indent);
    for (size_t i = 0; i < s->n; i++) {
        fprintf(f, "%s  <spell ", indent);
        put_interval(f, &s->v[i]);
        fputs("/>\n", f);
    }
    fprintf(f, "%s</spells>\n", indent);
}

/* The dynamic attribute: one value per run, as Gephi reads 1.2draft. */
static void put_counts(FILE *f, const spans *s)
{
    for (size_t i = 0; i < s->n; i++) {
        fprintf(f, "        <attvalue for=\"interactions\" value=\"%u\" ", s->v[i].count);
        put_interval(f, &s->v[i]);
        fputs("/>\n", f);
    }
}

static void put_attr(FILE *f, const char *key, const char *value)
{
    fprintf(f, "        <attvalue for=\"%s\" value=\"", key);
    bn_markup_put(f, value);
    fputs("\"/>\n", f);
}

static void write_body(FILE *f, const bn_timeline *tl, const bn_network *net, spans *node_spans, spans *edge_spans)
{
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n"
          "  <meta>\n    <creator>biennien " BN_VERSION "</creator>\n"
          "    <description>actors and who acts on whom, by day</description>\n  </meta>\n"
          "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\">\n"
          "    <attributes class=\"node\" mode=\"static\">\n"
          "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n"
          "      <attribute id=\"name_vi\" title=\"name_vi\" type=\"string\"/>\n"
          "      <attribute id=\"mentions\" title=\"mentions\" type=\"integer\"/>\n"
          "      <attribute id=\"events\" title=\"events\" type=\"integer\"/>\n"
          "      <attribute id=\"pagerank\" title=\"pagerank\" type=\"double\"/>\n"
          "      <attribute id=\"community\" title=\"community\" type=\"integer\"/>\n"
          "    </attributes>\n"
          "    <attributes class=\"edge\" mode=\"static\">\n"
          "      <attribute id=\"goldstein\" title=\"goldstein\" type=\"double\"/>\n"
          "      <attribute id=\"types\" title=\"types\" type=\"string\"/>\n"
          "    </attributes>\n"
          "    <attributes class=\"edge\" mode=\"dynamic\">\n"
          "      <attribute id=\"interactions\" title=\"interactions\" type=\"integer\"/>\n"
          "    </attributes>\n"
          "    <nodes>\n",
          f);
    char num[64];
    for (size_t i = 0; i < tl->nactors; i++) {
        const bn_tl_actor *a = &tl->actors[i];
        if (!a->events)
            continue;
        fputs("      <node id=\"", f);
        bn_markup_put(f, a->id);
        fputs("\" label=\"", f);
        bn_markup_put(f, a->name);
        fputs("\">\n        <attvalues>\n", f);
        put_attr(f, "kind", bn_kind_name(a->kind));
        put_attr(f, "name_vi", a->name_local);
        snprintf(num, sizeof num, "%u", a->mentions);
        put_attr(f, "mentions", num);
        snprintf(num, sizeof num, "%u", a->events);
        put_attr(f, "events", num);
        snprintf(num, sizeof num, "%.6g", net->metrics[i].pagerank);
        put_attr(f, "pagerank", num);
        snprintf(num, sizeof num, "%ld", net->metrics[i].community);
        put_attr(f, "community", num);
        fputs("        </attvalues>\n", f);
        put_spells(f, &node_spans[i], "        ");
        fputs("      </node>\n", f);
    }
    fputs("    </nodes>\n    <edges>\n", f);
    for (size_t i = 0; i < net->nrelations; i++) {
        const bn_relation *r = &net->relations[i];
        fprintf(f, "      <edge id=\"%zu\" source=\"", i);
        bn_markup_put(f, tl->actors[r->source].id);
        fputs("\" target=\"", f);
        bn_markup_put(f, tl->actors[r->target].id);
        fprintf(f, "\" weight=\"%u\">\n        <attvalues>\n", r->count);
        snprintf(num, sizeof num, "%.6g", r->goldstein);
        put_attr(f, "goldstein", num);
        char types[256];
        size_t n = 0;
        types[0] = 0;
        for (int t = 0; t < BN_EV_COUNT; t++)
            if (r->types[t] && n < sizeof types)
                n += (size_t)snprintf(types + n, sizeof types - n, "%s%s:%u", n ? " " : "",
                                      bn_event_type_name((bn_event_type)t), r->types[t]);
        put_attr(f, "types", types);
        put_counts(f, &edge_spans[i]);
        fputs("        </attvalues>\n", f);
        put_spells(f, &edge_spans[i], "        ");
        fputs("      </edge>\n", f);
    }
    fputs("    </edges>\n  </graph>\n</gexf>\n", f);
}

bn_status bn_write_gexf(const bn_output_ctx *ctx, bn_error *err)
{
    const bn_timeline *tl = ctx->tl;
    const bn_network *net = ctx->net;
    const char *path = ctx->paths[0];
    spans *node_spans = calloc(tl->nactors + 1, sizeof *node_spans);
    spans *edge_spans = calloc(net->nrelations + 1, sizeof *edge_spans);
    bn_status st = node_spans && edge_spans ? BN_OK : BN_ERR_NOMEM;
    for (size_t i = 0; st == BN_OK && i < tl->nevents; i++) {
        const bn_event *e = &tl->events[i].ev;
        long lo, hi;
        if (!bn_timex_days(&e->date, &lo, &hi))
            continue;
        for (size_t k = 0; st == BN_OK && k < e->nactors; k++) {
            long ai = bn_timeline_actor(tl, e->actors[k].id);
            if (ai >= 0 && spans_add(&node_spans[ai], lo, hi))
                st = BN_ERR_NOMEM;
        }
    }
    for (size_t i = 0; st == BN_OK && i < net->nrelations; i++) {
        const bn_relation *r = &net->relations[i];
        for (size_t k = 0; st == BN_OK && k < r->nevents; k++) {
            long lo, hi;
            if (bn_timex_days(&tl->events[r->events[k]].ev.date, &lo, &hi) && spans_add(&edge_spans[i], lo, hi))
                st = BN_ERR_NOMEM;
        }
    }
    if (st == BN_OK) {
        for (size_t i = 0; i < tl->nactors; i++)
            spans_close(&node_spans[i]);
        for (size_t i = 0; i < net->nrelations; i++)
            spans_close(&edge_spans[i]);
        bn_outfile out;
        st = bn_outfile_open(&out, path, err);
        if (st == BN_OK) {
            write_body(out.f, tl, net, node_spans, edge_spans);
            st = bn_outfile_commit(&out, 0, err);
        }
    } else {
        st = bn_error_set(err, st, path, 0, 0, 0, "out of memory");
    }
    for (size_t i = 0; node_spans && i < tl->nactors; i++)
        free(node_spans[i].v);
    for (size_t i = 0; edge_spans && i < net->nrelations; i++)
        free(edge_spans[i].v);
    free(node_spans);
    free(edge_spans);
    return st;
}
