/* mem.c - allocation that never returns NULL, and sbuf. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "mem.h"

static void *
check(void *p)
{
	if (p == NULL)
		cs_die(CS_EXIT_DATA, "out of memory");
	return p;
}

void *
xmalloc(size_t n)
{
	return check(malloc(n ? n : 1));
}

void *
xcalloc(size_t n, size_t size)
{
	return check(calloc(n ? n : 1, size ? size : 1));
}

void *
xrealloc(void *p, size_t n)
{
	return check(realloc(p, n ? n : 1));
}

void *
xgrow(void *p, size_t *cap, size_t need, size_t elem)
{
	size_t c = *cap ? *cap : 16;

	if (need <= *cap)
		return p;
	while (c < need) {
		if (c > SIZE_MAX / 2 / elem)
			cs_die(CS_EXIT_DATA, "out of memory");
		c *= 2;
	}
	*cap = c;
	return xrealloc(p, c * elem);
}

void
copy_cut(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);

	if (n >= size)
		n = size - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

static void
reserve(sbuf *b, size_t extra)
{
	b->s = xgrow(b->s, &b->cap, b->len + extra + 1, 1);
}

void
sbuf_add(sbuf *b, const char *s, size_t n)
{
	/* with room to spare, as sbuf_addc, no call to xgrow: normalise-crime
	 * adds every line of a report to a paragraph (231.7M to 231.2M
	 * instructions per MB of report text).  cap - len cannot wrap:
	 * len < cap once there is storage, both 0 before. */
	if (n >= b->cap - b->len)
		reserve(b, n);
	if (n)
		memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
sbuf_adds(sbuf *b, const char *s)
{
	sbuf_add(b, s, strlen(s));
}

void
sbuf_addc(sbuf *b, char c)
{
	/* Names and cells are built a character at a time: with room to
	 * spare (the usual case) skip the call to reserve and xgrow
	 * (join-wards, 100k rows: 450M -> 434M instructions). */
	if (b->len + 1 >= b->cap)
		reserve(b, 1);
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

void
sbuf_printf(sbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	reserve(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
sbuf_clear(sbuf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void
sbuf_free(sbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

const char *
sbuf_str(const sbuf *b)
{
	return b->s ? b->s : "";
}

struct strblock {
	struct strblock *next;
	size_t len, cap;
	char text[];
};

char *
strblocks_keep(strblocks *sb, const char *s, size_t n)
{
	struct strblock *b = sb->head;
	char *p;

	if (b == NULL || b->cap - b->len <= n) {
		size_t cap = n < sb->size ? sb->size : n + 1;

		b = xmalloc(sizeof *b + cap);
		b->len = 0;
		b->cap = cap;
		if (sb->head != NULL && cap > sb->size) {
			b->next = sb->head->next;
			sb->head->next = b;
		} else {
			b->next = sb->head;
			sb->head = b;
		}
	}
	p = b->text + b->len;
	memcpy(p, s, n);
	p[n] = '\0';
	b->len += n + 1;
	return p;
}

void
strblocks_free(strblocks *sb)
{
	while (sb->head != NULL) {
		struct strblock *next = sb->head->next;

		free(sb->head);
		sb->head = next;
	}
}
