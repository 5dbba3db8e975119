/* Links back to the source: an article's url becomes a link (the report's
 * table, TimelineJS, vis.json's "url", events.csv's "url") only when it
 * is an absolute http(s) URL.  Anything else (javascript:, data:, a
 * relative path) is shown as text, never as a link. */
#ifndef BN_LINKS_H
#define BN_LINKS_H

#include <stddef.h>
#include <stdio.h>

#include "bn_timeline.h"

/* url when it is "http://" or "https://" (any letter case) with a host,
 * and holds no space, control character or character RFC 3986 never
 * allows unencoded (" < > \ ^ ` { | }); else NULL (also for NULL). */
const char *bn_link_url(const char *url);

/* The url of the article with this id, as the input gave it (NULL when
 * none, or no such article). */
const char *bn_article_url(const bn_timeline *tl, const char *article);

/* Writes the article's name, escaped, as a link to its url when that is
 * http(s) (opened in a new tab, rel="noopener noreferrer"), else as text.
 * Returns 1 for a link, 0 for text, -1 on a write error. */
int bn_link_put_article(FILE *f, const bn_timeline *tl, const char *article);

/* Whether the article of the event's source i is that of an earlier
 * source (to list each article once). */
int bn_source_article_seen(const bn_event *e, size_t i);

#endif
