/* Shared by both pictures: writing the DOT file and rendering the SVG. */
#include "bn_dot_render.h"

#include "bn_outfile.h"

#include <errno.h>
#include <stdio.h>
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

bn_status bn_dot_write(Agraph_t *g, const char *layout, const char *dot_path, const char *svg_path,
                       bn_error *err)
{
    if (dot_path) {
        bn_outfile out;
        bn_status st = bn_outfile_open(&out, dot_path, err);
        if (st != BN_OK)
            return st;
        if ((st = bn_outfile_commit(&out, agwrite(g, out.f) != 0, err)) != BN_OK)
            return st;
    }
    if (!svg_path)
        return BN_OK;

    /* the library does not print: Graphviz's warnings ("size too small
     * for label") are for the one who tunes the pictures, not the user */
    agseterr(AGERR);
    GVC_t *gvc = gvContextPlugins(builtin_plugins, 0);
    if (!gvc)
        return bn_error_set(err, BN_ERR_LIBRARY, svg_path, 0, 0, 0, "Graphviz: cannot create a context");
    bn_status st = BN_OK;
    if (gvLayout(gvc, g, layout) != 0) {
        st = bn_error_set(err, BN_ERR_LIBRARY, svg_path, 0, 0, 0, "Graphviz: layout \"%s\" failed", layout);
    } else {
        char *data = NULL;
        unsigned int len = 0;
        if (gvRenderData(gvc, g, "svg", &data, &len) != 0 || !data) {
            st = bn_error_set(err, BN_ERR_LIBRARY, svg_path, 0, 0, 0, "Graphviz: SVG rendering failed");
        } else {
            bn_outfile out;
            st = bn_outfile_open(&out, svg_path, err);
            if (st == BN_OK)
                st = bn_outfile_commit(&out, fwrite(data, 1, len, out.f) != len, err);
        }
        gvFreeRenderData(data);
        gvFreeLayout(gvc, g);
    }
    gvFreeContext(gvc);
    return st;
}
