/* borough.h - the London local authorities of lib/data/boroughs.tsv:
 * lookup by GSS code, name or alias (folded, see names.h), and their
 * population denominators. */
#ifndef CS_BOROUGH_H
#define CS_BOROUGH_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
	const char *code; /* "E09000003" */
	const char *name; /* "Barnet" (ONS name) */
	bool is_city;     /* the City of London (not one of the 32) */
	long pop[4];      /* by borough_estimate index; -1 unknown */
} cs_borough;

/* Population estimates, in the column order of boroughs.tsv. */
enum { POP_MID2020, POP_MID2019, POP_CENSUS2021, POP_CENSUS2011, POP_N };

/* Loaded on first use from "boroughs" (ref.h). */
size_t borough_count(void);
const cs_borough *borough_at(size_t i);
/* By GSS code or any spelling of the name; NULL when not a London LA. */
const cs_borough *borough_find(const char *s, size_t n);
/* "mid2020" -> POP_MID2020 ...; -1 for an unknown name. */
int borough_estimate(const char *name);
const char *borough_estimate_name(int e);

#endif
