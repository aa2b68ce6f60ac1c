/* fuzz_lines.c - lines.h over arbitrary bytes, plain and gzip.
 *
 * An input that starts with gzip's magic (1F 8B) is the file as it is: a
 * real, corrupt or truncated .gz.  Every line returned holds no LF, is
 * NUL-terminated at its length, and the line numbers count up from 1.
 *
 * Any other input is an options byte and a payload, and the lines are
 * checked against a model (fz_model_line): every line returned is the
 * model's next, and a reader that returned normally returned them all.
 * The options: the payload gzipped (in one or two members, so cat a.gz
 * b.gz is read as one stream), the gzip cut short (the reader must exit,
 * having returned only model lines), repeated to pass the 128 KiB read
 * buffer, read as two operands, each line pushed back once and read
 * again, and lines_limit bounds (an operand over max_bytes, or a line
 * over max_line bytes, is an exit). */
#define _GNU_SOURCE
#include <zlib.h>

#include "fuzz.h"
#include "lines.h"
#include "mem.h"

enum {
	OPT_GZIP = 1,     /* the payload gzipped */
	OPT_MEMBERS = 2,  /* in two members */
	OPT_TRUNCATE = 4, /* the gzip cut short */
	OPT_TWO = 8,      /* two operands, the same file */
	OPT_LIMIT = 16,   /* lines_limit(MAX_LINE, MAX_BYTES) */
	OPT_UNREAD = 32,  /* every line pushed back and read again */
	OPT_REPEAT = 64,  /* the payload REPEAT times */
};
#define MAX_LINE 300
#define MAX_BYTES 6000
#define REPEAT 12

/* Add n bytes of s to out as one gzip member. */
static void
gzip_member(sbuf *out, const char *s, size_t n)
{
	z_stream zs;
	unsigned char *z;
	size_t bound;

	memset(&zs, 0, sizeof zs);
	FZ_CHECK(deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16,
	                      8, Z_DEFAULT_STRATEGY) == Z_OK);
	bound = deflateBound(&zs, (uLong)n) + 32;
	z = xmalloc(bound);
	zs.next_in = (unsigned char *)(uintptr_t)s;
	zs.avail_in = (uInt)n;
	zs.next_out = z;
	zs.avail_out = (uInt)bound;
	FZ_CHECK(deflate(&zs, Z_FINISH) == Z_STREAM_END);
	sbuf_add(out, (const char *)z, bound - zs.avail_out);
	deflateEnd(&zs);
	free(z);
}

/* The raw file: lines well formed, numbered, nothing more is known. */
static void
raw(const uint8_t *data, size_t size)
{
	char *path = fz_file(data, size), *line;
	lines *in = lines_open(1, &path);
	size_t n;
	long k = 0;

	fz_hold(fz_close_lines, in);
	while (lines_next(in, &line, &n)) {
		FZ_CHECK(memchr(line, '\n', n) == NULL);
		FZ_CHECK(line[n] == '\0');
		FZ_CHECK(lines_lineno(in) == ++k);
		FZ_CHECK(lines_new_file(in) == (k == 1));
	}
	lines_close(in);
}

static void
modelled(const uint8_t *data, size_t size)
{
	static sbuf text, file;
	unsigned opt = size > 0 ? data[0] : 0;
	const char *payload = size > 0 ? (const char *)data + 1 : "";
	size_t plen = size > 0 ? size - 1 : 0, pos = 0, mn, rawn, n;
	char *path, *names[2], *line;
	const char *m;
	bool truncated = false, too_big = false;
	int op = 0, nops = opt & OPT_TWO ? 2 : 1;
	long k = 0;
	lines *in;

	fz_hold(fz_free_sbuf, &text);
	fz_hold(fz_free_sbuf, &file);
	sbuf_clear(&text);
	for (int i = 0; i < (opt & OPT_REPEAT ? REPEAT : 1); i++)
		sbuf_add(&text, payload, plen);
	sbuf_clear(&file);
	if (opt & OPT_GZIP) {
		size_t half = opt & OPT_MEMBERS ? text.len / 2 : text.len;

		gzip_member(&file, sbuf_str(&text), half);
		if (half < text.len)
			gzip_member(&file, sbuf_str(&text) + half,
			            text.len - half);
		if (opt & OPT_TRUNCATE) {
			/* 1 to 8 bytes: into the trailer or the data. */
			file.len -= 1 + (opt >> 7) * 7;
			truncated = true;
		}
	} else {
		sbuf_add(&file, sbuf_str(&text), text.len);
		/* Plain text that starts with the magic is read as gzip. */
		if (text.len >= 2 && memcmp(text.s, "\x1F\x8B", 2) == 0)
			return;
	}
	path = fz_file((const uint8_t *)sbuf_str(&file), file.len);
	names[0] = names[1] = path;
	in = lines_open(nops, names);
	fz_hold(fz_close_lines, in);
	if (opt & OPT_LIMIT) {
		lines_limit(in, MAX_LINE, MAX_BYTES);
		too_big = text.len > MAX_BYTES;
	}
	while (lines_next(in, &line, &n)) {
		while (!fz_model_line(sbuf_str(&text), text.len, &pos, &m, &mn,
		                      &rawn)) {
			/* The model's operand is done: the reader's next line
			 * is from the next one. */
			FZ_CHECK(++op < nops);
			pos = 0;
			k = 0;
		}
		k++;
		FZ_CHECK(n == mn && memcmp(line, m, n) == 0);
		FZ_CHECK(line[n] == '\0');
		FZ_CHECK(lines_lineno(in) == k);
		FZ_CHECK(lines_new_file(in) == (k == 1));
		FZ_CHECK(strcmp(lines_source(in), path) == 0);
		if (opt & OPT_LIMIT)
			FZ_CHECK(rawn <= MAX_LINE);
		if (opt & OPT_UNREAD) {
			char *again;
			size_t an;

			lines_unread(in);
			FZ_CHECK(lines_next(in, &again, &an));
			FZ_CHECK(again == line && an == n);
			FZ_CHECK(lines_lineno(in) == k);
		}
	}
	/* Returned normally: every line of every operand was read, and no
	 * bound was passed. */
	FZ_CHECK(!truncated);
	FZ_CHECK(!too_big);
	FZ_CHECK(
	    !fz_model_line(sbuf_str(&text), text.len, &pos, &m, &mn, &rawn));
	FZ_CHECK(op == nops - 1 || text.len == 0);
	lines_close(in);
}

static void
one(const uint8_t *data, size_t size)
{
	if (size >= 2 && data[0] == 0x1F && data[1] == 0x8B)
		raw(data, size);
	else
		modelled(data, size);
}

FZ_TARGET(one)
