/* Splitting an article's body into sentences (ICU's sentence rules), each
 * with its token range.  The title is not split into the body sentences. */
#ifndef BN_SENTENCES_H
#define BN_SENTENCES_H

#include "bn_error.h"
#include "bn_model.h"

typedef struct bn_splitter bn_splitter;

/* One splitter per thread: it holds an ICU break iterator. */
bn_splitter *bn_splitter_new(void);
void bn_splitter_free(bn_splitter *sp);

bn_status bn_split_sentences(bn_splitter *sp, bn_article *a);

#endif
