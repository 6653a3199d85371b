/* datafile.c — the search for shipped data files (see datafile.h). */
#include "datafile.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"

static int is_regular(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The folder of the running program, or "" when the system does not say. */
static void program_dir(char *dir, size_t n)
{
    ssize_t len = readlink("/proc/self/exe", dir, n - 1);
    dir[len > 0 ? len : 0] = '\0';
    char *slash = strrchr(dir, '/');
    if (slash) *slash = '\0';
    else dir[0] = '\0';
}

char *aics_data_path(const char *path)
{
    if (path[0] == '/' || is_regular(path)) return aics_xstrdup(path);
    char dir[PATH_MAX], candidate[2 * PATH_MAX];
    const char *env = getenv("AICS_DATA");
    if (env && *env) {
        snprintf(candidate, sizeof candidate, "%s/%s", env, path);
        if (is_regular(candidate)) return aics_xstrdup(candidate);
    }
    program_dir(dir, sizeof dir);
    if (dir[0]) {
        snprintf(candidate, sizeof candidate, "%s/../%s/%s", dir, AICS_DATA_SUBDIR, path);
        if (is_regular(candidate)) return aics_xstrdup(candidate);
        snprintf(candidate, sizeof candidate, "%s/../../%s", dir, path);
        if (is_regular(candidate)) return aics_xstrdup(candidate);
    }
    return aics_xstrdup(path);
}
