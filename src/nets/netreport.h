/* netreport.h — what ex3_1 and ex3_2 share: choosing the networks from the
 * command line, counting them, and naming their kv keys.
 *
 * With no file argument and no --net, the set is the exercise's three
 * built-in networks (alexnet, vgg19, resnet152); --net NAME picks one
 * built-in; file arguments are Caffe prototxt files (caffe.h), named by
 * aics_caffe_net_name(). Names that would clash get a suffix _2, _3….
 * A bad file ends the program with "file:line:col: message" and exit 2.
 */
#ifndef AICS_NETREPORT_H
#define AICS_NETREPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "net.h"
#include "netcount.h"
#include "program.h"
#include "strmap.h"

typedef struct {
    aics_net *net;
    char key[128];                /* the kv name, unique within the set */
    char **layer_key;             /* per layer: [a-z0-9_] name, unique within the net */
    aics_layer_counts *per_layer; /* correct convention, per layer */
    aics_layer_counts total;
    bool builtin;
} aics_netreport_entry;

typedef struct {
    aics_netreport_entry *e;
    size_t n;
    aics_strmap *keys, *next_suffix; /* private: the net keys given so far */
} aics_netreport;

/* The options of a program that counts the networks named by --net or given
 * as files, and their option-table entries (opts.h) for an
 * aics_netreport_opts variable `o`: --net and --allow-unknown. */
typedef struct {
    const char *net;     /* one built-in network, or NULL for the default three */
    bool allow_unknown;  /* layers of unknown type count 0, with a warning */
} aics_netreport_opts;

#define AICS_NETREPORT_OPTS(o)                                                                           \
    {"net", AICS_OPT_STRING, &(o).net, "NAME",                                                           \
     "只算一个内置网络：alexnet、vgg19、resnet152、alexnet_tv 或 resnet152_tv",                           \
     .default_text = "alexnet、vgg19、resnet152 三个"},                                                   \
    {"allow-unknown", AICS_OPT_FLAG, &(o).allow_unknown, NULL,                                           \
     "未知类型的层按 0 计并警告，不报错；它的输入形状原样传给下一层（假定不改变形状）"}

/* For the AICS_MAIN of such a program: its positional arguments, and the
 * line of its details that says how a net is named in the kv keys
 * (aics_netreport_key()). */
#define AICS_NETREPORT_USAGE "[FILE.prototxt...]"
#define AICS_NETREPORT_NAMING "<net> 是内置网络名，或文件名去掉扩展名、小写、[^a-z0-9_] 换成 _。\n"

/* Load and count the networks `run` asks for (see above). `net_name` is the
 * --net value or NULL. Exits 2 on bad input, naming file, line and column. */
void aics_netreport_load(aics_netreport *rep, const aics_run *run, const char *net_name,
                         bool allow_unknown);
void aics_netreport_free(aics_netreport *rep);

/* Turn any name into a kv key segment: lower case, [a-z0-9_], never empty. */
void aics_netreport_key(const char *name, char *out, size_t n);

/* How people call the net: "AlexNet", "VGG-19", "ResNet-152" (torchvision's
 * variants say so); a file's net by its kv name. */
const char *aics_netreport_title(const aics_netreport_entry *e);

/* "96×55×55" (C×H×W) into buf. */
char *aics_netreport_shape(aics_blob_shape s, char *buf, size_t n);

/* The totals of one net under `mistakes`; exits 2 naming the layer on overflow. */
aics_layer_counts aics_netreport_count(const aics_netreport_entry *e, unsigned mistakes);

/* Whether the mistake tables of 3.1 and 3.2 show `mistakes` for this net:
 * always, except counting the file's batch (AICS_MISTAKE_FILE_BATCH) where
 * the file states batch 1 or none, since that mistake cannot happen there. */
bool aics_netreport_mistake_shown(const aics_netreport_entry *e, unsigned mistakes);

/* Add the integer result "<net>.<rest>" (`net` is an entry's key). */
void aics_netreport_int(aics_result *r, const char *net, const char *rest, int64_t v, const char *label);

/* When `rep` holds the built-in AlexNet: its neurons, parameters and MACs on
 * the 224×224 input the paper states (compare.alexnet_224.*), next to the
 * 227×227 its layer sizes and Caffe's file need; with `same_params`, also
 * whether the parameter count is the same for both inputs (.same_params). */
void aics_netreport_alexnet_224(aics_result *r, const aics_netreport *rep, bool same_params);

/* Write "<net>.layer.<layer>." for layer i into buf (n bytes); returns its
 * length, so the caller appends the metric. */
size_t aics_netreport_layer_key(const aics_netreport_entry *e, size_t i, char *buf, size_t n);

/* What a per-layer figure shows. */
typedef enum {
    AICS_NETREPORT_MACS,   /* multiply-accumulates of the layer */
    AICS_NETREPORT_PARAMS  /* its learned parameters */
} aics_netreport_metric;

/* Figures (plot.h). A bar chart of `metric` for each Convolution and
 * InnerProduct layer of `e`, log y axis, named `figname`. */
struct aics_plot;
void aics_netreport_plot_layers(struct aics_plot *p, const aics_netreport_entry *e,
                                const char *figname, aics_netreport_metric metric);
/* aics_netreport_plot_layers() for every net of `rep`, named "<prefix>_<key>". */
void aics_netreport_plot_each(struct aics_plot *p, const aics_netreport *rep, const char *prefix,
                              aics_netreport_metric metric);
/* The nets side by side: MACs, params and activations (elements), log axis. */
void aics_netreport_plot_compare(struct aics_plot *p, const aics_netreport *rep,
                                 const char *figname);

/* Whether a layer gets its own row in the per-layer tables (Convolution and
 * InnerProduct); the other layers are summed by type in one row each. */
bool aics_netreport_row(const aics_layer *l);

#endif
