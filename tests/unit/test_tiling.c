/* test_tiling.c — exercise 6.11's tilings give bit-identical outputs to the
 * plain loop nest on random layers (strided, padded, tiles that do not
 * divide), and the traffic they count while running equals the closed form;
 * one layer's traffic is also counted by hand. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "rng.h"
#include "tiling.h"

static float *randoms(aics_rng *r, int64_t n)
{
    float *v = malloc((size_t)n * sizeof *v);
    for (int64_t i = 0; i < n; i++) v[i] = (float)(aics_rng_uniform(r) * 2 - 1);
    return v;
}

static void check_layer(const aics_conv_shape *s, uint64_t seed)
{
    aics_rng r;
    aics_rng_seed(&r, seed, 1);
    int64_t nout = s->co * aics_conv_ho(s) * aics_conv_wo(s);
    float *in = randoms(&r, s->ci * s->h * s->w), *w = randoms(&r, s->co * s->ci * s->k * s->k);
    float *b = randoms(&r, s->co), *ref = calloc((size_t)nout, sizeof *ref), *out = calloc((size_t)nout, sizeof *out);
    aics_traffic tr = {0};
    aics_conv_run(s, AICS_TILE_NONE, 0, in, w, b, ref, &tr);
    aics_traffic cf = aics_conv_traffic(s, AICS_TILE_NONE, 0);
    ck_assert(memcmp(&tr, &cf, sizeof tr) == 0);
    const int64_t tiles[] = {1, 2, 3, 5, 1000};
    for (int t = AICS_TILE_CO; t < AICS_TILE_COUNT; t++)
        for (size_t i = 0; i < sizeof tiles / sizeof *tiles; i++) {
            memset(out, 0xff, (size_t)nout * sizeof *out);
            memset(&tr, 0, sizeof tr);
            aics_conv_run(s, (aics_tiling)t, tiles[i], in, w, b, out, &tr);
            ck_assert_msg(memcmp(out, ref, (size_t)nout * sizeof *out) == 0,
                          "tiling %d with tile %lld must give bit-identical outputs", t, (long long)tiles[i]);
            cf = aics_conv_traffic(s, (aics_tiling)t, tiles[i]);
            ck_assert_msg(memcmp(&tr, &cf, sizeof tr) == 0,
                          "tiling %d tile %lld: counted in %lld w %lld psum %lld out %lld, closed form %lld %lld %lld %lld",
                          t, (long long)tiles[i], (long long)tr.in, (long long)tr.w, (long long)tr.psum_in,
                          (long long)tr.out, (long long)cf.in, (long long)cf.w, (long long)cf.psum_in, (long long)cf.out);
        }
    free(in), free(w), free(b), free(ref), free(out);
}

START_TEST(tilings_are_bit_identical)
{
    const aics_conv_shape shapes[] = {
        {5, 9, 7, 6, 3, 2, 1}, {3, 11, 11, 4, 5, 1, 2}, {8, 6, 6, 7, 1, 1, 0}, {2, 13, 10, 3, 4, 3, 0},
    };
    for (size_t i = 0; i < sizeof shapes / sizeof *shapes; i++) check_layer(&shapes[i], 42 + i);
}
END_TEST

START_TEST(traffic_by_hand)
{
    /* 2×4×4 input, 3 filters 3×3, stride 1, no padding: 3×2×2 outputs,
     * weights 3·2·9 + 3 = 57. */
    aics_conv_shape s = {2, 4, 4, 3, 3, 1, 0};
    aics_traffic t = aics_conv_traffic(&s, AICS_TILE_CO, 2); /* two tiles: the input twice */
    ck_assert(t.in == 64 && t.w == 57 && t.psum_in == 0 && t.out == 12);
    t = aics_conv_traffic(&s, AICS_TILE_ROWS, 1); /* two bands of rows 0–2 and 1–3: 2·3·4 each, weights twice */
    ck_assert(t.in == 48 && t.w == 114 && t.out == 12);
    t = aics_conv_traffic(&s, AICS_TILE_CI, 1); /* two channel tiles: partial sums out twice, in once */
    ck_assert(t.in == 32 && t.w == 57 && t.psum_in == 12 && t.out == 24);
    t = aics_conv_traffic(&s, AICS_TILE_NONE, 0); /* 12 outputs × 18 taps, plus 12 biases */
    ck_assert(t.in == 216 && t.w == 228 && t.out == 12);
}
END_TEST

Suite *tiling_suite(void)
{
    Suite *s = suite_create("tiling");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, tilings_are_bit_identical);
    tcase_add_test(tc, traffic_by_hand);
    suite_add_tcase(s, tc);
    return s;
}
