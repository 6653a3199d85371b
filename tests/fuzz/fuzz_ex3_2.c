/* fuzz_ex3_2.c — exercise 3.2 end to end on a fuzzed prototxt: the program's
 * own main (chapters/ch3/ex3_2.c, built with main renamed) counts the net
 * and writes its kv and Markdown results, as `ex3_2 FILE.prototxt` would.
 * Any input ends in results or a one-line refusal with exit 2. */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"

int aics_fuzz_ex3_2_main(int argc, char **argv);

static char net[600], kv[600], md[600];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    const char *dir = aics_fuzz_tmpdir("ex3_2");
    snprintf(net, sizeof net, "%s/fuzz_net.prototxt", dir);
    snprintf(kv, sizeof kv, "%s/out.kv", dir);
    snprintf(md, sizeof md, "%s/out.md", dir);
    return 0;
}

static void run(void *rc)
{
    char output[700], write_md[700];
    snprintf(output, sizeof output, "--output=%s", kv);
    snprintf(write_md, sizeof write_md, "--write=md:%s", md);
    char *argv[] = {"ex3_2", "--quiet", "--allow-unknown", "--format=kv", output, write_md, net, NULL};
    *(int *)rc = aics_fuzz_ex3_2_main(7, argv);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    aics_fuzz_write(net, data, size);
    int rc = 0;
    int st = aics_fuzz_call(run, &rc);
    if (st != -1 && st != 2) abort(); /* only refusals end the program */
    if (st == -1 && rc != 0) abort();  /* no figures asked for, so nothing else can fail */
    return 0;
}
