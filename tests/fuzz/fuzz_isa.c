/* fuzz_isa.c — the chapter-7 assembler and interpreter on any bytes: a
 * refusal says why; a program that parses prints, and its printed form
 * parses back to the same print; running it on the one-core and the
 * four-core processor either fails with a message or gives pipelined ≤ serial. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "isa.h"

static void run_on(const aics_isa_proc *proc, const aics_isa_prog *prog)
{
    aics_isa_stats st;
    char err[512] = "";
    if (!aics_isa_run(proc, prog, &st, err, sizeof err)) {
        if (!err[0]) abort(); /* a failed run always says why */
        return;
    }
    if (st.pipelined_ns > st.serial_ns * (1 + 1e-12) + 1e-9) abort(); /* isa.h: pipelined ≤ serial */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    aics_isa_prog prog;
    char err[512] = "";
    if (!aics_isa_parse((const char *)data, size, "fuzz.isa", &prog, err, sizeof err)) {
        if (!err[0]) abort(); /* a refusal always says why */
        aics_isa_prog_free(&prog);
        return 0;
    }
    char *text = aics_isa_print(&prog);
    aics_isa_prog back;
    if (!aics_isa_parse(text, strlen(text), "printed", &back, err, sizeof err)) abort();
    char *again = aics_isa_print(&back);
    if (strcmp(text, again) != 0) abort(); /* printing is a fixed point */
    aics_isa_proc one = aics_isa_proc_single(), four = aics_isa_proc_quad();
    run_on(&one, &prog);
    run_on(&four, &prog);
    free(again);
    free(text);
    aics_isa_prog_free(&back);
    aics_isa_prog_free(&prog);
    return 0;
}
