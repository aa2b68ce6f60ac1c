/* text-words.c - the recognisers of the text mode, as data.
 *
 * The words of a statistic (directions with their signs, number words,
 * count nouns, qualifiers) are lib/data/crime-words.tsv; the patterns
 * that use them are lib/data/rules-crime-sentence.tsv and
 * rules-crime-cells.tsv (lib/rules.h), each rule with examples it must
 * and must not match.  They are loaded once, on first use.  Periods are
 * found by lib/date (period_find); the helpers here only adapt them to
 * the readers. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "borough.h"
#include "err.h"
#include "hash.h"
#include "ref.h"
#include "text.h"
#include "tx.h"

static cs_table *words;
static hmap *wordmap; /* lower-case word -> row + 1 */
static hmap *figmap;  /* tx_figure_word's words, lower-case */
static int wkind, wvalue;
static unsigned *kinds; /* TXK_ bits of each row's kind (tx_word_kind) */
/* tx.h: tx_shape.  Most words of a sentence have no shape of a listed
 * word and are turned away before the hash: 760.0M to 727.2M
 * instructions per MB of report text (word_changes and may_hold_figure
 * look up every word). */
uint32_t tx_shape[TX_SH_N][TX_SHAPE_MAX + 1][32];
static cs_ruleset *sent_rules, *cell_rules;
static int r_years_ago, r_prev_year, r_signed;

static char
lowc(char c)
{
	return (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
}

static void
shape_add(int m, const char *w, size_t n)
{
	tx_shape[m][n < TX_SHAPE_MAX ? n : TX_SHAPE_MAX]
	        [(unsigned char)lowc(w[0]) & 31] |=
	    (uint32_t)1 << ((unsigned char)lowc(w[n - 1]) & 31);
}

static void
load(void)
{
	/* The rules are the last thing loaded: a load that ended part way
	 * (an exit the fuzzer caught) left words without them, and the next
	 * call, seeing words, handed out no rule set (fuzz_nc_text, once, in
	 * fork mode).  Start again from nothing then. */
	if (cell_rules != NULL)
		return;
	tx_words_free();
	words = ref_load("crime-words");
	int wc = ref_need(words, "word");
	wkind = ref_need(words, "kind");
	wvalue = ref_need(words, "value");
	wordmap = hmap_new();
	figmap = hmap_new();
	/* "same", "no change", "a third", "a quarter", "half" */
	static const char *const fig_extra[] = { "same", "change", "third",
		                                 "quarter", "half" };
	memset(tx_shape, 0, sizeof tx_shape);
	for (size_t i = 0; i < sizeof fig_extra / sizeof fig_extra[0]; i++) {
		*hmap_put(figmap, fig_extra[i], strlen(fig_extra[i])) = figmap;
		shape_add(TX_SH_FIG, fig_extra[i], strlen(fig_extra[i]));
	}
	static const struct {
		const char *name;
		unsigned bit;
	} kind_bits[] = {
		{ "stop", TXK_STOP },
		{ "qualifier", TXK_QUALIFIER },
		{ "up", TXK_UP },
		{ "down", TXK_DOWN },
		{ "same", TXK_SAME },
		{ "relative", TXK_RELATIVE },
		{ "countnoun", TXK_COUNTNOUN },
		{ "follow", TXK_FOLLOW },
		{ "pctverb", TXK_PCTVERB },
	};
	kinds = xcalloc(words->nrows ? words->nrows : 1, sizeof *kinds);
	for (size_t i = 0; i < words->nrows; i++) {
		const char *k = ref_get(words, i, (size_t)wkind);
		kinds[i] = TXK_LISTED;
		for (size_t b = 0; b < sizeof kind_bits / sizeof kind_bits[0];
		     b++)
			if (!strcmp(k, kind_bits[b].name))
				kinds[i] |= kind_bits[b].bit;
	}
	sbuf low = SBUF_INIT;
	for (size_t i = 0; i < words->nrows; i++) {
		const char *w = ref_get(words, i, (size_t)wc);
		sbuf_clear(&low);
		for (const char *p = w; *p; p++)
			sbuf_addc(&low, (char)(*p >= 'A' && *p <= 'Z' ? *p + 32
			                                              : *p));
		if (low.len == 0)
			continue; /* no look-up asks for "" */
		shape_add(TX_SH_WORD, low.s, low.len);
		void **slot = hmap_put(wordmap, low.s, low.len);
		if (*slot != NULL)
			continue; /* the first row of a word is its kind */
		*slot = (void *)(i + 1);
		const char *k = ref_get(words, i, (size_t)wkind);
		if (!strcmp(k, "numword") || !strcmp(k, "pctverb") ||
		    !strcmp(k, "same")) {
			*hmap_put(figmap, low.s, low.len) = figmap;
			shape_add(TX_SH_FIG, low.s, low.len);
		}
		if (!strcmp(k, "pctverb") || !strcmp(k, "pctword")) {
			shape_add(TX_SH_PCT, low.s, low.len);
		}
		const char *sp = memchr(low.s, ' ', low.len);
		if (sp && sp > low.s && !strcmp(k, "pctword"))
			shape_add(TX_SH_PCT1, low.s, (size_t)(sp - low.s));
	}
	sbuf_free(&low);
	sent_rules = rules_load("rules-crime-sentence", NULL);
	cell_rules = rules_load("rules-crime-cells", NULL);
	r_years_ago = rules_need(cell_rules, "years_ago");
	r_prev_year = rules_need(cell_rules, "prev_year");
	r_signed = rules_need(cell_rules, "signed_cell");
}

cs_ruleset *
tx_rules(void)
{
	load();
	return sent_rules;
}

cs_ruleset *
tx_cell_rules(void)
{
	load();
	return cell_rules;
}

/* The words word_row last looked up, as printed, each with its row + 1,
 * in a slot by its length and first, second and last bytes: most words
 * a sentence's readers ask of are a few listed ones ("the", "of",
 * "offences"), asked again for each figure and each phrase; a hit costs
 * a compare, not the lower-case copy and the hash.  A word's row
 * depends on its bytes and the list only, so a slot is the answer until
 * the list is loaded again.  On the 5.3 MB bench text 30,400 of 32,500
 * look-ups are found here (hmap_get 3.6M to 0.2M instructions; 620.4M
 * to 618.1M in all). */
#define SEEN_SLOTS 512
#define SEEN_LEN 16
static struct {
	const cs_table *words; /* the list answered for */
	struct {
		unsigned char n; /* 0: empty */
		char w[SEEN_LEN];
		size_t row;
	} e[SEEN_SLOTS];
} seen;

/* The row + 1 of the word s[0..n) (tx_word), or 0. */
static size_t
word_row(const char *s, size_t n)
{
	char low[64];
	load();
	text_trim(&s, &n);
	if (n == 0 || n >= sizeof low)
		return 0;
	/* "reduction4": a footnote mark glued to the word */
	size_t k = n;
	while (k > 1 && s[k - 1] >= '0' && s[k - 1] <= '9')
		k--;
	if (!tx_shape_may(TX_SH_WORD, s, k))
		return 0;
	n = k;
	unsigned h = 0;
	if (n < SEEN_LEN) {
		if (seen.words != words) {
			memset(&seen, 0, sizeof seen);
			seen.words = words;
		}
		h = ((unsigned)n * 97u + (unsigned char)s[0] * 31u +
		     (unsigned char)s[n > 1] * 7u + (unsigned char)s[n - 1]) %
		    SEEN_SLOTS;
		if (seen.e[h].n == n && memcmp(seen.e[h].w, s, n) == 0)
			return seen.e[h].row;
	}
	for (size_t i = 0; i < n; i++)
		low[i] = lowc(s[i]);
	size_t row = (size_t)hmap_get(wordmap, low, n);
	if (n < SEEN_LEN) {
		seen.e[h].n = (unsigned char)n;
		memcpy(seen.e[h].w, s, n);
		seen.e[h].row = row;
	}
	return row;
}

bool
tx_word(const char *s, size_t n, const char **kind, const char **value)
{
	size_t row = word_row(s, n);
	if (row == 0)
		return false;
	if (kind)
		*kind = ref_get(words, row - 1, (size_t)wkind);
	if (value)
		*value = ref_get(words, row - 1, (size_t)wvalue);
	return true;
}

bool
tx_figure_word(const char *s, size_t n)
{
	char low[64];
	load();
	if (n == 0 || n >= sizeof low || !tx_shape_may(TX_SH_FIG, s, n))
		return false;
	for (size_t i = 0; i < n; i++)
		low[i] = lowc(s[i]);
	return hmap_get(figmap, low, n) != NULL;
}

unsigned
tx_word_kind(const char *s, size_t n)
{
	size_t row = word_row(s, n);
	return row ? kinds[row - 1] : 0;
}

int
tx_word_sign(const char *s, size_t n)
{
	const char *kind, *value;
	if (!tx_word(s, n, &kind, &value))
		return 0;
	return atoi(value);
}

void
tx_negate(cs_num *v)
{
	if (v->value == 0 || v->text[0] == '-')
		return;
	v->value = -v->value;
	memmove(v->text + 1, v->text, sizeof v->text - 1);
	v->text[0] = '-';
	v->text[sizeof v->text - 1] = '\0';
}

void
tx_words_free(void)
{
	rules_free(sent_rules);
	rules_free(cell_rules);
	hmap_free(wordmap, NULL);
	hmap_free(figmap, NULL);
	free(kinds);
	kinds = NULL;
	ref_free(words);
	sent_rules = cell_rules = NULL;
	wordmap = figmap = NULL;
	words = NULL;
}

/* ---- periods: lib/date finds them ---- */

int
tx_find_period(const char *s, size_t n, cs_period *p, size_t *so, size_t *eo)
{
	size_t bso, beo, so2, eo2;
	/* the words where a period may start, found once for the three
	 * questions below (lib/date: period_starts) */
	cs_pstarts ps = { 0 };
	period_starts(s, n, 0, &ps);
	bool found = period_find_in(s, n, &ps, 0, p, so, eo);
	cs_period q;
	/* "between January 2022 and year end June 2023": a month that opens
	 * a span whose end is a period of its own gives way to it */
	if (found && p->start.y == p->end.y && p->start.m == p->end.m &&
	    period_find_in(s, n, &ps, *eo, &q, &so2, &eo2) && so2 - *eo <= 14 &&
	    q.end.y * 12 + q.end.m > p->end.y * 12 + p->end.m &&
	    (q.start.y != q.end.y || q.start.m != q.end.m)) {
		*p = q;
		*so = so2;
		*eo = eo2;
	}
	bool back =
	    period_backwards_in(s, n, &ps, 0, found ? *so : n, &bso, &beo);
	period_starts_free(&ps);
	if (back) {
		*so = bso, *eo = beo;
		return TXP_BACKWARDS;
	}
	return found ? TXP_OK : TXP_NONE;
}

bool
tx_cell_period(const char *s, size_t n, cs_period *p)
{
	text_trim(&s, &n);
	if (n == 0)
		return false;
	if (period_parse(s, n, p))
		return true;
	return period_whole(s, n, p);
}

int
tx_find_month(const char *s, size_t n, cs_period *p, size_t *so, size_t *eo)
{
	size_t from = 0;
	while (period_find(s, n, from, p, so, eo)) {
		if (p->start.y == p->end.y && p->start.m == p->end.m)
			return TXP_OK;
		from = *eo;
	}
	return TXP_NONE;
}

int
tx_months_ago(const char *s, size_t n)
{
	cs_rmatch m;
	size_t so, eo;
	load();
	if (rules_exec(cell_rules, r_years_ago, s, n, 0, &m)) {
		rules_named(cell_rules, &m, "k", &so, &eo);
		long k = 1;
		static const char *const nw[] = { "a",     "one",  "two",
			                          "three", "four", "five" };
		if (!num_long(s + so, eo - so, &k))
			for (size_t w = 0; w < 6; w++)
				if (text_ieq(s + so, eo - so, nw[w]))
					k = w ? (long)w : 1;
		return k > 0 && k < 50 ? (int)k * 12 : 0;
	}
	return rules_exec(cell_rules, r_prev_year, s, n, 0, &m) ? 12 : 0;
}

const char *
tx_area_name(const char *s, size_t n)
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
	if (text_ieq(s, n, "England and Wales") ||
	    text_ieq(s, n, "England & Wales"))
		return "England and Wales";
	const cs_borough *b = borough_find(s, n);
	return b ? b->name : NULL;
}

bool
tx_cell_num(const char *s, size_t n, cs_num *v)
{
	cs_rmatch m;
	size_t so, eo;
	if (num_parse(s, n, v) == NUM_OK)
		return true;
	load();
	text_trim(&s, &n);
	if (!rules_exec(cell_rules, r_signed, s, n, 0, &m))
		return false;
	rules_named(cell_rules, &m, "v", &so, &eo);
	if (num_parse(s + so, eo - so, v) != NUM_OK)
		return false;
	rules_named(cell_rules, &m, "w", &so, &eo);
	if (tx_word_sign(s + so, eo - so) < 0)
		tx_negate(v);
	return true;
}
