#!/usr/bin/env bats
# Hostile surroundings for pipelines/*.sh and make pipelines (issue 21):
# file names that are shell text, option values awk would read as
# assignments or escapes, output directories under signals at each step of
# publishing, two runs into one directory, a full disk.
load hostile_helper

setup() {
	cd "$T"
	PIPE=$ROOT/pipelines
	PACK_A=$ROOT/samples/minutes/agenda-pack.txt
	PACK_B=$ROOT/samples/minutes/liaison-group.txt
}

teardown() {
	if [ -n "${MOUNTED:-}" ]; then umount "$MOUNTED" || :; fi
}

# no_injection: no file made by an injected command, anywhere near.
no_injection() {
	local hit
	hit=$(find "$T" "$ROOT" -name PWNED -o -name X -o -name Y 2>/dev/null | head -3)
	[ -z "$hit" ] || { echo "injected command ran: $hit" >&2; return 1; }
}

# make_copy DIR: the Makefile, scripts and data, with an empty samples/ (the
# tools are $CSPKIT_BIN).
make_copy() {
	mkdir -p "$1/lib" "$1/samples"
	cp -R "$ROOT/Makefile" "$ROOT/pipelines" "$1/"
	cp -R "$ROOT/lib/data" "$1/lib/"
}

# The pack names of the red team: command substitution both ways, a quote,
# a space.
ODD_NAMES=('a`id>PWNED`.txt' 'b$(id>X).txt' "d'e.txt" 'with space.txt' 'c;touch Y.txt')

@test "make pipelines DATA=: a file name is one argument, never shell text" {
	make_copy "$T/m"
	mkdir -p "$T/data/minutes" "$T/data/mps"
	for n in "${ODD_NAMES[@]}"; do cp "$PACK_A" "$T/data/minutes/$n"; done
	cp "$ROOT/samples/mps/ward_2022_wards.csv" "$T/data/mps/ward \$(id>X).csv"
	run_split make -C "$T/m" -s pipelines DATA="$T/data"
	expect_status 0
	err_empty
	no_injection
	for n in "${ODD_NAMES[@]}"; do
		d="$T/m/out/minutes/${n%.txt}"
		[ "$(sed 1d "$d/minutes.tsv" | cut -f1 | sort -u)" = "$T/data/minutes/$n" ]
		[ "$(wc -l <"$d/actions.tsv")" -eq 2 ]
	done
	[ "$(wc -l <"$T/m/out/wards/ward \$(id>X)/wards.tsv")" -gt 1 ]
	# the summary lists them, each whole
	run_split make -C "$T/m" -s pipeline-dirs DATA="$T/data"
	eval "set -- $(cat "$out_file")"
	[ "$#" -eq 6 ]
	[ "$1" = 'out/minutes/a`id>PWNED`/' ]
	[ "$6" = 'out/wards/ward $(id>X)/' ]
	# nothing changed: a rerun writes nothing
	touch "$T/mark"
	make -C "$T/m" -s pipelines DATA="$T/data"
	[ -z "$(find -L "$T/m/out" -newer "$T/mark")" ]
	no_injection
}

@test "make pipelines 'DATA=/tmp/with space' runs the folder; a DATA that is not there fails" {
	make_copy "$T/m"
	mkdir -p "$T/with space/minutes"
	cp "$PACK_A" "$T/with space/minutes/pack.txt"
	run_split make -C "$T/m" -s pipelines DATA="$T/with space/"
	expect_status 0
	[ "$(sed -n 2p "$T/m/out/minutes/pack/minutes.tsv" | cut -f1)" = "$T/with space/minutes/pack.txt" ]
	run_split make -C "$T/m" -s pipelines DATA="$T/nothing here"
	expect_status 2
	[ "$(head -1 "$err_file")" = "datasets: DATA='$T/nothing here': no such directory" ]
	# make run's summary lists it; a DATA that is not there fails make run
	run_split sh "$T/m/pipelines/run-samples.sh" DATA="$T/with space/"
	expect_status 0
	grep -q '^  out/minutes/pack/  *6 ' "$out_file"
	run_split sh "$T/m/pipelines/run-samples.sh" DATA="$T/nothing here"
	expect_status 1
	grep -qxF "datasets: DATA='$T/nothing here': no such directory" "$err_file"
}

@test "an -o value shaped like name=value, or with a backslash: the tables as with any name" {
	sh "$PIPE/report-indicators.sh" -q -o plain "$ROOT/samples/reports/dashboard-tab.txt"
	sh "$PIPE/dashboard.sh" -q -o dplain "$ROOT/samples/mps/borough_2019_vintage.csv" </dev/null
	for o in 'res=5' 'back\slash' '-dash'; do
		run_split sh "$PIPE/report-indicators.sh" -q -o "$o" -- "$ROOT/samples/reports/dashboard-tab.txt"
		expect_status 0
		err_empty
		diff -r plain "./$o"
		run_split sh "$PIPE/dashboard.sh" -q -o "d$o" -- "$ROOT/samples/mps/borough_2019_vintage.csv" </dev/null
		expect_status 0
		diff -r dplain "./d$o"
	done
	[ "$(wc -l <'res=5/rag.tsv')" -gt 10 ]
}

@test "--area 'Barnet\\' is not Barnet (no awk -v escapes)" {
	run_split sh "$PIPE/borough-league.sh" -q -o l --area 'Barnet\' "$ROOT/samples/mps/borough_2019_vintage.csv"
	expect_status 0
	[ -z "$(awk -F'\t' '$13 == "yes"' l/league.tsv)" ]
	grep -qxF 'borough-league: Barnet\: no ranked rows for this area' l/warnings.txt
	run_split sh "$PIPE/dashboard.sh" -q -o d --peers none --area 'Barnet\' "$ROOT/samples/mps/borough_2019_vintage.csv"
	expect_status 1
	[ "$(tail -1 "$err_file")" = "dashboard: $ROOT/samples/mps/borough_2019_vintage.csv: no rows for the area 'Barnet\'" ]
}

@test "a file name ending in a newline, and batch.sh on 'a -- b.txt'" {
	f="$T/pack
"
	cp "$PACK_A" "$f"
	run_split sh "$PIPE/minutes.sh" -q -o m "$f"
	expect_status 0
	[ "$(wc -l <m/actions.tsv)" -eq 2 ]
	# a message about such a name stays one line
	run_split sh "$PIPE/minutes.sh" -q -o m2 "$T/no
such"
	expect_status 1
	[ "$(cat "$err_file")" = "minutes: $T/no\nsuch: cannot read" ]
	cp "$PACK_A" "$T/a -- b.txt"
	run_split sh "$PIPE/batch.sh" --runner xargs -q -o r minutes "$T/a -- b.txt"
	expect_status 0
	err_empty
	[ "$(wc -l <'r/a -- b/actions.tsv')" -eq 2 ]
}

@test "-o naming a directory with other files in it: refused, the files kept" {
	mkdir mine
	echo keep >mine/notes.txt
	run_split sh "$PIPE/minutes.sh" -q -o mine "$PACK_A"
	expect_status 1
	[ "$(cat "$err_file")" = "minutes: mine: holds 'notes.txt', not a table of minutes: move it or choose another -o" ]
	[ "$(cat mine/notes.txt)" = keep ]
	# a directory of the old layout (tables and .work.* in it) is taken over
	rm mine/notes.txt
	mkdir mine/.work.abc
	echo old >mine/minutes.tsv
	sh "$PIPE/minutes.sh" -q -o mine "$PACK_A"
	[ -L mine ]
	[ "$(wc -l <mine/actions.tsv)" -eq 2 ]
}

# ---- publishing: all or nothing ------------------------------------------

# hang_bin: tools and mv, ln, rm that stop (say so in $T/started, then
# sleep) when called for the publish step named by $HANG_AT:
#   gen      moving a table into the new generation
#   link     making the new link
#   flip     renaming the link over the output directory (before it)
#   flipped  just after that rename
#   clean    removing the old generation
hang_bin() {
	mkdir -p "$T/bin"
	for t in "$CSPKIT_BIN"/*; do ln -sf "$t" "$T/bin/"; done
	for c in mv ln rm; do
		cat >"$T/bin/$c" <<-EOF
		#!/bin/sh
		real=\$(PATH=/usr/bin:/bin command -v $c)
		hang() { : >"$T/started"; exec sleep 60; }
		case "$c:\$HANG_AT:\$*" in
		mv:gen:"-f -- "*/work.*/*" "*/gen-?/*) hang ;;
		ln:link:*) hang ;;
		mv:flip:"-T -f -- "*) hang ;;
		mv:flipped:"-T -f -- "*) "\$real" "\$@"; hang ;;
		rm:clean:"-rf -- "*/gen-?) hang ;;
		esac
		exec "\$real" "\$@"
		EOF
		chmod +x "$T/bin/$c"
	done
}

# interrupt SIGNAL STEP: run minutes.sh on pack B into m (which holds pack
# A's tables), stop it at STEP, send SIGNAL to its process group.
interrupt() {
	rm -f "$T/started"
	HANG_AT=$2 CSPKIT_BIN=$T/bin setsid env --default-signal=INT \
		sh "$PIPE/minutes.sh" -q -o m "$PACK_B" &
	pid=$!
	for _ in $(seq 300); do [ -e "$T/started" ] && break; sleep 0.1; done
	[ -e "$T/started" ]
	kill "-$1" -- "-$pid"
	st=0
	wait "$pid" || st=$?
}

# only_whole: the state beside m holds its lock and one generation.
only_whole() {
	[ "$(ls -A .m.cspkit | tr '\n' ' ')" = "$(readlink m | sed 's|.*/||') lock " ]
}

# bats test_tags=stress
@test "a signal at each step of publish: the old tables or the new, whole; the next run clears the rest" {
	command -v setsid >/dev/null || skip "setsid not installed"
	sh "$PIPE/minutes.sh" -q -o a "$PACK_A"
	sh "$PIPE/minutes.sh" -q -o b "$PACK_B"
	hang_bin
	for sig in INT TERM KILL; do
		for at in gen link flip flipped clean; do
			rm -rf m .m.cspkit
			sh "$PIPE/minutes.sh" -q -o m "$PACK_A"
			interrupt "$sig" "$at"
			case $sig in INT) [ "$st" -eq 130 ] ;; TERM) [ "$st" -eq 143 ] ;; KILL) [ "$st" -eq 137 ] ;; esac
			case $at in
			flipped | clean) diff -r b m || { echo "$sig at $at: not the new tables" >&2; false; } ;;
			*) diff -r a m || { echo "$sig at $at: not the old tables" >&2; false; } ;;
			esac
			# a caught signal cleans up at once; KILL leaves work for the next run
			[ "$sig" = KILL ] || [ "$at" = clean ] || only_whole || { echo "$sig at $at: left $(ls -A .m.cspkit)" >&2; false; }
			sh "$PIPE/minutes.sh" -q -o m "$PACK_A"
			diff -r a m
			only_whole
		done
	done
}

# bats test_tags=stress
@test "killed runs leave work directories; the next run removes them all" {
	command -v setsid >/dev/null || skip "setsid not installed"
	sh "$PIPE/minutes.sh" -q -o m "$PACK_A"
	hang_bin
	for _ in 1 2 3; do interrupt KILL gen; done
	# each run clears what the one before left: one dead run's work is here
	[ "$(ls -d .m.cspkit/work.* | wc -l)" -eq 1 ]
	sh "$PIPE/minutes.sh" -q -o m "$PACK_B"
	only_whole
}

# bats test_tags=stress
@test "two runs into one directory at once, ten times: one pack's tables, never a mix" {
	sh "$PIPE/minutes.sh" -q -o a "$PACK_A"
	sh "$PIPE/minutes.sh" -q -o b "$PACK_B"
	for i in 1 2 3 4 5 6 7 8 9 10; do
		sh "$PIPE/minutes.sh" -q -o m "$PACK_A" & p1=$!
		sh "$PIPE/minutes.sh" -q -o m "$PACK_B" & p2=$!
		wait "$p1"
		wait "$p2"
		diff -r a m >/dev/null || diff -r b m
		only_whole
	done
}

# bats test_tags=stress
@test "make interrupted at each step of a pipeline's publish: every table whole" {
	command -v setsid >/dev/null || skip "setsid not installed"
	make_copy "$T/k"
	mkdir -p "$T/k/samples/minutes"
	cp "$PACK_A" "$T/k/samples/minutes/pack.txt"
	make -C "$T/k" -s pipelines
	cp -R "$T/k/out/minutes/pack/." "$T/before"
	hang_bin
	# (the pack is only touched: the old and the new tables are the same,
	# so make deleting any of them, as .DELETE_ON_ERROR would, shows)
	for at in gen flip flipped clean; do
		touch "$T/k/samples/minutes/pack.txt"
		rm -f "$T/started"
		HANG_AT=$at CSPKIT_BIN=$T/bin setsid env --default-signal=INT make -C "$T/k" -s pipelines &
		pid=$!
		for _ in $(seq 300); do [ -e "$T/started" ] && break; sleep 0.1; done
		[ -e "$T/started" ]
		kill -INT -- "-$pid"
		wait "$pid" || :
		diff -r "$T/before" "$T/k/out/minutes/pack" || { echo "INT at $at" >&2; false; }
	done
}

# bats test_tags=stress
@test "a full disk: minutes.sh passes the tool's own message, not only its exit" {
	mkdir full
	mount -t tmpfs -o size=64k tmpfs "$T/full" 2>/dev/null || skip "cannot mount a small tmpfs here (not root)"
	MOUNTED=$T/full
	for _ in $(seq 400); do cat "$PACK_A"; done >big.txt
	run_split sh "$PIPE/minutes.sh" -q -o full/m big.txt
	expect_status 1
	[ "$(cat "$err_file")" = "extract-minutes: write error: No space left on device
minutes: extract-minutes failed (exit 1)" ]
	[ ! -e full/m ]
}
