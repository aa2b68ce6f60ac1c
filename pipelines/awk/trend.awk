# trend.awk - the monthly counts behind the dashboard's trend charts: the
# area's, and its rate and that of all the ranked areas together (London)
# per 1000 residents.
# Files: the offence list (offence indicator), compare.tsv (the ranked
# areas: area, population, rank), then the monthly
# rows of every area (normalise-crime without --window, one row per offence
# key and month).  ENVIRON["AREA"] is the area (its name in any case, or its
# code).  Writes area offence indicator period count rate_per_1000
# all_rate_per_1000, offences in the list's order, months in the order
# read.  "All" is the areas ranked on that offence (rank-boroughs leaves
# the airports and "Unknown" unranked): their counts summed over their
# populations summed.  Needs AWK_TSV (common.sh) in front of it.

head {
	if (file == 2) need("area offence population rank")
	if (file == 3) need("area area_code period offence measure value")
	want = tolower(ENVIRON["AREA"])
	next
}
file == 1 { order[++n] = f("offence"); indicator[f("offence")] = f("indicator"); next }
file == 2 {
	if (f("rank") != "" && f("population") > 0) {
		pop[f("offence"), f("area")] = f("population")
		lpop[f("offence")] += f("population")
	}
	next
}
f("measure") == "count" {
	off = f("offence")
	p = f("period")
	if (tolower(f("area")) == want || f("area_code") == ENVIRON["AREA"]) {
		if (!((off, p) in seen)) { seen[off, p] = 1; months[off] = months[off] p "\n" }
		count[off, p] = f("value"); name[off] = f("area"); apop[off] = pop[off, f("area")]
	}
	if ((off, f("area")) in pop && f("value") != "")
		lcount[off, p] += f("value")
}
END {
	print "area", "offence", "indicator", "period", "count", "rate_per_1000", "all_rate_per_1000"
	for (i = 1; i <= n; i++) {
		off = order[i]
		m = split(months[off], list, "\n")
		for (j = 1; j < m; j++) {
			p = list[j]
			c = count[off, p]
			print name[off], off, indicator[off], p, c,
			      (c != "" && apop[off] > 0) ? sprintf("%.3f", c * 1000 / apop[off]) : "",
			      (lpop[off] > 0 ? sprintf("%.3f", lcount[off, p] * 1000 / lpop[off]) : "")
		}
	}
}
