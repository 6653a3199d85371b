/* book.c — the answer book, rendered in memory, then written (see book.h). */
#include "book.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "chapters.h"
#include "error.h"
#include "expand.h"
#include "fileio.h"
#include "longtable.h"
#include "mathpass.h"
#include "nav.h"
#include "outline.h"
#include "page.h"
#include "render.h"
#include "strmap.h"

#define PROSE_MAX_BYTES (4u << 20)
#define MAX_VERDICTS 64 /* per exercise; more would not be read anyway */

typedef struct {
    char *path;
    aics_buf data;
} out_file;

typedef struct {
    const aics_book_opts *o;
    aics_outline outline;
    aics_sources *src;
    char *fig_href;
    aics_buf book_md, book_html; /* the whole book, when rendering all of it */
    aics_buf search;             /* the search documents (nav.h), a JSON array's body */
    char **sources;              /* source files shown by {{code}}, each once */
    size_t nsources;
    out_file *files;
    size_t nfiles;
} book;

static void progress(const book *b, const char *fmt, const char *arg)
{
    if (b->o->quiet) return;
    fprintf(stderr, "%s: ", aics_progname());
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
}

static aics_buf *new_file(book *b, const char *name)
{
    b->files = aics_xrealloc(b->files, (b->nfiles + 1) * sizeof *b->files);
    out_file *f = &b->files[b->nfiles++];
    size_t n = strlen(b->o->out_dir) + strlen(name) + 2;
    f->path = aics_xmalloc(n);
    snprintf(f->path, n, "%s/%s", b->o->out_dir, name);
    f->data = (aics_buf)AICS_BUF_INIT;
    return &f->data;
}

/* Figure links relative to the pages: FIGURES below OUT becomes "fig". */
static char *figure_href(const aics_book_opts *o)
{
    size_t n = strlen(o->out_dir);
    if (strncmp(o->figures_dir, o->out_dir, n) == 0 && o->figures_dir[n] == '/')
        return aics_xstrdup(o->figures_dir + n + 1);
    aics_warn("figures folder %s is not inside %s; pages will link it as given", o->figures_dir, o->out_dir);
    return aics_xstrdup(o->figures_dir);
}

/* The self-checks (kv words pass/fail) of the programs an exercise used. */
static size_t collect_verdicts(book *b, const aics_expand_ctx *ctx, aics_verdict **out)
{
    size_t n = 0;
    aics_verdict *v = NULL;
    for (size_t p = 0; p < ctx->nprogs && n < MAX_VERDICTS; p++) {
        const aics_kv *kv = aics_sources_kv(b->src, ctx->progs[p]);
        const aics_labels *labels = aics_sources_labels(b->src, ctx->progs[p]);
        for (size_t i = 0; kv && i < kv->n && n < MAX_VERDICTS; i++) {
            bool pass;
            if (!aics_verdict_word(kv->e[i].value, &pass)) continue;
            v = aics_xrealloc(v, (n + 1) * sizeof *v);
            v[n++] = (aics_verdict){ctx->progs[p], kv->e[i].key, aics_labels_find(labels, i, kv->e[i].key), pass};
        }
    }
    *out = v;
    return n;
}

static void check_verdicts(const book *b, const aics_outline_exercise *e, const aics_verdict *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (v[i].pass) continue;
        if (b->o->strict)
            aics_die_data(b->outline.path, e->line, 0, "self-check %s of %s failed, and --strict makes that an error",
                          v[i].key, v[i].prog);
        aics_warn("self-check %s of %s failed (exercise %s)", v[i].key, v[i].prog, e->numbers);
    }
}

static char *read_prose(const book *b, const aics_outline_exercise *e, char *path, size_t pathsz)
{
    snprintf(path, pathsz, "%s/%s.md", b->o->chapters_dir, e->file);
    char why[4400];
    size_t len;
    long line, col;
    char *text = aics_read_text(path, PROSE_MAX_BYTES, "a prose file", &len, why, sizeof why);
    if (!text) aics_die_data(b->outline.path, e->line, 0, "cannot read the prose: %s", why);
    if (aics_find_binary(text, len, &line, &col)) /* a NUL would silently end the text */
        aics_die_data(path, line, col, "a NUL byte or invalid UTF-8; expected UTF-8 text");
    return text;
}

/* The keys graders need, out of the reader's way: one collapsed block per
 * exercise listing each shown result of the programs it used, from their
 * labels files (the kv-only per-layer results are only counted). */
static void grading_keys(book *b, const aics_expand_ctx *ctx, aics_buf *html)
{
    bool open = false;
    for (size_t p = 0; p < ctx->nprogs; p++) {
        const aics_labels *l = aics_sources_labels(b->src, ctx->progs[p]);
        size_t hidden = 0;
        for (size_t i = 0; l && i < l->n; i++) {
            if (!l->e[i].shown) { hidden++; continue; }
            if (!open)
                aics_buf_puts(html, "<details class=\"grading-keys\">\n<summary>评分用键名</summary>\n"
                                    "<div class=\"table-wrap\"><table class=\"keys\">\n<thead><tr><th>程序</th><th>结果</th>"
                                    "<th>键</th></tr></thead>\n<tbody>\n");
            open = true;
            aics_buf_printf(html, "<tr><td><code>%s</code></td><td>", ctx->progs[p]);
            aics_render_inline(l->e[i].label, html);
            aics_buf_printf(html, "</td><td><code>%s</code></td></tr>\n", l->e[i].key);
        }
        if (open && hidden)
            aics_buf_printf(html, "<tr><td><code>%s</code></td><td colspan=\"2\">另有 %zu 个逐层结果，"
                                  "只在 kv 输出中</td></tr>\n", ctx->progs[p], hidden);
    }
    if (open) aics_buf_puts(html, "</tbody>\n</table></div>\n</details>\n");
}

/* "习题 2.3 TITLE" as HTML. */
static void exercise_title(const aics_outline_exercise *e, aics_buf *html)
{
    aics_buf_puts(html, "<span class=\"exercise-number\">习题 ");
    aics_render_inline(e->numbers, html);
    aics_buf_puts(html, "</span> ");
    aics_render_inline(e->title, html);
}

/* The exercise before (step -1) or after (+1) chapter k's exercise i, or NULL. */
static const aics_outline_exercise *neighbour(const book *b, size_t k, size_t i, int step, int *chapter)
{
    const aics_outline *o = &b->outline;
    if (step < 0 && i == 0) {
        while (k > 0 && o->ch[k - 1].nex == 0) k--;
        if (k == 0) return NULL;
        *chapter = o->ch[k - 1].number;
        return &o->ch[k - 1].ex[o->ch[k - 1].nex - 1];
    }
    if (step > 0 && i + 1 >= o->ch[k].nex) {
        while (k + 1 < o->nch && o->ch[k + 1].nex == 0) k++;
        if (k + 1 >= o->nch) return NULL;
        *chapter = o->ch[k + 1].number;
        return &o->ch[k + 1].ex[0];
    }
    *chapter = o->ch[k].number;
    return &o->ch[k].ex[step < 0 ? i - 1 : i + 1];
}

/* Links to the previous and next exercise of the whole book. */
static void exercise_pager(const book *b, size_t k, size_t i, aics_buf *html)
{
    aics_buf_puts(html, "<nav class=\"ex-pager\">\n");
    for (int step = -1; step <= 1; step += 2) {
        int ch = 0;
        const aics_outline_exercise *n = neighbour(b, k, i, step, &ch);
        if (!n) { aics_buf_puts(html, "<span></span>\n"); continue; }
        const char *file = ch == b->outline.ch[k].number ? "" : NULL;
        aics_buf_printf(html, "<a rel=\"%s\" href=\"", step < 0 ? "prev" : "next");
        if (!file) aics_buf_printf(html, "chapter%d.html", ch);
        aics_buf_printf(html, "#%s\"><span class=\"dir\">%s</span>", n->id, step < 0 ? "← 上一题" : "下一题 →");
        exercise_title(n, html);
        aics_buf_puts(html, "</a>\n");
    }
    aics_buf_puts(html, "</nav>\n");
}

/* The prose with its verdict box right after the textbook's question (the
 * first block quote), or first when there is none. */
static void prose_with_verdicts(const char *prose, const aics_verdict *v, size_t nv, aics_buf *html)
{
    const char *q = strstr(prose, "</blockquote>\n");
    size_t at = q ? (size_t)(q - prose) + strlen("</blockquote>\n") : 0;
    aics_buf_append(html, prose, at);
    aics_verdicts_html(v, nv, html);
    aics_buf_puts(html, prose + at);
}

/* The exercise as HTML: heading, prose (page = expanded Markdown) with the
 * verdicts after the question, the graders' keys, the pager. */
static void exercise_html(book *b, const aics_expand_ctx *ctx, size_t k, size_t i, const aics_verdict *v,
                          size_t nv, const aics_buf *page, aics_nav_page *nav, aics_buf *html)
{
    const aics_outline_exercise *e = &b->outline.ch[k].ex[i];
    aics_buf shifted = AICS_BUF_INIT, prose = AICS_BUF_INIT, anchored = AICS_BUF_INIT, title = AICS_BUF_INIT;
    aics_buf sec = AICS_BUF_INIT;
    exercise_title(e, &title);
    aics_buf_printf(&sec, "<section class=\"exercise\">\n<h2 id=\"%s\">%s"
                          "<a class=\"anchor\" href=\"#%s\" aria-label=\"本节链接\">#</a></h2>\n",
                    e->id, title.data, e->id);
    aics_nav_add(nav, 2, e->id, title.data);
    aics_md_shift_headings(page->data, page->len, 3, &shifted);
    aics_render_html(shifted.data, shifted.len, &prose);
    aics_nav_headings(prose.data, e->id, nav, &anchored);
    prose_with_verdicts(anchored.data, v, nv, &sec);
    grading_keys(b, ctx, &sec);
    exercise_pager(b, k, i, &sec);
    aics_buf_puts(&sec, "</section>\n");
    aics_collapse_long_tables(sec.data, html);
    aics_buf_free(&shifted), aics_buf_free(&prose), aics_buf_free(&anchored), aics_buf_free(&title);
    aics_buf_free(&sec);
}

/* The exercise as Markdown, for book.md. */
static void exercise_md(const aics_outline_exercise *e, const aics_verdict *v, size_t nv,
                        const aics_buf *plain, aics_buf *md)
{
    aics_buf_printf(md, "## 习题 %s %s\n\n", e->numbers, e->title);
    aics_verdicts_md(v, nv, md);
    aics_md_shift_headings(plain->data, plain->len, 3, md);
    if (md->len && md->data[md->len - 1] != '\n') aics_buf_putc(md, '\n');
    aics_buf_putc(md, '\n');
}

/* Render chapter k's exercise i into the chapter's HTML body and Markdown. */
static void render_exercise(book *b, aics_expand_ctx *ctx, size_t k, size_t i, aics_nav_page *nav,
                            aics_buf *html, aics_buf *md)
{
    const aics_outline_exercise *e = &b->outline.ch[k].ex[i];
    char path[4096];
    char *text = read_prose(b, e, path, sizeof path);
    aics_buf page = AICS_BUF_INIT, plain = AICS_BUF_INIT;
    if (aics_name_ok(e->id) && aics_sources_kv(b->src, e->id)) aics_expand_note_prog(ctx, e->id);
    aics_expand(ctx, path, text, &page, &plain);
    aics_verdict *v;
    size_t nv = collect_verdicts(b, ctx, &v);
    check_verdicts(b, e, v, nv);
    exercise_html(b, ctx, k, i, v, nv, &page, nav, html);
    exercise_md(e, v, nv, &plain, md);
    free(v);
    aics_buf_free(&page), aics_buf_free(&plain);
    aics_expand_clear_progs(ctx);
    free(text);
}

static void chapter_heading(const aics_outline_chapter *c, aics_buf *html)
{
    aics_buf_printf(html, "<h1 id=\"chapter%d\"><span class=\"chapter-number\">第 %d 章</span> ", c->number,
                    c->number);
    aics_render_inline(c->title, html);
    aics_buf_puts(html, "</h1>\n");
}

static void pager_link(aics_buf *nav, const aics_outline_chapter *c, const char *rel, const char *arrow_l,
                       const char *arrow_r)
{
    aics_buf_printf(nav, "<a rel=\"%s\" href=\"chapter%d.html\">%s第 %d 章 ", rel, c->number, arrow_l, c->number);
    aics_render_inline(c->title, nav);
    aics_buf_printf(nav, "%s</a>\n", arrow_r);
}

static void chapter_nav(const book *b, size_t k, aics_buf *nav)
{
    aics_buf_puts(nav, "<nav class=\"pager\">\n");
    if (k > 0) pager_link(nav, &b->outline.ch[k - 1], "prev", "← ", "");
    aics_buf_puts(nav, "<a href=\"index.html\">目录</a>\n");
    if (k + 1 < b->outline.nch) pager_link(nav, &b->outline.ch[k + 1], "next", "", " →");
    aics_buf_puts(nav, "</nav>\n");
}

/* Remember the source files a chapter showed, for their pages. */
static void keep_sources(book *b, aics_expand_ctx *ctx)
{
    for (size_t i = 0; i < ctx->nfiles; i++) {
        bool seen = false;
        for (size_t j = 0; j < b->nsources && !seen; j++) seen = strcmp(b->sources[j], ctx->files[i]) == 0;
        if (seen) continue;
        b->sources = aics_xrealloc(b->sources, (b->nsources + 1) * sizeof *b->sources);
        b->sources[b->nsources++] = aics_xstrdup(ctx->files[i]);
    }
    aics_expand_clear_files(ctx);
}

/* A source file whole, with numbered lines to link to (#L12). */
static void render_source(book *b, const char *rel)
{
    const char *text = aics_sources_file(b->src, rel);
    if (!text) return;
    aics_buf name = AICS_BUF_INIT, body = AICS_BUF_INIT, side = AICS_BUF_INIT, title = AICS_BUF_INIT;
    aics_source_page_name(rel, &name);
    const char *shown = aics_source_shown_name(rel);
    aics_buf_printf(&title, "%s · %s", shown, b->outline.title);
    aics_buf_puts(&body, "<h1 class=\"source-title\"><code>");
    aics_html_escape(&body, shown, strlen(shown));
    aics_buf_puts(&body, "</code></h1>\n<div class=\"source-file\"><pre class=\"gutter\" aria-hidden=\"true\">");
    long lines = 1;
    for (const char *p = text; *p; p++) lines += *p == '\n' && p[1];
    for (long l = 1; l <= lines; l++) aics_buf_printf(&body, "<a id=\"L%ld\" href=\"#L%ld\">%ld</a>\n", l, l, l);
    aics_buf_puts(&body, "</pre><pre><code class=\"language-c\">");
    aics_html_escape(&body, text, strlen(text));
    aics_buf_puts(&body, "</code></pre></div>\n");
    aics_nav_sidebar(&b->outline, 0, &side);
    aics_page page = {title.data, body.data, b->outline.title, NULL, "source", side.data, NULL, NULL};
    aics_page_render(&page, new_file(b, name.data));
    aics_buf_free(&name), aics_buf_free(&body), aics_buf_free(&side), aics_buf_free(&title);
}

static void render_chapter(book *b, size_t k)
{
    const aics_outline_chapter *c = &b->outline.ch[k];
    char name[32];
    snprintf(name, sizeof name, "chapter%d", c->number);
    progress(b, "rendering %s", name);
    aics_expand_ctx ctx = {.src = b->src, .fig_href = b->fig_href, .strict = b->o->strict, .chapter = c->number};
    aics_buf body = AICS_BUF_INIT, md = AICS_BUF_INIT, nav = AICS_BUF_INIT, title = AICS_BUF_INIT;
    aics_buf side = AICS_BUF_INIT, toc = AICS_BUF_INIT, where = AICS_BUF_INIT;
    aics_nav_page heads = {0};
    chapter_heading(c, &body);
    aics_buf_printf(&md, "# 第 %d 章 %s\n\n", c->number, c->title);
    for (size_t i = 0; i < c->nex; i++) render_exercise(b, &ctx, k, i, &heads, &body, &md);
    keep_sources(b, &ctx);
    chapter_nav(b, k, &nav);
    aics_nav_page_toc(&heads, &toc);
    aics_nav_sidebar(&b->outline, c->number, &side);
    aics_buf_printf(&title, "第 %d 章 %s · %s", c->number, c->title, b->outline.title);
    aics_buf_printf(&where, "第 %d 章 %s", c->number, c->title);
    strcat(name, ".html");
    aics_nav_search_docs(&heads, name, where.data, &b->search);
    aics_page page = {title.data, body.data, b->outline.title, nav.data, "chapter", side.data, toc.data, NULL};
    aics_page_render(&page, new_file(b, name));
    aics_buf_append(&b->book_html, body.data, body.len);
    aics_buf_append(&b->book_md, md.data, md.len);
    aics_nav_page_free(&heads);
    aics_buf_free(&body), aics_buf_free(&md), aics_buf_free(&nav), aics_buf_free(&title);
    aics_buf_free(&side), aics_buf_free(&toc), aics_buf_free(&where);
}

/* Whether chapter c has a page: being rendered now, or already written. */
static bool chapter_has_page(const book *b, const aics_outline_chapter *c)
{
    if (!b->o->only_chapter || b->o->only_chapter == c->number) return true;
    char path[4096];
    struct stat st;
    snprintf(path, sizeof path, "%s/chapter%d.html", b->o->out_dir, c->number);
    return stat(path, &st) == 0;
}

/* The table of contents; `page` is "" for links within book.html. */
static void toc(const book *b, const char *page_fmt, aics_buf *out)
{
    aics_buf_puts(out, "<nav class=\"toc\">\n<ol>\n");
    for (size_t k = 0; k < b->outline.nch; k++) {
        const aics_outline_chapter *c = &b->outline.ch[k];
        bool linked = *page_fmt == '\0' || chapter_has_page(b, c);
        char href[64] = "";
        if (*page_fmt) snprintf(href, sizeof href, page_fmt, c->number);
        if (linked) aics_buf_printf(out, "<li><a href=\"%s#chapter%d\">第 %d 章 ", href, c->number, c->number);
        else aics_buf_printf(out, "<li><span class=\"unbuilt\">第 %d 章 ", c->number);
        aics_render_inline(c->title, out);
        aics_buf_puts(out, linked ? "</a>\n<ol>\n" : "（尚未生成）</span>\n<ol>\n");
        for (size_t i = 0; i < c->nex; i++) {
            const aics_outline_exercise *e = &c->ex[i];
            if (linked) aics_buf_printf(out, "<li><a href=\"%s#%s\">习题 ", href, e->id);
            else aics_buf_puts(out, "<li>习题 ");
            aics_render_inline(e->numbers, out);
            aics_buf_puts(out, " ");
            aics_render_inline(e->title, out);
            aics_buf_puts(out, linked ? "</a></li>\n" : "</li>\n");
        }
        aics_buf_puts(out, "</ol>\n</li>\n");
    }
    aics_buf_puts(out, "</ol>\n</nav>\n");
}

static void title_block(const book *b, aics_buf *body)
{
    aics_buf_puts(body, "<h1 class=\"book-title\">");
    aics_render_inline(b->outline.title, body);
    aics_buf_puts(body, "</h1>\n<p class=\"subtitle\">陈云霁等《智能计算系统》课后习题的可运行解答。"
                        "书中每一个计算结果、表格和图都由本项目的 C 程序在构建时算出。照录的只有下面这些文献中的数字，"
                        "每处都注明出处，并与程序算出的结果并列对照：习题 2.5 中糖尿病数据的已发表 OLS 系数"
                        "（R 的 <code>lm()</code> 与 scikit-learn 的结果）和 LARS 论文（Efron 等，2004）给出的变量进入次序；"
                        "习题 3.1、3.2 中 AlexNet、VGG、ResNet 论文与 torchvision 文档给出的参数量与运算量；"
                        "习题 7.1 中各加速器的峰值算力、带宽与功耗（厂商数据手册与论文，表中逐项注明）。"
                        "此外，题目本身给定的条件（如习题 6.3、6.8 的带宽）照题目原文。</p>\n");
}

/* Whether book.html and book.md are there to link: being written now, or
 * left by an earlier full build (so --chapter does not churn the index). */
static bool whole_book_exists(const book *b)
{
    if (!b->o->only_chapter) return true;
    char path[4096];
    struct stat st;
    snprintf(path, sizeof path, "%s/book.html", b->o->out_dir);
    if (stat(path, &st) != 0) return false;
    snprintf(path, sizeof path, "%s/book.md", b->o->out_dir);
    return stat(path, &st) == 0;
}

static void render_index(book *b)
{
    progress(b, "rendering %s", "index");
    aics_buf body = AICS_BUF_INIT;
    title_block(b, &body);
    aics_buf_puts(&body, "<h2>目录</h2>\n");
    toc(b, "chapter%d.html", &body);
    if (whole_book_exists(b))
        aics_buf_puts(&body, "<p class=\"formats\">整本书：<a href=\"book.html\">单页版</a>（可打印）· "
                             "<a href=\"book.md\">Markdown 版</a></p>\n");
    aics_buf side = AICS_BUF_INIT;
    aics_nav_sidebar(&b->outline, 0, &side);
    aics_page page = {b->outline.title, body.data, b->outline.title, NULL, "index", side.data, NULL, NULL};
    aics_page_render(&page, new_file(b, "index.html"));
    aics_buf_free(&body), aics_buf_free(&side);
}

static void render_whole(book *b)
{
    progress(b, "rendering %s", "book.html and book.md");
    aics_buf body = AICS_BUF_INIT, chapters = AICS_BUF_INIT, appendix = AICS_BUF_INIT;
    /* On paper, long tables go to an appendix at the end, listed in the contents. */
    int tables = 0;
    aics_long_tables_to_appendix(b->book_html.data, &chapters, &appendix, &tables);
    title_block(b, &body);
    toc(b, "", &body);
    if (tables) {
        const char *close = "</ol>\n</nav>\n";
        AICS_CHECK(body.len >= strlen(close) && strcmp(body.data + body.len - strlen(close), close) == 0,
                   "toc() ends its list with </ol></nav>");
        body.len -= strlen(close);
        aics_buf_printf(&body, "<li><a href=\"#appendix\">附录　长表</a></li>\n%s", close);
    }
    aics_buf_append(&body, chapters.data, chapters.len);
    if (tables) {
        aics_buf_puts(&body, "<h1 id=\"appendix\">附录　长表</h1>\n");
        aics_buf_append(&body, appendix.data, appendix.len);
    }
    aics_buf_free(&appendix), aics_buf_free(&chapters);
    aics_page page = {b->outline.title, body.data, b->outline.title, NULL, "book", NULL, NULL, NULL};
    aics_page_render(&page, new_file(b, "book.html"));
    aics_buf *md = new_file(b, "book.md");
    aics_buf_printf(md, "%% %s\n\n<!-- Generated by aics-book from chapters/; do not edit. -->\n\n",
                    b->outline.title);
    aics_buf_append(md, b->book_md.data, b->book_md.len);
    aics_buf_free(&body);
}

/* The search page and its documents. The documents are a script, not JSON
 * to fetch, so that search works from file:// with no server; the engine is
 * MiniSearch (assets/minisearch.js) with a CJK-aware tokenizer in search.js. */
static void render_search(book *b)
{
    progress(b, "rendering %s", "search.html and search-index.js");
    aics_buf body = AICS_BUF_INIT, side = AICS_BUF_INIT;
    aics_buf_puts(&body, "<h1>搜索</h1>\n<form class=\"search-form\" role=\"search\">"
                         "<input type=\"search\" id=\"search-q\" name=\"q\" placeholder=\"例如：过拟合、反向传播、卷积核\" "
                         "aria-label=\"搜索全书\" autofocus> <button type=\"submit\">搜索</button></form>\n"
                         "<p id=\"search-status\" class=\"search-status\"></p>\n<ol id=\"search-results\" "
                         "class=\"search-results\"></ol>\n<noscript><p>搜索需要 JavaScript。</p></noscript>\n");
    aics_nav_sidebar(&b->outline, 0, &side);
    aics_buf title = AICS_BUF_INIT;
    aics_buf_printf(&title, "搜索 · %s", b->outline.title);
    aics_page page = {title.data, body.data, b->outline.title, NULL, "search", side.data, NULL,
                      "<script src=\"assets/minisearch.js\"></script>\n<script src=\"search-index.js\"></script>\n"
                      "<script src=\"assets/search.js\"></script>\n"};
    aics_page_render(&page, new_file(b, "search.html"));
    aics_buf *js = new_file(b, "search-index.js");
    aics_buf_puts(js, "/* Generated by aics-book: the book's sections for assets/search.js. */\n"
                      "window.AICS_SEARCH_DOCS = [\n");
    aics_buf_append(js, b->search.data, b->search.len);
    aics_buf_puts(js, "\n];\n");
    aics_buf_free(&body), aics_buf_free(&side), aics_buf_free(&title);
}

/* Prose files that the outline does not list would silently miss the book. */
static void warn_unlisted(const book *b)
{
    aics_strmap *listed = aics_strmap_new(); /* "ch2/ex2_7.md" for every exercise */
    for (size_t k = 0; k < b->outline.nch; k++)
        for (size_t i = 0; i < b->outline.ch[k].nex; i++) {
            char md[4200];
            snprintf(md, sizeof md, "%s.md", b->outline.ch[k].ex[i].file);
            aics_strmap_add(listed, md, 0, NULL);
        }
    aics_chapter_files files;
    if (aics_chapter_files_list(b->o->chapters_dir, ".md", &files))
        for (size_t i = 0; i < files.n; i++)
            if (!aics_strmap_get(listed, files.path[i], NULL))
                aics_warn("%s/%s is not in the outline, so it is not in the book", b->o->chapters_dir, files.path[i]);
    aics_chapter_files_free(&files);
    aics_strmap_free(listed);
}

static char *staged_name(const out_file *f)
{
    size_t n = strlen(f->path) + 5;
    char *s = aics_xmalloc(n);
    snprintf(s, n, "%s.new", f->path);
    return s;
}

/* Phase 1: write every changed file beside its target as NAME.new, marking
 * it in changed[]; stop at the first failure. */
static int stage_changed(const book *b, bool *changed, int *nchanged)
{
    for (size_t i = 0; i < b->nfiles; i++) {
        const out_file *f = &b->files[i];
        if (aics_file_has_bytes(f->path, f->data.data, f->data.len)) continue;
        char *staged = staged_name(f);
        int rc = aics_write_file_atomic(staged, f->data.data, f->data.len);
        if (rc < 0) fprintf(stderr, "%s: cannot write %s: %s\n", aics_progname(), staged, aics_file_strerror(errno));
        free(staged);
        if (rc < 0) return AICS_EXIT_FAIL;
        changed[i] = true, ++*nchanged;
    }
    return AICS_EXIT_OK;
}

/* Phase 2: rename the staged files into place (or, after a failure in
 * phase 1, remove them). */
static int commit_staged(const book *b, const bool *changed, int rc)
{
    for (size_t i = 0; i < b->nfiles; i++) {
        if (!changed[i]) continue;
        char *staged = staged_name(&b->files[i]);
        if (rc != AICS_EXIT_OK) {
            remove(staged);
        } else if (!aics_writable_path(b->files[i].path) || rename(staged, b->files[i].path) != 0) {
            fprintf(stderr, "%s: cannot replace %s: %s\n", aics_progname(), b->files[i].path,
                    aics_file_strerror(errno));
            remove(staged);
            rc = AICS_EXIT_FAIL;
        }
        free(staged);
    }
    return rc;
}

/* An error or an interruption before the renames leaves every page as it
 * was; the renames are the shortest window there can be. */
static int write_all(book *b)
{
    bool *changed = aics_xcalloc(b->nfiles ? b->nfiles : 1, sizeof *changed);
    int nchanged = 0;
    int rc = commit_staged(b, changed, stage_changed(b, changed, &nchanged));
    free(changed);
    if (!b->o->quiet && rc == AICS_EXIT_OK)
        fprintf(stderr, "%s: writing %s: %d of %zu files changed\n", aics_progname(), b->o->out_dir, nchanged,
                b->nfiles);
    return rc;
}

/* Whether `name` is one of the files this build writes. */
static bool written(const book *b, const char *name)
{
    size_t n = strlen(b->o->out_dir);
    for (size_t i = 0; i < b->nfiles; i++)
        if (strcmp(b->files[i].path + n + 1, name) == 0) return true;
    return false;
}

/* A full build removes the source pages no excerpt links to any more, so the
 * book is the same as one built into an empty folder. */
static void remove_stale_sources(const book *b)
{
    DIR *d = opendir(b->o->out_dir);
    for (struct dirent *f; d && (f = readdir(d));) {
        size_t n = strlen(f->d_name);
        if (strncmp(f->d_name, "source-", 7) != 0 || n < 12 || strcmp(f->d_name + n - 5, ".html") != 0) continue;
        if (written(b, f->d_name)) continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", b->o->out_dir, f->d_name);
        if (remove(path) == 0) progress(b, "removed %s (no excerpt links to it)", f->d_name);
    }
    if (d) closedir(d);
}

static void free_book(book *b)
{
    for (size_t i = 0; i < b->nfiles; i++) {
        free(b->files[i].path);
        aics_buf_free(&b->files[i].data);
    }
    free(b->files);
    free(b->fig_href);
    for (size_t i = 0; i < b->nsources; i++) free(b->sources[i]);
    free(b->sources);
    aics_buf_free(&b->book_md), aics_buf_free(&b->book_html), aics_buf_free(&b->search);
    aics_sources_free(b->src);
    aics_outline_free(&b->outline);
}

int aics_book_build(const aics_book_opts *o)
{
    book b = {.o = o, .book_md = AICS_BUF_INIT, .book_html = AICS_BUF_INIT, .search = AICS_BUF_INIT};
    char path[4096];
    snprintf(path, sizeof path, "%s/outline.txt", o->chapters_dir);
    aics_outline_load(path, &b.outline);
    if (o->only_chapter && !aics_outline_chapter_find(&b.outline, o->only_chapter))
        aics_die_data(path, 0, 0, "chapter %d is not in the outline", o->only_chapter);
    b.src = aics_sources_new(o->chapters_dir, o->results_dir, o->figures_dir);
    b.fig_href = figure_href(o);
    if (!o->only_chapter) warn_unlisted(&b);
    for (size_t k = 0; k < b.outline.nch; k++)
        if (!o->only_chapter || b.outline.ch[k].number == o->only_chapter) render_chapter(&b, k);
    if (!o->only_chapter) render_whole(&b), render_search(&b);
    for (size_t i = 0; i < b.nsources; i++) render_source(&b, b.sources[i]);
    render_index(&b);
    int rc = write_all(&b);
    if (rc == AICS_EXIT_OK && !o->only_chapter) remove_stale_sources(&b);
    free_book(&b);
    return rc;
}
