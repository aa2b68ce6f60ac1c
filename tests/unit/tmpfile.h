/* tmpfile.h - temporary input files for the unit tests of the readers. */
#ifndef CS_UNIT_TMPFILE_H
#define CS_UNIT_TMPFILE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Write n bytes of s to a new temporary file; its path goes in path
 * (at least 32 bytes). */
static inline void
unit_tmpfile(char *path, const char *s, size_t n)
{
	int fd;

	strcpy(path, "/tmp/cspkit-unit-XXXXXX");
	fd = mkstemp(path);
	if (fd < 0 || write(fd, s, n) != (ssize_t)n) {
		perror("unit_tmpfile");
		exit(99);
	}
	close(fd);
}

#endif
