/* test_dlpsim.c — the 6.13 simulator against schedules solved by hand (one
 * tile; compute-bound and memory-bound double buffering), against the
 * roofline bound on every layer of AlexNet, VGG19 and ResNet-152, and
 * against exercise 6.11's closed-form traffic. */
#include <check.h>
#include <stdlib.h>

#include "dlp6.h"
#include "dlpsim.h"
#include "netcount.h"
#include "tiling.h"

static aics_sim_result run_same(int64_t a, int64_t c, int64_t s, size_t n)
{
    aics_sim_tile t[16];
    for (size_t i = 0; i < n; i++) t[i] = (aics_sim_tile){a, s, c, c};
    return aics_sim_run(t, n, 1.0);
}

START_TEST(hand_solved_schedules)
{
    ck_assert_int_eq(run_same(7, 5, 3, 1).cycles, 7 + 5 + 3);
    /* Compute-bound (c ≥ a + s): the first load, n computes back to back, the last store. */
    ck_assert_int_eq(run_same(4, 10, 3, 5).cycles, 4 + 5 * 10 + 3);
    /* Memory-bound: the DMA never rests except for the last compute: n(a + s) + c. */
    ck_assert_int_eq(run_same(10, 1, 5, 3).cycles, 3 * (10 + 5) + 1);
    aics_sim_result r = run_same(10, 1, 5, 3);
    ck_assert_int_eq(r.dma_busy, 45);
    ck_assert_int_eq(r.compute_busy, 3);
    /* Bytes to cycles round up. */
    ck_assert_int_eq(aics_sim_dma_cycles(100, 13.0), 8);
    ck_assert_int_eq(aics_sim_dma_cycles(104, 13.0), 8);
}
END_TEST

START_TEST(never_below_the_roofline)
{
    const char *nets[] = {"alexnet", "vgg19", "resnet152"};
    aics_dlp6 p = aics_dlp6_diannao();
    double bpc = p.bw_gbps / p.freq_ghz;
    for (size_t k = 0; k < 3; k++) {
        aics_net *net = aics_net_builtin(nets[k]);
        aics_layer_counts *per = calloc(net->nlayers, sizeof *per), tot;
        aics_net_error e;
        ck_assert(aics_net_count(net, 0, per, &tot, &e));
        aics_dlp6_layer *dl = calloc(net->nlayers, sizeof *dl);
        size_t n = aics_dlp6_layers(net, per, 2, dl);
        for (size_t i = 0; i < n; i++) {
            size_t nt;
            aics_sim_tile *t = aics_sim_layer_tiles(&net->layers[dl[i].index], 16, 16, 2, &nt);
            aics_sim_result r = aics_sim_run(t, nt, bpc);
            double bound = (double)dl[i].macs / 256 > (double)dl[i].bytes / bpc ? (double)dl[i].macs / 256
                                                                               : (double)dl[i].bytes / bpc;
            ck_assert_msg((double)r.cycles >= bound, "%s %s: %lld cycles below the bound %g", nets[k],
                          net->layers[dl[i].index].name, (long long)r.cycles, bound);
            ck_assert_int_eq(r.macs, dl[i].macs);
            free(t);
        }
        free(per), free(dl);
        aics_net_free(net);
    }
}
END_TEST

START_TEST(traffic_matches_the_tiling)
{
    /* AlexNet's convolutions: the simulator's tiles move exactly what 6.11's
     * output-channel tiling of 16 filters moves, group by group. */
    aics_net *net = aics_net_builtin("alexnet");
    for (size_t i = 0; i < net->nlayers; i++) {
        const aics_layer *l = &net->layers[i];
        if (l->type != AICS_LAYER_CONV) continue;
        size_t nt;
        aics_sim_tile *t = aics_sim_layer_tiles(l, 16, 16, 2, &nt);
        aics_sim_result r = aics_sim_run(t, nt, 13.0);
        aics_conv_shape s = {l->in.c / l->group, l->in.h, l->in.w, l->num_output / l->group, l->kernel_h,
                             l->stride_h, l->pad_h};
        aics_traffic tr = aics_conv_traffic(&s, AICS_TILE_CO, 16);
        ck_assert_int_eq(r.bytes, aics_traffic_total(&tr) * l->group * 2);
        free(t);
    }
    aics_net_free(net);
}
END_TEST

Suite *dlpsim_suite(void)
{
    Suite *s = suite_create("dlpsim");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, hand_solved_schedules);
    tcase_add_test(tc, never_below_the_roofline);
    tcase_add_test(tc, traffic_matches_the_tiling);
    suite_add_tcase(s, tc);
    return s;
}
