/* ex8_6.c — exercise 8.6: the decimal values of two IEEE 754 single-precision
 * patterns,
 *     a = 1 10000101 11111110000000000000000
 *     b = 1 00000000 10000000000000000000000   (a subnormal).
 *
 * Each pattern is decoded field by field (src/models/numfmt.h), and checked
 * against the machine: the same 32 bits copied into a C float must give the
 * same value. Any other 32-bit patterns (bits, or hex like 0x42FF0000) can be
 * given as arguments.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "numfmt.h"
#include "program.h"

static const struct {
    const char *key, *bits;
} textbook[] = {
    {"a", "1 10000101 11111110000000000000000"},
    {"b", "1 00000000 10000000000000000000000"},
};

/* The hardware's reading of the same bits: the independent check. */
static double machine_value(uint32_t bits)
{
    float f;
    memcpy(&f, &bits, sizeof f);
    return (double)f;
}

static const char *class_word(aics_f32_class c)
{
    static const char *const words[] = {"zero", "subnormal", "normal", "infinity", "nan"};
    return words[c];
}

/* The significand in binary, like 1.1111111 or 0.1, trailing zeros dropped. */
static void significand_binary(const aics_f32_fields *d, char *out, size_t n)
{
    int last = 0;
    for (int i = 22; i >= 0; i--)
        if ((d->frac_bits >> i) & 1) last = 23 - i;
    size_t k = (size_t)snprintf(out, n, "%d.", d->cls == AICS_F32_NORMAL ? 1 : 0);
    for (int i = 1; i <= (last ? last : 1) && k + 1 < n; i++)
        out[k++] = (char)('0' + ((d->frac_bits >> (23 - i)) & 1));
    out[k] = '\0';
}

/* An exponent in superscript digits, like ⁻¹²⁶, for the terminal and the page. */
static void superscript(int e, char *out, size_t n)
{
    static const char *const digits[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
    char plain[16];
    snprintf(plain, sizeof plain, "%d", e < 0 ? -e : e);
    size_t k = (size_t)snprintf(out, n, "%s", e < 0 ? "⁻" : "");
    for (const char *p = plain; *p && k + 4 < n; p++) k += (size_t)snprintf(out + k, n - k, "%s", digits[*p - '0']);
}

static bool report_pattern(aics_result *r, const char *key, const char *text, uint32_t bits)
{
    aics_f32_fields d = aics_f32_decode(bits);
    char k[64], sig[40];
    significand_binary(&d, sig, sizeof sig);
    aics_result_note(r, "%s = %s（0x%08X）", key, text, (unsigned)bits);
    if (d.cls == AICS_F32_NAN || d.cls == AICS_F32_INF) {
        aics_result_note(r, "符号 %d，阶码 255：%s", d.sign, aics_f32_class_name(d.cls));
        snprintf(k, sizeof k, "%s.class", key);
        aics_result_word(r, k, class_word(d.cls), "类别");
        return true;
    }
    char sup[48];
    superscript(d.exponent, sup, sizeof sup);
    aics_result_note(r, "符号 %d，阶码 %d，%s：%s = %s%s₂ × 2%s", d.sign, d.exp_bits,
                     aics_f32_class_name(d.cls), key, d.sign ? "−" : "", sig, sup);
    aics_result_double(r, key, d.value, "十进制值");
    aics_result_kv_only(r, true); /* the note above shows them to people */
    snprintf(k, sizeof k, "%s.exponent", key);
    aics_result_int(r, k, d.exponent, "2 的幂次（阶码 − 127；非规格化数为 −126）");
    snprintf(k, sizeof k, "%s.significand", key);
    aics_result_double(r, k, d.significand, "尾数（含隐藏位）");
    snprintf(k, sizeof k, "%s.class", key);
    aics_result_word(r, k, class_word(d.cls), "类别（normal 规格化，subnormal 非规格化）");
    aics_result_kv_only(r, false);
    bool ok = machine_value(bits) == d.value;
    snprintf(k, sizeof k, "%s.check", key);
    aics_result_word(r, k, ok ? "pass" : "fail", "逐字段解码与本机 float 一致");
    return ok;
}

/* The two wrong readings of b that the page explains. */
static void report_mistakes(aics_result *r)
{
    aics_result_part_show(r, "mistakes", "b 的两种常见错误读法", AICS_SHOW_BRIEF);
    aics_result_double(r, "b.mistake.hidden_one", -ldexp(1.5, -127),
                       "当作规格化数：−1.1₂ × 2^−127");
    aics_result_double(r, "b.mistake.scale_127", -ldexp(0.5, -127),
                       "去掉隐藏位但用 2^−127：−0.1₂ × 2^−127");
}

static void report(aics_result *r, const aics_run *run)
{
    aics_result_part_show(r, "answer", "两个单精度位模式的十进制值", AICS_SHOW_ANSWER);
    for (size_t i = 0; i < sizeof textbook / sizeof *textbook; i++) {
        uint64_t bits;
        AICS_CHECK(aics_bits_parse(textbook[i].bits, 32, &bits), "the textbook's patterns parse");
        report_pattern(r, textbook[i].key, textbook[i].bits, (uint32_t)bits);
    }
    report_mistakes(r);
    for (int i = 0; i < run->nargs; i++) {
        char key[16];
        aics_report_arg_part(r, i, "你给出的位模式", key, sizeof key);
        report_pattern(r, key, run->args[i], (uint32_t)aics_bits_arg(run->args[i], i, 32, true));
    }
}

AICS_MAIN(.name = "ex8_6", .exercise = "8.6", .convention = "ieee754-binary32",
          .summary = "习题 8.6：两个 IEEE 754 单精度位模式的十进制值（含非规格化数）。", .usage = "[32位模式或0x十六进制...]",
          .details = "约定：IEEE 754 binary32，偏置 127；阶码全 0 为非规格化数，值为 0.f × 2^−126。\n"
                     "可以给出其他 32 位模式作参数（空格可省），结果键为 argN 等。",
          .max_args = 8, .report = report)
