/* reader.c — the line reader and parse context of the text readers (see reader.h). */
#include "reader.h"

#include <stdio.h>
#include <string.h>

#include "error.h"
#include "fileio.h"

bool aics_reader_start(aics_reader *r, const char *text, size_t len, aics_refuse refuse)
{
    r->line = 0;
    r->col = 0;
    r->text = text;
    r->len = text ? len : 0;
    r->pos = 0;
    bool binary = false;
    if (refuse == AICS_REFUSE_BINARY) {
        binary = aics_find_binary(r->text, r->len, &r->line, &r->col);
    } else if (refuse == AICS_REFUSE_NUL) {
        /* where, as aics_find_binary counts: lines, and characters in the line */
        const char *nul = r->len ? memchr(r->text, '\0', r->len) : NULL;
        if (nul) {
            binary = true;
            long line = 1, col = 1;
            for (const char *p = r->text; p < nul; p++) {
                if (*p == '\n') line++, col = 1;
                else if (((unsigned char)*p & 0xC0) != 0x80) col++;
            }
            r->line = line, r->col = col;
        }
    }
    if (binary) return false;
    aics_skip_bom(&r->text, &r->len);
    return true;
}

bool aics_reader_next(aics_reader *r, aics_line *l)
{
    if (r->pos >= r->len) return false;
    const char *s = r->text + r->pos;
    const char *nl = memchr(s, '\n', r->len - r->pos);
    size_t n = nl ? (size_t)(nl - s) : r->len - r->pos;
    r->pos += n + (nl ? 1 : 0);
    if (n > 0 && s[n - 1] == '\r') n--;
    *l = (aics_line){s, n, ++r->line};
    return true;
}

char *aics_line_dup(const aics_line *l)
{
    char *d = aics_xmalloc(l->n + 1);
    memcpy(d, l->s, l->n);
    d[l->n] = '\0';
    return d;
}

bool aics_reader_vfail(aics_reader *r, long line, long col, const char *fmt, va_list ap)
{
    if (r->failed) return false;
    r->failed = true;
    if (line > 0) return aics_vformat_error(r->err, r->errsz, r->path, line, col, fmt, ap);
    if (!r->err || r->errsz == 0) return false;
    int n = snprintf(r->err, r->errsz, "%s: ", r->path ? r->path : "<input>");
    if (n >= 0 && (size_t)n < r->errsz) vsnprintf(r->err + n, r->errsz - (size_t)n, fmt, ap);
    return false;
}

bool aics_reader_fail(aics_reader *r, long line, long col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    aics_reader_vfail(r, line, col, fmt, ap);
    va_end(ap);
    return false;
}

bool aics_reader_fail_here(aics_reader *r, long col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    aics_reader_vfail(r, r->line, col, fmt, ap);
    va_end(ap);
    return false;
}

void aics_text_pos(const char *text, size_t pos, long *line, long *col)
{
    *line = 1, *col = 1;
    for (size_t i = 0; i < pos && text[i]; i++) {
        if (text[i] == '\n') ++*line, *col = 1;
        else if (((unsigned char)text[i] & 0xC0) != 0x80) ++*col;
    }
}
