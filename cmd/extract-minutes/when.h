/* when.h - the dates and times of a set of minutes: the next meeting's
 * date and the closing time, found with lib/date's date_find and
 * time_find. */
#ifndef EM_WHEN_H
#define EM_WHEN_H

#include <stdbool.h>
#include <stddef.h>

#include "store.h"

void when_free(void);

/* An item title about the next meeting ("DATE OF NEXT MEETING",
 * "Future meetings"). */
bool prose_is_next_meeting_title(const char *s, size_t n);
/* A next_meeting row from s when it holds a date (any_date) or a "next
 * meeting ... DATE" sentence.  A date with no year ("Tuesday 9th
 * January") takes the first such day on or after the meeting, with a
 * warning; a date that is no date ("30 February 2024") is a warning.
 * True when a row was written. */
bool prose_next_meeting(meeting *mt, long line, const char *item, const char *s,
                        size_t n, bool any_date);
/* The next meeting's year, when it was printed without one and the
 * meeting's own year was settled only at the end of its minutes. */
void when_settle(meeting *mt);
/* A closed row from the time in s ("9.15pm", "20.52"); a warning when s
 * holds none. */
void prose_closed(meeting *mt, long line, const char *s, size_t n);

/* A day and month, and maybe a year, in s from *pos, printed in words
 * ("9th January", "30 February 2024", "the 7th of July"): valid or not.
 * y is 0 when no year is printed. */
bool when_day_month(const char *s, size_t n, size_t from, int *d, int *m,
                    int *y, size_t *so, size_t *eo);

#endif
