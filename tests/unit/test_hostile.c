/* Regression tests for lib/ bugs found by the hardening work: the fuzzers
 * (tests/fuzz/; each case names the input it came from) and the hostile
 * input suite (tests/hostile/). */
#include <fcntl.h>
#include <string.h>

#include "csvin.h"
#include "date.h"
#include "mem.h"
#include "num.h"
#include "text.h"
#include "tsv.h"
#include "tmpfile.h"
#include "unit.h"

/* Overwrite the stack below the caller, where a dead frame's locals were. */
static void
clobber_stack(void)
{
	volatile char junk[8192];

	for (size_t i = 0; i < sizeof junk; i++)
		junk[i] = (char)0xA5;
}

/* fuzz_csvin, empty input: csvin_open handed lines_open a stack array of
 * operand names that lines_open kept, so the first csvin_next after any
 * deeper call read a dead frame (SEGV).  lines_open now copies the list. */
static void
csvin_open_outlives_its_frame(void)
{
	char p[32];
	csvin *c;

	unit_tmpfile(p, "a,b\n1,2\n", 8);
	c = csvin_open(p);
	clobber_stack();
	CHECK(csvin_next(c));
	CHECK_STR(csvin_get(c, 1), "b");
	CHECK(csvin_next(c));
	CHECK_STR(csvin_get(c, 0), "1");
	CHECK(!csvin_next(c));
	csvin_close(c);
	unlink(p);
}

/* fuzz_num, "0/667\xc2\xb9": "0/N" was a rank (has_of) although num.h
 * promises has_of only for 0 < a <= b. */
static void
zero_is_no_rank(void)
{
	cs_num v;

	CHECK(num_parse("0/667", 5, &v) == NUM_NONE);
	CHECK(num_parse("0/32\xc2\xb9", 6, &v) == NUM_NONE);
	CHECK(num_parse("1/32", 4, &v) == NUM_OK && v.has_of && v.of == 32);
	CHECK(num_parse("0", 1, &v) == NUM_OK && !v.has_of);
}

/* The writer's bytes for one row of the fields given, read back. */
static const char *
written(const char *const f[], size_t nf, const size_t len[])
{
	static char got[256];
	char p[32];
	int fd, saved;
	ssize_t n;

	unit_tmpfile(p, "", 0);
	fd = open(p, O_WRONLY | O_TRUNC);
	saved = dup(STDOUT_FILENO);
	dup2(fd, STDOUT_FILENO);
	for (size_t i = 0; i < nf; i++)
		out_fieldn(f[i], len[i]);
	out_endrow();
	out_flush();
	dup2(saved, STDOUT_FILENO);
	close(saved);
	close(fd);
	fd = open(p, O_RDONLY);
	n = read(fd, got, sizeof got - 1);
	got[n > 0 ? n : 0] = '\0';
	close(fd);
	unlink(p);
	return got;
}

/* hostile suite, bad-utf8 cases: pass-through columns copied bytes that
 * are not UTF-8 into the output; SPEC section 1 says it is UTF-8. */
static void
writer_keeps_output_utf8(void)
{
	const char *f[] = { "Bar\xffnet",
		            "Burg\xc0\xaf"
		            "ary",
		            "caf\xc3\xa9 \xe2\x80\x93",
		            "\xed\xa0\x80",
		            "x\xf0\x9f\x98",
		            "a\tb\0c" };
	size_t len[] = { 7, 9, 9, 3, 4, 5 };

	CHECK_STR(written(f, 6, len),
	          "Bar\xef\xbf\xbdnet\tBurg\xef\xbf\xbd\xef\xbf\xbd"
	          "ary\t"
	          "caf\xc3\xa9 \xe2\x80\x93\t"              /* valid: kept */
	          "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\t"  /* a surrogate */
	          "x\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\t" /* cut short */
	          "a b c\n");
}

/* fuzz_date, "1,months to 30Mar09": period_shift labelled a day-exact
 * period that a shift moved onto a month end "12m to 2019-02-28", which
 * period_parse reads back as "12m to 2019-02": two labels for one period,
 * so a base period built by a shift did not match the same period read
 * from a report.  The year before "12 months to 28 February 2020" (a leap
 * year: not a month end) is the 12 months to February 2019. */
static void
shift_onto_month_end_is_whole_months(void)
{
	cs_period p, q, back;

	CHECK(period_parse("12 months to 28 February 2020", 29, &p));
	CHECK_STR(p.label, "12m to 2020-02-28");
	q = period_shift(&p, -12);
	CHECK_STR(q.label, "12m to 2019-02");
	CHECK(q.start.y == 2018 && q.start.m == 3 && q.start.d == 1);
	CHECK(q.end.y == 2019 && q.end.m == 2 && q.end.d == 28);
	CHECK(period_parse(q.label, strlen(q.label), &back));
	CHECK_STR(back.label, q.label);
	/* Still day-exact when the shifted end is not a month end. */
	CHECK(period_parse("12 months to 15 March 2019", 26, &p));
	q = period_shift(&p, -12);
	CHECK_STR(q.label, "12m to 2018-03-15");
}

/* fuzz_nc_text: an empty table cell reached tax_map, and so utf8_fix, as
 * (NULL, 0); NULL + 0 is undefined (UBSan stopped the fuzzer). */
static void
empty_null_text_is_fine(void)
{
	sbuf b = SBUF_INIT;

	CHECK(utf8_fix(NULL, 0, &b) == 0);
	CHECK(b.len == 0);
	CHECK(utf8_valid(NULL, 0));
	sbuf_free(&b);
}

int
main(void)
{
	empty_null_text_is_fine();
	shift_onto_month_end_is_whole_months();
	writer_keeps_output_utf8();
	csvin_open_outlives_its_frame();
	zero_is_no_rank();
	return unit_done();
}
