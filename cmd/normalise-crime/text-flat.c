/* text-flat.c - a table flattened one cell per line.
 *
 * pdftotext without -layout writes a simple table one cell per line: a
 * header of a label and its cells, then per row a label (sometimes
 * wrapped over two lines) and its cells:
 *
 *   Offence group        <- header label
 *   Q3 2022/23           <- header cells: periods, and "% change"
 *   Q3 2023/24
 *   % change
 *   Violence with injury <- row label
 *   412                  <- its cells, as many as the header's
 *   398
 *   -3.4%
 *
 * The state machine: idle -> a short line held as a possible header label
 * -> header cells (at least two, a period among them) -> rows -> a blank
 * or prose line ends the table.  Lines held that turn out not to be a
 * header go back to the other readers (tx_line_rest) in order.  A row
 * with fewer or more cells than the header is skipped with a warning
 * naming its line: which column a lone "1" belongs to cannot be known. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "tx.h"

#define FLAT_MAXCOL 12
#define FLAT_MAXHOLD 16

enum { F_IDLE, F_HEADER, F_ROWS };

typedef struct {
	long line;
	sbuf s; /* kept between tables: no allocation per line held */
} held;

struct tx_flat {
	int state;
	held hold[FLAT_MAXHOLD]; /* lines not yet given to anyone */
	int nhold;
	int ncol;
	tx_period per[FLAT_MAXCOL]; /* a period column, or unset */
	bool change[FLAT_MAXCOL];   /* a "% change" column */
	sbuf label;                 /* the row being read */
	sbuf label_tmp;
	long label_line;
	cs_num cell[FLAT_MAXCOL + 1];
	long cell_line[FLAT_MAXCOL + 1];
	int ncell;
};

static struct tx_flat *
flat(tx *t)
{
	if (!t->flat)
		t->flat = xcalloc(1, sizeof *t->flat);
	return t->flat;
}

static bool
has_digit(const char *s, size_t n)
{
	/* eight bytes at a time (lib/text), not a test a byte: most header
	 * labels asked ("Offence group") hold none, and are read to their
	 * end: 561.2M to 560.7M instructions on the 5.3 MB text */
	return text_digit_next(s, 0, n) < n;
}

/* A cell of a row: a number, "-3.4%", "2% increase", or a dash. */
static bool
cell(const char *s, size_t n, cs_num *v)
{
	text_trim(&s, &n);
	if (n == 0 || n > 24)
		return false;
	return tx_cell_num(s, n, v);
}

/* A header cell: a period ("Q3 2023/24") or a change ("% change"). */
static int
head_cell(const char *s, size_t n, cs_period *p)
{
	static int col_change = -1;
	text_trim(&s, &n);
	if (n == 0 || n > 40)
		return 0;
	/* a period holds a year (lib/date reads none without a digit): most
	 * short lines ("Offence group", "Theft from a motor") have none, and
	 * are not tried as periods; the rule's index is looked up once
	 * (with the held lines kept in reused buffers,
	 * 653.3M to 650.0M instructions per MB) */
	if (has_digit(s, n) && tx_cell_period(s, n, p))
		return 1;
	cs_ruleset *rs = tx_cell_rules();
	cs_rmatch m;
	if (col_change < 0)
		col_change = rules_need(rs, "col_change");
	/* "% change", "Difference": rules-crime-cells.tsv, as tab tables;
	 * the length first, the pattern only for a cell short enough
	 * (644.4M to 643.6M instructions per MB) */
	if (n <= 20 && rules_exec(rs, col_change, s, n, 0, &m))
		return 2;
	return 0;
}

/* A label: a short line of words, not a sentence ("Offence group",
 * "Theft from a motor"). */
static bool
label_line(const char *s, size_t n)
{
	text_trim(&s, &n);
	if (n == 0 || n > 60 || s[n - 1] == '.' || s[n - 1] == ':' ||
	    s[n - 1] == ',')
		return false;
	/* the letters, digits and tabs counted at once, a byte's look-up
	 * added to a field each (8 bits, and n is at most 60), not three
	 * tests a byte; every answer the loop could give early is false,
	 * and the counts only grow, so the whole line counted answers the
	 * same: 567.7M to 563.9M instructions on the 5.3 MB text, where
	 * label_line asks 91,643 lines.  "Total 2,345": more than two
	 * digits, no label */
	enum { L = 1, D = 1 << 8, T = 1 << 16 };
	static const uint32_t cls[256] = {
		['0'] = D,  ['1'] = D, ['2'] = D, ['3'] = D, ['4'] = D,
		['5'] = D,  ['6'] = D, ['7'] = D, ['8'] = D, ['9'] = D,
		['\t'] = T, ['A'] = L, ['B'] = L, ['C'] = L, ['D'] = L,
		['E'] = L,  ['F'] = L, ['G'] = L, ['H'] = L, ['I'] = L,
		['J'] = L,  ['K'] = L, ['L'] = L, ['M'] = L, ['N'] = L,
		['O'] = L,  ['P'] = L, ['Q'] = L, ['R'] = L, ['S'] = L,
		['T'] = L,  ['U'] = L, ['V'] = L, ['W'] = L, ['X'] = L,
		['Y'] = L,  ['Z'] = L, ['a'] = L, ['b'] = L, ['c'] = L,
		['d'] = L,  ['e'] = L, ['f'] = L, ['g'] = L, ['h'] = L,
		['i'] = L,  ['j'] = L, ['k'] = L, ['l'] = L, ['m'] = L,
		['n'] = L,  ['o'] = L, ['p'] = L, ['q'] = L, ['r'] = L,
		['s'] = L,  ['t'] = L, ['u'] = L, ['v'] = L, ['w'] = L,
		['x'] = L,  ['y'] = L, ['z'] = L
	};
	uint32_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += cls[(unsigned char)s[i]];
	return (k >> 16) == 0 && (k >> 8 & 0xFF) <= 2 && (k & 0xFF) >= 3;
}

static void
hold_line(struct tx_flat *f, long line, const char *s, size_t n)
{
	held *h = &f->hold[f->nhold++];
	h->line = line;
	sbuf_clear(&h->s);
	sbuf_add(&h->s, s, n);
}

/* Give the held lines back to the other readers, in order. */
static void
replay(tx *t)
{
	struct tx_flat *f = t->flat;
	long line = t->line;
	int n = f->nhold;
	f->nhold = 0;
	f->state = F_IDLE;
	for (int i = 0; i < n; i++) {
		t->line = f->hold[i].line;
		tx_line_rest(t, f->hold[i].s.s, f->hold[i].s.len);
	}
	t->line = line;
}

static void
drop_held(struct tx_flat *f)
{
	f->nhold = 0;
}

/* Write the row read, when it has as many cells as the header. */
static void
end_row(tx *t)
{
	struct tx_flat *f = t->flat;
	if (!f->label.len)
		return;
	if (f->ncell != f->ncol) {
		cs_warn_at(t->file, f->label_line,
		           "table row \"%s\" has %d cell%s where the "
		           "header has %d: not read",
		           f->label.s, f->ncell, f->ncell == 1 ? "" : "s",
		           f->ncol);
	} else {
		tx_period last = { 0 }, prev = { 0 };
		int lastc = -1, prevc = -1;
		for (int c = 0; c < f->ncol; c++) {
			if (!f->per[c].set)
				continue;
			prev = last;
			last = f->per[c];
			prevc = lastc;
			lastc = c;
			if (!f->cell[c].percent)
				tx_add(t, f->cell_line[c], t->area, &f->per[c],
				       NULL, f->label.s, f->label.len, "count",
				       f->cell[c].text, "offences");
		}
		for (int c = 0; c < f->ncol; c++) {
			if (!f->change[c] || !last.set)
				continue;
			tx_add(t, f->cell_line[c], t->area, &last,
			       prev.set ? &prev : NULL, f->label.s,
			       f->label.len, "pct_change", f->cell[c].text,
			       "percent");
			/* --check: the printed change against its two counts */
			if (prevc >= 0 && !f->cell[prevc].percent &&
			    !f->cell[lastc].percent)
				tx_check_change(t, f->cell_line[c], f->label.s,
				                f->cell[prevc].value,
				                f->cell[lastc].value,
				                &f->cell[c], true);
		}
	}
	sbuf_clear(&f->label);
	f->ncell = 0;
}

bool
tx_flat_line(tx *t, const char *s, size_t n)
{
	struct tx_flat *f = flat(t);
	cs_period p;
	cs_num v;
	int k;
	switch (f->state) {
	case F_IDLE:
		if (!label_line(s, n) || head_cell(s, n, &p))
			return false;
		hold_line(f, t->line, s, n);
		f->state = F_HEADER;
		f->ncol = 0;
		return true;
	case F_HEADER:
		if (f->nhold < FLAT_MAXHOLD && f->ncol < FLAT_MAXCOL &&
		    (k = head_cell(s, n, &p)) != 0) {
			f->per[f->ncol] = (tx_period){ k == 1, p };
			f->change[f->ncol++] = k == 2;
			hold_line(f, t->line, s, n);
			return true;
		}
		int periods = 0;
		for (int c = 0; c < f->ncol; c++)
			periods += f->per[c].set;
		if (f->ncol >= 2 && periods >= 1 && label_line(s, n)) {
			/* the header is complete: this line is the first row; the
			 * paragraph before the table ends */
			tx_para_end(t);
			drop_held(f);
			f->state = F_ROWS;
			f->ncell = 0;
			sbuf_clear(&f->label);
			break;
		}
		if (f->ncol == 0 && label_line(s, n)) {
			/* "Table 2: ..." then "Offence group": the newer may lead.
			 * It is a label and not a header cell (head_cell above),
			 * so it is held without asking again (647.5M to 646.6M
			 * instructions per MB) */
			replay(t);
			hold_line(f, t->line, s, n);
			f->state = F_HEADER;
			f->ncol = 0;
			return true;
		}
		replay(t);
		return false;
	}
	/* F_ROWS */
	text_trim(&s, &n);
	if (cell(s, n, &v)) {
		if (!f->label.len) {
			end_row(t);
			f->state = F_IDLE;
			return false;
		}
		if (f->ncell <= FLAT_MAXCOL) {
			f->cell[f->ncell] = v;
			f->cell_line[f->ncell++] = t->line;
		}
		return true;
	}
	if (label_line(s, n)) {
		if (f->label.len && f->ncell == 0) {
			/* "Theft from a motor" / "vehicle": one label */
			sbuf_addc(&f->label, ' ');
			tx_label(s, n, &f->label_tmp);
			sbuf_adds(&f->label, f->label_tmp.s);
			return true;
		}
		end_row(t);
		tx_label(s, n, &f->label_tmp);
		sbuf_adds(&f->label, f->label_tmp.s);
		f->label_line = t->line;
		return true;
	}
	/* a blank or prose line ends the table */
	end_row(t);
	f->state = F_IDLE;
	return false;
}

bool
tx_flat_in_table(const tx *t)
{
	return t->flat && t->flat->state == F_ROWS;
}

void
tx_flat_end(tx *t)
{
	struct tx_flat *f = t->flat;
	if (!f)
		return;
	if (f->state == F_ROWS)
		end_row(t);
	else if (f->nhold)
		replay(t);
	f->state = F_IDLE;
}

long
tx_flat_pending(const tx *t)
{
	const struct tx_flat *f = t->flat;
	if (!f)
		return LONG_MAX;
	if (f->nhold)
		return f->hold[0].line;
	if (f->state == F_ROWS && f->label.len)
		return f->label_line;
	return LONG_MAX;
}

void
tx_flat_free(tx *t)
{
	struct tx_flat *f = t->flat;
	if (!f)
		return;
	for (int i = 0; i < FLAT_MAXHOLD; i++)
		sbuf_free(&f->hold[i].s);
	sbuf_free(&f->label);
	sbuf_free(&f->label_tmp);
	free(f);
	t->flat = NULL;
}
