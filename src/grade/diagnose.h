/* diagnose.h — naming the mistake behind a wrong network count (3.1, 3.2).
 *
 * A spec rule may say `diagnose=NET:FIELD`, e.g. `diagnose=alexnet:mul`: the
 * key holds the total FIELD (mul, add, mac, neurons or params) of the
 * built-in network NET (src/nets/net.h). When such a key is wrong, the
 * diagnoser recounts the network under every combination of the mistakes in
 * its catalogue and explains the submitted number by the smallest set of
 * mistakes that gives it exactly. Where several sets of that size give the
 * same number, all are named: the first (in the order of their sorted ids)
 * as the explanation, the others as alternatives. When no set gives it, the
 * nearest count is offered only when it is within 1%, and called a guess.
 *
 * The catalogue (ids sorted; each is one bit, AICS_DIAG_<ID>):
 *
 *   add_nif_minus_1  additions as (N_if−1)·N_of: the bias addition forgotten
 *   bn_stats         BatchNorm's stored statistics counted as parameters
 *   fc_as_one        each FC layer counted as one operation
 *   file_batch       the batch of NET's deploy file counted (× aics_net.batch:
 *                    10 for alexnet and vgg19, none for resnet152, whose
 *                    file says 1); "batch10", its old id, is accepted
 *   flops            FLOPs (2 per MAC) where multiplications were asked
 *   input224         the network at a 224×224 input (AlexNet's Caffe model
 *                    takes 227×227)
 *   neurons_input    the input image counted as neurons
 *   neurons_pool     pooling outputs counted as neurons
 *   neurons_relu     ReLU outputs counted as neurons
 *   no_bias_add      biases forgotten, in additions and in parameters
 *   no_fc            FC layers left out
 *   no_groups        `group` ignored
 *   no_kernel        K_h·K_w left out
 *   no_projection    projection (downsample) shortcut convolutions left out
 *   no_spatial       one output position counted: H_out·W_out forgotten
 *   torchvision      the torchvision variant of the network (NET_tv)
 *
 * Every count comes from src/nets/netcount.h (the two network variants,
 * input224 and torchvision, recount a rebuilt network); nothing is stored.
 * Only the mistakes that change FIELD of NET on their own are combined, so a
 * net costs 2^k counts for its k relevant mistakes (k ≤ 10 for the built-in
 * nets), computed once per NET:FIELD and cached.
 */
#ifndef AICS_DIAGNOSE_H
#define AICS_DIAGNOSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "grade.h"

enum {
    AICS_DIAG_ADD_NIF_MINUS_1 = 1u << 0,
    AICS_DIAG_BN_STATS = 1u << 1,
    AICS_DIAG_FC_AS_ONE = 1u << 2,
    AICS_DIAG_FILE_BATCH = 1u << 3,
    AICS_DIAG_FLOPS = 1u << 4,
    AICS_DIAG_INPUT224 = 1u << 5,
    AICS_DIAG_NEURONS_INPUT = 1u << 6,
    AICS_DIAG_NEURONS_POOL = 1u << 7,
    AICS_DIAG_NEURONS_RELU = 1u << 8,
    AICS_DIAG_NO_BIAS_ADD = 1u << 9,
    AICS_DIAG_NO_FC = 1u << 10,
    AICS_DIAG_NO_GROUPS = 1u << 11,
    AICS_DIAG_NO_KERNEL = 1u << 12,
    AICS_DIAG_NO_PROJECTION = 1u << 13,
    AICS_DIAG_NO_SPATIAL = 1u << 14,
    AICS_DIAG_TORCHVISION = 1u << 15,
    AICS_DIAG_COUNT = 16
};

/* The id of one catalogue bit ("no_spatial"), or NULL. */
const char *aics_diag_id(unsigned bit);
/* One or two sentences on one catalogue bit, in `lang`. */
const char *aics_diag_text(unsigned bit, aics_lang lang);

typedef enum {
    AICS_DIAG_MATCH_NONE,    /* no set of mistakes gives it, none within 1% */
    AICS_DIAG_MATCH_EXACT,   /* sets[0..nsets) give exactly the value */
    AICS_DIAG_MATCH_NEAR,    /* sets[0] (maybe empty: the correct count) is within 1%: a guess */
    AICS_DIAG_MATCH_CORRECT  /* the value is the correct count (the reference may be stale) */
} aics_diag_match;

#define AICS_DIAG_MAX_SETS 8

typedef struct {
    aics_diag_match match;
    int64_t value;        /* the count sets[0] gives (EXACT: the submitted value;
                             NONE: the correct count) */
    int64_t correct;      /* the correct count */
    size_t nsets;         /* EXACT: smallest sets found (the first is the
                             explanation, the others alternatives); NEAR: 1 */
    size_t more;          /* EXACT: further smallest sets not kept in sets[] */
    unsigned sets[AICS_DIAG_MAX_SETS];
    unsigned checked;     /* how many combinations were counted */
} aics_diagnosis;

typedef struct aics_diagnoser aics_diagnoser;

aics_diagnoser *aics_diagnoser_new(void);
void aics_diagnoser_free(aics_diagnoser *d);

/* Check a diagnose= tag: "NET:FIELD" with a built-in NET and FIELD one of
 * mul, add, mac, neurons, params. False with a sentence in err. */
bool aics_diagnose_tag_ok(const char *tag, char *err, size_t errsz);

/* The value of FIELD of NET under the catalogue set `mistakes` (0: the
 * correct count). False (with err) for a bad tag, a variant the net does not
 * have (torchvision of vgg19) or a count that overflows. */
bool aics_diagnose_count(aics_diagnoser *d, const char *tag, unsigned mistakes,
                         int64_t *out, char *err, size_t errsz);

/* Diagnose `submitted` as a value of `tag`; false for a bad tag. */
bool aics_diagnose(aics_diagnoser *d, const char *tag, int64_t submitted, aics_diagnosis *out);

/* The ids of a set, sorted and joined by ','; "none" for the empty set. */
void aics_diag_ids(unsigned set, aics_buf *out);

/* The diagnosis in words (one or two sentences and the alternatives), lines
 * ending in '\n'. */
void aics_diagnosis_text(const aics_diagnosis *dg, const char *tag, int64_t submitted,
                         aics_lang lang, aics_buf *out);

/* The diagnosis as kv lines: `match exact|near|none|correct`, `mistakes
 * ID,…` (or none), one `alternative ID,…` per further set, `value N`. */
void aics_diagnosis_kv(const aics_diagnosis *dg, aics_buf *out);

/* Explain why `submitted` is the value of `tag` in words: appends lines to out. */
bool aics_diagnose_value(aics_diagnoser *d, const char *tag, int64_t submitted,
                         aics_lang lang, aics_buf *out);

/* An aics_grade_diagnoser; ctx is an aics_diagnoser. */
bool aics_diagnose_item(const aics_grade_item *item, aics_lang lang,
                        aics_grade_diagnosis *out, void *ctx);

/* Parse a mistake list like "no_groups,file_batch" or "none" into catalogue
 * bits ("batch10" is read as file_batch). */
bool aics_diagnose_parse_mistakes(const char *s, unsigned *out);

#endif
