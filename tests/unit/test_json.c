/* test_json.c — the one JSON string escaper: each rule of its policy
 * (json.h), checked on bytes written by hand, and its output read back by
 * a small decoder so that every byte string gives valid JSON. */
#include <check.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

/* The escaped form of the n bytes of s in ctx, as a new string. */
static char *esc(const char *s, size_t n, aics_json_context ctx)
{
    aics_buf b = AICS_BUF_INIT;
    aics_json_string(&b, s, n, ctx);
    return b.data;
}

#define ESC_IS(s, ctx, want)                                                   \
    do {                                                                       \
        char *got_ = esc(s, sizeof(s) - 1, ctx);                               \
        ck_assert_msg(strcmp(got_, want) == 0, "%s: got %s, want %s", #s, got_, want); \
        free(got_);                                                            \
    } while (0)

START_TEST(quotes_backslash_and_newline)
{
    ESC_IS("", AICS_JSON_PLAIN, "\"\"");
    ESC_IS("a\"b\\c", AICS_JSON_PLAIN, "\"a\\\"b\\\\c\"");
    ESC_IS("line 1\nline 2", AICS_JSON_PLAIN, "\"line 1\\nline 2\"");
    ESC_IS("/", AICS_JSON_PLAIN, "\"/\""); /* legal as is */
}
END_TEST

START_TEST(control_characters_as_u_escapes)
{
    ESC_IS("\t\r\b\f", AICS_JSON_PLAIN, "\"\\u0009\\u000d\\u0008\\u000c\"");
    ESC_IS("\x01\x1f\x7f", AICS_JSON_PLAIN, "\"\\u0001\\u001f\\u007f\"");
    char *got = esc("a\0b", 3, AICS_JSON_PLAIN);
    ck_assert_msg(strcmp(got, "\"a\\u0000b\"") == 0, "A NUL inside the length is escaped: %s", got);
    free(got);
    got = esc("ab", 1, AICS_JSON_PLAIN);
    ck_assert_msg(strcmp(got, "\"a\"") == 0, "Only n bytes are read: %s", got);
    free(got);
}
END_TEST

START_TEST(utf8_passes_through)
{
    /* 2-, 3- and 4-byte sequences and the edges of the valid ranges. */
    ESC_IS("é 卷积 😀", AICS_JSON_PLAIN, "\"é 卷积 😀\"");
    ESC_IS("\xC2\x80\xDF\xBF\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xF0\x90\x80\x80\xF4\x8F\xBF\xBF",
           AICS_JSON_PLAIN,
           "\"\xC2\x80\xDF\xBF\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xF0\x90\x80\x80\xF4\x8F\xBF\xBF\"");
    ESC_IS("<a href=\"x\">&amp;</a>", AICS_JSON_PLAIN, "\"<a href=\\\"x\\\">&amp;</a>\"");
    ESC_IS("\xE2\x80\xA8", AICS_JSON_PLAIN, "\"\xE2\x80\xA8\"");
}
END_TEST

START_TEST(invalid_utf8_becomes_replacement_characters)
{
    ESC_IS("a\x80z", AICS_JSON_PLAIN, "\"a\\ufffdz\"");             /* stray continuation */
    ESC_IS("\xC0\xAF", AICS_JSON_PLAIN, "\"\\ufffd\\ufffd\"");       /* overlong '/' */
    ESC_IS("\xE0\x80\xAF", AICS_JSON_PLAIN, "\"\\ufffd\\ufffd\\ufffd\""); /* overlong, 3 bytes */
    ESC_IS("\xED\xA0\x80", AICS_JSON_PLAIN, "\"\\ufffd\\ufffd\\ufffd\""); /* surrogate D800 */
    ESC_IS("\xF4\x90\x80\x80", AICS_JSON_PLAIN, "\"\\ufffd\\ufffd\\ufffd\\ufffd\""); /* > U+10FFFF */
    ESC_IS("\xF5\xFF", AICS_JSON_PLAIN, "\"\\ufffd\\ufffd\"");
    ESC_IS("\xE5\x8D", AICS_JSON_PLAIN, "\"\\ufffd\\ufffd\"");       /* cut short at the end */
    ESC_IS("\xE5\x8Dx", AICS_JSON_PLAIN, "\"\\ufffd\\ufffdx\"");     /* cut short before ASCII */
    ESC_IS("\xE5\x8D\xB7\xE5", AICS_JSON_PLAIN, "\"卷\\ufffd\"");
}
END_TEST

START_TEST(in_script_hides_html_and_line_separators)
{
    ESC_IS("</script><!--&", AICS_JSON_IN_SCRIPT, "\"\\u003c/script\\u003e\\u003c!--\\u0026\"");
    ESC_IS("a\xE2\x80\xA8" "b\xE2\x80\xA9", AICS_JSON_IN_SCRIPT, "\"a\\u2028b\\u2029\"");
    ESC_IS("\xE2\x80\xA7 卷积\n\"", AICS_JSON_IN_SCRIPT, "\"\xE2\x80\xA7 卷积\\n\\\"\"");
}
END_TEST

/* Bytes of the UTF-8 sequence at p, or 0 when it is not valid: decoded to a
 * code point and checked by value (the shortest form for its length, not a
 * surrogate, at most U+10FFFF), a second method beside json.c's byte ranges. */
static size_t utf8_decode(const unsigned char *p)
{
    static const unsigned long min[5] = {0, 0, 0x80, 0x800, 0x10000};
    size_t n = (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3 : (*p & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0) return 0;
    unsigned long cp = *p & (0x7Fu >> n);
    for (size_t k = 1; k < n; k++) {
        if ((p[k] & 0xC0) != 0x80) return 0;
        cp = cp << 6 | (p[k] & 0x3Fu);
    }
    bool ok = cp >= min[n] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    return ok ? n : 0;
}

/* Decode one JSON string literal at s (strict: only the escapes JSON has,
 * no raw control characters, valid UTF-8); return the bytes after it, or
 * NULL when it is not valid. */
static const char *json_literal_end(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    if (*p++ != '"') return NULL;
    while (*p != '"') {
        if (*p < 0x20) return NULL;
        if (*p == '\\') {
            p++;
            if (*p == 'u') {
                for (int k = 1; k <= 4; k++)
                    if (!strchr("0123456789abcdefABCDEF", p[k]) || !p[k]) return NULL;
                p += 5;
            } else if (*p && strchr("\"\\/bfnrt", *p)) {
                p++;
            } else {
                return NULL;
            }
            continue;
        }
        if (*p >= 0x80) {
            size_t n = utf8_decode(p);
            if (n == 0) return NULL;
            p += n;
            continue;
        }
        p++;
    }
    return (const char *)p + 1;
}

/* Every 1-, 2- and 3-byte string over a set of interesting bytes gives one
 * valid JSON string literal and nothing after it. */
START_TEST(any_bytes_give_valid_json)
{
    static const unsigned char bytes[] = {0x00, 0x0a, 0x1f, '"', '\\', '<', 'a', 0x7f, 0x80, 0xa8,
                                          0xbf, 0xc0, 0xc2, 0xe0, 0xe2, 0xed, 0xf0, 0xf4, 0xf5, 0xff};
    const size_t nb = sizeof bytes;
    for (size_t a = 0; a < nb; a++)
        for (size_t b = 0; b < nb; b++)
            for (size_t c = 0; c < nb; c++) {
                const char s[3] = {(char)bytes[a], (char)bytes[b], (char)bytes[c]};
                for (size_t n = 1; n <= 3; n++)
                    for (int ctx = 0; ctx < 2; ctx++) {
                        char *got = esc(s, n, (aics_json_context)ctx);
                        const char *end = json_literal_end(got);
                        ck_assert_msg(end && *end == '\0', "%02x %02x %02x (n %zu): %s", bytes[a],
                                      bytes[b], bytes[c], n, got);
                        free(got);
                    }
            }
}
END_TEST

Suite *json_suite(void)
{
    Suite *s = suite_create("json");
    TCase *core = tcase_create("Core");
    tcase_add_test(core, quotes_backslash_and_newline);
    tcase_add_test(core, control_characters_as_u_escapes);
    tcase_add_test(core, utf8_passes_through);
    tcase_add_test(core, invalid_utf8_becomes_replacement_characters);
    tcase_add_test(core, in_script_hides_html_and_line_separators);
    tcase_add_test(core, any_bytes_give_valid_json);
    suite_add_tcase(s, core);
    return s;
}
