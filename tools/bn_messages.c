#include "bn_messages.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

int bn_messages_init(bn_messages *m, const char *log_path, int quiet, int timeline)
{
    memset(m, 0, sizeof *m);
    m->quiet = quiet;
    m->timeline = timeline;
    m->log_path = log_path;
    if (log_path && !(m->log = fopen(log_path, "w")))
        return -1;
    return 0;
}

static void to_log(bn_messages *m, const char *line)
{
    if (m->log && fprintf(m->log, "%s\n", line) < 0 && !m->log_failed)
        m->log_failed = errno ? errno : EIO;
}

static void to_stderr(const bn_messages *m, const char *line)
{
    fprintf(stderr, "%sbiennien: %s\n", m->tty ? "\r\033[K" : "", line);
}

void bn_messages_error(bn_messages *m, const char *line)
{
    to_stderr(m, line);
    to_log(m, line);
}

static void vlog(bn_messages *m, char *line, size_t cap, const char *fmt, va_list ap)
{
    vsnprintf(line, cap, fmt, ap);
    to_log(m, line);
}

void bn_messages_article(bn_messages *m, bn_msg_kind kind, const char *fmt, ...)
{
    char line[5000];
    va_list ap;
    va_start(ap, fmt);
    vlog(m, line, sizeof line, fmt, ap);
    va_end(ap);
    if (m->count[kind]++ == 0)
        m->first[kind] = strdup(line); /* NULL when out of memory: then only counted */
}

void bn_messages_log(bn_messages *m, const char *fmt, ...)
{
    char line[5000];
    va_list ap;
    va_start(ap, fmt);
    vlog(m, line, sizeof line, fmt, ap);
    va_end(ap);
}

/* "N articles ...": what each kind says of many. */
static const char *const many[BN_MSG_KINDS] = {
    "had no article text: all page furniture",
    "had a warning",
    "were read twice: the later copies were skipped",
    "were read twice: the copies with the better publication date replaced the first",
};

void bn_messages_summarise(bn_messages *m)
{
    for (int k = 0; k < BN_MSG_KINDS; k++) {
        size_t n = m->count[k];
        if (n && !m->quiet) {
            if (n == 1 && m->first[k]) {
                to_stderr(m, m->first[k]);
            } else {
                /* where to read which articles: the log, and timeline.json
                 * for the pages without text */
                char details[4400];
                int status = m->timeline && k == BN_MSG_NO_TEXT;
                if (m->log)
                    snprintf(details, sizeof details, "%s%s", status ? "timeline.json articles[].status, and " : "",
                             m->log_path);
                else
                    snprintf(details, sizeof details, "%s--log FILE",
                             status ? "timeline.json articles[].status, or " : "");
                char line[10000];
                if (k == BN_MSG_ARTICLE_WARNING && m->first[k]) /* warnings differ: show one */
                    snprintf(line, sizeof line, "%zu articles %s, the first: %s (details: %s)", n, many[k],
                             m->first[k], details);
                else
                    snprintf(line, sizeof line, "%zu articles %s (details: %s)", n, many[k], details);
                to_stderr(m, line);
            }
        }
        m->count[k] = 0;
        free(m->first[k]);
        m->first[k] = NULL;
    }
}

int bn_messages_close(bn_messages *m)
{
    for (int k = 0; k < BN_MSG_KINDS; k++) {
        free(m->first[k]);
        m->first[k] = NULL;
    }
    if (!m->log)
        return 0;
    int bad = m->log_failed;
    if (fclose(m->log) != 0 && !bad)
        bad = errno ? errno : EIO;
    m->log = NULL;
    if (bad) {
        fprintf(stderr, "biennien: %s: cannot write the log: %s\n", m->log_path, strerror(bad));
        return -1;
    }
    return 0;
}
