/* polarity.c - which way is better: rules from lib/data/polarity.tsv (or
 * --polarity FILE) and from the command line. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "err.h"
#include "mem.h"
#include "rag.h"
#include "ref.h"

enum kind { K_CLI, K_MEASURE, K_LABEL, K_OFFENCE };

struct rule {
	enum kind kind;
	char *key;
	enum pol pol;
};

static struct rule *rules;
static size_t nrules, caprules;

static void
add(enum kind k, const char *key, enum pol p)
{
	rules = xgrow(rules, &caprules, nrules + 1, sizeof *rules);
	rules[nrules++] = (struct rule){ k, xstrdup(key), p };
}

void
pol_add(const char *key, enum pol p)
{
	add(K_CLI, key, p);
}

void
pol_load(const char *name)
{
	cs_table *t = ref_load(name);
	int ck = ref_need(t, "kind"), cy = ref_need(t, "key"),
	    cp = ref_need(t, "polarity");

	for (size_t i = 0; i < t->nrows; i++) {
		const char *kind = ref_get(t, i, (size_t)ck);
		const char *pol = ref_get(t, i, (size_t)cp);
		enum kind k;
		enum pol p;

		if (strcmp(kind, "measure") == 0)
			k = K_MEASURE;
		else if (strcmp(kind, "label") == 0)
			k = K_LABEL;
		else if (strcmp(kind, "offence") == 0)
			k = K_OFFENCE;
		else
			cs_die_at(CS_EXIT_DATA, t->path, t->lineno[i],
			          "kind '%s' is not measure, label or offence",
			          kind);
		if (strcmp(pol, "lower") == 0)
			p = POL_LOWER;
		else if (strcmp(pol, "higher") == 0)
			p = POL_HIGHER;
		else
			cs_die_at(CS_EXIT_DATA, t->path, t->lineno[i],
			          "polarity '%s' is not lower or higher", pol);
		add(k, ref_get(t, i, (size_t)cy), p);
	}
	ref_free(t);
}

/* The phrase occurs in s, any case, not inside a longer word. */
static bool
has_phrase(const char *s, const char *phrase)
{
	size_t n = strlen(phrase), len = strlen(s);

	if (n == 0)
		return false;
	for (size_t i = 0; i + n <= len; i++) {
		if (strncasecmp(s + i, phrase, n) != 0)
			continue;
		if (i > 0 && isalnum((unsigned char)s[i - 1]))
			continue;
		if (i + n < len && isalnum((unsigned char)s[i + n]))
			continue;
		return true;
	}
	return false;
}

static enum pol
find(enum kind k, const char *offence, const char *measure, const char *label)
{
	for (size_t i = 0; i < nrules; i++) {
		const struct rule *r = &rules[i];

		if (r->kind != k)
			continue;
		if ((k == K_MEASURE && strcmp(r->key, measure) == 0) ||
		    (k == K_LABEL && has_phrase(label, r->key)) ||
		    (k == K_OFFENCE && strcmp(r->key, offence) == 0))
			return r->pol;
	}
	return POL_UNKNOWN;
}

enum pol
pol_find(const char *offence, const char *measure, const char *label)
{
	/* The last command-line rule for a key wins, as with most tools'
	 * repeated options: search those from the end. */
	for (size_t i = nrules; i-- > 0;)
		if (rules[i].kind == K_CLI &&
		    (strcmp(rules[i].key, offence) == 0 ||
		     strcmp(rules[i].key, measure) == 0))
			return rules[i].pol;
	for (enum kind k = K_MEASURE; k <= K_OFFENCE; k++) {
		enum pol p = find(k, offence, measure, label);

		if (p != POL_UNKNOWN)
			return p;
	}
	return POL_UNKNOWN;
}

const char *
pol_words(enum pol p)
{
	return p == POL_LOWER    ? "lower is better"
	       : p == POL_HIGHER ? "higher is better"
	                         : "polarity unknown";
}

void
pol_free(void)
{
	for (size_t i = 0; i < nrules; i++)
		free(rules[i].key);
	free(rules);
	rules = NULL;
	nrules = caprules = 0;
}
