/* err.c - messages, warnings and exit status (see err.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "tsv.h"

static const char *prog = "cspkit";
static long nwarn;

void
cs_setprog(const char *argv0)
{
	const char *slash;

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

static void
vmsg(const char *file, long line, const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", prog);
	if (file != NULL && line > 0)
		fprintf(stderr, "%s:%ld: ", file, line);
	else if (file != NULL)
		fprintf(stderr, "%s: ", file);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
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
