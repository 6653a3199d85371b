/* main.c — the unit test runner: every tests/unit/test_*.c defines one
 * Suite *NAME_suite(void); the Makefile lists them in suites.h.
 *
 * Check counts a test that returned early as passed, so skips (unit.h) are
 * recorded apart: each is one line written to a scratch file that the forked
 * test processes inherit, read back after the run. The last line is
 * "unit: N passed, F failed, K skipped", after Check's own summary. */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"

#define AICS_SUITE(name) Suite *name##_suite(void);
#include "suites.h"
#undef AICS_SUITE

static FILE *skips; /* one line per skipped test: "FILE NAME: reason" */

const char *aics_unit_shared(void)
{
    const char *s = getenv("AICS_SHARED");
    return s && *s ? s : "../shared";
}

bool aics_unit_shared_has(const char *sub)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", aics_unit_shared(), sub);
    return access(path, F_OK) == 0;
}

void aics_unit_skip(const char *file, const char *fn, const char *fmt, ...)
{
    char line[600];
    size_t n = strlen(fn);
    /* START_TEST(name) defines name_fn; report the test's own name. */
    if (n > 3 && strcmp(fn + n - 3, "_fn") == 0) n -= 3;
    int len = snprintf(line, sizeof line, "%s %.*s: ", file, (int)n, fn);
    if (len < 0 || (size_t)len > sizeof line - 2) len = (int)sizeof line - 2;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line + len, sizeof line - (size_t)len - 1, fmt, ap);
    va_end(ap);
    strcat(line, "\n");
    /* One write() per line: the forked test process shares the file offset. */
    if (!skips || write(fileno(skips), line, strlen(line)) < 0) {
        fprintf(stderr, "unit: cannot record the skip of %s\n", fn);
        abort();
    }
}

/* Print the recorded skips, "SKIP file name: reason", and return how many. */
static int report_skips(void)
{
    int n = 0;
    char line[600];
    rewind(skips);
    while (fgets(line, sizeof line, skips)) {
        printf("SKIP %s", line);
        n++;
    }
    return n;
}

int main(void)
{
    skips = tmpfile();
    if (!skips) {
        perror("unit: tmpfile");
        return EXIT_FAILURE;
    }
    SRunner *sr = srunner_create(NULL);
#define AICS_SUITE(name) srunner_add_suite(sr, name##_suite());
#include "suites.h"
#undef AICS_SUITE
    srunner_run_all(sr, CK_NORMAL);
    int run = srunner_ntests_run(sr), failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    fflush(stdout);
    int skipped = report_skips();
    printf("unit: %d passed, %d failed, %d skipped\n", run - failed - skipped, failed, skipped);
    fclose(skips);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
