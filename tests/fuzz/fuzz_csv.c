/* fuzz_csv.c — the CSV reader on any bytes: a table it accepts is as wide as
 * its header, holds only finite numbers, and finds every column by name. */
#include <math.h>
#include <stdlib.h>

#include "csv.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    aics_csv t;
    aics_csv_error e;
    if (!aics_csv_parse((const char *)data, size, &t, &e)) {
        if (!e.msg[0]) abort(); /* a refusal always says why */
        return 0;
    }
    if (t.ncols == 0) abort();
    for (size_t i = 0; i < t.nrows * t.ncols; i++)
        if (!isfinite(t.x[i])) abort();
    for (size_t j = 0; j < t.ncols; j++) {
        long k = aics_csv_column(&t, t.names[j]);
        if (k < 0 || (size_t)k > j) abort(); /* the first column of that name */
    }
    aics_csv_free(&t);
    return 0;
}
