/* plot.c — the gnuplot pipe (see plot.h): gnuplot is started with an
 * argument vector (fork and execvp), never through a shell. */
#include "plot.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "error.h"
#include "fileio.h"

#define FONT_NAME "Noto Sans CJK SC"
#define FONT_LIST "Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, WenQuanYi Micro Hei, sans-serif"

struct aics_plot {
    FILE *pipe;
    pid_t pid;
    char *figdir;
    char *log;
    char **names; /* the figures begun, to publish at the end */
    size_t nfigures, cap;
    bool failed; /* a write to gnuplot failed: it died early */
};

/* Start `argv` (found on PATH) with no shell between: in folder `dir`
 * (NULL: here), with `fd[0..2]` as its stdin, stdout and stderr (-1:
 * /dev/null). No user text is ever parsed by a shell this way. */
static pid_t spawn(char *const argv[], const char *dir, const int fd[3])
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid != 0) return pid; /* the parent, or -1 */
    for (int i = 0; i < 3; i++) {
        int f = fd[i] >= 0 ? fd[i] : open("/dev/null", i ? O_WRONLY : O_RDONLY);
        if (f < 0 || (f != i ? dup2(f, i) : fcntl(f, F_SETFD, 0)) < 0) _exit(127);
    }
    if (dir && chdir(dir) != 0) _exit(127);
    execvp(argv[0], argv);
    _exit(127);
}

/* A pipe whose two ends are not inherited by programs we start. */
static bool make_pipe(int p[2])
{
    if (pipe(p) != 0) return false;
    fcntl(p[0], F_SETFD, FD_CLOEXEC);
    fcntl(p[1], F_SETFD, FD_CLOEXEC);
    return true;
}

static int wait_for(pid_t pid)
{
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return -1;
    return status;
}

int aics_plot_probe(void)
{
    int p[2];
    if (!make_pipe(p)) return 0;
    char *const argv[] = {"gnuplot", "--version", NULL};
    pid_t pid = spawn(argv, NULL, (int[3]){-1, p[1], -1});
    close(p[1]);
    char line[128] = "";
    size_t n = 0;
    for (ssize_t r; n + 1 < sizeof line && (r = read(p[0], line + n, sizeof line - 1 - n)) != 0;)
        if (r > 0) n += (size_t)r;
        else if (errno != EINTR) break;
    line[n] = '\0';
    close(p[0]);
    int status = pid < 0 ? -1 : wait_for(pid);
    int major = 0;
    if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0 || sscanf(line, "gnuplot %d", &major) != 1)
        return 0;
    return major >= 5;
}

static bool strict_mode(void)
{
    const char *s = getenv("STRICT");
    return s && strcmp(s, "1") == 0;
}

static void figures_unavailable(void)
{
    if (strict_mode()) {
        fprintf(stderr, "%s: gnuplot 5 or later is not installed, and STRICT=1 makes "
                        "missing figures an error (run 'make deps')\n", aics_progname());
        exit(AICS_EXIT_FAIL);
    }
    fprintf(stderr, "%s: gnuplot 5 or later not found; figures skipped, results are "
                    "complete (run 'make deps' to install it)\n", aics_progname());
}

static char *log_path(const char *figdir)
{
    const char *env = getenv("AICS_PLOT_LOG");
    if (env && *env) return aics_xstrdup(env);
    aics_buf b = AICS_BUF_INIT;
    aics_buf_printf(&b, "%s/%s.gnuplot.log", figdir, aics_progname());
    return aics_buf_take(&b);
}

/* gnuplot runs in the figure folder, so its commands name figures by bare
 * names ([a-z0-9_]) and never carry a path, whatever the folder is called
 * ("it's", or a newline); its stderr goes to the log. */
static void start_gnuplot(aics_plot *p)
{
    int log = open(p->log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOCTTY, 0666);
    if (log < 0)
        fprintf(stderr, "%s: cannot write the gnuplot log %s: %s; gnuplot's messages are lost\n",
                aics_progname(), p->log, strerror(errno));
    int in[2];
    AICS_CHECK(make_pipe(in), "cannot make a pipe to gnuplot");
    char *const argv[] = {"gnuplot", NULL};
    p->pid = spawn(argv, p->figdir, (int[3]){in[0], -1, log});
    AICS_CHECK(p->pid > 0, "cannot start gnuplot (fork failed)");
    close(in[0]);
    if (log >= 0) close(log);
    p->pipe = fdopen(in[1], "w");
    AICS_CHECK(p->pipe != NULL, "cannot open the pipe to gnuplot");
}

aics_plot *aics_plot_open(const char *figdir)
{
    /* Everything that may exit comes before the allocation, so an exit
     * leaves nothing allocated behind (LeakSanitizer counts it). */
    bool on = figdir && aics_plot_probe();
    if (figdir && !on) figures_unavailable();
    if (on && !aics_make_dirs(figdir)) {
        fprintf(stderr, "%s: cannot create figure folder %s: %s\n", aics_progname(),
                figdir, strerror(errno));
        exit(AICS_EXIT_FAIL);
    }
    aics_plot *p = aics_xcalloc(1, sizeof *p);
    if (!on) return p;
    p->figdir = aics_xstrdup(figdir);
    p->log = log_path(figdir);
    start_gnuplot(p);
    return p;
}

bool aics_plot_enabled(const aics_plot *p) { return p->pipe != NULL; }

/* Write to gnuplot with SIGPIPE ignored, so a gnuplot that died is noticed
 * through the return value instead of killing the program. */
static void send(aics_plot *p, const char *s, size_t n)
{
    void (*old)(int) = signal(SIGPIPE, SIG_IGN);
    if (fwrite(s, 1, n, p->pipe) != n) p->failed = true;
    signal(SIGPIPE, old);
}

void aics_plot_cmd(aics_plot *p, const char *fmt, ...)
{
    if (!p->pipe) return;
    aics_buf b = AICS_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    aics_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    aics_buf_putc(&b, '\n');
    send(p, b.data, b.len);
    aics_buf_free(&b);
}

int aics_plot_font_size(int width)
{
    /* The book shows a figure at most AICS_PLOT_SHOWN_WIDTH px wide; text of
     * 14 units at that width renders at about 14 px, and a wider figure is
     * shrunk to fit, so its text grows with it. */
    return width <= AICS_PLOT_SHOWN_WIDTH ? 14 : (14 * width + AICS_PLOT_SHOWN_WIDTH - 1) / AICS_PLOT_SHOWN_WIDTH;
}

void aics_plot_begin(aics_plot *p, const char *name, int width, int height)
{
    if (!p->pipe) return;
    for (const char *c = name; *c; c++)
        AICS_CHECK((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_',
                   "figure names are made of [a-z0-9_]");
    if (p->nfigures == p->cap) {
        p->cap = p->cap ? 2 * p->cap : 16;
        p->names = aics_xrealloc(p->names, p->cap * sizeof *p->names);
    }
    p->names[p->nfigures++] = aics_xstrdup(name);
    aics_plot_cmd(p, "reset session");
    aics_plot_cmd(p, "set terminal svg size %d,%d enhanced font '" FONT_NAME ",%d' background 'white'",
                  width, height, aics_plot_font_size(width));
    aics_plot_cmd(p, "set encoding utf8");
    aics_plot_cmd(p, "set output '%s.svg.tmp'", name); /* gnuplot runs in figdir */
}

void aics_plot_data(aics_plot *p, const char *block, const double *values, size_t rows,
                    size_t cols)
{
    if (!p->pipe) return;
    aics_buf b = AICS_BUF_INIT;
    aics_buf_printf(&b, "$%s << EOD\n", block);
    for (size_t r = 0; r < rows; r++) {
        for (size_t c = 0; c < cols; c++)
            aics_buf_printf(&b, c ? " %.17g" : "%.17g", values[r * cols + c]);
        aics_buf_putc(&b, '\n');
    }
    aics_buf_puts(&b, "EOD\n");
    send(p, b.data, b.len);
    aics_buf_free(&b);
}

void aics_plot_sample(double lo, double hi, size_t n, const aics_plot_fn *fs, size_t k, double *rows)
{
    AICS_CHECK(n >= 2, "a sampled curve has two points at least");
    for (size_t i = 0; i < n; i++) {
        double x = lo + (hi - lo) * (double)i / (double)(n - 1), *row = rows + i * (k + 1);
        row[0] = x;
        for (size_t c = 0; c < k; c++) row[c + 1] = fs[c](x);
    }
}

void aics_plot_functions(aics_plot *p, const char *block, double lo, double hi, size_t n,
                         const aics_plot_fn *fs, size_t k)
{
    double *rows = aics_xmalloc(n * (k + 1) * sizeof *rows);
    aics_plot_sample(lo, hi, n, fs, k, rows);
    aics_plot_data(p, block, rows, n, k + 1);
    free(rows);
}

/* Send "set WHAT 'text'" with the text in gnuplot's single quotes. */
static void set_quoted(aics_plot *p, const char *what, const char *text)
{
    aics_buf b = AICS_BUF_INIT;
    for (const char *c = text; *c; c++) {
        if (*c == '\'') aics_buf_putc(&b, '\'');
        aics_buf_putc(&b, *c);
    }
    aics_plot_cmd(p, "set %s '%s'", what, b.data);
    aics_buf_free(&b);
}

void aics_plot_axes_set(aics_plot *p, const aics_plot_axes *a)
{
    if (!p->pipe) return;
    if (a->logscale) aics_plot_cmd(p, "set logscale %s", a->logscale);
    if (a->xrange) aics_plot_cmd(p, "set xrange [%s]", a->xrange);
    if (a->yrange) aics_plot_cmd(p, "set yrange [%s]", a->yrange);
    if (a->xlabel) set_quoted(p, "xlabel", a->xlabel);
    if (a->ylabel) set_quoted(p, "ylabel", a->ylabel);
    if (!a->grid) aics_plot_cmd(p, "set grid");
    else if (strcmp(a->grid, "off") != 0) aics_plot_cmd(p, "set grid %s", a->grid);
    if (a->key) aics_plot_cmd(p, "set key %s", a->key);
}

void aics_plot_roofline(aics_plot *p, const double *roof, size_t nroof, const aics_plot_series *s, size_t ns,
                        double ps)
{
    if (!p->pipe) return;
    static const int pts[] = {7, 5, 9, 11, 13};
    aics_plot_data(p, "R", roof, nroof, 2);
    aics_buf cmd = AICS_BUF_INIT;
    aics_buf_puts(&cmd, "plot $R using 1:2 with lines lw 3 lc rgb 'black' title '屋顶线'");
    for (size_t i = 0; i < ns; i++) {
        char block[32];
        snprintf(block, sizeof block, "N%zu", i);
        aics_plot_data(p, block, s[i].xy, s[i].n, 2);
        aics_buf_printf(&cmd, ", $N%zu using 1:2 with points pt %d ps %g title '%s'", i, pts[i % 5], ps, s[i].title);
    }
    aics_plot_cmd(p, "%s", cmd.data);
    aics_buf_free(&cmd);
}

void aics_plot_end(aics_plot *p) { aics_plot_cmd(p, "unset output"); }

/* Replace the single font gnuplot writes with the full fallback list, and
 * move the finished figure into place. */
static bool publish(const char *figdir, const char *name)
{
    aics_buf tmp = AICS_BUF_INIT, dst = AICS_BUF_INIT, out = AICS_BUF_INIT;
    aics_buf_printf(&tmp, "%s/%s.svg.tmp", figdir, name);
    aics_buf_printf(&dst, "%s/%s.svg", figdir, name);
    size_t len;
    char *svg = aics_read_file(tmp.data, (size_t)64 << 20, &len);
    bool ok = svg != NULL;
    const char *from = "font-family=\"" FONT_NAME "\"", *to = "font-family=\"" FONT_LIST "\"";
    for (const char *s = svg; ok && *s;) {
        const char *hit = strstr(s, from);
        size_t n = hit ? (size_t)(hit - s) : strlen(s);
        aics_buf_append(&out, s, n);
        if (!hit) break;
        aics_buf_puts(&out, to);
        s = hit + strlen(from);
    }
    ok = ok && aics_write_file_atomic(dst.data, out.data, out.len) >= 0;
    if (svg) remove(tmp.data);
    free(svg);
    aics_buf_free(&tmp);
    aics_buf_free(&dst);
    aics_buf_free(&out);
    return ok;
}

static void remove_tmp(const char *figdir, const char *name)
{
    aics_buf tmp = AICS_BUF_INIT;
    aics_buf_printf(&tmp, "%s/%s.svg.tmp", figdir, name);
    remove(tmp.data);
    aics_buf_free(&tmp);
}

int aics_plot_close(aics_plot *p)
{
    int rc = 0;
    if (p->pipe) {
        aics_plot_cmd(p, "exit");
        void (*old)(int) = signal(SIGPIPE, SIG_IGN); /* the flush may find gnuplot gone */
        bool closed = fclose(p->pipe) == 0;
        signal(SIGPIPE, old);
        int status = wait_for(p->pid);
        bool ok = closed && !p->failed && status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
        if (!ok) {
            fprintf(stderr, "%s: gnuplot failed; see %s\n", aics_progname(), p->log);
            rc = 1;
        }
        for (size_t i = 0; i < p->nfigures; i++) {
            if (!ok) remove_tmp(p->figdir, p->names[i]);
            else if (!publish(p->figdir, p->names[i])) {
                fprintf(stderr, "%s: cannot write figure %s/%s.svg\n", aics_progname(), p->figdir, p->names[i]);
                rc = 1;
            }
            free(p->names[i]);
        }
    }
    free(p->names);
    free(p->figdir);
    free(p->log);
    free(p);
    return rc;
}
