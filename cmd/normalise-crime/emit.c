/* emit.c - the indicator table writer (SPEC section 2), and the format
 * detection of a first line.
 *
 * Rows are assembled from pieces cleaned once and written with out_raw:
 * a borough file of 24 months repeats all but two fields 24 times, and
 * cleaning each field of each row was most of the tool's time. */
#include <stdio.h>
#include <string.h>

#include "nc.h"
#include "text.h"
#include "tsv.h"

static const char *const columns[] = {
	"source",  "line",          "area",       "area_code",
	"period",  "period_start",  "period_end", "base_period",
	"offence", "offence_label", "measure",    "value",
	"unit",
};

static const char *const columns_parents[] = {
	"source",      "line",         "area",
	"area_code",   "parent_area",  "parent_area_code",
	"period",      "period_start", "period_end",
	"base_period", "offence",      "offence_label",
	"measure",     "value",        "unit",
};

bool nc_parents;

void
nc_header(void)
{
	if (nc_parents)
		out_header(columns_parents,
		           sizeof columns_parents / sizeof columns_parents[0]);
	else
		out_header(columns, sizeof columns / sizeof columns[0]);
}

/* Append s[0..n) as one TSV field: a tab, CR, LF or NUL becomes a space
 * (SPEC section 1), as out_field does, and invalid UTF-8 U+FFFD (a file
 * name or --source in Latin-1 must not make the table non-UTF-8). */
static void
add_field(sbuf *b, const char *s, size_t n)
{
	size_t from = b->len;

	if (s != NULL)
		utf8_fix(s, n, b);
	for (size_t i = from; i < b->len; i++)
		if (b->s[i] == '\t' || b->s[i] == '\r' || b->s[i] == '\n' ||
		    b->s[i] == '\0')
			b->s[i] = ' ';
}

/* A field of printable ASCII, nearly every one ("count", "Burglary"), is
 * itself cleaned: copied after one pass, not fixed and then scanned again
 * (with line_text: 650.0M to 648.5M instructions per MB of report text,
 * 885 rows). */
static void
add_str(sbuf *b, const char *s)
{
	size_t i = 0;

	if (s == NULL)
		return;
	while ((unsigned char)s[i] - 0x20u < 0x5fu)
		i++;
	if (s[i] == '\0')
		sbuf_add(b, s, i);
	else
		add_field(b, s, i + strlen(s + i));
}

/* An ISO date, or nothing when the period does not know it (year 0). */
static void
add_date(sbuf *b, cs_date d)
{
	char buf[16];

	if (d.y != 0) {
		date_iso(d, buf);
		sbuf_adds(b, buf);
	}
}

void
nc_period_text(const cs_period *p, sbuf *out)
{
	sbuf_clear(out);
	if (p != NULL) {
		add_str(out, p->label);
		sbuf_addc(out, '\t');
		add_date(out, p->start);
		sbuf_addc(out, '\t');
		add_date(out, p->end);
	} else {
		sbuf_adds(out, "\t\t");
	}
}

void
nc_tmpl_set(nc_tmpl *t, const nc_row *r)
{
	char line[32];

	sbuf_clear(&t->head);
	add_str(&t->head, r->source);
	snprintf(line, sizeof line, "\t%ld\t", r->line);
	sbuf_adds(&t->head, line);
	add_str(&t->head, r->area);
	sbuf_addc(&t->head, '\t');
	add_str(&t->head, r->area_code);
	sbuf_addc(&t->head, '\t');
	if (nc_parents) {
		add_str(&t->head, r->parent_area);
		sbuf_addc(&t->head, '\t');
		add_str(&t->head, r->parent_area_code);
		sbuf_addc(&t->head, '\t');
	}

	sbuf_clear(&t->mid);
	sbuf_addc(&t->mid, '\t');
	add_str(&t->mid, r->base ? r->base->label : NULL);
	sbuf_addc(&t->mid, '\t');
	add_str(&t->mid, r->offence);
	sbuf_addc(&t->mid, '\t');
	add_str(&t->mid, r->offence_label);
	sbuf_addc(&t->mid, '\t');
	add_str(&t->mid, r->measure);
	sbuf_addc(&t->mid, '\t');

	sbuf_clear(&t->tail);
	sbuf_addc(&t->tail, '\t');
	add_str(&t->tail, r->unit);
	sbuf_addc(&t->tail, '\n');
}

void
nc_tmpl_emit(const nc_tmpl *t, const sbuf *period, const char *value, size_t n)
{
	out_raw(t->head.s, t->head.len);
	out_raw(period->s, period->len);
	out_raw(t->mid.s, t->mid.len);
	out_raw(value, n);
	out_raw(t->tail.s, t->tail.len);
}

void
nc_tmpl_free(nc_tmpl *t)
{
	sbuf_free(&t->head);
	sbuf_free(&t->mid);
	sbuf_free(&t->tail);
}

void
nc_emit(const nc_row *r)
{
	static nc_tmpl t;
	static sbuf period, value;

	nc_tmpl_set(&t, r);
	nc_period_text(r->period, &period);
	sbuf_clear(&value);
	add_str(&value, r->value);
	nc_tmpl_emit(&t, &period, sbuf_str(&value), value.len);
}

/* True when field i (comma-separated, unquoted) of the line equals lit. */
static bool
csv_field_is(const char *s, size_t n, int i, const char *lit)
{
	size_t k = 0, start;

	for (; i > 0; i--) {
		const char *c = memchr(s + k, ',', n - k);

		if (c == NULL)
			return false;
		k = (size_t)(c - s) + 1;
	}
	start = k;
	while (k < n && s[k] != ',')
		k++;
	return text_ieq(s + start, k - start, lit);
}

/* A header with a YYYYMM column: some crime data file, even one whose
 * other columns we do not know (then the mps reader names what it
 * expected, rather than text mode reading a CSV as prose). */
static bool
has_month_column(const char *s, size_t n)
{
	for (size_t i = 0; i + 7 <= n; i++) {
		if (s[i] != ',')
			continue;
		size_t k = i + 1;

		while (k < n && k < i + 7 && s[k] >= '0' && s[k] <= '9')
			k++;
		if (k == i + 7 && (k == n || s[k] == ',' || s[k] == '\r'))
			return true;
	}
	return false;
}

const char *
nc_detect(const char *line, size_t n)
{
	if (csv_field_is(line, n, 0, "Crime ID") &&
	    csv_field_is(line, n, 1, "Month"))
		return "police-uk";
	if (csv_field_is(line, n, 0, "MajorText") ||
	    (csv_field_is(line, n, 0, "Borough") &&
	     csv_field_is(line, n, 1, "Major Category")) ||
	    has_month_column(line, n))
		return "mps";
	return "text";
}
