/* test_plain.c — Markdown and TeX notes become plain Unicode text. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "plain.h"

static void expect(const char *md, const char *want)
{
    char *got = aics_plain_dup(md);
    ck_assert_msg(strcmp(got, want) == 0, "%s\n  gave %s\n  want %s", md, got, want);
    ck_assert_msg(!strchr(got, '$') && !strchr(got, '\\') && !strstr(got, "**") && !strstr(got, "_{"),
                  "markup leaked: %s", got);
    free(got);
}

START_TEST(math_becomes_unicode)
{
    expect("$\\frac{1}{2n}\\sum_i (y_i-t_i)^2$", "1/(2n)·∑_i (y_i−t_i)²");
    expect("$C_{out}\\times H_{out}\\times W_{out}$", "C_out×H_out×W_out");
    expect("$F=\\frac{C_{in}}{g}K_hK_w$", "F=C_in/g·K_hK_w");
    expect("$\\varphi'(v) = (1+v^2)^{-3/2}$", "φ'(v) = (1+v²)^(−3/2)");
    expect("$\\sigma'(0)=\\tfrac14$", "σ'(0)=1/4");
    expect("$x^{(n)}$ and $\\sqrt{1+v^2}$", "x⁽ⁿ⁾ and √(1+v²)");
    expect("$w_{12}$ $\\lambda \\|w\\|_2^2$", "w₁₂ λ‖w‖₂²");
    expect("$\\text{mul}=N_{of}N_{if}$", "mul=N_ofN_if");
    expect("$(N_{if}-1)N_{of}$", "(N_if−1)N_of");
}
END_TEST

/* The book's search snippets show its math this way (report/nav.c). */
START_TEST(sizes_environments_and_more_symbols)
{
    expect("$f\\bigl(z\\bigr) \\Bigl[a\\Bigr]$", "f(z) [a]");
    expect("$\\begin{cases} 1 & x>0 \\\\ 0 & \\text{else}\\end{cases}$", "1   x>0   0   else");
    expect("$a\\odot b$, $\\lfloor x\\rfloor$, $\\ell_2$", "a⊙b, ⌊x⌋, ℓ₂");
    expect("$\\hat{y} \\xrightarrow{\\text{pool}}$", "y →pool");
}
END_TEST

START_TEST(markdown_markers_go)
{
    expect("- **mul** = 输出元素数 × $F$；", "- mul = 输出元素数 × F；");
    expect("键 `step.lr`，价格 \\$5", "键 step.lr，价格 ＄5");
    expect("a_{b} 在正文里", "a_b 在正文里");
    expect("没有标记的中文。", "没有标记的中文。");
}
END_TEST

START_TEST(unknown_commands_and_unbalanced_input)
{
    expect("$\\foo{x}$", "foox");
    expect("$a^{2", "a²");
    expect("$}x{$", "x");
    expect("$\\", "");
}
END_TEST

Suite *plain_suite(void)
{
    Suite *s = suite_create("plain");
    TCase *c = tcase_create("Core");
    tcase_add_test(c, math_becomes_unicode);
    tcase_add_test(c, markdown_markers_go);
    tcase_add_test(c, unknown_commands_and_unbalanced_input);
    tcase_add_test(c, sizes_environments_and_more_symbols);
    suite_add_tcase(s, c);
    return s;
}
