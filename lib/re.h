/* re.h - PCRE2 wrapper: compile once, JIT when available, reused match data.
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

/* Compile pattern (UTF, UCP; "i" in flags adds caseless, "x" extended,
 * "m" multiline).  A bad pattern is a programming or data error: exit 1
 * with the pattern, offset and PCRE2 message; `what` names the source of
 * the pattern in that message (e.g. "taxonomy.tsv:12"). */
cs_re *re_compile(const char *pattern, const char *flags, const char *what);
/* The same, but NULL on a bad pattern (no message). */
cs_re *re_try_compile(const char *pattern, const char *flags);
/* Match s[0..n) starting at offset start. */
int re_match(cs_re *re, const char *s, size_t n, size_t start);
/* After a match: group i's span; false when the group did not take part. */
bool re_group(const cs_re *re, unsigned i, size_t *so, size_t *eo);
/* Named group; false when absent or unset. */
bool re_named(const cs_re *re, const char *name, size_t *so, size_t *eo);
/* The number of the named group, or -1 when the pattern has none. */
int re_name_number(const cs_re *re, const char *name);
/* After a match: the name of the last (*MARK:NAME) passed, or NULL. */
const char *re_mark(const cs_re *re);
/* Convenience: true on a match anywhere in s (a limit counts as no match). */
bool re_test(cs_re *re, const char *s, size_t n);
void re_free(cs_re *re);
/* Limits applied to every match (defaults: 1e6 match, 1e4 depth). */
void re_set_limits(unsigned long match_limit, unsigned long depth_limit);

#endif
