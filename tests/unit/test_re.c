/* Unit tests for lib/re.c: groups, named groups, UTF-8, limits. */
#include "mem.h"
#include "re.h"
#include "unit.h"

int
main(void)
{
	cs_re *re = re_compile("(?<n>\\d+)\\s+crimes per (\\d+)", "i", "test");
	const char *s = "there were 68 Crimes per 1000 residents";
	const char *s2 = "and 7 crimes per 100";
	re_caps m, m2;
	size_t so, eo;

	CHECK(re_match(re, s, strlen(s), 0, &m) == RE_MATCH);
	CHECK(re_named(re, &m, "n", &so, &eo) && so == 11 && eo == 13);
	CHECK(re_group(&m, 2, &so, &eo) && eo - so == 4);
	CHECK(!re_named(re, &m, "nosuch", &so, &eo));
	CHECK(!re_group(&m, 3, &so, &eo)); /* the pattern has two groups */
	/* A second match on the same pattern leaves the first's captures
	 * as they were: the regex keeps no "last match". */
	CHECK(re_match(re, s2, strlen(s2), 0, &m2) == RE_MATCH);
	CHECK(re_named(re, &m2, "n", &so, &eo) && so == 4 && eo == 5);
	CHECK(re_named(re, &m, "n", &so, &eo) && so == 11 && eo == 13);
	CHECK(re_group(&m, 0, &so, &eo) && so == 11 && eo == 29);
	/* A failed match reports no groups, even in a caps used before. */
	CHECK(re_match(re, s, strlen(s), 14, &m) == RE_NOMATCH);
	/* re_max_bytes: the longest match; caseless "k"/"s" may be 3 and 2
	 * bytes (Kelvin sign, long s), a class or escape 4 */
	CHECK(re_max_bytes("a?b{2}") == 3);
	CHECK(re_max_bytes("(?:ab|cdef)x") == 5);
	CHECK(re_max_bytes("(?<![\\w-])(?:up|down) (?:the |an? )?$") == 9);
	CHECK(re_max_bytes("\\d{0,2}\\ ") == 9);
	CHECK(re_max_bytes("[]a]ks") == 10);
	CHECK(re_max_bytes("a+") == RE_UNBOUNDED);
	CHECK(re_max_bytes("[0-9.,]+ to") == RE_UNBOUNDED);
	CHECK(re_max_bytes("(?<n>ab)\\1") == RE_UNBOUNDED);
	CHECK(re_max_bytes("(?i)ab") == RE_UNBOUNDED);
	CHECK(re_maxlen(re) == RE_UNBOUNDED);
	/* re_maxlen works it out at its first call, the same each time */
	{
		cs_re *a = re_compile("(?:ab|cdef)x", "i", "test");
		cs_re *b = re_compile("(?:ab|cdef)x", "ix", "test");

		CHECK(re_maxlen(a) == 5 && re_maxlen(a) == 5);
		CHECK(re_maxlen(b) == RE_UNBOUNDED);
		re_free(a);
		re_free(b);
	}
	/* a start limit (flag o): no match starting after offset 11 */
	cs_re *ro = re_compile("crimes", "io", "test");
	CHECK(re_match_upto(ro, s, strlen(s), 0, 13, &m) == RE_NOMATCH);
	CHECK(re_match_upto(ro, s, strlen(s), 0, 14, &m) == RE_MATCH);
	CHECK(re_match(ro, s, strlen(s), 0, &m) == RE_MATCH);
	re_free(ro);
	CHECK(!re_group(&m, 1, &so, &eo));
	CHECK(re_group(&m2, 1, &so, &eo)); /* the other is untouched */
	/* A start past the end is refused, not read. */
	CHECK(re_match(re, s, 3, 4, &m) == RE_LIMIT && m.ncap == 0);
	/* NULL captures: only the answer. */
	CHECK(re_match(re, s, strlen(s), 0, NULL) == RE_MATCH);
	/* The subject length is honoured: the match would need byte 20. */
	CHECK(!re_test(re, s, 20));
	re_free(re);

	/* Names to numbers, in any order; a name twice is no one group. */
	re = re_compile("(?<b>x)(?<a>y)(?<c>z)(?<ab>w)", "", "test");
	CHECK(re_name_number(re, "a") == 2 && re_name_number(re, "b") == 1);
	CHECK(re_name_number(re, "c") == 3 && re_name_number(re, "ab") == 4);
	CHECK(re_name_number(re, "d") == -1 && re_name_number(re, "") == -1);
	re_free(re);
	re = re_compile("(?J)(?<n>a)|(?<n>b)", "", "test");
	CHECK(re_name_number(re, "n") == -1);
	re_free(re);
	/* names compared byte by byte: one the start of another, or
	 * longer than every name; a name twice among others */
	re = re_compile("(?<abc>x)(?<ab>y)(?<b>z)", "", "test");
	CHECK(re_name_number(re, "ab") == 2 && re_name_number(re, "abc") == 1);
	CHECK(re_name_number(re, "a") == -1 &&
	      re_name_number(re, "abcd") == -1);
	CHECK(re_name_number(re, "b") == 3 && re_name_number(re, "bc") == -1);
	re_free(re);
	re = re_compile("(?J)(?<a>x)(?:(?<n>a)|(?<n>b))(?<z>y)", "", "test");
	CHECK(re_name_number(re, "n") == -1 && re_name_number(re, "a") == 1);
	CHECK(re_name_number(re, "z") == 4);
	re_free(re);
	re = re_compile("(a)", "", "test");
	CHECK(re_name_number(re, "a") == -1);
	re_free(re);

	/* UTF-8 with UCP: \w matches an accented letter, offsets in bytes. */
	re = re_compile("caf\\w\\b", "", "test");
	CHECK(re_test(re, "le café noir", 13));
	re_free(re);

	/* A match's mark: the name of the last (*MARK) or (*:NAME) passed
	 * on its way; none for a pattern without, nor for a branch
	 * without one */
	re = re_compile("(?:ab(*:first)|a(*MARK:second)c|ad)", "", "test");
	CHECK(re_match(re, "xab", 3, 0, &m) == RE_MATCH && m.mark != NULL &&
	      strcmp(m.mark, "first") == 0);
	CHECK(re_match(re, "xac", 3, 0, &m) == RE_MATCH && m.mark != NULL &&
	      strcmp(m.mark, "second") == 0);
	CHECK(re_match(re, "xad", 3, 0, &m) == RE_MATCH && m.mark == NULL);
	re_free(re);
	re = re_compile("a(b)", "", "test");
	CHECK(re_match(re, "ab", 2, 0, &m) == RE_MATCH && m.mark == NULL &&
	      m.ncap == 2);
	re_free(re);

	/* An optional group that does not take part is reported unset. */
	re = re_compile("(a)?b", "", "test");
	CHECK(re_match(re, "b", 1, 0, &m) == RE_MATCH);
	CHECK(re_group(&m, 0, &so, &eo) && so == 0 && eo == 1);
	CHECK(!re_group(&m, 1, &so, &eo));
	re_free(re);

	/* re_first_bytes: an anchored pattern's first bytes, each non-ASCII
	 * lead byte among them (a Unicode space for \s, a long s for a
	 * caseless "s"); none for a pattern not anchored, or one that may
	 * match nothing. */
	{
		unsigned char set[32];
#define IN(c) ((set[(unsigned char)(c) >> 3] >> ((c)&7)) & 1)
		const char *h = "^\\s*#{1,6}\\s";

		re = re_compile(h, "", "test");
		CHECK(re_first_bytes(re, h, set));
		CHECK(IN('#') && IN(' ') && IN('\t') && !IN('a') && !IN('1'));
		CHECK(IN(0xC2) && IN(0xE2)); /* U+00A0, U+2003 */
		CHECK(re_test(re, "\xc2\xa0# Heading", 13));
		re_free(re);
		h = "\\G (?:above|below)";
		re = re_compile(h, "i", "test");
		CHECK(re_first_bytes(re, h, set) && IN(' ') && !IN('a'));
		re_free(re);
		h = "\\Gsame";
		re = re_compile(h, "i", "test");
		CHECK(re_first_bytes(re, h, set) && IN('s') && IN('S'));
		CHECK(IN(0xC5) && !IN('t')); /* U+017F, long s */
		CHECK(re_test(re,
		              "\xc5\xbf"
		              "ame",
		              5));
		re_free(re);
		h = "(?:^|x)a";
		re = re_compile(h, "", "test");
		CHECK(!re_first_bytes(re, h, set));
		re_free(re);
		h = "^a?";
		re = re_compile(h, "", "test");
		CHECK(!re_first_bytes(re, h, set));
		re_free(re);
		h = "^(?:a|.)";
		re = re_compile(h, "", "test");
		CHECK(!re_first_bytes(re, h, set) || (IN('a') && IN('z')));
		re_free(re);
		/* re_first_bytes_past_space: those after the white space
		 * a pattern starts with, when none is a space itself */
		h = "^\\s*#{1,6}\\s";
		re = re_compile(h, "", "test");
		CHECK(re_first_bytes_past_space(re, h, set));
		CHECK(IN('#') && !IN(' ') && !IN('\t') && IN(0xC2));
		re_free(re);
		h = "\\G\\s*(?:this|it)\\b";
		re = re_compile(h, "i", "test");
		CHECK(re_first_bytes_past_space(re, h, set));
		CHECK(IN('t') && IN('I') && !IN(' ') && !IN('a'));
		re_free(re);
		h = "^\\s*(?:\\s#|x)"; /* a match may start among the spaces */
		re = re_compile(h, "", "test");
		CHECK(!re_first_bytes_past_space(re, h, set));
		re_free(re);
		h = "^ *#";
		re = re_compile(h, "", "test");
		CHECK(!re_first_bytes_past_space(re, h, set));
		re_free(re);
		h = "^\\s*a?";
		re = re_compile(h, "", "test");
		CHECK(!re_first_bytes_past_space(re, h, set));
		re_free(re);
#undef IN
	}

	/* Catastrophic backtracking hits the limit and says so. */
	re_set_limits(10000, 1000);
	re = re_compile("^(a+)+$", "", "test");
	{
		char buf[64];

		memset(buf, 'a', 40);
		buf[40] = 'b';
		CHECK(re_match(re, buf, 41, 0, &m) == RE_LIMIT && m.ncap == 0);
		CHECK(!re_test(re, buf, 41));
	}
	re_free(re);
	return unit_done();
}
