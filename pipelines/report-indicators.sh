#!/bin/sh
# report-indicators: the figures in a report as an indicator table, checked
# and flagged red, amber or green.
set -eu
OPTSPEC='a:area= -:band= j:jobs= 0:null'
usage() {
	cat <<'USAGE'
Usage: report-indicators.sh [-o DIR] [--area NAME] REPORT
  or:  report-indicators.sh [-j N] [-0] [-o ROOT] [--area NAME] REPORT|FOLDER|-...
Read the statistics tables and statistic sentences of a strategic
assessment or performance report (text, or PDF through pdftotext -layout)
with normalise-crime --check, then flag each offence with rag-flag.
Writes DIR (default out/reports/<report name>):
  indicators.tsv        the indicator table (SPEC section 2)
  indicators.check.txt  normalise-crime's warnings, among them every stated
                        change that does not agree with its own figures
  rag.tsv               indicators.tsv with direction rag rag_reason
  warnings.txt          every tool's warnings
The source column names REPORT even when it was a PDF.

Many reports (several, a FOLDER's *.txt and *.pdf, or - for names on
stdin, one a line) are read in one run of each tool, the PDFs converted N
at a time; each report's tables go to ROOT/<report name>/ (default
out/reports/), the same tables as a run on that report alone.  Exit
status 1 when any report failed (the others are written).

  -a, --area NAME        the area the report is about (default: not named)
      --band P           a change within +-P percent counts as the same
  -o, --out DIR          output directory (with many reports: ROOT, where
                         their directories go)
  -j, --jobs N           with many packs: PDFs converted, and runs of the
                         tools, at a time (default: the CPUs)
  -0, --null             names on stdin end with NUL, not newline
  -q, --quiet            say nothing on success
  -h, --help             this help

Examples:
  pipelines/report-indicators.sh --area Barnet samples/reports/strategic-assessment.txt
  pipelines/report-indicators.sh -o out/sa --band 2 samples/reports/quarterly-update-table.txt
  awk -F'\t' '$NF != "" && $(NF-1) == "red"' out/reports/*/rag.tsv
  pipelines/report-indicators.sh -o out/reports samples/reports/   # every report
A PDF is read as it is: pipelines/report-indicators.sh 'Strategic Assessment 2017.pdf'
USAGE
}
. "$(dirname "$0")/common.sh"
. "$PIPEDIR/many.sh"

# Many reports: normalise-crime once over all; their rows sorted by report,
# area and offence (sort_by's order within each); rag-flag once, a group
# being a report's area and offence; then awk/many-reports.awk.
MTABLES='indicators.check.txt rag.tsv indicators.tsv'
many_run() {
	# (for the reports run on their own: many_publish)
	MPOPTS="${opt_area:+--area $(shquote "$opt_area")} ${opt_band:+--band $(shquote "$opt_band")}"
	[ -s "$MWORK/ok" ] || return 0
	many_tool indicators normalise-crime --format text --check \
		${opt_area:+--area "$opt_area"}
	(cd "$MWORK" && awk "$AWK_TSV"'
	head { if (file == 1) { need("area offence"); print > "sorted.tsv" } next }
	$1 == "source" { next }
	{ print substr($1, 4), f("area"), f("offence"), NR, $0 }' $MNAMES >keyed) ||
		die "cannot sort the indicators"
	sort -t "$(printf '\t')" -k1,1n -k2,3 -k4,4n "$MWORK/keyed" | cut -f 5- >>"$MWORK/sorted.tsv"
	many_once rag rag-flag --group-by source,area,offence ${opt_band:+--band "$opt_band"} sorted.tsv
	many_split many-reports ok sorted.tsv $MERRS rag.err $MNAMES rag
}
many_or_one reports "$@"

one_input reports "report" "$@"
begin_output
as_text
step indicators.tsv normalise-crime --format text --check --source "$INPUT" \
	${opt_area:+--area "$opt_area"} -- "$TEXT"
cp "$WORK/.stderr" "$WORK/indicators.check.txt"
# rag-flag takes each area and offence's rows together.
cp "$WORK/indicators.tsv" "$WORK/sorted.tsv"
sort_by sorted.tsv area offence
step rag.tsv rag-flag ${opt_band:+--band "$opt_band"} "$WORK/sorted.tsv"
publish indicators.check.txt rag.tsv indicators.tsv
