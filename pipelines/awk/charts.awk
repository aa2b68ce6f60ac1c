# charts.awk - what the dashboard draws, as rows for svgchart.awk.
# Files: dashboard.tsv, compare.tsv (every ranked borough's 12 months),
# trend.tsv.  Per indicator I (its row number): chart rI, the area's rate
# against every ranked area, with the rate of them all (London's: all their
# offences over all their residents); chart tI, the area's monthly rate
# against theirs, every tI on one log scale (small multiples).  Needs AWK_TSV and
# words.awk in front of it.

head {
	if (file == 1) need("area area_code offence indicator rolling12")
	if (file == 2) need("offence area count population rate_per_1000")
	if (file == 3) need("offence period rate_per_1000 all_rate_per_1000")
	if (file == 1) print "chart", "kind", "scale", "axis", "series", "label", "value", "mark", "title"
	next
}
file == 1 {
	id[f("offence")] = ++n
	area = f("area"); code = f("area_code"); ind[n] = f("indicator")
	r12 = f("rolling12")
	next
}
file == 2 {
	if (!(f("offence") in id)) next
	i = id[f("offence")]
	hit = tolower(f("area")) == tolower(area) || f("area_code") == code
	print "r" i, "bars", "", "linear", "", f("area"), f("rate_per_1000"), hit ? "yes" : "",
	      ind[i] ": offences per 1000 residents, " period_words(r12) ", " area " among " PEERS
	nb[i]++
	if (f("count") != "" && f("population") > 0) { lc[i] += f("count"); lp[i] += f("population") }
	next
}
{
	if (!(f("offence") in id)) next
	i = id[f("offence")]
	if (!(i in first)) first[i] = f("period")
	last[i] = f("period")
	t = ind[i] ": offences a month per 1000 residents, " area " and the " ALL " average"
	print "t" i, "lines", "trend", "log", area, f("period"), f("rate_per_1000"), "yes", t
	print "t" i, "lines", "trend", "log", ALL " average", f("period"), f("all_rate_per_1000"), "", t
}
END {
	for (i = 1; i <= n; i++)
		if (lp[i] > 0)
			print "r" i, "bars", "", "linear", "ref", ALL, sprintf("%.2f", lc[i] * 1000 / lp[i]), "",
			      ind[i] ": offences per 1000 residents, " period_words(r12) ", " area " among " PEERS
}
