#!/usr/bin/env bats
# rank-boroughs: rates per 1000 and London / peer-group ranks.
# Golden files in tests/golden/rank-boroughs/; every rank in them was
# checked by hand against the sample (see the comments per test).
load test_helper

setup() {
	cd "$ROOT"
	tmp=$BATS_TEST_TMPDIR
}

# Field NAME of the row whose area is AREA and offence OFF, from $out_file.
field() {
	awk -F'\t' -v a="$1" -v o="$2" -v want="$3" '
		NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
		$c["area"] == a && $c["offence"] == o { print $c[want] }' "$out_file"
}

# ---- samples ------------------------------------------------------------

@test "london-12m: 32 boroughs by rate; City, Heathrow pass through; missing and empty warned" {
	run_split rank-boroughs samples/rank/london-12m.tsv
	[ "$status" -eq 0 ]
	assert_tsv
	golden rank-boroughs/london
	# Kingston: 149 robberies / 179142 people = 0.83 per 1000, the lowest.
	[ "$(field Kingston robbery_personal_property rank)" = 1 ]
	[ "$(field Kingston robbery_personal_property rate_per_1000)" = 0.83 ]
	# "LB Sutton" is found by its code E09000029: 603 / 207707 = 2.90, 3rd.
	[ "$(field 'LB Sutton' burglary_residential rank)" = 3 ]
	# Ealing 886/340341 = 2.603 and Enfield 867/333587 = 2.599 both print
	# 2.60 but rank apart: ranks use the unrounded rate.
	[ "$(field Enfield robbery_personal_property rank)" = 16 ]
	[ "$(field Ealing robbery_personal_property rank)" = 17 ]
}

@test "--include-city ranks the City of London too (33)" {
	run_split rank-boroughs --include-city samples/rank/london-12m.tsv
	[ "$status" -eq 0 ]
	golden rank-boroughs/city
	# 38 / 10938 * 1000 = 3.47: just above Hillingdon's 3.46 (11th).
	[ "$(field 'City of London' burglary_residential rank)" = 12 ]
	[ "$(field 'City of London' burglary_residential rank_of)" = 33 ]
	[ "$(field 'Barking & Dagenham' burglary_residential rank)" = 10 ]
}

@test "--desc --by value: the highest count is 1st" {
	run_split rank-boroughs --desc --rank-by value samples/rank/london-12m.tsv
	[ "$status" -eq 0 ]
	golden rank-boroughs/desc
	[ "$(field Westminster robbery_personal_property rank)" = 1 ]
	[ "$(field Barnet burglary_residential rank)" = 1 ]     # 1831, the most
	# 301: only Kingston 149 and Richmond 233 are lower, of 29 ranked.
	[ "$(field Sutton robbery_personal_property rank)" = 27 ]
}

@test "--group: peer ranks over the members present, absent members warned once" {
	run_split rank-boroughs --peers group-barnet-msg samples/rank/london-12m.tsv
	[ "$status" -eq 0 ]
	assert_tsv
	golden rank-boroughs/peer
	# Barnet 4.59 burglary: Sutton, Croydon, Waltham Forest, Bromley,
	# Harrow, Ealing, Brent are lower: 8th of the 10 London members.
	[ "$(field Barnet burglary_residential group_rank)" = 8 ]
	[ "$(field Barnet burglary_residential group_of)" = 10 ]
}

@test "--check: stated ranks compared, non-London members ranked from the population column" {
	run_split rank-boroughs -p mid2019 --check --peers group-barnet-msg samples/rank/dashboard.tsv
	[ "$status" -eq 0 ]
	assert_tsv
	golden rank-boroughs/check
	# Eastbourne 517 / 103200 = 5.01, the lowest of the 14 with a rate.
	[ "$(field Eastbourne burglary group_rank)" = 1 ]
	grep -q 'stated rank 23/33, computed 20/32' "$err_file"
	grep -q 'stated group rank 15/15, computed 13/14' "$err_file"
	! grep -q 'robbery, count: stated' "$err_file"    # 9/32 is right
}

@test "--strict turns the warnings into exit 1" {
	run_split rank-boroughs --strict -p mid2019 --check samples/rank/dashboard.tsv
	[ "$status" -eq 1 ]
	[ -s "$out_file" ]
}

@test "stated rank rows are not ranked without --check" {
	run_split rank-boroughs -p mid2019 samples/rank/dashboard.tsv
	[ "$status" -eq 0 ]
	[ "$(awk -F'\t' '$7 == "rank" { print $11 $12 $13 $14 }' "$out_file" | sort -u)" = "" ]
}

@test "--areas any: wards ranked on the input population; ties share the lower rank" {
	run_split rank-boroughs --areas any samples/rank/wards.tsv
	[ "$status" -eq 0 ]
	golden rank-boroughs/wards-any
	# Finchley Church End and Garden Suburb: 140 / 15715 each, both 7th of 8.
	[ "$(field 'Garden Suburb' burglary rank)" = 7 ]
	[ "$(field 'Finchley Church End' burglary rank)" = 7 ]
}

@test "--areas any --by value: ties 1, 2, 2, 4" {
	run_split rank-boroughs --areas any --rank-by value samples/rank/wards.tsv
	[ "$status" -eq 0 ]
	golden rank-boroughs/wards-value
	[ "$(cut -f14 "$out_file" | sed -n '2,6p' | tr '\n' ' ')" = "1 2 9 2 4 " ]
}

@test "wards are not boroughs: they pass through, their population kept" {
	run_split rank-boroughs samples/rank/wards.tsv
	[ "$status" -eq 0 ]
	golden rank-boroughs/wards-london
	cmp <(cut -f1-12 "$out_file") samples/rank/wards.tsv
}

@test "--population input takes every population from the column" {
	awk -F'\t' -v OFS='\t' 'NR == 1 { print $0, "population"; next }
		$3 == "Barnet" { print $0, 400000; next } { print $0, "" }' \
		samples/rank/london-12m.tsv > "$tmp/pop.tsv"
	run_split rank-boroughs -p input "$tmp/pop.tsv"
	[ "$status" -eq 0 ]
	[ "$(field Barnet burglary_residential rate_per_1000)" = 4.58 ]   # 1831/400000
	[ "$(field Barnet burglary_residential rank_of)" = 1 ]
	# the other 59 borough rows with a value have no population: not
	# ranked, one warning each (Camden's robbery has no value instead):
	# ten printed, the rest counted.
	[ "$(grep -c 'pop.tsv:[0-9]*: .*: no population: not ranked$' "$err_file")" -eq 10 ]
	grep -qx 'rank-boroughs: and 49 more like this: no population: not ranked' "$err_file"
}

@test "measures: a rate is ranked as it is, a change by its value with no rate" {
	printf 'area\tperiod\toffence\tmeasure\tvalue\n' > "$tmp/m.tsv"
	printf 'Barnet\t2023\trobbery\trate_per_1000\t2.1\nBrent\t2023\trobbery\trate_per_1000\t1.9\n' >> "$tmp/m.tsv"
	printf 'Barnet\t2023\trobbery\tpct_change\t-4.0\nBrent\t2023\trobbery\tpct_change\t12.5\n' >> "$tmp/m.tsv"
	cd "$tmp"
	run_split rank-boroughs --areas any m.tsv
	[ "$status" -eq 0 ]
	[ "$(cut -f7-9 "$out_file" | tr '\t\n' ',;')" = "rate_per_1000,rank,rank_of;2.10,2,2;1.90,1,2;,1,2;,2,2;" ]
}

@test "--grouped on input sorted by group gives the same table as holding it all" {
	{ head -1 samples/rank/london-12m.tsv
	  tail -n +2 samples/rank/london-12m.tsv | sort -s -t"$(printf '\t')" -k8,8; } > "$tmp/sorted.tsv"
	rank-boroughs "$tmp/sorted.tsv" > "$tmp/all.out" 2> "$tmp/all.err"
	run_split rank-boroughs --grouped "$tmp/sorted.tsv"
	[ "$status" -eq 0 ]
	cmp "$tmp/all.out" "$out_file"
	cmp "$tmp/all.err" "$err_file"
}

@test "--grouped on interleaved groups is a data error at the line" {
	run_split rank-boroughs --grouped samples/rank/london-12m.tsv
	[ "$status" -eq 1 ]
	golden rank-boroughs/not-grouped
}

@test "the old spellings --group, --area, --by, -r, -s still work, each with one warning" {
	rank-boroughs --peers group-barnet-msg --key area --rank-by value --desc \
		samples/rank/london-12m.tsv > "$tmp/new.out" 2> "$tmp/new.err"
	run_split rank-boroughs --group group-barnet-msg --area area --by value -r -r \
		samples/rank/london-12m.tsv
	[ "$status" -eq 0 ]
	cmp "$tmp/new.out" "$out_file"
	golden rank-boroughs/deprecated
	run_split rank-boroughs --strict -s samples/rank/london-12m.tsv
	[ "$status" -eq 1 ]
	[ "$(head -1 "$err_file")" = "rank-boroughs: -s is deprecated: use --grouped" ]
}

@test "a second run overwrites the added columns in place" {
	rank-boroughs --peers group-barnet-msg samples/rank/london-12m.tsv > "$tmp/once.tsv" 2>/dev/null
	run_split rank-boroughs --peers group-barnet-msg "$tmp/once.tsv"
	[ "$status" -eq 0 ]
	cmp "$tmp/once.tsv" "$out_file"
}

@test "stdin, CRLF and a BOM read like the file" {
	rank-boroughs samples/rank/london-12m.tsv > "$tmp/lf.out" 2>/dev/null
	{ printf '\357\273\277'; sed 's/$/\r/' samples/rank/london-12m.tsv; } > "$tmp/crlf.tsv"
	run_split rank-boroughs - < "$tmp/crlf.tsv"
	[ "$status" -eq 0 ]
	cmp "$tmp/lf.out" "$out_file"
	grep -q '^rank-boroughs: -:14: Camden: no value' "$err_file"
}

@test "two files are one stream with one header" {
	head -34 samples/rank/london-12m.tsv > "$tmp/a.tsv"
	{ head -1 samples/rank/london-12m.tsv; tail -n +35 samples/rank/london-12m.tsv; } > "$tmp/b.tsv"
	rank-boroughs samples/rank/london-12m.tsv > "$tmp/one.out" 2>/dev/null
	run_split rank-boroughs "$tmp/a.tsv" "$tmp/b.tsv"
	[ "$status" -eq 0 ]
	cmp "$tmp/one.out" "$out_file"
}

@test "empty input: no output; header only: the header with the added columns" {
	run_split rank-boroughs /dev/null
	[ "$status" -eq 0 ]
	[ ! -s "$out_file" ] && [ ! -s "$err_file" ]
	head -1 samples/rank/london-12m.tsv > "$tmp/h.tsv"
	run_split rank-boroughs "$tmp/h.tsv"
	[ "$status" -eq 0 ]
	[ "$(cat "$out_file")" = "$(head -1 samples/rank/london-12m.tsv)$(printf '\tpopulation\trate_per_1000\trank\trank_of')" ]
}

# ---- errors -------------------------------------------------------------

@test "a missing column is a usage error before any data" {
	run_split rank-boroughs -g period,borough samples/rank/london-12m.tsv
	[ "$status" -eq 2 ]
	[ ! -s "$out_file" ]
	golden rank-boroughs/missing-column
	run_split rank-boroughs -p input samples/rank/london-12m.tsv
	[ "$status" -eq 2 ]
	grep -q "no column 'population'" "$err_file"
}

@test "a ragged row is a data error naming file:line" {
	cd "$tmp"
	printf 'area\tperiod\toffence\tmeasure\tvalue\nBarnet\t2023\trobbery\tcount\t824\nBrent\t2023\trobbery\tcount\n' > ragged.tsv
	run_split rank-boroughs ragged.tsv
	[ "$status" -eq 1 ]
	grep -qx 'rank-boroughs: ragged.tsv:3: 4 fields, the header has 5' "$err_file"
}

@test "a borough twice in one group (two spellings) is a data error" {
	cd "$tmp"
	printf 'area\tperiod\toffence\tmeasure\tvalue\n' > dup.tsv
	printf 'Barking and Dagenham\t2023\trobbery\tcount\t788\nBarnet\t2023\trobbery\tcount\t824\nBarking & Dagenham\t2023\trobbery\tcount\t790\n' >> dup.tsv
	run_split rank-boroughs dup.tsv
	[ "$status" -eq 1 ]
	grep -qx 'rank-boroughs: dup.tsv:4: Barking and Dagenham appears twice in group 2023, robbery, count (first at line 2)' "$err_file"
}

@test "--group: a plain list in the current directory; a member twice is an error" {
	cd "$tmp"
	printf 'Barnet\nHarrow\nKingston\n' > peers.txt
	run_split rank-boroughs --peers peers.txt "$ROOT/samples/rank/london-12m.tsv"
	[ "$status" -eq 0 ]
	# robbery: Kingston 0.83, Harrow 1.59, Barnet 2.07
	[ "$(field Barnet robbery_personal_property group_rank)/$(field Barnet robbery_personal_property group_of)" = 3/3 ]
	printf 'area\nBarnet\nHarrow\nKingston upon Thames\nKingston\n' > twice.tsv
	run_split rank-boroughs --peers twice.tsv "$ROOT/samples/rank/london-12m.tsv"
	[ "$status" -eq 1 ]
	grep -qx 'rank-boroughs: ./twice.tsv:5: Kingston upon Thames is listed twice in the group' "$err_file"
}

@test "a full disk is exit 1" {
	run_split rank-boroughs samples/rank/london-12m.tsv
	run bash -c 'rank-boroughs samples/rank/london-12m.tsv > /dev/full 2>/dev/null'
	[ "$status" -eq 1 ]
}

@test "options: help, version, bad values" {
	run rank-boroughs --help
	[ "$status" -eq 0 ]
	[[ "$output" == *Examples:* ]]
	run rank-boroughs -V
	[ "$status" -eq 0 ]
	[[ "$output" == "rank-boroughs (cspkit) "* ]]
	for bad in --nosuch "--by rank" "--population mid2030" "--areas wards" "--check --grouped"; do
		run rank-boroughs $bad samples/rank/london-12m.tsv
		[ "$status" -eq 2 ]
	done
}

# ---- real data (../shared) -----------------------------------------------

@test "shared: 12 months of MPS domestic burglary ranked by rate match an awk ranking" {
	need_shared data
	local csv=$SHARED/data/mps_borough_crime_24m_2022-02_to_2024-01.csv
	local ons=$SHARED/data/ons_mye_persons_sya_mid2020_lad2021.csv
	# The input, built by awk (months 2023-02..2024-01 are fields 16-27).
	tr -d '\r' < "$csv" | gawk 'BEGIN { FPAT = "([^,]*)|(\"[^\"]*\")"; OFS = "\t"
		print "area", "period", "offence", "measure", "value" }
		$2 == "Domestic Burglary" { s = 0; for (i = 16; i <= 27; i++) s += $i
			print $3, "12m to 2024-01", "burglary_residential", "count", s }' > "$tmp/in.tsv"
	# Independent ranks: ONS mid-2020 totals joined by name, rates sorted.
	tr -d '\r' < "$ons" | gawk 'BEGIN { FPAT = "([^,]*)|(\"[^\"]*\")" }
		FNR == 1 { next }
		{ p = $4; gsub(/[",]/, "", p); print $2 "\t" p }' > "$tmp/pop.tsv"
	awk -F'\t' 'NR == FNR { pop[$1] = $2; next }
		FNR > 1 && ($1 in pop) { printf "%.17g\t%s\n", $5 / pop[$1] * 1000, $1 }' \
		"$tmp/pop.tsv" "$tmp/in.tsv" | sort -t"$(printf '\t')" -k1,1g |
		awk -F'\t' '{ r = ($1 == prev) ? r : NR; prev = $1; print $2 "\t" r "/32" }' |
		sort > "$tmp/expect"
	[ "$(wc -l < "$tmp/expect")" -eq 32 ]
	run_split rank-boroughs "$tmp/in.tsv"
	[ "$status" -eq 0 ]
	[ ! -s "$err_file" ]
	awk -F'\t' 'NR > 1 && $8 != "" { print $1 "\t" $8 "/32" }' "$out_file" | sort > "$tmp/got"
	diff -u "$tmp/expect" "$tmp/got"
}

@test "shared: seed 001's 32-borough offence counts, ranked by value" {
	need_shared seeds
	[ -x "$CSPKIT_BIN/normalise-crime" ] || skip "normalise-crime not built"
	normalise-crime --format text "$SHARED"/seeds/001_*.txt > "$tmp/ind.tsv" 2>/dev/null
	# The paper states some Barnet figures twice (a table printed twice, a
	# count in two sentences), which is a duplicate in those groups; rank
	# only the borough table's group, found by Westminster's 160,402.
	awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; print; next }
		{ k = $c["period"] SUBSEP $c["offence"] SUBSEP $c["measure"] }
		$c["area"] == "Westminster" && $c["value"] == "160402" { g = k }
		{ row[NR] = $0; key[NR] = k }
		END { for (n = 2; n <= NR; n++) if (key[n] == g) print row[n] }' \
		"$tmp/ind.tsv" > "$tmp/group.tsv"
	[ "$(sed 1d "$tmp/group.tsv" | wc -l)" -eq 32 ]
	run_split rank-boroughs --rank-by value "$tmp/group.tsv"
	[ "$status" -eq 0 ]
	[ ! -s "$err_file" ]
	rank_of() { awk -F'\t' -v a="$1" '
		NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
		$c["area"] == a { print $c["rank"] "/" $c["rank_of"] }' "$out_file"; }
	[ "$(rank_of 'Richmond upon Thames')" = 1/32 ]
	[ "$(rank_of Westminster)" = 32/32 ]
	[ "$(rank_of Barnet)" = 18/32 ]
}

@test "--check-against: a stated rank of rates; a stated rank with no area is reported" {
	cd "$tmp"
	printf 'area\tperiod\toffence\tmeasure\tvalue\tunit\n' > r.tsv
	printf 'Barnet\t2023\trobbery\trate_per_1000\t2.1\tper 1000 population\n' >> r.tsv
	printf 'Brent\t2023\trobbery\trate_per_1000\t1.9\tper 1000 population\n' >> r.tsv
	printf 'Barnet\t2023\trobbery\trank\t2\tof 2\n\t2023\trobbery\trank\t1\tof 2\n' >> r.tsv
	run_split rank-boroughs --areas any --check --check-against rate_per_1000 r.tsv
	[ "$status" -eq 0 ]
	[ "$(cat "$err_file")" = "rank-boroughs: r.tsv:5: stated rank with no area: not checked
rank-boroughs: 1 warning" ]
	run_split rank-boroughs --areas any --check r.tsv
	grep -qx 'rank-boroughs: r.tsv:4: Barnet, 2023, robbery, count: stated rank 2/2, no computed rank to check it against' "$err_file"
}
