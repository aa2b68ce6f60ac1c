/* Unit tests for lib/hash.c. */
#include "hash.h"
#include "mem.h"
#include "unit.h"

int
main(void)
{
	hmap *h = hmap_new();
	char key[32];
	size_t i = 0, seen = 0;
	const char *k;
	void *v;

	*hmap_put(h, "barnet", 6) = "E09000003";
	CHECK_STR(hmap_get(h, "barnet", 6), "E09000003");
	CHECK(hmap_get(h, "barnet ", 7) == NULL);
	CHECK(hmap_get(h, "barne", 5) == NULL);
	CHECK(hmap_has(h, "barnet", 6));
	*hmap_put(h, "empty", 5) = NULL;
	CHECK(hmap_has(h, "empty", 5) && hmap_get(h, "empty", 5) == NULL);
	/* Keys are byte strings of a given length: NUL is allowed. */
	*hmap_put(h, "a\0b", 3) = "nul";
	CHECK_STR(hmap_get(h, "a\0b", 3), "nul");
	CHECK(hmap_get(h, "a", 1) == NULL);
	/* Growth keeps every entry. */
	for (int n = 0; n < 5000; n++) {
		int len = snprintf(key, sizeof key, "ward%d", n);
		long *p = xmalloc(sizeof *p);

		*p = n;
		*hmap_put(h, key, (size_t)len) = p;
	}
	CHECK(hmap_count(h) == 5003);
	CHECK(*(long *)hmap_get(h, "ward4999", 8) == 4999);
	CHECK(*(long *)hmap_get(h, "ward0", 5) == 0);
	CHECK_STR(hmap_get(h, "barnet", 6), "E09000003");
	/* Putting an existing key returns the same slot. */
	CHECK(*(long *)*hmap_put(h, "ward17", 6) == 17);
	CHECK(hmap_count(h) == 5003);
	while (hmap_iter(h, &i, &k, &v))
		seen++;
	CHECK(seen == 5003);
	/* Free the long values only. */
	*hmap_put(h, "barnet", 6) = xstrdup("x");
	*hmap_put(h, "empty", 5) = xstrdup("y");
	*hmap_put(h, "a\0b", 3) = xstrdup("z");
	hmap_free(h, free);
	return unit_done();
}
