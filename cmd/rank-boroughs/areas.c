/* areas.c - who an area is: a London borough through borough.h (any
 * spelling or its GSS code), or another place known by its folded name;
 * and the --group peer group, whose members may lie outside London. */
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
	r->areas[r->nareas] = (area){ .name = name, .b = b };
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

	if (r->nareas == 0)   /* ids 0.. are the boroughs, in table order */
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
		void **fslot;

		name_fold(s, n, 0, &folded);
		fslot = hmap_put(r->afold, folded.s, folded.len);
		if (*fslot == NULL)
			*fslot = (void *)(intptr_t)(new_area(r, xstrndup(s, n), NULL) + 1);
		id = (int)((intptr_t)*fslot - 1);
	}
	*slot = (void *)(intptr_t)(id + 1);
	return r->last_area = id;
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
		int id = area_id(r, t->colnames[0], strlen(t->colnames[0]), "", 0);

		if (id >= 0) {
			r->areas[id].member = true;
			r->nmembers++;
		}
		col = 0;
	} else if (col < 0) {
		cs_die(CS_EXIT_DATA, "%s: no 'area' column in the group file", t->path);
	}
	for (size_t i = 0; i < t->nrows; i++) {
		const char *name = ref_get(t, i, (size_t)col);
		int id = area_id(r, name, strlen(name), "", 0);

		if (id < 0)
			continue;
		if (r->areas[id].member)
			cs_die_at(CS_EXIT_DATA, t->path, t->lineno[i],
				  "%s is listed twice in the group", r->areas[id].name);
		r->areas[id].member = true;
		r->nmembers++;
	}
	r->peer_src = file;   /* as given: messages should not depend on
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
		cs_warn("%s: no member of the group is in the input: no group ranks",
			r->peer_src);
		return;
	}
	for (size_t i = 0; i < r->nareas; i++) {
		const area *a = &r->areas[i];

		if (!a->member || a->missing == 0)
			continue;
		if (a->missing == r->peer_groups) {
			sbuf_printf(&never, "%s%s", nnever++ ? ", " : "", a->name);
			continue;
		}
		cs_warn("%s: group member %s not ranked in %ld of %ld groups",
			r->peer_src, a->name, a->missing, r->peer_groups);
	}
	if (nnever > 0)
		cs_warn("%s: %zu group member%s never ranked (group ranks are over "
			"the members present): %s", r->peer_src, nnever,
			nnever == 1 ? "" : "s", sbuf_str(&never));
	sbuf_free(&never);
}
