/* nav.c — heading anchors, page contents, sidebar, search documents (see nav.h). */
#include "nav.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "json.h"
#include "mathpass.h"
#include "plain.h"
#include "render.h"

void aics_nav_add(aics_nav_page *page, int level, const char *id, const char *title_html)
{
    page->h = aics_xrealloc(page->h, (page->n + 1) * sizeof *page->h);
    page->h[page->n++] = (aics_nav_heading){level, aics_xstrdup(id), aics_xstrdup(title_html), aics_xstrdup("")};
}

void aics_nav_page_free(aics_nav_page *page)
{
    for (size_t i = 0; i < page->n; i++) free(page->h[i].id), free(page->h[i].title), free(page->h[i].text);
    free(page->h);
    *page = (aics_nav_page){0};
}

/* Append c to out, a run of white space as one space. */
static void put_plain(aics_buf *out, char c)
{
    bool space = out->len == 0 || out->data[out->len - 1] == ' ';
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
        if (!space) aics_buf_putc(out, ' ');
    } else {
        aics_buf_putc(out, c);
    }
}

/* The character of the entity at s (of n bytes), its length in *len; else 0. */
static char entity(const char *s, size_t n, size_t *len)
{
    static const struct { const char *ent; char c; } ents[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
    for (size_t k = 0; k < sizeof ents / sizeof *ents; k++) {
        *len = strlen(ents[k].ent);
        if (*len <= n && memcmp(s, ents[k].ent, *len) == 0) return ents[k].c;
    }
    return 0;
}

/* Whether the tag [t, e] (e at its '>') opens a math element (mathpass.h). */
static bool math_tag(const char *t, const char *e)
{
    static const char *const opens[] = {"<span class=\"math", "<div class=\"math"};
    for (size_t k = 0; k < 2; k++) {
        size_t l = strlen(opens[k]);
        if ((size_t)(e - t) >= l && memcmp(t, opens[k], l) == 0) return true;
    }
    return false;
}

/* The TeX of the math element whose start tag ends at `gt`, written as plain
 * text (src/results/plain.h: $\lambda$ -> λ) to out; returns its end tag's
 * '>' (the element holds no other tag), or gt when it does not end before `end`. */
static const char *plain_math(const char *gt, const char *end, aics_buf *out)
{
    const char *close = memchr(gt + 1, '<', (size_t)(end - gt - 1));
    const char *close_gt = close ? memchr(close, '>', (size_t)(end - close)) : NULL;
    if (!close_gt) return gt;
    aics_buf tex = AICS_BUF_INIT, text = AICS_BUF_INIT;
    aics_buf_putc(&tex, '$');
    for (const char *p = gt + 1; p < close; p++) {
        size_t len = 1;
        char c = *p == '&' ? entity(p, (size_t)(close - p), &len) : 0;
        aics_buf_putc(&tex, c ? c : *p);
        if (c) p += len - 1;
    }
    aics_buf_putc(&tex, '$');
    aics_plain(tex.data, &text);
    put_plain(out, ' ');
    for (size_t k = 0; k < text.len; k++) put_plain(out, text.data[k]);
    aics_buf_free(&tex), aics_buf_free(&text);
    return close_gt;
}

/* Elements a reader skims past, left out of the search text: code excerpts
 * and their "完整源文件" links (search snippets would show code). */
static const char *skipped_element(const char *t, const char *e, const char *end)
{
    static const struct { const char *open, *close; } skip[] = {
        {"<pre", "</pre>"}, {"<p class=\"code-source\"", "</p>"}};
    for (size_t k = 0; k < sizeof skip / sizeof *skip; k++) {
        size_t l = strlen(skip[k].open);
        if ((size_t)(e - t) < l || memcmp(t, skip[k].open, l) != 0) continue;
        for (const char *p = e; p && p < end; p = memchr(p + 1, '<', (size_t)(end - p - 1))) {
            size_t c = strlen(skip[k].close);
            if ((size_t)(end - p) >= c && memcmp(p, skip[k].close, c) == 0) return p + c - 1;
        }
        return end - 1;
    }
    return e;
}

/* The plain text of HTML [s, s+n): tags dropped, the common entities decoded,
 * white space collapsed to single spaces. With `reader`, the text as a reader
 * sees it: math elements become their plain form (λ, a/b) instead of their
 * TeX source, and code blocks are left out. */
static void plain_text(const char *s, size_t n, bool reader, aics_buf *out)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '<') {
            const char *e = memchr(s + i, '>', n - i);
            if (e && reader && math_tag(s + i, e)) e = plain_math(e, s + n, out);
            else if (e && reader) e = skipped_element(s + i, e, s + n);
            i = e ? (size_t)(e - s) : n;
            c = ' ';
        } else if (c == '&') {
            size_t len;
            char d = entity(s + i, n - i, &len);
            if (d) c = d, i += len - 1;
        }
        put_plain(out, c);
    }
}

/* "ex2_5-" + the heading's letters, digits and non-ASCII characters, other
 * runs made one '-'; a repeat gets "-2", "-3"…. */
static char *heading_id(const aics_nav_page *page, const char *ex, const char *title, size_t n)
{
    aics_buf text = AICS_BUF_INIT, id = AICS_BUF_INIT;
    plain_text(title, n, false, &text); /* ids stay as they were: links into the book keep working */
    aics_buf_printf(&id, "%s-", ex);
    for (size_t i = 0; i < text.len; i++) {
        unsigned char c = (unsigned char)text.data[i];
        bool keep = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        if (keep) aics_buf_putc(&id, (char)c);
        else if (id.data[id.len - 1] != '-') aics_buf_putc(&id, '-');
    }
    while (id.len > strlen(ex) + 1 && id.data[id.len - 1] == '-') id.data[--id.len] = '\0';
    size_t base = id.len;
    for (int k = 2;; k++) {
        bool taken = false;
        for (size_t i = 0; i < page->n && !taken; i++) taken = strcmp(page->h[i].id, id.data) == 0;
        if (!taken) break;
        id.len = base;
        aics_buf_printf(&id, "-%d", k);
    }
    aics_buf_free(&text);
    return aics_buf_take(&id);
}

static void add_text(aics_nav_page *page, const char *s, size_t n)
{
    if (page->n == 0) return;
    aics_buf b = AICS_BUF_INIT;
    aics_buf_puts(&b, page->h[page->n - 1].text);
    plain_text(s, n, true, &b);
    free(page->h[page->n - 1].text);
    page->h[page->n - 1].text = aics_buf_take(&b);
}

/* The next "<h3>" or "<h4>" at or after `p`, or NULL. */
static const char *next_heading(const char *p, int *level)
{
    for (const char *h = strstr(p, "<h"); h; h = strstr(h + 2, "<h")) {
        if ((h[2] == '3' || h[2] == '4') && h[3] == '>') {
            *level = h[2] - '0';
            return h;
        }
    }
    return NULL;
}

void aics_nav_headings(const char *html, const char *exercise_id, aics_nav_page *page, aics_buf *out)
{
    const char *p = html, *h;
    int level;
    while ((h = next_heading(p, &level))) {
        char close[6];
        snprintf(close, sizeof close, "</h%d>", level);
        const char *inner = h + 4, *end = strstr(inner, close);
        if (!end) break;
        aics_buf_append(out, p, (size_t)(h - p));
        add_text(page, p, (size_t)(h - p));
        char *id = heading_id(page, exercise_id, inner, (size_t)(end - inner));
        aics_buf_printf(out, "<h%d id=\"%s\">", level, id);
        aics_buf_append(out, inner, (size_t)(end - inner));
        aics_buf_printf(out, "<a class=\"anchor\" href=\"#%s\" aria-label=\"本节链接\">#</a></h%d>", id, level);
        aics_buf title = AICS_BUF_INIT;
        aics_buf_append(&title, inner, (size_t)(end - inner));
        aics_nav_add(page, level, id, title.data);
        add_text(page, inner, (size_t)(end - inner));
        aics_buf_free(&title), free(id);
        p = end + 5;
    }
    aics_buf_puts(out, p);
    add_text(page, p, strlen(p));
}

void aics_nav_page_toc(const aics_nav_page *page, aics_buf *out)
{
    size_t listed = 0;
    for (size_t i = 0; i < page->n; i++) listed += page->h[i].level <= 3;
    if (listed < 2) return;
    aics_buf_puts(out, "<details class=\"page-toc\" open>\n<summary>本页目录</summary>\n<ul>\n");
    for (size_t i = 0; i < page->n; i++) {
        if (page->h[i].level > 3) continue;
        aics_buf_printf(out, "<li class=\"toc-h%d\"><a href=\"#%s\">%s</a></li>\n", page->h[i].level, page->h[i].id,
                        page->h[i].title);
    }
    aics_buf_puts(out, "</ul>\n</details>\n");
}

void aics_nav_sidebar(const aics_outline *o, int current, aics_buf *out)
{
    aics_buf_puts(out, "<nav class=\"sidebar\" id=\"sidebar\" aria-label=\"全书目录\">\n"
                       "<form class=\"search-box\" action=\"search.html\" role=\"search\">"
                       "<input type=\"search\" name=\"q\" placeholder=\"搜索全书\" aria-label=\"搜索全书\"></form>\n"
                       "<ol>\n");
    for (size_t k = 0; k < o->nch; k++) {
        const aics_outline_chapter *c = &o->ch[k];
        bool cur = c->number == current;
        aics_buf_printf(out, "<li%s><a href=\"chapter%d.html\"%s>第 %d 章 ", cur ? " class=\"current\"" : "",
                        c->number, cur ? " aria-current=\"page\"" : "", c->number);
        aics_render_inline(c->title, out);
        aics_buf_puts(out, "</a>\n<ol>\n");
        for (size_t i = 0; i < c->nex; i++) {
            aics_buf_printf(out, "<li><a href=\"chapter%d.html#%s\">", c->number, c->ex[i].id);
            aics_render_inline(c->ex[i].numbers, out);
            aics_buf_puts(out, " ");
            aics_render_inline(c->ex[i].title, out);
            aics_buf_puts(out, "</a></li>\n");
        }
        aics_buf_puts(out, "</ol>\n</li>\n");
    }
    aics_buf_puts(out, "</ol>\n</nav>\n");
}

void aics_nav_search_docs(const aics_nav_page *page, const char *href, const char *page_title, aics_buf *json)
{
    for (size_t i = 0; i < page->n; i++) {
        const aics_nav_heading *h = &page->h[i];
        aics_buf title = AICS_BUF_INIT;
        plain_text(h->title, strlen(h->title), true, &title);
        if (json->len) aics_buf_puts(json, ",\n");
        aics_buf_puts(json, "{\"page\":");
        aics_json_string(json, href, strlen(href), AICS_JSON_IN_SCRIPT);
        aics_buf_puts(json, ",\"anchor\":");
        aics_json_string(json, h->id, strlen(h->id), AICS_JSON_IN_SCRIPT);
        aics_buf_puts(json, ",\"where\":");
        aics_json_string(json, page_title, strlen(page_title), AICS_JSON_IN_SCRIPT);
        aics_buf_puts(json, ",\"title\":");
        aics_json_string(json, title.data, title.len, AICS_JSON_IN_SCRIPT);
        aics_buf_puts(json, ",\"text\":");
        aics_json_string(json, h->text, strlen(h->text), AICS_JSON_IN_SCRIPT);
        aics_buf_puts(json, "}");
        aics_buf_free(&title);
    }
}
