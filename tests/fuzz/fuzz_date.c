/* fuzz_date.c - date.h: dates, times, periods and their sentence prefixes
 * over arbitrary bytes, with the header's promises checked: a parsed date
 * is valid, every period label reads back to the same period, a prefix
 * stays inside the input and the 96 bytes tried, and a period found in
 * running text lies inside it. */
#define _GNU_SOURCE
#include <ctype.h>

#include "date.h"
#include "fuzz.h"

static int
date_cmp(cs_date a, cs_date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	return a.d < b.d ? -1 : a.d > b.d;
}

static void
check_period(const cs_period *p)
{
	cs_period back;
	size_t len;

	FZ_CHECK(memchr(p->label, '\0', sizeof p->label) != NULL);
	len = strlen(p->label);
	if (len == 0)
		return;
	FZ_CHECK(date_valid(p->start.y, p->start.m, p->start.d));
	FZ_CHECK(date_valid(p->end.y, p->end.m, p->end.d));
	FZ_CHECK(date_cmp(p->start, p->end) <= 0);
	/* The builders take years 1..9999; labels read back only for the
	 * years period_parse accepts (date.h: 1900-2199). */
	if (p->start.y < 1900 || p->end.y > 2199)
		return;
	FZ_CHECK(period_parse(p->label, len, &back));
	FZ_CHECK(strcmp(back.label, p->label) == 0);
	FZ_CHECK(date_cmp(back.start, p->start) == 0 &&
	         date_cmp(back.end, p->end) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	cs_date d;
	cs_period p, q;
	char iso[11];
	int t;
	size_t k;

	if (date_parse(s, size, &d)) {
		FZ_CHECK(date_valid(d.y, d.m, d.d));
		date_iso(d, iso);
		FZ_CHECK(strlen(iso) == 10);
		FZ_CHECK(date_parse(iso, 10, &d));
	}
	t = time_parse(s, size);
	FZ_CHECK(t >= -1 && t < 24 * 60);
	if (period_parse(s, size, &p)) {
		FZ_CHECK(p.label[0] != '\0');
		check_period(&p);
		/* Shift by a signed amount taken from the input. */
		q = period_shift(&p,
		                 size > 0 ? (int)(signed char)data[0] : -12);
		check_period(&q);
	}
	(void)date_month_name(s, size);
	if (size > 0 && isalnum(data[0])) {
		k = date_prefix(s, size, &d);
		FZ_CHECK(k <= size && k <= 96);
		if (k > 0)
			FZ_CHECK(date_valid(d.y, d.m, d.d));
		k = time_prefix(s, size, &t);
		FZ_CHECK(k <= size && k <= 96);
		if (k > 0)
			FZ_CHECK(t >= 0 && t < 24 * 60);
		k = period_prefix(s, size, &p);
		FZ_CHECK(k <= size && k <= 96);
		if (k > 0)
			check_period(&p);
	}
	/* Periods in running text: every span inside the input, in order,
	 * and the period one the builders could make. */
	{
		size_t so, eo, from = size > 0 ? data[0] % (size + 1) : 0;

		if (period_find(s, size, from, &p, &so, &eo)) {
			FZ_CHECK(from <= so && so < eo && eo <= size);
			check_period(&p);
		}
		if (period_find_backwards(s, size, from, &so, &eo))
			FZ_CHECK(from <= so && so < eo && eo <= size);
	}
	/* The builders with integers from the input. */
	if (size >= 6) {
		int y = 1890 + data[0] % 330, m = (signed char)data[1] % 14;
		int n = (signed char)data[2];

		p = period_month(y, m);
		check_period(&p);
		p = period_months_to(y, m, n);
		check_period(&p);
		p = period_fy(y);
		check_period(&p);
		q = period_shift(&p, (signed char)data[3] * 16);
		check_period(&q);
	}
	return 0;
}
