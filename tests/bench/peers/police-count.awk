# police-count.awk - what an analyst writes first to count data.police.uk
# street files per partnership: gawk with FPAT for the quoted fields, the
# authority from the LSOA name ("Newport 014B"), one count per authority
# and crime type and month, anti-social behaviour apart from the total.
# No geography table: a partnership of two authorities, or an LSOA named
# for another authority, is counted wrong (cspkit maps the LSOA code).
BEGIN { FPAT = "([^,]*)|(\"([^\"]|\"\")*\")"; OFS = "\t" }
FNR == 1 { next }
{
	sub(/\r$/, "")
	a = $9
	sub(/ [0-9][0-9][0-9][A-Z]$/, "", a)
	if (a == "") a = $4
	n[a, $2, $10]++
	if ($10 != "Anti-social behaviour") n[a, $2, "total_crime"]++
}
END {
	for (k in n) {
		split(k, p, SUBSEP)
		print p[1], p[2], p[3], n[k]
	}
}
