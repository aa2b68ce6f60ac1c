/* fuzz_nc_agg.c - normalise-crime's held rows (agg.c) and their writer
 * (emit.c): an arbitrary CSV read as main.c reads it, with the options
 * that hold rows for the end, then written as main.c writes them.
 *
 * fuzz_nc_data reads the same inputs with no option, so the police.uk
 * counts it sums are never written, and MPS rows go straight out.  Here
 * the options come from the input's size: --by (none, the London
 * listing; lsoa; ward; lad; csp; force; borough) for police.uk, --level
 * major for MPS, --window (1; 3,12; 12,1,24; none) and --window-only.  At
 * the end, as main.c: the monthly rows (agg_emit_months) unless
 * --window-only, the window rows and their change (agg_emit_windows), the
 * closing police.uk warning.  Every row goes through the strict writer,
 * which aborts on a ragged one (a parent_area column the header lacks).
 * agg_reset and nc_policeuk_report then start the next input afresh. */
#define _GNU_SOURCE
#include "fuzz.h"
#include "geo.h"
#include "nc.h"
#include "tsv.h"

FZ_TABLE_INIT(tax_load(NULL))

static void
options(size_t size, struct nc_opts *o)
{
	static const int levels[] = { -1,      -2,      GEO_WARD, GEO_LAD,
		                      GEO_CSP, GEO_PFA, -1 };
	static const int windows[4][3] = {
		{ 1, 0, 0 }, { 3, 12, 0 }, { 12, 1, 24 }, { 0, 0, 0 }
	};
	size_t lv = size % 7, w = (size / 7) % 4;

	memset(o, 0, sizeof *o);
	o->level = levels[lv];
	o->by = lv == 6 ? "borough" : NULL;
	o->level_major = (size / 28) % 2 == 1;
	for (size_t i = 0; i < 3 && windows[w][i] > 0; i++)
		o->windows[o->nwindows++] = windows[w][i];
	o->window_only = o->nwindows > 0 && (size / 56) % 2 == 1;
}

static void
one(const uint8_t *data, size_t size)
{
	struct nc_opts o;
	char *path = fz_file(data, size);
	lines *in = lines_open(1, &path);
	const char *format;
	char *line;
	size_t n;
	csvin *csv;
	bool held;

	fz_hold(fz_close_lines, in);
	agg_reset();
	nc_policeuk_report(); /* resets its own counts and files */
	options(size, &o);
	if (!lines_next(in, &line, &n)) {
		lines_close(in);
		return;
	}
	/* As main.c: --by gives parent columns, and so does an MPS ward
	 * file (each ward's borough); text is not read here. */
	format = nc_detect(line, n);
	if (strcmp(format, "text") == 0)
		format = "mps";
	nc_parents = o.level != -1 ||
	             (strcmp(format, "mps") == 0 && nc_mps_has_wards(line, n));
	nc_header();
	lines_unread(in);
	csv = csvin_open_lines(in);
	fz_nheld = 0; /* closing csv closes in */
	fz_hold(fz_close_csvin, csv);
	if (strcmp(format, "police-uk") == 0)
		nc_policeuk(csv, &o);
	else
		nc_mps(csv, &o);
	held = o.level_major || strcmp(format, "police-uk") == 0;
	csvin_close(csv);
	if (held && !o.window_only)
		agg_emit_months();
	if (o.nwindows > 0)
		agg_emit_windows(&o);
	nc_policeuk_report();
	FZ_CHECK(out_flush());
}

FZ_TARGET(one)
