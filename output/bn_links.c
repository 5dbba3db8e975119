#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "bn_id_map.h"
#include "bn_links.h"
#include "bn_markup.h"

const char *bn_link_url(const char *url)
{
    if (!url)
        return NULL;
    size_t n = strncasecmp(url, "https://", 8) == 0 ? 8 : strncasecmp(url, "http://", 7) == 0 ? 7 : 0;
    if (!n || !url[n] || url[n] == '/')
        return NULL;
    /* no space or control character, and none of the characters RFC 3986
     * never allows unencoded ("<>\\^`{|} and the double quote) */
    for (const unsigned char *p = (const unsigned char *)url; *p; p++)
        if (*p <= 0x20 || *p == 0x7F || strchr("\"<>\\^`{|}", *p))
            return NULL;
    return url;
}

const char *bn_article_url(const bn_timeline *tl, const char *article)
{
    long k = article ? bn_id_map_get(tl->article_index, article) : -1;
    return k >= 0 && (size_t)k < tl->narticles ? tl->articles[k].url : NULL;
}

int bn_link_put_article(FILE *f, const bn_timeline *tl, const char *article)
{
    const char *link = bn_link_url(bn_article_url(tl, article));
    if (!link)
        return bn_markup_put(f, article) < 0 ? -1 : 0;
    fputs("<a href=\"", f);
    bn_markup_put(f, link);
    fputs("\" rel=\"noopener noreferrer\" target=\"_blank\">", f);
    bn_markup_put(f, article);
    return fputs("</a>", f) < 0 ? -1 : 1;
}

int bn_source_article_seen(const bn_event *e, size_t i)
{
    for (size_t k = 0; k < i; k++)
        if (strcmp(e->sources[k].article, e->sources[i].article) == 0)
            return 1;
    return 0;
}
