#!/usr/bin/env bats
# Hostile surroundings: reference files that are directories, unreadable
# or empty; input operands that are not files; a full disk; a reader that
# goes away (| head -1); an interrupted pipeline.
load hostile_helper

setup() {
	mkdir -p "$T/adir"
	: >"$T/emptyref"
	# A path no one can open, root included: a symbolic link to itself.
	ln -sf loop "$T/loop"
}

# Each --option FILE that names a reference table, with an input for it.
REFS=(
	"normalise-crime --taxonomy @ $ROOT/samples/mps/borough_2019_vintage.csv"
	"join-wards -r @ $ROOT/samples/wards/barnet-ward-indicators.tsv"
	"rank-boroughs --peers @ $ROOT/samples/rank/london-12m.tsv"
	"rag-flag --polarity @ $ROOT/samples/rag/dashboard.tsv"
	"rag-flag --scheme @ $ROOT/samples/rag/dashboard.tsv"
)

# ref_case PATH MESSAGE: every reference option given PATH exits 1 with
# "tool: PATH...MESSAGE" and writes no table.
ref_case() {
	for c in "${REFS[@]}"; do
		run_split ${c/@/$1}
		tool=${c%% *}
		expect_status 1
		out_tsv
		[ "$(wc -l <"$out_file")" -le 1 ]
		err_has "$tool: $1"
		grep -qiF -- "$2" "$err_file" || { echo "$c: no '$2' in: $(cat "$err_file")"; return 1; }
		err_clean "$tool"
	done
}

@test "a reference file that is a directory: exit 1 naming it, for every --option FILE" {
	ref_case "$T/adir" "directory"
}

@test "a reference file that cannot be opened (a symlink loop; works as root): exit 1 naming it" {
	ref_case "$T/loop" "Too many levels of symbolic links"
}

@test "a reference file without read permission: exit 1 naming it (skipped as root)" {
	[ "$(id -u)" -ne 0 ] || skip "root reads any file: the symlink-loop case covers an unopenable file"
	cp "$ROOT/lib/data/polarity.tsv" "$T/locked"
	chmod 000 "$T/locked"
	ref_case "$T/locked" "Permission denied"
}

@test "an empty reference file: exit 1 naming it, for every --option FILE" {
	ref_case "$T/emptyref" "empty"
}

@test "an empty built-in table on the data path: each tool names it and exits 1" {
	mkdir "$T/data"
	cp "$ROOT"/lib/data/*.tsv "$T/data/"
	for c in "extract-minutes minutes-words $ROOT/samples/minutes/liaison-group.txt" \
		 "normalise-crime taxonomy $ROOT/samples/mps/borough_2019_vintage.csv" \
		 "rank-boroughs boroughs $ROOT/samples/rank/london-12m.tsv" \
		 "rag-flag polarity $ROOT/samples/rag/dashboard.tsv" \
		 "join-wards wards $ROOT/samples/wards/barnet-ward-indicators.tsv"; do
		set -- $c
		cp "$ROOT/lib/data/$2.tsv" "$T/keep.tsv"
		: >"$T/data/$2.tsv"
		CSPKIT_DATA=$T/data run_split "$1" "$3"
		cp "$T/keep.tsv" "$T/data/$2.tsv"
		expect_status 1
		out_tsv
		[ "$(wc -l <"$out_file")" -le 1 ]
		err_has "$1: $T/data/$2.tsv: empty reference table (no header line)"
	done
}

@test "an input operand that is a directory or missing: exit 1 naming it" {
	for tool in extract-minutes normalise-crime join-wards rank-boroughs rag-flag; do
		run_split $tool "$T/adir"
		expect_status 1
		out_tsv
		err_has "$tool: $T/adir: Is a directory"
		run_split $tool "$T/nosuch"
		expect_status 1
		out_tsv
		err_has "$tool: $T/nosuch: No such file or directory"
	done
}

# ---- a full disk ---------------------------------------------------------------

@test "output to /dev/full: exit 1 with one write-error message, for every tool" {
	for c in "extract-minutes $ROOT/samples/minutes/agenda-pack.txt" \
		 "normalise-crime $ROOT/samples/mps/borough_2019_vintage.csv" \
		 "join-wards --borough Barnet $ROOT/samples/wards/barnet-ward-indicators.tsv" \
		 "rank-boroughs $ROOT/samples/rank/london-12m.tsv" \
		 "rag-flag $ROOT/samples/rag/dashboard.tsv"; do
		tool=${c%% *}
		set +e
		$c >/dev/full 2>"$T/err"
		status=$?
		set -e
		err_file=$T/err
		expect_status 1
		err_has "$tool: write error: No space left on device"
		[ "$(grep -c 'write error' "$T/err")" -eq 1 ]
		err_clean "$tool"
	done
}

@test "output to /dev/full with --version and --help: exit 1, not a silent 0" {
	for tool in extract-minutes normalise-crime join-wards rank-boroughs rag-flag; do
		set +e
		$tool --version >/dev/full 2>/dev/null
		status=$?
		set -e
		[ "$status" -eq 1 ] || { echo "$tool --version >/dev/full: exit $status"; return 1; }
	done
}

# ---- a reader that goes away ------------------------------------------------------

# head_case CMD...: CMD | head -1 ends; the tool is quiet about the closed
# pipe (SIGPIPE, or exit 0 when it had finished) and does not hang.
head_case() {
	set +e
	timeout 600 bash -c '"$@" 2>"'"$T/err"'" | head -1 >"'"$T/out"'"; echo "${PIPESTATUS[0]}" >"'"$T/st"'"' sh "$@"
	set -e
	st=$(cat "$T/st")
	[ "$st" -eq 141 ] || [ "$st" -eq 0 ] || { echo "$*: exit $st"; cat "$T/err"; return 1; }
	[ "$(wc -l <"$T/out")" -eq 1 ]
	! grep -q -e 'write error' -e 'Broken pipe' "$T/err"
	err_file=$T/err
	err_clean "$1"
}

# bats test_tags=stress
@test "| head -1: every tool stops quietly on a closed pipe" {
	# 60000 indicator rows, each its own area (so rag-flag's groups stay
	# small) with a population (so rank-boroughs --areas any ranks them).
	awk -v h="$IND" 'BEGIN { print h "\tpopulation"; for (i = 1; i <= 60000; i++)
		printf "x\t%d\tArea %d\t\t2019-02\t2019-02-01\t2019-02-28\t\tburglary\tBurglary\tcount\t%d\toffences\t%d\n", i, i, i, 1000 + i }' >"$T/big.tsv"
	for i in $(seq 3000); do cat "$ROOT/samples/minutes/liaison-group.txt"; done >"$T/many.txt"
	{ head -1 "$ROOT/samples/mps/borough_2019_vintage.csv"
	  for i in $(seq 2000); do tail -n +2 "$ROOT/samples/mps/borough_2019_vintage.csv"; done; } >"$T/big.csv"
	head_case extract-minutes "$T/many.txt"
	head_case normalise-crime "$T/big.csv"
	head_case join-wards --borough Barnet "$T/big.tsv"
	head_case rank-boroughs --areas any "$T/big.tsv"
	head_case rag-flag "$T/big.tsv"
}

# ---- an interrupted pipeline --------------------------------------------------------

# bats test_tags=stress
@test "SIGINT mid-run: the pipeline exits 130 and leaves no partial file in its output directory" {
	[ -x "$ROOT/pipelines/borough-league.sh" ] || [ -f "$ROOT/pipelines/borough-league.sh" ] ||
		skip "pipelines/ not present yet"
	not_under_valgrind "a 210000-row MPS file"
	src=$ROOT/samples/mps/borough_2024_vintage.csv
	{ head -1 "$src"; for i in $(seq 10000); do tail -n +2 "$src"; done; } >"$T/big.csv"
	# A finished earlier run: its table must survive the interrupted one.
	sh "$ROOT/pipelines/borough-league.sh" -q -o "$T/out" "$src"
	cp "$T/out/league.tsv" "$T/before.tsv"
	ls -A "$T/out" >"$T/before.ls"
	# Job control gives the run its own process group with SIGINT not
	# ignored, as a terminal's ^C would find it.
	set -m
	sh "$ROOT/pipelines/borough-league.sh" -q -o "$T/out" "$T/big.csv" 2>"$T/err" &
	pid=$!
	i=0
	while [ $i -lt 3000 ] && ! ls -d "$T"/.out.cspkit/work.* >/dev/null 2>&1; do
		sleep 0.01
		i=$((i + 1))
	done
	kill -INT -- -"$pid" 2>/dev/null || true
	set +e
	wait "$pid"
	status=$?
	set -e +m
	if [ "$status" -eq 0 ]; then
		skip "the run finished before the signal arrived"
	fi
	expect_status 130
	# Nothing new, nothing half-written, no work directory left behind.
	ls -A "$T/out" | diff "$T/before.ls" -
	cmp "$T/before.tsv" "$T/out/league.tsv"
	! grep -q . "$T/err"
}
