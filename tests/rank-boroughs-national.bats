# rank-boroughs over any areas of England and Wales (issue 22): --among,
# the built-in populations of every authority and partnership.
load test_helper

setup() {
	cd "$ROOT"
	G="$SHARED/data/police-uk"
	S=samples/police-uk
}

csvawk() {
	gawk -v FPAT='([^,]*)|("([^"]|"")*")' "$@"
}

# bats test_tags=stress
@test "Gwent: ranks of the five partnerships by rate equal a gawk computation with the same populations" {
	need_shared data/police-uk
	# Counts for the 12 months to 2022-10 per authority (each is its own
	# partnership) and crime type, total without ASB; the mid-2020
	# populations of areas.tsv; rank 1 = lowest rate, ties share.
	cat "$G"/2021-1[12]-gwent-street.csv "$G"/2022-*-gwent-street.csv | tr -d '\r' |
	  csvawk '$1 != "Crime ID" && $9 != "" {
		a = $9; sub(/ [0-9][0-9][0-9][A-Z]$/, "", a)
		if (a !~ /^(Newport|Caerphilly|Torfaen|Blaenau Gwent|Monmouthshire)$/) next
		n[a "\t" $10]++
		if ($10 != "Anti-social behaviour") n[a "\tTOTAL"]++
	  } END { for (k in n) print k "\t" n[k] }' > "$BATS_TEST_TMPDIR/counts"
	normalise-crime --by csp --window 12 --window-only "$G"/*-gwent-street.csv |
	  rank-boroughs 2>/dev/null |
	  awk -F'\t' '$7 == "12m to 2022-10" && $10 == "" && $6 == "W15000002" {
		print $3 "\t" ($11 == "total_crime" ? "TOTAL" : $12) "\t" $18 "\t" $19 }' |
	  LC_ALL=C sort > "$BATS_TEST_TMPDIR/got"
	# Crime types with a row for all five (a type never recorded in one
	# of them in the 24 months has no row to rank there).
	awk -F'\t' '{ n[$2]++ } END { for (t in n) if (n[t] == 5) print t }' "$BATS_TEST_TMPDIR/got" > "$BATS_TEST_TMPDIR/types"
	[ "$(wc -l < "$BATS_TEST_TMPDIR/types")" -ge 12 ]
	awk -F'\t' 'FILENAME ~ /areas/ { if ($3 == "csp" && $4 == "W15000002") pop[$2] = $6; next }
		FILENAME ~ /types/ { want[$1] = 1; next }
		($2 in want) { c[$2, $1] = $3 }
		END {
			for (t in want) for (a in pop) {
				r = 1
				for (b in pop) if (c[t, b] / pop[b] < c[t, a] / pop[a]) r++
				printf "%s\t%s\t%d\t5\n", a, t, r
			}
		}' lib/data/areas.tsv "$BATS_TEST_TMPDIR/types" "$BATS_TEST_TMPDIR/counts" |
	  LC_ALL=C sort > "$BATS_TEST_TMPDIR/want"
	awk -F'\t' 'FILENAME ~ /types/ { want[$1] = 1; next } ($2 in want)' "$BATS_TEST_TMPDIR/types" "$BATS_TEST_TMPDIR/got" > "$BATS_TEST_TMPDIR/got5"
	diff -u "$BATS_TEST_TMPDIR/want" "$BATS_TEST_TMPDIR/got5"
	# Total crime per 1000 residents, mid-2020: Monmouthshire lowest
	# (4909 / 95164), Newport highest (16169 / 156447).
	grep -qx $'Monmouthshire\tTOTAL\t1\t5' "$BATS_TEST_TMPDIR/got"
	grep -qx $'Newport\tTOTAL\t5\t5' "$BATS_TEST_TMPDIR/got"
}

@test "partnerships are ranked among their force's by default; rank_of is the set's size, the missing named" {
	normalise-crime --by csp --window 1 --window-only $S/2021-10-gwent-street.csv $S/2022-10-gwent-street.csv > "$BATS_TEST_TMPDIR/in.tsv"
	cd "$BATS_TEST_TMPDIR"
	run_split rank-boroughs in.tsv
	cd "$ROOT"
	[ "$status" -eq 0 ]
	assert_tsv
	golden rank-boroughs/national_force
}

@test "--among wales: every Welsh partnership; -p mid2022" {
	normalise-crime --by csp --window 1 --window-only $S/2021-10-gwent-street.csv $S/2022-10-gwent-street.csv |
	  awk -F'\t' 'NR == 1 || ($11 == "total_crime" && $10 == "")' > "$BATS_TEST_TMPDIR/in.tsv"
	cd "$BATS_TEST_TMPDIR"
	run_split rank-boroughs --among wales -p mid2022 in.tsv
	cd "$ROOT"
	[ "$status" -eq 0 ]
	assert_tsv
	golden rank-boroughs/national_wales
}

@test "--among FILE: a list of areas, by name, London and elsewhere" {
	printf 'Newport\nCardiff\nBarnet\n' > "$BATS_TEST_TMPDIR/set.txt"
	printf 'area\tperiod\toffence\tmeasure\tvalue\nNewport\t2022\tburglary\tcount\t1200\nCardiff\t2022\tburglary\tcount\t2500\nBarnet\t2022\tburglary\tcount\t2900\nTorfaen\t2022\tburglary\tcount\t400\n' > "$BATS_TEST_TMPDIR/in.tsv"
	run_split rank-boroughs --among "$BATS_TEST_TMPDIR/set.txt" "$BATS_TEST_TMPDIR/in.tsv"
	[ "$status" -eq 0 ]
	# mid-2020: Newport 156447, Cardiff 369202, Barnet 399007.
	[ "$(cut -f1,6- "$out_file")" = "area	population	rate_per_1000	rank	rank_of
Newport	156447	7.67	3	3
Cardiff	369202	6.77	1	3
Barnet	399007	7.27	2	3
Torfaen				" ]
	[ ! -s "$err_file" ]
}

@test "--among force with a London borough: the Met's 32; a force area alone is not ranked" {
	printf 'area\tarea_code\tperiod\toffence\tmeasure\tvalue\nBarnet\tE09000003\t2022\tburglary\tcount\t2900\nGwent\tW15000002\t2022\tburglary\tcount\t9\n' > "$BATS_TEST_TMPDIR/in.tsv"
	run_split rank-boroughs --among force "$BATS_TEST_TMPDIR/in.tsv"
	[ "$status" -eq 0 ]
	[ "$(cut -f1,7- "$out_file")" = "area	population	rate_per_1000	rank	rank_of
Barnet	399007	7.27	1	1
Gwent				" ]
	[ "$(cat "$err_file")" = "rank-boroughs: group 2022, burglary, count: 1 of 32 boroughs ranked; not ranked: Barking and Dagenham, Bexley, Brent, Bromley and 27 more
rank-boroughs: 1 warning" ]
}

@test "--population mid2022 for a London borough comes from the national table" {
	printf 'area\tperiod\toffence\tmeasure\tvalue\nBarnet\t2022\tburglary\tcount\t2900\n' > "$BATS_TEST_TMPDIR/in.tsv"
	run_split rank-boroughs -p mid2022 "$BATS_TEST_TMPDIR/in.tsv"
	[ "$status" -eq 0 ]
	# ONS mid-2022 (MYE5): Barnet 389,101.
	[ "$(sed -n 2p "$out_file" | cut -f6,7)" = "389101	7.45" ]
}

@test "--among with a bad set name is a file that does not exist: a data error naming it" {
	printf 'area\tperiod\toffence\tmeasure\tvalue\nBarnet\t2022\tburglary\tcount\t2900\n' > "$BATS_TEST_TMPDIR/in.tsv"
	run_split rank-boroughs --among walse "$BATS_TEST_TMPDIR/in.tsv"
	[ "$status" -eq 1 ]
	grep -q 'walse' "$err_file"
}

@test "a partnership formed since 2017 under its authority's code is ranked with its force's partnerships" {
	printf 'area\tarea_code\tperiod\toffence\tmeasure\tvalue\nBuckinghamshire\tE06000060\t2022\tburglary\tcount\t900\nOxford\tE22000308\t2022\tburglary\tcount\t800\n' > "$BATS_TEST_TMPDIR/in.tsv"
	run_split rank-boroughs "$BATS_TEST_TMPDIR/in.tsv"
	[ "$status" -eq 0 ]
	# mid-2020: Buckinghamshire 547,060 (its four 2017 districts), Oxford 151,584.
	[ "$(cut -f1,7- "$out_file")" = "area	population	rate_per_1000	rank	rank_of
Buckinghamshire	547060	1.65	1	13
Oxford	151584	5.28	2	13" ]
	[ "$(head -1 "$err_file")" = "rank-boroughs: group 2022, burglary, count: 2 of 13 Thames Valley's partnerships ranked; not ranked: Bracknell Forest, Cherwell, Milton Keynes, Reading and 7 more" ]
}
