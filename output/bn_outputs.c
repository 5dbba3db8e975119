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

/* Every output format, in the order they are written, listed in --help and
 * in the list of files written, and removed when stale. */
static const bn_output_format formats[] = {
    {"json", {"timeline.json"}, {"json"}, 1, bn_json_write_timeline, NULL},
    {"dot", {"timeline.dot", "graph.dot"}, {NULL, NULL}, 1, bn_write_dot, NULL},
    {"svg", {"timeline.svg", "graph.svg"}, {"timeline", "network"}, 1, bn_write_svg, "dot"},
    {"graphml", {"graph.graphml"}, {"graphml"}, 1, bn_write_graphml, NULL},
    {"bipartite", {"actors-events.graphml"}, {NULL}, 0, bn_write_bipartite_graphml, NULL},
    {"csv", {"events.csv"}, {NULL}, 0, bn_write_csv, NULL},
    {"vis", {"vis.json"}, {NULL}, 0, bn_write_vis, NULL},
    {"timelinejs", {"timelinejs.json"}, {NULL}, 0, bn_write_timelinejs, NULL},
    {"gexf", {"graph.gexf"}, {NULL}, 0, bn_write_gexf, NULL},
    {"html", {"timeline.html"}, {"report"}, 1, bn_write_html, NULL},
};

enum { NFORMATS = sizeof formats / sizeof formats[0] };
_Static_assert(NFORMATS <= 8 * sizeof(unsigned), "a bit per format in bn_output_options.formats");

/* The paths of format i's files in outdir (into buf), or NULLs when it
 * is not in `asked`; NULL-terminated. */
static void paths_of(const char *outdir, unsigned asked, size_t i, char buf[][4096], const char **paths)
{
    int k = 0;
    for (; k < BN_FORMAT_FILES && formats[i].files[k]; k++) {
        paths[k] = NULL;
        if (asked & 1u << i) {
            snprintf(buf[k], sizeof buf[k], "%s/%s", outdir, formats[i].files[k]);
            paths[k] = buf[k];
        }
    }
    for (; k <= BN_FORMAT_FILES; k++)
        paths[k] = NULL;
}

/* The index of the format whose name is the n bytes at `name`, or NFORMATS. */
static size_t format_index(const char *name, size_t n)
{
    size_t k;
    for (k = 0; k < NFORMATS; k++)
        if (strlen(formats[k].name) == n && strncmp(formats[k].name, name, n) == 0)
            break;
    return k;
}

/* Whether an asked format writes the files of format i (its `also`). */
static int written_by_another(unsigned asked, size_t i)
{
    for (size_t k = 0; k < NFORMATS; k++)
        if ((asked & 1u << k) && formats[k].also && strcmp(formats[k].also, formats[i].name) == 0)
            return 1;
    return 0;
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
        size_t k = format_index(p, n);
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
        if (!(opt->formats & 1u << i) || written_by_another(opt->formats, i))
            continue;
        char buf[BN_FORMAT_FILES][4096], also_buf[BN_FORMAT_FILES][4096];
        const char *paths[BN_FORMAT_FILES + 1], *also[BN_FORMAT_FILES + 1] = {NULL};
        paths_of(outdir, opt->formats, i, buf, paths);
        size_t a = formats[i].also ? format_index(formats[i].also, strlen(formats[i].also)) : NFORMATS;
        if (a < NFORMATS)
            paths_of(outdir, opt->formats, a, also_buf, also);
        bn_output_ctx c = {tl, net, opt, outdir, paths, also};
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
