/* fuzz_csvin.c - csvin.h over an arbitrary file: records come back with
 * consistent field lengths, line numbers that never go backwards and stay
 * within the file's line count. */
#define _GNU_SOURCE
#include "csvin.h"
#include "fuzz.h"

static void
one(const uint8_t *data, size_t size)
{
	csvin *c = csvin_open(fz_file(data, size));
	long last = 0, nl = 1;

	fz_hold(fz_close_csvin, c);

	for (size_t i = 0; i < size; i++)
		nl += data[i] == '\n';
	while (csvin_next(c)) {
		long no = csvin_lineno(c);

		FZ_CHECK(no >= 1 && no >= last && no <= nl);
		last = no;
		FZ_CHECK(csvin_nfields(c) >= 1);
		for (size_t i = 0; i < csvin_nfields(c); i++) {
			const char *f = csvin_get(c, i);
			size_t n = csvin_len(c, i);

			FZ_CHECK(f != NULL && f[n] == '\0');
			FZ_CHECK(n <= size);
		}
		FZ_CHECK(csvin_len(c, csvin_nfields(c)) == 0);
	}
	csvin_close(c);
}

FZ_TARGET(one)
