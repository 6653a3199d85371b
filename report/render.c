/* render.c — cmark-gfm with the table extension, and math (see render.h). */
#include "render.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "mathpass.h"

/* cmark's HTML for Markdown that has no math left in it. */
static char *cmark_html(const char *md, size_t len)
{
    cmark_gfm_core_extensions_ensure_registered();
    int opts = CMARK_OPT_UNSAFE;
    cmark_parser *parser = cmark_parser_new(opts);
    cmark_syntax_extension *table = cmark_find_syntax_extension("table");
    AICS_CHECK(table != NULL, "libcmark-gfm-extensions has no table extension");
    cmark_parser_attach_syntax_extension(parser, table);
    cmark_parser_feed(parser, md, len);
    cmark_node *doc = cmark_parser_finish(parser);
    char *html = cmark_render_html(doc, opts, cmark_parser_get_syntax_extensions(parser));
    cmark_node_free(doc);
    cmark_parser_free(parser);
    AICS_CHECK(html != NULL, "cmark could not render HTML");
    return html;
}

void aics_render_html(const char *md, size_t len, aics_buf *out)
{
    aics_mathset set = AICS_MATHSET_INIT;
    aics_buf prot = AICS_BUF_INIT;
    aics_math_protect(md, len, &set, &prot);
    char *html = cmark_html(prot.data, prot.len);
    aics_math_restore_html(html, &set, out);
    free(html);
    aics_buf_free(&prot);
    aics_mathset_free(&set);
}

void aics_render_inline(const char *text, aics_buf *out)
{
    aics_mathset set = AICS_MATHSET_INIT;
    aics_buf prot = AICS_BUF_INIT, esc = AICS_BUF_INIT;
    aics_math_protect(text, strlen(text), &set, &prot);
    /* `\$` is the only escape a title needs; the placeholders hold no specials. */
    for (size_t i = 0; i < prot.len; i++) {
        if (prot.data[i] == '\\' && i + 1 < prot.len && prot.data[i + 1] == '$') continue;
        aics_html_escape(&esc, prot.data + i, 1);
    }
    aics_math_restore_html(esc.data, &set, out);
    aics_buf_free(&prot);
    aics_buf_free(&esc);
    aics_mathset_free(&set);
}

/* The level of an ATX heading line at s (up to 3 spaces, 1–6 '#', then a
 * space or the end of the line), or 0. */
static int heading_level(const char *s, const char *end)
{
    int sp = 0, n = 0;
    while (s < end && *s == ' ' && sp < 3) s++, sp++;
    while (s < end && *s == '#') s++, n++;
    if (n < 1 || n > 6) return 0;
    return (s == end || *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') ? n : 0;
}

/* Call fn(md, start, end, level, arg) for every line of `md`; level is the
 * ATX heading level of a line outside code, else 0. */
static void each_line(const char *md, const aics_spans *sp,
                      void (*fn)(const char *, size_t, size_t, int, void *), void *arg)
{
    for (size_t k = 0; k < sp->n; k++) {
        const aics_span *s = &sp->v[k];
        for (size_t i = s->start, e; i < s->end; i = e) {
            for (e = i; e < s->end && md[e] != '\n'; e++) continue;
            if (e < s->end) e++;
            bool text_line = s->kind == AICS_SPAN_TEXT && (i == 0 || md[i - 1] == '\n');
            fn(md, i, e, text_line ? heading_level(md + i, md + e) : 0, arg);
        }
    }
}

static void find_top(const char *md, size_t i, size_t e, int level, void *arg)
{
    (void)md, (void)i, (void)e;
    int *top = arg;
    if (level && level < *top) *top = level;
}

typedef struct {
    int shift;
    aics_buf *out;
} shifter;

static void shift_line(const char *md, size_t i, size_t e, int level, void *arg)
{
    shifter *sh = arg;
    int want = level ? level + sh->shift : 0;
    if (want > 6) want = 6;
    if (!level || want == level) {
        aics_buf_append(sh->out, md + i, e - i);
        return;
    }
    while (md[i] == ' ') i++;
    for (int j = 0; j < want; j++) aics_buf_putc(sh->out, '#');
    aics_buf_append(sh->out, md + i + level, e - i - (size_t)level);
}

void aics_md_shift_headings(const char *md, size_t len, int top, aics_buf *out)
{
    aics_spans sp;
    aics_md_spans(md, len, false, &sp);
    int have = 7;
    each_line(md, &sp, find_top, &have);
    shifter sh = {have == 7 ? 0 : top - have, out};
    each_line(md, &sp, shift_line, &sh);
    aics_spans_free(&sp);
}
