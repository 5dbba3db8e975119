/* Writing an output file safely: it is written under a hidden temporary
 * name in the same directory and renamed into place only once complete
 * and closed without error, so an interrupted or failed run never leaves a
 * half-written file under the real name (the old one, if any, stays). */
#ifndef BN_OUTFILE_H
#define BN_OUTFILE_H

#include <stdio.h>

#include "bn_error.h"

typedef struct bn_outfile {
    FILE *f;
    const char *path;  /* borrowed */
    char tmp[4200];
} bn_outfile;

/* Opens a temporary file next to `path`. */
bn_status bn_outfile_open(bn_outfile *o, const char *path, bn_error *err);

/* Closes the file and renames it to its path; on any write or close error
 * removes it and reports.  `failed`: the caller's own writes failed. */
bn_status bn_outfile_commit(bn_outfile *o, int failed, bn_error *err);

/* Closes and removes the temporary file (after an error of the caller). */
void bn_outfile_abort(bn_outfile *o);

/* For a signal handler: removes the temporary file being written, if any
 * (async-signal-safe: unlink only).  Outputs are written by one thread. */
void bn_outfile_on_signal(void);

#endif
