/* test_rules.c - every recogniser table (lib/data/rules-*.tsv) against its
 * own examples: a "yes" must match its rule, a "no" must not.  Tables are
 * found, not listed, so a new table is tested as soon as it exists; each
 * is loaded with the vocabulary its reader gives it (rules-minutes-* take
 * minutes-words.tsv). */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "ref.h"
#include "rules.h"
#include "unit.h"

/* The vocabulary a table's reader loads it with: the longest prefix
 * "rules-<reader>-" naming a "<reader>-words" table. */
static cs_table *
vocab_for(const char *dir, const char *file)
{
	char path[4096];
	const char *reader = file + strlen("rules-");
	size_t k = strcspn(reader, "-.");
	FILE *f;

	snprintf(path, sizeof path, "%s/%.*s-words.tsv", dir, (int)k, reader);
	if ((f = fopen(path, "r")) == NULL)
		return NULL;
	fclose(f);
	return ref_load(path);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
main(void)
{
	const char *dir = getenv("CSPKIT_DATA") ? getenv("CSPKIT_DATA") : "lib/data";
	DIR *d = opendir(dir);
	struct dirent *e;
	char *names[256];
	size_t n = 0;

	CHECK(d != NULL);
	if (d == NULL)
		return unit_done();
	while ((e = readdir(d)) != NULL && n < 256) {
		size_t k = strlen(e->d_name);

		if (strncmp(e->d_name, "rules-", 6) == 0 && k > 4 &&
		    strcmp(e->d_name + k - 4, ".tsv") == 0)
			names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n; i++) {
		char path[4096];
		cs_table *vocab = vocab_for(dir, names[i]);
		cs_ruleset *rs;
		size_t nex = 0;
		int fails;

		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		rs = rules_load(path, vocab);
		fails = rules_selftest(rs, stdout, &nex);
		printf("# %s: %zu rules, %zu examples\n", names[i],
		       rules_count(rs), nex);
		/* every rule shows both what it takes and what it leaves */
		CHECK(nex >= 2 * rules_count(rs));
		unit_check(fails == 0, names[i], __FILE__, __LINE__);
		rules_free(rs);
		ref_free(vocab);
		free(names[i]);
	}
	return unit_done();
}
