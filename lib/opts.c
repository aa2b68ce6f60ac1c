/* opts.c - shared options and the bad-option report (see opts.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "mem.h"
#include "near.h"
#include "opts.h"

static bool strict;

static _Noreturn void bad_option(char *const argv[], const char *shortopts,
                                 const struct option *longopts);

int
cs_getopt(int argc, char *argv[], const char *shortopts,
          const struct option *longopts, void (*usage)(void))
{
	char all[128];
	char *end;
	long n;
	int ch;

	if (snprintf(all, sizeof all, "%sqhV", shortopts) >= (int)sizeof all)
		cs_die(CS_EXIT_DATA, "cs_getopt: too many short options");
	opterr = 0; /* bad_option says it once, under one name */
	for (;;) {
		switch (ch = getopt_long(argc, argv, all, longopts, NULL)) {
		case CS_OPT_STRICT:
			strict = true;
			break;
		case 'q':
			cs_set_quiet(true);
			break;
		case CS_OPT_MAX_WARNINGS:
			n = strtol(optarg, &end, 10);
			if (end == optarg || *end != '\0' || n < 0)
				cs_usage_error("--max-warnings: '%s' is not a "
				               "count (0 or more)",
				               optarg);
			cs_set_max_warnings(n);
			break;
		case 'h':
			usage();
			exit(cs_finish(false));
		case 'V':
			cs_version();
		case '?':
			bad_option(argv, all, longopts);
		default:
			return ch;
		}
	}
}

void
cs_help_common(int col)
{
	static const char *const lines[][2] = {
		{ "      --strict", "exit 1 when there were warnings" },
		{ "  -q, --quiet",
		  "print no warnings (with --strict: their count)" },
		{ "      --max-warnings N",
		  "print each kind of warning at most N times (10)" },
		{ "  -h, --help", "show this help and exit" },
		{ "  -V, --version", "show the version and exit" },
	};

	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		int n = (int)strlen(lines[i][0]);

		printf("%s%*s%s\n", lines[i][0], n < col ? col - n : 1, "",
		       lines[i][1]);
	}
}

int
cs_opt_choice(const char *opt, const char *arg, const char *const *words)
{
	sbuf list = SBUF_INIT;
	size_t n = 0;

	for (; words[n] != NULL; n++)
		if (strcmp(arg, words[n]) == 0)
			return (int)n;
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			sbuf_adds(&list, i + 1 < n ? ", " : " or ");
		sbuf_adds(&list, words[i]);
	}
	cs_usage_error("%s: '%s' is not %s", opt, arg, list.s);
}

bool
cs_strict(void)
{
	return strict;
}

void
cs_deprecated(const char *old, const char *now)
{
	static const char *said[8];

	for (size_t i = 0; i < sizeof said / sizeof said[0]; i++) {
		if (said[i] == old)
			return;
		if (said[i] == NULL) {
			said[i] = old;
			break;
		}
	}
	cs_warn_kind("deprecated option", NULL, 0, "%s is deprecated: use %s",
	             old, now);
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

/* After getopt_long returned '?' (with opterr = 0): one line naming the
 * option and what was wrong with it, the nearest long option for an
 * unknown one, then "Try 'tool --help'", exit 2. */
static _Noreturn void
bad_option(char *const argv[], const char *shortopts,
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
