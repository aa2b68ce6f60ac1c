/* near.c - nearest names by edit distance (see near.h). */
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "near.h"

static unsigned char
lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

size_t
near_distance(const char *a, size_t an, const char *b, size_t bn)
{
	/* Three rows of the matrix: the row before is for insert, delete
	 * and substitute, the one before that for a swap ("Barent"). */
	size_t *prev2 = xcalloc(bn + 1, sizeof *prev2),
	       *prev = xcalloc(bn + 1, sizeof *prev),
	       *cur = xcalloc(bn + 1, sizeof *cur), *t, d;

	for (size_t j = 0; j <= bn; j++)
		prev[j] = j;
	for (size_t i = 1; i <= an; i++) {
		unsigned char ca = lower((unsigned char)a[i - 1]);

		cur[0] = i;
		for (size_t j = 1; j <= bn; j++) {
			unsigned char cb = lower((unsigned char)b[j - 1]);
			size_t best = prev[j - 1] + (ca != cb);

			if (prev[j] + 1 < best)
				best = prev[j] + 1;
			if (cur[j - 1] + 1 < best)
				best = cur[j - 1] + 1;
			if (i > 1 && j > 1 &&
			    ca == lower((unsigned char)b[j - 2]) &&
			    lower((unsigned char)a[i - 2]) == cb &&
			    prev2[j - 2] + 1 < best)
				best = prev2[j - 2] + 1;
			cur[j] = best;
		}
		t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	d = prev[bn];
	free(prev2);
	free(prev);
	free(cur);
	return d;
}

void
near_init(near_set *s, const char *want, size_t n)
{
	memset(s, 0, sizeof *s);
	s->want = xstrndup(want, n);
	s->wlen = n;
	s->limit = n / 3 > 2 ? n / 3 : 2;
}

static bool
prefix_of(const char *w, size_t wn, const char *k, size_t kn)
{
	if (wn < 3 || wn >= kn || k[wn] != ' ')
		return false;
	for (size_t i = 0; i < wn; i++)
		if (lower((unsigned char)w[i]) != lower((unsigned char)k[i]))
			return false;
	return true;
}

void
near_add(near_set *s, const char *shown, const char *key, size_t keylen)
{
	size_t d, at;

	/* Lengths further apart than the limit cannot be within it. */
	if (prefix_of(s->want, s->wlen, key, keylen))
		d = 1;
	else if ((keylen > s->wlen ? keylen - s->wlen : s->wlen - keylen) >
	         s->limit)
		return;
	else if ((d = near_distance(s->want, s->wlen, key, keylen)) > s->limit)
		return;
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->name[i], shown) == 0)
			return;
	for (at = s->n; at > 0 && s->dist[at - 1] > d; at--)
		;
	if (at == NEAR_MAX)
		return;
	if (s->n == NEAR_MAX)
		free(s->name[--s->n]);
	memmove(s->name + at + 1, s->name + at, (s->n - at) * sizeof *s->name);
	memmove(s->dist + at + 1, s->dist + at, (s->n - at) * sizeof *s->dist);
	s->name[at] = xstrdup(shown);
	s->dist[at] = d;
	s->n++;
}

const char *
near_list(const near_set *s, sbuf *out)
{
	sbuf_clear(out);
	for (size_t i = 0; i < s->n; i++) {
		/* Only the closest: "Barnet", not "Barnet or Barking". */
		if (s->dist[i] > s->dist[0])
			break;
		if (i > 0)
			sbuf_adds(out,
			          i + 1 < s->n && s->dist[i + 1] == s->dist[0]
			              ? ", "
			              : " or ");
		sbuf_adds(out, s->name[i]);
	}
	return sbuf_str(out);
}

void
near_free(near_set *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->name[i]);
	free(s->want);
	memset(s, 0, sizeof *s);
}
