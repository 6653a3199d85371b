/* buf.c — growable byte buffer (see buf.h). */
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

char aics_buf_empty[1];

/* cap 0: `data` is the shared empty string (or NULL, in a zeroed struct)
 * and is not ours to write or free. */
static void reserve(aics_buf *b, size_t extra)
{
    AICS_CHECK(b->len + extra + 1 > b->len, "buffer size overflows size_t");
    if (b->len + extra + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1) cap *= 2;
    b->data = aics_xrealloc(b->cap ? b->data : NULL, cap);
    if (!b->cap) b->data[0] = '\0';
    b->cap = cap;
}

void aics_buf_append(aics_buf *b, const char *s, size_t n)
{
    reserve(b, n);
    if (n) memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void aics_buf_puts(aics_buf *b, const char *s) { aics_buf_append(b, s, strlen(s)); }

void aics_buf_putc(aics_buf *b, char c) { aics_buf_append(b, &c, 1); }

void aics_buf_vprintf(aics_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    AICS_CHECK(n >= 0, "vsnprintf failed; check the format string");
    reserve(b, (size_t)n);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void aics_buf_printf(aics_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    aics_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

char *aics_buf_take(aics_buf *b)
{
    reserve(b, 0); /* the caller gets memory of its own, even for "" */
    char *d = b->data;
    *b = (aics_buf)AICS_BUF_INIT;
    return d;
}

void aics_buf_free(aics_buf *b)
{
    if (b->cap) free(b->data);
    *b = (aics_buf)AICS_BUF_INIT;
}

char *aics_xvasprintf(const char *fmt, va_list ap)
{
    aics_buf b = AICS_BUF_INIT;
    aics_buf_vprintf(&b, fmt, ap);
    return aics_buf_take(&b);
}
