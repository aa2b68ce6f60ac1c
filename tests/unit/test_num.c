/* test_num.c - lib/num: printed numbers, counts, formatting. */
#include "num.h"
#include "unit.h"
#include "exact.h"

#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>

static cs_num g;

static num_status
P(const char *lit)
{
	num_status st;
	WITH_EXACT(lit, b, n, st = num_parse(b, n, &g));
	return st;
}

static num_status
PRE(const char *lit)
{
	num_status st;
	WITH_EXACT(lit, b, n, st = num_prefix(b, n, &g));
	return st;
}

static bool
COUNT(const char *lit, long *v)
{
	bool ok;
	WITH_EXACT(lit, b, n, ok = num_count(b, n, v));
	return ok;
}

static bool
LONG(const char *lit, long *v)
{
	bool ok;
	WITH_EXACT(lit, b, n, ok = num_long(b, n, v));
	return ok;
}

static const char *
FMT(double v, int dec)
{
	static char buf[64];
	num_format(buf, sizeof buf, v, dec);
	return buf;
}

static void
test_parse_formats(void)
{
	CHECK(P("1,199") == NUM_OK && g.value == 1199 && g.decimals == 0);
	CHECK_STR(g.text, "1199");
	CHECK(!g.percent && !g.currency && !g.has_of);

	CHECK(P("-25.6%") == NUM_OK && g.value == -25.6 && g.percent);
	CHECK_STR(g.text, "-25.6");
	CHECK(g.decimals == 1);

	CHECK(P("+ 50%") == NUM_OK && g.value == 50 && g.percent);
	CHECK_STR(g.text, "50");

	CHECK(P("£139,937") == NUM_OK && g.value == 139937 && g.currency);
	CHECK_STR(g.text, "139937");
	CHECK(P("$12.50") == NUM_OK && g.currency && g.decimals == 2);
	CHECK_STR(g.text, "12.50");
	CHECK(P("-£5") == NUM_OK && g.value == -5 && g.currency);
	CHECK(P("£-5") == NUM_OK && g.value == -5 && g.currency);

	CHECK(P("Down 14.8%") == NUM_OK && g.value == -14.8 && g.percent);
	CHECK_STR(g.text, "-14.8");
	CHECK(P("down 14.8%") == NUM_OK && g.value == -14.8);
	CHECK(P("Up 3%") == NUM_OK && g.value == 3 && g.percent);
	CHECK_STR(g.text, "3");
	CHECK(P("UP 3%") == NUM_OK && g.value == 3);
	CHECK(P("Down -14.8%") == NUM_OK && g.value == -14.8);
	CHECK(P("Down +14.8%") == NUM_NONE); /* contradicts itself */
	CHECK(P("Downtown 3") == NUM_NONE);
	CHECK(P("Up3%") == NUM_NONE);

	CHECK(P("↑50%") == NUM_OK && g.value == 50 && g.percent);
	CHECK(P("↓2.1%") == NUM_OK && g.value == -2.1 && g.percent);
	CHECK_STR(g.text, "-2.1");
	CHECK(P("↓ 2.1%") == NUM_OK && g.value == -2.1);

	CHECK(P("15/32") == NUM_OK && g.value == 15 && g.has_of && g.of == 32);
	CHECK_STR(g.text, "15");
	CHECK(P("15 / 32") == NUM_OK && g.has_of && g.of == 32);
	CHECK(P("32/32") == NUM_OK && g.has_of && g.of == 32);
	CHECK(P("2016/17") == NUM_NONE);    /* a financial year, not a rank */
	CHECK(P("28/02/2019") == NUM_NONE); /* a date */
	CHECK(P("15/0") == NUM_NONE);

	CHECK(P("0.4") == NUM_OK && g.value == 0.4 && g.decimals == 1);
	CHECK_STR(g.text, "0.4");
	CHECK(P(".5") == NUM_OK && g.value == 0.5);
	CHECK_STR(g.text, "0.5");
	CHECK(P("-15.0") == NUM_OK && g.value == -15.0 && g.decimals == 1);
	CHECK_STR(g.text, "-15.0");
	CHECK(P("-0.0%") == NUM_OK && g.value == 0 && !signbit(g.value));
	CHECK_STR(g.text, "0.0");
	CHECK(P("007") == NUM_OK && g.value == 7);
	CHECK_STR(g.text, "7");
	/* Plain figures (num.c: plain_number) as every other path reads
	 * them: groups, a decimal part, zeros, the end of what is kept. */
	CHECK(P("1,234.50") == NUM_OK && g.value == 1234.5 && g.decimals == 2);
	CHECK_STR(g.text, "1234.50");
	CHECK(g.end == 8 && !g.percent && !g.currency && !g.has_of);
	CHECK(P("0.00") == NUM_OK && g.value == 0 && !signbit(g.value));
	CHECK_STR(g.text, "0.00");
	CHECK(P("0") == NUM_OK && g.value == 0 && g.decimals == 0);
	CHECK_STR(g.text, "0");
	CHECK(P("123456789012345") == NUM_OK && g.value == 123456789012345.0);
	CHECK_STR(g.text, "123456789012345");
	CHECK(P("1234567890123456") == NUM_OVERFLOW);
	CHECK(P("1234,567") == NUM_NONE);
	CHECK(P("1,2345") == NUM_NONE);
	CHECK(P("12.") == NUM_NONE);
	CHECK(P("0.0000000000000000000001") == NUM_OK && g.decimals == 22);
	CHECK_STR(g.text, "0.0000000000000000000001");
	CHECK(P("0.00000000000000000000001") == NUM_OVERFLOW);

	/* Minus signs as typeset. */
	CHECK(P("\xe2\x88\x92"
	        "3.5") == NUM_OK &&
	      g.value == -3.5); /* U+2212 */
	CHECK_STR(g.text, "-3.5");
	CHECK(P("\xe2\x80\x93"
	        "7%") == NUM_OK &&
	      g.value == -7 && g.percent); /* en dash */
	CHECK(P("\xe2\x80\x94"
	        "7") == NUM_NONE); /* em dash: not a sign */

	/* Accounts brackets: bare amounts negative, signed/percent keep sign. */
	CHECK(P("(12)") == NUM_OK && g.value == -12);
	CHECK_STR(g.text, "-12");
	CHECK(P("(£1,200)") == NUM_OK && g.value == -1200 && g.currency);
	CHECK(P("(5%)") == NUM_OK && g.value == 5 && g.percent);
	CHECK(P("(+5%)") == NUM_OK && g.value == 5);
	CHECK(P("(-5%)") == NUM_OK && g.value == -5);
	CHECK(P("(12") == NUM_NONE);
	CHECK(P("12)") == NUM_NONE);

	/* Spaces (ASCII, NBSP) around a cell, "%" spelled out. */
	CHECK(P("  17\t") == NUM_OK && g.value == 17);
	CHECK(P("\xc2\xa0"
	        "17"
	        "\xc2\xa0") == NUM_OK &&
	      g.value == 17);
	CHECK(P("12 %") == NUM_OK && g.percent && g.value == 12);
	CHECK(P("12 per cent") == NUM_OK && g.percent);
	CHECK(P("12 percent") == NUM_OK && g.percent);
	CHECK(P("12 per centre") == NUM_NONE);

	/* Exponents (data files) within what is exact. */
	CHECK(P("1.5e3") == NUM_OK && g.value == 1500 && g.decimals == 0);
	CHECK(P("2E-3") == NUM_OK && g.value == 0.002 && g.decimals == 3);
	CHECK_STR(g.text, "0.002");
}

static void
test_parse_footnotes(void)
{
	CHECK(P("19.6%12") == NUM_OK && g.value == 19.6 && g.percent);
	CHECK_STR(g.text, "19.6");
	CHECK(P("19.6%1 ") == NUM_OK && g.value == 19.6);
	CHECK(P("42*") == NUM_OK && g.value == 42);
	CHECK(P("42**") == NUM_OK && g.value == 42);
	CHECK(P("42\xc2\xb9") == NUM_OK && g.value == 42);     /* ¹ */
	CHECK(P("42\xe2\x81\xb4") == NUM_OK && g.value == 42); /* ⁴ */
	CHECK(P("42\xe2\x80\xa0") == NUM_OK && g.value == 42); /* † */
	CHECK(P("MOPAC74") == NUM_NONE);
	CHECK(P("74MOPAC") == NUM_NONE);
	CHECK(P("19.6%12a") == NUM_NONE);
}

static void
test_parse_malformed(void)
{
	CHECK(P("") == NUM_NONE);
	CHECK(P("   ") == NUM_NONE);
	CHECK(P("-") == NUM_NONE);
	CHECK(P("+") == NUM_NONE);
	CHECK(P("%") == NUM_NONE);
	CHECK(P("£") == NUM_NONE);
	CHECK(P(".") == NUM_NONE);
	CHECK(P("abc") == NUM_NONE);
	CHECK(P("12abc") == NUM_NONE);
	CHECK(P("1,23,4") == NUM_NONE);
	CHECK(P("1,2345") == NUM_NONE);
	CHECK(P("1.2.3") == NUM_NONE);
	CHECK(P("12.") == NUM_NONE);
	CHECK(P("--5") == NUM_NONE);
	CHECK(P("1e") == NUM_NONE);
	CHECK(P("n/a") == NUM_NONE);
	CHECK(P("\xe2\x80\x93") == NUM_NONE); /* a lone dash: "nil" */
	CHECK(g.value == 0 && g.text[0] == '\0');

	/* Overflow: beyond 15 significant digits, or an absurd exponent. */
	CHECK(P("123456789012345678901234567890") == NUM_OVERFLOW);
	CHECK(P("1e400") == NUM_OVERFLOW);
	CHECK(P("1e-400") == NUM_OVERFLOW);
	CHECK(P("1e99999999999999999999") == NUM_OVERFLOW);
	CHECK(P("1234567890123456") == NUM_OVERFLOW);
	CHECK(P("999,999,999,999,999") == NUM_OK &&
	      g.value == 999999999999999.0);
	CHECK(P("123456789012345678901234567890x") == NUM_NONE);
	CHECK(P("0.00000000000000000000001") == NUM_OVERFLOW); /* 23 decimals */

	/* n is honoured: the bytes after n are digits that must not be read. */
	cs_num o;
	CHECK(num_parse("12345", 2, &o) == NUM_OK && o.value == 12);
	CHECK(num_parse("19.6%12", 5, &o) == NUM_OK && o.value == 19.6 &&
	      o.percent);
	CHECK(num_parse("1,199", 3, &o) == NUM_NONE); /* "1,1" */
	CHECK(num_parse("15/32", 4, &o) == NUM_NONE); /* "15/3": 3 < 15 */
	CHECK(num_parse("7", 0, &o) == NUM_NONE);
}

static void
test_prefix(void)
{
	CHECK(PRE("74 offences") == NUM_OK && g.value == 74 && g.end == 2);
	CHECK(PRE("19.6%12") == NUM_OK && g.value == 19.6 && g.end == 5);
	CHECK(PRE("1,199 crimes") == NUM_OK && g.end == 5 && g.value == 1199);
	CHECK(PRE("1,2,3") == NUM_OK && g.value == 1 && g.end == 1);
	CHECK(PRE("15/32 boroughs") == NUM_OK && g.has_of && g.of == 32 &&
	      g.end == 5);
	CHECK(PRE("28/02/2019") == NUM_OK && !g.has_of && g.value == 28 &&
	      g.end == 2);
	CHECK(PRE("2016/17") == NUM_OK && !g.has_of && g.end == 4);
	CHECK(PRE("12. Next") == NUM_OK && g.end == 2);
	CHECK(PRE("50 per cent of") == NUM_OK && g.percent && g.end == 11);
	CHECK(PRE("3em") == NUM_OK && g.value == 3 && g.end == 1);
	CHECK(PRE(" 74") == NUM_NONE); /* exactly at s: no leading space */
	CHECK(PRE("MOPAC74") == NUM_NONE);
	CHECK(PRE("") == NUM_NONE);
	CHECK(PRE("99999999999999999999 x") == NUM_OVERFLOW && g.end == 20);
}

static void
test_count_long(void)
{
	long v = -1;
	CHECK(COUNT("1,234", &v) && v == 1234);
	CHECK(COUNT(" 17 ", &v) && v == 17);
	CHECK(COUNT("\t0\t", &v) && v == 0);
	CHECK(COUNT("1234567", &v) && v == 1234567);
	CHECK(COUNT("1,234,567", &v) && v == 1234567);
	v = -1;
	CHECK(!COUNT("1,23,4", &v) && v == -1);
	CHECK(!COUNT("12,34", &v));
	CHECK(!COUNT("1234,567", &v));
	CHECK(!COUNT("1,234,", &v));
	CHECK(!COUNT(",123", &v));
	CHECK(!COUNT("1,2345", &v));
	CHECK(!COUNT("", &v));
	CHECK(!COUNT("   ", &v));
	CHECK(!COUNT("-3", &v));
	CHECK(!COUNT("3.0", &v));
	CHECK(!COUNT("1 234", &v));
	CHECK(!COUNT("12a", &v));
	CHECK(!COUNT("123456789012345678901234567890", &v));
	CHECK(!COUNT("9,223,372,036,854,775,808", &v));
	CHECK(COUNT("9,223,372,036,854,775,807", &v) &&
	      v == 9223372036854775807L);
	CHECK(num_count("1,2345", 5, &v) && v == 1234); /* n honoured */

	CHECK(LONG("201902", &v) && v == 201902);
	CHECK(LONG("07", &v) && v == 7);
	CHECK(!LONG("", &v));
	CHECK(!LONG(" 7", &v));
	CHECK(!LONG("-7", &v));
	CHECK(!LONG("7a", &v));
	CHECK(!LONG("123456789012345678901234567890", &v));
	CHECK(!LONG("9223372036854775808", &v));
	CHECK(LONG("9223372036854775807", &v) && v == 9223372036854775807L);
	CHECK(num_long("2019021", 6, &v) && v == 201902);
	CHECK(!num_long("7", 0, &v));
}

static void
test_format(void)
{
	CHECK_STR(FMT(-15.0, 1), "-15.0");
	CHECK_STR(FMT(1199, 0), "1199");
	CHECK_STR(FMT(0.4, 1), "0.4");
	CHECK_STR(FMT(-0.0, 1), "0.0");
	CHECK_STR(FMT(-0.04, 1), "0.0"); /* rounds to zero: no "-0.0" */
	CHECK_STR(FMT(-0.4, 0), "0");
	CHECK_STR(FMT(0.125, 2), "0.13"); /* half away from zero */
	CHECK_STR(FMT(-2.5, 0), "-3");
	CHECK_STR(FMT(0.002, 3), "0.002");
	CHECK_STR(FMT(12.3456, 2), "12.35");
	CHECK_STR(FMT(5, -1), "5");
	/* the digits written by hand: zero, every digit, the largest
	 * integer path (below 9e15) */
	CHECK_STR(FMT(0, 0), "0");
	CHECK_STR(FMT(0, 2), "0.00");
	CHECK_STR(FMT(1234567890, 0), "1234567890");
	CHECK_STR(FMT(-9876.5, 1), "-9876.5");
	CHECK_STR(FMT(8999999999999998.0, 0), "8999999999999998");
	CHECK_STR(FMT(0.05, 3), "0.050");
	CHECK_STR(FMT(1e20, 0), "100000000000000000000");
	CHECK_STR(FMT(-1e20, 1), "-100000000000000000000.0");
	CHECK_STR(FMT(NAN, 1), "nan");
	CHECK_STR(FMT(INFINITY, 1), "inf");
	CHECK_STR(FMT(-INFINITY, 1), "-inf");
	char small[4];
	num_format(small, sizeof small, 12345, 0);
	CHECK_STR(small, "123"); /* truncated, still terminated */

	/* num_format_long writes what snprintf "%ld" writes, for every long
	 * (LONG_MIN has no positive), cut as snprintf cuts. */
	{
		static const long longs[] = {
			0,          7,        -1,       10,          -10,
			1234567890, LONG_MAX, LONG_MIN, LONG_MIN + 1
		};
		char got[32], want[32];
		int bad = 0;

		for (size_t i = 0; i < sizeof longs / sizeof longs[0]; i++) {
			size_t n = num_format_long(got, sizeof got, longs[i]);
			int k = snprintf(want, sizeof want, "%ld", longs[i]);

			bad += strcmp(got, want) != 0 || n != (size_t)k;
		}
		for (long v = -1200; v <= 1200; v += 7) {
			num_format_long(got, sizeof got, v);
			snprintf(want, sizeof want, "%ld", v);
			bad += strcmp(got, want) != 0;
		}
		CHECK(bad == 0);
		CHECK(num_format_long(small, sizeof small, -12345) == 3);
		CHECK_STR(small, "-12");
		CHECK(num_format_long(small, 1, 5) == 0 && small[0] == '\0');
	}

	/* A locale with a decimal comma must not leak in, if one is installed. */
	if (setlocale(LC_NUMERIC, "de_DE.UTF-8") ||
	    setlocale(LC_NUMERIC, "fr_FR.UTF-8")) {
		CHECK_STR(FMT(1e20, 1), "100000000000000000000.0");
		CHECK_STR(FMT(2.5, 1), "2.5");
		CHECK(P("2.5") == NUM_OK && g.value == 2.5);
		setlocale(LC_NUMERIC, "C");
	}
}

/* Every prefix of every sample, in a block of exactly that size: no read
 * past n (ASan), and whatever parses prints back to the same value. */
static int sweep_parsed, sweep_bad;

static void
sweep_one(const char *b, size_t n)
{
	cs_num a, c;
	long v;
	num_status st = num_parse(b, n, &a);
	(void)num_prefix(b, n, &c);
	(void)num_count(b, n, &v);
	(void)num_long(b, n, &v);
	if (st == NUM_OK) {
		cs_num r;
		sweep_parsed++;
		if (num_parse(a.text, strlen(a.text), &r) != NUM_OK ||
		    r.value != a.value || strcmp(r.text, a.text) != 0)
			sweep_bad++;
	}
}

static void
test_prefix_sweep(void)
{
	static const char *const samples[] = {
		"1,199",
		"-25.6%",
		"+ 50%",
		"£139,937",
		"Down 14.8%",
		"Up 3%",
		"↑50%",
		"↓2.1%",
		"15/32",
		"0.4",
		"(12)",
		"-15.0",
		"19.6%12",
		"\xe2\x88\x92"
		"3.5",
		"1e400",
		"12 per cent",
		"(£1,200)",
		"42\xc2\xb9",
		"1.5e-3",
		" 17 \xc2\xa0",
	};
	exact_sweep(samples, sizeof samples / sizeof samples[0], sweep_one);
	CHECK(sweep_parsed > 40);
	CHECK(sweep_bad == 0);
}

/* A plain figure's text is written from its digits (plain_number), not
 * from its value: it must be num_format's of the value, for every length
 * up to 15 significant digits, every place of the point, leading and
 * trailing zeros, grouped or not. */
static void
test_plain_text(void)
{
	static const char *const digits[] = { "0",
		                              "7",
		                              "10",
		                              "100",
		                              "999",
		                              "1000",
		                              "12345",
		                              "100000000000000",
		                              "999999999999999",
		                              "123456789012345",
		                              "000123",
		                              "5000000",
		                              "314159265358979" };
	int bad = 0, n = 0;
	for (size_t k = 0; k < sizeof digits / sizeof digits[0]; k++) {
		size_t len = strlen(digits[k]);
		for (size_t p = 0; p < len; p++) {
			char s[40], want[64];
			/* the point after p + 1 digits ("1.2345"), or none */
			size_t t = 0;
			for (size_t i = 0; i < len; i++) {
				s[t++] = digits[k][i];
				if (i == p && i + 1 < len)
					s[t++] = '.';
			}
			s[t] = '\0';
			cs_num v;
			if (num_parse(s, t, &v) != NUM_OK) {
				bad++;
				continue;
			}
			num_format(want, sizeof want, v.value, v.decimals);
			n++;
			bad += strcmp(v.text, want) != 0;
		}
	}
	CHECK(n > 90 && bad == 0);
	cs_num v;
	CHECK(num_parse("1,234,567.50", 12, &v) == NUM_OK &&
	      !strcmp(v.text, "1234567.50"));
	CHECK(num_parse("0.05", 4, &v) == NUM_OK && !strcmp(v.text, "0.05"));
}

int
main(void)
{
	test_plain_text();
	test_prefix_sweep();
	test_parse_formats();
	test_parse_footnotes();
	test_parse_malformed();
	test_prefix();
	test_count_long();
	test_format();
	return unit_done();
}
