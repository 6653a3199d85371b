/* test_dlp6.c — the chapter-6 layer model on layers counted by hand: traffic
 * in both forms, time as the larger of compute and memory, utilisation, and
 * Amdahl's law. */
#include <check.h>
#include <math.h>

#include "dlp6.h"

static aics_net *fc_net(void)
{
    aics_net *n = aics_net_new("t");
    aics_net_input(n, "data", 4, 1, 1);
    aics_layer *l = aics_net_layer(n, AICS_LAYER_FC, "fc", "data", "fc");
    l->num_output = 2;
    aics_net_error e;
    ck_assert(aics_net_finish(n, &e));
    return n;
}

START_TEST(fc_traffic_and_time)
{
    /* 4 → 2 with bias: 8 MACs; 4 inputs + 10 weights + 2 outputs = 16 values. */
    aics_net *n = fc_net();
    aics_layer_counts per[2], tot;
    aics_net_error e;
    ck_assert(aics_net_count(n, 0, per, &tot, &e));
    aics_dlp6_layer l[2];
    ck_assert_uint_eq(aics_dlp6_layers(n, per, 2, l), 1);
    ck_assert(l[0].fc && l[0].macs == 8 && l[0].bytes == 32 && l[0].scalar_bytes == (2 * 8 + 2) * 2);
    aics_dlp6 p = {.freq_ghz = 1, .macs_per_cycle = 1, .elem_bytes = 2, .bw_gbps = 1};
    /* compute 8 ns, memory 32 ns: time 32 ns, utilisation 8/32. */
    ck_assert(fabs(aics_dlp6_time(&p, 8, 32) - 32e-9) < 1e-20);
    ck_assert(fabs(aics_dlp6_utilisation(&p, l, 1, false) - 0.25) < 1e-15);
    ck_assert(fabs(aics_dlp6_utilisation(&p, l, 1, true) - 8.0 / 36) < 1e-15);
    p.bw_gbps = 100; /* compute-bound: exactly 1 */
    ck_assert(aics_dlp6_utilisation(&p, l, 1, false) == 1.0);
    aics_net_free(n);
}
END_TEST

START_TEST(conv_traffic)
{
    /* 1×4×4 input, one 3×3 filter, no padding: 1×2×2 out, 36 MACs; 16 + 10 + 4 values. */
    aics_net *n = aics_net_new("t");
    aics_net_input(n, "data", 1, 4, 4);
    aics_layer *l = aics_net_layer(n, AICS_LAYER_CONV, "c", "data", "c");
    l->num_output = 1, l->kernel_h = l->kernel_w = 3;
    aics_net_error e;
    ck_assert(aics_net_finish(n, &e));
    aics_layer_counts per[2], tot;
    ck_assert(aics_net_count(n, 0, per, &tot, &e));
    aics_dlp6_layer d[2];
    ck_assert_uint_eq(aics_dlp6_layers(n, per, 2, d), 1);
    ck_assert(!d[0].fc && d[0].macs == 36 && d[0].bytes == 60);
    aics_net_free(n);
}
END_TEST

START_TEST(amdahl)
{
    const double f[2] = {0.5, 0.5}, s[2] = {10, 2};
    ck_assert(fabs(aics_amdahl(f, s, 2) - 10.0 / 3) < 1e-15);
    const double g[1] = {1}, t[1] = {7};
    ck_assert(aics_amdahl(g, t, 1) == 7);
}
END_TEST

Suite *dlp6_suite(void)
{
    Suite *s = suite_create("dlp6");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, fc_traffic_and_time);
    tcase_add_test(tc, conv_traffic);
    tcase_add_test(tc, amdahl);
    suite_add_tcase(s, tc);
    return s;
}
