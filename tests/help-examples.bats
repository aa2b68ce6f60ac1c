#!/usr/bin/env bats
# Every example of every pipeline's --help runs as written, from the root
# of a copy of the tree, on the bundled samples (and ../shared/data where
# an example names it): exit 0 and something said or printed.
load test_helper

setup() {
	cd "$ROOT"
	tmp=$BATS_TEST_TMPDIR
	export SOURCE_DATE_EPOCH=1764979200
}

# examples SCRIPT: the commands under "Examples:" in SCRIPT --help, one a
# line, a line ending in \ joined to the next; the block ends at the first
# line not indented (prose, or the remote examples batch.sh cannot run
# here).
examples() {
	sh "$1" --help | awk '
		/^Examples:/ { on = 1; next }
		on && !/^  / { exit }
		on {
			sub(/^ +/, "")
			if (sub(/\\$/, "")) { cmd = cmd $0; next }
			print cmd $0; cmd = ""
		}'
}

# copy DIR: the tree as a user has it (the tools from $CSPKIT_BIN), with
# ../shared beside it when it is there.
copy() {
	mkdir -p "$1/repo/lib" "$1/repo/tests"
	cp -R Makefile pipelines samples "$1/repo/"
	cp -R lib/data "$1/repo/lib/"
	cp tests/deps.sh "$1/repo/tests/"
	[ ! -d "$SHARED" ] || ln -s "$(cd "$SHARED" && pwd)" "$1/shared"
}

# run_examples SCRIPT: each example of pipelines/SCRIPT, in order (a later
# one may read what an earlier one wrote).
run_examples() {
	local n=0 cmd
	examples "pipelines/$1" >"$tmp/$1.examples"
	[ -s "$tmp/$1.examples" ]
	copy "$tmp/$1"
	while IFS= read -r cmd; do
		n=$((n + 1))
		case $cmd in
		*../shared/*) [ -d "$SHARED/data" ] || { echo "# skipped (no ../shared): $cmd" >&3; continue; } ;;
		esac
		(cd "$tmp/$1/repo" && sh -c "$cmd") >"$tmp/out.$n" 2>&1 || {
			echo "failed: $cmd" >&2
			cat "$tmp/out.$n" >&2
			return 1
		}
		[ -s "$tmp/out.$n" ] || { echo "no output: $cmd" >&2; return 1; }
	done <"$tmp/$1.examples"
	[ "$n" -ge 1 ]
}

@test "every pipeline with --help has examples" {
	for p in pipelines/*.sh; do
		grep -q '^Examples:' "$p" || continue
		[ -n "$(examples "$p")" ]
	done
	# the pipelines a user runs all have them
	for p in minutes report-indicators borough-league dashboard ward-profile batch site; do
		[ -n "$(examples "pipelines/$p.sh")" ]
	done
}

# bats test_tags=stress
@test "borough-league.sh --help: each example runs" {
	run_examples borough-league.sh
}

# bats test_tags=stress
@test "dashboard.sh --help: each example runs" {
	run_examples dashboard.sh
}

# bats test_tags=stress
@test "ward-profile.sh --help: each example runs" {
	run_examples ward-profile.sh
}

# bats test_tags=stress
@test "minutes.sh --help: each example runs" {
	run_examples minutes.sh
}

# bats test_tags=stress
@test "report-indicators.sh --help: each example runs" {
	run_examples report-indicators.sh
}

# bats test_tags=stress
@test "batch.sh --help: each example runs" {
	run_examples batch.sh
}

# bats test_tags=stress
@test "site.sh --help: each example runs" {
	make -C "$ROOT" -s deps-run >/dev/null 2>&1 || skip "cannot install the make run packages here"
	run_examples site.sh
}
