/* diagnose.c — which smallest set of mistakes gives a submitted count (see diagnose.h). */
#include "diagnose.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "net.h"
#include "netcount.h"

/* The networks a catalogue set may count: the built-in net, at 224×224,
 * its torchvision variant, and that variant at 224×224. */
enum { VARIANT_224 = 1, VARIANT_TV = 2, NVARIANTS = 4 };

enum { F_MUL, F_ADD, F_MAC, F_NEURONS, F_PARAMS, NFIELDS };
#define FIELD_BIT(f) (1u << (f))
#define OPS (FIELD_BIT(F_MUL) | FIELD_BIT(F_ADD) | FIELD_BIT(F_MAC))
#define ALL_FIELDS ((1u << NFIELDS) - 1)

static const char *const field_names[NFIELDS] = {"mul", "add", "mac", "neurons", "params"};
static const char *const field_zh[NFIELDS] = {"乘法次数", "加法次数", "乘加次数", "神经元数", "参数数"};

/* One catalogue entry: what it changes in the count (a netcount.h mistake
 * or a network variant), which fields it can change, and its words. */
static const struct catalogue_entry {
    const char *id;
    unsigned count_bit, variant, fields;
    const char *zh, *en;
} catalogue[AICS_DIAG_COUNT] = {
    {"add_nif_minus_1", AICS_MISTAKE_ADD_NIF_MINUS_1, 0, FIELD_BIT(F_ADD),
     "加法按 (N_if−1)·N_of 计，漏了加偏置的那一次",
     "additions counted as (N_if-1)*N_of: the bias addition is forgotten"},
    {"bn_stats", AICS_MISTAKE_BN_STATS, 0, FIELD_BIT(F_PARAMS),
     "把 BatchNorm 存的均值、方差等统计量算作参数（它们不可训练）",
     "BatchNorm's stored statistics are counted as parameters (they are not trained)"},
    {"fc_as_one", AICS_MISTAKE_FC_AS_ONE, 0, OPS,
     "把每个全连接层算作一次运算",
     "each FC layer is counted as one operation"},
    {"file_batch", AICS_MISTAKE_FILE_BATCH, 0, OPS | FIELD_BIT(F_NEURONS),
     "把部署文件写的 batch（第一维）也乘了进去（题目问的是一张图）",
     "the batch the deploy file states (its first dimension) is counted (one image is asked)"},
    {"flops", AICS_MISTAKE_FLOPS, 0, FIELD_BIT(F_MUL) | FIELD_BIT(F_MAC),
     "按 FLOPs 计（每个乘加算 2 次），题目问的是乘法次数",
     "FLOPs (2 per MAC) are counted where multiplications were asked"},
    {"input224", 0, VARIANT_224, ALL_FIELDS,
     "按 224×224 的输入计算（Caffe 版 AlexNet 的输入是 227×227）",
     "the network is counted at a 224x224 input (Caffe's AlexNet takes 227x227)"},
    {"neurons_input", AICS_MISTAKE_NEURONS_INPUT, 0, FIELD_BIT(F_NEURONS),
     "把输入图像也算作神经元",
     "the input image is counted as neurons"},
    {"neurons_pool", AICS_MISTAKE_NEURONS_POOL, 0, FIELD_BIT(F_NEURONS),
     "把池化层的输出也算作神经元",
     "pooling outputs are counted as neurons"},
    {"neurons_relu", AICS_MISTAKE_NEURONS_RELU, 0, FIELD_BIT(F_NEURONS),
     "把 ReLU 的输出也算作神经元（它们就是卷积或全连接的输出）",
     "ReLU outputs are counted as neurons (they are the conv or FC outputs again)"},
    {"no_bias_add", AICS_MISTAKE_NO_BIAS_ADD, 0, FIELD_BIT(F_ADD) | FIELD_BIT(F_PARAMS),
     "漏掉了偏置（加偏置的加法和偏置参数）",
     "the biases are forgotten (their additions and parameters)"},
    {"no_fc", AICS_MISTAKE_NO_FC, 0, ALL_FIELDS,
     "漏掉了全连接层",
     "the FC layers are left out"},
    {"no_groups", AICS_MISTAKE_NO_GROUPS, 0, OPS | FIELD_BIT(F_PARAMS),
     "忽略了分组卷积的 group（用 C_in 代替 C_in/g）",
     "the convolution groups are ignored (C_in used instead of C_in/g)"},
    {"no_kernel", AICS_MISTAKE_NO_KERNEL, 0, OPS | FIELD_BIT(F_PARAMS),
     "漏乘了卷积核大小 K_h·K_w",
     "the kernel size K_h*K_w is left out"},
    {"no_projection", AICS_MISTAKE_NO_PROJECTION, 0, ALL_FIELDS,
     "漏掉了残差块的投影（下采样）捷径卷积",
     "the projection (downsample) shortcut convolutions are left out"},
    {"no_spatial", AICS_MISTAKE_NO_SPATIAL, 0, OPS | FIELD_BIT(F_NEURONS),
     "只算了一个输出位置，漏乘了 H_out·W_out",
     "one output position is counted: H_out*W_out is forgotten"},
    {"torchvision", 0, VARIANT_TV, ALL_FIELDS,
     "用的是 torchvision 版的网络",
     "the torchvision variant of the network is counted"},
};

/* The catalogue entry of a one-bit set, or NULL. */
static const struct catalogue_entry *entry_of(unsigned bit)
{
    for (unsigned i = 0; i < AICS_DIAG_COUNT; i++)
        if (bit == 1u << i) return &catalogue[i];
    return NULL;
}

const char *aics_diag_id(unsigned bit)
{
    const struct catalogue_entry *e = entry_of(bit);
    return e ? e->id : NULL;
}

const char *aics_diag_text(unsigned bit, aics_lang lang)
{
    const struct catalogue_entry *e = entry_of(bit);
    return !e ? NULL : lang == AICS_LANG_EN ? e->en : e->zh;
}

/* The counts of one NET:FIELD under every combination of its relevant mistakes. */
typedef struct {
    char *net;
    int field;
    unsigned cand[AICS_DIAG_COUNT]; /* catalogue bits that change the field alone */
    unsigned ncand;
    int64_t *value;                 /* 2^ncand, by subset of cand */
    bool *ok;                       /* false: variant missing or overflow */
} field_cache;

struct aics_diagnoser {
    field_cache *c;
    size_t n;
};

aics_diagnoser *aics_diagnoser_new(void) { return aics_xcalloc(1, sizeof(aics_diagnoser)); }

void aics_diagnoser_free(aics_diagnoser *d)
{
    if (!d) return;
    for (size_t i = 0; i < d->n; i++) {
        free(d->c[i].net);
        free(d->c[i].value);
        free(d->c[i].ok);
    }
    free(d->c);
    free(d);
}

static int64_t field_of(const aics_net_totals *t, int f)
{
    switch (f) {
    case F_MUL: return t->mul;
    case F_ADD: return t->add;
    case F_MAC: return t->mac;
    case F_NEURONS: return t->neurons;
    default: return t->params;
    }
}

/* Split "NET:FIELD"; net is copied into netbuf. */
static bool split_tag(const char *tag, char *netbuf, size_t n, int *field)
{
    const char *colon = strchr(tag, ':');
    if (!colon || colon == tag || (size_t)(colon - tag) >= n) return false;
    memcpy(netbuf, tag, (size_t)(colon - tag));
    netbuf[colon - tag] = '\0';
    for (int f = 0; f < NFIELDS; f++)
        if (strcmp(colon + 1, field_names[f]) == 0) {
            *field = f;
            return true;
        }
    return false;
}

static bool known_net(const char *name)
{
    for (const char *const *p = aics_net_builtin_names; *p; p++)
        if (strcmp(*p, name) == 0) return true;
    return false;
}

bool aics_diagnose_tag_ok(const char *tag, char *err, size_t errsz)
{
    char net[64];
    int field;
    if (!split_tag(tag, net, sizeof net, &field)) {
        snprintf(err, errsz, "diagnose=%s: expected NET:FIELD with FIELD one of mul, add, mac, "
                             "neurons, params", tag);
        return false;
    }
    if (!known_net(net)) {
        aics_buf names = AICS_BUF_INIT;
        for (const char *const *p = aics_net_builtin_names; *p; p++)
            aics_buf_printf(&names, "%s%s", p == aics_net_builtin_names ? "" : ", ", *p);
        snprintf(err, errsz, "diagnose=%s: unknown network '%s'; expected one of %s", tag, net,
                 names.len ? names.data : "(none)");
        aics_buf_free(&names);
        return false;
    }
    return true;
}

/* Built-in `name` in variant v, or NULL when it has no such variant: no
 * NAME_tv, or already at 224×224. */
static aics_net *build_variant(const char *name, unsigned v)
{
    aics_net *net;
    if (v & VARIANT_TV) {
        char tv[80];
        size_t n = strlen(name);
        if (n > 3 && strcmp(name + n - 3, "_tv") == 0) return NULL;
        snprintf(tv, sizeof tv, "%s_tv", name);
        if (!known_net(tv)) return NULL;
        net = aics_net_builtin(tv);
    } else {
        net = aics_net_builtin(name);
    }
    if (!net || !(v & VARIANT_224)) return net;
    bool changed = false;
    for (size_t i = 0; i < net->nlayers; i++) {
        aics_layer *l = &net->layers[i];
        if (l->type != AICS_LAYER_INPUT || (l->input_shape.h == 224 && l->input_shape.w == 224)) continue;
        l->input_shape.h = l->input_shape.w = 224;
        changed = true;
    }
    aics_net_error err;
    if (!changed || !aics_net_finish(net, &err)) {
        aics_net_free(net);
        return NULL;
    }
    return net;
}

/* The count bits and the variant of a catalogue set. */
static void split_set(unsigned set, unsigned *count_bits, unsigned *variant)
{
    *count_bits = *variant = 0;
    for (unsigned i = 0; i < AICS_DIAG_COUNT; i++)
        if (set & (1u << i)) *count_bits |= catalogue[i].count_bit, *variant |= catalogue[i].variant;
}

static bool count_set(aics_net *const *nets, int field, unsigned set, int64_t *out)
{
    unsigned bits, v;
    aics_net_totals t;
    split_set(set, &bits, &v);
    if (!nets[v] || !aics_net_count_totals(nets[v], bits, &t)) return false;
    *out = field_of(&t, field);
    return true;
}

/* The catalogue set of subset `s` of the cache's candidates. */
static unsigned set_of(const field_cache *c, unsigned s)
{
    unsigned set = 0;
    for (unsigned i = 0; i < c->ncand; i++)
        if (s & (1u << i)) set |= c->cand[i];
    return set;
}

static void fill_cache(field_cache *c, aics_net *const *nets)
{
    int64_t right = 0, one;
    bool right_ok = count_set(nets, c->field, 0, &right);
    for (unsigned i = 0; i < AICS_DIAG_COUNT; i++)
        if ((catalogue[i].fields & FIELD_BIT(c->field)) && right_ok &&
            count_set(nets, c->field, 1u << i, &one) && one != right)
            c->cand[c->ncand++] = 1u << i;
    size_t n = (size_t)1 << c->ncand;
    c->value = aics_xcalloc(n, sizeof *c->value);
    c->ok = aics_xcalloc(n, sizeof *c->ok);
    for (unsigned s = 0; s < n; s++) c->ok[s] = count_set(nets, c->field, set_of(c, s), &c->value[s]);
}

/* The cache of NET:FIELD, computing every combination on first use. */
static field_cache *cache_get(aics_diagnoser *d, const char *name, int field)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->c[i].field == field && strcmp(d->c[i].net, name) == 0) return &d->c[i];
    if (!known_net(name)) return NULL;
    aics_net *nets[NVARIANTS];
    for (unsigned v = 0; v < NVARIANTS; v++) nets[v] = build_variant(name, v);
    d->c = aics_xrealloc(d->c, (d->n + 1) * sizeof *d->c);
    field_cache *c = &d->c[d->n++];
    memset(c, 0, sizeof *c);
    c->net = aics_xstrdup(name);
    c->field = field;
    fill_cache(c, nets);
    for (unsigned v = 0; v < NVARIANTS; v++) aics_net_free(nets[v]);
    return c;
}

bool aics_diagnose_count(aics_diagnoser *d, const char *tag, unsigned mistakes,
                         int64_t *out, char *err, size_t errsz)
{
    char name[64];
    int field;
    (void)d; /* one count: building the whole cache would cost more */
    if (!aics_diagnose_tag_ok(tag, err, errsz)) return false;
    split_tag(tag, name, sizeof name, &field);
    aics_net *nets[NVARIANTS] = {NULL};
    unsigned bits, v;
    split_set(mistakes, &bits, &v);
    nets[v] = build_variant(name, v);
    bool ok = count_set(nets, field, mistakes, out);
    aics_net_free(nets[v]);
    if (!ok)
        snprintf(err, errsz, "%s: cannot count this set of mistakes (the network has no such "
                             "variant, or a count overflows int64)", tag);
    return ok;
}

static int popcount(unsigned x)
{
    int n = 0;
    for (; x; x &= x - 1) n++;
    return n;
}

/* Sets are compared by their sorted id lists, as strings. */
static int cmp_sets(const void *a, const void *b)
{
    aics_buf x = AICS_BUF_INIT, y = AICS_BUF_INIT;
    aics_diag_ids(*(const unsigned *)a, &x);
    aics_diag_ids(*(const unsigned *)b, &y);
    int r = strcmp(x.data, y.data);
    aics_buf_free(&x);
    aics_buf_free(&y);
    return r;
}

/* Every smallest subset giving `v`, sorted; false when none does. */
static bool exact_sets(const field_cache *c, int64_t v, aics_diagnosis *out)
{
    size_t n = (size_t)1 << c->ncand;
    int best = AICS_DIAG_COUNT + 1;
    unsigned found[1u << 10], nfound = 0; /* the built-in nets have at most 10 candidates */
    for (unsigned s = 1; s < n; s++) {
        if (!c->ok[s] || c->value[s] != v) continue;
        int k = popcount(s);
        if (k < best) best = k, nfound = 0;
        if (k == best && nfound < sizeof found / sizeof *found) found[nfound++] = set_of(c, s);
    }
    if (nfound == 0) return false;
    qsort(found, nfound, sizeof *found, cmp_sets);
    out->match = AICS_DIAG_MATCH_EXACT;
    out->value = v;
    out->nsets = nfound < AICS_DIAG_MAX_SETS ? nfound : AICS_DIAG_MAX_SETS;
    out->more = nfound - out->nsets;
    memcpy(out->sets, found, out->nsets * sizeof *found);
    return true;
}

/* The nearest count, the correct one included, if within 1% of it. */
static void near_set(const field_cache *c, int64_t v, aics_diagnosis *out)
{
    size_t n = (size_t)1 << c->ncand;
    double best_gap = INFINITY;
    unsigned best = 0;
    for (unsigned s = 0; s < n; s++) {
        if (!c->ok[s]) continue;
        double gap = fabs((double)v - (double)c->value[s]);
        if (gap < best_gap || (gap == best_gap && popcount(s) < popcount(best)))
            best_gap = gap, best = s;
    }
    out->match = AICS_DIAG_MATCH_NONE;
    out->value = out->correct;
    if (isfinite(best_gap) && best_gap <= 0.01 * fabs((double)c->value[best])) {
        out->match = AICS_DIAG_MATCH_NEAR;
        out->value = c->value[best];
        out->nsets = 1;
        out->sets[0] = set_of(c, best);
    }
}

bool aics_diagnose(aics_diagnoser *d, const char *tag, int64_t submitted, aics_diagnosis *out)
{
    char name[64];
    int field;
    memset(out, 0, sizeof *out);
    if (!split_tag(tag, name, sizeof name, &field)) return false;
    field_cache *c = cache_get(d, name, field);
    if (!c || !c->ok[0]) return false;
    out->correct = c->value[0];
    out->checked = 1u << c->ncand;
    if (submitted == c->value[0]) {
        out->match = AICS_DIAG_MATCH_CORRECT;
        out->value = submitted;
        return true;
    }
    if (!exact_sets(c, submitted, out)) near_set(c, submitted, out);
    return true;
}

void aics_diag_ids(unsigned set, aics_buf *out)
{
    if (!set) {
        aics_buf_puts(out, "none");
        return;
    }
    bool first = true;
    for (unsigned i = 0; i < AICS_DIAG_COUNT; i++)
        if (set & (1u << i)) {
            aics_buf_printf(out, "%s%s", first ? "" : ",", catalogue[i].id);
            first = false;
        }
}

/* The words of a set: the mistakes' sentences joined by "；" or "; ". */
static void set_words(unsigned set, aics_lang lang, aics_buf *out)
{
    bool first = true;
    for (unsigned i = 0; i < AICS_DIAG_COUNT; i++)
        if (set & (1u << i)) {
            aics_buf_printf(out, "%s%s", first ? "" : lang == AICS_LANG_EN ? "; " : "；",
                            lang == AICS_LANG_EN ? catalogue[i].en : catalogue[i].zh);
            first = false;
        }
}

static void text_exact(const aics_diagnosis *dg, const char *net, int field, aics_lang lang,
                       aics_buf *out)
{
    bool en = lang == AICS_LANG_EN;
    if (en) aics_buf_printf(out, "%s %s counted with these mistakes gives exactly this number: ",
                            net, field_names[field]);
    else aics_buf_printf(out, "按以下错误计算 %s 的%s，正好得到这个数：", net, field_zh[field]);
    set_words(dg->sets[0], lang, out);
    aics_buf_printf(out, " (");
    aics_diag_ids(dg->sets[0], out);
    aics_buf_puts(out, ")\n");
    for (size_t i = 1; i < dg->nsets; i++) {
        aics_buf_puts(out, en ? "or, as likely: " : "同样可能是：");
        set_words(dg->sets[i], lang, out);
        aics_buf_puts(out, " (");
        aics_diag_ids(dg->sets[i], out);
        aics_buf_puts(out, ")\n");
    }
    if (dg->more)
        aics_buf_printf(out, en ? "and %zu more sets of the same size\n" : "还有 %zu 种同样大小的组合\n",
                        dg->more);
}

void aics_diagnosis_text(const aics_diagnosis *dg, const char *tag, int64_t submitted,
                         aics_lang lang, aics_buf *out)
{
    char net[64];
    int field = 0;
    bool en = lang == AICS_LANG_EN;
    if (!split_tag(tag, net, sizeof net, &field)) snprintf(net, sizeof net, "%s", tag);
    switch (dg->match) {
    case AICS_DIAG_MATCH_CORRECT:
        aics_buf_printf(out, en ? "%lld is the correct %s %s as the library counts it; the "
                                  "reference may be stale (run make check-solutions)\n"
                                : "%lld 正是程序库算出的 %s 正确%s；参考答案可能过时了"
                                  "（请运行 make check-solutions）\n",
                        (long long)submitted, net, en ? field_names[field] : field_zh[field]);
        break;
    case AICS_DIAG_MATCH_EXACT:
        text_exact(dg, net, field, lang, out);
        break;
    case AICS_DIAG_MATCH_NEAR: {
        double pct = 100.0 * fabs((double)submitted - (double)dg->value) / fabs((double)dg->value);
        aics_buf_printf(out, en ? "a guess: no set of known mistakes gives it exactly; the nearest "
                                  "count, %lld (off by %+lld, %.3g%%), comes from: "
                                : "只是猜测：没有哪组已知错误正好得到这个数；最接近的是 %lld"
                                  "（差 %+lld，%.3g%%），来自：",
                        (long long)dg->value, (long long)(submitted - dg->value), pct);
        if (dg->sets[0]) set_words(dg->sets[0], lang, out);
        else aics_buf_puts(out, en ? "the correct convention (an arithmetic slip?)"
                                   : "正确的算法（也许是算术错误）");
        aics_buf_puts(out, "\n");
        break;
    }
    default:
        aics_buf_printf(out, en ? "no known mistake explains it (%u combinations of the catalogue "
                                  "checked; none within 1%%)\n"
                                : "没有已知错误能解释这个数（检查了 %u 种错误组合，都不在 1%% 以内）\n",
                        dg->checked);
        break;
    }
}

void aics_diagnosis_kv(const aics_diagnosis *dg, aics_buf *out)
{
    static const char *const names[] = {"none", "exact", "near", "correct"};
    aics_buf_printf(out, "match %s\nmistakes ", names[dg->match]);
    aics_diag_ids(dg->nsets ? dg->sets[0] : 0, out);
    aics_buf_putc(out, '\n');
    for (size_t i = 1; i < dg->nsets; i++) {
        aics_buf_puts(out, "alternative ");
        aics_diag_ids(dg->sets[i], out);
        aics_buf_putc(out, '\n');
    }
    aics_buf_printf(out, "value %lld\n", (long long)dg->value);
}

bool aics_diagnose_value(aics_diagnoser *d, const char *tag, int64_t submitted,
                         aics_lang lang, aics_buf *out)
{
    aics_diagnosis dg;
    if (!aics_diagnose(d, tag, submitted, &dg)) return false;
    aics_diagnosis_text(&dg, tag, submitted, lang, out);
    return true;
}

bool aics_diagnose_item(const aics_grade_item *item, aics_lang lang,
                        aics_grade_diagnosis *out, void *ctx)
{
    int64_t v;
    aics_diagnosis dg;
    if (!item->submitted || !item->rule->diagnose) return false;
    if (!aics_grade_parse_int(item->submitted, &v)) return false;
    if (!aics_diagnose(ctx, item->rule->diagnose, v, &dg)) return false;
    aics_buf text = AICS_BUF_INIT, ids = AICS_BUF_INIT, alts = AICS_BUF_INIT;
    aics_diagnosis_text(&dg, item->rule->diagnose, v, lang, &text);
    if (dg.nsets) aics_diag_ids(dg.sets[0], &ids);
    for (size_t i = 1; i < dg.nsets; i++) {
        if (i > 1) aics_buf_putc(&alts, ';');
        aics_diag_ids(dg.sets[i], &alts);
    }
    static const char *const names[] = {"none", "exact", "near", "correct"};
    out->match = names[dg.match];
    out->text = aics_buf_take(&text);
    out->ids = dg.nsets ? aics_buf_take(&ids) : NULL;
    out->alternatives = dg.nsets > 1 ? aics_buf_take(&alts) : NULL;
    aics_buf_free(&ids);
    aics_buf_free(&alts);
    return true;
}

bool aics_diagnose_parse_mistakes(const char *s, unsigned *out)
{
    *out = 0;
    if (strcmp(s, "none") == 0) return true;
    while (*s) {
        size_t n = strcspn(s, ",");
        unsigned bit = n == 7 && strncmp(s, "batch10", 7) == 0 ? AICS_DIAG_FILE_BATCH : 0; /* the old id */
        for (unsigned b = 0; b < AICS_DIAG_COUNT; b++)
            if (strlen(catalogue[b].id) == n && strncmp(catalogue[b].id, s, n) == 0) bit = 1u << b;
        if (!bit) return false;
        *out |= bit;
        s += n;
        if (*s == ',') s++;
    }
    return *out != 0;
}
