/* kv.c — the kv result reader (see kv.h). */
#include "kv.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "fileio.h"
#include "reader.h"
#include "strmap.h"

bool aics_kv_key_ok(const char *key)
{
    if (!key || !*key) return false;
    for (const char *p = key; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '.'))
            return false;
    return true;
}

static bool is_space(char c) { return c == ' ' || c == '\t'; }

static char *dup_range(const char *s, size_t n)
{
    char *d = aics_xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

/* The keys' index (strmap.h) maps a key to its entry number, so duplicate
 * checks and look-ups are O(1): per-layer results have thousands of keys.
 * The entry array grows geometrically, so memory stays proportional to the
 * entries actually read. */
struct aics_kv_index {
    aics_strmap *map;
    size_t ecap; /* entries allocated in aics_kv.e */
};

/* Make room for `n` entries. */
static void index_reserve(aics_kv *kv, size_t n)
{
    aics_kv_index *ix = kv->index;
    if (!ix) {
        ix = kv->index = aics_xcalloc(1, sizeof *ix);
        ix->map = aics_strmap_new();
    }
    if (n > ix->ecap) {
        ix->ecap = n > 2 * ix->ecap ? n : 2 * ix->ecap; /* geometric: amortised O(1) */
        kv->e = aics_xrealloc(kv->e, ix->ecap * sizeof *kv->e);
    }
}

/* Parse one non-comment line into a new entry. */
static bool parse_entry(aics_reader *r, aics_kv *out, const aics_line *l)
{
    const char *s = l->s;
    size_t i = 0, n = l->n;
    while (i < n && is_space(s[i])) i++;
    size_t k0 = i;
    while (i < n && !is_space(s[i])) i++;
    char *key = dup_range(s + k0, i - k0);
    if (!aics_kv_key_ok(key)) {
        free(key);
        return aics_reader_fail_here(r, (long)k0 + 1, "expected a key made of [a-z0-9_.]");
    }
    while (i < n && is_space(s[i])) i++;
    size_t v0 = i;
    while (i < n && !is_space(s[i])) i++;
    size_t v1 = i;
    while (i < n && is_space(s[i])) i++;
    if (v1 == v0 || i < n) {
        free(key);
        return aics_reader_fail_here(r, (long)(v1 == v0 ? v0 : i) + 1,
                    v1 == v0 ? "expected a value after the key"
                             : "expected one value; found more text after it");
    }
    index_reserve(out, out->n + 1);
    size_t first;
    if (!aics_strmap_add(out->index->map, key, out->n, &first)) {
        free(key);
        return aics_reader_fail_here(r, (long)k0 + 1, "duplicate key (first given on line %ld)",
                                     out->e[first].line);
    }
    out->e[out->n++] = (aics_kv_entry){key, dup_range(s + v0, v1 - v0), l->no};
    return true;
}

/* A line of the kv format: blank, a comment (the first line's is the
 * header), or an entry. */
static bool parse_line(aics_reader *r, aics_kv *out, const aics_line *l)
{
    size_t i = 0;
    while (i < l->n && is_space(l->s[i])) i++;
    if (i == l->n) return true;
    if (l->s[i] != '#') return parse_entry(r, out, l);
    if (l->no == 1 && !out->header) {
        size_t h = i + 1;
        while (h < l->n && is_space(l->s[h])) h++;
        out->header = dup_range(l->s + h, l->n - h);
    }
    return true;
}

bool aics_kv_parse(const char *text, size_t len, const char *path, aics_kv *out,
                   char *err, size_t errsz)
{
    memset(out, 0, sizeof *out);
    aics_reader r = {.path = path, .err = err, .errsz = errsz};
    if (!aics_reader_start(&r, text, len, AICS_REFUSE_NUL))
        return aics_reader_fail(&r, 1, 1, "binary file; expected kv text");
    for (aics_line l; aics_reader_next(&r, &l);)
        if (!parse_line(&r, out, &l)) {
            aics_kv_free(out);
            return false;
        }
    return true;
}

bool aics_kv_load(const char *path, size_t max_bytes, aics_kv *out, char *err,
                  size_t errsz)
{
    size_t len;
    char *text = aics_read_text(path, max_bytes, "a kv file", &len, err, errsz);
    if (!text) {
        memset(out, 0, sizeof *out);
        return false;
    }
    bool ok = aics_kv_parse(text, len, path, out, err, errsz);
    free(text);
    return ok;
}

const aics_kv_entry *aics_kv_find(const aics_kv *kv, const char *key)
{
    if (kv->index) {
        size_t i;
        return aics_strmap_get(kv->index->map, key, &i) ? &kv->e[i] : NULL;
    }
    for (size_t i = 0; i < kv->n; i++)
        if (strcmp(kv->e[i].key, key) == 0) return &kv->e[i];
    return NULL;
}

bool aics_kv_header_field(const aics_kv *kv, const char *name, char *out, size_t n)
{
    size_t len = strlen(name);
    if (!kv->header || len == 0) return false; /* strstr finds "" everywhere: no progress */
    for (const char *p = kv->header; (p = strstr(p, name)) != NULL; p += len) {
        bool starts = p == kv->header || p[-1] == ' ';
        if (!starts || p[len] != '=') continue;
        const char *v = p + len + 1;
        size_t vn = strcspn(v, " \t");
        snprintf(out, n, "%.*s", (int)vn, v);
        return true;
    }
    return false;
}

void aics_kv_free(aics_kv *kv)
{
    for (size_t i = 0; i < kv->n; i++) {
        free(kv->e[i].key);
        free(kv->e[i].value);
    }
    free(kv->e);
    free(kv->header);
    if (kv->index) aics_strmap_free(kv->index->map);
    free(kv->index);
    memset(kv, 0, sizeof *kv);
}
