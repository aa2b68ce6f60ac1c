/* agg.c - month totals held until the end of the input: police.uk crime
 * counts, --level major sums and the --window sums.  One group per area
 * and offence key, in order of first appearance: labels that map to the
 * same key are summed ("RES BURGLARY OF A HOME" and "RES BURGLARY OF
 * UNCONNECTED BUILDING" are both burglary_residential), and the row's
 * offence_label lists them, joined with " + ", so it says what was added:
 * the first LABEL_MAX of them and "+ N more", as a key may gather hundreds
 * of labels (a file's unmapped categories) and every row repeats it.
 * A group's months are a dense array (count -1 = no figure for that month
 * in the input), each remembering where its first figure was read, for the
 * source and line columns. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "hash.h"
#include "mem.h"
#include "nc.h"
#include "num.h"

typedef struct {
	long count;
	const char *source; /* interned, see intern() */
	long line;
} month_fig;

struct nc_group {
	char *area, *code, *offence;
	char *parent, *pcode; /* "" unless agg_group_in */
	sbuf label;           /* the labels summed, " + " between */
	size_t nlabels;       /* how many distinct labels */
	bool label_done;      /* "+ N more" added */
	int first;            /* month index of fig[0] */
	month_fig *fig;
	size_t n;
};

#define YEAR0 1900
#define NMONTHS (300 * 12) /* 1900-2199: months outside are refused */

static nc_group **groups;
static size_t ngroups, gcap;
static hmap *index;
static hmap *label_index; /* group pointer + label: seen in that group */
static char **sources;
static size_t nsources, scap;
static bool seen[NMONTHS];
static const char *claimed[NMONTHS]; /* MPS file whose figures a month holds */
static int latest = -1;

static bool sorted; /* sort_groups has run */

void
agg_reset(void)
{
	for (size_t i = 0; i < ngroups; i++) {
		nc_group *g = groups[i];

		free(g->area);
		free(g->code);
		free(g->offence);
		free(g->parent);
		free(g->pcode);
		sbuf_free(&g->label);
		free(g->fig);
		free(g);
	}
	free(groups);
	hmap_free(index, NULL);
	hmap_free(label_index, NULL);
	for (size_t i = 0; i < nsources; i++)
		free(sources[i]);
	free(sources);
	groups = NULL;
	ngroups = gcap = 0;
	index = label_index = NULL;
	sources = NULL;
	nsources = scap = 0;
	memset(seen, 0, sizeof seen);
	memset(claimed, 0, sizeof claimed);
	latest = -1;
	sorted = false;
}

/* Operand names outlive their readers here; there are only a few. */
static const char *
intern(const char *s)
{
	for (size_t i = nsources; i-- > 0;)
		if (strcmp(sources[i], s) == 0)
			return sources[i];
	sources = xgrow(sources, &scap, nsources + 1, sizeof *sources);
	sources[nsources] = xstrdup(s);
	return sources[nsources++];
}

#define LABEL_MAX 5

/* A label read for group g: new ones counted, the first LABEL_MAX kept. */
static void
add_label(nc_group *g, const char *label)
{
	static sbuf key;
	void **slot;

	sbuf_clear(&key);
	sbuf_add(&key, (const char *)&g, sizeof g);
	sbuf_adds(&key, label);
	if (label_index == NULL)
		label_index = hmap_new();
	slot = hmap_put(label_index, key.s, key.len);
	if (*slot != NULL)
		return;
	*slot = g;
	if (g->nlabels++ >= LABEL_MAX)
		return;
	if (g->label.len > 0)
		sbuf_adds(&g->label, " + ");
	sbuf_adds(&g->label, label);
}

/* The label once every row is read: "+ N more" for those not listed. */
static void
finish_label(nc_group *g)
{
	if (g->label_done)
		return;
	g->label_done = true;
	if (g->nlabels > LABEL_MAX)
		sbuf_printf(&g->label, " + %zu more", g->nlabels - LABEL_MAX);
}

nc_group *
agg_group(const char *area, const char *code, const char *offence,
          const char *label)
{
	return agg_group_in(area, code, "", "", offence, label);
}

nc_group *
agg_group_in(const char *area, const char *code, const char *parent,
             const char *pcode, const char *offence, const char *label)
{
	static sbuf key;
	void **slot;
	nc_group *g;

	/* Unit separators cannot occur in the fields (they are cleaned). */
	sbuf_clear(&key);
	sbuf_adds(&key, area);
	sbuf_addc(&key, '\x1f');
	sbuf_adds(&key, code);
	sbuf_addc(&key, '\x1f');
	sbuf_adds(&key, pcode);
	sbuf_addc(&key, '\x1f');
	sbuf_adds(&key, offence);
	if (index == NULL) {
		static bool registered;

		index = hmap_new();
		if (!registered)
			atexit(agg_reset);
		registered = true;
	}
	slot = hmap_put(index, key.s, key.len);
	if ((g = *slot) == NULL) {
		g = xcalloc(1, sizeof *g);
		g->area = xstrdup(area);
		g->code = xstrdup(code);
		g->offence = xstrdup(offence);
		g->parent = xstrdup(parent);
		g->pcode = xstrdup(pcode);
		groups = xgrow(groups, &gcap, ngroups + 1, sizeof *groups);
		groups[ngroups++] = g;
		*slot = g;
	}
	add_label(g, label);
	return g;
}

bool
agg_month_ok(int month)
{
	return month >= YEAR0 * 12 && month < YEAR0 * 12 + NMONTHS;
}

void
agg_month_seen(int month)
{
	if (!agg_month_ok(month))
		return;
	seen[month - YEAR0 * 12] = true;
	if (month > latest)
		latest = month;
}

bool
agg_month_claim(int month, const char *source)
{
	const char **c;

	if (!agg_month_ok(month))
		return false;
	c = &claimed[month - YEAR0 * 12];
	if (*c == NULL)
		*c = intern(source);
	return strcmp(*c, source) == 0;
}

const char *
agg_month_owner(int month)
{
	return agg_month_ok(month) ? claimed[month - YEAR0 * 12] : NULL;
}

static void
blank(month_fig *f, size_t n)
{
	for (size_t i = 0; i < n; i++)
		f[i] = (month_fig){ -1, NULL, 0 };
}

void
agg_add(nc_group *g, int month, long count, const char *source, long line)
{
	size_t i;

	if (g->n == 0) {
		g->first = month;
	} else if (month < g->first) {
		/* Grow at the front: police.uk files may come in any order. */
		size_t shift = (size_t)(g->first - month);

		g->fig = xrealloc(g->fig, (g->n + shift) * sizeof *g->fig);
		memmove(g->fig + shift, g->fig, g->n * sizeof *g->fig);
		blank(g->fig, shift);
		g->n += shift;
		g->first = month;
	}
	i = (size_t)(month - g->first);
	if (i >= g->n) {
		g->fig = xrealloc(g->fig, (i + 1) * sizeof *g->fig);
		blank(g->fig + g->n, i + 1 - g->n);
		g->n = i + 1;
	}
	if (g->fig[i].count < 0) {
		g->fig[i].count = 0;
		g->fig[i].source = intern(source);
		g->fig[i].line = line;
	}
	g->fig[i].count += count;
}

static int
cmp_group(const void *a, const void *b)
{
	const nc_group *x = *(nc_group *const *)a, *y = *(nc_group *const *)b;
	int c = strcmp(x->area, y->area);

	if (c == 0)
		c = strcmp(x->code, y->code);
	if (c == 0)
		c = strcmp(x->pcode, y->pcode);
	if (c == 0)
		c = strcmp(sbuf_str(&x->label), sbuf_str(&y->label));
	if (c == 0)
		c = strcmp(x->offence, y->offence);
	return c;
}

/* Held rows come out by area, then offence label, whatever order the
 * input had them in (police.uk files list crimes as they come). */
static void
sort_groups(void)
{
	for (size_t i = 0; !sorted && i < ngroups; i++)
		finish_label(groups[i]);
	if (!sorted && ngroups > 1)
		qsort(groups, ngroups, sizeof *groups, cmp_group);
	sorted = true;
}

static const char *
unit_of(const nc_group *g)
{
	return strcmp(g->offence, "anti_social_behaviour") == 0 ? "incidents"
	                                                        : "offences";
}

static void
emit(const nc_group *g, const month_fig *where, const cs_period *p,
     const cs_period *base, const char *measure, const char *value,
     const char *unit)
{
	nc_row r = {
		.source = where->source,
		.line = where->line,
		.area = g->area,
		.area_code = g->code,
		.parent_area = g->parent,
		.parent_area_code = g->pcode,
		.period = p,
		.base = base,
		.offence = g->offence,
		.offence_label = sbuf_str(&g->label),
		.measure = measure,
		.value = value,
		.unit = unit,
	};

	nc_emit(&r);
}

static void
emit_count(const nc_group *g, const month_fig *where, const cs_period *p,
           long v)
{
	char buf[32];

	num_format(buf, sizeof buf, (double)v, 0);
	emit(g, where, p, NULL, "count", buf, unit_of(g));
}

void
agg_emit_months(void)
{
	sort_groups();
	for (size_t i = 0; i < ngroups; i++) {
		const nc_group *g = groups[i];

		for (size_t k = 0; k < g->n; k++) {
			int m = g->first + (int)k;
			cs_period p;

			if (g->fig[k].count < 0)
				continue;
			p = period_month(m / 12, m % 12 + 1);
			emit_count(g, &g->fig[k], &p, g->fig[k].count);
		}
	}
}

/* Every month of [from, to] is in the input. */
static bool
covered(int from, int to)
{
	if (!agg_month_ok(from) || !agg_month_ok(to))
		return false;
	for (int m = from; m <= to; m++)
		if (!seen[m - YEAR0 * 12])
			return false;
	return true;
}

/* The group's total over [from, to]; a month it has no figure for counts
 * 0, as the input covered it (police.uk lists crimes, not zeros).  *where
 * is the latest figure's provenance, or the group's first when none. */
static long
sum(const nc_group *g, int from, int to, const month_fig **where)
{
	long s = 0;

	*where = &g->fig[0];
	for (int m = from; m <= to; m++) {
		long i = (long)m - g->first;

		if (i >= 0 && (size_t)i < g->n && g->fig[i].count >= 0) {
			s += g->fig[i].count;
			*where = &g->fig[i];
		}
	}
	return s;
}

static void
one_month_label(cs_period *p)
{
	char month[sizeof p->label];

	memcpy(month, p->label, sizeof month);
	snprintf(p->label, sizeof p->label, "1m to %.8s", month);
}

void
agg_emit_windows(const struct nc_opts *o)
{
	bool cur_ok[8], base_ok[8];
	cs_period cur[8], base[8];

	if (latest < 0)
		return;
	sort_groups();
	for (size_t w = 0; w < o->nwindows; w++) {
		int n = o->windows[w];

		cur[w] = period_months_to(latest / 12, latest % 12 + 1, n);
		base[w] = period_shift(&cur[w], -12);
		if (n == 1) {
			/* A 1-month window is not the monthly row of the same
			 * month ("2024-01" twice would be one key twice
			 * downstream): "1m to 2024-01". */
			one_month_label(&cur[w]);
			one_month_label(&base[w]);
		}
		cur_ok[w] = covered(latest - n + 1, latest);
		base_ok[w] = covered(latest - 12 - n + 1, latest - 12);
		if (!cur_ok[w])
			cs_warn("--window %d: the input does not cover %s; no "
			        "rows for it",
			        n, cur[w].label);
		else if (!base_ok[w])
			cs_warn("--window %d: the input does not cover %s; no "
			        "change computed",
			        n, base[w].label);
	}
	for (size_t i = 0; i < ngroups; i++) {
		const nc_group *g = groups[i];

		/* No figure was summed for it (every count empty, or its
		 * months all owned by another file, as warned): no window
		 * total is known, and no provenance to cite. */
		if (g->n == 0)
			continue;
		for (size_t w = 0; w < o->nwindows; w++) {
			int n = o->windows[w];
			const month_fig *at, *at_base;
			long now, then;
			char pct[32] = "";

			if (!cur_ok[w])
				continue;
			now = sum(g, latest - n + 1, latest, &at);
			emit_count(g, at, &cur[w], now);
			if (!base_ok[w])
				continue;
			then =
			    sum(g, latest - 12 - n + 1, latest - 12, &at_base);
			emit_count(g, at_base, &base[w], then);
			if (then != 0)
				num_format(pct, sizeof pct,
				           100.0 * (double)(now - then) /
				               (double)then,
				           1);
			emit(g, at, &cur[w], &base[w], "pct_change", pct,
			     "percent");
		}
	}
}
