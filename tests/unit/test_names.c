/* test_names.c - folding of place and offence names. */
#include "names.h"
#include "unit.h"

static sbuf key;

static const char *
fold(const char *s, int flags)
{
	return name_fold(s, strlen(s), flags, &key);
}

int
main(void)
{
	/* "&" and "and", case. */
	CHECK_STR(fold("Barking & Dagenham", 0), "barking and dagenham");
	CHECK_STR(fold("barking and dagenham", 0), "barking and dagenham");
	CHECK_STR(fold("Barking&Dagenham", 0), "barking and dagenham");
	CHECK_STR(fold("H&F", 0), "h and f");
	CHECK_STR(fold("&", 0), "and");
	/* Apostrophes join, other punctuation separates. */
	CHECK_STR(fold("St. James's", 0), "st jamess");
	CHECK_STR(fold("St James\xE2\x80\x99s", 0), "st jamess");
	CHECK_STR(fold("Kingston-upon-Thames", 0), "kingston upon thames");
	CHECK_STR(fold("Theft/Taking of M/V", 0), "theft taking of m v");
	CHECK_STR(fold("Burglary - Residential", 0), "burglary residential");
	CHECK_STR(fold("Burglary \xE2\x80\x93 Residential", 0),
	          "burglary residential");
	CHECK_STR(fold("Violence (with injury)", 0), "violence with injury");
	/* Spaces: repeated, leading, trailing, tabs, NBSP. */
	CHECK_STR(fold("  Tower   Hamlets \t", 0), "tower hamlets");
	CHECK_STR(fold("Tower\xC2\xA0Hamlets", 0), "tower hamlets");
	CHECK_STR(fold("Tower\xE2\x80\x8BHamlets", 0), "towerhamlets");
	/* Digits kept. */
	CHECK_STR(fold("Ward 12B", 0), "ward 12b");
	/* "Ward" dropped only at the end and only with the flag. */
	CHECK_STR(fold("St. James's Ward", NAME_DROP_WARD), "st jamess");
	CHECK_STR(fold("St. James's Ward", 0), "st jamess ward");
	CHECK_STR(fold("Coldfall ward.", NAME_DROP_WARD), "coldfall");
	CHECK_STR(fold("Ward", NAME_DROP_WARD), "ward");
	CHECK_STR(fold("Woodward", NAME_DROP_WARD), "woodward");
	CHECK_STR(fold("Ward End", NAME_DROP_WARD), "ward end");
	CHECK_STR(fold("Edgware Ward", NAME_DROP_WARD), "edgware");
	/* UTF-8 kept; Latin-1 capitals lowered; junk bytes kept as they are. */
	CHECK_STR(fold("Caf\xC3\xA9 Quarter", 0), "caf\xC3\xA9 quarter");
	CHECK_STR(fold("CAF\xC3\x89", 0), "caf\xC3\xA9");
	CHECK_STR(fold("2\xC3\x97"
	               "3",
	               0),
	          "2\xC3\x97"
	          "3");
	CHECK_STR(fold("x\xFFy\xE2", 0), "x\xFFy\xE2");
	/* Empty and punctuation only. */
	CHECK_STR(fold("", 0), "");
	CHECK_STR(fold("  ", NAME_DROP_WARD), "");
	CHECK_STR(fold(".,;-'", 0), "");
	/* The buffer is cleared each time; only n bytes are read. */
	CHECK_STR(name_fold("Barnet Ward", 6, NAME_DROP_WARD, &key), "barnet");
	CHECK_STR(name_fold("Ab\0cd", 5, 0, &key), "ab cd");
	/* The key a table of places files a name under. */
	CHECK(name_key("lad", "Newport", 7, &key) == 7);
	CHECK_STR(key.s, "lad newport");
	CHECK(name_key(NULL, "Barking & Dagenham", 18, &key) == 20);
	CHECK_STR(key.s, "barking and dagenham");
	CHECK(name_key("csp", " - ", 3, &key) == 0);
	sbuf_free(&key);
	return unit_done();
}
