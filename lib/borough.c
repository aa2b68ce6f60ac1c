/* borough.c - London local authorities from lib/data/boroughs.tsv (see
 * borough.h).
 *
 * Every spelling (GSS code, ONS name, each alias) is folded with
 * name_fold and kept in one hash map, so "E09000002", "Barking & Dagenham"
 * and "LONDON BOROUGH OF BARKING AND DAGENHAM" find the same row.  The
 * table is loaded once and kept for the life of the process. */
#include <stdlib.h>
#include <string.h>

#include "borough.h"
#include "err.h"
#include "hash.h"
#include "mem.h"
#include "names.h"
#include "ref.h"
#include "text.h"

/* Column names of boroughs.tsv, in borough_estimate order. */
static const char *const estimate_names[POP_N] = {
	"mid2020",
	"mid2019",
	"census2021",
	"census2011",
};

static cs_table *table;
static cs_borough *boroughs;
static size_t nboroughs;
static hmap *by_key;

/* Map one spelling to borough b; two boroughs sharing one is a data
 * error, since a lookup could then silently pick either. */
static void
add_key(const char *s, size_t n, cs_borough *b, long line, sbuf *key)
{
	void **slot;

	if (name_key(NULL, s, n, key) == 0)
		return;
	slot = hmap_put(by_key, key->s, key->len);
	if (*slot != NULL && *slot != b)
		cs_die_at(CS_EXIT_DATA, table->path, line,
		          "'%.*s' already names %s", (int)n, s,
		          ((cs_borough *)*slot)->name);
	*slot = b;
}

static void
load(void)
{
	sbuf key = SBUF_INIT;
	int code, name, aliases, type, pop[POP_N];
	size_t i;
	int e;

	if (table != NULL)
		return;
	table = ref_load("boroughs");
	code = ref_need(table, "gss_code");
	name = ref_need(table, "name");
	aliases = ref_need(table, "aliases");
	type = ref_need(table, "la_type");
	for (e = 0; e < POP_N; e++)
		pop[e] = ref_need(table, estimate_names[e]);

	nboroughs = table->nrows;
	boroughs = xcalloc(nboroughs ? nboroughs : 1, sizeof *boroughs);
	by_key = hmap_new();
	for (i = 0; i < nboroughs; i++) {
		cs_borough *b = &boroughs[i];
		const char *list, *a;
		size_t n;
		long line = table->lineno[i];

		b->code = ref_get(table, i, (size_t)code);
		b->name = ref_get(table, i, (size_t)name);
		b->is_city = strcmp(ref_get(table, i, (size_t)type), "CC") == 0;
		for (e = 0; e < POP_N; e++)
			b->pop[e] = ref_count(table, i, pop[e]);
		add_key(b->code, strlen(b->code), b, line, &key);
		add_key(b->name, strlen(b->name), b, line, &key);
		list = ref_get(table, i, (size_t)aliases);
		while (ref_list_next(&list, &a, &n))
			add_key(a, n, b, line, &key);
	}
	sbuf_free(&key);
}

size_t
borough_count(void)
{
	load();
	return nboroughs;
}

const cs_borough *
borough_at(size_t i)
{
	load();
	return i < nboroughs ? &boroughs[i] : NULL;
}

/* Whether key[0..*n) ends with word w (" council"), which is cut. */
static bool
cut_suffix(const char *key, size_t *n, const char *w)
{
	size_t k = strlen(w);

	if (*n <= k || memcmp(key + *n - k, w, k) != 0)
		return false;
	*n -= k;
	return true;
}

const cs_borough *
borough_find(const char *s, size_t n)
{
	static sbuf key;
	const cs_borough *b;
	const char *p;
	size_t len;

	load();
	if (name_key(NULL, s, n, &key) == 0)
		return NULL;
	if ((b = hmap_get(by_key, key.s, key.len)) != NULL)
		return b;
	/* The council's name around the area's, as board papers write it:
	 * "LB Barnet", "the Royal Borough of Greenwich", "Barnet Council",
	 * "Camden Borough Council". */
	p = key.s;
	len = key.len;
	if (len > 3 && memcmp(p, "lb ", 3) == 0) {
		p += 3;
		len -= 3;
	} else if (len > 4 && memcmp(p, "the ", 4) == 0) {
		p += 4;
		len -= 4;
	}
	if (cut_suffix(p, &len, " council"))
		cut_suffix(p, &len, " borough");
	return len < key.len ? hmap_get(by_key, p, len) : NULL;
}

int
borough_estimate(const char *name)
{
	return ref_pick(estimate_names, POP_N, name);
}

const char *
borough_estimate_name(int e)
{
	return e >= 0 && e < POP_N ? estimate_names[e] : NULL;
}
