/* ex2_2.c — exercise 2.2: how many trainable parameters has a one-hidden-layer
 * MLP with 33 inputs, 512 hidden neurons and 10 outputs?
 *
 * Every neuron of a fully connected layer has one weight per input and one
 * bias of its own: (33 + 1)·512 + (512 + 1)·10 = 22538. The program counts it
 * three independent ways — the closed formula, the project's MLP (the number
 * of entries of its parameter vector, src/models/mlp.h) and the chapter-3
 * network counter (two InnerProduct layers, src/nets/netcount.h) — and names
 * the wrong totals that come from common mistakes (one bias per layer:
 * 22018, as two community answer sets give; no biases: 22016).
 */
#include <stdio.h>

#include "error.h"
#include "mlp.h"
#include "net.h"
#include "netcount.h"
#include "program.h"

typedef struct {
    int64_t in, hidden, out;
} options;

static options opt = {33, 512, 10};

// ANCHOR: formula
static int64_t params_formula(const options *o)
{
    return (o->in + 1) * o->hidden + (o->hidden + 1) * o->out; /* weights + one bias per neuron */
}
// ANCHOR_END: formula

static int64_t params_mlp(const options *o)
{
    aics_mlp m;
    int sizes[3] = {(int)o->in, (int)o->hidden, (int)o->out};
    aics_mlp_init(&m, 2, sizes, AICS_ACT_SIGMOID, AICS_ACT_IDENTITY);
    int64_t n = (int64_t)m.nparams;
    aics_mlp_free(&m);
    return n;
}

static int64_t params_net(const options *o, unsigned mistakes)
{
    aics_net *n = aics_net_new("mlp");
    aics_net_input(n, "data", o->in, 1, 1);
    aics_net_layer(n, AICS_LAYER_FC, "hidden", "data", "hidden")->num_output = o->hidden;
    aics_net_layer(n, AICS_LAYER_FC, "output", "hidden", "output")->num_output = o->out;
    aics_net_error err;
    AICS_CHECK(aics_net_finish(n, &err), "a two-layer MLP is a valid network");
    aics_net_totals t;
    AICS_CHECK(aics_net_count_totals(n, mistakes, &t), "the counts fit in 64 bits");
    aics_net_free(n);
    return t.params;
}

static void report_mistakes(aics_result *r, const options *o)
{
    aics_result_part_show(r, "mistakes", "常见错误得到的数", AICS_SHOW_BRIEF);
    aics_result_int(r, "mistake.one_bias_per_layer", o->in * o->hidden + o->hidden * o->out + 2,
                    "每层只算一个偏置");
    aics_result_int(r, "mistake.no_bias", params_net(o, AICS_MISTAKE_NO_BIAS_ADD), "不算偏置");
    aics_result_int(r, "mistake.input_bias", params_formula(o) + o->in, "给输入神经元也加偏置");
}

static const aics_opt opts[] = {
    {"in", AICS_OPT_INT, &opt.in, "N", "输入神经元个数", AICS_RANGE_CLOSED, 1, AICS_MLP_MAX_WIDTH, .kv = "net.in"},
    {"hidden", AICS_OPT_INT, &opt.hidden, "N", "隐层神经元个数", AICS_RANGE_CLOSED, 1, AICS_MLP_MAX_WIDTH, .kv = "net.hidden"},
    {"out", AICS_OPT_INT, &opt.out, "N", "输出神经元个数", AICS_RANGE_CLOSED, 1, AICS_MLP_MAX_WIDTH, .kv = "net.out"},
    {0},
};

/* The answer first, then the mistakes the page discusses. */
static void report(aics_result *r, const aics_run *run)
{
    const options *o = &opt;
    int64_t formula = params_formula(o), mlp = params_mlp(o), net = params_net(o, 0);
    aics_result_part_show(r, "answer", "33–512–10 单隐层 MLP 的可训练参数", AICS_SHOW_ANSWER);
    aics_report_options(r, run->program->opts);
    aics_result_note(r, "%lld–%lld–%lld 的单隐层 MLP，每个神经元有自己的偏置：", (long long)o->in,
                     (long long)o->hidden, (long long)o->out);
    aics_result_note(r, "(%lld+1)×%lld + (%lld+1)×%lld = %lld + %lld", (long long)o->in, (long long)o->hidden,
                     (long long)o->hidden, (long long)o->out, (long long)((o->in + 1) * o->hidden),
                     (long long)((o->hidden + 1) * o->out));
    aics_result_int(r, "params", formula, "可训练参数");
    aics_result_int(r, "params.weights", o->in * o->hidden + o->hidden * o->out, "其中权重");
    aics_result_int(r, "params.biases", o->hidden + o->out, "其中偏置（每个隐层和输出神经元一个）");
    aics_result_word(r, "params.check", formula == mlp && formula == net ? "pass" : "fail",
                     "公式、MLP 参数向量、网络计数三者一致");
    report_mistakes(r, o);
}

AICS_MAIN(.name = "ex2_2", .exercise = "2.2", .convention = "weights-plus-one-bias-per-neuron",
          .summary = "习题 2.2：33–512–10 单隐层 MLP 的可训练参数个数。",
          .details = "约定：全连接层每个神经元一个偏置，输入层没有参数。",
          .opts = opts, .report = report)
