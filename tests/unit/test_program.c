/* test_program.c — the shared command line: options, ranges, usage errors. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "program.h"

static double rate = 0.5;
static int64_t epochs = 10;
static bool verbose;
static const char *name = "none";

static const aics_opt opts[] = {
    {"lr", AICS_OPT_DOUBLE, &rate, "RATE", "learning rate", AICS_RANGE_OPEN_MIN, 0, 100},
    {"epochs", AICS_OPT_INT, &epochs, "N", "epochs", AICS_RANGE_CLOSED, 1, 1000},
    {"verbose", AICS_OPT_FLAG, &verbose, NULL, "talk more", AICS_RANGE_NONE, 0, 0},
    {"name", AICS_OPT_STRING, &name, "S", "a name", AICS_RANGE_NONE, 0, 0},
    {0},
};

static const aics_program prog = {
    .name = "demo", .exercise = "0.0", .summary = "A test program.", .opts = opts,
    .uses_seed = true, .default_seed = 7, .max_args = 1,
};

static void run_args(aics_run *run, int argc, const char **argv)
{
    aics_run_init(run, &prog, argc, (char **)argv);
}

START_TEST(parses_both_option_spellings)
{
    const char *argv[] = {"demo", "--lr=0.25", "--epochs", "20", "--verbose", "--name", "x",
                          "--format=kv", "--write=md:out.md", "--seed=9", "file.txt", NULL};
    aics_run run;
    run_args(&run, 11, argv);
    ck_assert_msg(rate == 0.25 && epochs == 20 && verbose && strcmp(name, "x") == 0,
                  "Both --opt=value and --opt value should set the option.");
    ck_assert_msg(run.format == AICS_FORMAT_KV && run.seed == 9, "Built-in options should be parsed.");
    ck_assert_msg(run.nwrites == 1 && run.writes[0].format == AICS_FORMAT_MD &&
                  strcmp(run.writes[0].path, "out.md") == 0, "--write should record format and path.");
    ck_assert_msg(run.nargs == 1 && strcmp(run.args[0], "file.txt") == 0, "Positional arguments are kept.");
}
END_TEST

START_TEST(defaults_hold_without_options)
{
    const char *argv[] = {"demo", NULL};
    aics_run run;
    run_args(&run, 1, argv);
    ck_assert_msg(run.seed == 7 && run.format == AICS_FORMAT_TEXT && !run.figdir,
                  "Defaults: the program's seed, text, no figures.");
}
END_TEST

/* Options with kv keys come out under those keys, in table order, kv only. */
START_TEST(options_reported_in_kv)
{
    static double lr = 0.25;
    static int64_t n = 12;
    static bool fast = true;
    static uint64_t seed = 5;
    static const char *label = "x";
    const aics_opt kv_opts[] = {
        {"n", AICS_OPT_INT, &n, "N", "n", .kv = "train.n"},
        {"label", AICS_OPT_STRING, &label, "S", "not reported"},
        {"lr", AICS_OPT_DOUBLE, &lr, "RATE", "lr", .kv = "train.lr"},
        {"seed", AICS_OPT_UINT64, &seed, "N", "in the header", .kv = "seed"},
        {"fast", AICS_OPT_FLAG, &fast, NULL, "fast", .kv = "fast"},
        {0},
    };
    aics_result *r = aics_result_new("0.0", 5, "test");
    aics_report_options(r, kv_opts);
    aics_buf kv = AICS_BUF_INIT, text = AICS_BUF_INIT;
    aics_result_render(r, AICS_FORMAT_KV, &kv);
    aics_result_render(r, AICS_FORMAT_TEXT, &text);
    const char *body = strchr(kv.data, '\n') + 1; /* after the header */
    ck_assert_str_eq(body, "train.n 12\ntrain.lr 0.25\nfast 1\n");
    ck_assert_msg(strstr(text.data, "train.n") == NULL, "the values are kv only");
    aics_buf_free(&kv);
    aics_buf_free(&text);
    aics_result_free(r);
}
END_TEST

#define EXIT_CASE(test, ...)                                  \
    START_TEST(test)                                          \
    {                                                         \
        const char *argv[] = {"demo", __VA_ARGS__, NULL};     \
        aics_run run;                                         \
        run_args(&run, (int)(sizeof argv / sizeof *argv) - 1, argv); \
    }                                                         \
    END_TEST

EXIT_CASE(zero_rate_is_refused, "--lr=0")
EXIT_CASE(negative_rate_is_refused, "--lr=-1")
EXIT_CASE(non_number_is_refused, "--lr=fast")
EXIT_CASE(epochs_out_of_range, "--epochs=0")
EXIT_CASE(fractional_epochs, "--epochs=1.5")
EXIT_CASE(unknown_option, "--nope")
EXIT_CASE(missing_value, "--lr")
EXIT_CASE(flag_with_value, "--verbose=1")
EXIT_CASE(bad_write_spec, "--write=kv")
EXIT_CASE(negative_seed, "--seed=-3")
EXIT_CASE(too_many_args, "a", "b")
EXIT_CASE(help_exits_zero, "--help")

Suite *program_suite(void)
{
    Suite *s = suite_create("program");
    TCase *core = tcase_create("Core");
    tcase_add_test(core, parses_both_option_spellings);
    tcase_add_test(core, defaults_hold_without_options);
    tcase_add_exit_test(core, help_exits_zero, 0);
    tcase_add_test(core, options_reported_in_kv);
    suite_add_tcase(s, core);
    TCase *limits = tcase_create("Limits");
    tcase_add_exit_test(limits, zero_rate_is_refused, 2);
    tcase_add_exit_test(limits, negative_rate_is_refused, 2);
    tcase_add_exit_test(limits, non_number_is_refused, 2);
    tcase_add_exit_test(limits, epochs_out_of_range, 2);
    tcase_add_exit_test(limits, fractional_epochs, 2);
    tcase_add_exit_test(limits, unknown_option, 2);
    tcase_add_exit_test(limits, missing_value, 2);
    tcase_add_exit_test(limits, flag_with_value, 2);
    tcase_add_exit_test(limits, bad_write_spec, 2);
    tcase_add_exit_test(limits, negative_seed, 2);
    tcase_add_exit_test(limits, too_many_args, 2);
    suite_add_tcase(s, limits);
    return s;
}
