/* Internal to output/: DOT and SVG writing shared by the two pictures. */
#ifndef BN_DOT_RENDER_H
#define BN_DOT_RENDER_H

#include <cgraph.h>

#include "bn_error.h"

/* agsafeset with const strings. */
void bn_dot_set(void *obj, const char *name, const char *value);

/* Writes g as DOT to dot_path, lays it out and renders SVG to svg_path;
 * either path may be NULL (not written). */
bn_status bn_dot_write(Agraph_t *g, const char *layout, const char *dot_path, const char *svg_path,
                       bn_error *err);

#endif
