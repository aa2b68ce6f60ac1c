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

/* Write every row of the set, after resolving names and owners
 * (people.h); the store itself is store.h. */
void meeting_emit(meeting *mt);

/* Append text to a paragraph: runs of white space become one space, and a
 * word hyphenated across lines ("Co-" + "ordinator") stays one word. */
void prose_append(sbuf *b, const char *s, size_t n);
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

#endif
