/* rowinfo.c - a row's boundary set from its period, and its borough. */
#include <string.h>

#include "date.h"
#include "err.h"
#include "rowinfo.h"

/* Distinct borough spellings remembered; past this they are looked up
 * each time, so memory stays bounded whatever the input. */
enum { BCACHE_MAX = 4096 };

void
period_cols_init(period_cols *pc, const tsv *in, bool on)
{
	memset(pc, 0, sizeof *pc);
	pc->start = on ? tsv_col(in, "period_start") : -1;
	pc->end = on ? tsv_col(in, "period_end") : -1;
	pc->period = on ? tsv_col(in, "period") : -1;
}

static bool
is_iso(const char *s, size_t n)
{
	if (n != 10 || s[4] != '-' || s[7] != '-')
		return false;
	/* Two of these a row: a plain range test, not isdigit's table
	 * lookup through __ctype_b_loc (join-wards, 100k rows: 434M -> 425M
	 * instructions). */
	for (size_t i = 0; i < n; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	return true;
}

/* A period is judged by its last day and its first: wholly before the
 * cut-over, wholly after, or (NULL) across it.  With only the first day
 * known, that day decides. */
static const char *
decide(const char *start, const char *end)
{
	if (end && memcmp(end, JW_CUTOVER, 10) < 0)
		return "2014";
	if (start && memcmp(start, JW_CUTOVER, 10) >= 0)
		return "2022";
	if (start && !end)
		return "2014";
	return NULL;
}

/* The ISO date in column col, or NULL.  One of the right shape that is no
 * day of the calendar (2024-02-30, 2024-13-01) is reported and not used:
 * it would decide the boundary set by string order alone. */
static const char *
iso_field(const tsv *in, int col)
{
	const char *s;
	cs_date d;

	if (col < 0 ||
	    !is_iso(tsv_get(in, (size_t)col), tsv_len(in, (size_t)col)))
		return NULL;
	s = tsv_get(in, (size_t)col);
	if (!date_parse(s, 10, &d)) {
		cs_warn_at(tsv_source(in), tsv_lineno(in),
		           "%s '%s' is not a date; "
		           "not used",
		           tsv_colname(in, (size_t)col), s);
		return NULL;
	}
	return s;
}

const char *
period_vintage(period_cols *pc, const tsv *in)
{
	const char *s = iso_field(in, pc->start), *e = iso_field(in, pc->end);
	size_t n;
	cs_period p;
	char ps[11], pe[11];

	if (s || e)
		return decide(s, e);
	if (pc->period < 0 || (n = tsv_len(in, (size_t)pc->period)) == 0)
		return NULL;
	/* Rows come grouped by period: parse each distinct run once. */
	s = tsv_get(in, (size_t)pc->period);
	if (pc->have_last && n == pc->last.len && memcmp(s, pc->last.s, n) == 0)
		return pc->last_vintage;
	sbuf_clear(&pc->last);
	sbuf_add(&pc->last, s, n);
	pc->have_last = true;
	pc->last_vintage = NULL;
	if (period_parse(s, n, &p)) {
		date_iso(p.start, ps);
		date_iso(p.end, pe);
		pc->last_vintage = decide(ps, pe);
	}
	return pc->last_vintage;
}

void
period_cols_free(period_cols *pc)
{
	sbuf_free(&pc->last);
}

void
bcache_init(borough_cache *bc, const wardref *ref)
{
	bc->ref = ref;
	bc->seen = hmap_new();
}

const char *
bcache_lad(borough_cache *bc, const char *s, size_t n)
{
	const char *lad;

	if (hmap_has(bc->seen, s, n))
		return hmap_get(bc->seen, s, n);
	lad = wardref_lad(bc->ref, s, n);
	if (hmap_count(bc->seen) < BCACHE_MAX)
		*hmap_put(bc->seen, s, n) = (void *)lad;
	return lad;
}

void
bcache_free(borough_cache *bc)
{
	hmap_free(bc->seen, NULL);
}
