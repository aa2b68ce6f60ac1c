/* output.c - what rag-flag writes: the header, each group's rows or its
 * summary row, and the flag in colour when asked. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "mem.h"
#include "opts.h"
#include "rag.h"
#include "tsv.h"

static const char *const added[NADD] = { "direction", "rag", "rag_reason" };

/* --color's WHEN: auto colours a terminal unless NO_COLOR is set. */
bool
want_color(const char *when)
{
	static const char *const whens[] = { "never", "always", "auto", NULL };
	const char *no = getenv("NO_COLOR");

	switch (cs_opt_choice("--color", when, whens)) {
	case 0:
		return false;
	case 1:
		return true;
	default:
		return isatty(STDOUT_FILENO) && (no == NULL || *no == '\0');
	}
}

void
write_header(const tsv *t, struct run *run)
{
	static const char *const change_counts[] = { "indicators", "better",
		                                     "same", "worse",
		                                     "unknown" };
	static const char *const target_counts[] = { "indicators", "met",
		                                     "not_met", "unknown" };

	if (!run->o.summary) {
		out_pass_header(t, added, NADD, run->where);
		return;
	}
	{
		const char *const *counts =
		    run->o.target_mode ? target_counts : change_counts;
		size_t nc = run->o.target_mode ? 4 : 5,
		       n = run->c.ngroup + 2 + nc, k = 0;
		const char **names = xcalloc(n, sizeof *names);

		for (size_t i = 0; i < run->c.ngroup; i++)
			names[k++] = tsv_colname(t, (size_t)run->c.group[i]);
		names[k++] = "rag";
		names[k++] = "rag_reason";
		for (size_t i = 0; i < nc; i++)
			names[k++] = counts[i];
		out_header(names, n);
		free(names);
	}
}

/* The rag field: the colour's word, in ANSI colour when asked. */
static const char *
rag_field(struct run *run, int colour)
{
	const char *ansi = scheme_ansi(colour);

	sbuf_clear(&run->colour);
	if (colour < 0)
		return "";
	if (run->o.color && *ansi)
		sbuf_printf(&run->colour, "\033[%sm%s\033[0m", ansi,
		            scheme_name(colour));
	else
		sbuf_adds(&run->colour, scheme_name(colour));
	return sbuf_str(&run->colour);
}

void
write_group(group *g, struct run *run)
{
	struct verdict v = { .colour = -1 };

	if (run->o.target_mode)
		judge_target(g, &run->c, &run->o, &v);
	else
		judge_change(g, &run->c, &run->o, &v);
	if (run->o.summary) {
		for (size_t i = 0; i < run->c.ngroup; i++)
			out_field(row_get(g->rows[0], run->c.group[i]));
		out_field(rag_field(run, v.colour));
		out_field(sbuf_str(&v.reason));
		out_long((long)(v.better + v.same + v.worse + v.unknown));
		out_long((long)v.better);
		if (!run->o.target_mode)
			out_long((long)v.same);
		out_long((long)v.worse);
		out_long((long)v.unknown);
		out_endrow();
	} else {
		for (size_t i = 0; i < g->n; i++) {
			row *r = g->rows[i];
			const char *vals[NADD];

			vals[0] = dir_name(r->dir);
			if (run->o.target_mode) {
				vals[1] = rag_field(run, r->colour);
				vals[2] = sbuf_str(&r->reason);
			} else {
				vals[1] = rag_field(run, v.colour);
				vals[2] = sbuf_str(&v.reason);
			}
			out_pass_fields(r->f, r->flen, run->ncols, vals, NADD,
			                run->where);
		}
	}
	sbuf_free(&v.reason);
	group_clear(g, run->ncols);
}
