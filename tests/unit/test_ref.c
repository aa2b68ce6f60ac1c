/* test_ref.c - reference table loading, lookup by name, and the fatal
 * errors for missing, directory, empty, ragged and malformed files. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "err.h"
#include "ref.h"
#include "unit.h"
#include "child.h"

static char dir[64];
static char path[256];

/* Write s to dir/name and return the path. */
static const char *
put(const char *name, const char *s, size_t n)
{
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (f == NULL || fwrite(s, 1, n, f) != n || fclose(f) != 0) {
		perror(path);
		exit(99);
	}
	return path;
}
#define PUT(name, lit) put(name, lit, sizeof lit - 1)

static void
load(const char *name)
{
	ref_free(ref_load(name));
	exit(0);
}

static void
need_missing(const char *name)
{
	cs_table *t = ref_load(name);

	ref_need(t, "nope");
	ref_free(t);
	exit(0);
}

static int
fails_with(const char *name, const char *want)
{
	return child_fails(load, name, want);
}

static void
test_good(void)
{
	cs_table *t;
	char want[300];

	/* BOM, CRLF, comments before and after the header, blank lines, an
	 * empty last cell, UTF-8 content. */
	PUT("good.tsv", "\xEF\xBB\xBF# what it is\r\n"
	                "# where from\r\n"
	                "\r\n"
	                "code\tname\tnote\r\n"
	                "E09000003\tBarnet\t\r\n"
	                "# a comment between rows\r\n"
	                "   \r\n"
	                "E09000001\tCity of London\tcaf\xC3\xA9\r\n");
	t = ref_load("good");
	snprintf(want, sizeof want, "%s/good.tsv", dir);
	CHECK_STR(t->path, want);
	CHECK(t->ncols == 3);
	CHECK(t->nrows == 2);
	CHECK_STR(t->colnames[0], "code");
	CHECK_STR(t->colnames[2], "note");
	CHECK(ref_col(t, "name") == 1);
	CHECK(ref_col(t, "Name") == -1);
	CHECK(ref_col(t, "") == -1);
	CHECK(ref_need(t, "note") == 2);
	CHECK_STR(ref_get(t, 0, 1), "Barnet");
	CHECK_STR(ref_get(t, 0, 2), "");
	CHECK_STR(ref_get(t, 1, 1), "City of London");
	CHECK_STR(ref_get(t, 1, 2), "caf\xC3\xA9");
	CHECK(ref_get(t, 2, 0) == NULL);
	CHECK(ref_get(t, 0, 3) == NULL);
	CHECK(t->lineno[0] == 5);
	CHECK(t->lineno[1] == 8);
	ref_free(t);

	/* ".tsv" may be given; a name with '/' is a path. */
	t = ref_load("good.tsv");
	CHECK(t->nrows == 2);
	ref_free(t);
	t = ref_load(want);
	CHECK_STR(t->path, want);
	CHECK(t->nrows == 2);
	ref_free(t);

	/* A header with no rows is a valid, empty table; no final LF. */
	PUT("header_only.tsv", "a\tb");
	t = ref_load("header_only");
	CHECK(t->nrows == 0 && t->ncols == 2);
	CHECK(ref_get(t, 0, 0) == NULL);
	ref_free(t);

	/* Many rows: the row arrays grow. */
	{
		char big[20000];
		size_t n = 0;
		int i;

		n += (size_t)snprintf(big, sizeof big, "k\tv\n");
		for (i = 0; i < 1000; i++)
			n += (size_t)snprintf(big + n, sizeof big - n,
			                      "k%d\t%d\n", i, i * 2);
		put("big.tsv", big, n);
		t = ref_load("big");
		CHECK(t->nrows == 1000);
		CHECK_STR(ref_get(t, 999, 0), "k999");
		CHECK_STR(ref_get(t, 999, 1), "1998");
		CHECK(t->lineno[999] == 1001);
		ref_free(t);
	}

	/* The rows' text fills more than one block, and a line longer than
	 * a block (ref.c REF_BLOCK, 16K) between short ones has a block of
	 * its own: every cell still reads back whole. */
	{
		static char big[120000];
		size_t n = 0;
		int i, j, bad = 0;

		n += (size_t)snprintf(big, sizeof big, "k\tv\n");
		for (i = 0; i < 4000; i++) {
			n += (size_t)snprintf(big + n, sizeof big - n, "k%d\t",
			                      i);
			if (i == 1500 || i == 3000)
				for (j = 0; j < 30000; j++)
					big[n++] = (char)('a' + j % 26);
			n += (size_t)snprintf(big + n, sizeof big - n, "%d\n",
			                      i * 2);
		}
		put("blocks.tsv", big, n);
		t = ref_load("blocks");
		CHECK(t->nrows == 4000);
		for (i = 0; i < 4000 && t->nrows == 4000; i++) {
			char k[16], v[16];
			const char *cell = ref_get(t, (size_t)i, 1);
			size_t len = strlen(cell), vn;

			snprintf(k, sizeof k, "k%d", i);
			vn = (size_t)snprintf(v, sizeof v, "%d", i * 2);
			if (i == 1500 || i == 3000)
				bad += len != 30000 + vn || cell[0] != 'a' ||
				       cell[29999] != 'a' + 29999 % 26 ||
				       strcmp(cell + 30000, v) != 0;
			else
				bad += strcmp(cell, v) != 0;
			bad += strcmp(ref_get(t, (size_t)i, 0), k) != 0;
		}
		CHECK(bad == 0);
		ref_free(t);
	}
	ref_free(NULL);

	CHECK_STR(ref_datadir(), dir);
}

static void
test_errors(void)
{
	char want[300];

	/* Missing: by name (the search path is listed) and by path. */
	snprintf(
	    want, sizeof want,
	    "test_ref: nosuch.tsv: reference table not found (looked in %s,",
	    dir);
	CHECK(fails_with("nosuch", want));
	snprintf(want, sizeof want, "test_ref: %s/nosuch.tsv: No such file",
	         dir);
	snprintf(path, sizeof path, "%s/nosuch.tsv", dir);
	CHECK(fails_with(path, want));
	CHECK(fails_with("", "empty reference table name"));

	/* A directory, by name and by path. */
	snprintf(path, sizeof path, "%s/adir.tsv", dir);
	mkdir(path, 0755);
	CHECK(fails_with("adir", "adir.tsv: Is a directory"));
	CHECK(fails_with(dir, ": Is a directory"));

	/* Empty: zero bytes, and only comments and blank lines. */
	PUT("empty.tsv", "");
	CHECK(fails_with("empty",
	                 "empty.tsv: empty reference table (no header line)"));
	PUT("comments.tsv", "# just a comment\n\n  \n\t\n");
	CHECK(fails_with("comments", "comments.tsv: empty reference table"));

	/* Ragged rows, too few and too many fields, with file:line. */
	PUT("short.tsv", "# c\na\tb\tc\n1\t2\t3\n1\t2\n");
	CHECK(fails_with("short", "short.tsv:4: 2 fields, the header has 3"));
	PUT("long.tsv", "a\tb\n1\t2\t\n");
	CHECK(fails_with("long", "long.tsv:2: 3 fields, the header has 2"));

	/* Malformed: invalid UTF-8, a NUL byte, header defects. */
	PUT("latin1.tsv", "a\tb\nx\tcaf\xE9\n");
	CHECK(fails_with("latin1", "latin1.tsv:2: invalid UTF-8"));
	PUT("nul.tsv", "a\tb\nx\ty\0z\n");
	CHECK(fails_with("nul", "nul.tsv:2: invalid UTF-8"));
	PUT("dup.tsv", "a\tb\ta\n");
	CHECK(fails_with("dup", "dup.tsv:1: duplicate column 'a'"));
	PUT("noname.tsv", "a\t\tc\n");
	CHECK(
	    fails_with("noname", "noname.tsv:1: empty column name (column 2)"));

	/* ref_need names file and column. */
	CHECK(child_run(need_missing, "good") == 1);
	CHECK(strstr(child_err, "good.tsv: no column 'nope'") != NULL);
}

/* A child that reads the count cell of row 0, column 1. */
static void
count_of(const char *name)
{
	cs_table *t = ref_load(name);

	ref_count(t, 0, 1);
	exit(0);
}

/* The shapes of a table of places: counts, lists, a column picked. */
static void
test_places(void)
{
	static const char *const est[] = { "mid2020", "mid2022" };
	cs_table *t;
	const char *list, *item;
	size_t n;

	PUT("p.tsv", "name\tmid2020\taliases\n"
	             "Newport\t159600\tCasnewydd;City of Newport\n"
	             "Gwent\t\t\n");
	t = ref_load(path);
	CHECK(ref_count(t, 0, 1) == 159600);
	CHECK(ref_count(t, 1, 1) == -1); /* empty: not known */
	CHECK(ref_count(t, 5, 1) == -1); /* no such row */
	list = ref_get(t, 0, 2);
	CHECK(ref_list_next(&list, &item, &n) && n == 9 &&
	      memcmp(item, "Casnewydd", 9) == 0);
	CHECK(ref_list_next(&list, &item, &n) && n == 15 &&
	      memcmp(item, "City of Newport", 15) == 0);
	CHECK(!ref_list_next(&list, &item, &n));
	list = ref_get(t, 1, 2);
	CHECK(!ref_list_next(&list, &item, &n));
	ref_free(t);
	CHECK(ref_pick(est, 2, "mid2022") == 1);
	CHECK(ref_pick(est, 2, "MID2020") == 0);
	CHECK(ref_pick(est, 2, "mid2019") == -1);
	PUT("bad.tsv", "name\tmid2020\nNewport\t-5\n");
	CHECK(child_fails(count_of, path,
	                  "bad.tsv:2: mid2020: not a population: '-5'"));
	PUT("bad.tsv", "name\tmid2020\nNewport\t12x\n");
	CHECK(child_fails(count_of, path,
	                  "bad.tsv:2: mid2020: not a population: '12x'"));
}

/* A table loaded again while held is the same table, not read again;
 * freed as often as loaded, it is read anew. */
static void
test_held(void)
{
	cs_table *a, *b, *c;

	PUT("held.tsv", "k\tv\nx\t1\n");
	a = ref_load("held");
	PUT("held.tsv", "k\tv\nx\t2\ny\t3\n");
	b = ref_load("held.tsv");
	CHECK(a == b);
	CHECK_STR(ref_get(b, 0, 1), "1");
	ref_free(a);
	CHECK_STR(ref_get(b, 0, 1), "1"); /* still held by b */
	ref_free(b);
	c = ref_load("held");
	CHECK(c->nrows == 2);
	CHECK_STR(ref_get(c, 0, 1), "2");
	ref_free(c);
}

int
main(void)
{
	char cmd[128];

	cs_setprog("test_ref");
	strcpy(dir, "/tmp/test_ref.XXXXXX");
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 99;
	}
	/* Before the first ref_* call: the search path is read once. */
	setenv("CSPKIT_DATA", dir, 1);
	test_good();
	test_errors();
	test_places();
	test_held();
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		return 99;
	return unit_done();
}
