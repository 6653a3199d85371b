/* test_nettable.c — the tables 3.1 and 3.2 share: every count field has its
 * own value and key, and the per-layer, totals and mistakes keys of a small
 * net by hand (conv 1→2, 3×3 on 1×4×4, then ReLU). */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "nettable.h"

START_TEST(fields_have_own_values_and_keys)
{
    aics_layer_counts c = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    for (int f = 0; f < AICS_FIELD_COUNT; f++) {
        const char *k = aics_count_field_key((aics_count_field)f);
        ck_assert_msg(k && *k, "Field %d has a key.", f);
        for (int g = 0; g < f; g++) {
            ck_assert_msg(strcmp(k, aics_count_field_key((aics_count_field)g)) != 0, "Key %s is unique.", k);
            ck_assert(aics_count_field_value(&c, (aics_count_field)f) !=
                      aics_count_field_value(&c, (aics_count_field)g));
        }
    }
    ck_assert(aics_count_field_value(&c, AICS_FIELD_NEURONS) == 4);
    ck_assert(aics_count_field_value(&c, AICS_FIELD_OTHER_EXP) == 10);
    ck_assert(aics_count_field_value(&c, AICS_FIELD_ACT_BYTES) == 12);
    ck_assert_str_eq(aics_count_field_key(AICS_FIELD_OTHER_CMP), "other.cmp");
}
END_TEST

/* The small net as one netreport entry named "t". */
static aics_netreport_entry small_net(char **layer_keys, aics_layer_counts *per_layer)
{
    aics_net *n = aics_net_new("t");
    aics_net_input(n, "data", 1, 4, 4);
    aics_layer *l = aics_net_layer(n, AICS_LAYER_CONV, "conv", "data", "conv");
    l->num_output = 2, l->kernel_h = l->kernel_w = 3;
    aics_net_layer(n, AICS_LAYER_RELU, "relu", "conv", "conv");
    aics_net_error err;
    ck_assert_msg(aics_net_finish(n, &err), "The net should finish: %s", err.msg);
    aics_netreport_entry e = {.net = n, .layer_key = layer_keys, .per_layer = per_layer};
    strcpy(e.key, "t");
    ck_assert(aics_net_count(n, 0, per_layer, &e.total, &err));
    return e;
}

START_TEST(keys_by_hand)
{
    char *names[] = {"data", "conv", "relu"};
    aics_layer_counts per[3];
    aics_netreport_entry e = small_net(names, per);
    ck_assert_int_eq((int)e.net->nlayers, 3);
    aics_netreport rep = {.e = &e, .n = 1};
    aics_result *r = aics_result_new("3.2", 0, "test");
    static const aics_count_field keys[] = {AICS_FIELD_MUL, AICS_FIELD_OTHER_CMP};
    static const aics_nettable_cols cols = {1, {AICS_FIELD_MUL}, {"mul"}};
    aics_nettable_total_keys(r, &rep, keys, 1);
    aics_nettable_layers(r, &e, &cols, false, keys, 2, 1);
    static const unsigned sets[] = {AICS_MISTAKE_NO_KERNEL, AICS_MISTAKE_NO_KERNEL | AICS_MISTAKE_NO_GROUPS};
    static const char *const labels[] = {"a", "b"};
    const aics_nettable_mistakes m = {sets, labels, 2, "", "both"};
    aics_nettable_mistakes_part(r, &rep, &m, &cols, "ratio", false);
    aics_buf kv = AICS_BUF_INIT;
    aics_result_render(r, AICS_FORMAT_KV, &kv);
    /* 2 outputs of 2×2 each take 1·3·3 products: mul 72; without the kernel 8. */
    ck_assert_msg(strstr(kv.data, "t.total.mul 72\n"), "Total mul by hand: %s", kv.data);
    ck_assert(strstr(kv.data, "t.layer.conv.mul 72\n"));
    ck_assert_msg(!strstr(kv.data, "t.layer.conv.other.cmp"), "other.cmp only where there is work.");
    ck_assert_msg(strstr(kv.data, "t.layer.relu.other.cmp 8\n"), "ReLU compares each of 8 outputs.");
    ck_assert(strstr(kv.data, "t.layer.relu.mul 0\n"));
    ck_assert(strstr(kv.data, "t.mistake.no_kernel.mul 8\n"));
    ck_assert_msg(strstr(kv.data, "t.mistake.both.mul 8\n"), "A combination has the combined key.");
    aics_buf_free(&kv);
    aics_result_free(r);
    aics_net_free(e.net);
}
END_TEST

Suite *nettable_suite(void)
{
    Suite *s = suite_create("nettable");
    TCase *core = tcase_create("Core");
    tcase_add_test(core, fields_have_own_values_and_keys);
    tcase_add_test(core, keys_by_hand);
    suite_add_tcase(s, core);
    return s;
}
