/* minutes.c - the state machine of extract-minutes: document -> set of
 * minutes -> section -> item -> paragraph.
 *
 * It reads the clean lines of layout.c and asks the recognisers (recog.h,
 * lib/data/rules-minutes-*.tsv) what each line is; it holds no patterns.
 *
 *   outside   lines are skipped until one starts a set of minutes ("Minutes
 *             of the meeting held on DATE", "MINUTES" with the date below,
 *             "X held their meeting on DATE", "GENERAL MEETING MONDAY 4
 *             DECEMBER"), or an operand opens with "Present:"
 *   heading   the lines of a heading are joined until its date is found
 *   preamble  attendance sections: Present, In attendance, Apologies ...
 *   item      an item heading, then paragraphs handed to prose.c
 *
 * A set ends at its closing line, at the start of another, or at the end
 * of the operand.  The rows are held in the meeting's store (store.h)
 * until then; this file keeps only the parser's state. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "err.h"
#include "layout.h"
#include "mem.h"
#include "minutes.h"
#include "people.h"
#include "prose.h"
#include "recog.h"
#include "text.h"
#include "tsv.h"

enum zone { Z_OUTSIDE, Z_HEADING, Z_PREAMBLE, Z_ITEM };

/* A plausible attendance section: more lines than this is not a list of
 * people but a document the section swallowed. */
#define MAX_SECTION 80
#define SECTION_NONE (-1) /* "Members of the public": no rows */

/* Buffered attendance entries of one preamble section, so that a
 * two-column table broken into a run of names and then a run of
 * organisations can be paired up. */
typedef struct {
	char *text;
	long line;
	int kind; /* the record it becomes */
} entry_line;

struct minutes {
	const char *source_name;
	meeting mt; /* the rows of the set being read */
	prose pr;   /* the reading of its prose (pr.mt is &mt) */
	enum zone zone;
	long found_in_file;
	char *file;     /* the operand being read */
	sbuf last_text; /* last short line outside minutes */

	/* heading being gathered */
	sbuf head;
	long head_line;
	int head_lines;
	sbuf head_body;  /* the body's name from a line of its own */
	sbuf first_body; /* or from the heading's first line */

	/* the meeting's date when its heading printed no year */
	bool date_open;
	int day, mon, later_year;
	cs_date mention; /* the first full date in the minutes */

	/* preamble */
	int section; /* REC_PRESENT / REC_IN_ATTENDANCE / REC_APOLOGY */
	bool section_explicit; /* under a heading, not the default */
	bool section_fresh;    /* its heading had no list: none read yet */
	int cols[4], ncols;    /* a table whose header cells are section
				    * headings ("Present:<TAB>Also present:") */
	int second;            /* a second heading right after the first:
				    * two columns, their lines interleaved
				    * ("Members" / "Officials"), or -2 */
	bool want_venue;
	entry_line *entries;
	size_t nentries, centries;

	/* items */
	int nitems, numbered; /* items so far, of them numbered */
	long top;             /* the current top-level number, -1 none */
	char letter;          /* the current lettered sub-item, 0 none */
	bool ones;            /* every item so far printed "1." (a
				    * Markdown list the renderer numbers) */
	char item_no[16];
	sbuf title;
	long title_line;
	bool title_open, title_wait;
	bool title_emph; /* the heading was bold: so is its wrap */
	bool next_item, next_found, apologies_item;
	long next_item_line;
	bool list_ctx; /* a numbered list is open ("... following:") */
	long list_next;
	bool after_blank;

	/* paragraphs: cur is being built; pend is complete but held one step
	 * so a paragraph that pdftotext split at a page break can rejoin */
	sbuf cur, pend;
	long cur_line, pend_line;
	bool cur_marked; /* cur began with a bullet or a number */
	bool closed_seen;
};

minutes *
minutes_new(const char *source_name)
{
	minutes *m = xcalloc(1, sizeof *m);

	m->pr.mt = &m->mt;

	recog_init();
	prose_init();
	people_init();
	m->source_name = source_name;
	m->top = -1;
	return m;
}

void
minutes_header(void)
{
	static const char *const cols[] = {
		"source", "line", "meeting_date", "body",         "record",
		"item",   "who",  "role",         "organisation", "text",
	};

	out_header(cols, sizeof cols / sizeof cols[0]);
}

static size_t
count_words(const char *s, size_t n)
{
	size_t w = 0;
	bool in = false;

	for (size_t i = 0; i < n; i++) {
		bool sp = s[i] == ' ' || s[i] == '\t';

		w += !sp && !in;
		in = !sp;
	}
	return w;
}

/* ---- attendance sections ---- */

/* The lines of a section go to prose_attendance (attend.c) when it ends. */
static void
drop_entries(minutes *m)
{
	for (size_t i = 0; i < m->nentries; i++)
		free(m->entries[i].text);
	m->nentries = 0;
}

static void
flush_entries(minutes *m)
{
	src_line *ls;
	size_t n = m->nentries;

	if (n == 0)
		return;
	if (m->section == SECTION_NONE) {
		drop_entries(m);
		return;
	}
	if (n > MAX_SECTION) {
		cs_warn_at(m->mt.source, m->entries[0].line,
		           "attendance section of %zu lines is not a list of "
		           "people; skipped",
		           n);
		drop_entries(m);
		m->second = -2;
		return;
	}
	ls = xcalloc(n, sizeof *ls);
	for (size_t i = 0; i < n; i++) {
		ls[i].s = m->entries[i].text;
		ls[i].n = strlen(m->entries[i].text);
		ls[i].line = m->entries[i].line;
	}
	if (m->second >= 0)
		/* two columns interleaved, line by line */
		prose_attendance(&m->mt, m->section, m->second, m->item_no, ls,
		                 n, m->section_explicit);
	else
		/* runs of lines of one section (a table's cells carry
		 * their column's) */
		for (size_t i = 0; i < n;) {
			size_t j = i + 1;

			while (j < n &&
			       m->entries[j].kind == m->entries[i].kind)
				j++;
			if (m->entries[i].kind != SECTION_NONE)
				prose_attendance(&m->mt, m->entries[i].kind, -1,
				                 m->item_no, ls + i, j - i,
				                 m->section_explicit);
			i = j;
		}
	free(ls);
	drop_entries(m);
	m->second = -2;
}

static void
add_entry(minutes *m, long line, const char *s, size_t n)
{
	m->entries = xgrow(m->entries, &m->centries, m->nentries + 1,
	                   sizeof *m->entries);
	m->entries[m->nentries].text = xstrndup(s, n);
	m->entries[m->nentries].line = line;
	m->entries[m->nentries].kind = m->section;
	m->nentries++;
}

static bool
section_heading(minutes *m, long line, const char *s, size_t n)
{
	static const char *const names[] = { "apology", "present",
		                             "in_attendance", "public" };
	static const int kinds[] = { REC_APOLOGY, REC_PRESENT,
		                     REC_IN_ATTENDANCE, SECTION_NONE };
	cs_rmatch rm;
	const char *rest;
	size_t rn;

	for (size_t i = 0; i < 4; i++) {
		if (!recog(RS_SECTIONS, names[i], s, n, &rm))
			continue;
		if (recog_group(RS_SECTIONS, &rm, "rest", s, &rest, &rn) &&
		    !text_ieq(rest, rn, "none") &&
		    !text_ieq(rest, rn, "none.")) {
			/* "Apologies: A, B and C": the list starts on the
			 * heading, and may wrap onto the lines below */
			flush_entries(m);
			m->section = kinds[i];
			m->section_explicit = true;
			m->section_fresh = false;
			add_entry(m, line, rest, rn);
			return true;
		}
		if (m->section_fresh && m->nentries == 0 && kinds[i] >= 0 &&
		    m->section >= 0 && kinds[i] != m->section &&
		    m->second < 0) {
			/* "Board Members" / "Officials": two columns */
			m->second = kinds[i];
			return true;
		}
		flush_entries(m);
		m->section = kinds[i];
		m->section_explicit = true;
		m->section_fresh = true;
		return true;
	}
	return false;
}

/* A line of prose, not of a list of people: long, few commas, mostly
 * lower-case words ("At the outset, the Chair welcomed everyone to the
 * March meeting of the Committee and thanked the officers"). */
static bool
prose_line(const char *s, size_t n)
{
	size_t words = count_words(s, n), commas = 0, lower = 0;

	for (size_t i = 0; i < n; i++) {
		commas += s[i] == ',' || s[i] == ';';
		lower +=
		    s[i] >= 'a' && s[i] <= 'z' && (i == 0 || s[i - 1] == ' ');
	}
	/* a job title is capitalised; a sentence is mostly small words */
	return words > 12 && commas * 4 < words && lower * 3 >= words;
}

/* ---- items ---- */

/* The title of an item heading: up to a colon early in it ("Police
 * Report: Attached."), the rest is the item's first paragraph. */
static void
split_title(const char *t, size_t tn, const char **title, size_t *titlen,
            const char **body, size_t *bodyn)
{
	*title = t;
	*titlen = tn;
	*body = t + tn;
	*bodyn = 0;
	for (size_t i = 0; i < tn && i < 90; i++)
		if (t[i] == ':' && (i + 1 == tn || t[i + 1] == ' ' ||
		                    t[i + 1] == '\t' || t[i + 1] == '-')) {
			size_t k = i + 1;

			/* "Cleansing: the refuse and dumping crisis" is one
			 * title; "Police Report: Attached." is a title and text */
			while (k < tn &&
			       (t[k] == ' ' || t[k] == '\t' || t[k] == '-'))
				k++;
			if (k < tn && t[k] >= 'a' && t[k] <= 'z')
				break;
			*titlen = i;
			*body = t + i + 1;
			*bodyn = tn - i - 1;
			while (*bodyn > 0 && (**body == '-' || **body == ' '))
				(*body)++, (*bodyn)--;
			break;
		}
	/* "Report from the Litter Group on 4th May.  Next meeting ...": a
	 * long title without a colon ends at its first sentence */
	if (*bodyn == 0 && tn > 60)
		for (size_t i = 3; i + 2 < tn; i++)
			if (t[i] == '.' && t[i + 1] == ' ' &&
			    ((t[i - 1] >= 'a' && t[i - 1] <= 'z') ||
			     (t[i - 1] >= '0' && t[i - 1] <= '9')) &&
			    t[i - 2] != ' ' && t[i - 3] != ' ') {
				*titlen = i + 1;
				*body = t + i + 1;
				*bodyn = tn - i - 1;
				break;
			}
	text_trim(title, titlen);
	text_trim(body, bodyn);
}

static bool
upper_title(const char *s, size_t n)
{
	size_t upper = 0;

	for (size_t k = 0; k < n; k++) {
		if (s[k] >= 'a' && s[k] <= 'z' &&
		    !(s[k] == 's' && k > 0 && s[k - 1] == '\''))
			return false;
		upper += s[k] >= 'A' && s[k] <= 'Z';
	}
	return upper >= 3;
}

/* A sentence rather than a title: long, or ending with a full stop
 * after many words, or "That ..." (a resolution's list). */
static bool
sentence_like(const char *s, size_t n)
{
	size_t w = count_words(s, n);

	return w > 16 || (w > 6 && n > 0 && s[n - 1] == '.') ||
	       text_iprefix(s, n, "that ");
}

typedef struct {
	char num[16];
	long top;    /* leading integer, -1 for a letter */
	bool sub;    /* 4.1, 4.1.1 */
	char letter; /* a) b) ... */
	const char *title, *body;
	size_t titlen, bodyn;
	bool empty_title;
	bool emph;       /* the line was bold */
	bool renumbered; /* "1." read as the next number */
} heading;

/* Is this line an item heading?  Asked of the tables, then decided by
 * structure: the sequence of numbers, the title's shape, the markup. */
static bool
item_heading(minutes *m, const char *s, size_t n, unsigned flags, heading *h)
{
	static const char *const rules[] = { "item_word", "minute_word",
		                             "slash_number", "numbered",
		                             "lettered" };
	cs_rmatch rm;
	const char *num, *t;
	size_t nn, tn;
	int r = -1;
	bool strong, in_seq;

	if (n > 2000)
		return false;
	for (int i = 0; i < 5 && r < 0; i++)
		if (recog(RS_ITEMS, rules[i], s, n, &rm))
			r = i;
	if (r < 0 || !recog_group(RS_ITEMS, &rm, "num", s, &num, &nn) ||
	    nn >= sizeof h->num)
		return false;
	memset(h, 0, sizeof *h);
	memcpy(h->num, num, nn);
	if (!recog_group(RS_ITEMS, &rm, "title", s, &t, &tn)) {
		t = s + n;
		tn = 0;
	}
	split_title(t, tn, &h->title, &h->titlen, &h->body, &h->bodyn);
	h->empty_title = h->titlen == 0;
	h->emph = (flags & LY_EMPH) != 0;
	/* an <ol>'s number is an item's, unless the minutes' items are
	 * headings without numbers (then it is a list in the text) */
	strong = (flags & (LY_HEADING | LY_EMPH)) || r <= 1 ||
	         ((flags & LY_LISTNUM) && !(m->nitems > 0 && m->numbered == 0));
	if (r == 4) {
		/* a lettered sub-item: the next letter of an item */
		char c = h->num[0],
		     want = m->letter ? (char)(m->letter + 1) : 'a';

		if (nn != 1 || m->top < 0 || m->list_ctx || c < want ||
		    c > want + 1 || h->empty_title ||
		    text_iprefix(h->title, h->titlen, "that ") ||
		    (h->title[0] >= 'a' && h->title[0] <= 'z'))
			return false;
		h->letter = c;
		h->top = -1;
		return true;
	}
	h->top = strtol(h->num, NULL, 10);
	h->sub = strchr(h->num, '.') != NULL;
	if (r == 2 || r == 1)
		h->sub = false;
	in_seq = m->top < 0 || h->top == m->top + 1 ||
	         (h->sub && (h->top == m->top || h->top == m->top + 1)) ||
	         /* "4A" before "4" */
	         (h->top == m->top + 1 && h->num[nn - 1] >= 'A');
	if (m->top < 0 && !strong && h->top > 30 && h->top < 100)
		in_seq = false; /* "50 people attended" is no first item */
	/* "1. Apologies" / "1. Minutes" / "1. Finance": Markdown numbers a
	 * list of "1." items 1, 2, 3; so do we.  After a blank line it ends a
	 * list of points in the item above ("1. That the council ...") */
	if (h->top == 1 && m->ones && m->after_blank && !h->sub &&
	    strcmp(h->num, "1") == 0 && !sentence_like(h->title, h->titlen)) {
		snprintf(h->num, sizeof h->num, "%d", (int)(m->top + 1));
		h->top = m->top + 1;
		h->renumbered = true;
		return true;
	}
	if (h->empty_title)
		return strong || (in_seq && m->after_blank && !m->list_ctx);
	if (strong)
		return true;
	if (upper_title(h->title, h->titlen) && in_seq)
		return true;
	if (m->list_ctx && h->top == m->list_next)
		return false; /* the next point of a numbered list */
	if (upper_title(h->title, h->titlen))
		/* "2. MATTERS ARISING" twice, "3. DATE OF NEXT MEETING" after 5 */
		return in_seq || h->top <= m->top + 1;
	/* a numbered paragraph in sequence ("3\. The Minutes of the
	 * meeting held on ... were agreed"), or one item past a missed one */
	if (in_seq)
		return !sentence_like(h->title, h->titlen) || m->after_blank;
	return h->top == m->top + 2 && m->after_blank && !h->sub &&
	       !sentence_like(h->title, h->titlen);
}

static void
close_title(minutes *m)
{
	if (!m->title_open)
		return;
	m->title_open = m->title_wait = false;
	meeting_add(&m->mt, REC_ITEM, m->title_line, m->item_no, "", "", "",
	            m->title.s ? m->title.s : "");
	m->next_item = m->title.len > 0 &&
	               prose_is_next_meeting_title(m->title.s, m->title.len);
	m->next_item_line = m->title_line;
	m->next_found = m->next_item &&
	                prose_next_meeting(&m->mt, m->title_line, m->item_no,
	                                   m->title.s, m->title.len, true);
	m->apologies_item = false;
	for (size_t i = 0; i + 6 <= m->title.len && !m->apologies_item; i++)
		m->apologies_item =
		    text_iprefix(m->title.s + i, m->title.len - i, "apolog");
	/* "3. The Minutes of 12 May were agreed as a true record.": a title
	 * that is a sentence says what was decided or asked, too */
	if (m->title.len > 0 && m->title.s[m->title.len - 1] == '.' &&
	    count_words(m->title.s, m->title.len) >= 6)
		prose_paragraph(&m->pr, m->title_line, m->item_no, m->title.s,
		                m->title.len, NULL, 0, false);
}

/* Hand the held paragraph to prose.c. */
static void
process_pend(minutes *m, const char *owners, size_t on)
{
	if (m->pend.len == 0 && owners == NULL)
		return;
	prose_paragraph(&m->pr, m->pend_line, m->item_no, sbuf_str(&m->pend),
	                m->pend.len, owners, on,
	                m->next_item && !m->next_found);
	if (m->next_item && !m->next_found)
		m->next_found = m->mt.has_next;
	sbuf_clear(&m->pend);
}

static bool
open_bracket(const char *s, size_t n)
{
	long depth = 0;

	for (size_t i = 0; i < n; i++)
		depth += s[i] == '(' ? 1 : s[i] == ')' ? -1 : 0;
	return depth > 0;
}

/* The paragraph being built is complete: hold it, rejoining it to the
 * held one when it is that one's continuation. */
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
	m->list_ctx = false;
}

/* Only names: every word capitalised but "and" ("Cllrs Hart and Bell."),
 * not a sentence ("Apologies were received from ..."). */
static bool
names_only(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((i == 0 || s[i - 1] == ' ') && s[i] >= 'a' && s[i] <= 'z' &&
		    !(i + 4 <= n && memcmp(s + i, "and", 3) == 0 &&
		      (i + 3 == n || s[i + 3] == ' ')))
			return false;
	return true;
}

static void add_text(minutes *m, long line, const char *s, size_t n);
static bool apology_list(minutes *m, long line, const char *s, size_t n);
static size_t buried_item(const minutes *m, const char *s, size_t n);
static void item_line(minutes *m, long line, const char *raw, size_t rawn,
                      unsigned flags);

/* "2574. Apologies for absence: Cllrs Hart & Bell.  Clerk to write ...":
 * the first sentence of the heading's text is the list. */
static bool
apology_list(minutes *m, long line, const char *s, size_t n)
{
	size_t end = n;

	for (size_t i = 3; i + 1 < n; i++)
		if (s[i] == '.' && s[i + 1] == ' ' && s[i - 1] >= 'a' &&
		    s[i - 1] <= 'z' && s[i - 2] >= 'a' && s[i - 2] <= 'z' &&
		    s[i - 3] != ' ') {
			end = i;
			break;
		}
	/* "None.", "No apologies from councillors." */
	if (text_iprefix(s, end, "none") || text_iprefix(s, end, "no ") ||
	    count_words(s, end) > 14) {
		if (count_words(s, end) > 14)
			return false;
		if (end + 1 < n)
			add_text(m, line, s + end + 1, n - end - 1);
		return true;
	}
	prose_people_list(&m->mt, REC_APOLOGY, line, m->item_no, s, end);
	if (end + 1 < n)
		add_text(m, line, s + end + 1, n - end - 1);
	return true;
}

static void
start_item(minutes *m, long line, const heading *h)
{
	if (m->zone == Z_PREAMBLE)
		flush_entries(m);
	else
		end_item(m);
	m->zone = Z_ITEM;
	m->nitems++;
	if (h->letter) {
		m->letter = h->letter;
	} else if (h->num[0]) {
		m->ones = (m->numbered == 0 && h->top == 1 && !h->sub) ||
		          (m->ones && h->renumbered);
		m->top = h->top;
		m->letter = 0;
		m->numbered++;
	}
	snprintf(m->item_no, sizeof m->item_no, "%s", h->num);
	sbuf_clear(&m->title);
	prose_append(&m->title, h->title, h->titlen);
	m->title_line = line;
	m->title_open = true;
	m->title_wait = h->empty_title;
	m->title_emph = h->emph;
	{
		/* "Reports 8.1 Chairman's Report": a sub-item in the title */
		size_t b = buried_item(m, h->title, h->titlen);

		if (b > 0 && !h->sub) {
			const char *rest = h->title + b;
			size_t rn = (size_t)(h->body + h->bodyn - rest);

			sbuf_clear(&m->title);
			prose_append(&m->title, h->title, b);
			close_title(m);
			item_line(m, line, rest, rn, 0);
			return;
		}
	}
	if (h->bodyn > 0) {
		size_t b;

		close_title(m);
		if (m->apologies_item &&
		    apology_list(m, line, h->body, h->bodyn))
			return;
		if ((b = buried_item(m, h->body, h->bodyn)) > 0) {
			add_text(m, line, h->body, b);
			end_paragraph(m);
			m->after_blank = true;
			item_line(m, line, h->body + b, h->bodyn - b, 0);
		} else
			add_text(m, line, h->body, h->bodyn);
	}
}

/* ---- the meeting's date ---- */

static const char *const weekdays[] = { "Sunday",    "Monday",   "Tuesday",
	                                "Wednesday", "Thursday", "Friday",
	                                "Saturday" };

/* The weekday of a date (0 Sunday), by Sakamoto's method. */
static int
weekday(cs_date d)
{
	static const int t[] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };
	int y = d.y - (d.m < 3);

	return (y + y / 4 - y / 100 + y / 400 + t[d.m - 1] + d.d) % 7;
}

/* "MONDAY 13th MAY 2015" when 13 May 2015 is a Wednesday: said, and the
 * date kept (the day of the month is what the minutes are filed by). */
static void
check_weekday(minutes *m, long line, const char *s, size_t so, size_t eo,
              cs_date d)
{
	size_t from = so > 12 ? so - 12 : 0;

	for (int w = 0; w < 7; w++) {
		size_t k = strlen(weekdays[w]);

		for (size_t i = from; i + k <= eo; i++)
			if (text_iprefix(s + i, eo - i, weekdays[w]) &&
			    (i == 0 || s[i - 1] == ' ' || s[i - 1] == ',')) {
				if (w != weekday(d))
					cs_warn_at(
					    m->mt.source, line,
					    "meeting date %04d-%02d-%02d is a "
					    "%s, not the %s the heading says; "
					    "the date is kept",
					    d.y, d.m, d.d, weekdays[weekday(d)],
					    weekdays[w]);
				return;
			}
	}
}

/* A year for a meeting date printed without one: a later mention of the
 * same day and month with a year, else the file's name, else none. */
static void
settle_year(minutes *m)
{
	const char *f = m->file ? m->file : "";
	int y = 0;
	cs_date d;

	if (!m->date_open)
		return;
	m->date_open = false;
	if (m->later_year > 0) {
		y = m->later_year;
		cs_warn_at(m->mt.source, m->mt.recs[0].line,
		           "meeting date has no year; %d taken from a later "
		           "mention of the same day",
		           y);
	} else {
		/* "…_2023-12-04.md", "20231204.txt", "minutes-2023.txt" */
		for (const char *p = f; *p && y == 0; p++)
			if ((p[0] == '1' || p[0] == '2') &&
			    (p[1] == '9' || p[1] == '0') && p[2] >= '0' &&
			    p[2] <= '9' && p[3] >= '0' && p[3] <= '9' &&
			    (p == f || p[-1] < '0' || p[-1] > '9'))
				y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 +
				    (p[2] - '0') * 10 + (p[3] - '0');
		if (y > 0)
			cs_warn_at(m->mt.source, m->mt.recs[0].line,
			           "meeting date has no year; %d taken from "
			           "the file name",
			           y);
	}
	if (y == 0 && m->mention.y > 0) {
		/* "The balance on 31 October 2023" in minutes headed "MONDAY
		 * 6 NOVEMBER": the year that puts the meeting nearest it */
		long best = -1;

		for (int k = -1; k <= 1; k++) {
			long diff = ((long)(m->mention.y + k) * 372 +
			             m->mon * 31 + m->day) -
			            ((long)m->mention.y * 372 +
			             m->mention.m * 31 + m->mention.d);

			if (diff < 0)
				diff = -diff;
			if (date_valid(m->mention.y + k, m->mon, m->day) &&
			    (best < 0 || diff < best)) {
				best = diff;
				y = m->mention.y + k;
			}
		}
		if (y > 0)
			cs_warn_at(m->mt.source, m->mt.recs[0].line,
			           "meeting date has no year; %d taken from "
			           "the nearest date the minutes print",
			           y);
	}
	if (y == 0 || !date_valid(y, m->mon, m->day)) {
		cs_warn_at(
		    m->mt.source, m->mt.recs[0].line,
		    "meeting date has no year, and none could be inferred");
		return;
	}
	d.y = y;
	d.m = m->mon;
	d.d = m->day;
	date_iso(d, m->mt.date);
}

/* While the year is open: "Today (19 November 2010)" gives it. */
static void
look_for_year(minutes *m, const char *s, size_t n)
{
	size_t from = 0, so, eo;
	cs_date d;

	while (m->later_year == 0 && date_find(s, n, from, &d, &so, &eo)) {
		if (d.m == m->mon && d.d == m->day)
			m->later_year = d.y;
		if (m->mention.y == 0)
			m->mention = d;
		from = eo;
	}
}

/* The date of a file that names one, "…_2023-09-25.txt", "20230925.txt",
 * for minutes that print none. */
static bool
file_date(const char *f, char *iso)
{
	for (const char *p = f; *p; p++) {
		size_t k = 0;
		int v[3] = { 0, 0, 0 }, part = 0;
		cs_date d;

		if (p != f && p[-1] >= '0' && p[-1] <= '9')
			continue;
		while (p[k] && part < 3) {
			int digits = part == 0 ? 4 : 2;

			for (int j = 0; j < digits; j++, k++) {
				if (p[k] < '0' || p[k] > '9')
					goto next;
				v[part] = v[part] * 10 + (p[k] - '0');
			}
			part++;
			if (part < 3 && p[k] == '-')
				k++;
		}
		if (part == 3 && !(p[k] >= '0' && p[k] <= '9') &&
		    date_valid(v[0], v[1], v[2]) && v[0] >= 1990) {
			d.y = v[0];
			d.m = v[1];
			d.d = v[2];
			date_iso(d, iso);
			return true;
		}
	next:;
	}
	return false;
}

/* ---- sets of minutes ---- */

static void
end_minutes(minutes *m)
{
	if (m->zone == Z_OUTSIDE || m->zone == Z_HEADING) {
		m->zone = Z_OUTSIDE;
		return;
	}
	if (m->zone == Z_PREAMBLE)
		flush_entries(m);
	else
		end_item(m);
	settle_year(m);
	when_settle(&m->mt);
	if (m->nitems == 0)
		cs_warn_at(m->mt.source, m->mt.recs[0].line,
		           "no items found in these minutes");
	meeting_emit(&m->mt);
	meeting_clear(&m->mt);
	prose_reset(&m->pr);
	m->zone = Z_OUTSIDE;
	sbuf_clear(&m->last_text);
}

/* A set starts: body as printed; date the ISO date or "" with the day and
 * month of a date printed without its year. */
static void
start_minutes(minutes *m, const char *source, long line, const char *body,
              size_t bn, const char *date, int day, int mon)
{
	end_minutes(m);
	meeting_begin(&m->mt, source, line, date, body, bn);
	m->date_open = !date[0] && day > 0;
	m->day = day;
	m->mon = mon;
	m->later_year = 0;
	memset(&m->mention, 0, sizeof m->mention);
	m->zone = Z_PREAMBLE;
	m->section = REC_PRESENT;
	m->section_explicit = false;
	m->section_fresh = false;
	m->second = -2;
	m->ncols = 0;
	m->want_venue = false;
	m->nitems = m->numbered = 0;
	m->top = -1;
	m->letter = 0;
	m->item_no[0] = '\0';
	m->found_in_file++;
	m->closed_seen = false;
	m->list_ctx = false;
	m->after_blank = true;
}

/* Start rules other than a sentence about minutes ("Minutes of the
 * previous meeting ... were agreed"). */
static int
start_rule(const char *s, size_t n, cs_rmatch *rm)
{
	static const char *const names[] = { "minutes_held", "body_held",
		                             "meeting_title", "minutes_title" };

	if (n == 0 || n > 400)
		return -1;
	for (int i = 0; i < 4; i++)
		if (recog(RS_START, names[i], s, n, rm)) {
			if (i != 2 && recog(RS_START, "not_start", s, n, NULL))
				return -1;
			return i;
		}
	return -1;
}

/* The gathered heading holds a date (or a day and month): start the set. */
static bool
finish_heading(minutes *m, const char *source, bool force)
{
	const char *h = sbuf_str(&m->head), *body = NULL, *rest;
	size_t hn = m->head.len, so = 0, eo = 0, dso, deo, bn = 0, rn;
	char iso[11] = "";
	int day = 0, mon = 0, yr = 0;
	cs_date d;
	cs_rmatch rm;
	bool full = date_find(h, hn, 0, &d, &so, &eo);

	if (when_day_month(h, hn, 0, &day, &mon, &yr, &dso, &deo) &&
	    (!full || dso < so) && yr == 0) {
		so = dso;
		eo = deo;
		full = false;
	} else if (full) {
		date_iso(d, iso);
		day = mon = 0;
	} else
		day = mon = 0;
	if (!full && day == 0 && !force)
		return false;
	/* the body: from the heading's wording, or a line of its own */
	if (start_rule(h, hn, &rm) >= 0)
		recog_group(RS_START, &rm, "body", h, &body, &bn);
	if (body && so > 0 && body + bn > h + so)
		bn = body < h + so ? (size_t)(h + so - body) : 0;
	if (!body || bn == 0 || bn > 160) {
		body = sbuf_str(&m->first_body);
		bn = m->first_body.len;
	}
	if (bn == 0) {
		body = sbuf_str(&m->head_body);
		bn = m->head_body.len;
	}
	if (body)
		text_trim(&body, &bn);
	/* "MINUTES OF GENERAL MEETING" under "RIVERMEAD COMMUNITY COUNCIL":
	 * a kind of meeting is no body's name; the line above is */
	if (bn >= 7 && count_words(body, bn) <= 3 &&
	    text_ieq(body + bn - 7, 7, "meeting") && m->last_text.len > 0)
		bn = 0;
	if (bn == 0) {
		body = sbuf_str(&m->last_text);
		bn = m->last_text.len;
	}
	{
		char *b = xstrndup(body, bn);

		start_minutes(m, source, m->head_line, b, strlen(b), iso, day,
		              mon);
		free(b);
	}
	{
		int st;
		size_t tso, teo;

		/* "... 30TH MARCH, 2022, AT 10.00 A.M.": when it began */
		if (eo > 0 && time_find(h, hn, eo, &st, &tso, &teo) &&
		    tso < eo + 12)
			m->mt.start_time = st + 1;
	}
	if (full)
		check_weekday(m, m->head_line, h, so, eo, d);
	else if (day == 0) {
		int d2, m2, y2;
		size_t a, b;

		/* "THURSDAY 31 FEBRUARY 2019": said, and no date made up */
		if (when_day_month(h, hn, 0, &d2, &m2, &y2, &a, &b))
			cs_warn_at(
			    source, m->head_line,
			    "minutes with no readable date: %.*s is not a date",
			    (int)(b - a), h + a);
		else
			cs_warn_at(source, m->head_line,
			           "minutes with no readable date: none found "
			           "in the heading");
	}
	/* "... held on 5 March 2024 at Wealdstone Library" (not "at 7pm") */
	rest = h + eo;
	rn = hn - eo;
	while (rn && (*rest == ',' || *rest == ' ' || *rest == '.'))
		rest++, rn--;
	if (text_iprefix(rest, rn, "at "))
		rest += 3, rn -= 3;
	while (rn > 0 && (rest[rn - 1] == '.' || rest[rn - 1] == ':'))
		rn--;
	if (eo > 0 && rn > 0 && !(*rest >= '0' && *rest <= '9') && rn < 120)
		meeting_set_venue(&m->mt, rest, rn);
	m->want_venue = !m->mt.venue;
	return true;
}

static void
begin_heading(minutes *m, const char *source, long line, const char *s,
              size_t n)
{
	m->zone = Z_HEADING;
	sbuf_clear(&m->head);
	sbuf_add(&m->head, s, n);
	sbuf_clear(&m->head_body);
	sbuf_clear(&m->first_body);
	{
		cs_rmatch rm;
		const char *b;
		size_t bn;

		if (start_rule(s, n, &rm) >= 0 &&
		    recog_group(RS_START, &rm, "body", s, &b, &bn) && bn < 160)
			sbuf_add(&m->first_body, b, bn);
	}
	m->head_line = line;
	m->head_lines = 0;
	finish_heading(m, source, false);
}

static void item_line(minutes *m, long line, const char *raw, size_t rawn,
                      unsigned flags);
static void preamble_line(minutes *m, long line, const char *s, size_t n,
                          unsigned flags);
static bool table_row(minutes *m, long line, const char *s, size_t n);

/* A line of a heading still without its date. */
static void
heading_line(minutes *m, const char *source, long line, const char *s, size_t n,
             unsigned flags)
{
	heading h;

	if (n == 0)
		return;
	if (recog(RS_SECTIONS, "present", s, n, NULL) ||
	    recog(RS_SECTIONS, "apology", s, n, NULL) ||
	    item_heading(m, s, n, flags, &h) || m->head_lines >= 24 ||
	    m->head.len > 600) {
		/* the minutes go on without a date in their heading */
		finish_heading(m, source, true);
		preamble_line(m, line, s, n, flags);
		return;
	}
	/* "MINUTES" / "SAFER ENFIELD PARTNERSHIP EXECUTIVE" / "Date: ..." */
	if (m->head_body.len == 0 && n < 100 && !strpbrk(s, "0123456789:"))
		sbuf_add(&m->head_body, s, n);
	sbuf_addc(&m->head, ' ');
	sbuf_add(&m->head, s, n);
	m->head_lines++;
	finish_heading(m, source, false);
}

/* A second heading under the first, before any list ("Minutes of the
 * meeting held on 14th June" / "DRAFT MINUTES OF X PARISH COUNCIL" /
 * "HELD AT THE HALL MONDAY 14th JUNE 2016"): its body's name and its
 * weekday are read, nothing else. */
static bool
heading_again(minutes *m, long line, const char *s, size_t n)
{
	cs_rmatch rm;
	const char *b;
	size_t bn, so, eo;
	cs_date d;
	char iso[11];

	if (start_rule(s, n, &rm) >= 0) {
		if (!m->mt.body[0] &&
		    recog_group(RS_START, &rm, "body", s, &b, &bn) &&
		    bn < 160) {
			free(m->mt.body);
			m->mt.body = xstrndup(b, bn);
		}
		return true;
	}
	if (date_find(s, n, 0, &d, &so, &eo) && so < 40) {
		date_iso(d, iso);
		if (strcmp(iso, m->mt.date) == 0) {
			check_weekday(m, line, s, so, eo, d);
			return true;
		}
	}
	return false;
}

static void
preamble_line(minutes *m, long line, const char *s, size_t n, unsigned flags)
{
	heading h;
	cs_rmatch rm;
	const char *rest;
	size_t rn;

	if (text_ieq(s, n, "minutes") || text_ieq(s, n, "none") ||
	    text_ieq(s, n, "none."))
		return;
	if (m->want_venue) {
		m->want_venue = false;
		if (!memchr(s, '\t', n) && !strstr(s, " - ") &&
		    recog(RS_START, "venue", s, n, NULL) &&
		    !recog(RS_SECTIONS, "present", s, n, NULL)) {
			const char *v = s;
			size_t vn = n;

			if (text_iprefix(v, vn, "held in "))
				v += 8, vn -= 8;
			meeting_set_venue(&m->mt, v, vn);
			return;
		}
	}
	if (text_iprefix(s, n, "time:")) {
		int st;
		size_t tso, teo;

		if (time_find(s, n, 5, &st, &tso, &teo))
			m->mt.start_time = st + 1;
		return;
	}
	if (text_iprefix(s, n, "date:"))
		return;
	if (m->nitems == 0 && m->nentries == 0 && heading_again(m, line, s, n))
		return;
	if (text_iprefix(s, n, "venue:")) {
		meeting_set_venue(&m->mt, s + 6, n - 6);
		return;
	}
	if (memchr(s, '\t', n) && table_row(m, line, s, n))
		return;
	if (item_heading(m, s, n, flags, &h)) {
		start_item(m, line, &h);
		return;
	}
	m->ncols = 0;
	if (section_heading(m, line, s, n))
		return;
	/* "**Welcome by the Chair**": a heading without a number */
	if ((flags & (LY_EMPH | LY_HEADING)) && count_words(s, n) <= 12 &&
	    !memchr(s, ':', n) && s[n - 1] != '.') {
		memset(&h, 0, sizeof h);
		h.title = s;
		h.titlen = n;
		h.top = -1;
		h.emph = (flags & LY_EMPH) != 0;
		start_item(m, line, &h);
		return;
	}
	if (recog(RS_SECTIONS, "label", s, n, &rm) &&
	    recog_group(RS_SECTIONS, &rm, "rest", s, &rest, &rn)) {
		/* "Minute taker: Jo Bell"; under "APOLOGIES:" the first line
		 * "Councillors: Ann Lee, Tom Day" is the section's own */
		int kind = m->section_fresh && m->nentries == 0 ? m->section
		                                                : REC_PRESENT;

		flush_entries(m);
		m->section = kind;
		m->section_explicit = true;
		m->section_fresh = false;
		/* the whole line: attend.c reads the label */
		add_entry(m, line, s, n);
		return;
	}
	if (prose_line(s, n)) {
		/* "At the outset, the Chair welcomed ...": the list is over */
		flush_entries(m);
		prose_paragraph(&m->pr, line, m->item_no, s, n, NULL, 0, false);
		return;
	}
	add_entry(m, line, s, n);
	m->section_fresh = false;
}

/* A table of attendance: a header row of section headings, then rows
 * whose cells go to their column's section.  True when s was one. */
static bool
table_row(minutes *m, long line, const char *s, size_t n)
{
	static const char *const names[] = { "apology", "present",
		                             "in_attendance" };
	static const int kinds[] = { REC_APOLOGY, REC_PRESENT,
		                     REC_IN_ATTENDANCE };
	int cols[4], nc = 0;
	size_t i = 0;

	while (i <= n && nc < 4) {
		size_t k = i, tn;
		const char *t = s + i;
		int kind = SECTION_NONE - 1;
		cs_rmatch rm;
		const char *rest;
		size_t rn;

		while (k < n && s[k] != '\t')
			k++;
		tn = k - i;
		text_trim(&t, &tn);
		for (int r = 0; r < 3 && tn > 0; r++)
			if (recog(RS_SECTIONS, names[r], t, tn, &rm) &&
			    !recog_group(RS_SECTIONS, &rm, "rest", t, &rest,
			                 &rn))
				kind = kinds[r];
		if (m->ncols > 0) {
			/* a row: each cell an entry of its column */
			if (nc < m->ncols && tn > 0) {
				int save = m->section;

				m->section = m->cols[nc];
				add_entry(m, line, t, tn);
				m->section = save;
			}
		} else if (kind < SECTION_NONE)
			return false;
		cols[nc++] = kind;
		i = k + 1;
	}
	if (m->ncols > 0)
		return true;
	if (nc < 2)
		return false;
	flush_entries(m);
	memcpy(m->cols, cols, sizeof cols);
	m->ncols = nc;
	m->section = cols[0];
	m->section_explicit = true;
	return true;
}

static bool
bullet(const char **s, size_t *n, bool raw_space)
{
	static const char *const marks[] = { "- ",           "* ",
		                             "o ",           "\xE2\x80\xA2",
		                             "\xE2\x96\xAA", "\xEF\x82\xB7",
		                             "\xC2\xB7",     NULL };

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
		return true; /* an empty bullet */
	return raw_space;
}

/* Text of the current item, line by line into paragraphs. */
static void
add_text(minutes *m, long line, const char *s, size_t n)
{
	cs_rmatch rm;
	const char *who;
	size_t wn;

	size_t bn, os, on;

	if (prose_owner_column(s, n, &bn, &os, &on)) {
		/* "... still ongoing.<tabs>Clerk": the paragraph, then its
		 * owner, as an "Action: Clerk" line after it would be */
		end_paragraph(m);
		m->cur_line = line;
		prose_append(&m->cur, s, bn);
		end_paragraph(m);
		if (m->pend.len == 0)
			m->pend_line = line;
		m->pr.owner_column = true;
		process_pend(m, s + os, on - os);
		m->pr.owner_column = false;
		return;
	}
	if (recog(RS_SECTIONS, "action_line", s, n, &rm)) {
		end_paragraph(m);
		recog_group(RS_SECTIONS, &rm, "who", s, &who, &wn);
		if (m->pend.len == 0)
			m->pend_line = line;
		process_pend(m, who, wn);
		return;
	}
	if (m->apologies_item && m->cur.len == 0 &&
	    prose_apology_entry(&m->mt, line, m->item_no, s, n))
		return;
	/* "Cllr Tina Moss." or "Cllrs Hart and Bell." under the heading */
	if (m->apologies_item && m->cur.len == 0 && m->pend.len == 0 &&
	    count_words(s, n) <= 10 && names_only(s, n) &&
	    apology_list(m, line, s, n))
		return;
	if (m->cur.len == 0)
		m->cur_line = line;
	prose_append(&m->cur, s, n);
}

/* A bold line under a bold title that goes on with it: "(Request for
 * update from the PPN)", or after a title that stops short ("... for
 * the"), not "None" or a bold sentence of its own. */
static bool
bold_wrap(const minutes *m, const char *s, size_t n)
{
	const char *t = m->title.s ? m->title.s : "";
	size_t tn = m->title.len, w = tn;

	if (count_words(s, n) > 14 || s[n - 1] == '.')
		return false;
	if (s[0] == '(' || (s[0] >= 'a' && s[0] <= 'z'))
		return true;
	if (tn > 0 && strchr(",-&", t[tn - 1]))
		return true;
	while (w > 0 && t[w - 1] != ' ')
		w--;
	return text_ieq(t + w, tn - w, "and") ||
	       text_ieq(t + w, tn - w, "of") ||
	       text_ieq(t + w, tn - w, "for") ||
	       text_ieq(t + w, tn - w, "the") ||
	       text_ieq(t + w, tn - w, "to") || text_ieq(t + w, tn - w, "on");
}

static bool bullet(const char **s, size_t *n, bool raw_space);

static void
item_line(minutes *m, long line, const char *raw, size_t rawn, unsigned flags)
{
	const char *s = raw;
	size_t n = rawn;
	heading h;
	bool lead_space, marked;

	text_trim(&s, &n);
	lead_space = rawn > 1 && raw[0] == ' ' && raw[1] != ' ';
	if (m->title_open && n > 0) {
		/* "item 1" / "Adoption of Minutes": the title on the next
		 * line; an upper-case or bold title wrapped over lines */
		if (m->title_wait ||
		    (n <= 200 &&
		     (((flags & LY_EMPH) && m->title_emph &&
		       bold_wrap(m, s, n)) ||
		      (upper_title(s, n) && !item_heading(m, s, n, flags, &h) &&
		       upper_title(m->title.s ? m->title.s : "",
		                   m->title.len))))) {
			if (m->title.len)
				sbuf_addc(&m->title, ' ');
			prose_append(&m->title, s, n);
			m->title_wait = false;
			return;
		}
		close_title(m);
	}
	if (n == 0) {
		end_paragraph(m);
		m->after_blank = true;
		return;
	}
	if (item_heading(m, s, n, flags, &h)) {
		start_item(m, line, &h);
		m->after_blank = false;
		return;
	}
	{
		/* "• 8.2a It was agreed ...": a bullet before a sub-item of
		 * the current item */
		const char *b = s;
		size_t bn = n;

		if (bullet(&b, &bn, false) && bn > 0 &&
		    item_heading(m, b, bn, flags, &h) && h.sub &&
		    h.top == m->top) {
			start_item(m, line, &h);
			m->after_blank = false;
			return;
		}
	}
	if ((flags & (LY_EMPH | LY_HEADING)) && count_words(s, n) <= 12 &&
	    s[n - 1] != '.') {
		if (prose_is_next_meeting_title(s, n)) {
			/* "**DATE OF NEXT MEETING**" and a date below */
			end_paragraph(m);
			process_pend(m, NULL, 0);
			m->next_item = true;
			m->next_found =
			    m->mt.has_next ||
			    prose_next_meeting(&m->mt, line, m->item_no, s, n,
			                       true);
			m->next_item_line = line;
			return;
		}
		if (m->numbered == 0 && !memchr(s, ':', n)) {
			/* headings without numbers, in minutes that have none */
			memset(&h, 0, sizeof h);
			h.title = s;
			h.titlen = n;
			h.top = -1;
			h.emph = (flags & LY_EMPH) != 0;
			start_item(m, line, &h);
			return;
		}
	}
	m->after_blank = false;
	marked = bullet(&s, &n, lead_space) || prose_numbered(s, n) ||
	         (n >= 8 && memcmp(s, "RESOLVED", 8) == 0);
	if (marked) {
		end_paragraph(m);
		if (n == 0)
			return;
		m->cur_marked = true;
		if (m->list_ctx && prose_numbered(s, n))
			m->list_next = strtol(s, NULL, 10) + 1;
	}
	/* "... agreed the following:" / "RESOLVED -": a numbered list
	 * follows, whose numbers are not items */
	if (n > 0 &&
	    (s[n - 1] == ':' || (n >= 8 && memcmp(s, "RESOLVED", 8) == 0) ||
	     s[n - 1] == '-')) {
		m->list_ctx = true;
		m->list_next = 1;
	} else if (!marked && m->cur.len == 0)
		m->list_ctx = false;
	if (marked || m->cur.len == 0 ||
	    !recog(RS_SECTIONS, "action_line", s, n, NULL))
		add_text(m, line, s, n);
	else {
		end_paragraph(m);
		add_text(m, line, s, n);
	}
}

/* Where the next item's number is buried in a run-on paragraph: "...
 * was duly elected. 6. The Minutes of the meeting ...": the offset of
 * "6.", or 0. */
static size_t
buried_item(const minutes *m, const char *s, size_t n)
{
	char num[24];
	size_t k;

	if (m->top < 0 || n < 20)
		return 0;
	/* "8. Reports 8.1 Chairman's Report ...": the first sub-item */
	k = (size_t)snprintf(num, sizeof num, " %ld.1 ", m->top);
	for (size_t i = 1; i + k + 1 < n; i++)
		if (memcmp(s + i, num, k) == 0 && s[i + k] >= 'A' &&
		    s[i + k] <= 'Z' &&
		    ((s[i - 1] >= 'a' && s[i - 1] <= 'z') || s[i - 1] == '.'))
			return i + 1;
	k = (size_t)snprintf(num, sizeof num, ". %ld. ", m->top + 1);
	for (size_t i = 1; i + k + 1 < n; i++)
		if (memcmp(s + i, num, k) == 0 && s[i + k] >= 'A' &&
		    s[i + k] <= 'Z' && s[i - 1] >= 'a' && s[i - 1] <= 'z')
			return i + 2;
	return 0;
}

/* "The Chair closed the meeting at 9.15pm": a closed row; true when the
 * line ends the set. */
static bool
closing(minutes *m, long line, const char *s, size_t n)
{
	cs_rmatch rm;
	size_t so, eo;

	bool last;

	if (!recog(RS_CLOSE, "closed", s, n, &rm) ||
	    !rules_group(&rm, 0, &so, &eo))
		return false;
	last = recog(RS_CLOSE, "closing_line", s, n, NULL);
	if (last && m->zone == Z_ITEM)
		end_item(m);
	if (!m->closed_seen) {
		prose_closed(&m->mt, line, s + eo, n - eo);
		m->closed_seen = true;
	}
	return last;
}

void
minutes_line(minutes *m, const char *source, long lineno, const char *s,
             size_t n, unsigned flags)
{
	const char *t = s;
	size_t tn = n;
	cs_rmatch rm;
	int r;

	if (m->source_name)
		source = m->source_name;
	if (m->file == NULL || strcmp(m->file, source) != 0) {
		free(m->file);
		m->file = xstrdup(source);
	}
	text_trim(&t, &tn);
	/* A new set of minutes, in an agenda pack that holds several: only
	 * a whole heading with its date starts one inside minutes. */
	r = start_rule(t, tn, &rm);
	if (r >= 0 &&
	    (m->zone == Z_OUTSIDE || (m->zone != Z_HEADING && r <= 1))) {
		cs_date d;
		size_t so, eo;

		if (m->zone == Z_OUTSIDE || date_find(t, tn, 0, &d, &so, &eo)) {
			end_minutes(m);
			begin_heading(m, source, lineno, t, tn);
			return;
		}
	}
	if (m->date_open && tn > 0)
		look_for_year(m, t, tn);
	switch (m->zone) {
	case Z_OUTSIDE:
		/* minutes with no heading at all, opening with "Present:" */
		if (tn > 0 && m->found_in_file == 0 &&
		    recog(RS_SECTIONS, "present", t, tn, NULL)) {
			char iso[11] = "";

			if (file_date(source, iso))
				cs_warn_at(source, lineno,
				           "minutes with no heading; meeting "
				           "date %s taken from the file name",
				           iso);
			else
				cs_warn_at(source, lineno,
				           "minutes with no heading and no "
				           "meeting date found");
			start_minutes(m, source, lineno, "", 0, iso, 0, 0);
			preamble_line(m, lineno, t, tn, flags);
			return;
		}
		if (tn > 0) {
			sbuf_clear(&m->last_text);
			if (tn < 120)
				sbuf_add(&m->last_text, t, tn);
		}
		return;
	case Z_HEADING:
		heading_line(m, source, lineno, t, tn, flags);
		return;
	case Z_PREAMBLE:
		if (tn == 0)
			return;
		if (closing(m, lineno, t, tn) ||
		    recog(RS_CLOSE, "end_minutes", t, tn, NULL)) {
			end_minutes(m);
			return;
		}
		preamble_line(m, lineno, t, tn, flags);
		return;
	case Z_ITEM:
		if (tn > 0 && closing(m, lineno, t, tn)) {
			end_minutes(m);
			return;
		}
		if (tn > 0 && !m->title_open &&
		    recog(RS_CLOSE, "end_minutes", t, tn, NULL)) {
			end_minutes(m);
			return;
		}
		{
			size_t b = buried_item(m, s, n);

			if (b > 0) {
				item_line(m, lineno, s, b, flags);
				end_paragraph(m);
				m->after_blank = true;
				item_line(m, lineno, s + b, n - b, flags);
				return;
			}
		}
		item_line(m, lineno, s, n, flags);
		return;
	}
}

static void reset(minutes *m);

void
minutes_end_file(minutes *m, const char *source)
{
	if (m->zone == Z_HEADING)
		finish_heading(m, m->file ? m->file : source, true);
	end_minutes(m);
	if (m->source_name)
		source = m->source_name;
	if (m->found_in_file == 0)
		cs_warn("%s: no minutes found", source);
	reset(m);
}

/* Free what the parser holds and start again from nothing but the
 * --source name: an operand is read as if it were the only one, so a
 * batch of packs gives each the rows of a run of its own ("1." lists,
 * open sections and half-read titles are the operand's own). */
static void
reset(minutes *m)
{
	const char *source_name = m->source_name;

	drop_entries(m);
	free(m->entries);
	free(m->file);
	sbuf_free(&m->last_text);
	sbuf_free(&m->head);
	sbuf_free(&m->head_body);
	sbuf_free(&m->first_body);
	sbuf_free(&m->title);
	sbuf_free(&m->cur);
	sbuf_free(&m->pend);
	meeting_clear(&m->mt);
	prose_reset(&m->pr);
	memset(m, 0, sizeof *m);
	m->source_name = source_name;
	m->top = -1;
	m->pr.mt = &m->mt;
}

void
minutes_free(minutes *m)
{
	reset(m);
	free(m);
	people_free();
	prose_free();
	when_free();
	recog_free();
}
