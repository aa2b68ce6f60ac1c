#!/usr/bin/env bats
# Silent wrong answers and unclear failures in the tools (issue 21): each
# case the exact message and exit status, or the exact output.
load hostile_helper

MPS=$ROOT/samples/mps/borough_2019_vintage.csv

@test "normalise-crime --window 1: its own label, so rank-boroughs takes the rows" {
	run_split normalise-crime --format mps --window 1 --window-only "$MPS"
	expect_status 0
	[ "$(field 1 period)" = "1m to 2021-02" ]
	[ "$(field 2 period)" = "1m to 2020-02" ]
	[ "$(field 3 base_period)" = "1m to 2020-02" ]
	normalise-crime --format mps --window 1 --window-only "$MPS" 2>/dev/null |
		awk -F'\t' 'NR == 1 || ($11 == "count" && $8 == "" && $5 == "1m to 2021-02")' >"$T/w1.tsv"
	run_split rank-boroughs --rank-by value "$T/w1.tsv"
	expect_status 0
	[ "$(field 1 period)" = "1m to 2021-02" ]
	[ -n "$(field 1 rank)" ]
}

@test "normalise-crime --window 3,3 and --window 3 --window 3: each window row once" {
	normalise-crime --format mps --window 3 --window-only "$MPS" >"$T/one" 2>/dev/null
	run_split normalise-crime --format mps --window 3,3 --window-only "$MPS"
	expect_status 0
	cmp "$T/one" "$out_file"
	run_split normalise-crime --format mps --window 3 --window 3 --window-only "$MPS"
	cmp "$T/one" "$out_file"
}

@test "normalise-crime --window: a key with 2000 labels lists 5 and counts the rest" {
	awk 'BEGIN { printf "Borough,Major Category,Minor Category"
		for (m = 1; m <= 12; m++) printf ",2023%02d", m; print ""
		for (b = 1; b <= 2; b++) for (i = 0; i < 2000; i++) {
			printf "%s,Other,Odd %d", b == 1 ? "Barnet" : "Brent", i
			for (m = 1; m <= 12; m++) printf ",1"; print "" } }' >"$T/many.csv"
	run_split normalise-crime --format mps --window 3 --window-only "$T/many.csv"
	expect_status 0
	out_rows 2
	[ "$(field 1 offence_label)" = "Other / Odd 0 + Other / Odd 1 + Other / Odd 2 + Other / Odd 3 + Other / Odd 4 + 1995 more" ]
	[ "$(field 1 value)" = 6000 ]
}

@test "normalise-crime: a file name or --source in Latin-1 becomes valid UTF-8 in source" {
	f=$T/$(printf 'caf\351').csv
	cp "$MPS" "$f"
	run_split normalise-crime --format mps "$f"
	expect_status 0
	out_tsv
	[ "$(field 1 source)" = "$T/caf"$'\xef\xbf\xbd'".csv" ]
	run_split normalise-crime --format mps --source $'x\377y' "$MPS"
	out_tsv
	[ "$(field 1 source)" = $'x\xef\xbf\xbdy' ]
	# the TSV tools pass source through, cleaned the same way
	ind "$T/latin.tsv" $'caf\351.txt|14|Barnet|E09000003|2019-02|2019-02-01|2019-02-28||burglary|Burglary|count|943|offences'
	for tool in join-wards rank-boroughs rag-flag; do
		run_split "$tool" "$T/latin.tsv"
		out_tsv
		[ "$(field 1 source)" = "caf"$'\xef\xbf\xbd'".txt" ]
	done
}

@test "closed stdin (tool <&-): a data error, not an empty input" {
	for tool in extract-minutes normalise-crime join-wards rank-boroughs rag-flag; do
		out_file=$T/out err_file=$T/err
		set +e
		"$tool" <&- >"$out_file" 2>"$err_file"
		status=$?
		set -e
		expect_status 1
		[ "$(cat "$err_file")" = "$tool: -: standard input is closed" ]
	done
}

@test "a reference file with no line end, or too big: exit 1 at once, naming it" {
	for c in "normalise-crime --taxonomy" "join-wards -r" "rank-boroughs --peers" \
		 "rag-flag --polarity" "rag-flag --scheme"; do
		run_split $c /dev/zero </dev/null
		expect_status 1
		[ "$(cat "$err_file")" = "${c%% *}: /dev/zero:1: a line longer than 64 KiB, too long for a reference table" ]
	done
	not_under_valgrind "a 65 MB file"
	awk 'BEGIN { print "area"; s = sprintf("%01000d", 0); for (i = 0; i < 70000; i++) print s }' >"$T/huge.tsv"
	run_split rank-boroughs --peers "$T/huge.tsv" </dev/null
	expect_status 1
	[ "$(cat "$err_file")" = "rank-boroughs: $T/huge.tsv: larger than 64 MiB, too big for a reference table" ]
}

@test "a blank line in a TSV input is a warning with its line; --strict exit 1" {
	ind "$T/blank.tsv" "$ROW_BARNET" "$ROW_BRENT"
	sed -i '2a\\' "$T/blank.tsv"
	run_split rag-flag "$T/blank.tsv"
	expect_status 0
	out_rows 2
	[ "$(cat "$err_file")" = "rag-flag: $T/blank.tsv:3: blank line skipped
rag-flag: 1 warning" ]
	run_split rag-flag --strict "$T/blank.tsv"
	expect_status 1
}

@test "join-wards: an impossible period_start or period_end is warned and not used" {
	ind "$T/dates.tsv" \
		'd.txt|14|Burnt Oak||2024-02|2024-02-01|2024-02-30||burglary|Burglary|count|5|offences' \
		'd.txt|15|Burnt Oak||2021-02|2021-02-30|2021-02-28||burglary|Burglary|count|5|offences'
	run_split join-wards --borough Barnet "$T/dates.tsv"
	expect_status 0
	[ "$(cat "$err_file")" = "join-wards: $T/dates.tsv:2: period_end '2024-02-30' is not a date; not used
join-wards: $T/dates.tsv:3: period_start '2021-02-30' is not a date; not used
join-wards: 2 warnings" ]
	# each row's other date still decides its boundary set
	[ "$(field 1 vintage)" = 2022 ]
	[ "$(field 2 vintage)" = 2014 ]
}

@test "SIGPIPE ignored by the caller: | head -1 is still a quiet end, exit 0" {
	awk -v h="$IND" 'BEGIN { print h; for (i = 1; i <= 60000; i++)
		printf "x\t%d\tArea %d\t\t2019-02\t2019-02-01\t2019-02-28\t\tburglary\tBurglary\tcount\t%d\toffences\n", i, i, i }' >"$T/big.tsv"
	awk 'BEGIN { printf "Borough,Major Category,Minor Category"
		for (m = 1; m <= 12; m++) printf ",2023%02d", m; print ""
		for (i = 0; i < 4000; i++) { printf "Barnet,Other,Odd %d", i
			for (m = 1; m <= 12; m++) printf ",1"; print "" } }' >"$T/big.csv"
	for c in "rag-flag $T/big.tsv" "normalise-crime $T/big.csv"; do
		bash -c 'trap "" PIPE; "$@" 2>"'"$T/err"'" | head -1 >/dev/null; echo "${PIPESTATUS[0]}" >"'"$T/st"'"' sh $c
		[ "$(cat "$T/st")" -eq 0 ]
		! grep -q -e 'write error' -e 'Broken pipe' "$T/err"
	done
}

@test "a control character in a file name is escaped in the message: one line" {
	run_split rag-flag "$T/a
b	c"
	expect_status 1
	[ "$(cat "$err_file")" = "rag-flag: $T/a\\nb\\tc: No such file or directory" ]
}

@test "a defect of the built-in ward table names it with its directory" {
	mkdir "$T/data"
	cp "$ROOT"/lib/data/*.tsv "$T/data/"
	awk -F'\t' 'BEGIN { OFS = "\t" } !/^#/ && !h { h = 1; print; next }
		!/^#/ && !d { d = 1; $1 = "" } { print }' "$ROOT/lib/data/wards.tsv" >"$T/data/wards.tsv"
	line=$(grep -n -v '^#' "$T/data/wards.tsv" | sed -n 2p | cut -d: -f1)
	CSPKIT_DATA=$T/data run_split join-wards "$ROOT/samples/wards/barnet-ward-indicators.tsv"
	expect_status 1
	[ "$(cat "$err_file")" = "join-wards: $T/data/wards.tsv:$line: empty ward code" ]
}

@test "rank-boroughs --peers of areas not in the input: a warning, not empty ranks in silence" {
	printf 'area\nCardiff\nSwansea\n' >"$T/wales.tsv"
	run_split rank-boroughs --peers "$T/wales.tsv" "$ROOT/samples/rank/london-12m.tsv"
	expect_status 0
	grep -qxF "rank-boroughs: $T/wales.tsv: no member of the group is in the input: no group ranks" "$err_file"
	run_split rank-boroughs --strict --peers "$T/wales.tsv" "$ROOT/samples/rank/london-12m.tsv"
	expect_status 1
}
