/* names.h - fold place and offence names so that spellings that mean the
 * same compare equal: case, "&" vs "and", punctuation, repeated spaces,
 * and (with NAME_DROP_WARD) a trailing "Ward".
 * "Barking & Dagenham" == "barking and dagenham"; "St. James's Ward" ==
 * "st jamess". */
#ifndef CS_NAMES_H
#define CS_NAMES_H

#include <stddef.h>

#include "mem.h"

enum { NAME_DROP_WARD = 1 };

/* Folded key of s[0..n) into out (cleared first); returns out's string. */
const char *name_fold(const char *s, size_t n, int flags, sbuf *out);
/* The key a table of places (lib/borough, lib/geo) files a name under, in
 * key (cleared first): "prefix " and the folded name ("lad newport"), or
 * the folded name alone when prefix is NULL.  The length of the folded
 * name, 0 when it folds to nothing (key is then not to be used). */
size_t name_key(const char *prefix, const char *s, size_t n, sbuf *key);

#endif
