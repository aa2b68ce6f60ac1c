/* geo.c - the national geography tables (see geo.h).
 *
 * areas.tsv is read once: every code, and every folded name and alias
 * prefixed by its level ("lad newport"), go into one hash map.  Names
 * repeat across levels (Newport the authority and the partnership) and
 * across wards, so a name is only looked up at a given level, and ward
 * names are not indexed at all: wards are found by code or through an
 * LSOA.  lsoas.tsv (35,672 rows) is read only when an LSOA is asked for. */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "geo.h"
#include "hash.h"
#include "mem.h"
#include "names.h"
#include "ref.h"

static const char *const level_names[GEO_NLEVELS] = { "ward", "lad", "csp",
	                                              "pfa" };
static const char *const estimate_names[] = { "mid2020", "mid2022" };
#define NEST (sizeof estimate_names / sizeof estimate_names[0])

static cs_table *areas_t, *lsoas_t;
static geo_area *areas;
static size_t nareas;
static hmap *by_code, *by_name, *by_lsoa;

static void
geo_free(void)
{
	free(areas);
	hmap_free(by_code, NULL);
	hmap_free(by_name, NULL);
	hmap_free(by_lsoa, NULL);
	ref_free(areas_t);
	ref_free(lsoas_t);
}

/* Codes are kept per level ("1W06000022"): a single-authority partnership
 * formed after 2017 carries its authority's code (Buckinghamshire). */
static const geo_area *
code_at(const char *s, size_t n, int level)
{
	static sbuf key;

	sbuf_clear(&key);
	sbuf_addc(&key, (char)('0' + level));
	sbuf_add(&key, s, n);
	return hmap_get(by_code, key.s, key.len);
}

static void
index_name(const char *s, size_t n, geo_area *a, sbuf *key)
{
	void **slot;

	if (name_key(level_names[a->level], s, n, key) == 0)
		return;
	slot = hmap_put(by_name, key->s, key->len);
	if (*slot == NULL)
		*slot = a; /* the first (the name over an alias) wins */
}

static void
load(void)
{
	sbuf key = SBUF_INIT;
	int ccode, cname, clevel, cparent, caliases, cpop[NEST];

	if (areas_t != NULL)
		return;
	areas_t = ref_load("areas");
	ccode = ref_need(areas_t, "code");
	cname = ref_need(areas_t, "name");
	clevel = ref_need(areas_t, "level");
	cparent = ref_need(areas_t, "parent_code");
	caliases = ref_need(areas_t, "aliases");
	for (size_t e = 0; e < NEST; e++)
		cpop[e] = ref_need(areas_t, estimate_names[e]);
	nareas = areas_t->nrows;
	areas = xcalloc(nareas ? nareas : 1, sizeof *areas);
	by_code = hmap_new();
	by_name = hmap_new();
	atexit(geo_free);
	for (size_t i = 0; i < nareas; i++) {
		geo_area *a = &areas[i];
		const char *lv = ref_get(areas_t, i, (size_t)clevel);
		void **slot;

		a->code = ref_get(areas_t, i, (size_t)ccode);
		a->name = ref_get(areas_t, i, (size_t)cname);
		a->level = -1;
		for (int l = 0; l < GEO_NLEVELS; l++)
			if (strcmp(lv, level_names[l]) == 0)
				a->level = l;
		if (a->level < 0)
			cs_die_at(
			    CS_EXIT_DATA, areas_t->path, areas_t->lineno[i],
			    "level '%s' is not ward, lad, csp or pfa", lv);
		for (size_t e = 0; e < NEST; e++)
			a->pop[e] = ref_count(areas_t, i, cpop[e]);
		sbuf_clear(&key);
		sbuf_addc(&key, (char)('0' + a->level));
		sbuf_adds(&key, a->code);
		slot = hmap_put(by_code, key.s, key.len);
		if (*slot != NULL)
			cs_die_at(CS_EXIT_DATA, areas_t->path,
			          areas_t->lineno[i], "%s is listed twice",
			          a->code);
		*slot = a;
	}
	for (size_t i = 0; i < nareas; i++) {
		geo_area *a = &areas[i];
		const char *p = ref_get(areas_t, i, (size_t)cparent), *list, *s;
		size_t n;

		if (*p != '\0') {
			a->parent = code_at(p, strlen(p), a->level + 1);
			if (a->parent == NULL)
				cs_die_at(CS_EXIT_DATA, areas_t->path,
				          areas_t->lineno[i],
				          "%s: parent %s is not in the table "
				          "one level up",
				          a->code, p);
		}
		if (a->level == GEO_WARD)
			continue;
		index_name(a->name, strlen(a->name), a, &key);
		list = ref_get(areas_t, i, (size_t)caliases);
		while (ref_list_next(&list, &s, &n))
			index_name(s, n, a, &key);
	}
	sbuf_free(&key);
}

size_t
geo_count(void)
{
	load();
	return nareas;
}

const geo_area *
geo_at(size_t i)
{
	load();
	return i < nareas ? &areas[i] : NULL;
}

const geo_area *
geo_code(const char *s, size_t n)
{
	const geo_area *a = NULL;

	load();
	for (int l = 0; a == NULL && n > 0 && l < GEO_NLEVELS; l++)
		a = code_at(s, n, l);
	return a;
}

const geo_area *
geo_name(const char *s, size_t n, int level)
{
	static sbuf key;
	const geo_area *a;
	size_t at, len;

	load();
	if (level < 0 || level >= GEO_NLEVELS)
		return NULL;
	len = name_key(level_names[level], s, n, &key);
	a = hmap_get(by_name, key.s, key.len);
	/* police.uk's 2011 LSOA names say "The Vale of Glamorgan 015C"
	 * where ONS names the authority "Vale of Glamorgan". */
	at = key.len - len;
	if (a == NULL && len > 4 && memcmp(key.s + at, "the ", 4) == 0) {
		memmove(key.s + at, key.s + at + 4, len - 4);
		key.len -= 4;
		a = hmap_get(by_name, key.s, key.len);
	}
	return a;
}

const geo_area *
geo_lsoa(const char *code, size_t n)
{
	load();
	if (lsoas_t == NULL) {
		int cl, cw;

		lsoas_t = ref_load("lsoas");
		cl = ref_need(lsoas_t, "lsoa_code");
		cw = ref_need(lsoas_t, "ward_code");
		by_lsoa = hmap_new();
		for (size_t i = 0; i < lsoas_t->nrows; i++) {
			const char *l = ref_get(lsoas_t, i, (size_t)cl);
			const char *w = ref_get(lsoas_t, i, (size_t)cw);
			const geo_area *a = code_at(w, strlen(w), GEO_WARD);

			if (a == NULL)
				cs_die_at(CS_EXIT_DATA, lsoas_t->path,
				          lsoas_t->lineno[i],
				          "%s: ward %s is not in areas.tsv", l,
				          w);
			*hmap_put(by_lsoa, l, strlen(l)) = (void *)a;
		}
	}
	return n ? hmap_get(by_lsoa, code, n) : NULL;
}

const geo_area *
geo_up(const geo_area *a, int level)
{
	while (a != NULL && a->level < level)
		a = a->parent;
	return a != NULL && a->level == level ? a : NULL;
}

int
geo_level(const char *name)
{
	if (strcmp(name, "lsoa") == 0)
		return -2;
	for (int l = 0; l < GEO_NLEVELS; l++)
		if (strcmp(name, level_names[l]) == 0)
			return l;
	return -1;
}

int
geo_estimate(const char *name)
{
	return ref_pick(estimate_names, NEST, name);
}
