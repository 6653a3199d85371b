/* sources.h — what the directives pull in: program outputs, code, figures.
 *
 * An aics_sources knows the three input folders and caches every file it has
 * read, so a program's kv or md output is parsed once however often the
 * prose refers to it. Program names are [a-z0-9_]+ ("ex2_7"); their outputs
 * are RESULTS/NAME.md and RESULTS/NAME.kv as written by `--write=`.
 * What a lookup returns stays valid, at the same address, until
 * aics_sources_free, however many lookups follow.
 * Lookups return NULL (or false) for what is missing; deciding whether that
 * is an error is the caller's business (expand.c), because only it knows
 * the prose file and line to blame.
 */
#ifndef AICS_SOURCES_H
#define AICS_SOURCES_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "kv.h"

typedef struct aics_sources aics_sources;

aics_sources *aics_sources_new(const char *chapters_dir, const char *results_dir,
                               const char *figures_dir);
void aics_sources_free(aics_sources *s);

const char *aics_sources_chapters_dir(const aics_sources *s);
const char *aics_sources_figures_dir(const aics_sources *s);
const char *aics_sources_results_dir(const aics_sources *s);

/* Whether `name` is a valid program or figure name: [a-z0-9_]+. */
bool aics_name_ok(const char *name);

/* The md output of program `prog`, or NULL when there is none. */
const char *aics_sources_md(aics_sources *s, const char *prog);

/* The parsed kv output of `prog`, or NULL when there is none. A kv file that
 * does not parse is an error (exit 2, naming its line). */
const aics_kv *aics_sources_kv(aics_sources *s, const char *prog);

/* The labels of a program's named results, read from RESULTS/NAME.labels
 * (the result writer's `labels` format, src/results/result.h): structured
 * data, so the book never reads labels back out of Markdown tables. */
typedef struct {
    const char *key;
    bool shown;        /* false for kv-only results (per-layer lists) */
    const char *label; /* the key itself when the program gave no label */
} aics_label;

typedef struct {
    aics_label *e;
    size_t n;
} aics_labels;

/* The labels of `prog`, in the order of its kv output, or NULL when there are
 * none. A malformed file is an error (exit 2, naming its line). */
const aics_labels *aics_sources_labels(aics_sources *s, const char *prog);

/* The label of `key`; `hint` is where it probably is (its index in the kv
 * output, which lists results in the same order), so lookups in order cost
 * O(1). NULL when `l` is NULL or has no such key. */
const char *aics_labels_find(const aics_labels *l, size_t hint, const char *key);

/* The text of CHAPTERS/`rel` (like "ch2/ex2_7.c", or "../src/models/mlp.c" for the
 * core library: one leading "../" and no other ".."), or NULL when unreadable
 * or outside the project, with errno saying why: EXDEV when the path leads
 * out of the project (the folder above CHAPTERS), by its name or through a
 * symbolic link. */
const char *aics_sources_file(aics_sources *s, const char *rel);

/* Whether FIGURES/`name`.svg exists. */
bool aics_sources_has_figure(const aics_sources *s, const char *name);

/* Whether gnuplot is usable here (probed once, only when first asked). */
bool aics_sources_gnuplot(aics_sources *s);

/* Find part `name` of an md output (between "<!-- aics:part NAME -->" and
 * "<!-- aics:end NAME -->"); set *start and *len to its contents. */
bool aics_md_part(const char *md, const char *name, const char **start, size_t *len);

/* Append the names of all parts of `md`, comma-separated, for messages. */
void aics_md_part_names(const char *md, aics_buf *out);

/* Append `md` without its part markers. */
void aics_md_strip_markers(const char *md, aics_buf *out);

/* Append the lines of `src` between "ANCHOR: name" and "ANCHOR_END: name"
 * (marker lines of any anchor left out, common indentation removed). */
bool aics_code_region(const char *src, const char *anchor, aics_buf *out);

/* Append kv value `value` formatted by `fmt`: NULL (exactly as in kv),
 * "%.Nf", "%.Ne", "%.Ng" (N = 0..17; the precision is optional) or "%d" /
 * "%'d" (an integer, the latter with thousands separators). On a bad format,
 * or a format that does not fit the value, return false with a message. */
bool aics_format_value(const char *value, const char *fmt, aics_buf *out, char *err,
                       size_t errsz);

#endif
