/* Shared by both pictures: writing the DOT file and rendering the SVG. */
#include "bn_dot_render.h"

#include "bn_outfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gvc.h>
#include <gvplugin.h>

extern gvplugin_library_t gvplugin_core_LTX_library;
extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
extern gvplugin_library_t gvplugin_neato_layout_LTX_library;

/* The plugins are linked in, so rendering needs no plugin configuration
 * and measures text the same way on every machine. */
static const lt_symlist_t builtin_plugins[] = {
    {"gvplugin_core_LTX_library", &gvplugin_core_LTX_library},
    {"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
    {"gvplugin_neato_layout_LTX_library", &gvplugin_neato_layout_LTX_library},
    {0, 0},
};

void bn_dot_set(void *obj, const char *name, const char *value)
{
    agsafeset(obj, (char *)name, (char *)value, (char *)"");
}

void bn_dot_prefix_ids(Agraph_t *g, const char *prefix)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%sgraph", prefix);
    bn_dot_set(g, "id", buf);
    size_t k = 0;
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
        snprintf(buf, sizeof buf, "%s%s", prefix, agnameof(n));
        bn_dot_set(n, "id", buf);
        for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
            snprintf(buf, sizeof buf, "%se%zu", prefix, k++);
            bn_dot_set(e, "id", buf);
        }
    }
}

bn_status bn_dot_measure(Agraph_t *g, const char *layout, double *width, double *height, bn_error *err)
{
    agseterr(AGERR);
    GVC_t *gvc = gvContextPlugins(builtin_plugins, 0);
    if (!gvc)
        return bn_error_set(err, BN_ERR_LIBRARY, "", 0, 0, 0, "Graphviz: cannot create a context");
    bn_status st = BN_OK;
    if (gvLayout(gvc, g, layout) != 0) {
        st = bn_error_set(err, BN_ERR_LIBRARY, "", 0, 0, 0, "Graphviz: layout \"%s\" failed", layout);
    } else {
        *width = GD_bb(g).UR.x - GD_bb(g).LL.x;
        *height = GD_bb(g).UR.y - GD_bb(g).LL.y;
        gvFreeLayout(gvc, g);
        bn_dot_set(g, "bb", ""); /* the layout's box: not for the DOT file */
    }
    gvFreeContext(gvc);
    return st;
}

bn_status bn_dot_write(Agraph_t *g, const char *layout, const char *dot_path, const char *svg_path, char **svg_out,
                       bn_error *err)
{
    if (svg_out)
        *svg_out = NULL;
    if (dot_path) {
        bn_outfile out;
        bn_status st = bn_outfile_open(&out, dot_path, err);
        if (st != BN_OK)
            return st;
        if ((st = bn_outfile_commit(&out, agwrite(g, out.f) != 0, err)) != BN_OK)
            return st;
    }
    if (!svg_path && !svg_out)
        return BN_OK;
    const char *where = svg_path ? svg_path : "";

    /* the library does not print: Graphviz's warnings ("size too small
     * for label") are for the one who tunes the pictures, not the user */
    agseterr(AGERR);
    GVC_t *gvc = gvContextPlugins(builtin_plugins, 0);
    if (!gvc)
        return bn_error_set(err, BN_ERR_LIBRARY, where, 0, 0, 0, "Graphviz: cannot create a context");
    bn_status st = BN_OK;
    if (gvLayout(gvc, g, layout) != 0) {
        st = bn_error_set(err, BN_ERR_LIBRARY, where, 0, 0, 0, "Graphviz: layout \"%s\" failed", layout);
    } else {
        char *data = NULL;
        unsigned int len = 0;
        if (gvRenderData(gvc, g, "svg", &data, &len) != 0 || !data) {
            st = bn_error_set(err, BN_ERR_LIBRARY, where, 0, 0, 0, "Graphviz: SVG rendering failed");
        } else {
            bn_outfile out;
            if (svg_path && (st = bn_outfile_open(&out, svg_path, err)) == BN_OK)
                st = bn_outfile_commit(&out, fwrite(data, 1, len, out.f) != len, err);
            if (st == BN_OK && svg_out) {
                if ((*svg_out = malloc((size_t)len + 1))) {
                    memcpy(*svg_out, data, len);
                    (*svg_out)[len] = 0;
                } else {
                    st = bn_error_set(err, BN_ERR_NOMEM, where, 0, 0, 0, "out of memory");
                }
            }
        }
        gvFreeRenderData(data);
        gvFreeLayout(gvc, g);
    }
    gvFreeContext(gvc);
    return st;
}
