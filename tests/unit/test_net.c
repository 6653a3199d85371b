/* test_net.c — the network model: wiring, in-place layers, shape inference
 * and every graph error (missing bottom, cycle, bad sizes, kernel too big). */
#include <check.h>
#include <string.h>

#include "net.h"

static bool finish(aics_net *n, aics_net_error *e)
{
    memset(e, 0, sizeof *e);
    return aics_net_finish(n, e);
}

START_TEST(branches_and_in_place_layers)
{
    /* data → conv (in place ReLU) → two branches → eltwise sum. */
    aics_net *n = aics_net_new("b");
    aics_net_input(n, "data", 3, 8, 8);
    aics_layer *c = aics_net_layer(n, AICS_LAYER_CONV, "c1", "data", "c1");
    c->num_output = 4, c->kernel_h = c->kernel_w = 3, c->pad_h = c->pad_w = 1;
    aics_net_layer(n, AICS_LAYER_RELU, "r1", "c1", "c1");
    c = aics_net_layer(n, AICS_LAYER_CONV, "a", "c1", "a");
    c->num_output = 4, c->kernel_h = c->kernel_w = 1;
    c = aics_net_layer(n, AICS_LAYER_CONV, "b", "c1", "b");
    c->num_output = 4, c->kernel_h = c->kernel_w = 3, c->pad_h = c->pad_w = 1;
    aics_layer *s = aics_net_layer(n, AICS_LAYER_ELTWISE, "sum", "a", "sum");
    aics_layer_add_bottom(s, "b");
    aics_net_layer(n, AICS_LAYER_FLATTEN, "flat", "sum", "flat");
    aics_net_error e;
    ck_assert_msg(finish(n, &e), "The net should finish: %s", e.msg);
    ck_assert_msg(n->layers[2].in_place && !n->layers[3].in_place, "Only the ReLU is in place.");
    ck_assert_msg(n->layers[5].out.c == 4 && n->layers[5].out.h == 8, "The sum keeps 4×8×8.");
    ck_assert_msg(n->layers[6].out.c == 256 && n->layers[6].out.h == 1, "Flatten gives 256×1×1.");
    ck_assert_msg(n->layers[5].in_total == 512, "The sum reads two 256-element blobs.");
    ck_assert_str_eq(aics_layer_type_name(AICS_LAYER_FC), "InnerProduct");
    aics_net_free(n);
}
END_TEST

START_TEST(missing_bottom_and_cycle)
{
    aics_net *n = aics_net_new("m");
    aics_net_input(n, "data", 1, 4, 4);
    aics_layer *l = aics_net_layer(n, AICS_LAYER_RELU, "r", "nothing", "r");
    l->line = 7, l->col = 3;
    aics_net_error e;
    ck_assert_msg(!finish(n, &e), "A bottom nobody produces is an error.");
    ck_assert_msg(e.line == 7 && e.col == 3, "The error points at the layer.");
    ck_assert_msg(strstr(e.msg, "'nothing'") && strstr(e.msg, "not produced"), "It names the blob: %s", e.msg);
    aics_net_free(n);

    /* a reads b, b reads a: a cycle, reported at the first layer. */
    n = aics_net_new("cyc");
    aics_net_input(n, "data", 1, 4, 4);
    aics_net_layer(n, AICS_LAYER_RELU, "a", "b", "a");
    aics_net_layer(n, AICS_LAYER_RELU, "b", "a", "b");
    ck_assert_msg(!finish(n, &e), "A cycle is an error.");
    ck_assert_msg(strstr(e.msg, "cycle") && strstr(e.msg, "'b'"), "It says cycle and names the later layer: %s", e.msg);
    aics_net_free(n);
}
END_TEST

START_TEST(bad_sizes)
{
    aics_net_error e;
    aics_net *n = aics_net_new("z");
    aics_net_input(n, "data", 3, 0, 4);
    ck_assert_msg(!finish(n, &e) && strstr(e.msg, "zero or negative"), "A zero size is an error: %s", e.msg);
    aics_net_free(n);

    n = aics_net_new("k");
    aics_net_input(n, "data", 3, 4, 4);
    aics_layer *c = aics_net_layer(n, AICS_LAYER_CONV, "c", "data", "c");
    c->num_output = 2, c->kernel_h = c->kernel_w = 7, c->pad_h = c->pad_w = 1;
    ck_assert_msg(!finish(n, &e) && strstr(e.msg, "larger than the padded input 6x6"),
                  "A 7×7 kernel on a 4×4 input padded to 6×6 does not fit: %s", e.msg);
    n->layers[1].kernel_h = n->layers[1].kernel_w = 3;
    n->layers[1].group = 2;
    ck_assert_msg(!finish(n, &e) && strstr(e.msg, "does not divide"), "Group 2 does not divide 3 channels: %s", e.msg);
    n->layers[1].group = 1;
    n->layers[1].stride_h = 0;
    ck_assert_msg(!finish(n, &e) && strstr(e.msg, "stride must be positive"), "Stride 0 is an error: %s", e.msg);
    n->layers[1].stride_h = 1;
    n->layers[1].num_output = -3;
    ck_assert_msg(!finish(n, &e) && strstr(e.msg, "num_output must be positive"), "A negative num_output is an error.");
    n->layers[1].num_output = 2;
    ck_assert_msg(finish(n, &e), "Fixed, the net finishes: %s", e.msg);
    aics_net_free(n);

    n = aics_net_new("p");
    aics_net_input(n, "data", 3, 2, 2);
    c = aics_net_layer(n, AICS_LAYER_POOL, "p", "data", "p");
    c->kernel_h = c->kernel_w = 3;
    ck_assert_msg(!finish(n, &e) && strstr(e.msg, "larger than the padded input"), "A 3×3 pool on 2×2 fails.");
    aics_net_free(n);
}
END_TEST

START_TEST(shape_overflow_and_empty)
{
    aics_net_error e;
    aics_net *n = aics_net_new("o");
    aics_net_input(n, "data", INT64_MAX / 2, 4, 4);
    ck_assert_msg(!finish(n, &e) && strstr(e.msg, "overflows 64 bits"), "A blob past 2^63 elements fails: %s", e.msg);
    aics_net_free(n);
    n = aics_net_new("empty");
    ck_assert_msg(!finish(n, &e) && strstr(e.msg, "no layers"), "An empty net is an error.");
    aics_net_free(n);
    n = aics_net_new("e");
    aics_net_input(n, "a", 2, 4, 4);
    aics_net_input(n, "b", 2, 4, 5);
    aics_layer *s = aics_net_layer(n, AICS_LAYER_ELTWISE, "s", "a", "s");
    aics_layer_add_bottom(s, "b");
    ck_assert_msg(!finish(n, &e) && strstr(e.msg, "'b'"), "Eltwise of different shapes fails: %s", e.msg);
    n->layers[2].type = AICS_LAYER_CONCAT;
    ck_assert_msg(!finish(n, &e) && strstr(e.msg, "does not fit"), "Concat of different heights fails.");
    n->layers[2].axis = 3;
    ck_assert_msg(finish(n, &e) && n->layers[2].out.w == 9, "Concat along the width gives 4×9.");
    aics_net_free(n);
}
END_TEST

Suite *net_suite(void)
{
    Suite *s = suite_create("net");
    TCase *core = tcase_create("Core");
    tcase_add_test(core, branches_and_in_place_layers);
    suite_add_tcase(s, core);
    TCase *limits = tcase_create("Limits");
    tcase_add_test(limits, missing_bottom_and_cycle);
    tcase_add_test(limits, bad_sizes);
    tcase_add_test(limits, shape_overflow_and_empty);
    suite_add_tcase(s, limits);
    return s;
}
