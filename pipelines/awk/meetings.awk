# meetings.awk - a page per meeting of a minutes table (extract-minutes'
# rows): who attended, the items, the decisions and resolutions, the
# actions with their owners; each row cites its source line.
# ENVIRON: PAGEDIR (where meeting-N-K.html goes), N (the table's number),
# NAME (its dataset); appends "N page title" rows to PAGEDIR/pages.tsv.
# Needs AWK_TSV, words.awk and page.awk in front.

head { need("source line meeting_date body record item who role organisation text"); next }
{
	key = f("meeting_date") SUBSEP f("body")
	if (!(key in meeting)) { meeting[key] = ++nm; mkey[nm] = key; mdate[nm] = f("meeting_date"); mbody[nm] = f("body"); msrc[nm] = f("source") }
	m = meeting[key]
	r = f("record")
	k = ++nrec[m, r]
	for (c in col) rec[m, r, k, c] = f(c)
}
END {
	for (m = 1; m <= nm; m++) {
		page = "meeting-" ENVIRON["N"] "-" m ".html"
		out = ENVIRON["PAGEDIR"] "/" page
		title = (mbody[m] != "" ? mbody[m] : "Meeting") (mdate[m] != "" ? ", " longdate(mdate[m]) : "")
		page_open(out, title)
		print "<p class=\"meta\"><a href=\"../index.html\">All tables and pages</a></p>" > out
		print "<h1>" esc(title) "</h1>" > out
		printf "<p class=\"meta\">From %s", esc(msrc[m]) > out
		if (nrec[m, "meeting"]) printf "; venue: %s", esc(rec[m, "meeting", 1, "text"]) > out
		if (nrec[m, "closed"]) printf "; closed at %s", esc(rec[m, "closed", 1, "text"]) > out
		if (nrec[m, "next_meeting"]) printf "; next meeting %s", esc(longdate(substr(rec[m, "next_meeting", 1, "text"], 1, 10)) substr(rec[m, "next_meeting", 1, "text"], 11)) > out
		print ". Line numbers are the source&#8217;s.</p>" > out
		people(m, out, "present", "Present")
		people(m, out, "in_attendance", "In attendance")
		people(m, out, "apology", "Apologies")
		table(m, out, "item", "Items", "Item|Title", "item|text")
		both(m, out)
		table(m, out, "action", "Actions", "Item|Owner|Action", "item|who|text")
		page_close(out)
		print ENVIRON["N"], page, title >> (ENVIRON["PAGEDIR"] "/pages.tsv")
	}
}
function people(m, out, r, h,   k) {
	printf "<h2>%s (%d)</h2>\n", h, nrec[m, r] > out
	if (!nrec[m, r]) { print "<p class=\"note\">None recorded.</p>" > out; return }
	print "<table><thead><tr><th>Name</th><th>Role</th><th>Organisation</th><th class=\"num\">Line</th></tr></thead><tbody>" > out
	for (k = 1; k <= nrec[m, r]; k++)
		printf "<tr><td>%s</td><td>%s</td><td>%s</td><td class=\"num\">%s</td></tr>\n", esc(rec[m, r, k, "who"]),
		       esc(rec[m, r, k, "role"]), esc(rec[m, r, k, "organisation"]), esc(rec[m, r, k, "line"]) > out
	print "</tbody></table>" > out
}
# table(M, OUT, RECORD, HEADING, "Head|Head", "col|col")
function table(m, out, r, h, heads, cols,   nh, hd, cl, k, j) {
	printf "<h2>%s (%d)</h2>\n", h, nrec[m, r] > out
	if (!nrec[m, r]) { print "<p class=\"note\">None recorded.</p>" > out; return }
	nh = split(heads, hd, "|"); split(cols, cl, "|")
	printf "<table><thead><tr>" > out
	for (j = 1; j <= nh; j++) printf "<th>%s</th>", hd[j] > out
	print "<th class=\"num\">Line</th></tr></thead><tbody>" > out
	for (k = 1; k <= nrec[m, r]; k++) {
		printf "<tr>" > out
		for (j = 1; j <= nh; j++) printf "<td>%s</td>", esc(rec[m, r, k, cl[j]]) > out
		printf "<td class=\"num\">%s</td></tr>\n", esc(rec[m, r, k, "line"]) > out
	}
	print "</tbody></table>" > out
}
# both(M, OUT): decisions and resolutions in one table, in line order.
function both(m, out,   k, j, n, ln, kind, text, item, t, i) {
	n = 0
	for (k = 1; k <= nrec[m, "decision"]; k++) { n++; ln[n] = rec[m, "decision", k, "line"]; kind[n] = "Decision"; item[n] = rec[m, "decision", k, "item"]; text[n] = rec[m, "decision", k, "text"] }
	for (k = 1; k <= nrec[m, "resolution"]; k++) { n++; ln[n] = rec[m, "resolution", k, "line"]; kind[n] = "Resolved"; item[n] = rec[m, "resolution", k, "item"]; text[n] = rec[m, "resolution", k, "text"] }
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && ln[j - 1] + 0 > ln[j] + 0; j--) {
			t = ln[j]; ln[j] = ln[j - 1]; ln[j - 1] = t
			t = kind[j]; kind[j] = kind[j - 1]; kind[j - 1] = t
			t = item[j]; item[j] = item[j - 1]; item[j - 1] = t
			t = text[j]; text[j] = text[j - 1]; text[j - 1] = t
		}
	printf "<h2>Decisions and resolutions (%d)</h2>\n", n > out
	if (!n) { print "<p class=\"note\">None recorded.</p>" > out; return }
	print "<table><thead><tr><th>Item</th><th>Kind</th><th>Text</th><th class=\"num\">Line</th></tr></thead><tbody>" > out
	for (k = 1; k <= n; k++)
		printf "<tr><td>%s</td><td>%s</td><td>%s</td><td class=\"num\">%s</td></tr>\n", esc(item[k]), kind[k], esc(text[k]), esc(ln[k]) > out
	print "</tbody></table>" > out
}
