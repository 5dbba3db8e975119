/* timeline.html, the report page (see bn_html.c). */
#ifndef BN_HTML_H
#define BN_HTML_H

#include "bn_dot.h"
#include "bn_error.h"
#include "bn_network.h"
#include "bn_timeline.h"

bn_status bn_write_html(const bn_timeline *tl, const bn_network *net, const bn_picture_options *opt, const char *path,
                        bn_error *err);

#endif
