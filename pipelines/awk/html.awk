# html.awk - the dashboard as one self-contained page a board can read on a
# screen, a phone or A4: no script, no external file.  A header with the
# periods in words, the data's source, the population estimate, the date
# built and the peer group; a table of the indicators (counts, changes
# with arrows and words, rate, ranks "of N", the flag as a word and a
# colour, the reason as a sentence, the area against every ranked area:
# London's boroughs or a force's partnerships; from police.uk files also
# the rank among all the partnerships in them); then the monthly trends
# as small multiples on one scale.  What the ranks are among: PAGE_* in
# words.awk.
# Files: dashboard.tsv, rag rows (rag-flag without --summary: offence
# period direction), compare.tsv, trend.tsv, then the peer group file
# when there is one.  ENVIRON: CHARTDIR (svgchart.awk's r<N>.svg and
# t<N>.svg, N the row), BUILT (the date built, in words), POPEST (the
# population estimate's name).  Needs AWK_TSV and words.awk in front.

head {
	if (file == 1) need("source area area_code offence indicator quarter quarter_count quarter_base_count quarter_pct_change rolling12 rolling12_count rolling12_base_count rolling12_pct_change population rate_per_1000 " RANKCOL "_rank " RANKCOL "_of group_rank group_of rag rag_reason")
	if (file == 1) allrank = "files_rank" in col
	if (file == 2) need("offence period base_period direction")
	if (file == 3) need("offence area group_rank")
	if (file == 4) need("period")
	if (file == 5) need("area")
	next
}
file == 1 {
	n++
	for (c in col)
		cell[n, c] = f(c)
	next
}
file == 2 {
	w = f("period"); sub(/ .*/, "", w)
	dir[f("offence"), w] = f("direction")
	base[w] = f("base_period")
	next
}
file == 3 {
	if (f("group_rank") != "") ingroup[f("area")] = 1
	next
}
file == 4 {
	if (firstmonth == "") firstmonth = f("period")
	lastmonth = f("period")
	next
}
file == 5 { member[++nmembers] = f("area") }

END {
	area = esc(cell[1, "area"])
	rankhead = RANKCOL == "london" ? "London rank" : esc(toupper(substr(RANKCOL, 1, 1)) substr(RANKCOL, 2)) " rank"
	# The rank among all the partnerships in the files: "Gwent, North
	# Wales rank", the set in words for the lede.
	allhead = esc(FILES) " rank"
	among = esc(PEERS)
	if (allrank)
		among = among " and among the " cell[1, "files_of"] " partnerships of " \
		        (FILES != "" ? esc(and_list(FILES)) : "no force") \
		        ", all the partnerships of the forces whose files were read"
	page_head()
	print "<header>"
	print "<h1>" area " community safety dashboard</h1>"
	printf "<p class=\"lede\">Recorded crime in <b>%s</b> and in the <b>%s</b>, each compared with the same months a year earlier, and %s&#8217;s rate per 1000 residents ranked among %s (rank 1 = the lowest rate).</p>\n", \
	       esc(period_words(cell[1, "quarter"])), esc(period_words(cell[1, "rolling12"])), area, among
	print "<dl class=\"meta\">"
	meta("Area", area (cell[1, "area_code"] != "" ? " (" esc(cell[1, "area_code"]) ")" : ""))
	meta("Recent quarter", esc(period_words(cell[1, "quarter"])) " against " esc(period_words(base["3m"])))
	meta("Rolling 12 months", esc(period_words(cell[1, "rolling12"])) " against the " esc(period_words(base["12m"])))
	meta("Data", esc(SRC) ", " files_words() ": " esc(monthname(firstmonth)) " to " esc(monthname(lastmonth)) \
	     ", published with " esc(monthname(lastmonth)) " as its latest month")
	meta("Population", esc(estimate(ENVIRON["POPEST"])) ": " area " " esc(thousands(cell[1, "population"])) " residents")
	meta("Peer group", group_words())
	meta("Built", esc(ENVIRON["BUILT"]))
	print "</dl>"
	print "<p class=\"key\">RAG: <span class=\"rag red\">Red</span> worse on both the quarter and the 12 months; <span class=\"rag amber\">Amber</span> worse on one; <span class=\"rag green\">Green</span> worse on neither. Worse means more offences than a year earlier.</p>"
	print "</header>"
	print "<main>"
	print "<table id=\"dashboard\">"
	printf "<caption>%s: the indicators</caption>\n", area
	printf "<thead><tr><th scope=\"col\">Indicator</th><th scope=\"col\">%s</th><th scope=\"col\">Change on a year earlier</th><th scope=\"col\">%s</th><th scope=\"col\">Change on a year earlier</th><th scope=\"col\">Per 1000 residents (12 months)</th><th scope=\"col\">%s</th>%s<th scope=\"col\">Peer group rank</th><th scope=\"col\">RAG</th><th scope=\"col\">Why</th><th scope=\"col\" class=\"chart\">%s (blue) against %s, per 1000, lowest on the left</th></tr></thead>\n", \
	       esc(period_words(cell[1, "quarter"])), esc(period_words(cell[1, "rolling12"])), rankhead,
	       allrank ? "<th scope=\"col\">" allhead "</th>" : "", area, esc(PEERS)
	print "<tbody>"
	for (i = 1; i <= n; i++) {
		off = cell[i, "offence"]
		rag = cell[i, "rag"]
		printf "<tr data-offence=\"%s\">", esc(off)
		printf "<th scope=\"row\" class=\"name\">%s</th>", esc(cell[i, "indicator"])
		td("Quarter: " esc(period_words(cell[i, "quarter"])), "num", count(cell[i, "quarter_count"]))
		td("Change on the quarter", "change", change(cell[i, "quarter_pct_change"], cell[i, "quarter_base_count"]))
		td("12 months: " esc(period_words(cell[i, "rolling12"])), "num", count(cell[i, "rolling12_count"]))
		td("Change on the 12 months", "change", change(cell[i, "rolling12_pct_change"], cell[i, "rolling12_base_count"]))
		td("Per 1000 residents", "num", cell[i, "rate_per_1000"] != "" ? esc(cell[i, "rate_per_1000"]) : "&ndash;")
		td(rankhead, "num", of(cell[i, RANKCOL "_rank"], cell[i, RANKCOL "_of"]))
		if (allrank)
			td(allhead, "num", of(cell[i, "files_rank"], cell[i, "files_of"]))
		td("Peer group rank", "num", of(cell[i, "group_rank"], cell[i, "group_of"]))
		td("RAG", "rag " (rag ~ /^(red|amber|green)$/ ? rag : "none"),
		   rag != "" ? esc(toupper(substr(rag, 1, 1)) substr(rag, 2)) : "No flag")
		td("Why", "reason", esc(reason(off, cell[i, "quarter_pct_change"], cell[i, "rolling12_pct_change"], rag)))
		td(area " against " esc(PEERS), "chart", svg("r" i))
		print "</tr>"
	}
	print "</tbody>"
	print "</table>"
	print "<section id=\"trends\">"
	print "<h2>Monthly trends, offences per 1000 residents</h2>"
	printf "<p class=\"key\">Each panel: <span class=\"solid\">%s</span> (solid blue) against <span class=\"dashed\">the %s average</span> (dashed grey), %s to %s. All panels share one logarithmic scale, so the same rise looks the same on every indicator and the panels can be compared.</p>\n", \
	       area, esc(ALL), esc(monthname(firstmonth)), esc(monthname(lastmonth))
	print "<div class=\"panels\">"
	for (i = 1; i <= n; i++)
		printf "<figure class=\"panel\" data-offence=\"%s\"><figcaption>%s <small>per 1000 residents a month</small></figcaption>%s</figure>\n", \
		       esc(cell[i, "offence"]), esc(cell[i, "indicator"]), svg("t" i)
	print "</div>"
	print "</section>"
	print "</main>"
	printf "<footer><p>Built by cspkit from %s. Ranks and rates are over the 12 months; rank 1 is the lowest rate. The %s average is all the ranked areas&#8217; offences over all their residents.</p></footer>\n", \
	       (NFILES > 1 ? NFILES " street files" : esc(basename(cell[1, "source"]))), esc(ALL)
	print "</body>"
	print "</html>"
}

function page_head() {
	print "<!DOCTYPE html>"
	print "<html lang=\"en\">"
	print "<head>"
	print "<meta charset=\"utf-8\">"
	print "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
	print "<title>" area " community safety dashboard</title>"
	print "<style>"
	print "body { font-family: Arial, Helvetica, sans-serif; margin: 0 auto; padding: 1em 1.5em; max-width: 1400px; color: #0b0c0c; line-height: 1.35; }"
	print "h1 { font-size: 1.6em; margin: 0.2em 0; } h2 { font-size: 1.25em; margin: 1.2em 0 0.3em; }"
	print "p { margin: 0.3em 0 0.6em; }"
	print ".lede { font-size: 1.05em; max-width: 60em; }"
	print "dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.15em 1em; margin: 0.6em 0; font-size: 0.92em; }"
	print "dl.meta dt { font-weight: bold; } dl.meta dd { margin: 0; overflow-wrap: anywhere; }"
	print ".key { font-size: 0.9em; }"
	print "span.rag { padding: 0 0.4em; border-radius: 2px; }"
	print "table { border-collapse: collapse; width: 100%; font-size: 0.9em; }"
	print "caption { text-align: left; font-weight: bold; font-size: 1.1em; padding: 0.4em 0; }"
	print "th, td { border-bottom: 1px solid #b1b4b6; padding: 6px 6px; text-align: left; vertical-align: top; }"
	print "thead th { background: #f3f2f1; font-size: 0.85em; vertical-align: bottom; }"
	print "td.num { text-align: right; white-space: nowrap; }"
	print "td.change { white-space: nowrap; } td.change small { color: #505a5f; }"
	print ".up { color: #942514; } .down { color: #005a30; }"
	print ".rag { font-weight: bold; text-align: center; color: #fff; }"
	print ".red { background: #d4351c; } .amber { background: #ffbf47; color: #0b0c0c; }"
	print ".green { background: #00703c; } .none { background: #505a5f; }"
	print "td.reason { min-width: 12em; }"
	print "td.chart, th.chart { width: 300px; min-width: 200px; } svg.chart { display: block; width: 100%; height: auto; }"
	print ".panels { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 0.8em; }"
	print "figure.panel { margin: 0; border: 1px solid #b1b4b6; padding: 0.4em; break-inside: avoid; }"
	print "figcaption { font-weight: bold; font-size: 0.9em; }"
	print "footer { margin-top: 1.5em; font-size: 0.85em; color: #505a5f; }"
	print "* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }"
	# A phone, a tablet or a narrow window (the table needs about 1180
	# px): each indicator a card, each cell
	# labelled, the chart full width: nothing wider than the screen.
	print "@media screen and (max-width: 1200px) {"
	print "  body { padding: 0.6em; }"
	print "  table, thead, tbody, tr, th, td, caption { display: block; width: auto; }"
	print "  thead { position: absolute; left: -9999px; }"
	print "  tr { border: 1px solid #b1b4b6; margin: 0 0 0.8em; padding: 0.3em; }"
	print "  tbody th { border: 0; font-size: 1.1em; }"
	print "  td { border: 0; padding: 3px 6px; text-align: left; white-space: normal; }"
	print "  td.num { text-align: left; }"
	print "  td::before { content: attr(data-label) \": \"; font-weight: bold; color: #505a5f; }"
	print "  td.rag { display: inline-block; margin: 0.2em 6px; }"
	print "  td.rag::before { color: inherit; }"
	print "  td.chart { width: auto; min-width: 0; max-width: 480px; }"
	print "  td.chart::before { display: block; }"
	print "}"
	# A4 landscape: the table as on a screen, smaller, no row split.
	print "@media print {"
	print "  @page { size: A4 landscape; margin: 10mm; }"
	print "  body { font-size: 8.5pt; padding: 0; max-width: none; }"
	print "  h1 { font-size: 15pt; } h2 { font-size: 11pt; break-before: page; }"
	print "  th, td { padding: 3px 4px; }"
	print "  tr, figure.panel, dl.meta { break-inside: avoid; page-break-inside: avoid; }"
	print "  thead { display: table-header-group; }"
	print "  td.chart, th.chart { width: 200px; }"
	print "  .panels { grid-template-columns: repeat(4, 1fr); gap: 0.5em; }"
	print "}"
	print "</style>"
	print "</head>"
	print "<body>"
}

function meta(dt, dd) { printf "<dt>%s</dt><dd>%s</dd>\n", dt, dd }
function td(label, class, html) { printf "<td data-label=\"%s\" class=\"%s\">%s</td>", label, class, html }
function basename(s) { sub(/.*\//, "", s); return s }
function count(v) { return v == "" ? "&ndash;" : esc(thousands(v)) }
function of(r, k) { return r == "" ? "&ndash;" : esc(r) " of " esc(k) }

# change(PCT, BASE): an arrow, the change in words, and the count a year
# earlier: "▲ up 1.7%" / "from 7,196".
function change(p, b,   a) {
	if (p == "") return "&ndash;"
	a = p + 0 > 0 ? "<span class=\"up\">&#9650; up " esc(abs(p)) "%</span>" : \
	    p + 0 < 0 ? "<span class=\"down\">&#9660; down " esc(abs(p)) "%</span>" : "&#9679; no change"
	return a (b != "" ? "<br><small>from " esc(thousands(b)) "</small>" : "")
}
function abs(p) { sub(/^[-+]/, "", p); return p }
function moved(p) { return p + 0 > 0 ? "up " abs(p) "%" : p + 0 < 0 ? "down " abs(p) "%" : "unchanged" }

# reason(OFF, Q, Y, RAG): the flag's reason as a sentence, from each
# window's direction (rag-flag's): "Worse on both: up 1.7% on the quarter
# and 0.6% on the year."  "Worse on the quarter (up 18.4%), better on the
# year (down 14.0%)."
function reason(off, q, y, rag,   dq, dy, sq, sy) {
	if (rag == "") return "No flag: a figure is missing."
	dq = dir[off, "3m"]; dy = dir[off, "12m"]
	if (dq == "" && dy == "") return "No flag: a figure is missing."
	if (dq == "" || dy == "") {
		if (dq != "") return judge(dq) " on the quarter (" moved(q) "); the 12 months cannot be compared."
		return judge(dy) " on the 12 months (" moved(y) "); the quarter cannot be compared."
	}
	if (dq == dy) {
		sq = moved(q); sy = moved(y)
		# "up 1.7% on the quarter and 0.6% on the year": the word once
		if (substr(sq, 1, 3) == substr(sy, 1, 3) && sy != "unchanged") sub(/^[a-z]+ /, "", sy)
		return judge(dq) " on both: " sq " on the quarter and " sy " on the year."
	}
	return judge(dq) " on the quarter (" moved(q) "), " tolower(judge(dy)) " on the year (" moved(y) ")."
}
function judge(d) {
	if (d == "worse") return "Worse"
	if (d == "better") return "Better"
	if (d == "same") return "About the same"
	return "Not known"
}

function estimate(e) {
	if (e == "mid2020") return "ONS mid-2020 population estimate"
	if (e == "mid2019") return "ONS mid-2019 population estimate"
	if (e == "census2021") return "Census 2021 (rounded to 100)"
	if (e == "census2011") return "Census 2011"
	return e
}

# group_words(): the peer group named with its members, those ranked and
# those not (no rows in this file: outside the Metropolitan Police).
function group_words(   i, in_, out, nin, nout, s) {
	if (nmembers == 0) return "none: no peer group rank"
	for (i = 1; i <= nmembers; i++) {
		if (member[i] in ingroup) { in_ = in_ (nin++ ? ", " : "") esc(member[i]) }
		else { out = out (nout++ ? ", " : "") esc(member[i]) }
	}
	s = area "&#8217;s most similar group, " nmembers " areas; the peer group rank is among the " nin " in this data: " in_ "."
	if (nout) s = s " Not ranked (no rows for them in this file): " out "."
	return s
}

# svg(ID): the chart file's text, or a dash when there is none.
function svg(id,   file, line, s) {
	file = ENVIRON["CHARTDIR"] "/" id ".svg"
	s = ""
	while ((getline line < file) > 0)
		s = s line
	close(file)
	return s != "" ? s : "&ndash;"
}

# files_words(): what was read: "file NAME", or for a run of police.uk
# street files "24 street files" (the months are said beside it).
function files_words() {
	if (NFILES > 1) return NFILES " street files"
	return "file " esc(basename(cell[1, "source"]))
}
# and_list("A, B, C"): "A, B and C".
function and_list(s,   i) {
	if ((i = match(s, /, [^,]*$/)) == 0) return s
	return substr(s, 1, i - 1) " and " substr(s, i + 2)
}
