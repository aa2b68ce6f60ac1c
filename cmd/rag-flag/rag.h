/* rag.h - the parts of rag-flag: polarity rules, colour schemes, held
 * rows and groups, and the judging of a group. */
#ifndef RAG_H
#define RAG_H

#include <stdbool.h>
#include <stddef.h>

#include "mem.h"

enum dir { DIR_NONE, DIR_BETTER, DIR_SAME, DIR_WORSE };
enum pol { POL_UNKNOWN, POL_LOWER, POL_HIGHER };

/* ---- polarity.c: which way is better ---- */

/* Load the rules of a polarity table (name or path, see ref.h). */
void pol_load(const char *name);
/* A command-line rule (--higher-is-better / --lower-is-better KEY): an
 * offence key or measure name, taking precedence over the table. */
void pol_add(const char *key, enum pol p);
/* The polarity of an indicator; rules in this order: command line
 * (offence or measure), table measure, table label phrase, table offence. */
enum pol pol_find(const char *offence, const char *measure, const char *label);
const char *pol_words(enum pol p); /* "lower is better" ... */
void pol_free(void);

/* ---- scheme.c: the colours, their thresholds and status words ---- */

void scheme_load(const char *name);
/* Replace the worst colour's thresholds (--red-share, --tolerance). */
void scheme_set_red_share(double share);
void scheme_set_tolerance(double pct);
/* The colour index for a worse share in [0,1], for a target gap in
 * percent (<= 0: met), or for a status word; -1 when none applies. */
int scheme_by_share(double share);
int scheme_by_gap(double gap);
int scheme_by_status(const char *word, size_t n);
size_t scheme_count(void);
const char *scheme_name(int colour);
const char *scheme_ansi(int colour);
void scheme_free(void);

/* ---- group.c: rows held until their group is complete ---- */

enum role {
	ROLE_INDICATOR, /* judged (direction may still be unknown) */
	ROLE_CONTEXT, /* a level printed beside a change: shown, not counted */
	ROLE_BASE,    /* the earlier value of a pair */
	ROLE_HISTORY  /* an older rank than the one compared */
};

typedef struct row row;
struct row {
	char **f; /* the input fields, copied */
	size_t *flen;
	long lineno;
	const char *src; /* interned by the caller, outlives the row */
	double v;
	bool vok; /* value is a number */
	enum role role;
	enum dir dir;
	int colour;     /* target mode: this row's own colour, or -1 */
	row *base;      /* ROLE_INDICATOR of a pair: its earlier row */
	row *cur_level; /* a change: the level of its period, base level */
	row *base_level;
	sbuf desc;       /* words for rag_reason */
	const char *why; /* unknown direction: why */
	sbuf reason;     /* target mode: this row's own reason */
};

/* The rows of one group (lib/group.h tells where a group starts). */
typedef struct {
	row **rows;
	size_t n, cap;
} group;

/* Columns the judge reads; -1 when the input has none. */
struct cols {
	int period, base_period, period_end, offence, offence_label, measure,
	    value, unit, target, status;
	const int *group; /* the group columns */
	size_t ngroup;
};

struct opts {
	double band;      /* --band P (percent or points) */
	double tolerance; /* --tolerance P */
	bool target_mode;
	const char *target_text; /* --target-value N as given, or NULL */
	double target_value;
	bool summary;
	bool color;
};

/* What a judged group says. */
struct verdict {
	int colour; /* scheme index, -1 when unknown */
	size_t better, same, worse, unknown;
	sbuf reason;
};

const char *row_get(const row *r, int col);
struct tsv;
row *group_add(group *g, const struct tsv *t, const char *src);
void group_clear(group *g, size_t ncols);
/* Append head and the descriptions of the rows of g that want() picks, in
 * input order: the first REASON_NAMED, then "and N more".  Every row of a
 * group carries its reason, so a list of all would make the output grow
 * with the square of the group's size. */
enum { REASON_NAMED = 5 };
void group_list(sbuf *b, const group *g, bool (*want)(const row *),
                const char *head);
void row_parse_value(row *r, const struct cols *c);
/* "Burglary 2019-02 ": offence when the group mixes offences, and period. */
void add_prefix(sbuf *b, const row *r, const struct cols *c);
const char *dir_name(enum dir d);
/* Judge every row of g and the group as a whole. */
void judge_change(group *g, const struct cols *c, const struct opts *o,
                  struct verdict *out);
void judge_target(group *g, const struct cols *c, const struct opts *o,
                  struct verdict *out);

/* ---- output.c: the table written ---- */

enum { NADD = 3 }; /* direction, rag, rag_reason */

struct run {
	struct cols c;
	struct opts o;
	size_t ncols;
	int where[NADD]; /* where the added columns go (tsv.h) */
	sbuf colour;     /* the rag field, coloured or not */
};

/* --color's WHEN (never, always, auto), or a usage error. */
bool want_color(const char *when);
/* The input's header and the added columns, or the summary's header. */
void write_header(const struct tsv *t, struct run *run);
/* Judge g, write its rows (or its summary row), and empty it. */
void write_group(group *g, struct run *run);

#endif
