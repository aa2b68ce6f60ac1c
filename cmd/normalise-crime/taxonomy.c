/* taxonomy.c - printed offence labels to canonical keys (SPEC section 2).
 *
 * The mapping is data: lib/data/taxonomy.tsv (or --taxonomy FILE), rows of
 * key, parent, pattern.  A label is cleaned (see clean_label), then the
 * first row whose pattern matches the whole cleaned label, caseless, wins.
 * Published data files repeat a few dozen labels millions of times, so
 * every answer is remembered. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "hash.h"
#include "mem.h"
#include "nc.h"
#include "re.h"
#include "ref.h"
#include "text.h"

typedef struct {
	const char *key;
	cs_re *re;
} tax_rule;

static cs_table *table;
static int pattern_col;
static tax_rule *rules; /* .re NULL until needed: see closed() */
static size_t nrules;
static hmap *parents; /* key -> parent key */
static hmap *memo;    /* cleaned label -> key, or &unmapped */
static cs_re *any;    /* every pattern in one, or NULL (see tax_load) */
static char unmapped;
/* The literal starts of every row (see leads_of), lower case, sorted,
 * none a prefix of another; lead_at[c]..lead_at[c + 1] those starting
 * with byte c.  lead_all: some row may start with anything. */
static char **lead;
static unsigned char *lead_len;
static size_t nlead, lead_at[129];
static bool lead_all;
/* The same texts as a trie (see trie_load): node 0 the root, trie_kid[c]
 * its child for first byte c (0: none). */
typedef struct {
	unsigned kid, next;   /* first child, next sibling: 0 none */
	unsigned char c;      /* the byte into the node */
	unsigned char min;    /* the shortest text through the node */
	unsigned char others; /* ... through its parent, not it (0: none) */
	bool end;             /* a text ends here */
} tnode;
static tnode *trie;
static size_t ntrie;
static unsigned trie_kid[128];
/* Each row's texts as leads_of reads them (see row_of): the open ones,
 * whole matches, in `whole` (text -> first row + 1), the closed ones,
 * starts of matches, in `part`; part_min[c], the first row with a closed
 * text beginning with byte c; row_all, the first row leads_of cannot
 * read (nrules: none). */
static hmap *whole;
static struct part {
	char *s;
	size_t n, row;
} * part;
static size_t npart, row_all, part_min[128];
static const char *at_file; /* where the label being mapped was read */
static long at_line;
#define MEMO_MAX 100000 /* text mode may bring endless labels */

static void
tax_free(void)
{
	for (size_t i = 0; i < nrules; i++)
		re_free(rules[i].re);
	if (any)
		re_free(any);
	free(rules);
	for (size_t i = 0; i < nlead; i++)
		free(lead[i]);
	free(lead);
	free(lead_len);
	free(trie);
	for (size_t i = 0; i < npart; i++)
		free(part[i].s);
	free(part);
	hmap_free(whole, NULL);
	hmap_free(parents, NULL);
	hmap_free(memo, NULL);
	ref_free(table);
}

/* Can pattern p share one regex with others (see tax_load)?  Not with a
 * verb "(*...)", a back reference "\\1" "\\g" "\\k", a call or reset
 * "(?1)" "(?&n)" "(?R)" "(?P" "(?|", a condition on a group "(?(1)" (and, to
 * be simple, "(?-i)"). */
static bool
self_contained(const char *p)
{
	for (; *p; p++) {
		if (p[0] == '\\' && p[1] && strchr("123456789gkK", p[1]))
			return false;
		if (p[0] == '\\' && p[1])
			p++; /* "\\(" is a bracket, not a group */
		else if (p[0] == '(' && p[1] == '*')
			return false;
		else if (p[0] == '(' && p[1] == '?' && p[2] &&
		         strchr("0123456789+-&RP|(", p[2]))
			return false;
	}
	return true;
}

/* Does PCRE2 read pattern p inside `any` as it reads it alone: every
 * group and class it opens closed within it, and nothing that could
 * reach past its end (a cut escape, an escape with an argument, \Q, an
 * option setting, a name, a verb)?  Then, `any` having compiled, p
 * compiles alone too, and its own regex can wait until tax_map needs it
 * (only when `any` gives up): compiling the 150 rows at load was 13.1M
 * of the 25.1M instructions tax_load took (the text mode on 1 MB of
 * report text, 622.1M to 610.3M).  Conservative: false only means the
 * row is compiled at load, as every row was. */
static bool
closed(const char *p)
{
	int depth = 0;

	for (; *p; p++) {
		if (*p == '\\') {
			/* punctuation, or a class or assertion of one letter */
			bool alnum =
			    ((p[1] | 32) >= 'a' && (p[1] | 32) <= 'z') ||
			    (p[1] >= '0' && p[1] <= '9');
			if (p[1] == '\0' ||
			    (alnum && !strchr("dDsSwWbBhHvVntrfeaAzZG", p[1])))
				return false;
			p++;
		} else if (*p == '[') {
			/* a class, to its ']' ("[]a]" and "[^]a]" hold one) */
			p++;
			if (*p == '^')
				p++;
			if (*p == ']')
				p++;
			for (; *p != ']'; p++) {
				if (*p == '\0' || *p == '[' ||
				    (*p == '\\' && (p[1] == '\0' ||
				                    !strchr(".-^]\\/ ", p[1]))))
					return false;
				if (*p == '\\')
					p++;
			}
		} else if (*p == '(') {
			if (p[1] == '*' ||
			    (p[1] == '?' && p[2] != ':' && p[2] != '=' &&
			     p[2] != '!' &&
			     !(p[2] == '<' && (p[3] == '=' || p[3] == '!'))))
				return false;
			depth++;
		} else if (*p == ')' && --depth < 0) {
			return false;
		}
	}
	return depth == 0;
}

/* ---- literal starts ----------------------------------------------------
 * Most labels the text mode offers map to nothing ("people in the
 * borough", "officers"), and each cost a match of `any` trying its 97 rows
 * (2,800 instructions).  Every match of a row begins with one of a few
 * literal texts: "(?:theft by |attempted )?housebreakings?" with "theft
 * by ", "attempted " or "housebreaking".  A label that begins with none of
 * the rows' texts (caseless) maps to nothing without asking `any`: 2,126
 * of the 2,537 labels asked of it per MB of report text, 235.1M to 230.1M
 * instructions (reading the 97 rows at load costs 1.2M of that).
 *
 * leads_of reads a pattern as PCRE2 does, as far as it needs to: a set of
 * texts, each either the whole of a match of what was read so far (open:
 * what follows may extend it) or only the start of one (closed).  Every
 * match of the part read has an open text equal to it or a closed text
 * it begins with.  Anything not followed (a class of ranges, \d, ".", a
 * look-around, a byte past ASCII) closes the texts there, which keeps that
 * true; anything that could change how the rest reads (an option "(?x)",
 * "\Q", a back reference) gives up on the row: it may start with
 * anything.  Labels with a byte past ASCII are always asked of `any`:
 * caseless "k" and "s" match the Kelvin sign and the long s. */
#define LEAD_MAX 64 /* texts per set, else they are cut shorter */
#define LEAD_LEN 64 /* bytes per text, else it is closed there */
#define MAY_LEN 24  /* bytes of a text may_map compares */

typedef struct {
	char s[LEAD_MAX][LEAD_LEN + 1];
	unsigned char len[LEAD_MAX];
	bool open[LEAD_MAX];
	int n;
} leads;

typedef struct {
	const char *p;
	bool bad;  /* not followed: the row may start with anything */
	int depth; /* groups open: each holds three sets on the stack */
} lead_rd;
/* Groups deeper than this are not followed (a row of 240, which PCRE2
 * takes, would hold 9 MB of sets on the stack). */
#define LEAD_DEPTH 32

static void lead_alt(lead_rd *r, leads *out);

/* Add text s (n bytes, open or not) to l, once; a closed copy wins over
 * an open one.  Past LEAD_MAX every text is cut to its first byte. */
static void
lead_add(leads *l, const char *s, size_t n, bool open)
{
	if (n > LEAD_LEN) {
		n = LEAD_LEN;
		open = false;
	}
	for (int i = 0; i < l->n; i++)
		if (l->len[i] == n && memcmp(l->s[i], s, n) == 0) {
			l->open[i] = l->open[i] && open;
			return;
		}
	if (l->n == LEAD_MAX) {
		leads c = *l;
		char t[LEAD_LEN + 1];
		size_t tn = n > 1 ? 1 : n;
		memcpy(t, s, tn);
		l->n = 0;
		for (int i = 0; i < c.n; i++)
			lead_add(l, c.s[i], c.len[i] > 1 ? 1 : c.len[i],
			         c.len[i] == 0 && c.open[i]);
		if (l->n == LEAD_MAX) { /* 64 first bytes: anything */
			l->n = 0;
			lead_add(l, "", 0, false);
			return;
		}
		lead_add(l, t, tn, tn == 0 && open);
		return;
	}
	memcpy(l->s[l->n], s, n);
	l->s[l->n][n] = '\0';
	l->len[l->n] = (unsigned char)n;
	l->open[l->n++] = open;
}

static void
lead_close(leads *l)
{
	for (int i = 0; i < l->n; i++)
		l->open[i] = false;
}

/* Skip a class "[...]"; true when it is a set of plain characters, added
 * to l open. */
static bool
lead_class(lead_rd *r, leads *l)
{
	const char *p = r->p + 1;
	bool plain = *p != '^';
	l->n = 0;
	if (*p == '^')
		p++;
	if (*p == ']') {
		lead_add(l, "]", 1, true);
		p++;
	}
	for (; *p != ']'; p++) {
		if (*p == '\0' || *p == '[') {
			r->bad = true;
			return false;
		}
		char c = *p;
		if (c == '\\') {
			p++;
			if (*p == '\0' ||
			    ((*p | 32) >= 'a' && (*p | 32) <= 'z') ||
			    (*p >= '0' && *p <= '9')) {
				if (*p == '\0' || !strchr("dDsSwWhHvV", *p))
					r->bad = true;
				plain = false;
				continue;
			}
			c = *p;
		} else if (c == '-' && p[1] != ']' && l->n > 0) {
			plain = false; /* a range */
		}
		if ((unsigned char)c >= 0x80)
			plain = false;
		if (c >= 'A' && c <= 'Z')
			c |= 32;
		lead_add(l, &c, 1, true);
	}
	r->p = p + 1;
	return plain;
}

/* One item and its quantifier, into l. */
static void
lead_item(lead_rd *r, leads *l)
{
	const char *p = r->p;
	unsigned char c = (unsigned char)*p;
	l->n = 0;
	if (c == '(') {
		if (++r->depth > LEAD_DEPTH) {
			r->bad = true;
			return;
		}
		if (p[1] == '?' && p[2] == ':') {
			r->p = p + 3;
		} else if (p[1] == '?' &&
		           (p[2] == '=' || p[2] == '!' ||
		            (p[2] == '<' && (p[3] == '=' || p[3] == '!')))) {
			r->p = p + (p[2] == '<' ? 4 : 3);
			lead_alt(r, l);
			l->n = 0;
			lead_add(l, "", 0, false); /* an assertion */
		} else if (p[1] == '?' || p[1] == '*') {
			r->bad = true; /* an option, a name, a verb */
			return;
		} else {
			r->p = p + 1;
		}
		if (l->n == 0)
			lead_alt(r, l);
		if (*r->p != ')') {
			r->bad = true;
			return;
		}
		r->p++;
		r->depth--;
	} else if (c == '[') {
		if (!lead_class(r, l)) {
			l->n = 0;
			lead_add(l, "", 0, false);
		}
		if (r->bad)
			return;
	} else if (c == '\\' && (unsigned char)p[1] >= 0x80) {
		lead_add(l, "", 0, false); /* "\\K", a Kelvin sign */
		for (r->p = p + 2; ((unsigned char)*r->p & 0xC0) == 0x80;)
			r->p++;
	} else if (c == '\\') {
		char e = p[1];
		if (e == '\0' || (e >= '0' && e <= '9') ||
		    (((e | 32) >= 'a' && (e | 32) <= 'z') &&
		     !strchr("dDsSwWhHvVbBAzZG", e))) {
			r->bad = true; /* \\Q, \\x{..}, \\p{..}, \\1 ... */
			return;
		}
		if ((e | 32) >= 'a' && (e | 32) <= 'z')
			lead_add(l, "", 0, false);
		else
			lead_add(l, &e, 1, true);
		r->p = p + 2;
	} else if (c == '.' || c == '^' || c == '$') {
		lead_add(l, "", 0, false);
		r->p = p + 1;
	} else if (c == '*' || c == '+' || c == '?' || c == '{') {
		r->bad = true;
		return;
	} else if (c >= 0x80) {
		lead_add(l, "", 0, false); /* the whole character */
		for (r->p = p + 1; ((unsigned char)*r->p & 0xC0) == 0x80;)
			r->p++;
	} else {
		char lc = c >= 'A' && c <= 'Z' ? (char)(c | 32) : (char)c;
		lead_add(l, &lc, 1, true);
		r->p = p + 1;
	}
	/* its quantifier: "x?" is x or nothing; "x*", "x{0,2}" nothing or
	 * a start of x; "x+", "x{2}" a start of x */
	p = r->p;
	unsigned long min = 1;
	if (*p == '?') {
		r->p = p + 1 + (p[1] == '?' || p[1] == '+');
		lead_add(l, "", 0, true);
		return;
	}
	if (*p == '*' || *p == '+') {
		min = *p == '+';
		p++;
	} else if (*p == '{') {
		char *q;
		if (!(p[1] >= '0' && p[1] <= '9')) {
			r->bad = true; /* "{" as a character, or "{,3}" */
			return;
		}
		min = strtoul(p + 1, &q, 10);
		if (*q == ',')
			for (q++; *q >= '0' && *q <= '9'; q++)
				;
		if (*q != '}') {
			r->bad = true;
			return;
		}
		p = q + 1;
	} else {
		return;
	}
	if (*p == '?' || *p == '+')
		p++; /* lazy, possessive */
	r->p = p;
	lead_close(l);
	if (min == 0)
		lead_add(l, "", 0, true);
}

/* Is p[0] a character that stands for itself, with no quantifier? */
static bool
lead_plain(const char *p)
{
	unsigned char c = (unsigned char)p[0], q = (unsigned char)p[1];
	/* letters and spaces, most of a pattern, without a strchr each */
	if (((c | 32) >= 'a' && (c | 32) <= 'z') || c == ' ')
		return !(q == '?' || q == '*' || q == '+' || q == '{');
	return c != '\0' && c < 0x80 && !strchr("\\()[]|.^$*+?{", c) &&
	       (q == '\0' || !strchr("?*+{", q));
}

/* A branch: its items one after another. */
static void
lead_branch(lead_rd *r, leads *out)
{
	out->n = 0;
	lead_add(out, "", 0, true);
	while (!r->bad && *r->p && *r->p != '|' && *r->p != ')') {
		leads item, cat;
		if (lead_plain(r->p)) {
			/* most of a pattern: the open texts grow in place */
			char c = *r->p++;
			if (c >= 'A' && c <= 'Z')
				c |= 32;
			for (int i = 0; i < out->n; i++) {
				if (!out->open[i])
					continue;
				if (out->len[i] == LEAD_LEN) {
					out->open[i] = false;
					continue;
				}
				out->s[i][out->len[i]++] = c;
				out->s[i][out->len[i]] = '\0';
			}
			continue;
		}
		lead_item(r, &item);
		if (r->bad)
			return;
		cat.n = 0;
		for (int i = 0; i < out->n; i++) {
			if (!out->open[i]) {
				lead_add(&cat, out->s[i], out->len[i], false);
				continue;
			}
			for (int j = 0; j < item.n; j++) {
				char t[2 * LEAD_LEN + 2];
				size_t a = out->len[i], b = item.len[j];
				memcpy(t, out->s[i], a);
				memcpy(t + a, item.s[j], b);
				lead_add(&cat, t, a + b, item.open[j]);
			}
		}
		/* the texts in use, not the whole set */
		for (int i = 0; i < cat.n; i++) {
			memcpy(out->s[i], cat.s[i], cat.len[i] + 1);
			out->len[i] = cat.len[i];
			out->open[i] = cat.open[i];
		}
		out->n = cat.n;
	}
}

static void
lead_alt(lead_rd *r, leads *out)
{
	lead_branch(r, out);
	while (!r->bad && *r->p == '|') {
		leads b;
		r->p++;
		lead_branch(r, &b);
		for (int i = 0; i < b.n; i++)
			lead_add(out, b.s[i], b.len[i], b.open[i]);
	}
}

/* The texts every match of pattern p begins with, into l; false when p
 * may begin with anything. */
static bool
leads_of(const char *p, leads *l)
{
	lead_rd r = { p, false, 0 };
	lead_alt(&r, l);
	if (r.bad || *r.p != '\0')
		return false;
	for (int i = 0; i < l->n; i++)
		if (l->len[i] == 0)
			return false;
	return true;
}

static int
lead_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The kept texts as a trie, for may_map: a label is walked once, a byte
 * a step, not compared with each text of its first byte in turn.  Each
 * node knows the shortest text through it (min), so the walk stops where
 * no text short enough to be compared goes on, and the shortest through
 * its siblings (others), the texts that part from the label there. */
static void
trie_load(void)
{
	size_t cap = 64;
	trie = xcalloc(cap, sizeof *trie);
	ntrie = 1;
	memset(trie_kid, 0, sizeof trie_kid);
	trie[0].min = UCHAR_MAX;
	for (size_t i = 0; i < nlead; i++) {
		unsigned at = 0;
		unsigned char len = lead_len[i];
		for (size_t j = 0; j < len; j++) {
			unsigned char c = (unsigned char)lead[i][j];
			unsigned k = j == 0 ? trie_kid[c & 127] : trie[at].kid;
			while (k != 0 && trie[k].c != c)
				k = trie[k].next;
			if (k == 0) {
				if (ntrie == cap) {
					cap *= 2;
					trie =
					    xrealloc(trie, cap * sizeof *trie);
				}
				k = (unsigned)ntrie++;
				trie[k] =
				    (tnode){ 0, 0, c, UCHAR_MAX, 0, false };
				if (j == 0) {
					trie_kid[c & 127] = k;
				} else {
					trie[k].next = trie[at].kid;
					trie[at].kid = k;
				}
			}
			at = k;
			if (trie[at].min > len)
				trie[at].min = len;
		}
		trie[at].end = true;
	}
	/* others: the least min of a node's siblings */
	for (size_t p = 1; p < ntrie; p++)
		for (unsigned k = trie[p].kid; k != 0; k = trie[k].next)
			for (unsigned o = trie[p].kid; o != 0; o = trie[o].next)
				if (o != k && (trie[k].others == 0 ||
				               trie[o].min < trie[k].others))
					trie[k].others = trie[o].min;
}

/* Every row's texts, for exact_row (whole, part, row_all) and, cut at
 * MAY_LEN, sorted, each kept only when no shorter one begins it ("theft"
 * covers "theft from"), for may_map: a label may map only when it begins
 * with one of them. */
static void
leads_load(void)
{
	size_t cap = 0, pcap = 0;
	whole = hmap_new();
	row_all = nrules;
	for (size_t c = 0; c < 128; c++)
		part_min[c] = nrules;
	for (size_t i = 0; i < nrules; i++) {
		leads l;
		if (!leads_of(ref_get(table, i, (size_t)pattern_col), &l)) {
			lead_all = true;
			if (row_all == nrules)
				row_all = i;
			continue;
		}
		for (int j = 0; j < l.n; j++) {
			size_t n = l.len[j];
			if (l.open[j]) {
				void **slot = hmap_put(whole, l.s[j], n);
				if (*slot == NULL)
					*slot = (void *)(i + 1);
			} else {
				if (npart == pcap) {
					pcap = pcap ? 2 * pcap : 64;
					part =
					    xrealloc(part, pcap * sizeof *part);
				}
				part[npart++] =
				    (struct part){ xstrndup(l.s[j], n), n, i };
				unsigned char c =
				    (unsigned char)l.s[j][0] & 127;
				if (part_min[c] > i)
					part_min[c] = i;
			}
			if (lead_all)
				continue; /* may_map lets everything through */
			if (nlead == cap) {
				cap = cap ? 2 * cap : 64;
				lead = xrealloc(lead, cap * sizeof *lead);
			}
			lead[nlead++] =
			    xstrndup(l.s[j], n < MAY_LEN ? n : MAY_LEN);
		}
	}
	if (lead_all) {
		for (size_t i = 0; i < nlead; i++)
			free(lead[i]);
		nlead = 0;
	}
	if (nlead)
		qsort(lead, nlead, sizeof *lead, lead_cmp);
	size_t k = 0;
	for (size_t i = 0; i < nlead; i++) {
		/* sorted: a text that begins this one is the last kept */
		if (k > 0 &&
		    !strncmp(lead[k - 1], lead[i], strlen(lead[k - 1]))) {
			free(lead[i]);
			continue;
		}
		lead[k++] = lead[i];
	}
	nlead = k;
	lead_len = xcalloc(nlead ? nlead : 1, 1);
	for (size_t i = 0; i < nlead; i++)
		lead_len[i] = (unsigned char)strlen(lead[i]);
	for (size_t c = 0, i = 0; c <= 128; c++) {
		while (i < nlead && (unsigned char)lead[i][0] < c)
			i++;
		lead_at[c] = i;
	}
	trie_load();
}

/* Is s[j] as clean_label leaves it, when s[0..j) is: printable ASCII
 * with nothing text_clean reads ('*' '_' '<' '&'), not a tab, not a
 * space at the start or after a space?  (What follows may change or go,
 * but not what comes before.) */
static bool
kept(const char *s, size_t j)
{
	unsigned char c = (unsigned char)s[j];
	return c >= 0x20 && c < 0x7F && c != '*' && c != '_' && c != '<' &&
	       c != '&' && !(c == ' ' && (j == 0 || s[j - 1] == ' '));
}

/* May some row map the label s[0..n), clean, or (raw) as printed?  A
 * byte past ASCII where a text is compared says yes: caseless "k" and
 * "s" match the Kelvin sign and the long s; and so does, for a raw
 * label, a byte clean_label may change (kept).  When no, *agree is the
 * last byte where s differs from a text it was compared with (0: the
 * first byte begins none). */
static bool
may_map_plain(const char *s, size_t n, bool raw, size_t *agree)
{
	*agree = 0;
	if (lead_all)
		return true;
	if (n == 0)
		return false; /* no row matches nothing (leads_of) */
	unsigned char c0 = (unsigned char)s[0];
	if (c0 >= 0x80 || (raw && !kept(s, 0)))
		return true;
	if (c0 >= 'A' && c0 <= 'Z')
		c0 |= 32;
	for (size_t i = lead_at[c0]; i < lead_at[c0 + 1]; i++) {
		const char *l = lead[i];
		size_t k = lead_len[i], j = 1;
		if (k > n)
			continue;
		unsigned char c = 0, lc = 0;
		for (; j < k; j++) {
			c = (unsigned char)s[j];
			lc = (unsigned char)l[j];
			if ((c | 32) == lc && lc >= 'a' && lc <= 'z')
				continue; /* a letter, kept in either case */
			if (c >= 0x80 || (raw && !kept(s, j)))
				return true;
			if (c >= 'A' && c <= 'Z')
				c |= 32;
			if (c != lc)
				break;
		}
		if (j == k)
			return true;
		if (j > *agree)
			*agree = j;
		/* sorted: the texts after one greater than s where they part
		 * are greater too, and part from s where that one did or
		 * before (may_map 2.3M to 1.8M instructions per MB of report
		 * text) */
		if (lc > c)
			break;
	}
	return false;
}

/* may_map_plain's answer and *agree, from the trie.  A text is compared
 * with s at byte j when it begins as s does before j and is no longer
 * than s: those are the texts through the node the walk is at, when its
 * min is at most n (none that ends before j: it would begin s).  s[j]
 * past ASCII, or not kept, says yes if any is compared; else the texts
 * that do not go on with s[j] (the node's, when it has no child for it,
 * else the child's others) part from s at j.  may_map_plain, kept as the
 * reference tests/unit/test_normalise-crime_taxonomy.c holds this to
 * (tax_may_check), compares s with each of the texts of its first byte
 * in turn, up to 30 of the shipped taxonomy's 230: 11.4M instructions on
 * the 5.3 MB bench text (45,000 asks), the trie 6.1M (637.0M to 632.5M
 * in all). */
static bool
may_map(const char *s, size_t n, bool raw, size_t *agree)
{
	*agree = 0;
	if (lead_all)
		return true;
	if (n == 0)
		return false;
	/* a letter is kept: kept() asked of the rest only (most bytes
	 * walked are letters) */
	unsigned char c = (unsigned char)s[0] | 32;
	if (c < 'a' || c > 'z') {
		c = (unsigned char)s[0];
		if (c >= 0x80 || (raw && !kept(s, 0)))
			return true;
	}
	unsigned at = trie_kid[c];
	if (at == 0)
		return false;
	for (size_t j = 1;; j++) {
		if (trie[at].end)
			return true;
		if (j == n || trie[at].min > n)
			return false;
		c = (unsigned char)s[j] | 32;
		if (c < 'a' || c > 'z') {
			c = (unsigned char)s[j];
			if (c >= 0x80 || (raw && !kept(s, j)))
				return true;
		}
		unsigned k = trie[at].kid;
		while (k != 0 && trie[k].c != c)
			k = trie[k].next;
		if (k == 0 || (trie[k].others != 0 && trie[k].others <= n))
			*agree = j;
		if (k == 0)
			return false;
		at = k;
	}
}

bool
tax_may_check(const char *s, size_t n, bool raw)
{
	size_t a1, a2;
	bool m1 = may_map(s, n, raw, &a1), m2 = may_map_plain(s, n, raw, &a2);
	return m1 == m2 && (m1 || a1 == a2);
}

/* Row i's own regex, compiled when first needed. */
static cs_re *
row_re(size_t i)
{
	if (rules[i].re == NULL) {
		sbuf pat = SBUF_INIT, what = SBUF_INIT;

		sbuf_printf(&pat, "^(?:%s)$",
		            ref_get(table, i, (size_t)pattern_col));
		sbuf_printf(&what, "%s:%ld", table->path, table->lineno[i]);
		rules[i].re = re_compile(sbuf_str(&pat), "i", sbuf_str(&what));
		sbuf_free(&pat);
		sbuf_free(&what);
	}
	return rules[i].re;
}

/* The row that maps the clean label s[0..n) (nrules: none), into *row,
 * when the rows' texts say which without a regex; false when they do
 * not.  Every match of a row is one of its open texts or begins with one
 * of its closed ones (leads_of), and each open text is a whole match, so
 * a label that is an open text of row i, begins with no closed text of
 * a row before i, and comes after no row leads_of could not read, maps
 * to row i, the first row that matches, as `any` says.  A row is not
 * asked of a label that is none of its matches as leads_of reads it (as
 * for the labels may_map turns away), so one that would give up on such
 * a label (the match limit) does not warn.
 *
 * Caseless, only the Kelvin sign and the long s match an ASCII letter
 * (tests/unit holds PCRE2 to that over every character): a label holding
 * one is left to the regex, any other byte past ASCII is compared as it
 * is, matching no byte of a text.  Left to the regex too is a label
 * ending in a control or a byte past ASCII, before which `$` may match
 * (a newline).
 *
 * Of the 425 labels asked of `any` on the 5.3 MB bench text (265 mapping
 * nothing, "violence committed over March"), none needs it now, and its
 * JIT code (7.3M instructions) is never made: 628.2M to 620.4M in all,
 * slice-s3 149.9M to 142.1M.  LEAD_LEN went from 24 to 64 for it
 * ("violence against the person" is a whole match, not a start);
 * may_map's texts are still cut at MAY_LEN. */
static bool
exact_row(const char *s, size_t n, size_t *row)
{
	char low[LEAD_LEN];
	if (n == 0 || (unsigned char)s[n - 1] < 0x20 ||
	    (unsigned char)s[n - 1] >= 0x80)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c == 0xE2 && i + 2 < n &&
		     (unsigned char)s[i + 1] == 0x84 &&
		     (unsigned char)s[i + 2] == 0xAA) ||
		    (c == 0xC5 && i + 1 < n && (unsigned char)s[i + 1] == 0xBF))
			return false; /* a Kelvin sign, a long s */
		if (i < sizeof low)
			low[i] = (char)(c >= 'A' && c <= 'Z' ? c | 32 : c);
	}
	void *hit = n <= sizeof low ? hmap_get(whole, low, n) : NULL;
	size_t i = hit ? (size_t)hit - 1 : nrules, j = row_all;
	if (part_min[(unsigned char)low[0] & 127] < (i < j ? i : j))
		for (size_t k = 0; k < npart; k++)
			if (part[k].row < j && part[k].n <= n &&
			    memcmp(part[k].s, low, part[k].n) == 0)
				j = part[k].row;
	if (j < i)
		return false; /* row j's regex must say */
	*row = i;
	return true;
}

void
tax_load(const char *path)
{
	sbuf name = SBUF_INIT, pat = SBUF_INIT;
	int kc, pc, rc;

	/* ref_load treats a name without '/' as a table name: a file given
	 * on the command line is always a path. */
	if (path != NULL && strchr(path, '/') == NULL)
		sbuf_adds(&name, "./");
	sbuf_adds(&name, path ? path : "taxonomy");
	table = ref_load(sbuf_str(&name));
	kc = ref_need(table, "key");
	pc = ref_need(table, "parent");
	rc = ref_need(table, "pattern");
	rules = xcalloc(table->nrows ? table->nrows : 1, sizeof *rules);
	parents = hmap_new();
	memo = hmap_new();
	pattern_col = rc;
	for (size_t i = 0; i < table->nrows; i++) {
		const char *key = ref_get(table, i, (size_t)kc);
		void **slot;

		rules[nrules].key = key;
		rules[nrules].re = NULL; /* below */
		nrules++;
		slot = hmap_put(parents, key, strlen(key));
		if (*slot == NULL)
			*slot = (void *)ref_get(table, i, (size_t)pc);
	}
	/* The patterns as one alternation, each marked with its row:
	 * "^(?:(?:robbery)(*:3)|(?:burglary)(*:4)|...)$".  It matches where
	 * the first row that matches the whole label does (an alternative
	 * is tried only when every way through the ones before it failed),
	 * and the mark names that row.  A label no row maps ("the number of
	 * young people", most phrases a sentence offers) then costs one
	 * match, not 150: tax_map on the misses of 1 MB of report pages,
	 * 1,284M to 1,183M instructions in all.  Not when a pattern could see the
	 * others: a verb ("(*COMMIT)"), a back reference or subroutine call
	 * ("\\1", "(?1)") numbers groups or stops backtracking across the
	 * alternatives. */
	bool alone = true;
	sbuf_clear(&pat);
	sbuf_adds(&pat, "^(?:");
	for (size_t i = 0; i < nrules; i++) {
		const char *p = ref_get(table, i, (size_t)rc);
		alone = alone && self_contained(p);
		char mark[32];

		/* added piece by piece, not by sbuf_printf, which formats
		 * the row's text twice (0.3M instructions a run) */
		snprintf(mark, sizeof mark, ")(*:%zu)", i);
		sbuf_adds(&pat, i ? "|(?:" : "(?:");
		sbuf_adds(&pat, p);
		sbuf_adds(&pat, mark);
	}
	sbuf_adds(&pat, ")$");
	/* flag r: `any` is seldom matched (the rows' texts answer every label
	 * of the 5.3 MB bench text, exact_row), so it is compiled the cheaper
	 * way: 3.50M to 3.07M instructions a run.  Where it meets the match
	 * limit the rows are asked one by one, whose first match is the row
	 * its mark would name, so the answer is the same. */
	if (alone && nrules > 0)
		any = re_try_compile(sbuf_str(&pat), "ir");
	/* each row alone, in order, as a bad one is reported (exit 1 naming
	 * its line): all of them when there is no `any` */
	for (size_t i = 0; i < nrules; i++)
		if (any == NULL ||
		    !closed(ref_get(table, i, (size_t)pattern_col)))
			row_re(i);
	leads_load();
	sbuf_free(&name);
	sbuf_free(&pat);
	atexit(tax_free);
}

/* The label as the patterns see it: spaces trimmed and collapsed (tabs and
 * Unicode spaces too), curly quotes and dashes made ASCII, and footnote
 * marks dropped from the end (after invalid UTF-8 is replaced): '*', '^', '†', superscript digits, and one
 * or two digits glued to a lower-case letter ("Burglary1").  Digits glued
 * to capitals are kept: "MOPAC7", "SO18" are names. */
static void
clean_label(const char *s, size_t n, sbuf *out)
{
	size_t k;

	sbuf_clear(out);
	utf8_fix(s, n, out); /* PCRE2 is told its subjects are valid UTF-8 */
	if (out->len == 0)
		return;
	out->len = text_clean(out->s, out->len);
	k = 0;
	for (size_t i = 0; i < out->len; i++) {
		char c = out->s[i] == '\t' ? ' ' : out->s[i];

		if (c == ' ' && (k == 0 || out->s[k - 1] == ' '))
			continue;
		out->s[k++] = c;
	}
	for (;;) {
		while (k > 0 && (out->s[k - 1] == ' ' || out->s[k - 1] == '*' ||
		                 out->s[k - 1] == '^'))
			k--;
		if (k >= 3 && memcmp(out->s + k - 3, "\xE2\x80\xA0", 3) == 0) {
			k -= 3; /* dagger */
			continue;
		}
		if (k >= 2 && (memcmp(out->s + k - 2, "\xC2\xB9", 2) == 0 ||
		               memcmp(out->s + k - 2, "\xC2\xB2", 2) == 0 ||
		               memcmp(out->s + k - 2, "\xC2\xB3", 2) == 0)) {
			k -= 2; /* superscript 1, 2, 3 */
			continue;
		}
		if (k >= 3 && memcmp(out->s + k - 3, "\xE2\x81", 2) == 0 &&
		    (unsigned char)out->s[k - 1] >= 0xB0 &&
		    (unsigned char)out->s[k - 1] <= 0xB9) {
			k -= 3; /* superscript 0, 4-9 */
			continue;
		}
		break;
	}
	for (size_t d = 1; d <= 2 && d < k; d++) {
		char c = out->s[k - d - 1];

		if (!(out->s[k - d] >= '0' && out->s[k - d] <= '9'))
			break;
		if (c >= 'a' && c <= 'z') {
			k -= d;
			break;
		}
	}
	out->len = k;
	out->s[k] = '\0';
}

void
tax_at(const char *file, long line)
{
	at_file = file;
	at_line = line;
}

/* Labels memo answered, as given, in a slot by length and first, middle
 * and last bytes: the text mode asks the same few phrases again and
 * again ("offences", "burglary"), each a compare here, not a hash (9,700
 * of 13,000 look-ups on the 5.3 MB bench text found here: hmap_get 2.2M
 * to 0.6M instructions, 618.1M to 617.0M in all).  memo keeps an answer
 * once given, and a label is kept here only once memo has it, so the two
 * agree; a label memo has no room for is asked of the rows again, and
 * may warn again, as before. */
#define SEEN_SLOTS 256
#define SEEN_LEN 48
static struct {
	unsigned char n; /* 0: empty */
	char s[SEEN_LEN];
	const char *key;
} seen[SEEN_SLOTS];

const char *
tax_map(const char *label, size_t n)
{
	static sbuf clean;
	void *hit;
	const char *key = NULL;
	unsigned h = 0;

	if (n > 0 && n < SEEN_LEN) {
		h = ((unsigned)n * 97u + (unsigned char)label[0] * 31u +
		     (unsigned char)label[n / 2] * 7u +
		     (unsigned char)label[n - 1]) %
		    SEEN_SLOTS;
		if (seen[h].n == n && memcmp(seen[h].s, label, n) == 0)
			return seen[h].key;
	}
	/* The label as given first: data files repeat theirs exactly, and
	 * cleaning costs more than the lookup. */
	hit = hmap_get(memo, label, n);
	if (hit != NULL) {
		key = hit == &unmapped ? NULL : hit;
		if (n > 0 && n < SEEN_LEN) {
			seen[h].n = (unsigned char)n;
			memcpy(seen[h].s, label, n);
			seen[h].key = key;
		}
		return key;
	}
	clean_label(label, n, &clean);
	if (clean.len == 0)
		return NULL;
	/* a label already clean (most that the text mode offers): one
	 * look-up and one entry, not two of each, 688.2M to 685.3M
	 * instructions per MB of report text */
	bool same = clean.len == n && memcmp(clean.s, label, n) == 0;
	hit = same ? NULL : hmap_get(memo, clean.s, clean.len);
	if (hit != NULL) {
		if (hmap_count(memo) < MEMO_MAX)
			*hmap_put(memo, label, n) = hit;
		return hit == &unmapped ? NULL : hit;
	}
	size_t agree, row;
	if (!may_map(clean.s, clean.len, false, &agree))
		goto found;
	if (exact_row(clean.s, clean.len, &row)) {
		key = row < nrules ? rules[row].key : NULL;
		goto found;
	}
	if (any != NULL) {
		re_caps caps;
		int r = re_match(any, clean.s, clean.len, 0, &caps);
		const char *mk = r == RE_MATCH ? caps.mark : NULL;
		char *end;
		unsigned long i = mk ? strtoul(mk, &end, 10) : 0;
		if (r == RE_NOMATCH)
			goto found;
		if (mk && *mk && !*end && i < nrules) {
			key = rules[i].key;
			goto found;
		}
		/* a limit: the rows one by one say which gave up */
	}
	for (size_t i = 0; i < nrules && key == NULL; i++) {
		int r = re_match(row_re(i), clean.s, clean.len, 0, NULL);

		if (r == RE_MATCH)
			key = rules[i].key;
		else if (r == RE_LIMIT)
			cs_warn_at(at_file, at_line,
			           "taxonomy pattern %zu gave up on \"%s\"",
			           i + 1, clean.s);
	}
found:
	if (hmap_count(memo) < MEMO_MAX) {
		*hmap_put(memo, clean.s, clean.len) =
		    key ? (void *)key : &unmapped;
		if (!same)
			*hmap_put(memo, label, n) =
			    key ? (void *)key : &unmapped;
	}
	return key;
}

bool
tax_map_check(const char *label, size_t n, size_t *row, size_t *want)
{
	static sbuf c;
	clean_label(label, n, &c);
	if (c.len == 0 || !exact_row(c.s, c.len, row))
		return false;
	/* the first row whose regex matches: `any`'s mark, or each row's */
	re_caps caps;
	int r = any ? re_match(any, c.s, c.len, 0, &caps) : RE_LIMIT;
	*want = nrules;
	if (r == RE_MATCH && caps.mark != NULL)
		*want = strtoul(caps.mark, NULL, 10);
	else if (r != RE_NOMATCH)
		for (size_t i = 0; i < nrules && *want == nrules; i++)
			if (re_match(row_re(i), c.s, c.len, 0, NULL) ==
			    RE_MATCH)
				*want = i;
	return true;
}

bool
tax_may_map(const char *label, size_t n)
{
	size_t agree;
	return may_map(label, n, false, &agree);
}

bool
tax_may_begin(const char *s, size_t n)
{
	/* what clean_label makes of s, or of a prefix of s, begins as s
	 * does up to the first byte not kept */
	size_t agree;
	return may_map(s, n, true, &agree);
}

size_t
tax_may_agree(const char *s, size_t n)
{
	size_t agree;
	return may_map(s, n, true, &agree) ? (size_t)-1 : agree;
}

const char *
tax_parent(const char *key)
{
	const char *p = key ? hmap_get(parents, key, strlen(key)) : NULL;

	return p ? p : "";
}
