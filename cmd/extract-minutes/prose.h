/* prose.h - one set of minutes as rows, and the reading of its prose:
 * paragraphs into resolutions, decisions, actions, apologies and the next
 * meeting's date. */
#ifndef EM_PROSE_H
#define EM_PROSE_H

#include <stdbool.h>
#include <stddef.h>

#include "mem.h"
#include "people.h"

enum rec_kind {
	REC_MEETING, REC_PRESENT, REC_IN_ATTENDANCE, REC_APOLOGY, REC_ITEM,
	REC_RESOLUTION, REC_DECISION, REC_ACTION, REC_NEXT_MEETING, REC_CLOSED
};

typedef struct {
	enum rec_kind kind;
	long line;
	char *item, *who, *role, *org, *text;
	/* action: owner references still to resolve, one per line; a line
	 * holds alternatives separated by '|' (first that names a known person
	 * wins), '?' marks an untitled guess that must name one. */
	char *owners;
} rec;

typedef struct {
	char *source;
	char date[11];
	char *body, *venue;
	rec *recs;
	size_t nrecs, crecs;
	nameidx *names;
	bool has_next;          /* a next_meeting row was written */
	bool resolved_list;     /* "RESOLVED:" awaits its numbered list */
	size_t list_rec;        /* 1 + index of a decision ending "the
				 * following:" that takes the list after it */
	bool list_sub;          /* that list is in a sub-list ("including:") */
	char *refs[4];          /* recent person references, newest first */
	char refs_item[16];
} meeting;

void prose_init(void);
void prose_free(void);

void meeting_begin(meeting *mt, const char *source, long line,
		   const char *date, const char *body, size_t bn);
void meeting_set_venue(meeting *mt, const char *s, size_t n);
rec *meeting_add(meeting *mt, enum rec_kind kind, long line, const char *item,
		 const char *who, const char *role, const char *org,
		 const char *text);
/* Resolve names and owners, then write every row of the set. */
void meeting_emit(meeting *mt);
void meeting_clear(meeting *mt);

/* Append text to a paragraph: runs of white space become one space, and a
 * word hyphenated across lines ("Co-" + "ordinator") stays one word. */
void prose_append(sbuf *b, const char *s, size_t n);
/* The first date in s ("Friday 26 January 2018", "12/04/2019") as ISO
 * into iso[11], with its span. */
bool prose_find_date(const char *s, size_t n, char *iso, size_t *so,
		     size_t *eo);
bool prose_is_next_meeting_title(const char *s, size_t n);
/* A next_meeting row from s when it holds a date (any_date) or a "next
 * meeting ... DATE" sentence.  True when a row was written. */
bool prose_next_meeting(meeting *mt, long line, const char *item,
			const char *s, size_t n, bool any_date);
/* A "1. ..." or "(a) ..." list line. */
bool prose_numbered(const char *s, size_t n);
/* A paragraph of an item; owners: the "Action: X" that followed it. */
void prose_paragraph(meeting *mt, long line, const char *item, const char *s,
		     size_t n, const char *owners, size_t on, bool next_item);
/* "A Bell, B Cole (MOPAC) and C Dyer" as rows of kind. */
void prose_people_list(meeting *mt, enum rec_kind kind, long line,
		       const char *item, const char *s, size_t n);
/* A line of an apologies item that names one person (or "None"). */
bool prose_apology_entry(meeting *mt, long line, const char *item,
			 const char *s, size_t n);
void prose_closed(meeting *mt, long line, const char *s, size_t n);

#endif
