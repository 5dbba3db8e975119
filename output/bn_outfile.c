#include "bn_outfile.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The temporary file being written, for bn_outfile_on_signal. */
static char pending[4200];
static volatile sig_atomic_t have_pending;

static void set_pending(const char *tmp)
{
    have_pending = 0;
    if (tmp) {
        snprintf(pending, sizeof pending, "%s", tmp);
        have_pending = 1;
    }
}

void bn_outfile_on_signal(void)
{
    if (have_pending)
        unlink(pending);
}

bn_status bn_outfile_open(bn_outfile *o, const char *path, bn_error *err)
{
    o->f = NULL;
    o->path = path;
    const char *slash = strrchr(path, '/');
    int dirlen = slash ? (int)(slash - path + 1) : 0;
    int n = snprintf(o->tmp, sizeof o->tmp, "%.*s.%s.XXXXXX", dirlen, path, slash ? slash + 1 : path);
    if (n < 0 || (size_t)n >= sizeof o->tmp)
        return bn_error_set(err, BN_ERR_IO, path, 0, 0, 0, "cannot write: the path is too long");
    int fd = mkstemp(o->tmp);
    if (fd < 0)
        return bn_error_set(err, BN_ERR_IO, path, 0, 0, 0, "cannot write: %s", strerror(errno));
    /* mkstemp makes the file 0600; outputs get what the user's umask gives */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    set_pending(o->tmp);
    o->f = fdopen(fd, "w");
    if (!o->f) {
        int e = errno;
        close(fd);
        unlink(o->tmp);
        set_pending(NULL);
        return bn_error_set(err, BN_ERR_IO, path, 0, 0, 0, "cannot write: %s", strerror(e));
    }
    return BN_OK;
}

void bn_outfile_abort(bn_outfile *o)
{
    if (o->f)
        fclose(o->f);
    o->f = NULL;
    unlink(o->tmp);
    set_pending(NULL);
}

bn_status bn_outfile_commit(bn_outfile *o, int failed, bn_error *err)
{
    int e = 0;
    if (ferror(o->f) || failed)
        e = errno ? errno : EIO;
    if (fclose(o->f) != 0 && !e)
        e = errno ? errno : EIO;
    o->f = NULL;
    if (!e && rename(o->tmp, o->path) != 0)
        e = errno;
    set_pending(NULL);
    if (e) {
        unlink(o->tmp);
        return bn_error_set(err, BN_ERR_IO, o->path, 0, 0, 0, "cannot write: %s", strerror(e));
    }
    return BN_OK;
}
