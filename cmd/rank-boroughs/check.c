/* check.c - --check: ranks stated in a report (measure "rank", value 8,
 * unit "of 32") against the ranks computed for the same area in the
 * counterpart group (the same -g values, measure "count" or
 * --check-against).  A stated denominator equal to the --group size is a
 * peer-group rank; any other is a London rank. */
#include <math.h>
#include <stdio.h>

#include "err.h"
#include "rank.h"

/* The row of area a that took part in group g, or NULL. */
static const row *
counterpart(const ranker *r, uint32_t g, int32_t a)
{
	const group *gp = &r->groups[g];

	for (size_t k = 0; k < gp->n; k++) {
		const row *w = &r->rows[r->order[gp->first + k]];

		if (w->area == a && (w->flags & (F_LONDON | F_PEER)))
			return w;
	}
	return NULL;
}

void
check_stated(ranker *r)
{
	char label[256];

	for (size_t i = 0; i < r->nstated; i++) {
		const struct stated *s = &r->stated[i];
		row *w = &r->rows[s->row];
		const char *name = r->areas[w->area].name;
		const row *c = counterpart(r, s->group, w->area);
		bool peer = r->nmembers > 0 && s->of == (long)r->nmembers;
		int32_t rank, of;
		char stated[64];

		group_label(r, s->group, label, sizeof label);
		if (isnan(w->value)) {
			cs_warn_at(src_name(r, w), (long)w->line,
			           "%s, %s: stated rank is not a number", name,
			           label);
			continue;
		}
		if (s->of > 0)
			snprintf(stated, sizeof stated, "%g/%ld", w->value,
			         s->of);
		else
			snprintf(stated, sizeof stated, "%g", w->value);
		rank = c == NULL ? 0 : peer ? c->grank : c->rank;
		of = c == NULL ? 0 : peer ? c->gof : c->rank_of;
		if (rank == 0) {
			cs_warn_at(src_name(r, w), (long)w->line,
			           "%s, %s: stated rank %s, no computed %srank "
			           "to check it against",
			           name, label, stated, peer ? "group " : "");
			continue;
		}
		/* Show the computed figures on the stated row too. */
		w->pop = c->pop;
		w->rate = c->rate;
		w->flags |= F_POP_SHOW;
		w->rank = c->rank;
		w->rank_of = c->rank_of;
		w->grank = c->grank;
		w->gof = c->gof;
		if (w->value != rank || (s->of > 0 && s->of != of))
			cs_warn_at(src_name(r, w), (long)w->line,
			           "%s, %s: stated %srank %s, computed %d/%d",
			           name, label, peer ? "group " : "", stated,
			           rank, of);
	}
}
