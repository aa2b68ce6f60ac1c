/* store.h - the rows of one set of minutes, held until the set ends
 * (a name printed in full late in the minutes may resolve a surname
 * printed early), apart from the state of the parser that finds them. */
#ifndef EM_STORE_H
#define EM_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "owners.h"
#include "people.h"

enum rec_kind {
	REC_MEETING,
	REC_PRESENT,
	REC_IN_ATTENDANCE,
	REC_APOLOGY,
	REC_ITEM,
	REC_RESOLUTION,
	REC_DECISION,
	REC_ACTION,
	REC_NEXT_MEETING,
	REC_CLOSED
};

typedef struct {
	enum rec_kind kind;
	long line;
	char *item, *who, *role, *org, *text;
	owner_list owners; /* an action's owners, still to resolve */
} rec;

typedef struct {
	char *source;
	char date[11];
	char *body, *venue;
	rec *recs;
	size_t nrecs, crecs;
	nameidx *names;
	bool has_next;    /* a next_meeting row was written */
	size_t next_weak; /* 1 + index of a next_meeting row read from
				 * a sentence elsewhere, which a date under a
				 * next-meeting heading replaces */
	int start_time;   /* minutes after midnight + 1; 0 unknown */
} meeting;

void meeting_begin(meeting *mt, const char *source, long line, const char *date,
                   const char *body, size_t bn);
void meeting_set_venue(meeting *mt, const char *s, size_t n);
rec *meeting_add(meeting *mt, enum rec_kind kind, long line, const char *item,
                 const char *who, const char *role, const char *org,
                 const char *text);
/* Write every row of the set as it stands (rows whose kind was set
 * negative are dropped). */
void meeting_write(const meeting *mt);
void meeting_clear(meeting *mt);

#endif
