/* fileio.c — bounded reads and atomic, change-only writes (see fileio.h). */
#include "fileio.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "error.h"

char *aics_read_file(const char *path, size_t max_bytes, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    aics_buf b = AICS_BUF_INIT;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b.len + n > max_bytes) {
            fclose(f);
            aics_buf_free(&b);
            errno = EFBIG;
            return NULL;
        }
        aics_buf_append(&b, chunk, n);
    }
    int failed = ferror(f);
    fclose(f);
    if (failed) {
        aics_buf_free(&b);
        errno = EIO;
        return NULL;
    }
    if (len) *len = b.len;
    return aics_buf_take(&b);
}

bool aics_make_dirs(const char *path)
{
    char *p = aics_xstrdup(path);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/') continue;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            free(p);
            return false;
        }
        *s = '/';
    }
    bool ok = mkdir(p, 0777) == 0 || errno == EEXIST;
    free(p);
    return ok;
}

static bool same_bytes(const char *path, const char *data, size_t len)
{
    size_t old_len;
    char *old = aics_read_file(path, len + 1, &old_len);
    bool same = old && old_len == len && memcmp(old, data, len) == 0;
    free(old);
    return same;
}

static bool make_parent(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash || slash == path) return true;
    char *dir = aics_xstrdup(path);
    dir[slash - path] = '\0';
    bool ok = aics_make_dirs(dir);
    free(dir);
    return ok;
}

int aics_write_file_atomic(const char *path, const char *data, size_t len)
{
    if (same_bytes(path, data, len)) return 0;
    if (!make_parent(path)) return -1;
    aics_buf tmp = AICS_BUF_INIT;
    aics_buf_printf(&tmp, "%s.tmp.%ld", path, (long)getpid());
    FILE *f = fopen(tmp.data, "wb");
    if (!f) {
        aics_buf_free(&tmp);
        return -1;
    }
    bool ok = fwrite(data, 1, len, f) == len;
    ok = (fclose(f) == 0) && ok;
    if (!ok || rename(tmp.data, path) != 0) {
        int saved = errno;
        remove(tmp.data);
        aics_buf_free(&tmp);
        errno = saved ? saved : EIO;
        return -1;
    }
    aics_buf_free(&tmp);
    return 1;
}

/* Length of the UTF-8 sequence starting at s[0], or 0 if it is invalid. */
static size_t utf8_len(const unsigned char *s, size_t avail)
{
    size_t n = s[0] < 0x80 ? 1 : (s[0] & 0xE0) == 0xC0 ? 2
             : (s[0] & 0xF0) == 0xE0 ? 3 : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0 || n > avail || (n == 2 && s[0] < 0xC2)) return 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80) return 0;
    return n;
}

bool aics_looks_binary(const char *data, size_t len)
{
    const unsigned char *s = (const unsigned char *)data;
    for (size_t i = 0; i < len;) {
        if (s[i] == 0) return true;
        size_t n = utf8_len(s + i, len - i);
        if (n == 0) return true;
        i += n;
    }
    return false;
}
