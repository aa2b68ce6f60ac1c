/* test_geo.c - the national geography: areas by code and name, the chain
 * LSOA -> ward -> authority -> partnership -> force, populations, and the
 * fatal errors for a broken areas.tsv. */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "geo.h"
#include "unit.h"
#include "child.h"

static const char *
code(const geo_area *a)
{
	return a ? a->code : "(null)";
}

static const geo_area *
name(const char *s, int level)
{
	return geo_name(s, strlen(s), level);
}

static const geo_area *
bycode(const char *s)
{
	return geo_code(s, strlen(s));
}

static char dir[64];

static void
load_from(const char *data)
{
	char path[128];
	FILE *f;

	snprintf(path, sizeof path, "%s/areas.tsv", dir);
	f = fopen(path, "w");
	if (f == NULL || fputs(data, f) < 0 || fclose(f) != 0)
		exit(99);
	setenv("CSPKIT_DATA", dir, 1);
	geo_count();
	exit(0);
}

#define HEADER "code\tname\tlevel\tparent_code\taliases\tmid2020\tmid2022\n"

static int
broken(const char *data, const char *want)
{
	return child_fails(load_from, data, want);
}

static void
test_broken(void)
{
	CHECK(
	    broken(HEADER "W15000002\tGwent\tforce\t\t\t1\t1\n",
	           "areas.tsv:2: level 'force' is not ward, lad, csp or pfa"));
	CHECK(broken(HEADER "W14000022\tNewport\tcsp\tW15000099\t\t1\t1\n",
	             "areas.tsv:2: W14000022: parent W15000099 is not in the "
	             "table one level up"));
	CHECK(broken(HEADER "W15000002\tGwent\tpfa\t\t\t1\t1\nW15000002\tGwent"
	                    "\tpfa\t\t\t1\t1\n",
	             "areas.tsv:3: W15000002 is listed twice"));
	CHECK(broken(HEADER "W15000002\tGwent\tpfa\t\t\tmany\t1\n",
	             "areas.tsv:2: mid2020: not a population: 'many'"));
}

static void
test_chain(void)
{
	const geo_area *w, *lad;

	/* A 2021 LSOA of Newport (W01001623, "Newport 001A"). */
	w = geo_lsoa("W01001623", 9);
	CHECK(w != NULL && w->level == GEO_WARD);
	lad = geo_up(w, GEO_LAD);
	CHECK_STR(code(lad), "W06000022");
	CHECK_STR(code(geo_up(w, GEO_CSP)), "W14000022");
	CHECK_STR(code(geo_up(w, GEO_PFA)), "W15000002");
	CHECK_STR(geo_up(w, GEO_PFA)->name, "Gwent");
	CHECK(geo_up(lad, GEO_WARD) == NULL);
	CHECK(geo_up(lad, GEO_LAD) == lad);
	/* A 2011 code the 2021 lookup lacks. */
	CHECK(geo_lsoa("W01001476", 9) == NULL);
	CHECK(geo_lsoa("", 0) == NULL);
	/* Barnet: borough, partnership, the Met. */
	CHECK_STR(code(geo_up(bycode("E09000003"), GEO_CSP)), "E22000187");
	CHECK_STR(code(geo_up(bycode("E09000003"), GEO_PFA)), "E23000001");
	/* The City has its own force. */
	CHECK_STR(code(geo_up(bycode("E09000001"), GEO_PFA)), "E23000034");
}

static void
test_names(void)
{
	CHECK_STR(code(name("Newport", GEO_LAD)), "W06000022");
	CHECK_STR(code(name("Newport", GEO_CSP)), "W14000022");
	CHECK_STR(code(name("newport", GEO_PFA)), "(null)");
	/* LSOA-name spellings and 2017 predecessors. */
	CHECK_STR(code(name("Bristol", GEO_LAD)), "E06000023");
	CHECK_STR(code(name("Bristol, City of", GEO_LAD)), "E06000023");
	CHECK_STR(code(name("The Vale of Glamorgan", GEO_LAD)), "W06000014");
	CHECK_STR(code(name("Aylesbury Vale", GEO_LAD)), "E06000060");
	CHECK_STR(code(name("Hambleton", GEO_LAD)), "E06000065");
	/* Forces as police.uk names them. */
	CHECK_STR(code(name("Gwent Police", GEO_PFA)), "W15000002");
	CHECK_STR(code(name("City of London Police", GEO_PFA)), "E23000034");
	CHECK_STR(code(name("Metropolitan Police Service", GEO_PFA)),
	          "E23000001");
	CHECK_STR(code(name("Avon and Somerset Constabulary", GEO_PFA)),
	          "E23000036");
	/* Wards are found by code only. */
	CHECK(name("Abbey", GEO_WARD) == NULL);
	CHECK(name("Newport", -1) == NULL);
	CHECK(name("Newport", GEO_NLEVELS) == NULL);
	CHECK(name("Theale", GEO_LAD) == NULL);
}

static void
test_population(void)
{
	int e20 = geo_estimate("mid2020"), e22 = geo_estimate("mid2022");

	CHECK(e20 >= 0 && e22 >= 0 && geo_estimate("census2011") == -1);
	CHECK(bycode("W06000022")->pop[e20] == 156447);
	CHECK(bycode("W06000022")->pop[e22] == 161506);
	/* Cwm Taf: Rhondda Cynon Taf + Merthyr Tydfil. */
	CHECK(bycode("W14000023")->pop[e20] ==
	      bycode("W06000016")->pop[e20] + bycode("W06000024")->pop[e20]);
	/* A ward has none. */
	CHECK(geo_lsoa("W01001623", 9)->pop[e20] == -1);
	CHECK(geo_level("lsoa") == -2 && geo_level("csp") == GEO_CSP &&
	      geo_level("force") == -1);
}

int
main(void)
{
	char cmd[128];

	cs_setprog("test_geo");
	setenv("CSPKIT_DATA", "lib/data", 0);
	strcpy(dir, "/tmp/test_geo.XXXXXX");
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 99;
	}
	test_broken(); /* first: children must not inherit a load */
	test_chain();
	test_names();
	test_population();
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		return 99;
	return unit_done();
}
