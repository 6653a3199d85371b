/* test_bandit.c — the k-armed bandit and the ε-greedy agent (src/models/bandit.h):
 * reproducible curves, a stated margin over random choice, and the testbed's
 * statistics against exact values. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bandit.h"

enum { ARMS = 10, RUNS = 500, STEPS = 1000 };

/* E[max of 10 independent N(0,1)], a tabulated order statistic (Harter 1961). */
#define EXPECTED_MAX_OF_10 1.5387527308

typedef struct {
    double reward[STEPS], optimal[STEPS];
    aics_bandit_curves c;
} curves;

static curves *experiment(double epsilon, int runs, uint64_t seed)
{
    curves *k = calloc(1, sizeof *k);
    ck_assert(k);
    k->c.avg_reward = k->reward;
    k->c.optimal = k->optimal;
    aics_bandit_experiment(ARMS, epsilon, runs, STEPS, seed, &k->c);
    return k;
}

START_TEST(test_same_seed_same_curves)
{
    curves *a = experiment(0.1, 50, 7), *b = experiment(0.1, 50, 7), *c = experiment(0.1, 50, 8);
    ck_assert_msg(memcmp(a->reward, b->reward, sizeof a->reward) == 0 &&
                      memcmp(a->optimal, b->optimal, sizeof a->optimal) == 0,
                  "two experiments with the same seed must give identical curves");
    ck_assert_msg(memcmp(a->reward, c->reward, sizeof a->reward) != 0, "another seed should give other curves");
    free(a), free(b), free(c);
}
END_TEST

/* The stated margin: over the last 100 of 1000 steps, ε = 0.1 earns at least
 * 0.8 more reward per step than random choice (expected about 1.35 more, with a
 * standard error near 0.03 at 500 runs), and picks the best arm at least 60% of
 * the time where random choice manages about 10%. */
START_TEST(test_epsilon_greedy_beats_random)
{
    curves *g = experiment(0.1, RUNS, 12), *r = experiment(1.0, RUNS, 12);
    double g_reward = aics_bandit_mean(g->reward, STEPS - STEPS / 10, STEPS);
    double r_reward = aics_bandit_mean(r->reward, STEPS - STEPS / 10, STEPS);
    double g_opt = aics_bandit_mean(g->optimal, STEPS - STEPS / 10, STEPS);
    double r_opt = aics_bandit_mean(r->optimal, STEPS - STEPS / 10, STEPS);
    ck_assert_msg(g_reward - r_reward >= 0.8, "epsilon-greedy should beat random by 0.8 reward, got %g vs %g",
                  g_reward, r_reward);
    ck_assert_msg(g_opt >= 0.6, "epsilon-greedy should pick the best arm 60%% of the time, got %g", g_opt);
    /* Random choice hits the best arm 1/k of the time: 50000 draws, σ ≈ 0.0013. */
    ck_assert_msg(fabs(r_opt - 1.0 / ARMS) < 0.01, "random choice should pick the best arm 1/%d of the time, got %g",
                  ARMS, r_opt);
    ck_assert_msg(fabs(r_reward) < 0.1, "random choice should earn about E[q*] = 0, got %g", r_reward);
    free(g), free(r);
}
END_TEST

/* max q* averaged over 2000 runs, against the exact expectation: the standard
 * deviation of the max of 10 normals is about 0.59, so the standard error is
 * 0.013 and 0.05 is almost 4 of them. */
START_TEST(test_best_arm_value_matches_theory)
{
    curves *k = experiment(0.0, 2000, 3);
    ck_assert_msg(fabs(k->c.best_mean - EXPECTED_MAX_OF_10) < 0.05, "mean max q* should be near %g, got %g",
                  EXPECTED_MAX_OF_10, k->c.best_mean);
    free(k);
}
END_TEST

START_TEST(test_learning_is_the_running_mean)
{
    aics_agent a;
    aics_agent_init(&a, 3, 0.0);
    const double rewards[] = {1.0, 2.0, 3.0, 4.0};
    for (int i = 0; i < 4; i++) aics_agent_learn(&a, 1, rewards[i]);
    ck_assert_msg(fabs(a.q[1] - 2.5) < 1e-15, "Q should be the mean 2.5 of the rewards, got %g", a.q[1]);
    ck_assert_int_eq(a.pulls[1], 4);
    ck_assert_msg(a.q[0] == 0.0 && a.pulls[0] == 0, "an arm never pulled keeps Q = 0");
}
END_TEST

START_TEST(test_greedy_takes_the_best_estimate)
{
    aics_agent a;
    aics_rng rng;
    aics_rng_seed(&rng, 1, 0);
    aics_agent_init(&a, 4, 0.0);
    aics_agent_learn(&a, 2, 5.0);
    aics_agent_learn(&a, 0, 1.0);
    for (int i = 0; i < 100; i++) ck_assert_int_eq(aics_agent_choose(&a, &rng), 2);
}
END_TEST

START_TEST(test_pull_mean_is_q_true)
{
    aics_rng rng;
    aics_rng_seed(&rng, 5, 1);
    aics_bandit b;
    aics_bandit_init(&b, ARMS, &rng);
    for (int a = 0; a < ARMS; a++) ck_assert(b.q_true[a] <= b.q_true[b.best]);
    double sum = 0.0;
    for (int i = 0; i < 100000; i++) sum += aics_bandit_pull(&b, 3, &rng);
    /* σ = 1, so the mean of 1e5 pulls has standard error 0.0032. */
    ck_assert_msg(fabs(sum / 100000 - b.q_true[3]) < 0.02, "mean reward should be q*(3) = %g, got %g", b.q_true[3],
                  sum / 100000);
}
END_TEST

/* Equal estimates: ties are broken uniformly at random, not toward arm 0.
 * 10000 choices among 4 arms: 2500 each, σ ≈ 43, tolerance 250. */
START_TEST(test_ties_broken_at_random)
{
    aics_agent a;
    aics_rng rng;
    aics_rng_seed(&rng, 9, 0);
    aics_agent_init(&a, 4, 0.0);
    int count[4] = {0};
    for (int i = 0; i < 10000; i++) count[aics_agent_choose(&a, &rng)]++;
    for (int k = 0; k < 4; k++)
        ck_assert_msg(abs(count[k] - 2500) < 250, "arm %d was chosen %d times of 10000, not about 2500", k, count[k]);
}
END_TEST

START_TEST(test_one_arm_is_always_optimal)
{
    enum { N = 20 };
    double reward[N], optimal[N];
    aics_bandit_curves c = {reward, optimal, 0};
    aics_bandit_experiment(1, 0.5, 3, N, 4, &c);
    for (int t = 0; t < N; t++) ck_assert_msg(optimal[t] == 1.0, "with one arm every pull is optimal");
    ck_assert_double_eq(aics_bandit_mean((const double[]){1, 2, 3, 6}, 2, 4), 4.5);
}
END_TEST

Suite *bandit_suite(void)
{
    Suite *s = suite_create("bandit");
    TCase *core = tcase_create("Core");
    tcase_add_test(core, test_same_seed_same_curves);
    tcase_add_test(core, test_epsilon_greedy_beats_random);
    tcase_add_test(core, test_best_arm_value_matches_theory);
    tcase_add_test(core, test_learning_is_the_running_mean);
    tcase_add_test(core, test_greedy_takes_the_best_estimate);
    suite_add_tcase(s, core);
    TCase *limits = tcase_create("Limits");
    tcase_add_test(limits, test_pull_mean_is_q_true);
    tcase_add_test(limits, test_ties_broken_at_random);
    tcase_add_test(limits, test_one_arm_is_always_optimal);
    suite_add_tcase(s, limits);
    return s;
}
