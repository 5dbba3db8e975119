#include "bn_outputs.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "bn_dot.h"
#include "bn_graphml.h"
#include "bn_json.h"

/* A renderer: the files it writes, and how. */
typedef struct renderer {
    const char *name;
    const char *files[2];
    bn_status (*write)(const bn_timeline *tl, const bn_network *net, const char *const *paths, bn_error *err);
} renderer;

static bn_status json_write(const bn_timeline *tl, const bn_network *net, const char *const *paths, bn_error *err)
{
    return bn_json_write_timeline(tl, net, paths[0], err);
}

static bn_status timeline_write(const bn_timeline *tl, const bn_network *net, const char *const *paths,
                                bn_error *err)
{
    (void)net;
    return bn_render_timeline(tl, paths[0], paths[1], err);
}

static bn_status network_write(const bn_timeline *tl, const bn_network *net, const char *const *paths,
                               bn_error *err)
{
    return bn_render_network(tl, net, paths[0], paths[1], err);
}

static bn_status graphml_write(const bn_timeline *tl, const bn_network *net, const char *const *paths,
                               bn_error *err)
{
    return bn_write_graphml(tl, net, paths[0], err);
}

static const renderer renderers[] = {
    {"json", {"timeline.json", NULL}, json_write},
    {"timeline", {"timeline.dot", "timeline.svg"}, timeline_write},
    {"network", {"graph.dot", "graph.svg"}, network_write},
    {"graphml", {"graph.graphml", NULL}, graphml_write},
};

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

bn_status bn_write_outputs(const bn_timeline *tl, const bn_network *net, const char *outdir, bn_error *err)
{
    if (make_dirs(outdir) != 0)
        return bn_error_set(err, BN_ERR_IO, outdir, 0, 0, 0, "cannot create the output directory: %s",
                            strerror(errno));
    for (size_t i = 0; i < sizeof renderers / sizeof renderers[0]; i++) {
        char paths[2][4096];
        const char *p[2] = {NULL, NULL};
        for (int k = 0; k < 2 && renderers[i].files[k]; k++) {
            snprintf(paths[k], sizeof paths[k], "%s/%s", outdir, renderers[i].files[k]);
            p[k] = paths[k];
        }
        bn_status st = renderers[i].write(tl, net, p, err);
        if (st != BN_OK)
            return st;
    }
    return BN_OK;
}
