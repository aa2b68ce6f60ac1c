/* rag-flag - red, amber or green for each group of indicators, with the
 * indicators that decided it (SPEC section 3).
 *
 * Rows are held per group; a group is the run of consecutive rows with
 * the same group columns (lib/group.h's consecutive rule), so memory is
 * bounded by the largest group (and one key per group, to notice a group
 * that comes back), not by the input.  A group that comes back after
 * another is flagged again on its own, with a warning (sort the input by
 * the group columns).  What is written, and how, is in output.c. */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "group.h"
#include "opts.h"
#include "mem.h"
#include "rag.h"
#include "tsv.h"

enum {
	OPT_BAND = 256,
	OPT_RED_SHARE,
	OPT_POLARITY,
	OPT_HIGHER,
	OPT_LOWER,
	OPT_TARGET,
	OPT_TARGET_VALUE,
	OPT_TOLERANCE,
	OPT_STATUS,
	OPT_SCHEME,
	OPT_SUMMARY,
	OPT_COLOR
};

static const struct option longopts[] = {
	{ "group-by", required_argument, NULL, 'g' },
	{ "band", required_argument, NULL, OPT_BAND },
	{ "red-share", required_argument, NULL, OPT_RED_SHARE },
	{ "polarity", required_argument, NULL, OPT_POLARITY },
	{ "higher-is-better", required_argument, NULL, OPT_HIGHER },
	{ "lower-is-better", required_argument, NULL, OPT_LOWER },
	{ "target", required_argument, NULL, OPT_TARGET },
	{ "target-value", required_argument, NULL, OPT_TARGET_VALUE },
	{ "tolerance", required_argument, NULL, OPT_TOLERANCE },
	{ "status", required_argument, NULL, OPT_STATUS },
	{ "scheme", required_argument, NULL, OPT_SCHEME },
	{ "summary", no_argument, NULL, OPT_SUMMARY },
	{ "color", optional_argument, NULL, OPT_COLOR },
	{ "colour", optional_argument, NULL, OPT_COLOR },
	CS_COMMON_OPTIONS,
	{ NULL, 0, NULL, 0 }
};

static _Noreturn void usage(void);
static double opt_number(const char *opt, const char *s, double lo, double hi);

int
main(int argc, char *argv[])
{
	struct run run = { .o = { .band = 0 } };
	const char *groups = "area,offence", *polarity = "polarity",
	           *scheme = "scheme-rag", *target = NULL, *status = NULL;
	double red_share = NAN, tolerance = NAN;
	const char *color = "auto";
	int opt;
	tsv *t;
	group g = { 0 };
	grouping *gr;

	cs_setprog(argv[0]);
	while ((opt = cs_getopt(argc, argv, "g:", longopts, usage)) != -1) {
		switch (opt) {
		case 'g':
			groups = optarg;
			break;
		case OPT_BAND:
			run.o.band = opt_number("--band", optarg, 0, 1e9);
			break;
		case OPT_RED_SHARE:
			red_share = opt_number("--red-share", optarg, 0, 1);
			if (red_share == 0)
				cs_usage_error(
				    "--red-share must be above 0: '%s'",
				    optarg);
			break;
		case OPT_POLARITY:
			polarity = optarg;
			break;
		case OPT_HIGHER:
			pol_add(optarg, POL_HIGHER);
			break;
		case OPT_LOWER:
			pol_add(optarg, POL_LOWER);
			break;
		case OPT_TARGET:
			target = optarg;
			run.o.target_mode = true;
			break;
		case OPT_TARGET_VALUE:
			run.o.target_value =
			    opt_number("--target-value", optarg, -1e18, 1e18);
			run.o.target_text = optarg;
			run.o.target_mode = true;
			break;
		case OPT_TOLERANCE:
			tolerance = opt_number("--tolerance", optarg, 0, 1e9);
			break;
		case OPT_STATUS:
			status = optarg;
			run.o.target_mode = true;
			break;
		case OPT_SCHEME:
			scheme = optarg;
			break;
		case OPT_SUMMARY:
			run.o.summary = true;
			break;
		case OPT_COLOR:
			color = optarg ? optarg : "always";
			break;
		}
	}
	if (target && run.o.target_text)
		cs_usage_error("--target and --target-value: give one of them");
	run.o.color = want_color(color);
	pol_load(polarity);
	scheme_load(scheme);
	if (!isnan(red_share))
		scheme_set_red_share(red_share);
	if (!isnan(tolerance))
		scheme_set_tolerance(tolerance);

	t = tsv_open(argc - optind, argv + optind);
	if (tsv_empty(t)) {
		tsv_close(t);
		return cs_finish(cs_strict());
	}
	run.ncols = tsv_ncols(t);
	run.c.group = tsv_need_list(t, groups, &run.c.ngroup);
	run.c.value = tsv_need(t, "value");
	run.c.measure =
	    run.o.target_mode ? tsv_col(t, "measure") : tsv_need(t, "measure");
	run.c.target = target ? tsv_need(t, target) : -1;
	run.c.status = status ? tsv_need(t, status) : -1;
	run.c.period = tsv_col(t, "period");
	run.c.base_period = tsv_col(t, "base_period");
	run.c.period_end = tsv_col(t, "period_end");
	run.c.offence = tsv_col(t, "offence");
	run.c.offence_label = tsv_col(t, "offence_label");
	run.c.unit = tsv_col(t, "unit");
	write_header(t, &run);

	/* Groups are consecutive (lib/group.h): one is held at a time. */
	gr = grouping_new(run.c.group, run.c.ngroup);
	while (tsv_next(t)) {
		enum group_run gs;

		grouping_row(gr, t, &gs);
		if (gs != GROUP_SAME && g.n > 0)
			write_group(&g, &run);
		/* Per-row targets need no group, except to summarise. */
		if (gs == GROUP_BACK && (!run.o.target_mode || run.o.summary))
			cs_warn_at(tsv_source(t), tsv_lineno(t),
			           "this group came before, with other groups "
			           "between: "
			           "flagged again on its own (sort by the "
			           "group columns)");
		group_add(&g, t, tsv_source(t));
	}
	if (g.n > 0)
		write_group(&g, &run);

	grouping_free(gr);
	sbuf_free(&run.colour);
	free(g.rows);
	free((void *)run.c.group);
	tsv_close(t);
	pol_free();
	scheme_free();
	return cs_finish(cs_strict());
}

/* A number option in [lo, hi], or a usage error. */
static double
opt_number(const char *opt, const char *s, double lo, double hi)
{
	char *end;
	double v = strtod(s, &end);

	if (end == s || *end != '\0' || !isfinite(v) || v < lo || v > hi)
		cs_usage_error("%s: '%s' is not a number from %g to %g", opt, s,
		               lo, hi);
	return v;
}

static _Noreturn void
usage(void)
{
	printf("Usage: %s [OPTION]... [FILE]...\n", cs_prog());
	fputs("Flag each group of indicators (an indicator TSV, SPEC section "
	      "2) red, amber\n"
	      "or green, and add the columns direction, rag and rag_reason.\n"
	      "\n"
	      "Change mode (default): each indicator gets direction better, "
	      "worse or same\n"
	      "from its pct_change, count_change or pct_point_change, or from "
	      "its value\n"
	      "against the row of its base_period, or (a rank) against its "
	      "previous rank.\n"
	      "A group is green when no indicator is worse, red when the worse "
	      "share is at\n"
	      "least --red-share, amber otherwise.  rag_reason names the "
	      "indicators that\n"
	      "decided it, at most 5 of each direction, then \"and N more\".\n"
	      "\n"
	      "  -g, --group-by COL[,COL...]\n"
	      "                             group columns (default "
	      "area,offence)\n"
	      "      --band P               a change within +-P percent "
	      "(points) is same (0)\n"
	      "      --red-share R          worse share that makes red "
	      "(scheme: 0.75)\n"
	      "      --polarity FILE        polarity rules (default "
	      "polarity.tsv)\n"
	      "      --higher-is-better KEY an offence key or measure where "
	      "higher is better\n"
	      "      --lower-is-better KEY  ... where lower is better\n"
	      "\n"
	      "Target mode: each row against its own target; a group is its "
	      "worst row.\n"
	      "      --target COLUMN        the column holding each row's "
	      "target\n"
	      "      --target-value N       one target for every row\n"
	      "      --tolerance P          missed by at most P percent is "
	      "amber (scheme: 10)\n"
	      "      --status COLUMN        status words (On track, Delayed "
	      "...) give the flag\n"
	      "\n"
	      "      --scheme FILE          colours and thresholds (default "
	      "scheme-rag.tsv;\n"
	      "                             scheme-barnet-corporate for four "
	      "colours)\n"
	      "      --summary              one row per group: group columns, "
	      "rag,\n"
	      "                             rag_reason and counts\n"
	      "      --color[=WHEN]         colour the flag: never, always, "
	      "auto (default;\n"
	      "                             a terminal and NO_COLOR unset)\n",
	      stdout);
	cs_help_common(29);
	fputs("\n"
	      "Examples:\n"
	      "  normalise-crime dashboard.txt | rag-flag --summary\n"
	      "  rag-flag --band 2 --red-share 0.6 indicators.tsv\n"
	      "  rag-flag --target target --higher-is-better rj_offers "
	      "--summary plan.tsv\n"
	      "  rag-flag --status status --scheme scheme-barnet-corporate "
	      "actions.tsv\n",
	      stdout);
	exit(out_flush() && fflush(stdout) == 0 ? CS_EXIT_OK : CS_EXIT_DATA);
}
