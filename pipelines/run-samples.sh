#!/bin/sh
# run-samples.sh - what `make run` calls: every pipeline on the bundled
# samples (through make pipelines, so only what changed is rebuilt and
# make -j runs datasets side by side), then a summary of what is in out/:
# the tables, their rows, the warnings, and where to look.
# Usage: sh pipelines/run-samples.sh [make argument...]   (e.g. DATA=dir)
set -eu
cd "$(dirname "$0")/.."
make=${MAKE:-make}
# -k: a dataset that fails does not stop the others; make run still fails.
failed=
$make --no-print-directory -s -k pipelines "$@" || failed=1
# The directories come as shell words: a name is one word whatever its bytes.
dirs=$($make --no-print-directory -s pipeline-dirs "$@")
eval "set -- $dirs"

tables=0 total=0 warnings=0 html= width=12
for d; do [ ${#d} -le $width ] || width=${#d}; done
echo "cspkit: every pipeline on every dataset (samples/, or DATA= if given):"
printf '  %-*s %6s %6s %8s\n' "$width" directory tables rows warnings
for d; do
	n=0 r=0
	for f in "$d"*.tsv; do
		[ -f "$f" ] || continue
		n=$((n + 1))
		r=$((r + $(awk 'END { print (NR > 0 ? NR - 1 : 0) }' "$f")))
	done
	for f in "$d"*.html; do
		[ -f "$f" ] && html="$html
$f"
	done
	w=$(awk 'END { print NR }' "${d}warnings.txt" 2>/dev/null || echo 0)
	printf '  %-*s %6d %6d %8d\n' "$width" "$d" "$n" "$r" "$w"
	tables=$((tables + n)) total=$((total + r)) warnings=$((warnings + w))
done
printf '  %-*s %6d %6d %8d\n' "$width" "in all" "$tables" "$total" "$warnings"
echo "Each directory has its warnings in warnings.txt; every row names its source and line."
# The index of every table and page, with a page per meeting and report.
sh pipelines/site.sh -q out || failed=1
printf '%s\n' "$html" | while IFS= read -r f; do
	[ -z "$f" ] || echo "Dashboard: $f (open it in a browser)"
done
[ ! -f out/index.html ] || echo "Index of every table and page: out/index.html (open it in a browser)"

# A look at four of the tables: the real MPS file's league and dashboard,
# and two from the sample papers.
show() {
	[ -f "$2" ] || return 0
	printf '\n%s (%s):\n' "$1" "$2"
	awk -v cols="$3" -v max=8 -f pipelines/awk/show.awk "$2"
}
real=mps_borough_crime_24m_2024-01_to_2025-12
if [ -f "out/league/$real/league.tsv" ]; then
	printf '\nLondon league table, total recorded crime per 1000 residents (out/league/%s/league.tsv):\n' "$real"
	awk -F'\t' 'NR == 1 || $3 == "total_crime"' "out/league/$real/league.tsv" |
		awk -v cols=rank,area,count,population,rate_per_1000,period,highlight -v max=8 -f pipelines/awk/show.awk
fi
show "Dashboard rebuilt from the MPS file" "out/dashboard/$real/dashboard.tsv" \
	indicator,quarter_count,quarter_pct_change,rolling12_count,rolling12_pct_change,london_rank,rag
show "Actions from the minutes of an agenda pack" out/minutes/agenda-pack/actions.tsv \
	meeting_date,item,who,text
show "Figures from a strategic assessment" out/reports/strategic-assessment/indicators.tsv \
	line,area,period,offence,measure,value,unit
if [ -n "$failed" ]; then
	echo "cspkit: some pipelines failed (their messages are above); the rest are listed." >&2
	exit 1
fi
