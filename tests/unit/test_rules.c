/* test_rules.c - the recogniser-table mechanism (lib/rules.c), then every
 * rule table under lib/data: each "yes" example must match its rule and
 * each "no" example must not.  A new rules-*.tsv is picked up by name. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "ref.h"
#include "rules.h"
#include "unit.h"
#include "child.h"

static char dir[64];

static const char *
put(const char *name, const char *s)
{
	static char path[256];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	if (f == NULL || fputs(s, f) == EOF || fclose(f) != 0) {
		perror(path);
		exit(99);
	}
	return path;
}

static void
load(const char *path)
{
	rules_free(rules_load(path, NULL));
	exit(0);
}

static void
test_mechanism(void)
{
	char path[256];
	cs_ruleset *rs;
	cs_rmatch m;
	size_t so, eo, nex;
	const char *s;
	FILE *devnull;

	put("words.tsv", "word\tkind\nfell\tdown\nfell by\tdown\nrose\tup\n"
	                 "a.b\tdown\n");
	snprintf(path, sizeof path, "%s/words.tsv", dir);
	put("r.tsv", "# a comment\nkind\tname\tflags\ttext\n");
	{
		char body[1024];

		snprintf(body, sizeof body,
		         "kind\tname\tflags\ttext\n"
		         "vocab\t-\t\t%s\n"
		         "rule\tdown\ti\t(?<what>\\w+) {{down}} (?<n>\\d+)%%\n"
		         "yes\tdown\t\tBurglary fell by 12%%\n"
		         "yes\tdown\t\tRobbery FELL 3%%\n"
		         "no\tdown\t\tRobbery rose 3%%\n"
		         "no\tdown\t\tRobbery axb 3%%\n"
		         "rule\tup\t\t(\\w+) {{up}} (\\d+)%%\n"
		         "yes\tup\t\tcrime rose 5%%\n"
		         "no\tup\t\tcrime fell 5%%\n",
		         path);
		put("r.tsv", body);
	}
	snprintf(path, sizeof path, "%s/r.tsv", dir);
	rs = rules_load(path, NULL);
	CHECK(rules_count(rs) == 2);
	CHECK_STR(rules_name(rs, 1), "up");
	CHECK(rules_name(rs, 2) == NULL);
	CHECK(rules_find(rs, "down") == 0 && rules_find(rs, "nope") == -1);

	/* The longer word wins ("fell by", not "fell" then "by"). */
	s = "Burglary fell by 12% on last year";
	CHECK(rules_first(rs, s, strlen(s), &m) == 0 && m.rule == 0);
	CHECK(rules_named(rs, &m, "n", &so, &eo) && so == 17 && eo == 19);
	CHECK(rules_named(rs, &m, "what", &so, &eo) && so == 0 && eo == 8);
	CHECK(!rules_named(rs, &m, "nosuch", &so, &eo));
	CHECK(rules_group(&m, 0, &so, &eo) && so == 0 && eo == 20);
	/* Captures stay with the caller's match after another match. */
	{
		cs_rmatch m2;
		const char *t = "crime rose 5%";

		CHECK(rules_first(rs, t, strlen(t), &m2) == 1);
		CHECK(rules_group(&m2, 2, &so, &eo) && so == 11 && eo == 12);
		CHECK(rules_named(rs, &m, "n", &so, &eo) && so == 17);
	}
	CHECK(rules_first(rs, "no figure", 9, &m) == -1 && m.rule == -1);
	CHECK(!rules_group(&m, 0, &so, &eo));
	/* From an offset: the first figure is passed over. */
	s = "a fell 1% and b fell 2%";
	CHECK(rules_exec(rs, 0, s, strlen(s), 3, &m));
	CHECK(rules_named(rs, &m, "n", &so, &eo) && s[so] == '2');
	CHECK(rules_selftest(rs, stderr, &nex) == 0 && nex == 6);
	rules_free(rs);

	/* A failing example is reported with file:line and counted. */
	put("bad.tsv", "kind\tname\tflags\ttext\nrule\tx\t\t^x$\nyes\tx\t\ty\n"
	               "no\tx\t\tx\n");
	snprintf(path, sizeof path, "%s/bad.tsv", dir);
	rs = rules_load(path, NULL);
	devnull = fopen("/dev/null", "w");
	CHECK(rules_selftest(rs, devnull, &nex) == 2 && nex == 2);
	fclose(devnull);
	rules_free(rs);

	/* Defects in a table are fatal, naming file:line. */
	put("e1.tsv", "kind\tname\tflags\ttext\nyes\tx\t\ty\n");
	snprintf(path, sizeof path, "%s/e1.tsv", dir);
	CHECK(child_fails(load, path, "e1.tsv:2: example for rule 'x'"));
	put("e2.tsv", "kind\tname\tflags\ttext\nrule\tx\t\ta\nrule\tx\t\tb\n");
	snprintf(path, sizeof path, "%s/e2.tsv", dir);
	CHECK(child_fails(load, path, "e2.tsv:3: rule 'x' defined twice"));
	put("e3.tsv", "kind\tname\tflags\ttext\nmaybe\tx\t\ta\n");
	snprintf(path, sizeof path, "%s/e3.tsv", dir);
	CHECK(child_fails(load, path, "e3.tsv:2: kind 'maybe'"));
	put("e4.tsv", "kind\tname\tflags\ttext\nrule\tx\t\t{{up}}\n");
	snprintf(path, sizeof path, "%s/e4.tsv", dir);
	CHECK(child_fails(load, path, "{{up}} needs a vocabulary"));
	{
		char body[512];

		snprintf(body, sizeof body,
		         "kind\tname\tflags\ttext\n"
		         "vocab\t-\t\t%s/words.tsv\nrule\tx\t\t{{sideways}}\n",
		         dir);
		put("e5.tsv", body);
	}
	snprintf(path, sizeof path, "%s/e5.tsv", dir);
	CHECK(child_fails(load, path, "{{sideways}}: no word of that kind"));
	put("e6.tsv", "kind\tname\tflags\ttext\nrule\tx\t\t(unclosed\n");
	snprintf(path, sizeof path, "%s/e6.tsv", dir);
	CHECK(child_fails(load, path, "e6.tsv:2: bad pattern"));
	put("e7.tsv", "kind\tname\ttext\nrule\tx\ta\n");
	snprintf(path, sizeof path, "%s/e7.tsv", dir);
	CHECK(child_fails(load, path, "no column 'flags'"));
}

/* Every shipped table: compiled, and each example run. */
static void
test_tables(void)
{
	const char *data = getenv("CSPKIT_DATA");
	struct dirent *e;
	DIR *d;
	int tables = 0;

	if (data == NULL)
		data = "lib/data";
	d = opendir(data);
	CHECK(d != NULL);
	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name), nex = 0;
		char name[256];
		cs_ruleset *rs;
		int failed;

		if (strncmp(e->d_name, "rules-", 6) != 0 || n < 10 ||
		    strcmp(e->d_name + n - 4, ".tsv") != 0 || n >= sizeof name)
			continue;
		memcpy(name, e->d_name, n - 4);
		name[n - 4] = '\0';
		rs = rules_load(name, NULL);
		failed = rules_selftest(rs, stdout, &nex);
		printf("# %s: %zu rules, %zu examples\n", name, rules_count(rs),
		       nex);
		unit_check(failed == 0 && nex > 0, name, __FILE__, __LINE__);
		rules_free(rs);
		tables++;
	}
	closedir(d);
	printf("# %d rule tables\n", tables);
}

int
main(void)
{
	snprintf(dir, sizeof dir, "/tmp/test_rules.XXXXXX");
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 99;
	}
	cs_setprog("test_rules");
	test_mechanism();
	test_tables();
	{
		char cmd[128];

		snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
		if (system(cmd) != 0)
			return 99;
	}
	return unit_done();
}
