/* diagnose.c — which wrong convention gives a submitted count (see diagnose.h). */
#include "diagnose.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "net.h"
#include "netcount.h"

#define NCONV (1u << AICS_MISTAKE_COUNT)

typedef struct {
    char *name;
    aics_net_totals t[NCONV];
    bool ok[NCONV]; /* false: that convention overflowed int64 */
} net_cache;

struct aics_diagnoser {
    net_cache *nets;
    size_t n;
};

static const char *const fields[] = {"mul", "add", "mac", "neurons", "params"};
enum { NFIELDS = 5 };

aics_diagnoser *aics_diagnoser_new(void) { return aics_xcalloc(1, sizeof(aics_diagnoser)); }

void aics_diagnoser_free(aics_diagnoser *d)
{
    if (!d) return;
    for (size_t i = 0; i < d->n; i++) free(d->nets[i].name);
    free(d->nets);
    free(d);
}

static int64_t field_of(const aics_net_totals *t, int f)
{
    switch (f) {
    case 0: return t->mul;
    case 1: return t->add;
    case 2: return t->mac;
    case 3: return t->neurons;
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
        if (strcmp(colon + 1, fields[f]) == 0) {
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
                 names.data ? names.data : "(none)");
        aics_buf_free(&names);
        return false;
    }
    return true;
}

/* The cached counts of `name`, computing all conventions on first use. */
static net_cache *cache_get(aics_diagnoser *d, const char *name)
{
    for (size_t i = 0; i < d->n; i++)
        if (strcmp(d->nets[i].name, name) == 0) return &d->nets[i];
    aics_net *net = aics_net_builtin(name);
    if (!net) return NULL;
    d->nets = aics_xrealloc(d->nets, (d->n + 1) * sizeof *d->nets);
    net_cache *c = &d->nets[d->n++];
    memset(c, 0, sizeof *c);
    c->name = aics_xstrdup(name);
    for (unsigned m = 0; m < NCONV; m++) c->ok[m] = aics_net_count_totals(net, m, &c->t[m]);
    aics_net_free(net);
    return c;
}

bool aics_diagnose_count(aics_diagnoser *d, const char *tag, unsigned mistakes,
                         int64_t *out, char *err, size_t errsz)
{
    char name[64];
    int field;
    if (!aics_diagnose_tag_ok(tag, err, errsz)) return false;
    split_tag(tag, name, sizeof name, &field);
    net_cache *c = cache_get(d, name);
    if (!c || mistakes >= NCONV || !c->ok[mistakes]) {
        snprintf(err, errsz, "%s: cannot count this convention (unknown net or int64 overflow)", tag);
        return false;
    }
    *out = field_of(&c->t[mistakes], field);
    return true;
}

/* Whether some proper subset of m also gives the value: then m adds nothing. */
static bool has_matching_subset(const bool *match, unsigned m)
{
    for (unsigned s = (m - 1) & m;; s = (s - 1) & m) {
        if (s != m && match[s]) return true;
        if (s == 0) return false;
    }
}

bool aics_diagnose_value(aics_diagnoser *d, const char *tag, int64_t submitted, aics_buf *out)
{
    char name[64], desc[256];
    int field;
    if (!split_tag(tag, name, sizeof name, &field)) return false;
    net_cache *c = cache_get(d, name);
    if (!c) return false;
    bool match[NCONV] = {false};
    unsigned nmatch = 0;
    for (unsigned m = 0; m < NCONV; m++)
        if (c->ok[m] && field_of(&c->t[m], field) == submitted) match[m] = true, nmatch++;
    if (match[0]) {
        aics_buf_printf(out, "the submitted value equals the correct %s %s as the library "
                             "counts it; the reference may be stale (run make check-solutions)\n",
                        name, fields[field]);
        return true;
    }
    if (nmatch > 0) {
        unsigned minimal[NCONV], nmin = 0;
        for (unsigned m = 1; m < NCONV; m++)
            if (match[m] && !has_matching_subset(match, m)) minimal[nmin++] = m;
        if (nmin == 1) {
            aics_buf_printf(out, "matches the count of %s %s with: %s\n", name, fields[field],
                            aics_mistake_describe(minimal[0], desc, sizeof desc));
            return true;
        }
        aics_buf_printf(out, "matches the count of %s %s with any of:\n", name, fields[field]);
        for (unsigned i = 0; i < nmin; i++)
            aics_buf_printf(out, "- %s\n", aics_mistake_describe(minimal[i], desc, sizeof desc));
        return true;
    }
    /* None matches: the nearest convention, the correct one included. */
    unsigned best = NCONV;
    double best_gap = INFINITY;
    for (unsigned m = 0; m < NCONV; m++) {
        if (!c->ok[m]) continue;
        double gap = fabs((double)submitted - (double)field_of(&c->t[m], field));
        if (gap < best_gap) best_gap = gap, best = m;
    }
    if (best == NCONV) return false;
    int64_t near = field_of(&c->t[best], field);
    aics_buf_printf(out, "matches no known convention for %s %s (the correct one and %u "
                         "wrong ones); nearest is %s (%lld), off by %+.0f (%.3g%%)\n",
                    name, fields[field], NCONV - 1, aics_mistake_describe(best, desc, sizeof desc),
                    (long long)near, (double)submitted - (double)near,
                    near != 0 ? 100.0 * best_gap / fabs((double)near) : INFINITY);
    return true;
}

bool aics_diagnose_item(const aics_grade_item *item, aics_buf *out, void *ctx)
{
    int64_t v;
    if (!item->submitted || !item->rule->diagnose) return false;
    if (!aics_grade_parse_int(item->submitted, &v)) {
        double x;
        if (!aics_grade_parse_double(item->submitted, &x) || !isfinite(x) || x != floor(x) ||
            fabs(x) > 9007199254740992.0)
            return false;
        v = (int64_t)x;
    }
    return aics_diagnose_value(ctx, item->rule->diagnose, v, out);
}

bool aics_diagnose_parse_mistakes(const char *s, unsigned *out)
{
    *out = 0;
    if (strcmp(s, "none") == 0) return true;
    while (*s) {
        size_t n = strcspn(s, ",");
        unsigned bit = 0;
        for (unsigned b = 0; b < AICS_MISTAKE_COUNT; b++) {
            const char *k = aics_mistake_key(1u << b);
            if (k && strlen(k) == n && strncmp(k, s, n) == 0) bit = 1u << b;
        }
        if (!bit) return false;
        *out |= bit;
        s += n;
        if (*s == ',') s++;
    }
    return *out != 0;
}
