#!/bin/sh
# bench.sh - `make bench`: cspkit against the tools users would pick
# instead, on inputs this script builds itself (nothing is downloaded).
#
# Every comparison runs its competitors on the same input in the same run,
# output to /dev/null, timed as whole processes by hyperfine (median and
# spread over $RUNS runs); GNU time, wrapped around each run, gives the
# peak memory (the largest process of a pipeline).  Each command is kept
# as a script in out/bench/cmd/, so the exact command lines are on record.
# Results: out/bench/results.tsv and the table out/bench/results.md, whose
# ratios (peer time / cspkit time on the same input) hold on any machine.
#
#   BENCH_MB=200      size of the MPS-style CSV (MB)
#   TEXT_MB=500       size of the report text (MB)
#   IND_ROWS=2000000  rows of the indicator tables
#   RUNS=3            timed runs per command (slow peers get one)
#   ONLY="reshape join"  run only these sections (reshape join rank text
#                     scale memory pipeline corpus policeuk textpdf),
#                     keeping the other sections' rows of the last run in
#                     the results
#   CORPUS_PACKS=13000  agenda packs of the corpus section; CORPUS_SLOW=200
#                     of them run one pack a run (extrapolated to all);
#                     CORPUS_PDFS=200 made PDFs for the pdftotext share
#   TEXTPDF_MB=5      size of the report text made into one PDF (textpdf)
#   TEXTPDF_RUNS=10   timed runs per command of textpdf, the two commands
#                     of a pair in turns (their ratio is a target: a
#                     0.13 s run's median of 3, its peer timed after it,
#                     moved by a third between bench runs here)
#   BENCH_DATA=DIR    where the inputs go (default out/bench/data)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=$root/bin
out=$root/out/bench
shared=$root/../shared
: "${BENCH_MB:=200}" "${TEXT_MB:=500}" "${IND_ROWS:=2000000}" "${RUNS:=3}"
: "${ONLY:=reshape join rank text scale memory pipeline corpus policeuk textpdf}"
: "${CORPUS_PACKS:=13000}" "${CORPUS_SLOW:=200}" "${CORPUS_PDFS:=200}" "${TEXTPDF_MB:=5}"
: "${TEXTPDF_RUNS:=10}"
: "${BENCH_DATA:=$out/data}"
data=$BENCH_DATA
export CSPKIT_DATA="$root/lib/data" LC_ALL=C

want() { case " $ONLY " in *" $1 "*) return 0 ;; esac; return 1; }
sh "$root/tests/deps.sh" hyperfine gawk mawk time
if want reshape || want join || want rank || want text || want scale || want memory || want pipeline; then
	sh "$root/tests/deps.sh" miller parallel csvkit python3
fi
# the corpus and textpdf sections make PDFs with enscript and ps2pdf (Ghostscript)
if want corpus || want textpdf; then
	sh "$root/tests/deps.sh" poppler-utils enscript ghostscript
	# Chromium prints the textpdf pages a second way; optional
	want textpdf && { sh "$root/tests/deps.sh" chromium || true; }
fi
mkdir -p "$data" "$out/cmd"
results=$out/results.tsv
# Rerunning some sections (ONLY=...) replaces their rows and keeps the
# others' from the last run.
if [ -s "$results" ]; then
	awk -F'\t' -v only=" $ONLY " 'NR == 1 || index(only, " " $1 " ") == 0' "$results" > "$results.tmp"
	mv "$results.tmp" "$results"
else
	printf 'section\tname\tinput\tinput_mb\truns\tmedian_s\tstddev_s\tmin_s\tmax_s\tcpu_s\tpeak_kb\tcommand\n' > "$results"
fi

say() { printf '\n== %s\n' "$*" >&2; }
mb() { wc -c < "$1" | awk '{ printf "%.0f", $1 / 1e6 }'; }

# bench SECTION NAME INPUT RUNS COMMAND: time COMMAND (a shell string; its
# standard output goes to /dev/null) and record median, spread, CPU time
# and peak memory.  INPUT is the file it reads, named in the table; for a
# command that reads several, a file naming them, with in_mb set to
# their size.
in_mb=
bench() {
	sec=$1 name=$2 input=$3 runs=$4 cmd=$5
	script=$out/cmd/$sec-$name.sh
	csv=$out/.hf.csv kbf=$out/.kb
	printf '%s > /dev/null\n' "$cmd" > "$script"
	rm -f "$kbf"
	hyperfine --style basic --runs "$runs" --warmup 0 --export-csv "$csv" \
		--command-name "$sec/$name" \
		"/usr/bin/time -a -o $kbf -f %M sh $script" >&2
	awk -F, -v OFS='\t' -v s="$sec" -v n="$name" -v inp="${input##*/}" \
		-v m="${in_mb:-$(mb "$input")}" -v r="$runs" -v c="$cmd" -v kbf="$kbf" '
		BEGIN { while ((getline k < kbf) > 0) if (k + 0 > kb) kb = k + 0 }
		NR == 2 { printf "%s\t%s\t%s\t%s\t%s\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t%s\n",
			s, n, inp, m, r, $4, $3, $7, $8, $5 + $6, kb, c }' "$csv" >> "$results"
	rm -f "$csv" "$kbf"
}

# bench_pair SECTION RUNS NAME_A INPUT_A CMD_A NAME_B INPUT_B CMD_B: as
# bench, for two commands whose ratio is a target, timed in turns (A, B,
# A, B, ...: one hyperfine run of both per turn), so that a spell of a
# slower machine (this one is shared) falls on both alike, not on
# whichever was being timed during it.
bench_pair() {
	sec=$1 runs=$2
	acc=$out/.pair csv=$out/.hf.csv
	printf '%s > /dev/null\n' "$5" > "$out/cmd/$sec-$3.sh"
	printf '%s > /dev/null\n' "$8" > "$out/cmd/$sec-$6.sh"
	rm -f "$acc" "$out/.kb1" "$out/.kb2"
	i=0
	while [ "$i" -lt "$runs" ]; do
		hyperfine --style basic --runs 1 --warmup 0 --export-csv "$csv" \
			--command-name "$sec/$3" --command-name "$sec/$6" \
			"/usr/bin/time -a -o $out/.kb1 -f %M sh $out/cmd/$sec-$3.sh" \
			"/usr/bin/time -a -o $out/.kb2 -f %M sh $out/cmd/$sec-$6.sh" >&2
		awk -F, 'NR > 1 { print NR - 1, $2, $5 + $6 }' "$csv" >> "$acc"
		i=$((i + 1))
	done
	pair_row 1 "$3" "$4" "$5"
	pair_row 2 "$6" "$7" "$8"
	rm -f "$acc" "$csv" "$out/.kb1" "$out/.kb2"
}

# pair_row K NAME INPUT COMMAND: bench_pair's row of its Kth command, as
# bench writes one (median, spread, least, most, mean CPU, peak memory).
pair_row() {
	awk -v k="$1" '$1 == k { print $2, $3 }' "$acc" | sort -n |
		awk -v OFS='\t' -v s="$sec" -v n="$2" -v inp="${3##*/}" \
			-v m="${in_mb:-$(mb "$3")}" -v r="$runs" -v c="$4" -v kbf="$out/.kb$1" '
		BEGIN { while ((getline x < kbf) > 0) if (x + 0 > kb) kb = x + 0 }
		{ t[NR] = $1; sum += $1; cpu += $2 }
		END {
			med = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
			for (i = 1; i <= NR; i++) v += (t[i] - sum / NR) ^ 2
			sd = NR > 1 ? sqrt(v / (NR - 1)) : 0
			printf "%s\t%s\t%s\t%s\t%s\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t%s\n",
				s, n, inp, m, r, med, sd, t[1], t[NR], cpu / NR, kb, c
		}' >> "$results"
}

have() { [ -x "$bin/$1" ] || { echo "bench: $1 not built, left out" >&2; return 1; }; }

# head_mb FILE MB OUT: the first MB megabytes of FILE, whole lines only.
head_mb() {
	[ -s "$3" ] || { head -c $(($2 * 1000000)) "$1" | sed '$d' > "$3.tmp" && mv "$3.tmp" "$3"; }
}

# ---- inputs ---------------------------------------------------------------
# Built once, kept in $data for the next run (delete it to rebuild); only
# for the sections that read them (ONLY=corpus builds none of these).
mps=$data/mps-${BENCH_MB}mb.csv ind=$data/indicators-$IND_ROWS.tsv
wind=$data/ward-indicators-$IND_ROWS.tsv text=$data/text-${TEXT_MB}mb.txt
if want reshape || want join || want rank || want text || want scale || want memory; then
mps=$data/mps-${BENCH_MB}mb.csv
if [ ! -s "$mps" ]; then
	say "building $mps"
	mawk -v mb="$BENCH_MB" -v months=48 -f "$here/gen-mps.awk" > "$mps.tmp" && mv "$mps.tmp" "$mps"
fi
ind=$data/indicators-$IND_ROWS.tsv
if [ ! -s "$ind" ]; then
	say "building $ind"
	mawk -v rows="$IND_ROWS" -f "$here/gen-indicators.awk" > "$ind.tmp" && mv "$ind.tmp" "$ind"
fi
wind=$data/ward-indicators-$IND_ROWS.tsv
if [ ! -s "$wind" ]; then
	say "building $wind"
	mawk -v rows="$IND_ROWS" -f "$here/gen-wards.awk" "$root/lib/data/wards.tsv" > "$wind.tmp" &&
		mv "$wind.tmp" "$wind"
fi
text=$data/text-${TEXT_MB}mb.txt
if [ ! -s "$text" ]; then
	say "building $text"
	sh "$here/gen-text.sh" "$TEXT_MB" "$root/samples" "$shared/seeds" > "$text.tmp" &&
		mv "$text.tmp" "$text"
fi
# The reference tables without their comment headers, for the peers.
grep -v '^#' "$root/lib/data/boroughs.tsv" > "$data/boroughs.tsv"
grep -v '^#' "$root/lib/data/wards.tsv" | awk -F'\t' 'NR == 1 || $5 == 2022' > "$data/wards-2022.tsv"
fi

# ---- sections -------------------------------------------------------------
. "$here/sections.sh"

for s in $ONLY; do
	say "$s"
	"section_$s"
done

sh "$here/report.sh" "$results" > "$out/results.md"
cat "$out/results.md"
