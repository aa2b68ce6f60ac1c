/* when.c - the next meeting's date and the closing time (see when.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "err.h"
#include "recog.h"
#include "text.h"
#include "when.h"

void
when_free(void)
{
}

bool
prose_is_next_meeting_title(const char *s, size_t n)
{
	return recog(RS_CLOSE, "next_title", s, n, NULL);
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static size_t
skip_spaces(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == ','))
		i++;
	return i;
}

/* "April 29th", "March 12th 2024": the month first, an ordinal day. */
static bool
month_day(const char *s, size_t n, size_t i, int *d, int *m, int *y, size_t *eo)
{
	size_t w = i, k;
	int mon, day = 0;

	while (w < n && is_alpha(s[w]))
		w++;
	if (w == i || (mon = date_month_name(s + i, w - i)) == 0 ||
	    w + 1 >= n || s[w] != ' ')
		return false;
	k = w + 1;
	while (k < n && is_digit(s[k]) && k - w <= 2)
		day = day * 10 + (s[k++] - '0');
	if (k == w + 1 || k - w > 3 || day < 1 || day > 31 || k + 1 >= n ||
	    !strchr("snrtSNRT", s[k]) || !is_alpha(s[k + 1]) ||
	    (k + 2 < n && is_alpha(s[k + 2])))
		return false;
	k += 2;
	*d = day;
	*m = mon;
	*y = 0;
	*eo = k;
	k = skip_spaces(s, n, k);
	if (k + 4 <= n && is_digit(s[k]) && is_digit(s[k + 1]) &&
	    is_digit(s[k + 2]) && is_digit(s[k + 3]) &&
	    (k + 4 == n || !is_digit(s[k + 4]))) {
		*y = (s[k] - '0') * 1000 + (s[k + 1] - '0') * 100 +
		     (s[k + 2] - '0') * 10 + (s[k + 3] - '0');
		*eo = k + 4;
	}
	return true;
}

bool
when_day_month(const char *s, size_t n, size_t from, int *d, int *m, int *y,
               size_t *so, size_t *eo)
{
	for (size_t i = from; i < n; i++) {
		if (is_alpha(s[i]) && (i == 0 || !is_alpha(s[i - 1])) &&
		    month_day(s, n, i, d, m, y, eo)) {
			*so = i;
			return true;
		}
		size_t k = i, w;
		int day = 0, mon;

		if (!is_digit(s[i]) ||
		    (i > 0 && (is_digit(s[i - 1]) || is_alpha(s[i - 1]) ||
		               s[i - 1] == '/' || s[i - 1] == '.')))
			continue;
		while (k < n && is_digit(s[k]) && k - i < 3)
			day = day * 10 + (s[k++] - '0');
		if (k - i > 2 || day < 1 || day > 31)
			continue;
		/* "9th", "22ND", "16^th^" (a superscript left by pandoc) */
		if (k < n && s[k] == '^')
			k++;
		if (k + 1 < n && is_alpha(s[k]) && is_alpha(s[k + 1]) &&
		    (k + 2 >= n || !is_alpha(s[k + 2])) &&
		    strchr("snrtSNRT", s[k]))
			k += 2;
		if (k < n && s[k] == '^')
			k++;
		k = skip_spaces(s, n, k);
		if (text_iprefix(s + k, n - k, "of "))
			k = skip_spaces(s, n, k + 3);
		for (w = k; w < n && is_alpha(s[w]); w++)
			;
		if (w == k || (mon = date_month_name(s + k, w - k)) == 0)
			continue;
		*d = day;
		*m = mon;
		*y = 0;
		*so = i;
		*eo = w;
		k = skip_spaces(s, n, w);
		if (k + 4 <= n && is_digit(s[k]) && is_digit(s[k + 1]) &&
		    is_digit(s[k + 2]) && is_digit(s[k + 3]) &&
		    (k + 4 == n || !is_digit(s[k + 4]))) {
			*y = (s[k] - '0') * 1000 + (s[k + 1] - '0') * 100 +
			     (s[k + 2] - '0') * 10 + (s[k + 3] - '0');
			*eo = k + 4;
		}
		return true;
	}
	return false;
}

/* The date of the next meeting in s into iso: a full date, or a day and
 * month whose year is inferred from the meeting's date (said in a
 * warning).  False, with a warning for a date that is no date. */
static bool
next_date(meeting *mt, long line, const char *s, size_t n, char *iso,
          size_t *eo)
{
	cs_date d;
	size_t so, e2;
	int day, mon, yr;
	bool full = date_find(s, n, 0, &d, &so, eo);

	if (when_day_month(s, n, 0, &day, &mon, &yr, &so, &e2) &&
	    (!full || so < *eo)) {
		if (yr == 0) {
			cs_date md;

			/* "Tuesday 9th January": the first such day on or
			 * after the meeting, or when the meeting's own year
			 * is not known yet, later (when_settle) */
			if (!mt->date[0]) {
				snprintf(iso, 11, "0000-%02d-%02d", mon, day);
				*eo = e2;
				return true;
			}
			if (!date_parse(mt->date, strlen(mt->date), &md))
				return false;
			yr = md.y;
			if (mon < md.m || (mon == md.m && day < md.d))
				yr++;
			if (!date_valid(yr, mon, day)) {
				cs_warn_at(
				    mt->source, line,
				    "next meeting date is not a date: %.*s",
				    (int)(e2 - so), s + so);
				return false;
			}
			d.y = yr;
			d.m = mon;
			d.d = day;
			date_iso(d, iso);
			cs_warn_at(mt->source, line,
			           "next meeting date has no year, %d taken "
			           "from the meeting date: %.*s",
			           yr, (int)(e2 - so), s + so);
			*eo = e2;
			return true;
		}
		if (!full && !date_valid(yr, mon, day)) {
			cs_warn_at(mt->source, line,
			           "next meeting date is not a date: %.*s",
			           (int)(e2 - so), s + so);
			return false;
		}
	}
	if (!full)
		return false;
	date_iso(d, iso);
	return true;
}

bool
prose_next_meeting(meeting *mt, long line, const char *item, const char *s,
                   size_t n, bool any_date)
{
	char iso[11], text[32];
	size_t eo, tso, teo;
	int t = -1;

	if (!any_date && !recog(RS_CLOSE, "next_phrase", s, n, NULL))
		return false;
	if (mt->has_next && !(any_date && mt->next_weak))
		return false;
	if (!next_date(mt, line, s, n, iso, &eo))
		return false;
	if (mt->has_next) {
		/* a date under the next-meeting heading, over one from a
		 * sentence elsewhere ("Next Governors Meeting March 12th") */
		mt->recs[mt->next_weak - 1].kind = (enum rec_kind) - 1;
		mt->next_weak = 0;
	}
	/* "... 7th of July 2025 at 7pm": a time close after the date */
	if (!time_find(s, n, eo, &t, &tso, &teo) || tso > eo + 24)
		t = -1;
	if (t >= 0)
		snprintf(text, sizeof text, "%s %02d:%02d", iso, t / 60,
		         t % 60);
	else
		snprintf(text, sizeof text, "%s", iso);
	meeting_add(mt, REC_NEXT_MEETING, line, item, "", "", "", text);
	if (!any_date)
		mt->next_weak = mt->nrecs;
	return true;
}

void
when_settle(meeting *mt)
{
	cs_date md, d;

	for (size_t i = 0; i < mt->nrecs; i++) {
		rec *r = &mt->recs[i];
		char iso[11];

		/* "NEXT MEETING MONDAY 3 JULY" in minutes headed 3 July: the
		 * heading or the body is wrong; the heading's date is kept */
		if (r->kind == REC_NEXT_MEETING && mt->date[0] &&
		    strncmp(r->text, mt->date, 10) == 0)
			cs_warn_at(mt->source, r->line,
			           "the next meeting's date is the meeting's "
			           "own (%s): the heading's date is kept, "
			           "check which is right",
			           mt->date);

		if (r->kind != REC_NEXT_MEETING ||
		    strncmp(r->text, "0000-", 5) != 0)
			continue;
		d.m = (int)strtol(r->text + 5, NULL, 10);
		d.d = (int)strtol(r->text + 8, NULL, 10);
		if (!date_parse(mt->date, strlen(mt->date), &md)) {
			cs_warn_at(mt->source, r->line,
			           "next meeting date has no year, and the "
			           "meeting's is not known");
			r->kind = (enum rec_kind) - 1;
			continue;
		}
		d.y = md.y + (d.m < md.m || (d.m == md.m && d.d < md.d));
		if (!date_valid(d.y, d.m, d.d)) {
			r->kind = (enum rec_kind) - 1;
			continue;
		}
		date_iso(d, iso);
		cs_warn_at(mt->source, r->line,
		           "next meeting date has no year, %d taken from the "
		           "meeting date",
		           d.y);
		memcpy(r->text, iso, 10);
	}
}

/* "8.02" or "9": an hour (and minutes) with no am/pm, which time_parse
 * leaves alone (a decimal?).  Minutes after midnight, or -1. */
static int
bare_hour(const char *s, size_t n)
{
	size_t i = 0;
	int h = 0, mi = 0;

	while (i < n && s[i] == ' ')
		i++;
	if (i >= n || !is_digit(s[i]))
		return -1;
	while (i < n && is_digit(s[i]) && h < 100)
		h = h * 10 + (s[i++] - '0');
	if (i + 2 < n && s[i] == '.' && is_digit(s[i + 1]) &&
	    is_digit(s[i + 2]) && (i + 3 == n || !is_digit(s[i + 3]))) {
		mi = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
		i += 3;
	}
	if (h < 1 || h > 23 || mi > 59 || (i < n && is_alpha(s[i])))
		return -1;
	return h * 60 + mi;
}

void
prose_closed(meeting *mt, long line, const char *s, size_t n)
{
	int t = -1;
	size_t so, eo;
	char text[16] = "";

	if (time_find(s, n, 0, &t, &so, &eo))
		snprintf(text, sizeof text, "%02d:%02d", t / 60, t % 60);
	else if ((t = bare_hour(s, n)) >= 0 && mt->start_time > 0) {
		/* "closed at 8.02." after a 7pm start: 20:02 */
		if (t < 12 * 60 && mt->start_time - 1 >= 12 * 60)
			t += 12 * 60;
		snprintf(text, sizeof text, "%02d:%02d", t / 60, t % 60);
		cs_warn_at(mt->source, line,
		           "closing time %.*s has no am/pm; read as %s from "
		           "the starting time",
		           (int)strcspn(s, " ,;"), s, text);
	} else
		cs_warn_at(mt->source, line,
		           "closing time not understood: %.40s", s);
	meeting_add(mt, REC_CLOSED, line, "", "", "", "", text);
}
