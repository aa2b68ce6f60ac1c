/* rules.c - recogniser tables (see rules.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "mem.h"
#include "num.h"
#include "re.h"
#include "rules.h"
#include "text.h"

/* What a text must hold for a rule to match (kind "need", rules.h). */
typedef struct {
	bool set;
	bool digit; /* d: a character \d may match */
	bool after; /* a: each word right after such a character */
	bool whole; /* w: each word with no ASCII letter, digit or '_' on
	             * either side, as \b would have it */
	char **w;   /* any one of these, NULL-terminated; NULL for none */
	size_t nw;
} need;

/* What every match ends with (kind "end", rules.h), or with head set
 * what every match starts with (kind "start"): the words read from
 * their first byte on instead of their last back. */
typedef struct {
	/* one of these, lower-cased ASCII, NULL-terminated; NULL: no end
	 * row */
	char **w;
	size_t nw;
	size_t *len;   /* strlen of each */
	bool strip;    /* s: spaces, "(.#:" and digits at the end set aside */
	bool head;     /* a start row: the trie from the words' first bytes */
	bool whole;    /* ... w: no ASCII letter, digit or '_' before one */
	long line;     /* of the row */
	size_t maxlen; /* of the longest word */
	/* the words as a trie, read from their last byte back (a start
	 * row: from their first on): node 0 the root, next[node * ncls +
	 * cls[b]] the node after byte b, 0 none; fin[node] set where a
	 * word ends.  cls: 256 of them, 0 for a byte no word holds, one
	 * class for both cases of a letter.  All kept apart: a rule struct
	 * for each row of a table. */
	unsigned char *cls, *fin;
	unsigned short *next;
	size_t ncls;
	/* a start row (or an after row): the trie as starts_at walks it,
	 * hop[off + hcls[b]] the offset (node * (ncls + 1)) of the node
	 * after byte b, HOP_FIN set where a word ends, 0 none; hcls is cls
	 * with every byte from 0x80 in a class of its own, whose move is
	 * HOP_FIN from every node (a non-ASCII byte met leaves the answer
	 * to PCRE2) */
	uint32_t *hop;
	unsigned char *hcls;
	/* a start row: by byte, START_FIRST for the first byte of a word,
	 * both cases, and those of a long s and a Kelvin sign (starts_at);
	 * with flag w, START_WORD for an ASCII letter, digit and '_' */
	unsigned char *scan;
} ends;

/* What every match of an anchored rule starts with (kind "after",
 * rules.h). */
typedef struct {
	/* one of these, lower-cased ASCII, none the start of another,
	 * NULL-terminated; NULL: no after row */
	char **w;
	size_t nw;
	long line;  /* of the row */
	int spaces; /* a count k: a word follows one of the first k spaces */
	/* the words as a start row's trie, from their first bytes on
	 * (after_at); its words are w, not its own */
	ends trie;
} afters;

enum { START_FIRST = 1, START_WORD = 2 }; /* ends.scan */
#define HOP_FIN 0x80000000u               /* ends.hop */

typedef struct {
	char *name;
	cs_re *re;
	long line;
	need need;
	ends end;
	ends lead;  /* kind "lead": the words before a match's first digit */
	ends leadd; /* ... and those ending in it ("+4") */
	/* an anchored pattern's first bytes (re_first_bytes), a bit a byte;
	 * firstsp: those after the white space it starts with
	 * (re_first_bytes_past_space) */
	bool first, firstsp;
	unsigned char firstset[32];
	size_t near; /* kind "near": a match starts this close before a \d */
	/* near flag w: ... before a need word instead, and the first
	 * bytes of those words, both cases, a bit a byte */
	bool nearw;
	unsigned char wfirst[32];
	/* anchored, with first bytes and need words: a match holds one of
	 * them after its start (first_ok); wfold: one holds an s or k */
	bool firstw, wfold;
	char wone;   /* the first byte of every need word, or NUL */
	size_t wpre; /* ... and how many bytes they all start with */
	char *pat;   /* as compiled, for the recompile a "near" row asks */
	char *flags;
	afters after; /* kind "after": the words every match starts with */
	ends start;   /* kind "start": the words every match starts with */
} rule;

typedef struct {
	int rule;
	bool yes;
	char *text;
	long line;
} example;

/* The rules of the need words ending at a state of needix, a bit each:
 * those that count wherever they are found (no flag a or w) and the
 * others. */
typedef struct {
	uint64_t plain, cond;
} needout;

/* Every need word of the first 64 rules, for one scan of a text
 * (needs_scan): an Aho-Corasick automaton over them, as a table of
 * next states by state and byte class. */
typedef struct {
	const char **w;
	size_t *len;
	unsigned char *rule;
	size_t n;
	uint64_t whole; /* the rules whose need has flag w */
	uint64_t digit; /* ... flag d */
	uint64_t after; /* ... flag a */
	uint64_t met;   /* ... without words, or without a need */
	/* ... with a word holding an "s" or "k", which caseless match a
	 * long s and a Kelvin sign: met by a text holding one (the
	 * index's last two words, of rule FOLD_RULE) */
	uint64_t fold;
	unsigned char cls[256]; /* a byte's class: 0 for a byte no word holds */
	size_t ncls;
	size_t maxlen; /* of the longest word */
	/* next[s + cls] for state s (a multiple of ncls, the start 0):
	 * the state after that byte, NEED_OUT set when a word ends
	 * there */
	uint32_t *next;
	/* the words ending at state s / ncls, own and by suffix:
	 * outw[outfrom[k]] .. outw[outfrom[k + 1] - 1] */
	uint32_t *outfrom, *outw;
	needout *out; /* by state */
	/* 2^32 / ncls, rounded up: (offset * recip) >> 32 is offset / ncls
	 * for every offset of a state (a multiple of ncls, below 2^31) */
	uint64_t recip;
} needix;

#define NEED_OUT 0x80000000u
#define FOLD_RULE 64 /* needix.rule of the words "ſ" and "K" */

struct cs_ruleset {
	char *path;
	rule *rules;
	size_t nrules;
	example *ex;
	size_t nex;
	needix nx;
};

static void parse_need(need *nd, const char *flags, const char *text,
                       const cs_table *vocab, const char *path, long line);
static void index_ends(ends *e, const char *kind, const char *text,
                       const cs_table *vocab, const char *path, long line);
static void index_lead(rule *rl, const char *text, const cs_table *vocab,
                       const char *path, long line);
static void parse_end(rule *rl, const char *flags, const char *text,
                      const cs_table *vocab, const char *path, long line);
static void parse_start(rule *rl, const char *flags, const char *text,
                        const cs_table *vocab, const char *path, long line);
static void index_needs(cs_ruleset *rs);
static void parse_after(afters *st, const char *flags, const char *text,
                        const cs_table *vocab, const char *path, long line);
/* The alternations add_alternation wrote for one vocabulary, kept for
 * the next {{kind}} of the same table: rules-crime-sentence.tsv names
 * {{up}} and {{down}} in a dozen rows each. */
#define ALTS_MAX 32
typedef struct {
	size_t n;
	struct {
		char *kind, *text;
	} e[ALTS_MAX];
} alts;
static void alts_clear(alts *a);
static void expand(sbuf *out, const char *pat, const cs_table *vocab,
                   alts *done, const char *path, long line);
static void add_alternation(sbuf *out, const cs_table *vocab, const char *kind,
                            size_t kn, const char *path, long line);

cs_ruleset *
rules_load(const char *name, const cs_table *vocab)
{
	cs_table *t = ref_load(name);
	int ckind = ref_need(t, "kind"), cname = ref_need(t, "name");
	int cflags = ref_need(t, "flags"), ctext = ref_need(t, "text");
	cs_ruleset *rs = xcalloc(1, sizeof *rs);
	cs_table *own = NULL;
	sbuf pat = { 0 };
	char what[64];
	alts done = { 0 };

	rs->path = xstrdup(t->path);
	rs->rules = xcalloc(t->nrows ? t->nrows : 1, sizeof *rs->rules);
	rs->ex = xcalloc(t->nrows ? t->nrows : 1, sizeof *rs->ex);
	for (size_t i = 0; i < t->nrows; i++) {
		const char *kind = ref_get(t, i, (size_t)ckind);
		const char *rname = ref_get(t, i, (size_t)cname);
		const char *text = ref_get(t, i, (size_t)ctext);
		long line = t->lineno[i];
		/* a row names the rule above it, mostly: asked first, as
		 * rules_find from the start cost 0.17M instructions a run
		 * more (the names are unique: "defined twice" below) */
		int r = rs->nrules > 0 && strcmp(rs->rules[rs->nrules - 1].name,
		                                 rname) == 0
		            ? (int)rs->nrules - 1
		            : rules_find(rs, rname);

		if (strcmp(kind, "vocab") == 0) {
			alts_clear(&done); /* of the table freed here */
			ref_free(own);
			own = ref_load(text);
			vocab = own;
		} else if (strcmp(kind, "rule") == 0) {
			if (r >= 0)
				cs_die_at(CS_EXIT_DATA, rs->path, line,
				          "rule '%s' defined twice", rname);
			sbuf_clear(&pat);
			expand(&pat, text, vocab, &done, rs->path, line);
			rs->rules[rs->nrules].name = xstrdup(rname);
			rs->rules[rs->nrules].line = line;
			/* compiled after the table is read: a "near" row
			 * below changes how */
			rs->rules[rs->nrules].pat = xstrdup(sbuf_str(&pat));
			rs->rules[rs->nrules].flags =
			    xstrdup(ref_get(t, i, (size_t)cflags));
			rs->nrules++;
		} else if (strcmp(kind, "near") == 0) {
			long w = 0;

			if (r < 0 || rs->rules[r].near)
				cs_die_at(CS_EXIT_DATA, rs->path, line,
				          "near for rule '%s', which is not "
				          "defined above it or has one already",
				          rname);
			if (!num_long(text, strlen(text), &w) || w < 1 ||
			    w > 200)
				cs_die_at(
				    CS_EXIT_DATA, rs->path, line,
				    "near '%s' is not a byte count from 1 "
				    "to 200",
				    text);
			rs->rules[r].near = (size_t)w;
			{
				const char *nf = ref_get(t, i, (size_t)cflags);
				if (*nf && strcmp(nf, "w") != 0)
					cs_die_at(CS_EXIT_DATA, rs->path, line,
					          "near flag '%s' is not w",
					          nf);
				rs->rules[r].nearw = *nf == 'w';
			}
		} else if (strcmp(kind, "end") == 0) {
			if (r < 0 || rs->rules[r].end.w != NULL)
				cs_die_at(CS_EXIT_DATA, rs->path, line,
				          "end for rule '%s', which is not "
				          "defined above it or has one already",
				          rname);
			parse_end(&rs->rules[r], ref_get(t, i, (size_t)cflags),
			          text, vocab, rs->path, line);
		} else if (strcmp(kind, "start") == 0) {
			if (r < 0 || rs->rules[r].start.w != NULL)
				cs_die_at(CS_EXIT_DATA, rs->path, line,
				          "start for rule '%s', which is not "
				          "defined above it or has one already",
				          rname);
			parse_start(&rs->rules[r],
			            ref_get(t, i, (size_t)cflags), text, vocab,
			            rs->path, line);
		} else if (strcmp(kind, "lead") == 0) {
			if (r < 0 || rs->rules[r].lead.w != NULL)
				cs_die_at(CS_EXIT_DATA, rs->path, line,
				          "lead for rule '%s', which is not "
				          "defined above it or has one already",
				          rname);
			/* flag n: nothing set aside, the word right
			 * before the digit ("EN1") */
			const char *lf = ref_get(t, i, (size_t)cflags);
			if (*lf && strcmp(lf, "n") != 0)
				cs_die_at(CS_EXIT_DATA, rs->path, line,
				          "lead flag '%s' is not n", lf);
			rs->rules[r].lead.strip = *lf == '\0';
			rs->rules[r].lead.line = line;
			index_lead(&rs->rules[r], text, vocab, rs->path, line);
		} else if (strcmp(kind, "need") == 0) {
			if (r < 0)
				cs_die_at(CS_EXIT_DATA, rs->path, line,
				          "need for rule '%s', which is not "
				          "defined above it",
				          rname);
			if (rs->rules[r].need.set)
				cs_die_at(CS_EXIT_DATA, rs->path, line,
				          "rule '%s' has a need already",
				          rname);
			parse_need(&rs->rules[r].need,
			           ref_get(t, i, (size_t)cflags), text, vocab,
			           rs->path, line);
		} else if (strcmp(kind, "after") == 0) {
			if (r < 0 || rs->rules[r].after.w != NULL)
				cs_die_at(CS_EXIT_DATA, rs->path, line,
				          "after for rule '%s', which is not "
				          "defined above it or has one already",
				          rname);
			parse_after(&rs->rules[r].after,
			            ref_get(t, i, (size_t)cflags), text, vocab,
			            rs->path, line);
		} else if (strcmp(kind, "yes") == 0 ||
		           strcmp(kind, "no") == 0) {
			if (r < 0)
				cs_die_at(CS_EXIT_DATA, rs->path, line,
				          "example for rule '%s', which is not "
				          "defined above it",
				          rname);
			rs->ex[rs->nex].rule = r;
			rs->ex[rs->nex].yes = kind[0] == 'y';
			rs->ex[rs->nex].text = xstrdup(text);
			rs->ex[rs->nex].line = line;
			rs->nex++;
		} else {
			cs_die_at(CS_EXIT_DATA, rs->path, line,
			          "kind '%s' is not vocab, rule, need, near, "
			          "end, lead, start, after, yes or no",
			          kind);
		}
	}
	for (size_t r = 0; r < rs->nrules; r++) {
		rule *rl = &rs->rules[r];
		unsigned char sp[32];

		snprintf(what, sizeof what, "%.40s:%ld",
		         strrchr(rs->path, '/') ? strrchr(rs->path, '/') + 1
		                                : rs->path,
		         rl->line);
		if (rl->nearw && (rl->need.w == NULL || rl->need.after))
			cs_die_at(CS_EXIT_DATA, rs->path, rl->line,
			          "rule '%s' has near flag w and no need words "
			          "(or flag a)",
			          rl->name);
		/* need words' first bytes, both cases (next_anchor) */
		for (size_t j = 0; j < rl->need.nw; j++) {
			unsigned char c = (unsigned char)rl->need.w[j][0];
			unsigned char u = c >= 'a' && c <= 'z' ? c - 32 : c;

			rl->wfirst[c >> 3] |= (unsigned char)(1u << (c & 7));
			rl->wfirst[u >> 3] |= (unsigned char)(1u << (u & 7));
		}
		if (rl->start.w != NULL && rl->near)
			cs_die_at(CS_EXIT_DATA, rs->path, rl->start.line,
			          "start for rule '%s', which has a near row",
			          rl->name);
		if (rl->lead.w != NULL && !rl->near)
			cs_die_at(CS_EXIT_DATA, rs->path, rl->lead.line,
			          "lead for rule '%s', which has no near row",
			          rl->name);
		sbuf_clear(&pat);
		sbuf_adds(&pat, rl->flags);
		if (rl->near || rl->start.w != NULL)
			sbuf_addc(&pat, 'o'); /* re_match_upto may bound it */
		rl->re = re_compile(rl->pat, sbuf_str(&pat), what);
		if (rl->after.w != NULL && !re_anchored(rl->re))
			cs_die_at(CS_EXIT_DATA, rs->path, rl->after.line,
			          "after for rule '%s', whose pattern is not "
			          "anchored (\\G, ^)",
			          rl->name);
		rl->first = re_first_bytes(rl->re, rl->pat, rl->firstset);
		if (rl->first &&
		    re_first_bytes_past_space(rl->re, rl->pat, sp)) {
			memcpy(rl->firstset, sp, sizeof sp);
			rl->firstsp = true;
		}
		rl->firstw = rl->first && rl->need.w != NULL;
		for (size_t j = 0; rl->firstw && j < rl->need.nw; j++) {
			rl->wfold |= strpbrk(rl->need.w[j], "sk") != NULL;
			rl->wone = j == 0 || rl->wone == rl->need.w[j][0]
			               ? rl->need.w[j][0]
			               : '\0';
		}
		/* words of many first bytes would be looked for at every
		 * byte of the rest of the text, after every figure: not_change
		 * with "above |below |than " read 264.0M to 276.0M */
		rl->firstw = rl->firstw && rl->wone != '\0';
		if (rl->wone != '\0') {
			const char *w0 = rl->need.w[0];

			rl->wpre = strlen(w0);
			for (size_t j = 1; j < rl->need.nw; j++) {
				size_t k = 0;

				while (k < rl->wpre &&
				       rl->need.w[j][k] == w0[k])
					k++;
				rl->wpre = k;
			}
		}
	}
	sbuf_free(&pat);
	alts_clear(&done);
	ref_free(own);
	ref_free(t);
	index_needs(rs);
	return rs;
}

/* Add a word, lower-cased (ASCII), to the NULL-terminated list *w. */
static void
add_word(char ***w, size_t *nw, size_t *cap, const char *s, size_t n)
{
	char *c = xstrndup(s, n);

	text_ascii_lower(c, n);
	*w = xgrow(*w, cap, *nw + 2, sizeof **w);
	(*w)[(*nw)++] = c;
	(*w)[*nw] = NULL;
}

/* The words of a need or end row, "st |nd |rd |th |", into *w; a word
 * holding "{{kind}}" is one word for each word of that kind in vocab,
 * the rest of the word around it ("{{qualifier}} " is "over ", "about
 * ", ...), so a rule matching {{qualifier}} needs the same words the
 * pattern has. */
static void
parse_words(char ***w, size_t *nw, const char *text, const cs_table *vocab,
            const char *path, long line)
{
	size_t cap = 0;
	sbuf word = { 0 };

	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "|");
		const char *open = NULL, *close = NULL;

		for (size_t i = 0; i + 1 < n && open == NULL; i++)
			if (p[i] == '{' && p[i + 1] == '{')
				open = p + i;
		for (const char *q = open ? open + 2 : NULL;
		     q != NULL && q + 1 < p + n && close == NULL; q++)
			if (q[0] == '}' && q[1] == '}')
				close = q;
		if (close != NULL && close > open + 2) {
			size_t kn = (size_t)(close - open - 2), before = *nw;
			int cw, ck;

			if (vocab == NULL)
				cs_die_at(CS_EXIT_DATA, path, line,
				          "{{%.*s}} needs a vocabulary, and "
				          "none was given",
				          (int)kn, open + 2);
			cw = ref_need(vocab, "word");
			ck = ref_need(vocab, "kind");
			for (size_t i = 0; i < vocab->nrows; i++) {
				const char *k = ref_get(vocab, i, (size_t)ck);

				if (strlen(k) != kn ||
				    memcmp(k, open + 2, kn) != 0)
					continue;
				sbuf_clear(&word);
				sbuf_add(&word, p, (size_t)(open - p));
				sbuf_adds(&word, ref_get(vocab, i, (size_t)cw));
				sbuf_add(&word, close + 2,
				         (size_t)(p + n - close - 2));
				add_word(w, nw, &cap, word.s, word.len);
			}
			if (*nw == before)
				cs_die_at(
				    CS_EXIT_DATA, path, line,
				    "{{%.*s}}: no word of that kind in %s",
				    (int)kn, open + 2, vocab->path);
		} else if (n > 0) {
			add_word(w, nw, &cap, p, n);
		}
		p += n;
		if (*p == '|')
			p++;
	}
	sbuf_free(&word);
}

/* "st |nd |rd |th |" with flags "da" into nd. */
static void
parse_need(need *nd, const char *flags, const char *text, const cs_table *vocab,
           const char *path, long line)
{
	for (const char *f = flags; *f; f++) {
		if (*f == 'd')
			nd->digit = true;
		else if (*f == 'a')
			nd->after = true;
		else if (*f == 'w')
			nd->whole = true;
		else
			cs_die_at(CS_EXIT_DATA, path, line,
			          "need flag '%c' is not d, a or w", *f);
	}
	parse_words(&nd->w, &nd->nw, text, vocab, path, line);
	if (nd->nw == 0 && (nd->after || !nd->digit))
		cs_die_at(CS_EXIT_DATA, path, line,
		          "need without words (flag d alone needs none)");
	nd->set = true;
}

static unsigned char
ascii_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Is c one of the bytes set aside at the end (an end row's flag s, a
 * lead row): "fell by (", "a reduction4 ", "page #", "no. "? */
static bool
end_strips(char c)
{
	return c == ' ' || c == '(' || c == '.' || c == '#' || c == ':' ||
	       (c >= '0' && c <= '9');
}

/* "stood |was | at " with flags "s" into rl->end.  The words are
 * compared as ASCII bytes (ends_ok), so each must be ASCII; with flag s
 * each ends in a byte not set aside, or the compare could not find it;
 * and the pattern must end in $, or its matches need not end where the
 * text does. */
static void
parse_end(rule *rl, const char *flags, const char *text, const cs_table *vocab,
          const char *path, long line)
{
	ends *e = &rl->end;
	size_t pn = strlen(rl->pat);

	for (const char *f = flags; *f; f++) {
		if (*f == 's')
			e->strip = true;
		else
			cs_die_at(CS_EXIT_DATA, path, line,
			          "end flag '%c' is not s", *f);
	}
	if (pn == 0 || rl->pat[pn - 1] != '$' ||
	    (pn > 1 && rl->pat[pn - 2] == '\\') || strchr(rl->flags, 'm'))
		cs_die_at(CS_EXIT_DATA, path, line,
		          "end for rule '%s', whose pattern does not end in $",
		          rl->name);
	e->line = line;
	index_ends(e, "end", text, vocab, path, line);
}

/* "{{up}}|{{down}}|, at" into rl->start.  The words are compared as
 * ASCII bytes (starts_at), so each must be ASCII; and a pattern holding
 * \G matches at its start offset, which the windowed call moves. */
static void
parse_start(rule *rl, const char *flags, const char *text,
            const cs_table *vocab, const char *path, long line)
{
	if (*flags && strcmp(flags, "w") != 0)
		cs_die_at(CS_EXIT_DATA, path, line, "start flag '%s' is not w",
		          flags);
	rl->start.whole = *flags == 'w';
	if (strstr(rl->pat, "\\G") != NULL)
		cs_die_at(CS_EXIT_DATA, path, line,
		          "start for rule '%s', whose pattern holds \\G",
		          rl->name);
	rl->start.head = true;
	rl->start.line = line;
	index_ends(&rl->start, "start", text, vocab, path, line);
}

/* A start row's words, from their first bytes on, into e->hop (ends),
 * max the most nodes they can make: a move is the next node's offset,
 * not its number, and carries whether a word ends there, so starts_at
 * takes a byte in one look-up, no multiply and no look at fin, and no
 * test of the byte for the high bit (start_next and after_ok, 148.7M
 * to 148.2M instructions on the 1 MB slice). */
static void
index_hops(ends *e, size_t max)
{
	size_t hn = e->ncls + 1, nodes = 1;

	/* max * hn is below 65536 * 130, far from HOP_FIN: the words are
	 * ASCII, so ncls is at most 129 */
	e->hcls = xcalloc(256, 1);
	memcpy(e->hcls, e->cls, 128);
	memset(e->hcls + 128, (int)e->ncls, 128);
	e->hop = xcalloc(max * hn, sizeof *e->hop);
	e->hop[e->ncls] = HOP_FIN;
	for (size_t i = 0; i < e->nw; i++) {
		uint32_t off = 0, *to = NULL;

		for (size_t j = 0; j < e->len[i]; j++) {
			to = &e->hop[off + e->cls[(unsigned char)e->w[i][j]]];
			if (*to == 0) {
				*to = (uint32_t)(nodes++ * hn);
				e->hop[*to + e->ncls] = HOP_FIN;
			}
			off = *to & ~HOP_FIN;
		}
		if (to != NULL) /* no word is empty (parse_words) */
			*to |= HOP_FIN;
	}
}

/* e's words into its trie (ends), each from its last byte back, or
 * from its first on in a start row (index_hops). */
static void
index_trie(ends *e, const char *path, long line)
{
	size_t nodes = 1, max = 1;

	e->cls = xcalloc(256, 1);
	for (size_t i = 0; i < e->nw; i++)
		for (const char *c = e->w[i]; *c; c++) {
			unsigned char b = (unsigned char)*c;

			if (e->cls[b] == 0) {
				e->cls[b] = (unsigned char)++e->ncls;
				/* words are lower-cased: the text's capital
				 * is the same class */
				if (b >= 'a' && b <= 'z')
					e->cls[b - 32] = e->cls[b];
			}
			max++;
		}
	e->ncls++; /* and class 0 */
	if (max > 65535)
		cs_die_at(CS_EXIT_DATA, path, line,
		          "words of more than 65535 bytes in all");
	if (e->head) {
		index_hops(e, max);
		return;
	}
	e->next = xcalloc(max * e->ncls, sizeof *e->next);
	e->fin = xcalloc(max, 1);
	for (size_t i = 0; i < e->nw; i++) {
		size_t node = 0, n = e->len[i];

		for (size_t j = 0; j < n; j++) {
			unsigned char b = (unsigned char)e->w[i][n - 1 - j];
			unsigned short *to =
			    &e->next[node * e->ncls + e->cls[b]];

			if (*to == 0)
				*to = (unsigned short)nodes++;
			node = *to;
		}
		e->fin[node] = 1;
	}
}

/* The words of an end, start or lead row into e, with their trie. */
static void
index_ends(ends *e, const char *kind, const char *text, const cs_table *vocab,
           const char *path, long line)
{
	parse_words(&e->w, &e->nw, text, vocab, path, line);
	if (e->nw == 0)
		cs_die_at(CS_EXIT_DATA, path, line, "%s without words", kind);
	if (e->nw > 10000)
		cs_die_at(CS_EXIT_DATA, path, line,
		          "%s with %zu words, more than 10000", kind, e->nw);
	e->len = xcalloc(e->nw, sizeof *e->len);
	if (e->head) {
		e->scan = xcalloc(256, 1);
		/* the lead bytes of a long s and a Kelvin sign (starts_at) */
		e->scan[0xC5] = e->scan[0xE2] = START_FIRST;
		for (unsigned b = 0; e->whole && b < 128; b++)
			if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') ||
			    (b >= '0' && b <= '9') || b == '_')
				e->scan[b] |= START_WORD;
	}
	for (size_t i = 0; i < e->nw; i++) {
		e->len[i] = strlen(e->w[i]);
		if (e->len[i] > e->maxlen)
			e->maxlen = e->len[i];
		if (e->len[i] > 64)
			cs_die_at(CS_EXIT_DATA, path, line,
			          "%s word '%s' longer than 64 bytes", kind,
			          e->w[i]);
		for (const char *c = e->w[i]; *c; c++)
			if ((unsigned char)*c >= 0x80)
				cs_die_at(CS_EXIT_DATA, path, line,
				          "%s word '%s' is not ASCII", kind,
				          e->w[i]);
		if (e->head) {
			unsigned char c = (unsigned char)e->w[i][0];
			unsigned char u = c >= 'a' && c <= 'z' ? c - 32 : c;

			e->scan[c] |= START_FIRST;
			e->scan[u] |= START_FIRST;
		}
		if (e->strip && end_strips(e->w[i][e->len[i] - 1]))
			cs_die_at(CS_EXIT_DATA, path, line,
			          "%s word '%s' ends in a byte set aside", kind,
			          e->w[i]);
	}
	index_trie(e, path, line);
}

/* A lead row's words into rl->lead, and those ending in a digit
 * ("0", "+4", "call1") into rl->leadd: that digit is the match's first,
 * the rest of the word the text before it. */
static void
index_lead(rule *rl, const char *text, const cs_table *vocab, const char *path,
           long line)
{
	char **w = NULL;
	size_t nw = 0;
	sbuf plain = { 0 }, dig = { 0 };

	parse_words(&w, &nw, text, vocab, path, line);
	for (size_t i = 0; i < nw; i++) {
		size_t len = strlen(w[i]);
		sbuf *to = len && w[i][len - 1] >= '0' && w[i][len - 1] <= '9'
		               ? &dig
		               : &plain;

		if (to->len)
			sbuf_addc(to, '|');
		sbuf_adds(to, w[i]);
		free(w[i]);
	}
	free(w);
	rl->leadd.line = line; /* its digit is compared, not set aside */
	if (plain.len)
		index_ends(&rl->lead, "lead", plain.s, NULL, path, line);
	if (dig.len)
		index_ends(&rl->leadd, "lead", dig.s, NULL, path, line);
	if (rl->lead.w == NULL && rl->leadd.w == NULL)
		cs_die_at(CS_EXIT_DATA, path, line, "lead without words");
	/* the byte before a word's digit cannot be one set aside: it
	 * would be set aside before the compare */
	for (size_t i = 0; i < rl->leadd.nw; i++) {
		size_t len = rl->leadd.len[i];

		if (rl->lead.strip && len > 1 &&
		    end_strips(rl->leadd.w[i][len - 2]))
			cs_die_at(CS_EXIT_DATA, path, line,
			          "lead word '%s' has a byte set aside before "
			          "its digit",
			          rl->leadd.w[i]);
	}
	sbuf_free(&plain);
	sbuf_free(&dig);
}

/* " above | below |{{up}}" into st: the words, without those another
 * starts ("rise" goes with "rises"), by bucket. */
static void
parse_after(afters *st, const char *flags, const char *text,
            const cs_table *vocab, const char *path, long line)
{
	size_t k = 0;

	if (*flags && !(flags[0] >= '1' && flags[0] <= '9' && !flags[1]))
		cs_die_at(CS_EXIT_DATA, path, line,
		          "after flag '%s' is not a count from 1 to 9", flags);
	st->spaces = *flags ? flags[0] - '0' : 0;
	st->line = line;
	parse_words(&st->w, &st->nw, text, vocab, path, line);
	if (st->nw == 0)
		cs_die_at(CS_EXIT_DATA, path, line, "after without words");
	if (st->nw > 10000)
		cs_die_at(CS_EXIT_DATA, path, line,
		          "after with %zu words, more than 10000", st->nw);
	for (size_t i = 0; i < st->nw; i++)
		for (const char *c = st->w[i]; *c; c++)
			if ((unsigned char)*c >= 0x80)
				cs_die_at(CS_EXIT_DATA, path, line,
				          "after word '%s' is not ASCII",
				          st->w[i]);
	/* a word another word starts is met whenever that one is */
	bool *drop = xcalloc(st->nw, sizeof *drop);
	for (size_t i = 0; i < st->nw; i++) {
		size_t li = strlen(st->w[i]);

		for (size_t j = 0; j < st->nw && !drop[i]; j++) {
			if (j == i || st->w[j][0] != st->w[i][0])
				continue;
			size_t lj = strlen(st->w[j]);
			drop[i] = (lj < li || (lj == li && j < i)) &&
			          strncmp(st->w[j], st->w[i], lj) == 0;
		}
	}
	for (size_t i = 0; i < st->nw; i++) {
		if (drop[i])
			free(st->w[i]);
		else
			st->w[k++] = st->w[i];
	}
	free(drop);
	st->nw = k;
	st->w[k] = NULL;
	/* the trie of a start row (index_trie), whose walk (starts_at)
	 * parts from most texts at their first byte or two, where a hash
	 * of the text's first three bytes and a compare of each word of
	 * that hash cost more: after_ok 3.8M to 2.3M instructions, 151.3M
	 * to 149.4M in all on the 1 MB slice */
	st->trie.head = true;
	st->trie.w = st->w;
	st->trie.nw = st->nw;
	st->trie.len = xcalloc(st->nw, sizeof *st->trie.len);
	for (size_t i = 0; i < st->nw; i++)
		st->trie.len[i] = strlen(st->w[i]);
	index_trie(&st->trie, path, line);
	st->trie.w = NULL; /* st->w's, freed with it */
	st->trie.nw = 0;
}

static void
alts_clear(alts *a)
{
	for (size_t i = 0; i < a->n; i++) {
		free(a->e[i].kind);
		free(a->e[i].text);
	}
	a->n = 0;
}

/* Copy pat to out, replacing each {{kind}} by the vocabulary's words;
 * done holds the alternations written before for vocab (none after a
 * vocab row, which clears it): 0.3M instructions a run. */
static void
expand(sbuf *out, const char *pat, const cs_table *vocab, alts *done,
       const char *path, long line)
{
	const char *p = pat, *open;

	while ((open = strstr(p, "{{")) != NULL) {
		const char *close = strstr(open + 2, "}}");
		size_t kn, i = 0, at;

		if (close == NULL)
			break;
		kn = (size_t)(close - open - 2);
		sbuf_add(out, p, (size_t)(open - p));
		p = close + 2;
		while (i < done->n &&
		       !(strlen(done->e[i].kind) == kn &&
		         memcmp(done->e[i].kind, open + 2, kn) == 0))
			i++;
		if (i < done->n) {
			sbuf_adds(out, done->e[i].text);
			continue;
		}
		at = out->len;
		add_alternation(out, vocab, open + 2, kn, path, line);
		if (done->n < ALTS_MAX) {
			done->e[done->n].kind = xstrndup(open + 2, kn);
			done->e[done->n].text =
			    xstrndup(out->s + at, out->len - at);
			done->n++;
		}
	}
	sbuf_adds(out, p);
}

static int
longer_first(const void *a, const void *b)
{
	size_t la = strlen(*(const char *const *)a);
	size_t lb = strlen(*(const char *const *)b);

	if (la != lb)
		return la < lb ? 1 : -1;
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Bytes of a word as a literal of the pattern. */
static void
add_literal(sbuf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (strchr("\\^$.|?*+()[]{}# ", s[i]) != NULL)
			sbuf_addc(out, '\\');
		sbuf_addc(out, s[i]);
	}
}

/* Does a word before w[i] have w[i]'s byte k? */
static bool
seen_before(const char **w, size_t i, size_t k)
{
	for (size_t j = 0; j < i; j++)
		if (w[j][k] == w[i][k])
			return true;
	return false;
}

/* The words w[0..nw), which share their first d bytes, longest first, as
 * an alternation with their shared starts written once from byte d on:
 * "increasing|increased|increases|increase" is
 * "increas(?:ing|e(?:d|s|))".  It matches what the plain alternation
 * does, and first where it does: two words can both match at one place
 * only if one starts the other (no word has a capital or a byte past
 * ASCII, so two different bytes never match one character, with flag i
 * or without), and a word is tried after every longer word it starts,
 * as in the plain one, since the branch of a word that ends at a node
 * comes last.  Shorter patterns cost less to compile and JIT-compile,
 * about 470 and 1,300 instructions a byte.  tmp holds nw pointers;
 * bare: the words are the whole of a group already open. */
static void
add_words(sbuf *out, const char **w, const char **tmp, size_t nw, size_t d,
          bool bare)
{
	size_t k = d, nalt = 0;
	bool stop = false;

	/* the bytes every word shares past d */
	for (;; k++) {
		size_t i = 1;

		if (w[0][k] == '\0')
			break;
		while (i < nw && w[i][k] == w[0][k])
			i++;
		if (i < nw)
			break;
	}
	add_literal(out, w[0] + d, k - d);
	/* the words that go on past k, by their next byte, each group where
	 * its first word was; then the empty branch of a word ending at k */
	for (size_t i = 0; i < nw; i++)
		if (w[i][k] == '\0')
			stop = true;
		else
			nalt += !seen_before(w, i, k);
	if (nalt == 0)
		return;
	/* no group of its own for the alternation at the start: it is the
	 * whole of add_alternation's "(?:...)" */
	bare = bare && k == d && !stop;
	if (!bare)
		sbuf_adds(out, "(?:");
	nalt = 0;
	for (size_t i = 0; i < nw; i++) {
		size_t ng = 0;

		if (w[i][k] == '\0' || seen_before(w, i, k))
			continue;
		for (size_t j = i; j < nw; j++)
			if (w[j][k] == w[i][k])
				tmp[ng++] = w[j];
		if (nalt++ > 0)
			sbuf_addc(out, '|');
		{
			const char **g = xcalloc(ng, sizeof *g);

			memcpy(g, tmp, ng * sizeof *g);
			add_words(out, g, tmp, ng, k, false);
			free(g);
		}
	}
	if (stop)
		sbuf_addc(out, '|');
	if (!bare)
		sbuf_addc(out, ')');
}

/* "(?:words|word)" for every word of the kind, longest first so that
 * "fell by" is tried before "fell"; each word literal.  Spaces and '#'
 * are escaped too, so the alternation means the same under flag x.
 * Words of ASCII without capitals share their starts (add_words): on
 * the 5.3 MB bench text 548.42M to 545.82M instructions, most of it in
 * the matches (fewer branches tried), 0.4M in compiling. */
static void
add_alternation(sbuf *out, const cs_table *vocab, const char *kind, size_t kn,
                const char *path, long line)
{
	const char **words;
	size_t nw = 0;
	int cw, ck;

	if (vocab == NULL)
		cs_die_at(CS_EXIT_DATA, path, line,
		          "{{%.*s}} needs a vocabulary, and none was given",
		          (int)kn, kind);
	cw = ref_need(vocab, "word");
	ck = ref_need(vocab, "kind");
	words = xcalloc(vocab->nrows + 1, sizeof *words);
	for (size_t i = 0; i < vocab->nrows; i++) {
		const char *k = ref_get(vocab, i, (size_t)ck);

		if (strlen(k) == kn && memcmp(k, kind, kn) == 0)
			words[nw++] = ref_get(vocab, i, (size_t)cw);
	}
	if (nw == 0)
		cs_die_at(CS_EXIT_DATA, path, line,
		          "{{%.*s}}: no word of that kind in %s", (int)kn, kind,
		          vocab->path);
	qsort(words, nw, sizeof *words, longer_first);
	bool lower = true; /* every word ASCII, no capital: add_words */
	for (size_t i = 0; i < nw && lower; i++)
		for (const char *c = words[i]; *c && lower; c++)
			lower = (unsigned char)*c < 0x80 &&
			        !(*c >= 'A' && *c <= 'Z');
	sbuf_adds(out, "(?:");
	if (lower) {
		const char **tmp = xcalloc(nw, sizeof *tmp);

		add_words(out, words, tmp, nw, 0, true);
		free(tmp);
	} else {
		for (size_t i = 0; i < nw; i++) {
			if (i > 0)
				sbuf_addc(out, '|');
			add_literal(out, words[i], strlen(words[i]));
		}
	}
	sbuf_addc(out, ')');
	free(words);
}

static void
free_ends(ends *e)
{
	for (size_t j = 0; j < e->nw; j++)
		free(e->w[j]);
	free(e->w);
	free(e->len);
	free(e->cls);
	free(e->fin);
	free(e->next);
	free(e->scan);
	free(e->hop);
	free(e->hcls);
}

void
rules_free(cs_ruleset *rs)
{
	if (rs == NULL)
		return;
	for (size_t i = 0; i < rs->nrules; i++) {
		free(rs->rules[i].name);
		free(rs->rules[i].pat);
		free(rs->rules[i].flags);
		re_free(rs->rules[i].re);
		for (size_t j = 0; j < rs->rules[i].need.nw; j++)
			free(rs->rules[i].need.w[j]);
		free(rs->rules[i].need.w);
		free_ends(&rs->rules[i].end);
		free_ends(&rs->rules[i].lead);
		free_ends(&rs->rules[i].leadd);
		for (size_t j = 0; j < rs->rules[i].after.nw; j++)
			free(rs->rules[i].after.w[j]);
		free(rs->rules[i].after.w);
		free_ends(&rs->rules[i].after.trie);
		free_ends(&rs->rules[i].start);
	}
	for (size_t i = 0; i < rs->nex; i++)
		free(rs->ex[i].text);
	free(rs->nx.w);
	free(rs->nx.len);
	free(rs->nx.rule);
	free(rs->nx.next);
	free(rs->nx.outfrom);
	free(rs->nx.outw);
	free(rs->nx.out);
	free(rs->rules);
	free(rs->ex);
	free(rs->path);
	free(rs);
}

size_t
rules_count(const cs_ruleset *rs)
{
	return rs->nrules;
}

const char *
rules_name(const cs_ruleset *rs, int r)
{
	return r >= 0 && (size_t)r < rs->nrules ? rs->rules[r].name : NULL;
}

int
rules_find(const cs_ruleset *rs, const char *name)
{
	for (size_t i = 0; i < rs->nrules; i++)
		if (strcmp(rs->rules[i].name, name) == 0)
			return (int)i;
	return -1;
}

int
rules_need(const cs_ruleset *rs, const char *name)
{
	int r = rules_find(rs, name);

	if (r < 0)
		cs_die(CS_EXIT_DATA, "%s: no rule named '%s'", rs->path, name);
	return r;
}

/* Could s[0..n) start a character \d matches?  The patterns are UCP, so
 * besides 0-9 any Unicode decimal digit ("\xd9\xa3"); none lies below
 * U+0660 or in U+2000-2FFF, where a report's other characters are
 * ("\xc2\xa3", "\xe2\x80\x99"). */
#define R16(v) v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v
/* may_digit by first byte: 1 yes, 2 when the next byte is not below
 * 0xA0 (U+0660, from "\xd9\xa0"), 0 no: a look-up, not four tests, for
 * the scan of each byte of a sentence for digits (near_match) */
/* clang-format off */
static const unsigned char digit_lead[256] = {
	R16(0), R16(0), R16(0),				/* 0x00-0x2f */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,	/* 0x30-0x3f */
	R16(0), R16(0), R16(0), R16(0), R16(0), R16(0),	/* 0x40-0x9f */
	R16(0), R16(0), R16(0),				/* 0xa0-0xcf */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 1, 1, 1, 1, 1, 1,	/* 0xd0-0xdf */
	1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,	/* 0xe0-0xef */
	R16(1)						/* 0xf0-0xff */
};
/* clang-format on */
#undef R16

static bool
may_digit(const char *s, size_t n)
{
	unsigned char k = digit_lead[(unsigned char)s[0]];

	return k == 1 || (k == 2 && !(n > 1 && (unsigned char)s[1] < 0xA0));
}

/* The first of s[c..n) that may_digit, or n: lib/text finds the bytes
 * that may start one eight at a time. */
static size_t
next_digit(const char *s, size_t c, size_t n)
{
	while ((c = text_digit_or_lead_next(s, c, n)) < n &&
	       !may_digit(s + c, n - c))
		c++;
	return c;
}

void
rules_digits(cs_rdigits *d, const char *s, size_t from, size_t n)
{
	size_t c = from;

	d->s = s;
	d->n = n;
	d->from = from;
	d->nrun = 0;
	while ((c = next_digit(s, c, n)) < n) {
		size_t e = c + 1;

		if (d->nrun == CS_RDIGITS) {
			d->upto = c; /* the rest by next_digit */
			return;
		}
		/* a run of ASCII digits, or one byte that may start another
		 * digit: in a run only the first follows no ASCII digit */
		if (s[c] >= '0' && s[c] <= '9')
			while (e < n && s[e] >= '0' && s[e] <= '9')
				e++;
		d->run[d->nrun][0] = c;
		d->run[d->nrun++][1] = e;
		c = e;
	}
	d->upto = n;
}

/* Are d's runs those of s[c..n) up to d->upto? */
static bool
digits_of(const cs_rdigits *d, const char *s, size_t c, size_t n)
{
	return d != NULL && d->s == s && d->n == n && c >= d->from &&
	       c < d->upto;
}

/* The first of d's runs ending after c: c is in it, or it is the next
 * (d->nrun: none). */
static size_t
run_after(const cs_rdigits *d, size_t c)
{
	size_t lo = 0, hi = (size_t)d->nrun;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (d->run[mid][1] <= c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t
rules_digit_next(const cs_rdigits *d, const char *s, size_t c, size_t n)
{
	size_t i;

	if (!digits_of(d, s, c, n))
		return next_digit(s, c, n);
	i = run_after(d, c);
	if (i == (size_t)d->nrun)
		return d->upto < n ? next_digit(s, d->upto, n) : n;
	return d->run[i][0] > c ? d->run[i][0] : c;
}

/* rules_text, digit said (-1: looked for here). */
static void
text_of(cs_rtext *t, sbuf *buf, const char *s, size_t n, int digit)
{
	/* copied whole, then lowered in place: sbuf_addc a byte was 3% of
	 * normalise-crime's text mode */
	bool high;

	sbuf_clear(buf);
	sbuf_add(buf, s, n);
	high = text_ascii_lower(buf->s, n);
	t->digit = digit < 0 ? next_digit(s, 0, n) < n : digit != 0;
	t->lc = buf->s;
	t->s = s;
	t->n = n;
	t->found = 0;
	t->scanned = NULL;
	/* a long s or Kelvin sign, which caseless "s" and "k" match: a
	 * word of flag w cannot be looked for as ASCII; none in a text of
	 * ASCII alone, most sentences, whose two memchr the lowering's
	 * look at each byte's high bit spares (193.0M to 192.7M instructions
	 * per MB, with its last block) */
	t->fold = false;
	for (const char *p = s;
	     high && !t->fold && p < s + n &&
	     (p = memchr(p, 0xC5, (size_t)(s + n - p))) != NULL;
	     p++)
		t->fold = p + 1 < s + n && (unsigned char)p[1] == 0xBF;
	for (const char *p = s;
	     high && !t->fold && p < s + n &&
	     (p = memchr(p, 0xE2, (size_t)(s + n - p))) != NULL;
	     p++)
		t->fold = p + 2 < s + n && (unsigned char)p[1] == 0x84 &&
		          (unsigned char)p[2] == 0xAA;
}

void
rules_text(cs_rtext *t, sbuf *buf, const char *s, size_t n)
{
	text_of(t, buf, s, n, -1);
}

void
rules_text_as_is(cs_rtext *t, const cs_rdigits *d)
{
	/* no copy lower-cased (text_ascii_lower, 1.3M instructions on the
	 * 1 MB slice, and its copy): needs_scan folds case itself */
	t->s = d->s + d->from;
	t->n = d->n - d->from;
	t->lc = NULL;
	t->digit = d->nrun > 0;
	t->fold = false;
	t->found = 0;
	t->scanned = NULL;
}

void
rules_text_digits(cs_rtext *t, sbuf *buf, const cs_rdigits *d)
{
	/* a run is a character that may match \d, as next_digit finds:
	 * not looked for again (192.7M to 192.1M instructions per MB) */
	text_of(t, buf, d->s + d->from, d->n - d->from, d->nrun > 0);
}

/* Is c a byte of a character \w matches, as far as ASCII says: a
 * letter, digit or '_' (a non-ASCII byte may or may not be). */
static bool
ascii_word(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

/* Does the need word found at p of lc, len bytes, count: with flag a
 * right after a character \d may match (an ASCII digit, or the last
 * byte of a non-ASCII one: see may_digit), with flag w not next to an
 * ASCII letter, digit or '_' ("no" of "none")? */
static bool
counts_at(bool after, bool whole, const char *s, const char *e, const char *p,
          size_t len)
{
	if (after && !(p > s && ((p[-1] >= '0' && p[-1] <= '9') ||
	                         (unsigned char)p[-1] >= 0x80)))
		return false;
	if (whole && ((p > s && ascii_word((unsigned char)p[-1])) ||
	              (p + len < e && ascii_word((unsigned char)p[len]))))
		return false;
	return true;
}

/* Does a word of nd hold an "s" or a "k" (need_fold)? */
static bool
need_folds(const need *nd)
{
	for (size_t i = 0; i < nd->nw; i++)
		if (strpbrk(nd->w[i], "sk") != NULL)
			return true;
	return false;
}

static bool needs_met(const need *nd, const cs_rtext *t);
static bool has_fold(const char *s, size_t n, size_t start);

/* Build the automaton of the need words of the first 64 rules
 * (rules_needs_met): a trie of the words, each state's failure (the
 * longest suffix of its text that is a state) by breadth, then every
 * missing move by its failure's. */
static void
index_needs(cs_ruleset *rs)
{
	needix *x = &rs->nx;
	size_t n = 0, k = 0, nst = 1, tot = 0, nout = 0;
	uint32_t *fail, *queue, *go;

	for (size_t r = 0; r < rs->nrules && r < 64; r++)
		n += rs->rules[r].need.nw;
	for (size_t r = 0; r < rs->nrules && r < 64; r++) {
		const need *nd = &rs->rules[r].need;

		if (!nd->set || nd->w == NULL)
			x->met |= (uint64_t)1 << r;
		if (nd->digit)
			x->digit |= (uint64_t)1 << r;
		if (nd->set && need_folds(nd))
			x->fold |= (uint64_t)1 << r;
	}
	if (x->fold)
		n += 2; /* the long s and the Kelvin sign */
	x->n = n;
	x->w = xcalloc(n + 1, sizeof *x->w);
	x->len = xcalloc(n + 1, sizeof *x->len);
	x->rule = xcalloc(n + 1, sizeof *x->rule);
	x->ncls = 1;
	for (size_t r = 0; r < rs->nrules && r < 64; r++)
		for (size_t i = 0; i < rs->rules[r].need.nw; i++, k++) {
			x->w[k] = rs->rules[r].need.w[i];
			x->len[k] = strlen(x->w[k]);
			if (x->len[k] > x->maxlen)
				x->maxlen = x->len[k];
			x->rule[k] = (unsigned char)r;
			tot += x->len[k];
			if (rs->rules[r].need.whole)
				x->whole |= (uint64_t)1 << r;
			if (rs->rules[r].need.after)
				x->after |= (uint64_t)1 << r;
			for (size_t j = 0; j < x->len[k]; j++) {
				unsigned char c = (unsigned char)x->w[k][j];

				if (x->cls[c] != 0)
					continue;
				/* both cases of a letter one class: the
				 * text is scanned as it is, not a
				 * lower-cased copy (the words are
				 * lower-cased) */
				x->cls[c] = (unsigned char)x->ncls++;
				if (c >= 'a' && c <= 'z')
					x->cls[c - 32] = x->cls[c];
			}
		}
	/* a long s and a Kelvin sign, found as words: a text holding one
	 * meets the needs of x->fold */
	for (size_t f = 0; x->fold && f < 2; f++, k++) {
		x->w[k] = f == 0 ? "\xc5\xbf" : "\xe2\x84\xaa";
		x->len[k] = strlen(x->w[k]);
		if (x->len[k] > x->maxlen)
			x->maxlen = x->len[k]; /* for needs_scan's halves */
		x->rule[k] = FOLD_RULE;
		tot += x->len[k];
		for (size_t j = 0; j < x->len[k]; j++) {
			unsigned char c = (unsigned char)x->w[k][j];

			if (x->cls[c] == 0)
				x->cls[c] = (unsigned char)x->ncls++;
		}
	}
	if ((tot + 1) * x->ncls >= NEED_OUT / 2)
		cs_die(CS_EXIT_DATA, "%s: need words too many", rs->path);
	/* go: the trie, 0 for no move (no state but the start is 0) */
	go = xcalloc((tot + 1) * x->ncls, sizeof *go);
	x->outfrom = xcalloc(tot + 2, sizeof *x->outfrom);
	for (size_t i = 0; i < n; i++) {
		uint32_t st = 0;

		for (size_t j = 0; j < x->len[i]; j++) {
			uint32_t *g = &go[st * x->ncls +
			                  x->cls[(unsigned char)x->w[i][j]]];
			if (*g == 0)
				*g = (uint32_t)nst++;
			st = *g;
		}
	}
	fail = xcalloc(nst, sizeof *fail);
	queue = xcalloc(nst, sizeof *queue);
	x->next = xcalloc(nst * x->ncls, sizeof *x->next);
	/* breadth first: a state's failure is done before its children */
	size_t qh = 0, qt = 0;
	queue[qt++] = 0;
	while (qh < qt) {
		uint32_t st = queue[qh++];

		for (size_t c = 0; c < x->ncls; c++) {
			uint32_t to = go[st * x->ncls + c];

			if (to != 0 && c != 0) {
				fail[to] =
				    st == 0 ? 0
				            : x->next[fail[st] * x->ncls + c];
				x->next[st * x->ncls + c] = to;
				queue[qt++] = to;
			} else {
				x->next[st * x->ncls + c] =
				    st == 0 ? 0
				            : x->next[fail[st] * x->ncls + c];
			}
		}
	}
	/* each state's words: its own, then its failure's (done before it
	 * in breadth order) */
	{
		uint32_t **lst = xcalloc(nst, sizeof *lst);
		size_t *cnt = xcalloc(nst, sizeof *cnt);

		for (size_t i = 0; i < n; i++) {
			uint32_t st = 0;

			for (size_t j = 0; j < x->len[i]; j++)
				st = go[st * x->ncls +
				        x->cls[(unsigned char)x->w[i][j]]];
			lst[st] =
			    xrealloc(lst[st], (cnt[st] + 1) * sizeof **lst);
			lst[st][cnt[st]++] = (uint32_t)i;
		}
		for (size_t q = 0; q < qt; q++) {
			uint32_t st = queue[q], f = fail[st];

			if (st == 0 || cnt[f] == 0)
				continue;
			lst[st] = xrealloc(lst[st],
			                   (cnt[st] + cnt[f]) * sizeof **lst);
			memcpy(lst[st] + cnt[st], lst[f],
			       cnt[f] * sizeof **lst);
			cnt[st] += cnt[f];
		}
		for (size_t st = 0; st < nst; st++)
			nout += cnt[st];
		x->outw = xcalloc(nout + 1, sizeof *x->outw);
		nout = 0;
		for (size_t st = 0; st < nst; st++) {
			x->outfrom[st] = (uint32_t)nout;
			if (cnt[st])
				memcpy(x->outw + nout, lst[st],
				       cnt[st] * sizeof **lst);
			nout += cnt[st];
			free(lst[st]);
		}
		x->outfrom[nst] = (uint32_t)nout;
		x->out = xcalloc(nst, sizeof *x->out);
		for (size_t st = 0; st < nst; st++)
			for (uint32_t o = x->outfrom[st];
			     o < x->outfrom[st + 1]; o++) {
				uint64_t bit;

				if (x->rule[x->outw[o]] == FOLD_RULE) {
					x->out[st].plain |= x->fold;
					continue;
				}
				bit = (uint64_t)1 << x->rule[x->outw[o]];
				if (bit & (x->after | x->whole))
					x->out[st].cond |= bit;
				else
					x->out[st].plain |= bit;
			}
		free(lst);
		free(cnt);
	}
	x->recip = ((uint64_t)1 << 32) / x->ncls + 1;
	/* next as offsets of states, flagged when words end there */
	for (size_t i = 0; i < nst * x->ncls; i++) {
		uint32_t to = x->next[i];

		x->next[i] =
		    to * (uint32_t)x->ncls |
		    (x->outfrom[to + 1] > x->outfrom[to] ? NEED_OUT : 0);
	}
	free(go);
	free(fail);
	free(queue);
}

/* Does word i of the index, found at p of lc, count (flag a: only right
 * after a character \d may match, as after_digit)? */
static bool
needix_counts(const cs_ruleset *rs, const cs_rtext *t, const char *p, size_t i)
{
	const needix *x = &rs->nx;

	/* the flags of the index, not the rule's need: one line of the
	 * cache, not one for each rule */
	return counts_at((x->after >> x->rule[i]) & 1,
	                 (x->whole >> x->rule[i]) & 1, t->s, t->s + t->n, p,
	                 x->len[i]);
}

/* needs_out's words of flag a or w at state k. */
static uint64_t
needs_cond(const cs_ruleset *rs, const cs_rtext *t, const char *p, uint32_t k,
           uint64_t found)
{
	const needix *x = &rs->nx;

	for (uint32_t o = x->outfrom[k]; o < x->outfrom[k + 1]; o++) {
		uint32_t i = x->outw[o];

		if (x->rule[i] != FOLD_RULE && !((found >> x->rule[i]) & 1) &&
		    needix_counts(rs, t, p + 1 - x->len[i], i))
			found |= (uint64_t)1 << x->rule[i];
	}
	return found;
}

/* The rules of the words ending at p of t->s, where the automaton is in
 * state st (an offset, NEED_OUT set), added to found: those of words
 * that count wherever they are (".", "in ", "0": most found) at once,
 * and the others' words looked at only when one of their rules is not
 * found already ("nd " of rank, whose "and" does not count).  The
 * state's number is the offset times recip, not a division, which
 * waits some 25 cycles.  The words with no flag at once: 20.4M to 19.2M
 * cycles in needs_scan on the 5.3 MB text (rdtsc, the least of 20 runs, 6%
 * less in three of four tries on this busy machine), for 0.1M more
 * instructions on the 1 MB slice. */
static inline uint64_t
needs_out(const cs_ruleset *rs, const cs_rtext *t, const char *p, uint32_t st,
          uint64_t found)
{
	const needix *x = &rs->nx;
	uint32_t k = (uint32_t)((uint64_t)(st & ~NEED_OUT) * x->recip >> 32);

	found |= x->out[k].plain;
	if (!(x->out[k].cond & ~found))
		return found;
	return needs_cond(rs, t, p, k, found);
}

/* Find every need word of the first 64 rules in t in one scan, and set
 * each such rule's bit of t->found: one move of the automaton for each
 * byte of a sentence, not a strstr of it for each word of each rule
 * asked (42.0M of 51.5M instructions per MB in rules_needs_met), nor a
 * look at each pair of bytes that starts a word and at the words
 * starting so, which cost 21.1M instructions on the 1 MB slice.
 * Each move waits for the one before (the load of the next state), so
 * the two halves of the text are scanned at once, each its own chain of
 * moves: the second from the start state at about the middle, the first
 * on until every word starting before that has ended.  A word found by
 * both counts once.  On the 5.3 MB text: 11.7 to 9.0 cycles a byte
 * (rdtsc, the least of 20 runs), for 0.6M more instructions per MB. */
static void
needs_scan(const cs_ruleset *rs, cs_rtext *t)
{
	const needix *x = &rs->nx;
	uint64_t found = 0;
	const char *lc = t->s;
	size_t n = t->n;
	/* the second half from m, the first to n - m, which is at least m
	 * and the longest word less one byte on (both the whole of a text
	 * shorter than a word) */
	size_t m = n >= x->maxlen ? (n - x->maxlen + 1) / 2 : 0;
	size_t s1 = 0, s2 = 0; /* not uint32_t: no widening at each move */

	/* a pointer, not an index, and each state's flag tested on its
	 * own, not the two or-ed in a copy: 15 instructions a pair of
	 * moves, not 19 (6.75M to 5.81M in needs_scan on the 1 MB slice) */
	const unsigned char *p = (const unsigned char *)lc, *e = p + (n - m);

	for (; p < e; p++) {
		s1 = x->next[s1 + x->cls[p[0]]];
		s2 = x->next[s2 + x->cls[p[m]]];
		if (!(s1 & NEED_OUT) && !(s2 & NEED_OUT))
			continue;
		if (s1 & NEED_OUT)
			found = needs_out(rs, t, (const char *)p, (uint32_t)s1,
			                  found);
		if (s2 & NEED_OUT)
			found = needs_out(rs, t, (const char *)p + m,
			                  (uint32_t)s2, found);
		s1 &= ~NEED_OUT;
		s2 &= ~NEED_OUT;
	}
	/* the whole answer of each rule, so that asking costs a bit */
	found |= x->met;
	if (!t->digit)
		found &= ~x->digit;
	t->found = found;
	t->scanned = rs;
}

bool
rules_needs_ask(const cs_ruleset *rs, int r, cs_rtext *t)
{
	const need *nd;

	if (r < 64) {
		if (t->scanned != rs)
			needs_scan(rs, t);
		return (t->found >> r) & 1;
	}
	nd = &rs->rules[r].need;
	return !nd->set || needs_met(nd, t);
}

static bool
needs_met(const need *nd, const cs_rtext *t)
{
	const char *e = t->s + t->n;

	if (nd->digit && !t->digit)
		return false;
	if (nd->w == NULL)
		return true;
	/* "ſix" is caseless "six", "1ſt" "1st" */
	if (need_folds(nd) && has_fold(t->s, t->n, 0))
		return true;
	/* the text as it is, the words' letters in either case: a rule
	 * past the 64 of needs_scan (none of today's tables has more than
	 * 47 rules), and the selftest's search for each word */
	for (char *const *w = nd->w; *w != NULL; w++) {
		size_t len = strlen(*w);

		for (const char *p = t->s; p + len <= e; p++) {
			size_t j = 0;

			while (j < len && ascii_lower((unsigned char)p[j]) ==
			                      (unsigned char)(*w)[j])
				j++;
			if (j == len &&
			    counts_at(nd->after, nd->whole, t->s, e, p, len))
				return true;
		}
	}
	return false;
}

/* A rule with a "near" window w: every match starts at most w bytes
 * before a character \d may match, so the pattern is tried only from
 * the starts in such windows (re_match_upto), in order, the windows of
 * digits closer than w merged: the first match found is the one a scan
 * from start finds.  figure, noise_ref, noise_phone, noise_time and
 * noise_address windowed: 734.7M to 602.1M instructions on 1 MB of report
 * text with the other steps of that pass (rules-crime-sentence.tsv). */
static bool ends_ok(const ends *e, const char *s, size_t n, size_t start);
static bool ends_in(const ends *e, const char *s, size_t k, size_t start);

/* Could a word of e end with the byte b (either case; any other
 * byte ends_in leaves to PCRE2)?  ends_in is true only then: a look-up
 * before the compare, as most digits of a report are no "0" or "+4" of
 * noise_phone, and most bytes before one no letter of noise_postcode
 * (228.2M to 227.3M instructions per MB). */
static bool
ends_by(const ends *e, char b)
{
	unsigned char c = (unsigned char)b;

	/* the trie's first step from its root, as ends_in takes it */
	return e->nw != 0 && (c >= 0x80 || e->next[e->cls[c]] != 0);
}

/* Could the digit at q, the first of a match, be the one a lead word
 * ending in a digit ends with ("0" of "020 7946 0000", "+4" of "+44")?
 * The text before it, its bytes set aside, then the digit, is
 * compared. */
static bool
lead_digit_ok(const ends *e, const char *s, size_t lo, size_t q)
{
	char buf[64 + 1];
	size_t k = q, from;

	if (e->w == NULL || s[q] < '0' || s[q] > '9' || !ends_by(e, s[q]))
		return false;
	while (k > lo && end_strips(s[k - 1]))
		k--;
	from = k - lo > e->maxlen ? k - e->maxlen : lo;
	memcpy(buf, s + from, k - from);
	buf[k - from] = s[q];
	return ends_in(e, buf, k - from + 1, 0);
}

/* Could the character at q, which may match \d, be the first such of
 * a match starting in s[lo..q], after one of its lead words (kind
 * "lead")?  Most digits of a report follow none ("there were 12"). */
static bool
lead_at(const rule *rl, const char *s, size_t lo, size_t q)
{
	/* a digit right after an ASCII digit is never a match's first, as
	 * a lead row says ("2019"; "0" of "020" only not after one) */
	if (q > lo && s[q - 1] >= '0' && s[q - 1] <= '9')
		return false;
	/* without bytes set aside (flag n) the byte before q is the last
	 * of the word (ends_ok) */
	bool may = rl->lead.strip || q == lo || s[q - 1] == '\n' ||
	           ends_by(&rl->lead, s[q - 1]);
	return (may && ends_ok(&rl->lead, s, q, lo)) ||
	       lead_digit_ok(&rl->leadd, s, lo, q);
}

/* The first character of s[c..n) that may match \d and, by lead_at,
 * may be a match's first such after one of the rule's lead words; or n.
 * A match starting at or after start begins at most w bytes before its
 * first digit, so the words are looked for in s[q - w..q) (s[start..q)
 * when nearer): a longer text only lets more through.  Only the first
 * of a run of ASCII digits is looked at: lead_at turns away a digit
 * right after an ASCII digit ("2019": the 0, 1 and 9 not compared). */
static size_t
next_lead(const rule *rl, const char *s, size_t n, size_t start, size_t c,
          const cs_rdigits *d)
{
	size_t w = rl->near;

	/* d's runs in turn, not a search of them for each: the rest of a
	 * run of ASCII digits follows one, which lead_at turns away, as
	 * the skip below */
	if (digits_of(d, s, c, n)) {
		for (size_t i = run_after(d, c); i < (size_t)d->nrun; i++) {
			size_t q = d->run[i][0] > c ? d->run[i][0] : c;

			if (lead_at(rl, s, q - start > w ? q - w : start, q))
				return q;
		}
		c = d->upto;
	}
	while ((c = next_digit(s, c, n)) < n) {
		if (lead_at(rl, s, c - start > w ? c - w : start, c))
			return c;
		if (s[c] >= '0' && s[c] <= '9')
			while (c + 1 < n && s[c + 1] >= '0' && s[c + 1] <= '9')
				c++;
		c++;
	}
	return n;
}

/* The first of s[c..lim) (s holding n bytes) where one of the rule's
 * need words starts, ASCII compared without case (near flag w); or
 * lim. */
static size_t
next_anchor(const rule *rl, const char *s, size_t c, size_t lim, size_t n)
{
	for (; c < lim; c++) {
		unsigned char b = (unsigned char)s[c];

		if (!((rl->wfirst[b >> 3] >> (b & 7)) & 1))
			continue;
		for (size_t j = 0; j < rl->need.nw; j++) {
			const char *w = rl->need.w[j];
			size_t k = 0;

			while (w[k] && c + k < n &&
			       ascii_lower((unsigned char)s[c + k]) ==
			           (unsigned char)w[k])
				k++;
			if (w[k] == '\0')
				return c;
		}
	}
	return lim;
}

/* Does s[start..n) hold a long s or a Kelvin sign, which caseless "s"
 * and "k" match and an ASCII compare does not? */
static bool
has_fold(const char *s, size_t n, size_t start)
{
	for (const char *p = s + start;
	     p < s + n && (p = memchr(p, 0xC5, (size_t)(s + n - p))) != NULL;
	     p++)
		if (p + 1 < s + n && (unsigned char)p[1] == 0xBF)
			return true;
	for (const char *p = s + start;
	     p < s + n && (p = memchr(p, 0xE2, (size_t)(s + n - p))) != NULL;
	     p++)
		if (p + 2 < s + n && (unsigned char)p[1] == 0x84 &&
		    (unsigned char)p[2] == 0xAA)
			return true;
	return false;
}

/* s[lo..] on a character, not inside one, and not before floor. */
static size_t
char_start(const char *s, size_t lo, size_t floor)
{
	while (lo > floor && ((unsigned char)s[lo] & 0xC0) == 0x80)
		lo--;
	return lo;
}

/* near_match for a rule with a lead row: the windows are those of the
 * digits that may be a match's first (next_lead), not of every digit,
 * chained while within w + 1 of each other, so a match found in a
 * window is the first a plain scan finds: one whose first digit comes
 * after the window starts after it (more than w before that digit).
 * Most digits of a report follow no lead word ("there were 12, 14 and
 * 2019"), and a window of one such among them was tried from its first
 * digit to its last; with a run of ASCII digits looked at once, 235.1M
 * to 231.9M instructions on 1 MB of report text (noise_ref, noise_phone
 * and noise_postcode in normalise-crime's text mode).
 * tests/unit/test_rules.c holds the windows to a plain scan. */
static int
lead_match(const rule *rl, const char *s, size_t n, size_t start,
           const cs_rdigits *d, re_caps *cap)
{
	size_t w = rl->near, done = start;
	size_t q = next_lead(rl, s, n, start, start, d);

	while (q < n) {
		size_t lo = q - done > w ? char_start(s, q - w, done) : done;
		size_t hi = q;

		while ((q = next_lead(rl, s, n, start, hi + 1, d)) < n &&
		       q <= hi + w + 1)
			hi = q;
		int rc = re_match_upto(rl->re, s, n, lo, hi, cap);
		if (rc != RE_NOMATCH)
			return rc;
		/* hi + 1 may fall inside a character: to its end */
		done = hi + 1;
		while (done < n && ((unsigned char)s[done] & 0xC0) == 0x80)
			done++;
	}
	return RE_NOMATCH;
}

/* The first character of s[c..n) that may match \d, or n; and in *hi
 * the last of those chained to it, each within w + 1 bytes of the one
 * before (near_match's window).  By d's runs when it has those of s
 * (rules_digits): a run of ASCII digits is one step, where a look at
 * each byte and a search of the runs for the first cost figure's
 * windows 2.6M instructions on the 1 MB slice (near_match and
 * rules_digit_next; with this, 149.4M to 148.7M; with the first run
 * searched for once, not twice, 147.5M to 147.2M). */
static size_t
digit_chain(const cs_rdigits *d, const char *s, size_t c, size_t n, size_t w,
            size_t *hi)
{
	/* the run at or after c, asked once */
	bool known = digits_of(d, s, c, n);
	size_t i = known ? run_after(d, c) : 0;
	size_t k = known ? (size_t)d->nrun : 0, e;

	if (i < k) {
		if (d->run[i][0] > c)
			c = d->run[i][0];
		while (i + 1 < k && d->run[i + 1][0] <= d->run[i][1] + w)
			i++;
		*hi = d->run[i][1] - 1;
		/* the runs d did not keep are found by the scan below */
		if (i + 1 < k || d->upto >= n)
			return c;
		e = d->run[i][1];
	} else {
		if (known)
			c = d->upto; /* after d's last run: none before */
		if ((c = next_digit(s, c, n)) >= n)
			return n;
		*hi = c;
		e = c + 1;
	}
	for (;; *hi = e++) {
		while (e < n && e <= *hi + w + 1 && !may_digit(s + e, n - e))
			e++;
		if (e >= n || e > *hi + w + 1)
			return c;
	}
}

/* The digits of s found by d (rules_digits) when it is not NULL. */
static int
near_match(const rule *rl, const char *s, size_t n, size_t start,
           const cs_rdigits *d, re_caps *cap)
{
	size_t w = rl->near, lo = start, c = start;

	if (start > n)
		return RE_LIMIT; /* as re_match answers it */
	if (rl->lead.w != NULL || rl->leadd.w != NULL)
		return lead_match(rl, s, n, start, d, cap);
	/* a word the ASCII compare cannot find: the plain scan */
	if (rl->nearw && has_fold(s, n, start))
		return re_match(rl->re, s, n, start, cap);
	for (;;) {
		size_t hi;

		if (rl->nearw) {
			c = next_anchor(rl, s, c, n, n);
			if (c >= n)
				return RE_NOMATCH;
			hi = c;
			for (size_t e = c + 1;; hi = e++) {
				e = next_anchor(rl, s, e,
				                n - hi > w + 2 ? hi + w + 2 : n,
				                n);
				if (e >= n || e > hi + w + 1)
					break;
			}
		} else if ((c = digit_chain(d, s, c, n, w, &hi)) >= n) {
			return RE_NOMATCH;
		}
		if (c - lo > w)
			lo = char_start(s, c - w, start);
		int rc = re_match_upto(rl->re, s, n, lo, hi, cap);
		if (rc != RE_NOMATCH)
			return rc;
		lo = c = hi + 1;
		/* hi + 1 may fall inside a character: to its end */
		while (lo < n && ((unsigned char)s[lo] & 0xC0) == 0x80)
			lo++;
		c = lo;
	}
}

/* Could a match of s[start..n) end with one of the rule's end words
 * (kind "end")?  ASCII bytes are compared lower-cased; a non-ASCII byte
 * met in the compare leaves it to PCRE2, whose caseless "s" and "k" also
 * match "ſ" and the Kelvin sign, and whose \d is any decimal digit; so
 * does a last '\n', before which $ also matches.  The words are a
 * trie walked from the text's end (ends_in): the 23 words of qualifier
 * one by one cost as much as its pattern, and a table of the words by
 * their last two bytes still compared the seven of level_left ending
 * in "d " with every "and " (with the start rows' trie, 231.5M to
 * 227.9M instructions on the 1 MB slice). */
static bool
ends_ok(const ends *e, const char *s, size_t n, size_t start)
{
	size_t k = n;

	if (e->nw == 0)
		return false;
	if (n > start && s[n - 1] == '\n')
		return true;
	if (e->strip)
		while (k > start && end_strips(s[k - 1]))
			k--;
	return ends_in(e, s, k, start);
}

/* Does s[start..k) end with one of e's words (see ends_ok)?  The trie
 * is walked from the end back: most texts part from every word at
 * their last byte or two. */
static bool
ends_in(const ends *e, const char *s, size_t k, size_t start)
{
	size_t node = 0;

	if (e->nw == 0)
		return false;
	for (; k > start; k--) {
		unsigned char b = (unsigned char)s[k - 1];

		/* PCRE2's: a word goes on from every node reached */
		if (b >= 0x80)
			return true;
		node = e->next[node * e->ncls + e->cls[b]];
		if (node == 0)
			return false;
		if (e->fin[node])
			return true;
	}
	return false;
}

/* Could one of the words of a start row begin at s[c] (s holding n
 * bytes)?  As ends_in, from the front: ASCII bytes compared lower-cased,
 * along the trie (index_hops); a non-ASCII byte met in the compare
 * leaves it to PCRE2, and so does a long s or a Kelvin sign at c, which
 * caseless "s" and "k" match.  Inline in start_next's loop, not a call
 * for each of its places: 158.4M to 158.1M instructions on the 1 MB
 * slice, 2-5% fewer cycles in start_next (rdtsc, the least of 12 runs,
 * three tries). */
static inline bool
starts_at(const ends *e, const char *s, size_t c, size_t n)
{
	unsigned char c0 = (unsigned char)s[c];
	size_t off = 0;

	if (c0 >= 0x80)
		return (c0 == 0xC5 || c0 == 0xE2) &&
		       has_fold(s, n - c > 3 ? c + 3 : n, c);
	for (; c < n; c++) {
		uint32_t h = e->hop[off + e->hcls[(unsigned char)s[c]]];

		if (h == 0)
			return false;
		if (h & HOP_FIN)
			return true;
		off = h;
	}
	return false;
}

/* The first place in s[c..lim) (s holding n bytes) where a word of a
 * start row may begin (starts_at), or lim.  Most bytes are turned away
 * by their class: no word starts with them, or (flag w) the byte
 * before is a letter; the text before a rule's start is there, as
 * PCRE2's look-behind reads it.  Eight bytes at a time: their classes
 * into one word, a byte each, and a branch only where one of them may
 * start a word, not two branches a byte that the text's letters make
 * hard to foresee (figword's "one", "two", ... start with a third of
 * the letters of a sentence).  On the 5.3 MB text: 4.2% to 2.9% of
 * perf's samples (start_next and starts_at), for the same instructions
 * (158.1M to 158.2M on the 1 MB slice). */
static size_t
start_next(const ends *e, const char *s, size_t c, size_t lim, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	uint64_t before = c > 0 ? e->scan[u[c - 1]] : 0;

#ifdef TEXT_FIRST_BYTE
	for (; c + 8 <= lim; c += 8) {
		const uint64_t ones = 0x0101010101010101u;
		const unsigned char *t = e->scan, *b = u + c;
		/* byte j of k the class of s[c + j], on any host; written
		 * out, as gcc -O2 kept the loop of eight */
		uint64_t k = (uint64_t)t[b[0]] | (uint64_t)t[b[1]] << 8 |
		             (uint64_t)t[b[2]] << 16 | (uint64_t)t[b[3]] << 24 |
		             (uint64_t)t[b[4]] << 32 | (uint64_t)t[b[5]] << 40 |
		             (uint64_t)t[b[6]] << 48 | (uint64_t)t[b[7]] << 56;
		uint64_t word, may;
		/* bit 7 of byte j: START_FIRST of s[c + j] and no
		 * START_WORD of the byte before it */
		word = (k << 8 | before) >> 1 & ones;
		may = (k & ~word & ones) << 7;
		for (; may != 0; may &= may - 1) {
			size_t at = c + TEXT_FIRST_BYTE(may);

			if (starts_at(e, s, at, n))
				return at;
		}
		before = k >> 56;
	}
#endif
	for (; c < lim; c++) {
		unsigned char k = e->scan[u[c]];

		if ((k & START_FIRST) && !(before & START_WORD) &&
		    starts_at(e, s, c, n))
			return c;
		before = k;
	}
	return lim;
}

/* A rule with a start row: every match starts with one of its words,
 * so PCRE2 is given only the places one may begin in s[start..n), one
 * at a time (re_match_upto), and is not called when there is none.
 * The first match found is the one a scan from start finds: no start
 * it skips could have matched.  dir_before's end words ("by", "of",
 * "a") end most text before a figure, and PCRE2 then tried the pattern
 * from each of up to 62 bytes: 235.2M to 233.2M instructions on the
 * 1 MB slice, with the other left rules' start rows 231.5M. */
static int
start_match(const rule *rl, const char *s, size_t n, size_t start, re_caps *cap)
{
	size_t lo;

	if (start > n)
		return RE_LIMIT; /* as re_match answers it */
	lo = start_next(&rl->start, s, start, n, n);
	if (lo == n) {
		if (cap != NULL) {
			cap->ncap = 0;
			cap->mark = NULL;
		}
		return RE_NOMATCH;
	}
	/* each place in turn, from the first: the first that matches is
	 * the leftmost match.  Not one call from the first place to the
	 * last, which took a walk back over the rest of a sentence to
	 * find for a scan rule (figword, relative): 170.0M to 168.8M
	 * instructions on the 1 MB slice */
	for (;;) {
		int rc = re_match_upto(rl->re, s, n, lo, lo, cap);

		if (rc != RE_NOMATCH)
			return rc;
		lo = start_next(&rl->start, s, lo + 1, n, n);
		if (lo == n)
			return RE_NOMATCH;
	}
}

/* Does s[start..n) hold one of the rule's need words (ASCII compared
 * without case)?  They all start with one byte (firstw), whose places
 * in both cases are found by memchr, not by a look at every byte:
 * rate's "per ...", after most figures of a paragraph. */
static bool
has_word(const rule *rl, const char *s, size_t start, size_t n)
{
	char lo = rl->wone, up = lo >= 'a' && lo <= 'z' ? lo - 32 : lo;
	const char *p, *q, *e = s + n;

	p = memchr(s + start, lo, n - start);
	q = up == lo ? NULL : memchr(s + start, up, n - start);
	while (p != NULL || q != NULL) {
		const char *at = q == NULL || (p != NULL && p < q) ? p : q;
		size_t c = (size_t)(at - s), k = 1;

		/* the bytes all words start with, then each word: most
		 * "p"s of a text are no "per " (next_anchor at each: 265.4M
		 * to 264.0M instructions on the 1 MB slice) */
		while (k < rl->wpre && c + k < n &&
		       ascii_lower((unsigned char)s[c + k]) ==
		           (unsigned char)rl->need.w[0][k])
			k++;
		if (k == rl->wpre && next_anchor(rl, s, c, c + 1, n) == c)
			return true;
		if (at == p)
			p = memchr(p + 1, lo, (size_t)(e - p - 1));
		else
			q = memchr(q + 1, up, (size_t)(e - q - 1));
	}
	return false;
}

/* Could an anchored rule match at start: is s[start] one of its first
 * bytes?  heading and bullet, tried on every line, start with a space
 * or their mark, and the right rules after a figure mostly with a
 * space: most lines and most figures' ends are answered here, without
 * a call of PCRE2 (some 300 instructions).  A rule whose pattern starts
 * with \s* (firstsp) asks the first byte after the white space at
 * start: heading and bullet on a line indented before a word
 * ("   Robbery fell"; 192.8M to 192.5M instructions per MB of report
 * text). */
static bool
first_byte_ok(const rule *rl, const char *s, size_t n, size_t start)
{
	unsigned char c;

	if (!rl->first || start > n)
		return true;
	/* a rule with first bytes has no empty match (re_first_bytes):
	 * none at the end of the text, where most sentences' last figures
	 * are */
	if (start == n)
		return false;
	c = (unsigned char)s[start];
	/* the bytes of RE_ASCII_SPACE */
	while (rl->firstsp && (c == ' ' || (c >= '\t' && c <= '\r'))) {
		if (++start == n)
			return false;
		c = (unsigned char)s[start];
	}
	return (rl->firstset[c >> 3] >> (c & 7)) & 1;
}

/* Does s[at..n) start with one of the words of an after row?  Its
 * trie is walked as a start row's (starts_at): ASCII compared without
 * case, a non-ASCII byte met in the compare left to PCRE2 (caseless
 * "s" and "k" also match "ſ" and the Kelvin sign). */
static bool
after_at(const afters *st, const char *s, size_t n, size_t at)
{
	return at < n && starts_at(&st->trie, s, at, n);
}

/* Could a match of an anchored rule with an after row start at start:
 * does the text there start with one of its words (kind "after"), or,
 * with a count k, does one follow one of the first k spaces from there?
 * The first byte of most figures' ends is a space, which first_byte_ok
 * lets by, and the word after it ("offences", "in") mostly starts no
 * match of the right rules: 21,000 of the 22,000 PCRE2 calls of six of
 * them on the 1 MB slice are spared, 235.2M to 227.5M instructions with
 * the ends of texts (first_byte_ok).  Inline in rules_exec, its only
 * caller but the selftest, and the spaces of a count found by a look
 * at each byte, not a memchr for each (count_noun's words are short):
 * 148.1M to 147.5M on the 1 MB slice. */
static inline bool
after_ok(const afters *st, const char *s, size_t n, size_t start)
{
	const char *p = s + start;

	/* a match holds a word, so it is not empty: none at the end of
	 * the text, where most sentences' last figures are */
	if (start > n)
		return true;
	if (start == n)
		return false;
	if (st->spaces == 0)
		return after_at(st, s, n, start);
	for (int k = 0; p < s + n; p++) {
		if (*p != ' ')
			continue;
		if (after_at(st, s, n, (size_t)(p + 1 - s)))
			return true;
		if (++k == st->spaces)
			return false;
	}
	return false;
}

/* And does the rest of the text hold one of its need words, which its
 * match must (first_ok: the selftest holds this to the pattern from
 * every start of every example)?  rate's "per 1", "per t", "per h"
 * follow few figures (" per cent" does not count): 268.2M to 265.4M
 * instructions on the 1 MB slice.  A word with an s or k leaves a text
 * holding a long s or Kelvin sign to PCRE2. */
static bool
words_ok(const rule *rl, const char *s, size_t n, size_t start)
{
	return has_word(rl, s, start, n) ||
	       (rl->wfold && has_fold(s, n, start));
}

/* Both, as rules_exec asks them. */
static bool
first_ok(const rule *rl, const char *s, size_t n, size_t start)
{
	return first_byte_ok(rl, s, n, start) &&
	       (!rl->firstw || start >= n || words_ok(rl, s, n, start));
}

bool
rules_exec(cs_ruleset *rs, int r, const char *s, size_t n, size_t start,
           cs_rmatch *m)
{
	const rule *rl = &rs->rules[r];
	int rc;

	/* the first bytes first: asked with no call, they answer heading
	 * and bullet on most lines before the rest is looked at (148.2M to
	 * 148.1M instructions on the 1 MB slice).  A left rule's text mostly
	 * ends in none of its words ("fell by " for level_left's "stood
	 * |was |: "...): no PCRE2 call, which tried the pattern from each
	 * of the window's bytes */
	if (!first_byte_ok(rl, s, n, start) ||
	    (rl->end.w != NULL && start <= n &&
	     !ends_ok(&rl->end, s, n, start)) ||
	    (rl->after.w != NULL && !after_ok(&rl->after, s, n, start)) ||
	    (rl->firstw && start < n && !words_ok(rl, s, n, start))) {
		m->cap.ncap = 0;
		m->cap.mark = NULL;
		rc = RE_NOMATCH;
	} else if (rl->start.w != NULL) { /* no near row with it */
		rc = start_match(rl, s, n, start, &m->cap);
	} else {
		rc = rl->near ? near_match(rl, s, n, start, NULL, &m->cap)
		              : re_match(rl->re, s, n, start, &m->cap);
	}

	m->rule = rc == RE_MATCH ? r : -1;
	m->limit = rc == RE_LIMIT;
	return rc == RE_MATCH;
}

bool
rules_exec_digits(cs_ruleset *rs, int r, const char *s, size_t n, size_t start,
                  const cs_rdigits *d, cs_rmatch *m)
{
	const rule *rl = &rs->rules[r];
	int rc;

	/* a near row's windows by digits, as rules_exec tries them: none
	 * of its other shortcuts applies (end words, first bytes) */
	if (!rl->near || rl->nearw || rl->end.w != NULL || rl->first)
		return rules_exec(rs, r, s, n, start, m);
	rc = near_match(rl, s, n, start, d, &m->cap);
	m->rule = rc == RE_MATCH ? r : -1;
	m->limit = rc == RE_LIMIT;
	return rc == RE_MATCH;
}

int
rules_first(cs_ruleset *rs, const char *s, size_t n, cs_rmatch *m)
{
	bool limit = false;

	for (size_t r = 0; r < rs->nrules; r++) {
		if (rules_exec(rs, (int)r, s, n, 0, m))
			return (int)r;
		limit |= m->limit;
	}
	m->rule = -1;
	m->limit = limit;
	return -1;
}

size_t
rules_maxlen(const cs_ruleset *rs, int r)
{
	return re_maxlen(rs->rules[r].re);
}

bool
rules_group(const cs_rmatch *m, int i, size_t *so, size_t *eo)
{
	return m->rule >= 0 && re_group(&m->cap, i, so, eo);
}

int
rules_group_number(const cs_ruleset *rs, int r, const char *group)
{
	if (r < 0 || (size_t)r >= rs->nrules)
		return -1;
	return re_name_number(rs->rules[r].re, group);
}

bool
rules_named(const cs_ruleset *rs, const cs_rmatch *m, const char *group,
            size_t *so, size_t *eo)
{
	if (m->rule < 0)
		return false;
	return rules_group(m, rules_group_number(rs, m->rule, group), so, eo);
}

/* Does the windowed match (near_match) agree with a plain scan, from
 * every start? */
static bool
near_agrees(cs_ruleset *rs, const example *e)
{
	const rule *rl = &rs->rules[e->rule];
	size_t n = strlen(e->text);
	re_caps a, b;

	for (size_t i = 0; i <= n; i++) {
		if (((unsigned char)e->text[i] & 0xC0) == 0x80)
			continue;
		int rb = re_match(rl->re, e->text, n, i, &b);
		/* the digits found by a scan, then by rules_digits from the
		 * text's start and from i */
		for (int k = 0; k < 3; k++) {
			cs_rdigits dg;

			if (k > 0)
				rules_digits(&dg, e->text, k == 1 ? 0 : i, n);
			int ra = near_match(rl, e->text, n, i,
			                    k > 0 ? &dg : NULL, &a);
			if (ra != rb ||
			    (ra == RE_MATCH &&
			     (a.so[0] != b.so[0] || a.eo[0] != b.eo[0])))
				return false;
		}
	}
	return true;
}

/* Does a shortcut (ok: the end row, the after words, the first bytes)
 * turn away no match a scan finds, from any start? */
static bool
never_turns_away(const rule *rl, const example *e,
                 bool (*ok)(const rule *, const char *, size_t, size_t))
{
	size_t n = strlen(e->text);

	for (size_t i = 0; i <= n; i++)
		if (((unsigned char)e->text[i] & 0xC0) != 0x80 &&
		    !ok(rl, e->text, n, i) &&
		    re_match(rl->re, e->text, n, i, NULL) != RE_NOMATCH)
			return false;
	return true;
}

static bool
end_row_ok(const rule *rl, const char *s, size_t n, size_t start)
{
	return ends_ok(&rl->end, s, n, start);
}

static bool
after_row_ok(const rule *rl, const char *s, size_t n, size_t start)
{
	return after_ok(&rl->after, s, n, start);
}

/* Does the match from a start row's places (start_match) agree with a
 * plain scan, from every start, in every group? */
static bool
start_agrees(cs_ruleset *rs, const example *e)
{
	const rule *rl = &rs->rules[e->rule];
	size_t n = strlen(e->text);
	re_caps a, b;

	for (size_t i = 0; i <= n; i++) {
		if (((unsigned char)e->text[i] & 0xC0) == 0x80)
			continue;
		int ra = start_match(rl, e->text, n, i, &a);
		int rb = re_match(rl->re, e->text, n, i, &b);
		if (ra != rb || a.ncap != b.ncap)
			return false;
		for (int g = 0; g < a.ncap; g++)
			if (a.so[g] != b.so[g] || a.eo[g] != b.eo[g])
				return false;
	}
	return true;
}

/* One line on out for a shortcut of example e's rule that fails it
 * ("file:line: rule NAME: WHAT: TEXT"); 1, to be counted. */
static int
flag(FILE *out, const cs_ruleset *rs, const example *e, const char *what)
{
	fprintf(out, "%s:%ld: rule %s: %s: %s\n", rs->path, e->line,
	        rs->rules[e->rule].name, what, e->text);
	return 1;
}

int
rules_selftest(cs_ruleset *rs, FILE *out, size_t *nexamples)
{
	int failed = 0;
	cs_rmatch m;
	sbuf lc = { 0 };
	cs_rtext t;

	for (size_t i = 0; i < rs->nex; i++) {
		const example *e = &rs->ex[i];
		const rule *rl = &rs->rules[e->rule];
		size_t so, eo;
		bool got =
		    rules_exec(rs, e->rule, e->text, strlen(e->text), 0, &m);

		/* the one scan for every rule's words (needs_scan) and a
		 * search for each word give the same answers (the scan
		 * called here too is not inlined into rules_needs_ask,
		 * whose 81,000 asks per MB then saved six registers each:
		 * 0.7M instructions) */
		rules_text(&t, &lc, e->text, strlen(e->text));
		needs_scan(rs, &t);
		for (size_t r = 0; r < rs->nrules && r < 64; r++)
			if (rs->rules[r].need.set &&
			    ((t.found >> r) & 1) !=
			        needs_met(&rs->rules[r].need, &t)) {
				fprintf(out,
				        "%s:%ld: rule %s: its need is met by "
				        "a search of each word and not by "
				        "the scan, or the other way: %s\n",
				        rs->path, e->line, rs->rules[r].name,
				        e->text);
				failed++;
			}
		if (e->yes && !rules_needs_met(rs, e->rule, &t))
			failed += flag(out, rs, e, "its need turns away");
		if (rl->end.w != NULL &&
		    ((e->yes &&
		      !ends_ok(&rl->end, e->text, strlen(e->text), 0)) ||
		     !never_turns_away(rl, e, end_row_ok)))
			failed +=
			    flag(out, rs, e, "its end words turn away a match");
		if (rl->after.w != NULL &&
		    !never_turns_away(rl, e, after_row_ok))
			failed += flag(out, rs, e,
			               "its after words turn away a match");
		if (rl->start.w != NULL && !start_agrees(rs, e))
			failed += flag(
			    out, rs, e,
			    "its start words find another match than a scan");
		if (!never_turns_away(rl, e, first_ok))
			failed += flag(out, rs, e,
			               "its first bytes turn away a match");
		if (rl->near && !near_agrees(rs, e))
			failed += flag(
			    out, rs, e,
			    "its near window finds another match than a scan");
		if (got && rules_group(&m, 0, &so, &eo) &&
		    eo - so > re_maxlen(rl->re))
			failed += flag(
			    out, rs, e,
			    "a match longer than re_max_bytes says it can be");
		if (got != e->yes) {
			fprintf(out, "%s:%ld: rule %s: should %smatch: %s\n",
			        rs->path, e->line, rs->rules[e->rule].name,
			        e->yes ? "" : "not ", e->text);
			failed++;
		}
	}
	sbuf_free(&lc);
	if (nexamples != NULL)
		*nexamples = rs->nex;
	return failed;
}
