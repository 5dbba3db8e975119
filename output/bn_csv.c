#include <stdio.h>
#include <string.h>

#include "bn_formats.h"
#include "bn_links.h"
#include "bn_outfile.h"

/* RFC 4180: a field with a comma, a quote or a line break is quoted, its
 * quotes doubled. */
static void field(FILE *f, const char *s, int last)
{
    if (!s)
        s = "";
    if (strpbrk(s, ",\"\r\n")) {
        fputc('"', f);
        for (; *s; s++) {
            if (*s == '"')
                fputc('"', f);
            fputc(*s, f);
        }
        fputc('"', f);
    } else {
        fputs(s, f);
    }
    fputs(last ? "\r\n" : ",", f);
}

static const char *first_with_role(const bn_timeline *tl, const bn_event *e, int target, int want_name)
{
    for (size_t i = 0; i < e->nactors; i++) {
        if ((e->actors[i].role == BN_ROLE_TARGET) != target)
            continue;
        long ai = bn_timeline_actor(tl, e->actors[i].id);
        return want_name && ai >= 0 ? tl->actors[ai].name : e->actors[i].id;
    }
    return "";
}

bn_status bn_write_csv(const bn_output_ctx *ctx, bn_error *err)
{
    const bn_timeline *tl = ctx->tl;
    bn_outfile out;
    bn_status st = bn_outfile_open(&out, ctx->paths[0], err);
    if (st != BN_OK)
        return st;
    FILE *f = out.f;
    /* a byte-order mark: spreadsheets then read the file as UTF-8 */
    fputs("\xEF\xBB\xBF", f);
    static const char *const head[] = {"date", "actor1", "actor2", "type", "cameo", "goldstein", "articles",
                                       "source", "date_end", "actor1_id", "actor2_id", "location", "modality",
                                       "confidence", "sentence", "event_id", "url"};
    size_t nh = sizeof head / sizeof head[0];
    for (size_t i = 0; i < nh; i++)
        field(f, head[i], i + 1 == nh);
    char num[3][32], date[BN_TIMEX_MAX], end[BN_TIMEX_MAX];
    for (size_t i = 0; i < tl->nevents; i++) {
        const bn_tl_event *te = &tl->events[i];
        const bn_event *e = &te->ev;
        snprintf(num[0], sizeof num[0], "%g", e->goldstein);
        snprintf(num[1], sizeof num[1], "%u", te->articles);
        snprintf(num[2], sizeof num[2], "%.2f", e->confidence);
        bn_date_format(&e->date.value, date);
        end[0] = '\0';
        if (e->date.has_end)
            bn_date_format(&e->date.end, end);
        const char *row[] = {date,
                             first_with_role(tl, e, 0, 1),
                             first_with_role(tl, e, 1, 1),
                             bn_event_type_name(e->type),
                             e->cameo,
                             num[0],
                             num[1],
                             e->nsources ? e->sources[0].article : "",
                             end,
                             first_with_role(tl, e, 0, 0),
                             first_with_role(tl, e, 1, 0),
                             e->location,
                             bn_modality_name(e->modality),
                             num[2],
                             e->nsources ? e->sources[0].sentence : "",
                             te->id,
                             /* the source's article, when its url is http(s) */
                             e->nsources ? bn_link_url(bn_article_url(tl, e->sources[0].article)) : NULL};
        for (size_t k = 0; k < nh; k++)
            field(f, row[k], k + 1 == nh);
    }
    return bn_outfile_commit(&out, 0, err);
}
