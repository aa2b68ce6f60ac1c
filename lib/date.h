/* date.h - dates and reporting periods, as ISO 8601.
 *
 * Dates: "21 July 2017", "FRIDAY 12TH APRIL, 2019", "24 th February 2024",
 * "21.06.22", "28/02/2019", "2019-02-21", "July 21, 2017".
 * Periods: "2019-02", "201902", "Jan-19", "Feb19", "February 2019",
 * "2016/17" (financial year, 1 April - 31 March), "Q1 2023/24",
 * "12 months to March 2017", "12 months to 28/02/2019",
 * "Year-end October 2022", "Dec18-Jan19", "October 2023 to December 2023".
 *
 * Labels (all fit the 32-byte field):
 *   a month                      "2019-02"
 *   a financial year             "2016/17"   (1 April - 31 March)
 *   a quarter of a financial year "Q1 2023/24" (Q1 = April-June 2023;
 *                                also "Quarter 1 2023/24", "Q1 FY2023/24")
 *   n months to a month end      "12m to 2017-03" ("12 months to March 2017",
 *                                "12 months to 28/02/2019", "Year-end October
 *                                2022", "year ending 31 October 2022")
 *   n months to another day      "12m to 2019-02-15" (exact days)
 *   a range of months            "2m to 2019-01" for "Dec18-Jan19", "3m to
 *                                2023-12" for "October 2023 to December 2023"
 *                                (a one-month range is "YYYY-MM")
 *   a calendar year              "12m to 2022-12" ("calendar year 2022",
 *                                "the 2019 calendar year")
 * period_parse reads every label back to the same period.
 * Choices (tested in tests/unit/test_date.c):
 * - Numeric dates are day first (UK): "1/2/2019" is 1 February.  Two-digit
 *   years are 2000-2069, 1970-1999 from 70.
 * - "2011-12" is the month December 2011 (as in police.uk files);
 *   "2011/12", "2016-17", "2016/2017", "2022-2023" are financial years.
 * - Years in periods are 1900-2199; month ranges run 1-120 months.
 * - Not periods: a bare year "2019", "Q1 2023" (calendar or financial?),
 *   "Jan 19" with only a space (19 January?), a single day.
 * - Strings need not be NUL-terminated at n; spaces/NBSP are trimmed.
 */
#ifndef CS_DATE_H
#define CS_DATE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
	int y, m, d;
} cs_date;

typedef struct {
	char label
	    [32]; /* "2016/17", "2019-02", "12m to 2017-03", "Q1 2023/24" */
	cs_date start, end;
} cs_period;

bool date_valid(int y, int m, int d);
int date_days_in_month(int y, int m);
/* Parse a whole date string; false when it is not a valid date
 * ("31 February 2019" is false). */
bool date_parse(const char *s, size_t n, cs_date *out);
/* Month name or 3-letter abbreviation to 1..12, 0 if none (any case). */
int date_month_name(const char *s, size_t n);
/* "YYYY-MM-DD" into buf of at least 11 bytes (fields clamped to fit). */
void date_iso(cs_date d, char *buf);
/* Parse a "HH:MM"-like time: "11.12 am", "10:00", "2pm", "14.30", "10-12:00 hrs"
 * (the start), "12 noon", "1400 hrs", "2-4pm" (14:00: the start takes the
 * end's pm when it can).  The whole string must be a time or a range of
 * times; a bare "10" is not a time, nor "9.48" (a one-digit hour with a
 * dot and no am/pm reads as a decimal; "09.30", "9:30", "9.30am" are times).  Minutes since midnight, or -1. */
int time_parse(const char *s, size_t n);

/* Prefixes, for dates, times and periods inside sentences: the length of
 * the longest prefix of s (starting exactly at s, which must be a letter
 * or digit) that the whole-string parser accepts, 0 when none.  It ends at
 * the end of a word or number, and not before "-x", "/x", ".x" or ":x"
 * ("2019-02-21" has no period prefix).  Only the first 96 bytes are tried.
 *   date_prefix("Friday 12 April 2019, 10:00 hrs") = 20 (2019-04-12)
 *   period_prefix("12 months to March 2017 compared with") = 23 */
size_t date_prefix(const char *s, size_t n, cs_date *out);
size_t time_prefix(const char *s, size_t n, int *minutes);
size_t period_prefix(const char *s, size_t n, cs_period *out);

/* Finding, for running text: the first date (time) that starts a word at
 * or after from, as date_prefix (time_prefix) reads it; its span is
 * [*so, *eo).  False when there is none.
 *   date_find("held on Wednesday, 30th March, 2022, at 10.00", n, 0, ...)
 *   finds "Wednesday, 30th March, 2022"; time_find from its end finds
 *   "10.00". */
bool date_find(const char *s, size_t n, size_t from, cs_date *d, size_t *so,
               size_t *eo);
bool time_find(const char *s, size_t n, size_t from, int *minutes, size_t *so,
               size_t *eo);

/* Parse a whole period string; false when not a period. */
bool period_parse(const char *s, size_t n, cs_period *out);
/* A month: label "YYYY-MM".  The builders return label "" (and zero
 * dates) when given no valid period: month out of 1..12, n < 1, etc. */
cs_period period_month(int y, int m);
/* n months ending with month (y, m): label "Nm to YYYY-MM" ("YYYY-MM" when n=1). */
cs_period period_months_to(int y, int m, int n);
/* Financial year starting April of y: label "2016/17". */
cs_period period_fy(int y);
/* The same period shifted by k months (k<0: earlier); label rebuilt in the
 * same style when it still fits it (FY, quarter, calendar year), else
 * "Nm to YYYY-MM".  Label "" for a zeroed p or a shift off the calendar. */
cs_period period_shift(const cs_period *p, int k);

/* ---- periods in running text ------------------------------------------
 * period_find: the first period written in s[0..n) at or after byte
 * `from`; its span [*so, *eo).  Every shape period_parse reads, found
 * where a word starts, and also "12-month period to September 2023",
 * "12 months (up to March 2017)", "3 months of January 2024 to March
 * 2024" (the stated length must agree with the range).  A day inside a
 * date ("on 21 July 2017") is a date, not the month.  A year alone is a
 * calendar year only in prose after "in", "during", "than", "with",
 * "against", "vs" ("612 burglaries in 2023": 12m to 2023-12).  Two-digit
 * years as everywhere in this file ("Jan-99" is 1999-01).
 * period_find_backwards: the first range that cannot be a period because
 * it runs backwards or disagrees with its stated length ("December 2023
 * to September 2023", "3 months of March 2024 to January 2024"); a
 * reader warns instead of guessing. */
bool period_find(const char *s, size_t n, size_t from, cs_period *p, size_t *so,
                 size_t *eo);
bool period_find_backwards(const char *s, size_t n, size_t from, size_t *so,
                           size_t *eo);
/* Is s[0..n) one period, as period_find finds it from 0 (at 0, ending at
 * n)?  period_find(s, n, 0, p, &so, &eo) && so == 0 && eo == n, without
 * the search past the first word; *p is set only when true. */
bool period_whole(const char *s, size_t n, cs_period *p);
/* The same, only for a range starting at or before upto: whether one
 * comes before the period period_find found ("October 2023 to December
 * 2023" is read, "December 2023 to September 2023" after it is not
 * looked for), without looking at the rest of a paragraph. */
bool period_backwards_upto(const char *s, size_t n, size_t from, size_t upto,
                           size_t *so, size_t *eo);

/* The words of s[from..n) where a period may start, found once
 * (period_starts), for a reader that asks the same text for several
 * periods and for a backwards range: period_find_in and
 * period_backwards_in answer as period_find and period_backwards_upto
 * do, over the same s and n, from those words only.  Each of those scans
 * tested every word of a sentence again: normalise-crime's text mode
 * asks a sentence up to six times. */
typedef struct {
	struct {
		size_t i;
		bool may; /* a period, not only a prose year, may start */
		/* whether a stated length runs backwards there ("3 months
		 * of March 2024 to January 2024"), as period_find_in found it
		 * (-1, and where it ends), for period_backwards_in; 2 until
		 * asked */
		signed char len;
		size_t len_end;
	} * at;
	size_t n, cap;
} cs_pstarts;
void period_starts(const char *s, size_t n, size_t from, cs_pstarts *ps);
bool period_find_in(const char *s, size_t n, cs_pstarts *ps, size_t from,
                    cs_period *p, size_t *so, size_t *eo);
bool period_backwards_in(const char *s, size_t n, const cs_pstarts *ps,
                         size_t from, size_t upto, size_t *so, size_t *eo);
void period_starts_free(cs_pstarts *ps);
/* For test_date: at how many bytes of s[0..n) the quick test before a
 * stated length ("12 months to", "twelve-month period") turns away one
 * the full reading finds; 0 when the shortcut is sound there.  *found
 * is added the number of lengths the full reading found. */
size_t date_length_check(const char *s, size_t n, size_t *found);

#endif
