/* unit.h - a minimal TAP unit-test harness for lib/ modules.
 * Each CHECK prints "ok N - expr" or "not ok N - expr (file:line)". */
#ifndef CS_UNIT_H
#define CS_UNIT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int unit_n, unit_failed;

#define CHECK(cond) unit_check((cond), #cond, __FILE__, __LINE__)
#define CHECK_STR(got, want)                                                   \
	unit_check_str((got), (want), #got, __FILE__, __LINE__)

static inline void
unit_check(int ok, const char *what, const char *file, int line)
{
	unit_n++;
	if (ok) {
		printf("ok %d - %s\n", unit_n, what);
	} else {
		unit_failed++;
		printf("not ok %d - %s (%s:%d)\n", unit_n, what, file, line);
	}
}

static inline void
unit_check_str(const char *got, const char *want, const char *what,
               const char *file, int line)
{
	int ok = got && want && strcmp(got, want) == 0;
	unit_check(ok, what, file, line);
	if (!ok)
		printf("#   got  [%s]\n#   want [%s]\n", got ? got : "(null)",
		       want ? want : "(null)");
}

static inline int
unit_done(void)
{
	printf("1..%d\n", unit_n);
	return unit_failed != 0;
}

#endif
