/* explain.c — the words of a failed key, in Chinese or English (see grade.h).
 *
 * Everything a student submitted is printed through aics_grade_put_safe, so
 * an escape sequence or a carriage return in a value cannot rewrite the
 * grader's output on a terminal or in a Gradescope page.
 */
#include "grade.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "intmath.h"
#include "width.h"

/* Longest submitted value shown in full. */
#define SHOWN_MAX 80

void aics_grade_put_safe(aics_buf *out, const char *s, size_t max)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t shown = 0;
    for (; *p; p++, shown++) {
        if (shown >= max) {
            aics_buf_puts(out, "…");
            return;
        }
        if (*p < 0x20 || *p == 0x7f) aics_buf_printf(out, "\\x%02x", *p);
        else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) aics_buf_printf(out, "\\u%04x", *++p);
        else if (*p == '\\') aics_buf_puts(out, "\\\\");
        else aics_buf_putc(out, (char)*p);
    }
}

/* Terminal columns of the UTF-8 character at p; its length in *bytes. */
static size_t char_cols(const unsigned char *p, size_t *bytes)
{
    *bytes = aics_utf8_len(*p);
    for (size_t i = 1; i < *bytes; i++)
        if (!p[i]) *bytes = i;
    return aics_display_width_n((const char *)p, *bytes);
}

/* Columns up to the next place a line may break: blanks, then an ASCII
 * word or one wide character. */
static size_t next_piece(const char *s, size_t *bytes)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0, b;
    while (p[n] == ' ') n++;
    size_t cols = n;
    if (p[n] >= 0x80) {
        cols += char_cols(p + n, &b);
        n += b;
    } else {
        while (p[n] && p[n] != ' ' && p[n] != '\n' && p[n] < 0x80) n++, cols++;
    }
    *bytes = n ? n : 1;
    return n ? cols : 1;
}

/* Append `text` after `prefix`, wrapped to 80 columns, every further line
 * indented to the text's start. */
static void put_indented(aics_buf *out, const char *indent, const char *prefix, const char *text)
{
    size_t start = aics_display_width(indent) + aics_display_width(prefix), col = start, bytes;
    aics_buf_printf(out, "%s%s", indent, prefix);
    for (const char *p = text; *p;) {
        if (*p == '\n') {
            p++;
            if (*p) aics_buf_printf(out, "\n%*s", (int)start, "");
            col = start;
            continue;
        }
        size_t cols = next_piece(p, &bytes);
        if (col + cols > 80 && col > start) {
            aics_buf_printf(out, "\n%*s", (int)start, "");
            col = start;
            while (*p == ' ') p++, bytes--, cols--;
        }
        aics_buf_append(out, p, bytes);
        col += cols;
        p += bytes;
    }
    aics_buf_putc(out, '\n');
}

static void explain_errors(const aics_grade_item *it, const char *indent, bool en, aics_buf *out)
{
    const aics_grade_rule *r = it->rule;
    if (it->kind == AICS_GRADE_INT) {
        int64_t e, s, d;
        aics_buf_printf(out, en ? "%s  integers must match exactly; off by " : "%s  整数必须完全相同；差 ",
                        indent);
        if (aics_grade_parse_int(it->expected, &e) && aics_grade_parse_int_exact(it->submitted, &s) &&
            aics_sub_i64(s, e, &d))
            aics_buf_printf(out, "%+lld", (long long)d);
        else
            aics_buf_printf(out, "%.6g", it->abs_err);
        if (!isnan(it->rel_err))
            aics_buf_printf(out, en ? " (rel error %.4g)" : "（相对误差 %.4g）", it->rel_err);
        aics_buf_putc(out, '\n');
        return;
    }
    aics_buf_printf(out, en ? "%s  abs error %.4g > abs tol %g; " : "%s  绝对误差 %.4g > 容差 %g；",
                    indent, it->abs_err, r->abs_tol);
    if (isnan(it->rel_err))
        aics_buf_printf(out, en ? "rel error undefined (expected is 0), rel tol %g\n"
                                : "期望值为 0，相对误差无定义，相对容差 %g\n", r->rel_tol);
    else
        aics_buf_printf(out, en ? "rel error %.4g > rel tol %g\n" : "相对误差 %.4g > 相对容差 %g\n",
                        it->rel_err, r->rel_tol);
}

/* "FAIL key: expected E, submitted S" and the reason's words. */
static void explain_head(const aics_grade_item *it, const char *indent, bool en, aics_buf *out)
{
    aics_buf_printf(out, en ? "%sFAIL %s: expected %s, " : "%s错误 %s：应为 %s，", indent, it->key,
                    it->expected);
    if (it->why == AICS_GRADE_MISSING) {
        aics_buf_puts(out, en ? "submitted nothing (key missing)\n" : "提交中没有这个键\n");
        return;
    }
    if (it->why == AICS_GRADE_BAD_EXPECTED) {
        aics_buf_printf(out, en ? "but the reference value is not a finite %s; fix the reference "
                                  "or the spec rule on line %ld\n"
                                : "但参考值不是有限的 %s；请修正参考答案或评分规则第 %ld 行\n",
                        aics_grade_kind_name(it->kind), it->rule->line);
        return;
    }
    aics_buf_puts(out, en ? "submitted " : "提交的是 ");
    aics_grade_put_safe(out, it->submitted, SHOWN_MAX);
    switch (it->why) {
    case AICS_GRADE_NOT_NUMBER:
        aics_buf_puts(out, en ? ", which is not a number\n" : "，不是数\n");
        if (aics_grade_has_separators(it->submitted))
            aics_buf_printf(out, en ? "%s  write numbers without thousands separators: hand in the "
                                      "program's --format=kv output, not its text\n"
                                    : "%s  数字不要带千位分隔符：请提交程序 --format=kv 的输出，"
                                      "而不是文字输出\n", indent);
        break;
    case AICS_GRADE_NOT_FINITE:
        aics_buf_puts(out, en ? " (NaN and infinities never pass)\n" : "（NaN 和无穷大不得分）\n");
        break;
    case AICS_GRADE_NOT_INTEGER:
        aics_buf_puts(out, en ? ", not an integer\n" : "，不是整数\n");
        break;
    case AICS_GRADE_MALFORMED:
        aics_buf_printf(out, en ? "\n%s  line %ld, column %ld: expected one value after the key\n"
                                : "\n%s  第 %ld 行第 %ld 列：键后面应当只有一个值\n",
                        indent, it->line, it->col);
        break;
    case AICS_GRADE_DUPLICATE:
        aics_buf_printf(out, en ? "\n%s  the key is given twice (lines %ld and %ld); neither counts\n"
                                : "\n%s  这个键出现了两次（第 %ld 行和第 %ld 行），都不算\n",
                        indent, it->first_line, it->line);
        break;
    default:
        aics_buf_putc(out, '\n');
        if (it->kind != AICS_GRADE_WORD) explain_errors(it, indent, en, out);
        else aics_buf_printf(out, en ? "%s  words must match exactly\n" : "%s  词必须完全相同\n", indent);
        break;
    }
}

void aics_grade_explain(const aics_grade_item *it, const char *indent, aics_lang lang,
                        aics_buf *out)
{
    if (it->why == AICS_GRADE_OK) return;
    bool en = lang == AICS_LANG_EN;
    explain_head(it, indent, en, out);
    char pre[64];
    snprintf(pre, sizeof pre, "%s  ", indent);
    const char *hint = en && it->rule->hint_en ? it->rule->hint_en : it->rule->hint;
    if (hint) put_indented(out, pre, en ? "hint: " : "提示：", hint);
    if (it->diag.text) put_indented(out, pre, en ? "diagnosis: " : "诊断：", it->diag.text);
}
