/* test_date.c - lib/date: dates, times and reporting periods. */
#include "date.h"
#include "unit.h"
#include "exact.h"

#include <stdlib.h>

static char iso[11];

/* The date as ISO text, or "no" when date_parse refuses it. */
static const char *
D(const char *lit)
{
	bool ok;
	cs_date d;
	WITH_EXACT(lit, b, n, ok = date_parse(b, n, &d));
	if (!ok)
		return "no";
	date_iso(d, iso);
	return iso;
}

static int
T(const char *lit)
{
	int t;
	WITH_EXACT(lit, b, n, t = time_parse(b, n));
	return t;
}

/* The period as "label start end", or "no". */
static char pbuf[64];

static const char *
show(const cs_period *p)
{
	char a[11], b[11];
	date_iso(p->start, a);
	date_iso(p->end, b);
	snprintf(pbuf, sizeof pbuf, "%s %s %s", p->label, a, b);
	return pbuf;
}

static const char *
P(const char *lit)
{
	bool ok;
	cs_period p;
	WITH_EXACT(lit, b, n, ok = period_parse(b, n, &p));
	return ok ? show(&p) : "no";
}

static int
M(const char *lit)
{
	int m;
	WITH_EXACT(lit, b, n, m = date_month_name(b, n));
	return m;
}

static void
test_calendar(void)
{
	CHECK(date_valid(2019, 2, 28));
	CHECK(!date_valid(2019, 2, 29));
	CHECK(date_valid(2020, 2, 29));
	CHECK(date_valid(2000, 2, 29));
	CHECK(!date_valid(1900, 2, 29));
	CHECK(!date_valid(2019, 2, 31));
	CHECK(!date_valid(2019, 13, 1));
	CHECK(!date_valid(2019, 0, 1));
	CHECK(!date_valid(2019, 4, 0));
	CHECK(!date_valid(2019, 4, 31));
	CHECK(!date_valid(0, 1, 1));
	CHECK(date_days_in_month(2019, 12) == 31);
	CHECK(date_days_in_month(2024, 2) == 29);
	CHECK(date_days_in_month(2019, 13) == 0);
	CHECK(date_days_in_month(2019, 0) == 0);

	date_iso((cs_date){ 2017, 7, 21 }, iso);
	CHECK_STR(iso, "2017-07-21");
	date_iso((cs_date){ 0, 0, 0 }, iso);
	CHECK_STR(iso, "0000-00-00");
	date_iso((cs_date){ 123456, -5, 1000 }, iso); /* clamped, fits 11 */
	CHECK_STR(iso, "9999-00-99");

	CHECK(M("July") == 7);
	CHECK(M("jul") == 7);
	CHECK(M("DECEMBER") == 12);
	CHECK(M("Sept") == 9);
	CHECK(M("Sep") == 9);
	CHECK(M("May") == 5);
	CHECK(M("Ju") == 0);
	CHECK(M("Juli") == 0);
	CHECK(M("Julyy") == 0);
	CHECK(M("") == 0);
	CHECK(M("Mayday") == 0);
	/* each first letter's months only: "Oct", "nov", "AUG", not "Sepu" */
	CHECK(M("Oct") == 10);
	CHECK(M("nov") == 11);
	CHECK(M("AUG") == 8);
	CHECK(M("apr") == 4);
	CHECK(M("Sepu") == 0);
	CHECK(M("Tue") == 0);
	CHECK(M("\xc3\xa9t\xc3\xa9") == 0);
	CHECK(date_month_name("Marchx", 5) == 3); /* n honoured */
	CHECK(date_month_name("Mar", 0) == 0);
}

static void
test_dates(void)
{
	CHECK_STR(D("21 July 2017"), "2017-07-21");
	CHECK_STR(D("FRIDAY 12TH APRIL, 2019"), "2019-04-12");
	CHECK_STR(D("24 th February 2024"), "2024-02-24");
	CHECK_STR(D("21.06.22"), "2022-06-21");
	CHECK_STR(D("28/02/2019"), "2019-02-28");
	CHECK_STR(D("2019-02-21"), "2019-02-21");
	CHECK_STR(D("July 21, 2017"), "2017-07-21");
	CHECK_STR(D("Friday, 12 April 2019"), "2019-04-12");
	CHECK_STR(D("Thursday 1st of June 2023"), "2023-06-01");
	CHECK_STR(D("the 3rd of March 2020"), "2020-03-03");
	CHECK_STR(D("21-Jul-2017"), "2017-07-21");
	CHECK_STR(D("21 Jul 17"), "2017-07-21");
	CHECK_STR(D("1/2/2019"), "2019-02-01"); /* UK order */
	CHECK_STR(D("  21 July 2017\t"), "2017-07-21");
	CHECK_STR(D("\xc2\xa0"
	            "21"
	            "\xc2\xa0"
	            "July 2017"),
	          "2017-07-21");
	CHECK_STR(D("29 February 2024"), "2024-02-29");
	CHECK_STR(D("21.06.99"), "1999-06-21"); /* 70..99 is 19xx */

	CHECK_STR(D("31 February 2019"), "no");
	CHECK_STR(D("29 February 2019"), "no");
	CHECK_STR(D("32 July 2017"), "no");
	CHECK_STR(D("0 July 2017"), "no");
	CHECK_STR(D("31/04/2019"), "no");
	CHECK_STR(D("28/13/2019"), "no");
	CHECK_STR(D("2019-13-01"), "no");
	CHECK_STR(D("2019-02-30"), "no");
	CHECK_STR(D("28/02-2019"), "no"); /* mixed separators */
	CHECK_STR(D("28 / 02 / 2019"), "no");
	CHECK_STR(D(""), "no");
	CHECK_STR(D("   "), "no");
	CHECK_STR(D("July"), "no");
	CHECK_STR(D("July 2017"), "no"); /* a period, not a date */
	CHECK_STR(D("21 July"), "no");
	CHECK_STR(D("21 Julyish 2017"), "no");
	CHECK_STR(D("21 July 2017 extra"), "no");
	CHECK_STR(D("21 July 2017."), "no");
	CHECK_STR(D("-21 July 2017"), "no");
	CHECK_STR(D("21 July 201"), "no");
	CHECK_STR(D("21 July 99999999999999999999"), "no");
	CHECK_STR(D("21 (July) 2017"), "no");
	CHECK_STR(D("1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18"), "no");

	/* n honoured: digits after n must not be read. */
	cs_date d;
	CHECK(date_parse("28/02/20199", 10, &d) && d.y == 2019 && d.m == 2 &&
	      d.d == 28);
	CHECK(!date_parse("28/02/2019", 0, &d));
	CHECK(!date_parse("28/02/2019", 9, &d)); /* "28/02/201" */
}

static void
test_times(void)
{
	CHECK(T("11.12 am") == 11 * 60 + 12);
	CHECK(T("11.12am") == 11 * 60 + 12);
	CHECK(T("11.12 a.m.") == 11 * 60 + 12);
	CHECK(T("7.30 p.m.") == 19 * 60 + 30);
	CHECK(T("10:00") == 600);
	CHECK(T("2pm") == 840);
	CHECK(T("2 PM") == 840);
	CHECK(T("12pm") == 720);
	CHECK(T("12am") == 0);
	CHECK(T("14.30") == 870);
	CHECK(T("10-12:00 hrs") == 600);
	CHECK(T("12 noon") == 720);
	CHECK(T("12.00 noon") == 720);
	CHECK(T("noon") == 720);
	CHECK(T("midday") == 720);
	CHECK(T("1400 hrs") == 840);
	CHECK(T("1400hrs") == 840);
	CHECK(T("09:30") == 570);
	CHECK(T("2-4pm") == 840);  /* start takes pm */
	CHECK(T("11-1pm") == 660); /* 11 am to 1 pm */
	CHECK(T("10am - 12 noon") == 600);
	CHECK(T("6.30pm to 8.30pm") == 18 * 60 + 30);
	CHECK(T("10 \xe2\x80\x93 11.30am") == 600); /* en dash */

	CHECK(T("") == -1);
	CHECK(T("10") == -1); /* a bare number */
	CHECK(T("2019") == -1);
	CHECK(T("25:00") == -1);
	CHECK(T("10:60") == -1);
	CHECK(T("13pm") == -1);
	CHECK(T("0am") == -1);
	CHECK(T("10.5") == -1);
	CHECK(T("9.48") == -1); /* a decimal, likely */
	CHECK(T("9.30am") == 570);
	CHECK(T("09.30") == 570);
	CHECK(T("9.30 - 11.00") == 570);
	CHECK(T("9:30") == 570);
	CHECK(T("10:000") == -1);
	CHECK(T("1 noon") == -1);
	CHECK(T("10:00 tomorrow") == -1);
	CHECK(T("10-12") == -1);
	CHECK(T("pm") == -1);
	CHECK(T("2400 hrs") == -1);
	CHECK(time_parse("10:00", 4) == -1); /* "10:0": n honoured */
	CHECK(time_parse("2pmx", 3) == 840);
	CHECK(time_parse("2pm", 0) == -1);
}

static void
test_periods(void)
{
	CHECK_STR(P("2019-02"), "2019-02 2019-02-01 2019-02-28");
	CHECK_STR(P("201902"), "2019-02 2019-02-01 2019-02-28");
	CHECK_STR(P("Jan-19"), "2019-01 2019-01-01 2019-01-31");
	CHECK_STR(P("Feb19"), "2019-02 2019-02-01 2019-02-28");
	CHECK_STR(P("Feb 2020"), "2020-02 2020-02-01 2020-02-29");
	CHECK_STR(P("February 2019"), "2019-02 2019-02-01 2019-02-28");
	CHECK_STR(P("Jan \xe2\x80\x99"
	            "19"),
	          "2019-01 2019-01-01 2019-01-31");
	CHECK_STR(P("02/2019"), "2019-02 2019-02-01 2019-02-28");
	CHECK_STR(P("2016/17"), "2016/17 2016-04-01 2017-03-31");
	CHECK_STR(P("2016-17"), "2016/17 2016-04-01 2017-03-31");
	CHECK_STR(P("2016/2017"), "2016/17 2016-04-01 2017-03-31");
	CHECK_STR(P("FY 2016/17"), "2016/17 2016-04-01 2017-03-31");
	CHECK_STR(P("FY2016/17"), "2016/17 2016-04-01 2017-03-31");
	CHECK_STR(P("financial year 2099/00"), "2099/00 2099-04-01 2100-03-31");
	CHECK_STR(P("2011-12"),
	          "2011-12 2011-12-01 2011-12-31"); /* month wins */
	CHECK_STR(P("2011/12"), "2011/12 2011-04-01 2012-03-31");
	CHECK_STR(P("Q1 2023/24"), "Q1 2023/24 2023-04-01 2023-06-30");
	CHECK_STR(P("Q4 2023/24"), "Q4 2023/24 2024-01-01 2024-03-31");
	CHECK_STR(P("q3 2023-24"), "Q3 2023/24 2023-10-01 2023-12-31");
	CHECK_STR(P("12 months to March 2017"),
	          "12m to 2017-03 2016-04-01 2017-03-31");
	CHECK_STR(P("12 months to 28/02/2019"),
	          "12m to 2019-02 2018-03-01 2019-02-28");
	CHECK_STR(P("12 months to 15/02/2019"),
	          "12m to 2019-02-15 2018-02-16 2019-02-15");
	CHECK_STR(P("Rolling 12 months ending March 2017"),
	          "12m to 2017-03 2016-04-01 2017-03-31");
	CHECK_STR(P("12 months to the end of March 2017"),
	          "12m to 2017-03 2016-04-01 2017-03-31");
	CHECK_STR(P("3 months to Dec-23"),
	          "3m to 2023-12 2023-10-01 2023-12-31");
	CHECK_STR(P("year to March 2017"),
	          "12m to 2017-03 2016-04-01 2017-03-31");
	CHECK_STR(P("Year-end October 2022"),
	          "12m to 2022-10 2021-11-01 2022-10-31");
	CHECK_STR(P("year ending 31 October 2022"),
	          "12m to 2022-10 2021-11-01 2022-10-31");
	CHECK_STR(P("Dec18-Jan19"), "2m to 2019-01 2018-12-01 2019-01-31");
	CHECK_STR(P("October 2023 to December 2023"),
	          "3m to 2023-12 2023-10-01 2023-12-31");
	CHECK_STR(P("October to December 2023"),
	          "3m to 2023-12 2023-10-01 2023-12-31");
	CHECK_STR(P("Apr-Jun 2023"), "3m to 2023-06 2023-04-01 2023-06-30");
	CHECK_STR(P("Apr-Oct 23"), "7m to 2023-10 2023-04-01 2023-10-31");
	CHECK_STR(P("January \xe2\x80\x93 March 2019"),
	          "3m to 2019-03 2019-01-01 2019-03-31");
	CHECK_STR(P("Q1 2020/2021"), "Q1 2020/21 2020-04-01 2020-06-30");
	CHECK_STR(P("Q2 2023/34"), "no"); /* a typo seen in print */
	CHECK_STR(P("12 months to 08/09/2017"),
	          "12m to 2017-09-08 2016-09-09 2017-09-08");
	CHECK_STR(P("6 months to September 2023"),
	          "6m to 2023-09 2023-04-01 2023-09-30");
	CHECK_STR(P("Nov \xe2\x80\x93 Feb 2020"),
	          "4m to 2020-02 2019-11-01 2020-02-29");
	CHECK_STR(P("April 2019 - April 2019"),
	          "2019-04 2019-04-01 2019-04-30");
	CHECK_STR(P("calendar year 2022"),
	          "12m to 2022-12 2022-01-01 2022-12-31");
	CHECK_STR(P("the 2019 calendar year"),
	          "12m to 2019-12 2019-01-01 2019-12-31");
	CHECK_STR(P("calendar year 22"), "no");
	CHECK_STR(P("Quarter 2 2023/24"), "Q2 2023/24 2023-07-01 2023-09-30");
	CHECK_STR(P("Q1 FY2023/24"), "Q1 2023/24 2023-04-01 2023-06-30");
	CHECK_STR(P("Q 1 2023/24"), "no");
	CHECK_STR(P("the rolling 12 months to March 2018"),
	          "12m to 2018-03 2017-04-01 2018-03-31");

	CHECK_STR(P(""), "no");
	CHECK_STR(P("junk"), "no");
	CHECK_STR(P("2019-13"), "no");
	CHECK_STR(P("201913"), "no");
	CHECK_STR(P("201900"), "no");
	CHECK_STR(P("Jnu-19"), "no");
	CHECK_STR(P("Jan 19"), "no"); /* or 19 January? */
	CHECK_STR(P("March 12"), "no");
	CHECK_STR(P("2016/18"), "no");
	CHECK_STR(P("2016-18"), "no");
	CHECK_STR(P("Q5 2023/24"), "no");
	CHECK_STR(P("Q0 2023/24"), "no");
	CHECK_STR(P("Q1 2023"), "no"); /* calendar or FY? */
	CHECK_STR(P("0 months to March 2017"), "no");
	CHECK_STR(P("12 months to Smarch 2017"), "no");
	CHECK_STR(P("12 months to 31/02/2019"), "no");
	CHECK_STR(P("12 months to"), "no");
	CHECK_STR(P("Jan19-Dec18"), "no");  /* backwards */
	CHECK_STR(P("2019"), "no");         /* a bare year: ambiguous */
	CHECK_STR(P("21 July 2017"), "no"); /* a date, not a period */
	CHECK_STR(P("2019-02."), "no");
	CHECK_STR(P("99999999999-02"), "no");
	CHECK_STR(P("99999 months to March 2017"), "no");

	cs_period p;
	CHECK(period_parse("2019-024", 7, &p)); /* n honoured */
	CHECK_STR(p.label, "2019-02");
	CHECK(!period_parse("2019-02", 0, &p));
	CHECK(!period_parse("2016/17", 6, &p)); /* "2016/1" */
}

/* Labels are read back by the next tool in the pipe (join-wards reads
 * period): every label this module makes must parse to the same period. */
static void
test_label_roundtrip(void)
{
	static const char *const inputs[] = {
		"2019-02",
		"201902",
		"Jan-19",
		"2016/17",
		"2016-17",
		"Q1 2023/24",
		"Q4 2099/00",
		"12 months to March 2017",
		"12 months to 28/02/2019",
		"12 months to 15/02/2019",
		"Year-end October 2022",
		"Dec18-Jan19",
		"October 2023 to December 2023",
		"calendar year 2022",
		"120 months to December 2019",
		"1 month to June 2020",
	};
	int bad = 0;
	for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
		cs_period p, q, r;
		if (!period_parse(inputs[i], strlen(inputs[i]), &p)) {
			printf("# %s does not parse\n", inputs[i]);
			bad++;
			continue;
		}
		for (int k = -13; k <= 13; k += 13) {
			r = period_shift(&p, k);
			char want[64];
			snprintf(want, sizeof want, "%s", show(&r));
			if (!period_parse(r.label, strlen(r.label), &q) ||
			    strcmp(show(&q), want) != 0) {
				printf("# label %s does not read back\n",
				       r.label);
				bad++;
			}
		}
	}
	CHECK(bad == 0);
	CHECK_STR(P("12m to 2017-03"), "12m to 2017-03 2016-04-01 2017-03-31");
	CHECK_STR(P("12m to 2019-02-15"),
	          "12m to 2019-02-15 2018-02-16 2019-02-15");
	CHECK_STR(P("12 m to 2017-03"), "no");
}

static void
test_builders(void)
{
	cs_period p = period_month(2020, 2);
	CHECK_STR(show(&p), "2020-02 2020-02-01 2020-02-29");
	p = period_months_to(2017, 3, 12);
	CHECK_STR(show(&p), "12m to 2017-03 2016-04-01 2017-03-31");
	p = period_months_to(2017, 3, 1);
	CHECK_STR(show(&p), "2017-03 2017-03-01 2017-03-31");
	p = period_months_to(2023, 12, 3);
	CHECK_STR(show(&p), "3m to 2023-12 2023-10-01 2023-12-31");
	p = period_months_to(2017, 3, 0);
	CHECK_STR(p.label, ""); /* n=0: no period */
	p = period_months_to(2017, 13, 1);
	CHECK_STR(p.label, "");
	p = period_months_to(2017, 3, 9999);
	CHECK_STR(p.label, "9999m to 2017-03");
	CHECK(strlen(p.label) < sizeof p.label);
	p = period_fy(2016);
	CHECK_STR(show(&p), "2016/17 2016-04-01 2017-03-31");
	p = period_fy(1999);
	CHECK_STR(p.label, "1999/00");
	p = period_fy(0);
	CHECK_STR(p.label, "");

	p = period_fy(2016);
	cs_period q = period_shift(&p, -12);
	CHECK_STR(show(&q), "2015/16 2015-04-01 2016-03-31");
	q = period_shift(&p, 1);
	CHECK_STR(show(&q), "12m to 2017-04 2016-05-01 2017-04-30");
	p = period_months_to(2019, 2, 12);
	q = period_shift(&p, -12);
	CHECK_STR(show(&q), "12m to 2018-02 2017-03-01 2018-02-28");
	p = period_month(2019, 3);
	q = period_shift(&p, -1);
	CHECK_STR(show(&q), "2019-02 2019-02-01 2019-02-28");
	q = period_shift(&p, 0);
	CHECK_STR(show(&q), "2019-03 2019-03-01 2019-03-31");
	period_parse("Q1 2023/24", 10, &p);
	q = period_shift(&p, -3);
	CHECK_STR(show(&q), "Q4 2022/23 2023-01-01 2023-03-31");
	q = period_shift(&p, -12);
	CHECK_STR(show(&q), "Q1 2022/23 2022-04-01 2022-06-30");
	q = period_shift(&p, -1);
	CHECK_STR(show(&q), "3m to 2023-05 2023-03-01 2023-05-31");
	period_parse("12 months to 15/02/2019", 23, &p);
	q = period_shift(&p, -12);
	CHECK_STR(show(&q), "12m to 2018-02-15 2017-02-16 2018-02-15");

	memset(&p, 0, sizeof p);
	q = period_shift(&p, 1);
	CHECK_STR(q.label, "");
	p = period_fy(2016);
	q = period_shift(&p, 2000000000);
	CHECK_STR(q.label, "");
	q = period_shift(&p, -2000000000);
	CHECK_STR(q.label, "");
}

static size_t
DPRE(const char *lit)
{
	size_t k;
	cs_date d;
	WITH_EXACT(lit, b, n, k = date_prefix(b, n, &d));
	if (k)
		date_iso(d, iso);
	return k;
}

static size_t
PPRE(const char *lit, cs_period *p)
{
	size_t k;
	WITH_EXACT(lit, b, n, k = period_prefix(b, n, p));
	return k;
}

static size_t
TPRE(const char *lit, int *t)
{
	size_t k;
	WITH_EXACT(lit, b, n, k = time_prefix(b, n, t));
	return k;
}

static void
test_prefixes(void)
{
	cs_period p;
	int t = -1;
	CHECK(DPRE("Friday 12 April 2019, 10:00 hrs") == 20);
	CHECK_STR(iso, "2019-04-12");
	CHECK(DPRE("21.06.22 at the Town Hall") == 8);
	CHECK_STR(iso, "2022-06-21");
	CHECK(DPRE("28/02/2019.") == 10);
	CHECK(DPRE("July 21, 2017 and") == 13);
	CHECK(DPRE("21 July") == 0);
	CHECK(DPRE(" 21 July 2017") == 0); /* exactly at s */
	CHECK(DPRE("") == 0);
	CHECK(DPRE("31 February 2019 was") == 0);
	/* date_may_start lets through every date that opens with a number:
	 * after an ordinal, "the", "of", or straight on to a number */
	CHECK(DPRE("21st of July 2017 at") == 17);
	CHECK_STR(iso, "2017-07-21");
	CHECK(DPRE("21st/07/2017 at") == 12);
	CHECK_STR(iso, "2017-07-21");
	CHECK(DPRE("2017-07-21 was") == 10);
	CHECK_STR(iso, "2017-07-21");
	CHECK(DPRE("21July 2017") == 11);
	CHECK(DPRE("12 burglaries in July 2017") == 0);
	CHECK(DPRE("123 July 2017") == 0);
	/* a number after the first only across one '/', '.', '-' or dash */
	CHECK(DPRE("21\xe2\x80\x93"
	           "07\xe2\x80\x94"
	           "2017 at") == 14);
	CHECK_STR(iso, "2017-07-21");
	CHECK(DPRE("1,234 in 2017") == 0);
	CHECK(DPRE("12 07 2017") == 0);
	CHECK(DPRE("21 - 07 - 2017") == 0);
	CHECK(DPRE("21st.07.2017") == 12);

	CHECK(PPRE("12 months to March 2017 compared with", &p) == 23);
	CHECK_STR(p.label, "12m to 2017-03");
	CHECK(PPRE("Q1 2023/24: 1,234 offences", &p) == 10);
	CHECK_STR(p.label, "Q1 2023/24");
	CHECK(PPRE("2016/17 2017/18", &p) == 7);
	CHECK_STR(p.label, "2016/17");
	CHECK(PPRE("Dec18-Jan19)", &p) == 11);
	CHECK_STR(p.label, "2m to 2019-01");
	CHECK(PPRE("2019-02-21", &p) == 0); /* a day, not a month */
	CHECK(PPRE("October 2023 to December 2023 there were", &p) == 29);
	CHECK_STR(p.label, "3m to 2023-12");
	CHECK(PPRE("junk", &p) == 0);
	/* the shortcuts of longest_prefix_toks keep every end a parser
	 * takes: the words a date drops after it ("the", "of", an
	 * ordinal), calendar_year's "year", fillers before a month, four
	 * numbers (and not a fifth) */
	CHECK(DPRE("21st of July 2017 the meeting") == 21);
	CHECK_STR(iso, "2017-07-21");
	CHECK(PPRE("the 2019 calendar year was", &p) == 22);
	CHECK_STR(p.label, "12m to 2019-12");
	CHECK(PPRE("12 months to the end of March 2017 compared", &p) == 34);
	CHECK_STR(p.label, "12m to 2017-03");
	CHECK(PPRE("12 months to 28/02/2019 12 34 56", &p) == 23);
	CHECK_STR(p.label, "12m to 2019-02");
	CHECK(PPRE("Dec 2018 to Jan 2019 2020 2021", &p) == 20);
	CHECK_STR(p.label, "2m to 2019-01");
	CHECK(PPRE("2016/17 burglary 2017/18", &p) == 7);
	CHECK(PPRE("2019 2020 2021 2022 2023", &p) == 0);
	CHECK(PPRE("Feb19x", &p) == 0); /* "Feb" before "19" is no end */

	CHECK(TPRE("10:00 hrs in the Chamber", &t) == 9 && t == 600);
	CHECK(TPRE("11.12 a.m. start", &t) == 9 && t == 672);
	CHECK(TPRE("10.30am-12pm, room 2", &t) == 12 && t == 630);
	CHECK(TPRE("2019 figures", &t) == 0);
	CHECK(time_prefix("2pm", 1, &t) == 0); /* n honoured: "2" */
}

/* Every prefix of every sample, in a block of exactly that size: ASan
 * proves no read past n; whatever parses is a valid date or period. */
static int sweep_parsed, sweep_bad;

static void
sweep_one(const char *b, size_t n)
{
	cs_date d;
	cs_period p;
	if (date_parse(b, n, &d)) {
		sweep_parsed++;
		sweep_bad += !date_valid(d.y, d.m, d.d);
	}
	if (period_parse(b, n, &p)) {
		sweep_parsed++;
		sweep_bad += !date_valid(p.start.y, p.start.m, p.start.d) ||
		             !date_valid(p.end.y, p.end.m, p.end.d) ||
		             p.label[0] == '\0' ||
		             strlen(p.label) >= sizeof p.label;
	}
	int t = time_parse(b, n);
	sweep_bad += t < -1 || t >= 24 * 60;
	(void)date_month_name(b, n);
	(void)date_prefix(b, n, &d);
	(void)period_prefix(b, n, &p);
	(void)time_prefix(b, n, &t);
}

static void
test_prefix_sweep(void)
{
	static const char *const samples[] = {
		"FRIDAY 12TH APRIL, 2019",
		"24 th February 2024",
		"21.06.22",
		"28/02/2019",
		"2019-02-21",
		"July 21, 2017",
		"11.12 a.m.",
		"10-12:00 hrs",
		"12 noon",
		"Q1 2023/24",
		"12 months to 28/02/2019",
		"Year-end October 2022",
		"Dec18-Jan19",
		"Nov \xe2\x80\x93 Feb 2020",
		"October 2023 to December 2023",
		"calendar year 2022",
		"201902",
		"Jan \xe2\x80\x99"
		"19",
		"\xc2\xa0"
		"2016/17"
		"\xc2\xa0",
	};
	exact_sweep(samples, sizeof samples / sizeof samples[0], sweep_one);
	CHECK(sweep_parsed > 20);
	CHECK(sweep_bad == 0);
}

/* ---- periods in running text ---- */

/* The first period in lit from byte 0, as "label start end [text]", or "no". */
static char fbuf[160];

static const char *
F(const char *lit)
{
	bool ok;
	cs_period p;
	size_t so = 0, eo = 0;
	WITH_EXACT(lit, b, n, ok = period_find(b, n, 0, &p, &so, &eo));
	if (!ok)
		return "no";
	snprintf(fbuf, sizeof fbuf, "%s [%.*s]", show(&p), (int)(eo - so),
	         lit + so);
	return fbuf;
}

static const char *
B(const char *lit)
{
	bool ok;
	size_t so = 0, eo = 0;
	WITH_EXACT(lit, b, n, ok = period_find_backwards(b, n, 0, &so, &eo));
	if (!ok)
		return "no";
	snprintf(fbuf, sizeof fbuf, "%.*s", (int)(eo - so), lit + so);
	return fbuf;
}

static void
test_period_find(void)
{
	CHECK_STR(
	    F("In the 12 months to March 2017 burglary fell"),
	    "12m to 2017-03 2016-04-01 2017-03-31 [12 months to March 2017]");
	CHECK_STR(F("over the 12-month period to September 2023, robbery rose"),
	          "12m to 2023-09 2022-10-01 2023-09-30 [12-month period to "
	          "September 2023]");
	CHECK_STR(F("Over the last 12 months (up to March 2017) there were"),
	          "12m to 2017-03 2016-04-01 2017-03-31 [12 months (up to "
	          "March 2017)]");
	CHECK_STR(F("In the 3 months of January 2024 to March 2024 there were"),
	          "3m to 2024-03 2024-01-01 2024-03-31 [3 months of January "
	          "2024 to March 2024]");
	CHECK_STR(F("Robbery rose 5% in 2016/17 against 2015/16"),
	          "2016/17 2016-04-01 2017-03-31 [2016/17]");
	CHECK_STR(F("in Q2 2023/24, a fall"),
	          "Q2 2023/24 2023-07-01 2023-09-30 [Q2 2023/24]");
	CHECK_STR(
	    F("Year-end October 2022 shows"),
	    "12m to 2022-10 2021-11-01 2022-10-31 [Year-end October 2022]");
	CHECK_STR(F("the figures for Dec18-Jan19 show"),
	          "2m to 2019-01 2018-12-01 2019-01-31 [Dec18-Jan19]");
	CHECK_STR(F("the calendar year 2022 saw"),
	          "12m to 2022-12 2022-01-01 2022-12-31 [calendar year 2022]");
	CHECK_STR(
	    F("12 months to 28/02/2019: 12 offences"),
	    "12m to 2019-02 2018-03-01 2019-02-28 [12 months to 28/02/2019]");
	/* one answer for two-digit years, the same as period_parse */
	CHECK_STR(F("figures for Jan-99 were"),
	          "1999-01 1999-01-01 1999-01-31 [Jan-99]");
	CHECK_STR(F("figures for Jan-19 were"),
	          "2019-01 2019-01-01 2019-01-31 [Jan-19]");
	CHECK_STR(P("Jan-99"), "1999-01 1999-01-01 1999-01-31");
	/* a day is a date, not its month; a bare year is not a period */
	CHECK_STR(F("On 21 July 2017 there were 3 burglaries"), "no");
	CHECK_STR(F("On 21 July 2017 and in August 2017"),
	          "2017-08 2017-08-01 2017-08-31 [August 2017]");
	CHECK_STR(F("the 2019 - 2022 plan, item 12, call 101"), "no");
	/* a year alone: a calendar year in prose after "in", "than" ... */
	CHECK_STR(F("612 residential burglaries in 2023, 14 fewer"),
	          "12m to 2023-12 2023-01-01 2023-12-31 [2023]");
	CHECK_STR(F("4% fewer than in 2022."),
	          "12m to 2022-12 2022-01-01 2022-12-31 [2022]");
	CHECK_STR(F("from 2019 onward there were 13"), "no");
	CHECK_STR(F("in 2023/24 and in 20234"),
	          "2023/24 2023-04-01 2024-03-31 [2023/24]");
	CHECK_STR(F("in 1,998 cases"), "no");
	CHECK_STR(
	    F("in the three months to March 2024"),
	    "3m to 2024-03 2024-01-01 2024-03-31 [three months to March 2024]");
	CHECK_STR(F("2019-02-21 at 10:00"), "no");
	/* a number, '.' and a number starts a date only with a second '.'
	 * ("8.2 For", "12.5%" are not looked at) */
	CHECK_STR(F("8.2 For 2019/20 burglary fell by 12.5%"),
	          "2019/20 2019-04-01 2020-03-31 [2019/20]");
	CHECK_STR(F("12.5% of 41.5 per 1,000"), "no");
	CHECK_STR(F("On 21.07.2017 and in August 2017"),
	          "2017-08 2017-08-01 2017-08-31 [August 2017]");
	CHECK_STR(F("On 2017.07.21 and in August 2017"),
	          "2017-08 2017-08-01 2017-08-31 [August 2017]");
	CHECK_STR(F("On 1.7.17 and in August 2017"),
	          "2017-08 2017-08-01 2017-08-31 [August 2017]");
	CHECK_STR(F("5.2.7 Females in 2019/20"),
	          "2019/20 2019-04-01 2020-03-31 [2019/20]");
	/* after "12." a month, "calendar" or "months" only */
	CHECK_STR(F("6.   UPDATE FROM 2019/20"),
	          "2019/20 2019-04-01 2020-03-31 [2019/20]");
	CHECK_STR(F("On 12. March 2017 there were 3"), "no");
	CHECK_STR(F("for the 2019. calendar year"),
	          "12m to 2019-12 2019-01-01 2019-12-31 [2019. calendar year]");
	CHECK_STR(F("the 12. months to March 2017"),
	          "12m to 2017-03 2016-04-01 2017-03-31 [12. months to March "
	          "2017]");
	CHECK_STR(F("Burglary fell by 12%"), "no");
	/* no period without a digit, none after the last one */
	CHECK_STR(F("in the twelve months to March, three months to June"),
	          "no");
	CHECK_STR(F("in the twelve months to March 2017 and to June"),
	          "12m to 2017-03 2016-04-01 2017-03-31 [twelve months to "
	          "March 2017]");
	CHECK_STR(
	    B("from December 2023 to September 2023 and from May to June"),
	    "December 2023 to September 2023");
	CHECK_STR(F(""), "no");
	/* from: the second period of a sentence */
	{
		const char *t = "2017/18 against 2016/17";
		cs_period p;
		size_t so, eo;
		CHECK(period_find(t, strlen(t), 1, &p, &so, &eo) && so == 16);
		CHECK_STR(p.label, "2016/17");
	}
	/* backwards ranges are not periods, and are reported */
	CHECK_STR(F("in the 3 months of March 2024 to January 2024 there were"),
	          "no");
	CHECK_STR(B("in the 3 months of March 2024 to January 2024 there were"),
	          "3 months of March 2024 to January 2024");
	CHECK_STR(B("from December 2023 to September 2023"),
	          "December 2023 to September 2023");
	CHECK_STR(B("In the 2 months of January 2024 to March 2024"),
	          "2 months of January 2024 to March 2024");
	CHECK_STR(B("In the 3 months of January 2024 to March 2024"), "no");
	CHECK_STR(B("October 2023 to December 2023"), "no");
}

/* ---- date_find / time_find ---- */

static const char *
DFIND(const char *lit, size_t from, size_t *so, size_t *eo)
{
	bool ok;
	cs_date d;
	WITH_EXACT(lit, b, n, ok = date_find(b, n, from, &d, so, eo));
	if (!ok)
		return "no";
	date_iso(d, iso);
	return iso;
}

static int
TFIND(const char *lit, size_t from, size_t *so, size_t *eo)
{
	bool ok;
	int t = -1;
	WITH_EXACT(lit, b, n, ok = time_find(b, n, from, &t, so, eo));
	return ok ? t : -1;
}

static void
test_find(void)
{
	size_t so = 0, eo = 0;
	const char *h = "HELD ON WEDNESDAY, 30TH MARCH, 2022, AT 10.00 A.M.";

	CHECK_STR(DFIND(h, 0, &so, &eo), "2022-03-30");
	CHECK(so == 8 && eo == 35);
	CHECK(TFIND(h, eo, &so, &eo) == 600);
	CHECK(so == 40);
	CHECK_STR(
	    DFIND("The next meeting: 7th of July 2025 at 7pm", 0, &so, &eo),
	    "2025-07-07");
	CHECK(TFIND("The next meeting: 7th of July 2025 at 7pm", eo, &so,
	            &eo) == 19 * 60);
	/* a later date when from is past the first */
	CHECK_STR(DFIND("on 1/2/2019 and on 3/4/2020", 5, &so, &eo),
	          "2020-04-03");
	/* not inside a word or number */
	CHECK_STR(DFIND("ref 1112/03/2019x", 0, &so, &eo), "no");
	CHECK_STR(DFIND("30 February 2023 is no date", 0, &so, &eo), "no");
	CHECK_STR(DFIND("no dates here", 0, &so, &eo), "no");
	CHECK_STR(DFIND("", 0, &so, &eo), "no");
	CHECK(TFIND("meeting closed at 20.52", 0, &so, &eo) == 20 * 60 + 52);
	CHECK(TFIND("closed the meeting at 9.15pm.", 0, &so, &eo) ==
	      21 * 60 + 15);
	CHECK(TFIND("2019 figures, 4 items", 0, &so, &eo) == -1);
	CHECK(TFIND("at 8pm", 7, &so, &eo) == -1); /* from past the end */
}

/* period_whole(s, n) answers as period_find from 0 with the period at
 * 0 and ending at n; 1 when not, with s in a block of its own size. */
static int
whole_differs(const char *lit, size_t n)
{
	char *s = exact_copy(lit, n);
	cs_period a, b;
	size_t so = 0, eo = 0;
	bool fa = period_find(s, n, 0, &a, &so, &eo) && so == 0 && eo == n;
	bool fb = period_whole(s, n, &b);
	free(s);
	return fa != fb || (fa && strcmp(a.label, b.label) != 0);
}

/* period_find_in and period_backwards_in, over the words period_starts
 * found, answer as the scans of every byte do, from every start. */
static void
test_period_starts(void)
{
	static const char *const text[] = {
		"Burglary fell by 12% in the 12 months to March 2017 compared "
		"with 2015/16, and rose in Q3 2023/24.",
		"on 21 July 2017 there were 4 offences; during 2022 fewer",
		"3 months of March 2024 to January 2024 against April to June "
		"2023",
		"December 2023 to September 2023 (Dec-23, Jan '19, FY 2022/23)",
		"nothing here but words and 590 fewer thefts",
		"no digit: three months to March, calendar year, Q and FY",
		"the last digit ends a word: in 2019 and 2020s, then words",
		/* each way a number's next bytes are read (num_may_start) */
		"1.2.3 Burglary 21.07.2017 and 2017.07.21, 8.2 For 41.5 per "
		"1,000; 6.   UPDATE 12. March 2017 and 2021. Then 5.2.7",
		"12  months to March 2017; 12\tmonths to May 2019; 3 Mar-19, "
		"21st July 2017, 8thSep 2019, 12m to 2017-03, 201902 2019-02",
		"5 May 2019, 12 Months, 590 fewer, (12) 12% 123456 in 2023 "
		"than 2022, 2022. 12,3 1234567 12\xc2\xa0months 3 mths 12 "
		"calendar 2019 calendar year 12 -5 12:30 12/13 in 2019",
		"a date is a day: on 21.07.2017 calendar year, 2017.07.21 "
		"calendar year 2018",
		"ends with a year in 2019",
		"ends with 201902",
		"ends with 12",
	};
	cs_pstarts ps = { 0 };
	for (size_t t = 0; t < sizeof text / sizeof text[0]; t++) {
		const char *s = text[t];
		size_t n = strlen(s), lengths = 0;
		CHECK(date_length_check(s, n, &lengths) == 0);
		int wbad = 0;
		for (size_t a = 0; a <= n; a++)
			for (size_t b = a; b <= n; b++)
				wbad += whole_differs(s + a, b - a);
		CHECK(wbad == 0);
		period_starts(s, n, 0, &ps);
		/* the words from each start, so each word at each place of
		 * period_starts' blocks of eight */
		for (size_t at = 1; at <= n; at++) {
			cs_pstarts ps2 = { 0 };
			cs_period a, b;
			size_t aso = 0, aeo = 0, bso = 0, beo = 0;
			period_starts(s, n, at, &ps2);
			bool fa = period_find(s, n, at, &a, &aso, &aeo);
			bool fb =
			    period_find_in(s, n, &ps2, at, &b, &bso, &beo);
			CHECK(fa == fb && aso == bso && aeo == beo);
			fa = period_backwards_upto(s, n, at, n, &aso, &aeo);
			fb = period_backwards_in(s, n, &ps2, at, n, &bso, &beo);
			CHECK(fa == fb && aso == bso && aeo == beo);
			period_starts_free(&ps2);
		}
		for (size_t from = 0; from <= n; from++) {
			cs_period a, b;
			size_t aso = 0, aeo = 0, bso = 0, beo = 0;
			bool fa = period_find(s, n, from, &a, &aso, &aeo);
			bool fb =
			    period_find_in(s, n, &ps, from, &b, &bso, &beo);
			CHECK(fa == fb && aso == bso && aeo == beo &&
			      (!fa || strcmp(a.label, b.label) == 0));
			fa = period_backwards_upto(s, n, from, n, &aso, &aeo);
			fb =
			    period_backwards_in(s, n, &ps, from, n, &bso, &beo);
			CHECK(fa == fb && aso == bso && aeo == beo);
		}
	}
	period_starts_free(&ps);
}

/* The same answers over the repository's sample papers (samples/reports,
 * samples/minutes): each line and each paragraph (its lines joined by a
 * space, as normalise-crime reads a sentence across lines), in a block of
 * its own size, from every byte: period_find_in and period_backwards_in
 * on period_starts' words from 0 against the scans of every byte.  A
 * shortcut in period_starts that turned away a word a period starts
 * with shows here on real prose, not only on the lines above. */
static int
starts_sweep_text(const char *lit, size_t n)
{
	char *s = exact_copy(lit, n);
	cs_pstarts ps = { 0 };
	int bad = 0;
	size_t lengths = 0;
	bad += date_length_check(s, n, &lengths) != 0;
	for (size_t k = 0; k <= n; k++)
		bad += whole_differs(s, k) + whole_differs(s + k, n - k);
	/* the cells of a layout table: runs of two or more spaces or a tab
	 * between them */
	for (size_t a = 0, b = 0; a < n; a = b) {
		while (a < n && (s[a] == ' ' || s[a] == '\t'))
			a++;
		b = a;
		while (b < n && s[b] != '\t' &&
		       !(s[b] == ' ' && b + 1 < n && s[b + 1] == ' '))
			b++;
		bad += whole_differs(s + a, b - a);
	}
	period_starts(s, n, 0, &ps);
	for (size_t from = 0; from <= n; from++) {
		cs_period a, b;
		size_t aso = 0, aeo = 0, bso = 0, beo = 0;
		bool fa = period_find(s, n, from, &a, &aso, &aeo);
		bool fb = period_find_in(s, n, &ps, from, &b, &bso, &beo);
		bad += !(fa == fb && aso == bso && aeo == beo &&
		         (!fa || strcmp(a.label, b.label) == 0));
		fa = period_backwards_upto(s, n, from, n, &aso, &aeo);
		fb = period_backwards_in(s, n, &ps, from, n, &bso, &beo);
		bad += !(fa == fb && aso == bso && aeo == beo);
	}
	period_starts_free(&ps);
	free(s);
	return bad;
}

static void
test_period_starts_samples(void)
{
	static const char *const files[] = {
		"samples/reports/dashboard-sentences.txt",
		"samples/reports/grammar-forms.txt",
		"samples/reports/statistics-sentences.txt",
		"samples/reports/strategic-assessment.txt",
		"samples/reports/quarterly-update-table.txt",
		"samples/reports/dashboard-tab.txt",
	};
	int bad = 0, texts = 0, found = 0;
	for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
		FILE *fp = fopen(files[f], "r");
		if (fp == NULL) {
			perror(files[f]);
			bad++;
			continue;
		}
		char line[4096], para[16384];
		size_t pn = 0;
		bool more = true;
		while (more) {
			more = fgets(line, sizeof line, fp) != NULL;
			size_t ln = more ? strcspn(line, "\n") : 0;
			if (ln > 0) {
				bad += starts_sweep_text(line, ln);
				texts++;
				cs_period p;
				size_t so, eo;
				found += period_find(line, ln, 0, &p, &so, &eo);
				if (pn + ln + 1 < sizeof para) {
					if (pn > 0)
						para[pn++] = ' ';
					memcpy(para + pn, line, ln);
					pn += ln;
				}
				continue;
			}
			if (pn > 0) {
				bad += starts_sweep_text(para, pn);
				texts++;
			}
			pn = 0;
		}
		fclose(fp);
	}
	/* the papers were read, and have periods to find */
	CHECK(texts > 100 && found > 50);
	CHECK(bad == 0);
}

/* The first-bytes tests of period_starts and may_start (may_start_with:
 * two letters, then the third by the first two) turn away no word a
 * period starts with: each period_parse reads, after "the " in prose, in
 * lower case, as printed and in capitals, is found whole with its
 * label. */
static void
test_period_first_words(void)
{
	static const char *const forms[] = {
		"January 2019",
		"February 2019",
		"March 2019",
		"April 2019",
		"May 2019",
		"June 2019",
		"July 2019",
		"August 2019",
		"September 2019",
		"October 2019",
		"November 2019",
		"December 2019",
		"Jan-19",
		"Feb 2019",
		"Mar-19",
		"Apr 2019",
		"Jun-19",
		"Jul 2019",
		"Aug-19",
		"Sep 2019",
		"Sept 2019",
		"Oct-19",
		"Nov 2019",
		"Dec-19",
		"Feb19",
		"Q1 2023/24",
		"Quarter 1 2023/24",
		"FY2016/17",
		"financial year 2016/17",
		"calendar year 2022",
		"Year-end October 2022",
		"twelve months to March 2017",
		"three months to June 2023",
		"six months to September 2023",
		"12 months to March 2017",
		"2016/17",
	};
	char lit[96], form[64];
	int bad = 0;
	for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++)
		for (int c = 0; c < 3; c++) {
			snprintf(form, sizeof form, "%s", forms[f]);
			for (char *q = form; *q; q++)
				if (c == 0 && *q >= 'A' && *q <= 'Z')
					*q = (char)(*q + 32);
				else if (c == 2 && *q >= 'a' && *q <= 'z')
					*q = (char)(*q - 32);
			cs_period want = { 0 }, got;
			size_t so = 0, eo = 0;
			/* "SIX MONTHS TO ...": period_find's own, no label to
			 * compare */
			bool whole = period_parse(form, strlen(form), &want);
			snprintf(lit, sizeof lit, "the %s saw", form);
			bad +=
			    !period_find(lit, strlen(lit), 0, &got, &so, &eo) ||
			    so != 4 || eo != 4 + strlen(form) ||
			    (whole && strcmp(got.label, want.label) != 0);
		}
	CHECK(bad == 0);

	/* and date_prefix's (date_may_start) of the word after the day */
	static const char *const months[] = {
		"January",  "February", "March",  "April",     "May",
		"June",     "July",     "August", "September", "October",
		"November", "December", "Jan",    "Feb",       "Mar",
		"Apr",      "Jun",      "Jul",    "Aug",       "Sep",
		"Sept",     "Oct",      "Nov",    "Dec",
	};
	static const char *const days[] = { "21 ", "21st ", "21 st of ",
		                            "21TH of the " };
	bad = 0;
	for (size_t f = 0; f < sizeof months / sizeof months[0]; f++)
		for (size_t d = 0; d < sizeof days / sizeof days[0]; d++)
			for (int c = 0; c < 3; c++) {
				snprintf(lit, sizeof lit, "%s%s 2019", days[d],
				         months[f]);
				for (char *q = lit; *q; q++)
					if (c == 0 && *q >= 'A' && *q <= 'Z')
						*q = (char)(*q + 32);
					else if (c == 2 && *q >= 'a' &&
					         *q <= 'z')
						*q = (char)(*q - 32);
				cs_date dt;
				bad += date_prefix(lit, strlen(lit), &dt) !=
				           strlen(lit) ||
				       dt.d != 21 || dt.y != 2019;
			}
	CHECK(bad == 0);
}

/* length_may, period_at's quick test before a stated length, turns away
 * no place months_phrase reads one: every number of one to five digits
 * and "twelve", "three", "six" (in three cases), before each separator
 * and each word, at every byte of the text. */
static void
test_length_shapes(void)
{
	static const char *const nums[] = { "1",       "12",    "120",
		                            "1200",    "12000", "0",
		                            "twelve",  "Three", "SIX",
		                            "sixteen", "thirty" };
	static const char *const seps[] = { "",   "-",  " ", "  ",      "\t",
		                            " -", "--", ",", "\xc2\xa0" };
	static const char *const words[] = { "months",  "Month",  "MTHS",
		                             "mths",    "m",      "M",
		                             "monthly", "period", "years" };
	char lit[96];
	size_t bad = 0, found = 0;
	for (size_t a = 0; a < sizeof nums / sizeof nums[0]; a++)
		for (size_t b = 0; b < sizeof seps / sizeof seps[0]; b++)
			for (size_t c = 0; c < sizeof words / sizeof words[0];
			     c++) {
				snprintf(lit, sizeof lit,
				         "in the %s%s%s period to March 2017",
				         nums[a], seps[b], words[c]);
				WITH_EXACT(lit, s, n,
				           bad +=
				           date_length_check(s, n, &found));
			}
	/* the lengths are there to be found: 8 numbers and words, by
	 * "-", "", " ", "  " and a tab, before 4 words */
	CHECK(found >= 100);
	CHECK(bad == 0);
}

/* date_month_name, each month of a first letter compared in turn, as it
 * was before its first three letters chose the one month: the same
 * answer for every word of three letters (either case), and for each
 * month name, its first three letters with "t" (Sept), cut short or
 * made longer by a letter, in three cases. */
static int
month_ref(const char *s, size_t n)
{
	static const char *const names[12] = {
		"january",   "february", "march",    "april",
		"may",       "june",     "july",     "august",
		"september", "october",  "november", "december"
	};
	if (n < 3)
		return 0;
	for (int m = 0; m < 12; m++) {
		size_t full = strlen(names[m]), i = 0;
		if (n != 3 && n != full)
			continue;
		while (i < n &&
		       (s[i] >= 'A' && s[i] <= 'Z' ? s[i] | 32 : s[i]) ==
		           names[m][i])
			i++;
		if (i == n)
			return m + 1;
	}
	if (n == 4) {
		char l[4];
		for (int i = 0; i < 4; i++)
			l[i] = s[i] >= 'A' && s[i] <= 'Z' ? s[i] | 32 : s[i];
		if (memcmp(l, "sept", 4) == 0)
			return 9;
	}
	return 0;
}

static void
test_month_names(void)
{
	static const char *const names[12] = {
		"january",   "february", "march",    "april",
		"may",       "june",     "july",     "august",
		"september", "october",  "november", "december"
	};
	const char *abc =
	    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
	char w[16];
	int bad = 0, months = 0;
	for (int a = 0; a < 52; a++)
		for (int b = 0; b < 52; b++)
			for (int c = 0; c < 52; c++) {
				w[0] = abc[a], w[1] = abc[b], w[2] = abc[c];
				int want = month_ref(w, 3);
				char *e = exact_copy(w, 3);
				bad += date_month_name(e, 3) != want;
				free(e);
				months += want != 0;
			}
	for (int m = 0; m < 12; m++)
		for (int cs = 0; cs < 3; cs++) {
			size_t full = strlen(names[m]);
			char v[16];
			for (size_t i = 0; i < full; i++)
				v[i] = cs == 0   ? names[m][i]
				       : cs == 1 ? (char)(names[m][i] & ~32)
				       : i == 0  ? (char)(names[m][i] & ~32)
				                 : names[m][i];
			for (size_t k = 0; k <= full + 1; k++) {
				memcpy(w, v, full);
				w[full] = 's';
				if (k == 4) /* "Sept", "SEPT", "Junt" */
					w[3] = cs == 1 ? 'T' : 't';
				int want = month_ref(w, k);
				char *e = exact_copy(w, k);
				bad += date_month_name(e, k) != want;
				free(e);
				months += want != 0;
			}
		}
	/* 12 months of three letters in 8 cases, and the names */
	CHECK(months > 12 * 8);
	CHECK(bad == 0);
}

/* A quarter's label, built without snprintf, is the one snprintf made:
 * every quarter of every financial year period_shift reaches from Q1
 * 2023/24 (Q4 0000/01, January to March of year 1, to Q4 9998/99). */
static void
test_quarter_labels(void)
{
	cs_period q1;
	int bad = 0, n = 0;
	CHECK(period_parse("Q1 2023/24", 10, &q1));
	for (int y = 0; y <= 9998; y++)
		for (int q = y == 0 ? 4 : 1; q <= 4; q++) {
			cs_period p =
			    period_shift(&q1, (y - 2023) * 12 + (q - 1) * 3);
			char want[32];
			snprintf(want, sizeof want, "Q%d %04d/%02d", q, y,
			         (y + 1) % 100);
			bad += strcmp(p.label, want) != 0;
			n++;
		}
	CHECK(n == 9998 * 4 + 1 && bad == 0);
}

int
main(void)
{
	test_find();
	test_prefix_sweep();
	test_prefixes();
	test_calendar();
	test_month_names();
	test_dates();
	test_times();
	test_periods();
	test_builders();
	test_quarter_labels();
	test_label_roundtrip();
	test_period_find();
	test_period_starts();
	test_period_starts_samples();
	test_length_shapes();
	test_period_first_words();
	return unit_done();
}
