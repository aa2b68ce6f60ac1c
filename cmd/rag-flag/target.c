/* target.c - target mode: each row against its own target, or its status
 * word; a group is as bad as its worst row. */
#include <math.h>
#include <string.h>

#include "err.h"
#include "num.h"
#include "rag.h"

/* The target of a row: --target-value, or its target column; false when
 * there is none (an empty cell) or it is not a number (warned). */
static bool
target_of(const row *r, const struct cols *c, const struct opts *o, double *t,
          const char **text)
{
	const char *s;
	cs_num n;

	if (o->target_text) {
		*t = o->target_value;
		*text = o->target_text;
		return true;
	}
	s = *text = row_get(r, c->target);
	if (*s == '\0')
		return false;
	if (num_parse(s, strlen(s), &n) != NUM_OK) {
		cs_warn_at(r->src, r->lineno, "target '%s' is not a number", s);
		return false;
	}
	*t = n.value;
	return true;
}

/* How far v falls short of t, in percent of t (<= 0: met). */
static double
gap_of(double v, double t, enum pol p)
{
	double short_by = p == POL_LOWER ? v - t : t - v;

	if (t == 0)
		return short_by == 0 ? 0 : copysign(INFINITY, short_by);
	return short_by * 100 / fabs(t);
}

static void
by_target(row *r, const struct cols *c, const struct opts *o)
{
	const char *v = row_get(r, c->value);
	const char *tbuf;
	double t, gap;
	enum pol p;
	char gbuf[64];

	if (!target_of(r, c, o, &t, &tbuf)) {
		r->why = "no target";
		return;
	}
	if (!r->vok) {
		r->why = *v ? "not a number" : "no value";
		return;
	}
	p = pol_find(row_get(r, c->offence), row_get(r, c->measure),
	             row_get(r, c->offence_label));
	if (p == POL_UNKNOWN) {
		cs_warn_at(r->src, r->lineno,
		           "no polarity for offence '%s', measure '%s': target "
		           "flag left empty",
		           row_get(r, c->offence), row_get(r, c->measure));
		r->why = "polarity unknown";
		sbuf_printf(&r->desc, "%s vs target %s", v, tbuf);
		sbuf_printf(&r->reason, "%s against a target of %s: ", v, tbuf);
		return;
	}
	gap = gap_of(r->v, t, p);
	r->dir = gap < 0 ? DIR_BETTER : gap == 0 ? DIR_SAME : DIR_WORSE;
	r->colour = scheme_by_gap(gap);
	if (gap <= 0) {
		sbuf_printf(&r->reason, "met: %s against a target of %s (%s)",
		            v, tbuf, pol_words(p));
		sbuf_printf(&r->desc, "%s vs target %s", v, tbuf);
		return;
	}
	if (isfinite(gap)) {
		num_format(gbuf, sizeof gbuf, gap, 1);
		sbuf_printf(&r->reason,
		            "not met by %s%%: %s against a target of %s (%s)",
		            gbuf, v, tbuf, pol_words(p));
		sbuf_printf(&r->desc, "%s vs target %s (%s%% short)", v, tbuf,
		            gbuf);
	} else {
		sbuf_printf(&r->reason,
		            "not met: %s against a target of %s (%s)", v, tbuf,
		            pol_words(p));
		sbuf_printf(&r->desc, "%s vs target %s", v, tbuf);
	}
}

static void
judge_one(row *r, const struct cols *c, const struct opts *o)
{
	const char *status = c->status >= 0 ? row_get(r, c->status)
	                     : r->vok       ? ""
	                                    : row_get(r, c->value);

	r->colour = -1;
	sbuf_clear(&r->desc);
	sbuf_clear(&r->reason);
	if (*row_get(r, c->offence_label))
		sbuf_printf(&r->desc, "%s ", row_get(r, c->offence_label));
	else
		add_prefix(&r->desc, r, c);
	if (*row_get(r, c->offence_label) && *row_get(r, c->period))
		sbuf_printf(&r->desc, "%s ", row_get(r, c->period));
	/* "Label period: what" */
	if (r->desc.len > 0) {
		r->desc.s[r->desc.len - 1] = ':';
		sbuf_addc(&r->desc, ' ');
	}
	if (*status) {
		r->colour = scheme_by_status(status, strlen(status));
		sbuf_adds(&r->desc, status);
		if (r->colour < 0) {
			cs_warn_at(r->src, r->lineno,
			           "status '%s' is not in the scheme", status);
			r->why = "status not in the scheme";
			sbuf_printf(&r->reason, "'%s': ", status);
		} else {
			sbuf_printf(&r->reason, "status: %s", status);
		}
	} else {
		by_target(r, c, o);
	}
	if (r->why) {
		/* Drop the ": " left when there was nothing to show. */
		while (r->desc.len && (r->desc.s[r->desc.len - 1] == ' ' ||
		                       r->desc.s[r->desc.len - 1] == ':'))
			r->desc.s[--r->desc.len] = '\0';
		sbuf_printf(&r->desc, " (%s)", r->why);
		sbuf_adds(&r->reason, r->why);
	}
}

static bool
not_met(const row *r)
{
	return r->colour > 0;
}

static bool
unknown(const row *r)
{
	return r->colour < 0;
}

void
judge_target(group *g, const struct cols *c, const struct opts *o,
             struct verdict *out)
{
	size_t known;

	out->colour = -1;
	for (size_t i = 0; i < g->n; i++) {
		row *r = g->rows[i];

		row_parse_value(r, c);
		judge_one(r, c, o);
		if (r->colour > out->colour)
			out->colour = r->colour;
		out->better += r->colour == 0;
		out->worse += r->colour > 0;
		out->unknown += r->colour < 0;
	}
	known = out->better + out->worse;
	sbuf_clear(&out->reason);
	if (known == 0)
		sbuf_adds(&out->reason, "no target that can be judged");
	else
		sbuf_printf(&out->reason, "%zu of %zu met", out->better, known);
	group_list(&out->reason, g, not_met, "; not met: ");
	group_list(&out->reason, g, unknown, "; unknown: ");
}
