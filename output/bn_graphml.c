#include "bn_graphml.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static bn_status write_file(const char *path, bn_error *err,
                            bn_status (*write)(const void *obj, FILE *f, const char *path, bn_error *err),
                            const void *obj)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return bn_error_set(err, BN_ERR_IO, path, 0, 0, 0, "cannot write: %s", strerror(errno));
    bn_status st = write(obj, f, path, err);
    if (fclose(f) != 0 && st == BN_OK)
        st = bn_error_set(err, BN_ERR_IO, path, 0, 0, 0, "cannot write the file: %s", strerror(errno));
    return st;
}

static bn_status network(const void *obj, FILE *f, const char *path, bn_error *err)
{
    return bn_network_write_graphml(obj, f, path, err);
}

static bn_status bipartite(const void *obj, FILE *f, const char *path, bn_error *err)
{
    return bn_network_write_bipartite_graphml(obj, f, path, err);
}

bn_status bn_write_graphml(const bn_network *net, const char *path, bn_error *err)
{
    return write_file(path, err, network, net);
}

bn_status bn_write_bipartite_graphml(const bn_timeline *tl, const char *path, bn_error *err)
{
    return write_file(path, err, bipartite, tl);
}
