# join.awk LOOKUP TABLE - the awk hash join (run with -F'\t' -v OFS='\t'):
# append LOOKUP's columns to each row of TABLE whose (borough, area)
# equals a lookup row's (lad_name, ward_name), exactly as written.
NR == FNR {
	if (FNR == 1) { for (i = 1; i <= NF; i++) lc[$i] = i; head = $0; next }
	val[$lc["lad_name"] "\t" $lc["ward_name"]] = $0
	next
}
FNR == 1 {
	for (i = 1; i <= NF; i++) { if ($i == "area") a = i; if ($i == "borough") b = i }
	empty = head; gsub(/[^\t]+/, "", empty)
	print $0, head
	next
}
{ k = $b "\t" $a; print $0, (k in val ? val[k] : empty) }
