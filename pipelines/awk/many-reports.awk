# many-reports.awk - pipelines/report-indicators.sh over many reports: the
# rows and messages of normalise-crime and rag-flag about in/K/BASE split into
# report K's tables, as a run of report-indicators.sh on that report alone
# writes them (see many.sh).
#
#   awk -v prog=report-indicators -f many-warnings.awk -f many-reports.awk \
#       ok sorted.tsv indicators.1.err ... rag.err indicators.1 ... rag
#
# ok: K TAB txt|pdf TAB NAME, the reports in the order the tools read them;
# sorted.tsv: what rag-flag read (the rows by report, area, offence), for
# the line numbers of rag-flag's messages; indicators.N, rag: the tools'
# rows, run after run (each run's rows start with a header).  Writes
# o/K/TABLE for each report and the line "K TAB what was written" of each
# to summary.
BEGIN {
	FS = OFS = "\t"
	ntab = split("indicators.check.txt rag.tsv indicators.tsv", tabs, " ")
}
FILENAME == "ok" {
	pack[++npack] = $1; type[$1] = $2; name[$1] = $3
	# normalise-crime's messages name the file it read: a PDF's text
	# is text.txt in a single run's work directory
	mname[$1] = $2 == "pdf" ? "text.txt" : $3
	# the tools read the report as in/K/BASE (many.pl prep)
	b = $3; sub(/.*\//, "", b); read_as[$1] = "in/" $1 "/" b
	next
}
# the first line of each report's rows in sorted.tsv
FILENAME == "sorted.tsv" {
	if (FNR > 1 && !((k = substr($1, 4) + 0) in first))
		first[k] = FNR
	next
}
FILENAME ~ /^indicators\.[0-9]+\.err$/ { message(1, $0); next }
FILENAME == "rag.err" { message(2, $0); next }
FNR == 1 || $1 == "source" {
	if (FILENAME == "rag" && !(2 in header)) {
		# the indicators are done: each report K's indicators.tsv closed
		upto(1, -1)
	}
	s = FILENAME == "rag" ? 2 : 1
	if (!(s in header))
		header[s] = $0
	next
}
{
	s = FILENAME == "rag" ? 2 : 1
	k = substr($1, 4) + 0
	if (k != cur[s])
		upto(s, k)
	print name[k] substr($0, length($1) + 1) > ("o/" k "/" (s == 1 ? "indicators.tsv" : "rag.tsv"))
	rows[s, k]++
}
END {
	if (!(2 in header))
		upto(1, -1)
	upto(2, -1)
	close("summary")
}

# message S LINE: a message of normalise-crime (S 1) or rag-flag (S 2)
# about in/K/BASE, or for rag-flag sorted.tsv:LINE: report K's, renamed and
# renumbered as a single run has it.  The count a run ends with is left
# out (a single run's indicators.check.txt has its own: written at the end).
function message(s, l,   k, p, n, i) {
	if (l ~ /^[a-z-]+: [0-9]+ warnings?$/)
		return
	k = 0
	if (match(l, /^[a-z-]+: in\/[0-9]+\//)) {
		p = index(l, ": in/")
		k = substr(l, p + 5) + 0
		if (substr(l, p + 2, length(read_as[k]) + 1) != read_as[k] ":")
			k = 0
	}
	if (k > 0) {
		l = substr(l, 1, p + 1) (s == 1 ? mname[k] : name[k]) \
		    substr(l, p + 2 + length(read_as[k]))
	} else if (s == 2 && match(l, /^[a-z-]+: sorted\.tsv:[0-9]+:/)) {
		p = index(l, ": sorted.tsv:")
		n = substr(l, p + 13, RLENGTH - p - 13) + 0
		# the report whose rows hold line n
		k = 0
		for (i = 1; i <= npack; i++)
			if ((pack[i] in first) && first[pack[i]] <= n)
				k = pack[i]
		if (k == 0) {
			print l > "/dev/stderr"
			return
		}
		l = substr(l, 1, p + 12) (n - first[k] + 2) substr(l, RLENGTH)
	} else {
		print l > "/dev/stderr"
		return
	}
	warn[s, k] = warn[s, k] l "\n"
	nwarn[s, k]++
}

# upto S K: stream S's table of every report before K written (a report
# with no rows has the header), K's opened; -1 ends the last.
function upto(s, k,   t) {
	t = s == 1 ? "indicators.tsv" : "rag.tsv"
	if (cur[s]) {
		close("o/" cur[s] "/" t)
		if (s == 2)
			finish(cur[s])
	}
	while (nexti[s] < npack && (k < 0 || pack[nexti[s] + 1] != k)) {
		nexti[s]++
		print header[s] > ("o/" pack[nexti[s]] "/" t)
		close("o/" pack[nexti[s]] "/" t)
		if (s == 2)
			finish(pack[nexti[s]])
	}
	if (k >= 0) {
		nexti[s]++
		print header[s] > ("o/" k "/" t)
	}
	cur[s] = k < 0 ? 0 : k
}

# finish K: indicators.check.txt (normalise-crime's messages and their
# count), warnings.txt (pdftotext's, normalise-crime's, rag-flag's, each
# once), the summary line.
function finish(k,   f, nw, said) {
	f = "o/" k "/indicators.check.txt"
	printf "%s", warn[1, k] > f
	if (nwarn[1, k] > 0)
		printf "normalise-crime: %d warning%s\n", nwarn[1, k], nwarn[1, k] == 1 ? "" : "s" > f
	close(f)
	nw = pack_warnings(k, warn[1, k] warn[2, k])
	said = "indicators.check.txt, rag.tsv (" rows[2, k] + 0 " rows), indicators.tsv (" rows[1, k] + 0 " rows)"
	if (nw == 1)
		said = said ", 1 warning"
	else if (nw > 1)
		said = said ", " nw " warnings"
	print k, said > "summary"
}
