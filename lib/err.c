/* err.c - messages, warnings and exit status (see err.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "mem.h"
#include "tsv.h"

static const char *prog = "cspkit";
static long nwarn;
static bool quiet;
static long max_warnings = 10;

/* The kinds of warning seen, in the order first seen.  A tool has a few
 * dozen call sites at most; past MAXKIND kinds the rest share the last. */
enum { MAXKIND = 64 };
static struct kind {
	const char *key; /* label, or the format string */
	char *label;     /* what the closing lines call it */
	long count;
} kinds[MAXKIND];
static size_t nkinds;

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
put_escaped(FILE *f, const char *s)
{
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '\n')
			fputs("\\n", f);
		else if (c == '\t')
			fputs("\\t", f);
		else if (c == '\r')
			fputs("\\r", f);
		else if (c < 0x20 || c == 0x7f)
			fprintf(f, "\\x%02x", c);
		else
			fputc(c, f);
	}
}

/* The message is built in memory and written with one fwrite: stderr is
 * unbuffered, and written a byte at a time a batch's warnings were 29
 * million write(2)s, half its CPU time (pipelines/many.sh measured it). */
static void
vmsg(const char *file, long line, const char *fmt, va_list ap)
{
	char small[512], *buf = small, *msg = NULL;
	size_t msglen = 0;
	FILE *f;
	va_list aq;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(small, sizeof small, fmt, aq);
	va_end(aq);
	if (n >= (int)sizeof small && (buf = malloc((size_t)n + 1)) != NULL)
		vsnprintf(buf, (size_t)n + 1, fmt, ap);
	else if (buf == NULL)
		buf = small; /* out of memory: the message cut short */
	if ((f = open_memstream(&msg, &msglen)) == NULL)
		f = stderr; /* out of memory: written as it is made */
	fprintf(f, "%s: ", prog);
	if (file != NULL) {
		put_escaped(f, file);
		if (line > 0)
			fprintf(f, ":%ld", line);
		fputs(": ", f);
	}
	put_escaped(f, n < 0 ? fmt : buf);
	fputc('\n', f);
	if (f != stderr && fclose(f) == 0)
		fwrite(msg, 1, msglen, stderr);
	free(msg);
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

/* The label of a format: "ward \"%s\" not found%s; candidates: %s" ->
 * "ward \"...\" not found": conversions shown as "...", cut at "; " or
 * " (", a leading "...: " (the name it is about) dropped. */
static char *
label_of(const char *fmt)
{
	sbuf b = SBUF_INIT;
	char *s;

	for (const char *p = fmt; *p != '\0'; p++) {
		if (p[0] == ';' && p[1] == ' ')
			break;
		if (p[0] == ' ' && p[1] == '(')
			break;
		if (*p != '%') {
			sbuf_addc(&b, *p);
			continue;
		}
		if (p[1] == '%') {
			sbuf_addc(&b, '%');
			p++;
			continue;
		}
		p++;
		while (*p != '\0' &&
		       strchr("-+ #0123456789.*hlLqjzt", *p) != NULL)
			p++;
		if (*p == '\0')
			break;
		if (b.len < 3 || strcmp(b.s + b.len - 3, "...") != 0)
			sbuf_adds(&b, "...");
	}
	s = xstrdup(sbuf_str(&b));
	sbuf_free(&b);
	if (strncmp(s, "...: ", 5) == 0)
		memmove(s, s + 5, strlen(s + 5) + 1);
	/* A tail with nothing to say: "... is ambiguous: ..." */
	for (size_t n = strlen(s); n > 0; n = strlen(s)) {
		if (n > 3 && strcmp(s + n - 3, "...") == 0 && s[n - 4] != '"' &&
		    s[n - 4] != '\'')
			s[n - 3] = '\0';
		else if (s[n - 1] == ' ' || s[n - 1] == ':' || s[n - 1] == ',')
			s[n - 1] = '\0';
		else
			break;
	}
	return s;
}

static struct kind *
kind_of(const char *key, bool labelled)
{
	size_t i;

	for (i = 0; i < nkinds; i++)
		if (kinds[i].key == key || strcmp(kinds[i].key, key) == 0)
			return &kinds[i];
	if (nkinds == MAXKIND)
		return &kinds[MAXKIND - 1];
	kinds[nkinds].key = key;
	kinds[nkinds].label = labelled ? xstrdup(key) : label_of(key);
	return &kinds[nkinds++];
}

static void
warn(struct kind *k, const char *file, long line, const char *fmt, va_list ap)
{
	nwarn++;
	if (++k->count > max_warnings || quiet)
		return;
	vmsg(file, line, fmt, ap);
}

void
cs_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	warn(kind_of(fmt, false), NULL, 0, fmt, ap);
	va_end(ap);
}

void
cs_warn_at(const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	warn(kind_of(fmt, false), file, line, fmt, ap);
	va_end(ap);
}

void
cs_warn_kind(const char *kind, const char *file, long line, const char *fmt,
             ...)
{
	va_list ap;

	va_start(ap, fmt);
	warn(kind_of(kind, true), file, line, fmt, ap);
	va_end(ap);
}

void
cs_set_quiet(bool q)
{
	quiet = q;
}

void
cs_set_max_warnings(long n)
{
	max_warnings = n;
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
	bool held = quiet;

	if (!out_flush())
		status = CS_EXIT_DATA;
	if (nwarn > 0 && strict)
		status = CS_EXIT_DATA;
	if (nwarn == 0 || (quiet && !strict))
		return status;
	for (size_t i = 0; i < nkinds && !quiet; i++)
		if (kinds[i].count > max_warnings) {
			fprintf(stderr, "%s: and %ld more like this: %s\n",
			        prog, kinds[i].count - max_warnings,
			        kinds[i].label);
			held = true;
		}
	/* When every warning was printed, or all are of one kind, the lines
	 * above say which: the total is enough.  When some were held back
	 * (or -q held all), a count for each kind. */
	if (nkinds == 1 || !held)
		fprintf(stderr, "%s: %ld warning%s\n", prog, nwarn,
		        nwarn == 1 ? "" : "s");
	else
		for (size_t i = 0; i < nkinds; i++)
			fprintf(stderr, "%s: %ld warning%s: %s\n", prog,
			        kinds[i].count, kinds[i].count == 1 ? "" : "s",
			        kinds[i].label);
	return status;
}

void
cs_version(void)
{
	printf("%s (cspkit) %s\n", prog, CSPKIT_VERSION);
	exit(out_flush() && fflush(stdout) == 0 ? CS_EXIT_OK : CS_EXIT_DATA);
}
