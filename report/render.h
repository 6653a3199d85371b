/* render.h — Markdown with math to HTML fragments, through libcmark-gfm.
 *
 * The book's Markdown is CommonMark plus GFM tables, with TeX math protected
 * by mathpass.h. Raw HTML passes through (CMARK_OPT_UNSAFE), because the
 * generator itself writes HTML blocks (figures, verdicts); the prose is ours,
 * not untrusted input.
 */
#ifndef AICS_RENDER_H
#define AICS_RENDER_H

#include <stddef.h>

#include "buf.h"

/* Append the HTML for `len` bytes of Markdown to `out`: math becomes the
 * elements book.js renders with KaTeX. */
void aics_render_html(const char *md, size_t len, aics_buf *out);

/* Append a one-line text (a title or caption) as HTML: math is rendered as
 * in aics_render_html, everything else is escaped; no other Markdown. */
void aics_render_inline(const char *text, aics_buf *out);

/* Append `md` with its ATX headings (outside fenced code) shifted so that the
 * smallest level present becomes `top` (levels are capped at 6). */
void aics_md_shift_headings(const char *md, size_t len, int top, aics_buf *out);

#endif
