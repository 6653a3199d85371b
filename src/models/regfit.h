/* regfit.h — penalized least squares on any numeric CSV file, as a command:
 * the `fit` and `path` subcommands of exercise 2.5's program.
 *
 *   PROG fit  --data F --target C --penalty l1|l2 --lambda X [--standardize]
 *   PROG path --data F --target C --penalty l1|l2 [--points M] [--ratio R]
 *             [--lambda MAX] [--standardize]
 *
 * Columns are found by name (src/models/design.h). Convention everywhere:
 * F(b, w) = (1/2n)Σ(y − b − xᵀw)² + P(w), P = (λ/2)‖w‖² or λ‖w‖₁, the
 * intercept unpenalized; --standardize z-scores the feature columns with the
 * population standard deviation and leaves the target as it is. Both take
 * the shared options of src/results/program.h (--format, --output, …);
 * `--help` documents every key.
 */
#ifndef AICS_REGFIT_H
#define AICS_REGFIT_H

#include <stddef.h>

#include "design.h"
#include "plot.h"

/* Coordinate descent stops when a sweep moves no prediction by more than
 * this many sd(y) (src/models/linreg.h), or after AICS_REGFIT_SWEEPS sweeps. */
#define AICS_REGFIT_TOL 1e-12
#define AICS_REGFIT_SWEEPS 1000000L

/* Run a subcommand: argv[0] is its name ("fit" or "path"), as after the
 * program's own name; `exercise` goes into the kv header ("2.5"). Returns the
 * exit code; usage and data errors exit 2 from inside. */
int aics_regfit_main(const char *exercise, int argc, char **argv);
int aics_regpath_main(const char *exercise, int argc, char **argv);

/* Draw a coefficient path as figure `name`: one line per feature of dz
 * (titled by its key) against λ on a reversed log axis, so that λ falls
 * to the right; W is m × d, row k the coefficients at lambdas[k]. */
void aics_regfit_draw_path(aics_plot *plot, const char *name, const char *xlabel, const aics_design *dz,
                           const double *lambdas, const double *W, size_t m);

#endif
