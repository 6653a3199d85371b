/* bandit.c — k-armed bandit testbed and ε-greedy agent (see bandit.h). */
#include "bandit.h"

#include <string.h>

#include "error.h"

void aics_bandit_init(aics_bandit *b, int arms, aics_rng *rng)
{
    AICS_CHECK(arms >= 1 && arms <= AICS_BANDIT_MAX_ARMS, "a bandit has 1..AICS_BANDIT_MAX_ARMS arms");
    b->arms = arms;
    b->best = 0;
    for (int a = 0; a < arms; a++) {
        b->q_true[a] = aics_rng_normal(rng);
        if (b->q_true[a] > b->q_true[b->best]) b->best = a;
    }
}

double aics_bandit_pull(const aics_bandit *b, int arm, aics_rng *rng)
{
    AICS_CHECK(arm >= 0 && arm < b->arms, "the arm exists");
    return b->q_true[arm] + aics_rng_normal(rng);
}

void aics_agent_init(aics_agent *a, int arms, double epsilon)
{
    AICS_CHECK(arms >= 1 && arms <= AICS_BANDIT_MAX_ARMS, "an agent has 1..AICS_BANDIT_MAX_ARMS arms");
    AICS_CHECK(epsilon >= 0.0 && epsilon <= 1.0, "epsilon is a probability");
    memset(a, 0, sizeof *a);
    a->arms = arms;
    a->epsilon = epsilon;
}

// ANCHOR: agent
int aics_agent_choose(const aics_agent *a, aics_rng *rng)
{
    if (aics_rng_uniform(rng) < a->epsilon) return (int)aics_rng_below(rng, (uint32_t)a->arms);
    int best[AICS_BANDIT_MAX_ARMS], nbest = 0; /* all arms with the largest Q */
    for (int i = 0; i < a->arms; i++) {
        if (nbest > 0 && a->q[i] < a->q[best[0]]) continue;
        if (nbest > 0 && a->q[i] > a->q[best[0]]) nbest = 0;
        best[nbest++] = i;
    }
    return best[nbest == 1 ? 0 : aics_rng_below(rng, (uint32_t)nbest)];
}

void aics_agent_learn(aics_agent *a, int arm, double reward)
{
    a->pulls[arm]++;
    a->q[arm] += (reward - a->q[arm]) / (double)a->pulls[arm]; /* incremental mean */
}
// ANCHOR_END: agent

void aics_bandit_experiment(int arms, double epsilon, int runs, int steps, uint64_t seed,
                            aics_bandit_curves *out)
{
    AICS_CHECK(runs >= 1 && steps >= 1, "an experiment has runs and steps");
    for (int t = 0; t < steps; t++) out->avg_reward[t] = out->optimal[t] = 0.0;
    double best_sum = 0.0;
    for (int run = 0; run < runs; run++) {
        aics_rng rng;
        aics_rng_seed(&rng, seed, (uint64_t)run);
        aics_bandit b;
        aics_agent a;
        aics_bandit_init(&b, arms, &rng);
        aics_agent_init(&a, arms, epsilon);
        best_sum += b.q_true[b.best];
        for (int t = 0; t < steps; t++) {
            int arm = aics_agent_choose(&a, &rng);
            double r = aics_bandit_pull(&b, arm, &rng);
            aics_agent_learn(&a, arm, r);
            out->avg_reward[t] += r;
            out->optimal[t] += arm == b.best;
        }
    }
    for (int t = 0; t < steps; t++) {
        out->avg_reward[t] /= runs;
        out->optimal[t] /= runs;
    }
    out->best_mean = best_sum / runs;
}

double aics_bandit_mean(const double *v, int from, int to)
{
    AICS_CHECK(from >= 0 && from < to, "a non-empty range");
    double s = 0.0;
    for (int i = from; i < to; i++) s += v[i];
    return s / (to - from);
}
