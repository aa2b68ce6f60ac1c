/* tsv.c - TSV reader by column name and buffered strict-TSV writer. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "lines.h"
#include "mem.h"
#include "near.h"
#include "num.h"
#include "sniff.h"
#include "text.h"
#include "tsv.h"

struct tsv {
	lines *in;
	bool empty;
	char *header; /* copy of the header line */
	size_t hlen;
	char **cols; /* names, pointing into header */
	size_t ncols;
	char **f; /* current row's fields, in the line buffer */
	size_t *flen;
	long lineno;
	const char *src;
};

/* Split the header copy h at tabs in place; returns the column count. */
static size_t
split_header(char *h, size_t n, char ***cols)
{
	size_t k = 0, cap = 0;
	char *end = h + n;

	for (;;) {
		char *tab = memchr(h, '\t', (size_t)(end - h));

		*cols = xgrow(*cols, &cap, k + 1, sizeof **cols);
		(*cols)[k++] = h;
		if (tab == NULL)
			return k;
		*tab = '\0';
		h = tab + 1;
	}
}

tsv *
tsv_open(int nnames, char *const names[])
{
	tsv *t = xcalloc(1, sizeof *t);
	char *line;
	size_t len;

	t->in = lines_open(nnames, names);
	if (!lines_next(t->in, &line, &len)) {
		t->empty = true;
		t->src = lines_source(t->in); /* an empty file has a name */
		return t;
	}
	t->src = lines_source(t->in);
	sniff_tsv_header(t->src, line, len);
	t->header = xstrndup(line, len);
	t->hlen = len;
	t->ncols = split_header(xstrndup(line, len), len, &t->cols);
	t->f = xcalloc(t->ncols, sizeof *t->f);
	t->flen = xcalloc(t->ncols, sizeof *t->flen);
	return t;
}

bool
tsv_empty(const tsv *t)
{
	return t->empty;
}

size_t
tsv_ncols(const tsv *t)
{
	return t->ncols;
}

const char *
tsv_colname(const tsv *t, size_t i)
{
	return i < t->ncols ? t->cols[i] : NULL;
}

int
tsv_col(const tsv *t, const char *name)
{
	for (size_t i = 0; i < t->ncols; i++)
		if (strcmp(t->cols[i], name) == 0)
			return (int)i;
	return -1;
}

/* A column the tool needs is not there: name the nearest and list what
 * is, so "-k Ward" on a file with "ward" is one edit away from working. */
static _Noreturn void
no_column(const tsv *t, const char *name)
{
	sbuf have = SBUF_INIT, list = SBUF_INIT;
	near_set s;

	near_init(&s, name, strlen(name));
	for (size_t i = 0; i < t->ncols; i++) {
		near_add(&s, t->cols[i], t->cols[i], strlen(t->cols[i]));
		if (i > 0)
			sbuf_adds(&have, ", ");
		sbuf_adds(&have, t->cols[i]);
	}
	if (s.n > 0)
		cs_usage_error(
		    "%s: no column '%s' in the header (nearest: %s); it "
		    "has %s",
		    t->src ? t->src : "-", name, near_list(&s, &list), have.s);
	cs_usage_error("%s: no column '%s' in the header; it has %s",
	               t->src ? t->src : "-", name, have.s);
}

int
tsv_need(const tsv *t, const char *name)
{
	int i = tsv_col(t, name);

	if (i < 0)
		no_column(t, name);
	for (size_t j = (size_t)i + 1; j < t->ncols; j++)
		if (strcmp(t->cols[j], name) == 0)
			cs_usage_error(
			    "%s: column '%s' appears twice in the header",
			    t->src, name);
	return i;
}

int *
tsv_need_list(const tsv *t, const char *list, size_t *n)
{
	int *cols = NULL;
	size_t cap = 0;
	const char *s = list;

	*n = 0;
	for (;;) {
		size_t k = strcspn(s, ",");
		char *name = xstrndup(s, k);

		if (k == 0)
			cs_usage_error("empty column name in '%s'", list);
		cols = xgrow(cols, &cap, *n + 1, sizeof *cols);
		cols[(*n)++] = tsv_need(t, name);
		free(name);
		if (s[k] == '\0')
			return cols;
		s += k + 1;
	}
}

bool
tsv_next(tsv *t)
{
	char *line;
	size_t len;

	if (t->empty)
		return false;
	while (lines_next(t->in, &line, &len)) {
		size_t k = 0;
		char *s = line, *end = line + len;

		t->src = lines_source(t->in);
		t->lineno = lines_lineno(t->in);
		if (lines_new_file(t->in)) {
			/* A later operand repeats the header: check and skip. */
			if (len != t->hlen || memcmp(line, t->header, len) != 0)
				cs_die_at(
				    CS_EXIT_DATA, t->src, t->lineno,
				    "header differs from the first input's");
			continue;
		}
		if (len == 0) {
			/* A blank line carries no row: skipped, and said, so
			 * that a hole in a table is seen (--strict: exit 1). */
			cs_warn_at(t->src, t->lineno, "blank line skipped");
			continue;
		}
		for (;;) {
			char *tab = memchr(s, '\t', (size_t)(end - s));
			char *stop = tab ? tab : end;

			if (k < t->ncols) {
				t->f[k] = s;
				t->flen[k] = (size_t)(stop - s);
			}
			*stop = '\0';
			k++;
			if (tab == NULL)
				break;
			s = tab + 1;
		}
		if (k != t->ncols)
			cs_die_at(CS_EXIT_DATA, t->src, t->lineno,
			          "%zu field%s, the header has %zu", k,
			          k == 1 ? "" : "s", t->ncols);
		return true;
	}
	return false;
}

const char *
tsv_get(const tsv *t, size_t i)
{
	return i < t->ncols ? t->f[i] : "";
}

size_t
tsv_len(const tsv *t, size_t i)
{
	return i < t->ncols ? t->flen[i] : 0;
}

const char *
tsv_source(const tsv *t)
{
	return t->src ? t->src : "-";
}

long
tsv_lineno(const tsv *t)
{
	return t->lineno;
}

void
tsv_close(tsv *t)
{
	if (t == NULL)
		return;
	lines_close(t->in);
	if (t->ncols)
		free(t->cols[0]); /* the split copy of the header */
	free(t->cols);
	free(t->header);
	free(t->f);
	free(t->flen);
	free(t);
}

/* ---- writer ---------------------------------------------------------- */

#define OUTCAP (64 * 1024)

static char obuf[OUTCAP];
static size_t olen;
static size_t ofield; /* fields written in the current row */
static size_t owidth; /* header width, 0 until out_header */
static bool ofailed;

static void
ospill(void)
{
	size_t off = 0;

	if (ofailed) {
		olen = 0;
		return;
	}
	while (off < olen) {
		ssize_t n = write(STDOUT_FILENO, obuf + off, olen - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EPIPE) {
			/* The reader went away (| head) and the caller ignores
			 * SIGPIPE: the end SIGPIPE would have been, quietly. */
			ofailed = true;
			olen = 0;
			exit(CS_EXIT_OK);
		}
		if (n < 0) {
			/* Report once and stop: carrying on to the end of a
			 * large input only to say "disk full" then helps no one. */
			ofailed = true;
			olen = 0;
			cs_die(CS_EXIT_DATA, "write error: %s",
			       strerror(errno));
		}
		off += (size_t)n;
	}
	olen = 0;
}

bool
out_flush(void)
{
	ospill();
	return !ofailed;
}

static inline void
oput(const char *s, size_t n)
{
	/* The common case, a piece that fits: one memcpy, no loop (out_raw
	 * is called five times a row by normalise-crime's mps reshape). */
	if (n < OUTCAP - olen) {
		memcpy(obuf + olen, s, n);
		olen += n;
		return;
	}
	while (n > 0) {
		size_t room = OUTCAP - olen, k = n < room ? n : room;

		memcpy(obuf + olen, s, k);
		olen += k;
		s += k;
		n -= k;
		if (olen == OUTCAP)
			ospill();
	}
}

static inline void
osep(void)
{
	if (ofield++ > 0) {
		if (olen == OUTCAP)
			ospill();
		obuf[olen++] = '\t';
	}
}

/* A field may not hold a tab, CR, LF or NUL (they would break the
 * table), and must be UTF-8.  Most fields are plain ASCII above those
 * four, which are all below 0x0e, so not_plain() tests eight bytes at a
 * time for any byte below 0x0e (the "has less" bit trick: such a byte
 * borrows into its top bit) or from 0x80 up (its top bit is set); only a
 * field that has one goes through the byte loop of out_fieldn.  Against
 * testing every byte, this cut join-wards' time in out_fieldn from 0.30 to
 * 0.12 s CPU on 1M rows (whole run 0.93 -> 0.55 s with out_pass_fields). */
static bool
not_plain(const char *s, size_t n)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	uint64_t w, any = 0;
	size_t i = 0;

	if (n < 8) {
		for (; i < n; i++)
			if ((unsigned char)s[i] < 0x0e ||
			    (unsigned char)s[i] >= 0x80)
				return true;
		return false;
	}
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		any |= ((w - ones * 0x0e) | w) & highs;
	}
	memcpy(&w, s + n - 8, 8); /* the tail, overlapping the last word */
	any |= ((w - ones * 0x0e) | w) & highs;
	return any != 0;
}

void
out_fieldn(const char *s, size_t n)
{
	size_t i, run = 0;

	osep();
	if (!not_plain(s, n)) {
		oput(s, n);
		return;
	}
	/* Copy clean runs in one go; a tab, CR, LF or NUL becomes a space
	 * so the table's structure cannot be broken by a field, and a byte
	 * that is not UTF-8 becomes U+FFFD so the output stays UTF-8 (SPEC
	 * section 1) whatever a pass-through column held. */
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		size_t k;

		if (c == '\t' || c == '\r' || c == '\n' || c == '\0') {
			oput(s + run, i - run);
			oput(" ", 1);
			run = i + 1;
		} else if (c >= 0x80) {
			/* Per byte, not per maximal subpart as utf8_fix:
			 * the writer's rule is one U+FFFD a bad byte. */
			k = utf8_len(s + i, n - i, NULL);
			if (k > 0) {
				i += k - 1;
			} else {
				oput(s + run, i - run);
				oput("\xEF\xBF\xBD", 3);
				run = i + 1;
			}
		}
	}
	oput(s + run, n - run);
}

void
out_field(const char *s)
{
	out_fieldn(s ? s : "", s ? strlen(s) : 0);
}

void
out_fieldf(const char *fmt, ...)
{
	char small[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	if ((size_t)n < sizeof small) {
		out_fieldn(small, (size_t)n);
	} else {
		char *big = xmalloc((size_t)n + 1);

		va_start(ap, fmt);
		vsnprintf(big, (size_t)n + 1, fmt, ap);
		va_end(ap);
		out_fieldn(big, (size_t)n);
		free(big);
	}
}

void
out_long(long v)
{
	char buf[24];

	/* lib/num's writer, not printf: extract-minutes writes a line
	 * number a row */
	out_fieldn(buf, num_format_long(buf, sizeof buf, v));
}

void
out_fixed(double v, int decimals)
{
	char buf[64];

	if (!isfinite(v) || fabs(v) >= 1e18) {
		out_empty();
		return;
	}
	snprintf(buf, sizeof buf, "%.*f", decimals, v);
	/* Rounding can give "-0.00": a sign on zero is noise in a table. */
	if (buf[0] == '-' && strspn(buf + 1, "0.") == strlen(buf + 1))
		out_field(buf + 1);
	else
		out_field(buf);
}

void
out_empty(void)
{
	osep();
}

void
out_endrow(void)
{
	if (owidth && ofield != owidth) {
		/* A bug in the tool, never in the data: stop loudly rather
		 * than write a ragged table. */
		fprintf(
		    stderr,
		    "%s: internal error: row of %zu fields, header has %zu\n",
		    cs_prog(), ofield, owidth);
		abort();
	}
	oput("\n", 1);
	ofield = 0;
}

void
out_raw(const char *s, size_t n)
{
	oput(s, n);
}

void
out_header(const char *const names[], size_t n)
{
	owidth = 0;
	for (size_t i = 0; i < n; i++)
		out_field(names[i]);
	out_endrow();
	owidth = n;
}

void
out_row_of(const tsv *t)
{
	for (size_t i = 0; i < t->ncols; i++)
		out_fieldn(t->f[i], t->flen[i]);
}

void
out_pass_header(const tsv *t, const char *const added[], size_t nadd,
                int where[])
{
	size_t n = t->ncols;

	owidth = 0;
	for (size_t i = 0; i < t->ncols; i++)
		out_field(t->cols[i]);
	for (size_t k = 0; k < nadd; k++) {
		where[k] = tsv_col(t, added[k]);
		if (where[k] < 0) {
			out_field(added[k]);
			n++;
		}
	}
	out_endrow();
	owidth = n;
}

void
out_pass_row(const tsv *t, const char *const vals[], size_t nadd,
             const int where[])
{
	out_pass_fields(t->f, t->flen, t->ncols, vals, nadd, where);
}

/* A row split in place by tsv_next has its fields one after another in
 * the line buffer, each ended by the NUL that was its tab.  When none
 * holds a tab, CR, LF or NUL, write them in one copy, the NULs turned
 * back into tabs; false (nothing written) otherwise.  One memcpy a row
 * instead of one a field: join-wards on 100k rows, 512M -> 450M
 * instructions (callgrind). */
static bool
put_whole_row(char *const f[], const size_t flen[], size_t ncols)
{
	size_t span;

	if (ncols == 0)
		return false;
	for (size_t i = 0; i < ncols; i++)
		if ((i > 0 && f[i] != f[i - 1] + flen[i - 1] + 1) ||
		    not_plain(f[i], flen[i]))
			return false;
	span = (size_t)(f[ncols - 1] - f[0]) + flen[ncols - 1];
	if (span >= OUTCAP)
		return false;
	if (span > OUTCAP - olen)
		ospill();
	memcpy(obuf + olen, f[0], span);
	for (size_t i = 0; i + 1 < ncols; i++)
		obuf[olen + (size_t)(f[i] - f[0]) + flen[i]] = '\t';
	olen += span;
	ofield = ncols;
	return true;
}

void
out_pass_fields(char *const f[], const size_t flen[], size_t ncols,
                const char *const vals[], size_t nadd, const int where[])
{
	bool overwrites = false;

	/* Usually every added column is appended: then the input fields go
	 * out without looking each one up in where[]. */
	for (size_t k = 0; k < nadd; k++)
		overwrites |= where[k] >= 0;
	if (!overwrites && ofield == 0 && put_whole_row(f, flen, ncols))
		ncols = 0; /* written */
	for (size_t i = 0; i < ncols; i++) {
		size_t k = nadd;

		if (overwrites)
			for (k = 0; k < nadd; k++)
				if (where[k] == (int)i)
					break;
		if (k < nadd)
			out_field(vals[k]);
		else
			out_fieldn(f[i], flen[i]);
	}
	for (size_t k = 0; k < nadd; k++)
		if (where[k] < 0)
			out_field(vals[k]);
	out_endrow();
}
