/* csvfield.c - fields of the data modes' CSV records (header columns are
 * found by csvin_col, lib/cols.h). */
#include "nc.h"
#include "text.h"

const char *
nc_field(csvin *c, int i, sbuf *b)
{
	const char *s = csvin_get(c, (size_t)i);
	size_t n = csvin_len(c, (size_t)i);

	text_trim(&s, &n);
	sbuf_clear(b);
	/* Names end up in the output, which is UTF-8; the rest of the
	 * row is checked once, here, per record. */
	utf8_fix(s, n, b);
	return sbuf_str(b);
}
