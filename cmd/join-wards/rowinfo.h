/* rowinfo.h - what an input row says beyond the ward: its boundary set
 * (from its period) and its borough (a cached lookup). */
#ifndef JW_ROWINFO_H
#define JW_ROWINFO_H

#include <stdbool.h>

#include "hash.h"
#include "mem.h"
#include "tsv.h"
#include "wardref.h"

/* London's 2022 wards took effect at the borough elections of 5 May 2022;
 * monthly figures from May 2022 are counted on them. */
#define JW_CUTOVER "2022-05-01"

typedef struct {
	int start, end, period; /* input columns, -1 when absent */
	sbuf last;              /* the last period value and its answer */
	const char *last_vintage;
	bool have_last;
} period_cols;

/* on = false: never infer (--vintage given, or one boundary set). */
void period_cols_init(period_cols *pc, const tsv *in, bool on);
/* "2014" for a period ending before the cut-over, "2022" for one starting
 * on or after it, NULL when it straddles it or is not known. */
const char *period_vintage(period_cols *pc, const tsv *in);
void period_cols_free(period_cols *pc);

typedef struct {
	const wardref *ref;
	hmap *seen; /* borough value -> LAD code, or NULL */
} borough_cache;

void bcache_init(borough_cache *bc, const wardref *ref);
const char *bcache_lad(borough_cache *bc, const char *s, size_t n);
void bcache_free(borough_cache *bc);

#endif
