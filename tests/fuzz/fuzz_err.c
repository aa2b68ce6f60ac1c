/* fuzz_err.c - err.h: messages made of arbitrary bytes, and the warning
 * caps, against a model.
 *
 * The input is a settings byte (--max-warnings 0-3 or 10, -q, --strict,
 * the program name, where stderr goes: a file, a pipe or /dev/null) and a
 * list of calls: cs_warn, cs_warn_at and cs_warn_kind with a file name and
 * text of arbitrary bytes, a line number, one of a few formats or of 70
 * kinds (past the 64 err.c keeps), and cs_die_at or cs_die, which ends the
 * list; the list ends in cs_finish.  What stderr got must be exactly what
 * the model says: each message one line, "prog: file:line: text", its
 * control characters escaped (\n, \t, \r, \xNN); each kind printed at
 * most the cap times; cs_finish's "and N more like this" and closing
 * counts.  err.c keeps its counts for the life of the process (a tool
 * runs once), so the model keeps them across inputs too. */
#define _GNU_SOURCE
#include "err.h"
#include "fuzz.h"
#include "mem.h"

/* The formats of cs_warn and cs_warn_at, each with the label err.h says
 * its closing count gets. */
#define F0 "%s"
#define F1 "ward \"%s\" not found; check the name"
#define F2 "%s: not a number (kept as text)"
#define F3 "unknown offence %s"
#define F4 "value '%.40s' is ambiguous"
static const char *const fmts[] = { F0, F1, F2, F3, F4 };
static const char *const labels[] = { "...", "ward \"...\" not found",
	                              "not a number", "unknown offence",
	                              "value '...' is ambiguous" };
#define NFMT 5
#define NKIND 70
#define MAXKIND 64
static char kindname[NKIND][16];
static const char *const progs[] = { "rag-flag",
	                             "/usr/local/bin/normalise-crime", "",
	                             "bin/" };

/* The model: err.c's state as it should be. */
static struct {
	const char *key, *label;
	long count;
} mk[MAXKIND];
static size_t nmk;
static long mwarn;
static char mprog[64] = "cspkit";

static int capfd, pipefd[2], nullfd, errfd;
static sbuf want, got;

static void
setup(void)
{
	for (int i = 0; i < NKIND; i++)
		snprintf(kindname[i], sizeof kindname[i], "kind %02d", i);
	capfd = memfd_create("fuzz-stderr", 0);
	nullfd = open("/dev/null", O_WRONLY);
	FZ_CHECK(capfd >= 0 && nullfd >= 0 && pipe(pipefd) == 0);
	FZ_CHECK(fcntl(pipefd[0], F_SETFL, O_NONBLOCK) == 0);
	/* Where stderr goes between inputs (libFuzzer's -close_fd_mask=2
	 * made it /dev/null; a replay shows the checks' messages). */
	errfd = dup(STDERR_FILENO);
	if (errfd < 0)
		errfd = dup(nullfd);
	fz_memfd();
	cs_setprog("cspkit"); /* its descriptor check, once, before any count */
}

FZ_TABLE_INIT(setup())

/* s with err.c's escapes, independently. */
static void
escaped(sbuf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '\n')
			sbuf_adds(b, "\\n");
		else if (c == '\t')
			sbuf_adds(b, "\\t");
		else if (c == '\r')
			sbuf_adds(b, "\\r");
		else if (c < 0x20 || c == 0x7f)
			sbuf_printf(b, "\\x%02x", c);
		else
			sbuf_addc(b, (char)c);
	}
}

/* The message line the model expects. */
static void
expect_msg(const char *file, long line, const char *text)
{
	sbuf_printf(&want, "%s: ", mprog);
	if (file != NULL) {
		escaped(&want, file);
		if (line > 0)
			sbuf_printf(&want, ":%ld", line);
		sbuf_adds(&want, ": ");
	}
	escaped(&want, text);
	sbuf_addc(&want, '\n');
}

/* A warning of the kind keyed by key: counted, shown under the cap. */
static void
expect_warn(const char *key, const char *label, long max, bool quiet,
            const char *file, long line, const char *text)
{
	size_t i;

	mwarn++;
	for (i = 0; i < nmk; i++)
		if (strcmp(mk[i].key, key) == 0)
			break;
	if (i == nmk && nmk == MAXKIND) {
		i = MAXKIND - 1; /* the rest share the last */
	} else if (i == nmk) {
		mk[nmk].key = key;
		mk[nmk].label = label;
		nmk++;
	}
	if (++mk[i].count > max || quiet)
		return;
	expect_msg(file, line, text);
}

static int
expect_finish(long max, bool quiet, bool strict)
{
	bool held = quiet;

	if (mwarn == 0 || (quiet && !strict))
		return strict && mwarn > 0;
	for (size_t i = 0; i < nmk && !quiet; i++)
		if (mk[i].count > max) {
			sbuf_printf(&want, "%s: and %ld more like this: %s\n",
			            mprog, mk[i].count - max, mk[i].label);
			held = true;
		}
	if (nmk == 1 || !held)
		sbuf_printf(&want, "%s: %ld warning%s\n", mprog, mwarn,
		            mwarn == 1 ? "" : "s");
	else
		for (size_t i = 0; i < nmk; i++)
			sbuf_printf(&want, "%s: %ld warning%s: %s\n", mprog,
			            mk[i].count, mk[i].count == 1 ? "" : "s",
			            mk[i].label);
	return strict;
}

/* A field of the input: n bytes (as many as are left), NUL-terminated in
 * b (a NUL among them ends the string, as for any C caller). */
static const char *
take(const uint8_t **d, size_t *left, size_t n, sbuf *b)
{
	if (n > *left)
		n = *left;
	sbuf_clear(b);
	sbuf_add(b, (const char *)*d, n);
	*d += n;
	*left -= n;
	return sbuf_str(b);
}

/* Format f through cs_warn_at, or cs_warn when at is false (literal
 * formats, so that the compiler checks them). */
#define WARN(fmt)                                                              \
	do {                                                                   \
		if (at)                                                        \
			cs_warn_at(file, line, fmt, text);                     \
		else                                                           \
			cs_warn(fmt, text);                                    \
	} while (0)
static void
warn_fmt(bool at, unsigned f, const char *file, long line, const char *text)
{
	switch (f) {
	case 0:
		WARN(F0);
		break;
	case 1:
		WARN(F1);
		break;
	case 2:
		WARN(F2);
		break;
	case 3:
		WARN(F3);
		break;
	default:
		WARN(F4);
		break;
	}
}

static void
one(const uint8_t *d, size_t left)
{
	static sbuf fbuf, tbuf, fmtd;
	unsigned cfg = left > 0 ? d[0] : 0;
	long max = (cfg & 3) == 3 ? 10 : (long)(cfg & 3);
	bool quiet = cfg & 4, strict = cfg & 8;
	const char *prog = progs[(cfg >> 6) & 3], *slash;

	if (left > 0) {
		d++;
		left--;
	}
	cs_set_max_warnings(max);
	cs_set_quiet(quiet);
	cs_setprog(prog);
	if (*prog != '\0') {
		slash = strrchr(prog, '/');
		snprintf(mprog, sizeof mprog, "%s", slash ? slash + 1 : prog);
	}
	while (left >= 4) {
		unsigned op = d[0], k = d[1], tl;
		long line = (long)(signed char)d[2] * 1000 + d[2];
		size_t flen = d[3] % 40;
		const char *file, *text;

		d += 4;
		left -= 4;
		file = take(&d, &left, flen, &fbuf);
		tl = left > 0 ? d[0] : 0;
		if (left > 0) {
			d++;
			left--;
		}
		/* Up to 5600 bytes: past the 512 vmsg formats into first. */
		text = take(&d, &left, tl < 200 ? tl : (tl - 199) * 100, &tbuf);
		if (op & 16)
			file = NULL;
		switch (op % 5) {
		case 0:
		case 1:
			/* cs_warn, or cs_warn_at (file may be NULL). */
			sbuf_clear(&fmtd);
			sbuf_printf(&fmtd, fmts[k % NFMT], text);
			if (op % 5 == 0)
				expect_warn(fmts[k % NFMT], labels[k % NFMT],
				            max, quiet, NULL, 0,
				            sbuf_str(&fmtd));
			else
				expect_warn(fmts[k % NFMT], labels[k % NFMT],
				            max, quiet, file, line,
				            sbuf_str(&fmtd));
			warn_fmt(op % 5 == 1, k % NFMT, file, line, text);
			break;
		case 2:
			expect_warn(kindname[k % NKIND], kindname[k % NKIND],
			            max, quiet, file, line, text);
			cs_warn_kind(kindname[k % NKIND], file, line, "%s",
			             text);
			break;
		case 3:
			expect_msg(file, line, text);
			cs_die_at(k & 1 ? CS_EXIT_USAGE : CS_EXIT_DATA, file,
			          line, "%s", text);
		default:
			expect_msg(NULL, 0, text);
			cs_die(CS_EXIT_DATA, "%s", text);
		}
	}
	FZ_CHECK(cs_finish(strict) == expect_finish(max, quiet, strict));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned where = size > 0 ? (data[0] >> 4) % 3 : 0;
	ssize_t n;

	/* A pipe holds 64 KiB: a longer output would block. */
	if (where == 1 && size > 4000)
		where = 0;
	sbuf_clear(&want);
	sbuf_clear(&got);
	FZ_CHECK(ftruncate(capfd, 0) == 0);
	FZ_CHECK(lseek(capfd, 0, SEEK_SET) == 0);
	FZ_CHECK(dup2(where == 0   ? capfd
	              : where == 1 ? pipefd[1]
	                           : nullfd,
	              STDERR_FILENO) == STDERR_FILENO);
	fz_call(one, data, size);
	FZ_CHECK(dup2(errfd, STDERR_FILENO) == STDERR_FILENO);
	if (where == 2)
		return 0;
	for (off_t at = 0;; at += n) {
		char buf[4096];

		n = where == 0 ? pread(capfd, buf, sizeof buf, at)
		               : read(pipefd[0], buf, sizeof buf);
		if (n <= 0)
			break;
		sbuf_add(&got, buf, (size_t)n);
	}
	FZ_CHECK(got.len == want.len &&
	         memcmp(sbuf_str(&got), sbuf_str(&want), got.len) == 0);
	/* So, as each message is one line: no control byte but LF. */
	for (size_t i = 0; i < got.len; i++)
		FZ_CHECK((unsigned char)got.s[i] >= 0x20 || got.s[i] == '\n');
	return 0;
}
