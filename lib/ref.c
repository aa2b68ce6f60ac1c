/* ref.c - load the reference TSV tables of lib/data (see ref.h).
 *
 * The tables are small (tens to thousands of rows): each data line is
 * copied once into a block of text, split there at its tabs, and the cells
 * point into it; lookups are left to the caller (hash.h).  Any defect in
 * a table is fatal: a tool must not run on half a taxonomy. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"
#include "lines.h"
#include "mem.h"
#include "ref.h"
#include "text.h"

#ifndef CSPKIT_DATADIR
#define CSPKIT_DATADIR "/usr/local/share/cspkit"
#endif

#define NDIRS 4

/* The search path of ref.h; an entry is NULL when it does not apply
 * ($CSPKIT_DATA unset, /proc/self/exe unreadable). */
static const char **
search_dirs(void)
{
	static const char *dirs[NDIRS];
	static char build[PATH_MAX + 16], share[PATH_MAX + 16];
	static bool done;
	char exe[PATH_MAX];
	ssize_t n;

	if (done)
		return dirs;
	done = true;
	dirs[0] = getenv("CSPKIT_DATA");
	if (dirs[0] != NULL && dirs[0][0] == '\0')
		dirs[0] = NULL;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		char *slash;

		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			snprintf(build, sizeof build, "%s/../lib/data", exe);
			snprintf(share, sizeof share, "%s/../share/cspkit",
			         exe);
			dirs[1] = build;
			dirs[2] = share;
		}
	}
	dirs[3] = CSPKIT_DATADIR;
	return dirs;
}

static bool
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *
ref_datadir(void)
{
	const char **dirs = search_dirs();
	int i;

	for (i = 0; i < NDIRS; i++)
		if (dirs[i] != NULL && is_dir(dirs[i]))
			return dirs[i];
	return CSPKIT_DATADIR;
}

/* The file a table name stands for: a path as is, else the first
 * <dir>/<name>.tsv that exists on the search path (exit 1 when none). */
static char *
resolve(const char *name)
{
	const char **dirs = search_dirs();
	const char *ext;
	sbuf path = SBUF_INIT, tried = SBUF_INIT;
	size_t len = strlen(name);
	int i;

	if (strchr(name, '/') != NULL)
		return xstrdup(name);
	if (len == 0)
		cs_die(CS_EXIT_DATA, "empty reference table name");
	ext = len > 4 && strcmp(name + len - 4, ".tsv") == 0 ? "" : ".tsv";
	for (i = 0; i < NDIRS; i++) {
		struct stat st;

		if (dirs[i] == NULL)
			continue;
		sbuf_clear(&path);
		sbuf_printf(&path, "%s/%s%s", dirs[i], name, ext);
		if (stat(path.s, &st) == 0) {
			sbuf_free(&tried);
			return path.s;
		}
		sbuf_printf(&tried, "%s%s", tried.len ? ", " : "", dirs[i]);
	}
	cs_die(CS_EXIT_DATA, "%s%s: reference table not found (looked in %s)",
	       name, ext, sbuf_str(&tried));
}

static void
check_file(const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0)
		cs_die(CS_EXIT_DATA, "%s: %s", path, strerror(errno));
	if (S_ISDIR(st.st_mode))
		cs_die(CS_EXIT_DATA, "%s: %s", path, strerror(EISDIR));
	if (access(path, R_OK) != 0)
		cs_die(CS_EXIT_DATA, "%s: %s", path, strerror(errno));
}

/* Split line at tabs into fields (pointers into line, NUL-terminated). */
static size_t
split(char *line, size_t len, char ***fields, size_t *cap)
{
	size_t nf = 0;
	char *p = line, *end = line + len;

	for (;;) {
		char *tab = memchr(p, '\t', (size_t)(end - p));

		if (nf == *cap) /* not a call a field: 3,867 at start-up */
			*fields = xgrow(*fields, cap, nf + 1, sizeof **fields);
		(*fields)[nf++] = p;
		if (tab == NULL)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	return nf;
}

/* The tables loaded and not yet freed, to hand out again: normalise-
 * crime's text mode loads crime-words.tsv for its words and for each of
 * its two rules tables' vocab rows, 0.24M instructions a run read twice
 * more.  Past LIVE_MAX a table is read anew, as before. */
#define LIVE_MAX 16
static cs_table *live[LIVE_MAX];

cs_table *
ref_load(const char *name)
{
	cs_table *t;
	char *names[1], *path = resolve(name);
	lines *in;
	char *line, *copy, **fields = NULL;
	size_t len, nf, fcap = 0, rcap = 0, i, j;
	int slot = -1;

	for (i = 0; i < LIVE_MAX; i++) {
		if (live[i] != NULL && strcmp(live[i]->path, path) == 0) {
			free(path);
			live[i]->held++;
			return live[i];
		}
		if (live[i] == NULL && slot < 0)
			slot = (int)i;
	}
	t = xcalloc(1, sizeof *t);
	t->text.size = (size_t)16 * 1024;
	t->path = path;
	check_file(t->path);
	names[0] = t->path;
	in = lines_open(1, names);
	lines_limit(in, REF_MAX_LINE, REF_MAX_BYTES);
	while (lines_next(in, &line, &len)) {
		long ln = lines_lineno(in);

		if (len == 0 || line[0] == '#' || text_is_blank(line, len))
			continue;
		if (!utf8_valid(line, len))
			cs_die_at(CS_EXIT_DATA, t->path, ln,
			          "invalid UTF-8 (or a NUL byte)");
		nf = split(line, len, &fields, &fcap);
		if (t->colnames == NULL) {
			t->ncols = nf;
			t->colnames = xcalloc(nf, sizeof *t->colnames);
			for (i = 0; i < nf; i++) {
				if (fields[i][0] == '\0')
					cs_die_at(
					    CS_EXIT_DATA, t->path, ln,
					    "empty column name (column %zu)",
					    i + 1);
				for (j = 0; j < i; j++)
					if (strcmp(fields[i], t->colnames[j]) ==
					    0)
						cs_die_at(
						    CS_EXIT_DATA, t->path, ln,
						    "duplicate column '%s'",
						    fields[i]);
				t->colnames[i] = xstrdup(fields[i]);
			}
			continue;
		}
		if (nf != t->ncols)
			cs_die_at(CS_EXIT_DATA, t->path, ln,
			          "%zu fields, the header has %zu", nf,
			          t->ncols);
		if (t->nrows == rcap) {
			size_t cap = rcap;

			t->lineno = xgrow(t->lineno, &cap, t->nrows + 1,
			                  sizeof *t->lineno);
			t->cells = xrealloc(t->cells,
			                    cap * t->ncols * sizeof *t->cells);
			rcap = cap;
		}
		copy = strblocks_keep(&t->text, line, len);
		for (i = 0; i < nf; i++)
			t->cells[t->nrows * t->ncols + i] =
			    copy + (fields[i] - line);
		t->lineno[t->nrows++] = ln;
	}
	lines_close(in);
	free(fields);
	if (t->colnames == NULL)
		cs_die(CS_EXIT_DATA,
		       "%s: empty reference table (no header line)", t->path);
	if (slot >= 0)
		live[slot] = t;
	return t;
}

int
ref_col(const cs_table *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->ncols; i++)
		if (strcmp(t->colnames[i], name) == 0)
			return (int)i;
	return -1;
}

int
ref_need(const cs_table *t, const char *name)
{
	int c = ref_col(t, name);

	if (c < 0)
		cs_die(CS_EXIT_DATA, "%s: no column '%s'", t->path, name);
	return c;
}

const char *
ref_get(const cs_table *t, size_t row, size_t col)
{
	if (row >= t->nrows || col >= t->ncols)
		return NULL;
	return t->cells[row * t->ncols + col];
}

void
ref_free(cs_table *t)
{
	size_t i;

	if (t == NULL)
		return;
	if (t->held > 0) {
		t->held--;
		return;
	}
	for (i = 0; i < LIVE_MAX; i++)
		if (live[i] == t)
			live[i] = NULL;
	strblocks_free(&t->text);
	for (i = 0; i < t->ncols; i++)
		free(t->colnames[i]);
	free(t->cells);
	free(t->colnames);
	free(t->lineno);
	free(t->path);
	free(t);
}

long
ref_count(const cs_table *t, size_t row, int col)
{
	const char *s = ref_get(t, row, (size_t)col);
	char *end;
	long v;

	if (s == NULL || *s == '\0')
		return -1; /* not known */
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < 0 || end == s)
		cs_die_at(CS_EXIT_DATA, t->path, t->lineno[row],
		          "%s: not a population: '%s'", t->colnames[col], s);
	return v;
}

bool
ref_list_next(const char **s, const char **item, size_t *n)
{
	const char *semi;

	if (**s == '\0')
		return false;
	semi = strchr(*s, ';');
	*item = *s;
	*n = semi ? (size_t)(semi - *s) : strlen(*s);
	*s += *n + (semi != NULL);
	return true;
}

int
ref_pick(const char *const *names, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (text_ieq(name, strlen(name), names[i]))
			return (int)i;
	return -1;
}
