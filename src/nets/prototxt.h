/* prototxt.h — a reader for the protocol-buffer text format (Caffe's .prototxt).
 *
 * It parses text into a generic tree of fields; it knows nothing about Caffe's
 * schema. Interpreting the tree (layer types, shapes, enums) is the caller's job.
 *
 * Grammar accepted (protobuf text format as written by people and by protoc):
 *
 *   file    := field*                       (at least one field; see Errors)
 *   field   := NAME ':' value sep?
 *            | NAME ':'? body sep?          name { … }, name: { … }, name < … >
 *   body    := '{' field* '}' | '<' field* '>'
 *   value   := scalar | body
 *            | '[' ']' | '[' element (',' element)* ']'
 *   element := scalar | body                 each element becomes one child
 *                                            named NAME (a repeated field)
 *   scalar  := NUMBER | '-'NUMBER | IDENT | '-'IDENT(inf, infinity, nan)
 *            | STRING STRING*               adjacent strings are concatenated
 *   sep     := ',' | ';'
 *   NAME, IDENT := [A-Za-z_][A-Za-z0-9_]*   (enums, true/false, inf, nan)
 *   NUMBER  := decimal integer, 0x hex integer, or float: digits with '.',
 *              exponent e±N, and an optional f/F suffix after a float, which
 *              is dropped from the value text ("1.5f" gives "1.5").
 *              A '-' must touch its number: "-1", not "- 1".
 *   STRING  := "…" or '…' on one line, with C escapes: \n \t \r \a \b \f \v
 *              \\ \' \" \? \ooo (octal, 1–3 digits) \xHH (1–2 digits)
 *              \uXXXX \UXXXXXXXX (written as UTF-8). \0 is refused because
 *              values are C strings.
 *   '#' starts a comment to the end of the line. Blanks are space, tab, CR,
 *   LF, VT and FF, so CRLF files read the same as LF ones. A leading UTF-8
 *   byte-order mark is skipped.
 *
 * The tree:
 *   - The root is a message node named "" holding the file's top-level fields.
 *   - A message node has is_message = 1, value = NULL and its fields in
 *     children[0 .. nchildren-1], in file order (children = NULL when empty).
 *   - A scalar node has is_message = 0, no children, and value = the number or
 *     identifier text as written (after '-' is joined and an f suffix is
 *     dropped), or the unescaped string contents with quoted = 1. Numbers are
 *     not converted: "0x10", "1e-3" and "-inf" reach the caller verbatim
 *     (protobuf reads a leading 0 as octal, e.g. "010" is 8).
 *   - line, col (1-based) say where the field name starts; for an element of a
 *     '[ … ]' list, where that element starts. Columns count characters (UTF-8
 *     code points) from the start of the line, a tab counting as one; the BOM
 *     is not counted.
 *
 * Ownership: the whole tree — nodes, names, values, children arrays — belongs
 * to the root returned by aics_pt_parse or aics_pt_load and is released at
 * once by aics_pt_free(root). Pointers into the tree stay valid until then.
 * Only a root may be freed. Treat the tree as read-only and never build nodes
 * by hand: message nodes carry a hidden look-up index that the accessors rely
 * on, and equal field names share one string.
 * The tree is immutable after parsing, so concurrent readers are safe.
 *
 * Errors: the parsers return NULL and write one line to err (when err != NULL
 * and errsz > 0), "path:line:col: message", saying what was expected; or
 * "path: message" when no position applies (unreadable or oversized file).
 * They refuse: unbalanced braces (at the unclosed opener), a missing value,
 * an unterminated string, an unexpected character, an empty file (no fields),
 * a binary file (a NUL byte or invalid UTF-8, at the first such byte), a file
 * over AICS_PT_MAX_BYTES (aics_pt_load), and messages nested deeper than
 * AICS_PT_MAX_DEPTH (so hostile input cannot exhaust the stack).
 *
 * Cost: parsing is linear in the input size (expected, as it hashes field
 * names). aics_pt_child, aics_pt_count and aics_pt_nth take expected O(1)
 * time plus the length of the name, so `for (i < count) nth(i)` is linear.
 */
#ifndef AICS_PROTOTXT_H
#define AICS_PROTOTXT_H

#include <stddef.h>

/* The largest file aics_pt_load reads: 64 MiB. */
#define AICS_PT_MAX_BYTES ((size_t)64 << 20)

/* The deepest nesting of messages accepted below the root. */
#define AICS_PT_MAX_DEPTH 100

typedef struct aics_pt_node {
    char *name;       /* field name; "" for the root */
    int is_message;   /* 1 for name { … }, 0 for a scalar */
    char *value;      /* scalar text (NUL-terminated); NULL for a message */
    int quoted;       /* 1 when value came from a string literal */
    struct aics_pt_node **children; /* fields of a message, in file order */
    size_t nchildren;
    long line, col;   /* where the field name starts, 1-based */
} aics_pt_node;

/* Parse `len` bytes of `text` (need not be NUL-terminated). `path` names the
 * input in error messages (NULL gives "<input>"). Returns the root, or NULL
 * with a one-line message in err. */
aics_pt_node *aics_pt_parse(const char *text, size_t len, const char *path,
                            char *err, size_t errsz);

/* Read the file at `path` (at most AICS_PT_MAX_BYTES) and parse it. */
aics_pt_node *aics_pt_load(const char *path, char *err, size_t errsz);

/* Release a whole tree; `root` must come from aics_pt_parse/aics_pt_load.
 * NULL is ignored. */
void aics_pt_free(aics_pt_node *root);

/* The first child of message `msg` named `name`, or NULL (also when msg is
 * NULL or a scalar). */
const aics_pt_node *aics_pt_child(const aics_pt_node *msg, const char *name);

/* How many children of `msg` are named `name` (0 when msg is NULL). */
size_t aics_pt_count(const aics_pt_node *msg, const char *name);

/* The i-th (0-based) child of `msg` named `name`, in file order, or NULL when
 * there are not that many. */
const aics_pt_node *aics_pt_nth(const aics_pt_node *msg, const char *name,
                                size_t i);

#endif
