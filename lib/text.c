/* text.c - UTF-8 safety and clean-up of PDF-extracted text (see text.h).
 *
 * Everything works on byte ranges (s, n) because extracted text may hold
 * NUL bytes; nothing here allocates except utf8_fix's output buffer. */
#include <stdint.h>
#include <string.h>

#include "err.h"
#include "text.h"

/* Eight bytes at a time (text.h: TEXT_ONES, text_load8): the ASCII runs
 * that utf8_fix and text_clean pass over are most of every line, and a
 * test of eight bytes costs what the test of one did (20.5M to 11.4M
 * instructions in text_line_fix on 1 MB of report text, normalise-crime's
 * text mode).  Any byte order: only whether some byte is one is asked. */
/* Nonzero exactly when some byte of v is zero (a borrow passes on only
 * above a zero byte). */
static inline uint64_t
zero_bits(uint64_t v)
{
	return (v - TEXT_ONES) & ~v & TEXT_HIGHS;
}

static inline bool
has_zero(uint64_t v)
{
	return zero_bits(v) != 0;
}

/* Does v hold a byte that starts something text_clean cleans, or one
 * past ASCII?  One test, not one a byte; inline, as the call it became
 * cost (597.3M to 596.1M instructions per MB). */
/* Of the low seven bits x of each byte, (x ^ c) + 0x7F has its high bit
 * clear exactly when x is c (no sum reaches the next byte): an AND of
 * such sums and the bytes' own high bits asks for several bytes at once,
 * two operations each, not zero_bits' four (490.8M to 490.4M
 * instructions per MB, normalise-crime text mode). */
#define LOWS (~TEXT_HIGHS)
#define IS_NOT(x, c) (((x) ^ (TEXT_ONES * (c))) + LOWS)

static inline bool
has_special(uint64_t v)
{
	uint64_t x = v & LOWS;
	uint64_t m =
	    IS_NOT(x, '*') & IS_NOT(x, '_') & IS_NOT(x, '<') & IS_NOT(x, '&');

	return ((~m | v) & TEXT_HIGHS) != 0;
}

/* ---- UTF-8 ------------------------------------------------------------ */

/* The one UTF-8 check of cspkit (text.h): utf8_fix, utf8_valid, the
 * decoder below and the TSV writer's field sanitiser all ask it. */
size_t
utf8_len(const char *str, size_t n, size_t *bad)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char c = s[0];
	size_t len, i, scratch;
	unsigned char lo = 0x80, hi = 0xBF; /* range of the second byte */

	if (bad == NULL)
		bad = &scratch;
	*bad = 1;
	if (c < 0x80)
		return c == 0 ? 0 : 1;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2;
	else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		if (c == 0xE0)
			lo = 0xA0; /* overlong below U+0800 */
		else if (c == 0xED)
			hi = 0x9F; /* UTF-16 surrogates (CESU-8 halves) */
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		if (c == 0xF0)
			lo = 0x90; /* overlong below U+10000 */
		else if (c == 0xF4)
			hi = 0x8F; /* above U+10FFFF */
	} else
		return 0; /* 80-C1 and F5-FF never start one */
	for (i = 1; i < len; i++) {
		unsigned char lim_lo = i == 1 ? lo : 0x80;
		unsigned char lim_hi = i == 1 ? hi : 0xBF;

		if (i >= n || s[i] < lim_lo || s[i] > lim_hi) {
			*bad = i;
			return 0;
		}
	}
	return len;
}

size_t
utf8_fix(const char *s, size_t n, sbuf *out)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, start = 0, fixes = 0;

	/* An empty cell may come as (NULL, 0), and NULL + 0 is undefined in
	 * C (fuzz_nc_text found it through tax_map). */
	if (n == 0)
		return 0;
	while (i < n) {
		size_t bad, len;

		/* ASCII other than NUL, the bulk of any text, is valid as it
		 * is: skip it without a call a byte (extract-minutes, 20 MB of
		 * report text: 0.17 -> 0.13 s CPU). */
		while (i + 8 <= n) {
			uint64_t v = text_load8(s + i);

			if ((v & TEXT_HIGHS) != 0 || has_zero(v))
				break;
			i += 8;
		}
		while (i < n && u[i] - 1u < 0x7fu)
			i++;
		if (i == n)
			break;
		if ((len = utf8_len(s + i, n - i, &bad)) > 0) {
			i += len;
			continue;
		}
		sbuf_add(out, s + start, i - start);
		sbuf_add(out, "\xEF\xBF\xBD", 3);
		fixes++;
		i += bad;
		start = i;
	}
	sbuf_add(out, s + start, n - start);
	return fixes;
}

bool
text_plain(const char *s, size_t n)
{
	uint64_t any = 0;
	size_t i = 0;

	/* The four ASCII bytes text_clean starts at, and a NUL, by libc's
	 * strcspn (sixteen bytes a step where the CPU has them: it stops at
	 * the NUL at s[n], or before, at one inside); past ASCII by an OR
	 * of eight bytes at a time, the last one to eight as the eight that
	 * end the line.  normalise-crime asks it of every line: 171 to 100
	 * instructions a line, 227.6M to 226.3M per MB. */
	if (strcspn(s, "*_<&") != n)
		return false;
	if (n < 8) {
		for (; i < n; i++)
			any |= (unsigned char)s[i];
		return any < 0x80;
	}
	for (; n - i > 8; i += 8)
		any |= text_load8(s + i);
	any |= text_load8(s + n - 8);
	return (any & TEXT_HIGHS) == 0;
}

void
text_line_fix(const char *s, size_t n, sbuf *out, const char *file, long line,
              bool *warned, unsigned flags)
{
	sbuf_clear(out);
	/* Bad bytes become U+FFFD, so every later step sees UTF-8. */
	if (utf8_fix(s, n, out) > 0 && !*warned) {
		cs_warn_at(file, line,
		           "NUL bytes or invalid UTF-8 replaced by U+FFFD"
		           " (reported once per file)");
		*warned = true;
	}
	sbuf_add(out, "", 0); /* storage even for an empty line */
	if (flags & TEXT_FIX_CLEAN)
		out->len = text_clean(out->s, out->len);
	out->s[out->len] = '\0';
}

bool
utf8_valid(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t len;

		/* ASCII other than NUL eight bytes at a time, as utf8_fix:
		 * every line of every reference table is asked at start-up
		 * (1,100 lines, 229.1M to 228.3M instructions a run) */
		while (n - i >= 8) {
			uint64_t v = text_load8(s + i);

			if ((v & TEXT_HIGHS) != 0 || has_zero(v))
				break;
			i += 8;
		}
		if (i == n)
			break;
		len = utf8_len(s + i, n - i, NULL);

		if (len == 0)
			return false;
		i += len;
	}
	return true;
}

/* Decode one valid sequence at s[0..n) into *cp; returns its length, 0 if
 * invalid (the caller then copies the byte as it is). */
static size_t
utf8_decode(const unsigned char *s, size_t n, unsigned long *cp)
{
	size_t len = utf8_len((const char *)s, n, NULL);

	switch (len) {
	case 1:
		*cp = s[0];
		break;
	case 2:
		*cp = (s[0] & 0x1Ful) << 6 | (s[1] & 0x3Ful);
		break;
	case 3:
		*cp = (s[0] & 0x0Ful) << 12 | (s[1] & 0x3Ful) << 6 |
		      (s[2] & 0x3Ful);
		break;
	case 4:
		*cp = (s[0] & 0x07ul) << 18 | (s[1] & 0x3Ful) << 12 |
		      (s[2] & 0x3Ful) << 6 | (s[3] & 0x3Ful);
		break;
	default:
		break;
	}
	return len;
}

static size_t
utf8_encode(unsigned long cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Unicode white space other than ASCII: NBSP, the U+2000 block of fixed
 * spaces, narrow NBSP, medium mathematical space, ideographic space. */
static bool
is_uspace(unsigned long cp)
{
	return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
	       cp == 0x205F || cp == 0x3000;
}

/* Invisible characters PDF extraction leaves in words: soft hyphen,
 * zero-width space/joiners, word joiner, BOM. */
static bool
is_invisible(unsigned long cp)
{
	return cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 ||
	       cp == 0xFEFF;
}

static bool
is_ascii_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\f' || c == '\r' || c == '\n' ||
	       c == '\v';
}

/* Length of a Unicode space (or invisible character) at s, else 0. */
static size_t
uspace_len(const char *s, size_t n)
{
	unsigned long cp;
	size_t len = utf8_decode((const unsigned char *)s, n, &cp);

	return len > 1 && (is_uspace(cp) || is_invisible(cp)) ? len : 0;
}

/* ---- text_clean ------------------------------------------------------- */

/* The ASCII spelling of a typographic character, or NULL to keep it.
 * Every replacement is no longer than the UTF-8 it replaces, so that
 * text_clean can work in place. */
static const char *
ascii_for(unsigned long cp)
{
	switch (cp) {
	case 0x2018:
	case 0x2019:
	case 0x201A:
	case 0x201B:
	case 0x2032:
		return "'";
	case 0x201C:
	case 0x201D:
	case 0x201E:
	case 0x201F:
	case 0x2033:
		return "\"";
	case 0x2010:
	case 0x2011:
	case 0x2012:
	case 0x2013:
	case 0x2014:
	case 0x2015:
	case 0x2212:
		return "-";
	case 0x2026:
		return "...";
	case 0xFB00:
		return "ff";
	case 0xFB01:
		return "fi";
	case 0xFB02:
		return "fl";
	case 0xFB03:
		return "ffi";
	case 0xFB04:
		return "ffl";
	default:
		break;
	}
	if (is_uspace(cp))
		return " ";
	if (is_invisible(cp))
		return "";
	return NULL;
}

/* Named entities seen in HTML-ish PDF-to-markdown output. */
static const struct {
	const char *name;
	unsigned long cp;
} entities[] = {
	{ "amp", '&' },       { "lt", '<' },       { "gt", '>' },
	{ "quot", '"' },      { "apos", '\'' },    { "nbsp", 0xA0 },
	{ "ndash", 0x2013 },  { "mdash", 0x2014 }, { "lsquo", 0x2018 },
	{ "rsquo", 0x2019 },  { "ldquo", 0x201C }, { "rdquo", 0x201D },
	{ "hellip", 0x2026 }, { "pound", 0xA3 },   { "euro", 0x20AC },
};

/* An entity at s[0..n) ("&...;"): its code point and length, or 0. */
static size_t
entity(const char *s, size_t n, unsigned long *cp)
{
	const char *semi;
	size_t len, i;

	if (n < 4 || s[0] != '&')
		return 0;
	semi = memchr(s, ';', n < 12 ? n : 12);
	if (semi == NULL)
		return 0;
	len = (size_t)(semi - s) + 1;
	if (s[1] == '#') {
		unsigned long v = 0;
		int base = 10;

		i = 2;
		if (s[i] == 'x' || s[i] == 'X') {
			base = 16;
			i++;
		}
		if (i == len - 1)
			return 0;
		for (; i < len - 1; i++) {
			int d;
			char c = s[i];

			if (c >= '0' && c <= '9')
				d = c - '0';
			else if (base == 16 && c >= 'a' && c <= 'f')
				d = c - 'a' + 10;
			else if (base == 16 && c >= 'A' && c <= 'F')
				d = c - 'A' + 10;
			else
				return 0;
			v = v * (unsigned long)base + (unsigned long)d;
		}
		/* NUL, surrogates and out-of-range values stay literal text. */
		if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
			return 0;
		*cp = v;
		return len;
	}
	for (i = 0; i < sizeof entities / sizeof entities[0]; i++) {
		size_t k = strlen(entities[i].name);

		if (k == len - 2 && memcmp(s + 1, entities[i].name, k) == 0) {
			*cp = entities[i].cp;
			return len;
		}
	}
	return 0;
}

static bool
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_alnum(char c)
{
	return is_alpha(c) || (c >= '0' && c <= '9');
}

/* An HTML tag at s[0..n): "<name ...>", "</name>", "<name/>".  The name
 * must be letters and digits followed by '>', '/' or a space, which keeps
 * "<5%", "< 10" and autolinks "<https://...>" as text.  Returns its length
 * and sets *brk when the tag breaks words (br, p, td ...) so a space must
 * stand in for it. */
static size_t
html_tag(const char *s, size_t n, bool *brk)
{
	size_t i = 1, name, k;
	const char *gt;

	if (n < 3 || s[0] != '<')
		return 0;
	if (s[i] == '/')
		i++;
	name = i;
	if (i >= n || !is_alpha(s[i]))
		return 0;
	while (i < n && is_alnum(s[i]))
		i++;
	if (i >= n || (s[i] != '>' && s[i] != '/' && s[i] != ' '))
		return 0;
	k = i - name;
	gt = memchr(s + i, '>', n - i);
	if (gt == NULL || memchr(s + i, '<', (size_t)(gt - s) - i) != NULL)
		return 0;
	/* Inline tags join; all others (br, p, div, li, td, tr ...) break. */
	*brk =
	    !((k == 1 && strchr("biuas", s[name] | 0x20) != NULL) ||
	      text_ieq(s + name, k, "em") || text_ieq(s + name, k, "sup") ||
	      text_ieq(s + name, k, "sub") || text_ieq(s + name, k, "span") ||
	      text_ieq(s + name, k, "strong"));
	return (size_t)(gt - s) + 1;
}

/* Markdown emphasis is a run of two or three '*' or '_'.  A single '*' is
 * a footnote marker ("Theft offences*") or a bullet and is kept; a single
 * '_' is part of a name; runs of four or more are rules or fill-in lines,
 * also kept.  Returns the run's length, with *drop set for emphasis. */
static size_t
emphasis(const char *s, size_t n, bool *drop)
{
	size_t i = 0;

	if (s[0] != '*' && s[0] != '_')
		return 0;
	while (i < n && s[i] == s[0])
		i++;
	*drop = i == 2 || i == 3;
	return i;
}

size_t
text_clean(char *s, size_t n)
{
	size_t r = 0, w = 0;
	bool pending_space = false; /* a word-breaking tag was removed */

	while (r < n) {
		unsigned long cp;
		size_t len;
		bool brk = false, drop;
		const char *rep;
		char enc[4];

		/* Plain ASCII, the bulk of any report, stays as it is: copy a
		 * run of it at once instead of decoding byte by byte (only
		 * '*' '_' '<' '&' can start something to clean).  On the
		 * bench's 20 MB of report text this took extract-minutes from
		 * 0.33 to 0.17 s CPU and normalise-crime --format text from
		 * 0.62 to 0.46 s, with the same output. */
		if (!pending_space) {
			size_t k = r;

			while (k + 8 <= n) {
				uint64_t v = text_load8(s + k);

				if (has_special(v))
					break;
				k += 8;
			}
			while (k < n && (unsigned char)s[k] < 0x80 &&
			       s[k] != '*' && s[k] != '_' && s[k] != '<' &&
			       s[k] != '&')
				k++;
			if (k > r) {
				if (w != r)
					memmove(s + w, s + r, k - r);
				w += k - r;
				r = k;
				continue;
			}
		}
		if ((len = emphasis(s + r, n - r, &drop)) > 0) {
			if (!drop) {
				memmove(s + w, s + r, len);
				w += len;
			} else if (w > 0 && is_alnum(s[w - 1]) && r + len < n &&
			           is_alnum(s[r + len])) {
				/* "Board**1 March**": the emphasis was
				 * all that parted two words. */
				s[w++] = ' ';
			}
			r += len;
			continue;
		}
		if ((len = html_tag(s + r, n - r, &brk)) > 0) {
			r += len;
			pending_space |= brk;
			continue;
		}
		/* One character, maybe spelt as an entity. */
		if ((len = entity(s + r, n - r, &cp)) == 0 &&
		    (len = utf8_decode((const unsigned char *)s + r, n - r,
		                       &cp)) == 0) {
			cp = 0xFFFD; /* invalid byte: copy it as it is */
			len = 1;
		}
		if (pending_space) {
			/* w <= r - 3 here: the tag took at least 3 bytes. */
			if (w > 0 && !is_ascii_space((unsigned char)s[w - 1]) &&
			    !(cp < 0x80 && is_ascii_space((unsigned char)cp)))
				s[w++] = ' ';
			pending_space = false;
		}
		if (cp == 0xFFFD || (rep = ascii_for(cp)) == NULL) {
			if (s[r] == '&' && len > 1) {
				/* A decoded entity kept as UTF-8. */
				size_t k = utf8_encode(cp, enc);

				memmove(s + w, enc, k);
				w += k;
			} else {
				memmove(s + w, s + r, len);
				w += len;
			}
		} else {
			size_t k = strlen(rep);

			memmove(s + w, rep, k);
			w += k;
		}
		r += len;
	}
	if (w < n)
		s[w] = '\0';
	return w;
}

/* ---- small helpers ---------------------------------------------------- */

bool
text_is_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\f' &&
		    s[i] != '\r' && s[i] != '\v')
			return false;
	return true;
}

/* lib/date asks it of every sentence normalise-crime reads (no date or
 * period goes past its last digit), and the words after the last figure
 * are a third of the text: eight bytes at a time from the end, not one,
 * 494.1M to 492.8M instructions per MB of report text (callgrind). */
size_t
text_digits_end(const char *s, size_t from, size_t n)
{
	if (from < n)
		while (n - from >= 8 && !text_digit_bits(text_load8(s + n - 8)))
			n -= 8;
	while (n > from && !(s[n - 1] >= '0' && s[n - 1] <= '9'))
		n--;
	return n;
}

/* normalise-crime looks for dates at every digit of a sentence that may
 * hold a figure (noise): eight bytes at a time to the next, not one. */
size_t
text_digit_next(const char *s, size_t from, size_t n)
{
	/* while eight remain, one test: from + 8 <= n, and none for a from
	 * past n (then the byte loop returns it as it is); so too in
	 * text_digit_or_lead_next and text_digits_end, 225.0M to 224.1M
	 * instructions per MB */
	return text_scan(s, from, n, TEXT_DIGIT);
}

/* Most of a sentence is letters and spaces: the near rules' scans and
 * rules_text went eight bytes at a time (590.7M to 580.5M instructions
 * per MB of report text, normalise-crime's text mode). */
size_t
text_digit_or_lead_next(const char *s, size_t from, size_t n)
{
	/* the byte a block's marks point to, not the block again a byte at
	 * a time (TEXT_FIRST_BYTE, with text_digit_next: 225.8M to 225.0M
	 * instructions per MB) */
	return text_scan(s, from, n, TEXT_DIGIT_LEAD);
}

/* 0x20 added to each byte 0x41-0x5A, found as text_digit_bits finds digits;
 * the bytes high bits gathered on the way. */
static inline uint64_t
lower8(char *p)
{
	uint64_t v = text_load8(p), x = v & ~TEXT_HIGHS;
	uint64_t caps = (x + TEXT_ONES * (0x80 - 'A')) &
	                ~(x + TEXT_ONES * (0x80 - 'Z' - 1)) & ~v & TEXT_HIGHS;

	memcpy(p, &(uint64_t){ v | caps >> 2 }, sizeof v);
	return v & TEXT_HIGHS;
}

bool
text_ascii_lower(char *s, size_t n)
{
	uint64_t high = 0;

	if (n < 8) {
		for (size_t i = 0; i < n; i++) {
			high |= (unsigned char)s[i] & 0x80u;
			if (s[i] >= 'A' && s[i] <= 'Z')
				s[i] += 32;
		}
		return high != 0;
	}
	/* the last block ends at n, over bytes of the one before it,
	 * which a second lowering leaves as they are: not up to seven
	 * bytes one at a time (rules_text's copy of each sentence, 0.2M
	 * instructions per MB) */
	for (size_t i = 0; n - i > 8; i += 8)
		high |= lower8(s + i);
	high |= lower8(s + n - 8);
	return high != 0;
}

void
text_trim_spaces(const char **s, size_t *n)
{
	const char *p = *s;
	size_t len = *n, k;

	/* Most calls trim nothing ("burglary", a word normalise-crime's
	 * text mode looks up): an ASCII byte that is not a space neither
	 * starts a Unicode space nor ends one (they end in a continuation
	 * byte), so no decoding for it. */
	for (;;) {
		if (len > 0 && is_ascii_space((unsigned char)p[0])) {
			p++;
			len--;
		} else if (len > 0 && (unsigned char)p[0] < 0x80) {
			break;
		} else if (len > 0 && (k = uspace_len(p, len)) > 0) {
			p += k;
			len -= k;
		} else
			break;
	}
	for (;;) {
		if (len > 0 && is_ascii_space((unsigned char)p[len - 1])) {
			len--;
			continue;
		}
		if (len > 0 && (unsigned char)p[len - 1] < 0x80)
			break;
		/* A Unicode space is 2 or 3 bytes: try both lengths back. */
		if (len >= 2 && uspace_len(p + len - 2, 2) == 2)
			len -= 2;
		else if (len >= 3 && uspace_len(p + len - 3, 3) == 3)
			len -= 3;
		else
			break;
	}
	*s = p;
	*n = len;
}

static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
}

bool
text_ieq(const char *s, size_t n, const char *lit)
{
	/* to the first difference, not strlen(lit) first: the text mode
	 * asks four of every line (text_is_furniture); with has_special,
	 * 644.6M to 643.6M instructions per MB of report text */
	for (size_t i = 0; i < n; i++)
		if (lit[i] == '\0' || lower(s[i]) != lower(lit[i]))
			return false;
	return lit[n] == '\0';
}

bool
text_iprefix(const char *s, size_t n, const char *lit)
{
	size_t i;

	for (i = 0; lit[i] != '\0'; i++)
		if (i >= n || lower(s[i]) != lower(lit[i]))
			return false;
	return true;
}

/* ---- page furniture --------------------------------------------------- */

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Digits at s[*i], at most max of them; advances *i, false when none. */
static bool
digits(const char *s, size_t n, size_t *i, size_t max)
{
	size_t start = *i;

	while (*i < n && is_digit(s[*i]))
		(*i)++;
	return *i > start && *i - start <= max;
}

static size_t
skip_spaces(const char *s, size_t n, size_t i)
{
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

/* Whether a furniture keyword is followed by a number and nothing more.
 * The number is one to three digits: a lone "2019" is a year in a table
 * header, not a page number. */
static bool
number_rest(const char *s, size_t n, size_t i)
{
	i = skip_spaces(s, n, i);
	return digits(s, n, &i, 3) && i == n;
}

/* text_is_furniture without its test for a tab: p[0..n) is the line
 * after its form feeds, ff of them. */
static bool
furniture_shape(const char *p, size_t n, size_t ff)
{
	size_t i;

	text_trim(&p, &n);
	if (n == 0)
		return ff > 0;

	/* "12": a lone page number (never 0 or 07). */
	i = 0;
	if (p[0] != '0' && digits(p, n, &i, 3) && i == n)
		return true;
	/* "- 12 -": a centred page number. */
	if (n >= 3 && p[0] == '-' && p[n - 1] == '-') {
		i = skip_spaces(p, n - 1, 1);
		if (digits(p, n - 1, &i, 3) &&
		    skip_spaces(p, n - 1, i) == n - 1)
			return true;
	}
	/* "Page 4", "Page 4 of 12"; the first letter asked before the call,
	 * here and for "agenda item" (every line of a report comes here:
	 * 486.3M to 485.9M instructions per MB, normalise-crime text mode) */
	if ((p[0] | 32) == 'p' && text_iprefix(p, n, "page ")) {
		i = skip_spaces(p, n, 5);
		if (digits(p, n, &i, 3)) {
			if (i == n)
				return true;
			i = skip_spaces(p, n, i);
			if (text_iprefix(p + i, n - i, "of ") &&
			    number_rest(p, n, i + 3))
				return true;
			return false;
		}
		/* not "return false" here: "Page intentionally left blank"
		 * is asked below */
	}
	/* "AGENDA ITEM 3", "Agenda Item 3a", "Agenda item 3.1". */
	if ((p[0] | 32) == 'a' && text_iprefix(p, n, "agenda item ")) {
		i = skip_spaces(p, n, 12);
		if (!digits(p, n, &i, 3))
			return false;
		if (i < n && is_alpha(p[i]))
			i++;
		else if (i + 1 < n && p[i] == '.' && is_digit(p[i + 1])) {
			i++;
			digits(p, n, &i, 3);
		}
		return i == n;
	}
	/* "This page is intentionally left blank", optional full stop, and
	 * the "has been" variant. */
	if (p[n - 1] == '.')
		n--;
	/* all four end in "blank", most lines otherwise (624.3M to 622.8M
	 * instructions per MB, normalise-crime text mode) */
	if (n == 0 || (p[n - 1] | 32) != 'k')
		return false;
	return text_ieq(p, n, "this page is intentionally left blank") ||
	       text_ieq(p, n, "this page has been intentionally left blank") ||
	       text_ieq(p, n, "page intentionally left blank") ||
	       text_ieq(p, n, "intentionally left blank");
}

static bool furniture(const char *s, size_t n);

bool
text_is_furniture(const char *s, size_t n)
{
	/* A line with nothing to trim and no form feed (its ends printable
	 * ASCII past the space, as text_trim's quick test) is furniture
	 * only if it starts as furniture_shape's forms do (a digit, '-',
	 * "page", "agenda item") or ends as the blank pages' ("blank",
	 * "blank."): any other is answered here, the rest in furniture,
	 * apart and not inlined where the compiler can be told, so that
	 * these save and restore no registers (a third of the lines of the
	 * 5.3 MB text: 558.5M to 558.0M instructions) */
	if (n > 0) {
		unsigned char f = (unsigned char)s[0];
		unsigned char l = (unsigned char)s[n - 1];

		if (f - 0x21u < 0x5Eu && l - 0x21u < 0x5Eu && !is_digit(s[0]) &&
		    f != '-' && (f | 32) != 'p' && (f | 32) != 'a' &&
		    l != '.' && (l | 32) != 'k')
			return false;
	}
	return furniture(s, n);
}

#if defined(__GNUC__)
__attribute__((noinline))
#endif
static bool
furniture(const char *s, size_t n)
{
	size_t ff = 0;

	/* pdftotext starts each page with a form feed: a line holding only
	 * form feeds is furniture; "\fIntroduction" is content. */
	while (n > 0 && s[0] == '\f') {
		s++;
		n--;
		ff++;
	}
	/* A tab means a table row from PDF-to-markdown: a number in a cell
	 * is data, never a page number.  Asked last, of the few lines shaped
	 * as furniture, not first of every line (231.2M to 230.5M
	 * instructions per MB, normalise-crime text mode). */
	return furniture_shape(s, n, ff) && memchr(s, '\t', n) == NULL;
}
