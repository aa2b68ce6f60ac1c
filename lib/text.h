/* text.h - clean-up of text extracted from PDFs, and UTF-8 safety. */
#ifndef CS_TEXT_H
#define CS_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "mem.h"

/* Make s[0..n) valid UTF-8 in out: each invalid or overlong sequence, and
 * each NUL, becomes U+FFFD.  Returns the number of replacements. */
size_t utf8_fix(const char *s, size_t n, sbuf *out);
bool utf8_valid(const char *s, size_t n);

/* Clean a line in place and return its new length: curly quotes and
 * dashes to ASCII (' " -), non-breaking and other Unicode spaces to a
 * space, markdown emphasis (** __) and HTML tags (<br>, <b>...) removed,
 * HTML entities (&amp; &nbsp; &#39;) decoded.  Tabs are kept. */
size_t text_clean(char *s, size_t n);
/* Page furniture that is not content: "AGENDA ITEM 3", a lone page number,
 * "Page 4", "Page 4 of 12", "This page is intentionally left blank",
 * form feeds. */
bool text_is_furniture(const char *s, size_t n);
/* Blank: only spaces, tabs and form feeds. */
bool text_is_blank(const char *s, size_t n);

/* Trim ASCII and Unicode spaces from both ends: adjusts *s and *n. */
void text_trim(const char **s, size_t *n);
/* Case-insensitive ASCII comparison of s[0..n) with a C string. */
bool text_ieq(const char *s, size_t n, const char *lit);
/* Case-insensitive ASCII prefix test. */
bool text_iprefix(const char *s, size_t n, const char *lit);

#endif
