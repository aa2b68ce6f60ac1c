/* recog.h - the recogniser tables of extract-minutes, loaded once from
 * lib/data/rules-minutes-*.tsv (lib/rules.h).  Each rule is named there
 * with the strings it must and must not match; the readers ask by name
 * and hold no patterns of their own. */
#ifndef EM_RECOG_H
#define EM_RECOG_H

#include <stdbool.h>
#include <stddef.h>

#include "rules.h"

enum recog_set {
	RS_START,    /* rules-minutes-start: where a set of minutes starts */
	RS_SECTIONS, /* rules-minutes-sections: attendance headings */
	RS_ITEMS,    /* rules-minutes-items: item headings */
	RS_CLOSE,    /* rules-minutes-close: closing, next meeting, end */
	RS_N
};

void recog_init(void);
void recog_free(void);
/* Rule name of set matches s[0..n) (from 0); the match in *m (may be
 * NULL).  A name the table lacks is an error naming the file. */
bool recog(enum recog_set set, const char *name, const char *s, size_t n,
           cs_rmatch *m);
/* The set itself, for rules_named on a match. */
cs_ruleset *recog_rules(enum recog_set set);
/* The named group of the match, trimmed: false when absent or empty. */
bool recog_group(enum recog_set set, const cs_rmatch *m, const char *group,
                 const char *s, const char **v, size_t *vn);

#endif
