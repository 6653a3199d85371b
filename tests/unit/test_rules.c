/* test_rules.c — forward chaining (src/models/rules.h): firing order, conflict
 * resolution, refraction and the animal rule base's hand-derived chains. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"

#define NZOO AICS_ZOOKEEPER_NRULES

static void load(aics_facts *f, const char *const *facts)
{
    aics_facts_init(f);
    for (int i = 0; facts[i]; i++) ck_assert(aics_facts_add(f, facts[i]));
}

/* Fire the zoo rules on `facts`; check the names fired, in order, and the animal. */
static void expect_chain(const char *const *facts, const char *const *names, const char *animal)
{
    aics_facts f;
    int fired[NZOO], n = 0;
    load(&f, facts);
    int nfired = aics_rules_forward(aics_zookeeper_rules, NZOO, &f, fired);
    while (names[n]) n++;
    ck_assert_msg(nfired == n, "%d rules should fire, but %d did", n, nfired);
    for (int i = 0; i < n; i++)
        ck_assert_msg(strcmp(aics_zookeeper_rules[fired[i]].name, names[i]) == 0, "firing %d should be %s, not %s", i + 1,
                      names[i], aics_zookeeper_rules[fired[i]].name);
    const char *got = aics_rules_goal(&f, aics_zookeeper_animals, AICS_ZOOKEEPER_NANIMALS);
    if (animal) ck_assert_msg(got && strcmp(got, animal) == 0, "the animal should be %s, not %s", animal, got ? got : "none");
    else ck_assert_msg(got == NULL, "no animal should be identified, but %s was", got);
}

/* Giraffe, by hand: only R2 applies (gives_milk → mammal); then R7 (mammal ∧
 * hoofs → ungulate) is the first applicable rule whose conclusion is new; then
 * R11; then nothing. */
START_TEST(test_giraffe_chain)
{
    for (int r = 0; r < AICS_ZOOKEEPER_NRULES; r++) /* a short initializer would leave empty rules */
        ck_assert_msg(aics_zookeeper_rules[r].name && aics_zookeeper_rules[r].then && aics_zookeeper_rules[r].if_all[0],
                      "Rule %d of the rule base should be filled in.", r + 1);
    expect_chain((const char *const[]){"dark_spots", "long_neck", "long_legs", "gives_milk", "hoofs", NULL},
                 (const char *const[]){"R2", "R7", "R11", NULL}, "giraffe");
}
END_TEST

START_TEST(test_other_animals)
{
    expect_chain((const char *const[]){"has_hair", "pointed_teeth", "claws", "forward_eyes", "tawny",
                                       "black_stripes", NULL},
                 (const char *const[]){"R1", "R6", "R10", NULL}, "tiger");
    expect_chain((const char *const[]){"has_feathers", "does_not_fly", "swims", "black_and_white", NULL},
                 (const char *const[]){"R3", "R14", NULL}, "penguin");
    /* Both R1 and R2 could prove mammal; refraction lets only the first fire. */
    expect_chain((const char *const[]){"has_hair", "gives_milk", "eats_meat", "tawny", "dark_spots", NULL},
                 (const char *const[]){"R1", "R5", "R9", NULL}, "cheetah");
    expect_chain((const char *const[]){"has_feathers", "long_neck", NULL},
                 (const char *const[]){"R3", NULL}, NULL);
}
END_TEST

/* When two rules apply at once, the earlier one in the list fires first. */
START_TEST(test_first_applicable_rule_wins)
{
    static const aics_rule rules[] = {
        {"late", {"b"}, "y"},
        {"early", {"a"}, "x"},
    };
    aics_facts f;
    int fired[2];
    load(&f, (const char *const[]){"a", "b", NULL});
    ck_assert_int_eq(aics_rules_forward(rules, 2, &f, fired), 2);
    ck_assert_msg(fired[0] == 0 && fired[1] == 1, "rules should fire in list order, got %d then %d", fired[0], fired[1]);
    ck_assert(aics_facts_has(&f, "x") && aics_facts_has(&f, "y"));
}
END_TEST

/* A derived fact enables a rule listed earlier: the engine rescans from the top. */
START_TEST(test_rescans_after_each_firing)
{
    static const aics_rule rules[] = {
        {"needs_b", {"b"}, "c"},
        {"makes_b", {"a"}, "b"},
    };
    aics_facts f;
    int fired[2];
    load(&f, (const char *const[]){"a", NULL});
    ck_assert_int_eq(aics_rules_forward(rules, 2, &f, fired), 2);
    ck_assert_msg(fired[0] == 1 && fired[1] == 0, "makes_b should fire before needs_b");
    ck_assert_int_eq(f.n, 3);
    ck_assert_str_eq(f.fact[2], "c");
}
END_TEST

START_TEST(test_goal_order)
{
    aics_facts f;
    load(&f, (const char *const[]){"tiger", "cheetah", NULL});
    ck_assert_str_eq(aics_rules_goal(&f, aics_zookeeper_animals, AICS_ZOOKEEPER_NANIMALS), "cheetah");
}
END_TEST

/* Rules that prove each other must not loop: each conclusion is added once. */
START_TEST(test_cycle_terminates)
{
    static const aics_rule rules[] = {
        {"ab", {"a"}, "b"},
        {"ba", {"b"}, "a"},
    };
    aics_facts f;
    int fired[2];
    load(&f, (const char *const[]){"a", NULL});
    ck_assert_int_eq(aics_rules_forward(rules, 2, &f, fired), 1);
    ck_assert_int_eq(fired[0], 0);
}
END_TEST

START_TEST(test_nothing_applies)
{
    aics_facts f;
    int fired[NZOO];
    load(&f, (const char *const[]){"swims", NULL});
    ck_assert_int_eq(aics_rules_forward(aics_zookeeper_rules, NZOO, &f, fired), 0);
    ck_assert_int_eq(f.n, 1);
    aics_facts_init(&f);
    ck_assert_int_eq(aics_rules_forward(aics_zookeeper_rules, NZOO, &f, fired), 0);
}
END_TEST

START_TEST(test_all_premises_needed)
{
    static const aics_rule six = {"six", {"p1", "p2", "p3", "p4", "p5", "p6"}, "q"};
    aics_facts f;
    load(&f, (const char *const[]){"p1", "p2", "p3", "p4", "p5", NULL});
    ck_assert_msg(!aics_rule_matches(&six, &f), "a rule with one premise missing must not match");
    ck_assert(aics_facts_add(&f, "p6"));
    ck_assert_msg(aics_rule_matches(&six, &f), "a rule with all %d premises known must match", AICS_RULE_MAX_IF);
    static const aics_rule axiom = {"axiom", {NULL}, "given"};
    int fired[1];
    aics_facts_init(&f);
    ck_assert_int_eq(aics_rules_forward(&axiom, 1, &f, fired), 1);
}
END_TEST

START_TEST(test_working_memory_limits)
{
    static char names[AICS_FACTS_MAX][16];
    aics_facts f;
    aics_facts_init(&f);
    for (int i = 0; i < AICS_FACTS_MAX; i++) {
        snprintf(names[i], sizeof names[i], "f%d", i);
        ck_assert(aics_facts_add(&f, names[i]));
    }
    ck_assert_msg(aics_facts_add(&f, "f0"), "adding a known fact to full memory is fine");
    ck_assert_msg(!aics_facts_add(&f, "new"), "a new fact must not fit in full memory");
    ck_assert_int_eq(f.n, AICS_FACTS_MAX);
}
END_TEST

/* Every fact a rule names has a Chinese name; unknown facts show as themselves. */
START_TEST(test_glossary_covers_rules)
{
    for (int r = 0; r < AICS_ZOOKEEPER_NRULES; r++) {
        const aics_rule *rule = &aics_zookeeper_rules[r];
        ck_assert_msg(aics_zookeeper_gloss(rule->then) != rule->then, "%s has no Chinese name", rule->then);
        for (int i = 0; i < AICS_RULE_MAX_IF && rule->if_all[i]; i++)
            ck_assert_msg(aics_zookeeper_gloss(rule->if_all[i]) != rule->if_all[i], "%s has no Chinese name",
                          rule->if_all[i]);
    }
    ck_assert_str_eq(aics_zookeeper_gloss("giraffe"), "长颈鹿");
    ck_assert_str_eq(aics_zookeeper_gloss("purple"), "purple");
    ck_assert(aics_zookeeper_mentions("tawny", false));
    ck_assert(!aics_zookeeper_mentions("giraffe", false)); /* only ever a conclusion */
    ck_assert(aics_zookeeper_mentions("giraffe", true));
    ck_assert(!aics_zookeeper_mentions("purple", true));
}
END_TEST

/* The giraffe query of test_giraffe_chain, through aics_zookeeper_infer, and
 * a query that fires nothing. */
START_TEST(test_infer_and_chain)
{
    const char *const giraffe[] = {"dark_spots", "long_neck", "long_legs", "gives_milk", "hoofs"};
    aics_inference in = aics_zookeeper_infer(giraffe, 5);
    char *chain = aics_zookeeper_chain(&in);
    ck_assert_str_eq(chain, "R2-R7-R11");
    ck_assert_str_eq(in.conclusion, "giraffe");
    free(chain);
    const char *const none[] = {"swims"};
    in = aics_zookeeper_infer(none, 1);
    chain = aics_zookeeper_chain(&in);
    ck_assert_str_eq(chain, "none");
    ck_assert_ptr_null(in.conclusion);
    free(chain);
}
END_TEST

Suite *rules_suite(void)
{
    Suite *s = suite_create("rules");
    TCase *core = tcase_create("Core");
    tcase_add_test(core, test_giraffe_chain);
    tcase_add_test(core, test_other_animals);
    tcase_add_test(core, test_first_applicable_rule_wins);
    tcase_add_test(core, test_rescans_after_each_firing);
    tcase_add_test(core, test_goal_order);
    tcase_add_test(core, test_glossary_covers_rules);
    tcase_add_test(core, test_infer_and_chain);
    suite_add_tcase(s, core);
    TCase *limits = tcase_create("Limits");
    tcase_add_test(limits, test_cycle_terminates);
    tcase_add_test(limits, test_nothing_applies);
    tcase_add_test(limits, test_all_premises_needed);
    tcase_add_test(limits, test_working_memory_limits);
    suite_add_tcase(s, limits);
    return s;
}
