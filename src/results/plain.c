/* plain.c — Markdown and TeX to plain Unicode text (see plain.h). */
#include "plain.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "width.h"

static const struct {
    const char *name, *text;
} symbols[] = {
    {"times", "×"}, {"cdot", "·"}, {"sum", "∑"}, {"prod", "∏"}, {"int", "∫"},
    {"sigma", "σ"}, {"varphi", "φ"}, {"phi", "φ"}, {"Phi", "Φ"}, {"eta", "η"},
    {"lambda", "λ"}, {"gamma", "γ"}, {"beta", "β"}, {"alpha", "α"}, {"delta", "δ"},
    {"Delta", "Δ"}, {"theta", "θ"}, {"mu", "μ"}, {"pi", "π"}, {"tau", "τ"},
    {"omega", "ω"}, {"epsilon", "ε"}, {"varepsilon", "ε"}, {"rho", "ρ"}, {"nabla", "∇"},
    {"partial", "∂"}, {"top", "ᵀ"}, {"le", "≤"}, {"leq", "≤"}, {"ge", "≥"}, {"geq", "≥"},
    {"ne", "≠"}, {"neq", "≠"}, {"approx", "≈"}, {"sim", "~"}, {"infty", "∞"},
    {"to", "→"}, {"rightarrow", "→"}, {"leftarrow", "←"}, {"in", "∈"}, {"pm", "±"},
    {"ldots", "…"}, {"dots", "…"}, {"cdots", "⋯"}, {"prime", "′"}, {"mid", "|"},
    {"lVert", "‖"}, {"rVert", "‖"}, {"Vert", "‖"}, {"quad", " "}, {"qquad", "  "},
    {"sin", "sin"}, {"cos", "cos"}, {"tanh", "tanh"}, {"exp", "exp"}, {"log", "log"},
    {"ln", "ln"}, {"max", "max"}, {"min", "min"}, {"arg", "arg"}, {"sqrt", "√"},
    {"odot", "⊙"}, {"oplus", "⊕"}, {"otimes", "⊗"}, {"ell", "ℓ"}, {"ast", "∗"}, {"cap", "∩"},
    {"cup", "∪"}, {"land", "∧"}, {"lor", "∨"}, {"lnot", "¬"}, {"lfloor", "⌊"}, {"rfloor", "⌋"},
    {"lceil", "⌈"}, {"rceil", "⌉"}, {"lvert", "|"}, {"rvert", "|"}, {"vert", "|"},
    {"mapsto", "↦"}, {"xrightarrow", "→"}, {"Rightarrow", "⇒"}, {"iff", "⇔"},
};

/* Commands whose one argument is shown as it is. */
static const char *const wrappers[] = {"text", "mathrm", "mathbf", "mathit", "operatorname",
                                       "boldsymbol", "mathcal", "mathsf", "textrm", "bm", "hat",
                                       "bar", "tilde", "vec", "overline"};

/* Commands that only size a delimiter (the delimiter stays) or open and close
 * an environment (its name goes; its rows read on, & and \\ as spaces). */
static const char *const sizers[] = {"left", "right", "big", "Big", "bigl", "bigr", "Bigl", "Bigr",
                                     "bigg", "Bigg", "biggl", "biggr", "Biggl", "Biggr"};

static const char *const sup_from[] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "+",
                                       "−", "-", "(", ")", "n", "i", "T", "=", "k", "t"};
static const char *const sup_to[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹", "⁺",
                                     "⁻", "⁻", "⁽", "⁾", "ⁿ", "ⁱ", "ᵀ", "⁼", "ᵏ", "ᵗ"};
#define NSUP (sizeof sup_from / sizeof *sup_from)

typedef struct {
    const char *p, *end; /* the math being read, up to its closing '$' */
} reader;

static void math_seq(reader *r, bool in_group, aics_buf *out);

static void skip_spaces(reader *r)
{
    while (r->p < r->end && *r->p == ' ') r->p++;
}

static void math_atom(reader *r, aics_buf *out);

/* One argument: a {group}, a \command or one character, as a new string. */
static char *math_arg(reader *r)
{
    aics_buf b = AICS_BUF_INIT;
    skip_spaces(r);
    math_atom(r, &b);
    return aics_buf_take(&b);
}

/* Whether `s` reads as one symbol: a number, one character, a name with a
 * subscript (C_in), or something already in parentheses. */
static bool one_symbol(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || aics_utf8_len((unsigned char)s[0]) == n) return true;
    if (strspn(s, "0123456789.") == n) return true;
    if (s[0] == '(' && s[n - 1] == ')') return true;
    const char *u = strchr(s, '_');
    if (u && u > s && aics_display_width_n(s, (size_t)(u - s)) == 1 && !strpbrk(s, " +−-/·×()"))
        return true;
    return false;
}

static void put_grouped(aics_buf *out, const char *s)
{
    if (one_symbol(s)) aics_buf_puts(out, s);
    else aics_buf_printf(out, "(%s)", s);
}

static int sup_index(const char *s, size_t n)
{
    for (size_t k = 0; k < NSUP; k++)
        if (strlen(sup_from[k]) == n && memcmp(sup_from[k], s, n) == 0) return (int)k;
    return -1;
}

static void put_superscript(aics_buf *out, const char *s)
{
    bool all = *s != '\0';
    for (const char *p = s; *p && all; p += aics_utf8_len((unsigned char)*p))
        all = sup_index(p, aics_utf8_len((unsigned char)*p)) >= 0;
    if (!all) {
        aics_buf_putc(out, '^');
        put_grouped(out, s);
        return;
    }
    for (const char *p = s; *p; p += aics_utf8_len((unsigned char)*p))
        aics_buf_puts(out, sup_to[sup_index(p, aics_utf8_len((unsigned char)*p))]);
}

static void put_subscript(aics_buf *out, const char *s)
{
    static const char *const digits[] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};
    if (*s && strspn(s, "0123456789") == strlen(s)) {
        for (const char *p = s; *p; p++) aics_buf_puts(out, digits[*p - '0']);
        return;
    }
    aics_buf_putc(out, '_');
    bool word = true;
    for (const char *p = s; *p; p++) word &= (*p & 0x80) || *p == ',' || (*p >= '0' && *p <= '9') ||
                                               ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z');
    if (word) aics_buf_puts(out, s);
    else aics_buf_printf(out, "(%s)", s);
}

/* Skip a sizing or environment command `name` (see sizers); false for others. */
static bool layout_only(reader *r, const char *name)
{
    for (size_t k = 0; k < sizeof sizers / sizeof *sizers; k++)
        if (!strcmp(name, sizers[k])) {
            if (r->p < r->end && *r->p == '.') r->p++; /* \left. is no delimiter */
            return true;
        }
    if (strcmp(name, "begin") && strcmp(name, "end")) return false;
    free(math_arg(r));
    skip_spaces(r);
    return true;
}

/* A \command at r->p (just after the backslash). */
static void math_command(reader *r, aics_buf *out)
{
    char name[32];
    size_t n = 0;
    while (r->p < r->end && n + 1 < sizeof name && ((*r->p | 0x20) >= 'a' && (*r->p | 0x20) <= 'z'))
        name[n++] = *r->p++;
    name[n] = '\0';
    if (n == 0) { /* \{ \} \| \, \; \! \\ and friends */
        if (r->p >= r->end) return;
        char c = *r->p++;
        if (c == '|') aics_buf_puts(out, "‖");
        else if (c == ',' || c == ';' || c == ':' || c == '\\') aics_buf_putc(out, ' ');
        else if (c != '!') aics_buf_putc(out, c);
        return;
    }
    if (!strcmp(name, "frac") || !strcmp(name, "tfrac") || !strcmp(name, "dfrac")) {
        char *a = math_arg(r), *b = math_arg(r);
        put_grouped(out, a);
        aics_buf_putc(out, '/');
        put_grouped(out, b);
        free(a), free(b);
        skip_spaces(r);
        if (r->p < r->end && (*r->p == '\\' || *r->p == '(' || (*r->p & 0x80) ||
                              ((*r->p | 0x20) >= 'a' && (*r->p | 0x20) <= 'z') ||
                              (*r->p >= '0' && *r->p <= '9')))
            aics_buf_puts(out, "·"); /* a/b c would read as a/(b c) */
        return;
    }
    if (!strcmp(name, "sqrt")) {
        char *a = math_arg(r);
        aics_buf_puts(out, "√");
        put_grouped(out, a);
        free(a);
        return;
    }
    if (layout_only(r, name)) return;
    skip_spaces(r); /* TeX ends a command name at the spaces after it */
    for (size_t k = 0; k < sizeof wrappers / sizeof *wrappers; k++)
        if (!strcmp(name, wrappers[k])) {
            char *a = math_arg(r);
            aics_buf_puts(out, a);
            free(a);
            return;
        }
    for (size_t k = 0; k < sizeof symbols / sizeof *symbols; k++)
        if (!strcmp(name, symbols[k].name)) {
            aics_buf_puts(out, symbols[k].text);
            return;
        }
    aics_buf_puts(out, name); /* unknown: its name, without the backslash */
}

/* One symbol, command or {group} at r->p. */
static void math_atom(reader *r, aics_buf *out)
{
    if (r->p >= r->end) return;
    char c = *r->p;
    if (c == '\\') {
        r->p++;
        math_command(r, out);
    } else if (c == '{') {
        r->p++;
        math_seq(r, true, out);
        if (r->p < r->end) r->p++; /* the closing brace */
    } else if (c == '-') {
        r->p++;
        aics_buf_puts(out, "−");
    } else if (c == '~' || c == '&') { /* a tie, an alignment column */
        r->p++;
        aics_buf_putc(out, ' ');
    } else {
        size_t n = aics_utf8_len((unsigned char)c);
        if (n > (size_t)(r->end - r->p)) n = (size_t)(r->end - r->p);
        aics_buf_append(out, r->p, n);
        r->p += n;
    }
}

/* Math up to r->end, or up to the '}' that closes a group when in_group. */
static void math_seq(reader *r, bool in_group, aics_buf *out)
{
    while (r->p < r->end) {
        char c = *r->p;
        if (c == '}') {
            if (in_group) return;
            r->p++; /* a stray closing brace */
        } else if (c == '^' || c == '_') {
            r->p++;
            char *a = math_arg(r);
            if (c == '^') put_superscript(out, a);
            else put_subscript(out, a);
            free(a);
        } else {
            math_atom(r, out);
        }
    }
}

/* The end of the math that starts at p: the next unescaped '$', or the end. */
static const char *math_end(const char *p)
{
    for (; *p && *p != '$'; p++)
        if (*p == '\\' && p[1]) p++;
    return p;
}

void aics_plain(const char *md, aics_buf *out)
{
    for (const char *p = md; *p;) {
        if (*p == '$') {
            p += p[1] == '$' ? 2 : 1;
            reader r = {p, math_end(p)};
            math_seq(&r, false, out);
            p = r.end;
            p += *p == '$' ? (p[1] == '$' ? 2 : 1) : 0;
        } else if (p[0] == '*' && p[1] == '*') {
            p += 2;
        } else if (*p == '`') {
            p++;
        } else if (*p == '\\') {
            p++;
            if (*p == '$') aics_buf_puts(out, "＄"), p++; /* a literal dollar, never a math sign */
            else if (*p && !((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')) aics_buf_putc(out, *p++);
        } else if (p[0] == '_' && p[1] == '{') {
            reader r = {p, p + strlen(p)};
            r.p++;
            char *a = math_arg(&r);
            put_subscript(out, a);
            free(a);
            p = r.p;
        } else {
            aics_buf_putc(out, *p++);
        }
    }
}

char *aics_plain_dup(const char *md)
{
    aics_buf b = AICS_BUF_INIT;
    aics_plain(md, &b);
    return aics_buf_take(&b);
}
