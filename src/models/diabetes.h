/* diabetes.h — reference values for the diabetes data of Efron, Hastie,
 * Johnstone and Tibshirani, "Least angle regression", Ann. Statist. 32 (2004)
 * (data/diabetes.csv, sources in data/SOURCES.md), and the check of an OLS
 * fit against them.
 *
 * The coefficients are looked up by column name, so the check holds for the
 * same data with its columns in any order.
 */
#ifndef AICS_DIABETES_H
#define AICS_DIABETES_H

#include <stdbool.h>
#include <stddef.h>

#include "design.h"
#include "result.h"

typedef struct {
    const char *name; /* "intercept" or a column name */
    double coef;
} aics_published_coef;

/* OLS on the raw data as published by R's lm() (and scikit-learn's
 * LinearRegression on load_diabetes(scaled=False)), rounded to the digits
 * usually quoted: the intercept first, then the ten covariates. */
extern const aics_published_coef aics_diabetes_ols[11];

/* The order in which the lasso (and LARS) admits the covariates in Efron et
 * al. (2004), Fig. 1 and §3: covariates 3, 9, 4, 7, 2, 10, 5, 8, 6, 1. */
extern const char *const aics_diabetes_lars_order[10];

/* Whether the n coefficients order[0..n) of dz, by header name, are
 * exactly aics_diabetes_lars_order. */
bool aics_diabetes_is_lars_order(const aics_design *dz, const size_t *order, size_t n);

typedef struct {
    double *wc, *wq, bc, bq; /* Cholesky (normal equations) and Householder QR */
    double two_ways;         /* largest relative difference between the two */
    double published;        /* largest absolute difference from aics_diabetes_ols */
    size_t matched;          /* published coefficients found in the data, of 11 */
} aics_ols_check;

/* OLS two ways on the raw design, compared with the published values.
 * Returns false, with nothing to free, when the design is rank deficient;
 * otherwise free with aics_ols_check_free(). */
bool aics_ols_check_run(const aics_design *raw, aics_ols_check *oc);

/* The two solutions' values of published entry k (0 is the intercept),
 * found by column name; false when the data have no such column. */
bool aics_ols_check_lookup(const aics_design *raw, const aics_ols_check *oc, size_t k, double *c,
                           double *q);

/* Passed: all 11 values found, the two solutions agree to 1e-10 (relative)
 * and every coefficient is within 1e-5 of its published value (which is
 * rounded to 5 or 6 decimals). */
bool aics_ols_check_pass(const aics_ols_check *oc);

/* A table of the two solutions beside the published values, one row per
 * published value found in the data. */
void aics_ols_check_table(aics_result *r, const aics_design *raw, const aics_ols_check *oc);

void aics_ols_check_free(aics_ols_check *oc);

#endif
