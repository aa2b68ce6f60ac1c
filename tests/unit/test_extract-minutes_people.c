/* test_extract-minutes_people.c - extract-minutes' people: attendance entries, titles,
 * and the resolver that turns "Ms Bell", "she" or "the Meetings
 * Administrator" into the person the minutes name (people.c, owners.c). */
#include <stdlib.h>
#include <string.h>

#include "people.h"
#include "prose.h"
#include "unit.h"

static nameidx *ix;

/* Resolve under flags; the name, or "?" plus the reference as kept when
 * it is not resolved, "*" when several people fit. */
static const char *
res(const char *ref, int flags)
{
	static char out[128];
	int st;
	char *full = nameidx_resolve_as(ix, ref, flags, &st);

	snprintf(out, sizeof out, "%s%s",
	         st == RESOLVE_FULL        ? ""
	         : st == RESOLVE_AMBIGUOUS ? "*"
	                                   : "?",
	         full);
	free(full);
	return out;
}

static const char *
entry(const char *s)
{
	static char out[256];
	person p;
	enum entry_kind k = entry_parse(s, strlen(s), &p);

	if (k == ENTRY_NONE)
		return "none";
	snprintf(out, sizeof out, "%s|%s|%s|%c", p.name, p.role, p.org,
	         p.sex ? p.sex : '-');
	person_clear(&p);
	return out;
}

/* Owners of an action as resolved, "; "-separated. */
static const char *
owners(const char *s)
{
	static char out[256];
	owner_list ol = { 0 };
	char *who;

	owners_parse(&ol, s, strlen(s));
	ol.passive = true; /* no warning in the test's output */
	who = owners_resolve(&ol, ix, "test", 1);
	snprintf(out, sizeof out, "%s", who);
	free(who);
	owner_list_free(&ol);
	return out;
}

/* A pronoun owner with the people named before it, newest first. */
static const char *
pronoun(char sex, const char *c0, const char *c1, bool fresh)
{
	static char out[128];
	owner_list ol = { 0 };
	owner o;
	char *who;

	memset(&o, 0, sizeof o);
	o.how = OWNER_PRONOUN;
	o.ref = strdup(sex == 'f' ? "she" : "he");
	o.sex = sex;
	o.cand[0] = c0 ? strdup(c0) : NULL;
	o.cand[1] = c1 ? strdup(c1) : NULL;
	o.fresh = fresh;
	ol.v = &o;
	ol.n = 1;
	ol.passive = true;
	who = owners_resolve(&ol, ix, "test", 1);
	snprintf(out, sizeof out, "%s", who);
	free(who);
	free(o.ref);
	free(o.cand[0]);
	free(o.cand[1]);
	return out;
}

int
main(void)
{
	people_init();

	/* entries: titles to the role, honorifics dropped (and their sex
	 * kept), descriptors split into role and organisation */
	CHECK_STR(entry("Cllr Ann Bell (Chair)"), "Ann Bell|Cllr; Chair||-");
	CHECK_STR(entry("Mrs Hayley Dunn"), "Hayley Dunn|||f");
	CHECK_STR(entry("Chairman Cllr Mrs Ash"), "Ash|Chairman; Cllr||f");
	CHECK_STR(entry("Ms. Jo Reed, Administrative Officer, Housing"),
	          "Jo Reed|Administrative Officer|Housing|f");
	CHECK_STR(entry("Dan Hart MP"), "Dan Hart|MP||-");
	CHECK_STR(entry("Mr R Dean \xE2\x80\x93 County Councillor"),
	          "R Dean|County Councillor||m");
	CHECK_STR(entry("Jo Reed\tLondon Fire Brigade"),
	          "Jo Reed||London Fire Brigade|-");
	/* a comma inside the brackets is the descriptor's, and a second
	 * organisation is kept after the first, not run into it */
	CHECK_STR(entry("Jane Smith (Cabinet Office, secretariat)"),
	          "Jane Smith|secretariat|Cabinet Office|-");
	CHECK_STR(entry("Omar Rashid (Youth Offending Service) - Harrow "
	                "Council"),
	          "Omar Rashid||Youth Offending Service; Harrow Council|-");
	CHECK_STR(entry("Jo Reed (Probation), Housing Officer"),
	          "Jo Reed|Housing Officer|Probation|-");
	CHECK_STR(entry("The meeting opened at seven."), "none");

	ix = nameidx_new();
	nameidx_person(ix, "Ann Bell", "Cllr", 'f', NIX_LISTED);
	nameidx_person(ix, "Tom Bell", NULL, 'm', 0);
	nameidx_person(ix, "Jo Reed", NULL, 0, NIX_LISTED | NIX_ABSENT);
	nameidx_person(ix, "Mary Curran",
	               "Meetings Administrator, Newcastle West", 'f',
	               NIX_LISTED);
	nameidx_person(ix, "Kwame Osei", NULL, 0, 0);
	nameidx_person(ix, "Jim Ross", NULL, 'm', 0);
	/* "Cllrs Shewell" is no name, however it was printed */
	nameidx_add(ix, "Cllrs Shewell");
	nameidx_set_chair(ix, "Kwame Osei");

	/* a surname, its sex deciding between two people of one name */
	CHECK_STR(res("Mrs Bell", 0), "Ann Bell");
	CHECK_STR(res("Mr Bell", 0), "Tom Bell");
	CHECK_STR(res("Bell", 0), "*Bell");
	CHECK_STR(res("Councillor Osei", 0), "Kwame Osei");
	CHECK_STR(res("the Chairman", 0), "Kwame Osei");
	/* a first name */
	CHECK_STR(res("Kwame", 0), "Kwame Osei");
	/* a surname's final "s" slipped */
	CHECK_STR(res("Cllr M. Curra", 0), "M. Curra");
	CHECK_STR(res("Cllr M. Currans", 0), "Mary Curran");
	/* initials */
	CHECK_STR(res("KO", 0), "Kwame Osei");
	CHECK_STR(res("TB", 0), "Tom Bell");
	CHECK_STR(res("JR", 0), "?JR"); /* Jo Reed or Jim Ross: kept */
	/* a role listed with one person */
	CHECK_STR(res("the Meetings Administrator", 0), "Mary Curran");
	/* never someone who sent apologies, when asked for those present;
	 * and the other way round */
	CHECK_STR(res("Ms Reed", IXR_PRESENT), "?Reed");
	CHECK_STR(res("Ms Reed", IXR_ABSENT), "Jo Reed");
	/* a bare listed token is a surname only: "Jo" is no surname */
	CHECK_STR(res("Jo", IXR_SURNAME), "?Jo");
	CHECK_STR(res("Shewell", 0), "?Shewell");
	/* a listed "Bell" is not the "Ann Bell" listed beside it */
	CHECK_STR(res("Bell", IXR_UNLISTED), "Tom Bell");
	CHECK(nameidx_sex(ix, "Ms Curran") == 'f');
	CHECK(nameidx_absent(ix, "Ms Reed"));
	CHECK(!nameidx_absent(ix, "Mr Bell"));

	/* owners: split, plural titles handed on, resolved */
	CHECK_STR(owners("Cllrs Osei & Curran / Clerk"),
	          "Kwame Osei; Mary Curran; Clerk");
	CHECK_STR(owners("Chairman, Mrs Bell and the Meetings Administrator"),
	          "Kwame Osei; Ann Bell; Mary Curran");
	/* an owner who sent apologies is still theirs when named */
	CHECK_STR(owners("Ms Reed"), "Jo Reed");

	/* pronouns: the newest person whose sex agrees; the one person of
	 * the sentence before when no sex is known; else nobody; never
	 * someone who sent apologies */
	CHECK_STR(pronoun('f', "Mr Bell", "Mrs Bell", false), "Ann Bell");
	CHECK_STR(pronoun('m', "Mr Bell", "Mrs Bell", false), "Tom Bell");
	CHECK_STR(pronoun('f', "Kwame Osei", NULL, true), "Kwame Osei");
	CHECK_STR(pronoun('f', "Kwame Osei", "Mrs Bell", false), "");
	CHECK_STR(pronoun('f', "Ms Reed", "Mrs Bell", false), "Ann Bell");

	/* an owner in a right-hand column */
	{
		const char *a =
		    "The bench is still to be repaired.\t\t\t   Clerk";
		const char *b =
		    "Lloyds Bank statement, balance of 12,278.37\t\tNotedS";
		const char *c =
		    "The Clerk will write to the county about the drains.";
		size_t bn, os, oe;

		CHECK(prose_owner_column(a, strlen(a), &bn, &os, &oe));
		CHECK(bn == 34 && oe - os == 5 &&
		      memcmp(a + os, "Clerk", 5) == 0);
		/* a stray letter glued on goes */
		CHECK(prose_owner_column(b, strlen(b), &bn, &os, &oe));
		CHECK(oe - os == 5 && memcmp(b + os, "Noted", 5) == 0);
		CHECK(!prose_owner_column(c, strlen(c), &bn, &os, &oe));
	}

	nameidx_free(ix);
	people_free();
	return unit_done();
}
