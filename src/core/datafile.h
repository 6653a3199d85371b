/* datafile.h — finding the data files the project ships, wherever a program runs.
 *
 * Programs name their data as in the repository, like "data/diabetes.csv".
 * Run from the repository root that path simply works; run from anywhere
 * else, the file is looked for, in order:
 *
 *   1. $AICS_DATA/PATH, when the environment variable AICS_DATA is set;
 *   2. BIN/../share/aics-workbook/PATH, where BIN is the folder holding the
 *      running program: what `make install` lays out under $(PREFIX);
 *   3. BIN/../../PATH: a program in the build tree (build/bin) run from
 *      elsewhere.
 *
 * Only a program's own default paths go through this search; a path the user
 * gave is used exactly as given.
 */
#ifndef AICS_DATAFILE_H
#define AICS_DATAFILE_H

/* Where the shipped file `path` (relative, like "data/diabetes.csv") is: a
 * new string to free, naming the first candidate above that is a regular
 * file; `path` itself (copied) when none is, so that the caller's error
 * names the path it asked for. */
char *aics_data_path(const char *path);

/* The folder `make install` puts data in, relative to PREFIX. */
#define AICS_DATA_SUBDIR "share/aics-workbook"

#endif
