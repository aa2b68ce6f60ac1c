/* rank.c - hold rows, rank each group, write the rows back in input order.
 *
 * Ranks compare the unrounded rates (the dashboards rank on the rate, not
 * on its printed two decimals), so two rates printed alike may still be
 * ranked apart; ties are exact equality and share the lower rank.
 */
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "mem.h"
#include "num.h"
#include "rank.h"

void
rank_init(ranker *r)
{
	r->acache = hmap_new();
	r->afold = hmap_new();
}

void
rank_free(ranker *r)
{
	for (size_t a = 0; a < r->nareas; a++)
		if (r->areas[a].b == NULL)
			free((char *)r->areas[a].name);
	for (size_t s = 0; s < r->nsets; s++) {
		free(r->sets[s].key);
		free(r->sets[s].label);
		free(r->sets[s].members);
	}
	free(r->sets);
	grouping_free(r->grouping);
	hmap_free(r->acache, NULL);
	hmap_free(r->afold, NULL);
	free(r->groups);
	free(r->areas);
	free(r->arena);
	free(r->rows);
	free(r->order);
	free(r->touched);
	free(r->srcs);
	free(r->stated);
	free(r->seen_stamp);
	free(r->seen_row);
	free(r->mark);
	free(r->colrep);
	free(r->gcols);
}

const char *
src_name(const ranker *r, const row *w)
{
	return r->srcs[w->src];
}

/* "2019-02, burglary, count": the group's -g values, for messages. */
const char *
group_label(const ranker *r, size_t g, char *buf, size_t size)
{
	return grouping_label(r->grouping, (uint32_t)g, buf, size);
}

/* ---- reading ------------------------------------------------------- */

/* A record for each group the grouping has numbered so far. */
static void
cover_groups(ranker *r)
{
	size_t n = grouping_count(r->grouping);

	if (n <= r->ngroups)
		return;
	r->groups = xgrow(r->groups, &r->gcap, n, sizeof *r->groups);
	memset(r->groups + r->ngroups, 0, (n - r->ngroups) * sizeof *r->groups);
	r->ngroups = n;
}

uint32_t
rank_group_of(ranker *r, const tsv *t)
{
	uint32_t g;

	if (r->grouping == NULL)
		r->grouping = grouping_new(r->gcols, r->ngcols);
	g = grouping_row(r->grouping, t, &r->run);
	if (r->run != GROUP_SAME)
		cover_groups(r);
	return g;
}

static bool
field_is(const tsv *t, int c, const char *s)
{
	return c >= 0 && tsv_len(t, (size_t)c) == strlen(s) &&
	       memcmp(tsv_get(t, (size_t)c), s, strlen(s)) == 0;
}

static uint8_t
kind_of(const tsv *t, int c)
{
	static const char *const other[] = { "pct_change", "count_change",
		                             "pct_point_change", "share_pct" };

	if (c < 0)
		return K_COUNT;
	if (field_is(t, c, "rank"))
		return K_STATED;
	if (field_is(t, c, "rate_per_1000"))
		return K_RATE1000;
	if (field_is(t, c, "rate_per_100000"))
		return K_RATE100K;
	for (size_t i = 0; i < sizeof other / sizeof other[0]; i++)
		if (field_is(t, c, other[i]))
			return K_OTHER;
	return K_COUNT; /* counts, and measures we do not know, per head */
}

/* A number: the C-locale form the tools write ("-12.5") on a fast path,
 * else anything num.h reads as one plain figure ("1,234", "12%"); not one
 * that overflows what num.h keeps exact. */
static bool
parse_number(const char *s, size_t n, double *out)
{
	size_t i = 0, digits = 0;
	cs_num v;

	if (i < n && s[i] == '-')
		i++;
	for (; i < n && isdigit((unsigned char)s[i]); i++)
		digits++;
	if (i < n && s[i] == '.')
		for (i++; i < n && isdigit((unsigned char)s[i]); i++)
			digits++;
	/* Past 15 digits a double is no longer exact: num_parse says
	 * NUM_OVERFLOW, and such a figure is not ranked. */
	if (i == n && digits > 0 && digits <= 15) {
		char buf[40];

		memcpy(buf, s, n);
		buf[n] = '\0';
		*out = strtod(buf, NULL);
		return true;
	}
	if (num_parse(s, n, &v) == NUM_OK && !v.has_of) {
		*out = v.value;
		return true;
	}
	return false;
}

/* "of 32" -> 32; 0 when the unit says no denominator. */
static long
unit_of(const tsv *t, int c)
{
	const char *s;
	size_t n;
	long of;

	if (c < 0)
		return 0;
	s = tsv_get(t, (size_t)c);
	n = tsv_len(t, (size_t)c);
	if (n > 3 && memcmp(s, "of ", 3) == 0 && num_long(s + 3, n - 3, &of))
		return of;
	return 0;
}

static void
add_source(ranker *r, const char *src)
{
	if (r->nsrcs > 0 && r->srcs[r->nsrcs - 1] == src)
		return;
	r->srcs = xgrow(r->srcs, &r->scap, r->nsrcs + 1, sizeof *r->srcs);
	r->srcs[r->nsrcs++] = src;
}

/* Copy the row's bytes into the arena, its fields separated by tabs
 * again (the reader split them in place). */
static void
hold_line(ranker *r, const tsv *t, row *w)
{
	const char *base = tsv_get(t, 0);
	size_t last = r->ncols - 1;
	size_t len = (size_t)(tsv_get(t, last) + tsv_len(t, last) - base);

	if (len > UINT32_MAX)
		cs_die_at(CS_EXIT_DATA, tsv_source(t), tsv_lineno(t),
		          "row longer than 4 GB");
	if (r->alen + len > r->acap) {
		r->acap = (r->alen + len) * 2 + 4096;
		r->arena = xrealloc(r->arena, r->acap);
	}
	memcpy(r->arena + r->alen, base, len);
	for (size_t i = 0; i < last; i++)
		r->arena[r->alen +
		         (size_t)(tsv_get(t, i) + tsv_len(t, i) - base)] = '\t';
	w->off = r->alen;
	w->len = (uint32_t)len;
	r->alen += len;
}

/* Population of a row that takes part: the built-in estimate for a
 * London borough (unless --population input), or for an area ranked in a
 * national set (a partnership's is the sum of its authorities'), else
 * the input column. */
static void
find_population(ranker *r, const tsv *t, row *w)
{
	const area *a = &r->areas[w->area];
	bool national = (w->flags & F_LONDON) && w->set > 0 && a->g != NULL;

	w->pop = NAN;
	if (r->estimate >= 0 && r->estimate < POP_N && a->b != NULL) {
		if (a->b->pop[r->estimate] > 0) {
			w->pop = (double)a->b->pop[r->estimate];
			w->flags |= F_POP_SHOW;
		}
		return;
	}
	if (r->estimate >= 0 && (national || (a->b != NULL && a->g != NULL))) {
		long p = r->geo_estimate >= 0 && a->g != NULL
		             ? a->g->pop[r->geo_estimate]
		             : -1;

		if (p > 0) {
			w->pop = (double)p;
			w->flags |= F_POP_SHOW;
		}
		return;
	}
	if (r->c_pop >= 0) {
		const char *s = tsv_get(t, (size_t)r->c_pop);
		size_t n = tsv_len(t, (size_t)r->c_pop);
		double p;

		if (n > 0 && parse_number(s, n, &p)) {
			w->pop = p; /* rewritten plain: "16,728" -> 16728 */
			w->flags |= F_POP_SHOW;
		} else if (n > 0)
			cs_warn_at(tsv_source(t), tsv_lineno(t),
			           "%s: population '%.40s' is not a number",
			           a->name, s);
	}
}

static double
rank_key(const ranker *r, const row *w)
{
	return r->by_value || w->kind == K_OTHER ? w->value : w->rate;
}

/* Value, population and rate of a row that takes part, with a warning for
 * each reason it cannot be ranked. */
static void
measure_row(ranker *r, const tsv *t, row *w)
{
	const char *name = r->areas[w->area].name;
	const char *vs = tsv_get(t, (size_t)r->c_value);
	size_t vn = tsv_len(t, (size_t)r->c_value);
	const char *file = tsv_source(t);
	long line = tsv_lineno(t);
	bool need_pop = !r->by_value && w->kind == K_COUNT;

	w->value = NAN;
	if (vn == 0)
		cs_warn_at(file, line, "%s: no value: not ranked", name);
	else if (!parse_number(vs, vn, &w->value))
		cs_warn_at(file, line,
		           "%s: value '%.40s' is not a number: not ranked",
		           name, vs);

	find_population(r, t, w);
	if (w->pop <= 0) {
		cs_warn_at(file, line,
		           "%s: population %g is not positive: no rate%s", name,
		           w->pop, need_pop ? ", not ranked" : "");
		w->pop = NAN;
	} else if (isnan(w->pop) && need_pop && !isnan(w->value)) {
		if (r->estimate >= 0 && (r->areas[w->area].b != NULL ||
		                         ((w->flags & F_LONDON) && w->set > 0 &&
		                          r->areas[w->area].g != NULL)))
			cs_warn_at(file, line,
			           "%s: no %s population: not ranked", name,
			           r->estimate < POP_N
			               ? borough_estimate_name(r->estimate)
			               : "mid2022");
		else if (r->c_pop >= 0)
			cs_warn_at(file, line, "%s: no population: not ranked",
			           name);
		else
			cs_warn_at(
			    file, line,
			    "%s: no population (not a London "
			    "borough; give a population column): not ranked",
			    name);
	}

	switch (w->kind) {
	case K_COUNT:
		w->rate = w->value / w->pop * 1000;
		break;
	case K_RATE1000:
		w->rate = w->value;
		break;
	case K_RATE100K:
		w->rate = w->value / 100;
		break;
	default:
		w->rate = NAN;
		break;
	}
	if (!isfinite(w->rate))
		w->rate = NAN;
}

void
rank_add(ranker *r, const tsv *t, uint32_t g)
{
	row *w;

	if (r->grouped) {
		char label[256];

		if (r->run == GROUP_BACK)
			cs_die_at(
			    CS_EXIT_DATA, tsv_source(t), tsv_lineno(t),
			    "group %s came earlier: the input is not grouped "
			    "(sort it by the -g columns, or drop --grouped)",
			    group_label(r, g, label, sizeof label));
		r->cur = g;
	}
	if (tsv_lineno(t) > (long)UINT32_MAX)
		cs_die_at(CS_EXIT_DATA, tsv_source(t), tsv_lineno(t),
		          "too many lines");
	r->rows = xgrow(r->rows, &r->rcap, r->nrows + 1, sizeof *r->rows);
	w = &r->rows[r->nrows];
	*w = (row){ .group = g,
		    .line = (uint32_t)tsv_lineno(t),
		    .area = -1,
		    .value = NAN,
		    .pop = NAN,
		    .rate = NAN };
	add_source(r, tsv_source(t));
	w->src = (uint16_t)(r->nsrcs - 1);
	hold_line(r, t, w);
	w->kind = kind_of(t, r->c_measure);
	w->area = area_id(r, tsv_get(t, (size_t)r->c_area),
	                  tsv_len(t, (size_t)r->c_area),
	                  r->c_code >= 0 ? tsv_get(t, (size_t)r->c_code) : "",
	                  r->c_code >= 0 ? tsv_len(t, (size_t)r->c_code) : 0);

	if (w->kind == K_STATED) {
		if (r->check && w->area < 0)
			cs_warn_at(tsv_source(t), tsv_lineno(t),
			           "stated rank with no area: not checked");
		if (r->check && w->area >= 0) {
			uint32_t cg = grouping_find_as(
			    r->grouping, t, r->c_measure, r->check_against);

			cover_groups(r);
			r->stated = xgrow(r->stated, &r->stcap, r->nstated + 1,
			                  sizeof *r->stated);
			r->stated[r->nstated++] =
			    (struct stated){ .row = r->nrows,
				             .group = cg,
				             .of = unit_of(t, r->c_unit) };
			parse_number(tsv_get(t, (size_t)r->c_value),
			             tsv_len(t, (size_t)r->c_value), &w->value);
		}
	} else if (w->area >= 0) {
		const area *a;
		int set = area_set(r, w->area);

		a = &r->areas[w->area]; /* area_set may add none, but be safe */
		if (set >= 0) {
			w->flags |= F_LONDON;
			w->set = set;
		}
		if (a->member)
			w->flags |= F_PEER;
		if (w->flags)
			measure_row(r, t, w);
	}
	r->nrows++;
}

/* ---- ranking ------------------------------------------------------- */

typedef struct {
	int32_t set;
	double key;
	size_t row;
} entry;

static int
cmp_asc(const void *a, const void *b)
{
	const entry *x = a, *y = b;

	if (x->set != y->set)
		return x->set < y->set ? -1 : 1;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->row > y->row) - (x->row < y->row);
}

static int
cmp_desc(const void *a, const void *b)
{
	const entry *x = a, *y = b;

	if (x->set != y->set)
		return x->set < y->set ? -1 : 1;
	if (x->key != y->key)
		return x->key > y->key ? -1 : 1;
	return (x->row > y->row) - (x->row < y->row);
}

/* Rank the rows of group g carrying flag (F_LONDON or F_PEER), each
 * comparison set apart (F_LONDON: London's boroughs, a force's
 * partnerships ...); stamps every ranked area in ranked[] and counts the
 * rows ranked per set in nset[] (F_LONDON); returns how many were ranked
 * in London's set (F_LONDON) or in all (F_PEER). */
static size_t
rank_set(ranker *r, size_t g, int flag, uint32_t *ranked, size_t *nset)
{
	static entry *e;
	static size_t ecap;
	const group *gp = &r->groups[g];
	size_t n = 0;

	for (size_t k = 0; k < gp->n; k++) {
		size_t i = r->order[gp->first + k];
		const row *w = &r->rows[i];
		double key = rank_key(r, w);

		if ((w->flags & flag) && !isnan(key)) {
			e = xgrow(e, &ecap, n + 1, sizeof *e);
			e[n++] =
			    (entry){ flag == F_LONDON ? w->set : 0, key, i };
		}
	}
	/* e is still NULL when no row of the first group is rankable, and
	 * qsort(NULL, 0, ...) is undefined behaviour (UBSan stops on it). */
	if (n > 1)
		qsort(e, n, sizeof *e, r->desc ? cmp_desc : cmp_asc);
	if (nset != NULL)
		for (size_t s = 0; s < r->nsets; s++)
			nset[s] = 0;
	for (size_t k = 0, first = 0; k < n; k++) {
		row *w = &r->rows[e[k].row];
		int32_t rank;
		size_t m;

		if (k > 0 && e[k].set != e[k - 1].set)
			first = k; /* a new comparison set */
		for (m = first; m < n && e[m].set == e[first].set; m++)
			;
		rank = k > first && e[k].key == e[k - 1].key
		           ? (flag == F_LONDON ? r->rows[e[k - 1].row].rank
		                               : r->rows[e[k - 1].row].grank)
		           : (int32_t)(k - first) + 1;
		if (flag == F_LONDON) {
			w->rank = rank;
			/* London's rank is "of" those ranked, as it always
			 * was; a national set's is "of" the whole set, and
			 * the areas missing are warned about. */
			w->rank_of = e[k].set == 0
			                 ? (int32_t)(m - first)
			                 : (int32_t)r->sets[e[k].set].nmembers;
			nset[e[k].set]++;
		} else {
			w->grank = rank;
			w->gof = (int32_t)n;
		}
		ranked[w->area] = r->stamp;
	}
	return flag == F_LONDON ? nset[0] : n;
}

/* Warn when a national set of group g was ranked without some of its
 * members, naming the first few. */
static void
warn_set(ranker *r, size_t g, size_t s, size_t ranked, const uint32_t *mark)
{
	const cmpset *cs = &r->sets[s];
	size_t listed = 0, left = 0, expect = cs->nmembers;
	char label[256];
	sbuf names = SBUF_INIT;

	if (ranked >= expect)
		return;
	for (size_t i = 0; i < (cs->members ? cs->nmembers : r->nareas); i++) {
		const char *name = NULL;
		bool seen = false;

		if (cs->members != NULL) {
			name = cs->members[i]->name;
			for (size_t a = 0; a < r->nareas && !seen; a++)
				seen = r->areas[a].g == cs->members[i] &&
				       mark[a] == r->stamp;
		} else if (r->areas[i].listed) {
			name = r->areas[i].name;
			seen = mark[i] == r->stamp;
		}
		if (name == NULL || seen)
			continue;
		if (listed < 4)
			sbuf_printf(&names, "%s%s", listed++ ? ", " : "", name);
		else
			left++;
	}
	if (left > 0)
		sbuf_printf(&names, " and %zu more", left);
	cs_warn("group %s: %zu of %zu %s ranked; not ranked: %s",
	        group_label(r, g, label, sizeof label), ranked, expect,
	        cs->label, sbuf_str(&names));
	sbuf_free(&names);
}

/* A borough appearing twice in one group is a data error: its rank would
 * be ambiguous. */
static void
check_duplicates(ranker *r, size_t g)
{
	const group *gp = &r->groups[g];
	char label[256];

	for (size_t k = 0; k < gp->n; k++) {
		size_t i = r->order[gp->first + k];
		const row *w = &r->rows[i];

		if (!(w->flags & (F_LONDON | F_PEER)))
			continue;
		if (r->seen_stamp[w->area] == r->stamp)
			cs_die_at(
			    CS_EXIT_DATA, src_name(r, w), (long)w->line,
			    "%s appears twice in group %s (first at line %u)",
			    r->areas[w->area].name,
			    group_label(r, g, label, sizeof label),
			    r->rows[r->seen_row[w->area]].line);
		r->seen_stamp[w->area] = r->stamp;
		r->seen_row[w->area] = i;
	}
}

/* Warn when the London ranking of group g is over fewer boroughs than
 * the 32 (33 with the City), naming the first few left out. */
static void
warn_incomplete(ranker *r, size_t g, size_t ranked, const uint32_t *mark)
{
	size_t expect = 0, listed = 0, left = 0;
	char label[256];
	sbuf names = SBUF_INIT;

	for (size_t i = 0; i < borough_count(); i++) {
		const cs_borough *b = borough_at(i);

		if (b->is_city && !r->include_city)
			continue;
		expect++;
		if (mark[i] == r->stamp)
			continue;
		if (listed < 4)
			sbuf_printf(&names, "%s%s", listed++ ? ", " : "",
			            b->name);
		else
			left++;
	}
	if (ranked >= expect)
		return;
	if (left > 0)
		sbuf_printf(&names, " and %zu more", left);
	cs_warn_kind("group ranked with boroughs missing", NULL, 0,
	             "group %s: %zu of %zu boroughs ranked; not ranked: %s",
	             group_label(r, g, label, sizeof label), ranked, expect,
	             sbuf_str(&names));
	sbuf_free(&names);
}

static void
rank_group(ranker *r, size_t g, uint32_t *mark)
{
	static size_t *nset, ncap;
	const group *gp = &r->groups[g];
	bool london = false, peers = false, national = false;
	size_t n;

	r->stamp++;
	check_duplicates(r, g);
	for (size_t k = 0; k < gp->n; k++) {
		const row *w = &r->rows[r->order[gp->first + k]];

		london |= (w->flags & F_LONDON) != 0 && w->set == 0;
		national |= (w->flags & F_LONDON) != 0 && w->set > 0;
		peers |= (w->flags & F_PEER) != 0;
	}
	if (london || national) {
		nset = xgrow(nset, &ncap, r->nsets, sizeof *nset);
		n = rank_set(r, g, F_LONDON, mark, nset);
		if (london && !r->any_area)
			warn_incomplete(r, g, n, mark);
		for (size_t s = 1; national && s < r->nsets; s++)
			if (nset[s] > 0)
				warn_set(r, g, s, nset[s], mark);
	}
	if (peers) {
		r->stamp++;
		rank_set(r, g, F_PEER, mark, NULL);
		r->peer_groups++;
		for (size_t a = 0; a < r->nareas; a++)
			if (r->areas[a].member && mark[a] != r->stamp)
				r->areas[a].missing++;
	}
}

void
rank_batch(ranker *r)
{
	size_t pos = 0;

	for (size_t i = 0; i < r->nrows; i++) {
		uint32_t g = r->rows[i].group;

		if (r->groups[g].n++ == 0) {
			r->touched = xgrow(r->touched, &r->tcap,
			                   r->ntouched + 1, sizeof *r->touched);
			r->touched[r->ntouched++] = g;
		}
	}
	for (size_t k = 0; k < r->ntouched; k++) {
		group *gp = &r->groups[r->touched[k]];

		gp->first = pos;
		pos += gp->n;
		gp->n = 0;
	}
	r->order = xgrow(r->order, &r->ocap, r->nrows, sizeof *r->order);
	for (size_t i = 0; i < r->nrows; i++) {
		group *gp = &r->groups[r->rows[i].group];

		r->order[gp->first + gp->n++] = i;
	}
	if (r->mcap < r->nareas) {
		size_t old = r->mcap;

		/* Stamps start at 0 and the first group's is 1, so new
		 * slots must read as "not this group". */
		r->mark = xgrow(r->mark, &r->mcap, r->nareas, sizeof *r->mark);
		r->seen_stamp =
		    xrealloc(r->seen_stamp, r->mcap * sizeof *r->seen_stamp);
		r->seen_row =
		    xrealloc(r->seen_row, r->mcap * sizeof *r->seen_row);
		memset(r->mark + old, 0, (r->mcap - old) * sizeof *r->mark);
		memset(r->seen_stamp + old, 0,
		       (r->mcap - old) * sizeof *r->seen_stamp);
	}
	for (size_t k = 0; k < r->ntouched; k++)
		rank_group(r, r->touched[k], r->mark);
}

/* ---- writing ------------------------------------------------------- */

/* Digits of v (>= 0) right-aligned before end; returns the start. */
static char *
digits(char *end, unsigned long long v)
{
	do
		*--end = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	return end;
}

static void
write_long(long v)
{
	char buf[24], *p = digits(buf + sizeof buf, (unsigned long long)v);

	out_fieldn(p, (size_t)(buf + sizeof buf - p));
}

/* The rate with two decimals, as out_fixed(v, 2) writes it, without
 * printf's cost on millions of rows; a value within a hair of a rounding
 * half goes to out_fixed so the binary value decides, as printf would. */
static void
write_rate(double v)
{
	double h = fabs(v) * 100, f = h - floor(h);
	unsigned long long c;
	char buf[32], *p;

	if (!isfinite(v) || h > 1e15 || fabs(f - 0.5) < 1e-6) {
		out_fixed(v, 2);
		return;
	}
	c = (unsigned long long)llround(h);
	p = buf + sizeof buf;
	*--p = (char)('0' + c % 10);
	*--p = (char)('0' + c / 10 % 10);
	*--p = '.';
	p = digits(p, c / 100);
	if (v < 0 && c > 0)
		*--p = '-';
	out_fieldn(p, (size_t)(buf + sizeof buf - p));
}

static void
write_added(size_t k, const row *w, const char *orig, size_t olen)
{
	int32_t v = 0;

	switch (k) {
	case 0:
		if ((w->flags & F_POP_SHOW) && isfinite(w->pop) &&
		    w->pop == floor(w->pop) && w->pop < 1e15)
			write_long((long)w->pop);
		else if ((w->flags & F_POP_SHOW) && isfinite(w->pop))
			out_fixed(w->pop, 2);
		else if (orig != NULL)
			out_fieldn(orig, olen); /* the input's own figure */
		else
			out_empty();
		return;
	case 1:
		if (isnan(w->rate))
			out_empty();
		else
			write_rate(w->rate);
		return;
	case 2:
		v = w->rank;
		break;
	case 3:
		v = w->rank_of;
		break;
	case 4:
		v = w->grank;
		break;
	case 5:
		v = w->gof;
		break;
	}
	if (v > 0)
		write_long(v);
	else
		out_empty();
}

void
rank_write(ranker *r)
{
	for (size_t i = 0; i < r->nrows; i++) {
		const row *w = &r->rows[i];
		const char *p = r->arena + w->off, *end = p + w->len;

		for (size_t c = 0; c < r->ncols; c++) {
			const char *tab =
			    c + 1 < r->ncols
			        ? memchr(p, '\t', (size_t)(end - p))
			        : end;
			size_t n = (size_t)(tab - p);

			if (r->colrep[c] < 0)
				out_fieldn(p, n);
			else
				write_added((size_t)r->colrep[c], w, p, n);
			p = tab + 1;
		}
		for (size_t k = 0; k < r->nadd; k++)
			if (r->where[k] < 0)
				write_added(k, w, NULL, 0);
		out_endrow();
	}
}

void
rank_reset(ranker *r)
{
	for (size_t k = 0; k < r->ntouched; k++)
		r->groups[r->touched[k]].n = 0;
	r->ntouched = 0;
	r->nrows = 0;
	r->alen = 0;
	r->nstated = 0;
}
