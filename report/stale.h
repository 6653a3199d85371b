/* stale.h — finding program outputs typed into the prose by hand.
 *
 * The prose must hold no outputs: a number copied from a run goes stale the
 * day the program changes. Two rules flag a number in a prose file (code
 * spans, fenced code, directives, HTML comments, tags and link targets are
 * never looked at; a line containing "stale-ok" is skipped):
 *
 *   matching   a number with 3 or more significant digits, anywhere (math
 *              included), that equals — at the precision written — a numeric
 *              kv value of a program the file belongs to (exN_M.md belongs to
 *              exN_M, and to every program its directives name). A unit
 *              right after the number counts too (81.3% is 0.813; 6097 万,
 *              609.7M and 0.61B are 60970000-ish), and a value printed in
 *              scientific notation also matches by its mantissa
 *              ("1.49 × 10^{-11}" for 1.4900164435616148e-11).
 *   long       a number with 6 or more significant digits in the text outside
 *              math: nobody types 0.0513167 without pasting it.
 *
 * Significant digits are the digits without leading zeros ("0.0513" has 3,
 * "1,201" has 4). Two kinds of number are not matched: an exact integer with
 * fewer than 5 digits (4096 outputs, 256 channels: design constants, not
 * results), and any number on a line that names its source (论文, 文献, 文档,
 * 原文, 引自, 常见, paper, documentation), which quotes the source, not us.
 * A third rule is about words, not numbers:
 *
 *   claim      a claim word (单调, 振荡, 收敛, 发散, 大于, 小于, 更大, 变号, monotone, …)
 *              in a sentence that holds no {{claim PROG KEY EXPECTED}}, or in a
 *              figure caption at all; a line with "claim-ok" (a derivation,
 *              with its reason in an HTML comment) is skipped.
 *
 * docs/authoring.md explains the rules to authors.
 */
#ifndef AICS_STALE_H
#define AICS_STALE_H

#include <stddef.h>

#include "kv.h"

typedef struct {
    size_t pos;       /* byte offset of the number in the text */
    char number[64];  /* the number as written */
    char why[512];    /* the rest of the message */
} aics_stale_hit;

/* Scan `text`; `kv[i]` is the output of program `prog[i]`. Store up to `max`
 * hits and return how many there were in all. */
size_t aics_stale_scan(const char *text, const aics_kv *const *kv, const char *const *prog, size_t nkv,
                       aics_stale_hit *hits, size_t max);

/* Lint every CHAPTERS/chN/NAME.md (aics_chapter_files) against
 * RESULTS/NAME.kv by the rules above; print each hit as "file:line:col:
 * message" and return 0 when there are none, else 1. A prose file with a NUL
 * byte or invalid UTF-8 ends the lint with exit 2 at its line and column. */
int aics_stale_lint(const char *chapters_dir, const char *results_dir);

#endif
