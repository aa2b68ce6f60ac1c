/* lines.h - read lines from a sequence of input operands, with no length limit.
 *
 * Operands are read in order as one stream; "-" (or no operand) is stdin.
 * Each line is returned without its LF; a trailing CR is removed, and a
 * UTF-8 BOM at the start of each file is skipped; a UTF-16 one is a data
 * error (exit 1) naming the file.  The returned pointer is
 * valid, and writable, until the next call; the line is NUL-terminated
 * (it may also contain NUL bytes: use the length).
 */
#ifndef CS_LINES_H
#define CS_LINES_H

#include <stdbool.h>
#include <stddef.h>

typedef struct lines lines;

/* names: operand list (may be empty = stdin); the list is copied, the
 * strings must outlive the reader. Unreadable files are reported
 * when reached: "tool: FILE: No such file or directory", exit 1. */
lines *lines_open(int nnames, char *const names[]);
/* Read the next line; false at the end of the last operand. */
bool lines_next(lines *l, char **line, size_t *len);
/* Push the line just read back: the next lines_next returns it again, as
 * it is now (same pointer, length and line number).  Lets a caller look at
 * a first line (format detection) and then hand the stream on. */
void lines_unread(lines *l);
/* True when the line just read is the first line of a new operand. */
bool lines_new_file(const lines *l);
/* Name of the operand the current line came from ("-" for stdin) and its
 * 1-based line number within that operand. */
const char *lines_source(const lines *l);
long lines_lineno(const lines *l);
/* Bound what a reference table may cost: a line longer than max_line
 * bytes, or an operand larger than max_bytes, is a data error (exit 1)
 * naming it (--taxonomy /dev/zero must not eat memory).  0 = no bound. */
void lines_limit(lines *l, size_t max_line, size_t max_bytes);
void lines_close(lines *l);

#endif
