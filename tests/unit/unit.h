/* unit.h — what the unit suites add to Check: an honest skip, and where the
 * shared data lives.
 *
 * Check has no skipped state: a test that returns early counts as passed. A
 * test that cannot run here (its data or a tool is missing) instead says
 *
 *     if (!have_it) AICS_SKIP("../shared/nets is absent (make check SHARED=DIR)");
 *
 * in the test function itself (between START_TEST and END_TEST). That records
 * the test's name and the reason and returns from the test. The runner
 * (main.c) counts the test as skipped, not passed, and lists each skip with
 * its reason above its closing line "unit: N passed, F failed, K skipped".
 * A test skips at most once per run, and skips all of itself: split off the
 * part that needs the data rather than skip half a test.
 */
#ifndef AICS_UNIT_H
#define AICS_UNIT_H

#include <stdbool.h>

/* Record that test function `fn` (its __func__) of `file` is skipped, and why. */
void aics_unit_skip(const char *file, const char *fn, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#define AICS_SKIP(...)                                                         \
    do {                                                                       \
        aics_unit_skip(__FILE__, __func__, __VA_ARGS__);                       \
        return;                                                                \
    } while (0)

/* The shared data folder: $AICS_SHARED when set and not empty, else ../shared. */
const char *aics_unit_shared(void);

/* Whether the shared data folder holds `sub` (a file or folder). */
bool aics_unit_shared_has(const char *sub);

/* Skip the running test unless the shared data folder holds `sub`. */
#define AICS_SKIP_WITHOUT_SHARED(sub)                                          \
    do {                                                                       \
        if (!aics_unit_shared_has(sub))                                        \
            AICS_SKIP("%s/%s is absent (make check SHARED=DIR)",               \
                      aics_unit_shared(), (sub));                              \
    } while (0)

#endif
