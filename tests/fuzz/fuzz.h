/* fuzz.h — what the libFuzzer harnesses in tests/fuzz/ share.
 *
 * Each harness fuzz_NAME.c defines LLVMFuzzerTestOneInput and is built by
 * `make fuzz` with clang -fsanitize=fuzzer,address,undefined and linked with
 * -Wl,--wrap=exit, so that the project's one-line errors, which end the
 * program (error.h: exit 2 for bad input), come back to the harness instead:
 *
 *     int st = aics_fuzz_call(run_it, &input);
 *
 * runs run_it(&input) and returns -1 when it returned, or the status it
 * passed to exit(). A refusal (exit 2) is the expected answer to bad input.
 * An internal check failure (exit 1) on any input is a bug, so aics_fuzz_call
 * aborts on it and libFuzzer reports the input. Outside aics_fuzz_call, exit()
 * is the real one (libFuzzer's own exits go there).
 *
 * Memory still held when such a call exits is lost; `make fuzz` runs these
 * harnesses with -detect_leaks=0 (tests/fuzz/run.sh).
 */
#ifndef AICS_FUZZ_H
#define AICS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Run f(arg); -1 when it returns, else the status it gave exit() (never 1). */
int aics_fuzz_call(void (*f)(void *), void *arg);

/* A NUL-terminated copy of the input (free it); NULs inside stay. */
char *aics_fuzz_text(const uint8_t *data, size_t size);

/* Split the input at each "\n--8<--\n" into at most `max` parts (the last
 * keeps any further separators): NUL-terminated malloc'd copies in parts[],
 * their lengths in lens[]. Returns how many parts (at least 1). */
size_t aics_fuzz_split(const uint8_t *data, size_t size, char **parts, size_t *lens, size_t max);

/* A fresh folder under $TMPDIR (or /tmp), made once per process, named after
 * `name`; it stays behind (make fuzz points TMPDIR into build/fuzz/tmp and
 * removes that). */
const char *aics_fuzz_tmpdir(const char *name);

/* Write `size` bytes to `path` (created or truncated); aborts on failure. */
void aics_fuzz_write(const char *path, const void *data, size_t size);

#endif
