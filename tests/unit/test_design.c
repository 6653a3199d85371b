/* test_design.c — regression designs read by column name: keys, lookups, and
 * the diabetes checks on the same data with its columns in another order. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv.h"
#include "design.h"
#include "diabetes.h"
#include "fileio.h"
#include "linreg.h"

static char dir[64], paths[4][128];
static int npaths;

static void make_dir(void)
{
    strcpy(dir, "/tmp/aics-design-XXXXXX");
    ck_assert_msg(mkdtemp(dir) != NULL, "A temporary folder should be creatable.");
    npaths = 0;
}

static void remove_dir(void)
{
    for (int i = 0; i < npaths; i++) unlink(paths[i]);
    rmdir(dir);
}

static const char *write_tmp(const char *name, const char *text)
{
    ck_assert(npaths < 4);
    char *p = paths[npaths++];
    snprintf(p, sizeof paths[0], "%s/%s", dir, name);
    ck_assert_msg(aics_write_file_atomic(p, text, strlen(text)) >= 0, "%s should be writable.", p);
    return p;
}

START_TEST(keys_are_kv_safe_and_unique)
{
    aics_strmap *taken = aics_strmap_new();
    char *k0 = aics_design_key("Body Mass", taken, 0);
    ck_assert_msg(strcmp(k0, "body_mass") == 0, "Got '%s'.", k0);
    char *k1 = aics_design_key("body-mass", taken, 4);
    ck_assert_msg(strcmp(k1, "body_mass_5") == 0, "A clash gets the 1-based column number: got '%s'.", k1);
    free(k0);
    free(k1);
    aics_strmap_free(taken);
    /* Issue 14: the header "a_3,a,A" made "a_3" twice (an internal error). */
    taken = aics_strmap_new();
    const char *header[] = {"a_3", "a", "A", "a_3_2"}, *want[] = {"a_3", "a", "a_3_2", "a_3_2_4"};
    for (size_t j = 0; j < 4; j++) {
        char *k = aics_design_key(header[j], taken, j);
        ck_assert_msg(strcmp(k, want[j]) == 0, "Column %zu: got '%s', expected '%s'.", j + 1, k, want[j]);
        free(k);
    }
    aics_strmap_free(taken);
}
END_TEST

START_TEST(columns_are_found_by_name)
{
    const char *a = write_tmp("a.csv", "x1,y,x2\n1,10,5\n2,20,6\n3,31,8\n");
    const char *b = write_tmp("b.csv", "x2,x1,y\n5,1,10\n6,2,20\n8,3,31\n");
    aics_design da, db;
    aics_design_load(a, "y", false, &da);
    aics_design_load(b, "y", false, &db);
    ck_assert_msg(da.d == 2 && db.d == 2 && da.n == 3, "Two features, three rows.");
    const char *names[2] = {"x1", "x2"};
    for (int k = 0; k < 2; k++) {
        long ja = aics_design_column(&da, names[k]), jb = aics_design_column(&db, names[k]);
        ck_assert_msg(ja >= 0 && jb >= 0 && ja != jb, "%s is at a different place in each file.", names[k]);
        for (size_t i = 0; i < 3; i++)
            ck_assert_msg(da.x[i * 2 + ja] == db.x[i * 2 + jb], "%s row %zu should read the same.", names[k], i);
    }
    for (size_t i = 0; i < 3; i++) ck_assert_msg(da.y[i] == db.y[i], "The target is found by name.");
    ck_assert_msg(aics_design_column(&da, "y") == -1 && aics_design_column(&da, "x3") == -1,
                  "The target and unknown names are not features.");
    aics_design_free(&da);
    aics_design_free(&db);
}
END_TEST

/* data/diabetes.csv with its columns reversed, numbers printed exactly. */
static const char *reversed_diabetes(void)
{
    size_t len;
    char *text = aics_read_file("data/diabetes.csv", AICS_CSV_MAX_BYTES, &len);
    ck_assert_msg(text != NULL, "data/diabetes.csv should be readable from the repository root.");
    aics_csv t;
    aics_csv_error e;
    ck_assert_msg(aics_csv_parse(text, len, &t, &e), "The diabetes CSV should parse.");
    free(text);
    size_t cap = (t.nrows + 1) * t.ncols * 32, used = 0;
    char *out = malloc(cap);
    for (size_t j = t.ncols; j-- > 0;) used += (size_t)snprintf(out + used, cap - used, "%s%s", t.names[j], j ? "," : "\n");
    for (size_t i = 0; i < t.nrows; i++)
        for (size_t j = t.ncols; j-- > 0;)
            used += (size_t)snprintf(out + used, cap - used, "%.17g%s", t.x[i * t.ncols + j], j ? "," : "\n");
    aics_csv_free(&t);
    const char *path = write_tmp("reversed.csv", out);
    free(out);
    return path;
}

START_TEST(diabetes_checks_survive_permuted_columns)
{
    const char *rev = reversed_diabetes();
    aics_design a, b;
    aics_design_load("data/diabetes.csv", "y", false, &a);
    aics_design_load(rev, "y", false, &b);
    ck_assert_msg(strcmp(b.names[0], "s6") == 0, "The reversed file starts with s6.");
    aics_ols_check ca, cb;
    ck_assert_msg(aics_ols_check_run(&a, &ca) && aics_ols_check_run(&b, &cb), "OLS solves on both.");
    ck_assert_msg(ca.matched == 11 && cb.matched == 11, "All 11 published values are found by name.");
    ck_assert_msg(cb.published < 1e-5 && cb.two_ways < 1e-10, "The reversed data pass the published check.");
    for (size_t k = 0; k < 11; k++) {
        double c1, q1, c2, q2;
        ck_assert(aics_ols_check_lookup(&a, &ca, k, &c1, &q1) && aics_ols_check_lookup(&b, &cb, k, &c2, &q2));
        ck_assert_msg(fabs(c1 - c2) <= 1e-9 * fabs(c1), "%s should not depend on the column order.", aics_diabetes_ols[k].name);
    }
    long bmi = aics_design_column(&b, "bmi");
    ck_assert_msg(bmi == 7 && fabs(cb.wc[bmi] - 5.602962) < 1e-5, "bmi is column 7 of the reversed file, and its coefficient is bmi's.");
    aics_ols_check_free(&ca);
    aics_ols_check_free(&cb);
    aics_design_free(&a);
    aics_design_free(&b);
}
END_TEST

START_TEST(lasso_entry_order_survives_permuted_columns)
{
    const char *rev = reversed_diabetes();
    aics_design b;
    aics_design_load(rev, "y", true, &b);
    aics_linreg p;
    aics_linreg_init(&p, b.x, b.y, b.n, b.d);
    aics_lasso_entries en;
    aics_lasso_find_entries(&p, aics_lasso_lambda_max(&p), 1e-4, 400, 1e-12, 1000000L, &en);
    ck_assert_msg(aics_diabetes_is_lars_order(&b, en.order, en.nentered), "The entry order is Efron et al.'s by name.");
    for (size_t a = 1; a < en.nentered; a++)
        ck_assert_msg(en.entry[en.order[a]] <= en.entry[en.order[a - 1]], "Entries come largest λ first.");
    /* Just above its entry λ a coefficient is zero; just below, nonzero. */
    size_t j = en.order[2];
    double *w = calloc(b.d, sizeof *w);
    aics_lasso_cd(&p, en.entry[j] * (1 + 1e-9), w, 1e-12, 1000000L);
    ck_assert_msg(w[j] == 0.0, "Above the entry λ the coefficient is 0.");
    aics_lasso_cd(&p, en.entry[j] * (1 - 1e-6), w, 1e-12, 1000000L);
    ck_assert_msg(w[j] != 0.0, "Below the entry λ the coefficient is nonzero.");
    free(w);
    aics_lasso_entries_free(&en);
    aics_linreg_free(&p);
    aics_design_free(&b);
}
END_TEST

Suite *design_suite(void)
{
    Suite *s = suite_create("design");
    TCase *c = tcase_create("Core");
    tcase_set_timeout(c, 60);
    tcase_add_checked_fixture(c, make_dir, remove_dir);
    tcase_add_test(c, keys_are_kv_safe_and_unique);
    tcase_add_test(c, columns_are_found_by_name);
    tcase_add_test(c, diabetes_checks_survive_permuted_columns);
    tcase_add_test(c, lasso_entry_order_survives_permuted_columns);
    suite_add_tcase(s, c);
    return s;
}
