#!/bin/sh
# rank-sort-awk.sh AWK BOROUGHS TABLE - rate per 1000 and rank within each
# period/offence/measure group with sort and AWK (gawk or mawk), ties
# sharing the lower rank, the City of London left out: what rank-boroughs
# does, the shell way.
awk=$1
t=$(printf '\t')
$awk -F'\t' -v OFS='\t' '
	NR == FNR { if ($1 ~ /^E09/ && $1 != "E09000001") pop[$2] = $5; next }
	FNR == 1 { next }
	($3 in pop) { print $5, $9, $11, $3, $12, $12 * 1000 / pop[$3] }' "$2" "$3" |
sort -t"$t" -k1,1 -k2,2 -k3,3 -k6,6g |
$awk -F'\t' -v OFS='\t' '{
	g = $1 FS $2 FS $3
	if (g != last) { n = 0; last = g; prev = "" }
	n++
	if ($6 != prev) r = n
	prev = $6
	print $0, r
}'
