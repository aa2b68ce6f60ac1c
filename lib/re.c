/* re.c - PCRE2 wrapper (see re.h). */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "mem.h"
#include "re.h"

struct cs_re {
	pcre2_code *code;
	pcre2_match_data *md; /* scratch: read only inside re_match */
	/* md's ovector and its pairs, asked of PCRE2 once, not at each
	 * match; marks: the pattern may pass a (*MARK) or a verb's name
	 * (it holds "(*"), else no match has a mark to ask for (two
	 * library calls less a match: 5.3 MB bench text, 76,000 matches,
	 * 613.2M to 612.3M instructions) */
	PCRE2_SIZE *ov;
	int novec;
	bool marks;
	bool jit;
	bool jit_due; /* JIT-compile before the first match */
	/* re_max_bytes of the pattern, worked out at the first re_maxlen
	 * from pat (NULL once it is): two rules of the 60 normalise-crime
	 * loads are asked it, and reading them all at load was 0.5M
	 * instructions a run (taxonomy's 7.7 KB `any` half of it) */
	size_t maxlen;
	char *pat;
	/* its named groups (PCRE2_INFO_NAMETABLE): n entries of size
	 * bytes, each the group's number in two bytes then its name */
	const unsigned char *names;
	uint32_t nnames, namesize;
};

/* mctx for re_match; uctx for re_match_upto, its offset limit set for
 * each match and left so, not put back for each (a call less a match) */
static pcre2_match_context *mctx, *uctx;
static unsigned long match_limit = 1000000, depth_limit = 10000;

void
re_set_limits(unsigned long ml, unsigned long dl)
{
	match_limit = ml;
	depth_limit = dl;
	if (mctx) {
		pcre2_set_match_limit(mctx, (uint32_t)ml);
		pcre2_set_depth_limit(mctx, (uint32_t)dl);
		pcre2_set_match_limit(uctx, (uint32_t)ml);
		pcre2_set_depth_limit(uctx, (uint32_t)dl);
	}
}

static cs_re *compile(const char *pattern, const char *flags, const char *what,
                      bool must);

cs_re *
re_compile(const char *pattern, const char *flags, const char *what)
{
	return compile(pattern, flags, what, true);
}

cs_re *
re_try_compile(const char *pattern, const char *flags)
{
	return compile(pattern, flags, NULL, false);
}

static cs_re *
compile(const char *pattern, const char *flags, const char *what, bool must)
{
	uint32_t opt = PCRE2_UTF | PCRE2_UCP;
	int err;
	PCRE2_SIZE off;
	cs_re *re;

	for (const char *f = flags ? flags : ""; *f; f++) {
		if (*f == 'i')
			opt |= PCRE2_CASELESS;
		else if (*f == 'x')
			opt |= PCRE2_EXTENDED;
		else if (*f == 'm')
			opt |= PCRE2_MULTILINE;
		else if (*f == 'o')
			opt |= PCRE2_USE_OFFSET_LIMIT; /* re_match_upto */
		else if (*f == 'r')
			opt |= PCRE2_NO_AUTO_POSSESS | PCRE2_NO_START_OPTIMIZE;
	}
	re = xcalloc(1, sizeof *re);
	re->maxlen = RE_UNBOUNDED;
	if (strchr(flags ? flags : "", 'x') == NULL)
		re->pat = xstrdup(pattern);
	re->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	                         opt, &err, &off, NULL);
	if (re->code == NULL && !must) {
		free(re->pat);
		free(re);
		return NULL;
	}
	if (re->code == NULL) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(err, msg, sizeof msg);
		cs_die(CS_EXIT_DATA, "%s: bad pattern at offset %zu: %s: %s",
		       what ? what : "regex", (size_t)off, (char *)msg,
		       pattern);
	}
	/* JIT is a large win on long inputs; without it (some arches, or
	 * SELinux) the interpreter gives the same answers.  CSPKIT_NO_JIT
	 * turns it off for valgrind, which cannot follow JIT-compiled code
	 * and reports its reads as uninitialised.  A pattern is
	 * JIT-compiled at its first match, not here: normalise-crime's text
	 * mode compiles 157 and matched 50 on 1 MB of report pages, and JIT
	 * compiling all cost 29.5M instructions (605.2M to 595.7M). */
	re->jit_due = getenv("CSPKIT_NO_JIT") == NULL;
	pcre2_pattern_info(re->code, PCRE2_INFO_NAMECOUNT, &re->nnames);
	pcre2_pattern_info(re->code, PCRE2_INFO_NAMEENTRYSIZE, &re->namesize);
	pcre2_pattern_info(re->code, PCRE2_INFO_NAMETABLE, &re->names);
	re->md = pcre2_match_data_create_from_pattern(re->code, NULL);
	if (re->md == NULL)
		cs_die(CS_EXIT_DATA, "out of memory");
	re->ov = pcre2_get_ovector_pointer(re->md);
	re->novec = (int)pcre2_get_ovector_count(re->md);
	re->marks = strstr(pattern, "(*") != NULL;
	if (mctx == NULL) {
		mctx = pcre2_match_context_create(NULL);
		uctx = pcre2_match_context_create(NULL);
		if (mctx == NULL || uctx == NULL)
			cs_die(CS_EXIT_DATA, "out of memory");
		re_set_limits(match_limit, depth_limit);
	}
	return re;
}

/* ---- the longest match, in bytes (re_max_bytes) ----
 * A recursive descent over the pattern: a branch is the sum of its
 * items, an alternation the longest branch, a quantifier multiplies by
 * its maximum.  A class, an escape or a non-ASCII character is counted
 * as 4 bytes (UTF-8), an assertion as 0.  Anything not
 * known here (a back reference, \X, an option setting, a verb) makes the
 * whole pattern RE_UNBOUNDED, which is always safe. */
typedef struct {
	const char *p;
	bool bad;
} mxs;

static size_t mx_alt(mxs *m);

static size_t
mx_add(size_t a, size_t b)
{
	return a >= RE_UNBOUNDED - b ? RE_UNBOUNDED : a + b;
}

static size_t
mx_mul(size_t a, size_t k)
{
	if (a == 0 || k == 0)
		return 0;
	return a >= RE_UNBOUNDED / k ? RE_UNBOUNDED : a * k;
}

/* One escape after '\\': its width (0 for an assertion). */
static size_t
mx_escape(mxs *m)
{
	char c = *m->p;
	if (c == '\0') {
		m->bad = true;
		return 0;
	}
	m->p++;
	if (strchr("bBAzZG", c))
		return 0;
	if (strchr("dDwWsShHvVN", c))
		return 4;
	if (c == 'p' || c == 'P' || c == 'x') {
		/* \p{L}, \x{2019}, \xA3 */
		if (*m->p == '{') {
			const char *e = strchr(m->p, '}');
			if (e == NULL) {
				m->bad = true;
				return 0;
			}
			m->p = e + 1;
		} else if (c == 'x') {
			for (int i = 0;
			     i < 2 && strchr("0123456789abcdefABCDEF", *m->p) &&
			     *m->p;
			     i++)
				m->p++;
		} else if (*m->p) {
			m->p++;
		}
		return 4;
	}
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9')) {
		/* \n, \t are one character; back references, \K, \X, \R,
		 * \Q, \E and the rest are not followed here */
		if (c == 'n' || c == 't' || c == 'r' || c == 'f' || c == 'e')
			return 1;
		m->bad = true;
		return 0;
	}
	if ((unsigned char)c < 0x80)
		return 1; /* "\ ", "\(": a punctuation mark, no case */
	while (((unsigned char)*m->p & 0xC0) == 0x80)
		m->p++;
	return 4;
}

/* A class "[...]", m->p after its '[': one character. */
static size_t
mx_class(mxs *m)
{
	if (*m->p == '^')
		m->p++;
	if (*m->p == ']')
		m->p++;
	while (*m->p && *m->p != ']') {
		if (m->p[0] == '[' && m->p[1] == ':') {
			const char *e = strstr(m->p + 2, ":]");
			if (e == NULL) {
				m->bad = true;
				return 0;
			}
			m->p = e + 2;
		} else if (*m->p == '\\' && m->p[1]) {
			m->p += 2;
		} else {
			m->p++;
		}
	}
	if (*m->p != ']') {
		m->bad = true;
		return 0;
	}
	m->p++;
	return 4;
}

/* The quantifier after an item, if any: its maximum count, or
 * RE_UNBOUNDED; 1 when there is none. */
static size_t
mx_quant(mxs *m)
{
	size_t k = 1;
	char c = *m->p;
	if (c == '?') {
		m->p++;
	} else if (c == '*' || c == '+') {
		m->p++;
		k = RE_UNBOUNDED;
	} else if (c == '{') {
		/* {n}, {n,m}, {n,}; a '{' that is no quantifier is a
		 * literal, which PCRE2 allows: left to the caller */
		const char *q = m->p + 1;
		size_t lo = 0, hi = 0;
		bool dig = false, comma = false, hdig = false;
		while (*q >= '0' && *q <= '9')
			lo = lo * 10 + (size_t)(*q++ - '0'), dig = true;
		if (*q == ',') {
			comma = true;
			q++;
			while (*q >= '0' && *q <= '9')
				hi = hi * 10 + (size_t)(*q++ - '0'),
				hdig = true;
		}
		if (*q != '}' || !dig)
			return 1;
		m->p = q + 1;
		k = !comma ? lo : hdig ? hi : RE_UNBOUNDED;
	} else {
		return 1;
	}
	if (*m->p == '?' || *m->p == '+') /* lazy, possessive */
		m->p++;
	return k;
}

/* One branch: items up to '|' or ')' or the end. */
static size_t
mx_seq(mxs *m)
{
	size_t sum = 0;
	while (!m->bad && *m->p && *m->p != '|' && *m->p != ')') {
		size_t w;
		char c = *m->p++;
		if (c == '(') {
			bool look = false;
			if (*m->p == '?') {
				const char *q = m->p + 1;
				if (*q == ':' || *q == '>' || *q == '|') {
					m->p = q + 1;
				} else if (*q == '=' || *q == '!') {
					m->p = q + 1;
					look = true;
				} else if (*q == '<' &&
				           (q[1] == '=' || q[1] == '!')) {
					m->p = q + 2;
					look = true;
				} else if (*q == '<' || *q == '\'' ||
				           (*q == 'P' && q[1] == '<')) {
					/* a named group */
					const char *e =
					    strchr(q, *q == '\'' ? '\'' : '>');
					if (e == NULL) {
						m->bad = true;
						return 0;
					}
					m->p = e + 1;
				} else {
					m->bad = true; /* options, verbs, ... */
					return 0;
				}
			} else if (*m->p == '*') {
				m->bad = true;
				return 0;
			}
			w = mx_alt(m);
			if (*m->p != ')') {
				m->bad = true;
				return 0;
			}
			m->p++;
			if (look)
				w = 0;
		} else if (c == '[') {
			w = mx_class(m);
		} else if (c == '\\') {
			w = mx_escape(m);
		} else if (c == '^' || c == '$') {
			w = 0;
		} else if (c == '.') {
			w = 4;
		} else if (c == '*' || c == '+' || c == '?') {
			m->bad = true;
			return 0;
		} else if ((unsigned char)c >= 0x80) {
			/* a literal non-ASCII character: its continuation
			 * bytes go with it */
			while (((unsigned char)*m->p & 0xC0) == 0x80)
				m->p++;
			w = 4;
		} else {
			/* an ASCII literal is one byte, but caseless "k" and
			 * "s" also match the Kelvin sign and long s (3 and 2
			 * bytes), the only ASCII letters with such a fold */
			w = strchr("kKsS", c) ? 3 : 1;
		}
		sum = mx_add(sum, mx_mul(w, mx_quant(m)));
	}
	return sum;
}

static size_t
mx_alt(mxs *m)
{
	size_t best = mx_seq(m);
	while (!m->bad && *m->p == '|') {
		m->p++;
		size_t w = mx_seq(m);
		if (w > best)
			best = w;
	}
	return best;
}

size_t
re_max_bytes(const char *pattern)
{
	mxs m = { pattern, false };
	size_t w = mx_alt(&m);
	return m.bad || *m.p != '\0' ? RE_UNBOUNDED : w;
}

/* Out of re_maxlen, which the text mode asks at each figure: with the
 * call to re_max_bytes in it gcc saved a register at every call (0.9M
 * instructions more on the 5.3 MB bench text); a tail call does not. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static size_t
maxlen_read(cs_re *re)
{
	re->maxlen = re_max_bytes(re->pat);
	free(re->pat);
	re->pat = NULL;
	return re->maxlen;
}

size_t
re_maxlen(cs_re *re)
{
	if (re->pat == NULL)
		return re->maxlen;
	return maxlen_read(re);
}

bool
re_anchored(const cs_re *re)
{
	uint32_t opt = 0;

	pcre2_pattern_info(re->code, PCRE2_INFO_ALLOPTIONS, &opt);
	return (opt & PCRE2_ANCHORED) != 0;
}

/* The first bytes of rest, a pattern's text after its anchor, compiled
 * with opt less anchoring: false when it may match nothing or start with
 * any byte. */
static bool
first_bytes_of(const char *rest, uint32_t opt, unsigned char set[32])
{
	uint32_t type = 0, unit = 0, minlen = 0;
	const uint8_t *bits = NULL;
	pcre2_code *un;
	int err;
	PCRE2_SIZE off;
	bool ok = false;

	/* the pattern less its anchor: its matches are a superset, so
	 * its first bytes hold every first byte of the anchored one.
	 * Without UCP, which makes PCRE2 give up on \s ("^\s*#"): \s, \d,
	 * \w and \b mean the same on ASCII with and without it, and every
	 * byte that may start a non-ASCII character is added below.
	 * Never matched, so not made possessive: the same matches and
	 * first bytes, 0.1M instructions less a run. */
	un = pcre2_compile((PCRE2_SPTR)rest, PCRE2_ZERO_TERMINATED,
	                   (opt & ~(uint32_t)(PCRE2_ANCHORED | PCRE2_UCP)) |
	                       PCRE2_NO_AUTO_POSSESS,
	                   &err, &off, NULL);
	if (un == NULL)
		return false;
	pcre2_pattern_info(un, PCRE2_INFO_MINLENGTH, &minlen);
	pcre2_pattern_info(un, PCRE2_INFO_FIRSTCODETYPE, &type);
	memset(set, 0, 32);
	if (minlen == 0) {
		ok = false; /* it may match nothing: no first byte */
	} else if (type == 1) {
		pcre2_pattern_info(un, PCRE2_INFO_FIRSTCODEUNIT, &unit);
		set[(unit & 0xFF) >> 3] |= (unsigned char)(1u << (unit & 7));
		/* a letter may be caseless: both cases (the non-ASCII
		 * characters caseless "k" and "s" also match are added
		 * below) */
		if ((unit | 32) >= 'a' && (unit | 32) <= 'z')
			set[(unit ^ 32) >> 3] |=
			    (unsigned char)(1u << ((unit ^ 32) & 7));
		ok = unit < 0x80;
	} else if (type == 0 &&
	           pcre2_pattern_info(un, PCRE2_INFO_FIRSTBITMAP, &bits) == 0 &&
	           bits != NULL) {
		memcpy(set, bits, 32);
		ok = true;
	}
	pcre2_code_free(un);
	if (ok)
		memset(set + 0x80 / 8, 0xFF, 16);
	return ok;
}

/* The text of an anchored pattern after its anchor, or NULL; *opt its
 * options. */
static const char *
after_anchor(const cs_re *re, const char *pattern, uint32_t *opt)
{
	*opt = 0;
	pcre2_pattern_info(re->code, PCRE2_INFO_ALLOPTIONS, opt);
	if (!(*opt & PCRE2_ANCHORED))
		return NULL;
	if (pattern[0] == '^')
		return pattern + 1;
	if (pattern[0] == '\\' && (pattern[1] == 'G' || pattern[1] == 'A'))
		return pattern + 2;
	return NULL;
}

bool
re_first_bytes(const cs_re *re, const char *pattern, unsigned char set[32])
{
	uint32_t opt;
	const char *rest = after_anchor(re, pattern, &opt);

	return rest != NULL && first_bytes_of(rest, opt, set);
}

bool
re_first_bytes_past_space(const cs_re *re, const char *pattern,
                          unsigned char set[32])
{
	uint32_t opt;
	const char *rest = after_anchor(re, pattern, &opt);

	if (rest == NULL || strncmp(rest, "\\s*", 3) != 0)
		return false;
	rest += 3;
	if (*rest == '?' || *rest == '+') /* lazy or possessive */
		rest++;
	/* the rest's first bytes, from the first byte after the spaces
	 * (a branch of a top-level '|' not after them starts there too);
	 * a rest that may start with a space may start within them */
	if (!first_bytes_of(rest, opt, set))
		return false;
	for (const char *sp = RE_ASCII_SPACE; *sp; sp++)
		if ((set[(unsigned char)*sp >> 3] >> (*sp & 7)) & 1)
			return false;
	return true;
}

static int match(cs_re *re, const char *s, size_t n, size_t start,
                 re_caps *caps, pcre2_match_context *ctx);

int
re_match(cs_re *re, const char *s, size_t n, size_t start, re_caps *caps)
{
	return match(re, s, n, start, caps, mctx);
}

int
re_match_upto(cs_re *re, const char *s, size_t n, size_t start, size_t last,
              re_caps *caps)
{
	pcre2_set_offset_limit(uctx, last);
	return match(re, s, n, start, caps, uctx);
}

static int
match(cs_re *re, const char *s, size_t n, size_t start, re_caps *caps,
      pcre2_match_context *ctx)
{
	PCRE2_SIZE *ov;
	int rc;

	/* Subjects are validated (utf8_fix) when read, so skip the check
	 * PCRE2 would otherwise redo on every call. */
	/* With JIT code, pcre2_jit_match skips pcre2_match's checks of
	 * arguments already known good (some 120 instructions a call):
	 * normalise-crime's text mode on the samples and seeds, 365,000
	 * calls, 722.0M to 673.8M instructions.  The one check that
	 * matters here, a start past the end, is kept. */
	if (caps != NULL) {
		caps->ncap = 0;
		caps->mark = NULL;
	}
	if (start > n)
		return RE_LIMIT;
	if (re->jit_due) {
		re->jit_due = false;
		re->jit = pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE) == 0;
	}
	rc = re->jit ? pcre2_jit_match(re->code, (PCRE2_SPTR)s, n, start,
	                               PCRE2_NO_UTF_CHECK, re->md, ctx)
	             : pcre2_match(re->code, (PCRE2_SPTR)s, n, start,
	                           PCRE2_NO_UTF_CHECK, re->md, ctx);
	if (rc == PCRE2_ERROR_NOMATCH || rc == PCRE2_ERROR_PARTIAL)
		return RE_NOMATCH;
	if (rc < 0)
		return RE_LIMIT; /* match/depth/heap limit */
	if (caps == NULL)
		return RE_MATCH;
	/* rc is one more than the highest group set (0: the ovector was too
	 * small, which match data made from the pattern never is); only
	 * those are copied out. */
	if (rc == 0)
		rc = re->novec;
	if (rc > RE_MAXCAP)
		rc = RE_MAXCAP;
	ov = re->ov;
	for (int i = 0; i < rc; i++) {
		caps->so[i] = ov[2 * i] == PCRE2_UNSET ? (size_t)-1 : ov[2 * i];
		caps->eo[i] =
		    ov[2 * i] == PCRE2_UNSET ? (size_t)-1 : ov[2 * i + 1];
	}
	caps->ncap = rc;
	/* the name lives in the compiled pattern, not the match data */
	caps->mark = re->marks ? (const char *)pcre2_get_mark(re->md) : NULL;
	return RE_MATCH;
}

int
re_name_number(const cs_re *re, const char *name)
{
	/* the pattern's few names read here, not by
	 * pcre2_substring_number_from_name; a caller that asks the same
	 * name of every match finds its number once (rules_group_number) */
	for (uint32_t i = 0; i < re->nnames; i++) {
		const unsigned char *e = re->names + (size_t)i * re->namesize;

		if (strcmp((const char *)e + 2, name) != 0)
			continue;
		/* a name twice ((?J)) is not one group, as PCRE2 answers */
		if (i + 1 < re->nnames &&
		    strcmp((const char *)e + re->namesize + 2, name) == 0)
			return -1;
		return e[0] << 8 | e[1];
	}
	return -1;
}

bool
re_named(const cs_re *re, const re_caps *caps, const char *name, size_t *so,
         size_t *eo)
{
	return re_group(caps, re_name_number(re, name), so, eo);
}

bool
re_test(cs_re *re, const char *s, size_t n)
{
	return re_match(re, s, n, 0, NULL) == RE_MATCH;
}

void
re_free(cs_re *re)
{
	if (re == NULL)
		return;
	pcre2_match_data_free(re->md);
	pcre2_code_free(re->code);
	free(re->pat);
	free(re);
}
