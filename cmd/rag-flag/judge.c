/* judge.c - the direction of each indicator in a group, the group's flag
 * and the words that explain it.
 *
 * Change mode.  Which rows are indicators:
 *   - a change (pct_change, count_change, pct_point_change) always is;
 *     the count of the same offence, offence_label and period (what a
 *     dashboard prints beside its change) is shown with it, with the count
 *     of its base_period, and not counted again;
 *   - a level row (count, rate, share, rank ...) whose base_period names
 *     another row of the same offence, measure and unit is compared with
 *     it; that earlier row is its base, not an indicator;
 *   - a rank with no base_period is compared with the rank of the same
 *     offence and unit whose period ends last before its own; only the
 *     latest rank is an indicator, older ones are history;
 *   - any other level row is an indicator with no base: direction unknown.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "num.h"
#include "rag.h"

static const char *const dir_word[] = { "", "better", "same", "worse" };

static bool
is_change(const char *m)
{
	return strcmp(m, "pct_change") == 0 || strcmp(m, "count_change") == 0 ||
	       strcmp(m, "pct_point_change") == 0;
}

static bool
is_rank(const char *m)
{
	return strcmp(m, "rank") == 0;
}

/* A level measured in percent is compared in points, not relatively. */
static bool
is_share(const row *r, const struct cols *c)
{
	return strcmp(row_get(r, c->measure), "share_pct") == 0 ||
	       strcmp(row_get(r, c->unit), "percent") == 0;
}

static bool
same_indicator(const row *a, const row *b, const struct cols *c)
{
	return strcmp(row_get(a, c->offence), row_get(b, c->offence)) == 0 &&
	       strcmp(row_get(a, c->measure), row_get(b, c->measure)) == 0 &&
	       strcmp(row_get(a, c->unit), row_get(b, c->unit)) == 0;
}

static bool
in_group(const struct cols *c, int col)
{
	for (size_t i = 0; i < c->ngroup; i++)
		if (c->group[i] == col)
			return true;
	return false;
}

/* ---- words ---- */

/* The value as printed, signed: "4" -> "+4", "-4.0" stays. */
static void
add_signed_text(sbuf *b, const row *r, const struct cols *c)
{
	const char *s = row_get(r, c->value);

	if (r->v > 0 && s[0] != '+')
		sbuf_addc(b, '+');
	sbuf_adds(b, s);
}

static void
add_signed(sbuf *b, double v, int decimals)
{
	char buf[64];

	num_format(buf, sizeof buf, v, decimals);
	if (buf[0] != '-' && strpbrk(buf, "123456789") != NULL)
		sbuf_addc(b, '+');
	sbuf_adds(b, buf);
}

static void
add_measure(sbuf *b, const char *m)
{
	if (strcmp(m, "share_pct") == 0)
		m = "share";
	for (; *m; m++)
		sbuf_addc(b, *m == '_' ? ' ' : *m);
}

/* "rank 23/32" when the unit is "of 32". */
static void
add_rank(sbuf *b, const row *r, const struct cols *c)
{
	const char *u = row_get(r, c->unit);

	sbuf_adds(b, row_get(r, c->value));
	if (strncmp(u, "of ", 3) == 0) {
		sbuf_addc(b, '/');
		sbuf_adds(b, u + 3);
	}
}

/* Offence (when the group mixes offences) and period. */
void
add_prefix(sbuf *b, const row *r, const struct cols *c)
{
	const char *p = row_get(r, c->period);

	if (c->offence >= 0 && !in_group(c, c->offence)) {
		const char *l = row_get(r, c->offence_label);

		sbuf_adds(b, *l ? l : row_get(r, c->offence));
		sbuf_addc(b, ' ');
	}
	if (*p) {
		sbuf_adds(b, p);
		sbuf_addc(b, ' ');
	}
}

static void
describe(row *r, const struct cols *c, double change)
{
	const char *m = row_get(r, c->measure);
	sbuf *b = &r->desc;

	sbuf_clear(b);
	add_prefix(b, r, c);
	if (!r->vok) {
		add_measure(b, m);
		sbuf_printf(b, " '%s'", row_get(r, c->value));
	} else if (is_change(m)) {
		add_signed_text(b, r, c);
		if (strcmp(m, "pct_change") == 0)
			sbuf_addc(b, '%');
		else if (strcmp(m, "pct_point_change") == 0)
			sbuf_adds(b, " points");
		else if (*row_get(r, c->unit))
			sbuf_printf(b, " %s", row_get(r, c->unit));
		if (r->cur_level && r->base_level)
			sbuf_printf(b, " (%s vs %s)",
			            row_get(r->cur_level, c->value),
			            row_get(r->base_level, c->value));
		else if (r->cur_level)
			sbuf_printf(b, " (%s)",
			            row_get(r->cur_level, c->value));
	} else if (is_rank(m)) {
		sbuf_adds(b, "rank ");
		add_rank(b, r, c);
		if (r->base) {
			sbuf_adds(b, " (was ");
			add_rank(b, r->base, c);
			sbuf_addc(b, ')');
		}
	} else {
		add_measure(b, m);
		sbuf_addc(b, ' ');
		if (r->base && isfinite(change)) {
			add_signed(b, change, 1);
			sbuf_adds(b, is_share(r, c) ? " points" : "%");
			sbuf_printf(b, " (%s vs %s)", row_get(r, c->value),
			            row_get(r->base, c->value));
		} else if (r->base) {
			sbuf_printf(b, "%s vs %s", row_get(r, c->value),
			            row_get(r->base, c->value));
		} else {
			sbuf_adds(b, row_get(r, c->value));
		}
	}
	if (r->why && b->len > 0 && b->s[b->len - 1] == ')') {
		/* "(25 vs 21; polarity unknown)", not two brackets. */
		b->s[--b->len] = '\0';
		sbuf_printf(b, "; %s)", r->why);
	} else if (r->why) {
		sbuf_printf(b, " (%s)", r->why);
	}
}

/* ---- which rows are indicators ---- */

static bool
is_level(const row *r, const struct cols *c)
{
	return !is_change(row_get(r, c->measure));
}

/* A change shows the count of its period (and of its base period). */
static void
attach_levels(group *g, row *ch, const struct cols *c)
{
	const char *p = row_get(ch, c->period),
	           *bp = row_get(ch, c->base_period);

	if (*p == '\0')
		return;
	for (size_t i = 0; i < g->n && !ch->cur_level; i++) {
		row *l = g->rows[i];
		const char *lbp = row_get(l, c->base_period);

		if (l->role == ROLE_INDICATOR &&
		    strcmp(row_get(l, c->measure), "count") == 0 &&
		    strcmp(row_get(l, c->offence), row_get(ch, c->offence)) ==
		        0 &&
		    strcmp(row_get(l, c->offence_label),
		           row_get(ch, c->offence_label)) == 0 &&
		    strcmp(row_get(l, c->period), p) == 0 &&
		    (*lbp == '\0' || strcmp(lbp, bp) == 0)) {
			ch->cur_level = l;
			l->role = ROLE_CONTEXT;
		}
	}
	if (!ch->cur_level || *bp == '\0')
		return;
	for (size_t i = 0; i < g->n && !ch->base_level; i++) {
		row *l = g->rows[i];

		if (l != ch->cur_level && same_indicator(l, ch->cur_level, c) &&
		    strcmp(row_get(l, c->period), bp) == 0) {
			ch->base_level = l;
			l->role = ROLE_CONTEXT;
		}
	}
}

/* A level row whose base_period is another row's period. */
static void
pair_by_base_period(group *g, const struct cols *c)
{
	for (size_t i = 0; i < g->n; i++) {
		row *l = g->rows[i];
		const char *bp = row_get(l, c->base_period);

		if (l->role != ROLE_INDICATOR || !is_level(l, c) || *bp == '\0')
			continue;
		for (size_t j = 0; j < g->n && !l->base; j++) {
			row *b = g->rows[j];

			if (b != l && is_level(b, c) &&
			    same_indicator(l, b, c) &&
			    strcmp(row_get(b, c->period), bp) == 0)
				l->base = b;
		}
		if (!l->base)
			l->why = "base period not in the input";
	}
	/* Only now, so that in a chain 2019 <- 2018 <- 2017 the order of the
	 * rows does not matter: every row that is some row's base is not an
	 * indicator itself, and only the latest of the chain is judged. */
	for (size_t i = 0; i < g->n; i++)
		if (g->rows[i]->base)
			g->rows[i]->base->role = ROLE_BASE;
}

/* s is a rank of the same ranking as r still waiting for a base. */
static bool
unpaired_rank_like(const row *s, const row *r, const struct cols *c)
{
	return s->role == ROLE_INDICATOR && !s->base && !s->why &&
	       *row_get(s, c->base_period) == '\0' && same_indicator(r, s, c);
}

/* Ranks with no base_period: the latest against the one before it. */
static void
pair_ranks(group *g, const struct cols *c)
{
	for (size_t i = 0; i < g->n; i++) {
		row *r = g->rows[i], *latest = NULL, *prev = NULL;
		size_t n = 0;
		bool ordered = true;

		if (!is_rank(row_get(r, c->measure)) ||
		    !unpaired_rank_like(r, r, c))
			continue;
		/* The rows of this ranking not yet seen start at i. */
		for (size_t j = i; j < g->n; j++) {
			row *s = g->rows[j];
			const char *e = row_get(s, c->period_end);

			if (!unpaired_rank_like(s, r, c))
				continue;
			n++;
			if (*e == '\0')
				ordered = false;
			else if (!latest ||
			         strcmp(e, row_get(latest, c->period_end)) > 0)
				latest = s;
		}
		if (n == 1) {
			r->why = "no previous rank";
			continue;
		}
		for (size_t j = i; ordered && j < g->n; j++) {
			row *s = g->rows[j];
			const char *e = row_get(s, c->period_end);

			if (s == latest || !unpaired_rank_like(s, r, c))
				continue;
			if (strcmp(e, row_get(latest, c->period_end)) == 0)
				ordered =
				    false; /* two ranks for the same period */
			else if (!prev ||
			         strcmp(e, row_get(prev, c->period_end)) > 0)
				prev = s;
		}
		for (size_t j = i; j < g->n; j++) {
			row *s = g->rows[j];

			if (!unpaired_rank_like(s, r, c) ||
			    (ordered && s == latest))
				continue;
			if (ordered)
				s->role = ROLE_HISTORY;
			else
				s->why =
				    "ranks whose periods cannot be ordered";
		}
		if (ordered)
			latest->base = prev;
	}
}

/* ---- direction ---- */

/* The change that decides the direction; *same when within the band. */
static double
change_of(const row *r, const struct cols *c, const struct opts *o, bool *same)
{
	const char *m = row_get(r, c->measure);
	double d;

	if (is_change(m)) {
		d = r->v;
		*same = strcmp(m, "count_change") == 0 ? d == 0
		                                       : fabs(d) <= o->band;
	} else if (is_rank(m)) {
		d = r->v - r->base->v;
		*same = d == 0;
	} else if (is_share(r, c)) {
		d = r->v - r->base->v;
		*same = fabs(d) <= o->band;
	} else if (r->base->v == 0) {
		/* From nothing: any rise is infinitely many percent. */
		d = r->v == 0 ? 0 : copysign(INFINITY, r->v);
		*same = d == 0;
	} else {
		d = (r->v - r->base->v) * 100 / fabs(r->base->v);
		*same = fabs(d) <= o->band;
	}
	return d;
}

static void
judge_row(row *r, const struct cols *c, const struct opts *o)
{
	double d = NAN;
	bool same = false;
	enum pol p;

	if (!r->vok && !r->why)
		r->why = "not a number";
	if (!r->why && r->base && !r->base->vok)
		r->why = "base not a number";
	if (!r->why && (r->base || is_change(row_get(r, c->measure))))
		d = change_of(r, c, o, &same);
	if (!r->why) {
		p = pol_find(row_get(r, c->offence), row_get(r, c->measure),
		             row_get(r, c->offence_label));
		if (p == POL_UNKNOWN) {
			r->why = "polarity unknown";
			cs_warn_at(r->src, r->lineno,
			           "no polarity for offence '%s', measure "
			           "'%s': direction left empty",
			           row_get(r, c->offence),
			           row_get(r, c->measure));
		} else if (same) {
			r->dir = DIR_SAME;
		} else {
			r->dir = (d > 0) == (p == POL_LOWER) ? DIR_WORSE
			                                     : DIR_BETTER;
		}
	}
	describe(r, c, d);
}

/* The judged indicators of each direction, for group_list. */
static bool
is_worse(const row *r)
{
	return r->role == ROLE_INDICATOR && r->dir == DIR_WORSE;
}

static bool
is_better(const row *r)
{
	return r->role == ROLE_INDICATOR && r->dir == DIR_BETTER;
}

static bool
is_same(const row *r)
{
	return r->role == ROLE_INDICATOR && r->dir == DIR_SAME;
}

static bool
is_unknown(const row *r)
{
	return r->role == ROLE_INDICATOR && r->dir == DIR_NONE;
}

void
row_parse_value(row *r, const struct cols *c)
{
	cs_num n;
	const char *s = row_get(r, c->value);

	r->vok = num_parse(s, strlen(s), &n) == NUM_OK;
	r->v = r->vok ? n.value : 0;
}

void
judge_change(group *g, const struct cols *c, const struct opts *o,
             struct verdict *out)
{
	size_t known;
	sbuf *b = &out->reason;

	for (size_t i = 0; i < g->n; i++)
		row_parse_value(g->rows[i], c);
	for (size_t i = 0; i < g->n; i++)
		if (is_change(row_get(g->rows[i], c->measure)))
			attach_levels(g, g->rows[i], c);
	pair_by_base_period(g, c);
	pair_ranks(g, c);
	for (size_t i = 0; i < g->n; i++) {
		row *r = g->rows[i];

		if (r->role != ROLE_INDICATOR)
			continue;
		if (is_level(r, c) && !r->base && !r->why)
			r->why = "no base";
		judge_row(r, c, o);
		out->better += r->dir == DIR_BETTER;
		out->same += r->dir == DIR_SAME;
		out->worse += r->dir == DIR_WORSE;
		out->unknown += r->dir == DIR_NONE;
	}
	known = out->better + out->same + out->worse;
	sbuf_clear(b);
	if (known == 0) {
		out->colour = -1;
		sbuf_adds(b, "no indicator with a known direction");
	} else {
		out->colour =
		    scheme_by_share((double)out->worse / (double)known);
		sbuf_printf(b, "%zu of %zu worse", out->worse, known);
	}
	group_list(b, g, is_worse, ": ");
	group_list(b, g, is_better, "; better: ");
	group_list(b, g, is_same, "; same: ");
	group_list(b, g, is_unknown, "; unknown: ");
}

const char *
dir_name(enum dir d)
{
	return dir_word[d];
}
