/* timeline.svg: swimlanes of the main actors along a date axis.
 *
 * The layout is computed here, not by Graphviz: every node gets its place
 * (Graphviz's neato then only draws: every node is pinned), so that time runs straight
 * along one axis, each lane keeps its own band, and events of one day
 * stack instead of overlapping.  Columns are days, weeks or months
 * (bn_bin); when a cell of a lane and a column would hold many events,
 * they are shown as one box per type ("4 × họp") whose tooltip lists them.
 * Where columns stand along time is bn_time_axis's: proportional to time
 * within runs of close dates, with a break ("≈ 10 năm") between runs. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bn_array.h"
#include "bn_dot.h"
#include "bn_dot_render.h"
#include "bn_links.h"
#include "bn_summary.h"
#include "bn_time_axis.h"

enum {
    DEFAULT_LANES = 6,
    CELL_MAX = 4,          /* more events than this in one cell of a day column: one box per type */
    LANE_ROWS_MIN = 2,     /* a lane is as tall as nine in ten of its cells need, and at least this */
    NODE_W = 150,          /* points */
    NODE_H = 52,
    GROUP_H = 38,          /* when every box is a group of a week or a month: two lines, no date (the axis says it) */
    GAP = 8,
    LANE_PAD = 8,
    LABEL_W = 130,         /* the lane names */
    AXIS_W = 34,           /* the date axis */
    WRAP = 26,             /* characters per line of a summary */
};

/* A box of the picture: one event, or the events of one type in a cell. */
typedef struct item {
    size_t first;          /* event index */
    size_t count;
    bn_event_type type;    /* BN_EV_COUNT: the rest of a full cell, of the types in `rest` */
    unsigned rest;         /* bit per type */
} item;

static int item_order(const void *va, const void *vb)
{
    const item *a = va, *b = vb;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    return (int)a->type - (int)b->type;
}

/* The events of one lane and one column: a run of the placed events
 * sorted by lane, column and date. */
typedef struct cell {
    size_t lane, col;
    const size_t *events;
    size_t n;
} cell;

typedef struct placed {
    size_t lane, col, ev;
} placed;

static int placed_order(const void *va, const void *vb)
{
    const placed *a = va, *b = vb;
    if (a->lane != b->lane)
        return a->lane < b->lane ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return (a->ev > b->ev) - (a->ev < b->ev);
}

typedef struct layout {
    const bn_timeline *tl;
    const bn_labels *labels; /* what the language calls each type */
    bn_time_axis ax;
    int vertical;
    int page_legends;
    size_t nlanes;          /* the main actors' lanes, then "khác" */
    long *lane_actor;       /* actor index, -1 for "khác" */
    size_t *ev_lane, *ev_col;
    double *lane_start, *lane_len;
    size_t *lane_cap;       /* boxes a cell of the lane shows at most; NULL: CELL_MAX */
} layout;

/* ---- text --------------------------------------------------------------- */

/* Copies s into out, broken into lines of at most `width` characters at
 * spaces, at most `lines` lines, with "…" when cut. */
static void wrap(const char *s, int width, int lines, char *out, size_t size)
{
    size_t n = 0;
    int line = 1, col = 0;
    out[0] = 0;
    while (*s && n + 8 < size) {
        /* the next word and its length in characters */
        const char *w = s;
        int chars = 0;
        while (*w && *w != ' ') {
            chars += ((unsigned char)*w & 0xC0) != 0x80;
            w++;
        }
        if (col && col + 1 + chars > width) {
            if (line == lines) {
                n += (size_t)snprintf(out + n, size - n, "…");
                return;
            }
            out[n++] = '\n';
            line++;
            col = 0;
        } else if (col) {
            out[n++] = ' ';
            col++;
        }
        size_t len = (size_t)(w - s);
        if (n + len + 8 >= size)
            len = size - n - 8;
        memcpy(out + n, s, len);
        n += len;
        out[n] = 0;
        col += chars;
        s = *w ? w + 1 : w;
    }
}

/* ---- columns ------------------------------------------------------------ */

static bn_status make_columns(layout *L, bn_bin want, double step)
{
    const bn_timeline *tl = L->tl;
    const bn_timex **dates = malloc((tl->nevents + 1) * sizeof *dates);
    if (!dates)
        return BN_ERR_NOMEM;
    for (size_t i = 0; i < tl->nevents; i++)
        dates[i] = &tl->events[i].ev.date;
    bn_status st = bn_time_axis_init(&L->ax, dates, tl->nevents, want, step);
    free(dates);
    return st;
}

static void column_label(const layout *L, size_t c, char *buf, size_t size)
{
    bn_axis_label(L->ax.cols[c].key, L->ax.cols[c].prec, buf, size);
}

/* ---- lanes -------------------------------------------------------------- */

/* More events first, then by id; `ctx` is the timeline. */
static int lane_order(const void *va, const void *vb, void *ctx)
{
    const bn_timeline *tl = ctx;
    const bn_tl_actor *a = &tl->actors[*(const long *)va], *b = &tl->actors[*(const long *)vb];
    if (a->events != b->events)
        return a->events > b->events ? -1 : 1;
    return strcmp(a->id, b->id);
}

/* The `want` actors with most events, and "khác" when some event names
 * none of them. */
static int make_lanes(layout *L, int want)
{
    const bn_timeline *tl = L->tl;
    long *v = malloc((tl->nactors + 2) * sizeof *v);
    if (!v)
        return -1;
    size_t n = 0;
    for (size_t i = 0; i < tl->nactors; i++)
        if (tl->actors[i].events)
            v[n++] = (long)i;
    if (bn_sort_r(v, n, sizeof *v, lane_order, (void *)tl) != 0) {
        free(v);
        return -1;
    }
    if (n > (size_t)want)
        n = (size_t)want;
    L->lane_actor = v;
    L->nlanes = n;
    L->ev_lane = malloc((tl->nevents + 1) * sizeof *L->ev_lane);
    L->ev_col = malloc((tl->nevents + 1) * sizeof *L->ev_col);
    if (!L->ev_lane || !L->ev_col)
        return -1;
    int other = 0;
    for (size_t i = 0; i < tl->nevents; i++) {
        const bn_event *e = &tl->events[i].ev;
        size_t lane = SIZE_MAX;
        /* the lane of its first source among the main actors, else of any actor */
        for (int pass = 0; pass < 2 && lane == SIZE_MAX; pass++)
            for (size_t k = 0; k < e->nactors && lane == SIZE_MAX; k++) {
                if (pass == 0 && e->actors[k].role != BN_ROLE_SOURCE)
                    continue;
                long ai = bn_timeline_actor(tl, e->actors[k].id);
                for (size_t l = 0; l < n; l++)
                    if (v[l] == ai)
                        lane = l;
            }
        if (lane == SIZE_MAX) {
            lane = n;
            other = 1;
        }
        L->ev_lane[i] = lane;
        L->ev_col[i] = bn_time_axis_column(&L->ax, &e->date);
    }
    if (other)
        v[L->nlanes++] = -1;
    /* a person whose events all sit in the lane of their state or
     * organisation would have an empty lane: drop it */
    size_t *count = calloc(L->nlanes + 1, sizeof *count), *now = malloc((L->nlanes + 1) * sizeof *now);
    if (!count || !now) {
        free(count);
        free(now);
        return -1;
    }
    for (size_t i = 0; i < tl->nevents; i++)
        count[L->ev_lane[i]]++;
    size_t kept = 0;
    for (size_t l = 0; l < L->nlanes; l++) {
        now[l] = kept;
        if (count[l])
            v[kept++] = v[l];
    }
    for (size_t i = 0; i < tl->nevents; i++)
        L->ev_lane[i] = now[L->ev_lane[i]];
    L->nlanes = kept;
    free(count);
    free(now);
    return 0;
}

/* ---- cells -------------------------------------------------------------- */

/* The boxes of a cell: its events, or one box per type when there are
 * many or the columns are weeks or months; past the lane's cap, the
 * largest types and one box for the rest. */
static size_t cell_items(const layout *L, const cell *c, item *out)
{
    const bn_timeline *tl = L->tl;
    size_t cap = L->lane_cap ? L->lane_cap[c->lane] : CELL_MAX;
    if (L->ax.bin == BN_BIN_DAY && c->n <= cap) {
        for (size_t k = 0; k < c->n; k++)
            out[k] = (item){c->events[k], 1, tl->events[c->events[k]].ev.type, 0};
        return c->n;
    }
    size_t n = 0;
    for (int t = 0; t < BN_EV_COUNT; t++) {
        size_t count = 0, first = 0;
        for (size_t k = 0; k < c->n; k++)
            if (tl->events[c->events[k]].ev.type == (bn_event_type)t && !count++)
                first = c->events[k];
        if (count)
            out[n++] = (item){first, count, (bn_event_type)t, 0};
    }
    if (n <= cap)
        return n;
    /* a full cell: its largest types, and one box for the rest */
    bn_sort(out, n, sizeof *out, item_order);
    item rest = {out[cap - 1].first, 0, BN_EV_COUNT, 0};
    for (size_t k = cap - 1; k < n; k++) {
        rest.count += out[k].count;
        rest.rest |= 1u << out[k].type;
    }
    out[cap - 1] = rest;
    return cap;
}

static int size_order(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/* Empty lanes compressed: a lane is as tall as nine in ten of its cells
 * need (at least LANE_ROWS_MIN boxes), not as its one fullest cell; the
 * cells past it show their largest types and "+ N sự kiện khác".  Cells
 * are sorted by lane. */
static bn_status lane_caps(layout *L, const cell *cells, size_t ncells)
{
    size_t *need = malloc((ncells + 1) * sizeof *need);
    L->lane_cap = calloc(L->nlanes + 1, sizeof *L->lane_cap);
    if (!need || !L->lane_cap) {
        free(need);
        return BN_ERR_NOMEM;
    }
    item tmp[CELL_MAX + BN_EV_COUNT];
    size_t *caps = L->lane_cap;
    for (size_t l = 0; l < L->nlanes; l++)
        caps[l] = CELL_MAX;
    L->lane_cap = NULL; /* the natural number of boxes */
    for (size_t k = 0; k < ncells; k++)
        need[k] = cell_items(L, &cells[k], tmp);
    for (size_t a = 0, b; a < ncells; a = b) {
        for (b = a; b < ncells && cells[b].lane == cells[a].lane; b++)
            ;
        bn_sort(need + a, b - a, sizeof *need, size_order);
        size_t q = need[a + (b - a - 1) * 9 / 10];
        caps[cells[a].lane] = q < LANE_ROWS_MIN ? LANE_ROWS_MIN : q > CELL_MAX ? CELL_MAX : q;
    }
    L->lane_cap = caps;
    free(need);
    return BN_OK;
}

/* ---- drawing ------------------------------------------------------------ */

/* Places a node at (t, l): t along time, l across the lanes. */
static void place(const layout *L, Agnode_t *n, double t, double l, double tw, double lw)
{
    char buf[64];
    double x = L->vertical ? l : t, y = L->vertical ? t : l;
    double w = L->vertical ? lw : tw, h = L->vertical ? tw : lw;
    snprintf(buf, sizeof buf, "%.1f,%.1f!", x, -y);
    bn_dot_set(n, "pos", buf);
    snprintf(buf, sizeof buf, "%.3f", w / 72.0);
    bn_dot_set(n, "width", buf);
    snprintf(buf, sizeof buf, "%.3f", h / 72.0);
    bn_dot_set(n, "height", buf);
    bn_dot_set(n, "fixedsize", "true");
}

static Agnode_t *text_node(Agraph_t *g, const char *name, const char *label, const char *size, int bold)
{
    Agnode_t *n = agnode(g, (char *)name, 1);
    bn_dot_set(n, "shape", "plaintext");
    bn_dot_set(n, "label", label);
    bn_dot_set(n, "fontsize", size);
    if (bold)
        bn_dot_set(n, "fontname", "Helvetica-Bold,Arial Bold,sans-serif");
    return n;
}

/* Sizes of a box along the time and the lane axis: lower when the
 * columns are weeks or months, whose boxes are groups without a date,
 * so that lanes take less room. */
static double box_h(const layout *L)
{
    return L->ax.bin == BN_BIN_DAY ? NODE_H : GROUP_H;
}

static double box_t(const layout *L)
{
    return L->vertical ? box_h(L) : NODE_W;
}

static double box_l(const layout *L)
{
    return L->vertical ? NODE_W : box_h(L);
}

static void draw_item(Agraph_t *g, const layout *L, const cell *c, const item *it, size_t row, double col_t)
{
    const bn_timeline *tl = L->tl;
    const bn_tl_event *te = &tl->events[it->first];
    const bn_event *e = &te->ev;
    char name[64], date[64], text[512], label[768], tip[4096];
    if (it->count == 1) {
        snprintf(name, sizeof name, "%s", te->id);
        bn_date_vi(&e->date, date, sizeof date);
        bn_event_summary(tl, e, text, sizeof text);
        char wrapped[600];
        wrap(text, WRAP, L->ax.bin == BN_BIN_DAY ? 2 : 1, wrapped, sizeof wrapped);
        snprintf(label, sizeof label, "%s%s\n%s", date, te->articles > 1 ? " ●" : "", wrapped);
        const char *url = e->nsources ? bn_link_url(bn_article_url(tl, e->sources[0].article)) : NULL;
        snprintf(tip, sizeof tip, "%s · %s · %s\n%s\n— %s%s%s%s", date, bn_labels_type(L->labels, e->type), text,
                 e->nsources ? e->sources[0].sentence : "", e->nsources ? e->sources[0].article : "",
                 te->articles > 1 ? " (và các bài khác)" : "", url ? "\n" : "", url ? url : "");
    } else if (it->type == BN_EV_COUNT) {
        snprintf(name, sizeof name, "cell_%zu_%zu_rest", c->lane, c->col);
        column_label(L, c->col, date, sizeof date);
        size_t n = (size_t)snprintf(tip, sizeof tip, "%s, %zu sự kiện khác:", date, it->count);
        for (int t = 0; t < BN_EV_COUNT && n < sizeof tip; t++) {
            size_t k = 0;
            for (size_t x = 0; x < c->n; x++)
                k += tl->events[c->events[x]].ev.type == (bn_event_type)t;
            if (it->rest & (1u << t))
                n += (size_t)snprintf(tip + n, sizeof tip - n, "\n%zu × %s", k, bn_labels_type(L->labels, (bn_event_type)t));
        }
        if (L->ax.bin == BN_BIN_DAY)
            snprintf(label, sizeof label, "%s\n+ %zu sự kiện khác", date, it->count);
        else
            snprintf(label, sizeof label, "+ %zu sự kiện khác", it->count);
    } else {
        snprintf(name, sizeof name, "cell_%zu_%zu_%d", c->lane, c->col, (int)it->type);
        column_label(L, c->col, date, sizeof date);
        /* who: the distinct parties of the first events */
        size_t n = (size_t)snprintf(tip, sizeof tip, "%zu × %s, %s:", it->count, bn_labels_type(L->labels, it->type), date);
        size_t shown = 0;
        for (size_t k = 0; k < c->n && n < sizeof tip; k++) {
            const bn_tl_event *x = &tl->events[c->events[k]];
            if (x->ev.type != it->type)
                continue;
            if (shown++ == 12) {
                n += (size_t)snprintf(tip + n, sizeof tip - n, "\n…");
                break;
            }
            char d[64];
            bn_date_vi(&x->ev.date, d, sizeof d);
            bn_event_summary(tl, &x->ev, text, sizeof text);
            n += (size_t)snprintf(tip + n, sizeof tip - n, "\n%s: %s", d, text);
        }
        bn_event_parties(tl, e, text, sizeof text);
        char wrapped[600];
        wrap(text, WRAP, 1, wrapped, sizeof wrapped);
        if (L->ax.bin == BN_BIN_DAY)
            snprintf(label, sizeof label, "%s\n%zu × %s\n%s", date, it->count, bn_labels_type(L->labels, it->type), wrapped);
        else
            snprintf(label, sizeof label, "%zu × %s\n%s", it->count, bn_labels_type(L->labels, it->type), wrapped);
    }
    Agnode_t *nd = agnode(g, name, 1);
    if (it->count == 1) { /* in the report page, a box leads to its row of the table */
        char href[64];
        snprintf(href, sizeof href, "#%s", te->id);
        bn_dot_set(nd, "href", href);
    }
    bn_dot_set(nd, "label", label);
    bn_dot_set(nd, "tooltip", tip);
    bn_dot_set(nd, "shape", "box");
    int planned = it->count == 1 && e->modality == BN_MOD_PLANNED;
    bn_dot_set(nd, "style", planned ? "filled,rounded,dashed" : "filled,rounded");
    if (planned)
        bn_dot_set(nd, "penwidth", "2");
    bn_dot_set(nd, "fillcolor", it->type == BN_EV_COUNT ? "#E0E0E0" : bn_event_type_record_of(it->type)->colour);
    bn_dot_set(nd, "fontcolor", it->type != BN_EV_COUNT && bn_event_type_record_of(it->type)->dark ? "white" : "black");
    double l = L->lane_start[c->lane] + LANE_PAD + row * (box_l(L) + GAP) + box_l(L) / 2;
    place(L, nd, col_t, l, box_t(L), box_l(L));
}

static void draw_legend(Agraph_t *g, const layout *L, const int *used, double l)
{
    double t = LABEL_W / 2.0;
    Agnode_t *head = text_node(g, "legend", "Loại sự kiện:", "10", 1);
    place(L, head, t, l, LABEL_W, 24);
    t = LABEL_W;
    char name[64], label[96];
    double w = L->vertical ? 24 : 96;
    for (int k = 0; k < BN_EV_COUNT + 3; k++) {
        if ((k < BN_EV_COUNT && !used[k]) || (k == BN_EV_COUNT + 2 && !L->ax.nbreaks))
            continue;
        snprintf(name, sizeof name, "legend_%d", k);
        Agnode_t *n = agnode(g, name, 1);
        bn_dot_set(n, "shape", "box");
        bn_dot_set(n, "fontsize", "9");
        if (k < BN_EV_COUNT) {
            snprintf(label, sizeof label, "%s", bn_labels_type(L->labels, (bn_event_type)k));
            bn_dot_set(n, "style", "filled,rounded");
            bn_dot_set(n, "fillcolor", bn_event_type_record_of((bn_event_type)k)->colour);
            bn_dot_set(n, "fontcolor", bn_event_type_record_of((bn_event_type)k)->dark ? "white" : "black");
        } else if (k == BN_EV_COUNT) {
            snprintf(label, sizeof label, "viền đứt: dự kiến");
            bn_dot_set(n, "style", "rounded,dashed");
            bn_dot_set(n, "penwidth", "2");
        } else if (k == BN_EV_COUNT + 1) {
            snprintf(label, sizeof label, "●: nhiều nguồn");
            bn_dot_set(n, "style", "rounded");
        } else {
            snprintf(label, sizeof label, "≈: quãng trống");
            bn_dot_set(n, "style", "rounded,dashed");
            bn_dot_set(n, "color", "#888888");
        }
        bn_dot_set(n, "label", label);
        if (L->vertical) {
            place(L, n, t + 12, l, 24, 110);
            t += 30;
        } else {
            place(L, n, t + w / 2, l, w, 24);
            t += w + 6;
        }
    }
}

static void draw(Agraph_t *g, layout *L, cell *cells, size_t ncells, size_t *lane_rows)
{
    const bn_timeline *tl = L->tl;
    const bn_time_axis *ax = &L->ax;
    char name[64], label[256];
    double col_step = ax->step;
    double t0 = L->vertical ? AXIS_W + 8 : LABEL_W;
    double total_t = ax->length;
    double l0 = L->vertical ? LABEL_W / 2.0 : AXIS_W;
    /* lane bands first: Graphviz draws in order, so they stay behind */
    double l = l0;
    for (size_t k = 0; k < L->nlanes; k++) {
        size_t rows = lane_rows[k] ? lane_rows[k] : 1;
        L->lane_start[k] = l;
        L->lane_len[k] = 2 * LANE_PAD + rows * box_l(L) + (rows - 1) * GAP;
        snprintf(name, sizeof name, "lane_%zu", k);
        Agnode_t *band = agnode(g, name, 1);
        bn_dot_set(band, "shape", "box");
        bn_dot_set(band, "style", "filled");
        bn_dot_set(band, "color", "#DDDDDD");
        bn_dot_set(band, "fillcolor", k % 2 ? "#FFFFFF" : "#F3F3F3");
        bn_dot_set(band, "label", "");
        place(L, band, t0 + total_t / 2, l + L->lane_len[k] / 2, total_t, L->lane_len[k]);
        snprintf(name, sizeof name, "lane_label_%zu", k);
        const char *who = L->lane_actor[k] >= 0 ? tl->actors[L->lane_actor[k]].name_local : "khác";
        char wrapped[300];
        wrap(who, L->vertical ? 24 : 18, 2, wrapped, sizeof wrapped);
        Agnode_t *lab = text_node(g, name, wrapped, "11", 1);
        place(L, lab, t0 / 2, l + L->lane_len[k] / 2, t0 - 8, L->lane_len[k]);
        /* and again after the last column: a long timeline is read from
         * its end (the report page opens there) */
        if (total_t > 6 * col_step) {
            snprintf(name, sizeof name, "lane_label_end_%zu", k);
            lab = text_node(g, name, wrapped, "11", 1);
            place(L, lab, t0 + total_t + t0 / 2, l + L->lane_len[k] / 2, t0 - 8, L->lane_len[k]);
        }
        l += L->lane_len[k];
    }
    /* room after the end labels: the report page opens at the end and
     * steps back to the gap before a column, at most a column, and the
     * lane names stay in view */
    if (total_t > 6 * col_step && !L->vertical) {
        Agnode_t *pad = text_node(g, "end_room", "", "9", 0);
        place(L, pad, t0 + total_t + t0 + col_step / 2, l0 + 4, col_step, 8);
    }
    /* the breaks: a dashed white band across the lanes, "≈ 10 năm" on the axis */
    for (size_t b = 0; b < ax->nbreaks; b++) {
        snprintf(name, sizeof name, "break_%zu", b);
        Agnode_t *band = agnode(g, name, 1);
        bn_dot_set(band, "shape", "box");
        bn_dot_set(band, "style", "filled,dashed");
        bn_dot_set(band, "color", "#888888");
        bn_dot_set(band, "fillcolor", "#FFFFFF");
        bn_dot_set(band, "label", "");
        place(L, band, t0 + ax->breaks[b].t, l0 + (l - l0) / 2, BN_AXIS_BREAK - 16, l - l0);
        bn_axis_gap_label(ax->breaks[b].key, label, sizeof label);
        snprintf(name, sizeof name, "break_label_%zu", b);
        Agnode_t *mark = text_node(g, name, label, "10", 1);
        bn_dot_set(mark, "fontcolor", "#555555");
        snprintf(label, sizeof label, "quãng trống trên trục thời gian");
        bn_dot_set(mark, "tooltip", label);
        place(L, mark, t0 + ax->breaks[b].t, l0 / 2, BN_AXIS_BREAK, l0 - 6);
    }
    /* the date axis: each column's period, bold where a run begins; the
     * units of a run without events in grey */
    for (size_t c = 0; c < ax->ncols; c++) {
        column_label(L, c, label, sizeof label);
        snprintf(name, sizeof name, "axis_%zu", c);
        int first = c == 0 || ax->cols[c - 1].run != ax->cols[c].run;
        Agnode_t *tick = text_node(g, name, label, "10", first);
        place(L, tick, t0 + ax->cols[c].t, l0 / 2, col_step, l0 - 6);
    }
    for (size_t k = 0; k < ax->nticks; k++) {
        bn_axis_label(ax->ticks[k].key, ax->bin == BN_BIN_WEEK ? BN_PREC_WEEK : ax->bin == BN_BIN_MONTH ? BN_PREC_MONTH
                                                                                                    : BN_PREC_DAY,
                      label, sizeof label);
        snprintf(name, sizeof name, "axis_empty_%zu", k);
        Agnode_t *tick = text_node(g, name, label, "9", 0);
        bn_dot_set(tick, "fontcolor", "#999999");
        place(L, tick, t0 + ax->ticks[k].t, l0 / 2, col_step, l0 - 6);
    }
    /* the events */
    item v[CELL_MAX + BN_EV_COUNT]; /* a cell's boxes: at most CELL_MAX events, or one per type */
    int used[BN_EV_COUNT] = {0};
    for (size_t k = 0; k < ncells; k++) {
        cell *c = &cells[k];
        size_t n = cell_items(L, c, v);
        for (size_t r = 0; r < n; r++) {
            draw_item(g, L, c, &v[r], r, t0 + ax->cols[c->col].t);
            if (v[r].type < BN_EV_COUNT)
                used[v[r].type] = 1;
            for (int t = 0; t < BN_EV_COUNT; t++)
                if (v[r].rest & (1u << t))
                    used[t] = 1;
        }
    }
    if (!L->page_legends)
        draw_legend(g, L, used, l + 24);
}

bn_status bn_render_timeline(const bn_timeline *tl, const bn_labels *labels, const bn_picture_options *opt,
                             const char *dot_path, const char *svg_path, char **svg_out, bn_error *err)
{
    layout L = {.tl = tl, .labels = labels, .vertical = opt && opt->vertical, .page_legends = opt && opt->page_legends};
    cell *cells = NULL;
    size_t ncells = 0, *lane_rows = NULL, *order = NULL;
    placed *pl = NULL;
    bn_status st = BN_OK;
    double step = (opt && opt->vertical ? NODE_H : NODE_W) + GAP * 2;
    if (make_columns(&L, opt ? opt->bin : BN_BIN_AUTO, step) != BN_OK || make_lanes(&L, opt && opt->lanes > 0 ? opt->lanes : DEFAULT_LANES))
        st = BN_ERR_NOMEM;
    /* cells: the events sorted by (lane, column, date), cut into runs */
    if (st == BN_OK) {
        pl = malloc((tl->nevents + 1) * sizeof *pl);
        order = malloc((tl->nevents + 1) * sizeof *order);
        cells = malloc((tl->nevents + 1) * sizeof *cells);
        if (!pl || !order || !cells)
            st = BN_ERR_NOMEM;
    }
    if (st == BN_OK) {
        for (size_t i = 0; i < tl->nevents; i++)
            pl[i] = (placed){L.ev_lane[i], L.ev_col[i], i};
        bn_sort(pl, tl->nevents, sizeof *pl, placed_order);
        for (size_t i = 0; i < tl->nevents; i++) {
            order[i] = pl[i].ev;
            if (!ncells || cells[ncells - 1].lane != pl[i].lane || cells[ncells - 1].col != pl[i].col)
                cells[ncells++] = (cell){pl[i].lane, pl[i].col, &order[i], 0};
            cells[ncells - 1].n++;
        }
        lane_rows = calloc(L.nlanes + 1, sizeof *lane_rows);
        L.lane_start = calloc(L.nlanes + 1, sizeof *L.lane_start);
        L.lane_len = calloc(L.nlanes + 1, sizeof *L.lane_len);
        if (!lane_rows || !L.lane_start || !L.lane_len || lane_caps(&L, cells, ncells) != BN_OK)
            st = BN_ERR_NOMEM;
        item tmp[CELL_MAX + BN_EV_COUNT];
        for (size_t k = 0; st == BN_OK && k < ncells; k++) {
            size_t n = cell_items(&L, &cells[k], tmp);
            if (n > lane_rows[cells[k].lane])
                lane_rows[cells[k].lane] = n;
        }
    }
    Agraph_t *g = st == BN_OK ? agopen((char *)"timeline", Agundirected, NULL) : NULL;
    if (st == BN_OK && !g)
        st = BN_ERR_NOMEM;
    if (st == BN_OK) {
        char title[256];
        snprintf(title, sizeof title, "Dòng thời gian: %zu sự kiện, %zu bài báo%s", tl->nevents, tl->narticles,
                 L.ax.bin == BN_BIN_WEEK ? " (theo tuần)" : L.ax.bin == BN_BIN_MONTH ? " (theo tháng)" : "");
        bn_dot_set(g, "label", title);
        bn_dot_set(g, "labelloc", "t");
        bn_dot_set(g, "labeljust", "l"); /* a wide picture: the title where reading starts */
        bn_dot_set(g, "fontsize", "16");
        bn_dot_set(g, "fontname", "Helvetica,Arial,sans-serif");
        bn_dot_set(g, "outputorder", "nodesfirst");
        agattr(g, AGNODE, (char *)"fontname", (char *)"Helvetica,Arial,sans-serif");
        agattr(g, AGNODE, (char *)"fontsize", (char *)"9");
        agattr(g, AGNODE, (char *)"margin", (char *)"0.04,0.02");
        draw(g, &L, cells, ncells, lane_rows);
        /* neato with every node pinned only draws (the "nop" engine would do
         * the same but leaks in Graphviz 2.43); positions are in points */
        bn_dot_set(g, "inputscale", "72");
        bn_dot_prefix_ids(g, "tl-");
        bn_dot_set(g, "notranslate", "true");
        st = bn_dot_write(g, "neato", dot_path, svg_path, svg_out, err);
        agclose(g);
    } else {
        st = bn_error_set(err, st, svg_path ? svg_path : "", 0, 0, 0, "out of memory drawing the timeline");
    }
    free(cells);
    free(order);
    free(pl);
    free(lane_rows);
    free(L.lane_start);
    free(L.lane_len);
    free(L.lane_cap);
    free(L.lane_actor);
    bn_time_axis_destroy(&L.ax);
    free(L.ev_lane);
    free(L.ev_col);
    return st;
}
