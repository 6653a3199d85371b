/* width.c — terminal columns of UTF-8 text (see width.h). */
#include "width.h"

#include <stdbool.h>
#include <string.h>

size_t aics_utf8_len(unsigned char c)
{
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static bool is_wide(unsigned cp)
{
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
           (cp >= 0xFFE0 && cp <= 0xFFE6);
}

size_t aics_display_width_n(const char *s, size_t len)
{
    size_t w = 0;
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        size_t n = aics_utf8_len(*p);
        if (n > (size_t)(end - p)) n = (size_t)(end - p);
        unsigned cp = n == 1 ? *p : *p & (0x3Fu >> (n - 1));
        for (size_t k = 1; k < n; k++) cp = (cp << 6) | (p[k] & 0x3Fu);
        w += is_wide(cp) ? 2 : 1;
        p += n;
    }
    return w;
}

size_t aics_display_width(const char *s) { return aics_display_width_n(s, strlen(s)); }

/* Chinese punctuation that may not start a line. */
static bool closing_mark(const char *s)
{
    static const char *const marks[] = {"，", "。", "、", "；", "：", "）", "”", "！", "？", "》", "」"};
    for (size_t k = 0; k < sizeof marks / sizeof *marks; k++)
        if (strncmp(s, marks[k], strlen(marks[k])) == 0) return true;
    return false;
}

size_t aics_wrap_break(const char *s, size_t cols)
{
    size_t used = 0, last_break = 0, i = 0;
    bool prev_wide = false;
    while (s[i]) {
        size_t n = aics_utf8_len((unsigned char)s[i]);
        size_t w = aics_display_width_n(s + i, n);
        if (i > 0 && (s[i - 1] == ' ' || prev_wide || w == 2) && !closing_mark(s + i)) last_break = i;
        if (used + w > cols) break;
        used += w;
        prev_wide = w == 2;
        i += n;
    }
    if (!s[i]) return i;
    if (last_break) return last_break;
    return i ? i : aics_utf8_len((unsigned char)s[0]);
}
