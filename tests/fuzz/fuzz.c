/* fuzz.c — the shared parts of the libFuzzer harnesses (fuzz.h): exit()
 * turned into a jump back to the harness, input copies, scratch files. */
#include "fuzz.h"

#include <setjmp.h>
#include <stdnoreturn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static jmp_buf *armed; /* where exit() goes while aics_fuzz_call runs */

noreturn void __real_exit(int status);
noreturn void __wrap_exit(int status);

/* -Wl,--wrap=exit sends every exit() call of the linked objects here. */
void __wrap_exit(int status)
{
    jmp_buf *to = armed;
    if (!to) __real_exit(status);
    armed = NULL;
    fflush(NULL);
    longjmp(*to, (status & 0xff) + 1); /* setjmp must see a non-zero value */
}

int aics_fuzz_call(void (*f)(void *), void *arg)
{
    jmp_buf here;
    int jumped = setjmp(here);
    if (jumped) {
        int status = jumped - 1;
        if (status == 1) {
            fprintf(stderr, "fuzz: an internal check failed (exit 1) on this input\n");
            abort();
        }
        return status;
    }
    armed = &here;
    f(arg);
    armed = NULL;
    return -1;
}

char *aics_fuzz_text(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s) abort();
    if (size) memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

size_t aics_fuzz_split(const uint8_t *data, size_t size, char **parts, size_t *lens, size_t max)
{
    static const char sep[] = "\n--8<--\n";
    const size_t n = sizeof sep - 1;
    size_t count = 0, start = 0;
    for (size_t i = 0; count + 1 < max && i + n <= size; i++) {
        if (memcmp(data + i, sep, n) != 0) continue;
        lens[count] = i - start;
        parts[count++] = aics_fuzz_text(data + start, i - start);
        start = i + n;
        i = start - 1;
    }
    lens[count] = size - start;
    parts[count++] = aics_fuzz_text(data + start, size - start);
    return count;
}

const char *aics_fuzz_tmpdir(const char *name)
{
    static char dir[512];
    if (dir[0]) return dir;
    const char *t = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/aics-fuzz-%s-XXXXXX", t && *t ? t : "/tmp", name);
    if (!mkdtemp(dir)) {
        perror("fuzz: mkdtemp");
        abort();
    }
    return dir;
}

void aics_fuzz_write(const char *path, const void *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0) {
        perror(path);
        abort();
    }
}
