/* tx.h - text mode of normalise-crime: the context its recognisers share.
 *
 * text.c reads lines, cleans them and hands each to the recognisers:
 *   text-flat.c   a table flattened one cell per line (pdftotext without
 *                 -layout);
 *   text-table.c  space-separated table under a header of periods broken
 *                 over several lines (pdftotext of a PDF table);
 *   text-tab.c    tab-separated tables: offence x period, offence x area,
 *                 area lists, dashboards with super-headers and ranks;
 *   text-sent.c   statistic sentences and sentence-style dashboards;
 *   text-words.c  the recogniser tables (lib/data/rules-crime-*.tsv) and
 *                 the words of a statistic (lib/data/crime-words.tsv);
 *   text-out.c    the held rows (in line order), footnoted periods, and the
 *                 --check arithmetic.
 */
#ifndef NC_TX_H
#define NC_TX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "mem.h"
#include "nc.h"
#include "num.h"
#include "rules.h"
#include "text.h" /* lib: text_trim, text_ieq */

/* A period that may be unknown. */
typedef struct {
	bool set;
	cs_period p;
} tx_period;

/* One figure as it will be written. */
typedef struct {
	long line;
	char *area;
	tx_period period, base;
	int fn;             /* footnote number that names the period, 0 none */
	int fn_months;      /* span of the relative phrase ("last 12 months") */
	int fn_base_months; /* base is fn_base_months before ("a year ago") */
	char *label;
	const char *offence;
	const char *measure;
	char value[48];
	char unit[32];
	unsigned long id; /* tx_add's serial number, from 1 (tx_held) */
	bool claim;       /* a stated change with no counts beside it:
			      * --check compares it with the tables' counts */
} tx_fact;

struct tx_store;

typedef struct {
	const struct nc_opts *o;
	const char *source; /* name written in `source` */
	const char *file;   /* operand name, for messages */
	char *area;         /* default area (--area or from the title) */
	bool area_given;
	long line;              /* line being read */
	long hold;              /* rows at lines >= hold are not yet final */
	struct tx_store *st;    /* held rows, footnotes, check facts */
	struct tx_table *table; /* text-table.c state */
	struct tx_tab *tab;     /* text-tab.c state */
	struct tx_para *para;   /* text-sent.c state */
	struct tx_flat *flat;   /* text-flat.c state */
	bool notes;             /* in a block of numbered footnotes */
	bool blank;             /* a blank line since the last line read */
	tx_period lead;         /* period of a paragraph ending in ':' */
	long lead_line;
} tx;

/* ---- text-out.c ---- */
void tx_out_init(tx *t);
/* Queue one figure; label is the printed label (trimmed, markers removed);
 * measure is a static string; value is C-locale text.  Returns the
 * held fact so a caller may mark a footnote on it. */
tx_fact *tx_add(tx *t, long line, const char *area, const tx_period *p,
                const tx_period *base, const char *label, size_t labeln,
                const char *measure, const char *value, const char *unit);
/* The held fact tx_add numbered id, or NULL once written.  A pointer
 * tx_add returned is good only until the next tx_add, which may move
 * the held facts (they are kept in line order, in one array). */
tx_fact *tx_held(tx *t, unsigned long id);
/* A numbered footnote line: resolve the periods of facts that cite it. */
bool tx_footnote(tx *t, int num, const char *s, size_t n);
/* Write the held facts that can no longer change. */
void tx_flush(tx *t, bool all);
/* --check facts: a stated change, and counts to compare it with. */
void tx_check_change(tx *t, long line, const char *what, double from, double to,
                     const cs_num *stated, bool pct);
void tx_check_rank(tx *t, long line, const char *what, const cs_num *rank,
                   bool london);
/* End of one input file: footnotes expire, cross-checks run. */
void tx_out_file_end(tx *t);
void tx_out_free(tx *t);

/* ---- text-words.c: the recogniser tables and the words ---- */
/* rules-crime-sentence.tsv, loaded once with crime-words.tsv. */
cs_ruleset *tx_rules(void);
/* rules-crime-cells.tsv: table headers and cells (text-tab.c). */
cs_ruleset *tx_cell_rules(void);
/* A word of crime-words.tsv (any case; a glued footnote digit dropped):
 * its kind and value. */
bool tx_word(const char *s, size_t n, const char **kind, const char **value);
/* The kind of a word as tx_word finds it, as a bit: one look-up where
 * stopword, countnoun and ends_phrase (text-sent.c) asked tx_word and
 * compared its kind up to five times (625.2M to 624.1M instructions per
 * MB of report text); 0 for a word not listed, TXK_LISTED alone for a
 * kind without a bit. */
enum {
	TXK_LISTED = 1u << 0,
	TXK_STOP = 1u << 1,
	TXK_QUALIFIER = 1u << 2,
	TXK_UP = 1u << 3,
	TXK_DOWN = 1u << 4,
	TXK_SAME = 1u << 5,
	TXK_RELATIVE = 1u << 6,
	TXK_COUNTNOUN = 1u << 7,
	TXK_FOLLOW = 1u << 8,
	TXK_PCTVERB = 1u << 9
};
unsigned tx_word_kind(const char *s, size_t n);
/* The sign a direction word gives a figure: 1, -1, or 0 (none, or "stable"). */
int tx_word_sign(const char *s, size_t n);
/* A word of letters that may make a sentence without a digit hold a
 * figure: a number, a change verb or "same" in words (crime-words.tsv:
 * numword, pctverb, same), "change", "third", "quarter", "half".  One
 * hash look-up where may_hold_figure asked tx_word and five literals of
 * each word of every sentence: 681.0M to 653.0M instructions per MB. */
bool tx_figure_word(const char *s, size_t n);
/* The shapes of the words of crime-words.tsv, filled when text-words.c
 * loads them (rs() in text-sent.c, before any sentence is read): bit
 * (last byte & 31) of tx_shape[list][length][first byte & 31], lengths
 * from TX_SHAPE_MAX together.  A word without the shape of a word of the
 * list is not one, known without the hash; lists: every
 * word (tx_word), tx_figure_word's, the pctverb and pctword ones, and the
 * first words of the pctwords of two ("a" of "a third"). */
enum { TX_SH_WORD, TX_SH_FIG, TX_SH_PCT, TX_SH_PCT1, TX_SH_N };
enum { TX_SHAPE_MAX = 15 };
extern uint32_t tx_shape[TX_SH_N][TX_SHAPE_MAX + 1][32];
/* Could s[0..n) (n > 0), in any case, be a word of list?  A byte & 31
 * is the same for a letter in either case: no lower-casing (608.3M to
 * 605.7M instructions per MB of report text). */
static inline bool
tx_shape_may(int list, const char *s, size_t n)
{
	unsigned f = (unsigned char)s[0] & 31u,
	         l = (unsigned char)s[n - 1] & 31u;
	return tx_shape[list][n < TX_SHAPE_MAX ? n : TX_SHAPE_MAX][f] >> l & 1;
}
/* The one negation of a printed number: "-" before its text. */
void tx_negate(cs_num *v);
void tx_words_free(void);
enum { TXP_NONE = 0, TXP_OK = 1, TXP_BACKWARDS = 2 };
/* The first period phrase in s[0..n) (lib/date: period_find); *so, *eo
 * give its span.  TXP_BACKWARDS: "December 2023 to September 2023" comes
 * first. */
int tx_find_period(const char *s, size_t n, cs_period *p, size_t *so,
                   size_t *eo);
/* A whole header cell that is a period ("Year-end October 2022",
 * "Feb-19", "2016/17"). */
bool tx_cell_period(const char *s, size_t n, cs_period *p);
/* "vs. one year ago", "previous year", "5 years ago": months back, or 0. */
int tx_months_ago(const char *s, size_t n);
/* The area a name denotes: a London borough (ONS name), London, England,
 * "England and Wales"; NULL otherwise.  Parenthesised notes are ignored. */
const char *tx_area_name(const char *s, size_t n);
/* The first single month named in s ("January 2023"). */
int tx_find_month(const char *s, size_t n, cs_period *p, size_t *so,
                  size_t *eo);
/* A cell's number: num_parse, and also "2% increase", "7% down". */
bool tx_cell_num(const char *s, size_t n, cs_num *v);

/* ---- recognisers: each returns true when it consumed the line ---- */
/* ..._pending: first line a recogniser may still write a row for, or
 * LONG_MAX; rows before it are final.  ..._end: the input ended. */
bool tx_table_line(tx *t, const char *s, size_t n); /* text-table.c */
void tx_table_end(tx *t);
void tx_table_free(tx *t);
long tx_table_pending(const tx *t);
bool tx_tab_line(tx *t, const char *s, size_t n); /* text-tab.c */
void tx_tab_end(tx *t);
void tx_tab_free(tx *t);
long tx_tab_pending(const tx *t);
bool tx_flat_line(tx *t, const char *s, size_t n); /* text-flat.c */
void tx_flat_end(tx *t);
/* Reading the rows of a flattened table. */
bool tx_flat_in_table(const tx *t);
void tx_flat_free(tx *t);
long tx_flat_pending(const tx *t);
/* A line for the readers after text-flat.c (text.c): lines it held and
 * gave back. */
void tx_line_rest(tx *t, char *s, size_t n);
void tx_para_line(tx *t, const char *s, size_t n); /* text-sent.c */
void tx_para_end(tx *t);
void tx_para_free(tx *t);
long tx_para_pending(const tx *t);
void tx_sent_free(void);

/* Helpers shared by the recognisers (text.c). */
/* Copy s[0..n) into out without footnote markers glued to words
 * ("months1" -> "months", "MOPAC74" -> "MOPAC7", "offences*" ->
 * "offences") and trimmed; returns out's string. */
const char *tx_label(const char *s, size_t n, sbuf *out);
/* A table cell that reads as a number too long to keep exact (num.h:
 * NUM_OVERFLOW): true after warning at the row's line that it is not read. */
bool tx_overflow(tx *t, long line, const char *label, const char *s, size_t n);

#endif
