/* match.h - find the one ward a row means, or say why there is none. */
#ifndef JW_MATCH_H
#define JW_MATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "mem.h"
#include "wardref.h"

typedef struct {
	const ward *w;       /* NULL: no single ward (a warning was issued) */
	const char *vintage; /* NULL when the ward is in several sets and
				  * nothing chose one */
} match;

typedef struct {
	const wardref *ref;
	sbuf key, msg; /* reused: no allocation per row once warm */
	sbuf shown[2]; /* the values a warning names, made printable */
	/* The last name matched, as rows come in runs of one ward. */
	sbuf last_name;
	const char *last_lad, *last_vintage;
	match last;
} matcher;

/* What a row gives: any of code, name may be empty; lad NULL = any
 * borough, unless a borough was given (borough_len > 0) that is not known;
 * vintage NULL = any boundary set. */
typedef struct {
	const char *code, *name, *borough, *lad, *vintage;
	size_t code_len, name_len, borough_len;
} query;

/* Match q; on failure warn at file:line naming the value and the
 * candidates.  Returns m->w != NULL. */
bool match_row(matcher *mt, const query *q, const char *file, long line,
               match *m);
void matcher_free(matcher *mt);

#endif
