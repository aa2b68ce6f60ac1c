/* rules.h - recogniser tables: named PCRE2 patterns kept as data, each with
 * the strings it must match and must not, compiled, matched and freed
 * together.
 *
 * A rule file is a reference table (ref.h) under lib/data, by convention
 * "rules-<reader>-<kind>.tsv", with the columns
 *
 *   kind	name	flags	text
 *   rule	item_numbered	i	^(?<num>\d{1,4})[.)]\s+(?<title>\S.*)$
 *   yes	item_numbered		3. Apologies for absence
 *   no	item_numbered		3 people attended.
 *
 * kind "rule" defines a pattern (flags as re_compile: i, x, m), in table
 * order; "yes" and "no" are examples for the rule named, run by
 * rules_selftest (tests/unit/test_rules.c walks every rules-*.tsv).
 * kind "vocab" (text: a reference table name, "crime-words") sets the
 * vocabulary of the rules below it, so a rule file says what it needs.
 *
 * kind "need" (after its rule, at most one) says what a text must hold
 * for the rule to have a chance, so a caller can skip the pattern on most
 * text (rules_needs_met):
 *
 *   need	compare	w	year|month|months
 *   need	from_to	d	from |
 *   need	rank	da	st |nd |rd |th |
 *
 * text: words, one of which the lower-cased text must contain, '|'
 * between them; "{{kind}}" is every word of that kind in the vocabulary,
 * as in a pattern, with any text around it in the word added to each.
 * An empty word is skipped, so a last word that ends in a space is
 * followed by '|', which no editor trims, and flag d alone has text
 * "|".  flags: d, the text must hold a character \d may match
 * (rules_text); a, a word counts only right after such a character
 * ("14th ", not the "th " of "with "); w, a word counts only with no
 * ASCII letter, digit or '_' right before or after it, as \b at both
 * its ends would have it (figword's "no", not the "no" of "none").  A
 * text holding a long s or a Kelvin sign, which caseless "s" and "k"
 * match, meets a need with a word holding an "s" or "k", whatever its
 * flags ("1ſt " is caseless "1st ").
 * rules_selftest holds every "yes" example of the rule to its need, so
 * a need cannot turn away what the rule's own examples say it matches.
 * The words of all rules are looked for in one scan of a text, when a
 * rule's need is first asked of it (the first 64 rules of a set; the
 * rest word by word): rules_selftest holds the scan's answers to a search
 * for each word, on every example.
 *
 * kind "near" (after its rule, at most one; text: a byte count w, 1 to
 * 200) says every match starts at most w bytes before a character \d may
 * match ("page 12": the word is never far from its number), so
 * rules_exec tries the pattern only from the starts in those windows
 * (PCRE2's offset limit), not from every byte of the text: noise_ref,
 * forty words tried at each letter of a sentence, was the costliest
 * pattern of normalise-crime's text mode.  rules_selftest runs each
 * example of the rule from every start both ways, so a window too short
 * for an example is a failure.  With flag w the windows are before the
 * rule's need words instead of digits (the rule has a need row with
 * words and without flag a): "\b(?:on|than) last (?:year|month)"
 * starts at most 10 bytes before its "year" or "month"; the words are
 * found by an ASCII compare without case, so a text holding a long s or
 * a Kelvin sign, which caseless "s" and "k" match, is scanned whole.  A
 * start row, where every match starts with a word of its own, costs
 * less: normalise-crime's compare, prior, relative and no_change had
 * near w rows, and with start rows took 27% to 36% fewer instructions.
 *
 * kind "end" (after its rule, at most one; for a rule whose pattern
 * ends in $, a "left" rule matched against the text before a figure)
 * names words one of which every match ends with, '|' between them, as
 * need's words; a word may hold "{{kind}}" with text around it
 * ("{{qualifier}} |the |a |an |": each qualifier then a space):
 *
 *   end	level_left		stood |was | at |: | to |
 *   end	dir_before	s	{{up}}|{{down}}|by|of|a|an
 *
 * rules_exec compares the end of the text with the words (ASCII,
 * lower-cased) before it runs the pattern, which is tried from every
 * byte of the window, and answers no match when none fits: level_left,
 * tried before every figure, was the costliest pattern of
 * normalise-crime's text mode.  Flag s sets aside the spaces, the bytes
 * "(.#:" and digits at the end of the text first ("fell4 (", "fell by
 * a "), for a pattern whose words may be followed by them; each word
 * must then end in another byte.  A non-ASCII byte met in the compare
 * (caseless "s" also matches "ſ") or a last '\n' ($ matches before it)
 * leaves the answer to the pattern.  Words are ASCII; a pattern not
 * ending in $, or with flag m, is refused.  rules_selftest holds every
 * "yes" example to its end words, from every start, so a row cannot
 * turn away what the rule's own examples say it matches.
 *
 * kind "start" (after its rule, at most one, flag w or none; the rule
 * has no "near" row and its pattern no \G) names words one of which
 * every match starts with, '|' between them, as need's words:
 *
 *   start	level_left		stood|was|, at|:|{{up}}|{{down}}
 *   start	dir_before	w	{{up}}|{{down}}|{{same}}
 *
 * rules_exec looks for the places in the text where one begins (ASCII,
 * lower-cased) and gives PCRE2 no start before the first nor after the
 * last (re_match_upto), and answers no match without it when there is
 * none: dir_before's end words "by", "of", "a" end most text before a
 * figure, and the pattern was then tried from each of up to 100 bytes.
 * With flag w a word counts only with no ASCII letter, digit or '_'
 * right before it, as a look-behind (?<![\w-]) or \b has it.  A
 * non-ASCII byte met in the compare leaves the place to PCRE2, and so
 * does a long s or a Kelvin sign.  rules_selftest runs each example of
 * the rule from every start both ways, and the match and its groups
 * must be the same.
 *
 * kind "lead" (after its rule, at most one, flag n or none; the rule
 * has a "near" row) names words one of which the text just before the
 * first character \d matches of every match ends with, as an end row
 * with flag s ("Table 3", "no. 12", "page #4"): near_match tries only
 * the windows of the digits that follow such a word, and most digits
 * of a report follow none ("there were 12").  The near row's
 * window bounds where that first digit can be, and the row says too
 * that it never follows an ASCII digit ("2019": only the 2 is tried).
 * A word ending in a digit is compared with the text up to and
 * including that first digit, which must be the word's ("0" of "020
 * 7946 0000", "+4" of "+44", "call1" of "call 101"); the byte before
 * its digit must not be one set aside.  With flag n nothing is set
 * aside: the word is right before the digit (noise_postcode's capital:
 * "EN1").  The selftest's run of each example from every start,
 * windowed and not, holds the row to the pattern.
 *
 * kind "after" (after its rule, at most one; for a rule anchored at its
 * start, \G or ^, a "right" rule matched where a figure ends) names the
 * words one of which every match starts with, right after the anchor,
 * '|' between them, as need's words, {{kind}} too:
 *
 *   after	cases_of		 cases of | crimes of |
 *   after	dir_after		)| a | an | {{up}}| {{down}}|{{up}}|{{down}}
 *
 * rules_exec compares the text at the start with the words (ASCII,
 * lower-cased) before it runs the pattern, and answers no match when
 * none fits, or the text ends there: most figures are followed by a
 * space and a word that starts no match ("12 offences"), which the
 * first bytes let by.  The words are walked as a start row's trie: a
 * non-ASCII byte met in the compare (caseless "s" also matches "ſ")
 * leaves the answer to the pattern, and a text starting with one does
 * only when it is a long s or a Kelvin sign.  A word that another word
 * starts adds nothing and is dropped.  With flag k, a
 * count from 1 to 9, one of the words follows one of the first k spaces
 * (' ') from the start instead, for a pattern whose words before it are
 * each followed by one space and hold none: count_noun's
 * " (?:[A-Za-z][\w'/&-]* ){0,5}(?:{{countnoun}})" has flag 6.  Words
 * are ASCII; a pattern not anchored is refused.  rules_selftest runs
 * each example of the rule from every start with and without the
 * words.
 *
 * A pattern may name a vocabulary: {{kind}} is replaced by an alternation
 * of every word of that kind in the vocabulary table given to rules_load
 * (columns "word" and "kind"), longest first, each word literal
 * (metacharacters escaped), as a non-capturing group.  So decision
 * verbs, section names and direction words live in word lists, not in
 * patterns.
 *
 * A match returns its captures in a cs_rmatch owned by the caller; nothing
 * is remembered in the set between calls.
 */
#ifndef CS_RULES_H
#define CS_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "mem.h"
#include "re.h"
#include "ref.h"

typedef struct cs_ruleset cs_ruleset;

typedef struct {
	int rule;    /* index of the rule that matched, -1 none */
	bool limit;  /* a pattern hit the PCRE2 match limit */
	re_caps cap; /* its groups (re.h) */
} cs_rmatch;

/* Load and compile a rule file (a ref_load name, "rules-minutes-items"),
 * expanding {{kind}} from vocab (may be NULL) or the file's own
 * "vocab".  Exit 1 naming file:line on a bad pattern, an unknown kind,
 * an example or a need, near, end, lead, start or after row for a rule
 * not yet defined, a bad such row, an unknown {{kind}}, or two rules of
 * one name. */
cs_ruleset *rules_load(const char *name, const cs_table *vocab);
void rules_free(cs_ruleset *rs);

size_t rules_count(const cs_ruleset *rs);
const char *rules_name(const cs_ruleset *rs, int rule);
/* Index of the rule named, or -1. rules_need exits 1 naming the file. */
int rules_find(const cs_ruleset *rs, const char *name);
int rules_need(const cs_ruleset *rs, const char *name);

/* A text as needs are asked of it (rules_text). */
typedef struct {
	const char *s; /* the text, s[0..n), as given */
	size_t n;
	/* the text, ASCII lower-cased, NUL-terminated (rules_text,
	 * rules_text_digits; NULL from rules_text_as_is: the needs are
	 * asked of s, case folded) */
	const char *lc;
	bool digit; /* it may hold a character \d matches */
	/* it holds a long s or a Kelvin sign (rules_text,
	 * rules_text_digits; false from rules_text_as_is) */
	bool fold;
	/* bit r: rule r's need is met (rules_needs_met), found for the
	 * first 64 rules of a set at once when one is first asked (one
	 * scan of the text for all their words), so a rule tried before
	 * every figure costs a look-up */
	uint64_t found;
	const cs_ruleset *scanned; /* the set found is for, or NULL */
} cs_rtext;

/* Set t to s[0..n): lower-cased into buf (reused between texts), and
 * whether a character could match \d there.  s holds no NUL (lib/text's
 * utf8_fix replaces them): the words are looked for up to the first. */
void rules_text(cs_rtext *t, sbuf *buf, const char *s, size_t n);
/* False when the rule's need (kind "need") rules out a match anywhere in
 * t; true when it may match, or has no need. */
bool rules_needs_ask(const cs_ruleset *rs, int rule, cs_rtext *t);
/* The same, a bit of t->found once the first is asked of t (inline:
 * normalise-crime asks some 45,000 a MB of report text, 192.1M to 191.3M
 * instructions per MB). */
static inline bool
rules_needs_met(const cs_ruleset *rs, int rule, cs_rtext *t)
{
	if (rule >= 0 && rule < 64 && t->scanned == rs)
		return (t->found >> rule) & 1;
	return rules_needs_ask(rs, rule, t);
}

/* The most bytes a match of the rule can span (re_max_bytes), or
 * RE_UNBOUNDED. */
size_t rules_maxlen(const cs_ruleset *rs, int rule);
/* Match one rule against s[0..n) from start.  True on a match.  A rule
 * anchored at its start (^, \G) whose text starts with none of the
 * bytes its matches can start with (re_first_bytes; for a pattern
 * starting with \s*, the text after its white space:
 * re_first_bytes_past_space) is answered without
 * PCRE2: heading and bullet on most lines, the right rules after most
 * figures; so is such a rule with a need row whose words, all starting
 * with one byte, s[start..n) does not hold (an anchored rule's need
 * words are in its match: rate's "per 1|per t|per h"); and one with a
 * after row whose words s[start..n) does not start with, or a start at
 * n (such a rule has no empty match); rules_selftest holds each to the
 * pattern on every example from every start. */
bool rules_exec(cs_ruleset *rs, int rule, const char *s, size_t n, size_t start,
                cs_rmatch *m);
/* The characters of s[from..n) that may match \d (rules_text's
 * "digit"): runs of ASCII digits and single bytes that may start
 * another digit, found once for rules asked of one text in turn
 * (rules_exec_digits), not by each rule's own scan: normalise-crime's
 * noise rules.  The first CS_RDIGITS runs are kept, the rest found by a
 * scan when asked (upto: where they start). */
#define CS_RDIGITS 32
typedef struct {
	const char *s; /* the text, s[0..n), as given */
	size_t n, from, upto;
	int nrun;
	size_t run[CS_RDIGITS][2]; /* start, end */
} cs_rdigits;
void rules_digits(cs_rdigits *d, const char *s, size_t from, size_t n);
/* rules_text of the text of d, d->s[d->from..d->n), whether it may
 * hold a digit known from d, not looked for again. */
void rules_text_digits(cs_rtext *t, sbuf *buf, const cs_rdigits *d);
/* The same, with no lower-cased copy (t->lc NULL, t->fold false): the
 * needs asked of t are answered the same, from d's text as it is, which
 * must not change while t is asked. */
void rules_text_as_is(cs_rtext *t, const cs_rdigits *d);
/* The first character of s[c..n) that may match \d, or n: by d when it
 * is of the same s and n (NULL: a scan). */
size_t rules_digit_next(const cs_rdigits *d, const char *s, size_t c, size_t n);
/* rules_exec, a rule with a near row finding its windows by d (of s and
 * n, not changed since): the same answer, the text's digits not looked
 * for again by each rule.  rules_selftest holds the windows so found
 * to the pattern on every example from every start. */
bool rules_exec_digits(cs_ruleset *rs, int rule, const char *s, size_t n,
                       size_t start, const cs_rdigits *d, cs_rmatch *m);
/* The first rule, in table order, that matches s[0..n); its index, or -1
 * (m->rule is the same). */
int rules_first(cs_ruleset *rs, const char *s, size_t n, cs_rmatch *m);
/* Group i, or the named group of the rule that matched: false when absent
 * or unset. */
bool rules_group(const cs_rmatch *m, int i, size_t *so, size_t *eo);
bool rules_named(const cs_ruleset *rs, const cs_rmatch *m, const char *group,
                 size_t *so, size_t *eo);
/* The number of the named group of the rule, for rules_group, or -1
 * (no such rule or group): found once by a caller that asks the same
 * name of every match of a rule, not by rules_named's read of the
 * names each time (normalise-crime's figure: three names a figure,
 * 24,500 a MB of report text). */
int rules_group_number(const cs_ruleset *rs, int rule, const char *group);

/* Run every example: a "yes" must match its rule, meet its need and end
 * with one of its end words, a "no" must not match; and on each, every
 * shortcut (need scan, near and lead windows, end, start and after
 * words, first bytes) must give the pattern's answers.  Each failure is
 * one line on out ("file:line: rule NAME: should match: TEXT"); returns
 * the number of failures.  *nexamples counts those run. */
int rules_selftest(cs_ruleset *rs, FILE *out, size_t *nexamples);

#endif
