/* prototxt.c — protobuf text-format reader (see prototxt.h for the grammar).
 *
 * Design, for linear time on large files:
 *   - the lexer walks the bytes once and keeps line and column as it goes
 *     (never recounting from the start of a line);
 *   - nodes, names, values and children arrays come from one arena, freed in
 *     one sweep by aics_pt_free;
 *   - children are collected on one shared stack while a message is open and
 *     copied out, exactly sized, when it closes (no per-node realloc);
 *   - a message with many children gets an index name -> positions (its
 *     groups in the root's strmap), so
 *     aics_pt_child/count/nth do not scan.
 * Recursion is bounded by AICS_PT_MAX_DEPTH, so hostile nesting is an error,
 * not a stack overflow.
 */
#include "prototxt.h"

#include <errno.h>
#include <stdarg.h>
#include <stdalign.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "buf.h"
#include "error.h"
#include "fileio.h"
#include "reader.h"
#include "strmap.h"

/* ---- arena ---------------------------------------------------------------- */

typedef struct pt_chunk {
    struct pt_chunk *next;
    size_t used, cap;
    alignas(max_align_t) unsigned char data[];
} pt_chunk;

typedef struct {
    pt_chunk *head;
    size_t next_cap; /* grows so a big file needs few chunks */
} pt_arena;

static void *arena_alloc(pt_arena *a, size_t size, size_t align)
{
    pt_chunk *c = a->head;
    size_t at = c ? (c->used + align - 1) & ~(align - 1) : 0;
    if (!c || at + size > c->cap) {
        size_t cap = a->next_cap ? a->next_cap : 16384;
        if (a->next_cap < ((size_t)1 << 20)) a->next_cap = cap * 2;
        if (cap < size) cap = size;
        c = aics_xmalloc(sizeof *c + cap);
        c->next = a->head;
        c->used = 0;
        c->cap = cap;
        a->head = c;
        at = 0;
    }
    c->used = at + size;
    return c->data + at;
}

static char *arena_strndup(pt_arena *a, const char *s, size_t n)
{
    char *d = arena_alloc(a, n + 1, 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

static void arena_free(pt_arena *a)
{
    for (pt_chunk *c = a->head, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    a->head = NULL;
}

/* ---- nodes and their look-up index ---------------------------------------- */

/* Messages with fewer children than this are scanned; a scan that short is
 * as fast as hashing. */
#define INDEX_MIN 8

typedef struct {
    const char *name;
    size_t count; /* children with this name */
    size_t first; /* offset of their positions in pt_index.pos */
} pt_group;

typedef struct {
    const aics_strmap *groups; /* the root's: (message, name) -> group number */
    pt_group *group;
    size_t *pos;     /* child positions grouped by name, in file order */
} pt_index;

typedef struct {
    aics_pt_node pub; /* first, so an aics_pt_node* is a pt_node* */
    const pt_index *index;
    int is_root;
} pt_node;

typedef struct {
    pt_node node;
    pt_arena arena;
    aics_strmap *groups; /* for every indexed message */
} pt_root;

/* The key of child name `name` of message `msg` in the groups map: the
 * message's address, then the name's bytes. Short keys stay on the stack. */
typedef struct {
    char small[128];
    char *heap;
    const char *bytes;
    size_t len;
} group_key;

static void group_key_make(group_key *k, const aics_pt_node *msg, const char *name)
{
    size_t n = strlen(name);
    k->len = sizeof msg + n;
    char *d = k->heap = k->len <= sizeof k->small ? NULL : aics_xmalloc(k->len);
    if (!d) d = k->small;
    memcpy(d, &msg, sizeof msg);
    memcpy(d + sizeof msg, name, n);
    k->bytes = d;
}

/* Build the index of a closed message: a counting sort of its children by
 * name, with the group of each name in the root's map. Linear in nchildren. */
static const pt_index *build_index(pt_arena *a, aics_strmap *groups, const aics_pt_node *msg)
{
    size_t n = msg->nchildren;
    pt_index *ix = arena_alloc(a, sizeof *ix, alignof(pt_index));
    ix->groups = groups;
    ix->group = arena_alloc(a, n * sizeof *ix->group, alignof(pt_group));
    ix->pos = arena_alloc(a, n * sizeof *ix->pos, alignof(size_t));
    size_t *gid = aics_xmalloc(n * sizeof *gid), ngroups = 0;
    for (size_t k = 0; k < n; k++) {
        group_key key;
        group_key_make(&key, msg, msg->children[k]->name);
        if (aics_strmap_addn(groups, key.bytes, key.len, ngroups, &gid[k]))
            ix->group[gid[k] = ngroups++] = (pt_group){msg->children[k]->name, 0, 0};
        free(key.heap);
        ix->group[gid[k]].count++;
    }
    size_t off = 0;
    for (size_t g = 0; g < ngroups; g++) {
        ix->group[g].first = off;
        off += ix->group[g].count;
        ix->group[g].count = 0; /* refilled below */
    }
    for (size_t k = 0; k < n; k++) {
        pt_group *g = &ix->group[gid[k]];
        ix->pos[g->first + g->count++] = k;
    }
    free(gid);
    return ix;
}

static const pt_group *find_group(const aics_pt_node *msg, const char *name)
{
    const pt_index *ix = ((const pt_node *)msg)->index;
    group_key key;
    group_key_make(&key, msg, name);
    size_t g;
    bool found = aics_strmap_getn(ix->groups, key.bytes, key.len, &g);
    free(key.heap);
    return found ? &ix->group[g] : NULL;
}

const aics_pt_node *aics_pt_nth(const aics_pt_node *msg, const char *name,
                                size_t i)
{
    if (!msg || !name || !msg->is_message) return NULL;
    if (((const pt_node *)msg)->index) {
        const pt_group *g = find_group(msg, name);
        if (!g || i >= g->count) return NULL;
        return msg->children[((const pt_node *)msg)->index->pos[g->first + i]];
    }
    for (size_t k = 0; k < msg->nchildren; k++)
        if (strcmp(msg->children[k]->name, name) == 0 && i-- == 0)
            return msg->children[k];
    return NULL;
}

const aics_pt_node *aics_pt_child(const aics_pt_node *msg, const char *name)
{
    return aics_pt_nth(msg, name, 0);
}

size_t aics_pt_count(const aics_pt_node *msg, const char *name)
{
    if (!msg || !name || !msg->is_message) return 0;
    if (((const pt_node *)msg)->index) {
        const pt_group *g = find_group(msg, name);
        return g ? g->count : 0;
    }
    size_t n = 0;
    for (size_t k = 0; k < msg->nchildren; k++)
        n += strcmp(msg->children[k]->name, name) == 0;
    return n;
}

void aics_pt_free(aics_pt_node *root)
{
    if (!root) return;
    AICS_CHECK(root->is_message && ((pt_node *)root)->is_root,
               "aics_pt_free takes only a root returned by aics_pt_parse");
    pt_root *r = (pt_root *)root;
    arena_free(&r->arena);
    aics_strmap_free(r->groups);
    free(r);
}

/* ---- lexer ---------------------------------------------------------------- */

enum { T_EOF, T_IDENT, T_NUMBER, T_STRING, T_SYMBOL };

typedef struct {
    int type;
    size_t start, end; /* bytes [start, end) of the value text */
    long line, col;
    int neg;           /* T_IDENT preceded by '-' */
    char sym;          /* T_SYMBOL: the character */
} pt_tok;

typedef struct {
    const char *s;
    size_t len, pos;
    long line, col;
    aics_reader r;        /* the path, the error buffer, and whether it failed */
    pt_tok cur;
    pt_arena *arena;
    aics_pt_node **stack; /* children of the open messages */
    size_t nstack, capstack;
    aics_buf scratch;     /* string contents being unescaped */
    aics_strmap *names;   /* interned field names: name -> position in name_list */
    char **name_list;
    size_t nnames, capnames;
    aics_strmap *groups;  /* the root's, for build_index */
} pt_parser;

static void fail(pt_parser *p, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void fail(pt_parser *p, long line, long col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    aics_reader_vfail(&p->r, line, col, fmt, ap); /* keeps the first error */
    va_end(ap);
}

static int peekc(const pt_parser *p, size_t k)
{
    return p->pos + k < p->len ? (unsigned char)p->s[p->pos + k] : -1;
}

/* Consume one byte; a column is one UTF-8 code point, so continuation bytes
 * do not move it. */
static void step(pt_parser *p)
{
    unsigned char c = (unsigned char)p->s[p->pos++];
    if (c == '\n') {
        p->line++;
        p->col = 1;
    } else if ((c & 0xC0) != 0x80) {
        p->col++;
    }
}

static int is_ident_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_ident_char(int c) { return is_ident_start(c) || is_digit(c); }
static int is_hex(int c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static int hex_val(int c)
{
    return is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
}

static void skip_blank(pt_parser *p)
{
    for (int c; (c = peekc(p, 0)) >= 0;) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
            c == '\f') {
            step(p);
        } else if (c == '#') {
            while ((c = peekc(p, 0)) >= 0 && c != '\n') step(p);
        } else {
            break;
        }
    }
}

/* Describe the character at the cursor for a message: 'x', or U+XXXX. */
static void describe_char(const pt_parser *p, char *out, size_t outsz)
{
    const unsigned char *s = (const unsigned char *)p->s + p->pos;
    size_t avail = p->len - p->pos;
    if (s[0] > 0x20 && s[0] < 0x7F) {
        snprintf(out, outsz, "'%c'", s[0]);
        return;
    }
    /* The input is valid UTF-8 (checked before lexing), so decode it. */
    unsigned long cp = s[0];
    size_t n = s[0] < 0x80 ? 1 : s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;
    if (n > avail) n = avail;
    if (n > 1) {
        cp = s[0] & (0x7F >> n);
        for (size_t i = 1; i < n; i++) cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < 0x80)
        snprintf(out, outsz, "U+%04lX", cp);
    else
        snprintf(out, outsz, "'%.*s' (U+%04lX)", (int)n, (const char *)s, cp);
}

/* Append the UTF-8 encoding of `cp` to `b`. */
static void put_utf8(aics_buf *b, unsigned long cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    aics_buf_append(b, u, n);
}

/* \ooo after the backslash: up to three octal digits, one byte. */
static int lex_octal(pt_parser *p, unsigned long *v, long bs_line, long bs_col)
{
    int c;
    for (int k = 0; k < 3 && (c = peekc(p, 0)) >= '0' && c <= '7'; k++) {
        *v = *v * 8 + (unsigned long)(c - '0');
        step(p);
    }
    if (*v <= 0xFF) return 1;
    fail(p, bs_line, bs_col, "octal escape is larger than \\377; expected a byte value");
    return 0;
}

/* \xHH after the backslash (the cursor on the x): one or two hex digits. */
static int lex_hex(pt_parser *p, unsigned long *v, long bs_line, long bs_col)
{
    int c, k = 0;
    step(p);
    for (; k < 2 && is_hex(c = peekc(p, 0)); k++) {
        *v = *v * 16 + (unsigned long)hex_val(c);
        step(p);
    }
    if (k > 0) return 1;
    fail(p, bs_line, bs_col, "\\x escape without hex digits; expected \\xHH");
    return 0;
}

/* \uXXXX or \UXXXXXXXX after the backslash (the cursor on the u): a
 * Unicode scalar value. */
static int lex_unicode(pt_parser *p, unsigned long *v, long bs_line, long bs_col)
{
    char u = (char)peekc(p, 0);
    int c, want = u == 'u' ? 4 : 8;
    step(p);
    for (int k = 0; k < want; k++) {
        if (!is_hex(c = peekc(p, 0))) {
            fail(p, bs_line, bs_col, "\\%c escape needs %d hex digits", u, want);
            return 0;
        }
        *v = *v * 16 + (unsigned long)hex_val(c);
        step(p);
    }
    if (*v <= 0x10FFFF && !(*v >= 0xD800 && *v <= 0xDFFF)) return 1;
    fail(p, bs_line, bs_col, "\\%c escape U+%04lX is not a Unicode scalar value", u, *v);
    return 0;
}

/* A backslash before a character that starts no escape. */
static int bad_escape(pt_parser *p, int c, long bs_line, long bs_col)
{
    char what[32];
    if (c < 0 || c == '\n')
        snprintf(what, sizeof what, "'\\' at the end of the line");
    else
        describe_char(p, what, sizeof what);
    fail(p, bs_line, bs_col,
         "invalid escape in string (backslash before %s); expected one of "
         "\\n \\t \\r \\\\ \\\" \\' \\xHH \\ooo \\uXXXX", what);
    return 0;
}

/* One escape sequence after the backslash (the cursor is on the letter).
 * Appends the byte(s) to `out` when it is not NULL. Returns 0 on error. */
static int lex_escape(pt_parser *p, aics_buf *out, long bs_line, long bs_col)
{
    static const char simple_in[] = "ntrabfv\\'\"?";
    static const char simple_out[] = "\n\t\r\a\b\f\v\\'\"?";
    int c = peekc(p, 0);
    const char *hit = c > 0 ? strchr(simple_in, c) : NULL;
    if (hit) {
        step(p);
        if (out) aics_buf_putc(out, simple_out[hit - simple_in]);
        return 1;
    }
    unsigned long v = 0;
    bool unicode = c == 'u' || c == 'U';
    int ok = c >= '0' && c <= '7' ? lex_octal(p, &v, bs_line, bs_col)
           : c == 'x' || c == 'X' ? lex_hex(p, &v, bs_line, bs_col)
           : unicode ? lex_unicode(p, &v, bs_line, bs_col)
           : bad_escape(p, c, bs_line, bs_col);
    if (!ok) return 0;
    if (v == 0) {
        fail(p, bs_line, bs_col, "escape for a NUL character in a string; NUL is not supported");
        return 0;
    }
    if (out && unicode) put_utf8(out, v);
    else if (out) aics_buf_putc(out, (char)v);
    return 1;
}

/* A quoted string at the cursor; appends its contents to `out` when not NULL.
 * Returns 0 (with the error set) when it is malformed. */
static int lex_string(pt_parser *p, aics_buf *out)
{
    long line = p->line, col = p->col;
    int quote = peekc(p, 0);
    step(p);
    for (;;) {
        int c = peekc(p, 0);
        if (c < 0 || c == '\n') {
            fail(p, line, col,
                 "unterminated string; expected a closing %c before the end "
                 "of the %s", quote, c < 0 ? "file" : "line");
            return 0;
        }
        if (c == quote) {
            step(p);
            return 1;
        }
        if (c == '\\') {
            long bl = p->line, bc = p->col;
            step(p);
            if (!lex_escape(p, out, bl, bc)) return 0;
            continue;
        }
        size_t from = p->pos;
        step(p);
        if (out) aics_buf_append(out, p->s + from, 1);
    }
}

/* A number at the cursor (after any '-'): decimal, hex or float. */
static int lex_number(pt_parser *p, pt_tok *t)
{
    int c = peekc(p, 0);
    if (c == '0' && (peekc(p, 1) == 'x' || peekc(p, 1) == 'X') &&
        is_hex(peekc(p, 2))) {
        step(p);
        step(p);
        while (is_hex(peekc(p, 0))) step(p);
    } else {
        int is_float = 0;
        while (is_digit(peekc(p, 0))) step(p);
        if (peekc(p, 0) == '.') {
            is_float = 1;
            step(p);
            while (is_digit(peekc(p, 0))) step(p);
        }
        c = peekc(p, 0);
        int sign = peekc(p, 1) == '+' || peekc(p, 1) == '-';
        if ((c == 'e' || c == 'E') && is_digit(peekc(p, 1 + sign))) {
            is_float = 1;
            step(p);
            if (sign) step(p);
            while (is_digit(peekc(p, 0))) step(p);
        }
        t->end = p->pos;
        c = peekc(p, 0);
        if (is_float && (c == 'f' || c == 'F') && !is_ident_char(peekc(p, 1)) &&
            peekc(p, 1) != '.') {
            step(p); /* the suffix is not part of the value */
            return 1;
        }
    }
    t->end = p->pos;
    c = peekc(p, 0);
    if (is_ident_char(c) || c == '.') {
        size_t e = p->pos;
        while (e < p->len && (is_ident_char((unsigned char)p->s[e]) || p->s[e] == '.'))
            e++;
        int n = (int)(e - t->start < 40 ? e - t->start : 40);
        fail(p, t->line, t->col,
             "malformed number '%.*s'; expected digits, a '.', an exponent or "
             "a blank after them", n, p->s + t->start);
        return 0;
    }
    return 1;
}

/* Read the next token into p->cur. On a lexical error, sets p->r.failed and
 * leaves a T_EOF token. */
static void next(pt_parser *p)
{
    pt_tok *t = &p->cur;
    skip_blank(p);
    *t = (pt_tok){T_EOF, p->pos, p->pos, p->line, p->col, 0, 0};
    int c = peekc(p, 0);
    if (c < 0) return;
    if (strchr("{}<>[]:,;", c)) {
        t->type = T_SYMBOL;
        t->sym = (char)c;
        step(p);
        t->end = p->pos;
        return;
    }
    if (is_ident_start(c)) {
        while (is_ident_char(peekc(p, 0))) step(p);
        t->type = T_IDENT;
        t->end = p->pos;
        return;
    }
    if (c == '"' || c == '\'') {
        if (lex_string(p, NULL)) {
            t->type = T_STRING;
            t->end = p->pos;
        }
        return;
    }
    if (c == '-') {
        int d = peekc(p, 1);
        if (is_digit(d) || (d == '.' && is_digit(peekc(p, 2)))) {
            step(p);
            if (lex_number(p, t)) t->type = T_NUMBER;
            return;
        }
        if (is_ident_start(d)) {
            step(p);
            t->start = p->pos;
            while (is_ident_char(peekc(p, 0))) step(p);
            t->type = T_IDENT;
            t->neg = 1;
            t->end = p->pos;
            return;
        }
        fail(p, t->line, t->col, "'-' without a number; expected a number "
             "right after the minus sign");
        return;
    }
    if (is_digit(c) || (c == '.' && is_digit(peekc(p, 1)))) {
        if (lex_number(p, t)) t->type = T_NUMBER;
        return;
    }
    char what[48];
    describe_char(p, what, sizeof what);
    fail(p, t->line, t->col, "unexpected character %s; expected a field name, "
         "a value, or one of { } < > [ ] : , ;", what);
}

/* A token as a message fragment: end of file, 'name', number 3, … */
static const char *describe_tok(const pt_parser *p, const pt_tok *t, char *out,
                                size_t outsz)
{
    int n = (int)(t->end - t->start < 40 ? t->end - t->start : 40);
    switch (t->type) {
    case T_EOF: snprintf(out, outsz, "the end of the file"); break;
    case T_IDENT:
        snprintf(out, outsz, "'%s%.*s'", t->neg ? "-" : "", n, p->s + t->start);
        break;
    case T_NUMBER: snprintf(out, outsz, "number %.*s", n, p->s + t->start); break;
    case T_STRING: snprintf(out, outsz, "string %.*s", n, p->s + t->start); break;
    default: snprintf(out, outsz, "'%c'", t->sym); break;
    }
    return out;
}

static int is_sym(const pt_tok *t, char c) { return t->type == T_SYMBOL && t->sym == c; }

/* ---- parser --------------------------------------------------------------- */

/* Field names repeat (name, type, bottom, top …), so each distinct name is
 * stored once. */
static char *intern(pt_parser *p, const char *s, size_t n)
{
    size_t at;
    if (!aics_strmap_addn(p->names, s, n, p->nnames, &at)) return p->name_list[at];
    if (p->nnames == p->capnames) {
        p->capnames = p->capnames ? 2 * p->capnames : 64;
        p->name_list = aics_xrealloc(p->name_list, p->capnames * sizeof *p->name_list);
    }
    return p->name_list[p->nnames++] = arena_strndup(p->arena, s, n);
}

/* Messages get the index slot of pt_node; scalars are bare, which saves a
 * fifth of the memory on big files. */
static aics_pt_node *new_node(pt_parser *p, const pt_tok *name, long line,
                              long col, int is_message)
{
    size_t size = is_message ? sizeof(pt_node) : sizeof(aics_pt_node);
    aics_pt_node *n = arena_alloc(p->arena, size, alignof(pt_node));
    memset(n, 0, size);
    n->name = intern(p, p->s + name->start, name->end - name->start);
    n->is_message = is_message;
    n->line = line;
    n->col = col;
    return n;
}

static void push_child(pt_parser *p, aics_pt_node *n)
{
    if (p->nstack == p->capstack) {
        p->capstack = p->capstack ? p->capstack * 2 : 256;
        p->stack = aics_xrealloc(p->stack, p->capstack * sizeof *p->stack);
    }
    p->stack[p->nstack++] = n;
}

/* Move the children collected since `from` into message `msg`. */
static void close_message(pt_parser *p, aics_pt_node *msg, size_t from)
{
    size_t n = p->nstack - from;
    msg->nchildren = n;
    if (n) {
        msg->children = arena_alloc(p->arena, n * sizeof *msg->children,
                                    alignof(aics_pt_node *));
        memcpy(msg->children, p->stack + from, n * sizeof *msg->children);
    }
    p->nstack = from;
    if (n >= INDEX_MIN) ((pt_node *)msg)->index = build_index(p->arena, p->groups, msg);
}

static int parse_fields(pt_parser *p, aics_pt_node *msg, const pt_tok *open,
                        int depth);

/* A message body at the cursor ('{' or '<'), as child `name` of the message
 * being collected. */
static int parse_body(pt_parser *p, const pt_tok *name_tok, long line, long col,
                      int depth)
{
    if (depth > AICS_PT_MAX_DEPTH) {
        fail(p, p->cur.line, p->cur.col,
             "messages nested deeper than %d levels; expected at most %d",
             AICS_PT_MAX_DEPTH, AICS_PT_MAX_DEPTH);
        return 0;
    }
    aics_pt_node *msg = new_node(p, name_tok, line, col, 1);
    push_child(p, msg);
    pt_tok open = p->cur;
    size_t from = p->nstack;
    next(p);
    if (p->r.failed || !parse_fields(p, msg, &open, depth)) return 0;
    close_message(p, msg, from);
    return 1;
}

static const char *name_text(const pt_parser *p, const pt_tok *t, char *out,
                             size_t outsz)
{
    int n = (int)(t->end - t->start < 60 ? t->end - t->start : 60);
    snprintf(out, outsz, "%.*s", n, p->s + t->start);
    return out;
}

static void reset_scratch(pt_parser *p)
{
    p->scratch.len = 0;
    aics_buf_puts(&p->scratch, ""); /* allocates once, then keeps the space */
}

/* Whether a '-' before identifier `t` makes a number: -inf, -nan, -infinity. */
static int negative_word_ok(const pt_parser *p, const pt_tok *t)
{
    size_t n = t->end - t->start;
    const char *s = p->s + t->start;
    return (n == 3 && (strncasecmp(s, "inf", 3) == 0 || strncasecmp(s, "nan", 3) == 0)) ||
           (n == 8 && strncasecmp(s, "infinity", 8) == 0);
}

/* A number or identifier value at the cursor into p->scratch. */
static int scalar_word(pt_parser *p, const pt_tok *name_tok, int in_list)
{
    pt_tok *t = &p->cur;
    char nm[64], what[64];
    if (t->neg && !negative_word_ok(p, t)) {
        fail(p, t->line, t->col, "%s is not a number; expected a "
             "number, inf or nan after '-'", describe_tok(p, t, what, sizeof what));
        return 0;
    }
    /* A number token starting with '-' already holds it; an identifier
     * does not. */
    reset_scratch(p);
    if (t->neg) aics_buf_putc(&p->scratch, '-');
    aics_buf_append(&p->scratch, p->s + t->start, t->end - t->start);
    next(p);
    if (!in_list && t->type == T_SYMBOL && t->sym == ':' && !p->r.failed) {
        /* "a:\n b: 1" — the value of a is missing, b is the next field */
        fail(p, name_tok->line, name_tok->col,
             "missing value after '%s:'; expected a number, string or "
             "identifier", name_text(p, name_tok, nm, sizeof nm));
        return 0;
    }
    return 1;
}

/* Adjacent strings at the cursor, unescaped and joined into p->scratch. */
static void scalar_strings(pt_parser *p)
{
    pt_tok *t = &p->cur;
    reset_scratch(p);
    while (t->type == T_STRING) {
        size_t save = p->pos;
        long sl = p->line, sc = p->col;
        p->pos = t->start;
        p->line = t->line;
        p->col = t->col;
        lex_string(p, &p->scratch); /* already validated */
        p->pos = save;
        p->line = sl;
        p->col = sc;
        next(p);
    }
}

/* A scalar value at the cursor, as child `name_tok`. Returns 0 on error. */
static int parse_scalar(pt_parser *p, const pt_tok *name_tok, long line,
                        long col, int in_list)
{
    pt_tok *t = &p->cur;
    char nm[64], what[64];
    int quoted = t->type == T_STRING;
    if (t->type == T_NUMBER || t->type == T_IDENT) {
        if (!scalar_word(p, name_tok, in_list)) return 0;
    } else if (quoted) {
        scalar_strings(p);
    } else {
        if (p->r.failed) return 0;
        fail(p, name_tok->line, name_tok->col,
             "missing value after '%s:'; expected a number, string or "
             "identifier, found %s", name_text(p, name_tok, nm, sizeof nm),
             describe_tok(p, t, what, sizeof what));
        return 0;
    }
    if (p->r.failed) return 0;
    aics_pt_node *n = new_node(p, name_tok, line, col, 0);
    n->value = arena_strndup(p->arena, p->scratch.data, p->scratch.len);
    n->quoted = quoted;
    push_child(p, n);
    return 1;
}

/* After "name: [" — the elements up to and including ']'. */
static int parse_list(pt_parser *p, const pt_tok *name_tok, int depth)
{
    pt_tok open = p->cur;
    char nm[64], what[64];
    next(p);
    if (p->r.failed) return 0;
    if (is_sym(&p->cur, ']')) {
        next(p);
        return !p->r.failed;
    }
    for (;;) {
        long line = p->cur.line, col = p->cur.col;
        if (is_sym(&p->cur, '{') || is_sym(&p->cur, '<')) {
            if (!parse_body(p, name_tok, line, col, depth + 1)) return 0;
        } else if (p->cur.type == T_SYMBOL || p->cur.type == T_EOF) {
            fail(p, p->cur.line, p->cur.col,
                 "missing value in the list of '%s'; expected a number, "
                 "string, identifier or message, found %s",
                 name_text(p, name_tok, nm, sizeof nm),
                 describe_tok(p, &p->cur, what, sizeof what));
            return 0;
        } else if (!parse_scalar(p, name_tok, line, col, 1)) {
            return 0;
        }
        if (is_sym(&p->cur, ',')) {
            next(p);
            if (p->r.failed) return 0;
            continue;
        }
        if (is_sym(&p->cur, ']')) {
            next(p);
            return !p->r.failed;
        }
        fail(p, p->cur.line, p->cur.col,
             "expected ',' or ']' in the list of '%s' opened at line %ld, "
             "col %ld; found %s", name_text(p, name_tok, nm, sizeof nm),
             open.line, open.col, describe_tok(p, &p->cur, what, sizeof what));
        return 0;
    }
}

/* One field at the cursor (an identifier). */
static int parse_field(pt_parser *p, int depth)
{
    pt_tok name = p->cur;
    char nm[64], what[64];
    next(p);
    if (p->r.failed) return 0;
    int colon = is_sym(&p->cur, ':');
    if (colon) {
        next(p);
        if (p->r.failed) return 0;
    }
    if (is_sym(&p->cur, '{') || is_sym(&p->cur, '<')) {
        if (!parse_body(p, &name, name.line, name.col, depth + 1)) return 0;
    } else if (!colon) {
        fail(p, p->cur.line, p->cur.col,
             "expected ':' or '{' after field name '%s', found %s",
             name_text(p, &name, nm, sizeof nm),
             describe_tok(p, &p->cur, what, sizeof what));
        return 0;
    } else if (is_sym(&p->cur, '[')) {
        if (!parse_list(p, &name, depth)) return 0;
    } else if (!parse_scalar(p, &name, name.line, name.col, 0)) {
        return 0;
    }
    if (is_sym(&p->cur, ',') || is_sym(&p->cur, ';')) next(p);
    return !p->r.failed;
}

/* Fields until the closer matching `open` ('}' or '>'), or until the end of
 * the file when open is NULL (the root). Consumes the closer. */
static int parse_fields(pt_parser *p, aics_pt_node *msg, const pt_tok *open,
                        int depth)
{
    char want = open ? (open->sym == '{' ? '}' : '>') : 0;
    char what[64];
    for (;;) {
        pt_tok *t = &p->cur;
        if (p->r.failed) return 0;
        if (t->type == T_IDENT && !t->neg) {
            if (!parse_field(p, depth)) return 0;
            continue;
        }
        if (t->type == T_EOF) {
            if (!open) return 1;
            fail(p, open->line, open->col,
                 "unclosed '%c' of '%s'; expected '%c' before the end of the file",
                 open->sym, msg->name, want);
            return 0;
        }
        if (t->type == T_SYMBOL && want && t->sym == want) {
            next(p);
            return !p->r.failed;
        }
        if (is_sym(t, '}') || is_sym(t, '>')) {
            if (open)
                fail(p, t->line, t->col,
                     "'%c' does not match the '%c' of '%s' opened at line %ld, "
                     "col %ld; expected '%c'", t->sym, open->sym, msg->name,
                     open->line, open->col, want);
            else
                fail(p, t->line, t->col,
                     "unexpected '%c' with no open '%c' before it; expected a "
                     "field name", t->sym, t->sym == '}' ? '{' : '<');
            return 0;
        }
        fail(p, t->line, t->col, "expected a field name%s, found %s",
             open ? (want == '}' ? " or '}'" : " or '>'") : "",
             describe_tok(p, t, what, sizeof what));
        return 0;
    }
}

/* ---- entry points --------------------------------------------------------- */

aics_pt_node *aics_pt_parse(const char *text, size_t len, const char *path,
                            char *err, size_t errsz)
{
    pt_parser p = {.scratch = AICS_BUF_INIT};
    p.s = text;
    p.len = text ? len : 0;
    p.line = 1;
    p.col = 1;
    p.r = (aics_reader){.path = path ? path : "<input>", .err = err, .errsz = errsz};
    if (err && errsz) err[0] = '\0';
    /* p.s need not end in a NUL; the reader skips the BOM */
    if (!aics_reader_start(&p.r, p.s, p.len, AICS_REFUSE_BINARY)) {
        fail(&p, p.r.line, p.r.col, "binary file (a NUL byte or invalid UTF-8 here); "
             "expected a text prototxt");
        return NULL;
    }
    p.pos = (size_t)(p.r.text - p.s);

    pt_root *root = aics_xcalloc(1, sizeof *root);
    root->node.is_root = 1;
    root->node.pub.name = "";
    root->node.pub.is_message = 1;
    root->node.pub.line = 1;
    root->node.pub.col = 1;
    p.arena = &root->arena;
    p.groups = root->groups = aics_strmap_new();
    p.names = aics_strmap_new();

    next(&p);
    if (!p.r.failed && p.cur.type == T_EOF)
        fail(&p, 1, 1, "empty file; expected a Caffe prototxt");
    if (!p.r.failed && parse_fields(&p, &root->node.pub, NULL, 0))
        close_message(&p, &root->node.pub, 0);
    free(p.stack);
    aics_strmap_free(p.names);
    free(p.name_list);
    aics_buf_free(&p.scratch);
    if (p.r.failed) {
        aics_pt_free(&root->node.pub);
        return NULL;
    }
    return &root->node.pub;
}

aics_pt_node *aics_pt_load(const char *path, char *err, size_t errsz)
{
    if (!path) {
        if (err && errsz) snprintf(err, errsz, "<input>: no file name given; expected a prototxt path");
        return NULL;
    }
    size_t len = 0;
    char scratch[1];
    char *text = aics_read_text(path, AICS_PT_MAX_BYTES, "a prototxt file", &len,
                                err && errsz ? err : scratch, err && errsz ? errsz : sizeof scratch);
    if (!text) return NULL;
    aics_pt_node *root = aics_pt_parse(text, len, path, err, errsz);
    free(text);
    return root;
}
