/* mathpass.h — keeping TeX math away from the Markdown parser.
 *
 * Markdown would read `_` in `$x_1 + y_1$` as emphasis, `\{` as an escape and
 * `|` inside a table cell as a column break. So before cmark sees the text,
 * every `$…$` (inline) and `$$…$$` (display) is cut out and replaced by a
 * placeholder made of Unicode private-use characters (U+E000 digits U+E001),
 * which no Markdown rule touches. After cmark has rendered HTML, the
 * placeholders are replaced by elements that report/assets/book.js hands to
 * KaTeX:
 *
 *   inline   <span class="math">TeX</span>
 *   display  <div class="math display">TeX</div>   (a paragraph of its own)
 *            <span class="math display">TeX</span> (anywhere else)
 *   inside a tag (an image's alt text) the TeX itself, escaped
 *
 * The rules (close to pandoc's): an opening `$` must be followed by a
 * non-space; a closing `$` must follow a non-space and must not be followed
 * by a digit; and since TeX ends inline math at any `$`, an opening `$` whose
 * next `$` cannot close is no math at all. So "$5 and $10" is not math, and
 * "from $5 to $x$" holds one formula, x. `\$` is a literal dollar. Math never
 * crosses a blank line, and inline math holds no backtick (a code span wins).
 * Nothing inside a code span or a fenced code block is math; indented code
 * blocks are not recognised (use fences). Math that starts in a block quote
 * loses the "> " markers of the lines it continues on.
 */
#ifndef AICS_MATHPASS_H
#define AICS_MATHPASS_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

typedef enum {
    AICS_SPAN_TEXT,    /* ordinary Markdown */
    AICS_SPAN_CODE,    /* a code span or a whole fenced code block */
    AICS_SPAN_MATH,    /* $…$, delimiters included */
    AICS_SPAN_DISPLAY  /* $$…$$, delimiters included */
} aics_span_kind;

typedef struct {
    aics_span_kind kind;
    size_t start, end; /* byte offsets [start, end) into the text */
} aics_span;

typedef struct {
    aics_span *v;
    size_t n, cap;
} aics_spans;

/* Split `len` bytes of Markdown into consecutive spans covering all of it.
 * With `math` false only TEXT and CODE spans are produced. Free with
 * aics_spans_free(). */
void aics_md_spans(const char *md, size_t len, bool math, aics_spans *out);
void aics_spans_free(aics_spans *s);

/* The math cut out of one document, in order; placeholder i refers to v[i]. */
typedef struct {
    char **tex;    /* the TeX between the delimiters */
    bool *display;
    size_t n, cap;
} aics_mathset;

#define AICS_MATHSET_INIT {NULL, NULL, 0, 0}

/* Append `md` with its math replaced by placeholders to `out`, recording the
 * math in `set` (which may already hold math from earlier calls). */
void aics_math_protect(const char *md, size_t len, aics_mathset *set, aics_buf *out);

/* Append `html` with every placeholder of `set` replaced by its element (TeX
 * escaped for HTML) to `out`. Unknown placeholders are copied unchanged. */
void aics_math_restore_html(const char *html, const aics_mathset *set, aics_buf *out);

/* Append `text` with every placeholder put back as `$TeX$` / `$$TeX$$`
 * (the source again, except for block-quote markers inside math). */
void aics_math_restore_md(const char *text, const aics_mathset *set, aics_buf *out);

void aics_mathset_free(aics_mathset *set);

/* Append `s` (n bytes) escaped for HTML text and attributes (&, <, >, "). */
void aics_html_escape(aics_buf *out, const char *s, size_t n);

#endif
