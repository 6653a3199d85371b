/* fuzz_kv.c — the kv reader on any bytes: every entry it returns is found by
 * its key, and the header fields read back. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "kv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    aics_kv kv;
    char err[512];
    if (!aics_kv_parse((const char *)data, size, "fuzz.kv", &kv, err, sizeof err)) {
        if (!err[0]) abort(); /* a refusal always says why */
        return 0;
    }
    for (size_t i = 0; i < kv.n; i++) {
        if (aics_kv_find(&kv, kv.e[i].key) != &kv.e[i]) abort(); /* keys are unique */
        if (!kv.e[i].value || kv.e[i].line < 1) abort();
    }
    char field[128];
    static const char *const names[] = {"exercise", "seed", "convention", "v1", ""};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        aics_kv_header_field(&kv, names[i], field, sizeof field);
    aics_kv_free(&kv);
    return 0;
}
