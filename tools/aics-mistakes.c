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
#include "opts.h"

static int table_of(const char *name)
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

static void set_lang(void *ptr, const char *v)
{
    aics_lang *lang = ptr;
    if (strcmp(v, "zh") == 0) *lang = AICS_LANG_ZH;
    else if (strcmp(v, "en") == 0) *lang = AICS_LANG_EN;
    else aics_die_usage("--lang=%s: expected zh or en", v);
}

static void set_format(void *ptr, const char *v)
{
    bool *kv = ptr;
    if (strcmp(v, "kv") == 0) *kv = true;
    else if (strcmp(v, "text") == 0) *kv = false;
    else aics_die_usage("--format=%s: expected text or kv", v);
}

/* "  id  words" for every catalogue entry: the help's list of MISTAKES. */
static char *catalogue_text(void)
{
    aics_buf b = AICS_BUF_INIT;
    aics_buf_puts(&b, "MISTAKES 是 none 或用逗号分隔的错误编号：\n");
    for (unsigned i = 0; i < AICS_DIAG_COUNT; i++)
        aics_buf_printf(&b, "  %-16s %s\n", aics_diag_id(1u << i), aics_diag_text(1u << i, AICS_LANG_ZH));
    aics_buf_puts(&b, "\n只给 NET 时，每个错误单独一行，列出五个总数（- 表示网络没有这个变体）。\n"
                      "--explain 给出 aics-grade 对 VALUE 的诊断：正好得到它的最小错误组合（同样大小\n"
                      "的其他组合作为备选）；没有时只给 1% 以内的最接近值，并注明是猜测。\n"
                      "--format=kv 印 match exact|near|none|correct、mistakes ID,…、每个备选一行\n"
                      "alternative ID,… 和 value N。");
    return aics_buf_take(&b);
}

int main(int argc, char **argv)
{
    aics_set_progname(argv[0]);
    struct {
        bool explain; /* --explain */
        bool kv;      /* --format=kv */
        aics_lang lang;
    } o = {.lang = AICS_LANG_ZH};
    const aics_opt table[] = {
        {"explain", AICS_OPT_FLAG, &o.explain, NULL, "诊断 VALUE：哪组错误正好得到它"},
        {"format", AICS_OPT_CALL, &o.kv, "FMT", "诊断的格式：text 或 kv", .default_text = "text",
         .call = set_format},
        {"lang", AICS_OPT_CALL, &o.lang, "LANG", "诊断的语言：zh 或 en", .default_text = "zh",
         .call = set_lang},
        {NULL},
    };
    char *details = catalogue_text();
    const aics_cmd cmd = {
        .name = "aics-mistakes",
        .usage = "NET\nNET FIELD MISTAKES\n--explain NET FIELD VALUE",
        .summary = "按练习 3.1、3.2 的常见错误（单个或组合）计算内置网络的总数。\n"
                   "NET 是 alexnet、vgg19、resnet152 等；FIELD 是 mul、add、mac、neurons 或 params。",
        .details = details,
        .opts = table,
        .max_args = 3,
    };
    char **pos;
    int n = aics_opts_parse(&cmd, argc, argv, &pos);
    free(details);
    if (n == 1 && !o.explain) return table_of(pos[0]);
    if (n != 3) aics_die_usage("expected NET, NET FIELD MISTAKES, or --explain NET FIELD VALUE");
    char tag[128], err[512];
    snprintf(tag, sizeof tag, "%s:%s", pos[0], pos[1]);
    if (!aics_diagnose_tag_ok(tag, err, sizeof err)) aics_die_usage("%s", err);
    if (o.explain) return explain(tag, pos[2], o.kv, o.lang);
    unsigned m;
    int64_t v;
    if (!aics_diagnose_parse_mistakes(pos[2], &m))
        aics_die_usage("MISTAKES %s: expected 'none' or a comma list of mistake ids", pos[2]);
    aics_diagnoser *d = aics_diagnoser_new();
    int rc = 0;
    if (!aics_diagnose_count(d, tag, m, &v, err, sizeof err)) {
        fprintf(stderr, "%s: %s\n", aics_progname(), err);
        rc = 1;
    } else {
        printf("%lld\n", (long long)v);
    }
    aics_diagnoser_free(d);
    return rc;
}
