#!/bin/sh
# sort-join.sh LOOKUP TABLE - GNU join on the area name after sorting both.
t=$(printf '\t')
tmp=${TMPDIR:-/tmp}/cspkit-bench-$$
trap 'rm -f "$tmp".*' EXIT
sed 1d "$1" | sort -t"$t" -k2,2 > "$tmp.l"
sed 1d "$2" | sort -t"$t" -k3,3 > "$tmp.r"
join -t"$t" -a 1 -1 3 -2 2 "$tmp.r" "$tmp.l"
