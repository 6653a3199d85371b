/* test_strmap.c — the string hash table: SipHash against the paper, the
 * table's contract, and growth to many keys. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "strmap.h"

/* SipHash paper (Aumasson and Bernstein 2012), appendix A: key 00..0f,
 * message 00..0e gives a129ca6149be45e5; the reference vectors.h starts
 * with the empty message: 310e0edd47db6f72 as bytes. */
START_TEST(siphash_matches_the_paper)
{
    unsigned char k[16], msg[15];
    for (int i = 0; i < 16; i++) k[i] = (unsigned char)i;
    for (int i = 0; i < 15; i++) msg[i] = (unsigned char)i;
    ck_assert_msg(aics_siphash24(k, msg, 15) == 0xa129ca6149be45e5ull, "The paper's test vector.");
    ck_assert_msg(aics_siphash24(k, msg, 0) == 0x726fdb47dd0e0e31ull, "vectors.h, empty message.");
}
END_TEST

START_TEST(add_get_set)
{
    aics_strmap *m = aics_strmap_new();
    size_t v = 0;
    ck_assert(!aics_strmap_get(m, "conv1", &v));
    ck_assert(aics_strmap_add(m, "conv1", 7, NULL));
    ck_assert_msg(!aics_strmap_add(m, "conv1", 8, &v) && v == 7, "A second add keeps the first value.");
    ck_assert(aics_strmap_get(m, "conv1", &v) && v == 7);
    aics_strmap_set(m, "conv1", 9);
    aics_strmap_set(m, "relu1", 1);
    ck_assert(aics_strmap_get(m, "conv1", &v) && v == 9);
    ck_assert(aics_strmap_get(m, "relu1", &v) && v == 1);
    ck_assert_uint_eq(aics_strmap_count(m), 2);
    ck_assert_msg(!aics_strmap_get(m, "conv", NULL), "A prefix is another key.");
    ck_assert_msg(aics_strmap_addn(m, "a\0b", 3, 3, NULL) && !aics_strmap_get(m, "a", NULL),
                  "Keys are bytes with a length; a NUL inside is part of the key.");
    ck_assert(aics_strmap_getn(m, "a\0b", 3, &v) && v == 3);
    ck_assert(aics_strmap_add(m, "", 4, NULL) && aics_strmap_get(m, "", &v) && v == 4);
    aics_strmap_free(m);
    aics_strmap_free(NULL);
}
END_TEST

/* The map copies keys: the caller's buffer is reused for every key. */
START_TEST(many_keys_survive_growth)
{
    enum { N = 200000 };
    aics_strmap *m = aics_strmap_new();
    char key[32];
    for (size_t i = 0; i < N; i++) {
        snprintf(key, sizeof key, "layer.%zu.macs", i);
        ck_assert(aics_strmap_add(m, key, i, NULL));
    }
    ck_assert_uint_eq(aics_strmap_count(m), N);
    for (size_t i = 0; i < N; i++) {
        size_t v;
        snprintf(key, sizeof key, "layer.%zu.macs", i);
        ck_assert_msg(aics_strmap_get(m, key, &v) && v == i, "Key %s should map to %zu.", key, i);
    }
    ck_assert(!aics_strmap_get(m, "layer.200000.macs", NULL));
    aics_strmap_free(m);
}
END_TEST

Suite *strmap_suite(void)
{
    Suite *s = suite_create("strmap");
    TCase *core = tcase_create("Core");
    tcase_add_test(core, siphash_matches_the_paper);
    tcase_add_test(core, add_get_set);
    tcase_add_test(core, many_keys_survive_growth);
    suite_add_tcase(s, core);
    return s;
}
