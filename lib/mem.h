/* mem.h - allocation that never returns NULL, and a growable byte buffer. */
#ifndef CS_MEM_H
#define CS_MEM_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array of *cap elements of size elem to hold at least need. */
void *xgrow(void *p, size_t *cap, size_t need, size_t elem);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* src into dst[size] (size > 0), cut at size - 1 bytes as
 * snprintf(dst, size, "%s", src) cuts it, without the format machinery:
 * normalise-crime's text mode copies a label and a value for every
 * figure it reads. */
void copy_cut(char *dst, size_t size, const char *src);

/* Strings kept one after another, each with its NUL, in blocks of
 * `size` bytes: one allocation a block, not one a string (the keys of a
 * hash map, the cells of a reference table).  A string longer than a
 * block has a block of its own, the current one going on taking the
 * short ones.  Zero-initialise with the block size set. */
struct strblock;
typedef struct {
	struct strblock *head;
	size_t size;
} strblocks;
/* A copy of s[0..n) with a NUL after it, kept until strblocks_free. */
char *strblocks_keep(strblocks *sb, const char *s, size_t n);
void strblocks_free(strblocks *sb);

/* A NUL-terminated growable buffer. Zero-initialise, or use SBUF_INIT. */
typedef struct {
	char *s;
	size_t len, cap;
} sbuf;
#define SBUF_INIT                                                              \
	{                                                                      \
		NULL, 0, 0                                                     \
	}

void sbuf_add(sbuf *b, const char *s, size_t n);
void sbuf_adds(sbuf *b, const char *s);
void sbuf_addc(sbuf *b, char c);
void sbuf_printf(sbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void sbuf_clear(sbuf *b);
void sbuf_free(sbuf *b);
/* Always a valid string, "" when empty. */
const char *sbuf_str(const sbuf *b);

#endif
