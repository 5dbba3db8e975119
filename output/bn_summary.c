#include "bn_summary.h"

#include <stdio.h>
#include <string.h>

void bn_event_parties(const bn_timeline *tl, const bn_event *e, char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
    for (int pass = 0; pass < 2; pass++) {
        int first = 1;
        for (size_t i = 0; i < e->nactors; i++) {
            if ((e->actors[i].role == BN_ROLE_TARGET) != pass)
                continue;
            long ai = bn_timeline_actor(tl, e->actors[i].id);
            const char *name = ai >= 0 ? tl->actors[ai].name_local : e->actors[i].id;
            const char *sep = first ? (pass && n ? " – " : "") : ", ";
            n += (size_t)snprintf(buf + n, n < size ? size - n : 0, "%s%s", sep, name);
            first = 0;
            if (n >= size)
                return;
        }
    }
}

void bn_event_summary(const bn_timeline *tl, const bn_event *e, char *buf, size_t size)
{
    bn_event_parties(tl, e, buf, size);
    size_t n = strlen(buf);
    if (n + 1 >= size)
        return;
    n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? ": " : "", e->nsources ? e->sources[0].trigger : "");
    if (e->location && n + 1 < size)
        snprintf(buf + n, size - n, " (%s)", e->location);
}

void bn_date_vi(const bn_timex *t, char *buf, size_t size)
{
    const bn_date *v = &t->value;
    int unknown = !v->year;
    int y = v->year, m = v->month, d = v->day;
    char year[16];
    snprintf(year, sizeof year, unknown ? " (năm ?)" : "/%d", y);
    switch (v->precision) {
    case BN_PREC_DAY:
        if (t->has_end && t->end.precision == BN_PREC_DAY) {
            int em = t->end.month, ed = t->end.day;
            if (em == m)
                snprintf(buf, size, "%d–%d/%d%s", d, ed, m, year);
            else
                snprintf(buf, size, "%d/%d–%d/%d%s", d, m, ed, em, year);
        } else {
            snprintf(buf, size, "%d/%d%s", d, m, year);
        }
        return;
    case BN_PREC_WEEK:
        snprintf(buf, size, "tuần %d%s", v->week, year);
        return;
    case BN_PREC_MONTH:
        snprintf(buf, size, "tháng %d%s", m, year);
        return;
    case BN_PREC_QUARTER:
        snprintf(buf, size, "quý %d%s", v->part, year);
        return;
    case BN_PREC_HALF:
        snprintf(buf, size, "%s %s", v->part == 1 ? "nửa đầu năm" : "nửa cuối năm", year + 1);
        return;
    case BN_PREC_YEAR:
    default:
        snprintf(buf, size, unknown ? "năm ?" : "%d", y);
        return;
    }
}
