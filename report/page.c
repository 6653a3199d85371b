/* page.c — page shell and verdict boxes (see page.h). */
#include "page.h"

#include <string.h>

#include "mathpass.h"
#include "render.h"

static void esc(aics_buf *out, const char *s) { aics_html_escape(out, s, strlen(s)); }

void aics_page_render(const aics_page *p, aics_buf *out)
{
    aics_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                       "<meta name=\"generator\" content=\"aics-book\">\n<title>");
    esc(out, p->title);
    aics_buf_puts(out, "</title>\n"
                       "<link rel=\"stylesheet\" href=\"assets/katex/katex.min.css\">\n"
                       "<link rel=\"stylesheet\" href=\"assets/book.css\">\n"
                       "<script defer src=\"assets/katex/katex.min.js\"></script>\n"
                       "<script defer src=\"assets/highlight.min.js\"></script>\n"
                       "<script defer src=\"assets/book.js\"></script>\n"
                       "</head>\n<body>\n<header class=\"book-header\">");
    if (p->sidebar)
        aics_buf_puts(out, "<button type=\"button\" class=\"menu-toggle\" aria-controls=\"sidebar\" "
                           "aria-expanded=\"false\">☰ 目录</button>");
    aics_buf_puts(out, "<a class=\"home\" href=\"index.html\">");
    esc(out, p->book_title);
    aics_buf_puts(out, "</a><a class=\"search-link\" href=\"search.html\">搜索</a></header>\n");
    aics_buf_printf(out, "<div class=\"layout%s\">\n", p->sidebar ? " with-sidebar" : "");
    if (p->sidebar) aics_buf_puts(out, p->sidebar);
    if (p->toc && *p->toc) aics_buf_printf(out, "<aside class=\"toc-col\">\n%s</aside>\n", p->toc);
    aics_buf_printf(out, "<main class=\"%s\">\n", p->main_class);
    aics_buf_puts(out, p->body);
    aics_buf_puts(out, "</main>\n</div>\n");
    if (p->nav) aics_buf_puts(out, p->nav);
    if (p->scripts) aics_buf_puts(out, p->scripts);
    aics_buf_puts(out, "</body>\n</html>\n");
}

bool aics_verdict_word(const char *value, bool *pass)
{
    if (strcmp(value, "pass") == 0) return *pass = true;
    if (strcmp(value, "fail") == 0) return !(*pass = false);
    return false;
}

void aics_verdicts_html(const aics_verdict *v, size_t n, aics_buf *out)
{
    if (n == 0) return;
    aics_buf_puts(out, "<div class=\"verdicts\">\n<p class=\"verdicts-title\">程序自检</p>\n<ul>\n");
    for (size_t i = 0; i < n; i++) {
        /* Program and key are for graders: a tooltip, not text in the reader's way. */
        aics_buf_printf(out, "<li class=\"%s\" title=\"%s %s\"><span class=\"badge\">%s</span> ",
                        v[i].pass ? "pass" : "fail", v[i].prog, v[i].key, v[i].pass ? "✓ 通过" : "✗ 未通过");
        aics_render_inline(v[i].label ? v[i].label : v[i].key, out);
        aics_buf_puts(out, "</li>\n");
    }
    aics_buf_puts(out, "</ul>\n</div>\n");
}

void aics_verdicts_md(const aics_verdict *v, size_t n, aics_buf *out)
{
    if (n == 0) return;
    aics_buf_puts(out, "**程序自检**\n\n");
    for (size_t i = 0; i < n; i++)
        aics_buf_printf(out, "- %s %s（`%s` 的 `%s`）\n", v[i].pass ? "✓ 通过：" : "✗ 未通过：",
                        v[i].label ? v[i].label : v[i].key, v[i].prog, v[i].key);
    aics_buf_puts(out, "\n");
}
