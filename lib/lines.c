/* lines.c - line reader over a sequence of operands (see lines.h).
 *
 * read(2) into one growing buffer and memchr for LF: no per-line
 * allocation and no length limit; a line is only ever copied when the
 * buffer is compacted to make room for the rest of it. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

#include "err.h"
#include "lines.h"
#include "mem.h"
#include "sniff.h"

#define CHUNK (128 * 1024)

struct lines {
	const char **names; /* a copy of the operand list */
	int nnames, next;   /* next operand to open */
	int fd;             /* -1 between operands */
	const char *src;
	long lineno;
	bool newfile;
	bool eof;
	char *buf;
	size_t cap, start, end;
	char *last; /* the line just returned, for lines_unread */
	size_t lastlen;
	bool again;
	/* gzip input (magic bytes 1F 8B, whatever the name): read(2) fills
	 * zbuf and zlib inflates it into buf.  A .gz of several members
	 * (cat a.gz b.gz) is read as one stream, as gzip -dc does. */
	bool gz;
	z_stream zs;
	unsigned char *zbuf;
	bool zeof;
	size_t max_line, max_bytes, total; /* lines_limit; 0 = none */
};

lines *
lines_open(int nnames, char *const names[])
{
	static char *const stdin_only[] = { "-" };
	lines *l = xcalloc(1, sizeof *l);

	if (nnames <= 0) {
		names = stdin_only;
		nnames = 1;
	}
	/* Keep a copy of the list: callers pass arrays that do not outlive
	 * the call (csvin_open's was on its stack). */
	l->names = xcalloc((size_t)nnames, sizeof *l->names);
	for (int i = 0; i < nnames; i++)
		l->names[i] = names[i];
	l->nnames = nnames;
	l->fd = -1;
	l->cap = CHUNK;
	l->buf = xmalloc(l->cap + 1);
	return l;
}

static ssize_t
raw_read(lines *l, void *dst, size_t n)
{
	ssize_t got;

	do
		got = read(l->fd, dst, n);
	while (got < 0 && errno == EINTR);
	/* "tool <&-": say so rather than "Bad file descriptor". */
	if (got < 0 && errno == EBADF && l->fd == STDIN_FILENO)
		cs_die(CS_EXIT_DATA, "%s: standard input is closed", l->src);
	if (got < 0)
		cs_die(CS_EXIT_DATA, "%s: %s", l->src, strerror(errno));
	return got;
}

/* Read the first bytes of an operand; when they are gzip's magic, switch
 * this operand to inflating.  What was read stays in buf (plain) or
 * becomes zlib's first input (gzip). */
static void
sniff_gzip(lines *l)
{
	ssize_t n = 1;

	while (l->end < 2 &&
	       (n = raw_read(l, l->buf + l->end, l->cap - l->end)) > 0)
		l->end += (size_t)n;
	if (l->end < 2 || (unsigned char)l->buf[0] != 0x1F ||
	    (unsigned char)l->buf[1] != 0x8B) {
		l->gz = false;
		l->eof = n == 0;
		/* Counted for lines_limit: a file that fits the first read
		 * was once never counted at all. */
		l->total = l->end;
		return;
	}
	if (l->zbuf == NULL)
		l->zbuf = xmalloc(CHUNK);
	memcpy(l->zbuf, l->buf, l->end);
	memset(&l->zs, 0, sizeof l->zs);
	/* 15 + 16: a gzip wrapper only (a zlib or raw stream is no file). */
	if (inflateInit2(&l->zs, 15 + 16) != Z_OK)
		cs_die(CS_EXIT_DATA, "%s: zlib: %s", l->src,
		       l->zs.msg ? l->zs.msg : "cannot start");
	l->zs.next_in = l->zbuf;
	l->zs.avail_in = (uInt)l->end;
	l->end = 0;
	l->gz = true;
	l->zeof = false;
}

/* Inflate into dst[0..n): the count, 0 at the end of the stream. */
static size_t
gz_read(lines *l, char *dst, size_t n)
{
	l->zs.next_out = (unsigned char *)dst;
	l->zs.avail_out = (uInt)n;
	while (l->zs.avail_out == n) {
		int rc;

		if (l->zs.avail_in == 0 && !l->zeof) {
			ssize_t got = raw_read(l, l->zbuf, CHUNK);

			l->zeof = got == 0;
			l->zs.next_in = l->zbuf;
			l->zs.avail_in = (uInt)got;
		}
		rc = inflate(&l->zs, Z_NO_FLUSH);
		if (rc == Z_STREAM_END) {
			if (l->zs.avail_in == 0 && !l->zeof) {
				ssize_t got = raw_read(l, l->zbuf, CHUNK);

				l->zeof = got == 0;
				l->zs.next_in = l->zbuf;
				l->zs.avail_in = (uInt)got;
			}
			if (l->zs.avail_in == 0)
				break; /* the last member */
			inflateReset(&l->zs);
			continue;
		}
		if (rc == Z_BUF_ERROR && l->zeof && l->zs.avail_in == 0)
			cs_die(CS_EXIT_DATA,
			       "%s: gzip data ends early (a truncated "
			       "download?)",
			       l->src);
		if (rc != Z_OK && rc != Z_BUF_ERROR)
			cs_die(CS_EXIT_DATA, "%s: gzip data is corrupt (%s)",
			       l->src, l->zs.msg ? l->zs.msg : "zlib error");
	}
	return n - l->zs.avail_out;
}

static void
end_operand(lines *l)
{
	if (l->fd != STDIN_FILENO)
		close(l->fd);
	l->fd = -1;
	if (l->gz)
		inflateEnd(&l->zs);
	l->gz = false;
}

static bool
open_next(lines *l)
{
	const char *name;

	if (l->next >= l->nnames)
		return false;
	name = l->names[l->next++];
	l->src = name;
	if (strcmp(name, "-") == 0) {
		l->fd = STDIN_FILENO;
	} else if ((l->fd = open(name, O_RDONLY)) < 0) {
		cs_die(CS_EXIT_DATA, "%s: %s", name, strerror(errno));
	}
	l->lineno = 0;
	l->start = l->end = l->total = 0;
	l->eof = false;
	sniff_gzip(l);
	return true;
}

static void
fill(lines *l)
{
	ssize_t n;

	if (l->start > 0) {
		memmove(l->buf, l->buf + l->start, l->end - l->start);
		l->end -= l->start;
		l->start = 0;
	}
	if (l->end == l->cap) {
		/* A line longer than the buffer: double it (+1 keeps room
		 * for the NUL after a last line with no LF). */
		l->cap *= 2;
		l->buf = xrealloc(l->buf, l->cap + 1);
	}
	if (l->gz)
		n = (ssize_t)gz_read(l, l->buf + l->end, l->cap - l->end);
	else
		n = raw_read(l, l->buf + l->end, l->cap - l->end);
	if (n == 0)
		l->eof = true;
	l->end += (size_t)n;
	l->total += (size_t)n;
	if (l->max_bytes > 0 && l->total > l->max_bytes)
		cs_die(CS_EXIT_DATA,
		       "%s: larger than %zu MiB, too big for a "
		       "reference table",
		       l->src, l->max_bytes >> 20);
}

void
lines_limit(lines *l, size_t max_line, size_t max_bytes)
{
	l->max_line = max_line;
	l->max_bytes = max_bytes;
}

/* A line of n bytes so far (CR and BOM still in) against lines_limit.
 * Checked while a line is read, so that memory stays bounded, and once it
 * is whole: a 100 KiB line that came in one read was let through. */
static void
too_long(const lines *l, size_t n)
{
	if (l->max_line > 0 && n > l->max_line)
		cs_die_at(CS_EXIT_DATA, l->src, l->lineno + 1,
		          "a line longer than %zu KiB, too long for a "
		          "reference table",
		          l->max_line >> 10);
}

static bool next_slow(lines *l, char **line, size_t *len);

/* The common line, whole in the buffer and not a file's first: a small
 * function with nothing to save around memchr; the rest, reading, the
 * first line's checks and the limits, in next_slow (normalise-crime's
 * text mode, 1 MB of report text: 643.6M to 643.2M instructions). */
bool
lines_next(lines *l, char **line, size_t *len)
{
	if (!l->again && l->fd >= 0 && l->lineno > 0 && l->max_line == 0) {
		char *p = l->buf + l->start;
		char *nl = memchr(p, '\n', l->end - l->start);

		if (nl != NULL) {
			size_t n = (size_t)(nl - p);

			l->start += n + 1;
			*nl = '\0';
			if (n > 0 && p[n - 1] == '\r')
				p[--n] = '\0';
			l->newfile = false;
			l->lineno++;
			*line = l->last = p;
			*len = l->lastlen = n;
			return true;
		}
	}
	return next_slow(l, line, len);
}

/* Not inlined where the compiler can be told: gcc took next_slow, called
 * once, into lines_next, whose every call then kept the slow path's
 * values in saved registers and on the stack (normalise-crime's text
 * mode, 5.3 MB text: 560.7M to 559.4M instructions) */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static bool
next_slow(lines *l, char **line, size_t *len)
{
	size_t scanned = 0;

	if (l->again) {
		l->again = false;
		*line = l->last;
		*len = l->lastlen;
		return true;
	}
	for (;;) {
		char *p, *nl;
		size_t n;

		if (l->fd < 0 && !open_next(l))
			return false;
		p = l->buf + l->start;
		nl = memchr(p + scanned, '\n', l->end - l->start - scanned);
		if (nl == NULL && !l->eof) {
			scanned = l->end - l->start;
			too_long(l, scanned);
			fill(l);
			continue;
		}
		if (nl == NULL && l->start == l->end) {
			/* End of this operand. */
			end_operand(l);
			scanned = 0;
			continue;
		}
		p = l->buf + l->start;
		n = nl ? (size_t)(nl - p) : l->end - l->start;
		too_long(l, n);
		l->start += n + (nl != NULL);
		p[n] = '\0'; /* the LF, or the spare byte past cap */
		if (n > 0 && p[n - 1] == '\r')
			p[--n] = '\0';
		l->newfile = l->lineno == 0;
		/* UTF-16 (a spreadsheet's "Unicode text") reads as NULs between
		 * letters: no column or fact would be found, so say why. */
		if (l->newfile && n >= 2 &&
		    (memcmp(p, "\xFF\xFE", 2) == 0 ||
		     memcmp(p, "\xFE\xFF", 2) == 0))
			cs_die_at(CS_EXIT_DATA, l->src, 1,
			          "UTF-16 text (byte-order mark "
			          "%02X %02X): convert it to UTF-8 first, e.g. "
			          "iconv -f "
			          "UTF-16 -t UTF-8",
			          (unsigned char)p[0], (unsigned char)p[1]);
		if (l->newfile && n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
			p += 3;
			n -= 3;
		}
		if (l->newfile)
			sniff_binary(l->src, p, n);
		l->lineno++;
		*line = l->last = p;
		*len = l->lastlen = n;
		return true;
	}
}

void
lines_unread(lines *l)
{
	/* The buffer is only compacted inside lines_next, so the line is
	 * still where it was. */
	if (l->last != NULL)
		l->again = true;
}

bool
lines_new_file(const lines *l)
{
	return l->newfile;
}

const char *
lines_source(const lines *l)
{
	return l->src ? l->src : "-";
}

long
lines_lineno(const lines *l)
{
	return l->lineno;
}

void
lines_close(lines *l)
{
	if (l == NULL)
		return;
	if (l->fd >= 0)
		end_operand(l);
	free(l->zbuf);
	free(l->buf);
	free(l->names);
	free(l);
}
