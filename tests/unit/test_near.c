/* test_near.c - edit distance and the nearest names for messages. */
#include "near.h"
#include "unit.h"

static size_t
dist(const char *a, const char *b)
{
	return near_distance(a, strlen(a), b, strlen(b));
}

static const char *
nearest(const char *want, const char *const cands[], size_t n, sbuf *out)
{
	near_set s;

	near_init(&s, want, strlen(want));
	for (size_t i = 0; i < n; i++)
		near_add(&s, cands[i], cands[i], strlen(cands[i]));
	near_list(&s, out);
	near_free(&s);
	return sbuf_str(out);
}

int
main(void)
{
	static const char *const boroughs[] = {
		"Barking and Dagenham",
		"Barnet",
		"Bexley",
		"Brent",
		"Bromley",
		"Kingston upon Thames",
		"Camden",
		"Hackney",
		"Harrow",
		"Havering",
	};
	static const char *const opts[] = { "area", "format", "source",
		                            "strict", "window" };
	size_t nb = sizeof boroughs / sizeof boroughs[0];
	sbuf out = SBUF_INIT;

	CHECK(dist("", "") == 0);
	CHECK(dist("abc", "") == 3);
	CHECK(dist("", "abc") == 3);
	CHECK(dist("Barnett", "Barnet") == 1);
	CHECK(dist("barnet", "BARNET") == 0);
	CHECK(dist("Barent", "Barnet") == 1); /* a swap is one edit */
	CHECK(dist("kitten", "sitting") == 3);
	CHECK(dist("Camdne", "Camden") == 1);
	/* The closest only; ties listed; nothing when nothing is close. */
	CHECK_STR(nearest("Barnett", boroughs, nb, &out), "Barnet");
	CHECK_STR(nearest("Harow", boroughs, nb, &out), "Harrow");
	CHECK_STR(nearest("Kingston", boroughs, nb, &out),
	          "Kingston upon Thames");
	CHECK_STR(nearest("Hammersmith", boroughs, nb, &out), "");
	CHECK_STR(nearest("Brnt", boroughs, nb, &out), "Brent");
	CHECK_STR(nearest("Baxley", boroughs, nb, &out), "Bexley");
	CHECK_STR(nearest("Hav", boroughs, nb, &out), "");
	CHECK_STR(nearest("Bromly", boroughs, nb, &out), "Bromley");
	/* Two at the same distance: both, joined with "or". */
	CHECK_STR(nearest("Barley",
	                  (const char *const[]){ "Bexley", "Barnet", "Barkey" },
	                  3, &out),
	          "Barkey");
	CHECK_STR(nearest("Harrey",
	                  (const char *const[]){ "Harrow", "Hurrey", "Harvey" },
	                  3, &out),
	          "Hurrey or Harvey");
	/* Options: the long names. */
	CHECK_STR(nearest("stict", opts, 5, &out), "strict");
	CHECK_STR(nearest("windows", opts, 5, &out), "window");
	CHECK_STR(nearest("sauce", opts, 5, &out), "source");
	sbuf_free(&out);
	return unit_done();
}
