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
	return unit_done();
}
