/* nav.h — finding one's way in the book: heading anchors, the page's own
 * contents ("本页目录"), the whole-book sidebar and the search documents.
 *
 * The generator renders an exercise to HTML, then hands it to
 * aics_nav_headings(), which gives every <h3> and <h4> an id (the exercise's
 * id, '-', the heading's text: "ex2_5-计数约定"; "-2", "-3"… when a text
 * repeats) and a "#" link to itself, and records each h2/h3 for the page's
 * contents and every section for the search index. Ids depend only on the
 * text, so two builds are identical and links survive a rebuild.
 */
#ifndef AICS_NAV_H
#define AICS_NAV_H

#include <stddef.h>

#include "buf.h"
#include "outline.h"

/* One heading of a page, and the text of the section it starts. */
typedef struct {
    int level;     /* 2 or 3 (4 is anchored, but neither listed nor split) */
    char *id;
    char *title;   /* inner HTML, anchors removed */
    char *text;    /* the section's plain text, for search */
} aics_nav_heading;

typedef struct {
    aics_nav_heading *h;
    size_t n;
} aics_nav_page;

/* Copy `html` (one exercise's rendered prose, inside the <section> whose <h2>
 * the caller wrote) to `out`, anchoring its h3/h4; append its headings to
 * `page`. `exercise_id` prefixes the ids. The exercise's own h2 must have
 * been added first with aics_nav_add(). */
void aics_nav_headings(const char *html, const char *exercise_id, aics_nav_page *page, aics_buf *out);

/* Record a heading the caller wrote itself (an exercise's h2). */
void aics_nav_add(aics_nav_page *page, int level, const char *id, const char *title_html);

/* Append the "本页目录" list of the page's h2 and h3 (nothing when it has
 * fewer than two). */
void aics_nav_page_toc(const aics_nav_page *page, aics_buf *out);

/* Append the sidebar: the search box, then every chapter and its exercises;
 * chapter `current` (0 for none) is marked as the current page. */
void aics_nav_sidebar(const aics_outline *o, int current, aics_buf *out);

/* Append the page's sections to the search documents, a JSON array body
 * (entries separated by ",\n"): page file, anchor, title, plain text. */
void aics_nav_search_docs(const aics_nav_page *page, const char *href, const char *page_title,
                          aics_buf *json);

void aics_nav_page_free(aics_nav_page *page);

#endif
