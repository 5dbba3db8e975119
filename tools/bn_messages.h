/* The command line's messages about inputs and articles (tools/ only: the
 * library never prints).
 *
 * An error about an input (a missing file, invalid UTF-8 at FILE:LINE:COL)
 * is printed at once, as it comes.  A warning or note about one article
 * (a page without article text, a record's date that is no date, an
 * article read twice) is counted instead: at the end, each kind is one
 * line on stderr, the message itself when one article had it, else how
 * many had it and where the details are.  Every one of these lines, errors
 * too, goes to the log file (--log FILE) as it comes, as
 * "FILE:LINE:COL: what". */
#ifndef BN_MESSAGES_H
#define BN_MESSAGES_H

#include <stddef.h>
#include <stdio.h>

/* The warnings and notes that are counted. */
typedef enum bn_msg_kind {
    BN_MSG_NO_TEXT,          /* all page furniture: no sentence */
    BN_MSG_ARTICLE_WARNING,  /* the article's own warning (a record's "date" that is no date) */
    BN_MSG_DUP_SKIPPED,      /* read twice: this copy skipped */
    BN_MSG_DUP_REPLACED,     /* read twice: this copy replaced the first */
    BN_MSG_KINDS
} bn_msg_kind;

typedef struct bn_messages {
    FILE *log;             /* NULL: no --log */
    const char *log_path;
    int log_failed;        /* a write to the log failed: its errno */
    int quiet;             /* -q: errors only on stderr (the log gets everything) */
    int tty;               /* a progress line may be on stderr: clear it first */
    int timeline;          /* build, merge: articles[].status in timeline.json tells empty pages */
    size_t count[BN_MSG_KINDS];
    char *first[BN_MSG_KINDS]; /* the first message of each kind */
} bn_messages;

/* Opens the log (log_path may be NULL: none).  Returns 0, or -1 with the
 * reason in errno. */
int bn_messages_init(bn_messages *m, const char *log_path, int quiet, int timeline);

/* An error about an input: on stderr now ("biennien: " and the line), and
 * in the log. */
void bn_messages_error(bn_messages *m, const char *line);

/* A warning or note about one article: counted, in the log now. */
void bn_messages_article(bn_messages *m, bn_msg_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A line for the log only (an input `extract` skipped, seen by merge). */
void bn_messages_log(bn_messages *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* One line on stderr for each kind counted (unless quiet), and the counts
 * start again. */
void bn_messages_summarise(bn_messages *m);

/* Closes the log.  Returns 0, or -1 when it could not be written (said on
 * stderr). */
int bn_messages_close(bn_messages *m);

#endif
