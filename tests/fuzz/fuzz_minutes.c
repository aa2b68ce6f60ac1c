/* fuzz_minutes.c - extract-minutes' parser (cmd/extract-minutes/ without
 * main.c) fed an arbitrary file the way main.c feeds it: lines made valid
 * UTF-8, cleaned, page furniture dropped.  The rows go through the strict
 * writer, which aborts on a ragged row.  One parser serves every input,
 * as in the tool (people.c loads its word lists once per process), each
 * input being one operand that minutes_end_file closes. */
#define _GNU_SOURCE
#include "fuzz.h"
#include "lines.h"
#include "mem.h"
#include "minutes.h"
#include "text.h"
#include "tsv.h"

static minutes *m;

FZ_TABLE_INIT(m = minutes_new(NULL))

static void
one(const uint8_t *data, size_t size)
{
	char *path = fz_file(data, size);
	lines *in = lines_open(1, &path);
	static sbuf fixed;
	char *line;
	size_t len;

	fz_hold(fz_close_lines, in);
	fz_hold(fz_free_sbuf, &fixed);

	minutes_header();
	while (lines_next(in, &line, &len)) {
		sbuf_clear(&fixed);
		utf8_fix(line, len, &fixed);
		fixed.len =
		    text_clean(fixed.s ? fixed.s : (char *)"", fixed.len);
		if (fixed.s)
			fixed.s[fixed.len] = '\0';
		if (text_is_furniture(sbuf_str(&fixed), fixed.len))
			continue;
		minutes_line(m, lines_source(in), lines_lineno(in),
		             sbuf_str(&fixed), fixed.len);
	}
	minutes_end_file(m, path);
	lines_close(in);
	sbuf_free(&fixed);
	FZ_CHECK(out_flush());
}

FZ_TARGET(one)
