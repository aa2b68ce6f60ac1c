/* recog.c - the recogniser tables of extract-minutes (see recog.h). */
#include "recog.h"
#include "text.h"

static cs_ruleset *sets[RS_N];
static const char *const files[RS_N] = {
	"rules-minutes-start",
	"rules-minutes-sections",
	"rules-minutes-items",
	"rules-minutes-close",
};

void
recog_init(void)
{
	for (int i = 0; i < RS_N; i++)
		if (sets[i] == NULL)
			sets[i] = rules_load(files[i], NULL);
}

void
recog_free(void)
{
	for (int i = 0; i < RS_N; i++) {
		rules_free(sets[i]);
		sets[i] = NULL;
	}
}

bool
recog(enum recog_set set, const char *name, const char *s, size_t n,
      cs_rmatch *m)
{
	cs_rmatch local;

	recog_init();
	return rules_exec(sets[set], rules_need(sets[set], name), s, n, 0,
	                  m ? m : &local);
}

cs_ruleset *
recog_rules(enum recog_set set)
{
	recog_init();
	return sets[set];
}

bool
recog_group(enum recog_set set, const cs_rmatch *m, const char *group,
            const char *s, const char **v, size_t *vn)
{
	size_t so, eo;

	if (!rules_named(sets[set], m, group, &so, &eo))
		return false;
	*v = s + so;
	*vn = eo - so;
	text_trim(v, vn);
	return *vn > 0;
}
