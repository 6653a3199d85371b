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

/* How much of a result the text rendering shows. A part is shown at one
 * level; aics_result_part() makes DETAIL parts, which is everything when a
 * result has no ANSWER part. When it has one, the default text is the answer
 * block (a first line "练习 N　TITLE", then the part with no blank line in it,
 * at most 15 lines, so that `sed '/^$/q'` cuts it out), then the BRIEF parts
 * (the short explanation), then one line naming --detail and --layers. */
typedef enum {
    AICS_SHOW_ANSWER, /* the exercise's answer: first in every text rendering */
    AICS_SHOW_BRIEF,  /* a short explanation, shown by default */
    AICS_SHOW_DETAIL, /* derivations and checks: only with --detail */
    AICS_SHOW_LAYERS  /* per-layer tables: only with --layers */
} aics_show;

/* Start a part shown in text at level `show` (see aics_show). */
void aics_result_part_show(aics_result *r, const char *name, const char *title, aics_show show);

/* Named results. `label` is the human description shown in text and md;
 * NULL shows the key. */
void aics_result_int(aics_result *r, const char *key, int64_t value,
                     const char *label);
void aics_result_double(aics_result *r, const char *key, double value,
                        const char *label);
void aics_result_word(aics_result *r, const char *key, const char *word,
                      const char *label);

/* A yes/no result: 1 or 0 in kv and json, 是 or 否 in text and md. */
void aics_result_bool(aics_result *r, const char *key, bool value, const char *label);

/* How text and md show the result added last, instead of its value: the
 * Chinese name of a word (giraffe → 长颈鹿), say. kv and json are unchanged.
 * Word values "pass" and "fail" show as 通过 and 未通过 without this. */
void aics_result_shown(aics_result *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* A labelled value for people only, in text and md, aligned with the named
 * results around it, never in kv or json: for the answer block, which
 * restates in words results that kv holds under their keys. */
void aics_result_fact(aics_result *r, const char *label, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* While `on`, the results added next appear only in kv and json, not in
 * text or md: for long machine-readable lists (per-layer counts) that a
 * table already shows to people. Off by default. */
void aics_result_kv_only(aics_result *r, bool on);

/* A paragraph of prose for text and md (Markdown and $math$ allowed; text
 * shows it through aics_plain(), plain.h, so no markup reaches a terminal). */
void aics_result_note(aics_result *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* A table for text and md. `align` has one letter per column, 'l' or 'r';
 * `headers` has as many entries. Cells are then added left to right, top to
 * bottom, with aics_table_cell(). The result owns the table. */
aics_table *aics_result_table(aics_result *r, const char *align,
                              const char *const *headers);
void aics_table_cell(aics_table *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Whether `word` is a valid bare word value: non-empty, made of
 * [A-Za-z0-9_.:+-/], starting with a letter, or with a digit when strtod
 * does not read all of it (a shape like "112x112x64"), so that no word ever
 * reads as a number. */
bool aics_result_word_ok(const char *word);

/* Append `r` rendered in format `f` to `out` (text: the default view). */
void aics_result_render(const aics_result *r, aics_format f, aics_buf *out);

/* Append the text rendering: the answer and explanation, plus every part
 * when `detail`, plus the per-layer parts when `layers`. */
void aics_result_render_text(const aics_result *r, bool detail, bool layers, aics_buf *out);

#endif
