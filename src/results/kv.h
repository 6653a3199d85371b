/* kv.h — reading the kv result format back (see docs/results.md).
 *
 * The reader is what the book generator and the grader use, so it is strict
 * about structure and forgiving about layout: a UTF-8 BOM, CRLF line ends,
 * blank lines and runs of spaces or tabs are accepted; a line that is not
 * `key value`, a bad key, or a key given twice is an error that names the
 * line and column. The parsed aics_kv owns all its strings.
 */
#ifndef AICS_KV_H
#define AICS_KV_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    char *key;
    char *value; /* the value exactly as written */
    long line;
} aics_kv_entry;

typedef struct aics_kv_index aics_kv_index;

typedef struct {
    char *header;     /* the first line's text after "# ", or NULL */
    aics_kv_entry *e; /* entries in file order */
    size_t n;
    aics_kv_index *index; /* private: a hash of the keys, built by the parser so that
                             duplicate checks and aics_kv_find are O(1); NULL is fine */
} aics_kv;

/* Parse `len` bytes of `text`. On error return false and write
 * "path:line:col: message" into err (errsz bytes). */
bool aics_kv_parse(const char *text, size_t len, const char *path, aics_kv *out,
                   char *err, size_t errsz);

/* Read and parse a file of at most `max_bytes`; errors as for aics_kv_parse. */
bool aics_kv_load(const char *path, size_t max_bytes, aics_kv *out, char *err,
                  size_t errsz);

/* Whether `key` is a valid kv key: non-empty, [a-z0-9_.] only. The result
 * writer (result.h) and the grader hold their keys to the same rule. */
bool aics_kv_key_ok(const char *key);

/* The entry for `key`, or NULL (a hash lookup for parsed files). */
const aics_kv_entry *aics_kv_find(const aics_kv *kv, const char *key);

/* Copy header field `name` ("exercise", "seed", …) into out; false if absent
 * (or if name is empty). */
bool aics_kv_header_field(const aics_kv *kv, const char *name, char *out, size_t n);

void aics_kv_free(aics_kv *kv);

#endif
