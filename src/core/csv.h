/* csv.h — reading a numeric table: a header row of column names, then rows of
 * comma-separated numbers, all rows as wide as the header.
 *
 * The reader is strict, because a silently misread number is worse than an
 * error: every field must be a finite decimal number (optional sign, digits,
 * optional fraction and exponent; surrounding blanks allowed); no quoting, no
 * empty fields, no NaN or infinity. CRLF line ends, a UTF-8 BOM, a missing
 * final newline and blank lines are accepted. On error the reader reports
 * "path:line:col: message" (col may be 0 when a whole line is wrong).
 *
 * The table is stored row-major: value (i, j) is x[i * ncols + j].
 */
#ifndef AICS_CSV_H
#define AICS_CSV_H

#include <stdbool.h>
#include <stddef.h>

#define AICS_CSV_MAX_BYTES ((size_t)64 << 20) /* 64 MiB */

typedef struct {
    char **names;   /* ncols column names, as written (blanks trimmed) */
    size_t ncols;
    size_t nrows;   /* data rows, not counting the header */
    long header_line; /* the header's line number (1 unless blank lines precede it) */
    double *x;      /* nrows × ncols, row-major */
} aics_csv;

typedef struct {
    long line, col; /* 1-based; 0 when not applicable */
    char msg[160];
} aics_csv_error;

/* Parse `len` bytes of `text` (from `path`, for messages). On success fill
 * `out` and return true; on error return false and fill `err`. */
bool aics_csv_parse(const char *text, size_t len, aics_csv *out, aics_csv_error *err);

/* Read and parse `path`; on any error print "path:line:col: message" and exit 2. */
void aics_csv_read_or_die(const char *path, aics_csv *out);

/* The index of column `name`, or -1. */
long aics_csv_column(const aics_csv *t, const char *name);

/* The index of `name` among the `n` strings of `names`, or -1: the column
 * look-up of a table and of the tables made from one (models/design.h).
 * A scan: tables have a few dozen columns, looked up once each. */
long aics_name_index(char *const *names, size_t n, const char *name);

/* Exit 2 with "path:LINE: no column named 'NAME' (columns: a, b, …)", LINE being the
 * header's, unless
 * column `name` exists; returns its index. */
size_t aics_csv_column_or_die(const aics_csv *t, const char *path, const char *name);

void aics_csv_free(aics_csv *t);

#endif
