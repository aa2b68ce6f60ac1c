/* policeuk.c - data.police.uk street-level crime files: one row per crime
 * (or anti-social behaviour incident) in; counts per area, month and crime
 * type out.  Counting needs the whole input, so the groups are held
 * (agg.c) and written at the end, sorted by area.
 *
 * The area is the record's LSOA, its London borough (--by borough, from
 * the LSOA name), or with --by ward|lad|csp|force the area containing the
 * LSOA in the national geography (geo.h).  police.uk used 2011 LSOA codes
 * until 2023; the few the 2021 lookup lacks ("W01001943 Newport 014B")
 * are placed by the authority that starts their name. */
#include <stdlib.h>
#include <string.h>

#include "borough.h"
#include "err.h"
#include "geo.h"
#include "hash.h"
#include "mem.h"
#include "nc.h"
#include "num.h"
#include "text.h"

#define EXPECTED                                                               \
	"Crime ID,Month,Reported by,Falls within,Longitude,Latitude,"          \
	"Location,LSOA code,LSOA name,Crime type,Last outcome "                \
	"category,Context"

static int
need_col(csvin *c, const char *name, const char *file)
{
	const char *names[] = { name, NULL };
	int i = csvin_col(c, names);

	if (i < 0)
		cs_die_at(CS_EXIT_DATA, file, csvin_lineno(c),
		          "not a data.police.uk street file header (no \"%s\" "
		          "column); expected " EXPECTED,
		          name);
	return i;
}

/* "2023-01" -> month index, or -1. */
static int
parse_month(const char *s, size_t n)
{
	long y, m;

	text_trim(&s, &n);
	if (n != 7 || s[4] != '-' || !num_long(s, 4, &y) ||
	    !num_long(s + 5, 2, &m) || m < 1 || m > 12)
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

/* Where the national levels put a record: the area, its parent (SPEC
 * section 2: the authority of an LSOA or ward, the force of an authority
 * or partnership), as names and codes. */
typedef struct {
	const char *area, *code, *parent, *pcode;
} place;

/* data.police.uk publishes one file per force and month: the same
 * force's month in a second file (a download given twice, a renamed copy)
 * would be counted twice, so the first file to give a force's month keeps
 * it, and the other's records for it are left out with one warning. */
static hmap *month_owner;
static int operand; /* which operand is being read, from 1 */

typedef struct {
	int operand;
	char *file;
	int warned; /* the last operand warned about it */
} owner;

static void
owner_free(void *p)
{
	free(((owner *)p)->file);
	free(p);
}

static bool
month_mine(const char *force, size_t fn, int month, const char *file, long line)
{
	static sbuf key;
	void **slot;
	owner *w;

	if (month_owner == NULL)
		month_owner = hmap_new();
	sbuf_clear(&key);
	sbuf_printf(&key, "%d\x1f", month);
	sbuf_add(&key, force, fn);
	slot = hmap_put(month_owner, key.s, key.len);
	if ((w = *slot) == NULL) {
		w = *slot = xcalloc(1, sizeof *w);
		w->operand = operand;
		w->file = xstrdup(file);
	}
	if (w->operand == operand)
		return true;
	/* One warning per operand that repeats a force's month. */
	if (w->warned != operand) {
		cs_warn_at(file, line,
		           "%.*s %04d-%02d was already read from %s: "
		           "its records here are not counted again",
		           (int)fn, force, month / 12, month % 12 + 1, w->file);
		w->warned = operand;
	}
	return false;
}

/* Records the geography could not place, for one warning at the end. */
static long unplaced, unplaced_lsoas, noward, noward_lsoas;
static hmap *unplaced_seen;

void
nc_policeuk_report(void)
{
	if (noward > 0)
		cs_warn("%ld record%s in %ld LSOA%s not in the 2021 lookup "
		        "(2011 codes): "
		        "placed by the authority in the LSOA name, with an "
		        "empty ward",
		        noward, noward == 1 ? "" : "s", noward_lsoas,
		        noward_lsoas == 1 ? "" : "s");
	if (unplaced > 0)
		cs_warn("%ld record%s in %ld LSOA%s found neither by code nor "
		        "by the "
		        "authority in the name: counted under the force",
		        unplaced, unplaced == 1 ? "" : "s", unplaced_lsoas,
		        unplaced_lsoas == 1 ? "" : "s");
	hmap_free(unplaced_seen, NULL);
	unplaced_seen = NULL;
	hmap_free(month_owner, owner_free);
	month_owner = NULL;
	unplaced = unplaced_lsoas = noward = noward_lsoas = 0;
}

/* Count a record in *records, and its LSOA in *lsoas the first time it is
 * seen (kind keeps the two tallies' LSOAs apart). */
static void
tally(long *records, long *lsoas, char kind, const char *code, size_t n)
{
	static sbuf key;
	void **slot;

	if (unplaced_seen == NULL)
		unplaced_seen = hmap_new();
	sbuf_clear(&key);
	sbuf_addc(&key, kind);
	sbuf_add(&key, code, n);
	slot = hmap_put(unplaced_seen, key.s, key.len);
	if (*slot == NULL) {
		*slot = unplaced_seen;
		(*lsoas)++;
	}
	(*records)++;
}

/* The force from "Falls within" ("Gwent Police"), or NULL. */
static const geo_area *
force_of(const char *s, size_t n)
{
	return n ? geo_name(s, n, GEO_PFA) : NULL;
}

static void
locate(const struct nc_opts *o, const char *lcode, size_t lcn,
       const char *lname, size_t ln, const char *falls, size_t fn, place *p)
{
	const geo_area *ward = NULL, *lad = NULL, *a, *f;
	static sbuf fname;

	if (lcn > 0 && (ward = geo_lsoa(lcode, lcn)) != NULL) {
		lad = ward->parent;
	} else if (lcn > 0) {
		lad = geo_name(lname, lsoa_borough(lname, ln), GEO_LAD);
		if (lad != NULL && o->level == GEO_WARD)
			tally(&noward, &noward_lsoas, 'w', lcode, lcn);
	}
	if (lcn > 0 && lad == NULL)
		tally(&unplaced, &unplaced_lsoas, 'u', lcode, lcn);
	*p = (place){ "", "", "", "" };
	if (o->level == -2 && lcn > 0) {
		/* --by lsoa: the LSOA as printed, in its authority */
		p->area = lname;
		p->code = lcode;
		if (lad != NULL) {
			p->parent = lad->name;
			p->pcode = lad->code;
		}
		return;
	}
	if (lad != NULL && o->level == GEO_WARD) {
		if (ward != NULL) {
			p->area = ward->name;
			p->code = ward->code;
		}
		p->parent = lad->name;
		p->pcode = lad->code;
		return;
	}
	if (lad != NULL && o->level < GEO_PFA) {
		a = geo_up(lad, o->level);
		f = geo_up(lad, GEO_PFA);
		p->area = a->name;
		p->code = a->code;
		p->parent = f->name;
		p->pcode = f->code;
		return;
	}
	/* The force: --by force, a record with no location, or an LSOA
	 * that could not be placed. */
	if (lad != NULL)
		f = geo_up(lad, GEO_PFA);
	else
		f = force_of(falls, fn);
	if (f != NULL) {
		p->area = f->name;
		p->code = f->code;
	} else {
		sbuf_clear(&fname);
		sbuf_add(&fname, falls, fn);
		p->area = sbuf_str(&fname);
	}
}

#define TOTAL_LABEL "All crime types except Anti-social behaviour"

/* One record at a national level: its crime type, and total_crime for
 * every crime but anti-social behaviour (police.uk's "all crime" counts
 * it; the taxonomy's total does not). */
static void
national(csvin *c, const struct nc_opts *o, sbuf *lname, sbuf *lcode,
         sbuf *type, int ctype, int cfalls, sbuf *falls, const char *file,
         long line, int month, const char *source)
{
	const char *offence;
	place p;

	if (cfalls < 0) /* else the caller read it */
		sbuf_clear(falls);
	locate(o, sbuf_str(lcode), lcode->len, sbuf_str(lname), lname->len,
	       sbuf_str(falls), falls->len, &p);
	/* Only the area itself is listed when --area matches nothing: at
	 * --by csp the input has partnerships, not LSOAs or forces. */
	if (!nc_area_wanted(o, p.area, strlen(p.area)) &&
	    !nc_area_also(o, p.code, strlen(p.code)) &&
	    !nc_area_also(o, p.parent, strlen(p.parent)) &&
	    !nc_area_also(o, p.pcode, strlen(p.pcode)) &&
	    !(lname->len > 0 && nc_area_also(o, lname->s, lname->len)) &&
	    !(lcode->len > 0 && nc_area_also(o, lcode->s, lcode->len)))
		return;
	nc_field(c, ctype, type);
	tax_at(file, line);
	if ((offence = tax_map(sbuf_str(type), type->len)) == NULL) {
		cs_warn_at(file, line, "unmapped offence \"%s\"",
		           sbuf_str(type));
		offence = "unmapped";
	}
	agg_add(agg_group_in(p.area, p.code, p.parent, p.pcode, offence,
	                     sbuf_str(type)),
	        month, 1, source, line);
	if (strcmp(offence, "anti_social_behaviour") != 0)
		agg_add(agg_group_in(p.area, p.code, p.parent, p.pcode,
		                     "total_crime", TOTAL_LABEL),
		        month, 1, source, line);
}

int
nc_policeuk(csvin *c, const struct nc_opts *o)
{
	const char *file = csvin_source(c);
	const char *source = o->source ? o->source : file;
	bool by_borough = o->by != NULL && strcmp(o->by, "borough") == 0;
	sbuf area = SBUF_INIT, code = SBUF_INIT, type = SBUF_INIT,
	     falls = SBUF_INIT;
	const char *const falls_names[] = { "Falls within", "Reported by",
		                            NULL };
	int cmonth, ccode, cname, ctype, cfalls;
	size_t width;

	operand++;
	if (!csvin_next(c))
		return 0;
	cmonth = need_col(c, "Month", file);
	ccode = need_col(c, "LSOA code", file);
	cname = need_col(c, "LSOA name", file);
	ctype = need_col(c, "Crime type", file);
	cfalls = csvin_col(c, falls_names);
	width = csvin_nfields(c);
	while (csvin_next(c)) {
		long line = csvin_lineno(c);
		const char *offence;
		size_t bn;
		int month;

		if (csvin_nfields(c) != width)
			cs_die_at(CS_EXIT_DATA, file, line,
			          "ragged row: %zu fields, header has %zu",
			          csvin_nfields(c), width);
		month = parse_month(csvin_get(c, (size_t)cmonth),
		                    csvin_len(c, (size_t)cmonth));
		if (month < 0 || !agg_month_ok(month))
			cs_die_at(CS_EXIT_DATA, file, line,
			          "Month is not YYYY-MM: \"%.40s\"",
			          csvin_get(c, (size_t)cmonth));
		agg_month_seen(month);
		if (cfalls >= 0) {
			nc_field(c, cfalls, &falls);
			if (!month_mine(sbuf_str(&falls), falls.len, month,
			                file, line))
				continue;
		}
		nc_field(c, cname, &area);
		nc_field(c, ccode, &code);
		if (o->level != -1) {
			national(c, o, &area, &code, &type, ctype, cfalls,
			         &falls, file, line, month, source);
			continue;
		}
		bn = lsoa_borough(area.s ? area.s : "", area.len);
		if (!nc_area_wanted(o, area.s ? area.s : "", area.len) &&
		    !nc_area_wanted(o, code.s ? code.s : "", code.len) &&
		    !nc_area_wanted(o, area.s ? area.s : "", bn))
			continue;
		if (by_borough) {
			const cs_borough *b =
			    borough_find(area.s ? area.s : "", bn);

			area.len = bn;
			if (area.s)
				area.s[bn] = '\0';
			sbuf_clear(&code);
			sbuf_adds(&code, b ? b->code : "");
		}
		nc_field(c, ctype, &type);
		tax_at(file, line);
		if ((offence = tax_map(sbuf_str(&type), type.len)) == NULL) {
			cs_warn_at(file, line, "unmapped offence \"%s\"",
			           sbuf_str(&type));
			offence = "unmapped";
		}
		agg_add(agg_group(sbuf_str(&area), sbuf_str(&code), offence,
		                  sbuf_str(&type)),
		        month, 1, source, line);
	}
	sbuf_free(&area);
	sbuf_free(&code);
	sbuf_free(&type);
	sbuf_free(&falls);
	return 0;
}
