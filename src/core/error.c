/* error.c — one-line failure messages and exit codes (see error.h). */
#include "error.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *progname = "aics";

void aics_set_progname(const char *argv0)
{
    if (!argv0 || !*argv0) return;
    const char *slash = strrchr(argv0, '/');
    progname = slash ? slash + 1 : argv0;
}

const char *aics_progname(void) { return progname; }

void aics_check_failed(const char *file, int line, const char *expr,
                       const char *hint)
{
    fflush(stdout);
    fprintf(stderr, "%s:%d: check failed: %s\n  hint: %s\n", file, line, expr,
            hint ? hint : "this is a bug in AICS Workbook; please report it");
    exit(AICS_EXIT_FAIL);
}

void aics_die_usage(const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    fprintf(stderr, "%s: ", progname);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, " (try %s --help)\n", progname);
    exit(AICS_EXIT_USAGE);
}

void aics_die_data(const char *path, long line, long col, const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    fprintf(stderr, "%s", path ? path : "<input>");
    if (line > 0) fprintf(stderr, ":%ld", line);
    if (line > 0 && col > 0) fprintf(stderr, ":%ld", col);
    fputs(": ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(AICS_EXIT_DATA);
}

bool aics_vformat_error(char *err, size_t errsz, const char *path, long line,
                        long col, const char *fmt, va_list ap)
{
    if (!err || errsz == 0) return false;
    int n = snprintf(err, errsz, "%s:%ld:%ld: ", path ? path : "<input>", line, col);
    if (n >= 0 && (size_t)n < errsz) vsnprintf(err + n, errsz - (size_t)n, fmt, ap);
    return false;
}

bool aics_format_error(char *err, size_t errsz, const char *path, long line,
                       long col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    aics_vformat_error(err, errsz, path, line, col, fmt, ap);
    va_end(ap);
    return false;
}

void aics_warn(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: warning: ", progname);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

void *aics_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    AICS_CHECK(p != NULL, "out of memory");
    return p;
}

void *aics_xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    AICS_CHECK(p != NULL, "out of memory");
    return p;
}

void *aics_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    AICS_CHECK(q != NULL, "out of memory");
    return q;
}

void *aics_xgrow(void *p, size_t n, size_t *cap, size_t size)
{
    if (n < *cap) return p;
    size_t more = *cap ? 2 * *cap : 16;
    AICS_CHECK(more > *cap && more <= SIZE_MAX / size, "array size overflows");
    *cap = more;
    return aics_xrealloc(p, more * size);
}

char *aics_xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(aics_xmalloc(n), s, n);
}
