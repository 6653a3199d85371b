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
 * Only regular files are read: the file is opened (without blocking, so a
 * FIFO cannot hang the reader), checked with fstat and its size compared
 * with `max_bytes` before a byte is read. Returns NULL and sets errno on
 * failure: EISDIR (a folder), ENODEV (a device), ESPIPE (a FIFO or socket),
 * EFBIG (larger than `max_bytes`), or what open or read said.
 * aics_file_strerror() words these. `*len` (if not NULL) receives the byte
 * count. */
char *aics_read_file(const char *path, size_t max_bytes, size_t *len);

/* aics_read_file for the readers: on failure write one line into `err`
 * (errsz bytes) and return NULL: "PATH: cannot read: No such file or
 * directory", "PATH: is a FIFO or socket, not a regular file; expected
 * WHAT", "PATH: file is larger than 64 MiB; expected WHAT". `what` names
 * what the file should hold: "a kv file". */
char *aics_read_text(const char *path, size_t max_bytes, const char *what, size_t *len, char *err,
                     size_t errsz);

/* aics_read_text, printing its message and exiting 2 on failure. */
char *aics_read_text_or_die(const char *path, size_t max_bytes, const char *what, size_t *len);

/* Write `len` bytes to `path` atomically, creating missing parent folders:
 * into a new file beside it (created with O_EXCL, never through a link),
 * then renamed over it. Only a new path or a regular file is written: a
 * device, FIFO, socket, folder or symbolic link at `path` is refused (errno
 * ENODEV, ESPIPE, EISDIR or ELOOP) and left alone. Returns 1 when the file
 * was written, 0 when it already held these bytes, and -1 (with errno set)
 * on failure, leaving any old file intact. */
int aics_write_file_atomic(const char *path, const char *data, size_t len);

/* Whether the regular file `path` holds exactly these `len` bytes (false
 * when it is missing or not regular); what lets a writer skip a rewrite. */
bool aics_file_has_bytes(const char *path, const char *data, size_t len);

/* Whether aics_write_file_atomic may write `path`: it does not exist yet,
 * or is a regular file. Otherwise false, with errno as above. */
bool aics_writable_path(const char *path);

/* strerror(), with the meanings aics_read_file and aics_write_file_atomic
 * give EISDIR, ENODEV, ESPIPE, ELOOP and EFBIG: "is a FIFO or socket, not a
 * regular file" and the like. */
const char *aics_file_strerror(int err);

/* mkdir -p; returns false with errno set on failure. */
bool aics_make_dirs(const char *path);

/* The text after a UTF-8 byte-order mark, if `*text` starts with one:
 * advance *text by 3 and, when `len` is not NULL, shorten *len by 3. The
 * one place a reader strips a BOM (pass len NULL for a NUL-terminated
 * text). */
void aics_skip_bom(const char **text, size_t *len);

/* True when `data` has a NUL byte or invalid UTF-8 in its first `len` bytes:
 * what every text reader should refuse with "binary file". */
bool aics_looks_binary(const char *data, size_t len);

/* Like aics_looks_binary, and where: the 1-based line and column (in
 * characters) of the first NUL byte or invalid UTF-8, for "file:line:col". */
bool aics_find_binary(const char *data, size_t len, long *line, long *col);

#endif
