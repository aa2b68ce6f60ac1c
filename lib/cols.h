/* cols.h - find a column of a header by one of the names it goes by.
 *
 * Published files name the same column several ways ("Borough",
 * "LookUp_BoroughName"; "WD23CD", "WD24CD"; " WardName" with a stray
 * space), so a tool lists the names it accepts and takes the first header
 * cell, left to right, that is one of them.  The one rule, for every tool
 * (normalise-crime's MPS and police.uk headers, join-wards' ward lookups):
 * a cell and a name are compared with ASCII and Unicode spaces trimmed from
 * both ends and ASCII case folded ("borough " is "Borough"), and '#' in a
 * name stands for one digit or itself ("WD##CD" is WD23CD).
 */
#ifndef CS_COLS_H
#define CS_COLS_H

#include <stdbool.h>
#include <stddef.h>

/* Is the header cell s[0..n) the column called name? */
bool col_is(const char *s, size_t n, const char *name);
/* Index of the first of the n cells cell[i] (of lengths len[i], or
 * NUL-terminated when len is NULL) that col_is one of names (a list ended
 * by NULL), or -1. */
int col_find(const char *const cell[], const size_t len[], size_t n,
             const char *const names[]);

#endif
