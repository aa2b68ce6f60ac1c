/* Unit tests for lib/hash.c. */
#include <string.h>

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
	/* Keys are kept in blocks of 4K (hash.c): keys longer than a block,
	 * between short ones, are kept whole, and the short ones after
	 * them still read back, as C strings too (hmap_iter's callers). */
	{
		static char big[10000];
		int bad = 0;

		memset(big, 'k', sizeof big);
		for (int n = 0; n < 3; n++) {
			big[0] = (char)('a' + n);
			*hmap_put(h, big, sizeof big - (size_t)n) = big;
			*hmap_put(h, "after", 5 - (size_t)n) = big;
		}
		for (int n = 0; n < 3; n++) {
			big[0] = (char)('a' + n);
			bad += hmap_get(h, big, sizeof big - (size_t)n) != big;
			bad += hmap_get(h, "after", 5 - (size_t)n) != big;
		}
		CHECK(bad == 0);
		CHECK(hmap_count(h) == 5009);
		i = 0;
		bad = 0;
		while (hmap_iter(h, &i, &k, &v))
			if (v == big)
				bad += strlen(k) != 5 && strlen(k) != 4 &&
				       strlen(k) != 3 && strlen(k) != 10000 &&
				       strlen(k) != 9999 && strlen(k) != 9998;
		CHECK(bad == 0);
		for (int n = 0; n < 3; n++) {
			big[0] = (char)('a' + n);
			*hmap_put(h, big, sizeof big - (size_t)n) = NULL;
			*hmap_put(h, "after", 5 - (size_t)n) = NULL;
		}
	}
	/* The hash function fixes hmap_iter's order, and so the order in
	 * which normalise-crime's filter.c lists ties: keys of every length
	 * from 0 to 40 bytes come out in the order they always have (a
	 * checksum of it, taken from FNV-1a a byte at a time). */
	{
		hmap *o = hmap_new();
		char kb[48];
		unsigned long sum = 0, pos = 0;

		for (int n = 0; n < 1200; n++) {
			int len = n % 41;

			for (int c = 0; c < len; c++)
				kb[c] = (char)('a' + (n * 7 + c * 13) % 26);
			if (len > 0)
				kb[0] = (char)('A' + n % 26);
			if (len > 1)
				kb[len - 1] = (char)('0' + n / 26 % 10);
			if (len > 2)
				kb[len - 2] = (char)('0' + n / 260 % 10);
			*hmap_put(o, kb, (size_t)len) = (void *)(size_t)(n + 1);
		}
		i = 0;
		while (hmap_iter(o, &i, &k, &v))
			sum = (sum * 31 + (unsigned long)(size_t)v * ++pos) %
			      1000000007ul;
		CHECK(hmap_count(o) == 1167);
		CHECK(sum == 340289413ul);
		hmap_free(o, NULL);
	}
	/* Free the long values only. */
	*hmap_put(h, "barnet", 6) = xstrdup("x");
	*hmap_put(h, "empty", 5) = xstrdup("y");
	*hmap_put(h, "a\0b", 3) = xstrdup("z");
	hmap_free(h, free);
	return unit_done();
}
