/* hash.h - string-keyed hash map (open addressing), keys copied. */
#ifndef CS_HASH_H
#define CS_HASH_H

#include <stdbool.h>
#include <stddef.h>

typedef struct hmap hmap;

hmap *hmap_new(void);
/* The value slot for key, created (NULL) when absent.  Pointer is valid
 * until the next insertion. */
void **hmap_put(hmap *h, const char *key, size_t n);
/* The value for key, or NULL when absent (a stored NULL is also NULL: use
 * hmap_has to tell). */
void *hmap_get(const hmap *h, const char *key, size_t n);
bool hmap_has(const hmap *h, const char *key, size_t n);
size_t hmap_count(const hmap *h);
/* Iterate: i from 0 while hmap_iter returns true. */
bool hmap_iter(const hmap *h, size_t *i, const char **key, void **val);
/* free_val may be NULL. */
void hmap_free(hmap *h, void (*free_val)(void *));

#endif
