/* design.h — a regression design read from a CSV file: the target column and
 * the feature columns, all found by name, never by position.
 *
 * The target is named by the caller; every other column is a feature, in the
 * file's order. Each feature keeps its name as written (for labels) and gets a
 * kv-safe key: lower case, every byte outside [a-z0-9_] becomes '_', and a key
 * that then repeats an earlier one gets "_<column number>" appended (the
 * 1-based column in the file), so "BMI" and "bmi" become "bmi" and "bmi_3"
 * (and should that be taken too, "_2", "_3" … follows: see aics_design_key).
 * Code that needs a particular variable asks aics_design_column() for it by
 * name, so a file with its columns in another order gives the same answers.
 */
#ifndef AICS_DESIGN_H
#define AICS_DESIGN_H

#include <stdbool.h>
#include <stddef.h>

#include "strmap.h"

/* The most feature columns a design may have: fitting needs the d×d Gram
 * matrix (8 MB at 1,000) and its factorisation (d³/3 steps). */
#define AICS_DESIGN_MAX_FEATURES 1000

typedef struct {
    size_t n, d;
    double *x;          /* n × d, row-major, features only (standardized if asked) */
    double *y;          /* n */
    char **keys;        /* d kv-safe keys, [a-z0-9_] */
    char **names;       /* d names as written in the header */
    const char *target; /* the caller's string */
} aics_design;

/* Read `path` (src/core/csv.h) into `dz`, with column `target` as y. With
 * `standardize`, z-score every feature column (population sd). Bad input,
 * a missing target, fewer than 2 columns or rows, more than
 * AICS_DESIGN_MAX_FEATURES features, or a constant column to
 * standardize: "path:line:col: message" and exit 2. */
void aics_design_load(const char *path, const char *target, bool standardize, aics_design *dz);

/* The index of the feature whose header name is exactly `name`, or -1. */
long aics_design_column(const aics_design *dz, const char *name);

/* Like aics_design_column(), but exit 2 with "path: no column named 'NAME'"
 * when the file has no such feature. */
size_t aics_design_column_or_die(const aics_design *dz, const char *path, const char *name);

/* The kv-safe key for column `column` (0-based in the file) named `name`,
 * not in `taken` (the keys already made), to which it is added. Should
 * "<key>_<column>" be taken as well (a header "a_3,a,A"), "_2", "_3" … is
 * appended to that. Caller frees. */
char *aics_design_key(const char *name, aics_strmap *taken, size_t column);

void aics_design_free(aics_design *dz);

#endif
