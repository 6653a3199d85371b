/* test_stale.c — spotting program outputs typed into the prose. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "stale.h"

static aics_kv kv;
static const char *const prog[] = {"ex2_7"};

static void load_kv(void)
{
    const char *text = "# aics-result v1 exercise=2.7 seed=0 convention=c\n"
                       "grid.points 1201\nphi.gap_at_3 0.051316701949486232\n"
                       "sigmoid.max_err.numeric 1.4900164435616148e-11\nphi.dphi_at_0 1\n"
                       "rate 0.81263\nparams 60965224\nmacs 12345\nphi.check pass\n";
    char err[256];
    ck_assert_msg(aics_kv_parse(text, strlen(text), "t.kv", &kv, err, sizeof err), "%s", err);
}

static size_t scan(const char *text, aics_stale_hit *hits)
{
    const aics_kv *k[] = {&kv};
    return aics_stale_scan(text, k, prog, 1, hits, 8);
}

START_TEST(typed_outputs_are_found)
{
    load_kv();
    aics_stale_hit h[8];
    ck_assert_uint_eq(scan("共 12,345 次乘法。", h), 1);
    ck_assert_str_eq(h[0].number, "12345");
    ck_assert_msg(strstr(h[0].why, "macs of ex2_7") != NULL, "The hit should name the key: %s", h[0].why);
    ck_assert_msg(scan("网格取 1.20k 个点。", h) == 1, "A rounded integer with a unit is typed in.");
    ck_assert_msg(scan("差距约 0.0513。", h) == 1, "A value rounded to 3 digits is still typed in.");
    ck_assert_msg(scan("误差 $1.49\\times10^{-11}$。", h) == 1, "The mantissa of a scientific value counts, in math too.");
    ck_assert_msg(scan("比例为 81.3%。", h) == 1, "A percentage is compared as a fraction.");
    ck_assert_msg(scan("参数约 6097 万个，即 61.0M。", h) == 2, "Units 万 and M scale the number.");
    ck_assert_msg(scan("x = 0.0513167 是手抄的。", h) == 1, "A long literal is flagged.");
    ck_assert_uint_eq(h[0].pos, 4);
    aics_kv_free(&kv);
}
END_TEST

START_TEST(derivations_and_references_pass)
{
    load_kv();
    aics_stale_hit h[8];
    const char *ok[] = {
        "在原点 $\\varphi'(0)=1$，$\\sigma'(0)=\\tfrac14=0.25$。",     /* fewer than 3 digits */
        "网格取 {{value ex2_7 grid.points}} 个点。",                    /* the directive */
        "`0.0513` 在代码里，\n```\n1201\n```\n",                       /* code */
        "习题 2.6、2.7 与 ex2_7、float64、v1.2.3。",                   /* names and numbers */
        "见 [论文](https://arxiv.org/abs/1409.1556) 和 https://x.org/1201。",
        "<!-- 1201 --> <img width=\"1201\"> 1201 个点 <!-- stale-ok -->",
        "$$\\epsilon = 2.220446049250313\\times 10^{-16}$$",            /* long, but in math */
        "约 6000 万个参数，显存 610 MB。",                            /* other precision, MB */
        "网格取 1201 个点，输出 4096 个。",                            /* design constants */
        "VGG 论文给出 6097 万个参数。<!-- stale-ok: quoted -->",       /* a marked citation */
    };
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
        ck_assert_msg(scan(ok[i], h) == 0, "'%s' holds no typed output, but '%s' was flagged: %s", ok[i],
                      h[0].number, h[0].why);
    aics_kv_free(&kv);
}
END_TEST

START_TEST(unmarked_citation_is_flagged)
{
    load_kv();
    aics_stale_hit h[8];
    ck_assert_msg(scan("VGG 论文给出 6097 万个参数。", h) == 1,
                  "A quoted figure equal to an output needs an explicit stale-ok marker.");
    aics_kv_free(&kv);
}
END_TEST

START_TEST(directive_with_math_in_its_caption)
{
    load_kv();
    aics_stale_hit h[8];
    ck_assert_msg(scan("{{figure ex2_7_f 比较 $x$ 与 0.0513}}\n然后 0.0513。", h) == 1,
                  "Only the number after the directive counts.");
    ck_assert_msg(scan("", h) == 0, "Empty prose has nothing to flag.");
    aics_kv_free(&kv);
}
END_TEST

Suite *stale_suite(void)
{
    Suite *s = suite_create("stale");
    TCase *core = tcase_create("Core");
    tcase_add_test(core, typed_outputs_are_found);
    tcase_add_test(core, derivations_and_references_pass);
    tcase_add_test(core, unmarked_citation_is_flagged);
    suite_add_tcase(s, core);
    TCase *limits = tcase_create("Limits");
    tcase_add_test(limits, directive_with_math_in_its_caption);
    suite_add_tcase(s, limits);
    return s;
}
