#!/bin/sh
# minutes: the minutes in an agenda pack as tables, one per kind of record.
set -eu
OPTSPEC=''
usage() {
	cat <<'USAGE'
Usage: minutes.sh [-o DIR] PACK
Extract every set of minutes in an agenda pack (text, or PDF through
pdftotext -layout) with extract-minutes, and split the records by kind.
Writes DIR (default out/minutes/<pack name>), each table with the columns
  source line meeting_date body record item who role organisation text:
  minutes.tsv      every record
  attendance.tsv   present, in_attendance and apology
  items.tsv        agenda item headings
  resolutions.tsv  RESOLVED statements
  decisions.tsv    what the body noted, agreed, approved ...
  actions.tsv      action points with their owners
  warnings.txt     extract-minutes' warnings
The source column names PACK even when it was a PDF.

  -o, --out DIR          output directory
  -q, --quiet            say nothing on success
  -h, --help             this help

Examples:
  pipelines/minutes.sh samples/minutes/pack.txt
  pipelines/minutes.sh -o out/board-2023-03 'Agenda pack 21 March 2023.pdf'
  cut -f3,7,10 out/minutes/pack/actions.tsv      # date, owner, action
USAGE
}
. "$(dirname "$0")/common.sh"
one_input minutes "pack" "$@"
begin_output
as_text
step minutes.tsv extract-minutes --source "$INPUT" -- "$TEXT"
(cd "$WORK" && awk "$AWK_TSV"'
head {
	need("record")
	# record kind, table
	n = split("present attendance in_attendance attendance apology attendance " \
	          "item items resolution resolutions decision decisions action actions", a, " ")
	for (i = 1; i < n; i += 2) {
		table[a[i]] = a[i + 1] ".tsv"
		if (!headed[a[i + 1]]++)
			print > table[a[i]]
	}
	next
}
f("record") in table { print > table[f("record")] }' minutes.tsv)
publish attendance.tsv items.tsv resolutions.tsv decisions.tsv actions.tsv minutes.tsv
