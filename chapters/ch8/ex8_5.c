/* ex8_5.c — exercise 8.5: the bits 10011001 read as uint8 and as int8.
 *
 * The same eight bits give different numbers under different conventions:
 * unsigned (every bit weighs +2^i), two's complement (the top bit weighs
 * −2^7; what int8 means in C and on every current processor), and, as the
 * common wrong answers, sign-magnitude and one's complement. Decoding is in
 * src/models/numfmt.h; any other 8-bit patterns can be given as arguments.
 */
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "numfmt.h"
#include "program.h"

#define TEXTBOOK_BITS "10011001"

/* Sign-magnitude and one's complement: the two readings students confuse with int8. */
static int64_t sign_magnitude(uint64_t u) { return (u & 0x80) ? -(int64_t)(u & 0x7F) : (int64_t)u; }
static int64_t ones_complement(uint64_t u) { return (u & 0x80) ? -(int64_t)(~u & 0x7F) : (int64_t)u; }

static void report_pattern(aics_result *r, const char *prefix, const char *text, uint64_t bits)
{
    char key[64];
    uint64_t u = aics_bits_unsigned(bits, 8);
    int64_t s = aics_bits_twos(bits, 8);
    aics_result_note(r, "位模式 %s：", text);
    snprintf(key, sizeof key, "%suint8", prefix);
    aics_result_int(r, key, (int64_t)u, "uint8（无符号）");
    snprintf(key, sizeof key, "%sint8", prefix);
    aics_result_int(r, key, s, "int8（二进制补码）");
    snprintf(key, sizeof key, "%ssign_magnitude", prefix);
    aics_result_int(r, key, sign_magnitude(u), "按原码读（不是 int8）");
    snprintf(key, sizeof key, "%sones_complement", prefix);
    aics_result_int(r, key, ones_complement(u), "按反码读（不是 int8）");
}

static void report_weights(aics_result *r, uint64_t bits)
{
    aics_result_part(r, "weights", "逐位权重");
    aics_table *t = aics_result_table(r, "rrrr",
        (const char *const[]){"位", "值", "uint8 权重", "int8 权重"});
    for (int i = 7; i >= 0; i--) {
        int b = (int)((bits >> i) & 1);
        aics_table_cell(t, "b%d", i);
        aics_table_cell(t, "%d", b);
        aics_table_cell(t, "%d", b << i);
        aics_table_cell(t, "%d", i == 7 ? -(b << 7) : b << i);
    }
    uint64_t u = aics_bits_unsigned(bits, 8);
    aics_result_note(r, "uint8 = %llu；int8 = %llu − 2×%d = %lld（最高位权重是 −128 而不是 +128）。",
                     (unsigned long long)u, (unsigned long long)u, (int)(u & 0x80),
                     (long long)aics_bits_twos(bits, 8));
}

static void report(aics_result *r, const aics_run *run)
{
    uint64_t bits;
    AICS_CHECK(aics_bits_parse(TEXTBOOK_BITS, 8, &bits), "the textbook's pattern parses");
    aics_result_part_show(r, "answer", "10011001 作为 uint8 与 int8", AICS_SHOW_ANSWER);
    report_pattern(r, "", TEXTBOOK_BITS, bits);
    report_weights(r, bits);
    for (int i = 0; i < run->nargs; i++) {
        char key[32];
        aics_report_arg_part(r, i, "你给出的位模式", key, sizeof key - 1);
        report_pattern(r, strcat(key, "."), run->args[i], aics_bits_arg(run->args[i], i, 8, false));
    }
}

AICS_MAIN(.name = "ex8_5", .exercise = "8.5", .convention = "uint8-binary-int8-twos-complement",
          .summary = "习题 8.5：位模式 10011001 作为 uint8 与 int8 的十进制值。", .usage = "[8位模式...]",
          .details = "约定：uint8 为无符号二进制，int8 为二进制补码（最高位权重 −128）。\n"
                     "可以给出其他 8 位模式作参数，如 ex8_5 11111111，结果键为 argN.uint8 等。",
          .max_args = 8, .report = report)
