/* test_text.c - UTF-8 repair, PDF text clean-up, page furniture. */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "text.h"
#include "unit.h"

#define FFFD "\xEF\xBF\xBD"

static sbuf fixbuf;
static size_t fixes;

/* utf8_fix of n bytes (which may hold NUL) as a C string. */
static const char *
fix(const char *s, size_t n)
{
	sbuf_clear(&fixbuf);
	fixes = utf8_fix(s, n, &fixbuf);
	return sbuf_str(&fixbuf);
}

/* text_clean of a copy of s; the copy has a sentinel byte past the end
 * so a read or write beyond n shows. */
static char cleaned[512];

static const char *
clean(const char *s)
{
	size_t n = strlen(s), m;

	memcpy(cleaned, s, n);
	cleaned[n] = 'Z';
	cleaned[n + 1] = '\0';
	m = text_clean(cleaned, n);
	if (m > n)
		return "(grew)";
	cleaned[m] = '\0';
	return cleaned;
}

static bool
furn(const char *s)
{
	return text_is_furniture(s, strlen(s));
}

static const char *
trim(const char *s)
{
	static char out[128];
	const char *p = s;
	size_t n = strlen(s);

	text_trim(&p, &n);
	memcpy(out, p, n);
	out[n] = '\0';
	return out;
}

static void
test_utf8(void)
{
	/* Valid text passes untouched. */
	CHECK_STR(fix("Barnet \xE2\x80\x99s \xC2\xA3"
	              "5 \xF0\x9F\x98\x80",
	              20),
	          "Barnet \xE2\x80\x99s \xC2\xA3"
	          "5 \xF0\x9F\x98\x80");
	CHECK(fixes == 0);
	CHECK_STR(fix("", 0), "");
	CHECK(fixes == 0);
	/* Eight ASCII bytes are passed at once: a bad byte or NUL at each
	 * place of a block, and at the tail after the last block, is found. */
	for (size_t at = 0; at < 20; at++) {
		char line[21], want[24];

		memset(line, 'a', 20);
		line[20] = '\0';
		memset(want, 'a', at);
		memcpy(want + at, FFFD, 3);
		memset(want + at + 3, 'a', 19 - at);
		want[22] = '\0';
		line[at] = '\0';
		CHECK_STR(fix(line, 20), want);
		CHECK(fixes == 1);
		line[at] = '\xFF';
		CHECK_STR(fix(line, 20), want);
		CHECK(fixes == 1);
	}
	CHECK(utf8_valid("", 0));
	CHECK(utf8_valid("caf\xC3\xA9", 5));
	/* past, inside and after a block of eight ASCII bytes */
	CHECK(utf8_valid("Barnet, Enfield caf\xC3\xA9", 21));
	CHECK(!utf8_valid("Barnet, Enfield caf\xE9", 20));
	CHECK(!utf8_valid("Barnet,\0Enfield", 15));
	CHECK(!utf8_valid("Barnet, Enfield\0", 16));
	CHECK(!utf8_valid("Barnet, Enfield \xC3", 17));

	/* A Latin-1 byte (Windows-1252 text) is one replacement. */
	CHECK_STR(fix("caf\xE9 x", 6), "caf" FFFD " x");
	CHECK(fixes == 1);
	CHECK(!utf8_valid("caf\xE9", 4));
	/* NUL inside the range: replaced, and the rest is still read. */
	CHECK_STR(fix("a\0b", 3), "a" FFFD "b");
	CHECK(fixes == 1);
	CHECK(!utf8_valid("a\0b", 3));
	/* Overlong encodings: "/" as C0 AF, E0 80 AF, F0 80 80 AF. */
	CHECK_STR(fix("\xC0\xAF", 2), FFFD FFFD);
	CHECK(fixes == 2);
	CHECK(!utf8_valid("\xC0\xAF", 2));
	CHECK_STR(fix("\xE0\x80\xAF", 3), FFFD FFFD FFFD);
	CHECK(!utf8_valid("\xE0\x80\xAF", 3));
	CHECK(!utf8_valid("\xF0\x80\x80\xAF", 4));
	/* Surrogate U+D800 and beyond U+10FFFF. */
	CHECK(!utf8_valid("\xED\xA0\x80", 3));
	CHECK_STR(fix("\xED\xA0\x80", 3), FFFD FFFD FFFD);
	CHECK(utf8_valid("\xED\x9F\xBF", 3)); /* U+D7FF */
	CHECK(!utf8_valid("\xF4\x90\x80\x80", 4));
	CHECK(utf8_valid("\xF4\x8F\xBF\xBF", 4)); /* U+10FFFF */
	CHECK(!utf8_valid("\xF5\x80\x80\x80", 4));
	CHECK(!utf8_valid("\xFF", 1));
	/* Truncated sequences: the maximal valid prefix is one U+FFFD. */
	CHECK_STR(fix("x\xE2\x80", 3), "x" FFFD);
	CHECK(fixes == 1);
	CHECK_STR(fix("\xE2\x80y", 3), FFFD "y");
	CHECK_STR(fix("\xF0\x9F\x98", 3), FFFD);
	/* Stray continuation bytes, one each. */
	CHECK_STR(fix("\x80\xBF", 2), FFFD FFFD);
	CHECK(fixes == 2);
	/* Only n bytes are read: byte n is not NUL and is left alone. */
	CHECK_STR(fix("ab\xC3\xA9zz", 3), "ab" FFFD);
	CHECK(utf8_valid("ab\xC3\xA9zz", 4));
	CHECK(!utf8_valid("ab\xC3\xA9zz", 3));
	/* The output buffer is appended to, not cleared. */
	sbuf_clear(&fixbuf);
	sbuf_adds(&fixbuf, "pre:");
	CHECK(utf8_fix("\xFF", 1, &fixbuf) == 1);
	CHECK_STR(sbuf_str(&fixbuf), "pre:" FFFD);
}

/* utf8_len over a C string literal (which may hold NUL): the length of
 * the valid sequence at its start, and the bad length when there is none. */
static size_t badlen;

static size_t
len_of(const char *s, size_t n)
{
	badlen = 99;
	return utf8_len(s, n, &badlen);
}

static void
test_utf8_len(void)
{
	/* One to four bytes, at the edges of each length. */
	CHECK(len_of("a", 1) == 1);
	CHECK(len_of("\x7F", 1) == 1);
	CHECK(len_of("\xC2\x80", 2) == 2);         /* U+0080 */
	CHECK(len_of("\xDF\xBF", 2) == 2);         /* U+07FF */
	CHECK(len_of("\xE0\xA0\x80", 3) == 3);     /* U+0800 */
	CHECK(len_of("\xEF\xBF\xBD", 3) == 3);     /* U+FFFD */
	CHECK(len_of("\xF0\x90\x80\x80", 4) == 4); /* U+10000 */
	CHECK(len_of("\xF4\x8F\xBF\xBF", 4) == 4); /* U+10FFFF */
	/* Only the first sequence is measured. */
	CHECK(len_of("\xC3\xA9\xC3\xA9", 4) == 2);
	/* NUL is not text: 0, one bad byte. */
	CHECK(len_of("\0", 1) == 0 && badlen == 1);
	/* Overlong forms: the lead byte alone is bad (C0, C1 never lead;
	 * E0 and F0 refuse the second byte that would make them overlong). */
	CHECK(len_of("\xC0\xAF", 2) == 0 && badlen == 1);
	CHECK(len_of("\xC1\xBF", 2) == 0 && badlen == 1);
	CHECK(len_of("\xE0\x80\xAF", 3) == 0 && badlen == 1);
	CHECK(len_of("\xE0\x9F\xBF", 3) == 0 && badlen == 1);
	CHECK(len_of("\xF0\x80\x80\xAF", 4) == 0 && badlen == 1);
	CHECK(len_of("\xF0\x8F\xBF\xBF", 4) == 0 && badlen == 1);
	/* Surrogates: U+D800..U+DFFF are not characters. */
	CHECK(len_of("\xED\xA0\x80", 3) == 0 && badlen == 1);
	CHECK(len_of("\xED\xBF\xBF", 3) == 0 && badlen == 1);
	CHECK(len_of("\xED\x9F\xBF", 3) == 3); /* U+D7FF */
	CHECK(len_of("\xEE\x80\x80", 3) == 3); /* U+E000 */
	/* CESU-8 (Java's modified UTF-8, some Oracle exports): U+1F600 as the
	 * surrogate pair D83D DE00, each half encoded as three bytes.  Not
	 * UTF-8: every byte of the six is replaced, and it is not valid. */
	CHECK(len_of("\xED\xA0\xBD\xED\xB8\x80", 6) == 0 && badlen == 1);
	CHECK(!utf8_valid("\xED\xA0\xBD\xED\xB8\x80", 6));
	CHECK_STR(fix("\xED\xA0\xBD\xED\xB8\x80", 6),
	          FFFD FFFD FFFD FFFD FFFD FFFD);
	CHECK(fixes == 6);
	CHECK(utf8_valid("\xF0\x9F\x98\x80", 4)); /* the same, in UTF-8 */
	/* Beyond U+10FFFF, and lead bytes F5..FF. */
	CHECK(len_of("\xF4\x90\x80\x80", 4) == 0 && badlen == 1);
	CHECK(len_of("\xF5\x80\x80\x80", 4) == 0 && badlen == 1);
	CHECK(len_of("\xF8\x88\x80\x80\x80", 5) == 0 && badlen == 1);
	CHECK(len_of("\xFE", 1) == 0 && badlen == 1);
	/* Stray continuation bytes. */
	CHECK(len_of("\x80", 1) == 0 && badlen == 1);
	CHECK(len_of("\xBF\xBF", 2) == 0 && badlen == 1);
	/* Truncated by the end of the range: the bytes so far are one bad
	 * subpart ("\xE2\x80" at the end of a line cut from "\xE2\x80\x99"). */
	CHECK(len_of("\xC3", 1) == 0 && badlen == 1);
	CHECK(len_of("\xE2\x80", 2) == 0 && badlen == 2);
	CHECK(len_of("\xF0\x9F\x98", 3) == 0 && badlen == 3);
	CHECK(len_of("\xE2\x80\x99", 2) == 0 && badlen == 2); /* n, not NUL */
	/* Truncated by a byte that cannot continue it: that byte is not
	 * part of the bad subpart, and starts again. */
	CHECK(len_of("\xE2\x80y", 3) == 0 && badlen == 2);
	CHECK(len_of("\xF0\x9F\xC3\xA9", 4) == 0 && badlen == 2);
	CHECK(len_of("\xC3\0", 2) == 0 && badlen == 1);
	/* bad may be NULL when the caller wants only the length. */
	CHECK(utf8_len("\xE2\x80", 2, NULL) == 0);
	CHECK(utf8_len("\xE2\x80\x99", 3, NULL) == 3);
}

static void
test_clean(void)
{
	/* Eight plain bytes are passed at once: what starts something to
	 * clean is found at each place of a block and in the tail. */
	CHECK_STR(clean("abcdefgh**bold**ijklmnop"), "abcdefgh bold ijklmnop");
	CHECK_STR(clean("abcdefg**bold** ijklmnopq"), "abcdefg bold ijklmnopq");
	CHECK_STR(clean("0123456789abcdef&amp;x"), "0123456789abcdef&x");
	CHECK_STR(clean("0123456789abcde<br>x"), "0123456789abcde x");
	CHECK_STR(clean("0123456789abcdefghi__x__"), "0123456789abcdefghi x");
	CHECK_STR(clean("0123456\xE2\x80\x99s and more text"),
	          "0123456's and more text");
	CHECK_STR(clean("a plain line of more than eight bytes"),
	          "a plain line of more than eight bytes");
	/* Typographic punctuation to ASCII. */
	CHECK_STR(clean("Barnet\xE2\x80\x99s \xE2\x80\x9C"
	                "safer\xE2\x80\x9D"),
	          "Barnet's \"safer\"");
	CHECK_STR(clean("2016\xE2\x80\x93"
	                "17 \xE2\x80\x94 down \xE2\x88\x92"
	                "3"),
	          "2016-17 - down -3");
	CHECK_STR(clean("see \xE2\x80\x98"
	                "ASB\xE2\x80\x99\xE2\x80\xA6"),
	          "see 'ASB'...");
	CHECK_STR(clean("of\xEF\xAC\x81"
	                "ce"),
	          "office");
	/* Unicode spaces become a space; soft hyphen and ZWSP vanish. */
	CHECK_STR(clean("12\xC2\xA0"
	                "months\xE2\x80\xAF"
	                "to"),
	          "12 months to");
	CHECK_STR(clean("anti\xC2\xAD"
	                "social\xE2\x80\x8B"),
	          "antisocial");
	/* Tabs are kept (table cells). */
	CHECK_STR(clean("Burglary\t**123**\t-4%"), "Burglary\t123\t-4%");
	/* Markdown emphasis goes, a lone '*' footnote marker stays. */
	CHECK_STR(clean("**Victim Hub Care Plan**"), "Victim Hub Care Plan");
	CHECK_STR(clean("Board**1 March 2024**"), "Board 1 March 2024");
	CHECK_STR(clean("**Total**: 5 un**der**way"), "Total: 5 un der way");
	CHECK_STR(clean("***all***, __this__"), "all, this");
	CHECK_STR(clean("Theft offences*"), "Theft offences*");
	CHECK_STR(clean("* bullet"), "* bullet");
	CHECK_STR(clean("ward_code"), "ward_code");
	CHECK_STR(clean("Signed ________"), "Signed ________");
	/* HTML tags: inline ones join, block ones leave one space. */
	CHECK_STR(clean("<b>Total</b> 1,199"), "Total 1,199");
	CHECK_STR(clean("line one<br>line two<br/>three<br />four"),
	          "line one line two three four");
	CHECK_STR(clean("<p>Measure: more</p> <p>Target: 25%</p>"),
	          "Measure: more Target: 25%");
	CHECK_STR(clean("Outcome 1\t<p>Victims</p>"), "Outcome 1\tVictims");
	CHECK_STR(clean("a</td><td>b"), "a b");
	CHECK_STR(clean("Q1 <i>Victims are Better Supported</i>"),
	          "Q1 Victims are Better Supported");
	CHECK_STR(clean("<span class=\"x\">19.6%</span><sup>12</sup>"),
	          "19.6%12");
	/* Not tags: comparisons and autolinks. */
	CHECK_STR(clean("<5% and < 10 and x<y"), "<5% and < 10 and x<y");
	CHECK_STR(clean("<https://data.london.gov.uk/x>"),
	          "<https://data.london.gov.uk/x>");
	CHECK_STR(clean("a <b unclosed"), "a <b unclosed");
	/* Entities. */
	CHECK_STR(clean("Barking &amp; Dagenham"), "Barking & Dagenham");
	CHECK_STR(clean("&quot;x&quot; &#39;y&#39; &lt;5 &gt;6"),
	          "\"x\" 'y' <5 >6");
	CHECK_STR(clean("a&nbsp;b&#160;c&#xA0;d"), "a b c d");
	CHECK_STR(clean("&pound;139,937 &ndash; &rsquo;"), "\xC2\xA3"
	                                                   "139,937 - '");
	CHECK_STR(clean("&amp;lt;"), "&lt;"); /* decoded once */
	CHECK_STR(clean("&lt;b&gt;"), "<b>"); /* not then a tag */
	/* Malformed entities stay as they are. */
	CHECK_STR(clean("R&D &bogus; &#; &#x; &#0; &#xD800; &#99999999; &amp"),
	          "R&D &bogus; &#; &#x; &#0; &#xD800; &#99999999; &amp");
	/* Empty, junk and invalid UTF-8 pass through, never growing. */
	CHECK_STR(clean(""), "");
	CHECK_STR(clean("\xFF\xFE junk \xE2\x80"), "\xFF\xFE junk \xE2\x80");
	CHECK_STR(clean("<<<>>>&&&;;;***"), "<<<>>>&&&;;;");
	CHECK_STR(clean("****"), "****");
	CHECK_STR(clean("*"), "*");
	/* Only n bytes are cleaned: byte n is not NUL. */
	{
		char buf[] = "**a**XYZ";
		size_t m = text_clean(buf, 5);

		CHECK(m == 1 && buf[0] == 'a');
		CHECK(memcmp(buf + 5, "XYZ", 3) == 0);
	}
	/* NUL bytes inside are copied. */
	{
		char buf[] = "a\0**b**";
		size_t m = text_clean(buf, 7);

		CHECK(m == 3);
		CHECK(memcmp(buf, "a\0b", 3) == 0);
	}
}

static void
test_furniture(void)
{
	CHECK(furn("AGENDA ITEM 3"));
	CHECK(furn("Agenda Item 12"));
	CHECK(furn("agenda item 5a"));
	CHECK(furn("Agenda Item 3.1"));
	CHECK(furn("  AGENDA ITEM 7  "));
	CHECK(furn("12"));
	CHECK(furn("  7  "));
	CHECK(furn("- 4 -"));
	CHECK(furn("Page 4"));
	CHECK(furn("PAGE 4 of 12"));
	CHECK(furn("Page 4 of 12 "));
	CHECK(furn("This page is intentionally left blank"));
	CHECK(furn("This page is intentionally left blank."));
	CHECK(furn("Page intentionally left blank"));
	CHECK(furn("PAGE INTENTIONALLY LEFT BLANK"));
	CHECK(!furn("Page intentionally left blank for notes"));
	CHECK(furn("THIS PAGE HAS BEEN INTENTIONALLY LEFT BLANK"));
	CHECK(furn("\f"));
	CHECK(furn("\f\f  "));
	CHECK(furn("\f5"));
	CHECK(furn("\fAGENDA ITEM 2"));
	CHECK(furn("5\xC2\xA0")); /* NBSP after it */

	/* Content. */
	CHECK(!furn(""));
	CHECK(!furn("   "));
	CHECK(!furn("\fIntroduction"));
	CHECK(!furn("3."));
	CHECK(!furn("3.   VICTIM SUPPORT ANNUAL REPORT"));
	CHECK(!furn("12 months"));
	CHECK(!furn("2019")); /* a year in a table header */
	CHECK(!furn("8840"));
	CHECK(!furn("0")); /* a chart axis, no page 0 */
	CHECK(!furn("07"));
	CHECK(!furn("07936940479"));
	CHECK(!furn("\t94")); /* a table cell */
	CHECK(!furn("1\t2"));
	/* the tab is asked after the shape: one trimmed off, or in a line
	 * of form feeds, still makes it content */
	CHECK(!furn("12\t"));
	CHECK(!furn("\f\t"));
	CHECK(!furn("Page 4\t"));
	CHECK(!furn("-4"));
	CHECK(!furn("4%"));
	CHECK(!furn("Page"));
	CHECK(!furn("Page 4 of"));
	CHECK(!furn("Page 4 of 12 pages"));
	CHECK(!furn("Page views"));
	CHECK(!furn("AGENDA ITEM"));
	CHECK(!furn("Agenda Item 3 - Community Safety Plan"));
	CHECK(!furn("Children to be an agenda item at local fora"));
	CHECK(!furn("This page is intentionally left blank for notes"));
	CHECK(!furn("\xFF\xFE"));
	/* Only n bytes: "12" of "12 months" is a lone number. */
	CHECK(text_is_furniture("12 months", 2));
	CHECK(!text_is_furniture("Page 4 of 12", 9));
}

static void
test_small(void)
{
	CHECK(text_is_blank("", 0));
	CHECK(text_is_blank(" \t\f", 3));
	CHECK(!text_is_blank(" x", 2));
	CHECK(text_is_blank(" x", 1));
	CHECK(!text_is_blank("\0", 1));

	CHECK_STR(trim("  Barnet \t"), "Barnet");
	CHECK_STR(trim("\xC2\xA0"
	               "Barnet\xE2\x80\x83\xC2\xA0"),
	          "Barnet");
	CHECK_STR(trim("\xE3\x80\x80x y\xE3\x80\x80"), "x y");
	CHECK_STR(trim(""), "");
	CHECK_STR(trim(" \t "), "");
	CHECK_STR(trim("caf\xC3\xA9 "), "caf\xC3\xA9"); /* é is not a space */
	CHECK_STR(trim("\xA0x\xC2"), "\xA0x\xC2");      /* broken bytes */
	/* the ends text_trim's inline test leaves to text_trim_spaces */
	CHECK_STR(trim("\x01x\x7F"), "\x01x\x7F"); /* control bytes stay */
	CHECK_STR(trim("!x~"), "!x~");
	CHECK_STR(trim("\vx\r"), "x");
	CHECK_STR(trim("\fx\n"), "x");
	{
		const char *p = "  ab  cd";
		size_t n = 5;

		text_trim(&p, &n);
		CHECK(n == 2 && memcmp(p, "ab", 2) == 0);
	}

	CHECK(text_ieq("Barnet", 6, "BARNET"));
	CHECK(!text_ieq("Barnet", 6, "Barne"));
	CHECK(!text_ieq("Barne", 5, "Barnet"));
	CHECK(text_ieq("Barnetx", 6, "barnet"));
	CHECK(text_ieq("", 0, ""));
	CHECK(!text_ieq("", 0, "a"));
	CHECK(!text_ieq("a", 1, ""));
	CHECK(!text_ieq("Barnex", 6, "barnet"));
	/* s need not end at n, nor hold no NUL before it */
	CHECK(!text_ieq("a\0b", 3, "a"));
	CHECK(text_iprefix("Page 4", 6, "PAGE"));
	CHECK(text_iprefix("x", 1, ""));
	CHECK(!text_iprefix("Pa", 2, "page"));
	CHECK(!text_iprefix("Pagex", 3, "page"));
}

/* One helper for a document line: UTF-8 always, the clean-up on request,
 * the bad-bytes warning once per file (the caller's flag). */
static void
test_line_fix(void)
{
	sbuf out = SBUF_INIT;
	bool warned = false;
	long before;

	cs_set_quiet(true); /* counted, not printed over the TAP */
	before = cs_warnings();
	text_line_fix("**caf\xe9**", 8, &out, "a.txt", 1, &warned, 0);
	CHECK_STR(out.s, "**caf\xef\xbf\xbd**");
	CHECK(warned && cs_warnings() == before + 1);
	text_line_fix("**caf\xe9**", 8, &out, "a.txt", 2, &warned,
	              TEXT_FIX_CLEAN);
	CHECK_STR(out.s, "caf\xef\xbf\xbd");
	CHECK(cs_warnings() == before + 1); /* once per file */
	warned = false;                     /* a new file */
	text_line_fix("x\0y", 3, &out, "b.txt", 1, &warned, TEXT_FIX_CLEAN);
	CHECK(out.len == 5 && cs_warnings() == before + 2);
	text_line_fix("", 0, &out, "b.txt", 2, &warned, 0);
	CHECK(out.s != NULL && out.len == 0 && out.s[0] == '\0');
	/* text_plain: a line nothing is to be fixed or cleaned in (s[n] is
	 * its NUL); one with a thing to clean, a NUL or a byte past ASCII,
	 * in its first eight bytes or after, is not */
	CHECK(text_plain("", 0));
	CHECK(text_plain("Burglary fell by 12% in 2023", 28));
	CHECK(!text_plain("Burglary fell **12%**", 21));
	CHECK(!text_plain("Burglary fell by 12%_", 21)); /* in the tail */
	CHECK(!text_plain("Burglary fell &amp; rose", 24));
	CHECK(!text_plain("Burglary <b>fell</b>", 20));
	CHECK(!text_plain("Burglary\0fell", 13));
	CHECK(!text_plain("Bur\0", 4));
	CHECK(!text_plain("Burglary fell 12\xe2\x81\xb5", 19)); /* 2027⁵ */
	CHECK(!text_plain("caf\xc3\xa9", 5));
	/* each of the last one to eight bytes, and a line under eight */
	for (size_t k = 1; k <= 8; k++) {
		char l[] = "Robbery rose 12% in the year!";
		size_t n = strlen(l);
		char c = l[k];

		l[k] = '\0';
		CHECK(text_plain(l, k));
		l[k - 1] = '&';
		CHECK(!text_plain(l, k));
		l[k - 1] = '\xC2';
		CHECK(!text_plain(l, k));
		l[k - 1] = 'x';
		l[k] = c;
		CHECK(text_plain(l, n));
		l[n - k] = '_';
		CHECK(!text_plain(l, n));
		l[n - k] = '\xA0';
		CHECK(!text_plain(l, n));
	}
	text_line_fix("", 0, &out, "b.txt", 3, &warned, TEXT_FIX_CLEAN);
	CHECK(out.s != NULL && out.len == 0 && out.s[0] == '\0');
	text_line_fix("Burglary fell by 12% in 2023", 28, &out, "b.txt", 4,
	              &warned, TEXT_FIX_CLEAN);
	CHECK_STR(out.s, "Burglary fell by 12% in 2023");
	text_line_fix("Burglary fell **12%**", 21, &out, "b.txt", 5, &warned,
	              TEXT_FIX_CLEAN);
	CHECK_STR(out.s, "Burglary fell 12%");
	text_line_fix("Burglary fell &amp; rose", 24, &out, "b.txt", 6, &warned,
	              TEXT_FIX_CLEAN);
	CHECK_STR(out.s, "Burglary fell & rose");
	text_line_fix("Burglary\0fell", 13, &out, "b.txt", 7, &warned,
	              TEXT_FIX_CLEAN);
	CHECK(out.len == 15 && !memcmp(out.s,
	                               "Burglary\xef\xbf\xbd"
	                               "fell",
	                               15));
	sbuf_free(&out);
}

/* text_digits_end: the end of the last digit, a block of eight and the
 * bytes before it, none, and a range that starts past a digit. */
static void
test_digits_end(void)
{
	const char *s = "rose by 12% compared with the year before.";
	CHECK(text_digits_end(s, 0, strlen(s)) == 10);
	CHECK(text_digits_end(s, 10, strlen(s)) == 10);
	CHECK(text_digits_end(s, 11, strlen(s)) == 11);
	CHECK(text_digits_end("no digit at all in these words", 0, 30) == 0);
	CHECK(text_digits_end("", 0, 0) == 0);
	CHECK(text_digits_end("9", 0, 1) == 1);
	CHECK(text_digits_end("0abcdefgh", 0, 9) == 1);
	CHECK(text_digits_end("abcdefgh9", 0, 9) == 9);
	CHECK(text_digits_end("abcdefg9abcdefgh", 0, 16) == 8);
	/* ':' and '/' border the digits; bytes past ASCII are none */
	CHECK(text_digits_end("a:/:/:/:/:/:/:/:", 0, 16) == 0);
	CHECK(text_digits_end("\xB0\xB9\xC2\xB2\xE2\x81\xB0\xFFxyz", 0, 11) ==
	      0);
	/* only s[from..n) is looked at */
	CHECK(text_digits_end("1234567890abcdefghij", 12, 20) == 12);
	CHECK(text_digits_end("1234567890abcdefghij", 0, 5) == 5);
}

/* text_digit_next: the first digit, past blocks of eight, none, bytes
 * past ASCII and the range. */
static void
test_digit_next(void)
{
	const char *s = "rose by 12% compared with the year before.";
	CHECK(text_digit_next(s, 0, strlen(s)) == 8);
	CHECK(text_digit_next(s, 9, strlen(s)) == 9);
	CHECK(text_digit_next(s, 10, strlen(s)) == strlen(s));
	CHECK(text_digit_next("no digit at all in these words", 0, 30) == 30);
	CHECK(text_digit_next("", 0, 0) == 0);
	CHECK(text_digit_next("9", 0, 1) == 0);
	CHECK(text_digit_next("abcdefgh9", 0, 9) == 8);
	CHECK(text_digit_next("abcdefg9abcdefgh", 0, 16) == 7);
	CHECK(text_digit_next("abcdefghabcdefg0", 0, 16) == 15);
	CHECK(text_digit_next("a:/:/:/:/:/:/:/:", 0, 16) == 16);
	CHECK(text_digit_next("\xB0\xB9\xC2\xB2\xE2\x81\xB0\xFFxyz", 0, 11) ==
	      11);
	/* only s[from..n) is looked at */
	CHECK(text_digit_next("1234567890abcdefghij", 10, 20) == 20);
	CHECK(text_digit_next("abcdefghij1234567890", 0, 10) == 10);
	CHECK(text_digit_next("abcdefghij1234567890", 3, 12) == 10);
}

/* text_digit_or_lead_next: a digit or a byte from 0xC0, at every place of
 * a block of eight; continuation bytes and 0x80-0xBF are neither. */
static void
test_digit_or_lead_next(void)
{
	CHECK(text_digit_or_lead_next("rose by 12%", 0, 11) == 8);
	CHECK(text_digit_or_lead_next("no digit at all in these words", 0,
	                              30) == 30);
	CHECK(text_digit_or_lead_next("", 0, 0) == 0);
	CHECK(text_digit_or_lead_next("abcdefgh\xD9\xA3", 0, 10) == 8);
	CHECK(text_digit_or_lead_next("abc\xC2\xA3xyzabc", 0, 11) == 3);
	CHECK(text_digit_or_lead_next("\x80\xBF\xB0\xB9:/@[x", 0, 9) == 9);
	CHECK(text_digit_or_lead_next("abcdefghabcdefg0", 0, 16) == 15);
	CHECK(text_digit_or_lead_next("1234567890abcdefghij", 10, 20) == 20);
}

/* text_letters_end: a run of ASCII letters in either case, at every place
 * of a block of eight; every other byte of 0x00-0xFF, the ones next to the
 * letters' ranges ('@', '[', '`', '{') too, ends it. */
static void
test_letters_end(void)
{
	char b[16];
	int bad = 0;

	CHECK(text_letters_end("Robbery fell", 0, 12) == 7);
	CHECK(text_letters_end("Robbery fell", 8, 12) == 12);
	CHECK(text_letters_end("", 0, 0) == 0);
	CHECK(text_letters_end("abcdefghIJKLMNOPqrstuvwxYZ", 0, 26) == 26);
	CHECK(text_letters_end("abcdefghijklmnop", 0, 11) == 11);
	CHECK(text_letters_end("MOPAC7 crime", 0, 12) == 5);
	CHECK(text_letters_end("abcdefgh\xC5\xBF", 0, 10) == 8);
	for (int c = 0; c < 256; c++) {
		bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

		for (size_t k = 0; k < 12; k++) {
			memset(b, 'q', sizeof b);
			b[k] = (char)c;
			bad += text_letters_end(b, 0, sizeof b) !=
			       (letter ? sizeof b : k);
		}
	}
	CHECK(bad == 0);
}

/* text_alnum_bits and text_digit_run_end: every byte of 0x00-0xFF at
 * every place of a block and of the tail after two, against a byte
 * test; the bytes next to the ranges ('/', ':', '@', '[', '`', '{') and
 * those from 0x80 are none. */
static void
test_alnum_sweep(void)
{
	int bad = 0;

	CHECK(text_digit_run_end("2016/17", 0, 7) == 4);
	CHECK(text_digit_run_end("12345678901 x", 0, 13) == 11);
	CHECK(text_digit_run_end("12a", 0, 3) == 2);
	CHECK(text_digit_run_end("", 0, 0) == 0);
	for (int c = 0; c < 256; c++) {
		bool dig = c >= '0' && c <= '9';

		/* the byte at each place, the others letters, digits and
		 * their neighbours; bit 8j + 7 marks byte j of the value */
		for (size_t k = 0; k < 8; k++) {
			char b[8];
			uint64_t v, want = 0;

			for (size_t j = 0; j < 8; j++)
				b[j] = "a/Z:0@9["[(j + k) % 8];
			b[k] = (char)c;
			memcpy(&v, b, sizeof v);
			for (size_t j = 0; j < 8; j++) {
				int x = (int)(v >> (8 * j) & 0xFF);

				if ((x >= 'a' && x <= 'z') ||
				    (x >= 'A' && x <= 'Z') ||
				    (x >= '0' && x <= '9'))
					want |= (uint64_t)0x80 << (8 * j);
			}
			bad += text_alnum_bits(v) != want;
		}
		for (size_t k = 0; k < 19; k++)
			for (size_t from = 0; from <= 19; from++) {
				char g[19];
				size_t gn;

				memset(g, '3', sizeof g);
				g[k] = (char)c;
				g[(k * 3 + 2) % 19] = '/';
				for (gn = from;
				     gn < 19 && g[gn] >= '0' && g[gn] <= '9';
				     gn++)
					;
				bad += text_digit_run_end(g, from, 19) != gn;
			}
		for (size_t k = 0; k < 12; k++) {
			char b[16];

			memset(b, '7', sizeof b);
			b[k] = (char)c;
			bad += text_digit_run_end(b, 0, sizeof b) !=
			       (dig ? sizeof b : k);
		}
	}
	CHECK(bad == 0);
}

/* Both finders against a byte loop, a mark at every place of three
 * blocks from every start, with a second mark after it in the block (the
 * first is found, FIRST_BYTE's lowest bit) and bytes that are none
 * around it ('/' and ':' border the digits, 0xBF the leads). */
static void
test_next_sweep(void)
{
	static const char marks[] = { '0', '9', '\xC2', '\xF4' };
	int bad = 0;

	for (size_t k = 0; k < sizeof marks; k++)
		for (size_t at = 0; at < 24; at++)
			for (size_t from = 0; from <= 24; from++) {
				char b[25];
				size_t want = 24, want_d = 24;

				for (size_t i = 0; i < 24; i++)
					b[i] = "/:\xBF x"[i % 5];
				b[24] = '\0';
				b[at] = marks[k];
				if (at + 3 < 24)
					b[at + 3] = '5';
				for (size_t i = from; i < 24 && want == 24; i++)
					if ((b[i] >= '0' && b[i] <= '9') ||
					    (unsigned char)b[i] >= 0xC0)
						want = i;
				for (size_t i = from; i < 24 && want_d == 24;
				     i++)
					if (b[i] >= '0' && b[i] <= '9')
						want_d = i;
				bad += text_digit_or_lead_next(b, from, 24) !=
				       want;
				bad += text_digit_next(b, from, 24) != want_d;
			}
	CHECK(bad == 0);
	/* a start past the end is given back as it is (no block read) */
	CHECK(text_digit_next("1234567890abcdefghij", 30, 20) == 30);
	CHECK(text_digit_or_lead_next("1234567890abcdefghij", 30, 20) == 30);
	CHECK(text_digits_end("1234567890abcdefghij", 30, 20) == 20);
}

/* text_ascii_lower: capitals A-Z only, across and after blocks of eight;
 * '@' and '[' (either side of A-Z) and bytes past ASCII stay. */
static void
test_ascii_lower(void)
{
	char a[] = "Burglary ROSE @[AZ] by 12% \xC3\x89t\xC3\xA9 Z";

	CHECK(text_ascii_lower(a, strlen(a)));
	CHECK_STR(a, "burglary rose @[az] by 12% \xC3\x89t\xC3\xA9 z");
	char b[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	CHECK(!text_ascii_lower(b, 5));
	CHECK_STR(b, "abcdeFGHIJKLMNOPQRSTUVWXYZ");
	/* every length to 20, the last block over the one before */
	for (size_t n = 0; n <= 20; n++) {
		char c[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
		char d[] = "abcdefghijklmnopqrstUVWXYZ";

		CHECK(!text_ascii_lower(c, n));
		memcpy(d + n, c + n, sizeof c - n);
		CHECK_STR(c, d);
	}
	char e[] = "ABCDEFGHIJKLMNOPQ\x80";
	CHECK(text_ascii_lower(e, 18));
	CHECK(!text_ascii_lower(e, 17));
}

/* text_is_furniture answers a line with nothing to trim at once unless
 * it starts as one of the forms (a digit, '-', "page", "agenda item")
 * or ends as the blank pages' ("k", "k."): each form with nothing to
 * trim, in either case, still furniture; the others content. */
static void
test_furniture_quick(void)
{
	CHECK(furn("Intentionally left blank"));
	CHECK(furn("intentionally left blank."));
	CHECK(furn("page 9"));
	CHECK(furn("agenda item 2"));
	CHECK(furn("9"));
	CHECK(!furn("-\t9 -")); /* a tab: content */
	CHECK(furn("- 9 -"));
	CHECK(!furn("Network"));
	CHECK(!furn("Burglary fell by 12"));
	CHECK(!furn("(12)"));
	CHECK(!furn("Total 12"));
	CHECK(!furn("x"));
}

int
main(void)
{
	test_utf8();
	test_utf8_len();
	test_clean();
	test_furniture();
	test_small();
	test_line_fix();
	test_digits_end();
	test_digit_next();
	test_digit_or_lead_next();
	test_letters_end();
	test_alnum_sweep();
	test_next_sweep();
	test_ascii_lower();
	test_furniture_quick();
	sbuf_free(&fixbuf);
	return unit_done();
}
