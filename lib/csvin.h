/* csvin.h - pull-style CSV records over libcsv (RFC 4180, as published).
 *
 * Quoted fields, embedded commas and newlines, BOM, CRLF or LF, blank
 * lines skipped.  Records are returned one at a time; csvin_lineno() is the
 * line where the current record starts.
 */
#ifndef CS_CSVIN_H
#define CS_CSVIN_H

#include <stdbool.h>
#include <stddef.h>

#include "lines.h"

typedef struct csvin csvin;

/* One operand ("-" or NULL for stdin).  An unreadable file is exit 1. */
csvin *csvin_open(const char *name);
/* Over a line reader already opened on one operand (lines_unread lets the
 * caller peek at its first line first); the csvin owns it from now on. */
csvin *csvin_open_lines(lines *in);
/* The line reader underneath (to bound it: lines_limit). */
lines *csvin_lines(csvin *c);
bool csvin_next(csvin *c);
size_t csvin_nfields(const csvin *c);
/* Field i of the current record, NUL-terminated (field may contain NUL:
 * use csvin_len). */
const char *csvin_get(const csvin *c, size_t i);
size_t csvin_len(const csvin *c, size_t i);
long csvin_lineno(const csvin *c);
/* The current record as a header: the index of its first cell that is
 * one of names (NULL-ended), by the rule of cols.h, or -1. */
int csvin_col(const csvin *c, const char *const names[]);
const char *csvin_source(const csvin *c);
void csvin_close(csvin *c);

#endif
