/* minutes.h - find each set of minutes in a stream of cleaned lines and
 * write one row per fact (SPEC section 3, extract-minutes). */
#ifndef EM_MINUTES_H
#define EM_MINUTES_H

#include <stddef.h>

typedef struct minutes minutes;

/* source_name: the --source NAME override, or NULL for each operand's. */
minutes *minutes_new(const char *source_name);
/* The column header, written once. */
void minutes_header(void);
/* Feed one line as the layout clean-up gives it (layout.h: plain text,
 * flags LY_*), from operand source at 1-based lineno.  Rows are written
 * when a set of minutes ends. */
void minutes_line(minutes *m, const char *source, long lineno, const char *s,
                  size_t n, unsigned flags);
/* End of one operand: close any open minutes; warn when the operand held
 * none. */
void minutes_end_file(minutes *m, const char *source);
void minutes_free(minutes *m);

#endif
