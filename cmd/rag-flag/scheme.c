/* scheme.c - a colour scheme: the colours, best first, each with the
 * conditions under which it applies and its status words (see
 * lib/data/scheme-rag.tsv for the file format). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "err.h"
#include "mem.h"
#include "rag.h"
#include "ref.h"
#include "text.h"

enum op { OP_NEVER, OP_EQ, OP_LT, OP_LE, OP_GT, OP_GE };

struct cond {
	enum op op;
	double x;
};

struct colour {
	char *name, *ansi, *status;
	struct cond share, gap;
};

static struct colour *col;
static size_t ncol;

static struct cond
parse_cond(const char *s, const char *file, long line)
{
	struct cond c = { OP_NEVER, 0 };
	const char *p = s;
	char *end;

	if (*s == '\0')
		return c;
	if (p[0] == '<' && p[1] == '=')
		c.op = OP_LE, p += 2;
	else if (p[0] == '>' && p[1] == '=')
		c.op = OP_GE, p += 2;
	else if (p[0] == '<')
		c.op = OP_LT, p++;
	else if (p[0] == '>')
		c.op = OP_GT, p++;
	else if (p[0] == '=')
		c.op = OP_EQ, p++;
	c.x = strtod(p, &end);
	if (c.op == OP_NEVER || end == p || *end != '\0')
		cs_die_at(CS_EXIT_DATA, file, line,
		          "condition '%s' is not an operator (= < <= > >=) and "
		          "a number",
		          s);
	return c;
}

static bool
holds(struct cond c, double v)
{
	switch (c.op) {
	case OP_EQ:
		return v == c.x;
	case OP_LT:
		return v < c.x;
	case OP_LE:
		return v <= c.x;
	case OP_GT:
		return v > c.x;
	case OP_GE:
		return v >= c.x;
	default:
		return false;
	}
}

void
scheme_load(const char *name)
{
	cs_table *t = ref_load(name);
	int cr = ref_need(t, "rag"), cs = ref_need(t, "worse_share"),
	    cg = ref_need(t, "target_gap"), ca = ref_col(t, "ansi"),
	    cw = ref_col(t, "status");

	if (t->nrows == 0)
		cs_die(CS_EXIT_DATA, "%s: no colours in the scheme", t->path);
	ncol = t->nrows;
	col = xcalloc(ncol, sizeof *col);
	for (size_t i = 0; i < ncol; i++) {
		col[i].name = xstrdup(ref_get(t, i, (size_t)cr));
		col[i].share = parse_cond(ref_get(t, i, (size_t)cs), t->path,
		                          t->lineno[i]);
		col[i].gap = parse_cond(ref_get(t, i, (size_t)cg), t->path,
		                        t->lineno[i]);
		col[i].ansi = xstrdup(ca >= 0 ? ref_get(t, i, (size_t)ca) : "");
		col[i].status =
		    xstrdup(cw >= 0 ? ref_get(t, i, (size_t)cw) : "");
	}
	ref_free(t);
}

void
scheme_set_red_share(double share)
{
	col[ncol - 1].share = (struct cond){ OP_GE, share };
}

void
scheme_set_tolerance(double pct)
{
	col[ncol - 1].gap = (struct cond){ OP_GT, pct };
}

/* The last (worst) colour whose share or gap condition holds for v. */
static int
worst_holding(bool gap, double v)
{
	int found = -1;

	for (size_t i = 0; i < ncol; i++)
		if (holds(gap ? col[i].gap : col[i].share, v))
			found = (int)i;
	return found;
}

int
scheme_by_share(double share)
{
	return worst_holding(false, share);
}

int
scheme_by_gap(double gap)
{
	return worst_holding(true, gap);
}

int
scheme_by_status(const char *word, size_t n)
{
	text_trim(&word, &n);
	for (size_t i = 0; i < ncol; i++) {
		const char *s = col[i].status;

		while (*s) {
			size_t k = strcspn(s, ";");
			const char *w = s;
			size_t wn = k;

			text_trim(&w, &wn);
			if (wn == n && n > 0 && strncasecmp(w, word, n) == 0)
				return (int)i;
			s += k + (s[k] == ';');
		}
	}
	return -1;
}

size_t
scheme_count(void)
{
	return ncol;
}

const char *
scheme_name(int c)
{
	return c >= 0 && (size_t)c < ncol ? col[c].name : "";
}

const char *
scheme_ansi(int c)
{
	return c >= 0 && (size_t)c < ncol ? col[c].ansi : "";
}

void
scheme_free(void)
{
	for (size_t i = 0; i < ncol; i++) {
		free(col[i].name);
		free(col[i].ansi);
		free(col[i].status);
	}
	free(col);
	col = NULL;
	ncol = 0;
}
