# Shared set-up for the bats CLI tests.
#   load test_helper     (from tests/*.bats)
#   load ../test_helper  (from tests/<dir>/*.bats)
# Tools are run from $CSPKIT_BIN (the Makefile sets it: bin/ or a sanitizer
# build).  Golden files live in tests/golden/<tool>/.
#
# This file runs once per case (bats starts a process for each), so it
# forks nothing: every case pays for each fork here.

# bats_load_library sources a library's load.bash, which runs
# $(dirname ...) once per file it sources (15 forks a case for these two);
# the files it sources are the library's src/*.bash, sourced here directly.
fast_load() {
	local d f dirs
	IFS=: read -ra dirs <<<"${BATS_LIB_PATH:-/usr/lib/bats}"
	for d in "${dirs[@]}"; do
		[ -f "$d/$1/load.bash" ] && [ -d "$d/$1/src" ] || continue
		for f in "$d/$1"/src/*.bash; do
			# shellcheck disable=SC1090
			source "$f" || return
		done
		return 0
	done
	bats_load_library "$1"
}
fast_load bats-support
fast_load bats-assert

# The tree is the directory above tests/ (BATS_TEST_DIRNAME is absolute):
# one level more for a bats file in tests/<dir>/.
ROOT=${BATS_TEST_DIRNAME%/*}
[ -d "$ROOT/lib/data" ] || ROOT=${ROOT%/*}
[ -d "$ROOT/lib/data" ] || ROOT=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
: "${CSPKIT_BIN:=$ROOT/bin}"
: "${CSPKIT_DATA:=$ROOT/lib/data}"
export CSPKIT_DATA
PATH="$CSPKIT_BIN:$PATH"
SAMPLES="$ROOT/samples"
GOLDEN="$ROOT/tests/golden"
SHARED="$ROOT/../shared"

# Skip a test that reads ../shared when it is absent.
need_shared() {
	[ -d "$SHARED/${1:-}" ] || skip "../shared/${1:-} not present"
}

# run_split CMD...: run CMD with stdout to $out_file and stderr to
# $err_file; sets $status. Lets a test compare both streams exactly.
run_split() {
	out_file="$BATS_TEST_TMPDIR/stdout"
	err_file="$BATS_TEST_TMPDIR/stderr"
	set +e
	"$@" >"$out_file" 2>"$err_file"
	status=$?
	set -e
}

# golden NAME: compare $out_file with tests/golden/NAME.out and $err_file
# with NAME.err (an absent .err means stderr must be empty).  With
# UPDATE_GOLDEN=1 the files are rewritten instead.
golden() {
	local base="$GOLDEN/$1"
	if [ -n "${UPDATE_GOLDEN:-}" ]; then
		mkdir -p "$(dirname "$base")"
		cp "$out_file" "$base.out"
		if [ -s "$err_file" ]; then cp "$err_file" "$base.err"; else rm -f "$base.err"; fi
		return 0
	fi
	diff -u "$base.out" "$out_file"
	if [ -f "$base.err" ]; then diff -u "$base.err" "$err_file"; else diff -u /dev/null "$err_file"; fi
}

# Assert that a file is strict TSV: every line has the header's field count,
# no CR, and the file ends with LF.
assert_tsv() {
	local f=${1:-$out_file}
	[ -s "$f" ] || return 0
	awk -F'\t' 'NR==1{n=NF} NF!=n{printf "line %d: %d fields, header has %d\n", NR, NF, n; bad=1} /\r/{printf "line %d: CR\n", NR; bad=1} END{exit bad}' "$f"
	[ "$(tail -c1 "$f" | od -An -c | tr -d ' ')" = '\n' ]
}
