#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

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

bn_status bn_render_network(const bn_timeline *tl, const bn_network *net, const bn_picture_options *opt,
                            const char *dot_path, const char *svg_path, char **svg_out, bn_error *err)
{
    Agraph_t *g = agopen((char *)"actors", Agdirected, NULL);
    if (!g)
        return bn_error_set(err, BN_ERR_NOMEM, "", 0, 0, 0, "out of memory");
    bn_dot_set(g, "fontname", "Helvetica,Arial,sans-serif");
    /* prism: Graphviz's overlap removal that keeps the layout's shape;
     * sep leaves room around labels */
    bn_dot_set(g, "overlap", "prism");
    bn_dot_set(g, "sep", "+6");
    bn_dot_set(g, "outputorder", "edgesfirst"); /* nodes and their labels over the edges */
    /* no "splines": routed and curved edges leak memory in Graphviz 2.43 */
    bn_dot_set(g, "label",
               "Mạng lưới chủ thể\nnút: cỡ theo PageRank, màu theo cộng đồng; hình elip: quốc gia, chữ nhật: tổ chức, "
               "bát giác: cá nhân\ncạnh: độ dày theo số tương tác; xanh: hợp tác, xám: trung tính, đỏ: xung đột\n");
    bn_dot_set(g, "labeljust", "l");
    bn_dot_set(g, "fontsize", "12");
    bn_dot_set(g, "labelloc", "t");
    agattr(g, AGNODE, (char *)"fontname", (char *)"Helvetica,Arial,sans-serif");
    Agnode_t **nodes = calloc(tl->nactors + 1, sizeof *nodes);
    if (!nodes) {
        agclose(g);
        return bn_error_set(err, BN_ERR_NOMEM, "", 0, 0, 0, "out of memory");
    }
    double max_pr = 0;
    for (size_t i = 0; i < tl->nactors; i++)
        if (net->metrics[i].pagerank > max_pr)
            max_pr = net->metrics[i].pagerank;
    char buf[256];
    for (size_t i = 0; i < tl->nactors; i++) {
        const bn_tl_actor *a = &tl->actors[i];
        if (a->events == 0)
            continue; /* named but never acting: not in the picture */
        Agnode_t *n = nodes[i] = agnode(g, (char *)a->id, 1);
        bn_dot_set(n, "label", a->name_vi);
        bn_dot_set(n, "shape", shape_of(a->kind));
        bn_dot_set(n, "style", "filled");
        bn_dot_set(n, "fillcolor", community_color(net->metrics[i].community));
        double rel = max_pr > 0 ? net->metrics[i].pagerank / max_pr : 0;
        snprintf(buf, sizeof buf, "%.1f", 10 + 12 * sqrt(rel));
        bn_dot_set(n, "fontsize", buf);
        snprintf(buf, sizeof buf, "%.2f", 0.5 + 1.2 * sqrt(rel));
        bn_dot_set(n, "width", buf);
        snprintf(buf, sizeof buf, "%.2f", 0.3 + 0.6 * sqrt(rel));
        bn_dot_set(n, "height", buf);
        snprintf(buf, sizeof buf, "%s (%s): %u sự kiện, %u lần nhắc; PageRank %.3f, cộng đồng %ld", a->name, a->id,
                 a->events, a->mentions, net->metrics[i].pagerank, net->metrics[i].community);
        bn_dot_set(n, "tooltip", buf);
    }
    for (size_t i = 0; i < net->nrelations; i++) {
        const bn_relation *r = &net->relations[i];
        if (!nodes[r->source] || !nodes[r->target])
            continue;
        Agedge_t *e = agedge(g, nodes[r->source], nodes[r->target], NULL, 1);
        snprintf(buf, sizeof buf, "%.1f", 1 + 2 * log2(1 + r->count));
        bn_dot_set(e, "penwidth", buf);
        edge_color(r->goldstein / r->count, buf, sizeof buf);
        bn_dot_set(e, "color", buf);
        snprintf(buf, sizeof buf, "%s → %s: %u, Goldstein %.1f", tl->actors[r->source].name,
                 tl->actors[r->target].name, r->count, r->goldstein);
        bn_dot_set(e, "tooltip", buf);
    }
    free(nodes);
    size_t nv = (size_t)agnnodes(g);
    bn_dot_prefix_ids(g, "net-");
    /* neato spreads a few dozen actors; sfdp scales to thousands.  Not dot
     * by default, even for a handful: its cycle breaking (an actor acting
     * on another and back) leaks memory in Graphviz 2.43; --layout dot
     * still works */
    const char *layout = opt && opt->layout ? opt->layout : nv <= 60 ? "neato" : "sfdp";
    if (strcmp(layout, "dot") == 0)
        bn_dot_set(g, "rankdir", "LR");
    bn_status st = bn_dot_write(g, layout, dot_path, svg_path, svg_out, err);
    agclose(g);
    return st;
}
