/* prose.h - the reading of the prose of one set of minutes: paragraphs
 * into resolutions, decisions, actions and apologies, and the names and
 * owners resolved when the set is written. */
#ifndef EM_PROSE_H
#define EM_PROSE_H

#include <stdbool.h>
#include <stddef.h>

#include "mem.h"
#include "people.h"
#include "store.h"
#include "when.h"

void prose_init(void);
void prose_free(void);

/* A person referred to in the text of an item, newest first. */
typedef struct {
	char *ref;
	bool guess;    /* untitled: may not be a person */
	long sentence; /* the sentence it was read in */
} mention;

/* The reading of the prose of one set of minutes: where it is and what it
 * has seen, apart from the rows it builds (mt, store.h).  Zero but for mt
 * at the start of a set; prose_reset makes it so again. */
typedef struct {
	meeting *mt;        /* the rows of the set */
	bool resolved_list; /* "RESOLVED:" awaits its numbered list */
	size_t list_rec;    /* 1 + index of a decision ending "the
	                     * following:" that takes the list after it */
	bool list_sub;      /* that list is in a sub-list ("including:") */
	mention refs[OWNER_NCAND];
	long sentence; /* sentences read, for mention.sentence */
	char refs_item[16];
	bool owner_column;   /* the owners were printed in a column
	                      * beside the paragraph: all of it is theirs */
	size_t open_rec;     /* 1 + index of a decision whose sentence a
	                      * line break cut ("... it was agreed that
	                      * the draft" / "policy be adopted.") */
	char *last_sentence; /* the item's sentence before, for "This was
	                      * agreed." and "NO OBJECTIONS" */
} prose;

/* Forget what was read (at the end of a set); mt stays. */
void prose_reset(prose *p);

/* Write every row of the set, after resolving names and owners
 * (people.h); the store itself is store.h. */
void meeting_emit(meeting *mt);

/* Append text to a paragraph: runs of white space become one space, and a
 * word hyphenated across lines ("Co-" + "ordinator") stays one word. */
void prose_append(sbuf *b, const char *s, size_t n);
/* A "1. ..." or "(a) ..." list line. */
bool prose_numbered(const char *s, size_t n);
/* "The report is in hand.<tabs>Cllr. O. Bell": the owner of a task
 * printed in a right-hand column after a run of tabs or spaces.  True
 * with the length of the text before it and the owner's span. */
bool prose_owner_column(const char *s, size_t n, size_t *body_n, size_t *oso,
                        size_t *oeo);
/* A paragraph of an item; owners: the "Action: X" that followed it (or
 * "Noted", a decision; a month, when it is due). */
void prose_paragraph(prose *p, long line, const char *item, const char *s,
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
                        const src_line *lines, size_t nlines,
                        bool under_heading);
void attend_free(void);
/* Most people one section may list: more is a layout the reader does not
 * understand (a warning, no rows). */
#define ATTEND_MAX 60
/* A line of an apologies item that names one person (or "None"). */
bool prose_apology_entry(meeting *mt, long line, const char *item,
                         const char *s, size_t n);

#endif
