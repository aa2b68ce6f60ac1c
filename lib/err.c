/* err.c - messages, warnings and exit status (see err.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "tsv.h"

static const char *prog = "cspkit";
static long nwarn;

/*
 * A descriptor 0, 1 or 2 the caller closed ("tool <&-") would be taken by
 * the first file the tool opens: a reference table read as the input, or
 * the output written into it.  Each closed one is held by /dev/null opened
 * the wrong way round, so that using it fails (EBADF) and is reported,
 * never read as an empty input.
 */
static void
hold_std_fds(void)
{
	for (int fd = 0; fd <= 2; fd++)
		if (fcntl(fd, F_GETFD) < 0 && errno == EBADF)
			(void)open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY);
}

void
cs_setprog(const char *argv0)
{
	const char *slash;

	hold_std_fds();
	if (argv0 == NULL || *argv0 == '\0')
		return;
	slash = strrchr(argv0, '/');
	prog = slash ? slash + 1 : argv0;
}

const char *
cs_prog(void)
{
	return prog;
}

/* put_escaped: S with control characters as \n, \t, \r or \xNN, so that
 * a message stays one line whatever a file name holds ("pack\n.txt"). */
static void
put_escaped(const char *s)
{
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '\n')
			fputs("\\n", stderr);
		else if (c == '\t')
			fputs("\\t", stderr);
		else if (c == '\r')
			fputs("\\r", stderr);
		else if (c < 0x20 || c == 0x7f)
			fprintf(stderr, "\\x%02x", c);
		else
			fputc(c, stderr);
	}
}

static void
vmsg(const char *file, long line, const char *fmt, va_list ap)
{
	char small[512], *buf = small;
	va_list aq;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(small, sizeof small, fmt, aq);
	va_end(aq);
	if (n >= (int)sizeof small && (buf = malloc((size_t)n + 1)) != NULL)
		vsnprintf(buf, (size_t)n + 1, fmt, ap);
	else if (buf == NULL)
		buf = small;    /* out of memory: the message cut short */
	fprintf(stderr, "%s: ", prog);
	if (file != NULL) {
		put_escaped(file);
		if (line > 0)
			fprintf(stderr, ":%ld", line);
		fputs(": ", stderr);
	}
	put_escaped(n < 0 ? fmt : buf);
	fputc('\n', stderr);
	if (buf != small)
		free(buf);
}

void
cs_die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(NULL, 0, fmt, ap);
	va_end(ap);
	out_flush();
	exit(status);
}

void
cs_die_at(int status, const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(file, line, fmt, ap);
	va_end(ap);
	out_flush();
	exit(status);
}

void
cs_usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(NULL, 0, fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '%s --help' for more information.\n", prog);
	exit(CS_EXIT_USAGE);
}

void
cs_warn(const char *fmt, ...)
{
	va_list ap;

	nwarn++;
	va_start(ap, fmt);
	vmsg(NULL, 0, fmt, ap);
	va_end(ap);
}

void
cs_warn_at(const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	nwarn++;
	va_start(ap, fmt);
	vmsg(file, line, fmt, ap);
	va_end(ap);
}

long
cs_warnings(void)
{
	return nwarn;
}

int
cs_finish(bool strict)
{
	int status = CS_EXIT_OK;

	if (!out_flush())
		status = CS_EXIT_DATA;
	if (nwarn > 0) {
		fprintf(stderr, "%s: %ld warning%s\n", prog, nwarn,
			nwarn == 1 ? "" : "s");
		if (strict)
			status = CS_EXIT_DATA;
	}
	return status;
}

void
cs_version(void)
{
	printf("%s (cspkit) %s\n", prog, CSPKIT_VERSION);
	exit(out_flush() && fflush(stdout) == 0 ? CS_EXIT_OK : CS_EXIT_DATA);
}
