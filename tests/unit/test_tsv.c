/* Unit tests for lib/tsv.c: the reader by column name, and the writer's
 * sanitising and pass-through (stdout redirected to a file). */
#include <fcntl.h>

#include "mem.h"
#include "tmpfile.h"
#include "tsv.h"
#include "unit.h"

#define FFFD "\xEF\xBF\xBD"

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	sbuf b = SBUF_INIT;
	char buf[4096];
	size_t n;

	while (f && (n = fread(buf, 1, sizeof buf, f)) > 0)
		sbuf_add(&b, buf, n);
	if (f)
		fclose(f);
	return b.s ? b.s : xstrdup("");
}

static void
test_reader(void)
{
	char p1[32], p2[32], *names[2] = { p1, p2 };
	tsv *t;

	unit_tmpfile(p1,
	             "\xEF\xBB\xBF"
	             "area\tvalue\r\nBarnet\t12\r\n\r\nBrent\t\n",
	             35);
	unit_tmpfile(p2, "area\tvalue\nCamden\t3", 19);
	t = tsv_open(2, names);
	CHECK(!tsv_empty(t));
	CHECK(tsv_ncols(t) == 2);
	CHECK_STR(tsv_colname(t, 0), "area");
	CHECK(tsv_col(t, "value") == 1);
	CHECK(tsv_col(t, "nosuch") == -1);
	CHECK(tsv_need(t, "area") == 0);
	{
		size_t n;
		int *cols = tsv_need_list(t, "value,area", &n);

		CHECK(n == 2 && cols[0] == 1 && cols[1] == 0);
		free(cols);
		cols = tsv_need_list(t, "area", &n);
		CHECK(n == 1 && cols[0] == 0);
		free(cols);
	}
	CHECK(tsv_next(t));
	CHECK_STR(tsv_get(t, 0), "Barnet");
	CHECK(tsv_len(t, 1) == 2);
	CHECK(tsv_lineno(t) == 2);
	CHECK(tsv_next(t)); /* blank line skipped */
	CHECK_STR(tsv_get(t, 0), "Brent");
	CHECK_STR(tsv_get(t, 1), "");
	CHECK(tsv_lineno(t) == 4);
	CHECK(tsv_next(t)); /* second header skipped */
	CHECK_STR(tsv_get(t, 0), "Camden");
	CHECK(tsv_lineno(t) == 2);
	CHECK_STR(tsv_source(t), p2);
	CHECK(!tsv_next(t));
	tsv_close(t);
	unlink(p1);
	unlink(p2);

	unit_tmpfile(p1, "", 0);
	names[0] = p1;
	t = tsv_open(1, names);
	CHECK(tsv_empty(t));
	CHECK(!tsv_next(t));
	tsv_close(t);
	unlink(p1);
}

static void
test_writer(void)
{
	char p[32], in[32], *names[1] = { in };
	static const char *const hdr[] = { "area", "value", "rate" };
	static const char *const add[] = { "value", "rank" };
	const char *vals[2] = { "99", "1" };
	int where[2], saved = dup(STDOUT_FILENO), fd;
	char *got;
	bool flushed;
	tsv *t;

	unit_tmpfile(in, "area\tvalue\nBarnet\t5\n", 20);
	unit_tmpfile(p, "", 0);
	fflush(stdout);
	fd = open(p, O_WRONLY | O_TRUNC);
	dup2(fd, STDOUT_FILENO);
	close(fd);

	out_header(hdr, 3);
	out_field("a\tb\r\nc"); /* structure-breaking bytes */
	out_fieldn("x\0y", 3);
	out_fixed(-0.001, 2); /* no "-0.00" */
	out_endrow();
	out_field("Brent");
	out_long(-42);
	out_fixed(1.0 / 0.0, 2); /* not finite: unknown */
	out_endrow();
	out_fieldf("%s-%d", "Q1", 2023);
	out_empty();
	out_fixed(2.345, 1);
	out_endrow();
	t = tsv_open(1, names);
	out_pass_header(t, add, 2, where);
	if (tsv_next(t))
		out_pass_row(t, vals, 2, where);
	tsv_close(t);
	flushed = out_flush();

	/* Checks print to stdout: only once it is restored. */
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	CHECK(where[0] == 1 && where[1] == -1);
	CHECK(flushed);
	got = slurp(p);
	CHECK_STR(got, "area\tvalue\trate\n"
	               "a b  c\tx y\t0.00\n"
	               "Brent\t-42\t\n"
	               "Q1-2023\t\t2.3\n"
	               "area\tvalue\trank\n"
	               "Barnet\t99\t1\n");
	free(got);
	unlink(p);
	unlink(in);
}

/* The writer's UTF-8 rule (tsv.h): each byte that is not part of valid
 * UTF-8 becomes one U+FFFD, whatever the field's length: short fields,
 * and long ones whose only bad byte is in the last word that not_plain
 * reads eight bytes at a time. */
static void
test_writer_utf8(void)
{
	char p[32], *got;
	int saved = dup(STDOUT_FILENO), fd;

	unit_tmpfile(p, "", 0);
	fflush(stdout);
	fd = open(p, O_WRONLY | O_TRUNC);
	dup2(fd, STDOUT_FILENO);
	close(fd);

	out_fieldn("caf\xC3\xA9", 5);                /* valid, short */
	out_fieldn("Caf\xC3\xA9 Nero, High St", 19); /* valid, long */
	out_fieldn("caf\xE9", 4);                    /* Latin-1 */
	out_endrow();
	out_fieldn("\xC0\xAF", 2);                 /* overlong "/" */
	out_fieldn("\xED\xA0\xBD\xED\xB8\x80", 6); /* CESU-8 U+1F600 */
	out_fieldn("x\xE2\x80", 3);                /* truncated at the end */
	out_endrow();
	out_fieldn("\xE2\x80y", 3);                /* truncated by a byte */
	out_fieldn("\xF4\x90\x80\x80", 4);         /* past U+10FFFF */
	out_fieldn("Hendon Ward abcdefg\xFF", 20); /* bad byte in the tail */
	out_endrow();
	out_flush();

	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	got = slurp(p);
	CHECK_STR(got,
	          "caf\xC3\xA9\tCaf\xC3\xA9 Nero, High St\tcaf" FFFD
	          "\n" FFFD FFFD "\t" FFFD FFFD FFFD FFFD FFFD FFFD
	          "\tx" FFFD FFFD "\n" FFFD FFFD "y\t" FFFD FFFD FFFD FFFD "\t"
	          "Hendon Ward abcdefg" FFFD "\n");
	free(got);
	unlink(p);
}

int
main(void)
{
	test_reader();
	test_writer();
	test_writer_utf8();
	return unit_done();
}
