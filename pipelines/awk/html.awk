# html.awk - the dashboard as one self-contained HTML page: no script, no
# external file; RAG as coloured cells that also carry the word, the reason
# beside each, and an inline SVG sparkline of the monthly counts.
# Files: dashboard.tsv, then trend.tsv.  Needs AWK_TSV (common.sh).
# For a dashboard that is not a London borough's, the environment says
# what the rank is among: CS_RANKCOL=force (its rank columns force_rank,
# force_of), CS_RANKWHAT="Gwent's partnerships", CS_SRCWHAT="data.police.uk
# ..." (never awk operands, which awk could read as assignments).

BEGIN {
	rankcol = ENVIRON["CS_RANKCOL"]; rankwhat = ENVIRON["CS_RANKWHAT"]
	srcwhat = ENVIRON["CS_SRCWHAT"]
}
head {
	if (rankcol == "") rankcol = "london"
	if (file == 1) need("source area offence indicator quarter quarter_count quarter_pct_change rolling12 rolling12_count rolling12_pct_change rate_per_1000 " rankcol "_rank " rankcol "_of group_rank group_of rag rag_reason")
	if (file == 2) need("offence period count")
	next
}
file == 1 {
	n++
	for (c in col)
		cell[n, c] = f(c)
	next
}
{
	off = f("offence")
	m = ++months[off]
	value[off, m] = f("count")
	period[off, m] = f("period")
}

END {
	area = esc(cell[1, "area"])
	print "<!DOCTYPE html>"
	print "<html lang=\"en\">"
	print "<head>"
	print "<meta charset=\"utf-8\">"
	print "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
	print "<title>" area " community safety dashboard</title>"
	print "<style>"
	print "body { font-family: Arial, Helvetica, sans-serif; margin: 1.5em; color: #0b0c0c; }"
	print "h1 { font-size: 1.5em; margin: 0 0 0.3em; }"
	print "p { margin: 0.2em 0 0.8em; max-width: 60em; }"
	print "table { border-collapse: collapse; font-size: 14px; }"
	print "th, td { border: 1px solid #b1b4b6; padding: 4px 8px; text-align: right; }"
	print "th { background: #f3f2f1; }"
	print "td.name, td.reason, th:first-child, th:last-child { text-align: left; }"
	print "td.reason { font-size: 12px; max-width: 30em; }"
	print "td.rag { color: #fff; font-weight: bold; text-align: center; }"
	print "td.red { background: #d4351c; } td.amber { background: #f47738; }"
	print "td.green { background: #00703c; } td.none { background: #505a5f; }"
	print "svg.trend { display: block; }"
	print "</style>"
	print "</head>"
	print "<body>"
	print "<h1>" area ": community safety dashboard</h1>"
	printf "<p>Recent quarter: <b>%s</b>; rolling 12 months: <b>%s</b>. ", \
	       esc(cell[1, "quarter"]), esc(cell[1, "rolling12"])
	print "Each change is on the same months a year earlier. Ranks are by offences per 1000 residents over the 12 months, 1 = lowest, among " esc(rankwhat == "" ? "the London boroughs" : rankwhat) " and in the " (rankwhat == "" ? "borough" : "partnership") "'s most similar group.</p>"
	print "<p>Source: " esc(base(cell[1, "source"])) " (" esc(srcwhat == "" ? "Metropolitan Police recorded crime by borough" : srcwhat) ").</p>"
	print "<table id=\"dashboard\">"
	print "<thead><tr><th>Indicator</th><th>Quarter</th><th>Change</th><th>12 months</th><th>Change</th><th>Per 1000</th><th>" (rankcol == "london" ? "London" : "Force") " rank</th><th>Group rank</th><th>Trend</th><th>RAG</th><th>Reason</th></tr></thead>"
	print "<tbody>"
	for (i = 1; i <= n; i++) {
		off = cell[i, "offence"]
		rag = cell[i, "rag"]
		printf "<tr data-offence=\"%s\">", esc(off)
		printf "<td class=\"name\">%s</td>", esc(cell[i, "indicator"])
		printf "<td>%s</td><td>%s</td>", esc(cell[i, "quarter_count"]), pct(cell[i, "quarter_pct_change"])
		printf "<td>%s</td><td>%s</td>", esc(cell[i, "rolling12_count"]), pct(cell[i, "rolling12_pct_change"])
		printf "<td>%s</td>", esc(cell[i, "rate_per_1000"])
		printf "<td>%s</td><td>%s</td>", of(cell[i, rankcol "_rank"], cell[i, rankcol "_of"]), \
		       of(cell[i, "group_rank"], cell[i, "group_of"])
		printf "<td>%s</td>", spark(off)
		printf "<td class=\"rag %s\">%s</td>", (rag != "" ? esc(rag) : "none"), \
		       (rag != "" ? esc(toupper(substr(rag, 1, 1)) substr(rag, 2)) : "&ndash;")
		printf "<td class=\"reason\">%s</td></tr>\n", esc(cell[i, "rag_reason"])
	}
	print "</tbody>"
	print "</table>"
	print "</body>"
	print "</html>"
}

function esc(s) {
	gsub(/&/, "\\&amp;", s)
	gsub(/</, "\\&lt;", s)
	gsub(/>/, "\\&gt;", s)
	gsub(/"/, "\\&quot;", s)
	return s
}
function base(s) { sub(/.*\//, "", s); return s }
function pct(v) { return v == "" ? "&ndash;" : (v > 0 ? "+" : "") v "%" }
function of(r, n) { return r == "" ? "&ndash;" : esc(r) " of " esc(n) }

# spark(OFF): a 120 x 28 polyline of OFF's last 24 monthly counts, lowest
# month at the bottom, highest at the top, the latest marked with a dot.
function spark(off,   m, k, i, lo, hi, x, y, pts, from, to) {
	m = months[off]
	k = m > 24 ? m - 23 : 1         # the first month drawn
	if (m - k < 1)
		return "&ndash;"
	lo = hi = value[off, k] + 0
	for (i = k + 1; i <= m; i++) {
		if (value[off, i] + 0 < lo) lo = value[off, i] + 0
		if (value[off, i] + 0 > hi) hi = value[off, i] + 0
	}
	for (i = k; i <= m; i++) {
		x = 2 + (i - k) * 116 / (m - k)
		y = hi > lo ? 26 - (value[off, i] - lo) * 24 / (hi - lo) : 14
		pts = pts (i > k ? " " : "") sprintf("%.1f,%.1f", x, y)
	}
	from = esc(period[off, k])
	to = esc(period[off, m])
	return sprintf("<svg class=\"trend\" width=\"120\" height=\"28\" viewBox=\"0 0 120 28\" role=\"img\" aria-label=\"monthly counts %s to %s, lowest %d, highest %d\"><title>%s to %s: %d to %d a month</title><polyline fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"1.5\" points=\"%s\"/><circle cx=\"%.1f\" cy=\"%.1f\" r=\"2\" fill=\"#0b0c0c\"/></svg>", \
	       from, to, lo, hi, from, to, lo, hi, pts, x, y)
}
