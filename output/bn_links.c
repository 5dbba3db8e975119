#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "bn_id_map.h"
#include "bn_links.h"

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
