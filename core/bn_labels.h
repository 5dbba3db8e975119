/* The words of a language the pictures and pages print for the types of
 * events ("họp" for meeting): data/lang/<code>/labels.json, one label per
 * type of core/bn_event_types.c.  Loaded once, read-only after. */
#ifndef BN_LABELS_H
#define BN_LABELS_H

#include "bn_error.h"
#include "bn_event_types.h"

typedef struct bn_labels bn_labels;

/* Loads data/lang/<code>/labels.json under `datadir`.  A type without a
 * label, a label of no type, or one that is not a non-empty string is an
 * error (BN_ERR_DATA) with the file's line and column. */
bn_status bn_labels_load(bn_labels **out, const char *datadir, const char *code, bn_error *err);
void bn_labels_free(bn_labels *labels);

/* The label of type `t`; "" for a value out of range. */
const char *bn_labels_type(const bn_labels *labels, bn_event_type t);

#endif
