/* text-table.c - a space-separated table under a header of periods.
 *
 * pdftotext prints a PDF table's header as it lays out, so one header
 * arrives over several lines:
 *
 *     2011/12 2015/16 2016/17
 *     % change vs.
 *     one year ago
 *
 *     % change vs. 5
 *     years ago
 *
 *     Robbery 1199 622 463 -25.6% -61.4%
 *
 * A line of periods opens the header; the lines after it, up to the first
 * row, name the change columns ("% change vs. N years ago" is a
 * pct_change of the last period against N years before).  A row is a
 * label and exactly one number per column; the first line that is not
 * ends the table.  A table whose first row is not an offence the taxonomy
 * knows (drug users, budgets) is not read. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "tx.h"

enum { MAXPER = 8, MAXCHG = 4, MAXHEAD = 12, MAXPIECE = 40 };
enum { IDLE, HEADER, ROWS };

struct tx_table {
	int state;
	cs_period per[MAXPER];
	int nper;
	sbuf head; /* header text after the line of periods */
	int hlines;
	struct {
		bool pct;
		tx_period base;
		int basecol;
	} chg[MAXCHG];
	int nchg;
	sbuf label;
};

static struct tx_table *
state(tx *t)
{
	if (!t->table)
		t->table = xcalloc(1, sizeof *t->table);
	return t->table;
}

/* Split s into space-separated tokens; up to max; returns the count. */
static int
tokens(const char *s, size_t n, const char **tok, size_t *len, int max)
{
	int k = 0;
	size_t i = 0;
	while (i < n) {
		while (i < n && s[i] == ' ')
			i++;
		if (i == n)
			break;
		size_t j = i;
		while (j < n && s[j] != ' ')
			j++;
		if (k == max)
			return max + 1;
		tok[k] = s + i;
		len[k++] = j - i;
		i = j;
	}
	return k;
}

/* Whether the word at s (up to a space) holds a digit.  A period holds a
 * year (lib/date reads none without a digit), so a line whose first word
 * has none cannot be a line of periods ("Robbery fell by 4%"): one word
 * looked at, not up to nine split and tried as periods (659.2M to 653.3M
 * instructions per MB). */
static bool
word_digit(const char *s, size_t n)
{
	for (size_t i = 0; i < n && s[i] != ' '; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return true;
	return false;
}

/* "2011/12 2015/16 2016/17" */
static bool
period_line(struct tx_table *tb, const char *s, size_t n)
{
	const char *tok[MAXPER];
	size_t len[MAXPER];
	int k = 0;
	/* split as tokens() splits, ended by a word without a digit, which
	 * is no period: "2,345 offences were recorded" is seen at its second
	 * word, not split to its ninth first (226.3M to 225.8M instructions
	 * per MB) */
	for (size_t i = 0, j; i < n; i = j) {
		while (i < n && s[i] == ' ')
			i++;
		if (i == n)
			break;
		if (!word_digit(s + i, n - i) || k == MAXPER)
			return false;
		for (j = i; j < n && s[j] != ' '; j++)
			;
		tok[k] = s + i;
		len[k++] = j - i;
	}
	if (k < 2)
		return false;
	for (int i = 0; i < k; i++)
		if (!tx_cell_period(tok[i], len[i], &tb->per[i]))
			return false;
	tb->nper = k;
	return true;
}

/* The change columns the header text names. */
static void
change_columns(struct tx_table *tb)
{
	const char *h = sbuf_str(&tb->head);
	tb->nchg = 0;
	const char *p = h;
	const cs_period *last = &tb->per[tb->nper - 1];
	while (tb->nchg < MAXCHG && (p = strstr(p, "change"))) {
		const char *next = strstr(p + 6, "change");
		size_t len = next ? (size_t)(next - p) : strlen(p);
		bool pct = p > h && memchr(h, '%', (size_t)(p - h)) &&
		           (p[-1] == '%' || (p - h >= 2 && p[-2] == '%'));
		int months = tx_months_ago(p, len);
		tb->chg[tb->nchg].pct = pct;
		tb->chg[tb->nchg].basecol = -1;
		tb->chg[tb->nchg].base.set = months > 0;
		if (months > 0) {
			cs_period b = period_shift(last, -months);
			tb->chg[tb->nchg].base.p = b;
			for (int c = 0; c < tb->nper; c++)
				if (tb->per[c].start.y == b.start.y &&
				    tb->per[c].start.m == b.start.m &&
				    tb->per[c].end.y == b.end.y &&
				    tb->per[c].end.m == b.end.m) {
					tb->chg[tb->nchg].base.p = tb->per[c];
					tb->chg[tb->nchg].basecol = c;
				}
		}
		tb->nchg++;
		p += 6;
	}
}

/* A row: a label, then one number (or "-") per column. */
static bool
row(tx *t, struct tx_table *tb, const char *s, size_t n, bool first)
{
	enum { MAXTOK = 64 };
	const char *tok[MAXTOK];
	size_t len[MAXTOK];
	int k = tokens(s, n, tok, len, MAXTOK);
	int want = tb->nper + tb->nchg;
	if (k > MAXTOK || k <= want)
		return false;
	cs_num v[MAXPER + MAXCHG];
	bool have[MAXPER + MAXCHG], big[MAXPER + MAXCHG];
	for (int c = 0; c < want; c++) {
		int i = k - want + c;
		num_status st = num_parse(tok[i], len[i], &v[c]);
		have[c] = st == NUM_OK;
		big[c] = st == NUM_OVERFLOW; /* a figure, but not one kept */
		bool dash = len[i] == 1 && tok[i][0] == '-';
		if (!have[c] && !dash && !big[c])
			return false;
		if (have[c] && (v[c].percent != (c >= tb->nper &&
		                                 tb->chg[c - tb->nper].pct) ||
		                v[c].has_of))
			return false;
	}
	size_t labeln = (size_t)(tok[k - want] - s);
	const char *label = tx_label(s, labeln, &tb->label);
	bool letter = false;
	for (const char *c = label; *c; c++)
		letter |= ((*c | 32) >= 'a' && (*c | 32) <= 'z');
	if (!letter)
		return false;
	size_t ln = strlen(label);
	/* a table of something else (drug users, budgets) under years */
	if (first && !tax_map(label, ln)) {
		tb->state = IDLE;
		return true;
	}
	for (int c = 0; c < want; c++)
		if (big[c])
			tx_overflow(t, t->line, label, tok[k - want + c],
			            len[k - want + c]);
	for (int c = 0; c < tb->nper; c++) {
		if (!have[c])
			continue;
		tx_period p = { true, tb->per[c] };
		tx_add(t, t->line, t->area, &p, NULL, label, ln, "count",
		       v[c].text, "offences");
	}
	tx_period last = { true, tb->per[tb->nper - 1] };
	for (int j = 0; j < tb->nchg; j++) {
		int c = tb->nper + j;
		if (!have[c])
			continue;
		const char *measure =
		    tb->chg[j].pct ? "pct_change" : "count_change";
		tx_add(t, t->line, t->area, &last, &tb->chg[j].base, label, ln,
		       measure, v[c].text,
		       tb->chg[j].pct ? "percent" : "offences");
		int b = tb->chg[j].basecol, e = tb->nper - 1;
		if (b >= 0 && have[b] && have[e])
			tx_check_change(t, t->line, label, v[b].value,
			                v[e].value, &v[c], tb->chg[j].pct);
	}
	return true;
}

static bool table_line(tx *t, struct tx_table *tb, const char *s, size_t n);

bool
tx_table_line(tx *t, const char *s, size_t n)
{
	struct tx_table *tb = state(t);
	if (tb->state == IDLE) {
		/* the first word as it comes, after its ASCII spaces: the
		 * trimmed first word lies inside it, so no digit there is no
		 * digit in that (645.6M to 645.0M instructions per MB) */
		size_t i = 0;
		while (i < n && s[i] == ' ')
			i++;
		if (!word_digit(s + i, n - i))
			return false;
	}
	return table_line(t, tb, s, n);
}

/* tx_table_line past the test most lines end at (a table's first line
 * begins with a word holding a digit): apart, and not inlined where the
 * compiler can be told, so that the test saves and restores no
 * registers for the rest's sake (5.3 MB text: 559.4M to 558.5M
 * instructions) */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static bool
table_line(tx *t, struct tx_table *tb, const char *s, size_t n)
{
	if (tb->state == IDLE) {
		text_trim(&s, &n);
		if (!word_digit(s, n) || !period_line(tb, s, n))
			return false;
		tb->state = HEADER;
		tb->hlines = 0;
		sbuf_clear(&tb->head);
		return true;
	}
	bool blank = text_is_blank(s, n);
	text_trim(&s, &n);
	switch (tb->state) {
	case HEADER:
		if (blank)
			return true;
		change_columns(tb);
		if (row(t, tb, s, n, true)) {
			tb->state = ROWS;
			return true;
		}
		/* header pieces are short ("% change vs.", "years ago"); a
		 * sentence means the line of periods was not a header */
		if (++tb->hlines > MAXHEAD || n > MAXPIECE) {
			tb->state = IDLE;
			return false;
		}
		sbuf_addc(&tb->head, ' ');
		sbuf_add(&tb->head, s, n);
		return true;
	case ROWS:
		if (blank)
			return false;
		if (row(t, tb, s, n, false))
			return true;
		tb->state = IDLE;
		return tx_table_line(t, s, n); /* a new header may follow */
	}
	return false;
}

void
tx_table_end(tx *t)
{
	if (t->table)
		t->table->state = IDLE;
}

long
tx_table_pending(const tx *t)
{
	(void)t;
	return LONG_MAX;
}

void
tx_table_free(tx *t)
{
	if (!t->table)
		return;
	sbuf_free(&t->table->head);
	sbuf_free(&t->table->label);
	free(t->table);
	t->table = NULL;
}
