/* mps.c - Metropolitan Police borough and ward crime files, wide (one
 * column per month) to long (one count row per area, month and minor
 * category).
 *
 * Header vintages, told apart by column name, not position:
 *   Borough,Major Category,Minor Category,YYYYMM...           (2008-2018)
 *   MajorText,MinorText,LookUp_BoroughName,YYYYMM...          (2010-2024)
 *   MajorText,MinorText,BoroughName,YYYYMM...                 (2024+)
 *   MajorText,MinorText,WardName,WardCode,LookUp_BoroughName,YYYYMM...
 *   Group,SubGroup,WardName,WardCode,LookUp_BoroughName,YYYYMM... (a
 *   variant of the ward files seen in the wild; same columns renamed)
 * One record at a time: memory does not grow with the file, except for
 * what --level major and --window hold (one group per area and offence). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "borough.h"
#include "err.h"
#include "mem.h"
#include "nc.h"
#include "num.h"
#include "text.h"

typedef struct {
	size_t col;
	int month; /* y * 12 + m - 1 */
	cs_period period;
	sbuf text; /* its period fields, ready to write */
	bool held; /* summed for --window/--level major */
} month_col;

/* MPS ward file headers: "MajorText,MinorText,WardName,WardCode,
 * LookUp_BoroughName,202009,..." */
bool
nc_mps_has_wards(const char *line, size_t n)
{
	for (size_t i = 0; i + 4 <= n; i++)
		if (text_iprefix(line + i, n - i, "ward"))
			return true;
	return false;
}

typedef struct {
	const char *name, *source; /* operand, and the source column */
	int major, minor, borough, wardname, wardcode;
	size_t width; /* header fields up to the last named one */
	month_col *months;
	size_t nmonths;
} mps_file;

#define EXPECTED                                                               \
	"Borough,Major Category,Minor Category,YYYYMM...; "                    \
	"MajorText,MinorText,LookUp_BoroughName (or BoroughName),YYYYMM...; "  \
	"or "                                                                  \
	"MajorText,MinorText,WardName,WardCode,LookUp_BoroughName,YYYYMM..."

/* "201902" -> month index, or -1. */
static int
parse_yyyymm(const char *s, size_t n)
{
	long v;
	int m;

	text_trim(&s, &n);
	if (n != 6 || !num_long(s, n, &v))
		return -1;
	m = (int)(v % 100);
	if (m < 1 || m > 12)
		return -1;
	return (int)(v / 100) * 12 + m - 1;
}

/* Column i is one of the named columns (area, category). */
static bool
key_col(const mps_file *f, size_t i)
{
	int key[] = { f->major, f->minor, f->borough, f->wardname,
		      f->wardcode };

	for (size_t k = 0; k < sizeof key / sizeof key[0]; k++)
		if (key[k] >= 0 && (size_t)key[k] == i)
			return true;
	return false;
}

static void
read_header(csvin *c, mps_file *f, bool hold)
{
	static const char *const major[] = { "Major Category", "MajorText",
		                             "Group", NULL };
	static const char *const minor[] = { "Minor Category", "MinorText",
		                             "SubGroup", NULL };
	static const char *const borough[] = { "Borough", "LookUp_BoroughName",
		                               "BoroughName", NULL };
	static const char *const wardname[] = { "WardName", NULL };
	static const char *const wardcode[] = { "WardCode", NULL };
	size_t cap = 0, nshared = 0, first_shared = 0;

	if (!csvin_next(c))
		return;
	f->major = csvin_col(c, major);
	f->minor = csvin_col(c, minor);
	f->borough = csvin_col(c, borough);
	f->wardname = csvin_col(c, wardname);
	f->wardcode = csvin_col(c, wardcode);
	if (f->major < 0 || f->minor < 0 || f->borough < 0 ||
	    (f->wardname < 0) != (f->wardcode < 0))
		cs_die_at(CS_EXIT_DATA, f->name, csvin_lineno(c),
		          "not an MPS crime file header; expected " EXPECTED);
	for (size_t i = 0; i < csvin_nfields(c); i++) {
		int m = parse_yyyymm(csvin_get(c, i), csvin_len(c, i));

		if (csvin_len(c, i) > 0)
			f->width = i + 1;
		if (m < 0)
			continue;
		if (!agg_month_ok(m))
			cs_die_at(CS_EXIT_DATA, f->name, csvin_lineno(c),
			          "month column %s is out of range",
			          csvin_get(c, i));
		/* Two columns of one month would write each count twice. */
		for (size_t k = 0; k < f->nmonths; k++)
			if (f->months[k].month == m)
				cs_die_at(CS_EXIT_DATA, f->name,
				          csvin_lineno(c),
				          "month column %s appears twice in "
				          "the header "
				          "(columns %zu and %zu)",
				          csvin_get(c, i), f->months[k].col + 1,
				          i + 1);
		f->months =
		    xgrow(f->months, &cap, f->nmonths + 1, sizeof *f->months);
		f->months[f->nmonths].col = i;
		f->months[f->nmonths].month = m;
		f->months[f->nmonths].period = period_month(m / 12, m % 12 + 1);
		f->months[f->nmonths].text = (sbuf)SBUF_INIT;
		nc_period_text(&f->months[f->nmonths].period,
		               &f->months[f->nmonths].text);
		f->months[f->nmonths].held = agg_month_claim(m, f->source);
		if (!f->months[f->nmonths].held && nshared++ == 0)
			first_shared = f->nmonths;
		f->nmonths++;
		agg_month_seen(m);
	}
	if (nshared > 0 && hold)
		cs_warn_at(f->name, csvin_lineno(c),
		           "%zu month(s) from %s are also in %s; its figures "
		           "are the ones summed",
		           nshared, f->months[first_shared].period.label,
		           agg_month_owner(f->months[first_shared].month));
	if (f->nmonths == 0)
		cs_die_at(CS_EXIT_DATA, f->name, csvin_lineno(c),
		          "header has no month columns (YYYYMM)");
	/* A column that is neither a key nor a month ("201913", "2019-02",
	 * "Total") is not read: say so, or its figures would vanish unseen. */
	for (size_t i = 0; i < f->width; i++)
		if (!key_col(f, i) &&
		    parse_yyyymm(csvin_get(c, i), csvin_len(c, i)) < 0)
			cs_warn_at(f->name, csvin_lineno(c),
			           "column %zu \"%.40s\" is not a "
			           "month (YYYYMM); its figures are not read",
			           i + 1, csvin_get(c, i));
}

static bool
blank_field(csvin *c, size_t i)
{
	const char *s = csvin_get(c, i);
	size_t n = csvin_len(c, i);

	if (n > 0 &&
	    ((s[0] >= '0' && s[0] <= '9') || (s[0] >= 'A' && s[0] <= 'z')))
		return false; /* the usual case, without text_trim's Unicode work */
	text_trim(&s, &n);
	return n == 0;
}

/* A row that is not data: blank (only commas) is skipped quietly; a note
 * (no count, and no category or area: "Source: ...", a footnote, which
 * may hold commas) is skipped with a warning.  A row of the wrong length
 * is an error, so a cut-off file is never taken for a footnote. */
static bool
is_data_row(csvin *c, const mps_file *f)
{
	size_t nf = csvin_nfields(c), i, first = nf;
	bool counts = false, keys = true;
	int key[] = { f->major, f->minor, f->borough, f->wardname,
		      f->wardcode };

	for (i = 0; i < nf && first == nf; i++)
		if (!blank_field(c, i))
			first = i;
	if (first == nf)
		return false;
	for (i = 0; i < f->nmonths && !counts; i++)
		counts =
		    f->months[i].col < nf && !blank_field(c, f->months[i].col);
	for (i = 0; i < sizeof key / sizeof key[0]; i++)
		if (key[i] >= 0 &&
		    ((size_t)key[i] >= nf || blank_field(c, (size_t)key[i])))
			keys = false;
	if (!counts && !keys) {
		cs_warn_at(f->name, csvin_lineno(c),
		           "skipped a note, not a data row: \"%.60s\"",
		           csvin_get(c, first));
		return false;
	}
	for (i = f->width; i < nf; i++)
		if (!blank_field(c, i))
			break;
	if (nf < f->width || i < nf)
		cs_die_at(CS_EXIT_DATA, f->name, csvin_lineno(c),
		          "ragged row: %zu fields, header has %zu", nf,
		          f->width);
	return true;
}

/* The count in a month cell, as text: "1,234" -> "1234". */
static bool
count_text(const char *s, size_t n, char *buf, size_t size, long *v)
{
	/* Nearly every cell is a few plain digits: read and copy them in
	 * one pass (num_count, strspn and strlen over each of the 48 cells
	 * of a row were a quarter of a reshape; 5 MB ward file: 917M -> 752M
	 * instructions, callgrind). */
	if (n > 0 && n < size && n <= 9 && (n == 1 || s[0] != '0')) {
		long x = 0;
		size_t i;

		for (i = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			x = x * 10 + (s[i] - '0');
		if (i == n) {
			memcpy(buf, s, n);
			buf[n] = '\0';
			*v = x;
			return true;
		}
	}
	if (n == 0 ||
	    !(s[0] >= '0' && s[0] <= '9' && s[n - 1] >= '0' && s[n - 1] <= '9'))
		text_trim(&s, &n);
	if (!num_count(s, n, v))
		return false;
	if (n < size && strspn(s, "0123456789") == n &&
	    (n == 1 || s[0] != '0')) {
		memcpy(buf, s, n);
		buf[n] = '\0';
	} else {
		snprintf(buf, size, "%ld", *v);
	}
	return true;
}

static bool
area_wanted(csvin *c, const mps_file *f, const struct nc_opts *o)
{
	if (o->nareas == 0)
		return true;
	for (int k = 0; k < 3; k++) {
		int i = k == 0   ? f->borough
		        : k == 1 ? f->wardname
		                 : f->wardcode;

		if (i >= 0 && nc_area_wanted(o, csvin_get(c, (size_t)i),
		                             csvin_len(c, (size_t)i)))
			return true;
	}
	return false;
}

int
nc_mps(csvin *c, const struct nc_opts *o)
{
	mps_file f = { 0 };
	sbuf area = SBUF_INIT, code = SBUF_INIT, major = SBUF_INIT,
	     minor = SBUF_INIT, label = SBUF_INIT, parent = SBUF_INIT;
	const char *parent_code = NULL;
	bool hold = o->level_major || o->nwindows > 0;
	nc_tmpl row = { SBUF_INIT, SBUF_INIT, SBUF_INIT };
	const char *first_empty = NULL;
	size_t nempty;

	f.name = csvin_source(c);
	f.source = o->source ? o->source : f.name;
	read_header(c, &f, hold);
	while (csvin_next(c)) {
		const char *offence, *mkey = NULL;
		nc_group *g = NULL;
		long line = csvin_lineno(c);

		if (!is_data_row(c, &f) || !area_wanted(c, &f, o))
			continue;
		tax_at(f.name, line);
		nc_field(c, f.major, &major);
		nc_field(c, f.minor, &minor);
		sbuf_clear(&label);
		sbuf_printf(&label, "%s / %s", sbuf_str(&major),
		            sbuf_str(&minor));
		if ((offence = tax_map(sbuf_str(&label), label.len)) == NULL &&
		    (offence = tax_map(sbuf_str(&minor), minor.len)) == NULL) {
			cs_warn_at(f.name, line, "unmapped offence \"%s\"",
			           sbuf_str(&label));
			offence = "unmapped";
		}
		if (f.wardname >= 0) {
			const cs_borough *b;

			nc_field(c, f.wardname, &area);
			nc_field(c, f.wardcode, &code);
			/* The ward's borough, as printed, and its code. */
			nc_field(c, f.borough, &parent);
			b = borough_find(sbuf_str(&parent), parent.len);
			parent_code = b ? b->code : NULL;
		} else {
			const cs_borough *b;

			nc_field(c, f.borough, &area);
			b = borough_find(sbuf_str(&area), area.len);
			sbuf_clear(&code);
			sbuf_adds(&code, b ? b->code : "");
		}
		if (o->level_major) {
			if ((mkey = tax_map(sbuf_str(&major), major.len)) ==
			    NULL) {
				cs_warn_at(f.name, line,
				           "unmapped offence \"%s\"",
				           sbuf_str(&major));
				mkey = "unmapped";
			}
			g = agg_group(sbuf_str(&area), sbuf_str(&code), mkey,
			              sbuf_str(&major));
		} else if (hold) {
			g = agg_group(sbuf_str(&area), sbuf_str(&code), offence,
			              sbuf_str(&label));
		}
		if (!o->level_major && !o->window_only) {
			nc_row r = {
				.source = f.source,
				.line = line,
				.area = sbuf_str(&area),
				.area_code = sbuf_str(&code),
				.offence = offence,
				.parent_area =
				    f.wardname >= 0 ? sbuf_str(&parent) : NULL,
				.parent_area_code = parent_code,
				.offence_label = sbuf_str(&label),
				.measure = "count",
				.unit = "offences",
			};

			nc_tmpl_set(&row, &r);
		}
		nempty = 0;
		for (size_t i = 0; i < f.nmonths; i++) {
			const month_col *mc = &f.months[i];
			const char *s = csvin_get(c, mc->col);
			size_t n = csvin_len(c, mc->col);
			char value[32];
			long v;

			if (!count_text(s, n, value, sizeof value, &v)) {
				const char *t = s;
				size_t tn = n;

				text_trim(&t, &tn);
				if (tn == 0) {
					/* Not known: written empty, never dropped. */
					if (nempty++ == 0)
						first_empty = mc->period.label;
					value[0] = '\0';
				} else {
					cs_die_at(CS_EXIT_DATA, f.name, line,
					          "not a count in column %s: "
					          "\"%.40s\"",
					          mc->period.label, s);
				}
			} else if (g != NULL && mc->held) {
				agg_add(g, mc->month, v, f.source, line);
			}
			if (!o->level_major && !o->window_only)
				nc_tmpl_emit(&row, &mc->text, value,
				             strlen(value));
		}
		if (nempty > 0)
			cs_warn_at(
			    f.name, line, "no count for %s%s; written empty",
			    first_empty, nempty > 1 ? " and later months" : "");
	}
	for (size_t i = 0; i < f.nmonths; i++)
		sbuf_free(&f.months[i].text);
	free(f.months);
	nc_tmpl_free(&row);
	sbuf_free(&area);
	sbuf_free(&code);
	sbuf_free(&major);
	sbuf_free(&minor);
	sbuf_free(&label);
	sbuf_free(&parent);
	return 0;
}
