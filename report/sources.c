/* sources.c — program outputs, code regions and figures (see sources.h). */
#define _XOPEN_SOURCE 700 /* realpath() */
#include "sources.h"

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "error.h"
#include "fileio.h"
#include "intmath.h"
#include "plot.h"
#include "reader.h"
#include "strmap.h"

#define SOURCE_MAX_BYTES (16u << 20)

typedef struct {
    char *key;   /* "md:ex2_7", "kv:ex2_7", "labels:ex2_7" or "file:ch2/ex2_7.c" */
    char *text;  /* NULL when the file is missing */
    int err;     /* why text is NULL: an errno, EXDEV for a link out of the project */
    aics_kv kv;  /* parsed, for "kv:" entries that exist */
    aics_labels labels; /* parsed, for "labels:" entries that exist */
} cached;

struct aics_sources {
    char *chapters, *results, *figures;
    cached **c; /* each entry allocated once: callers keep pointers into it */
    size_t n, cap;
    aics_strmap *index; /* key -> position in c */
    int gnuplot; /* -1: not probed yet */
};

aics_sources *aics_sources_new(const char *chapters_dir, const char *results_dir,
                               const char *figures_dir)
{
    aics_sources *s = aics_xcalloc(1, sizeof *s);
    s->chapters = aics_xstrdup(chapters_dir);
    s->results = aics_xstrdup(results_dir);
    s->figures = aics_xstrdup(figures_dir);
    s->gnuplot = -1;
    s->index = aics_strmap_new();
    return s;
}

void aics_sources_free(aics_sources *s)
{
    if (!s) return;
    for (size_t i = 0; i < s->n; i++) {
        if (s->c[i]->text && strncmp(s->c[i]->key, "kv:", 3) == 0) aics_kv_free(&s->c[i]->kv);
        free(s->c[i]->labels.e);
        free(s->c[i]->key);
        free(s->c[i]->text);
        free(s->c[i]);
    }
    free(s->c);
    aics_strmap_free(s->index);
    free(s->chapters), free(s->results), free(s->figures);
    free(s);
}

const char *aics_sources_chapters_dir(const aics_sources *s) { return s->chapters; }
const char *aics_sources_figures_dir(const aics_sources *s) { return s->figures; }
const char *aics_sources_results_dir(const aics_sources *s) { return s->results; }

bool aics_name_ok(const char *name)
{
    return *name && strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_") == strlen(name);
}

/* Whether CHAPTERS/`rel`, every link resolved, stays in the folder it
 * names: CHAPTERS for "ch2/x.c", CHAPTERS/../src for "../src/x.c" (that
 * folder may itself be a link, as in a test's scratch project), the project
 * for "../x". A {{code}} file must not reach out of it through a link. */
static bool inside_project(const aics_sources *s, const char *rel, const char *path)
{
    char base[4200];
    const char *rest = rel + 3, *slash = strchr(rest, '/');
    if (strncmp(rel, "../", 3) != 0) snprintf(base, sizeof base, "%s", s->chapters);
    else if (slash) snprintf(base, sizeof base, "%s/../%.*s", s->chapters, (int)(slash - rest), rest);
    else snprintf(base, sizeof base, "%s/..", s->chapters);
    char *root = realpath(base, NULL), *real = realpath(path, NULL);
    size_t n = root ? strlen(root) : 0;
    bool inside = !real || (root && strncmp(real, root, n) == 0 && (real[n] == '/' || (n == 1 && root[0] == '/')));
    free(root);
    free(real);
    return inside; /* a missing file is reported by the read */
}

/* The cache entry for `key`, reading `path` on first use (only when it stays
 * inside the project, for a `rel` path; see inside_project). */
static cached *lookup(aics_sources *s, const char *key, const char *path, const char *rel)
{
    size_t at;
    if (aics_strmap_get(s->index, key, &at)) return s->c[at];
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 16;
        s->c = aics_xrealloc(s->c, s->cap * sizeof *s->c);
    }
    cached *c = s->c[s->n] = aics_xcalloc(1, sizeof *c);
    aics_strmap_add(s->index, key, s->n++, NULL);
    c->key = aics_xstrdup(key);
    if (rel && !inside_project(s, rel, path)) c->err = EXDEV;
    else if (!(c->text = aics_read_file(path, SOURCE_MAX_BYTES, NULL))) c->err = errno;
    return c;
}

static cached *output(aics_sources *s, const char *ext, const char *prog)
{
    char key[300], path[4096];
    snprintf(key, sizeof key, "%s:%s", ext, prog);
    snprintf(path, sizeof path, "%s/%s.%s", s->results, prog, ext);
    return lookup(s, key, path, NULL);
}

const char *aics_sources_md(aics_sources *s, const char *prog)
{
    return aics_name_ok(prog) ? output(s, "md", prog)->text : NULL;
}

const aics_kv *aics_sources_kv(aics_sources *s, const char *prog)
{
    if (!aics_name_ok(prog)) return NULL;
    size_t before = s->n;
    cached *c = output(s, "kv", prog);
    if (!c->text) return NULL;
    if (s->n > before) { /* first use: parse it */
        char path[4096], err[512];
        snprintf(path, sizeof path, "%s/%s.kv", s->results, prog);
        if (!aics_kv_parse(c->text, strlen(c->text), path, &c->kv, err, sizeof err)) {
            fprintf(stderr, "%s\n", err);
            exit(AICS_EXIT_DATA);
        }
    }
    return &c->kv;
}

/* Split the labels text in place: "key TAB shown|kv TAB label" per line,
 * after one "# aics-labels" header line. */
static bool parse_labels(char *text, aics_labels *out, long *bad_line)
{
    aics_reader r = {.path = NULL};
    aics_reader_start(&r, text, strlen(text), AICS_REFUSE_NONE); /* a C string: no NUL inside */
    for (aics_line l; aics_reader_next(&r, &l);) {
        char *p = (char *)l.s; /* the cache's own copy of the file, cut up in place */
        p[l.n] = '\0';         /* over the line end, which the reader has passed */
        if (l.no == 1 && strncmp(p, "# aics-labels ", 14) == 0) continue;
        char *t1 = strchr(p, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
        if (!t2 || (strncmp(t1 + 1, "shown\t", 6) != 0 && strncmp(t1 + 1, "kv\t", 3) != 0)) {
            *bad_line = l.no;
            return false;
        }
        *t1 = '\0';
        out->e = aics_xrealloc(out->e, (out->n + 1) * sizeof *out->e);
        out->e[out->n++] = (aics_label){p, t1[1] == 's', t2 + 1};
    }
    return true;
}

const aics_labels *aics_sources_labels(aics_sources *s, const char *prog)
{
    if (!aics_name_ok(prog)) return NULL;
    size_t before = s->n;
    cached *c = output(s, "labels", prog);
    if (!c->text) return NULL;
    long line = 0;
    if (s->n > before && !parse_labels(c->text, &c->labels, &line)) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s.labels", s->results, prog);
        aics_die_data(path, line, 1, "expected 'key<TAB>shown|kv<TAB>label'");
    }
    return &c->labels;
}

const char *aics_labels_find(const aics_labels *l, size_t hint, const char *key)
{
    if (!l) return NULL;
    if (hint < l->n && strcmp(l->e[hint].key, key) == 0) return l->e[hint].label;
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->e[i].key, key) == 0) return l->e[i].label;
    return NULL;
}

const char *aics_sources_file(aics_sources *s, const char *rel)
{
    /* Stay inside the project: chapters/…, or ../src/… and the like. */
    const char *rest = strncmp(rel, "../", 3) == 0 ? rel + 3 : rel;
    if (rel[0] == '/' || rest[0] == '/' || strstr(rest, "..")) {
        errno = EXDEV;
        return NULL;
    }
    char key[4200], path[4096];
    snprintf(key, sizeof key, "file:%s", rel);
    snprintf(path, sizeof path, "%s/%s", s->chapters, rel);
    const cached *c = lookup(s, key, path, rel);
    if (!c->text) errno = c->err;
    return c->text;
}

bool aics_sources_has_figure(const aics_sources *s, const char *name)
{
    char path[4096];
    struct stat st;
    snprintf(path, sizeof path, "%s/%s.svg", s->figures, name);
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

bool aics_sources_gnuplot(aics_sources *s)
{
    if (s->gnuplot < 0) s->gnuplot = aics_plot_probe();
    return s->gnuplot == 1;
}

/* The position just after the marker line "<!-- aics:KIND NAME -->", or NULL. */
static const char *find_marker(const char *md, const char *kind, const char *name)
{
    char m[300];
    snprintf(m, sizeof m, "<!-- aics:%s %s -->", kind, name);
    for (const char *p = strstr(md, m); p; p = strstr(p + 1, m))
        if (p == md || p[-1] == '\n') return p + strlen(m);
    return NULL;
}

bool aics_md_part(const char *md, const char *name, const char **start, size_t *len)
{
    const char *b = find_marker(md, "part", name);
    if (!b) return false;
    const char *e = find_marker(b, "end", name);
    if (!e) return false;
    e -= strlen("<!-- aics:end  -->") + strlen(name);
    while (*b == '\n') b++;
    *start = b;
    *len = e > b ? (size_t)(e - b) : 0;
    return true;
}

void aics_md_part_names(const char *md, aics_buf *out)
{
    const char *m = "<!-- aics:part ";
    size_t before = out->len;
    for (const char *p = strstr(md, m); p; p = strstr(p + 1, m)) {
        const char *n = p + strlen(m), *e = strstr(n, " -->");
        if (!e || memchr(n, '\n', (size_t)(e - n))) continue;
        if (out->len > before) aics_buf_puts(out, ", ");
        aics_buf_append(out, n, (size_t)(e - n));
    }
    if (out->len == before) aics_buf_puts(out, "none");
}

void aics_md_strip_markers(const char *md, aics_buf *out)
{
    for (const char *p = md; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) + 1 : strlen(p);
        bool marker = strncmp(p, "<!-- aics:part ", 15) == 0 || strncmp(p, "<!-- aics:end ", 14) == 0;
        if (!marker) aics_buf_append(out, p, n);
        p += n;
    }
}

/* Whether the line [p, p+n) marks an anchor: "ANCHOR: x" or "ANCHOR_END: x". */
static bool anchor_line(const char *p, size_t n, const char *kind, const char *name)
{
    char m[300];
    snprintf(m, sizeof m, "%s: %s", kind, name ? name : "");
    for (size_t i = 0; i + strlen(m) <= n; i++) {
        if (memcmp(p + i, m, strlen(m)) != 0) continue;
        if (!name) return true;
        size_t e = i + strlen(m);
        return e == n || p[e] == ' ' || p[e] == '\t' || p[e] == '\r' || p[e] == '*';
    }
    return false;
}

static bool is_marker(const char *p, size_t n)
{
    return anchor_line(p, n, "ANCHOR", NULL) || anchor_line(p, n, "ANCHOR_END", NULL);
}

static size_t indent_of(const char *p, size_t n)
{
    size_t i = 0;
    while (i < n && (p[i] == ' ' || p[i] == '\t')) i++;
    return i == n ? SIZE_MAX : i; /* blank lines do not count */
}

/* Starts the one line reader over `len` bytes of text; the anchors' text is
 * a C string, so there is nothing to refuse. */
static void lines_of(aics_reader *r, const char *text, size_t len)
{
    *r = (aics_reader){.path = NULL};
    aics_reader_start(r, text, len, AICS_REFUSE_NONE);
}

bool aics_code_region(const char *src, const char *anchor, aics_buf *out)
{
    const char *begin = NULL, *end = NULL;
    aics_reader r;
    lines_of(&r, src, strlen(src));
    for (aics_line l; !end && aics_reader_next(&r, &l);) {
        if (!begin && anchor_line(l.s, l.n, "ANCHOR", anchor)) begin = r.text + r.pos;
        else if (begin && anchor_line(l.s, l.n, "ANCHOR_END", anchor)) end = l.s;
    }
    if (!begin || !end) return false;
    size_t indent = SIZE_MAX;
    lines_of(&r, begin, (size_t)(end - begin));
    for (aics_line l; aics_reader_next(&r, &l);)
        if (!is_marker(l.s, l.n) && indent_of(l.s, l.n) < indent) indent = indent_of(l.s, l.n);
    lines_of(&r, begin, (size_t)(end - begin));
    for (aics_line l; aics_reader_next(&r, &l);) {
        if (is_marker(l.s, l.n)) continue;
        size_t cut = indent_of(l.s, l.n) == SIZE_MAX ? l.n : indent;
        aics_buf_append(out, l.s + cut, l.n - cut);
        aics_buf_putc(out, '\n');
    }
    return true;
}

static bool parse_number(const char *value, double *d)
{
    char *end;
    *d = strtod(value, &end);
    return end != value && *end == '\0' && isfinite(*d);
}

static bool format_int(const char *value, bool sep, aics_buf *out, char *err, size_t errsz)
{
    char *end;
    errno = 0;
    long long v = strtoll(value, &end, 10);
    if (end == value || *end || errno) {
        snprintf(err, errsz, "format %%d needs an integer value, not '%s'", value);
        return false;
    }
    char buf[32];
    if (sep) aics_buf_puts(out, aics_fmt_thousands((int64_t)v, buf));
    else aics_buf_printf(out, "%lld", v);
    return true;
}

bool aics_format_value(const char *value, const char *fmt, aics_buf *out, char *err,
                       size_t errsz)
{
    if (!fmt) { aics_buf_puts(out, value); return true; }
    if (strcmp(fmt, "%d") == 0 || strcmp(fmt, "%'d") == 0)
        return format_int(value, fmt[1] == '\'', out, err, errsz);
    int prec = -1, used = 0;
    char conv = 0;
    if (!((sscanf(fmt, "%%.%d%c%n", &prec, &conv, &used) == 2 && prec >= 0 && prec <= 17) ||
          (sscanf(fmt, "%%%c%n", &conv, &used) == 1 && (prec = 6))) ||
        (size_t)used != strlen(fmt) || !strchr("feg", conv)) {
        snprintf(err, errsz, "unknown number format '%s' (use %%.Nf, %%.Ne, %%.Ng, %%d or %%'d)", fmt);
        return false;
    }
    double d;
    if (!parse_number(value, &d)) {
        snprintf(err, errsz, "format %s needs a number, not '%s'", fmt, value);
        return false;
    }
    char spec[8];
    snprintf(spec, sizeof spec, "%%.%d%c", prec, conv);
    aics_buf_printf(out, spec, d);
    return true;
}
