/* areas.c - who an area is: a London borough through borough.h (any
 * spelling or its GSS code), or another place known by its folded name,
 * found in the national geography (geo.h) by its code or name when it is
 * an authority, partnership or force area; the comparison set each is
 * ranked in (--among); and the --group peer group, whose members may lie
 * outside London. */
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "mem.h"
#include "names.h"
#include "rank.h"
#include "ref.h"

static int
new_area(ranker *r, const char *name, const cs_borough *b)
{
	r->areas = xgrow(r->areas, &r->acap2, r->nareas + 1, sizeof *r->areas);
	r->areas[r->nareas] = (area){ .name = name, .b = b, .set = -2 };
	if (b != NULL)
		r->areas[r->nareas].g = geo_code(b->code, strlen(b->code));
	return (int)r->nareas++;
}

/* The id of the area named s[0..n) (code: its area_code field, may be
 * empty), -1 when both are empty.  Raw spellings are cached, so the
 * folding and lookups happen once per distinct spelling. */
int
area_id(ranker *r, const char *s, size_t n, const char *code, size_t cn)
{
	static sbuf raw, folded;
	const cs_borough *b;
	void **slot;
	int id;

	if (r->nareas == 0) /* ids 0.. are the boroughs, in table order */
		for (size_t i = 0; i < borough_count(); i++)
			new_area(r, borough_at(i)->name, borough_at(i));
	/* Tables from data files come area by area: try the last one first. */
	if (r->last_area_ok && raw.len == n + 1 + cn &&
	    memcmp(raw.s, s, n) == 0 && raw.s[n] == '\x1f' &&
	    memcmp(raw.s + n + 1, code, cn) == 0)
		return r->last_area;
	sbuf_clear(&raw);
	sbuf_add(&raw, s, n);
	sbuf_addc(&raw, '\x1f');
	sbuf_add(&raw, code, cn);
	r->last_area_ok = true;
	slot = hmap_put(r->acache, raw.s, raw.len);
	if (*slot != NULL)
		return r->last_area = (int)((intptr_t)*slot - 1);

	b = n ? borough_find(s, n) : NULL;
	if (b == NULL && cn)
		b = borough_find(code, cn);
	if (b != NULL) {
		for (id = 0; r->areas[id].b != b; id++)
			;
	} else if (n == 0) {
		id = -1;
	} else {
		const geo_area *bycode = cn ? geo_code(code, cn) : NULL;
		void **fslot;

		if (bycode != NULL && bycode->level == GEO_WARD)
			bycode = NULL;
		name_fold(s, n, 0, &folded);
		fslot = hmap_put(r->afold, folded.s, folded.len);
		if (*fslot == NULL) {
			const geo_area *g = bycode;

			/* A partnership's name first: that is what --by csp
			 * writes, and a one-authority partnership has the
			 * authority's population anyway. */
			if (g == NULL)
				g = geo_name(s, n, GEO_CSP);
			if (g == NULL)
				g = geo_name(s, n, GEO_LAD);
			if (g == NULL)
				g = geo_name(s, n, GEO_PFA);
			id = new_area(r, xstrndup(s, n), NULL);
			r->areas[id].g = g;
			r->areas[id].g_by_code = bycode != NULL;
			*fslot = (void *)(intptr_t)(id + 1);
		}
		id = (int)((intptr_t)*fslot - 1);
		/* Known so far by name (a --group list), now with a code:
		 * the code says which area it is. */
		if (bycode != NULL && !r->areas[id].g_by_code) {
			r->areas[id].g = bycode;
			r->areas[id].g_by_code = true;
			r->areas[id].set = -2;
		}
	}
	*slot = (void *)(intptr_t)(id + 1);
	return r->last_area = id;
}

static const char *const level_words[GEO_NLEVELS] = {
	"wards", "local authorities", "partnerships", "force areas"
};

/* The national set of areas of one level that pass keep(), by key;
 * made on first use. */
static int
national_set(ranker *r, const char *key, const char *label, int level,
             const char *pfa, const char *prefix)
{
	cmpset *s;

	for (size_t i = 1; i < r->nsets; i++)
		if (strcmp(r->sets[i].key, key) == 0)
			return (int)i;
	r->sets = xgrow(r->sets, &r->setcap, r->nsets + 1, sizeof *r->sets);
	s = &r->sets[r->nsets];
	*s = (cmpset){ .key = xstrdup(key) };
	for (size_t i = 0; i < geo_count(); i++) {
		const geo_area *g = geo_at(i);

		if (g->level != level)
			continue;
		if (pfa != NULL && (geo_up(g, GEO_PFA) == NULL ||
		                    strcmp(geo_up(g, GEO_PFA)->code, pfa) != 0))
			continue;
		if (prefix != NULL && strchr(prefix, g->code[0]) == NULL)
			continue;
		s->members = xrealloc(s->members,
		                      (s->nmembers + 1) * sizeof *s->members);
		s->members[s->nmembers++] = g;
	}
	s->label = xstrdup(label);
	return (int)r->nsets++;
}

static void
sets_init(ranker *r)
{
	if (r->nsets > 0)
		return;
	r->sets = xgrow(r->sets, &r->setcap, 1, sizeof *r->sets);
	r->sets[0] = (cmpset){ .key = xstrdup("london"),
		               .label = xstrdup("London boroughs"),
		               .nmembers = borough_count() - !r->include_city };
	r->nsets = 1;
}

/* The comparison set area id is ranked in, or -1 when it is not ranked
 * (outside the set --among names, or an area nobody asked to rank). */
int
area_set(ranker *r, int id)
{
	area *a = &r->areas[id];
	const geo_area *g = a->g;
	sbuf key = SBUF_INIT, label = SBUF_INIT;
	bool london = a->b != NULL && (!a->b->is_city || r->include_city);

	if (a->set != -2)
		return a->set;
	sets_init(r);
	a->set = -1;
	if (r->any_area) {
		a->set = 0;
		return 0;
	}
	/* A London borough stays in London's set unless a national or
	 * listed set is asked for. */
	if (r->among == AMONG_DEFAULT || r->among == AMONG_LONDON ||
	    r->among == AMONG_FORCE) {
		if (a->b != NULL) {
			a->set = london ? 0 : -1;
			return a->set;
		}
		if (g == NULL || r->among == AMONG_LONDON)
			return -1;
		/* A partnership formed since 2017 carries its authority's code
		 * (Buckinghamshire, E06000060): by default it is the
		 * partnership. */
		if (r->among == AMONG_DEFAULT && g->level == GEO_LAD &&
		    g->parent != NULL && strcmp(g->parent->code, g->code) == 0)
			g = a->g = g->parent;
		/* By default only partnerships (by their code: E22..., W14...)
		 * are ranked, among their force's; an authority, a force or
		 * a name alone needs --among. */
		if ((r->among == AMONG_DEFAULT &&
		     (g->level != GEO_CSP || !a->g_by_code)) ||
		    g->level == GEO_PFA || g->level == GEO_WARD)
			return -1;
		sbuf_printf(&key, "force %s %d", geo_up(g, GEO_PFA)->code,
		            g->level);
		sbuf_printf(&label, "%s's %s", geo_up(g, GEO_PFA)->name,
		            level_words[g->level]);
		a->set = national_set(r, key.s, label.s, g->level,
		                      geo_up(g, GEO_PFA)->code, NULL);
	} else if (r->among == AMONG_FILE) {
		a->set = a->listed ? 1 : -1;
	} else if (g != NULL && g->level != GEO_WARD &&
	           (a->b == NULL || london)) {
		const char *prefix = r->among == AMONG_WALES     ? "W"
		                     : r->among == AMONG_ENGLAND ? "E"
		                                                 : "EW";
		const char *where = r->among == AMONG_WALES ? "Wales"
		                    : r->among == AMONG_ENGLAND
		                        ? "England"
		                        : "England and Wales";

		if (strchr(prefix, g->code[0]) != NULL) {
			sbuf_printf(&key, "%s %d", prefix, g->level);
			sbuf_printf(&label, "%s of %s", level_words[g->level],
			            where);
			a->set = national_set(r, key.s, label.s, g->level, NULL,
			                      prefix);
		}
	}
	sbuf_free(&key);
	sbuf_free(&label);
	return a->set;
}

/* --among FILE: the areas of the comparison set, one per line or an
 * 'area' column (as --group); it is set 1. */
void
among_load(ranker *r, const char *file)
{
	sbuf path = SBUF_INIT;
	cs_table *t;
	int col;
	size_t n = 0;

	sets_init(r);
	if (strchr(file, '/') == NULL && access(file, F_OK) == 0)
		sbuf_printf(&path, "./%s", file);
	else
		sbuf_adds(&path, file);
	t = ref_load(path.s);
	col = ref_col(t, "area");
	if (col < 0 && t->ncols != 1)
		cs_die(CS_EXIT_DATA, "%s: no 'area' column in the --among file",
		       t->path);
	/* With no header the first line is an area too. */
	for (size_t i = 0; i <= t->nrows; i++) {
		const char *name;
		int id;

		if (i == 0 && col >= 0)
			continue;
		name = i == 0 ? t->colnames[0]
		              : ref_get(t, i - 1, (size_t)(col < 0 ? 0 : col));
		if ((id = area_id(r, name, strlen(name), "", 0)) < 0)
			continue;
		if (r->areas[id].listed)
			cs_die(CS_EXIT_DATA, "%s: %s is listed twice", t->path,
			       r->areas[id].name);
		r->areas[id].listed = true;
		n++;
	}
	r->sets = xgrow(r->sets, &r->setcap, 2, sizeof *r->sets);
	r->sets[1] = (cmpset){ .key = xstrdup("file"),
		               .label = xstrdup(file),
		               .nmembers = n };
	r->nsets = 2;
	ref_free(t);
	sbuf_free(&path);
}

/* Load the peer group: a TSV with an "area" column, or a plain list of
 * names one per line.  FILE is a path when it names an existing file,
 * else a data file name ("group-barnet-msg"). */
void
peers_load(ranker *r, const char *file)
{
	sbuf path = SBUF_INIT;
	cs_table *t;
	int col;

	if (strchr(file, '/') == NULL && access(file, F_OK) == 0)
		sbuf_printf(&path, "./%s", file);
	else
		sbuf_adds(&path, file);
	t = ref_load(path.s);
	col = ref_col(t, "area");
	if (col < 0 && t->ncols == 1) {
		/* No header: the first line is a member too. */
		int id =
		    area_id(r, t->colnames[0], strlen(t->colnames[0]), "", 0);

		if (id >= 0) {
			r->areas[id].member = true;
			r->nmembers++;
		}
		col = 0;
	} else if (col < 0) {
		cs_die(CS_EXIT_DATA, "%s: no 'area' column in the group file",
		       t->path);
	}
	for (size_t i = 0; i < t->nrows; i++) {
		const char *name = ref_get(t, i, (size_t)col);
		int id = area_id(r, name, strlen(name), "", 0);

		if (id < 0)
			continue;
		if (r->areas[id].member)
			cs_die_at(CS_EXIT_DATA, t->path, t->lineno[i],
			          "%s is listed twice in the group",
			          r->areas[id].name);
		r->areas[id].member = true;
		r->nmembers++;
	}
	r->peer_src = file; /* as given: messages should not depend on
			       * where the data files are installed */
	ref_free(t);
	sbuf_free(&path);
}

/* At the end, one warning for the members absent from every peer ranking
 * (outside London, most likely) and one per member absent from some: one
 * per ranking group would bury everything else on a large input. */
void
peers_report(ranker *r)
{
	sbuf never = SBUF_INIT;
	size_t nnever = 0;

	if (r->nmembers > 0 && r->peer_groups == 0) {
		/* No member in any ranking (a group of the wrong region, or
		 * names the input spells otherwise): group_rank stays empty. */
		cs_warn("%s: no member of the group is in the input: no group "
		        "ranks",
		        r->peer_src);
		return;
	}
	for (size_t i = 0; i < r->nareas; i++) {
		const area *a = &r->areas[i];

		if (!a->member || a->missing == 0)
			continue;
		if (a->missing == r->peer_groups) {
			sbuf_printf(&never, "%s%s", nnever++ ? ", " : "",
			            a->name);
			continue;
		}
		cs_warn("%s: group member %s not ranked in %ld of %ld groups",
		        r->peer_src, a->name, a->missing, r->peer_groups);
	}
	if (nnever > 0)
		cs_warn(
		    "%s: %zu group member%s never ranked (group ranks are over "
		    "the members present): %s",
		    r->peer_src, nnever, nnever == 1 ? "" : "s",
		    sbuf_str(&never));
	sbuf_free(&never);
}
