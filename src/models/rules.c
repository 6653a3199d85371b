/* rules.c — forward chaining over a rule list (see rules.h). */
#include "rules.h"

#include <string.h>

#include "buf.h"
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

const char *const aics_zookeeper_glossary[AICS_ZOOKEEPER_NGLOSSARY][2] = {
    {"has_hair", "有毛发"}, {"gives_milk", "有奶"}, {"has_feathers", "有羽毛"},
    {"flies", "会飞"}, {"lays_eggs", "会下蛋"}, {"eats_meat", "吃肉"},
    {"pointed_teeth", "有犬齿"}, {"claws", "有爪"}, {"forward_eyes", "眼盯前方"},
    {"hoofs", "有蹄"}, {"chews_cud", "反刍"}, {"tawny", "黄褐色"},
    {"dark_spots", "有暗斑点"}, {"black_stripes", "有黑色条纹"}, {"long_neck", "长脖子"},
    {"long_legs", "长腿"}, {"does_not_fly", "不会飞"}, {"swims", "会游泳"},
    {"black_and_white", "黑白二色"}, {"flies_well", "善飞"}, {"mammal", "哺乳动物"},
    {"bird", "鸟"}, {"carnivore", "食肉动物"}, {"ungulate", "有蹄类动物"},
    {"cheetah", "金钱豹"}, {"tiger", "虎"}, {"giraffe", "长颈鹿"}, {"zebra", "斑马"},
    {"ostrich", "鸵鸟"}, {"penguin", "企鹅"}, {"albatross", "信天翁"},
};

const char *aics_zookeeper_gloss(const char *fact)
{
    for (size_t i = 0; i < AICS_ZOOKEEPER_NGLOSSARY; i++)
        if (strcmp(aics_zookeeper_glossary[i][0], fact) == 0) return aics_zookeeper_glossary[i][1];
    return fact;
}

bool aics_zookeeper_mentions(const char *fact, bool conclusions)
{
    for (int r = 0; r < AICS_ZOOKEEPER_NRULES; r++) {
        const aics_rule *rule = &aics_zookeeper_rules[r];
        if (conclusions && strcmp(rule->then, fact) == 0) return true;
        for (int i = 0; i < AICS_RULE_MAX_IF && rule->if_all[i]; i++)
            if (strcmp(rule->if_all[i], fact) == 0) return true;
    }
    return false;
}

aics_inference aics_zookeeper_infer(const char *const *given, int ngiven)
{
    aics_inference in;
    aics_facts_init(&in.wm);
    AICS_CHECK(ngiven <= AICS_FACTS_MAX - AICS_ZOOKEEPER_NRULES, "the given facts leave room for every conclusion");
    for (int i = 0; i < ngiven; i++) aics_facts_add(&in.wm, given[i]);
    in.nfired = aics_rules_forward(aics_zookeeper_rules, AICS_ZOOKEEPER_NRULES, &in.wm, in.fired);
    in.conclusion = aics_rules_goal(&in.wm, aics_zookeeper_animals, AICS_ZOOKEEPER_NANIMALS);
    return in;
}

char *aics_zookeeper_chain(const aics_inference *in)
{
    aics_buf b = AICS_BUF_INIT;
    for (int i = 0; i < in->nfired; i++)
        aics_buf_printf(&b, "%s%s", i ? "-" : "", aics_zookeeper_rules[in->fired[i]].name);
    if (in->nfired == 0) aics_buf_puts(&b, "none");
    return aics_buf_take(&b);
}
