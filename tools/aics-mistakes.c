/* aics-mistakes.c — the counts each common counting mistake gives (3.1, 3.2).
 *
 *   aics-mistakes NET                        each mistake's five totals
 *   aics-mistakes NET FIELD MISTAKES         one number, e.g. alexnet mul no_groups
 *   aics-mistakes --explain NET FIELD VALUE [--format=kv] [--lang=en]
 *                                            what aics-grade would say about VALUE
 *
 * For instructors writing hints, and for the grader's tests, which derive
 * their "wrong" submissions here instead of typing numbers in. Everything is
 * counted by src/nets/netcount.c through src/grade/diagnose.h; nothing is stored.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diagnose.h"
#include "error.h"
#include "grade.h"

static void usage(void)
{
    printf("用法：aics-mistakes NET\n"
           "      aics-mistakes NET FIELD MISTAKES\n"
           "      aics-mistakes --explain NET FIELD VALUE [--format=kv] [--lang=en]\n"
           "\n"
           "按练习 3.1、3.2 的常见错误计算内置网络（alexnet、vgg19、resnet152 等）的\n"
           "总数，单个错误或组合。FIELD 是 mul、add、mac、neurons 或 params。\n"
           "MISTAKES 是 none 或用逗号分隔的错误编号：\n");
    for (unsigned b = 0; b < AICS_DIAG_COUNT; b++)
        printf("  %-16s %s\n", aics_diag_id(1u << b), aics_diag_text(1u << b, AICS_LANG_ZH));
    printf("\n只给 NET 时，每个错误单独一行，列出五个总数（- 表示网络没有这个变体）。\n"
           "--explain 给出 aics-grade 对 VALUE 的诊断：能正好得到它的最小错误组合\n"
           "（同样大小的其他组合作为备选），没有时只给 1%% 以内的最接近值并注明是猜测。\n"
           "\n"
           "  --format=kv   诊断按 kv 输出：match exact|near|none|correct、mistakes ID,…、\n"
           "                alternative ID,…（每个备选一行）、value N\n"
           "  --lang=en     英文诊断（默认中文）\n"
           "  --help        显示本帮助并退出\n");
}

static int table(const char *name)
{
    static const char *const fields[] = {"mul", "add", "mac", "neurons", "params"};
    char tag[128], err[512];
    snprintf(tag, sizeof tag, "%s:mul", name);
    if (!aics_diagnose_tag_ok(tag, err, sizeof err)) aics_die_usage("%s", err);
    aics_diagnoser *d = aics_diagnoser_new();
    printf("%-16s %16s %16s %16s %12s %12s\n", "mistakes", "mul", "add", "mac", "neurons", "params");
    for (unsigned b = 0; b <= AICS_DIAG_COUNT; b++) {
        unsigned set = b == 0 ? 0 : 1u << (b - 1);
        printf("%-16s", set ? aics_diag_id(set) : "none");
        for (int f = 0; f < 5; f++) {
            int64_t v;
            snprintf(tag, sizeof tag, "%s:%s", name, fields[f]);
            if (aics_diagnose_count(d, tag, set, &v, err, sizeof err))
                printf(" %*lld", f < 3 ? 16 : 12, (long long)v);
            else
                printf(" %*s", f < 3 ? 16 : 12, "-");
        }
        putchar('\n');
    }
    aics_diagnoser_free(d);
    return 0;
}

static int explain(const char *tag, const char *value, bool kv, aics_lang lang)
{
    int64_t v;
    if (!aics_grade_parse_int(value, &v)) aics_die_usage("VALUE %s: expected an integer", value);
    aics_diagnoser *d = aics_diagnoser_new();
    aics_diagnosis dg;
    int rc = 0;
    if (aics_diagnose(d, tag, v, &dg)) {
        aics_buf out = AICS_BUF_INIT;
        if (kv) aics_diagnosis_kv(&dg, &out);
        else aics_diagnosis_text(&dg, tag, v, lang, &out);
        fputs(out.data, stdout);
        aics_buf_free(&out);
    } else {
        fprintf(stderr, "%s: %s: cannot count this network\n", aics_progname(), tag);
        rc = 1;
    }
    aics_diagnoser_free(d);
    return rc;
}

int main(int argc, char **argv)
{
    aics_set_progname(argv[0]);
    bool do_explain = false, kv = false;
    aics_lang lang = AICS_LANG_ZH;
    char **pos = aics_xcalloc((size_t)argc, sizeof *pos);
    int n = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) usage(), exit(0);
        else if (strcmp(a, "--explain") == 0) do_explain = true;
        else if (strcmp(a, "--format=kv") == 0) kv = true;
        else if (strcmp(a, "--format=text") == 0) kv = false;
        else if (strcmp(a, "--lang=en") == 0) lang = AICS_LANG_EN;
        else if (strcmp(a, "--lang=zh") == 0) lang = AICS_LANG_ZH;
        else if (a[0] == '-' && a[1] && !(a[1] >= '0' && a[1] <= '9')) aics_die_usage("unknown option %s", a);
        else pos[n++] = argv[i];
    }
    if (n == 1 && !do_explain) {
        int rc = table(pos[0]);
        free(pos);
        return rc;
    }
    if (n != 3) aics_die_usage("expected NET, NET FIELD MISTAKES, or --explain NET FIELD VALUE");
    char tag[128], err[512];
    snprintf(tag, sizeof tag, "%s:%s", pos[0], pos[1]);
    if (!aics_diagnose_tag_ok(tag, err, sizeof err)) aics_die_usage("%s", err);
    int rc = 0;
    if (do_explain) {
        rc = explain(tag, pos[2], kv, lang);
    } else {
        unsigned m;
        int64_t v;
        if (!aics_diagnose_parse_mistakes(pos[2], &m))
            aics_die_usage("MISTAKES %s: expected 'none' or a comma list of mistake ids", pos[2]);
        aics_diagnoser *d = aics_diagnoser_new();
        if (!aics_diagnose_count(d, tag, m, &v, err, sizeof err)) {
            fprintf(stderr, "%s: %s\n", aics_progname(), err);
            rc = 1;
        } else {
            printf("%lld\n", (long long)v);
        }
        aics_diagnoser_free(d);
    }
    free(pos);
    return rc;
}
