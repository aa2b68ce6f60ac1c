/* err.h - messages, warnings and exit status shared by every cspkit tool.
 *
 * Every message is one line on stderr: "tool: problem" or
 * "tool: file:line: problem".  Exit status: 0 success, 1 data or I/O
 * error, 2 usage error (SPEC section 1).
 */
#ifndef CS_ERR_H
#define CS_ERR_H

#include <stdbool.h>

enum { CS_EXIT_OK = 0, CS_EXIT_DATA = 1, CS_EXIT_USAGE = 2 };

/* Set the name used in messages (basename of argv[0]). */
void cs_setprog(const char *argv0);
const char *cs_prog(void);

/* Fatal errors: print and exit with status. */
_Noreturn void cs_die(int status, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
_Noreturn void cs_die_at(int status, const char *file, long line,
                         const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* A usage error: message, then "Try 'tool --help'.", exit 2. */
_Noreturn void cs_usage_error(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/* Warnings are counted by kind.  A kind is a short label ("ward not
 * found"), or for cs_warn and cs_warn_at the format string itself (its
 * label is the format with each conversion shown as "...").  Each kind is
 * printed at most cs_set_max_warnings times (default 10); cs_finish then
 * says "and N more like this" and gives one closing count per kind.
 * line <= 0 omits the line number. */
void cs_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cs_warn_at(const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void cs_warn_kind(const char *kind, const char *file, long line,
                  const char *fmt, ...) __attribute__((format(printf, 4, 5)));
long cs_warnings(void);
/* -q: print no warning (the count is still kept for --strict). */
void cs_set_quiet(bool quiet);
/* --max-warnings N: each kind printed at most n times (0: none). */
void cs_set_max_warnings(long n);

/* Print what was held back ("and N more like this") and the closing
 * count per kind (when any), flush stdout and return the exit status: 1
 * when strict and there were warnings, or when output failed; 0
 * otherwise.  Quiet, the count is printed only when strict makes it an
 * error.  Use as: return cs_finish(strict); */
int cs_finish(bool strict);

/* Print "tool (cspkit) VERSION" to stdout and exit 0. */
_Noreturn void cs_version(void);

#endif
