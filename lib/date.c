/* date.c - dates, times and reporting periods as printed in CSP papers.
 *
 * Strings are first cut into tokens (digit runs, letter runs) with the
 * separators that came before each; the formats are then matched as token
 * patterns.  That keeps "Feb19", "Feb-19" and "Feb 19" one rule, and every
 * read bounded by n (no NUL terminator is assumed).
 */
#include "date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "text.h"

/* ---- calendar ---------------------------------------------------------- */

static bool
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30,
		                      31, 31, 30, 31, 30, 31 };
	if (m < 1 || m > 12)
		return 0;
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

bool
date_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= date_days_in_month(y, m);
}

/* v (0 <= v <= 9999) in decimal at p, at least width digits: "%0*d"
 * without snprintf: a label is made for each period tried, and this
 * took normalise-crime's text mode on 1 MB of report pages from 713.6M
 * to 708.6M instructions.  The end of the digits. */
static char *
put_num(char *p, int v, int width)
{
	/* its digits counted first and written from the last, the zeros
	 * before them the same way: a loop into a buffer and a copy out,
	 * with a memset for the zeros, took 132 instructions a year (put
	 * for each period labelled: 228.86M to 228.14M instructions per MB of
	 * report text) */
	int k = v >= 1000 ? 4 : v >= 100 ? 3 : v >= 10 ? 2 : 1;
	if (k < width)
		k = width;
	for (int j = k - 1; j >= 0; j--) {
		p[j] = (char)('0' + v % 10);
		v /= 10;
	}
	return p + k;
}

static char *
put_str(char *p, const char *lit)
{
	while (*lit)
		*p++ = *lit++;
	return p;
}

void
date_iso(cs_date d, char *buf)
{
	/* Clamp so the text always fits 11 bytes, even for a zeroed date. */
	int y = d.y < 0 ? 0 : d.y > 9999 ? 9999 : d.y;
	int m = d.m < 0 ? 0 : d.m > 99 ? 99 : d.m;
	int dd = d.d < 0 ? 0 : d.d > 99 ? 99 : d.d;
	char *p = put_num(buf, y, 4);
	*p++ = '-';
	p = put_num(p, m, 2);
	*p++ = '-';
	*put_num(p, dd, 2) = '\0';
}

/* Month index y*12+(m-1) and back: month arithmetic without loops. */
static int
month_index(int y, int m)
{
	return y * 12 + (m - 1);
}

static cs_date
date_add_months(cs_date d, int k)
{
	int idx = month_index(d.y, d.m) + k;
	cs_date r = { idx / 12, idx % 12 + 1, d.d };
	int dim = date_days_in_month(r.y, r.m);
	if (r.d > dim)
		r.d = dim;
	return r;
}

static cs_date
date_next_day(cs_date d)
{
	if (++d.d > date_days_in_month(d.y, d.m)) {
		d.d = 1;
		if (++d.m > 12) {
			d.m = 1;
			d.y++;
		}
	}
	return d;
}

static bool
is_month_end(cs_date d)
{
	return d.d == date_days_in_month(d.y, d.m);
}

/* ---- words ------------------------------------------------------------- */

static char
lower(char c)
{
	return (unsigned char)(c - 'A') < 26 ? (char)(c | 0x20) : c;
}

/* s[0..n) equals word (lower case) ignoring case. */
static bool
word_is(const char *s, size_t n, const char *word)
{
	/* no strlen: word ends where it must ("may" is not "mayor"); a
	 * strlen a call cost normalise-crime's text mode 4% (callgrind,
	 * samples and seeds eight times: 4620M to 4525M instructions) */
	for (size_t i = 0; i < n; i++)
		if (word[i] == '\0' || lower(s[i]) != word[i])
			return false;
	return word[n] == '\0';
}

int
date_month_name(const char *s, size_t n)
{
	static const char *const names[12] = {
		"january",   "february", "march",    "april",
		"may",       "june",     "july",     "august",
		"september", "october",  "november", "december"
	};
	static const unsigned char len[12] = { 7, 8, 5, 5, 3, 4,
		                               4, 6, 9, 7, 8, 8 };
	/* No two months share their first three letters ("jun", "jul";
	 * "mar", "may"): those name the one month compared further, not
	 * each month of the first letter in turn.  Every word of a
	 * paragraph that may start a period comes here, and each word a
	 * date or period is cut into (tokenize_upto): 567.01M to 566.26M
	 * instructions on the 5.3 MB bench text. */
	if (n < 3)
		return 0;
	char a = lower(s[0]), b = lower(s[1]), c = lower(s[2]);
	int m = 0;
	switch (a) {
	case 'a':
		m = b == 'p' && c == 'r' ? 4 : b == 'u' && c == 'g' ? 8 : 0;
		break;
	case 'd':
		m = b == 'e' && c == 'c' ? 12 : 0;
		break;
	case 'f':
		m = b == 'e' && c == 'b' ? 2 : 0;
		break;
	case 'j':
		m = b == 'a' && c == 'n'   ? 1
		    : b == 'u' && c == 'n' ? 6
		    : b == 'u' && c == 'l' ? 7
		                           : 0;
		break;
	case 'm':
		m = b == 'a' && c == 'r' ? 3 : b == 'a' && c == 'y' ? 5 : 0;
		break;
	case 'n':
		m = b == 'o' && c == 'v' ? 11 : 0;
		break;
	case 'o':
		m = b == 'c' && c == 't' ? 10 : 0;
		break;
	case 's':
		m = b == 'e' && c == 'p' ? 9 : 0;
		break;
	default:
		break;
	}
	if (m == 0 || n == 3)
		return m;
	if (n != len[m - 1]) /* "Sept" */
		return m == 9 && n == 4 && lower(s[3]) == 't' ? 9 : 0;
	const char *name = names[m - 1];
	for (size_t i = 3; i < n; i++)
		if (lower(s[i]) != name[i])
			return 0;
	return m;
}

static bool
is_weekday(const char *s, size_t n)
{
	static const char *const days[] = { "monday",   "tuesday", "wednesday",
		                            "thursday", "friday",  "saturday",
		                            "sunday",   "mon",     "tue",
		                            "tues",     "wed",     "thu",
		                            "thur",     "thurs",   "fri",
		                            "sat",      "sun" };
	/* the days (index + 1) of each first letter, as months are found:
	 * the tokenizer asks this of every word it cannot place */
	static const unsigned char by_letter[26][8] = {
		['f' - 'a'] = { 5, 15 },
		['m' - 'a'] = { 1, 8 },
		['s' - 'a'] = { 6, 7, 16, 17 },
		['t' - 'a'] = { 2, 4, 9, 10, 12, 13, 14 },
		['w' - 'a'] = { 3, 11 },
	};
	if (n < 3 || n > 9)
		return false;
	unsigned c0 = (unsigned char)lower(s[0]) - 'a';
	if (c0 >= 26)
		return false;
	for (const unsigned char *d = by_letter[c0]; *d; d++)
		if (word_is(s, n, days[*d - 1]))
			return true;
	return false;
}

/* ---- tokens ------------------------------------------------------------ */

enum { T_NUM, T_WORD };
#define MAXTOK 16

/* The words the formats read, each known by its number once its token
 * is cut (tw), not compared again by each matcher that asks.  A date or
 * period is made of numbers, month names and these words only. */
enum {
	W_NONE,
	W_THE,
	W_OF,
	W_END,
	W_TO,
	W_ENDING,
	W_UNTIL,
	W_ROLLING,
	W_YEAR,
	W_MONTHS,
	W_MONTH,
	W_MTHS,
	W_M,
	W_TWELVE,
	W_THREE,
	W_FY,
	W_FINANCIAL,
	W_CALENDAR,
	W_Q,
	W_QUARTER,
	W_ST,
	W_ND,
	W_RD,
	W_TH,
	W_WEEKDAY /* "Friday", "Thurs" */
};

typedef struct {
	int kind;
	const char *s; /* the token's bytes */
	size_t len;
	long val;  /* T_NUM */
	int word;  /* T_WORD: W_THE .. W_WEEKDAY, or W_NONE */
	int month; /* T_WORD: a month name's 1..12, or 0 */
	/* what separated it from the previous token */
	int spaces, commas, npunct;
	char punct; /* the last of '-' '/' '.' ':' '\'' seen, or 0 */
} tok;

typedef struct {
	tok t[MAXTOK];
	int n;
} toks;

/* The class of each byte (CD a digit, CA an ASCII letter), one load:
 * these are asked of every byte of a paragraph (period_starts,
 * tokenize_upto, alpha_run), and a table took normalise-crime's text
 * mode on 1 MB of report pages from 669.8M to 666.9M instructions. */
enum { CD = 1, CA = 2 };
static const unsigned char cclass[256] = {
	['0'] = CD, ['1'] = CD, ['2'] = CD, ['3'] = CD, ['4'] = CD, ['5'] = CD,
	['6'] = CD, ['7'] = CD, ['8'] = CD, ['9'] = CD, ['A'] = CA, ['B'] = CA,
	['C'] = CA, ['D'] = CA, ['E'] = CA, ['F'] = CA, ['G'] = CA, ['H'] = CA,
	['I'] = CA, ['J'] = CA, ['K'] = CA, ['L'] = CA, ['M'] = CA, ['N'] = CA,
	['O'] = CA, ['P'] = CA, ['Q'] = CA, ['R'] = CA, ['S'] = CA, ['T'] = CA,
	['U'] = CA, ['V'] = CA, ['W'] = CA, ['X'] = CA, ['Y'] = CA, ['Z'] = CA,
	['a'] = CA, ['b'] = CA, ['c'] = CA, ['d'] = CA, ['e'] = CA, ['f'] = CA,
	['g'] = CA, ['h'] = CA, ['i'] = CA, ['j'] = CA, ['k'] = CA, ['l'] = CA,
	['m'] = CA, ['n'] = CA, ['o'] = CA, ['p'] = CA, ['q'] = CA, ['r'] = CA,
	['s'] = CA, ['t'] = CA, ['u'] = CA, ['v'] = CA, ['w'] = CA, ['x'] = CA,
	['y'] = CA, ['z'] = CA
};

static bool
is_digit_c(char c)
{
	return cclass[(unsigned char)c] & CD;
}

static bool
is_alpha_c(char c)
{
	return cclass[(unsigned char)c] & CA;
}

static bool
alnum_c(char c)
{
	return cclass[(unsigned char)c] != 0;
}

/* Past the last digit of s[from..n), from when there is none.  Every
 * period, date and backwards range has a digit ("March 2017", "twelve
 * months to 31 March"), so none starts after the last one: a sentence
 * of prose, or its words after "... rose by 12%", are not looked at
 * word by word: 682.1M to 671.3M instructions for normalise-crime's
 * text mode on 1 MB of report pages. */
static size_t
digits_end(const char *s, size_t from, size_t n)
{
	return text_digits_end(s, from, n); /* eight bytes at a time */
}

static bool
bytes_at(const char *s, size_t n, size_t i, const char *lit)
{
	size_t k = strlen(lit);
	return n - i >= k && memcmp(s + i, lit, k) == 0;
}

/* The W_ number of the word s[0..n), W_NONE for any other. */
static int
word_id(const char *s, size_t n)
{
	static const char *const vocab[] = {
		[W_THE] = "the",
		[W_OF] = "of",
		[W_END] = "end",
		[W_TO] = "to",
		[W_ENDING] = "ending",
		[W_UNTIL] = "until",
		[W_ROLLING] = "rolling",
		[W_YEAR] = "year",
		[W_MONTHS] = "months",
		[W_MONTH] = "month",
		[W_MTHS] = "mths",
		[W_M] = "m",
		[W_TWELVE] = "twelve",
		[W_THREE] = "three",
		[W_FY] = "fy",
		[W_FINANCIAL] = "financial",
		[W_CALENDAR] = "calendar",
		[W_Q] = "q",
		[W_QUARTER] = "quarter",
		[W_ST] = "st",
		[W_ND] = "nd",
		[W_RD] = "rd",
		[W_TH] = "th",
	};
	/* the words of each first letter, as months are found */
	static const unsigned char by_letter[26][6] = {
		['c' - 'a'] = { W_CALENDAR },
		['e' - 'a'] = { W_END, W_ENDING },
		['f' - 'a'] = { W_FY, W_FINANCIAL },
		['m' - 'a'] = { W_MONTHS, W_MONTH, W_MTHS, W_M },
		['n' - 'a'] = { W_ND },
		['o' - 'a'] = { W_OF },
		['q' - 'a'] = { W_Q, W_QUARTER },
		['r' - 'a'] = { W_ROLLING, W_RD },
		['s' - 'a'] = { W_ST },
		['t' - 'a'] = { W_THE, W_TO, W_TWELVE, W_THREE, W_TH },
		['u' - 'a'] = { W_UNTIL },
		['y' - 'a'] = { W_YEAR },
	};
	if (n == 0)
		return W_NONE;
	unsigned c0 = (unsigned char)lower(s[0]) - 'a';
	if (c0 >= 26)
		return W_NONE;
	for (const unsigned char *w = by_letter[c0]; *w; w++)
		if (word_is(s, n, vocab[*w]))
			return *w;
	return is_weekday(s, n) ? W_WEEKDAY : W_NONE;
}

/* Cut s[0..n) into tokens as far as they go: *stop is where a byte no
 * format uses, one token too many or a digit run too long to be a date
 * part stopped it (n when nothing did).  The tokens of any s[0..e) with
 * e <= *stop are the first ones of these: longest_prefix cuts once and
 * tries each end on them.  A word that is neither a month nor a W_
 * word stops it too: no date or period runs over "compared" in "March
 * 2017 compared with", so no longer prefix is cut or tried (and
 * period_parse gives up on "Burglary" at once).  So does a fifth
 * number: none has more than four ("Dec 2018 to Jan 2019", "12 months
 * to 28/02/2019"), and a row of a table has many ("2019 2020 2021 ..."). */
static void
tokenize_upto(const char *s, size_t n, toks *tk, size_t *stop)
{
	int spaces = 0, commas = 0, npunct = 0, nums = 0;
	char punct = 0;
	size_t i = 0;
	tk->n = 0;
	*stop = n;
	while (i < n) {
		char c = s[i];
		if (is_digit_c(c) || is_alpha_c(c)) {
			if (tk->n == MAXTOK) {
				*stop = i;
				return;
			}
			tok *t = &tk->t[tk->n++];
			size_t j = i;
			bool num = is_digit_c(c);
			long val = 0;
			/* a word's end eight bytes at a time, not a test of
			 * each byte the processor guesses wrong at its end; a
			 * number's value as its digits are walked, not in a
			 * second walk, ten at most (one too many for a date
			 * part, where it stops): 567.68M to 567.46M instructions
			 * on the 5.3 MB bench text */
			if (num)
				while (j < n && is_digit_c(s[j]) && j - i < 10)
					val = val * 10 + (s[j++] - '0');
			else
				j = text_letters_end(s, i, n);
			if (num && (j - i > 9 || ++nums > 4)) {
				tk->n--;
				*stop = i;
				return;
			}
			*t = (tok){ num ? T_NUM : T_WORD,
				    s + i,
				    j - i,
				    val,
				    W_NONE,
				    0,
				    spaces,
				    commas,
				    npunct,
				    punct };
			if (!num) {
				t->month = date_month_name(s + i, j - i);
				if (t->month == 0)
					t->word = word_id(s + i, j - i);
				if (t->month == 0 && t->word == W_NONE) {
					tk->n--;
					*stop = i;
					return;
				}
			}
			spaces = commas = npunct = 0;
			punct = 0;
			i = j;
			continue;
		}
		size_t w = 1;
		if (c == ' ' || c == '\t') {
			spaces++;
		} else if (bytes_at(s, n, i, "\xc2\xa0")) { /* NBSP */
			spaces++;
			w = 2;
		} else if (c == ',') {
			commas++;
		} else if (c == '-' || c == '/' || c == '.' || c == ':' ||
		           c == '\'') {
			punct = c;
			npunct++;
		} else if (bytes_at(s, n, i, "\xe2\x80\x93") || /* en dash */
		           bytes_at(s, n, i, "\xe2\x80\x94")) { /* em dash */
			punct = '-';
			npunct++;
			w = 3;
		} else if (bytes_at(s, n, i, "\xe2\x80\x99")) { /* ’ */
			punct = '\'';
			npunct++;
			w = 3;
		} else {
			*stop = i;
			return;
		}
		i += w;
	}
}

/* Cut s[0..n) into tokens; false on a byte or word no format uses, too
 * many tokens, a digit run too long to be a date part, or trailing
 * punctuation. */
static bool
tokenize(const char *s, size_t n, toks *tk)
{
	size_t stop;
	/* most cells of a table are words ("Barnet", "Total"): no date or
	 * period, found before they are cut (period_parse and date_parse
	 * of 8,377 cells a MB of report pages: 2.9M to 1.6M instructions) */
	if (digits_end(s, 0, n) == 0)
		return false;
	tokenize_upto(s, n, tk, &stop);
	if (stop < n)
		return false;
	/* Nothing may lead or trail: "-5 May 2019" and "May 2019." are not
	 * dates (spaces are trimmed by the callers).  The separators before
	 * a token are kept on it, so trailing ones show as bytes after the
	 * last token. */
	if (tk->n == 0 || tk->t[0].npunct + tk->t[0].commas != 0)
		return false;
	const tok *l = &tk->t[tk->n - 1];
	for (const char *p = l->s + l->len; p < s + n; p++)
		if (*p != ' ' && *p != '\t' && *p != '\xc2' && *p != '\xa0')
			return false;
	return true;
}

/* Token t is the word w (W_THE ..). */
static bool
tw(const tok *t, int w)
{
	return t->kind == T_WORD && t->word == w;
}

static int
tmonth(const tok *t)
{
	return t->kind == T_WORD ? t->month : 0;
}

static bool
tnum(const tok *t, size_t min_digits, size_t max_digits)
{
	return t->kind == T_NUM && t->len >= min_digits && t->len <= max_digits;
}

/* Separator between words of a written date: spaces, commas, one '-' or '.'. */
static bool
soft_sep(const tok *t)
{
	return t->npunct == 0 ||
	       (t->npunct == 1 && (t->punct == '-' || t->punct == '.'));
}

/* Exactly one punctuation mark p and nothing else ("28/02", "2019-02"). */
static bool
hard_sep(const tok *t, char p)
{
	return t->spaces == 0 && t->commas == 0 && t->npunct == 1 &&
	       t->punct == p;
}

static bool
no_sep(const tok *t)
{
	return t->spaces == 0 && t->commas == 0 && t->npunct == 0;
}

/* Two-digit years are this century up to 69, the last one from 70: the
 * one answer for every reader ("Jan-99" is 1999-01). */
static int
two_digit_year(long v)
{
	return (int)(v < 70 ? 2000 + v : 1900 + v);
}

static int
year_of(const tok *t)
{
	if (t->len == 2)
		return two_digit_year(t->val);
	return (int)t->val;
}

static bool
is_year(const tok *t, bool two_ok)
{
	return t->kind == T_NUM && (t->len == 4 || (two_ok && t->len == 2));
}

/* ---- dates ------------------------------------------------------------- */

/* A date written with words or digits in t[a..b). */
static bool
match_date(const toks *tk, int a, int b, cs_date *out)
{
	/* Drop a leading weekday, "the", "of", and ordinal suffixes. */
	const tok *v[MAXTOK];
	int k = 0;
	for (int i = a; i < b; i++) {
		const tok *t = &tk->t[i];
		if (i == a && tw(t, W_WEEKDAY))
			continue;
		if (tw(t, W_THE) || tw(t, W_OF))
			continue;
		if (i > a && tk->t[i - 1].kind == T_NUM && t->npunct == 0 &&
		    t->commas == 0 &&
		    (tw(t, W_ST) || tw(t, W_ND) || tw(t, W_RD) || tw(t, W_TH)))
			continue;
		/* a fourth word kept: no date, however many follow (the
		 * longest ends longest_prefix tries first are most of its
		 * work: 16,000 date_prefix calls a MB of report text) */
		if (k == 3)
			return false;
		v[k++] = t;
	}
	if (k != 3)
		return false;
	int y, m, d;
	if (tnum(v[0], 1, 2) && tmonth(v[1]) && is_year(v[2], true) &&
	    soft_sep(v[1]) && soft_sep(v[2])) {
		d = (int)v[0]->val, m = tmonth(v[1]), y = year_of(v[2]);
	} else if (tmonth(v[0]) && tnum(v[1], 1, 2) && is_year(v[2], false) &&
	           soft_sep(v[1]) && soft_sep(v[2])) {
		m = tmonth(v[0]), d = (int)v[1]->val, y = year_of(v[2]);
	} else if (v[0]->kind == T_NUM && tnum(v[1], 1, 2) &&
	           v[2]->kind == T_NUM && v[1]->npunct == 1 &&
	           strchr("/.-", v[1]->punct) && hard_sep(v[1], v[1]->punct) &&
	           hard_sep(v[2], v[1]->punct)) {
		if (v[0]->len == 4 && tnum(v[2], 1, 2)) {
			y = (int)v[0]->val, m = (int)v[1]->val,
			d = (int)v[2]->val;
		} else if (tnum(v[0], 1, 2) && is_year(v[2], true)) {
			d = (int)v[0]->val, m = (int)v[1]->val,
			y = year_of(v[2]);
		} else {
			return false;
		}
	} else {
		return false;
	}
	if (!date_valid(y, m, d))
		return false;
	*out = (cs_date){ y, m, d };
	return true;
}

/* Trim ASCII spaces, tabs and NBSP from both ends. */
static void
trim(const char **s, size_t *n)
{
	for (;;) {
		if (*n && (**s == ' ' || **s == '\t')) {
			(*s)++, (*n)--;
		} else if (*n >= 2 && bytes_at(*s, *n, 0, "\xc2\xa0")) {
			*s += 2, *n -= 2;
		} else if (*n &&
		           ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t')) {
			(*n)--;
		} else if (*n >= 2 && bytes_at(*s, *n, *n - 2, "\xc2\xa0")) {
			*n -= 2;
		} else {
			return;
		}
	}
}

bool
date_parse(const char *s, size_t n, cs_date *out)
{
	toks tk;
	trim(&s, &n);
	if (!tokenize(s, n, &tk))
		return false;
	return match_date(&tk, 0, tk.n, out);
}

static bool
date_toks(const toks *tk, void *out)
{
	return match_date(tk, 0, tk->n, out);
}

/* ---- times ------------------------------------------------------------- */

typedef struct {
	int h, m;
	bool has_min, clock24; /* "10:00", "1400 hrs" */
	bool weak;             /* "9.48": more likely a decimal than a time */
	int ampm;              /* 0, 1 am, 2 pm */
	bool noon;
} clock_part;

static size_t
skip_sp(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

/* Letters at s[i..]: their count. */
static size_t
alpha_run(const char *s, size_t n, size_t i)
{
	size_t k = 0;
	while (i + k < n && is_alpha_c(s[i + k]))
		k++;
	return k;
}

/* One clock reading at s[*i]: "11.12 am", "2pm", "14.30", "12 noon",
 * "1400 hrs", "noon". */
static bool
parse_clock(const char *s, size_t n, size_t *pi, clock_part *c)
{
	size_t i = *pi;
	*c = (clock_part){ 0, 0, false, false, false, 0, false };
	size_t w = alpha_run(s, n, i);
	if (w && (word_is(s + i, w, "noon") || word_is(s + i, w, "midday"))) {
		c->h = 12, c->noon = true;
		*pi = i + w;
		return true;
	}
	if (w && word_is(s + i, w, "midnight")) {
		c->clock24 = true;
		*pi = i + w;
		return true;
	}
	size_t d = 0;
	while (i + d < n && is_digit_c(s[i + d]))
		d++;
	if (d == 0 || d == 3 || d > 4)
		return false;
	bool hhmm = d == 4;
	c->h = (s[i] - '0') * (d == 1 ? 1 : 10) + (d > 1 ? s[i + 1] - '0' : 0);
	if (hhmm) {
		c->m = (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
		c->has_min = true;
	}
	i += d;
	if (!hhmm && i + 2 < n && (s[i] == ':' || s[i] == '.') &&
	    is_digit_c(s[i + 1]) && is_digit_c(s[i + 2]) &&
	    (i + 3 >= n || !is_digit_c(s[i + 3]))) {
		c->m = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
		c->has_min = true;
		c->weak = s[i] == '.' && d == 1;
		i += 3;
	}
	size_t j = skip_sp(s, n, i);
	w = alpha_run(s, n, j);
	if (w && j + w + 1 < n && s[j + w] == '.' && w == 1 &&
	    (lower(s[j]) == 'a' || lower(s[j]) == 'p') &&
	    lower(s[j + w + 1]) == 'm') {
		/* "a.m." / "p.m" */
		c->ampm = lower(s[j]) == 'a' ? 1 : 2;
		i = j + 3;
		if (i < n && s[i] == '.')
			i++;
	} else if (w && word_is(s + j, w, "am")) {
		c->ampm = 1, i = j + w;
	} else if (w && word_is(s + j, w, "pm")) {
		c->ampm = 2, i = j + w;
	} else if (w &&
	           (word_is(s + j, w, "noon") || word_is(s + j, w, "midday"))) {
		c->noon = true, i = j + w;
	} else if (w &&
	           (word_is(s + j, w, "hrs") || word_is(s + j, w, "hr") ||
	            word_is(s + j, w, "hours") || word_is(s + j, w, "h"))) {
		c->clock24 = true, i = j + w;
	}
	if (hhmm && !c->clock24)
		return false; /* "2019" is a year, "1400 hrs" a time */
	*pi = i;
	return true;
}

/* The clock as minutes since midnight, or -1 when out of range. */
static int
clock_minutes(const clock_part *c)
{
	int h = c->h;
	if (c->m > 59)
		return -1;
	if (c->noon)
		return h == 12 && c->m == 0 ? 720 : -1;
	if (c->ampm) {
		if (h < 1 || h > 12)
			return -1;
		h = h % 12 + (c->ampm == 2 ? 12 : 0);
	} else if (h > 23) {
		return -1;
	}
	return h * 60 + c->m;
}

static bool
clock_definite(const clock_part *c)
{
	return (c->has_min && !c->weak) || c->ampm || c->clock24 || c->noon;
}

int
time_parse(const char *s, size_t n)
{
	trim(&s, &n);
	size_t i = 0;
	clock_part start, end;
	if (!parse_clock(s, n, &i, &start))
		return -1;
	i = skip_sp(s, n, i);
	bool range = false;
	if (i < n) {
		/* A range: the start is wanted, the end lends am/pm and proof
		 * that "10" in "10-12:00 hrs" is a time. */
		size_t w = 0;
		if (s[i] == '-')
			w = 1;
		else if (bytes_at(s, n, i, "\xe2\x80\x93") ||
		         bytes_at(s, n, i, "\xe2\x80\x94"))
			w = 3;
		else if (alpha_run(s, n, i) == 2 && word_is(s + i, 2, "to"))
			w = 2;
		else if (alpha_run(s, n, i) == 5 && word_is(s + i, 5, "until"))
			w = 5;
		if (w == 0)
			return -1;
		i = skip_sp(s, n, i + w);
		if (!parse_clock(s, n, &i, &end))
			return -1;
		i = skip_sp(s, n, i);
		if (i != n || clock_minutes(&end) < 0)
			return -1;
		range = true;
	}
	if (!clock_definite(&start) && !(range && clock_definite(&end)))
		return -1;
	if (range && !start.ampm && !start.clock24 && !start.noon && end.ampm) {
		/* "2-4pm" is 14:00; "11-1pm" is 11:00; "12-2pm" is 12:00. */
		int e = clock_minutes(&end);
		clock_part pm = start;
		pm.ampm = 2;
		int as_pm = clock_minutes(&pm);
		if (end.ampm == 2 && as_pm >= 0 && as_pm <= e)
			start = pm;
	}
	return clock_minutes(&start);
}

/* ---- periods ----------------------------------------------------------- */

/* "YYYY-MM" or "Nm to YYYY-MM" (1 <= n, y <= 9999, 1 <= m <= 12). */
static void
label_months(cs_period *p, int y, int m, int n)
{
	char *l = p->label;
	if (n != 1)
		l = put_str(put_num(l, n, 1), "m to ");
	l = put_num(l, y, 4);
	*l++ = '-';
	*put_num(l, m, 2) = '\0';
}

cs_period
period_months_to(int y, int m, int n)
{
	cs_period p;
	memset(&p, 0, sizeof p);
	if (n < 1 || n > 9999 || y < 1 || y > 9999 || m < 1 || m > 12 ||
	    month_index(y, m) - (n - 1) < 12)
		return p; /* label "" says: no such period */
	p.end = (cs_date){ y, m, date_days_in_month(y, m) };
	p.start = date_add_months((cs_date){ y, m, 1 }, -(n - 1));
	label_months(&p, y, m, n);
	return p;
}

cs_period
period_month(int y, int m)
{
	return period_months_to(y, m, 1);
}

cs_period
period_fy(int y)
{
	cs_period p;
	memset(&p, 0, sizeof p);
	if (y < 1 || y > 9998)
		return p;
	p.start = (cs_date){ y, 4, 1 };
	p.end = (cs_date){ y + 1, 3, 31 };
	char *l = put_num(p.label, y, 4);
	*l++ = '/';
	*put_num(l, (y + 1) % 100, 2) = '\0';
	return p;
}

/* Quarter q (1..4) of financial year y: Q1 is April-June of y. */
static cs_period
period_fy_quarter(int y, int q)
{
	cs_date last = date_add_months((cs_date){ y, 4, 1 }, q * 3 - 1);
	cs_period p = period_months_to(last.y, last.m, 3);
	/* "Q%d %04d/%02d" by put_num, not snprintf: 1,820 instructions a
	 * quarter, each one read or shifted (5.3 MB bench text: 569.09M to
	 * 568.52M instructions); q is 1-4 and y 0-9998 (match_fy's years,
	 * period_shift's of a valid date) */
	char *l = p.label;
	*l++ = 'Q';
	l = put_num(l, q, 1);
	*l++ = ' ';
	l = put_num(l, y, 4);
	*l++ = '/';
	*put_num(l, (y + 1) % 100, 2) = '\0';
	return p;
}

/* n months ending on a day that is not a month end: exact days. */
static cs_period
period_months_to_day(cs_date end, int n)
{
	cs_period p;
	memset(&p, 0, sizeof p);
	if (n < 1 || n > 9999 || end.y - n / 12 < 2)
		return p;
	p.end = end;
	p.start = date_next_day(date_add_months(end, -n));
	char iso[11];
	date_iso(end, iso);
	snprintf(p.label, sizeof p.label, "%dm to %s", n, iso);
	return p;
}

static int
months_between(cs_date a, cs_date b)
{
	return month_index(b.y, b.m) - month_index(a.y, a.m) + 1;
}

cs_period
period_shift(const cs_period *p, int k)
{
	cs_period r;
	memset(&r, 0, sizeof r);
	/* No period in, or a shift off the calendar: label "" out. */
	if (!date_valid(p->start.y, p->start.m, p->start.d) ||
	    !date_valid(p->end.y, p->end.m, p->end.d) || k < -12 * 9999 ||
	    k > 12 * 9999)
		return r;
	cs_date s = date_add_months(p->start, k);
	cs_date e = date_add_months(p->end, k);
	if (!date_valid(s.y, s.m, s.d) || !date_valid(e.y, e.m, e.d))
		return r;

	const char *l = p->label;
	size_t ll = strnlen(l, sizeof p->label);
	int n = months_between(p->start, p->end);
	if (p->start.d != 1 || !is_month_end(p->end)) {
		/* Day-exact ("12m to 2019-02-15"): rebuild from the end day. */
		int nm = 0;
		/* An end that lands on a month end reads back as whole months
		 * ("12m to 2019-02", as period_parse labels it), so label it so. */
		if (sscanf(l, "%dm to", &nm) == 1 && nm > 0)
			return is_month_end(e) ? period_months_to(e.y, e.m, nm)
			                       : period_months_to_day(e, nm);
		r.start = s, r.end = e;
		char a[11], b[11];
		date_iso(s, a);
		date_iso(e, b);
		snprintf(r.label, sizeof r.label, "%s..%s", a, b);
		return r;
	}
	if (l[0] == 'Q' && n == 3 && (s.m - 4 + 12) % 3 == 0) {
		int fy = s.m >= 4 ? s.y : s.y - 1;
		return period_fy_quarter(fy, (s.m - 4 + 12) % 12 / 3 + 1);
	}
	if (memchr(l, '/', ll) && n == 12 && s.m == 4)
		return period_fy(s.y);
	return period_months_to(e.y, e.m, n);
}

/* A month with its year in t[a..b): "February 2019", "Feb19", "Jan-19",
 * "Jan '19", "2019-02", "201902", "02/2019". */
static bool
match_month_ex(const toks *tk, int a, int b, bool space_yy, int *y, int *m)
{
	const tok *t = &tk->t[a];
	int mm = 0, yy = 0;
	/* "Jan 19" is left alone: it may be 19 January. */
	if (b - a == 2 && tmonth(&t[0]) && is_year(&t[1], true) &&
	    (t[1].npunct == 0 ||
	     (t[1].npunct == 1 && strchr("-'.", t[1].punct))) &&
	    t[1].commas <= 1 &&
	    (t[1].len == 4 || t[1].npunct == 1 || no_sep(&t[1]) || space_yy)) {
		mm = tmonth(&t[0]), yy = year_of(&t[1]);
	} else if (b - a == 2 && tnum(&t[0], 4, 4) && tnum(&t[1], 2, 2) &&
	           hard_sep(&t[1], '-')) {
		yy = (int)t[0].val, mm = (int)t[1].val;
	} else if (b - a == 2 && tnum(&t[0], 1, 2) && tnum(&t[1], 4, 4) &&
	           hard_sep(&t[1], '/')) {
		mm = (int)t[0].val, yy = (int)t[1].val;
	} else if (b - a == 1 && tnum(&t[0], 6, 6)) {
		yy = (int)(t[0].val / 100), mm = (int)(t[0].val % 100);
	} else {
		return false;
	}
	if (mm < 1 || mm > 12 || yy < 1900 || yy > 2199)
		return false;
	*y = yy, *m = mm;
	return true;
}

static bool
match_month(const toks *tk, int a, int b, int *y, int *m)
{
	return match_month_ex(tk, a, b, false, y, m);
}

/* A financial year in t[a..b): "2016/17", "2016-17", "2016/2017",
 * optionally after "FY" or "financial year" ("FY2016/17"). */
static bool
match_fy(const toks *tk, int a, int b, int *y)
{
	if (b - a >= 1 && tw(&tk->t[a], W_FY))
		a++;
	else if (b - a >= 2 && tw(&tk->t[a], W_FINANCIAL) &&
	         tw(&tk->t[a + 1], W_YEAR))
		a += 2;
	if (b - a != 2)
		return false;
	const tok *t = &tk->t[a];
	if (!tnum(&t[0], 4, 4) ||
	    !(hard_sep(&t[1], '/') || hard_sep(&t[1], '-')))
		return false;
	long y0 = t[0].val;
	if (y0 < 1900 || y0 > 2198)
		return false;
	if (!(tnum(&t[1], 2, 2) && t[1].val == (y0 + 1) % 100) &&
	    !(tnum(&t[1], 4, 4) && t[1].val == y0 + 1))
		return false;
	*y = (int)y0;
	return true;
}

/* After "to"/"ending": "March 2017", "28/02/2019", "the end of March 2017". */
static bool
match_end(const toks *tk, int a, int b, int n, cs_period *out)
{
	while (a < b && (tw(&tk->t[a], W_THE) || tw(&tk->t[a], W_END) ||
	                 tw(&tk->t[a], W_OF)))
		a++;
	int y, m;
	cs_date d;
	if (match_month(tk, a, b, &y, &m)) {
		*out = period_months_to(y, m, n);
	} else if (match_date(tk, a, b, &d)) {
		*out = is_month_end(d) ? period_months_to(d.y, d.m, n)
		                       : period_months_to_day(d, n);
	} else {
		return false;
	}
	return out->label[0] != '\0';
}

/* "12 months to", "rolling 12 months ending", "year to", "Year-end", and
 * our own labels "12m to":
 * the number of months before the connector word at t[k], or 0. */
static int
months_before(const toks *tk, int a, int k)
{
	if (a < k && tw(&tk->t[a], W_THE))
		a++;
	if (a < k && tw(&tk->t[a], W_ROLLING))
		a++;
	if (k - a == 1 && tw(&tk->t[a], W_YEAR))
		return 12;
	if (k - a == 2 &&
	    (tw(&tk->t[a + 1], W_MONTHS) || tw(&tk->t[a + 1], W_MONTH) ||
	     tw(&tk->t[a + 1], W_MTHS) ||
	     (tw(&tk->t[a + 1], W_M) && no_sep(&tk->t[a + 1])))) {
		if (tw(&tk->t[a], W_TWELVE))
			return 12;
		if (tw(&tk->t[a], W_THREE))
			return 3;
		if (tnum(&tk->t[a], 1, 4) && tk->t[a].val > 0)
			return (int)tk->t[a].val;
	}
	return 0;
}

static bool
is_connector(const tok *t)
{
	return tw(t, W_TO) || tw(t, W_ENDING) || tw(t, W_END) || tw(t, W_UNTIL);
}

/* "October 2023 to December 2023", "Dec18-Jan19", "Apr-Jun 2023",
 * "October to December 2023": months m1..m2, labelled "Nm to YYYY-MM". */
static bool
match_range(const toks *tk, cs_period *out)
{
	for (int k = 1; k < tk->n; k++) {
		int right = k, left_end = k;
		if (tw(&tk->t[k], W_TO)) {
			right = k + 1;
		} else if (!(tk->t[k].npunct == 1 && tk->t[k].punct == '-')) {
			continue;
		}
		int y1, m1, y2, m2;
		/* After a month and a dash, "Oct 23" can only be a year. */
		if (right >= tk->n ||
		    !match_month_ex(tk, right, tk->n, true, &y2, &m2))
			continue;
		if (match_month(tk, 0, left_end, &y1, &m1)) {
			/* both years given */
		} else if (left_end == 1 && tmonth(&tk->t[0])) {
			m1 = tmonth(&tk->t[0]);
			y1 = m1 <= m2 ? y2 : y2 - 1;
		} else {
			continue;
		}
		int n = month_index(y2, m2) - month_index(y1, m1) + 1;
		if (n < 1 || n > 120)
			return false;
		*out = period_months_to(y2, m2, n);
		return out->label[0] != '\0';
	}
	return false;
}

/* "calendar year 2022", "the 2019 calendar year": the year, or 0. */
static int
calendar_year(const toks *tk)
{
	int a = tk->n > 0 && tw(&tk->t[0], W_THE) ? 1 : 0;
	if (tk->n - a != 3)
		return 0;
	const tok *t = &tk->t[a];
	int yi;
	if (tw(&t[0], W_CALENDAR) && tw(&t[1], W_YEAR))
		yi = 2;
	else if (tw(&t[1], W_CALENDAR) && tw(&t[2], W_YEAR))
		yi = 0;
	else
		return 0;
	if (!tnum(&t[yi], 4, 4) || t[yi].val < 1900 || t[yi].val > 2199)
		return 0;
	return (int)t[yi].val;
}

static bool period_toks(const toks *tk, void *out);

bool
period_parse(const char *s, size_t n, cs_period *out)
{
	toks tk;
	trim(&s, &n);
	if (!tokenize(s, n, &tk))
		return false;
	return period_toks(&tk, out);
}

static bool
period_toks(const toks *tk, void *out)
{
	int y, m;
	cs_period p;
	memset(&p, 0, sizeof p);
	if (match_month(tk, 0, tk->n, &y, &m)) {
		p = period_month(y, m);
	} else if (match_fy(tk, 0, tk->n, &y)) {
		p = period_fy(y);
	} else if (tk->n >= 3 &&
	           ((tw(&tk->t[0], W_Q) && no_sep(&tk->t[1])) ||
	            tw(&tk->t[0], W_QUARTER)) &&
	           tnum(&tk->t[1], 1, 1) && tk->t[1].val >= 1 &&
	           tk->t[1].val <= 4 && match_fy(tk, 2, tk->n, &y)) {
		p = period_fy_quarter(y, (int)tk->t[1].val);
	} else if ((y = calendar_year(tk)) != 0) {
		p = period_months_to(y, 12, 12);
	} else {
		for (int k = 1; k < tk->n; k++) {
			if (!is_connector(&tk->t[k]))
				continue;
			int nm = months_before(tk, 0, k);
			if (nm == 0)
				continue;
			if (match_end(tk, k + 1, tk->n, nm, &p))
				break;
			return false;
		}
		if (p.label[0] == '\0' && !match_range(tk, &p))
			return false;
	}
	if (p.label[0] == '\0')
		return false;
	*(cs_period *)out = p;
	return true;
}

/* ---- prefixes ---------------------------------------------------------- */

/* The longest prefix of s ending at the end of a letter/digit run that the
 * whole-string parser accepts, for dates and periods inside sentences.  A
 * prefix followed by '-', '/', '.' or ':' and a letter or digit is refused:
 * "2019-02" is not a period at the start of "2019-02-21". */
#define PREFIX_MAX_BYTES 96
#define PREFIX_MAX_ENDS 24

typedef bool (*whole_parser)(const char *s, size_t n, void *out);

/* The candidate ends of a prefix of s: each end of a letter/digit run,
 * the first PREFIX_MAX_ENDS within PREFIX_MAX_BYTES; 0 when s does not
 * start with a letter or digit. */
static int
prefix_ends(const char *s, size_t n, size_t ends[PREFIX_MAX_ENDS])
{
	int nends = 0;

	if (n == 0 || !(is_digit_c(s[0]) || is_alpha_c(s[0])))
		return 0;
	for (size_t i = 0;
	     i < n && i < PREFIX_MAX_BYTES && nends < PREFIX_MAX_ENDS; i++) {
		bool alnum = is_digit_c(s[i]) || is_alpha_c(s[i]);
		bool next =
		    i + 1 < n && (is_digit_c(s[i + 1]) || is_alpha_c(s[i + 1]));
		if (alnum && !next)
			ends[nends++] = i + 1;
	}
	return nends;
}

static size_t
longest_prefix(const char *s, size_t n, whole_parser parse, void *out)
{
	size_t ends[PREFIX_MAX_ENDS];
	int nends = prefix_ends(s, n, ends);

	while (nends-- > 0) {
		size_t e = ends[nends];
		if (e + 1 < n && strchr("-/.:", s[e]) && s[e] != '\0' &&
		    (is_digit_c(s[e + 1]) || is_alpha_c(s[e + 1])))
			continue;
		if (parse(s, e, out))
			return e;
	}
	return 0;
}

typedef bool (*toks_parser)(const toks *tk, void *out);

/* Could a date or period end with token t?  Every shape of match_date
 * and period_toks ends with a number, or with a word match_date drops
 * ("21st of July 2017 the", "2017-07-21st") or calendar_year's "year"
 * ("the 2019 calendar year"). */
static bool
may_end(const tok *t)
{
	return t->kind == T_NUM || tw(t, W_THE) || tw(t, W_OF) ||
	       tw(t, W_YEAR) || tw(t, W_ST) || tw(t, W_ND) || tw(t, W_RD) ||
	       tw(t, W_TH);
}

/* longest_prefix for the token parsers: s is cut into tokens once and
 * each end tried on the tokens before it, not cut again for each end.
 * period_find tries every word that may start a period, and each of up
 * to 24 ends: this took the text mode on 1 MB of report pages from
 * 1,556M to 1,443M instructions (callgrind), the same periods found.
 * The ends are those of the tokens (a token "Feb" before "19" is no
 * end), as prefix_ends finds them, and an end after a word no date or
 * period ends with ("12 months to March 2017 compared") is not tried:
 * 760.0M to 722.5M instructions per MB. */
static bool
prefix_cut(const char *s, size_t n, toks *tk)
{
	size_t stop;
	if (n == 0 || !alnum_c(s[0]))
		return false;
	tokenize_upto(s, n < PREFIX_MAX_BYTES ? n : PREFIX_MAX_BYTES, tk,
	              &stop);
	return true;
}

/* The longest prefix of s that parse reads, on the tokens prefix_cut
 * cut from s (tk->n as it was after). */
static size_t
prefix_try(const char *s, size_t n, toks *tk, toks_parser parse, void *out)
{
	int all = tk->n;
	size_t found = 0;
	for (int j = all - 1; j >= 0 && found == 0; j--) {
		const tok *t = &tk->t[j];
		size_t e = (size_t)(t->s - s) + t->len;
		/* the end of a letter/digit run; not "2019-02" in
		 * "2019-02-21" */
		if (e < n && alnum_c(s[e]))
			continue;
		if (e + 1 < n &&
		    (s[e] == '-' || s[e] == '/' || s[e] == '.' ||
		     s[e] == ':') &&
		    alnum_c(s[e + 1]))
			continue;
		if (!may_end(t))
			continue;
		tk->n = j + 1;
		if (parse(tk, out))
			found = e;
	}
	tk->n = all;
	return found;
}

static size_t
longest_prefix_toks(const char *s, size_t n, toks_parser parse, void *out)
{
	toks tk;
	return prefix_cut(s, n, &tk) ? prefix_try(s, n, &tk, parse, out) : 0;
}

static bool
time_whole(const char *s, size_t n, void *out)
{
	int t = time_parse(s, n);
	if (t < 0)
		return false;
	*(int *)out = t;
	return true;
}

static inline bool may_start_with(const char *s, size_t n, size_t i);

/* The word at s[i] (a letter) may be "st", "nd", "rd", "th", "the" or
 * "of", by its first two letters. */
static bool
ordinal_of_start(const char *s, size_t n, size_t i)
{
	if (i + 1 >= n)
		return false;
	char a = lower(s[i]), b = lower(s[i + 1]);
	return (a == 's' && b == 't') || (a == 'n' && b == 'd') ||
	       (a == 'r' && b == 'd') || (a == 't' && b == 'h') ||
	       (a == 'o' && b == 'f');
}

/* Could a date start at the digit s[0]?  Its first number is never
 * dropped (match_date), so it has 1, 2 or 4 digits; past any ordinal,
 * "the" and "of" comes a month name ("21 July 2017", "21st of July
 * 2017") or a number ("21/07/2017", "2017-07-21").  A loose test (any
 * separators pass), but most numbers of a sentence ("12 burglaries",
 * "590 fewer") go no further, where longest_prefix would try each of up
 * to 24 ends: 1,095M to 1,058M instructions for normalise-crime's text
 * mode on 1 MB of report pages. */
static bool
date_may_start(const char *s, size_t n)
{
	size_t d = 0;
	while (d < n && is_digit_c(s[d]))
		d++;
	if (d != 1 && d != 2 && d != 4)
		return false;
	for (size_t i = d; i < n;) {
		size_t sep = i;
		while (i < n && !is_alpha_c(s[i]) && !is_digit_c(s[i]))
			i++;
		/* a number after it is a day's month or year only across one
		 * '/', '.', '-' or dash ("21/07/2017", "2017-07-21"), not
		 * "1,234" or "12 34", most numbers of a report */
		if (i < n && is_digit_c(s[i]))
			return (i - sep == 1 &&
			        (s[sep] == '/' || s[sep] == '.' ||
			         s[sep] == '-')) ||
			       (i - sep == 3 &&
			        (bytes_at(s, n, sep, "\xe2\x80\x93") ||
			         bytes_at(s, n, sep, "\xe2\x80\x94")));
		/* a month, an ordinal, "the" or "of" by its first two letters
		 * (may_start_with passes every month), not a word after most
		 * numbers run to its end ("12 burglaries"): 229.79M to 229.66M
		 * instructions per MB of report text */
		if (i >= n ||
		    !(may_start_with(s, n, i) || ordinal_of_start(s, n, i)))
			return false;
		size_t k = alpha_run(s, n, i);
		if (date_month_name(s + i, k))
			return true;
		/* "12 burglaries": no word below is that long */
		if (k > 3 ||
		    !(word_is(s + i, k, "st") || word_is(s + i, k, "nd") ||
		      word_is(s + i, k, "rd") || word_is(s + i, k, "th") ||
		      word_is(s + i, k, "the") || word_is(s + i, k, "of")))
			return false;
		i += k;
	}
	return false;
}

size_t
date_prefix(const char *s, size_t n, cs_date *out)
{
	if (n > 0 && is_digit_c(s[0]) && !date_may_start(s, n))
		return 0;
	return longest_prefix_toks(s, n, date_toks, out);
}

size_t
period_prefix(const char *s, size_t n, cs_period *out)
{
	return longest_prefix_toks(s, n, period_toks, out);
}

size_t
time_prefix(const char *s, size_t n, int *minutes)
{
	return longest_prefix(s, n, time_whole, minutes);
}

/* ---- periods in running text ------------------------------------------- */

/* The word at s[i] is w (any case) and ends there. */
static bool
word_at(const char *s, size_t n, size_t i, const char *w)
{
	/* one pass, not alpha_run then word_is: may_start asks this of
	 * every word of a paragraph a dozen times */
	size_t k = 0;
	for (; w[k]; k++)
		if (i + k >= n || lower(s[i + k]) != w[k])
			return false;
	return !(i + k < n && is_alpha_c(s[i + k]));
}

/* Could a period start at the word at s[i], by its first two bytes?  A
 * digit, or the first two letters of a month, "three", "twelve",
 * "six", "Quarter", "FY", "financial", "calendar", "year", or "Q1":
 * most words ("the", "to", "of", "and", "crime") go no further, and
 * asking the second letter too took the text mode on 1 MB of report
 * pages from 663.7M to 661.7M instructions.  The third letters of those
 * words, by the first two: "the", "these", "there", "they" share "th"
 * with "three" and "e" with "twelve", and by the first letter alone went
 * on to may_start (232.57M to 232.06M instructions per MB of report
 * text).  A third byte that is no letter passes: "FY2016", "Ma".
 *
 * One table of the first two bytes' classes (0 any other byte or the
 * end, 1-26 a letter in either case, 27 a digit) gives the third bytes'
 * classes that pass, a bit each: three loads and one test that is
 * seldom true, where a test of each byte in turn was a branch the
 * processor guessed wrong for most words, half of them starting with a
 * letter some month does (period_starts alone over the 1 MB slice's
 * 3,484 sentences with a digit, best of 60 rounds: about 2.3 to 1.5
 * ms). */
#define L(c) ((c) - 'a' + 1)
#define B(c) (1u << L(c))
#define NL (1u | 1u << 27) /* no letter: another byte, the end, a digit */
#define ANY 0x0FFFFFFFu
static const unsigned start3[28][28] = {
	[L('a')] = { [L('p')] = B('r') | NL,
	             [L('u')] = B('g') | NL },             /* April, August */
	[L('c')] = { [L('a')] = B('l') | NL },             /* calendar */
	[L('d')] = { [L('e')] = B('c') | NL },             /* December */
	[L('f')] = { [L('e')] = B('b') | NL,               /* Feb */
	             [L('i')] = B('n') | NL,               /* financial */
	             [L('y')] = NL },                      /* FY2016 */
	[L('j')] = { [L('a')] = B('n') | NL,               /* January */
	             [L('u')] = B('n') | B('l') | NL },    /* June, July */
	[L('m')] = { [L('a')] = B('r') | B('y') | NL },    /* March, May */
	[L('n')] = { [L('o')] = B('v') | NL },             /* November */
	[L('o')] = { [L('c')] = B('t') | NL },             /* October */
	[L('q')] = { [L('u')] = B('a') | NL, [27] = ANY }, /* Quarter, Q1 */
	[L('s')] = { [L('e')] = B('p') | NL,               /* September */
	             [L('i')] = B('x') | NL },             /* six */
	[L('t')] = { [L('h')] = B('r') | NL,               /* three */
	             [L('w')] = B('e') | NL },             /* twelve */
	[L('y')] = { [L('e')] = B('a') | NL },             /* year */
	[27] = { ANY, ANY, ANY, ANY, ANY, ANY, ANY, ANY, ANY, ANY,
	         ANY, ANY, ANY, ANY, ANY, ANY, ANY, ANY, ANY, ANY,
	         ANY, ANY, ANY, ANY, ANY, ANY, ANY, ANY }, /* a digit */
};
#undef ANY
#undef NL
#undef B

/* The class of a byte for start3. */
static const unsigned char start_class[256] = {
	['a'] = L('a'), ['b'] = L('b'), ['c'] = L('c'), ['d'] = L('d'),
	['e'] = L('e'), ['f'] = L('f'), ['g'] = L('g'), ['h'] = L('h'),
	['i'] = L('i'), ['j'] = L('j'), ['k'] = L('k'), ['l'] = L('l'),
	['m'] = L('m'), ['n'] = L('n'), ['o'] = L('o'), ['p'] = L('p'),
	['q'] = L('q'), ['r'] = L('r'), ['s'] = L('s'), ['t'] = L('t'),
	['u'] = L('u'), ['v'] = L('v'), ['w'] = L('w'), ['x'] = L('x'),
	['y'] = L('y'), ['z'] = L('z'), ['A'] = L('a'), ['B'] = L('b'),
	['C'] = L('c'), ['D'] = L('d'), ['E'] = L('e'), ['F'] = L('f'),
	['G'] = L('g'), ['H'] = L('h'), ['I'] = L('i'), ['J'] = L('j'),
	['K'] = L('k'), ['L'] = L('l'), ['M'] = L('m'), ['N'] = L('n'),
	['O'] = L('o'), ['P'] = L('p'), ['Q'] = L('q'), ['R'] = L('r'),
	['S'] = L('s'), ['T'] = L('t'), ['U'] = L('u'), ['V'] = L('v'),
	['W'] = L('w'), ['X'] = L('x'), ['Y'] = L('y'), ['Z'] = L('z'),
	['0'] = 27,     ['1'] = 27,     ['2'] = 27,     ['3'] = 27,
	['4'] = 27,     ['5'] = 27,     ['6'] = 27,     ['7'] = 27,
	['8'] = 27,     ['9'] = 27,
};
#undef L

/* may_start_with of a word with two bytes after its first, i + 2 < n:
 * no test of the end.  period_starts asks it of each word of a block
 * with two bytes after the block (most blocks): 132.74M to 132.36M
 * instructions on the 1 MB slice of the bench text, 571.13M to 569.09M
 * on the 5.3 MB text. */
static inline bool
may_start_with3(const char *s, size_t i)
{
	unsigned a = start_class[(unsigned char)s[i]];
	unsigned b = start_class[(unsigned char)s[i + 1]];
	unsigned c = start_class[(unsigned char)s[i + 2]];

	return start3[a][b] >> c & 1;
}

static inline bool
may_start_with(const char *s, size_t n, size_t i)
{
	unsigned a = start_class[(unsigned char)s[i]];
	unsigned b = i + 1 < n ? start_class[(unsigned char)s[i + 1]] : 0;
	unsigned c = i + 2 < n ? start_class[(unsigned char)s[i + 2]] : 0;

	return start3[a][b] >> c & 1;
}

/* Does the word s[j..j + k) go on a number as a period's does: a month
 * ("12 March", "12. Mar"), "calendar" or "months" ("12 month", "3
 * mths")? */
static bool
word_after_number(const char *s, size_t n, size_t j, size_t k)
{
	return (k >= 3 && may_start_with(s, n, j) &&
	        (date_month_name(s + j, k) || date_month_name(s + j, 3) ||
	         word_at(s, n, j, "calendar"))) ||
	       (k >= 4 && (s[j] | 32) == 'm' &&
	        (word_at(s, n, j, "months") || word_at(s, n, j, "month") ||
	         word_at(s, n, j, "mths")));
}

/* may_start of the number s[i..d) (d the end of its digits): "2016/17",
 * "2019-02", "201902", "28/02/2019", "12 months", "3-month", "21 July
 * 2017", "2019 calendar year"; not "590 fewer", most numbers of a
 * paragraph (with the month test below, part of the speed-up measured
 * in normalise-crime's text-sent.c: needs).  period_start_at has d, and
 * asks this, not may_start to walk the digits again (5.3 MB bench text
 * 567.26M to 567.01M instructions). */
static bool
num_start(const char *s, size_t n, size_t i, size_t d)
{
	size_t nd = d - i;
	if (d + 1 < n && s[d] == '.' && is_digit_c(s[d + 1])) {
		/* "8.2 For the", "12.5%", "41.5 per 1,000": of a number,
		 * a '.' and a number, only a date goes on ("21.07.2017",
		 * "2017.07.21"), with a second '.'; a prefix followed by
		 * ".5" is refused.  3,071 of the 4,277 words tried on 1 MB
		 * of report pages were no period: the text mode 489.9M to
		 * 487.9M instructions; with the two below, 486.7M */
		size_t e = d + 1;
		while (e < n && is_digit_c(s[e]))
			e++;
		if (e >= n || s[e] != '.')
			return false;
		/* and then as match_date reads it: d.m.yy, d.m.yyyy or
		 * yyyy.m.d, not "5.2.7 Females" */
		size_t f = e + 1;
		while (f < n && is_digit_c(s[f]))
			f++;
		size_t nm = e - d - 1, ny = f - e - 1;
		return nm <= 2 && ((nd == 4 && ny >= 1 && ny <= 2) ||
		                   (nd <= 2 && (ny == 2 || ny == 4)));
	}
	if (d < n && s[d] == '.') {
		/* "6.   UPDATE", "2021.": after "12." only a month
		 * ("12. March 2017"), "calendar" or "months" goes on;
		 * a byte past ASCII (a no-break space) as before */
		size_t j = skip_sp(s, n, d + 1);
		if (j < n && (unsigned char)s[j] >= 0x80)
			return true;
		return word_after_number(s, n, j, alpha_run(s, n, j));
	}
	if (nd == 6 || (d < n && (s[d] == '/' || s[d] == '-' || s[d] == '.')))
		return true;
	if (nd > 4)
		return false;
	size_t j = d;
	if (j + 1 < n && is_alpha_c(s[j]) && is_alpha_c(s[j + 1]) &&
	    !(j + 2 < n && is_alpha_c(s[j + 2])))
		j += 2; /* "21st", "8thSep" */
	j = skip_sp(s, n, j);
	/* each test below needs a word that may start a period by its
	 * first bytes, or an 'm' ("months", "12m"): the word after most
	 * numbers ("12 burglaries") is not run to its end (232.62M to
	 * 232.57M instructions per MB of report text) */
	if (j >= n || !((s[j] | 32) == 'm' || may_start_with(s, n, j)))
		return false;
	size_t k = alpha_run(s, n, j);
	if (word_after_number(s, n, j, k))
		return true;
	return nd <= 3 && j == d && k == 1 && (s[j] | 32) == 'm'; /* "12m to" */
}

/* Could a period start at s[i] (the start of a word)?  Digits, a month
 * name, "Q1", "Quarter", "FY", "financial", "calendar", "year".  Keeps
 * the whole-string parser off most words of a paragraph. */
static bool
may_start(const char *s, size_t n, size_t i)
{
	if (is_digit_c(s[i])) {
		size_t d = i;
		while (d < n && is_digit_c(s[d]))
			d++;
		return num_start(s, n, i, d);
	}
	if (!may_start_with(s, n, i))
		return false;
	char l = lower(s[i]);
	size_t k = alpha_run(s, n, i);
	/* "Q1", "FY2016/17"; not "to", "of", "as" */
	if (k <= 2)
		return k == 1 ? l == 'q' && i + 1 < n && is_digit_c(s[i + 1])
		              : l == 'f' && lower(s[i + 1]) == 'y';
	if (k > 9)
		return false; /* longer than "September", "financial" */
	/* each word below is asked only of a word with its first letter
	 * and length: every candidate word of a sentence comes here
	 * (period_starts) */
	if ((l == 't' || l == 's') &&
	    ((k == 5 && word_is(s + i, k, "three")) ||
	     (k == 6 && word_is(s + i, k, "twelve")) ||
	     (k == 3 && word_is(s + i, k, "six"))))
		return true;
	if (date_month_name(s + i, k)) {
		/* a month starts a period only before its year or a range:
		 * "March 2017", "Mar-17", "April to June 2023", not "may" */
		size_t j = i + k;
		while (j < n && (s[j] == ' ' || s[j] == '-' || s[j] == '\'' ||
		                 s[j] == ',' || s[j] == '.'))
			j++;
		return (j < n && is_digit_c(s[j])) || word_at(s, n, j, "to") ||
		       (j > i + k &&
		        date_month_name(s + j, alpha_run(s, n, j))) ||
		       word_at(s, n, j, "until") ||
		       bytes_at(s, n, j, "\xe2\x80");
	}
	/* "Jan19", "Feb-19" start with a month's three letters */
	if (k == 4 && date_month_name(s + i, 3))
		return true;
	switch (l) {
	case 'q':
		return k == 7 && word_is(s + i, k, "quarter");
	case 'f':
		return k == 9 && word_is(s + i, k, "financial");
	case 'c':
		return k == 8 && word_is(s + i, k, "calendar");
	case 'y':
		return k == 4 && word_is(s + i, k, "year");
	default:
		return false;
	}
}

/* Might may_start say yes to the number s[i..d)?  False only where its
 * digit branch surely says no, from the bytes after the number: the end
 * of the text (but "201902"), "1.2" and "8.2 For" (a date has a second
 * '.'), more than four digits, a byte after which nothing is read
 * ("1,234", "12%", "(12)"), or spaces and no word, or a word whose first
 * bytes start no month, "calendar" or "months" ("12 burglaries", "590
 * fewer").  Most numbers of a sentence are told so without the call
 * (230.64M to 229.79M instructions per MB of report text); test_date holds
 * period_starts, which asks this, to period_find, which does not. */
static inline bool
num_may_start(const char *s, size_t n, size_t i, size_t d)
{
	size_t nd = d - i;
	if (nd == 6)
		return true;
	if (d >= n)
		return false;
	char c = s[d];
	if (c == '.' && d + 1 < n && is_digit_c(s[d + 1])) {
		size_t e = d + 1;
		while (e < n && is_digit_c(s[e]))
			e++;
		return e < n && s[e] == '.';
	}
	if (c == '.' || c == '/' || c == '-')
		return true;
	if (nd > 4)
		return false;
	if (c == ' ' || c == '\t') {
		size_t j = skip_sp(s, n, d);
		return j < n && is_alpha_c(s[j]) &&
		       ((s[j] | 32) == 'm' || may_start_with(s, n, j));
	}
	return alnum_c(c) || (unsigned char)c >= 0x80;
}

/* "12 months", "12-month", "twelve months", "3 month period" at s[i]:
 * the months, and *end after the phrase; 0 when none. */
static int
months_phrase(const char *s, size_t n, size_t i, size_t *end)
{
	long v = 0;
	size_t j = i;
	if (is_digit_c(s[j])) {
		while (j < n && is_digit_c(s[j]) && j - i < 3)
			v = v * 10 + (s[j++] - '0');
		if (j < n && is_digit_c(s[j]))
			return 0;
	} else if (word_at(s, n, j, "twelve") || word_at(s, n, j, "three") ||
	           word_at(s, n, j, "six")) {
		v = (s[j] | 32) == 't' ? ((s[j + 1] | 32) == 'w' ? 12 : 3) : 6;
		j += alpha_run(s, n, j);
	} else {
		return 0;
	}
	if (j < n && s[j] == '-')
		j++;
	else
		j = skip_sp(s, n, j);
	size_t k = alpha_run(s, n, j);
	if (!(word_at(s, n, j, "months") || word_at(s, n, j, "month") ||
	      word_at(s, n, j, "mths")))
		return 0;
	j += k;
	size_t t = skip_sp(s, n, j);
	if (word_at(s, n, t, "period"))
		j = t + 6;
	if (v < 1 || v > 120)
		return 0;
	*end = j;
	return (int)v;
}

/* A single month at s[i] ("March 2017", "Mar-17"): its year and month,
 * *end after it. */
static bool
month_at(const char *s, size_t n, size_t i, int *y, int *m, size_t *end)
{
	cs_period q;
	size_t k = period_prefix(s + i, n - i, &q);
	if (k == 0 || q.start.y != q.end.y || q.start.m != q.end.m ||
	    q.start.d != 1)
		return false;
	*y = q.end.y, *m = q.end.m, *end = i + k;
	return true;
}

/* A connector of a range at s[i]: "to", "until", "-", an en dash. */
static size_t
range_to(const char *s, size_t n, size_t i)
{
	i = skip_sp(s, n, i);
	if (word_at(s, n, i, "to"))
		return skip_sp(s, n, i + 2);
	if (word_at(s, n, i, "until"))
		return skip_sp(s, n, i + 5);
	if (i < n && s[i] == '-')
		return skip_sp(s, n, i + 1);
	if (i + 3 <= n && bytes_at(s, n, i, "\xe2\x80\x93"))
		return skip_sp(s, n, i + 3);
	return 0;
}

/* The shapes with a stated length: "12-month period to September 2023",
 * "12 months (up to March 2017)", "3 months of January 2024 to March
 * 2024".  1 with *p, -1 when the range runs backwards or disagrees with
 * the length (*end is then after it), 0 when none. */
static int
stated_length(const char *s, size_t n, size_t i, cs_period *p, size_t *end)
{
	size_t j, e;
	int nm = months_phrase(s, n, i, &j);
	if (nm == 0)
		return 0;
	j = skip_sp(s, n, j);
	if (j < n && s[j] == ',')
		j = skip_sp(s, n, j + 1);
	bool paren = j < n && s[j] == '(';
	if (paren)
		j = skip_sp(s, n, j + 1);
	if (word_at(s, n, j, "of") || word_at(s, n, j, "from")) {
		j = skip_sp(s, n, j + alpha_run(s, n, j));
		int y1, m1, y2, m2;
		size_t k = period_prefix(s + j, n - j, p);
		if (k > 0 &&
		    (p->start.y != p->end.y || p->start.m != p->end.m)) {
			/* a forward range: its length must be the one stated */
			*end = j + k;
			y1 = p->start.y, m1 = p->start.m, y2 = p->end.y,
			m2 = p->end.m;
		} else if (month_at(s, n, j, &y1, &m1, &e) &&
		           (k = range_to(s, n, e)) != 0 &&
		           month_at(s, n, k, &y2, &m2, &e)) {
			*end = e; /* backwards: the parser refused it */
		} else {
			return 0;
		}
		if (month_index(y2, m2) - month_index(y1, m1) + 1 != nm)
			return -1;
		*p = period_months_to(y2, m2, nm);
		return p->label[0] ? 1 : 0;
	}
	if (word_at(s, n, j, "up"))
		j = skip_sp(s, n, j + 2);
	if (!(word_at(s, n, j, "to") || word_at(s, n, j, "ending") ||
	      word_at(s, n, j, "until")))
		return 0;
	/* the plain "12 months to March 2017" is period_parse's */
	j = skip_sp(s, n, j + alpha_run(s, n, j));
	int y, m;
	cs_date d;
	size_t k;
	if (month_at(s, n, j, &y, &m, &e)) {
		*p = period_months_to(y, m, nm);
	} else if ((k = date_prefix(s + j, n - j, &d)) > 0) {
		e = j + k;
		*p = is_month_end(d) ? period_months_to(d.y, d.m, nm)
		                     : period_months_to_day(d, nm);
	} else {
		return 0;
	}
	if (paren && e < n && s[e] == ')')
		e++;
	*end = e;
	return p->label[0] ? 1 : 0;
}

/* Could months_phrase read a length at s[i]?  Its first tests, inline:
 * a number of one to three digits followed, past a '-' or spaces, by an
 * 'm' ("12 months", "3-month", "12 mths"), or a word starting with 't'
 * or 's' ("twelve", "three", "six").  Where this says no, so does
 * months_phrase, and stated_length is 0: most words period_at and
 * backwards_at try ("March 2017", "2016/17", "21 July") are not asked
 * (5.3 MB bench text 568.52M to 567.68M instructions). */
static inline bool
length_may(const char *s, size_t n, size_t i)
{
	if (!is_digit_c(s[i]))
		return (s[i] | 32) == 't' || (s[i] | 32) == 's';
	size_t j = i + 1;
	while (j < n && is_digit_c(s[j]) && j - i <= 3)
		j++;
	if (j - i > 3)
		return false;
	if (j < n && s[j] == '-')
		j++;
	else
		j = skip_sp(s, n, j);
	return j < n && (s[j] | 32) == 'm';
}

size_t
date_length_check(const char *s, size_t n, size_t *found)
{
	size_t bad = 0, end;
	for (size_t i = 0; i < n; i++) {
		bool len = months_phrase(s, n, i, &end) != 0;
		*found += len;
		bad += len && !length_may(s, n, i);
	}
	return bad;
}

/* stated_length, asked only where length_may says yes. */
static inline int
stated_length_at(const char *s, size_t n, size_t i, cs_period *p, size_t *end)
{
	return length_may(s, n, i) ? stated_length(s, n, i, p, end) : 0;
}

/* A year alone is not a period (calendar or financial?), but in running
 * text after "in", "during", "than", "with", "against" or "vs" it is the
 * calendar year: "612 residential burglaries in 2023", "4% fewer than in
 * 2022".  The year at s[i], 1900-2199, or 0. */
static int
prose_year(const char *s, size_t n, size_t i)
{
	/* by length: the word before is compared with at most two, not
	 * seven each after a strlen */
	static const char *const before[8][2] = {
		[2] = { "in", "vs" },
		[4] = { "than", "with" },
		[6] = { "during", "versus" },
		[7] = { "against" },
	};
	if (i + 4 > n || !(is_digit_c(s[i]) && is_digit_c(s[i + 1]) &&
	                   is_digit_c(s[i + 2]) && is_digit_c(s[i + 3])))
		return 0;
	if (i + 4 < n &&
	    (alnum_c(s[i + 4]) || ((s[i + 4] == '/' || s[i + 4] == '-' ||
	                            s[i + 4] == '.' || s[i + 4] == ',') &&
	                           i + 5 < n && is_digit_c(s[i + 5]))))
		return 0;
	int y = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 +
	        (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
	if (y < 1900 || y > 2199 || i < 2 || s[i - 1] != ' ')
		return 0;
	size_t e = i - 1, b = e;
	while (b > 0 && e - b < 8 && is_alpha_c(s[b - 1]))
		b--;
	if (e - b >= 8) /* longer than "against" */
		return 0;
	for (size_t k = 0; k < 2 && before[e - b][k] != NULL; k++)
		if (word_is(s + b, e - b, before[e - b][k]))
			return y;
	return 0;
}

/* A word starts at s[i]: period_find's first test of each byte. */
static bool
period_word(const char *s, size_t i)
{
	return alnum_c(s[i]) && !(i > 0 && alnum_c(s[i - 1]));
}

/* period_find's test of the word at s[i]: 1 with the period, else 0
 * and *next, where the search goes on (after a range that runs
 * backwards, or a date: "on 21 July 2017" is a day, not July).  may is
 * may_start(s, n, i), or -1 to ask it here. */
static int
period_at(const char *s, size_t n, size_t i, int may, cs_period *p, size_t *so,
          size_t *eo, size_t *next, signed char *len, size_t *len_end)
{
	*next = i + 1;
	int y = prose_year(s, n, i);
	if (y) {
		*p = period_months_to(y, 12, 12);
		*so = i;
		*eo = i + 4;
		return 1;
	}
	if (may < 0)
		may = may_start(s, n, i);
	if (!may)
		return 0;
	cs_period q;
	size_t e = 0;
	int r = stated_length_at(s, n, i, &q, &e);
	if (len != NULL) {
		*len = (signed char)r;
		*len_end = e;
	}
	if (r < 0) {
		*next = e + 1;
		return 0;
	}
	/* period_prefix and date_prefix on the same tokens, cut once:
	 * 665.1M to 664.0M instructions for the text mode per MB */
	toks tk;
	bool cut = r == 0 && prefix_cut(s + i, n - i, &tk);
	size_t k = cut ? prefix_try(s + i, n - i, &tk, period_toks, &q) : 0;
	if (cut && is_digit_c(s[i])) {
		cs_date d;
		size_t dk = date_may_start(s + i, n - i)
		                ? prefix_try(s + i, n - i, &tk, date_toks, &d)
		                : 0;
		if (dk > k) {
			*next = i + dk;
			return 0;
		}
	}
	if (r > 0 || k > 0) {
		*p = q;
		*so = i;
		*eo = r > 0 ? e : i + k;
		return 1;
	}
	return 0;
}

bool
period_find(const char *s, size_t n, size_t from, cs_period *p, size_t *so,
            size_t *eo)
{
	size_t next, end = digits_end(s, from, n);
	for (size_t i = from; i < end; i++) {
		if (!period_word(s, i))
			continue;
		if (period_at(s, n, i, -1, p, so, eo, &next, NULL, NULL))
			return true;
		i = next - 1;
	}
	return false;
}

/* period_find from 0 finds a period at 0 only by period_at at its first
 * word, when s[0] starts one before the last digit; any other it finds
 * starts later.  So that one call answers whether s is a period whole,
 * not a scan of the rest of s for one that cannot be (normalise-crime's
 * table cells, "Apr-22", "2019/20 Total"). */
bool
period_whole(const char *s, size_t n, cs_period *p)
{
	size_t so, eo, next;
	cs_period q;
	if (n == 0 || !alnum_c(s[0]) || digits_end(s, 0, n) == 0 ||
	    !period_at(s, n, 0, -1, &q, &so, &eo, &next, NULL, NULL) || eo != n)
		return false;
	*p = q;
	return true;
}

/* period_starts' test of the word at s[i], one may_start_with passed
 * (every digit does): a period or a prose year may start there. */
static void
period_start_at(const char *s, size_t n, size_t i, cs_pstarts *ps)
{
	/* the first tests of may_start here, not behind a call; a
	 * prose year has four digits */
	bool may, year = false;
	if (is_digit_c(s[i])) {
		size_t d = text_digit_run_end(s, i, n);
		may = num_may_start(s, n, i, d) && num_start(s, n, i, d);
		year = !may && d - i == 4 && prose_year(s, n, i);
	} else {
		may = may_start(s, n, i);
	}
	if (may || year) {
		/* xgrow only when full, not a call for each word kept
		 * (5.3 MB bench text 567.46M to 567.26M instructions) */
		if (ps->n == ps->cap)
			ps->at =
			    xgrow(ps->at, &ps->cap, ps->n + 1, sizeof *ps->at);
		ps->at[ps->n].i = i;
		ps->at[ps->n].len = 2;
		ps->at[ps->n++].may = may;
	}
}

void
period_starts(const char *s, size_t n, size_t from, cs_pstarts *ps)
{
	ps->n = 0;
	size_t i = from, end = digits_end(s, from, n);
	/* word by word, not byte by byte: a word starting before from is
	 * not one */
	if (i > 0)
		while (i < end && alnum_c(s[i]) && alnum_c(s[i - 1]))
			i++;
	/* Each block of eight bytes gives the words starting in it at
	 * once, a letter or digit after a byte that is none (the block's
	 * first after the last byte of the one before): a walk to each
	 * word's end and over the spaces after it was a branch the
	 * processor guessed wrong at most words, where this is one a block
	 * (period_starts alone over the 1 MB slice's 3,484 sentences with
	 * a digit, best of 40 rounds: 1.11 to 0.94 ms).  The words end
	 * with the one with s[end - 1], a digit.  A block with two bytes
	 * of s after it asks may_start_with3, no test of the end; the last
	 * ones go byte by byte below. */
	size_t b = i;
#ifdef TEXT_FIRST_BYTE
	uint64_t prev = 0; /* s[i] starts a word, or is none */
	/* b + 8 <= end and b + 10 <= n in one test: 5.3 MB bench text
	 * 566.26M to 564.55M instructions */
	size_t last = n < 2 ? 0 : end < n - 2 ? end : n - 2;
	for (; b + 8 <= last; b += 8) {
		uint64_t an = text_alnum_bits(text_load8(s + b));
		uint64_t st = an & ~(an << 8 | prev);
		prev = an >> 56;
		while (st != 0) {
			size_t w = b + TEXT_FIRST_BYTE(st);
			st &= st - 1;
			if (may_start_with3(s, w))
				period_start_at(s, n, w, ps);
		}
	}
#endif
	for (; b < end; b++)
		if (alnum_c(s[b]) && (b == i || !alnum_c(s[b - 1])) &&
		    may_start_with(s, n, b))
			period_start_at(s, n, b, ps);
}

void
period_starts_free(cs_pstarts *ps)
{
	free(ps->at);
	*ps = (cs_pstarts){ 0 };
}

bool
period_find_in(const char *s, size_t n, cs_pstarts *ps, size_t from,
               cs_period *p, size_t *so, size_t *eo)
{
	size_t next = from;
	for (size_t k = 0; k < ps->n; k++) {
		size_t i = ps->at[k].i;
		if (i < next)
			continue;
		if (i >= n)
			break;
		if (period_at(s, n, i, ps->at[k].may, p, so, eo, &next,
		              &ps->at[k].len, &ps->at[k].len_end))
			return true;
	}
	return false;
}

/* A month and year at s[i] without the whole-string parser: "December
 * 2023", "Dec-23", "Dec18", "Jan '19".  Only for the backwards test, which
 * looks at every month word of a paragraph. */
static bool
lex_month(const char *s, size_t n, size_t i, int *y, int *m, size_t *end)
{
	size_t k = alpha_run(s, n, i);
	if (k < 3 || !(*m = date_month_name(s + i, k)))
		return false;
	size_t j = i + k;
	if (j < n && (s[j] == '-' || s[j] == '\'' || s[j] == ' '))
		j++;
	if (j < n && s[j] == ' ')
		j++;
	size_t d = j;
	long v = 0;
	while (d < n && is_digit_c(s[d]) && d - j < 5)
		v = v * 10 + (s[d++] - '0');
	if ((d - j != 2 && d - j != 4) ||
	    (d < n && (is_digit_c(s[d]) || is_alpha_c(s[d]))))
		return false;
	*y = d - j == 2 ? two_digit_year(v) : (int)v;
	*end = d;
	return true;
}

bool
period_find_backwards(const char *s, size_t n, size_t from, size_t *so,
                      size_t *eo)
{
	return period_backwards_upto(s, n, from, n, so, eo);
}

/* period_backwards_upto's test of a word at s[i] where a period may
 * start; len and len_end are stated_length's answer there when
 * period_at asked it (the words before a sentence's first period were
 * asked, each a second time here: 229.50M to 228.86M instructions per MB
 * of report text), len 2 when not. */
static bool
backwards_at(const char *s, size_t n, size_t i, int len, size_t len_end,
             size_t *so, size_t *eo)
{
	cs_period q;
	size_t e = len_end, k;
	if (len == 2)
		len = stated_length_at(s, n, i, &q, &e);
	if (len < 0) {
		*so = i, *eo = e;
		return true;
	}
	int y1, m1, y2, m2;
	if (lex_month(s, n, i, &y1, &m1, &e) && (k = range_to(s, n, e)) != 0 &&
	    lex_month(s, n, k, &y2, &m2, &e) &&
	    month_index(y2, m2) < month_index(y1, m1)) {
		*so = i, *eo = e;
		return true;
	}
	return false;
}

bool
period_backwards_upto(const char *s, size_t n, size_t from, size_t upto,
                      size_t *so, size_t *eo)
{
	size_t end = digits_end(s, from, n);
	for (size_t i = from; i < end && i <= upto; i++)
		if (period_word(s, i) && may_start(s, n, i) &&
		    backwards_at(s, n, i, 2, 0, so, eo))
			return true;
	return false;
}

bool
period_backwards_in(const char *s, size_t n, const cs_pstarts *ps, size_t from,
                    size_t upto, size_t *so, size_t *eo)
{
	for (size_t k = 0; k < ps->n; k++) {
		size_t i = ps->at[k].i;
		if (i < from || !ps->at[k].may)
			continue;
		if (i >= n || i > upto)
			break;
		if (backwards_at(s, n, i, ps->at[k].len, ps->at[k].len_end, so,
		                 eo))
			return true;
	}
	return false;
}

/* ---- finding dates and times in running text ---------------------------- */

/* A word starts at i: a letter or digit with none just before it, so
 * "2022" inside "20220330" or "May" inside "Mayor" is not tried. */
static bool
word_start(const char *s, size_t i)
{
	return (is_digit_c(s[i]) || is_alpha_c(s[i])) &&
	       (i == 0 || !(is_digit_c(s[i - 1]) || is_alpha_c(s[i - 1])));
}

bool
date_find(const char *s, size_t n, size_t from, cs_date *d, size_t *so,
          size_t *eo)
{
	for (size_t i = from; i < n; i++) {
		size_t k;
		if (!word_start(s, i))
			continue;
		if ((k = date_prefix(s + i, n - i, d)) > 0) {
			*so = i;
			*eo = i + k;
			return true;
		}
	}
	return false;
}

bool
time_find(const char *s, size_t n, size_t from, int *minutes, size_t *so,
          size_t *eo)
{
	for (size_t i = from; i < n; i++) {
		size_t k;
		if (!word_start(s, i))
			continue;
		if ((k = time_prefix(s + i, n - i, minutes)) > 0) {
			*so = i;
			*eo = i + k;
			return true;
		}
	}
	return false;
}
