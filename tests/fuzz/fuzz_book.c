/* fuzz_book.c — the whole book build (aics_book_build) on a copy of the tree
 * whose first exercise's prose is the input. `make fuzz` prepares the copy in
 * $AICS_FUZZ_BOOK: chapters/ (outline, prose, code), results/ (the programs'
 * outputs from the normal build) and out/ (with the figures in out/fig).
 *
 * The input is the prose, or OUTLINE "\n--8<--\n" PROSE to fuzz the outline
 * too (the tree's own outline comes back for the next input). Whatever it
 * is, the build succeeds or refuses with a one-line message and exit 2. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "fileio.h"
#include "fuzz.h"

static char chapters[1024], results[1024], figures[1024], out[1024];
static char outline_path[1100], prose_path[1300];
static char *outline; /* the tree's own outline */
static size_t outline_len;

/* The prose file of the outline's first exercise, chapters/FILE.md. */
static void first_prose(void)
{
    for (const char *l = outline; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
        char file[200];
        if (sscanf(l, "exercise %199s", file) == 1) {
            snprintf(prose_path, sizeof prose_path, "%s/%s.md", chapters, file);
            return;
        }
    }
    fprintf(stderr, "fuzz_book: %s names no exercise\n", outline_path);
    abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    const char *tree = getenv("AICS_FUZZ_BOOK");
    if (!tree || !*tree) {
        fprintf(stderr, "fuzz_book: set AICS_FUZZ_BOOK to a copy of the tree (make fuzz does)\n");
        abort();
    }
    snprintf(chapters, sizeof chapters, "%s/chapters", tree);
    snprintf(results, sizeof results, "%s/results", tree);
    snprintf(out, sizeof out, "%s/out", tree);
    snprintf(figures, sizeof figures, "%s/out/fig", tree);
    snprintf(outline_path, sizeof outline_path, "%s/outline.txt", chapters);
    outline = aics_read_file(outline_path, 1 << 20, &outline_len);
    if (!outline) {
        perror(outline_path);
        abort();
    }
    first_prose();
    return 0;
}

static void build(void *rc)
{
    aics_book_opts o = {.chapters_dir = chapters, .results_dir = results, .figures_dir = figures,
                        .out_dir = out, .quiet = true};
    *(int *)rc = aics_book_build(&o);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *part[2];
    size_t len[2];
    size_t n = aics_fuzz_split(data, size, part, len, 2);
    if (n == 2) aics_fuzz_write(outline_path, part[0], len[0]);
    else aics_fuzz_write(outline_path, outline, outline_len);
    aics_fuzz_write(prose_path, part[n - 1], len[n - 1]);
    int rc = 0;
    int st = aics_fuzz_call(build, &rc);
    if (st != -1 && st != 2) abort(); /* only refusals end a build */
    if (st == -1 && rc != 0) abort(); /* a build that returns has written the book */
    for (size_t i = 0; i < n; i++) free(part[i]);
    return 0;
}
