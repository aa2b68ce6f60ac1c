/* opts.h - the options every cspkit tool shares, with one meaning each
 * (SPEC section 1; README "Conventions"), read in one place, and one
 * report of a bad option.
 *
 *       --strict            any warning makes the exit status 1
 *   -q, --quiet             print no warnings (with --strict, the closing
 *                           count still says why the exit status is 1)
 *       --max-warnings N    print each kind of warning at most N times
 *                           (default 10), then "and N more like this"
 *   -h, --help              the tool's usage, exit 0
 *   -V, --version           "tool (cspkit) VERSION", exit 0
 *
 * A tool ends its long options with CS_COMMON_OPTIONS and the NULL entry,
 * gives cs_getopt only its own short options ("k:c:b:r:"), and reads
 * cs_strict() for cs_finish.  cs_getopt handles the shared ones and a bad
 * option (one line under the tool's name naming the nearest option, exit
 * 2), and returns the tool's own. */
#ifndef CS_OPTS_H
#define CS_OPTS_H

#include <getopt.h>
#include <stdbool.h>

/* Above any tool's own option values (they start at 256). */
enum { CS_OPT_MAX_WARNINGS = 0x4000, CS_OPT_STRICT };

/* One option a line (clang-format would fold them). */
/* clang-format off */
#define CS_COMMON_OPTIONS                                                      \
	{ "strict", no_argument, NULL, CS_OPT_STRICT },                        \
	{ "quiet", no_argument, NULL, 'q' },                                   \
	{ "max-warnings", required_argument, NULL, CS_OPT_MAX_WARNINGS },      \
	{ "help", no_argument, NULL, 'h' },                                    \
	{ "version", no_argument, NULL, 'V' }
/* clang-format on */

/* getopt_long over shortopts plus the shared "qhV" and longopts: the next
 * of the tool's own options (optarg set), or -1 at the end of them.
 * --help calls usage() and exits with cs_finish's status; --version and
 * a bad option exit here too. */
int cs_getopt(int argc, char *argv[], const char *shortopts,
              const struct option *longopts, void (*usage)(void));
/* The --help lines of the shared options, descriptions from column col
 * (0-based) as the tool's own. */
void cs_help_common(int col);
/* arg of option opt as the index of one of words (NULL-terminated), or a
 * usage error listing them ("--level: 'x' is not major or minor"). */
int cs_opt_choice(const char *opt, const char *arg, const char *const *words);
/* Whether --strict was given. */
bool cs_strict(void);
/* An old spelling that still works: one warning, the first time it is
 * used ("--group FILE is deprecated: use --peers FILE"). */
void cs_deprecated(const char *old, const char *now);

#endif
