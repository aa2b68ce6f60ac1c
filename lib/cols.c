/* cols.c - header columns by the names they go by (see cols.h). */
#include <ctype.h>
#include <string.h>

#include "cols.h"
#include "text.h"

bool
col_is(const char *s, size_t n, const char *name)
{
	const char *p = name;
	size_t m = strlen(name);

	text_trim(&s, &n);
	text_trim(&p, &m);
	if (n != m)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i], w = (unsigned char)p[i];

		if (w == '#' && isdigit(c))
			continue;
		if (tolower(c) != tolower(w))
			return false;
	}
	return true;
}

int
col_find(const char *const cell[], const size_t len[], size_t n,
         const char *const names[])
{
	for (size_t i = 0; i < n; i++) {
		size_t k = len != NULL ? len[i] : strlen(cell[i]);

		for (size_t j = 0; names[j] != NULL; j++)
			if (col_is(cell[i], k, names[j]))
				return (int)i;
	}
	return -1;
}
