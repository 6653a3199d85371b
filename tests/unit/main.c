/* main.c — the unit test runner: every tests/unit/test_*.c defines one
 * Suite *NAME_suite(void); the Makefile lists them in suites.h. */
#include <check.h>
#include <stdlib.h>

#define AICS_SUITE(name) Suite *name##_suite(void);
#include "suites.h"
#undef AICS_SUITE

int main(void)
{
    SRunner *sr = srunner_create(NULL);
#define AICS_SUITE(name) srunner_add_suite(sr, name##_suite());
#include "suites.h"
#undef AICS_SUITE
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
