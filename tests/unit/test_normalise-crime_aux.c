/* test_normalise-crime_aux.c - the shape of rule aux_tail that
 * text-sent.c's aux_start and aux_step rely on.
 *
 * aux_start walks the auxiliary words before an offence phrase's verb
 * ("Burglary has also ") from the right, a word a step, and aux_step
 * answers each step from the step's own bytes (" has", ", also"),
 * remembered.  That holds while the pattern is ([ ,(:]+ word)*[ ,(:]*$
 * with every word ASCII letters: then a match from the step's start goes
 * through the end of its word, and the step's bytes match alone exactly
 * when the rest matches with them.  This test reads the row and holds
 * its shape: the two ends as written, and between them nothing but
 * letters, alternation, non-capturing groups, '?' and classes of letters.
 * It also asks the rule of phrases both ways, step by step. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "rules.h"
#include "unit.h"

#define HEAD "(?:[ ,(:]+(?:"
#define TAIL "))*[ ,(:]*$"

/* The pattern of rule name in the rules file at path, or NULL. */
static char *
pattern_of(const char *path, const char *name)
{
	FILE *f = fopen(path, "r");
	char line[4096], want[64];
	char *p = NULL;

	if (f == NULL)
		return NULL;
	snprintf(want, sizeof want, "rule\t%s\t", name);
	while (fgets(line, sizeof line, f) != NULL) {
		if (strncmp(line, want, strlen(want)) != 0)
			continue;
		char *pat = strchr(line + strlen(want), '\t');
		if (pat == NULL)
			break;
		pat++;
		pat[strcspn(pat, "\r\n")] = '\0';
		p = xstrdup(pat);
		break;
	}
	fclose(f);
	return p;
}

/* Is the middle of the pattern, p[0..n), words of ASCII letters only? */
static bool
letters_only(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		if ((c | 32) >= 'a' && (c | 32) <= 'z')
			continue;
		if (c == '|' || c == ')' || c == '[' || c == ']')
			continue;
		if (c == '?' && i > 0 && p[i - 1] != '(')
			continue; /* a quantifier */
		if (c == '(' && i + 2 < n && p[i + 1] == '?' &&
		    p[i + 2] == ':') {
			i += 2;
			continue;
		}
		printf("#   byte %zu of the words, '%c', is not a letter's\n",
		       i, c);
		return false;
	}
	return true;
}

/* Does rule r match s[k..n) from k, the whole of it? */
static bool
whole(cs_ruleset *rs, int r, const char *s, size_t k, size_t n)
{
	cs_rmatch m;
	size_t so, eo;
	return rules_exec(rs, r, s, n, k, &m) && rules_group(&m, 0, &so, &eo) &&
	       so == k;
}

int
main(void)
{
	const char *dir = getenv("CSPKIT_DATA");
	char path[512];

	if (dir == NULL)
		setenv("CSPKIT_DATA", dir = "lib/data", 0);
	snprintf(path, sizeof path, "%s/rules-crime-sentence.tsv", dir);
	char *p = pattern_of(path, "aux_tail");
	CHECK(p != NULL);
	if (p == NULL)
		return unit_done();
	size_t n = strlen(p), h = strlen(HEAD), t = strlen(TAIL);
	CHECK(n > h + t && strncmp(p, HEAD, h) == 0);
	CHECK(n > h + t && strcmp(p + n - t, TAIL) == 0);
	CHECK(n > h + t && letters_only(p + h, n - h - t));
	free(p);

	/* each step of the walk, asked of the whole tail and of the step's
	 * bytes alone, answers alike */
	static const char *const phrase[] = {
		"Burglary has also ",       "Theft from the person went ",
		"Robbery (which has been ", "Knife crime, has continued to ",
		"Vehicle crime ",           "Violence has, as before, ",
		"Arson: has been ",         "Burglary hasten ",
	};
	cs_ruleset *rs = rules_load("rules-crime-sentence", NULL);
	int r = rules_need(rs, "aux_tail"), steps = 0, bad = 0;
	for (size_t q = 0; q < sizeof phrase / sizeof phrase[0]; q++) {
		const char *s = phrase[q];
		size_t b = strlen(s), i = b;
		for (;;) {
			size_t j = i, k;
			while (j > 0 && ((s[j - 1] | 32) >= 'a' &&
			                 (s[j - 1] | 32) <= 'z'))
				j--;
			for (k = j; k > 0 && strchr(" ,(:", s[k - 1]); k--)
				;
			if (k == j)
				break;
			bool all = whole(rs, r, s, k, b);
			bool step = whole(rs, r, s + k, 0, i - k);
			steps++;
			if (all != step) {
				printf("#   \"%s\" from %zu: %d, its step %d\n",
				       s, k, all, step);
				bad++;
			}
			if (!all)
				break;
			i = k;
		}
	}
	CHECK(bad == 0);
	CHECK(steps >= 16);
	rules_free(rs);
	return unit_done();
}
