/* Internal to output/: DOT and SVG writing shared by the two pictures. */
#ifndef BN_DOT_RENDER_H
#define BN_DOT_RENDER_H

#include <cgraph.h>

#include "bn_error.h"

/* agsafeset with const strings. */
void bn_dot_set(void *obj, const char *name, const char *value);

/* Gives the graph, every node and every edge an SVG id starting with
 * `prefix`, so that the two pictures can share one HTML page. */
void bn_dot_prefix_ids(Agraph_t *g, const char *prefix);

/* Lays g out with `layout` and gives the size of the drawing in points,
 * then forgets the layout (g can be changed and laid out again). */
bn_status bn_dot_measure(Agraph_t *g, const char *layout, double *width, double *height, bn_error *err);

/* Writes g as DOT to dot_path, lays it out and renders SVG to svg_path;
 * either path may be NULL (not written).  With svg_out, *svg_out also gets
 * the SVG (malloc, NUL-terminated; the caller frees it). */
bn_status bn_dot_write(Agraph_t *g, const char *layout, const char *dot_path, const char *svg_path, char **svg_out,
                       bn_error *err);

#endif
