#!/usr/bin/env bats
# Resource limits: lib/re.c caps every PCRE2 match (match and depth
# limits), so a pathological subject costs bounded time and the tool says
# it gave up.  The taxonomy is the one place users give the tools a regex.
load hostile_helper

# An alternation under a repeat, and a label of 40 "a" and a '!' that it
# cannot match (the pattern is anchored): without limits, about fib(40) =
# 10^8 backtracking paths, where the match limit is 10^6.
evil_taxonomy() {
	printf 'key\tparent\tpattern\nburglary\t\t(a|aa)+\nrobbery\t\trobbery\n' >"$1"
}

@test "a catastrophic taxonomy pattern gives up on a pathological label, warns, and goes on" {
	evil_taxonomy "$T/tax.tsv"
	printf 'Borough,Major Category,Minor Category,201901\nBarnet,Burglary,aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!,3\nBarnet,Robbery,Robbery,4\n' >"$T/e.csv"
	run_split timeout 600 normalise-crime --taxonomy "$T/tax.tsv" --level major "$T/e.csv"
	expect_status 0
	out_rows 2
	run_split timeout 600 normalise-crime --taxonomy "$T/tax.tsv" "$T/e.csv"
	expect_status 0
	out_rows 2
	err_has "normalise-crime: $T/e.csv:2: taxonomy pattern 1 gave up on \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\"" \
		"normalise-crime: $T/e.csv:2: unmapped offence"
	err_clean normalise-crime
	[ "$(field 1 offence)" = "unmapped" ]
	# The next row is matched as usual.
	[ "$(field 2 offence)" = "robbery" ]
}

@test "the gave-up warning counts for --strict" {
	evil_taxonomy "$T/tax.tsv"
	printf 'Borough,Major Category,Minor Category,201901\nBarnet,Burglary,aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!,3\n' >"$T/e.csv"
	run_split timeout 600 normalise-crime --strict --taxonomy "$T/tax.tsv" "$T/e.csv"
	expect_status 1
	out_rows 1
	err_has "gave up on"
}

@test "a pathological label in report text: the limit is hit and reported, the table still read" {
	evil_taxonomy "$T/tax.tsv"
	printf '\t2017/18\t2018/19\naaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\t1\t2\nRobbery\t5\t6\n' >"$T/r.txt"
	run_split timeout 600 normalise-crime --format text --taxonomy "$T/tax.tsv" "$T/r.txt"
	expect_status 0
	out_tsv
	err_has "normalise-crime: $T/r.txt:2: taxonomy pattern 1 gave up on"
	[ "$(field 1 offence)" = "unmapped" ]
	[ "$(field 4 offence)" = "robbery" ] && [ "$(field 4 value)" = "6" ]
}

@test "the gave-up warning names the input file and line" {
	evil_taxonomy "$T/tax.tsv"
	printf 'Borough,Major Category,Minor Category,201901\nBarnet,Burglary,aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!,3\n' >"$T/e.csv"
	run_split normalise-crime --taxonomy "$T/tax.tsv" "$T/e.csv"
	err_has "normalise-crime: $T/e.csv:2: taxonomy pattern 1 gave up"
}

@test "a line of 100000 nested brackets and quotes in minutes and reports costs no stack" {
	{ head -c 100000 /dev/zero | tr '\0' '('; head -c 100000 /dev/zero | tr '\0' '"'; echo; } >"$T/n.txt"
	cat "$ROOT/samples/minutes/liaison-group.txt" >>"$T/n.txt"
	run_split extract-minutes "$T/n.txt"
	expect_status 0
	out_rows 16
	run_split normalise-crime --format text "$T/n.txt"
	expect_status 0
	out_tsv
}
