#!/bin/sh
# sort-join.sh LOOKUP TABLE - GNU join after sort: both files keyed on
# borough|ward name (awk puts the key first), sorted, joined, rows of
# TABLE without a match kept (-a 2).
t=$(printf '\t')
tmp=${TMPDIR:-/tmp}/cspkit-bench-$$
trap 'rm -f "$tmp".*' EXIT
awk -F'\t' -v OFS='\t' 'NR > 1 { print $4 "|" $2, $0 }' "$1" | sort -t"$t" -k1,1 > "$tmp.l"
awk -F'\t' -v OFS='\t' 'NR > 1 { print $5 "|" $3, $0 }' "$2" | sort -t"$t" -k1,1 > "$tmp.r"
join -t"$t" -a 2 "$tmp.l" "$tmp.r"
