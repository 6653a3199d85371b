/* test_isa.c — the chapter-7 interpreter: parsing errors with positions, the
 * capacity checker rejecting an NRAM overflow, serial time equal to bytes over
 * bandwidth plus MACs over peak, pipelined times solved by hand, and
 * bound ≤ pipelined ≤ serial for every generated exercise sequence. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "isa.h"
#include "isagen.h"

static bool run_text(const aics_isa_proc *p, const char *text, aics_isa_stats *st, char *err, size_t n)
{
    aics_isa_prog prog;
    bool ok = aics_isa_parse(text, strlen(text), "t.isa", &prog, err, n) && aics_isa_run(p, &prog, st, err, n);
    aics_isa_prog_free(&prog);
    return ok;
}

START_TEST(nram_overflow_is_rejected)
{
    /* 7.9 written without tiling: the 1024×256 input alone is 1 MB, NRAM is 128 KB. */
    aics_isa_proc p = aics_isa_proc_single();
    aics_isa_stats st;
    char err[400];
    const char *prog = "move DRAM WRAM 131072   # weights\n"
                       "move DRAM NRAM 1048576  # the whole input\n"
                       "compute MAC_32 33554432\n"
                       "move NRAM DRAM 524288\n";
    ck_assert_msg(!run_text(&p, prog, &st, err, sizeof err), "A 1 MB input must not fit a 128 KB NRAM.");
    ck_assert_msg(strstr(err, "t.isa:2:1: NRAM overflow") && strstr(err, "1048576 bytes live") &&
                      strstr(err, "capacity 131072 (128 KB)"),
                  "The message names the line, the buffer and both sizes, got: %s", err);
    /* An overflow inside a loop body counts the data kept from outside the loop. */
    const char *loop = "move DRAM NRAM 100000\nloop 4\n  move DRAM NRAM 40000\n  compute MAC_32 256\nendloop\n";
    ck_assert(!run_text(&p, loop, &st, err, sizeof err));
    ck_assert_msg(strstr(err, "t.isa:3:3: NRAM overflow") && strstr(err, "140000 bytes live"), "got: %s", err);
    /* The same sizes in separate iterations fit: a body's data is freed when the iteration ends. */
    const char *fits = "loop 4\n  move DRAM NRAM 100000\n  compute MAC_32 256\nendloop\n";
    ck_assert_msg(run_text(&p, fits, &st, err, sizeof err), "should fit: %s", err);
    ck_assert_int_eq(st.peak[AICS_MEM_NRAM], 100000);
    ck_assert_msg(!st.double_buffered, "100000 bytes do not fit twice in 131072.");
}
END_TEST

START_TEST(parse_errors_name_line_and_column)
{
    aics_isa_proc p = aics_isa_proc_single();
    aics_isa_stats st;
    char err[400];
    ck_assert(!run_text(&p, "sync\nmove DRAM XRAM 4\n", &st, err, sizeof err));
    ck_assert_msg(strstr(err, "t.isa:2:11: expected a memory"), "got: %s", err);
    ck_assert(!run_text(&p, "endloop\n", &st, err, sizeof err));
    ck_assert_msg(strstr(err, "t.isa:1:1: endloop without loop"), "got: %s", err);
    ck_assert(!run_text(&p, "loop 2\ncompute MAC_32 4\n", &st, err, sizeof err));
    ck_assert_msg(strstr(err, "not closed"), "got: %s", err);
    ck_assert(!run_text(&p, "compute MAC_32 -4\n", &st, err, sizeof err));
    ck_assert_msg(strstr(err, "t.isa:1:16:"), "got: %s", err);
    ck_assert(!run_text(&p, "move NRAM WRAM 4\n", &st, err, sizeof err));
    ck_assert_msg(strstr(err, "no path between NRAM and WRAM"), "got: %s", err);
    ck_assert(!run_text(&p, "move DRAM SRAM 4\n", &st, err, sizeof err));
    ck_assert_msg(strstr(err, "no SRAM"), "got: %s", err);
    ck_assert(!run_text(&p, "loop 100000\nloop 1000\ncompute MAC_32 1\nendloop\nendloop\n", &st, err, sizeof err));
    ck_assert_msg(strstr(err, "more than"), "Unrolling is capped, got: %s", err);
    aics_isa_proc q = aics_isa_proc_quad();
    ck_assert(!run_text(&q, "core 0\nsync\nsync\ncore 1\nsync\ncompute MAC_32 4\n", &st, err, sizeof err));
    ck_assert_msg(strstr(err, "sync"), "Cores must agree on their syncs, got: %s", err);
}
END_TEST

START_TEST(nul_byte_is_refused_not_cut_short)
{
    static const char text[] = "sync\nsy\0nc\ncompute MAC_32 4\n";
    aics_isa_prog prog;
    char err[400];
    ck_assert_msg(!aics_isa_parse(text, sizeof text - 1, "t.isa", &prog, err, sizeof err),
                  "A program with a NUL byte inside is refused, not read up to the NUL.");
    ck_assert_msg(strstr(err, "t.isa:2:3: a NUL byte"), "The error points at the NUL, got: %s", err);
    aics_isa_prog_free(&prog);
}
END_TEST

START_TEST(empty_loop_body_runs_once_not_forever)
{
    /* Found by fuzz_isa: the unroller walked an empty body 10^16 times. */
    aics_isa_proc p = aics_isa_proc_single();
    aics_isa_stats st;
    char err[400];
    ck_assert_msg(run_text(&p, "loop 10000000000000056\nloop 99999\nendloop\nendloop\nsync\n", &st, err, sizeof err),
                  "A loop around nothing is a valid program, got: %s", err);
    ck_assert_msg(st.macs == 0 && st.serial_ns == 0, "A loop around nothing does no work.");
}
END_TEST

START_TEST(serial_is_bytes_over_bandwidth_plus_macs_over_peak)
{
    aics_isa_proc p = aics_isa_proc_single();
    aics_isa_stats st;
    char err[400];
    /* 6400 B at 64 GB/s = 100 ns; 2560 MACs at 256 per ns = 10 ns; 640 B out = 10 ns. */
    ck_assert(run_text(&p, "move DRAM NRAM 6400\ncompute MAC_32 2560\nmove NRAM DRAM 640\n", &st, err, sizeof err));
    ck_assert_msg(st.serial_ns == 120.0 && st.pipelined_ns == 120.0, "serial %g pipelined %g", st.serial_ns,
                  st.pipelined_ns);
    ck_assert_int_eq(st.macs, 2560);
    ck_assert_int_eq(st.dram_bytes, 7040);
    /* MAC_16 runs at fp16_factor × the FP32 rate. */
    ck_assert(run_text(&p, "compute MAC_16 5120\n", &st, err, sizeof err));
    ck_assert(st.serial_ns == 10.0);
}
END_TEST

START_TEST(pipelined_overlaps_as_solved_by_hand)
{
    /* Exercise 7.9's sequence: weights 2048 ns, then 32 tiles of 512 ns load,
     * 4096 ns compute, 256 ns store. Pipelined: 2048 + 512 + 32·4096 + 256. */
    aics_isa_proc p = aics_isa_proc_single();
    aics_fc_task t = {.m = 1024, .k = 256, .n = 128, .in_den = 1, .w_den = 1};
    aics_isa_prog prog;
    aics_fc_plan plan;
    aics_isa_stats st;
    char err[400];
    ck_assert_msg(aics_isa_gen_fc(&p, &t, &prog, &plan, err, sizeof err), "%s", err);
    ck_assert_msg(aics_isa_run(&p, &prog, &st, err, sizeof err), "%s", err);
    ck_assert_int_eq(plan.row_tile, 32);
    ck_assert_msg(st.pipelined_ns == 2048 + 512 + 32 * 4096 + 256, "pipelined %.17g", st.pipelined_ns);
    ck_assert_msg(st.serial_ns == (131072 + 1048576 + 524288) / 64 + 131072, "serial %.17g", st.serial_ns);
    ck_assert_msg(plan.bound_ns == 131072, "bound %.17g", plan.bound_ns);
    aics_isa_prog_free(&prog);
    /* Written naively (load, compute, store in one body) nothing overlaps: the
     * off-chip link serves the next load only after the store, which waits for the compute. */
    ck_assert(run_text(&p, "move DRAM WRAM 131072\nloop 32\nmove DRAM NRAM 32768\ncompute MAC_32 1048576\n"
                           "move NRAM DRAM 16384\nendloop\n", &st, err, sizeof err));
    ck_assert_msg(st.pipelined_ns == st.serial_ns && st.serial_ns == 157696, "naive %.17g", st.pipelined_ns);
}
END_TEST

START_TEST(every_exercise_is_ordered)
{
    static const struct { int64_t m, k, n, in_den, w_den; bool skip, quad; } ex[] = {
        {1, 256, 1, 1, 1, false, false},     {32, 256, 128, 1, 1, false, false},
        {1024, 256, 128, 1, 1, false, false}, {1024, 256, 128, 2, 4, false, false},
        {1024, 256, 128, 2, 4, true, false},  {32, 256, 128, 1, 1, false, true},
        {1024, 256, 2048, 1, 1, false, true},
    };
    for (size_t i = 0; i < sizeof ex / sizeof *ex; i++) {
        aics_isa_proc p = ex[i].quad ? aics_isa_proc_quad() : aics_isa_proc_single();
        aics_fc_task t = {.m = ex[i].m, .k = ex[i].k, .n = ex[i].n, .in_den = ex[i].in_den,
                          .w_den = ex[i].w_den, .skip_zeros = ex[i].skip};
        aics_isa_prog prog;
        aics_fc_plan plan;
        aics_isa_stats st;
        char err[400];
        ck_assert_msg(aics_isa_gen_fc(&p, &t, &prog, &plan, err, sizeof err), "%zu: %s", i, err);
        ck_assert_msg(aics_isa_run(&p, &prog, &st, err, sizeof err), "%zu: %s", i, err);
        ck_assert_msg(plan.bound_ns <= st.pipelined_ns && st.pipelined_ns <= st.serial_ns,
                      "%zu: bound %g pipelined %g serial %g", i, plan.bound_ns, st.pipelined_ns, st.serial_ns);
        ck_assert_msg(st.dram_bytes == plan.compulsory_bytes, "%zu: the plans move each byte once", i);
        ck_assert_msg(st.macs == plan.macs, "%zu: MACs", i);
        aics_isa_prog_free(&prog);
    }
}
END_TEST

START_TEST(printed_program_parses_back)
{
    aics_isa_proc p = aics_isa_proc_quad();
    aics_fc_task t = {.m = 1024, .k = 256, .n = 2048, .in_den = 1, .w_den = 1};
    aics_isa_prog prog, back;
    aics_fc_plan plan;
    aics_isa_stats a, b;
    char err[400];
    ck_assert(aics_isa_gen_fc(&p, &t, &prog, &plan, err, sizeof err));
    char *text = aics_isa_print(&prog);
    ck_assert_msg(aics_isa_parse(text, strlen(text), "printed", &back, err, sizeof err), "%s", err);
    ck_assert(aics_isa_run(&p, &prog, &a, err, sizeof err) && aics_isa_run(&p, &back, &b, err, sizeof err));
    ck_assert(a.serial_ns == b.serial_ns && a.pipelined_ns == b.pipelined_ns && a.macs == b.macs);
    free(text);
    aics_isa_prog_free(&prog);
    aics_isa_prog_free(&back);
}
END_TEST

Suite *isa_suite(void)
{
    Suite *s = suite_create("isa");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, nram_overflow_is_rejected);
    tcase_add_test(tc, parse_errors_name_line_and_column);
    tcase_add_test(tc, nul_byte_is_refused_not_cut_short);
    tcase_add_test(tc, empty_loop_body_runs_once_not_forever);
    tcase_add_test(tc, serial_is_bytes_over_bandwidth_plus_macs_over_peak);
    tcase_add_test(tc, pipelined_overlaps_as_solved_by_hand);
    tcase_add_test(tc, every_exercise_is_ordered);
    tcase_add_test(tc, printed_program_parses_back);
    suite_add_tcase(s, tc);
    return s;
}
