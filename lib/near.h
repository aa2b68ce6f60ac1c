/* near.h - the nearest names to one that matched nothing, for messages
 * that give a way out: "--area Barnett: ... nearest: Barnet".
 *
 * Distance is the optimal-string-alignment edit distance (insert, delete,
 * substitute, swap two neighbours) over bytes, ASCII case folded; the
 * caller folds further (names.h) when it wants "&" == "and".  A candidate
 * that begins with the wanted text ("Kingston" for "Kingston upon
 * Thames") counts as one edit.  Only candidates within a third of the
 * wanted length (at least 2 edits) are kept, the closest first. */
#ifndef CS_NEAR_H
#define CS_NEAR_H

#include <stdbool.h>
#include <stddef.h>

#include "mem.h"

enum { NEAR_MAX = 4 };

typedef struct {
	char *want;
	size_t wlen, limit;
	size_t n;             /* kept, at most NEAR_MAX */
	char *name[NEAR_MAX]; /* copies, closest first */
	size_t dist[NEAR_MAX];
} near_set;

size_t near_distance(const char *a, size_t an, const char *b, size_t bn);

void near_init(near_set *s, const char *want, size_t n);
/* Offer a candidate: shown is what a message prints, key what is
 * compared (the same string, or its folded form). */
void near_add(near_set *s, const char *shown, const char *key, size_t keylen);
/* "Barnet" or "Barnet, Barnes or Barking": the kept names; "" when none. */
const char *near_list(const near_set *s, sbuf *out);
void near_free(near_set *s);

#endif
