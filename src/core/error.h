/* error.h — how every AICS program fails: loudly, on one line, with a hint.
 *
 * Three kinds of failure, two exit codes:
 *   - a usage error (bad option or value)          -> "prog: message (try --help)", exit 2
 *   - a data error (bad input file)                -> "file:line:col: message",     exit 2
 *   - a broken invariant inside the program itself -> "file.c:line: check failed",  exit 1
 * The aics_die_* functions and the check never return; callers need not clean
 * up half-written output, because outputs are only ever renamed into place
 * after success (see fileio.h). aics_format_error and aics_warn return: they
 * are for readers that report to their caller, and for notes that go on.
 */
#ifndef AICS_ERROR_H
#define AICS_ERROR_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdnoreturn.h>

enum {
    AICS_EXIT_OK = 0,
    AICS_EXIT_FAIL = 1,  /* a bug, or a test or comparison that failed */
    AICS_EXIT_USAGE = 2, /* the command line was wrong */
    AICS_EXIT_DATA = 2   /* an input file was wrong */
};

/* Check an internal invariant; on failure print `file:line`, the expression and
 * `hint`, then exit 1. Use for programming errors, not for bad input. */
#define AICS_CHECK(cond, hint)                                                 \
    do {                                                                       \
        if (!(cond)) aics_check_failed(__FILE__, __LINE__, #cond, (hint));     \
    } while (0)

noreturn void aics_check_failed(const char *file, int line, const char *expr,
                                const char *hint);

/* The name used to prefix messages; set once from argv[0] by the program. */
void aics_set_progname(const char *argv0);
const char *aics_progname(void);

/* Print "prog: <message> (try --help)" and exit 2. */
noreturn void aics_die_usage(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/* Print "path:line:col: <message>" and exit 2. Pass line or col as 0 when
 * unknown; they are then left out. */
noreturn void aics_die_data(const char *path, long line, long col,
                            const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Write "path:line:col: <message>" into `err` (errsz bytes, truncated if
 * needed) and return false, for readers that report errors to their caller
 * instead of exiting. The v-form takes a va_list. */
bool aics_format_error(char *err, size_t errsz, const char *path, long line,
                       long col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
bool aics_vformat_error(char *err, size_t errsz, const char *path, long line,
                        long col, const char *fmt, va_list ap);

/* Print "prog: warning: <message>" on stderr and go on. */
void aics_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Allocation that never returns NULL: out of memory is a check failure. */
void *aics_xmalloc(size_t n);
void *aics_xcalloc(size_t count, size_t size);
void *aics_xrealloc(void *p, size_t n);

/* Room for element `n` of the array `p` of `*cap` elements of `size` bytes:
 * when n == *cap the array grows to twice its capacity (16 at first), so
 * appending one at a time costs amortised O(1). Returns the array, which
 * may have moved:  v = aics_xgrow(v, len, &cap, sizeof *v); v[len++] = x; */
void *aics_xgrow(void *p, size_t n, size_t *cap, size_t size);
char *aics_xstrdup(const char *s);

#endif
