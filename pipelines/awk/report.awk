# report.awk - a page of a report's indicators (normalise-crime's rows):
# each figure linked to its line in the report's text, which follows the
# table with every line numbered.  ENVIRON: PAGEDIR (where report-N.html
# goes), N (the table's number), NAME (its dataset); appends an
# "N page title" row to PAGEDIR/pages.tsv.  Needs AWK_TSV, words.awk and
# page.awk in front.

head { need("source line area period offence offence_label measure value unit"); next }
{
	k = ++n
	for (c in col) row[k, c] = f(c)
	if (src == "") src = f("source")
}
END {
	page = "report-" ENVIRON["N"] ".html"
	out = ENVIRON["PAGEDIR"] "/" page
	title = "Figures from " ENVIRON["NAME"]
	page_open(out, title)
	print "<p class=\"meta\"><a href=\"../index.html\">All tables and pages</a></p>" > out
	print "<h1>" esc(title) "</h1>" > out
	printf "<p class=\"meta\">%d figures read from %s. Each figure links to the line it was read from.</p>\n", n, esc(src) > out
	print "<table id=\"indicators\"><thead><tr><th class=\"num\">Line</th><th>Area</th><th>Period</th><th>Offence</th><th>As printed</th><th>Measure</th><th class=\"num\">Figure</th><th>Unit</th></tr></thead><tbody>" > out
	for (k = 1; k <= n; k++)
		printf "<tr><td class=\"num\"><a href=\"#L%s\">%s</a></td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td class=\"num\"><a href=\"#L%s\">%s</a></td><td>%s</td></tr>\n", \
		       esc(row[k, "line"]), esc(row[k, "line"]), esc(row[k, "area"]), esc(period_words(row[k, "period"])),
		       esc(row[k, "offence"]), esc(row[k, "offence_label"]), esc(row[k, "measure"]),
		       esc(row[k, "line"]), esc(row[k, "value"]), esc(row[k, "unit"]) > out
	print "</tbody></table>" > out
	print "<h2>The report&#8217;s text</h2>" > out
	if (src ~ /\.[Pp][Dd][Ff]$/)
		print "<p class=\"note\">The report is a PDF; its line numbers are those of its text by pdftotext -layout, not shown here.</p>" > out
	else if ((getline line < src) <= 0)
		print "<p class=\"note\">" esc(src) " cannot be read from here.</p>" > out
	else {
		printf "<pre class=\"source\">" > out
		i = 0
		do {
			i++
			printf "<span id=\"L%d\">%5d  %s</span>\n", i, i, esc(line) > out
		} while ((getline line < src) > 0)
		print "</pre>" > out
		close(src)
	}
	page_close(out)
	print ENVIRON["N"], page, title >> (ENVIRON["PAGEDIR"] "/pages.tsv")
}
