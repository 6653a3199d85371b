/* longtable.c — long tables collapsed, or moved to an appendix (see longtable.h). */
#include "longtable.h"

#include <stdbool.h>
#include <string.h>

#define OPEN_MARK "<details class=\"long-table\""
#define CLOSE_MARK "</details><!-- long-table -->"

static size_t count(const char *s, const char *end, const char *what)
{
    size_t n = 0;
    for (const char *p = strstr(s, what); p && p < end; p = strstr(p + 1, what)) n++;
    return n;
}

/* The plain text of the last heading of levels [lo, hi] in html[0, at). */
static void last_heading(const char *html, size_t at, char lo, char hi, aics_buf *out)
{
    const char *best = NULL;
    for (const char *p = strstr(html, "<h"); p && (size_t)(p - html) < at; p = strstr(p + 2, "<h"))
        if (p[2] >= lo && p[2] <= hi) best = p;
    if (!best) return;
    const char *s = strchr(best, '>'), *e = strstr(best, "</h");
    bool tag = false;
    for (s = s ? s + 1 : best; s && e && s < e; s++) {
        if (*s == '<') tag = true;
        else if (*s == '>') tag = false;
        else if (!tag && !(s[0] == '#' && s[1] == '<')) aics_buf_putc(out, *s);
    }
}

/* One long table [t, e) with `rows` body rows: header and last row, then all. */
static void collapse(const char *html, const char *t, const char *e, size_t rows, aics_buf *out)
{
    const char *body = strstr(t, "<tbody>"), *last = NULL;
    for (const char *p = strstr(body, "<tr"); p && p < e; p = strstr(p + 3, "<tr")) last = p;
    const char *last_end = strstr(last, "</tr>") + strlen("</tr>");
    aics_buf title = AICS_BUF_INIT;
    last_heading(html, (size_t)(t - html), '2', '2', &title); /* the exercise, */
    aics_buf_puts(&title, " · ");
    last_heading(html, (size_t)(t - html), '3', '4', &title); /* and the table's own heading */
    aics_buf_append(out, t, (size_t)(body - t));
    aics_buf_puts(out, "<tbody>\n");
    aics_buf_append(out, last, (size_t)(last_end - last));
    aics_buf_puts(out, "\n</tbody>\n</table>\n");
    aics_buf_printf(out, OPEN_MARK " data-title=\"%s\">\n<summary>展开全部 %zu 行</summary>\n",
                    title.data, rows);
    aics_buf_append(out, t, (size_t)(e - t));
    aics_buf_puts(out, "\n" CLOSE_MARK);
    aics_buf_free(&title);
}

void aics_collapse_long_tables(const char *html, aics_buf *out)
{
    const char *p = html, *t;
    while ((t = strstr(p, "<table>"))) {
        const char *e = strstr(t, "</table>");
        if (!e) break;
        e += strlen("</table>");
        const char *body = strstr(t, "<tbody>");
        size_t rows = body && body < e ? count(body, e, "<tr") : 0;
        aics_buf_append(out, p, (size_t)(t - p));
        if (rows > AICS_LONG_TABLE_ROWS) collapse(html, t, e, rows, out);
        else aics_buf_append(out, t, (size_t)(e - t));
        p = e;
    }
    aics_buf_puts(out, p);
}

void aics_long_tables_to_appendix(const char *html, aics_buf *body, aics_buf *appendix, int *n)
{
    const char *p = html, *d;
    while ((d = strstr(p, OPEN_MARK))) {
        const char *e = strstr(d, CLOSE_MARK);
        if (!e) break;
        const char *title = strstr(d, "data-title=\"") + strlen("data-title=\""), *tend = strchr(title, '"');
        const char *table = strstr(d, "<table>");
        ++*n;
        aics_buf_append(body, p, (size_t)(d - p));
        aics_buf_printf(body, "<p class=\"appendix-ref\">完整的表见<a href=\"#appendix-%d\">附录表 %d</a>。</p>", *n, *n);
        aics_buf_printf(appendix, "<h3 id=\"appendix-%d\">附录表 %d　", *n, *n);
        aics_buf_append(appendix, title, (size_t)(tend - title));
        aics_buf_puts(appendix, "</h3>\n");
        aics_buf_append(appendix, table, (size_t)(e - table));
        aics_buf_puts(appendix, "\n");
        p = e + strlen(CLOSE_MARK);
    }
    aics_buf_puts(body, p);
}
