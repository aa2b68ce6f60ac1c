/* test_sniff.c - input kinds from a first line: the headers of the public
 * files issue 17 tried, and first lines of report text that have commas
 * but are no CSV. */
#include "sniff.h"
#include "unit.h"

static sniff_kind
kind(const char *s)
{
	return sniff_line(s, strlen(s));
}

int
main(void)
{
	/* Binary kinds by magic bytes. */
	CHECK(kind("%PDF-1.7") == SNIFF_PDF);
	CHECK(kind("PK\3\4\24\0\6\0") == SNIFF_ZIP);
	/* Crime files. */
	CHECK(kind("MajorText,MinorText,WardName,WardCode,LookUp_BoroughName,"
	           "202401") == SNIFF_MPS);
	CHECK(kind("Borough,Major Category,Minor Category,201701,201702") ==
	      SNIFF_MPS);
	CHECK(
	    kind(
	        "Crime ID,Month,Reported by,Falls within,Longitude,Latitude") ==
	    SNIFF_POLICEUK);
	/* ONS lookups: code and name columns, a row number. */
	CHECK(kind("FID,WD19CD,WD19NM,LAD19CD,LAD19NM") == SNIFF_ONS_WARD);
	CHECK(
	    kind(
	        "WD23CD, WardName,WD23NMW,LAD23CD,LAD23NM,LAD23NMW,ObjectId") ==
	    SNIFF_ONS_WARD);
	CHECK(kind("LSOA21CD,LSOA21NM,LSOA21NMW,WD25CD,WD25NM,WD25NMW,LAD25CD,"
	           "LAD25NM,LAD25NMW,ObjectId") == SNIFF_ONS_WARD);
	CHECK(kind("LAD17CD,LAD17NM,CSP17CD,CSP17NM,PFA17CD,PFA17NM,FID") ==
	      SNIFF_ONS_LOOKUP);
	/* Other CSVs: population and density tables. */
	CHECK(kind("Code,Name,Year,Source,Population,Inland_Area _Hectares") ==
	      SNIFF_CSV);
	CHECK(kind("ward,population") == SNIFF_CSV);
	CHECK(kind("LAD 2023 Code,LAD 2023 Name,Ward 2023 Code,Ward 2023 "
	           "Name,Total") == SNIFF_CSV);
	CHECK(kind("Code,Name,Geography1,All ages,0,1,2,3,,,,") == SNIFF_CSV);
	/* TSV and text are not CSV. */
	CHECK(kind("source\tline\tarea,x\tvalue") == SNIFF_TEXT);
	CHECK(kind("Barnet Safer Communities Partnership Board") == SNIFF_TEXT);
	/* Counter-examples: report first lines with commas. */
	CHECK(kind("Safer Communities Board, 12 March 2019.") == SNIFF_TEXT);
	CHECK(kind("Minutes of the meeting held on Tuesday, 5 March 2024, at "
	           "7pm") == SNIFF_TEXT);
	CHECK(kind("Crime fell in Barnet, Enfield and Harrow over the year, "
	           "the report says") == SNIFF_TEXT);
	CHECK(kind("Community Safety, Crime and Disorder") == SNIFF_TEXT);
	CHECK(kind("Crime, Disorder, Anti-Social Behaviour") == SNIFF_TEXT);
	CHECK(kind("Burglary, Robbery, Theft") == SNIFF_TEXT);
	return unit_done();
}
