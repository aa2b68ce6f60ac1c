/* names.c - folded keys for place and offence names (see names.h).
 *
 * The key is lower case ASCII words separated by single spaces: "&"
 * becomes the word "and", apostrophes vanish (so "James's" -> "jamess"
 * and "St. James's" -> "st jamess"), every other ASCII punctuation mark,
 * hyphens and dashes included, separates words.  Non-ASCII letters are
 * kept byte for byte, except that Latin-1 capitals (U+00C0-U+00DE) are
 * lowered so "ÉALING" and "éaling" agree. */
#include <stdbool.h>
#include <string.h>

#include "names.h"

static bool
is_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* Add a word separator unless one is already last. */
static void
sep(sbuf *out)
{
	if (out->len > 0 && out->s[out->len - 1] != ' ')
		sbuf_addc(out, ' ');
}

/* Multi-byte characters that fold to something: curly apostrophes vanish,
 * dashes and Unicode spaces separate.  Returns the bytes consumed, with
 * *drop true for those that vanish; 0 for any other character. */
static size_t
special(const unsigned char *s, size_t n, bool *drop)
{
	*drop = false;
	if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
		return 2; /* NBSP */
	if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80) {
		/* ‘ ’ and the zero-width space and joiners vanish. */
		if (s[2] == 0x98 || s[2] == 0x99 ||
		    (s[2] >= 0x8B && s[2] <= 0x8D)) {
			*drop = true;
			return 3;
		}
		if (s[2] <= 0x95 || s[2] == 0xAF) /* spaces, dashes */
			return 3;
	}
	return 0;
}

const char *
name_fold(const char *s, size_t n, int flags, sbuf *out)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	sbuf_clear(out);
	while (i < n) {
		unsigned char c = u[i];
		bool drop;
		size_t k;

		if (c < 0x80) {
			if (is_alnum(c))
				sbuf_addc(out, (char)(c >= 'A' && c <= 'Z'
				                          ? c + ('a' - 'A')
				                          : c));
			else if (c == '&') {
				sep(out);
				sbuf_adds(out, "and ");
			} else if (c != '\'' && c != '`')
				sep(out);
			i++;
		} else if ((k = special(u + i, n - i, &drop)) > 0) {
			if (!drop)
				sep(out);
			i += k;
		} else if (c == 0xC3 && i + 1 < n && u[i + 1] >= 0x80 &&
		           u[i + 1] <= 0x9E && u[i + 1] != 0x97) {
			/* Latin-1 capital (not U+00D7 multiplication sign). */
			sbuf_addc(out, (char)c);
			sbuf_addc(out, (char)(u[i + 1] + 0x20));
			i += 2;
		} else {
			sbuf_addc(out, (char)c);
			i++;
		}
	}
	if (out->len > 0 && out->s[out->len - 1] == ' ')
		out->s[--out->len] = '\0';
	if ((flags & NAME_DROP_WARD) && out->len > 5 &&
	    memcmp(out->s + out->len - 5, " ward", 5) == 0) {
		out->len -= 5;
		out->s[out->len] = '\0';
	}
	return sbuf_str(out);
}

size_t
name_key(const char *prefix, const char *s, size_t n, sbuf *key)
{
	static sbuf fold;

	name_fold(s, n, 0, &fold);
	sbuf_clear(key);
	if (prefix != NULL) {
		sbuf_adds(key, prefix);
		sbuf_addc(key, ' ');
	}
	sbuf_add(key, fold.s, fold.len);
	return fold.len;
}
