/* design.c — a regression design read from a CSV file, columns by name. */
#include "design.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "error.h"
#include "linreg.h"
#include "strmap.h"

char *aics_design_key(const char *name, aics_strmap *taken, size_t column)
{
    size_t len = strlen(name);
    char *s = aics_xmalloc(len + 48);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)tolower((unsigned char)name[i]);
        s[i] = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ? (char)c : '_';
    }
    s[len] = '\0';
    if (aics_strmap_get(taken, s, NULL)) snprintf(s + len, 48, "_%zu", column + 1);
    /* "a_3" may be taken too (a header "a_3,a,A"): count on from _2. Each
     * try is O(1); at most one per key already taken. */
    size_t base = strlen(s);
    for (size_t k = 2; aics_strmap_get(taken, s, NULL); k++) snprintf(s + base, 48 - (base - len), "_%zu", k);
    aics_strmap_add(taken, s, column, NULL);
    return s;
}

/* Copy the feature columns (all but `ty`) and the target out of the table. */
static void copy_columns(const aics_csv *t, size_t ty, aics_design *dz)
{
    aics_strmap *taken = aics_strmap_new();
    for (size_t j = 0, f = 0; j < t->ncols; j++) {
        if (j == ty) continue;
        dz->keys[f] = aics_design_key(t->names[j], taken, j);
        dz->names[f] = aics_xstrdup(t->names[j]);
        for (size_t i = 0; i < dz->n; i++) dz->x[i * dz->d + f] = t->x[i * t->ncols + j];
        f++;
    }
    for (size_t i = 0; i < dz->n; i++) dz->y[i] = t->x[i * t->ncols + ty];
    aics_strmap_free(taken);
}

void aics_design_load(const char *path, const char *target, bool standardize, aics_design *dz)
{
    aics_csv t;
    aics_csv_read_or_die(path, &t);
    size_t ty = aics_csv_column_or_die(&t, path, target);
    if (t.ncols < 2) aics_die_data(path, t.header_line, 0, "no feature columns besides the target '%s'", target);
    if (t.ncols - 1 > AICS_DESIGN_MAX_FEATURES)
        aics_die_data(path, t.header_line, 0,
                      "%zu feature columns; at most %d are supported (the normal equations take d² memory "
                      "and d³ time)", t.ncols - 1, AICS_DESIGN_MAX_FEATURES);
    if (t.nrows < 2) aics_die_data(path, t.header_line + 1, 0, "a regression needs at least 2 data rows, found %zu", t.nrows);
    dz->n = t.nrows;
    dz->d = t.ncols - 1;
    dz->target = target;
    dz->x = aics_xmalloc(dz->n * dz->d * sizeof *dz->x);
    dz->y = aics_xmalloc(dz->n * sizeof *dz->y);
    dz->keys = aics_xcalloc(dz->d, sizeof *dz->keys);
    dz->names = aics_xcalloc(dz->d, sizeof *dz->names);
    copy_columns(&t, ty, dz);
    aics_csv_free(&t);
    if (standardize) {
        long c = aics_standardize(dz->x, dz->n, dz->d, NULL, NULL);
        if (c >= 0) aics_die_data(path, 0, 0, "column '%s' is constant, so it cannot be standardized", dz->names[c]);
    }
}

long aics_design_column(const aics_design *dz, const char *name)
{
    return aics_name_index(dz->names, dz->d, name);
}

size_t aics_design_column_or_die(const aics_design *dz, const char *path, const char *name)
{
    long j = aics_design_column(dz, name);
    if (j < 0) aics_die_data(path, 0, 0, "no column named '%s' (the target is '%s')", name, dz->target);
    return (size_t)j;
}

void aics_design_free(aics_design *dz)
{
    for (size_t j = 0; j < dz->d; j++) {
        free(dz->keys[j]);
        free(dz->names[j]);
    }
    free(dz->keys);
    free(dz->names);
    free(dz->x);
    free(dz->y);
}
