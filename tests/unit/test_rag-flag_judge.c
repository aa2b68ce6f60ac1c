/* test_rag-flag_judge.c - rag-flag's judge (cmd/rag-flag/judge.c,
 * target.c, scheme.c, polarity.c) on its own: the direction of each
 * indicator (better, same, worse) by polarity and --band, the group's
 * colour by the share of worse indicators (--red-share), and target mode
 * with its tolerance.  Rows are built here as main.c's group_add would
 * hold them; the scheme is lib/data/scheme-rag.tsv, the polarity table
 * lib/data/polarity.tsv. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "mem.h"
#include "rag.h"
#include "unit.h"

/* The columns of every row built here, in order. */
enum {
	C_AREA,
	C_OFFENCE,
	C_LABEL,
	C_PERIOD,
	C_BASE,
	C_END,
	C_MEASURE,
	C_VALUE,
	C_UNIT,
	C_TARGET,
	C_STATUS,
	NCOLS
};

static const int group_cols[] = { C_AREA, C_OFFENCE };
static const struct cols cols = { .period = C_PERIOD,
	                          .base_period = C_BASE,
	                          .period_end = C_END,
	                          .offence = C_OFFENCE,
	                          .offence_label = C_LABEL,
	                          .measure = C_MEASURE,
	                          .value = C_VALUE,
	                          .unit = C_UNIT,
	                          .target = C_TARGET,
	                          .status = -1,
	                          .group = group_cols,
	                          .ngroup = 2 };

static group g;
static struct verdict v;

/* Hold a row given as "offence|period|base_period|measure|value|target"
 * (area Barnet, unit and labels empty, period_end = period). */
static row *
add(const char *spec)
{
	const char *f[NCOLS] = { "Barnet", "", "", "", "", "",
		                 "",       "", "", "", "" };
	static const int from[] = { C_OFFENCE, C_PERIOD, C_BASE,
		                    C_MEASURE, C_VALUE,  C_TARGET };
	char *copy = xstrdup(spec), *p = copy;
	row *r = xcalloc(1, sizeof *r);

	for (size_t k = 0; k < sizeof from / sizeof from[0] && p; k++) {
		char *bar = strchr(p, '|');

		if (bar)
			*bar = '\0';
		f[from[k]] = p;
		p = bar ? bar + 1 : NULL;
	}
	f[C_END] = f[C_PERIOD];
	r->f = xcalloc(NCOLS, sizeof *r->f);
	r->flen = xcalloc(NCOLS, sizeof *r->flen);
	for (size_t i = 0; i < NCOLS; i++) {
		r->f[i] = xstrdup(f[i]);
		r->flen[i] = strlen(f[i]);
	}
	free(copy);
	r->src = "test";
	r->lineno = (long)g.n + 2;
	g.rows = xgrow(g.rows, &g.cap, g.n + 1, sizeof *g.rows);
	g.rows[g.n++] = r;
	return r;
}

/* Judge the group held with options o, as write_group does; the
 * warnings go to /dev/null (the bats goldens check them).  Returns the
 * group's colour word, "" when none. */
static const char *
verdict(const struct opts *o)
{
	int saved = dup(STDERR_FILENO), null = open("/dev/null", O_WRONLY);

	sbuf_free(&v.reason);
	v = (struct verdict){ .colour = -1 };
	dup2(null, STDERR_FILENO);
	if (o->target_mode)
		judge_target(&g, &cols, o, &v);
	else
		judge_change(&g, &cols, o, &v);
	dup2(saved, STDERR_FILENO);
	close(null);
	close(saved);
	return v.colour < 0 ? "" : scheme_name(v.colour);
}

/* Change mode, --band band. */
static const char *
judge(double band)
{
	struct opts o = { .band = band };

	return verdict(&o);
}

/* Target mode, with --target-value when target_value is not NULL, else
 * each row's target column. */
static const char *
judge_t(const char *target_value)
{
	struct opts o = { .target_mode = true,
		          .target_text = target_value,
		          .target_value =
		              target_value ? atof(target_value) : 0 };

	return verdict(&o);
}

static void
clear(void)
{
	group_clear(&g, NCOLS);
}

/* The direction of a one-row group. */
static const char *
dir1(const char *spec, double band)
{
	static char buf[16];

	clear();
	add(spec);
	judge(band);
	snprintf(buf, sizeof buf, "%s", dir_name(g.rows[0]->dir));
	return buf;
}

static void
test_direction(void)
{
	/* Lower is better (burglary, from the command line). */
	CHECK_STR(dir1("burglary|2023||pct_change|-5", 0), "better");
	CHECK_STR(dir1("burglary|2023||pct_change|5", 0), "worse");
	CHECK_STR(dir1("burglary|2023||pct_change|0", 0), "same");
	/* Higher is better (rj_offers): the same rise is better. */
	CHECK_STR(dir1("rj_offers|2023||pct_change|5", 0), "better");
	CHECK_STR(dir1("rj_offers|2023||pct_change|-5", 0), "worse");
	/* From the polarity table: confidence is better higher. */
	CHECK_STR(dir1("confidence|2023||pct_point_change|-3", 0), "worse");
	/* --band: within +-P is same, the edge included. */
	CHECK_STR(dir1("burglary|2023||pct_change|1.5", 2), "same");
	CHECK_STR(dir1("burglary|2023||pct_change|2", 2), "same");
	CHECK_STR(dir1("burglary|2023||pct_change|-2", 2), "same");
	CHECK_STR(dir1("burglary|2023||pct_change|2.5", 2), "worse");
	CHECK_STR(dir1("burglary|2023||pct_change|-2.5", 2), "better");
	/* A count change is same only at 0, whatever the band. */
	CHECK_STR(dir1("burglary|2023||count_change|1", 5), "worse");
	CHECK_STR(dir1("burglary|2023||count_change|0", 5), "same");
	/* Polarity unknown, not a number: no direction. */
	CHECK_STR(dir1("nosuch_offence|2023||pct_change|5", 0), "");
	CHECK_STR(dir1("burglary|2023||pct_change|n/a", 0), "");

	/* A level against its base_period: +20%, worse; the 2022 row is its
	 * base, not an indicator. */
	clear();
	add("burglary|2023|2022|count|120");
	add("burglary|2022||count|100");
	CHECK_STR(judge(0), "red");
	CHECK(g.rows[0]->dir == DIR_WORSE && g.rows[0]->base == g.rows[1]);
	CHECK(g.rows[1]->role == ROLE_BASE);
	CHECK_STR(sbuf_str(&v.reason),
	          "1 of 1 worse: 2023 count +20.0% (120 vs 100)");
	/* The band is relative for a level: 120 vs 100 is +20%, same within
	 * 25. */
	CHECK_STR(judge(25), "green");
	CHECK(g.rows[0]->dir == DIR_SAME);
	/* A share is compared in points: 45 vs 44 is 1 point (2.3%). */
	clear();
	add("burglary|2023|2022|share_pct|45");
	add("burglary|2022||share_pct|44");
	judge(1);
	CHECK(g.rows[0]->dir == DIR_SAME);
	judge(0.5);
	CHECK(g.rows[0]->dir == DIR_WORSE);
	/* Ranks with no base_period: the latest against the one before;
	 * rank 1 is best (measure rank, lower). */
	clear();
	add("burglary|2021||rank|9");
	add("burglary|2023||rank|5");
	add("burglary|2022||rank|8");
	judge(0);
	CHECK(g.rows[1]->dir == DIR_BETTER && g.rows[1]->base == g.rows[2]);
	CHECK(g.rows[0]->role == ROLE_HISTORY &&
	      g.rows[2]->role == ROLE_HISTORY);
	clear();
}

/* A group of n pct_change rows of burglary, w of them worse. */
static const char *
share(size_t n, size_t w)
{
	clear();
	for (size_t i = 0; i < n; i++)
		add(i < w ? "burglary|2023||pct_change|4"
		          : "burglary|2023||pct_change|-4");
	return judge(0);
}

static void
test_colour(void)
{
	/* scheme-rag: green when none worse, red from 0.75 worse, amber
	 * between. */
	CHECK_STR(share(4, 0), "green");
	CHECK_STR(
	    sbuf_str(&v.reason),
	    "0 of 4 worse; better: 2023 -4%, 2023 -4%, 2023 -4%, 2023 -4%");
	CHECK_STR(share(4, 1), "amber");
	CHECK_STR(share(4, 2), "amber");
	CHECK_STR(share(4, 3), "red");
	CHECK_STR(share(4, 4), "red");
	CHECK_STR(share(3, 2), "amber"); /* 0.67 */
	/* Same counts as judged, not as worse. */
	clear();
	add("burglary|2023||pct_change|0");
	add("burglary|2023||pct_change|3");
	CHECK_STR(judge(0), "amber");
	CHECK(v.same == 1 && v.worse == 1);
	/* Unknown directions are not counted: 1 worse of 1 judged is red. */
	clear();
	add("burglary|2023||pct_change|3");
	add("nosuch_offence|2023||pct_change|-3");
	CHECK_STR(judge(0), "red");
	CHECK(v.unknown == 1);
	/* None judged: no colour. */
	clear();
	add("nosuch_offence|2023||pct_change|-3");
	CHECK_STR(judge(0), "");
	CHECK_STR(sbuf_str(&v.reason), "no indicator with a known direction; "
	                               "unknown: 2023 -3% (polarity unknown)");
	/* --red-share 0.5: half worse is red. */
	scheme_set_red_share(0.5);
	CHECK_STR(share(4, 2), "red");
	CHECK_STR(share(4, 1), "amber");
	/* More than five of a direction: "and N more". */
	scheme_free();
	scheme_load("scheme-rag");
	CHECK_STR(share(7, 7), "red");
	CHECK_STR(sbuf_str(&v.reason),
	          "7 of 7 worse: 2023 +4%, 2023 +4%, "
	          "2023 +4%, 2023 +4%, 2023 +4% and 2 more");
	clear();
}

static void
test_target(void)
{
	/* scheme-rag: met is green; missed by at most 10% amber; beyond, red.
	 * Lower is better for burglary, higher for rj_offers. */
	clear();
	add("burglary|2023||count|95|100");
	CHECK_STR(judge_t(NULL), "green");
	CHECK_STR(sbuf_str(&g.rows[0]->reason),
	          "met: 95 against a target of 100 (lower is better)");
	clear();
	add("burglary|2023||count|100|100");
	CHECK_STR(judge_t(NULL), "green"); /* on the target is met */
	clear();
	add("burglary|2023||count|105|100");
	CHECK_STR(judge_t(NULL), "amber");
	clear();
	add("burglary|2023||count|110|100");
	CHECK_STR(judge_t(NULL), "amber"); /* the edge: not > 10 */
	clear();
	add("burglary|2023||count|115|100");
	CHECK_STR(judge_t(NULL), "red");
	CHECK_STR(
	    sbuf_str(&g.rows[0]->reason),
	    "not met by 15.0%: 115 against a target of 100 (lower is better)");
	clear();
	add("rj_offers|2023||count|118|60");
	CHECK_STR(judge_t(NULL), "green");
	clear();
	add("rj_offers|2023||count|50|60");
	CHECK_STR(judge_t(NULL), "red"); /* 16.7% short */
	/* --tolerance 20: 115 against 100 is amber now. */
	scheme_set_tolerance(20);
	clear();
	add("burglary|2023||count|115|100");
	CHECK_STR(judge_t(NULL), "amber");
	scheme_free();
	scheme_load("scheme-rag");
	/* --target-value: one target for every row; the group is its worst
	 * row. */
	clear();
	add("burglary|2023||count|90");
	add("burglary|2024||count|130");
	add("burglary|2025||count|104");
	CHECK_STR(judge_t("100"), "red");
	CHECK(g.rows[0]->colour == 0 && g.rows[2]->colour == 1);
	CHECK(v.better == 1 && v.worse == 2);
	/* No target, not a number: unknown, and not what colours the group. */
	clear();
	add("burglary|2023||count|90|");
	add("burglary|2024||count|n/a|100");
	add("burglary|2025||count|99|100");
	CHECK_STR(judge_t(NULL), "green");
	CHECK(v.unknown == 2 && v.better == 1);
	clear();
}

int
main(void)
{
	cs_setprog("test_rag-flag_judge");
	setenv("CSPKIT_DATA", "lib/data", 0);
	pol_load("polarity");
	pol_add("burglary", POL_LOWER);
	pol_add("rj_offers", POL_HIGHER);
	scheme_load("scheme-rag");
	test_direction();
	test_colour();
	test_target();
	sbuf_free(&v.reason);
	free(g.rows);
	pol_free();
	scheme_free();
	return unit_done();
}
