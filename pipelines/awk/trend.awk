# trend.awk - the monthly counts behind the dashboard's sparklines.
# Files: the offence list (offence indicator), then the area's monthly rows
# (normalise-crime without --window, one row per offence key and month).
# Writes area offence indicator period count, offences in the list's order,
# months in the order read.  Needs AWK_TSV (common.sh) in front of it.

head {
	if (file == 2) need("area period offence measure value")
	next
}
file == 1 { order[++n] = f("offence"); indicator[f("offence")] = f("indicator"); next }
f("measure") == "count" {
	off = f("offence")
	rows[off] = rows[off] f("area") "\t" off "\t" indicator[off] "\t" f("period") "\t" f("value") "\n"
}
END {
	print "area", "offence", "indicator", "period", "count"
	for (i = 1; i <= n; i++)
		printf "%s", rows[order[i]]
}
