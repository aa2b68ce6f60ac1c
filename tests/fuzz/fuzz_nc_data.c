/* fuzz_nc_data.c - normalise-crime's CSV readers (nc_mps, nc_policeuk;
 * cmd/normalise-crime/ without main.c) over an arbitrary file, the format
 * detected from its first line as main.c does, or forced to MPS when the
 * first line does not say (so nc_mps sees every input too).  Rows go
 * through the strict writer. */
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
	const char *format;
	char *line;
	size_t n;
	csvin *csv;

	fz_hold(fz_close_lines, in);
	nc_header();
	if (!lines_next(in, &line, &n)) {
		lines_close(in);
		return;
	}
	format = nc_detect(line, n);
	lines_unread(in);
	csv = csvin_open_lines(in);
	fz_nheld = 0; /* closing csv closes in */
	fz_hold(fz_close_csvin, csv);
	if (strcmp(format, "police-uk") == 0)
		nc_policeuk(csv, &o);
	else
		nc_mps(csv, &o);
	csvin_close(csv);
	FZ_CHECK(out_flush());
}

FZ_TARGET(one)
