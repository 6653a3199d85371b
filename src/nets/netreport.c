/* netreport.c — loading, counting and naming the networks of chapter 3. */
#include "netreport.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "caffe.h"
#include "error.h"
#include "plot.h"

void aics_netreport_key(const char *name, char *out, size_t n)
{
    size_t k = 0;
    for (const char *p = name; *p && k + 1 < n; p++) {
        char ch = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
        out[k++] = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' ? ch : '_';
    }
    if (k == 0) out[k++] = '_';
    out[k] = '\0';
}

const char *aics_netreport_title(const aics_netreport_entry *e)
{
    static const char *const titles[][2] = {
        {"alexnet", "AlexNet"}, {"vgg19", "VGG-19"}, {"resnet152", "ResNet-152"},
        {"alexnet_tv", "AlexNet（torchvision）"}, {"resnet152_tv", "ResNet-152（torchvision）"},
    };
    if (e->builtin)
        for (size_t i = 0; i < sizeof titles / sizeof *titles; i++)
            if (strcmp(titles[i][0], e->net->name) == 0) return titles[i][1];
    return e->key;
}

char *aics_netreport_shape(aics_blob_shape s, char *buf, size_t n)
{
    snprintf(buf, n, "%lld×%lld×%lld", (long long)s.c, (long long)s.h, (long long)s.w);
    return buf;
}

/* Write into `out` the first of base_2, base_3 … that is not in `taken`.
 * `next` remembers per base where the last search ended: names are only
 * ever added to `taken`, so a suffix refused once stays refused, and all
 * searches together are linear in the number of names. */
static void free_suffix(const aics_strmap *taken, aics_strmap *next, const char *base, char *out,
                        size_t outsz)
{
    size_t s = 2;
    aics_strmap_get(next, base, &s);
    for (;; s++) {
        snprintf(out, outsz, "%s_%zu", base, s);
        if (!aics_strmap_get(taken, out, NULL)) break;
    }
    aics_strmap_set(next, base, s + 1);
}

/* Per-layer keys: sanitised names. The first layer of a name keeps it; a
 * later one (a clash like "a/b" and "a_b") gets the smallest suffix that no
 * layer's own name has and no earlier layer took. */
static char **layer_keys(const aics_net *net)
{
    size_t n = net->nlayers;
    char **keys = aics_xcalloc(n ? n : 1, sizeof *keys);
    aics_strmap *taken = aics_strmap_new(), *next = aics_strmap_new();
    for (size_t i = 0; i < n; i++) {
        char k[160];
        aics_netreport_key(net->layers[i].name, k, sizeof k);
        keys[i] = aics_xstrdup(k);
        aics_strmap_add(taken, k, i, NULL);
    }
    for (size_t i = 0; i < n; i++) {
        size_t first = i;
        aics_strmap_get(taken, keys[i], &first);
        if (first == i) continue;
        char k[200];
        free_suffix(taken, next, keys[i], k, sizeof k);
        aics_strmap_add(taken, k, i, NULL);
        free(keys[i]);
        keys[i] = aics_xstrdup(k);
    }
    aics_strmap_free(taken);
    aics_strmap_free(next);
    return keys;
}

static void warn_unknown(const aics_net *net)
{
    aics_buf b = AICS_BUF_INIT;
    size_t count = 0;
    for (size_t i = 0; i < net->nlayers; i++) {
        const aics_layer *l = &net->layers[i];
        if (l->type != AICS_LAYER_UNKNOWN) continue;
        if (count < 10) aics_buf_printf(&b, "%s'%s' (%s)", count ? ", " : "", l->name, l->type_name);
        count++;
    }
    if (count)
        aics_warn("%s: %zu layer%s of unknown type counted as zero: %s%s", net->path ? net->path : net->name,
                  count, count == 1 ? "" : "s", b.data, count > 10 ? ", …" : "");
    aics_buf_free(&b);
}

static void add_entry(aics_netreport *rep, aics_net *net, bool builtin)
{
    rep->e = aics_xrealloc(rep->e, (rep->n + 1) * sizeof *rep->e);
    aics_netreport_entry *e = &rep->e[rep->n];
    memset(e, 0, sizeof *e);
    e->net = net;
    e->builtin = builtin;
    char base[100];
    aics_netreport_key(net->name, base, sizeof base);
    if (!rep->keys) rep->keys = aics_strmap_new(), rep->next_suffix = aics_strmap_new();
    if (aics_strmap_get(rep->keys, base, NULL)) free_suffix(rep->keys, rep->next_suffix, base, e->key, sizeof e->key);
    else snprintf(e->key, sizeof e->key, "%s", base);
    aics_strmap_add(rep->keys, e->key, rep->n, NULL);
    e->layer_key = layer_keys(net);
    e->per_layer = aics_xcalloc(net->nlayers ? net->nlayers : 1, sizeof *e->per_layer);
    aics_net_error err;
    if (!aics_net_count(net, 0, e->per_layer, &e->total, &err))
        aics_die_data(net->path ? net->path : net->name, err.line, err.col, "%s", err.msg);
    rep->n++;
}

void aics_netreport_load(aics_netreport *rep, const aics_run *run, const char *net_name, bool allow_unknown)
{
    memset(rep, 0, sizeof *rep);
    if (net_name) {
        aics_net *net = aics_net_builtin(net_name);
        if (!net) {
            aics_buf b = AICS_BUF_INIT;
            for (size_t i = 0; aics_net_builtin_names[i]; i++)
                aics_buf_printf(&b, "%s%s", i ? ", " : "", aics_net_builtin_names[i]);
            aics_die_usage("--net: unknown network '%s' (expected one of %s)", net_name, b.data);
        }
        add_entry(rep, net, true);
    }
    for (int i = 0; i < run->nargs; i++) {
        char err[600];
        aics_net *net = aics_caffe_load(run->args[i], allow_unknown, err, sizeof err);
        if (!net) {
            fflush(stdout);
            fprintf(stderr, "%s\n", err);
            exit(AICS_EXIT_DATA);
        }
        warn_unknown(net);
        aics_progress(run, "%s: %zu layers", run->args[i], net->nlayers);
        add_entry(rep, net, false);
    }
    if (rep->n == 0)
        for (size_t i = 0; i < 3; i++) add_entry(rep, aics_net_builtin(aics_net_builtin_names[i]), true);
}

void aics_netreport_free(aics_netreport *rep)
{
    for (size_t i = 0; i < rep->n; i++) {
        aics_netreport_entry *e = &rep->e[i];
        for (size_t k = 0; k < e->net->nlayers; k++) free(e->layer_key[k]);
        free(e->layer_key);
        free(e->per_layer);
        aics_net_free(e->net);
    }
    free(rep->e);
    aics_strmap_free(rep->keys);
    aics_strmap_free(rep->next_suffix);
    memset(rep, 0, sizeof *rep);
}

aics_layer_counts aics_netreport_count(const aics_netreport_entry *e, unsigned mistakes)
{
    aics_layer_counts t;
    aics_net_error err;
    if (!aics_net_count(e->net, mistakes, NULL, &t, &err))
        aics_die_data(e->net->path ? e->net->path : e->net->name, err.line, err.col, "%s", err.msg);
    return t;
}

bool aics_netreport_row(const aics_layer *l)
{
    return l->type == AICS_LAYER_CONV || l->type == AICS_LAYER_FC;
}

void aics_netreport_plot_layers(aics_plot *p, const aics_netreport_entry *e, const char *figname,
                                aics_netreport_metric metric)
{
    if (!aics_plot_enabled(p)) return;
    const aics_net *net = e->net;
    size_t rows = 0;
    for (size_t i = 0; i < net->nlayers; i++) rows += aics_netreport_row(&net->layers[i]);
    if (rows == 0) return;
    double *data = aics_xcalloc(rows * 2, sizeof *data);
    aics_buf tics = AICS_BUF_INIT;
    size_t step = rows > 30 ? (rows + 29) / 30 : 1, k = 0; /* at most 30 labels, readable */
    for (size_t i = 0; i < net->nlayers; i++) {
        const aics_layer *l = &net->layers[i];
        if (!aics_netreport_row(l)) continue;
        data[2 * k] = (double)k;
        data[2 * k + 1] = (double)(metric == AICS_NETREPORT_MACS ? e->per_layer[i].mac : e->per_layer[i].params);
        if (k % step == 0) {
            /* gnuplot strings: the names come from files, so keep [A-Za-z0-9_/.-] only. */
            char safe[64];
            size_t j = 0;
            for (const char *c = l->name; *c && j + 1 < sizeof safe; c++)
                safe[j++] = strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_/.-", *c) ? *c : '_';
            safe[j] = '\0';
            aics_buf_printf(&tics, "%s\"%s\" %zu", tics.len ? ", " : "", safe, k);
        }
        k++;
    }
    int width = rows > 60 ? 1100 : 820;
    aics_plot_begin(p, figname, width, 600);
    aics_plot_data(p, "L", data, rows, 2);
    aics_plot_cmd(p, "set logscale y");
    aics_plot_cmd(p, "set grid ytics");
    aics_plot_cmd(p, "set xtics rotate by 90 right noenhanced (%s)", tics.data);
    aics_plot_cmd(p, "set format y '10^{%%T}'");
    aics_plot_cmd(p, "set xrange [-1:%zu]", rows);
    aics_plot_cmd(p, "set ylabel '%s'", metric == AICS_NETREPORT_MACS ? "MACs" : "参数");
    aics_plot_cmd(p, "set style fill solid 0.8 noborder");
    aics_plot_cmd(p, "set boxwidth 0.8");
    aics_plot_cmd(p, "set title '%s' noenhanced", e->key);
    aics_plot_cmd(p, "plot $L using 1:2 with boxes lc rgb '#3366aa' notitle");
    aics_plot_end(p);
    aics_buf_free(&tics);
    free(data);
}

void aics_netreport_plot_compare(aics_plot *p, const aics_netreport *rep, const char *figname)
{
    if (!aics_plot_enabled(p) || rep->n == 0) return;
    double *data = aics_xcalloc(rep->n * 4, sizeof *data);
    aics_buf tics = AICS_BUF_INIT;
    for (size_t i = 0; i < rep->n; i++) {
        const aics_layer_counts *t = &rep->e[i].total;
        data[4 * i] = (double)i;
        data[4 * i + 1] = t->mac > 0 ? (double)t->mac : 1;
        data[4 * i + 2] = t->params > 0 ? (double)t->params : 1;
        data[4 * i + 3] = t->act_bytes > 0 ? (double)(t->act_bytes / 4) : 1;
        aics_buf_printf(&tics, "%s\"%s\" %zu", i ? ", " : "", rep->e[i].key, i);
    }
    aics_plot_begin(p, figname, 820, 460);
    aics_plot_data(p, "N", data, rep->n, 4);
    aics_plot_cmd(p, "set logscale y");
    aics_plot_cmd(p, "set grid ytics");
    aics_plot_cmd(p, "set format y '10^{%%T}'");
    aics_plot_cmd(p, "set xtics noenhanced (%s)", tics.data);
    aics_plot_cmd(p, "set xrange [-0.6:%g]", (double)rep->n - 0.4);
    aics_plot_cmd(p, "set style fill solid 0.8 noborder");
    aics_plot_cmd(p, "set boxwidth 0.25");
    aics_plot_cmd(p, "set key below");
    aics_plot_cmd(p, "plot $N using ($1-0.27):2 with boxes lc rgb '#3366aa' title 'MACs', "
                     "$N using 1:3 with boxes lc rgb '#dd8833' title '参数', "
                     "$N using ($1+0.27):4 with boxes lc rgb '#55aa55' title '激活（元素数）'");
    aics_plot_end(p);
    aics_buf_free(&tics);
    free(data);
}

bool aics_netreport_mistake_shown(const aics_netreport_entry *e, unsigned mistakes)
{
    return !(mistakes & AICS_MISTAKE_FILE_BATCH) || e->net->batch > 1;
}

size_t aics_netreport_layer_key(const aics_netreport_entry *e, size_t i, char *buf, size_t n)
{
    size_t a = strlen(e->key), b = strlen(e->layer_key[i]);
    AICS_CHECK(a + b + 9 < n, "keys fit the caller's buffer");
    memcpy(buf, e->key, a);
    memcpy(buf + a, ".layer.", 7);
    memcpy(buf + a + 7, e->layer_key[i], b);
    buf[a + 7 + b] = '.';
    buf[a + 8 + b] = '\0';
    return a + 8 + b;
}

void aics_netreport_int(aics_result *r, const char *net, const char *rest, int64_t v, const char *label)
{
    aics_buf key = AICS_BUF_INIT;
    aics_buf_printf(&key, "%s.%s", net, rest);
    aics_result_int(r, key.data, v, label);
    aics_buf_free(&key);
}

void aics_netreport_alexnet_224(aics_result *r, const aics_netreport *rep, bool same_params)
{
    const aics_netreport_entry *a = NULL;
    for (size_t i = 0; i < rep->n; i++)
        if (rep->e[i].builtin && strcmp(rep->e[i].net->name, "alexnet") == 0) a = &rep->e[i];
    if (!a) return;
    aics_net *v = aics_net_builtin("alexnet_224");
    aics_net_totals t;
    AICS_CHECK(aics_net_count_totals(v, 0, &t), "the built-in variants never overflow");
    for (size_t i = 0; i < v->nlayers; i++)
        if (strcmp(v->layers[i].name, "conv1") == 0)
            aics_result_int(r, "compare.alexnet_224.conv1_side", v->layers[i].out.h, "输入 224×224 时 conv1 输出的边长");
    aics_result_int(r, "compare.alexnet_224.neurons", t.neurons, "输入 224×224 时 AlexNet 的神经元");
    aics_result_int(r, "compare.alexnet_224.params", t.params, "输入 224×224 时 AlexNet 的可训练参数");
    if (same_params)
        aics_result_bool(r, "compare.alexnet_224.same_params", t.params == a->total.params,
                         "输入 224×224 与 227×227 时 AlexNet 的可训练参数相同（全连接层的输入不变）");
    aics_result_int(r, "compare.alexnet_224.mac", t.mac, "输入 224×224 时 AlexNet 的乘加次数");
    aics_net_free(v);
}

void aics_netreport_plot_each(aics_plot *p, const aics_netreport *rep, const char *prefix,
                              aics_netreport_metric metric)
{
    for (size_t i = 0; i < rep->n; i++) {
        aics_buf fig = AICS_BUF_INIT;
        aics_buf_printf(&fig, "%s_%s", prefix, rep->e[i].key);
        aics_netreport_plot_layers(p, &rep->e[i], fig.data, metric);
        aics_buf_free(&fig);
    }
}
