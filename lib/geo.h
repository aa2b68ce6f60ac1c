/* geo.h - the national geography of lib/data/areas.tsv and lsoas.tsv:
 * 2021 LSOAs, wards, local authorities, Community Safety Partnerships and
 * police force areas of England and Wales, each area knowing its parent
 * (LSOA -> ward -> authority -> partnership -> force), with population
 * estimates for authorities and what contains them. */
#ifndef CS_GEO_H
#define CS_GEO_H

#include <stddef.h>

enum { GEO_WARD, GEO_LAD, GEO_CSP, GEO_PFA, GEO_NLEVELS };

typedef struct geo_area {
	const char *code;              /* "W06000022" */
	const char *name;              /* "Newport" */
	int level;                     /* GEO_* */
	const struct geo_area *parent; /* NULL for a force */
	long pop[2];                   /* by geo_estimate index; -1 unknown */
} geo_area;

/* Loaded on first use from "areas" and, for geo_lsoa, "lsoas" (ref.h). */
size_t geo_count(void);
const geo_area *geo_at(size_t i);
/* The ward a 2021 LSOA code lies in, or NULL. */
const geo_area *geo_lsoa(const char *code, size_t n);
/* By GSS code (any level), or NULL. */
const geo_area *geo_code(const char *s, size_t n);
/* By name or alias at one level (folded, names.h), or NULL. */
const geo_area *geo_name(const char *s, size_t n, int level);
/* a, or the area of that level containing it; NULL when a is above it. */
const geo_area *geo_up(const geo_area *a, int level);
/* "lsoa", "ward", "lad", "csp", "pfa" -> level (-2 for lsoa), -1 unknown. */
int geo_level(const char *name);
/* "mid2020" -> 0, "mid2022" -> 1; -1 for an estimate the table lacks. */
int geo_estimate(const char *name);

#endif
