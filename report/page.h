/* page.h — the HTML around the rendered prose: page shell, headings, verdicts.
 *
 * Every page is a complete HTML5 document: <html lang="zh-CN">, <meta
 * charset="utf-8">, the book's stylesheet and KaTeX from assets/ (never the
 * network), and book.js, which renders the math elements of mathpass.h,
 * highlights code and runs the phone menu. With a sidebar, the page is a grid:
 * sidebar, text, and the page's contents beside it on a wide screen; on a
 * phone the sidebar is a menu behind the header's button.
 * Nothing here depends on the time or on absolute paths.
 */
#ifndef AICS_PAGE_H
#define AICS_PAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

typedef struct {
    const char *title;      /* for <title>, plain text (escaped here) */
    const char *body;       /* the HTML inside <main> */
    const char *book_title; /* plain text, shown in the header */
    const char *nav;        /* HTML of the pager at the bottom, or NULL */
    const char *main_class; /* class of <main>, like "chapter" */
    const char *sidebar;    /* HTML of the whole-book sidebar (nav.h), or NULL */
    const char *toc;        /* HTML of "本页目录" (nav.h), or NULL */
    const char *scripts;    /* extra <script> elements for the end of <body>, or NULL */
} aics_page;

/* Append the whole document for `p`. */
void aics_page_render(const aics_page *p, aics_buf *out);

/* One self-check verdict to show with an exercise. */
typedef struct {
    const char *prog;  /* "ex2_7" */
    const char *key;   /* "phi.check" */
    const char *label; /* what was checked (Markdown/math allowed) or NULL */
    bool pass;
} aics_verdict;

/* Append the verdict box as HTML and as Markdown (nothing when n is 0). */
void aics_verdicts_html(const aics_verdict *v, size_t n, aics_buf *out);
void aics_verdicts_md(const aics_verdict *v, size_t n, aics_buf *out);

/* Whether a kv value is a self-check verdict ("pass" or "fail"). */
bool aics_verdict_word(const char *value, bool *pass);

#endif
