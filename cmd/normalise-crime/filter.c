/* filter.c - the --area filter of the data modes.  Names compare folded
 * (names.h: case, "&"/"and", punctuation, a trailing "Ward"), so
 * "--area 'Barking & Dagenham'" keeps "Barking and Dagenham"; codes fold
 * to themselves, and a borough's other names (boroughs.tsv: "Kingston",
 * "E09000021") keep its rows under the name the file prints.
 *
 * An --area that kept no row is an error naming the nearest names (of
 * the London boroughs, the wards, and the areas the input has):
 * "--area Barnett" on a borough file is a typing slip, not an empty
 * table.  At a national level (police.uk --by ward|lad|csp|force|lsoa)
 * the names are those of that level: the areas of England and Wales and
 * the input's, most records first ("--by csp --area Barnet" on Gwent's
 * files: it has Newport, Caerphilly ..., not LSOA names). */
#include <stdlib.h>
#include <string.h>

#include "borough.h"
#include "err.h"
#include "geo.h"
#include "hash.h"
#include "mem.h"
#include "names.h"
#include "nc.h"
#include "near.h"
#include "ref.h"

static char **wanted; /* folded --area values */
static char **canon;  /* folded borough name of each, or NULL */
static bool *hit;     /* kept a row */
static size_t nwanted;
/* The input's areas (folded name -> one of these) and how many records
 * each had: the message lists them, most first at a national level. */
typedef struct {
	char *name;
	long n;
} seen_area;
static hmap *seen;

static void
seen_free(void *p)
{
	free(((seen_area *)p)->name);
	free(p);
}

static void
filter_free(void)
{
	for (size_t i = 0; i < nwanted; i++) {
		free(wanted[i]);
		free(canon[i]);
	}
	free(wanted);
	free(canon);
	free(hit);
	if (seen != NULL)
		hmap_free(seen, seen_free);
}

static void
filter_init(const struct nc_opts *o, sbuf *key)
{
	wanted = xcalloc(o->nareas, sizeof *wanted);
	canon = xcalloc(o->nareas, sizeof *canon);
	hit = xcalloc(o->nareas, sizeof *hit);
	for (size_t i = 0; i < o->nareas; i++) {
		const cs_borough *b =
		    borough_find(o->areas[i], strlen(o->areas[i]));

		name_fold(o->areas[i], strlen(o->areas[i]), NAME_DROP_WARD,
		          key);
		wanted[i] = xstrdup(sbuf_str(key));
		if (b != NULL) {
			name_fold(b->name, strlen(b->name), NAME_DROP_WARD,
			          key);
			canon[i] = xstrdup(sbuf_str(key));
		}
	}
	nwanted = o->nareas;
	seen = hmap_new();
	atexit(filter_free);
}

static bool
area_match(const struct nc_opts *o, const char *name, size_t n, bool note)
{
	static sbuf key;
	void **slot;

	if (o->nareas == 0)
		return true;
	if (wanted == NULL)
		filter_init(o, &key);
	name_fold(name, n, NAME_DROP_WARD, &key);
	for (size_t i = 0; i < nwanted; i++)
		if (strcmp(wanted[i], sbuf_str(&key)) == 0 ||
		    (canon[i] != NULL && strcmp(canon[i], sbuf_str(&key)) == 0))
			return hit[i] = true;
	if (note && key.len > 0) {
		seen_area *a;

		if (*(slot = hmap_put(seen, key.s, key.len)) == NULL) {
			a = *slot = xcalloc(1, sizeof *a);
			a->name = xstrndup(name, n);
		}
		((seen_area *)*slot)->n++;
	}
	return false;
}

bool
nc_area_wanted(const struct nc_opts *o, const char *name, size_t n)
{
	return area_match(o, name, n, true);
}

bool
nc_area_also(const struct nc_opts *o, const char *name, size_t n)
{
	return area_match(o, name, n, false);
}

/* Offer every name of the London boroughs, the wards and the input; at a
 * national level, of that level's areas in England and Wales and the
 * input. */
static void
offer_all(const struct nc_opts *o, near_set *s, sbuf *key)
{
	cs_table *wards;
	int wn;
	const char *k;
	void *v;

	for (size_t i = 0; hmap_iter(seen, &i, &k, &v);)
		near_add(s, ((seen_area *)v)->name, k, strlen(k));
	if (o->level != -1) {
		for (size_t i = 0; o->level >= 0 && i < geo_count(); i++) {
			const geo_area *g = geo_at(i);

			if (g->level != o->level)
				continue;
			name_fold(g->name, strlen(g->name), NAME_DROP_WARD,
			          key);
			near_add(s, g->name, key->s, key->len);
		}
		return;
	}
	wards = ref_load("wards");
	wn = ref_need(wards, "ward_name");
	for (size_t i = 0; i < borough_count(); i++) {
		const char *nm = borough_at(i)->name;

		name_fold(nm, strlen(nm), NAME_DROP_WARD, key);
		near_add(s, nm, key->s, key->len);
	}
	for (size_t i = 0; i < wards->nrows; i++) {
		const char *nm = ref_get(wards, i, (size_t)wn);

		name_fold(nm, strlen(nm), NAME_DROP_WARD, key);
		near_add(s, nm, key->s, key->len);
	}
	ref_free(wards);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp((*(seen_area *const *)a)->name,
	              (*(seen_area *const *)b)->name);
}

/* Most records first; as many, by name. */
static int
by_records(const void *a, const void *b)
{
	const seen_area *x = *(seen_area *const *)a,
	                *y = *(seen_area *const *)b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* "Barnet, Camden and Hackney": the areas the input has, sorted by name
 * (at a national level most records first: a force's files place a few
 * crimes in other forces' areas), the first few. */
static const char *
areas_of_input(const struct nc_opts *o, sbuf *out)
{
	enum { SHOW = 6 };
	size_t n = hmap_count(seen), k = 0;
	seen_area **a = xcalloc(n + 1, sizeof *a);
	const char *key;
	void *v;

	for (size_t i = 0; hmap_iter(seen, &i, &key, &v);)
		a[k++] = v;
	qsort(a, k, sizeof *a, o->level == -1 ? by_name : by_records);
	sbuf_clear(out);
	for (size_t i = 0; i < k && i < SHOW; i++) {
		if (i > 0)
			sbuf_adds(out, i + 1 == k ? " and " : ", ");
		sbuf_adds(out, a[i]->name);
	}
	if (k > SHOW)
		sbuf_printf(out, " and %zu more", k - SHOW);
	free(a);
	return sbuf_str(out);
}

/* A name of England and Wales (a London borough, any area of the national
 * geography): at a national level, the input lacks it rather than it
 * being misspelt. */
static bool
known_name(const struct nc_opts *o, const char *name)
{
	size_t n = strlen(name);

	if (o->level == -1)
		return false;
	if (borough_find(name, n) != NULL)
		return true;
	for (int lv = 0; lv < GEO_NLEVELS; lv++)
		if (geo_name(name, n, lv) != NULL)
			return true;
	return false;
}

/* What an --area names at each level, for the message when nothing is
 * near it. */
static const char *
level_hint(const struct nc_opts *o)
{
	switch (o->level) {
	case -1:
		return "a borough or ward name, or its GSS code";
	case -2:
		return "an LSOA name (\"Newport 014B\") or code";
	case GEO_WARD:
		return "a ward name, or its GSS code";
	case GEO_LAD:
		return "a local authority name, or its GSS code";
	case GEO_CSP:
		return "a partnership name, or its GSS code";
	default:
		return "a police force area name, or its GSS code";
	}
}

void
nc_area_check(const struct nc_opts *o)
{
	sbuf key = SBUF_INIT, list = SBUF_INIT;

	/* Text reports take --area as their subject, not as a filter. */
	if (wanted == NULL)
		return;
	for (size_t i = 0; i < nwanted; i++) {
		near_set s;

		if (hit[i])
			continue;
		near_init(&s, wanted[i], strlen(wanted[i]));
		offer_all(o, &s, &key);
		/* A known name the input lacks ("--area Enfield" on a file of
		 * three boroughs): say what it has instead. */
		if (((s.n > 0 && s.dist[0] == 0) ||
		     known_name(o, o->areas[i])) &&
		    hmap_count(seen) > 0)
			cs_die(CS_EXIT_DATA,
			       "--area %s: the input has no rows for it "
			       "(it has %s)",
			       o->areas[i], areas_of_input(o, &list));
		if (s.n > 0)
			cs_die(CS_EXIT_DATA,
			       "--area %s: no area of that name in the "
			       "input; nearest: %s",
			       o->areas[i], near_list(&s, &list));
		cs_die(CS_EXIT_DATA,
		       "--area %s: no area of that name in the input (%s)",
		       o->areas[i], level_hint(o));
	}
	sbuf_free(&key);
	sbuf_free(&list);
}
