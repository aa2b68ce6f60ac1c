/* fuzz_num.c - num.h: every parser over arbitrary bytes, with the promises
 * the header makes checked (end within the input, printed text reads back
 * to the same value and precision, formatting always terminated). */
#define _GNU_SOURCE
#include <ctype.h>
#include <math.h>

#include "fuzz.h"
#include "num.h"

static void
check_num(const char *s, size_t n, num_status st, const cs_num *v)
{
	cs_num back;

	FZ_CHECK(st == NUM_NONE || st == NUM_OK || st == NUM_OVERFLOW);
	FZ_CHECK(memchr(v->text, '\0', sizeof v->text) != NULL);
	if (st != NUM_OK)
		return;
	FZ_CHECK(v->end <= n);
	FZ_CHECK(isfinite(v->value));
	FZ_CHECK(v->decimals >= 0 && v->decimals < 40);
	FZ_CHECK(v->text[0] != '\0');
	/* The C-locale text is itself a number with the same value. */
	FZ_CHECK(num_parse(v->text, strlen(v->text), &back) == NUM_OK);
	FZ_CHECK(back.value == v->value ||
	         fabs(back.value - v->value) <= 1e-9 * fabs(v->value));
	FZ_CHECK(back.decimals == v->decimals);
	if (v->has_of)
		FZ_CHECK(v->of > 0 && v->value > 0 &&
		         v->value <= (double)v->of);
	(void)s;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	cs_num v;
	num_status st;
	long l;
	char buf[48];

	st = num_parse(s, size, &v);
	check_num(s, size, st, &v);
	if (size > 0 &&
	    (isalnum(data[0]) || data[0] == '-' || data[0] == '(')) {
		st = num_prefix(s, size, &v);
		if (st != NUM_NONE)
			FZ_CHECK(v.end > 0 && v.end <= size);
		check_num(s, size, st, &v);
	}
	if (num_long(s, size, &l))
		FZ_CHECK(l >= 0);
	if (num_count(s, size, &l))
		FZ_CHECK(l >= 0);
	/* Format whatever double the bytes make, at every precision. */
	if (size >= sizeof(double) + 1) {
		double d;
		int dec = data[sizeof d] % 23;

		memcpy(&d, data, sizeof d);
		num_format(buf, sizeof buf, d, dec);
		FZ_CHECK(memchr(buf, '\0', sizeof buf) != NULL);
		num_format(buf, 4, d, dec);
		FZ_CHECK(memchr(buf, '\0', 4) != NULL);
	}
	return 0;
}
