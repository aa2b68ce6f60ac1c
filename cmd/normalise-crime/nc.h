/* nc.h - the parts of normalise-crime: option set, the indicator-row
 * writer, the offence taxonomy, and one reader per input format. */
#ifndef NC_H
#define NC_H

#include <stdbool.h>
#include <stddef.h>

#include "csvin.h"
#include "date.h"
#include "lines.h"
#include "mem.h"

struct nc_opts {
	const char *format; /* "text", "mps", "police-uk" or NULL: detect */
	const char *source; /* --source NAME, overrides the file name */
	const char *area;   /* --area NAME for text; for data: filter */
	char **areas;       /* --area (repeatable) filter for data modes */
	size_t nareas;
	const char *taxonomy; /* --taxonomy FILE or NULL (built-in) */
	const char *by;   /* police-uk --by lsoa|ward|lad|csp|force|borough */
	int level;        /* --by as a geo.h level, -2 lsoa; -1 none
				    * (the London per-LSOA / borough listing) */
	bool level_major; /* --level major */
	int windows[8];   /* --window N[,N...] */
	size_t nwindows;
	bool window_only; /* --window-only: no monthly rows */
	bool check;       /* --check: recompute stated changes */
	bool strict;
};

/* One indicator row (SPEC section 2).  NULL or "" fields are written empty. */
typedef struct {
	const char *source;
	long line;
	const char *area, *area_code;
	const char *parent_area,
	    *parent_area_code;   /* written when nc_parents */
	const cs_period *period; /* label, start, end; NULL = unknown */
	const cs_period *base;   /* base_period label; NULL = none */
	const char *offence;     /* canonical key or "unmapped" */
	const char *offence_label;
	const char *measure;
	const char *value; /* as printed, C locale */
	const char *unit;
} nc_row;

/* True when the table has parent_area and parent_area_code after
 * area_code (police-uk --by a national level); set before nc_header. */
extern bool nc_parents;
void nc_header(void);
void nc_emit(const nc_row *r);

/* Rows that differ only in period and value (a wide file made long): the
 * other fields are cleaned and joined once by nc_tmpl_set (r->period and
 * r->value are not used), the period fields once per period by
 * nc_period_text, and each row is then a few copies. */
typedef struct {
	sbuf head, mid, tail;
} nc_tmpl;
void nc_tmpl_set(nc_tmpl *t, const nc_row *r);
void nc_period_text(const cs_period *p, sbuf *out);
/* value must hold no tab, CR, LF or NUL (a number the caller wrote). */
void nc_tmpl_emit(const nc_tmpl *t, const sbuf *period, const char *value,
                  size_t n);
void nc_tmpl_free(nc_tmpl *t);

/* Taxonomy (taxonomy.c): loaded once from lib/data/taxonomy.tsv or
 * --taxonomy FILE.  Maps a printed label to its canonical key, or NULL when
 * unmapped.  nc_parent() gives the parent key ("" at the top). */
void tax_load(const char *path);
const char *tax_map(const char *label, size_t n);
/* Where the next labels were read (file and line), for tax_map's
 * warnings; readers set it per record. */
void tax_at(const char *file, long line);
const char *tax_parent(const char *key);
/* Might some row map the clean label s[0..n)?  False only when none can:
 * no match of any row begins as it does (the literal starts tax_map
 * asks first; tests/unit/test_normalise-crime_taxonomy.c holds them to
 * every row). */
bool tax_may_map(const char *s, size_t n);
/* Might tax_map map s[0..n) or a prefix of it, as printed (not
 * cleaned)?  False only when it cannot. */
bool tax_may_begin(const char *s, size_t n);
/* (size_t)-1 when tax_may_begin(s, n); else the last byte of s where it
 * differs from a literal start it was compared with: a label no longer
 * than s and beginning as s does up to that byte (as printed) maps
 * nothing either. */
size_t tax_may_agree(const char *s, size_t n);
/* Does the walk tax_may_* take agree with the plain one it replaces
 * (raw: as tax_may_begin asks)?  For tests/unit. */
bool tax_may_check(const char *s, size_t n, bool raw);
/* Does tax_map answer the label from the rows' texts, without a regex?
 * Then *row is that answer and *want the first row whose regex matches
 * (the number of rows: none), for tests/unit to compare. */
bool tax_map_check(const char *label, size_t n, size_t *row, size_t *want);

/* Readers: each reads its input and writes rows with nc_emit; returns 0,
 * or exits through cs_die on a fatal error. */
int nc_text(lines *in, const struct nc_opts *o); /* text.c */
/* The data readers take a CSV reader over one operand whose first record
 * is the header (mps.c, policeuk.c). */
int nc_mps(csvin *in, const struct nc_opts *o);      /* mps.c */
int nc_policeuk(csvin *in, const struct nc_opts *o); /* policeuk.c */
/* The closing warning for records --by could not place (before the count). */
void nc_policeuk_report(void);

/* CSV helper (csvfield.c): field i trimmed and made valid UTF-8, copied
 * into b (records do not outlive the next csvin_next).  Header columns are
 * found by csvin_col (lib/cols.h). */
const char *nc_field(csvin *c, int i, sbuf *b);

/* The format a first line announces: "mps", "police-uk", or "text". */
const char *nc_detect(const char *line, size_t n);
/* An MPS header with a ward column (WardName, WardCode): its rows get the
 * borough as parent_area (mps.c). */
bool nc_mps_has_wards(const char *line, size_t n);

/* --area filter for the data modes (filter.c): true when no --area was
 * given or name (or code) is one of them, compared folded (names.h). */
bool nc_area_wanted(const struct nc_opts *o, const char *name, size_t n);
/* The same for another name of the same record (its code, its parent):
 * not listed among the areas the input has when nothing matches. */
bool nc_area_also(const struct nc_opts *o, const char *name, size_t n);
/* After the last operand: an --area that kept no row is exit 1 naming
 * the nearest known names. */
void nc_area_check(const struct nc_opts *o);

/* Month totals held until the end (agg.c): police.uk counts, --level major
 * and --window.  A group is one area and offence; months are indexed
 * y * 12 + m - 1. */
typedef struct nc_group nc_group;
nc_group *agg_group(const char *area, const char *code, const char *offence,
                    const char *label);
/* The same within a parent area (police.uk --by a national level). */
nc_group *agg_group_in(const char *area, const char *code, const char *parent,
                       const char *pcode, const char *offence,
                       const char *label);
/* Add count to a month; source and line say where it was read (the first
 * figure of each month is the one the row will cite). */
void agg_add(nc_group *g, int month, long count, const char *source, long line);
/* A month index the windows can hold (years 1900-2199). */
bool agg_month_ok(int month);
/* Two MPS files that both hold a month (publications overlap) must not
 * both be summed: the first file to claim a month keeps it; false when
 * another file already has it (agg_month_owner says which). */
bool agg_month_claim(int month, const char *source);
const char *agg_month_owner(int month);
/* Record that the input covered this month (a zero is data). */
void agg_month_seen(int month);
/* Write the held monthly rows (police.uk, --level major), sorted by area
 * and offence label. */
void agg_emit_months(void);
/* Write the --window rows for every held group, in the same order. */
void agg_emit_windows(const struct nc_opts *o);
/* Drop every group and month and start again: a tool reads its input
 * once, the fuzz harness (tests/fuzz/fuzz_nc_agg.c) reads many. */
void agg_reset(void);

#endif
