/* test_diagnose.c — naming counting mistakes from a submitted total. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "diagnose.h"
#include "netcount.h"

static const char *const nets[] = {"alexnet", "vgg19", "resnet152"};
static const char *const fields[] = {"mul", "add", "mac", "neurons", "params"};

/* Every single mistake that changes a total is named when that total is submitted. */
START_TEST(each_mistake_is_named)
{
    aics_diagnoser *d = aics_diagnoser_new();
    int named = 0;
    for (int n = 0; n < 3; n++)
        for (int f = 0; f < 5; f++)
            for (unsigned b = 0; b < AICS_MISTAKE_COUNT; b++) {
                char tag[64], err[256], desc[256], line[300];
                int64_t right, wrong;
                snprintf(tag, sizeof tag, "%s:%s", nets[n], fields[f]);
                ck_assert_msg(aics_diagnose_count(d, tag, 0, &right, err, sizeof err) &&
                              aics_diagnose_count(d, tag, 1u << b, &wrong, err, sizeof err),
                              "%s should count under every convention: %s", tag, err);
                if (wrong == right) continue; /* e.g. groups in VGG: nothing to name */
                aics_buf out = AICS_BUF_INIT;
                ck_assert_msg(aics_diagnose_value(d, tag, wrong, &out), "%s: no diagnosis", tag);
                aics_mistake_describe(1u << b, desc, sizeof desc);
                snprintf(line, sizeof line, "with: %s\n", desc);
                char alt[300];
                snprintf(alt, sizeof alt, "- %s\n", desc);
                ck_assert_msg(strstr(out.data, line) || strstr(out.data, alt),
                              "%s under '%s' should be named, but the diagnosis was: %s", tag, desc, out.data);
                aics_buf_free(&out);
                named++;
            }
    ck_assert_msg(named >= 30, "Most mistakes should change some total; only %d did.", named);
    aics_diagnoser_free(d);
}
END_TEST

START_TEST(near_misses_show_the_nearest)
{
    aics_diagnoser *d = aics_diagnoser_new();
    int64_t right;
    char err[256];
    ck_assert(aics_diagnose_count(d, "vgg19:params", 0, &right, err, sizeof err));
    aics_buf out = AICS_BUF_INIT;
    ck_assert(aics_diagnose_value(d, "vgg19:params", right - 7, &out));
    ck_assert_msg(strstr(out.data, "matches no known convention") && strstr(out.data, "off by -7"),
                  "A total 7 below the correct one should be 'off by -7' from the nearest: %s", out.data);
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
                  m == (AICS_MISTAKE_NO_GROUPS | AICS_MISTAKE_BATCH10), "A mistake list should parse into flags.");
    ck_assert_msg(aics_diagnose_parse_mistakes("none", &m) && m == 0, "'none' should be no mistakes.");
    ck_assert_msg(!aics_diagnose_parse_mistakes("no_brain", &m), "An unknown mistake should be refused.");
}
END_TEST

Suite *diagnose_suite(void)
{
    Suite *s = suite_create("diagnose");
    TCase *core = tcase_create("Core");
    tcase_add_test(core, each_mistake_is_named);
    tcase_add_test(core, near_misses_show_the_nearest);
    suite_add_tcase(s, core);
    TCase *limits = tcase_create("Limits");
    tcase_add_test(limits, tags_and_mistake_lists_are_checked);
    suite_add_tcase(s, limits);
    return s;
}
