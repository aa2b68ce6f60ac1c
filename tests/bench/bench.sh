#!/bin/sh
# bench.sh - `make bench`: cspkit against the tools users would pick
# instead, on inputs this script builds itself (nothing is downloaded).
#
# Every comparison runs the competitors on the same input in the same run,
# output to /dev/null, timed as whole processes by hyperfine (median and
# spread over $RUNS runs) with peak memory from GNU time.  Results go to
# out/bench/results.tsv and a markdown table out/bench/results.md with the
# ratio other/cspkit, which holds on any machine.
#
#   BENCH_MB=200   size of the MPS-style CSV (MB)
#   TEXT_MB=500    size of the report text (MB)
#   IND_ROWS=2000000  rows of the indicator table
#   RUNS=3         timed runs per command (slow peers get one)
#   ONLY="reshape join"  run only these sections
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=$root/bin
out=$root/out/bench
data=$out/data
shared=$root/../shared
: "${BENCH_MB:=200}" "${TEXT_MB:=500}" "${IND_ROWS:=2000000}" "${RUNS:=3}"
: "${ONLY:=reshape join rank text scale memory pipeline}"
export CSPKIT_DATA="$root/lib/data" LC_ALL=C

sh "$root/tests/deps.sh" hyperfine miller gawk time parallel csvkit python3
mkdir -p "$data"
results=$out/results.tsv
printf 'section\tname\tmedian_s\tstddev_s\tmin_s\tmax_s\tpeak_kb\tcommand\n' > "$results"

want() { case " $ONLY " in *" $1 "*) return 0 ;; esac; return 1; }
say() { printf '\n== %s\n' "$*" >&2; }

# bench SECTION NAME RUNS COMMAND: time COMMAND (a shell string, output to
# /dev/null) and record median, spread and peak memory.
bench() {
	sec=$1 name=$2 runs=$3 cmd=$4
	csv=$out/.hf.csv
	hyperfine --style basic --runs "$runs" --warmup 0 --export-csv "$csv" \
		--command-name "$name" "$cmd > /dev/null" >&2
	kb=$( { /usr/bin/time -f '%M' sh -c "$cmd > /dev/null" 2>&1 >/dev/null; } | tail -n 1)
	awk -F, -v s="$sec" -v n="$name" -v kb="$kb" -v c="$cmd" 'NR == 2 {
		printf "%s\t%s\t%.3f\t%.3f\t%.3f\t%.3f\t%s\t%s\n", s, n, $4, $3, $7, $8, kb, c
	}' "$csv" >> "$results"
	rm -f "$csv"
}

have() { [ -x "$bin/$1" ] || { echo "bench: $1 not built, section skipped" >&2; return 1; }; }

# ---- inputs ---------------------------------------------------------------
mps=$data/mps-${BENCH_MB}mb.csv
if [ ! -s "$mps" ]; then
	say "building $mps"
	# About 270 bytes a row at 48 months.
	awk -v rows=$((BENCH_MB * 1000000 / 270)) -v months=48 \
		-f "$here/gen-mps.awk" > "$mps.tmp" && mv "$mps.tmp" "$mps"
fi
ind=$data/indicators-$IND_ROWS.tsv
if [ ! -s "$ind" ]; then
	say "building $ind"
	awk -v rows="$IND_ROWS" -f "$here/gen-indicators.awk" > "$ind.tmp" && mv "$ind.tmp" "$ind"
fi
text=$data/text-${TEXT_MB}mb.txt
if [ ! -s "$text" ]; then
	say "building $text"
	sh "$here/gen-text.sh" "$TEXT_MB" "$root/samples" "$shared/seeds" > "$text.tmp" &&
		mv "$text.tmp" "$text"
fi

# ---- sections -------------------------------------------------------------
. "$here/sections.sh"

for s in $ONLY; do
	say "$s"
	"section_$s"
done

sh "$here/report.sh" "$results" > "$out/results.md"
cat "$out/results.md"
