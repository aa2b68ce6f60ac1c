/* test_normalise-crime_taxonomy.c - the literal starts tax_map asks
 * before its regex (cmd/normalise-crime/taxonomy.c, tax_may_map) against
 * every row of a taxonomy: no label a row maps is turned away.
 *
 * For each row, every text that PCRE2 says is the start of a match of the
 * row ("^(?:row)$" with a hard partial match) is followed a byte at a time
 * (every ASCII byte; letters in lower case, as the rows are caseless and
 * each text let through is asked again in upper case) until tax_may_map
 * lets it through: one
 * that is a whole match first, or still turned away at 24 bytes (the
 * longest literal start kept), is a fault.  Labels with a byte past ASCII
 * are always let through, so only ASCII is followed.  Each taxonomy is
 * loaded in a child, as tax_load is once per process.
 *
 * Two faster walks are held to the plain ones they replace: may_map's
 * trie to the scan of every start (same_walk), and tax_map's answer from
 * the rows' texts, without a regex, to the first row whose regex matches
 * (same_row, over the starts and whole matches of every row to 72
 * bytes, check_exact), with the characters past ASCII that caseless
 * matching folds to a letter (check_folds). */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>

#include "child.h"
#include "mem.h"
#include "nc.h"
#include "ref.h"
#include "tmpfile.h"
#include "tx.h"
#include "unit.h"

#define DEPTH 24       /* taxonomy.c's MAY_LEN */
#define EXACT_DEPTH 72 /* past taxonomy.c's LEAD_LEN */
#define EXACT_NODES 3000

static pcre2_match_data *md;

static int
run(pcre2_code *re, const char *s, size_t n, uint32_t opt)
{
	return pcre2_match(re, (PCRE2_SPTR)s, n, 0, opt, md, NULL);
}

/* Does tax_may_* walk its trie as the plain scan of every literal start
 * does, for s[0..n) and s in upper case, as printed and clean?  The
 * faults, each printed. */
static int
same_walk(const char *s, size_t n)
{
	char u[DEPTH + 8];
	int bad = 0;
	memcpy(u, s, n);
	for (size_t i = 0; i < n; i++)
		if (u[i] >= 'a' && u[i] <= 'z')
			u[i] ^= 32;
	for (int raw = 0; raw < 2; raw++)
		if (!tax_may_check(s, n, raw) || !tax_may_check(u, n, raw)) {
			printf(
			    "#   \"%.*s\" (%zu bytes%s): trie and scan part\n",
			    (int)n, s, n, raw ? ", raw" : "");
			bad++;
		}
	return bad;
}

/* tax_map's answer from the rows' texts against the regex's, for s[0..n),
 * its upper case, with a byte past ASCII after it, with a newline after
 * it (before which `$` matches), and with each "s" a long s and each "k"
 * a Kelvin sign; *decided counts those it answered.
 * The faults, each printed. */
static int
same_row(const char *s, size_t n, long *decided)
{
	char v[5][3 * EXACT_DEPTH + 4];
	size_t vn[5] = { n, n, n + 2, 0, n + 1 }, row, want;
	int bad = 0;
	memcpy(v[0], s, n);
	memcpy(v[1], s, n);
	memcpy(v[2], s, n);
	memcpy(v[4], s, n);
	v[4][n] = '\n';
	for (size_t i = 0; i < n; i++) {
		if (v[1][i] >= 'a' && v[1][i] <= 'z')
			v[1][i] ^= 32;
		const char *u = s[i] == 's'   ? "\xC5\xBF"
		                : s[i] == 'k' ? "\xE2\x84\xAA"
		                              : NULL;
		size_t un = u ? strlen(u) : 1;
		memcpy(v[3] + vn[3], u ? u : s + i, un);
		vn[3] += un;
	}
	memcpy(v[2] + n, "\xC2\xA3", 2); /* a pound sign */
	for (int k = 0; k < 5; k++) {
		if (!tax_map_check(v[k], vn[k], &row, &want))
			continue;
		(*decided)++;
		if (row != want) {
			printf("#   \"%.*s\": row %zu of the texts, %zu of the "
			       "regex\n",
			       (int)vn[k], v[k], row, want);
			bad++;
		}
	}
	return bad;
}

/* Faults of tax_map's answers from the texts of row p (same_row) for the
 * starts of its matches, followed depth first a byte at a time over the
 * bytes the row holds and a few others, to EXACT_DEPTH bytes, up to
 * EXACT_NODES texts: each whole match, and each start of one, which
 * the row does not map but another may. */
static int
check_exact(const char *p, long *decided)
{
	char pat[4096], q[EXACT_DEPTH + 1], bytes[128];
	static char stack[EXACT_NODES][EXACT_DEPTH + 1];
	size_t top = 0, nb = 0, seen = 0;
	int err, bad = 0;
	PCRE2_SIZE off;
	pcre2_code *re;

	snprintf(pat, sizeof pat, "^(?:%s)$", p);
	re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
	                   PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &err, &off,
	                   NULL);
	if (re == NULL)
		return 1;
	for (int c = 0x20; c < 0x7F; c++)
		if ((strchr(p, c) != NULL && !(c >= 'A' && c <= 'Z')) ||
		    strchr(" x-(", c) != NULL)
			bytes[nb++] = (char)c;
	stack[top++][0] = '\0';
	while (top > 0 && seen < EXACT_NODES) {
		strcpy(q, stack[--top]);
		size_t n = strlen(q);
		seen++;
		if (n > 0)
			bad += same_row(q, n, decided);
		if (n == EXACT_DEPTH)
			continue;
		for (size_t b = 0; b < nb && top < EXACT_NODES; b++) {
			q[n] = bytes[b];
			int rc = run(re, q, n + 1, PCRE2_PARTIAL_HARD);
			if (rc < 0 && rc != PCRE2_ERROR_PARTIAL)
				continue;
			memcpy(stack[top], q, n + 1);
			stack[top++][n + 1] = '\0';
		}
	}
	pcre2_code_free(re);
	return bad;
}

/* Which characters past ASCII match an ASCII letter, caseless, as the
 * taxonomy's rows are matched?  exact_row leaves labels with the two it
 * knows (the Kelvin sign and the long s) to the regex and compares any
 * other as it is: none else may.  The faults, each printed. */
static int
check_folds(void)
{
	int err, bad = 0, found = 0;
	PCRE2_SIZE off;
	pcre2_code *re = pcre2_compile(
	    (PCRE2_SPTR) "^(?:a|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|q|r|s|t|u|v|w|x|"
	                 "y|z)$",
	    PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &err,
	    &off, NULL);
	for (uint32_t cp = 0x80; cp <= 0x10FFFF; cp++) {
		char u[4];
		size_t n;
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		if (cp < 0x800) {
			u[0] = (char)(0xC0 | cp >> 6);
			u[1] = (char)(0x80 | (cp & 63));
			n = 2;
		} else if (cp < 0x10000) {
			u[0] = (char)(0xE0 | cp >> 12);
			u[1] = (char)(0x80 | (cp >> 6 & 63));
			u[2] = (char)(0x80 | (cp & 63));
			n = 3;
		} else {
			u[0] = (char)(0xF0 | cp >> 18);
			u[1] = (char)(0x80 | (cp >> 12 & 63));
			u[2] = (char)(0x80 | (cp >> 6 & 63));
			u[3] = (char)(0x80 | (cp & 63));
			n = 4;
		}
		if (run(re, u, n, 0) < 0)
			continue;
		if (cp == 0x17F || cp == 0x212A) {
			found++;
			continue;
		}
		printf("#   U+%04X matches an ASCII letter\n", (unsigned)cp);
		bad++;
	}
	pcre2_code_free(re);
	return bad + (found != 2);
}

/* Faults of one row, pattern p; *let counts the texts let through. */
static int
check_row(const char *p, long *let)
{
	char pat[4096], q[DEPTH + 2];
	int err, bad = 0;
	PCRE2_SIZE off;
	pcre2_code *re;
	/* a stack of texts still turned away, depth first */
	static char stack[4096][DEPTH + 1];
	size_t top = 0;

	snprintf(pat, sizeof pat, "^(?:%s)$", p);
	re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
	                   PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &err, &off,
	                   NULL);
	if (re == NULL) {
		printf("#   does not compile: %s\n", p);
		return 1;
	}
	stack[top++][0] = '\0';
	while (top > 0) {
		size_t n;
		strcpy(q, stack[--top]);
		n = strlen(q);
		/* the text and each byte after it, one past ASCII too: the
		 * trie's walk must give the plain scan's answers (the start of
		 * every match of every row, one byte on) */
		bad += same_walk(q, n);
		for (int c = 1; c <= 0x80 && n < DEPTH; c++) {
			q[n] = (char)c;
			bad += same_walk(q, n + 1);
		}
		q[n] = '\0';
		if (n > 0 && tax_may_map(q, n)) {
			for (size_t i = 0; i < n; i++)
				if (q[i] >= 'a' && q[i] <= 'z')
					q[i] ^= 32;
			if (!tax_may_map(q, n)) {
				printf("#   \"%s\" is turned away\n", q);
				bad++;
			}
			(*let)++;
			continue;
		}
		if (n > 0 && run(re, q, n, 0) >= 0) {
			printf("#   row %s: \"%s\" maps but is turned away\n",
			       p, q);
			bad++;
			continue;
		}
		if (n == DEPTH) {
			printf("#   row %s: \"%s\" still turned away\n", p, q);
			bad++;
			continue;
		}
		for (int c = 1; c < 0x80; c++) {
			if (c >= 'A' && c <= 'Z')
				continue;
			q[n] = (char)c;
			int rc = run(re, q, n + 1, PCRE2_PARTIAL_HARD);
			if (rc < 0 && rc != PCRE2_ERROR_PARTIAL)
				continue;
			if (top == sizeof stack / sizeof stack[0]) {
				printf("#   row %s: too many starts\n", p);
				pcre2_code_free(re);
				return bad + 1;
			}
			memcpy(stack[top], q, n + 1);
			stack[top++][n + 1] = '\0';
		}
	}
	pcre2_code_free(re);
	return bad;
}

/* In a child: load the taxonomy at path and check every row; exit with
 * the number of faults (255 at most), 254 when nothing was let through
 * (the test would hold nothing). */
static void
check_all(const char *path)
{
	cs_table *t;
	int bad = 0, pc;
	long let = 0;

	/* the parent's, when it made one before the fork: a second would
	 * leave the first unreachable, a leak to make check */
	if (md == NULL)
		md = pcre2_match_data_create(16, NULL);
	tax_load(path);
	t = ref_load(path ? path : "taxonomy");
	pc = ref_need(t, "pattern");
	long decided = 0;
	for (size_t i = 0; i < t->nrows; i++) {
		bad += check_row(ref_get(t, i, (size_t)pc), &let);
		bad += check_exact(ref_get(t, i, (size_t)pc), &decided);
	}
	if (decided == 0)
		bad++;
	exit(bad > 253 ? 253 : let == 0 ? 254 : bad);
}

/* In a child: exit 0 when tax_may_map lets arg's words through, where
 * the taxonomy at path leaves a row it cannot read. */
static void
let_through(const char *path)
{
	tax_load(path);
	exit(tax_may_map("zzz yyy", 7) && tax_may_map("burglary", 8) ? 0 : 1);
}

/* In a child: exit 0 when tax_may_begin lets through every label as
 * printed of which tax_map maps a prefix (clean_label trims, collapses,
 * drops marks and entities before the rows are asked), and turns away
 * one of which it maps none. */
static void
raw_labels(const char *path)
{
	static const char *const raw[] = {
		"Knife\tcrime rose",
		"knife  crime rose",
		" burglary rose",
		"*burglary* fell",
		"_Burglary_ fell",
		"knife &amp; offensive weapon offences",
		"Burglary1 offences",
		"<b>Burglary</b> fell",
		"anti\xE2\x80\x93social behaviour",
		"ar\xC5\xBFon",
		"shoplifting offences rose",
	};
	int bad = 0, mapped = 0;

	tax_load(path);
	for (size_t i = 0; i < sizeof raw / sizeof raw[0]; i++) {
		size_t n = strlen(raw[i]);
		for (size_t p = 1; p <= n; p++) {
			if (tax_map(raw[i], p) == NULL)
				continue;
			mapped++;
			if (!tax_may_begin(raw[i], n)) {
				printf(
				    "#   \"%.*s\" maps, \"%s\" turned away\n",
				    (int)p, raw[i], raw[i]);
				bad++;
			}
		}
	}
	exit(bad || mapped < 11 || tax_may_begin("people in the borough", 21)
	         ? 1
	         : 0);
}

/* text-sent.c's phrase_may asks tax_may_begin once of the longest label
 * of a phrase, trusting tx_label to keep words with no digit and no '*'
 * as printed, so that each shorter label is the start of the longest. */
static void
check_tx_label(void)
{
	static const char *const kept[] = {
		"knife crime",           "Violence  with injury",
		"anti-social behaviour", "theft/taking of pedal cycles",
		"O'Brien & co",          "caf\xC3\xA9 thefts",
	};
	sbuf out = SBUF_INIT;

	for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++) {
		tx_label(kept[i], strlen(kept[i]), &out);
		CHECK_STR(out.s, kept[i]);
	}
	tx_label("Burglary1 offences", 18, &out);
	CHECK_STR(out.s, "Burglary offences");
	sbuf_free(&out);
}

/* In a child: exit 0 when no label the shipped taxonomy maps begins as a
 * text as far as tax_may_agree says the text parts from every literal
 * start (and is no longer), for texts that part late ("burglars") and
 * early; and when those texts do part (not (size_t)-1). */
static void
agree_labels(const char *path)
{
	static const char *const text[] = {
		"burglars in the area",  "robbers were caught",
		"knifepoint robberies",  "vehicles stopped",
		"thieves were seen",     "people in the borough",
		"Violent men were seen", "offenders were",
	};
	static const char *const label[] = {
		"burglary",      "burglaries", "robbery",       "robberies",
		"knife crime",   "theft",      "vehicle crime", "violence",
		"violent crime", "offences",   "Burglary",      "ROBBERY",
	};
	int bad = 0, parted = 0;

	tax_load(path);
	for (size_t i = 0; i < sizeof text / sizeof text[0]; i++) {
		size_t n = strlen(text[i]), j = tax_may_agree(text[i], n);
		if (j == (size_t)-1)
			continue;
		parted++;
		for (size_t k = 0; k < sizeof label / sizeof label[0]; k++) {
			size_t m = strlen(label[k]);
			if (tax_map(label[k], m) == NULL)
				bad++; /* the label must map */
			if (m <= n && m > j &&
			    strncasecmp(label[k], text[i], j + 1) == 0) {
				printf("#   \"%s\" maps, \"%s\" parts at %zu\n",
				       label[k], text[i], j);
				bad++;
			}
		}
	}
	exit(bad || parted < 8 ? 1 : 0);
}

/* In a child with 1 MB of stack: exit 0 when the taxonomy at path, a
 * row of 240 nested groups (PCRE2 takes 250), loads and maps: leads_of
 * does not follow groups past LEAD_DEPTH, each holding its sets on the
 * stack. */
static void
deep_row(const char *path)
{
	struct rlimit rl = { 1 << 20, 1 << 20 };
	setrlimit(RLIMIT_STACK, &rl);
	tax_load(path);
	exit(tax_map("burglary", 8) != NULL && tax_map("theft", 5) == NULL ? 0
	                                                                   : 1);
}

static void
write_tax(char *path, const char *rows)
{
	sbuf s = SBUF_INIT;
	sbuf_adds(&s, "key\tparent\tpattern\n");
	sbuf_adds(&s, rows);
	unit_tmpfile(path, s.s, s.len);
	sbuf_free(&s);
}

/* In a child: exit 0 when tax_may_map turns "zzz" and "burgle" away and
 * lets "Burglary" and "BURGLARY OF" through under the taxonomy at path,
 * and "arſon" (a long s, which caseless "s" matches) that maps. */
static void
turned_away(const char *path)
{
	tax_load(path);
	exit(!tax_may_map("zzz", 3) && !tax_may_map("burgle", 6) &&
	             tax_may_map("Burglary", 8) &&
	             tax_may_map("BURGLARY OF", 11) &&
	             tax_map("ar\xC5\xBFon", 6) != NULL &&
	             tax_may_map("ar\xC5\xBFon", 6)
	         ? 0
	         : 1);
}

int
main(void)
{
	char path[32], odd[32];

	(void)child_fails;
	setenv("CSPKIT_DATA", "lib/data", 0);
	/* the shipped taxonomy, every row */
	CHECK(child_run(check_all, NULL) == 0);
	CHECK(child_run(turned_away, NULL) == 0);
	CHECK(child_run(raw_labels, NULL) == 0);
	CHECK(child_run(agree_labels, NULL) == 0);
	md = pcre2_match_data_create(16, NULL);
	CHECK(check_folds() == 0);
	check_tx_label();

	/* rows whose starts are harder to read: optional and repeated
	 * items, classes, escapes, groups, look-arounds, characters past
	 * ASCII that caseless "k" and "s" match, a literal start longer
	 * than DEPTH */
	write_tax(path,
	          "a\t\t(?:theft by |attempted )?housebreakings?\n"
	          "b\t\t[bc]urglary|burglar(?:y|ies)\n"
	          "c\t\tx*yz|q+r|e{0,2}zed|f{2,3}g?h\n"
	          "d\t\t\\(asb\\) reports?|\\.net crime\n"
	          "e\t\tar(?=son)son|dr(?!zz)[- ]?ugs?\n"
	          "f\t\t(?:a|b)(?:c|d)e|ab?c?d\n"
	          "g\t\tthe \xE2\x84\xAAnife crime|\\.\xC5\xBFhoplifting\n"
	          "h\t\tt\xC3\xA9st|dom\\w+ abuse|vi.lence|rob\\s?bery\n"
	          "i\t\tvery long literal start of a pattern indeed\n"
	          "j\t\t[]a]x|q[^q]uay|c[a-c]at\n");
	CHECK(child_run(check_all, path) == 0);
	unlink(path);

	sbuf deep = SBUF_INIT;
	sbuf_adds(&deep, "a\t\t");
	for (int i = 0; i < 240; i++)
		sbuf_adds(&deep, "(?:");
	sbuf_adds(&deep, "burglary");
	for (int i = 0; i < 240; i++)
		sbuf_adds(&deep, ")");
	sbuf_adds(&deep, "\n");
	write_tax(path, deep.s);
	CHECK(child_run(deep_row, path) == 0);
	unlink(path);
	sbuf_free(&deep);

	/* a row that may start with anything, or is not read (an option
	 * setting, a class of ranges, a look-ahead, a Kelvin sign, which
	 * caseless k matches), lets every label through */
	static const char *const any[] = {
		"(?x) drug s",    "[a-c]at",
		"(?=arson)arson", "\xE2\x84\xAAnife crime",
		"dru\\Qg\\E",     "\\w+ crime",
		"\\bcat"
	};
	for (size_t i = 0; i < sizeof any / sizeof any[0]; i++) {
		char rows[128];
		snprintf(rows, sizeof rows, "a\t\tburglary\nb\t\t%s\n", any[i]);
		write_tax(odd, rows);
		CHECK(child_run(let_through, odd) == 0);
		unlink(odd);
	}
	return unit_done();
}
