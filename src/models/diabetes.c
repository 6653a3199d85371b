/* diabetes.c — the diabetes data's published values, and OLS checked against them. */
#include "diabetes.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "linreg.h"

const aics_published_coef aics_diabetes_ols[11] = {
    {"intercept", -334.56714}, {"age", -0.036361}, {"sex", -22.859648}, {"bmi", 5.602962},
    {"bp", 1.116808}, {"s1", -1.089996}, {"s2", 0.746450}, {"s3", 0.372005},
    {"s4", 6.533832}, {"s5", 68.483125}, {"s6", 0.280117},
};

const char *const aics_diabetes_lars_order[10] = {"bmi", "s5", "bp", "s3", "sex", "s6", "s1", "s4", "s2", "age"};

bool aics_diabetes_is_lars_order(const aics_design *dz, const size_t *order, size_t n)
{
    if (n != sizeof aics_diabetes_lars_order / sizeof *aics_diabetes_lars_order) return false;
    for (size_t a = 0; a < n; a++)
        if (strcmp(dz->names[order[a]], aics_diabetes_lars_order[a]) != 0) return false;
    return true;
}

bool aics_ols_check_lookup(const aics_design *raw, const aics_ols_check *oc, size_t k, double *c,
                           double *q)
{
    if (k == 0) return *c = oc->bc, *q = oc->bq, true;
    long j = aics_design_column(raw, aics_diabetes_ols[k].name);
    if (j < 0) return false;
    return *c = oc->wc[j], *q = oc->wq[j], true;
}

bool aics_ols_check_run(const aics_design *raw, aics_ols_check *oc)
{
    size_t d = raw->d;
    aics_linreg p;
    aics_linreg_init(&p, raw->x, raw->y, raw->n, d);
    oc->wc = aics_xmalloc(d * sizeof *oc->wc);
    oc->wq = aics_xmalloc(d * sizeof *oc->wq);
    if (!aics_ridge_cholesky(&p, 0.0, oc->wc) || !aics_ols_qr(raw->x, raw->y, raw->n, d, &oc->bq, oc->wq)) {
        aics_linreg_free(&p);
        aics_ols_check_free(oc);
        return false;
    }
    oc->bc = aics_linreg_intercept(&p, oc->wc);
    oc->two_ways = fabs(oc->bc - oc->bq) / fabs(oc->bq);
    for (size_t j = 0; j < d; j++) oc->two_ways = fmax(oc->two_ways, fabs(oc->wc[j] - oc->wq[j]) / fabs(oc->wq[j]));
    oc->published = 0.0;
    oc->matched = 0;
    for (size_t k = 0; k < 11; k++) {
        double c, q;
        if (!aics_ols_check_lookup(raw, oc, k, &c, &q)) continue;
        oc->matched++;
        oc->published = fmax(oc->published, fabs(c - aics_diabetes_ols[k].coef));
    }
    aics_linreg_free(&p);
    return true;
}

#define NPUB (sizeof aics_diabetes_ols / sizeof *aics_diabetes_ols)

bool aics_ols_check_pass(const aics_ols_check *oc)
{
    return oc->matched == NPUB && oc->two_ways < 1e-10 && oc->published < 1e-5;
}

void aics_ols_check_table(aics_result *r, const aics_design *raw, const aics_ols_check *oc)
{
    aics_table *t = aics_result_table(r, "lrrr", (const char *const[]){"系数", "Cholesky（正规方程）", "Householder QR", "公开值"});
    for (size_t k = 0; k < NPUB; k++) {
        double c, q;
        if (!aics_ols_check_lookup(raw, oc, k, &c, &q)) continue;
        aics_table_cell(t, "%s", aics_diabetes_ols[k].name);
        aics_table_cell(t, "%.9g", c);
        aics_table_cell(t, "%.9g", q);
        aics_table_cell(t, "%.8g", aics_diabetes_ols[k].coef);
    }
}

void aics_ols_check_free(aics_ols_check *oc)
{
    free(oc->wc);
    free(oc->wq);
}
