/* re.h - PCRE2 wrapper: compile once, JIT when available, reused match data.
 *
 * A match hands its captures to the caller (re_caps); the regex object
 * keeps nothing of it, so two matches on one pattern cannot read each
 * other's groups (the pattern's match data is scratch, read only inside
 * re_match).
 *
 * Subjects must be valid UTF-8 (see text.h: utf8_fix), so matching skips
 * PCRE2's own UTF check.  Match and depth limits are set, so a
 * pathological line costs bounded time: re_match() then returns RE_LIMIT
 * and the caller warns and moves on.
 */
#ifndef CS_RE_H
#define CS_RE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct cs_re cs_re;

enum { RE_NOMATCH = 0, RE_MATCH = 1, RE_LIMIT = -1 };

/* Groups kept from a match; a pattern's groups past this are not kept. */
#define RE_MAXCAP 16

/* The captures of one match, owned by the caller. */
typedef struct {
	int ncap;             /* groups 0..ncap-1 are in so/eo; 0 no match */
	size_t so[RE_MAXCAP]; /* (size_t)-1 when a group did not take part */
	size_t eo[RE_MAXCAP];
	const char *mark; /* the last (*MARK:NAME) passed, or NULL */
} re_caps;

/* Compile pattern (UTF, UCP; "i" in flags adds caseless, "x" extended,
 * "m" multiline, "o" allows re_match_upto, "r" says it is seldom
 * matched: PCRE2's auto-possessive and start-up analyses are left out,
 * which costs less to compile and more to match, with the same matches;
 * a match limit may be met at another point).  A bad pattern is a programming or data error: exit 1
 * with the pattern, offset and PCRE2 message; `what` names the source of
 * the pattern in that message (e.g. "taxonomy.tsv:12"). */
cs_re *re_compile(const char *pattern, const char *flags, const char *what);
/* The same, but NULL on a bad pattern (no message). */
cs_re *re_try_compile(const char *pattern, const char *flags);
/* Match s[0..n) starting at offset start; on RE_MATCH the groups are in
 * *caps (NULL when only the answer is wanted), else caps->ncap is 0. */
int re_match(cs_re *re, const char *s, size_t n, size_t start, re_caps *caps);
/* The same, for a match that starts at or before offset last (a pattern
 * compiled with flag "o": PCRE2_USE_OFFSET_LIMIT). */
int re_match_upto(cs_re *re, const char *s, size_t n, size_t start, size_t last,
                  re_caps *caps);
/* The most bytes a match of pattern can span (assertions and look-arounds
 * not counted), or RE_UNBOUNDED for a quantifier without a maximum or a
 * construct not followed (a back reference, an option setting, flag x).
 * A reader that matches up to a point ($ rules: "... fell by" before a
 * figure) need not start further back than that. */
#define RE_UNBOUNDED ((size_t)-1)
size_t re_max_bytes(const char *pattern);
/* re_max_bytes of a compiled pattern (worked out at the first call). */
size_t re_maxlen(cs_re *re);
/* For a pattern anchored at its start ("^", "\\G", "\\A"), the bytes a
 * match can start with, from PCRE2's own analysis of the pattern less
 * its anchor (PCRE2 makes none for an anchored pattern): a bit a byte
 * in set.  False when there is no such set (not anchored, or a match
 * may be empty or start with any byte).  pattern as compiled into
 * re. */
bool re_first_bytes(const cs_re *re, const char *pattern,
                    unsigned char set[32]);
/* The bytes \s matches in ASCII. */
#define RE_ASCII_SPACE " \t\n\v\f\r"
/* For such a pattern starting with \s* after its anchor ("^\\s*#{1,6}\\s"),
 * the bytes its match can start with after the ASCII white space at its
 * start (RE_ASCII_SPACE): every match starts with none or more of them
 * and then a byte of set, or ends at the first not one of them (a
 * non-ASCII byte is in set, as a Unicode space is).  False when there
 * is no such set (re_first_bytes), or it holds an ASCII space (a match
 * could start among them: "^\\s*\\s#"); a line indented with spaces
 * before a word is then answered from its first other byte. */
bool re_first_bytes_past_space(const cs_re *re, const char *pattern,
                               unsigned char set[32]);
/* Is every match of re anchored at its start (^ without flag m, \G,
 * \A, in every branch), as PCRE2 says? */
bool re_anchored(const cs_re *re);
/* Group i of a match; false when it did not take part (or no match).
 * Inline: a call from another file for each group read cost more than
 * its tests (rules_named). */
static inline bool
re_group(const re_caps *caps, int i, size_t *so, size_t *eo)
{
	if (i < 0 || i >= caps->ncap || caps->so[i] == (size_t)-1)
		return false;
	*so = caps->so[i];
	*eo = caps->eo[i];
	return true;
}
/* Group `name` of re in a match of re; false when absent or unset. */
bool re_named(const cs_re *re, const re_caps *caps, const char *name,
              size_t *so, size_t *eo);
/* The number of the named group, or -1 when the pattern has none. */
int re_name_number(const cs_re *re, const char *name);
/* Convenience: true on a match anywhere in s (a limit counts as no match). */
bool re_test(cs_re *re, const char *s, size_t n);
void re_free(cs_re *re);
/* Limits applied to every match (defaults: 1e6 match, 1e4 depth). */
void re_set_limits(unsigned long match_limit, unsigned long depth_limit);

#endif
