/* Unit tests for lib/lines.c: LF/CRLF, BOM, no trailing LF, NUL bytes,
 * long lines, several operands, the bounds of lines_limit. */
#include "child.h"
#include "lines.h"
#include "mem.h"
#include "tmpfile.h"
#include "unit.h"

static void
test_basic(void)
{
	char p[32], *names[1] = { p }, *line;
	size_t n;
	lines *l;

	unit_tmpfile(p,
	             "\xEF\xBB\xBF"
	             "a\r\nbb\n\nlast",
	             14);
	l = lines_open(1, names);
	CHECK(lines_next(l, &line, &n));
	CHECK(n == 1 && strcmp(line, "a") == 0); /* BOM and CR gone */
	CHECK(lines_new_file(l));
	CHECK(lines_lineno(l) == 1);
	CHECK(lines_next(l, &line, &n) && n == 2 && strcmp(line, "bb") == 0);
	CHECK(!lines_new_file(l));
	CHECK(lines_next(l, &line, &n) && n == 0);
	CHECK(lines_next(l, &line, &n) && n == 4 && strcmp(line, "last") == 0);
	CHECK(lines_lineno(l) == 4);
	CHECK(strcmp(lines_source(l), p) == 0);
	CHECK(!lines_next(l, &line, &n));
	lines_close(l);
	unlink(p);
}

/* Lines after the first take lines_next's short way: CR still goes, an
 * empty CRLF line is empty, and lines_unread gives the same line back. */
static void
test_later_lines(void)
{
	char p[32], *names[1] = { p }, *line, *again;
	size_t n;
	lines *l;

	unit_tmpfile(p, "h\nx\r\ny\r\n\r\nz", 11);
	l = lines_open(1, names);
	CHECK(lines_next(l, &line, &n) && n == 1 && strcmp(line, "h") == 0);
	CHECK(lines_next(l, &line, &n) && n == 1 && strcmp(line, "x") == 0);
	CHECK(!lines_new_file(l) && lines_lineno(l) == 2);
	lines_unread(l);
	CHECK(lines_next(l, &again, &n) && again == line && n == 1);
	CHECK(lines_lineno(l) == 2);
	CHECK(lines_next(l, &line, &n) && n == 1 && strcmp(line, "y") == 0);
	CHECK(lines_next(l, &line, &n) && n == 0 && line[0] == '\0');
	CHECK(lines_next(l, &line, &n) && n == 1 && strcmp(line, "z") == 0);
	CHECK(lines_lineno(l) == 5);
	CHECK(!lines_next(l, &line, &n));
	lines_close(l);
	unlink(p);
}

static void
test_nul_and_long(void)
{
	char p[32], *names[1] = { p }, *line;
	size_t n, big = 3 * 1024 * 1024 + 7;
	char *s = xmalloc(big + 8);
	lines *l;

	memset(s, 'x', big);
	s[10] = '\0'; /* a NUL inside the line is data */
	memcpy(s + big, "\nok\n", 4);
	unit_tmpfile(p, s, big + 4);
	l = lines_open(1, names);
	CHECK(lines_next(l, &line, &n));
	CHECK(n == big);
	CHECK(line[10] == '\0' && line[11] == 'x' && line[n] == '\0');
	CHECK(lines_next(l, &line, &n) && n == 2 && strcmp(line, "ok") == 0);
	CHECK(!lines_next(l, &line, &n));
	lines_close(l);
	unlink(p);
	free(s);
}

static void
test_operands(void)
{
	char p1[32], p2[32], p3[32], *names[3] = { p1, p2, p3 }, *line;
	size_t n;
	lines *l;

	unit_tmpfile(p1, "one\ntwo\n", 8);
	unit_tmpfile(p2, "", 0);                  /* an empty operand */
	unit_tmpfile(p3, "\xEF\xBB\xBFthree", 8); /* BOM again, no LF */
	l = lines_open(3, names);
	CHECK(lines_next(l, &line, &n) && strcmp(line, "one") == 0);
	CHECK(lines_next(l, &line, &n) && strcmp(line, "two") == 0);
	CHECK(lines_next(l, &line, &n) && strcmp(line, "three") == 0);
	CHECK(lines_new_file(l) && lines_lineno(l) == 1);
	CHECK(strcmp(lines_source(l), p3) == 0);
	CHECK(!lines_next(l, &line, &n));
	CHECK(!lines_next(l, &line, &n)); /* stays at the end */
	lines_close(l);
	unlink(p1);
	unlink(p2);
	unlink(p3);
}

/* Read the file with lines_limit(64 bytes a line, 4 KiB in all). */
static void
read_limited(const char *path)
{
	char *names[1] = { (char *)path }, *line;
	size_t n;
	lines *l = lines_open(1, names);

	lines_limit(l, 64, 4096);
	while (lines_next(l, &line, &n))
		;
	lines_close(l);
}

/* Both bounds hold for a file that comes in one read(2): a 100-byte line
 * and a 5000-byte file were let through, as only a line still being read
 * was measured and the first read was not counted (fuzz_lines found it). */
static void
test_limit(void)
{
	char p[32], s[5000];

	memset(s, 'x', 64);
	s[64] = '\n';
	unit_tmpfile(p, s, 65); /* 64 bytes: at the bound, kept */
	CHECK(child_run(read_limited, p) == -1);
	unlink(p);
	memset(s, 'x', 100);
	s[100] = '\n';
	unit_tmpfile(p, s, 101);
	CHECK(child_fails(read_limited, p, ":1: a line longer than"));
	unlink(p);
	for (size_t i = 0; i < sizeof s; i++)
		s[i] = i % 50 == 49 ? '\n' : 'x';
	unit_tmpfile(p, s, sizeof s);
	CHECK(child_fails(read_limited, p, "too big for a reference table"));
	unlink(p);
	unit_tmpfile(p, s, 4096); /* 4096 bytes: at the bound, kept */
	CHECK(child_run(read_limited, p) == -1);
	unlink(p);
}

int
main(void)
{
	test_basic();
	test_later_lines();
	test_nul_and_long();
	test_operands();
	test_limit();
	return unit_done();
}
