/* fileio.h — reading whole files with a size limit, and writing them safely.
 *
 * Writes go to "<path>.tmp.<pid>" and are renamed over <path> only when
 * complete, so a reader (or an interrupted build) sees the old file or the new
 * one, never half of one. A file whose bytes would not change is not touched,
 * which keeps make's timestamps honest.
 */
#ifndef AICS_FILEIO_H
#define AICS_FILEIO_H

#include <stdbool.h>
#include <stddef.h>

/* Read all of `path` into a new NUL-terminated buffer the caller frees.
 * Returns NULL and sets errno on failure; errno is EFBIG when the file is
 * larger than `max_bytes`. `*len` (if not NULL) receives the byte count. */
char *aics_read_file(const char *path, size_t max_bytes, size_t *len);

/* Write `len` bytes to `path` atomically, creating missing parent folders.
 * Returns 1 when the file was written, 0 when it already held these bytes,
 * and -1 (with errno set) on failure, leaving any old file intact. */
int aics_write_file_atomic(const char *path, const char *data, size_t len);

/* mkdir -p; returns false with errno set on failure. */
bool aics_make_dirs(const char *path);

/* True when `data` has a NUL byte or invalid UTF-8 in its first `len` bytes:
 * what every text reader should refuse with "binary file". */
bool aics_looks_binary(const char *data, size_t len);

#endif
