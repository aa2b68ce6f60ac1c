/* text-sent.c - statistic sentences: the state machine and extraction.
 *
 * Lines are joined into paragraphs (a blank line, a bullet or a numbered
 * paragraph starts a new one) because pdftotext wraps a sentence wherever
 * the PDF did; a paragraph is read a sentence at a time.
 *
 * A statistic is a small grammar, not a list of sentences: a figure
 * ("12%", "12 per cent", "3.4 percentage points", "1,234", "three"), a
 * direction word before or after it with its sign ("fell by 12%", "a 12%
 * rise", "590 fewer"), an offence phrase (looked up in the taxonomy:
 * "Burglary fell", "a rise in knife offences", "8,120 ASB reports"), a
 * comparison ("compared with last year", "from X to Y") and a period
 * (lib/date period_find, a footnote the sentence cites, the lead-in of a
 * list, or a relative phrase kept as printed).  Each part is a rule of
 * lib/data/rules-crime-sentence.tsv (text-words.c); this file holds no
 * patterns.  Precision first: a figure is read only when it has a shape
 * (change, count, rate, rank, share) and an offence; a qualified figure
 * ("over 1500"), a comparison with an average ("8% above the regional
 * average"), and numbers in phone numbers, times, dates, money and item
 * references are never read. */
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "text.h"
#include "tx.h"

/* What one sentence says about its figures, carried to the next sentence
 * of the paragraph when that one begins "This is ..." or "In the 12
 * months prior ...". */
typedef struct {
	bool set;
	char label[128];
	tx_period p;
	bool two; /* two counts were read: a change can be checked */
	double from, to;
} carry;

typedef struct fig fig;
typedef struct sent sent;

struct tx_para {
	sbuf text;
	struct {
		size_t off;
		long line;
	} * at;
	size_t nat, capat;
	sbuf lab, tmp;
	carry prev;
	cs_pstarts ps; /* a sentence's period words (periods) */
	/* the figure figure() reads, asked whether it is read at all
	 * (effect) before the taxonomy is (offence_key), or NULL */
	sent *askx;
	fig *askf;
};

/* Rule indexes, found once. */
static struct rix {
	bool ok;
	int figure, figword, noise[9], qualifier, dir_before, dir_far,
	    dir_after, not_change, share, share_verb, count_for, rate,
	    rate_left, rate_of, rate_tail, from_after, compared_num, share_to,
	    no_change, this_last2, rank, rank_dir, from_to, this_last, compare,
	    compare_word, between, base_before, relative, prior, carry,
	    count_noun, cases_of, level_left, aux_tail, footnote_rel, area,
	    bullet, heading, pctword;
	/* tx_rules(), kept while ok (tx_sent_free comes before
	 * tx_words_free frees the rules): rs() is asked 250,000 times per
	 * MB, 662.5M to 657.7M instructions */
	cs_ruleset *rs;
} R;

static cs_ruleset *
rs(void)
{
	if (R.ok)
		return R.rs;
	cs_ruleset *r = tx_rules();
	static const char *const noise[] = {
		"noise_phone",   "noise_time",    "noise_money",
		"noise_ref",     "noise_year",    "noise_address",
		"noise_section", "noise_postcode"
	};
	for (size_t i = 0; i < 8; i++)
		R.noise[i] = rules_need(r, noise[i]);
	R.noise[8] = -1;
#define NEED(x) R.x = rules_need(r, #x)
	NEED(figure);
	NEED(figword);
	NEED(pctword);
	NEED(qualifier);
	NEED(dir_before);
	NEED(dir_far);
	NEED(dir_after);
	NEED(not_change);
	NEED(share);
	NEED(rate);
	NEED(share_verb);
	NEED(count_for);
	NEED(rate_left);
	NEED(rate_of);
	NEED(rate_tail);
	NEED(from_after);
	NEED(compared_num);
	NEED(share_to);
	NEED(no_change);
	NEED(this_last2);
	NEED(rank);
	NEED(rank_dir);
	NEED(from_to);
	NEED(this_last);
	NEED(compare);
	NEED(compare_word);
	NEED(between);
	NEED(base_before);
	NEED(relative);
	NEED(prior);
	NEED(carry);
	NEED(count_noun);
	NEED(cases_of);
	NEED(level_left);
	NEED(aux_tail);
	NEED(footnote_rel);
	NEED(area);
	NEED(bullet);
	NEED(heading);
#undef NEED
	R.rs = r;
	R.ok = true;
	return r;
}

void
tx_sent_free(void)
{
	R.ok = false;
}

static struct tx_para *
para(tx *t)
{
	if (!t->para)
		t->para = xcalloc(1, sizeof *t->para);
	return t->para;
}

static long
line_at(const struct tx_para *pp, size_t off)
{
	long line = pp->nat ? pp->at[0].line : 0;
	for (size_t i = 0; i < pp->nat && pp->at[i].off <= off; i++)
		line = pp->at[i].line;
	return line;
}

static bool
named(const cs_rmatch *m, const char *g, size_t *so, size_t *eo)
{
	return rules_named(tx_rules(), m, g, so, eo) && *eo > *so;
}

/* Match rule r against s[from..to) at from (a "right" rule, \G). */
static bool
right(int r, const char *s, size_t from, size_t to, cs_rmatch *m)
{
	return rules_exec(rs(), r, s, to, from, m);
}

/* Match rule r against s[a..to) ending at to (a "left" rule, $). */
static bool
left(int r, const char *s, size_t a, size_t to, cs_rmatch *m)
{
	if (to <= a)
		return false;
	/* a left rule looks at most 100 bytes back: "a reduction in the
	 * number of thefts of and from vehicles of ", and no further than
	 * its longest match (lib/re: re_max_bytes), which it cannot start
	 * before: qualifier, dir_before and the rest tried their words at
	 * each of 100 bytes before every figure */
	size_t w = rules_maxlen(rs(), r);
	if (w > 100)
		w = 100;
	size_t from = to - a > w ? to - w : a;
	/* on a character, not inside one ("…£1,200"): the patterns are
	 * UTF-8 and look behind */
	while (from > a && ((unsigned char)s[from] & 0xC0) == 0x80)
		from--;
	return rules_exec(rs(), r, s, to, from, m);
}

static bool
is_alpha(char c)
{
	return (c | 32) >= 'a' && (c | 32) <= 'z';
}
static bool
is_wordc(char c)
{
	return is_alpha(c) || (c >= '0' && c <= '9') || c == '-' || c == '\'' ||
	       c == '/' || c == '&' || (unsigned char)c >= 0x80;
}

/* ---- offence phrases ------------------------------------------------- */

enum {
	K_STOPWORD = TXK_STOP | TXK_QUALIFIER | TXK_UP | TXK_DOWN | TXK_RELATIVE
};

static bool
stopword(const char *s, size_t n)
{
	return (tx_word_kind(s, n) & K_STOPWORD) != 0;
}

static bool
countnoun(const char *s, size_t n)
{
	return (tx_word_kind(s, n) & TXK_COUNTNOUN) != 0;
}

/* The key of a printed offence label, or NULL.  Tried as printed, without
 * a trailing count noun ("shoplifting offences"), and singular
 * ("muggings").  total_crime only when the label names the whole of crime
 * ("total crime", "overall crime", "recorded crime"), or is the subject
 * "crime" of a change ("crime is down"): never "4 crimes". */
enum { K_OBJECT, K_SUBJECT, K_RATE };

/* s[0..k) into buf with the plural word ending at e made singular
 * ("burglaries" as "burglary", "muggings" as "mugging"; not "class"):
 * its length, or 0 when that word is no plural or buf too small. */
static size_t
singular(const char *s, size_t k, size_t e, char *buf, size_t size)
{
	if (e < 4 || k >= size - 1 || (s[e - 1] | 32) != 's' ||
	    (s[e - 2] | 32) == 's')
		return 0;
	size_t cut = 1;
	memcpy(buf, s, e);
	if (e > 4 && text_ieq(s + e - 3, 3, "ies")) {
		buf[e - 3] = 'y';
		cut = 2;
	}
	memcpy(buf + e - cut, s + e, k - e);
	return k - cut;
}

/* May offence_key find a key for label l?  Each label it asks of the
 * taxonomy is l, l less its end, or a singular ("burglaries" as
 * "burglary") of l, of l less its last word or of l's first word, which
 * do not begin as l does: no when the taxonomy can map nothing that begins as any of them
 * (tax_may_begin).  "people in the borough", most phrases a figure
 * offers, then cost no look-up: 230.1M to 227.0M instructions per MB of
 * report text. */
static bool
key_may(const sbuf *l)
{
	if (tax_may_begin(l->s, l->len))
		return true;
	size_t w = l->len;
	while (w > 0 && l->s[w - 1] != ' ')
		w--;
	size_t f = 0;
	while (f < l->len && l->s[f] != ' ')
		f++;
	size_t ends[3] = { l->len, w > 1 ? w - 1 : 0, f < l->len ? f : 0 };
	for (int i = 0; i < 3; i++) {
		/* only an "ies" singular ("burglary") is no prefix of l,
		 * which tax_may_begin(l) answered for: two bytes shorter */
		size_t k = ends[i];
		char buf[128];
		size_t m = singular(l->s, k, k, buf, sizeof buf);
		if (m > 0 && m == k - 2 && tax_may_begin(buf, m))
			return true;
	}
	return false;
}

static bool effect(tx *t);

static const char *
offence_key(tx *t, const char *s, size_t n, int how)
{
	sbuf *l = &t->para->tmp;
	tx_label(s, n, l);
	if (l->len == 0 || l->len > 100 || !key_may(l))
		return NULL;
	/* the taxonomy remembers a label and may warn of one ("taxonomy
	 * pattern 3 gave up"): a figure turned away (in noise, qualified)
	 * asks it nothing, as when figure() turned it away first */
	if (!effect(t))
		return NULL;
	const char *key = tax_map(l->s, l->len);
	size_t k = l->len;
	if (!key) {
		/* drop a trailing count noun */
		size_t w = k;
		while (w > 0 && l->s[w - 1] != ' ')
			w--;
		if (w > 1 && countnoun(l->s + w, k - w)) {
			k = w - 1;
			key = tax_map(l->s, k);
		}
	}
	/* singular: the last word ("muggings"), else the first, the head
	 * of a phrase after it ("thefts from the person", "robberies of
	 * personal property") */
	if (!key) {
		size_t f = 0;
		while (f < k && l->s[f] != ' ')
			f++;
		size_t ends[2] = { k, f < k ? f : 0 };
		for (int i = 0; i < 2 && !key; i++) {
			char buf[128];
			size_t m = singular(l->s, k, ends[i], buf, sizeof buf);
			if (m > 0 && (key = tax_map(buf, m)) != NULL) {
				memcpy(l->s, buf, m);
				k = m;
			}
		}
	}
	/* the label written is the one that maps: "arson" of "arson offences" */
	l->s[l->len = k] = '\0';
	if (key && !strcmp(key, "total_crime")) {
		bool named_total = false;
		for (size_t i = 0; i < l->len;) {
			size_t j = i;
			while (j < l->len && l->s[j] != ' ')
				j++;
			const char *kind;
			if (tx_word(l->s + i, j - i, &kind, NULL) &&
			    !strcmp(kind, "total"))
				named_total = true;
			if (j - i >= 3 && text_ieq(l->s + i, 3, "tno"))
				named_total = true;
			i = j + 1;
		}
		/* "79 crimes per 1000 residents" is the rate of all crime */
		if (!named_total &&
		    !(how == K_SUBJECT && text_ieq(l->s, l->len, "crime")) &&
		    !(how == K_RATE && k == l->len && countnoun(l->s, l->len)))
			return NULL;
	}
	return key;
}

/* The label offence_key last mapped. */
static void
found(tx *t, sbuf *lab)
{
	sbuf_clear(lab);
	sbuf_add(lab, t->para->tmp.s, t->para->tmp.len);
}

/* Word starts and ends in s[a..b), stopping at a clause mark. */
typedef struct {
	size_t so[12], eo[12];
	int n;
} words;

/* The words of s[a..b), the first 12, up to the first starting after
 * last (SIZE_MAX: all 12). */
static void
words_right_to(const char *s, size_t a, size_t b, size_t last, words *w)
{
	w->n = 0;
	size_t i = a;
	while (w->n < 12 && (w->n == 0 || w->so[w->n - 1] <= last)) {
		while (i < b && s[i] == ' ')
			i++;
		if (i >= b || !is_wordc(s[i]) ||
		    (s[i] >= '0' && s[i] <= '9' &&
		     !(i > a && is_alpha(s[i - 1]))))
			break;
		size_t j = i;
		while (j < b && is_wordc(s[j]))
			j++;
		w->so[w->n] = i;
		w->eo[w->n++] = j;
		i = j;
		if (i < b && s[i] != ' ')
			break; /* "burglary," ends the phrase */
	}
}

static void
words_right(const char *s, size_t a, size_t b, words *w)
{
	words_right_to(s, a, b, SIZE_MAX, w);
}

static void
words_left(const char *s, size_t a, size_t b, words *w)
{
	w->n = 0;
	size_t i = b;
	while (w->n < 12) {
		while (i > a && s[i - 1] == ' ')
			i--;
		if (i <= a || !is_wordc(s[i - 1]))
			break;
		size_t j = i;
		while (j > a && is_wordc(s[j - 1]))
			j--;
		if (s[j] >= '0' && s[j] <= '9')
			break;
		w->so[w->n] = j;
		w->eo[w->n++] = i;
		i = j;
		if (i > a && s[i - 1] != ' ')
			break;
	}
}

/* An offence phrase ends at s[e]: at the end, a mark, a stop word, a
 * count noun or a verb in -ed ("burglaries were", "robberies reported"),
 * not another noun ("3 ASB officers", "12 Hate Crime Reporting Centres"). */
static bool
ends_before(const char *s, size_t i, size_t j, unsigned kind)
{
	/* "Burglary fell", "Violence with injury stood at"; a stop word, a
	 * count noun: the word looked up once */
	if (kind & (TXK_FOLLOW | TXK_UP | TXK_DOWN | TXK_SAME | TXK_PCTVERB |
	            K_STOPWORD | TXK_COUNTNOUN))
		return true;
	return (j - i > 3 && text_ieq(s + j - 2, 2, "ed")) ||
	       text_ieq(s + i, j - i, "had");
}

static bool
ends_phrase(const char *s, size_t e, size_t b)
{
	if (e >= b || s[e] != ' ')
		return true;
	size_t i = e + 1, j = i;
	while (j < b && is_wordc(s[j]))
		j++;
	if (j == i)
		return true;
	return ends_before(s, i, j, tx_word_kind(s + i, j - i));
}

/* The kind of word k of w (tx_word_kind), looked up once. */
static unsigned
kind_of(const char *s, const words *w, unsigned *kinds, int k)
{
	if (kinds[k] == ~0u)
		kinds[k] = tx_word_kind(s + w->so[k], w->eo[k] - w->so[k]);
	return kinds[k];
}

enum { AT_ANY = -1 };

/* May a phrase starting at s[p] (and ending by b) map (offence_key)?
 * Each label offence_key asks of one is s[p..) as printed up to its
 * first digit (tx_label drops "1" of "Burglary1"), '*', or the "i" of an
 * "ies" it may make "y" ("burglaries" as "burglary"), and no longer: no
 * when the taxonomy's starts part from s[p..b) before any such byte
 * (tax_may_agree).  Asked before level() and offence_before() gather
 * the words after a figure: 224.9M to 223.2M instructions per MB of report
 * text. */
static bool
start_may(const char *s, size_t p, size_t b)
{
	size_t j = tax_may_agree(s + p, b - p);
	if (j == (size_t)-1)
		return true;
	for (size_t i = p; i <= p + j && i < b; i++)
		if ((s[i] >= '0' && s[i] <= '9') || s[i] == '*' ||
		    ((s[i] | 32) == 'i' &&
		     text_ieq(s + i, b - i < 3 ? b - i : 3, "ies")))
			return true;
	return false;
}

/* Could a word of words_right's list start at s[p], p < b?  Not at a
 * byte of no word, nor at an ASCII digit: a word after the first
 * follows a space, and the first is at a or after spaces, and a digit
 * there ends the list ("3 in the borough", "237  237  237" of a
 * table).  Asked before start_may, which says yes to a digit, of the
 * places offence_right_at looks for a phrase at (5.3 MB bench text
 * 569.9M to 568.1M instructions; slice-s3 132.56M to 132.21M). */
static bool
word_may_start(const char *s, size_t p, size_t b)
{
	return p < b && is_wordc(s[p]) && !(s[p] >= '0' && s[p] <= '9');
}

/* May a phrase of w's words first..k, k <= last, map (offence_key)?  Each
 * such label is s[w->so[first]..w->eo[k]) as printed when it holds no
 * digit, no '*' and nothing past ASCII (tx_label drops "1" of
 * "Burglary1", a trailing "*" or Unicode space), so each begins as the
 * longest does, and key_may of each asks tax_may_begin of the longest
 * and the singular of any word in "ies": asked once, not for each k:
 * 227.0M to 224.9M instructions per MB of report text. */
static bool
phrase_may(const char *s, const words *w, int first, int last)
{
	size_t so = w->so[first], eo = w->eo[last];
	for (size_t i = so; i < eo; i++)
		if ((s[i] >= '0' && s[i] <= '9') || s[i] == '*' ||
		    (unsigned char)s[i] >= 0x80)
			return true;
	if (tax_may_begin(s + so, eo - so))
		return true;
	for (int k = first; k <= last; k++) {
		size_t e = w->eo[k];
		char buf[128];
		if (e - so > 4 && e - so < sizeof buf &&
		    text_ieq(s + e - 3, 3, "ies")) {
			memcpy(buf, s + so, e - 3 - so);
			buf[e - 3 - so] = 'y';
			if (tax_may_begin(buf, e - so - 2))
				return true;
		}
	}
	return false;
}

/* The longest offence phrase starting at s[a] (within 8 words, not
 * starting or ending with a stop word), after "in", "of", "the",
 * "number of" and the like.  *lso, *leo: the label.  Only a phrase
 * starting at at1 or at2 (AT_ANY: anywhere) is looked for: level() takes
 * "three burglaries were", not the "3 in the borough ..." phrase, and
 * 6,000 phrases per MB of report text started elsewhere (642.7M to
 * 635.3M instructions). */
static const char *
offence_right_at(tx *t, const char *s, size_t a, size_t b, size_t at1,
                 size_t at2, size_t *lso, size_t *leo)
{
	words w;
	if (at1 != (size_t)AT_ANY &&
	    !(word_may_start(s, at1, b) && start_may(s, at1, b)) &&
	    !(at2 != at1 && word_may_start(s, at2, b) && start_may(s, at2, b)))
		return NULL;
	/* a phrase starting at at1 or at2 has its first word among those
	 * starting by the later of them, upto: those and the one after (the
	 * "of" of "reports of") are gathered first, and the rest only when
	 * it does.  The loop below stops on them where it does on all the
	 * words, or goes past upto, where no phrase looked for starts
	 * (2,700 of the 9,700 such calls on the 5.3 MB bench text that get
	 * here; 570.7M to 570.0M instructions) */
	size_t upto = at1 == (size_t)AT_ANY ? SIZE_MAX : at1 > at2 ? at1 : at2;
	words_right_to(s, a, b, upto, &w);
	/* each word's kind looked up once, not as a word that may end the
	 * phrase and again as the word after one (605.7M to 603.9M) */
	unsigned kinds[12];
	memset(kinds, 0xff, sizeof kinds);
	int first = 0;
	/* "in the number of", "victims of", "reports of" lead to the phrase */
	while (first < w.n &&
	       ((kind_of(s, &w, kinds, first) & K_STOPWORD) ||
	        (first + 1 < w.n &&
	         (kind_of(s, &w, kinds, first) & TXK_COUNTNOUN) &&
	         text_ieq(s + w.so[first + 1],
	                  w.eo[first + 1] - w.so[first + 1], "of"))))
		first++;
	if (first > 4)
		return NULL;
	if (at1 != (size_t)AT_ANY &&
	    (first >= w.n || (w.so[first] != at1 && w.so[first] != at2)))
		return NULL;
	if (w.n > 0 && w.so[w.n - 1] > upto) {
		/* the words after, when the list stopped for at2: the same
		 * words first, so the kinds asked above stay theirs */
		words all;
		words_right(s, a, b, &all);
		w = all;
	}
	int top = w.n - 1 < first + 7 ? w.n - 1 : first + 7;
	if (top < first || !phrase_may(s, &w, first, top))
		return NULL;
	for (int last = top; last >= first; last--) {
		if (kind_of(s, &w, kinds, last) & K_STOPWORD)
			continue;
		/* the whole noun phrase or nothing: "a rise in burglary rates"
		 * is not a rise in burglary.  Asked before the taxonomy, which
		 * would only be overruled (the words are looked up, not
		 * matched against every pattern): 634.7M to 628.6M instructions
		 * per MB of report text.  The word after, when it is the next
		 * of w (one space on), is the one ends_phrase would read. */
		size_t end = w.eo[last];
		if (last + 1 < w.n && w.so[last + 1] == end + 1
		        ? !ends_before(s, w.so[last + 1], w.eo[last + 1],
		                       kind_of(s, &w, kinds, last + 1))
		        : !ends_phrase(s, end, b))
			continue;
		const char *key = offence_key(
		    t, s + w.so[first], w.eo[last] - w.so[first], K_OBJECT);
		if (key) {
			/* "the MOPAC7 crime types": the label is "MOPAC7" when the
			 * generic tail adds nothing to the key */
			int e = last;
			while (
			    e > first &&
			    text_ieq(s + w.so[e], w.eo[e] - w.so[e], "types")) {
				/* "crime types": the word before goes too */
				int e2 = e - 1;
				if (e2 > first &&
				    countnoun(s + w.so[e2],
				              w.eo[e2] - w.so[e2]))
					e2--;
				if (offence_key(t, s + w.so[first],
				                w.eo[e2] - w.so[first],
				                K_OBJECT) != key)
					break;
				e = e2;
			}
			*lso = w.so[first];
			*leo = w.eo[e];
			return offence_key(t, s + *lso, *leo - *lso, K_OBJECT);
		}
	}
	return NULL;
}

/* offence_right_at, the phrase starting anywhere. */
static const char *
offence_right(tx *t, const char *s, size_t a, size_t b, size_t *lso,
              size_t *leo)
{
	return offence_right_at(t, s, a, b, (size_t)AT_ANY, (size_t)AT_ANY, lso,
	                        leo);
}

/* "The number of young people excluded ... in a serious violent crime":
 * a "number of" before the label that is not the label's own.  It is
 * the first "number of " from a that ends by lso, so only the first of
 * all, at *first (found once for s[a..b), lso <= b, by number_of_at and
 * kept, not looked for again for each label offence_left tries: 5.3 MB
 * bench text 571.8M to 570.7M instructions), can be: one ending after
 * lso is followed by none ending by it. */
static size_t
number_of_at(const char *s, size_t a, size_t b)
{
	for (size_t i = a; i + 10 <= b; i++)
		if ((s[i] | 32) == 'n' &&
		    text_iprefix(s + i, b - i, "number of ") &&
		    (i == a || s[i - 1] == ' '))
			return i;
	return (size_t)-1;
}

static bool
subject_elsewhere(const char *s, size_t a, size_t b, size_t *first, size_t lso)
{
	if (*first == (size_t)-2)
		*first = number_of_at(s, a, b);
	return *first != (size_t)-1 && *first + 10 < lso;
}

static bool
aux_sep(char c)
{
	return c == ' ' || c == ',' || c == '(' || c == ':';
}

/* Does R.aux_tail match s[k..i), the whole of it, from k: one step of
 * aux_start's walk, the marks s[k..j) then the word s[j..i)?  The
 * pattern's words are ASCII letters, and the step's word is a whole run
 * of them, so a match from k in s[..b) goes through i, where the match
 * from i the step before found begins (or i is b): it does when
 * s[k..i) matches, whatever comes before k (the pattern looks at no byte
 * before its start) or after i (tests/unit/test_normalise-crime_aux.c
 * holds the row to that shape).  So each step's bytes (" has", ", also")
 * are matched once and remembered in a small table: 7,400 matches of
 * the pattern on the 5.3 MB bench text (5.7M instructions) became 826
 * (1.2M), 632.5M to 628.2M in all. */
#define AUX_KEYS 256
#define AUX_LEN 22
static struct {
	const cs_ruleset *rs; /* the rules answered for */
	struct {
		unsigned char n; /* bytes of key, 0: free */
		bool yes;
		char key[AUX_LEN];
	} e[AUX_KEYS];
} aux_seen;

static bool
aux_step(const char *s, size_t k, size_t i)
{
	cs_rmatch m;
	size_t so, eo, n = i - k;
	cs_ruleset *r = rs();
	if (n > AUX_LEN)
		return rules_exec(r, R.aux_tail, s + k, n, 0, &m) &&
		       rules_group(&m, 0, &so, &eo) && so == 0;
	if (aux_seen.rs != r) {
		memset(&aux_seen, 0, sizeof aux_seen);
		aux_seen.rs = r;
	}
	unsigned h = 2166136261u;
	for (size_t q = k; q < i; q++)
		h = (h ^ (unsigned char)s[q]) * 16777619u;
	h = (h ^ (h >> 16)) % AUX_KEYS;
	if (aux_seen.e[h].n == n && !memcmp(aux_seen.e[h].key, s + k, n))
		return aux_seen.e[h].yes;
	bool yes = rules_exec(r, R.aux_tail, s + k, n, 0, &m) &&
	           rules_group(&m, 0, &so, &eo) && so == 0;
	aux_seen.e[h].n = (unsigned char)n;
	aux_seen.e[h].yes = yes;
	memcpy(aux_seen.e[h].key, s + k, n);
	return yes;
}

/* Where the auxiliary words before b begin ("Burglary has also "): the
 * start of left(R.aux_tail)'s match.  Its pattern is ([ ,(:]+ word)*
 * [ ,(:]*$, each word ASCII letters, so a match starts where a run of
 * those marks starts, and if one does so do those to its right: each is
 * tried from the right, one short match, until one is no match's start.
 * The pattern from each of 100 bytes before every offence phrase cost
 * 6.0M instructions per MB (278.6M to 274.1M).  A byte past ASCII (a
 * long s or a Kelvin sign, which caseless s and k match) or a newline ($
 * matches before one) where the walk stops: the pattern as before. */
static size_t
aux_start(const char *s, size_t a, size_t b)
{
	cs_rmatch m;
	size_t so, eo;
	if (b <= a)
		return b;
	size_t w = rules_maxlen(rs(), R.aux_tail);
	if (w > 100)
		w = 100; /* left()'s window */
	size_t from = b - a > w ? b - w : a;
	size_t best = b, i = b;
	for (;;) {
		size_t j = i, k;
		while (j > from && is_alpha(s[j - 1]))
			j--;
		for (k = j; k > from && aux_sep(s[k - 1]); k--)
			;
		if ((k > from &&
		     ((unsigned char)s[k - 1] >= 0x80 || s[k - 1] == '\n')) ||
		    (k == from && from > a))
			break; /* asked of the pattern below */
		if (k == j || !aux_step(s, k, i))
			return best;
		best = i = k;
		if (k == a)
			return best;
	}
	if (left(R.aux_tail, s, a, b, &m) && rules_group(&m, 0, &so, &eo))
		return so;
	return b;
}

/* The longest offence phrase ending at s[b) (the subject of a verb):
 * "Burglary", "Knife crime with injury". */
static const char *
offence_left(tx *t, const char *s, size_t a, size_t b, size_t *lso, size_t *leo)
{
	b = aux_start(s, a, b);
	size_t nof = (size_t)-2; /* subject_elsewhere's: not yet looked for */
	words w;
	words_left(s, a, b, &w);
	/* each word's kind looked up once, not as the phrase's first word
	 * and again as the word before the next one tried (tx_word_kind
	 * 11,100 calls to 7,500 on the 5.3 MB bench text, 570.0M to 569.9M
	 * instructions) */
	unsigned kinds[12];
	memset(kinds, 0xff, sizeof kinds);
	if (w.n == 0 || (kind_of(s, &w, kinds, 0) & K_STOPWORD))
		return NULL;
	for (int first = w.n - 1 < 7 ? w.n - 1 : 7; first >= 0; first--) {
		if (kind_of(s, &w, kinds, first) & K_STOPWORD)
			continue;
		/* "the number of burglaries": the phrase's own "number of" */
		bool number_of =
		    first + 2 < w.n &&
		    text_ieq(s + w.so[first + 1],
		             w.eo[first + 1] - w.so[first + 1], "of") &&
		    text_ieq(s + w.so[first + 2],
		             w.eo[first + 2] - w.so[first + 2], "number");
		/* "Incidents of serious violence has reduced": not violence as
		 * a whole; "Barnet's burglary", "In Barnet burglary" are */
		bool cut = false;
		if (first + 1 < w.n) {
			const char *pw = s + w.so[first + 1];
			size_t pn = w.eo[first + 1] - w.so[first + 1];
			cut =
			    !(kind_of(s, &w, kinds, first + 1) & K_STOPWORD) &&
			    pw[0] >= 'a' && pw[0] <= 'z' &&
			    !(pn > 2 && (pw[pn - 1] == 's' &&
			                 (pw[pn - 2] == '\'' ||
			                  (unsigned char)pw[pn - 2] == 0x99)));
		}
		/* a phrase cut off so gives no subject whatever its key: the
		 * taxonomy is asked of it only when a key would end the search
		 * below (628.6M to 625.2M instructions per MB) */
		if (cut && (number_of ||
		            !subject_elsewhere(s, a, b, &nof, w.so[first])))
			continue;
		const char *key = offence_key(t, s + w.so[first],
		                              w.eo[0] - w.so[first], K_SUBJECT);
		/* "The number of young people excluded ... in a serious violent
		 * crime has risen": the subject is the people, not the crime */
		if (key && !number_of &&
		    subject_elsewhere(s, a, b, &nof, w.so[first]))
			return NULL;
		if (key && !cut) {
			*lso = w.so[first];
			*leo = w.eo[0];
			return key;
		}
	}
	return NULL;
}

/* ---- figures ---------------------------------------------------------- */

struct fig {
	size_t so, eo; /* the figure with its sign and unit */
	size_t vso;    /* where the number starts */
	cs_num v;
	bool pct, pp, word;
	int sign;    /* printed sign: 1, -1, 0 */
	int verdict; /* F_ASK, F_READ or F_AWAY: see figure() */
};

enum { F_READ = 0, F_ASK, F_AWAY };

/* The sentence being read. */
struct sent {
	const char *s;
	size_t a, b;
	tx_period p;       /* its period, maybe relative */
	int fn, fn_months; /* a footnote names the period */
	bool year_ago;
	tx_period base; /* what a change is compared with */
	const char *area;
	size_t noise[32][2];
	int nnoise;
	/* the sentence's digits, found once for the figure scan, the noise
	 * rules and the dates (read_sentence, noise_step) */
	cs_rdigits digits;
	bool noise_due;  /* noise() not yet run: see read_sentence */
	int noise_stage; /* its next rule (R.noise), or the dates */
	char lab[128];   /* offence of the last figure read */
	size_t labpos;
	bool prior; /* "In the 12 months prior there were ..." */
	bool carried;
	/* the last pct_change read, for --check: its tx_add id, not a
	 * pointer, which the sentence's later rows may move (the fuzzer's
	 * use after free: a pair of counts after "rose by 5%") */
	unsigned long pct;
	char pctlab[128];
	cs_num pctv;
	size_t pctpos;
	bool people;           /* the count is of victims */
	bool has_from, has_to; /* counts of the base and current periods */
	double from, to;
	const char *lastmeasure, *lastunit; /* the last figure read */
	cs_rtext txt;     /* the sentence as needs() asks of it */
	cs_period per[4]; /* the periods printed, in order ... */
	size_t perso[4];
	int nper;      /* ... when a figure takes the nearest */
	int perk;      /* nearest_period's last k + 1, 0 before it is asked */
	bool subj_set; /* subj_a found (subject_start) */
	size_t subj_a;
};

/* Is the rule worth trying on the sentence: its "need" row in
 * rules-crime-sentence.tsv (words it cannot match without, a digit) is
 * met? */
static bool
needs(sent *x, int rule)
{
	return rules_needs_met(rs(), rule, &x->txt);
}

static void noise(sent *x);
static void noise_step(sent *x);

static bool
in_noise(sent *x, size_t so, size_t eo)
{
	/* the spans kept so far first (the periods printed come first in the
	 * list, so are kept whatever follows), then those of each noise rule
	 * in turn, in the list's order: a year of a period ("in 2022/23")
	 * needs none of the rules (272.0M to 271.1M instructions per MB), a
	 * phone number not the rules after noise_phone (271.1M to 270.5M) */
	for (int i = 0;; i++) {
		while (i == x->nnoise && x->noise_due)
			noise_step(x);
		if (i >= x->nnoise)
			return false;
		if (so < x->noise[i][1] && eo > x->noise[i][0])
			return true;
	}
}

/* May what is being read have an effect: is the figure figure() reads,
 * if any, read at all, not qualified ("over 1500"), not "12% unchanged"
 * and in no noise span?  Asked once a figure, at its first effect (see
 * figure()), the noise last, as the others need no span; always yes
 * outside figure() (a pair, a rank, word_changes). */
static bool
effect(tx *t)
{
	fig *f = t->para->askf;
	if (!f)
		return true;
	if (f->verdict == F_ASK) {
		sent *x = t->para->askx;
		cs_rmatch m;
		f->verdict =
		    left(R.qualifier, x->s, x->a, f->so, &m) ||
		            right(R.not_change, x->s, f->eo, x->b, &m) ||
		            in_noise(x, f->so, f->eo)
		        ? F_AWAY
		        : F_READ;
	}
	return f->verdict == F_READ;
}

static void
push_noise(sent *x, size_t so, size_t eo)
{
	if (x->nnoise < 32) {
		x->noise[x->nnoise][0] = so;
		x->noise[x->nnoise++][1] = eo;
	}
}

/* A span of a period, or of a rank or a pair: those come after all the
 * noise rules' and the dates (noise() done first). */
static void
add_noise(sent *x, size_t so, size_t eo)
{
	noise(x);
	push_noise(x, so, eo);
}

static tx_fact *
emit(tx *t, sent *x, size_t off, const tx_period *p, const tx_period *base,
     const char *label, const char *measure, const char *value,
     const char *unit)
{
	tx_fact *f = tx_add(t, line_at(t->para, off), x->area, p, base, label,
	                    strlen(label), measure, value, unit);
	const char *kind;
	/* "no crime reports raised for violence": which violence, prose
	 * does not say */
	if (tx_word(label, strlen(label), &kind, NULL) &&
	    !strcmp(kind, "vague"))
		f->offence = "unmapped";
	if (x->fn && p == &x->p) {
		f->fn = x->fn;
		f->fn_months = x->fn_months;
		if (strstr(measure, "change") && x->year_ago)
			f->fn_base_months = 12;
	}
	copy_cut(x->lab, sizeof x->lab, label);
	x->labpos = off;
	x->lastmeasure = measure;
	x->lastunit = f->unit;
	return f;
}

static const char *
count_unit(const char *label)
{
	if (strstr(label, "ictim"))
		return "people";
	if (strstr(label, "ASB") || strstr(label, "asb") ||
	    strstr(label, "eport") || strstr(label, "ncident") ||
	    strstr(label, "alls") || strstr(label, "nti-social") ||
	    strstr(label, "nti social"))
		return "incidents";
	return "offences";
}

/* Where a sentence's subject may start: past a section number it opens
 * with ("1.1 Total recorded crime in the LPA fell by 2.5%").  The same
 * for each figure of the sentence, so found once (the rule's match from
 * x->a in s[..x->b), both fixed while it is read): 5.3 MB bench text
 * 568.1M to 568.0M instructions. */
static size_t
subject_start(sent *x)
{
	if (!x->subj_set) {
		cs_rmatch m;
		size_t so;
		x->subj_a = x->a;
		if (rules_exec(rs(), R.noise[6], x->s, x->b, x->a, &m))
			rules_group(&m, 0, &so, &x->subj_a);
		x->subj_set = true;
	}
	return x->subj_a;
}

/* The subject of the sentence, when it opens with an offence phrase
 * before `to`: "Public order offences finished the year 5% lower",
 * "For robbery the borough ranked 14th". */
static bool
subject(tx *t, sent *x, size_t to, sbuf *lab)
{
	size_t so, eo, a = subject_start(x);
	if (!offence_right(t, x->s, a, to, &so, &eo) || eo > to)
		return false;
	found(t, lab);
	return true;
}

/* A subject the taxonomy lacks, ending in a count noun: "Retail crime
 * now makes up 17.5% of all crime" (kept unmapped with its label). */
static bool
plain_subject(tx *t, sent *x, size_t to, sbuf *lab)
{
	size_t a = subject_start(x);
	words w;
	words_right(x->s, a, to, &w);
	int k = 0, k0 = 0;
	/* "Reports of rural crime fell to 143" */
	if (w.n > 2 && countnoun(x->s + w.so[0], w.eo[0] - w.so[0]) &&
	    text_ieq(x->s + w.so[1], w.eo[1] - w.so[1], "of"))
		k = k0 = 2;
	while (k < w.n && k < k0 + 4 &&
	       !stopword(x->s + w.so[k], w.eo[k] - w.so[k]) &&
	       !countnoun(x->s + w.so[k], w.eo[k] - w.so[k]))
		k++;
	const char *kind, *unit;
	if (k == k0 || k >= w.n ||
	    !tx_word(x->s + w.so[k], w.eo[k] - w.so[k], &kind, &unit) ||
	    strcmp(kind, "countnoun") || !strcmp(unit, "people"))
		return false; /* "Repeat victims made up 28%" */
	if (!effect(t))
		return false;
	tx_label(x->s + w.so[k0], w.eo[k] - w.so[k0], lab);
	return true;
}

/* The offence of a figure: the label the shape gave, else the phrase
 * after the figure (or its direction word), else the subject before it,
 * else the figure before it in the sentence, else the sentence before. */
static bool
offence_of(tx *t, sent *x, size_t after, size_t before, sbuf *lab)
{
	size_t so, eo;
	const char *s = x->s;
	if (after && offence_right(t, s, after, x->b, &so, &eo)) {
		found(t, lab);
		return true;
	}
	if (before != (size_t)-1 &&
	    offence_left(t, s, x->a, before, &so, &eo)) {
		found(t, lab);
		return true;
	}
	if (x->lab[0]) {
		if (!effect(t))
			return false;
		sbuf_clear(lab);
		sbuf_adds(lab, x->lab);
		return true;
	}
	if (subject(t, x, before == (size_t)-1 ? x->b : before, lab))
		return true;
	/* "Fly-tipping incidents reported to the council rose by 16%" */
	if (plain_subject(t, x, before == (size_t)-1 ? x->b : before, lab))
		return true;
	if (x->carried && t->para->prev.set && effect(t)) {
		sbuf_clear(lab);
		sbuf_adds(lab, t->para->prev.label);
		return true;
	}
	return false;
}

/* Sign of a change: the word's, and the printed sign's when they agree;
 * when they disagree the figure is not read (with a warning). */
static bool
signed_value(tx *t, sent *x, fig *f, int wsign)
{
	(void)x;
	if (f->sign && wsign && f->sign != wsign) {
		/* "Robbery increased by -4%": the printed sign is read */
		cs_warn_at(t->file, line_at(t->para, f->so),
		           "\"%.*s\": the printed sign "
		           "and the direction word disagree; the sign is read",
		           (int)(f->eo - f->so), x->s + f->so);
		wsign = f->sign;
	}
	if (wsign < 0 || f->sign < 0)
		tx_negate(&f->v);
	return true;
}

static void
change(tx *t, sent *x, fig *f, int wsign, size_t after, size_t before)
{
	sbuf *lab = &t->para->lab;
	if (!offence_of(t, x, after, before, lab) || !effect(t) ||
	    !signed_value(t, x, f, wsign))
		return;
	const char *measure = f->pp    ? "pct_point_change"
	                      : f->pct ? "pct_change"
	                               : "count_change";
	const char *unit = f->pp    ? "percentage points"
	                   : f->pct ? "percent"
	                            : count_unit(lab->s);
	tx_fact *r = emit(t, x, f->vso, &x->p, &x->base, lab->s, measure,
	                  f->v.text, unit);
	if (strcmp(measure, "pct_point_change"))
		r->claim = true;
	if (f->pct && !f->pp) {
		x->pct = r->id;
		copy_cut(x->pctlab, sizeof x->pctlab, lab->s);
		x->pctv = f->v;
		x->pctpos = f->vso;
	}
	if (x->carried && t->para->prev.two && f->pct &&
	    !strcmp(lab->s, t->para->prev.label)) {
		tx_check_change(t, line_at(t->para, f->vso), lab->s,
		                t->para->prev.from, t->para->prev.to, &f->v,
		                true);
		r->claim = false;
	}
}

/* A count is a whole number: "2.1 The Victim" is a section. */
static bool
countable(const fig *f)
{
	return !f->pct && f->sign >= 0 && !strchr(f->v.text, '.');
}

static void
count(tx *t, sent *x, fig *f, const char *label, const tx_period *p)
{
	if (!countable(f))
		return;
	emit(t, x, f->vso, p, NULL, label, "count", f->v.text,
	     x->people ? "people" : count_unit(label));
	x->people = false;
	if (p == &x->base) {
		x->has_from = true;
		x->from = f->v.value;
	} else if (p == &x->p) {
		x->has_to = true;
		x->to = f->v.value;
	}
}

/* An unmapped label worth keeping: words that name a kind of offence, no
 * stop word but "with", "and", "of" inside ("crimes against property"
 * yes; "Of the Crime", "referrals to the Victim" no), and what is counted
 * is offences or incidents, not people. */
static bool
plain_label(const char *s, size_t so, size_t eo)
{
	size_t i = so;
	bool noun = false;
	const char *k0;
	if (!is_alpha(s[so]))
		return false;
	i = so;
	while (i < eo && s[i] != ' ')
		i++;
	if (tx_word(s + so, i - so, &k0, NULL) && !strcmp(k0, "follow"))
		return false; /* "106 reported cases of ..." */
	i = so;
	while (i < eo) {
		size_t j = i;
		while (j < eo && s[j] != ' ')
			j++;
		const char *kind, *unit;
		if (tx_word(s + i, j - i, &kind, &unit) &&
		    !strcmp(kind, "countnoun")) {
			if (strcmp(unit, "offences"))
				return false;
			noun = true;
		} else if (stopword(s + i, j - i) &&
		           !text_ieq(s + i, j - i, "with") &&
		           !text_ieq(s + i, j - i, "and") &&
		           !text_ieq(s + i, j - i, "of") &&
		           !text_ieq(s + i, j - i, "against")) {
			return false;
		}
		i = j + 1;
	}
	/* a bare "offences" is not a label */
	return noun && memchr(s + so, ' ', eo - so) != NULL;
}

/* The last offence phrase named in the sentence before `to`. */
static bool
offence_before(tx *t, sent *x, size_t to, sbuf *lab)
{
	const char *s = x->s;
	size_t so, eo;
	bool got = false;
	int tries = 0;
	for (size_t i = x->a; i < to && tries < 60; i++) {
		if (!is_alpha(s[i]) || (i > x->a && is_wordc(s[i - 1])))
			continue;
		tries++;
		if (stopword(s + i, 3) && s[i + 3] == ' ')
			continue;
		/* the phrase that starts at i, none after it (offence_right_at):
		 * 635.3M to 634.7M instructions per MB */
		if (offence_right_at(t, s, i, to, i, i, &so, &eo)) {
			found(t, lab);
			got = true;
			i = eo;
		}
	}
	return got;
}

/* A figure with no direction: a count when what it counts follows it
 * ("8,120 ASB reports", "three burglaries", "402 cases of Residential
 * Burglary"), or when it is the level of an offence named before it
 * ("Burglary stood at 120"). */
static void
level(tx *t, sent *x, fig *f)
{
	cs_rmatch m;
	size_t so, eo;
	sbuf *lab = &t->para->lab;
	const char *s = x->s;
	const tx_period *p = x->prior && x->base.set ? &x->base : &x->p;
	if (f->pct || f->pp)
		return;
	if (right(R.cases_of, s, f->eo, x->b, &m)) {
		if (!effect(t))
			return;
		rules_group(&m, 0, &so, &eo);
		size_t cso, ceo;
		if (offence_right(t, s, eo, x->b, &cso, &ceo)) {
			found(t, lab);
		} else if (text_iprefix(s + f->eo + 1, eo - f->eo - 1,
		                        "cases")) {
			/* "402 cases of X in Y": a label the taxonomy lacks is kept */
			size_t e = eo;
			while (e < x->b && s[e] != '.' && s[e] != ',' &&
			       s[e] != ';' &&
			       !(s[e] == ' ' && e + 4 < x->b &&
			         !memcmp(s + e, " in ", 4)))
				e++;
			if (e == eo || e - eo > 60)
				return;
			tx_label(s + eo, e - eo, lab);
		} else {
			goto count_for; /* "37 reports of rogue traders" */
		}
		count(t, x, f, lab->s, p);
		return;
	}
count_for:
	if (right(R.count_for, s, f->eo, x->b, &m)) {
		/* "1 crime report raised for dishonesty": the label the
		 * taxonomy maps, else the words up to a verb or a mark */
		if (!effect(t))
			return;
		rules_group(&m, 0, &so, &eo);
		size_t cso, ceo;
		/* "236 victims of serious youth violence" counts people */
		x->people = false;
		for (size_t i = so; i + 7 <= eo; i++)
			x->people |= text_iprefix(s + i, 7, "victims");
		if (offence_right(t, s, eo, x->b, &cso, &ceo)) {
			words nw;
			const char *kind;
			words_right(s, ceo, x->b, &nw);
			if (nw.n &&
			    tx_word(s + nw.so[0], nw.eo[0] - nw.so[0], &kind,
			            NULL) &&
			    !strcmp(kind, "narrow"))
				return;
			found(t, lab);
		} else {
			words w;
			const char *kind = "";
			words_right(s, eo, x->b, &w);
			int k = 0;
			while (k < w.n && k < 5 &&
			       !tx_word(s + w.so[k], w.eo[k] - w.so[k], &kind,
			                NULL))
				k++;
			if (k == 0 || k == 5 ||
			    (k < w.n && !strcmp(kind, "narrow")) ||
			    (k < w.n && strcmp(kind, "stop") &&
			     strcmp(kind, "follow") &&
			     strcmp(kind, "qualifier") &&
			     strcmp(kind, "countnoun")))
				return;
			if (k < w.n && !strcmp(kind, "countnoun")) {
				k++; /* "drug cases" */
				if (k < w.n &&
				    tx_word(s + w.so[k], w.eo[k] - w.so[k],
				            &kind, NULL) &&
				    !strcmp(kind, "narrow"))
					return;
			}
			tx_label(s + w.so[0], w.eo[k - 1] - w.so[0], lab);
		}
		count(t, x, f, lab->s, p);
		return;
	}
	bool noun = right(R.count_noun, s, f->eo, x->b, &m) &&
	            named(&m, "lab", &so, &eo) && ends_phrase(s, eo, x->b);
	if (noun && offence_key(t, s + so, eo - so, K_OBJECT)) {
		/* "8,120 ASB reports", "731 Domestic Abuse with Injury offences" */
		found(t, lab);
		count(t, x, f, lab->s, p);
		return;
	}
	size_t lso, leo;
	size_t adj = f->eo + 1;
	/* "2 x Theft by Housebreaking", "1x attempted housebreaking" */
	if (adj < x->b &&
	    (s[adj - 1] == 'x' || (s[adj] == 'x' && s[adj + 1] == ' ')))
		adj += s[adj - 1] == 'x' ? 1 : 2;
	if (offence_right_at(t, s, f->eo, x->b, f->eo + 1, adj, &lso, &leo) &&
	    ends_phrase(s, leo, x->b)) {
		/* "three burglaries were", not "3 ASB officers" */
		found(t, lab);
		count(t, x, f, lab->s, p);
		return;
	}
	if (noun) {
		/* "N crimes against property" is kept unmapped when what it
		 * counts is offences; a bare "N offences" counts what the
		 * paragraph says, so is not read */
		if (plain_label(s, so, eo)) {
			if (!effect(t))
				return;
			tx_label(s + so, eo - so, lab);
			count(t, x, f, lab->s, p);
			return;
		}
		size_t w = so;
		while (w < eo && s[w] != ' ')
			w++;
		/* "5% lower, at 1,902 offences": the sentence's offence; "the
		 * theft of vehicles that use keyless entry, ..., with 1 report":
		 * the offence named last before it */
		const char *kind, *unit = "";
		tx_word(s + so, eo - so, &kind, &unit);
		if (w == eo && strcmp(unit, "people") &&
		    (x->prior || x->carried || x->lab[0] || x->a < f->so) &&
		    (offence_of(t, x, 0, f->so, lab) ||
		     offence_before(t, x, f->so, lab)))
			count(t, x, f, lab->s, p);
		return;
	}
	if ((x->prior || x->carried) && t->para->prev.set && !x->lab[0] &&
	    f->eo + 1 >= x->b) {
		/* "In the 12 months prior there were 1802." */
		if (!effect(t))
			return;
		sbuf_clear(lab);
		sbuf_adds(lab, t->para->prev.label);
		count(t, x, f, lab->s, p);
		return;
	}
	/* a number in words is a count only with what it counts after it:
	 * "there were five years ago", "there are no barriers" are not */
	/* all this branch can write is a count: for a figure that is none
	 * ("2.1 The Victim"), not the pattern tried at 100 places before
	 * it, 664.4M to 662.5M instructions per MB of report text */
	if (!f->word && countable(f) &&
	    left(R.level_left, s, x->a, f->so, &m)) {
		rules_group(&m, 0, &so, &eo);
		if (offence_left(t, s, x->a, so, &lso, &leo)) {
			found(t, lab);
			count(t, x, f, lab->s, p);
		} else if (offence_of(t, x, 0, (size_t)-1, lab) ||
		           offence_before(t, x, so, lab)) {
			/* "Domestic abuse-related crimes were 2% higher, at 1,012",
			 * "no change in the number of robberies, which remained at 19" */
			count(t, x, f, lab->s, p);
		}
	}
}

static void
rate(tx *t, sent *x, fig *f, const cs_rmatch *m)
{
	size_t so, eo, lso = 0, leo = 0;
	sbuf *lab = &t->para->lab;
	const char *s = x->s;
	bool have = false;
	cs_rmatch lm;
	if (needs(x, R.rate_tail) && left(R.rate_tail, s, x->a, f->so, &lm)) {
		/* "the total crime rate was 68 crimes per 1,000", "burglary
		 * rate of 4.1 per 1,000" */
		rules_group(&lm, 0, &so, &eo);
		if (offence_left(t, s, x->a, so, &lso, &leo)) {
			found(t, lab);
			have = true;
		}
	}
	if (!have && named(m, "lab", &so, &eo)) {
		words w;
		words_right(s, so, eo, &w);
		if (w.n == 1 && countnoun(s + so, eo - so) &&
		    (offence_left(t, s, x->a, f->so, &lso, &leo) ||
		     subject(t, x, f->so, lab))) {
			/* "Violence with injury stood at a rate of 7.4 offences per
			 * 1,000": the offences are the subject's */
			if (leo > lso)
				found(t, lab);
			have = true;
		} else if (offence_key(t, s + so, eo - so, K_RATE)) {
			found(t, lab);
			have = true;
		} else if (offence_right(t, s, so, eo, &lso, &leo)) {
			found(t, lab);
			have = true;
		}
	}
	if (!have && needs(x, R.rate_left) &&
	    left(R.rate_left, s, x->a, f->so, &lm) &&
	    rules_named(rs(), &lm, "lab", &so, &eo) && eo > so &&
	    offence_key(t, s + so, eo - so, K_OBJECT)) {
		tx_label(s + so, eo - so, lab);
		have = true;
	}
	if (!have && x->lab[0] && effect(t)) {
		/* "485 knife-related offences, a rate of 1.2 per 1000", "96
		 * offences per 100,000 residents, against 112 per 100,000" */
		sbuf_clear(lab);
		sbuf_adds(lab, x->lab);
		have = true;
	}
	if (!have && subject(t, x, f->so, lab))
		have = true;
	if (!have || !effect(t))
		return;
	named(m, "per", &so, &eo);
	bool hk = eo - so >= 6 || text_iprefix(s + so, eo - so, "hundred");
	emit(t, x, f->vso, &x->p, NULL, lab->s,
	     hk ? "rate_per_100000" : "rate_per_1000", f->v.text,
	     hk ? "per 100000 population" : "per 1000 population");
}

static void
share(tx *t, sent *x, fig *f, const cs_rmatch *m)
{
	size_t so, eo, lso, leo;
	sbuf *lab = &t->para->lab;
	rules_group(m, 0, &so, &eo);
	cs_rmatch vm;
	if (needs(x, R.share_verb) &&
	    left(R.share_verb, x->s, x->a, f->so, &vm)) {
		/* "Domestic abuse accounts for 31 per cent of violence with
		 * injury": the part is the subject */
		if (subject(t, x, f->so, lab) ||
		    plain_subject(t, x, f->so, lab))
			emit(t, x, f->vso, &x->p, NULL, lab->s, "share_pct",
			     f->v.text, "percent");
		return;
	}
	/* "42% of all offences": a share of the whole of crime; "25% of drug
	 * trafficking offences led to ..." is not a share of crime */
	words w;
	words_right(x->s, eo, x->b, &w);
	if (w.n == 0 || !countnoun(x->s + w.so[0], w.eo[0] - w.so[0]))
		if (w.n == 0 ||
		    !text_ieq(x->s + w.so[0], w.eo[0] - w.so[0], "crime"))
			return;
	size_t after = w.eo[0];
	/* the offence that is the share: the subject, or what they were */
	if (offence_left(t, x->s, x->a, f->so, &lso, &leo) ||
	    offence_right(t, x->s, after, x->b, &lso, &leo)) {
		found(t, lab);
		emit(t, x, f->vso, &x->p, NULL, lab->s, "share_pct", f->v.text,
		     "percent");
	}
}

/* One figure of a sentence (figure() asks first if it is noise). */
static void
figure_read(tx *t, sent *x, fig *f)
{
	cs_rmatch m;
	size_t so, eo;
	const char *s = x->s;
	sbuf *lab = &t->para->lab;
	if (x->lab[0] && !f->word && needs(x, R.from_after) &&
	    left(R.from_after, s, x->a, f->so, &m)) {
		/* "fell to 1,146 offences from 1,388 in 2022/23" */
		if (!effect(t))
			return;
		sbuf_clear(lab);
		sbuf_adds(lab, x->lab);
		count(t, x, f, lab->s,
		      x->base.set && !x->p.set ? &x->base : &x->p);
		return;
	}
	if (x->lab[0] && x->lastmeasure && !f->word &&
	    needs(x, R.compared_num) &&
	    left(R.compared_num, s, x->a, f->so, &m) &&
	    (!strncmp(x->lastmeasure, "rate", 4) ||
	     !strcmp(x->lastmeasure, "count")) &&
	    !f->pct) {
		/* "3.9 per 1,000 people, compared with 3.1 in the previous year" */
		if (!effect(t))
			return;
		char l[128], u[32];
		const char *meas = x->lastmeasure;
		copy_cut(l, sizeof l, x->lab);
		copy_cut(u, sizeof u, x->lastunit);
		emit(t, x, f->vso, x->base.set ? &x->base : NULL, NULL, l, meas,
		     f->v.text, u);
		return;
	}
	if (x->lab[0] && f->pct && !f->pp && needs(x, R.share_to) &&
	    left(R.share_to, s, x->a, f->so, &m)) {
		/* "rose by 2.1 percentage points to 34%" */
		if (!effect(t))
			return;
		char l[128];
		copy_cut(l, sizeof l, x->lab);
		emit(t, x, f->vso, &x->p, NULL, l, "share_pct", f->v.text,
		     "percent");
		return;
	}
	/* a match holds one of rate's need words ("per 1", "per t"), so a
	 * sentence whose need scan met none holds none: a bit, where the
	 * rule looked for them in the rest of the sentence after each
	 * figure (159.8M to 158.1M instructions per MB) */
	if (!f->word && needs(x, R.rate) && right(R.rate, s, f->eo, x->b, &m)) {
		rate(t, x, f, &m);
		return;
	}
	if (f->pct && !f->pp && right(R.share, s, f->eo, x->b, &m)) {
		/* "made up 42% of all offences": a share, whatever "up" says */
		share(t, x, f, &m);
		return;
	}
	/* the direction rules' need rows ({{up}}, {{down}}, {{same}}):
	 * a sentence with no direction word tries none of them (124.47M to
	 * 123.21M instructions on the 1 MB slice, the s4-needs helper's
	 * figure) */
	if (needs(x, R.dir_after) && right(R.dir_after, s, f->eo, x->b, &m)) {
		named(&m, "dir", &so, &eo);
		int ws = tx_word_sign(s + so, eo - so);
		if (ws == 0 && !f->pct)
			return; /* "120 unchanged": no level read */
		rules_group(&m, 0, &so, &eo);
		change(t, x, f, ws, eo, f->so);
		return;
	}
	if (!f->word && needs(x, R.dir_before) &&
	    left(R.dir_before, s, x->a, f->so, &m)) {
		size_t dso, deo, pso, peo;
		named(&m, "dir", &dso, &deo);
		int ws = tx_word_sign(s + dso, deo - dso);
		bool prep = named(&m, "prep", &pso, &peo);
		if (prep && (text_ieq(s + pso, peo - pso, "to") ||
		             text_ieq(s + pso, peo - pso, "at") ||
		             text_ieq(s + pso, peo - pso, "from"))) {
			/* "rose to 120", "stable at 120", "down from 8,544 the year
			 * before": a level, not a change */
			if (f->pct)
				return;
			bool from = text_ieq(s + pso, peo - pso, "from");
			if (!offence_of(t, x, 0, dso, lab))
				return;
			if (from && x->fn)
				return; /* a footnoted period: its year before is unknown */
			count(t, x, f, lab->s,
			      from ? (x->base.set ? &x->base : NULL) : &x->p);
			return;
		}
		if (ws == 0 && !f->pct)
			return;
		/* "a rise of 12% in robbery", "Burglary fell by 12%" */
		change(t, x, f, ws, f->eo, dso);
		return;
	}
	if (!f->word && needs(x, R.dir_far) &&
	    left(R.dir_far, s, x->a, f->so, &m)) {
		named(&m, "dir", &so, &eo);
		int ws = tx_word_sign(s + so, eo - so);
		size_t lso, leo;
		named(&m, "lab", &lso, &leo);
		change(t, x, f, ws, lso, so);
		return;
	}
	if ((f->pct || f->pp) && f->sign) {
		/* "Burglary -12% on last year" */
		change(t, x, f, 0, f->eo, f->so);
		return;
	}
	level(t, x, f);
}

/* One figure of a sentence.  A figure in noise (a phone number, a time, a
 * date, a reference: in_noise) is not read, but its sentence's spans are
 * asked at the figure's first effect (effect()), not first of all: most
 * figures have none, so a sentence none of whose figures gets that far
 * computes no spans (2,749 of the 3,386 that did on 1 MB of report text:
 * 184.2M to 174.6M instructions, the 1,324 figures in noise that now run
 * the tests costing 5.1M of the 13.3M spared; asking first for a figure of
 * a year's or a section's shape cost 0.4M more).  The tests before an
 * effect (the rules, the words, the taxonomy's may_* filters) have no side
 * effect, so a figure in noise that runs them and is turned away at its
 * first effect writes what it wrote when turned away first: nothing.  An
 * effect is a row (emit, count), a warning (signed_value), a write of the
 * sentence's state (x->lab, x->people, x->pct) or of the scratch label
 * (t->para->lab), or a look-up in the taxonomy, which may warn ("taxonomy
 * pattern 3 gave up") and remembers labels: offence_key asks before it, so
 * a phrase the taxonomy maps has passed, and found() after one needs no
 * other question.  Spans already known (a printed period's, a pair's) are
 * asked first, at no cost: "in 2023" is turned away at once.  A qualified
 * figure ("over 1500") and "12% unchanged" are turned away at the first
 * effect too, their two rules tried only there (174.6M to 173.5M). */
static void
figure(tx *t, sent *x, fig *f)
{
	for (int i = 0; i < x->nnoise; i++)
		if (f->so < x->noise[i][1] && f->eo > x->noise[i][0])
			return;
	f->verdict = F_ASK;
	t->para->askx = x;
	t->para->askf = f;
	figure_read(t, x, f);
	t->para->askf = NULL;
}

/* A figure's pctverb ("Robbery halved") and pctword ("fell by a third")
 * have no digits: read as a change from the words. */
static void
word_changes(tx *t, sent *x)
{
	const char *s = x->s;
	for (size_t i = x->a; i < x->b; i++) {
		if (!is_alpha(s[i]))
			continue;
		size_t j = i + 1;
		while (j < x->b && is_alpha(s[j]))
			j++;
		const char *kind, *value;
		/* one word ("halved") or two ("a third"); k2 == j: no two
		 * to look up.  The next word is read only after a first word
		 * of two ("a", "one"): no other two can be a pctword (647.0M
		 * to 644.6M instructions per MB) */
		size_t k = j, k2 = j;
		if (k + 1 < x->b && s[k] == ' ') {
			if (!is_alpha(s[k + 1])) {
				k2 = k + 1; /* "half (": "half " is "half" */
			} else if (tx_shape_may(TX_SH_PCT1, s + i, j - i)) {
				k2 = k + 1;
				while (k2 < x->b && is_alpha(s[k2]))
					k2++;
			}
		}
		/* most words are neither, as their shape tells without the
		 * hash (tx_word trims "third " to "third"): two look-ups of
		 * each word of every sentence, 727.2M to 705.7M instructions
		 * per MB; the shape asked inline, see may_hold_figure */
		if (!tx_shape_may(TX_SH_PCT, s + i, j - i) &&
		    (k2 <= j + 1 || !tx_shape_may(TX_SH_PCT, s + i, k2 - i))) {
			i = j;
			continue;
		}
		if (k2 > j && tx_word(s + i, k2 - i, &kind, &value) &&
		    !strcmp(kind, "pctword"))
			k = k2;
		if (!tx_word(s + i, k - i, &kind, &value) ||
		    (strcmp(kind, "pctverb") && strcmp(kind, "pctword"))) {
			i = j;
			continue;
		}
		fig f = {
			.so = i, .eo = k, .vso = i, .pct = true, .word = true
		};
		const char *mag = value[0] == '-' ? value + 1 : value;
		if (num_parse(mag, strlen(mag), &f.v) != NUM_OK)
			break;
		cs_rmatch m;
		if (!strcmp(kind, "pctverb")) {
			change(t, x, &f, value[0] == '-' ? -1 : 1, k, i);
		} else if (left(R.share_verb, s, x->a, i, &m)) {
			/* "Shoplifting made up a quarter of all theft" */
			sbuf *lab = &t->para->lab;
			if (subject(t, x, i, lab))
				emit(t, x, i, &x->p, NULL, lab->s, "share_pct",
				     f.v.text, "percent");
		} else if (left(R.dir_before, s, x->a, i, &m) &&
		           !left(R.qualifier, s, x->a, i, &m)) {
			left(R.dir_before, s, x->a, i, &m);
			size_t dso, deo;
			named(&m, "dir", &dso, &deo);
			int ws = tx_word_sign(s + dso, deo - dso);
			if (ws)
				change(t, x, &f, ws, k, dso);
		}
		i = k;
	}
}

/* Two counts: "from 250 offences to 221", "45 this year and 60 last year". */
static bool
pair(tx *t, sent *x, int rule, size_t at, size_t *done_so, size_t *done_eo)
{
	cs_rmatch m;
	size_t aso, aeo, bso, beo;
	const char *s = x->s;
	if (!rules_exec(rs(), rule, s, x->b, at, &m))
		return false;
	named(&m, "a", &aso, &aeo);
	named(&m, "b", &bso, &beo);
	rules_group(&m, 0, done_so, done_eo);
	cs_num a, b;
	if (in_noise(x, aso, aeo) || in_noise(x, bso, beo) ||
	    num_parse(s + aso, aeo - aso, &a) != NUM_OK ||
	    num_parse(s + bso, beo - bso, &b) != NUM_OK)
		return false;
	sbuf *lab = &t->para->lab;
	size_t so, eo;
	if (offence_right(t, s, aeo, bso, &so, &eo) ||
	    offence_left(t, s, x->a, *done_so, &so, &eo) ||
	    offence_right(t, s, *done_eo, x->b, &so, &eo)) {
		found(t, lab);
	} else if (x->lab[0]) {
		sbuf_clear(lab);
		sbuf_adds(lab, x->lab);
	} else if (!subject(t, x, *done_so, lab)) {
		return false;
	}
	char l[128];
	copy_cut(l, sizeof l, lab->s);
	tx_period pa = x->base, pb = x->p;
	if (x->nper >= 2) {
		/* "from 1,802 offences in 2022/23 to 1,733 in 2023/24" */
		cs_period *e = &x->per[0], *lt = &x->per[1];
		if (e->end.y * 12 + e->end.m > lt->end.y * 12 + lt->end.m)
			e = &x->per[1], lt = &x->per[0];
		pa = (tx_period){ true, *e };
		pb = (tx_period){ true, *lt };
	}
	if (rule == R.this_last || rule == R.this_last2) {
		pa = (tx_period){ true, { .label = "this year" } };
		pb = (tx_period){ true, { .label = "last year" } };
	}
	emit(t, x, aso, &pa, NULL, l, "count", a.text, count_unit(l));
	emit(t, x, bso, &pb, NULL, l, "count", b.text, count_unit(l));
	bool tl = rule == R.this_last || rule == R.this_last2;
	double from = tl ? b.value : a.value;
	double to = tl ? a.value : b.value;
	/* a change stated in the same sentence is checked against them */
	if (x->pct && !strcmp(x->pctlab, l)) {
		tx_fact *c = tx_held(t, x->pct);
		if (c)
			c->claim = false;
		tx_check_change(t, line_at(t->para, x->pctpos), l, from, to,
		                &x->pctv, true);
	}
	x->has_from = x->has_to = true;
	x->from = from;
	x->to = to;
	return true;
}

/* "the 14th lowest rate of total crime ... of all 32 London boroughs":
 * rank 1 is the lowest; "highest" counts from the other end. */
static void
rank(tx *t, sent *x, const cs_rmatch *m)
{
	const char *s = x->s;
	size_t so, eo, mso, meo, lso, leo;
	long n, of = 0;
	named(m, "n", &so, &eo);
	if (!num_long(s + so, eo - so, &n) || n < 1)
		return;
	if (named(m, "of", &so, &eo))
		num_long(s + so, eo - so, &of);
	else if (named(m, "london", &so, &eo))
		of = 32;
	else if (named(m, "msg", &so, &eo))
		num_long(s + so, eo - so, &of);
	bool high = false, dir = false;
	if (named(m, "dir2", &so, &eo)) {
		dir = true;
		high = (s[so] | 32) == 'h' || (s[so] | 32) == 'w';
	}
	const char *key = NULL;
	sbuf *lab = &t->para->lab;
	mso = meo = 0;
	named(m, "mid", &mso, &meo);
	cs_rmatch rm;
	if (meo > mso) {
		/* "lowest rate of total crime per person" */
		if (!dir && rules_exec(rs(), R.rank_dir, s, meo, mso, &rm)) {
			rules_named(rs(), &rm, "dir", &so, &eo);
			dir = true;
			high = (s[so] | 32) == 'h' || (s[so] | 32) == 'w';
		}
		size_t from = mso;
		if (rules_exec(rs(), R.rate_of, s, meo, mso, &rm))
			rules_group(&rm, 0, &so, &from);
		key = offence_right(t, s, from, meo, &lso, &leo);
	}
	rules_group(m, 0, &mso, &meo);
	if (!key) {
		/* "Enfield's rate of domestic violence and abuse is the 11th" */
		size_t from = x->a, last = (size_t)-1;
		while (from < mso &&
		       rules_exec(rs(), R.rate_of, s, mso, from, &rm)) {
			rules_group(&rm, 0, &so, &eo);
			last = eo;
			from = eo;
		}
		if (last != (size_t)-1)
			key = offence_right(t, s, last, mso, &lso, &leo);
	}
	/* "ranked 22nd out of 32 for violence with injury", "3rd of 7
	 * districts in the county for residential burglary" */
	if (!key)
		key = offence_right(t, s, meo, x->b, &lso, &leo);
	for (size_t i = meo; !key && i + 5 < x->b && i < meo + 60; i++)
		if (s[i] == ' ' && text_iprefix(s + i + 1, 4, "for ")) {
			key = offence_right(t, s, i + 5, x->b, &lso, &leo);
			break;
		}
	if (key) {
		found(t, lab);
	} else if (!subject(t, x, mso, lab)) {
		return; /* "For robbery the borough ranked 14th" */
	}
	/* a rank with no direction is as printed ("14th of 32") */
	if (of < n || (high && of == 0))
		return;
	char v[24], unit[24];
	snprintf(v, sizeof v, "%ld", high ? of + 1 - n : n);
	if (of)
		snprintf(unit, sizeof unit, "of %ld", of);
	else
		snprintf(unit, sizeof unit, "in most similar group");
	emit(t, x, mso, &x->p, NULL, lab->s, "rank", v, unit);
}

/* The sentence around [so, eo): from after the previous ". X" to the next. */
static void
sentence_at(const char *s, size_t n, size_t so, size_t *a, size_t *b)
{
	/* from one '.' or ';' to the next with libc's strcspn (s[n] is the
	 * paragraph's NUL; one inside stops it too, and is stepped over),
	 * not a test a byte: 685.3M to 675.0M instructions per MB of report
	 * text */
	size_t e = so;
	while (e + 2 < n) {
		e += strcspn(s + e, ".;");
		if (e + 2 >= n)
			break;
		if (s[e] != '\0' && s[e + 1] == ' ' &&
		    ((s[e + 2] >= 'A' && s[e + 2] <= 'Z') || s[e] == ';'))
			break;
		e++;
	}
	*a = so;
	*b = e + 2 < n ? e : n;
}

/* The period of a sentence and what its changes compare with. */
static bool
periods(tx *t, sent *x)
{
	const char *s = x->s;
	size_t so, eo, so2, eo2, bso, beo;
	cs_period p1, p2;
	cs_rmatch m;
	struct tx_para *pp = t->para;
	/* the words where a period may start, found once for the six
	 * questions below (lib/date: period_starts) */
	cs_pstarts *ps = &pp->ps;
	period_starts(s, x->b, x->a, ps);
	bool one = period_find_in(s, x->b, ps, x->a, &p1, &so, &eo);
	if (period_backwards_in(s, x->b, ps, x->a, one ? so : x->b, &bso,
	                        &beo)) {
		int len = (int)(beo - bso < 80 ? beo - bso : 80);
		cs_warn_at(t->file, line_at(pp, bso),
		           "period \"%.*s\" runs backwards "
		           "or does not fit its length: sentence not read",
		           len, s + bso);
		return false;
	}
	if (one)
		add_noise(x, so, eo);
	bool two = one && period_find_in(s, x->b, ps, eo, &p2, &so2, &eo2);
	if (two)
		add_noise(x, so2, eo2);
	bool cmp = needs(x, R.compare) &&
	           rules_exec(rs(), R.compare, s, x->b, x->a, &m);
	size_t cso = 0, ceo = 0;
	if (cmp)
		rules_group(&m, 0, &cso, &ceo);
	x->year_ago = cmp;
	if (two && (rules_exec(rs(), R.compare_word, s, so2, eo, &m) ||
	            left(R.between, s, x->a, so, &m))) {
		/* "2016/17 against 2015/16", "2013/14 vs. 2018/19": the later
		 * is the period, the earlier the base */
		bool later =
		    p2.end.y * 12 + p2.end.m > p1.end.y * 12 + p1.end.m;
		x->p = (tx_period){ true, later ? p2 : p1 };
		x->base = (tx_period){ true, later ? p1 : p2 };
		return true;
	}
	if (one && !two && left(R.base_before, s, x->a, so, &m)) {
		/* "114 more than in Q3 2022/23": the base; the figure's own
		 * period is not printed */
		x->base = (tx_period){ true, p1 };
		return true;
	}
	if (one) {
		x->p = (tx_period){ true, p1 };
		/* "During 2015/16 Barnet had the highest rate ..., by 2016/17
		 * ... the 5th highest": each figure takes the period printed
		 * last before it */
		x->per[0] = p1;
		x->perso[0] = so;
		x->nper = 1;
		/* the first after it is two's, found above: not looked for
		 * again (its span added again, as the noise list had it):
		 * 235.15M to 234.90M instructions per MB of report text */
		bool more = two;
		cs_period q = more ? p2 : p1;
		while (x->nper < 4 && more) {
			add_noise(x, so2, eo2);
			x->per[x->nper] = q;
			x->perso[x->nper++] = so2;
			more = x->nper < 4 &&
			       period_find_in(s, x->b, ps, eo2, &q, &so2, &eo2);
		}
	} else if (needs(x, R.footnote_rel) &&
	           rules_exec(rs(), R.footnote_rel, s, x->b, x->a, &m)) {
		long n = 1;
		rules_named(rs(), &m, "fn", &so, &eo);
		num_long(s + so, eo - so, &n);
		x->fn = (int)n;
		n = 1;
		if (named(&m, "n", &so, &eo) && !num_long(s + so, eo - so, &n))
			n = (s[so] | 32) == 't' ? 12 : 5;
		named(&m, "u", &so, &eo);
		x->fn_months = (int)((s[so] | 32) == 'y' ? n * 12 : n);
		rules_group(&m, 0, &so, &eo);
		add_noise(x, so, eo);
	} else if (x->carried && pp->prev.set && pp->prev.p.set) {
		x->p = pp->prev.p;
	} else if (t->lead.set) {
		x->p = t->lead;
	} else {
		/* "this year": kept as printed, its dates unknown */
		size_t from = x->a;
		while (needs(x, R.relative) &&
		       rules_exec(rs(), R.relative, s, x->b, from, &m)) {
			rules_named(rs(), &m, "rel", &so, &eo);
			add_noise(x, so, eo);
			from = eo;
			if (cmp && so >= cso && eo <= ceo)
				continue;
			if (!x->p.set) {
				x->p.set = true;
				memset(&x->p.p, 0, sizeof x->p.p);
				snprintf(x->p.p.label, sizeof x->p.p.label,
				         "%.*s", (int)(eo - so), s + so);
			}
		}
	}
	if (x->p.set && x->p.p.start.y) {
		x->base = (tx_period){ true, period_shift(&x->p.p, -12) };
	} else if (x->p.set && cmp && named(&m, "base", &so, &eo)) {
		/* "this year ... compared with last year": both as printed */
		x->base.set = true;
		memset(&x->base.p, 0, sizeof x->base.p);
		snprintf(x->base.p.label, sizeof x->base.p.label, "%.*s",
		         (int)(eo - so), s + so);
	}
	return true;
}

/* One stage of noise(): the matches of rule R.noise[stage], or the
 * dates after the last. */
static void
noise_step(sent *x)
{
	cs_rmatch m;
	size_t so, eo;
	/* the digits of the sentence (read_sentence), whose windows
	 * noise_phone, noise_time, noise_ref, noise_address and
	 * noise_postcode try, and where the dates start: found once, not by
	 * each (227.3M to 226.5M instructions per MB) */
	int r = R.noise[x->noise_stage++];
	if (r >= 0) {
		size_t from = x->a;
		while (from < x->b && needs(x, r) &&
		       rules_exec_digits(rs(), r, x->s, x->b, from, &x->digits,
		                         &m)) {
			rules_group(&m, 0, &so, &eo);
			push_noise(x, so, eo);
			from = eo > so ? eo : so + 1;
		}
		return;
	}
	x->noise_due = false;
	/* dates ("21 July 2017") are lib/date's; from one digit to the next
	 * (text_digit_next, now the runs found above), not a byte at a
	 * time: 274.1M to 272.0M instructions per MB.  An ASCII digit
	 * starts one */
	for (size_t i = x->a;
	     (i = rules_digit_next(&x->digits, x->s, i, x->b)) < x->b; i++) {
		if (x->s[i] < '0' || x->s[i] > '9')
			continue;
		if (!(i > x->a && is_wordc(x->s[i - 1]))) {
			cs_date d;
			size_t k = date_prefix(x->s + i, x->b - i, &d);
			if (k) {
				push_noise(x, i, i + k);
				i += k;
				continue;
			}
		}
		/* the digits after it in its word ("2019", "A12") follow a
		 * byte of a word, so start none: past them at once (270.5M to
		 * 270.1M) */
		while (i + 1 < x->b && is_wordc(x->s[i + 1]))
			i++;
	}
}

static void
noise(sent *x)
{
	while (x->noise_due)
		noise_step(x);
}

static void
nearest_period(sent *x, size_t at)
{
	if (x->nper < 2)
		return;
	int k = 0;
	for (int i = 1; i < x->nper; i++)
		if (x->perso[i] < at)
			k = i;
	/* the figures of a sentence mostly take the same period, and x->p
	 * and x->base change nowhere else once read_sentence's loop is
	 * under way: not shifted again (227.47M to 227.18M instructions per MB
	 * of report text) */
	if (x->perk == k + 1)
		return;
	x->perk = k + 1;
	x->p = (tx_period){ true, x->per[k] };
	x->base = (tx_period){ true, period_shift(&x->per[k], -12) };
}

/* A rank or a pair of counts starting at `at`. */
static void
event(tx *t, sent *x, int rule, size_t at)
{
	cs_rmatch m;
	size_t so, eo;
	if (rule == R.rank) {
		if (!rules_exec(rs(), rule, x->s, x->b, at, &m))
			return;
		rank(t, x, &m);
		rules_group(&m, 0, &so, &eo);
		add_noise(x, so, eo);
		return;
	}
	if (pair(t, x, rule, at, &so, &eo))
		add_noise(x, so, eo);
}

/* Could the sentence hold a figure: a digit, or a number, magnitude or
 * "no change" in words?  Most sentences of a report hold none, and
 * reading one costs some thirty pattern matches.  s[b] is '.', ';' or
 * the paragraph's NUL (sentence_at), no letter: a word ends by then
 * without a test of b a byte (492.8M to 491.8M instructions per MB). */
static bool
may_hold_figure(const char *s, size_t a, size_t b)
{
	/* is_alpha by one load a byte, not two ranges: the words of the
	 * sentences that hold no figure are most of the text scanned here
	 * (231.67M to 230.64M instructions per MB) */
	static const unsigned char alpha[256] = {
		['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1,
		['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1,
		['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1,
		['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1,
		['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1,
		['Z'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1,
		['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1,
		['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
		['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1,
		['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
		['y'] = 1, ['z'] = 1
	};

	/* a digit first, eight bytes at a time (lib/text), one not right
	 * after a letter ("MOPAC7" has none), then a '%': a sentence with
	 * a digit is known at its first, not after each byte before it was
	 * asked for one on the walk of the words below, which is now for
	 * the sentences without: 15.4M to 14.0M cycles here on the 5.3 MB
	 * text (rdtsc, the least of 10 runs, twice), the same instructions
	 * (158.4M on the 1 MB slice) */
	for (size_t d = text_digit_next(s, a, b); d < b;
	     d = text_digit_next(s, d + 1, b))
		if (d == a || !alpha[(unsigned char)s[d - 1]])
			return true;
	if (memchr(s + a, '%', b - a))
		return true;
	/* a word at a time, its shape asked inline first (tx.h:
	 * tx_shape_may), as in word_changes: 653.9M to 647.0M instructions
	 * per MB of report text, the two together */
	for (size_t i = a; i < b; i++) {
		if (!alpha[(unsigned char)s[i]])
			continue;
		/* the word's end eight bytes at a time (lib/text): more
		 * instructions than a byte at a time (192.5M to 193.0M per
		 * MB), less time, the end of most words not mispredicted */
		size_t j = text_letters_end(s, i + 1, b);
		if (tx_shape_may(TX_SH_FIG, s + i, j - i) &&
		    tx_figure_word(s + i, j - i))
			return true;
		i = j; /* and the byte after the word, no letter */
	}
	return false;
}

static void
read_sentence(tx *t, size_t a, size_t b)
{
	struct tx_para *pp = t->para;
	const char *s = pp->text.s;
	rs(); /* the words are loaded: may_hold_figure asks tx_shape */
	if (!may_hold_figure(s, a, b)) {
		/* nothing to read; "This is ..." after it refers to nothing */
		pp->prev.set = false;
		return;
	}
	/* set up only for a sentence that may hold a figure: it is 1.5 kB
	 * (622.8M to 622.1M instructions per MB).  Zeroed but for its two
	 * arrays, 1 kB of it: the noise spans are read only below nnoise
	 * (push_noise), and rules_digits below sets every field of digits
	 * the runs below its nrun read.  Every other field, and any added
	 * later, lies in one of the three spans zeroed: 563.9M to 561.2M
	 * instructions on the 5.3 MB text */
	sent x;
	_Static_assert(offsetof(sent, noise) < offsetof(sent, nnoise) &&
	                   offsetof(sent, nnoise) < offsetof(sent, digits),
	               "read_sentence zeroes around noise and digits");
	memset(&x, 0, offsetof(sent, noise));
	memset((char *)&x + offsetof(sent, nnoise), 0,
	       offsetof(sent, digits) - offsetof(sent, nnoise));
	memset((char *)&x + offsetof(sent, digits) + sizeof x.digits, 0,
	       sizeof x - offsetof(sent, digits) - sizeof x.digits);
	x.s = s;
	x.a = a;
	x.b = b;
	cs_rmatch m;
	size_t so, eo;
	/* the sentence's digits, whose windows the figure scan and noise
	 * rules try: found once, here, not by each (193.8M to 192.8M
	 * instructions per MB), nor by rules_text; the needs asked of the
	 * sentence as it is, not a lower-cased copy (rules_text_as_is) */
	rules_digits(&x.digits, s, a, b);
	rules_text_as_is(&x.txt, &x.digits);
	x.carried = rules_exec(rs(), R.carry, s, b, a, &m);
	x.prior = needs(&x, R.prior) && rules_exec(rs(), R.prior, s, b, a, &m);
	if (!periods(t, &x)) {
		pp->prev.set = false;
		return;
	}
	if (x.prior && x.carried && pp->prev.set && pp->prev.p.set &&
	    pp->prev.p.p.start.y) {
		x.p = pp->prev.p;
		x.base = (tx_period){ true, period_shift(&x.p.p, -12) };
	}
	x.area = t->area;
	if (needs(&x, R.area) && rules_exec(rs(), R.area, s, b, a, &m) &&
	    named(&m, "a", &so, &eo)) {
		const char *ar = tx_area_name(s + so, eo - so);
		if (ar)
			x.area = ar;
	}
	/* the spans of phone numbers, times, references and dates are asked
	 * of a figure or a pair only: found when the first is asked (or a
	 * rank adds its own after them), so a sentence with no figure found
	 * skips the eight rules and the date scan (280.7M to 278.6M
	 * instructions per MB).  The spans are the same
	 * and in the same order (at most 32 kept) */
	x.noise_due = true;
	/* ranks ("the 14th lowest ... of 32 London boroughs") and pairs of
	 * counts ("from 250 offences to 221"), read where they start, before
	 * the figures after them: their numbers are not figures */
	size_t pso[16];
	int prule[16], np = 0, next = 0;
	size_t from;
	for (int k = 0; k < 4; k++) {
		int r = k == 0   ? R.rank
		        : k == 1 ? R.from_to
		        : k == 2 ? R.this_last
		                 : R.this_last2;
		from = a;
		/* a need is the sentence's, the same each time round (one call
		 * of lib/rules a figure fewer: 229.66M to 229.50M instructions per
		 * MB, with the two loops below) */
		bool need = needs(&x, r);
		while (np < 16 && from < b && need &&
		       rules_exec(rs(), r, s, b, from, &m)) {
			rules_group(&m, 0, &so, &eo);
			int i = np++;
			while (i > 0 && pso[i - 1] > so) {
				pso[i] = pso[i - 1];
				prule[i] = prule[i - 1];
				i--;
			}
			pso[i] = so;
			prule[i] = r;
			from = eo;
		}
	}
	from = a;
	bool need = needs(&x, R.figure);
	/* the figure's groups by number, found once for the rule set, not
	 * by name at each figure (rules_group_number) */
	static const cs_ruleset *gset;
	static int gv, gsign, gpc;
	if (gset != rs()) {
		gset = rs();
		gv = rules_group_number(gset, R.figure, "v");
		gsign = rules_group_number(gset, R.figure, "sign");
		gpc = rules_group_number(gset, R.figure, "pc");
	}
	while (from < b && need &&
	       rules_exec_digits(rs(), R.figure, s, b, from, &x.digits, &m)) {
		fig f = { 0 };
		rules_group(&m, 0, &f.so, &f.eo);
		from = f.eo > f.so ? f.eo : f.so + 1;
		for (; next < np && pso[next] <= f.so; next++) {
			nearest_period(&x, pso[next]);
			event(t, &x, prule[next], pso[next]);
		}
		rules_group(&m, gv, &f.vso, &eo);
		if (num_parse(s + f.vso, eo - f.vso, &f.v) != NUM_OK)
			continue;
		nearest_period(&x, f.so);
		if (rules_group(&m, gsign, &so, &eo) && eo > so)
			f.sign = s[so] == '+' ? 1 : -1;
		if (rules_group(&m, gpc, &so, &eo) && eo > so) {
			f.pct = true;
			/* " percentage points", "pp", not " per cent" */
			size_t u = so + (s[so] == ' ');
			f.pp = text_iprefix(s + u, eo - u, "percentage") ||
			       ((s[u] | 32) == 'p' &&
			        !text_iprefix(s + u, eo - u, "per"));
		}
		figure(t, &x, &f);
	}
	for (; next < np; next++) {
		nearest_period(&x, pso[next]);
		event(t, &x, prule[next], pso[next]);
	}
	/* counts in words: "three burglaries", "two more robberies" */
	from = a;
	need = needs(&x, R.figword);
	while (from < b && need &&
	       rules_exec(rs(), R.figword, s, b, from, &m)) {
		fig f = { .word = true };
		rules_group(&m, 0, &f.so, &f.eo);
		from = f.eo;
		const char *value;
		if (!tx_word(s + f.so, f.eo - f.so, NULL, &value) ||
		    num_parse(value, strlen(value), &f.v) != NUM_OK)
			continue;
		f.vso = f.so;
		/* "rose by two per cent" */
		size_t e = f.eo;
		if (e + 1 < b && s[e] == ' ' &&
		    text_iprefix(s + e + 1, b - e - 1, "per cent")) {
			f.pct = true;
			f.eo = e + 9;
			f.word = false;
		} else if (e < b && s[e] == '%') {
			f.pct = true;
			f.eo = e + 1;
			f.word = false;
		}
		figure(t, &x, &f);
	}
	/* "Theft from the person was unchanged on last year", "There was no
	 * change in the number of robberies": a change of 0 */
	if (!x.pct && needs(&x, R.no_change) &&
	    rules_exec(rs(), R.no_change, s, b, a, &m)) {
		sbuf *lab = &pp->lab;
		rules_group(&m, 0, &so, &eo);
		size_t lso = 0, leo = 0;
		if (offence_right(t, s, eo, b, &lso, &leo) ||
		    subject(t, &x, so, lab)) {
			if (leo > lso && lso >= eo)
				found(t, lab);
			emit(t, &x, so, &x.p, &x.base, lab->s, "pct_change",
			     "0", "percent");
		}
	}
	/* word_changes finds a pctverb or pctword only as its words printed
	 * (ASCII letters, one space between), so in the lower-cased text:
	 * a sentence whose need scan met none holds none */
	if (needs(&x, R.pctword))
		word_changes(t, &x);
	/* what the next sentence may refer to */
	if (x.lab[0]) {
		bool same = pp->prev.set && !strcmp(pp->prev.label, x.lab);
		if (!same || !x.carried) {
			pp->prev = (carry){ .set = true };
			copy_cut(pp->prev.label, sizeof pp->prev.label, x.lab);
			pp->prev.p = x.p;
		}
		if (x.has_from)
			pp->prev.from = x.from;
		if (x.has_to)
			pp->prev.to = x.to;
		pp->prev.two |= (x.has_from && x.has_to) ||
		                (same && (x.has_from || x.has_to));
	} else if (!x.carried) {
		pp->prev.set = false;
	}
}

static void
recognise(tx *t)
{
	struct tx_para *pp = t->para;
	const char *s = pp->text.s;
	size_t n = pp->text.len;
	pp->prev.set = false;
	/* a lead-in's period holds over the items of its list ("485
	 * knife-related offences, ...", "- 63 gun-related offences, ..."),
	 * not over the next numbered section ("1.2.3 Assaults ...").  Asked
	 * only while a lead-in's period is held: clearing one is all the
	 * answer does, and most paragraphs follow none (the noise rule's
	 * call on 2,208 of them: 132.7M to 132.1M instructions on the 1 MB
	 * slice) */
	cs_rmatch m;
	if (t->lead.set && !(n &&
	                     ((s[0] >= '0' && s[0] <= '9') || s[0] == '-' ||
	                      s[0] == '*' || (unsigned char)s[0] == 0xE2) &&
	                     !rules_exec(rs(), R.noise[6], s, n, 0, &m)))
		t->lead.set = false;
	for (size_t a = 0; a < n;) {
		size_t sa, sb;
		sentence_at(s, n, a, &sa, &sb);
		read_sentence(t, sa, sb);
		a = sb + 2;
	}
	/* a lead-in ("Over the last 12 months (to March 2017) there have
	 * been reductions in ...:") gives its period to the list below */
	if (n && s[n - 1] == ':') {
		t->lead.set = false;
		size_t so, eo;
		if (tx_find_period(s, n, &t->lead.p, &so, &eo) == TXP_OK)
			t->lead.set = true;
	}
}

void
tx_para_line(tx *t, const char *s, size_t n)
{
	struct tx_para *pp = para(t);
	cs_rmatch m;
	cs_ruleset *r = rs(); /* before R is read */
	/* "#### Theft of Keyless Entry Cars": a heading is not the subject
	 * of the sentence under it */
	/* A blank line ends a paragraph, unless the paragraph stopped in
	 * mid-sentence and this line goes on in lower case: double-spaced
	 * minutes put a blank line after every line ("stated that one
	 * report of" / "" / "theft of fertiliser has been reported"). */
	if (t->blank) {
		t->blank = false;
		const char *u = s;
		size_t un = n;
		text_trim(&u, &un);
		char last = pp->text.len ? pp->text.s[pp->text.len - 1] : '.';
		if (!(un && u[0] >= 'a' && u[0] <= 'z' &&
		      strchr(".:;!?", last) == NULL))
			tx_para_end(t);
	}
	bool heading = rules_exec(r, R.heading, s, n, 0, &m);
	if (pp->text.len && (heading || rules_exec(r, R.bullet, s, n, 0, &m)))
		tx_para_end(t);
	if (heading)
		return;
	text_trim(&s, &n);
	if (pp->text.len)
		sbuf_addc(&pp->text, ' ');
	if (pp->nat == pp->capat)
		pp->at = xgrow(pp->at, &pp->capat, pp->nat + 1, sizeof *pp->at);
	pp->at[pp->nat].off = pp->text.len;
	pp->at[pp->nat++].line = t->line;
	/* the line holds no tab: tx_line_rest asks tx_tab_line first, and
	 * that takes every line with one (a table row), so no tab is looked
	 * for here (230.0M to 229.1M instructions per MB, with xgrow asked
	 * only when the line array is full) */
	sbuf_add(&pp->text, s, n);
	if (pp->text.len > (1u << 16))
		tx_para_end(t);
}

void
tx_para_end(tx *t)
{
	struct tx_para *pp = t->para;
	if (!pp || !pp->text.len)
		return;
	while (pp->text.len && pp->text.s[pp->text.len - 1] == ' ')
		pp->text.s[--pp->text.len] = '\0';
	recognise(t);
	sbuf_clear(&pp->text);
	pp->nat = 0;
}

long
tx_para_pending(const tx *t)
{
	return t->para && t->para->nat ? t->para->at[0].line : LONG_MAX;
}

void
tx_para_free(tx *t)
{
	if (!t->para)
		return;
	sbuf_free(&t->para->text);
	sbuf_free(&t->para->lab);
	sbuf_free(&t->para->tmp);
	period_starts_free(&t->para->ps);
	free(t->para->at);
	free(t->para);
	t->para = NULL;
}
