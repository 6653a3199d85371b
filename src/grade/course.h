/* course.h — grading students' files: one file, one student's folder, or a class.
 *
 * What aics-grade does once its command line is parsed (docs/grading.md):
 *
 *   - references: one kv file (with its .spec), or every exN_M.kv of a
 *     solutions folder and its chN/ folders, read once;
 *   - students: the submitted files (each one a student), one submission
 *     folder, or with `class_mode` every entry of a class folder (a file or
 *     a folder per student);
 *   - for each student and reference: find the file without following a
 *     symlink, read it (grade.h), refuse the reference itself, check the
 *     header's exercise (a wrong one fails the file) and seed (a different
 *     one is said first; with `programs` the trusted program regenerates the
 *     reference for that seed, once per seed), grade and diagnose.
 *
 * Output: the failures and a summary line per exercise on stdout (in
 * `lang`), unreadable files on stderr; with `json`, Gradescope's
 * results.json (one file), or in class mode a folder with one
 * STUDENT.json per student and summary.csv (student, score, max_score,
 * mistakes). Every file is written atomically.
 */
#ifndef AICS_COURSE_H
#define AICS_COURSE_H

#include <stdbool.h>

#include "grade.h"

typedef struct {
    const char *spec;     /* --spec FILE, or NULL */
    const char *json;     /* --json FILE (or folder in class mode), or NULL */
    const char *programs; /* --programs DIR: trusted programs, or NULL */
    aics_lang lang;
    bool quiet;
    bool class_mode;
    char **pos;           /* positional arguments */
    int npos;
} aics_course_options;

/* Grade as the options say; returns the exit status (0, 1 or 2). Exits 2
 * itself on bad usage or an unreadable reference or spec. */
int aics_course_run(const aics_course_options *o);

/* Run the trusted program `program` with --format=kv (and --seed=SEED when
 * seed is not NULL), by an argument vector, never a shell, and read its
 * output as a kv reference. False with a sentence in err. */
bool aics_course_regenerate(const char *program, const char *seed, aics_kv *out,
                            char *err, size_t errsz);

#endif
