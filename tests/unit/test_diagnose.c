/* test_diagnose.c — naming counting mistakes from a submitted total. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "diagnose.h"
#include "netcount.h"

static const char *const nets[] = {"alexnet", "vgg19", "resnet152"};
static const char *const fields[] = {"mul", "add", "mac", "neurons", "params"};

/* The kv diagnosis of VALUE for TAG. */
static void explain_kv(aics_diagnoser *d, const char *tag, int64_t v, aics_buf *out)
{
    aics_diagnosis dg;
    ck_assert_msg(aics_diagnose(d, tag, v, &dg), "%s: no diagnosis", tag);
    aics_diagnosis_kv(&dg, out);
}

/* Every single mistake that changes a total is named, alone or as an
 * alternative of the same size, when that total is submitted. */
START_TEST(each_mistake_is_named)
{
    aics_diagnoser *d = aics_diagnoser_new();
    int named = 0;
    for (int n = 0; n < 3; n++)
        for (int f = 0; f < 5; f++)
            for (unsigned b = 0; b < AICS_DIAG_COUNT; b++) {
                char tag[64], err[256], line[300];
                int64_t right, wrong;
                snprintf(tag, sizeof tag, "%s:%s", nets[n], fields[f]);
                ck_assert_msg(aics_diagnose_count(d, tag, 0, &right, err, sizeof err), "%s: %s", tag, err);
                if (!aics_diagnose_count(d, tag, 1u << b, &wrong, err, sizeof err) || wrong == right)
                    continue; /* e.g. groups in VGG, or no torchvision VGG: nothing to name */
                aics_buf out = AICS_BUF_INIT;
                explain_kv(d, tag, wrong, &out);
                snprintf(line, sizeof line, " %s\n", aics_diag_id(1u << b));
                ck_assert_msg(strstr(out.data, "match exact\n") && strstr(out.data, line),
                              "%s under '%s' should be named, but the diagnosis was: %s", tag,
                              aics_diag_id(1u << b), out.data);
                aics_buf_free(&out);
                named++;
            }
    ck_assert_msg(named >= 50, "Most mistakes should change some total; only %d did.", named);
    aics_diagnoser_free(d);
}
END_TEST

/* The numbers of issue 13, each computed by hand from the network's layers. */
START_TEST(catalogue_examples)
{
    static const struct {
        const char *net, *field;
        int64_t value;
        const char *want;
    } cases[] = {
        /* conv C_out·(C_in·1 − 1) without groups, kernel or positions, FC as 3 operations */
        {"alexnet", "add", 367555, "mistakes add_nif_minus_1,fc_as_one,no_groups,no_kernel,no_spatial\n"
                                   "alternative fc_as_one,no_bias_add,no_groups,no_kernel,no_spatial\n"},
        /* 724,406,816 − (9216 + 4096)·4096 − 4096·1000 */
        {"alexnet", "mul", 665784864, "mistakes no_fc\n"},
        /* 2 × 19,632,062,464 */
        {"vgg19", "mul", 39264124928LL, "mistakes flops\n"},
        {"alexnet", "mul", 714188480, "mistakes torchvision\n"},
        {"resnet152", "mul", 11513626624LL, "mistakes torchvision\n"},
        /* 724,406,816 − 96·3·121·(55² − 54²) */
        {"alexnet", "mul", 720608384, "mistakes input224\n"},
        {"alexnet", "add", 723747544, "mistakes add_nif_minus_1\nalternative no_bias_add\n"},
        {"resnet152", "mul", 10922754048LL, "mistakes no_projection\n"},
        /* 60,192,808 + Σ (2·C + 1) over the 155 BatchNorm layers */
        {"resnet152", "params", 60344387, "mistakes bn_stats\n"},
        /* 659,272 + 3·227² */
        {"alexnet", "neurons", 813859, "mistakes neurons_input\n"},
        /* 10 × 659,272: bvlc_alexnet's deploy file says batch 10 */
        {"alexnet", "neurons", 6592720, "mistakes file_batch\n"},
    };
    aics_diagnoser *d = aics_diagnoser_new();
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char tag[64];
        snprintf(tag, sizeof tag, "%s:%s", cases[i].net, cases[i].field);
        aics_buf out = AICS_BUF_INIT;
        explain_kv(d, tag, cases[i].value, &out);
        ck_assert_msg(strncmp(out.data, "match exact\n", 12) == 0 && strstr(out.data, cases[i].want),
                      "%s %lld should be explained by %s, but: %s", tag, (long long)cases[i].value,
                      cases[i].want, out.data);
        aics_buf_free(&out);
    }
    aics_diagnoser_free(d);
}
END_TEST

/* ResNet-152's deploy file says batch 1: ×10 is no file_batch mistake there. */
START_TEST(file_batch_is_the_files_own)
{
    aics_diagnoser *d = aics_diagnoser_new();
    int64_t right, batched;
    char err[256];
    ck_assert(aics_diagnose_count(d, "resnet152:neurons", 0, &right, err, sizeof err));
    ck_assert(aics_diagnose_count(d, "resnet152:neurons", AICS_DIAG_FILE_BATCH, &batched, err, sizeof err));
    ck_assert_msg(batched == right, "file_batch changes nothing for a batch-1 file: %lld vs %lld",
                  (long long)batched, (long long)right);
    aics_buf out = AICS_BUF_INIT;
    explain_kv(d, "resnet152:neurons", 10 * right, &out);
    ck_assert_msg(!strstr(out.data, "file_batch"), "×10 is not ResNet-152's batch: %s", out.data);
    aics_buf_free(&out);
    aics_diagnoser_free(d);
}
END_TEST

START_TEST(near_is_a_guess_within_one_percent)
{
    aics_diagnoser *d = aics_diagnoser_new();
    int64_t right;
    char err[256];
    ck_assert(aics_diagnose_count(d, "vgg19:params", 0, &right, err, sizeof err));
    aics_buf out = AICS_BUF_INIT;
    ck_assert(aics_diagnose_value(d, "vgg19:params", right - 7, AICS_LANG_EN, &out));
    ck_assert_msg(strstr(out.data, "a guess") && strstr(out.data, "off by -7"),
                  "A total 7 below the correct one should be a guess, 'off by -7': %s", out.data);
    aics_buf_free(&out);
    explain_kv(d, "vgg19:params", right - 7, &out);
    ck_assert_msg(strstr(out.data, "match near\nmistakes none\n"), "Near the correct count: %s", out.data);
    aics_buf_free(&out);
    explain_kv(d, "vgg19:params", right / 2 + 12345, &out);
    ck_assert_msg(strstr(out.data, "match none\n"), "Far from everything, no guess: %s", out.data);
    aics_buf_free(&out);
    aics_diagnoser_free(d);
}
END_TEST

START_TEST(tags_and_mistake_lists_are_checked)
{
    char err[256];
    unsigned m;
    ck_assert_msg(!aics_diagnose_tag_ok("lenet:mul", err, sizeof err) && strstr(err, "unknown network"),
                  "An unknown network should be refused: %s", err);
    ck_assert_msg(!aics_diagnose_tag_ok("alexnet:flops", err, sizeof err) && strstr(err, "FIELD"),
                  "An unknown field should be refused: %s", err);
    ck_assert_msg(!aics_diagnose_tag_ok("alexnet", err, sizeof err), "A tag without a field should be refused.");
    ck_assert_msg(aics_diagnose_parse_mistakes("no_groups,batch10", &m) &&
                  m == (AICS_DIAG_NO_GROUPS | AICS_DIAG_FILE_BATCH), "A mistake list should parse into bits.");
    ck_assert_msg(aics_diagnose_parse_mistakes("file_batch", &m) && m == AICS_DIAG_FILE_BATCH,
                  "file_batch is the new id of batch10.");
    ck_assert_msg(aics_diagnose_parse_mistakes("none", &m) && m == 0, "'none' should be no mistakes.");
    ck_assert_msg(!aics_diagnose_parse_mistakes("no_brain", &m), "An unknown mistake should be refused.");
    for (unsigned b = 1; b < AICS_DIAG_COUNT; b++)
        ck_assert_msg(strcmp(aics_diag_id(1u << (b - 1)), aics_diag_id(1u << b)) < 0,
                      "Catalogue ids are sorted, so a set's ids print sorted.");
}
END_TEST

Suite *diagnose_suite(void)
{
    Suite *s = suite_create("diagnose");
    TCase *core = tcase_create("Core");
    tcase_add_test(core, each_mistake_is_named);
    tcase_add_test(core, catalogue_examples);
    tcase_add_test(core, near_is_a_guess_within_one_percent);
    tcase_add_test(core, file_batch_is_the_files_own);
    suite_add_tcase(s, core);
    TCase *limits = tcase_create("Limits");
    tcase_add_test(limits, tags_and_mistake_lists_are_checked);
    suite_add_tcase(s, limits);
    return s;
}
