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

/* A renderer: the files it writes (each with the format that selects
 * it), and how.  A file not selected gets a NULL path. */
typedef struct renderer {
    const char *files[2];
    unsigned formats[2];
    bn_status (*write)(const bn_timeline *tl, const bn_network *net, const bn_output_options *opt, const char *const *paths, bn_error *err);
} renderer;

static bn_status json_write(const bn_timeline *tl, const bn_network *net, const bn_output_options *opt, const char *const *paths, bn_error *err)
{
    (void)opt;
    return bn_json_write_timeline(tl, net, paths[0], err);
}

static bn_status timeline_write(const bn_timeline *tl, const bn_network *net, const bn_output_options *opt, const char *const *paths,
                                bn_error *err)
{
    (void)net;
    return bn_render_timeline(tl, &opt->picture, paths[0], paths[1], NULL, err);
}

static bn_status network_write(const bn_timeline *tl, const bn_network *net, const bn_output_options *opt, const char *const *paths,
                               bn_error *err)
{
    return bn_render_network(tl, net, &opt->picture, paths[0], paths[1], NULL, err);
}

static bn_status graphml_write(const bn_timeline *tl, const bn_network *net, const bn_output_options *opt, const char *const *paths,
                               bn_error *err)
{
    (void)opt;
    (void)tl;
    return bn_write_graphml(net, paths[0], err);
}

static bn_status bipartite_write(const bn_timeline *tl, const bn_network *net, const bn_output_options *opt, const char *const *paths,
                                 bn_error *err)
{
    (void)opt;
    (void)net;
    return bn_write_bipartite_graphml(tl, paths[0], err);
}

static bn_status csv_write(const bn_timeline *tl, const bn_network *net, const bn_output_options *opt, const char *const *paths, bn_error *err)
{
    (void)opt;
    (void)net;
    return bn_write_csv(tl, paths[0], err);
}

static bn_status vis_write(const bn_timeline *tl, const bn_network *net, const bn_output_options *opt, const char *const *paths, bn_error *err)
{
    (void)opt;
    (void)net;
    return bn_write_vis(tl, paths[0], err);
}

static bn_status timelinejs_write(const bn_timeline *tl, const bn_network *net, const bn_output_options *opt, const char *const *paths,
                                  bn_error *err)
{
    (void)opt;
    (void)net;
    return bn_write_timelinejs(tl, paths[0], err);
}

static bn_status gexf_write(const bn_timeline *tl, const bn_network *net, const bn_output_options *opt, const char *const *paths, bn_error *err)
{
    (void)opt;
    return bn_write_gexf(tl, net, paths[0], err);
}

static bn_status html_write(const bn_timeline *tl, const bn_network *net, const bn_output_options *opt,
                             const char *const *paths, bn_error *err)
{
    return bn_write_html(tl, net, &opt->picture, paths[0], err);
}

static const renderer renderers[] = {
    {{"timeline.json", NULL}, {BN_FMT_JSON, 0}, json_write},
    {{"timeline.dot", "timeline.svg"}, {BN_FMT_DOT, BN_FMT_SVG}, timeline_write},
    {{"graph.dot", "graph.svg"}, {BN_FMT_DOT, BN_FMT_SVG}, network_write},
    {{"graph.graphml", NULL}, {BN_FMT_GRAPHML, 0}, graphml_write},
    {{"actors-events.graphml", NULL}, {BN_FMT_BIPARTITE, 0}, bipartite_write},
    {{"events.csv", NULL}, {BN_FMT_CSV, 0}, csv_write},
    {{"vis.json", NULL}, {BN_FMT_VIS, 0}, vis_write},
    {{"timelinejs.json", NULL}, {BN_FMT_TIMELINEJS, 0}, timelinejs_write},
    {{"graph.gexf", NULL}, {BN_FMT_GEXF, 0}, gexf_write},
    {{"timeline.html", NULL}, {BN_FMT_HTML, 0}, html_write},
};

static const struct {
    const char *name;
    unsigned format;
} format_names[] = {
    {"json", BN_FMT_JSON}, {"dot", BN_FMT_DOT}, {"svg", BN_FMT_SVG}, {"graphml", BN_FMT_GRAPHML},
    {"bipartite", BN_FMT_BIPARTITE}, {"csv", BN_FMT_CSV}, {"vis", BN_FMT_VIS}, {"timelinejs", BN_FMT_TIMELINEJS},
    {"gexf", BN_FMT_GEXF}, {"html", BN_FMT_HTML},
};

const char *bn_formats_known(void)
{
    return "json, dot, svg, graphml, html, bipartite, csv, vis, timelinejs, gexf";
}

int bn_formats_parse(const char *list, unsigned *mask, const char **bad)
{
    *mask = 0;
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, ",");
        size_t k;
        for (k = 0; k < sizeof format_names / sizeof format_names[0]; k++)
            if (strlen(format_names[k].name) == n && strncmp(format_names[k].name, p, n) == 0)
                break;
        if (n && k == sizeof format_names / sizeof format_names[0]) {
            *bad = p;
            return -1;
        }
        if (n)
            *mask |= format_names[k].format;
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
    for (size_t i = 0; i < sizeof renderers / sizeof renderers[0]; i++) {
        char paths[2][4096];
        const char *p[2] = {NULL, NULL};
        for (int k = 0; k < 2 && renderers[i].files[k]; k++) {
            if (!(renderers[i].formats[k] & opt->formats))
                continue;
            snprintf(paths[k], sizeof paths[k], "%s/%s", outdir, renderers[i].files[k]);
            p[k] = paths[k];
        }
        if (!p[0] && !p[1])
            continue;
        bn_status st = renderers[i].write(tl, net, opt, p, err);
        if (st != BN_OK)
            return st;
    }
    return BN_OK;
}

bn_status bn_outputs_remove_stale(const char *outdir, unsigned formats, char *names, size_t cap, size_t *count,
                                  bn_error *err)
{
    bn_status st = BN_OK;
    size_t len = 0;
    *count = 0;
    if (cap)
        names[0] = '\0';
    for (size_t i = 0; i < sizeof renderers / sizeof renderers[0]; i++)
        for (int k = 0; k < 2 && renderers[i].files[k]; k++) {
            if (renderers[i].formats[k] & formats)
                continue;
            char path[4200];
            snprintf(path, sizeof path, "%s/%s", outdir, renderers[i].files[k]);
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
                             renderers[i].files[k]);
            if (n > 0)
                len = len + (size_t)n < cap ? len + (size_t)n : cap;
            (*count)++;
        }
    return st;
}
