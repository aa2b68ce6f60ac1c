/* extract-minutes - every fact in a set of minutes, as TSV rows.
 *
 * Reads board papers (one set of minutes, or a whole agenda pack) and
 * writes one row per meeting, attendee, apology, item, resolution,
 * decision, action, next-meeting date and closing time.  See
 * extract-minutes(1) and SPEC section 3. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "err.h"
#include "layout.h"
#include "opts.h"
#include "lines.h"
#include "mem.h"
#include "minutes.h"
#include "text.h"

static void usage(void);

/* The layout clean-up hands each clean line to the state machine. */
static void
to_minutes(void *arg, const char *source, long line, const char *s, size_t n,
           unsigned flags)
{
	minutes_line(arg, source, line, s, n, flags);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "source", required_argument, NULL, 's' },
		CS_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	const char *source_name = NULL;
	int c;
	lines *in;
	minutes *m;
	layout *ly;
	char *line;
	size_t len;
	sbuf fixed = SBUF_INIT;
	char *prev_source = NULL;
	bool warned_bytes = false;

	cs_setprog(argv[0]);
	while ((c = cs_getopt(argc, argv, "s:", longopts, usage)) != -1)
		if (c == 's')
			source_name = optarg;

	in = lines_open(argc - optind, argv + optind);
	m = minutes_new(source_name);
	ly = layout_new(to_minutes, m);
	minutes_header();
	while (lines_next(in, &line, &len)) {
		const char *src = lines_source(in);
		long no = lines_lineno(in);

		if (lines_new_file(in) && prev_source) {
			layout_end_file(ly);
			minutes_end_file(m, prev_source);
			free(prev_source);
			prev_source = NULL;
		}
		if (prev_source == NULL) {
			prev_source = xstrdup(src);
			warned_bytes = false;
		}
		/* Bad bytes become U+FFFD, so every later step sees UTF-8;
		 * the layout clean-up does the rest. */
		text_line_fix(line, len, &fixed, src, no, &warned_bytes, 0);
		layout_line(ly, src, no, sbuf_str(&fixed), fixed.len);
	}
	layout_end_file(ly);
	minutes_end_file(m, prev_source ? prev_source : lines_source(in));
	free(prev_source);
	lines_close(in);
	layout_free(ly);
	minutes_free(m);
	sbuf_free(&fixed);
	return cs_finish(cs_strict());
}

static void
usage(void)
{
	fputs("Usage: extract-minutes [OPTION]... [FILE]...\n"
	      "Find every set of minutes in board papers (pdftotext output, "
	      "markdown-ish\n"
	      "text, whole agenda packs) and write one TSV row per fact:\n"
	      "  source line meeting_date body record item who role "
	      "organisation text\n"
	      "Records: meeting present in_attendance apology item resolution "
	      "decision\n"
	      "action next_meeting closed.  With no FILE, or when FILE is -, "
	      "read stdin.\n"
	      "\n"
	      "  -s, --source NAME  write NAME in the source column instead of "
	      "the file name\n",
	      stdout);
	cs_help_common(21);
	fputs("\n"
	      "Examples:\n"
	      "  extract-minutes pack.txt | awk -F'\\t' '$5==\"action\"'\n"
	      "      the action points, with item and owner\n"
	      "  pdftotext -layout pack.pdf - | extract-minutes --source "
	      "pack.pdf\n"
	      "  extract-minutes minutes/*.txt | awk -F'\\t' '$5==\"present\" "
	      "{print $3, $7}'\n"
	      "      who attended which meeting\n"
	      "\n"
	      "Exit status: 0 success (also when no minutes were found: header "
	      "only and a\n"
	      "warning), 1 data or I/O error (or a warning under --strict), 2 "
	      "usage error.\n",
	      stdout);
}
