/* rules.c — forward chaining over a rule list (see rules.h). */
#include "rules.h"

#include <string.h>

#include "error.h"

void aics_facts_init(aics_facts *f) { f->n = 0; }

bool aics_facts_has(const aics_facts *f, const char *fact)
{
    for (int i = 0; i < f->n; i++)
        if (strcmp(f->fact[i], fact) == 0) return true;
    return false;
}

bool aics_facts_add(aics_facts *f, const char *fact)
{
    AICS_CHECK(fact && *fact, "a fact is a non-empty word");
    if (aics_facts_has(f, fact)) return true;
    if (f->n == AICS_FACTS_MAX) return false;
    f->fact[f->n++] = fact;
    return true;
}

bool aics_rule_matches(const aics_rule *rule, const aics_facts *f)
{
    for (int i = 0; i < AICS_RULE_MAX_IF && rule->if_all[i]; i++)
        if (!aics_facts_has(f, rule->if_all[i])) return false;
    return true;
}

// ANCHOR: forward
int aics_rules_forward(const aics_rule *rules, int nrules, aics_facts *f, int *fired)
{
    int nfired = 0;
    for (;;) {
        int pick = -1; /* conflict resolution: the first applicable rule wins */
        for (int i = 0; i < nrules && pick < 0; i++)
            if (!aics_facts_has(f, rules[i].then) && aics_rule_matches(&rules[i], f)) pick = i;
        if (pick < 0) return nfired; /* quiescence: no rule can add anything */
        AICS_CHECK(aics_facts_add(f, rules[pick].then), "working memory holds AICS_FACTS_MAX facts");
        fired[nfired++] = pick;
    }
}
// ANCHOR_END: forward

const char *aics_rules_goal(const aics_facts *f, const char *const *goals, int ngoals)
{
    for (int i = 0; i < ngoals; i++)
        if (aics_facts_has(f, goals[i])) return goals[i];
    return NULL;
}

// ANCHOR: rule_base
/* Winston's ZOOKEEPER rules (Artificial Intelligence, 1977): the knowledge.
 * Two differ from Winston's on purpose: his giraffe rule also asks for a
 * tawny colour and his zebra rule for a white one. R11 and R12 drop the
 * colours, so that the demo's facts are shapes and markings only; among these
 * seven animals the only ungulates are the giraffe and the zebra, and dark
 * spots or black stripes alone tell them apart. */
const aics_rule aics_zookeeper_rules[AICS_ZOOKEEPER_NRULES] = {
    {"R1", {"has_hair"}, "mammal"},
    {"R2", {"gives_milk"}, "mammal"},
    {"R3", {"has_feathers"}, "bird"},
    {"R4", {"flies", "lays_eggs"}, "bird"},
    {"R5", {"mammal", "eats_meat"}, "carnivore"},
    {"R6", {"mammal", "pointed_teeth", "claws", "forward_eyes"}, "carnivore"},
    {"R7", {"mammal", "hoofs"}, "ungulate"},
    {"R8", {"mammal", "chews_cud"}, "ungulate"},
    {"R9", {"carnivore", "tawny", "dark_spots"}, "cheetah"},
    {"R10", {"carnivore", "tawny", "black_stripes"}, "tiger"},
    {"R11", {"ungulate", "long_neck", "long_legs", "dark_spots"}, "giraffe"},
    {"R12", {"ungulate", "black_stripes"}, "zebra"},
    {"R13", {"bird", "does_not_fly", "long_neck", "long_legs", "black_and_white"}, "ostrich"},
    {"R14", {"bird", "does_not_fly", "swims", "black_and_white"}, "penguin"},
    {"R15", {"bird", "flies_well"}, "albatross"},
};

/* The conclusions that answer "which animal is it?". */
const char *const aics_zookeeper_animals[AICS_ZOOKEEPER_NANIMALS] = {
    "cheetah", "tiger", "giraffe", "zebra", "ostrich", "penguin", "albatross"};
// ANCHOR_END: rule_base
