#!/bin/sh
# run-samples.sh - what `make run` calls: every pipeline on the bundled
# samples (through make pipelines, so only what changed is rebuilt and
# make -j runs datasets side by side), then a summary of what is in out/:
# the tables, their rows, the warnings, and where to look.
# Usage: sh pipelines/run-samples.sh [make argument...]   (e.g. DATA=dir)
set -eu
cd "$(dirname "$0")/.."
make=${MAKE:-make}
$make --no-print-directory -s pipelines "$@"
dirs=$($make --no-print-directory -s pipeline-dirs "$@")

tables=0 total=0 warnings=0 html=
echo "cspkit: every pipeline on the samples; the tables are under out/:"
for d in $dirs; do
	n=0 r=0
	for f in "$d"*.tsv; do
		[ -f "$f" ] || continue
		n=$((n + 1))
		r=$((r + $(awk 'END { print (NR > 0 ? NR - 1 : 0) }' "$f")))
	done
	for f in "$d"*.html; do
		[ -f "$f" ] && html="$html $f"
	done
	w=$(awk 'END { print NR }' "${d}warnings.txt" 2>/dev/null || echo 0)
	printf '  %-44s %2d tables %6d rows %4d warnings\n' "$d" "$n" "$r" "$w"
	tables=$((tables + n)) total=$((total + r)) warnings=$((warnings + w))
done
printf '  %-44s %2d tables %6d rows %4d warnings\n' "in all" "$tables" "$total" "$warnings"
echo "Each directory has its warnings in warnings.txt; every row names its source and line."
for f in $html; do echo "Dashboard: $f (open it in a browser)"; done
