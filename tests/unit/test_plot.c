/* test_plot.c — the gnuplot pipe, with gnuplot present and with it missing. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fileio.h"
#include "plot.h"
#include "unit.h"

static double square(double x) { return x * x; }
static double negate(double x) { return -x; }

/* x runs from lo to hi in n − 1 equal steps; each column is its function. */
START_TEST(samples_functions_on_a_grid)
{
    const aics_plot_fn fs[] = {square, negate};
    double rows[5][3];
    aics_plot_sample(-1, 1, 5, fs, 2, &rows[0][0]);
    const double want[5][3] = {{-1, 1, 1}, {-0.5, 0.25, 0.5}, {0, 0, 0}, {0.5, 0.25, -0.5}, {1, 1, -1}};
    for (int i = 0; i < 5; i++)
        for (int c = 0; c < 3; c++) ck_assert_double_eq(rows[i][c], want[i][c]);
}
END_TEST

START_TEST(missing_gnuplot_degrades)
{
    /* A PATH with only /bin-less emptiness: sh is found by absolute path, gnuplot is not. */
    setenv("PATH", "/nonexistent", 1);
    unsetenv("STRICT");
    ck_assert_msg(aics_plot_probe() == 0, "With gnuplot off PATH, the probe should report it missing.");
    aics_plot *p = aics_plot_open("/tmp/aics-plot-missing");
    ck_assert_msg(!aics_plot_enabled(p), "Figures should be off when gnuplot is missing.");
    aics_plot_begin(p, "fig", 100, 100); /* every call is a harmless no-op */
    aics_plot_cmd(p, "plot x");
    aics_plot_end(p);
    ck_assert_msg(aics_plot_close(p) == 0, "Closing a disabled session should succeed.");
    ck_assert_msg(access("/tmp/aics-plot-missing/fig.svg", F_OK) != 0, "No figure should be written.");
}
END_TEST

START_TEST(strict_makes_missing_gnuplot_fatal)
{
    setenv("PATH", "/nonexistent", 1);
    setenv("STRICT", "1", 1);
    aics_plot_open("/tmp/aics-plot-strict"); /* exits 1 */
}
END_TEST

START_TEST(figures_off_without_folder)
{
    aics_plot *p = aics_plot_open(NULL);
    ck_assert_msg(!aics_plot_enabled(p), "No folder means no figures.");
    ck_assert_int_eq(aics_plot_close(p), 0);
}
END_TEST

START_TEST(draws_an_svg_with_cjk_fonts)
{
    if (!aics_plot_probe()) AICS_SKIP("gnuplot 5 is not installed (make deps)");
    char dir[] = "/tmp/aics-plot-XXXXXX";
    ck_assert(mkdtemp(dir) != NULL);
    aics_plot *p = aics_plot_open(dir);
    const double xy[] = {0, 0, 1, 1, 2, 4};
    aics_plot_begin(p, "square", 320, 200);
    aics_plot_data(p, "D", xy, 3, 2);
    aics_plot_cmd(p, "plot $D with lines title '平方'");
    aics_plot_end(p);
    ck_assert_msg(aics_plot_close(p) == 0, "gnuplot should draw the figure without error.");
    char path[64];
    snprintf(path, sizeof path, "%s/square.svg", dir);
    char *svg = aics_read_file(path, 1 << 20, NULL);
    ck_assert_msg(svg != NULL, "The figure should be renamed into place as square.svg.");
    ck_assert_msg(strstr(svg, "<svg") && strstr(svg, "Noto Sans CJK SC, ") && strstr(svg, "平方"),
                  "The SVG should carry the CJK font list and the Chinese title.");
    free(svg);
    snprintf(path, sizeof path, "%s/square.svg.tmp", dir);
    ck_assert_msg(access(path, F_OK) != 0, "No temporary file should be left behind.");
}
END_TEST

START_TEST(gnuplot_error_is_reported)
{
    if (!aics_plot_probe()) AICS_SKIP("gnuplot 5 is not installed (make deps)");
    char dir[] = "/tmp/aics-plot-XXXXXX";
    ck_assert(mkdtemp(dir) != NULL);
    aics_plot *p = aics_plot_open(dir);
    aics_plot_begin(p, "broken", 100, 100);
    aics_plot_cmd(p, "plot $NoSuchBlock with lines");
    aics_plot_end(p);
    ck_assert_msg(aics_plot_close(p) == 1, "A gnuplot error should make close() fail.");
    char path[64];
    snprintf(path, sizeof path, "%s/broken.svg", dir);
    ck_assert_msg(access(path, F_OK) != 0, "A failed figure should not be published.");
}
END_TEST

Suite *plot_suite(void)
{
    Suite *s = suite_create("plot");
    TCase *core = tcase_create("Core");
    tcase_add_test(core, draws_an_svg_with_cjk_fonts);
    tcase_add_test(core, figures_off_without_folder);
    suite_add_tcase(s, core);
    TCase *limits = tcase_create("Limits");
    tcase_add_test(limits, missing_gnuplot_degrades);
    tcase_add_test(limits, samples_functions_on_a_grid);
    tcase_add_exit_test(limits, strict_makes_missing_gnuplot_fatal, 1);
    tcase_add_test(limits, gnuplot_error_is_reported);
    suite_add_tcase(s, limits);
    return s;
}
