/* test_fileio.c — atomic, change-only writes and bounded reads. */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "intmath.h"

static char dir[64];

static void make_dir(void)
{
    strcpy(dir, "/tmp/aics-fileio-XXXXXX");
    ck_assert_msg(mkdtemp(dir) != NULL, "A temporary folder should be creatable.");
}

START_TEST(write_then_read_back)
{
    make_dir();
    char path[128];
    snprintf(path, sizeof path, "%s/a/b/out.txt", dir);
    ck_assert_msg(aics_write_file_atomic(path, "hello\n", 6) == 1, "A new file should be written (and its folders made).");
    size_t len;
    char *text = aics_read_file(path, 100, &len);
    ck_assert_msg(text && len == 6 && strcmp(text, "hello\n") == 0, "The bytes should read back.");
    free(text);
}
END_TEST

START_TEST(unchanged_bytes_are_not_rewritten)
{
    make_dir();
    char path[128];
    snprintf(path, sizeof path, "%s/same.txt", dir);
    aics_write_file_atomic(path, "x", 1);
    struct stat before, after;
    stat(path, &before);
    ck_assert_msg(aics_write_file_atomic(path, "x", 1) == 0, "Identical bytes should report 'unchanged'.");
    stat(path, &after);
    ck_assert_msg(before.st_ino == after.st_ino, "An unchanged file should keep its inode (not be replaced).");
    ck_assert_msg(aics_write_file_atomic(path, "y", 1) == 1, "New bytes should be written.");
}
END_TEST

START_TEST(read_limit_and_missing_file)
{
    make_dir();
    char path[128];
    snprintf(path, sizeof path, "%s/big.txt", dir);
    aics_write_file_atomic(path, "0123456789", 10);
    errno = 0;
    ck_assert_msg(aics_read_file(path, 9, NULL) == NULL && errno == EFBIG, "A file over the limit gives EFBIG.");
    ck_assert_msg(aics_read_file("/nonexistent/file", 9, NULL) == NULL && errno == ENOENT, "A missing file gives ENOENT.");
}
END_TEST

START_TEST(failed_write_leaves_old_file)
{
    ck_assert_msg(aics_write_file_atomic("/proc/aics-no-such/x", "a", 1) == -1, "An unwritable path fails cleanly.");
}
END_TEST

START_TEST(binary_detection)
{
    ck_assert_msg(!aics_looks_binary("plain 文字\n", strlen("plain 文字\n")), "UTF-8 text is not binary.");
    ck_assert_msg(aics_looks_binary("a\0b", 3), "A NUL byte is binary.");
    ck_assert_msg(aics_looks_binary("\xff\xfe", 2), "Invalid UTF-8 is binary.");
    ck_assert_msg(aics_looks_binary("\xe6\x96", 2), "A truncated sequence is binary.");
}
END_TEST

START_TEST(checked_arithmetic)
{
    int64_t out = 0;
    ck_assert_msg(aics_mul_i64(3037000499LL, 3037000499LL, &out) && out == 9223372030926249001LL,
                  "3037000499² fits in int64.");
    ck_assert_msg(!aics_mul_i64(3037000500LL, 3037000500LL, &out), "3037000500² overflows int64.");
    ck_assert_msg(!aics_add_i64(INT64_MAX, 1, &out), "INT64_MAX + 1 overflows.");
    char buf[32];
    ck_assert_str_eq(aics_fmt_thousands(1234567, buf), "1,234,567");
    ck_assert_str_eq(aics_fmt_thousands(-100, buf), "-100");
    ck_assert_str_eq(aics_fmt_thousands(0, buf), "0");
}
END_TEST

/* Issue 14: readers read only regular files, and never block on a FIFO. */
START_TEST(only_regular_files_are_read)
{
    make_dir();
    char fifo[128];
    snprintf(fifo, sizeof fifo, "%s/fifo", dir);
    ck_assert(mkfifo(fifo, 0600) == 0);
    errno = 0;
    ck_assert_msg(aics_read_file(fifo, 100, NULL) == NULL && errno == ESPIPE, "A FIFO is refused, not waited on.");
    ck_assert_msg(aics_read_file(dir, 100, NULL) == NULL && errno == EISDIR, "A folder is refused.");
    ck_assert_msg(aics_read_file("/dev/zero", 100, NULL) == NULL && errno == ENODEV,
                  "A device is refused (/dev/zero would never end).");
    char err[256];
    ck_assert(aics_read_text(fifo, 100, "a kv file", NULL, err, sizeof err) == NULL);
    char want[256];
    snprintf(want, sizeof want, "%s: is a FIFO or socket, not a regular file; expected a kv file", fifo);
    ck_assert_str_eq(err, want);
    ck_assert(aics_read_text("/dev/null", 100, "a kv file", NULL, err, sizeof err) == NULL);
    ck_assert_str_eq(err, "/dev/null: is a device, not a regular file; expected a kv file");
    unlink(fifo);
}
END_TEST

/* Issue 14: as root, --output=/dev/null replaced /dev/null with a regular
 * file. The writer writes new paths and regular files only. */
START_TEST(only_regular_files_are_replaced)
{
    make_dir();
    char fifo[128], link[128], target[128];
    snprintf(fifo, sizeof fifo, "%s/fifo", dir);
    snprintf(link, sizeof link, "%s/link", dir);
    snprintf(target, sizeof target, "%s/target", dir);
    ck_assert(mkfifo(fifo, 0600) == 0 && symlink(target, link) == 0);
    ck_assert_msg(aics_write_file_atomic("/dev/null", "x", 1) == -1 && errno == ENODEV, "A device is refused.");
    struct stat st;
    ck_assert_msg(stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode), "/dev/null is still a device.");
    ck_assert_msg(aics_write_file_atomic(fifo, "x", 1) == -1 && errno == ESPIPE, "A FIFO is refused.");
    ck_assert_msg(lstat(fifo, &st) == 0 && S_ISFIFO(st.st_mode), "The FIFO is left alone.");
    ck_assert_msg(aics_write_file_atomic(link, "x", 1) == -1 && errno == ELOOP, "A symbolic link is refused.");
    ck_assert_msg(lstat(link, &st) == 0 && S_ISLNK(st.st_mode) && access(target, F_OK) != 0,
                  "Nothing is written through the link.");
    ck_assert_msg(aics_write_file_atomic(dir, "x", 1) == -1 && errno == EISDIR, "A folder is refused.");
    ck_assert(!aics_writable_path(fifo) && aics_writable_path(target));
    unlink(fifo);
    unlink(link);
}
END_TEST

/* Issue 15: one BOM stripper for every reader (there were eight copies). */
START_TEST(bom_is_skipped_once)
{
    const char *t = "\xEF\xBB\xBFkey 1\n";
    size_t n = strlen(t);
    aics_skip_bom(&t, &n);
    ck_assert_msg(n == 6 && strcmp(t, "key 1\n") == 0, "A BOM is skipped, with its length.");
    aics_skip_bom(&t, &n);
    ck_assert_msg(n == 6, "Text without a BOM is left as it is.");
    const char *short_text = "\xEF\xBB";
    size_t two = 2;
    aics_skip_bom(&short_text, &two);
    ck_assert_msg(two == 2, "Two bytes are not a BOM.");
    const char *c = "\xEF\xBB\xBF";
    aics_skip_bom(&c, NULL);
    ck_assert_msg(*c == '\0', "A C string that is only a BOM becomes empty.");
}
END_TEST

Suite *fileio_suite(void)
{
    Suite *s = suite_create("fileio");
    TCase *core = tcase_create("Core");
    tcase_add_test(core, write_then_read_back);
    tcase_add_test(core, unchanged_bytes_are_not_rewritten);
    suite_add_tcase(s, core);
    TCase *limits = tcase_create("Limits");
    tcase_add_test(limits, read_limit_and_missing_file);
    tcase_add_test(limits, failed_write_leaves_old_file);
    tcase_add_test(limits, only_regular_files_are_read);
    tcase_add_test(limits, bom_is_skipped_once);
    tcase_add_test(limits, only_regular_files_are_replaced);
    tcase_add_test(limits, binary_detection);
    tcase_add_test(limits, checked_arithmetic);
    suite_add_tcase(s, limits);
    return s;
}
