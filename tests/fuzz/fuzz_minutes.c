/* fuzz_minutes.c - extract-minutes' parser (cmd/extract-minutes/ without
 * main.c) fed an arbitrary file the way main.c feeds it: lines made valid
 * UTF-8 (text_line_fix), then the layout clean-up, then the minutes.  The rows go through the strict
 * writer, which aborts on a ragged row.  One parser serves every input,
 * as in the tool (people.c loads its word lists once per process), each
 * input being one operand that minutes_end_file closes. */
#define _GNU_SOURCE
#include "fuzz.h"
#include "layout.h"
#include "lines.h"
#include "mem.h"
#include "minutes.h"
#include "text.h"
#include "tsv.h"

static minutes *m;

FZ_TABLE_INIT(m = minutes_new(NULL))

static void
to_minutes(void *arg, const char *source, long line, const char *s, size_t n,
           unsigned flags)
{
	minutes_line(arg, source, line, s, n, flags);
}

static void
free_layout(void *ly)
{
	layout_free(ly);
}

static void
one(const uint8_t *data, size_t size)
{
	char *path = fz_file(data, size);
	lines *in = lines_open(1, &path);
	static sbuf fixed;
	layout *ly = layout_new(to_minutes, m);
	bool warned = false;
	char *line;
	size_t len;

	fz_hold(fz_close_lines, in);
	fz_hold(fz_free_sbuf, &fixed);
	fz_hold(free_layout, ly);

	minutes_header();
	while (lines_next(in, &line, &len)) {
		text_line_fix(line, len, &fixed, lines_source(in),
		              lines_lineno(in), &warned, 0);
		layout_line(ly, lines_source(in), lines_lineno(in),
		            sbuf_str(&fixed), fixed.len);
	}
	layout_end_file(ly);
	minutes_end_file(m, path);
	layout_free(ly);
	lines_close(in);
	sbuf_free(&fixed);
	FZ_CHECK(out_flush());
}

FZ_TARGET(one)
