#include "bn_error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void bn_error_clear(bn_error *err)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
}

bn_status bn_error_set(bn_error *err, bn_status status, const char *source,
                       int line, int column, size_t offset, const char *fmt, ...)
{
    if (!err || err->status != BN_OK)
        return status;
    err->status = status;
    snprintf(err->source, sizeof err->source, "%s", source ? source : "");
    err->line = line;
    err->column = column;
    err->offset = offset;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->text, sizeof err->text, fmt, ap);
    va_end(ap);
    return status;
}

void bn_error_format(const bn_error *err, char *buf, size_t size)
{
    if (err->line > 0)
        snprintf(buf, size, "%s:%d:%d: %s", err->source, err->line,
                 err->column > 0 ? err->column : 1, err->text);
    else if (err->source[0])
        snprintf(buf, size, "%s: %s", err->source, err->text);
    else
        snprintf(buf, size, "%s", err->text);
}

void bn_line_col(const char *text, size_t len, size_t offset, int *line, int *column)
{
    int l = 1;
    size_t line_start = 0;
    if (offset > len)
        offset = len;
    for (size_t i = 0; i < offset; i++) {
        if (text[i] == '\n') {
            l++;
            line_start = i + 1;
        }
    }
    *line = l;
    *column = (int)(offset - line_start) + 1;
}

const char *bn_status_name(bn_status status)
{
    switch (status) {
    case BN_OK: return "ok";
    case BN_ERR_IO: return "cannot read";
    case BN_ERR_UTF8: return "invalid UTF-8";
    case BN_ERR_EMPTY: return "empty";
    case BN_ERR_PARSE: return "malformed";
    case BN_ERR_DATA: return "invalid data file";
    case BN_ERR_NOMEM: return "out of memory";
    case BN_ERR_LIBRARY: return "library error";
    case BN_ERR_ARGUMENT: return "bad argument";
    }
    return "unknown";
}
