/* result.h — the one way a program reports what it computed.
 *
 * A program adds named results (integers, doubles, bare words), prose notes
 * and tables to an aics_result, in the order a reader should see them, then
 * renders it in one of four formats:
 *
 *   text  readable in a terminal (the default);
 *   md    a Markdown fragment for the book, with named parts the book can pull
 *         in one at a time (`<!-- aics:part NAME -->` … `<!-- aics:end NAME -->`);
 *   kv    the grading contract: a `# aics-result v1 …` header, then one
 *         `key value` line per result, integers exact, doubles as %.17g;
 *   json  the same results as one JSON object;
 *   labels  every named result's key and label, one per line, for the book
 *         (`key<TAB>shown|kv<TAB>label`; `kv` marks a kv-only result).
 *
 * Notes and tables appear only in text and md; kv and json hold only the
 * named results. docs/results.md specifies the formats. Keys are made of
 * [a-z0-9_.] and are unique within a result; breaking either rule, or adding
 * a NaN or infinite double, is a programming error (AICS_CHECK fails), which
 * is how kv is guaranteed never to contain nan or inf.
 *
 * The aics_result owns every string passed to it (they are copied).
 */
#ifndef AICS_RESULT_H
#define AICS_RESULT_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"

#define AICS_RESULT_VERSION 1

typedef enum {
    AICS_FORMAT_TEXT,
    AICS_FORMAT_MD,
    AICS_FORMAT_KV,
    AICS_FORMAT_JSON,
    AICS_FORMAT_LABELS,
    AICS_FORMAT_NONE /* render nothing (for runs that only --write files) */
} aics_format;

/* Parse "text", "md", "kv", "json", "labels" or "none"; false for anything else. */
bool aics_format_parse(const char *name, aics_format *out);
const char *aics_format_name(aics_format f);

typedef struct aics_result aics_result;
typedef struct aics_table aics_table;

/* A new, empty result. `exercise` is like "2.7"; `convention` is one bare
 * word naming how things were counted or computed (it goes in the header). */
aics_result *aics_result_new(const char *exercise, uint64_t seed,
                             const char *convention);
void aics_result_free(aics_result *r);

/* Start a named part; everything added after it belongs to it. `name` is
 * [a-z0-9_]; `title` is shown as a heading in text and md (may be NULL). */
void aics_result_part(aics_result *r, const char *name, const char *title);

/* Named results. `label` is the human description shown in text and md;
 * NULL shows the key. */
void aics_result_int(aics_result *r, const char *key, int64_t value,
                     const char *label);
void aics_result_double(aics_result *r, const char *key, double value,
                        const char *label);
void aics_result_word(aics_result *r, const char *key, const char *word,
                      const char *label);

/* While `on`, the results added next appear only in kv and json, not in
 * text or md: for long machine-readable lists (per-layer counts) that a
 * table already shows to people. Off by default. */
void aics_result_kv_only(aics_result *r, bool on);

/* A paragraph of prose for text and md (Markdown and $math$ allowed). */
void aics_result_note(aics_result *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* A table for text and md. `align` has one letter per column, 'l' or 'r';
 * `headers` has as many entries. Cells are then added left to right, top to
 * bottom, with aics_table_cell(). The result owns the table. */
aics_table *aics_result_table(aics_result *r, const char *align,
                              const char *const *headers);
void aics_table_cell(aics_table *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Whether `key` is a valid result key: non-empty, [a-z0-9_.] only. */
bool aics_result_key_ok(const char *key);
/* Whether `word` is a valid bare word value: non-empty, made of
 * [A-Za-z0-9_.:+-/], starting with a letter, or with a digit when strtod
 * does not read all of it (a shape like "112x112x64"), so that no word ever
 * reads as a number. */
bool aics_result_word_ok(const char *word);

/* Append `r` rendered in format `f` to `out`. */
void aics_result_render(const aics_result *r, aics_format f, aics_buf *out);

#endif
