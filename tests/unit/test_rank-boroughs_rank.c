/* test_rank-boroughs_rank.c - rank-boroughs' ranker (cmd/rank-boroughs/
 * rank.c) on its own: ties share the lower rank (1, 2, 2, 4), --desc,
 * rows with no number left out of the count, ties as exact equality of the
 * unrounded rate, and groups ranked apart wherever their rows stand. */
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "rank.h"
#include "tmpfile.h"
#include "unit.h"

/* Rank the table text (columns period, area, value and maybe population)
 * by period, with --areas any and the options of *r as the caller set
 * them, as rank-boroughs' main loop does without --grouped.  The
 * warnings ("no value: not ranked") go to /dev/null: the bats goldens
 * check their words. */
static void
rank_text(ranker *r, const char *text)
{
	char path[32], *names[1] = { path };
	int saved = dup(STDERR_FILENO), null = open("/dev/null", O_WRONLY);
	tsv *t;

	unit_tmpfile(path, text, strlen(text));
	r->any_area = true;
	r->estimate = -1;
	rank_init(r);
	t = tsv_open(1, names);
	r->gcols = tsv_need_list(t, "period", &r->ngcols);
	r->ncols = tsv_ncols(t);
	r->c_area = tsv_need(t, "area");
	r->c_value = tsv_need(t, "value");
	r->c_code = r->c_measure = r->c_unit = -1;
	r->c_pop = tsv_col(t, "population");
	dup2(null, STDERR_FILENO);
	while (tsv_next(t))
		rank_add(r, t, rank_group_of(r, t));
	rank_batch(r);
	dup2(saved, STDERR_FILENO);
	close(null);
	close(saved);
	tsv_close(t);
	unlink(path);
}

/* A column of the rows as rank-boroughs writes it, in input order:
 * rank (of_too false) or rank_of, "-" for an empty cell: "1 2 2 4". */
static const char *
column(const ranker *r, bool of_too)
{
	static char buf[256];
	size_t k = 0;

	for (size_t i = 0; i < r->nrows && k + 12 < sizeof buf; i++) {
		int32_t v = of_too ? r->rows[i].rank_of : r->rows[i].rank;

		if (v > 0 || of_too)
			k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%d",
			                      i ? " " : "", v);
		else
			k += (size_t)snprintf(buf + k, sizeof buf - k, "%s-",
			                      i ? " " : "");
	}
	buf[k] = '\0';
	return buf;
}

#define ranks(r) column((r), false)
#define rank_of(r) column((r), true)

static void
test_ties(void)
{
	static const char in[] = "period\tarea\tvalue\n"
	                         "2023\tAlpha\t10\n"
	                         "2023\tBeta\t20\n"
	                         "2023\tGamma\t20\n"
	                         "2023\tDelta\t30\n";
	ranker r = { .by_value = true };

	rank_text(&r, in);
	CHECK_STR(ranks(&r), "1 2 2 4");
	CHECK_STR(rank_of(&r), "4 4 4 4");
	rank_free(&r);

	/* --desc: rank 1 is the highest; the tie still shares the lower
	 * rank, and the next rank skips past it. */
	r = (ranker){ .by_value = true, .desc = true };
	rank_text(&r, in);
	CHECK_STR(ranks(&r), "4 2 2 1");
	rank_free(&r);

	/* Input order does not matter: the same ranks follow the rows. */
	r = (ranker){ .by_value = true };
	rank_text(&r, "period\tarea\tvalue\n"
	              "2023\tDelta\t30\n2023\tGamma\t20\n"
	              "2023\tAlpha\t10\n2023\tBeta\t20\n");
	CHECK_STR(ranks(&r), "4 2 1 2");
	rank_free(&r);

	/* All tied: all first. */
	r = (ranker){ .by_value = true };
	rank_text(&r, "period\tarea\tvalue\n"
	              "2023\tAlpha\t5\n2023\tBeta\t5\n2023\tGamma\t5\n");
	CHECK_STR(ranks(&r), "1 1 1");
	rank_free(&r);
}

static void
test_missing(void)
{
	/* An empty value and one that is not a number are not ranked and
	 * not counted in rank_of; the tie among the rest is as before. */
	static const char in[] = "period\tarea\tvalue\n"
	                         "2023\tAlpha\t10\n"
	                         "2023\tBeta\t\n"
	                         "2023\tGamma\t20\n"
	                         "2023\tDelta\t20\n"
	                         "2023\tEpsilon\tn/a\n"
	                         "2023\tZeta\t30\n";
	ranker r = { .by_value = true };

	rank_text(&r, in);
	CHECK_STR(ranks(&r), "1 - 2 2 - 4");
	CHECK_STR(rank_of(&r), "4 0 4 4 0 4");
	rank_free(&r);

	r = (ranker){ .by_value = true, .desc = true };
	rank_text(&r, in);
	CHECK_STR(ranks(&r), "4 - 2 2 - 1");
	rank_free(&r);

	/* A tie with a missing value between its rows. */
	r = (ranker){ .by_value = true };
	rank_text(&r, "period\tarea\tvalue\n"
	              "2023\tAlpha\t7\n2023\tBeta\t\n2023\tGamma\t7\n");
	CHECK_STR(ranks(&r), "1 - 1");
	CHECK_STR(rank_of(&r), "2 0 2");
	rank_free(&r);
}

static void
test_rates(void)
{
	/* By rate per 1000: 10/1000 and 20/2000 are the same rate and tie;
	 * 10.001/1000 prints as 10.00 too but is not equal, so it is ranked
	 * apart (the unrounded rate decides). */
	ranker r = { 0 };

	rank_text(&r, "period\tarea\tvalue\tpopulation\n"
	              "2023\tAlpha\t10\t1000\n"
	              "2023\tBeta\t20\t2000\n"
	              "2023\tGamma\t10.001\t1000\n"
	              "2023\tDelta\t5\t1000\n");
	CHECK(r.rows[0].rate == 10 && r.rows[1].rate == 10);
	CHECK_STR(ranks(&r), "2 2 4 1");
	rank_free(&r);

	/* No population: no rate, not ranked, by rate; by value it is. */
	r = (ranker){ 0 };
	rank_text(&r, "period\tarea\tvalue\tpopulation\n"
	              "2023\tAlpha\t10\t1000\n"
	              "2023\tBeta\t20\t\n"
	              "2023\tGamma\t30\t1000\n");
	CHECK(isnan(r.rows[1].rate));
	CHECK_STR(ranks(&r), "1 - 2");
	rank_free(&r);
}

static void
test_groups(void)
{
	/* Two groups whose rows are interleaved: each is ranked on its own,
	 * and the same key is the same group wherever it comes back. */
	ranker r = { .by_value = true };

	rank_text(&r, "period\tarea\tvalue\n"
	              "2022\tAlpha\t3\n"
	              "2023\tAlpha\t1\n"
	              "2022\tBeta\t2\n"
	              "2023\tBeta\t2\n"
	              "2022\tGamma\t1\n");
	CHECK(r.ngroups == 2);
	CHECK(r.rows[0].group == r.rows[2].group &&
	      r.rows[2].group == r.rows[4].group);
	CHECK(r.rows[1].group == r.rows[3].group &&
	      r.rows[0].group != r.rows[1].group);
	CHECK_STR(ranks(&r), "3 1 2 2 1");
	CHECK_STR(rank_of(&r), "3 2 3 2 3");
	rank_free(&r);
}

int
main(void)
{
	cs_setprog("test_rank-boroughs_rank");
	setenv("CSPKIT_DATA", "lib/data", 0);
	test_ties();
	test_missing();
	test_rates();
	test_groups();
	return unit_done();
}
