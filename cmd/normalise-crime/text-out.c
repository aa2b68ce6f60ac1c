/* text-out.c - figures held until final, footnoted periods, --check.
 *
 * A figure is held while something later in the text may still change
 * it or come before it: a footnote naming its period ("months1" ...
 * "1 The 12 months to March 2017"), or a table whose caption is below it.
 * Held figures are kept in line order and written when final. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "borough.h"
#include "err.h"
#include "hash.h"
#include "tx.h"

/* Lines a footnote may follow the figure that cites it. */
#define FOOTNOTE_REACH 80

typedef struct {
	const char *offence;
	char *area;
	cs_period p;
	double v;
	char text[48];
} tx_count;

/* An area named by the held facts, and the London borough it is (its
 * code goes in area_code), or NULL. */
typedef struct {
	char *name;
	const cs_borough *borough;
} tx_area;

struct tx_store {
	tx_fact *f; /* held, in line order */
	size_t n, cap;
	hmap *areas;   /* tx_area by name: a fact's area points to one */
	tx_area *last; /* the one area_of gave last */
	tx_count *cnt; /* counts seen in this file (--check) */
	size_t ncnt, capcnt;
	tx_fact *claims; /* stated changes without counts (--check) */
	size_t ncl, capcl;
	unsigned long ids; /* the last id tx_add gave */
};

void
tx_out_init(tx *t)
{
	t->st = xcalloc(1, sizeof *t->st);
	t->st->areas = hmap_new();
}

/* The area of a fact, kept once for all the facts that name it (a
 * document names a few), with its borough looked up once: a copy of the
 * name and a borough_find a fact cost 0.6M instructions on slice-s3 (875
 * rows). */
static tx_area *
area_of(struct tx_store *st, const char *name)
{
	size_t n;
	void **slot;

	/* most facts name the area the one before named (hmap_put: 0.24M
	 * instructions for 1,750 look-ups on slice-s3) */
	if (st->last != NULL && strcmp(st->last->name, name) == 0)
		return st->last;
	n = strlen(name);
	slot = hmap_put(st->areas, name, n);
	if (*slot == NULL) {
		tx_area *a = xmalloc(sizeof *a);

		a->name = xstrndup(name, n);
		a->borough = n > 0 ? borough_find(name, n) : NULL;
		*slot = a;
	}
	return st->last = *slot;
}

static void
area_free(void *p)
{
	tx_area *a = p;

	free(a->name);
	free(a);
}

static bool
same_period(const cs_period *a, const cs_period *b)
{
	return a->start.y == b->start.y && a->start.m == b->start.m &&
	       a->start.d == b->start.d && a->end.y == b->end.y &&
	       a->end.m == b->end.m && a->end.d == b->end.d;
}

static bool
same_str(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

tx_fact *
tx_add(tx *t, long line, const char *area, const tx_period *p,
       const tx_period *base, const char *label, size_t labeln,
       const char *measure, const char *value, const char *unit)
{
	struct tx_store *st = t->st;
	tx_fact f = { 0 };
	f.line = line;
	f.area = area_of(st, area ? area : "")->name;
	if (p)
		f.period = *p;
	if (base)
		f.base = *base;
	f.label = xstrndup(label, labeln);
	tax_at(t->file, line);
	f.offence = tax_map(label, labeln);
	if (!f.offence) {
		f.offence = "unmapped";
		if (t->o->strict)
			cs_warn_at(
			    t->file, line,
			    "offence label \"%s\" is not in the taxonomy",
			    f.label);
	}
	f.measure = measure;
	f.id = ++st->ids;
	copy_cut(f.value, sizeof f.value, value);
	copy_cut(f.unit, sizeof f.unit, unit);
	/* insert in line order: figures mostly arrive in order */
	st->f = xgrow(st->f, &st->cap, st->n + 1, sizeof *st->f);
	size_t i = st->n;
	while (i > 0 && st->f[i - 1].line > line)
		i--;
	memmove(st->f + i + 1, st->f + i, (st->n - i) * sizeof *st->f);
	st->f[i] = f;
	st->n++;
	return &st->f[i];
}

tx_fact *
tx_held(tx *t, unsigned long id)
{
	struct tx_store *st = t->st;

	/* the fact asked for is one of the newest */
	for (size_t i = st->n; i-- > 0;)
		if (st->f[i].id == id)
			return &st->f[i];
	return NULL;
}

/* Resolve the period of each held figure that cites footnote num. */
bool
tx_footnote(tx *t, int num, const char *s, size_t n)
{
	struct tx_store *st = t->st;
	bool cited = false;
	for (size_t i = 0; i < st->n; i++)
		if (st->f[i].fn == num)
			cited = true;
	if (!cited)
		return false;
	cs_period a, b;
	size_t so, eo, so2, eo2;
	int r = tx_find_period(s, n, &a, &so, &eo);
	bool vs = false;
	if (r == TXP_OK &&
	    tx_find_period(s + eo, n - eo, &b, &so2, &eo2) == TXP_OK) {
		/* "2011/12 vs. 2016/17": the change from a to b */
		vs = true;
	}
	for (size_t i = 0; i < st->n; i++) {
		tx_fact *f = &st->f[i];
		if (f->fn != num)
			continue;
		f->fn = 0;
		cs_period p = a;
		int rr = r;
		if (f->fn_months && !vs) {
			/* "5 To June 2019" under "the last 12 months5": a month alone
			 * ends the relative span */
			sbuf tmp = SBUF_INIT;
			cs_period q;
			sbuf_printf(&tmp, "%d months ", f->fn_months);
			sbuf_add(&tmp, s, n);
			if (tx_find_period(tmp.s, tmp.len, &q, &so, &eo) ==
			        TXP_OK &&
			    so == 0) {
				p = q;
				rr = TXP_OK;
			}
			sbuf_free(&tmp);
		}
		if (rr != TXP_OK && f->fn_months) {
			/* "7 To June 2017" under "the last 12 months7" */
			sbuf tmp = SBUF_INIT;
			sbuf_printf(&tmp, "%d months ", f->fn_months);
			sbuf_add(&tmp, s, n);
			rr = tx_find_period(tmp.s, tmp.len, &p, &so, &eo);
			sbuf_free(&tmp);
		}
		if (rr != TXP_OK)
			continue;
		if (vs) {
			f->period = (tx_period){ true, b };
			if (strstr(f->measure, "change"))
				f->base = (tx_period){ true, a };
		} else {
			f->period = (tx_period){ true, p };
			if (f->fn_base_months)
				f->base = (tx_period){
					true,
					period_shift(&p, -f->fn_base_months)
				};
		}
	}
	return true;
}

static void
remember(tx *t, const tx_fact *f)
{
	struct tx_store *st = t->st;
	if (!t->o->check || !f->period.set || !strcmp(f->offence, "unmapped"))
		return;
	if (!strcmp(f->measure, "count")) {
		st->cnt =
		    xgrow(st->cnt, &st->capcnt, st->ncnt + 1, sizeof *st->cnt);
		tx_count *c = &st->cnt[st->ncnt++];
		c->offence = f->offence;
		c->area = xstrdup(f->area);
		c->p = f->period.p;
		c->v = strtod(f->value, NULL);
		copy_cut(c->text, sizeof c->text, f->value);
	} else if (f->claim && f->base.set) {
		st->claims = xgrow(st->claims, &st->capcl, st->ncl + 1,
		                   sizeof *st->claims);
		tx_fact *c = &st->claims[st->ncl++];
		*c = *f;
		c->area = xstrdup(f->area);
		c->label = xstrdup(f->label);
	}
}

static void
write_fact(tx *t, tx_fact *f)
{
	remember(t, f);
	const cs_borough *b = area_of(t->st, f->area)->borough;
	nc_row r = {
		.source = t->source,
		.line = f->line,
		.area = f->area,
		.area_code = b ? b->code : NULL,
		.period = f->period.set ? &f->period.p : NULL,
		.base = f->base.set ? &f->base.p : NULL,
		.offence = f->offence,
		.offence_label = f->label,
		.measure = f->measure,
		.value = f->value,
		.unit = f->unit,
	};
	nc_emit(&r);
	free(f->label);
}

/* Write the held facts no reader can change any more (all: every one). */
static void
flush_held(tx *t, bool all)
{
	struct tx_store *st = t->st;
	size_t k = 0;

	if (!all) {
		long h = tx_table_pending(t), h2 = tx_tab_pending(t),
		     h3 = tx_para_pending(t), h4 = tx_flat_pending(t);
		t->hold = h < h2 ? h : h2;
		t->hold = t->hold < h3 ? t->hold : h3;
		t->hold = t->hold < h4 ? t->hold : h4;
	}
	for (; k < st->n; k++) {
		tx_fact *f = &st->f[k];
		if (!all && (f->line >= t->hold ||
		             (f->fn && f->line > t->line - FOOTNOTE_REACH)))
			break;
		write_fact(t, f);
	}
	if (k) {
		memmove(st->f, st->f + k, (st->n - k) * sizeof *st->f);
		st->n -= k;
	}
}

void
tx_flush(tx *t, bool all)
{
	/* asked after every line, and after most no row waits: the four
	 * readers are asked what they still hold only when one does (232.8M
	 * to 231.7M instructions per MB); and the work is a function apart,
	 * so that a line with no row held costs a test, not the saving and
	 * restoring of write_fact's registers (220.2M to 219.9M) */
	if (t->st->n > 0)
		flush_held(t, all);
}

/* Half a unit in the last printed place, and a little for binary error. */
static double
tolerance(const cs_num *stated)
{
	return 0.5 * pow(10, -stated->decimals) + 1e-9;
}

void
tx_check_change(tx *t, long line, const char *what, double from, double to,
                const cs_num *stated, bool pct)
{
	if (!t->o->check || (pct && from == 0))
		return;
	double got = pct ? (to - from) / from * 100 : to - from;
	/* rounded, or cut off ("28.9%" for 28.96%): both are how reports print */
	double unit = pow(10, -stated->decimals);
	if (fabs(got - stated->value) <= tolerance(stated) ||
	    (fabs(got) >= fabs(stated->value) &&
	     fabs(got) < fabs(stated->value) + unit &&
	     (got >= 0) == (stated->value >= 0)))
		return;
	char a[48], b[48], g[48];
	num_format(a, sizeof a, to, 0);
	num_format(b, sizeof b, from, 0);
	num_format(g, sizeof g, got,
	           pct ? stated->decimals > 1 ? stated->decimals : 1 : 0);
	cs_warn_at(t->file, line, "%s: stated %s%s but %s vs %s gives %s%s",
	           what, stated->text, pct ? "%" : "", a, b, g, pct ? "%" : "");
}

void
tx_check_rank(tx *t, long line, const char *what, const cs_num *rank,
              bool london)
{
	if (!t->o->check)
		return;
	if (rank->value < 1 || rank->value > (double)rank->of)
		cs_warn_at(t->file, line, "%s: rank %s/%ld is outside 1..%ld",
		           what, rank->text, rank->of, rank->of);
	else if (london && rank->of != 32)
		cs_warn_at(t->file, line,
		           "%s: London rank %s/%ld but London has 32 "
		           "boroughs (33 with the City)",
		           what, rank->text, rank->of);
}

static const tx_count *
find_count(const struct tx_store *st, const tx_fact *c, const cs_period *p)
{
	for (size_t i = 0; i < st->ncnt; i++)
		if (same_str(st->cnt[i].offence, c->offence) &&
		    same_str(st->cnt[i].area, c->area) &&
		    same_period(&st->cnt[i].p, p))
			return &st->cnt[i];
	return NULL;
}

void
tx_out_file_end(tx *t)
{
	struct tx_store *st = t->st;
	t->hold = LONG_MAX;
	tx_flush(t, true);
	/* A stated change against the counts printed elsewhere in the file:
	 * "590 fewer burglaries" and a table giving 3878 and 3297. */
	for (size_t i = 0; i < st->ncl; i++) {
		tx_fact *c = &st->claims[i];
		const tx_count *now = find_count(st, c, &c->period.p);
		const tx_count *then = find_count(st, c, &c->base.p);
		if (now && then) {
			cs_num stated;
			if (num_parse(c->value, strlen(c->value), &stated) ==
			    NUM_OK)
				tx_check_change(
				    t, c->line, c->label, then->v, now->v,
				    &stated, !strcmp(c->measure, "pct_change"));
		}
		free(c->area);
		free(c->label);
	}
	for (size_t i = 0; i < st->ncnt; i++)
		free(st->cnt[i].area);
	st->ncl = st->ncnt = 0;
}

void
tx_out_free(tx *t)
{
	hmap_free(t->st->areas, area_free);
	free(t->st->f);
	free(t->st->cnt);
	free(t->st->claims);
	free(t->st);
	t->st = NULL;
}
