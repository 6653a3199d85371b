/* buf.h — a growable byte buffer for building text before it is written.
 *
 * Outputs are rendered into an aics_buf first and written in one piece with
 * aics_write_file_atomic(), so a failure never leaves half a file behind.
 * The buffer owns `data`, which is always NUL-terminated; free it with
 * aics_buf_free().
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

#define AICS_BUF_INIT {NULL, 0, 0}

void aics_buf_append(aics_buf *b, const char *s, size_t n);
void aics_buf_puts(aics_buf *b, const char *s);
void aics_buf_putc(aics_buf *b, char c);
void aics_buf_printf(aics_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void aics_buf_vprintf(aics_buf *b, const char *fmt, va_list ap);
/* Take ownership of the bytes (NUL-terminated, never NULL) and reset `b`. */
char *aics_buf_take(aics_buf *b);
void aics_buf_free(aics_buf *b);

#endif
