/* test_kv.c — the kv reader: tolerant layout, strict structure. */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "kv.h"

static bool parse(const char *text, aics_kv *kv, char *err)
{
    return aics_kv_parse(text, strlen(text), "s.kv", kv, err, 256);
}

START_TEST(bom_crlf_and_spaces_are_tolerated)
{
    aics_kv kv;
    char err[256];
    const char *text = "\xEF\xBB\xBF# aics-result v1 exercise=3.2 seed=0 convention=mac\r\n"
                       "\r\n  a.total   12 \r\n\tb\t0.5\r\n";
    ck_assert_msg(parse(text, &kv, err), "A BOM, CRLF and extra blanks should be accepted: %s", err);
    ck_assert_uint_eq(kv.n, 2);
    ck_assert_str_eq(aics_kv_find(&kv, "a.total")->value, "12");
    ck_assert_int_eq(aics_kv_find(&kv, "b")->line, 4);
    char seed[8];
    ck_assert_msg(aics_kv_header_field(&kv, "seed", seed, sizeof seed) && strcmp(seed, "0") == 0,
                  "The header's seed field should be readable.");
    ck_assert_msg(!aics_kv_header_field(&kv, "missing", seed, sizeof seed), "An absent field is reported absent.");
    /* Found by tests/fuzz/fuzz_kv.c: an empty name looped for ever. */
    ck_assert_msg(!aics_kv_header_field(&kv, "", seed, sizeof seed), "An empty field name is absent.");
    aics_kv_free(&kv);
}
END_TEST

START_TEST(duplicate_key_names_both_lines)
{
    aics_kv kv;
    char err[256];
    ck_assert_msg(!parse("a 1\nb 2\na 3\n", &kv, err), "A duplicate key should be an error.");
    ck_assert_str_eq(err, "s.kv:3:1: duplicate key (first given on line 1)");
}
END_TEST

START_TEST(malformed_lines_name_line_and_column)
{
    aics_kv kv;
    char err[256];
    ck_assert(!parse("ok 1\nBad 2\n", &kv, err));
    ck_assert_str_eq(err, "s.kv:2:1: expected a key made of [a-z0-9_.]");
    ck_assert(!parse("key\n", &kv, err));
    ck_assert_str_eq(err, "s.kv:1:4: expected a value after the key");
    ck_assert(!parse("key 1 2\n", &kv, err));
    ck_assert_str_eq(err, "s.kv:1:7: expected one value; found more text after it");
    ck_assert(!aics_kv_parse("a 1\n\0", 5, "s.kv", &kv, err, sizeof err));
    ck_assert_msg(strstr(err, "binary file") != NULL, "A NUL byte should be reported as binary.");
}
END_TEST

START_TEST(empty_input_has_no_entries)
{
    aics_kv kv;
    char err[256];
    ck_assert_msg(parse("", &kv, err) && kv.n == 0 && kv.header == NULL, "Empty text parses to nothing.");
    aics_kv_free(&kv);
    ck_assert_msg(!aics_kv_load("/nonexistent/x.kv", 1024, &kv, err, sizeof err), "A missing file fails.");
    ck_assert_msg(strstr(err, "cannot read") != NULL, "The message should say the file cannot be read.");
}
END_TEST

/* The hash kv.c used before issue 14 (eight bytes a step, splitmix64's
 * finaliser, no key): fixed, so keys could be prepared to collide. */
static uint64_t old_kv_hash(const char *s, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    while (n > 0) {
        uint64_t w = 0;
        size_t k = n < 8 ? n : 8;
        memcpy(&w, s, k);
        h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
        s += k;
        n -= k;
    }
    h ^= h >> 29;
    h *= 0x94D049BB133111EBull;
    h ^= h >> 32;
    return h;
}

/* A file of keys that all fell into one slot of the old table (the low 11
 * bits of their hash are 0, and 1,000 keys fit a table of 2,048 slots): the
 * flood of issue 14, at a size that also ran (slowly) before. It must read
 * correctly; its speed at scale is in `make bench` (tests/bench/kv_flood.sh). */
START_TEST(keys_that_collided_read_correctly)
{
    enum { N = 1000 };
    aics_buf text = AICS_BUF_INIT;
    aics_buf_puts(&text, "# aics-result v1 exercise=x seed=0 convention=c\n");
    char key[32];
    size_t found = 0;
    for (uint64_t c = 0; found < N; c++) {
        int n = snprintf(key, sizeof key, "k.%llu", (unsigned long long)c);
        if ((old_kv_hash(key, (size_t)n) & 2047) != 0) continue;
        aics_buf_printf(&text, "%s %zu\n", key, found++);
    }
    aics_kv kv;
    char err[256];
    ck_assert_msg(aics_kv_parse(text.data, text.len, "flood.kv", &kv, err, sizeof err), "%s", err);
    ck_assert_uint_eq(kv.n, N);
    for (size_t i = 0; i < N; i++) {
        const aics_kv_entry *e = aics_kv_find(&kv, kv.e[i].key);
        ck_assert_msg(e == &kv.e[i], "Key %s should be found as entry %zu.", kv.e[i].key, i);
    }
    ck_assert(aics_kv_find(&kv, "k.none") == NULL);
    aics_buf_printf(&text, "%s again\n", kv.e[N / 2].key);
    aics_kv_free(&kv);
    ck_assert(!aics_kv_parse(text.data, text.len, "flood.kv", &kv, err, sizeof err));
    ck_assert_msg(strstr(err, "flood.kv:1002:1: duplicate key (first given on line 502)"), "%s", err);
    aics_buf_free(&text);
}
END_TEST

Suite *kv_suite(void)
{
    Suite *s = suite_create("kv");
    TCase *core = tcase_create("Core");
    tcase_add_test(core, bom_crlf_and_spaces_are_tolerated);
    suite_add_tcase(s, core);
    TCase *limits = tcase_create("Limits");
    tcase_add_test(limits, duplicate_key_names_both_lines);
    tcase_add_test(limits, malformed_lines_name_line_and_column);
    tcase_add_test(limits, empty_input_has_no_entries);
    tcase_add_test(limits, keys_that_collided_read_correctly);
    suite_add_tcase(s, limits);
    return s;
}
