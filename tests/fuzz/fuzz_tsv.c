/* fuzz_tsv.c - tsv.h: the reader over an arbitrary file (once, or as two
 * operands of one stream), every row passed through the writer with two
 * added columns, one of which may overwrite an input column.  The writer
 * aborts on a row whose width differs from its header, so a reader that
 * returned a ragged row is a crash here. */
#define _GNU_SOURCE
#define FZ_WRAP_LINES
#include "fuzz.h"
#include "tsv.h"

FZ_TABLE_INIT()

static void
one(const uint8_t *data, size_t size)
{
	char *path = fz_file(data, size);
	char *names[2] = { path, path };
	/* "value" is overwritten when the input has it; "rag" is appended. */
	static const char *const added[] = { "value", "rag" };
	const char *vals[2];
	int where[2];
	tsv *t = tsv_open(size % 2 ? 2 : 1, names);

	fz_hold(fz_close_tsv, t);

	if (tsv_empty(t)) {
		tsv_close(t);
		return;
	}
	FZ_CHECK(tsv_ncols(t) >= 1);
	for (size_t i = 0; i < tsv_ncols(t); i++)
		FZ_CHECK(tsv_col(t, tsv_colname(t, i)) <= (int)i);
	out_pass_header(t, added, 2, where);
	while (tsv_next(t)) {
		size_t total = 0;

		FZ_CHECK(tsv_lineno(t) >= 2);
		for (size_t i = 0; i < tsv_ncols(t); i++) {
			FZ_CHECK(memchr(tsv_get(t, i), '\t', tsv_len(t, i)) ==
			         NULL);
			total += tsv_len(t, i);
		}
		vals[0] = total % 2 ? "1.5" : NULL;
		vals[1] = tsv_ncols(t) > 0 ? tsv_get(t, 0) : NULL;
		out_pass_row(t, vals, 2, where);
	}
	tsv_close(t);
	FZ_CHECK(out_flush());
}

FZ_TARGET(one)
