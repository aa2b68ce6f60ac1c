/* Unit tests for lib/re.c: groups, named groups, UTF-8, limits. */
#include "mem.h"
#include "re.h"
#include "unit.h"

int
main(void)
{
	cs_re *re = re_compile("(?<n>\\d+)\\s+crimes per (\\d+)", "i", "test");
	const char *s = "there were 68 Crimes per 1000 residents";
	size_t so, eo;

	CHECK(re_match(re, s, strlen(s), 0) == RE_MATCH);
	CHECK(re_named(re, "n", &so, &eo) && so == 11 && eo == 13);
	CHECK(re_group(re, 2, &so, &eo) && eo - so == 4);
	CHECK(!re_named(re, "nosuch", &so, &eo));
	CHECK(re_match(re, s, strlen(s), 14) == RE_NOMATCH);
	CHECK(!re_group(re, 1, &so, &eo)); /* no match, no groups */
	/* The subject length is honoured: the match would need byte 20. */
	CHECK(!re_test(re, s, 20));
	re_free(re);

	/* UTF-8 with UCP: \w matches an accented letter, offsets in bytes. */
	re = re_compile("caf\\w\\b", "", "test");
	CHECK(re_test(re, "le café noir", 13));
	re_free(re);

	/* An optional group that does not take part is reported unset. */
	re = re_compile("(a)?b", "", "test");
	CHECK(re_test(re, "b", 1));
	CHECK(!re_group(re, 1, &so, &eo));
	re_free(re);

	/* Catastrophic backtracking hits the limit and says so. */
	re_set_limits(10000, 1000);
	re = re_compile("^(a+)+$", "", "test");
	{
		char buf[64];

		memset(buf, 'a', 40);
		buf[40] = 'b';
		CHECK(re_match(re, buf, 41, 0) == RE_LIMIT);
		CHECK(!re_test(re, buf, 41));
	}
	re_free(re);
	return unit_done();
}
