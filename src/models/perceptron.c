/* perceptron.c — the perceptron learning rule (see perceptron.h). */
#include "perceptron.h"

#include "error.h"

double aics_perceptron_sum(const aics_perceptron *p, const double x[2])
{
    return p->w[0] * x[0] + p->w[1] * x[1] + p->b;
}

int aics_perceptron_output(const aics_perceptron *p, const double x[2])
{
    return aics_perceptron_sum(p, x) > 0.0 ? 1 : 0;
}

// ANCHOR: rule
int aics_perceptron_epoch(aics_perceptron *p, const aics_sample *s, int n, double eta)
{
    int errors = 0;
    for (int i = 0; i < n; i++) {
        int delta = s[i].target - aics_perceptron_output(p, s[i].x); /* −1, 0 or +1 */
        if (delta == 0) continue;
        errors++;
        p->w[0] += eta * delta * s[i].x[0];
        p->w[1] += eta * delta * s[i].x[1];
        p->b += eta * delta;
    }
    return errors;
}
// ANCHOR_END: rule

aics_perceptron_fit aics_perceptron_train(aics_perceptron *p, const aics_sample *s, int n,
                                          double eta, int max_epochs, int *errors)
{
    AICS_CHECK(max_epochs >= 1 && n >= 1, "training needs samples and at least one epoch");
    aics_perceptron_fit fit = {.errors_min = n + 1};
    while (fit.epochs < max_epochs) {
        int e = aics_perceptron_epoch(p, s, n, eta);
        if (errors) errors[fit.epochs] = e;
        fit.epochs++;
        fit.updates += e;
        fit.errors_last = e;
        if (e < fit.errors_min) fit.errors_min = e;
        if (e == 0) {
            fit.converged = true;
            break;
        }
    }
    return fit;
}

int aics_perceptron_errors(const aics_perceptron *p, const aics_sample *s, int n)
{
    int errors = 0;
    for (int i = 0; i < n; i++) errors += aics_perceptron_output(p, s[i].x) != s[i].target;
    return errors;
}
