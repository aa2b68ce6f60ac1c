/* filter.c - the --area filter of the data modes.  Names compare folded
 * (names.h: case, "&"/"and", punctuation, a trailing "Ward"), so
 * "--area 'Barking & Dagenham'" keeps "Barking and Dagenham"; codes fold
 * to themselves. */
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "names.h"
#include "nc.h"

static char **wanted;       /* folded --area values */
static size_t nwanted;

static void
filter_free(void)
{
	for (size_t i = 0; i < nwanted; i++)
		free(wanted[i]);
	free(wanted);
}

bool
nc_area_wanted(const struct nc_opts *o, const char *name, size_t n)
{
	static sbuf key;

	if (o->nareas == 0)
		return true;
	if (wanted == NULL) {
		wanted = xcalloc(o->nareas, sizeof *wanted);
		for (size_t i = 0; i < o->nareas; i++) {
			name_fold(o->areas[i], strlen(o->areas[i]), NAME_DROP_WARD, &key);
			wanted[i] = xstrdup(sbuf_str(&key));
		}
		nwanted = o->nareas;
		atexit(filter_free);
	}
	name_fold(name, n, NAME_DROP_WARD, &key);
	for (size_t i = 0; i < nwanted; i++)
		if (strcmp(wanted[i], sbuf_str(&key)) == 0)
			return true;
	return false;
}
