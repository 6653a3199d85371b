/* diagnose.h — naming the mistake behind a wrong network count (3.1, 3.2).
 *
 * A spec rule may say `diagnose=NET:FIELD`, e.g. `diagnose=alexnet:mul`: the
 * key holds the total FIELD (mul, add, mac, neurons or params) of the
 * built-in network NET (src/nets/net.h). When such a key is wrong, the diagnoser
 * recounts the network under every combination of the common mistakes of
 * src/nets/netcount.h (2^AICS_MISTAKE_COUNT conventions, computed by the library,
 * never stored) and says which convention(s) give exactly the submitted
 * number. When none does, it says so and names the nearest convention and how
 * far the answer is from it.
 *
 * Counts are cached per network, so grading many submissions counts each
 * network once. The grader core (grade.h) does not depend on this module;
 * aics-grade passes aics_diagnose_item as its aics_grade_diagnoser.
 */
#ifndef AICS_DIAGNOSE_H
#define AICS_DIAGNOSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "grade.h"

typedef struct aics_diagnoser aics_diagnoser;

aics_diagnoser *aics_diagnoser_new(void);
void aics_diagnoser_free(aics_diagnoser *d);

/* Check a diagnose= tag: "NET:FIELD" with a built-in NET and FIELD one of
 * mul, add, mac, neurons, params. False with a sentence in err. */
bool aics_diagnose_tag_ok(const char *tag, char *err, size_t errsz);

/* The value of FIELD of NET under `mistakes` (0: the correct convention).
 * False (with err) for a bad tag or a count that overflows. */
bool aics_diagnose_count(aics_diagnoser *d, const char *tag, unsigned mistakes,
                         int64_t *out, char *err, size_t errsz);

/* Explain why `submitted` is the value of `tag`: appends lines to out. */
bool aics_diagnose_value(aics_diagnoser *d, const char *tag, int64_t submitted,
                         aics_buf *out);

/* An aics_grade_diagnoser; ctx is an aics_diagnoser. */
bool aics_diagnose_item(const aics_grade_item *item, aics_buf *out, void *ctx);

/* Parse a mistake list like "no_groups,batch10" or "none" into flags. */
bool aics_diagnose_parse_mistakes(const char *s, unsigned *out);

#endif
