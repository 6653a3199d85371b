/* replay.c — a main for the libFuzzer harnesses without libFuzzer: run
 * LLVMFuzzerTestOneInput once on each file named on the command line, after
 * LLVMFuzzerInitialize when the harness has one.
 *
 * `make check` builds every harness with it (build/tests/fuzz/replay_NAME,
 * any compiler, no fuzzer runtime) and tests/cli/fuzz_replay.sh replays the
 * seeds, so the harnesses keep compiling as the library changes and their
 * seeds stay good; under `make sanitize` the replay is instrumented too. It
 * also replays a crash file by hand without clang. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fileio.h"
#include "fuzz.h"

__attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

int main(int argc, char **argv)
{
    if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
    for (int i = 1; i < argc; i++) {
        size_t len;
        char *data = aics_read_file(argv[i], (size_t)64 << 20, &len);
        if (!data) {
            fprintf(stderr, "replay: cannot read %s\n", argv[i]);
            return 2;
        }
        LLVMFuzzerTestOneInput((const uint8_t *)data, len);
        free(data);
    }
    printf("replay: %d inputs, no finding\n", argc - 1);
    return 0;
}
