/* group.c - the group of each row and where runs start (see group.h). */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "group.h"
#include "hash.h"
#include "mem.h"

struct grouping {
	int *cols;
	size_t ncols;
	hmap *index;  /* key -> id + 1 */
	sbuf keys;    /* every group's key, one after another */
	size_t *koff; /* group id -> its key's offset in keys */
	size_t n, kcap;
	bool *rowed; /* group id -> a row of it has come */
	size_t rcap;
	sbuf key;  /* the current row's key */
	sbuf last; /* the row before's key */
	uint32_t last_id;
	bool have_last;
};

grouping *
grouping_new(const int *cols, size_t ncols)
{
	grouping *gr = xcalloc(1, sizeof *gr);

	gr->cols = xcalloc(ncols ? ncols : 1, sizeof *gr->cols);
	if (ncols > 0)
		memcpy(gr->cols, cols, ncols * sizeof *cols);
	gr->ncols = ncols;
	gr->index = hmap_new();
	gr->koff = xgrow(gr->koff, &gr->kcap, 1, sizeof *gr->koff);
	gr->koff[0] = 0;
	return gr;
}

/* The key: each key column's value followed by US (0x1f), a byte TSV
 * fields do not hold in practice; col's value replaced by val when val is
 * not NULL. */
static void
build_key(const grouping *gr, const tsv *t, int col, const char *val, sbuf *b)
{
	sbuf_clear(b);
	for (size_t i = 0; i < gr->ncols; i++) {
		int c = gr->cols[i];

		if (val != NULL && c == col)
			sbuf_adds(b, val);
		else
			sbuf_add(b, tsv_get(t, (size_t)c),
			         tsv_len(t, (size_t)c));
		sbuf_addc(b, '\x1f');
	}
}

/* The id of key b, a new one when absent. */
static uint32_t
intern(grouping *gr, const sbuf *b)
{
	void **slot = hmap_put(gr->index, sbuf_str(b), b->len);

	if (*slot == NULL) {
		if (gr->n >= UINT32_MAX - 1)
			cs_die(CS_EXIT_DATA, "more than %lu groups",
			       (unsigned long)UINT32_MAX - 1);
		sbuf_add(&gr->keys, sbuf_str(b), b->len);
		gr->koff =
		    xgrow(gr->koff, &gr->kcap, gr->n + 2, sizeof *gr->koff);
		gr->rowed =
		    xgrow(gr->rowed, &gr->rcap, gr->n + 1, sizeof *gr->rowed);
		gr->rowed[gr->n] = false;
		gr->koff[++gr->n] = gr->keys.len;
		*slot = (void *)(uintptr_t)gr->n;
	}
	return (uint32_t)((uintptr_t)*slot - 1);
}

uint32_t
grouping_row(grouping *gr, const tsv *t, enum group_run *run)
{
	build_key(gr, t, -1, NULL, &gr->key);
	if (gr->have_last && gr->key.len == gr->last.len &&
	    memcmp(sbuf_str(&gr->key), sbuf_str(&gr->last), gr->key.len) == 0) {
		*run = GROUP_SAME;
		return gr->last_id;
	}
	gr->last_id = intern(gr, &gr->key);
	/* A group numbered by grouping_find_as has had no row: its first
	 * row is its first run. */
	*run = gr->rowed[gr->last_id] ? GROUP_BACK : GROUP_NEW;
	gr->rowed[gr->last_id] = true;
	sbuf_clear(&gr->last);
	sbuf_add(&gr->last, sbuf_str(&gr->key), gr->key.len);
	gr->have_last = true;
	return gr->last_id;
}

uint32_t
grouping_find_as(grouping *gr, const tsv *t, int col, const char *val)
{
	sbuf b = SBUF_INIT;
	uint32_t id;

	build_key(gr, t, col, val, &b);
	id = intern(gr, &b);
	sbuf_free(&b);
	return id;
}

size_t
grouping_count(const grouping *gr)
{
	return gr->n;
}

const char *
grouping_label(const grouping *gr, uint32_t id, char *buf, size_t size)
{
	const char *k = sbuf_str(&gr->keys) + gr->koff[id];
	const char *end = sbuf_str(&gr->keys) + gr->koff[id + 1];
	size_t j = 0;

	/* Each value ends in US: "a US b US" -> "a, b". */
	for (; k < end && j + 3 < size; k++) {
		if (*k != '\x1f') {
			buf[j++] = *k;
		} else if (k + 1 < end) {
			buf[j++] = ',';
			buf[j++] = ' ';
		}
	}
	buf[j] = '\0';
	return buf;
}

void
grouping_free(grouping *gr)
{
	if (gr == NULL)
		return;
	hmap_free(gr->index, NULL);
	sbuf_free(&gr->keys);
	sbuf_free(&gr->key);
	sbuf_free(&gr->last);
	free(gr->koff);
	free(gr->rowed);
	free(gr->cols);
	free(gr);
}
