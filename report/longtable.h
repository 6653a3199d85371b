/* longtable.h — long tables (per-layer counts) out of the reader's way.
 *
 * On a chapter page a table with more than AICS_LONG_TABLE_ROWS body rows is
 * shown as its header and last row (the total), followed by a <details>
 * element, closed, holding the whole table. In the printed book (book.html,
 * and so the PDF) that <details> becomes a one-line reference, and the
 * table moves to an appendix at the end, under the title of the heading it
 * stood under.
 */
#ifndef AICS_LONGTABLE_H
#define AICS_LONGTABLE_H

#include "buf.h"

#define AICS_LONG_TABLE_ROWS 30

/* Copy rendered HTML to `out`, collapsing every long table as above. */
void aics_collapse_long_tables(const char *html, aics_buf *out);

/* Copy a page body made by aics_collapse_long_tables() to `body`, moving each
 * collapsed table to `appendix` (a heading and the table per entry); `count`
 * numbers them across calls. */
void aics_long_tables_to_appendix(const char *html, aics_buf *body, aics_buf *appendix, int *count);

#endif
