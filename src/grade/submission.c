/* submission.c — reading a submitted kv file against a reference (see grade.h).
 *
 * A class's submissions are read by the thousand, each with thousands of keys
 * of which a handful are graded, so the reader makes one pass over the lines,
 * splits each line into strings in place (writing NULs over the separators)
 * and keeps only the keys the reference has, as pointers into the text: no
 * allocation and no copy per key. It is also the grader's defence: a
 * submission is opened without following a symlink and without blocking,
 * must be a regular file, and is size-checked before it is read.
 */
#include "grade.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "fileio.h"
#include "reader.h"
#include "result.h"
#include "strmap.h"

struct aics_grade_index {
    aics_strmap *graded;   /* graded key -> entry index in the reference */
    size_t *entries;       /* the graded entries' indexes */
    size_t nentries;
    uint64_t filter[16];   /* 1024 bits: filter_bit() of every graded key */
};

/* A cheap fingerprint of a key: not a hash table's hash (collisions only
 * cost a strmap lookup), just enough to pass over most ungraded keys. */
static unsigned filter_bit(const char *key, size_t n)
{
    unsigned char a = (unsigned char)key[0], b = (unsigned char)key[n / 2], c = (unsigned char)key[n - 1];
    return ((unsigned)n * 0x9E37u ^ a * 31u ^ b * 7u ^ c * 131u) & 1023u;
}

aics_grade_index *aics_grade_index_new(const aics_kv *expected, const aics_grade_rule *const *match)
{
    aics_grade_index *ix = aics_xcalloc(1, sizeof *ix);
    ix->graded = aics_strmap_new();
    ix->entries = aics_xcalloc(expected->n ? expected->n : 1, sizeof *ix->entries);
    for (size_t i = 0; i < expected->n; i++) {
        const char *k = expected->e[i].key;
        size_t n = strlen(k);
        if (!match[i] || n == 0) continue;
        aics_strmap_addn(ix->graded, k, n, i, NULL);
        ix->entries[ix->nentries++] = i;
        unsigned bit = filter_bit(k, n);
        ix->filter[bit / 64] |= 1ull << (bit % 64);
    }
    return ix;
}

void aics_grade_index_free(aics_grade_index *ix)
{
    if (!ix) return;
    aics_strmap_free(ix->graded);
    free(ix->entries);
    free(ix);
}

/* The reference entry of `key` (n bytes): through the index when there is one. */
static const aics_kv_entry *find_key(const aics_kv *expected, const aics_grade_index *ix,
                                     const char *key, size_t n)
{
    if (n == 0) return NULL;
    unsigned bit = filter_bit(key, n);
    size_t i;
    if (!(ix->filter[bit / 64] >> (bit % 64) & 1) || !aics_strmap_getn(ix->graded, key, n, &i)) return NULL;
    return &expected->e[i];
}

/* Open `path` for reading only if it is a regular file that is not a
 * symlink; never blocks on a FIFO. -1 with a sentence in err otherwise. */
static int open_regular(const char *path, size_t max_bytes, struct stat *st, char *err,
                        size_t errsz)
{
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ELOOP)
            snprintf(err, errsz, "%s: is a symbolic link; expected a regular kv file (links are "
                                 "not followed)", path);
        else snprintf(err, errsz, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    int e = 0;
    if (fstat(fd, st) != 0) e = errno;
    else if (S_ISDIR(st->st_mode)) e = EISDIR;
    else if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode)) e = ENODEV;
    else if (!S_ISREG(st->st_mode)) e = ESPIPE;
    else if ((unsigned long long)st->st_size > max_bytes) e = EFBIG;
    if (e) {
        if (e == EFBIG && max_bytes % ((size_t)1 << 20) == 0)
            snprintf(err, errsz, "%s: file is larger than %zu MiB; expected a kv result file", path,
                     max_bytes >> 20);
        else
            snprintf(err, errsz, "%s: %s; expected a regular kv result file", path, aics_file_strerror(e));
        close(fd);
        return -1;
    }
    return fd;
}

/* Read the whole regular file into a NUL-terminated buffer. */
static char *read_all(int fd, size_t size, size_t *len)
{
    char *text = aics_xmalloc(size + 1);
    size_t got = 0;
    while (got < size) {
        ssize_t n = read(fd, text + got, size - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break; /* shrank while reading: keep what is there */
        got += (size_t)n;
    }
    text[got] = '\0';
    *len = got;
    return text;
}

bool aics_grade_submission_load(const char *path, const aics_kv *expected,
                                const aics_grade_index *ix, const aics_grade_limits *lim,
                                aics_grade_submission *out, char *err, size_t errsz)
{
    struct stat st;
    memset(out, 0, sizeof *out);
    size_t max_bytes = lim ? lim->max_bytes : AICS_GRADE_MAX_BYTES;
    int fd = open_regular(path, max_bytes, &st, err, errsz);
    if (fd < 0) return false;
    size_t len;
    char *text = read_all(fd, (size_t)st.st_size, &len);
    close(fd);
    bool ok = aics_grade_submission_parse(text, len, path, expected, ix, lim, out, err, errsz);
    out->dev = (unsigned long long)st.st_dev;
    out->ino = (unsigned long long)st.st_ino;
    return ok;
}

bool aics_grade_header_ok(const char *header, char *err, size_t errsz)
{
    static const char magic[] = "aics-result ";
    if (!header || strncmp(header, magic, sizeof magic - 1) != 0) {
        snprintf(err, errsz, "the first line is not a kv header; expected '# aics-result v1 "
                             "exercise=…' (run the program with --format=kv)");
        return false;
    }
    const char *v = header + sizeof magic - 1;
    size_t n = strcspn(v, " \t");
    if (n != 2 || strncmp(v, "v1", 2) != 0) {
        snprintf(err, errsz, "kv format version '%.*s' is not supported; expected v1", (int)(n < 40 ? n : 40), v);
        return false;
    }
    return true;
}

static bool is_space(char c) { return c == ' ' || c == '\t'; }

static void note_ignored(aics_grade_submission *s, long line, long col, const char *msg)
{
    char buf[512];
    aics_format_error(buf, sizeof buf, s->path, line, col, "%s", msg);
    s->ignored = aics_xrealloc(s->ignored, (s->nignored + 1) * sizeof *s->ignored);
    s->ignored[s->nignored++] = aics_xstrdup(buf);
}

/* The parse of one submission: its line reader and what it fills. */
typedef struct {
    aics_reader r;
    aics_grade_submission *s;
    const aics_kv *expected;
    const aics_grade_index *ix;
    size_t extra_cap; /* entries allocated in s->extra */
} sub_parser;

/* One line [p, p+n), starting at column off + 1, that is not blank and not a comment; p[n] may be written. */
static void take_line(sub_parser *sp, char *p, size_t n, size_t off)
{
    aics_grade_submission *s = sp->s;
    const aics_kv *expected = sp->expected;
    const aics_grade_index *ix = sp->ix;
    long line = sp->r.line;
    size_t i = 0;
    uint64_t w; /* eight bytes at a time while none can be a blank (all > 0x20) */
    while (i + 8 <= n && (memcpy(&w, p + i, 8), !((w - 0x2121212121212121ull) & ~w & 0x8080808080808080ull)))
        i += 8;
    while (i < n && !is_space(p[i])) i++;
    char *key = p;
    const aics_kv_entry *e = ix ? find_key(expected, ix, key, i) : NULL;
    if (!e && ix) return; /* not graded: passed over, nothing written */
    p[i] = '\0'; /* the separator (or the line end) becomes the key's end */
    if (!ix) e = aics_kv_find(expected, key);
    size_t v0 = i + 1 <= n ? i + 1 : n;
    while (v0 < n && is_space(p[v0])) v0++;
    size_t v1 = v0;
    while (v1 < n && !is_space(p[v1])) v1++;
    size_t after = v1;
    while (after < n && is_space(p[after])) after++;
    if (!e) {
        if (!aics_kv_key_ok(key)) note_ignored(s, line, (long)off + 1, "expected a key made of [a-z0-9_.] (line ignored)");
        else if (v1 > v0 && after == n) {
            s->extra = aics_xgrow(s->extra, s->nextra, &sp->extra_cap, sizeof *s->extra);
            s->extra[s->nextra++] = key;
        }
        return;
    }
    aics_grade_value *v = &s->v[e - expected->e];
    if (v->line) {
        v->problem = AICS_GRADE_DUPLICATE;
        v->first_line = v->first_line ? v->first_line : v->line;
        v->line = line;
        return;
    }
    v->line = line;
    if (v1 == v0 || after < n) {
        v->problem = AICS_GRADE_MALFORMED;
        v->col = (long)(off + (v1 == v0 ? v0 : after)) + 1;
        v->value = p + v0; /* the rest of the line, for the message */
        return;
    }
    p[v1] = '\0';
    v->value = p + v0;
}

bool aics_grade_submission_parse(char *text, size_t len, const char *path,
                                 const aics_kv *expected, const aics_grade_index *ix,
                                 const aics_grade_limits *lim, aics_grade_submission *out,
                                 char *err, size_t errsz)
{
    memset(out, 0, sizeof *out);
    out->path = aics_xstrdup(path);
    out->text = text;
    out->len = len;
    out->nref = expected->n;
    if (ix) { /* only graded entries are ever read: clear just those */
        out->v = aics_xmalloc((expected->n ? expected->n : 1) * sizeof *out->v);
        for (size_t i = 0; i < ix->nentries; i++) memset(&out->v[ix->entries[i]], 0, sizeof *out->v);
    } else {
        out->v = aics_xcalloc(expected->n ? expected->n : 1, sizeof *out->v);
    }
    sub_parser sp = {.r = {.path = path, .err = err, .errsz = errsz}, .s = out, .expected = expected, .ix = ix};
    if (!aics_reader_start(&sp.r, text, len, AICS_REFUSE_BINARY))
        return aics_reader_fail(&sp.r, 1, 1, "binary file (NUL bytes or invalid UTF-8); expected kv text");
    size_t max_lines = lim ? lim->max_lines : AICS_GRADE_MAX_LINES;
    for (aics_line l; aics_reader_next(&sp.r, &l);) {
        if ((size_t)l.no > max_lines)
            return aics_reader_fail_here(&sp.r, 1, "more than %zu lines; expected a kv result file", max_lines);
        char *s = text + (l.s - text); /* lines are written in place */
        size_t k = l.n, i = 0;
        s[k] = '\0'; /* '\r', '\n' or the final NUL */
        while (i < k && is_space(s[i])) i++;
        if (l.no == 1 && i < k && s[i] == '#') {
            for (i++; i < k && is_space(s[i]); i++) {}
            out->header = s + i;
            continue;
        }
        if (l.no == 1) break; /* no header: refused below */
        if (i == k || s[i] == '#') continue;
        take_line(&sp, s + i, k - i, i);
    }
    char why[200];
    if (!aics_grade_header_ok(out->header, why, sizeof why))
        return aics_format_error(err, errsz, path, 1, 1, "%s", why);
    return true;
}

void aics_grade_submission_free(aics_grade_submission *s)
{
    free(s->path);
    free(s->text);
    free(s->v);
    free(s->extra);
    for (size_t i = 0; i < s->nignored; i++) free(s->ignored[i]);
    free(s->ignored);
    memset(s, 0, sizeof *s);
}
