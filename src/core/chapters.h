/* chapters.h — the one walk over a chapters folder's chN/ subfolders.
 *
 * The book, its staleness lint and its outline check need "every
 * chN/NAME.md", the grader every solutions/chN/NAME.kv; this lists them once,
 * the same way for each: subfolders named "ch" and digits (real folders, not
 * symbolic links), files ending in the given extension (dot files left out),
 * as "chN/NAME.ext", sorted by byte order so that every run lists (and
 * warns) in the same order.
 */
#ifndef AICS_CHAPTERS_H
#define AICS_CHAPTERS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    char **path; /* "ch2/ex2_7.md", sorted */
    size_t n;
} aics_chapter_files;

/* List DIR/chN/NAME`ext` into `out`. False (errno set) when DIR cannot be
 * opened; chN entries that are not folders (or are links) are skipped. */
bool aics_chapter_files_list(const char *dir, const char *ext, aics_chapter_files *out);

void aics_chapter_files_free(aics_chapter_files *f);

#endif
