#!/usr/bin/env bats
# Hostile tables: ragged rows, duplicate and missing columns, numbers that
# overflow, populations that are zero or negative, a division by zero, and
# dates that do not exist.
load hostile_helper

# ---- ragged rows ---------------------------------------------------------

@test "a short row is a data error at file:line; the rows before it are written" {
	ind "$T/r.tsv" "$ROW_BARNET" 'x|3|Barnet|E09000003|2019-02'
	for tool in rag-flag "join-wards --borough Barnet"; do
		run_split $tool "$T/r.tsv"
		expect_status 1
		out_tsv
		err_has "$T/r.tsv:3: 5 fields, the header has 13"
		err_clean "${tool%% *}"
	done
	run_split rank-boroughs "$T/r.tsv"
	expect_status 1
	out_tsv
	err_has "rank-boroughs: $T/r.tsv:3: 5 fields, the header has 13"
}

@test "a long row (a stray tab) is a data error at file:line" {
	ind "$T/r.tsv" "$ROW_BARNET" "$ROW_BRENT|extra"
	run_split rag-flag "$T/r.tsv"
	expect_status 1
	out_tsv
	err_has "rag-flag: $T/r.tsv:3: 14 fields, the header has 13"
}

@test "a ragged MPS CSV record is a data error at file:line" {
	printf 'Borough,Major Category,Minor Category,201901,201902\nBarnet,Burglary,Burglary in a Dwelling,3\n' >"$T/r.csv"
	run_split normalise-crime "$T/r.csv"
	expect_status 1
	out_rows 0
	err_has "normalise-crime: $T/r.csv:2: ragged row: 4 fields, header has 5"
}

@test "an unterminated quote in a CSV is a data error at the line where the record starts" {
	printf 'Borough,Major Category,Minor Category,201901\nBarnet,Burglary,Burglary in a Dwelling,3\nBarnet,Burglary,"Burglary in Other Buildings,4\nBarnet,Robbery,Personal Property,5\n' >"$T/q.csv"
	run_split normalise-crime "$T/q.csv"
	expect_status 1
	out_tsv
	err_has "normalise-crime: $T/q.csv:3: unterminated quoted field"
}

@test "a police.uk file with a short row names file:line" {
	{ head -3 "$SAMPLES/police-uk/2019-02-metropolitan-street.csv"; printf ',2019-02,Metropolitan Police Service\n'; } >"$T/p.csv"
	run_split normalise-crime "$T/p.csv"
	expect_status 1
	out_tsv
	err_has "$T/p.csv:4:"
	err_clean normalise-crime
}

# ---- duplicate header names ----------------------------------------------

@test "a duplicate column that a tool reads is a usage error naming it" {
	{ printf '%s\tvalue\n' "$IND"; printf '%s\t99\n' "$ROW_BARNET" | tr '|' '\t'; } >"$T/d.tsv"
	run_split rag-flag "$T/d.tsv"
	expect_status 2
	out_empty
	err_has "rag-flag: $T/d.tsv: column 'value' appears twice in the header"
	run_split rank-boroughs "$T/d.tsv"
	expect_status 2
	out_empty
	err_has "rank-boroughs: $T/d.tsv: column 'value' appears twice in the header"
	{ printf '%s\tarea\n' "$IND"; printf '%s\tHale\n' "$ROW_BARNET" | tr '|' '\t'; } >"$T/a.tsv"
	run_split join-wards "$T/a.tsv"
	expect_status 2
	out_empty
	err_has "join-wards: $T/a.tsv: column 'area' appears twice in the header"
}

@test "a duplicate month column in an MPS file is reported, not written twice" {
	printf 'Borough,Major Category,Minor Category,201901,201901\nBarnet,Burglary,Burglary in a Dwelling,3,4\n' >"$T/d.csv"
	run_split normalise-crime "$T/d.csv"
	expect_status 1
	out_rows 0
	err_has "normalise-crime: $T/d.csv:1: month column 201901 appears twice in the header (columns 4 and 5)"
	err_clean normalise-crime
}

@test "a month column that is no month (201913, 2019-02) is reported, not dropped silently" {
	printf 'Borough,Major Category,Minor Category,201901,201913,2019-02\nBarnet,Burglary,Burglary in a Dwelling,3,4,5\n' >"$T/m.csv"
	run_split normalise-crime "$T/m.csv"
	expect_status 0
	out_rows 1
	[ "$(field 1 period)" = "2019-01" ] && [ "$(field 1 value)" = "3" ]
	err_has "normalise-crime: $T/m.csv:1: column 5 \"201913\" is not a month (YYYYMM); its figures are not read" \
		"normalise-crime: $T/m.csv:1: column 6 \"2019-02\" is not a month (YYYYMM); its figures are not read" \
		"normalise-crime: 2 warnings"
	run_split normalise-crime --strict "$T/m.csv"
	expect_status 1
}

@test "a second operand with another header is a data error at its line 1" {
	for tool in rag-flag rank-boroughs "join-wards --borough Barnet"; do
		run_split $tool "$SAMPLES/rag/dashboard.tsv" "$SAMPLES/rank/london-12m.tsv"
		expect_status 1
		out_tsv
		err_has "${tool%% *}: $SAMPLES/rank/london-12m.tsv:1: header differs from the first input's"
	done
}

# ---- missing required columns --------------------------------------------

@test "a missing column is a usage error named before any data is read" {
	printf 'area\tvalue\nBarnet\t12\n' >"$T/m.tsv"
	run_split rank-boroughs "$T/m.tsv"
	expect_status 2
	out_empty
	err_has "rank-boroughs: $T/m.tsv: no column 'period' in the header" "Try 'rank-boroughs --help'"
	run_split rag-flag --group-by ward "$T/m.tsv"
	expect_status 2
	out_empty
	err_has "rag-flag: $T/m.tsv:" "'ward'"
	run_split join-wards -k ward "$T/m.tsv"
	expect_status 2
	out_empty
	err_has "join-wards: $T/m.tsv: no column 'ward' in the header"
}

@test "an MPS file without its category columns names the header line" {
	printf 'Borough,Minor Category,201901\nBarnet,Burglary in a Dwelling,3\n' >"$T/m.csv"
	run_split normalise-crime "$T/m.csv"
	expect_status 1
	out_rows 0
	err_has "normalise-crime: $T/m.csv:1: not an MPS crime file header"
}

@test "a ward lookup without a code column is a data error naming the file and the fix" {
	printf 'foo,bar\n1,2\n' >"$T/ref.csv"
	run_split join-wards -r "$T/ref.csv" "$SAMPLES/wards/barnet-ward-indicators.tsv"
	expect_status 1
	out_empty
	err_has "join-wards: $T/ref.csv: no ward code column (ward_code or WDyyCD); name it with --ref-code"
	err_clean join-wards
}

# ---- numbers that overflow ----------------------------------------------

@test "1e400 and a 30-digit count are not ranked, each with a warning at file:line" {
	ind "$T/n.tsv" \
		'x|2|Barnet|E09000003|2019-02|2019-02-01|2019-02-28||burglary|Burglary|count|1e400|offences' \
		'x|3|Camden|E09000007|2019-02|2019-02-01|2019-02-28||burglary|Burglary|count|-1e308|offences' \
		"$ROW_BRENT"
	run_split rank-boroughs "$T/n.tsv"
	expect_status 0
	out_rows 3
	err_has "rank-boroughs: $T/n.tsv:2: Barnet: value '1e400' is not a number: not ranked" \
		"rank-boroughs: $T/n.tsv:3: Camden: value '-1e308' is not a number: not ranked"
	[ "$(field 1 rank)" = "" ]
	[ "$(field 3 rank)" = "1" ] && [ "$(field 3 rank_of)" = "1" ]
}

@test "a 30-digit count is not ranked with an empty rate" {
	ind "$T/n.tsv" \
		'x|2|Barnet|E09000003|2019-02|2019-02-01|2019-02-28||burglary|Burglary|count|123456789012345678901234567890|offences' \
		"$ROW_BRENT"
	run_split rank-boroughs "$T/n.tsv"
	expect_status 0
	err_has "$T/n.tsv:2: Barnet:"
	[ "$(field 1 rank)" = "" ]
}

@test "overflowing values give rag-flag no direction, and say why in rag_reason" {
	ind "$T/n.tsv" \
		'x|2|Barnet|E09000003|2019-02|2019-02-01|2019-02-28|2018-02|burglary|Burglary|pct_change|1e400|percent' \
		'x|3|Brent|E09000005|2019-02|2019-02-01|2019-02-28|2018-02|burglary|Burglary|pct_change|123456789012345678901234567890|percent'
	run_split rag-flag "$T/n.tsv"
	expect_status 0
	out_rows 2
	[ "$(field 1 direction)" = "" ] && [ "$(field 2 direction)" = "" ]
	grep -qF "'1e400' (not a number)" "$out_file"
	grep -qF "'123456789012345678901234567890' (not a number)" "$out_file"
}

@test "a 30-digit or 1e400 count in an MPS file is a data error at file:line" {
	printf 'Borough,Major Category,Minor Category,201901,201902\nBarnet,Burglary,Burglary in a Dwelling,3,1e400\n' >"$T/e.csv"
	run_split normalise-crime "$T/e.csv"
	expect_status 1
	out_tsv
	err_has "normalise-crime: $T/e.csv:2: not a count in column 2019-02: \"1e400\""
	printf 'Borough,Major Category,Minor Category,201901\nBarnet,Burglary,Burglary in a Dwelling,123456789012345678901234567890\n' >"$T/b.csv"
	run_split normalise-crime "$T/b.csv"
	expect_status 1
	out_rows 0
	err_has "normalise-crime: $T/b.csv:2: not a count in column 2019-01: \"123456789012345678901234567890\""
}

@test "a 30-digit figure in a report table is reported, and its neighbours still read" {
	printf '\t2017/18\t2018/19\nBurglary\t100\t90\nRobbery\t123456789012345678901234567890\t5\n' >"$T/t.txt"
	run_split normalise-crime --format text "$T/t.txt"
	expect_status 0
	out_rows 3
	[ "$(field 3 period)" = "2018/19" ] && [ "$(field 3 value)" = "5" ]
	err_has "normalise-crime: $T/t.txt:3: Robbery: \"123456789012345678901234567890\" cannot be kept exact (over 15 significant digits, or out of range); not read"
	# Space-separated (pdftotext): the row and the rows after it still read.
	printf '2017/18 2018/19\nBurglary 100 90\nRobbery 123456789012345678901234567890 5\nTheft 1e400 7\nCriminal damage 50 40\n' >"$T/s.txt"
	run_split normalise-crime --format text "$T/s.txt"
	expect_status 0
	out_rows 6
	[ "$(field 3 offence)" = "robbery" ] && [ "$(field 3 value)" = "5" ]
	[ "$(field 4 offence)" = "theft" ] && [ "$(field 4 value)" = "7" ]
	[ "$(field 6 offence)" = "criminal_damage_and_arson" ] && [ "$(field 6 value)" = "40" ]
	err_has "normalise-crime: $T/s.txt:3: Robbery: \"123456789012345678901234567890\" cannot be kept exact" \
		"normalise-crime: $T/s.txt:4: Theft: \"1e400\" cannot be kept exact" \
		"normalise-crime: 2 warnings"
	err_clean normalise-crime
}

@test "a tab table whose header has no cell over the labels: no figure under the wrong year" {
	printf '2017/18\t2018/19\nBurglary\t100\t90\n' >"$T/t.txt"
	run_split normalise-crime --format text "$T/t.txt"
	expect_status 0
	err_empty
	out_rows 2
	# The header's cells are over the figures, the labels have none.
	[ "$(field 1 period)" = "2017/18" ] && [ "$(field 1 value)" = "100" ]
	[ "$(field 2 period)" = "2018/19" ] && [ "$(field 2 value)" = "90" ]
	[ "$(field 1 offence)" = "burglary" ]
}

# ---- populations ----------------------------------------------------------

@test "a zero or negative population gives no rate and no rank, with a warning each" {
	{ printf '%s\tpopulation\n' "$IND"
	  printf '%s\t0\n%s\t-5000\n' "$ROW_BARNET" "$ROW_BRENT" | tr '|' '\t'
	  printf 'x\t16\tCamden\tE09000007\t2019-02\t2019-02-01\t2019-02-28\t\tburglary\tBurglary\tcount\t540\toffences\t270000\n'; } >"$T/p.tsv"
	run_split rank-boroughs --population input "$T/p.tsv"
	expect_status 0
	out_rows 3
	err_has "rank-boroughs: $T/p.tsv:2: Barnet: population 0 is not positive: no rate, not ranked" \
		"rank-boroughs: $T/p.tsv:3: Brent: population -5000 is not positive: no rate, not ranked"
	[ "$(field 1 rate_per_1000)" = "" ] && [ "$(field 1 rank)" = "" ]
	[ "$(field 2 rate_per_1000)" = "" ] && [ "$(field 2 rank)" = "" ]
	# Camden: 540 / 270000 * 1000 = 2.00, alone in the group.
	[ "$(field 3 rate_per_1000)" = "2.00" ] && [ "$(field 3 rank)" = "1" ]
}

@test "--strict turns the population warnings into exit 1" {
	{ printf '%s\tpopulation\n' "$IND"
	  printf '%s\t0\n%s\t327753\n' "$ROW_BARNET" "$ROW_BRENT" | tr '|' '\t'; } >"$T/p.tsv"
	run_split rank-boroughs --strict --population input "$T/p.tsv"
	expect_status 1
	out_rows 2
	err_has "$T/p.tsv:2: Barnet: population 0 is not positive"
	[ "$(field 2 rank)" = "1" ]
}

@test "a group in which no row can be ranked: rows pass through unranked, no undefined behaviour" {
	{ printf '%s\tpopulation\n' "$IND"; printf '%s\t0\n' "$ROW_BARNET" | tr '|' '\t'; } >"$T/p.tsv"
	run_split rank-boroughs --population input "$T/p.tsv"
	expect_status 0
	out_rows 1
	[ "$(field 1 rank)" = "" ]
	err_has "$T/p.tsv:2: Barnet: population 0 is not positive"
	err_clean rank-boroughs
}

# ---- division by zero -------------------------------------------------------

@test "a change from a base of 0 is worse, with no inf or nan anywhere" {
	ind "$T/z.tsv" \
		'x|2|Barnet|E09000003|2019-02|2019-02-01|2019-02-28|2018-02|burglary|Burglary|count|12|offences' \
		'x|3|Barnet|E09000003|2018-02|2018-02-01|2018-02-28||burglary|Burglary|count|0|offences'
	run_split rag-flag "$T/z.tsv"
	expect_status 0
	out_rows 2
	err_empty
	[ "$(field 1 direction)" = "worse" ] && [ "$(field 1 rag)" = "red" ]
	! grep -qiE 'inf|nan' "$out_file"
}

@test "a target of 0 is judged without dividing by it" {
	{ printf '%s\ttarget\n' "$IND"; printf '%s\t0\n' "$ROW_BARNET" | tr '|' '\t'; } >"$T/t.tsv"
	run_split rag-flag --target target "$T/t.tsv"
	expect_status 0
	out_rows 1
	[ "$(field 1 rag)" = "red" ]
	! grep -qiE 'inf|nan' "$out_file"
}

@test "--check with a stated change over a base of 0 writes no inf or nan" {
	printf '\t2017/18\t2018/19\t%% change\nBurglary\t0\t90\t15.0%%\n' >"$T/c.txt"
	run_split normalise-crime --format text --check --area Barnet "$T/c.txt"
	expect_status 0
	out_rows 3
	! grep -qiE 'inf|nan' "$out_file"
	! grep -qiE 'inf|nan' "$err_file"
}

@test "--window with a base year of zero counts leaves pct_change empty" {
	# Barnet burglary: 0 in every month of 2019, some in 2020.
	{ printf 'Borough,Major Category,Minor Category'
	  for y in 2019 2020; do for m in 01 02 03 04 05 06 07 08 09 10 11 12; do printf ',%s%s' $y $m; done; done
	  printf '\nBarnet,Burglary,Burglary in a Dwelling'
	  for i in $(seq 12); do printf ',0'; done
	  for i in $(seq 12); do printf ',5'; done
	  printf '\n'; } >"$T/w.csv"
	run_split normalise-crime --window 12 --window-only "$T/w.csv"
	expect_status 0
	out_rows 3
	err_empty
	[ "$(field 1 value)" = "60" ] && [ "$(field 2 value)" = "0" ]
	[ "$(field 3 measure)" = "pct_change" ] && [ "$(field 3 value)" = "" ]
}

@test "--window over a row with no count at all, or a file whose months another owns: no window row, no crash" {
	printf 'Borough,Major Category,Minor Category,201801,201802\nBarnet,Burglary,Burglary in a Dwelling,,\nBarnet,Robbery,Robbery of Personal Property,3,4\n' >"$T/e.csv"
	run_split normalise-crime --window 1 --window-only "$T/e.csv"
	expect_status 0
	out_rows 1
	[ "$(field 1 offence)" = "robbery_personal_property" ] && [ "$(field 1 value)" = "4" ]
	err_has "normalise-crime: $T/e.csv:2: no count for 2018-01 and later months; written empty"
	err_clean normalise-crime
	# Ward figures for the borough file's months are not summed (warned).
	run_split normalise-crime --window 12 --window-only "$SAMPLES/mps/borough_2024_vintage.csv" "$SAMPLES/mps/ward_2022_wards.csv"
	expect_status 0
	out_tsv
	err_has "ward_2022_wards.csv:1: 24 month(s) from 2024-01 are also in $SAMPLES/mps/borough_2024_vintage.csv"
	! grep -q 'ward_2022_wards' "$out_file"
}

# ---- dates that do not exist ---------------------------------------------------

@test "minutes dated 31 February 2019 keep an empty meeting_date and say so at file:line" {
	sed 's/WEDNESDAY 12 JUNE 2024/THURSDAY 31 FEBRUARY 2019/' "$SAMPLES/minutes/liaison-group.txt" >"$T/f.txt"
	run_split extract-minutes "$T/f.txt"
	expect_status 0
	out_rows 16
	err_has "extract-minutes: $T/f.txt:3: minutes with no readable date"
	[ "$(field 1 meeting_date)" = "" ]
	! grep -q '2019-02-31\|2019-03-03' "$out_file"
}

@test "a report period of '12 months to 31 February 2019' makes no row with that date" {
	printf 'Burglary\n\n12 months to 31 February 2019\t12 months to 31 January 2020\nBurglary\t402\t455\n' >"$T/f.txt"
	run_split normalise-crime --format text --area Barnet "$T/f.txt"
	expect_status 0
	out_tsv
	! grep -q '2019-02-31\|2019-03-0[123]' "$out_file"
}

@test "an MPS month column 201902 ends on 28 February, never on a 30th or 31st" {
	printf 'Borough,Major Category,Minor Category,201902\nBarnet,Burglary,Burglary in a Dwelling,3\n' >"$T/f.csv"
	run_split normalise-crime "$T/f.csv"
	expect_status 0
	out_rows 1
	[ "$(field 1 period_end)" = "2019-02-28" ]
}

# ---- numbers in options ------------------------------------------------------

@test "option values that overflow or are not numbers are usage errors naming the option" {
	for c in "rag-flag --band 1e400" "rag-flag --red-share nan" "rag-flag --target-value 1e400" \
		 "normalise-crime --window 99999999999999999999" "normalise-crime --window 0"; do
		run_split $c "$SAMPLES/rag/dashboard.tsv"
		tool=${c%% *} opt=${c#* }
		opt=${opt%% *}
		expect_status 2
		out_empty
		err_has "$tool: $opt: '" "Try '$tool --help'"
	done
}
