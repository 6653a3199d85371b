/* json.c — the one JSON string escaper (json.h). */
#include "json.h"

#include <stdbool.h>
#include <string.h>

/* Bytes in the valid UTF-8 sequence at the start of `s` (at most `avail`
 * bytes are read), or 0 when it is not one. */
static size_t utf8_valid_len(const unsigned char *s, size_t avail)
{
    if (avail == 0) return 0;
    unsigned char c = s[0];
    if (c < 0x80) return 1;
    /* The second byte's range depends on the first (RFC 3629, section 4):
     * it is what rules out overlong forms, surrogates and > U+10FFFF. */
    size_t n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c >= 0xE0 && c <= 0xEF) n = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    else if (c >= 0xF0 && c <= 0xF4) n = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    else return 0;
    if (n > avail || s[1] < lo || s[1] > hi) return 0;
    for (size_t i = 2; i < n; i++)
        if ((s[i] & 0xC0) != 0x80) return 0;
    return n;
}

/* Whether the byte must be written as \u00XX in `ctx`. */
static bool needs_u_escape(unsigned char c, aics_json_context ctx)
{
    if (c < 0x20 || c == 0x7f) return true;
    return ctx == AICS_JSON_IN_SCRIPT && (c == '<' || c == '>' || c == '&');
}

void aics_json_string(aics_buf *out, const char *s, size_t n, aics_json_context ctx)
{
    const unsigned char *p = (const unsigned char *)s;
    aics_buf_putc(out, '"');
    for (size_t i = 0; i < n;) {
        unsigned char c = p[i];
        size_t k = utf8_valid_len(p + i, n - i);
        if (k == 0) {
            aics_buf_puts(out, "\\ufffd"); /* not UTF-8: the replacement character */
            i++;
        } else if (k > 1) {
            /* U+2028 and U+2029 are E2 80 A8 and E2 80 A9. */
            bool sep = ctx == AICS_JSON_IN_SCRIPT && c == 0xE2 && p[i + 1] == 0x80 &&
                       (p[i + 2] == 0xA8 || p[i + 2] == 0xA9);
            if (sep) aics_buf_printf(out, "\\u%04x", p[i + 2] == 0xA8 ? 0x2028 : 0x2029);
            else aics_buf_append(out, s + i, k);
            i += k;
        } else {
            if (c == '"' || c == '\\') aics_buf_printf(out, "\\%c", c);
            else if (c == '\n') aics_buf_puts(out, "\\n");
            else if (needs_u_escape(c, ctx)) aics_buf_printf(out, "\\u%04x", c);
            else aics_buf_putc(out, (char)c);
            i++;
        }
    }
    aics_buf_putc(out, '"');
}

void aics_json_cstring(aics_buf *out, const char *s, aics_json_context ctx)
{
    aics_json_string(out, s, strlen(s), ctx);
}
