/* test_group.c - lib/group: the group of each row and where runs start,
 * the one rule of rag-flag and rank-boroughs (group.h). */
#include <string.h>

#include "group.h"
#include "tmpfile.h"
#include "tsv.h"
#include "unit.h"

/* Read the table text grouped by cols; "0N 0S 1N 0B ..." for each row
 * its group and N (new), S (same run) or B (back). */
static const char *
runs(const char *text, const char *cols, grouping **out, char *path)
{
	static char buf[256];
	char *names[1] = { path };
	static const char run_letter[] = { 'S', 'N', 'B' };
	size_t k = 0, n;
	int *c;
	tsv *t;
	grouping *gr;

	unit_tmpfile(path, text, strlen(text));
	t = tsv_open(1, names);
	c = tsv_need_list(t, cols, &n);
	gr = grouping_new(c, n);
	free(c);
	while (tsv_next(t) && k + 4 < sizeof buf) {
		enum group_run r;
		uint32_t id = grouping_row(gr, t, &r);

		k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%u%c",
		                      k ? " " : "", id, run_letter[r]);
	}
	buf[k] = '\0';
	tsv_close(t);
	unlink(path);
	*out = gr;
	return buf;
}

static void
test_runs(void)
{
	char p[32], label[64];
	grouping *gr;

	/* Sorted input: each group one run. */
	CHECK_STR(runs("area\toffence\tvalue\n"
	               "Barnet\tburglary\t1\nBarnet\tburglary\t2\n"
	               "Barnet\trobbery\t3\nBrent\tburglary\t4\n",
	               "area,offence", &gr, p),
	          "0N 0S 1N 2N");
	CHECK(grouping_count(gr) == 3);
	CHECK_STR(grouping_label(gr, 1, label, sizeof label),
	          "Barnet, robbery");
	grouping_free(gr);

	/* A group that comes back after another's rows: the same number,
	 * told apart as back (rag-flag warns, rank-boroughs --grouped
	 * stops). */
	CHECK_STR(runs("area\tvalue\n"
	               "Barnet\t1\nBrent\t2\nBarnet\t3\nBarnet\t4\nBrent\t5\n",
	               "area", &gr, p),
	          "0N 1N 0B 0S 1B");
	grouping_free(gr);

	/* Byte for byte: another case, a trailing space, an empty value are
	 * other groups. */
	CHECK_STR(runs("area\tvalue\n"
	               "Barnet\t1\nbarnet\t2\nBarnet \t3\n\t4\n\t5\n",
	               "area", &gr, p),
	          "0N 1N 2N 3N 3S");
	CHECK_STR(grouping_label(gr, 3, label, sizeof label), "");
	grouping_free(gr);

	/* Column order is the key's order; values that join alike do not
	 * collide ("a" "bc" is not "ab" "c"). */
	CHECK_STR(runs("x\ty\n"
	               "a\tbc\n"
	               "ab\tc\n",
	               "y,x", &gr, p),
	          "0N 1N");
	CHECK_STR(grouping_label(gr, 0, label, sizeof label), "bc, a");
	/* A label is cut short to fit. */
	CHECK_STR(grouping_label(gr, 0, label, 4), "b");
	grouping_free(gr);
}

static void
test_find_as(void)
{
	/* rank-boroughs --check: the counterpart of a stated rank (measure
	 * rank) is the group with measure count; numbered when first asked
	 * for, and its first row is still its first run. */
	static const char text[] = "period\tmeasure\tvalue\n"
	                           "2023\trank\t8\n"
	                           "2023\tcount\t100\n";
	char p[32], *names[1] = { p };
	int cols[2];
	grouping *gr;
	tsv *t;
	enum group_run r;

	unit_tmpfile(p, text, sizeof text - 1);
	t = tsv_open(1, names);
	cols[0] = tsv_col(t, "period");
	cols[1] = tsv_col(t, "measure");
	gr = grouping_new(cols, 2);
	CHECK(tsv_next(t));
	CHECK(grouping_row(gr, t, &r) == 0 && r == GROUP_NEW);
	CHECK(grouping_find_as(gr, t, cols[1], "count") == 1);
	CHECK(grouping_find_as(gr, t, cols[1], "count") == 1);
	CHECK(grouping_count(gr) == 2);
	CHECK(tsv_next(t));
	CHECK(grouping_row(gr, t, &r) == 1 && r == GROUP_NEW);
	{
		char label[64];

		CHECK_STR(grouping_label(gr, 1, label, sizeof label),
		          "2023, count");
	}
	grouping_free(gr);
	tsv_close(t);
	unlink(p);
}

int
main(void)
{
	test_runs();
	test_find_as();
	return unit_done();
}
