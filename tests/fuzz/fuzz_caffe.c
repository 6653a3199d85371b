/* fuzz_caffe.c — the prototxt reader and the Caffe loader on any bytes: the
 * generic tree and its accessors, then the net, its shapes and its counts,
 * correct and with every common counting mistake at once. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "caffe.h"
#include "fuzz.h"
#include "netcount.h"
#include "prototxt.h"

/* Walk the tree through the accessors, checking what prototxt.h promises. */
static void walk(const aics_pt_node *n, int depth)
{
    if (depth > AICS_PT_MAX_DEPTH + 1) abort();
    for (size_t i = 0; i < n->nchildren; i++) {
        const aics_pt_node *c = n->children[i];
        if (c->is_message ? c->value != NULL : c->value == NULL || c->nchildren) abort();
        if (c->line < 1 || c->col < 1) abort();
        const aics_pt_node *first = aics_pt_child(n, c->name);
        if (!first || strcmp(first->name, c->name) != 0) abort();
        size_t k = aics_pt_count(n, c->name);
        if (k == 0 || !aics_pt_nth(n, c->name, k - 1) || aics_pt_nth(n, c->name, k)) abort();
        if (c->is_message) walk(c, depth + 1);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[512];
    aics_pt_node *root = aics_pt_parse((const char *)data, size, "fuzz.prototxt", err, sizeof err);
    bool parsed = root != NULL;
    if (root) {
        if (!root->is_message) abort();
        walk(root, 0);
        aics_pt_free(root);
    }
    /* Unknown layer types refused or allowed: the input's length decides, so
     * both paths are fuzzed at the cost of one parse. */
    bool allow = size & 1;
    aics_net *net = aics_caffe_parse((const char *)data, size, "fuzz.prototxt", allow, err, sizeof err);
    if (!net) return 0;
    if (!parsed) abort(); /* a net from text the reader refused */
    aics_net_totals t;
    aics_net_count_totals(net, 0, &t);
    aics_net_count_totals(net, (1u << AICS_MISTAKE_COUNT) - 1, &t); /* every mistake at once */
    aics_layer_counts c;
    aics_net_error e;
    for (size_t i = 0; i < net->nlayers; i++) aics_layer_count(net, i, 0, &c, &e);
    aics_net_free(net);
    return 0;
}
