/* buf.h — a growable byte buffer for building text before it is written.
 *
 * Outputs are rendered into an aics_buf first and written in one piece with
 * aics_write_file_atomic(), so a failure never leaves half a file behind.
 * A buffer starts as AICS_BUF_INIT: `data` is then "" (never NULL) and
 * always NUL-terminated after that, so it can be used as a string at any
 * time. Free it with aics_buf_free(), which leaves it as AICS_BUF_INIT.
 */
#ifndef AICS_BUF_H
#define AICS_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct {
    char *data;
    size_t len;
    size_t cap;
} aics_buf;

/* The empty string an unused buffer points to; never written. */
extern char aics_buf_empty[1];
#define AICS_BUF_INIT {aics_buf_empty, 0, 0}

void aics_buf_append(aics_buf *b, const char *s, size_t n);
void aics_buf_puts(aics_buf *b, const char *s);
void aics_buf_putc(aics_buf *b, char c);
void aics_buf_printf(aics_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void aics_buf_vprintf(aics_buf *b, const char *fmt, va_list ap);
/* A new string, formatted as vprintf would print it; the caller frees it. */
char *aics_xvasprintf(const char *fmt, va_list ap);
/* Take ownership of the bytes (NUL-terminated, never NULL) and reset `b`. */
char *aics_buf_take(aics_buf *b);
void aics_buf_free(aics_buf *b);

#endif
