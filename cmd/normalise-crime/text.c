/* text.c - text mode: report text in, indicator rows out.
 *
 * Each line is made valid UTF-8 (bad bytes reported once per file) and
 * cleaned (text.h), superscript
 * footnote digits are dropped, page furniture is skipped, and the line is
 * offered to the recognisers in turn: tab tables, space tables under a
 * header of periods, footnote definitions, then sentences (a paragraph at
 * a time).  Figures are held in line order until final (text-out.c). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "borough.h"
#include "err.h"
#include "tx.h"

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}
static bool
is_alpha(char c)
{
	return (c | 32) >= 'a' && (c | 32) <= 'z';
}

const char *
tx_label(const char *s, size_t n, sbuf *out)
{
	sbuf_clear(out);
	text_trim(&s, &n);
	/* the bytes between digits glued to letters go in runs, not a call
	 * a byte: offence_key labels every phrase a figure offers, 693.6M
	 * to 688.2M instructions per MB of report text */
	size_t from = 0; /* s[from..i) not yet copied */
	/* nothing to drop after the last digit (lib/text finds it eight
	 * bytes at a time), most labels have none: 490.4M to 489.9M
	 * instructions per MB of report text */
	size_t end = text_digits_end(s, 0, n);
	for (size_t i = 0; i < end; i++) {
		char c = s[i];
		if (!(is_digit(c) && i > 0 && is_alpha(s[i - 1])))
			continue;
		sbuf_add(out, s + from, i - from);
		size_t w = i;
		while (w > 0 && is_alpha(s[w - 1]))
			w--;
		/* "MOPAC74": MOPAC7 and footnote 4 */
		if (i - w == 5 && text_iprefix(s + w, 5, "mopac") && c == '7') {
			sbuf_addc(out, c);
			i++;
		}
		size_t d = i;
		while (d < n && is_digit(s[d]))
			d++;
		if (i - w >= 2 && d - i <= 2 && (d == n || !is_alpha(s[d]))) {
			i = d - 1;
			from = d;
			continue;
		}
		sbuf_addc(out, c);
		from = i + 1;
	}
	if (from < n)
		sbuf_add(out, s + from, n - from);
	/* trailing footnote asterisks and spaces ("Theft offences*") */
	while (out->len &&
	       (out->s[out->len - 1] == '*' || out->s[out->len - 1] == ' '))
		out->s[--out->len] = '\0';
	return sbuf_str(out);
}

bool
tx_overflow(tx *t, long line, const char *label, const char *s, size_t n)
{
	cs_num v;
	if (num_parse(s, n, &v) != NUM_OVERFLOW)
		return false;
	text_trim(&s, &n);
	cs_warn_at(t->file, line,
	           "%s: \"%.*s\" cannot be kept exact (over 15 "
	           "significant digits, or out of range); not read",
	           label, (int)(n > 40 ? 40 : n), s);
	return true;
}

/* The first lit (not empty) in s[0..n), or NULL.  From one of its first
 * byte to the next by memchr, or of its second for a lit starting with a
 * space (" Safer Communities"): title_area asks it of every line, and
 * compared at each space of a line (485.9M to 485.0M instructions per MB
 * of report text). */
static const char *
find(const char *s, size_t n, const char *lit)
{
	size_t k = strlen(lit), c = lit[0] == ' ' && lit[1] ? 1 : 0;
	if (n < k)
		return NULL;
	/* lit[c] at p: lit at p - c, for p in s[c..n - k + c] */
	const char *p = s + c, *end = s + n - k + c + 1;
	for (; p < end && (p = memchr(p, lit[c], (size_t)(end - p))); p++)
		if (!memcmp(p - c, lit, k))
			return p - c;
	return NULL;
}

/* The area a document is about: "London Borough of Barnet", "Barnet Safer
 * Communities Partnership", "Barnet Community Safety ...". */
static const char *
title_area(const char *s, size_t n)
{
	static const char *const after[] = { "London Borough of ",
		                             "Royal Borough of " };
	static const char *const before[] = { " Safer Communities",
		                              " Community Safety" };
	for (size_t k = 0; k < 2; k++) {
		const char *p = s;
		while ((p = find(p, n - (size_t)(p - s), after[k]))) {
			p += strlen(after[k]);
			const char *best = NULL;
			size_t len = 0;
			for (size_t e = 0; p + e <= s + n; e++)
				if (p + e == s + n || p[e] == ' ' ||
				    p[e] == ',' || p[e] == '\t' ||
				    p[e] == '(' || p[e] == '.') {
					const cs_borough *b =
					    borough_find(p, e);
					if (b)
						best = b->name;
					if (++len > 4)
						break;
				}
			if (best)
				return best;
		}
	}
	for (size_t k = 0; k < 2; k++) {
		const char *p = find(s, n, before[k]);
		if (!p)
			continue;
		for (const char *w = p; w > s && p - w < 40; w--)
			if (w == s + 1 || w[-2] == ' ') {
				const cs_borough *b =
				    borough_find(w - 1, (size_t)(p - w + 1));
				if (b)
					return b->name;
			}
	}
	return NULL;
}

/* Drop superscript digits: they are footnote references ("2027⁵"). */
static size_t
drop_superscripts(char *s, size_t n)
{
	/* most lines hold neither lead byte: two memchr, not a loop a byte
	 * (1 MB of report text, 583.0M to 573.2M instructions) */
	const char *c2 = memchr(s, 0xC2, n), *e2 = memchr(s, 0xE2, n);
	if (c2 == NULL && e2 == NULL)
		return n;
	size_t o = (size_t)((c2 && (!e2 || c2 < e2) ? c2 : e2) - s);
	for (size_t i = o; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == 0xC2 && i + 1 < n &&
		    ((unsigned char)s[i + 1] == 0xB9 ||
		     (unsigned char)s[i + 1] == 0xB2 ||
		     (unsigned char)s[i + 1] == 0xB3)) {
			i++;
			continue;
		}
		if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x81 &&
		    ((unsigned char)s[i + 2] == 0xB0 ||
		     ((unsigned char)s[i + 2] >= 0xB4 &&
		      (unsigned char)s[i + 2] <= 0xB9))) {
			i += 2;
			continue;
		}
		s[o++] = s[i];
	}
	return o;
}

/* "6 12 months to March 2017": a footnote, when a figure cites 6. */
static bool
footnote_line(tx *t, const char *s, size_t n)
{
	text_trim(&s, &n);
	size_t d = 0;
	while (d < n && d < 3 && is_digit(s[d]))
		d++;
	if (d == 0 || d > 2 || d + 1 >= n || s[d] != ' ')
		return false;
	long num = 0;
	num_long(s, d, &num);
	if (tx_footnote(t, (int)num, s + d + 1, n - d - 1)) {
		t->notes = true;
		return true;
	}
	/* "4 MOPAC7 Crime types: Burglary, ..." under "3 As at March 2017":
	 * a note of the block no figure cites is a note, not a sentence */
	return t->notes && s[d + 1] >= 'A' && s[d + 1] <= 'Z';
}

static void
end_all(tx *t)
{
	tx_flat_end(t);
	tx_tab_end(t);
	tx_table_end(t);
	tx_para_end(t);
	tx_out_file_end(t);
	t->lead.set = false;
	if (!t->area_given) {
		free(t->area);
		t->area = NULL;
	}
}

static void
one_line(tx *t, char *s, size_t n)
{
	/* a lone number in a flattened table is a cell, not a page number */
	if (tx_flat_in_table(t) && tx_flat_line(t, s, n))
		return;
	if (text_is_furniture(s, n))
		return;
	if (!t->area) {
		const char *a = title_area(s, n);
		if (a)
			t->area = xstrdup(a);
	}
	if (tx_flat_line(t, s, n))
		return;
	tx_line_rest(t, s, n);
}

void
tx_line_rest(tx *t, char *s, size_t n)
{
	if (tx_tab_line(t, s, n) || tx_table_line(t, s, n)) {
		t->blank = false;
		tx_para_end(t);
		return;
	}
	if (text_is_blank(s, n)) {
		/* the paragraph may go on: see tx_para_line */
		t->blank = true;
		t->notes = false;
		return;
	}
	if (footnote_line(t, s, n)) {
		tx_para_end(t);
		return;
	}
	t->notes = false;
	tx_para_line(t, s, n);
}

int
nc_text(lines *in, const struct nc_opts *o)
{
	tx t = { .o = o };
	tx_out_init(&t);
	if (o->area && *o->area) {
		t.area = xstrdup(o->area);
		t.area_given = true;
	}
	sbuf fixed = SBUF_INIT;
	char *s;
	size_t n;
	bool warned_bytes = false;
	while (lines_next(in, &s, &n)) {
		if (!t.file || lines_new_file(in)) {
			if (t.file)
				end_all(&t);
			t.file = lines_source(in);
			t.source = o->source ? o->source : t.file;
			warned_bytes = false;
		}
		t.line = lines_lineno(in);
		tax_at(t.file, t.line);
		/* most lines have nothing to mend: read where lines_next left
		 * them (writable, NUL-terminated until the next line), not
		 * copied, and no superscript looked for (only bytes past ASCII
		 * spell one): 235.1M to 232.8M instructions per MB */
		if (!text_plain(s, n)) {
			text_line_fix(s, n, &fixed, t.file, t.line,
			              &warned_bytes, TEXT_FIX_CLEAN);
			fixed.len = drop_superscripts(fixed.s, fixed.len);
			fixed.s[fixed.len] = '\0';
			s = fixed.s;
			n = fixed.len;
		}
		one_line(&t, s, n);
		tx_flush(&t, false);
	}
	if (t.file)
		end_all(&t);
	sbuf_free(&fixed);
	free(t.area);
	tx_out_free(&t);
	tx_table_free(&t);
	tx_tab_free(&t);
	tx_para_free(&t);
	tx_flat_free(&t);
	tx_sent_free();
	tx_words_free();
	return 0;
}
