/* ref.h - reference tables: the TSV data files under lib/data, installed
 * to $(PREFIX)/share/cspkit.
 *
 * Lines starting with '#' and blank lines are comments.  The first other
 * line is the header.  Looked up by name ("taxonomy" -> taxonomy.tsv) in:
 * $CSPKIT_DATA, then <dir of executable>/../lib/data (a build tree), then
 * <dir of executable>/../share/cspkit, then the compiled-in DATADIR.  A
 * name containing '/' is a path used as is (the --taxonomy FILE options).
 */
#ifndef CS_REF_H
#define CS_REF_H

#include <stdbool.h>
#include <stddef.h>

#include "mem.h"

typedef struct {
	char *path; /* where it was read from */
	size_t nrows, ncols;
	char **colnames;
	char **cells; /* row-major, nrows * ncols; point into text */
	long *lineno; /* file line of each row */
	/* the rows' text in blocks of 16K, not a string a cell:
	 * normalise-crime loads seven tables (3,839 cells) at start-up,
	 * and xstrdup and free a cell cost 1.4M of the 24.9M instructions
	 * of a run on one sentence */
	strblocks text;
	unsigned held; /* ref_loads of it still to be freed, less one */
} cs_table;

/* The bounds of a reference file (lines_limit): tables are kilobytes; an
 * ONS lookup of every ward in the UK is a few megabytes. */
#define REF_MAX_LINE ((size_t)64 * 1024)
#define REF_MAX_BYTES ((size_t)64 * 1024 * 1024)

/* Load, or exit 1 with a message naming the file (missing, a directory,
 * unreadable, empty, ragged row at file:line).  A table loaded again
 * from the same path while the first is held (not ref_free'd) is the
 * same table, not read again; tables are read-only, and each ref_load
 * is given back by a ref_free. */
cs_table *ref_load(const char *name);
/* Column index by name or -1; ref_need exits 1 naming file and column. */
int ref_col(const cs_table *t, const char *name);
int ref_need(const cs_table *t, const char *name);
/* The cell, or NULL when row or col is out of range. */
const char *ref_get(const cs_table *t, size_t row, size_t col);
void ref_free(cs_table *t);

/* The two shapes every table of places (boroughs.tsv, areas.tsv) has, read
 * one way: */
/* A count cell (a population): -1 when empty ("not known"); anything but
 * a whole number >= 0 exits 1 naming file:line and the column
 * ("mid2020: not a population: 'many'"). */
long ref_count(const cs_table *t, size_t row, int col);
/* The next item of a ';'-separated list cell ("Barking & Dagenham;B&D"):
 * its start and length, *s moved past it; false at the end. */
bool ref_list_next(const char **s, const char **item, size_t *n);
/* The index of name among names[0..n) (case folded: "MID2020" is
 * "mid2020"), or -1: a column chosen by an option. */
int ref_pick(const char *const *names, size_t n, const char *name);
/* The directory data files are found in (for messages and --help). */
const char *ref_datadir(void);

#endif
