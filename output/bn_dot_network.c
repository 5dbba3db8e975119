#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "bn_array.h"
#include "bn_dot.h"
#include "bn_dot_render.h"

static const char *shape_of(bn_actor_kind k)
{
    switch (k) {
    case BN_KIND_COUNTRY: return "ellipse";
    case BN_KIND_ORGANIZATION: return "box";
    case BN_KIND_PERSON: return "octagon";
    case BN_KIND_GROUP: return "hexagon";
    }
    return "ellipse";
}

/* Communities: Paul Tol's colour-blind-safe "light" scheme; past its
 * nine colours, and for actors without relations, white. */
static const char *const community_colors[] = {
    "#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00", "#DDDDDD",
};

static const char *community_color(long c)
{
    return c >= 0 && c < (long)(sizeof community_colors / sizeof community_colors[0]) ? community_colors[c] : "#FFFFFF";
}

/* Mean Goldstein value -10..10 to red..grey..green. */
static void edge_color(double mean, char *buf, size_t size)
{
    double x = mean / 10.0;
    if (x > 1)
        x = 1;
    if (x < -1)
        x = -1;
    int r = 0x99, g = 0x99, b = 0x99;
    if (x < 0) {
        r = (int)(0x99 + (0xCC - 0x99) * -x);
        g = (int)(0x99 * (1 + x) + 0x33 * -x);
        b = (int)(0x99 * (1 + x) + 0x33 * -x);
    } else if (x > 0) {
        r = (int)(0x99 * (1 - x) + 0x22 * x);
        g = (int)(0x99 + (0x88 - 0x99) * x);
        b = (int)(0x99 * (1 - x) + 0x33 * x);
    }
    snprintf(buf, size, "#%02X%02X%02XB0", r, g, b); /* a little transparent: crossings stay readable */
}

enum {
    LABELS = 24,       /* actors labelled at most, by PageRank; the others by tooltip */
    FONT_MIN = 11,     /* points, before the picture is scaled to BN_NETWORK_WIDTH */
    FONT_SPAN = 9,     /* the first actor's label: FONT_MIN + FONT_SPAN */
    TRIES = 4,         /* layouts tried with fewer labels until they read at that width */
};

/* The actors drawn: those with relations before those without, then by
 * PageRank, then by id. */
typedef struct pick {
    const bn_timeline *tl;
    const bn_network *net;
} pick;

/* `ctx` is a pick. */
static int actor_order(const void *va, const void *vb, void *ctx)
{
    const pick *pick_ctx = ctx;
    size_t a = *(const size_t *)va, b = *(const size_t *)vb;
    const bn_actor_metrics *ma = &pick_ctx->net->metrics[a], *mb = &pick_ctx->net->metrics[b];
    int ca = ma->degree > 0, cb = mb->degree > 0;
    if (ca != cb)
        return cb - ca;
    if (ma->pagerank != mb->pagerank)
        return ma->pagerank > mb->pagerank ? -1 : 1;
    return strcmp(pick_ctx->tl->actors[a].id, pick_ctx->tl->actors[b].id);
}

/* The actors drawn, moved to the front of `order`: the first `max`, less
 * those without a relation to another of them (loose marks say nothing
 * in a network), replaced by the next ones that have one; *n of them. */
static int choose(const bn_timeline *tl, const bn_network *net, size_t *order, size_t total, size_t max, size_t *n)
{
    /* state: 0 not yet, 1 drawn, 2 left out */
    unsigned char *state = calloc(tl->nactors + 1, 1);
    unsigned char *linked = calloc(tl->nactors + 1, 1);
    size_t *tmp = malloc((total + 1) * sizeof *tmp);
    if (!state || !linked || !tmp) {
        free(state);
        free(linked);
        free(tmp);
        return -1;
    }
    size_t chosen = 0;
    for (size_t k = 0; k < total && chosen < max; k++, chosen++)
        state[order[k]] = 1;
    for (int pass = 0; pass < 8; pass++) {
        /* linked[a]: 1 when linked to one drawn */
        memset(linked, 0, tl->nactors);
        for (size_t r = 0; r < net->nrelations; r++) {
            const bn_relation *rel = &net->relations[r];
            if (state[rel->source] == 1)
                linked[rel->target] = 1;
            if (state[rel->target] == 1)
                linked[rel->source] = 1;
        }
        size_t dropped = 0;
        for (size_t k = 0; k < total; k++)
            if (state[order[k]] == 1 && !linked[order[k]]) {
                state[order[k]] = 2;
                dropped++;
            }
        if (!dropped)
            break;
        chosen -= dropped;
        for (size_t k = 0; k < total && chosen < max; k++)
            if (state[order[k]] == 0 && linked[order[k]]) {
                state[order[k]] = 1;
                chosen++;
            }
    }
    /* the drawn ones first, in their order */
    size_t w = 0, rest = 0;
    for (size_t k = 0; k < total; k++) {
        if (state[order[k]] == 1)
            order[w++] = order[k];
        else
            tmp[rest++] = order[k];
    }
    memcpy(order + w, tmp, rest * sizeof *tmp);
    *n = w;
    free(state);
    free(linked);
    free(tmp);
    return 0;
}

static void describe(const bn_timeline *tl, const bn_network *net, size_t i, char *buf, size_t size)
{
    const bn_tl_actor *a = &tl->actors[i];
    snprintf(buf, size, "%s (%s, %s): %u sự kiện, %u lần nhắc; PageRank %.3f, cộng đồng %ld", a->name_local, a->name,
             a->id, a->events, a->mentions, net->metrics[i].pagerank, net->metrics[i].community);
}

/* The graph of the first `n` actors of `order`, the first `labels` of
 * them labelled.  *min_font: the smallest label's size. */
static Agraph_t *make_graph(const bn_timeline *tl, const bn_network *net, const size_t *order, size_t n, size_t total,
                            size_t labels, int legend, double *min_font)
{
    Agraph_t *g = agopen((char *)"actors", Agdirected, NULL);
    long *slot = g ? malloc((tl->nactors + 1) * sizeof *slot) : NULL;
    Agnode_t **nodes = slot ? calloc(n + 1, sizeof *nodes) : NULL;
    if (!nodes) {
        free(slot);
        if (g)
            agclose(g);
        return NULL;
    }
    bn_dot_set(g, "fontname", "Helvetica,Arial,sans-serif");
    /* prism: Graphviz's overlap removal that keeps the layout's shape;
     * sep leaves room around labels */
    bn_dot_set(g, "overlap", "prism");
    bn_dot_set(g, "sep", "+6");
    bn_dot_set(g, "outputorder", "edgesfirst"); /* nodes and their labels over the edges */
    /* no "splines": routed and curved edges leak memory in Graphviz 2.43 */
    char buf[1024];
    snprintf(buf, sizeof buf,
             "Mạng lưới chủ thể: %zu/%zu chủ thể có sự kiện%s\\l"
             "tên: %zu chủ thể đầu theo PageRank; các chủ thể khác: di chuột để xem tên\\l"
             "nút: cỡ theo PageRank, màu theo cộng đồng; elip: quốc gia, chữ nhật: tổ chức, bát giác: cá nhân, "
             "lục giác: nhóm\\lcạnh: độ dày theo số tương tác; xanh: hợp tác, xám: trung tính, đỏ: xung đột\\l",
             n, total, n < total ? " (theo PageRank; graph.graphml có tất cả)" : "", labels < n ? labels : n);
    if (legend) {
        bn_dot_set(g, "label", buf);
        bn_dot_set(g, "labeljust", "l");
        bn_dot_set(g, "fontsize", "14");
        bn_dot_set(g, "labelloc", "t");
    }
    agattr(g, AGNODE, (char *)"fontname", (char *)"Helvetica,Arial,sans-serif");
    for (size_t i = 0; i < tl->nactors; i++)
        slot[i] = -1;
    double max_pr = 0;
    for (size_t k = 0; k < n; k++) {
        slot[order[k]] = (long)k;
        if (net->metrics[order[k]].pagerank > max_pr)
            max_pr = net->metrics[order[k]].pagerank;
    }
    *min_font = 0;
    for (size_t k = 0; k < n; k++) {
        size_t i = order[k];
        const bn_tl_actor *a = &tl->actors[i];
        Agnode_t *nd = nodes[k] = agnode(g, (char *)a->id, 1);
        double rel = max_pr > 0 ? net->metrics[i].pagerank / max_pr : 0;
        bn_dot_set(nd, "shape", shape_of(a->kind));
        bn_dot_set(nd, "style", "filled");
        bn_dot_set(nd, "fillcolor", community_color(net->metrics[i].community));
        if (k < labels) {
            double font = FONT_MIN + FONT_SPAN * sqrt(rel);
            if (!*min_font || font < *min_font)
                *min_font = font;
            bn_dot_set(nd, "label", a->name_local);
            snprintf(buf, sizeof buf, "%.1f", font);
            bn_dot_set(nd, "fontsize", buf);
            bn_dot_set(nd, "margin", "0.06,0.03");
            snprintf(buf, sizeof buf, "%.2f", 0.4 + 0.8 * sqrt(rel));
            bn_dot_set(nd, "width", buf);
            snprintf(buf, sizeof buf, "%.2f", 0.25 + 0.4 * sqrt(rel));
            bn_dot_set(nd, "height", buf);
        } else { /* a small mark; the name on hover */
            bn_dot_set(nd, "label", "");
            bn_dot_set(nd, "fixedsize", "true");
            snprintf(buf, sizeof buf, "%.2f", 0.22 + 0.3 * sqrt(rel));
            bn_dot_set(nd, "width", buf);
            bn_dot_set(nd, "height", buf);
        }
        describe(tl, net, i, buf, sizeof buf);
        bn_dot_set(nd, "tooltip", buf);
    }
    for (size_t i = 0; i < net->nrelations; i++) {
        const bn_relation *r = &net->relations[i];
        if (slot[r->source] < 0 || slot[r->target] < 0)
            continue;
        Agedge_t *e = agedge(g, nodes[slot[r->source]], nodes[slot[r->target]], NULL, 1);
        snprintf(buf, sizeof buf, "%.1f", 1 + 2 * log2(1 + r->count));
        bn_dot_set(e, "penwidth", buf);
        bn_dot_set(e, "arrowsize", "0.6");
        edge_color(r->goldstein / r->count, buf, sizeof buf);
        bn_dot_set(e, "color", buf);
        snprintf(buf, sizeof buf, "%s → %s: %u, Goldstein %.1f", tl->actors[r->source].name_local,
                 tl->actors[r->target].name_local, r->count, r->goldstein);
        bn_dot_set(e, "tooltip", buf);
    }
    free(nodes);
    free(slot);
    bn_dot_prefix_ids(g, "net-");
    return g;
}

/* The actors that take part in events, in drawing order; *n drawn. */
static size_t *picture_order(const bn_timeline *tl, const bn_network *net, const bn_picture_options *opt, size_t *n,
                             size_t *total)
{
    size_t *order = malloc((tl->nactors + 1) * sizeof *order);
    if (!order)
        return NULL;
    *total = 0;
    for (size_t i = 0; i < tl->nactors; i++)
        if (tl->actors[i].events) /* named but never acting: not in the picture */
            order[(*total)++] = i;
    pick ctx = {tl, net};
    if (bn_sort_r(order, *total, sizeof *order, actor_order, &ctx) != 0) {
        free(order);
        return NULL;
    }
    size_t max = opt && opt->max_actors > 0 ? (size_t)opt->max_actors : BN_NETWORK_MAX_ACTORS;
    if (choose(tl, net, order, *total, max, n) != 0) {
        free(order);
        return NULL;
    }
    return order;
}

bn_status bn_network_picture_count(const bn_timeline *tl, const bn_network *net, const bn_picture_options *opt,
                                   size_t *drawn, size_t *acting)
{
    size_t *order = picture_order(tl, net, opt, drawn, acting);
    free(order);
    return order ? BN_OK : BN_ERR_NOMEM;
}

bn_status bn_render_network(const bn_timeline *tl, const bn_network *net, const bn_picture_options *opt,
                            const char *dot_path, const char *svg_path, char **svg_out, bn_error *err)
{
    size_t n = 0, total = 0, *order = picture_order(tl, net, opt, &n, &total);
    if (!order)
        return bn_error_set(err, BN_ERR_NOMEM, "", 0, 0, 0, "out of memory");
    /* neato spreads a few dozen actors; sfdp scales to thousands.  Not dot
     * by default, even for a handful: its cycle breaking (an actor acting
     * on another and back) leaks memory in Graphviz 2.43; --layout dot
     * still works */
    const char *layout = opt && opt->layout ? opt->layout : n <= 60 ? "neato" : "sfdp";
    /* Labels that read at the report's width: laid out, measured, and
     * with fewer labels while the smallest would be scaled below
     * BN_NETWORK_MIN_FONT */
    size_t labels = LABELS;
    double scale = 1, min_font = 0, width = 0;
    Agraph_t *g = NULL;
    bn_status st = BN_OK;
    for (int t = 0; t < TRIES && st == BN_OK; t++) {
        if (g)
            agclose(g);
        if (!(g = make_graph(tl, net, order, n, total, labels, !(opt && opt->page_legends), &min_font))) {
            st = bn_error_set(err, BN_ERR_NOMEM, "", 0, 0, 0, "out of memory");
            break;
        }
        if (strcmp(layout, "dot") == 0)
            bn_dot_set(g, "rankdir", "LR");
        double w = 0, h = 0;
        if ((st = bn_dot_measure(g, layout, &w, &h, err)) != BN_OK)
            break;
        width = w;
        scale = w > BN_NETWORK_WIDTH ? BN_NETWORK_WIDTH / w : 1;
        if (min_font * scale >= BN_NETWORK_MIN_FONT || labels <= 4)
            break;
        labels = labels * 2 / 3;
    }
    /* a layout that fewer labels do not make narrow enough (circo's ring
     * of a hundred actors): wider than the page, to be scrolled, rather
     * than labels too small to read */
    if (min_font > 0 && min_font * scale < BN_NETWORK_MIN_FONT)
        scale = BN_NETWORK_MIN_FONT / min_font;
    if (st == BN_OK && scale < 1) {
        char size[64];
        snprintf(size, sizeof size, "%.3f,1000", width * scale / 72.0);
        bn_dot_set(g, "size", size);
    }
    if (st == BN_OK)
        st = bn_dot_write(g, layout, dot_path, svg_path, svg_out, err);
    if (g)
        agclose(g);
    free(order);
    return st;
}
