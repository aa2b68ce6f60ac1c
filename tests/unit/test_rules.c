/* test_rules.c - the recogniser-table mechanism (lib/rules.c), then every
 * rule table under lib/data: each "yes" example must match its rule and
 * each "no" example must not.  A new rules-*.tsv is picked up by name. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "ref.h"
#include "rules.h"
#include "unit.h"
#include "child.h"

static char dir[64];

static const char *
put(const char *name, const char *s)
{
	static char path[256];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	if (f == NULL || fputs(s, f) == EOF || fclose(f) != 0) {
		perror(path);
		exit(99);
	}
	return path;
}

static void
load(const char *path)
{
	rules_free(rules_load(path, NULL));
	exit(0);
}

/* Load TABLE as the file NAME and run its self-test quietly: how many
 * examples failed, and in *nex how many there were. */
static int
selftest_of(const char *name, const char *table, size_t *nex)
{
	cs_ruleset *rs = rules_load(put(name, table), NULL);
	FILE *devnull = fopen("/dev/null", "w");
	int failed = rules_selftest(rs, devnull, nex);

	fclose(devnull);
	rules_free(rs);
	return failed;
}

static void
test_mechanism(void)
{
	char path[256];
	cs_ruleset *rs;
	cs_rmatch m;
	size_t so, eo, nex;
	const char *s;

	put("words.tsv", "word\tkind\nfell\tdown\nfell by\tdown\nrose\tup\n"
	                 "a.b\tdown\n");
	snprintf(path, sizeof path, "%s/words.tsv", dir);
	put("r.tsv", "# a comment\nkind\tname\tflags\ttext\n");
	{
		char body[1024];

		snprintf(body, sizeof body,
		         "kind\tname\tflags\ttext\n"
		         "vocab\t-\t\t%s\n"
		         "rule\tdown\ti\t(?<what>\\w+) {{down}} (?<n>\\d+)%%\n"
		         "need\tdown\t\t{{down}}\n"
		         "yes\tdown\t\tBurglary fell by 12%%\n"
		         "yes\tdown\t\tRobbery FELL 3%%\n"
		         "no\tdown\t\tRobbery rose 3%%\n"
		         "no\tdown\t\tRobbery axb 3%%\n"
		         "rule\tup\t\t(\\w+) {{up}} (\\d+)%%\n"
		         "yes\tup\t\tcrime rose 5%%\n"
		         "no\tup\t\tcrime fell 5%%\n",
		         path);
		put("r.tsv", body);
	}
	snprintf(path, sizeof path, "%s/r.tsv", dir);
	rs = rules_load(path, NULL);
	CHECK(rules_count(rs) == 2);
	CHECK_STR(rules_name(rs, 1), "up");
	CHECK(rules_name(rs, 2) == NULL);
	CHECK(rules_find(rs, "down") == 0 && rules_find(rs, "nope") == -1);

	/* The longer word wins ("fell by", not "fell" then "by"). */
	s = "Burglary fell by 12% on last year";
	CHECK(rules_first(rs, s, strlen(s), &m) == 0 && m.rule == 0);
	CHECK(rules_named(rs, &m, "n", &so, &eo) && so == 17 && eo == 19);
	CHECK(rules_named(rs, &m, "what", &so, &eo) && so == 0 && eo == 8);
	CHECK(!rules_named(rs, &m, "nosuch", &so, &eo));
	CHECK(rules_group(&m, 0, &so, &eo) && so == 0 && eo == 20);
	/* Captures stay with the caller's match after another match. */
	{
		cs_rmatch m2;
		const char *t = "crime rose 5%";

		CHECK(rules_first(rs, t, strlen(t), &m2) == 1);
		CHECK(rules_group(&m2, 2, &so, &eo) && so == 11 && eo == 12);
		CHECK(rules_named(rs, &m, "n", &so, &eo) && so == 17);
	}
	CHECK(rules_first(rs, "no figure", 9, &m) == -1 && m.rule == -1);
	CHECK(!rules_group(&m, 0, &so, &eo));
	/* From an offset: the first figure is passed over. */
	s = "a fell 1% and b fell 2%";
	CHECK(rules_exec(rs, 0, s, strlen(s), 3, &m));
	CHECK(rules_named(rs, &m, "n", &so, &eo) && s[so] == '2');
	/* A need of {{down}} is the vocabulary's words, lower-cased. */
	{
		sbuf b = { 0 };
		cs_rtext t;

		rules_text(&t, &b, "Robbery FELL 3%", 15);
		CHECK(rules_needs_met(rs, 0, &t));
		rules_text(&t, &b, "Robbery rose 3%", 15);
		CHECK(!rules_needs_met(rs, 0, &t));
		CHECK(rules_needs_met(rs, 1, &t));
		sbuf_free(&b);
	}
	CHECK(rules_selftest(rs, stderr, &nex) == 0 && nex == 6);
	rules_free(rs);

	/* A failing example is reported with file:line and counted. */
	CHECK(selftest_of("bad.tsv",
	                  "kind\tname\tflags\ttext\nrule\tx\t\t^x$\n"
	                  "yes\tx\t\ty\nno\tx\t\tx\n",
	                  &nex) == 2 &&
	      nex == 2);

	/* Needs: a rule is tried only on text holding one of its words (and
	 * with d a digit; with a, the word right after one), and a "yes"
	 * example its need turns away is a failure: the need is wrong. */
	put("need.tsv", "kind\tname\tflags\ttext\n"
	                "rule\tup\ti\t\\b(?:rose|up) by \\d+\n"
	                "need\tup\td\trose |up |\n"
	                "yes\tup\t\tCrime ROSE by 3\n"
	                "rule\tnth\ti\t\\d(?:st|th)\\b\n"
	                "need\tnth\tda\tst|th\n"
	                "yes\tnth\t\tthe 4th\n"
	                "rule\tfree\t\tx\n"
	                "yes\tfree\t\tx\n");
	snprintf(path, sizeof path, "%s/need.tsv", dir);
	rs = rules_load(path, NULL);
	{
		sbuf b = { 0 };
		cs_rtext t;

		rules_text(&t, &b, "Crime ROSE by 3", 15);
		CHECK_STR(t.lc, "crime rose by 3");
		CHECK(t.digit && rules_needs_met(rs, 0, &t));
		rules_text(&t, &b, "Crime ROSE by three", 19);
		CHECK(!t.digit && !rules_needs_met(rs, 0, &t));
		rules_text(&t, &b, "fell by 3, up 2", 15);
		CHECK(rules_needs_met(rs, 0, &t));
		rules_text(&t, &b, "fell by 3 with 2", 16);
		CHECK(!rules_needs_met(rs, 0, &t));
		rules_text(&t, &b, "with the 14TH", 13);
		CHECK(rules_needs_met(rs, 1, &t));
		/* "th" of "with" and "the", none after a digit */
		rules_text(&t, &b, "with the 14 others", 18);
		CHECK(!rules_needs_met(rs, 1, &t));
		/* an Arabic-Indic digit may match \d (UCP) */
		rules_text(&t, &b, "the \xd9\xa4th", 8);
		CHECK(t.digit && rules_needs_met(rs, 1, &t));
		rules_text(&t, &b, "\xc2\xa3 and \xe2\x80\x99", 10);
		CHECK(!t.digit);
		/* capitals lowered, eight bytes at a time then the rest;
		 * the bytes around them and non-ASCII ones left */
		s = "@AZ[`az{ QUICK Brown \xc3\x89T\xc3\xa9 FOX";
		rules_text(&t, &b, s, strlen(s));
		CHECK_STR(t.lc, "@az[`az{ quick brown \xc3\x89t\xc3\xa9 fox");
		/* eight bytes at a time, then byte by byte */
		s = "a long sentence without a single digit in it";
		rules_text(&t, &b, s, strlen(s));
		CHECK(!t.digit);
		s = "a long sentence with the digit 7 well inside";
		rules_text(&t, &b, s, strlen(s));
		CHECK(t.digit);
		s = "a long sentence that ends in a digit: 9";
		rules_text(&t, &b, s, strlen(s));
		CHECK(t.digit);
		s = "long, with \xc2\xa3 and \xe2\x80\x99 and \xc3\xa9 but "
		    "none";
		rules_text(&t, &b, s, strlen(s));
		CHECK(!t.digit);
		s = "long, with an Arabic-Indic digit \xd9\xa4 inside it";
		rules_text(&t, &b, s, strlen(s));
		CHECK(t.digit);
		s = "a long sentence that does not end with \xd9\x80 one";
		rules_text(&t, &b, s, strlen(s));
		CHECK(!t.digit);
		rules_text(&t, &b, "anything", 8);
		CHECK(rules_needs_met(rs, 2, &t));
		/* rules_text_digits: the same text, lower-cased, digit and
		 * fold, from a range of a longer text and its digits; a
		 * long s or Kelvin sign (fold) in a text with other bytes
		 * past ASCII, and none in one of ASCII alone */
		{
			const char *u[] = {
				"x 12: Crime ROSE by 3. y",
				"x 12: Crime ROSE by three. y",
				"x 12: the \xd9\xa4th long enough. y",
				"x 12: \xc2\xa3 \xc5\xbfix ROSE. y",
				"x 12: \xc2\xa3 2 \xe2\x84\xaa. y",
				"x 12: \xc2\xa3 and \xe2\x80\x99 ROSE. y",
				"x 12: plain ASCII all the way. y",
			};
			sbuf b2 = { 0 };
			cs_rtext t2;
			cs_rdigits d;

			for (size_t k = 0; k < sizeof u / sizeof *u; k++) {
				size_t n = strlen(u[k]) - 3;

				rules_text(&t, &b, u[k] + 6, n - 6);
				rules_digits(&d, u[k], 6, n);
				rules_text_digits(&t2, &b2, &d);
				CHECK_STR(t2.lc, t.lc);
				CHECK(t2.digit == t.digit && t2.fold == t.fold);
				CHECK(t.fold == (k == 3 || k == 4));
			}
			sbuf_free(&b2);
		}
		sbuf_free(&b);
	}
	CHECK(rules_selftest(rs, stderr, &nex) == 0 && nex == 3);
	rules_free(rs);
	/* A need that turns away its rule's own example fails the
	 * selftest, naming file:line ("risen" holds neither word). */
	put("badneed.tsv", "kind\tname\tflags\ttext\n"
	                   "rule\tup\ti\t\\b(?:rose|risen|up) by\n"
	                   "need\tup\t\trose|up \n"
	                   "yes\tup\t\tCrime rose by 3\n"
	                   "yes\tup\t\tCrime has RISEN by 3\n"
	                   "no\tup\t\tCrime fell by 3\n");
	snprintf(path, sizeof path, "%s/badneed.tsv", dir);
	rs = rules_load(path, NULL);
	{
		char got[512] = "";
		FILE *f = fmemopen(got, sizeof got, "w");

		CHECK(rules_selftest(rs, f, &nex) == 1 && nex == 3);
		fclose(f);
		CHECK(strstr(got, "badneed.tsv:5: rule up: its need turns "
		                  "away: Crime has RISEN by 3\n") != NULL);
	}
	rules_free(rs);
	/* ... and one with a digit need on a figure written in words */
	CHECK(selftest_of("badneed2.tsv",
	                  "kind\tname\tflags\ttext\n"
	                  "rule\tn\ti\t\\d|three\n"
	                  "need\tn\td\t\n"
	                  "yes\tn\t\tthree burglaries\n",
	                  &nex) == 1 &&
	      nex == 1);

	/* Defects in a table are fatal, naming file:line. */
	CHECK(child_fails(
	    load, put("e1.tsv", "kind\tname\tflags\ttext\nyes\tx\t\ty\n"),
	    "e1.tsv:2: example for rule 'x'"));
	CHECK(child_fails(
	    load,
	    put("e2.tsv",
	        "kind\tname\tflags\ttext\nrule\tx\t\ta\nrule\tx\t\tb\n"),
	    "e2.tsv:3: rule 'x' defined twice"));
	CHECK(child_fails(
	    load, put("e3.tsv", "kind\tname\tflags\ttext\nmaybe\tx\t\ta\n"),
	    "e3.tsv:2: kind 'maybe'"));
	CHECK(child_fails(
	    load, put("e4.tsv", "kind\tname\tflags\ttext\nrule\tx\t\t{{up}}\n"),
	    "{{up}} needs a vocabulary"));
	{
		char body[512];

		snprintf(body, sizeof body,
		         "kind\tname\tflags\ttext\n"
		         "vocab\t-\t\t%s/words.tsv\nrule\tx\t\t{{sideways}}\n",
		         dir);
		CHECK(child_fails(load, put("e5.tsv", body),
		                  "{{sideways}}: no word of that kind"));
	}
	CHECK(child_fails(
	    load,
	    put("e6.tsv", "kind\tname\tflags\ttext\nrule\tx\t\t(unclosed\n"),
	    "e6.tsv:2: bad pattern"));
	CHECK(child_fails(
	    load, put("e8.tsv", "kind\tname\tflags\ttext\nneed\tx\t\ta\n"),
	    "e8.tsv:2: need for rule 'x'"));
	CHECK(
	    child_fails(load,
	                put("e9.tsv", "kind\tname\tflags\ttext\nrule\tx\t\ta\n"
	                              "need\tx\t\ta\nneed\tx\t\tb\n"),
	                "e9.tsv:4: rule 'x' has a need"));
	CHECK(
	    child_fails(load,
	                put("e10.tsv", "kind\tname\tflags\ttext\nrule\tx\t\ta\n"
	                               "need\tx\tq\ta\n"),
	                "e10.tsv:3: need flag 'q'"));
	CHECK(
	    child_fails(load,
	                put("e11.tsv", "kind\tname\tflags\ttext\nrule\tx\t\ta\n"
	                               "need\tx\ta\t|\n"),
	                "e11.tsv:3: need without words"));
	{
		char body[512];

		snprintf(body, sizeof body,
		         "kind\tname\tflags\ttext\n"
		         "vocab\t-\t\t%s/words.tsv\nrule\tx\t\ta\n"
		         "need\tx\t\tb|{{sideways}}\n",
		         dir);
		CHECK(child_fails(load, put("e12.tsv", body),
		                  "e12.tsv:4: {{sideways}}: no word"));
	}
	CHECK(child_fails(load, put("e7.tsv", "kind\tname\ttext\nrule\tx\ta\n"),
	                  "no column 'flags'"));
}

/* One scan of a text finds the need words of every rule of a set, one
 * byte or more, with flag a only after a digit; the answers are for
 * that set, and a text asked of another set is scanned again. */
static void
test_needscan(void)
{
	char p1[256], p2[256];
	cs_ruleset *a, *b;
	sbuf buf = { 0 };
	cs_rtext t;

	put("scan1.tsv", "kind\tname\tflags\ttext\n"
	                 "rule\tcolon\t\t:\nneed\tcolon\t\t:\n"
	                 "rule\trate\t\trate\nneed\trate\t\trate |rates\n"
	                 "rule\tnth\t\tth\nneed\tnth\tda\tth \n"
	                 "rule\tdig\t\t\\d\nneed\tdig\td\t|\n"
	                 "rule\tfree\t\tx\n"
	                 "rule\tword\ti\t\\b(?:no|six)\\b\n"
	                 "need\tword\tw\tno|six\n");
	snprintf(p1, sizeof p1, "%s/scan1.tsv", dir);
	put("scan2.tsv", "kind\tname\tflags\ttext\n"
	                 "rule\tyear\t\tyear\nneed\tyear\t\tyear\n"
	                 "rule\tmonth\t\tmonth\nneed\tmonth\t\tmonth\n");
	snprintf(p2, sizeof p2, "%s/scan2.tsv", dir);
	a = rules_load(p1, NULL);
	b = rules_load(p2, NULL);
	rules_text(&t, &buf, "Rates: the 4TH year", 19);
	CHECK(rules_needs_met(a, 0, &t));
	CHECK(rules_needs_met(a, 1, &t));
	CHECK(rules_needs_met(a, 2, &t));
	CHECK(rules_needs_met(a, 3, &t));
	CHECK(rules_needs_met(a, 4, &t));
	CHECK(rules_needs_met(b, 0, &t));
	CHECK(!rules_needs_met(b, 1, &t));
	CHECK(rules_needs_met(a, 1, &t));
	/* "th " only after a space, "rate" without its space or "s", no
	 * colon, no digit */
	rules_text(&t, &buf, "the rate; the month", 19);
	CHECK(!rules_needs_met(a, 0, &t));
	CHECK(!rules_needs_met(a, 1, &t));
	CHECK(!rules_needs_met(a, 2, &t));
	CHECK(!rules_needs_met(a, 3, &t));
	CHECK(rules_needs_met(a, 4, &t));
	CHECK(!rules_needs_met(b, 0, &t));
	CHECK(rules_needs_met(b, 1, &t));
	/* a word at the very end, and one cut off by it */
	rules_text(&t, &buf, "4 rates", 7);
	CHECK(rules_needs_met(a, 1, &t));
	rules_text(&t, &buf, "4 rate", 6);
	CHECK(!rules_needs_met(a, 1, &t) && rules_needs_met(a, 3, &t));
	rules_text(&t, &buf, ":", 1);
	CHECK(rules_needs_met(a, 0, &t));
	rules_text(&t, &buf, "", 0);
	CHECK(!rules_needs_met(a, 0, &t) && rules_needs_met(a, 4, &t));
	/* the two halves of a text are scanned at once: a word is found
	 * wherever it lies, across the middle too, in texts shorter and
	 * longer than the longest word ("rates", then "ratex") */
	{
		int missed = 0;

		for (size_t len = 0; len <= 48; len++)
			for (size_t at = 0; at <= len; at++) {
				char txt[64];

				memset(txt, 'x', len + 5);
				memcpy(txt + at, "rates", 5);
				rules_text(&t, &buf, txt, len + 5);
				missed += !rules_needs_met(a, 1, &t);
				txt[at + 4] = 'x';
				rules_text(&t, &buf, txt, len + 5);
				missed += rules_needs_met(a, 1, &t);
			}
		CHECK(missed == 0);
	}
	/* flag w: the word with no ASCII letter, digit or '_' either side;
	 * a long s or Kelvin sign anywhere leaves it to the pattern */
	{
		static const struct {
			const char *s;
			bool met;
		} w[] = {
			{ "there were NO offences", true },
			{ "(no)", true },
			{ "no", true },
			{ "no-one", true },
			{ "\xe2\x80\x98six\xe2\x80\x99", true },
			{ "none of it, and snow", false },
			{ "no_x and no1 and 6six", false },
			{ "\xc5\xbfix burglaries", true },
			{ "a \xe2\x84\xaa here", true },
			{ "\xc5\xbe and \xe2\x84\xab", false },
		};

		for (size_t i = 0; i < sizeof w / sizeof w[0]; i++) {
			rules_text(&t, &buf, w[i].s, strlen(w[i].s));
			CHECK(rules_needs_met(a, 5, &t) == w[i].met);
		}
	}
	rules_free(b);
	/* one word, no flag for one rule and flag w for another, so one
	 * state of the scan with a rule met wherever the word is and one
	 * met only where it stands alone */
	put("scan3.tsv", "kind\tname\tflags\ttext\n"
	                 "rule\tany\t\tin\nneed\tany\t\tin\n"
	                 "rule\tsole\ti\t\\bin\\b\nneed\tsole\tw\tin\n");
	snprintf(p2, sizeof p2, "%s/scan3.tsv", dir);
	b = rules_load(p2, NULL);
	rules_text(&t, &buf, "within reach", 12);
	CHECK(rules_needs_met(b, 0, &t) && !rules_needs_met(b, 1, &t));
	rules_text(&t, &buf, "within; in May", 14);
	CHECK(rules_needs_met(b, 0, &t) && rules_needs_met(b, 1, &t));
	rules_text(&t, &buf, "In May", 6);
	CHECK(rules_needs_met(b, 1, &t) && rules_needs_met(b, 0, &t));
	sbuf_free(&buf);
	rules_free(a);
	rules_free(b);
}

/* Does rule r (with near and lead rows) give, on s from every start,
 * the match of rule plain (the same pattern without them)? */
static bool
windows_agree(cs_ruleset *rs, int r, int plain, const char *s)
{
	size_t n = strlen(s), a0, a1, b0, b1;
	cs_rmatch ma, mb;

	for (size_t i = 0; i <= n; i++) {
		bool ra = rules_exec(rs, r, s, n, i, &ma);
		bool rb = rules_exec(rs, plain, s, n, i, &mb);

		if (ra != rb)
			return false;
		if (ra &&
		    (!rules_group(&ma, 0, &a0, &a1) ||
		     !rules_group(&mb, 0, &b0, &b1) || a0 != b0 || a1 != b1))
			return false;
	}
	return true;
}

/* Lead rows: a rule with a near window is tried in a window only when
 * one of its digits follows a lead word, the bytes " (.#:" and digits
 * between set aside; the answers are the pattern's. */
static void
test_lead(void)
{
	char path[256];
	cs_ruleset *rs;
	cs_rmatch m;
	size_t so, eo, nex;
	const char *s;

	put("lead.tsv", "kind\tname\tflags\ttext\n"
	                "rule\tref\ti\t\\b(?:items?|table|no\\.)\\.? ?#?\\d+\n"
	                "near\tref\t\t12\n"
	                "lead\tref\t\titem|items|table|no\n"
	                "yes\tref\t\tsee Item 5 below\n"
	                "yes\tref\t\tReport No. 2019\n"
	                "yes\tref\t\tTABLE #3\n"
	                "no\tref\t\tthere were 12 items\n");
	snprintf(path, sizeof path, "%s/lead.tsv", dir);
	rs = rules_load(path, NULL);
	s = "12 offences, see table 3 and item 4";
	CHECK(rules_exec(rs, 0, s, strlen(s), 0, &m));
	CHECK(rules_group(&m, 0, &so, &eo) && so == 17 && eo == 24);
	CHECK(rules_exec(rs, 0, s, strlen(s), eo, &m));
	CHECK(rules_group(&m, 0, &so, &eo) && so == 29 && eo == 35);
	CHECK(!rules_exec(rs, 0, s, strlen(s), eo, &m));
	s = "there were 12 items and 3 tables";
	CHECK(!rules_exec(rs, 0, s, strlen(s), 0, &m));
	/* a long s the byte compare cannot read is left to PCRE2 */
	s = "see item\xc5\xbf 5";
	CHECK(rules_exec(rs, 0, s, strlen(s), 0, &m));
	/* the second digit of a window may be the one after the word */
	s = "12 and no. 7";
	CHECK(rules_exec(rs, 0, s, strlen(s), 0, &m));
	CHECK(rules_group(&m, 0, &so, &eo) && so == 7 && eo == 12);
	CHECK(rules_selftest(rs, stderr, &nex) == 0 && nex == 4);
	rules_free(rs);

	/* Flag n: the word right before the digit, nothing set aside */
	put("leadn.tsv", "kind\tname\tflags\ttext\n"
	                 "rule\tcode\t\t\\b[A-Z]{1,2}\\d[A-Z]{2}\\b\n"
	                 "near\tcode\t\t2\n"
	                 "lead\tcode\tn\ta|b|c|e|n\n"
	                 "yes\tcode\t\tpostcode EN1AB\n"
	                 "no\tcode\t\tpostcode E 1AB\n");
	snprintf(path, sizeof path, "%s/leadn.tsv", dir);
	rs = rules_load(path, NULL);
	s = "in B 1AB, B1AB and 12AB";
	CHECK(rules_exec(rs, 0, s, strlen(s), 0, &m));
	CHECK(rules_group(&m, 0, &so, &eo) && so == 10 && eo == 14);
	CHECK(!rules_exec(rs, 0, s, strlen(s), eo, &m));
	CHECK(rules_selftest(rs, stderr, &nex) == 0 && nex == 2);
	rules_free(rs);

	/* Words ending in a digit: the match's first digit is that one */
	put("leadd.tsv", "kind\tname\tflags\ttext\n"
	                 "rule\tph\ti\t(?<!\\d)(?:\\+44 ?|0)\\d{4}|"
	                 "\\bcall:? (?:101|999)\\b\n"
	                 "near\tph\t\t8\n"
	                 "lead\tph\t\t0|+4|call1|call9\n"
	                 "yes\tph\t\tring 01234 now\n"
	                 "yes\tph\t\tring +44 1234 now\n"
	                 "yes\tph\t\tor CALL: 999\n"
	                 "no\tph\t\t20123 and 10123 offences\n");
	snprintf(path, sizeof path, "%s/leadd.tsv", dir);
	rs = rules_load(path, NULL);
	s = "12345 and 2 calls, call 101 or 08001 now";
	CHECK(rules_exec(rs, 0, s, strlen(s), 0, &m));
	CHECK(rules_group(&m, 0, &so, &eo) && so == 19 && eo == 27);
	CHECK(rules_exec(rs, 0, s, strlen(s), eo, &m));
	CHECK(rules_group(&m, 0, &so, &eo) && so == 31 && eo == 36);
	s = "call 102, 1 0800 and 90123";
	CHECK(!rules_exec(rs, 0, s, strlen(s), 0, &m));
	CHECK(rules_selftest(rs, stderr, &nex) == 0 && nex == 4);
	rules_free(rs);
	/* ... and a row whose pattern starts a match at a digit after a
	 * digit breaks the row's word, which its example shows */
	CHECK(selftest_of("leadd2.tsv",
	                  "kind\tname\tflags\ttext\n"
	                  "rule\tz\t\t0\\d\\d\nnear\tz\t\t1\n"
	                  "lead\tz\t\t0\n"
	                  "yes\tz\t\tcode 5012\n",
	                  &nex) == 2);
	CHECK(child_fails(load,
	                  put("g6.tsv", "kind\tname\tflags\ttext\n"
	                                "rule\tx\t\ta\\d\nnear\tx\t\t1\n"
	                                "lead\tx\t\tno.1\n"),
	                  "g6.tsv:4: lead word 'no.1' has a byte set aside "
	                  "before its digit"));

	/* A lead without a word of its rule's example fails the selftest:
	 * the example no longer matches, nor as a scan does */
	put("badlead.tsv", "kind\tname\tflags\ttext\n"
	                   "rule\tref\ti\t\\b(?:item|page) ?\\d+\n"
	                   "near\tref\t\t6\n"
	                   "lead\tref\t\titem\n"
	                   "yes\tref\t\tsee page 4\n");
	snprintf(path, sizeof path, "%s/badlead.tsv", dir);
	rs = rules_load(path, NULL);
	{
		char got[512] = "";
		FILE *f = fmemopen(got, sizeof got, "w");

		CHECK(rules_selftest(rs, f, &nex) == 2 && nex == 1);
		fclose(f);
		CHECK(strstr(got, "badlead.tsv:5: rule ref: its near window "
		                  "finds another match than a scan: see "
		                  "page 4\n") != NULL);
		CHECK(strstr(got, "badlead.tsv:5: rule ref: should match: "
		                  "see page 4\n") != NULL);
	}
	rules_free(rs);

	CHECK(child_fails(load,
	                  put("g1.tsv", "kind\tname\tflags\ttext\n"
	                                "rule\tx\t\ta\\d\nlead\tx\t\ta\n"),
	                  "g1.tsv:3: lead for rule 'x', which has no near"));
	CHECK(child_fails(load,
	                  put("g2.tsv", "kind\tname\tflags\ttext\n"
	                                "lead\tx\t\ta\n"),
	                  "g2.tsv:2: lead for rule 'x', which is not"));
	CHECK(child_fails(load,
	                  put("g3.tsv", "kind\tname\tflags\ttext\n"
	                                "rule\tx\t\ta\\d\nnear\tx\t\t1\n"
	                                "lead\tx\ts\ta\n"),
	                  "g3.tsv:4: lead flag 's' is not n"));
	CHECK(child_fails(load,
	                  put("g4.tsv", "kind\tname\tflags\ttext\n"
	                                "rule\tx\t\ta\\d\nnear\tx\t\t1\n"
	                                "lead\tx\t\ta\nlead\tx\t\ta\n"),
	                  "g4.tsv:5: lead for rule 'x', which is not"));
	CHECK(child_fails(load,
	                  put("g5.tsv", "kind\tname\tflags\ttext\n"
	                                "rule\tx\t\ta\\d\nnear\tx\t\t1\n"
	                                "lead\tx\t\tno.\n"),
	                  "g5.tsv:4: lead word 'no.' ends in a byte set "
	                  "aside"));
}

/* Near flag w: windows before the need words, not digits. */
/* The windows of a lead rule are those of its lead digits alone,
 * chained while within the near width: the first match is still the
 * one a plain scan finds, among digits after no lead word, digits of
 * other scripts ("\xd9\xa3", U+0663) and bytes that only may start
 * one. */
static void
test_lead_windows(void)
{
	char path[256];
	cs_ruleset *rs;
	static const char *const texts[] = {
		"12 and 14 in table 3, 2019 and item 45 or items 6 7",
		"table 3 4 table 5 and no. 6, no.7 and no 8",
		"table 12345678901234 2 table",
		"see table \xd9\xa3 and item 1\xd9\xa3, table\xd9\xa3",
		"\xe4\xb8\x80 item \xe4\xb8\x80 3 item\xe4\xb8\x80"
		"3",
		"3 table3 item 9 1 2 3 4 5 6 7 8 9 table 0",
		"table 1",
		"1 table",
		"items 2, 3 and 4 of table 10 (tables 11 and 12)",
		"ring 01234 or +44 1234, call 101, call: 999 or 0 1234",
		"EN1AB, E1AB and 12AB, B 1AB, ab1cd e9fg",
	};

	put("leadw.tsv",
	    "kind\tname\tflags\ttext\n"
	    "rule\tref\ti\t\\b(?:items?|tables?|no\\.)\\.? ?#?\\d+(?: \\d+)*\n"
	    "near\tref\t\t12\n"
	    "lead\tref\t\titem|items|table|tables|no\n"
	    "rule\tref_plain\ti\t\\b(?:items?|tables?|no\\.)\\.? ?#?\\d+"
	    "(?: \\d+)*\n"
	    "rule\tph\ti\t(?<!\\d)(?:\\+44 ?|0)\\d{4}|\\bcall:? "
	    "(?:101|999)\\b\n"
	    "near\tph\t\t8\n"
	    "lead\tph\t\t0|+4|call1|call9\n"
	    "rule\tph_plain\ti\t(?<!\\d)(?:\\+44 ?|0)\\d{4}|\\bcall:? "
	    "(?:101|999)\\b\n"
	    "rule\tcode\ti\t\\b[A-Z]{1,2}\\d[A-Z]{2}\\b\n"
	    "near\tcode\t\t2\n"
	    "lead\tcode\tn\ta|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|q|r|s|t|u|v|"
	    "w|x|y|z\n"
	    "rule\tcode_plain\ti\t\\b[A-Z]{1,2}\\d[A-Z]{2}\\b\n");
	snprintf(path, sizeof path, "%s/leadw.tsv", dir);
	rs = rules_load(path, NULL);
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		for (int r = 0; r < 6; r += 2)
			CHECK(windows_agree(rs, r, r + 1, texts[i]));
	rules_free(rs);
}

/* The digits of a text found once (rules_digits) give every rule the
 * answers of its own scan: the first CS_RDIGITS runs kept, the rest
 * scanned for, a text they are not of scanned. */
static void
test_digits(void)
{
	char path[256], text[1024];
	cs_ruleset *rs;
	cs_rdigits d;
	size_t len = 0;

	/* more runs than are kept, with digits of another script and
	 * bytes that only may start one among them */
	for (int i = 0; i < 2 * CS_RDIGITS; i++)
		len += (size_t)snprintf(text + len, sizeof text - len, "%s",
		                        i % 7 == 3   ? "table \xd9\xa3 "
		                        : i % 5 == 1 ? "\xe4\xb8\x80 "
		                        : i % 3 == 0 ? "12 items 4, "
		                                     : "EN1AB 0 1234 ");
	put("digits.tsv",
	    "kind\tname\tflags\ttext\n"
	    "rule\tref\ti\t\\b(?:items?|tables?)\\.? ?#?\\d+\n"
	    "near\tref\t\t12\n"
	    "lead\tref\t\titem|items|table|tables\n"
	    "rule\tph\ti\t(?<!\\d)0\\d{4}\n"
	    "near\tph\t\t8\n"
	    "lead\tph\t\t0\n"
	    "rule\tcode\t\t\\b[A-Z]{1,2}\\d[A-Z]{2}\\b\n"
	    "near\tcode\t\t2\n"
	    "lead\tcode\tn\ta|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|q|r|s|t|u|"
	    "v|w|x|y|z\n"
	    "rule\tnum\t\t\\b\\d+\\b\n"
	    "near\tnum\t\t1\n");
	snprintf(path, sizeof path, "%s/digits.tsv", dir);
	rs = rules_load(path, NULL);
	for (size_t from = 0; from < len; from += len / 3) {
		bool next_same = true, exec_same = true;

		rules_digits(&d, text, from, len);
		for (size_t c = from; c <= len; c++)
			next_same &= rules_digit_next(&d, text, c, len) ==
			             rules_digit_next(NULL, text, c, len);
		for (int r = 0; r < 4; r++)
			for (size_t i = from; i <= len; i++) {
				cs_rmatch a, b;
				size_t a0 = 0, a1 = 0, b0 = 0, b1 = 0;
				bool ra = rules_exec_digits(rs, r, text, len, i,
				                            &d, &a);

				exec_same &=
				    ra == rules_exec(rs, r, text, len, i, &b);
				if (ra) {
					rules_group(&a, 0, &a0, &a1);
					rules_group(&b, 0, &b0, &b1);
					exec_same &= a0 == b0 && a1 == b1;
				}
			}
		if (from == 0) /* the rest scanned for */
			CHECK(d.nrun == CS_RDIGITS && d.upto < len);
		CHECK(next_same);
		CHECK(exec_same);
	}
	/* of another text (here a shorter one): not used */
	rules_digits(&d, text, 0, len / 2);
	CHECK(rules_digit_next(&d, text, 0, len) ==
	      rules_digit_next(NULL, text, 0, len));
	rules_free(rs);
}

static void
test_nearw(void)
{
	char path[256];
	cs_ruleset *rs;
	cs_rmatch m;
	size_t so, eo, nex;
	const char *s;

	put("nearw.tsv", "kind\tname\tflags\ttext\n"
	                 "rule\tcmp\ti\t\\b(?:on|than) (?:last|same) "
	                 "(?:year|month)\\b\n"
	                 "need\tcmp\t\tyear|month\n"
	                 "near\tcmp\tw\t10\n"
	                 "yes\tcmp\t\tdown on last year\n"
	                 "yes\tcmp\t\tfewer than SAME MONTH\n"
	                 "no\tcmp\t\ton last week\n");
	snprintf(path, sizeof path, "%s/nearw.tsv", dir);
	rs = rules_load(path, NULL);
	s = "on the whole, a year on which we rose 3% on last Year";
	CHECK(rules_exec(rs, 0, s, strlen(s), 0, &m));
	CHECK(rules_group(&m, 0, &so, &eo) && so == 41 && eo == 53);
	CHECK(!rules_exec(rs, 0, s, strlen(s), eo, &m));
	s = "on last week, and on the year";
	CHECK(!rules_exec(rs, 0, s, strlen(s), 0, &m));
	/* a long s: "ſame" is caseless "same", and the text is scanned */
	s = "fewer than \xc5\xbf"
	    "ame month";
	CHECK(rules_exec(rs, 0, s, strlen(s), 0, &m));
	CHECK(rules_selftest(rs, stderr, &nex) == 0 && nex == 3);
	rules_free(rs);
	/* a window too short for an example fails the selftest */
	CHECK(selftest_of("nearw2.tsv",
	                  "kind\tname\tflags\ttext\n"
	                  "rule\tcmp\ti\t\\bthan last year\\b\n"
	                  "need\tcmp\t\tyear\n"
	                  "near\tcmp\tw\t4\n"
	                  "yes\tcmp\t\tfewer than last year\n",
	                  &nex) == 2);
	CHECK(child_fails(load,
	                  put("h1.tsv", "kind\tname\tflags\ttext\n"
	                                "rule\tx\t\tab\nnear\tx\tw\t3\n"),
	                  "h1.tsv:2: rule 'x' has near flag w and no need"));
	CHECK(child_fails(load,
	                  put("h2.tsv", "kind\tname\tflags\ttext\n"
	                                "rule\tx\t\tab\nnear\tx\tq\t3\n"),
	                  "h2.tsv:3: near flag 'q' is not w"));
}

/* Near w windows: from every start, the answers are the pattern's
 * without the rows: need words sharing a start ("month", "months"),
 * capitals, words far apart and near, one broken by a byte past ASCII,
 * a word past ASCII ("£"). */
static void
test_nearw_windows(void)
{
	char path[256];
	cs_ruleset *rs;
	static const char *const cmp[] = {
		"on last year",
		"ON LAST MONTHS and than same year",
		"on the whole, a year on which we rose 3% on last Year",
		"than last year, then some forty bytes of other words, and "
		"on same month",
		"yearyear on last month monthly",
		"on last y\xc3\xa9"
		"ar on last month",
		"than same monthsmonth on last months",
		"year",
		"",
	};
	static const char *const cur[] = {
		"cost \xc2\xa3"
		"5 and 6 pounds 7",
		"POUNDS 12 and pound 3",
		"\xc2\xa3",
	};

	put("nearw3.tsv",
	    "kind\tname\tflags\ttext\n"
	    "rule\tcmp\ti\t\\b(?:on|than) (?:last|same) (?:year|month)s?\\b\n"
	    "need\tcmp\t\tyear|month|months\n"
	    "near\tcmp\tw\t10\n"
	    "rule\tcmp_plain\ti\t\\b(?:on|than) (?:last|same) "
	    "(?:year|month)s?\\b\n"
	    "rule\tcur\ti\t(?:\xc2\xa3|pounds? )\\d+\n"
	    "need\tcur\t\t\xc2\xa3|pound\n"
	    "near\tcur\tw\t1\n"
	    "rule\tcur_plain\ti\t(?:\xc2\xa3|pounds? )\\d+\n");
	snprintf(path, sizeof path, "%s/nearw3.tsv", dir);
	rs = rules_load(path, NULL);
	for (size_t i = 0; i < sizeof cmp / sizeof cmp[0]; i++)
		CHECK(windows_agree(rs, 0, 1, cmp[i]));
	for (size_t i = 0; i < sizeof cur / sizeof cur[0]; i++)
		CHECK(windows_agree(rs, 2, 3, cur[i]));
	rules_free(rs);
}

/* An anchored rule is answered from its first bytes when the text
 * starts with another: the answers are the pattern's. */
static void
test_first(void)
{
	char path[256];
	cs_ruleset *rs;
	cs_rmatch m;
	size_t so, eo, nex;
	const char *s;

	put("first.tsv", "kind\tname\tflags\ttext\n"
	                 "rule\thead\t\t^\\s*#{1,6}\\s\n"
	                 "yes\thead\t\t## Burglary\n"
	                 "no\thead\t\tBurglary # 2\n"
	                 "rule\tafter\ti\t\\G (?:rise|fall)\n"
	                 "yes\tafter\t\t RISE\n");
	snprintf(path, sizeof path, "%s/first.tsv", dir);
	rs = rules_load(path, NULL);
	s = "  # Heading";
	CHECK(rules_exec(rs, 0, s, strlen(s), 0, &m));
	CHECK(rules_group(&m, 0, &so, &eo) && so == 0 && eo == 4);
	s = "Heading # 2";
	CHECK(!rules_exec(rs, 0, s, strlen(s), 0, &m) && m.rule == -1);
	/* a no-break space is \s (UCP): its lead byte is a first byte */
	s = "\xc2\xa0# Heading";
	CHECK(rules_exec(rs, 0, s, strlen(s), 0, &m));
	s = "12% fall and a rise";
	CHECK(rules_exec(rs, 1, s, strlen(s), 3, &m));
	CHECK(!rules_exec(rs, 1, s, strlen(s), 2, &m));
	CHECK(!rules_exec(rs, 1, s, strlen(s), 4, &m));
	CHECK(!rules_exec(rs, 1, s, 3, 3, &m));
	CHECK(rules_selftest(rs, stderr, &nex) == 0 && nex == 3);
	rules_free(rs);

	/* and from its need words, which its match holds: "per 1" or
	 * "per t" after the start, either case; a long s for one with s */
	put("firstw.tsv",
	    "kind\tname\tflags\ttext\n"
	    "rule\trate\ti\t\\G [a-z ]{0,20}per (?:1,000|thousand)\n"
	    "need\trate\t\tper 1|per t\n"
	    "yes\trate\t\t thefts PER 1,000\n"
	    "no\trate\t\t per cent per\n"
	    "rule\tsix\ti\t\\G six\n"
	    "need\tsix\t\tsix\n"
	    "yes\tsix\t\t Six\n");
	snprintf(path, sizeof path, "%s/firstw.tsv", dir);
	rs = rules_load(path, NULL);
	s = "12 per cent, 3 Per Thousand";
	CHECK(!rules_exec(rs, 0, s, strlen(s), 2, &m));
	CHECK(rules_exec(rs, 0, s, strlen(s), 14, &m));
	CHECK(!rules_exec(rs, 0, s, 18, 14, &m));
	s = "12 per cent, 3 pe";
	CHECK(!rules_exec(rs, 0, s, strlen(s), 2, &m));
	s = "3 \xc5\xbfix";
	CHECK(rules_exec(rs, 1, s, strlen(s), 1, &m));
	CHECK(rules_selftest(rs, stderr, &nex) == 0 && nex == 3);
	rules_free(rs);
	/* a need word before the start (a look-behind's): the selftest
	 * finds it, trying the example from its space */
	CHECK(selftest_of("firstx.tsv",
	                  "kind\tname\tflags\ttext\n"
	                  "rule\tx\t\t\\G rise(?<=before rise)\n"
	                  "need\tx\t\tbefore\n"
	                  "no\tx\t\tbefore rise\n",
	                  &nex) == 1 &&
	      nex == 1);
}

/* After rows: an anchored rule is tried only where the text starts
 * with one of its words, and the answers are the pattern's. */
static void
test_after(void)
{
	char path[256], body[1024];
	cs_ruleset *rs;
	cs_rmatch m;
	size_t so, eo, nex;
	const char *s;

	snprintf(body, sizeof body,
	         "kind\tname\tflags\ttext\n"
	         "vocab\t-\t\t%s/words.tsv\n"
	         "rule\tafter\ti\t\\G\\)?(?: (?:an? )?)?(?<dir>{{down}})\n"
	         "after\tafter\t\t)| a | an | {{down}}|{{down}}\n"
	         "yes\tafter\t\t FELL\n"
	         "yes\tafter\t\t) fell by\n"
	         "no\tafter\t\t offences fell\n"
	         "rule\tof\ti\t\\G (?:cases|crimes) of \n"
	         "after\tof\t\t cases of | crimes of | cases of the |\n"
	         "yes\tof\t\t Cases Of burglary\n"
	         "no\tof\t\t cases were\n",
	         dir);
	put("start.tsv", body);
	snprintf(path, sizeof path, "%s/start.tsv", dir);
	rs = rules_load(path, NULL);
	s = "12 fell and 3 offences fell";
	CHECK(rules_exec(rs, 0, s, strlen(s), 2, &m));
	CHECK(rules_named(rs, &m, "dir", &so, &eo) && so == 3 && eo == 7);
	CHECK(!rules_exec(rs, 0, s, strlen(s), 13, &m) && m.rule == -1);
	/* a one-byte word; a word with no space before it */
	s = "(12) fell";
	CHECK(rules_exec(rs, 0, s, strlen(s), 3, &m));
	s = "12fell";
	CHECK(rules_exec(rs, 0, s, strlen(s), 2, &m));
	/* the words are caseless, as the pattern is; caseless "s" also
	 * matches a long s, which the compare leaves to PCRE2 */
	s = "3 CRIMES OF theft, 4 ca\xc5\xbf"
	    "es of fraud";
	CHECK(rules_exec(rs, 1, s, strlen(s), 1, &m));
	CHECK(rules_exec(rs, 1, s, strlen(s), 20, &m));
	/* at the end of the text, and in a word cut short by it */
	CHECK(!rules_exec(rs, 1, s, 1, 1, &m));
	CHECK(!rules_exec(rs, 1, s, 8, 1, &m));
	CHECK(!rules_exec(rs, 0, "12", 2, 2, &m));
	CHECK(rules_selftest(rs, stderr, &nex) == 0 && nex == 5);
	rules_free(rs);

	/* With a count k the words may follow any of the first k spaces
	 * (" big bad offences"); and a count too small fails the selftest
	 * twice (the after words, and the example not matched) */
	put("startk.tsv",
	    "kind\tname\tflags\ttext\n"
	    "rule\tnoun\ti\t\\G (?:[a-z]+ ){0,2}(?:offences|crimes)\n"
	    "after\tnoun\t3\toffences|crimes\n"
	    "yes\tnoun\t\t big bad Offences\n"
	    "no\tnoun\t\t a big bad offences\n");
	snprintf(path, sizeof path, "%s/startk.tsv", dir);
	rs = rules_load(path, NULL);
	s = "12 crimes, 3 big bad offences, 4 a big bad offences";
	CHECK(rules_exec(rs, 0, s, strlen(s), 2, &m));
	CHECK(rules_exec(rs, 0, s, strlen(s), 12, &m));
	CHECK(rules_group(&m, 0, &so, &eo) && so == 12 && eo == 29);
	CHECK(!rules_exec(rs, 0, s, strlen(s), 32, &m));
	CHECK(!rules_exec(rs, 0, s, 25, 12, &m));
	CHECK(rules_selftest(rs, stderr, &nex) == 0 && nex == 2);
	rules_free(rs);
	CHECK(selftest_of("startk2.tsv",
	                  "kind\tname\tflags\ttext\n"
	                  "rule\tx\ti\t\\G (?:[a-z]+ )?crimes\n"
	                  "after\tx\t1\tcrimes\n"
	                  "yes\tx\t\t violent crimes\n",
	                  &nex) == 2 &&
	      nex == 1);

	/* An after row that turns away its rule's own example fails the
	 * selftest, from the example's start (twice, as above) or a later
	 * one ("b" of "ab", from 1) */
	CHECK(selftest_of("badstart.tsv",
	                  "kind\tname\tflags\ttext\n"
	                  "rule\tx\ti\t\\G (?:above|over) \n"
	                  "after\tx\t\t above |\n"
	                  "yes\tx\t\t above \n"
	                  "yes\tx\t\t over \n",
	                  &nex) == 2 &&
	      nex == 2);
	CHECK(selftest_of("badstart2.tsv",
	                  "kind\tname\tflags\ttext\n"
	                  "rule\tx\t\t\\G(?:ab|b)\n"
	                  "after\tx\t\tab\n"
	                  "yes\tx\t\tab\n",
	                  &nex) == 1 &&
	      nex == 1);

	/* Defects of an after row are fatal, naming file:line. */
	CHECK(child_fails(load,
	                  put("s1.tsv", "kind\tname\tflags\ttext\n"
	                                "after\tx\t\ta\n"),
	                  "s1.tsv:2: after for rule 'x'"));
	CHECK(child_fails(load,
	                  put("s2.tsv", "kind\tname\tflags\ttext\n"
	                                "rule\tx\t\t\\Ga\nafter\tx\t\ta\n"
	                                "after\tx\t\ta\n"),
	                  "s2.tsv:4: after for rule 'x'"));
	CHECK(child_fails(load,
	                  put("s3.tsv", "kind\tname\tflags\ttext\n"
	                                "rule\tx\t\t\\Ga|b\nafter\tx\t\ta\n"),
	                  "s3.tsv:3: after for rule 'x', whose pattern is "
	                  "not anchored"));
	CHECK(child_fails(load,
	                  put("s4.tsv", "kind\tname\tflags\ttext\n"
	                                "rule\tx\t\t\\Ga\nafter\tx\tq\ta\n"),
	                  "s4.tsv:3: after flag 'q' is not a count"));
	CHECK(child_fails(load,
	                  put("s7.tsv", "kind\tname\tflags\ttext\n"
	                                "rule\tx\t\t\\Ga\nafter\tx\t0\ta\n"),
	                  "s7.tsv:3: after flag '0' is not a count"));
	CHECK(child_fails(load,
	                  put("s5.tsv", "kind\tname\tflags\ttext\n"
	                                "rule\tx\t\t\\G\xc3\xa9\n"
	                                "after\tx\t\t\xc3\xa9\n"),
	                  "s5.tsv:3: after word '\xc3\xa9' is not ASCII"));
	CHECK(child_fails(load,
	                  put("s6.tsv", "kind\tname\tflags\ttext\n"
	                                "rule\tx\t\t\\Ga\nafter\tx\t\t|\n"),
	                  "s6.tsv:3: after without words"));
}

/* End rows: a left rule ($) is tried only on text ending in one of its
 * words, and the answers are the pattern's. */
static void
test_end(void)
{
	char path[256], body[1024];
	cs_ruleset *rs;
	cs_rmatch m;
	size_t so, eo, nex;
	const char *s;

	snprintf(body, sizeof body,
	         "kind\tname\tflags\ttext\n"
	         "vocab\t-\t\t%s/words.tsv\n"
	         "rule\tlvl\ti\t\\b(?:stood|was)(?: at)? $\n"
	         "end\tlvl\t\tstood |was | at |\n"
	         "yes\tlvl\t\tBurglary stood at \n"
	         "yes\tlvl\t\tRobbery WAS \n"
	         "no\tlvl\t\tBurglary fell by \n"
	         "rule\tdir\ti\t(?<![\\w-])(?<dir>{{down}})\\d{0,2}"
	         "(?: by)? ?\\(?(?:an? )?$\n"
	         "end\tdir\ts\t{{down}}|by|a|an\n"
	         "yes\tdir\t\tBurglary fell4 (\n"
	         "yes\tdir\t\tRobbery fell by an \n"
	         "no\tdir\t\tthe rate of \n"
	         "rule\tq\ti\t(?:{{up}}) (?:the )?$\n"
	         "end\tq\t\t{{up}} |the |\n"
	         "yes\tq\t\tcrime ROSE the \n"
	         "no\tq\t\tcrime rose by \n",
	         dir);
	put("end.tsv", body);
	snprintf(path, sizeof path, "%s/end.tsv", dir);
	rs = rules_load(path, NULL);
	s = "Burglary stood at ";
	CHECK(rules_exec(rs, 0, s, strlen(s), 0, &m));
	CHECK(rules_group(&m, 0, &so, &eo) && so == 9 && eo == 18);
	s = "Burglary fell by ";
	CHECK(!rules_exec(rs, 0, s, strlen(s), 0, &m) && m.rule == -1);
	CHECK(!rules_group(&m, 0, &so, &eo));
	/* the words are caseless, as the pattern is */
	s = "Robbery WAS ";
	CHECK(rules_exec(rs, 0, s, strlen(s), 0, &m));
	/* caseless "s" also matches a long s (U+017F), which the byte
	 * compare leaves to PCRE2; and $ matches before a last newline */
	s = "Robbery wa\xc5\xbf ";
	CHECK(rules_exec(rs, 0, s, strlen(s), 0, &m));
	s = "Robbery was \n";
	CHECK(rules_exec(rs, 0, s, strlen(s), 0, &m));
	/* the word must lie after the start */
	s = "-was ";
	CHECK(rules_exec(rs, 0, s, 5, 1, &m));
	CHECK(!rules_exec(rs, 0, s, 5, 2, &m));
	/* flag s: spaces, '(' and digits at the end are set aside */
	s = "Burglary fell4 (";
	CHECK(rules_exec(rs, 1, s, strlen(s), 0, &m));
	CHECK(rules_named(rs, &m, "dir", &so, &eo) && so == 9 && eo == 13);
	s = "Burglary fell by an ";
	CHECK(rules_exec(rs, 1, s, strlen(s), 0, &m));
	s = "Burglary fell in ";
	CHECK(!rules_exec(rs, 1, s, strlen(s), 0, &m));
	/* a word of the vocabulary with the text after it */
	s = "crime ROSE the ";
	CHECK(rules_exec(rs, 2, s, strlen(s), 0, &m));
	s = "crime rose  ";
	CHECK(!rules_exec(rs, 2, s, strlen(s), 0, &m));
	CHECK(rules_selftest(rs, stderr, &nex) == 0 && nex == 8);
	rules_free(rs);

	/* An end row that turns away its rule's own example fails the
	 * selftest ("stands " is not among the words), and the example no
	 * longer matches ... */
	put("badend.tsv", "kind\tname\tflags\ttext\n"
	                  "rule\tlvl\ti\t\\b(?:stood|stands) $\n"
	                  "end\tlvl\t\tstood |\n"
	                  "yes\tlvl\t\tCrime stood \n"
	                  "yes\tlvl\t\tCrime stands \n");
	snprintf(path, sizeof path, "%s/badend.tsv", dir);
	rs = rules_load(path, NULL);
	{
		char got[512] = "";
		FILE *f = fmemopen(got, sizeof got, "w");

		CHECK(rules_selftest(rs, f, &nex) == 2 && nex == 2);
		fclose(f);
		CHECK(strstr(got, "badend.tsv:5: rule lvl: its end words turn "
		                  "away a match: Crime stands \n") != NULL);
		CHECK(strstr(got, "badend.tsv:5: rule lvl: should match: "
		                  "Crime stands \n") != NULL);
	}
	rules_free(rs);
	/* ... and so does one that turns away a match from a later start
	 * ("b" of "ab", from 1) */
	CHECK(selftest_of("badend2.tsv",
	                  "kind\tname\tflags\ttext\n"
	                  "rule\tx\t\t(?:ab|b)$\n"
	                  "end\tx\t\tab\n"
	                  "yes\tx\t\tab\n",
	                  &nex) == 1 &&
	      nex == 1);

	/* Defects of an end row are fatal, naming file:line. */
	CHECK(child_fails(load,
	                  put("f1.tsv", "kind\tname\tflags\ttext\n"
	                                "end\tx\t\ta\n"),
	                  "f1.tsv:2: end for rule 'x'"));
	CHECK(child_fails(load,
	                  put("f2.tsv", "kind\tname\tflags\ttext\n"
	                                "rule\tx\t\ta$\nend\tx\t\ta\n"
	                                "end\tx\t\ta\n"),
	                  "f2.tsv:4: end for rule 'x'"));
	CHECK(child_fails(load,
	                  put("f3.tsv", "kind\tname\tflags\ttext\n"
	                                "rule\tx\t\ta\nend\tx\t\ta\n"),
	                  "f3.tsv:3: end for rule 'x', whose pattern does "
	                  "not end in $"));
	CHECK(child_fails(load,
	                  put("f4.tsv", "kind\tname\tflags\ttext\n"
	                                "rule\tx\tm\ta$\nend\tx\t\ta\n"),
	                  "f4.tsv:3: end for rule 'x', whose pattern"));
	CHECK(child_fails(load,
	                  put("f5.tsv", "kind\tname\tflags\ttext\n"
	                                "rule\tx\t\ta$\nend\tx\tq\ta\n"),
	                  "f5.tsv:3: end flag 'q'"));
	CHECK(child_fails(load,
	                  put("f6.tsv", "kind\tname\tflags\ttext\n"
	                                "rule\tx\t\t\xc3\xa9$\n"
	                                "end\tx\t\t\xc3\xa9\n"),
	                  "f6.tsv:3: end word '\xc3\xa9' is not ASCII"));
	CHECK(child_fails(load,
	                  put("f7.tsv", "kind\tname\tflags\ttext\n"
	                                "rule\tx\t\ta $\nend\tx\ts\ta |\n"),
	                  "f7.tsv:3: end word 'a ' ends in a byte"));
	CHECK(child_fails(load,
	                  put("f8.tsv", "kind\tname\tflags\ttext\n"
	                                "rule\tx\t\ta$\nend\tx\t\t|\n"),
	                  "f8.tsv:3: end without words"));
}

/* Start rows: a rule is tried only from the places where one of its
 * words may begin, and the answers are the pattern's, from every start,
 * groups and all. */
static void
test_start(void)
{
	char path[256], body[1024];
	cs_ruleset *rs;
	cs_rmatch m;
	size_t so, eo, nex;
	const char *s;

	snprintf(body, sizeof body,
	         "kind\tname\tflags\ttext\n"
	         "vocab\t-\t\t%s/words.tsv\n"
	         "rule\tdir\ti\t(?<![\\w-])(?<dir>{{down}}|{{up}})\\d{0,2}"
	         "(?: by)? ?\\(?(?:an? )?$\n"
	         "end\tdir\ts\t{{down}}|{{up}}|by|a|an\n"
	         "start\tdir\tw\t{{down}}|{{up}}\n"
	         "yes\tdir\t\tBurglary fell4 (\n"
	         "yes\tdir\t\tRobbery fell by an \n"
	         "yes\tdir\t\tfell in May and rose by \n"
	         "no\tdir\t\tthe rate of \n"
	         "no\tdir\t\tit befell by \n"
	         "rule\tlvl\ti\t(?:\\b(?:stood|kept)(?: at)?|, at|:) $\n"
	         "start\tlvl\t\tstood|kept|, at|:\n"
	         "yes\tlvl\t\tBurglary stood at \n"
	         "yes\tlvl\t\tRobbery was higher, at \n"
	         "yes\tlvl\t\tTotal: \n"
	         "no\tlvl\t\tBurglary fell by \n",
	         dir);
	put("start.tsv", body);
	snprintf(path, sizeof path, "%s/start.tsv", dir);
	rs = rules_load(path, NULL);
	/* the leftmost match, from the word's place */
	s = "Robbery rose by an ";
	CHECK(rules_exec(rs, 0, s, strlen(s), 0, &m));
	CHECK(rules_named(rs, &m, "dir", &so, &eo) && so == 8 && eo == 12);
	/* a first place that fails and a later one that matches */
	s = "fell in May and rose by ";
	CHECK(rules_exec(rs, 0, s, strlen(s), 0, &m));
	CHECK(rules_group(&m, 0, &so, &eo) && so == 16 && eo == 24);
	/* no word at all: no match, and no groups */
	s = "Sales rose in May, then by ";
	CHECK(!rules_exec(rs, 0, s, strlen(s), 17, &m) && m.rule == -1);
	CHECK(!rules_group(&m, 0, &so, &eo));
	/* flag w: not inside a word, as the look-behind has it */
	s = "it befell by ";
	CHECK(!rules_exec(rs, 0, s, strlen(s), 0, &m));
	/* the words are caseless, as the pattern is; caseless "s" also
	 * matches a long s (U+017F), which the byte compare leaves to
	 * PCRE2, inside a word and at its start */
	s = "crime ROSE by ";
	CHECK(rules_exec(rs, 0, s, strlen(s), 0, &m));
	s = "crime ro\xc5\xbf"
	    "e by ";
	CHECK(rules_exec(rs, 0, s, strlen(s), 0, &m));
	CHECK(rules_group(&m, 0, &so, &eo) && so == 6);
	s = "Burglary \xc5\xbftood at ";
	CHECK(rules_exec(rs, 1, s, strlen(s), 0, &m));
	CHECK(rules_group(&m, 0, &so, &eo) && so == 9);
	/* ... and caseless "k" a Kelvin sign (U+212A) */
	s = "it \xe2\x84\xaa"
	    "ept at ";
	CHECK(rules_exec(rs, 1, s, strlen(s), 0, &m));
	CHECK(rules_group(&m, 0, &so, &eo) && so == 3);
	/* a word of punctuation, right after a letter (no flag w) */
	s = "Robbery was higher, at ";
	CHECK(rules_exec(rs, 1, s, strlen(s), 0, &m));
	CHECK(rules_group(&m, 0, &so, &eo) && so == 18);
	/* the word must begin at or after the start */
	s = "stood at ";
	CHECK(rules_exec(rs, 1, s, strlen(s), 0, &m));
	CHECK(!rules_exec(rs, 1, s, strlen(s), 1, &m));
	/* the places are found eight bytes at a time: a word at every
	 * place of the first blocks, the byte before it in the same block
	 * or the one before, found after a space (with a letter before
	 * that) and not after a letter (flag w) */
	{
		int wrong = 0;

		for (size_t at = 0; at < 20; at++)
			for (size_t from = 0; from <= at; from++) {
				char txt[64];

				/* "a a a rose by ": a letter two bytes
				 * before the word */
				for (size_t i = 0; i < at; i++)
					txt[i] = (at - i) % 2 ? ' ' : 'a';
				memcpy(txt + at, "rose by ", 9);
				wrong +=
				    !rules_exec(rs, 0, txt, at + 8, from, &m) ||
				    !rules_named(rs, &m, "dir", &so, &eo) ||
				    so != at;
				if (at > 0) {
					txt[at - 1] = 'a';
					wrong += rules_exec(rs, 0, txt, at + 8,
					                    from, &m);
				}
			}
		CHECK(wrong == 0);
	}
	CHECK(rules_selftest(rs, stderr, &nex) == 0 && nex == 9);
	rules_free(rs);

	/* A start row that misses a word its rule's example starts with
	 * fails the selftest, and the example no longer matches ... */
	put("badstart.tsv", "kind\tname\tflags\ttext\n"
	                    "rule\tlvl\ti\t\\b(?:stood|stands) $\n"
	                    "start\tlvl\t\tstood\n"
	                    "yes\tlvl\t\tCrime stood \n"
	                    "yes\tlvl\t\tCrime stands \n");
	snprintf(path, sizeof path, "%s/badstart.tsv", dir);
	rs = rules_load(path, NULL);
	{
		char got[512] = "";
		FILE *f = fmemopen(got, sizeof got, "w");

		CHECK(rules_selftest(rs, f, &nex) == 2 && nex == 2);
		fclose(f);
		CHECK(strstr(got, "badstart.tsv:5: rule lvl: its start words "
		                  "find another match than a scan: Crime "
		                  "stands \n") != NULL);
		CHECK(strstr(got, "badstart.tsv:5: rule lvl: should match: "
		                  "Crime stands \n") != NULL);
	}
	rules_free(rs);
	/* ... and so does a flag w the pattern does not bear out (", at"
	 * right after a letter), or a row that finds a later match than
	 * the pattern's leftmost ("ab" of "xab", where "b" matches first
	 * from 2 only) */
	CHECK(selftest_of("badstart2.tsv",
	                  "kind\tname\tflags\ttext\n"
	                  "rule\tx\t\t(?:, at|:) $\n"
	                  "start\tx\tw\t, at|:\n"
	                  "yes\tx\t\thigher, at \n",
	                  &nex) == 2 &&
	      nex == 1);
	CHECK(selftest_of("badstart3.tsv",
	                  "kind\tname\tflags\ttext\n"
	                  "rule\tx\t\t(?:xa|a)b\n"
	                  "start\tx\t\ta\n"
	                  "yes\tx\t\txab\n",
	                  &nex) == 1 &&
	      nex == 1);

	/* Defects of a start row are fatal, naming file:line. */
	CHECK(child_fails(load,
	                  put("s1.tsv", "kind\tname\tflags\ttext\n"
	                                "start\tx\t\ta\n"),
	                  "s1.tsv:2: start for rule 'x'"));
	CHECK(child_fails(load,
	                  put("s2.tsv", "kind\tname\tflags\ttext\n"
	                                "rule\tx\t\ta$\nstart\tx\t\ta\n"
	                                "start\tx\t\ta\n"),
	                  "s2.tsv:4: start for rule 'x'"));
	CHECK(child_fails(load,
	                  put("s3.tsv", "kind\tname\tflags\ttext\n"
	                                "rule\tx\t\ta$\nstart\tx\tq\ta\n"),
	                  "s3.tsv:3: start flag 'q'"));
	CHECK(child_fails(load,
	                  put("s4.tsv", "kind\tname\tflags\ttext\n"
	                                "rule\tx\t\t\xc3\xa9$\n"
	                                "start\tx\t\t\xc3\xa9\n"),
	                  "s4.tsv:3: start word '\xc3\xa9' is not ASCII"));
	CHECK(child_fails(load,
	                  put("s5.tsv", "kind\tname\tflags\ttext\n"
	                                "rule\tx\t\ta$\nstart\tx\t\t|\n"),
	                  "s5.tsv:3: start without words"));
	CHECK(child_fails(load,
	                  put("s6.tsv", "kind\tname\tflags\ttext\n"
	                                "rule\tx\t\t\\Ga\nstart\tx\t\ta\n"),
	                  "s6.tsv:3: start for rule 'x', whose pattern "
	                  "holds \\G"));
	CHECK(child_fails(load,
	                  put("s7.tsv", "kind\tname\tflags\ttext\n"
	                                "rule\tx\t\ta\\d\nstart\tx\t\ta\n"
	                                "near\tx\t\t3\n"),
	                  "s7.tsv:3: start for rule 'x', which has a near "
	                  "row"));
}

/* Every shipped table: compiled, and each example run. */
static void
test_tables(void)
{
	const char *data = getenv("CSPKIT_DATA");
	struct dirent *e;
	DIR *d;
	int tables = 0;

	if (data == NULL)
		data = "lib/data";
	d = opendir(data);
	CHECK(d != NULL);
	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name), nex = 0;
		char name[256];
		cs_ruleset *rs;
		int failed;

		if (strncmp(e->d_name, "rules-", 6) != 0 || n < 10 ||
		    strcmp(e->d_name + n - 4, ".tsv") != 0 || n >= sizeof name)
			continue;
		memcpy(name, e->d_name, n - 4);
		name[n - 4] = '\0';
		rs = rules_load(name, NULL);
		failed = rules_selftest(rs, stdout, &nex);
		printf("# %s: %zu rules, %zu examples\n", name, rules_count(rs),
		       nex);
		unit_check(failed == 0 && nex > 0, name, __FILE__, __LINE__);
		rules_free(rs);
		tables++;
	}
	closedir(d);
	printf("# %d rule tables\n", tables);
}

/* Do a and b find the same match and groups in s[0..n) from every
 * start? */
static bool
same_from_every_start(cs_re *a, cs_re *b, const char *s, size_t n)
{
	for (size_t i = 0; i <= n; i++) {
		re_caps ca, cb;

		if (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
			continue;
		if (re_match(a, s, n, i, &ca) != re_match(b, s, n, i, &cb) ||
		    ca.ncap != cb.ncap)
			return false;
		for (int g = 0; g < ca.ncap; g++)
			if (ca.so[g] != cb.so[g] || ca.eo[g] != cb.eo[g])
				return false;
	}
	return true;
}

/* s with its ASCII digits as Arabic-Indic ones (U+0660..U+0669), when
 * digits, and its '-' as a minus sign (U+2212), when minus. */
static const char *
respelt(sbuf *b, const char *s, bool digits, bool minus)
{
	sbuf_clear(b);
	for (; *s; s++) {
		if (digits && *s >= '0' && *s <= '9') {
			sbuf_addc(b, (char)0xD9);
			sbuf_addc(b, (char)(0xA0 + (*s - '0')));
		} else if (minus && *s == '-') {
			sbuf_adds(b, "\xe2\x88\x92");
		} else {
			sbuf_addc(b, *s);
		}
	}
	return sbuf_str(b);
}

/* A rule whose pattern opens with a look-ahead for the bytes its first
 * character can start with, "(?-i:(?=[0-9\x{80}-\x{10ffff}]))" (rank,
 * this_last, figure: \d, UCP, gives PCRE2 no first bytes), finds the
 * same match and groups as its pattern without it, from every start of
 * each of its examples, each also with Arabic-Indic digits and a minus
 * sign for '-', and of a few sentences of figures: a look-ahead that
 * leaves out a byte a match can start with ("−3", "١٢%") fails. */
static void
test_first_lookahead(void)
{
	static const char *const more[] = {
		"Burglary fell by 12% to 1,234 (-3.5 per cent) at 10:30am",
		"a grant of £25,000 and $300; 500 pounds on 12 High Street",
		"the 3rd highest, 45 this year and 60 last year, +4 pp",
		"call 101 or 0208 359 2000; postcode EN1 3XA, item 5.2",
	};
	const char *data = getenv("CSPKIT_DATA");
	static const char pre[] = "(?-i:(?=[";
	int rules = 0;
	sbuf b = { 0 }, flags = { 0 };
	DIR *d;
	struct dirent *e;

	d = opendir(data ? data : "lib/data");
	CHECK(d != NULL);
	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		char name[256];
		cs_table *t;

		if (strncmp(e->d_name, "rules-", 6) != 0 || n < 10 ||
		    strcmp(e->d_name + n - 4, ".tsv") != 0 || n >= sizeof name)
			continue;
		memcpy(name, e->d_name, n - 4);
		name[n - 4] = '\0';
		t = ref_load(name);
		int ck = ref_need(t, "kind"), cn = ref_need(t, "name");
		int cf = ref_need(t, "flags"), ct = ref_need(t, "text");
		for (size_t i = 0; i < t->nrows; i++) {
			const char *pat = ref_get(t, i, (size_t)ct);
			const char *rname = ref_get(t, i, (size_t)cn);
			const char *rest;
			bool ok = true;

			if (strcmp(ref_get(t, i, (size_t)ck), "rule") != 0 ||
			    strncmp(pat, pre, sizeof pre - 1) != 0)
				continue;
			/* a {{kind}} is for rules_load to expand */
			CHECK(strstr(pat, "{{") == NULL);
			rest = strstr(pat, "]))");
			CHECK(rest != NULL);
			if (rest == NULL)
				continue;
			rest += 3;
			sbuf_clear(&flags);
			sbuf_adds(&flags, ref_get(t, i, (size_t)cf));
			cs_re *with = re_compile(pat, sbuf_str(&flags), name);
			cs_re *without =
			    re_compile(rest, sbuf_str(&flags), name);
			for (size_t j = 0; j < t->nrows + 4 && ok; j++) {
				const char *x;

				if (j < t->nrows) {
					const char *k =
					    ref_get(t, j, (size_t)ck);

					if ((strcmp(k, "yes") != 0 &&
					     strcmp(k, "no") != 0) ||
					    strcmp(ref_get(t, j, (size_t)cn),
					           rname) != 0)
						continue;
					x = ref_get(t, j, (size_t)ct);
				} else {
					x = more[j - t->nrows];
				}
				for (int v = 0; v < 4 && ok; v++) {
					const char *y =
					    respelt(&b, x, v & 1, (v & 2) != 0);
					ok = same_from_every_start(
					    with, without, y, strlen(y));
					if (!ok)
						printf("# %s: rule %s: not the "
						       "same without its "
						       "look-ahead: %s\n",
						       name, rname, y);
				}
			}
			unit_check(ok, rname, __FILE__, __LINE__);
			re_free(with);
			re_free(without);
			rules++;
		}
		ref_free(t);
	}
	closedir(d);
	sbuf_free(&b);
	sbuf_free(&flags);
	printf("# %d rules open with a look-ahead for their first bytes\n",
	       rules);
	CHECK(rules >= 3); /* rank, this_last, figure */
}

/* s4-rulescan: the shortcuts of rules_exec and the scans it makes,
 * held to the pattern (one block, appended). */

/* An after row's words as a trie (after_at): a text whose first byte
 * is not ASCII is turned away unless it starts a long s or a Kelvin
 * sign, which caseless "s" and "k" match; one that parts from the
 * words at a non-ASCII byte after their first is left to PCRE2. */
static void
test_after_trie(void)
{
	cs_ruleset *rs;
	cs_rmatch m;
	size_t nex;
	const char *s;

	rs = rules_load(put("aftertrie.tsv",
	                    "kind\tname\tflags\ttext\n"
	                    "rule\tx\ti\t\\G ?(?:kept|same|rose)\n"
	                    "after\tx\t\t kept| same| rose|kept|same|rose\n"
	                    "yes\tx\t\t \xc5\xbf"
	                    "ame\n"
	                    "yes\tx\t\t\xe2\x84\xaa"
	                    "ept\n"
	                    "no\tx\t\t\xc3\xa9 ROSE\n"
	                    "no\tx\t\t\xc3\xa9rose\n"
	                    "no\tx\t\t r\xc3\xb6se\n"),
	                NULL);
	CHECK(rules_selftest(rs, stderr, &nex) == 0 && nex == 5);
	s = "\xc3\xa9"
	    "kept";
	CHECK(!rules_exec(rs, 0, s, strlen(s), 0, &m) && m.rule == -1);
	CHECK(rules_exec(rs, 0, s, strlen(s), 2, &m));
	s = " \xc5\xbf"
	    "ame";
	CHECK(rules_exec(rs, 0, s, strlen(s), 0, &m));
	/* the text cut short inside a word, and at its end */
	CHECK(!rules_exec(rs, 0, " kep", 4, 0, &m));
	CHECK(!rules_exec(rs, 0, " kept", 5, 5, &m));
	rules_free(rs);
}

/* A near row's windows chained by d's runs (digit_chain): digits close
 * enough chain one window across the last run d keeps and on into
 * those it does not; the answers are those of the pattern without the
 * row, from every start, with d found from the text's start and from
 * later. */
static void
test_digit_chain(void)
{
	char text[1024];
	cs_ruleset *rs;
	cs_rdigits d;
	size_t len = 0;
	bool same = true;

	for (int i = 0; i < 3 * CS_RDIGITS; i++)
		len += (size_t)snprintf(text + len, sizeof text - len, "%s",
		                        i % 11 == 5   ? "- 7 "
		                        : i % 13 == 7 ? "ab \xd9\xa3, "
		                        : i % 17 == 9 ? "12345678 words "
		                                      : "+4 ");
	rs = rules_load(put("chain.tsv",
	                    "kind\tname\tflags\ttext\n"
	                    "rule\tsig\t\t(?<![\\w.])[-+] ?\\d+(?: \\d)?\n"
	                    "near\tsig\t\t2\n"
	                    "rule\tplain\t\t(?<![\\w.])[-+] ?\\d+(?: \\d)?\n"),
	                NULL);
	for (size_t from = 0; from < len; from += len / 4) {
		rules_digits(&d, text, from, len);
		for (size_t i = from; i <= len; i++) {
			cs_rmatch a, b;
			size_t a0 = 0, a1 = 0, b0 = 0, b1 = 0;
			bool ra =
			    rules_exec_digits(rs, 0, text, len, i, &d, &a);

			same &= ra == rules_exec(rs, 1, text, len, i, &b);
			if (ra) {
				rules_group(&a, 0, &a0, &a1);
				rules_group(&b, 0, &b0, &b1);
				same &= a0 == b0 && a1 == b1;
			}
		}
	}
	CHECK(same);
	rules_digits(&d, text, 0, len);
	CHECK(d.nrun == CS_RDIGITS && d.upto < len);
	rules_free(rs);
}

/* A {{kind}} whose words share their starts is written with each start
 * once (add_words: "fall(?:en|s|)"); it must match what the plain
 * alternation, longest word first, does, and first where it does: the
 * word that ends where others go on is tried after them ("fallen", not
 * "fall"), and backtracking reaches the shorter ("falls" for "fall" then
 * "s").  Rule "plain" is the same words written out by hand. */
static void
test_vocab_shared(void)
{
	char path[256], body[2048];
	cs_ruleset *rs;
	cs_rmatch m, p;
	const char *subj[] = {
		"fallen 3", "falls 3", "fall 3", "fell by 3", "fell 3",
		"fewer 3",  "fells 3", "rise 3", "risen 3",   "rises 3",
		"vs. 3",    "vs 3",    "fa 3",   "f 3",       "FALLEN 3",
		"a#b c 3",  "a#b 3",   "a#bc 3", "up 3",      "ups 3",
	};

	put("sw.tsv", "word\tkind\nfall\tdir\nfallen\tdir\nfalls\tdir\n"
	              "fell\tdir\nfell by\tdir\nfewer\tdir\nrise\tdir\n"
	              "risen\tdir\nrises\tdir\nvs.\tdir\nvs\tdir\nup\tdir\n"
	              "a#b\tdir\na#b c\tdir\nfall\tdir\n"
	              "Up\tcap\nup\tcap\nupper\tcap\n");
	snprintf(path, sizeof path, "%s/sw.tsv", dir);
	snprintf(body, sizeof body,
	         "kind\tname\tflags\ttext\n"
	         "vocab\t-\t\t%s\n"
	         "rule\tt\ti\t^(?<w>{{dir}})(?<s>s?) \\d\n"
	         "rule\tplain\ti\t^(?<w>(?:fell\\ by|fallen|a\\#b\\ c|falls|"
	         "fewer|risen|rises|fall|fall|fell|rise|a\\#b|vs\\.|up|"
	         "vs))(?<s>s?) \\d\n"
	         "rule\tx\tix\t^(?<w>{{dir}})\\ \\d\n"
	         "rule\tcap\ti\t^(?<w>{{cap}})\\b\n",
	         path);
	snprintf(path, sizeof path, "%s", put("sw-rules.tsv", body));
	rs = rules_load(path, NULL);
	for (size_t i = 0; i < sizeof subj / sizeof *subj; i++) {
		const char *s = subj[i];
		size_t n = strlen(s), a, b, c, d;
		bool mt = rules_exec(rs, 0, s, n, 0, &m);
		bool mp = rules_exec(rs, 1, s, n, 0, &p);

		CHECK(mt == mp);
		if (mt && mp) {
			CHECK(rules_named(rs, &m, "w", &a, &b));
			CHECK(rules_named(rs, &p, "w", &c, &d));
			CHECK(a == c && b == d);
			CHECK(rules_named(rs, &m, "s", &a, &b));
			CHECK(rules_named(rs, &p, "s", &c, &d));
			CHECK(a == c && b == d);
		}
	}
	/* the longer word first, and back to the shorter */
	CHECK(rules_exec(rs, 0, "fallen 3", 8, 0, &m));
	{
		size_t a, b;

		CHECK(rules_named(rs, &m, "w", &a, &b) && a == 0 && b == 6);
		CHECK(rules_exec(rs, 0, "falls 3", 7, 0, &m));
		CHECK(rules_named(rs, &m, "w", &a, &b) && b == 5);
		CHECK(rules_exec(rs, 0, "rises 3", 7, 0, &m));
		CHECK(rules_named(rs, &m, "w", &a, &b) && b == 5);
		CHECK(rules_exec(rs, 0, "fell by 3", 9, 0, &m));
		CHECK(rules_named(rs, &m, "w", &a, &b) && b == 7);
		/* flag x: the escaped space and '#' are still the word's */
		CHECK(rules_exec(rs, 2, "a#b c 3", 7, 0, &m));
		CHECK(rules_named(rs, &m, "w", &a, &b) && b == 5);
		CHECK(!rules_exec(rs, 2, "fa 3", 4, 0, &m));
		/* a kind with a capital is written out plain, and means the
		 * same */
		CHECK(rules_exec(rs, 3, "upper", 5, 0, &m));
		CHECK(rules_named(rs, &m, "w", &a, &b) && b == 5);
		CHECK(rules_exec(rs, 3, "UP", 2, 0, &m));
	}
	rules_free(rs);
}

/* A {{kind}} named again is the same alternation (expand keeps it), and
 * after a second vocab row it is that table's words, not the first's. */
static void
test_vocab_again(void)
{
	char path[256], p1[256], p2[256], body[1024];
	cs_ruleset *rs;
	cs_rmatch m;

	snprintf(p1, sizeof p1, "%s",
	         put("v1.tsv", "word\tkind\nrose\tup\n"
	                       "rises\tup\n"));
	snprintf(p2, sizeof p2, "%s",
	         put("v2.tsv", "word\tkind\nclimbed\tup\n"));
	snprintf(body, sizeof body,
	         "kind\tname\tflags\ttext\n"
	         "vocab\t-\t\t%s\n"
	         "rule\ta\ti\t^{{up}}$\n"
	         "rule\tb\ti\t^x {{up}}$\n"
	         "vocab\t-\t\t%s\n"
	         "rule\tc\ti\t^{{up}}$\n",
	         p1, p2);
	snprintf(path, sizeof path, "%s", put("again.tsv", body));
	rs = rules_load(path, NULL);
	CHECK(rules_exec(rs, 0, "rises", 5, 0, &m));
	CHECK(rules_exec(rs, 1, "x rose", 6, 0, &m));
	CHECK(rules_exec(rs, 1, "x rises", 7, 0, &m));
	CHECK(!rules_exec(rs, 1, "x climbed", 9, 0, &m));
	CHECK(rules_exec(rs, 2, "climbed", 7, 0, &m));
	CHECK(!rules_exec(rs, 2, "rose", 4, 0, &m));
	rules_free(rs);
}

/* The needs asked of a text as it is (rules_text_as_is: no lower-cased
 * copy, case folded by the scan, a search without case past the 64
 * rules of the scan) answer as those of rules_text's copy; a long s or
 * Kelvin sign meets a need with a word holding an "s" or "k" whatever
 * its flags (caseless "st" matches "ſt"), and no other; a group's
 * number found once (rules_group_number) reads the group rules_named
 * does. */
static void
test_as_is(void)
{
	/* rules 0-4, 56 with no need, then 0-4 again as rules 61-65 (the
	 * last two past the scan) */
	static const char *const rows[] = {
		"rule\tnth\ti\t\\d(?:st|nd)\\b\nneed\tnth\ta\tst |nd \n",
		"rule\tfrom\ti\tfrom \\d\nneed\tfrom\td\tfrom \n",
		"rule\tword\ti\t\\b(?:no|six)\\b\nneed\tword\tw\tno|six\n",
		"rule\trate\ti\trate\nneed\trate\t\trate |rates\n",
		"rule\tkm\ti\t\\d ?km\\b\nneed\tkm\ta\tkm| km\n",
	};
	sbuf body = { 0 }, buf = { 0 };
	char name[16], path[256];
	cs_ruleset *rs;
	cs_rtext t1, t2;
	cs_rdigits d;
	cs_rmatch m;
	size_t so, eo, so2, eo2;
	int bad = 0;
	const char *u[] = {
		"x: Robbery 1ST and the 2nd RATES. y",
		"x: FROM 12 to 14 RATE none. y",
		"x: the 1\xc5\xbft of it. y",
		"x: no change from here. y",
		"x: SIX \xe2\x84\xaa 4km. y",
		"x: \xc5\xbf from \xe2\x84\xaa. y",
		"x: a none of it nonE. y",
		"x: ends with no",
		"x: ends with NO. none",
		"",
	};

	sbuf_adds(&body, "kind\tname\tflags\ttext\n");
	for (size_t k = 0; k < 5; k++)
		sbuf_adds(&body, rows[k]);
	for (int k = 5; k < 61; k++) {
		snprintf(name, sizeof name, "f%d", k);
		sbuf_adds(&body, "rule\t");
		sbuf_adds(&body, name);
		sbuf_adds(&body, "\t\tq\n");
	}
	for (size_t k = 0; k < 5; k++) {
		/* the same rows, each rule's name with a "2" */
		const char *r = rows[k];

		for (const char *q = r; *q; q++) {
			sbuf_addc(&body, *q);
			if (*q == '\t' &&
			    (q == r + 4 || strncmp(q - 4, "need\t", 5) == 0)) {
				q++;
				while (*q != '\t')
					sbuf_addc(&body, *q++);
				sbuf_adds(&body, "2\t");
			}
		}
	}
	put("asis.tsv", sbuf_str(&body));
	snprintf(path, sizeof path, "%s/asis.tsv", dir);
	rs = rules_load(path, NULL);
	CHECK(rules_count(rs) == 66);
	CHECK_STR(rules_name(rs, 65), "km2");
	for (size_t k = 0; k < sizeof u / sizeof *u; k++) {
		/* the text is u[k] less its first three bytes and last
		 * three: the bytes around it are not of it */
		size_t n = strlen(u[k]), a = n > 3 ? 3 : 0;

		n = n > 6 ? n - 3 : n;
		rules_digits(&d, u[k], a, n);
		rules_text_as_is(&t1, &d);
		rules_text(&t2, &buf, u[k] + a, n - a);
		CHECK(t1.lc == NULL && t1.s == u[k] + a && t1.n == n - a);
		for (int r = 0; r < 66; r++) {
			bool got = rules_needs_met(rs, r, &t1);

			if (got != rules_needs_met(rs, r, &t2) ||
			    (r >= 61 &&
			     got != rules_needs_met(rs, r - 61, &t1)))
				bad++;
			/* and a match is never turned away */
			if (!got && rules_exec(rs, r, u[k] + a, n - a, 0, &m))
				bad++;
		}
	}
	CHECK(bad == 0);
	/* "1ſt" is caseless "1st": rank's "st " met, "from " not */
	rules_digits(&d, u[2], 3, strlen(u[2]) - 3);
	rules_text_as_is(&t1, &d);
	CHECK(rules_exec(rs, 0, u[2], strlen(u[2]) - 3, 3, &m));
	CHECK(rules_needs_met(rs, 0, &t1) && rules_needs_met(rs, 61, &t1));
	CHECK(!rules_needs_met(rs, 1, &t1) && !rules_needs_met(rs, 62, &t1));
	/* "NO" at the end of the text is a whole word, though "ne"
	 * follows it past the end; "nonE" is not */
	rules_digits(&d, u[8], 3, strlen(u[8]) - 4);
	rules_text_as_is(&t1, &d);
	CHECK(rules_needs_met(rs, 2, &t1) && rules_needs_met(rs, 63, &t1));
	rules_digits(&d, u[6], 3, strlen(u[6]) - 3);
	rules_text_as_is(&t1, &d);
	CHECK(!rules_needs_met(rs, 2, &t1) && !rules_needs_met(rs, 63, &t1));
	rules_free(rs);
	/* a Kelvin sign is found wherever it lies, across the middle of
	 * the text too, though the set's words are one byte long */
	put("fold.tsv", "kind\tname\tflags\ttext\n"
	                "rule\tk\ti\tk\nneed\tk\t\tk\n"
	                "rule\tc\t\t:\nneed\tc\t\t:\n");
	snprintf(path, sizeof path, "%s/fold.tsv", dir);
	rs = rules_load(path, NULL);
	bad = 0;
	for (size_t len = 3; len <= 24; len++)
		for (size_t at = 0; at + 3 <= len; at++) {
			char txt[32];

			memset(txt, 'x', len);
			memcpy(txt + at, "\xe2\x84\xaa", 3);
			rules_digits(&d, txt, 0, len);
			rules_text_as_is(&t1, &d);
			if (!rules_needs_met(rs, 0, &t1) ||
			    rules_needs_met(rs, 1, &t1) ||
			    !rules_exec(rs, 0, txt, len, 0, &m))
				bad++;
		}
	CHECK(bad == 0);
	/* a group's number */
	CHECK(rules_group_number(rs, 0, "nosuch") == -1);
	CHECK(rules_group_number(rs, -1, "n") == -1);
	CHECK(rules_group_number(rs, 66, "n") == -1);
	rules_free(rs);
	put("groups.tsv", "kind\tname\tflags\ttext\n"
	                  "rule\tfig\t\t(?<sign>[-+])?(?<v>\\d+)(?<pc>%)?\n"
	                  "rule\tother\t\t(?<pc>%)(?<v>\\d)\n");
	snprintf(path, sizeof path, "%s/groups.tsv", dir);
	rs = rules_load(path, NULL);
	CHECK(rules_group_number(rs, 0, "sign") == 1);
	CHECK(rules_group_number(rs, 0, "v") == 2);
	CHECK(rules_group_number(rs, 0, "pc") == 3);
	CHECK(rules_group_number(rs, 1, "v") == 2 &&
	      rules_group_number(rs, 1, "pc") == 1);
	CHECK(rules_exec(rs, 0, "up +12% on", 10, 0, &m));
	CHECK(rules_group(&m, rules_group_number(rs, 0, "v"), &so, &eo) &&
	      rules_named(rs, &m, "v", &so2, &eo2) && so == so2 && eo == eo2 &&
	      so == 4 && eo == 6);
	CHECK(rules_exec(rs, 0, "up 12 on", 8, 0, &m));
	CHECK(!rules_group(&m, rules_group_number(rs, 0, "pc"), &so, &eo) &&
	      !rules_named(rs, &m, "pc", &so, &eo));
	rules_free(rs);
	sbuf_free(&body);
	sbuf_free(&buf);
}

int
main(void)
{
	snprintf(dir, sizeof dir, "/tmp/test_rules.XXXXXX");
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 99;
	}
	cs_setprog("test_rules");
	test_mechanism();
	test_end();
	test_after();
	test_start();
	test_needscan();
	test_lead();
	test_lead_windows();
	test_digits();
	test_first();
	test_nearw();
	test_nearw_windows();
	test_tables();
	test_first_lookahead();
	test_after_trie();
	test_digit_chain();
	test_vocab_shared();
	test_vocab_again();
	test_as_is();
	{
		char cmd[128];

		snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
		if (system(cmd) != 0)
			return 99;
	}
	return unit_done();
}
