/* chapters.c — listing CHAPTERS/chN/NAME.ext (see chapters.h). */
#include "chapters.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "error.h"

static bool chapter_folder(const char *name)
{
    return strncmp(name, "ch", 2) == 0 && name[2] && strspn(name + 2, "0123456789") == strlen(name + 2);
}

static bool has_ext(const char *name, const char *ext)
{
    size_t n = strlen(name), k = strlen(ext);
    return name[0] != '.' && n > k && strcmp(name + n - k, ext) == 0;
}

static void add(aics_chapter_files *f, size_t *cap, const char *chapter, const char *name)
{
    f->path = aics_xgrow(f->path, f->n, cap, sizeof *f->path);
    size_t len = strlen(chapter) + strlen(name) + 2;
    f->path[f->n] = aics_xmalloc(len);
    snprintf(f->path[f->n++], len, "%s/%s", chapter, name);
}

static int by_bytes(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

bool aics_chapter_files_list(const char *dir, const char *ext, aics_chapter_files *out)
{
    *out = (aics_chapter_files){NULL, 0};
    DIR *d = opendir(dir);
    if (!d) return false;
    size_t cap = 0;
    for (struct dirent *ch; (ch = readdir(d));) {
        if (!chapter_folder(ch->d_name)) continue;
        size_t len = strlen(dir) + strlen(ch->d_name) + 2;
        char *sub = aics_xmalloc(len);
        snprintf(sub, len, "%s/%s", dir, ch->d_name);
        struct stat st; /* a real folder, not a symbolic link to one */
        DIR *s = lstat(sub, &st) == 0 && S_ISDIR(st.st_mode) ? opendir(sub) : NULL;
        for (struct dirent *f; s && (f = readdir(s));)
            if (has_ext(f->d_name, ext)) add(out, &cap, ch->d_name, f->d_name);
        if (s) closedir(s);
        free(sub);
    }
    closedir(d);
    if (out->n) qsort(out->path, out->n, sizeof *out->path, by_bytes);
    return true;
}

void aics_chapter_files_free(aics_chapter_files *f)
{
    for (size_t i = 0; i < f->n; i++) free(f->path[i]);
    free(f->path);
    *f = (aics_chapter_files){NULL, 0};
}
