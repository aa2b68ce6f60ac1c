/* Unit tests for lib/mem.c: the growable buffer and array growth. */
#include <stdint.h>

#include "mem.h"
#include "unit.h"

int
main(void)
{
	sbuf b = SBUF_INIT;
	size_t cap = 0;
	int *a = NULL;

	CHECK_STR(sbuf_str(&b), "");
	sbuf_adds(&b, "Barnet");
	sbuf_addc(&b, ' ');
	sbuf_add(&b, "001Axyz", 4);
	CHECK_STR(sbuf_str(&b), "Barnet 001A");
	CHECK(b.len == 11);
	sbuf_printf(&b, " %d/%d", 15, 32);
	CHECK_STR(sbuf_str(&b), "Barnet 001A 15/32");
	sbuf_clear(&b);
	CHECK_STR(sbuf_str(&b), "");
	for (int i = 0; i < 10000; i++)
		sbuf_printf(&b, "%04d", i % 10000);
	CHECK(b.len == 40000 && memcmp(b.s + 39996, "9999", 4) == 0);
	sbuf_free(&b);
	CHECK(b.s == NULL && b.len == 0);
	/* sbuf_add to the byte: a fill that leaves no room for the NUL
	 * grows, one that leaves room does not (with an empty add) */
	sbuf_add(&b, "", 0);
	CHECK(b.s != NULL && b.len == 0 && b.s[0] == '\0');
	sbuf_add(&b, "0123456789abcde", 15); /* xgrow's first 16 */
	CHECK(b.cap == 16 && b.len == 15 && b.s[b.len] == '\0');
	size_t full = b.cap;
	sbuf_add(&b, "", 0);
	CHECK(b.cap == full && b.s[b.len] == '\0');
	sbuf_add(&b, "f", 1);
	CHECK(b.cap > full && b.len == full &&
	      !memcmp(b.s, "0123456789abcdef", 16));
	sbuf_free(&b);

	a = xgrow(a, &cap, 1000, sizeof *a);
	CHECK(cap >= 1000);
	a[999] = 7;
	a = xgrow(a, &cap, 10, sizeof *a); /* never shrinks */
	CHECK(cap >= 1000 && a[999] == 7);
	free(a);

	char *d = xstrndup("Burnt Oak Ward", 9);
	CHECK_STR(d, "Burnt Oak");
	free(d);

	/* copy_cut cuts as snprintf("%s") would */
	char lab[8];
	copy_cut(lab, sizeof lab, "Robbery");
	CHECK_STR(lab, "Robbery");
	copy_cut(lab, sizeof lab, "Burglary");
	CHECK_STR(lab, "Burglar");
	copy_cut(lab, 1, "Arson");
	CHECK_STR(lab, "");

	/* strblocks: short strings one after another in a block; one as
	 * long as a block has a block of its own, and the short ones after
	 * it go on in the block before; each copy is whole with its NUL */
	strblocks sb = { .size = 16 };
	char *w1 = strblocks_keep(&sb, "Barnet", 6);
	char *w2 = strblocks_keep(&sb, "Hendon", 6);
	CHECK(w2 == w1 + 7);
	char *big = strblocks_keep(&sb, "Burnt Oak and Edgware", 21);
	char *w3 = strblocks_keep(&sb, "NW4", 3);
	CHECK(w3 != w2 + 7); /* "Barnet" "Hendon" and "NW4" need 18 */
	char *w4 = strblocks_keep(&sb, "", 0);
	CHECK(w4 == w3 + 4);
	CHECK_STR(w1, "Barnet");
	CHECK_STR(w2, "Hendon");
	CHECK_STR(big, "Burnt Oak and Edgware");
	CHECK_STR(w3, "NW4");
	CHECK_STR(w4, "");
	char *w5 = strblocks_keep(&sb, "Mill Hill", 9);
	CHECK(w5 == w4 + 1);
	CHECK_STR(strblocks_keep(&sb, "Colindale Ward", 9), "Colindale");
	strblocks_free(&sb);
	CHECK(sb.head == NULL);
	return unit_done();
}
