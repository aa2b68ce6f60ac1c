/* date.h - dates and reporting periods, as ISO 8601.
 *
 * Dates: "21 July 2017", "FRIDAY 12TH APRIL, 2019", "24 th February 2024",
 * "21.06.22", "28/02/2019", "2019-02-21", "July 21, 2017".
 * Periods: "2019-02", "201902", "Jan-19", "Feb19", "February 2019",
 * "2016/17" (financial year, 1 April - 31 March), "Q1 2023/24",
 * "12 months to March 2017", "12 months to 28/02/2019",
 * "Year-end October 2022", "Dec18-Jan19", "October 2023 to December 2023".
 */
#ifndef CS_DATE_H
#define CS_DATE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
	int y, m, d;
} cs_date;

typedef struct {
	char label[32];   /* "2016/17", "2019-02", "12m to 2017-03", "Q1 2023/24" */
	cs_date start, end;
} cs_period;

bool date_valid(int y, int m, int d);
int date_days_in_month(int y, int m);
/* Parse a whole date string; false when it is not a valid date
 * ("31 February 2019" is false). */
bool date_parse(const char *s, size_t n, cs_date *out);
/* Month name or 3-letter abbreviation to 1..12, 0 if none (any case). */
int date_month_name(const char *s, size_t n);
/* "YYYY-MM-DD" into buf of at least 11 bytes. */
void date_iso(cs_date d, char *buf);
/* Parse a "HH:MM"-like time: "11.12 am", "10:00", "2pm", "14.30", "10-12:00 hrs"
 * (the start).  Minutes since midnight, or -1. */
int time_parse(const char *s, size_t n);

/* Parse a whole period string; false when not a period. */
bool period_parse(const char *s, size_t n, cs_period *out);
/* A month: label "YYYY-MM". */
cs_period period_month(int y, int m);
/* n months ending with month (y, m): label "Nm to YYYY-MM" ("YYYY-MM" when n=1). */
cs_period period_months_to(int y, int m, int n);
/* Financial year starting April of y: label "2016/17". */
cs_period period_fy(int y);
/* The same period shifted by k months (k<0: earlier); label rebuilt. */
cs_period period_shift(const cs_period *p, int k);

#endif
