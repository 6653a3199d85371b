/* test_caffe.c — the Caffe reader: both syntaxes, the four input forms, the
 * TEST phase, in-place layers, unknown types and enums, errors with
 * file:line:col; every file in $AICS_SHARED/nets loads, and the built-in
 * networks equal their Caffe files layer by layer. */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caffe.h"
#include "netcount.h"
#include "unit.h"

static char err[600];

static aics_net *parse(const char *text, bool allow_unknown)
{
    err[0] = '\0';
    return aics_caffe_parse(text, strlen(text), "t.prototxt", allow_unknown, err, sizeof err);
}

static const char *const v1_text =
    "name: \"tiny\"\ninput: \"data\"\ninput_dim: 10\ninput_dim: 3\ninput_dim: 8\ninput_dim: 8\n"
    "layers { bottom: \"data\" top: \"c\" name: \"c\" type: CONVOLUTION\n"
    "  convolution_param { num_output: 4 kernel_size: 3 pad: 1 group: 1 } }\n"
    "layers { bottom: \"c\" top: \"c\" name: \"r\" type: RELU }\n"
    "layers { bottom: \"c\" top: \"p\" name: \"p\" type: POOLING pooling_param { pool: MAX kernel_size: 3 stride: 2 } }\n"
    "layers { bottom: \"p\" top: \"f\" name: \"f\" type: INNER_PRODUCT inner_product_param { num_output: 10 } }\n"
    "layers { bottom: \"f\" top: \"prob\" name: \"prob\" type: SOFTMAX }\n";

START_TEST(v1_syntax_with_input_dim)
{
    aics_net *n = parse(v1_text, false);
    ck_assert_msg(n, "The V1 net should load: %s", err);
    ck_assert_str_eq(n->name, "t");
    ck_assert_uint_eq(n->nlayers, 6);
    ck_assert_msg(n->layers[0].type == AICS_LAYER_INPUT && n->layers[0].out.c == 3, "input: + input_dim gives 3×8×8.");
    ck_assert_msg(n->layers[2].in_place, "The ReLU works in place.");
    ck_assert_msg(n->layers[3].out.h == 4, "Pooling 8 by 3/2 rounds up to 4, got %lld", (long long)n->layers[3].out.h);
    aics_net_totals t;
    ck_assert(aics_net_count_totals(n, 0, &t));
    /* conv: 4·8·8 outputs × 27 = 6912; fc: 10 × 64 = 640. Batch 10 is ignored. */
    ck_assert_msg(t.mul == 6912 + 640, "mul = 6912 + 640 per image, got %lld", (long long)t.mul);
    ck_assert_msg(t.params == 4 * 27 + 4 + 640 + 10, "params = 112 + 650, got %lld", (long long)t.params);
    aics_net_free(n);
}
END_TEST

START_TEST(four_input_forms)
{
    static const char *const forms[] = {
        "input: \"data\" input_dim: 1 input_dim: 3 input_dim: 5 input_dim: 7\n",
        "input: \"data\" input_shape { dim: 10 dim: 3 dim: 5 dim: 7 }\n",
        "layer { name: \"data\" type: \"Input\" top: \"data\" input_param { shape: { dim: 2 dim: 3 dim: 5 dim: 7 } } }\n",
        "layer { name: \"data\" type: \"Data\" top: \"data\" input_param: { shape { dim: 1 dim: 3 dim: 5 dim: 7 } } }\n",
    };
    for (size_t i = 0; i < 4; i++) {
        char text[600];
        snprintf(text, sizeof text, "%slayer { name: \"r\" type: \"ReLU\" bottom: \"data\" top: \"r\" }\n", forms[i]);
        aics_net *n = parse(text, false);
        ck_assert_msg(n, "Input form %zu should load: %s", i + 1, err);
        aics_blob_shape s = n->layers[0].out;
        ck_assert_msg(s.c == 3 && s.h == 5 && s.w == 7, "Input form %zu gives 3×5×7.", i + 1);
        static const int64_t batch[] = {1, 10, 2, 1};
        ck_assert_msg(n->batch == batch[i], "Input form %zu states batch %lld, read %lld.", i + 1,
                      (long long)batch[i], (long long)n->batch);
        aics_net_free(n);
    }
    /* A Data layer with only crop_size, for TRAIN only, still defines the input. */
    aics_net *n = parse("layer { name: \"data\" type: \"Data\" top: \"data\" top: \"label\"\n"
                        "  include { phase: TRAIN } transform_param { crop_size: 9 } }\n"
                        "layer { name: \"r\" type: \"ReLU\" bottom: \"data\" top: \"r\" }\n"
                        "layer { name: \"loss\" type: \"SoftmaxWithLoss\" bottom: \"r\" bottom: \"label\" top: \"loss\" }\n",
                        false);
    ck_assert_msg(n, "A TRAIN-only Data layer should still define the input: %s", err);
    ck_assert_msg(n->layers[0].out.c == 3 && n->layers[0].out.h == 9, "crop_size 9 gives 3×9×9.");
    ck_assert_msg(n->batch == 0, "No batch stated: 0, read %lld.", (long long)n->batch);
    aics_net_free(n);
    /* data_param's batch_size is the batch of a Data layer with crop_size. */
    n = parse("layer { name: \"data\" type: \"Data\" top: \"data\" data_param { batch_size: 64 }\n"
              "  transform_param { crop_size: 9 } }\n"
              "layer { name: \"r\" type: \"ReLU\" bottom: \"data\" top: \"r\" }\n", false);
    ck_assert_msg(n && n->batch == 64, "data_param batch_size 64 should be the batch: %s", err);
    aics_net_free(n);
    /* Of two TRAIN-only Data layers with the same top, the first defines it:
     * the second finds the blob defined already (a kept layer's top). */
    n = parse("layer { name: \"a\" type: \"Data\" top: \"data\" include { phase: TRAIN }\n"
              "  transform_param { crop_size: 9 } }\n"
              "layer { name: \"b\" type: \"Data\" top: \"data\" include { phase: TRAIN }\n"
              "  transform_param { crop_size: 5 } }\n"
              "layer { name: \"r\" type: \"ReLU\" bottom: \"data\" top: \"r\" }\n", false);
    ck_assert_msg(n, "Two TRAIN-only Data layers should load: %s", err);
    ck_assert_uint_eq(n->nlayers, 2);
    ck_assert_msg(n->layers[0].out.h == 9, "The first Data layer (9×9) defines the input.");
    aics_net_free(n);
}
END_TEST

START_TEST(test_phase_is_used)
{
    aics_net *n = parse("layer { name: \"d\" type: \"Input\" top: \"data\" include { phase: TRAIN }\n"
                        "  input_param { shape { dim: 64 dim: 3 dim: 32 dim: 32 } } }\n"
                        "layer { name: \"d\" type: \"Input\" top: \"data\" include { phase: TEST }\n"
                        "  input_param { shape { dim: 1 dim: 3 dim: 16 dim: 16 } } }\n"
                        "layer { name: \"drop\" type: \"Dropout\" bottom: \"data\" top: \"data\" exclude { phase: TEST } }\n"
                        "layer { name: \"acc\" type: \"Accuracy\" bottom: \"data\" top: \"acc\" include { phase: TEST } }\n",
                        false);
    ck_assert_msg(n, "Should load: %s", err);
    ck_assert_uint_eq(n->nlayers, 2);
    ck_assert_msg(n->layers[0].out.h == 16, "The TEST input (16×16) is used.");
    ck_assert_msg(n->layers[1].type == AICS_LAYER_NOWORK, "Accuracy does no inference work.");
    aics_net_free(n);
}
END_TEST

START_TEST(rectangular_and_grouped_fields)
{
    aics_net *n = parse("input: \"data\" input_shape { dim: 1 dim: 4 dim: 10 dim: 8 }\n"
                        "layer { name: \"c\" type: \"Convolution\" bottom: \"data\" top: \"c\"\n"
                        "  convolution_param { num_output: 6 kernel_h: 3 kernel_w: 1 stride_h: 2 pad_h: 1 pad_w: 0\n"
                        "    stride_w: 1 group: 2 bias_term: false engine: CAFFE weight_filler { type: \"msra\" } } }\n"
                        "layer { name: \"d\" type: \"Convolution\" bottom: \"c\" top: \"d\"\n"
                        "  convolution_param { num_output: 6 kernel_size: 3 dilation: 2 } }\n",
                        false);
    ck_assert_msg(n, "Should load: %s", err);
    aics_blob_shape o = n->layers[1].out;
    ck_assert_msg(o.c == 6 && o.h == 5 && o.w == 8, "3×1 kernel, stride 2×1, pad 1×0 on 10×8: 6×5×8.");
    ck_assert_msg(n->layers[2].out.h == 1 && n->layers[2].out.w == 4, "Dilation 2 spans 5: 5×8 → 1×4.");
    aics_layer_counts c;
    aics_net_error e;
    ck_assert(aics_layer_count(n, 1, 0, &c, &e));
    ck_assert_msg(c.mul == 240 * 6 && c.add == 240 * 5 && c.params == 36,
                  "Fan-in (4/2)·3 = 6: mul 1440, add 1200 (no bias), params 36.");
    aics_net_free(n);
}
END_TEST

START_TEST(unknown_types)
{
    const char *text = "input: \"data\" input_dim: 1 input_dim: 3 input_dim: 4 input_dim: 4\n"
                       "layer { name: \"weird\" type: \"Swish\" bottom: \"data\" top: \"s\" }\n"
                       "layer { name: \"r\" type: \"ReLU\" bottom: \"s\" top: \"r\" }\n";
    ck_assert_msg(!parse(text, false), "An unknown type is an error.");
    ck_assert_str_eq(err, "t.prototxt:2:23: unknown layer type 'Swish' in layer 'weird' "
                          "(use --allow-unknown to count it as zero)");
    aics_net *n = parse(text, true);
    ck_assert_msg(n && n->layers[1].type == AICS_LAYER_UNKNOWN, "With allow_unknown it loads: %s", err);
    ck_assert_msg(n->layers[2].out.h == 4, "An unknown layer keeps its input's shape.");
    aics_net_free(n);
    ck_assert_msg(!parse("input: \"data\" input_dim: 1 input_dim: 3 input_dim: 4 input_dim: 4\n"
                         "layers { name: \"x\" type: FOO bottom: \"data\" top: \"x\" }\n", true),
                  "A V1 type outside the enum is an error even with allow_unknown.");
    ck_assert_msg(strstr(err, "t.prototxt:2:") && strstr(err, "unknown value 'FOO'"), "Got: %s", err);
    ck_assert_msg(!parse("input: \"data\" input_dim: 1 input_dim: 3 input_dim: 4 input_dim: 4\n"
                         "layer { name: \"p\" type: \"Pooling\" bottom: \"data\" top: \"p\"\n"
                         "  pooling_param { pool: MEDIAN kernel_size: 2 } }\n", false),
                  "An unknown enum value is an error.");
    ck_assert_str_eq(err, "t.prototxt:3:19: unknown value 'MEDIAN' for 'pool' (expected MAX, AVE, STOCHASTIC)");
}
END_TEST

START_TEST(errors_name_file_line_and_column)
{
    static const struct {
        const char *text, *want;
    } cases[] = {
        {"input: \"data\" input_dim: 1 input_dim: 3 input_dim: 4 input_dim: 4\n"
         "layer { name: \"r\" type: \"ReLU\" bottom: \"nope\" top: \"r\" }\n",
         "t.prototxt:2:1: layer 'r' (ReLU): bottom 'nope' is not produced by any layer before it"},
        {"input: \"data\" input_dim: 1 input_dim: 3 input_dim: 4 input_dim: 4\n"
         "layer { name: \"a\" type: \"ReLU\" bottom: \"b\" top: \"a\" }\n"
         "layer { name: \"b\" type: \"ReLU\" bottom: \"a\" top: \"b\" }\n",
         "t.prototxt:2:1: layer 'a' (ReLU): bottom 'b' is produced only later, by layer 'b' below: "
         "the graph has a cycle or is out of order"},
        {"input: \"data\" input_dim: 1 input_dim: 3 input_dim: 0 input_dim: 4\n",
         "t.prototxt:1:15: input dimension 3 is 0: sizes must be positive"},
        {"input: \"data\" input_dim: 1 input_dim: 3 input_dim: 4 input_dim: 4\n"
         "layer { name: \"c\" type: \"Convolution\" bottom: \"data\" top: \"c\"\n"
         "  convolution_param { num_output: 2 kernel_size: 9 } }\n",
         "t.prototxt:2:1: layer 'c' (Convolution): kernel 9x9 (dilation 1x1) is larger than the padded input 4x4"},
        {"input: \"data\" input_dim: 1 input_dim: 3 input_dim: 4\n",
         "t.prototxt:1:15: expected 4 input_dim values per input (1 inputs), found 3"},
        {"input: \"data\" input_dim: 1 input_dim: 3 input_dim: 4 input_dim: 4\n"
         "layer { name: \"c\" type: \"Convolution\" bottom: \"data\" top: \"c\"\n"
         "  convolution_param { num_output: two kernel_size: 3 } }\n",
         "t.prototxt:3:23: expected an integer for 'num_output', got 'two'"},
        {"name: \"x\"\n", "t.prototxt:1:1: no layers and no input: expected 'layer { … }' or 'input:'"},
        {"input: \"data\" input_dim: 1 input_dim: 3 input_dim: 4 input_dim: 4\n"
         "layer { name: \"c\" type: \"Convolution\" bottom: \"data\" top: \"c\"\n"
         "  convolution_param { num_output: 1048576 kernel_size: 1 } }\n"
         "layer { name: \"d\" type: \"Convolution\" bottom: \"c\" top: \"d\"\n"
         "  convolution_param { num_output: 1 kernel_size: 1 pad: 4611686018427387904 } }\n",
         "t.prototxt:4:1: layer 'd' (Convolution): pad is too large"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        aics_net *n = parse(cases[i].text, false);
        ck_assert_msg(!n, "Case %zu should fail.", i);
        ck_assert_msg(strcmp(err, cases[i].want) == 0, "Case %zu: expected \"%s\", got \"%s\"", i, cases[i].want, err);
    }
    /* The parser's own errors come through unchanged. */
    ck_assert_msg(!parse("layer { name: \"x\"\n", false) && strncmp(err, "t.prototxt:1:", 13) == 0,
                  "An unclosed brace names line 1: %s", err);
    ck_assert_msg(!parse("", false) && strstr(err, "t.prototxt"), "An empty file is an error: %s", err);
    ck_assert_msg(!aics_caffe_parse("a\0b", 3, "bin.prototxt", false, err, sizeof err), "A binary file is an error.");
}
END_TEST

START_TEST(net_names)
{
    char name[64];
    aics_caffe_net_name("../shared/nets/ResNet-152-deploy.prototxt", name, sizeof name);
    ck_assert_str_eq(name, "resnet_152_deploy");
    aics_caffe_net_name("SqueezeNet_v1.0_deploy.prototxt", name, sizeof name);
    ck_assert_str_eq(name, "squeezenet_v1_0_deploy");
    aics_caffe_net_name("dir.d/noext", name, sizeof name);
    ck_assert_str_eq(name, "noext");
}
END_TEST

START_TEST(every_shared_net_loads)
{
    AICS_SKIP_WITHOUT_SHARED("nets");
    char path[512];
    snprintf(path, sizeof path, "%s/nets", aics_unit_shared());
    DIR *d = opendir(path);
    ck_assert_msg(d != NULL, "%s should open.", path);
    int loaded = 0;
    for (struct dirent *de; (de = readdir(d));) {
        size_t len = strlen(de->d_name);
        if (len < 9 || strcmp(de->d_name + len - 9, ".prototxt") != 0) continue;
        char file[800];
        snprintf(file, sizeof file, "%s/%s", path, de->d_name);
        aics_net *n = aics_caffe_load(file, false, err, sizeof err);
        ck_assert_msg(n, "%s should load: %s", de->d_name, err);
        aics_net_totals t;
        ck_assert_msg(aics_net_count_totals(n, 0, &t) && t.mul > 0 && t.params > 0, "%s should count.", de->d_name);
        aics_net_free(n);
        loaded++;
    }
    closedir(d);
    ck_assert_msg(loaded >= 16, "All 16 shared nets should be there, found %d.", loaded);
}
END_TEST

/* Built-in `name` against Caffe file `file`, layer by layer, by layer name. */
static void same_as_file(const char *name, const char *file)
{
    char path[512];
    snprintf(path, sizeof path, "%s/nets/%s", aics_unit_shared(), file);
    aics_net *f = aics_caffe_load(path, false, err, sizeof err), *b = aics_net_builtin(name);
    ck_assert_msg(f, "%s should load: %s", file, err);
    ck_assert_msg(f->nlayers == b->nlayers, "%s has %zu layers, the built-in %s %zu.", file, f->nlayers, name,
                  b->nlayers);
    aics_net_error e;
    for (size_t i = 0; i < b->nlayers; i++) {
        const aics_layer *lb = &b->layers[i];
        size_t j = 0;
        while (j < f->nlayers && strcmp(f->layers[j].name, lb->name) != 0) j++;
        ck_assert_msg(j < f->nlayers, "Layer %s of %s is missing from %s.", lb->name, name, file);
        const aics_layer *lf = &f->layers[j];
        ck_assert_msg(lf->type == lb->type, "%s: layer %s has a different type.", name, lb->name);
        ck_assert_msg(lf->out.c == lb->out.c && lf->out.h == lb->out.h && lf->out.w == lb->out.w,
                      "%s: layer %s is %lldx%lldx%lld in the file, %lldx%lldx%lld built in.", name, lb->name,
                      (long long)lf->out.c, (long long)lf->out.h, (long long)lf->out.w, (long long)lb->out.c,
                      (long long)lb->out.h, (long long)lb->out.w);
        aics_layer_counts cf, cb;
        ck_assert(aics_layer_count(f, j, 0, &cf, &e) && aics_layer_count(b, i, 0, &cb, &e));
        ck_assert_msg(memcmp(&cf, &cb, sizeof cf) == 0, "%s: layer %s counts differ from %s.", name, lb->name, file);
    }
    aics_net_free(f);
    aics_net_free(b);
}

/* The batch a built-in net records is its file's, and is `want` (the
 * numbers the book states for these files). */
static void same_batch_as_file(const char *name, const char *file, int64_t want)
{
    char path[512];
    snprintf(path, sizeof path, "%s/nets/%s", aics_unit_shared(), file);
    aics_net *f = aics_caffe_load(path, false, err, sizeof err), *b = aics_net_builtin(name);
    ck_assert_msg(f, "%s should load: %s", file, err);
    ck_assert_msg(f->batch == want && b->batch == want, "%s states batch %lld, built-in %s %lld; expected %lld.",
                  file, (long long)f->batch, name, (long long)b->batch, (long long)want);
    aics_net_free(f);
    aics_net_free(b);
}

START_TEST(builtins_match_their_caffe_files)
{
    AICS_SKIP_WITHOUT_SHARED("nets");
    same_as_file("alexnet", "bvlc_alexnet.prototxt");
    same_as_file("vgg19", "VGG_ILSVRC_19_layers_deploy.prototxt");
    same_as_file("resnet152", "ResNet-152-deploy.prototxt");
    same_batch_as_file("alexnet", "bvlc_alexnet.prototxt", 10);
    same_batch_as_file("vgg19", "VGG_ILSVRC_19_layers_deploy.prototxt", 10);
    same_batch_as_file("resnet152", "ResNet-152-deploy.prototxt", 1);
}
END_TEST

Suite *caffe_suite(void)
{
    Suite *s = suite_create("caffe");
    TCase *core = tcase_create("Core");
    tcase_add_test(core, v1_syntax_with_input_dim);
    tcase_add_test(core, four_input_forms);
    tcase_add_test(core, test_phase_is_used);
    tcase_add_test(core, rectangular_and_grouped_fields);
    tcase_add_test(core, net_names);
    tcase_add_test(core, every_shared_net_loads);
    tcase_add_test(core, builtins_match_their_caffe_files);
    tcase_set_timeout(core, 30);
    suite_add_tcase(s, core);
    TCase *limits = tcase_create("Limits");
    tcase_add_test(limits, unknown_types);
    tcase_add_test(limits, errors_name_file_line_and_column);
    suite_add_tcase(s, limits);
    return s;
}
