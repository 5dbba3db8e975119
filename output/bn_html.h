/* timeline.html, the report page (see bn_html.c). */
#ifndef BN_HTML_H
#define BN_HTML_H

#include "bn_error.h"
#include "bn_output_ctx.h"

/* The format "html": timeline.html at ctx->paths[0], with both pictures. */
bn_status bn_write_html(const bn_output_ctx *ctx, bn_error *err);

#endif
