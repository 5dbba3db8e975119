/* The formats "dot" and "svg": the two pictures, each laid out once. */
#include "bn_dot.h"

/* dot and svg each name two paths, the timeline's and the network's (NULL:
 * not written). */
static bn_status pictures(const bn_output_ctx *c, const char *const *dot, const char *const *svg, bn_error *err)
{
    bn_status st = bn_render_timeline(c->tl, c->opt->labels, &c->opt->picture, dot[0], svg[0], NULL, err);
    if (st == BN_OK)
        st = bn_render_network(c->tl, c->net, &c->opt->picture, dot[1], svg[1], NULL, err);
    return st;
}

bn_status bn_write_dot(const bn_output_ctx *c, bn_error *err)
{
    static const char *const none[2] = {NULL, NULL};
    return pictures(c, c->paths, none, err);
}

bn_status bn_write_svg(const bn_output_ctx *c, bn_error *err)
{
    return pictures(c, c->also_paths, c->paths, err);
}
