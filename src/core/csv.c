/* csv.c — a strict reader for numeric CSV tables (see csv.h). */
#include "csv.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "fileio.h"
#include "reader.h"
#include "strmap.h"

static bool fail(aics_csv_error *err, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static bool fail(aics_csv_error *err, long line, long col, const char *fmt, ...)
{
    va_list ap;
    err->line = line;
    err->col = col;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return false;
}

typedef struct {
    const char *p; /* field text, blanks trimmed */
    size_t len;
    long col;      /* 1-based byte column of the trimmed start */
} field;

static bool is_blank(char c) { return c == ' ' || c == '\t'; }

/* Split one line (without its line end) at commas; returns the field count,
 * writing at most `cap` fields. */
static size_t split(const char *line, size_t len, field *f, size_t cap)
{
    size_t n = 0, start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && line[i] != ',') continue;
        size_t a = start, b = i;
        while (a < b && is_blank(line[a])) a++;
        while (b > a && is_blank(line[b - 1])) b--;
        /* an empty field is placed where it starts, just after its comma */
        if (n < cap) f[n] = (field){line + a, b - a, (long)(a < b ? a : start) + 1};
        n++;
        start = i + 1;
    }
    return n;
}

/* A finite decimal number: [+-]digits[.digits][(e|E)[+-]digits], at least one digit. */
static bool decimal_syntax(const char *s, size_t n)
{
    size_t i = 0, digits = 0;
    if (i < n && (s[i] == '+' || s[i] == '-')) i++;
    while (i < n && s[i] >= '0' && s[i] <= '9') i++, digits++;
    if (i < n && s[i] == '.') {
        i++;
        while (i < n && s[i] >= '0' && s[i] <= '9') i++, digits++;
    }
    if (digits == 0) return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-')) i++;
        size_t ed = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') i++, ed++;
        if (ed == 0) return false;
    }
    return i == n;
}

/* A number of any length (a 73-digit integer is a number too); one that a
 * double cannot hold, too large or so small it would become 0 or lose
 * precision as a subnormal, is refused rather than rounded silently. */
static bool parse_number(const field *f, long line, double *out, aics_csv_error *err)
{
    if (f->len == 0) return fail(err, line, f->col, "empty field; expected a number");
    int shown = (int)(f->len > 40 ? 40 : f->len);
    const char *more = f->len > 40 ? "…" : "";
    if (!decimal_syntax(f->p, f->len))
        return fail(err, line, f->col, "expected a number, found '%.*s%s'", shown, f->p, more);
    char small[64], *buf = f->len < sizeof small ? small : aics_xmalloc(f->len + 1);
    memcpy(buf, f->p, f->len);
    buf[f->len] = '\0';
    errno = 0;
    double v = strtod(buf, NULL);
    bool range = isfinite(v) && errno != ERANGE;
    if (buf != small) free(buf);
    if (!range)
        return fail(err, line, f->col, "number '%.*s%s' is out of range for a double (magnitudes from "
                    "2.2e-308 to 1.8e308, or 0)", shown, f->p, more);
    *out = v;
    return true;
}

/* The parse: the line reader, the table being filled, and where an error goes. */
typedef struct {
    aics_reader r;
    aics_csv *t;
    aics_csv_error *err;
    size_t cap; /* rows allocated in t->x */
    field *f;   /* one row's fields, t->ncols of them */
} csv_parser;

static bool read_header(csv_parser *p, const aics_line *l)
{
    aics_csv *t = p->t;
    aics_csv_error *err = p->err;
    size_t n = split(l->s, l->n, NULL, 0);
    field *f = aics_xcalloc(n, sizeof *f);
    split(l->s, l->n, f, n);
    t->names = aics_xcalloc(n, sizeof *t->names);
    t->ncols = n;
    t->header_line = l->no;
    aics_strmap *seen = aics_strmap_new(); /* a duplicate check in O(1) per column */
    for (size_t j = 0; j < n; j++) {
        if (f[j].len == 0) {
            fail(err, l->no, f[j].col, "empty column name in the header (column %zu)", j + 1);
            break;
        }
        if (memchr(f[j].p, '"', f[j].len)) {
            fail(err, l->no, f[j].col, "quoted fields are not supported");
            break;
        }
        t->names[j] = aics_xmalloc(f[j].len + 1);
        memcpy(t->names[j], f[j].p, f[j].len);
        t->names[j][f[j].len] = '\0';
        if (!aics_strmap_add(seen, t->names[j], j, NULL)) {
            fail(err, l->no, f[j].col, "column name '%.60s' appears twice in the header", t->names[j]);
            break;
        }
    }
    bool ok = !err->msg[0];
    aics_strmap_free(seen);
    free(f);
    if (ok) p->f = aics_xcalloc(t->ncols, sizeof *p->f);
    return ok;
}

static bool read_row(csv_parser *p, const aics_line *l)
{
    aics_csv *t = p->t;
    size_t n = split(l->s, l->n, p->f, t->ncols);
    if (n != t->ncols)
        return fail(p->err, l->no, 0, "row has %zu field%s but the header has %zu columns", n,
                    n == 1 ? "" : "s", t->ncols);
    if (t->nrows == p->cap) {
        AICS_CHECK(p->cap < ((size_t)1 << 40) / t->ncols, "CSV tables are bounded by AICS_CSV_MAX_BYTES");
        p->cap = p->cap ? 2 * p->cap : 64;
        t->x = aics_xrealloc(t->x, p->cap * t->ncols * sizeof *t->x);
    }
    double *row = t->x + t->nrows * t->ncols;
    for (size_t j = 0; j < n; j++)
        if (!parse_number(&p->f[j], l->no, &row[j], p->err)) return false;
    t->nrows++;
    return true;
}

bool aics_csv_parse(const char *text, size_t len, aics_csv *t, aics_csv_error *err)
{
    memset(t, 0, sizeof *t);
    memset(err, 0, sizeof *err);
    csv_parser p = {.t = t, .err = err};
    if (!aics_reader_start(&p.r, text, len, AICS_REFUSE_BINARY))
        return fail(err, 0, 0, "binary file; expected CSV text");
    long last = 1;
    bool ok = true;
    for (aics_line l; ok && aics_reader_next(&p.r, &l);) {
        size_t k = 0;
        while (k < l.n && is_blank(l.s[k])) k++;
        if (k == l.n) continue; /* blank line */
        last = l.no;
        ok = t->names ? read_row(&p, &l) : read_header(&p, &l);
    }
    free(p.f);
    if (ok && !t->names) ok = fail(err, 1, 0, "empty file; expected a header row of column names");
    else if (ok && t->nrows == 0) ok = fail(err, last + 1, 0, "no data rows after the header");
    if (!ok) aics_csv_free(t);
    return ok;
}

void aics_csv_read_or_die(const char *path, aics_csv *out)
{
    size_t len;
    char *text = aics_read_text_or_die(path, AICS_CSV_MAX_BYTES, "a CSV file", &len);
    aics_csv_error err;
    bool ok = aics_csv_parse(text, len, out, &err);
    free(text);
    if (!ok) aics_die_data(path, err.line, err.col, "%s", err.msg);
}

long aics_name_index(char *const *names, size_t n, const char *name)
{
    for (size_t j = 0; j < n; j++)
        if (strcmp(names[j], name) == 0) return (long)j;
    return -1;
}

long aics_csv_column(const aics_csv *t, const char *name) { return aics_name_index(t->names, t->ncols, name); }

size_t aics_csv_column_or_die(const aics_csv *t, const char *path, const char *name)
{
    long j = aics_csv_column(t, name);
    if (j >= 0) return (size_t)j;
    char list[256] = "";
    size_t used = 0;
    for (size_t k = 0; k < t->ncols && used + 8 < sizeof list; k++) {
        int w = snprintf(list + used, sizeof list - used, "%s%s", k ? ", " : "", t->names[k]);
        if (w < 0 || (size_t)w >= sizeof list - used) {
            snprintf(list + used, sizeof list - used, ", …");
            break;
        }
        used += (size_t)w;
    }
    aics_die_data(path, t->header_line, 0, "no column named '%s' (columns: %s)", name, list);
}

void aics_csv_free(aics_csv *t)
{
    if (t->names)
        for (size_t j = 0; j < t->ncols; j++) free(t->names[j]);
    free(t->names);
    free(t->x);
    memset(t, 0, sizeof *t);
}
