/* emit.c - the indicator table writer (SPEC section 2), and the format
 * detection of a first line. */
#include <string.h>

#include "nc.h"
#include "text.h"
#include "tsv.h"

static const char *const columns[] = {
	"source", "line", "area", "area_code", "period", "period_start",
	"period_end", "base_period", "offence", "offence_label", "measure",
	"value", "unit",
};

void
nc_header(void)
{
	out_header(columns, sizeof columns / sizeof columns[0]);
}

/* An ISO date, or empty when the period does not know it (year 0). */
static void
out_date(cs_date d)
{
	char buf[16];

	if (d.y == 0) {
		out_empty();
		return;
	}
	date_iso(d, buf);
	out_field(buf);
}

void
nc_emit(const nc_row *r)
{
	out_field(r->source);
	out_long(r->line);
	out_field(r->area);
	out_field(r->area_code);
	if (r->period != NULL) {
		out_field(r->period->label);
		out_date(r->period->start);
		out_date(r->period->end);
	} else {
		out_empty();
		out_empty();
		out_empty();
	}
	out_field(r->base ? r->base->label : NULL);
	out_field(r->offence);
	out_field(r->offence_label);
	out_field(r->measure);
	out_field(r->value);
	out_field(r->unit);
	out_endrow();
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
	if (csv_field_is(line, n, 0, "Crime ID") && csv_field_is(line, n, 1, "Month"))
		return "police-uk";
	if (csv_field_is(line, n, 0, "MajorText") || (csv_field_is(line, n, 0, "Borough") && csv_field_is(line, n, 1, "Major Category")) ||
	    has_month_column(line, n))
		return "mps";
	return "text";
}
