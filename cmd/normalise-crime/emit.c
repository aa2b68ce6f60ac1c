/* emit.c - the indicator table writer (SPEC section 2), and the format
 * detection of a first line.
 *
 * Rows are assembled from pieces cleaned once and written with out_raw:
 * a borough file of 24 months repeats all but two fields 24 times, and
 * cleaning each field of each row was most of the tool's time. */
#include <string.h>

#include "nc.h"
#include "num.h"
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

/* The period's three fields, label, start and end, with the tabs
 * between them. */
static void
add_period(sbuf *b, const cs_period *p)
{
	if (p != NULL) {
		add_str(b, p->label);
		sbuf_addc(b, '\t');
		add_date(b, p->start);
		sbuf_addc(b, '\t');
		add_date(b, p->end);
	} else {
		sbuf_add(b, "\t\t", 2);
	}
}

void
nc_period_text(const cs_period *p, sbuf *out)
{
	sbuf_clear(out);
	add_period(out, p);
}

/* A row is head, period, mid, value, tail (nc.h): the fields before the
 * period, source to area_code (or parent_area_code), each with its tab. */
static void
add_head(sbuf *b, const nc_row *r)
{
	char line[32];
	size_t n;

	add_str(b, r->source);
	/* the line number by lib/num, not snprintf("\t%ld\t"): 682.9K of
	 * nc_emit's 2.58M instructions for 875 rows (slice-s3) */
	line[0] = '\t';
	n = 1 + num_format_long(line + 1, sizeof line - 2, r->line);
	line[n++] = '\t';
	sbuf_add(b, line, n);
	add_str(b, r->area);
	sbuf_addc(b, '\t');
	add_str(b, r->area_code);
	sbuf_addc(b, '\t');
	if (nc_parents) {
		add_str(b, r->parent_area);
		sbuf_addc(b, '\t');
		add_str(b, r->parent_area_code);
		sbuf_addc(b, '\t');
	}
}

/* Between the period and the value: base_period to measure, between
 * tabs. */
static void
add_mid(sbuf *b, const nc_row *r)
{
	sbuf_addc(b, '\t');
	add_str(b, r->base ? r->base->label : NULL);
	sbuf_addc(b, '\t');
	add_str(b, r->offence);
	sbuf_addc(b, '\t');
	add_str(b, r->offence_label);
	sbuf_addc(b, '\t');
	add_str(b, r->measure);
	sbuf_addc(b, '\t');
}

/* After the value: the unit and the end of the row. */
static void
add_tail(sbuf *b, const nc_row *r)
{
	sbuf_addc(b, '\t');
	add_str(b, r->unit);
	sbuf_addc(b, '\n');
}

void
nc_tmpl_set(nc_tmpl *t, const nc_row *r)
{
	sbuf_clear(&t->head);
	add_head(&t->head, r);
	sbuf_clear(&t->mid);
	add_mid(&t->mid, r);
	sbuf_clear(&t->tail);
	add_tail(&t->tail, r);
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

/* The same label and dates: the same three fields. */
static bool
same_period(const cs_period *a, const cs_period *b)
{
	return a->start.y == b->start.y && a->start.m == b->start.m &&
	       a->start.d == b->start.d && a->end.y == b->end.y &&
	       a->end.m == b->end.m && a->end.d == b->end.d &&
	       strcmp(a->label, b->label) == 0;
}

/* A row on its own (the text mode's, police.uk's held months): its
 * pieces in one buffer and one copy out, not five.  The period's fields
 * are kept from the row before when its period is the same (a sentence's
 * or a table's rows often share one): 361 of the 573 rows with a period
 * on slice-s3 write no date, nc_emit 1.82M to 1.68M instructions. */
void
nc_emit(const nc_row *r)
{
	static sbuf row, period;
	static cs_period last; /* the period that period holds */
	static bool have;

	sbuf_clear(&row);
	add_head(&row, r);
	if (r->period != NULL) {
		if (!have || !same_period(r->period, &last)) {
			nc_period_text(r->period, &period);
			last = *r->period;
			have = true;
		}
		sbuf_add(&row, period.s, period.len);
	} else {
		add_period(&row, NULL);
	}
	add_mid(&row, r);
	add_str(&row, r->value);
	add_tail(&row, r);
	out_raw(row.s, row.len);
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
