/* Regression tests for lib/ bugs found by the fuzzers (tests/fuzz/): each
 * case names the crash input it came from. */
#include <string.h>

#include "csvin.h"
#include "num.h"
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

int
main(void)
{
	csvin_open_outlives_its_frame();
	zero_is_no_rank();
	return unit_done();
}
