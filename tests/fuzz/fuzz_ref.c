/* fuzz_ref.c - ref.h: a reference table read from an arbitrary file.
 *
 * The contract (ref.h): a table, or exit 1 naming the file, never half a
 * table.  A model of the format (fz_model_line's lines; '#' lines and
 * blank ones skipped; the first other line the header, its names
 * non-empty and distinct; every row as wide; all valid UTF-8 without NUL)
 * says which: a table the model accepts must load, cell for cell and with
 * each row's line number; one it refuses must exit.  (A gzip file is read
 * as such: only no crash is asked of it.)  The bounds: every eighth input
 * is loaded again with a comment line over REF_MAX_LINE appended, which
 * must exit.  The file is the memfd of fuzz.h, named by its path. */
#define _GNU_SOURCE
#define FZ_WRAP_LINES
#include "fuzz.h"
#include "mem.h"
#include "ref.h"
#include "text.h"

enum { M_EXIT, M_TABLE, M_UNKNOWN };

/* What the model expects of s[0..n). */
static int
model(const char *s, size_t n)
{
	const char *m, *f;
	size_t pos = 0, mn, rawn, ncols = 0;
	bool header = false;

	if (n >= 2 && memcmp(s, "\x1F\x8B", 2) == 0)
		return M_UNKNOWN;
	for (bool first = true; fz_model_line(s, n, &pos, &m, &mn, &rawn);
	     first = false) {
		size_t nf = 1;

		/* lines.c: the first line of a file says UTF-16, PDF, zip. */
		if (first) {
			if (mn >= 2 && (memcmp(m, "\xFF\xFE", 2) == 0 ||
			                memcmp(m, "\xFE\xFF", 2) == 0))
				return M_EXIT;
			if ((mn >= 5 && memcmp(m, "%PDF-", 5) == 0) ||
			    (mn >= 4 && memcmp(m, "PK\3\4", 4) == 0))
				return M_EXIT;
		}
		if (mn == 0 || m[0] == '#' || text_is_blank(m, mn))
			continue;
		if (!utf8_valid(m, mn))
			return M_EXIT;
		for (size_t i = 0; i < mn; i++)
			nf += m[i] == '\t';
		if (header) {
			if (nf != ncols)
				return M_EXIT;
			continue;
		}
		header = true;
		ncols = nf;
		/* Names: none empty, none twice. */
		f = m;
		for (size_t i = 0; i < nf; i++) {
			const char *end = memchr(f, '\t', (size_t)(m + mn - f));
			size_t fl =
			    end ? (size_t)(end - f) : (size_t)(m + mn - f);
			const char *g = m;

			if (fl == 0)
				return M_EXIT;
			for (size_t j = 0; j < i; j++) {
				const char *gend =
				    memchr(g, '\t', (size_t)(m + mn - g));

				if ((size_t)(gend - g) == fl &&
				    memcmp(g, f, fl) == 0)
					return M_EXIT;
				g = gend + 1;
			}
			f = end ? end + 1 : m + mn;
		}
	}
	return header ? M_TABLE : M_EXIT;
}

/* The loaded table is the model's, cell for cell. */
static void
check(const cs_table *t, const char *s, size_t n)
{
	const char *m;
	size_t pos = 0, mn, rawn, row = 0;
	long line = 0;
	bool header = true;

	FZ_CHECK(t->ncols >= 1 && t->colnames != NULL);
	for (size_t i = 0; i < t->ncols; i++)
		FZ_CHECK(ref_col(t, t->colnames[i]) == (int)i);
	FZ_CHECK(ref_get(t, t->nrows, 0) == NULL);
	FZ_CHECK(ref_get(t, 0, t->ncols) == NULL);
	while (fz_model_line(s, n, &pos, &m, &mn, &rawn)) {
		line++;
		if (mn == 0 || m[0] == '#' || text_is_blank(m, mn))
			continue;
		for (size_t c = 0; c < t->ncols; c++) {
			const char *end = memchr(m, '\t', mn);
			size_t fl = end ? (size_t)(end - m) : mn;
			const char *cell =
			    header ? t->colnames[c] : ref_get(t, row, c);

			FZ_CHECK(cell != NULL);
			FZ_CHECK(strlen(cell) == fl &&
			         memcmp(cell, m, fl) == 0);
			if (end != NULL) {
				mn -= fl + 1;
				m = end + 1;
			}
		}
		if (!header) {
			FZ_CHECK(t->lineno[row] == line);
			row++;
		}
		header = false;
	}
	FZ_CHECK(row == t->nrows);
}

static int expect;

static void
one(const uint8_t *data, size_t size)
{
	cs_table *t = ref_load(fz_file(data, size));

	if (expect == M_TABLE)
		check(t, (const char *)data, size);
	ref_free(t);
}

/* The input with a comment line one byte over the bound after it. */
static void
too_long(const uint8_t *data, size_t size)
{
	static sbuf big;

	sbuf_clear(&big);
	sbuf_add(&big, (const char *)data, size);
	sbuf_adds(&big, "\n#");
	for (size_t i = 0; i < REF_MAX_LINE; i++)
		sbuf_addc(&big, 'x');
	sbuf_addc(&big, '\n');
	ref_free(ref_load(fz_file((const uint8_t *)big.s, big.len)));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int exited;

	expect = model((const char *)data, size);
	__lsan_disable();
	exited = fz_call(one, data, size);
	__lsan_enable();
	if (expect != M_UNKNOWN)
		FZ_CHECK(exited == (expect == M_EXIT));
	if (!exited)
		fz_call(one, data, size);
	if (size % 8 == 0 && !exited) {
		__lsan_disable();
		FZ_CHECK(fz_call(too_long, data, size) == 1);
		__lsan_enable();
	}
	return 0;
}
