/* expand.h — expanding the directives of one prose file (docs/authoring.md).
 *
 *   {{include PROG}}            the program's whole md output        (block)
 *   {{include PROG PART}}       one named part of it                 (block)
 *   {{value PROG KEY [FORMAT]}} one kv value, inline; FORMAT as in aics_format_value
 *   {{claim PROG KEY EXPECTED}} the sentence's claim, decided by the program: an
 *                               error unless kv KEY is EXPECTED (same text or the
 *                               same number); inline, a ✓ mark with the verdict
 *   {{figure NAME [CAPTION]}}   FIGURES/NAME.svg with a numbered caption (block)
 *   {{code FILE ANCHOR}}        the anchored region of chapters/FILE (block)
 *
 * A directive is "{{" directly followed by a lowercase name; `\{{` and text
 * inside code spans or fenced code are left alone. Block directives must
 * stand alone on their line. Every problem — an unknown directive, a missing
 * output, key, part, figure or anchor, a bad argument — ends the program with
 * "prose.md:line:col: message" and exit 2 (columns count characters), before
 * anything has been written.
 *
 * One pass produces two Markdown texts: `page` (figures as <figure> HTML
 * blocks, for cmark and the HTML pages) and `plain` (figures as Markdown
 * images, for book.md). A figure missing because gnuplot is not installed
 * becomes a visible placeholder with a warning, or an error when `strict`.
 */
#ifndef AICS_EXPAND_H
#define AICS_EXPAND_H

#include <stdbool.h>

#include "buf.h"
#include "sources.h"

typedef struct {
    aics_sources *src;
    const char *fig_href; /* figure links relative to the page, like "fig" */
    bool strict;
    int chapter;          /* for figure numbers "图 2.1" */
    int figures;          /* figures numbered so far in this chapter */
    char **progs;         /* programs the prose referred to, in first-use order */
    size_t nprogs;
    char **files;         /* source files {{code}} showed, relative to chapters/ (no duplicates) */
    size_t nfiles;
} aics_expand_ctx;

/* Expand `text`, the contents of prose file `path`, appending to both outputs. */
void aics_expand(aics_expand_ctx *ctx, const char *path, const char *text, aics_buf *page,
                 aics_buf *plain);

/* Record `prog` as referred to (no duplicates). */
void aics_expand_note_prog(aics_expand_ctx *ctx, const char *prog);

/* The page that shows source file `rel` ("ch2/ex2_7.c", "../src/models/mlp.c")
 * whole: "source-ch2-ex2_7.c.html", "source-src-models-mlp.c.html". */
void aics_source_page_name(const char *rel, aics_buf *out);

/* The name a reader sees for source file `rel`, as the project names it:
 * "ch2/ex2_7.c", "src/models/mlp.c" (no "../"). A pointer into rel. */
const char *aics_source_shown_name(const char *rel);

/* Forget the source files noted so far. */
void aics_expand_clear_files(aics_expand_ctx *ctx);

/* Forget the programs noted so far (between exercises). */
void aics_expand_clear_progs(aics_expand_ctx *ctx);


#endif
