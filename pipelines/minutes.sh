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
parse_opts "$@"
eval "set -- $ARGS"
[ $# -eq 1 ] || usage_error "one pack expected"
need_file "$1"
begin_output "${opt_out:-out/minutes/$(stem "$1")}"

text=$1
case $1 in
*.pdf | *.PDF)
	command -v pdftotext >/dev/null 2>&1 ||
		die "pdftotext not found: apt-get install poppler-utils"
	step pack.txt pdftotext -layout -enc UTF-8 -- "$1" -
	text=$WORK/pack.txt ;;
esac
step minutes.tsv extract-minutes --source "$1" -- "$text"
(cd "$WORK" && awk "$AWK_TSV"'
head {
	need("record")
	split("attendance items resolutions decisions actions", tables, " ")
	for (t in tables)
		print > (tables[t] ".tsv")
	next
}
{
	r = f("record")
	t = r == "present" || r == "in_attendance" || r == "apology" ? "attendance" :
	    r == "item" ? "items" : r == "resolution" ? "resolutions" :
	    r == "decision" ? "decisions" : r == "action" ? "actions" : ""
	if (t != "")
		print > (t ".tsv")
}' minutes.tsv)
publish attendance.tsv items.tsv resolutions.tsv decisions.tsv actions.tsv minutes.tsv
