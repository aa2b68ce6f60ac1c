#!/bin/sh
# minutes: the minutes in an agenda pack as tables, one per kind of record.
set -eu
OPTSPEC='j:jobs= 0:null'
usage() {
	cat <<'USAGE'
Usage: minutes.sh [-o DIR] PACK
  or:  minutes.sh [-j N] [-0] [-o ROOT] PACK|FOLDER|-...
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

Many packs (several, a FOLDER's *.txt and *.pdf, or - for names on stdin,
one a line) are read in one run of extract-minutes, the PDFs converted N
at a time; each pack's tables go to ROOT/<pack name>/ (default
out/minutes/), the same tables as a run on that pack alone.  Exit status 1
when any pack failed (the others are written).

  -o, --out DIR          output directory (with many packs: ROOT, where
                         their directories go)
  -j, --jobs N           with many packs: PDFs converted, and runs of the
                         tools, at a time (default: the CPUs)
  -0, --null             names on stdin end with NUL, not newline
  -q, --quiet            say nothing on success
  -h, --help             this help

Examples:
  pipelines/minutes.sh samples/minutes/agenda-pack.txt
  pipelines/minutes.sh -o out/board samples/minutes/policing-committee.txt
  pipelines/minutes.sh -j 2 -o out/packs samples/minutes/   # every pack, one pass
  find samples/minutes -name 'p*.txt' -print0 | pipelines/minutes.sh -0 -o out/found -
  cut -f3,7,10 out/minutes/agenda-pack/actions.tsv      # date, owner, action
A PDF is read as it is: pipelines/minutes.sh 'Agenda pack 21 March 2023.pdf'
USAGE
}
. "$(dirname "$0")/common.sh"
. "$PIPEDIR/many.sh"

# Many packs: extract-minutes once over all, then awk/many-minutes.awk.
MTABLES='attendance.tsv items.tsv resolutions.tsv decisions.tsv actions.tsv minutes.tsv'
many_run() {
	[ -s "$MWORK/ok" ] || return 0
	many_tool minutes extract-minutes
	many_split many-minutes ok $MERRS $MNAMES
}
many_or_one minutes "$@"

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
