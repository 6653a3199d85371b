/* fuzz_mathpass.c — the math pre-pass of the book on any Markdown: the spans
 * cover the text exactly, and protecting the math then restoring it as HTML
 * and as Markdown never goes wrong. */
#include <stdlib.h>

#include "buf.h"
#include "fuzz.h"
#include "mathpass.h"

/* mathpass.h promises consecutive spans covering all `len` bytes. */
static void check_spans(const char *md, size_t len, bool math)
{
    aics_spans s = {0};
    aics_md_spans(md, len, math, &s);
    size_t at = 0;
    for (size_t i = 0; i < s.n; i++) {
        if (s.v[i].start != at || s.v[i].end < s.v[i].start) abort();
        if (!math && (s.v[i].kind == AICS_SPAN_MATH || s.v[i].kind == AICS_SPAN_DISPLAY)) abort();
        at = s.v[i].end;
    }
    if (at != len) abort();
    aics_spans_free(&s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *md = aics_fuzz_text(data, size);
    check_spans(md, size, true);
    check_spans(md, size, false);
    aics_mathset set = AICS_MATHSET_INIT;
    aics_buf prot = AICS_BUF_INIT, html = AICS_BUF_INIT, back = AICS_BUF_INIT;
    aics_math_protect(md, size, &set, &prot);
    aics_buf_putc(&prot, '\0'); /* the restorers read C strings */
    aics_math_restore_html(prot.data, &set, &html);
    aics_math_restore_md(prot.data, &set, &back);
    aics_buf_free(&prot), aics_buf_free(&html), aics_buf_free(&back);
    aics_mathset_free(&set);
    free(md);
    return 0;
}
