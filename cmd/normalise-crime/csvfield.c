/* csvfield.c - header columns and fields of the data modes' CSV records. */
#include "nc.h"
#include "text.h"

int
nc_col(csvin *c, const char *const names[])
{
	for (size_t i = 0; i < csvin_nfields(c); i++) {
		const char *s = csvin_get(c, i);
		size_t n = csvin_len(c, i);

		text_trim(&s, &n);
		for (size_t k = 0; names[k] != NULL; k++)
			if (text_ieq(s, n, names[k]))
				return (int)i;
	}
	return -1;
}

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
