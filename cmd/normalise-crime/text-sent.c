/* text-sent.c - statistic sentences and sentence-style dashboards.
 *
 * "There were 9198 ASB reports", "there were 731 Domestic Abuse with
 * Injury offences recorded in ..." are counts.
 *
 * Lines are joined into paragraphs (a blank line, a bullet or a numbered
 * paragraph starts a new one) because pdftotext wraps a sentence wherever
 * the PDF did.  Each pattern below is one shape of sentence; a figure is
 * read only when its offence label is in the taxonomy (dashboard
 * sentences excepted: their label is delimited by "cases of ... in"), and
 * never when qualified ("over 1500", "an approximate 10%").  The period
 * is the one the sentence names, a footnote its relative phrase cites
 * ("the last 12 months1"), or the period of a lead-in paragraph ending
 * in ':'; otherwise it is left empty. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "re.h"
#include "text.h"
#include "tx.h"

struct tx_para {
	sbuf text;
	struct { size_t off; long line; } *at;
	size_t nat, capat;
	sbuf lab;
};

enum { S_DASH2, S_DASH1, S_RATE, S_RATE2, S_RANK, S_RANK2, S_FEWER, S_PCT, S_THERE, S_N };

#define QUAL "(?<q>\\b(?:over|more than|almost|nearly|around|approximately|an approximate" \
	"|about|up to|some|at least) )?"
#define LAB "(?<lab>[A-Za-z][A-Za-z0-9 /&-]{1,50}?)"
#define NUM "(?<v>\\d[\\d,]*(?:\\.\\d+)?)"
#define OFN "(?:out )?of (?:all )?(?:the )?(?<of>\\d+) (?:London )?boroughs"

static const char *const pat[S_N] = {
	[S_DASH2] = "There were " NUM " cases of (?<lab>[A-Z][^.]{2,60}?)"
		"(?: in (?<area>[A-Z][A-Za-z ]+?))? in the (?<per>[^.]{5,60}?)\\. "
		"In the (?:same period )?12 months prior there were (?<b>\\d[\\d,]*)\\.? "
		"This is an? (?<dir>increase|decrease) of (?<pc>\\d+(?:\\.\\d+)?%)",
	[S_DASH1] = "In the (?<per>\\d+ months of [^.]{5,50}?)(?: \\(incl\\.?\\))? there "
		"were " NUM " cases of (?<lab>[A-Z][^.]{2,60}?) in (?<area>[A-Z][A-Za-z ]+?)"
		"\\s*(?:$|[.;])",
	[S_RATE] = QUAL NUM " (?<lab>crimes|offences|[A-Za-z][A-Za-z ]{2,50}? "
		"(?:offences|crimes|incidents)) per 1,?000 (?:residents|population|people|pop)\\b",
	[S_RATE2] = "rate of " LAB " (?:in (?<per>[^.]{4,50}?) )?(?:is|was) " NUM
		" per 1,?000 (?:residents|population|people|pop)",
	[S_RANK] = "(?<n>\\d+)(?:st|nd|rd|th) (?<dir>lowest|highest) (?:rates? )?of " LAB
		" (?:per (?:person|1,?000 (?:population|residents)) )?" OFN,
	[S_RANK2] = "rate of " LAB " (?:is|was) the (?<n>\\d+)(?:st|nd|rd|th) "
		"(?<dir>lowest|highest)(?: rate)? " OFN,
	[S_FEWER] = QUAL NUM " (?<dir>fewer|more) " LAB
		"(?=\\s+(?:in|than|per|happening|every|over|during)\\b|\\s*[(,.;]|$)",
	[S_PCT] = QUAL NUM "% (?<dir>reduction|decrease|increase|rise|fall|drop)\\d{0,2} "
		"(?:in|across) (?:the )?(?:number of )?" LAB
		"(?= \\(| compared| in\\b| over\\b| since\\b| recorded\\b| during\\b| crime types"
		"|\\s*[,.;:]|\\s*$)(?:(?: crime types)?\\s*\\(from (?<a>\\d[\\d,]*)"
		"(?: [a-z]+)? to (?<b>\\d[\\d,]*)\\))?",
	[S_THERE] = "there (?:were|have been|has been|was) " QUAL NUM " " LAB
		"(?=\\s+(?:recorded|reported|made|in|during|over|between|across|since)\\b"
		"|\\s*[.,;:(]|\\s*$)",
};
/* Words a paragraph must hold for the pattern to match at all (any case;
 * NULL: none checked).  The patterns that open with an optional qualifier
 * and a number try a match at every digit and qualifier word; these
 * tests, a few memchr scans, spare them most paragraphs.  On the bench's
 * report text (20 MB) this took normalise-crime --format text from 1.16
 * to 0.62 s CPU, with the same output. */
static const char *const need[S_N][2] = {
	[S_RATE] = { "000" },             /* per 1,000 / per 1000 */
	[S_FEWER] = { "fewer", "more" },
	[S_PCT] = { "%" },
	[S_RANK] = { "borough" },
	[S_RATE2] = { "rate of" },
	[S_RANK2] = { "rate of" },
};
static cs_re *re[S_N];
static cs_re *re_rel, *re_area, *re_follow, *re_ago, *re_bullet;

static void compile(void)
{
	if (re[0])
		return;
	for (int i = 0; i < S_N; i++)
		re[i] = re_compile(pat[i], "i", "text-sent.c");
	/* "the last 12 months1", "the last performance year6" */
	re_rel = re_compile("\\b(?:last|past|previous) (?:(?<n>\\d+|twelve|five) )?"
			    "(?:performance )?(?<u>months?|years?)(?<fn>\\d{1,2})\\b", "i",
			    "text-sent.c");
	re_area = re_compile("\\bin (?<a>[A-Z][a-z]+(?: (?:upon |and |& )?[A-Z][a-z]+)*)",
			     "", "text-sent.c");
	re_follow = re_compile("\\G[^.)]{0,80}?\\b(?:(?<d1>reduction|decrease|fall|increase|rise)"
			       " of (?<p1>\\d+(?:\\.\\d+)?%)|(?<p2>\\d+(?:\\.\\d+)?%) "
			       "(?<d2>reduction|decrease|fall|increase|rise))", "i", "text-sent.c");
	re_ago = re_compile("\\b(?:than|compared (?:to|with)) (?:a|one) year ago|previous year",
			    "i", "text-sent.c");
	re_bullet = re_compile("^\\s*(?:[-*•❑▪◦]\\s|\\d+(?:\\.\\d+)+\\s)", "", "text-sent.c");
}

void tx_sent_free(void)
{
	for (int i = 0; i < S_N; i++) {
		re_free(re[i]);
		re[i] = NULL;
	}
	re_free(re_rel);
	re_free(re_area);
	re_free(re_follow);
	re_free(re_ago);
	re_free(re_bullet);
	/* nc_text runs once per operand: the next may not compile these */
	re_rel = re_area = re_follow = re_ago = re_bullet = NULL;
}

static struct tx_para *para(tx *t)
{
	if (!t->para)
		t->para = xcalloc(1, sizeof *t->para);
	return t->para;
}

static long line_at(const struct tx_para *pp, size_t off)
{
	long line = pp->nat ? pp->at[0].line : 0;
	for (size_t i = 0; i < pp->nat && pp->at[i].off <= off; i++)
		line = pp->at[i].line;
	return line;
}

/* The sentence around [so, eo): from after the previous ". X" to the next. */
static void sentence(const char *s, size_t n, size_t so, size_t eo, size_t *a, size_t *b)
{
	*a = so;
	while (*a > 1 && !((s[*a - 2] == '.' || s[*a - 2] == ';') && s[*a - 1] == ' '))
		(*a)--;
	if (*a <= 1)
		*a = 0;
	*b = eo;
	while (*b + 2 < n && !(s[*b] == '.' && s[*b + 1] == ' ' && s[*b + 2] >= 'A' &&
			       s[*b + 2] <= 'Z'))
		(*b)++;
	*b = *b + 2 < n ? *b : n;
}

static bool grp(cs_re *r, const char *name, size_t *so, size_t *eo)
{
	return re_named(r, name, so, eo) && *eo > *so;
}

/* Where a figure's period comes from. */
typedef struct {
	tx_period p;
	int fn, fn_months;
	bool backwards;
	size_t bso, beo;       /* the backwards period's span */
	bool year_ago;         /* "than a year ago": base is a year before */
} when;

static when period_of(tx *t, const char *s, size_t a, size_t b)
{
	when w = { 0 };
	size_t so, eo;
	int r = tx_find_period(s + a, b - a, &w.p.p, &so, &eo);
	w.backwards = r == TXP_BACKWARDS;
	w.bso = a + so;
	w.beo = a + eo;
	w.p.set = r == TXP_OK;
	w.year_ago = re_match(re_ago, s, b, a) == RE_MATCH;
	if (!w.p.set && !w.backwards && re_match(re_rel, s, b, a) == RE_MATCH) {
		long n = 1;
		grp(re_rel, "fn", &so, &eo);
		num_long(s + so, eo - so, &n);
		w.fn = (int)n;
		n = 1;
		if (grp(re_rel, "n", &so, &eo) && !num_long(s + so, eo - so, &n))
			n = (s[so] | 32) == 't' ? 12 : 5;
		grp(re_rel, "u", &so, &eo);
		w.fn_months = (int)((s[so] | 32) == 'y' ? n * 12 : n);
	}
	if (!w.p.set && !w.fn && !w.backwards && t->lead.set)
		w.p = t->lead;
	return w;
}

static const char *area_of(tx *t, const char *s, size_t from, size_t to)
{
	size_t so, eo;
	if (re_match(re_area, s, to, from) == RE_MATCH && grp(re_area, "a", &so, &eo)) {
		const char *a = tx_area_name(s + so, eo - so);
		if (a)
			return a;
	}
	return t->area;
}

/* The offence label of a sentence: as printed, or without a trailing
 * "offences"/"crimes" when only that maps.  NULL when it maps to nothing
 * and must. */
static const char *label_of(tx *t, const char *s, size_t so, size_t eo, bool must)
{
	sbuf *l = &t->para->lab;
	tx_label(s + so, eo - so, l);
	if (tax_map(l->s, l->len))
		return l->s;
	static const char *const tails[] = { " offences", " crimes", " incidents", " offence" };
	for (size_t i = 0; i < 4; i++) {
		size_t k = strlen(tails[i]);
		if (l->len > k && text_ieq(l->s + l->len - k, k, tails[i]) &&
		    tax_map(l->s, l->len - k)) {
			l->s[l->len -= k] = '\0';
			return l->s;
		}
	}
	return must ? NULL : l->s;
}

static tx_fact *add(tx *t, const char *s, size_t off, const char *area, const when *w,
		    const tx_period *base, const char *label, const char *measure,
		    const char *value, const char *unit)
{
	tx_fact *f = tx_add(t, line_at(t->para, off), area, &w->p, base, label,
			    strlen(label), measure, value, unit);
	(void)s;
	if (w->fn) {
		f->fn = w->fn;
		f->fn_months = w->fn_months;
		if (strstr(measure, "change") && w->year_ago)
			f->fn_base_months = 12;
	}
	return f;
}

static bool number(const char *s, size_t so, size_t eo, cs_num *v)
{
	return num_parse(s + so, eo - so, v) == NUM_OK;
}

/* "-" before a number's text. */
static void negate(cs_num *v)
{
	if (v->value <= 0)
		return;
	v->value = -v->value;
	memmove(v->text + 1, v->text, sizeof v->text - 1);
	v->text[0] = '-';
	v->text[sizeof v->text - 1] = '\0';
}

static bool down(const char *s, size_t so)
{
	char c = (char)(s[so] | 32);
	return c == 'd' || c == 'r' || c == 'f' || c == 'l';
}

/* The base period of a change: a year before, unless a footnote says. */
static tx_period base_of(const when *w)
{
	tx_period b = { 0 };
	if (w->p.set)
		b = (tx_period){ true, period_shift(&w->p.p, -12) };
	return b;
}

static void match(tx *t, int k, const char *s, size_t n, size_t mso, size_t meo)
{
	cs_re *r = re[k];
	size_t so, eo, a, b;
	cs_num v, v2, pc;
	if (grp(r, "q", &so, &eo))
		return; /* "over 1500": not a figure */
	sentence(s, n, mso, meo, &a, &b);
	when w = period_of(t, s, a, b);
	if (w.backwards) {
		int len = (int)(w.beo - w.bso < 80 ? w.beo - w.bso : 80);
		cs_warn_at(t->file, line_at(t->para, mso), "period \"%.*s\" runs backwards "
			   "or does not fit its length: sentence not read", len, s + w.bso);
		return;
	}
	const char *area = area_of(t, s, mso, meo + 30 < n ? meo + 30 : n);
	const char *label;
	size_t vo = 0;
	if (grp(r, "v", &so, &eo)) {
		vo = so;
		if (!number(s, so, eo, &v))
			return;
	}
	grp(r, "lab", &so, &eo);
	label = label_of(t, s, so, eo, k != S_DASH1 && k != S_DASH2);
	if (!label)
		return;
	char ofs[32];
	tx_period base = base_of(&w);
	switch (k) {
	case S_DASH1:
	case S_DASH2:
		add(t, s, vo, area, &w, NULL, label, "count", v.text, "offences");
		if (k == S_DASH1 || !grp(r, "b", &so, &eo) || !number(s, so, eo, &v2))
			break;
		add(t, s, so, area, &(when){ .p = base }, NULL, label, "count", v2.text,
		    "offences");
		grp(r, "dir", &a, &b);
		grp(r, "pc", &so, &eo);
		if (!number(s, so, eo, &pc))
			break;
		if (down(s, a))
			negate(&pc);
		add(t, s, so, area, &w, &base, label, "pct_change", pc.text, "percent");
		tx_check_change(t, line_at(t->para, so), label, v2.value, v.value, &pc, true);
		break;
	case S_THERE:
		/* "there were 106 offences": of what, the paragraph says */
		if (text_ieq(label, strlen(label), "offences") || text_ieq(label, strlen(label), "crimes"))
			break;
		add(t, s, vo, area, &w, NULL, label, "count", v.text,
		    strstr(label, "ASB") || strstr(label, "eports") || strstr(label, "ncidents") ||
		    strstr(label, "alls") ? "incidents" : "offences");
		break;
	case S_RATE:
	case S_RATE2:
		add(t, s, vo, area, &w, NULL, label, "rate_per_1000", v.text,
		    "per 1000 population");
		break;
	case S_RANK:
	case S_RANK2: {
		long rank, of;
		grp(r, "n", &so, &eo);
		num_long(s + so, eo - so, &rank);
		grp(r, "of", &a, &b);
		num_long(s + a, b - a, &of);
		grp(r, "dir", &a, &b);
		if ((s[a] | 32) == 'h')
			rank = of + 1 - rank;  /* rank 1 = lowest */
		snprintf(v.text, sizeof v.text, "%ld", rank);
		snprintf(ofs, sizeof ofs, "of %ld", of);
		add(t, s, so, area, &w, NULL, label, "rank", v.text, ofs);
		break;
	}
	case S_FEWER: {
		grp(r, "dir", &a, &b);
		if ((s[a] | 32) == 'f')
			negate(&v);
		tx_fact *f = add(t, s, vo, area, &w, &base, label, "count_change", v.text,
				 "offences");
		f->claim = true;
		/* "(equating to a reduction of 15%" */
		if (re_match(re_follow, s, n, meo) != RE_MATCH)
			break;
		bool one = grp(re_follow, "p1", &so, &eo);
		if (!one)
			grp(re_follow, "p2", &so, &eo);
		if (!number(s, so, eo, &pc))
			break;
		grp(re_follow, one ? "d1" : "d2", &a, &b);
		if (down(s, a))
			negate(&pc);
		f = add(t, s, so, area, &w, &base, label, "pct_change", pc.text, "percent");
		f->claim = true;
		break;
	}
	case S_PCT: {
		grp(r, "dir", &a, &b);
		if (down(s, a))
			negate(&v);
		tx_fact *f = add(t, s, vo, area, &w, &base, label, "pct_change", v.text,
				 "percent");
		if (grp(r, "a", &a, &b) && grp(r, "b", &so, &eo) && number(s, a, b, &pc) &&
		    number(s, so, eo, &v2)) {
			add(t, s, a, area, &(when){ .p = base }, NULL, label, "count", pc.text,
			    "offences");
			add(t, s, so, area, &w, NULL, label, "count", v2.text, "offences");
			tx_check_change(t, line_at(t->para, vo), label, pc.value, v2.value, &v, true);
		} else {
			f->claim = true;
		}
		break;
	}
	}
}

/* True when s[0..n) holds w (lower case ASCII) in any case: memchr for
 * its first letter in either case, then a caseless compare there. */
static bool has_word(const char *s, size_t n, const char *w)
{
	size_t wn = strlen(w);
	if (n < wn)
		return false;
	const char *end = s + n - wn + 1;   /* one past the last start */
	char up = w[0] >= 'a' && w[0] <= 'z' ? (char)(w[0] - 'a' + 'A') : w[0];
	const char *lo = memchr(s, w[0], (size_t)(end - s));
	const char *hi = up != w[0] ? memchr(s, up, (size_t)(end - s)) : NULL;
	while (lo != NULL || hi != NULL) {
		const char *p = lo != NULL && (hi == NULL || lo < hi) ? lo : hi;
		if (text_iprefix(p, (size_t)(s + n - p), w))
			return true;
		if (p == lo)
			lo = memchr(p + 1, w[0], (size_t)(end - p - 1));
		else
			hi = memchr(p + 1, up, (size_t)(end - p - 1));
	}
	return false;
}

static bool may_match(int k, const char *s, size_t n)
{
	if (need[k][0] == NULL)
		return true;
	return has_word(s, n, need[k][0]) || (need[k][1] && has_word(s, n, need[k][1]));
}

static void recognise(tx *t)
{
	struct tx_para *pp = t->para;
	const char *s = pp->text.s;
	size_t n = pp->text.len;
	compile();
	/* spans already read, so that a dashboard sentence is not read again
	 * by a more general pattern */
	size_t taken[64][2];
	int ntaken = 0;
	for (int k = 0; k < S_N; k++) {
		size_t start = 0, so, eo;
		if (!may_match(k, s, n))
			continue;
		while (start < n && re_match(re[k], s, n, start) == RE_MATCH) {
			re_group(re[k], 0, &so, &eo);
			bool seen = false;
			for (int i = 0; i < ntaken; i++)
				seen |= so < taken[i][1] && eo > taken[i][0];
			if (!seen) {
				match(t, k, s, n, so, eo);
				if (ntaken < 64) {
					taken[ntaken][0] = so;
					taken[ntaken++][1] = eo;
				}
			}
			start = eo > so ? eo : so + 1;
		}
	}
	/* a lead-in ("Over the last 12 months (to March 2017) there have
	 * been reductions in ...:") gives its period to the list below */
	t->lead.set = false;
	if (n && s[n - 1] == ':') {
		size_t so, eo;
		if (tx_find_period(s, n, &t->lead.p, &so, &eo) == TXP_OK)
			t->lead.set = true;
	}
}

void tx_para_line(tx *t, const char *s, size_t n)
{
	struct tx_para *pp = para(t);
	compile();
	if (pp->text.len && re_test(re_bullet, s, n))
		tx_para_end(t);
	text_trim(&s, &n);
	if (pp->text.len)
		sbuf_addc(&pp->text, ' ');
	pp->at = xgrow(pp->at, &pp->capat, pp->nat + 1, sizeof *pp->at);
	pp->at[pp->nat].off = pp->text.len;
	pp->at[pp->nat++].line = t->line;
	/* a tab inside a sentence line is a space (appended whole, then
	 * mended: sbuf_addc a byte cost 6% of the run) */
	size_t from = pp->text.len;
	sbuf_add(&pp->text, s, n);
	for (char *p = pp->text.s + from; (p = memchr(p, '\t', (size_t)(pp->text.s + pp->text.len - p))) != NULL; )
		*p++ = ' ';
	if (pp->text.len > (1u << 16))
		tx_para_end(t);
}

void tx_para_end(tx *t)
{
	struct tx_para *pp = t->para;
	if (!pp || !pp->text.len) {
		return;
	}
	while (pp->text.len && pp->text.s[pp->text.len - 1] == ' ')
		pp->text.s[--pp->text.len] = '\0';
	recognise(t);
	sbuf_clear(&pp->text);
	pp->nat = 0;
}

long tx_para_pending(const tx *t)
{
	return t->para && t->para->nat ? t->para->at[0].line : LONG_MAX;
}

void tx_para_free(tx *t)
{
	if (!t->para)
		return;
	sbuf_free(&t->para->text);
	sbuf_free(&t->para->lab);
	free(t->para->at);
	free(t->para);
	t->para = NULL;
}
