/* taxonomy.c - printed offence labels to canonical keys (SPEC section 2).
 *
 * The mapping is data: lib/data/taxonomy.tsv (or --taxonomy FILE), rows of
 * key, parent, pattern.  A label is cleaned (see clean_label), then the
 * first row whose pattern matches the whole cleaned label, caseless, wins.
 * Published data files repeat a few dozen labels millions of times, so
 * every answer is remembered. */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "hash.h"
#include "mem.h"
#include "nc.h"
#include "re.h"
#include "ref.h"
#include "text.h"

typedef struct {
	const char *key;
	cs_re *re;
} tax_rule;

static cs_table *table;
static int pattern_col;
static tax_rule *rules; /* .re NULL until needed: see closed() */
static size_t nrules;
static hmap *parents; /* key -> parent key */
static hmap *memo;    /* cleaned label -> key, or &unmapped */
static cs_re *any;    /* every pattern in one, or NULL (see tax_load) */
static char unmapped;
static const char *at_file; /* where the label being mapped was read */
static long at_line;
#define MEMO_MAX 100000 /* text mode may bring endless labels */

static void
tax_free(void)
{
	for (size_t i = 0; i < nrules; i++)
		re_free(rules[i].re);
	if (any)
		re_free(any);
	free(rules);
	hmap_free(parents, NULL);
	hmap_free(memo, NULL);
	ref_free(table);
}

/* Can pattern p share one regex with others (see tax_load)?  Not with a
 * verb "(*...)", a back reference "\\1" "\\g" "\\k", a call or reset
 * "(?1)" "(?&n)" "(?R)" "(?P" "(?|", a condition on a group "(?(1)" (and, to
 * be simple, "(?-i)"). */
static bool
self_contained(const char *p)
{
	for (; *p; p++) {
		if (p[0] == '\\' && p[1] && strchr("123456789gkK", p[1]))
			return false;
		if (p[0] == '\\' && p[1])
			p++; /* "\\(" is a bracket, not a group */
		else if (p[0] == '(' && p[1] == '*')
			return false;
		else if (p[0] == '(' && p[1] == '?' && p[2] &&
		         strchr("0123456789+-&RP|(", p[2]))
			return false;
	}
	return true;
}

/* Does PCRE2 read pattern p inside `any` as it reads it alone: every
 * group and class it opens closed within it, and nothing that could
 * reach past its end (a cut escape, an escape with an argument, \Q, an
 * option setting, a name, a verb)?  Then, `any` having compiled, p
 * compiles alone too, and its own regex can wait until tax_map needs it
 * (only when `any` gives up): compiling the 150 rows at load was 13.1M
 * of the 25.1M instructions tax_load took (the text mode on 1 MB of
 * report text, 622.1M to 610.3M).  Conservative: false only means the
 * row is compiled at load, as every row was. */
static bool
closed(const char *p)
{
	int depth = 0;

	for (; *p; p++) {
		if (*p == '\\') {
			/* punctuation, or a class or assertion of one letter */
			bool alnum =
			    ((p[1] | 32) >= 'a' && (p[1] | 32) <= 'z') ||
			    (p[1] >= '0' && p[1] <= '9');
			if (p[1] == '\0' ||
			    (alnum && !strchr("dDsSwWbBhHvVntrfeaAzZG", p[1])))
				return false;
			p++;
		} else if (*p == '[') {
			/* a class, to its ']' ("[]a]" and "[^]a]" hold one) */
			p++;
			if (*p == '^')
				p++;
			if (*p == ']')
				p++;
			for (; *p != ']'; p++) {
				if (*p == '\0' || *p == '[' ||
				    (*p == '\\' && (p[1] == '\0' ||
				                    !strchr(".-^]\\/ ", p[1]))))
					return false;
				if (*p == '\\')
					p++;
			}
		} else if (*p == '(') {
			if (p[1] == '*' ||
			    (p[1] == '?' && p[2] != ':' && p[2] != '=' &&
			     p[2] != '!' &&
			     !(p[2] == '<' && (p[3] == '=' || p[3] == '!'))))
				return false;
			depth++;
		} else if (*p == ')' && --depth < 0) {
			return false;
		}
	}
	return depth == 0;
}

/* Row i's own regex, compiled when first needed. */
static cs_re *
row_re(size_t i)
{
	if (rules[i].re == NULL) {
		sbuf pat = SBUF_INIT, what = SBUF_INIT;

		sbuf_printf(&pat, "^(?:%s)$",
		            ref_get(table, i, (size_t)pattern_col));
		sbuf_printf(&what, "%s:%ld", table->path, table->lineno[i]);
		rules[i].re = re_compile(sbuf_str(&pat), "i", sbuf_str(&what));
		sbuf_free(&pat);
		sbuf_free(&what);
	}
	return rules[i].re;
}

void
tax_load(const char *path)
{
	sbuf name = SBUF_INIT, pat = SBUF_INIT;
	int kc, pc, rc;

	/* ref_load treats a name without '/' as a table name: a file given
	 * on the command line is always a path. */
	if (path != NULL && strchr(path, '/') == NULL)
		sbuf_adds(&name, "./");
	sbuf_adds(&name, path ? path : "taxonomy");
	table = ref_load(sbuf_str(&name));
	kc = ref_need(table, "key");
	pc = ref_need(table, "parent");
	rc = ref_need(table, "pattern");
	rules = xcalloc(table->nrows ? table->nrows : 1, sizeof *rules);
	parents = hmap_new();
	memo = hmap_new();
	pattern_col = rc;
	for (size_t i = 0; i < table->nrows; i++) {
		const char *key = ref_get(table, i, (size_t)kc);
		void **slot;

		rules[nrules].key = key;
		rules[nrules].re = NULL; /* below */
		nrules++;
		slot = hmap_put(parents, key, strlen(key));
		if (*slot == NULL)
			*slot = (void *)ref_get(table, i, (size_t)pc);
	}
	/* The patterns as one alternation, each marked with its row:
	 * "^(?:(?:robbery)(*:3)|(?:burglary)(*:4)|...)$".  It matches where
	 * the first row that matches the whole label does (an alternative
	 * is tried only when every way through the ones before it failed),
	 * and the mark names that row.  A label no row maps ("the number of
	 * young people", most phrases a sentence offers) then costs one
	 * match, not 150: tax_map on the misses of 1 MB of report pages,
	 * 1,284M to 1,183M instructions in all.  Not when a pattern could see the
	 * others: a verb ("(*COMMIT)"), a back reference or subroutine call
	 * ("\\1", "(?1)") numbers groups or stops backtracking across the
	 * alternatives. */
	bool alone = true;
	sbuf_clear(&pat);
	sbuf_adds(&pat, "^(?:");
	for (size_t i = 0; i < nrules; i++) {
		const char *p = ref_get(table, i, (size_t)rc);
		alone = alone && self_contained(p);
		sbuf_printf(&pat, "%s(?:%s)(*:%zu)", i ? "|" : "", p, i);
	}
	sbuf_adds(&pat, ")$");
	if (alone && nrules > 0)
		any = re_try_compile(sbuf_str(&pat), "i");
	/* each row alone, in order, as a bad one is reported (exit 1 naming
	 * its line): all of them when there is no `any` */
	for (size_t i = 0; i < nrules; i++)
		if (any == NULL ||
		    !closed(ref_get(table, i, (size_t)pattern_col)))
			row_re(i);
	sbuf_free(&name);
	sbuf_free(&pat);
	atexit(tax_free);
}

/* The label as the patterns see it: spaces trimmed and collapsed (tabs and
 * Unicode spaces too), curly quotes and dashes made ASCII, and footnote
 * marks dropped from the end (after invalid UTF-8 is replaced): '*', '^', '†', superscript digits, and one
 * or two digits glued to a lower-case letter ("Burglary1").  Digits glued
 * to capitals are kept: "MOPAC7", "SO18" are names. */
static void
clean_label(const char *s, size_t n, sbuf *out)
{
	size_t k;

	sbuf_clear(out);
	utf8_fix(s, n, out); /* PCRE2 is told its subjects are valid UTF-8 */
	if (out->len == 0)
		return;
	out->len = text_clean(out->s, out->len);
	k = 0;
	for (size_t i = 0; i < out->len; i++) {
		char c = out->s[i] == '\t' ? ' ' : out->s[i];

		if (c == ' ' && (k == 0 || out->s[k - 1] == ' '))
			continue;
		out->s[k++] = c;
	}
	for (;;) {
		while (k > 0 && (out->s[k - 1] == ' ' || out->s[k - 1] == '*' ||
		                 out->s[k - 1] == '^'))
			k--;
		if (k >= 3 && memcmp(out->s + k - 3, "\xE2\x80\xA0", 3) == 0) {
			k -= 3; /* dagger */
			continue;
		}
		if (k >= 2 && (memcmp(out->s + k - 2, "\xC2\xB9", 2) == 0 ||
		               memcmp(out->s + k - 2, "\xC2\xB2", 2) == 0 ||
		               memcmp(out->s + k - 2, "\xC2\xB3", 2) == 0)) {
			k -= 2; /* superscript 1, 2, 3 */
			continue;
		}
		if (k >= 3 && memcmp(out->s + k - 3, "\xE2\x81", 2) == 0 &&
		    (unsigned char)out->s[k - 1] >= 0xB0 &&
		    (unsigned char)out->s[k - 1] <= 0xB9) {
			k -= 3; /* superscript 0, 4-9 */
			continue;
		}
		break;
	}
	for (size_t d = 1; d <= 2 && d < k; d++) {
		char c = out->s[k - d - 1];

		if (!(out->s[k - d] >= '0' && out->s[k - d] <= '9'))
			break;
		if (c >= 'a' && c <= 'z') {
			k -= d;
			break;
		}
	}
	out->len = k;
	out->s[k] = '\0';
}

void
tax_at(const char *file, long line)
{
	at_file = file;
	at_line = line;
}

const char *
tax_map(const char *label, size_t n)
{
	static sbuf clean;
	void *hit;
	const char *key = NULL;

	/* The label as given first: data files repeat theirs exactly, and
	 * cleaning costs more than the lookup. */
	hit = hmap_get(memo, label, n);
	if (hit != NULL)
		return hit == &unmapped ? NULL : hit;
	clean_label(label, n, &clean);
	if (clean.len == 0)
		return NULL;
	/* a label already clean (most that the text mode offers): one
	 * look-up and one entry, not two of each, 688.2M to 685.3M
	 * instructions per MB of report text */
	bool same = clean.len == n && memcmp(clean.s, label, n) == 0;
	hit = same ? NULL : hmap_get(memo, clean.s, clean.len);
	if (hit != NULL) {
		if (hmap_count(memo) < MEMO_MAX)
			*hmap_put(memo, label, n) = hit;
		return hit == &unmapped ? NULL : hit;
	}
	if (any != NULL) {
		re_caps caps;
		int r = re_match(any, clean.s, clean.len, 0, &caps);
		const char *mk = r == RE_MATCH ? caps.mark : NULL;
		char *end;
		unsigned long i = mk ? strtoul(mk, &end, 10) : 0;
		if (r == RE_NOMATCH)
			goto found;
		if (mk && *mk && !*end && i < nrules) {
			key = rules[i].key;
			goto found;
		}
		/* a limit: the rows one by one say which gave up */
	}
	for (size_t i = 0; i < nrules && key == NULL; i++) {
		int r = re_match(row_re(i), clean.s, clean.len, 0, NULL);

		if (r == RE_MATCH)
			key = rules[i].key;
		else if (r == RE_LIMIT)
			cs_warn_at(at_file, at_line,
			           "taxonomy pattern %zu gave up on \"%s\"",
			           i + 1, clean.s);
	}
found:
	if (hmap_count(memo) < MEMO_MAX) {
		*hmap_put(memo, clean.s, clean.len) =
		    key ? (void *)key : &unmapped;
		if (!same)
			*hmap_put(memo, label, n) =
			    key ? (void *)key : &unmapped;
	}
	return key;
}

const char *
tax_parent(const char *key)
{
	const char *p = key ? hmap_get(parents, key, strlen(key)) : NULL;

	return p ? p : "";
}
