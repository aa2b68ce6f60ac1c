/* policeuk.c - data.police.uk street-level crime files: one row per crime
 * (or anti-social behaviour incident) in; counts per LSOA (or borough),
 * month and crime type out.  Counting needs the whole input, so the
 * groups are held (agg.c) and written at the end, sorted by area. */
#include <string.h>

#include "borough.h"
#include "err.h"
#include "mem.h"
#include "nc.h"
#include "num.h"
#include "text.h"

#define EXPECTED "Crime ID,Month,Reported by,Falls within,Longitude,Latitude," \
	"Location,LSOA code,LSOA name,Crime type,Last outcome category,Context"

static int
need_col(csvin *c, const char *name, const char *file)
{
	const char *names[] = { name, NULL };
	int i = csvin_col(c, names);

	if (i < 0)
		cs_die_at(CS_EXIT_DATA, file, csvin_lineno(c),
			  "not a data.police.uk street file header (no \"%s\" column); expected "
			  EXPECTED, name);
	return i;
}

/* "2023-01" -> month index, or -1. */
static int
parse_month(const char *s, size_t n)
{
	long y, m;

	text_trim(&s, &n);
	if (n != 7 || s[4] != '-' || !num_long(s, 4, &y) || !num_long(s + 5, 2, &m) ||
	    m < 1 || m > 12)
		return -1;
	return (int)(y * 12 + m - 1);
}

/* The borough part of an LSOA name: "Barnet 001A" -> "Barnet". */
static size_t
lsoa_borough(const char *s, size_t n)
{
	size_t k = n;

	while (k > 0 && s[k - 1] != ' ')
		k--;
	if (k == 0 || n - k != 4 || strspn(s + k, "0123456789") != 3 ||
	    s[n - 1] < 'A' || s[n - 1] > 'Z')
		return n;
	return k - 1;
}

int
nc_policeuk(csvin *c, const struct nc_opts *o)
{
	const char *file = csvin_source(c);
	const char *source = o->source ? o->source : file;
	bool by_borough = o->by != NULL && strcmp(o->by, "borough") == 0;
	sbuf area = SBUF_INIT, code = SBUF_INIT, type = SBUF_INIT;
	int cmonth, ccode, cname, ctype;
	size_t width;

	if (!csvin_next(c))
		return 0;
	cmonth = need_col(c, "Month", file);
	ccode = need_col(c, "LSOA code", file);
	cname = need_col(c, "LSOA name", file);
	ctype = need_col(c, "Crime type", file);
	width = csvin_nfields(c);
	while (csvin_next(c)) {
		long line = csvin_lineno(c);
		const char *offence;
		size_t bn;
		int month;

		if (csvin_nfields(c) != width)
			cs_die_at(CS_EXIT_DATA, file, line, "ragged row: %zu fields, header has %zu",
				  csvin_nfields(c), width);
		month = parse_month(csvin_get(c, (size_t)cmonth), csvin_len(c, (size_t)cmonth));
		if (month < 0 || !agg_month_ok(month))
			cs_die_at(CS_EXIT_DATA, file, line, "Month is not YYYY-MM: \"%.40s\"",
				  csvin_get(c, (size_t)cmonth));
		agg_month_seen(month);
		nc_field(c, cname, &area);
		nc_field(c, ccode, &code);
		bn = lsoa_borough(area.s ? area.s : "", area.len);
		if (!nc_area_wanted(o, area.s ? area.s : "", area.len) &&
		    !nc_area_wanted(o, code.s ? code.s : "", code.len) &&
		    !nc_area_wanted(o, area.s ? area.s : "", bn))
			continue;
		if (by_borough) {
			const cs_borough *b = borough_find(area.s ? area.s : "", bn);

			area.len = bn;
			if (area.s)
				area.s[bn] = '\0';
			sbuf_clear(&code);
			sbuf_adds(&code, b ? b->code : "");
		}
		nc_field(c, ctype, &type);
		tax_at(file, line);
		if ((offence = tax_map(sbuf_str(&type), type.len)) == NULL) {
			cs_warn_at(file, line, "unmapped offence \"%s\"", sbuf_str(&type));
			offence = "unmapped";
		}
		agg_add(agg_group(sbuf_str(&area), sbuf_str(&code), offence, sbuf_str(&type)),
			month, 1, source, line);
	}
	sbuf_free(&area);
	sbuf_free(&code);
	sbuf_free(&type);
	return 0;
}
