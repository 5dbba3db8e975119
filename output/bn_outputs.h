/* Writing every output of `build` and `merge` into one directory. */
#ifndef BN_OUTPUTS_H
#define BN_OUTPUTS_H

#include "bn_error.h"
#include "bn_network.h"
#include "bn_timeline.h"

/* Creates outdir if needed and writes timeline.json, timeline.dot,
 * timeline.svg, graph.dot, graph.svg and graph.graphml.  Stops at the first
 * failure. */
bn_status bn_write_outputs(const bn_timeline *tl, const bn_network *net, const char *outdir, bn_error *err);

#endif
