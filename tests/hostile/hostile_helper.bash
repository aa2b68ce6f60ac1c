# Shared set-up for tests/hostile/*.bats: bad input for every tool.
#   load hostile_helper
# Each case runs a tool with run_split and then checks the three things
# issue 10 asks of every case: the exact exit status, a stderr that names
# the problem (as "tool: file:line: ..." where there is a line), and a
# stdout that is well-formed TSV or empty.
load ../test_helper

# test_helper finds the tree from tests/, not from a directory below it
# (its git fallback prints two lines here): find it again.
ROOT=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
SAMPLES="$ROOT/samples"
GOLDEN="$ROOT/tests/golden"
SHARED="$ROOT/../shared"

# The indicator table's header (SPEC section 2).
IND='source	line	area	area_code	period	period_start	period_end	base_period	offence	offence_label	measure	value	unit'

# ind FILE [ROW...]: write an indicator table with these rows (fields
# separated by '|' for readability; '|' never occurs in the data here).
ind() {
	local f=$1
	shift
	{
		printf '%s\n' "$IND"
		for r in "$@"; do printf '%s\n' "$r" | tr '|' '\t'; done
	} >"$f"
}

# A valid Barnet burglary count row, and one for another borough.
ROW_BARNET='dash.txt|14|Barnet|E09000003|2019-02|2019-02-01|2019-02-28||burglary|Burglary|count|943|offences'
ROW_BRENT='dash.txt|15|Brent|E09000005|2019-02|2019-02-01|2019-02-28||burglary|Burglary|count|700|offences'

T=$BATS_TEST_TMPDIR

# expect_status N: the exact exit status.
expect_status() {
	if [ "$status" -ne "$1" ]; then
		echo "exit status $status, expected $1; stderr:" >&2
		head -c 2000 "$err_file" >&2
		return 1
	fi
}

# err_has TEXT...: stderr contains each TEXT (fixed strings).
err_has() {
	for want in "$@"; do
		grep -qF -- "$want" "$err_file" || {
			echo "stderr lacks: $want; it was:" >&2
			head -c 2000 "$err_file" >&2
			return 1
		}
	done
}

# err_clean TOOL: every stderr line is one message of TOOL ("tool: ...")
# or its "Try" hint, and no sanitizer or valgrind report slipped in.
err_clean() {
	local bad
	bad=$(grep -v -e "^$1: " -e "^Try '$1 --help'" "$err_file" | head -3)
	if [ -n "$bad" ]; then
		echo "stray stderr lines: $bad" >&2
		return 1
	fi
}

# no_bytes NAME FILE: FILE (the stream NAME) is empty.
no_bytes() {
	if [ -s "$2" ]; then
		echo "$1 not empty:" >&2
		head -c 2000 "$2" >&2
		return 1
	fi
}

# err_empty, out_empty: nothing on stderr, stdout.
err_empty() { no_bytes stderr "$err_file"; }
out_empty() { no_bytes stdout "$out_file"; }

# out_tsv: stdout is strict TSV (or empty) and valid UTF-8.
out_tsv() {
	assert_tsv "$out_file"
	iconv -f UTF-8 -t UTF-8 "$out_file" >/dev/null || {
		echo "stdout is not valid UTF-8" >&2
		return 1
	}
}


# out_rows N: stdout is strict TSV with N rows after the header.
out_rows() {
	out_tsv
	local n
	n=$(($(wc -l <"$out_file") - 1))
	if [ "$n" -ne "$1" ]; then
		echo "stdout has $n rows, expected $1" >&2
		return 1
	fi
}

# out_header_is COLUMNS...: the output header, columns joined by tabs.
out_header_is() {
	local want
	want=$(printf '%s\t' "$@")
	want=${want%	}
	[ "$(head -1 "$out_file")" = "$want" ] || {
		echo "header: $(head -1 "$out_file")" >&2
		echo "wanted: $want" >&2
		return 1
	}
}

# field ROW COL: the field named COL of data row ROW (1-based) of stdout.
field() {
	awk -F'\t' -v r="$1" -v c="$2" 'NR == 1 { for (i = 1; i <= NF; i++) k[$i] = i; next }
		NR == r + 1 { print $(k[c]) }' "$out_file"
}

# The big inputs cost minutes under valgrind; make valgrind skips them.
not_under_valgrind() {
	[ -z "${CSPKIT_VALGRIND:-}" ] || skip "too slow under valgrind (${1:-big input})"
}
