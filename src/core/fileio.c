/* fileio.c — bounded reads and atomic, change-only writes (see fileio.h). */
#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "error.h"

/* The errno that names what kind of non-regular file `st` is (fileio.h). */
static int not_regular(const struct stat *st)
{
    if (S_ISDIR(st->st_mode)) return EISDIR;
    if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode)) return ENODEV;
    if (S_ISLNK(st->st_mode)) return ELOOP;
    return ESPIPE; /* FIFO or socket */
}

/* Read at most `max_bytes` of the open regular file `fd`; its size was
 * checked, but it may grow while it is read. */
static char *read_fd(int fd, size_t max_bytes, size_t *len)
{
    aics_buf b = AICS_BUF_INIT;
    char chunk[65536];
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            aics_buf_free(&b);
            return NULL;
        }
        if (n == 0) break;
        if ((size_t)n > max_bytes - b.len) {
            aics_buf_free(&b);
            errno = EFBIG;
            return NULL;
        }
        aics_buf_append(&b, chunk, (size_t)n);
    }
    if (len) *len = b.len;
    return aics_buf_take(&b);
}

char *aics_read_file(const char *path, size_t max_bytes, size_t *len)
{
    /* O_NONBLOCK: opening a FIFO with no writer must not hang; it is
     * refused below like every file that is not regular. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) return NULL;
    struct stat st;
    int why = fstat(fd, &st) != 0 ? errno
            : !S_ISREG(st.st_mode) ? not_regular(&st)
            : (uintmax_t)st.st_size > max_bytes ? EFBIG : 0;
    char *text = why ? NULL : read_fd(fd, max_bytes, len);
    if (!why && !text) why = errno;
    close(fd);
    errno = why;
    return text;
}

const char *aics_file_strerror(int err)
{
    switch (err) {
    case EISDIR: return "is a folder, not a regular file";
    case ENODEV: return "is a device, not a regular file";
    case ESPIPE: return "is a FIFO or socket, not a regular file";
    case ELOOP: return "is a symbolic link, not a regular file";
    case EFBIG: return "is larger than allowed";
    default: return strerror(err);
    }
}

char *aics_read_text(const char *path, size_t max_bytes, const char *what, size_t *len, char *err,
                     size_t errsz)
{
    char *text = aics_read_file(path, max_bytes, len);
    if (text) return text;
    int e = errno;
    if (e == EFBIG && max_bytes % ((size_t)1 << 20) == 0)
        snprintf(err, errsz, "%s: file is larger than %zu MiB; expected %s", path, max_bytes >> 20, what);
    else if (e == EFBIG)
        snprintf(err, errsz, "%s: file is larger than %zu bytes; expected %s", path, max_bytes, what);
    else if (e == EISDIR || e == ENODEV || e == ESPIPE)
        snprintf(err, errsz, "%s: %s; expected %s", path, aics_file_strerror(e), what);
    else
        snprintf(err, errsz, "%s: cannot read: %s", path, strerror(e));
    errno = e;
    return NULL;
}

char *aics_read_text_or_die(const char *path, size_t max_bytes, const char *what, size_t *len)
{
    char err[4400];
    char *text = aics_read_text(path, max_bytes, what, len, err, sizeof err);
    if (!text) {
        fprintf(stderr, "%s\n", err);
        exit(AICS_EXIT_DATA);
    }
    return text;
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

bool aics_file_has_bytes(const char *path, const char *data, size_t len)
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

/* As root, renaming onto /dev/null would replace the device. */
bool aics_writable_path(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0) return errno == ENOENT;
    if (S_ISREG(st.st_mode)) return true;
    errno = not_regular(&st);
    return false;
}

/* Write all of `data` into the new file `tmp` (created, never followed). */
static bool write_new(const char *tmp, const char *data, size_t len)
{
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0) return false;
    for (size_t done = 0; done < len;) {
        ssize_t n = write(fd, data + done, len - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            int saved = n < 0 ? errno : EIO;
            close(fd);
            errno = saved;
            return false;
        }
        done += (size_t)n;
    }
    return close(fd) == 0;
}

int aics_write_file_atomic(const char *path, const char *data, size_t len)
{
    if (!aics_writable_path(path)) return -1;
    if (aics_file_has_bytes(path, data, len)) return 0;
    if (!make_parent(path)) return -1;
    aics_buf tmp = AICS_BUF_INIT;
    aics_buf_printf(&tmp, "%s.tmp.%ld", path, (long)getpid());
    unlink(tmp.data); /* a leftover of a killed run with this pid */
    bool ok = write_new(tmp.data, data, len);
    /* The target may have been swapped for a device meanwhile; check again
     * just before the rename. */
    ok = ok && aics_writable_path(path) && rename(tmp.data, path) == 0;
    if (!ok) {
        int saved = errno;
        unlink(tmp.data);
        errno = saved ? saved : EIO;
    }
    aics_buf_free(&tmp);
    return ok ? 1 : -1;
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

/* Whether the 8 bytes of w are all ASCII, none NUL and none '\n' (the
 * classic "has a zero byte" test, on w and on w ^ "\n\n…"). */
static bool plain_ascii8(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t nl = w ^ 0x0A0A0A0A0A0A0A0Aull;
    return !(w & highs) && !((w - ones) & ~w & highs) && !((nl - ones) & ~nl & highs);
}

void aics_skip_bom(const char **text, size_t *len)
{
    /* Without a length the text ends at its NUL: compare byte by byte, so that
     * a mismatch (or the NUL) stops the reading. */
    const char *t = *text;
    bool bom = len ? *len >= 3 && memcmp(t, "\xEF\xBB\xBF", 3) == 0
                   : t[0] == '\xEF' && t[1] == '\xBB' && t[2] == '\xBF';
    if (!bom) return;
    *text += 3;
    if (len) *len -= 3;
}

bool aics_find_binary(const char *data, size_t len, long *line, long *col)
{
    const unsigned char *s = (const unsigned char *)data;
    long ln = 1, cl = 1;
    for (size_t i = 0; i < len;) {
        uint64_t w;
        if (len - i >= 8 && (memcpy(&w, s + i, 8), plain_ascii8(w))) { /* text is mostly ASCII */
            i += 8, cl += 8;
            continue;
        }
        size_t n = s[i] == 0 ? 0 : utf8_len(s + i, len - i);
        if (n == 0) {
            if (line) *line = ln;
            if (col) *col = cl;
            return true;
        }
        if (s[i] == '\n') ln++, cl = 1;
        else cl++;
        i += n;
    }
    return false;
}

bool aics_looks_binary(const char *data, size_t len) { return aics_find_binary(data, len, NULL, NULL); }
