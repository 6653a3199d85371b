/* opts.c — the option-table parser and its generated help (see opts.h). */
#include "opts.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "width.h"

#define HELP_COLUMNS 80
#define HELP_LEFT 26 /* where descriptions start */

/* ---- generated help ---- */

void aics_opt_value_text(const aics_opt *o, char *buf, unsigned n)
{
    buf[0] = '\0';
    switch (o->kind) {
    case AICS_OPT_INT: snprintf(buf, n, "%lld", (long long)*(const int64_t *)o->ptr); break;
    case AICS_OPT_UINT64: snprintf(buf, n, "%llu", (unsigned long long)*(const uint64_t *)o->ptr); break;
    case AICS_OPT_STRING:
        if (*(const char *const *)o->ptr) snprintf(buf, n, "%s", *(const char *const *)o->ptr);
        break;
    case AICS_OPT_DOUBLE: {
        double v = *(const double *)o->ptr;
        /* The shortest form that reads back, with at least the integer part's
         * digits, so that 150 reads 150 and not 1.5e+02. */
        int first = fabs(v) >= 1 && fabs(v) < 1e17 ? (int)floor(log10(fabs(v))) + 1 : 1;
        for (int digits = first; digits <= 17; digits++) {
            snprintf(buf, n, "%.*g", digits, v);
            if (strtod(buf, NULL) == v) break;
        }
        break;
    }
    case AICS_OPT_FLAG:
    case AICS_OPT_CALL: break;
    }
}

/* Where to break `s` so that its first part takes at most `cols` columns:
 * after a space, or next to a wide (Chinese) character, which may break
 * anywhere; an English word is never cut unless it alone is too long.
 * Returns a byte count >= 1. */
/* Print `text` from column `indent`, wrapped at HELP_COLUMNS; the first line
 * continues what is already printed up to column `at`. */
static void print_wrapped(const char *text, size_t indent, size_t at)
{
    for (bool first = true; *text || first; first = false) {
        if (!first) printf("\n%*s", (int)indent, "");
        else if (at < indent) printf("%*s", (int)(indent - at), "");
        else if (at > indent) printf("\n%*s", (int)indent, "");
        size_t n = aics_wrap_break(text, HELP_COLUMNS - indent), shown = n;
        while (shown > 0 && text[shown - 1] == ' ') shown--;
        fwrite(text, 1, shown, stdout);
        text += n;
        while (*text == ' ') text++;
    }
    putchar('\n');
}

/* "（默认 0.1；范围 0 < 值 ≤ 1；报告为 step.lr）", generated from the table. */
static void append_facts(const aics_opt *o, char *desc, size_t size)
{
    char value[64], range[96] = "";
    aics_opt_value_text(o, value, sizeof value);
    const char *shown = o->default_text ? o->default_text : value;
    if ((o->kind == AICS_OPT_INT || o->kind == AICS_OPT_DOUBLE) && o->range != AICS_RANGE_NONE)
        snprintf(range, sizeof range, "%s%g %s %s ≤ %g", *shown ? "；" : "", o->min,
                 o->range == AICS_RANGE_CLOSED ? "≤" : "<", o->metavar ? o->metavar : "值", o->max);
    if (!*shown && !*range) return;
    size_t len = strlen(desc);
    snprintf(desc + len, size - len, "（%s%s%s%s%s）", *shown ? "默认 " : "", shown, range,
             o->kv ? "；报告为 " : "", o->kv ? o->kv : "");
}

static void help_line(const aics_opt *o)
{
    char left[96], desc[640];
    snprintf(left, sizeof left, "  --%s%s%s", o->name, o->metavar ? "=" : "",
             o->metavar ? o->metavar : "");
    snprintf(desc, sizeof desc, "%s", o->help);
    append_facts(o, desc, sizeof desc);
    fputs(left, stdout);
    print_wrapped(desc, HELP_LEFT, aics_display_width(left));
}

static void help_lines(const char *text)
{
    while (*text) {
        const char *nl = strchr(text, '\n');
        size_t n = nl ? (size_t)(nl - text) : strlen(text);
        char line[1024];
        snprintf(line, sizeof line, "%.*s", (int)n, text);
        size_t lead = strspn(line, " ");
        if (*line) print_wrapped(line + lead, lead, 0);
        else putchar('\n');
        text += n + (nl != NULL);
    }
}

void aics_opts_help(const aics_cmd *cmd)
{
    const char *u = cmd->usage ? cmd->usage : "";
    printf("用法：%s [选项]%s", cmd->name, *u ? " " : "");
    for (const char *p = u; *p; p++) { /* further forms line up under the first */
        putchar(*p);
        if (*p == '\n') printf("      %s [选项] ", cmd->name);
    }
    putchar('\n');
    help_lines(cmd->summary);
    if (cmd->opts && cmd->opts->name) {
        printf("\n选项：\n");
        for (const aics_opt *o = cmd->opts; o->name; o++) help_line(o);
    }
    bool own = cmd->opts && cmd->opts->name;
    if (!own || cmd->common) printf("\n%s：\n", own ? "通用选项" : "选项");
    for (const aics_opt *o = cmd->common; o && o->name; o++) help_line(o);
    static const aics_opt help = {"help", AICS_OPT_FLAG, NULL, NULL, "显示本说明并退出", .kv = NULL};
    help_line(&help);
    if (cmd->details) {
        putchar('\n');
        help_lines(cmd->details);
    }
}

/* ---- parsing ---- */

/* Whether `s` is written as a plain decimal number: strtoll and strtod also
 * skip leading blanks (" 5") and read hexadecimal ("0x10"), infinities and
 * NaN, none of which a user means as a count or a rate. */
static bool plain_decimal(const char *s, bool integer)
{
    const char *chars = integer ? "+-0123456789" : "+-.eE0123456789";
    return *s && strspn(s, chars) == strlen(s);
}

static double parse_number(const aics_opt *o, const char *s)
{
    char *end;
    errno = 0;
    bool integer = o->kind == AICS_OPT_INT;
    double v = integer ? (double)strtoll(s, &end, 10) : strtod(s, &end);
    if (!plain_decimal(s, integer) || end == s || *end != '\0' || errno == ERANGE || !isfinite(v))
        aics_die_usage("--%s expects %s, not '%s'", o->name, integer ? "an integer" : "a number", s);
    bool ok = o->range == AICS_RANGE_NONE ||
              (o->range == AICS_RANGE_CLOSED && v >= o->min && v <= o->max) ||
              (o->range == AICS_RANGE_OPEN_MIN && v > o->min && v <= o->max);
    if (!ok)
        aics_die_usage("--%s must be %s %g and at most %g, not %s", o->name,
                       o->range == AICS_RANGE_OPEN_MIN ? "greater than" : "at least", o->min,
                       o->max, s);
    return v;
}

static void set_option(const aics_opt *o, const char *value)
{
    switch (o->kind) {
    case AICS_OPT_FLAG: *(bool *)o->ptr = true; break;
    case AICS_OPT_STRING: *(const char **)o->ptr = value; break;
    case AICS_OPT_INT:
        parse_number(o, value);
        *(int64_t *)o->ptr = strtoll(value, NULL, 10);
        break;
    case AICS_OPT_DOUBLE: *(double *)o->ptr = parse_number(o, value); break;
    case AICS_OPT_UINT64: {
        char *end;
        errno = 0;
        unsigned long long v = strtoull(value, &end, 10);
        /* digits only: strtoull would skip blanks and wrap " -1" to 2^64 - 1 */
        if (end == value || *end || errno || !(value[0] >= '0' && value[0] <= '9'))
            aics_die_usage("--%s expects a non-negative integer, not '%s'", o->name, value);
        *(uint64_t *)o->ptr = v;
        break;
    }
    case AICS_OPT_CALL: o->call(o->ptr, value); break;
    }
}

static const aics_opt *find_in(const aics_opt *table, const char *name)
{
    for (const aics_opt *o = table; o && o->name; o++)
        if (strcmp(o->name, name) == 0) return o;
    return NULL;
}

/* Parse argv[*i], a "--name[=value]" option, consuming a separate value if needed. */
static void parse_option(const aics_cmd *cmd, int argc, char **argv, int *i)
{
    char name[64];
    const char *arg = argv[*i] + 2;
    const char *eq = strchr(arg, '=');
    size_t n = eq ? (size_t)(eq - arg) : strlen(arg);
    if (n == 0 || n >= sizeof name) aics_die_usage("unknown option '%s'", argv[*i]);
    snprintf(name, sizeof name, "%.*s", (int)n, arg);
    const aics_opt *o = find_in(cmd->opts, name);
    if (!o) o = find_in(cmd->common, name);
    if (!o) aics_die_usage("unknown option '--%s'", name);
    const char *value = eq ? eq + 1 : NULL;
    if (o->kind == AICS_OPT_FLAG && value) aics_die_usage("--%s takes no value", name);
    if (o->kind != AICS_OPT_FLAG && !value) {
        if (*i + 1 >= argc) aics_die_usage("--%s needs a value", name);
        value = argv[++*i];
    }
    set_option(o, value);
}

static bool wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) return true;
    return false;
}

int aics_opts_parse(const aics_cmd *cmd, int argc, char **argv, char ***args)
{
    if (wants_help(argc, argv)) {
        aics_opts_help(cmd);
        exit(0);
    }
    /* The k-th positional argument is at index >= k + 1, so gathering them at
     * the front of argv overwrites nothing unread. */
    char **pos = argv + 1;
    int npos = 0;
    bool only_args = false;
    for (int i = 1; i < argc; i++) {
        if (!only_args && strcmp(argv[i], "--") == 0) only_args = true;
        else if (!only_args && strncmp(argv[i], "--", 2) == 0) parse_option(cmd, argc, argv, &i);
        else if (!only_args && argv[i][0] == '-' && argv[i][1]) aics_die_usage("unknown option '%s'", argv[i]);
        else pos[npos++] = argv[i];
    }
    if (npos > cmd->max_args)
        aics_die_usage(cmd->max_args ? "too many arguments" : "unexpected argument '%s'", pos[0]);
    *args = pos;
    return npos;
}
