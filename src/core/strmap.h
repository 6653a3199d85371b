/* strmap.h — the project's one string hash table: byte-string keys to size_t.
 *
 * Every reader that must find a name fast (kv keys, result keys, prototxt
 * field names, blob names, layer keys) uses this table, so that a file of n
 * names is read in O(n) time whatever the names are:
 *   - keys are hashed with SipHash-2-4 (Aumasson and Bernstein 2012) under a
 *     128-bit key drawn once per process from getrandom(), so nobody can
 *     prepare names that collide ("hash flooding": an 888 KB kv file once
 *     took 8 s to grade instead of 0.02 s);
 *   - the table is open addressing with linear probing, at most half full,
 *     doubling when it fills: amortised O(1) per operation.
 * The table cannot be iterated. Since the hash key changes from run to run,
 * an order taken from the table would make outputs differ between runs;
 * callers keep their own arrays in input order and store indexes here.
 *
 * The map copies each key it adds, so the caller's string may go away.
 * Keys are any bytes (a pointer and a length); the -n forms take the length,
 * the others a C string. Pointers into the table are never handed out, so
 * nothing dangles when it grows.
 */
#ifndef AICS_STRMAP_H
#define AICS_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct aics_strmap aics_strmap;

aics_strmap *aics_strmap_new(void);
void aics_strmap_free(aics_strmap *m); /* NULL is fine */

/* How many keys the map holds. */
size_t aics_strmap_count(const aics_strmap *m);

/* Whether `key` is present; if so and `value` is not NULL, set *value. */
bool aics_strmap_get(const aics_strmap *m, const char *key, size_t *value);
bool aics_strmap_getn(const aics_strmap *m, const char *key, size_t len, size_t *value);

/* Add `key` with `value` unless it is present. Returns true when added;
 * false when the key was there already, and then *existing (if not NULL)
 * is the value it has, which is left unchanged. */
bool aics_strmap_add(aics_strmap *m, const char *key, size_t value, size_t *existing);
bool aics_strmap_addn(aics_strmap *m, const char *key, size_t len, size_t value,
                      size_t *existing);

/* Add `key`, or replace its value. */
void aics_strmap_set(aics_strmap *m, const char *key, size_t value);

/* SipHash-2-4 of `len` bytes under the 16-byte key `k`; public so that its
 * test can check it against the paper's test vector. */
uint64_t aics_siphash24(const unsigned char k[16], const void *data, size_t len);

#endif
