# normalise-crime police-uk --by lsoa|ward|lad|csp|force (issue 22): the
# national geography (lib/data/areas.tsv, lsoas.tsv), checked against
# counts made independently from the files with gawk.
load test_helper

setup() {
	cd "$ROOT"
	G="$SHARED/data/police-uk"
}

# gawk reading police.uk CSV: fields may be quoted ("On or near A, B").
csvawk() {
	gawk -v FPAT='([^,]*)|("([^"]|"")*")' "$@"
}

# bats test_tags=stress
@test "geography tables are what make-geo.sh builds from ../shared" {
	need_shared data
	sh lib/data/make-geo.sh "$SHARED/data" "$BATS_TEST_TMPDIR"
	diff -u lib/data/areas.tsv "$BATS_TEST_TMPDIR/areas.tsv"
	diff -u lib/data/lsoas.tsv "$BATS_TEST_TMPDIR/lsoas.tsv"
}

@test "areas.tsv: the five Gwent partnerships, and every authority's population sums to England and Wales" {
	t=lib/data/areas.tsv
	[ "$(awk -F'\t' '$3=="csp" && $4=="W15000002"{print $2}' $t | sort | tr '\n' '|')" = "Blaenau Gwent|Caerphilly|Monmouthshire|Newport|Torfaen|" ]
	# ONS mid-2022: England and Wales 60,238,038 (MYE5); mid-2020 59,719,724.
	[ "$(awk -F'\t' '$3=="lad"{a+=$6; b+=$7} END{print a, b}' $t)" = "59719724 60238038" ]
	[ "$(awk -F'\t' '$3=="csp"{a+=$6; b+=$7} END{print a, b}' $t)" = "59719724 60238038" ]
	[ "$(awk -F'\t' '$3=="lad"' $t | wc -l)" -eq 318 ]
	[ "$(awk -F'\t' '$3=="pfa"' $t | wc -l)" -eq 43 ]
}

# bats test_tags=stress
@test "Gwent: the rolling 12 months to 2022-10 of every partnership equals a gawk count of the files" {
	need_shared data/police-uk
	# The 12 months 2021-11..2022-10, counted per authority named in the
	# LSOA name, per crime type and in total without anti-social behaviour.
	want=$(cat "$G"/2021-1[12]-gwent-street.csv "$G"/2022-*-gwent-street.csv | tr -d '\r' |
	  csvawk '$1 != "Crime ID" && $9 != "" {
		a = $9; sub(/ [0-9][0-9][0-9][A-Z]$/, "", a)
		if (a !~ /^(Newport|Caerphilly|Torfaen|Blaenau Gwent|Monmouthshire)$/) next
		n[a "\t" $10]++
		if ($10 != "Anti-social behaviour") n[a "\tTOTAL"]++
	  } END { for (k in n) print k "\t" n[k] }' | LC_ALL=C sort)
	got=$(normalise-crime --by csp --window 12 --window-only "$G"/*-gwent-street.csv |
	  awk -F'\t' '$7 == "12m to 2022-10" && $10 == "" && $6 == "W15000002" {
		print $3 "\t" ($11 == "total_crime" ? "TOTAL" : $12) "\t" $14 }' | LC_ALL=C sort)
	[ "$(echo "$want" | wc -l)" -ge 70 ]
	diff -u <(echo "$want") <(echo "$got")
	# Newport's total, as read from the files: 16,169 crimes.
	echo "$got" | grep -qx $'Newport\tTOTAL\t16169'
}

# bats test_tags=stress
@test "Gwent: anti-social behaviour is its own indicator, never in total_crime" {
	need_shared data/police-uk
	f="$G/2022-10-gwent-street.csv"
	run_split normalise-crime --by force --area Gwent "$f"
	[ "$status" -eq 0 ]
	assert_tsv
	all=$(($(wc -l < "$f") - 1))
	asb=$(csvawk '$10 == "Anti-social behaviour"' "$f" | wc -l)
	in_force=$(csvawk '$9 == "" || $9 ~ /^(Newport|Caerphilly|Torfaen|Blaenau Gwent|Monmouthshire) /' "$f" | wc -l)
	in_force_asb=$(csvawk '($9 == "" || $9 ~ /^(Newport|Caerphilly|Torfaen|Blaenau Gwent|Monmouthshire) /) && $10 == "Anti-social behaviour"' "$f" | wc -l)
	[ "$(awk -F'\t' '$11=="total_crime"{print $14}' "$out_file")" -eq $((in_force - in_force_asb)) ]
	[ "$(awk -F'\t' '$11=="anti_social_behaviour"{print $14}' "$out_file")" -eq "$in_force_asb" ]
	[ "$(awk -F'\t' '$11=="total_crime"{print $12}' "$out_file")" = "All crime types except Anti-social behaviour" ]
	# Most records are in Gwent; a few lie in other forces.
	[ "$asb" -ge "$in_force_asb" ]
	[ "$in_force" -gt 4000 ]
	[ "$in_force" -lt "$all" ]
}

@test "City of London 2017-12: records in other boroughs' LSOAs are counted there, no-location ones under the force" {
	need_shared data
	f="$SHARED/data/police_uk_2017-12_city-of-london_street.csv"
	want=$(csvawk 'NR > 1 { a = $9; sub(/ [0-9][0-9][0-9][A-Z]$/, "", a); n[a == "" ? "NOLOC" : a]++ }
		END { for (k in n) print k "\t" n[k] }' "$f" | LC_ALL=C sort)
	got=$(normalise-crime --by lad "$f" | awk -F'\t' 'NR > 1 && $11 != "total_crime" {
		n[$4 ~ /^E23/ ? "NOLOC" : $3] += $14 } END { for (k in n) print k "\t" n[k] }' | LC_ALL=C sort)
	diff -u <(echo "$want") <(echo "$got")
	# The figures SOURCES.md gives: 579 City, 28 Islington, 13 Tower
	# Hamlets, 6 Camden, 3 Westminster, 1 each Newham, Redbridge, Rochford;
	# 19 with no location.
	[ "$(echo "$got" | tr '\n' '|')" = "Camden	6|City of London	579|Islington	28|NOLOC	19|Newham	1|Redbridge	1|Rochford	1|Tower Hamlets	13|Westminster	3|" ]
	# The force row is the City of London Police's area, by its GSS code.
	normalise-crime --by lad "$f" | awk -F'\t' '$4 == "E23000034"' | grep -q $'\tLondon, City of\tE23000034\t\t\t2017-12\t'
}

@test "City of London 2017-12 --by csp: Islington is Metropolitan Police's, the City its own force's" {
	need_shared data
	f="$SHARED/data/police_uk_2017-12_city-of-london_street.csv"
	normalise-crime --by csp "$f" | awk -F'\t' '$11=="total_crime"{print $3, $4, $5, $6}' | sort -u > "$BATS_TEST_TMPDIR/t"
	grep -qx 'Islington E22000204 Metropolitan Police E23000001' "$BATS_TEST_TMPDIR/t"
	grep -q '^City of London E22000180 London, City of E23000034$' "$BATS_TEST_TMPDIR/t"
}

# bats test_tags=stress
@test "North Wales: 2011 LSOA codes the 2021 lookup lacks are placed by the authority in the name, in one warning" {
	need_shared data/police-uk
	f="$G/2020-07-north-wales-street.csv"
	run_split normalise-crime --by lad "$f"
	[ "$status" -eq 0 ]
	[ ! -s "$err_file" ]
	want=$(csvawk 'NR > 1 && $9 ~ /^Wrexham / && $10 != "Anti-social behaviour"' "$f" | wc -l)
	[ "$(awk -F'\t' '$3=="Wrexham" && $11=="total_crime"{print $14}' "$out_file")" -eq "$want" ]
	run_split normalise-crime --by ward "$f"
	[ "$status" -eq 0 ]
	n=$(csvawk 'FNR == NR { m[$1] = 1; next } FNR > 1 && $8 != "" && !($8 in m)' <(cut -f1 lib/data/lsoas.tsv) "$f" | wc -l)
	l=$(csvawk 'FNR == NR { m[$1] = 1; next } FNR > 1 && $8 != "" && !($8 in m) { print $8 }' <(cut -f1 lib/data/lsoas.tsv) "$f" | sort -u | wc -l)
	[ "$(cat "$err_file")" = "normalise-crime: $n records in $l LSOAs not in the 2021 lookup (2011 codes): placed by the authority in the LSOA name, with an empty ward
normalise-crime: 1 warning" ]
}

# ---- golden: two months cut from the Gwent files (samples/SOURCES.md) ----

@test "--by csp --window 1 over two monthly files: partnerships, the force for no location, neighbours' areas" {
	run_split normalise-crime --by csp --window 1 samples/police-uk/2021-10-gwent-street.csv samples/police-uk/2022-10-gwent-street.csv
	[ "$status" -eq 0 ]
	assert_tsv
	golden normalise-crime/national_csp_window
}

@test "--by ward: a 2011 LSOA code gets an empty ward in its authority, counted in one warning" {
	run_split normalise-crime --by ward samples/police-uk/2022-10-gwent-street.csv
	[ "$status" -eq 0 ]
	assert_tsv
	golden normalise-crime/national_ward
	run_split normalise-crime --strict --by ward samples/police-uk/2022-10-gwent-street.csv
	[ "$status" -eq 1 ]
}

@test "--by lsoa --area Newport: the LSOAs of an authority, with it as parent" {
	run_split normalise-crime --by lsoa --area Newport samples/police-uk/2021-10-gwent-street.csv
	[ "$status" -eq 0 ]
	assert_tsv
	golden normalise-crime/national_lsoa_newport
}

@test "--by lad --area W15000002: the force's authorities and its records with no location" {
	run_split normalise-crime --by lad --area W15000002 samples/police-uk/2022-10-gwent-street.csv
	[ "$status" -eq 0 ]
	golden normalise-crime/national_lad_force
}

@test "a force's month given twice is counted once, with a warning per repeating file" {
	cp samples/police-uk/2022-10-gwent-street.csv "$BATS_TEST_TMPDIR/copy.csv"
	run_split normalise-crime --by force samples/police-uk/2022-10-gwent-street.csv "$BATS_TEST_TMPDIR/copy.csv"
	[ "$status" -eq 0 ]
	[ "$(cat "$out_file")" = "$(normalise-crime --by force samples/police-uk/2022-10-gwent-street.csv)" ]
	[ "$(cat "$err_file")" = "normalise-crime: $BATS_TEST_TMPDIR/copy.csv:2: Gwent Police 2022-10 was already read from samples/police-uk/2022-10-gwent-street.csv: its records here are not counted again
normalise-crime: 1 warning" ]
	# Different months of one force, and one month of two forces, are all counted.
	run_split normalise-crime --by force samples/police-uk/2021-10-gwent-street.csv samples/police-uk/2022-10-gwent-street.csv
	[ ! -s "$err_file" ]
}

@test "--area absent from the input: the areas of the --by level it has, most records first, not its LSOAs" {
	for by in csp lad ward force lsoa; do
		run_split normalise-crime --by "$by" --area Barnet samples/police-uk/2021-10-gwent-street.csv samples/police-uk/2022-10-gwent-street.csv
		[ "$status" -eq 1 ]
		golden "normalise-crime/national_area_absent_$by"
	done
	# A partnership the City's month does not have: its boroughs, the force.
	run_split normalise-crime --by lad --area Swansea samples/police-uk/2017-12-city-of-london-street.csv
	[ "$status" -eq 1 ]
	golden normalise-crime/national_area_absent_city
	# Misspelt: the nearest name of the level; nothing near: what to give.
	run_split normalise-crime --by csp --area Westminstr samples/police-uk/2017-12-city-of-london-street.csv
	[ "$status" -eq 1 ]
	[ "$(cat "$err_file")" = "normalise-crime: --area Westminstr: no area of that name in the input; nearest: Westminster" ]
	run_split normalise-crime --by csp --area 'Newport 014' samples/police-uk/2022-10-gwent-street.csv
	[ "$status" -eq 1 ]
	[ "$(cat "$err_file")" = "normalise-crime: --area Newport 014: no area of that name in the input (a partnership name, or its GSS code)" ]
}
