/* book.h — weaving the answer book from the outline, the prose and the outputs.
 *
 * aics_book_build() renders, in memory and in this order:
 *   chapterN.html  one page per chapter of the outline (or only --chapter N);
 *   book.html      the whole book on one page (for reading and for the PDF);
 *   book.md        the whole book as one Markdown file;
 *   index.html     the title and the table of contents.
 * book.html and book.md are left alone when only one chapter is rendered.
 * Only when everything has rendered without error are the files written:
 * first every file whose bytes changed goes to NAME.new beside it (itself
 * written atomically, fileio.h), then all of them are renamed into place. So
 * an error writes nothing, an interruption before the renames leaves the old
 * book whole, and a no-op build touches nothing. The pages hold
 * no timestamps and no absolute paths, so two builds are byte-identical.
 *
 * Pages link assets/book.css, assets/book.js and assets/katex/ relative to
 * the output folder; the Makefile copies them there.
 */
#ifndef AICS_BOOK_H
#define AICS_BOOK_H

#include <stdbool.h>

typedef struct {
    const char *chapters_dir; /* holds outline.txt and chN/exN_M.md, .c */
    const char *results_dir;  /* NAME.md and NAME.kv of every program run */
    const char *figures_dir;  /* NAME.svg; normally OUT/fig */
    const char *out_dir;
    bool strict;              /* a figure missing for want of gnuplot, or a failed self-check, is an error */
    bool quiet;               /* no progress lines */
    int only_chapter;         /* 0: the whole book */
} aics_book_opts;

/* Build the book; returns the exit code (errors in the sources exit 2 from
 * inside, with a file:line:col message). */
int aics_book_build(const aics_book_opts *o);

#endif
