/* csvin.c - pull-style CSV records over libcsv (see csvin.h).
 *
 * libcsv pushes fields through callbacks; we feed it one line at a time
 * from lines.h so that every record's starting line is known, and keep
 * the fields of finished records in an arena until the caller has read
 * them. */
#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "csvin.h"
#include "err.h"
#include "lines.h"
#include "mem.h"

typedef struct {
	size_t first, n;   /* fields [first, first+n) */
	long lineno;
} record;

struct csvin {
	struct csv_parser p;
	lines *in;
	char *name;
	bool done;
	sbuf data;           /* field bytes, each followed by NUL */
	size_t *off, *len;   /* per field */
	size_t nf, fcap;
	record *rec;         /* finished records */
	size_t nrec, rcap, cur;
	bool in_record;      /* a record has begun but not ended */
	long start_line;     /* line where the open record began */
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
	size_t first = c->nrec ? c->rec[c->nrec - 1].first + c->rec[c->nrec - 1].n : 0;

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
	char *names[1];

	names[0] = c->name;
	c->in = lines_open(1, names);
	return c;
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
	size_t keep = c->nrec ? c->rec[c->nrec - 1].first + c->rec[c->nrec - 1].n : 0;
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
	if (c->cur + 1 < c->nrec) {
		c->cur++;
		return true;
	}
	compact(c);
	while (c->nrec == 0 && !c->done) {
		char *line;
		size_t n;

		if (!lines_next(c->in, &line, &n)) {
			c->done = true;
			/* Every line was fed with its LF, so a record still open
			 * here is inside a quote that never closed (libcsv's
			 * CSV_STRICT_FINI alone does not report it). */
			if (c->in_record || csv_fini(&c->p, on_field, on_record, c) != 0)
				cs_die_at(CS_EXIT_DATA, c->name, c->start_line,
					  "unterminated quoted field");
			break;
		}
		if (!c->in_record) {
			if (n == 0)
				continue;
			c->in_record = true;
			c->start_line = lines_lineno(c->in);
		}
		parse(c, line, n, lines_lineno(c->in));
		parse(c, "\n", 1, lines_lineno(c->in));
	}
	return c->nrec > 0;
}

size_t
csvin_nfields(const csvin *c)
{
	return c->nrec ? c->rec[c->cur].n : 0;
}

const char *
csvin_get(const csvin *c, size_t i)
{
	if (c->nrec == 0 || i >= c->rec[c->cur].n)
		return "";
	return c->data.s + c->off[c->rec[c->cur].first + i];
}

size_t
csvin_len(const csvin *c, size_t i)
{
	if (c->nrec == 0 || i >= c->rec[c->cur].n)
		return 0;
	return c->len[c->rec[c->cur].first + i];
}

long
csvin_lineno(const csvin *c)
{
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
	free(c->name);
	free(c);
}
