/* test_normalise-crime_words.c - normalise-crime's word helpers
 * (cmd/normalise-crime/text-words.c) held to what they stand for.
 *
 * tx_pct_in passes over most of a sentence three bytes at a time (a skip
 * table of the last words of the pctverbs and pctwords): it must say yes
 * exactly when strstr finds one of those words in the text, wherever it
 * stands, whatever comes around it.  The words are read from
 * crime-words.tsv as text-words.c reads them, so a word added there is
 * tested too. */
#include <stdlib.h>
#include <string.h>

#include "ref.h"
#include "tx.h"
#include "unit.h"

static char *last[64];
static size_t nlast;

/* The last words of the pctverb and pctword rows, lower case. */
static void
load_last(void)
{
	cs_table *w = ref_load("crime-words");
	int wc = ref_need(w, "word"), kc = ref_need(w, "kind");
	for (size_t i = 0; i < w->nrows && nlast < 64; i++) {
		const char *k = ref_get(w, i, (size_t)kc);
		if (strcmp(k, "pctverb") != 0 && strcmp(k, "pctword") != 0)
			continue;
		const char *s = ref_get(w, i, (size_t)wc),
		           *sp = strrchr(s, ' ');
		char *l = strdup(sp ? sp + 1 : s);
		for (char *p = l; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p + 32);
		last[nlast++] = l;
	}
	ref_free(w);
}

/* What tx_pct_in stands for. */
static bool
pct_ref(const char *lc)
{
	for (size_t i = 0; i < nlast; i++)
		if (strstr(lc, last[i]))
			return true;
	return false;
}

int
main(void)
{
	char buf[256];
	int bad = 0;

	load_last();
	CHECK(nlast > 0);
	CHECK(!tx_pct_in(""));
	CHECK(!tx_pct_in("burglary fell by 12% in the 12 months to march"));
	CHECK(tx_pct_in("robbery halved"));
	CHECK(tx_pct_in("fell by a third."));

	/* each word at every offset, after and before text that shares its
	 * bytes ("tthird", "thirdd"), and cut short by one byte */
	static const char *const around[] = { "",   "t",   "th",  "a ",
		                              "ha", "hal", "qua", "the " };
	for (size_t i = 0; i < nlast; i++) {
		size_t l = strlen(last[i]);
		for (size_t a = 0; a < sizeof around / sizeof around[0]; a++)
			for (size_t off = 0; off < 9; off++) {
				snprintf(buf, sizeof buf, "%.*s%s%s%s",
				         (int)off, "xxxxxxxxx", around[a],
				         last[i], around[(a + off) % 8]);
				bad += tx_pct_in(buf) != pct_ref(buf);
				snprintf(buf, sizeof buf, "%.*s%s%.*s",
				         (int)off, "xxxxxxxxx", around[a],
				         (int)(l - 1), last[i]);
				bad += tx_pct_in(buf) != pct_ref(buf);
			}
	}
	CHECK(bad == 0);

	/* texts of the words' own letters and a space, where windows of
	 * every pair of bytes are asked */
	char alpha[64];
	size_t na = 0;
	alpha[na++] = ' ';
	for (size_t i = 0; i < nlast; i++)
		for (const char *p = last[i]; *p && na < sizeof alpha - 1; p++)
			if (!memchr(alpha, *p, na))
				alpha[na++] = *p;
	srand(16);
	bad = 0;
	int yes = 0;
	for (int t = 0; t < 200000; t++) {
		size_t n = (size_t)(rand() % 40);
		for (size_t k = 0; k < n; k++)
			buf[k] = alpha[rand() % (int)na];
		buf[n] = '\0';
		bool want = pct_ref(buf);
		yes += want;
		bad += tx_pct_in(buf) != want;
	}
	CHECK(bad == 0);
	CHECK(yes > 0);

	for (size_t i = 0; i < nlast; i++)
		free(last[i]);
	tx_words_free();
	return unit_done();
}
