/* stale.c — typed-in outputs in the prose (see stale.h). */
#include "stale.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chapters.h"
#include "error.h"
#include "reader.h"
#include "fileio.h"
#include "mathpass.h"
#include "sources.h"

#define MATCH_DIGITS 3
#define LONG_DIGITS 6
#define CONSTANT_DIGITS 5 /* an exact integer shorter than this is a design constant */
#define MAX_HITS 64

typedef struct {
    const char *text;
    const aics_kv *const *kv;
    const char *const *prog;
    size_t nkv;
    aics_stale_hit *hits;
    size_t max, n;
} scan;

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_word(char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '.' || c == '\\';
}

/* The end of the number at i (digits, ",ddd" groups, a fraction, an exponent). */
static size_t number_end(const char *t, size_t i, size_t end)
{
    while (i < end && is_digit(t[i])) i++;
    while (i + 3 < end && t[i] == ',' && is_digit(t[i + 1]) && is_digit(t[i + 2]) && is_digit(t[i + 3]) &&
           !(i + 4 < end && is_digit(t[i + 4])))
        i += 4;
    if (i + 1 < end && t[i] == '.' && is_digit(t[i + 1]))
        for (i++; i < end && is_digit(t[i]); i++) continue;
    size_t e = i;
    if (e < end && (t[e] == 'e' || t[e] == 'E')) {
        e++;
        if (e < end && (t[e] == '+' || t[e] == '-')) e++;
        if (e < end && is_digit(t[e])) {
            while (e < end && is_digit(t[e])) e++;
            return e;
        }
    }
    return i;
}

/* Copy the number without commas; count its significant digits. */
static int clean_number(const char *s, size_t n, char *out, size_t outsz)
{
    size_t k = 0;
    int sig = 0;
    bool lead = true, mant = true;
    for (size_t i = 0; i < n && k + 1 < outsz; i++) {
        if (s[i] == ',') continue;
        if (s[i] == 'e' || s[i] == 'E') mant = false;
        if (mant && is_digit(s[i]) && !(lead && s[i] == '0')) lead = false, sig++;
        out[k++] = s[i];
    }
    out[k] = '\0';
    return sig;
}

static double round_sig(double v, int sig)
{
    char b[64];
    snprintf(b, sizeof b, "%.*e", sig - 1, fabs(v));
    return strtod(b, NULL);
}

static void hit(scan *sc, size_t pos, const char *num, const char *why)
{
    if (sc->n < sc->max) {
        aics_stale_hit *h = &sc->hits[sc->n];
        h->pos = pos;
        snprintf(h->number, sizeof h->number, "%s", num);
        snprintf(h->why, sizeof h->why, "%s", why);
    }
    sc->n++;
}

/* Whether x (times the unit it was written with), at `sig` digits, is kv
 * value v shown that precisely. */
static bool matches(double x, double scale, int sig, const char *value)
{
    char *end;
    double v = strtod(value, &end);
    if (end == value || *end || !isfinite(v) || v == 0.0) return false;
    double rv = round_sig(v, sig);
    if (round_sig(x, sig) == rv || round_sig(x * scale, sig) == rv) return true;
    if (strchr(value, 'e')) { /* scientific in kv: the mantissa may be typed alone */
        double m = fabs(v) / pow(10.0, floor(log10(fabs(v))));
        return round_sig(x, sig) == round_sig(m, sig);
    }
    return false;
}

/* The factor a unit right after a number stands for: 81.3% is 0.813, 6097 万
 * is 60970000, 724M is 724000000; 1 when there is none. */
static double unit_scale(const char *p)
{
    static const struct {
        const char *unit;
        double scale;
        bool letter; /* must not run on into a word, as in "5 MB" */
    } units[] = {{"%", 1e-2, false}, {"\xE4\xB8\x87", 1e4, false} /* 万 */, {"\xE4\xBA\xBF", 1e8, false} /* 亿 */,
                 {"k", 1e3, true}, {"K", 1e3, true}, {"M", 1e6, true}, {"G", 1e9, true}, {"B", 1e9, true}};
    if (*p == ' ') p++;
    for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
        size_t n = strlen(units[i].unit);
        if (strncmp(p, units[i].unit, n) != 0) continue;
        char next = p[n];
        if (units[i].letter && ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z'))) continue;
        return units[i].scale;
    }
    return 1.0;
}

/* Whether the line holding byte `pos` contains one of `words` (NULL-ended). */
static bool line_has(const char *t, size_t pos, const char *const *words)
{
    size_t b = pos, e = pos;
    while (b > 0 && t[b - 1] != '\n') b--;
    while (t[e] && t[e] != '\n') e++;
    for (size_t i = b; i < e; i++)
        for (const char *const *w = words; *w; w++)
            if (!strncmp(t + i, *w, strlen(*w))) return true;
    return false;
}

static const char *const allow_words[] = {"stale-ok", NULL};

/* ---- claims: qualitative statements need the program's verdict ---------------- */

/* Words that state something a program can decide: monotone or not, which of
 * two is larger, oscillates, converges or diverges, changes sign, how a
 * quantity moves (rises, falls, stays, levels off, all the way). */
static const char *const claim_words[] = {
    "单调", "振荡", "震荡", "收敛", "发散", "大于", "小于", "更大", "更小", "大得多", "小得多", "变号",
    "上升", "下降", "增大", "减小", "增加", "减少", "变大", "变小", "不变", "趋于", "平稳", "越来越",
    "一路", "始终", "总是", "高于", "低于", "多于", "少于", "更高", "更低", "更多", "更少", "更快", "更慢",
    "monoton", "oscillat", "converge", "diverge", NULL};

/* Names that hold a claim word but state nothing: gradient descent is a
 * method, not a fall. */
static const char *const not_claims[] = {"梯度下降", "坐标下降", "下降方向", NULL};

static const char *const claim_ok[] = {"claim-ok", NULL};

/* Whether the claim word `w` at i is part of a name in not_claims. */
static bool in_name(const char *t, size_t i, const char *w)
{
    for (const char *const *p = not_claims; *p; p++) {
        const char *at = strstr(*p, w);
        size_t off = at ? (size_t)(at - *p) : 0;
        if (at && i >= off && !strncmp(t + i - off, *p, strlen(*p))) return true;
    }
    return false;
}

/* The claim word at i, or NULL. */
static const char *claim_word_at(const char *t, size_t i)
{
    for (const char *const *w = claim_words; *w; w++)
        if (!strncmp(t + i, *w, strlen(*w))) return in_name(t, i, *w) ? NULL : *w;
    return NULL;
}

static bool sentence_end_at(const char *t, size_t i)
{
    return !strncmp(t + i, "。", 3) || !strncmp(t + i, "！", 3) || !strncmp(t + i, "？", 3) ||
           (t[i] == '\n' && t[i + 1] == '\n');
}

/* A line that starts a new sentence whatever came before: a list item or heading. */
static bool item_start(const char *t, size_t i)
{
    while (t[i] == ' ') i++;
    return ((t[i] == '-' || t[i] == '*' || t[i] == '+') && t[i + 1] == ' ') || t[i] == '#' ||
           (is_digit(t[i]) && t[i + 1] == '.' && t[i + 2] == ' ');
}

/* Whether the sentence around byte `pos` holds a {{claim …}} directive. */
static bool sentence_has_claim(const char *t, size_t pos)
{
    size_t b = pos, e = pos;
    while (b > 0 && !sentence_end_at(t, b - 1) && !(t[b - 1] == '\n' && item_start(t, b))) b--;
    while (t[e] && !sentence_end_at(t, e) && !(t[e] == '\n' && item_start(t, e + 1))) e++;
    for (size_t i = b; i + 8 < e; i++)
        if (!strncmp(t + i, "{{claim ", 8)) return true;
    return false;
}

static const char claim_why[] =
    "a qualitative claim needs the program's verdict: put {{claim PROGRAM KEY EXPECTED}} in this "
    "sentence (docs/authoring.md), or mark a derivation with <!-- claim-ok: why -->";

static void check_claim(scan *sc, size_t at)
{
    const char *w = claim_word_at(sc->text, at);
    if (!w || line_has(sc->text, at, claim_ok) || sentence_has_claim(sc->text, at)) return;
    hit(sc, at, w, claim_why);
}

/* A figure caption is no place for a claim: it cannot hold a {{claim}}. */
static void check_caption(scan *sc, size_t from, size_t to)
{
    if (strncmp(sc->text + from, "{{figure ", 9) != 0 || line_has(sc->text, from, claim_ok)) return;
    for (size_t i = from; i < to; i++) {
        const char *w = claim_word_at(sc->text, i);
        if (!w) continue;
        hit(sc, i, w, "a figure caption may not state a qualitative claim; say it in the prose, "
                      "with {{claim PROGRAM KEY EXPECTED}}");
        return;
    }
}

static void check_number(scan *sc, size_t at, size_t end, bool in_math)
{
    char num[64];
    int sig = clean_number(sc->text + at, end - at, num, sizeof num);
    if (!in_math && sig >= LONG_DIGITS) {
        hit(sc, at, num, "a long literal number looks like a pasted output; use {{value PROGRAM KEY}}");
        return;
    }
    if (sig < MATCH_DIGITS) return;
    double x = strtod(num, NULL);
    double scale = unit_scale(sc->text + end);
    if (scale == 1.0 && !strpbrk(num, ".eE") && sig < CONSTANT_DIGITS) return; /* 4096 channels */
    for (size_t k = 0; k < sc->nkv; k++)
        for (size_t i = 0; i < sc->kv[k]->n; i++) {
            const aics_kv_entry *e = &sc->kv[k]->e[i];
            if (!matches(x, scale, sig, e->value)) continue;
            char why[512];
            snprintf(why, sizeof why, "this is output %s of %s (%s); write {{value %s %s}} instead",
                     e->key, sc->prog[k], e->value, sc->prog[k], e->key);
            hit(sc, at, num, why);
            return;
        }
}

/* Where a region that is never looked at, starting at i, ends; or i. Only
 * comments may span lines. */
static size_t skip_region(const char *t, size_t i)
{
    const char *close = NULL;
    if (t[i] == '{' && t[i + 1] == '{') close = "}}";
    else if (!strncmp(t + i, "<!--", 4)) close = "-->";
    else if (t[i] == '<' && ((t[i + 1] >= 'a' && t[i + 1] <= 'z') || t[i + 1] == '/')) close = ">";
    else if (t[i] == ']' && t[i + 1] == '(') close = ")";
    else if (!strncmp(t + i, "http://", 7) || !strncmp(t + i, "https://", 8)) {
        size_t e = i;
        while (t[e] && t[e] != ' ' && t[e] != '\n' && t[e] != ')') e++;
        return e;
    }
    if (!close) return i;
    const char *e = strstr(t + i + 1, close);
    if (!e) return i;
    if (strcmp(close, "-->") && memchr(t + i, '\n', (size_t)(e - (t + i)))) return i;
    return (size_t)(e - t) + strlen(close);
}


/* Scan [from, to) for numbers; return where scanning stopped, which is past
 * `to` when a skipped region (a directive with math in it) runs on. */
static size_t scan_range(scan *sc, size_t from, size_t to, bool in_math)
{
    const char *t = sc->text;
    size_t i = from;
    while (i < to) {
        size_t s = in_math ? i : skip_region(t, i);
        if (s != i) {
            check_caption(sc, i, s);
            i = s;
            continue;
        }
        if (!in_math) check_claim(sc, i);
        if (!is_digit(t[i]) || (i > 0 && is_word(t[i - 1]))) { i++; continue; }
        size_t e = number_end(t, i, to);
        if (!line_has(t, i, allow_words)) check_number(sc, i, e, in_math);
        i = e;
    }
    return i;
}

size_t aics_stale_scan(const char *text, const aics_kv *const *kv, const char *const *prog, size_t nkv,
                       aics_stale_hit *hits, size_t max)
{
    scan sc = {text, kv, prog, nkv, hits, max, 0};
    aics_spans sp;
    aics_md_spans(text, strlen(text), true, &sp);
    size_t i = 0;
    for (size_t k = 0; k < sp.n; k++) {
        const aics_span *s = &sp.v[k];
        if (s->end <= i) continue; /* inside a region skipped earlier */
        size_t from = s->start > i ? s->start : i;
        if (s->kind == AICS_SPAN_CODE) i = s->end;
        else i = scan_range(&sc, from, s->end, s->kind != AICS_SPAN_TEXT);
    }
    aics_spans_free(&sp);
    return sc.n;
}

/* The programs a prose file belongs to: its own, then those its directives name. */
static size_t prose_programs(const char *file, const char *text, char names[][64], size_t max)
{
    size_t n = 0;
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    snprintf(names[n++], 64, "%.*s", (int)(strlen(base) - 3), base);
    for (const char *p = strstr(text, "{{"); p && n < max; p = strstr(p + 2, "{{")) {
        char kind[16], prog[64];
        if (sscanf(p + 2, "%15[a-z] %63[a-z0-9_]", kind, prog) != 2) continue;
        if (strcmp(kind, "value") && strcmp(kind, "include")) continue;
        bool seen = false;
        for (size_t i = 0; i < n; i++) seen |= !strcmp(names[i], prog);
        if (!seen) snprintf(names[n++], 64, "%s", prog);
    }
    return n;
}

static size_t lint_file(const char *path, const char *file, aics_sources *src)
{
    size_t len;
    long bad_line, bad_col;
    char *text = aics_read_text_or_die(path, 4u << 20, "a prose file", &len);
    if (aics_find_binary(text, len, &bad_line, &bad_col))
        aics_die_data(path, bad_line, bad_col, "a NUL byte or invalid UTF-8; expected UTF-8 text");
    char names[16][64];
    size_t n = prose_programs(file, text, names, 16), nkv = 0;
    const aics_kv *kv[16];
    const char *prog[16];
    for (size_t i = 0; i < n; i++) {
        const aics_kv *k = aics_sources_kv(src, names[i]);
        if (k) kv[nkv] = k, prog[nkv++] = names[i];
    }
    aics_stale_hit hits[MAX_HITS];
    size_t nh = aics_stale_scan(text, kv, prog, nkv, hits, MAX_HITS);
    for (size_t i = 0; i < nh && i < MAX_HITS; i++) {
        long line, col;
        aics_text_pos(text, hits[i].pos, &line, &col);
        fprintf(stderr, "%s:%ld:%ld: '%s': %s\n", path, line, col, hits[i].number, hits[i].why);
    }
    free(text);
    return nh;
}

int aics_stale_lint(const char *chapters_dir, const char *results_dir)
{
    aics_chapter_files files;
    if (!aics_chapter_files_list(chapters_dir, ".md", &files))
        aics_die_data(chapters_dir, 0, 0, "cannot open the chapters folder: %s", strerror(errno));
    size_t n = files.n, bad = 0;
    aics_sources *src = aics_sources_new(chapters_dir, results_dir, ".");
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", chapters_dir, files.path[i]);
        bad += lint_file(path, files.path[i], src);
    }
    aics_chapter_files_free(&files);
    aics_sources_free(src);
    fprintf(stderr, "%s: %zu prose files checked for typed-in outputs and unverified claims: %zu found\n",
            aics_progname(), n, bad);
    return bad ? AICS_EXIT_FAIL : AICS_EXIT_OK;
}
