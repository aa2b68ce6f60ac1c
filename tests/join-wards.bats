#!/usr/bin/env bats
# join-wards: ward code, borough, boundary set and population for rows that
# name a ward.  Samples in samples/wards/, golden files in
# tests/golden/join-wards/.
load test_helper

setup() {
	cd "$SAMPLES/wards"
}

# ---- matching on the samples --------------------------------------------

@test "indicator table: names with --borough, boundary set from the period" {
	run_split join-wards --borough Barnet barnet-ward-indicators.tsv
	[ "$status" -eq 0 ]
	golden join-wards/indicators-borough
	assert_tsv
}

@test "indicator table: -c matches the code first, names fill the rest" {
	run_split join-wards -c area_code --borough Barnet barnet-ward-indicators.tsv
	[ "$status" -eq 0 ]
	golden join-wards/indicators-code
	assert_tsv
}

@test "indicator table: --vintage overrides the period" {
	run_split join-wards --vintage 2022 --borough 'London Borough of Barnet' barnet-ward-indicators.tsv
	[ "$status" -eq 0 ]
	golden join-wards/indicators-vintage2022
	assert_tsv
}

@test "indicator table without a borough: same-named wards are ambiguous" {
	run_split join-wards barnet-ward-indicators.tsv
	[ "$status" -eq 0 ]
	golden join-wards/indicators-noborough
	assert_tsv
}

@test "-b: the borough column tells Abbey, Village and Queen's Park apart" {
	run_split join-wards -k ward -b borough london-ward-burglary.tsv
	[ "$status" -eq 0 ]
	golden join-wards/london-borough
	assert_tsv
}

@test "--strict: the same output, exit 1 on a warning" {
	run_split join-wards --strict -k ward -b borough london-ward-burglary.tsv
	[ "$status" -eq 1 ]
	golden join-wards/london-borough
}

@test "--strict with every row matched exits 0" {
	run_split join-wards --strict -k ward -b borough -r ward-lookup-2019.csv <(head -3 london-ward-burglary.tsv)
	[ "$status" -eq 0 ]
	[ "$(wc -l < "$out_file")" -eq 3 ]
	[ ! -s "$err_file" ]
}

@test "-r: an ONS-shaped CSV lookup with BOM, CRLF, quoted names and a population" {
	run_split join-wards -k ward -b borough -r ward-lookup-2019.csv --ref-population census2011 london-ward-burglary.tsv
	[ "$status" -eq 0 ]
	golden join-wards/ref-csv
	assert_tsv
}

@test "-r: a TSV lookup in ONS shape" {
	run_split join-wards -k ward -b borough -r ward-lookup-2023.tsv london-ward-burglary.tsv
	[ "$status" -eq 0 ]
	golden join-wards/ref-tsv
	assert_tsv
}

@test "-r with --ref-code and --ref-name for other column names" {
	printf 'code\tlabel\tLAD23CD\tLAD23NM\nE05013630\tBurnt Oak\tE09000003\tBarnet\n' > "$BATS_TEST_TMPDIR/own.tsv"
	printf 'area\nburnt  oak ward\n' | {
		run_split join-wards -r "$BATS_TEST_TMPDIR/own.tsv" --ref-code code --ref-name label
		[ "$status" -eq 0 ]
		[ "$(cat "$out_file")" = "$(printf 'area\tward_code\tward_name\tlad_code\tlad_name\tvintage\tpopulation\tpopulation_source\nburnt  oak ward\tE05013630\tBurnt Oak\tE09000003\tBarnet\t\t\t')" ]
		[ ! -s "$err_file" ]
	}
}

@test "pass-through: a second run overwrites the added columns in place" {
	join-wards --borough Barnet barnet-ward-indicators.tsv 2>/dev/null > "$BATS_TEST_TMPDIR/once.tsv"
	run_split join-wards --borough Barnet "$BATS_TEST_TMPDIR/once.tsv"
	[ "$status" -eq 0 ]
	diff -u "$BATS_TEST_TMPDIR/once.tsv" "$out_file"
}

@test "several files are one stream with one header" {
	run_split join-wards -k ward -b borough london-ward-burglary.tsv london-ward-burglary.tsv
	[ "$status" -eq 0 ]
	[ "$(grep -c '^ward' "$out_file")" -eq 1 ]
	[ "$(wc -l < "$out_file")" -eq 25 ]
	[ "$(tail -1 "$err_file")" = "join-wards: 4 warnings" ]
}

@test "a code in both boundary sets takes the set from the period, else none" {
	printf 'area\tarea_code\tperiod\nx\tE05011229\t2021-03\nx\tE05011229\t2024-03\nx\tE05011229\t\n' > "$BATS_TEST_TMPDIR/bexley.tsv"
	run_split join-wards -c area_code "$BATS_TEST_TMPDIR/bexley.tsv"
	[ "$status" -eq 0 ]
	[ ! -s "$err_file" ]
	[ "$(cut -f4,8 "$out_file" | tail -3 | tr '\t\n' ':,')" = "E05011229:2014,E05011229:2022,E05011229:," ]
}

# ---- bad input ------------------------------------------------------------

# bad_lookup FILE CONTENT MESSAGE: a lookup holding CONTENT (printf
# format) is refused with exit 1, no output and exactly MESSAGE.
bad_lookup() {
	cd "$BATS_TEST_TMPDIR"
	printf "$2" > "$1"
	run_split join-wards -r "$1" "$SAMPLES/wards/london-ward-burglary.tsv"
	[ "$status" -eq 1 ]
	[ ! -s "$out_file" ]
	[ "$(cat "$err_file")" = "join-wards: $3" ]
}

@test "a lookup without a ward code or name column is a data error" {
	bad_lookup lads.csv 'LAD23CD,LAD23NM\nE09000003,Barnet\n' \
		"lads.csv: no ward code column (ward_code or WDyyCD); name it with --ref-code"
	bad_lookup codes.tsv 'WD23CD\tLAD23CD\nE05013630\tE09000003\n' \
		"codes.tsv: no ward name column (ward_name or WDyyNM); name it with --ref-name"
}

@test "--ref-code naming a column the lookup lacks is a usage error" {
	run_split join-wards -r ward-lookup-2019.csv --ref-code WD22CD london-ward-burglary.tsv
	[ "$status" -eq 2 ]
	[ ! -s "$out_file" ]
	golden join-wards/err-ref-code
}

@test "a ragged row in the lookup names file and line" {
	bad_lookup ragged.csv 'WD19CD,WD19NM,LAD19CD,LAD19NM\nE05000044,Burnt Oak,E09000003,Barnet\nE05000054,Hale,E09000003\n' \
		"ragged.csv:3: 3 fields, the header has 4"
}

@test "a ragged row in the input names file and line" {
	cd "$BATS_TEST_TMPDIR"
	printf 'area\tvalue\nHale\t3\nBurnt Oak\n' > ragged.tsv
	run_split join-wards --borough Barnet --vintage 2014 ragged.tsv
	[ "$status" -eq 1 ]
	[ "$(head -1 "$out_file" | cut -f1-3)" = "$(printf 'area\tvalue\tward_code')" ]
	grep -q '^join-wards: ragged.tsv:3: ' "$err_file"
}

@test "an empty reference and a header-only reference are data errors" {
	bad_lookup empty.csv '' "empty.csv: empty reference"
	bad_lookup header.tsv 'WD23CD\tWD23NM\tLAD23CD\tLAD23NM\n' "header.tsv: no wards in the reference"
}

@test "a directory or a missing file as reference is a data error" {
	run_split join-wards -r "$BATS_TEST_TMPDIR" london-ward-burglary.tsv
	[ "$status" -eq 1 ]
	[ "$(cat "$err_file")" = "join-wards: $BATS_TEST_TMPDIR: is a directory, not a ward lookup" ]
	run_split join-wards -r no-such-lookup.csv london-ward-burglary.tsv
	[ "$status" -eq 1 ]
	[ "$(cat "$err_file")" = "join-wards: no-such-lookup.csv: No such file or directory" ]
}

@test "a missing -k column is a usage error before any data" {
	run_split join-wards -k WardName london-ward-burglary.tsv
	[ "$status" -eq 2 ]
	[ ! -s "$out_file" ]
	golden join-wards/err-key
}

@test "the default 'area' column is needed unless -c is given" {
	run_split join-wards london-ward-burglary.tsv
	[ "$status" -eq 2 ]
	[ ! -s "$out_file" ]
	grep -q "area" "$err_file"
	printf 'code\nE05000044\n' | {
		run_split join-wards -c code
		[ "$status" -eq 0 ]
		[ "$(tail -1 "$out_file")" = "$(printf 'E05000044\tE05000044\tBurnt Oak\tE09000003\tBarnet\t2014\t18217\tcensus2011')" ]
	}
}

@test "a missing -b column, an unknown --borough or --vintage are usage errors" {
	run_split join-wards -k ward -b council london-ward-burglary.tsv
	[ "$status" -eq 2 ]
	[ ! -s "$out_file" ]
	run_split join-wards -k ward --borough Gotham london-ward-burglary.tsv
	[ "$status" -eq 2 ]
	[ ! -s "$out_file" ]
	golden join-wards/err-borough
	run_split join-wards -k ward --vintage 2018 london-ward-burglary.tsv
	[ "$status" -eq 2 ]
	[ ! -s "$out_file" ]
	golden join-wards/err-vintage
	run_split join-wards -k ward -b borough --borough Barnet london-ward-burglary.tsv
	[ "$status" -eq 2 ]
	run_split join-wards --no-such-option london-ward-burglary.tsv
	[ "$status" -eq 2 ]
}

@test "empty input: no output, exit 0" {
	run_split join-wards < /dev/null
	[ "$status" -eq 0 ]
	[ ! -s "$out_file" ]
	[ ! -s "$err_file" ]
}

@test "bad bytes in a name never break the output" {
	printf 'area\tperiod\nBurnt\001 Oak\xff\t2021-03\n\tx\nHale\t2021-03\n' | {
		run_split join-wards --borough Barnet
		[ "$status" -eq 0 ]
		assert_tsv
		[ "$(wc -l < "$out_file")" -eq 4 ]
		[ "$(tail -1 "$out_file" | cut -f3)" = E05000054 ]
		[ "$(tail -1 "$err_file")" = "join-wards: 2 warnings" ]
	}
}

@test "a write error is exit 1" {
	[ -w /dev/full ] || skip "no /dev/full"
	run_split sh -c 'join-wards --borough Barnet barnet-ward-indicators.tsv > /dev/full'
	[ "$status" -eq 1 ]
}

@test "-h prints usage with examples; -V prints the version" {
	run_split join-wards -h
	[ "$status" -eq 0 ]
	grep -q '^Usage: join-wards' "$out_file"
	grep -q 'Examples:' "$out_file"
	run_split join-wards -V
	[ "$status" -eq 0 ]
	grep -q '^join-wards (cspkit) ' "$out_file"
}

# ---- the built-in table ------------------------------------------------------

@test "wards.tsv: both London boundary sets, Barnet's 21 and 24 wards" {
	local t="$ROOT/lib/data/wards.tsv"
	[ "$(grep -v '^#' "$t" | awk -F'\t' 'NR>1 && $5==2014' | wc -l)" -eq 657 ]
	[ "$(grep -v '^#' "$t" | awk -F'\t' 'NR>1 && $5==2022' | wc -l)" -eq 704 ]
	[ "$(awk -F'\t' '$3=="E09000003" && $5==2014 {n++; s+=$6} END {print n, s}' "$t")" = "21 356386" ]
	# Census 2021 by 2022 ward: Barnet's 24 sum to 389,342 (ONS published
	# 389,344: cell-key perturbation); only the City's 25 wards have none.
	[ "$(awk -F'\t' '$3=="E09000003" && $5==2022 {n++; s+=$6} END {print n, s}' "$t")" = "24 389342" ]
	[ "$(awk -F'\t' '$5==2022 && $6=="" {print $3}' "$t" | sort | uniq -c | tr -s ' ')" = " 25 E09000001" ]
	[ "$(awk -F'\t' '$1 ~ /^E05/ {print $5, ($6 == "" ? "-" : $7)}' "$t" | sort | uniq -c | tr -s ' ')" = \
	  "$(printf ' 174 2014 -\n 483 2014 census2011\n 25 2022 -\n 679 2022 census2021')" ]
}

# bats test_tags=stress
@test "wards.tsv is what make-wards.sh builds from ../shared" {
	need_shared data
	need_shared ref
	cd "$ROOT"
	sh lib/data/make-wards.sh "$SHARED/data" "$SHARED/ref" | diff -u lib/data/wards.tsv -
}

# ---- every ward of the MPS ward files (../shared/data) ------------------------

# mps_join FILE VINTAGE: every record of an MPS ward file joined by name and
# borough; prints "matched total" and one line per distinct mismatch.
mps_join() {
	"$ROOT/tests/join-wards/mps-wards.sh" "$SHARED/data/$1" > "$BATS_TEST_TMPDIR/mps.tsv"
	join-wards -k ward -b borough --vintage "$2" "$BATS_TEST_TMPDIR/mps.tsv" \
		> "$BATS_TEST_TMPDIR/joined.tsv" 2> "$BATS_TEST_TMPDIR/joined.err" || return 1
	awk -F'\t' 'NR > 1 && $4 == $3 && $7 == $2 { ok++ }
		NR > 1 && !($4 == $3 && $7 == $2) { bad[$1 " (" $2 ") " $3 " -> [" $4 "]"]++ }
		END { print ok + 0, NR - 1; for (k in bad) print k, bad[k] }' "$BATS_TEST_TMPDIR/joined.tsv"
}

# bats test_tags=stress
@test "MPS 2014-ward file: all 22,168 records join by name and borough to their code" {
	need_shared data
	run mps_join mps_ward_crime_24m_2020-09_to_2022-08_2014wards.csv 2014
	[ "$status" -eq 0 ]
	[ "$output" = "22168 22168" ]
	[ ! -s "$BATS_TEST_TMPDIR/joined.err" ]
	# Barnet: 737 records, the 21 wards E05000043..E05000063.
	[ "$(awk -F'\t' '$2 == "Barnet" { n++; c[$4] } END { print n, length(c) }' "$BATS_TEST_TMPDIR/joined.tsv")" = "737 21" ]
	[ "$(awk -F'\t' '$2 == "Barnet" { print $4 }' "$BATS_TEST_TMPDIR/joined.tsv" | sort -u | sed -n '1p;$p' | tr '\n' ' ')" = "E05000043 E05000063 " ]
}

# bats test_tags=stress
@test "MPS 2022-ward file: all but Heathrow Villages join by name and borough" {
	need_shared data
	run mps_join mps_ward_crime_24m_2024-01_to_2025-12.csv 2022
	[ "$status" -eq 0 ]
	# The one exception: the MPS files Heathrow Villages (E05013570, in
	# Hillingdon) under its pseudo-borough "Aviation Security (SO18)",
	# which is not a local authority, so the name is not matched.
	[ "$output" = "$(printf '18676 18707\nHeathrow Villages (Aviation Security (SO18)) E05013570 -> [] 31')" ]
	# Ten of the 31 warnings are printed, the rest counted (--max-warnings).
	[ "$(grep -c 'borough "Aviation Security (SO18)" is not a local authority' "$BATS_TEST_TMPDIR/joined.err")" -eq 10 ]
	[ "$(tail -2 "$BATS_TEST_TMPDIR/joined.err")" = "$(printf '%s\n%s' \
		'join-wards: and 21 more like this: borough "..." is not a local authority of the reference' \
		'join-wards: 31 warnings')" ]
	# Barnet: 656 records, the 24 wards E05013628..E05013651.
	[ "$(awk -F'\t' '$2 == "Barnet" && $4 == $3 { n++; c[$4] } END { print n, length(c) }' "$BATS_TEST_TMPDIR/joined.tsv")" = "656 24" ]
	[ "$(awk -F'\t' '$2 == "Barnet" { print $4 }' "$BATS_TEST_TMPDIR/joined.tsv" | sort -u | sed -n '1p;$p' | tr '\n' ' ')" = "E05013628 E05013651 " ]
}

# bats test_tags=stress
@test "MPS ward files: every code matches exactly, Heathrow Villages included" {
	need_shared data
	for f in mps_ward_crime_24m_2020-09_to_2022-08_2014wards.csv mps_ward_crime_24m_2024-01_to_2025-12.csv; do
		"$ROOT/tests/join-wards/mps-wards.sh" "$SHARED/data/$f" > "$BATS_TEST_TMPDIR/mps.tsv"
		run_split join-wards -k ward -c code "$BATS_TEST_TMPDIR/mps.tsv"
		[ "$status" -eq 0 ]
		[ ! -s "$err_file" ]
		[ "$(awk -F'\t' 'NR > 1 && $4 != $3' "$out_file" | wc -l)" -eq 0 ]
	done
}

@test "the full ONS December 2023 lookup as -r: Barnet's 2022 wards by name" {
	need_shared data
	printf 'area\nBarnet Vale\nTotteridge and Woodside\nColindale North Ward\n' | {
		run_split join-wards --borough Barnet -r "$SHARED/data/ons_ward_to_lad_dec2023_uk.csv"
		[ "$status" -eq 0 ]
		[ ! -s "$err_file" ]
		[ "$(cut -f2,6 "$out_file" | tail -3 | tr '\t\n' ':,')" = "E05013628:2023,E05013646:2023,E05013632:2023," ]
	}
}

@test "an LSOA-level ONS lookup as -r: each ward kept once, no warnings" {
	need_shared data
	printf 'area\nBurnt Oak\nTotteridge and Woodside\n' | {
		run_split join-wards --strict --borough Barnet -r "$SHARED/data/ons_lsoa21_to_ward25_to_lad25_bestfit_ew_v2.csv"
		[ "$status" -eq 0 ]
		[ ! -s "$err_file" ]
		[ "$(cut -f2,6 "$out_file" | tail -2 | tr '\t\n' ':,')" = "E05013630:2025,E05013646:2025," ]
	}
}
