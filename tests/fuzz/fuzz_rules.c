/* fuzz_rules.c - rules.h: every shipped recogniser table (lib/data/
 * rules-*.tsv, loaded once) matched against the input, and a rule table
 * read from the input.
 *
 * Text: each line of the input, made valid UTF-8 and cleaned as the
 * readers do (utf8_fix, text_clean: re.h matches valid UTF-8 only), is
 * matched by every rule of every table, from its start and from a later
 * character.  A match's groups lie inside the line, group 0 at or after
 * the start; rules_first returns the first rule, in table order, that
 * matches, and no earlier one matches (unless it hit the match limit);
 * rules_named agrees with rules_group.
 *
 * Table: an input whose header is "kind<TAB>..." is also a rule file:
 * loaded (a defect is an exit naming it), its rules found by their names,
 * its examples run, its rules matched against the input.  A "vocab" row
 * naming a path (with '/') is skipped, so that no input reads a device. */
#define _GNU_SOURCE
#define FZ_WRAP_LINES
#include <dirent.h>

#include "fuzz.h"
#include "mem.h"
#include "rules.h"
#include "text.h"

#define NSETS 32
/* Lines matched: of the shipped tables, and of one read from the input
 * (whose patterns may be slow, if bounded, by design). */
#define MAXLINES 16
#define MAXLINES_OWN 8

static cs_ruleset *sets[NSETS];
static size_t nsets;
static FILE *devnull;

/* Names of groups the readers ask for (rules_named). */
static const char *const groups[] = { "who", "verb", "rest", "title",
	                              "num", "lab",  "dir",  "v" };

static void
load_shipped(void)
{
	const char *data = getenv("CSPKIT_DATA");
	struct dirent *e;
	DIR *d;
	int fd = open("/dev/null", O_RDONLY);

	/* A rule file read from the input must not wait on stdin. */
	if (fd < 0 || dup2(fd, STDIN_FILENO) < 0) {
		perror("/dev/null");
		abort();
	}
	close(fd);
	devnull = fopen("/dev/null", "w");
	d = opendir(data ? data : "lib/data");
	FZ_CHECK(d != NULL && devnull != NULL);
	while ((e = readdir(d)) != NULL && nsets < NSETS) {
		size_t n = strlen(e->d_name);
		char name[256];

		if (strncmp(e->d_name, "rules-", 6) != 0 || n < 10 ||
		    strcmp(e->d_name + n - 4, ".tsv") != 0 || n >= sizeof name)
			continue;
		memcpy(name, e->d_name, n - 4);
		name[n - 4] = '\0';
		sets[nsets++] = rules_load(name, NULL);
	}
	closedir(d);
	FZ_CHECK(nsets > 0);
}

FZ_TABLE_INIT(load_shipped())

/* The spans of a match lie in s[start..n). */
static void
check_match(const cs_ruleset *rs, const cs_rmatch *m, size_t n, size_t start)
{
	size_t so, eo, nso, neo;

	FZ_CHECK(m->rule >= 0 && (size_t)m->rule < rules_count(rs));
	FZ_CHECK(rules_group(m, 0, &so, &eo));
	FZ_CHECK(so >= start);
	for (int i = 0; i < m->cap.ncap; i++) {
		if (!rules_group(m, i, &so, &eo))
			continue;
		FZ_CHECK(so <= eo && eo <= n);
	}
	FZ_CHECK(!rules_group(m, m->cap.ncap, &so, &eo));
	FZ_CHECK(!rules_group(m, -1, &so, &eo));
	for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++)
		if (rules_named(rs, m, groups[g], &nso, &neo))
			FZ_CHECK(nso <= neo && neo <= n);
}

static void
match_line(cs_ruleset *rs, const char *s, size_t n)
{
	size_t later = 0;
	cs_rmatch m;
	int first;

	/* A later start: after the first character (a boundary). */
	if (n > 0)
		later = utf8_len(s, n, NULL);
	for (size_t r = 0; r < rules_count(rs); r++) {
		if (rules_exec(rs, (int)r, s, n, 0, &m))
			check_match(rs, &m, n, 0);
		else
			FZ_CHECK(m.rule == -1);
		if (later > 0 && rules_exec(rs, (int)r, s, n, later, &m))
			check_match(rs, &m, n, later);
	}
	first = rules_first(rs, s, n, &m);
	FZ_CHECK(first == m.rule);
	if (first >= 0) {
		check_match(rs, &m, n, 0);
		for (int r = 0; r < first; r++) {
			cs_rmatch e;

			FZ_CHECK(!rules_exec(rs, r, s, n, 0, &e) || e.limit);
		}
	}
}

/* Each line of the input, as the readers see it, through the sets. */
static void
match_text(cs_ruleset **rs, size_t nrs, int maxlines, const uint8_t *data,
           size_t size)
{
	static sbuf fixed;
	const char *m;
	size_t pos = 0, mn, rawn;
	int k = 0;

	while (k++ < maxlines &&
	       fz_model_line((const char *)data, size, &pos, &m, &mn, &rawn)) {
		sbuf_clear(&fixed);
		utf8_fix(m, mn, &fixed);
		if (fixed.s == NULL)
			sbuf_add(&fixed, "", 0);
		fixed.len = text_clean(fixed.s, fixed.len);
		fixed.s[fixed.len] = '\0';
		FZ_CHECK(utf8_valid(fixed.s, fixed.len));
		for (size_t i = 0; i < nrs; i++)
			match_line(rs[i], fixed.s, fixed.len);
	}
}

/* True when the input is a rule file: its header (the first line that
 * is not blank or a '#' comment) starts with "kind", and no "vocab" row
 * names a path. */
static bool
rule_file(const char *s, size_t n)
{
	const char *m;
	size_t pos = 0, mn, rawn;
	bool header = false;

	while (fz_model_line(s, n, &pos, &m, &mn, &rawn)) {
		if (!header && (mn == 0 || m[0] == '#'))
			continue;
		if (!header && (mn < 5 || memcmp(m, "kind\t", 5) != 0))
			return false;
		header = true;
		if (mn >= 6 && memcmp(m, "vocab\t", 6) == 0 &&
		    memchr(m, '/', mn) != NULL)
			return false;
	}
	return header;
}

static void
one(const uint8_t *data, size_t size)
{
	cs_ruleset *rs;
	size_t nex;

	if (!rule_file((const char *)data, size))
		return;
	rs = rules_load(fz_file(data, size), NULL);
	for (size_t r = 0; r < rules_count(rs); r++) {
		const char *name = rules_name(rs, (int)r);

		FZ_CHECK(name != NULL);
		FZ_CHECK(rules_find(rs, name) == (int)r);
	}
	FZ_CHECK(rules_name(rs, (int)rules_count(rs)) == NULL);
	(void)rules_selftest(rs, devnull, &nex);
	match_text(&rs, 1, MAXLINES_OWN, data, size);
	rules_free(rs);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	match_text(sets, nsets, MAXLINES, data, size);
	fz_run(one, data, size);
	return 0;
}
