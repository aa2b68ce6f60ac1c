/* layout.c - the layout clean-up of extract-minutes (see layout.h).
 *
 * Three steps, each fed by the one before:
 *   html_line   raw line -> segments (HTML block tags end a segment)
 *   clean_seg   segment -> clean line (entities, Markdown, furniture)
 *   join_line   clean lines -> output lines (wrapped lines joined) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "mem.h"
#include "text.h"

#define MAXLIST 16

struct layout {
	layout_fn fn;
	void *arg;
	char *source;
	long rawlines; /* lines of this operand seen */

	/* html_line */
	bool front;        /* inside "---" front matter */
	bool comment;      /* inside <!-- --> */
	char skip_tag[12]; /* content dropped until this tag closes */
	int skip_depth;
	int list[MAXLIST]; /* next number of each open <ol>, -1 <ul> */
	int nlist;
	int li_num;   /* an <li> waits for its text: its number */
	int li_depth; /* how deep its list is */
	bool li_bullet;
	bool in_row; /* inside <tr>: cells are tab-separated */
	int cells;
	int emph; /* open <strong> <b> (bold makes headings;
				  * <u> and <em> mark words in text) */
	bool in_h;
	sbuf seg;
	long seg_line;
	size_t seg_emph,
	    seg_plain; /* letters/digits inside and outside emphasis */

	/* join_line */
	sbuf held; /* the last line, while the next may join it */
	long held_line;
	unsigned held_flags;
	bool have_held;
	bool held_tab;    /* it holds a tab (a table row) */
	size_t held_last; /* the length of its last line as printed */
	int blanks;       /* blank lines after held */
	sbuf num;         /* "1." alone on its line */
	long num_line;
	size_t width;        /* the text's wrap width (measure) */
	bool wrapped;        /* its lines were wrapped at that width */
	long spaced, packed; /* lines followed by one blank / by text */
	struct cline {
		long line;
		unsigned flags;
		char *s;
		size_t n;
	} * buf; /* the operand's clean lines */
	size_t nbuf, cbuf;

	sbuf tmp;
};

static bool
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_alnum(char c)
{
	return is_alpha(c) || is_digit(c) || (unsigned char)c >= 0x80;
}

layout *
layout_new(layout_fn fn, void *arg)
{
	layout *ly = xcalloc(1, sizeof *ly);

	ly->fn = fn;
	ly->arg = arg;
	return ly;
}

/* ---- join_line: wrapped lines ---- */

static void
emit(layout *ly, long line, const char *s, size_t n, unsigned flags)
{
	ly->fn(ly->arg, ly->source ? ly->source : "-", line, s, n, flags);
}

static void
release_held(layout *ly)
{
	if (ly->have_held)
		emit(ly, ly->held_line, sbuf_str(&ly->held), ly->held.len,
		     ly->held_flags);
	if (ly->blanks > 0)
		emit(ly, ly->held_line, "", 0, 0);
	ly->have_held = false;
	ly->blanks = 0;
	sbuf_clear(&ly->held);
}

/* A list mark or a number starts the line: "- ", "• ", "3. ", "a) ",
 * "(ii)": it starts an entry, never continues one. */
static bool
starts_entry(const char *s, size_t n)
{
	size_t i = 0;

	if (n >= 2 && strchr("-*o", s[0]) && s[1] == ' ')
		return true;
	if (n >= 2 && (unsigned char)s[0] >= 0xC2 && !is_alpha(s[0]) &&
	    (memcmp(s, "\xE2\x80\xA2", n >= 3 ? 3 : n) == 0 ||
	     memcmp(s, "\xC2\xB7", 2) == 0))
		return true;
	if (s[0] == '(')
		i++;
	while (i < n && is_digit(s[i]))
		i++;
	if (i > (s[0] == '(') && i < n && strchr(".)", s[i]))
		return true;
	i = s[0] == '(';
	while (i < n && s[i] >= 'a' && s[i] <= 'z' && i < 4)
		i++;
	return i > (size_t)(s[0] == '(') && i < n && s[i] == ')';
}

/* "In attendance: ...", "Date: ...": a field of its own, up to three
 * words and a colon. */
static bool
starts_label(const char *s, size_t n)
{
	size_t words = 1;

	if (n == 0 || !(s[0] >= 'A' && s[0] <= 'Z'))
		return false;
	for (size_t i = 1; i < n && i < 40; i++) {
		if (s[i] == ':')
			return true;
		if (s[i] == ' ' && ++words > 3)
			return false;
		if (!is_alpha(s[i]) && s[i] != ' ' && s[i] != '\'' &&
		    s[i] != '-')
			return false;
	}
	return false;
}

/* A full stop at s[dot] that ends an abbreviation, not a sentence: an
 * initial ("Mr. J." / "Sheehan"), or a title ("Cllr." / "Brigid Teefy"). */
static bool
abbreviation(const char *s, size_t dot)
{
	static const char *const ab[] = { "Mr",   "Mrs",   "Ms",   "Dr",
		                          "Cllr", "Cllrs", "St",   "Rev",
		                          "Prof", "Sgt",   "Insp", "Supt",
		                          "No",   "Co",    NULL };
	size_t w = dot;

	while (w > 0 && is_alpha(s[w - 1]))
		w--;
	if (w > 0 && s[w - 1] != ' ' && s[w - 1] != '(' && s[w - 1] != '.')
		return false;
	if (dot - w == 1 && s[w] >= 'A' && s[w] <= 'Z')
		return true;
	for (size_t i = 0; ab[i]; i++)
		if (strlen(ab[i]) == dot - w &&
		    memcmp(s + w, ab[i], dot - w) == 0)
			return true;
	return false;
}

/* Words in lower case: a sentence has them, a heading has none. */
static size_t
small_words(const char *s, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		k += s[i] >= 'a' && s[i] <= 'z' && (i == 0 || s[i - 1] == ' ');
	return k;
}

/* A title abbreviation before s[dot] ("Ms.", "Cllr."), not an initial. */
static bool
title_before(const char *s, size_t dot)
{
	return abbreviation(s, dot) && dot >= 2 && is_alpha(s[dot - 2]);
}

static size_t
commas(const char *s, size_t n)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		c += s[i] == ',';
	return c;
}

/* A list of names wrapped inside a name: the held line lists (two commas
 * or more) and does not end at one, the next line's first word ends with
 * a comma ("Troy, Mr. Brian Bourke, ..."). */
static bool
list_wrap(const char *h, size_t hn, const char *s, size_t n)
{
	size_t w = 0;

	if (commas(h, hn) < 2 || strchr(",.;:", h[hn - 1]))
		return false;
	while (w < n && is_alpha(s[w]))
		w++;
	return w > 1 && w < n && s[w] == ',' && s[0] >= 'A' && s[0] <= 'Z';
}

/* Does line s continue the held line, over `blanks` blank lines? */
static bool
continues(const layout *ly, const char *s, size_t n, unsigned flags)
{
	const char *h = ly->held.s;
	size_t hn = ly->held.len;
	char last;
	bool lower, full;
	size_t fw;

	/* a joined line stops at a few pages: memory stays constant */
	if (!ly->have_held || hn == 0 || ly->blanks > 1 || hn > 16384)
		return false;
	if ((ly->held_flags | flags) & (LY_EMPH | LY_HEADING | LY_LISTNUM))
		return false;
	if (ly->held_tab || memchr(s, '\t', n) || starts_entry(s, n) ||
	    starts_label(s, n))
		return false;
	while (hn > 0 && (h[hn - 1] == '"' || h[hn - 1] == '\'' ||
	                  h[hn - 1] == ')' || h[hn - 1] == ' '))
		hn--;
	if (hn == 0)
		return false;
	last = h[hn - 1];
	if (strchr(".!?:;", last) && !(last == '.' && abbreviation(h, hn - 1)))
		return false;
	/* "..., Ms." / "Una Burns, ...": a title never ends a line, and a
	 * list wrapped inside a name ("..., Mr. Rory" / "Culhane, Ms. ...")
	 * goes on, also over a blank line */
	if (last == '.' && title_before(h, hn - 1))
		return true;
	if (list_wrap(h, hn, s, n))
		return true;
	/* "... and via MS" / "Teams.": the last word or two of a sentence */
	if (ly->held_last >= 40 && n < 24 && s[n - 1] == '.' &&
	    !memchr(s, ' ', n) && small_words(h, hn) >= 3)
		return true;
	lower = s[0] >= 'a' && s[0] <= 'z';
	/* wrapped: the first word of the next line would not have fitted
	 * on this one ("... John Foster, Robert" / "Preston, Hannah ...") */
	fw = 0;
	while (fw < n && s[fw] != ' ')
		fw++;
	full = ly->wrapped && ly->held_last >= 40 &&
	       ly->held_last + 1 + fw > ly->width;
	if (ly->blanks == 1)
		/* a blank between wrapped lines: a converter that puts one
		 * after every line of the PDF */
		return (lower && n > 24) ||
		       (full && ly->spaced > 2 * ly->packed);
	return full || lower || last == ',' || last == '&' ||
	       (hn >= 4 && memcmp(h + hn - 4, " and", 4) == 0) ||
	       (hn >= 3 && memcmp(h + hn - 3, " of", 3) == 0);
}

/* "1." or "12)" alone: the number of the line below. */
static bool
number_alone(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && is_digit(s[i]))
		i++;
	return i > 0 && i <= 4 && i + 1 == n && (s[i] == '.' || s[i] == ')');
}

static void
join_one(layout *ly, long line, const char *s, size_t n, unsigned flags)
{
	const char *t = s;
	size_t tn = n;

	text_trim(&t, &tn);
	if (tn == 0) {
		if (ly->have_held)
			ly->blanks++;
		else if (ly->num.len == 0)
			emit(ly, line, "", 0, 0);
		return;
	}
	if (number_alone(t, tn) && ly->num.len == 0) {
		sbuf_clear(&ly->num);
		sbuf_add(&ly->num, t, tn);
		ly->num_line = line;
		release_held(ly);
		return;
	}
	if (ly->num.len > 0) {
		/* "1." then "Adoption of Minutes" */
		sbuf_clear(&ly->tmp);
		sbuf_add(&ly->tmp, ly->num.s, ly->num.len);
		sbuf_addc(&ly->tmp, ' ');
		sbuf_add(&ly->tmp, t, tn);
		line = ly->num_line;
		sbuf_clear(&ly->num);
		release_held(ly);
		sbuf_add(&ly->held, ly->tmp.s, ly->tmp.len);
		ly->held_line = line;
		ly->held_flags = flags;
		ly->have_held = true;
		ly->held_tab = memchr(ly->tmp.s, '\t', ly->tmp.len) != NULL;
		ly->held_last = ly->tmp.len;
		return;
	}
	if (continues(ly, t, tn, flags)) {
		size_t hn = ly->held.len;

		/* "Co-" + "ordinator": no space after a hyphen in a word */
		if (!(hn > 1 && ly->held.s[hn - 1] == '-' &&
		      is_alpha(ly->held.s[hn - 2])))
			sbuf_addc(&ly->held, ' ');
		sbuf_add(&ly->held, t, tn);
		ly->held_last = tn;
		ly->blanks = 0;
		return;
	}
	release_held(ly);
	sbuf_add(&ly->held, s, n);
	ly->held_line = line;
	ly->held_flags = flags;
	ly->have_held = true;
	ly->held_tab = memchr(s, '\t', n) != NULL;
	ly->held_last = tn;
}

static void flush_lines(layout *ly);

/* Clean lines are held a window at a time: whether a line was wrapped
 * depends on the width of the text's lines, and whether blank lines are
 * paragraph breaks on how often they come.  A window of 400 lines is
 * some pages of minutes, and keeps memory constant in the input's size. */
#define WINDOW 400

static void
join_line(layout *ly, long line, const char *s, size_t n, unsigned flags)
{
	if (ly->nbuf >= WINDOW)
		flush_lines(ly);
	ly->buf = xgrow(ly->buf, &ly->cbuf, ly->nbuf + 1, sizeof *ly->buf);
	ly->buf[ly->nbuf].line = line;
	ly->buf[ly->nbuf].flags = flags;
	ly->buf[ly->nbuf].n = n;
	ly->buf[ly->nbuf].s = xstrndup(s, n);
	ly->nbuf++;
}

static int
cmp_size_desc(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? 1 : x > y ? -1 : 0;
}

/* The wrap width: the fifth longest line without a tab (a few long
 * lines of a table or a heading do not set it); and the counts of text
 * lines followed by one blank line and by another text line. */
static void
measure(layout *ly)
{
	size_t *len = xcalloc(ly->nbuf + 1, sizeof *len), k = 0;
	bool prev_text = false;

	ly->spaced = ly->packed = 0;
	for (size_t i = 0; i < ly->nbuf; i++) {
		const char *t = ly->buf[i].s;
		size_t tn = ly->buf[i].n;

		text_trim(&t, &tn);
		if (tn > 0 && tn < 160 && !memchr(t, '\t', tn))
			len[k++] = tn;
		if (tn == 0 && prev_text && i + 1 < ly->nbuf &&
		    ly->buf[i + 1].n > 0)
			ly->spaced++;
		else if (tn > 0 && prev_text)
			ly->packed++;
		prev_text = tn > 0;
	}
	qsort(len, k, sizeof *len, cmp_size_desc);
	ly->width = k == 0 ? 0 : k > 4 ? len[4] : len[k - 1];
	/* a text wrapped at a width has many lines close to it; a short
	 * list of names does not */
	ly->wrapped =
	    k >= 10 && len[9] * 100 >= ly->width * 85 && ly->width >= 50;
	free(len);
}

static void
flush_lines(layout *ly)
{
	measure(ly);
	for (size_t i = 0; i < ly->nbuf; i++) {
		join_one(ly, ly->buf[i].line, ly->buf[i].s, ly->buf[i].n,
		         ly->buf[i].flags);
		free(ly->buf[i].s);
	}
	ly->nbuf = 0;
}

/* ---- clean_seg: entities, Markdown, furniture ---- */

/* Markdown that is not text: "> " quotes, "\." escapes, a trailing "\"
 * (hard break), "16^th^", "[text]{.underline}", "[text](url)". */
static void
markdown_text(sbuf *out, const char *s, size_t n)
{
	size_t i = 0;

	/* block quotes, "> > text" */
	while (i < n &&
	       (s[i] == '>' || (s[i] == ' ' && i + 1 < n && s[i + 1] == '>'))) {
		i++;
		if (i < n && s[i] == ' ')
			i++;
	}
	if (i > 0) {
		while (i < n && s[i] == ' ')
			i++;
	}
	for (; i < n; i++) {
		char c = s[i];

		if (c == '\\') {
			if (i + 1 < n &&
			    strchr("\\`*_{}[]()#+-.!<>|'\"^~$&,:;", s[i + 1])) {
				sbuf_addc(out, s[++i]);
				continue;
			}
			if (i + 1 == n)
				continue; /* hard line break */
		}
		if (c == '^' && ((i > 0 && is_alnum(s[i - 1])) ||
		                 (i + 1 < n && is_alnum(s[i + 1]))))
			continue;
		if (c == '{' && i + 1 < n && s[i + 1] == '.') {
			const char *e = memchr(s + i, '}', n - i);

			if (e) {
				i = (size_t)(e - s);
				continue;
			}
		}
		if (c == '[') {
			const char *e = memchr(s + i, ']', n - i);

			if (e && (size_t)(e - s) + 1 < n && e[1] == '(') {
				const char *p =
				    memchr(e, ')', n - (size_t)(e - s));

				if (p) {
					sbuf_add(out, s + i + 1,
					         (size_t)(e - s) - i - 1);
					i = (size_t)(p - s);
					continue;
				}
			}
			if (e && (size_t)(e - s) + 1 < n && e[1] == '{')
				continue; /* "[text]{.underline}": the text */
		}
		if (c == ']' && i + 1 < n && s[i + 1] == '{')
			continue;
		sbuf_addc(out, c);
	}
}

/* A rule or a signature line: "---", "***", "____", "……", "......". */
static bool
rule_line(const char *s, size_t n)
{
	size_t marks = 0;

	for (size_t i = 0; i < n; i++) {
		if (strchr("-_*=.~ ", s[i]))
			marks += s[i] != ' ';
		else if (i + 2 < n && memcmp(s + i, "\xE2\x80\xA6", 3) == 0)
			marks++, i += 2; /* … */
		else
			return false;
	}
	return marks >= 3;
}

/* A converter's note on each page ("Scanned page, text may contain
 * errors"), not the document's. */
static bool
converter_note(const char *s, size_t n)
{
	while (n > 0 && (*s == '*' || *s == '_' || *s == ' '))
		s++, n--;
	return text_iprefix(s, n, "scanned page");
}

/* A whole line in Markdown emphasis: "**Present**:", "__Item 3__". */
static bool
md_emphasis(const char *s, size_t n)
{
	text_trim(&s, &n);
	while (n > 0 && (s[n - 1] == ':' || s[n - 1] == ' '))
		n--;
	return n > 4 && ((s[0] == '*' && s[1] == '*' && s[n - 1] == '*' &&
	                  s[n - 2] == '*') ||
	                 (s[0] == '_' && s[1] == '_' && s[n - 1] == '_' &&
	                  s[n - 2] == '_'));
}

static void
clean_seg(layout *ly, long line, const char *s, size_t n, unsigned flags)
{
	sbuf b = SBUF_INIT;
	const char *t;
	size_t tn, k = 0;

	if (md_emphasis(s, n))
		flags |= LY_EMPH;
	/* "**Community Spac**e": a bold marker inside a word goes, leaving
	 * no space in the word */
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && i + 2 < n && s[i] == '*' && s[i + 1] == '*' &&
		    is_alpha(s[i - 1]) && is_alpha(s[i + 2])) {
			i++;
			continue;
		}
		sbuf_addc(&b, s[i]);
	}
	sbuf_add(&b, "", 0);
	b.len = text_clean(b.s, b.len);
	b.s[b.len] = '\0';
	/* "\fIntroduction": the form feed starts a page, not the text */
	while (k < b.len && b.s[k] == '\f')
		k++;
	t = b.s + k;
	tn = b.len - k;
	sbuf_clear(&ly->tmp);
	{
		const char *p = t;
		size_t pn = tn;

		text_trim(&p, &pn);
		/* "## Minutes": a Markdown heading */
		if (pn > 1 && p[0] == '#') {
			size_t h = 0;

			while (h < pn && p[h] == '#')
				h++;
			if (h <= 6 && h < pn && p[h] == ' ') {
				flags |= LY_HEADING;
				t = p + h;
				tn = pn - h;
			}
		}
	}
	markdown_text(&ly->tmp, t, tn);
	sbuf_free(&b);
	t = sbuf_str(&ly->tmp);
	tn = ly->tmp.len;
	while (tn > 0 && (t[tn - 1] == ' ' || t[tn - 1] == '\t'))
		tn--;
	{
		const char *p = t;
		size_t pn = tn;

		text_trim(&p, &pn);
		/* "---" (a page marker) and page numbers go without a trace,
		 * so a paragraph broken by a page joins again; a signature
		 * rule ("____") ends a paragraph */
		if (pn > 0 &&
		    (converter_note(p, pn) || text_is_furniture(p, pn) ||
		     (rule_line(p, pn) && p[0] == '-')))
			return;
		if (pn > 0 && rule_line(p, pn)) {
			join_line(ly, line, "", 0, 0);
			return;
		}
		if (pn == 0)
			tn = 0;
	}
	{
		char *copy = xstrndup(t, tn);

		join_line(ly, line, copy, tn, flags);
		free(copy);
	}
}

/* ---- html_line: HTML structure ---- */

static void
flush_seg(layout *ly)
{
	unsigned flags = 0;
	const char *s = sbuf_str(&ly->seg);
	size_t n = ly->seg.len;
	sbuf b = SBUF_INIT;

	text_trim(&s, &n);
	if (n == 0) {
		sbuf_clear(&ly->seg);
		ly->seg_emph = ly->seg_plain = 0;
		return;
	}
	if (ly->seg_emph > 0 && ly->seg_plain == 0)
		flags |= LY_EMPH;
	if (ly->in_h)
		flags |= LY_HEADING;
	if (ly->li_num > 0) {
		size_t i = 0;
		long v = 0;

		/* "<li>2581. Apologies": the number is printed already */
		while (i < n && is_digit(s[i]) && i < 6)
			v = v * 10 + (s[i++] - '0');
		if (!(i > 0 && v == ly->li_num)) {
			sbuf_printf(&b, "%d. ", ly->li_num);
			/* a list inside a list item is text, not structure */
			if (ly->li_depth == 1)
				flags |= LY_LISTNUM;
		}
	} else if (ly->li_bullet)
		sbuf_adds(&b, "- ");
	ly->li_num = 0;
	ly->li_bullet = false;
	sbuf_add(&b, s, n);
	clean_seg(ly, ly->seg_line, b.s, b.len, flags);
	sbuf_free(&b);
	sbuf_clear(&ly->seg);
	ly->seg_emph = ly->seg_plain = 0;
}

static bool
name_is(const char *s, size_t n, const char *lit)
{
	return text_ieq(s, n, lit);
}

/* The value of attribute name in a tag's text, as an int, or def. */
static int
attr_int(const char *s, size_t n, const char *name, int def)
{
	size_t k = strlen(name);

	for (size_t i = 0; i + k + 1 < n; i++)
		if (text_iprefix(s + i, n - i, name) && s[i + k] == '=' &&
		    (i == 0 || s[i - 1] == ' ')) {
			size_t j = i + k + 1;
			int v = 0;
			bool any = false;

			if (j < n && (s[j] == '"' || s[j] == '\''))
				j++;
			while (j < n && is_digit(s[j]) && v < 100000) {
				v = v * 10 + (s[j++] - '0');
				any = true;
			}
			return any ? v : def;
		}
	return def;
}

static bool
hidden(const char *s, size_t n)
{
	for (size_t i = 0; i + 12 <= n; i++)
		if (text_iprefix(s + i, n - i, "display:none") ||
		    text_iprefix(s + i, n - i, "display: none"))
			return true;
	return false;
}

/* One tag: s[0..n) is "<...>", name s[ns..ne). */
static void
tag(layout *ly, long line, const char *s, size_t n, const char *nm, size_t nn,
    bool closing)
{
	static const char *const drop[] = { "del",    "s",      "strike",
		                            "button", "script", "style",
		                            "head",   "title",  NULL };
	static const char *const emph[] = { "strong", "b", NULL };
	static const char *const block[] = {
		"p",          "br",      "div",     "table",  "tbody",
		"thead",      "dl",      "dt",      "dd",     "hr",
		"blockquote", "section", "article", "header", "footer",
		"time",       "pre",     "center",  NULL
	};

	if (ly->skip_depth > 0) {
		if (name_is(nm, nn, ly->skip_tag))
			ly->skip_depth +=
			    closing ? -1 : (s[n - 2] == '/' ? 0 : 1);
		return;
	}
	if (!closing) {
		for (size_t i = 0; drop[i]; i++)
			if (name_is(nm, nn, drop[i]))
				goto skip;
		if ((name_is(nm, nn, "span") || name_is(nm, nn, "div")) &&
		    hidden(s, n))
			goto skip;
	}
	for (size_t i = 0; emph[i]; i++)
		if (name_is(nm, nn, emph[i])) {
			ly->emph += closing ? -1 : 1;
			if (ly->emph < 0)
				ly->emph = 0;
			return;
		}
	if (name_is(nm, nn, "tr")) {
		flush_seg(ly);
		ly->in_row = !closing;
		ly->cells = 0;
		ly->seg_line = line;
		return;
	}
	if (name_is(nm, nn, "td") || name_is(nm, nn, "th")) {
		if (!closing && ly->cells++ > 0)
			sbuf_addc(&ly->seg, '\t');
		return;
	}
	if (ly->in_row && (name_is(nm, nn, "p") || name_is(nm, nn, "br") ||
	                   name_is(nm, nn, "div"))) {
		sbuf_addc(&ly->seg, ' ');
		return;
	}
	if (name_is(nm, nn, "ol") || name_is(nm, nn, "ul")) {
		flush_seg(ly);
		if (closing) {
			if (ly->nlist > 0)
				ly->nlist--;
		} else if (ly->nlist < MAXLIST)
			ly->list[ly->nlist++] = name_is(nm, nn, "ol")
			                            ? attr_int(s, n, "start", 1)
			                            : -1;
		ly->seg_line = line;
		return;
	}
	if (name_is(nm, nn, "li")) {
		flush_seg(ly);
		ly->seg_line = line;
		if (closing || ly->nlist == 0)
			return;
		ly->li_depth = ly->nlist;
		if (ly->list[ly->nlist - 1] >= 0)
			ly->li_num = ly->list[ly->nlist - 1]++;
		else
			ly->li_bullet = true;
		return;
	}
	if (nn == 2 && (nm[0] == 'h' || nm[0] == 'H') && nm[1] >= '1' &&
	    nm[1] <= '6') {
		flush_seg(ly);
		ly->in_h = !closing;
		ly->seg_line = line;
		return;
	}
	for (size_t i = 0; block[i]; i++)
		if (name_is(nm, nn, block[i])) {
			flush_seg(ly);
			ly->seg_line = line;
			return;
		}
	return; /* inline: span, a, small, sup ... */
skip:
	snprintf(ly->skip_tag, sizeof ly->skip_tag, "%.*s", (int)nn, nm);
	ly->skip_depth = 1;
}

/* A tag at s[0..n): its length, its name and whether it closes. */
static size_t
tag_at(const char *s, size_t n, const char **nm, size_t *nn, bool *closing)
{
	size_t i = 1;
	const char *gt;

	if (n < 3 || s[0] != '<')
		return 0;
	*closing = s[1] == '/';
	i += *closing;
	*nm = s + i;
	if (i >= n || !is_alpha(s[i]))
		return 0;
	while (i < n && (is_alpha(s[i]) || is_digit(s[i])))
		i++;
	*nn = (size_t)(s + i - *nm);
	if (i >= n || (s[i] != '>' && s[i] != '/' && s[i] != ' '))
		return 0;
	gt = memchr(s + i, '>', n - i);
	if (gt == NULL || memchr(s + i, '<', (size_t)(gt - s) - i) != NULL)
		return 0;
	return (size_t)(gt - s) + 1;
}

static void
html_line(layout *ly, long line, const char *s, size_t n)
{
	size_t i = 0;

	if (ly->seg.len == 0)
		ly->seg_line = line;
	while (i < n) {
		const char *nm;
		size_t nn, k;
		bool closing;

		if (ly->comment) {
			const char *e = NULL;

			for (size_t j = i; j + 3 <= n; j++)
				if (memcmp(s + j, "-->", 3) == 0) {
					e = s + j;
					break;
				}
			if (e == NULL)
				return;
			ly->comment = false;
			i = (size_t)(e - s) + 3;
			continue;
		}
		if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
			flush_seg(ly);
			ly->comment = true;
			i += 4;
			continue;
		}
		if (s[i] == '<' &&
		    (k = tag_at(s + i, n - i, &nm, &nn, &closing)) > 0) {
			tag(ly, line, s + i, k, nm, nn, closing);
			i += k;
			if (ly->seg.len == 0)
				ly->seg_line = line;
			continue;
		}
		if (ly->skip_depth == 0) {
			if (ly->seg.len == 0)
				ly->seg_line = line;
			sbuf_addc(&ly->seg, s[i]);
			if (is_alnum(s[i])) {
				if (ly->emph > 0)
					ly->seg_emph++;
				else
					ly->seg_plain++;
			}
		}
		i++;
	}
	/* the end of a raw line ends a line of text, except inside a table
	 * row, whose cells are one line */
	if (ly->in_row)
		sbuf_addc(&ly->seg, ' ');
	else if (ly->seg.len > 0 || ly->skip_depth == 0)
		ly->seg.len > 0 ? flush_seg(ly) : join_line(ly, line, "", 0, 0);
}

void
layout_line(layout *ly, const char *source, long line, const char *s, size_t n)
{
	const char *t = s;
	size_t tn = n;

	if (ly->source == NULL || strcmp(ly->source, source) != 0) {
		free(ly->source);
		ly->source = xstrdup(source);
	}
	ly->rawlines++;
	text_trim(&t, &tn);
	/* front matter: "---" on the first line, to the next "---" */
	if (ly->rawlines == 1 && tn == 3 && memcmp(t, "---", 3) == 0) {
		ly->front = true;
		return;
	}
	if (ly->front) {
		if ((tn == 3 &&
		     (memcmp(t, "---", 3) == 0 || memcmp(t, "...", 3) == 0)))
			ly->front = false;
		return;
	}
	html_line(ly, line, s, n);
}

void
layout_end_file(layout *ly)
{
	flush_seg(ly);
	flush_lines(ly);
	if (ly->num.len > 0) {
		release_held(ly);
		emit(ly, ly->num_line, ly->num.s, ly->num.len, 0);
	}
	ly->blanks = 0;
	release_held(ly);
	sbuf_clear(&ly->num);
	ly->rawlines = 0;
	ly->front = ly->comment = ly->in_row = ly->in_h = false;
	ly->skip_depth = ly->nlist = ly->li_num = ly->emph = ly->cells = 0;
	ly->li_bullet = false;
	ly->width = 0;
	ly->spaced = ly->packed = 0;
}

void
layout_free(layout *ly)
{
	if (ly == NULL)
		return;
	sbuf_free(&ly->seg);
	sbuf_free(&ly->held);
	sbuf_free(&ly->num);
	sbuf_free(&ly->tmp);
	free(ly->buf);
	free(ly->source);
	free(ly);
}
