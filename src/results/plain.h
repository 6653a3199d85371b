/* plain.h — the plain-text form of a note written for the book.
 *
 * Notes, labels and table cells are written once, in Markdown with $TeX$
 * math, for the book. A terminal shows them through aics_plain(), which
 * writes the same words with no markup:
 *
 *   $\frac{1}{2n}\sum_i (y_i-t_i)^2$   ->  1/(2n)∑_i (y_i−t_i)²
 *   $C_{out}\times H_{out}$            ->  C_out×H_out
 *   **mul** = …, `code`                ->  mul = …, code
 *   \sigma \varphi \eta \lambda \cdot  ->  σ φ η λ ·
 *
 * Math loses its dollars, backslash commands become their Unicode symbols
 * (unknown ones lose the backslash), ^{…} becomes superscript characters
 * when every character has one and ^(…) otherwise, _{…} becomes _… (or _(…)
 * for more than one word), \frac{a}{b} becomes a/b with parentheses where a
 * part has more than one symbol, and grouping braces disappear. Outside math,
 * ** and ` markers and Markdown's backslash escapes are dropped. The output
 * never holds '$', '\\', "**" or "_{" (tests/unit/test_plain.c).
 */
#ifndef AICS_PLAIN_H
#define AICS_PLAIN_H

#include "buf.h"

/* Append the plain form of `md` to `out`. */
void aics_plain(const char *md, aics_buf *out);

/* The plain form of `md` as a new string (free it). */
char *aics_plain_dup(const char *md);

#endif
