/* exact.h - inputs without a NUL terminator, for parsers that take (s, n).
 * Each string is copied into a heap block of exactly its length, so ASan
 * reports any read at or past n. */
#ifndef CS_UNIT_EXACT_H
#define CS_UNIT_EXACT_H

#include <stdlib.h>
#include <string.h>

static inline char *
exact_copy(const char *s, size_t n)
{
	char *b = malloc(n ? n : 1);
	if (b == NULL)
		abort();
	memcpy(b, s, n);
	return b;
}

/* Run stmt with b (no NUL) and n bound to a copy of the literal lit. */
#define WITH_EXACT(lit, b, n, stmt)                                            \
	do {                                                                   \
		size_t n = strlen(lit);                                        \
		char *b = exact_copy((lit), n);                                \
		stmt;                                                          \
		free(b);                                                       \
	} while (0)

/* Call fn on every prefix (n = 0..len) of every sample, each in its own
 * exact block. */
static inline void
exact_sweep(const char *const *samples, size_t count,
            void (*fn)(const char *b, size_t n))
{
	for (size_t k = 0; k < count; k++) {
		size_t len = strlen(samples[k]);
		for (size_t n = 0; n <= len; n++) {
			char *b = exact_copy(samples[k], n);
			fn(b, n);
			free(b);
		}
	}
}

#endif
