/* nettable.h — the tables 3.1 and 3.2 both show for each network: the
 * per-layer counts and the totals the common wrong conventions give.
 *
 * The two exercises count different things (neurons and parameters; mul and
 * add) in the same layout, so a table is described by its columns: which
 * field of aics_layer_counts (netcount.h) each shows, under which head. The
 * functions write the table for people and the matching kv keys, in the
 * order the references in solutions/ record them.
 */
#ifndef AICS_NETTABLE_H
#define AICS_NETTABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "netcount.h"
#include "netreport.h"
#include "result.h"

/* One field of aics_layer_counts. */
typedef enum {
    AICS_FIELD_MUL,
    AICS_FIELD_ADD,
    AICS_FIELD_MAC,
    AICS_FIELD_NEURONS,
    AICS_FIELD_PARAMS,
    AICS_FIELD_OTHER_CMP,
    AICS_FIELD_OTHER_ADD,
    AICS_FIELD_OTHER_MUL,
    AICS_FIELD_OTHER_DIV,
    AICS_FIELD_OTHER_EXP,
    AICS_FIELD_PARAM_BYTES,
    AICS_FIELD_ACT_BYTES,
    AICS_FIELD_COUNT
} aics_count_field;

/* The value of field `f` in `c`. */
int64_t aics_count_field_value(const aics_layer_counts *c, aics_count_field f);
/* Its kv key segment: "mul", "neurons", "other.cmp", "param_bytes"… */
const char *aics_count_field_key(aics_count_field f);

/* At most this many count columns in one table. */
enum { AICS_NETTABLE_MAX_COLS = 4 };

/* Columns: `n` fields, each under its head. */
typedef struct {
    size_t n;
    aics_count_field field[AICS_NETTABLE_MAX_COLS];
    const char *head[AICS_NETTABLE_MAX_COLS];
} aics_nettable_cols;

/* The per-layer part "layers_<net>" (shown with --layers): a row for each
 * Convolution and InnerProduct layer (name, type, output C×H×W, `cols`), a
 * row for each other layer type with the sums of its layers (only the types
 * with parameters when `param_types_only`), and the net's totals. Then, in
 * kv only, "<net>.layer.<layer>.<key>" for each of the `nkeys` fields in
 * `keys`; fields from index `always` on are written only where not 0. */
void aics_nettable_layers(aics_result *r, const aics_netreport_entry *e, const aics_nettable_cols *cols,
                          bool param_types_only, const aics_count_field *keys, size_t nkeys,
                          size_t always);

/* The part "conventions": the note `intro` (when not NULL), then the
 * Markdown list `bullets` (each item ending in a newline) with the item both
 * exercises share: one image, 64-bit counts checked for overflow. */
void aics_nettable_conventions(aics_result *r, const char *intro, const char *bullets);

/* In kv only: "<net>.total.<key>" for every net and each of the `n` fields. */
void aics_nettable_total_keys(aics_result *r, const aics_netreport *rep, const aics_count_field *fields,
                              size_t n);

/* The common wrong conventions a mistakes table compares with the correct
 * one. `label[i]` names sets[i] in the table; the file's batch
 * (AICS_MISTAKE_FILE_BATCH) is named "按部署文件的 batch N 计<batch_what>"
 * instead. A set that is not one mistake (a combination) has the kv name
 * `combined_key`. */
typedef struct {
    const unsigned *sets;
    const char *const *label;
    size_t n;
    const char *batch_what;
    const char *combined_key;
} aics_nettable_mistakes;

/* The part "mistakes": for each net the correct row, then a row for each set
 * aics_netreport_mistake_shown() allows, with `cols`; with `ratio_head`, a
 * last column (under that head) of the first column's value over the
 * correct one. Then, in kv only, for each net "<net>.file_batch" when
 * `file_batch_key`, and "<net>.mistake.<set>.<field key>" for each shown set
 * and column. Exits 2 naming the layer where a count overflows. */
void aics_nettable_mistakes_part(aics_result *r, const aics_netreport *rep, const aics_nettable_mistakes *m,
                                 const aics_nettable_cols *cols, const char *ratio_head,
                                 bool file_batch_key);

/* One section of a chapter-3 report: a part (or several) about the nets. */
typedef void aics_nettable_section(aics_result *r, const aics_netreport *rep);

/* The report of a program that counts networks: load the nets `run` and
 * `opt` ask for into `rep` (aics_netreport_load()), then write the
 * `n` sections in order. */
void aics_nettable_report(aics_result *r, const aics_run *run, const aics_netreport_opts *opt,
                          aics_netreport *rep, aics_nettable_section *const *sections, size_t n);

#endif
