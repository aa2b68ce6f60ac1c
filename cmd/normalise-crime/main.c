/* normalise-crime - report text or a published crime data file in, the
 * indicator table (SPEC section 2) out.
 *
 * Each operand is read on its own: its first line says what it is (or
 * --format does), then the reader for that format takes the whole
 * operand.  Rows that need the whole input (police.uk counts, --level
 * major, --window) are written after the last operand. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "geo.h"
#include "opts.h"
#include "mem.h"
#include "nc.h"
#include "sniff.h"

static void usage(void);
static void parse_windows(const char *arg, struct nc_opts *o);
static lines *open_operand(char *name, const struct nc_opts *o,
                           const char **format, bool *wards);
static bool read_lines(lines *in, const char *format, const struct nc_opts *o);
static bool read_operand(char *name, const struct nc_opts *o);

enum { OPT_BY = 256, OPT_LEVEL, OPT_WINDOW_ONLY, OPT_CHECK };

static const struct option longopts[] = {
	{ "format", required_argument, NULL, 'f' },
	{ "source", required_argument, NULL, 's' },
	{ "area", required_argument, NULL, 'a' },
	{ "taxonomy", required_argument, NULL, 't' },
	{ "by", required_argument, NULL, OPT_BY },
	{ "level", required_argument, NULL, OPT_LEVEL },
	{ "window", required_argument, NULL, 'w' },
	{ "window-only", no_argument, NULL, OPT_WINDOW_ONLY },
	{ "check", no_argument, NULL, OPT_CHECK },
	CS_COMMON_OPTIONS,
	{ NULL, 0, NULL, 0 },
};

int
main(int argc, char *argv[])
{
	static const char *const formats[] = { "text", "mps", "police-uk",
		                               NULL };
	static const char *const levels[] = { "major", "minor", NULL };
	struct nc_opts o = { .level = -1 };
	bool held = false, wards = false;
	static char stdin_name[] = "-";
	char *stdin_only[] = { stdin_name }, **ops;
	const char *format = NULL;
	lines *first;
	int nops;
	int c;

	cs_setprog(argv[0]);
	o.areas = xcalloc((size_t)argc, sizeof *o.areas);
	while ((c = cs_getopt(argc, argv, "f:s:a:t:w:", longopts, usage)) !=
	       -1) {
		switch (c) {
		case 'f':
			cs_opt_choice("--format", optarg, formats);
			o.format = optarg;
			break;
		case 's':
			o.source = optarg;
			break;
		case 'a':
			if (o.area == NULL)
				o.area = optarg;
			o.areas[o.nareas++] = optarg;
			break;
		case 't':
			o.taxonomy = optarg;
			break;
		case OPT_BY:
			/* lsoa and the national levels (geo.h); borough is the
			 * London listing by the LSOA name. */
			o.level = strcmp(optarg, "force") == 0 ? GEO_PFA
			          : strcmp(optarg, "borough") == 0
			              ? -1
			              : geo_level(optarg);
			if (o.level == -1 && strcmp(optarg, "borough") != 0)
				cs_usage_error("--by: '%s' is not lsoa, ward, "
				               "lad, csp, force "
				               "or borough",
				               optarg);
			o.by = optarg;
			break;
		case OPT_LEVEL:
			o.level_major =
			    cs_opt_choice("--level", optarg, levels) == 0;
			break;
		case 'w':
			parse_windows(optarg, &o);
			break;
		case OPT_WINDOW_ONLY:
			o.window_only = true;
			break;
		case OPT_CHECK:
			o.check = true;
			break;
		}
	}
	o.strict = cs_strict();
	if (o.window_only && o.nwindows == 0)
		cs_usage_error("--window-only needs --window N");

	tax_load(o.taxonomy);
	nc_parents = o.level != -1;
	if (optind == argc) {
		ops = stdin_only;
		nops = 1;
	} else {
		ops = argv + optind;
		nops = argc - optind;
	}
	/* The first operand is opened before the header is written: an MPS
	 * ward file names each ward's borough, and the table then has the
	 * parent_area columns. */
	first = open_operand(ops[0], &o, &format, &wards);
	if (wards)
		nc_parents = true;
	nc_header();
	if (first != NULL)
		held |= read_lines(first, format, &o);
	for (int i = 1; i < nops; i++)
		held |= read_operand(ops[i], &o);
	nc_area_check(&o);
	if (held && !o.window_only)
		agg_emit_months();
	if (o.nwindows > 0)
		agg_emit_windows(&o);
	nc_policeuk_report();
	free(o.areas);
	return cs_finish(o.strict);
}

/* Open one operand and read its first line: the format it is in (or
 * --format), and whether it is an MPS ward file.  NULL when it is empty. */
static lines *
open_operand(char *name, const struct nc_opts *o, const char **format,
             bool *wards)
{
	lines *in = lines_open(1, &name);
	char *line;
	size_t n;

	if (!lines_next(in, &line, &n)) {
		lines_close(in); /* empty input: no rows */
		return NULL;
	}
	*format = o->format;
	if (*format == NULL &&
	    strcmp(*format = nc_detect(line, n), "text") == 0)
		sniff_crime_csv(lines_source(in), line, n);
	if (wards != NULL)
		*wards =
		    strcmp(*format, "mps") == 0 && nc_mps_has_wards(line, n);
	lines_unread(in);
	return in;
}

/* Read an opened operand in its format; true when its monthly rows are
 * held for the end (police.uk counts, --level major) rather than already
 * written. */
static bool
read_lines(lines *in, const char *format, const struct nc_opts *o)
{
	if (strcmp(format, "text") == 0) {
		nc_text(in, o);
		lines_close(in);
		return false;
	}
	csvin *csv = csvin_open_lines(in);

	if (strcmp(format, "mps") == 0)
		nc_mps(csv, o);
	else
		nc_policeuk(csv, o);
	csvin_close(csv);
	return o->level_major || strcmp(format, "police-uk") == 0;
}

static bool
read_operand(char *name, const struct nc_opts *o)
{
	const char *format;
	lines *in = open_operand(name, o, &format, NULL);

	return in != NULL && read_lines(in, format, o);
}

/* --window 3,12: window lengths in months, 1..120. */
static void
parse_windows(const char *arg, struct nc_opts *o)
{
	const char *p = arg;

	while (*p != '\0') {
		char *end;
		long n = strtol(p, &end, 10);

		if (end == p || n < 1 || n > 120 ||
		    (*end != ',' && *end != '\0'))
			cs_usage_error("--window: '%s' is not a list of month "
			               "counts (1-120)",
			               arg);
		p = *end == ',' ? end + 1 : end;
		/* --window 3,3 or --window 3 --window 3: one window 3 */
		for (size_t i = 0; i < o->nwindows; i++)
			if (o->windows[i] == n)
				n = 0;
		if (n == 0)
			continue;
		if (o->nwindows == sizeof o->windows / sizeof o->windows[0])
			cs_usage_error("--window: at most %zu windows",
			               sizeof o->windows /
			                   sizeof o->windows[0]);
		o->windows[o->nwindows++] = (int)n;
	}
	if (o->nwindows == 0)
		cs_usage_error("--window: no month count given");
}

static void
usage(void)
{
	fputs(
	    "Usage: normalise-crime [OPTION]... [FILE]...\n"
	    "Read report text or a published crime data file and write the "
	    "indicator\n"
	    "table: source line area area_code period period_start period_end\n"
	    "base_period offence offence_label measure value unit (TSV).\n"
	    "With no FILE, or when FILE is -, read standard input.\n"
	    "\n"
	    "  -f, --format FMT      text, mps or police-uk (default: from the "
	    "first line)\n"
	    "  -s, --source NAME     name written in the source column\n"
	    "  -a, --area NAME       text: the area the report is about; mps, "
	    "police-uk:\n"
	    "                        keep only this area (name or code; "
	    "repeatable)\n"
	    "  -t, --taxonomy FILE   offence taxonomy instead of the built-in "
	    "one\n"
	    "      --by LEVEL        police-uk: count per lsoa, ward, lad "
	    "(local authority),\n"
	    "                        csp (partnership) or force, with "
	    "parent_area and\n"
	    "                        total_crime; or per borough (London, by "
	    "LSOA name)\n"
	    "      --level major     mps: sum minor categories to major "
	    "categories\n"
	    "  -w, --window N[,N...] also sum the N months ending at the "
	    "latest month,\n"
	    "                        the same N months a year earlier, and the "
	    "change\n"
	    "      --window-only     write the window rows only\n"
	    "      --check           text: recompute stated changes\n",
	    stdout);
	cs_help_common(24);
	fputs(
	    "\n"
	    "Examples:\n"
	    "  normalise-crime 'MPS Borough Level Crime (most recent 24 "
	    "months).csv'\n"
	    "  normalise-crime --area Barnet --window 3,12 --window-only "
	    "mps_borough.csv\n"
	    "  normalise-crime --level major --area Barnet mps_ward.csv\n"
	    "  normalise-crime --by borough 2023-01-metropolitan-street.csv\n"
	    "  normalise-crime --by csp --window 3,12 --window-only "
	    "2022-*-gwent-street.csv\n"
	    "  pdftotext -layout report.pdf - | normalise-crime --area Barnet\n"
	    "\n"
	    "Exit status: 0 success, 1 data error, 2 usage error.\n",
	    stdout);
}
