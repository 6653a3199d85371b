/* reader.h — the one line reader and the one parse context of the text
 * readers (kv, csv, grading specs, the chapter-7 assembler, prototxt).
 *
 * A reader keeps an aics_reader for the file it reads: the path and the
 * line for its messages, the caller's error buffer, and, when the format is
 * line by line, the text still to read. Errors are "path:line:col: message"
 * (col left out when 0), and the first one is kept: a reader stops at it.
 *
 *     aics_reader r = {.path = path, .err = err, .errsz = errsz};
 *     if (!aics_reader_start(&r, text, len, AICS_REFUSE_NUL))
 *         return aics_reader_fail(&r, 1, 1, "binary file; expected kv text");
 *     for (aics_line l; aics_reader_next(&r, &l);)
 *         if (!parse_line(&r, &l)) return false;
 *
 * The text need not end in a NUL: the reader never reads past `len` bytes.
 * A UTF-8 byte-order mark is skipped once, at the start; a line ends at
 * '\n', and the '\r' of a CRLF line end is not part of the line; a last line
 * without a line end is a line. Columns count bytes from 1 at the start of
 * the line (after the BOM on line 1).
 */
#ifndef AICS_READER_H
#define AICS_READER_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* What aics_reader_start refuses as a binary file. */
typedef enum {
    AICS_REFUSE_NONE,   /* accept any bytes */
    AICS_REFUSE_NUL,    /* a NUL byte */
    AICS_REFUSE_BINARY  /* a NUL byte or invalid UTF-8 (aics_find_binary) */
} aics_refuse;

typedef struct {
    const char *path; /* the file, for messages */
    long line;        /* the current line, 1-based; 0 before the first */
    long col;         /* where a refused byte is (aics_reader_start); else free */
    char *err;        /* the first error, "path:line:col: message"; may be NULL */
    size_t errsz;
    bool failed;      /* an error was reported */
    const char *text; /* the text being read line by line, after its BOM */
    size_t len, pos;
} aics_reader;

/* One line of the text: `n` bytes at `s`, without its line end (not
 * NUL-terminated); `no` is its 1-based number. */
typedef struct {
    const char *s;
    size_t n;
    long no;
} aics_line;

/* Start reading `len` bytes of `text` line by line (r->line = 0), after a
 * BOM. Returns false, with r->line and r->col set to where the first
 * refused byte is (the column in characters, a BOM being one), when the
 * text is binary as `refuse` says; the caller words the message. */
bool aics_reader_start(aics_reader *r, const char *text, size_t len, aics_refuse refuse);

/* The next line into *l, and r->line = l->no; false at the end of the text. */
bool aics_reader_next(aics_reader *r, aics_line *l);

/* A NUL-terminated copy of line `l`, for a parser that cuts it up in place;
 * the caller frees it. */
char *aics_line_dup(const aics_line *l);

/* Report "path:line:col: message" into r->err (as aics_format_error; a NULL
 * path is "<input>"; "path: message" when line is 0: the whole file), unless an error was reported already: the first one
 * is the one to report. Returns false, so that `return aics_reader_fail(…)`
 * ends a parse. */
bool aics_reader_fail(aics_reader *r, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
bool aics_reader_vfail(aics_reader *r, long line, long col, const char *fmt, va_list ap);

/* aics_reader_fail on the current line. */
bool aics_reader_fail_here(aics_reader *r, long col, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The 1-based line and character column (UTF-8 characters, not bytes) of
 * byte `pos` in the NUL-terminated `text`: where a message about a whole
 * text (a prose page, a lint finding) points. */
void aics_text_pos(const char *text, size_t pos, long *line, long *col);

#endif
