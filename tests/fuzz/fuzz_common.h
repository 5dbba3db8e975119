/* What the libFuzzer harnesses of tests/fuzz share: the data directory,
 * the built-in resources (loaded once per process), records made from the
 * fuzzer's bytes, and checks of what the library documents about the
 * articles it returns (offsets inside the texts they index). */
#ifndef BN_FUZZ_COMMON_H
#define BN_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "bn_input.h"
#include "bn_kb.h"
#include "bn_lang.h"
#include "bn_model.h"
#include "bn_sentences.h"

/* $BIENNIEN_DATADIR if set, else the source tree's data/ (BN_FUZZ_DATADIR,
 * given by tests/fuzz/meson.build). */
const char *fuzz_datadir(void);

/* The built-in language data and knowledge base (data/kb); exit the process
 * with a message when they cannot be loaded. */
bn_lang *fuzz_load_lang(void);
bn_kb *fuzz_load_kb(void);

/* A malloc'd copy of exactly `size` bytes (no NUL added: a text file's
 * record is not NUL-terminated, so ASan sees a read past its end). */
char *fuzz_copy(const uint8_t *data, size_t size);

/* The record of a .txt article holding `text`. */
bn_record fuzz_text_record(const char *text, size_t len, const char *date, const char *url);

/* Stages an article has been through, for fuzz_check_article. */
enum {
    FUZZ_READ = 1,
    FUZZ_SPLIT = 2,
    FUZZ_DATES = 4,
    FUZZ_ACTORS = 8,
    FUZZ_EVENTS = 16,
};

/* Aborts (a crash libFuzzer reports) when an article breaks what
 * bn_model.h says of it: clean-text spans inside the clean text, original
 * spans inside the original bytes, indices inside their arrays. */
void fuzz_check_article(const bn_article *a, unsigned stages);

/* For a record the pipeline refused: the line `biennien extract` writes for
 * it (bn_json_skipped_line, with the reason the command gives) must be
 * written and read back (bn_json_read_skipped), so that merge accounts for
 * the input (a reason or path that is not UTF-8 may come back with
 * U+FFFD).  Aborts when not. */
void fuzz_check_skipped(const bn_error *err);

/* The bytes as one .txt article, read leniently and split into
 * sentences: the front of the stage harnesses.  NULL when reading or
 * splitting refused it (as it may); the caller frees the article. */
bn_article *fuzz_read_split(const uint8_t *data, size_t size, const bn_lang *lang, bn_splitter *sp);

#endif
