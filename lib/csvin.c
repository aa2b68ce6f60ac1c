/* csvin.c - pull-style CSV records over libcsv (see csvin.h).
 *
 * libcsv pushes fields through callbacks; we feed it one line at a time
 * from lines.h so that every record's starting line is known, and keep
 * the fields of finished records in an arena until the caller has read
 * them.
 *
 * Most lines of a published file have no quote at all (the MPS files:
 * 88-100% of rows).  Such a line is one record whose fields are its
 * comma-separated parts, blanks trimmed as libcsv trims them, so it is
 * split in place (split_plain) instead: no callbacks, no copy.  With the
 * TSV writer's own fast path this took normalise-crime --format mps from
 * 1.00 to 0.83 s CPU on a 50 MB ward file with a fifth of its rows quoted
 * (tests/bench/gen-mps.awk).  A differential run against the libcsv-only
 * reader on 1,500 random files of blanks, commas, quotes, CRs and NULs and
 * on every CSV in ../shared/data gave the same records and line numbers. */
#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "cols.h"
#include "csvin.h"
#include "err.h"
#include "lines.h"
#include "mem.h"

typedef struct {
	size_t first, n; /* fields [first, first+n) */
	long lineno;
} record;

struct csvin {
	struct csv_parser p;
	lines *in;
	char *name;
	char *names[1]; /* lines_open keeps the array: it must live here */
	bool done;
	sbuf data;         /* field bytes, each followed by NUL */
	size_t *off, *len; /* per field */
	size_t nf, fcap;
	record *rec; /* finished records */
	size_t nrec, rcap, cur;
	bool in_record;  /* a record has begun but not ended */
	long start_line; /* line where the open record began */
	bool cr_open;    /* a CR fed to libcsv may have left a row open */
	/* The current record when it is a plain line split in place. */
	bool plain;
	char **pf; /* fields, NUL-terminated in the line buffer */
	size_t *plen, pnf, pcap;
	long pline;
};

static void
on_field(void *s, size_t n, void *arg)
{
	csvin *c = arg;

	if (c->nf == c->fcap) {
		size_t cap = c->fcap;

		c->off = xgrow(c->off, &cap, c->nf + 1, sizeof *c->off);
		c->len = xrealloc(c->len, cap * sizeof *c->len);
		c->fcap = cap;
	}
	c->off[c->nf] = c->data.len;
	c->len[c->nf] = n;
	sbuf_add(&c->data, s ? s : "", s ? n : 0);
	sbuf_addc(&c->data, '\0');
	c->nf++;
}

static void
on_record(int term, void *arg)
{
	csvin *c = arg;
	size_t first =
	    c->nrec ? c->rec[c->nrec - 1].first + c->rec[c->nrec - 1].n : 0;

	(void)term;
	c->rec = xgrow(c->rec, &c->rcap, c->nrec + 1, sizeof *c->rec);
	c->rec[c->nrec].first = first;
	c->rec[c->nrec].n = c->nf - first;
	c->rec[c->nrec].lineno = c->start_line;
	c->nrec++;
	c->in_record = false;
}

static csvin *
csvin_new(const char *name)
{
	csvin *c = xcalloc(1, sizeof *c);

	c->name = xstrdup(name ? name : "-");
	/* An unterminated quote at the end of input is an error, not a field. */
	if (csv_init(&c->p, CSV_STRICT_FINI) != 0)
		cs_die(CS_EXIT_DATA, "out of memory");
	return c;
}

csvin *
csvin_open(const char *name)
{
	csvin *c = csvin_new(name);

	c->names[0] = c->name;
	c->in = lines_open(1, c->names);
	return c;
}

lines *
csvin_lines(csvin *c)
{
	return c->in;
}

csvin *
csvin_open_lines(lines *in)
{
	csvin *c = csvin_new(lines_source(in));

	c->in = in;
	return c;
}

/* Drop the records already read, keeping any fields of an open record. */
static void
compact(csvin *c)
{
	size_t keep =
	    c->nrec ? c->rec[c->nrec - 1].first + c->rec[c->nrec - 1].n : 0;
	size_t from = keep < c->nf ? c->off[keep] : c->data.len;

	if (keep > 0) {
		memmove(c->data.s, c->data.s + from, c->data.len - from);
		c->data.len -= from;
		for (size_t i = keep; i < c->nf; i++) {
			c->off[i - keep] = c->off[i] - from;
			c->len[i - keep] = c->len[i];
		}
		c->nf -= keep;
	}
	c->nrec = 0;
	c->cur = 0;
}

/* libcsv grows its field buffer by a fixed block (128 bytes), so a long
 * field costs one realloc per block: quadratic copying wherever realloc
 * cannot grow in place (ASan took over 10 minutes for one 50 MB field).
 * Feeding it in pieces and setting the block to the buffer's size before
 * each makes the growth geometric. */
#define PARSE_PIECE (64 * 1024)

static bool
is_blank(char ch)
{
	return ch == ' ' || ch == '\t'; /* what libcsv trims by default */
}

/* A line with no quote and no CR (libcsv ends a record at a CR) that is
 * not all blanks (libcsv skips those): split it at commas into the
 * current record, each field trimmed of blanks.  False, having touched
 * nothing, for any other line. */
static bool
split_plain(csvin *c, char *line, size_t n)
{
	char *end = line + n, *s = line;
	size_t k = 0;

	if (memchr(line, '"', n) != NULL || memchr(line, '\r', n) != NULL)
		return false;
	while (s < end && is_blank(*s))
		s++;
	if (s == end)
		return false;
	for (s = line;; k++) {
		char *comma = memchr(s, ',', (size_t)(end - s));
		char *stop = comma ? comma : end;

		while (s < stop && is_blank(*s))
			s++;
		while (stop > s && is_blank(stop[-1]))
			stop--;
		if (k == c->pcap) {
			size_t cap = c->pcap;

			c->pf = xgrow(c->pf, &cap, k + 1, sizeof *c->pf);
			c->plen = xrealloc(c->plen, cap * sizeof *c->plen);
			c->pcap = cap;
		}
		c->pf[k] = s;
		c->plen[k] = (size_t)(stop - s);
		*stop = '\0';
		if (comma == NULL)
			break;
		s = comma + 1;
	}
	c->pnf = k + 1;
	c->pline = lines_lineno(c->in);
	c->plain = true;
	return true;
}

static void
parse(csvin *c, const char *s, size_t n, long lineno)
{
	while (n > 0) {
		size_t k = n < PARSE_PIECE ? n : PARSE_PIECE;
		size_t have = csv_get_buffer_size(&c->p);

		if (have > PARSE_PIECE)
			csv_set_blk_size(&c->p, have);
		if (csv_parse(&c->p, s, k, on_field, on_record, c) != k)
			cs_die_at(CS_EXIT_DATA, c->name, lineno, "%s",
			          csv_strerror(csv_error(&c->p)));
		s += k;
		n -= k;
	}
}

bool
csvin_next(csvin *c)
{
	c->plain = false;
	if (c->cur + 1 < c->nrec) {
		c->cur++;
		return true;
	}
	compact(c);
	while (c->nrec == 0 && !c->done) {
		char *line;
		size_t n, nrec;

		if (!lines_next(c->in, &line, &n)) {
			c->done = true;
			/* Every line was fed with its LF, so a record still open
			 * here is inside a quote that never closed (libcsv's
			 * CSV_STRICT_FINI alone does not report it). */
			if (c->in_record ||
			    csv_fini(&c->p, on_field, on_record, c) != 0)
				cs_die_at(CS_EXIT_DATA, c->name, c->start_line,
				          "unterminated quoted field");
			break;
		}
		if (!c->in_record) {
			if (n == 0)
				continue;
			if (!c->cr_open && split_plain(c, line, n))
				return true;
			c->in_record = true;
			c->start_line = lines_lineno(c->in);
		}
		parse(c, line, n, lines_lineno(c->in));
		/* libcsv ends a record at a CR, so after a line with one it
		 * may hold the start of a row that in_record does not show:
		 * no plain lines until a record ends at a line's end. */
		if (memchr(line, '\r', n) != NULL)
			c->cr_open = true;
		nrec = c->nrec;
		parse(c, "\n", 1, lines_lineno(c->in));
		if (c->nrec > nrec)
			c->cr_open = false;
	}
	return c->nrec > 0;
}

size_t
csvin_nfields(const csvin *c)
{
	if (c->plain)
		return c->pnf;
	return c->nrec ? c->rec[c->cur].n : 0;
}

const char *
csvin_get(const csvin *c, size_t i)
{
	if (c->plain)
		return i < c->pnf ? c->pf[i] : "";
	if (c->nrec == 0 || i >= c->rec[c->cur].n)
		return "";
	return c->data.s + c->off[c->rec[c->cur].first + i];
}

size_t
csvin_len(const csvin *c, size_t i)
{
	if (c->plain)
		return i < c->pnf ? c->plen[i] : 0;
	if (c->nrec == 0 || i >= c->rec[c->cur].n)
		return 0;
	return c->len[c->rec[c->cur].first + i];
}

int
csvin_col(const csvin *c, const char *const names[])
{
	size_t n = csvin_nfields(c);
	const char **cell = xcalloc(n + 1, sizeof *cell);
	size_t *len = xcalloc(n + 1, sizeof *len);
	int i;

	for (size_t j = 0; j < n; j++) {
		cell[j] = csvin_get(c, j);
		len[j] = csvin_len(c, j);
	}
	i = col_find(cell, len, n, names);
	free(cell);
	free(len);
	return i;
}

long
csvin_lineno(const csvin *c)
{
	if (c->plain)
		return c->pline;
	return c->nrec ? c->rec[c->cur].lineno : 0;
}

const char *
csvin_source(const csvin *c)
{
	return c->name;
}

void
csvin_close(csvin *c)
{
	if (c == NULL)
		return;
	csv_free(&c->p);
	lines_close(c->in);
	sbuf_free(&c->data);
	free(c->off);
	free(c->len);
	free(c->rec);
	free(c->pf);
	free(c->plen);
	free(c->name);
	free(c);
}
