/* opts.h - the options every cspkit tool shares, with one meaning each
 * (SPEC section 1), and one report of a bad option.
 *
 *   -q, --quiet             print no warnings (with --strict, the closing
 *                           count still says why the exit status is 1)
 *       --max-warnings N    print each kind of warning at most N times
 *                           (default 10), then "and N more like this"
 *       --strict            any warning makes the exit status 1 (each tool
 *                           has it in its own table, as before)
 *
 * A tool adds CS_COMMON_OPTIONS to its long options and "q" to its short
 * ones, hands 'q' and CS_OPT_MAX_WARNINGS to cs_common_option, sets
 * opterr = 0 and sends getopt_long's '?' to cs_bad_option, which says
 * once, under the tool's name, what was wrong and the nearest option. */
#ifndef CS_OPTS_H
#define CS_OPTS_H

#include <getopt.h>
#include <stdbool.h>

/* Above any tool's own option values (they start at 256). */
enum { CS_OPT_MAX_WARNINGS = 0x4000 };

#define CS_COMMON_OPTIONS                                                      \
	{ "quiet", no_argument, NULL, 'q' },                                   \
	{                                                                      \
		"max-warnings", required_argument, NULL, CS_OPT_MAX_WARNINGS   \
	}

/* Handle 'q' or CS_OPT_MAX_WARNINGS (a usage error for a bad N). */
void cs_common_option(int ch, const char *arg);

/* After getopt_long returned '?' (with opterr = 0): one line naming the
 * option and what was wrong with it, the nearest long option for an
 * unknown one, then "Try 'tool --help'", exit 2. */
_Noreturn void cs_bad_option(char *const argv[], const char *shortopts,
                             const struct option *longopts);

#endif
