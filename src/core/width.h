/* width.h — how wide UTF-8 text is in a terminal.
 *
 * Chinese, Japanese and Korean characters and full-width forms take two
 * columns, everything else one. Every 80-column promise in the project (result
 * tables, generated --help, the tests) is measured with this one function.
 */
#ifndef AICS_WIDTH_H
#define AICS_WIDTH_H

#include <stddef.h>

/* Columns the first `len` bytes of `s` take in a terminal. */
size_t aics_display_width_n(const char *s, size_t len);

/* Columns the NUL-terminated `s` takes. */
size_t aics_display_width(const char *s);

/* Bytes in the UTF-8 sequence that starts with byte `c` (1 for a stray
 * continuation byte, so a loop over bad input still advances). */
size_t aics_utf8_len(unsigned char c);

/* Where to break `s` so that its first line takes at most `cols` columns:
 * after a space, or next to a wide (Chinese) character, never before Chinese
 * closing punctuation (，。、；：）…), and never inside an English word unless
 * the word alone is too long. Returns a byte count >= 1 (the whole string when
 * it fits); the caller drops the spaces at the break. */
size_t aics_wrap_break(const char *s, size_t cols);

#endif
