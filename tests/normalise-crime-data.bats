# normalise-crime: the mps and police-uk modes, --window, --level, --area,
# --by (issue 5).  Golden files: tests/golden/normalise-crime/.
load test_helper

setup() {
	cd "$ROOT"
	BAD=tests/data/normalise-crime
}

# ---- each MPS header vintage ------------------------------------------

@test "mps 2008-2018 vintage (Borough,Major Category,...): Barnet, every month" {
	run_split normalise-crime --area Barnet samples/mps/borough_2008_vintage.csv
	[ "$status" -eq 0 ]
	assert_tsv
	golden normalise-crime/mps_2008_barnet
}

@test "mps 2019 vintage: BOM, CRLF, quoted 1,234, trailing columns, footer note" {
	run_split normalise-crime --area camden samples/mps/borough_2019_vintage.csv
	[ "$status" -eq 0 ]
	assert_tsv
	golden normalise-crime/mps_2019_camden
}

@test "mps 2024 vintage: BoroughName, UPPER CASE, airports and Unknown without a code" {
	run_split normalise-crime samples/mps/borough_2024_vintage.csv
	[ "$status" -eq 0 ]
	assert_tsv
	golden normalise-crime/mps_2024
}

@test "mps ward file, 2014 wards: ward code as published, quoted names" {
	run_split normalise-crime samples/mps/ward_2014_wards.csv
	[ "$status" -eq 0 ]
	assert_tsv
	golden normalise-crime/mps_ward_2014
}

@test "mps ward file, 2022 wards: UPPER CASE, Aviation Security (SO18)" {
	run_split normalise-crime samples/mps/ward_2022_wards.csv
	[ "$status" -eq 0 ]
	assert_tsv
	golden normalise-crime/mps_ward_2022
}

# Every count cell of every sample comes out once, with its month and
# label, checked against an independent gawk reshape (FPAT reads quotes).
@test "mps samples: every cell reshaped, checked against gawk" {
	for f in samples/mps/*.csv; do
		normalise-crime "$f" 2>/dev/null | awk -F'\t' 'NR==1{for(i=1;i<=NF;i++)c[$i]=i; next}
			{print $c["area"]"|"$c["period"]"|"$c["offence_label"]"|"$c["value"]}' > "$BATS_TEST_TMPDIR/got"
		gawk -v FPAT='([^,]*)|("[^"]*")' '
			function uq(s) { gsub(/^"|"$/, "", s); return s }
			{ sub(/\r$/, ""); sub(/^\xef\xbb\xbf/, "") }
			NR==1 { for (i = 1; i <= NF; i++) { h[i] = $i; if ($i ~ /^Ward/) ward = 1 }
				old = $1 == "Borough"; next }
			$4 == "" { next }
			{ maj = old ? $2 : $1; min = old ? $3 : $2; area = old ? $1 : $3
			  for (i = 4; i <= NF; i++) if (h[i] ~ /^[0-9]{6}$/) {
				v = uq($i); gsub(/,/, "", v)
				print uq(area) "|" substr(h[i], 1, 4) "-" substr(h[i], 5) "|" uq(maj) " / " uq(min) "|" v } }' "$f" > "$BATS_TEST_TMPDIR/want"
		diff "$BATS_TEST_TMPDIR/want" "$BATS_TEST_TMPDIR/got"
		[ "$(wc -l < "$BATS_TEST_TMPDIR/got")" -gt 300 ]
	done
}

# ---- options ---------------------------------------------------------

@test "--window 3,12 --window-only: recent quarter and rolling year with change" {
	run_split normalise-crime --area Barnet --window 3,12 --window-only samples/mps/borough_2008_vintage.csv
	[ "$status" -eq 0 ]
	assert_tsv
	golden normalise-crime/window_barnet
	# By hand from the sample, Barnet "Burglary - Residential" (line 3):
	# Dec 2018-Feb 2019 = 173+180+228 = 581; Dec 2017-Feb 2018 = 204+176+196 = 576;
	# (581-576)/576 = +0.9%.
	grep -q $'\t3m to 2019-02\t2018-12-01\t2019-02-28\t\tburglary_residential\tBurglary / Burglary - Residential\tcount\t581\toffences$' "$out_file"
	grep -q $'\t3m to 2018-02\t2017-12-01\t2018-02-28\t\tburglary_residential\tBurglary / Burglary - Residential\tcount\t576\toffences$' "$out_file"
	grep -q $'\t3m to 2019-02\t2018-12-01\t2019-02-28\t3m to 2018-02\tburglary_residential\tBurglary / Burglary - Residential\tpct_change\t0.9\tpercent$' "$out_file"
}

@test "--window rows follow the monthly rows; a base of 0 gives an empty change" {
	run_split normalise-crime --area Unknown --window 12 samples/mps/borough_2024_vintage.csv
	[ "$status" -eq 0 ]
	assert_tsv
	# 7 categories: 26 monthly rows each; then per offence key (the two
	# residential burglary categories are one) 12m to 2026-02, 12m to
	# 2025-02, and the change.
	[ "$(wc -l < "$out_file")" -eq $((1 + 7 * 26 + 6 * 3)) ]
	[ "$(grep -c $'\tburglary_residential\tBURGLARY / RES BURGLARY OF A HOME + BURGLARY / RES BURGLARY OF UNCONNECTED BUILDING\t' "$out_file")" -eq 3 ]
	[ "$(sed -n "$((2 + 7 * 26))p" "$out_file" | cut -f5,11)" = $'12m to 2026-02\tcount' ]
	# NFIB fraud in "Unknown" is 0 in every month: no change can be computed.
	[ "$(grep 'NFIB' "$out_file" | tail -n 1 | cut -f5,8,11-13)" = $'12m to 2026-02\t12m to 2025-02\tpct_change\t\tpercent' ]
}

@test "--window longer than the data: warning, no change rows" {
	run_split normalise-crime --area Barnet --window 24 --window-only samples/mps/borough_2024_vintage.csv
	[ "$status" -eq 0 ]
	golden normalise-crime/window_too_long
}

@test "--level major sums minor categories per area and month" {
	run_split normalise-crime --level major --area Barnet samples/mps/borough_2008_vintage.csv
	[ "$status" -eq 0 ]
	assert_tsv
	golden normalise-crime/level_major_barnet
	# By hand, Barnet violence (lines 10-12 of the sample): 2017-01 = 171+184+8,
	# 2017-02 = 156+186+10.
	[ "$(awk -F'\t' '$9=="violence_against_the_person" && $5 ~ /^2017-0[12]$/ {print $12}' "$out_file" | tr '\n' ' ')" = "363 352 " ]
	[ "$(sed 1d "$out_file" | wc -l)" -eq $((6 * 26)) ]
}

@test "--area matches borough, ward name or ward code, folded" {
	run_split normalise-crime --area e05013646 --area "burnt oak" samples/mps/ward_2022_wards.csv
	[ "$status" -eq 0 ]
	[ "$(cut -f3 "$out_file" | sort -u | tr '\n' '|')" = "Burnt Oak|Totteridge & Woodside|area|" ]
	run_split normalise-crime --area 'Aviation Security (SO18)' samples/mps/ward_2022_wards.csv
	[ "$(cut -f3 "$out_file" | sort -u | tr '\n' '|')" = "Heathrow Villages|area|" ]
}

@test "stdin: detected from the first line, source is -" {
	run_split sh -c 'normalise-crime --area barnet < samples/mps/borough_2024_vintage.csv'
	[ "$status" -eq 0 ]
	golden normalise-crime/stdin
}

@test "--source names the input; --format mps is accepted" {
	run_split sh -c 'cat samples/mps/ward_2022_wards.csv | normalise-crime -f mps --source ward.csv --area "Barnet Vale" -'
	[ "$status" -eq 0 ]
	[ "$(cut -f1 "$out_file" | sort -u | tr '\n' '|')" = "source|ward.csv|" ]
	[ "$(wc -l < "$out_file")" -eq $((1 + 4 * 24)) ]
}

@test "several files are one table with one header" {
	run_split normalise-crime --area Barnet samples/mps/borough_2008_vintage.csv samples/mps/borough_2024_vintage.csv
	[ "$status" -eq 0 ]
	assert_tsv
	[ "$(grep -c '^source' "$out_file")" -eq 1 ]
	[ "$(wc -l < "$out_file")" -eq $((1 + 11 * 26 + 7 * 26)) ]
}

# ---- police.uk -------------------------------------------------------

@test "police-uk: counts per LSOA, month and crime type; no-location crimes kept" {
	run_split normalise-crime samples/police-uk/2019-02-metropolitan-street.csv
	[ "$status" -eq 0 ]
	assert_tsv
	golden normalise-crime/policeuk_lsoa
}

@test "police-uk --by borough over two months, --window 1: year-on-year change" {
	run_split normalise-crime --by borough --window 1 samples/police-uk/2018-02-metropolitan-street.csv samples/police-uk/2019-02-metropolitan-street.csv
	[ "$status" -eq 0 ]
	assert_tsv
	golden normalise-crime/policeuk_borough_window
}

@test "police-uk --area keeps a borough's LSOAs" {
	run_split normalise-crime --area Barnet samples/police-uk/2019-02-metropolitan-street.csv
	[ "$status" -eq 0 ]
	[ "$(cut -f3 "$out_file" | sed 1d | sed 's/ [0-9A-Z]*$//' | sort -u)" = "Barnet" ]
	# gawk count: ASB in Barnet 009A
	want=$(gawk -F, '$9=="Barnet 009A" && $10=="Anti-social behaviour"' samples/police-uk/2019-02-metropolitan-street.csv | wc -l)
	[ "$(awk -F'\t' '$3=="Barnet 009A" && $9=="anti_social_behaviour" {print $12 "|" $13}' "$out_file")" = "$want|incidents" ]
}

# ---- bad input -------------------------------------------------------

# bad NAME: tests/data/normalise-crime/NAME.csv is a data error (exit 1)
# with exactly the golden message, after the rows before it.
bad() {
	run_split normalise-crime "$BAD/$1.csv"
	[ "$status" -eq 1 ]
	golden "normalise-crime/bad_$1"
}

@test "bad input: a quote left open (truncated file) is an error at its line" {
	bad truncated
}

@test "bad input: ragged row" {
	bad ragged
}

@test "bad input: a count that is not a number" {
	bad nonnumeric
}

@test "bad input: header with no month columns" {
	bad nomonths
}

@test "bad input: unknown header names the expected columns" {
	bad unknown_header
	run_split normalise-crime --format police-uk samples/mps/ward_2022_wards.csv
	[ "$status" -eq 1 ]
	grep -q 'not a data.police.uk street file header (no "Month" column); expected Crime ID,Month,' "$err_file"
}

@test "bad input: police.uk month not YYYY-MM" {
	bad policeuk_month
}

@test "bad bytes: NUL and invalid UTF-8 in a name keep the table whole and UTF-8" {
	printf 'MajorText,MinorText,LookUp_BoroughName,201901\nBurglary,Domestic\0Burglary,Bar\377net,7\n' > "$BATS_TEST_TMPDIR/nul.csv"
	run_split normalise-crime "$BATS_TEST_TMPDIR/nul.csv"
	[ "$status" -eq 0 ]
	assert_tsv
	[ "$(sed 1d "$out_file" | cut -f3,10,12)" = "$(printf 'Bar\357\277\275net\tBurglary / Domestic\357\277\275Burglary\t7')" ]
	iconv -f UTF-8 -t UTF-8 "$out_file" > /dev/null
}

@test "empty input: the header only; a header with no rows: the header only" {
	run_split sh -c ': | normalise-crime'
	[ "$status" -eq 0 ]
	[ "$(cat "$out_file")" = "$(head -n 1 tests/golden/normalise-crime/stdin.out)" ]
	run_split sh -c 'head -n 1 samples/mps/ward_2022_wards.csv | normalise-crime'
	[ "$status" -eq 0 ]
	[ "$(wc -l < "$out_file")" -eq 1 ]
	[ ! -s "$err_file" ]
}

@test "a downstream head ends the tool quietly" {
	run_split sh -c 'for i in 1 2 3 4 5 6 7 8; do cat samples/mps/borough_2019_vintage.csv; done | normalise-crime -f mps 2>&1 | head -n 2'
	[ "$status" -eq 0 ]
	[ "$(wc -l < "$out_file")" -eq 2 ]
}

@test "an empty count is written empty and warned; --strict makes it exit 1" {
	run_split normalise-crime $BAD/empty_count.csv
	[ "$status" -eq 0 ]
	golden normalise-crime/empty_count
	run_split normalise-crime --strict $BAD/empty_count.csv
	[ "$status" -eq 1 ]
}

@test "an empty Borough cell: an empty area, with --level major and --window too (they crashed)" {
	# Found by fuzz_nc_agg: the held rows took the area as a NULL string.
	run_split normalise-crime --level major $BAD/empty_borough.csv
	[ "$status" -eq 0 ]
	golden normalise-crime/empty_borough_major
	run_split normalise-crime --window 1 --window-only $BAD/empty_borough.csv
	[ "$status" -eq 0 ]
	golden normalise-crime/empty_borough_window
}

@test "usage errors exit 2" {
	run_split normalise-crime --format xml samples/mps/ward_2022_wards.csv
	[ "$status" -eq 2 ]
	run_split normalise-crime --window 0 samples/mps/ward_2022_wards.csv
	[ "$status" -eq 2 ]
	run_split normalise-crime --window-only samples/mps/ward_2022_wards.csv
	[ "$status" -eq 2 ]
	run_split normalise-crime --by street samples/mps/ward_2022_wards.csv
	[ "$status" -eq 2 ]
	run_split normalise-crime --bogus
	[ "$status" -eq 2 ]
}

@test "--help prints usage with examples; --version" {
	run_split normalise-crime --help
	[ "$status" -eq 0 ]
	grep -q '^Usage: normalise-crime' "$out_file"
	grep -q 'window 3,12' "$out_file"
	run_split normalise-crime -V
	[ "$status" -eq 0 ]
	grep -q '^normalise-crime' "$out_file"
}

@test "--taxonomy FILE replaces the built-in taxonomy" {
	printf '# test\nkey\tparent\tpattern\nburglary\t\tburglary\n' > "$BATS_TEST_TMPDIR/tax.tsv"
	run_split normalise-crime --taxonomy "$BATS_TEST_TMPDIR/tax.tsv" $BAD/empty_count.csv
	[ "$status" -eq 0 ]
	[ "$(cut -f9 "$out_file" | sed 1d | sort -u | tr '\n' '|')" = "unmapped|" ]
	grep -q 'unmapped offence "Burglary / Domestic Burglary"' "$err_file"
}

@test "--taxonomy: a bad pattern is exit 1 naming its line, also when the rows would compile together" {
	# "a(" and ")b" balance inside the one alternation of every row
	# (taxonomy.c: any), not alone: the first is reported
	printf 'key\tparent\tpattern\nburglary\t\ta(\nrobbery\t\t)b\n' >"$BATS_TEST_TMPDIR/tax.tsv"
	run_split normalise-crime --taxonomy "$BATS_TEST_TMPDIR/tax.tsv" $BAD/empty_count.csv
	[ "$status" -eq 1 ]
	[ ! -s "$out_file" ]
	[ "$(cat "$err_file")" = "normalise-crime: $BATS_TEST_TMPDIR/tax.tsv:2: bad pattern at offset 8: missing closing parenthesis: ^(?:a()\$" ]
	printf 'key\tparent\tpattern\nburglary\t\tburglary\nrobbery\t\trobb[ery\n' >"$BATS_TEST_TMPDIR/tax.tsv"
	run_split normalise-crime --taxonomy "$BATS_TEST_TMPDIR/tax.tsv" $BAD/empty_count.csv
	[ "$status" -eq 1 ]
	[ "$(cat "$err_file")" = "normalise-crime: $BATS_TEST_TMPDIR/tax.tsv:3: bad pattern at offset 14: missing terminating ] for character class: ^(?:robb[ery)\$" ]
}

# ---- the taxonomy over every published category -------------------------

@test "taxonomy: every MPS and police.uk category in ../shared/ref maps to a key" {
	need_shared ref
	# Build an MPS file with one row per (major, minor) of the reference list.
	{ echo "MajorText,MinorText,BoroughName,202401"
	  gawk -F'\t' 'NR>1 { m = $3; if (m ~ /,/) m = "\"" m "\""; print $2 "," m ",Barnet,0" }' "$SHARED/ref/mps_borough_crime_major_minor.tsv"
	} > "$BATS_TEST_TMPDIR/cats.csv"
	run_split normalise-crime --strict "$BATS_TEST_TMPDIR/cats.csv"
	[ "$status" -eq 0 ]
	[ ! -s "$err_file" ]
	! cut -f9 "$out_file" | grep -qx unmapped
	[ "$(wc -l < "$out_file")" -eq "$(sed 1d "$SHARED/ref/mps_borough_crime_major_minor.tsv" | wc -l | awk '{print $1 + 1}')" ]
	# Every major maps too (--level major).
	run_split normalise-crime --strict --level major "$BATS_TEST_TMPDIR/cats.csv"
	[ "$status" -eq 0 ]
	! cut -f9 "$out_file" | grep -qx unmapped
	# police.uk crime types, current and legacy.
	{ echo "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context"
	  gawk -F'\t' 'NR>1 { print ",2023-01,,,,,,E01000115,Barnet 009A," $2 ",," }' "$SHARED/ref/police_uk_crime_categories.tsv"
	} > "$BATS_TEST_TMPDIR/pcats.csv"
	run_split normalise-crime --strict "$BATS_TEST_TMPDIR/pcats.csv"
	[ "$status" -eq 0 ]
	! cut -f9 "$out_file" | grep -qx unmapped
	# 16 types, counted in offence_label (labels of one key are joined).
	[ "$(sed 1d "$out_file" | cut -f10 | sed 's/ + /\n/g' | wc -l)" -eq 16 ]
}

# ---- the real files in ../shared/data -----------------------------------

# bats test_tags=stress
@test "shared data: every MPS and police.uk file converts, all rows, no unmapped, no warning" {
	need_shared data
	for f in "$SHARED"/data/mps_*.csv "$SHARED"/data/police_uk_*.csv; do
		run_split normalise-crime --strict "$f"
		[ "$status" -eq 0 ] || { echo "$f: exit $status"; cat "$err_file"; false; }
		[ ! -s "$err_file" ]
		! cut -f9 "$out_file" | grep -qx unmapped
		assert_tsv
	done
	# Rows = data rows x month columns (counted with gawk FPAT, quotes honoured).
	f="$SHARED/data/mps_ward_crime_24m_2020-09_to_2022-08_2014wards.csv"
	want=$(gawk -v FPAT='([^,]*)|("[^"]*")' 'NR==1{for(i=1;i<=NF;i++) if ($i ~ /^[0-9]{6}\r?$/) m++; next} NF>1{r++} END{print r*m}' "$f")
	[ "$(normalise-crime "$f" | sed 1d | wc -l)" -eq "$want" ]
}

@test "shared data: borough totals agree with gawk" {
	need_shared data
	f="$SHARED/data/mps_borough_crime_24m_2017-01_to_2018-12.csv"
	# gawk -F, '$1=="Barnet" {s+=$27} END{print s}'  (201812 is field 27)
	want=$(gawk -F, '$1=="Barnet" {s+=$27} END{print s}' "$f")
	got=$(normalise-crime --area Barnet "$f" | awk -F'\t' '$5=="2018-12"{s+=$12} END{print s}')
	[ "$got" -eq "$want" ]
	f="$SHARED/data/mps_borough_crime_24m_2024-01_to_2025-12.csv"
	# Westminster, 2025-12 (field 27), every category.
	want=$(gawk -F, '$3=="Westminster" {s+=$27} END{print s}' "$f")
	got=$(normalise-crime --area westminster "$f" | awk -F'\t' '$5=="2025-12"{s+=$12} END{print s}')
	[ "$got" -eq "$want" ]
	# Barnet residential burglary, 2010-04 (field 4) in the historical file.
	f="$SHARED/data/mps_borough_crime_historical_2010-04_to_2022-01.csv"
	want=$(gawk -F, '$3=="Barnet" && $2=="Domestic Burglary" {s+=$4} END{print s}' "$f")
	got=$(normalise-crime --area Barnet "$f" | awk -F'\t' '$5=="2010-04" && $9=="burglary_residential"{s+=$12} END{print s}')
	[ "$got" -eq "$want" ]
}

# bats test_tags=stress
@test "shared data: ward totals agree with gawk (2014 and 2022 wards)" {
	need_shared data
	# Ward files have parent_area, parent_area_code after area_code:
	# period is field 7, value 14.
	f="$SHARED/data/mps_ward_crime_24m_2020-09_to_2022-08_2014wards.csv"
	# gawk -v FPAT=... '$4=="E05000044" {s+=$(5+7)}'  (202103 is the 7th month)
	want=$(gawk -v FPAT='([^,]*)|("[^"]*")' '$4=="E05000044" {s+=$12} END{print s}' "$f")
	got=$(normalise-crime --area E05000044 "$f" | awk -F'\t' '$7=="2021-03"{s+=$14} END{print s}')
	[ "$got" -eq "$want" ]
	f="$SHARED/data/mps_ward_crime_24m_2024-01_to_2025-12.csv"
	# Burnt Oak (E05013630), 2025-12 = field 29.
	want=$(gawk -v FPAT='([^,]*)|("[^"]*")' '$4=="E05013630" {sub(/\r$/,"",$29); s+=$29} END{print s}' "$f")
	got=$(normalise-crime --area E05013630 "$f" | awk -F'\t' '$7=="2025-12"{s+=$14} END{print s}')
	[ "$got" -eq "$want" ]
	# --level major: Barnet's wards, VIOLENCE AGAINST THE PERSON, 2024-01 (field 6).
	want=$(gawk -v FPAT='([^,]*)|("[^"]*")' '$5=="Barnet" && $1=="VIOLENCE AGAINST THE PERSON" {s+=$6} END{print s}' "$f")
	got=$(normalise-crime --level major --area Barnet "$f" | awk -F'\t' '$7=="2024-01" && $11=="violence_against_the_person"{s+=$14} END{print s}')
	[ "$got" -eq "$want" ]
}

@test "shared data: a window agrees with a hand computation" {
	need_shared data
	f="$SHARED/data/mps_borough_crime_24m_2017-01_to_2018-12.csv"
	# Barnet, Burglary - Residential: 12m to 2018-12 = fields 16..27, base = 4..15.
	now=$(gawk -F, '$1=="Barnet" && $3=="Burglary - Residential" {for(i=16;i<=27;i++) s+=$i} END{print s}' "$f")
	then=$(gawk -F, '$1=="Barnet" && $3=="Burglary - Residential" {for(i=4;i<=15;i++) s+=$i} END{print s}' "$f")
	pct=$(awk -v a="$now" -v b="$then" 'BEGIN{printf "%.1f", (a-b)/b*100}')
	out=$(normalise-crime --area Barnet --window 12 --window-only "$f" | grep $'\tburglary_residential\t')
	[ "$(echo "$out" | cut -f5,12 | tr '\n' '|')" = "12m to 2018-12	$now|12m to 2017-12	$then|12m to 2018-12	$pct|" ]
}

@test "shared data: police.uk counts agree with gawk" {
	need_shared data
	f="$SHARED/data/police_uk_2023-01_metropolitan_street_sample4000.csv"
	# gawk -F, '$9 ~ /^Barnet / && $10=="Anti-social behaviour"' | wc -l
	want=$(gawk -F, '$9 ~ /^Barnet / && $10=="Anti-social behaviour"' "$f" | wc -l)
	got=$(normalise-crime --by borough --area Barnet "$f" | awk -F'\t' '$9=="anti_social_behaviour"{print $12}')
	[ "$got" -eq "$want" ]
	want=$(sed 1d "$f" | wc -l)
	got=$(normalise-crime "$f" | awk -F'\t' 'NR>1{s+=$12} END{print s}')
	[ "$got" -eq "$want" ]
}

@test "an unreadable file is a data error naming it" {
	run_split normalise-crime samples/mps/no_such_file.csv
	[ "$status" -eq 1 ]
	[ "$(cat "$err_file")" = "normalise-crime: samples/mps/no_such_file.csv: No such file or directory" ]
}

@test "shared data: two publications that overlap by a month are not double counted" {
	need_shared data
	a="$SHARED/data/mps_borough_crime_24m_2022-02_to_2024-01.csv"
	b="$SHARED/data/mps_borough_crime_24m_2024-01_to_2025-12.csv"
	run_split normalise-crime --area Barnet --window 12 --window-only "$a" "$b"
	[ "$status" -eq 0 ]
	[ "$(head -n 1 "$err_file")" = "normalise-crime: $b:1: 1 month(s) from 2024-01 are also in $a; its figures are the ones summed" ]
	# 12m to 2024-12, residential burglary: 2024-01 from the first file
	# (Domestic Burglary, field 27), 2024-02..2024-12 from the second
	# (fields 5..15 of its three residential categories).
	jan=$(gawk -F, '$3=="Barnet" && $2=="Domestic Burglary" {sub(/\r$/, "", $27); print $27}' "$a")
	rest=$(gawk -F, '$3=="Barnet" && $2 ~ /^(RES BURGLARY|BURGLARY - RESIDENTIAL)/ {for(i=5;i<=15;i++) s+=$i} END{print s}' "$b")
	[ "$(awk -F'\t' '$5=="12m to 2024-12" && $9=="burglary_residential" {print $12}' "$out_file")" -eq $((jan + rest)) ]
}

@test "taxonomy: labels are cleaned before matching (footnote marks, spaces, dashes)" {
	{ echo "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context"
	  for t in 'Burglary*' 'Shoplifting2' '  Public   order ' 'Anti‑social behaviour' 'Robbery¹' 'Drugs†' 'MOPAC7'; do
		echo ",2019-02,,,,,,E01000115,Barnet 009A,$t,,"
	  done
	} > "$BATS_TEST_TMPDIR/labels.csv"
	run_split normalise-crime "$BATS_TEST_TMPDIR/labels.csv"
	[ "$status" -eq 0 ]
	[ "$(sed 1d "$out_file" | cut -f9 | sort | tr '\n' ' ')" = "anti_social_behaviour burglary drug_offences mopac7 public_order_offences robbery shoplifting " ]
	# The label is written as printed (trimmed); digits glued to capitals
	# are part of a name (MOPAC7 is not MOPAC with footnote 7).
	grep -q $'\tmopac7\tMOPAC7\t' "$out_file"
	grep -q $'\tshoplifting\tShoplifting2\t' "$out_file"
	[ ! -s "$err_file" ]
}
