#include "bn_graphml.h"

#include "bn_outfile.h"

#include <stdio.h>

static bn_status write_file(const char *path, bn_error *err,
                            bn_status (*write)(const void *obj, FILE *f, const char *path, bn_error *err),
                            const void *obj)
{
    bn_outfile out;
    bn_status st = bn_outfile_open(&out, path, err);
    if (st != BN_OK)
        return st;
    st = write(obj, out.f, path, err);
    if (st != BN_OK) {
        bn_outfile_abort(&out);
        return st;
    }
    return bn_outfile_commit(&out, 0, err);
}

static bn_status network(const void *obj, FILE *f, const char *path, bn_error *err)
{
    return bn_network_write_graphml(obj, f, path, err);
}

static bn_status bipartite(const void *obj, FILE *f, const char *path, bn_error *err)
{
    return bn_network_write_bipartite_graphml(obj, f, path, err);
}

bn_status bn_write_graphml(const bn_output_ctx *ctx, bn_error *err)
{
    return write_file(ctx->paths[0], err, network, ctx->net);
}

bn_status bn_write_bipartite_graphml(const bn_output_ctx *ctx, bn_error *err)
{
    return write_file(ctx->paths[0], err, bipartite, ctx->tl);
}
