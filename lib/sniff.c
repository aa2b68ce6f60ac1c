/* sniff.c - input kinds from the first line, and the way out for each
 * (see sniff.h). */
#include <stdbool.h>
#include <string.h>

#include "err.h"
#include "mem.h"
#include "sniff.h"
#include "text.h"

/* What reads a PDF's text for each tool that reads text; the TSV tools
 * take normalise-crime's output. */
static const struct {
	const char *tool, *pipeline;
} text_tools[] = {
	{ "extract-minutes", "pipelines/minutes.sh" },
	{ "normalise-crime", "pipelines/report-indicators.sh" },
};

static void refuse_csv(const char *src, const char *line, size_t n,
                       sniff_kind k);

static const char *
pipeline_of(const char *tool)
{
	for (size_t i = 0; i < sizeof text_tools / sizeof text_tools[0]; i++)
		if (strcmp(tool, text_tools[i].tool) == 0)
			return text_tools[i].pipeline;
	return NULL;
}

/* The operand as the user would type it again: "-" (stdin) has no name. */
static const char *
shown(const char *src, const char *stdin_name)
{
	return strcmp(src, "-") == 0 ? stdin_name : src;
}

/* Field i of a comma-separated line, quotes and spaces around it off. */
static bool
field(const char *s, size_t n, size_t *pos, const char **f, size_t *flen)
{
	size_t k = *pos, start;

	if (k > n)
		return false;
	start = k;
	if (k < n && s[k] == '"') {
		start = ++k;
		while (k < n && s[k] != '"')
			k++;
		*flen = k - start;
		while (k < n && s[k] != ',')
			k++;
	} else {
		while (k < n && s[k] != ',')
			k++;
		*flen = k - start;
	}
	*f = s + start;
	*pos = k + 1;
	while (*flen > 0 && **f == ' ')
		(*f)++, (*flen)--;
	while (*flen > 0 && (*f)[*flen - 1] == ' ')
		(*flen)--;
	return true;
}

/* "WD23CD", "LSOA21NM", "LAD23NMW": an ONS geography column. */
static bool
ons_column(const char *f, size_t n, const char *prefix)
{
	size_t k = 0, p = prefix ? strlen(prefix) : 0;

	if (prefix != NULL && (n < p || memcmp(f, prefix, p) != 0))
		return false;
	k = p;
	if (prefix == NULL)
		while (k < n && f[k] >= 'A' && f[k] <= 'Z')
			k++;
	if (k < 2 || k + 4 > n || !(f[k] >= '0' && f[k] <= '9') ||
	    !(f[k + 1] >= '0' && f[k + 1] <= '9'))
		return false;
	k += 2;
	return (n - k == 2 &&
	        (memcmp(f + k, "CD", 2) == 0 || memcmp(f + k, "NM", 2) == 0)) ||
	       (n - k == 3 && memcmp(f + k, "NMW", 3) == 0);
}

static bool
spaced_commas(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] == ',' && (i + 1 == n || s[i + 1] != ' '))
			return false;
	return true;
}

sniff_kind
sniff_line(const char *s, size_t n)
{
	size_t pos = 0, nf = 0, nwordy = 0, ncode = 0, nonsens = 0;
	bool ward = false, long_field = false;
	const char *f;
	size_t fl;

	if (n >= 5 && memcmp(s, "%PDF-", 5) == 0)
		return SNIFF_PDF;
	if (n >= 4 && memcmp(s, "PK\3\4", 4) == 0)
		return SNIFF_ZIP;
	if (memchr(s, '\t', n) != NULL || memchr(s, ',', n) == NULL)
		return SNIFF_TEXT;
	while (field(s, n, &pos, &f, &fl)) {
		size_t words = fl > 0;

		nf++;
		for (size_t i = 0; i < fl; i++)
			if (f[i] == ' ' && i + 1 < fl && f[i + 1] != ' ')
				words++;
		if (words > 1)
			nwordy++;
		if (words > 5 || fl > 40 || (fl > 0 && f[fl - 1] == '.'))
			long_field = true;
		if (ons_column(f, fl, NULL)) {
			ncode++;
			ward |= ons_column(f, fl, "WD");
		} else if (fl > 0 && !text_ieq(f, fl, "FID") &&
		           !text_ieq(f, fl, "ObjectId"))
			nonsens++;
	}
	if (n >= 9 && memcmp(s, "Crime ID,", 9) == 0 &&
	    strstr(s, "Month") != NULL)
		return SNIFF_POLICEUK;
	if (strstr(s, "MajorText") != NULL ||
	    strstr(s, "Major Category") != NULL)
		return SNIFF_MPS;
	/* An ONS lookup is nothing but code and name columns (and a row
	 * number: FID, ObjectId); " WardName" in Dec 2023's is let through. */
	if (ncode >= 2 && nonsens <= 1)
		return ward ? SNIFF_ONS_WARD : SNIFF_ONS_LOOKUP;
	/* Prose puts a space after every comma ("Crime, Disorder, Anti-Social
	 * Behaviour"); a header does not ("Code,Name,Year"). */
	if (long_field || spaced_commas(s, n))
		return SNIFF_TEXT;
	if (nf >= 3 || (nf == 2 && nwordy == 0))
		return SNIFF_CSV;
	return SNIFF_TEXT;
}

/* The first fields of a header, for a message: "Code,Name,Year,...". */
static void
first_fields(const char *s, size_t n, sbuf *out)
{
	size_t pos = 0, k = 0;
	const char *f;
	size_t fl;

	while (field(s, n, &pos, &f, &fl)) {
		if (k == 4) {
			sbuf_adds(out, ",...");
			break;
		}
		if (k++ > 0)
			sbuf_addc(out, ',');
		sbuf_add(out, f, fl > 30 ? 30 : fl);
	}
}

void
sniff_binary(const char *src, const char *line, size_t n)
{
	const char *tool = cs_prog(), *pipe = pipeline_of(tool);
	sniff_kind k = n >= 5 && memcmp(line, "%PDF-", 5) == 0    ? SNIFF_PDF
	               : n >= 4 && memcmp(line, "PK\3\4", 4) == 0 ? SNIFF_ZIP
	                                                          : SNIFF_TEXT;
	const char *f = shown(src, "FILE.pdf");

	if (k == SNIFF_PDF && pipe != NULL)
		cs_die_at(CS_EXIT_DATA, src, 0,
		          "this is a PDF: run pdftotext -layout "
		          "%s - | %s, or %s %s",
		          f, tool, pipe, f);
	if (k == SNIFF_PDF)
		cs_die_at(CS_EXIT_DATA, src, 0,
		          "this is a PDF, not TSV: run "
		          "pdftotext -layout %s - | normalise-crime | %s",
		          f, tool);
	if (k == SNIFF_ZIP)
		cs_die_at(
		    CS_EXIT_DATA, src, 0,
		    "this is a zip archive (an .xlsx or "
		    ".docx is one), not %s: save it as %s, or unzip it, first",
		    pipe != NULL ? "text" : "TSV",
		    strcmp(tool, "normalise-crime") == 0 ? "CSV"
		    : pipe != NULL                       ? "text"
		                                         : "TSV");
	/* Minutes are prose: a crime file or a lookup given to the minutes
	 * reader would only be "no minutes found".  Any other CSV header is
	 * let through: a pack may open on a line with commas. */
	if (strcmp(tool, "extract-minutes") == 0) {
		k = sniff_line(line, n);
		if (k == SNIFF_MPS || k == SNIFF_POLICEUK ||
		    k == SNIFF_ONS_WARD || k == SNIFF_ONS_LOOKUP)
			refuse_csv(src, line, n, k);
	}
}

/* The way out for a CSV given to a tool that cannot read it. */
static void
refuse_csv(const char *src, const char *line, size_t n, sniff_kind k)
{
	const char *tool = cs_prog(), *f = shown(src, "FILE.csv");
	sbuf head = SBUF_INIT;

	if (k == SNIFF_ONS_WARD)
		cs_die_at(CS_EXIT_DATA, src, 0,
		          "this is an ONS ward lookup, not "
		          "data: give it to join-wards -r %s",
		          f);
	first_fields(line, n, &head);
	if (k == SNIFF_ONS_LOOKUP)
		cs_die_at(CS_EXIT_DATA, src, 0,
		          "this is an ONS lookup (%s), not "
		          "data: join-wards -r reads a ward lookup",
		          head.s);
	if ((k == SNIFF_MPS || k == SNIFF_POLICEUK) &&
	    pipeline_of(tool) != NULL)
		cs_die_at(CS_EXIT_DATA, src, 0,
		          "this is a %s crime CSV, not "
		          "minutes: run normalise-crime %s",
		          k == SNIFF_MPS ? "Metropolitan Police"
		                         : "data.police.uk",
		          f);
	if (k == SNIFF_MPS || k == SNIFF_POLICEUK)
		cs_die_at(CS_EXIT_DATA, src, 0,
		          "this is a %s crime CSV, not TSV: "
		          "run normalise-crime %s | %s",
		          k == SNIFF_MPS ? "Metropolitan "
		                           "Police"
		                         : "data.police.uk",
		          f, tool);
	if (strcmp(tool, "normalise-crime") == 0)
		cs_die_at(
		    CS_EXIT_DATA, src, 0,
		    "a CSV that is not a known crime "
		    "file (header %s): normalise-crime reads MPS borough and "
		    "ward files and data.police.uk street files; --format text "
		    "reads it as report text",
		    head.s);
	cs_die_at(CS_EXIT_DATA, src, 0,
	          "this is CSV (header %s), %s reads TSV: "
	          "convert it, e.g. csvformat -T %s | %s",
	          head.s, tool, f, tool);
}

void
sniff_tsv_header(const char *src, const char *line, size_t n)
{
	sniff_kind k;

	if (memchr(line, '\t', n) != NULL || memchr(line, ',', n) == NULL)
		return;
	k = sniff_line(line, n);
	/* A TSV tool reads any header with commas and no tab as CSV: a
	 * one-column TSV named "a,b" is not worth the confusion. */
	refuse_csv(src, line, n, k == SNIFF_TEXT ? SNIFF_CSV : k);
}

void
sniff_crime_csv(const char *src, const char *line, size_t n)
{
	sniff_kind k = sniff_line(line, n);

	if (k == SNIFF_CSV || k == SNIFF_ONS_WARD || k == SNIFF_ONS_LOOKUP)
		refuse_csv(src, line, n, k);
}
