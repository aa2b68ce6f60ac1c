/* Unit tests for the stream hand-over normalise-crime relies on:
 * lines_unread (look at a first line, then give the stream on),
 * csvin_open_lines, and csvin's report of a quote left open at the end. */
#include <stdbool.h>
#include <string.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "csvin.h"
#include "lines.h"
#include "tmpfile.h"
#include "unit.h"

/* Run csvin over s in a child; its exit status (1 = data error). */
static int
csv_status(const char *s)
{
	char p[32];
	pid_t pid;
	int st;

	unit_tmpfile(p, s, strlen(s));
	fflush(stdout);
	if ((pid = fork()) == 0) {
		int null = open("/dev/null", O_WRONLY);
		csvin *c;

		dup2(null, STDERR_FILENO);
		c = csvin_open(p);
		while (csvin_next(c))
			;
		_exit(0);
	}
	waitpid(pid, &st, 0);
	unlink(p);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

int
main(void)
{
	static const char data[] = "\xEF\xBB\xBF"
	                           "a,b\r\n\"1,2\",3\r\n";
	char p[32], *names[1], *line;
	size_t n;
	lines *l;
	csvin *c;

	unit_tmpfile(p, data, sizeof data - 1);
	names[0] = p;
	l = lines_open(1, names);
	CHECK(lines_next(l, &line, &n));
	CHECK(n == 3 && memcmp(line, "a,b", 3) == 0); /* BOM and CR gone */
	lines_unread(l);
	CHECK(lines_next(l, &line, &n)); /* the same line again */
	CHECK(n == 3 && memcmp(line, "a,b", 3) == 0);
	CHECK(lines_lineno(l) == 1);
	lines_unread(l);
	c = csvin_open_lines(l);
	CHECK(csvin_next(c));
	CHECK(csvin_nfields(c) == 2);
	CHECK_STR(csvin_get(c, 0), "a");
	CHECK(csvin_lineno(c) == 1);
	CHECK(csvin_next(c));
	CHECK_STR(csvin_get(c, 0), "1,2");
	CHECK(csvin_lineno(c) == 2);
	CHECK(!csvin_next(c));
	CHECK_STR(csvin_source(c), p);
	csvin_close(c); /* closes l too */
	unlink(p);

	CHECK(csv_status("a,b\n\"1,2\",3\n") == 0);
	CHECK(csv_status("a,b\n\"1,2,3\n") == 1); /* quote never closed */
	CHECK(csv_status("a,b\n\"1,2,3") == 1);
	return unit_done();
}
