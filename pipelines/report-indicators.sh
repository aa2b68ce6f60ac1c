#!/bin/sh
# report-indicators: the figures in a report as an indicator table, checked
# and flagged red, amber or green.
set -eu
OPTSPEC='a:area= -:band='
usage() {
	cat <<'USAGE'
Usage: report-indicators.sh [-o DIR] [--area NAME] REPORT
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

  -a, --area NAME        the area the report is about (default: not named)
      --band P           a change within +-P percent counts as the same
  -o, --out DIR          output directory
  -q, --quiet            say nothing on success
  -h, --help             this help

Examples:
  pipelines/report-indicators.sh --area Barnet samples/reports/assessment.txt
  pipelines/report-indicators.sh -o out/sa2017 --band 2 'Strategic Assessment 2017.pdf'
  awk -F'\t' '$NF != "" && $(NF-1) == "red"' out/reports/*/rag.tsv
USAGE
}
. "$(dirname "$0")/common.sh"
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
