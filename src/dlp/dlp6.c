/* dlp6.c — the chapter-6 layer-level processor model (see dlp6.h). */
#include "dlp6.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "intmath.h"

aics_dlp6 aics_dlp6_diannao(void) { return (aics_dlp6)AICS_DLP6_DIANNAO; }

void aics_dlp6_report_proc(aics_result *r, const aics_dlp6 *p)
{
    aics_result_kv_only(r, true);
    aics_result_double(r, "proc.bw_gbps", p->bw_gbps, NULL);
    aics_result_double(r, "proc.freq_ghz", p->freq_ghz, NULL);
    aics_result_int(r, "proc.macs_per_cycle", p->macs_per_cycle, NULL);
    aics_result_int(r, "proc.elem_bytes", p->elem_bytes, NULL);
    aics_result_kv_only(r, false);
}

static int64_t mul(int64_t a, int64_t b)
{
    int64_t r;
    AICS_CHECK(aics_mul_i64(a, b, &r), "layer sizes of chapter-3 networks fit in 64 bits");
    return r;
}

static int64_t add(int64_t a, int64_t b)
{
    int64_t r;
    AICS_CHECK(aics_add_i64(a, b, &r), "layer sizes of chapter-3 networks fit in 64 bits");
    return r;
}

size_t aics_dlp6_layers(const aics_net *net, const aics_layer_counts *per_layer, int64_t elem_bytes,
                        aics_dlp6_layer *out)
{
    size_t n = 0;
    for (size_t i = 0; i < net->nlayers; i++) {
        const aics_layer *l = &net->layers[i];
        if (l->type != AICS_LAYER_CONV && l->type != AICS_LAYER_FC) continue;
        aics_dlp6_layer *d = &out[n++];
        d->index = i;
        d->fc = l->type == AICS_LAYER_FC;
        d->macs = per_layer[i].mac;
        d->in_elems = l->in_total;
        d->w_elems = per_layer[i].params;
        d->out_elems = aics_blob_count(l->out);
        AICS_CHECK(d->out_elems >= 0, "counted nets have countable shapes");
        d->bytes = mul(add(add(d->in_elems, d->w_elems), d->out_elems), elem_bytes);
        d->scalar_bytes = mul(add(mul(d->macs, 2), d->out_elems), elem_bytes);
    }
    return n;
}

void aics_dlp6_net_load(aics_dlp6_net *d, const char *name, int64_t elem_bytes)
{
    memset(d, 0, sizeof *d);
    d->net = aics_net_builtin(name);
    if (!d->net) aics_die_usage("--net: unknown network '%s'", name);
    aics_layer_counts *per = aics_xcalloc(d->net->nlayers + 1, sizeof *per);
    aics_net_error e;
    if (!aics_net_count(d->net, 0, per, &d->total, &e)) aics_die_usage("%s", e.msg);
    d->l = aics_xcalloc(d->net->nlayers + 1, sizeof *d->l);
    d->n = aics_dlp6_layers(d->net, per, elem_bytes, d->l);
    free(per);
}

void aics_dlp6_net_free(aics_dlp6_net *d)
{
    free(d->l);
    aics_net_free(d->net);
    memset(d, 0, sizeof *d);
}

double aics_dlp6_peak(const aics_dlp6 *p) { return (double)p->macs_per_cycle * p->freq_ghz * 1e9; }

double aics_dlp6_time(const aics_dlp6 *p, int64_t macs, int64_t bytes)
{
    double c = (double)macs / aics_dlp6_peak(p), m = (double)bytes / (p->bw_gbps * 1e9);
    return c > m ? c : m;
}

double aics_dlp6_utilisation(const aics_dlp6 *p, const aics_dlp6_layer *l, size_t n, bool scalar)
{
    double t = 0, macs = 0;
    for (size_t i = 0; i < n; i++) {
        t += aics_dlp6_time(p, l[i].macs, scalar ? l[i].scalar_bytes : l[i].bytes);
        macs += (double)l[i].macs;
    }
    double u = t > 0 ? macs / (aics_dlp6_peak(p) * t) : 0.0;
    return u < 1.0 ? u : 1.0; /* exactly 1 when compute-bound, whatever the rounding */
}

double aics_amdahl(const double *f, const double *s, size_t n)
{
    double t = 0;
    for (size_t i = 0; i < n; i++) t += f[i] / s[i];
    return 1.0 / t;
}
