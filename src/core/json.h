/* json.h — writing a string as a JSON string literal: the one escaper.
 *
 * Every JSON the project writes (a program's --format=json, Gradescope's
 * results.json, the book's search index) puts its strings through
 * aics_json_string, so that one policy holds everywhere:
 *
 *   - '"' and '\' are escaped with a backslash, a newline as \n;
 *   - every other control character (U+0000–U+001F, DEL) as \u00XX;
 *   - valid UTF-8 passes through unchanged (JSON text is UTF-8);
 *   - a byte that does not begin a valid UTF-8 sequence (a stray
 *     continuation byte, an overlong form, a surrogate, a code point above
 *     U+10FFFF, a sequence cut short) becomes \ufffd, one per byte, so the
 *     output is always valid JSON whatever the input was.
 *
 * With AICS_JSON_IN_SCRIPT the string is also safe as JavaScript source, in
 * a .js file or inside an HTML <script> element: '<', '>' and '&' become
 * \u003c, \u003e, \u0026 (no "</script>" or "<!--" can appear), and U+2028,
 * U+2029 become \u2028, \u2029 (line ends to JavaScript before ES2019).
 */
#ifndef AICS_JSON_H
#define AICS_JSON_H

#include <stddef.h>

#include "buf.h"

typedef enum {
    AICS_JSON_PLAIN = 0,     /* a JSON file read by a JSON parser */
    AICS_JSON_IN_SCRIPT = 1  /* JSON as JavaScript source (the book's search index) */
} aics_json_context;

/* Append the `n` bytes of `s` (a NUL among them is escaped as \u0000) as one
 * quoted JSON string, by the policy above. */
void aics_json_string(aics_buf *out, const char *s, size_t n, aics_json_context ctx);
/* The same for the NUL-terminated `s`. */
void aics_json_cstring(aics_buf *out, const char *s, aics_json_context ctx);

#endif
