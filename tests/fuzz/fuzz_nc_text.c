/* fuzz_nc_text.c - normalise-crime's text reader (nc_text, cmd/
 * normalise-crime/ without main.c) over an arbitrary report: statistics
 * tables and statistic sentences.  Rows go through the strict writer. */
#define _GNU_SOURCE
#include "fuzz.h"
#include "nc.h"
#include "tsv.h"

FZ_TABLE_INIT(tax_load(NULL))

static void
one(const uint8_t *data, size_t size)
{
	struct nc_opts o = { 0 };
	char *path = fz_file(data, size);
	lines *in = lines_open(1, &path);

	fz_hold(fz_close_lines, in);

	o.format = "text";
	o.check = size % 2 == 1;
	o.area = size % 3 == 0 ? "Barnet" : NULL;
	nc_header();
	nc_text(in, &o);
	lines_close(in);
	FZ_CHECK(out_flush());
}

FZ_TARGET(one)
