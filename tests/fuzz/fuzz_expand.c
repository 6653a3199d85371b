/* fuzz_expand.c — the directives of one prose file, on any text, against a
 * small fixed set of program outputs, code and figures (the one of
 * tests/unit/test_expand.c): whatever the prose says, the expansion either
 * succeeds or refuses with a one-line message and exit 2. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "expand.h"
#include "fuzz.h"
#include "sources.h"

static char ch[600], res[600], fig[600];

static void put(const char *dir, const char *rel, const char *text)
{
    char path[800];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    aics_fuzz_write(path, text, strlen(text));
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    const char *dir = aics_fuzz_tmpdir("expand");
    snprintf(ch, sizeof ch, "%s/ch", dir), snprintf(res, sizeof res, "%s/res", dir);
    snprintf(fig, sizeof fig, "%s/fig", dir);
    char ch1[700];
    snprintf(ch1, sizeof ch1, "%s/ch1", ch);
    if (mkdir(ch, 0755) || mkdir(ch1, 0755) || mkdir(res, 0755) || mkdir(fig, 0755)) abort();
    put(res, "p.kv", "# aics-result v1 exercise=1.1 seed=0 convention=c\nn 1201\nx 0.051316701949486232\n"
                     "ok pass\nbig 9007199254740993\nneg -2.5e-300\n");
    put(res, "p.md", "<!-- aics:part a -->\n\n#### A\n\nalpha $x_1$\n\n<!-- aics:end a -->\n"
                     "<!-- aics:part b -->\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<!-- aics:end b -->\n");
    put(ch, "ch1/p.c", "int z;\n// ANCHOR: body\nint y;\n// ANCHOR_END: body\n// ANCHOR: e\n// ANCHOR_END: e\n");
    put(fig, "p_f.svg", "<svg/>");
    return 0;
}

static void expand(void *text)
{
    aics_sources *src = aics_sources_new(ch, res, fig);
    aics_expand_ctx ctx = {.src = src, .fig_href = "fig", .chapter = 1};
    aics_buf page = AICS_BUF_INIT, plain = AICS_BUF_INIT;
    aics_expand(&ctx, "p.md", text, &page, &plain);
    aics_expand_clear_progs(&ctx);
    aics_expand_clear_files(&ctx);
    aics_sources_free(src);
    aics_buf_free(&page), aics_buf_free(&plain);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = aics_fuzz_text(data, size);
    int st = aics_fuzz_call(expand, text);
    if (st != -1 && st != 2) abort(); /* only refusals end an expansion */
    free(text);
    return 0;
}
