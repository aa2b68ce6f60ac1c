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
echo "cspkit: the pipelines on samples/ wrote, under out/:"
for d in $dirs; do
	line= n=0
	for f in "$d"*.tsv; do
		[ -f "$f" ] || continue
		r=$(awk 'END { print (NR > 0 ? NR - 1 : 0) }' "$f")
		line="$line, ${f##*/} $r"
		n=$((n + 1)) total=$((total + r))
	done
	for f in "$d"*.html; do
		[ -f "$f" ] || continue
		line="$line, ${f##*/}"
		html="$html $f"
	done
	w=$(grep -Evc '^[a-z-]+: [0-9]+ warnings?$' "${d}warnings.txt" 2>/dev/null || true)
	tables=$((tables + n)) warnings=$((warnings + w))
	printf '  %-52s %s' "${d#out/}" "${line#, }"
	[ "$w" -eq 0 ] || printf ' (%d warning%s)' "$w" "$([ "$w" -eq 1 ] || echo s)"
	echo
done
echo "$tables tables, $total rows, $warnings warnings (each directory's warnings.txt)."
for f in $html; do echo "Open $f in a browser for the dashboard."; done
echo "Each table's rows say where their figures came from (source, line)."
