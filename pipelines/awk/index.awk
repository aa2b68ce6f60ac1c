# index.awk - out/index.html: every table and page the pipelines wrote.
# Files: site.sh's manifest (kind n name path: the table's path from OUT)
# and its pages.tsv (n page title).  ENVIRON["TOP"] is OUT.  Tables are
# read for a line about each (area, period, boroughs ranked).  Needs
# AWK_TSV, words.awk and page.awk in front.

head { if (file == 1) need("kind n name path"); if (file == 2) need("n page title"); next }
file == 1 { k = ++nk[f("kind")]; item[f("kind"), k] = f("n"); name[f("n")] = f("name"); path[f("n")] = f("path"); next }
{ j = ++np[f("n")]; page[f("n"), j] = f("page"); ptitle[f("n"), j] = f("title") }
END {
	top = ENVIRON["TOP"]
	out = "/dev/stdout"
	page_open(out, "cspkit: tables and pages")
	print "<h1>Tables and pages</h1>" > out
	print "<p class=\"meta\">Everything the pipelines wrote here, with its warnings. Each table is tab-separated text; every row names its source and line.</p>" > out

	section("dashboard", "Dashboards", "Performance dashboards, rebuilt from MPS borough files: most boroughs ranked first.")
	section("league", "London league tables", "Every borough ranked on each offence over the latest 12 months, rank 1 the lowest rate.")
	section("wards", "Ward profiles", "Each ward of the borough over the latest 12 months against the 12 before.")
	section("minutes", "Minutes", "A page per meeting: attendance, items, decisions and actions with their owners.")
	section("reports", "Reports", "The figures read from each report, each linked to its line.")
	page_close(out)
}

# section(KIND, HEADING, NOTE): the KIND tables, a list item each; the
# dashboards and leagues on the most boroughs first.
function section(kind, h, note,   i, j, t, m, ord, key) {
	printf "<h2 id=\"%s\">%s (%d)</h2>\n<p class=\"note\">%s</p>\n", kind, h, nk[kind], note > out
	if (!nk[kind]) { print "<p class=\"note\">None written.</p>" > out; return }
	for (i = 1; i <= nk[kind]; i++) { ord[i] = item[kind, i]; key[i] = summary(kind, ord[i]) }
	for (i = 2; i <= nk[kind]; i++)
		for (j = i; j > 1 && SIZE[ord[j - 1]] < SIZE[ord[j]]; j--) {
			t = ord[j]; ord[j] = ord[j - 1]; ord[j - 1] = t
		}
	print "<ul class=\"links\">" > out
	for (i = 1; i <= nk[kind]; i++) {
		m = ord[i]
		printf "<li data-kind=\"%s\"><b>%s</b>: %s<br>", kind, esc(name[m]), LINE[m] > out
		links(kind, m)
		print "</li>" > out
	}
	print "</ul>" > out
}
function links(kind, m,   d, j, t, n, list) {
	d = path[m]; sub(/\/[^\/]*$/, "", d)
	if (kind == "dashboard") printf "<a href=\"%s\">the dashboard page</a> &middot; ", href(d "/dashboard.html") > out
	for (j = 1; j <= np[m]; j++)
		printf "<a href=\"%s\">%s</a> &middot; ", href("pages/" page[m, j]), esc(ptitle[m, j]) > out
	if (kind == "dashboard") list = "dashboard.tsv trend.tsv compare.tsv"
	if (kind == "league") list = "league.tsv"
	if (kind == "wards") list = "wards.tsv"
	if (kind == "minutes") list = "minutes.tsv attendance.tsv items.tsv resolutions.tsv decisions.tsv actions.tsv"
	if (kind == "reports") list = "indicators.tsv rag.tsv"
	n = split(list, t, " ")
	printf "tables:" > out
	for (j = 1; j <= n; j++)
		if (readable(top "/" d "/" t[j]))
			printf " <a href=\"%s\">%s</a>", href(d "/" t[j]), t[j] > out
	n = lines(top "/" d "/warnings.txt")
	printf " &middot; <a href=\"%s\">%d warning%s</a>", href(d "/warnings.txt"), n, n == 1 ? "" : "s" > out
}
function readable(file,   l, r) { r = (getline l < file) >= 0; close(file); return r }
function lines(file,   l, n) { n = 0; while ((getline l < file) > 0) n++; close(file); return n }

# summary(KIND, M): LINE[M], a line about the table, and SIZE[M], its
# order (boroughs ranked, rows).
function summary(kind, m,   file, l, h, c, i, nf, fl, rows, a, seen, areas, wards, p, hi, of) {
	file = top "/" path[m]
	rows = 0
	while ((getline l < file) > 0) {
		if (l ~ /^#/ && !h) continue
		nf = split(l, fl, "\t")
		if (!h) { h = 1; split("", c); for (i = 1; i <= nf; i++) c[fl[i]] = i; continue }
		rows++
		if (rows == 1) for (i in c) a[i] = fl[c[i]]
		if (kind == "league" && fl[c["offence"]] == "total_crime") { areas++; if (fl[c["highlight"]] == "yes") hi = fl[c["area"]] }
		if (kind == "wards" && !(fl[c["ward_code"]] in seen)) { seen[fl[c["ward_code"]]] = 1; wards++ }
		if (kind == "minutes" && fl[c["record"]] == "meeting") p++
	}
	close(file)
	SIZE[m] = rows
	if (kind == "dashboard") {
		# ranked among London's boroughs (london_of), or a force's
		# partnerships (force_of)
		of = a["london_of"] != "" ? a["london_of"] : a["force_of"]
		SIZE[m] = of + 0
		LINE[m] = esc(a["area"]) ", " esc(period_words(a["quarter"])) " and the " esc(period_words(a["rolling12"])) \
		          ", ranked among " esc(of) (a["london_of"] != "" ? " London borough" : " partnership") (of == 1 ? "" : "s")
	} else if (kind == "league") {
		SIZE[m] = areas
		LINE[m] = areas " borough" (areas == 1 ? "" : "s") " ranked, " esc(period_words(a["period"])) (hi != "" ? ", " esc(hi) " highlighted" : "")
	} else if (kind == "wards")
		LINE[m] = wards " wards of " esc(a["lad_name"]) ", " esc(period_words(a["period"]))
	else if (kind == "minutes")
		LINE[m] = esc(a["body"]) ", " p " meeting" (p == 1 ? "" : "s") ", " rows " facts"
	else
		LINE[m] = rows " figures from " esc(a["source"])
}
