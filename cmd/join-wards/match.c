/* match.c - match a row to one ward: by code exactly, else by folded name
 * narrowed by borough and boundary set.  Ambiguity is reported, never
 * resolved by guessing. */
#include <string.h>

#include "err.h"
#include "match.h"
#include "names.h"
#include "text.h"

/* Candidates listed in a warning; the rest are counted. */
enum { MAX_LISTED = 6 };

static bool
in_scope(const ward *w, const query *q)
{
	return (q->lad == NULL || strcmp(w->lad_code, q->lad) == 0) &&
	       (q->vintage == NULL || strcmp(w->vintage, q->vintage) == 0);
}

/* s[0..n) for a message, whole: a NUL (where "%.*s" would stop) and
 * invalid UTF-8 show as U+FFFD.  Only warnings call it. */
static const char *
shown(sbuf *b, const char *s, size_t n)
{
	sbuf_clear(b);
	utf8_fix(s, n, b);
	return sbuf_str(b);
}

/* "E05000044 Burnt Oak (Barnet, 2014), ..." for the rows of a name chain
 * (all of them, or only those in scope). */
static const char *
list(matcher *mt, const ward *w, const query *q, bool scoped)
{
	size_t n = 0;

	sbuf_clear(&mt->msg);
	for (; w; w = w->next_name) {
		if (scoped && !in_scope(w, q))
			continue;
		if (n++ < MAX_LISTED)
			sbuf_printf(&mt->msg, "%s%s %s (%s%s%s)",
			            n > 1 ? ", " : "", w->code, w->name,
			            w->lad_name, *w->vintage ? ", " : "",
			            w->vintage);
	}
	if (n > MAX_LISTED)
		sbuf_printf(&mt->msg, " and %zu more", n - MAX_LISTED);
	return sbuf_str(&mt->msg);
}

/* A code names one area; several rows are the same ward in several
 * boundary sets, and the row's vintage picks one when it can. */
static bool
by_code(matcher *mt, const query *q, const char *file, long line, match *m)
{
	const ward *w = wardref_by_code(mt->ref, q->code, q->code_len);

	if (w == NULL) {
		cs_warn_at(file, line, "ward code \"%s\" not found",
		           shown(&mt->shown[0], q->code, q->code_len));
		return false;
	}
	m->w = w;
	m->vintage = w->next_code ? NULL : w->vintage;
	for (; w; w = w->next_code)
		if (q->vintage && strcmp(w->vintage, q->vintage) == 0) {
			m->w = w;
			m->vintage = w->vintage;
		}
	return true;
}

static bool
by_name(matcher *mt, const query *q, const char *file, long line, match *m)
{
	const ward *all, *one = NULL;
	bool several_codes = false, several_lads = false, several_sets = false;
	size_t found = 0;

	if (mt->last.w && q->lad == mt->last_lad &&
	    q->vintage == mt->last_vintage &&
	    q->name_len == mt->last_name.len &&
	    memcmp(q->name, mt->last_name.s, q->name_len) == 0) {
		*m = mt->last;
		return true;
	}
	name_fold(q->name, q->name_len, NAME_DROP_WARD, &mt->key);
	all = wardref_by_name(mt->ref, sbuf_str(&mt->key), mt->key.len);
	for (const ward *w = all; w; w = w->next_name) {
		if (!in_scope(w, q))
			continue;
		if (one == NULL)
			one = w;
		several_codes |= strcmp(w->code, one->code) != 0;
		several_lads |= strcmp(w->lad_code, one->lad_code) != 0;
		several_sets |= strcmp(w->vintage, one->vintage) != 0;
		found++;
	}
	if (all == NULL) {
		cs_warn_at(file, line, "ward \"%s\" not found",
		           shown(&mt->shown[0], q->name, q->name_len));
		return false;
	}
	if (found == 0) {
		cs_warn_at(file, line,
		           "ward \"%s\" not found%s%s%s%s%s; "
		           "candidates: %s",
		           shown(&mt->shown[0], q->name, q->name_len),
		           q->lad ? " in " : "",
		           shown(&mt->shown[1], q->borough, q->borough_len),
		           q->vintage ? " among the " : "",
		           q->vintage ? q->vintage : "",
		           q->vintage ? " wards" : "", list(mt, all, q, false));
		return false;
	}
	if (several_codes) {
		cs_warn_at(file, line, "ward \"%s\" is ambiguous: %s; %s",
		           shown(&mt->shown[0], q->name, q->name_len),
		           list(mt, all, q, true),
		           several_lads && several_sets
		               ? "give the borough and the boundary set"
		           : several_lads ? "give the borough (-b or --borough)"
		                          : "give the boundary set (--vintage "
		                            "or a period column)");
		return false;
	}
	/* One code: one area, perhaps listed in both boundary sets. */
	m->w = one;
	m->vintage = several_sets ? NULL : one->vintage;
	sbuf_clear(&mt->last_name);
	sbuf_add(&mt->last_name, q->name, q->name_len);
	mt->last_lad = q->lad;
	mt->last_vintage = q->vintage;
	mt->last = *m;
	return true;
}

bool
match_row(matcher *mt, const query *q, const char *file, long line, match *m)
{
	m->w = NULL;
	m->vintage = NULL;
	if (q->code_len > 0)
		return by_code(mt, q, file, line, m);
	if (q->borough_len > 0 && q->lad == NULL) {
		cs_warn_at(
		    file, line,
		    "borough \"%s\" is not a local authority "
		    "of the reference; ward \"%s\" not matched",
		    shown(&mt->shown[0], q->borough, q->borough_len),
		    shown(&mt->shown[1], q->name ? q->name : "", q->name_len));
		return false;
	}
	if (q->name_len > 0)
		return by_name(mt, q, file, line, m);
	cs_warn_at(file, line, "no ward name or code");
	return false;
}

void
matcher_free(matcher *mt)
{
	sbuf_free(&mt->key);
	sbuf_free(&mt->msg);
	sbuf_free(&mt->last_name);
	sbuf_free(&mt->shown[0]);
	sbuf_free(&mt->shown[1]);
}
