/* num.c - numbers as printed in reports and data files.
 *
 * Everything here is done by hand on bytes: no strtod/strtol and no
 * printf("%f") on the main path, so the result never depends on the
 * locale (LC_NUMERIC could make ',' the decimal point).  Every scan is
 * bounded by n; no input is ever read past n or required to end in NUL.
 */
#include "num.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Doubles hold every integer up to 2^53 exactly, so 15 significant digits
 * are always exact; more is reported as NUM_OVERFLOW rather than rounded. */
#define NUM_MAX_SIG 15
/* 10^0..10^22 are exact doubles: M / 10^k is then correctly rounded. */
#define NUM_MAX_POW 22

static const double pow10_exact[NUM_MAX_POW + 1] = {
	1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

static bool
is_digit(const char *s, size_t n, size_t i)
{
	return i < n && s[i] >= '0' && s[i] <= '9';
}

/* Byte-exact literal at s[i..]. */
static bool
at(const char *s, size_t n, size_t i, const char *lit)
{
	size_t k = strlen(lit);
	return i <= n && n - i >= k && memcmp(s + i, lit, k) == 0;
}

/* ASCII case-insensitive literal (lit in lower case) at s[i..]. */
static bool
at_ci(const char *s, size_t n, size_t i, const char *lit)
{
	size_t k = strlen(lit);
	if (i > n || n - i < k)
		return false;
	for (size_t j = 0; j < k; j++) {
		char c = s[i + j];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != lit[j])
			return false;
	}
	return true;
}

static bool
is_alpha(const char *s, size_t n, size_t i)
{
	return i < n &&
	       ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'));
}

/* Width of a space at s[i]: ASCII space/tab, NBSP, thin and narrow NBSP
 * (PDF text extraction produces all of them); 0 when none. */
static size_t
space_width(const char *s, size_t n, size_t i)
{
	if (i < n && (s[i] == ' ' || s[i] == '\t'))
		return 1;
	if (at(s, n, i, "\xc2\xa0"))
		return 2;
	if (at(s, n, i, "\xe2\x80\x89") || at(s, n, i, "\xe2\x80\xaf"))
		return 3;
	return 0;
}

static size_t
skip_spaces(const char *s, size_t n, size_t i)
{
	size_t w;
	while ((w = space_width(s, n, i)) != 0)
		i += w;
	return i;
}

/* A minus sign: '-', U+2212 MINUS SIGN, U+2013 EN DASH (typeset minus). */
static size_t
minus_width(const char *s, size_t n, size_t i)
{
	if (i < n && s[i] == '-')
		return 1;
	if (at(s, n, i, "\xe2\x88\x92") || at(s, n, i, "\xe2\x80\x93"))
		return 3;
	return 0;
}

static size_t
currency_width(const char *s, size_t n, size_t i)
{
	if (i < n && s[i] == '$')
		return 1;
	if (at(s, n, i, "\xc2\xa3"))
		return 2;
	return 0;
}

/* A footnote marker after a number: '*', '†', or superscript digits. */
static size_t
footnote_width(const char *s, size_t n, size_t i)
{
	if (i < n && s[i] == '*')
		return 1;
	if (at(s, n, i, "\xc2\xb9") || at(s, n, i, "\xc2\xb2") ||
	    at(s, n, i, "\xc2\xb3"))
		return 2;
	if (at(s, n, i, "\xe2\x80\xa0"))
		return 3;
	/* U+2070, U+2074..U+2079: E2 81 B0, E2 81 B4..B9 */
	if (at(s, n, i, "\xe2\x81") && n - i >= 3) {
		unsigned char c = (unsigned char)s[i + 2];
		if (c == 0xb0 || (c >= 0xb4 && c <= 0xb9))
			return 3;
	}
	return 0;
}

/* Digits of the mantissa, commas and point removed. */
typedef struct {
	uint64_t m;   /* significant digits as an integer */
	int sig;      /* significant digits seen (leading zeros excluded) */
	int decimals; /* digits after the point */
	int ndigits;  /* all digits seen */
} mantissa;

static void
mant_add(mantissa *mt, char c)
{
	mt->ndigits++;
	if (mt->sig == 0 && c == '0')
		return;
	mt->sig++;
	if (mt->sig <= NUM_MAX_SIG)
		mt->m = mt->m * 10 + (uint64_t)(c - '0');
}

/* Length of the run of digits at s[i..]. */
static size_t
digit_run(const char *s, size_t n, size_t i)
{
	size_t k = 0;
	while (is_digit(s, n, i + k))
		k++;
	return k;
}

/* Integer part with optional thousands commas ("1,199"); a comma counts
 * only when exactly three digits follow it and a lead group of 1-3 digits
 * came before, so "1,2,3" stops at "1" and "12345,678" at "12345". */
static size_t
scan_int(const char *s, size_t n, size_t i, mantissa *mt)
{
	size_t lead = digit_run(s, n, i);
	for (size_t k = 0; k < lead; k++)
		mant_add(mt, s[i + k]);
	i += lead;
	if (lead == 0 || lead > 3)
		return i;
	while (i < n && s[i] == ',' && digit_run(s, n, i + 1) == 3) {
		for (size_t k = 1; k <= 3; k++)
			mant_add(mt, s[i + k]);
		i += 4;
	}
	return i;
}

/* The digits of a number: its integer part (scan_int) and a decimal
 * part when a digit follows the point ("12.5"; "12." stops at "12"). */
static size_t
scan_digits(const char *s, size_t n, size_t i, mantissa *mt)
{
	i = scan_int(s, n, i, mt);
	if (i < n && s[i] == '.' && is_digit(s, n, i + 1)) {
		i++;
		while (is_digit(s, n, i)) {
			mant_add(mt, s[i]);
			mt->decimals++;
			i++;
		}
	}
	return i;
}

/* Optional exponent "e400", "E-3"; returns the new index, sets *e. */
static size_t
scan_exp(const char *s, size_t n, size_t i, long *e)
{
	if (i >= n || (s[i] != 'e' && s[i] != 'E'))
		return i;
	size_t j = i + 1;
	int sign = 1;
	if (j < n && (s[j] == '+' || s[j] == '-')) {
		sign = s[j] == '-' ? -1 : 1;
		j++;
	}
	if (!is_digit(s, n, j))
		return i;
	long v = 0;
	while (is_digit(s, n, j)) {
		if (v < 100000) /* far beyond any double; stop growing */
			v = v * 10 + (s[j] - '0');
		j++;
	}
	*e = sign * v;
	return j;
}

/* "%", " %", "per cent", "percent" after a number. */
static size_t
scan_percent(const char *s, size_t n, size_t i, bool *pct)
{
	size_t j = skip_spaces(s, n, i);
	if (j < n && s[j] == '%') {
		*pct = true;
		return j + 1;
	}
	if (j <= i + 1) {
		size_t w = 0;
		if (at_ci(s, n, j, "per cent"))
			w = 8;
		else if (at_ci(s, n, j, "percent"))
			w = 7;
		if (w && !is_alpha(s, n, j + w)) {
			*pct = true;
			return j + w;
		}
	}
	return i;
}

/* "/32" after a plain count: value of a denominator.  Only when the
 * denominator is at least the count, so "2016/17" is not "2016 of 17",
 * and not when another '/' or digit-ish follows ("28/02/2019"). */
static size_t
scan_of(const char *s, size_t n, size_t i, long value, long *of)
{
	size_t j = skip_spaces(s, n, i);
	if (j >= n || s[j] != '/')
		return i;
	j = skip_spaces(s, n, j + 1);
	size_t k = digit_run(s, n, j);
	if (k == 0 || k > NUM_MAX_SIG)
		return i;
	if (j + k < n &&
	    (s[j + k] == '/' || s[j + k] == '.' || s[j + k] == ','))
		return i;
	long d = 0;
	for (size_t t = 0; t < k; t++)
		d = d * 10 + (s[j + t] - '0');
	/* num.h: a rank is 0 < a <= b ("0/32" is no rank). */
	if (d == 0 || value <= 0 || d < value)
		return i;
	*of = d;
	return j + k;
}

/* Sign words and arrows: "Down 14.8%", "Up 3%", "↑50%", "↓2.1%". */
static size_t
scan_direction(const char *s, size_t n, size_t i, int *dir)
{
	static const struct {
		const char *word;
		int dir;
	} words[] = {
		{ "down", -1 },
		{ "up", +1 },
	};
	for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
		size_t k = strlen(words[w].word);
		if (at_ci(s, n, i, words[w].word) && space_width(s, n, i + k)) {
			*dir = words[w].dir;
			return skip_spaces(s, n, i + k);
		}
	}
	if (at(s, n, i, "\xe2\x86\x91")) { /* U+2191 upwards arrow */
		*dir = +1;
		return skip_spaces(s, n, i + 3);
	}
	if (at(s, n, i, "\xe2\x86\x93")) { /* U+2193 downwards arrow */
		*dir = -1;
		return skip_spaces(s, n, i + 3);
	}
	return i;
}

/* The number proper, from s[i]: [direction][sign][currency][sign] digits
 * [.digits][exponent][%][/of], optionally inside accounts brackets.
 * Sets out (except end) and returns the end index, or 0 with *st NONE. */
static size_t
scan_number(const char *s, size_t n, size_t i, cs_num *out, num_status *st)
{
	memset(out, 0, sizeof *out);
	*st = NUM_NONE;

	bool bracket = false;
	if (i < n && s[i] == '(') {
		bracket = true;
		i++;
	}
	int dir = 0, sign = 0;
	i = scan_direction(s, n, i, &dir);
	size_t w;
	if ((w = currency_width(s, n, i)) != 0) {
		out->currency = true;
		i += w;
	}
	if (i < n && s[i] == '+') {
		sign = +1;
		i = skip_spaces(s, n, i + 1);
	} else if ((w = minus_width(s, n, i)) != 0) {
		sign = -1;
		i = skip_spaces(s, n, i + w);
	}
	if (dir && sign && dir != sign)
		return 0; /* "Down +3%" contradicts itself */
	if (!out->currency && (w = currency_width(s, n, i)) != 0) {
		out->currency = true;
		i += w;
	}

	mantissa mt = { 0, 0, 0, 0 };
	i = scan_digits(s, n, i, &mt);
	if (mt.ndigits == 0)
		return 0;
	long e = 0;
	bool has_exp = false;
	size_t after = scan_exp(s, n, i, &e);
	if (after != i) {
		has_exp = true;
		i = after;
	}
	i = scan_percent(s, n, i, &out->percent);

	int neg = (dir < 0 || sign < 0);
	if (bracket) {
		if (i >= n || s[i] != ')')
			return 0;
		i++;
		/* Accounts style: a bare bracketed amount is negative; a signed
		 * or percent figure in brackets keeps its own sign. */
		if (!sign && !dir && !out->percent)
			neg = 1;
	}

	/* Value: M * 10^(e - decimals), exact where the header promises. */
	long scale = has_exp ? e - mt.decimals : -(long)mt.decimals;
	bool overflow = mt.sig > NUM_MAX_SIG;
	double v = 0;
	int dec = 0;
	if (!overflow && mt.m != 0) {
		if (scale >= 0) {
			if (mt.sig + scale > NUM_MAX_SIG)
				overflow = true;
			else
				v = (double)mt.m * pow10_exact[scale];
		} else if (-scale > NUM_MAX_POW) {
			overflow = true;
		} else {
			v = (double)mt.m / pow10_exact[-scale];
			dec = (int)-scale;
		}
	} else if (!overflow) {
		dec = scale < 0
		          ? (int)(-scale > NUM_MAX_POW ? NUM_MAX_POW : -scale)
		          : 0;
	}
	if (overflow) {
		*st = NUM_OVERFLOW;
		out->end = i;
		return i;
	}
	if (neg && v != 0)
		v = -v;
	out->value = v;
	out->decimals = dec;

	if (!out->percent && !out->currency && !sign && !dir && !bracket &&
	    !has_exp && mt.decimals == 0)
		i = scan_of(s, n, i, (long)v, &out->of);
	out->has_of = out->of != 0;

	num_format(out->text, sizeof out->text, v, dec);
	*st = NUM_OK;
	return i;
}

num_status
num_prefix(const char *s, size_t n, cs_num *out)
{
	num_status st;
	size_t end = scan_number(s, n, 0, out, &st);
	if (st == NUM_NONE)
		memset(out, 0, sizeof *out);
	else
		out->end = end;
	return st;
}

/* A plain figure and nothing else: digits with thousands groups and a
 * decimal part ("1,234", "12.5"), what the text mode's figure pattern
 * hands num_parse.  The same value and text as scan_number, without its
 * look for brackets, words, signs, currency, exponent, percent and "/of"
 * first: 657.7M to 653.9M instructions per MB of report text.  False
 * (nothing set) for anything else, and for what would overflow. */
static size_t format_u(char *buf, size_t size, uint64_t u, bool neg,
                       int decimals);

static bool
plain_number(const char *s, size_t n, cs_num *out)
{
	if (n == 0 || s[0] < '0' || s[0] > '9')
		return false;
	mantissa mt = { 0, 0, 0, 0 };
	size_t i = scan_digits(s, n, 0, &mt);
	if (i != n || mt.sig > NUM_MAX_SIG || mt.decimals > NUM_MAX_POW)
		return false;
	memset(out, 0, sizeof *out);
	out->value = mt.m == 0 ? 0 : (double)mt.m / pow10_exact[mt.decimals];
	out->decimals = mt.decimals;
	/* num_format's text without its double: of at most 15 significant
	 * digits, m / 10^d * 10^d rounds back to m (its error is below
	 * 0.25), so num_format's llround gives m itself: 486.7M to 486.3M
	 * instructions per MB, normalise-crime text mode */
	format_u(out->text, sizeof out->text, mt.m, false, mt.decimals);
	out->end = n;
	return true;
}

num_status
num_parse(const char *s, size_t n, cs_num *out)
{
	num_status st;
	if (plain_number(s, n, out))
		return NUM_OK;
	size_t i = skip_spaces(s, n, 0);
	size_t end = scan_number(s, n, i, out, &st);
	if (st == NUM_NONE)
		goto none;
	i = end;
	/* Footnote digits glued to '%' ("19.6%12"), and markers anywhere. */
	if (out->percent && i > 0 && s[i - 1] == '%')
		i += digit_run(s, n, i);
	size_t w;
	while ((w = footnote_width(s, n, i)) != 0)
		i += w;
	i = skip_spaces(s, n, i);
	if (i != n)
		goto none;
	out->end = n;
	return st;
none:
	memset(out, 0, sizeof *out);
	return NUM_NONE;
}

/* v = v * 10 + the digit c; false when c is not a digit or v would pass
 * LONG_MAX. */
static bool
add_digit(long *v, char c)
{
	int d = c - '0';

	if (c < '0' || c > '9' || *v > (LONG_MAX - d) / 10)
		return false;
	*v = *v * 10 + d;
	return true;
}

bool
num_long(const char *s, size_t n, long *out)
{
	if (n == 0)
		return false;
	long v = 0;
	for (size_t i = 0; i < n; i++)
		if (!add_digit(&v, s[i]))
			return false;
	*out = v;
	return true;
}

/* Strict UK grouping: a lead group of 1-3 digits, then ",ddd" groups;
 * "1,23,4" and "12,34" are false rather than guessed at, because a count
 * that does not look like a count is a data error the tool should report. */
bool
num_count(const char *s, size_t n, long *out)
{
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	while (n > i && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (i == n)
		return false;
	size_t lead = digit_run(s, n, i);
	if (lead == 0)
		return false;
	bool commas = i + lead < n && s[i + lead] == ',';
	if (commas && lead > 3)
		return false;
	long v = 0;
	for (; i < n; i++) {
		if (s[i] == ',') {
			/* commas only between full groups of three */
			if (!commas || digit_run(s, n, i + 1) != 3 ||
			    (i + 4 < n && s[i + 4] != ','))
				return false;
			continue;
		}
		if (!add_digit(&v, s[i]))
			return false;
	}
	*out = v;
	return true;
}

/* u / 10^decimals written with its decimals ("1234", 2: "12.34"), '-'
 * first when neg and u is not 0; cut at size - 1 bytes as snprintf cuts;
 * the length written.  The digits by hand, not snprintf("%llu") and "%s":
 * the text mode formats every figure it reads, 705.7M to 693.6M
 * instructions per MB of report text. */
static size_t
format_u(char *buf, size_t size, uint64_t u, bool neg, int decimals)
{
	/* "00" to "99": the whole part two digits a division (format_u
	 * 0.82M to 0.48M instructions on slice-s3, 9,423 numbers) */
	static const char pairs[] = "00010203040506070809"
	                            "10111213141516171819"
	                            "20212223242526272829"
	                            "30313233343536373839"
	                            "40414243444546474849"
	                            "50515253545556575859"
	                            "60616263646566676869"
	                            "70717273747576777879"
	                            "80818283848586878889"
	                            "90919293949596979899";
	/* from the right, into the end of tmp: at most 20 digits, the
	 * point, NUM_MAX_POW zeros before them and the sign */
	char tmp[64], *end = tmp + sizeof tmp, *p = end;
	uint64_t r = u;
	size_t t;

	for (int k = 0; k < decimals; k++) {
		*--p = (char)('0' + r % 10);
		r /= 10;
	}
	if (decimals > 0)
		*--p = '.';
	while (r >= 100) {
		p -= 2;
		memcpy(p, pairs + 2 * (r % 100), 2);
		r /= 100;
	}
	if (r >= 10) {
		p -= 2;
		memcpy(p, pairs + 2 * r, 2);
	} else {
		*--p = (char)('0' + r);
	}
	if (neg && u != 0)
		*--p = '-';
	t = (size_t)(end - p);
	if (t >= size)
		t = size - 1; /* truncated as snprintf would */
	memcpy(buf, p, t);
	buf[t] = '\0';
	return t;
}

size_t
num_format_long(char *buf, size_t size, long v)
{
	if (size == 0)
		return 0;
	/* the magnitude in unsigned arithmetic: LONG_MIN has no positive */
	return format_u(buf, size, v < 0 ? 0 - (uint64_t)v : (uint64_t)v, v < 0,
	                0);
}

void
num_format(char *buf, size_t size, double v, int decimals)
{
	if (size == 0)
		return;
	if (decimals < 0)
		decimals = 0;
	if (decimals > NUM_MAX_POW)
		decimals = NUM_MAX_POW;
	if (isnan(v)) {
		snprintf(buf, size, "nan");
		return;
	}
	if (isinf(v)) {
		snprintf(buf, size, v < 0 ? "-inf" : "inf");
		return;
	}
	double scaled = fabs(v) * pow10_exact[decimals];
	if (scaled < 9e15) {
		/* Integer arithmetic: half away from zero, no locale, no "-0". */
		uint64_t u = (uint64_t)llround(scaled);
		format_u(buf, size, u, v < 0, decimals);
		return;
	}
	/* Huge values: printf, then force '.' whatever LC_NUMERIC says. */
	char tmp[400];
	snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
	size_t o = 0;
	for (size_t k = 0; tmp[k] && o + 1 < sizeof tmp; k++) {
		char c = tmp[k];
		unsigned char u = (unsigned char)c;
		if ((c >= '0' && c <= '9') || c == '-')
			tmp[o++] = c;
		else if (u < 0x80 ||
		         u >= 0xc0) /* a multibyte point: lead byte */
			tmp[o++] = '.';
	}
	tmp[o] = '\0';
	snprintf(buf, size, "%s", tmp);
}
