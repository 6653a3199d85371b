/* rules.h — a tiny forward-chaining production system (symbolic AI).
 *
 * Knowledge is a list of rules "IF p1 AND p2 ... THEN q" over facts, which are
 * plain words like "has_hair". Forward chaining starts from the given facts and
 * repeats one recognise–act cycle until nothing changes:
 *
 *   pick the FIRST rule (in list order) whose premises are all known facts and
 *   whose conclusion is not yet known; fire it, i.e. add its conclusion.
 *
 * "First in list order" is the conflict-resolution strategy and "conclusion not
 * yet known" is refraction (a rule never fires twice), so the run always ends,
 * after at most one firing per rule, and the order of firings is well defined.
 *
 * Fact strings are borrowed, never copied: they must outlive the aics_facts
 * (string literals in practice).
 */
#ifndef AICS_RULES_H
#define AICS_RULES_H

#include <stdbool.h>

#define AICS_RULE_MAX_IF 6     /* premises per rule */
#define AICS_FACTS_MAX 64      /* facts in working memory */

typedef struct {
    const char *name;                   /* "R1" */
    const char *if_all[AICS_RULE_MAX_IF]; /* premises; unused slots are NULL */
    const char *then;                   /* the fact the rule adds */
} aics_rule;

/* Working memory: the set of known facts, in the order they became known. */
typedef struct {
    const char *fact[AICS_FACTS_MAX];
    int n;
} aics_facts;

/* Empty working memory. */
void aics_facts_init(aics_facts *f);

/* Whether `fact` is known. */
bool aics_facts_has(const aics_facts *f, const char *fact);

/* Add `fact` if it is new. False only when working memory is full. */
bool aics_facts_add(aics_facts *f, const char *fact);

/* Whether every premise of `rule` is a known fact. */
bool aics_rule_matches(const aics_rule *rule, const aics_facts *f);

/* Run forward chaining to quiescence over `rules[0..nrules)`. Writes the index
 * of each rule that fired, in firing order, to `fired` (room for `nrules`
 * entries suffices, by refraction) and returns how many fired. */
int aics_rules_forward(const aics_rule *rules, int nrules, aics_facts *f, int *fired);

/* The first of `goals[0..ngoals)` that is a known fact, or NULL. */
const char *aics_rules_goal(const aics_facts *f, const char *const *goals, int ngoals);

/* Winston's ZOOKEEPER rule base (Artificial Intelligence, 1977): 15 rules that
 * identify seven animals; shared by ex1_2 and its tests. */
#define AICS_ZOOKEEPER_NRULES 15
#define AICS_ZOOKEEPER_NANIMALS 7
extern const aics_rule aics_zookeeper_rules[AICS_ZOOKEEPER_NRULES];
/* The conclusions that answer "which animal is it?". */
extern const char *const aics_zookeeper_animals[AICS_ZOOKEEPER_NANIMALS];

/* Every fact the rule base names, with its Chinese name: {fact, 中文}. */
#define AICS_ZOOKEEPER_NGLOSSARY 31
extern const char *const aics_zookeeper_glossary[AICS_ZOOKEEPER_NGLOSSARY][2];

/* The Chinese name of `fact`, or `fact` itself when the glossary lacks it. */
const char *aics_zookeeper_gloss(const char *fact);

/* Whether some rule has `fact` as a premise (or, with `conclusions`, as its
 * conclusion too). */
bool aics_zookeeper_mentions(const char *fact, bool conclusions);

/* One query: forward chaining on the zoo rules from `given` (at most
 * AICS_FACTS_MAX − AICS_ZOOKEEPER_NRULES facts, so every conclusion fits),
 * then the first animal known. */
typedef struct {
    aics_facts wm;                       /* working memory after the run */
    int fired[AICS_ZOOKEEPER_NRULES];    /* rule indices, in firing order */
    int nfired;
    const char *conclusion;              /* an animal, or NULL */
} aics_inference;

aics_inference aics_zookeeper_infer(const char *const *given, int ngiven);

/* The rules fired, as one word "R2-R7-R11" ("none" when none did); the
 * caller frees it. */
char *aics_zookeeper_chain(const aics_inference *in);

#endif
