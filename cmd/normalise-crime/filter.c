/* filter.c - the --area filter of the data modes.  Names compare folded
 * (names.h: case, "&"/"and", punctuation, a trailing "Ward"), so
 * "--area 'Barking & Dagenham'" keeps "Barking and Dagenham"; codes fold
 * to themselves, and a borough's other names (boroughs.tsv: "Kingston",
 * "E09000021") keep its rows under the name the file prints.
 *
 * An --area that kept no row is an error naming the nearest names (of
 * the London boroughs, the wards, and the areas the input has):
 * "--area Barnett" on a borough file is a typing slip, not an empty
 * table. */
#include <stdlib.h>
#include <string.h>

#include "borough.h"
#include "err.h"
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
static hmap *seen; /* folded area names the input had -> name */

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
		hmap_free(seen, free);
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

bool
nc_area_wanted(const struct nc_opts *o, const char *name, size_t n)
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
	if (key.len > 0 && *(slot = hmap_put(seen, key.s, key.len)) == NULL)
		*slot = xstrndup(name, n);
	return false;
}

/* Offer every name of the London boroughs, the wards and the input. */
static void
offer_all(near_set *s, sbuf *key)
{
	cs_table *wards = ref_load("wards");
	int wn = ref_need(wards, "ward_name");
	const char *k;
	void *v;

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
	for (size_t i = 0; hmap_iter(seen, &i, &k, &v);)
		near_add(s, v, k, strlen(k));
	ref_free(wards);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "Barnet, Camden and Hackney": the areas the input has, sorted, the
 * first few. */
static const char *
areas_of_input(sbuf *out)
{
	enum { SHOW = 6 };
	size_t n = hmap_count(seen), k = 0;
	const char **names = xcalloc(n + 1, sizeof *names);
	const char *key;
	void *v;

	for (size_t i = 0; hmap_iter(seen, &i, &key, &v);)
		names[k++] = v;
	qsort(names, k, sizeof *names, by_name);
	sbuf_clear(out);
	for (size_t i = 0; i < k && i < SHOW; i++) {
		if (i > 0)
			sbuf_adds(out, i + 1 == k ? " and " : ", ");
		sbuf_adds(out, names[i]);
	}
	if (k > SHOW)
		sbuf_printf(out, " and %zu more", k - SHOW);
	free(names);
	return sbuf_str(out);
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
		offer_all(&s, &key);
		/* A known name the input lacks ("--area Enfield" on a file of
		 * three boroughs): say what it has instead. */
		if (s.n > 0 && s.dist[0] == 0 && hmap_count(seen) > 0)
			cs_die(CS_EXIT_DATA,
			       "--area %s: the input has no rows for it "
			       "(it has %s)",
			       o->areas[i], areas_of_input(&list));
		if (s.n > 0)
			cs_die(CS_EXIT_DATA,
			       "--area %s: no area of that name in the "
			       "input; nearest: %s",
			       o->areas[i], near_list(&s, &list));
		cs_die(CS_EXIT_DATA,
		       "--area %s: no area of that name in the input "
		       "(a borough or ward name, or its GSS code)",
		       o->areas[i]);
	}
	sbuf_free(&key);
	sbuf_free(&list);
}
