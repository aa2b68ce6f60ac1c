/* test_borough.c - London borough lookup by code and spelling, the
 * population columns, and the fatal errors for a broken boroughs.tsv. */
#include <stdlib.h>
#include <string.h>

#include "borough.h"
#include "err.h"
#include "unit.h"
#include "child.h"

static const char *
find(const char *s)
{
	const cs_borough *b = borough_find(s, strlen(s));

	return b ? b->code : "(null)";
}

/* A boroughs.tsv in a temporary directory, loaded in a child. */
static char dir[64];

static void
load_from(const char *data)
{
	char path[128];
	FILE *f;

	snprintf(path, sizeof path, "%s/boroughs.tsv", dir);
	f = fopen(path, "w");
	if (f == NULL || fputs(data, f) < 0 || fclose(f) != 0)
		exit(99);
	setenv("CSPKIT_DATA", dir, 1);
	borough_count();
	exit(0);
}

#define HEADER                                                                 \
	"gss_code\tname\taliases\tla_"                                         \
	"type\tmid2020\tmid2019\tcensus2021\tcensus2011\n"

static int
broken(const char *data, const char *want)
{
	return child_fails(load_from, data, want);
}

static void
test_broken(void)
{
	CHECK(broken(HEADER "E09000003\tBarnet\t\tLBO\t399007\t\t38x\t1\n",
	             "boroughs.tsv:2: census2021: not a population: '38x'"));
	CHECK(broken(HEADER "E09000003\tBarnet\t\tLBO\t-5\t1\t1\t1\n",
	             "boroughs.tsv:2: mid2020: not a population: '-5'"));
	CHECK(broken(HEADER "E09000003\tBarnet\tBarnet Ward\tLBO\t1\t1\t1\t1\n"
	                    "E09000005\tBrent\tbarnet-ward\tLBO\t1\t1\t1\t1\n",
	             "boroughs.tsv:3: 'barnet-ward' already names Barnet"));
	CHECK(broken("gss_code\tname\taliases\tla_type\tmid2020\n",
	             "boroughs.tsv: no column 'mid2019'"));
	CHECK(broken(HEADER "E09000003\tBarnet\n",
	             "boroughs.tsv:2: 2 fields, the header has 8"));
}

static void
test_find(void)
{
	/* GSS codes, any case. */
	CHECK_STR(find("E09000003"), "E09000003");
	CHECK_STR(find(" e09000033 "), "E09000033");
	/* ONS names and the spellings of MPS files and board papers. */
	CHECK_STR(find("Barnet"), "E09000003");
	CHECK_STR(find("BARNET"), "E09000003");
	CHECK_STR(find("Barking and Dagenham"), "E09000002");
	CHECK_STR(find("Barking & Dagenham"), "E09000002");
	CHECK_STR(find("barking and dagenham"), "E09000002");
	CHECK_STR(find("Hammersmith & Fulham"), "E09000013");
	CHECK_STR(find("London Borough of Hammersmith & Fulham"), "E09000013");
	CHECK_STR(find("H&F"), "E09000013");
	CHECK_STR(find("Kensington & Chelsea"), "E09000020");
	CHECK_STR(find("Royal Borough of Kensington and Chelsea"), "E09000020");
	CHECK_STR(find("Kingston"), "E09000021");
	CHECK_STR(find("Kingston-upon-Thames"), "E09000021");
	CHECK_STR(find("Richmond"), "E09000027");
	CHECK_STR(find("Richmond upon Thames"), "E09000027");
	CHECK_STR(find("City of Westminster"), "E09000033");
	CHECK_STR(find("Westminster City Council"), "E09000033");
	CHECK_STR(find("Royal Borough of Greenwich"), "E09000011");
	CHECK_STR(find("City of London"), "E09000001");
	CHECK_STR(find("the City of London"), "E09000001");
	/* The council named after its area. */
	CHECK_STR(find("London Borough of Barnet"), "E09000003");
	CHECK_STR(find("Barnet Council"), "E09000003");
	CHECK_STR(find("LB Barnet"), "E09000003");
	CHECK_STR(find("Camden Borough Council"), "E09000007");
	CHECK_STR(find("Tower Hamlets council"), "E09000030");
	/* Not London local authorities. */
	CHECK_STR(find("London Heathrow and London City Airports"), "(null)");
	CHECK_STR(find("Aviation Security (SO18)"), "(null)");
	CHECK_STR(find("Unknown"), "(null)");
	CHECK_STR(find("City of London Police"), "(null)");
	CHECK_STR(find("Greater London"), "(null)");
	CHECK_STR(find("Barnett"), "(null)");
	CHECK_STR(find("E09000034"), "(null)");
	CHECK_STR(find("E0900000"), "(null)");
	CHECK_STR(find("Council"), "(null)");
	CHECK_STR(find("the council"), "(null)");
	CHECK_STR(find("LB"), "(null)");
	CHECK_STR(find(""), "(null)");
	CHECK_STR(find("  -- "), "(null)");
	CHECK_STR(find("\xFF\xFE"), "(null)");
	/* Only n bytes are read. */
	CHECK(borough_find("Barnet Ward", 6) == borough_find("Barnet", 6));
	CHECK(borough_find("Brentford", 5) == borough_find("Brent", 5));
	CHECK(borough_find("Brentford", 9) == NULL);
}

static void
test_table(void)
{
	const cs_borough *b;
	size_t i, ncity = 0;

	CHECK(borough_count() == 33);
	for (i = 0; i < borough_count(); i++)
		ncity += borough_at(i)->is_city;
	CHECK(ncity == 1);
	CHECK(borough_at(33) == NULL);

	b = borough_at(0);
	CHECK_STR(b->code, "E09000001");
	CHECK_STR(b->name, "City of London");
	CHECK(b->is_city);
	CHECK(b->pop[POP_CENSUS2011] == 7375);

	b = borough_find("Barnet", 6);
	CHECK_STR(b->name, "Barnet");
	CHECK(!b->is_city);
	CHECK(b->pop[POP_MID2020] == 399007);
	CHECK(b->pop[POP_MID2019] == 395869);
	CHECK(b->pop[POP_CENSUS2021] == 388400);
	CHECK(b->pop[POP_CENSUS2011] == 356386);
	/* Camden: mid-2020 and Census 2021 differ by a third. */
	b = borough_find("Camden", 6);
	CHECK(b->pop[POP_MID2020] == 279516 &&
	      b->pop[POP_CENSUS2021] == 209700);

	CHECK(borough_estimate("mid2020") == POP_MID2020);
	CHECK(borough_estimate("mid2019") == POP_MID2019);
	CHECK(borough_estimate("census2021") == POP_CENSUS2021);
	CHECK(borough_estimate("CENSUS2011") == POP_CENSUS2011);
	CHECK(borough_estimate("mid2021") == -1);
	CHECK(borough_estimate("") == -1);
	CHECK(borough_estimate("mid20200") == -1);
	CHECK_STR(borough_estimate_name(POP_MID2020), "mid2020");
	CHECK_STR(borough_estimate_name(POP_CENSUS2011), "census2011");
	CHECK(borough_estimate_name(-1) == NULL);
	CHECK(borough_estimate_name(POP_N) == NULL);
}

int
main(void)
{
	char cmd[128];

	cs_setprog("test_borough");
	/* Run from the top of the tree without the Makefile's environment. */
	setenv("CSPKIT_DATA", "lib/data", 0);
	strcpy(dir, "/tmp/test_borough.XXXXXX");
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 99;
	}
	test_broken(); /* first: children must not inherit a load */
	test_find();
	test_table();
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		return 99;
	return unit_done();
}
