# many-minutes.awk - pipelines/minutes.sh over many packs: extract-minutes'
# rows and messages about in/K/BASE split into pack K's tables, as a run of
# minutes.sh on that pack alone writes them (see many.sh).
#
#   awk -v prog=minutes -f many-warnings.awk -f many-minutes.awk ok minutes.1.err ... minutes.1 ...
#
# ok: K TAB txt|pdf TAB NAME, the packs in the order the tool read them;
# *.err: the tool's messages; then its rows, run after run (each run's
# rows start with a header).  Writes o/K/TABLE for each pack and the
# line "K TAB what was written" of each to summary.
BEGIN {
	FS = OFS = "\t"
	# record kind, table (minutes.sh's split)
	n = split("present attendance in_attendance attendance apology attendance " \
	          "item items resolution resolutions decision decisions action actions", a, " ")
	for (i = 1; i < n; i += 2)
		table[a[i]] = a[i + 1] ".tsv"
	# the order minutes.sh's publish names them
	ntab = split("attendance.tsv items.tsv resolutions.tsv decisions.tsv actions.tsv minutes.tsv", tabs, " ")
}
FILENAME == "ok" {
	pack[++npack] = $1; type[$1] = $2; name[$1] = $3
	# the tools read the pack as in/K/BASE (many.pl prep)
	b = $3; sub(/.*\//, "", b); read_as[$1] = "in/" $1 "/" b
	next
}
FILENAME ~ /\.err$/ { message($0); next }
# the rows
$1 == "source" { if (header == "") header = $0; next }
{
	k = substr($1, 4) + 0
	if (k != cur)
		upto(k)
	line = name[k] substr($0, length($1) + 1)
	print line > (out["minutes.tsv"])
	rows["minutes.tsv"]++
	if ($5 in table) {
		t = table[$5]
		print line > (out[t])
		rows[t]++
	}
}
END {
	upto(-1)
	close("summary")
}

# message LINE: a tool's message about in/K/BASE: pack K's, with the
# pack's name for in/K/BASE; the count a run ends with is left out
# (publish does).  Anything else is said here.
function message(s,   k, p) {
	if (s ~ /^[a-z-]+: [0-9]+ warnings?$/)
		return
	if (match(s, /^[a-z-]+: in\/[0-9]+\//)) {
		p = index(s, ": in/")
		k = substr(s, p + 5) + 0
		if (substr(s, p + 2, length(read_as[k]) + 1) == read_as[k] ":") {
			warn[k] = warn[k] substr(s, 1, p + 1) name[k] \
			    substr(s, p + 2 + length(read_as[k])) "\n"
			return
		}
	}
	print s > "/dev/stderr"
}

# upto K: close the pack being written and every pack before K (a pack
# with no rows has its headers), then open K's tables; -1 ends the last.
function upto(k) {
	if (cur)
		finish(cur)
	while (next_i < npack && (k < 0 || pack[next_i + 1] != k)) {
		begin(pack[++next_i])
		finish(pack[next_i])
	}
	if (k >= 0) {
		next_i++
		begin(k)
	}
	cur = k < 0 ? 0 : k
}
function begin(k,   i) {
	for (i = 1; i <= ntab; i++) {
		out[tabs[i]] = "o/" k "/" tabs[i]
		rows[tabs[i]] = 0
		print header > (out[tabs[i]])
	}
}
# finish K: its warnings (pdftotext's, then the tool's), each once; its
# tables closed; the summary line.
function finish(k,   i, said, nw) {
	nw = pack_warnings(k, warn[k])
	delete warn[k]
	said = ""
	for (i = 1; i <= ntab; i++) {
		close(out[tabs[i]])
		said = said ", " tabs[i] " (" rows[tabs[i]] " rows)"
	}
	if (nw == 1)
		said = said ", 1 warning"
	else if (nw > 1)
		said = said ", " nw " warnings"
	print k, substr(said, 3) > "summary"
}
