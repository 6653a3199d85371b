/* linreg.c — penalized least squares: ridge, lasso, paths, OLS by QR (see linreg.h). */
#include "linreg.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "shape.h"

void aics_linreg_init(aics_linreg *p, const double *x, const double *y, size_t n, size_t d)
{
    AICS_CHECK(n >= 2 && d >= 1, "a regression needs at least two rows and one feature");
    memset(p, 0, sizeof *p);
    p->n = n;
    p->d = d;
    /* One block holds the five arrays, so that one free releases them. */
    AICS_CHECK(d <= SIZE_MAX / (n + d + 2) / sizeof(double), "a regression this large does not fit in memory");
    p->xc = aics_xcalloc(n * d + n + d * d + 2 * d, sizeof *p->xc);
    p->yc = p->xc + n * d;
    p->xmean = p->yc + n;
    p->gram = p->xmean + d;
    p->xty = p->gram + d * d;
    /* Two passes: the mean, then centered copies, so G never subtracts large squares. */
    for (size_t j = 0; j < d; j++) {
        double s = 0.0;
        for (size_t i = 0; i < n; i++) s += x[i * d + j];
        p->xmean[j] = s / (double)n;
        for (size_t i = 0; i < n; i++) p->xc[j * n + i] = x[i * d + j] - p->xmean[j];
    }
    double s = 0.0;
    for (size_t i = 0; i < n; i++) s += y[i];
    p->ymean = s / (double)n;
    for (size_t i = 0; i < n; i++) p->yc[i] = y[i] - p->ymean;
    for (size_t j = 0; j < d; j++) {
        const double *xj = p->xc + j * n;
        for (size_t k = 0; k <= j; k++) {
            const double *xk = p->xc + k * n;
            double g = 0.0;
            for (size_t i = 0; i < n; i++) g += xj[i] * xk[i];
            p->gram[j * d + k] = p->gram[k * d + j] = g / (double)n;
        }
        double c = 0.0;
        for (size_t i = 0; i < n; i++) c += xj[i] * p->yc[i];
        p->xty[j] = c / (double)n;
    }
}

void aics_linreg_free(aics_linreg *p)
{
    free(p->xc); /* the block of all five arrays */
    memset(p, 0, sizeof *p);
}

long aics_standardize(double *x, size_t n, size_t d, double *mean, double *sd)
{
    long constant = -1;
    for (size_t j = 0; j < d; j++) {
        double m = 0.0, v = 0.0;
        for (size_t i = 0; i < n; i++) m += x[i * d + j];
        m /= (double)n;
        for (size_t i = 0; i < n; i++) v += (x[i * d + j] - m) * (x[i * d + j] - m);
        double s = sqrt(v / (double)n); /* population standard deviation */
        if (s == 0.0 && constant < 0) constant = (long)j;
        for (size_t i = 0; i < n; i++) x[i * d + j] = s > 0.0 ? (x[i * d + j] - m) / s : 0.0;
        if (mean) mean[j] = m;
        if (sd) sd[j] = s;
    }
    return constant;
}

double aics_linreg_intercept(const aics_linreg *p, const double *w)
{
    double b = p->ymean;
    for (size_t j = 0; j < p->d; j++) b -= p->xmean[j] * w[j];
    return b;
}

/* r = y_c − X_c w (n). */
static void residual(const aics_linreg *p, const double *w, double *r)
{
    memcpy(r, p->yc, p->n * sizeof *r);
    for (size_t j = 0; j < p->d; j++) {
        if (w[j] == 0.0) continue;
        const double *xj = p->xc + j * p->n;
        for (size_t i = 0; i < p->n; i++) r[i] -= xj[i] * w[j];
    }
}

double aics_linreg_objective(const aics_linreg *p, aics_penalty pen, double lambda, const double *w)
{
    double *r = aics_xmalloc(p->n * sizeof *r);
    residual(p, w, r);
    double rss = 0.0, pw = 0.0;
    for (size_t i = 0; i < p->n; i++) rss += r[i] * r[i];
    free(r);
    for (size_t j = 0; j < p->d; j++) pw += pen == AICS_PENALTY_L2 ? 0.5 * w[j] * w[j] : fabs(w[j]);
    return rss / (2.0 * (double)p->n) + lambda * pw;
}

/* Solve A x = rhs for symmetric positive definite A (m×m, row-major) by a
 * Cholesky factorization of the Jacobi-scaled S A S (S = diag(A)^(-1/2)),
 * then two steps of iterative refinement with long double residuals.
 * Returns false when a scaled pivot falls below 1e-13 (numerically singular). */
static bool spd_solve(const double *A, size_t m, const double *rhs, double *x)
{
    double *L = aics_xmalloc(m * m * sizeof *L), *s = aics_xmalloc(m * sizeof *s);
    double *r = aics_xmalloc(m * sizeof *r), *z = aics_xmalloc(m * sizeof *z);
    bool ok = true;
    for (size_t j = 0; j < m && ok; j++) {
        ok = A[j * m + j] > 0.0;
        s[j] = ok ? 1.0 / sqrt(A[j * m + j]) : 0.0;
    }
    for (size_t j = 0; j < m && ok; j++) {
        for (size_t k = 0; k <= j; k++) {
            double v = s[j] * A[j * m + k] * s[k];
            for (size_t q = 0; q < k; q++) v -= L[j * m + q] * L[k * m + q];
            if (k < j) {
                L[j * m + k] = v / L[k * m + k];
            } else if (v > 1e-13) {
                L[j * m + j] = sqrt(v);
            } else {
                ok = false;
                break;
            }
        }
    }
    if (ok) {
        memset(x, 0, m * sizeof *x);
        for (int step = 0; step < 3; step++) {
            /* r = S (rhs − A x); step 0 has x = 0, later steps refine. */
            for (size_t j = 0; j < m; j++) {
                long double v = rhs[j];
                for (size_t k = 0; k < m; k++) v -= (long double)A[j * m + k] * x[k];
                r[j] = (double)v * s[j];
            }
            for (size_t j = 0; j < m; j++) { /* L z = r */
                double v = r[j];
                for (size_t k = 0; k < j; k++) v -= L[j * m + k] * z[k];
                z[j] = v / L[j * m + j];
            }
            for (size_t j = m; j-- > 0;) { /* Lᵀ u = z, x += S u */
                double v = z[j];
                for (size_t k = j + 1; k < m; k++) v -= L[k * m + j] * z[k];
                z[j] = v / L[j * m + j];
            }
            for (size_t j = 0; j < m; j++) x[j] += s[j] * z[j];
        }
    }
    free(L);
    free(s);
    free(r);
    free(z);
    return ok;
}

bool aics_ridge_cholesky(const aics_linreg *p, double lambda, double *w)
{
    size_t d = p->d;
    double *A = aics_xmalloc(d * d * sizeof *A);
    memcpy(A, p->gram, d * d * sizeof *A);
    for (size_t j = 0; j < d; j++) A[j * d + j] += lambda;
    bool ok = spd_solve(A, d, p->xty, w);
    free(A);
    return ok;
}

long aics_ridge_gd(const aics_linreg *p, double lambda, double *w, double tol, long max_iter,
                   bool *converged)
{
    size_t d = p->d;
    /* Gershgorin: every eigenvalue of G + λI is at most max_j Σ_k |G_jk| + λ. */
    double L = 0.0, cmax = 0.0;
    for (size_t j = 0; j < d; j++) {
        double row = 0.0;
        for (size_t k = 0; k < d; k++) row += fabs(p->gram[j * d + k]);
        L = fmax(L, row);
        cmax = fmax(cmax, fabs(p->xty[j]));
    }
    L += lambda;
    double eta = L > 0.0 ? 1.0 / L : 1.0, stop = tol * fmax(1.0, cmax);
    double *g = aics_xmalloc(d * sizeof *g);
    long it = 0;
    *converged = false;
    for (;; it++) {
        double gmax = 0.0;
        for (size_t j = 0; j < d; j++) { /* ∇F = G w − c + λ w */
            double v = lambda * w[j] - p->xty[j];
            for (size_t k = 0; k < d; k++) v += p->gram[j * d + k] * w[k];
            g[j] = v;
            gmax = fmax(gmax, fabs(v));
        }
        if (gmax <= stop) {
            *converged = true;
            break;
        }
        if (it == max_iter) break;
        for (size_t j = 0; j < d; j++) w[j] -= eta * g[j];
    }
    free(g);
    return it;
}

// ANCHOR: soft_threshold
double aics_soft_threshold(double z, double t)
{
    if (z > t) return z - t;
    if (z < -t) return z + t;
    return 0.0; /* |z| ≤ t: the L1 kink holds the coefficient at exactly zero */
}
// ANCHOR_END: soft_threshold

/* Given the current signs, solve the stationarity equations on the active
 * set exactly, G_AA w_A = c_A − λ s_A, and accept the result only if it keeps
 * the signs and every inactive |c_j − (G w)_j| ≤ λ: then it is the minimizer. */
static bool polish(const aics_linreg *p, double lambda, double *w, double *gw)
{
    size_t d = p->d, m = 0;
    size_t *act = aics_xmalloc(d * sizeof *act);
    for (size_t j = 0; j < d; j++)
        if (w[j] != 0.0) act[m++] = j;
    bool ok = m > 0;
    double *A = aics_xmalloc((m ? m * m : 1) * sizeof *A), *rhs = aics_xmalloc((m ? m : 1) * sizeof *rhs);
    double *u = aics_xmalloc((m ? m : 1) * sizeof *u), *nw = aics_xcalloc(d, sizeof *nw);
    for (size_t a = 0; a < m && ok; a++) {
        for (size_t q = 0; q < m; q++) A[a * m + q] = p->gram[act[a] * d + act[q]];
        rhs[a] = p->xty[act[a]] - lambda * (w[act[a]] > 0.0 ? 1.0 : -1.0);
    }
    if (ok) ok = spd_solve(A, m, rhs, u);
    for (size_t a = 0; a < m && ok; a++) {
        ok = lambda == 0.0 || u[a] * w[act[a]] > 0.0;
        nw[act[a]] = u[a];
    }
    double *ngw = aics_xcalloc(d, sizeof *ngw);
    for (size_t j = 0; j < d && ok; j++) {
        for (size_t k = 0; k < d; k++) ngw[j] += p->gram[j * d + k] * nw[k];
        if (nw[j] == 0.0) ok = fabs(p->xty[j] - ngw[j]) <= lambda * (1.0 + 1e-12);
    }
    if (ok) {
        memcpy(w, nw, d * sizeof *w);
        memcpy(gw, ngw, d * sizeof *gw);
    }
    free(act);
    free(A);
    free(rhs);
    free(u);
    free(nw);
    free(ngw);
    return ok;
}

aics_lasso_info aics_lasso_cd(const aics_linreg *p, double lambda, double *w, double tol,
                              long max_sweeps)
{
    AICS_CHECK(lambda >= 0.0 && tol > 0.0, "the lasso needs λ ≥ 0 and a positive tolerance");
    size_t d = p->d;
    const double *G = p->gram, *c = p->xty;
    aics_lasso_info info = {0, false, false};
    double *gw = aics_xcalloc(d, sizeof *gw); /* G w, kept current */
    for (size_t j = 0; j < d; j++)
        for (size_t k = 0; k < d; k++) gw[j] += G[j * d + k] * w[k];
    double yvar = 0.0;
    for (size_t i = 0; i < p->n; i++) yvar += p->yc[i] * p->yc[i];
    double scale = yvar > 0.0 ? sqrt(yvar / (double)p->n) : 1.0;
    while (info.sweeps < max_sweeps) {
        double maxdelta = 0.0;
        bool support_changed = false;
        // ANCHOR: cd_update
        for (size_t j = 0; j < d; j++) {
            double gjj = G[j * d + j];
            if (gjj == 0.0) { /* a constant column cannot help the fit */
                w[j] = 0.0;
                continue;
            }
            /* ρ_j = (1/n) x_jᵀ(r + x_j w_j): the fit of x_j to its partial residual */
            double rho = c[j] - gw[j] + gjj * w[j];
            double nw = aics_soft_threshold(rho, lambda) / gjj;
            double delta = nw - w[j];
            if (delta != 0.0) {
                for (size_t k = 0; k < d; k++) gw[k] += G[k * d + j] * delta;
                support_changed |= (nw == 0.0) != (w[j] == 0.0);
                w[j] = nw;
            }
            maxdelta = fmax(maxdelta, fabs(delta) * sqrt(gjj));
        }
        // ANCHOR_END: cd_update
        info.sweeps++;
        if (!support_changed && polish(p, lambda, w, gw)) {
            info.converged = info.polished = true;
            break;
        }
        if (maxdelta <= tol * scale) {
            info.converged = true;
            break;
        }
    }
    /* All-zero solutions never reach polish(): they are exact already. */
    free(gw);
    return info;
}

double aics_lasso_kkt(const aics_linreg *p, double lambda, const double *w)
{
    double *r = aics_xmalloc(p->n * sizeof *r);
    residual(p, w, r);
    double worst = 0.0;
    for (size_t j = 0; j < p->d; j++) {
        const double *xj = p->xc + j * p->n;
        double g = 0.0;
        for (size_t i = 0; i < p->n; i++) g += xj[i] * r[i];
        g /= (double)p->n;
        double v = w[j] != 0.0 ? fabs(g - lambda * (w[j] > 0.0 ? 1.0 : -1.0)) : fmax(0.0, fabs(g) - lambda);
        worst = fmax(worst, v);
    }
    free(r);
    return worst;
}

double aics_lasso_lambda_max(const aics_linreg *p)
{
    double m = 0.0;
    for (size_t j = 0; j < p->d; j++) m = fmax(m, fabs(p->xty[j]));
    return m;
}

void aics_lambda_grid(double hi, double lo, size_t m, double *lambdas)
{
    AICS_CHECK(m >= 2 && lo > 0.0 && hi > lo, "a λ grid needs m ≥ 2 and 0 < lo < hi");
    double a = log(hi), b = log(lo);
    for (size_t k = 0; k < m; k++) lambdas[k] = exp(a + (b - a) * (double)k / (double)(m - 1));
    lambdas[0] = hi;
    lambdas[m - 1] = lo;
}

long aics_linreg_path(const aics_linreg *p, aics_penalty pen, const double *lambdas, size_t m, long max_sweeps,
                      double tol, double *W)
{
    size_t d = p->d;
    double *w = aics_xcalloc(d, sizeof *w);
    long sweeps = 0;
    bool stalled = false; /* every row of W is still filled */
    for (size_t k = 0; k < m; k++) {
        if (pen == AICS_PENALTY_L2) {
            if (!aics_ridge_cholesky(p, lambdas[k], w)) {
                sweeps = -1;
                break;
            }
        } else {
            aics_lasso_info info = aics_lasso_cd(p, lambdas[k], w, tol, max_sweeps); /* w: warm start */
            stalled |= !info.converged;
            sweeps += info.sweeps;
        }
        memcpy(W + k * d, w, d * sizeof *w);
    }
    free(w);
    return stalled && sweeps >= 0 ? -2 : sweeps;
}

bool aics_ols_qr(const double *x, const double *y, size_t n, size_t d, double *b, double *w)
{
    size_t q = d + 1;
    AICS_CHECK(n >= q, "QR least squares needs at least as many rows as unknowns");
    double *A = aics_xmalloc(n * q * sizeof *A), *z = aics_xmalloc(n * sizeof *z);
    double *v = aics_xmalloc(n * sizeof *v), *sol = aics_xmalloc(q * sizeof *sol);
    for (size_t i = 0; i < n; i++) { /* column-major [1 X] */
        A[i] = 1.0;
        for (size_t j = 0; j < d; j++) A[(j + 1) * n + i] = x[i * d + j];
        z[i] = y[i];
    }
    double rmax = 0.0;
    bool ok = true;
    for (size_t k = 0; k < q; k++) {
        double *ak = A + k * n, norm = 0.0;
        for (size_t i = k; i < n; i++) norm = hypot(norm, ak[i]);
        double alpha = ak[k] > 0.0 ? -norm : norm; /* avoids cancellation in v_k */
        for (size_t i = k; i < n; i++) v[i] = ak[i];
        v[k] -= alpha;
        double vv = 0.0;
        for (size_t i = k; i < n; i++) vv += v[i] * v[i];
        if (vv > 0.0) {
            for (size_t j = k; j < q; j++) { /* A_j −= 2 v (vᵀA_j)/(vᵀv) */
                double *aj = A + j * n, t = 0.0;
                for (size_t i = k; i < n; i++) t += v[i] * aj[i];
                t = 2.0 * t / vv;
                for (size_t i = k; i < n; i++) aj[i] -= t * v[i];
            }
            double t = 0.0;
            for (size_t i = k; i < n; i++) t += v[i] * z[i];
            t = 2.0 * t / vv;
            for (size_t i = k; i < n; i++) z[i] -= t * v[i];
        }
        rmax = fmax(rmax, fabs(ak[k]));
    }
    for (size_t k = q; k-- > 0;) {
        double rkk = A[k * n + k];
        if (fabs(rkk) <= 1e-13 * rmax) {
            ok = false;
            break;
        }
        double t = z[k];
        for (size_t j = k + 1; j < q; j++) t -= A[j * n + k] * sol[j];
        sol[k] = t / rkk;
    }
    if (ok) {
        *b = sol[0];
        memcpy(w, sol + 1, d * sizeof *w);
    }
    free(A);
    free(z);
    free(v);
    free(sol);
    return ok;
}

double aics_ridge_optimality(const aics_linreg *p, double lambda, const double *w)
{
    double *r = aics_xmalloc(p->n * sizeof *r), worst = 0.0;
    memcpy(r, p->yc, p->n * sizeof *r);
    for (size_t j = 0; j < p->d; j++)
        for (size_t i = 0; i < p->n; i++) r[i] -= p->xc[j * p->n + i] * w[j];
    for (size_t j = 0; j < p->d; j++) {
        double g = 0.0;
        for (size_t i = 0; i < p->n; i++) g += p->xc[j * p->n + i] * r[i];
        worst = fmax(worst, fabs(lambda * w[j] - g / (double)p->n));
    }
    free(r);
    return worst;
}

/* The largest λ in (lo, hi) at which coefficient j is nonzero, by bisection:
 * zero at hi, nonzero at lo; wlo holds the solution at lo. */
static double entry_lambda(const aics_linreg *p, size_t j, double hi, double lo, const double *wlo,
                           double tol, long max_sweeps)
{
    size_t d = p->d;
    double *w = aics_xmalloc(d * sizeof *w);
    for (int it = 0; it < 60 && hi - lo > 1e-13 * hi; it++) {
        double mid = 0.5 * (hi + lo);
        memcpy(w, wlo, d * sizeof *w);
        aics_lasso_cd(p, mid, w, tol, max_sweeps);
        if (w[j] != 0.0) lo = mid;
        else hi = mid;
    }
    free(w);
    return 0.5 * (hi + lo);
}

static void add_exit(aics_lasso_entries *en, size_t j, double lambda)
{
    size_t n = en->nexits;
    if ((n & (n - 1)) == 0) { /* grow at 0, 1, 2, 4, 8, … */
        size_t cap = n ? 2 * n : 1;
        en->exit_coef = aics_xrealloc(en->exit_coef, cap * sizeof *en->exit_coef);
        en->exit_lambda = aics_xrealloc(en->exit_lambda, cap * sizeof *en->exit_lambda);
    }
    en->exit_coef[n] = j;
    en->exit_lambda[n] = lambda;
    en->nexits++;
}

/* Sort the entered coefficients by entry λ, largest first (insertion sort,
 * d is small; the fine grid may put two entries in one step). */
static void sort_entries(aics_lasso_entries *en)
{
    for (size_t a = 1; a < en->nentered; a++)
        for (size_t b = a; b > 0 && en->entry[en->order[b]] > en->entry[en->order[b - 1]]; b--) {
            size_t tmp = en->order[b];
            en->order[b] = en->order[b - 1];
            en->order[b - 1] = tmp;
        }
}

void aics_lasso_find_entries(const aics_linreg *p, double lmax, double ratio, size_t points, double tol,
                             long max_sweeps, aics_lasso_entries *en)
{
    size_t d = p->d;
    *en = (aics_lasso_entries){aics_xcalloc(d, sizeof(double)), aics_xcalloc(d, sizeof(size_t)), 0, NULL, NULL, 0};
    double *grid = aics_xmalloc(points * sizeof *grid), *W = aics_xmalloc(points * d * sizeof *W);
    aics_lambda_grid(lmax, lmax * ratio, points, grid);
    aics_linreg_path(p, AICS_PENALTY_L1, grid, points, 1000000L, tol, W);
    for (size_t k = 1; k < points; k++)
        for (size_t j = 0; j < d; j++) {
            bool was = W[(k - 1) * d + j] != 0.0, now = W[k * d + j] != 0.0;
            if (!was && now && en->entry[j] == 0.0) {
                en->entry[j] = entry_lambda(p, j, grid[k - 1], grid[k], W + k * d, tol, max_sweeps);
                en->order[en->nentered++] = j;
            } else if (was && !now) {
                add_exit(en, j, grid[k]);
            }
        }
    sort_entries(en);
    free(grid);
    free(W);
}

void aics_lasso_entries_free(aics_lasso_entries *en)
{
    free(en->entry);
    free(en->order);
    free(en->exit_coef);
    free(en->exit_lambda);
}

aics_path_shape aics_path_shape_of(const double *W, size_t m, size_t d)
{
    aics_path_shape sh = {0, 0, true};
    double *a = aics_xmalloc(m * sizeof *a);
    for (size_t j = 0; j < d; j++) {
        bool pos = false, neg = false;
        for (size_t k = 0; k < m; k++) {
            a[k] = fabs(W[k * d + j]);
            pos |= W[k * d + j] > 0.0;
            neg |= W[k * d + j] < 0.0;
        }
        sh.nonmonotone += !aics_shape_monotone(aics_shape_of(a, m, 1, 1e-12));
        sh.sign_changes += pos && neg;
    }
    for (size_t k = 0; k < m; k++) {
        double s = 0.0;
        for (size_t j = 0; j < d; j++) s += W[k * d + j] * W[k * d + j];
        a[k] = sqrt(s);
    }
    sh.norm_monotone = aics_shape_monotone(aics_shape_of(a, m, 1, 1e-12));
    free(a);
    return sh;
}
