#!/usr/bin/env bats
# Wrong input named with a way out, and gzip read directly (SPEC section 1,
# issue 17).  Samples in samples/wrong/ (bytes of the right kinds, not real
# documents); golden stderr in tests/golden/input/.
load test_helper

setup() {
	cd "$SAMPLES/wrong"
}

# ---- options: one meaning per letter (README "Conventions") --------------

@test "a short option letter is the same long option in every tool's --help" {
	for t in extract-minutes normalise-crime join-wards rank-boroughs rag-flag; do
		"$t" --help
	done | grep -oE '^  -[a-zA-Z], --[a-z-]+' | sort -u > "$BATS_TEST_TMPDIR/pairs"
	[ "$(wc -l < "$BATS_TEST_TMPDIR/pairs")" -ge 15 ]
	run_split sh -c "cut -c3-4 '$BATS_TEST_TMPDIR/pairs' | uniq -d"
	[ ! -s "$out_file" ]
	run_split sh -c "cut -c7- '$BATS_TEST_TMPDIR/pairs' | sort | uniq -d"
	[ ! -s "$out_file" ]
}

# ---- a file that is not the tool's kind, from its first bytes ------------

@test "PDF to extract-minutes: names pdftotext and pipelines/minutes.sh" {
	run_split extract-minutes minutes.pdf
	[ "$status" -eq 1 ]
	golden input/pdf-extract-minutes
}

@test "PDF on stdin to normalise-crime: the command names a FILE" {
	run_split sh -c 'normalise-crime < minutes.pdf'
	[ "$status" -eq 1 ]
	golden input/pdf-normalise-crime
}

@test "PDF to a TSV tool: pdftotext, then normalise-crime, then the tool" {
	for t in join-wards rank-boroughs rag-flag; do
		run_split "$t" minutes.pdf
		[ "$status" -eq 1 ]
		golden "input/pdf-$t"
	done
}

@test "xlsx (a zip) to every tool is a data error, one line" {
	for t in extract-minutes normalise-crime join-wards rank-boroughs rag-flag; do
		run_split "$t" dashboard.xlsx
		[ "$status" -eq 1 ]
		golden "input/zip-$t"
	done
}

@test "CSV to a TSV tool: says it wants TSV and what makes one" {
	for t in join-wards rank-boroughs rag-flag; do
		run_split "$t" indicators.csv
		[ "$status" -eq 1 ]
		golden "input/csv-$t"
	done
}

@test "MPS crime CSV to a TSV tool: run normalise-crime first" {
	run_split join-wards ../mps/ward_2022_wards.csv
	[ "$status" -eq 1 ]
	golden input/mps-join-wards
}

@test "a crime file or a lookup given to extract-minutes: what reads it" {
	run_split extract-minutes ../mps/ward_2022_wards.csv
	[ "$status" -eq 1 ]
	golden input/mps-extract-minutes
	run_split extract-minutes ward-lookup.csv
	[ "$status" -eq 1 ]
	golden input/lookup-extract-minutes
}

@test "ONS ward lookup given as data: give it to join-wards -r" {
	run_split normalise-crime ward-lookup.csv
	[ "$status" -eq 1 ]
	golden input/lookup-normalise-crime
	run_split join-wards ward-lookup.csv
	[ "$status" -eq 1 ]
	golden input/lookup-join-wards
	# ... and given as the reference it is read.
	run_split join-wards -r ward-lookup.csv ../wards/barnet-ward-indicators.tsv
	[ "$status" -eq 0 ]
}

@test "a CSV that is no crime file to normalise-crime: its first fields named" {
	run_split normalise-crime population.csv
	[ "$status" -eq 1 ]
	golden input/csv-normalise-crime
	# --format text is the way out the message names.
	run_split normalise-crime --format text population.csv
	[ "$status" -eq 0 ]
}

@test "report text whose first line has commas is still report text" {
	printf 'Safer Communities Board, 12 March 2019.\nBurglary fell by 15%% in Barnet.\n' > "$BATS_TEST_TMPDIR/r.txt"
	run_split normalise-crime "$BATS_TEST_TMPDIR/r.txt"
	[ "$status" -eq 0 ]
	[ ! -s "$err_file" ]
}

# ---- gzip, by magic bytes, files and stdin -------------------------------

@test "gzip: an MPS file and its .gz give the same rows, also on stdin" {
	gz="$BATS_TEST_TMPDIR/ward.csv.gz"
	gzip -c ../mps/ward_2022_wards.csv > "$gz"
	normalise-crime -s w ../mps/ward_2022_wards.csv > "$BATS_TEST_TMPDIR/plain"
	run_split normalise-crime -s w "$gz"
	[ "$status" -eq 0 ]
	cmp "$BATS_TEST_TMPDIR/plain" "$out_file"
	run_split sh -c "normalise-crime -s w < '$gz'"
	[ "$status" -eq 0 ]
	cmp "$BATS_TEST_TMPDIR/plain" "$out_file"
}

@test "gzip: minutes, a TSV tool, and two members read as one stream" {
	gz="$BATS_TEST_TMPDIR/m.gz"
	gzip -c ../minutes/liaison-group.txt > "$gz"
	extract-minutes -s m ../minutes/liaison-group.txt > "$BATS_TEST_TMPDIR/plain" 2>/dev/null || true
	run_split extract-minutes -s m "$gz"
	cmp "$BATS_TEST_TMPDIR/plain" "$out_file"
	head -3 ../wards/barnet-ward-indicators.tsv | gzip -c > "$gz"
	sed 1,3d ../wards/barnet-ward-indicators.tsv | gzip -c >> "$gz"
	join-wards --borough Barnet ../wards/barnet-ward-indicators.tsv > "$BATS_TEST_TMPDIR/plain" 2>/dev/null
	run_split join-wards --borough Barnet "$gz"
	cmp "$BATS_TEST_TMPDIR/plain" "$out_file"
}

@test "gzip: truncated and corrupt data are data errors" {
	gzip -c ../mps/ward_2022_wards.csv | head -c 200 > "$BATS_TEST_TMPDIR/cut.gz"
	cd "$BATS_TEST_TMPDIR"
	run_split normalise-crime cut.gz
	[ "$status" -eq 1 ]
	[ "$(cat "$err_file")" = "normalise-crime: cut.gz: gzip data ends early (a truncated download?)" ]
	printf '\037\213\010\000\000\000\000\000\000\003garbage-not-deflate' > bad.gz
	run_split rag-flag bad.gz
	[ "$status" -eq 1 ]
	[ "$(cat "$err_file")" = "rag-flag: bad.gz: gzip data is corrupt (invalid block type)" ]
}

# ---- an area, a column or an option that matches nothing -----------------

@test "--area misspelt: exit 1 naming the nearest area" {
	run_split normalise-crime --area Barnett ../mps/borough_2024_vintage.csv
	[ "$status" -eq 1 ]
	golden input/area-barnett
	run_split normalise-crime --area 'Burnt Oke' ../mps/ward_2022_wards.csv
	[ "$status" -eq 1 ]
	golden input/area-burnt-oke
}

@test "--area known but not in the file: the areas it has; a borough's other names keep its rows" {
	run_split normalise-crime --area Enfield ../mps/borough_2024_vintage.csv
	[ "$status" -eq 1 ]
	golden input/area-enfield
	run_split normalise-crime --area Zzyzx ../mps/borough_2024_vintage.csv
	[ "$status" -eq 1 ]
	golden input/area-none
	# "E09000003" is Barnet's code: the same rows as --area Barnet.
	normalise-crime --area Barnet ../mps/borough_2024_vintage.csv > "$BATS_TEST_TMPDIR/barnet"
	run_split normalise-crime --area E09000003 ../mps/borough_2024_vintage.csv
	[ "$status" -eq 0 ]
	cmp "$BATS_TEST_TMPDIR/barnet" "$out_file"
}

@test "join-wards --borough misspelt: the nearest local authority" {
	run_split join-wards --borough Barnett ../wards/barnet-ward-indicators.tsv
	[ "$status" -eq 2 ]
	golden input/borough-barnett
}

@test "a missing column: the nearest and the columns present" {
	run_split join-wards -k Area ../wards/barnet-ward-indicators.tsv
	[ "$status" -eq 2 ]
	golden input/column-area
	run_split rag-flag -g area,ofence ../rag/mixed.tsv
	[ "$status" -eq 2 ]
	golden input/column-ofence
}

@test "an unknown option: the nearest long option, once, under one name" {
	for t in extract-minutes normalise-crime join-wards rank-boroughs rag-flag; do
		run_split "$t" --strcit
		[ "$status" -eq 2 ]
		[ "$(cat "$err_file")" = "$(printf "%s: unknown option '--strcit' (nearest: --strict)\nTry '%s --help' for more information." "$t" "$t")" ]
	done
	run_split join-wards --re x
	[ "$status" -eq 2 ]
	golden input/option-ambiguous
	run_split rag-flag --summary=yes
	[ "$status" -eq 2 ]
	golden input/option-novalue
	run_split normalise-crime --area
	[ "$status" -eq 2 ]
	golden input/option-needsvalue
	run_split rank-boroughs -Z
	[ "$status" -eq 2 ]
	golden input/option-short
}

# ---- warnings a person can read ------------------------------------------

@test "warnings: ten of a kind, then 'and N more like this', a count per kind" {
	cat ../wards/london-ward-burglary.tsv > "$BATS_TEST_TMPDIR/w.tsv"
	for i in 1 2 3 4 5 6 7 8 9 10 11; do sed 1d ../wards/london-ward-burglary.tsv; done >> "$BATS_TEST_TMPDIR/w.tsv"
	cd "$BATS_TEST_TMPDIR"
	join-wards -k ward -b borough w.tsv > full.out 2>/dev/null
	# Stdout is the same whatever is printed of the warnings.
	run_split sh -c 'join-wards -k ward -b borough w.tsv | cmp full.out -'
	[ "$status" -eq 0 ]
	golden input/warnings-default
	run_split sh -c 'join-wards --max-warnings 2 -k ward -b borough w.tsv | cmp full.out -'
	[ "$status" -eq 0 ]
	golden input/warnings-max2
}

@test "warnings: -q prints none; --strict still counts them all" {
	run_split join-wards -q -k ward -b borough ../wards/london-ward-burglary.tsv
	[ "$status" -eq 0 ]
	[ ! -s "$err_file" ]
	run_split join-wards -q --strict -k ward -b borough ../wards/london-ward-burglary.tsv
	[ "$status" -eq 1 ]
	[ "$(cat "$err_file")" = "$(printf '%s\n%s' \
		'join-wards: 1 warning: ward "..." is ambiguous' \
		'join-wards: 1 warning: borough "..." is not a local authority of the reference')" ]
	run_split sh -c 'join-wards --max-warnings 0 --strict -k ward -b borough ../wards/london-ward-burglary.tsv > /dev/null'
	[ "$status" -eq 1 ]
	golden input/warnings-max0
	run_split rag-flag --max-warnings x ../rag/mixed.tsv
	[ "$status" -eq 2 ]
	[ "$(head -1 "$err_file")" = "rag-flag: --max-warnings: 'x' is not a count (0 or more)" ]
}

@test "-q and --max-warnings are the same options in every tool" {
	for t in extract-minutes normalise-crime join-wards rank-boroughs rag-flag; do
		run_split "$t" -h
		grep -q -- '-q, --quiet' "$out_file"
		grep -q -- '--max-warnings N' "$out_file"
		grep -q -- '--strict' "$out_file"
		grep -Eq 'max(\\)?-warnings' "$ROOT/cmd/$t/$t.1"
		grep -q 'quiet' "$ROOT/cmd/$t/$t.1"
	done
}

# ---- the tools fit -------------------------------------------------------

@test "an empty named file: its name, not stdin's" {
	: > "$BATS_TEST_TMPDIR/empty.txt"
	cd "$BATS_TEST_TMPDIR"
	run_split extract-minutes empty.txt
	[ "$status" -eq 0 ]
	[ "$(cat "$err_file")" = "$(printf '%s\n%s' 'extract-minutes: empty.txt: no minutes found' 'extract-minutes: 1 warning')" ]
}

@test "normalise-crime keeps a ward file's borough as parent_area; join-wards takes area_code first" {
	run_split sh -c 'normalise-crime ../mps/ward_2022_wards.csv | join-wards'
	[ "$status" -eq 0 ]
	[ ! -s "$err_file" ]
	head -1 "$out_file" | grep -q "^source	line	area	area_code	parent_area	parent_area_code	period	"
	# Every row: the ward code found is the code normalise-crime wrote,
	# and the borough is the ward's, but for Heathrow Villages (96 rows),
	# which the MPS files under "Aviation Security (SO18)": kept as
	# printed, with no code; the ward code still finds it in Hillingdon.
	[ "$(awk -F'\t' 'NR > 1 && $4 != $16 { bad++ } NR > 1 && $6 != $18 { other[$5 "|" $6 "|" $19]++ }
		END { print NR - 1, bad + 0; for (k in other) print k, other[k] }' "$out_file")" = \
	  "$(printf '384 0\nAviation Security (SO18)||Hillingdon 96')" ]
}

# bats test_tags=stress
@test "round trip over each shared MPS ward file: every ward by code, no warning" {
	need_shared data
	for f in "$SHARED"/data/mps_ward_crime_*.csv; do
		run_split sh -c "normalise-crime '$f' | join-wards --strict"
		[ "$status" -eq 0 ]
		[ ! -s "$err_file" ]
		[ "$(awk -F'\t' 'NR > 1 && ($16 == "" || $4 != $16) { bad++ } END { print bad + 0 }' "$out_file")" = 0 ]
	done
}
