/* opts.c - shared options and the bad-option report (see opts.h). */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "mem.h"
#include "near.h"
#include "opts.h"

void
cs_common_option(int ch, const char *arg)
{
	char *end;
	long n;

	if (ch == 'q') {
		cs_set_quiet(true);
		return;
	}
	n = strtol(arg, &end, 10);
	if (end == arg || *end != '\0' || n < 0)
		cs_usage_error(
		    "--max-warnings: '%s' is not a count (0 or more)", arg);
	cs_set_max_warnings(n);
}

/* The long option name[0..n) means, as getopt_long reads it: the exact
 * name, or the one option it is a prefix of ("--stric" is --strict). */
static const struct option *
long_named(const struct option *lo, const char *name, size_t n)
{
	const struct option *found = NULL;

	for (const struct option *p = lo; p->name != NULL; p++)
		if (strlen(p->name) == n && memcmp(p->name, name, n) == 0)
			return p;
	for (const struct option *p = lo; p->name != NULL; p++)
		if (strncmp(p->name, name, n) == 0) {
			if (found != NULL && found->val != p->val)
				return NULL;
			found = p;
		}
	return found;
}

void
cs_bad_option(char *const argv[], const char *shortopts,
              const struct option *longopts)
{
	const char *arg = optind > 0 ? argv[optind - 1] : "";
	sbuf list = SBUF_INIT;

	/* getopt_long has stepped past a long option it could not use:
	 * "--strcit" (optopt 0), "--area" with no value or "--strict=yes"
	 * (optopt its value).  Otherwise the error is a short option's. */
	if (arg != NULL && strncmp(arg, "--", 2) == 0 && arg[2] != '\0' &&
	    (optopt == 0 ||
	     (long_named(longopts, arg + 2, strcspn(arg + 2, "=")) != NULL &&
	      long_named(longopts, arg + 2, strcspn(arg + 2, "="))->val ==
	          optopt))) {
		const char *name = arg + 2;
		size_t n = strcspn(name, "=");
		const struct option *lo = long_named(longopts, name, n);
		size_t nprefix = 0;
		near_set s;

		if (lo == NULL) {
			/* A prefix of several long options ("--ref" of
			 * --ref-code, --ref-name) is ambiguous, not unknown. */
			for (const struct option *p = longopts; p->name != NULL;
			     p++)
				if (strncmp(p->name, name, n) == 0) {
					sbuf_adds(&list,
					          nprefix++ ? ", --" : "--");
					sbuf_adds(&list, p->name);
				}
			if (nprefix > 1)
				cs_usage_error(
				    "option '--%.*s' is ambiguous: %s", (int)n,
				    name, list.s);
		} else if (lo->has_arg == no_argument && name[n] == '=') {
			cs_usage_error("option '--%s' takes no value",
			               lo->name);
		} else {
			cs_usage_error("option '--%s' needs a value", lo->name);
		}
		near_init(&s, name, n);
		for (const struct option *p = longopts; p->name != NULL; p++)
			near_add(&s, p->name, p->name, strlen(p->name));
		if (s.n > 0) {
			sbuf names = SBUF_INIT;

			for (size_t i = 0; i < s.n && s.dist[i] == s.dist[0];
			     i++) {
				if (i > 0)
					sbuf_adds(&names, " or ");
				sbuf_printf(&names, "--%s", s.name[i]);
			}
			cs_usage_error("unknown option '--%.*s' (nearest: %s)",
			               (int)n, name, names.s);
		}
		cs_usage_error("unknown option '--%.*s'", (int)n, name);
	}
	if (optopt > 0 && optopt < 256 && optopt != ':' &&
	    strchr(shortopts, optopt) != NULL)
		cs_usage_error("option '-%c' needs a value", optopt);
	if (optopt > 0 && optopt < 256)
		cs_usage_error("unknown option '-%c'", optopt);
	cs_usage_error("unknown option '%s'", arg != NULL ? arg : "");
}
