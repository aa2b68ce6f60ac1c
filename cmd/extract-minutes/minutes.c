/* minutes.c - the line state machine of extract-minutes.
 *
 * Outside minutes every line is skipped until a "Minutes of (the) ...
 * meeting held on DATE" line, or a "MINUTES" heading with a date line
 * below it, starts a set.  Inside, the preamble holds the
 * attendance lists; numbered UPPER CASE headings start agenda items, whose
 * text is read as paragraphs (prose.c).  "The meeting finished at ..."
 * (or a new set of minutes, or the end of the operand) ends the set.
 *
 * Rows of one set are held until it ends, because a name printed in full
 * late in the minutes may resolve a surname printed early ("Ms Gardiner"
 * at item 2, "Aveen Gardiner" at item 9). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "mem.h"
#include "minutes.h"
#include "people.h"
#include "prose.h"
#include "re.h"
#include "text.h"
#include "tsv.h"

enum zone { Z_OUTSIDE, Z_PREAMBLE, Z_ITEM };

/* Buffered attendance entries of one preamble section, so that a
 * two-column table broken into a run of names and then a run of
 * organisations can be paired up. */
typedef struct {
	char *text;
	long line;
} entry_line;

struct minutes {
	const char *source_name;
	meeting mt;                /* the set being read (prose.h) */
	enum zone zone;
	int section;               /* REC_PRESENT / REC_IN_ATTENDANCE / REC_APOLOGY */
	int section2;              /* a second column's kind ("Present:" then
				    * "Also present:" with nothing between:
				    * a two-column table), or -1 */
	bool section_empty;        /* a heading with nothing after it yet */
	bool section_explicit;     /* under a heading, not the default */
	bool want_venue;
	long found_in_file;
	sbuf last_text;            /* last content line outside minutes */
	long pending_line;         /* a "MINUTES" heading waiting for its date */
	int pending_left;          /* lines it may still wait */
	sbuf pending_body;

	entry_line *entries;
	size_t nentries, centries;

	/* the current item */
	int item_num;
	char item_no[16];
	sbuf title;
	long title_line;
	bool title_open;
	bool next_item, next_found, apologies_item;
	long next_item_line;

	/* paragraphs: cur is being built; pend is complete but held one step
	 * so a paragraph that pdftotext split at a page break can rejoin */
	sbuf cur, pend;
	long cur_line, pend_line;
	bool cur_marked;           /* cur began with a bullet or a number */
};

static cs_re *re_start, *re_not_start, *re_minutes_heading, *re_date_line,
	*re_heading_present, *re_heading_attend, *re_heading_apology,
	*re_closing, *re_action_line, *re_venue, *re_end_doc;

static void
compile_patterns(void)
{
	if (re_start)
		return;
	re_start = re_compile(
		"^\\s*(?:#+\\s*)?Minutes\\s+of\\s+(?:the\\s+|a\\s+)?"
		"(?:meeting\\s+of\\s+(?:the\\s+)?)?(?:(?<body>.+?)\\s+)?\?(?:meeting\\s+)?"
		"held\\s+(?:on\\s+)?(?<rest>.+)$", "i", "minutes start");
	/* "Minutes of the previous meeting held on 7 March were agreed" is a
	 * sentence about minutes, not a heading. */
	re_not_start = re_compile(
		"\\b(?:were|was|be|been|is|are|approved|agreed|signed|confirmed|previous|last)\\b",
		"i", "minutes start");
	/* "MINUTES" alone, or "MINUTES OF THE SAFER X PARTNERSHIP", with the
	 * date on a line below */
	re_minutes_heading = re_compile(
		"^(?:#+\\s*)?(?:MINUTES|Minutes)(?:\\s+(?:OF|of)\\s+(?:THE\\s+|the\\s+)?(?<body>.+?))?\\s*$",
		"", "minutes heading");
	re_date_line = re_compile(
		"^(?:Date(?:\\s+of\\s+(?:the\\s+)?meeting)?|(?:Meeting\\s+)?held(?:\\s+on)?)"
		"\\s*[:\\-]?\\s*(?<rest>.+)$", "i", "date line");
	re_heading_present = re_compile(
		"^(?:(?:Board|Committee|Panel)\\s+)?(?:Members\\s+)?Present"
		"(?:\\s+were)?\\s*(?:[:\\-]\\s*(?<rest>.*))?$", "i", "present heading");
	re_heading_attend = re_compile(
		"^(?:Also\\s+present|(?:Also\\s+|Officers\\s+|Others\\s+)?in\\s+attendance"
		"|Officers(?:\\s+present)?|Others\\s+present|Attending|Guests)"
		"\\s*(?:[:\\-]\\s*(?<rest>.*))?$", "i", "attendance heading");
	re_heading_apology = re_compile(
		"^Apologies(?:\\s+for\\s+absence)?(?:\\s+(?:(?:were|was|had\\s+been|have\\s+been)\\s+)?"
		"(?:received|submitted|given)\\s+(?:from|by))?"
		"\\s*[:\\-]?\\s*(?<rest>.*)$", "i", "apologies heading");
	re_closing = re_compile(
		"^The\\s+meeting\\s+(?:finished|closed|ended|concluded|terminated)"
		"(?:\\s+at)?\\s+(?<time>.+?)\\.?\\s*$", "i", "closing line");
	re_action_line = re_compile(
		"^\\s*(?:Actions?|ACTIONS?)(?:\\s+(?:by|BY))?\\s*[:\\-]\\s*(?<who>.+?)\\s*\\.?\\s*$",
		"", "action line");
	re_venue = re_compile(
		",|\\b(?:Hall|Room|Centre|Center|House|Offices?|Library|Online|Virtual"
		"|Teams|Zoom|Station|Chamber|Building|Street|Road)\\b", "", "venue");
	/* A document that is not minutes: a signature, or a report's first
	 * headings. */
	re_end_doc = re_compile(
		"^(?:Chair(?:man)?|Signed\\b.*|Summary|Executive\\s+Summary"
		"|Recommendations?|Purpose\\s+of\\s+(?:the\\s+)?report"
		"|Officer\\s+Contact\\s+Details|Report\\s+of\\b.*)\\s*:?\\s*$",
		"i", "end of minutes");
}

minutes *
minutes_new(const char *source_name)
{
	minutes *m = xcalloc(1, sizeof *m);

	compile_patterns();
	prose_init();
	people_init();
	m->source_name = source_name;
	return m;
}

void
minutes_header(void)
{
	static const char *const cols[] = {
		"source", "line", "meeting_date", "body", "record", "item",
		"who", "role", "organisation", "text",
	};

	out_header(cols, sizeof cols / sizeof cols[0]);
}

static bool
named(cs_re *re, const char *g, const char *s, const char **v, size_t *vn)
{
	size_t so, eo;

	if (!re_named(re, g, &so, &eo))
		return false;
	*v = s + so;
	*vn = eo - so;
	text_trim(v, vn);
	return *vn > 0;
}

/* ---- attendance sections ---- */

/* The lines of a section go to prose_attendance (attend.c) when it ends. */
static void
flush_entries(minutes *m)
{
	src_line *ls;
	size_t n = m->nentries;

	if (n == 0)
		return;
	ls = xcalloc(n, sizeof *ls);
	for (size_t i = 0; i < n; i++) {
		ls[i].s = m->entries[i].text;
		ls[i].n = strlen(m->entries[i].text);
		ls[i].line = m->entries[i].line;
	}
	prose_attendance(&m->mt, m->section, m->section2, m->item_no, ls, n,
			 m->section_explicit);
	for (size_t i = 0; i < n; i++)
		free(m->entries[i].text);
	free(ls);
	m->nentries = 0;
	m->section2 = -1;
}

static void
add_entry(minutes *m, long line, const char *s, size_t n)
{
	m->entries = xgrow(m->entries, &m->centries, m->nentries + 1,
			   sizeof *m->entries);
	m->entries[m->nentries].text = xstrndup(s, n);
	m->entries[m->nentries].line = line;
	m->nentries++;
}

static bool
section_heading(minutes *m, long line, const char *s, size_t n)
{
	static const int kinds[] = { REC_PRESENT, REC_IN_ATTENDANCE, REC_APOLOGY };
	cs_re *res[] = { re_heading_present, re_heading_attend, re_heading_apology };

	for (size_t i = 0; i < 3; i++) {
		const char *rest;
		size_t rn;
		bool two_columns;

		if (re_match(res[i], s, n, 0) != RE_MATCH)
			continue;
		/* "Present:" then "Also present:" with no name between: the
		 * two columns of a table, their rows alternating below */
		two_columns = m->section_explicit && m->section_empty &&
			      m->nentries == 0 && kinds[i] != m->section;
		if (two_columns)
			m->section2 = kinds[i];
		else {
			flush_entries(m);
			m->section = kinds[i];
		}
		m->section_explicit = true;
		m->section_empty = true;
		/* "Apologies: A, B and C": the list starts on the heading */
		if (named(res[i], "rest", s, &rest, &rn) && !text_ieq(rest, rn, "none") &&
		    !text_ieq(rest, rn, "none.")) {
			add_entry(m, line, rest, rn);
			m->section_empty = false;
		}
		return true;
	}
	return false;
}

/* ---- items ---- */

/* "N.   UPPER CASE TITLE": the item number, or 0. */
static int
item_heading(const char *s, size_t n, const char **title, size_t *tn)
{
	size_t i = 0, upper = 0;
	int num = 0;
	bool md = false;

	while (i < n && (s[i] == ' ' || s[i] == '#'))
		md |= s[i++] == '#';
	if (i > 4 || i >= n || s[i] < '1' || s[i] > '9')
		return 0;
	while (i < n && s[i] >= '0' && s[i] <= '9' && num < 1000)
		num = num * 10 + (s[i++] - '0');
	if (i < n && (s[i] == '.' || s[i] == ')'))
		i++;
	if (i >= n || (s[i] != ' ' && s[i] != '\t') || n > 400)
		return 0;
	*title = s + i;
	*tn = n - i;
	text_trim(title, tn);
	if (*tn == 0)
		return 0;
	/* Upper case words; "'s" the only lower case allowed. */
	for (size_t k = 0; k < *tn; k++) {
		char c = (*title)[k];

		if (c >= 'a' && c <= 'z') {
			if (!(c == 's' && k > 0 && (*title)[k - 1] == '\'') && !md)
				return 0;
		} else if (c >= 'A' && c <= 'Z')
			upper++;
	}
	return upper >= (md ? 1u : 3u) ? num : 0;
}

static bool
title_continues(const char *s, size_t n)
{
	const char *t;
	size_t tn, upper = 0;

	if (n == 0 || n > 200 || item_heading(s, n, &t, &tn))
		return false;
	for (size_t k = 0; k < n; k++) {
		if (s[k] >= 'a' && s[k] <= 'z')
			return false;
		upper += s[k] >= 'A' && s[k] <= 'Z';
	}
	return upper >= 2;
}

static void
close_title(minutes *m)
{
	if (!m->title_open)
		return;
	m->title_open = false;
	meeting_add(&m->mt, REC_ITEM, m->title_line, m->item_no, "", "", "",
		    m->title.s);
	m->next_item = prose_is_next_meeting_title(m->title.s, m->title.len);
	m->next_item_line = m->title_line;
	m->next_found = m->next_item &&
			prose_next_meeting(&m->mt, m->title_line, m->item_no,
					   m->title.s, m->title.len, true);
	m->apologies_item = strstr(m->title.s, "APOLOG") || strstr(m->title.s, "Apolog");
}

/* Hand the held paragraph to prose.c. */
static void
process_pend(minutes *m, const char *owners, size_t on)
{
	if (m->pend.len == 0 && owners == NULL)
		return;
	prose_paragraph(&m->mt, m->pend_line, m->item_no, sbuf_str(&m->pend),
			m->pend.len, owners, on, m->next_item && !m->next_found);
	if (m->next_item && !m->next_found)
		m->next_found = m->mt.has_next;
	sbuf_clear(&m->pend);
}

/* The paragraph being built is complete: hold it, rejoining it to the
 * held one when it is that one's continuation. */
static bool
open_bracket(const char *s, size_t n)
{
	long depth = 0;

	for (size_t i = 0; i < n; i++)
		depth += s[i] == '(' ? 1 : s[i] == ')' ? -1 : 0;
	return depth > 0;
}

static void
end_paragraph(minutes *m)
{
	const char *p = m->pend.s;
	size_t pn = m->pend.len;

	if (m->cur.len == 0)
		return;
	/* pdftotext leaves a blank line inside a wrapped list item: the
	 * rest starts in lower case, or closes a bracket left open. */
	if (pn > 0 && strchr(".!?:", p[pn - 1]) == NULL &&
	    ((m->cur.s[0] >= 'a' && m->cur.s[0] <= 'z') ||
	     (!m->cur_marked && open_bracket(p, pn)))) {
		sbuf_addc(&m->pend, ' ');
		sbuf_add(&m->pend, m->cur.s, m->cur.len);
	} else {
		process_pend(m, NULL, 0);
		sbuf_add(&m->pend, m->cur.s, m->cur.len);
		m->pend_line = m->cur_line;
	}
	sbuf_clear(&m->cur);
	m->cur_marked = false;
}

static void
end_item(minutes *m)
{
	close_title(m);
	end_paragraph(m);
	process_pend(m, NULL, 0);
	if (m->next_item && !m->next_found)
		cs_warn_at(m->mt.source, m->next_item_line,
			   "no date given for the next meeting");
	m->next_item = m->next_found = m->apologies_item = false;
}

static void
start_item(minutes *m, long line, int num, const char *t, size_t tn)
{
	if (m->zone == Z_PREAMBLE)
		flush_entries(m);
	else
		end_item(m);
	m->zone = Z_ITEM;
	m->item_num = num;
	snprintf(m->item_no, sizeof m->item_no, "%d", num);
	sbuf_clear(&m->title);
	prose_append(&m->title, t, tn);
	m->title_line = line;
	m->title_open = true;
}

/* ---- sets of minutes ---- */

static void
end_minutes(minutes *m)
{
	if (m->zone == Z_OUTSIDE)
		return;
	if (m->zone == Z_PREAMBLE)
		flush_entries(m);
	else
		end_item(m);
	meeting_emit(&m->mt);
	meeting_clear(&m->mt);
	m->zone = Z_OUTSIDE;
	sbuf_clear(&m->last_text);
}

/* A set starts: body as printed, rest = the date and maybe ", venue". */
static void
start_minutes(minutes *m, const char *source, long line, const char *body,
	      size_t bn, const char *rest, size_t rn)
{
	size_t dso, deo;
	char date[11] = "";

	end_minutes(m);
	if (prose_find_date(rest, rn, date, &dso, &deo)) {
		rest += deo;
		rn -= deo;
		/* ", Venue" or " at Venue" after the date */
		while (rn && (*rest == ',' || *rest == ' '))
			rest++, rn--;
		if (text_iprefix(rest, rn, "at "))
			rest += 3, rn -= 3;
	} else
		cs_warn_at(source, line, "minutes with no readable date");
	meeting_begin(&m->mt, source, line, date, body, bn);
	/* "... held on 5 March 2024 at Wealdstone Library" (not "at 7pm") */
	if (rn > 0 && !(*rest >= '0' && *rest <= '9'))
		meeting_set_venue(&m->mt, rest, rn);
	m->want_venue = rn == 0 || !m->mt.venue;
	m->zone = Z_PREAMBLE;
	m->section = REC_PRESENT;
	m->section2 = -1;
	m->section_explicit = false;
	m->section_empty = false;
	m->item_num = 0;
	m->item_no[0] = '\0';
	m->found_in_file++;
	m->pending_left = 0;
}

/* "Minutes of the X meeting held on DATE[, venue]" */
static void
start_from_line(minutes *m, const char *source, long line, const char *s)
{
	const char *body, *rest = "";
	size_t bn, rn = 0;

	if (!named(re_start, "body", s, &body, &bn)) {
		body = sbuf_str(&m->last_text);
		bn = m->last_text.len;
	}
	named(re_start, "rest", s, &rest, &rn);
	start_minutes(m, source, line, body, bn, rest, rn);
}

/* After a "MINUTES" heading: the body's name, then "Date: ..." (or a
 * line that starts with the date) within a few lines. */
static void
pending_line(minutes *m, const char *source, const char *s, size_t n)
{
	const char *rest = s;
	size_t rn = n, so, eo;
	char date[11];

	if (re_match(re_date_line, s, n, 0) == RE_MATCH)
		named(re_date_line, "rest", s, &rest, &rn);
	if (prose_find_date(rest, rn, date, &so, &eo) && so < 16) {
		start_minutes(m, source, m->pending_line, sbuf_str(&m->pending_body),
			      m->pending_body.len, rest, rn);
		return;
	}
	if (m->pending_body.len == 0 && n < 100 && !strpbrk(s, "0123456789:"))
		sbuf_add(&m->pending_body, s, n);
	m->pending_left--;
}

static void
preamble_line(minutes *m, long line, const char *s, size_t n)
{
	const char *t;
	size_t tn;
	int num;

	if (text_ieq(s, n, "minutes") || text_ieq(s, n, "none") ||
	    text_ieq(s, n, "none."))
		return;
	if (m->want_venue) {
		m->want_venue = false;
		if (!memchr(s, '\t', n) && !strstr(s, " - ") &&
		    re_test(re_venue, s, n) && !re_test(re_heading_present, s, n)) {
			meeting_set_venue(&m->mt, s, n);
			return;
		}
	}
	if (text_iprefix(s, n, "time:") || text_iprefix(s, n, "date:"))
		return;
	if (text_iprefix(s, n, "venue:")) {
		meeting_set_venue(&m->mt, s + 6, n - 6);
		return;
	}
	if ((num = item_heading(s, n, &t, &tn)) > 0) {
		start_item(m, line, num, t, tn);
		return;
	}
	if (section_heading(m, line, s, n))
		return;
	m->section_empty = false;
	add_entry(m, line, s, n);
}

static bool
bullet(const char **s, size_t *n, bool raw_space)
{
	static const char *const marks[] = { "- ", "* ", "o ", "\xE2\x80\xA2",
		"\xE2\x96\xAA", "\xEF\x82\xB7", "\xC2\xB7", NULL };

	for (size_t i = 0; marks[i]; i++) {
		size_t k = strlen(marks[i]);

		if (*n >= k && memcmp(*s, marks[i], k) == 0) {
			*s += k;
			*n -= k;
			text_trim(s, n);
			return true;
		}
	}
	if (*n == 1 && (**s == '-' || **s == '*'))
		return true;      /* an empty bullet */
	return raw_space;
}

static void
item_line(minutes *m, long line, const char *raw, size_t rawn)
{
	const char *s = raw, *t;
	size_t n = rawn, tn;
	int num;
	bool lead_space;

	text_trim(&s, &n);
	lead_space = rawn > 1 && raw[0] == ' ' && raw[1] != ' ';
	if (m->title_open) {
		if (title_continues(s, n)) {
			sbuf_addc(&m->title, ' ');
			prose_append(&m->title, s, n);
			return;
		}
		close_title(m);
	}
	if (n == 0) {
		end_paragraph(m);
		return;
	}
	if ((num = item_heading(raw, rawn, &t, &tn)) > m->item_num) {
		start_item(m, line, num, t, tn);
		return;
	}
	if (re_match(re_action_line, s, n, 0) == RE_MATCH) {
		const char *who;
		size_t wn;

		end_paragraph(m);
		named(re_action_line, "who", s, &who, &wn);
		if (m->pend.len == 0)
			m->pend_line = line;
		process_pend(m, who, wn);
		return;
	}
	if (m->apologies_item && m->cur.len == 0 &&
	    prose_apology_entry(&m->mt, line, m->item_no, s, n))
		return;
	if (bullet(&s, &n, lead_space) || prose_numbered(s, n) ||
	    (n >= 8 && memcmp(s, "RESOLVED", 8) == 0)) {
		end_paragraph(m);
		if (n == 0)
			return;
		m->cur_marked = true;
	}
	if (m->cur.len == 0)
		m->cur_line = line;
	prose_append(&m->cur, s, n);
}

void
minutes_line(minutes *m, const char *source, long lineno, const char *s,
	     size_t n)
{
	const char *t = s;
	size_t tn = n;

	if (m->source_name)
		source = m->source_name;
	text_trim(&t, &tn);
	if (tn > 0 && tn < 400 && re_match(re_start, t, tn, 0) == RE_MATCH &&
	    !re_test(re_not_start, t, tn)) {
		start_from_line(m, source, lineno, t);
		return;
	}
	switch (m->zone) {
	case Z_OUTSIDE:
		if (tn > 0 && m->pending_left > 0) {
			pending_line(m, source, t, tn);
			return;
		}
		if (tn > 0 && tn < 200 &&
		    re_match(re_minutes_heading, t, tn, 0) == RE_MATCH &&
		    !re_test(re_not_start, t, tn)) {
			const char *b;
			size_t bn;

			m->pending_line = lineno;
			m->pending_left = 6;
			sbuf_clear(&m->pending_body);
			if (named(re_minutes_heading, "body", t, &b, &bn))
				sbuf_add(&m->pending_body, b, bn);
			return;
		}
		if (tn > 0) {
			sbuf_clear(&m->last_text);
			if (tn < 120)
				sbuf_add(&m->last_text, t, tn);
		}
		return;
	case Z_PREAMBLE:
		if (tn == 0)
			return;
		if (re_test(re_end_doc, t, tn)) {
			end_minutes(m);
			return;
		}
		preamble_line(m, lineno, t, tn);
		return;
	case Z_ITEM:
		if (tn > 0 && re_match(re_closing, t, tn, 0) == RE_MATCH) {
			const char *tm;
			size_t tmn;

			end_item(m);
			named(re_closing, "time", t, &tm, &tmn);
			prose_closed(&m->mt, lineno, tm, tmn);
			end_minutes(m);
			return;
		}
		if (tn > 0 && !m->title_open && re_test(re_end_doc, t, tn)) {
			end_minutes(m);
			return;
		}
		item_line(m, lineno, s, n);
		return;
	}
}

void
minutes_end_file(minutes *m, const char *source)
{
	end_minutes(m);
	if (m->source_name)
		source = m->source_name;
	if (m->found_in_file == 0)
		cs_warn("%s: no minutes found", source);
	m->found_in_file = 0;
}

void
minutes_free(minutes *m)
{
	for (size_t i = 0; i < m->nentries; i++)
		free(m->entries[i].text);
	free(m->entries);
	sbuf_free(&m->last_text);
	sbuf_free(&m->pending_body);
	sbuf_free(&m->title);
	sbuf_free(&m->cur);
	sbuf_free(&m->pend);
	meeting_clear(&m->mt);
	free(m);
	people_free();
	prose_free();
	re_free(re_start);
	re_free(re_not_start);
	re_free(re_minutes_heading);
	re_free(re_date_line);
	re_free(re_heading_present);
	re_free(re_heading_attend);
	re_free(re_heading_apology);
	re_free(re_closing);
	re_free(re_action_line);
	re_free(re_venue);
	re_free(re_end_doc);
	re_start = NULL;
}
