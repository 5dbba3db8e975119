/* vis.json and timelinejs.json: the timeline for the two most used
 * JavaScript timeline widgets.  An event whose year is unknown cannot be
 * placed on either and is left out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "bn_config.h"
#include "bn_formats.h"
#include "bn_links.h"
#include "bn_markup.h"
#include "bn_outfile.h"
#include "bn_summary.h"

static void day_string(long day, char out[16])
{
    int y, m, d;
    bn_civil_from_days(day, &y, &m, &d);
    snprintf(out, 16, "%04d-%02d-%02d", y, m, d);
}

/* json_string of an HTML-escaped copy (both widgets render HTML). */
static json_t *html_string(const char *s)
{
    char *e = bn_markup_escape(s);
    json_t *j = e ? json_string(e) : NULL;
    free(e);
    return j;
}

static bn_status write_json(json_t *root, const char *path, bn_error *err)
{
    if (!root)
        return bn_error_set(err, BN_ERR_NOMEM, path, 0, 0, 0, "out of memory building JSON");
    bn_outfile out;
    bn_status st = bn_outfile_open(&out, path, err);
    if (st == BN_OK) {
        int bad = json_dumpf(root, out.f, JSON_SORT_KEYS | JSON_INDENT(1) | JSON_REAL_PRECISION(10)) != 0;
        st = bn_outfile_commit(&out, bad, err);
    }
    json_decref(root);
    return st;
}

/* The first source's article url when it is http(s), else NULL. */
static const char *source_url(const bn_timeline *tl, const bn_event *e)
{
    return e->nsources ? bn_link_url(bn_article_url(tl, e->sources[0].article)) : NULL;
}

/* "sentence — article", and the url when it is http(s), for a tooltip. */
static void source_line(const bn_timeline *tl, const bn_event *e, char *buf, size_t size)
{
    const char *url = source_url(tl, e);
    snprintf(buf, size, "%s — %s%s%s", e->nsources ? e->sources[0].sentence : "",
             e->nsources ? e->sources[0].article : "", url ? " · " : "", url ? url : "");
}

bn_status bn_write_vis(const bn_output_ctx *ctx, bn_error *err)
{
    const bn_timeline *tl = ctx->tl;
    const bn_labels *labels = ctx->opt->labels;
    const char *path = ctx->paths[0];
    json_t *items = json_array(), *groups = json_array();
    int used[BN_EV_COUNT] = {0};
    char buf[1024], src[4096], lo_s[16], hi_s[16];
    for (size_t i = 0; i < tl->nevents; i++) {
        const bn_tl_event *te = &tl->events[i];
        const bn_event *e = &te->ev;
        long lo, hi;
        if (!bn_timex_days(&e->date, &lo, &hi))
            continue;
        day_string(lo, lo_s);
        day_string(hi + 1, hi_s); /* vis ends are exclusive */
        bn_event_summary(tl, e, buf, sizeof buf);
        source_line(tl, e, src, sizeof src);
        json_t *it = json_pack("{s:s,s:o,s:s,s:s,s:o,s:s}", "id", te->id, "content", html_string(buf), "start", lo_s,
                               "group", bn_event_type_name(e->type), "title", html_string(src), "type",
                               lo == hi ? "box" : "range");
        if (it && lo != hi)
            json_object_set_new(it, "end", json_string(hi_s));
        if (it && e->modality == BN_MOD_PLANNED)
            json_object_set_new(it, "className", json_string("planned"));
        if (it && source_url(tl, e))
            json_object_set_new(it, "url", json_string(source_url(tl, e)));
        json_array_append_new(items, it);
        used[e->type] = 1;
    }
    for (int t = 0; t < BN_EV_COUNT; t++) {
        if (!used[t])
            continue;
        snprintf(buf, sizeof buf, "%s (%s)", bn_labels_type(labels, (bn_event_type)t), bn_event_type_name((bn_event_type)t));
        json_array_append_new(groups, json_pack("{s:s,s:s}", "id", bn_event_type_name((bn_event_type)t), "content", buf));
    }
    return write_json(json_pack("{s:o,s:o}", "items", items, "groups", groups), path, err);
}

/* A slide's text (HTML): the first sentence, then every article of the
 * sources once, each a link to its url when that is http(s), and the type.
 * NULL when out of memory. */
static char *slide_text(const bn_timeline *tl, const bn_tl_event *te)
{
    const bn_event *e = &te->ev;
    char *buf = NULL;
    size_t len = 0, shown = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return NULL;
    int bad = fputs("<p>", f) < 0 || bn_markup_put(f, e->nsources ? e->sources[0].sentence : "") < 0 ||
              fputs("</p><p><small>", f) < 0;
    for (size_t i = 0; i < e->nsources && !bad; i++) {
        if (bn_source_article_seen(e, i))
            continue;
        bad = (shown++ && fputs(", ", f) < 0) || bn_link_put_article(f, tl, e->sources[i].article) < 0;
    }
    bad = bad || fprintf(f, " · %s%s</small></p>", bn_event_type_name(e->type),
                         te->articles > 1 ? " · nhiều nguồn" : "") < 0;
    if (fclose(f) != 0 || bad) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* {year, month, day} as far as the date says; strings, as TimelineJS's
 * own examples write them. */
static json_t *tl_date(long day, int with_month, int with_day)
{
    int y, m, d;
    char ys[8], ms[4], ds[4];
    bn_civil_from_days(day, &y, &m, &d);
    snprintf(ys, sizeof ys, "%d", y);
    snprintf(ms, sizeof ms, "%d", m);
    snprintf(ds, sizeof ds, "%d", d);
    json_t *o = json_pack("{s:s}", "year", ys);
    if (o && with_month)
        json_object_set_new(o, "month", json_string(ms));
    if (o && with_day)
        json_object_set_new(o, "day", json_string(ds));
    return o;
}

bn_status bn_write_timelinejs(const bn_output_ctx *ctx, bn_error *err)
{
    const bn_timeline *tl = ctx->tl;
    const bn_labels *labels = ctx->opt->labels;
    const char *path = ctx->paths[0];
    json_t *events = json_array();
    char head[1024], title[512];
    size_t placed = 0;
    for (size_t i = 0; i < tl->nevents; i++) {
        const bn_tl_event *te = &tl->events[i];
        const bn_event *e = &te->ev;
        long lo, hi;
        if (!bn_timex_days(&e->date, &lo, &hi))
            continue;
        int month = e->date.value.precision <= BN_PREC_MONTH, day = e->date.value.precision <= BN_PREC_WEEK;
        bn_event_summary(tl, e, head, sizeof head);
        char *text = slide_text(tl, te);
        json_t *ev = json_pack("{s:o,s:{s:o,s:s},s:s,s:s}", "start_date", tl_date(lo, month || day, day), "text",
                               "headline", html_string(head), "text", text, "group",
                               bn_labels_type(labels, e->type), "unique_id", te->id);
        free(text);
        if (ev && lo != hi && day) /* a span of days, or a week */
            json_object_set_new(ev, "end_date", tl_date(hi, 1, 1));
        bn_precision p = e->date.value.precision;
        char value[BN_TIMEX_MAX];
        if (ev && (p == BN_PREC_WEEK || p == BN_PREC_QUARTER || p == BN_PREC_HALF))
            json_object_set_new(ev, "display_date", json_string(bn_date_format(&e->date.value, value)));
        json_array_append_new(events, ev);
        placed++;
    }
    snprintf(title, sizeof title, "%zu sự kiện từ %zu bài báo · biennien %s", placed, tl->narticles, BN_VERSION);
    return write_json(json_pack("{s:{s:{s:s,s:s}},s:o}", "title", "text", "headline", "Dòng thời gian sự kiện", "text",
                                title, "events", events),
                      path, err);
}
