/* wardref.c - load a ward reference (TSV or ONS CSV) and index it.
 *
 * Columns are found by name: ours (ward_code, ward_name, lad_code, lad_name,
 * vintage, population, population_source) or ONS's (WDyyCD, WDyyNM, LADyyCD, LADyyNM; one
 * published copy of the December 2023 lookup says " WardName").  A lookup
 * without a vintage column is one boundary set, labelled "20yy" from its
 * WDyyCD column.  Memory is the table's: rows are copied once at load. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "borough.h"
#include "cols.h"
#include "csvin.h"
#include "err.h"
#include "hash.h"
#include "lines.h"
#include "mem.h"
#include "names.h"
#include "near.h"
#include "ref.h"
#include "text.h"
#include "wardref.h"

enum { C_CODE, C_NAME, C_LADCD, C_LADNM, C_VINT, C_POP, C_PSRC, C_N };

struct wardref {
	char *path; /* the table's name for messages about matches */
	char *file; /* where it was read: messages about its defects */
	ward *w;
	size_t n, cap;
	hmap *by_code, *by_name, *lads;
	hmap *vintages;  /* distinct vintage values */
	char vintage[8]; /* "20yy" for a lookup without a vintage column */
	int col[C_N];    /* -1 when absent */
};

/* The names each column goes by, ours first, then ONS's (lib/cols.h: '#'
 * is a digit).  A name given with --ref-* replaces the list. */
static const char *const code_names[] = { "ward_code", "WD##CD", NULL };
static const char *const name_names[] = { "ward_name", "WD##NM", "WardName",
	                                  NULL };
static const char *const ladcd_names[] = { "lad_code", "LAD##CD", NULL };
static const char *const ladnm_names[] = { "lad_name", "LAD##NM", NULL };
static const char *const vint_names[] = { "vintage", NULL };
static const char *const pop_names[] = { "population", NULL };
static const char *const psrc_names[] = { "population_source", NULL };

static void
find_columns(wardref *r, const wardref_opts *o, char *const names[], size_t n)
{
	static const char *what[] = { "--ref-code", "--ref-name",       "", "",
		                      "",           "--ref-population", "" };
	static const char *const *ours[C_N] = { code_names,  name_names,
		                                ladcd_names, ladnm_names,
		                                vint_names,  pop_names,
		                                psrc_names };
	const char *given[C_N] = { o->code, o->name,       NULL, NULL,
		                   NULL,    o->population, NULL };

	for (int k = 0; k < C_N; k++) {
		const char *const just[] = { given[k], NULL };

		r->col[k] = col_find((const char *const *)names, NULL, n,
		                     given[k] != NULL ? just : ours[k]);
		if (given[k] != NULL && r->col[k] < 0)
			cs_usage_error("%s: no column '%s' (%s)", r->file,
			               given[k], what[k]);
	}
	if (r->col[C_CODE] < 0)
		cs_die(CS_EXIT_DATA,
		       "%s: no ward code column (ward_code or WDyyCD); "
		       "name it with --ref-code",
		       r->file);
	if (r->col[C_NAME] < 0)
		cs_die(CS_EXIT_DATA,
		       "%s: no ward name column (ward_name or WDyyNM); "
		       "name it with --ref-name",
		       r->file);
	if (r->col[C_VINT] < 0 && o->code == NULL) {
		const char *s = names[r->col[C_CODE]];
		size_t len = strlen(s);

		text_trim(&s, &len);
		if (col_is(s, len, "WD##CD"))
			snprintf(r->vintage, sizeof r->vintage, "20%.2s",
			         s + 2);
	}
}

/* Chain a new row into the index under key. */
static void
chain(hmap *h, const char *key, size_t n, ward *w, ward **link)
{
	void **slot = hmap_put(h, key, n);

	*link = *slot;
	*slot = w;
}

static bool
same_ward(const ward *a, const ward *b)
{
	return strcmp(a->name, b->name) == 0 &&
	       strcmp(a->lad_code, b->lad_code) == 0;
}

/* Copy one reference row (cells indexed by column). */
static void
add_row(wardref *r, const char *const cell[], const size_t len[], long lineno)
{
	const char *f[C_N];
	size_t fl[C_N], total = 0;
	ward *w;
	char *p;

	for (int k = 0; k < C_N; k++) {
		f[k] = r->col[k] >= 0 ? cell[r->col[k]] : "";
		fl[k] = r->col[k] >= 0 ? len[r->col[k]] : 0;
		if (k == C_VINT && r->col[k] < 0) {
			f[k] = r->vintage;
			fl[k] = strlen(r->vintage);
		}
		/* Trim the spaces some exports leave around names. */
		while (fl[k] > 0 && f[k][0] == ' ')
			f[k]++, fl[k]--;
		while (fl[k] > 0 && f[k][fl[k] - 1] == ' ')
			fl[k]--;
		total += fl[k] + 1;
	}
	if (fl[C_CODE] == 0 || fl[C_NAME] == 0)
		cs_die_at(CS_EXIT_DATA, r->file, lineno, "empty ward %s",
		          fl[C_CODE] == 0 ? "code" : "name");
	r->w = xgrow(r->w, &r->cap, r->n + 1, sizeof *r->w);
	w = &r->w[r->n];
	memset(w, 0, sizeof *w);
	w->buf = p = xmalloc(total);
	for (int k = 0; k < C_N; k++) {
		const char **dst[C_N] = { &w->code,      &w->name,
			                  &w->lad_code,  &w->lad_name,
			                  &w->vintage,   &w->population,
			                  &w->pop_source };

		memcpy(p, f[k], fl[k]);
		p[fl[k]] = '\0';
		/* Field bytes are joined into TSV later: no tab, CR or LF. */
		for (size_t i = 0; i < fl[k]; i++)
			if (p[i] == '\t' || p[i] == '\r' || p[i] == '\n' ||
			    p[i] == '\0')
				p[i] = ' ';
		*dst[k] = p;
		p += fl[k] + 1;
	}
	r->n++;
}

/* Index the rows; a code listed twice in one vintage (LSOA-level lookups
 * repeat each ward) is kept once. */
static void
index_rows(wardref *r)
{
	sbuf key = SBUF_INIT;
	size_t kept = 0;

	r->by_code = hmap_new();
	r->by_name = hmap_new();
	r->lads = hmap_new();
	r->vintages = hmap_new();
	for (size_t i = 0; i < r->n; i++) {
		ward *w = &r->w[i], *d;

		for (d = hmap_get(r->by_code, w->code, strlen(w->code)); d;
		     d = d->next_code)
			if (strcmp(d->vintage, w->vintage) == 0)
				break;
		if (d != NULL) {
			if (!same_ward(d, w))
				cs_warn("%s: ward code %s is listed as both "
				        "'%s' (%s) and "
				        "'%s' (%s); the first is kept",
				        r->file, w->code, d->name, d->lad_name,
				        w->name, w->lad_name);
			free(w->buf);
			continue;
		}
		r->w[kept++] = *w;
	}
	r->n = kept;
	/* Pointers into r->w are stable from here on.  Chains are built by
	 * prepending, so walk backwards to keep them in table order. */
	for (size_t i = r->n; i-- > 0;) {
		ward *w = &r->w[i];

		chain(r->by_code, w->code, strlen(w->code), w, &w->next_code);
		name_fold(w->name, strlen(w->name), NAME_DROP_WARD, &key);
		chain(r->by_name, key.s, key.len, w, &w->next_name);
		hmap_put(r->vintages, w->vintage, strlen(w->vintage));
		if (*w->lad_code != '\0') {
			*hmap_put(r->lads, w->lad_code, strlen(w->lad_code)) =
			    (void *)w->lad_code;
			name_fold(w->lad_name, strlen(w->lad_name), 0, &key);
			if (key.len > 0)
				*hmap_put(r->lads, key.s, key.len) =
				    (void *)w->lad_code;
		}
	}
	sbuf_free(&key);
}

static void
load_tsv(wardref *r, const wardref_opts *o, const char *name)
{
	cs_table *t = ref_load(name);
	const char **cell = xcalloc(t->ncols, sizeof *cell);

	/* A defect of the built-in table names the file whole
	 * ($CSPKIT_DATA/wards.tsv), for the user to find it; a -r FILE
	 * keeps the name it was given. */
	if (o->path == NULL) {
		free(r->file);
		r->file = xstrdup(t->path);
	}
	size_t *len = xcalloc(t->ncols, sizeof *len);

	find_columns(r, o, t->colnames, t->ncols);
	for (size_t i = 0; i < t->nrows; i++) {
		for (size_t j = 0; j < t->ncols; j++) {
			cell[j] = ref_get(t, i, j);
			len[j] = strlen(cell[j]);
		}
		add_row(r, cell, len, t->lineno[i]);
	}
	free(cell);
	free(len);
	ref_free(t);
}

static void
load_csv(wardref *r, const wardref_opts *o)
{
	csvin *c = csvin_open(r->path);

	lines_limit(csvin_lines(c), REF_MAX_LINE, REF_MAX_BYTES);
	char **names;
	const char **cell;
	size_t *len, n;

	if (!csvin_next(c))
		cs_die(CS_EXIT_DATA, "%s: empty reference", r->path);
	n = csvin_nfields(c);
	names = xcalloc(n, sizeof *names);
	cell = xcalloc(n, sizeof *cell);
	len = xcalloc(n, sizeof *len);
	for (size_t j = 0; j < n; j++)
		names[j] = xstrdup(csvin_get(c, j));
	find_columns(r, o, names, n);
	for (size_t j = 0; j < n; j++)
		free(names[j]);
	free(names);
	while (csvin_next(c)) {
		if (csvin_nfields(c) != n) {
			/* Free first: memcheck counts what an exit loses. */
			size_t got = csvin_nfields(c);
			long line = csvin_lineno(c);

			free(cell);
			free(len);
			csvin_close(c);
			cs_die_at(CS_EXIT_DATA, r->path, line,
			          "%zu fields, the header has %zu", got, n);
		}
		for (size_t j = 0; j < n; j++) {
			cell[j] = csvin_get(c, j);
			len[j] = csvin_len(c, j);
		}
		add_row(r, cell, len, csvin_lineno(c));
	}
	free(cell);
	free(len);
	csvin_close(c);
}

/* A TSV when the first line has a tab; CSV otherwise. */
static bool
is_tsv(const char *path)
{
	FILE *f = fopen(path, "r");
	struct stat st;
	int ch;

	if (f == NULL)
		cs_die(CS_EXIT_DATA, "%s: %s", path, strerror(errno));
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode))
		cs_die(CS_EXIT_DATA, "%s: is a directory, not a ward lookup",
		       path);
	/* (a first line longer than a reference line: load_csv says so) */
	for (size_t n = 0; n < REF_MAX_LINE && (ch = getc(f)) != EOF &&
	                   ch != '\n' && ch != '\t';
	     n++)
		;
	fclose(f);
	return ch == '\t';
}

wardref *
wardref_load(const wardref_opts *o)
{
	wardref *r = xcalloc(1, sizeof *r);

	if (o->path == NULL) {
		/* Messages name the table, not the directory it was found in. */
		r->path = xstrdup("wards.tsv");
		r->file = xstrdup("wards.tsv");
		load_tsv(r, o, "wards");
	} else {
		r->path = xstrdup(o->path);
		r->file = xstrdup(o->path);
		if (is_tsv(o->path)) {
			/* ref.h looks a bare name up in the data directory. */
			sbuf p = SBUF_INIT;

			sbuf_printf(&p, "%s%s",
			            strchr(o->path, '/') ? "" : "./", o->path);
			load_tsv(r, o, p.s);
			sbuf_free(&p);
		} else {
			load_csv(r, o);
		}
	}
	if (r->n == 0)
		cs_die(CS_EXIT_DATA, "%s: no wards in the reference", r->file);
	index_rows(r);
	return r;
}

const char *
wardref_path(const wardref *r)
{
	return r->path;
}

bool
wardref_has_vintage(const wardref *r, const char *vintage)
{
	return hmap_has(r->vintages, vintage, strlen(vintage));
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void
wardref_vintages(const wardref *r, sbuf *out)
{
	size_t n = hmap_count(r->vintages), k = 0, i = 0;
	const char **v = xcalloc(n ? n : 1, sizeof *v), *key;
	void *val;

	while (hmap_iter(r->vintages, &i, &key, &val))
		v[k++] = key;
	qsort(v, k, sizeof *v, cmp_str);
	sbuf_clear(out);
	for (i = 0; i < k; i++)
		sbuf_printf(out, "%s%s", i ? ", " : "",
		            *v[i] ? v[i] : "(none)");
	free(v);
}

bool
wardref_vintaged(const wardref *r)
{
	return hmap_count(r->vintages) > 1;
}

const ward *
wardref_by_code(const wardref *r, const char *code, size_t n)
{
	return hmap_get(r->by_code, code, n);
}

const ward *
wardref_by_name(const wardref *r, const char *key, size_t n)
{
	return hmap_get(r->by_name, key, n);
}

const char *
wardref_lad(const wardref *r, const char *s, size_t n)
{
	const cs_borough *b = borough_find(s, n);
	sbuf key = SBUF_INIT;
	const char *lad;

	if (b != NULL)
		return b->code;
	if ((lad = hmap_get(r->lads, s, n)) != NULL)
		return lad;
	name_fold(s, n, 0, &key);
	lad = hmap_get(r->lads, sbuf_str(&key), key.len);
	sbuf_free(&key);
	return lad;
}

const char *
wardref_near_lad(const wardref *r, const char *s, sbuf *out)
{
	near_set ns;

	near_init(&ns, s, strlen(s));
	for (size_t i = 0; i < r->n; i++)
		near_add(&ns, r->w[i].lad_name, r->w[i].lad_name,
		         strlen(r->w[i].lad_name));
	near_list(&ns, out);
	near_free(&ns);
	return sbuf_str(out);
}

void
wardref_free(wardref *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->n; i++)
		free(r->w[i].buf);
	free(r->w);
	hmap_free(r->by_code, NULL);
	hmap_free(r->by_name, NULL);
	hmap_free(r->lads, NULL);
	hmap_free(r->vintages, NULL);
	free(r->path);
	free(r->file);
	free(r);
}
