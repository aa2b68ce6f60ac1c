#!/usr/bin/env bats
# Size: a 50 MB line and a million tiny lines, for every tool.  Lines have
# no length limit (SPEC section 1); nothing here may crash, truncate a
# field or break the table.  Inputs are made in the test's temp directory.
# bats file_tags=stress
load hostile_helper

# big_line FILE PREFIX SUFFIX: PREFIX, 50 MB of "x", SUFFIX, LF.
big_line() {
	{ printf '%s' "$2"; head -c 50000000 /dev/zero | tr '\0' x; printf '%s\n' "$3"; } >"$1"
}

@test "a 50 MB line in minutes: no minutes found, no crash" {
	not_under_valgrind "a 50 MB line"
	big_line "$T/big.txt" "" ""
	run_split extract-minutes "$T/big.txt"
	expect_status 0
	out_rows 0
	err_has "extract-minutes: $T/big.txt: no minutes found"
	err_clean extract-minutes
}

@test "a 50 MB line inside real minutes: the minutes around it are still extracted" {
	not_under_valgrind "a 50 MB line"
	f=$ROOT/samples/minutes/liaison-group.txt
	{ head -12 "$f"; head -c 50000000 /dev/zero | tr '\0' x; echo; tail -n +13 "$f"; } >"$T/m.txt"
	extract-minutes --source m "$f" | cut -f1,3- >"$T/plain"
	run_split extract-minutes --source m "$T/m.txt"
	expect_status 0
	out_tsv
	# Same facts; the lines after the long one are one further down.
	cut -f1,3- "$out_file" | diff "$T/plain" -
}

@test "a 50 MB report line: normalise-crime text reads the table after it" {
	not_under_valgrind "a 50 MB line"
	big_line "$T/r.txt" "Burglary " ""
	printf '\t2017/18\t2018/19\nBurglary\t100\t90\n' >>"$T/r.txt"
	run_split normalise-crime --format text "$T/r.txt"
	expect_status 0
	out_rows 2
	[ "$(field 2 value)" = "90" ]
}

@test "a 50 MB CSV field: normalise-crime passes the label through whole" {
	not_under_valgrind "a 50 MB field"
	{ printf 'Borough,Major Category,Minor Category,201901\nBarnet,Burglary,"'
	  head -c 50000000 /dev/zero | tr '\0' x; printf '",3\n'; } >"$T/big.csv"
	run_split normalise-crime "$T/big.csv"
	expect_status 0
	out_rows 1
	err_has "normalise-crime: $T/big.csv:2: unmapped offence"
	[ "$(field 1 value)" = "3" ]
	[ "$(field 1 offence_label | wc -c)" -gt 50000000 ]
}

@test "a 50 MB TSV field: every TSV filter passes it through whole" {
	not_under_valgrind "a 50 MB field"
	{ printf '%s\nx\t2\t' "$IND"; head -c 50000000 /dev/zero | tr '\0' y
	  printf '\tE09000003\t2019-02\t2019-02-01\t2019-02-28\t\tburglary\tBurglary\tcount\t12\toffences\n'; } >"$T/big.tsv"
	for tool in rag-flag rank-boroughs "join-wards --borough Barnet"; do
		run_split $tool "$T/big.tsv"
		expect_status 0
		out_rows 1
		[ "$(field 1 area | wc -c)" -eq 50000001 ]
	done
}

@test "a million tiny lines of text: extract-minutes and normalise-crime finish with the header" {
	not_under_valgrind "a million lines"
	yes a | head -1000000 >"$T/m.txt"
	run_split extract-minutes "$T/m.txt"
	expect_status 0
	out_rows 0
	err_has "extract-minutes: $T/m.txt: no minutes found"
	run_split normalise-crime --format text "$T/m.txt"
	expect_status 0
	out_rows 0
	err_empty
}

@test "a million indicator rows: join-wards and rank-boroughs keep every row" {
	not_under_valgrind "a million rows"
	{ printf '%s\n' "$IND"
	  yes 'x	2	Burnt Oak		2019-02	2019-02-01	2019-02-28		burglary	Burglary	count	1	offences' | head -1000000; } >"$T/m.tsv"
	run_split join-wards --borough Barnet "$T/m.tsv"
	expect_status 0
	out_rows 1000000
	err_empty
	[ "$(field 1000000 ward_code)" = "E05000044" ]
	run_split rank-boroughs "$T/m.tsv"
	expect_status 0
	out_rows 1000000
}

@test "a million-row MPS file (one minor category per row) streams through" {
	not_under_valgrind "a million rows"
	awk 'BEGIN { print "Borough,Major Category,Minor Category,201901"
		for (i = 0; i < 1000000; i++) print "Barnet,Burglary,Burglary in a Dwelling," i % 7 }' >"$T/m.csv"
	run_split normalise-crime "$T/m.csv"
	expect_status 0
	out_rows 1000000
	err_empty
	[ "$(field 1000000 value)" = "$((999999 % 7))" ]
}

@test "20000 indicator rows in one group: rag-flag's output stays linear in its input" {
	{ printf '%s\n' "$IND"
	  yes 'x	2	Barnet	E09000003	2019-02	2019-02-01	2019-02-28		burglary	Burglary	count	1	offences' | head -20000; } >"$T/m.tsv"
	# Counted through a pipe: the quadratic output must not reach the disk.
	n=$(rag-flag "$T/m.tsv" 2>/dev/null | head -c 50000001 | wc -c)
	[ "$n" -le 50000000 ]
}
