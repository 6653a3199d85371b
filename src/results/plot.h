/* plot.h — figures through one gnuplot process per program run.
 *
 * aics_plot_open() probes for gnuplot 5.0 or later once. If it is missing,
 * the program says so once on stderr and every other call here does nothing,
 * so results are still printed; with the environment variable STRICT=1 a
 * missing gnuplot is an error instead (exit 1). Figures are written as
 * "<figdir>/<name>.svg.tmp" and renamed to "<name>.svg" only after gnuplot
 * exits cleanly; gnuplot's stderr goes to a log (AICS_PLOT_LOG, or
 * "<figdir>/<program>.gnuplot.log"). SVG text uses a font list that starts
 * with Noto Sans CJK SC, so Chinese labels render.
 *
 * Data goes inline as gnuplot data blocks ($NAME << EOD), printed with %.17g.
 * The aics_plot is owned by the caller and released by aics_plot_close().
 */
#ifndef AICS_PLOT_H
#define AICS_PLOT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct aics_plot aics_plot;

/* Start a figure session; `figdir` NULL means figures are off. Never NULL. */
aics_plot *aics_plot_open(const char *figdir);

/* Whether figures are being drawn (a folder was given and gnuplot works). */
bool aics_plot_enabled(const aics_plot *p);

/* The widest a figure is shown in the book, in CSS px (the text column at a
 * 1280 px window). */
#define AICS_PLOT_SHOWN_WIDTH 720

/* The font size of a figure `width` px wide: 14, scaled up for figures wider
 * than AICS_PLOT_SHOWN_WIDTH, so text renders at 13 px or more in the book.
 * Legends go outside the data (`set key below` or `outside`); figure code
 * should not set smaller fonts. */
int aics_plot_font_size(int width);

/* Begin figure `name` ([a-z0-9_]) of width × height pixels, with the font of
 * aics_plot_font_size(). */
void aics_plot_begin(aics_plot *p, const char *name, int width, int height);

/* Send one gnuplot command line (a newline is added). */
void aics_plot_cmd(aics_plot *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Send a data block $block with `rows` rows of `cols` doubles (row-major). */
void aics_plot_data(aics_plot *p, const char *block, const double *values,
                    size_t rows, size_t cols);

/* One curve of a figure of functions: y = f(x). */
typedef double (*aics_plot_fn)(double x);

/* The table of such a figure: n ≥ 2 rows (x, f_0(x), …, f_{k−1}(x)) at
 * x = lo + (hi − lo)·i/(n − 1), i = 0 … n−1, written to rows (n × (k + 1)). */
void aics_plot_sample(double lo, double hi, size_t n, const aics_plot_fn *fs, size_t k, double *rows);

/* aics_plot_sample()'s table sent as data block `block`: column 1 is x,
 * column c + 2 is f_c(x). */
void aics_plot_functions(aics_plot *p, const char *block, double lo, double hi, size_t n,
                         const aics_plot_fn *fs, size_t k);

/* The axes of a figure, set in one call instead of a block of "set" lines.
 * Every field may be left out (NULL): that setting stays gnuplot's default,
 * except the grid, which is on unless `grid` says otherwise. Labels are
 * quoted here (a ' inside is doubled), so they may hold ' and %. */
typedef struct {
    const char *xlabel, *ylabel;
    const char *xrange, *yrange;  /* as gnuplot takes it, without brackets: "0:1.05", "0:*" */
    const char *logscale;         /* the axes: "x", "y", "xy", "x 2" (base 2) */
    const char *grid;             /* NULL: "set grid"; "ytics": horizontal lines only; "off": none */
    const char *key;              /* where the legend goes: "below", "right top", "off", … */
} aics_plot_axes;

/* Send the "set" commands of `a` for the current figure. */
void aics_plot_axes_set(aics_plot *p, const aics_plot_axes *a);

/* A roofline: the roof, a polyline through `nroof` rows (x, y) drawn black
 * and titled 屋顶线, and on it one set of points per series, marked with
 * gnuplot point types 7, 5, 9, 11, 13 in turn at size `ps`. The axes (log
 * scales, labels) are the caller's, set before. */
typedef struct {
    const double *xy;   /* n rows (x, y) */
    size_t n;
    const char *title;  /* the legend entry */
} aics_plot_series;

void aics_plot_roofline(aics_plot *p, const double *roof, size_t nroof, const aics_plot_series *s, size_t ns,
                        double ps);

/* Finish the current figure. */
void aics_plot_end(aics_plot *p);

/* Close gnuplot, move finished figures into place and free `p`. Returns 0 on
 * success or when figures were off or skipped, 1 when gnuplot failed. */
int aics_plot_close(aics_plot *p);

/* The gnuplot probe, for tests: 1 if a usable gnuplot is on PATH, 0 if not. */
int aics_plot_probe(void);

#endif
