/* Unit tests for lib/csvin.c: quoting, embedded newlines, BOM, CRLF,
 * blank lines, record line numbers. */
#include "csvin.h"
#include "tmpfile.h"
#include "unit.h"

int
main(void)
{
	static const char data[] =
	    "\xEF\xBB\xBF"
	    "MajorText,MinorText,LookUp_BoroughName,201901\r\n"
	    "Burglary,\"Burglary - Residential\",Barnet,\"1,234\"\r\n"
	    "\r\n"
	    "Theft,\"Other \"\"Theft\"\"\",\"St James's\",7\r\n"
	    "\"Two\nlines\",x,,\r\n"
	    "last,row,no,lf";
	char p[32];
	csvin *c;

	unit_tmpfile(p, data, sizeof data - 1);
	c = csvin_open(p);
	CHECK(csvin_next(c));
	CHECK(csvin_nfields(c) == 4);
	CHECK_STR(csvin_get(c, 0), "MajorText"); /* BOM stripped */
	CHECK_STR(csvin_get(c, 3), "201901");
	CHECK(csvin_lineno(c) == 1);
	CHECK(csvin_next(c));
	CHECK_STR(csvin_get(c, 1), "Burglary - Residential");
	CHECK_STR(csvin_get(c, 3), "1,234");
	CHECK(csvin_len(c, 3) == 5);
	CHECK(csvin_lineno(c) == 2);
	CHECK(csvin_next(c)); /* blank line skipped */
	CHECK(csvin_lineno(c) == 4);
	CHECK_STR(csvin_get(c, 1), "Other \"Theft\"");
	CHECK_STR(csvin_get(c, 2), "St James's");
	CHECK(csvin_next(c));
	CHECK(csvin_lineno(c) == 5); /* where it starts */
	CHECK_STR(csvin_get(c, 0), "Two\nlines");
	CHECK(csvin_nfields(c) == 4);
	CHECK_STR(csvin_get(c, 3), "");
	CHECK_STR(csvin_get(c, 9), ""); /* past the end */
	CHECK(csvin_next(c));
	CHECK(csvin_lineno(c) == 7);
	CHECK_STR(csvin_get(c, 3), "lf");
	CHECK(!csvin_next(c));
	CHECK_STR(csvin_source(c), p);
	csvin_close(c);
	unlink(p);
	return unit_done();
}
