#include "bn_outputs.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bn_dot.h"
#include "bn_formats.h"
#include "bn_graphml.h"
#include "bn_html.h"
#include "bn_json.h"
#include "bn_outfile.h"

/* The writers, one signature: each writes the files of its format that
 * ctx->paths names. */
static bn_status json_write(const bn_output_ctx *c, bn_error *err)
{
    return bn_json_write_timeline(c->tl, c->net, c->paths[0], err);
}

/* The two pictures: timeline.{dot,svg} and graph.{dot,svg}; dot and svg
 * each name two paths (NULL: not written). */
static bn_status pictures(const bn_output_ctx *c, const char *const *dot, const char *const *svg, bn_error *err)
{
    bn_status st = bn_render_timeline(c->tl, &c->opt->picture, dot[0], svg[0], NULL, err);
    if (st == BN_OK)
        st = bn_render_network(c->tl, c->net, &c->opt->picture, dot[1], svg[1], NULL, err);
    return st;
}

enum { DOT = 1, SVG = 2 }; /* their rows in formats[] */

static void paths_of(const bn_output_ctx *c, size_t format, char buf[][4096], const char **paths);

/* A picture is one graph, laid out once for both files: when dot and svg
 * are both asked, svg_write writes the DOT too and dot_write nothing. */
static bn_status dot_write(const bn_output_ctx *c, bn_error *err)
{
    static const char *const none[BN_FORMAT_FILES] = {NULL, NULL};
    if (c->opt->formats & 1u << SVG)
        return BN_OK;
    return pictures(c, c->paths, none, err);
}

static bn_status svg_write(const bn_output_ctx *c, bn_error *err)
{
    char buf[BN_FORMAT_FILES][4096];
    const char *dot[BN_FORMAT_FILES + 1];
    paths_of(c, DOT, buf, dot);
    return pictures(c, dot, c->paths, err);
}

static bn_status graphml_write(const bn_output_ctx *c, bn_error *err)
{
    return bn_write_graphml(c->net, c->paths[0], err);
}

static bn_status bipartite_write(const bn_output_ctx *c, bn_error *err)
{
    return bn_write_bipartite_graphml(c->tl, c->paths[0], err);
}

static bn_status csv_write(const bn_output_ctx *c, bn_error *err)
{
    return bn_write_csv(c->tl, c->paths[0], err);
}

static bn_status vis_write(const bn_output_ctx *c, bn_error *err)
{
    return bn_write_vis(c->tl, c->paths[0], err);
}

static bn_status timelinejs_write(const bn_output_ctx *c, bn_error *err)
{
    return bn_write_timelinejs(c->tl, c->paths[0], err);
}

static bn_status gexf_write(const bn_output_ctx *c, bn_error *err)
{
    return bn_write_gexf(c->tl, c->net, c->paths[0], err);
}

static bn_status html_write(const bn_output_ctx *c, bn_error *err)
{
    return bn_write_html(c->tl, c->net, &c->opt->picture, c->paths[0], err);
}

/* Every output format, in the order they are written, listed in --help and
 * in the list of files written, and removed when stale. */
static const bn_output_format formats[] = {
    {"json", {"timeline.json"}, {"json"}, 1, json_write},
    [DOT] = {"dot", {"timeline.dot", "graph.dot"}, {NULL, NULL}, 1, dot_write},
    [SVG] = {"svg", {"timeline.svg", "graph.svg"}, {"timeline", "network"}, 1, svg_write},
    {"graphml", {"graph.graphml"}, {"graphml"}, 1, graphml_write},
    {"bipartite", {"actors-events.graphml"}, {NULL}, 0, bipartite_write},
    {"csv", {"events.csv"}, {NULL}, 0, csv_write},
    {"vis", {"vis.json"}, {NULL}, 0, vis_write},
    {"timelinejs", {"timelinejs.json"}, {NULL}, 0, timelinejs_write},
    {"gexf", {"graph.gexf"}, {NULL}, 0, gexf_write},
    {"html", {"timeline.html"}, {"report"}, 1, html_write},
};

enum { NFORMATS = sizeof formats / sizeof formats[0] };
_Static_assert(NFORMATS <= 8 * sizeof(unsigned), "a bit per format in bn_output_options.formats");

/* The paths of format i's files in c->outdir (into buf), or NULLs when it
 * is not asked; NULL-terminated. */
static void paths_of(const bn_output_ctx *c, size_t i, char buf[][4096], const char **paths)
{
    int asked = (c->opt->formats & 1u << i) != 0;
    int k = 0;
    for (; k < BN_FORMAT_FILES && formats[i].files[k]; k++) {
        paths[k] = NULL;
        if (asked) {
            snprintf(buf[k], sizeof buf[k], "%s/%s", c->outdir, formats[i].files[k]);
            paths[k] = buf[k];
        }
    }
    for (; k <= BN_FORMAT_FILES; k++)
        paths[k] = NULL;
}

const bn_output_format *bn_output_formats(size_t *count)
{
    *count = NFORMATS;
    return formats;
}

unsigned bn_formats_default(void)
{
    unsigned mask = 0;
    for (size_t i = 0; i < NFORMATS; i++)
        if (formats[i].by_default)
            mask |= 1u << i;
    return mask;
}

int bn_formats_parse(const char *list, unsigned *mask, const char **bad)
{
    *mask = 0;
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, ",");
        size_t k;
        for (k = 0; k < NFORMATS; k++)
            if (strlen(formats[k].name) == n && strncmp(formats[k].name, p, n) == 0)
                break;
        if (n && k == NFORMATS) {
            *bad = p;
            return -1;
        }
        if (n)
            *mask |= 1u << k;
        p += n;
        if (*p == ',')
            p++;
    }
    return 0;
}

static int make_dirs(const char *dir)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", dir);
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(buf, 0777) != 0 && errno != EEXIST)
            return -1;
        *p = '/';
    }
    if (mkdir(buf, 0777) != 0 && errno != EEXIST)
        return -1;
    struct stat st;
    return stat(buf, &st) == 0 && S_ISDIR(st.st_mode) ? 0 : -1;
}

bn_status bn_outputs_prepare(const char *outdir, bn_error *err)
{
    if (make_dirs(outdir) != 0)
        return bn_error_set(err, BN_ERR_IO, outdir, 0, 0, 0, "cannot create the output directory: %s",
                            strerror(errno));
    char probe[4200];
    snprintf(probe, sizeof probe, "%s/timeline.json", outdir);
    bn_outfile out;
    bn_status st = bn_outfile_open(&out, probe, err); /* a temporary file, removed at once */
    if (st != BN_OK)
        return bn_error_set(err, BN_ERR_IO, outdir, 0, 0, 0, "cannot write in the output directory: %s",
                            err->text[0] ? err->text : "permission denied");
    bn_outfile_abort(&out);
    return BN_OK;
}

bn_status bn_write_outputs(const bn_timeline *tl, const bn_network *net, const char *outdir,
                           const bn_output_options *opt, bn_error *err)
{
    if (make_dirs(outdir) != 0)
        return bn_error_set(err, BN_ERR_IO, outdir, 0, 0, 0, "cannot create the output directory: %s",
                            strerror(errno));
    for (size_t i = 0; i < NFORMATS; i++) {
        if (!(opt->formats & 1u << i))
            continue;
        char buf[BN_FORMAT_FILES][4096];
        const char *paths[BN_FORMAT_FILES + 1];
        bn_output_ctx c = {tl, net, opt, outdir, paths};
        paths_of(&c, i, buf, paths);
        bn_status st = formats[i].write(&c, err);
        if (st != BN_OK)
            return st;
    }
    return BN_OK;
}

bn_status bn_outputs_remove_stale(const char *outdir, unsigned asked, char *names, size_t cap, size_t *count,
                                  bn_error *err)
{
    bn_status st = BN_OK;
    size_t len = 0;
    *count = 0;
    if (cap)
        names[0] = '\0';
    for (size_t i = 0; i < NFORMATS; i++)
        for (int k = 0; formats[i].files[k]; k++) {
            if (asked & 1u << i)
                continue;
            char path[4200];
            snprintf(path, sizeof path, "%s/%s", outdir, formats[i].files[k]);
            struct stat sb;
            if (lstat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
                continue; /* only files (a directory of that name is not ours) */
            if (unlink(path) != 0) {
                if (st == BN_OK)
                    st = bn_error_set(err, BN_ERR_IO, path, 0, 0, 0, "cannot remove this output of an earlier run: %s",
                                      strerror(errno));
                continue;
            }
            int n = snprintf(names + len, len < cap ? cap - len : 0, "%s%s", *count ? ", " : "",
                             formats[i].files[k]);
            if (n > 0)
                len = len + (size_t)n < cap ? len + (size_t)n : cap;
            (*count)++;
        }
    return st;
}
