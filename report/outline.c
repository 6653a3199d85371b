/* outline.c — parsing chapters/outline.txt (see outline.h). */
#include "outline.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "fileio.h"
#include "reader.h"

#define OUTLINE_MAX_BYTES (1 << 20)
#define DEFAULT_TITLE "《智能计算系统》习题解答"

typedef struct {
    aics_reader r;     /* the path, the line, the text */
    const char *start; /* the line's first byte, for columns */
} where;

/* Columns count characters (UTF-8 code points), as editors do. */
static long col_of(const where *w, const char *p)
{
    long col = 1;
    for (const char *q = w->start; q < p; q++)
        if (((unsigned char)*q & 0xC0) != 0x80) col++;
    return col;
}

static const char *skip_blanks(const char *p)
{
    while (*p == ' ' || *p == '\t') p++;
    return p;
}

/* Copy the next word at *p (advancing *p); NULL at the end of the line. */
static char *next_word(const char **p)
{
    const char *s = skip_blanks(*p), *e = s;
    while (*e && *e != ' ' && *e != '\t') e++;
    if (e == s) return NULL;
    char *w = aics_xmalloc((size_t)(e - s) + 1);
    memcpy(w, s, (size_t)(e - s));
    w[e - s] = '\0';
    *p = e;
    return w;
}

/* The rest of the line, trimmed; an error if empty. */
static char *rest_of_line(const where *w, const char *p, const char *what)
{
    p = skip_blanks(p);
    size_t n = strlen(p);
    while (n && (p[n - 1] == ' ' || p[n - 1] == '\t')) n--;
    if (n == 0) aics_die_data(w->r.path, w->r.line, col_of(w, p), "expected %s", what);
    char *s = aics_xmalloc(n + 1);
    memcpy(s, p, n);
    s[n] = '\0';
    return s;
}

static void add_chapter(aics_outline *o, const where *w, const char *p)
{
    const char *at = skip_blanks(p);
    char *end;
    long n = strtol(at, &end, 10);
    if (end == at || n < 1 || n > 99 || (*end != ' ' && *end != '\t'))
        aics_die_data(w->r.path, w->r.line, col_of(w, at), "expected a chapter number 1-99, then its title");
    if (aics_outline_chapter_find(o, (int)n))
        aics_die_data(w->r.path, w->r.line, col_of(w, at), "chapter %ld is listed twice", n);
    o->ch = aics_xrealloc(o->ch, (o->nch + 1) * sizeof *o->ch);
    o->ch[o->nch++] = (aics_outline_chapter){(int)n, rest_of_line(w, end, "a chapter title"), NULL, 0, w->r.line};
}

static bool file_name_ok(const char *f)
{
    if (!*f || *f == '/' || strstr(f, "//") || f[strlen(f) - 1] == '/') return false;
    return strspn(f, "abcdefghijklmnopqrstuvwxyz0123456789_/") == strlen(f);
}

static void add_exercise(aics_outline *o, const where *w, const char *p)
{
    if (o->nch == 0) aics_die_data(w->r.path, w->r.line, 1, "an exercise must follow a 'chapter' line");
    const char *at = skip_blanks(p);
    char *file = next_word(&p);
    if (!file || !file_name_ok(file))
        aics_die_data(w->r.path, w->r.line, col_of(w, at),
                      "expected the prose file like ch2/ex2_7 ([a-z0-9_/], without .md)");
    const char *nat = skip_blanks(p);
    char *numbers = next_word(&p);
    if (!numbers) aics_die_data(w->r.path, w->r.line, col_of(w, nat), "expected the exercise numbers, like 2.7");
    aics_outline_chapter *c = &o->ch[o->nch - 1];
    c->ex = aics_xrealloc(c->ex, (c->nex + 1) * sizeof *c->ex);
    const char *slash = strrchr(file, '/');
    c->ex[c->nex++] = (aics_outline_exercise){file, aics_xstrdup(slash ? slash + 1 : file), numbers,
                                              rest_of_line(w, p, "an exercise title"), w->r.line};
}

static void parse_line(aics_outline *o, const where *w, const char *p)
{
    p = skip_blanks(p);
    if (!*p || *p == '#') return;
    const char *kw = p;
    char *word = next_word(&p);
    if (strcmp(word, "chapter") == 0) add_chapter(o, w, p);
    else if (strcmp(word, "exercise") == 0) add_exercise(o, w, p);
    else if (strcmp(word, "title") == 0) {
        free(o->title);
        o->title = rest_of_line(w, p, "the book's title");
    } else {
        aics_die_data(w->r.path, w->r.line, col_of(w, kw),
                      "unknown outline entry '%s' (expected title, chapter or exercise)", word);
    }
    free(word);
}

void aics_outline_parse(const char *text, const char *path, aics_outline *out)
{
    *out = (aics_outline){aics_xstrdup(path), NULL, NULL, 0};
    where w = {.r = {.path = path}};
    aics_reader_start(&w.r, text, strlen(text), AICS_REFUSE_NONE); /* a C string has no NUL inside */
    for (aics_line l; aics_reader_next(&w.r, &l);) {
        char *line = aics_line_dup(&l);
        w.start = line;
        parse_line(out, &w, line);
        free(line);
    }
    if (!out->title) out->title = aics_xstrdup(DEFAULT_TITLE);
    if (out->nch == 0) aics_die_data(path, 0, 0, "the outline lists no chapters");
}

void aics_outline_load(const char *path, aics_outline *out)
{
    char *text = aics_read_text_or_die(path, OUTLINE_MAX_BYTES, "the book outline", NULL);
    aics_outline_parse(text, path, out);
    free(text);
}

const aics_outline_chapter *aics_outline_chapter_find(const aics_outline *o, int number)
{
    for (size_t i = 0; i < o->nch; i++)
        if (o->ch[i].number == number) return &o->ch[i];
    return NULL;
}

void aics_outline_free(aics_outline *o)
{
    for (size_t i = 0; i < o->nch; i++) {
        for (size_t j = 0; j < o->ch[i].nex; j++) {
            aics_outline_exercise *e = &o->ch[i].ex[j];
            free(e->file), free(e->id), free(e->numbers), free(e->title);
        }
        free(o->ch[i].ex);
        free(o->ch[i].title);
    }
    free(o->ch);
    free(o->title);
    free(o->path);
    *o = (aics_outline){0};
}
