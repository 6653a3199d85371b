/* dlpsim.c — the chapter-6 tile simulator (see dlpsim.h). Time advances from
 * event to event; every event happens at a whole cycle. */
#include "dlpsim.h"

#include <math.h>
#include <stdlib.h>

#include "error.h"

int64_t aics_sim_dma_cycles(int64_t bytes, double bytes_per_cycle)
{
    double c = ceil((double)bytes / bytes_per_cycle - 1e-9);
    return c < 0 ? 0 : (int64_t)c;
}

typedef struct {
    const aics_sim_tile *t;
    size_t n;
    double bpc;
    int64_t *l_end, *c_end, *s_end; /* −1 until the operation has been started */
    size_t next_load, next_compute, next_store;
    int64_t dma_free, mac_free;     /* when each engine becomes free */
} sim;

static bool done_by(const int64_t *end, size_t i, int64_t t) { return end[i] >= 0 && end[i] <= t; }

/* Start what can start at time t; true if anything did. */
static bool start_ready(sim *s, int64_t t, aics_sim_result *r)
{
    bool any = false;
    size_t c = s->next_compute;
    if (c < s->n && s->mac_free <= t && done_by(s->l_end, c, t) && (c < 2 || done_by(s->s_end, c - 2, t))) {
        s->c_end[c] = s->mac_free = t + s->t[c].compute_cycles;
        r->compute_busy += s->t[c].compute_cycles;
        s->next_compute++, any = true;
    }
    if (s->dma_free > t) return any;
    size_t st = s->next_store, ld = s->next_load;
    if (st < s->n && done_by(s->c_end, st, t)) {
        int64_t d = aics_sim_dma_cycles(s->t[st].store_bytes, s->bpc);
        s->s_end[st] = s->dma_free = t + d;
        r->dma_busy += d;
        s->next_store++;
        return true;
    }
    if (ld < s->n && (ld < 2 || done_by(s->c_end, ld - 2, t))) {
        int64_t d = aics_sim_dma_cycles(s->t[ld].load_bytes, s->bpc);
        s->l_end[ld] = s->dma_free = t + d;
        r->dma_busy += d;
        s->next_load++;
        return true;
    }
    return any;
}

/* The earliest end of a running operation after t. */
static int64_t next_event(const sim *s, int64_t t)
{
    int64_t next = INT64_MAX;
    if (s->dma_free > t) next = s->dma_free;
    if (s->mac_free > t && s->mac_free < next) next = s->mac_free;
    return next;
}

aics_sim_result aics_sim_run(const aics_sim_tile *t, size_t n, double bytes_per_cycle)
{
    aics_sim_result r = {0};
    AICS_CHECK(bytes_per_cycle > 0, "the DMA moves something each cycle");
    sim s = {.t = t, .n = n, .bpc = bytes_per_cycle};
    s.l_end = aics_xmalloc((n + 1) * sizeof *s.l_end);
    s.c_end = aics_xmalloc((n + 1) * sizeof *s.c_end);
    s.s_end = aics_xmalloc((n + 1) * sizeof *s.s_end);
    for (size_t i = 0; i < n; i++) {
        s.l_end[i] = s.c_end[i] = s.s_end[i] = -1;
        r.bytes += t[i].load_bytes + t[i].store_bytes;
        r.macs += t[i].macs;
    }
    int64_t now = 0;
    while (s.next_store < n) {
        while (start_ready(&s, now, &r)) {}
        int64_t next = next_event(&s, now);
        AICS_CHECK(next != INT64_MAX, "some operation is always running until the last store");
        now = next;
    }
    r.cycles = n ? s.s_end[n - 1] : 0;
    for (size_t i = 0; i < n; i++)
        if (s.s_end[i] > r.cycles) r.cycles = s.s_end[i];
    free(s.l_end), free(s.c_end), free(s.s_end);
    return r;
}

static int64_t ceil_div(int64_t a, int64_t b) { return (a + b - 1) / b; }

aics_sim_tile *aics_sim_layer_tiles(const aics_layer *l, int64_t tn, int64_t to, int64_t elem_bytes, size_t *n)
{
    AICS_CHECK(l->type == AICS_LAYER_CONV || l->type == AICS_LAYER_FC, "the array runs conv and FC layers");
    int64_t g = l->type == AICS_LAYER_CONV ? l->group : 1;
    int64_t cin = l->in_total / g; /* per group: channels × height × width of the input */
    int64_t fan = l->type == AICS_LAYER_CONV ? (l->in.c / g) * l->kernel_h * l->kernel_w : l->in_total;
    int64_t cout = l->type == AICS_LAYER_CONV ? l->num_output / g : l->num_output;
    int64_t pos = l->out.h * l->out.w, bias = l->bias_term ? 1 : 0;
    int64_t blocks = ceil_div(cout, to);
    aics_sim_tile *t = aics_xcalloc((size_t)(g * blocks), sizeof *t);
    size_t k = 0;
    for (int64_t gi = 0; gi < g; gi++)
        for (int64_t b = 0; b < blocks; b++, k++) {
            int64_t oc = cout - b * to < to ? cout - b * to : to;
            t[k].load_bytes = (oc * (fan + bias) + cin) * elem_bytes;
            t[k].store_bytes = oc * pos * elem_bytes;
            t[k].compute_cycles = ceil_div(oc, tn) * ceil_div(fan, tn) * pos;
            t[k].macs = oc * fan * pos;
        }
    *n = k;
    return t;
}
