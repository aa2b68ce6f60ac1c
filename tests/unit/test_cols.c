/* test_cols.c - finding a header column by the names it goes by (lib/cols),
 * over arrays (join-wards' lookups) and over a CSV header (csvin_col,
 * normalise-crime's MPS and police.uk files). */
#include "cols.h"
#include "csvin.h"
#include "tmpfile.h"
#include "unit.h"

static bool
is(const char *s, const char *name)
{
	return col_is(s, strlen(s), name);
}

static void
test_is(void)
{
	CHECK(is("Borough", "Borough"));
	/* Case and spaces at either end aside. */
	CHECK(is("BOROUGH", "Borough"));
	CHECK(is(" WardName", "WardName")); /* an ONS lookup of 2023 */
	CHECK(is("Crime type \t", "Crime type"));
	CHECK(is("\xC2\xA0"
	         "Borough",
	         "Borough"));              /* NBSP from a spreadsheet */
	CHECK(is("Borough", " Borough ")); /* the name trimmed too */
	/* Not a prefix, not inner spaces. */
	CHECK(!is("BoroughName", "Borough"));
	CHECK(!is("Borough", "BoroughName"));
	CHECK(!is("Crime  type", "Crime type"));
	CHECK(!is("", "Borough"));
	/* '#' is one digit: ONS's year-stamped codes. */
	CHECK(is("WD23CD", "WD##CD"));
	CHECK(is("wd24cd", "WD##CD"));
	CHECK(is("LAD23NM", "LAD##NM"));
	CHECK(!is("WD2CD", "WD##CD"));
	CHECK(!is("WD234CD", "WD##CD"));
	CHECK(!is("WDxxCD", "WD##CD"));
	CHECK(!is("WD23NM", "WD##CD"));
	CHECK(!is("LAD23CD", "WD##CD"));
	/* ... or itself, so a name given by the user ("Ward #") is found. */
	CHECK(is("Ward #", "Ward #"));
	/* Only n bytes of the cell are read. */
	CHECK(col_is("WardNameX", 8, "WardName"));
}

static void
test_find(void)
{
	static const char *const hdr[] = { "FID",     " WD23CD", "WD23NM",
		                           "LAD23CD", "LAD23NM", "ward_name" };
	static const char *const code[] = { "ward_code", "WD##CD", NULL };
	static const char *const name[] = { "ward_name", "WD##NM", "WardName",
		                            NULL };
	static const char *const vint[] = { "vintage", NULL };
	static const char *const none[] = { NULL };
	static const size_t len[] = { 3, 7, 6, 7, 7, 5 };

	CHECK(col_find(hdr, NULL, 6, code) == 1);
	/* The first cell, left to right, that is any of the names: not the
	 * first name of the list. */
	CHECK(col_find(hdr, NULL, 6, name) == 2);
	CHECK(col_find(hdr, NULL, 6, vint) == -1);
	CHECK(col_find(hdr, NULL, 6, none) == -1);
	CHECK(col_find(hdr, NULL, 0, code) == -1);
	/* With lengths, only len[i] bytes of each cell ("ward_" is not
	 * "ward_name"). */
	CHECK(col_find(hdr, len, 6, name) == 2);
	{
		static const char *const only[] = { "ward_name", NULL };

		CHECK(col_find(hdr, NULL, 6, only) == 5);
		CHECK(col_find(hdr, len, 6, only) == -1);
	}
}

static void
test_csvin_col(void)
{
	static const char data[] =
	    "\xEF\xBB\xBF"
	    "MajorText,MinorText,\" LookUp_BoroughName \",201901\r\n"
	    "Burglary,Residential,Barnet,4\r\n";
	static const char *const major[] = { "Major Category", "MajorText",
		                             "Group", NULL };
	static const char *const borough[] = { "Borough", "LookUp_BoroughName",
		                               "BoroughName", NULL };
	static const char *const ward[] = { "WardName", NULL };
	char p[32];
	csvin *c;

	unit_tmpfile(p, data, sizeof data - 1);
	c = csvin_open(p);
	CHECK(csvin_next(c));
	CHECK(csvin_col(c, major) == 0);
	CHECK(csvin_col(c, borough) == 2); /* quoted, spaces inside */
	CHECK(csvin_col(c, ward) == -1);
	csvin_close(c);
	unlink(p);
}

int
main(void)
{
	test_is();
	test_find();
	test_csvin_col();
	return unit_done();
}
