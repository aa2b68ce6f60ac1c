/* child.h - run a function that is expected to exit (cs_die) in a child
 * process, capturing its exit status and stderr, for unit tests of fatal
 * errors. */
#ifndef CS_UNIT_CHILD_H
#define CS_UNIT_CHILD_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Stderr of the last child_run, NUL-terminated (truncated if long). */
static char child_err[4096];

/* Run fn(arg) in a child; returns its exit status, or 128 + signal, or
 * -1 when fn returned instead of exiting. */
static int
child_run(void (*fn)(const char *), const char *arg)
{
	int fd[2], status;
	size_t got = 0;
	ssize_t n;
	pid_t pid;

	fflush(stdout);
	if (pipe(fd) != 0 || (pid = fork()) < 0) {
		perror("child_run");
		exit(99);
	}
	if (pid == 0) {
		close(fd[0]);
		dup2(fd[1], 2);
		fn(arg);
		_exit(255);
	}
	close(fd[1]);
	while ((n = read(fd[0], child_err + got, sizeof child_err - 1 - got)) >
	       0)
		got += (size_t)n;
	child_err[got] = '\0';
	close(fd[0]);
	waitpid(pid, &status, 0);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status) == 255 ? -1 : WEXITSTATUS(status);
}

/* Whether fn(arg) exits 1 with want in its message; says why not. */
static int
child_fails(void (*fn)(const char *), const char *arg, const char *want)
{
	int st = child_run(fn, arg);

	if (st == 1 && strstr(child_err, want) != NULL)
		return 1;
	printf("#   status %d, stderr [%s], want [%s]\n", st, child_err, want);
	return 0;
}

#endif
