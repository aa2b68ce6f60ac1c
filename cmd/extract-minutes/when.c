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

bool
when_day_month(const char *s, size_t n, size_t from, int *d, int *m, int *y,
	       size_t *so, size_t *eo)
{
	for (size_t i = from; i < n; i++) {
		size_t k = i, w;
		int day = 0, mon;

		if (!is_digit(s[i]) || (i > 0 && (is_digit(s[i - 1]) ||
		    is_alpha(s[i - 1]) || s[i - 1] == '/' || s[i - 1] == '.')))
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
			 * after the meeting */
			if (!date_parse(mt->date, strlen(mt->date), &md))
				return false;
			yr = md.y;
			if (mon < md.m || (mon == md.m && day < md.d))
				yr++;
			if (!date_valid(yr, mon, day)) {
				cs_warn_at(mt->source, line,
					   "next meeting date is not a date: %.*s",
					   (int)(e2 - so), s + so);
				return false;
			}
			d.y = yr;
			d.m = mon;
			d.d = day;
			date_iso(d, iso);
			cs_warn_at(mt->source, line,
				   "next meeting date has no year, %d taken from the meeting date: %.*s",
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

	if (mt->has_next || (!any_date && !recog(RS_CLOSE, "next_phrase", s, n, NULL)))
		return false;
	if (!next_date(mt, line, s, n, iso, &eo))
		return false;
	/* "... 7th of July 2025 at 7pm": a time close after the date */
	if (!time_find(s, n, eo, &t, &tso, &teo) || tso > eo + 24)
		t = -1;
	if (t >= 0)
		snprintf(text, sizeof text, "%s %02d:%02d", iso, t / 60, t % 60);
	else
		snprintf(text, sizeof text, "%s", iso);
	meeting_add(mt, REC_NEXT_MEETING, line, item, "", "", "", text);
	return true;
}

void
prose_closed(meeting *mt, long line, const char *s, size_t n)
{
	int t = -1;
	size_t so, eo;
	char text[16] = "";

	if (time_find(s, n, 0, &t, &so, &eo))
		snprintf(text, sizeof text, "%02d:%02d", t / 60, t % 60);
	else
		cs_warn_at(mt->source, line, "closing time not understood: %.40s", s);
	meeting_add(mt, REC_CLOSED, line, "", "", "", "", text);
}
