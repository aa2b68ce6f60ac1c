/* rank-boroughs - rates per 1000 population and London / peer-group ranks
 * for each group of indicator rows (SPEC section 3).
 *
 * The whole input is held (rows of a group may be anywhere in it) and
 * written back in input order once every group is ranked; with --grouped
 * the input must come group by group, and only one group is held.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "borough.h"
#include "err.h"
#include "geo.h"
#include "opts.h"
#include "mem.h"
#include "rank.h"
#include "tsv.h"

static void usage(void);

static const char *const added[] = {
	"population", "rate_per_1000", "rank",
	"rank_of",    "group_rank",    "group_of"
};

/* Rank what is held, write it out, and start again empty. */
static void
flush(ranker *r)
{
	rank_batch(r);
	if (r->check)
		check_stated(r);
	rank_write(r);
	rank_reset(r);
}

int
main(int argc, char **argv)
{
	enum {
		OPT_VALUE = 256,
		OPT_RANK_BY,
		OPT_DESC,
		OPT_CITY,
		OPT_AREAS,
		OPT_CHECK,
		OPT_AGAINST,
		OPT_AMONG,
		OPT_GROUPED,
		OPT_OLD_GROUP,
		OPT_OLD_AREA,
		OPT_OLD_BY
	};
	static const struct option longopts[] = {
		{ "group-by", required_argument, NULL, 'g' },
		{ "peers", required_argument, NULL, 'G' },
		{ "key", required_argument, NULL, 'k' },
		{ "code", required_argument, NULL, 'c' },
		{ "value", required_argument, NULL, OPT_VALUE },
		{ "population", required_argument, NULL, 'p' },
		{ "rank-by", required_argument, NULL, OPT_RANK_BY },
		{ "desc", no_argument, NULL, OPT_DESC },
		{ "include-city", no_argument, NULL, OPT_CITY },
		{ "areas", required_argument, NULL, OPT_AREAS },
		{ "among", required_argument, NULL, OPT_AMONG },
		{ "check", no_argument, NULL, OPT_CHECK },
		{ "check-against", required_argument, NULL, OPT_AGAINST },
		{ "grouped", no_argument, NULL, OPT_GROUPED },
		/* The spellings before the options were made one across the
		 * tools (README "Conventions"): --group was a peer file here
		 * but columns in rag-flag, --area a column here but a name in
		 * normalise-crime, --by what to rank here but an area level
		 * in normalise-crime, -s --grouped here but --source
		 * elsewhere, -r --desc here but --ref in join-wards. */
		{ "group", required_argument, NULL, OPT_OLD_GROUP },
		{ "area", required_argument, NULL, OPT_OLD_AREA },
		{ "by", required_argument, NULL, OPT_OLD_BY },
		CS_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	static const char *const rank_by[] = { "rate", "value", NULL };
	static const char *const areas[] = { "london", "any", NULL };
	ranker r = { .estimate = POP_MID2020,
		     .geo_estimate = 0,
		     .check_against = "count" };
	const char *groupby = "period,offence,measure", *peers = NULL;
	const char *area_col = "area", *value_col = "value", *code_col = NULL;
	tsv *t;
	int ch;

	cs_setprog(argv[0]);
	while ((ch = cs_getopt(argc, argv, "g:G:k:c:p:rs", longopts, usage)) !=
	       -1) {
		switch (ch) {
		case 'g':
			groupby = optarg;
			break;
		case OPT_OLD_GROUP:
			cs_deprecated("--group FILE", "--peers FILE");
			/* FALLTHROUGH */
		case 'G':
			peers = optarg;
			break;
		case OPT_OLD_AREA:
			cs_deprecated("--area COLUMN", "--key COLUMN");
			/* FALLTHROUGH */
		case 'k':
			area_col = optarg;
			break;
		case 'c':
			code_col = optarg;
			break;
		case OPT_VALUE:
			value_col = optarg;
			break;
		case 'p':
			r.estimate = strcmp(optarg, "input") == 0
			                 ? -1
			                 : borough_estimate(optarg);
			r.geo_estimate = geo_estimate(optarg);
			if (r.estimate < 0 && r.geo_estimate >= 0)
				r.estimate =
				    POP_N; /* only the national table has it */
			if (r.estimate < 0 && strcmp(optarg, "input") != 0)
				cs_usage_error(
				    "--population: '%s' is not one of mid2020, "
				    "mid2022, mid2019, census2021, census2011, "
				    "input",
				    optarg);
			break;
		case OPT_OLD_BY:
			cs_deprecated("--by", "--rank-by");
			/* FALLTHROUGH */
		case OPT_RANK_BY:
			r.by_value =
			    cs_opt_choice("--rank-by", optarg, rank_by) == 1;
			break;
		case 'r':
			cs_deprecated("-r", "--desc");
			/* FALLTHROUGH */
		case OPT_DESC:
			r.desc = true;
			break;
		case OPT_CITY:
			r.include_city = true;
			break;
		case OPT_AREAS:
			r.any_area =
			    cs_opt_choice("--areas", optarg, areas) == 1;
			break;
		case OPT_AMONG: {
			static const char *const names[] = { "london", "force",
				                             "wales", "england",
				                             "england-wales" };
			static const enum among val[] = {
				AMONG_LONDON, AMONG_FORCE, AMONG_WALES,
				AMONG_ENGLAND, AMONG_EW
			};

			r.among = AMONG_FILE;
			r.among_file = optarg;
			for (size_t i = 0; i < sizeof names / sizeof names[0];
			     i++)
				if (strcmp(optarg, names[i]) == 0)
					r.among = val[i];
			break;
		}
		case OPT_CHECK:
			r.check = true;
			break;
		case OPT_AGAINST:
			r.check_against = optarg;
			break;
		case 's':
			cs_deprecated("-s", "--grouped");
			/* FALLTHROUGH */
		case OPT_GROUPED:
			r.grouped = true;
			break;
		}
	}
	if (r.check && r.grouped)
		cs_usage_error("--check needs the whole input: drop --grouped");
	argc -= optind;
	argv += optind;
	rank_init(&r);
	if (peers != NULL)
		peers_load(&r, peers);
	if (r.among == AMONG_FILE)
		among_load(&r, r.among_file);

	t = tsv_open(argc, argv);
	if (tsv_empty(t)) {
		tsv_close(t);
		rank_free(&r);
		return cs_finish(cs_strict());
	}
	r.gcols = tsv_need_list(t, groupby, &r.ngcols);
	r.ncols = tsv_ncols(t);
	r.c_area = tsv_need(t, area_col);
	r.c_value = tsv_need(t, value_col);
	r.c_code = code_col ? tsv_need(t, code_col) : tsv_col(t, "area_code");
	r.c_measure = r.check ? tsv_need(t, "measure") : tsv_col(t, "measure");
	r.c_pop = r.estimate < 0 ? tsv_need(t, "population")
	                         : tsv_col(t, "population");
	r.c_unit = tsv_col(t, "unit");
	r.nadd = peers != NULL ? 6 : 4;
	out_pass_header(t, added, r.nadd, r.where);
	r.colrep = xmalloc(r.ncols * sizeof *r.colrep);
	for (size_t c = 0; c < r.ncols; c++) {
		r.colrep[c] = -1;
		for (size_t k = 0; k < r.nadd; k++)
			if (r.where[k] == (int)c)
				r.colrep[c] = (int)k;
	}

	while (tsv_next(t)) {
		uint32_t g = rank_group_of(&r, t);

		if (r.grouped && r.nrows > 0 && g != r.cur)
			flush(&r);
		rank_add(&r, t, g);
	}
	flush(&r);
	if (peers != NULL)
		peers_report(&r);
	tsv_close(t);
	rank_free(&r);
	return cs_finish(cs_strict());
}

static void
usage(void)
{
	printf(
	    "Usage: rank-boroughs [OPTION]... [FILE]...\n"
	    "Add population, rate_per_1000, rank and rank_of to an indicator "
	    "table,\n"
	    "ranking the London boroughs within each group of rows with the "
	    "same\n"
	    "period, offence and measure.  Rank 1 is the lowest rate (the "
	    "best); ties\n"
	    "share the lower rank (1, 2, 2, 4); the City of London is left "
	    "out.\n"
	    "\n"
	    "  -g, --group-by=COLS     group by these columns (default "
	    "period,offence,measure)\n"
	    "  -k, --key=COL           the area column (default area); "
	    "area_code is used too\n"
	    "  -c, --code=COL          the GSS code column (default area_code, "
	    "if present)\n"
	    "      --value=COL         the value column (default value)\n"
	    "  -p, --population=EST    mid2020 (default), mid2022, mid2019, "
	    "census2021,\n"
	    "                          census2011: built-in ONS figures for "
	    "boroughs (and\n"
	    "                          mid2020, mid2022 for every authority, "
	    "partnership\n"
	    "                          and force area of England and Wales), "
	    "the input's\n"
	    "                          population column for other areas; or "
	    "input: the\n"
	    "                          population column for every row\n"
	    "      --rank-by=rate|value  rank the rate per 1000 (default) or "
	    "the raw value\n"
	    "      --desc              rank 1 is the highest (when higher is "
	    "better)\n"
	    "      --include-city      rank the City of London too (33 areas)\n"
	    "      --areas=london|any  rank only London boroughs (default) or "
	    "every area\n"
	    "      --among=SET         rank each area among: london (the 32 "
	    "boroughs),\n"
	    "                          force (the areas of its police force "
	    "area),\n"
	    "                          wales, england, england-wales (every "
	    "area of its\n"
	    "                          level there), or FILE (a list of "
	    "areas); default:\n"
	    "                          London boroughs among London, "
	    "partnerships among\n"
	    "                          their force's; rank_of is the set's "
	    "size\n"
	    "  -G, --peers=FILE        also rank within a peer group "
	    "(group_rank, group_of):\n"
	    "                          a list of areas, one per line or an "
	    "'area' column;\n"
	    "                          a data file name such as "
	    "group-barnet-msg\n"
	    "      --check             compare rows with measure 'rank' (a "
	    "stated rank,\n"
	    "                          unit 'of N') with the computed rank; "
	    "warn when apart\n"
	    "      --check-against=M   the measure whose rank is stated "
	    "(default count)\n"
	    "      --grouped           the input comes group by group: hold "
	    "one group\n");
	cs_help_common(26);
	fputs("\n"
	      "Examples:\n"
	      "  rank-boroughs indicators.tsv\n"
	      "  rank-boroughs --rank-by value --desc confidence.tsv\n"
	      "  normalise-crime --by csp --window 12 --window-only "
	      "*-gwent-street.csv |\n"
	      "      rank-boroughs               # among Gwent's five "
	      "partnerships\n"
	      "  rank-boroughs --peers group-barnet-msg --check dashboard.tsv\n"
	      "  (head -1 big.tsv; tail -n +2 big.tsv | sort -t\"$(printf "
	      "'\\t')\" -k5,5 -k9,9 -k11,11) |\n"
	      "      rank-boroughs --grouped       # one group in memory\n"
	      "\n"
	      "Exit status: 0 success, 1 data or write error (or warnings with "
	      "--strict),\n"
	      "2 usage error.  The old spellings --group, --area, --by, -r and "
	      "-s still\n"
	      "work, with a warning.  See rank-boroughs(1).\n",
	      stdout);
}
