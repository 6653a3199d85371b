/* mathpass.c — math placeholders around cmark (see mathpass.h). */
#include "mathpass.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

#define PH_OPEN "\xEE\x80\x80"  /* U+E000 */
#define PH_CLOSE "\xEE\x80\x81" /* U+E001 */

typedef struct {
    const char *s;
    size_t len;
    aics_spans *out;
    size_t text_start; /* where the pending TEXT span began */
} scanner;

static void push(aics_spans *sp, aics_span_kind kind, size_t start, size_t end)
{
    if (sp->n == sp->cap) {
        sp->cap = sp->cap ? 2 * sp->cap : 16;
        sp->v = aics_xrealloc(sp->v, sp->cap * sizeof *sp->v);
    }
    sp->v[sp->n++] = (aics_span){kind, start, end};
}

/* Close the pending text, then record [start, end) as `kind`. */
static void emit(scanner *sc, aics_span_kind kind, size_t start, size_t end)
{
    if (start > sc->text_start) push(sc->out, AICS_SPAN_TEXT, sc->text_start, start);
    push(sc->out, kind, start, end);
    sc->text_start = end;
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* Whether a blank line starts right after the newline at i. */
static bool blank_line_after(const char *s, size_t len, size_t i)
{
    for (size_t j = i + 1; j < len; j++) {
        if (s[j] == '\n') return true;
        if (s[j] != ' ' && s[j] != '\t' && s[j] != '\r') return false;
    }
    return true;
}

static size_t line_end(const char *s, size_t len, size_t i)
{
    while (i < len && s[i] != '\n') i++;
    return i < len ? i + 1 : len;
}

/* A fence (```… or ~~~…) on the line at i: its character and length, or 0. */
static size_t fence_at(const char *s, size_t len, size_t i, char *ch)
{
    while (i < len && s[i] == ' ') i++;
    if (i >= len || (s[i] != '`' && s[i] != '~')) return 0;
    size_t n = 0;
    while (i + n < len && s[i + n] == s[i]) n++;
    *ch = s[i];
    return n >= 3 ? n : 0;
}

/* The end of the fenced block that opens on the line at i. */
static size_t fence_block_end(const char *s, size_t len, size_t i, char ch, size_t n)
{
    for (size_t at = line_end(s, len, i); at < len; at = line_end(s, len, at)) {
        char c;
        size_t m = fence_at(s, len, at, &c);
        if (m >= n && c == ch) {
            size_t j = at;
            while (s[j] == ' ') j++;
            j += m;
            while (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r')) j++;
            if (j >= len || s[j] == '\n') return line_end(s, len, at);
        }
    }
    return len;
}

/* A code span opening at i (a run of n backticks): its end, or 0. */
static size_t code_span_end(const char *s, size_t len, size_t i, size_t n)
{
    for (size_t j = i + n; j < len; j++) {
        if (s[j] == '\n' && blank_line_after(s, len, j)) return 0;
        if (s[j] != '`') continue;
        size_t m = 0;
        while (j + m < len && s[j + m] == '`') m++;
        if (m == n) return j + m;
        j += m - 1;
    }
    return 0;
}

/* Display math opening at i ("$$"): the end after the closing "$$", or 0. */
static size_t display_end(const char *s, size_t len, size_t i)
{
    for (size_t j = i + 2; j < len; j++) {
        if (s[j] == '\\') { j++; continue; }
        if (s[j] == '\n' && blank_line_after(s, len, j)) return 0;
        if (s[j] == '$' && j + 1 < len && s[j + 1] == '$') return j > i + 2 ? j + 2 : 0;
    }
    return 0;
}

/* Inline math opening at i ("$"): the end after the closing "$", or 0. */
static size_t inline_end(const char *s, size_t len, size_t i)
{
    if (i + 1 >= len || is_space(s[i + 1])) return 0;
    for (size_t j = i + 1; j < len; j++) {
        if (s[j] == '\\') { j++; continue; }
        if (s[j] == '\n' && blank_line_after(s, len, j)) return 0;
        if (s[j] == '`') return 0; /* a code span comes first: `$x$` is code */
        if (s[j] != '$') continue;
        /* TeX ends inline math at any '$', so one that cannot close means the
         * opening '$' was not math after all ("$5 and $10"). */
        if (is_space(s[j - 1]) || (j + 1 < len && s[j + 1] >= '0' && s[j + 1] <= '9')) return 0;
        return j + 1;
    }
    return 0;
}

/* Try a code span or math at i; return the position to go on from. */
static size_t scan_special(scanner *sc, size_t i, bool math)
{
    const char *s = sc->s;
    size_t len = sc->len, end;
    if (s[i] == '`') {
        size_t n = 0;
        while (i + n < len && s[i + n] == '`') n++;
        if ((end = code_span_end(s, len, i, n))) { emit(sc, AICS_SPAN_CODE, i, end); return end; }
        return i + n;
    }
    if (!math) return i + 1;
    if (i + 1 < len && s[i + 1] == '$') {
        if ((end = display_end(s, len, i))) { emit(sc, AICS_SPAN_DISPLAY, i, end); return end; }
        return i + 2;
    }
    if ((end = inline_end(s, len, i))) { emit(sc, AICS_SPAN_MATH, i, end); return end; }
    return i + 1;
}

void aics_md_spans(const char *md, size_t len, bool math, aics_spans *out)
{
    scanner sc = {md, len, out, 0};
    out->v = NULL;
    out->n = out->cap = 0;
    size_t i = 0;
    while (i < len) {
        char ch;
        size_t n;
        if ((i == 0 || md[i - 1] == '\n') && (n = fence_at(md, len, i, &ch))) {
            size_t end = fence_block_end(md, len, i, ch, n);
            emit(&sc, AICS_SPAN_CODE, i, end);
            i = end;
        } else if (md[i] == '\\') {
            i = i + 2 < len ? i + 2 : len;
        } else if (md[i] == '`' || md[i] == '$') {
            i = scan_special(&sc, i, math);
        } else {
            i++;
        }
    }
    if (len > sc.text_start) push(out, AICS_SPAN_TEXT, sc.text_start, len);
}

void aics_spans_free(aics_spans *s)
{
    free(s->v);
    s->v = NULL;
    s->n = s->cap = 0;
}

static size_t add_math(aics_mathset *set, const char *tex, size_t n, bool display)
{
    if (set->n == set->cap) {
        set->cap = set->cap ? 2 * set->cap : 16;
        set->tex = aics_xrealloc(set->tex, set->cap * sizeof *set->tex);
        set->display = aics_xrealloc(set->display, set->cap * sizeof *set->display);
    }
    char *t = aics_xmalloc(n + 1);
    memcpy(t, tex, n);
    t[n] = '\0';
    set->tex[set->n] = t;
    set->display[set->n] = display;
    return set->n++;
}

/* Whether the line holding byte `at` is inside a block quote ("> …"). */
static bool quoted_line(const char *md, size_t at)
{
    size_t b = at;
    while (b > 0 && md[b - 1] != '\n') b--;
    while (md[b] == ' ' || md[b] == '\t') b++;
    return md[b] == '>';
}

/* Math of `n` bytes at `tex`; in a block quote, the "> " markers that
 * continue the quote on its later lines are not TeX and are dropped. */
static size_t add_quoted_math(aics_mathset *set, const char *tex, size_t n, bool display, bool quoted)
{
    if (!quoted) return add_math(set, tex, n, display);
    aics_buf t = AICS_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        aics_buf_putc(&t, tex[i]);
        if (tex[i] != '\n') continue;
        size_t j = i + 1;
        while (j < n && (tex[j] == ' ' || tex[j] == '\t' || tex[j] == '>')) j++;
        i = j - 1;
    }
    size_t id = add_math(set, t.data, t.len, display);
    aics_buf_free(&t);
    return id;
}

void aics_math_protect(const char *md, size_t len, aics_mathset *set, aics_buf *out)
{
    aics_spans sp;
    aics_md_spans(md, len, true, &sp);
    for (size_t k = 0; k < sp.n; k++) {
        const aics_span *s = &sp.v[k];
        if (s->kind == AICS_SPAN_TEXT || s->kind == AICS_SPAN_CODE) {
            aics_buf_append(out, md + s->start, s->end - s->start);
            continue;
        }
        size_t d = s->kind == AICS_SPAN_DISPLAY ? 2 : 1;
        size_t id = add_quoted_math(set, md + s->start + d, s->end - s->start - 2 * d, d == 2,
                                    quoted_line(md, s->start));
        aics_buf_printf(out, PH_OPEN "%zu" PH_CLOSE, id);
    }
    aics_spans_free(&sp);
}

/* A placeholder at p: its index and length, or false. */
static bool placeholder_at(const char *p, const aics_mathset *set, size_t *id, size_t *n)
{
    if (strncmp(p, PH_OPEN, 3) != 0) return false;
    const char *q = p + 3;
    size_t v = 0, digits = 0;
    while (*q >= '0' && *q <= '9' && digits < 12) v = v * 10 + (size_t)(*q++ - '0'), digits++;
    if (digits == 0 || strncmp(q, PH_CLOSE, 3) != 0 || v >= set->n) return false;
    *id = v;
    *n = (size_t)(q + 3 - p);
    return true;
}

static bool ends_with(const aics_buf *b, const char *s)
{
    size_t n = strlen(s);
    return b->len >= n && memcmp(b->data + b->len - n, s, n) == 0;
}

/* Put math `id` back as an element; `p` is just after its placeholder.
 * Returns how much more of the input the element used up. */
static size_t math_element(const aics_mathset *set, size_t id, const char *p, aics_buf *out)
{
    const char *tex = set->tex[id];
    if (set->display[id] && ends_with(out, "<p>") && strncmp(p, "</p>", 4) == 0) {
        out->len -= 3; /* the display stands alone: a block, not a paragraph */
        aics_buf_puts(out, "<div class=\"math display\">");
        aics_html_escape(out, tex, strlen(tex));
        aics_buf_puts(out, "</div>");
        return 4;
    }
    aics_buf_puts(out, set->display[id] ? "<span class=\"math display\">" : "<span class=\"math\">");
    aics_html_escape(out, tex, strlen(tex));
    aics_buf_puts(out, "</span>");
    return 0;
}

void aics_math_restore_html(const char *html, const aics_mathset *set, aics_buf *out)
{
    bool in_tag = false; /* inside <…>, as in alt="…": plain TeX, no element */
    for (const char *p = html; *p;) {
        size_t id, n;
        if (!placeholder_at(p, set, &id, &n)) {
            if (*p == '<') in_tag = true;
            else if (*p == '>') in_tag = false;
            aics_buf_putc(out, *p++);
            continue;
        }
        p += n;
        if (in_tag) aics_html_escape(out, set->tex[id], strlen(set->tex[id]));
        else p += math_element(set, id, p, out);
    }
}

void aics_math_restore_md(const char *text, const aics_mathset *set, aics_buf *out)
{
    for (const char *p = text; *p;) {
        size_t id, n;
        if (!placeholder_at(p, set, &id, &n)) { aics_buf_putc(out, *p++); continue; }
        const char *d = set->display[id] ? "$$" : "$";
        aics_buf_printf(out, "%s%s%s", d, set->tex[id], d);
        p += n;
    }
}

void aics_mathset_free(aics_mathset *set)
{
    for (size_t i = 0; i < set->n; i++) free(set->tex[i]);
    free(set->tex);
    free(set->display);
    *set = (aics_mathset)AICS_MATHSET_INIT;
}

void aics_html_escape(aics_buf *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '&': aics_buf_puts(out, "&amp;"); break;
        case '<': aics_buf_puts(out, "&lt;"); break;
        case '>': aics_buf_puts(out, "&gt;"); break;
        case '"': aics_buf_puts(out, "&quot;"); break;
        default: aics_buf_putc(out, s[i]);
        }
    }
}
