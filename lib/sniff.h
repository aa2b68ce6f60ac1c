/* sniff.h - what an input is, from its first bytes, and which command
 * would read it when this tool cannot (SPEC section 1, "Wrong input is
 * named, with a way out").
 *
 * A PDF, a zip (an .xlsx is one), a CSV given to a TSV tool, a CSV that
 * is no crime file, an ONS lookup given as data: each is a data error
 * (exit 1), one line, naming the command that reads it.  gzip is not
 * refused: lines.c inflates it. */
#ifndef CS_SNIFF_H
#define CS_SNIFF_H

#include <stddef.h>

typedef enum {
	SNIFF_TEXT,       /* anything else: text, TSV, a report */
	SNIFF_PDF,        /* %PDF- */
	SNIFF_ZIP,        /* PK\3\4: zip, .xlsx, .docx */
	SNIFF_CSV,        /* a comma-separated header of no known kind */
	SNIFF_MPS,        /* an MPS borough or ward crime CSV */
	SNIFF_POLICEUK,   /* a data.police.uk street CSV */
	SNIFF_ONS_WARD,   /* an ONS lookup with a ward code (WD23CD) */
	SNIFF_ONS_LOOKUP, /* another ONS lookup (LSOA21CD, LAD17CD ...) */
} sniff_kind;

/* The kind of an input from its first line (BOM and CR already gone).
 * A CSV header is two or more one-word fields ("ward,population") or
 * three or more short fields ("Borough,Ward Code,WardName"), no tab. */
sniff_kind sniff_line(const char *line, size_t n);

/* Every operand's first line, from lines.c: a PDF or zip is refused
 * whatever the tool, naming pdftotext or a spreadsheet's save-as. */
void sniff_binary(const char *src, const char *line, size_t n);

/* A TSV tool's header line: a CSV (a header with commas and no tab) is
 * refused, naming what would make TSV of it. */
void sniff_tsv_header(const char *src, const char *line, size_t n);

/* normalise-crime, on a first line it would read as report text: a CSV
 * that is no known crime file is refused, naming its first fields. */
void sniff_crime_csv(const char *src, const char *line, size_t n);

#endif
