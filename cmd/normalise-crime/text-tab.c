/* text-tab.c - tab-separated tables: offence x period, offence x area,
 * area lists and performance dashboards.
 *
 * A block of consecutive lines with tabs is held until it ends, then for
 * up to three more lines in case a caption ("Table 4. ... year end June
 * 2023") names its period.  The rows before the first data row are the
 * header; a header cell that is empty takes the text of the cell to its
 * left in the same header row (a super-header spanning columns).  Each
 * column is classified from all its header text: a period, an area, a
 * count ("Volume", "One year ago"), a change, a rank; anything else
 * (RAG, notes, rates, shares) is not read.  A table is read only when
 * most row labels are offences the taxonomy knows, or areas (an area
 * list); other tables (agendas, referral sources) are not crime figures. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "tx.h"

enum { MAXROWS = 2000, MAXCOLS = 40, CAPTION_LINES = 3 };
enum { K_NONE, K_COUNT, K_CHANGE, K_RANK, K_RATE };

struct tx_tab {
	sbuf text; /* the block's lines, each ending in '\n' */
	long *lineno;
	size_t nrows, caprows;
	long start;
	bool awaiting; /* block ended; watching for a caption */
	int after;     /* non-blank lines seen since */
	bool warned;
};

typedef struct {
	int kind;
	tx_period per, base;
	const char *area;
	bool london;
	int from, to; /* count columns a change is computed from */
	const char *unit;
} col;

typedef struct {
	const char *s[MAXCOLS];
	size_t n[MAXCOLS];
	int ncells;
	long line;
} row;

/* Rules of lib/data/rules-crime-cells.tsv (text-words.c loads them). */
static int r_rank = -1, r_change, r_skip, r_count, r_self, r_caption, r_subject,
           r_compared, r_per1000, r_unit;

static void
compile(void)
{
	cs_ruleset *rs = tx_cell_rules();
	if (r_rank >= 0)
		return;
	r_rank = rules_need(rs, "col_rank");
	r_change = rules_need(rs, "col_change");
	r_skip = rules_need(rs, "col_skip");
	r_count = rules_need(rs, "col_count");
	r_self = rules_need(rs, "cell_self");
	r_caption = rules_need(rs, "caption");
	r_subject = rules_need(rs, "caption_subject");
	r_compared = rules_need(rs, "compared_to");
	r_per1000 = rules_need(rs, "per_1000");
	r_unit = rules_need(rs, "unit_1000");
}

/* Rule r matches s[0..n) from start; m may be NULL. */
static bool
match(int r, const char *s, size_t n, size_t start, cs_rmatch *m)
{
	cs_rmatch mm;
	return rules_exec(tx_cell_rules(), r, s, n, start, m ? m : &mm);
}

static bool
named(const cs_rmatch *m, const char *g, size_t *so, size_t *eo)
{
	return rules_named(tx_cell_rules(), m, g, so, eo);
}

static struct tx_tab *
state(tx *t)
{
	if (!t->tab)
		t->tab = xcalloc(1, sizeof *t->tab);
	return t->tab;
}

static int
split(const char *s, size_t n, row *r)
{
	r->ncells = 0;
	size_t i = 0;
	while (r->ncells < MAXCOLS) {
		size_t j = i;
		while (j < n && s[j] != '\t')
			j++;
		const char *c = s + i;
		size_t cn = j - i;
		text_trim(&c, &cn);
		r->s[r->ncells] = c;
		r->n[r->ncells++] = cn;
		if (j >= n)
			break;
		i = j + 1;
	}
	return r->ncells;
}

static bool
has_letter(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z')
			return true;
	return false;
}

static bool
is_data(const row *r)
{
	if (r->ncells < 2 || !has_letter(r->s[0], r->n[0]))
		return false;
	cs_num v;
	for (int c = 1; c < r->ncells; c++)
		if (tx_cell_num(r->s[c], r->n[c], &v) ||
		    (num_prefix(r->s[c], r->n[c], &v) == NUM_OK &&
		     match(r_unit, r->s[c], r->n[c], v.end, NULL)))
			return true;
	return false;
}

/* Classify column c from its header text h. */
static void
classify(col *k, const col *cols, int c, const char *h, size_t hn,
         const char *main, size_t mainn, const tx_period *table_per)
{
	memset(k, 0, sizeof *k);
	k->from = k->to = -1;
	k->unit = "offences";
	cs_period p;
	size_t so, eo;
	if (tx_find_period(h, hn, &p, &so, &eo) == TXP_OK)
		k->per = (tx_period){ true, p };
	else if (tx_cell_period(main, mainn, &p))
		k->per = (tx_period){ true, p };
	else if (table_per->set)
		k->per = *table_per;
	if (match(r_rank, h, hn, 0, NULL)) {
		k->kind = K_RANK;
		k->london = strstr(h, "London") != NULL;
		return;
	}
	if (match(r_change, h, hn, 0, NULL)) {
		/* a change of the counts to its left: the later against the
		 * earlier, or the nearest against a year before */
		int a = c - 2, b = c - 1;
		if (a >= 1 && cols[a].kind == K_COUNT &&
		    cols[b].kind == K_COUNT && cols[a].per.set &&
		    cols[b].per.set && !cols[a].area && !cols[b].area) {
			bool later_a =
			    cols[a].per.p.end.y * 12 + cols[a].per.p.end.m >
			    cols[b].per.p.end.y * 12 + cols[b].per.p.end.m;
			k->to = later_a ? a : b;
			k->from = later_a ? b : a;
			k->kind = K_CHANGE;
			k->per = cols[k->to].per;
			k->base = cols[k->from].per;
			return;
		}
		if (b < 1 || cols[b].kind != K_COUNT)
			return; /* a change of something not read */
		k->kind = K_CHANGE;
		if (!k->per.set)
			k->per = cols[b].per;
		int m = tx_months_ago(h, hn);
		if (k->per.set && m)
			k->base =
			    (tx_period){ true, period_shift(&k->per.p, -m) };
		return;
	}
	if (match(r_skip, h, hn, 0, NULL))
		return;
	const char *area = tx_area_name(main, mainn);
	if (area) {
		k->kind = K_COUNT;
		k->area = area;
		return;
	}
	/* a period, a count, or an offence (the columns of an area list) */
	if (tx_cell_period(main, mainn, &p) || match(r_count, h, hn, 0, NULL) ||
	    (mainn && tax_map(main, mainn))) {
		k->kind = K_COUNT;
		if (!k->per.set && tx_months_ago(h, hn) == 12) {
			for (int b = c - 1; b >= 1; b--)
				if (cols[b].kind == K_COUNT &&
				    cols[b].per.set) {
					k->per = (tx_period){
						true, period_shift(
						          &cols[b].per.p, -12)
					};
					break;
				}
		}
		if (strstr(h, "ictims"))
			k->unit = "people";
		else if (strstr(h, "ncidents"))
			k->unit = "incidents";
	}
}

/* A cell that names its own month: "Feb19: 270". */
static bool
self_labelled(tx *t, const row *r, int c, const char *label, size_t ln)
{
	size_t so, eo;
	cs_rmatch m;
	if (!match(r_self, r->s[c], r->n[c], 0, &m))
		return false;
	named(&m, "p", &so, &eo);
	cs_period p;
	if (!tx_cell_period(r->s[c] + so, eo - so, &p))
		return false;
	named(&m, "v", &so, &eo);
	cs_num v;
	if (num_parse(r->s[c] + so, eo - so, &v) != NUM_OK)
		return false;
	tx_period tp = { true, p };
	tx_add(t, r->line, t->area, &tp, NULL, label, ln, "count", v.text,
	       "offences");
	return true;
}

/* Ranks, one or several in a cell ("15/15 30/32"). */
static void
ranks(tx *t, const row *r, int c, const col *k, const char *label, size_t ln)
{
	const char *s = r->s[c];
	size_t n = r->n[c], i = 0;
	int nrank = 0;
	cs_num v[4];
	while (i < n && nrank < 4) {
		size_t j = i;
		while (j < n && s[j] != ' ')
			j++;
		if (num_parse(s + i, j - i, &v[nrank]) != NUM_OK ||
		    !v[nrank].has_of)
			return; /* not only ranks: leave the cell out */
		nrank++;
		while (j < n && s[j] == ' ')
			j++;
		i = j;
	}
	for (int q = 0; q < nrank; q++) {
		char unit[32];
		snprintf(unit, sizeof unit, "of %ld", v[q].of);
		tx_add(t, r->line, t->area, NULL, NULL, label, ln, "rank",
		       v[q].text, unit);
		tx_check_rank(t, r->line, label, &v[q],
		              k->london && nrank == 1);
	}
}

/* A row: an offence (or, in an area list, an area) and its cells; m is
 * the main header row, whose cells name an area list's offences. */
static void
data_row(tx *t, const row *r, const col *cols, int ncols, bool arealist,
         const row *m, sbuf *lab, sbuf *hlab)
{
	const char *label = tx_label(r->s[0], r->n[0], lab);
	size_t ln = strlen(label);
	cs_num v[MAXCOLS];
	bool have[MAXCOLS] = { false };
	for (int c = 1; c < r->ncells && c < ncols; c++) {
		if (cols[c].kind == K_NONE || self_labelled(t, r, c, label, ln))
			continue;
		if (cols[c].kind == K_RANK) {
			ranks(t, r, c, &cols[c], label, ln);
			continue;
		}
		if (!tx_cell_num(r->s[c], r->n[c], &v[c])) {
			tx_overflow(t, r->line, label, r->s[c], r->n[c]);
			continue;
		}
		if (v[c].has_of)
			continue;
		have[c] = true;
		const char *area = arealist ? tx_area_name(r->s[0], r->n[0])
		                   : cols[c].area ? cols[c].area
		                                  : t->area;
		const char *olabel = !arealist ? label
		                     : c < m->ncells
		                         ? tx_label(m->s[c], m->n[c], hlab)
		                         : "";
		size_t oln = strlen(olabel);
		if (cols[c].kind == K_COUNT && !v[c].percent)
			tx_add(t, r->line, area, &cols[c].per, NULL, olabel,
			       oln, "count", v[c].text,
			       strstr(label, "ictims") ? "people"
			                               : cols[c].unit);
		else if (cols[c].kind == K_CHANGE && v[c].percent) {
			tx_add(t, r->line, area, &cols[c].per, &cols[c].base,
			       olabel, oln, "pct_change", v[c].text, "percent");
			int a = cols[c].from, b = cols[c].to;
			if (a >= 0 && have[a] && have[b])
				tx_check_change(t, r->line, label, v[a].value,
				                v[b].value, &v[c], true);
		}
	}
}

/* The subject a caption names: "Table 7. Drug offences in London and
 * Barnet, ..." is "Drug offences". */
static const char *
caption_subject(const char *cap, size_t capn, sbuf *out)
{
	size_t so, eo;
	cs_rmatch m;
	sbuf_clear(out);
	if (!capn || !match(r_subject, cap, capn, 0, &m) ||
	    !named(&m, "s", &so, &eo))
		return NULL;
	tx_label(cap + so, eo - so, out);
	return tax_map(out->s, out->len) ? out->s : NULL;
}

/* A row whose label is the statistic, under area columns:
 * "Drug offences per 1000 pop Feb 2022 - Jan 2023 | 2.4 1000 pop | 4.8 ..."
 * "Number of offences 12 months to Jan 2023 compared to previous 12
 *  months to Jan 2022 | Down 14.8% | Down 8.3%". */
static void
stat_row(tx *t, const row *r, const col *cols, int ncols, const char *cap,
         size_t capn, sbuf *lab)
{
	const char *s = r->s[0];
	size_t n = r->n[0], so, eo, so2, eo2;
	tx_period p = { 0 }, base = { 0 };
	int got = tx_find_period(s, n, &p.p, &so, &eo);
	if (got != TXP_OK)
		got = tx_find_month(s, n, &p.p, &so, &eo);
	if (got != TXP_OK)
		return;
	p.set = true;
	size_t rest = eo;
	cs_rmatch m;
	if (match(r_compared, s, n, eo, &m)) {
		rules_group(&m, 0, &so2, &rest);
		if (tx_find_period(s + rest, n - rest, &base.p, &so2, &eo2) ==
		        TXP_OK ||
		    tx_find_month(s + rest, n - rest, &base.p, &so2, &eo2) ==
		        TXP_OK)
			base.set = true;
	}
	size_t per = match(r_per1000, s, n, 0, &m)
	                 ? (rules_group(&m, 0, &so2, &eo2), so2)
	                 : n;
	size_t end = so < per ? so : per;
	tx_label(s, end, lab);
	const char *label = lab->s;
	sbuf subj = SBUF_INIT;
	if (!lab->len || !tax_map(lab->s, lab->len))
		label = caption_subject(cap, capn, &subj);
	for (int c = 1; label && c < r->ncells && c < ncols; c++) {
		cs_num v;
		const char *area = cols[c].area;
		if (!area || !r->n[c])
			continue;
		if (per < n) {
			/* "2.4 1000 pop": the number, then only the unit again */
			if (num_prefix(r->s[c], r->n[c], &v) != NUM_OK ||
			    v.percent ||
			    (v.end < r->n[c] &&
			     !match(r_unit, r->s[c], r->n[c], v.end, NULL)))
				continue;
			tx_add(t, r->line, area, &p, NULL, label, strlen(label),
			       "rate_per_1000", v.text, "per 1000 population");
		} else if (tx_cell_num(r->s[c], r->n[c], &v) && v.percent &&
		           base.set) {
			tx_add(t, r->line, area, &p, &base, label,
			       strlen(label), "pct_change", v.text, "percent");
		}
	}
	sbuf_free(&subj);
}

/* A cell that heads a column of figures: a period, an area, a count, a
 * change or a rank (not "Offence" or "Crime type", which head labels). */
static bool
heads_figures(const char *s, size_t n)
{
	cs_period p;
	return n &&
	       (tx_cell_period(s, n, &p) || tx_area_name(s, n) ||
	        match(r_count, s, n, 0, NULL) ||
	        match(r_change, s, n, 0, NULL) || match(r_rank, s, n, 0, NULL));
}

/* A header with one cell fewer than its rows ("2017/18<TAB>2018/19" over
 * "Burglary<TAB>100<TAB>90") has no cell over the labels: move its cells
 * one to the right, or each figure is read under the next column's
 * period.  The rows above it are moved with it. */
static void
align_header(row *rows, size_t first)
{
	row *m = &rows[first - 1];
	if (rows[first].ncells != m->ncells + 1 || m->ncells + 1 > MAXCOLS ||
	    !heads_figures(m->s[0], m->n[0]))
		return;
	for (size_t i = 0; i < first; i++) {
		row *r = &rows[i];
		if (r->ncells + 1 > MAXCOLS || (i + 1 < first && !r->n[0]))
			continue;
		memmove(r->s + 1, r->s, (size_t)r->ncells * sizeof r->s[0]);
		memmove(r->n + 1, r->n, (size_t)r->ncells * sizeof r->n[0]);
		r->s[0] = "";
		r->n[0] = 0;
		r->ncells++;
	}
}

/* A table whose rows are areas and columns offences or the other way:
 * the header of each column, all rows above the data joined. */
static void
process(tx *t, const tx_period *caption, const char *cap, size_t capn)
{
	struct tx_tab *tb = t->tab;
	if (!tb->nrows)
		return;
	compile();
	row *rows = xcalloc(tb->nrows, sizeof *rows);
	const char *p = tb->text.s;
	size_t first = tb->nrows;
	for (size_t i = 0; i < tb->nrows; i++) {
		const char *e = strchr(p, '\n');
		split(p, (size_t)(e - p), &rows[i]);
		rows[i].line = tb->lineno[i];
		if (first == tb->nrows && is_data(&rows[i]))
			first = i;
		p = e + 1;
	}
	size_t ndata = tb->nrows - first, known = 0, areas = 0;
	for (size_t i = first; i < tb->nrows; i++) {
		sbuf l = SBUF_INIT;
		tax_at(t->file, rows[i].line);
		tx_label(rows[i].s[0], rows[i].n[0], &l);
		known += tax_map(l.s, l.len) != NULL;
		areas += tx_area_name(rows[i].s[0], rows[i].n[0]) != NULL;
		sbuf_free(&l);
	}
	bool arealist = areas * 3 >= ndata * 2;
	bool stats =
	    !arealist && known * 2 < ndata; /* rows that are statistics */
	if (first == 0 || first > 4 || ndata == 0)
		goto done;
	align_header(rows, first);
	int ncols = 0;
	for (size_t i = 0; i < tb->nrows; i++)
		ncols = rows[i].ncells > ncols ? rows[i].ncells : ncols;
	col cols[MAXCOLS];
	memset(cols, 0, sizeof cols);
	sbuf h = SBUF_INIT, lab = SBUF_INIT;
	for (int c = 1; c < ncols; c++) {
		sbuf_clear(&h);
		for (size_t i = 0; i < first; i++) {
			int cc = c;
			/* an empty cell of an upper header row is spanned */
			while (i + 1 < first && cc > 1 &&
			       (cc >= rows[i].ncells || !rows[i].n[cc]))
				cc--;
			if (cc < rows[i].ncells && rows[i].n[cc]) {
				sbuf_addc(&h, ' ');
				sbuf_add(&h, rows[i].s[cc], rows[i].n[cc]);
			}
		}
		const row *m = &rows[first - 1];
		tax_at(t->file, m->line);
		classify(&cols[c], cols, c, sbuf_str(&h), h.len,
		         c < m->ncells ? m->s[c] : "",
		         c < m->ncells ? m->n[c] : 0, caption);
	}
	const row *m = &rows[first - 1];
	for (size_t i = first; i < tb->nrows; i++) {
		tax_at(t->file, rows[i].line);
		if (stats)
			stat_row(t, &rows[i], cols, ncols, cap, capn, &lab);
		else if (arealist
		             ? tx_area_name(rows[i].s[0], rows[i].n[0]) != NULL
		             : has_letter(rows[i].s[0], rows[i].n[0]))
			data_row(t, &rows[i], cols, ncols, arealist, m, &lab,
			         &h);
	}
	sbuf_free(&h);
	sbuf_free(&lab);
done:
	free(rows);
	sbuf_clear(&tb->text);
	tb->nrows = 0;
	tb->awaiting = false;
}

/* Every line with a tab is taken (true), even past MAXROWS: the
 * sentence reader after it counts on seeing none (tx_para_line). */
bool
tx_tab_line(tx *t, const char *s, size_t n)
{
	struct tx_tab *tb = state(t);
	bool tab = memchr(s, '\t', n) != NULL;
	if (tab) {
		if (tb->awaiting) {
			tx_period none = { 0 };
			process(t, &none, "", 0);
		}
		if (tb->nrows == MAXROWS) {
			if (!tb->warned)
				cs_warn_at(t->file, t->line,
				           "table longer than %d rows: "
				           "the rest is not read",
				           MAXROWS);
			tb->warned = true;
			return true;
		}
		if (!tb->nrows)
			tb->start = t->line;
		tb->lineno = xgrow(tb->lineno, &tb->caprows, tb->nrows + 1,
		                   sizeof *tb->lineno);
		tb->lineno[tb->nrows++] = t->line;
		sbuf_add(&tb->text, s, n);
		sbuf_addc(&tb->text, '\n');
		return true;
	}
	if (!tb->nrows)
		return false;
	tb->awaiting = true;
	tb->warned = false;
	if (text_is_blank(s, n))
		return false;
	compile();
	const char *c = s;
	size_t cn = n;
	text_trim(&c, &cn);
	tx_period cap = { 0 };
	size_t so, eo;
	bool caption = match(r_caption, c, cn, 0, NULL);
	if (caption && tx_find_period(c, cn, &cap.p, &so, &eo) == TXP_OK)
		cap.set = true;
	if (caption || ++tb->after >= CAPTION_LINES) {
		process(t, &cap, caption ? c : "", caption ? cn : 0);
		tb->after = 0;
	}
	return false;
}

void
tx_tab_end(tx *t)
{
	if (t->tab && t->tab->nrows) {
		tx_period none = { 0 };
		process(t, &none, "", 0);
	}
	if (t->tab)
		t->tab->after = 0;
}

long
tx_tab_pending(const tx *t)
{
	return t->tab && t->tab->nrows ? t->tab->start : LONG_MAX;
}

void
tx_tab_free(tx *t)
{
	if (!t->tab)
		return;
	sbuf_free(&t->tab->text);
	free(t->tab->lineno);
	free(t->tab);
	t->tab = NULL;
	/* the rules are freed with the others (tx_words_free): look them
	 * up again for the next operand */
	r_rank = -1;
}
