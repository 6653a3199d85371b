/* nettable.c — the per-layer and mistakes tables of 3.1 and 3.2. */
#include "nettable.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "intmath.h"

/* Each field's key and place in aics_layer_counts. */
#define FIELD(f, k, m) [f] = {k, offsetof(aics_layer_counts, m)}
static const struct {
    const char *key;
    size_t offset;
} fields[AICS_FIELD_COUNT] = {
    FIELD(AICS_FIELD_MUL, "mul", mul), FIELD(AICS_FIELD_ADD, "add", add), FIELD(AICS_FIELD_MAC, "mac", mac),
    FIELD(AICS_FIELD_NEURONS, "neurons", neurons), FIELD(AICS_FIELD_PARAMS, "params", params),
    FIELD(AICS_FIELD_OTHER_CMP, "other.cmp", other_cmp), FIELD(AICS_FIELD_OTHER_ADD, "other.add", other_add),
    FIELD(AICS_FIELD_OTHER_MUL, "other.mul", other_mul), FIELD(AICS_FIELD_OTHER_DIV, "other.div", other_div),
    FIELD(AICS_FIELD_OTHER_EXP, "other.exp", other_exp),
    FIELD(AICS_FIELD_PARAM_BYTES, "param_bytes", param_bytes), FIELD(AICS_FIELD_ACT_BYTES, "act_bytes", act_bytes),
};
#undef FIELD

int64_t aics_count_field_value(const aics_layer_counts *c, aics_count_field f)
{
    AICS_CHECK((unsigned)f < AICS_FIELD_COUNT, "a count field is one of the enum's");
    int64_t v;
    memcpy(&v, (const char *)c + fields[f].offset, sizeof v);
    return v;
}

const char *aics_count_field_key(aics_count_field f)
{
    AICS_CHECK((unsigned)f < AICS_FIELD_COUNT, "a count field is one of the enum's");
    return fields[f].key;
}

/* A table of the columns `first`, aligned as `first_align` says, then
 * `cols`, then `extra` when not NULL (both right-aligned). */
static aics_table *open_table(aics_result *r, const char *first_align, const char *const *first,
                              const aics_nettable_cols *cols, const char *extra)
{
    size_t nfirst = strlen(first_align);
    char align[16];
    const char *heads[16];
    size_t n = 0;
    AICS_CHECK(nfirst + cols->n + 1 < sizeof align && cols->n <= AICS_NETTABLE_MAX_COLS,
               "a net table has few columns");
    for (size_t i = 0; i < nfirst; i++) align[n] = first_align[i], heads[n++] = first[i];
    for (size_t i = 0; i < cols->n; i++) align[n] = 'r', heads[n++] = cols->head[i];
    if (extra) align[n] = 'r', heads[n++] = extra;
    align[n] = '\0';
    return aics_result_table(r, align, heads);
}

static void count_cells(aics_table *t, const aics_nettable_cols *cols, const aics_layer_counts *c)
{
    char v[32];
    for (size_t i = 0; i < cols->n; i++)
        aics_table_cell(t, "%s", aics_fmt_thousands(aics_count_field_value(c, cols->field[i]), v));
}

/* One row per type other than Convolution and InnerProduct: its layers summed. */
static void type_rows(aics_table *t, const aics_netreport_entry *e, const aics_nettable_cols *cols,
                      bool param_types_only)
{
    const aics_net *net = e->net;
    for (int ty = 0; ty < AICS_LAYER_TYPE_COUNT; ty++) {
        if (ty == AICS_LAYER_CONV || ty == AICS_LAYER_FC) continue;
        int64_t n = 0;
        aics_layer_counts sum = {0};
        /* Only parameters are summed: by the conventions of netcount.h the
         * other layers' neurons, mul and add are 0, their work counted apart. */
        for (size_t i = 0; i < net->nlayers; i++)
            if ((int)net->layers[i].type == ty) n++, sum.params += e->per_layer[i].params;
        if (n == 0 || (param_types_only && sum.params == 0)) continue;
        aics_table_cell(t, "（%lld 层）", (long long)n);
        aics_table_cell(t, "%s", aics_layer_type_name((aics_layer_type)ty));
        aics_table_cell(t, "—");
        count_cells(t, cols, &sum);
    }
}

/* "<net>.layer.<layer>.<key>" for every layer, kv only. */
static void layer_keys(aics_result *r, const aics_netreport_entry *e, const aics_count_field *keys,
                       size_t nkeys, size_t always)
{
    aics_result_kv_only(r, true);
    for (size_t i = 0; i < e->net->nlayers; i++) {
        char key[600];
        size_t stem = aics_netreport_layer_key(e, i, key, sizeof key);
        for (size_t m = 0; m < nkeys; m++) {
            int64_t v = aics_count_field_value(&e->per_layer[i], keys[m]);
            if (m >= always && v == 0) continue;
            snprintf(key + stem, sizeof key - stem, "%s", aics_count_field_key(keys[m]));
            aics_result_int(r, key, v, NULL);
        }
    }
    aics_result_kv_only(r, false);
}

void aics_nettable_layers(aics_result *r, const aics_netreport_entry *e, const aics_nettable_cols *cols,
                          bool param_types_only, const aics_count_field *keys, size_t nkeys,
                          size_t always)
{
    char part[160], title[200], shape[64];
    snprintf(part, sizeof part, "layers_%s", e->key);
    snprintf(title, sizeof title, "%s 逐层计数", aics_netreport_title(e));
    aics_result_part_show(r, part, title, AICS_SHOW_LAYERS);
    aics_table *t = open_table(r, "llr", (const char *const[]){"层", "类型", "输出 C×H×W"}, cols, NULL);
    for (size_t i = 0; i < e->net->nlayers; i++) {
        const aics_layer *l = &e->net->layers[i];
        if (!aics_netreport_row(l)) continue;
        aics_table_cell(t, "%s", l->name);
        aics_table_cell(t, "%s", l->type_name);
        aics_table_cell(t, "%s", aics_netreport_shape(l->out, shape, sizeof shape));
        count_cells(t, cols, &e->per_layer[i]);
    }
    type_rows(t, e, cols, param_types_only);
    aics_table_cell(t, "**合计**");
    aics_table_cell(t, " ");
    aics_table_cell(t, " ");
    count_cells(t, cols, &e->total);
    layer_keys(r, e, keys, nkeys, always);
}

void aics_nettable_conventions(aics_result *r, const char *intro, const char *bullets)
{
    aics_result_part(r, "conventions", "计数约定");
    if (intro) aics_result_note(r, "%s", intro);
    aics_result_note(r, "%s- 一律按一张图（batch 1）计数，64 位整数，逐步检查溢出。", bullets);
}

void aics_nettable_total_keys(aics_result *r, const aics_netreport *rep, const aics_count_field *fields,
                              size_t n)
{
    char key[64];
    aics_result_kv_only(r, true);
    for (size_t i = 0; i < rep->n; i++)
        for (size_t f = 0; f < n; f++) {
            snprintf(key, sizeof key, "total.%s", aics_count_field_key(fields[f]));
            aics_netreport_int(r, rep->e[i].key, key, aics_count_field_value(&rep->e[i].total, fields[f]), NULL);
        }
    aics_result_kv_only(r, false);
}

static const char *set_key(const aics_nettable_mistakes *m, size_t s)
{
    const char *k = aics_mistake_key(m->sets[s]);
    return k ? k : m->combined_key;
}

/* The rows of one net: the correct counts, then each shown set's. */
static void mistake_rows(aics_table *t, const aics_netreport_entry *e, const aics_nettable_mistakes *m,
                         const aics_nettable_cols *cols, bool ratio, const aics_layer_counts *c)
{
    int64_t correct = aics_count_field_value(&e->total, cols->field[0]);
    aics_table_cell(t, "%s", e->key);
    aics_table_cell(t, "正确");
    count_cells(t, cols, &e->total);
    if (ratio) aics_table_cell(t, "1");
    for (size_t s = 0; s < m->n; s++) {
        if (!aics_netreport_mistake_shown(e, m->sets[s])) continue;
        aics_table_cell(t, "%s", e->key);
        if (m->sets[s] == AICS_MISTAKE_FILE_BATCH)
            aics_table_cell(t, "按部署文件的 batch %lld 计%s", (long long)e->net->batch, m->batch_what);
        else
            aics_table_cell(t, "%s", m->label[s]);
        count_cells(t, cols, &c[s]);
        if (ratio)
            aics_table_cell(t, "%.4g",
                            correct ? (double)aics_count_field_value(&c[s], cols->field[0]) / (double)correct
                                    : 0.0);
    }
}

/* The kv keys of one net's shown sets. */
static void mistake_keys(aics_result *r, const aics_netreport_entry *e, const aics_nettable_mistakes *m,
                         const aics_nettable_cols *cols, const aics_layer_counts *c)
{
    char key[200];
    for (size_t s = 0; s < m->n; s++) {
        if (!aics_netreport_mistake_shown(e, m->sets[s])) continue;
        for (size_t i = 0; i < cols->n; i++) {
            snprintf(key, sizeof key, "mistake.%s.%s", set_key(m, s), aics_count_field_key(cols->field[i]));
            aics_netreport_int(r, e->key, key, aics_count_field_value(&c[s], cols->field[i]), NULL);
        }
    }
}

void aics_nettable_mistakes_part(aics_result *r, const aics_netreport *rep, const aics_nettable_mistakes *m,
                                 const aics_nettable_cols *cols, const char *ratio_head,
                                 bool file_batch_key)
{
    aics_result_part(r, "mistakes", "常见错误会得到的数字");
    aics_table *t = open_table(r, "ll", (const char *const[]){"网络", "错误的算法"}, cols, ratio_head);
    aics_layer_counts *c = aics_xcalloc(rep->n * m->n + 1, sizeof *c);
    for (size_t i = 0; i < rep->n; i++) {
        for (size_t s = 0; s < m->n; s++) c[i * m->n + s] = aics_netreport_count(&rep->e[i], m->sets[s]);
        mistake_rows(t, &rep->e[i], m, cols, ratio_head != NULL, &c[i * m->n]);
    }
    aics_result_kv_only(r, true);
    for (size_t i = 0; i < rep->n; i++) {
        char key[200];
        snprintf(key, sizeof key, "%s.file_batch", rep->e[i].key);
        if (file_batch_key) aics_result_int(r, key, rep->e[i].net->batch, "部署文件写的 batch（0 = 没写）");
        mistake_keys(r, &rep->e[i], m, cols, &c[i * m->n]);
    }
    aics_result_kv_only(r, false);
    free(c);
}

void aics_nettable_report(aics_result *r, const aics_run *run, const aics_netreport_opts *opt,
                          aics_netreport *rep, aics_nettable_section *const *sections, size_t n)
{
    aics_netreport_load(rep, run, opt->net, opt->allow_unknown);
    for (size_t i = 0; i < n; i++) sections[i](r, rep);
}
