/* expand.c — directives to Markdown (see expand.h). */
#include "expand.h"

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdnoreturn.h>
#include <string.h>

#include "error.h"
#include "fileio.h"
#include "reader.h"
#include "mathpass.h"
#include "render.h"

#define MAX_ARGS 8

typedef struct {
    aics_expand_ctx *ctx;
    const char *path, *text;
    size_t at, end;             /* "{{" and just after "}}" */
    char name[32];
    char *arg[MAX_ARGS];
    size_t argpos[MAX_ARGS];    /* byte offsets of the arguments */
    int argc;
    char *rest;                 /* everything after the first argument, trimmed */
    aics_buf *page, *plain;
} directive;

static noreturn __attribute__((format(printf, 3, 4))) void fail(const directive *d, size_t pos,
                                                                 const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    long line, col;
    aics_text_pos(d->text, pos, &line, &col);
    aics_die_data(d->path, line, col, "%s", msg);
}

void aics_expand_note_prog(aics_expand_ctx *ctx, const char *prog)
{
    for (size_t i = 0; i < ctx->nprogs; i++)
        if (strcmp(ctx->progs[i], prog) == 0) return;
    ctx->progs = aics_xrealloc(ctx->progs, (ctx->nprogs + 1) * sizeof *ctx->progs);
    ctx->progs[ctx->nprogs++] = aics_xstrdup(prog);
}

const char *aics_source_shown_name(const char *rel)
{
    return strncmp(rel, "../", 3) == 0 ? rel + 3 : rel;
}

void aics_source_page_name(const char *rel, aics_buf *out)
{
    rel = aics_source_shown_name(rel);
    aics_buf_puts(out, "source-");
    for (; *rel; rel++) aics_buf_putc(out, *rel == '/' ? '-' : *rel);
    aics_buf_puts(out, ".html");
}

static void note_file(aics_expand_ctx *ctx, const char *rel)
{
    for (size_t i = 0; i < ctx->nfiles; i++)
        if (strcmp(ctx->files[i], rel) == 0) return;
    ctx->files = aics_xrealloc(ctx->files, (ctx->nfiles + 1) * sizeof *ctx->files);
    ctx->files[ctx->nfiles++] = aics_xstrdup(rel);
}

void aics_expand_clear_files(aics_expand_ctx *ctx)
{
    for (size_t i = 0; i < ctx->nfiles; i++) free(ctx->files[i]);
    free(ctx->files);
    ctx->files = NULL;
    ctx->nfiles = 0;
}

void aics_expand_clear_progs(aics_expand_ctx *ctx)
{
    for (size_t i = 0; i < ctx->nprogs; i++) free(ctx->progs[i]);
    free(ctx->progs);
    ctx->progs = NULL;
    ctx->nprogs = 0;
}

static void both(directive *d, const char *s, size_t n)
{
    aics_buf_append(d->page, s, n);
    aics_buf_append(d->plain, s, n);
}

/* A block's Markdown, set apart from the text around it by blank lines. */
static void block(directive *d, const char *md, size_t n)
{
    both(d, "\n", 1);
    both(d, md, n);
    if (n && md[n - 1] != '\n') both(d, "\n", 1);
}

static void need_args(const directive *d, int min, int max, const char *usage)
{
    if (d->argc < min || d->argc > max) fail(d, d->at, "expected {{%s}}", usage);
}

static const char *program_md(directive *d, const char *prog)
{
    const char *md = aics_sources_md(d->ctx->src, prog);
    if (!md) fail(d, d->argpos[0], "no md output for program '%s' (is chapters/ch*/%s.c built and run?)", prog, prog);
    aics_expand_note_prog(d->ctx, prog);
    return md;
}

/* The text of the last ATX heading of the prose before the directive, or an
 * empty span. */
static void prose_heading(const directive *d, const char **text, size_t *len)
{
    *text = "", *len = 0;
    for (size_t e = d->at; e > 0;) {
        size_t b = e - 1;
        while (b > 0 && d->text[b - 1] != '\n') b--;
        const char *l = d->text + b;
        size_t hashes = strspn(l, "#");
        if (hashes >= 1 && hashes <= 6 && l[hashes] == ' ') {
            *text = l + hashes + 1;
            *len = (size_t)(strchr(*text, '\n') ? strchr(*text, '\n') - *text : (ptrdiff_t)strlen(*text));
            return;
        }
        e = b;
    }
}

/* Bytes to skip at the start of `part`: its title heading ("#### TITLE" and
 * the blank line after it) when the prose already has a heading on the same
 * topic just above the directive (one text contains the other), so a page
 * never shows two headings for one topic. */
static size_t redundant_title(const directive *d, const char *part, size_t n)
{
    size_t hashes = strspn(part, "#");
    if (hashes < 1 || hashes > 6 || hashes >= n || part[hashes] != ' ') return 0;
    const char *title = part + hashes + 1, *nl = memchr(title, '\n', n - hashes - 1);
    size_t tlen = nl ? (size_t)(nl - title) : n - hashes - 1;
    const char *h;
    size_t hlen;
    prose_heading(d, &h, &hlen);
    if (!hlen || !tlen) return 0;
    char *a = aics_xmalloc(tlen + 1), *b = aics_xmalloc(hlen + 1);
    memcpy(a, title, tlen), a[tlen] = '\0';
    memcpy(b, h, hlen), b[hlen] = '\0';
    bool same = strstr(a, b) || strstr(b, a);
    free(a), free(b);
    if (!same) return 0;
    size_t skip = (size_t)(title - part) + tlen;
    while (skip < n && part[skip] == '\n') skip++;
    return skip;
}

static void do_include(directive *d)
{
    need_args(d, 1, 2, "include PROGRAM [PART]");
    const char *md = program_md(d, d->arg[0]);
    if (d->argc == 1) {
        aics_buf all = AICS_BUF_INIT;
        aics_md_strip_markers(md, &all);
        block(d, all.data, all.len);
        aics_buf_free(&all);
        return;
    }
    const char *part;
    size_t n;
    if (!aics_md_part(md, d->arg[1], &part, &n)) {
        aics_buf names = AICS_BUF_INIT;
        aics_md_part_names(md, &names);
        fail(d, d->argpos[1], "program '%s' has no part '%s' (its parts: %s)", d->arg[0], d->arg[1], names.data);
    }
    size_t skip = redundant_title(d, part, n);
    block(d, part + skip, n - skip);
}

/* The result KEY (argument 2) of PROGRAM (argument 1), which the page now
 * depends on; fails when the program has no kv output or no such key. */
static const aics_kv_entry *program_result(directive *d)
{
    const aics_kv *kv = aics_sources_kv(d->ctx->src, d->arg[0]);
    if (!kv) fail(d, d->argpos[0], "no kv output for program '%s' (is chapters/ch*/%s.c built and run?)", d->arg[0], d->arg[0]);
    aics_expand_note_prog(d->ctx, d->arg[0]);
    const aics_kv_entry *e = aics_kv_find(kv, d->arg[1]);
    if (!e) fail(d, d->argpos[1], "program '%s' has no result '%s'", d->arg[0], d->arg[1]);
    return e;
}

static void do_value(directive *d)
{
    need_args(d, 2, 3, "value PROGRAM KEY [FORMAT]");
    const aics_kv_entry *e = program_result(d);
    aics_buf v = AICS_BUF_INIT;
    char err[256];
    if (!aics_format_value(e->value, d->argc == 3 ? d->arg[2] : NULL, &v, err, sizeof err))
        fail(d, d->argpos[2], "%s", err);
    both(d, v.data, v.len);
    aics_buf_free(&v);
}

/* Whether kv value `got` is the `claimed` one: the same text, or the same number. */
static bool same_value(const char *got, const char *claimed)
{
    if (strcmp(got, claimed) == 0) return true;
    char *e1, *e2;
    double a = strtod(got, &e1), b = strtod(claimed, &e2);
    return e1 != got && !*e1 && e2 != claimed && !*e2 && a == b;
}

static void attr_escape(aics_buf *out, const char *s)
{
    for (; *s; s++) {
        if (*s == '"') aics_buf_puts(out, "&quot;");
        else if (*s == '&') aics_buf_puts(out, "&amp;");
        else if (*s == '<') aics_buf_puts(out, "&lt;");
        else if (*s == '>') aics_buf_puts(out, "&gt;");
        else aics_buf_putc(out, *s);
    }
}

/* {{claim PROGRAM KEY EXPECTED}}: a sentence's qualitative claim, decided by
 * the program. The build fails here when the verdict is not the one claimed;
 * otherwise a mark beside the claim says it was checked, and by what. */
static void do_claim(directive *d)
{
    need_args(d, 3, 3, "claim PROGRAM KEY EXPECTED");
    const aics_kv_entry *e = program_result(d);
    if (!same_value(e->value, d->arg[2]))
        fail(d, d->argpos[2], "the claim is false: %s reports %s = %s, but the sentence claims %s; "
             "correct the sentence (or the program)", d->arg[0], d->arg[1], e->value, d->arg[2]);
    const char *label = aics_labels_find(aics_sources_labels(d->ctx->src, d->arg[0]), 0, d->arg[1]);
    aics_buf_puts(d->page, "<span class=\"claim\" title=\"程序核对：");
    attr_escape(d->page, label ? label : d->arg[1]);
    aics_buf_printf(d->page, " = %s（%s 的 %s）\">✓</span>", e->value, d->arg[0], d->arg[1]);
    aics_buf_printf(d->plain, "（✓ 程序核对：`%s` 的 `%s` = %s）", d->arg[0], d->arg[1], e->value);
}

/* Markdown image text must not close its brackets early. */
static void md_bracket_escape(aics_buf *out, const char *s)
{
    for (; *s; s++) {
        if (*s == '[' || *s == ']') aics_buf_putc(out, '\\');
        aics_buf_putc(out, *s);
    }
}

/* The placeholder for a figure that gnuplot could not draw (it is missing). */
static void figure_missing(directive *d, const char *name, const char *label)
{
    const char *figdir = aics_sources_figures_dir(d->ctx->src);
    if (d->ctx->strict || aics_sources_gnuplot(d->ctx->src))
        fail(d, d->argpos[0], "no figure '%s' (expected %s/%s.svg%s)", name, figdir, name,
             d->ctx->strict ? "; --strict makes a figure missing for want of gnuplot an error" : "");
    aics_warn("%s: figure %s is missing (gnuplot is not installed); the page shows a placeholder",
              d->path, name);
    aics_buf_printf(d->page, "\n<figure class=\"figure-missing\" id=\"fig-%s\">\n"
                    "<div class=\"placeholder\">图缺失：%s/%s.svg 没有生成，因为没有安装 gnuplot。"
                    "安装（make deps）后删除 %s 再运行 make book。</div>\n<figcaption>%s",
                    name, d->ctx->fig_href, name, aics_sources_results_dir(d->ctx->src), label);
    aics_buf_printf(d->plain, "\n> **%s 缺失**：%s/%s.svg 没有生成（未安装 gnuplot）。%s\n", label,
                    d->ctx->fig_href, name, d->rest);
}

/* The figure's alt text: its number and the caption's first sentence, math
 * markers dropped (a screen reader reads the TeX as it is). */
static void figure_alt(directive *d, const char *label, aics_buf *out)
{
    aics_buf_puts(out, label);
    if (!*d->rest) return;
    aics_buf_puts(out, "：");
    const char *end = strstr(d->rest, "。");
    size_t n = end ? (size_t)(end - d->rest) + strlen("。") : strlen(d->rest);
    for (size_t i = 0; i < n; i++) {
        if (d->rest[i] == '$' || (d->rest[i] == '\\' && d->rest[i + 1] == '$')) continue;
        aics_html_escape(out, d->rest + i, 1);
    }
}

static void figure_found(directive *d, const char *name, const char *label)
{
    aics_buf alt = AICS_BUF_INIT;
    figure_alt(d, label, &alt);
    /* The image links to itself, so a phone can open it full size. */
    aics_buf_printf(d->page, "\n<figure id=\"fig-%s\">\n<a class=\"figure-open\" href=\"%s/%s.svg\" "
                    "title=\"打开原图\"><img src=\"%s/%s.svg\" alt=\"%s\"></a>\n<figcaption>%s",
                    name, d->ctx->fig_href, name, d->ctx->fig_href, name, alt.data, label);
    aics_buf_free(&alt);
    aics_buf_printf(d->plain, "\n![%s%s", label, *d->rest ? "　" : "");
    md_bracket_escape(d->plain, d->rest);
    aics_buf_printf(d->plain, "](%s/%s.svg)\n", d->ctx->fig_href, name);
}

static void do_figure(directive *d)
{
    need_args(d, 1, MAX_ARGS, "figure NAME [CAPTION]");
    const char *name = d->arg[0];
    if (!aics_name_ok(name)) fail(d, d->argpos[0], "a figure name is [a-z0-9_]+, like ex2_7_functions");
    char label[64];
    snprintf(label, sizeof label, "图 %d.%d", d->ctx->chapter, ++d->ctx->figures);
    if (aics_sources_has_figure(d->ctx->src, name)) figure_found(d, name, label);
    else figure_missing(d, name, label);
    if (*d->rest) {
        aics_buf_puts(d->page, "　");
        aics_render_inline(d->rest, d->page);
    }
    aics_buf_puts(d->page, "</figcaption>\n</figure>\n");
}

static const char *code_language(const char *file)
{
    const char *dot = strrchr(file, '.');
    if (!dot) return "";
    if (!strcmp(dot, ".c") || !strcmp(dot, ".h")) return "c";
    if (!strcmp(dot, ".sh")) return "sh";
    if (!strcmp(dot, ".py")) return "python";
    return "";
}

/* The line number of the first line after "ANCHOR: name" in `src`, or 1.
 * One pass: newlines are counted only up to each candidate. */
static long anchor_line_number(const char *src, const char *name)
{
    long line = 1;
    size_t n = strlen(name);
    const char *counted = src;
    for (const char *a = strstr(src, "ANCHOR: "); a; a = strstr(a + 1, "ANCHOR: ")) {
        for (; counted < a; counted++) line += *counted == '\n';
        char after = a[8 + (strncmp(a + 8, name, n) == 0 ? n : 0)];
        if (strncmp(a + 8, name, n) == 0 && (after == '\0' || strchr(" \t\r\n*", after))) return line + 1;
    }
    return 1;
}

static void do_code(directive *d)
{
    need_args(d, 2, 2, "code FILE ANCHOR");
    const char *src = aics_sources_file(d->ctx->src, d->arg[0]);
    if (!src)
        fail(d, d->argpos[0], "cannot read %s/%s: %s", aics_sources_chapters_dir(d->ctx->src), d->arg[0],
             errno == EXDEV ? "it lies outside the project (by its path or through a symbolic link)"
                            : aics_file_strerror(errno));
    aics_buf code = AICS_BUF_INIT, md = AICS_BUF_INIT;
    if (!aics_code_region(src, d->arg[1], &code))
        fail(d, d->argpos[1], "%s has no anchor '%s' (mark it with // ANCHOR: %s … // ANCHOR_END: %s)",
             d->arg[0], d->arg[1], d->arg[1], d->arg[1]);
    const char *fence = strstr(code.data, "```") ? "~~~~" : "```";
    aics_buf_printf(&md, "%s%s\n%s%s\n", fence, code_language(d->arg[0]), code.data, fence);
    block(d, md.data, md.len);
    /* On the page, a link to the whole file, at the excerpt's first line. */
    note_file(d->ctx, d->arg[0]);
    aics_buf href = AICS_BUF_INIT;
    aics_source_page_name(d->arg[0], &href);
    aics_buf_printf(d->page, "<p class=\"code-source\"><a href=\"%s#L%ld\">完整源文件 %s</a></p>\n", href.data,
                    anchor_line_number(src, d->arg[1]), aics_source_shown_name(d->arg[0]));
    aics_buf_free(&href);
    aics_buf_free(&code);
    aics_buf_free(&md);
}

static bool line_blank(const char *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return false;
    return true;
}

/* Whether the directive is the only thing on its line. */
static bool alone_on_line(const directive *d)
{
    size_t b = d->at, e = d->end;
    while (b > 0 && d->text[b - 1] != '\n') b--;
    while (d->text[e] && d->text[e] != '\n') e++;
    return line_blank(d->text, b, d->at) && line_blank(d->text, d->end, e);
}

static void dispatch(directive *d)
{
    static const struct {
        const char *name;
        void (*fn)(directive *);
        bool block;
    } table[] = {{"include", do_include, true}, {"value", do_value, false},
                 {"claim", do_claim, false}, {"figure", do_figure, true}, {"code", do_code, true}};
    for (size_t i = 0; i < sizeof table / sizeof *table; i++) {
        if (strcmp(d->name, table[i].name) != 0) continue;
        if (table[i].block && !alone_on_line(d))
            fail(d, d->at, "{{%s …}} is a block directive and must stand alone on its line", d->name);
        table[i].fn(d);
        return;
    }
    fail(d, d->at, "unknown directive '%s' (expected include, value, claim, figure or code)", d->name);
}

/* Split the directive's text [from, to) into arguments. */
static void split_args(directive *d, size_t from, size_t to)
{
    const char *t = d->text;
    size_t i = from;
    while (i < to) {
        while (i < to && (t[i] == ' ' || t[i] == '\t')) i++;
        if (i >= to) break;
        size_t s = i;
        while (i < to && t[i] != ' ' && t[i] != '\t') i++;
        if (d->argc == 1) { /* the rest, verbatim, is the figure caption */
            size_t e = to;
            while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\t')) e--;
            d->rest = aics_xmalloc(e - s + 1);
            memcpy(d->rest, t + s, e - s);
            d->rest[e - s] = '\0';
        }
        if (d->argc == MAX_ARGS) continue;
        d->arg[d->argc] = aics_xmalloc(i - s + 1);
        memcpy(d->arg[d->argc], t + s, i - s);
        d->arg[d->argc][i - s] = '\0';
        d->argpos[d->argc++] = s;
    }
    if (!d->rest) d->rest = aics_xstrdup("");
}

/* Expand the directive at `at` ("{{" + lowercase); return where it ends. */
static size_t expand_one(aics_expand_ctx *ctx, const char *path, const char *text, size_t at,
                         aics_buf *page, aics_buf *plain)
{
    directive d = {.ctx = ctx, .path = path, .text = text, .at = at, .page = page, .plain = plain};
    size_t n = 0, i = at + 2;
    while (text[i] >= 'a' && text[i] <= 'z' && n + 1 < sizeof d.name) d.name[n++] = text[i++];
    const char *close = strstr(text + i, "}}");
    const char *nl = strchr(text + i, '\n');
    if (!close || (nl && nl < close)) fail(&d, at, "unclosed directive {{%s: expected '}}' on the same line", d.name);
    d.end = (size_t)(close - text) + 2;
    if (text[i] != ' ' && text[i] != '\t' && text + i != close)
        fail(&d, at, "a directive is {{name arguments}}, with a space after the name");
    split_args(&d, i, (size_t)(close - text));
    dispatch(&d);
    for (int k = 0; k < d.argc; k++) free(d.arg[k]);
    free(d.rest);
    return d.end;
}

static bool directive_at(const char *t, size_t i)
{
    return t[i] == '{' && t[i + 1] == '{' && t[i + 2] >= 'a' && t[i + 2] <= 'z' &&
           (i == 0 || t[i - 1] != '\\');
}

void aics_expand(aics_expand_ctx *ctx, const char *path, const char *text, aics_buf *page,
                 aics_buf *plain)
{
    size_t len = strlen(text), i = 0;
    aics_spans sp;
    aics_md_spans(text, len, false, &sp);
    for (size_t k = 0; k < sp.n; k++) {
        const aics_span *s = &sp.v[k];
        if (i >= s->end) continue; /* a directive ran past this span */
        if (i < s->start) i = s->start;
        if (s->kind == AICS_SPAN_CODE) {
            aics_buf_append(page, text + i, s->end - i);
            aics_buf_append(plain, text + i, s->end - i);
            i = s->end;
            continue;
        }
        while (i < s->end) {
            size_t run = i;
            while (run < s->end && !directive_at(text, run)) run++;
            aics_buf_append(page, text + i, run - i);
            aics_buf_append(plain, text + i, run - i);
            i = run < s->end ? expand_one(ctx, path, text, run, page, plain) : run;
        }
    }
    aics_spans_free(&sp);
}
