/* ex8_1.c — exercise 8.1: the variance of 4096 random numbers, in C (and the
 * same computation's time in Python, when python3 is installed).
 *
 * The numbers are u_i = k_i / 2^20 with k_i uniform on [0, 2^20) from PCG32,
 * so every u_i is exact in binary and the exact population variance
 *     σ² = (n·Σk² − (Σk)²) / (n²·2^40)
 * can be computed in 128-bit integers: an independent reference. Three
 * floating-point algorithms are compared with it, on the numbers themselves
 * and shifted by a large offset M (x_i = M + u_i, still exact, same variance):
 *   naive     one pass, Σx²/n − (Σx/n)²: subtracts two nearly equal numbers
 *             when the mean is large, and loses about 2·log10(M/σ) digits;
 *   two-pass  the mean first, then Σ(x − mean)²/n;
 *   Welford   one pass, updating the mean and M2 = Σ(x − mean)² as it goes.
 * Timings change from run to run, so they are printed only with --time, on
 * their own, and never go into the kv results or the book.
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "error.h"
#include "program.h"
#include "rng.h"

#define N 4096
#define FRAC_BITS 20

extern char **environ;

static double exact_variance(const uint32_t *k)
{
    unsigned __int128 s = 0, s2 = 0;
    for (int i = 0; i < N; i++) s += k[i], s2 += (unsigned __int128)k[i] * k[i];
    unsigned __int128 num = (unsigned __int128)N * s2 - s * s; /* ≥ 0 by Cauchy–Schwarz */
    return ldexp((double)num / ((double)N * N), -2 * FRAC_BITS);
}

// ANCHOR: methods
static double var_naive(const double *x, int n)
{
    double s = 0, s2 = 0;
    for (int i = 0; i < n; i++) s += x[i], s2 += x[i] * x[i];
    double mean = s / n;
    return s2 / n - mean * mean;
}

static double var_two_pass(const double *x, int n)
{
    double s = 0, d2 = 0;
    for (int i = 0; i < n; i++) s += x[i];
    double mean = s / n;
    for (int i = 0; i < n; i++) d2 += (x[i] - mean) * (x[i] - mean);
    return d2 / n;
}

static double var_welford(const double *x, int n)
{
    double mean = 0, m2 = 0;
    for (int i = 0; i < n; i++) {
        double delta = x[i] - mean;
        mean += delta / (i + 1);
        m2 += delta * (x[i] - mean); /* uses the old and the new mean */
    }
    return m2 / n;
}
// ANCHOR_END: methods

typedef double (*method)(const double *, int);
static const struct { const char *key, *name; method f; } methods[] = {
    {"naive", "一遍公式 E[x²]−E[x]²", var_naive},
    {"two_pass", "两遍法", var_two_pass},
    {"welford", "Welford 法", var_welford},
};
#define NMETHOD 3

static const struct { const char *key; int log2_offset; } offsets[] = {
    {"m0", -1}, {"m2p10", 10}, {"m2p20", 20}, {"m2p30", 30},
};
#define NOFFSET 4

static void report(aics_result *r, const uint32_t *k, double *x)
{
    double exact = exact_variance(k);
    for (int i = 0; i < N; i++) x[i] = ldexp(k[i], -FRAC_BITS);
    aics_result_part_show(r, "answer", "4096 个随机数的方差", AICS_SHOW_ANSWER);
    aics_result_note(r, "%d 个 [0, 1) 上均匀分布的随机数（PCG32），总体方差（除以 n）：", N);
    aics_result_double(r, "variance", var_welford(x, N), "方差（Welford 法）");
    aics_result_double(r, "variance_exact", exact, "精确值（128 位整数算）");
    aics_result_double(r, "variance_sample", var_welford(x, N) * N / (N - 1), "样本方差（除以 n−1）");
    aics_result_word(r, "variance.check", fabs(var_welford(x, N) - exact) <= 1e-14 * exact ? "pass" : "fail",
                     "与精确值相差不到 1e-14");
    aics_result_part_show(r, "digits", "均值很大时一遍公式丢失有效数字（相对误差）", AICS_SHOW_BRIEF);
    aics_table *t = aics_result_table(r, "lrrr",
        (const char *const[]){"偏移 M", "一遍公式", "两遍法", "Welford 法"});
    for (int o = 0; o < NOFFSET; o++) {
        double m = offsets[o].log2_offset < 0 ? 0 : ldexp(1, offsets[o].log2_offset);
        double shifted[N];
        for (int i = 0; i < N; i++) shifted[i] = m + x[i]; /* exact: at most 30 + 20 bits */
        aics_table_cell(t, offsets[o].log2_offset < 0 ? "0" : "2^%d", offsets[o].log2_offset);
        for (int j = 0; j < NMETHOD; j++) {
            double rel = fabs(methods[j].f(shifted, N) - exact) / exact;
            aics_table_cell(t, "%.1e", rel);
            char key[64];
            snprintf(key, sizeof key, "%s.%s.rel_err", offsets[o].key, methods[j].key);
            aics_result_kv_only(r, true);
            aics_result_double(r, key, rel, NULL);
            aics_result_kv_only(r, false);
        }
    }
}

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Python's time for the same two-pass algorithm on 4096 numbers, or a note
 * that it was skipped. The script is fixed text: nothing from the user. */
static void time_python(int reps)
{
    static const char script[] =
        "import random, sys, time\n"
        "reps = int(sys.argv[1])\n"
        "random.seed(1)\n"
        "x = [random.random() for _ in range(4096)]\n"
        "t = time.perf_counter()\n"
        "for _ in range(reps):\n"
        "    m = sum(x) / len(x)\n"
        "    v = sum((a - m) * (a - m) for a in x) / len(x)\n"
        "print('%.3g 秒/次' % ((time.perf_counter() - t) / reps))\n";
    char reps_text[16];
    snprintf(reps_text, sizeof reps_text, "%d", reps);
    char *argv[] = {"python3", "-c", (char *)script, reps_text, NULL};
    pid_t pid;
    fflush(stdout);
    if (posix_spawnp(&pid, "python3", NULL, NULL, argv, environ) != 0) {
        printf("未找到 python3，跳过。\n");
        return;
    }
    int status;
    if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        printf("python3 运行失败，跳过。\n");
}

static void time_c(const double *x, int reps)
{
    volatile double sink = 0;
    for (int j = 0; j < NMETHOD; j++) {
        double t0 = seconds();
        for (int k = 0; k < reps; k++) sink += methods[j].f(x, N);
        printf("C %s：%.3g 秒/次\n", methods[j].name, (seconds() - t0) / reps);
    }
    (void)sink;
}

/* The program's options. */
typedef struct {
    bool timing; /* --time: also measure C and Python */
} options;

static options opt;

static const aics_opt opts[] = {
    {"time", AICS_OPT_FLAG, &opt.timing, NULL, "另外测量 C 与 Python（若有 python3）的运行时间；时间不进入结果", AICS_RANGE_NONE, 0, 0},
    {0},
};

static double numbers[N]; /* what report() compared; --time times the methods on them */

static void run_exercise(aics_result *r, const aics_run *run)
{
    aics_rng rng;
    aics_rng_seed(&rng, run->seed, 81);
    static uint32_t k[N];
    for (int i = 0; i < N; i++) k[i] = aics_rng_u32(&rng) >> (32 - FRAC_BITS);
    report(r, k, numbers);
}

/* Timings are never results: printed after the output, and only with --time. */
static void finish(void)
{
    if (!opt.timing) return;
    printf("\n运行时间（每次运行都不同；4096 个数，两遍法等）：\n");
    time_c(numbers, 2000);
    printf("Python 两遍法（纯 Python 循环）：");
    fflush(stdout);
    time_python(200);
}

AICS_MAIN(.name = "ex8_1", .exercise = "8.1", .convention = "population-variance-exact-reference",
          .summary = "习题 8.1：4096 个随机数的方差（数值稳定的算法），以及 C 与 Python 的运行时间比较。",
          .details = "约定：总体方差（除以 n）；随机数为 k/2^20，k 在 [0, 2^20) 上均匀（PCG32，--seed）。\n"
                     "运行时间每次不同，只在 --time 时单独打印，从不写入 kv 或书中。",
          .opts = opts, .uses_seed = true, .default_seed = 81, .report = run_exercise, .finish = finish)
