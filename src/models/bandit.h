/* bandit.h — an ε-greedy agent on the k-armed bandit (behaviourist AI).
 *
 * The testbed is Sutton & Barto's (Reinforcement Learning, 2nd ed., §2.3):
 * each arm a has a true value q*(a) drawn from N(0, 1) once per run, and
 * pulling it pays a reward drawn from N(q*(a), 1). The agent is told nothing
 * but the rewards. It keeps the sample average Q(a) of the rewards each arm has
 * paid and, at every step, explores (a uniformly random arm) with probability
 * ε, else exploits (an arm with the largest Q, ties broken at random).
 * ε = 1 is the random agent; ε = 0 the purely greedy one.
 *
 * All randomness comes from one aics_rng per run, seeded (seed, stream = run
 * index), so an experiment's curves depend only on its arguments.
 */
#ifndef AICS_BANDIT_H
#define AICS_BANDIT_H

#include <stdint.h>

#include "rng.h"

#define AICS_BANDIT_MAX_ARMS 64

typedef struct {
    int arms;
    double q_true[AICS_BANDIT_MAX_ARMS]; /* q*(a), unknown to the agent */
    int best;                            /* argmax q*: the optimal arm */
} aics_bandit;

typedef struct {
    int arms;
    double epsilon;                     /* exploration probability, in [0, 1] */
    double q[AICS_BANDIT_MAX_ARMS];     /* Q(a): mean reward seen from arm a */
    int64_t pulls[AICS_BANDIT_MAX_ARMS]; /* N(a): times arm a was pulled */
} aics_agent;

/* A new bandit with `arms` arms (1..AICS_BANDIT_MAX_ARMS), q* ~ N(0, 1). */
void aics_bandit_init(aics_bandit *b, int arms, aics_rng *rng);

/* One pull of `arm`: a reward from N(q*(arm), 1). */
double aics_bandit_pull(const aics_bandit *b, int arm, aics_rng *rng);

/* A new agent knowing nothing: every Q(a) = 0, N(a) = 0. */
void aics_agent_init(aics_agent *a, int arms, double epsilon);

/* The arm to pull next (ε-greedy). */
int aics_agent_choose(const aics_agent *a, aics_rng *rng);

/* Learn from having got `reward` from `arm`: Q ← Q + (R − Q)/N. */
void aics_agent_learn(aics_agent *a, int arm, double reward);

/* Curves of an experiment: `runs` independent bandits, `steps` steps each.
 * avg_reward[t] is the reward at step t averaged over runs and
 * optimal[t] the fraction of runs that pulled their optimal arm at step t
 * (arrays of `steps` doubles). best_mean is the mean over runs of max q*, the
 * reward an all-knowing agent would expect. */
typedef struct {
    double *avg_reward;
    double *optimal;
    double best_mean;
} aics_bandit_curves;

/* Run the experiment; `out` arrays are allocated by the caller. */
void aics_bandit_experiment(int arms, double epsilon, int runs, int steps, uint64_t seed,
                            aics_bandit_curves *out);

/* Mean of v[from..to), for "the last 10% of steps". */
double aics_bandit_mean(const double *v, int from, int to);

#endif
