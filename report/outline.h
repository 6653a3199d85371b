/* outline.h — the book outline, chapters/outline.txt.
 *
 * One entry per line, in book order; blank lines and lines starting with '#'
 * are ignored:
 *
 *   title 《智能计算系统》习题解答          the book's title (once, optional)
 *   chapter 2 神经网络基础                  chapter number (1–99) and title
 *   exercise ch2/ex2_7 2.6、2.7 TITLE       prose file under chapters/ without
 *                                           ".md", the exercise numbers (one
 *                                           word), and the title
 *
 * Every exercise belongs to the chapter line above it. Any other line, a
 * repeated chapter, or a file name that is not [a-z0-9_/]+ is an error
 * reported as "outline.txt:line:col: message" (exit 2).
 */
#ifndef AICS_OUTLINE_H
#define AICS_OUTLINE_H

#include <stddef.h>

typedef struct {
    char *file;    /* "ch2/ex2_7" */
    char *id;      /* "ex2_7": the last path component, used as HTML id */
    char *numbers; /* "2.6、2.7" */
    char *title;
    long line;     /* where the outline names it, for error messages */
} aics_outline_exercise;

typedef struct {
    int number;
    char *title;
    aics_outline_exercise *ex;
    size_t nex;
    long line;
} aics_outline_chapter;

typedef struct {
    char *path;  /* the outline file, for messages */
    char *title; /* never NULL */
    aics_outline_chapter *ch;
    size_t nch;
} aics_outline;

/* Parse `text` read from `path`; on error print it and exit 2. */
void aics_outline_parse(const char *text, const char *path, aics_outline *out);

/* Read and parse `path`; a missing file is an error too. */
void aics_outline_load(const char *path, aics_outline *out);

/* The chapter with `number`, or NULL. */
const aics_outline_chapter *aics_outline_chapter_find(const aics_outline *o, int number);

void aics_outline_free(aics_outline *o);

#endif
