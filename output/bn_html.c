/* timeline.html: one self-contained page to open or send: the two
 * pictures inline, and the table of events that can be sorted and filtered
 * by actor, type and date.  The style sheet and the script
 * (output/report/) are built in (scripts/embed.py); nothing is fetched,
 * so the page works offline. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bn_config.h"
#include "bn_dot.h"
#include "bn_html.h"
#include "bn_links.h"
#include "bn_markup.h"
#include "bn_outfile.h"
#include "bn_report_assets.h"
#include "bn_summary.h"

/* The SVG from its <svg element on: the XML prolog and DOCTYPE of a file
 * have no place inside HTML. */
static const char *svg_element(const char *svg)
{
    const char *s = svg ? strstr(svg, "<svg") : NULL;
    return s ? s : "";
}

/* A figure and its legend beside it (outside the scrolled box, so that
 * it stays in view); the SVGs of the page are drawn without theirs. */
static void put_figure(FILE *f, const char *id, const char *title, const char *svg, const char *legend)
{
    fprintf(f, "<section id=\"%s\"><h2>%s</h2><div class=\"figure-row\"><div class=\"figure\">\n", id, title);
    fputs(svg_element(svg), f);
    fprintf(f, "</div>\n<aside class=\"legend\" aria-label=\"Chú giải\">%s</aside></div></section>\n", legend);
}

/* The timeline's legend: the types it shows, and its marks. */
static void timeline_legend(const bn_timeline *tl, const bn_labels *labels, char *buf, size_t size)
{
    int used[BN_EV_COUNT] = {0};
    for (size_t i = 0; i < tl->nevents; i++)
        used[tl->events[i].ev.type] = 1;
    size_t n = (size_t)snprintf(buf, size, "<h3>Loại sự kiện</h3><ul>");
    for (int t = 0; t < BN_EV_COUNT && n < size; t++)
        if (used[t])
            n += (size_t)snprintf(buf + n, size - n, "<li><span class=\"swatch\" style=\"background:%s\"></span>%s</li>",
                                  bn_event_type_record_of((bn_event_type)t)->colour, bn_labels_type(labels, (bn_event_type)t));
    if (n < size)
        snprintf(buf + n, size - n,
                 "</ul><h3>Ký hiệu</h3><ul>"
                 "<li><span class=\"mark dashed\"></span>viền đứt: dự kiến</li>"
                 "<li><span class=\"mark\">●</span>nhiều bài báo</li>"
                 "<li><span class=\"mark grey\"></span>“3 × họp”: cùng loại, cùng ô</li>"
                 "<li><span class=\"mark\">≈</span>quãng trống: trục thời gian bị cắt</li>"
                 "<li><span class=\"mark\"><i>12/1</i></span>mốc chữ xám: không có sự kiện</li>"
                 "</ul><p>Trong một đoạn, khoảng cách tỉ lệ với thời gian. Bấm một ô để xem dòng của nó trong bảng.</p>");
}

/* A node shape of the network, drawn small. */
#define SHAPE(body) "<svg class=\"shape\" viewBox=\"0 0 20 14\" aria-hidden=\"true\">" body "</svg>"

static void network_legend(const bn_timeline *tl, const bn_network *net, const bn_picture_options *opt, char *buf,
                           size_t size)
{
    size_t shown = 0, total = 0;
    if (bn_network_picture_count(tl, net, opt, &shown, &total) != BN_OK)
        shown = total = 0;
    snprintf(buf, size,
             "<div><h3>Chủ thể</h3><p>%zu/%zu chủ thể có sự kiện%s: những chủ thể có quan hệ với một chủ thể khác "
             "trong hình. Tên: các chủ thể có PageRank cao nhất; di chuột lên một nút để xem tên và số liệu.</p><ul>"
             "<li>" SHAPE("<ellipse cx='10' cy='7' rx='9' ry='6'/>") "quốc gia</li>"
             "<li>" SHAPE("<rect x='1' y='1' width='18' height='12'/>") "tổ chức</li>"
             "<li>" SHAPE("<polygon points='6,1 14,1 19,5 19,9 14,13 6,13 1,9 1,5'/>") "cá nhân</li>"
             "<li>" SHAPE("<polygon points='5,1 15,1 19,7 15,13 5,13 1,7'/>") "nhóm</li></ul>"
             "<p>Cỡ: PageRank. Màu: cộng đồng (nhóm chủ thể hay tương tác với nhau).</p></div>"
             "<div><h3>Quan hệ</h3><ul>"
             "<li><span class=\"line\" style=\"background:#228833\"></span>hợp tác</li>"
             "<li><span class=\"line\" style=\"background:#999999\"></span>trung tính</li>"
             "<li><span class=\"line\" style=\"background:#CC3333\"></span>xung đột</li></ul>"
             "<p>Độ dày: số tương tác; mũi tên: từ chủ thể hành động đến đối tượng.</p></div>",
             shown, total, shown < total ? " (theo PageRank; graph.graphml có tất cả)" : "");
}

/* The first and last dated day, for the header. */
static void span_of(const bn_timeline *tl, char *buf, size_t size)
{
    long lo = 0, hi = 0, a, b;
    int any = 0;
    for (size_t i = 0; i < tl->nevents; i++)
        if (bn_timex_days(&tl->events[i].ev.date, &a, &b)) {
            if (!any || a < lo)
                lo = a;
            if (!any || b > hi)
                hi = b;
            any = 1;
        }
    if (!any) {
        buf[0] = 0;
        return;
    }
    int y0, m0, d0, y1, m1, d1;
    bn_civil_from_days(lo, &y0, &m0, &d0);
    bn_civil_from_days(hi, &y1, &m1, &d1);
    snprintf(buf, size, " · từ %d/%d/%d đến %d/%d/%d", d0, m0, y0, d1, m1, y1);
}

static void put_filters(FILE *f, const bn_timeline *tl, const bn_labels *labels)
{
    fputs("<form id=\"filters\" onsubmit=\"return false\">\n"
          " <label>Chủ thể <input id=\"f-actor\" list=\"actor-list\" autocomplete=\"off\"></label>\n"
          " <datalist id=\"actor-list\">",
          f);
    for (size_t i = 0; i < tl->nactors; i++) {
        if (!tl->actors[i].events)
            continue;
        fputs("<option value=\"", f);
        bn_markup_put(f, tl->actors[i].name_local);
        fputs("\">", f);
    }
    fputs("</datalist>\n <label>Loại <select id=\"f-type\"><option value=\"\">tất cả</option>", f);
    for (int t = 0; t < BN_EV_COUNT; t++)
        fprintf(f, "<option value=\"%s\">%s (%s)</option>", bn_event_type_name((bn_event_type)t),
                bn_labels_type(labels, (bn_event_type)t), bn_event_type_name((bn_event_type)t));
    fputs("</select></label>\n"
          " <label>Từ <input id=\"f-from\" type=\"date\"></label> <label>Đến <input id=\"f-to\" type=\"date\"></label>\n"
          " <button type=\"button\" id=\"f-clear\">Xoá lọc</button>\n"
          " <output id=\"f-count\"></output>\n</form>\n",
          f);
}

/* data-actors: every id, Vietnamese and English name and alias of the
 * event's actors, for the actor filter. */
static void put_actor_keys(FILE *f, const bn_timeline *tl, const bn_event *e)
{
    for (size_t k = 0; k < e->nactors; k++) {
        long ai = bn_timeline_actor(tl, e->actors[k].id);
        if (k)
            fputc('|', f);
        bn_markup_put(f, e->actors[k].id);
        if (ai < 0)
            continue;
        const bn_tl_actor *a = &tl->actors[ai];
        fputc('|', f);
        bn_markup_put(f, a->name_local);
        fputc('|', f);
        bn_markup_put(f, a->name);
        for (size_t n = 0; n < a->naliases; n++) {
            fputc('|', f);
            bn_markup_put(f, a->aliases[n]);
        }
    }
}

/* An article: a link to its url when that is http(s); else its name, and
 * a url of another kind (javascript:, data:, relative) after it as text. */
static void put_article(FILE *f, const bn_timeline *tl, const char *article)
{
    const char *url = bn_article_url(tl, article);
    if (bn_link_put_article(f, tl, article) == 0 && url && *url) {
        fputs(" <small class=\"url\">", f);
        bn_markup_put(f, url);
        fputs("</small>", f);
    }
}

/* The articles of the event's sources, each once, the first in full. */
static void put_articles(FILE *f, const bn_timeline *tl, const bn_tl_event *te)
{
    const bn_event *e = &te->ev;
    if (!e->nsources)
        return;
    put_article(f, tl, e->sources[0].article);
    if (te->articles > 1)
        fprintf(f, " <small>(+%u bài:", te->articles - 1);
    for (size_t i = 1; i < e->nsources && te->articles > 1; i++) {
        if (bn_source_article_seen(e, i))
            continue;
        fputc(' ', f);
        put_article(f, tl, e->sources[i].article);
    }
    if (te->articles > 1)
        fputs(")</small>", f);
}

static void put_row(FILE *f, const bn_timeline *tl, const bn_labels *labels, const bn_tl_event *te)
{
    const bn_event *e = &te->ev;
    char date[64], text[1024], value[BN_TIMEX_MAX], end[BN_TIMEX_MAX] = "";
    fprintf(f, "<tr id=\"%s\" data-date=\"%s\" data-end=\"%s\" data-type=\"%s\" data-actors=\"", te->id,
            bn_date_format(&e->date.value, value), e->date.has_end ? bn_date_format(&e->date.end, end) : end,
            bn_event_type_name(e->type));
    put_actor_keys(f, tl, e);
    fputs("\" data-article=\"", f);
    bn_markup_put(f, e->nsources ? e->sources[0].article : "");
    bn_date_vi(&e->date, date, sizeof date);
    fputs("\">\n <td class=\"date\">", f);
    bn_markup_put(f, date);
    if (e->modality == BN_MOD_PLANNED)
        fputs(" <small>(dự kiến)</small>", f);
    fprintf(f, "</td><td class=\"type\"><span class=\"swatch\" style=\"background:%s\"></span>%s</td>",
            bn_event_type_record_of(e->type)->colour, bn_labels_type(labels, e->type));
    bn_event_parties(tl, e, text, sizeof text);
    fputs("<td class=\"actors\">", f);
    bn_markup_put(f, text);
    bn_event_summary(tl, e, text, sizeof text);
    fputs("</td><td class=\"summary\">", f);
    bn_markup_put(f, text);
    fputs("</td><td class=\"sentence\">", f);
    bn_markup_put(f, e->nsources ? e->sources[0].sentence : "");
    if (e->nsources > 1)
        fprintf(f, " <small>(+%zu câu khác)</small>", e->nsources - 1);
    fputs("</td><td class=\"article\">", f);
    put_articles(f, tl, te);
    fputs("</td></tr>\n", f);
}

static void put_page(FILE *f, const bn_output_ctx *c, const char *timeline_svg, const char *network_svg)
{
    const bn_timeline *tl = c->tl;
    const bn_labels *labels = c->opt->labels;
    char span[128];
    /* the same counts as the command line's last line, in the same order
     * and with the same words: "12 articles read: 10 ok, 1 empty, 1
     * skipped; 47 events, 42 actors (40 in events)" */
    bn_timeline_counts n;
    bn_timeline_count(tl, &n);
    span_of(tl, span, sizeof span);
    fputs("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<title>biennien — dòng thời gian</title>\n<style>\n",
          f);
    fputs(bn_asset_report_css, f);
    fprintf(f,
            "</style></head>\n<body>\n<header><h1>Dòng thời gian sự kiện</h1>\n"
            "<p class=\"meta\">%zu bài báo: %zu đọc được, %zu không có nội dung, %zu bỏ qua · %zu sự kiện · "
            "%zu chủ thể (%zu tham gia sự kiện)%s · biennien %s</p></header>\n"
            "<nav><a href=\"#timeline\">Dòng thời gian</a> <a href=\"#network\">Mạng lưới</a> "
            "<a href=\"#events-section\">Bảng sự kiện</a></nav>\n<main>\n",
            n.articles, n.by_status[BN_ARTICLE_OK], n.by_status[BN_ARTICLE_EMPTY], n.by_status[BN_ARTICLE_SKIPPED],
            n.events, n.actors, n.actors_in_events, span, BN_VERSION);
    char legend[4096];
    timeline_legend(tl, labels, legend, sizeof legend);
    put_figure(f, "timeline", "Dòng thời gian", timeline_svg, legend);
    network_legend(tl, c->net, &c->opt->picture, legend, sizeof legend);
    put_figure(f, "network", "Mạng lưới chủ thể", network_svg, legend);
    fputs("<section id=\"events-section\"><h2>Sự kiện</h2>\n", f);
    put_filters(f, tl, labels);
    fputs("<table id=\"events\">\n<thead><tr><th data-sort=\"date\">Ngày</th><th data-sort=\"type\">Loại</th>"
          "<th data-sort=\"actors\">Chủ thể</th><th>Tóm tắt</th><th>Câu nguồn</th>"
          "<th data-sort=\"article\">Bài báo</th></tr></thead>\n<tbody>\n",
          f);
    for (size_t i = 0; i < tl->nevents; i++)
        put_row(f, tl, labels, &tl->events[i]);
    fputs("</tbody></table>\n</section></main>\n"
          "<footer>Mỗi sự kiện kèm câu nêu nó và bài báo chứa câu đó. Tạo bởi biennien " BN_VERSION
          ".</footer>\n<script>\n",
          f);
    fputs(bn_asset_report_js, f);
    fputs("</script></body></html>\n", f);
}

bn_status bn_write_html(const bn_output_ctx *ctx, bn_error *err)
{
    char *timeline_svg = NULL, *network_svg = NULL;
    bn_picture_options page = ctx->opt->picture;
    page.page_legends = 1; /* the page has its own, in HTML */
    bn_status st = bn_render_timeline(ctx->tl, ctx->opt->labels, &page, NULL, NULL, &timeline_svg, err);
    if (st == BN_OK)
        st = bn_render_network(ctx->tl, ctx->net, &page, NULL, NULL, &network_svg, err);
    bn_outfile out;
    if (st == BN_OK && (st = bn_outfile_open(&out, ctx->paths[0], err)) == BN_OK) {
        put_page(out.f, ctx, timeline_svg, network_svg);
        st = bn_outfile_commit(&out, 0, err);
    }
    free(timeline_svg);
    free(network_svg);
    return st;
}
