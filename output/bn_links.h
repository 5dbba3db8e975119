/* Links back to the source: an article's url becomes a link (the report's
 * table, TimelineJS, vis.json's "url", events.csv's "url") only when it
 * is an absolute http(s) URL.  Anything else (javascript:, data:, a
 * relative path) is shown as text, never as a link. */
#ifndef BN_LINKS_H
#define BN_LINKS_H

#include "bn_timeline.h"

/* url when it is "http://" or "https://" (any letter case) with a host,
 * and holds no space, control character or character RFC 3986 never
 * allows unencoded (" < > \ ^ ` { | }); else NULL (also for NULL). */
const char *bn_link_url(const char *url);

/* The url of the article with this id, as the input gave it (NULL when
 * none, or no such article). */
const char *bn_article_url(const bn_timeline *tl, const char *article);

#endif
