/* text-period.c - periods and areas named in the free text of a report.
 *
 * Reports name periods in many ways: "the 12 months to March 2017",
 * "12-month period to September 2023", "October 2023 to December 2023",
 * "Year-end October 2022", "Dec18-Jan19", "2016/17".  Each shape is one
 * PCRE2 pattern compiled once; the earliest match in the text wins. */
#include <stdlib.h>
#include <string.h>

#include "borough.h"
#include "re.h"
#include "text.h"
#include "tx.h"

#define MON "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?" \
	"|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
/* A month and year: "March 2017", "Feb-19", "Jan19", "28/02/2019",
 * "28Feb2019", "8thSep2017". */
#define MY "(?:(?:\\d{1,2}(?:st|nd|rd|th)?\\s*)?(?<![a-z])" MON \
	"\\.?[\\s,'-]*(?:\\d{4}|\\d{2})(?!\\d)|\\d{1,2}/\\d{1,2}/\\d{4})"

enum { P_RANGE_N, P_TO, P_RANGE, P_YE, P_FY, P_NPAT };

static const char *const pat[P_NPAT] = {
	[P_RANGE_N] = "(?<n>\\d+)[ -]months?(?: period)? (?:of |from )?(?<a>" MY
		") ?(?:to|-|until) ?(?<b>" MY ")",
	[P_TO] = "(?<n>\\d+|twelve|three)[ -]months?(?: period)?,? \\(?(?:up )?"
		"(?:to|ending) (?<b>" MY ")",
	[P_RANGE] = "(?<a>" MY ") ?(?:to|-|until) ?(?<b>" MY ")",
	[P_YE] = "year[- ]?end(?:ing)?:? (?<b>" MY ")",
	[P_FY] = "(?<![\\d/.])(?<y>(?:19|20)\\d\\d)/(?<y2>\\d\\d)(?![\\d/])",
};
static cs_re *re[P_NPAT];
static cs_re *re_ago, *re_prev, *re_month, *re_signed;

static void compile(void)
{
	if (re[0])
		return;
	for (int i = 0; i < P_NPAT; i++)
		re[i] = re_compile(pat[i], "i", "text-period.c");
	re_ago = re_compile("(?<k>\\d+|one|a|two|three|four|five) years? ago",
			    "i", "text-period.c");
	re_prev = re_compile("previous (?:yr|year)|last year|prior year"
			     "|12 months (?:ago|prior|earlier)|year ago",
			     "i", "text-period.c");
	re_month = re_compile(MY, "i", "text-period.c");
	re_signed = re_compile("^(?<v>\\d+(?:\\.\\d+)?%)\\s*(?<w>increase|rise|up|higher"
			       "|decrease|reduction|fall|down|lower)$", "i", "text-period.c");
}

void tx_period_free(void)
{
	for (int i = 0; i < P_NPAT; i++) {
		re_free(re[i]);
		re[i] = NULL;
	}
	re_free(re_ago);
	re_free(re_prev);
	re_free(re_month);
	re_free(re_signed);
	re_ago = re_prev = re_month = re_signed = NULL;
}

/* Year and month of a MY text. */
static bool my_parse(const char *s, size_t n, int *y, int *m)
{
	const char *slash = memchr(s, '/', n);
	long v = 0;
	if (slash) { /* dd/mm/yyyy */
		const char *s2 = memchr(slash + 1, '/', n - (size_t)(slash + 1 - s));
		if (!s2 || !num_long(slash + 1, (size_t)(s2 - slash - 1), &v))
			return false;
		*m = (int)v;
		if (!num_long(s2 + 1, n - (size_t)(s2 + 1 - s), &v))
			return false;
		*y = (int)v;
		return *m >= 1 && *m <= 12;
	}
	size_t i = 0;
	while (i < n && !((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z'))
		i++;
	/* skip an ordinal suffix glued to the day ("8thSep") */
	if (i + 2 < n && (text_iprefix(s + i, 2, "st") || text_iprefix(s + i, 2, "nd") ||
			  text_iprefix(s + i, 2, "rd") || text_iprefix(s + i, 2, "th")) &&
	    i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
		i += 2;
	if (i + 3 > n)
		return false;
	*m = date_month_name(s + i, 3);
	size_t j = n;
	while (j > 0 && s[j - 1] >= '0' && s[j - 1] <= '9')
		j--;
	if (*m == 0 || !num_long(s + j, n - j, &v))
		return false;
	*y = (int)(n - j == 2 ? 2000 + v : v);
	return *y >= 1900 && *y <= 2100;
}

static bool group_my(cs_re *r, const char *s, const char *name, int *y, int *m)
{
	size_t so, eo;
	return re_named(r, name, &so, &eo) && my_parse(s + so, eo - so, y, m);
}

static int months_between(int ay, int am, int by, int bm)
{
	return (by * 12 + bm) - (ay * 12 + am) + 1;
}

/* Interpret the match of pattern i. */
static int interpret(int i, const char *s, cs_period *p)
{
	int ay, am, by, bm;
	size_t so, eo;
	long n = 12;
	switch (i) {
	case P_RANGE_N:
	case P_RANGE:
		if (!group_my(re[i], s, "a", &ay, &am) || !group_my(re[i], s, "b", &by, &bm))
			return TXP_NONE;
		if (months_between(ay, am, by, bm) < 1)
			return TXP_BACKWARDS;
		if (i == P_RANGE_N && re_named(re[i], "n", &so, &eo) &&
		    num_long(s + so, eo - so, &n) && n != months_between(ay, am, by, bm))
			return TXP_BACKWARDS; /* "3 months of June to September" */
		*p = period_months_to(by, bm, months_between(ay, am, by, bm));
		return TXP_OK;
	case P_TO:
		if (!group_my(re[i], s, "b", &by, &bm))
			return TXP_NONE;
		if (re_named(re[i], "n", &so, &eo) && !num_long(s + so, eo - so, &n))
			n = text_iprefix(s + so, eo - so, "three") ? 3 : 12;
		if (n < 1 || n > 120)
			return TXP_NONE;
		*p = period_months_to(by, bm, (int)n);
		return TXP_OK;
	case P_YE:
		if (!group_my(re[i], s, "b", &by, &bm))
			return TXP_NONE;
		*p = period_months_to(by, bm, 12);
		return TXP_OK;
	case P_FY: {
		long y, y2;
		re_named(re[i], "y", &so, &eo);
		if (!num_long(s + so, eo - so, &y))
			return TXP_NONE;
		re_named(re[i], "y2", &so, &eo);
		if (!num_long(s + so, eo - so, &y2) || y2 != (y + 1) % 100)
			return TXP_NONE;
		*p = period_fy((int)y);
		return TXP_OK;
	}
	}
	return TXP_NONE;
}

int tx_find_period(const char *s, size_t n, cs_period *p, size_t *so,
		   size_t *eo)
{
	compile();
	size_t best = n + 1;
	int found = TXP_NONE;
	for (int i = 0; i < P_NPAT; i++) {
		size_t start = 0, mso, meo;
		/* a pattern whose text is not a period ("2019/20" that is not a
		 * year pair) is looked for again further on */
		while (start < n && re_match(re[i], s, n, start) == RE_MATCH) {
			re_group(re[i], 0, &mso, &meo);
			if (mso >= best)
				break;
			cs_period q;
			int r = interpret(i, s, &q);
			if (r != TXP_NONE) {
				best = mso;
				found = r;
				*p = q;
				*so = mso;
				*eo = meo;
				break;
			}
			start = meo > mso ? meo : mso + 1;
		}
	}
	return found;
}

bool tx_cell_period(const char *s, size_t n, cs_period *p)
{
	text_trim(&s, &n);
	size_t so, eo;
	if (n && tx_find_period(s, n, p, &so, &eo) == TXP_OK && so == 0 && eo == n)
		return true;
	/* a single month, "Feb-19", "January 2023" */
	int y, m;
	if (n >= 5 && n <= 20 && date_month_name(s, 3) && my_parse(s, n, &y, &m)) {
		for (size_t i = 3; i < n; i++)
			if (s[i] == '/' || s[i] == ':')
				return false;
		*p = period_month(y, m);
		return true;
	}
	return period_parse(s, n, p);
}

int tx_months_ago(const char *s, size_t n)
{
	compile();
	size_t so, eo;
	if (re_match(re_ago, s, n, 0) == RE_MATCH) {
		re_named(re_ago, "k", &so, &eo);
		long k = 1;
		static const char *const words[] = { "a", "one", "two", "three", "four", "five" };
		if (!num_long(s + so, eo - so, &k))
			for (size_t w = 0; w < 6; w++)
				if (text_ieq(s + so, eo - so, words[w]))
					k = w ? (long)w : 1;
		return k > 0 && k < 50 ? (int)k * 12 : 0;
	}
	return re_match(re_prev, s, n, 0) == RE_MATCH ? 12 : 0;
}

const char *tx_area_name(const char *s, size_t n)
{
	const char *paren = memchr(s, '(', n);
	if (paren)
		n = (size_t)(paren - s);
	text_trim(&s, &n);
	if (n == 0)
		return NULL;
	if (text_ieq(s, n, "London"))
		return "London";
	if (text_ieq(s, n, "England"))
		return "England";
	if (text_ieq(s, n, "England and Wales") || text_ieq(s, n, "England & Wales"))
		return "England and Wales";
	const cs_borough *b = borough_find(s, n);
	return b ? b->name : NULL;
}

int tx_find_month(const char *s, size_t n, cs_period *p, size_t *so, size_t *eo)
{
	compile();
	int y, m;
	if (re_match(re_month, s, n, 0) != RE_MATCH)
		return TXP_NONE;
	re_group(re_month, 0, so, eo);
	if (!my_parse(s + *so, *eo - *so, &y, &m))
		return TXP_NONE;
	*p = period_month(y, m);
	return TXP_OK;
}

bool tx_cell_num(const char *s, size_t n, cs_num *v)
{
	if (num_parse(s, n, v) == NUM_OK)
		return true;
	compile();
	size_t so, eo;
	text_trim(&s, &n);
	if (re_match(re_signed, s, n, 0) != RE_MATCH)
		return false;
	re_named(re_signed, "v", &so, &eo);
	if (num_parse(s + so, eo - so, v) != NUM_OK)
		return false;
	re_named(re_signed, "w", &so, &eo);
	char c = (char)(s[so] | 32);
	bool down = c == 'd' || c == 'r' || c == 'f' || c == 'l';
	if (down && v->value > 0) {
		v->value = -v->value;
		memmove(v->text + 1, v->text, sizeof v->text - 1);
		v->text[0] = '-';
		v->text[sizeof v->text - 1] = '\0';
	}
	return true;
}
