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
};

static size_t
fnv(const char *k, size_t n)
{
	size_t h = (size_t)14695981039346656037ULL;

	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)k[i];
		h *= (size_t)1099511628211ULL;
	}
	return h;
}

hmap *
hmap_new(void)
{
	hmap *h = xcalloc(1, sizeof *h);

	h->cap = 64;
	h->s = xcalloc(h->cap, sizeof *h->s);
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
		s->key = xstrndup(k, n);
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
	for (size_t i = 0; i < h->cap; i++) {
		if (h->s[i].key) {
			free(h->s[i].key);
			if (free_val)
				free_val(h->s[i].val);
		}
	}
	free(h->s);
	free(h);
}
