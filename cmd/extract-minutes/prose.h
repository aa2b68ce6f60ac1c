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

/* One owner of an action as printed, resolved to a name when the set of
 * minutes ends (a full name printed later may resolve it). */
enum owner_how {
	OWNER_NAMED,       /* "Ms Gardiner", "Clerk", "Cabinet Office Team" */
	OWNER_GUESS,       /* untitled words ("Priya Sandhu"): an owner only
			    * when they name someone the minutes know */
	OWNER_PRONOUN      /* "she", "he": one of cand, whose sex agrees */
};

#define OWNER_NCAND 4

typedef struct {
	enum owner_how how;
	char *ref;                    /* as printed */
	char sex;                     /* a pronoun's: 'f', 'm' */
	char *cand[OWNER_NCAND];      /* a pronoun's people named before it,
				       * newest first */
	bool cand_guess[OWNER_NCAND];
	bool fresh;                   /* cand[0] is the one person named in
				       * the sentence before the pronoun */
} owner;

typedef struct {
	owner *v;
	size_t n, cap;
} owner_list;

void owner_list_free(owner_list *ol);
/* "Cllrs Ash & Birch / Clerk" as owners, one per person ("Cllr Ash",
 * "Cllr Birch", "Clerk"): split on "/", ",", ";", "&" and " and ", a
 * plural title handed to each name after it. */
void owners_parse(owner_list *ol, const char *s, size_t n);
/* The owners as names, "; "-separated: each resolved to the full name the
 * minutes print, never to someone who sent apologies; a pronoun to the
 * person named before it whose sex agrees, or nobody when unsure.  Warns
 * (source:line) when no owner is left. */
char *owners_resolve(const owner_list *ol, const nameidx *ix,
		     const char *source, long line);

typedef struct {
	enum rec_kind kind;
	long line;
	char *item, *who, *role, *org, *text;
	owner_list owners;      /* an action's owners, still to resolve */
} rec;

/* A person referred to in the text of an item, newest first. */
typedef struct {
	char *ref;
	bool guess;             /* untitled: may not be a person */
	long sentence;          /* the sentence it was read in */
} mention;

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
	mention refs[OWNER_NCAND];
	long sentence;          /* sentences read, for mention.sentence */
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
/* ---- attendance (attend.c) ---- */

/* A person row of kind from a parsed entry: the names index learns the
 * person's role, sex and absence. */
rec *meeting_add_person(meeting *mt, enum rec_kind kind, long line,
			const char *item, const person *p);
/* "A Bell, B Cole (MOPAC) and C Dyer" as rows of kind. */
void prose_people_list(meeting *mt, enum rec_kind kind, long line,
		       const char *item, const char *s, size_t n);

/* The lines of one attendance section (after its heading), as the
 * layout gives them.  kind2 >= 0: the section is a two-column table
 * ("Present" | "Also present") flattened into alternate lines, the second
 * column's rows of kind2.  Lines are joined where a list wraps, split
 * where one line holds several people.  Returns how many lines were read
 * as attendance: the list ends at the first line that reads as a
 * sentence, and the caller reads the rest as text.  under_heading: a
 * line not understood is kept as printed (with a warning), not dropped. */
typedef struct {
	const char *s;
	size_t n;
	long line;
} src_line;

size_t prose_attendance(meeting *mt, int kind, int kind2, const char *item,
			const src_line *lines, size_t nlines, bool under_heading);
void attend_free(void);
/* Most people one section may list: more is a layout the reader does not
 * understand (a warning, no rows). */
#define ATTEND_MAX 60
/* A line of an apologies item that names one person (or "None"). */
bool prose_apology_entry(meeting *mt, long line, const char *item,
			 const char *s, size_t n);
void prose_closed(meeting *mt, long line, const char *s, size_t n);

#endif
