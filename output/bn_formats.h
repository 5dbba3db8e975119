/* The formats other tools read as they are: a spreadsheet (events.csv),
 * vis-timeline (vis.json), Knight Lab TimelineJS (timelinejs.json) and
 * Gephi with its timeline (graph.gexf).  Each is written safely
 * (bn_outfile), at ctx->paths[0]. */
#ifndef BN_FORMATS_H
#define BN_FORMATS_H

#include "bn_error.h"
#include "bn_output_ctx.h"

/* GDELT-like columns: date, actor1, actor2, type, CAMEO, Goldstein,
 * number of articles, source, then the rest (docs/formats.md). */
bn_status bn_write_csv(const bn_output_ctx *ctx, bn_error *err);

/* {"items": [{id, content, start, end, group, title, type}], "groups":
 * [{id, content}]}: new vis.Timeline(el, data.items, data.groups). */
bn_status bn_write_vis(const bn_output_ctx *ctx, bn_error *err);

/* {"title", "events": [{start_date, end_date, text {headline, text},
 * group, unique_id}]}: TimelineJS's JSON, loaded as it is. */
bn_status bn_write_timelinejs(const bn_output_ctx *ctx, bn_error *err);

/* The actor network in GEXF 1.2draft with its time dimension: each actor and
 * relation has a spell per day it acts, so Gephi's timeline replays them. */
bn_status bn_write_gexf(const bn_output_ctx *ctx, bn_error *err);

#endif
