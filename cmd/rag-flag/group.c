/* group.c - rows held until their group is complete (which rows make a
 * group, and when it is complete, is lib/group's rule). */
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "rag.h"
#include "tsv.h"

const char *
row_get(const row *r, int col)
{
	return col >= 0 ? r->f[col] : "";
}

/* Copy the current input row of t into g. */
row *
group_add(group *g, const tsv *t, const char *src)
{
	size_t n = tsv_ncols(t);
	row *r = xcalloc(1, sizeof *r);

	r->f = xcalloc(n, sizeof *r->f);
	r->flen = xcalloc(n, sizeof *r->flen);
	for (size_t i = 0; i < n; i++) {
		r->flen[i] = tsv_len(t, i);
		r->f[i] = xstrndup(tsv_get(t, i), r->flen[i]);
	}
	r->lineno = tsv_lineno(t);
	r->src = src;
	g->rows = xgrow(g->rows, &g->cap, g->n + 1, sizeof *g->rows);
	g->rows[g->n++] = r;
	return r;
}

void
group_list(sbuf *b, const group *g, bool (*want)(const row *), const char *head)
{
	size_t named = 0, more = 0;

	for (size_t i = 0; i < g->n; i++) {
		if (!want(g->rows[i]))
			continue;
		if (named == REASON_NAMED) {
			more++;
			continue;
		}
		sbuf_adds(b, named++ == 0 ? head : ", ");
		sbuf_adds(b, sbuf_str(&g->rows[i]->desc));
	}
	if (more > 0)
		sbuf_printf(b, " and %zu more", more);
}

void
group_clear(group *g, size_t ncols)
{
	for (size_t i = 0; i < g->n; i++) {
		row *r = g->rows[i];

		for (size_t j = 0; j < ncols; j++)
			free(r->f[j]);
		free(r->f);
		free(r->flen);
		sbuf_free(&r->desc);
		sbuf_free(&r->reason);
		free(r);
	}
	g->n = 0;
}
