/* fuzz.h - what every libFuzzer harness shares.
 *
 * The library reports fatal input errors by exit() (err.h), which would
 * end a fuzzing run at the first malformed file.  The harnesses are linked
 * with -Wl,--wrap=exit, so an exit during a fuzz input jumps back to the
 * harness instead: an exit is a correct answer, a crash, sanitizer report
 * or abort (a ragged output row, tsv.c) is a finding.
 *
 * An input that exits leaves the reader it was inside allocated and its
 * file open.  The harness names its readers with fz_hold(); after an exit
 * they are closed (else a long run runs out of descriptors and memory).
 * What the library allocated inside them is then freed as usual; LSan
 * would still see a tool's own allocations at the exit as leaks, so each
 * input runs once with LSan disabled and, when it did not exit, again with
 * LSan watching, so leaks on every normal path are still found.  A normal
 * return that leaves a file descriptor open is a finding.
 *
 * Readers that take a file name get an in-memory file (memfd) opened by
 * its /proc/self/fd path, so the real open/read code is exercised.
 */
#ifndef CS_FUZZ_H
#define CS_FUZZ_H

#include <fcntl.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <sanitizer/lsan_interface.h>

#include "csvin.h"
#include "lines.h"
#include "mem.h"
#include "tsv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* Optional (libFuzzer declares it weak): harnesses that write tables
 * define it to send stdout to /dev/null. */
int LLVMFuzzerInitialize(int *argc, char ***argv);
void __wrap_exit(int status);
void __real_exit(int status);

/* A harness that writes tables: stdout to /dev/null, then SETUP once. */
#define FZ_TABLE_INIT(setup)                                                   \
	int LLVMFuzzerInitialize(int *argc, char ***argv)                      \
	{                                                                      \
		(void)argc;                                                    \
		(void)argv;                                                    \
		fz_quiet_stdout();                                             \
		setup;                                                         \
		return 0;                                                      \
	}
/* A harness whose input may end in exit(): each input through fz_run. */
#define FZ_TARGET(fn)                                                          \
	int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)           \
	{                                                                      \
		fz_run(fn, data, size);                                        \
		return 0;                                                      \
	}

#define FZ_CHECK(cond)                                                         \
	do {                                                                   \
		if (!(cond)) {                                                 \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, \
			        __LINE__, #cond);                              \
			abort();                                               \
		}                                                              \
	} while (0)

static jmp_buf fz_jmp;
static volatile int fz_armed;

void
__wrap_exit(int status)
{
	if (fz_armed) {
		fz_armed = 0;
		longjmp(fz_jmp, 1);
	}
	__real_exit(status);
}

static inline void fz_memfd(void);

/* Closers for fz_hold, one per reader type. */
static inline void
fz_close_lines(void *l)
{
	lines_close(l);
}
static inline void
fz_close_csvin(void *c)
{
	csvin_close(c);
}
static inline void
fz_close_tsv(void *t)
{
	tsv_close(t);
}
static inline void
fz_free_sbuf(void *b)
{
	sbuf_free(b);
}

/* Readers to close after an exit, innermost first. */
static struct {
	void (*close)(void *);
	void *obj;
} fz_held[4];
static volatile int fz_nheld;

static inline void
fz_hold(void (*close)(void *), void *obj)
{
	if (fz_nheld < 4) {
		fz_held[fz_nheld].close = close;
		fz_held[fz_nheld].obj = obj;
		fz_nheld++;
	}
}

static inline int
fz_open_fds(void)
{
	int k = 0;

	for (int fd = 0; fd < 64; fd++)
		k += fcntl(fd, F_GETFD) != -1;
	return k;
}

/* Run fn(arg); 1 when it ended by exit(), 0 when it returned. */
static inline int
fz_call(void (*fn)(const uint8_t *, size_t), const uint8_t *d, size_t n)
{
	static int fds;

	fz_nheld = 0;
	fz_memfd(); /* the input file is not a leak */
	fds = fz_open_fds();
	if (setjmp(fz_jmp)) {
		while (fz_nheld > 0) {
			fz_nheld--;
			fz_held[fz_nheld].close(fz_held[fz_nheld].obj);
		}
		return 1;
	}
	fz_armed = 1;
	fn(d, n);
	fz_armed = 0;
	FZ_CHECK(fz_open_fds() == fds);
	return 0;
}

static inline void
fz_run(void (*fn)(const uint8_t *, size_t), const uint8_t *d, size_t n)
{
	int exited;

	__lsan_disable();
	exited = fz_call(fn, d, n);
	__lsan_enable();
	if (!exited)
		fz_call(fn, d, n);
}

static int fz_fd = -1;
static char fz_path[64];

static inline void
fz_memfd(void)
{
	if (fz_fd < 0) {
		fz_fd = memfd_create("fuzz-input", 0);
		if (fz_fd < 0) {
			perror("memfd_create");
			abort();
		}
		snprintf(fz_path, sizeof fz_path, "/proc/self/fd/%d", fz_fd);
	}
}

/* The input as a file: a path that opens it from the start. */
static inline char *
fz_file(const uint8_t *d, size_t n)
{
	int fd;

	fz_memfd();
	fd = fz_fd;
	if (ftruncate(fd, 0) != 0 ||
	    (n > 0 && pwrite(fd, d, n, 0) != (ssize_t)n)) {
		perror("memfd write");
		abort();
	}
	return fz_path;
}

/* The lines of a file as lines.h reads them, for harnesses that check a
 * reader against a model: the next line of s[0..n) from *pos (split at
 * LF, one CR dropped from its end, a UTF-8 BOM from the first line of the
 * file) in *m and *mn, and in *rawn its length as the file gave it (what
 * lines_limit bounds); false at the end. */
static inline bool
fz_model_line(const char *s, size_t n, size_t *pos, const char **m, size_t *mn,
              size_t *rawn)
{
	bool first = *pos == 0;
	const char *nl;

	if (*pos >= n)
		return false;
	*m = s + *pos;
	nl = memchr(*m, '\n', n - *pos);
	*mn = *rawn = nl ? (size_t)(nl - *m) : n - *pos;
	*pos += *mn + (nl != NULL);
	if (*mn > 0 && (*m)[*mn - 1] == '\r')
		(*mn)--;
	if (first && *mn >= 3 && memcmp(*m, "\xEF\xBB\xBF", 3) == 0) {
		*m += 3;
		*mn -= 3;
	}
	return true;
}

#ifdef FZ_WRAP_LINES
/* A harness linked with -Wl,--wrap=lines_open,--wrap=lines_close (run.sh)
 * holds the readers the library opens for itself (ref_load's), so that an
 * exit inside them does not leave their file open. */
lines *__real_lines_open(int nnames, char *const names[]);
void __real_lines_close(lines *l);
lines *__wrap_lines_open(int nnames, char *const names[]);
void __wrap_lines_close(lines *l);

static inline void
fz_close_held_lines(void *l)
{
	__real_lines_close(l);
}

lines *
__wrap_lines_open(int nnames, char *const names[])
{
	lines *l = __real_lines_open(nnames, names);

	fz_hold(fz_close_held_lines, l);
	return l;
}

void
__wrap_lines_close(lines *l)
{
	for (int i = 0; i < fz_nheld; i++)
		if (fz_held[i].obj == l) {
			fz_nheld--;
			memmove(&fz_held[i], &fz_held[i + 1],
			        (size_t)(fz_nheld - i) * sizeof fz_held[0]);
			break;
		}
	__real_lines_close(l);
}
#endif

/* Table output goes nowhere; libFuzzer's -close_fd_mask=2 silences the
 * tools' warnings on stderr. */
static inline void
fz_quiet_stdout(void)
{
	int fd = open("/dev/null", O_WRONLY);

	if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0) {
		perror("/dev/null");
		abort();
	}
	close(fd);
}

#endif
