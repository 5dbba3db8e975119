#include <stdio.h>
#include <string.h>

#include "bn_dot.h"
#include "bn_dot_render.h"
#include "bn_palette.h"
#include "bn_summary.h"

bn_status bn_render_timeline(const bn_timeline *tl, const char *dot_path, const char *svg_path,
                             bn_error *err)
{
    Agraph_t *g = agopen((char *)"timeline", Agdirected, NULL);
    if (!g)
        return bn_error_set(err, BN_ERR_NOMEM, "", 0, 0, 0, "out of memory");
    bn_dot_set(g, "rankdir", "TB"); /* a chronicle read downwards: one row per date */
    bn_dot_set(g, "nodesep", "0.15");
    bn_dot_set(g, "ranksep", "0.4");
    bn_dot_set(g, "fontname", "Helvetica,Arial,sans-serif");
    bn_dot_set(g, "label", "biennien: dòng thời gian sự kiện");
    bn_dot_set(g, "labelloc", "t");
    agattr(g, AGNODE, (char *)"fontname", (char *)"Helvetica,Arial,sans-serif");
    agattr(g, AGNODE, (char *)"fontsize", (char *)"10");
    agattr(g, AGEDGE, (char *)"style", (char *)"invis");

    /* the date axis: one node per distinct date, chained in order */
    Agnode_t *prev_day = NULL;
    Agraph_t *rank = NULL;
    char name[64], label[512], tooltip[2048];
    for (size_t i = 0; i < tl->nevents; i++) {
        const bn_tl_event *te = &tl->events[i];
        const bn_event *e = &te->ev;
        if (i == 0 || strcmp(e->date.value, tl->events[i - 1].ev.date.value) != 0 ||
            strcmp(e->date.end, tl->events[i - 1].ev.date.end) != 0) {
            snprintf(name, sizeof name, "day_%zu", i);
            Agnode_t *day = agnode(g, name, 1);
            snprintf(label, sizeof label, "%s%s%s%s", e->date.value, e->date.end[0] ? " → " : "", e->date.end,
                     e->date.year_source == BN_YEAR_UNKNOWN ? "\n(năm chưa rõ)" : "");
            bn_dot_set(day, "label", label);
            bn_dot_set(day, "shape", "plaintext");
            bn_dot_set(day, "fontsize", "11");
            if (prev_day) {
                Agedge_t *ax = agedge(g, prev_day, day, NULL, 1);
                bn_dot_set(ax, "style", "bold");
                bn_dot_set(ax, "color", "#999999");
                bn_dot_set(ax, "arrowhead", "none");
            }
            prev_day = day;
            /* anonymous: cgraph orders named subgraphs by the address of
             * their name, which would make the DOT file differ run to run */
            rank = agsubg(g, NULL, 1);
            bn_dot_set(rank, "rank", "same");
            agsubnode(rank, day, 1);
        }
        Agnode_t *n = agnode(g, (char *)te->id, 1);
        agsubnode(rank, n, 1);
        bn_event_summary(tl, e, label, sizeof label);
        bn_dot_set(n, "label", label);
        bn_dot_set(n, "shape", "box");
        bn_dot_set(n, "style", e->modality == BN_MOD_PLANNED ? "filled,rounded,dashed" : "filled,rounded");
        bn_dot_set(n, "fillcolor", bn_type_colors[e->type]);
        bn_dot_set(n, "fontcolor", bn_type_dark(e->type) ? "white" : "black");
        snprintf(tooltip, sizeof tooltip, "%s [%s] %s — %s", bn_event_type_name(e->type), e->date.value,
                 e->sources[0].sentence, e->sources[0].article);
        bn_dot_set(n, "tooltip", tooltip);
    }

    /* the legend: a row of the type colours at the top.  Not a cluster
     * nor an HTML table: Graphviz 2.43 leaks memory laying out either. */
    Agraph_t *legend = agsubg(g, NULL, 1);
    bn_dot_set(legend, "rank", "same");
    Agnode_t *head = agnode(legend, (char *)"legend", 1);
    bn_dot_set(head, "label", "Loại sự kiện");
    bn_dot_set(head, "shape", "plaintext");
    for (int t = 0; t < BN_EV_COUNT; t++) {
        snprintf(name, sizeof name, "legend_%s", bn_event_type_name((bn_event_type)t));
        Agnode_t *n = agnode(legend, name, 1);
        bn_dot_set(n, "label", bn_event_type_name((bn_event_type)t));
        bn_dot_set(n, "shape", "box");
        bn_dot_set(n, "style", "filled,rounded");
        bn_dot_set(n, "fillcolor", bn_type_colors[t]);
        bn_dot_set(n, "fontcolor", bn_type_dark((bn_event_type)t) ? "white" : "black");
    }
    bn_status st = bn_dot_write(g, "dot", dot_path, svg_path, err);
    agclose(g);
    return st;
}
