/* result.c — collecting named results and rendering them (see result.h). */
#include "result.h"

#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "intmath.h"
#include "json.h"
#include "kv.h"
#include "plain.h"
#include "strmap.h"
#include "width.h"

typedef enum { ITEM_PART, ITEM_INT, ITEM_DOUBLE, ITEM_WORD, ITEM_NOTE, ITEM_TABLE, ITEM_FACT } item_kind;

struct aics_table {
    int ncols;
    char *align;
    char **cells; /* row-major; headers are the first ncols */
    size_t ncells;
};

typedef struct {
    item_kind kind;
    char *key;   /* part name, or result key */
    char *label; /* part title, result label, or note text */
    int64_t i;
    double d;
    char *word;
    aics_table *table;
    bool hidden; /* a value for kv and json only (aics_result_kv_only) */
    char *shown; /* how text and md show the value (aics_result_shown, facts), or NULL */
    aics_show show; /* a part's text level */
} item;

struct aics_result {
    char *exercise;
    char *convention;
    uint64_t seed;
    item *items;
    size_t n, cap;
    aics_strmap *index; /* value items by key: item index; duplicate checks in O(1) */
    bool kv_only;
};

static const char *const format_names[] = {"text", "md", "kv", "json", "labels", "none"};

bool aics_format_parse(const char *name, aics_format *out)
{
    for (int f = 0; f <= AICS_FORMAT_NONE; f++) {
        if (strcmp(name, format_names[f]) == 0) {
            *out = (aics_format)f;
            return true;
        }
    }
    return false;
}

const char *aics_format_name(aics_format f) { return format_names[f]; }

bool aics_result_word_ok(const char *word)
{
    if (!word || !*word) return false;
    for (const char *p = word; *p; p++)
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:+-/", *p))
            return false;
    if ((*word >= 'a' && *word <= 'z') || (*word >= 'A' && *word <= 'Z')) return true;
    /* A word may start with a digit (a shape like 112x112x64) only when no
     * reader could take it for a number: strtod must stop before its end. */
    if (!(*word >= '0' && *word <= '9')) return false;
    char *end;
    (void)strtod(word, &end);
    return *end != '\0';
}

aics_result *aics_result_new(const char *exercise, uint64_t seed, const char *convention)
{
    AICS_CHECK(aics_result_word_ok(convention), "a convention is one bare word, like 'mul-add-per-image'");
    aics_result *r = aics_xcalloc(1, sizeof *r);
    r->exercise = aics_xstrdup(exercise);
    r->convention = aics_xstrdup(convention);
    r->seed = seed;
    r->index = aics_strmap_new();
    return r;
}

static void free_table(aics_table *t)
{
    for (size_t i = 0; i < t->ncells; i++) free(t->cells[i]);
    free(t->cells);
    free(t->align);
    free(t);
}

static void free_item(item *it)
{
    free(it->key);
    free(it->label);
    free(it->word);
    free(it->shown);
    if (it->table) free_table(it->table);
}

void aics_result_free(aics_result *r)
{
    if (!r) return;
    for (size_t i = 0; i < r->n; i++) free_item(&r->items[i]);
    free(r->items);
    aics_strmap_free(r->index);
    free(r->exercise);
    free(r->convention);
    free(r);
}

static item *push(aics_result *r, item_kind kind)
{
    r->items = aics_xgrow(r->items, r->n, &r->cap, sizeof *r->items);
    item *it = &r->items[r->n++];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    return it;
}

static bool is_value(const item *it)
{
    return it->kind == ITEM_INT || it->kind == ITEM_DOUBLE || it->kind == ITEM_WORD;
}

/* What a value shows as its label: the label, or its key when none was given. */
static const char *value_label(const item *it) { return it->label ? it->label : it->key; }

static item *push_value(aics_result *r, item_kind kind, const char *key, const char *label)
{
    AICS_CHECK(aics_kv_key_ok(key), "result keys are made of [a-z0-9_.] only");
    bool fresh = aics_strmap_add(r->index, key, r->n, NULL);
    AICS_CHECK(fresh, "each result key may be added only once");
    item *it = push(r, kind);
    it->key = aics_xstrdup(key);
    it->label = label ? aics_xstrdup(label) : NULL; /* NULL: show the key */
    it->hidden = r->kv_only;
    return it;
}

void aics_result_kv_only(aics_result *r, bool on) { r->kv_only = on; }

void aics_result_part_show(aics_result *r, const char *name, const char *title, aics_show show)
{
    AICS_CHECK(aics_kv_key_ok(name) && !strchr(name, '.'), "part names are made of [a-z0-9_]");
    item *it = push(r, ITEM_PART);
    it->key = aics_xstrdup(name);
    it->label = title ? aics_xstrdup(title) : NULL;
    it->show = show;
}

void aics_result_part(aics_result *r, const char *name, const char *title)
{
    aics_result_part_show(r, name, title, AICS_SHOW_DETAIL);
}

void aics_result_int(aics_result *r, const char *key, int64_t value, const char *label)
{
    push_value(r, ITEM_INT, key, label)->i = value;
}

void aics_result_double(aics_result *r, const char *key, double value, const char *label)
{
    AICS_CHECK(isfinite(value), "results must be finite; report divergence with a '.diverged' key instead");
    push_value(r, ITEM_DOUBLE, key, label)->d = value;
}

void aics_result_word(aics_result *r, const char *key, const char *word, const char *label)
{
    AICS_CHECK(aics_result_word_ok(word), "a word value starts with a letter and has no spaces");
    push_value(r, ITEM_WORD, key, label)->word = aics_xstrdup(word);
}

void aics_result_bool(aics_result *r, const char *key, bool value, const char *label)
{
    aics_result_int(r, key, value ? 1 : 0, label);
    aics_result_shown(r, "%s", value ? "是" : "否");
}

void aics_result_shown(aics_result *r, const char *fmt, ...)
{
    AICS_CHECK(r->n > 0 && is_value(&r->items[r->n - 1]), "aics_result_shown follows a named result");
    item *it = &r->items[r->n - 1];
    free(it->shown);
    va_list ap;
    va_start(ap, fmt);
    it->shown = aics_xvasprintf(fmt, ap);
    va_end(ap);
}

void aics_result_fact(aics_result *r, const char *label, const char *fmt, ...)
{
    item *it = push(r, ITEM_FACT);
    it->label = aics_xstrdup(label);
    va_list ap;
    va_start(ap, fmt);
    it->shown = aics_xvasprintf(fmt, ap);
    va_end(ap);
}

void aics_result_note(aics_result *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    push(r, ITEM_NOTE)->label = aics_xvasprintf(fmt, ap);
    va_end(ap);
}

aics_table *aics_result_table(aics_result *r, const char *align, const char *const *headers)
{
    aics_table *t = aics_xcalloc(1, sizeof *t);
    t->ncols = (int)strlen(align);
    AICS_CHECK(t->ncols > 0, "a table needs at least one column");
    t->align = aics_xstrdup(align);
    for (int c = 0; c < t->ncols; c++) aics_table_cell(t, "%s", headers[c]);
    push(r, ITEM_TABLE)->table = t;
    return t;
}

void aics_table_cell(aics_table *t, const char *fmt, ...)
{
    t->cells = aics_xrealloc(t->cells, (t->ncells + 1) * sizeof *t->cells);
    va_list ap;
    va_start(ap, fmt);
    t->cells[t->ncells++] = aics_xvasprintf(fmt, ap);
    va_end(ap);
}

/* ---- rendering helpers ---- */

static void pad(aics_buf *out, const char *s, size_t width, char align)
{
    size_t w = aics_display_width(s);
    size_t gap = width > w ? width - w : 0;
    if (align == 'r')
        for (size_t i = 0; i < gap; i++) aics_buf_putc(out, ' ');
    aics_buf_puts(out, s);
    if (align != 'r')
        for (size_t i = 0; i < gap; i++) aics_buf_putc(out, ' ');
}

/* The value as a human reads it: the shown text if any, separators for
 * integers, 6 digits for doubles, pass and fail in Chinese. */
static void human_value(const item *it, char *buf, size_t n)
{
    if (it->shown) snprintf(buf, n, "%s", it->shown);
    else if (it->kind == ITEM_INT) aics_fmt_thousands(it->i, buf);
    else if (it->kind == ITEM_DOUBLE) snprintf(buf, n, "%.6g", it->d);
    else if (strcmp(it->word, "pass") == 0) snprintf(buf, n, "通过");
    else if (strcmp(it->word, "fail") == 0) snprintf(buf, n, "未通过");
    else snprintf(buf, n, "%s", it->word);
}

/* %.17g round-trips every double; the decimal point is forced to '.' so a
 * program that changed LC_NUMERIC still writes the C-locale contract. */
static void exact_value(const item *it, aics_buf *out)
{
    if (it->kind == ITEM_INT) {
        char digits[24], *p = digits + sizeof digits;
        uint64_t mag = it->i < 0 ? (uint64_t)0 - (uint64_t)it->i : (uint64_t)it->i;
        do *--p = (char)('0' + mag % 10); while ((mag /= 10) != 0);
        if (it->i < 0) *--p = '-';
        aics_buf_append(out, p, (size_t)(digits + sizeof digits - p));
    } else if (it->kind == ITEM_DOUBLE) {
        char num[40];
        snprintf(num, sizeof num, "%.17g", it->d);
        const char *point = localeconv()->decimal_point;
        for (char *c = num; *c; c++)
            if (point && *c == point[0] && *c != '.') *c = '.';
        aics_buf_puts(out, num);
    } else {
        aics_buf_puts(out, it->word);
    }
}

/* A row of "label  value": a named result or a fact. */
static bool is_row(const item *it) { return is_value(it) || it->kind == ITEM_FACT; }

/* Index one past the run of consecutive rows starting at i. */
static size_t value_run_end(const aics_result *r, size_t i)
{
    while (i < r->n && is_row(&r->items[i])) i++;
    return i;
}

/* Index one past the item at i, a run of rows being one item (one table). */
static size_t item_end(const aics_result *r, size_t i)
{
    return is_row(&r->items[i]) ? value_run_end(r, i) : i + 1;
}

static void text_values(const aics_result *r, size_t from, size_t to, aics_buf *out)
{
    size_t width = 0;
    char **labels = aics_xcalloc(to - from, sizeof *labels);
    for (size_t i = from; i < to; i++) {
        if (r->items[i].hidden) continue;
        labels[i - from] = aics_plain_dup(value_label(&r->items[i]));
        size_t w = aics_display_width(labels[i - from]);
        if (w > width) width = w;
    }
    for (size_t i = from; i < to; i++) {
        char v[256];
        if (r->items[i].hidden) continue;
        human_value(&r->items[i], v, sizeof v);
        aics_buf_puts(out, "  ");
        pad(out, labels[i - from], width, 'l');
        aics_buf_puts(out, "  ");
        aics_plain(v, out);
        aics_buf_putc(out, '\n');
        free(labels[i - from]);
    }
    free(labels);
}

static void text_table(const aics_table *t, aics_buf *out)
{
    size_t *width = aics_xcalloc((size_t)t->ncols, sizeof *width);
    char **cells = aics_xcalloc(t->ncells, sizeof *cells);
    for (size_t i = 0; i < t->ncells; i++) {
        cells[i] = aics_plain_dup(t->cells[i]);
        size_t w = aics_display_width(cells[i]);
        if (w > width[i % t->ncols]) width[i % t->ncols] = w;
    }
    for (size_t i = 0; i < t->ncells; i++) {
        int c = (int)(i % t->ncols);
        aics_buf_puts(out, "  ");
        pad(out, cells[i], width[c], t->align[c]);
        if (c == t->ncols - 1 || i + 1 == t->ncells) aics_buf_putc(out, '\n');
        if (i + 1 == (size_t)t->ncols) { /* rule under the header */
            aics_buf_puts(out, "  ");
            for (int k = 0; k < t->ncols; k++) {
                for (size_t j = 0; j < width[k]; j++) aics_buf_putc(out, '-');
                if (k + 1 < t->ncols) aics_buf_puts(out, "  ");
            }
            aics_buf_putc(out, '\n');
        }
        free(cells[i]);
    }
    free(cells);
    free(width);
}

#define TEXT_COLUMNS 80

/* A note in a terminal: plain text, each line wrapped at 80 columns; the
 * lines of a "- " list continue under their text. */
static void text_note(const char *md, aics_buf *out)
{
    char *plain = aics_plain_dup(md);
    for (char *line = plain; line;) {
        char *nl = strchr(line, '\n');
        if (nl) *nl = '\0';
        size_t indent = strncmp(line, "- ", 2) == 0 ? 2 : 0;
        const char *p = line;
        do {
            if (p != line) for (size_t k = 0; k < indent; k++) aics_buf_putc(out, ' ');
            size_t n = aics_wrap_break(p, TEXT_COLUMNS - (p != line ? indent : 0)), shown = n;
            while (shown > 0 && p[shown - 1] == ' ') shown--;
            aics_buf_append(out, p, shown);
            aics_buf_putc(out, '\n');
            p += n;
            while (*p == ' ') p++;
        } while (*p);
        line = nl ? nl + 1 : NULL;
    }
    free(plain);
}

/* The items of the part starting at `i` (just after its ITEM_PART), up to the next part. */
static size_t text_items(const aics_result *r, size_t i, aics_buf *out)
{
    for (size_t end; i < r->n && r->items[i].kind != ITEM_PART; i = end) {
        const item *it = &r->items[i];
        end = item_end(r, i);
        if (is_row(it)) text_values(r, i, end, out);
        else if (it->kind == ITEM_NOTE) text_note(it->label, out);
        else text_table(it->table, out);
    }
    return i;
}

static bool has_part(const aics_result *r, aics_show show)
{
    for (size_t i = 0; i < r->n; i++)
        if (r->items[i].kind == ITEM_PART && r->items[i].show == show) return true;
    return false;
}

static void text_title(const item *part, aics_buf *out)
{
    aics_buf_puts(out, "\n== ");
    aics_plain(part->label ? part->label : part->key, out);
    aics_buf_puts(out, " ==\n");
}

/* A result without an answer part: every part in order, as before answers existed. */
static void text_everything(const aics_result *r, bool layers, aics_buf *out)
{
    aics_buf_printf(out, "练习 %s（约定：%s）\n", r->exercise, r->convention);
    size_t i = text_items(r, 0, out);
    while (i < r->n) {
        const item *part = &r->items[i];
        bool shown = part->show != AICS_SHOW_LAYERS || layers;
        if (shown) text_title(part, out);
        aics_buf tmp = AICS_BUF_INIT;
        i = text_items(r, i + 1, shown ? out : &tmp);
        aics_buf_free(&tmp);
    }
}

void aics_result_render_text(const aics_result *r, bool detail, bool layers, aics_buf *out)
{
    if (!has_part(r, AICS_SHOW_ANSWER)) {
        text_everything(r, layers, out);
        return;
    }
    for (size_t i = 0; i < r->n; i++) { /* the answer block first, with no blank line */
        const item *part = &r->items[i];
        if (part->kind != ITEM_PART || part->show != AICS_SHOW_ANSWER) continue;
        aics_buf_printf(out, "练习 %s　", r->exercise);
        aics_plain(part->label ? part->label : "答案", out);
        aics_buf_putc(out, '\n');
        text_items(r, i + 1, out);
    }
    if (detail) aics_buf_printf(out, "\n（约定标识：%s）\n", r->convention);
    for (size_t i = 0; i < r->n; i++) {
        const item *part = &r->items[i];
        if (part->kind != ITEM_PART || part->show == AICS_SHOW_ANSWER) continue;
        bool shown = part->show == AICS_SHOW_BRIEF || (part->show == AICS_SHOW_DETAIL && detail) ||
                     (part->show == AICS_SHOW_LAYERS && layers);
        if (!shown) continue;
        text_title(part, out);
        text_items(r, i + 1, out);
    }
    if (!detail)
        aics_buf_printf(out, "\n更多：--detail 显示全部推导与核对%s，--help 列出选项。\n",
                        has_part(r, AICS_SHOW_LAYERS) && !layers ? "，--layers 显示逐层计数表" : "");
}

static void md_cell(aics_buf *out, const char *s)
{
    for (; *s; s++) {
        if (*s == '|') aics_buf_puts(out, "\\|");
        else if (*s == '\n') aics_buf_putc(out, ' ');
        else aics_buf_putc(out, *s);
    }
}

static void md_values(const aics_result *r, size_t from, size_t to, aics_buf *out)
{
    size_t shown = 0;
    for (size_t i = from; i < to; i++) shown += !r->items[i].hidden;
    if (shown == 0) return;
    aics_buf_puts(out, "| 结果 | 值 |\n|:--|--:|\n");
    for (size_t i = from; i < to; i++) {
        char v[64];
        if (r->items[i].hidden) continue;
        human_value(&r->items[i], v, sizeof v);
        aics_buf_puts(out, "| ");
        md_cell(out, value_label(&r->items[i]));
        aics_buf_printf(out, " | %s |\n", v);
    }
    aics_buf_putc(out, '\n');
}

static void md_table(const aics_table *t, aics_buf *out)
{
    for (size_t i = 0; i < t->ncells; i++) {
        int c = (int)(i % t->ncols);
        aics_buf_puts(out, "| ");
        md_cell(out, t->cells[i]);
        aics_buf_putc(out, ' ');
        if (c == t->ncols - 1 || i + 1 == t->ncells) aics_buf_puts(out, "|\n");
        if (i + 1 == (size_t)t->ncols) {
            for (int k = 0; k < t->ncols; k++)
                aics_buf_puts(out, t->align[k] == 'r' ? "|--:" : "|:--");
            aics_buf_puts(out, "|\n");
        }
    }
    aics_buf_putc(out, '\n');
}

static void render_md(const aics_result *r, aics_buf *out)
{
    const char *open = NULL;
    for (size_t i = 0, end; i < r->n; i = end) {
        const item *it = &r->items[i];
        end = item_end(r, i);
        if (is_row(it)) {
            md_values(r, i, end, out);
        } else if (it->kind == ITEM_PART) {
            if (open) aics_buf_printf(out, "<!-- aics:end %s -->\n\n", open);
            open = it->key;
            aics_buf_printf(out, "<!-- aics:part %s -->\n\n", open);
            if (it->label) aics_buf_printf(out, "#### %s\n\n", it->label);
        } else if (it->kind == ITEM_NOTE) {
            aics_buf_printf(out, "%s\n\n", it->label);
        } else {
            md_table(it->table, out);
        }
    }
    if (open) aics_buf_printf(out, "<!-- aics:end %s -->\n", open);
}

static void render_kv(const aics_result *r, aics_buf *out)
{
    aics_buf_printf(out, "# aics-result v%d exercise=%s seed=%llu convention=%s\n",
                    AICS_RESULT_VERSION, r->exercise, (unsigned long long)r->seed,
                    r->convention);
    for (size_t i = 0; i < r->n; i++) {
        if (!is_value(&r->items[i])) continue;
        aics_buf_puts(out, r->items[i].key);
        aics_buf_putc(out, ' ');
        exact_value(&r->items[i], out);
        aics_buf_putc(out, '\n');
    }
}

static void render_json(const aics_result *r, aics_buf *out)
{
    aics_buf_printf(out, "{\n  \"format\": \"aics-result\",\n  \"version\": %d,\n  \"exercise\": ",
                    AICS_RESULT_VERSION);
    aics_json_cstring(out, r->exercise, AICS_JSON_PLAIN);
    aics_buf_printf(out, ",\n  \"seed\": %llu,\n  \"convention\": ", (unsigned long long)r->seed);
    aics_json_cstring(out, r->convention, AICS_JSON_PLAIN);
    aics_buf_puts(out, ",\n  \"results\": {");
    const char *sep = "\n";
    for (size_t i = 0; i < r->n; i++) {
        const item *it = &r->items[i];
        if (!is_value(it)) continue;
        aics_buf_printf(out, "%s    ", sep);
        aics_json_cstring(out, it->key, AICS_JSON_PLAIN);
        aics_buf_puts(out, ": ");
        if (it->kind == ITEM_WORD) aics_json_cstring(out, it->word, AICS_JSON_PLAIN);
        else exact_value(it, out);
        sep = ",\n";
    }
    aics_buf_puts(out, "\n  }\n}\n");
}

/* A label on one line with no tabs, so that a labels line splits at its tabs. */
static void labels_text(aics_buf *out, const char *s)
{
    for (; *s; s++) aics_buf_putc(out, *s == '\n' || *s == '\t' || *s == '\r' ? ' ' : *s);
}

static void render_labels(const aics_result *r, aics_buf *out)
{
    aics_buf_printf(out, "# aics-labels v%d exercise=%s\n", AICS_RESULT_VERSION, r->exercise);
    for (size_t i = 0; i < r->n; i++) {
        const item *it = &r->items[i];
        if (!is_value(it)) continue;
        aics_buf_printf(out, "%s\t%s\t", it->key, it->hidden ? "kv" : "shown");
        labels_text(out, value_label(it));
        aics_buf_putc(out, '\n');
    }
}

void aics_result_render(const aics_result *r, aics_format f, aics_buf *out)
{
    switch (f) {
    case AICS_FORMAT_TEXT: aics_result_render_text(r, false, false, out); break;
    case AICS_FORMAT_MD: render_md(r, out); break;
    case AICS_FORMAT_KV: render_kv(r, out); break;
    case AICS_FORMAT_JSON: render_json(r, out); break;
    case AICS_FORMAT_LABELS: render_labels(r, out); break;
    case AICS_FORMAT_NONE: break;
    }
}
