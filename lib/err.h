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

/* Warnings are counted; cs_finish() reports the count. line <= 0 omits it. */
void cs_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cs_warn_at(const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
long cs_warnings(void);

/* Print the closing warning count (when any), flush stdout and return the
 * exit status: 1 when strict and there were warnings, or when output
 * failed; 0 otherwise.  Use as: return cs_finish(strict); */
int cs_finish(bool strict);

/* Print "tool (cspkit) VERSION" to stdout and exit 0. */
_Noreturn void cs_version(void);

#endif
