/* Cutting a line of a scraped page into pieces, for the page classifier:
 * many crawlers store a whole article body, its photo credits, captions and
 * the site's furniture as one long line, so a line is no unit of layout.
 * A line is cut after each sentence (final punctuation, closing quotes,
 * a space and a capital; bn_text_unglue has put a space after a full stop
 * glued to a capital: "trận đấu.Cơ hội"), around a photo credit ("... chiều 2/2. Ảnh:TTXVN Hai bên
 * ..."), around furniture phrases ("Lưu bài viết thành công", "Nguồn:
 * [Link nguồn]") and before a list heading followed by a capital ("Tin liên
 * quan"), all cues from data/lang/<code>/page.json. */
#ifndef BN_PIECES_H
#define BN_PIECES_H

#include "bn_error.h"
#include "bn_lang.h"
#include "bn_model.h"

typedef enum bn_piece_kind {
    BN_PIECE_TEXT,      /* to be classified like a line */
    BN_PIECE_CREDIT,    /* "Ảnh:TTXVN", "Video:Quỳnh Trần": a photo credit alone */
    BN_PIECE_FURNITURE, /* a furniture phrase */
    BN_PIECE_END,       /* an end phrase: "Nguồn: [Link nguồn]" */
} bn_piece_kind;

typedef struct bn_piece {
    uint32_t start, end;  /* clean text, trimmed, never empty */
    bn_piece_kind kind;
    int before_credit;    /* a credit piece follows: this is a photo caption */
    /* its tokens (bn_tokens_at of start and of end), known where it is
     * cut: the page layout does not look for them */
    size_t tok_begin, tok_end;
} bn_piece;

/* Appends the pieces of the clean-text line [start, end) (trimmed, not
 * empty) to *v (arena memory, *cap and *n as bn_arena_grow keeps them).
 * hint: a token index that may be the line's first (bn_tokens_at_hint). */
bn_status bn_line_pieces(bn_article *a, const bn_lang *lang, uint32_t start, uint32_t end, size_t hint, bn_piece **v,
                         size_t *cap, size_t *n);

#endif
