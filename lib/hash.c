/* hash.c - open-addressing string map (FNV-1a, linear probing). */
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "mem.h"

typedef struct {
	char *key;
	size_t klen;
	size_t hash;
	void *val;
} slot;

struct hmap {
	slot *s;
	size_t cap, n; /* cap is a power of two */
	/* the keys' text in blocks of 4K (lib/mem strblocks), not a copy
	 * a key: normalise-crime's text mode puts 3,044 keys into its maps
	 * on 1 MB of report text, and a copy a key (xstrndup) cost 0.6M
	 * instructions, its free at hmap_free more */
	strblocks keys;
};

/* FNV-1a.  Its values fix hmap_iter's order (and so the order of ties
 * that normalise-crime's filter.c lists; test_hash holds it): four bytes
 * a turn computes the same values with a quarter of the loop's tests
 * (normalise-crime's text mode hashes 24,000 keys per MB of report text:
 * hmap_get and hmap_put with it, 2.48M to 2.17M instructions). */
static size_t
fnv(const char *k, size_t n)
{
	const unsigned char *u = (const unsigned char *)k;
	const size_t prime = (size_t)1099511628211ULL;
	size_t h = (size_t)14695981039346656037ULL, i = 0;

	for (; i + 4 <= n; i += 4) {
		h = (h ^ u[i]) * prime;
		h = (h ^ u[i + 1]) * prime;
		h = (h ^ u[i + 2]) * prime;
		h = (h ^ u[i + 3]) * prime;
	}
	for (; i < n; i++)
		h = (h ^ u[i]) * prime;
	return h;
}

hmap *
hmap_new(void)
{
	hmap *h = xcalloc(1, sizeof *h);

	h->cap = 64;
	h->s = xcalloc(h->cap, sizeof *h->s);
	h->keys.size = 4096;
	return h;
}

static slot *
find(const hmap *h, const char *k, size_t n, size_t hv)
{
	size_t i = hv & (h->cap - 1);

	for (;;) {
		slot *s = &h->s[i];

		if (s->key == NULL)
			return s;
		if (s->hash == hv && s->klen == n && memcmp(s->key, k, n) == 0)
			return s;
		i = (i + 1) & (h->cap - 1);
	}
}

static void
grow(hmap *h)
{
	slot *old = h->s;
	size_t oldcap = h->cap;

	h->cap *= 2;
	h->s = xcalloc(h->cap, sizeof *h->s);
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].key)
			*find(h, old[i].key, old[i].klen, old[i].hash) = old[i];
	free(old);
}

void **
hmap_put(hmap *h, const char *k, size_t n)
{
	size_t hv = fnv(k, n);
	slot *s;

	if ((h->n + 1) * 4 > h->cap * 3) /* keep load under 3/4 */
		grow(h);
	s = find(h, k, n, hv);
	if (s->key == NULL) {
		s->key = strblocks_keep(&h->keys, k, n);
		s->klen = n;
		s->hash = hv;
		s->val = NULL;
		h->n++;
	}
	return &s->val;
}

void *
hmap_get(const hmap *h, const char *k, size_t n)
{
	slot *s = find(h, k, n, fnv(k, n));

	return s->key ? s->val : NULL;
}

bool
hmap_has(const hmap *h, const char *k, size_t n)
{
	return find(h, k, n, fnv(k, n))->key != NULL;
}

size_t
hmap_count(const hmap *h)
{
	return h->n;
}

bool
hmap_iter(const hmap *h, size_t *i, const char **key, void **val)
{
	while (*i < h->cap) {
		slot *s = &h->s[(*i)++];

		if (s->key) {
			*key = s->key;
			*val = s->val;
			return true;
		}
	}
	return false;
}

void
hmap_free(hmap *h, void (*free_val)(void *))
{
	if (h == NULL)
		return;
	if (free_val)
		for (size_t i = 0; i < h->cap; i++)
			if (h->s[i].key)
				free_val(h->s[i].val);
	strblocks_free(&h->keys);
	free(h->s);
	free(h);
}
