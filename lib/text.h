/* text.h - clean-up of text extracted from PDFs, and UTF-8 safety. */
#ifndef CS_TEXT_H
#define CS_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "mem.h"

/* The one UTF-8 check (SPEC section 1: output is UTF-8).  Length of the
 * valid sequence at s[0..n) (n >= 1), or 0 when the bytes there are not
 * one: NUL, a stray continuation byte (80-BF), C0/C1 and F5-FF, an
 * overlong form ("/" as C0 AF or E0 80 AF), a UTF-16 surrogate (ED A0 80,
 * so CESU-8's pairs of halves), a code point past U+10FFFF (F4 90 80 80),
 * a sequence cut short by the end of the range ("E2 80" at n = 2) or by a
 * byte that cannot continue it.  When 0 and bad is not NULL, *bad is the
 * length of the maximal invalid subpart (at least 1): the bytes that one
 * U+FFFD replaces as Unicode recommends ("E2 80 y" -> FFFD y). */
size_t utf8_len(const char *s, size_t n, size_t *bad);

/* Make s[0..n) valid UTF-8 in out: each invalid or overlong sequence, and
 * each NUL, becomes U+FFFD.  Returns the number of replacements. */
size_t utf8_fix(const char *s, size_t n, sbuf *out);
bool utf8_valid(const char *s, size_t n);

/* A line of a document read at file:line, made ready for the readers:
 * valid UTF-8 (utf8_fix) in out, which is cleared first and always
 * NUL-terminated, and with TEXT_FIX_CLEAN cleaned (text_clean) too (a
 * reader with its own layout clean-up, extract-minutes', leaves it out).
 * Bad bytes are reported at the first line of a file that has any
 * ("tool: file:line: NUL bytes or invalid UTF-8 replaced by U+FFFD");
 * *warned is the caller's per-file flag, to be cleared when a new file
 * starts. */
enum { TEXT_FIX_CLEAN = 1 };
void text_line_fix(const char *s, size_t n, sbuf *out, const char *file,
                   long line, bool *warned, unsigned flags);
/* Is s[0..n) a line text_line_fix leaves as it is, with TEXT_FIX_CLEAN
 * too: plain ASCII with no NUL and no '*', '_', '<' or '&'?  Most lines
 * of a report are; a reader may use such a line where it is, and fix
 * only the others.  s[n] must be a NUL (as lines_next leaves a line). */
bool text_plain(const char *s, size_t n);

/* Clean a line in place and return its new length: curly quotes and
 * dashes to ASCII (' " -), non-breaking and other Unicode spaces to a
 * space, markdown emphasis (** __) and HTML tags (<br>, <b>...) removed,
 * HTML entities (&amp; &nbsp; &#39;) decoded.  Tabs are kept.
 * Emphasis is a run of exactly 2 or 3 '*' or '_': a lone '*' (footnote
 * marker, bullet) and '_' stay.  Tags that break words (br, p, td ...)
 * leave one space; "<5%" and "<https://...>" are not tags.  Never grows;
 * invalid UTF-8 is copied as it is (see utf8_fix). */
size_t text_clean(char *s, size_t n);
/* Page furniture that is not content: "AGENDA ITEM 3", a lone page number,
 * "Page 4", "Page 4 of 12", "This page is intentionally left blank",
 * form feeds.  A page number is 1-3 digits not starting with 0, alone or
 * as "- 4 -": a lone "2019" is a table header and stays content, as does
 * any line with a tab (a table row).  A line of only form feeds is
 * furniture; "\fIntroduction" is not.  Blank lines are not furniture. */
bool text_is_furniture(const char *s, size_t n);
/* Blank: only spaces, tabs and form feeds. */
bool text_is_blank(const char *s, size_t n);
/* The end of the last ASCII digit of s[from..n) (the index after it), or
 * from when there is none. */
size_t text_digits_end(const char *s, size_t from, size_t n);
/* The first ASCII digit of s[from..n), or n when there is none. */
size_t text_digit_next(const char *s, size_t from, size_t n);
/* The first of s[from..n) that is an ASCII digit or a byte from 0xC0
 * (which may start a non-ASCII digit, as PCRE2's \d matches with UCP),
 * or n: lib/rules' windows before digits. */
size_t text_digit_or_lead_next(const char *s, size_t from, size_t n);
/* Eight bytes at a time: a test of eight bytes of text in a word costs
 * what the test of one did (text.c has the tests it makes so, these the
 * ones inline in a reader's loop). */
#define TEXT_ONES ((uint64_t)0x0101010101010101u)
#define TEXT_HIGHS ((uint64_t)0x8080808080808080u)

static inline uint64_t
text_load8(const char *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof v);
	return v;
}

/* Which of the eight bytes at p the lowest high bit of m marks (m != 0,
 * each byte's mark its own, as text_stop_bits gives):
 * the first in memory where the host is little-endian, so found without
 * going back to the bytes.  m & -m is that bit alone, 8k + 7; shifted
 * down to bit 8k and multiplied by the bytes 7, 6, ... 0, k comes out
 * in the top byte.  Elsewhere TEXT_FIRST_BYTE is not defined and the
 * bytes are asked one at a time. */
#if defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__) &&             \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#if defined(__GNUC__)
/* the count of zero bits below it, one instruction (193.3M to 193.0M
 * instructions per MB, normalise-crime's text mode) */
#define TEXT_FIRST_BYTE(m) ((size_t)__builtin_ctzll(m) >> 3)
#else
#define TEXT_FIRST_BYTE(m)                                                     \
	((size_t)((((m) & (0 - (m))) >> 7) * (uint64_t)0x0001020304050607u >>  \
	          56))
#endif
#endif

/* The high bit of each of the eight bytes of v that is an ASCII letter:
 * its low seven bits with 0x20 set (a capital made small, '@' and '['
 * made '`' and '{') are from 'a' to 'z' (the sums stay inside their
 * bytes), and its own high bit is clear. */
static inline uint64_t
text_letter_bits(uint64_t v)
{
	uint64_t x = (v & ~TEXT_HIGHS) | TEXT_ONES * 0x20;

	return (x + TEXT_ONES * (0x80 - 'a')) &
	       ~(x + TEXT_ONES * (0x80 - 'z' - 1)) & ~v & TEXT_HIGHS;
}

/* The high bit of each of the eight bytes of v that is an ASCII digit:
 * its low seven bits, 0x80 - '0' added, reach 0x80 and, 0x80 - '9' - 1
 * added, do not (no sum carries into the next byte), and its own high bit
 * is clear. */
static inline uint64_t
text_digit_bits(uint64_t v)
{
	uint64_t x = v & ~TEXT_HIGHS;

	return (x + TEXT_ONES * (0x80 - '0')) &
	       ~(x + TEXT_ONES * (0x80 - '9' - 1)) & ~v & TEXT_HIGHS;
}

/* The high bit of each of the eight bytes of v that is an ASCII letter or
 * digit (lib/date's period_starts finds the words of a block by it). */
static inline uint64_t
text_alnum_bits(uint64_t v)
{
	return text_letter_bits(v) | text_digit_bits(v);
}

/* Where text_scan stops. */
enum text_stop {
	TEXT_NOT_LETTER, /* the end of a run of ASCII letters */
	TEXT_NOT_DIGIT,  /* the end of a run of ASCII digits */
	TEXT_DIGIT,      /* an ASCII digit */
	TEXT_DIGIT_LEAD, /* that, or a byte from 0xC0 (a character past
	                    ASCII starts) */
};

/* The high bit of each of the eight bytes of v that text_scan stops at;
 * a lead byte has its top two bits set. */
static inline uint64_t
text_stop_bits(uint64_t v, enum text_stop at)
{
	switch (at) {
	case TEXT_NOT_LETTER:
		return ~text_letter_bits(v) & TEXT_HIGHS;
	case TEXT_NOT_DIGIT:
		return ~text_digit_bits(v) & TEXT_HIGHS;
	case TEXT_DIGIT:
		return text_digit_bits(v);
	default:
		return text_digit_bits(v) | (v & (v << 1) & TEXT_HIGHS);
	}
}

/* Does text_scan stop at the byte c? */
static inline bool
text_stops(unsigned char c, enum text_stop at)
{
	switch (at) {
	case TEXT_NOT_LETTER:
		return (unsigned)((c | 0x20) - 'a') >= 26;
	case TEXT_NOT_DIGIT:
		return (unsigned)(c - '0') >= 10;
	case TEXT_DIGIT:
		return (unsigned)(c - '0') < 10;
	default:
		return (unsigned)(c - '0') < 10 || c >= 0xC0;
	}
}

/* The first byte of s[from..n) that `at` names, or n: eight bytes at a
 * time, then a byte at a time for the last few (and, without
 * TEXT_FIRST_BYTE, in the block a mark is in).  `at` a constant, the
 * switches above fold away where it is inlined. */
static inline size_t
text_scan(const char *s, size_t from, size_t n, enum text_stop at)
{
	for (size_t last = n > 7 ? n - 7 : 0; from < last; from += 8) {
		uint64_t m = text_stop_bits(text_load8(s + from), at);

		if (m != 0) {
#ifdef TEXT_FIRST_BYTE
			return from + TEXT_FIRST_BYTE(m);
#else
			break;
#endif
		}
	}
	while (from < n && !text_stops((unsigned char)s[from], at))
		from++;
	return from;
}

/* The end of the run of ASCII letters at s[from..n): the first byte
 * from there that is none, or n.  Eight bytes at a time and inline:
 * normalise-crime's test of each sentence for a figure in words
 * (may_hold_figure) walks every word of the text, most of them in one
 * step, and the byte a byte walk it replaced mispredicted the end of
 * most (best of 15 rounds over the 1 MB slice cut into sentences: 8.9
 * to 6.9 ms; on the 5 MB bench text, fewest ms of 20 runs 180.3 to
 * 178.0), though in more instructions. */
static inline size_t
text_letters_end(const char *s, size_t from, size_t n)
{
	return text_scan(s, from, n, TEXT_NOT_LETTER);
}

/* The end of the run of ASCII digits at s[from..n): the first byte from
 * there that is none, or n.  Eight bytes at a time, as text_letters_end:
 * lib/date measures each number of a sentence ("12", "2016", "590"),
 * and the end of a run of one to four digits was a branch guessed
 * wrong. */
static inline size_t
text_digit_run_end(const char *s, size_t from, size_t n)
{
	return text_scan(s, from, n, TEXT_NOT_DIGIT);
}

/* Lower-case the ASCII capitals of s[0..n) in place, eight bytes at a
 * time; other bytes are left as they are.  True when s holds a byte
 * from 0x80 (a text of ASCII alone needs no look for one after). */
bool text_ascii_lower(char *s, size_t n);

/* Trim ASCII and Unicode spaces from both ends: adjusts *s and *n. */
void text_trim_spaces(const char **s, size_t *n);
/* The same, inline for what most calls see: a text that starts and ends
 * with an ASCII byte other than a space, so nothing to trim (124,000
 * calls per MB of report text in normalise-crime's text mode, 610.3M to
 * 608.3M instructions). */
static inline void
text_trim(const char **s, size_t *n)
{
	if (*n > 0) {
		unsigned char f = (unsigned char)(*s)[0];
		unsigned char l = (unsigned char)(*s)[*n - 1];

		/* one test an end, printable ASCII past the space: the
		 * control bytes that are no space go the long way, to the
		 * same answer (228.3M to 227.6M instructions per MB) */
		if (f - 0x21u < 0x5Eu && l - 0x21u < 0x5Eu)
			return;
	}
	text_trim_spaces(s, n);
}
/* Case-insensitive ASCII comparison of s[0..n) with a C string. */
bool text_ieq(const char *s, size_t n, const char *lit);
/* Case-insensitive ASCII prefix test. */
bool text_iprefix(const char *s, size_t n, const char *lit);

#endif
