/* strmap.c — the string hash table (see strmap.h). */
#include "strmap.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "error.h"

/* ---- SipHash-2-4 (reference: github.com/veorq/SipHash) -------------------- */

static uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

static uint64_t load_le(const unsigned char *p, size_t n)
{
    uint64_t w = 0;
    for (size_t i = 0; i < n; i++) w |= (uint64_t)p[i] << (8 * i);
    return w;
}

static void sip_round(uint64_t v[4])
{
    v[0] += v[1]; v[1] = rotl(v[1], 13); v[1] ^= v[0]; v[0] = rotl(v[0], 32);
    v[2] += v[3]; v[3] = rotl(v[3], 16); v[3] ^= v[2];
    v[0] += v[3]; v[3] = rotl(v[3], 21); v[3] ^= v[0];
    v[2] += v[1]; v[1] = rotl(v[1], 17); v[1] ^= v[2]; v[2] = rotl(v[2], 32);
}

static void sip_absorb(uint64_t v[4], uint64_t m)
{
    v[3] ^= m;
    sip_round(v);
    sip_round(v);
    v[0] ^= m;
}

uint64_t aics_siphash24(const unsigned char k[16], const void *data, size_t len)
{
    uint64_t k0 = load_le(k, 8), k1 = load_le(k + 8, 8);
    uint64_t v[4] = {0x736f6d6570736575ull ^ k0, 0x646f72616e646f6dull ^ k1,
                     0x6c7967656e657261ull ^ k0, 0x7465646279746573ull ^ k1};
    const unsigned char *p = data;
    size_t full = len - len % 8;
    for (size_t i = 0; i < full; i += 8) sip_absorb(v, load_le(p + i, 8));
    sip_absorb(v, ((uint64_t)len << 56) | load_le(p + full, len % 8));
    v[2] ^= 0xff;
    for (int r = 0; r < 4; r++) sip_round(v);
    return v[0] ^ v[1] ^ v[2] ^ v[3];
}

/* ---- the per-process hash key --------------------------------------------- */

/* Fill `k` from the kernel; /dev/urandom where getrandom() is missing. The
 * last resort (neither works) still varies per run, which is all a table
 * needs: no output depends on the key. */
static void draw_key(unsigned char k[16])
{
    size_t got = 0;
    while (got < 16) {
        ssize_t r = getrandom(k + got, 16 - got, 0);
        if (r > 0) got += (size_t)r;
        else if (!(r < 0 && errno == EINTR)) break;
    }
    if (got == 16) return;
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ssize_t r = read(fd, k, 16);
        close(fd);
        if (r == 16) return;
    }
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    uint64_t a = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 30), b = (uint64_t)getpid() ^ (uint64_t)(uintptr_t)k;
    memcpy(k, &a, 8);
    memcpy(k + 8, &b, 8);
}

static const unsigned char *hash_key(void)
{
    static unsigned char key[16];
    static bool ready;
    if (!ready) draw_key(key), ready = true;
    return key;
}

/* ---- the table ------------------------------------------------------------ */

typedef struct {
    const char *key; /* NULL: empty */
    size_t len;
    size_t value;
    uint64_t hash;
} slot;

/* Keys are copied into chunks that never move. */
typedef struct chunk {
    struct chunk *next;
    size_t used, cap;
    char data[];
} chunk;

struct aics_strmap {
    slot *slot;
    size_t mask; /* slots - 1; slots is a power of two */
    size_t n;
    chunk *keys;
    const unsigned char *hkey;
};

aics_strmap *aics_strmap_new(void)
{
    aics_strmap *m = aics_xcalloc(1, sizeof *m);
    m->mask = 15;
    m->slot = aics_xcalloc(m->mask + 1, sizeof *m->slot);
    m->hkey = hash_key();
    return m;
}

void aics_strmap_free(aics_strmap *m)
{
    if (!m) return;
    for (chunk *c = m->keys, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    free(m->slot);
    free(m);
}

size_t aics_strmap_count(const aics_strmap *m) { return m->n; }

/* The slot holding [key, key+len), or the empty slot where it would go. */
static slot *find(const aics_strmap *m, const char *key, size_t len, uint64_t h)
{
    size_t i = (size_t)h & m->mask;
    for (slot *s = &m->slot[i]; s->key; s = &m->slot[i = (i + 1) & m->mask])
        if (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0) return s;
    return &m->slot[i];
}

static const char *copy_key(aics_strmap *m, const char *key, size_t len)
{
    chunk *c = m->keys;
    AICS_CHECK(len < SIZE_MAX / 2, "a hash key this long cannot be stored");
    if (!c || c->cap - c->used < len + 1) {
        size_t cap = c && c->cap < ((size_t)1 << 20) ? 2 * c->cap : c ? c->cap : 256;
        if (cap < len + 1) cap = len + 1;
        c = aics_xmalloc(sizeof *c + cap);
        c->next = m->keys, c->used = 0, c->cap = cap;
        m->keys = c;
    }
    char *d = c->data + c->used;
    if (len) memcpy(d, key, len);
    d[len] = '\0';
    c->used += len + 1;
    return d;
}

/* Double the slots when the table would be more than half full. */
static void grow(aics_strmap *m)
{
    if (2 * (m->n + 1) <= m->mask + 1) return;
    AICS_CHECK(m->mask < SIZE_MAX / 4 / sizeof *m->slot, "hash table size overflows size_t");
    slot *old = m->slot;
    size_t old_slots = m->mask + 1;
    m->mask = 2 * old_slots - 1;
    m->slot = aics_xcalloc(m->mask + 1, sizeof *m->slot);
    for (size_t i = 0; i < old_slots; i++)
        if (old[i].key) *find(m, old[i].key, old[i].len, old[i].hash) = old[i];
    free(old);
}

bool aics_strmap_getn(const aics_strmap *m, const char *key, size_t len, size_t *value)
{
    const slot *s = find(m, key, len, aics_siphash24(m->hkey, key, len));
    if (s->key && value) *value = s->value;
    return s->key != NULL;
}

bool aics_strmap_get(const aics_strmap *m, const char *key, size_t *value)
{
    return aics_strmap_getn(m, key, strlen(key), value);
}

/* The slot for [key, key+len), added with `value` when absent; *added says which. */
static slot *insert(aics_strmap *m, const char *key, size_t len, size_t value, bool *added)
{
    grow(m);
    uint64_t h = aics_siphash24(m->hkey, key, len);
    slot *s = find(m, key, len, h);
    *added = s->key == NULL;
    if (*added) {
        *s = (slot){copy_key(m, key, len), len, value, h};
        m->n++;
    }
    return s;
}

bool aics_strmap_addn(aics_strmap *m, const char *key, size_t len, size_t value, size_t *existing)
{
    bool added;
    slot *s = insert(m, key, len, value, &added);
    if (!added && existing) *existing = s->value;
    return added;
}

bool aics_strmap_add(aics_strmap *m, const char *key, size_t value, size_t *existing)
{
    return aics_strmap_addn(m, key, strlen(key), value, existing);
}

void aics_strmap_set(aics_strmap *m, const char *key, size_t value)
{
    bool added;
    insert(m, key, strlen(key), value, &added)->value = value;
}
