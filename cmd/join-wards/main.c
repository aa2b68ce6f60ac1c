/* join-wards - add ONS ward code, name, borough, boundary set and
 * population (and the census it counts) to each row of a TSV that names a ward (SPEC section 3). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "opts.h"
#include "match.h"
#include "tsv.h"
#include "rowinfo.h"
#include "wardref.h"

static const char *const added[] = {
	"ward_code", "ward_name",  "lad_code",          "lad_name",
	"vintage",   "population", "population_source",
};
enum { NADD = sizeof added / sizeof added[0] };

/* Input columns (-1 when not used) and the fixed answers of the options. */
typedef struct {
	int key, code, borough;
	const char *borough_name, *lad, *vintage;
} in_cols;

static query row_query(const tsv *in, const in_cols *c, borough_cache *bc,
                       period_cols *pc);
static void usage(void);

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "key", required_argument, NULL, 'k' },
		{ "code", required_argument, NULL, 'c' },
		{ "borough-column", required_argument, NULL, 'b' },
		{ "borough", required_argument, NULL, 'B' },
		{ "vintage", required_argument, NULL, 'v' },
		{ "ref", required_argument, NULL, 'r' },
		{ "ref-code", required_argument, NULL, 'C' },
		{ "ref-name", required_argument, NULL, 'N' },
		{ "ref-population", required_argument, NULL, 'P' },
		CS_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	const char *key = "area", *code_col = NULL, *boro_col = NULL;
	const char *borough = NULL, *vintage = NULL;
	bool key_given = false;
	wardref_opts ro = { 0 };
	int ch, where[NADD];
	in_cols cols = { -1, -1, -1, NULL, NULL, NULL };
	matcher mt = { 0 };
	period_cols pc;
	borough_cache bc;
	wardref *ref;
	tsv *in;

	cs_setprog(argv[0]);
	while ((ch = cs_getopt(argc, argv, "k:c:b:r:", longopts, usage)) !=
	       -1) {
		switch (ch) {
		case 'k':
			key = optarg;
			key_given = true;
			break;
		case 'c':
			code_col = optarg;
			break;
		case 'b':
			boro_col = optarg;
			break;
		case 'B':
			borough = optarg;
			break;
		case 'v':
			vintage = optarg;
			break;
		case 'r':
			ro.path = optarg;
			break;
		case 'C':
			ro.code = optarg;
			break;
		case 'N':
			ro.name = optarg;
			break;
		case 'P':
			ro.population = optarg;
			break;
		}
	}
	if (borough != NULL && boro_col != NULL)
		cs_usage_error("give -b COLUMN or --borough NAME, not both");
	if (ro.path != NULL && strcmp(ro.path, "-") == 0)
		cs_usage_error("-r: the reference must be a file, not stdin");

	/* The reference: what every row is matched against. */
	ref = wardref_load(&ro);
	mt.ref = ref;
	if (vintage != NULL && !wardref_has_vintage(ref, vintage)) {
		sbuf sets = SBUF_INIT;

		wardref_vintages(ref, &sets);
		cs_usage_error(
		    "--vintage %s: no such boundary set in %s (it has %s)",
		    vintage, wardref_path(ref), sets.s);
	}
	if (borough != NULL &&
	    (cols.lad = wardref_lad(ref, borough, strlen(borough))) == NULL) {
		sbuf near = SBUF_INIT;

		if (*wardref_near_lad(ref, borough, &near) != '\0')
			cs_usage_error(
			    "--borough %s: not a local authority of %s "
			    "(nearest: %s)",
			    borough, wardref_path(ref), near.s);
		cs_usage_error("--borough %s: not a local authority of %s",
		               borough, wardref_path(ref));
	}

	/* The input: columns by name, checked before any data is read. */
	in = tsv_open(argc - optind, argv + optind);
	if (tsv_empty(in)) {
		tsv_close(in);
		wardref_free(ref);
		return cs_finish(cs_strict());
	}
	cols.key = key_given || code_col == NULL ? tsv_need(in, key)
	                                         : tsv_col(in, key);
	if (code_col != NULL)
		cols.code = tsv_need(in, code_col);
	if (boro_col != NULL)
		cols.borough = tsv_need(in, boro_col);
	/* Codes before names: normalise-crime writes area_code, and for a
	 * ward file the ward's borough as parent_area.  --vintage asks for
	 * the wards of one boundary set, so it names them: a 2014 code
	 * (E05000044 Burnt Oak) is then read as its name in 2022's set. */
	if (code_col == NULL && vintage == NULL)
		cols.code = tsv_col(in, "area_code");
	if (boro_col == NULL && borough == NULL)
		cols.borough = tsv_col(in, "parent_area");
	cols.borough_name = borough;
	cols.vintage = vintage;
	period_cols_init(&pc, in, vintage == NULL && wardref_vintaged(ref));
	bcache_init(&bc, ref);
	out_pass_header(in, added, NADD, where);

	while (tsv_next(in)) {
		query q = row_query(in, &cols, &bc, &pc);
		const char *vals[NADD] = { NULL };
		match m;

		if (match_row(&mt, &q, tsv_source(in), tsv_lineno(in), &m)) {
			vals[0] = m.w->code;
			vals[1] = m.w->name;
			vals[2] = m.w->lad_code;
			vals[3] = m.w->lad_name;
			vals[4] = m.vintage;
			vals[5] = m.w->population;
			vals[6] = m.w->pop_source;
		}
		out_pass_row(in, vals, NADD, where);
	}
	tsv_close(in);
	bcache_free(&bc);
	period_cols_free(&pc);
	matcher_free(&mt);
	wardref_free(ref);
	return cs_finish(cs_strict());
}

/* What the current row says: its code, name, borough and boundary set. */
static query
row_query(const tsv *in, const in_cols *c, borough_cache *bc, period_cols *pc)
{
	query q = { .borough = "", .lad = c->lad, .vintage = c->vintage };

	if (c->code >= 0) {
		q.code = tsv_get(in, (size_t)c->code);
		q.code_len = tsv_len(in, (size_t)c->code);
	}
	if (c->key >= 0) {
		q.name = tsv_get(in, (size_t)c->key);
		q.name_len = tsv_len(in, (size_t)c->key);
	}
	if (c->borough_name != NULL) {
		q.borough = c->borough_name;
		q.borough_len = strlen(c->borough_name);
	} else if (c->borough >= 0 && tsv_len(in, (size_t)c->borough) > 0) {
		q.borough = tsv_get(in, (size_t)c->borough);
		q.borough_len = tsv_len(in, (size_t)c->borough);
		q.lad = bcache_lad(bc, q.borough, q.borough_len);
	}
	if (q.vintage == NULL)
		q.vintage = period_vintage(pc, in);
	return q;
}

static void
usage(void)
{
	printf("Usage: %s [OPTION]... [FILE]...\n", cs_prog());
	fputs("Add ward_code ward_name lad_code lad_name vintage population\n"
	      "population_source (census2011 or census2021) to each row of\n"
	      "a TSV that names a ward (an indicator table, say).  Names match "
	      "across case,\n"
	      "'&'/'and', punctuation and a trailing \"Ward\"; codes match "
	      "exactly.  A row\n"
	      "that matches no single ward passes through with the added "
	      "fields empty and\n"
	      "a warning naming the candidates.\n"
	      "\n"
	      "  -k, --key COLUMN          ward name column (default: area)\n"
	      "  -c, --code COLUMN         ward code column, matched first "
	      "when not empty\n"
	      "                            (default: area_code, when the input "
	      "has it and\n"
	      "                            --vintage is not given)\n"
	      "  -b, --borough-column COLUMN  borough of each row (name or E09 "
	      "code;\n"
	      "                            default: parent_area, when the "
	      "input has it)\n"
	      "      --borough NAME        the borough of every row\n"
	      "      --vintage 2014|2022   boundary set: 2014 = wards before "
	      "May 2022,\n"
	      "                            2022 = wards from May 2022; by "
	      "default taken\n"
	      "                            from period_start/period_end or "
	      "period\n"
	      "  -r, --ref FILE            an ONS ward lookup (CSV or TSV) "
	      "instead of the\n"
	      "                            built-in London table (WDyyCD, "
	      "WDyyNM,\n"
	      "                            LADyyCD, LADyyNM found by name)\n"
	      "      --ref-code COLUMN     its ward code column\n"
	      "      --ref-name COLUMN     its ward name column\n"
	      "      --ref-population COLUMN  its population column\n",
	      stdout);
	cs_help_common(28);
	fputs("\n"
	      "Examples:\n"
	      "  join-wards --borough Barnet --vintage 2022 wards.tsv\n"
	      "  join-wards -c area_code indicators.tsv\n"
	      "  join-wards -k WardName -b borough -r Ward_to_LAD_Dec_2023.csv "
	      "crime.tsv\n"
	      "\n"
	      "Exit status: 0 success, 1 data error (or a warning with "
	      "--strict),\n"
	      "2 usage error.\n",
	      stdout);
}
