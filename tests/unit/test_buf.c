/* test_buf.c — the byte buffer: data is a string from the start. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

/* Issue 15: aics_buf.data was NULL until the first append, which cost a
 * `x.data ? x.data : ""` at every use. */
START_TEST(data_is_never_null)
{
    aics_buf b = AICS_BUF_INIT;
    ck_assert_msg(b.data != NULL && b.data[0] == '\0' && b.len == 0, "A new buffer holds \"\".");
    aics_buf_append(&b, "", 0);
    ck_assert_str_eq(b.data, "");
    aics_buf_printf(&b, "%d×%s", 3, "3");
    ck_assert_str_eq(b.data, "3×3");
    aics_buf_free(&b);
    ck_assert_msg(b.data != NULL && b.data[0] == '\0' && b.len == 0, "A freed buffer holds \"\" again.");
    char *s = aics_buf_take(&b);
    ck_assert_msg(s != NULL && s[0] == '\0', "Taking an empty buffer gives an empty string of one's own.");
    free(s);
    aics_buf z;
    memset(&z, 0, sizeof z); /* a zeroed struct member works as well */
    aics_buf_puts(&z, "ok");
    ck_assert_str_eq(z.data, "ok");
    aics_buf_free(&z);
}
END_TEST

Suite *buf_suite(void)
{
    Suite *s = suite_create("buf");
    TCase *core = tcase_create("Core");
    tcase_add_test(core, data_is_never_null);
    suite_add_tcase(s, core);
    return s;
}
