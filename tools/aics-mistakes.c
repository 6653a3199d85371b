/* aics-mistakes.c — the counts each common counting mistake gives (3.1, 3.2).
 *
 *   aics-mistakes NET                        every convention's five totals
 *   aics-mistakes NET FIELD MISTAKES         one number, e.g. alexnet mul no_groups
 *   aics-mistakes --explain NET FIELD VALUE  what aics-grade would say about VALUE
 *
 * For instructors writing hints, and for the grader's tests, which derive
 * their "wrong" submissions here instead of typing numbers in. Everything is
 * counted by src/nets/netcount.c; nothing is stored.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diagnose.h"
#include "error.h"
#include "grade.h"
#include "net.h"
#include "netcount.h"

static void usage(void)
{
    printf("Usage: aics-mistakes NET\n"
           "       aics-mistakes NET FIELD MISTAKES\n"
           "       aics-mistakes --explain NET FIELD VALUE\n"
           "\n"
           "Count a built-in network (alexnet, vgg19, resnet152, ...) under the common\n"
           "wrong conventions of exercises 3.1 and 3.2, alone and combined.\n"
           "FIELD is mul, add, mac, neurons or params. MISTAKES is 'none' or a comma\n"
           "list of:");
    for (unsigned b = 0; b < AICS_MISTAKE_COUNT; b++) printf(" %s", aics_mistake_key(1u << b));
    printf(".\n\nWith NET alone, prints one line per convention: the mistakes, then the\n"
           "five totals. --explain prints the diagnosis aics-grade gives for VALUE.\n"
           "\n"
           "  --help   show this help and exit\n");
}

static void mistake_list(unsigned m, char *buf, size_t n)
{
    buf[0] = '\0';
    if (m == 0) {
        snprintf(buf, n, "none");
        return;
    }
    for (unsigned b = 0; b < AICS_MISTAKE_COUNT; b++)
        if (m & (1u << b)) {
            size_t used = strlen(buf);
            snprintf(buf + used, n - used, "%s%s", used ? "," : "", aics_mistake_key(1u << b));
        }
}

static int table(const char *name)
{
    aics_net *net = aics_net_builtin(name);
    if (!net) aics_die_usage("unknown network '%s'", name);
    printf("%-48s %16s %16s %16s %12s %12s\n", "mistakes", "mul", "add", "mac", "neurons", "params");
    for (unsigned m = 0; m < (1u << AICS_MISTAKE_COUNT); m++) {
        aics_net_totals t;
        char list[160];
        mistake_list(m, list, sizeof list);
        if (!aics_net_count_totals(net, m, &t)) {
            printf("%-48s overflow\n", list);
            continue;
        }
        printf("%-48s %16lld %16lld %16lld %12lld %12lld\n", list, (long long)t.mul,
               (long long)t.add, (long long)t.mac, (long long)t.neurons, (long long)t.params);
    }
    aics_net_free(net);
    return 0;
}

int main(int argc, char **argv)
{
    aics_set_progname(argv[0]);
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage();
            return 0;
        }
    bool explain = argc > 1 && strcmp(argv[1], "--explain") == 0;
    char **a = argv + 1 + explain;
    int n = argc - 1 - explain;
    if (n == 1 && !explain) return table(a[0]);
    if (n != 3) aics_die_usage("expected NET, NET FIELD MISTAKES, or --explain NET FIELD VALUE");
    char tag[128], err[512];
    snprintf(tag, sizeof tag, "%s:%s", a[0], a[1]);
    if (!aics_diagnose_tag_ok(tag, err, sizeof err)) aics_die_usage("%s", err);
    aics_diagnoser *d = aics_diagnoser_new();
    int rc = 0;
    if (explain) {
        int64_t v;
        if (!aics_grade_parse_int(a[2], &v)) aics_die_usage("VALUE %s: expected an integer", a[2]);
        aics_buf out = AICS_BUF_INIT;
        if (aics_diagnose_value(d, tag, v, &out)) fputs(out.data, stdout);
        else rc = 1;
        aics_buf_free(&out);
    } else {
        unsigned m;
        int64_t v;
        if (!aics_diagnose_parse_mistakes(a[2], &m))
            aics_die_usage("MISTAKES %s: expected 'none' or a comma list of mistake names", a[2]);
        if (!aics_diagnose_count(d, tag, m, &v, err, sizeof err)) {
            fprintf(stderr, "%s: %s\n", aics_progname(), err);
            rc = 1;
        } else {
            printf("%lld\n", (long long)v);
        }
    }
    aics_diagnoser_free(d);
    return rc;
}
